//! `heatmap`: one colormap cell per z value; cells centred on `x`,
//! `y` (or between edges given as n + 1 values); NaN cells stay white.

use super::grid::{edges, grid_data, uniform, z_range};
use super::scatter::cmap_index;
use super::{Ctx, Extent};
use crate::error::{invalid, Result};
use crate::plot::{Plot, Series};

pub(crate) fn extent(plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    let g = grid_data(s, path, true)?;
    let (xe, ye) = (edges(&g.x, g.nx), edges(&g.y, g.ny));
    for (log, e, key) in [(plot.x_log, &xe, "x"), (plot.y_log, &ye, "y")] {
        if log && e[0] <= 0.0 {
            return Err(invalid(
                format!("{path}.{key}"),
                format!(
                    "{key}_log is set but the cell edges start at {}; use positive coordinates",
                    e[0]
                ),
            ));
        }
    }
    Ok(Extent {
        x: [xe[0], xe[g.nx]],
        y: [ye[0], ye[g.ny]],
        z: Some(z_range(&g, path)?),
    })
}

/// Colour indices of z values in the range `z` (NaN: white).
pub(crate) fn colors(z: &[f64], range: [f64; 2]) -> Vec<i32> {
    z.iter()
        .map(|&v| if v.is_nan() { 0 } else { cmap_index(v, range) })
        .collect()
}

pub(crate) fn draw(ctx: &mut Ctx, s: &Series, _index: usize, path: &str) -> Result<()> {
    let g = grid_data(s, path, true)?;
    let (xe, ye) = (edges(&g.x, g.nx), edges(&g.y, g.ny));
    let ci = colors(g.z, ctx.z.unwrap_or([0.0, 1.0]));
    let logs = ctx.plot.x_log || ctx.plot.y_log;
    if !logs && uniform(&xe) && uniform(&ye) {
        ctx.gr
            .cellarray(xe[0], xe[g.nx], ye[g.ny], ye[0], g.nx, g.ny, &ci)?;
    } else {
        ctx.gr.nonuniformcellarray(&xe, &ye, g.nx, g.ny, &ci)?;
    }
    Ok(())
}
