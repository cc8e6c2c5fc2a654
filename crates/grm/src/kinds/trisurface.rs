//! `trisurface`: scattered `x`, `y`, `z` triangulated (Delaunay) and coloured by z.

use super::{req, surface::points_extent, Ctx, Extent};
use crate::error::{invalid, Result};
use crate::plot::{Plot, Series};

pub(crate) fn extent(plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    let e = points_extent(plot, s, path)?;
    if s.x.as_ref().map_or(0, Vec::len) < 3 {
        return Err(invalid(
            format!("{path}.x"),
            "a triangulated surface needs at least 3 points",
        ));
    }
    Ok(e)
}

pub(crate) fn draw(ctx: &mut Ctx, s: &Series, _i: usize, path: &str) -> Result<()> {
    let (x, y, z) = (
        req(&s.x, path, "x")?,
        req(&s.y, path, "y")?,
        req(&s.z, path, "z")?,
    );
    ctx.gr.setlinecolorind(1)?;
    ctx.gr.setlinewidth(1.0)?;
    ctx.gr
        .trisurface(x, y, z)
        .map_err(|e| invalid(path, super::strip_gr(&e.to_string())))?;
    Ok(())
}
