//! Filled contour bands (the polygons behind GR's `contourf`).

use super::grid::{check_levels, ContourError, Grid};
use super::link::{link_rings, link_rings_dense};
use super::march::{Mesh, OuterSide, Seg};
use super::Band;

/// Filled band `lo <= z < hi` (`hi` may be `+inf`, `lo` may be `-inf`).
///
/// Returns polygons (outer rings and holes, to be filled with the even-odd
/// rule; implicitly closed, the first point is not repeated) whose union is
/// exactly the region of the domain, excluding cells touching non-finite
/// values, where `lo <= z < hi`, with z linearly interpolated along cell
/// edges. The boundaries between the band and its neighbours are the
/// contour lines of [`contour_lines`](super::contour_lines) for `lo` and
/// `hi`.
///
/// Returns nothing if `lo` or `hi` is NaN, if `lo >= hi`, or if the grid's
/// lengths are inconsistent.
pub fn contour_band(grid: &Grid, lo: f64, hi: f64) -> Vec<Vec<(f64, f64)>> {
    if lo.is_nan() || hi.is_nan() || lo >= hi {
        return Vec::new();
    }
    let Some(mesh) = Mesh::new(grid) else {
        return Vec::new();
    };
    if mesh.is_empty() {
        return Vec::new();
    }
    let sides = mesh.outer_sides();
    let mut lo_chords = Vec::new();
    mesh.level_chords(lo, 0, 2, &mut lo_chords);
    let mut hi_chords = Vec::new();
    mesh.level_chords(hi, 1, 2, &mut hi_chords);
    band(&mesh, &sides, (lo, 0), (hi, 1), 2, &lo_chords, &hi_chords)
}

/// All bands for sorted levels `h[0..n]`: band `k` covers
/// `h[k] <= z < h[k+1]`, the last band `z >= h[n-1]`; values below `h[0]`
/// are not filled (GR semantics). Returns one polygon set per band (`n`
/// sets, `Vec<Vec<Vec<(f64, f64)>>>`), each as described for
/// [`contour_band`].
///
/// # Errors
///
/// [`ContourError::EmptyLevels`], [`ContourError::NonFiniteLevel`] or
/// [`ContourError::LevelsNotIncreasing`].
pub fn contour_bands(grid: &Grid, levels: &[f64]) -> Result<Vec<Band>, ContourError> {
    check_levels(levels)?;
    let n = levels.len();
    let Some(mesh) = Mesh::new(grid) else {
        return Ok(vec![Vec::new(); n]);
    };
    if mesh.is_empty() {
        return Ok(vec![Vec::new(); n]);
    }
    let sides = mesh.outer_sides();
    // Each level's chords are computed once, all in one pass over the cells, and
    // shared by the two bands the level separates.
    let mut chords = mesh.all_level_chords(levels, true);
    chords.push(Vec::new());
    let mut bands = Vec::with_capacity(n);
    for k in 0..n {
        let hi = levels.get(k + 1).copied().unwrap_or(f64::INFINITY);
        bands.push(band(
            &mesh,
            &sides,
            (levels[k], k),
            (hi, k + 1),
            n,
            &chords[k],
            &chords[k + 1],
        ));
    }
    Ok(bands)
}

/// Traces the band between two levels from the levels' chords and the
/// outer sides of the domain.
fn band(
    mesh: &Mesh,
    sides: &[OuterSide],
    lo: (f64, usize),
    hi: (f64, usize),
    nslots: usize,
    lo_chords: &[Seg],
    hi_chords: &[Seg],
) -> Vec<Vec<(f64, f64)>> {
    // Lower-level chords have `z >= lo` on their left: keep their direction.
    // Upper-level chords have `z >= hi` on their left: reverse them so the
    // band (`z < hi`) is on the left.
    let mut segs: Vec<Seg> =
        Vec::with_capacity(lo_chords.len() + hi_chords.len() + sides.len() / 2);
    segs.extend_from_slice(lo_chords);
    segs.extend(hi_chords.iter().map(|s| s.reversed()));
    mesh.band_sides(sides, lo, hi, nslots, &mut segs);
    link_rings(&segs)
}

/// The superlevel regions `z >= h[k]` for sorted levels `h[0..n]` (`n` polygon sets,
/// each as described for [`contour_band`]): region `k` is the union of bands `k..n` of
/// [`contour_bands`], and region `k + 1` lies inside region `k`, sharing its boundary
/// exactly along level `h[k + 1]`.
///
/// Painting the regions in order, each in its band's colour, gives the same picture as
/// the disjoint bands, but anti-aliased edges between neighbouring bands are drawn over
/// an opaque lower band instead of the background, so no light seams appear between
/// them; and every contour line is traced only once (bands trace it twice).
///
/// # Errors
///
/// As for [`contour_bands`].
pub fn contour_regions(grid: &Grid, levels: &[f64]) -> Result<Vec<Band>, ContourError> {
    check_levels(levels)?;
    let n = levels.len();
    let Some(mesh) = Mesh::new(grid) else {
        return Ok(vec![Vec::new(); n]);
    };
    if mesh.is_empty() {
        return Ok(vec![Vec::new(); n]);
    }
    let sides = mesh.outer_sides();
    // Each level's keys are unique within the level only (slot 0 of 1), so one dense
    // key table serves all regions.
    let chords = mesh.all_level_chords(levels, false);
    let mut table = vec![u32::MAX; mesh.key_bound()];
    let mut regions = Vec::with_capacity(n);
    let mut segs: Vec<Seg> = Vec::new();
    for (k, level_chords) in chords.iter().enumerate() {
        segs.clear();
        segs.extend_from_slice(level_chords);
        mesh.band_sides(&sides, (levels[k], 0), (f64::INFINITY, 0), 1, &mut segs);
        regions.push(link_rings_dense(&segs, &mut table));
    }
    Ok(regions)
}
