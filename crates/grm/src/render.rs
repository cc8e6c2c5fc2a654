//! Rendering a figure: page setup, one frame per subplot (cartesian axes with measured
//! margins, colour bars, titles, labels, legends), and the kinds inside.

use gr::scale::options as opt;
use gr::ticks::{self, TickFormat};
use gr::Gr;

use crate::error::{invalid, Result};
use crate::figure::Figure;
use crate::kinds::{self, Ctx, Extent, Frame};
use crate::layout::{cell_rect, cell_scale, nice_range, text_size, AxisTicks};
use crate::plot::{Colormap, Plot};

/// Where a subplot was drawn: its data viewport (NDC), world window and `setscale` bits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlotGeometry {
    /// The data area in NDC: xmin, xmax, ymin, ymax.
    pub viewport: [f64; 4],
    /// The world window shown there: xmin, xmax, ymin, ymax.
    pub window: [f64; 4],
    /// GR's `setscale` option bits (log and flip).
    pub scale: i32,
}

/// Renders all subplots of a figure into a fresh context.
pub(crate) fn render(fig: &Figure) -> Result<(Gr, Vec<PlotGeometry>)> {
    let mut gr = Gr::new();
    gr.gks_mut().set_size_px(fig.width, fig.height)?;
    let bg = match fig.background {
        Some(c) => Some(c.to_rgba(&gr, "background_color")?),
        None => None,
    };
    gr.gks_mut().set_background(bg);
    let (w, h) = (fig.width.round(), fig.height.round());
    let (pw, ph) = if w >= h { (1.0, h / w) } else { (w / h, 1.0) };
    let mut geometry = Vec::with_capacity(fig.plots.len());
    for (i, plot) in fig.plots.iter().enumerate() {
        let path = format!("subplots[{i}]");
        let cell = cell_rect(pw, ph, &plot.pos, &path)?;
        gr.savestate();
        let r = draw_plot(&mut gr, plot, &path, cell);
        geometry.push(PlotGeometry {
            viewport: gr.inqviewport(),
            window: gr.inqwindow(),
            scale: gr.inqscale(),
        });
        gr.restorestate()?;
        r?;
    }
    Ok((gr, geometry))
}

/// Checks the series kinds of a plot (all in the plot kind's frame family).
pub(crate) fn check_kinds(plot: &Plot, path: &str) -> Result<Frame> {
    let frame = plot.kind.frame();
    if plot.series.is_empty() {
        return Err(invalid(
            format!("{path}.series"),
            "is empty; add at least one series with data",
        ));
    }
    for i in 0..plot.series.len() {
        let k = plot.series_kind(i);
        if k.frame() != frame {
            return Err(invalid(
                format!("{path}.series[{i}].kind"),
                format!(
                    "{:?} cannot be drawn on a {:?} plot (different axes); use a separate subplot",
                    k.name(),
                    plot.kind.name()
                ),
            ));
        }
    }
    Ok(frame)
}

fn draw_plot(gr: &mut Gr, plot: &Plot, path: &str, cell: [f64; 4]) -> Result<()> {
    match check_kinds(plot, path)? {
        Frame::Cartesian => draw_cartesian(gr, plot, path, cell),
        Frame::Space => crate::frame3d::draw_space(gr, plot, path, cell),
        Frame::Polar => crate::frame_polar::draw_polar(gr, plot, path, cell),
        Frame::Pie => kinds::draw_pie(gr, plot, path, cell),
        Frame::Image => kinds::draw_imshow(gr, plot, path, cell),
        Frame::Marginal => kinds::draw_marginal(gr, plot, path, cell),
        Frame::Volume => kinds::draw_volume_frame(gr, plot, path, cell),
    }
}

