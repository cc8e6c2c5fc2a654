//! Marching-squares core: per-cell chords of one level and the pieces of
//! cell sides that lie on the boundary of the contoured domain.
//!
//! Geometry conventions used throughout:
//!
//! * Cell `(i, j)` spans `[x[i], x[i+1]] × [y[j], y[j+1]]`. Its corners are
//!   numbered counter-clockwise starting bottom-left: `c0 = (i, j)`,
//!   `c1 = (i+1, j)`, `c2 = (i+1, j+1)`, `c3 = (i, j+1)`; side `k` runs from
//!   corner `k` to corner `k + 1 (mod 4)`.
//! * Every grid edge has a canonical direction (from the vertex with the
//!   smaller index to the one with the larger index). Crossing points are
//!   always interpolated in that direction, so the two cells sharing an edge
//!   compute bit-identical points.
//! * Points are identified by integer keys: a grid vertex, or the crossing
//!   of one level ("slot") with one grid edge. Linking pieces by key instead
//!   of by coordinates makes the joins exact even in degenerate cases where
//!   a crossing coincides with a grid vertex.
//! * A corner is "above" a level `L` if `z >= L` (GR's convention). A cell
//!   with two diagonally opposite corners above and the other two below (a
//!   saddle) connects its above corners if the mean of the four corner
//!   values is `>= L`, otherwise it separates them.

use super::grid::Grid;

/// A point in data coordinates.
pub(crate) type Pt = (f64, f64);

/// A directed piece of a contour line or of a band boundary.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Seg {
    /// Key of the start point.
    pub a: u64,
    /// Key of the end point.
    pub b: u64,
    /// Start point.
    pub pa: Pt,
    /// End point.
    pub pb: Pt,
}

impl Seg {
    /// The same piece traversed in the opposite direction.
    pub fn reversed(self) -> Seg {
        Seg {
            a: self.b,
            b: self.a,
            pa: self.pb,
            pb: self.pa,
        }
    }
}

/// Counts the levels `<= v` of increasing `levels`, starting from the guess of evenly
/// spaced levels and correcting it by comparisons: exact for any increasing levels, and
/// without a search for even spacing.
struct LevelCounter<'l> {
    levels: &'l [f64],
    first: f64,
    /// `(n - 1) / (last - first)`, or 0 for a single level.
    scale: f64,
}

impl<'l> LevelCounter<'l> {
    fn new(levels: &'l [f64]) -> Self {
        let n = levels.len();
        let (first, last) = (levels[0], levels[n - 1]);
        let scale = if n > 1 && last > first {
            (n - 1) as f64 / (last - first)
        } else {
            0.0
        };
        LevelCounter {
            levels,
            first,
            scale,
        }
    }

    /// The number of levels `<= v` (0 for NaN).
    #[inline]
    fn count(&self, v: f64) -> u32 {
        if v.is_nan() {
            return 0;
        }
        let levels = self.levels;
        let n = levels.len();
        // Saturating cast: negative guesses give 0, huge ones usize::MAX.
        let guess = ((v - self.first) * self.scale) as usize;
        let mut k = guess.saturating_add(1).min(n);
        while k < n && levels[k] <= v {
            k += 1;
        }
        while k > 0 && levels[k - 1] > v {
            k -= 1;
        }
        k as u32
    }
}

/// The number of `levels` (increasing, not empty) that are `<= v` (0 for NaN).
#[cfg(test)]
fn level_count(levels: &[f64], v: f64) -> u32 {
    LevelCounter::new(levels).count(v)
}

/// A grid edge between vertices `a` and `b` (`a` has the smaller index).
#[derive(Debug, Clone, Copy)]
struct Edge {
    /// Dense edge number (horizontal edges first, then vertical ones).
    id: usize,
    /// Lower-index vertex `(i, j)`.
    a: (usize, usize),
    /// Higher-index vertex `(i, j)`.
    b: (usize, usize),
}

