//! `shade`: point density of `x`, `y` on a device-resolution raster through GR's transfer
//! function `xform` (0 boolean ... 5 equalized, the default).

use super::{scattered_xy as xy, Ctx, Extent};
use crate::error::{invalid, Result};
use crate::plot::{Plot, Series};

pub(crate) fn extent(plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    if !(0..=5).contains(&plot.xform) {
        return Err(invalid(
            "xform",
            format!("must lie in 0..=5 (0 boolean, 1 linear, 2 log, 3 log-log, 4 cubic, 5 equalized), got {}", plot.xform),
        ));
    }
    Ok(xy(plot, s, path)?.2)
}

pub(crate) fn draw(ctx: &mut Ctx, s: &Series, _i: usize, path: &str) -> Result<()> {
    let (x, y, _) = xy(ctx.plot, s, path)?;
    let px = ctx.gr.gks().workstation().scale();
    let w = (((ctx.vp[1] - ctx.vp[0]) * px).round() as usize).max(1);
    let h = (((ctx.vp[3] - ctx.vp[2]) * px).round() as usize).max(1);
    ctx.gr.shadepoints(x, y, ctx.plot.xform, w, h)?;
    Ok(())
}
