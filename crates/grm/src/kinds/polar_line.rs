//! `polar_line`: a line through angles `x` (radians) and radii `y`; data radius R (the nice
//! upper end of the radii) maps to the unit circle. Also the point checks of `polar_scatter`.

use super::{apply_style, check_len, range, req, Ctx, Extent};
use crate::error::{invalid, Result};
use crate::plot::{Plot, Series};

use std::f64::consts::TAU;

fn radii_ok(path: &str, r: &[f64]) -> Result<()> {
    if let Some(i) = r.iter().position(|&v| v < 0.0) {
        return Err(invalid(
            format!("{path}.y[{i}]"),
            format!("radius {} is negative; polar radii must be >= 0", r[i]),
        ));
    }
    Ok(())
}

pub(crate) fn extent(_plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    let phi = req(&s.x, path, "x")?;
    let r = req(&s.y, path, "y")?;
    check_len(path, "y", r, phi.len(), "x")?;
    range(path, "x", phi, None)?;
    let rr = range(path, "y", r, None)?;
    radii_ok(path, r)?;
    Ok(Extent {
        x: [0.0, TAU],
        y: [0.0, rr[1]],
        z: None,
    })
}

pub(crate) fn to_xy(phi: &[f64], r: &[f64], rmax: f64) -> (Vec<f64>, Vec<f64>) {
    phi.iter()
        .zip(r)
        .map(|(&p, &q)| (q / rmax * p.cos(), q / rmax * p.sin()))
        .unzip()
}

pub(crate) fn draw(ctx: &mut Ctx, s: &Series, i: usize, path: &str) -> Result<()> {
    let (phi, r) = (req(&s.x, path, "x")?, req(&s.y, path, "y")?);
    let (x, y) = to_xy(phi, r, ctx.window[3]);
    let parts = apply_style(ctx.gr, s, i, path)?;
    if parts.line || !parts.marker {
        ctx.gr.polyline(&x, &y)?;
    }
    if parts.marker {
        ctx.gr.polymarker(&x, &y)?;
    }
    Ok(())
}