/// One side of a valid cell that borders the outside of the contoured
/// domain (the grid boundary or a cell excluded because of NaN values).
#[derive(Debug, Clone, Copy)]
pub(crate) struct OuterSide {
    edge: Edge,
    /// Whether the counter-clockwise traversal of the cell runs along the
    /// edge in its canonical direction.
    forward: bool,
}

/// Read-only view of a validated grid plus the cell validity mask.
pub(crate) struct Mesh<'g> {
    x: &'g [f64],
    y: &'g [f64],
    z: &'g [f64],
    /// Whether every cell is valid (no NaN/Inf values).
    all_valid: bool,
    nx: usize,
    ny: usize,
    /// Number of horizontal edges, `(nx - 1) * ny`.
    n_horizontal: usize,
    /// `valid[cj * (nx - 1) + ci]`: all four corners of the cell are finite.
    valid: Vec<bool>,
}

impl<'g> Mesh<'g> {
    /// Prepares a grid; `None` if its lengths are inconsistent.
    pub fn new(grid: &Grid<'g>) -> Option<Self> {
        if !grid.is_consistent() {
            return None;
        }
        let (nx, ny) = (grid.x.len(), grid.y.len());
        let z = grid.z;
        let ncells = (nx - 1) * (ny - 1);
        let all_finite = z.iter().all(|v| v.is_finite());
        let valid = if all_finite {
            vec![true; ncells]
        } else {
            let finite: Vec<bool> = z.iter().map(|v| v.is_finite()).collect();
            let mut valid = Vec::with_capacity(ncells);
            for cj in 0..ny - 1 {
                let r0 = cj * nx;
                let r1 = r0 + nx;
                for ci in 0..nx - 1 {
                    valid.push(
                        finite[r0 + ci]
                            && finite[r0 + ci + 1]
                            && finite[r1 + ci]
                            && finite[r1 + ci + 1],
                    );
                }
            }
            valid
        };
        Some(Mesh {
            all_valid: all_finite || valid.iter().all(|&v| v),
            x: grid.x,
            y: grid.y,
            z,
            nx,
            ny,
            n_horizontal: (nx - 1) * ny,
            valid,
        })
    }

    /// Whether no cell can be contoured.
    pub fn is_empty(&self) -> bool {
        !self.valid.iter().any(|&v| v)
    }

    #[inline]
    fn zv(&self, (i, j): (usize, usize)) -> f64 {
        self.z[j * self.nx + i]
    }

    #[inline]
    fn point(&self, (i, j): (usize, usize)) -> Pt {
        (self.x[i], self.y[j])
    }

    #[inline]
    fn cell_valid(&self, ci: usize, cj: usize) -> bool {
        self.valid[cj * (self.nx - 1) + ci]
    }

    /// Key of grid vertex `(i, j)`.
    #[inline]
    fn vertex_key(&self, (i, j): (usize, usize)) -> u64 {
        ((j * self.nx + i) as u64) << 1
    }

    /// Key of the crossing of level slot `slot` (of `nslots`) with `edge`.
    #[inline]
    fn crossing_key(edge: Edge, slot: usize, nslots: usize) -> u64 {
        (((edge.id as u64) * (nslots as u64) + slot as u64) << 1) | 1
    }

    /// Side `k` of cell `(ci, cj)` and whether the counter-clockwise
    /// traversal follows the edge's canonical direction.
    #[inline]
    fn side(&self, ci: usize, cj: usize, k: usize) -> (Edge, bool) {
        let nx = self.nx;
        match k {
            0 => (
                Edge {
                    id: cj * (nx - 1) + ci,
                    a: (ci, cj),
                    b: (ci + 1, cj),
                },
                true,
            ),
            1 => (
                Edge {
                    id: self.n_horizontal + cj * nx + ci + 1,
                    a: (ci + 1, cj),
                    b: (ci + 1, cj + 1),
                },
                true,
            ),
            2 => (
                Edge {
                    id: (cj + 1) * (nx - 1) + ci,
                    a: (ci, cj + 1),
                    b: (ci + 1, cj + 1),
                },
                false,
            ),
            _ => (
                Edge {
                    id: self.n_horizontal + cj * nx + ci,
                    a: (ci, cj),
                    b: (ci, cj + 1),
                },
                false,
            ),
        }
    }

