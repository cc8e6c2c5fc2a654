//! One-dimensional curve fitting behind GR's `gr_spline`.
//!
//! [`spline`] samples a curve through (or near) a sequence of points at `m`
//! positions. The `method` argument follows GR:
//!
//! * `0` — the natural cubic interpolating spline (second derivative zero at
//!   both ends) through all points;
//! * `-1` — a cubic smoothing spline whose smoothing parameter is chosen by
//!   generalised cross-validation (GCV);
//! * `> 0` — a cubic smoothing spline for data with a known error variance
//!   `method`: the smoothing parameter minimises the estimated true mean
//!   squared error `RSS/n − 2·var·tr(I − A)/n + var` (Craven & Wahba,
//!   Hutchinson). Larger values smooth more;
//! * `< -1` — a uniform cubic B-spline that uses the points as control
//!   points (approximating, not interpolating).
//!
//! For methods `>= -1` the x values must be strictly ascending and the curve
//! is sampled at `m` evenly spaced x values from the first to the last point;
//! the B-spline is parametric and accepts any point order.
//!
//! GR fits through Hutchinson's `cubgcv` (ACM TOMS 642); this module solves
//! the same penalised least-squares problem in Reinsch's form (banded
//! `(R + λ QᵀQ) γ = Qᵀy`) with unit weights, and searches the smoothing
//! parameter on a logarithmic grid refined by golden-section search. Fitted
//! curves therefore agree with GR's up to the accuracy of that search.
//! Like `gr_spline`, [`crate::Gr::spline`] fits in window-normalised
//! coordinates, which is where `method`'s variance is measured.

use super::AlgoError;

/// Samples a spline through `(x, y)` at `m` points, returning the sampled
/// `(x, y)` coordinates (GR's `gr_spline` without the drawing).
///
/// Needs at least 3 finite points and `m > n` (GR's conventions: fewer output
/// points than input points is refused). See the [module docs](self) for
/// the meaning of `method`.
pub fn spline(
    x: &[f64],
    y: &[f64],
    m: usize,
    method: i32,
) -> Result<(Vec<f64>, Vec<f64>), AlgoError> {
    super::check_same_len("x", x.len(), "y", y.len())?;
    let n = x.len();
    if n < 3 {
        return Err(AlgoError::InvalidParameter {
            name: "number of points",
            value: n.to_string(),
            reason: "a spline needs at least 3 points",
        });
    }
    if m <= n {
        return Err(AlgoError::InvalidParameter {
            name: "m",
            value: m.to_string(),
            reason: "the number of output points must exceed the number of input points",
        });
    }
    if let Some(i) = (0..n).find(|&i| !(x[i].is_finite() && y[i].is_finite())) {
        return Err(AlgoError::InvalidParameter {
            name: "point",
            value: format!("{i} ({}, {})", x[i], y[i]),
            reason: "all points must be finite",
        });
    }
    if method < -1 {
        return Ok(b_spline(x, y, m));
    }
    if let Some(i) = (1..n).find(|&i| x[i] <= x[i - 1]) {
        return Err(AlgoError::NotAscending {
            name: "x",
            index: i,
            prev_index: i - 1,
            value: x[i],
            prev: x[i - 1],
        });
    }
    let fit = SmoothingSpline::fit(x, y, method as f64);
    let (x0, x1) = (x[0], x[n - 1]);
    let sx: Vec<f64> = (0..m)
        .map(|j| {
            if j == m - 1 {
                x1
            } else {
                x0 + (x1 - x0) * j as f64 / (m - 1) as f64
            }
        })
        .collect();
    let sy = sx.iter().map(|&t| fit.eval(t)).collect();
    Ok((sx, sy))
}

