//! Kinds of scattered samples: `tricontour` (contours of `x`, `y`, `z` on their Delaunay
//! triangulation), `hexbin` (hexagon counts of `x`, `y`, `bins` columns, default 40) and
//! `shade` (point density raster, transfer `xform`).

use super::{check_len, range, req, Ctx, Extent};
use crate::error::{invalid, Result};
use crate::plot::{Plot, Series};

fn xy<'a>(plot: &Plot, s: &'a Series, path: &str) -> Result<(&'a [f64], &'a [f64], Extent)> {
    let x = req(&s.x, path, "x")?;
    let y = req(&s.y, path, "y")?;
    check_len(path, "y", y, x.len(), "x")?;
    let e = Extent {
        x: range(path, "x", x, plot.x_log.then_some("x_log"))?,
        y: range(path, "y", y, plot.y_log.then_some("y_log"))?,
        z: None,
    };
    Ok((x, y, e))
}

pub(crate) fn tricontour_extent(plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
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

pub(crate) fn tricontour_draw(ctx: &mut Ctx, s: &Series, _i: usize, path: &str) -> Result<()> {
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

fn bins(plot: &Plot) -> Result<usize> {
    let b = plot.bins.unwrap_or(40);
    if !(1..=10_000).contains(&b) {
        return Err(invalid("bins", format!("must lie in 1..=10000, got {b}")));
    }
    Ok(b)
}

pub(crate) fn hexbin_extent(plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    let (x, _, mut e) = xy(plot, s, path)?;
    bins(plot)?;
    // The real count range is known after binning; this reserves colour bar room.
    e.z = Some([0.0, x.len().max(1) as f64]);
    Ok(e)
}

pub(crate) fn hexbin_draw(ctx: &mut Ctx, s: &Series, _i: usize, path: &str) -> Result<()> {
    let (x, y, _) = xy(ctx.plot, s, path)?;
    let max = ctx.gr.hexbin(x, y, bins(ctx.plot)?)?;
    ctx.z_out = Some([0.0, max.max(1) as f64]);
    Ok(())
}

pub(crate) fn shade_extent(plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    if !(0..=5).contains(&plot.xform) {
        return Err(invalid(
            "xform",
            format!("must lie in 0..=5 (0 boolean, 1 linear, 2 log, 3 log-log, 4 cubic, 5 equalized), got {}", plot.xform),
        ));
    }
    Ok(xy(plot, s, path)?.2)
}

pub(crate) fn shade_draw(ctx: &mut Ctx, s: &Series, _i: usize, path: &str) -> Result<()> {
    let (x, y, _) = xy(ctx.plot, s, path)?;
    let px = ctx.gr.gks().workstation().scale();
    let w = (((ctx.vp[1] - ctx.vp[0]) * px).round() as usize).max(1);
    let h = (((ctx.vp[3] - ctx.vp[2]) * px).round() as usize).max(1);
    ctx.gr.shadepoints(x, y, ctx.plot.xform, w, h)?;
    Ok(())
}
