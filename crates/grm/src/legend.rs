//! Legends: one row per labelled series (a line, marker or filled box sample and the
//! label), placed at matplotlib's locations; `best` picks the place covering the fewest
//! data points.

use gr::Gr;

use crate::error::Result;
use crate::kinds::{apply_style, Kind};
use crate::layout::text_size;
use crate::plot::{Location, Plot};
use crate::render::Frame2d;

/// The legend box of a plot in NDC, and the rows' baselines.
pub(crate) struct LegendBox {
    pub rect: [f64; 4],
    pub rows: Vec<f64>,
    pub sample: f64,
}

fn rect_at(loc: Location, vp: [f64; 4], w: f64, h: f64, m: f64) -> [f64; 4] {
    use Location::*;
    let (xl, xc, xr) = (vp[0] + m, 0.5 * (vp[0] + vp[1] - w), vp[1] - m - w);
    let (yb, yc, yt) = (vp[2] + m, 0.5 * (vp[2] + vp[3] - h), vp[3] - m - h);
    let (x, y) = match loc {
        Best | UpperRight => (xr, yt),
        UpperLeft => (xl, yt),
        LowerLeft => (xl, yb),
        LowerRight => (xr, yb),
        Right | CenterRight => (xr, yc),
        CenterLeft => (xl, yc),
        LowerCenter => (xc, yb),
        UpperCenter => (xc, yt),
        Center => (xc, yc),
    };
    [x, x + w, y, y + h]
}

/// Data points of the plot in NDC (sampled), for `best`.
fn ndc_points(gr: &Gr, plot: &Plot) -> Vec<(f64, f64)> {
    let mut pts = Vec::new();
    for s in &plot.series {
        let Some(y) = &s.y else { continue };
        let step = (y.len() / 2000).max(1);
        for i in (0..y.len()).step_by(step) {
            let x =
                s.x.as_ref()
                    .map_or((i + 1) as f64, |x| x.get(i).copied().unwrap_or(f64::NAN));
            let (u, v) = gr.wctondc(x, y[i]);
            if u.is_finite() && v.is_finite() {
                pts.push((u, v));
            }
        }
    }
    pts
}

/// Computes the legend box (without drawing).
pub(crate) fn legend_box(
    gr: &mut Gr,
    plot: &Plot,
    f: &Frame2d,
    path: &str,
) -> Result<Option<LegendBox>> {
    let labels: Vec<&str> = plot
        .series
        .iter()
        .filter_map(|s| s.label.as_deref())
        .collect();
    if labels.is_empty() {
        return Ok(None);
    }
    let ch = f.ch;
    let mut tw = 0.0f64;
    let mut row_h = 1.9 * ch;
    for (i, s) in plot.series.iter().enumerate() {
        if let Some(l) = &s.label {
            let (w, h) = text_size(gr, l, ch, &format!("{path}.series[{i}].label"))?;
            tw = tw.max(w);
            row_h = row_h.max(h + 0.6 * ch);
        }
    }
    let sample = 3.0 * ch;
    let padx = 0.8 * ch;
    let w = padx + sample + 0.8 * ch + tw + padx;
    let h = row_h * labels.len() as f64 + 0.6 * ch;
    let m = 0.02 * (f.vp[1] - f.vp[0]).min(f.vp[3] - f.vp[2]).max(0.5);
    let loc = if plot.location == Location::Best {
        let pts = ndc_points(gr, plot);
        let order = [
            Location::UpperRight,
            Location::UpperLeft,
            Location::LowerLeft,
            Location::LowerRight,
            Location::Right,
            Location::CenterLeft,
            Location::LowerCenter,
            Location::UpperCenter,
            Location::Center,
        ];
        let count = |l: Location| {
            let r = rect_at(l, f.vp, w, h, m);
            pts.iter()
                .filter(|(x, y)| *x >= r[0] && *x <= r[1] && *y >= r[2] && *y <= r[3])
                .count()
        };
        order
            .into_iter()
            .min_by_key(|&l| count(l))
            .unwrap_or(Location::UpperRight)
    } else {
        plot.location
    };
    let rect = rect_at(loc, f.vp, w, h, m);
    let rows = (0..labels.len())
        .map(|k| rect[3] - 0.3 * ch - (k as f64 + 0.5) * row_h)
        .collect();
    Ok(Some(LegendBox { rect, rows, sample }))
}

/// Draws the legend of a plot.
pub(crate) fn draw_legend(gr: &mut Gr, plot: &Plot, f: &Frame2d, path: &str) -> Result<()> {
    let Some(b) = legend_box(gr, plot, f, path)? else {
        return Ok(());
    };
    let ch = f.ch;
    gr.savestate();
    let r = (|| {
        gr.selntran(0)?;
        gr.setclip(false);
        let [x0, x1, y0, y1] = b.rect;
        gr.setfillintstyle(1)?;
        gr.setfillcolorind(0)?;
        gr.fillrect(x0, x1, y0, y1)?;
        gr.setlinecolorind(1)?;
        gr.setlinewidth(1.0)?;
        gr.setlinetype(1)?;
        gr.drawrect(x0, x1, y0, y1)?;
        let sx0 = x0 + 0.8 * ch;
        let sx1 = sx0 + b.sample;
        let mut row = 0;
        for (i, s) in plot.series.iter().enumerate() {
            let Some(label) = &s.label else { continue };
            let y = b.rows[row];
            row += 1;
            let parts = apply_style(gr, s, i, &format!("{path}.series[{i}]"))?;
            match plot.series_kind(i) {
                Kind::Scatter => {
                    if !parts.marker {
                        gr.setmarkertype(-1)?;
                    }
                    gr.polymarker(&[0.5 * (sx0 + sx1)], &[y])?;
                }
                Kind::Barplot | Kind::Histogram => {
                    gr.setfillintstyle(1)?;
                    gr.fillrect(sx0 + 0.5 * ch, sx1 - 0.5 * ch, y - 0.5 * ch, y + 0.5 * ch)?;
                    gr.setlinecolorind(1)?;
                    gr.setlinewidth(1.0)?;
                    gr.drawrect(sx0 + 0.5 * ch, sx1 - 0.5 * ch, y - 0.5 * ch, y + 0.5 * ch)?;
                }
                _ => {
                    if parts.line || !parts.marker {
                        gr.polyline(&[sx0, sx1], &[y, y])?;
                    }
                    if parts.marker {
                        gr.polymarker(&[0.5 * (sx0 + sx1)], &[y])?;
                    }
                }
            }
            gr.settextcolorind(1)?;
            gr.setcharheight(ch)?;
            gr.setcharup(0.0, 1.0)?;
            gr.settextalign(1, 3)?;
            gr.text(sx1 + 0.8 * ch, y, label)?;
        }
        Ok(())
    })();
    gr.restorestate()?;
    r
}