/// A uniform cubic B-spline with `(x, y)` as control points, sampled at `m`
/// evenly spaced parameter values.
///
/// As in GR, a phantom control point is added before the first and after the
/// last point by reflecting the neighbour (`2·P₀ − P₁`, `2·Pₙ₋₁ − Pₙ₋₂`), so
/// the curve starts at the first point and ends at the last one, tangent to
/// the control polygon there. GR samples the parameter range `[0, n−1)` in
/// steps of `(n−1)/m` and so stops one step short of the last point; here the
/// `m` samples span `[0, n−1]` and the last sample is the last point.
fn b_spline(x: &[f64], y: &[f64], m: usize) -> (Vec<f64>, Vec<f64>) {
    let n = x.len();
    let ctrl = |k: isize| -> (f64, f64) {
        if k < 0 {
            (2.0 * x[0] - x[1], 2.0 * y[0] - y[1])
        } else if k as usize >= n {
            (2.0 * x[n - 1] - x[n - 2], 2.0 * y[n - 1] - y[n - 2])
        } else {
            (x[k as usize], y[k as usize])
        }
    };
    let segments = (n - 1) as f64;
    (0..m)
        .map(|j| {
            let u = segments * j as f64 / (m - 1) as f64;
            let seg = (u.floor() as usize).min(n - 2);
            let t = u - seg as f64;
            let s = 1.0 - t;
            let w = [
                s * s * s / 6.0,
                (3.0 * t * t * t - 6.0 * t * t + 4.0) / 6.0,
                (-3.0 * t * t * t + 3.0 * t * t + 3.0 * t + 1.0) / 6.0,
                t * t * t / 6.0,
            ];
            let base = seg as isize - 1;
            (0..4).fold((0.0, 0.0), |(ax, ay), k| {
                let (px, py) = ctrl(base + k as isize);
                (ax + w[k] * px, ay + w[k] * py)
            })
        })
        .unzip()
}

/// A fitted natural cubic spline: knot values `g` and second derivatives `c2`.
#[derive(Debug, Clone)]
pub(crate) struct SmoothingSpline {
    x: Vec<f64>,
    g: Vec<f64>,
    c2: Vec<f64>,
}

/// Banded matrices of Reinsch's algorithm for knots `x`.
struct Bands {
    /// `R`: diagonal and first off-diagonal (tridiagonal, size n−2).
    r0: Vec<f64>,
    r1: Vec<f64>,
    /// `QᵀQ`: diagonal, first and second off-diagonals (size n−2).
    p0: Vec<f64>,
    p1: Vec<f64>,
    p2: Vec<f64>,
    /// Columns of `Q` (size n−2): entries at rows c, c+1, c+2.
    q: Vec<[f64; 3]>,
    /// `Qᵀy`.
    qty: Vec<f64>,
}

impl Bands {
    fn new(x: &[f64], y: &[f64]) -> Self {
        let n = x.len();
        let k = n - 2;
        let h: Vec<f64> = x.windows(2).map(|w| w[1] - w[0]).collect();
        let q: Vec<[f64; 3]> = (0..k)
            .map(|c| [1.0 / h[c], -1.0 / h[c] - 1.0 / h[c + 1], 1.0 / h[c + 1]])
            .collect();
        let r0 = (0..k).map(|c| (h[c] + h[c + 1]) / 3.0).collect();
        let r1 = (0..k)
            .map(|c| if c + 1 < k { h[c + 1] / 6.0 } else { 0.0 })
            .collect();
        let p0 = q
            .iter()
            .map(|v| v[0] * v[0] + v[1] * v[1] + v[2] * v[2])
            .collect();
        let p1 = (0..k)
            .map(|c| {
                if c + 1 < k {
                    q[c][1] * q[c + 1][0] + q[c][2] * q[c + 1][1]
                } else {
                    0.0
                }
            })
            .collect();
        let p2 = (0..k)
            .map(|c| {
                if c + 2 < k {
                    q[c][2] * q[c + 2][0]
                } else {
                    0.0
                }
            })
            .collect();
        let qty = (0..k)
            .map(|c| q[c][0] * y[c] + q[c][1] * y[c + 1] + q[c][2] * y[c + 2])
            .collect();
        Bands {
            r0,
            r1,
            p0,
            p1,
            p2,
            q,
            qty,
        }
    }
}

