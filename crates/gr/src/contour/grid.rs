//! The input grid of the contour algorithms and their error type.

/// Errors reported for invalid contour input.
///
/// Every message names the offending value so that a user can find the
/// problem in their data.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ContourError {
    /// Fewer than two x or y coordinates (a grid needs at least one cell).
    #[error("grid too small: need at least 2 x and 2 y coordinates, got nx = {nx}, ny = {ny}")]
    GridTooSmall {
        /// Number of x coordinates.
        nx: usize,
        /// Number of y coordinates.
        ny: usize,
    },
    /// The number of z values is not `nx * ny`.
    #[error("z has {actual} values but nx * ny = {nx} * {ny} = {expected}")]
    LengthMismatch {
        /// Number of x coordinates.
        nx: usize,
        /// Number of y coordinates.
        ny: usize,
        /// `nx * ny`.
        expected: usize,
        /// `z.len()`.
        actual: usize,
    },
    /// A grid coordinate is NaN or infinite.
    #[error("{axis} must be finite: {axis}[{index}] = {value}")]
    NonFiniteCoordinate {
        /// `"x"` or `"y"`.
        axis: &'static str,
        /// Index of the offending coordinate.
        index: usize,
        /// The offending value.
        value: f64,
    },
    /// Grid coordinates are not strictly increasing.
    #[error("{axis} must be strictly increasing: {axis}[{index}] = {value} <= {axis}[{prev_index}] = {prev}")]
    NotIncreasing {
        /// `"x"` or `"y"`.
        axis: &'static str,
        /// Index of the offending coordinate.
        index: usize,
        /// The offending value.
        value: f64,
        /// `index - 1`.
        prev_index: usize,
        /// The preceding value.
        prev: f64,
    },
    /// No contour levels were given.
    #[error("no contour levels given: need at least one level")]
    EmptyLevels,
    /// A contour level is NaN or infinite.
    #[error("contour levels must be finite: levels[{index}] = {value}")]
    NonFiniteLevel {
        /// Index of the offending level.
        index: usize,
        /// The offending value.
        value: f64,
    },
    /// Contour levels are not strictly increasing.
    #[error("contour levels must be strictly increasing: levels[{index}] = {value} <= levels[{prev_index}] = {prev}")]
    LevelsNotIncreasing {
        /// Index of the offending level.
        index: usize,
        /// The offending value.
        value: f64,
        /// `index - 1`.
        prev_index: usize,
        /// The preceding level.
        prev: f64,
    },
}

/// A rectilinear, possibly non-uniform grid of z values.
///
/// `z[j * nx + i]` is the value at `(x[i], y[j])` (x varies fastest), with
/// `nx = x.len()` and `ny = y.len()`. Non-finite z values (NaN, ±inf) mark
/// holes: every cell touching such a value is excluded from contouring.
///
/// Build a grid with [`Grid::new`], which validates the input. The fields
/// are public for convenient read access; the contour functions tolerate a
/// hand-built grid whose lengths do not match (they return no output) but
/// assume the coordinates are strictly increasing.
#[derive(Debug, Clone, Copy)]
pub struct Grid<'a> {
    /// The x coordinates of the grid columns (strictly increasing, `nx >= 2`).
    pub x: &'a [f64],
    /// The y coordinates of the grid rows (strictly increasing, `ny >= 2`).
    pub y: &'a [f64],
    /// The `nx * ny` values, x varying fastest.
    pub z: &'a [f64],
}