    /// Where `level` crosses `edge`, interpolated linearly in the canonical
    /// direction. Only meaningful if the level separates the end values.
    #[inline]
    fn crossing_point(&self, edge: Edge, level: f64) -> Pt {
        let (za, zb) = (self.zv(edge.a), self.zv(edge.b));
        let t = (level - za) / (zb - za);
        // `t` is NaN only for a zero-length value change, which cannot occur
        // for a real crossing; treat it like `t <= 0`.
        if t.is_nan() || t <= 0.0 {
            return self.point(edge.a);
        }
        if t >= 1.0 {
            return self.point(edge.b);
        }
        let (xa, ya) = self.point(edge.a);
        let (xb, yb) = self.point(edge.b);
        if edge.a.1 == edge.b.1 {
            (xa + t * (xb - xa), ya)
        } else {
            (xa, ya + t * (yb - ya))
        }
    }

    /// Appends the chords of `level` in every valid cell to `out`.
    ///
    /// Each chord is directed so that the region `z >= level` of its cell
    /// lies on its left; the chords of neighbouring cells therefore join
    /// head to tail. `slot`/`nslots` select the crossing keys.
    pub fn level_chords(&self, level: f64, slot: usize, nslots: usize, out: &mut Vec<Seg>) {
        if !level.is_finite() {
            return;
        }
        let nx = self.nx;
        for cj in 0..self.ny - 1 {
            for ci in 0..nx - 1 {
                if !self.cell_valid(ci, cj) {
                    continue;
                }
                let b = cj * nx + ci;
                let zc = [self.z[b], self.z[b + 1], self.z[b + nx + 1], self.z[b + nx]];
                self.cell_chords(ci, cj, zc, level, slot, nslots, out);
            }
        }
    }

    /// The chords of every level of the increasing `levels` (finite), in one pass over
    /// the cells: each cell is visited once and only the levels between its lowest and
    /// highest corner are traced through it.
    ///
    /// With `shared_keys`, level `k` uses slot `k` of `levels.len()` (keys are unique
    /// across levels, for bands that join the chords of two levels); otherwise every
    /// level uses slot 0 of 1 (keys are unique within a level only and stay below
    /// [`Mesh::key_bound`], for regions traced from one level each).
    pub fn all_level_chords(&self, levels: &[f64], shared_keys: bool) -> Vec<Vec<Seg>> {
        let n = levels.len();
        let mut out: Vec<Vec<Seg>> = vec![Vec::new(); n];
        if n == 0 {
            return out;
        }
        // Per vertex, the number of levels <= z: a level crosses a cell iff it is
        // between the smallest and the largest count of the cell's corners.
        let counter = LevelCounter::new(levels);
        let index: Vec<u32> = self.z.iter().map(|&v| counter.count(v)).collect();
        let nx = self.nx;
        for cj in 0..self.ny - 1 {
            let row = cj * nx;
            for ci in 0..nx - 1 {
                let b = row + ci;
                let q = [index[b], index[b + 1], index[b + nx + 1], index[b + nx]];
                if q[0] == q[1] && q[0] == q[2] && q[0] == q[3] {
                    continue;
                }
                if !self.all_valid && !self.cell_valid(ci, cj) {
                    continue;
                }
                let lo = q[0].min(q[1]).min(q[2]).min(q[3]) as usize;
                let hi = q[0].max(q[1]).max(q[2]).max(q[3]) as usize;
                let zc = [self.z[b], self.z[b + 1], self.z[b + nx + 1], self.z[b + nx]];
                for (k, chords) in out.iter_mut().enumerate().take(hi).skip(lo) {
                    let (slot, nslots) = if shared_keys { (k, n) } else { (0, 1) };
                    self.cell_chords(ci, cj, zc, levels[k], slot, nslots, chords);
                }
            }
        }
        out
    }

