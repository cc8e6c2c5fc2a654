//! The synthetic "head phantom" shared by the marching-cubes example, the criterion bench and
//! `bench/marching_cubes.py` (which builds the same volume with numpy).
//!
//! Nested ellipsoids in the cube `[-1, 1]³`, each contributing `a / (1 + q⁴)` where `q` is the
//! squared ellipsoidal radius: smooth everywhere, no noise. The isovalue [`ISO`] cuts the outer
//! skull surface, the inner (brain) surface and the small inner blobs.

/// Ellipsoids: centre (x, y, z), radii (x, y, z), amplitude.
pub const ELLIPSOIDS: [([f64; 3], [f64; 3], f64); 6] = [
    ([0.0, 0.0, 0.0], [0.69, 0.92, 0.90], 1.0),
    ([0.0, -0.02, 0.0], [0.62, 0.85, 0.83], -0.8),
    ([0.22, 0.0, -0.25], [0.11, 0.31, 0.22], 0.9),
    ([-0.22, 0.0, -0.25], [0.16, 0.41, 0.28], 0.9),
    ([0.0, 0.35, -0.25], [0.21, 0.25, 0.41], 0.7),
    ([0.0, -0.6, 0.0], [0.05, 0.05, 0.05], 1.0),
];

/// The isovalue used by the benchmarks.
pub const ISO: f64 = 0.45;

/// The phantom on an n³ grid, x fastest, as `f32`.
pub fn head_phantom(n: usize) -> Vec<f32> {
    let c = |i: usize| 2.0 * i as f64 / (n - 1) as f64 - 1.0;
    let mut out = Vec::with_capacity(n * n * n);
    for z in 0..n {
        for y in 0..n {
            for x in 0..n {
                let p = [c(x), c(y), c(z)];
                let mut v = 0.0;
                for (ctr, r, a) in ELLIPSOIDS {
                    let q: f64 = (0..3).map(|k| ((p[k] - ctr[k]) / r[k]).powi(2)).sum();
                    v += a / (1.0 + q.powi(4));
                }
                out.push(v as f32);
            }
        }
    }
    out
}
