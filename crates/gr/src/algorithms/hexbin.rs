//! Hexagonal binning as in GR's `gr_hexbin`.
//!
//! # Geometry (as GR)
//!
//! GR lays the hexagons out on the *screen*: the viewport is `1` wide and
//! `aspect` (= viewport height / width in NDC) high in the units used below,
//! so the hexagons are regular on screen whatever the data ranges are.
//!
//! * Hexagons are *pointy-top*: their vertices lie at the angles 90°, 30°,
//!   −30°, … from the centre, and the circumradius is `R = d / √3` where
//!   `d = 1 / nbins` is the horizontal distance of neighbouring centres (the
//!   hexagon's flat-to-flat width).
//! * Rows are `1.5 R` apart. Even rows have `nbins + 1` centres at
//!   `x = 0, d, …, 1` (the left and right window edges); odd rows are shifted
//!   by `d / 2`.
//! * The rows are centred vertically: with `m = 2 ⌊nbins·aspect/√3 + 1.5001⌋`,
//!   row 0 sits `ycorr = (aspect − (m − 2)·1.5 R) / 2` above the bottom edge
//!   (GR's `ycorr`).
//! * A point belongs to the hexagon with the nearest centre (distances
//!   measured on screen), ties going to the even row, as GR's `binning`.
//!   Points outside the window (edges included) and non-finite points are
//!   skipped.
//!
//! Cells are reported in GR's order: rows bottom to top, left to right
//! within a row; only non-empty cells are returned.
//!
//! # Differences from GR
//!
//! * GR truncates the (slightly negative) lattice coordinates of points just
//!   above the bottom edge towards zero, which can send a point below the
//!   first row into a cell of the second row. Here such points go to their
//!   nearest hexagon, which may be a (partly visible) row below row 0.
//! * GR rejects `nbins <= 2` and fewer than 3 points; here any `nbins >= 1`
//!   and any number of points (including none) is accepted.

use super::{check_same_len, check_window, AlgoError};

/// Largest number of lattice cells [`hexbin`] allocates (64 MiB of counts).
pub const MAX_HEX_CELLS: usize = 1 << 24;

/// The result of [`hexbin`]: the non-empty hexagonal cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Hexbin {
    /// Cell centres in window (data) coordinates, rows bottom to top.
    pub centers: Vec<(f64, f64)>,
    /// Number of points in each cell (parallel to `centers`, all `>= 1`).
    pub counts: Vec<u32>,
    /// The largest count (0 when no point fell into the window); GR's return
    /// value, which it uses to map counts to colours
    /// (`first + (last − first) · count / max_count`).
    pub max_count: u32,
    /// The hexagons' circumradius expressed in x and in y window units:
    /// `(R_x, R_y)`. The top vertex of a hexagon is `R_y` above its centre and
    /// its flat sides are `R_x·√3/2` left and right of it. Pass it to
    /// [`hexagon`] to get the outline.
    pub hex_size: (f64, f64),
}

/// The six vertices of the hexagon around `center` with circumradius
/// `hex_size = (R_x, R_y)` (see [`Hexbin::hex_size`]), in GR's order: the
/// top vertex first, then clockwise.
pub fn hexagon(center: (f64, f64), hex_size: (f64, f64)) -> [(f64, f64); 6] {
    // sin/cos of k·60° for k = 0..6.
    const S: [f64; 6] = [
        0.0,
        0.866_025_403_784_438_6,
        0.866_025_403_784_438_6,
        0.0,
        -0.866_025_403_784_438_6,
        -0.866_025_403_784_438_6,
    ];
    const C: [f64; 6] = [1.0, 0.5, -0.5, -1.0, -0.5, 0.5];
    let (cx, cy) = center;
    let (rx, ry) = hex_size;
    std::array::from_fn(|k| (cx + S[k] * rx, cy + C[k] * ry))
}

