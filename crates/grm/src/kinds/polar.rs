//! Polar kinds: `polar_line` and `polar_scatter` (angles `x` in radians, radii `y`),
//! `polar_histogram` (counts of angles `x` in `bins` sectors, default 36) and
//! `polar_heatmap` (grid `z` over angle `x` and radius `y`, centres or edges).
//! Data radius `R` (the nice upper end of the radii) maps to the unit circle.

use super::grid::{edges, grid_data, z_range};
use super::heatmap::colors;
use super::{apply_style, check_len, range, req, series_color, Ctx, Extent};
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

pub(crate) fn points_extent(_plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
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

fn to_xy(phi: &[f64], r: &[f64], rmax: f64) -> (Vec<f64>, Vec<f64>) {
    phi.iter()
        .zip(r)
        .map(|(&p, &q)| (q / rmax * p.cos(), q / rmax * p.sin()))
        .unzip()
}

pub(crate) fn line_draw(ctx: &mut Ctx, s: &Series, i: usize, path: &str) -> Result<()> {
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

pub(crate) fn scatter_draw(ctx: &mut Ctx, s: &Series, i: usize, path: &str) -> Result<()> {
    let (phi, r) = (req(&s.x, path, "x")?, req(&s.y, path, "y")?);
    let (x, y) = to_xy(phi, r, ctx.window[3]);
    let parts = apply_style(ctx.gr, s, i, path)?;
    if !parts.marker {
        ctx.gr.setmarkertype(-1)?;
    }
    ctx.gr.polymarker(&x, &y)?;
    Ok(())
}

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

pub(crate) fn histogram_extent(plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    let c = counts(plot, s, path)?;
    let m = c.iter().fold(0.0f64, |a, &b| a.max(b));
    Ok(Extent {
        x: [0.0, TAU],
        y: [0.0, if m > 0.0 { m } else { 1.0 }],
        z: None,
    })
}

pub(crate) fn histogram_draw(ctx: &mut Ctx, s: &Series, i: usize, path: &str) -> Result<()> {
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

pub(crate) fn heatmap_extent(_plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    let g = grid_data(s, path, true)?;
    let re = edges(&g.y, g.ny);
    if re[0] < 0.0 {
        return Err(invalid(format!("{path}.y"), "polar radii must be >= 0"));
    }
    Ok(Extent {
        x: [0.0, TAU],
        y: [0.0, re[g.ny]],
        z: Some(z_range(&g, path)?),
    })
}

pub(crate) fn heatmap_draw(ctx: &mut Ctx, s: &Series, _i: usize, path: &str) -> Result<()> {
    let g = grid_data(s, path, true)?;
    let (pe, re) = (edges(&g.x, g.nx), edges(&g.y, g.ny));
    let ci = colors(g.z, ctx.z.unwrap_or([0.0, 1.0]));
    let rmax = ctx.window[3];
    ctx.gr.polarcellarray(
        0.0,
        0.0,
        pe[0].to_degrees(),
        pe[g.nx].to_degrees(),
        re[0] / rmax,
        re[g.ny] / rmax,
        g.nx,
        g.ny,
        &ci,
    )?;
    Ok(())
}
