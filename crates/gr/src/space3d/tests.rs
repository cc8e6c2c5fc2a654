use super::surface::{cell_order, triangle_order};
use super::*;

fn render(gr: &Gr, name: &str) -> testkit::Raster {
    let page = gr.gks().page();
    let r = testkit::Raster {
        width: page.width as u32,
        height: page.height as u32,
        rgba: gr.gks().render_rgba().unwrap(),
    };
    let dir = testkit::target_dir().join("space3d");
    std::fs::create_dir_all(&dir).unwrap();
    testkit::write_png(&dir.join(format!("{name}.png")), &testkit::over_white(&r));
    r
}

// The scenes are compared with reference images (and rendered back from SVG and PDF) by
// `tests/reference.rs` with the crate's other scenes.

/// Pixels at least 3 px inside the convex NDC polygon `poly` that are lighter than `fill`
/// beyond compositing round-off: channel sum +12, reached at vertices where many edges
/// overlap; GR's anti-aliasing seams are ~+40. Returns (seams, interior). The page is
/// GR's 600 × 450 px with 600 px per NDC unit.
fn seam_pixels(r: &testkit::Raster, fill: [u8; 4], poly: &[(f64, f64)]) -> (usize, usize) {
    let (w, h) = (r.width as usize, r.height as usize);
    let px: Vec<(f64, f64)> = poly
        .iter()
        .map(|&(x, y)| (x * 600.0, 450.0 - y * 600.0))
        .collect();
    let inside = |x: f64, y: f64| {
        let n = px.len();
        let area: f64 = (0..n)
            .map(|i| px[i].0 * px[(i + 1) % n].1 - px[(i + 1) % n].0 * px[i].1)
            .sum();
        (0..n).all(|i| {
            let (a, b) = (px[i], px[(i + 1) % n]);
            let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
            let d = ((b.0 - a.0) * (y - a.1) - (b.1 - a.1) * (x - a.0)) / len * area.signum();
            d >= 3.0
        })
    };
    let (mut bad, mut interior) = (0, 0);
    for y in 0..h {
        for x in 0..w {
            if !inside(x as f64 + 0.5, y as f64 + 0.5) {
                continue;
            }
            interior += 1;
            let i = 4 * (y * w + x);
            let lighter: i32 = (0..3).map(|k| r.rgba[i + k] as i32 - fill[k] as i32).sum();
            if lighter > 12 {
                bad += 1;
            }
        }
    }
    (bad, interior)
}

/// A flat surface in one colour has no seams between its cells, from several rotations;
/// the same cells filled without the same-colour border (as GR does) do.
#[test]
fn flat_surface_has_no_seams() {
    let x: Vec<f64> = (0..30).map(|i| -1.0 + 2.0 * i as f64 / 29.0).collect();
    let setup = |rotation: f64| {
        let mut gr = Gr::new();
        gr.setviewport(0.2, 0.8, 0.1, 0.7).unwrap();
        gr.setwindow(-1.0, 1.0, -1.0, 1.0).unwrap();
        gr.setspace(0.0, 1.0, rotation, 60.0).unwrap();
        gr
    };
    let fill = {
        let gr = Gr::new();
        let (r, g, b) = gr.inqcolor(40).unwrap();
        [r, g, b].map(|c| (c * 255.0).round() as u8)
    };
    let fill = [fill[0], fill[1], fill[2], 255];
    for rotation in [0.0, 30.0, 125.0] {
        let mut gr = setup(rotation);
        // FILLED_MESH with lines in the fill colour: any lighter pixel is a seam.
        gr.setfillcolorind(40).unwrap();
        gr.setlinecolorind(40).unwrap();
        gr.surface(&x, &x, &[0.5; 900], 2).unwrap();
        let poly: Vec<(f64, f64)> = [(-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)]
            .iter()
            .map(|&(a, b)| gr.project(a, b, 0.5))
            .collect();
        let (bad, inside) = seam_pixels(&render(&gr, &format!("flat-{rotation}")), fill, &poly);
        assert!(
            inside > 10_000,
            "rotation {rotation}: surface too small ({inside} px)"
        );
        assert_eq!(bad, 0, "rotation {rotation}: {bad} seam pixels of {inside}");
        // Control: plain fills of the same cells.
        let mut gr = setup(rotation);
        gr.selntran(0).unwrap();
        gr.setfillintstyle(1).unwrap();
        gr.setfillcolorind(40).unwrap();
        for j in 0..29 {
            for i in 0..29 {
                let c = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)]
                    .map(|(a, b)| gr.project(x[a], x[b], 0.5));
                gr.fillarea(&c.map(|p| p.0), &c.map(|p| p.1)).unwrap();
            }
        }
        let (bad, _) = seam_pixels(
            &render(&gr, &format!("flat-{rotation}-gr-style")),
            fill,
            &poly,
        );
        assert!(
            bad > 1000,
            "rotation {rotation}: the control shows only {bad} seam pixels"
        );
    }
}

