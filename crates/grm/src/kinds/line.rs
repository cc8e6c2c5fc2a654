//! `line`: polylines through `x`, `y` with line specs, markers and error bars.

use super::{apply_style, check_len, range, req, x_or_index, Ctx, Extent};
use crate::error::{invalid, Result};
use crate::plot::{Plot, Series};

pub(crate) fn extent(plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    let y = req(&s.y, path, "y")?;
    let x = x_or_index(s, y.len());
    check_len(path, "y", y, x.len(), "x")?;
    let xr = range(path, "x", &x, plot.x_log.then_some("x_log"))?;
    let mut yr = range(path, "y", y, plot.y_log.then_some("y_log"))?;
    if let Some(e) = &s.error {
        let down = s.error_down.as_ref().unwrap_or(e);
        check_len(path, "error", e, y.len(), "y")?;
        check_len(path, "error.down", down, y.len(), "y")?;
        for (i, ((&v, &u), &d)) in y.iter().zip(e).zip(down).enumerate() {
            for (what, x) in [("error", u), ("error.down", d)] {
                if !(x.is_nan() || x.is_finite() && x >= 0.0) {
                    return Err(invalid(
                        format!("{path}.{what}[{i}]"),
                        format!("is {x}; errors must be finite and >= 0"),
                    ));
                }
            }
            if v.is_finite() && u.is_finite() && d.is_finite() {
                yr = [yr[0].min(v - d), yr[1].max(v + u)];
            }
        }
    }
    Ok(Extent {
        x: xr,
        y: yr,
        z: None,
    })
}

pub(crate) fn draw(ctx: &mut Ctx, s: &Series, index: usize, path: &str) -> Result<()> {
    let y = req(&s.y, path, "y")?;
    let x = x_or_index(s, y.len());
    let parts = apply_style(ctx.gr, s, index, path)?;
    let line = parts.line || !parts.marker;
    if line {
        ctx.gr.polyline(&x, y)?;
    }
    if parts.marker {
        ctx.gr.polymarker(&x, y)?;
    }
    if let Some(e) = &s.error {
        let down = s.error_down.as_ref().unwrap_or(e);
        let lo: Vec<f64> = y.iter().zip(down).map(|(v, d)| v - d).collect();
        let hi: Vec<f64> = y.iter().zip(e).map(|(v, u)| v + u).collect();
        ctx.gr.setlinewidth(1.0)?;
        ctx.gr.setlinetype(1)?;
        ctx.gr.verrorbars(&x, y, &lo, &hi)?;
    }
    Ok(())
}
