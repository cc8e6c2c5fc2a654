//! 3D primitives: `polyline3d`, `polymarker3d`, `text3d`, and the clipping helpers shared
//! with axes and surfaces.

use super::{check_finite, invalid, Projector};
use crate::context::Gr;
use crate::error::{Error, Result};

/// Clips the segment `a`–`b` (unit coordinates) to the unit cube (Liang–Barsky); `None` if
/// nothing is left.
pub(crate) fn clip_segment(a: [f64; 3], b: [f64; 3]) -> Option<([f64; 3], [f64; 3])> {
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for k in 0..3 {
        let d = b[k] - a[k];
        for (p, q) in [(-d, a[k]), (d, 1.0 - a[k])] {
            if p == 0.0 {
                if q < 0.0 {
                    return None;
                }
            } else {
                let r = q / p;
                if p < 0.0 {
                    t0 = t0.max(r);
                } else {
                    t1 = t1.min(r);
                }
            }
        }
    }
    if t0 > t1 {
        return None;
    }
    let at = |t: f64| {
        [
            a[0] + t * (b[0] - a[0]),
            a[1] + t * (b[1] - a[1]),
            a[2] + t * (b[2] - a[2]),
        ]
    };
    Some((at(t0), at(t1)))
}

/// Clips a polygon (unit coordinates) to the unit cube (Sutherland–Hodgman, six planes).
pub(crate) fn clip_polygon(poly: &[[f64; 3]]) -> Vec<[f64; 3]> {
    let mut out: Vec<[f64; 3]> = poly.to_vec();
    for k in 0..3 {
        for upper in [false, true] {
            if out.is_empty() {
                return out;
            }
            let inside = |p: &[f64; 3]| if upper { p[k] <= 1.0 } else { p[k] >= 0.0 };
            let bound = if upper { 1.0 } else { 0.0 };
            let input = std::mem::take(&mut out);
            for i in 0..input.len() {
                let cur = input[i];
                let prev = input[(i + input.len() - 1) % input.len()];
                let (ci, pi) = (inside(&cur), inside(&prev));
                if ci != pi {
                    let t = (bound - prev[k]) / (cur[k] - prev[k]);
                    out.push([
                        prev[0] + t * (cur[0] - prev[0]),
                        prev[1] + t * (cur[1] - prev[1]),
                        prev[2] + t * (cur[2] - prev[2]),
                    ]);
                }
                if ci {
                    out.push(cur);
                }
            }
        }
    }
    out
}

/// Appends the projection of the segments `a`–`b` (unit coordinates) to a NaN-separated
/// NDC polyline; segments with unprojectable ends are dropped.
pub(crate) fn push_segment(
    p: &Projector,
    clip: bool,
    a: [f64; 3],
    b: [f64; 3],
    xs: &mut Vec<f64>,
    ys: &mut Vec<f64>,
) {
    let (a, b) = if clip {
        match clip_segment(a, b) {
            Some(s) => s,
            None => return,
        }
    } else {
        (a, b)
    };
    if let (Some(pa), Some(pb)) = (p.project_unit(a), p.project_unit(b)) {
        xs.extend([pa[0], pb[0], f64::NAN]);
        ys.extend([pa[1], pb[1], f64::NAN]);
    }
}

impl Gr {
    /// Runs `f` with the kernel in NDC (transform 0), kernel clipping off and the
    /// attributes saved; restores everything afterwards, also on errors.
    pub(crate) fn in_ndc<R>(&mut self, f: impl FnOnce(&mut Gr) -> Result<R>) -> Result<R> {
        self.gks.savestate();
        let r = match self.gks.selntran(0) {
            Ok(()) => {
                self.gks.setclip(false);
                f(self)
            }
            Err(e) => Err(e.into()),
        };
        let restored = self.gks.restorestate();
        let r = r?;
        restored?;
        Ok(r)
    }