/// Our surface pictures against GR's own (`shared/reference/gr-look`, skipped when not
/// present): the coloured surface covers the same pixels (plus at most a thin rim from the
/// seam borders) and the colours agree (median channel-sum difference, mesh lines aside).
#[test]
fn scenes_agree_with_gr_pictures() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/reference/gr-look");
    for (name, f) in [
        ("surface", surface_scene as fn(&mut Gr) -> Result<()>),
        ("surface-zshaded", surface_zshaded_scene),
    ] {
        let path = dir.join(format!("{name}.png"));
        if !path.exists() {
            eprintln!("{} not found; comparison skipped", path.display());
            continue;
        }
        let theirs = testkit::over_white(&testkit::read_png(&path));
        let mut gr = Gr::new();
        f(&mut gr).unwrap();
        let ours = testkit::over_white(&render(&gr, name));
        assert_eq!((ours.width, ours.height), (theirs.width, theirs.height));
        let coloured = |r: &testkit::Raster, i: usize| {
            let c = &r.rgba[4 * i..4 * i + 3];
            c.iter().max().unwrap() - c.iter().min().unwrap() > 40
        };
        let n = (ours.width * ours.height) as usize;
        let (mut both, mut only_gr, mut only_ours) = (0usize, 0usize, 0usize);
        let mut diffs = Vec::new();
        for i in 0..n {
            match (coloured(&theirs, i), coloured(&ours, i)) {
                (true, true) => {
                    both += 1;
                    diffs.push(
                        (0..3)
                            .map(|k| {
                                (theirs.rgba[4 * i + k] as i32 - ours.rgba[4 * i + k] as i32).abs()
                            })
                            .sum::<i32>(),
                    );
                }
                (true, false) => only_gr += 1,
                (false, true) => only_ours += 1,
                _ => {}
            }
        }
        diffs.sort_unstable();
        let median = diffs[diffs.len() / 2];
        assert!(both > 50_000, "{name}: surfaces overlap in only {both} px");
        assert!(
            only_gr * 200 < both,
            "{name}: {only_gr} px of GR's surface are not covered"
        );
        assert!(
            only_ours * 50 < both,
            "{name}: {only_ours} px outside GR's surface"
        );
        assert!(median <= 8, "{name}: median colour difference {median}");
    }
}

fn lcg(seed: &mut u64) -> f64 {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    ((*seed >> 11) as f64) / ((1u64 << 53) as f64)
}

fn hull_size(pts: &[(f64, f64)]) -> usize {
    let mut p: Vec<(f64, f64)> = pts.to_vec();
    p.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    p.dedup();
    let mut hull: Vec<(f64, f64)> = Vec::new();
    for pass in 0..2 {
        let start = hull.len();
        let iter: Vec<(f64, f64)> = if pass == 0 {
            p.clone()
        } else {
            p.iter().rev().cloned().collect()
        };
        for q in iter {
            while hull.len() >= start + 2
                && delaunay::orient(hull[hull.len() - 2], hull[hull.len() - 1], q) < 0.0
            {
                hull.pop();
            }
            hull.push(q);
        }
        hull.pop();
    }
    hull.len()
}

/// Delaunay: counter-clockwise triangles, empty circumcircles, and the full convex hull
/// covered (2n − 2 − h triangles) for random and grid-like point sets.
#[test]
fn delaunay_is_delaunay() {
    let mut seed = 7u64;
    let mut sets: Vec<Vec<(f64, f64)>> = Vec::new();
    for n in [3usize, 4, 10, 100, 500] {
        sets.push(
            (0..n)
                .map(|_| (lcg(&mut seed) * 4.0 - 2.0, lcg(&mut seed) * 3.0))
                .collect(),
        );
    }
    // A regular grid (many cocircular points) and a clustered set.
    sets.push(
        (0..100)
            .map(|k| ((k % 10) as f64, (k / 10) as f64))
            .collect(),
    );
    sets.push(
        (0..200)
            .map(|_| {
                let r = lcg(&mut seed).powi(3);
                let a = lcg(&mut seed) * std::f64::consts::TAU;
                (r * a.cos(), r * a.sin())
            })
            .collect(),
    );
    for pts in &sets {
        let (x, y): (Vec<f64>, Vec<f64>) = pts.iter().cloned().unzip();
        let tris = delaunay(&x, &y).unwrap();
        let h = hull_size(pts);
        assert_eq!(
            tris.len(),
            2 * pts.len() - 2 - h,
            "n = {}, hull {h}",
            pts.len()
        );
        for t in &tris {
            let [a, b, c] = t.map(|i| pts[i]);
            assert!(delaunay::orient(a, b, c) > 0.0);
            let s = 1e-9;
            for (i, &d) in pts.iter().enumerate() {
                if t.contains(&i) {
                    continue;
                }
                let (ax, ay) = (a.0 - d.0, a.1 - d.1);
                let (bx, by) = (b.0 - d.0, b.1 - d.1);
                let (cx, cy) = (c.0 - d.0, c.1 - d.1);
                let det = (ax * ax + ay * ay) * (bx * cy - cx * by)
                    - (bx * bx + by * by) * (ax * cy - cx * ay)
                    + (cx * cx + cy * cy) * (ax * by - bx * ay);
                assert!(
                    det <= s,
                    "point {i} inside the circumcircle of {t:?} (n = {})",
                    pts.len()
                );
            }
        }
    }
}

