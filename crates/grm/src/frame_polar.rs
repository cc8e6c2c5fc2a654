//! The polar frame: a square viewport with the unit disk showing data radii `0..=R`
//! (R the nice upper end of the radii or `y_lim[1]`), GR's polar grid, title, legend
//! and colour bar.

use gr::Gr;

use crate::error::Result;
use crate::kinds::{self, Ctx, Kind};
use crate::layout::{cell_scale, nice_range, text_size};
use crate::plot::Plot;
use crate::render::{check_lim, colorbar_labels, draw_colorbar, extents, set_colormap, Frame2d};

pub(crate) fn draw_polar(gr: &mut Gr, plot: &Plot, path: &str, cell: [f64; 4]) -> Result<()> {
    let (ext, _) = extents(plot, path)?;
    let rmax = match plot.y_lim {
        Some(l) => check_lim(l, "y_lim", false, path)?[1],
        None => nice_range([0.0, ext.y[1]], false, false)[1],
    };
    let k = cell_scale(&cell);
    let ch = 0.016 * k;
    let title_h = match plot.title.as_deref().filter(|t| !t.is_empty()) {
        Some(t) => text_size(gr, t, 1.15 * ch, &format!("{path}.title"))?.1 + 0.6 * ch,
        None => 0.0,
    };
    let z = match plot.z_lim {
        Some(l) => Some(check_lim(l, "z_lim", false, path)?),
        None => ext.z,
    };
    let colorbar = z.filter(|_| plot.colorbar.unwrap_or(plot.kind == Kind::PolarHeatmap));
    let mut cb_room = 0.0;
    if let Some(z) = colorbar {
        let mut w = 0.0f64;
        for l in colorbar_labels(z) {
            w = w.max(text_size(gr, &l, ch, "colorbar label")?.0);
        }
        cb_room = 0.03 * k + 0.03 * k + 0.012 + w;
    }
    let pad = 0.02 * k;
    let avail_w = cell[1] - cell[0] - 2.0 * pad - cb_room;
    let avail_h = cell[3] - cell[2] - 2.0 * pad - title_h;
    let side = avail_w.min(avail_h);
    let cx = cell[0] + pad + 0.5 * avail_w;
    let cy = cell[2] + pad + 0.5 * avail_h;
    let vp = [
        cx - 0.5 * side,
        cx + 0.5 * side,
        cy - 0.5 * side,
        cy + 0.5 * side,
    ];
    // Room for the angle labels around the unit circle.
    let lim = 1.0 + 4.0 * ch / side * 2.4;
    set_colormap(gr, plot, path)?;
    gr.setcharheight(ch)?;
    gr.setviewport(vp[0], vp[1], vp[2], vp[3])?;
    gr.setwindow(-lim, lim, -lim, lim)?;
    gr.setscale(0)?;
    let draw_series = |gr: &mut Gr, heat: bool| -> Result<()> {
        for (i, s) in plot.series.iter().enumerate() {
            if matches!(
                plot.series_kind(i),
                Kind::PolarHeatmap | Kind::PolarHistogram
            ) != heat
            {
                continue;
            }
            let sp = format!("{path}.series[{i}]");
            gr.savestate();
            let mut ctx = Ctx {
                gr,
                plot,
                vp,
                window: [-lim, lim, 0.0, rmax],
                z,
                ch,
                z_out: None,
            };
            let r = kinds::draw(plot.series_kind(i), &mut ctx, s, i, &sp);
            gr.restorestate()?;
            r?;
        }
        Ok(())
    };
    draw_series(gr, true)?;
    gr.setlinecolorind(1)?;
    gr.settextcolorind(1)?;
    gr.polar_axes(0.0, 0.0, 1.0, rmax)?;
    draw_series(gr, false)?;
    let f = Frame2d::plain(ch, 0.0075 * k, vp);
    if let Some(t) = plot.title.as_deref().filter(|t| !t.is_empty()) {
        gr.savestate();
        gr.setcharheight(1.15 * ch)?;
        gr.settextalign(2, 1)?;
        let r = gr.text(cx, cell[3] - pad, t);
        gr.restorestate()?;
        r?;
    }
    if plot
        .legend
        .unwrap_or_else(|| plot.series.iter().any(|s| s.label.is_some()))
    {
        crate::legend::draw_legend(gr, plot, &f, path)?;
    }
    if let Some(z) = colorbar {
        let x0 = vp[1] + 0.03 * k;
        let h = vp[3] - vp[2];
        draw_colorbar(
            gr,
            plot,
            &f,
            [x0, x0 + 0.03 * k, vp[2] + 0.1 * h, vp[3] - 0.1 * h],
            z,
        )?;
    }
    Ok(())
}
