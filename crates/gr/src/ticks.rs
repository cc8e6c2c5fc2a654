//! Tick spacing, axis-limit rounding and tick-label formatting.
//!
//! This module re-implements the numeric helpers GR uses for its axes:
//!
//! * [`tick`] — GR's `gr_tick`: a "nice" major tick interval (1, 2 or 5 ×
//!   10ⁿ) that divides a range into between two and five intervals.
//! * [`adjustlimits`] / [`adjustrange`] — GR's `gr_adjustlimits` and
//!   `gr_adjustrange`: widen a data range to round numbers.
//! * [`validaterange`] — GR's `gr_validaterange`: is a range wide enough
//!   relative to its magnitude to be drawn without loss of precision?
//! * [`linear_ticks`] / [`log_ticks`] — the tick positions of a linear or
//!   logarithmic axis, free of floating-point noise (`0.1 * 3` comes out as
//!   `0.3`, never as `0.30000000000000004`).
//! * [`TickFormat`] / [`log_label`] — one common label format per axis (see
//!   the [`format`](mod@format) submodule for details).
//!
//! The functions follow GR's semantics (the examples in the docs were checked
//! against GR's algorithm); where GR returns floating-point artefacts (its
//! `gr_tick(0, 0.1)` is `0.020000000000000004`) this module returns the double
//! nearest to the intended decimal value (`0.02`). Deviations are documented on
//! each function.

pub mod format;

pub use format::{log_label, SciLimits, TickFormat, TickLabel, HYPHEN_MINUS, MINUS_SIGN};

/// Maximum number of intervals [`linear_ticks`] generates before it falls back
/// to the automatic [`tick`] interval (GR's `MAX_TICKS`, used by `gr_axes` and
/// `gr_grid` to "auto-adjust" absurdly dense tick marks).
pub const MAX_TICKS: usize = 500;

/// Maximum number of entries [`log_ticks`] returns (a guard against bases
/// very close to 1).
pub const MAX_LOG_TICKS: usize = 10_000;

/// Why [`tick`] could not compute a tick interval.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
pub enum TickError {
    /// One of the limits is NaN or infinite.
    #[error("invalid range [{amin}, {amax}]: limits must be finite")]
    NotFinite {
        /// The lower limit that was passed in.
        amin: f64,
        /// The upper limit that was passed in.
        amax: f64,
    },
    /// The range is empty or reversed (`amin >= amax`); GR prints
    /// "invalid range" and returns 0 in this case.
    #[error("invalid range [{amin}, {amax}]: amin must be less than amax")]
    EmptyRange {
        /// The lower limit that was passed in.
        amin: f64,
        /// The upper limit that was passed in.
        amax: f64,
    },
    /// The range is so narrow (a few subnormal ulps) that no tick interval is
    /// representable as a non-zero `f64`.
    #[error("range [{amin}, {amax}] is too narrow to subdivide")]
    TooNarrow {
        /// The lower limit that was passed in.
        amin: f64,
        /// The upper limit that was passed in.
        amax: f64,
    },
}

/// Decimal exponent of a finite, non-zero value: `floor(log10(|v|))`, computed
/// exactly from the shortest round-trip decimal representation.
pub(crate) fn dec_exp(v: f64) -> i32 {
    let s = format!("{:e}", v.abs());
    s.rsplit('e')
        .next()
        .and_then(|e| e.parse().ok())
        .unwrap_or(0)
}

/// The double nearest to the decimal `k × 10^e` (`k` integer-valued).
fn decimal(k: f64, e: i32) -> f64 {
    let v: f64 = format!("{k}e{e}").parse().unwrap_or(f64::NAN);
    v + 0.0 // turns -0.0 into +0.0
}

/// `v` rounded to a multiple of `10^p` (correctly rounded decimal rounding);
/// values below `10^p / 2` in magnitude yield 0, values just below `10^p` (such
/// as 0.09999999999999998 at p = −1) round up to `±10^p`.
pub(crate) fn round_at(v: f64, p: i32) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let e = dec_exp(v);
    if e < p {
        let unit = format!("1e{p}").parse::<f64>().unwrap_or(0.0);
        return if v.abs() >= unit / 2.0 {
            unit.copysign(v)
        } else {
            0.0
        };
    }
    let digits = (e - p) as usize;
    format!("{v:.digits$e}").parse::<f64>().unwrap_or(v) + 0.0
}

