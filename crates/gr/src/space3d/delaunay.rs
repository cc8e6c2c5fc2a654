//! Delaunay triangulation of scattered points (Bowyer–Watson with a walking point
//! location), for `trisurface`.

use crate::error::{Error, Result};

const NONE: usize = usize::MAX;

/// `orient(a, b, c) > 0` if `a, b, c` turn counter-clockwise.
pub(crate) fn orient(a: (f64, f64), b: (f64, f64), c: (f64, f64)) -> f64 {
    (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
}

/// `> 0` if `d` lies inside the circumcircle of the counter-clockwise triangle `a, b, c`.
fn incircle(a: (f64, f64), b: (f64, f64), c: (f64, f64), d: (f64, f64)) -> f64 {
    let (ax, ay) = (a.0 - d.0, a.1 - d.1);
    let (bx, by) = (b.0 - d.0, b.1 - d.1);
    let (cx, cy) = (c.0 - d.0, c.1 - d.1);
    let (a2, b2, c2) = (ax * ax + ay * ay, bx * bx + by * by, cx * cx + cy * cy);
    ax * (by * c2 - b2 * cy) - ay * (bx * c2 - b2 * cx) + a2 * (bx * cy - by * cx)
}

struct Mesh {
    pts: Vec<(f64, f64)>,
    tris: Vec<[usize; 3]>,
    /// `nbr[t][k]`: the triangle across the edge opposite vertex `k`.
    nbr: Vec<[usize; 3]>,
    alive: Vec<bool>,
    mark: Vec<u32>,
    stamp: u32,
    last: usize,
}

impl Mesh {
    fn pt(&self, t: usize, k: usize) -> (f64, f64) {
        self.pts[self.tris[t][k]]
    }

    /// A live triangle containing `p` (walk from the last one, linear scan as fallback).
    fn locate(&self, p: (f64, f64)) -> usize {
        let mut t = self.last;
        let mut steps = 0;
        'walk: while steps < self.tris.len() + 8 {
            steps += 1;
            for k0 in 0..3 {
                let k = (k0 + steps) % 3;
                let a = self.pt(t, (k + 1) % 3);
                let b = self.pt(t, (k + 2) % 3);
                if orient(a, b, p) < 0.0 && self.nbr[t][k] != NONE {
                    t = self.nbr[t][k];
                    continue 'walk;
                }
            }
            return t;
        }
        (0..self.tris.len())
            .filter(|&t| self.alive[t])
            .find(|&t| {
                (0..3).all(|k| orient(self.pt(t, (k + 1) % 3), self.pt(t, (k + 2) % 3), p) >= 0.0)
            })
            .unwrap_or(self.last)
    }

    fn insert(&mut self, pi: usize) {
        let p = self.pts[pi];
        let t0 = self.locate(p);
        if (0..3).any(|k| self.pt(t0, k) == p) {
            return; // duplicate point
        }
        self.stamp += 1;
        let stamp = self.stamp;
        let mut cavity = vec![t0];
        self.mark[t0] = stamp;
        let mut i = 0;
        while i < cavity.len() {
            let t = cavity[i];
            i += 1;
            for k in 0..3 {
                let n = self.nbr[t][k];
                if n != NONE && self.mark[n] != stamp {
                    let [a, b, c] = self.tris[n].map(|v| self.pts[v]);
                    if incircle(a, b, c, p) > 0.0 {
                        self.mark[n] = stamp;
                        cavity.push(n);
                    }
                }
            }
        }
        // Boundary edges (a, b, inner triangle, outer neighbour); grow the cavity until the
        // new point sees every boundary edge from inside (robust to rounding).
        let boundary = loop {
            let mut boundary = Vec::new();
            let mut grown = false;
            for &t in &cavity.clone() {
                for k in 0..3 {
                    let n = self.nbr[t][k];
                    if n != NONE && self.mark[n] == stamp {
                        continue;
                    }
                    let a = self.tris[t][(k + 1) % 3];
                    let b = self.tris[t][(k + 2) % 3];
                    if orient(self.pts[a], self.pts[b], p) <= 0.0 && n != NONE {
                        self.mark[n] = stamp;
                        cavity.push(n);
                        grown = true;
                    } else {
                        boundary.push((a, b, t, n));
                    }
                }
            }
            if !grown {
                break boundary;
            }
        };
        for &t in &cavity {
            self.alive[t] = false;
        }
        let base = self.tris.len();
        let mut by_start = std::collections::HashMap::with_capacity(boundary.len());
        let mut by_end = std::collections::HashMap::with_capacity(boundary.len());
        for (m, &(a, b, old, n)) in boundary.iter().enumerate() {
            let t = base + m;
            self.tris.push([a, b, pi]);
            self.nbr.push([NONE, NONE, n]);
            self.alive.push(true);
            self.mark.push(0);
            if n != NONE {
                for k in 0..3 {
                    if self.nbr[n][k] == old {
                        self.nbr[n][k] = t;
                    }
                }
            }
            by_start.insert(a, t);
            by_end.insert(b, t);
        }
        for (m, &(a, b, _, _)) in boundary.iter().enumerate() {
            let t = base + m;
            // Opposite a: edge (b, p), shared with the triangle starting at b.
            self.nbr[t][0] = by_start.get(&b).copied().unwrap_or(NONE);
            // Opposite b: edge (p, a), shared with the triangle ending at a.
            self.nbr[t][1] = by_end.get(&a).copied().unwrap_or(NONE);
        }
        if self.tris.len() > base {
            self.last = base;
        }
    }
}

