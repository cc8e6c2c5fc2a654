//! `scatter`: markers at `x`, `y`, optionally coloured by `c` (through the colormap) and
//! sized by `s` (percent of the default marker size).

use super::{apply_style, check_len, range, req, x_or_index, Ctx, Extent};
use crate::error::{invalid, Result};
use crate::plot::{Plot, Series};

pub(crate) fn extent(plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    let y = req(&s.y, path, "y")?;
    let x = x_or_index(s, y.len());
    check_len(path, "y", y, x.len(), "x")?;
    let xr = range(path, "x", &x, plot.x_log.then_some("x_log"))?;
    let yr = range(path, "y", y, plot.y_log.then_some("y_log"))?;
    let z = match &s.c {
        Some(c) => {
            check_len(path, "c", c, y.len(), "y")?;
            Some(range(path, "c", c, None)?)
        }
        None => None,
    };
    if let Some(sz) = &s.s {
        check_len(path, "s", sz, y.len(), "y")?;
        if let Some(i) = sz.iter().position(|v| !(v.is_finite() && *v >= 0.0)) {
            return Err(invalid(
                format!("{path}.s[{i}]"),
                format!("is {}; marker sizes must be finite and >= 0", sz[i]),
            ));
        }
    }
    Ok(Extent { x: xr, y: yr, z })
}

/// Colour index (1000..=1255) of value `v` in the range `z`.
pub(crate) fn cmap_index(v: f64, z: [f64; 2]) -> i32 {
    let t = if z[1] > z[0] {
        ((v - z[0]) / (z[1] - z[0])).clamp(0.0, 1.0)
    } else {
        0.5
    };
    1000 + (t * 255.0).round() as i32
}

pub(crate) fn draw(ctx: &mut Ctx, s: &Series, index: usize, path: &str) -> Result<()> {
    let y = req(&s.y, path, "y")?;
    let x = x_or_index(s, y.len());
    let parts = apply_style(ctx.gr, s, index, path)?;
    if !parts.marker {
        ctx.gr.setmarkertype(-1)?;
    }
    let z = ctx.z.unwrap_or([0.0, 1.0]);
    match (&s.c, &s.s) {
        (None, None) => ctx.gr.polymarker(&x, y)?,
        (Some(c), None) => {
            // One polymarker per colour: at most 256 calls.
            let mut groups: Vec<(Vec<f64>, Vec<f64>)> = vec![Default::default(); 256];
            for i in 0..y.len() {
                if c[i].is_nan() {
                    continue;
                }
                let k = (cmap_index(c[i], z) - 1000) as usize;
                groups[k].0.push(x[i]);
                groups[k].1.push(y[i]);
            }
            for (k, (gx, gy)) in groups.iter().enumerate() {
                if !gx.is_empty() {
                    ctx.gr.setmarkercolorind(1000 + k as i32)?;
                    ctx.gr.polymarker(gx, gy)?;
                }
            }
        }
        (c, Some(sz)) => {
            for i in 0..y.len() {
                if let Some(c) = c {
                    if c[i].is_nan() {
                        continue;
                    }
                    ctx.gr.setmarkercolorind(cmap_index(c[i], z))?;
                }
                ctx.gr.setmarkersize(sz[i] / 100.0 * 1.2)?;
                ctx.gr.polymarker(&x[i..=i], &y[i..=i])?;
            }
        }
    }
    Ok(())
}