/// Sets the plot's colormap on the 256-colour block 1000..=1255.
pub(crate) fn set_colormap(gr: &mut Gr, plot: &Plot, path: &str) -> Result<()> {
    let code = match &plot.colormap {
        Colormap::Number(n) => *n,
        Colormap::Name(name) => {
            let (rev, n) = name
                .strip_prefix('-')
                .map_or((false, name.as_str()), |n| (true, n));
            let i = gr::colormap::colormap_by_name(n).ok_or_else(|| {
                invalid(
                    format!("{path}.colormap"),
                    format!("unknown colormap {name:?}; use a GR name such as \"viridis\" or a number 0..=47"),
                )
            })?;
            if rev {
                -i
            } else {
                i
            }
        }
    };
    if !(-47..=47).contains(&code) {
        return Err(invalid(
            format!("{path}.colormap"),
            format!("colormap {code} does not exist; use 0..=47 (negative reverses)"),
        ));
    }
    gr.setcolormap(if code < 0 { code - 100 } else { code + 100 })?;
    Ok(())
}

/// Checks a user limit pair.
pub(crate) fn check_lim(lim: [f64; 2], key: &str, log: bool, path: &str) -> Result<[f64; 2]> {
    let p = format!("{path}.{key}");
    if !(lim[0].is_finite() && lim[1].is_finite()) {
        return Err(invalid(p, "limits must be finite numbers"));
    }
    if lim[0] >= lim[1] {
        return Err(invalid(
            p,
            format!(
                "lower limit {} must be below upper limit {} (use x_flip/y_flip to reverse an axis)",
                lim[0], lim[1]
            ),
        ));
    }
    if log && lim[0] <= 0.0 {
        return Err(invalid(
            p,
            format!("limits must be positive on a log axis, got {}", lim[0]),
        ));
    }
    Ok(lim)
}

/// Geometry of a 2D frame, for drawing and for layout tests.
#[derive(Debug, Clone)]
pub(crate) struct Frame2d {
    pub ch: f64,
    pub ts: f64,
    pub vp: [f64; 4],
    /// Distance from the viewport edge to the outer edge of the tick labels: left (y
    /// labels), bottom (x labels), right (twin y labels), top (twin x labels).
    pub label_room: [f64; 4],
    pub xt: AxisTicks,
    pub yt: AxisTicks,
    /// Twin y window and ticks.
    pub twin: Option<([f64; 2], AxisTicks)>,
    /// Twin x window and ticks (top axis).
    pub twin_x: Option<([f64; 2], AxisTicks)>,
    /// Colour bar rectangle and z range.
    pub colorbar: Option<([f64; 4], [f64; 2])>,
}

impl Frame2d {
    /// A frame without axes (3D, polar): for colour bars and legends.
    pub(crate) fn plain(ch: f64, ts: f64, vp: [f64; 4]) -> Frame2d {
        let none = AxisTicks {
            minor: 0.0,
            major: 0,
            labels: Vec::new(),
            values: Vec::new(),
            log: false,
        };
        Frame2d {
            ch,
            ts,
            vp,
            label_room: [0.0; 4],
            xt: none.clone(),
            yt: none,
            twin: None,
            twin_x: None,
            colorbar: None,
        }
    }
}

/// Measurement inputs of a 2D frame.
pub(crate) struct FrameSpec<'a> {
    pub plot: &'a Plot,
    pub path: &'a str,
    pub cell: [f64; 4],
    pub xw: [f64; 2],
    pub yw: [f64; 2],
    pub twin: Option<[f64; 2]>,
    pub twin_x: Option<[f64; 2]>,
    pub z: Option<[f64; 2]>,
    pub axes: bool,
}

fn max_w(gr: &mut Gr, labels: &[String], ch: f64) -> Result<f64> {
    let mut w = 0.0f64;
    for l in labels {
        w = w.max(text_size(gr, l, ch, "tick label")?.0);
    }
    Ok(w)
}

/// Colour bar labels as `gr.colorbar` writes them.
pub(crate) fn colorbar_labels(z: [f64; 2]) -> Vec<String> {
    let Ok(t) = ticks::tick(z[0], z[1]) else {
        return Vec::new();
    };
    let values = ticks::linear_ticks(z[0], z[1], t, 0.0);
    let fmt = TickFormat::for_ticks(&values, t);
    values.iter().map(|&v| fmt.format(v)).collect()
}

