//! Tests of the contour algorithms: exact tiling of the domain by bands,
//! lines on their level and equal to band boundaries, NaN holes, input
//! validation, and a (ignored) performance measurement.

use super::*;

/// Small deterministic pseudo-random generator (PCG-style LCG).
struct Lcg(u64);

impl Lcg {
    fn next_u64(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 11
    }

    /// Uniform in `[0, 1)`.
    fn f(&mut self) -> f64 {
        self.next_u64() as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `lo..hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next_u64() % (hi - lo) as u64) as usize
    }
}

/// Signed shoelace area of an implicitly or explicitly closed ring.
fn ring_area(ring: &[(f64, f64)]) -> f64 {
    let n = ring.len();
    let mut s = 0.0;
    for k in 0..n {
        let (x0, y0) = ring[k];
        let (x1, y1) = ring[(k + 1) % n];
        s += x0 * y1 - x1 * y0;
    }
    0.5 * s
}

/// Sum of signed ring areas (holes are clockwise and subtract).
fn rings_area(rings: &[Ring]) -> f64 {
    rings.iter().map(|r| ring_area(r)).sum()
}

/// Even-odd point-in-polygon test over a set of rings.
fn inside_even_odd(rings: &[Ring], (px, py): (f64, f64)) -> bool {
    let mut inside = false;
    for ring in rings {
        let n = ring.len();
        for k in 0..n {
            let (x0, y0) = ring[k];
            let (x1, y1) = ring[(k + 1) % n];
            if (y0 > py) != (y1 > py) {
                let xc = x0 + (py - y0) / (y1 - y0) * (x1 - x0);
                if px < xc {
                    inside = !inside;
                }
            }
        }
    }
    inside
}

fn perimeter(line: &[(f64, f64)]) -> f64 {
    line.windows(2)
        .map(|w| ((w[1].0 - w[0].0).powi(2) + (w[1].1 - w[0].1).powi(2)).sqrt())
        .sum()
}

fn cell_ok(x: &[f64], z: &[f64], i: usize, j: usize) -> bool {
    let nx = x.len();
    [
        z[j * nx + i],
        z[j * nx + i + 1],
        z[(j + 1) * nx + i],
        z[(j + 1) * nx + i + 1],
    ]
    .iter()
    .all(|v| v.is_finite())
}

/// Total area of the cells without non-finite corners.
fn domain_area(x: &[f64], y: &[f64], z: &[f64]) -> f64 {
    let mut a = 0.0;
    for j in 0..y.len() - 1 {
        for i in 0..x.len() - 1 {
            if cell_ok(x, z, i, j) {
                a += (x[i + 1] - x[i]) * (y[j + 1] - y[j]);
            }
        }
    }
    a
}

/// Linear interpolation of z at a point on a grid edge (exact coordinate
/// match with a grid line), or `None` if the point is not on an edge.
fn z_on_edge(x: &[f64], y: &[f64], z: &[f64], (px, py): (f64, f64)) -> Option<f64> {
    let nx = x.len();
    // Exact at the end points (the other end may be NaN).
    let lerp = |a: f64, b: f64, t: f64| {
        if t == 0.0 {
            a
        } else if t == 1.0 {
            b
        } else {
            a + t * (b - a)
        }
    };
    let seg = |v: &[f64], p: f64| -> Option<usize> {
        if p < v[0] || p > v[v.len() - 1] {
            return None;
        }
        Some(
            v.partition_point(|&t| t <= p)
                .saturating_sub(1)
                .min(v.len() - 2),
        )
    };
    if let Ok(i) = x.binary_search_by(|t| t.total_cmp(&px)) {
        let j = seg(y, py)?;
        let t = (py - y[j]) / (y[j + 1] - y[j]);
        return Some(lerp(z[j * nx + i], z[(j + 1) * nx + i], t));
    }
    if let Ok(j) = y.binary_search_by(|t| t.total_cmp(&py)) {
        let i = seg(x, px)?;
        let t = (px - x[i]) / (x[i + 1] - x[i]);
        return Some(lerp(z[j * nx + i], z[j * nx + i + 1], t));
    }
    None
}

/// Independent per-cell area of `z >= level` (SH clipping of the cell, or
/// two corner triangles for a separated saddle).
fn above_area_cell(p: [(f64, f64); 4], v: [f64; 4], level: f64) -> f64 {
    if level == f64::NEG_INFINITY {
        return ring_area(&p);
    }
    if level == f64::INFINITY {
        return 0.0;
    }
    let above: Vec<bool> = v.iter().map(|&z| z >= level).collect();
    let cross = |a: usize, b: usize| {
        let t = (level - v[a]) / (v[b] - v[a]);
        (
            p[a].0 + t * (p[b].0 - p[a].0),
            p[a].1 + t * (p[b].1 - p[a].1),
        )
    };
    let saddle = above[0] == above[2] && above[1] == above[3] && above[0] != above[1];
    let mean = v.iter().sum::<f64>() / 4.0;
    if saddle && mean < level {
        let mut a = 0.0;
        for k in 0..4 {
            if above[k] {
                let prev = (k + 3) % 4;
                let next = (k + 1) % 4;
                a += ring_area(&[cross(prev, k), p[k], cross(k, next)]);
            }
        }
        return a;
    }
    let mut poly = Vec::new();
    for k in 0..4 {
        let n = (k + 1) % 4;
        if above[k] {
            poly.push(p[k]);
        }
        if above[k] != above[n] {
            poly.push(cross(k, n));
        }
    }
    if poly.len() < 3 {
        0.0
    } else {
        ring_area(&poly)
    }
}

/// Independent area of band `lo <= z < hi`, summed over valid cells.
fn band_area_reference(x: &[f64], y: &[f64], z: &[f64], lo: f64, hi: f64) -> f64 {
    let nx = x.len();
    let mut a = 0.0;
    for j in 0..y.len() - 1 {
        for i in 0..nx - 1 {
            if !cell_ok(x, z, i, j) {
                continue;
            }
            let p = [
                (x[i], y[j]),
                (x[i + 1], y[j]),
                (x[i + 1], y[j + 1]),
                (x[i], y[j + 1]),
            ];
            let v = [
                z[j * nx + i],
                z[j * nx + i + 1],
                z[(j + 1) * nx + i + 1],
                z[(j + 1) * nx + i],
            ];
            a += above_area_cell(p, v, lo) - above_area_cell(p, v, hi);
        }
    }
    a
}

/// Strictly increasing, non-uniform coordinates.
fn random_axis(rng: &mut Lcg, n: usize) -> Vec<f64> {
    let mut v = Vec::with_capacity(n);
    let mut t = -2.0 * rng.f();
    for _ in 0..n {
        v.push(t);
        t += 0.05 + 1.5 * rng.f();
    }
    v
}

/// Random grid; `style` selects smooth, noisy, quantised (ties with integer
/// levels), and variants with NaN holes.
fn random_grid(rng: &mut Lcg, style: usize) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    // Mostly small grids (many degenerate configurations), sometimes larger
    // ones (holes, nested and touching regions).
    let big = rng.f() < 0.1;
    let nx = if big {
        rng.range(20, 60)
    } else {
        rng.range(2, 14)
    };
    let ny = if big {
        rng.range(20, 60)
    } else {
        rng.range(2, 14)
    };
    let x = random_axis(rng, nx);
    let y = random_axis(rng, ny);
    let (a, b, c) = (rng.f() * 2.0, rng.f() * 2.0, rng.f());
    let mut z = Vec::with_capacity(nx * ny);
    for &yj in &y {
        for &xi in &x {
            let v = match style % 3 {
                0 => (a * xi + yj).sin() * 2.0 + (b * yj - c * xi * yj).cos() * 2.0,
                1 => rng.f() * 4.0,
                _ => rng.range(0, 5) as f64,
            };
            z.push(v);
        }
    }
    if style >= 3 {
        for v in &mut z {
            if rng.f() < 0.12 {
                *v = f64::NAN;
            }
        }
    }
    (x, y, z)
}

fn random_levels(rng: &mut Lcg, style: usize) -> Vec<f64> {
    let n = rng.range(1, 6);
    let mut levels: Vec<f64> = (0..n)
        .map(|_| {
            if style % 3 == 2 && rng.f() < 0.7 {
                rng.range(0, 5) as f64
            } else {
                rng.f() * 5.0 - 0.5 - if style % 3 == 0 { 2.0 } else { 0.0 }
            }
        })
        .collect();
    levels.sort_by(f64::total_cmp);
    levels.dedup();
    levels
}

/// All bands including the unfilled one below the first level.
fn all_bands(grid: &Grid, levels: &[f64]) -> Vec<Vec<Ring>> {
    let mut bands = vec![contour_band(grid, f64::NEG_INFINITY, levels[0])];
    bands.extend(contour_bands(grid, levels).unwrap());
    bands
}

/// Index into [`all_bands`] of the band containing value `v`.
fn band_index(levels: &[f64], v: f64) -> usize {
    levels.iter().filter(|&&h| h <= v).count()
}

#[test]
fn contour_bands_tile_domain_exactly() {
    let mut rng = Lcg(0x5eed_1234);
    for iter in 0..600 {
        let style = iter % 6;
        let (x, y, z) = random_grid(&mut rng, style);
        let levels = random_levels(&mut rng, style);
        let grid = Grid::new(&x, &y, &z).unwrap();
        let bands = all_bands(&grid, &levels);
        let domain = domain_area(&x, &y, &z);
        let tol = 1e-9 * domain.max(1.0);
        let mut total = 0.0;
        let mut bounds = vec![f64::NEG_INFINITY];
        bounds.extend_from_slice(&levels);
        bounds.push(f64::INFINITY);
        for (k, rings) in bands.iter().enumerate() {
            let area = rings_area(rings);
            let reference = band_area_reference(&x, &y, &z, bounds[k], bounds[k + 1]);
            assert!(
                (area - reference).abs() <= tol,
                "iter {iter} style {style} band {k}: area {area} vs reference {reference}"
            );
            // Separately computed single band gives the same area.
            let single = rings_area(&contour_band(&grid, bounds[k], bounds[k + 1]));
            assert!(
                (single - area).abs() <= tol,
                "iter {iter}: band {k} single {single} vs {area}"
            );
            for r in rings {
                assert!(r.len() >= 3);
                assert!(r.iter().all(|p| p.0.is_finite() && p.1.is_finite()));
            }
            total += area;
        }
        assert!(
            (total - domain).abs() <= tol,
            "iter {iter} style {style}: bands cover {total}, domain {domain}"
        );
    }
}

/// Region `k` (`z >= h[k]`) has the area of bands `k..n` together, and sample points
/// are inside it exactly when their interpolated value is at least `h[k]`.
#[test]
fn contour_regions_are_unions_of_upper_bands() {
    let mut rng = Lcg(0xfeed_0042);
    for iter in 0..300 {
        let style = iter % 6;
        let (x, y, z) = random_grid(&mut rng, style);
        let levels = random_levels(&mut rng, style);
        let grid = Grid::new(&x, &y, &z).unwrap();
        let bands = contour_bands(&grid, &levels).unwrap();
        let regions = contour_regions(&grid, &levels).unwrap();
        assert_eq!(regions.len(), levels.len());
        let tol = 1e-9 * domain_area(&x, &y, &z).max(1.0);
        for k in 0..levels.len() {
            let upper: f64 = bands[k..].iter().map(|b| rings_area(b)).sum();
            let area = rings_area(&regions[k]);
            assert!(
                (area - upper).abs() <= tol,
                "iter {iter} style {style} region {k}: area {area} vs bands {upper}"
            );
            for r in &regions[k] {
                assert!(r.len() >= 3);
            }
        }
        // Nested: every vertex of region k + 1 lies in region k (or on its boundary).
        for k in 1..levels.len() {
            for p in regions[k].iter().flatten().step_by(7) {
                let inside = inside_even_odd(&regions[k - 1], *p);
                let on_edge = z_on_edge(&x, &y, &z, *p).is_some();
                assert!(inside || on_edge, "iter {iter}: region {k} point {p:?}");
            }
        }
    }
}

#[test]
fn contour_sample_points_lie_in_exactly_one_band() {
    let mut rng = Lcg(42);
    let mut checked = 0;
    let mut mixed = 0;
    for iter in 0..300 {
        let style = iter % 6;
        let (x, y, z) = random_grid(&mut rng, style);
        let levels = random_levels(&mut rng, style);
        let grid = Grid::new(&x, &y, &z).unwrap();
        let bands = all_bands(&grid, &levels);
        let nx = x.len();
        for j in 0..y.len() - 1 {
            for i in 0..nx - 1 {
                let p = (
                    x[i] + (0.05 + 0.9 * rng.f()) * (x[i + 1] - x[i]),
                    y[j] + (0.05 + 0.9 * rng.f()) * (y[j + 1] - y[j]),
                );
                let hits: Vec<usize> = (0..bands.len())
                    .filter(|&k| inside_even_odd(&bands[k], p))
                    .collect();
                if !cell_ok(&x, &z, i, j) {
                    assert!(
                        hits.is_empty(),
                        "iter {iter}: point {p:?} in NaN cell is in bands {hits:?}"
                    );
                    continue;
                }
                let corners = [
                    z[j * nx + i],
                    z[j * nx + i + 1],
                    z[(j + 1) * nx + i],
                    z[(j + 1) * nx + i + 1],
                ];
                let idx: Vec<usize> = corners.iter().map(|&v| band_index(&levels, v)).collect();
                if idx.iter().all(|&k| k == idx[0]) {
                    assert_eq!(
                        hits,
                        vec![idx[0]],
                        "iter {iter}: point {p:?} in cell ({i}, {j})"
                    );
                    checked += 1;
                } else {
                    // Mixed cell: a random point (almost surely off every
                    // band boundary) lies in exactly one band, one of those
                    // spanned by the corner values. Self-intersecting or
                    // overlapping rings would break this.
                    let (kmin, kmax) = (*idx.iter().min().unwrap(), *idx.iter().max().unwrap());
                    assert!(
                        hits.len() == 1 && (kmin..=kmax).contains(&hits[0]),
                        "iter {iter}: point {p:?} in bands {hits:?}, corners span {kmin}..={kmax}"
                    );
                    mixed += 1;
                }
            }
        }
    }
    assert!(
        checked > 1000 && mixed > 1000,
        "too few cells checked: {checked} fully inside, {mixed} mixed"
    );
}

#[test]
fn contour_line_vertices_lie_on_level() {
    let mut rng = Lcg(7);
    for iter in 0..300 {
        let style = iter % 6;
        let (x, y, z) = random_grid(&mut rng, style);
        let levels = random_levels(&mut rng, style);
        let grid = Grid::new(&x, &y, &z).unwrap();
        for &level in &levels {
            for line in contour_lines(&grid, level) {
                assert!(line.len() >= 2);
                for &p in &line {
                    let v = z_on_edge(&x, &y, &z, p)
                        .unwrap_or_else(|| panic!("iter {iter}: vertex {p:?} not on a grid edge"));
                    assert!(
                        (v - level).abs() <= 1e-9 * (1.0 + level.abs()),
                        "iter {iter}: vertex {p:?} has z = {v}, level {level}"
                    );
                }
            }
        }
    }
}

#[test]
fn contour_lines_are_band_boundaries() {
    let mut rng = Lcg(99);
    for iter in 0..200 {
        // No NaN: band ring vertices are on the grid boundary or on a level.
        let style = iter % 3;
        let (x, y, z) = random_grid(&mut rng, style);
        let levels = random_levels(&mut rng, style);
        let grid = Grid::new(&x, &y, &z).unwrap();
        let bands = contour_bands(&grid, &levels).unwrap();
        let (x0, x1, y0, y1) = (x[0], x[x.len() - 1], y[0], y[y.len() - 1]);
        for (k, rings) in bands.iter().enumerate() {
            let lo = levels[k];
            let hi = levels.get(k + 1).copied();
            for ring in rings {
                for &p in ring {
                    if p.0 == x0 || p.0 == x1 || p.1 == y0 || p.1 == y1 {
                        continue;
                    }
                    let v = z_on_edge(&x, &y, &z, p).expect("band vertex on grid edge");
                    let on = |l: f64| (v - l).abs() <= 1e-9 * (1.0 + l.abs());
                    assert!(
                        on(lo) || hi.is_some_and(on),
                        "iter {iter}: band {k} vertex {p:?} z = {v}"
                    );
                }
            }
            if style == 0 {
                // Smooth data: interior boundary length equals the length of
                // the contour lines of both levels.
                let mut interior = 0.0;
                for ring in rings {
                    let n = ring.len();
                    for m in 0..n {
                        let (a, b) = (ring[m], ring[(m + 1) % n]);
                        let on_border = (a.0 == x0 && b.0 == x0)
                            || (a.0 == x1 && b.0 == x1)
                            || (a.1 == y0 && b.1 == y0)
                            || (a.1 == y1 && b.1 == y1);
                        if !on_border {
                            interior += perimeter(&[a, b]);
                        }
                    }
                }
                let mut lines_len: f64 =
                    contour_lines(&grid, lo).iter().map(|l| perimeter(l)).sum();
                if let Some(h) = hi {
                    lines_len += contour_lines(&grid, h)
                        .iter()
                        .map(|l| perimeter(l))
                        .sum::<f64>();
                }
                assert!(
                    (interior - lines_len).abs() <= 1e-9 * (1.0 + lines_len),
                    "iter {iter} band {k}: boundary {interior} vs lines {lines_len}"
                );
            }
        }
    }
}

/// Non-uniform symmetric-ish axis over [-2, 2].
fn jittered_axis(rng: &mut Lcg, n: usize) -> Vec<f64> {
    (0..n)
        .map(|k| {
            let t = -2.0 + 4.0 * k as f64 / (n - 1) as f64;
            if k == 0 || k == n - 1 {
                t
            } else {
                t + (rng.f() - 0.5) * 1.5 / (n - 1) as f64
            }
        })
        .collect()
}

#[test]
fn contour_radial_lines_are_closed_circles() {
    let mut rng = Lcg(2024);
    let x = jittered_axis(&mut rng, 81);
    let y = jittered_axis(&mut rng, 97);
    let z: Vec<f64> = y
        .iter()
        .flat_map(|&yj| x.iter().map(move |&xi| xi * xi + yj * yj))
        .collect();
    let grid = Grid::new(&x, &y, &z).unwrap();
    for r in [0.5, 1.0, 1.3, 1.9] {
        let lines = contour_lines(&grid, r * r);
        assert_eq!(lines.len(), 1, "r = {r}");
        let line = &lines[0];
        assert_eq!(line.first(), line.last(), "loop must be closed");
        let len = perimeter(line);
        let expected = 2.0 * std::f64::consts::PI * r;
        assert!(
            (len / expected - 1.0).abs() < 0.01,
            "r = {r}: length {len} vs {expected}"
        );
        // z >= level (outside) is on the left: the loop runs clockwise.
        assert!(ring_area(line) < 0.0);
        for &(px, py) in line {
            assert!(((px * px + py * py).sqrt() / r - 1.0).abs() < 0.01);
        }
    }
    // The annulus band between two radii: one outer ring and one hole.
    let band = contour_band(&grid, 1.0, 1.69);
    assert_eq!(band.len(), 2);
    let area = rings_area(&band);
    let expected = std::f64::consts::PI * (1.69 - 1.0);
    assert!(
        (area / expected - 1.0).abs() < 0.01,
        "annulus area {area} vs {expected}"
    );
    assert_eq!(band.iter().filter(|r| ring_area(r) > 0.0).count(), 1);
    // Beyond radius 2.1 only the four grid corners remain.
    let corners = contour_band(&grid, 4.41, f64::INFINITY);
    assert_eq!(corners.len(), 4);
}

#[test]
fn contour_nan_block_is_a_hole() {
    let nx = 30;
    let ny = 25;
    let mut rng = Lcg(5);
    let x = random_axis(&mut rng, nx);
    let y = random_axis(&mut rng, ny);
    let mut z: Vec<f64> = y
        .iter()
        .flat_map(|&yj| {
            x.iter()
                .map(move |&xi| (0.3 * xi).sin() + (0.2 * yj).cos() + 0.05 * xi)
        })
        .collect();
    // NaN vertices i in 10..15, j in 12..18 exclude cells i in 9..15, j in 11..18.
    for j in 12..18 {
        for i in 10..15 {
            z[j * nx + i] = f64::NAN;
        }
    }
    let grid = Grid::new(&x, &y, &z).unwrap();
    let (hx0, hx1, hy0, hy1) = (x[9], x[15], y[11], y[18]);
    let strictly_in_hole = |p: (f64, f64)| p.0 > hx0 && p.0 < hx1 && p.1 > hy0 && p.1 < hy1;
    let (zmin, zmax) = grid.z_range().unwrap();
    let levels = uniform_levels(zmin, zmax, 8);
    let mut bands = vec![contour_band(&grid, f64::NEG_INFINITY, levels[0])];
    bands.extend(contour_bands(&grid, &levels).unwrap());
    let total: f64 = bands.iter().map(|b| rings_area(b)).sum();
    let full = (x[nx - 1] - x[0]) * (y[ny - 1] - y[0]);
    let hole = (hx1 - hx0) * (hy1 - hy0);
    assert!(
        (total - (full - hole)).abs() <= 1e-9 * full,
        "{total} vs {}",
        full - hole
    );
    for rings in &bands {
        for ring in rings {
            assert!(ring.iter().all(|&p| !strictly_in_hole(p)));
        }
    }
    for j in 11..18 {
        for i in 9..15 {
            let c = (0.5 * (x[i] + x[i + 1]), 0.5 * (y[j] + y[j + 1]));
            assert!(
                bands.iter().all(|b| !inside_even_odd(b, c)),
                "hole cell ({i}, {j}) is filled"
            );
        }
    }
    let mut n_lines = 0;
    for &level in &levels {
        for line in contour_lines(&grid, level) {
            n_lines += 1;
            assert!(
                line.iter().all(|&p| !strictly_in_hole(p)),
                "line vertex inside the hole"
            );
            // No segment crosses the hole either (midpoints outside too).
            for w in line.windows(2) {
                let m = (0.5 * (w[0].0 + w[1].0), 0.5 * (w[0].1 + w[1].1));
                assert!(!strictly_in_hole(m));
            }
        }
    }
    assert!(n_lines > 0);
}

#[test]
fn contour_saddle_resolution_is_consistent() {
    // Corners (0,0)=1, (1,0)=0, (1,1)=1, (0,1)=0: a saddle with mean 0.5.
    let x = [0.0, 1.0];
    let y = [0.0, 1.0];
    let z = [1.0, 0.0, 0.0, 1.0];
    let grid = Grid::new(&x, &y, &z).unwrap();
    // Level 0.4 <= mean: the high corners are connected (a diagonal strip),
    // the low corners are two separate triangles.
    let high = contour_band(&grid, 0.4, f64::INFINITY);
    let low = contour_band(&grid, f64::NEG_INFINITY, 0.4);
    assert_eq!(high.len(), 1);
    assert_eq!(low.len(), 2);
    assert_eq!(contour_lines(&grid, 0.4).len(), 2);
    // Level 0.6 > mean: the high corners are separated.
    let high = contour_band(&grid, 0.6, f64::INFINITY);
    let low = contour_band(&grid, f64::NEG_INFINITY, 0.6);
    assert_eq!(high.len(), 2);
    assert_eq!(low.len(), 1);
    let a = rings_area(&high) + rings_area(&low);
    assert!((a - 1.0).abs() < 1e-12);
    // A band containing the mean: connected in the middle, corners cut off.
    let mid = contour_band(&grid, 0.3, 0.7);
    assert_eq!(mid.len(), 1);
    assert!((rings_area(&mid) - (1.0 - 4.0 * 0.5 * 0.3 * 0.3)).abs() < 1e-12);
}

#[test]
fn contour_bands_merge_cells_into_large_polygons() {
    // A plane: each band is one polygon, and a fully covered domain is a
    // single rectangle.
    let x: Vec<f64> = (0..60).map(|k| (k as f64).powf(1.3)).collect();
    let y: Vec<f64> = (0..40).map(|k| k as f64 * 0.5).collect();
    let z: Vec<f64> = y
        .iter()
        .flat_map(|&yj| x.iter().map(move |&xi| xi + yj))
        .collect();
    let grid = Grid::new(&x, &y, &z).unwrap();
    let all = contour_band(&grid, f64::NEG_INFINITY, f64::INFINITY);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].len(), 4);
    let bands = contour_bands(&grid, &[5.0, 50.0, 100.0]).unwrap();
    for rings in &bands {
        assert_eq!(rings.len(), 1);
    }
    // Peaks-like data on 100 x 100: few polygons per band.
    let n = 100;
    let x: Vec<f64> = (0..n)
        .map(|k| -3.0 + 6.0 * k as f64 / (n - 1) as f64)
        .collect();
    let z = peaks_grid(&x, &x);
    let grid = Grid::new(&x, &x, &z).unwrap();
    let (zmin, zmax) = grid.z_range().unwrap();
    let levels = uniform_levels(zmin, zmax, 20);
    let bands = contour_bands(&grid, &levels).unwrap();
    let polys: usize = bands.iter().map(|b| b.len()).sum();
    assert!(polys < 100, "{polys} polygons");
}

#[test]
fn contour_bad_input_is_rejected_with_clear_messages() {
    let ok = [0.0, 1.0, 2.0];
    let z9 = [0.0; 9];
    let err = Grid::new(&ok, &ok, &[0.0; 8]).unwrap_err();
    assert_eq!(err.to_string(), "z has 8 values but nx * ny = 3 * 3 = 9");
    let err = Grid::new(&[0.0, 1.0, 2.0, 2.0], &ok, &[0.0; 12]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "x must be strictly increasing: x[3] = 2 <= x[2] = 2"
    );
    let err = Grid::new(&ok, &[0.0, 2.0, 1.0], &z9).unwrap_err();
    assert_eq!(
        err.to_string(),
        "y must be strictly increasing: y[2] = 1 <= y[1] = 2"
    );
    let err = Grid::new(&[0.0, f64::NAN, 2.0], &ok, &z9).unwrap_err();
    assert_eq!(err.to_string(), "x must be finite: x[1] = NaN");
    let err = Grid::new(&ok, &[0.0, 1.0, f64::INFINITY], &z9).unwrap_err();
    assert_eq!(err.to_string(), "y must be finite: y[2] = inf");
    let err = Grid::new(&[0.0], &ok, &[0.0; 3]).unwrap_err();
    assert_eq!(err, ContourError::GridTooSmall { nx: 1, ny: 3 });
    assert!(err.to_string().contains("nx = 1"));
    assert!(matches!(
        Grid::new(&ok, &[], &[]),
        Err(ContourError::GridTooSmall { nx: 3, ny: 0 })
    ));

    let grid = Grid::new(&ok, &ok, &z9).unwrap();
    let err = contour_bands(&grid, &[]).unwrap_err();
    assert_eq!(err, ContourError::EmptyLevels);
    let err = contour_bands(&grid, &[1.0, 0.5]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "contour levels must be strictly increasing: levels[1] = 0.5 <= levels[0] = 1"
    );
    let err = contour_bands(&grid, &[0.0, 0.0]).unwrap_err();
    assert!(matches!(
        err,
        ContourError::LevelsNotIncreasing { index: 1, .. }
    ));
    let err = contour_bands(&grid, &[0.0, f64::NAN]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "contour levels must be finite: levels[1] = NaN"
    );

    // Degenerate band arguments give nothing rather than panicking.
    assert!(contour_band(&grid, 1.0, 1.0).is_empty());
    assert!(contour_band(&grid, 2.0, 1.0).is_empty());
    assert!(contour_band(&grid, f64::NAN, 1.0).is_empty());
    assert!(contour_lines(&grid, f64::NAN).is_empty());
    assert!(contour_lines(&grid, f64::INFINITY).is_empty());

    // A hand-built inconsistent grid gives no output instead of panicking.
    let bad = Grid {
        x: &ok,
        y: &ok,
        z: &[0.0; 4],
    };
    assert!(contour_lines(&bad, 0.0).is_empty());
    assert!(contour_band(&bad, 0.0, 1.0).is_empty());
    assert_eq!(
        contour_bands(&bad, &[0.0, 1.0]).unwrap(),
        vec![Vec::<Ring>::new(); 2]
    );
}

#[test]
fn contour_all_nan_and_constant_z_do_not_panic() {
    let x = [0.0, 1.0, 3.0];
    let y = [0.0, 2.0, 3.0, 7.0];
    let nan = [f64::NAN; 12];
    let grid = Grid::new(&x, &y, &nan).unwrap();
    assert!(grid.z_range().is_none());
    assert!(contour_lines(&grid, 0.0).is_empty());
    assert!(contour_band(&grid, f64::NEG_INFINITY, f64::INFINITY).is_empty());
    assert!(contour_bands(&grid, &[0.0, 1.0])
        .unwrap()
        .iter()
        .all(|b| b.is_empty()));

    let c = [2.5; 12];
    let grid = Grid::new(&x, &y, &c).unwrap();
    assert_eq!(grid.z_range(), Some((2.5, 2.5)));
    assert_eq!(uniform_levels(2.5, 2.5, 16), vec![2.5]);
    for level in [2.0, 2.5, 3.0] {
        assert!(contour_lines(&grid, level).is_empty());
    }
    // z == level counts as above (GR's `>=`): the band at 2.5 covers all.
    let bands = contour_bands(&grid, &[2.5, 3.0]).unwrap();
    assert!((rings_area(&bands[0]) - 21.0).abs() < 1e-12);
    assert!(bands[1].is_empty());
    assert!(contour_band(&grid, f64::NEG_INFINITY, 2.5).is_empty());
    let bands = contour_bands(&grid, &[0.0, 1.0]).unwrap();
    assert!(bands[0].is_empty());
    assert!((rings_area(&bands[1]) - 21.0).abs() < 1e-12);
}

#[test]
fn contour_uniform_levels_match_gr_default() {
    assert_eq!(
        uniform_levels(0.0, 16.0, 16),
        (0..16).map(f64::from).collect::<Vec<_>>()
    );
    assert!(uniform_levels(0.0, 1.0, 0).is_empty());
    assert!(uniform_levels(f64::NAN, 1.0, 4).is_empty());
}

/// MATLAB's `peaks` function sampled on a grid.
fn peaks_grid(x: &[f64], y: &[f64]) -> Vec<f64> {
    let mut z = Vec::with_capacity(x.len() * y.len());
    for &b in y {
        for &a in x {
            z.push(
                3.0 * (1.0 - a).powi(2) * (-a * a - (b + 1.0).powi(2)).exp()
                    - 10.0 * (a / 5.0 - a.powi(3) - b.powi(5)) * (-a * a - b * b).exp()
                    - (-(a + 1.0).powi(2) - b * b).exp() / 3.0,
            );
        }
    }
    z
}

/// Performance measurement; run with
/// `cargo test --release -p gr --lib contour_perf -- --ignored --nocapture`.
#[test]
#[ignore = "performance measurement, run in release mode"]
fn contour_perf_peaks_500() {
    let n = 500;
    let x: Vec<f64> = (0..n)
        .map(|k| -3.0 + 6.0 * k as f64 / (n - 1) as f64)
        .collect();
    let z = peaks_grid(&x, &x);
    let grid = Grid::new(&x, &x, &z).unwrap();
    let (zmin, zmax) = grid.z_range().unwrap();
    let levels = uniform_levels(zmin, zmax, 20);

    let t = std::time::Instant::now();
    let bands = contour_bands(&grid, &levels).unwrap();
    let t_bands = t.elapsed();
    let polys: usize = bands.iter().map(|b| b.len()).sum();
    let verts: usize = bands.iter().flatten().map(|r| r.len()).sum();

    let t = std::time::Instant::now();
    let lines: Vec<_> = levels.iter().map(|&h| contour_lines(&grid, h)).collect();
    let t_lines = t.elapsed();
    let nlines: usize = lines.iter().map(|l| l.len()).sum();
    let lverts: usize = lines.iter().flatten().map(|l| l.len()).sum();
    println!(
        "peaks {n}x{n}, 20 levels: contour_bands {:.1} ms -> {polys} polygons, {verts} vertices; \
         contour_lines (all levels) {:.1} ms -> {nlines} lines, {lverts} vertices",
        t_bands.as_secs_f64() * 1e3,
        t_lines.as_secs_f64() * 1e3
    );
    let total: f64 = bands.iter().map(|b| rings_area(b)).sum::<f64>()
        + rings_area(&contour_band(&grid, f64::NEG_INFINITY, levels[0]));
    assert!((total - 36.0).abs() < 1e-9 * 36.0);
}

/// The one-pass chords of all levels are exactly the chords traced level by level
/// (same cells, same order, same keys), including saddles, plateaus at a level and NaN
/// holes.
#[test]
fn all_level_chords_equal_per_level_chords() {
    let mut rng = Lcg(7);
    let (nx, ny) = (23, 17);
    let x: Vec<f64> = (0..nx).map(|i| i as f64).collect();
    let y: Vec<f64> = (0..ny).map(|j| j as f64 * 0.5).collect();
    let mut z: Vec<f64> = (0..nx * ny)
        .map(|k| ((k % nx) as f64 * 0.7).sin() + ((k / nx) as f64 * 0.4).cos() + 0.3 * rng.f())
        .collect();
    z[40] = f64::NAN;
    z[100] = 0.5;
    z[101] = 0.5;
    let levels = [-1.2, -0.5, 0.0, 0.5, 0.9, 1.7];
    let grid = Grid::new(&x, &y, &z).unwrap();
    let mesh = Mesh::new(&grid).unwrap();
    let all = mesh.all_level_chords(&levels, true);
    let own = mesh.all_level_chords(&levels, false);
    assert_eq!(all.len(), levels.len());
    let mut total = 0;
    for (k, &level) in levels.iter().enumerate() {
        let mut one = Vec::new();
        mesh.level_chords(level, k, levels.len(), &mut one);
        assert_eq!(one.len(), all[k].len(), "level {level}");
        for (s, t) in one.iter().zip(&all[k]) {
            assert_eq!((s.a, s.b), (t.a, t.b));
            assert_eq!((s.pa, s.pb), (t.pa, t.pb));
        }
        let mut single = Vec::new();
        mesh.level_chords(level, 0, 1, &mut single);
        assert_eq!(single.len(), own[k].len(), "level {level}");
        for (s, t) in single.iter().zip(&own[k]) {
            assert_eq!((s.a, s.b), (t.a, t.b));
            assert!((t.a as usize) < mesh.key_bound() && (t.b as usize) < mesh.key_bound());
        }
        total += one.len();
    }
    assert!(total > 50, "the field crosses the levels ({total} chords)");
}