/// Counts painter's-order violations: a triangle painted after another one although it
/// lies behind it at some screen point. `faces` holds triangles in unit coordinates with
/// a group number (triangles of one group are painted as one polygon and not compared).
fn order_violations(p: &Projector, faces: &[([[f64; 3]; 3], usize)]) -> usize {
    let perspective = matches!(p.eye(), Eye::Point(_));
    let proj: Vec<Option<[[f64; 3]; 3]>> = faces
        .iter()
        .map(|(t, _)| {
            let a = p.project_unit(t[0])?;
            let b = p.project_unit(t[1])?;
            let c = p.project_unit(t[2])?;
            Some([a, b, c])
        })
        .collect();
    let bary = |t: &[[f64; 3]; 3], x: f64, y: f64| -> Option<[f64; 3]> {
        let d =
            (t[1][0] - t[0][0]) * (t[2][1] - t[0][1]) - (t[2][0] - t[0][0]) * (t[1][1] - t[0][1]);
        if d.abs() < 1e-14 {
            return None;
        }
        let l1 = ((x - t[0][0]) * (t[2][1] - t[0][1]) - (t[2][0] - t[0][0]) * (y - t[0][1])) / d;
        let l2 = ((t[1][0] - t[0][0]) * (y - t[0][1]) - (x - t[0][0]) * (t[1][1] - t[0][1])) / d;
        Some([1.0 - l1 - l2, l1, l2])
    };
    let samples = [
        [1.0 / 3.0; 3],
        [0.6, 0.2, 0.2],
        [0.2, 0.6, 0.2],
        [0.2, 0.2, 0.6],
    ];
    let mut bad = 0;
    for (ia, (ta, ga)) in faces.iter().enumerate() {
        if proj[ia].is_none() {
            continue;
        }
        for s in &samples {
            let q = [0, 1, 2].map(|k| s[0] * ta[0][k] + s[1] * ta[1][k] + s[2] * ta[2][k]);
            let Some(sp) = p.project_unit(q) else {
                continue;
            };
            for (ib, (_, gb)) in faces.iter().enumerate().skip(ia + 1) {
                if gb == ga {
                    continue;
                }
                let Some(tb) = &proj[ib] else { continue };
                let Some(l) = bary(tb, sp[0], sp[1]) else {
                    continue;
                };
                if l.iter().any(|&v| v < 1e-9) {
                    continue;
                }
                let db = if perspective {
                    1.0 / (l[0] / tb[0][2] + l[1] / tb[1][2] + l[2] / tb[2][2])
                } else {
                    l[0] * tb[0][2] + l[1] * tb[1][2] + l[2] * tb[2][2]
                };
                if db > sp[2] + 1e-9 * (1.0 + sp[2].abs()) {
                    bad += 1;
                }
            }
        }
    }
    bad
}

/// A bumpy test surface with self-occlusion from low views.
fn bumpy(nx: usize, ny: usize) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let x: Vec<f64> = (0..nx)
        .map(|i| -2.0 + 4.0 * i as f64 / (nx - 1) as f64)
        .collect();
    let y: Vec<f64> = (0..ny)
        .map(|j| -2.0 + 4.0 * j as f64 / (ny - 1) as f64)
        .collect();
    let mut z = Vec::new();
    for &b in &y {
        for &a in &x {
            z.push(0.9 * (2.5 * a).sin() * (2.0 * b).cos() + 0.3 * a);
        }
    }
    (x, y, z)
}

/// The faces `surface` paints, in its order, as triangle pairs.
fn surface_faces(p: &Projector, x: &[f64], y: &[f64], z: &[f64]) -> Vec<([[f64; 3]; 3], usize)> {
    let nx = x.len();
    let u: Vec<f64> = x.iter().map(|&v| p.axes[0].to_unit(v)).collect();
    let v: Vec<f64> = y.iter().map(|&v| p.axes[1].to_unit(v)).collect();
    let mut faces = Vec::new();
    for (g, (i, j)) in cell_order(p.eye(), &u, &v).into_iter().enumerate() {
        let q = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)]
            .map(|(a, b)| [u[a], v[b], p.axes[2].to_unit(z[b * nx + a])]);
        faces.push(([q[0], q[1], q[2]], g));
        faces.push(([q[0], q[2], q[3]], g));
    }
    faces
}

/// Views used by the order tests: the classic view from 8 rotations and 3 tilts, and
/// orthographic and perspective cameras from 8 azimuths, above and below.
fn views() -> Vec<(String, Gr)> {
    let mut out = Vec::new();
    for k in 0..8 {
        let rotation = 45.0 * k as f64 + 10.0;
        for tilt in [15.0, 40.0, 70.0] {
            let mut gr = Gr::new();
            gr.setwindow(-2.0, 2.0, -2.0, 2.0).unwrap();
            gr.setspace(-1.5, 1.5, rotation, tilt).unwrap();
            out.push((format!("classic {rotation}/{tilt}"), gr));
        }
        // Flipped and logarithmic axes change the grid's direction in unit space.
        let mut gr = Gr::new();
        gr.setwindow(-2.0, 2.0, -2.0, 2.0).unwrap();
        gr.setscale(crate::scale::options::FLIP_X | crate::scale::options::FLIP_Z)
            .unwrap();
        gr.setspace(-1.5, 1.5, rotation, 35.0).unwrap();
        out.push((format!("classic flipped {rotation}"), gr));
        let phi = 45.0 * k as f64 + 20.0;
        for (theta, fov, dist) in [
            (60.0, 0.0, 0.0),
            (110.0, 0.0, 0.0),
            (50.0, 45.0, 0.0),
            (75.0, 60.0, 2.2),
            (120.0, 30.0, 0.0),
        ] {
            let mut gr = Gr::new();
            gr.setwindow3d(-2.0, 2.0, -2.0, 2.0, -1.5, 1.5).unwrap();
            gr.setspace3d(phi, theta, fov, dist).unwrap();
            out.push((
                format!("camera phi {phi} theta {theta} fov {fov} d {dist}"),
                gr,
            ));
        }
    }
    out
}

/// Property: `surface` paints no cell after a cell that it occludes, from every view.
#[test]
fn surface_painter_order_is_exact() {
    let (x, y, z) = bumpy(14, 11);
    let mut worst = 0;
    for (name, gr) in views() {
        let p = gr.projector();
        let faces = surface_faces(&p, &x, &y, &z);
        let bad = order_violations(&p, &faces);
        assert_eq!(bad, 0, "{name}: {bad} violations");
        // The reversed order must be caught (the check is not vacuous).
        let mut rev = faces.clone();
        rev.reverse();
        worst = worst.max(order_violations(&p, &rev));
    }
    assert!(
        worst > 100,
        "reversed orders produced only {worst} violations"
    );
}