/// Lays out a 2D frame: ticks that fit, and margins from measured label extents.
pub(crate) fn layout_2d(gr: &mut Gr, s: &FrameSpec) -> Result<Frame2d> {
    let plot = s.plot;
    let cell = s.cell;
    let k = cell_scale(&cell);
    let ch = 0.016 * k;
    let ts = 0.0075 * k;
    let pad = 0.012 * k;
    let lab_gap = 0.6 * ch;
    let text = |gr: &mut Gr, t: &Option<String>, key: &str, h: f64| -> Result<(f64, f64)> {
        match t {
            Some(t) if !t.is_empty() => {
                let (w, hh) = text_size(gr, t, h, &format!("{}.{key}", s.path))?;
                Ok((w, hh))
            }
            _ => Ok((0.0, 0.0)),
        }
    };
    let (title_w, title_h) = text(gr, &plot.title, "title", 1.15 * ch)?;
    let _ = title_w;
    let (_, xl_h) = text(gr, &plot.x_label, "x_label", ch)?;
    let (_, yl_h) = text(gr, &plot.y_label, "y_label", ch)?;
    let (_, zl_h) = text(gr, &plot.z_label, "z_label", ch)?;
    let (_, tl_h) = text(gr, &plot.twin_y_label, "twin_y_label", ch)?;
    let (_, txl_h) = text(gr, &plot.twin_x_label, "twin_x_label", ch)?;
    let sp = |h: f64| if h > 0.0 { h + lab_gap } else { 0.0 };
    let cb = s.z.filter(|_| {
        plot.colorbar.unwrap_or_else(|| {
            plot.kind.default_colorbar() || plot.series.iter().any(|s| s.c.is_some())
        })
    });
    let cb_gap = 0.025 * k;
    let cb_w = 0.03 * k;
    let cb_labels = cb.map(colorbar_labels).unwrap_or_default();
    let cb_lw = max_w(gr, &cb_labels, ch)?;
    // Start from a guess, then settle the ticks and margins twice.
    let mut vp = [
        cell[0] + 0.15 * (cell[1] - cell[0]),
        cell[1] - 0.1 * (cell[1] - cell[0]),
        cell[2] + 0.15 * (cell[3] - cell[2]),
        cell[3] - 0.1 * (cell[3] - cell[2]),
    ];
    let (xlog, ylog) = (plot.x_log, plot.y_log);
    let mut frame = None;
    for _ in 0..2 {
        let (vw, vh) = (vp[1] - vp[0], vp[3] - vp[2]);
        let xspan = (s.xw[1] - s.xw[0]).abs();
        // Bar positions are categories: whole-number ticks only.
        let bars = plot.kind == crate::kinds::Kind::Barplot;
        let horizontal = plot.orientation == crate::plot::Orientation::Horizontal;
        let whole = |m: f64| m >= 1.0 && m.fract() == 0.0;
        let xt = AxisTicks::new(s.xw[0], s.xw[1], xlog, |labels, major| {
            if bars && !horizontal && !whole(major) {
                return Ok(false);
            }
            let w = max_w(gr, labels, ch)?;
            Ok(w * 1.25 + 0.5 * ch <= major / xspan * vw)
        })?;
        let yspan = (s.yw[1] - s.yw[0]).abs();
        let y_fit = |_: &[String], major: f64| {
            Ok((!bars || !horizontal || whole(major)) && 2.0 * ch <= major / yspan * vh)
        };
        let yt = AxisTicks::new(s.yw[0], s.yw[1], ylog, y_fit)?;
        let twin = match s.twin {
            Some(tw) => {
                let span = (tw[1] - tw[0]).abs();
                let t = AxisTicks::new(tw[0], tw[1], false, |_, m| Ok(2.0 * ch <= m / span * vh))?;
                Some((tw, t))
            }
            None => None,
        };
        let twin_x = match s.twin_x {
            Some(tw) => {
                let span = (tw[1] - tw[0]).abs();
                let t = AxisTicks::new(tw[0], tw[1], false, |labels, m| {
                    let w = max_w(gr, labels, ch)?;
                    Ok(w * 1.25 + 0.5 * ch <= m / span * vw)
                })?;
                Some((tw, t))
            }
            None => None,
        };
        let twin_xh = match &twin_x {
            Some((_, t)) => t.max_size(gr, ch)?.1,
            None => 0.0,
        };
        let (_, xlh) = if s.axes {
            xt.max_size(gr, ch)?
        } else {
            (0.0, 0.0)
        };
        let (ylw, _) = if s.axes {
            yt.max_size(gr, ch)?
        } else {
            (0.0, 0.0)
        };
        let twin_w = match &twin {
            Some((_, t)) => t.max_size(gr, ch)?.0,
            None => 0.0,
        };
        let first_x = xt
            .labels
            .first()
            .map_or(Ok(0.0), |l| text_size(gr, l, ch, "tick label").map(|t| t.0))?;
        let last_x = xt
            .labels
            .last()
            .map_or(Ok(0.0), |l| text_size(gr, l, ch, "tick label").map(|t| t.0))?;
        let tick_room = if s.axes { ts + 0.5 * ch } else { 0.0 };
        let left = (pad + sp(yl_h) + ylw + tick_room).max(pad + 0.5 * first_x);
        let bottom = pad + sp(xl_h) + xlh + tick_room;
        let mut top = pad + sp(title_h).max(0.6 * ch);
        if twin_x.is_some() {
            top += twin_xh + tick_room + sp(txl_h);
        }
        let mut right = pad;
        if twin.is_some() {
            right += twin_w + tick_room + sp(tl_h);
        }
        if cb.is_some() {
            right += cb_gap + cb_w + 0.012 + cb_lw + sp(zl_h);
        }
        right = right.max(pad + 0.5 * last_x);
        let mut nvp = [
            cell[0] + left,
            cell[1] - right,
            cell[2] + bottom,
            cell[3] - top,
        ];
        if nvp[1] - nvp[0] < 0.05 * k || nvp[3] - nvp[2] < 0.05 * k {
            return Err(invalid(
                s.path,
                "the labels leave no room for the plot; make the figure larger or the texts shorter",
            ));
        }
        if plot.keep_aspect_ratio {
            let ratio = if xlog || ylog {
                1.0
            } else {
                (s.xw[1] - s.xw[0]).abs() / (s.yw[1] - s.yw[0]).abs()
            };
            let (w, h) = (nvp[1] - nvp[0], nvp[3] - nvp[2]);
            if w / h > ratio {
                let nw = h * ratio;
                let c = 0.5 * (nvp[0] + nvp[1]);
                nvp[0] = c - 0.5 * nw;
                nvp[1] = c + 0.5 * nw;
            } else {
                let nh = w / ratio;
                let c = 0.5 * (nvp[2] + nvp[3]);
                nvp[2] = c - 0.5 * nh;
                nvp[3] = c + 0.5 * nh;
            }
        }
        vp = nvp;
        let colorbar = cb.map(|z| {
            let mut x0 = vp[1] + cb_gap;
            if twin.is_some() {
                x0 += twin_w + tick_room + sp(tl_h);
            }
            ([x0, x0 + cb_w, vp[2], vp[3]], z)
        });
        frame = Some(Frame2d {
            ch,
            ts,
            vp,
            label_room: [
                ylw + tick_room,
                xlh + tick_room,
                twin_w + tick_room,
                if twin_x.is_some() {
                    twin_xh + tick_room
                } else {
                    0.0
                },
            ],
            xt,
            yt,
            twin,
            twin_x,
            colorbar,
        });
    }
    Ok(frame.expect("two layout passes ran"))
}