impl<'a> Grid<'a> {
    /// Validates and wraps the grid data.
    ///
    /// Checks that there are at least two x and two y coordinates, that
    /// `z.len() == x.len() * y.len()`, and that `x` and `y` are finite and
    /// strictly increasing. z may contain NaN (holes).
    ///
    /// # Errors
    ///
    /// [`ContourError::GridTooSmall`], [`ContourError::LengthMismatch`],
    /// [`ContourError::NonFiniteCoordinate`] or [`ContourError::NotIncreasing`].
    pub fn new(x: &'a [f64], y: &'a [f64], z: &'a [f64]) -> Result<Self, ContourError> {
        let (nx, ny) = (x.len(), y.len());
        if nx < 2 || ny < 2 {
            return Err(ContourError::GridTooSmall { nx, ny });
        }
        let expected = nx.saturating_mul(ny);
        if z.len() != expected {
            return Err(ContourError::LengthMismatch {
                nx,
                ny,
                expected,
                actual: z.len(),
            });
        }
        check_axis("x", x)?;
        check_axis("y", y)?;
        Ok(Grid { x, y, z })
    }

    /// Number of x coordinates (grid columns).
    pub fn nx(&self) -> usize {
        self.x.len()
    }

    /// Number of y coordinates (grid rows).
    pub fn ny(&self) -> usize {
        self.y.len()
    }

    /// The value at `(x[i], y[j])`.
    ///
    /// # Panics
    ///
    /// If `i >= nx`, `j >= ny` or z is too short.
    pub fn value(&self, i: usize, j: usize) -> f64 {
        assert!(
            i < self.nx() && j < self.ny(),
            "grid index ({i}, {j}) out of range"
        );
        self.z[j * self.nx() + i]
    }

    /// Smallest and largest finite z value, or `None` if there is none.
    pub fn z_range(&self) -> Option<(f64, f64)> {
        self.z
            .iter()
            .copied()
            .filter(|v| v.is_finite())
            .fold(None, |acc, v| match acc {
                None => Some((v, v)),
                Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
            })
    }

    /// Whether the lengths are consistent (what [`Grid::new`] checks about
    /// lengths); the algorithms return no output for inconsistent grids.
    pub(crate) fn is_consistent(&self) -> bool {
        let (nx, ny) = (self.x.len(), self.y.len());
        nx >= 2 && ny >= 2 && nx.checked_mul(ny) == Some(self.z.len())
    }
}

fn check_axis(axis: &'static str, v: &[f64]) -> Result<(), ContourError> {
    for (index, &value) in v.iter().enumerate() {
        if !value.is_finite() {
            return Err(ContourError::NonFiniteCoordinate { axis, index, value });
        }
        if index > 0 && value <= v[index - 1] {
            return Err(ContourError::NotIncreasing {
                axis,
                index,
                value,
                prev_index: index - 1,
                prev: v[index - 1],
            });
        }
    }
    Ok(())
}

/// Checks that contour levels are non-empty, finite and strictly increasing.
pub(crate) fn check_levels(levels: &[f64]) -> Result<(), ContourError> {
    if levels.is_empty() {
        return Err(ContourError::EmptyLevels);
    }
    for (index, &value) in levels.iter().enumerate() {
        if !value.is_finite() {
            return Err(ContourError::NonFiniteLevel { index, value });
        }
        if index > 0 && value <= levels[index - 1] {
            return Err(ContourError::LevelsNotIncreasing {
                index,
                value,
                prev_index: index - 1,
                prev: levels[index - 1],
            });
        }
    }
    Ok(())
}

/// `n` equally spaced levels `zmin + (zmax - zmin) * k / n`, `k = 0..n`:
/// GR's default when `contourf` is called without levels (with `n = 16`).
///
/// Returns an empty vector if `n == 0` or the range is not finite, and the
/// single level `zmin` if `zmax <= zmin` (constant data). The result is
/// always strictly increasing (levels that round to the same value are
/// merged), so it can be passed to [`contour_bands`](super::contour_bands).
pub fn uniform_levels(zmin: f64, zmax: f64, n: usize) -> Vec<f64> {
    if n == 0 || !zmin.is_finite() || !zmax.is_finite() {
        return Vec::new();
    }
    if zmax <= zmin {
        return vec![zmin];
    }
    let mut levels: Vec<f64> = (0..n)
        .map(|k| zmin + (zmax - zmin) * k as f64 / n as f64)
        .collect();
    // A range that is tiny relative to zmin can round to repeated levels.
    levels.dedup();
    levels
}
