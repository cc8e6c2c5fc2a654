//! Two-dimensional interpolation: GR's `gr_gridit` (scattered data onto a
//! regular grid) and `gr_interp2` (resampling a rectilinear grid).
//!
//! # `gridit` and GR
//!
//! GR's `gr_gridit` fits Akima's smooth bivariate quintic surface (`idsfft`,
//! ACM TOMS 526) and extrapolates it beyond the data. [`gridit`] instead
//! interpolates *linearly* on the Delaunay triangulation of the samples
//! ([`crate::space3d::delaunay`]):
//!
//! * the grid is the same — `nx × ny` evenly spaced nodes over the bounding
//!   box of the data, `z` stored x fastest;
//! * inside the convex hull the surface is continuous and piecewise linear:
//!   it reproduces linear functions exactly and never overshoots the data
//!   (Akima's surface is C¹ and can overshoot);
//! * outside the convex hull the nodes are NaN (GR extrapolates), which the
//!   contour functions draw as holes.
//!
//! Samples with a non-finite coordinate or value are ignored; repeated
//! positions use one of their values.

use super::AlgoError;

/// The result of [`gridit`]: grid coordinates and `nx * ny` values (x fastest).
pub type Gridded = (Vec<f64>, Vec<f64>, Vec<f64>);

/// Largest output grid of [`gridit`] and [`interp2`].
const MAX_CELLS: usize = 1 << 26;

fn check_cells(what: &'static str, nx: usize, ny: usize) -> Result<(), AlgoError> {
    let requested = nx.saturating_mul(ny);
    if requested > MAX_CELLS {
        return Err(AlgoError::TooLarge {
            what,
            requested,
            limit: MAX_CELLS,
            hint: "use fewer grid points",
        });
    }
    Ok(())
}

/// `n` values evenly spaced from `a` to `b`, hitting both ends exactly.
fn linspace(a: f64, b: f64, n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| {
            if i + 1 == n {
                b
            } else {
                a + (b - a) * i as f64 / (n - 1) as f64
            }
        })
        .collect()
}

