//! `imshow`: grid `z` as an image through the colormap, rows from the top as in image
//! files, pixels square (aspect kept), no axes; a frame of its own.

use gr::Gr;

use super::grid::{grid_data, z_range};
use super::heatmap::colors;
use crate::error::{invalid, Result};
use crate::layout::{cell_scale, text_size};
use crate::plot::Plot;

pub(crate) fn draw_imshow(gr: &mut Gr, plot: &Plot, path: &str, cell: [f64; 4]) -> Result<()> {
    if plot.series.len() != 1 {
        return Err(invalid(
            format!("{path}.series"),
            format!("imshow takes exactly one series, got {}", plot.series.len()),
        ));
    }
    let sp = format!("{path}.series[0]");
    let g = grid_data(&plot.series[0], &sp, true)?;
    let z = match plot.z_lim {
        Some(l) => crate::render::check_lim(l, "z_lim", false, path)?,
        None => {
            let r = z_range(&g, &sp)?;
            if r[0] == r[1] {
                [r[0] - 0.5, r[1] + 0.5]
            } else {
                r
            }
        }
    };
    let k = cell_scale(&cell);
    let ch = 0.016 * k;
    let pad = 0.02 * k;
    let title_h = match plot.title.as_deref().filter(|t| !t.is_empty()) {
        Some(t) => text_size(gr, t, 1.15 * ch, &format!("{path}.title"))?.1 + 0.6 * ch,
        None => 0.0,
    };
    let (aw, ah) = (
        cell[1] - cell[0] - 2.0 * pad,
        cell[3] - cell[2] - 2.0 * pad - title_h,
    );
    let s = (aw / g.nx as f64).min(ah / g.ny as f64);
    let (w, h) = (s * g.nx as f64, s * g.ny as f64);
    let (cx, cy) = (0.5 * (cell[0] + cell[1]), cell[2] + pad + 0.5 * ah);
    crate::render::set_colormap(gr, plot, path)?;
    // Image rows: row 0 of z is the top row.
    let mut ci = colors(g.z, z);
    let rows: Vec<Vec<i32>> = ci.chunks(g.nx).rev().map(<[i32]>::to_vec).collect();
    ci = rows.concat();
    gr.savestate();
    let r = (|| -> Result<()> {
        gr.selntran(0)?;
        gr.cellarray(
            cx - 0.5 * w,
            cx + 0.5 * w,
            cy - 0.5 * h,
            cy + 0.5 * h,
            g.nx,
            g.ny,
            &ci,
        )?;
        if let Some(t) = plot.title.as_deref().filter(|t| !t.is_empty()) {
            gr.setcharheight(1.15 * ch)?;
            gr.settextcolorind(1)?;
            gr.settextalign(2, 1)?;
            gr.text(cx, cell[3] - pad, t)?;
        }
        Ok(())
    })();
    gr.restorestate()?;
    r
}
