//! Data shading as GR's `gr_shadepoints` / `gr_shadelines` (GR's `shade.c`).
//!
//! Large point sets are aggregated onto a `width × height` raster of counts
//! and the counts are mapped to intensities by a transfer function, in the
//! manner of datashader. The intensities (`0..=1`) are then colour-mapped by
//! the caller: GR uses colour index `1000 + ⌊255·t⌋`.
//!
//! # Raster
//!
//! Pixel centres sit on the window edges: a point `(x, y)` inside the window
//! (edges included) goes to column `⌊(x − xmin)/(xmax − xmin)·(width − 1) + ½⌋`
//! and, counted from the bottom, row `⌊(y − ymin)/(ymax − ymin)·(height − 1) + ½⌋`.
//! The raster is returned row-major with row 0 at the *top*, ready for a cell
//! array from `(xmin, ymax)` to `(xmax, ymin)`. Points outside the window and
//! non-finite points are skipped.
//!
//! Lines ([`count_lines`]) connect consecutive points; a non-finite
//! coordinate breaks the line. Each segment adds 1 to every pixel of its
//! Bresenham line, end pixels included, as GR does (so the pixel of an inner
//! vertex is counted by both of its segments).
//!
//! # Transfer functions
//!
//! With `lo` and `hi` the smallest and largest count on the raster and
//! `c` a pixel's count, the intensity `t` is
//!
//! | `xform` | name      | `t`                                                  |
//! |---------|-----------|------------------------------------------------------|
//! | 0       | boolean   | 1 if `c > 0`, else 0                                 |
//! | 1       | linear    | `(c − lo) / (hi − lo)`                               |
//! | 2       | log       | `ln(1 + c − lo) / ln(1 + hi − lo)`                   |
//! | 3       | log-log   | `ln(1 + ln(1 + c − lo)) / ln(1 + ln(1 + hi − lo))`   |
//! | 4       | cubic     | `((c − lo) / (hi − lo))^0.3`                         |
//! | 5       | equalized | share of the pixels above `lo` whose count is `≤ c`  |
//!
//! # Differences from GR
//!
//! * GR determines `lo`/`hi` with an `if … else if` that can miss the
//!   minimum when it is the first pixel; here they are the true extremes.
//! * GR's cubic transfer leaves `lo` out of the numerator
//!   (`c^0.3 / (hi − lo)^0.3`), which exceeds 1 when `lo > 0`; here `lo` is
//!   subtracted. Both agree in the usual case `lo = 0`.
//! * When all pixels have the same count GR divides by zero; here the
//!   intensity is then 1 for non-empty and 0 for empty pixels.
//! * GR drops a line segment unless both of its ends are inside the window;
//!   here segments are clipped to the window, so lines leaving the window
//!   are drawn up to its edge.
//! * Intensities are not quantised to GR's 256 levels.

use super::{check_same_len, check_window, AlgoError};

/// Largest raster (`width * height`) the shading functions allocate.
pub const MAX_SHADE_CELLS: usize = 1 << 25;

/// GR's transfer functions for data shading (the `xform` argument).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Xform {
    /// 0: 1 for every non-empty pixel.
    Boolean = 0,
    /// 1: linear in the count.
    Linear = 1,
    /// 2: logarithmic (`ln(1 + count)`).
    Log = 2,
    /// 3: double logarithmic.
    LogLog = 3,
    /// 4: "cubic" — GR's power 0.3 of the relative count.
    Cubic = 4,
    /// 5: histogram equalised.
    Equalized = 5,
}

impl TryFrom<i32> for Xform {
    type Error = AlgoError;

    fn try_from(v: i32) -> Result<Self, AlgoError> {
        Ok(match v {
            0 => Xform::Boolean,
            1 => Xform::Linear,
            2 => Xform::Log,
            3 => Xform::LogLog,
            4 => Xform::Cubic,
            5 => Xform::Equalized,
            _ => return Err(AlgoError::UnknownXform(v)),
        })
    }
}

