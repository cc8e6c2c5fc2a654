//! `marginal_heatmap`: a heatmap with the sums of its columns above and of its rows to the
//! right, drawn as bars (`marginal_heatmap_kind` `"all"`; GRM's `"line"` variant is not
//! implemented).

use gr::Gr;

use super::grid::{edges, grid_data};
use super::{series_color, Ctx};
use crate::error::{invalid, Result};
use crate::plot::Plot;
use crate::render::{
    draw_axes_2d, draw_colorbar, draw_labels_2d, extents, layout_2d, scale_bits, set_colormap,
    window, FrameSpec,
};

pub(crate) fn draw_marginal(gr: &mut Gr, plot: &Plot, path: &str, cell: [f64; 4]) -> Result<()> {
    if plot.marginal_heatmap_kind != "all" {
        return Err(invalid(
            format!("{path}.marginal_heatmap_kind"),
            format!(
                "{:?} is not supported; use \"all\"",
                plot.marginal_heatmap_kind
            ),
        ));
    }
    if plot.series.len() != 1 {
        return Err(invalid(
            format!("{path}.series"),
            format!(
                "a marginal heatmap takes exactly one series, got {}",
                plot.series.len()
            ),
        ));
    }
    let (ext, _) = extents(plot, path)?;
    let xw = window(plot.x_lim, ext.x, plot.x_log, true, "x_lim", path)?;
    let yw = window(plot.y_lim, ext.y, plot.y_log, true, "y_lim", path)?;
    let z = match plot.z_lim {
        Some(l) => Some(crate::render::check_lim(l, "z_lim", false, path)?),
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
        twin: None,
        twin_x: None,
        z,
        axes: true,
    };
    let mut f = layout_2d(gr, &spec)?;
    let full = f.vp;
    let gap = 0.01;
    let main = [
        full[0],
        full[0] + 0.78 * (full[1] - full[0]),
        full[2],
        full[2] + 0.78 * (full[3] - full[2]),
    ];
    f.vp = main;
    set_colormap(gr, plot, path)?;
    gr.setviewport(main[0], main[1], main[2], main[3])?;
    gr.setwindow(xw[0], xw[1], yw[0], yw[1])?;
    gr.setscale(scale_bits(plot))?;
    let sp = format!("{path}.series[0]");
    let s = &plot.series[0];
    gr.savestate();
    let mut ctx = Ctx {
        gr,
        plot,
        vp: main,
        window: [xw[0], xw[1], yw[0], yw[1]],
        z,
        ch: f.ch,
        z_out: None,
    };
    let r = super::heatmap::draw(&mut ctx, s, 0, &sp);
    gr.restorestate()?;
    r?;
    draw_axes_2d(gr, plot, &f, xw, yw)?;
    // Column and row sums (NaN cells count as 0).
    let g = grid_data(s, &sp, true)?;
    let (xe, ye) = (edges(&g.x, g.nx), edges(&g.y, g.ny));
    let mut cols = vec![0.0; g.nx];
    let mut rows = vec![0.0; g.ny];
    for (k, &v) in g.z.iter().enumerate() {
        if v.is_finite() {
            cols[k % g.nx] += v;
            rows[k / g.nx] += v;
        }
    }
    let color = series_color(0);
    let side =
        |gr: &mut Gr, vp: [f64; 4], sums: &[f64], e: &[f64], horizontal: bool| -> Result<()> {
            let lo = sums.iter().fold(0.0f64, |a, &b| a.min(b));
            let hi = sums.iter().fold(0.0f64, |a, &b| a.max(b));
            let hi = if hi > lo { hi } else { lo + 1.0 };
            let (a0, a1) = (e[0], e[e.len() - 1]);
            gr.setviewport(vp[0], vp[1], vp[2], vp[3])?;
            if horizontal {
                gr.setwindow(lo, hi * 1.05, yw[0], yw[1])?;
                gr.setscale(
                    scale_bits(plot) & !(gr::scale::options::X_LOG | gr::scale::options::FLIP_X),
                )?;
            } else {
                gr.setwindow(xw[0], xw[1], lo, hi * 1.05)?;
                gr.setscale(
                    scale_bits(plot) & !(gr::scale::options::Y_LOG | gr::scale::options::FLIP_Y),
                )?;
            }
            gr.setfillintstyle(1)?;
            gr.setlinewidth(1.0)?;
            for (k, &v) in sums.iter().enumerate() {
                let (p0, p1) = (e[k], e[k + 1]);
                let (x0, x1, y0, y1) = if horizontal {
                    (0.0, v, p0, p1)
                } else {
                    (p0, p1, 0.0, v)
                };
                gr.setfillcolorind(color)?;
                gr.fillrect(x0.min(x1), x0.max(x1), y0.min(y1), y0.max(y1))?;
                gr.setlinecolorind(1)?;
                gr.drawrect(x0.min(x1), x0.max(x1), y0.min(y1), y0.max(y1))?;
            }
            let _ = (a0, a1);
            gr.selntran(0)?;
            gr.drawrect(vp[0], vp[1], vp[2], vp[3])?;
            gr.selntran(1)?;
            Ok(())
        };
    gr.savestate();
    let r = (|| -> Result<()> {
        side(
            gr,
            [main[0], main[1], main[3] + gap, full[3]],
            &cols,
            &xe,
            false,
        )?;
        side(
            gr,
            [main[1] + gap, full[1], main[2], main[3]],
            &rows,
            &ye,
            true,
        )
    })();
    gr.restorestate()?;
    r?;
    let mut ft = f.clone();
    ft.vp = [main[0], main[1], main[2], full[3]];
    draw_labels_2d(gr, plot, &ft)?;
    if let Some((rect, z)) = f.colorbar {
        draw_colorbar(gr, plot, &f, rect, z)?;
    }
    Ok(())
}
