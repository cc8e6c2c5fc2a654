//! `tricontour`: contour lines of scattered `x`, `y`, `z` on their Delaunay triangulation,
//! at `levels` values, coloured from the colormap.

use super::{check_len, range, req, scattered_xy as xy, Ctx, Extent};
use crate::error::{invalid, Result};
use crate::plot::{Plot, Series};

pub(crate) fn extent(plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    let (x, _, mut e) = xy(plot, s, path)?;
    let z = req(&s.z, path, "z")?;
    check_len(path, "z", z, x.len(), "x")?;
    if x.len() < 3 {
        return Err(invalid(
            format!("{path}.x"),
            "tricontour needs at least 3 points",
        ));
    }
    e.z = Some(range(path, "z", z, None)?);
    Ok(e)
}

pub(crate) fn draw(ctx: &mut Ctx, s: &Series, _i: usize, path: &str) -> Result<()> {
    let (x, y, _) = xy(ctx.plot, s, path)?;
    let z = req(&s.z, path, "z")?;
    let zr = ctx.z.unwrap_or([0.0, 1.0]);
    let h = super::contour::levels(ctx.plot, zr, false)?;
    ctx.gr.setzrange(zr[0], zr[1])?;
    ctx.gr.setlinewidth(1.5)?;
    ctx.gr
        .tricontour(x, y, z, &h)
        .map_err(|e| invalid(path, super::strip_gr(&e.to_string())))?;
    Ok(())
}