/// Interpolates scattered samples `(xd, yd, zd)` onto a regular `nx × ny`
/// grid over their bounding box (GR's `gr_gridit`), by linear interpolation
/// on their Delaunay triangulation; nodes outside the convex hull are NaN.
/// See the [module docs](self) for how this differs from GR.
///
/// Returns `(x, y, z)` with `x.len() == nx`, `y.len() == ny` and
/// `z[j * nx + i]` the value at `(x[i], y[j])`. Needs at least 3 finite
/// samples that span an area, and `nx, ny >= 2`.
pub fn gridit(
    xd: &[f64],
    yd: &[f64],
    zd: &[f64],
    nx: usize,
    ny: usize,
) -> Result<Gridded, AlgoError> {
    super::check_same_len("xd", xd.len(), "yd", yd.len())?;
    super::check_same_len("xd", xd.len(), "zd", zd.len())?;
    if nx < 2 || ny < 2 {
        return Err(AlgoError::InvalidParameter {
            name: "grid size",
            value: format!("{nx}×{ny}"),
            reason: "nx and ny must both be at least 2",
        });
    }
    check_cells("the gridit grid", nx, ny)?;
    let keep: Vec<usize> = (0..xd.len())
        .filter(|&i| xd[i].is_finite() && yd[i].is_finite() && zd[i].is_finite())
        .collect();
    if keep.len() < 3 {
        return Err(AlgoError::InvalidParameter {
            name: "number of finite samples",
            value: keep.len().to_string(),
            reason: "gridit needs at least 3 samples with finite x, y and z",
        });
    }
    let px: Vec<f64> = keep.iter().map(|&i| xd[i]).collect();
    let py: Vec<f64> = keep.iter().map(|&i| yd[i]).collect();
    let pz: Vec<f64> = keep.iter().map(|&i| zd[i]).collect();
    let fold = |v: &[f64]| {
        v.iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &t| {
                (a.min(t), b.max(t))
            })
    };
    let (xmin, xmax) = fold(&px);
    let (ymin, ymax) = fold(&py);
    let not_spanning = || AlgoError::InvalidParameter {
        name: "number of finite samples",
        value: px.len().to_string(),
        reason: "the samples do not span an area (need 3 distinct points, not all on one line)",
    };
    if !(xmax - xmin).is_finite() || !(ymax - ymin).is_finite() || xmin == xmax || ymin == ymax {
        return Err(not_spanning());
    }
    let tris = crate::space3d::delaunay(&px, &py).map_err(|_| not_spanning())?;
    let gx = linspace(xmin, xmax, nx);
    let gy = linspace(ymin, ymax, ny);
    let mut z = vec![f64::NAN; nx * ny];
    let dx = (xmax - xmin) / (nx - 1) as f64;
    let dy = (ymax - ymin) / (ny - 1) as f64;
    // Each triangle paints the grid nodes inside its bounding box that it
    // contains: every node is visited by the few triangles overlapping it.
    for t in &tris {
        let [a, b, c] = *t;
        let (ax, ay, bx, by, cx, cy) = (px[a], py[a], px[b], py[b], px[c], py[c]);
        let det = (bx - ax) * (cy - ay) - (cx - ax) * (by - ay);
        if det == 0.0 || !det.is_finite() {
            continue;
        }
        // Tolerance on barycentric coordinates so nodes on shared or hull edges
        // are not lost to rounding.
        let eps = 1e-10;
        let lo_x = ax.min(bx).min(cx);
        let hi_x = ax.max(bx).max(cx);
        let lo_y = ay.min(by).min(cy);
        let hi_y = ay.max(by).max(cy);
        let i0 = (((lo_x - xmin) / dx).floor().max(0.0) as usize).min(nx - 1);
        let i1 = (((hi_x - xmin) / dx).ceil().max(0.0) as usize).min(nx - 1);
        let j0 = (((lo_y - ymin) / dy).floor().max(0.0) as usize).min(ny - 1);
        let j1 = (((hi_y - ymin) / dy).ceil().max(0.0) as usize).min(ny - 1);
        for j in j0..=j1 {
            let qy = gy[j];
            for i in i0..=i1 {
                let qx = gx[i];
                let l1 = ((qx - ax) * (cy - ay) - (cx - ax) * (qy - ay)) / det;
                let l2 = ((bx - ax) * (qy - ay) - (qx - ax) * (by - ay)) / det;
                let l0 = 1.0 - l1 - l2;
                if l0 >= -eps && l1 >= -eps && l2 >= -eps {
                    z[j * nx + i] = l0 * pz[a] + l1 * pz[b] + l2 * pz[c];
                }
            }
        }
    }
    Ok((gx, gy, z))
}

/// GR's `interp2` methods.
const NEAREST: i32 = 0;
const LINEAR: i32 = 1;
const SPLINE: i32 = 2;
const CUBIC: i32 = 3;

