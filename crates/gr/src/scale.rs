//! World-coordinate scales: GR's `setscale` options (log10, log2, ln and flipped axes) and the
//! mapping of a world window onto the unit square that the kernel transform then maps onto
//! the viewport.

use crate::error::{Error, Result};

/// GR's `setscale` option bits.
pub mod options {
    /// Logarithmic x axis (base 10).
    pub const X_LOG: i32 = 1;
    /// Logarithmic y axis (base 10).
    pub const Y_LOG: i32 = 2;
    /// Logarithmic z axis (base 10).
    pub const Z_LOG: i32 = 4;
    /// Flipped x axis.
    pub const FLIP_X: i32 = 8;
    /// Flipped y axis.
    pub const FLIP_Y: i32 = 16;
    /// Flipped z axis.
    pub const FLIP_Z: i32 = 32;
    /// Base-2 logarithmic x axis.
    pub const X_LOG2: i32 = 64;
    /// Base-2 logarithmic y axis.
    pub const Y_LOG2: i32 = 128;
    /// Base-2 logarithmic z axis.
    pub const Z_LOG2: i32 = 256;
    /// Natural-log x axis.
    pub const X_LN: i32 = 512;
    /// Natural-log y axis.
    pub const Y_LN: i32 = 1024;
    /// Natural-log z axis.
    pub const Z_LN: i32 = 2048;
    /// All bits GR defines.
    pub const ALL: i32 = 4095;
}

/// The kind of one axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AxisKind {
    /// Linear.
    Linear,
    /// Logarithmic with the given base (10, 2 or e).
    Log(LogBase),
}

/// Base of a logarithmic axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogBase {
    /// Base 10.
    Ten,
    /// Base 2.
    Two,
    /// Base e.
    E,
}

impl LogBase {
    /// The base as a number.
    pub fn value(self) -> f64 {
        match self {
            LogBase::Ten => 10.0,
            LogBase::Two => 2.0,
            LogBase::E => std::f64::consts::E,
        }
    }
    fn log(self, v: f64) -> f64 {
        match self {
            LogBase::Ten => v.log10(),
            LogBase::Two => v.log2(),
            LogBase::E => v.ln(),
        }
    }
}

/// One axis of the world window: its limits, kind and direction.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Axis {
    /// Lower world limit.
    pub min: f64,
    /// Upper world limit.
    pub max: f64,
    /// Linear or logarithmic.
    pub kind: AxisKind,
    /// Drawn from max to min.
    pub flip: bool,
}

impl Axis {
    /// A linear, unflipped axis.
    pub fn linear(min: f64, max: f64) -> Self {
        Axis {
            min,
            max,
            kind: AxisKind::Linear,
            flip: false,
        }
    }

    /// Checks the limits for the axis kind.
    pub fn validate(&self, func: &'static str, name: &str) -> Result<()> {
        if !(self.min.is_finite() && self.max.is_finite()) || self.min >= self.max {
            return Err(Error::InvalidArgument {
                func,
                msg: format!(
                    "{name} limits must be finite with min < max, got {}..{}",
                    self.min, self.max
                ),
            });
        }
        if matches!(self.kind, AxisKind::Log(_)) && self.min <= 0.0 {
            return Err(Error::InvalidArgument {
                func,
                msg: format!(
                    "a logarithmic {name} axis needs positive limits, got {}..{}",
                    self.min, self.max
                ),
            });
        }
        Ok(())
    }

    #[inline]
    fn lin(&self, v: f64) -> f64 {
        match self.kind {
            AxisKind::Linear => v,
            AxisKind::Log(b) => {
                if v > 0.0 {
                    b.log(v)
                } else {
                    f64::NAN
                }
            }
        }
    }

    /// Maps a world value to 0..1 across the axis (NaN for non-positive values on a log
    /// axis, so such points break lines like NaN data does).
    pub fn to_unit(&self, v: f64) -> f64 {
        let (a, b) = (self.lin(self.min), self.lin(self.max));
        let u = (self.lin(v) - a) / (b - a);
        if self.flip {
            1.0 - u
        } else {
            u
        }
    }

    /// [`Axis::to_unit`] with its per-axis constants computed once, for mapping long arrays.
    pub fn unit_map(&self) -> UnitMap {
        let (a, b) = (self.lin(self.min), self.lin(self.max));
        UnitMap {
            a,
            inv: 1.0 / (b - a),
            axis: *self,
        }
    }

    /// Inverse of [`Axis::to_unit`].
    pub fn from_unit(&self, u: f64) -> f64 {
        let u = if self.flip { 1.0 - u } else { u };
        let (a, b) = (self.lin(self.min), self.lin(self.max));
        let l = a + u * (b - a);
        match self.kind {
            AxisKind::Linear => l,
            AxisKind::Log(base) => base.value().powf(l),
        }
    }
}

/// An [`Axis`] prepared for mapping many values to the unit range (see [`Axis::unit_map`]).
#[derive(Debug, Clone, Copy)]
pub struct UnitMap {
    a: f64,
    inv: f64,
    axis: Axis,
}

impl UnitMap {
    /// The same value as [`Axis::to_unit`] (up to rounding of the last bit).
    #[inline]
    pub fn apply(&self, v: f64) -> f64 {
        let u = (self.axis.lin(v) - self.a) * self.inv;
        if self.axis.flip {
            1.0 - u
        } else {
            u
        }
    }
}

