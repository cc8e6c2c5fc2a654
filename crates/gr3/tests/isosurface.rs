//! Marching cubes: closed, consistently oriented meshes of the right size and shape.

use gr3::isosurface::{createisosurfacemesh, marching_cubes, IsoMesh};
use std::collections::HashMap;

/// A field sampled on an n³ grid at integer coordinates.
fn field(n: usize, f: impl Fn(f64, f64, f64) -> f64) -> Vec<f64> {
    let mut v = Vec::with_capacity(n * n * n);
    for z in 0..n {
        for y in 0..n {
            for x in 0..n {
                v.push(f(x as f64, y as f64, z as f64));
            }
        }
    }
    v
}

/// High inside a ball: 100 - distance from the centre.
fn ball(n: usize, c: [f64; 3]) -> Vec<f64> {
    field(n, |x, y, z| {
        100.0 - ((x - c[0]).powi(2) + (y - c[1]).powi(2) + (z - c[2]).powi(2)).sqrt()
    })
}

/// Every undirected edge in exactly two triangles, once in each direction; returns χ = V − E + F.
fn check_closed(m: &IsoMesh) -> i64 {
    assert!(!m.is_empty());
    assert_eq!(m.indices.len() % 3, 0);
    assert_eq!(m.vertices.len(), m.normals.len());
    let mut directed: HashMap<(u32, u32), u32> = HashMap::new();
    for t in m.indices.chunks(3) {
        for k in 0..3 {
            let (a, b) = (t[k], t[(k + 1) % 3]);
            assert_ne!(a, b, "degenerate triangle {t:?}");
            *directed.entry((a, b)).or_default() += 1;
        }
    }
    for (&(a, b), &n) in &directed {
        assert_eq!(n, 1, "edge {a}->{b} is used {n} times in one direction");
        assert!(
            directed.contains_key(&(b, a)),
            "edge {a}-{b} has one triangle only: the surface has a hole"
        );
    }
    let used: std::collections::HashSet<u32> = m.indices.iter().copied().collect();
    assert_eq!(used.len(), m.vertices.len(), "every vertex is used");
    let e = directed.len() as i64 / 2;
    m.vertices.len() as i64 - e + m.triangle_count() as i64
}

#[test]
fn sphere_is_watertight_with_euler_characteristic_2() {
    let d = ball(32, [15.3, 16.1, 15.7]);
    let m = marching_cubes(&d, [32, 32, 32], [1.0; 3], [0.0; 3], 90.0).unwrap();
    assert_eq!(check_closed(&m), 2);
}

#[test]
fn sphere_area_within_one_percent() {
    let n = 128;
    let r = 40.0;
    let d = ball(n, [63.5, 63.5, 63.5]);
    let m = marching_cubes(&d, [n, n, n], [1.0; 3], [0.0; 3], 100.0 - r).unwrap();
    assert_eq!(check_closed(&m), 2);
    let want = 4.0 * std::f64::consts::PI * r * r;
    let rel = (m.area() - want).abs() / want;
    assert!(rel < 0.01, "area {} vs 4πr² = {want} ({rel:.4})", m.area());
    let vol = 4.0 / 3.0 * std::f64::consts::PI * r.powi(3);
    let relv = (m.signed_volume() - vol).abs() / vol;
    assert!(relv < 0.01, "volume {} vs {vol}", m.signed_volume());
    // Every vertex lies on the sphere, normals point outwards (towards decreasing values).
    for (v, nrm) in m.vertices.iter().zip(&m.normals) {
        let p = [v[0] as f64 - 63.5, v[1] as f64 - 63.5, v[2] as f64 - 63.5];
        let len = (p[0] * p[0] + p[1] * p[1] + p[2] * p[2]).sqrt();
        assert!((len - r).abs() < 0.05, "vertex {v:?} at distance {len}");
        let dot = (p[0] * nrm[0] as f64 + p[1] * nrm[1] as f64 + p[2] * nrm[2] as f64) / len;
        assert!(dot > 0.99, "normal {nrm:?} at {v:?} is not radial outwards");
        let nl = nrm.iter().map(|c| c * c).sum::<f32>().sqrt();
        assert!((nl - 1.0).abs() < 1e-5);
    }
}