/// Tolerance within which a computed tick value is considered to be "on" a
/// decimal grid: a billionth of the tick plus a few ulps of the magnitude.
pub(crate) fn grid_tolerance(tick: f64, magnitude: f64) -> f64 {
    let t = if tick.is_finite() && tick > 0.0 {
        tick
    } else {
        0.0
    };
    1e-9 * t + 16.0 * f64::EPSILON * magnitude.abs()
}

/// The coarsest decimal position `p` (value is a multiple of `10^p` within
/// `tol`), searched from `p0` down to `p0 - 17`.
pub(crate) fn coarsest_position(v: f64, p0: i32, tol: f64) -> (i32, f64) {
    for p in (p0 - 17..=p0).rev() {
        let c = round_at(v, p);
        if (c - v).abs() <= tol {
            return (p, c);
        }
    }
    (p0 - 17, v)
}

/// Snap a computed tick position onto the decimal grid it is meant to lie on.
fn snap(v: f64, tick: f64, magnitude: f64) -> f64 {
    if v == 0.0 {
        return 0.0;
    }
    let tol = grid_tolerance(tick, magnitude.max(v.abs()));
    if v.abs() <= tol {
        return 0.0;
    }
    coarsest_position(v, dec_exp(tick), tol).1
}

/// GR's choice of tick interval, as mantissa (1, 2 or 5) and decimal exponent.
fn tick_parts(amin: f64, amax: f64) -> Result<(u8, i32), TickError> {
    if !amin.is_finite() || !amax.is_finite() {
        return Err(TickError::NotFinite { amin, amax });
    }
    if amax <= amin {
        return Err(TickError::EmptyRange { amin, amax });
    }
    let range = amax - amin;
    let exponent = if range.is_finite() {
        range.log10()
    } else {
        // The difference overflows; halve both ends first.
        (0.5 * amax - 0.5 * amin).log10() + 2f64.log10()
    };
    // GR truncates towards zero (modf), so for ranges below 1 the factor lies
    // in (0.1, 1] and the last three branches apply.
    let n = exponent.trunc();
    let factor = 10f64.powf(exponent - n);
    let n = n as i32;
    let (mantissa, shift) = if factor > 5.0 {
        (2, 0)
    } else if factor > 2.5 {
        (1, 0)
    } else if factor > 1.0 {
        (5, -1)
    } else if factor > 0.5 {
        (2, -1)
    } else if factor > 0.25 {
        (1, -1)
    } else {
        (5, -2)
    };
    let parts = (mantissa, n + shift);
    let value = decimal(f64::from(parts.0), parts.1);
    if value > 0.0 && value.is_finite() {
        Ok(parts)
    } else {
        Err(TickError::TooNarrow { amin, amax })
    }
}

/// A "nice" major tick interval for the range `[amin, amax]` (GR's `gr_tick`).
///
/// The result is 1, 2 or 5 × 10ⁿ, chosen from the decimal magnitude of
/// `amax - amin` exactly as GR does: with `e = log10(amax - amin)`,
/// `n = trunc(e)` and `f = 10^(e - n)`, the interval is `2·10ⁿ` if `f > 5`,
/// `10ⁿ` if `f > 2.5`, `0.5·10ⁿ` if `f > 1`, `0.2·10ⁿ` if `f > 0.5`,
/// `0.1·10ⁿ` if `f > 0.25` and `0.05·10ⁿ` otherwise. Consequently the range
/// spans more than 2 and at most 5 intervals, i.e. it contains between 2 and 6
/// multiples of the interval.
///
/// | range            | tick    |
/// |------------------|---------|
/// | (0, 1)           | 0.2     |
/// | (−1, 1)          | 0.5     |
/// | (0, 10)          | 2       |
/// | (0.1, 100000)    | 20000   |
/// | (−0.686, 1.057)  | 0.5     |
/// | (0, 0.1)         | 0.02    |
///
/// Unlike GR, the value returned is the `f64` nearest to the decimal interval
/// (GR computes `0.2 * pow(10, -1)` = `0.020000000000000004` for (0, 0.1)).
///
/// # Errors
///
/// [`TickError::NotFinite`] if a limit is NaN or infinite,
/// [`TickError::EmptyRange`] if `amin >= amax` (GR returns 0 here), and
/// [`TickError::TooNarrow`] if the interval would underflow to zero.
///
/// ```
/// use gr::ticks::tick;
/// assert_eq!(tick(0.0, 1.0).unwrap(), 0.2);
/// assert_eq!(tick(-0.686, 1.057).unwrap(), 0.5);
/// assert!(tick(1.0, 1.0).is_err());
/// ```
pub fn tick(amin: f64, amax: f64) -> Result<f64, TickError> {
    tick_parts(amin, amax).map(|(m, e)| decimal(f64::from(m), e))
}