/// Decodes the axis kind and flip of one axis from GR's option bits.
pub fn axis_options(options: i32, log: i32, log2: i32, ln: i32, flip: i32) -> (AxisKind, bool) {
    let kind = if options & log != 0 {
        AxisKind::Log(LogBase::Ten)
    } else if options & log2 != 0 {
        AxisKind::Log(LogBase::Two)
    } else if options & ln != 0 {
        AxisKind::Log(LogBase::E)
    } else {
        AxisKind::Linear
    };
    (kind, options & flip != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_axis_maps_decades_evenly() {
        let a = Axis {
            min: 1.0,
            max: 1000.0,
            kind: AxisKind::Log(LogBase::Ten),
            flip: false,
        };
        assert!((a.to_unit(10.0) - 1.0 / 3.0).abs() < 1e-12);
        assert!((a.from_unit(2.0 / 3.0) - 100.0).abs() < 1e-9);
        assert!(a.to_unit(0.0).is_nan());
        assert!(a.to_unit(-5.0).is_nan());
    }

    #[test]
    fn flipped_axis_round_trips() {
        let a = Axis {
            flip: true,
            ..Axis::linear(-2.0, 6.0)
        };
        assert_eq!(a.to_unit(-2.0), 1.0);
        assert_eq!(a.to_unit(6.0), 0.0);
        for v in [-2.0, 0.0, 1.5, 6.0] {
            assert!((a.from_unit(a.to_unit(v)) - v).abs() < 1e-12);
        }
    }

    #[test]
    fn log_of_non_positive_limits_is_an_error() {
        let a = Axis {
            kind: AxisKind::Log(LogBase::Ten),
            ..Axis::linear(0.0, 10.0)
        };
        let e = a.validate("setscale", "x").unwrap_err().to_string();
        assert!(e.contains("positive limits"), "{e}");
        assert!(Axis::linear(1.0, 1.0).validate("setwindow", "x").is_err());
    }
}

/// The smallest and largest finite value of `values` (NaN and ±∞ are skipped), or `None`
/// if there is none. Written so that the compiler vectorizes it: a million values take
/// about half a millisecond.
///
/// ```
/// assert_eq!(gr::scale::finite_range(&[3.0, f64::NAN, -1.0, f64::INFINITY]), Some((-1.0, 3.0)));
/// assert_eq!(gr::scale::finite_range(&[f64::NAN]), None);
/// ```
pub fn finite_range(values: &[f64]) -> Option<(f64, f64)> {
    // Long arrays: halves on two threads (memory bandwidth of one core is the limit).
    if values.len() >= 1 << 18 {
        let (a, b) = values.split_at(values.len() / 2);
        let (ra, rb) = rayon::join(|| finite_range(a), || finite_range(b));
        return match (ra, rb) {
            (Some((l1, h1)), Some((l2, h2))) => Some((l1.min(l2), h1.max(h2))),
            (r, None) | (None, r) => r,
        };
    }
    const LANES: usize = 8;
    let mut lo = [f64::INFINITY; LANES];
    let mut hi = [f64::NEG_INFINITY; LANES];
    let chunks = values.chunks_exact(LANES);
    let rest = chunks.remainder();
    for chunk in chunks {
        for k in 0..LANES {
            let v = chunk[k];
            // NaN compares false and ±∞ never beats the ±∞ start values in the wrong
            // direction, but +∞ would become a maximum: keep only |v| < ∞.
            let finite = v.abs() < f64::INFINITY;
            lo[k] = if finite && v < lo[k] { v } else { lo[k] };
            hi[k] = if finite && v > hi[k] { v } else { hi[k] };
        }
    }
    for &v in rest {
        if v.is_finite() {
            lo[0] = lo[0].min(v);
            hi[0] = hi[0].max(v);
        }
    }
    let lo = lo.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = hi.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (lo <= hi).then_some((lo, hi))
}

#[cfg(test)]
mod finite_range_tests {
    use super::finite_range;

    #[test]
    fn skips_nan_and_infinities_in_every_lane() {
        let mut v: Vec<f64> = (0..1003).map(|i| (i as f64 * 0.37).sin() * 10.0).collect();
        let (lo, hi) = v
            .iter()
            .fold((f64::MAX, f64::MIN), |(a, b), &x| (a.min(x), b.max(x)));
        for k in (0..v.len()).step_by(7) {
            v[k] = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY][k % 3];
        }
        let expect = v
            .iter()
            .filter(|x| x.is_finite())
            .fold((f64::MAX, f64::MIN), |(a, b), &x| (a.min(x), b.max(x)));
        assert_eq!(finite_range(&v), Some(expect));
        assert!(expect.0 >= lo && expect.1 <= hi);
        assert_eq!(finite_range(&[]), None);
        assert_eq!(finite_range(&[f64::INFINITY, f64::NAN]), None);
        assert_eq!(finite_range(&[2.5]), Some((2.5, 2.5)));
        // Long arrays are split over threads: extremes in either half, and a half that has
        // no finite value at all.
        let mut long = vec![1.0; 600_000];
        long[10] = -7.0;
        long[599_990] = 9.0;
        assert_eq!(finite_range(&long), Some((-7.0, 9.0)));
        long[300_000..].fill(f64::NAN);
        assert_eq!(finite_range(&long), Some((-7.0, 1.0)));
    }
}