/// Property: `trisurface` paints no triangle after one that it occludes, from every view.
#[test]
fn trisurface_painter_order_is_exact() {
    let mut seed = 11u64;
    let n = 250;
    let x: Vec<f64> = (0..n).map(|_| lcg(&mut seed) * 4.0 - 2.0).collect();
    let y: Vec<f64> = (0..n).map(|_| lcg(&mut seed) * 4.0 - 2.0).collect();
    let z: Vec<f64> = x
        .iter()
        .zip(&y)
        .map(|(&a, &b)| 0.9 * (2.5 * a).sin() * (2.0 * b).cos() + 0.3 * a)
        .collect();
    let (mut worst, mut naive_bad) = (0, 0);
    for (name, gr) in views() {
        let p = gr.projector();
        let uv: Vec<(f64, f64)> = x
            .iter()
            .zip(&y)
            .map(|(&a, &b)| (p.axes[0].to_unit(a), p.axes[1].to_unit(b)))
            .collect();
        let w: Vec<f64> = z.iter().map(|&c| p.axes[2].to_unit(c)).collect();
        let tris = delaunay::triangulate(&uv);
        let depth: Vec<f64> = tris
            .iter()
            .map(|t| {
                let c = [0, 1, 2]
                    .map(|k| t.iter().map(|&i| [uv[i].0, uv[i].1, w[i]][k]).sum::<f64>() / 3.0);
                p.project_unit(c).map_or(f64::NEG_INFINITY, |r| r[2])
            })
            .collect();
        let faces: Vec<([[f64; 3]; 3], usize)> = triangle_order(p.eye(), &uv, &tris, &depth)
            .into_iter()
            .enumerate()
            .map(|(g, t)| (tris[t].map(|i| [uv[i].0, uv[i].1, w[i]]), g))
            .collect();
        let bad = order_violations(&p, &faces);
        assert_eq!(bad, 0, "{name}: {bad} violations");
        let mut rev = faces.clone();
        rev.reverse();
        worst = worst.max(order_violations(&p, &rev));
        // For comparison: a plain centroid-depth sort.
        let mut naive: Vec<usize> = (0..tris.len()).collect();
        naive.sort_by(|&a, &b| depth[b].total_cmp(&depth[a]));
        let naive: Vec<([[f64; 3]; 3], usize)> = naive
            .iter()
            .enumerate()
            .map(|(g, &t)| (tris[t].map(|i| [uv[i].0, uv[i].1, w[i]]), g))
            .collect();
        naive_bad += order_violations(&p, &naive);
    }
    assert!(
        worst > 100,
        "reversed orders produced only {worst} violations"
    );
    eprintln!("centroid-depth sorting would have made {naive_bad} violations");
}

/// GR's classic projection, re-derived from its coefficient formulas (rotation and tilt in
/// 0..=90): world → window coordinates.
fn gr_classic(win: [f64; 4], zr: (f64, f64), rot: f64, tilt: f64, p: [f64; 3]) -> (f64, f64) {
    let [xmin, xmax, ymin, ymax] = win;
    let (zmin, zmax) = zr;
    let r = rot.to_radians();
    let (mut a1, mut a2) = (r.cos(), r.sin());
    let a = (xmax - xmin) / (a1 + a2);
    let mut b = xmin;
    a1 = a * a1 / (xmax - xmin);
    a2 = a * a2 / (ymax - ymin);
    b = b - a1 * xmin - a2 * ymin;
    let t = tilt.to_radians();
    let mut c1 = (r.cos().powi(2) - 1.0) * (t / 2.0).tan();
    let mut c2 = -(r.sin().powi(2) - 1.0) * (t / 2.0).tan();
    let mut c3 = t.cos();
    let c = (ymax - ymin) / (c2 + c3 - c1);
    let mut d = ymin - c * c1;
    c1 = c * c1 / (xmax - xmin);
    c2 = c * c2 / (ymax - ymin);
    c3 = c * c3 / (zmax - zmin);
    d = d - c1 * xmin - c2 * ymin - c3 * zmin;
    (
        a1 * p[0] + a2 * p[1] + b,
        c1 * p[0] + c2 * p[1] + c3 * p[2] + d,
    )
}

#[test]
fn classic_projection_matches_gr() {
    let win = [-3.0, 5.0, 1.0, 2.0];
    let vp = [0.1, 0.9, 0.05, 0.7];
    let mut seed = 3u64;
    for rot in [0.0, 15.0, 30.0, 45.0, 60.0, 89.0, 90.0] {
        for tilt in [0.0, 20.0, 45.0, 80.0, 90.0] {
            let mut gr = Gr::new();
            gr.setviewport(vp[0], vp[1], vp[2], vp[3]).unwrap();
            gr.setwindow(win[0], win[1], win[2], win[3]).unwrap();
            gr.setspace(-1.0, 4.0, rot, tilt).unwrap();
            for _ in 0..20 {
                let p = [
                    -3.0 + 8.0 * lcg(&mut seed),
                    1.0 + lcg(&mut seed),
                    -1.0 + 5.0 * lcg(&mut seed),
                ];
                let (wx, wy) = gr_classic(win, (-1.0, 4.0), rot, tilt, p);
                let ex = vp[0] + (wx - win[0]) / (win[1] - win[0]) * (vp[1] - vp[0]);
                let ey = vp[2] + (wy - win[2]) / (win[3] - win[2]) * (vp[3] - vp[2]);
                let (x, y) = gr.project(p[0], p[1], p[2]);
                assert!(
                    (x - ex).abs() < 1e-12 && (y - ey).abs() < 1e-12,
                    "{rot}/{tilt} {p:?}: ({x}, {y}) vs GR ({ex}, {ey})"
                );
            }
        }
    }
}