/// Bins the points `(x[i], y[i])` into hexagons, as GR's `gr_hexbin`.
///
/// * `nbins` — number of hexagon columns across the window (the horizontal
///   centre spacing is `(xmax − xmin) / nbins`); must be at least 1.
/// * `window` — `[xmin, xmax, ymin, ymax]` in the (already linear)
///   coordinates of `x` and `y`; finite with `xmin < xmax`, `ymin < ymax`.
/// * `aspect` — viewport height / width in NDC, so that the hexagons are
///   regular on screen; finite and positive.
///
/// Non-finite points and points outside the window are skipped. See the
/// [module documentation](self) for the exact lattice.
///
/// # Errors
///
/// [`AlgoError::LengthMismatch`] if `x` and `y` differ in length,
/// [`AlgoError::InvalidWindow`], [`AlgoError::InvalidParameter`] for
/// `nbins == 0` or a bad `aspect`, and [`AlgoError::TooLarge`] if the lattice
/// would have more than [`MAX_HEX_CELLS`] cells.
pub fn hexbin(
    x: &[f64],
    y: &[f64],
    nbins: usize,
    window: [f64; 4],
    aspect: f64,
) -> Result<Hexbin, AlgoError> {
    check_same_len("x", x.len(), "y", y.len())?;
    check_window(window)?;
    if nbins == 0 {
        return Err(AlgoError::InvalidParameter {
            name: "nbins",
            value: nbins.to_string(),
            reason: "need at least one hexagon column",
        });
    }
    if !(aspect.is_finite() && aspect > 0.0) {
        return Err(AlgoError::InvalidParameter {
            name: "aspect",
            value: aspect.to_string(),
            reason: "the viewport height/width ratio must be finite and positive",
        });
    }
    let lattice = Lattice::new(nbins, window, aspect)?;

    let mut cells = vec![0u32; lattice.ncells];
    for (&xi, &yi) in x.iter().zip(y) {
        if let Some(k) = lattice.cell_of(xi, yi) {
            cells[k] = cells[k].saturating_add(1);
        }
    }

    let mut centers = Vec::new();
    let mut counts = Vec::new();
    let mut max_count = 0;
    for (k, &c) in cells.iter().enumerate() {
        if c > 0 {
            centers.push(lattice.center_of(k));
            counts.push(c);
            max_count = max_count.max(c);
        }
    }
    Ok(Hexbin {
        centers,
        counts,
        max_count,
        hex_size: lattice.hex_size,
    })
}

/// The hexagon lattice for one window, in "lattice units": `px` counts
/// horizontal centre spacings from the left edge, `py` counts double row
/// spacings (`√3·d`) from row 0.
struct Lattice {
    xmin: f64,
    ymin: f64,
    xmax: f64,
    ymax: f64,
    /// `px = (x − xmin)·kx`.
    kx: f64,
    /// `py = (y − ymin)·ky − oy`.
    ky: f64,
    oy: f64,
    /// Lowest row index (may be −1).
    rmin: i64,
    /// Highest row index.
    rmax: i64,
    /// Centres per row (`nbins + 1`).
    ncols: usize,
    ncells: usize,
    /// Window x per lattice unit.
    ux: f64,
    /// Window y per lattice unit `py` (i.e. per double row spacing).
    uy: f64,
    hex_size: (f64, f64),
}

impl Lattice {
    fn new(nbins: usize, window: [f64; 4], aspect: f64) -> Result<Lattice, AlgoError> {
        let [xmin, xmax, ymin, ymax] = window;
        let sqrt3 = 3f64.sqrt();
        let nb = nbins as f64;
        // Normalised screen units: width 1, height `aspect`.
        let d = 1.0 / nb;
        let r = d / sqrt3;
        let m = 2.0 * (nb * aspect / sqrt3 + 1.5001).floor();
        let ycorr = (aspect - (m - 2.0) * 1.5 * r) / 2.0;

        let kx = nb / (xmax - xmin);
        let ky = aspect * nb / (sqrt3 * (ymax - ymin));
        let oy = ycorr * nb / sqrt3;
        let pymin = -oy;
        let pymax = (ymax - ymin) * ky - oy;
        if !(pymax.is_finite() && pymin.is_finite() && pymax - pymin < 1e9) {
            return Err(too_large(usize::MAX));
        }
        let row_even = |py: f64| 2.0 * (py + 0.5).floor();
        let row_odd = |py: f64| 2.0 * py.floor() + 1.0;
        let rmin = row_even(pymin).min(row_odd(pymin)) as i64;
        let rmax = row_even(pymax).max(row_odd(pymax)) as i64;
        let nrows = (rmax - rmin + 1) as usize;
        let ncols = nbins.checked_add(1).ok_or_else(|| too_large(usize::MAX))?;
        let ncells = nrows.saturating_mul(ncols);
        if ncells > MAX_HEX_CELLS {
            return Err(too_large(ncells));
        }
        let ux = (xmax - xmin) / nb;
        let uy = sqrt3 * (ymax - ymin) / (aspect * nb);
        let hex_size = (r * (xmax - xmin), r * (ymax - ymin) / aspect);
        Ok(Lattice {
            xmin,
            ymin,
            xmax,
            ymax,
            kx,
            ky,
            oy,
            rmin,
            rmax,
            ncols,
            ncells,
            ux,
            uy,
            hex_size,
        })
    }