/// Whether `[amin, amax]` can be used as a coordinate range without loss of
/// precision (GR's `gr_validaterange`).
///
/// Like GR, the width of the range relative to its first non-zero limit must
/// exceed `10⁶ · f64::EPSILON` (≈ 2.2·10⁻¹⁰); the order of the limits does not
/// matter. Unlike GR, non-finite limits are rejected (GR accepts e.g.
/// `(1, ∞)`).
///
/// ```
/// use gr::ticks::validaterange;
/// assert!(validaterange(0.0, 1.0));
/// assert!(!validaterange(1.0, 1.0 + 1e-12));
/// assert!(!validaterange(0.0, f64::NAN));
/// ```
#[must_use]
pub fn validaterange(amin: f64, amax: f64) -> bool {
    if !amin.is_finite() || !amax.is_finite() {
        return false;
    }
    let d = if amin != 0.0 {
        amin
    } else if amax != 0.0 {
        amax
    } else {
        1.0
    };
    ((amax - amin) / d).abs() * 1e-6 > f64::EPSILON
}

/// How a limit is rounded by [`adjustlimits`] / [`adjustrange`].
#[derive(Clone, Copy, PartialEq)]
enum Side {
    Down,
    Up,
}

/// Round `x` outwards to a multiple of `mantissa × 10^e`. Values that already
/// are multiples (up to floating-point noise) are kept; noise never pushes a
/// limit out by a whole unit, and the result always contains `x`.
fn round_out(x: f64, mantissa: f64, e: i32, side: Side) -> f64 {
    let unit = decimal(mantissa, e);
    // q = x / unit, with a single rounding where possible.
    let q = if mantissa == 1.0 && (0..=22).contains(&e) {
        x / 10f64.powi(e)
    } else if mantissa == 1.0 && (-22..0).contains(&e) {
        x * 10f64.powi(-e)
    } else {
        x / unit
    };
    if !q.is_finite() {
        return x;
    }
    let k = q.round();
    let near = (q - k).abs() <= 1e-9 + 4.0 * f64::EPSILON * q.abs();
    let candidate = match (near, side) {
        (true, _) => decimal(k * mantissa, e),
        (false, Side::Down) => decimal(q.floor() * mantissa, e),
        (false, Side::Up) => decimal(q.floor() * mantissa + mantissa, e),
    };
    let contains = match side {
        Side::Down => candidate <= x,
        Side::Up => candidate >= x,
    };
    if candidate.is_finite() && contains {
        candidate
    } else {
        x
    }
}

/// Widen `[amin, amax]` to round numbers (GR's `gr_adjustlimits`).
///
/// GR does *not* round to the tick interval here but to a power of ten derived
/// from the width `r = amax - amin`: with `e = floor(log10 r)`, the rounding
/// unit is `10^e` if the fractional part of `log10 r` is at least 0.5 (i.e.
/// `r ≥ 3.16·10^e`) and `10^(e-1)` otherwise. `amin` is rounded down and `amax`
/// up to multiples of that unit. Equal limits are first widened by ±1.
///
/// | input            | output        |
/// |------------------|---------------|
/// | (0, 1)           | (0, 1)        |
/// | (−0.686, 1.057)  | (−0.7, 1.1)   |
/// | (13, 47)         | (10, 50)      |
/// | (0.5, 9.5)       | (0, 10)       |
/// | (0.1, 100000)    | (0, 100000)   |
///
/// Deviations from GR: limits that are already multiples of the unit up to
/// floating-point noise are not pushed out by a whole unit (GR's
/// `ceil(x * 10) / 10` can turn `0.7` into `0.8`), results are the doubles
/// nearest to the decimal values, the result always contains the input;
/// non-finite or reversed input is returned unchanged (GR yields NaN), equal
/// limits so large that ±1 is lost to rounding are widened by a tenth of their
/// magnitude instead, and a range whose width overflows is handled.
///
/// ```
/// use gr::ticks::adjustlimits;
/// assert_eq!(adjustlimits(-0.686, 1.057), (-0.7, 1.1));
/// assert_eq!(adjustlimits(13.0, 47.0), (10.0, 50.0));
/// ```
#[must_use]
pub fn adjustlimits(amin: f64, amax: f64) -> (f64, f64) {
    if !amin.is_finite() || !amax.is_finite() || amin > amax {
        return (amin, amax);
    }
    let (mut lo, mut hi) = (amin, amax);
    if lo == hi {
        let d = if (amin - 1.0) == amin {
            0.1 * amin.abs()
        } else {
            1.0
        };
        lo = snap(amin - d, d, amin.abs() + d);
        hi = snap(amax + d, d, amin.abs() + d);
    }
    let width = hi - lo;
    let l = if width.is_finite() {
        width.log10()
    } else {
        (0.5 * hi - 0.5 * lo).log10() + 2f64.log10()
    };
    let floor = l.floor();
    let e = floor as i32 - i32::from(l - floor < 0.5);
    (
        round_out(lo, 1.0, e, Side::Down),
        round_out(hi, 1.0, e, Side::Up),
    )
}

