//! Gradients, quiver arrow layout and arrow geometry, as GR's `gr_gradient`,
//! `gr_quiver` and `gr_drawarrow`.
//!
//! # Gradient
//!
//! [`gradient`] differentiates values on a rectilinear grid (x fastest):
//! central differences `(z[i+1] − z[i−1]) / (x[i+1] − x[i−1])` inside,
//! one-sided differences at the borders. On uniform grids this is exactly
//! GR's `gr_gradient`; GR divides by the *average* spacing everywhere, here
//! the actual neighbour distances are used, so non-uniform grids get correct
//! slopes.
//!
//! # Quiver
//!
//! [`arrow_shapes`] places one arrow per grid point as `gr_quiver` does: the
//! vectors are divided by the largest vector length and scaled by the grid
//! spacing, so the longest arrow is exactly one grid spacing long; each
//! arrow's relative length is what GR uses as its arrow (head) size and its
//! colour position.
//!
//! # Arrow heads
//!
//! [`arrow_head`] builds the lines and filled polygons of one arrow in GR's 18
//! arrow styles. The styles are a small table of polylines and polygons in a
//! local frame where the arrow runs from `(0, −100)` (tail) to `(0, 100)`
//! (tip); head points are measured from the nearer end and scaled by the
//! arrow size, so heads have a fixed size in NDC whatever the arrow length:
//! with size 1 the standard head is 0.015 NDC long and 0.015 NDC wide.

use super::AlgoError;

/// Derivatives `(∂z/∂x, ∂z/∂y)` of grid values, as GR's `gr_gradient`.
///
/// `x` (length `nx`) and `y` (length `ny`) are the grid coordinates, strictly
/// ascending; `z` holds `nx * ny` values with x varying fastest
/// (`z[j * nx + i]` belongs to `(x[i], y[j])`). Both returned arrays have the
/// layout of `z`. Inside the grid central differences are used, at the
/// borders one-sided ones; the actual neighbour distances are used, so
/// non-uniform spacing is handled. Along an axis with a single grid point the
/// derivative is 0. NaN values in `z` propagate to the neighbouring
/// derivatives.
///
/// # Errors
///
/// [`AlgoError::Empty`] for an empty `x` or `y`, [`AlgoError::NotAscending`]
/// for coordinates that are not finite and strictly ascending, and
/// [`AlgoError::GridSize`] if `z` does not have `nx * ny` values.
pub fn gradient(x: &[f64], y: &[f64], z: &[f64]) -> Result<(Vec<f64>, Vec<f64>), AlgoError> {
    check_axis("x", x, false)?;
    check_axis("y", y, false)?;
    check_grid("z", x.len(), y.len(), z.len())?;
    let (nx, ny) = (x.len(), y.len());
    let mut u = vec![0.0; nx * ny];
    let mut v = vec![0.0; nx * ny];
    // Neighbour indices of i along an axis of n points.
    let span = |i: usize, n: usize| (i.saturating_sub(1), (i + 1).min(n - 1));
    for j in 0..ny {
        let (jm, jp) = span(j, ny);
        for i in 0..nx {
            let (im, ip) = span(i, nx);
            let k = j * nx + i;
            if ip > im {
                u[k] = (z[j * nx + ip] - z[j * nx + im]) / (x[ip] - x[im]);
            }
            if jp > jm {
                v[k] = (z[jp * nx + i] - z[jm * nx + i]) / (y[jp] - y[jm]);
            }
        }
    }
    Ok((u, v))
}

/// One arrow of a quiver plot, in the coordinates of the grid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Arrow {
    /// Tail: the grid point.
    pub start: (f64, f64),
    /// Tip: the grid point plus the scaled vector.
    pub end: (f64, f64),
    /// Length of the vector `(u, v)` as given.
    pub magnitude: f64,
    /// `magnitude / max magnitude`, in `0..=1`: GR's arrow size for this
    /// arrow and its position in the colormap (`first + (last − first)·relative`).
    pub relative: f64,
}