/// Resamples `z` given on the rectilinear grid `x × y` (`z[j * nx + i]` at
/// `(x[i], y[j])`) at the nodes of the grid `xq × yq` (GR's `gr_interp2`).
///
/// The result has `xq.len() * yq.len()` values, x fastest. Query points
/// outside `[x₀, xₙ₋₁] × [y₀, yₙ₋₁]` get `extrapval`. Methods:
///
/// * `0` — nearest neighbour (ties go to the lower node, as in GR);
/// * `1` — bilinear;
/// * `2` — natural cubic splines: along x through every row, then along y
///   through those values;
/// * `3` — piecewise cubic through the 4 surrounding nodes per direction,
///   falling back to linear in a direction where the cell touches the grid
///   border (GR's bicubic scheme).
///
/// Needs at least 2 strictly ascending, finite coordinates per axis. NaN
/// values in `z` propagate to the results that use them; a NaN query
/// coordinate counts as outside and yields `extrapval`.
pub fn interp2(
    x: &[f64],
    y: &[f64],
    z: &[f64],
    xq: &[f64],
    yq: &[f64],
    method: i32,
    extrapval: f64,
) -> Result<Vec<f64>, AlgoError> {
    if !(NEAREST..=CUBIC).contains(&method) {
        return Err(AlgoError::InvalidParameter {
            name: "method",
            value: method.to_string(),
            reason: "expected 0 (nearest), 1 (linear), 2 (spline) or 3 (cubic)",
        });
    }
    let (nx, ny) = (x.len(), y.len());
    for (name, v) in [("x", x), ("y", y)] {
        if v.len() < 2 {
            return Err(AlgoError::InvalidParameter {
                name,
                value: format!("{} value(s)", v.len()),
                reason: "the input grid needs at least 2 coordinates per axis",
            });
        }
        if let Some(i) = v.iter().position(|t| !t.is_finite()) {
            return Err(AlgoError::InvalidParameter {
                name,
                value: format!("{name}[{i}] = {}", v[i]),
                reason: "grid coordinates must be finite",
            });
        }
        if let Some(i) = (1..v.len()).find(|&i| v[i] <= v[i - 1]) {
            return Err(AlgoError::NotAscending {
                name,
                index: i,
                prev_index: i - 1,
                value: v[i],
                prev: v[i - 1],
            });
        }
    }
    if z.len() != nx.saturating_mul(ny) {
        return Err(AlgoError::GridSize {
            name: "z",
            nx,
            ny,
            expected: nx.saturating_mul(ny),
            len: z.len(),
        });
    }
    check_cells("the interp2 result", xq.len(), yq.len())?;
    let (nxq, nyq) = (xq.len(), yq.len());
    let mut out = vec![extrapval; nxq * nyq];
    // The cell index of a query coordinate: the last node strictly below it,
    // clamped to 0..=n-2; None outside the grid (or NaN).
    let cell = |v: &[f64], q: f64| -> Option<usize> {
        let n = v.len();
        if !(q >= v[0] && q <= v[n - 1]) {
            return None;
        }
        Some(v.partition_point(|&t| t < q).saturating_sub(1).min(n - 2))
    };
    let cx: Vec<Option<usize>> = xq.iter().map(|&q| cell(x, q)).collect();
    let cy: Vec<Option<usize>> = yq.iter().map(|&q| cell(y, q)).collect();
    if method == SPLINE {
        let rows: Vec<Natural> = (0..ny)
            .map(|j| Natural::new(x, &z[j * nx..(j + 1) * nx]))
            .collect();
        let mut col = vec![0.0; ny];
        for (iq, ix) in cx.iter().enumerate() {
            let Some(ix) = *ix else { continue };
            for (j, r) in rows.iter().enumerate() {
                col[j] = r.eval_in(ix, xq[iq]);
            }
            let s = Natural::new(y, &col);
            for (jq, iy) in cy.iter().enumerate() {
                if let Some(iy) = *iy {
                    out[jq * nxq + iq] = s.eval_in(iy, yq[jq]);
                }
            }
        }
        return Ok(out);
    }
    for (jq, iy) in cy.iter().enumerate() {
        let Some(iy) = *iy else { continue };
        let qy = yq[jq];
        for (iq, ix) in cx.iter().enumerate() {
            let Some(ix) = *ix else { continue };
            let qx = xq[iq];
            out[jq * nxq + iq] = match method {
                NEAREST => {
                    let i = if qx - x[ix] > x[ix + 1] - qx {
                        ix + 1
                    } else {
                        ix
                    };
                    let j = if qy - y[iy] > y[iy + 1] - qy {
                        iy + 1
                    } else {
                        iy
                    };
                    z[j * nx + i]
                }
                LINEAR => bilinear(x, y, z, ix, iy, qx, qy),
                _ => bicubic(x, y, z, ix, iy, qx, qy),
            };
        }
    }
    Ok(out)
}

/// Linear interpolation between `(x0, y0)` and `(x1, y1)` at `q`.
fn lerp(x0: f64, x1: f64, y0: f64, y1: f64, q: f64) -> f64 {
    y0 + (y1 - y0) / (x1 - x0) * (q - x0)
}