/// The box corners land where GR's surface.png has them (pixel positions measured in the
/// reference image, 600 px per NDC unit).
#[test]
fn surface_box_matches_reference_picture() {
    let mut gr = Gr::new();
    gr.setviewport(0.21875, 0.81875, 0.09375, 0.69375).unwrap();
    gr.setwindow(-2.0, 2.0, -2.0, 2.0).unwrap();
    gr.setspace(-1.0, 1.5, 30.0, 80.0).unwrap();
    let px = |x: f64, y: f64, z: f64| {
        let (a, b) = gr.project(x, y, z);
        (a * 600.0, 450.0 - b * 600.0)
    };
    // Front corner (x axis meets y axis), left corner (origin of x and z axes), back top.
    for ((x, y, z), (ex, ey)) in [
        ((2.0, -2.0, -1.0), (359.0, 394.0)),
        ((-2.0, -2.0, -1.0), (131.0, 320.0)),
        ((-2.0, 2.0, 1.5), (263.0, 34.0)),
        ((2.0, 2.0, -1.0), (491.0, 170.0)),
    ] {
        let (a, b) = px(x, y, z);
        assert!(
            (a - ex).abs() <= 2.0 && (b - ey).abs() <= 2.0,
            "({x}, {y}, {z}) at ({a:.1}, {b:.1}), GR ({ex}, {ey})"
        );
    }
}

/// Rotations beyond GR's 0..=90 continue the view: continuous at every quarter turn, and
/// periodic in 360.
#[test]
fn rotation_is_continuous_and_periodic() {
    let at = |rot: f64, p: [f64; 3]| {
        let mut gr = Gr::new();
        gr.setwindow(-1.0, 3.0, 0.0, 2.0).unwrap();
        gr.setspace(0.0, 1.0, rot, 50.0).unwrap();
        gr.project(p[0], p[1], p[2])
    };
    for p in [[-1.0, 0.0, 0.0], [3.0, 2.0, 1.0], [0.5, 1.5, 0.3]] {
        for q in [90.0, 180.0, 270.0, 360.0] {
            let (a, b) = (at(q - 1e-9, p), at(q + 1e-9, p));
            assert!(
                (a.0 - b.0).abs() < 1e-7 && (a.1 - b.1).abs() < 1e-7,
                "jump at {q}: {a:?} {b:?}"
            );
        }
        let (a, b) = (at(-30.0, p), at(330.0, p));
        assert!((a.0 - b.0).abs() < 1e-12 && (a.1 - b.1).abs() < 1e-12);
        let (a, b) = (at(400.0, p), at(40.0, p));
        assert!((a.0 - b.0).abs() < 1e-12 && (a.1 - b.1).abs() < 1e-12);
    }
    // Half a turn shows the box from the opposite side: the front corner goes to the back.
    let front = at(30.0, [3.0, 0.0, 0.0]);
    let back = at(210.0, [-1.0, 2.0, 0.0]);
    assert!((front.0 - back.0).abs() < 1e-12 && (front.1 - back.1).abs() < 1e-12);
}

#[test]
fn camera_projections() {
    let mut gr = Gr::new();
    gr.setviewport(0.2, 0.8, 0.1, 0.7).unwrap();
    gr.setwindow3d(0.0, 10.0, -1.0, 1.0, 0.0, 4.0).unwrap();
    for (fov, kind) in [(0.0, 1), (45.0, 2)] {
        gr.setspace3d(40.0, 60.0, fov, 0.0).unwrap();
        assert_eq!(gr.inqprojectiontype(), kind);
        // The focus (box centre) is the viewport centre.
        let (x, y) = gr.project(5.0, 0.0, 2.0);
        assert!(
            (x - 0.5).abs() < 1e-12 && (y - 0.4).abs() < 1e-12,
            "{x} {y}"
        );
        // z up on screen.
        assert!(gr.project(5.0, 0.0, 4.0).1 > y);
        // The whole box fits in the viewport.
        for c in 0..8 {
            let (a, b) = gr.project(
                if c & 1 == 0 { 0.0 } else { 10.0 },
                if c & 2 == 0 { -1.0 } else { 1.0 },
                if c & 4 == 0 { 0.0 } else { 4.0 },
            );
            assert!(
                (0.2..=0.8).contains(&a) && (0.1..=0.7).contains(&b),
                "corner {c}: {a} {b}"
            );
        }
        assert_eq!(gr.inqspace3d(), Some((40.0, 60.0, fov, 0.0)));
    }
    // Looking from +x (phi 0, horizontal), +y is to the right.
    gr.setspace3d(0.0, 90.0, 0.0, 0.0).unwrap();
    assert!(gr.project(5.0, 1.0, 2.0).0 > gr.project(5.0, -1.0, 2.0).0);
    // A point behind a perspective camera does not project.
    gr.settransformationparameters(0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0)
        .unwrap();
    gr.setscalefactors3d(1.0, 1.0, 1.0).unwrap();
    gr.setperspectiveprojection(0.1, 10.0, 60.0).unwrap();
    assert!(gr.project(-1.0, 0.0, 0.0).0.is_nan());
    assert!(gr.project(5.0, 0.0, 0.0).0.is_finite());
    assert_eq!(gr.inqspace3d(), None);
    gr.setprojectiontype(0).unwrap();
    assert!(gr.project(5.0, 0.0, 0.0).0.is_finite());
}

#[test]
fn state_is_saved_and_restored() {
    let mut gr = Gr::new();
    assert_eq!(gr.inqspace(), (0.0, 1.0, 60.0, 60.0));
    gr.savestate();
    gr.setspace(-2.0, 2.0, 120.0, 10.0).unwrap();
    gr.setspace3d(10.0, 20.0, 30.0, 4.0).unwrap();
    assert_eq!(gr.inqspace(), (-2.0, 2.0, 120.0, 10.0));
    gr.restorestate().unwrap();
    assert_eq!(gr.inqspace(), (0.0, 1.0, 60.0, 60.0));
    assert_eq!(gr.inqprojectiontype(), 0);
    assert_eq!(gr.inqspace3d(), None);
}

