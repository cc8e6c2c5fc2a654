//! `contour`: lines of grid `z` at `levels` evenly spaced values over the z range, coloured
//! from the colormap (the drawing is shared with `contourf`).

use super::grid::{centres, grid_data, z_range};
use super::{Ctx, Extent};
use crate::error::{invalid, Result};
use crate::plot::{Plot, Series};

pub(crate) fn extent(_plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    let g = grid_data(s, path, false)?;
    if g.nx < 2 || g.ny < 2 {
        return Err(invalid(
            format!("{path}.z"),
            "contours need a grid of at least 2×2 values",
        ));
    }
    Ok(Extent {
        x: [g.x[0], g.x[g.nx - 1]],
        y: [g.y[0], g.y[g.ny - 1]],
        z: Some(z_range(&g, path)?),
    })
}

/// `n` levels: band lower bounds from zmin (contourf) or lines inside the range (contour).
pub(crate) fn levels(plot: &Plot, z: [f64; 2], filled: bool) -> Result<Vec<f64>> {
    let n = plot.levels;
    if n == 0 || n > 1000 {
        return Err(invalid("levels", format!("must lie in 1..=1000, got {n}")));
    }
    let d = (z[1] - z[0]) / n as f64;
    Ok(if filled {
        (0..n).map(|k| z[0] + k as f64 * d).collect()
    } else {
        (0..n).map(|k| z[0] + (k as f64 + 0.5) * d).collect()
    })
}

pub(crate) fn draw_any(ctx: &mut Ctx, s: &Series, path: &str, filled: bool) -> Result<()> {
    let g = grid_data(s, path, false)?;
    let (x, y) = (centres(&g.x, g.nx), centres(&g.y, g.ny));
    let z = ctx.z.unwrap_or([0.0, 1.0]);
    let h = levels(ctx.plot, z, filled)?;
    ctx.gr.setzrange(z[0], z[1])?;
    ctx.gr.setlinewidth(1.0)?;
    ctx.gr.setlinecolorind(1)?;
    ctx.gr.setlinetype(1)?;
    if filled {
        ctx.gr.contourf(&x, &y, &h, g.z, 0)?;
    } else {
        ctx.gr.setlinewidth(1.5)?;
        ctx.gr.contour(&x, &y, &h, g.z, 1000)?;
    }
    Ok(())
}

pub(crate) fn draw(ctx: &mut Ctx, s: &Series, _index: usize, path: &str) -> Result<()> {
    draw_any(ctx, s, path, false)
}