/// Scale option bits of a plot.
pub(crate) fn scale_bits(plot: &Plot) -> i32 {
    let mut o = 0;
    if plot.x_log {
        o |= opt::X_LOG;
    }
    if plot.y_log {
        o |= opt::Y_LOG;
    }
    if plot.x_flip {
        o |= opt::FLIP_X;
    }
    if plot.y_flip {
        o |= opt::FLIP_Y;
    }
    o
}

/// Data extents of a plot's series (twin series separately).
pub(crate) fn extents(plot: &Plot, path: &str) -> Result<(Extent, Option<Extent>)> {
    let (main, twin, _) = extents3(plot, path)?;
    Ok((main, twin))
}

/// Data extents: main axes, twin y series, twin x series.
pub(crate) fn extents3(
    plot: &Plot,
    path: &str,
) -> Result<(Extent, Option<Extent>, Option<Extent>)> {
    let (mut main, mut twin, mut twin_x): (Option<Extent>, Option<Extent>, Option<Extent>) =
        (None, None, None);
    for (i, s) in plot.series.iter().enumerate() {
        let e = kinds::extent(
            plot.series_kind(i),
            plot,
            s,
            i,
            &format!("{path}.series[{i}]"),
        )?;
        let slot = if s.twin_y {
            &mut twin
        } else if s.twin_x {
            &mut twin_x
        } else {
            &mut main
        };
        *slot = Some(slot.map_or(e, |m| m.union(e)));
    }
    let main = main.ok_or_else(|| {
        invalid(
            format!("{path}.series"),
            "every series is on the twin axis; put at least one on the main axis",
        )
    })?;
    Ok((main, twin, twin_x))
}