/// Shades a point set: counts the points per pixel ([`count_points`]) and
/// maps the counts to `0..=1` intensities with GR's transfer function `xform`
/// (0 boolean, 1 linear, 2 log, 3 log-log, 4 cubic, 5 equalized; see
/// [`transfer`]). The result has `width * height` values, row 0 at the top.
///
/// `window` is `[xmin, xmax, ymin, ymax]` in the (linear) coordinates of the
/// points.
///
/// # Errors
///
/// [`AlgoError::UnknownXform`], plus the errors of [`count_points`].
pub fn shadepoints(
    x: &[f64],
    y: &[f64],
    window: [f64; 4],
    width: usize,
    height: usize,
    xform: i32,
) -> Result<Vec<f64>, AlgoError> {
    let xform = Xform::try_from(xform)?;
    let counts = count_points(x, y, window, width, height)?;
    Ok(transfer(&counts, xform))
}

/// Shades a line set: like [`shadepoints`], but the points are joined by
/// lines (broken at non-finite coordinates) which are rasterised with
/// [`count_lines`].
///
/// # Errors
///
/// [`AlgoError::UnknownXform`], plus the errors of [`count_lines`].
pub fn shadelines(
    x: &[f64],
    y: &[f64],
    window: [f64; 4],
    width: usize,
    height: usize,
    xform: i32,
) -> Result<Vec<f64>, AlgoError> {
    let xform = Xform::try_from(xform)?;
    let counts = count_lines(x, y, window, width, height)?;
    Ok(transfer(&counts, xform))
}

/// The pixel mapping of one raster.
struct Raster {
    xmin: f64,
    xmax: f64,
    ymin: f64,
    ymax: f64,
    width: usize,
    height: usize,
    /// Pixels per x unit: `(width − 1) / (xmax − xmin)`.
    sx: f64,
    sy: f64,
}

impl Raster {
    fn new(
        x: &[f64],
        y: &[f64],
        window: [f64; 4],
        width: usize,
        height: usize,
    ) -> Result<Raster, AlgoError> {
        check_same_len("x", x.len(), "y", y.len())?;
        check_window(window)?;
        for (name, v) in [("width", width), ("height", height)] {
            if v == 0 {
                return Err(AlgoError::InvalidParameter {
                    name,
                    value: v.to_string(),
                    reason: "the raster needs at least one pixel in each direction",
                });
            }
        }
        let cells = width.saturating_mul(height);
        if cells > MAX_SHADE_CELLS {
            return Err(AlgoError::TooLarge {
                what: "the shading raster",
                requested: cells,
                limit: MAX_SHADE_CELLS,
                hint: "use a smaller width or height",
            });
        }
        let [xmin, xmax, ymin, ymax] = window;
        Ok(Raster {
            xmin,
            xmax,
            ymin,
            ymax,
            width,
            height,
            sx: (width - 1) as f64 / (xmax - xmin),
            sy: (height - 1) as f64 / (ymax - ymin),
        })
    }

    /// Index (row 0 at the top) of the pixel of column `ix`, bottom-up row `iy`.
    #[inline]
    fn index(&self, ix: usize, iy: usize) -> usize {
        let ix = ix.min(self.width - 1);
        let iy = iy.min(self.height - 1);
        (self.height - 1 - iy) * self.width + ix
    }
}

/// Counts the points `(x[i], y[i])` per pixel of a `width × height` raster
/// over `window` (see the [module documentation](self) for the pixel
/// mapping). Row 0 is at the top. Points outside the window and non-finite
/// points are skipped.
///
/// # Errors
///
/// [`AlgoError::LengthMismatch`], [`AlgoError::InvalidWindow`],
/// [`AlgoError::InvalidParameter`] for a zero width or height and
/// [`AlgoError::TooLarge`] for rasters above [`MAX_SHADE_CELLS`] pixels.
pub fn count_points(
    x: &[f64],
    y: &[f64],
    window: [f64; 4],
    width: usize,
    height: usize,
) -> Result<Vec<u32>, AlgoError> {
    let r = Raster::new(x, y, window, width, height)?;
    let mut bins = vec![0u32; width * height];
    for (&xi, &yi) in x.iter().zip(y) {
        if xi >= r.xmin && xi <= r.xmax && yi >= r.ymin && yi <= r.ymax {
            // Non-negative and at most width − ½ (resp. height − ½), so the
            // truncating casts are the floor of the rounding.
            let ix = ((xi - r.xmin) * r.sx + 0.5) as usize;
            let iy = ((yi - r.ymin) * r.sy + 0.5) as usize;
            let k = r.index(ix, iy);
            bins[k] = bins[k].saturating_add(1);
        }
    }
    Ok(bins)
}

