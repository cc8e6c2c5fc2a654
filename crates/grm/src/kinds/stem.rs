//! `stem`: vertical stems from the baseline 0 to each `y`, a marker on top, and the
//! baseline across the plot.

use super::{apply_style, line, req, x_or_index, Ctx, Extent};
use crate::error::Result;
use crate::plot::{Plot, Series};

pub(crate) fn extent(plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    let mut e = line::extent(plot, s, path)?;
    if !plot.y_log {
        e.y = [e.y[0].min(0.0), e.y[1].max(0.0)];
    }
    // Half a spacing of room so the first and last stems stand clear of the frame.
    let y = s.y.as_deref().unwrap_or(&[]);
    let x = super::x_or_index(s, y.len());
    let mut d = f64::INFINITY;
    for w in x.windows(2) {
        let g = (w[1] - w[0]).abs();
        if g > 0.0 {
            d = d.min(g);
        }
    }
    if d.is_finite() && !plot.x_log {
        e.x = [e.x[0] - 0.5 * d, e.x[1] + 0.5 * d];
    }
    Ok(e)
}

pub(crate) fn draw(ctx: &mut Ctx, s: &Series, index: usize, path: &str) -> Result<()> {
    let y = req(&s.y, path, "y")?;
    let x = x_or_index(s, y.len());
    let parts = apply_style(ctx.gr, s, index, path)?;
    let base = if ctx.plot.y_log { ctx.window[2] } else { 0.0 };
    let (mut px, mut py) = (
        Vec::with_capacity(3 * y.len()),
        Vec::with_capacity(3 * y.len()),
    );
    for (&a, &b) in x.iter().zip(y) {
        px.extend([a, a, f64::NAN]);
        py.extend([base, b, f64::NAN]);
    }
    ctx.gr.polyline(&px, &py)?;
    if !parts.marker {
        ctx.gr.setmarkertype(-1)?;
    }
    ctx.gr.polymarker(&x, y)?;
    ctx.gr.setlinecolorind(1)?;
    ctx.gr.setlinetype(1)?;
    ctx.gr.setlinewidth(1.0)?;
    ctx.gr
        .polyline(&[ctx.window[0], ctx.window[1]], &[base, base])?;
    Ok(())
}
