//! 3D kinds: `surface` (coloured mesh of grid `z`), `wireframe` (hidden-line mesh),
//! `trisurface` (coloured triangulation of scattered `x`, `y`, `z`), `line3` and
//! `scatter3` (optional colours `c`).

use super::grid::{centres, grid_data, z_range};
use super::scatter::cmap_index;
use super::{apply_style, check_len, range, req, Ctx, Extent};
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

pub(crate) fn trisurface_extent(plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    let e = points_extent(plot, s, path)?;
    if s.x.as_ref().map_or(0, Vec::len) < 3 {
        return Err(invalid(
            format!("{path}.x"),
            "a triangulated surface needs at least 3 points",
        ));
    }
    Ok(e)
}

pub(crate) fn surface_draw(ctx: &mut Ctx, s: &Series, _i: usize, path: &str) -> Result<()> {
    let g = grid_data(s, path, false)?;
    let (x, y) = (centres(&g.x, g.nx), centres(&g.y, g.ny));
    ctx.gr.setlinecolorind(1)?;
    ctx.gr.setlinewidth(1.0)?;
    ctx.gr.surface(&x, &y, g.z, 4)?;
    Ok(())
}

pub(crate) fn wireframe_draw(ctx: &mut Ctx, s: &Series, _i: usize, path: &str) -> Result<()> {
    let g = grid_data(s, path, false)?;
    let (x, y) = (centres(&g.x, g.nx), centres(&g.y, g.ny));
    ctx.gr.setfillcolorind(0)?;
    ctx.gr.setlinecolorind(1)?;
    ctx.gr.setlinewidth(1.0)?;
    ctx.gr.surface(&x, &y, g.z, 2)?;
    Ok(())
}

pub(crate) fn trisurface_draw(ctx: &mut Ctx, s: &Series, _i: usize, path: &str) -> Result<()> {
    let (x, y, z) = (
        req(&s.x, path, "x")?,
        req(&s.y, path, "y")?,
        req(&s.z, path, "z")?,
    );
    ctx.gr.setlinecolorind(1)?;
    ctx.gr.setlinewidth(1.0)?;
    ctx.gr
        .trisurface(x, y, z)
        .map_err(|e| invalid(path, super::strip_gr(&e.to_string())))?;
    Ok(())
}

pub(crate) fn line3_draw(ctx: &mut Ctx, s: &Series, i: usize, path: &str) -> Result<()> {
    let (x, y, z) = (
        req(&s.x, path, "x")?,
        req(&s.y, path, "y")?,
        req(&s.z, path, "z")?,
    );
    let parts = apply_style(ctx.gr, s, i, path)?;
    if parts.line || !parts.marker {
        ctx.gr.polyline3d(x, y, z)?;
    }
    if parts.marker {
        ctx.gr.polymarker3d(x, y, z)?;
    }
    Ok(())
}

pub(crate) fn scatter3_draw(ctx: &mut Ctx, s: &Series, i: usize, path: &str) -> Result<()> {
    let (x, y, z) = (
        req(&s.x, path, "x")?,
        req(&s.y, path, "y")?,
        req(&s.z, path, "z")?,
    );
    let parts = apply_style(ctx.gr, s, i, path)?;
    if !parts.marker {
        ctx.gr.setmarkertype(-1)?;
    }
    match &s.c {
        None => ctx.gr.polymarker3d(x, y, z)?,
        Some(c) => {
            let zr = ctx.z.unwrap_or([0.0, 1.0]);
            for k in 0..x.len() {
                if c[k].is_nan() {
                    continue;
                }
                ctx.gr.setmarkercolorind(cmap_index(c[k], zr))?;
                ctx.gr.polymarker3d(&x[k..=k], &y[k..=k], &z[k..=k])?;
            }
        }
    }
    Ok(())
}