/// `LDLᵀ` factors of a symmetric positive definite pentadiagonal matrix.
struct Ldl {
    d: Vec<f64>,
    l1: Vec<f64>,
    l2: Vec<f64>,
}

impl Ldl {
    /// Factors the matrix with diagonals `a0`, `a1`, `a2` (upper off-diagonals).
    fn new(a0: &[f64], a1: &[f64], a2: &[f64]) -> Self {
        let k = a0.len();
        let (mut d, mut l1, mut l2) = (vec![0.0; k], vec![0.0; k], vec![0.0; k]);
        for i in 0..k {
            let mut di = a0[i];
            if i >= 1 {
                di -= l1[i - 1] * l1[i - 1] * d[i - 1];
            }
            if i >= 2 {
                di -= l2[i - 2] * l2[i - 2] * d[i - 2];
            }
            d[i] = di;
            let mut e = a1[i];
            if i >= 1 {
                e -= l2[i - 1] * d[i - 1] * l1[i - 1];
            }
            l1[i] = e / di;
            l2[i] = a2[i] / di;
        }
        Ldl { d, l1, l2 }
    }

    fn solve(&self, b: &[f64]) -> Vec<f64> {
        let k = b.len();
        let mut z = b.to_vec();
        for i in 0..k {
            if i >= 1 {
                z[i] -= self.l1[i - 1] * z[i - 1];
            }
            if i >= 2 {
                z[i] -= self.l2[i - 2] * z[i - 2];
            }
        }
        for (zi, di) in z.iter_mut().zip(&self.d) {
            *zi /= di;
        }
        for i in (0..k).rev() {
            if i + 1 < k {
                z[i] -= self.l1[i] * z[i + 1];
            }
            if i + 2 < k {
                z[i] -= self.l2[i] * z[i + 2];
            }
        }
        z
    }

    /// The three central diagonals of the inverse (Takahashi's recursion).
    fn inverse_band(&self) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
        let k = self.d.len();
        let (mut s0, mut s1, mut s2) = (vec![0.0; k], vec![0.0; k], vec![0.0; k]);
        for i in (0..k).rev() {
            let l1 = if i + 1 < k { self.l1[i] } else { 0.0 };
            let l2 = if i + 2 < k { self.l2[i] } else { 0.0 };
            let g = |v: &[f64], j: usize| if j < k { v[j] } else { 0.0 };
            s1[i] = -(l1 * g(&s0, i + 1) + l2 * g(&s1, i + 1));
            s2[i] = -(l1 * g(&s1, i + 1) + l2 * g(&s0, i + 2));
            s0[i] = 1.0 / self.d[i] - (l1 * s1[i] + l2 * s2[i]);
        }
        (s0, s1, s2)
    }
}

/// One evaluation of the penalised fit for smoothing parameter `lambda`.
struct Trial {
    /// Residual sum of squares.
    rss: f64,
    /// `tr(I − A)`: the residual degrees of freedom.
    df_res: f64,
    /// Second derivatives at the interior knots.
    gamma: Vec<f64>,
}

fn trial(b: &Bands, lambda: f64) -> Option<Trial> {
    let k = b.r0.len();
    let a0: Vec<f64> = (0..k).map(|i| b.r0[i] + lambda * b.p0[i]).collect();
    let a1: Vec<f64> = (0..k).map(|i| b.r1[i] + lambda * b.p1[i]).collect();
    let a2: Vec<f64> = (0..k).map(|i| lambda * b.p2[i]).collect();
    let f = Ldl::new(&a0, &a1, &a2);
    if f.d.iter().any(|d| !(d.is_finite() && *d > 0.0)) {
        return None;
    }
    let gamma = f.solve(&b.qty);
    let n = k + 2;
    let mut qg = vec![0.0; n];
    for (c, col) in b.q.iter().enumerate() {
        for (r, v) in col.iter().enumerate() {
            qg[c + r] += v * gamma[c];
        }
    }
    let rss = lambda * lambda * qg.iter().map(|v| v * v).sum::<f64>();
    let (s0, s1, s2) = f.inverse_band();
    let tr: f64 = (0..k)
        .map(|i| s0[i] * b.p0[i] + 2.0 * (s1[i] * b.p1[i] + s2[i] * b.p2[i]))
        .sum();
    let out = Trial {
        rss,
        df_res: lambda * tr,
        gamma,
    };
    (out.rss.is_finite() && out.df_res.is_finite()).then_some(out)
}

