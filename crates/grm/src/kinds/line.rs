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
        check_len(path, "error", e, y.len(), "y")?;
        for (i, (&v, &d)) in y.iter().zip(e).enumerate() {
            if !(d.is_nan() || d.is_finite() && d >= 0.0) {
                return Err(invalid(
                    format!("{path}.error[{i}]"),
                    format!("is {d}; errors must be finite and >= 0"),
                ));
            }
            if v.is_finite() && d.is_finite() {
                yr = [yr[0].min(v - d), yr[1].max(v + d)];
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
        let lo: Vec<f64> = y.iter().zip(e).map(|(v, d)| v - d).collect();
        let hi: Vec<f64> = y.iter().zip(e).map(|(v, d)| v + d).collect();
        ctx.gr.setlinewidth(1.0)?;
        ctx.gr.setlinetype(1)?;
        ctx.gr.verrorbars(&x, y, &lo, &hi)?;
    }
    Ok(())
}