    /// Index of the cell containing `(x, y)`, `None` outside the window.
    #[inline]
    fn cell_of(&self, x: f64, y: f64) -> Option<usize> {
        if !(x >= self.xmin && x <= self.xmax && y >= self.ymin && y <= self.ymax) {
            return None;
        }
        let px = (x - self.xmin) * self.kx;
        let py = (y - self.ymin) * self.ky - self.oy;
        // Inside the window px >= 0 and py > -1 (row 0 is at most a quarter
        // of a lattice unit above the bottom edge), so shifting by 1 and
        // truncating is the floor, and much cheaper than `f64::floor`.
        let floor = |v: f64| (v + 1.0) as i64 - 1;
        // Nearest centre of the even lattice (integer points) ...
        let (je, ie) = (floor(px + 0.5), floor(py + 0.5));
        // ... and of the odd lattice (half-integer points).
        let (jo, io) = (floor(px), floor(py));
        let (dxe, dye) = (px - je as f64, py - ie as f64);
        let (dxo, dyo) = (px - jo as f64 - 0.5, py - io as f64 - 0.5);
        let de = dxe * dxe + 3.0 * dye * dye;
        let dodd = dxo * dxo + 3.0 * dyo * dyo;
        // Branch-free choice (the comparison is unpredictable); ties go to
        // the even lattice as in GR.
        let odd = i64::from(de > dodd);
        let j = je + odd * (jo - je);
        let r = 2 * ie + odd * (2 * io + 1 - 2 * ie);
        // The clamps only guard against rounding at the window edges.
        let j = j.clamp(0, self.ncols as i64 - 1) as usize;
        let r = r.clamp(self.rmin, self.rmax);
        Some((r - self.rmin) as usize * self.ncols + j)
    }

    /// Centre of cell `k` in window coordinates.
    fn center_of(&self, k: usize) -> (f64, f64) {
        let r = (k / self.ncols) as i64 + self.rmin;
        let j = (k % self.ncols) as f64;
        let shift = if r.rem_euclid(2) == 1 { 0.5 } else { 0.0 };
        let x = self.xmin + (j + shift) * self.ux;
        let y = self.ymin + (r as f64 * 0.5 + self.oy) * self.uy;
        (x, y)
    }
}