impl SmoothingSpline {
    /// Fits the spline to `(x, y)` (x strictly ascending, at least 3 finite
    /// points) with GR's variance convention: `var == 0` interpolates,
    /// `var < 0` chooses the smoothing by GCV, `var > 0` minimises the
    /// estimated true mean squared error for that error variance.
    pub(crate) fn fit(x: &[f64], y: &[f64], var: f64) -> Self {
        let n = x.len();
        let b = Bands::new(x, y);
        let lambda = if var == 0.0 {
            0.0
        } else {
            let scale = b.r0.iter().sum::<f64>() / b.p0.iter().sum::<f64>();
            let nf = n as f64;
            let score = |log_r: f64| -> f64 {
                match trial(&b, scale * 10f64.powf(log_r)) {
                    Some(t) if var < 0.0 => {
                        if t.df_res <= 0.0 {
                            f64::INFINITY
                        } else {
                            nf * t.rss / (t.df_res * t.df_res)
                        }
                    }
                    Some(t) => t.rss / nf - 2.0 * var * t.df_res / nf + var,
                    None => f64::INFINITY,
                }
            };
            // Coarse scan, then golden-section refinement around the best node.
            let (lo, hi, steps) = (-8.0, 8.0, 64);
            let step = (hi - lo) / steps as f64;
            let mut best = (lo, f64::INFINITY);
            for i in 0..=steps {
                let t = lo + step * i as f64;
                let s = score(t);
                if s < best.1 {
                    best = (t, s);
                }
            }
            let (mut a, mut c) = (best.0 - step, best.0 + step);
            let phi = 0.5 * (5f64.sqrt() - 1.0);
            let mut x1 = c - phi * (c - a);
            let mut x2 = a + phi * (c - a);
            let (mut f1, mut f2) = (score(x1), score(x2));
            for _ in 0..40 {
                if f1 <= f2 {
                    c = x2;
                    x2 = x1;
                    f2 = f1;
                    x1 = c - phi * (c - a);
                    f1 = score(x1);
                } else {
                    a = x1;
                    x1 = x2;
                    f1 = f2;
                    x2 = a + phi * (c - a);
                    f2 = score(x2);
                }
            }
            let (t, s) = if f1 <= f2 { (x1, f1) } else { (x2, f2) };
            let t = if s <= best.1 { t } else { best.0 };
            scale * 10f64.powf(t)
        };
        let (g, gamma) = match trial(&b, lambda) {
            Some(t) => {
                let mut g = y.to_vec();
                for (c, col) in b.q.iter().enumerate() {
                    for (r, v) in col.iter().enumerate() {
                        g[c + r] -= lambda * v * t.gamma[c];
                    }
                }
                (g, t.gamma)
            }
            None => (y.to_vec(), vec![0.0; n - 2]),
        };
        let mut c2 = Vec::with_capacity(n);
        c2.push(0.0);
        c2.extend(gamma);
        c2.push(0.0);
        SmoothingSpline {
            x: x.to_vec(),
            g,
            c2,
        }
    }

    /// The spline's value at `t` (cubic extrapolation of the end pieces outside).
    pub(crate) fn eval(&self, t: f64) -> f64 {
        let n = self.x.len();
        let i = self.x.partition_point(|&v| v <= t).clamp(1, n - 1) - 1;
        let h = self.x[i + 1] - self.x[i];
        let a = (self.x[i + 1] - t) / h;
        let b = (t - self.x[i]) / h;
        a * self.g[i]
            + b * self.g[i + 1]
            + ((a * a * a - a) * self.c2[i] + (b * b * b - b) * self.c2[i + 1]) * h * h / 6.0
    }