/// Arrows for a quiver plot of the vectors `(u, v)` on the grid `x × y`, as
/// GR's `gr_quiver` lays them out.
///
/// `x` (length `nx`) and `y` (length `ny`) are ascending grid coordinates
/// (NaN entries are allowed and skipped, as in GR); `u` and `v` hold
/// `nx * ny` components, x fastest. Each arrow starts at its grid point and
/// ends at `(x + dx·u/m, y + dy·v/m)`, where `m` is the largest vector length
/// and `dx`, `dy` are the average grid spacings (from the first finite
/// coordinate to the last), so the longest arrow is one grid spacing long.
/// On a grid with a single point along one axis, that axis uses the other
/// axis' spacing.
///
/// Arrows are returned in grid order (x fastest). Grid points with a
/// non-finite coordinate or vector component are skipped. If all vectors are
/// zero, every arrow has `end == start` and `relative == 0`.
///
/// # Errors
///
/// [`AlgoError::Empty`] for empty `x` or `y`, [`AlgoError::NotAscending`]
/// for descending coordinates, [`AlgoError::GridSize`] if `u` or `v` has the
/// wrong length, and [`AlgoError::InvalidParameter`] for a 1×1 grid or a
/// grid without finite coordinates (no spacing to scale the arrows by).
pub fn arrow_shapes(x: &[f64], y: &[f64], u: &[f64], v: &[f64]) -> Result<Vec<Arrow>, AlgoError> {
    check_axis("x", x, true)?;
    check_axis("y", y, true)?;
    check_grid("u", x.len(), y.len(), u.len())?;
    check_grid("v", x.len(), y.len(), v.len())?;
    let (nx, ny) = (x.len(), y.len());

    let gmax = u
        .iter()
        .zip(v)
        .map(|(&a, &b)| a.hypot(b))
        .filter(|g| g.is_finite())
        .fold(0.0, f64::max);

    let (sx, sy) = match (spacing(x), spacing(y)) {
        (Some(a), Some(b)) => (a, b),
        (Some(a), None) if ny == 1 => (a, a),
        (None, Some(b)) if nx == 1 => (b, b),
        _ => {
            return Err(AlgoError::InvalidParameter {
                name: "grid",
                value: format!("{nx}x{ny}"),
                reason: "quiver needs two finite, distinct grid coordinates along x or y to scale the arrows",
            })
        }
    };

    let mut arrows = Vec::with_capacity(nx * ny);
    for (j, &yj) in y.iter().enumerate() {
        for (i, &xi) in x.iter().enumerate() {
            let (uk, vk) = (u[j * nx + i], v[j * nx + i]);
            let magnitude = uk.hypot(vk);
            if !(xi.is_finite() && yj.is_finite() && magnitude.is_finite()) {
                continue;
            }
            let (relative, end) = if gmax > 0.0 {
                (
                    magnitude / gmax,
                    (xi + sx * (uk / gmax), yj + sy * (vk / gmax)),
                )
            } else {
                (0.0, (xi, yj))
            };
            arrows.push(Arrow {
                start: (xi, yj),
                end,
                magnitude,
                relative,
            });
        }
    }
    Ok(arrows)
}

/// Average spacing from the first finite coordinate to the last one, as GR
/// computes `dx`/`dy` for quiver; `None` if it is not a positive finite number.
fn spacing(a: &[f64]) -> Option<f64> {
    let first = a.iter().position(|v| v.is_finite())?;
    let last = a.len() - 1;
    if last <= first {
        return None;
    }
    let s = (a[last] - a[first]) / (last - first) as f64;
    (s.is_finite() && s > 0.0).then_some(s)
}

/// Checks a grid axis: non-empty and strictly ascending. With `allow_nan`,
/// pairs involving NaN are not compared (GR's quiver check); otherwise all
/// values must be finite.
fn check_axis(name: &'static str, a: &[f64], allow_nan: bool) -> Result<(), AlgoError> {
    if a.is_empty() {
        return Err(AlgoError::Empty { name });
    }
    let not_ascending = |index: usize, prev_index: usize| AlgoError::NotAscending {
        name,
        index,
        prev_index,
        value: a[index],
        prev: a[prev_index],
    };
    if !allow_nan {
        if let Some(i) = a.iter().position(|v| !v.is_finite()) {
            return Err(AlgoError::InvalidParameter {
                name,
                value: format!("{name}[{i}] = {}", a[i]),
                reason: "grid coordinates must be finite",
            });
        }
    }
    for i in 1..a.len() {
        if a[i - 1] >= a[i] {
            return Err(not_ascending(i, i - 1));
        }
    }
    Ok(())
}