/// Widen `[amin, amax]` to multiples of its [`tick`] interval (GR's
/// `gr_adjustrange`).
///
/// A limit that is already a multiple of the tick is kept; otherwise `amin` is
/// rounded down and `amax` up to the next multiple. Equal limits are first
/// widened by `10^trunc(log10 |amin|)` (or by 0.1 when both are zero).
///
/// | input            | output      |
/// |------------------|-------------|
/// | (−0.686, 1.057)  | (−1, 1.5)   |
/// | (−5, 5)          | (−6, 6)     |
/// | (0, 7)           | (0, 8)      |
/// | (3, 3)           | (2, 4)      |
/// | (0, 0)           | (−0.1, 0.1) |
///
/// Deviations from GR: the same noise handling as [`adjustlimits`] (GR turns
/// (0, 0.3) into (0, 0.30000000000000004), and (0.05, 0.05) into (−0.05, 0.2)
/// because 0.05 + 0.1 = 0.15000000000000002; here it becomes (−0.05, 0.15));
/// non-finite or reversed input, and input whose widening overflows, is
/// returned unchanged.
///
/// ```
/// use gr::ticks::adjustrange;
/// assert_eq!(adjustrange(-0.686, 1.057), (-1.0, 1.5));
/// assert_eq!(adjustrange(0.0, 0.3), (0.0, 0.3));
/// ```
#[must_use]
pub fn adjustrange(amin: f64, amax: f64) -> (f64, f64) {
    if !amin.is_finite() || !amax.is_finite() || amin > amax {
        return (amin, amax);
    }
    let (mut lo, mut hi) = (amin, amax);
    if lo == hi {
        let d = if lo != 0.0 {
            decimal(1.0, lo.abs().log10().trunc() as i32)
        } else {
            0.1
        };
        // Remove the noise of the widening (0.05 + 0.1 = 0.15000000000000002).
        let magnitude = lo.abs() + d;
        lo = snap(lo - d, d, magnitude);
        hi = snap(hi + d, d, magnitude);
    }
    let Ok((m, e)) = tick_parts(lo, hi) else {
        return (amin, amax);
    };
    let m = f64::from(m);
    (
        round_out(lo, m, e, Side::Down),
        round_out(hi, m, e, Side::Up),
    )
}

/// All positions `origin + k·tick` (integer `k`) inside `[amin, amax]`, in
/// ascending order.
///
/// The positions are computed as `origin + k·tick` and then snapped onto the
/// decimal grid they are meant to lie on (moving them by at most 10⁻⁹·tick
/// plus a few ulps), so ticks of 0.1 over [0, 1] are exactly the 11 doubles
/// `0.0, 0.1, 0.2, 0.3, …, 1.0` and values within that tolerance of zero become
/// `0.0` (never `-0.0`). Range ends are included with the same tolerance and
/// every returned value lies within `[amin, amax]`.
///
/// GR's own axes use `origin = 0` (ticks are multiples of the interval); pass
/// the axis origin to align ticks with it instead. As in GR's `gr_axes`, if the
/// range would contain more than [`MAX_TICKS`] intervals, the automatic
/// [`tick`] interval is used instead. Non-finite arguments, `tick <= 0` or
/// `amin > amax` give an empty vector.
///
/// ```
/// use gr::ticks::linear_ticks;
/// let t = linear_ticks(0.0, 1.0, 0.1, 0.0);
/// assert_eq!(t.len(), 11);
/// assert_eq!(t[3], 0.3);
/// assert_eq!(linear_ticks(-1.0, 1.0, 0.5, 0.25), vec![-0.75, -0.25, 0.25, 0.75]);
/// ```
#[must_use]
pub fn linear_ticks(amin: f64, amax: f64, tick: f64, origin: f64) -> Vec<f64> {
    if !(amin.is_finite() && amax.is_finite() && tick.is_finite() && origin.is_finite())
        || tick <= 0.0
        || amin > amax
    {
        return Vec::new();
    }
    let mut tick = tick;
    if (amax - amin) / tick > MAX_TICKS as f64 {
        match self::tick(amin, amax) {
            Ok(t) => tick = t,
            Err(_) => return Vec::new(),
        }
    }
    let eps = 1e-9;
    let kmin = ((amin - origin) / tick - eps).ceil();
    let kmax = ((amax - origin) / tick + eps).floor();
    if !kmin.is_finite() || !kmax.is_finite() || kmax < kmin {
        return Vec::new();
    }
    let count = ((kmax - kmin) as usize).min(MAX_TICKS + 2);
    let magnitude = amin.abs().max(amax.abs()).max(origin.abs());
    let tol = grid_tolerance(tick, magnitude);
    let mut out: Vec<f64> = Vec::with_capacity(count + 1);
    for i in 0..=count {
        let raw = origin + (kmin + i as f64) * tick;
        let mut v = snap(raw, tick, magnitude);
        if v < amin {
            if amin - v <= tol {
                v = amin;
            } else {
                continue;
            }
        }
        if v > amax {
            if v - amax <= tol {
                v = amax;
            } else {
                continue;
            }
        }
        if out.last().is_none_or(|&last| v > last) {
            out.push(v);
        }
    }
    out
}