/// Counts, per pixel of a `width × height` raster over `window`, the line
/// segments between consecutive points that pass through it. A non-finite
/// coordinate breaks the line (the segments to and from that point are left
/// out). Segments are clipped to the window and rasterised with Bresenham's
/// algorithm, both end pixels included. Row 0 is at the top.
///
/// # Errors
///
/// As [`count_points`].
pub fn count_lines(
    x: &[f64],
    y: &[f64],
    window: [f64; 4],
    width: usize,
    height: usize,
) -> Result<Vec<u32>, AlgoError> {
    let r = Raster::new(x, y, window, width, height)?;
    let mut bins = vec![0u32; width * height];
    let (xr, yr) = (r.xmax - r.xmin, r.ymax - r.ymin);
    // Normalised window coordinates, None when not representable.
    let norm = |i: usize| -> Option<(f64, f64)> {
        let u = (x[i] - r.xmin) / xr;
        let v = (y[i] - r.ymin) / yr;
        (u.is_finite() && v.is_finite()).then_some((u, v))
    };
    let (wm, hm) = ((r.width - 1) as f64, (r.height - 1) as f64);
    let pixel = |t: f64, m: f64| (t.clamp(0.0, 1.0) * m + 0.5) as i64;
    let mut prev = if x.is_empty() { None } else { norm(0) };
    for i in 1..x.len() {
        let cur = norm(i);
        if let (Some(a), Some(b)) = (prev, cur) {
            if let Some((a, b)) = clip_unit(a, b) {
                let (x0, y0) = (pixel(a.0, wm), pixel(a.1, hm));
                let (x1, y1) = (pixel(b.0, wm), pixel(b.1, hm));
                bresenham(x0, y0, x1, y1, |px, py| {
                    let k = r.index(px as usize, py as usize);
                    bins[k] = bins[k].saturating_add(1);
                });
            }
        }
        prev = cur;
    }
    Ok(bins)
}

/// Clips the segment `a`–`b` to the unit square (Liang–Barsky); `None` if it
/// misses the square.
fn clip_unit(a: (f64, f64), b: (f64, f64)) -> Option<((f64, f64), (f64, f64))> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    if !(dx.is_finite() && dy.is_finite()) {
        return None;
    }
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    // Each boundary as p·t <= q.
    for (p, q) in [(-dx, a.0), (dx, 1.0 - a.0), (-dy, a.1), (dy, 1.0 - a.1)] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    if t0 > t1 {
        return None;
    }
    let at = |t: f64| (a.0 + t * dx, a.1 + t * dy);
    let a2 = if t0 > 0.0 { at(t0) } else { a };
    let b2 = if t1 < 1.0 { at(t1) } else { b };
    Some((a2, b2))
}

/// Visits the pixels of the line from `(x0, y0)` to `(x1, y1)` (both
/// included) by Bresenham's algorithm, stepping along the major axis from the
/// smaller coordinate.
fn bresenham(x0: i64, y0: i64, x1: i64, y1: i64, mut plot: impl FnMut(i64, i64)) {
    if (y1 - y0).abs() < (x1 - x0).abs() {
        let (x0, y0, x1, y1) = if x0 > x1 {
            (x1, y1, x0, y0)
        } else {
            (x0, y0, x1, y1)
        };
        let dx = x1 - x0;
        let (dy, step) = if y1 < y0 { (y0 - y1, -1) } else { (y1 - y0, 1) };
        let mut err = 2 * dy - dx;
        let mut y = y0;
        for x in x0..=x1 {
            plot(x, y);
            if err > 0 {
                y += step;
                err -= 2 * dx;
            }
            err += 2 * dy;
        }
    } else {
        let (x0, y0, x1, y1) = if y0 > y1 {
            (x1, y1, x0, y0)
        } else {
            (x0, y0, x1, y1)
        };
        let dy = y1 - y0;
        let (dx, step) = if x1 < x0 { (x0 - x1, -1) } else { (x1 - x0, 1) };
        let mut err = 2 * dx - dy;
        let mut x = x0;
        for y in y0..=y1 {
            plot(x, y);
            if err > 0 {
                x += step;
                err -= 2 * dy;
            }
            err += 2 * dx;
        }
    }
}

