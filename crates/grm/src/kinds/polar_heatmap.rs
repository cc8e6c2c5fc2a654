//! `polar_heatmap`: grid `z` over angle `x` (radians) and radius `y`, centres or edges,
//! as a polar cell array.

use super::grid::{edges, grid_data, z_range};
use super::heatmap::colors;
use super::{Ctx, Extent};
use crate::error::{invalid, Result};
use crate::plot::{Plot, Series};

use std::f64::consts::TAU;

pub(crate) fn extent(_plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    let g = grid_data(s, path, true)?;
    let re = edges(&g.y, g.ny);
    if re[0] < 0.0 {
        return Err(invalid(format!("{path}.y"), "polar radii must be >= 0"));
    }
    Ok(Extent {
        x: [0.0, TAU],
        y: [0.0, re[g.ny]],
        z: Some(z_range(&g, path)?),
    })
}

pub(crate) fn draw(ctx: &mut Ctx, s: &Series, _i: usize, path: &str) -> Result<()> {
    let g = grid_data(s, path, true)?;
    let (pe, re) = (edges(&g.x, g.nx), edges(&g.y, g.ny));
    let ci = colors(g.z, ctx.z.unwrap_or([0.0, 1.0]));
    let rmax = ctx.window[3];
    ctx.gr.polarcellarray(
        0.0,
        0.0,
        pe[0].to_degrees(),
        pe[g.nx].to_degrees(),
        re[0] / rmax,
        re[g.ny] / rmax,
        g.nx,
        g.ny,
        &ci,
    )?;
    Ok(())
}
