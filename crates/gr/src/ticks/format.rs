//! Number formatting for tick labels.
//!
//! GR formats axis labels with one common format per axis (`gr_getformat` /
//! `str_get_format_reference`): the number of decimals is derived from the
//! tick interval, and if any labelled value is very large or very small the
//! whole axis switches to scientific notation. Each value is then printed with
//! at least that many decimals (`gr_ftoa` / `str_ftoa`), exact zero as `"0"`.
//! For ticks 0, 0.5, 1 GR prints `0`, `0.5`, `1.0`.
//!
//! [`TickFormat`] reproduces this with a few deliberate changes:
//!
//! * The number of decimals is the finest decimal position needed by the tick
//!   interval *or any labelled value* (GR only looks at the interval), so
//!   labels offset from the interval grid are not truncated; all labels of an
//!   axis share it (GR may print more digits for individual values).
//! * Values are rounded to that position before printing, so floating-point
//!   noise never shows (`0.30000000000000004` prints as `0.3`, `-1e-17` on an
//!   axis with interval 0.1 prints as `0`, never `-0`).
//! * Scientific notation is chosen with matplotlib's default power limits
//!   ([`SciLimits::DEFAULT`]: some labelled non-zero value has `|v| >= 10⁶` or
//!   `|v| < 10⁻⁴`); GR's own limits (`10¹⁴` and `10⁻¹³`) are available as
//!   [`SciLimits::GR`]. In scientific mode all mantissas share one number of
//!   decimals (GR strips trailing zeros per label).
//! * Negative numbers use the typographic minus sign U+2212 ([`MINUS_SIGN`]),
//!   as matplotlib does; GR uses the ASCII hyphen-minus, available as
//!   [`HYPHEN_MINUS`] via [`TickFormat::with_minus`].
//!
//! [`TickFormat::format`] renders scientific values as `1.5E6` (GR's default
//! `SCIENTIFIC_FORMAT_OPTION_E`); renderers that can draw superscripts use
//! [`TickFormat::label`], which returns mantissa and exponent separately, and
//! [`log_label`] for the `10^k` labels of logarithmic axes.

use std::fmt;

use super::{coarsest_position, dec_exp, decimal, grid_tolerance};

/// The typographic minus sign (U+2212) used by default for negative labels.
pub const MINUS_SIGN: char = '\u{2212}';

/// The ASCII hyphen-minus GR itself uses for negative labels.
pub const HYPHEN_MINUS: char = '-';

/// Decimal-exponent limits beyond which an axis is labelled in scientific
/// notation.
///
/// A non-zero value `v` with decimal exponent `e = floor(log10 |v|)` needs
/// scientific notation if `e <= low` or `e >= high`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SciLimits {
    /// Exponents at or below this switch to scientific notation.
    pub low: i32,
    /// Exponents at or above this switch to scientific notation.
    pub high: i32,
}

impl SciLimits {
    /// matplotlib's default `axes.formatter.limits` (−5, 6): scientific for
    /// `|v| < 10⁻⁴` or `|v| >= 10⁶`.
    pub const DEFAULT: SciLimits = SciLimits { low: -5, high: 6 };

    /// GR's `SCIENTIFIC_EXP_LOW` / `SCIENTIFIC_EXP_HIGH` (−14, 14): scientific
    /// for `|v| < 10⁻¹³` or `|v| >= 10¹⁴`.
    pub const GR: SciLimits = SciLimits { low: -14, high: 14 };

    /// Whether a value with decimal exponent `exponent` needs scientific
    /// notation under these limits.
    #[must_use]
    pub fn needs_scientific(&self, exponent: i32) -> bool {
        exponent <= self.low || exponent >= self.high
    }
}

impl Default for SciLimits {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// A formatted tick label, split so that renderers can typeset the exponent as
/// a superscript (`mantissa × 10^exponent`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TickLabel {
    /// The number, or in scientific notation the mantissa (e.g. `"1.5"`,
    /// `"−2"`, `"0"`).
    pub mantissa: String,
    /// The decimal exponent in scientific notation (e.g. `"6"`, `"−5"`),
    /// `None` for plain numbers.
    pub exponent: Option<String>,
}

