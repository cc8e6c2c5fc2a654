//! `polar_scatter`: markers at angles `x` (radians) and radii `y`.

use super::polar_line::to_xy;
use super::{apply_style, polar_line, req, Ctx, Extent};
use crate::error::Result;
use crate::plot::{Plot, Series};

pub(crate) fn extent(plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    polar_line::extent(plot, s, path)
}

pub(crate) fn draw(ctx: &mut Ctx, s: &Series, i: usize, path: &str) -> Result<()> {
    let (phi, r) = (req(&s.x, path, "x")?, req(&s.y, path, "y")?);
    let (x, y) = to_xy(phi, r, ctx.window[3]);
    let parts = apply_style(ctx.gr, s, i, path)?;
    if !parts.marker {
        ctx.gr.setmarkertype(-1)?;
    }
    ctx.gr.polymarker(&x, &y)?;
    Ok(())
}