/// The cubic through four points `(x[k], y[k])` at `q` (Newton form).
fn cubic4(x: &[f64], y: [f64; 4], q: f64) -> f64 {
    let d01 = (y[1] - y[0]) / (x[1] - x[0]);
    let d12 = (y[2] - y[1]) / (x[2] - x[1]);
    let d23 = (y[3] - y[2]) / (x[3] - x[2]);
    let d012 = (d12 - d01) / (x[2] - x[0]);
    let d123 = (d23 - d12) / (x[3] - x[1]);
    let d0123 = (d123 - d012) / (x[3] - x[0]);
    ((d0123 * (q - x[2]) + d012) * (q - x[1]) + d01) * (q - x[0]) + y[0]
}

fn bilinear(x: &[f64], y: &[f64], z: &[f64], ix: usize, iy: usize, qx: f64, qy: f64) -> f64 {
    let nx = x.len();
    let row = |j: usize| lerp(x[ix], x[ix + 1], z[j * nx + ix], z[j * nx + ix + 1], qx);
    lerp(y[iy], y[iy + 1], row(iy), row(iy + 1), qy)
}

fn bicubic(x: &[f64], y: &[f64], z: &[f64], ix: usize, iy: usize, qx: f64, qy: f64) -> f64 {
    let (nx, ny) = (x.len(), y.len());
    let cubic_x = ix >= 1 && ix + 2 < nx;
    let cubic_y = iy >= 1 && iy + 2 < ny;
    let along_x = |j: usize| -> f64 {
        if cubic_x {
            let r = &z[j * nx + ix - 1..j * nx + ix + 3];
            cubic4(&x[ix - 1..ix + 3], [r[0], r[1], r[2], r[3]], qx)
        } else {
            lerp(x[ix], x[ix + 1], z[j * nx + ix], z[j * nx + ix + 1], qx)
        }
    };
    if cubic_y {
        let a = [
            along_x(iy - 1),
            along_x(iy),
            along_x(iy + 1),
            along_x(iy + 2),
        ];
        cubic4(&y[iy - 1..iy + 3], a, qy)
    } else {
        lerp(y[iy], y[iy + 1], along_x(iy), along_x(iy + 1), qy)
    }
}

/// A natural cubic interpolating spline on strictly ascending knots.
struct Natural<'a> {
    x: &'a [f64],
    y: Vec<f64>,
    /// Second derivatives at the knots (zero at both ends).
    m: Vec<f64>,
}

impl<'a> Natural<'a> {
    fn new(x: &'a [f64], y: &[f64]) -> Self {
        let n = x.len();
        let mut m = vec![0.0; n];
        if n >= 3 {
            // Thomas algorithm for the tridiagonal system of interior second
            // derivatives.
            let h: Vec<f64> = x.windows(2).map(|w| w[1] - w[0]).collect();
            let k = n - 2;
            let mut c = vec![0.0; k];
            let mut d = vec![0.0; k];
            for i in 0..k {
                let diag = (h[i] + h[i + 1]) / 3.0;
                let rhs = (y[i + 2] - y[i + 1]) / h[i + 1] - (y[i + 1] - y[i]) / h[i];
                let sub = h[i] / 6.0;
                let (cp, dp) = if i == 0 {
                    (0.0, 0.0)
                } else {
                    (c[i - 1], d[i - 1])
                };
                let denom = diag - sub * cp;
                c[i] = h[i + 1] / 6.0 / denom;
                d[i] = (rhs - sub * dp) / denom;
            }
            for i in (0..k).rev() {
                let next = if i + 1 < k { m[i + 2] } else { 0.0 };
                m[i + 1] = d[i] - c[i] * next;
            }
        }
        Natural {
            x,
            y: y.to_vec(),
            m,
        }
    }