    /// An upper bound of the point keys of slot 0 of 1 (vertex keys and the crossing
    /// keys of [`Mesh::all_level_chords`] without shared keys).
    pub fn key_bound(&self) -> usize {
        let edges = self.n_horizontal + self.nx * (self.ny - 1);
        2 * edges.max(self.nx * self.ny) + 2
    }

    /// The chords of `level` in cell (`ci`, `cj`) with corner values `zc`
    /// (counter-clockwise from the lower left).
    #[allow(clippy::too_many_arguments)]
    fn cell_chords(
        &self,
        ci: usize,
        cj: usize,
        zc: [f64; 4],
        level: f64,
        slot: usize,
        nslots: usize,
        out: &mut Vec<Seg>,
    ) {
        let above = [
            zc[0] >= level,
            zc[1] >= level,
            zc[2] >= level,
            zc[3] >= level,
        ];
        if above.iter().all(|&a| a) || above.iter().all(|&a| !a) {
            return;
        }
        // Side k is an exit (above -> below, counter-clockwise) or an
        // entry (below -> above).
        let exit = |k: usize| above[k] && !above[(k + 1) % 4];
        let entry = |k: usize| !above[k] && above[(k + 1) % 4];
        let n_exits = (0..4).filter(|&k| exit(k)).count();
        let mut push = |from: usize, to: usize| {
            let (e_from, _) = self.side(ci, cj, from);
            let (e_to, _) = self.side(ci, cj, to);
            out.push(Seg {
                a: Self::crossing_key(e_from, slot, nslots),
                b: Self::crossing_key(e_to, slot, nslots),
                pa: self.crossing_point(e_from, level),
                pb: self.crossing_point(e_to, level),
            });
        };
        if n_exits == 1 {
            let from = (0..4).find(|&k| exit(k)).unwrap_or(0);
            let to = (0..4).find(|&k| entry(k)).unwrap_or(0);
            push(from, to);
        } else {
            // Saddle: corners alternate, so sides alternate between
            // exits and entries. Connected above-region: each exit
            // joins the next entry (cutting off a below corner);
            // otherwise it joins the previous one (cutting off the
            // above corner between them).
            let mean = 0.25 * zc[0] + 0.25 * zc[1] + 0.25 * zc[2] + 0.25 * zc[3];
            let step = if mean >= level { 1 } else { 3 };
            for from in (0..4).filter(|&k| exit(k)) {
                push(from, (from + step) % 4);
            }
        }
    }

    fn outer_side(&self, ci: usize, cj: usize, k: usize) -> OuterSide {
        let (edge, forward) = self.side(ci, cj, k);
        OuterSide { edge, forward }
    }

    /// All sides of valid cells that border the outside of the domain.
    pub fn outer_sides(&self) -> Vec<OuterSide> {
        let (ncx, ncy) = (self.nx - 1, self.ny - 1);
        let mut sides = Vec::new();
        if self.all_valid {
            // Only the grid boundary: bottom, right, top and left sides.
            for ci in 0..ncx {
                sides.push(self.outer_side(ci, 0, 0));
            }
            for cj in 0..ncy {
                sides.push(self.outer_side(ncx - 1, cj, 1));
            }
            for ci in 0..ncx {
                sides.push(self.outer_side(ci, ncy - 1, 2));
            }
            for cj in 0..ncy {
                sides.push(self.outer_side(0, cj, 3));
            }
            return sides;
        }
        for cj in 0..ncy {
            for ci in 0..ncx {
                if !self.cell_valid(ci, cj) {
                    continue;
                }
                let neighbour_valid = [
                    cj > 0 && self.cell_valid(ci, cj - 1),
                    ci + 1 < ncx && self.cell_valid(ci + 1, cj),
                    cj + 1 < ncy && self.cell_valid(ci, cj + 1),
                    ci > 0 && self.cell_valid(ci - 1, cj),
                ];
                for (k, &nv) in neighbour_valid.iter().enumerate() {
                    if !nv {
                        sides.push(self.outer_side(ci, cj, k));
                    }
                }
            }
        }
        sides
    }

