//! `line3`: a 3D polyline through `x`, `y`, `z` with line specs and markers.

use super::{apply_style, req, surface, Ctx, Extent};
use crate::error::Result;
use crate::plot::{Plot, Series};

pub(crate) fn extent(plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    surface::points_extent(plot, s, path)
}

pub(crate) fn draw(ctx: &mut Ctx, s: &Series, i: usize, path: &str) -> Result<()> {
    let (x, y, z) = (
        req(&s.x, path, "x")?,
        req(&s.y, path, "y")?,
        req(&s.z, path, "z")?,
    );
    let parts = apply_style(ctx.gr, s, i, path)?;
    if parts.line || !parts.marker {
        ctx.gr.polyline3d(x, y, z)?;
    }
    if parts.marker {
        ctx.gr.polymarker3d(x, y, z)?;
    }
    Ok(())
}