    /// Value at `q` using the piece on `[x[i], x[i+1]]`.
    fn eval_in(&self, i: usize, q: f64) -> f64 {
        let (x, y, m) = (self.x, &self.y, &self.m);
        let h = x[i + 1] - x[i];
        let a = (x[i + 1] - q) / h;
        let b = (q - x[i]) / h;
        a * y[i]
            + b * y[i + 1]
            + ((a * a * a - a) * m[i] + (b * b * b - b) * m[i + 1]) * h * h / 6.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::algorithms::testutil::Lcg;

    fn grid(x: &[f64], y: &[f64], f: impl Fn(f64, f64) -> f64) -> Vec<f64> {
        y.iter()
            .flat_map(|&b| x.iter().map(move |&a| (a, b)))
            .map(|(a, b)| f(a, b))
            .collect()
    }

    #[test]
    fn gridit_reproduces_a_plane_inside_the_hull_and_is_nan_outside() {
        let mut g = Lcg::new(1);
        let n = 300;
        // Samples in a disc: the bounding-box corners are outside the hull.
        let (xd, yd): (Vec<f64>, Vec<f64>) = (0..n)
            .map(|_| {
                let (r, a) = (g.f64().sqrt(), g.range(0.0, std::f64::consts::TAU));
                (r * a.cos(), r * a.sin())
            })
            .unzip();
        let plane = |x: f64, y: f64| 2.0 * x - 3.0 * y + 0.5;
        let zd: Vec<f64> = xd.iter().zip(&yd).map(|(&a, &b)| plane(a, b)).collect();
        let (x, y, z) = gridit(&xd, &yd, &zd, 41, 31).unwrap();
        assert_eq!((x.len(), y.len(), z.len()), (41, 31, 41 * 31));
        let (xmin, xmax) = xd
            .iter()
            .fold((9.0f64, -9.0f64), |(a, b), &v| (a.min(v), b.max(v)));
        assert_eq!((x[0], x[40]), (xmin, xmax));
        let mut inside = 0;
        for j in 0..31 {
            for i in 0..41 {
                let v = z[j * 41 + i];
                let r = (x[i] * x[i] + y[j] * y[j]).sqrt();
                if r < 0.9 {
                    assert!((v - plane(x[i], y[j])).abs() < 1e-9, "({i}, {j}) {v}");
                    inside += 1;
                }
                if r > 1.0 {
                    assert!(v.is_nan(), "({i}, {j}) {v}");
                }
            }
        }
        assert!(inside > 500);
        assert!(z[0].is_nan() && z[41 * 31 - 1].is_nan());
    }

    #[test]
    fn gridit_hits_the_samples_and_fills_a_square() {
        // The four corners plus the centre: the whole box is inside the hull.
        let xd = [0.0, 1.0, 0.0, 1.0, 0.5];
        let yd = [0.0, 0.0, 1.0, 1.0, 0.5];
        let zd = [0.0, 1.0, 2.0, 3.0, 7.0];
        let (_, _, z) = gridit(&xd, &yd, &zd, 3, 3).unwrap();
        assert!(z.iter().all(|v| v.is_finite()), "{z:?}");
        assert_eq!([z[0], z[2], z[6], z[8], z[4]], [0.0, 1.0, 2.0, 3.0, 7.0]);
    }

    #[test]
    fn gridit_skips_non_finite_samples_and_refuses_bad_input() {
        let xd = [0.0, 1.0, 0.0, f64::NAN, 1.0];
        let yd = [0.0, 0.0, 1.0, 0.5, 1.0];
        let zd = [1.0, 1.0, 1.0, 5.0, f64::INFINITY];
        let (_, _, z) = gridit(&xd, &yd, &zd, 5, 5).unwrap();
        assert!(z.iter().all(|v| v.is_nan() || *v == 1.0));
        let e = gridit(&[0.0, 1.0], &[0.0, 1.0, 2.0], &[0.0, 1.0, 2.0], 5, 5).unwrap_err();
        assert!(e.to_string().contains("same length"), "{e}");
        let e = gridit(&[0.0, 1.0, 2.0], &[0.0, 1.0, 2.0], &[0.0, 1.0], 5, 5).unwrap_err();
        assert!(e.to_string().contains("xd and zd"), "{e}");
        let e = gridit(&[0.0, 1.0], &[0.0, 1.0], &[0.0, 1.0], 5, 5).unwrap_err();
        assert!(e.to_string().contains("at least 3"), "{e}");
        let e = gridit(&[0.0, 1.0, 2.0], &[0.0, 1.0, 2.0], &[0.0; 3], 5, 5).unwrap_err();
        assert!(e.to_string().contains("do not span an area"), "{e}");
        let e = gridit(&[0.0, 1.0, 0.0], &[0.0, 0.0, 1.0], &[0.0; 3], 1, 5).unwrap_err();
        assert!(e.to_string().contains("at least 2"), "{e}");
        let e = gridit(
            &[0.0, 1.0, 0.0],
            &[0.0, 0.0, 1.0],
            &[0.0; 3],
            1 << 20,
            1 << 20,
        )
        .unwrap_err();
        assert!(e.to_string().contains("limit"), "{e}");
        let nan = [f64::NAN; 4];
        assert!(gridit(&nan, &nan, &nan, 4, 4).is_err());
        let huge = [-f64::MAX, f64::MAX, 0.0];
        assert!(gridit(&huge, &[0.0, 0.0, f64::MAX], &[0.0; 3], 4, 4).is_err());
    }

    #[test]
    fn gridit_is_fast_for_10k_points() {
        let mut g = Lcg::new(9);
        let (xd, yd): (Vec<f64>, Vec<f64>) = (0..10_000)
            .map(|_| (g.range(-2.0, 2.0), g.range(-2.0, 2.0)))
            .unzip();
        let zd: Vec<f64> = xd.iter().zip(&yd).map(|(a, b)| a * b).collect();
        let t = std::time::Instant::now();
        let (_, _, z) = gridit(&xd, &yd, &zd, 200, 200).unwrap();
        let dt = t.elapsed();
        eprintln!("gridit 10k points -> 200x200: {dt:?}");
        assert!(z.iter().filter(|v| v.is_finite()).count() > 35_000);
        // Generous in debug builds; the release figure is far lower.
        assert!(dt.as_secs_f64() < 5.0, "{dt:?}");
    }

    #[test]
    fn interp2_linear_methods_reproduce_bilinear_functions() {
        let x = [0.0, 0.5, 2.0, 3.0, 4.5];
        let y = [-1.0, 0.0, 0.25, 2.0];
        let f = |a: f64, b: f64| 1.0 + 2.0 * a - b + 0.5 * a * b;
        let z = grid(&x, &y, f);
        let xq: Vec<f64> = (0..=45).map(|i| i as f64 * 0.1).collect();
        let yq: Vec<f64> = (0..=30).map(|j| -1.0 + j as f64 * 0.1).collect();
        let zq = interp2(&x, &y, &z, &xq, &yq, 1, f64::NAN).unwrap();
        for (jq, &b) in yq.iter().enumerate() {
            for (iq, &a) in xq.iter().enumerate() {
                assert!((zq[jq * xq.len() + iq] - f(a, b)).abs() < 1e-12);
            }
        }
        // Cubic and spline reproduce planes too.
        let p = |a: f64, b: f64| 3.0 - a + 2.0 * b;
        let z = grid(&x, &y, p);
        for method in [2, 3] {
            let zq = interp2(&x, &y, &z, &xq, &yq, method, f64::NAN).unwrap();
            for (jq, &b) in yq.iter().enumerate() {
                for (iq, &a) in xq.iter().enumerate() {
                    let v = zq[jq * xq.len() + iq];
                    assert!((v - p(a, b)).abs() < 1e-11, "method {method}: {v}");
                }
            }
        }
    }

    #[test]
    fn interp2_hits_the_nodes_and_cubic_reproduces_cubics() {
        let x: Vec<f64> = (0..7).map(|i| (i as f64).powf(1.3)).collect();
        let y: Vec<f64> = (0..6).map(|j| j as f64 * 0.7).collect();
        let f = |a: f64, b: f64| a * a * a - 2.0 * a * b * b + b;
        let z = grid(&x, &y, f);
        for method in 0..=3 {
            let zq = interp2(&x, &y, &z, &x, &y, method, 0.0).unwrap();
            for (a, b) in zq.iter().zip(&z) {
                assert!((a - b).abs() < 1e-9 * (1.0 + b.abs()), "method {method}");
            }
        }
        // Away from the border, the 4-point cubic is exact for cubics.
        let xq = [x[1] + 0.3, x[3] + 0.1];
        let yq = [y[1] + 0.2, y[3] + 0.5];
        let zq = interp2(&x, &y, &z, &xq, &yq, 3, 0.0).unwrap();
        for (jq, &b) in yq.iter().enumerate() {
            for (iq, &a) in xq.iter().enumerate() {
                assert!((zq[jq * 2 + iq] - f(a, b)).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn interp2_nearest_and_extrapolation() {
        let x = [0.0, 1.0, 2.0];
        let y = [0.0, 1.0];
        let z = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        let zq = interp2(
            &x,
            &y,
            &z,
            &[0.4, 0.5, 0.6, 2.0, 2.1, -0.1],
            &[0.6],
            0,
            -9.0,
        )
        .unwrap();
        // Ties go to the lower node.
        assert_eq!(zq, vec![4.0, 4.0, 5.0, 6.0, -9.0, -9.0]);
        let zq = interp2(&x, &y, &z, &[1.0, f64::NAN], &[1.5, 0.5], 1, -1.0).unwrap();
        assert_eq!(zq, vec![-1.0, -1.0, 3.5, -1.0]);
        // Natural spline along x through the middle: z = 1, 2, 3 is linear.
        let zq = interp2(&x, &y, &z, &[0.25, 1.75], &[0.0, 1.0], 2, 0.0).unwrap();
        assert_eq!(zq.len(), 4);
        assert!((zq[0] - 1.25).abs() < 1e-12 && (zq[3] - 5.75).abs() < 1e-12);
        // NaN values propagate without panicking.
        let zn = [1.0, f64::NAN, 3.0, 4.0, 5.0, 6.0];
        for method in 0..=3 {
            let zq = interp2(&x, &y, &zn, &[0.2, 1.8], &[0.5], method, 0.0).unwrap();
            assert_eq!(zq.len(), 2);
        }
        assert!(interp2(&x, &y, &z, &[], &[0.5], 1, 0.0).unwrap().is_empty());
    }

    #[test]
    fn interp2_refuses_bad_input() {
        let x = [0.0, 1.0, 2.0];
        let y = [0.0, 1.0];
        let z = [0.0; 6];
        let e = interp2(&x, &y, &z, &[0.5], &[0.5], 4, 0.0).unwrap_err();
        assert!(e.to_string().contains("invalid method = 4"), "{e}");
        let e = interp2(&x, &y, &z, &[0.5], &[0.5], -1, 0.0).unwrap_err();
        assert!(e.to_string().contains("expected 0 (nearest)"), "{e}");
        let e = interp2(&x, &y, &z[..5], &[0.5], &[0.5], 1, 0.0).unwrap_err();
        assert!(e.to_string().contains("nx*ny"), "{e}");
        let e = interp2(&[0.0, 2.0, 1.0], &y, &z, &[0.5], &[0.5], 1, 0.0).unwrap_err();
        assert!(e.to_string().contains("strictly ascending"), "{e}");
        let e = interp2(&x, &[0.0, 0.0], &z, &[0.5], &[0.5], 1, 0.0).unwrap_err();
        assert!(
            e.to_string().contains("y must be strictly ascending"),
            "{e}"
        );
        let e = interp2(&[0.0], &y, &z[..2], &[0.5], &[0.5], 1, 0.0).unwrap_err();
        assert!(e.to_string().contains("at least 2"), "{e}");
        let e = interp2(&[0.0, f64::NAN, 2.0], &y, &z, &[0.5], &[0.5], 1, 0.0).unwrap_err();
        assert!(e.to_string().contains("finite"), "{e}");
    }
}