/// Largest count range for which [`transfer`] tabulates the transfer
/// function instead of evaluating it per pixel.
const LUT_LIMIT: u32 = 1 << 20;

/// Maps raster counts to intensities in `0..=1` with a transfer function
/// (see the table in the [module documentation](self)). `lo`/`hi` are the
/// smallest and largest of `counts`; if they are equal, non-empty pixels get
/// 1 and empty ones 0.
pub fn transfer(counts: &[u32], xform: Xform) -> Vec<f64> {
    let (lo, hi) = match counts.iter().fold(None, |acc: Option<(u32, u32)>, &c| {
        Some(acc.map_or((c, c), |(lo, hi)| (lo.min(c), hi.max(c))))
    }) {
        Some(v) => v,
        None => return Vec::new(),
    };
    if lo == hi {
        return boolean(counts);
    }
    let range = hi - lo;
    let f: fn(f64, f64) -> f64 = match xform {
        Xform::Boolean => return boolean(counts),
        Xform::Equalized => {
            return if use_table(range, counts.len()) {
                equalize_hist(counts, lo, range)
            } else {
                equalize_sorted(counts, lo)
            };
        }
        Xform::Linear => |d, r| d / r,
        Xform::Log => |d, r| d.ln_1p() / r.ln_1p(),
        Xform::LogLog => |d, r| d.ln_1p().ln_1p() / r.ln_1p().ln_1p(),
        Xform::Cubic => |d, r| (d / r).powf(0.3),
    };
    let r = f64::from(range);
    if use_table(range, counts.len()) {
        let lut: Vec<f64> = (0..=range).map(|d| f(f64::from(d), r)).collect();
        counts.iter().map(|&c| lut[(c - lo) as usize]).collect()
    } else {
        counts.iter().map(|&c| f(f64::from(c - lo), r)).collect()
    }
}

/// Whether a table over the count range is cheaper than per-pixel work.
fn use_table(range: u32, pixels: usize) -> bool {
    range <= LUT_LIMIT && range as usize <= pixels.saturating_mul(4)
}

/// 1 for non-empty pixels, 0 for empty ones.
fn boolean(counts: &[u32]) -> Vec<f64> {
    counts
        .iter()
        .map(|&c| if c > 0 { 1.0 } else { 0.0 })
        .collect()
}

/// Histogram equalisation with a dense histogram of the counts `lo..=lo + range`:
/// the share of pixels above `lo` whose count is at most the pixel's count
/// (0 for pixels at `lo`; `range > 0`).
fn equalize_hist(counts: &[u32], lo: u32, range: u32) -> Vec<f64> {
    let mut hist = vec![0u64; range as usize + 1];
    for &c in counts {
        hist[(c - lo) as usize] += 1;
    }
    let above = (counts.len() as u64 - hist[0]) as f64;
    let mut lut = vec![0.0; hist.len()];
    let mut sum = 0u64;
    for d in 1..hist.len() {
        sum += hist[d];
        lut[d] = sum as f64 / above;
    }
    counts.iter().map(|&c| lut[(c - lo) as usize]).collect()
}