/// The window of one axis: the user's limits or the padded data range.
pub(crate) fn window(
    lim: Option<[f64; 2]>,
    data: [f64; 2],
    log: bool,
    tight: bool,
    key: &str,
    path: &str,
) -> Result<[f64; 2]> {
    match lim {
        Some(l) => check_lim(l, key, log, path),
        None => Ok(nice_range(data, log, tight)),
    }
}

fn draw_cartesian(gr: &mut Gr, plot: &Plot, path: &str, cell: [f64; 4]) -> Result<()> {
    let (ext, twin_ext, twin_x_ext) = extents3(plot, path)?;
    let tight = plot.kind.tight();
    let xw = window(plot.x_lim, ext.x, plot.x_log, tight, "x_lim", path)?;
    let yw = window(plot.y_lim, ext.y, plot.y_log, tight, "y_lim", path)?;
    let twin = twin_ext.map(|e| nice_range(e.y, false, false));
    let twin_x = twin_x_ext.map(|e| nice_range(e.x, false, false));
    let z = match plot.z_lim {
        Some(l) => Some(check_lim(l, "z_lim", false, path)?),
        None => ext.z.map(|z| {
            if z[0] == z[1] {
                [z[0] - 0.5, z[1] + 0.5]
            } else {
                z
            }
        }),
    };
    let spec = FrameSpec {
        plot,
        path,
        cell,
        xw,
        yw,
        twin,
        twin_x,
        z,
        axes: true,
    };
    let mut f = layout_2d(gr, &spec)?;
    set_colormap(gr, plot, path)?;
    gr.setcharheight(f.ch)?;
    gr.setviewport(f.vp[0], f.vp[1], f.vp[2], f.vp[3])?;
    gr.setwindow(xw[0], xw[1], yw[0], yw[1])?;
    gr.setscale(scale_bits(plot))?;
    if plot.grid {
        gr.setlinecolorind(1)?;
        gr.setlinewidth(1.0)?;
        gr.grid(f.xt.minor, f.yt.minor, xw[0], yw[0], f.xt.major, f.yt.major)?;
    }
    for (i, s) in plot.series.iter().enumerate() {
        let sp = format!("{path}.series[{i}]");
        gr.savestate();
        if s.twin_y {
            let tw = twin.expect("twin window exists when a twin series does");
            gr.setwindow(xw[0], xw[1], tw[0], tw[1])?;
            gr.setscale(scale_bits(plot) & !(opt::Y_LOG | opt::FLIP_Y))?;
        } else if s.twin_x {
            let tw = twin_x.expect("twin window exists when a twin series does");
            gr.setwindow(tw[0], tw[1], yw[0], yw[1])?;
            gr.setscale(scale_bits(plot) & !(opt::X_LOG | opt::FLIP_X))?;
        }
        gr.setclip(true);
        let mut ctx = Ctx {
            gr,
            plot,
            vp: f.vp,
            window: [xw[0], xw[1], yw[0], yw[1]],
            z,
            ch: f.ch,
            z_out: None,
        };
        let r = kinds::draw(plot.series_kind(i), &mut ctx, s, i, &sp);
        let z_out = ctx.z_out;
        gr.restorestate()?;
        r?;
        if let (Some(zo), Some(cb)) = (z_out, f.colorbar.as_mut()) {
            if plot.z_lim.is_none() {
                cb.1 = zo;
            }
        }
    }
    draw_axes_2d(gr, plot, &f, xw, yw)?;
    draw_labels_2d(gr, plot, &f)?;
    if plot
        .legend
        .unwrap_or_else(|| plot.series.iter().any(|s| s.label.is_some()))
    {
        crate::legend::draw_legend(gr, plot, &f, path)?;
    }
    if let Some((rect, z)) = f.colorbar {
        draw_colorbar(gr, plot, &f, rect, z)?;
    }
    Ok(())
}

