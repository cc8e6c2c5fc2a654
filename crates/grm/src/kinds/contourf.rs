//! `contourf`: filled bands of grid `z` between `levels` evenly spaced values over the z
//! range, thin contour lines on top (GR's look); shares the grid checks with `contour`.

use super::{contour, Ctx, Extent};
use crate::error::Result;
use crate::plot::{Plot, Series};

pub(crate) fn extent(plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    contour::extent(plot, s, path)
}

pub(crate) fn draw(ctx: &mut Ctx, s: &Series, _index: usize, path: &str) -> Result<()> {
    contour::draw_any(ctx, s, path, true)
}