/// Delaunay triangles of points given as `(x, y)` pairs (must be finite); duplicates are
/// ignored. Returns counter-clockwise index triples; empty if all points are collinear.
pub(crate) fn triangulate(points: &[(f64, f64)]) -> Vec<[usize; 3]> {
    let n = points.len();
    if n < 3 {
        return Vec::new();
    }
    let (mut x0, mut x1, mut y0, mut y1) = (
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
    );
    for &(x, y) in points {
        x0 = x0.min(x);
        x1 = x1.max(x);
        y0 = y0.min(y);
        y1 = y1.max(y);
    }
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let s = ((x1 - x0).max(y1 - y0) / 2.0).max(f64::MIN_POSITIVE);
    // Normalised to [-1, 1]² for well-conditioned predicates.
    let mut pts: Vec<(f64, f64)> = points
        .iter()
        .map(|&(x, y)| ((x - cx) / s, (y - cy) / s))
        .collect();
    let m = 1.0e3;
    pts.extend([(-2.0 * m, -m), (2.0 * m, -m), (0.0, 2.0 * m)]);
    let mut mesh = Mesh {
        pts,
        tris: vec![[n, n + 1, n + 2]],
        nbr: vec![[NONE; 3]],
        alive: vec![true],
        mark: vec![0],
        stamp: 0,
        last: 0,
    };
    for i in 0..n {
        mesh.insert(i);
    }
    let mut out = Vec::new();
    for t in 0..mesh.tris.len() {
        if mesh.alive[t] && mesh.tris[t].iter().all(|&v| v < n) {
            let [a, b, c] = mesh.tris[t];
            if orient(mesh.pts[a], mesh.pts[b], mesh.pts[c]) > 0.0 {
                out.push(mesh.tris[t]);
            }
        }
    }
    out
}

/// `delaunay`: the Delaunay triangulation of scattered points (GR's `gr_delaunay`), as
/// counter-clockwise triples of indices into `x`/`y`. Repeated points are used once.
pub fn delaunay(x: &[f64], y: &[f64]) -> Result<Vec<[usize; 3]>> {
    let func = "delaunay";
    if x.len() != y.len() {
        return Err(Error::InvalidArgument {
            func,
            msg: format!(
                "x and y must have the same length, got {} and {}",
                x.len(),
                y.len()
            ),
        });
    }
    if let Some(i) = (0..x.len()).find(|&i| !(x[i].is_finite() && y[i].is_finite())) {
        return Err(Error::InvalidArgument {
            func,
            msg: format!("point {i} ({}, {}) is not finite", x[i], y[i]),
        });
    }
    let pts: Vec<(f64, f64)> = x.iter().zip(y).map(|(&a, &b)| (a, b)).collect();
    let tris = triangulate(&pts);
    if tris.is_empty() {
        return Err(Error::InvalidArgument {
            func,
            msg: format!(
                "{} point(s) do not span an area (need at least 3 distinct points, not all on one line)",
                x.len()
            ),
        });
    }
    Ok(tris)
}