/// The lower/left labelled axes, the upper/right plain ones, and the twin axis.
pub(crate) fn draw_axes_2d(
    gr: &mut Gr,
    plot: &Plot,
    f: &Frame2d,
    xw: [f64; 2],
    yw: [f64; 2],
) -> Result<()> {
    gr.setlinecolorind(1)?;
    gr.setlinewidth(1.0)?;
    gr.setlinetype(1)?;
    gr.settextcolorind(1)?;
    gr.setcharheight(f.ch)?;
    let (x0, x1) = if plot.x_flip {
        (xw[1], xw[0])
    } else {
        (xw[0], xw[1])
    };
    let (y0, y1) = if plot.y_flip {
        (yw[1], yw[0])
    } else {
        (yw[0], yw[1])
    };
    let (xt, yt) = (&f.xt, &f.yt);
    let vp = f.vp;
    let gap = f.ts + 0.5 * f.ch;
    gr.axes(xt.minor, yt.minor, x0, y0, -xt.major, -yt.major, f.ts)?;
    for (i, &v) in xt.values.iter().enumerate() {
        let (x, _) = gr.wctondc(v, y0);
        xt.draw_label(gr, i, x, vp[2] - gap, (2, 1), f.ch)?;
    }
    for (i, &v) in yt.values.iter().enumerate() {
        let (_, y) = gr.wctondc(x0, v);
        yt.draw_label(gr, i, vp[0] - gap, y, (3, 3), f.ch)?;
    }
    if let Some((tw, tt)) = &f.twin_x {
        gr.savestate();
        gr.setwindow(tw[0], tw[1], yw[0], yw[1])?;
        gr.setscale(scale_bits(plot) & !(opt::X_LOG | opt::FLIP_X))?;
        let r = (|| -> Result<()> {
            gr.axes(tt.minor, 0.0, tw[0], y1, -tt.major, 0, -f.ts)?;
            for (i, &v) in tt.values.iter().enumerate() {
                let (x, _) = gr.wctondc(v, y1);
                tt.draw_label(gr, i, x, vp[3] + gap, (2, 5), f.ch)?;
            }
            Ok(())
        })();
        gr.restorestate()?;
        r?;
    }
    let top_x_minor = if f.twin_x.is_some() { 0.0 } else { xt.minor };
    match &f.twin {
        None => gr.axes(top_x_minor, yt.minor, x1, y1, -xt.major, -yt.major, -f.ts)?,
        Some((tw, tt)) => {
            if top_x_minor > 0.0 {
                gr.axes(xt.minor, 0.0, x1, y1, -xt.major, 0, -f.ts)?;
            }
            gr.savestate();
            gr.setwindow(xw[0], xw[1], tw[0], tw[1])?;
            gr.setscale(scale_bits(plot) & !(opt::Y_LOG | opt::FLIP_Y))?;
            let r = (|| -> Result<()> {
                gr.axes(0.0, tt.minor, x1, tw[0], 0, -tt.major, -f.ts)?;
                for (i, &v) in tt.values.iter().enumerate() {
                    let (_, y) = gr.wctondc(x1, v);
                    tt.draw_label(gr, i, vp[1] + gap, y, (1, 3), f.ch)?;
                }
                Ok(())
            })();
            gr.restorestate()?;
            r?;
        }
    }
    Ok(())
}