fn err_msg<T: std::fmt::Debug>(r: Result<T>) -> String {
    match r {
        Err(e) => e.to_string(),
        Ok(v) => panic!("expected an error, got {v:?}"),
    }
}

#[test]
fn bad_input_is_rejected() {
    let mut gr = Gr::new();
    gr.setwindow(-2.0, 2.0, -2.0, 2.0).unwrap();
    gr.setspace(-1.0, 1.0, 30.0, 60.0).unwrap();
    let x = [0.0, 1.0, 2.0];
    let z9 = [0.0; 9];
    let cases: Vec<(String, &str)> = vec![
        (err_msg(gr.surface(&x, &x, &z9, 7)), "option must be 0..=6"),
        (err_msg(gr.surface(&x, &x, &z9, -1)), "option must be 0..=6"),
        (err_msg(gr.surface(&x, &x, &[0.0; 8], 4)), "nx·ny = 3·3 = 9"),
        (
            err_msg(gr.surface(&[], &x, &[], 4)),
            "at least 2 grid values",
        ),
        (
            err_msg(gr.surface(&[0.0], &x, &[0.0; 3], 4)),
            "at least 2 grid values",
        ),
        (
            err_msg(gr.surface(&[0.0, 2.0, 1.0], &x, &z9, 4)),
            "must increase strictly",
        ),
        (
            err_msg(gr.surface(&x, &[0.0, 1.0, 1.0], &z9, 4)),
            "must increase strictly",
        ),
        (
            err_msg(gr.surface(&[0.0, f64::NAN, 2.0], &x, &z9, 4)),
            "not finite",
        ),
        (err_msg(gr.setspace(1.0, 1.0, 0.0, 0.0)), "min < max"),
        (
            err_msg(gr.setspace(0.0, 1.0, 0.0, 91.0)),
            "tilt must be in 0..=90",
        ),
        (
            err_msg(gr.setspace(0.0, 1.0, f64::NAN, 10.0)),
            "rotation must be finite",
        ),
        (
            err_msg(gr.setprojectiontype(3)),
            "0 (default), 1 (orthographic) or 2",
        ),
        (err_msg(gr.setscalefactors3d(1.0, 0.0, 1.0)), "non-zero"),
        (
            err_msg(gr.settransformationparameters(1.0, 1.0, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0)),
            "coincide",
        ),
        (
            err_msg(gr.settransformationparameters(0.0, 0.0, 5.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0)),
            "parallel",
        ),
        (
            err_msg(gr.setperspectiveprojection(1.0, 0.5, 45.0)),
            "0 < near < far",
        ),
        (
            err_msg(gr.setperspectiveprojection(0.1, 5.0, 180.0)),
            "between 0 and 180",
        ),
        (
            err_msg(gr.setorthographicprojection(1.0, 1.0, 0.0, 1.0, 0.0, 1.0)),
            "must differ",
        ),
        (err_msg(gr.setspace3d(0.0, 0.0, -5.0, 0.0)), "fov must be 0"),
        (
            err_msg(gr.setspace3d(0.0, 0.0, 45.0, -1.0)),
            "camera distance",
        ),
        (
            err_msg(gr.setwindow3d(0.0, 1.0, 1.0, 0.0, 0.0, 1.0)),
            "y limits",
        ),
        (
            err_msg(gr.axes3d(0.2, 0.2, 0.2, -3.0, 0.0, 0.0, 1, 1, 1, 0.01)),
            "x_org -3 lies outside",
        ),
        (
            err_msg(gr.axes3d(0.2, 0.2, 0.2, 0.0, 0.0, 0.0, 1, 1, 1, 0.0)),
            "tick size",
        ),
        (
            err_msg(gr.axes3d(-0.2, 0.2, 0.2, 0.0, 0.0, 0.0, 1, 1, 1, 0.01)),
            "x_tick must be",
        ),
        (
            err_msg(gr.grid3d(0.2, f64::NAN, 0.2, 0.0, 0.0, 0.0, 1, 1, 1)),
            "y_tick must be",
        ),
        (
            err_msg(gr.polyline3d(&[0.0, 1.0], &[0.0, 1.0], &[0.0])),
            "same length",
        ),
        (err_msg(gr.polymarker3d(&[], &[], &[])), "at least 1"),
        (
            err_msg(gr.text3d(0.0, f64::INFINITY, 0.0, "a")),
            "y must be finite",
        ),
        (
            err_msg(gr.trisurface(&[0.0, 1.0], &[0.0, 1.0], &[0.0, 1.0])),
            "at least 3",
        ),
        (
            err_msg(gr.trisurface(&[0.0, 1.0, 2.0], &[0.0, 1.0, 2.0], &[0.0; 3])),
            "do not span an area",
        ),
        (
            err_msg(gr.trisurface(&[0.0, 1.0, f64::NAN], &[0.0, 1.0, 0.0], &[0.0; 3])),
            "must be finite",
        ),
        (
            err_msg(gr.polygonmesh3d(&x, &x, &x, &[3, 0, 1], &[1])),
            "vertex count",
        ),
        (
            err_msg(gr.polygonmesh3d(&x, &x, &x, &[3, 0, 1, 5], &[1])),
            "out of range",
        ),
        (
            err_msg(gr.polygonmesh3d(&x, &x, &x, &[3, 0, 1, 2], &[])),
            "one colour per face",
        ),
        (err_msg(delaunay(&[0.0, 1.0], &[0.0])), "same length"),
        (
            err_msg(delaunay(&[0.0, 1.0, 1.0, 0.0], &[0.0, 0.0, 0.0, 0.0])),
            "do not span an area",
        ),
    ];
    for (msg, want) in cases {
        assert!(msg.contains(want), "{msg:?} should mention {want:?}");
    }
    // Log scale: the z range must be positive; a surface point at z <= 0 is skipped.
    gr.setspace(1.0, 100.0, 30.0, 60.0).unwrap();
    gr.setscale(crate::scale::options::Z_LOG).unwrap();
    gr.surface(&x, &x, &[1.0, 10.0, 0.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0], 4)
        .unwrap();
    let e = err_msg(gr.text3d(0.0, 0.0, -1.0, "a"));
    assert!(e.contains("cannot be projected"), "{e}");
}