#[test]
fn winding_agrees_with_normals_and_orientation_flips_with_the_field() {
    let d = ball(24, [11.5, 12.0, 11.8]);
    let m = marching_cubes(&d, [24; 3], [1.0; 3], [0.0; 3], 92.0).unwrap();
    assert!(m.signed_volume() > 0.0);
    let mut agree = 0;
    for t in m.indices.chunks(3) {
        let p = |i: u32| m.vertices[i as usize].map(f64::from);
        let (a, b, c) = (p(t[0]), p(t[1]), p(t[2]));
        let u = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
        let v = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
        let face = [
            u[1] * v[2] - u[2] * v[1],
            u[2] * v[0] - u[0] * v[2],
            u[0] * v[1] - u[1] * v[0],
        ];
        let nsum: f64 = t
            .iter()
            .map(|&i| {
                let n = m.normals[i as usize];
                face[0] * n[0] as f64 + face[1] * n[1] as f64 + face[2] * n[2] as f64
            })
            .sum();
        if nsum > 0.0 {
            agree += 1;
        }
    }
    assert_eq!(
        agree,
        m.triangle_count(),
        "every face winding matches its vertex normals"
    );
    // A hollow (low values inside): same surface, the other way round.
    let neg: Vec<f64> = d.iter().map(|v| -v).collect();
    let h = marching_cubes(&neg, [24; 3], [1.0; 3], [0.0; 3], -92.0).unwrap();
    assert!((h.signed_volume() + m.signed_volume()).abs() < 1e-6 * m.signed_volume());
    assert_eq!(check_closed(&h), 2);
}

#[test]
fn torus_has_genus_one() {
    let (big, small) = (14.0, 5.0);
    let d = field(48, |x, y, z| {
        let (x, y, z) = (x - 23.7, y - 23.2, z - 23.9);
        let q = ((x * x + y * y).sqrt() - big).hypot(z);
        small - q
    });
    let m = marching_cubes(&d, [48; 3], [1.0; 3], [0.0; 3], 0.0).unwrap();
    assert_eq!(check_closed(&m), 0);
    let area = 4.0 * std::f64::consts::PI.powi(2) * big * small;
    assert!((m.area() - area).abs() / area < 0.02, "{}", m.area());
}

#[test]
fn many_blobs_with_saddles_stay_closed() {
    // A periodic field full of ambiguous faces: still every edge shared by two triangles.
    let d = field(40, |x, y, z| {
        (x * 0.9).sin() + (y * 0.8).sin() + (z * 0.7).sin() + 0.1
    });
    let m = marching_cubes(&d, [40; 3], [1.0; 3], [0.0; 3], 0.0).unwrap();
    // Open at the grid border: check only interior edges (no vertex on the outer faces).
    let interior = |i: u32| {
        let v = m.vertices[i as usize];
        v.iter().all(|&c| c > 0.0 && c < 39.0)
    };
    let mut directed: HashMap<(u32, u32), u32> = HashMap::new();
    for t in m.indices.chunks(3) {
        for k in 0..3 {
            *directed.entry((t[k], t[(k + 1) % 3])).or_default() += 1;
        }
    }
    for (&(a, b), &n) in &directed {
        assert_eq!(n, 1);
        if interior(a) && interior(b) {
            assert!(directed.contains_key(&(b, a)), "hole at edge {a}-{b}");
        }
    }
}

#[test]
fn f32_u16_and_f64_agree() {
    let n = 20;
    let d = field(n, |x, y, z| {
        1000.0 + 30.0 * (64.0 - ((x - 9.5).powi(2) + (y - 10.0).powi(2) + (z - 9.0).powi(2)).sqrt())
    });
    let d16: Vec<u16> = d.iter().map(|v| v.round() as u16).collect();
    let d32: Vec<f32> = d16.iter().map(|&v| f32::from(v)).collect();
    let d64: Vec<f64> = d16.iter().map(|&v| f64::from(v)).collect();
    let iso = 2700.0;
    let a = marching_cubes(&d16, [n; 3], [1.0; 3], [0.0; 3], iso).unwrap();
    let b = marching_cubes(&d32, [n; 3], [1.0; 3], [0.0; 3], iso).unwrap();
    let c = marching_cubes(&d64, [n; 3], [1.0; 3], [0.0; 3], iso).unwrap();
    assert_eq!(a, b);
    assert_eq!(a, c);
    let g = createisosurfacemesh(&d16, 2700, [n; 3], [1, n, n * n], [1.0; 3], [0.0; 3]).unwrap();
    assert_eq!(a, g);
    // z-fastest layout through strides gives the same mesh.
    let mut zf = vec![0u16; n * n * n];
    for z in 0..n {
        for y in 0..n {
            for x in 0..n {
                zf[z + n * (y + n * x)] = d16[x + n * (y + n * z)];
            }
        }
    }
    let s = createisosurfacemesh(&zf, 2700, [n; 3], [n * n, n, 1], [1.0; 3], [0.0; 3]).unwrap();
    assert_eq!(a, s);
    assert!(createisosurfacemesh(&zf, 2700, [n; 3], [n * n, n, 2], [1.0; 3], [0.0; 3]).is_err());
}