/// Tick positions of a logarithmic axis over `[amin, amax]`, ascending, as
/// `(value, is_major)` pairs.
///
/// For base 10 these are the decades `10^k` (major, `true`) and the minor ticks
/// `j·10^k` for `j = 2..=9` (`false`) — the positions GR's `gr_axes` marks on a
/// logarithmic axis. For any other base only the integer powers `base^k` are
/// returned, all major. Values are the doubles nearest to the decimal numbers
/// (`3e-5`, not `3 * 1e-5`) and are included if they lie within a relative
/// 10⁻¹² of the range (so `10^-3` is found even if `amin` was computed as
/// `0.0010000000000000002`).
///
/// Requires `0 < amin <= amax`, finite limits and a finite `base > 1`;
/// otherwise the result is empty. At most [`MAX_LOG_TICKS`] entries are
/// returned.
///
/// ```
/// use gr::ticks::log_ticks;
/// let t = log_ticks(1.0, 100.0, 10.0);
/// assert_eq!(t.len(), 19);
/// assert_eq!(t[0], (1.0, true));
/// assert_eq!(t[1], (2.0, false));
/// assert_eq!(log_ticks(1.0, 10.0, 2.0), vec![(1.0, true), (2.0, true), (4.0, true), (8.0, true)]);
/// ```
#[must_use]
pub fn log_ticks(amin: f64, amax: f64, base: f64) -> Vec<(f64, bool)> {
    let valid = amin.is_finite()
        && amax.is_finite()
        && base.is_finite()
        && amin > 0.0
        && amax >= amin
        && base > 1.0;
    if !valid {
        return Vec::new();
    }
    let lo = amin * (1.0 - 1e-12);
    let hi = amax * (1.0 + 1e-12);
    let mut out = Vec::new();
    if base == 10.0 {
        let kmin = dec_exp(lo);
        let kmax = dec_exp(hi);
        'outer: for k in kmin..=kmax {
            for j in 1..=9u8 {
                let v = decimal(f64::from(j), k);
                if v > hi || out.len() >= MAX_LOG_TICKS {
                    break 'outer;
                }
                if v >= lo {
                    out.push((v, j == 1));
                }
            }
        }
    } else {
        let lb = base.ln();
        let kmin = ((amin.ln() / lb) - 1e-9).ceil() as i64;
        let kmax = ((amax.ln() / lb) + 1e-9).floor() as i64;
        let last = kmax.min(kmin.saturating_add(MAX_LOG_TICKS as i64 - 1));
        for k in kmin..=last {
            if let Some(v) = int_power(base, k) {
                if v >= lo && v <= hi {
                    out.push((v, true));
                }
            }
        }
    }
    out
}

/// `base^k` for integer `k`, exact for powers of two and for integer bases
/// whose power is an exactly representable integer (its reciprocal is then
/// correctly rounded); `None` if it over- or underflows.
fn int_power(base: f64, k: i64) -> Option<f64> {
    if base == 2.0 {
        return match k {
            -1022..=1023 => Some(f64::from_bits(((k + 1023) as u64) << 52)),
            -1074..=-1023 => Some(f64::from_bits(1u64 << (k + 1074))),
            _ => None,
        };
    }
    let k32 = i32::try_from(k).ok()?;
    let p = base.powi(k32.checked_abs()?);
    let v = if k32 >= 0 { p } else { 1.0 / p };
    (v.is_finite() && v > 0.0).then_some(v)
}

#[cfg(test)]
mod tests;