/// NaN heights leave out exactly the cells touching them; nothing else changes.
#[test]
fn nan_cells_are_skipped() {
    let (x, y, mut z) = peaks_grid(6);
    let count = |z: &[f64]| {
        let mut gr = Gr::new();
        gr.setwindow(-2.0, 2.0, -2.0, 2.0).unwrap();
        gr.setspace(-1.0, 1.5, 30.0, 60.0).unwrap();
        gr.surface(&x, &y, z, 4).unwrap();
        gr.gks()
            .items()
            .iter()
            .map(|i| match &i.primitive {
                gks::display_list::Primitive::FillArea { .. } => 1,
                gks::display_list::Primitive::Mesh(m) => m.faces.len(),
                _ => 0,
            })
            .sum::<usize>()
    };
    assert_eq!(count(&z), 25);
    z[2 * 6 + 2] = f64::NAN; // an inner node: 4 cells
    z[0] = f64::NAN; // a corner: 1 cell
    assert_eq!(count(&z), 20);
    let all_nan = vec![f64::NAN; 36];
    assert_eq!(count(&all_nan), 0);
}

/// With clipping on, lines are cut at the 3D box and markers outside it are dropped.
#[test]
fn clipping_cuts_at_the_box() {
    let mut gr = Gr::new();
    gr.setviewport(0.1, 0.9, 0.1, 0.7).unwrap();
    gr.setwindow(0.0, 1.0, 0.0, 1.0).unwrap();
    gr.setspace(0.0, 1.0, 0.0, 90.0).unwrap(); // top view: x, y straight onto the viewport
    gr.setclip(true);
    gr.polyline3d(&[-1.0, 0.5, 2.0], &[0.5, 0.5, 0.5], &[0.5, 0.5, 0.5])
        .unwrap();
    gr.polymarker3d(&[0.5, 1.5], &[0.5, 0.5], &[0.5, 0.5])
        .unwrap();
    let items = gr.gks().items();
    let gks::display_list::Primitive::Polyline { points, .. } = &items[0].primitive else {
        panic!("expected a polyline")
    };
    let xs: Vec<f64> = points
        .iter()
        .map(|p| p.0)
        .filter(|v| v.is_finite())
        .collect();
    assert!(
        (xs[0] - 0.1).abs() < 1e-12 && (xs.last().unwrap() - 0.9).abs() < 1e-12,
        "{xs:?}"
    );
    let gks::display_list::Primitive::Polymarker { points, .. } = &items[1].primitive else {
        panic!("expected markers")
    };
    assert_eq!(points.len(), 1);
    // The kernel state is untouched by 3D drawing.
    assert_eq!(gr.gks().inqcurntran(), crate::context::WC);
    assert!(gr.gks().inqclip());
}

/// Surfaces of every option render from unusual views without errors (smoke test, and
/// pictures in `target/space3d/` to look at).
#[test]
fn all_options_render() {
    let (x, y, z) = bumpy(20, 16);
    for option in 0..=6 {
        let mut gr = Gr::new();
        gr.setviewport(0.15, 0.85, 0.1, 0.7).unwrap();
        gr.setwindow(-2.0, 2.0, -2.0, 2.0).unwrap();
        let zz: Vec<f64> = if option == 3 {
            gr.setspace(0.0, 71.0, 215.0, 35.0).unwrap();
            z.iter().map(|v| (v + 1.5) / 3.0 * 71.0).collect()
        } else {
            gr.setspace(-1.5, 1.5, 215.0, 35.0).unwrap();
            z.clone()
        };
        gr.setcolormap(44).unwrap();
        gr.setfillcolorind(5).unwrap();
        gr.surface(&x, &y, &zz, option).unwrap();
        render(&gr, &format!("option-{option}"));
    }
    let mut gr = Gr::new();
    gr.setwindow3d(-2.0, 2.0, -2.0, 2.0, -1.5, 1.5).unwrap();
    gr.setspace3d(-60.0, 55.0, 40.0, 0.0).unwrap();
    gr.setcolormap(44).unwrap();
    gr.surface(&x, &y, &z, 6).unwrap();
    gr.setcharheight(0.018).unwrap();
    gr.axes3d(0.5, 0.0, 0.5, -2.0, -2.0, -1.5, 2, 0, 2, -0.01)
        .unwrap();
    gr.axes3d(0.0, 0.5, 0.0, 2.0, -2.0, -1.5, 0, 2, 0, 0.01)
        .unwrap();
    gr.titles3d("x", "y", "height").unwrap();
    render(&gr, "perspective-shaded");
}

