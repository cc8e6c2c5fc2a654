//! `scatter3`: 3D markers at `x`, `y`, `z`, optionally coloured by `c`.

use super::scatter::cmap_index;
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
    if !parts.marker {
        ctx.gr.setmarkertype(-1)?;
    }
    match &s.c {
        None => ctx.gr.polymarker3d(x, y, z)?,
        Some(c) => {
            let zr = ctx.z.unwrap_or([0.0, 1.0]);
            for k in 0..x.len() {
                if c[k].is_nan() {
                    continue;
                }
                ctx.gr.setmarkercolorind(cmap_index(c[k], zr))?;
                ctx.gr.polymarker3d(&x[k..=k], &y[k..=k], &z[k..=k])?;
            }
        }
    }
    Ok(())
}
