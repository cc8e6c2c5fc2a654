//! Error bars (`verrorbars`, `herrorbars`): a bar from the lower to the upper error value
//! with caps, plus a marker at each data point, as GR draws them.

use crate::context::Gr;
use crate::error::{Error, Result};

/// Half-width of a cap per unit of marker size, as a fraction of the axis (GR's 0.0075).
const CAP_PER_MARKER_SIZE: f64 = 0.0075;

fn check(func: &'static str, n: usize, others: &[(&str, usize)]) -> Result<()> {
    if n == 0 {
        return Err(Error::InvalidArgument {
            func,
            msg: "needs at least one point".into(),
        });
    }
    for (name, len) in others {
        if *len != n {
            return Err(Error::InvalidArgument {
                func,
                msg: format!("{name} has {len} values, x has {n}"),
            });
        }
    }
    Ok(())
}

impl Gr {
    /// `verrorbars`: at each `(x[i], y[i])` a vertical bar from `lower[i]` to `upper[i]`
    /// with horizontal caps (half-width `0.0075 × marker size` of the x axis), then markers
    /// at the points. Points with a non-finite value are skipped.
    pub fn verrorbars(&mut self, x: &[f64], y: &[f64], lower: &[f64], upper: &[f64]) -> Result<()> {
        check(
            "verrorbars",
            x.len(),
            &[
                ("y", y.len()),
                ("lower", lower.len()),
                ("upper", upper.len()),
            ],
        )?;
        self.errorbars(x, lower, upper, true)?;
        self.polymarker(x, y)
    }

    /// `herrorbars`: at each point a horizontal bar from `lower[i]` to `upper[i]` with
    /// vertical caps, then markers at the points.
    pub fn herrorbars(&mut self, x: &[f64], y: &[f64], lower: &[f64], upper: &[f64]) -> Result<()> {
        check(
            "herrorbars",
            x.len(),
            &[
                ("y", y.len()),
                ("lower", lower.len()),
                ("upper", upper.len()),
            ],
        )?;
        self.errorbars(y, lower, upper, false)?;
        self.polymarker(x, y)
    }

    /// Draws bars at positions `pos` (x for vertical bars, y for horizontal ones) from `lo`
    /// to `hi` as one polyline with NaN breaks, in the kernel's unit coordinates.
    fn errorbars(&mut self, pos: &[f64], lo: &[f64], hi: &[f64], vertical: bool) -> Result<()> {
        let cap = CAP_PER_MARKER_SIZE * self.gks.state().markersize;
        let (mut us, mut vs) = (Vec::new(), Vec::new());
        let mut seg = |pts: [(f64, f64); 2]| {
            for (a, b) in pts {
                us.push(a);
                vs.push(b);
            }
            us.push(f64::NAN);
            vs.push(f64::NAN);
        };
        let in_wc = self.in_wc();
        for i in 0..pos.len() {
            let (p, l, h) = (pos[i], lo[i], hi[i]);
            // Along the bar in unit coordinates of its axis, across it in the other axis.
            let (pu, lu, hu) = if !in_wc {
                (p, l, h)
            } else if vertical {
                (self.x.to_unit(p), self.y.to_unit(l), self.y.to_unit(h))
            } else {
                (self.y.to_unit(p), self.x.to_unit(l), self.x.to_unit(h))
            };
            if !(pu.is_finite() && lu.is_finite() && hu.is_finite()) {
                continue;
            }
            let c = if in_wc {
                cap
            } else {
                cap * (self.viewport[1] - self.viewport[0])
            };
            let pt = |along: f64, across: f64| {
                if vertical {
                    (across, along)
                } else {
                    (along, across)
                }
            };
            seg([pt(lu, pu), pt(hu, pu)]);
            seg([pt(lu, pu - c), pt(lu, pu + c)]);
            seg([pt(hu, pu - c), pt(hu, pu + c)]);
        }
        if us.len() >= 2 {
            self.gks.polyline(&us, &vs)?;
        }
        Ok(())
    }
}
