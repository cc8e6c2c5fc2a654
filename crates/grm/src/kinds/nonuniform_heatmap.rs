//! `nonuniform_heatmap`: cells between uneven edges `x`, `y` (n + 1 values each, or
//! centres); drawn like `heatmap`, which resamples uneven cells once to the device raster.

use super::{heatmap, Ctx, Extent};
use crate::error::Result;
use crate::plot::{Plot, Series};

pub(crate) fn extent(plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    heatmap::extent(plot, s, path)
}

pub(crate) fn draw(ctx: &mut Ctx, s: &Series, index: usize, path: &str) -> Result<()> {
    heatmap::draw(ctx, s, index, path)
}