impl fmt::Display for TickLabel {
    /// Plain numbers as they are, scientific ones as `mantissaEexponent`
    /// (GR's default scientific format, e.g. `1.5E6`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.mantissa)?;
        if let Some(e) = &self.exponent {
            write!(f, "E{e}")?;
        }
        Ok(())
    }
}

/// One common number format for all labels of an axis.
///
/// Build it with [`TickFormat::for_ticks`] from the values to be labelled and
/// the tick interval, then render each value with [`format`](Self::format) or
/// [`label`](Self::label).
///
/// ```
/// use gr::ticks::{linear_ticks, TickFormat};
/// let ticks = linear_ticks(-1.0, 1.0, 0.5, 0.0);
/// let fmt = TickFormat::for_ticks(&ticks, 0.5);
/// let labels: Vec<String> = ticks.iter().map(|&v| fmt.format(v)).collect();
/// assert_eq!(labels, ["\u{2212}1.0", "\u{2212}0.5", "0", "0.5", "1.0"]);
///
/// let big = TickFormat::for_ticks(&[0.0, 1e6, 2e6], 1e6);
/// assert_eq!(big.format(2e6), "2E6");
/// assert_eq!(big.label(2e6).exponent.as_deref(), Some("6"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct TickFormat {
    /// Digits after the decimal point (of the mantissa, in scientific mode).
    pub decimals: usize,
    /// Whether labels are written as mantissa × 10^exponent.
    pub scientific: bool,
    /// The character used as minus sign (default [`MINUS_SIGN`]).
    pub minus: char,
    /// Print zero with the common number of decimals (`0.0`) instead of GR's
    /// plain `0` (default `false`).
    pub pad_zero: bool,
    /// In scientific mode, magnitudes below this print as zero (noise around
    /// zero on an axis whose ticks are much larger).
    zero_threshold: f64,
}

impl Default for TickFormat {
    /// Plain integers: `TickFormat::plain(0)`.
    fn default() -> Self {
        Self::plain(0)
    }
}

impl TickFormat {
    /// A plain (non-scientific) format with `decimals` digits after the point.
    #[must_use]
    pub fn plain(decimals: usize) -> Self {
        TickFormat {
            decimals,
            scientific: false,
            minus: MINUS_SIGN,
            pad_zero: false,
            zero_threshold: 0.0,
        }
    }

    /// A scientific format with `decimals` mantissa digits after the point.
    #[must_use]
    pub fn scientific(decimals: usize) -> Self {
        TickFormat {
            scientific: true,
            ..Self::plain(decimals)
        }
    }

    /// The same format with another minus sign (e.g. [`HYPHEN_MINUS`] for
    /// GR-identical output).
    #[must_use]
    pub fn with_minus(mut self, minus: char) -> Self {
        self.minus = minus;
        self
    }

    /// The same format, printing zero as `0.0…` (`true`) or `0` (`false`).
    #[must_use]
    pub fn with_pad_zero(mut self, pad_zero: bool) -> Self {
        self.pad_zero = pad_zero;
        self
    }

    /// The common format for labelling `values` on an axis with interval
    /// `tick`, using [`SciLimits::DEFAULT`].
    ///
    /// `tick` is the distance between labelled values (for GR's `gr_axes`,
    /// the minor interval times `major`); pass 0 if there is none, then only
    /// the values determine the decimals. Non-finite values are ignored.
    #[must_use]
    pub fn for_ticks(values: &[f64], tick: f64) -> Self {
        Self::for_ticks_with(values, tick, SciLimits::DEFAULT)
    }

