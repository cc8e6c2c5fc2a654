//! `polar_histogram`: counts (or summed `weights`) of the angles `x` in `bins` equal
//! sectors (default 36), as filled wedges.

use super::{check_len, range, req, series_color, Ctx, Extent};
use crate::error::{invalid, Result};
use crate::plot::{Plot, Series};

use std::f64::consts::TAU;

fn counts(plot: &Plot, s: &Series, path: &str) -> Result<Vec<f64>> {
    let phi = req(&s.x, path, "x")?;
    range(path, "x", phi, None)?;
    let n = plot.bins.unwrap_or(36);
    if !(1..=3600).contains(&n) {
        return Err(invalid("bins", format!("must lie in 1..=3600, got {n}")));
    }
    if let Some(w) = &s.weights {
        check_len(path, "weights", w, phi.len(), "x")?;
    }
    let mut c = vec![0.0; n];
    for (i, &p) in phi.iter().enumerate() {
        if !p.is_finite() {
            continue;
        }
        let k = ((p.rem_euclid(TAU) / TAU * n as f64) as usize).min(n - 1);
        c[k] += s.weights.as_ref().map_or(1.0, |w| w[i]);
    }
    Ok(c)
}

pub(crate) fn extent(plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    let c = counts(plot, s, path)?;
    let m = c.iter().fold(0.0f64, |a, &b| a.max(b));
    Ok(Extent {
        x: [0.0, TAU],
        y: [0.0, if m > 0.0 { m } else { 1.0 }],
        z: None,
    })
}

pub(crate) fn draw(ctx: &mut Ctx, s: &Series, i: usize, path: &str) -> Result<()> {
    let c = counts(ctx.plot, s, path)?;
    let n = c.len();
    let rmax = ctx.window[3];
    ctx.gr.setlinecolorind(1)?;
    ctx.gr.setlinewidth(1.0)?;
    ctx.gr.setfillintstyle(1)?;
    ctx.gr.setfillcolorind(series_color(i))?;
    for (k, &v) in c.iter().enumerate() {
        if v <= 0.0 {
            continue;
        }
        let (a0, a1) = (TAU * k as f64 / n as f64, TAU * (k + 1) as f64 / n as f64);
        let steps = ((a1 - a0) / 0.02).ceil().max(2.0) as usize;
        let q = v / rmax;
        let (mut x, mut y) = (vec![0.0], vec![0.0]);
        for t in 0..=steps {
            let a = a0 + (a1 - a0) * t as f64 / steps as f64;
            x.push(q * a.cos());
            y.push(q * a.sin());
        }
        ctx.gr.fillarea(&x, &y)?;
        x.push(0.0);
        y.push(0.0);
        ctx.gr.polyline(&x, &y)?;
    }
    Ok(())
}
