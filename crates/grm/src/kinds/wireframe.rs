//! `wireframe`: grid `z` as a white mesh with black lines, hidden lines removed (GR's
//! option 2).

use super::grid::{centres, grid_data};
use super::{surface, Ctx, Extent};
use crate::error::Result;
use crate::plot::{Plot, Series};

pub(crate) fn extent(plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    surface::grid_extent(plot, s, path)
}

pub(crate) fn draw(ctx: &mut Ctx, s: &Series, _i: usize, path: &str) -> Result<()> {
    let g = grid_data(s, path, false)?;
    let (x, y) = (centres(&g.x, g.nx), centres(&g.y, g.ny));
    ctx.gr.setfillcolorind(0)?;
    ctx.gr.setlinecolorind(1)?;
    ctx.gr.setlinewidth(1.0)?;
    ctx.gr.surface(&x, &y, g.z, 2)?;
    Ok(())
}