    /// The fitted values at the knots.
    #[cfg(test)]
    pub(crate) fn values(&self) -> &[f64] {
        &self.g
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::algorithms::testutil::Lcg;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * (1.0 + a.abs().max(b.abs()))
    }

    #[test]
    fn natural_spline_passes_through_the_points() {
        let x = [0.0, 0.7, 1.1, 2.0, 3.5, 4.0, 5.2];
        let y: Vec<f64> = x.iter().map(|v: &f64| v.sin() * 3.0 + v).collect();
        let fit = SmoothingSpline::fit(&x, &y, 0.0);
        for (i, &xi) in x.iter().enumerate() {
            assert!(close(fit.eval(xi), y[i], 1e-12), "{i}");
        }
        let (sx, sy) = spline(&x, &y, 200, 0).unwrap();
        assert_eq!(sx.len(), 200);
        assert_eq!(sx[0], 0.0);
        assert_eq!(sx[199], 5.2);
        assert!(close(sy[0], y[0], 1e-12) && close(sy[199], y[6], 1e-12));
    }

    #[test]
    fn natural_spline_reproduces_lines_and_has_zero_end_curvature() {
        let x = [1.0, 2.0, 2.5, 4.0, 7.0];
        let y: Vec<f64> = x.iter().map(|v| 2.0 * v - 1.0).collect();
        let fit = SmoothingSpline::fit(&x, &y, 0.0);
        for k in 0..=60 {
            let t = 1.0 + 6.0 * k as f64 / 60.0;
            assert!(close(fit.eval(t), 2.0 * t - 1.0, 1e-12));
        }
        // A cubic is not natural, but the spline still interpolates it and its end
        // second derivatives are zero: check with a finite difference.
        let y: Vec<f64> = x.iter().map(|v| v * v * v).collect();
        let fit = SmoothingSpline::fit(&x, &y, 0.0);
        let e = 1e-4;
        let d2 = (fit.eval(1.0 + 2.0 * e) - 2.0 * fit.eval(1.0 + e) + fit.eval(1.0)) / (e * e);
        assert!(d2.abs() < 1e-2, "{d2}");
    }

    #[test]
    fn natural_spline_matches_a_known_solution() {
        // Equally spaced knots 0, 1, 2 with values 0, 1, 0: the interior second
        // derivative solves (2h/3)·M = (0 − 2·1 + 0)/h, i.e. M = −3.
        let fit = SmoothingSpline::fit(&[0.0, 1.0, 2.0], &[0.0, 1.0, 0.0], 0.0);
        assert!(close(fit.c2[1], -3.0, 1e-12));
        assert!(close(fit.eval(0.5), 0.6875, 1e-12));
    }

    #[test]
    fn smoothing_reduces_noise_and_keeps_lines() {
        let mut g = Lcg::new(3);
        let x: Vec<f64> = (0..40).map(|i| i as f64 / 39.0).collect();
        let truth: Vec<f64> = x.iter().map(|v| (6.0 * v).sin()).collect();
        let y: Vec<f64> = truth.iter().map(|v| v + 0.2 * g.normal()).collect();
        let err = |f: &SmoothingSpline| -> f64 {
            f.values()
                .iter()
                .zip(&truth)
                .map(|(a, b)| (a - b) * (a - b))
                .sum::<f64>()
        };
        let raw: f64 = y.iter().zip(&truth).map(|(a, b)| (a - b) * (a - b)).sum();
        for var in [-1.0, 0.04] {
            let f = SmoothingSpline::fit(&x, &y, var);
            assert!(err(&f) < 0.5 * raw, "var {var}: {} vs {raw}", err(&f));
        }
        // A straight line is never penalised: every method reproduces it.
        let line: Vec<f64> = x.iter().map(|v| 3.0 - v).collect();
        for var in [-1.0, 0.0, 1.0, 100.0] {
            let f = SmoothingSpline::fit(&x, &line, var);
            for (a, b) in f.values().iter().zip(&line) {
                assert!(close(*a, *b, 1e-9), "var {var}");
            }
        }
        // A huge variance flattens the curve towards the least-squares line.
        let f = SmoothingSpline::fit(&x, &y, 1e6);
        let d2 = f.c2.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        assert!(d2 < 1e-2, "{d2}");
    }

