//! Min/max decimation of polylines, as GR's `gr_reducepoints`.
//!
//! The points are split into `n / 2` consecutive intervals of (almost) equal
//! size — interval `k` starts at index `⌊k · len / (n/2)⌋` — and each interval
//! is represented by its points with the smallest and the largest `y`. This
//! keeps the envelope of the curve (peaks and dips survive) while the number
//! of points drops to at most `n`.
//!
//! # Differences from GR
//!
//! * GR scans one point less than the interval holds (the last point of each
//!   interval and of the whole array are never considered); here the whole
//!   interval is scanned.
//! * GR always writes the minimum first and the maximum second; here the two
//!   points keep their original order, so a curve with ascending x still has
//!   ascending x after the reduction. If minimum and maximum are the same
//!   point it is written once (GR writes it twice).
//! * NaN `y` values are ignored when looking for the extremes (in GR a NaN at
//!   the start of an interval wins both); an interval of only NaN values is
//!   represented by its first point, which keeps a gap in the line.

use super::{check_same_len, AlgoError};

/// Reduces the polyline `(x, y)` to at most `n` points, keeping the minimum
/// and maximum `y` of each of `n / 2` consecutive intervals (see the
/// [module documentation](self)).
///
/// If the input has no more than `n` points it is returned unchanged.
///
/// # Errors
///
/// [`AlgoError::LengthMismatch`] if `x` and `y` differ in length and
/// [`AlgoError::InvalidParameter`] if `n < 2` while the input has more than
/// `n` points (each interval needs room for two points).
pub fn reducepoints(x: &[f64], y: &[f64], n: usize) -> Result<(Vec<f64>, Vec<f64>), AlgoError> {
    check_same_len("x", x.len(), "y", y.len())?;
    let len = x.len();
    if len <= n {
        return Ok((x.to_vec(), y.to_vec()));
    }
    if n < 2 {
        return Err(AlgoError::InvalidParameter {
            name: "n",
            value: n.to_string(),
            reason: "need at least 2 points to keep a minimum and a maximum",
        });
    }
    let intervals = n / 2;
    let start_of = |k: usize| (k as u128 * len as u128 / intervals as u128) as usize;
    let mut xr = Vec::with_capacity(2 * intervals);
    let mut yr = Vec::with_capacity(2 * intervals);
    for k in 0..intervals {
        let (lo, hi) = (start_of(k), start_of(k + 1));
        let mut imin = None::<usize>;
        let mut imax = None::<usize>;
        for (i, &v) in y.iter().enumerate().take(hi).skip(lo) {
            if v.is_nan() {
                continue;
            }
            if imin.is_none_or(|m| v < y[m]) {
                imin = Some(i);
            }
            if imax.is_none_or(|m| v > y[m]) {
                imax = Some(i);
            }
        }
        match (imin, imax) {
            (Some(a), Some(b)) => {
                let (first, second) = if a <= b { (a, b) } else { (b, a) };
                xr.push(x[first]);
                yr.push(y[first]);
                if second != first {
                    xr.push(x[second]);
                    yr.push(y[second]);
                }
            }
            _ => {
                xr.push(x[lo]);
                yr.push(y[lo]);
            }
        }
    }
    Ok((xr, yr))
}

#[cfg(test)]
mod tests {
    use super::super::testutil::Lcg;
    use super::*;

    #[test]
    fn short_input_is_returned_unchanged() {
        let x = [1.0, 2.0, 3.0];
        let y = [3.0, f64::NAN, 1.0];
        let (xr, yr) = reducepoints(&x, &y, 3).unwrap();
        assert_eq!(xr, x);
        assert_eq!(yr[0], 3.0);
        assert!(yr[1].is_nan());
        assert_eq!(reducepoints(&[], &[], 0).unwrap(), (vec![], vec![]));
    }

    #[test]
    fn one_interval_keeps_global_extremes_in_order() {
        // GR's own example (x = [10, 4, 7, 1], y = [2, 6, 10, 14], 2 points); GR
        // skips the last point and answers (10, 2), (7, 10); the whole interval
        // has its maximum at the last point.
        let (xr, yr) = reducepoints(&[10.0, 4.0, 7.0, 1.0], &[2.0, 6.0, 10.0, 14.0], 2).unwrap();
        assert_eq!(xr, vec![10.0, 1.0]);
        assert_eq!(yr, vec![2.0, 14.0]);
        // Maximum before minimum: original order kept.
        let (xr, yr) =
            reducepoints(&[0.0, 1.0, 2.0, 3.0, 4.0], &[0.0, 9.0, 1.0, -5.0, 2.0], 3).unwrap();
        assert_eq!(xr, vec![1.0, 3.0]);
        assert_eq!(yr, vec![9.0, -5.0]);
    }

    #[test]
    fn properties_on_random_curves() {
        let mut rng = Lcg::new(21);
        for _ in 0..200 {
            let len = rng.below(500);
            let n = rng.below(len + 3);
            let x: Vec<f64> = (0..len).map(|i| i as f64).collect();
            let y: Vec<f64> = (0..len)
                .map(|_| {
                    if rng.below(30) == 0 {
                        f64::NAN
                    } else {
                        rng.range(-10.0, 10.0)
                    }
                })
                .collect();
            let r = reducepoints(&x, &y, n);
            if len > n && n < 2 {
                assert!(matches!(
                    r,
                    Err(AlgoError::InvalidParameter { name: "n", .. })
                ));
                continue;
            }
            let (xr, yr) = r.unwrap();
            assert_eq!(xr.len(), yr.len());
            assert!(xr.len() <= n, "{} > {n}", xr.len());
            // Every output point is an input point; x stays strictly ascending.
            for (a, b) in xr.iter().zip(&yr) {
                let i = *a as usize;
                assert!(y[i] == *b || (y[i].is_nan() && b.is_nan()));
            }
            assert!(xr.windows(2).all(|w| w[0] < w[1]));
            // Global extremes survive.
            if len > 0 {
                let finite: Vec<f64> = y.iter().copied().filter(|v| !v.is_nan()).collect();
                if let (Some(mn), Some(mx)) = (
                    finite.iter().copied().reduce(f64::min),
                    finite.iter().copied().reduce(f64::max),
                ) {
                    assert!(yr.contains(&mn) && yr.contains(&mx));
                }
            }
        }
    }

    #[test]
    fn errors() {
        let e = reducepoints(&[1.0, 2.0, 3.0], &[1.0, 2.0], 2).unwrap_err();
        assert_eq!(
            e.to_string(),
            "x and y must have the same length, got 3 and 2"
        );
        assert!(reducepoints(&[1.0, 2.0, 3.0], &[1.0, 2.0, 3.0], 1).is_err());
        assert!(reducepoints(&[1.0, 2.0, 3.0], &[1.0, 2.0, 3.0], 0).is_err());
    }
}