/// Title and axis labels of a 2D frame.
pub(crate) fn draw_labels_2d(gr: &mut Gr, plot: &Plot, f: &Frame2d) -> Result<()> {
    let vp = f.vp;
    gr.savestate();
    let r = (|| {
        gr.settextcolorind(1)?;
        gr.setcharup(0.0, 1.0)?;
        if let Some(t) = plot.title.as_deref().filter(|t| !t.is_empty()) {
            gr.setcharheight(1.15 * f.ch)?;
            gr.settextalign(2, 1)?;
            gr.settextalign(2, 5)?;
            let above = if f.label_room[3] > 0.0 {
                f.label_room[3]
                    + 0.6 * f.ch
                    + plot.twin_x_label.as_ref().map_or(Ok(0.0), |l| {
                        text_size(gr, l, f.ch, "twin_x_label").map(|s| s.1 + 0.6 * f.ch)
                    })?
            } else {
                0.0
            };
            gr.text(0.5 * (vp[0] + vp[1]), vp[3] + above + 0.6 * f.ch, t)?;
        }
        gr.setcharheight(f.ch)?;
        if let Some(t) = plot.x_label.as_deref().filter(|t| !t.is_empty()) {
            gr.settextalign(2, 1)?;
            gr.text(
                0.5 * (vp[0] + vp[1]),
                vp[2] - f.label_room[1] - 0.6 * f.ch,
                t,
            )?;
        }
        if let Some(t) = plot.y_label.as_deref().filter(|t| !t.is_empty()) {
            gr.setcharup(-1.0, 0.0)?;
            gr.settextalign(2, 1)?;
            gr.settextalign(2, 5)?;
            gr.text(
                vp[0] - f.label_room[0] - 0.6 * f.ch,
                0.5 * (vp[2] + vp[3]),
                t,
            )?;
        }
        if let Some(t) = plot.twin_x_label.as_deref().filter(|t| !t.is_empty()) {
            if f.twin_x.is_some() {
                gr.setcharup(0.0, 1.0)?;
                gr.settextalign(2, 5)?;
                gr.text(
                    0.5 * (vp[0] + vp[1]),
                    vp[3] + f.label_room[3] + 0.6 * f.ch,
                    t,
                )?;
            }
        }
        if let Some(t) = plot.twin_y_label.as_deref().filter(|t| !t.is_empty()) {
            if f.twin.is_some() {
                gr.setcharup(-1.0, 0.0)?;
                gr.settextalign(2, 1)?;
                gr.text(
                    vp[1] + f.label_room[2] + 0.6 * f.ch,
                    0.5 * (vp[2] + vp[3]),
                    t,
                )?;
            }
        }
        Ok(())
    })();
    gr.restorestate()?;
    r
}

/// The colour bar at `rect` for the range `z`, with the z label beside it.
pub(crate) fn draw_colorbar(
    gr: &mut Gr,
    plot: &Plot,
    f: &Frame2d,
    rect: [f64; 4],
    z: [f64; 2],
) -> Result<()> {
    gr.savestate();
    let r = (|| {
        gr.setscale(0)?;
        gr.setcharheight(f.ch)?;
        gr.settextcolorind(1)?;
        gr.setviewport(rect[0], rect[1], rect[2], rect[3])?;
        gr.setwindow(0.0, 1.0, z[0], z[1])?;
        gr.setzrange(z[0], z[1])?;
        gr.colorbar()?;
        gr.setlinecolorind(1)?;
        gr.setlinewidth(1.0)?;
        gr.selntran(0)?;
        gr.drawrect(rect[0], rect[1], rect[2], rect[3])?;
        gr.selntran(1)?;
        if let Some(t) = plot.z_label.as_deref().filter(|t| !t.is_empty()) {
            let w = colorbar_labels(z)
                .iter()
                .map(|l| text_size(gr, l, f.ch, "tick label").map(|s| s.0))
                .try_fold(0.0f64, |a, b| b.map(|b| a.max(b)))?;
            gr.setcharup(-1.0, 0.0)?;
            gr.settextalign(2, 1)?;
            gr.text(
                rect[1] + 0.012 + w + 0.6 * f.ch,
                0.5 * (rect[2] + rect[3]),
                t,
            )?;
        }
        Ok(())
    })();
    gr.restorestate()?;
    r
}
