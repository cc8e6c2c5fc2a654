//! `tricontour`: contour lines of scattered data, on its Delaunay triangulation (linear
//! interpolation inside each triangle, so lines are exact for the piecewise-linear surface).

use crate::context::Gr;
use crate::error::{Error, Result};
use crate::space3d::delaunay;

/// The segment where the plane through a triangle's three values crosses `level`, if any.
fn crossing(p: [(f64, f64); 3], z: [f64; 3], level: f64) -> Option<[(f64, f64); 2]> {
    let mut pts = Vec::with_capacity(2);
    for (a, b) in [(0, 1), (1, 2), (2, 0)] {
        let (za, zb) = (z[a], z[b]);
        // Half-open rule (>= level is above) so a vertex exactly on the level is counted once.
        if (za >= level) != (zb >= level) {
            let t = (level - za) / (zb - za);
            pts.push((
                p[a].0 + t * (p[b].0 - p[a].0),
                p[a].1 + t * (p[b].1 - p[a].1),
            ));
        }
    }
    (pts.len() == 2).then(|| [pts[0], pts[1]])
}

impl Gr {
    /// `tricontour`: contour lines of `z` given at scattered points (`x`, `y`) at the
    /// `levels` (finite, strictly increasing), coloured from the colormap by level as GR
    /// does. Points with non-finite values are left out of the triangulation.
    pub fn tricontour(&mut self, x: &[f64], y: &[f64], z: &[f64], levels: &[f64]) -> Result<()> {
        let func = "tricontour";
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
        if levels.is_empty()
            || levels.iter().any(|v| !v.is_finite())
            || levels.windows(2).any(|w| w[0] >= w[1])
        {
            return Err(Error::InvalidArgument {
                func,
                msg: "levels must be a non-empty, finite, strictly increasing list".into(),
            });
        }
        let keep: Vec<usize> = (0..x.len())
            .filter(|&i| x[i].is_finite() && y[i].is_finite() && z[i].is_finite())
            .collect();
        if keep.len() < 3 {
            return Err(Error::InvalidArgument {
                func,
                msg: format!(
                    "needs at least 3 points with finite x, y and z, got {}",
                    keep.len()
                ),
            });
        }
        let (kx, ky): (Vec<f64>, Vec<f64>) = keep.iter().map(|&i| (x[i], y[i])).unzip();
        let kz: Vec<f64> = keep.iter().map(|&i| z[i]).collect();
        let triangles = delaunay(&kx, &ky)?;
        let n = levels.len();
        self.gks.savestate();
        let r = (|| {
            for (k, &level) in levels.iter().enumerate() {
                let (mut xs, mut ys) = (Vec::new(), Vec::new());
                for t in &triangles {
                    let p = t.map(|i| (kx[i], ky[i]));
                    let zz = t.map(|i| kz[i]);
                    if let Some([a, b]) = crossing(p, zz, level) {
                        xs.extend([a.0, b.0, f64::NAN]);
                        ys.extend([a.1, b.1, f64::NAN]);
                    }
                }
                if xs.len() < 2 {
                    continue;
                }
                self.gks.setlinecolorind(self.level_color(k, n))?;
                self.polyline(&xs, &ys)?;
            }
            Ok::<(), Error>(())
        })();
        self.gks.restorestate()?;
        r
    }
}

#[cfg(test)]
mod tests {
    use super::crossing;

    #[test]
    fn crossing_interpolates_on_edges() {
        let p = [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0)];
        let [a, b] = crossing(p, [0.0, 1.0, 1.0], 0.5).unwrap();
        assert_eq!(a, (0.5, 0.0));
        assert_eq!(b, (0.0, 0.5));
        assert!(crossing(p, [0.0, 0.2, 0.3], 0.5).is_none());
    }
}