    /// `polyline3d`: a line through 3D world points with the current line attributes. NaN
    /// points (and non-positive values on log axes) break the line; with clipping on
    /// (`setclip`) the line is cut at the 3D box.
    pub fn polyline3d(&mut self, x: &[f64], y: &[f64], z: &[f64]) -> Result<()> {
        check_xyz("polyline3d", x, y, z, 2)?;
        let p = self.projector();
        let clip = self.gks.inqclip();
        let (mut xs, mut ys) = (Vec::new(), Vec::new());
        let units: Vec<[f64; 3]> = (0..x.len()).map(|i| p.unit(x[i], y[i], z[i])).collect();
        if clip {
            for w in units.windows(2) {
                push_segment(&p, true, w[0], w[1], &mut xs, &mut ys);
            }
            // Rejoin consecutive segments that share an end point (one stroke, proper joins).
            let (xs2, ys2) = join_segments(&xs, &ys);
            xs = xs2;
            ys = ys2;
        } else {
            for u in &units {
                match p.project_unit(*u) {
                    Some(q) => {
                        xs.push(q[0]);
                        ys.push(q[1]);
                    }
                    None => {
                        xs.push(f64::NAN);
                        ys.push(f64::NAN);
                    }
                }
            }
        }
        if xs.iter().filter(|v| v.is_finite()).count() < 2 {
            return Ok(());
        }
        self.in_ndc(|gr| Ok(gr.gks.polyline(&xs, &ys)?))
    }

    /// `polymarker3d`: markers at 3D world points, drawn from the farthest to the nearest so
    /// that near markers cover far ones. NaN points are skipped; with clipping on, so are
    /// points outside the 3D box.
    pub fn polymarker3d(&mut self, x: &[f64], y: &[f64], z: &[f64]) -> Result<()> {
        check_xyz("polymarker3d", x, y, z, 1)?;
        let p = self.projector();
        let clip = self.gks.inqclip();
        let mut pts: Vec<[f64; 3]> = (0..x.len())
            .filter_map(|i| {
                let u = p.unit(x[i], y[i], z[i]);
                if clip && u.iter().any(|c| !(0.0..=1.0).contains(c)) {
                    return None;
                }
                p.project_unit(u)
            })
            .collect();
        if pts.is_empty() {
            return Ok(());
        }
        pts.sort_by(|a, b| b[2].total_cmp(&a[2]));
        let xs: Vec<f64> = pts.iter().map(|q| q[0]).collect();
        let ys: Vec<f64> = pts.iter().map(|q| q[1]).collect();
        self.in_ndc(|gr| Ok(gr.gks.polymarker(&xs, &ys)?))
    }

    /// `text3d`: a string at the projection of a 3D world point, with the current text
    /// attributes (upright, as `text`).
    pub fn text3d(&mut self, x: f64, y: f64, z: f64, text: &str) -> Result<()> {
        for (w, v) in [("x", x), ("y", y), ("z", z)] {
            check_finite("text3d", w, v)?;
        }
        let (px, py) = self.project(x, y, z);
        if !(px.is_finite() && py.is_finite()) {
            return Err(invalid(
                "text3d",
                format!(
                    "({x}, {y}, {z}) cannot be projected (non-positive on a log axis, or behind the camera)"
                ),
            ));
        }
        self.text(px, py, text)
    }
}

/// Merges NaN-separated two-point segments whose ends meet into longer polylines.
fn join_segments(xs: &[f64], ys: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let (mut ox, mut oy): (Vec<f64>, Vec<f64>) = (Vec::new(), Vec::new());
    for k in (0..xs.len()).step_by(3) {
        let (a, b) = ((xs[k], ys[k]), (xs[k + 1], ys[k + 1]));
        let n = ox.len();
        if n >= 2 && ox[n - 1].is_nan() && ox[n - 2] == a.0 && oy[n - 2] == a.1 {
            ox[n - 1] = b.0;
            oy[n - 1] = b.1;
            ox.push(f64::NAN);
            oy.push(f64::NAN);
        } else {
            ox.extend([a.0, b.0, f64::NAN]);
            oy.extend([a.1, b.1, f64::NAN]);
        }
    }
    (ox, oy)
}

pub(crate) fn check_xyz(
    func: &'static str,
    x: &[f64],
    y: &[f64],
    z: &[f64],
    min: usize,
) -> Result<()> {
    if x.len() != y.len() || x.len() != z.len() {
        return Err(Error::InvalidArgument {
            func,
            msg: format!(
                "x, y and z must have the same length, got {}, {} and {}",
                x.len(),
                y.len(),
                z.len()
            ),
        });
    }
    if x.len() < min {
        return Err(Error::InvalidArgument {
            func,
            msg: format!("need at least {min} point(s), got {}", x.len()),
        });
    }
    Ok(())
}