fn check_grid(name: &'static str, nx: usize, ny: usize, len: usize) -> Result<(), AlgoError> {
    let expected = nx.saturating_mul(ny);
    if len == expected {
        Ok(())
    } else {
        Err(AlgoError::GridSize {
            name,
            nx,
            ny,
            expected,
            len,
        })
    }
}

/// The lines and filled polygons of one arrow (in NDC), from [`arrow_head`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArrowGeometry {
    /// Polylines to stroke with the line colour.
    pub lines: Vec<Vec<(f64, f64)>>,
    /// Parallel to `lines`: `true` for polylines GR always strokes solid (the
    /// heads and the outlines of hollow heads), `false` for the two-point
    /// shaft lines, which GR strokes with the current line type.
    pub solid: Vec<bool>,
    /// Polygons to fill (solid) with the fill colour.
    pub fills: Vec<Vec<(f64, f64)>>,
}

/// The first and last arrow style number ([`arrow_head`]'s `style`).
pub const ARROW_STYLES: std::ops::RangeInclusive<i32> = 1..=18;

/// One part of an arrow style: a polyline or a filled polygon, as points of
/// the local frame (x across the arrow, y along it; tail at y = −100, tip at
/// y = 100).
enum Part {
    Line(&'static [(i8, i8)]),
    Fill(&'static [(i8, i8)]),
}

use Part::{Fill, Line};

/// GR's arrow styles 1..=18 (index = style − 1), drawn part by part in order.
static STYLES: [&[Part]; 18] = [
    // 1: simple, single-ended
    &[
        Line(&[(-10, 80), (0, 100), (10, 80)]),
        Line(&[(0, 100), (0, -100)]),
    ],
    // 2: simple, single-ended, acute head
    &[
        Line(&[(-7, 80), (0, 100), (7, 80)]),
        Line(&[(0, 100), (0, -100)]),
    ],
    // 3: hollow, single-ended
    &[Line(&[
        (0, 85),
        (-10, 80),
        (0, 100),
        (10, 80),
        (0, 85),
        (0, -100),
    ])],
    // 4: filled, single-ended
    &[
        Fill(&[(0, 85), (-10, 80), (0, 100), (10, 80)]),
        Line(&[(0, 85), (0, -100)]),
    ],
    // 5: triangle, single-ended
    &[Line(&[
        (0, 80),
        (-10, 80),
        (0, 100),
        (10, 80),
        (0, 80),
        (0, -100),
    ])],
    // 6: filled triangle, single-ended
    &[
        Fill(&[(0, 80), (-10, 80), (0, 100), (10, 80)]),
        Line(&[(0, 80), (0, -100)]),
    ],
    // 7: kite, single-ended
    &[Line(&[
        (0, 75),
        (-10, 80),
        (0, 100),
        (10, 80),
        (0, 75),
        (0, -100),
    ])],
    // 8: filled kite, single-ended
    &[
        Fill(&[(0, 75), (-10, 80), (0, 100), (10, 80)]),
        Line(&[(0, 75), (0, -100)]),
    ],
    // 9: simple, double-ended
    &[
        Line(&[(-10, 80), (0, 100), (10, 80)]),
        Line(&[(0, 100), (0, -100)]),
        Line(&[(-10, -80), (0, -100), (10, -80)]),
    ],
    // 10: simple, double-ended, acute head
    &[
        Line(&[(-7, 80), (0, 100), (7, 80)]),
        Line(&[(0, 100), (0, -100)]),
        Line(&[(-7, -80), (0, -100), (7, -80)]),
    ],
    // 11: hollow, double-ended
    &[Line(&[
        (0, 85),
        (-10, 80),
        (0, 100),
        (10, 80),
        (0, 85),
        (0, -85),
        (-10, -80),
        (0, -100),
        (10, -80),
        (0, -85),
    ])],
    // 12: filled, double-ended
    &[
        Fill(&[(0, 85), (-10, 80), (0, 100), (10, 80)]),
        Line(&[(0, 85), (0, -85)]),
        Fill(&[(-10, -80), (0, -100), (10, -80), (0, -85)]),
    ],
    // 13: triangle, double-ended
    &[Line(&[
        (0, 80),
        (-10, 80),
        (0, 100),
        (10, 80),
        (0, 80),
        (0, -80),
        (-10, -80),
        (0, -100),
        (10, -80),
        (0, -80),
    ])],
    // 14: filled triangle, double-ended
    &[
        Fill(&[(0, 80), (-10, 80), (0, 100), (10, 80)]),
        Line(&[(0, 80), (0, -80)]),
        Fill(&[(-10, -80), (0, -100), (10, -80), (0, -80)]),
    ],
    // 15: kite, double-ended
    &[Line(&[
        (0, 75),
        (-10, 80),
        (0, 100),
        (10, 80),
        (0, 75),
        (0, -75),
        (-10, -80),
        (0, -100),
        (10, -80),
        (0, -75),
    ])],
    // 16: filled kite, double-ended
    &[
        Fill(&[(0, 75), (-10, 80), (0, 100), (10, 80)]),
        Line(&[(0, 75), (0, -75)]),
        Fill(&[(-10, -80), (0, -100), (10, -80), (0, -75)]),
    ],
    // 17: double line, single-ended
    &[
        Line(&[(-10, 80), (0, 100), (10, 80)]),
        Line(&[(-1, 98), (-1, -100)]),
        Line(&[(1, 98), (1, -100)]),
    ],
    // 18: double line, double-ended
    &[
        Line(&[(-10, 80), (0, 100), (10, 80)]),
        Line(&[(-1, 98), (-1, -98)]),
        Line(&[(-10, -80), (0, -100), (10, -80)]),
        Line(&[(1, 98), (1, -98)]),
    ],
];

/// The geometry of an arrow from `start` (tail) to `end` (tip) in GR's arrow
/// style `style` (1..=18, see `gr_setarrowstyle`) with GR's arrow size factor
/// `size` (default 1), all in NDC.
///
/// The styles: 1 simple, 2 simple with acute head, 3 hollow, 4 filled,
/// 5 triangle, 6 filled triangle, 7 kite, 8 filled kite (all single-ended);
/// 9–16 the same double-ended; 17 double line single-ended, 18 double line
/// double-ended. Head dimensions are fixed in NDC (proportional to `size`,
/// independent of the arrow length): the standard head reaches 0.015·size
/// back from the tip and 0.0075·size to either side.
///
/// A `style` outside 1..=18 falls back to style 1 (GR's `gr_setarrowstyle`
/// ignores such values). A negative or non-finite `size` counts as 0 (heads
/// collapse onto the ends). A zero-length arrow or non-finite end points give
/// an empty geometry.
pub fn arrow_head(start: (f64, f64), end: (f64, f64), style: i32, size: f64) -> ArrowGeometry {
    let mut geom = ArrowGeometry::default();
    let (xs, ys) = start;
    let (xe, ye) = end;
    let (dx, dy) = (xe - xs, ye - ys);
    let len = dx.hypot(dy);
    if !(len.is_finite() && len > 0.0 && [xs, ys, xe, ye].iter().all(|v| v.is_finite())) {
        return geom;
    }
    let size = if size.is_finite() && size > 0.0 {
        size
    } else {
        0.0
    };
    let parts = usize::try_from(i64::from(style) - 1)
        .ok()
        .and_then(|k| STYLES.get(k))
        .unwrap_or(&STYLES[0]);

    // Local frame: unit vector along the arrow; table x runs along (ay, −ax),
    // i.e. to the right of the direction of travel, as GR's rotation by the
    // arrow angle − 90°.
    let (ax, ay) = (dx / len, dy / len);
    let (cx, cy) = (0.5 * (xs + xe), 0.5 * (ys + ye));
    let half = 0.5 * len;
    // Table units per NDC for head offsets: 100 table units ↔ 0.075·size NDC.
    let head = 0.00075 * size;
    let map = |&(px, py): &(i8, i8)| -> (f64, f64) {
        let px = f64::from(px);
        let py = f64::from(py);
        // Distance along the arrow from the centre, in NDC: the ends are fixed,
        // head points keep their table distance to the nearer end (scaled).
        let along = if py < 0.0 {
            -half + (py + 100.0) * head
        } else {
            half + (py - 100.0) * head
        };
        let across = px * head;
        // Positive table x lies to the right of the direction of travel.
        (cx + along * ax + across * ay, cy + along * ay - across * ax)
    };
    for part in parts.iter() {
        match part {
            Line(pts) => {
                geom.lines.push(pts.iter().map(map).collect());
                geom.solid.push(pts.len() > 2);
            }
            Fill(pts) => geom.fills.push(pts.iter().map(map).collect()),
        }
    }
    geom
}

#[cfg(test)]
mod tests {
    use super::super::testutil::Lcg;
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * (1.0 + a.abs().max(b.abs()))
    }

    #[test]
    fn gradient_of_linear_function_is_exact_on_nonuniform_grids() {
        let mut rng = Lcg::new(11);
        for _ in 0..30 {
            let nx = 1 + rng.below(12);
            let ny = 1 + rng.below(12);
            let mut x = vec![rng.range(-5.0, 5.0)];
            for _ in 1..nx {
                let last = *x.last().unwrap();
                x.push(last + rng.range(0.01, 2.0));
            }
            let mut y = vec![rng.range(-5.0, 5.0)];
            for _ in 1..ny {
                let last = *y.last().unwrap();
                y.push(last + rng.range(0.01, 2.0));
            }
            let (a, b, c) = (
                rng.range(-3.0, 3.0),
                rng.range(-3.0, 3.0),
                rng.range(-3.0, 3.0),
            );
            let z: Vec<f64> = (0..nx * ny)
                .map(|k| a * x[k % nx] + b * y[k / nx] + c)
                .collect();
            let (u, v) = gradient(&x, &y, &z).unwrap();
            for k in 0..nx * ny {
                let eu = if nx > 1 { a } else { 0.0 };
                let ev = if ny > 1 { b } else { 0.0 };
                assert!(close(u[k], eu, 1e-9), "{} vs {eu}", u[k]);
                assert!(close(v[k], ev, 1e-9), "{} vs {ev}", v[k]);
            }
        }
    }

    #[test]
    fn gradient_matches_gr_on_uniform_grid() {
        // z = x² on x = 0, 1, 2, 3: GR gives (1-0)/1, (4-0)/2, (9-1)/2, (9-4)/1.
        let x = [0.0, 1.0, 2.0, 3.0];
        let y = [0.0, 2.0];
        let z = [0.0, 1.0, 4.0, 9.0, 0.0, 1.0, 4.0, 9.0];
        let (u, v) = gradient(&x, &y, &z).unwrap();
        assert_eq!(&u[..4], &[1.0, 2.0, 4.0, 5.0]);
        assert_eq!(&u[4..], &[1.0, 2.0, 4.0, 5.0]);
        assert!(v.iter().all(|&d| d == 0.0));
        // Central difference of a quadratic on a uniform grid is exact inside.
        let zq: Vec<f64> = (0..8)
            .map(|k| (x[k % 4] * 0.5).powi(2) + 3.0 * y[k / 4])
            .collect();
        let (u, v) = gradient(&x, &y, &zq).unwrap();
        assert!(close(u[1], 0.5, 1e-12) && close(u[2], 1.0, 1e-12));
        assert!(v.iter().all(|&d| close(d, 3.0, 1e-12)));
    }

    #[test]
    fn gradient_errors() {
        let e = gradient(&[0.0, 1.0], &[0.0, 1.0], &[1.0, 2.0, 3.0]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "z must have nx*ny = 2*2 = 4 values (x-major, x fastest), got 3"
        );
        let e = gradient(&[0.0, 2.0, 1.0], &[0.0], &[1.0, 2.0, 3.0]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "x must be strictly ascending, but x[2] = 1 does not exceed x[1] = 2"
        );
        assert!(matches!(
            gradient(&[], &[0.0], &[]),
            Err(AlgoError::Empty { name: "x" })
        ));
        assert!(gradient(&[0.0, f64::NAN], &[0.0], &[1.0, 2.0]).is_err());
        // NaN in z propagates but does not panic.
        let (u, _) = gradient(&[0.0, 1.0, 2.0], &[0.0], &[1.0, f64::NAN, 3.0]).unwrap();
        assert!(u[0].is_nan() && u[1] == 1.0 && u[2].is_nan());
    }

    #[test]
    fn longest_arrow_spans_one_grid_spacing() {
        let mut rng = Lcg::new(12);
        for _ in 0..20 {
            let nx = 2 + rng.below(8);
            let ny = 2 + rng.below(8);
            let dx = rng.range(0.1, 3.0);
            let dy = rng.range(0.1, 3.0);
            let x: Vec<f64> = (0..nx).map(|i| 1.0 + i as f64 * dx).collect();
            let y: Vec<f64> = (0..ny).map(|j| -2.0 + j as f64 * dy).collect();
            let u: Vec<f64> = (0..nx * ny).map(|_| rng.range(-5.0, 5.0)).collect();
            let v: Vec<f64> = (0..nx * ny).map(|_| rng.range(-5.0, 5.0)).collect();
            let arrows = arrow_shapes(&x, &y, &u, &v).unwrap();
            assert_eq!(arrows.len(), nx * ny);
            let kmax = (0..nx * ny)
                .max_by(|&a, &b| u[a].hypot(v[a]).total_cmp(&u[b].hypot(v[b])))
                .unwrap();
            let a = arrows[kmax];
            assert!(close(a.relative, 1.0, 1e-12));
            // In grid-spacing units the longest arrow has length 1.
            let l = (((a.end.0 - a.start.0) / dx).powi(2) + ((a.end.1 - a.start.1) / dy).powi(2))
                .sqrt();
            assert!(close(l, 1.0, 1e-9), "{l}");
            for (k, a) in arrows.iter().enumerate() {
                assert_eq!(a.start, (x[k % nx], y[k / nx]));
                assert!(a.relative >= 0.0 && a.relative <= 1.0 + 1e-12);
                assert!(close(a.magnitude, u[k].hypot(v[k]), 1e-12));
                // Direction is preserved.
                let cross = (a.end.0 - a.start.0) / dx * v[k] - (a.end.1 - a.start.1) / dy * u[k];
                assert!(cross.abs() < 1e-9);
            }
        }
    }

    #[test]
    fn quiver_edge_cases() {
        // All-zero field: degenerate arrows, no NaN.
        let a = arrow_shapes(&[0.0, 1.0], &[0.0], &[0.0, 0.0], &[0.0, 0.0]).unwrap();
        assert!(a.iter().all(|a| a.end == a.start && a.relative == 0.0));
        // NaN vectors and coordinates are skipped; spacing from the first finite coordinate.
        let a = arrow_shapes(
            &[f64::NAN, 1.0, 2.0],
            &[0.0, 1.0],
            &[1.0, f64::NAN, 1.0, 1.0, 1.0, 1.0],
            &[0.0; 6],
        )
        .unwrap();
        assert_eq!(a.len(), 3);
        assert!(a.iter().all(|a| close(a.end.0 - a.start.0, 1.0, 1e-12)));
        // Single row: x spacing used for y too.
        let a = arrow_shapes(&[0.0, 2.0], &[5.0], &[0.0, 0.0], &[1.0, 0.5]).unwrap();
        assert_eq!(a[0].end, (0.0, 7.0));
        assert!(arrow_shapes(&[0.0], &[0.0], &[1.0], &[1.0]).is_err());
        assert!(matches!(
            arrow_shapes(&[0.0, 1.0], &[0.0], &[1.0], &[1.0, 2.0]),
            Err(AlgoError::GridSize { name: "u", .. })
        ));
        assert!(arrow_shapes(&[1.0, 0.0], &[0.0], &[1.0, 1.0], &[1.0, 1.0]).is_err());
        // Huge vectors do not overflow.
        let a = arrow_shapes(&[0.0, 1.0], &[0.0], &[1e300, -1e300], &[1e300, 0.0]).unwrap();
        assert!(a.iter().all(|a| a.end.0.is_finite() && a.end.1.is_finite()));
    }

    #[test]
    fn arrow_head_simple_style_geometry() {
        // Horizontal arrow to the right, size 1.
        let g = arrow_head((0.1, 0.5), (0.5, 0.5), 1, 1.0);
        assert_eq!(g.lines.len(), 2);
        assert!(g.fills.is_empty());
        assert_eq!(g.solid, vec![true, false]);
        let head = &g.lines[0];
        let shaft = &g.lines[1];
        assert!(close(shaft[0].0, 0.5, 1e-12) && close(shaft[1].0, 0.1, 1e-12));
        assert!(close(head[1].0, 0.5, 1e-12) && close(head[1].1, 0.5, 1e-12));
        // Wings 0.015 back and 0.0075 to the sides; table x = −10 is left of travel.
        assert!(
            close(head[0].0, 0.485, 1e-12) && close(head[0].1, 0.5 + 0.0075, 1e-12),
            "{head:?}"
        );
        assert!(close(head[2].0, 0.485, 1e-12) && close(head[2].1, 0.5 - 0.0075, 1e-12));
        // Head size independent of arrow length, proportional to size.
        let g2 = arrow_head((0.0, 0.0), (0.0, 0.05), 1, 2.0);
        let h2 = &g2.lines[0];
        assert!(close(h2[0].1, 0.05 - 0.03, 1e-12) && close(h2[0].0.abs(), 0.015, 1e-12));
    }

    #[test]
    fn arrow_styles_are_complete_and_rotation_invariant() {
        let mut rng = Lcg::new(13);
        for style in ARROW_STYLES {
            let g = arrow_head((0.0, 0.0), (1.0, 0.0), style, 1.0);
            let nparts = g.lines.len() + g.fills.len();
            assert!(nparts >= 1);
            assert_eq!(g.lines.len(), g.solid.len());
            let filled = matches!(style, 4 | 6 | 8 | 12 | 14 | 16);
            assert_eq!(!g.fills.is_empty(), filled, "style {style}");
            let double = (9..=16).contains(&style) || style == 18;
            // Points near the tail beyond the shaft end exist only for double-ended styles.
            let near_tail = g
                .lines
                .iter()
                .chain(&g.fills)
                .flatten()
                .any(|p| p.0 > 0.0 && p.0 < 0.05 && p.1.abs() > 1e-3);
            assert_eq!(near_tail, double, "style {style}");
            // Rotating the arrow rotates the geometry.
            let ang = rng.range(-3.1, 3.1);
            let (c, s) = (ang.cos(), ang.sin());
            let rot = |p: (f64, f64)| (0.3 + c * p.0 - s * p.1, 0.2 + s * p.0 + c * p.1);
            let gr = arrow_head(rot((0.0, 0.0)), rot((1.0, 0.0)), style, 1.0);
            for (a, b) in g
                .lines
                .iter()
                .flatten()
                .chain(g.fills.iter().flatten())
                .zip(gr.lines.iter().flatten().chain(gr.fills.iter().flatten()))
            {
                let ra = rot(*a);
                assert!(
                    close(ra.0, b.0, 1e-9) && close(ra.1, b.1, 1e-9),
                    "style {style}"
                );
            }
        }
        // Degenerate input gives nothing and does not panic.
        assert_eq!(
            arrow_head((0.1, 0.1), (0.1, 0.1), 3, 1.0),
            ArrowGeometry::default()
        );
        assert_eq!(
            arrow_head((f64::NAN, 0.1), (0.1, 0.1), 3, 1.0),
            ArrowGeometry::default()
        );
        assert_eq!(
            arrow_head((0.0, 0.0), (f64::MAX, f64::MAX), 3, 1.0),
            ArrowGeometry::default()
        );
        // Unknown styles fall back to style 1; bad sizes to 0.
        assert_eq!(
            arrow_head((0.0, 0.0), (1.0, 1.0), 99, 1.0),
            arrow_head((0.0, 0.0), (1.0, 1.0), 1, 1.0)
        );
        assert_eq!(
            arrow_head((0.0, 0.0), (1.0, 1.0), i32::MIN, f64::NAN),
            arrow_head((0.0, 0.0), (1.0, 1.0), 1, 0.0)
        );
    }
}