fn too_large(requested: usize) -> AlgoError {
    AlgoError::TooLarge {
        what: "the hexagon lattice",
        requested,
        limit: MAX_HEX_CELLS,
        hint: "use fewer bins or a less extreme aspect ratio",
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::Lcg;
    use super::*;

    const W: [f64; 4] = [-2.0, 3.0, 10.0, 12.0];

    fn screen_dist2(a: (f64, f64), b: (f64, f64), window: [f64; 4], aspect: f64) -> f64 {
        let sx = 1.0 / (window[1] - window[0]);
        let sy = aspect / (window[3] - window[2]);
        let dx = (a.0 - b.0) * sx;
        let dy = (a.1 - b.1) * sy;
        dx * dx + dy * dy
    }

    #[test]
    fn counts_sum_to_points_inside() {
        let mut rng = Lcg::new(1);
        for case in 0..40 {
            let n = rng.below(3000);
            let nbins = 1 + rng.below(60);
            let aspect = rng.range(0.2, 3.0);
            let mut x = Vec::with_capacity(n);
            let mut y = Vec::with_capacity(n);
            for _ in 0..n {
                // Some points outside, some non-finite, some on the edges.
                let xi = match rng.below(20) {
                    0 => f64::NAN,
                    1 => W[0],
                    2 => W[1],
                    3 => f64::INFINITY,
                    _ => rng.range(-3.0, 4.0),
                };
                let yi = match rng.below(20) {
                    0 => f64::NAN,
                    1 => W[2],
                    2 => W[3],
                    _ => rng.range(9.5, 12.5),
                };
                x.push(xi);
                y.push(yi);
            }
            let inside = x
                .iter()
                .zip(&y)
                .filter(|(&a, &b)| (W[0]..=W[1]).contains(&a) && (W[2]..=W[3]).contains(&b))
                .count();
            let hb = hexbin(&x, &y, nbins, W, aspect).unwrap();
            let total: u64 = hb.counts.iter().map(|&c| c as u64).sum();
            assert_eq!(total, inside as u64, "case {case}");
            assert_eq!(hb.counts.len(), hb.centers.len());
            assert!(hb.counts.iter().all(|&c| c > 0));
            assert_eq!(hb.max_count, hb.counts.iter().copied().max().unwrap_or(0));
        }
    }

    #[test]
    fn points_land_in_nearest_hexagon() {
        let mut rng = Lcg::new(2);
        for _ in 0..30 {
            let nbins = 3 + rng.below(40);
            let aspect = rng.range(0.3, 2.5);
            let lat = Lattice::new(nbins, W, aspect).unwrap();
            let all: Vec<(f64, f64)> = (0..lat.ncells).map(|k| lat.center_of(k)).collect();
            for _ in 0..200 {
                let p = (rng.range(W[0], W[1]), rng.range(W[2], W[3]));
                let k = lat.cell_of(p.0, p.1).unwrap();
                let got = screen_dist2(p, all[k], W, aspect);
                let best = all
                    .iter()
                    .map(|&c| screen_dist2(p, c, W, aspect))
                    .fold(f64::INFINITY, f64::min);
                assert!(got <= best * (1.0 + 1e-9) + 1e-18, "{p:?}: {got} vs {best}");
                // And the nearest centre is within the circumradius.
                let r = 1.0 / (nbins as f64 * 3f64.sqrt());
                assert!(got <= r * r * (1.0 + 1e-9));
            }
        }
    }

    #[test]
    fn point_at_a_center_lands_in_that_cell() {
        let mut rng = Lcg::new(3);
        for _ in 0..30 {
            let nbins = 1 + rng.below(50);
            let aspect = rng.range(0.2, 3.0);
            let lat = Lattice::new(nbins, W, aspect).unwrap();
            for _ in 0..50 {
                let k = rng.below(lat.ncells);
                let c = lat.center_of(k);
                if !(c.0 >= W[0] && c.0 <= W[1] && c.1 >= W[2] && c.1 <= W[3]) {
                    continue;
                }
                let hb = hexbin(&[c.0], &[c.1], nbins, W, aspect).unwrap();
                assert_eq!(hb.counts, vec![1]);
                assert_eq!(hb.max_count, 1);
                let got = hb.centers[0];
                assert!(
                    (got.0 - c.0).abs() < 1e-12 && (got.1 - c.1).abs() < 1e-12,
                    "{got:?} vs {c:?}"
                );
            }
        }
    }

    #[test]
    fn lattice_matches_gr_layout() {
        // nbins = 10 on a square viewport: d = 0.1, R = d/√3, m = 2·⌊10/√3 + 1.5001⌋ = 14.
        let hb = hexbin(
            &[0.0, 0.5, 1.0],
            &[0.5, 0.5, 0.5],
            10,
            [0.0, 1.0, 0.0, 1.0],
            1.0,
        )
        .unwrap();
        let r = 0.1 / 3f64.sqrt();
        let ycorr = (1.0 - 12.0 * 1.5 * r) / 2.0;
        assert!((hb.hex_size.0 - r).abs() < 1e-15 && (hb.hex_size.1 - r).abs() < 1e-15);
        // Every centre is on the GR lattice: x = (j + shift)·d, y = ycorr + row·1.5R.
        for &(cx, cy) in &hb.centers {
            let row = ((cy - ycorr) / (1.5 * r)).round();
            assert!((cy - (ycorr + row * 1.5 * r)).abs() < 1e-12);
            let shift = if row as i64 % 2 == 0 { 0.0 } else { 0.5 };
            let j = (cx / 0.1 - shift).round();
            assert!((cx - (j + shift) * 0.1).abs() < 1e-12);
        }
        // The left and right edge points are in even-row cells centred on the edges
        // or in odd-row cells half a spacing inside.
        assert_eq!(hb.counts.iter().sum::<u32>(), 3);
        // Vertices: top first, clockwise, regular on screen.
        let v = hexagon((0.5, 0.5), hb.hex_size);
        assert!((v[0].0 - 0.5).abs() < 1e-15 && (v[0].1 - (0.5 + r)).abs() < 1e-15);
        assert!(v[1].0 > 0.5 && v[1].1 > 0.5);
        for k in 0..6 {
            let a = v[k];
            let b = v[(k + 1) % 6];
            let side = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
            assert!((side - r).abs() < 1e-12);
        }
    }

    #[test]
    fn max_count_and_clustered_points() {
        let x = vec![0.5; 7];
        let y = vec![0.5; 7];
        let mut xs = x.clone();
        let mut ys = y.clone();
        xs.extend([0.1, 0.9]);
        ys.extend([0.1, 0.9]);
        let hb = hexbin(&xs, &ys, 20, [0.0, 1.0, 0.0, 1.0], 1.0).unwrap();
        assert_eq!(hb.max_count, 7);
        assert_eq!(hb.counts.len(), 3);
        // Rows bottom to top.
        assert!(hb.centers.windows(2).all(|w| w[0].1 <= w[1].1));
    }

    #[test]
    fn invalid_input_gives_clear_errors() {
        let w = [0.0, 1.0, 0.0, 1.0];
        let e = hexbin(&[1.0, 2.0, 3.0], &[1.0, 2.0], 10, w, 1.0).unwrap_err();
        assert_eq!(
            e.to_string(),
            "x and y must have the same length, got 3 and 2"
        );
        assert!(matches!(
            hexbin(&[], &[], 0, w, 1.0),
            Err(AlgoError::InvalidParameter { name: "nbins", .. })
        ));
        assert!(matches!(
            hexbin(&[], &[], 5, w, f64::NAN),
            Err(AlgoError::InvalidParameter { name: "aspect", .. })
        ));
        assert!(matches!(
            hexbin(&[], &[], 5, w, 0.0),
            Err(AlgoError::InvalidParameter { .. })
        ));
        assert!(matches!(
            hexbin(&[], &[], 5, [0.0, 0.0, 0.0, 1.0], 1.0),
            Err(AlgoError::InvalidWindow { .. })
        ));
        assert!(matches!(
            hexbin(&[], &[], usize::MAX, w, 1.0),
            Err(AlgoError::TooLarge { .. })
        ));
        assert!(matches!(
            hexbin(&[], &[], 10, w, 1e300),
            Err(AlgoError::TooLarge { .. })
        ));
        assert!(matches!(
            hexbin(&[], &[], 100_000, w, 1.0),
            Err(AlgoError::TooLarge { .. })
        ));
        let empty = hexbin(&[], &[], 10, w, 1e-300).unwrap();
        assert_eq!(empty.max_count, 0);
        assert!(empty.centers.is_empty());
        // Extreme but valid windows and values do not panic.
        let big = hexbin(
            &[f64::MAX, -f64::MAX, 0.0],
            &[0.0, 0.0, f64::MIN_POSITIVE],
            7,
            [-1e300, 1e300, -1e-300, 1e-300],
            0.7,
        )
        .unwrap();
        assert_eq!(big.counts.iter().sum::<u32>(), 1);
    }

    /// `cargo test --release -p gr --lib algorithms::hexbin::tests::timing -- --ignored --nocapture`
    #[test]
    #[ignore = "timing; run in release"]
    fn timing() {
        let mut rng = Lcg::new(7);
        let n = 1_000_000;
        let x: Vec<f64> = (0..n).map(|_| rng.normal()).collect();
        let y: Vec<f64> = (0..n).map(|_| rng.normal()).collect();
        let w = [-4.0, 4.0, -4.0, 4.0];
        let _ = hexbin(&x, &y, 40, w, 1.0).unwrap();
        let mut best = f64::INFINITY;
        for _ in 0..5 {
            let t = std::time::Instant::now();
            let hb = hexbin(&x, &y, 40, w, 1.0).unwrap();
            best = best.min(t.elapsed().as_secs_f64());
            assert!(hb.max_count > 0);
        }
        let t = std::time::Instant::now();
        let _ = hexbin(&x, &y, 1000, w, 0.75).unwrap();
        let fine = t.elapsed().as_secs_f64();
        println!(
            "hexbin 1e6 points: nbins=40 {:.2} ms (best of 5), nbins=1000 {:.2} ms",
            best * 1e3,
            fine * 1e3
        );
    }
}
