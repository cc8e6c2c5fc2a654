//! `surface`: grid `z` as a coloured 3D mesh (GR's option 4, colours over the z range);
//! also the grid and point checks of the other 3D kinds.

use super::grid::{centres, grid_data, z_range};
use super::{check_len, range, req, Ctx, Extent};
use crate::error::{invalid, Result};
use crate::plot::{Plot, Series};

pub(crate) fn grid_extent(_plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    let g = grid_data(s, path, false)?;
    if g.nx < 2 || g.ny < 2 {
        return Err(invalid(
            format!("{path}.z"),
            "a surface needs a grid of at least 2×2 values",
        ));
    }
    Ok(Extent {
        x: [g.x[0], g.x[g.nx - 1]],
        y: [g.y[0], g.y[g.ny - 1]],
        z: Some(z_range(&g, path)?),
    })
}

pub(crate) fn points_extent(plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    let x = req(&s.x, path, "x")?;
    let y = req(&s.y, path, "y")?;
    let z = req(&s.z, path, "z")?;
    check_len(path, "y", y, x.len(), "x")?;
    check_len(path, "z", z, x.len(), "x")?;
    if let Some(c) = &s.c {
        check_len(path, "c", c, x.len(), "x")?;
        range(path, "c", c, None)?;
    }
    Ok(Extent {
        x: range(path, "x", x, plot.x_log.then_some("x_log"))?,
        y: range(path, "y", y, plot.y_log.then_some("y_log"))?,
        z: Some(range(path, "z", z, plot.z_log.then_some("z_log"))?),
    })
}

pub(crate) fn draw(ctx: &mut Ctx, s: &Series, _i: usize, path: &str) -> Result<()> {
    let g = grid_data(s, path, false)?;
    let (x, y) = (centres(&g.x, g.nx), centres(&g.y, g.ny));
    ctx.gr.setlinecolorind(1)?;
    ctx.gr.setlinewidth(1.0)?;
    ctx.gr.surface(&x, &y, g.z, 4)?;
    Ok(())
}