#[test]
fn spacing_and_offset_are_honoured() {
    let d = ball(20, [9.5, 9.5, 9.5]);
    let unit = marching_cubes(&d, [20; 3], [1.0; 3], [0.0; 3], 94.0).unwrap();
    let sp = [0.5, 2.0, 1.5];
    let off = [10.0, -3.0, 7.0];
    let m = marching_cubes(&d, [20; 3], sp, off, 94.0).unwrap();
    assert_eq!(m.indices, unit.indices);
    for (a, b) in unit.vertices.iter().zip(&m.vertices) {
        for k in 0..3 {
            let want = off[k] + sp[k] * a[k] as f64;
            assert!((b[k] as f64 - want).abs() < 1e-4, "{a:?} -> {b:?}");
        }
    }
    let vol = unit.signed_volume() * sp[0] * sp[1] * sp[2];
    assert!((m.signed_volume() - vol).abs() < 1e-3 * vol);
}

#[test]
fn output_does_not_depend_on_the_thread_count() {
    let d = field(64, |x, y, z| {
        (x * 0.21).sin() * (y * 0.17).cos() + (z * 0.13).sin() + 0.02 * x
    });
    let many = marching_cubes(&d, [64; 3], [1.0; 3], [0.0; 3], 0.3).unwrap();
    for threads in [1, 3] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let m = pool.install(|| marching_cubes(&d, [64; 3], [1.0; 3], [0.0; 3], 0.3).unwrap());
        assert_eq!(m, many, "{threads} threads");
    }
}

#[test]
fn bad_input_is_rejected_with_a_clear_message() {
    let d = ball(8, [3.5; 3]);
    let msg = |r: gr3::Result<IsoMesh>| r.unwrap_err().to_string();
    let e = msg(marching_cubes(&d, [8, 8, 7], [1.0; 3], [0.0; 3], 97.0));
    assert!(e.contains("448") && e.contains("512"), "{e}");
    let e = msg(marching_cubes(&d[..8], [8, 1, 1], [1.0; 3], [0.0; 3], 97.0));
    assert!(e.contains("at least 2"), "{e}");
    let e = msg(marching_cubes(&d, [8; 3], [1.0; 3], [0.0; 3], 200.0));
    assert!(
        e.contains("outside the data range") && e.contains("[93.93") && e.contains("99.13"),
        "{e}"
    );
    let e = msg(marching_cubes(&d, [8; 3], [1.0; 3], [0.0; 3], f64::NAN));
    assert!(e.contains("must be finite"), "{e}");
    let mut nan = d.clone();
    nan[3 + 8 * (2 + 8 * 5)] = f64::NAN;
    let e = msg(marching_cubes(&nan, [8; 3], [1.0; 3], [0.0; 3], 97.0));
    assert!(e.contains("x=3, y=2, z=5") && e.contains("NaN"), "{e}");
    let mut inf: Vec<f32> = d.iter().map(|&v| v as f32).collect();
    inf[7 + 8 * (7 + 8 * 7)] = f32::NEG_INFINITY;
    let e = marching_cubes(&inf, [8; 3], [1.0; 3], [0.0; 3], 97.0)
        .unwrap_err()
        .to_string();
    assert!(e.contains("x=7, y=7, z=7") && e.contains("-inf"), "{e}");
    let e = msg(marching_cubes(&d, [8; 3], [0.0, 1.0, 1.0], [0.0; 3], 97.0));
    assert!(e.contains("spacing"), "{e}");
    let e = msg(marching_cubes(
        &d,
        [8; 3],
        [1.0; 3],
        [f64::INFINITY, 0.0, 0.0],
        97.0,
    ));
    assert!(e.contains("offset"), "{e}");
    let e = msg(marching_cubes::<f64>(
        &[],
        [0, 0, 0],
        [1.0; 3],
        [0.0; 3],
        0.0,
    ));
    assert!(e.contains("at least 2"), "{e}");
    // Isovalue at the maximum: valid, nothing is strictly above it.
    let max = d.iter().cloned().fold(0.0, f64::max);
    assert!(marching_cubes(&d, [8; 3], [1.0; 3], [0.0; 3], max)
        .unwrap()
        .is_empty());
}