/// Log axes: surface, grids and axes draw (picture in `target/space3d/`), and the log axis
/// puts decades evenly.
#[test]
fn log_axes_render() {
    use crate::scale::options::{X_LOG, Z_LOG};
    let mut gr = Gr::new();
    gr.setviewport(0.2, 0.8, 0.1, 0.7).unwrap();
    gr.setwindow(1.0, 1000.0, -1.0, 1.0).unwrap();
    gr.setspace(0.1, 100.0, 40.0, 50.0).unwrap();
    gr.setscale(X_LOG | Z_LOG).unwrap();
    gr.setcolormap(44).unwrap();
    gr.setcharheight(0.016).unwrap();
    let x: Vec<f64> = (0..25).map(|i| 10f64.powf(3.0 * i as f64 / 24.0)).collect();
    let y: Vec<f64> = (0..21).map(|j| -1.0 + 0.1 * j as f64).collect();
    let mut z = Vec::new();
    for &b in &y {
        for &a in &x {
            z.push(a.sqrt() * (1.0 + 0.5 * (3.0 * b).sin()) / 4.0 + 0.2);
        }
    }
    gr.grid3d(1.0, 0.0, 1.0, 1.0, 1.0, 0.1, 1, 0, 1).unwrap();
    gr.grid3d(0.0, 0.5, 0.0, 1.0, 1.0, 0.1, 0, 2, 0).unwrap();
    gr.surface(&x, &y, &z, 4).unwrap();
    gr.axes3d(1.0, 0.0, 1.0, 1.0, -1.0, 0.1, 1, 0, 1, -0.01)
        .unwrap();
    gr.axes3d(0.0, 0.5, 0.0, 1000.0, -1.0, 0.1, 0, 2, 0, 0.01)
        .unwrap();
    gr.titles3d("x (log)", "y", "z (log)").unwrap();
    render(&gr, "log-axes");
    let p = |x: f64| gr.project(x, 0.0, 1.0);
    let (a, b, c) = (p(1.0), p(10.0), p(100.0));
    assert!(((b.0 - a.0) - (c.0 - b.0)).abs() < 1e-12);
}

/// `polygonmesh3d` paints a cube's faces far to near; `text3d` writes at the projection.
#[test]
fn polygonmesh_and_text3d() {
    let mut gr = Gr::new();
    gr.setwindow(-1.0, 1.0, -1.0, 1.0).unwrap();
    gr.setspace(-1.0, 1.0, 35.0, 40.0).unwrap();
    let x = [-0.5, 0.5, 0.5, -0.5, -0.5, 0.5, 0.5, -0.5];
    let y = [-0.5, -0.5, 0.5, 0.5, -0.5, -0.5, 0.5, 0.5];
    let z = [-0.5, -0.5, -0.5, -0.5, 0.5, 0.5, 0.5, 0.5];
    let faces = [
        4, 0, 1, 2, 3, // bottom
        4, 4, 5, 6, 7, // top
        4, 0, 1, 5, 4, // front (y = -0.5)
        4, 2, 3, 7, 6, // back
        4, 1, 2, 6, 5, // right
        4, 3, 0, 4, 7, // left
    ];
    gr.polygonmesh3d(&x, &y, &z, &faces, &[2, 3, 4, 5, 6, 7])
        .unwrap();
    let colors: Vec<usize> = gr
        .gks()
        .items()
        .iter()
        .flat_map(|i| match &i.primitive {
            gks::display_list::Primitive::FillArea { style, .. } => vec![style.color],
            gks::display_list::Primitive::Mesh(m) => m.faces.iter().map(|f| f.1).collect(),
            _ => Vec::new(),
        })
        .map(|c| {
            (2..8)
                .find(|&k| {
                    let (r, g, b) = gr.inqcolor(k as i32).unwrap();
                    [r, g, b].map(|v| (v * 255.0).round() as u8) == [c.r, c.g, c.b]
                })
                .unwrap()
        })
        .collect();
    // Viewed from above, front-right: bottom, back and left first; top, front, right last.
    let pos = |c: usize| colors.iter().position(|&k| k == c).unwrap();
    for far in [2, 5, 7] {
        for near in [3, 4, 6] {
            assert!(
                pos(far) < pos(near),
                "face colour {far} painted after {near}: {colors:?}"
            );
        }
    }
    render(&gr, "cube");
    gr.text3d(0.5, -0.5, 0.5, "corner").unwrap();
    let (px, py) = gr.project(0.5, -0.5, 0.5);
    let last = gr.gks().items().last().unwrap();
    let gks::display_list::Primitive::Text { x, y, .. } = &last.primitive else {
        panic!("expected text")
    };
    assert!((x - px).abs() < 1e-12 && (y - py).abs() < 1e-12);
}

/// `cell_order` is the stable sort of all cells (row-major) by (row rank, column rank),
/// also when ranks tie (a view straight along an axis, a viewpoint above the grid).
#[test]
fn cell_order_is_the_stable_sort_of_cells_by_rank() {
    use super::Eye;
    let u = [0.0, 0.1, 0.3, 0.35, 0.6, 1.0];
    let v = [0.0, 0.2, 0.5, 0.7, 1.0];
    for eye in [
        Eye::Direction([0.3, -0.8, 0.5]),
        Eye::Direction([0.0, 1.0, 0.2]),
        Eye::Direction([1.0, 0.0, 0.0]),
        Eye::Point([0.5, 0.45, 2.0]),
        Eye::Point([0.3, 0.6, 1.0]),
    ] {
        let rank = |c: &[f64], k: usize| -> Vec<f64> {
            (0..c.len() - 1)
                .map(|i| match eye {
                    Eye::Direction(d) => d[k] * (c[i] + c[i + 1]) / 2.0,
                    Eye::Point(e) => {
                        let (lo, hi) = (c[i].min(c[i + 1]), c[i].max(c[i + 1]));
                        -((lo - e[k]).max(e[k] - hi).max(0.0))
                    }
                })
                .collect()
        };
        let (ri, rj) = (rank(&u, 0), rank(&v, 1));
        let mut naive: Vec<(usize, usize)> = (0..rj.len())
            .flat_map(|j| (0..ri.len()).map(move |i| (i, j)))
            .collect();
        naive.sort_by(|a, b| {
            rj[a.1]
                .total_cmp(&rj[b.1])
                .then(ri[a.0].total_cmp(&ri[b.0]))
        });
        assert_eq!(cell_order(eye, &u, &v), naive, "{eye:?}");
    }
}
