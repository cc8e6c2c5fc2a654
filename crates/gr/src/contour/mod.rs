//! Contour lines and filled contour bands on rectilinear grids.
//!
//! These are the pure algorithms behind GR's `contour` and `contourf`: they
//! turn a (possibly non-uniform) grid of values into polylines and polygons
//! in data coordinates; drawing happens elsewhere.
//!
//! # Method
//!
//! Marching squares with linear interpolation along cell edges:
//!
//! * A grid value is *above* a level `L` if `z >= L` (as in GR), so a band
//!   `[lo, hi)` contains the values with `lo <= z < hi`.
//! * Within a cell, a level's crossing points on the cell sides are joined
//!   by straight chords. In the ambiguous saddle case (diagonal corners on
//!   the same side of `L`) the mean of the four corner values decides: if it
//!   is `>= L` the above corners are connected, otherwise they are separated.
//!   [`contour_lines`] and [`contour_band`] use the same chords, so contour
//!   lines are exactly the boundaries of the filled bands, and neighbouring
//!   bands share their boundaries exactly (no gaps, no overlaps).
//! * Cells with a non-finite corner value (NaN holes) are excluded.
//! * Bands are traced as whole regions across cells: the output polygons
//!   follow the band boundary (contour chords plus the pieces of the domain
//!   or hole boundary inside the band), so smooth data gives few, large
//!   polygons and filling them shows no seams between cells.
//!
//! * [`contour_regions`] traces the nested superlevel regions `z >= h[k]`
//!   instead (each contour line once); `contourf` paints them in order, so
//!   anti-aliased band edges are drawn over the lower band, never over the
//!   background (no seams).
//!
//! Polygons are meant to be filled with the even-odd rule; outer rings run
//! counter-clockwise and holes clockwise (band on the left), so the signed
//! shoelace areas of a band's rings also sum to its area.
//!
//! # Example
//!
//! ```
//! use gr::contour::{contour_bands, contour_lines, Grid};
//!
//! let x = [0.0, 1.0, 3.0];
//! let y = [0.0, 2.0];
//! let z = [0.0, 1.0, 2.0, 1.0, 2.0, 3.0];
//! let grid = Grid::new(&x, &y, &z).unwrap();
//! let lines = contour_lines(&grid, 1.5);
//! assert_eq!(lines.len(), 1);
//! let bands = contour_bands(&grid, &[1.0, 2.0]).unwrap();
//! assert_eq!(bands.len(), 2);
//! ```

mod bands;
mod grid;
mod link;
mod march;

#[cfg(test)]
mod tests;

pub use bands::{contour_band, contour_bands, contour_regions};
pub use grid::{uniform_levels, ContourError, Grid};

use march::{Mesh, Seg};

/// One ring of a band polygon, or one contour polyline: points `(x, y)` in
/// data coordinates.
pub type Ring = Vec<(f64, f64)>;

/// The polygons of one filled band: outer rings and holes, to be filled
/// together with the even-odd rule.
pub type Band = Vec<Ring>;

/// Contour lines of one level: polylines in data coordinates, joined across
/// cells into continuous lines (closed loops have first == last point).
///
/// Every vertex lies on a grid edge, where the linearly interpolated value
/// equals `level`. Lines are oriented with the region `z >= level` on their
/// left. Open lines start and end on the boundary of the grid or of a NaN
/// hole. A non-finite `level` or a grid whose lengths are inconsistent gives
/// no lines.
pub fn contour_lines(grid: &Grid, level: f64) -> Vec<Vec<(f64, f64)>> {
    let Some(mesh) = Mesh::new(grid) else {
        return Vec::new();
    };
    if !level.is_finite() {
        return Vec::new();
    }
    let mut segs: Vec<Seg> = Vec::new();
    mesh.level_chords(level, 0, 1, &mut segs);
    link::link_lines(&segs)
}
