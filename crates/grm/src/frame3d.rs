//! The 3D frame: window and `setspace` from the data (nice ranges), GR's classic view
//! (`rotation`, `tilt`), 3D grids, axes and titles, title and colour bar.

use gr::scale::options as opt;
use gr::Gr;

use crate::error::Result;
use crate::kinds::{self, Ctx, Kind};
use crate::layout::{cell_scale, text_size};
use crate::plot::Plot;
use crate::render::{colorbar_labels, draw_colorbar, extents, set_colormap, window, Frame2d};

fn tick3(w: [f64; 2]) -> f64 {
    gr::ticks::tick(w[0], w[1]).unwrap_or((w[1] - w[0]).abs()) / 5.0
}

pub(crate) fn draw_space(gr: &mut Gr, plot: &Plot, path: &str, cell: [f64; 4]) -> Result<()> {
    let (ext, _) = extents(plot, path)?;
    let xw = window(plot.x_lim, ext.x, plot.x_log, false, "x_lim", path)?;
    let yw = window(plot.y_lim, ext.y, plot.y_log, false, "y_lim", path)?;
    let zd = ext.z.unwrap_or([0.0, 1.0]);
    let zw = window(plot.z_lim, zd, plot.z_log, false, "z_lim", path)?;
    let k = cell_scale(&cell);
    let ch = 0.016 * k;
    let (cw, chh) = (cell[1] - cell[0], cell[3] - cell[2]);
    let title_h = match plot.title.as_deref().filter(|t| !t.is_empty()) {
        Some(t) => text_size(gr, t, 1.15 * ch, &format!("{path}.title"))?.1 + 0.6 * ch,
        None => 0.0,
    };
    let c_series = plot.series.iter().find_map(|s| s.c.as_deref());
    let colorbar = plot
        .colorbar
        .unwrap_or(matches!(plot.kind, Kind::Surface | Kind::Trisurface) || c_series.is_some());
    let cz = match c_series {
        Some(c) if !matches!(plot.kind, Kind::Surface | Kind::Trisurface) => {
            let lo = c
                .iter()
                .copied()
                .filter(|v| v.is_finite())
                .fold(f64::MAX, f64::min);
            let hi = c
                .iter()
                .copied()
                .filter(|v| v.is_finite())
                .fold(f64::MIN, f64::max);
            if lo < hi {
                [lo, hi]
            } else {
                [lo - 0.5, lo + 0.5]
            }
        }
        _ => zw,
    };
    let mut right = 0.08 * cw;
    if colorbar {
        let mut w = 0.0f64;
        for l in colorbar_labels(cz) {
            w = w.max(text_size(gr, &l, ch, "colorbar label")?.0);
        }
        right += 0.06 * k + 0.012 + w + 0.02 * k;
    }
    let vp = [
        cell[0] + 0.12 * cw,
        cell[1] - right,
        cell[2] + 0.1 * chh,
        cell[3] - 0.04 * chh - title_h,
    ];
    set_colormap(gr, plot, path)?;
    gr.setcharheight(ch)?;
    gr.setviewport(vp[0], vp[1], vp[2], vp[3])?;
    gr.setwindow(xw[0], xw[1], yw[0], yw[1])?;
    let mut bits = 0;
    for (on, b) in [
        (plot.x_log, opt::X_LOG),
        (plot.y_log, opt::Y_LOG),
        (plot.z_log, opt::Z_LOG),
        (plot.x_flip, opt::FLIP_X),
        (plot.y_flip, opt::FLIP_Y),
        (plot.z_flip, opt::FLIP_Z),
    ] {
        if on {
            bits |= b;
        }
    }
    gr.setspace(zw[0], zw[1], plot.rotation, plot.tilt)?;
    gr.setscale(bits)?;
    let (xt, yt, zt) = (tick3(xw), tick3(yw), tick3(zw));
    gr.setlinecolorind(1)?;
    gr.setlinewidth(1.0)?;
    if plot.grid {
        gr.grid3d(xt, 0.0, zt, xw[0], yw[1], zw[0], 2, 0, 2)?;
        gr.grid3d(0.0, yt, 0.0, xw[0], yw[1], zw[0], 0, 2, 0)?;
    }
    for (i, s) in plot.series.iter().enumerate() {
        let sp = format!("{path}.series[{i}]");
        gr.savestate();
        let mut ctx = Ctx {
            gr,
            plot,
            vp,
            window: [xw[0], xw[1], yw[0], yw[1]],
            z: Some(cz),
            ch,
            z_out: None,
        };
        let r = kinds::draw(plot.series_kind(i), &mut ctx, s, i, &sp);
        gr.restorestate()?;
        r?;
    }
    gr.setlinecolorind(1)?;
    gr.setlinewidth(1.0)?;
    gr.settextcolorind(1)?;
    let ts = 0.0075 * k;
    gr.axes3d(xt, 0.0, zt, xw[0], yw[0], zw[0], 5, 0, 5, -ts)?;
    gr.axes3d(0.0, yt, 0.0, xw[1], yw[0], zw[0], 0, 5, 0, ts)?;
    let lab = |l: &Option<String>| l.clone().unwrap_or_default();
    gr.titles3d(
        &lab(&plot.x_label),
        &lab(&plot.y_label),
        &lab(&plot.z_label),
    )?;
    if let Some(t) = plot.title.as_deref().filter(|t| !t.is_empty()) {
        gr.savestate();
        gr.setcharheight(1.15 * ch)?;
        gr.settextalign(2, 1)?;
        let r = gr.text(0.5 * (cell[0] + cell[1]), cell[3] - 0.04 * chh, t);
        gr.restorestate()?;
        r?;
    }
    if colorbar {
        let x0 = vp[1] + 0.05 * k;
        let rect = [
            x0,
            x0 + 0.03 * k,
            vp[2] + 0.1 * (vp[3] - vp[2]),
            vp[3] - 0.1 * (vp[3] - vp[2]),
        ];
        let f = Frame2d::plain(ch, ts, vp);
        let mut p = plot.clone();
        p.z_label = None;
        draw_colorbar(gr, &p, &f, rect, cz)?;
    }
    Ok(())
}
