//! `hexbin`: counts of `x`, `y` in regular hexagons (`bins` columns, default 40), coloured
//! by count; the colour bar shows the counts.

use super::{scattered_xy as xy, Ctx, Extent};
use crate::error::{invalid, Result};
use crate::plot::{Plot, Series};

fn bins(plot: &Plot) -> Result<usize> {
    let b = plot.bins.unwrap_or(40);
    if !(1..=10_000).contains(&b) {
        return Err(invalid("bins", format!("must lie in 1..=10000, got {b}")));
    }
    Ok(b)
}

pub(crate) fn extent(plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    let (x, _, mut e) = xy(plot, s, path)?;
    bins(plot)?;
    // The real count range is known after binning; this reserves colour bar room.
    e.z = Some([0.0, x.len().max(1) as f64]);
    Ok(e)
}

pub(crate) fn draw(ctx: &mut Ctx, s: &Series, _i: usize, path: &str) -> Result<()> {
    let (x, y, _) = xy(ctx.plot, s, path)?;
    let max = ctx.gr.hexbin(x, y, bins(ctx.plot)?)?;
    ctx.z_out = Some([0.0, max.max(1) as f64]);
    Ok(())
}