/// [`equalize_hist`] for count ranges too wide for a dense histogram, by
/// binary search in the sorted counts.
fn equalize_sorted(counts: &[u32], lo: u32) -> Vec<f64> {
    let mut sorted = counts.to_vec();
    sorted.sort_unstable();
    let at_lo = sorted.partition_point(|&c| c <= lo);
    let above = (sorted.len() - at_lo) as f64;
    counts
        .iter()
        .map(|&c| (sorted.partition_point(|&s| s <= c) - at_lo) as f64 / above)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testutil::Lcg;
    use super::*;

    const W: [f64; 4] = [0.0, 10.0, -1.0, 1.0];

    #[test]
    fn counts_sum_to_points_inside_and_rows_start_at_top() {
        let mut rng = Lcg::new(31);
        for _ in 0..40 {
            let n = rng.below(5000);
            let (w, h) = (1 + rng.below(50), 1 + rng.below(50));
            let x: Vec<f64> = (0..n)
                .map(|_| match rng.below(25) {
                    0 => f64::NAN,
                    1 => 10.0,
                    2 => f64::NEG_INFINITY,
                    _ => rng.range(-1.0, 11.0),
                })
                .collect();
            let y: Vec<f64> = (0..n)
                .map(|_| {
                    if rng.below(25) == 0 {
                        f64::NAN
                    } else {
                        rng.range(-1.2, 1.2)
                    }
                })
                .collect();
            let inside = x
                .iter()
                .zip(&y)
                .filter(|(&a, &b)| (0.0..=10.0).contains(&a) && (-1.0..=1.0).contains(&b))
                .count();
            let c = count_points(&x, &y, W, w, h).unwrap();
            assert_eq!(c.len(), w * h);
            assert_eq!(c.iter().map(|&v| v as usize).sum::<usize>(), inside);
        }
        // Corners: bottom-left is the first pixel of the last row.
        let c = count_points(&[0.0, 10.0, 0.0], &[-1.0, 1.0, 1.0], W, 4, 3).unwrap();
        assert_eq!(c, vec![1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0]);
        // Pixel centres on the edges: x = 10/3 is the centre of column 1, which
        // reaches half a pixel (5/3) to either side.
        let c = count_points(
            &[10.0 / 3.0 + 1.6, 10.0 / 3.0 - 1.6, 10.0 / 3.0 + 1.7],
            &[0.0; 3],
            W,
            4,
            1,
        )
        .unwrap();
        assert_eq!(c, vec![0, 2, 1, 0]);
    }

    #[test]
    fn transfer_functions_match_definitions() {
        let counts = [0u32, 1, 2, 5, 10, 0, 10, 3];
        let b = transfer(&counts, Xform::Boolean);
        assert_eq!(b, vec![0.0, 1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 1.0]);
        let l = transfer(&counts, Xform::Linear);
        assert_eq!(l[3], 0.5);
        assert_eq!(l[4], 1.0);
        let g = transfer(&counts, Xform::Log);
        assert!((g[1] - 2f64.ln() / 11f64.ln()).abs() < 1e-15);
        let gg = transfer(&counts, Xform::LogLog);
        assert!((gg[2] - 3f64.ln().ln_1p() / 11f64.ln().ln_1p()).abs() < 1e-15);
        let c = transfer(&counts, Xform::Cubic);
        assert!((c[3] - 0.5f64.powf(0.3)).abs() < 1e-15);
        // Equalized: 6 pixels above 0 with counts 1, 2, 3, 5, 10, 10.
        let e = transfer(&counts, Xform::Equalized);
        assert_eq!(
            e,
            vec![
                0.0,
                1.0 / 6.0,
                2.0 / 6.0,
                4.0 / 6.0,
                1.0,
                0.0,
                1.0,
                3.0 / 6.0
            ]
        );
        // GR's quantisation: ⌊255·t⌋ of the linear map equals GR's integer formula.
        for (&cnt, &t) in counts.iter().zip(&l) {
            assert_eq!((255.0 * t) as i32, (f64::from(cnt) / 10.0 * 255.0) as i32);
        }
        // lo > 0 is subtracted.
        let l2 = transfer(&[3, 5, 7], Xform::Linear);
        assert_eq!(l2, vec![0.0, 0.5, 1.0]);
        // Degenerate: all equal.
        assert_eq!(transfer(&[4, 4], Xform::Log), vec![1.0, 1.0]);
        assert_eq!(transfer(&[0, 0], Xform::Equalized), vec![0.0, 0.0]);
        assert!(transfer(&[], Xform::Linear).is_empty());
    }

    #[test]
    fn transfer_is_monotone_in_unit_range_and_lut_agrees() {
        let mut rng = Lcg::new(32);
        for xf in 0..=5 {
            let xform = Xform::try_from(xf).unwrap();
            for _ in 0..20 {
                let n = 1 + rng.below(300);
                let scale = [3u64, 1000, 5_000_000_000][rng.below(3)];
                let counts: Vec<u32> = (0..n)
                    .map(|_| (rng.f64().powi(3) * scale as f64).min(u32::MAX as f64) as u32)
                    .collect();
                let t = transfer(&counts, xform);
                assert!(t.iter().all(|v| (0.0..=1.0).contains(v)), "{xform:?}");
                let mut idx: Vec<usize> = (0..n).collect();
                idx.sort_by_key(|&i| counts[i]);
                assert!(
                    idx.windows(2).all(|w| t[w[0]] <= t[w[1]]),
                    "{xform:?} not monotone"
                );
                if xform == Xform::Equalized {
                    // The histogram and the sort-based paths agree.
                    let lo = *counts.iter().min().unwrap();
                    let hi = *counts.iter().max().unwrap();
                    if hi > lo && hi - lo <= LUT_LIMIT {
                        let a = equalize_hist(&counts, lo, hi - lo);
                        let b = equalize_sorted(&counts, lo);
                        assert!(a.iter().zip(&b).all(|(p, q)| (p - q).abs() < 1e-12));
                    }
                }
            }
        }
    }

    #[test]
    fn bresenham_covers_lines_and_matches_gr_pixel_sets() {
        let mut rng = Lcg::new(33);
        for _ in 0..500 {
            let (x0, y0, x1, y1) = (
                rng.below(40) as i64,
                rng.below(40) as i64,
                rng.below(40) as i64,
                rng.below(40) as i64,
            );
            let mut a = Vec::new();
            bresenham(x0, y0, x1, y1, |x, y| a.push((x, y)));
            let mut b = Vec::new();
            bresenham(x1, y1, x0, y0, |x, y| b.push((x, y)));
            // Symmetric, one pixel per major-axis step, 8-connected, ends included.
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b);
            assert_eq!(a.len() as i64, (x1 - x0).abs().max((y1 - y0).abs()) + 1);
            assert!(a.contains(&(x0, y0)) && a.contains(&(x1, y1)));
        }
        let mut p = Vec::new();
        bresenham(0, 0, 4, 2, |x, y| p.push((x, y)));
        assert_eq!(p, vec![(0, 0), (1, 0), (2, 1), (3, 1), (4, 2)]);
    }

    #[test]
    fn lines_break_at_nan_and_clip_to_window() {
        let w = [0.0, 4.0, 0.0, 4.0];
        // Horizontal line along the bottom row, then a NaN break, then a single point.
        let c = count_lines(
            &[0.0, 4.0, f64::NAN, 2.0, 2.0],
            &[0.0, 0.0, 0.0, 2.0, 2.0],
            w,
            5,
            5,
        )
        .unwrap();
        let bottom = &c[20..25];
        assert_eq!(bottom, &[1, 1, 1, 1, 1]);
        assert_eq!(c[2 * 5 + 2], 1); // zero-length segment (2,2)-(2,2)
        assert_eq!(c.iter().sum::<u32>(), 6);
        // A line from far outside is clipped to the window edge.
        let c = count_lines(&[-100.0, 2.0], &[2.0, 2.0], w, 5, 5).unwrap();
        assert_eq!(&c[10..15], &[1, 1, 1, 0, 0]);
        assert_eq!(c.iter().sum::<u32>(), 3);
        // Entirely outside, huge and infinite coordinates: nothing, no panic.
        let c = count_lines(
            &[-5.0, -1.0, f64::MAX, -f64::MAX, f64::INFINITY],
            &[9.0, 9.0, 1.0, 1.0, 1.0],
            w,
            5,
            5,
        )
        .unwrap();
        assert!(c.iter().sum::<u32>() <= 5);
        // Shared vertex counted by both segments, as GR.
        let c = count_lines(&[0.0, 2.0, 4.0], &[0.0, 0.0, 0.0], w, 5, 5).unwrap();
        assert_eq!(&c[20..25], &[1, 1, 2, 1, 1]);
    }

    #[test]
    fn random_lines_inside_count_like_unclipped_bresenham() {
        let mut rng = Lcg::new(34);
        let w = [0.0, 1.0, 0.0, 1.0];
        for _ in 0..50 {
            let n = 2 + rng.below(50);
            let x: Vec<f64> = (0..n).map(|_| rng.f64()).collect();
            let y: Vec<f64> = (0..n).map(|_| rng.f64()).collect();
            let (wd, ht) = (1 + rng.below(30), 1 + rng.below(30));
            let c = count_lines(&x, &y, w, wd, ht).unwrap();
            let mut want = 0u64;
            for i in 1..n {
                let px = |v: f64, m: usize| (v * (m - 1) as f64 + 0.5) as i64;
                let dx = (px(x[i], wd) - px(x[i - 1], wd)).abs();
                let dy = (px(y[i], ht) - px(y[i - 1], ht)).abs();
                want += (dx.max(dy) + 1) as u64;
            }
            assert_eq!(c.iter().map(|&v| v as u64).sum::<u64>(), want);
        }
    }

    #[test]
    fn shade_entry_points_and_errors() {
        let t = shadepoints(&[0.0, 10.0, 10.0], &[0.0, 0.0, 0.0], W, 3, 1, 1).unwrap();
        assert_eq!(t, vec![0.5, 0.0, 1.0]);
        let t = shadelines(&[0.0, 10.0], &[0.0, 0.0], W, 3, 1, 0).unwrap();
        assert_eq!(t, vec![1.0, 1.0, 1.0]);
        assert_eq!(
            shadepoints(&[], &[], W, 2, 2, 6).unwrap_err(),
            AlgoError::UnknownXform(6)
        );
        assert_eq!(
            shadepoints(&[1.0, 2.0, 3.0], &[1.0, 2.0], W, 2, 2, 1)
                .unwrap_err()
                .to_string(),
            "x and y must have the same length, got 3 and 2"
        );
        assert!(matches!(
            shadepoints(&[], &[], W, 0, 2, 1),
            Err(AlgoError::InvalidParameter { name: "width", .. })
        ));
        assert!(matches!(
            shadelines(&[], &[], W, 2, 0, 1),
            Err(AlgoError::InvalidParameter { name: "height", .. })
        ));
        assert!(matches!(
            shadepoints(&[], &[], W, usize::MAX, 2, 1),
            Err(AlgoError::TooLarge { .. })
        ));
        assert!(matches!(
            shadepoints(&[], &[], [0.0, 1.0, 1.0, 1.0], 2, 2, 1),
            Err(AlgoError::InvalidWindow { .. })
        ));
        // Single pixel.
        assert_eq!(shadepoints(&[5.0], &[0.0], W, 1, 1, 2).unwrap(), vec![1.0]);
        assert_eq!(shadelines(&[5.0], &[0.0], W, 1, 1, 2).unwrap(), vec![0.0]);
    }

    /// `cargo test --release -p gr --lib algorithms::shade::tests::timing -- --ignored --nocapture`
    #[test]
    #[ignore = "timing; run in release"]
    fn timing() {
        let mut rng = Lcg::new(35);
        let n = 10_000_000;
        let x: Vec<f64> = (0..n).map(|_| rng.normal()).collect();
        let y: Vec<f64> = (0..n).map(|_| rng.normal()).collect();
        let w = [-4.0, 4.0, -4.0, 4.0];
        let mut best_count = f64::INFINITY;
        let mut best_all = f64::INFINITY;
        for _ in 0..3 {
            let t = std::time::Instant::now();
            let c = count_points(&x, &y, w, 1000, 1000).unwrap();
            best_count = best_count.min(t.elapsed().as_secs_f64());
            let t2 = std::time::Instant::now();
            let s = shadepoints(&x, &y, w, 1000, 1000, 5).unwrap();
            best_all = best_all.min(t2.elapsed().as_secs_f64());
            assert_eq!(s.len(), c.len());
        }
        let mut xforms = String::new();
        let counts = count_points(&x, &y, w, 1000, 1000).unwrap();
        for xf in 0..=5 {
            let t = std::time::Instant::now();
            let _ = transfer(&counts, Xform::try_from(xf).unwrap());
            xforms += &format!(" {xf}:{:.1}ms", t.elapsed().as_secs_f64() * 1e3);
        }
        // A 1e6-point random walk as lines.
        let m = 1_000_000;
        let mut lx = Vec::with_capacity(m);
        let mut ly = Vec::with_capacity(m);
        let (mut a, mut b) = (0.0, 0.0);
        for i in 0..m {
            a += rng.normal() * 0.01;
            b += rng.normal() * 0.01;
            let brk = i % 1000 == 999;
            lx.push(if brk { f64::NAN } else { a });
            ly.push(b);
        }
        let t = std::time::Instant::now();
        let _ = shadelines(&lx, &ly, [-10.0, 10.0, -10.0, 10.0], 1000, 1000, 2).unwrap();
        let lines = t.elapsed().as_secs_f64();
        println!(
            "shade 1e7 points on 1000x1000: count {:.1} ms, count+equalized {:.1} ms (best of 3); transfer{xforms}; shadelines 1e6-point walk {:.1} ms",
            best_count * 1e3,
            best_all * 1e3,
            lines * 1e3
        );
    }
}