    /// Like [`for_ticks`](Self::for_ticks) with explicit scientific-notation
    /// limits (e.g. [`SciLimits::GR`]).
    #[must_use]
    pub fn for_ticks_with(values: &[f64], tick: f64, limits: SciLimits) -> Self {
        let tick_ok = tick.is_finite() && tick > 0.0;
        // Finest decimal position needed (value is a multiple of 10^pos).
        let mut pos: Option<i32> = None;
        if tick_ok {
            let (p, _) = coarsest_position(tick, dec_exp(tick), grid_tolerance(0.0, tick));
            pos = Some(p);
        }
        let mut rounded = Vec::with_capacity(values.len());
        for &v in values.iter().filter(|v| v.is_finite() && **v != 0.0) {
            let start = if tick_ok { dec_exp(tick) } else { dec_exp(v) };
            let (p, c) = coarsest_position(v, start, grid_tolerance(tick, v));
            pos = Some(pos.map_or(p, |q| q.min(p)));
            if c != 0.0 {
                rounded.push(c);
            }
        }
        let pos = pos.unwrap_or(0);
        let scientific = rounded.iter().any(|&c| limits.needs_scientific(dec_exp(c)));
        if scientific {
            let decimals = rounded
                .iter()
                .map(|&c| (dec_exp(c) - pos).clamp(0, 17) as usize)
                .max()
                .unwrap_or(0);
            TickFormat {
                zero_threshold: decimal(5.0, pos - 1),
                ..Self::scientific(decimals)
            }
        } else {
            Self::plain(pos.min(0).unsigned_abs() as usize)
        }
    }

    fn signed(&self, negative: bool, digits: &str) -> String {
        if negative {
            let mut s = String::with_capacity(digits.len() + 3);
            s.push(self.minus);
            s.push_str(digits);
            s
        } else {
            digits.to_owned()
        }
    }

    fn zero(&self) -> TickLabel {
        let mantissa = if self.pad_zero {
            format!("{:.*}", self.decimals, 0.0)
        } else {
            "0".to_owned()
        };
        TickLabel {
            mantissa,
            exponent: None,
        }
    }

    /// The label of `v`, split into mantissa and exponent.
    ///
    /// Plain labels have `exponent == None`. Values that round to zero give
    /// `"0"` (or `"0.0…"` with [`pad_zero`](Self::pad_zero)); NaN gives
    /// `"nan"` and infinities `"inf"` / `"−inf"` (as GR).
    #[must_use]
    pub fn label(&self, v: f64) -> TickLabel {
        if v.is_nan() {
            return TickLabel {
                mantissa: "nan".to_owned(),
                exponent: None,
            };
        }
        if v.is_infinite() {
            return TickLabel {
                mantissa: self.signed(v < 0.0, "inf"),
                exponent: None,
            };
        }
        let is_zero_text = |s: &str| s.bytes().all(|b| b == b'0' || b == b'.');
        if !self.scientific {
            let digits = format!("{:.*}", self.decimals, v.abs());
            if is_zero_text(&digits) {
                return self.zero();
            }
            return TickLabel {
                mantissa: self.signed(v < 0.0, &digits),
                exponent: None,
            };
        }
        if v == 0.0 || v.abs() < self.zero_threshold {
            return self.zero();
        }
        let text = format!("{:.*e}", self.decimals, v.abs());
        let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
        let exponent: i32 = exponent.parse().unwrap_or(0);
        TickLabel {
            mantissa: self.signed(v < 0.0, mantissa),
            exponent: Some(self.signed(exponent < 0, &exponent.unsigned_abs().to_string())),
        }
    }

    /// The label of `v` as one string: plain numbers as they are, scientific
    /// ones as `1.5E6` (GR's default scientific format). See
    /// [`label`](Self::label) for the parts.
    #[must_use]
    pub fn format(&self, v: f64) -> String {
        self.label(v).to_string()
    }
}

/// Base and exponent strings of the logarithmic-axis label `base^exponent`,
/// for drawing the exponent as a superscript (GR labels log axes `10^{k}`).
///
/// The base is `"10"`, `"2"`, `"e"` for Euler's number, or the shortest decimal
/// representation of any other base; negative exponents use [`MINUS_SIGN`].
///
/// ```
/// use gr::ticks::log_label;
/// assert_eq!(log_label(-1, 10.0), ("10".to_string(), "\u{2212}1".to_string()));
/// assert_eq!(log_label(3, std::f64::consts::E), ("e".to_string(), "3".to_string()));
/// ```
#[must_use]
pub fn log_label(exponent: i32, base: f64) -> (String, String) {
    let base_text = if (base - std::f64::consts::E).abs() <= 4.0 * f64::EPSILON {
        "e".to_owned()
    } else {
        // `{}` prints integral floats without a fractional part ("10", "2").
        format!("{base}")
    };
    let exponent_text = if exponent < 0 {
        format!("{MINUS_SIGN}{}", exponent.unsigned_abs())
    } else {
        exponent.to_string()
    };
    (base_text, exponent_text)
}
