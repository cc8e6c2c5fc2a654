//! Pure data algorithms behind GR's aggregating plot functions.
//!
//! Nothing in here draws: every function turns input arrays into numbers or
//! geometry that the [`Gr`](crate::Gr) context then hands to the kernel.
//!
//! * [`hexbin`](fn@hexbin) — GR's hexagonal binning (`gr_hexbin`), with
//!   [`hexagon`] for the cell outlines.
//! * [`gradient`], [`arrow_shapes`] and [`arrow_head`] — `gr_gradient`, the
//!   arrow layout of `gr_quiver` and the 18 arrow styles of `gr_drawarrow`.
//! * [`reducepoints`] — `gr_reducepoints`, min/max decimation of a polyline.
//! * [`shadepoints`] and [`shadelines`] — GR's data shading
//!   (`gr_shadepoints`, `gr_shadelines`): counts on a raster, mapped to
//!   `0..=1` intensities by a transfer function.
//!
//! All functions validate their input and report problems as [`AlgoError`];
//! none of them panics, whatever the input (empty slices, NaN, infinities,
//! huge values). Non-finite data points are skipped where a point cannot be
//! placed.

pub mod hexbin;
pub mod interp;
pub mod quiver;
pub mod reduce;
pub mod shade;
pub mod spline;

pub use hexbin::{hexagon, hexbin, Hexbin};
pub use interp::{gridit, interp2};
pub use quiver::{arrow_head, arrow_shapes, gradient, Arrow, ArrowGeometry};
pub use reduce::reducepoints;
pub use shade::{shadelines, shadepoints, Xform};
pub use spline::spline;

/// What can be wrong with the input of an algorithm in this module.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AlgoError {
    /// Two arrays that pair up element by element differ in length.
    #[error("{a} and {b} must have the same length, got {len_a} and {len_b}")]
    LengthMismatch {
        /// Name of the first array.
        a: &'static str,
        /// Name of the second array.
        b: &'static str,
        /// Length of the first array.
        len_a: usize,
        /// Length of the second array.
        len_b: usize,
    },
    /// A grid-valued array does not have `nx * ny` elements.
    #[error(
        "{name} must have nx*ny = {nx}*{ny} = {expected} values (x-major, x fastest), got {len}"
    )]
    GridSize {
        /// Name of the grid-valued array.
        name: &'static str,
        /// Number of grid points along x.
        nx: usize,
        /// Number of grid points along y.
        ny: usize,
        /// `nx * ny` (saturating).
        expected: usize,
        /// Actual length.
        len: usize,
    },
    /// An array that must not be empty is empty.
    #[error("{name} must not be empty")]
    Empty {
        /// Name of the array.
        name: &'static str,
    },
    /// Grid coordinates are not strictly ascending.
    #[error("{name} must be strictly ascending, but {name}[{index}] = {value} does not exceed {name}[{prev_index}] = {prev}")]
    NotAscending {
        /// Name of the coordinate array.
        name: &'static str,
        /// Index of the offending element.
        index: usize,
        /// Index of the element before it.
        prev_index: usize,
        /// The offending value.
        value: f64,
        /// The value before it.
        prev: f64,
    },
    /// A window `[xmin, xmax, ymin, ymax]` is not finite or empty.
    #[error("invalid window [{xmin}, {xmax}, {ymin}, {ymax}]: need finite values with xmin < xmax and ymin < ymax")]
    InvalidWindow {
        /// Left edge.
        xmin: f64,
        /// Right edge.
        xmax: f64,
        /// Bottom edge.
        ymin: f64,
        /// Top edge.
        ymax: f64,
    },
    /// A scalar parameter is out of its range.
    #[error("invalid {name} = {value}: {reason}")]
    InvalidParameter {
        /// Parameter name.
        name: &'static str,
        /// The value as given, formatted.
        value: String,
        /// What the value must satisfy.
        reason: &'static str,
    },
    /// The requested output would need an unreasonable amount of memory.
    #[error("{what} would need {requested} cells, more than the limit of {limit}; {hint}")]
    TooLarge {
        /// What was being allocated.
        what: &'static str,
        /// Number of cells requested (saturating).
        requested: usize,
        /// The limit.
        limit: usize,
        /// How to get below the limit.
        hint: &'static str,
    },
    /// A transfer function number outside GR's `0..=5`.
    #[error("unknown transfer function {0}: expected 0 (boolean), 1 (linear), 2 (log), 3 (log-log), 4 (cubic) or 5 (equalized)")]
    UnknownXform(i32),
}

/// Checks that a window `[xmin, xmax, ymin, ymax]` is finite and non-empty.
pub(crate) fn check_window(window: [f64; 4]) -> Result<(), AlgoError> {
    let [xmin, xmax, ymin, ymax] = window;
    let ok = window.iter().all(|v| v.is_finite())
        && xmin < xmax
        && ymin < ymax
        && (xmax - xmin).is_finite()
        && (ymax - ymin).is_finite();
    if ok {
        Ok(())
    } else {
        Err(AlgoError::InvalidWindow {
            xmin,
            xmax,
            ymin,
            ymax,
        })
    }
}

/// Checks that two paired arrays have the same length.
pub(crate) fn check_same_len(
    a: &'static str,
    len_a: usize,
    b: &'static str,
    len_b: usize,
) -> Result<(), AlgoError> {
    if len_a == len_b {
        Ok(())
    } else {
        Err(AlgoError::LengthMismatch { a, b, len_a, len_b })
    }
}

#[cfg(test)]
pub(crate) mod testutil {
    //! A tiny deterministic random source for property tests.

    /// 64-bit linear congruential generator (Knuth's MMIX constants).
    pub struct Lcg(u64);

    impl Lcg {
        /// A generator seeded with `seed`.
        pub fn new(seed: u64) -> Self {
            Lcg(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(1))
        }

        /// Next 64 random bits (the high half of the state is the good part).
        pub fn next_u64(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let hi = self.0 >> 32;
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (hi << 32) | (self.0 >> 32)
        }

        /// Uniform in `[0, 1)`.
        pub fn f64(&mut self) -> f64 {
            (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
        }

        /// Uniform in `[lo, hi)`.
        pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
            lo + (hi - lo) * self.f64()
        }

        /// Uniform integer in `0..n` (`n > 0`).
        pub fn below(&mut self, n: usize) -> usize {
            (self.next_u64() % n as u64) as usize
        }

        /// Approximately normal(0, 1) (sum of 4 uniforms, rescaled).
        pub fn normal(&mut self) -> f64 {
            let s: f64 = (0..4).map(|_| self.f64()).sum::<f64>() - 2.0;
            s * 3f64.sqrt()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_messages_say_what_is_wrong() {
        let e = check_same_len("x", 3, "y", 2).unwrap_err();
        assert_eq!(
            e.to_string(),
            "x and y must have the same length, got 3 and 2"
        );
        let e = check_window([1.0, 0.0, 0.0, 1.0]).unwrap_err();
        assert!(e.to_string().contains("xmin < xmax"), "{e}");
        assert!(check_window([0.0, f64::NAN, 0.0, 1.0]).is_err());
        assert!(check_window([-f64::MAX, f64::MAX, 0.0, 1.0]).is_err());
        assert!(check_window([0.0, 1.0, 0.0, 1.0]).is_ok());
        assert!(AlgoError::UnknownXform(9)
            .to_string()
            .contains("unknown transfer function 9"));
    }
}