    #[test]
    fn b_spline_ends_at_the_end_points_and_stays_in_the_hull() {
        let x = [0.0, 1.0, 3.0, 2.0, 4.0, 5.0];
        let y = [0.0, 2.0, 1.0, -1.0, 3.0, 0.0];
        let (sx, sy) = spline(&x, &y, 101, -2).unwrap();
        assert_eq!(sx.len(), 101);
        assert!(close(sx[0], 0.0, 1e-12) && close(sy[0], 0.0, 1e-12));
        assert!(close(sx[100], 5.0, 1e-12) && close(sy[100], 0.0, 1e-12));
        // Each sample is a convex combination of four consecutive (extended) control
        // points, so it lies within the bounding box of the extended polygon.
        for (a, b) in sx.iter().zip(&sy) {
            assert!((-1.0..=6.0).contains(a) && (-2.0..=4.0).contains(b));
        }
        // Collinear control points give points on the line.
        let (sx, sy) = spline(&[0.0, 1.0, 2.0, 3.0], &[1.0, 3.0, 5.0, 7.0], 50, -3).unwrap();
        for (a, b) in sx.iter().zip(&sy) {
            assert!(close(*b, 2.0 * a + 1.0, 1e-12));
        }
        // The B-spline does not need sorted x.
        assert!(spline(&[3.0, 1.0, 2.0], &[0.0, 1.0, 0.0], 10, -2).is_ok());
    }

    #[test]
    fn bad_input_is_refused_with_clear_messages() {
        let e = spline(&[0.0, 1.0, 2.0], &[0.0, 1.0], 10, 0).unwrap_err();
        assert!(e.to_string().contains("same length"), "{e}");
        let e = spline(&[0.0, 1.0], &[0.0, 1.0], 10, 0).unwrap_err();
        assert!(e.to_string().contains("at least 3 points"), "{e}");
        let e = spline(&[0.0, 1.0, 2.0], &[0.0, 1.0, 0.0], 3, 0).unwrap_err();
        assert!(e.to_string().contains("must exceed"), "{e}");
        let e = spline(&[0.0, 1.0, 2.0], &[0.0, 1.0, 0.0], 1, 0).unwrap_err();
        assert!(e.to_string().contains("invalid m"), "{e}");
        let e = spline(&[0.0, 2.0, 1.0], &[0.0, 1.0, 0.0], 10, 0).unwrap_err();
        assert!(e.to_string().contains("strictly ascending"), "{e}");
        let e = spline(&[0.0, 1.0, 1.0], &[0.0, 1.0, 0.0], 10, -1).unwrap_err();
        assert!(e.to_string().contains("strictly ascending"), "{e}");
        let e = spline(&[0.0, f64::NAN, 2.0], &[0.0, 1.0, 0.0], 10, 0).unwrap_err();
        assert!(e.to_string().contains("finite"), "{e}");
        assert!(spline(&[0.0, 1.0, 2.0], &[0.0, f64::INFINITY, 0.0], 10, -2).is_err());
    }

    #[test]
    fn extreme_values_do_not_panic() {
        let x = [0.0, 1e-300, 1.0, 1e300];
        let y = [1e300, -1e300, 0.0, 5.0];
        for method in [-3, -1, 0, 1, 1000] {
            let _ = spline(&x, &y, 20, method);
        }
        let x: Vec<f64> = (0..500).map(|i| i as f64).collect();
        let y: Vec<f64> = x.iter().map(|v| (v * 0.1).sin()).collect();
        let (_, sy) = spline(&x, &y, 1000, -1).unwrap();
        assert!(sy.iter().all(|v| v.is_finite()));
    }
}
