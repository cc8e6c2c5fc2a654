//! Column reduction of long lines when they are recorded.
//!
//! A solid line of hundreds of thousands of points is reduced, while it is mapped to NDC,
//! to at most four points per quarter of a device pixel column of the workstation (first,
//! lowest, highest and last point of each run of points in the column, as
//! [`crate::lower`] does per pixel column when a page is drawn). The display list then holds
//! a few thousand points instead of the whole line: recording does not copy megabytes, and
//! drawing the page reduces that short line once more per pixel column, which gives the same
//! pixels. A page enlarged up to four times after recording still gets at least one kept
//! point per pixel column run.
//!
//! Pieces of the data are reduced on all cores and joined; NaN points break the line exactly
//! as in the unreduced data.

use rayon::prelude::*;

use crate::geometry::Affine;
use crate::lower::{ColumnReducer, LineSink};

/// Solid lines with at least this many points are reduced when recorded.
pub(crate) const REDUCE_POINTS: usize = 100_000;
/// Reduction columns per device pixel column.
const SUBCOLUMNS: f64 = 4.0;

/// Collects reduced points in NDC, NaN between pieces.
struct NdcSink {
    points: Vec<(f64, f64)>,
    /// NDC x = `u · scale + offset` for a reduction column coordinate `u`.
    scale: f64,
    offset: f64,
}

impl LineSink for NdcSink {
    fn move_to(&mut self, p: (f64, f64)) {
        // The first piece of the whole line needs no gap before it; a leading gap of a
        // later data piece keeps the break at the join.
        self.points.push((f64::NAN, f64::NAN));
        self.line_to(p);
    }
    fn line_to(&mut self, p: (f64, f64)) {
        self.points.push((p.0 * self.scale + self.offset, p.1));
    }
}

/// Maps the points with `map` (to NDC) and reduces them per reduction column of the
/// workstation mapping `to_dev` (NDC → device pixels, no rotation).
pub(crate) fn map_and_reduce(
    x: &[f64],
    y: &[f64],
    to_dev: &Affine,
    map: impl Fn(f64, f64) -> (f64, f64) + Sync,
) -> Vec<(f64, f64)> {
    let [a, _, _, _, e, _] = to_dev.m;
    // Reduction column coordinate u = device x · SUBCOLUMNS; back: x = (u / S − e) / a.
    let (ua, ue) = (a * SUBCOLUMNS, e * SUBCOLUMNS);
    let finite = |p: (f64, f64)| p.0.is_finite() && p.1.is_finite();
    let pieces = rayon::current_num_threads().max(1) * 4;
    let size = x.len().div_ceil(pieces).max(1);
    let parts: Vec<Vec<(f64, f64)>> = x
        .par_chunks(size)
        .zip(y.par_chunks(size))
        .enumerate()
        .map(|(k, (xs, ys))| {
            let start = k * size;
            let mut sink = NdcSink {
                points: Vec::with_capacity(4096),
                scale: 1.0 / ua,
                offset: -e / a,
            };
            let mut reducer = ColumnReducer::new(true);
            reducer.started = start > 0 && finite(map(x[start - 1], y[start - 1]));
            for (&xv, &yv) in xs.iter().zip(ys) {
                let p = map(xv, yv);
                if finite(p) {
                    reducer.push((p.0 * ua + ue, p.1), &mut sink);
                } else {
                    reducer.finish(&mut sink);
                }
            }
            let end = start + xs.len();
            if end < x.len() && finite(map(x[end], y[end])) {
                reducer.flush_run(&mut sink);
            } else {
                reducer.finish(&mut sink);
            }
            sink.points
        })
        .collect();
    let mut points = Vec::with_capacity(parts.iter().map(Vec::len).sum());
    for part in parts {
        points.extend(part);
    }
    // A gap before the very first piece is not needed.
    if points.first().is_some_and(|p| p.0.is_nan()) {
        points.remove(0);
    }
    points
}

#[cfg(test)]
mod tests {
    use crate::Gks;

    /// A long line with gaps: single NaN points, a NaN run, a lone point between gaps.
    fn data(n: usize) -> (Vec<f64>, Vec<f64>) {
        let x: Vec<f64> = (0..n).map(|i| 0.05 + 0.9 * i as f64 / n as f64).collect();
        let mut y: Vec<f64> = (0..n)
            .map(|i| {
                let t = i as f64 / n as f64;
                0.4 + 0.25 * (t * 500.0).sin() * (t * 9.0).cos()
                    + 0.02 * ((i * 7919) % 13) as f64 / 13.0
            })
            .collect();
        for g in [
            10, 11, 5000, 77_777, 77_779, 150_000, 150_001, 150_002, 239_999,
        ] {
            if g < n {
                y[g] = f64::NAN;
            }
        }
        (x, y)
    }

    #[test]
    fn reduced_when_recorded_draws_the_same_pixels() {
        let (x, y) = data(240_000);
        // Recorded reduced (polyline_mapped) and recorded whole (polyline_points, reduced
        // only when drawn).
        let mut reduced = Gks::new();
        reduced.polyline_mapped(&x, &y, |v| v, |v| v).unwrap();
        let mut whole = Gks::new();
        whole
            .polyline_points(x.iter().copied().zip(y.iter().copied()).collect())
            .unwrap();
        let recorded = |g: &Gks| match &g.items[0].primitive {
            crate::display_list::Primitive::Polyline { points, .. } => points.len(),
            _ => 0,
        };
        assert!(
            recorded(&reduced) < 20_000,
            "{} points kept",
            recorded(&reduced)
        );
        assert_eq!(recorded(&whole), 240_000);
        let a = reduced.render_rgba().unwrap();
        let b = whole.render_rgba().unwrap();
        let differing = a
            .chunks_exact(4)
            .zip(b.chunks_exact(4))
            .filter(|(p, q)| p != q)
            .count();
        assert_eq!(differing, 0);
        // Also the same in a vector format (the same path after lowering, up to the points
        // the reduction moved to column centres): both pages have the same gaps.
        let moves = |g: &Gks| {
            g.page()
                .ops
                .iter()
                .map(|op| match op {
                    crate::device::DeviceOp::Stroke { path, .. } => path
                        .cmds
                        .iter()
                        .filter(|c| matches!(c, crate::geometry::PathCmd::MoveTo(..)))
                        .count(),
                    _ => 0,
                })
                .sum::<usize>()
        };
        assert_eq!(moves(&reduced), moves(&whole));
    }

    #[test]
    fn dashed_lines_keep_every_point() {
        let (x, y) = data(120_000);
        let mut g = Gks::new();
        g.setlinetype(2).unwrap();
        g.polyline_mapped(&x, &y, |v| v, |v| v).unwrap();
        match &g.items[0].primitive {
            crate::display_list::Primitive::Polyline { points, .. } => {
                assert_eq!(points.len(), 120_000)
            }
            _ => panic!("a polyline"),
        }
    }
}