    /// Appends the pieces of the outer sides where `lo <= z < hi` (z
    /// interpolated linearly along the side), directed counter-clockwise
    /// around their cell (the band on the left).
    ///
    /// `lo` may be `-inf` and `hi` `+inf`; crossings use the keys of slots
    /// `slot_lo` / `slot_hi` (of `nslots`), matching [`Mesh::level_chords`].
    pub fn band_sides(
        &self,
        sides: &[OuterSide],
        (lo, slot_lo): (f64, usize),
        (hi, slot_hi): (f64, usize),
        nslots: usize,
        out: &mut Vec<Seg>,
    ) {
        let class = |z: f64| -> u8 {
            if z < lo {
                0
            } else if z < hi {
                1
            } else {
                2
            }
        };
        for side in sides {
            let edge = side.edge;
            let (za, zb) = (self.zv(edge.a), self.zv(edge.b));
            let (ca, cb) = (class(za), class(zb));
            // Events along the edge in canonical direction: the start vertex,
            // the level crossings, the end vertex; `classes[m]` is the class
            // of the piece between event m and m + 1.
            let mut keys = [0u64; 4];
            let mut pts = [(0.0, 0.0); 4];
            let mut classes = [0u8; 3];
            keys[0] = self.vertex_key(edge.a);
            pts[0] = self.point(edge.a);
            let mut n = 1;
            let mut cur = ca;
            let lo_crossing = |n: usize, keys: &mut [u64; 4], pts: &mut [Pt; 4]| {
                keys[n] = Self::crossing_key(edge, slot_lo, nslots);
                pts[n] = self.crossing_point(edge, lo);
            };
            let hi_crossing = |n: usize, keys: &mut [u64; 4], pts: &mut [Pt; 4]| {
                keys[n] = Self::crossing_key(edge, slot_hi, nslots);
                pts[n] = self.crossing_point(edge, hi);
            };
            if ca < cb {
                if cur == 0 {
                    classes[n - 1] = cur;
                    lo_crossing(n, &mut keys, &mut pts);
                    n += 1;
                    cur = 1;
                }
                if cur == 1 && cb == 2 {
                    classes[n - 1] = cur;
                    hi_crossing(n, &mut keys, &mut pts);
                    n += 1;
                    cur = 2;
                }
            } else if ca > cb {
                if cur == 2 {
                    classes[n - 1] = cur;
                    hi_crossing(n, &mut keys, &mut pts);
                    n += 1;
                    cur = 1;
                }
                if cur == 1 && cb == 0 {
                    classes[n - 1] = cur;
                    lo_crossing(n, &mut keys, &mut pts);
                    n += 1;
                    cur = 0;
                }
            }
            classes[n - 1] = cur;
            keys[n] = self.vertex_key(edge.b);
            pts[n] = self.point(edge.b);
            for m in 0..n {
                if classes[m] != 1 {
                    continue;
                }
                let seg = Seg {
                    a: keys[m],
                    b: keys[m + 1],
                    pa: pts[m],
                    pb: pts[m + 1],
                };
                out.push(if side.forward { seg } else { seg.reversed() });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::level_count;

    #[test]
    fn level_count_matches_a_binary_search() {
        let uneven = [-3.0, -2.9, -1.0, 0.0, 0.001, 5.0, 40.0];
        let even: Vec<f64> = (0..20).map(|k| -6.5 + 0.75 * k as f64).collect();
        let single = [1.5];
        let values = [
            f64::NEG_INFINITY,
            -1e300,
            -7.0,
            -3.0,
            -2.95,
            -0.0,
            0.0005,
            0.001,
            1.5,
            4.75,
            7.75,
            39.0,
            40.0,
            1e300,
            f64::INFINITY,
        ];
        for levels in [&uneven[..], &even[..], &single[..]] {
            for &v in values.iter().chain(levels) {
                let want = levels.partition_point(|&l| l <= v) as u32;
                assert_eq!(level_count(levels, v), want, "{v} in {levels:?}");
            }
            assert_eq!(level_count(levels, f64::NAN), 0);
        }
    }
}
