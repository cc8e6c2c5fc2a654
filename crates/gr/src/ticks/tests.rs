//! Unit and property tests for tick computation and label formatting.

use super::*;

/// Random ranges checked by [`property_random_ranges`].
const ITER_RANDOM: usize = 4000;
/// Random ranges checked by [`property_origin_offset`].
const ITER_ORIGIN: usize = 2000;
/// Random ranges checked by [`property_extreme_magnitudes`].
const ITER_EXTREME: usize = 2000;

/// GR's tick formula evaluated literally (`unit * pow(10, n)`), used to check
/// that [`tick`] picks the same branch as GR for every range.
fn gr_reference_tick(amin: f64, amax: f64) -> f64 {
    let exponent = (amax - amin).log10();
    let n = exponent.trunc();
    let factor = 10f64.powf(exponent - n);
    let unit = if factor > 5.0 {
        2.0
    } else if factor > 2.5 {
        1.0
    } else if factor > 1.0 {
        0.5
    } else if factor > 0.5 {
        0.2
    } else if factor > 0.25 {
        0.1
    } else {
        0.05
    };
    unit * 10f64.powf(n)
}

/// Small deterministic generator (64-bit LCG, top 53 bits as `[0, 1)`).
struct Lcg(u64);

impl Lcg {
    fn next_f64(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }

    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.next_f64()
    }

    /// A random finite, valid range of varied magnitude, width and offset.
    fn axis_range(&mut self) -> (f64, f64) {
        loop {
            let width = 10f64.powf(self.range(-30.0, 30.0));
            let offset = match (self.next_f64() * 4.0) as u32 {
                0 => 0.0,
                1 => width * self.range(-3.0, 3.0),
                2 => width * self.range(-1.0, 1.0) * 10f64.powf(self.range(0.0, 6.0)),
                _ => -width * self.range(0.0, 1.0),
            };
            let (a, b) = (offset, offset + width);
            if a.is_finite() && b.is_finite() && a < b && validaterange(a, b) {
                return (a, b);
            }
        }
    }
}

fn parse_label(s: &str) -> f64 {
    s.replace(MINUS_SIGN, "-")
        .parse()
        .unwrap_or_else(|_| panic!("label {s:?} does not parse"))
}

/// Mantissa (1, 2 or 5) and exponent of a tick interval.
fn mantissa_exponent(t: f64) -> (String, i32) {
    let s = format!("{t:e}");
    let (m, e) = s.split_once('e').unwrap();
    (m.to_owned(), e.parse().unwrap())
}

#[test]
fn tick_matches_gr_examples() {
    let cases = [
        ((0.0, 1.0), 0.2),
        ((-1.0, 1.0), 0.5),
        ((0.0, 10.0), 2.0),
        ((0.1, 100000.0), 20000.0),
        ((-0.686, 1.057), 0.5),
        ((0.0, 0.5), 0.1),
        ((0.0, 0.3), 0.1),
        ((0.0, 0.2), 0.05),
        ((0.0, 0.1), 0.02),
        ((0.0, 3.0), 1.0),
        ((0.0, 7.0), 2.0),
        ((-5.0, 5.0), 2.0),
        ((0.0, 100.0), 20.0),
        ((0.003, 0.0062), 0.001),
        ((1e-300, 2e-300), 2e-301),
        ((0.0, 1e300), 2e299),
        ((-1e300, 1e300), 5e299),
    ];
    for ((a, b), expected) in cases {
        assert_eq!(tick(a, b), Ok(expected), "tick({a}, {b})");
    }
}

#[test]
fn tick_rejects_invalid_ranges() {
    assert!(matches!(tick(1.0, 1.0), Err(TickError::EmptyRange { .. })));
    assert!(matches!(tick(-0.0, 0.0), Err(TickError::EmptyRange { .. })));
    assert!(matches!(tick(2.0, 1.0), Err(TickError::EmptyRange { .. })));
    assert!(matches!(
        tick(f64::NAN, 1.0),
        Err(TickError::NotFinite { .. })
    ));
    assert!(matches!(
        tick(0.0, f64::NAN),
        Err(TickError::NotFinite { .. })
    ));
    assert!(matches!(
        tick(0.0, f64::INFINITY),
        Err(TickError::NotFinite { .. })
    ));
    assert!(matches!(
        tick(f64::NEG_INFINITY, 0.0),
        Err(TickError::NotFinite { .. })
    ));
    assert!(matches!(
        tick(0.0, 5e-324),
        Err(TickError::TooNarrow { .. })
    ));
    // Error messages are informative.
    assert!(tick(1.0, 1.0)
        .unwrap_err()
        .to_string()
        .contains("amin must be less"));
}

#[test]
fn tick_handles_overflowing_width() {
    assert_eq!(tick(-f64::MAX, f64::MAX), Ok(1e308));
    // Subnormal but representable ranges still work.
    assert_eq!(tick(0.0, 1e-320), Ok(2e-321));
}

#[test]
fn validaterange_follows_gr() {
    assert!(validaterange(0.0, 1.0));
    assert!(validaterange(1.0, 0.0)); // GR ignores the order
    assert!(validaterange(1e-300, 2e-300));
    assert!(validaterange(0.0, 1e-300));
    assert!(!validaterange(0.0, 0.0));
    assert!(!validaterange(5.0, 5.0));
    assert!(!validaterange(1.0, 1.0 + 1e-12));
    assert!(validaterange(1.0, 1.0 + 1e-9));
    assert!(!validaterange(f64::NAN, 1.0));
    assert!(!validaterange(1.0, f64::INFINITY));
}

#[test]
fn adjustlimits_matches_gr_examples() {
    let cases = [
        ((0.0, 1.0), (0.0, 1.0)),
        ((-1.0, 1.0), (-1.0, 1.0)),
        ((-0.686, 1.057), (-0.7, 1.1)),
        ((0.1, 100000.0), (0.0, 100000.0)),
        ((13.0, 47.0), (10.0, 50.0)),
        ((0.5, 9.5), (0.0, 10.0)),
        ((-5.0, 5.0), (-5.0, 5.0)),
        ((0.0, 7.0), (0.0, 7.0)),
        ((0.0, 0.7), (0.0, 0.7)),
        ((-0.3, 0.3), (-0.3, 0.3)),
        ((1.0, 1.0001), (1.0, 1.0001)),
        ((0.003, 0.0062), (0.003, 0.007)),
        ((3.0, 3.0), (2.0, 4.0)),
        ((0.0, 0.0), (-1.0, 1.0)),
        ((0.3, 0.3), (-0.7, 1.3)),
    ];
    for ((a, b), expected) in cases {
        assert_eq!(adjustlimits(a, b), expected, "adjustlimits({a}, {b})");
    }
    // Invalid input comes back unchanged.
    assert_eq!(adjustlimits(2.0, 1.0), (2.0, 1.0));
    let (lo, hi) = adjustlimits(f64::NAN, 1.0);
    assert!(lo.is_nan() && hi == 1.0);
    // Equal limits too large for ±1 are widened relative to their magnitude.
    let (lo, hi) = adjustlimits(1e20, 1e20);
    assert!(lo < 1e20 && hi > 1e20);
    // Overflowing width.
    let (lo, hi) = adjustlimits(-1.5e308, 1.5e308);
    assert!(lo <= -1.5e308 && hi >= 1.5e308 && lo.is_finite() && hi.is_finite());
}

#[test]
fn adjustrange_matches_gr_examples() {
    let cases = [
        ((0.0, 1.0), (0.0, 1.0)),
        ((-0.686, 1.057), (-1.0, 1.5)),
        ((-5.0, 5.0), (-6.0, 6.0)),
        ((0.0, 7.0), (0.0, 8.0)),
        ((0.1, 100000.0), (0.0, 100000.0)),
        ((0.0, 0.3), (0.0, 0.3)),
        ((0.0, 0.1), (0.0, 0.1)),
        ((0.003, 0.0062), (0.003, 0.007)),
        ((3.0, 3.0), (2.0, 4.0)),
        ((0.0, 0.0), (-0.1, 0.1)),
        ((0.05, 0.05), (-0.05, 0.15)),
        ((0.3, 0.3), (-1.0, 1.5)),
        ((1e-300, 2e-300), (1e-300, 2e-300)),
    ];
    for ((a, b), expected) in cases {
        assert_eq!(adjustrange(a, b), expected, "adjustrange({a}, {b})");
    }
    assert_eq!(adjustrange(2.0, 1.0), (2.0, 1.0));
    assert!(adjustrange(f64::NAN, 1.0).0.is_nan());
}

#[test]
fn linear_ticks_are_clean_decimals() {
    let t = linear_ticks(0.0, 1.0, 0.1, 0.0);
    let expected: Vec<f64> = (0..=10)
        .map(|k| format!("{k}e-1").parse().unwrap())
        .collect();
    assert_eq!(t, expected);
    assert_eq!(t[3], 0.3);
    assert_eq!(TickFormat::for_ticks(&t, 0.1).format(t[3]), "0.3");

    assert_eq!(
        linear_ticks(-1.0, 1.0, 0.5, 0.0),
        vec![-1.0, -0.5, 0.0, 0.5, 1.0]
    );
    assert_eq!(
        linear_ticks(-1.0, 1.0, 0.5, 0.25),
        vec![-0.75, -0.25, 0.25, 0.75]
    );
    assert_eq!(
        linear_ticks(-0.686, 1.057, 0.5, 0.0),
        vec![-0.5, 0.0, 0.5, 1.0]
    );
    assert_eq!(
        linear_ticks(0.1, 100000.0, 20000.0, 0.0),
        vec![20000.0, 40000.0, 60000.0, 80000.0, 100000.0]
    );
    assert_eq!(linear_ticks(-0.3, -0.1, 0.1, 0.0), vec![-0.3, -0.2, -0.1]);
    // Zero is +0.0, never -0.0.
    let z = linear_ticks(-0.3, 0.3, 0.1, 0.0);
    assert_eq!(z.len(), 7);
    assert!(z[3] == 0.0 && z[3].is_sign_positive());
    // Degenerate and invalid input.
    assert_eq!(linear_ticks(1.0, 1.0, 0.5, 0.0), vec![1.0]);
    assert!(linear_ticks(1.2, 1.3, 0.5, 0.0).is_empty());
    assert!(linear_ticks(0.0, 1.0, 0.0, 0.0).is_empty());
    assert!(linear_ticks(0.0, 1.0, -0.1, 0.0).is_empty());
    assert!(linear_ticks(1.0, 0.0, 0.1, 0.0).is_empty());
    assert!(linear_ticks(f64::NAN, 1.0, 0.1, 0.0).is_empty());
    assert!(linear_ticks(0.0, 1.0, f64::INFINITY, 0.0).is_empty());
    // Too many ticks: GR's auto-adjust to tick(amin, amax).
    assert_eq!(
        linear_ticks(0.0, 1.0, 1e-6, 0.0),
        vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
    );
    // Tiny and huge ranges.
    let tiny = linear_ticks(1e-300, 2e-300, 2e-301, 0.0);
    assert_eq!(
        tiny,
        vec![1e-300, 1.2e-300, 1.4e-300, 1.6e-300, 1.8e-300, 2e-300]
    );
    let huge = linear_ticks(0.0, 1e300, 2e299, 0.0);
    assert_eq!(huge, vec![0.0, 2e299, 4e299, 6e299, 8e299, 1e300]);
}

#[test]
fn log_ticks_decades_and_minors() {
    let t = log_ticks(1.0, 100.0, 10.0);
    assert_eq!(t.len(), 19);
    assert_eq!(t.iter().filter(|(_, major)| *major).count(), 3);
    assert_eq!(t[0], (1.0, true));
    assert_eq!(t[8], (9.0, false));
    assert_eq!(t[9], (10.0, true));
    assert_eq!(t[18], (100.0, true));

    let t = log_ticks(0.5, 20.0, 10.0);
    let values: Vec<f64> = t.iter().map(|p| p.0).collect();
    assert_eq!(
        values,
        vec![0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 20.0]
    );
    // Clean decimals for small values, tolerant range ends.
    let t = log_ticks(10f64.powf(-3.0), 0.01, 10.0);
    assert_eq!(t[0], (0.001, true));
    assert_eq!(t[2], (0.003, false));
    assert_eq!(t.last(), Some(&(0.01, true)));
    // Other bases: powers only.
    assert_eq!(
        log_ticks(1.0, 10.0, 2.0),
        vec![(1.0, true), (2.0, true), (4.0, true), (8.0, true)]
    );
    assert_eq!(log_ticks(0.3, 1.0, 2.0), vec![(0.5, true), (1.0, true)]);
    let e = log_ticks(1.0, 100.0, std::f64::consts::E);
    assert_eq!(e.len(), 5);
    assert!((e[4].0 - 4f64.exp()).abs() < 1e-12);
    assert_eq!(
        log_ticks(1.0, 100.0, 3.0)
            .iter()
            .map(|p| p.0)
            .collect::<Vec<_>>(),
        vec![1.0, 3.0, 9.0, 27.0, 81.0]
    );
    // Whole double range.
    let all = log_ticks(1e-300, 1e300, 10.0);
    assert_eq!(all.iter().filter(|(_, m)| *m).count(), 601);
    assert!(all.windows(2).all(|w| w[0].0 < w[1].0));
    let all2 = log_ticks(f64::MIN_POSITIVE / 4.0, f64::MAX, 2.0);
    assert_eq!(all2.len(), 1024 + 1024);
    // Invalid input.
    assert!(log_ticks(0.0, 10.0, 10.0).is_empty());
    assert!(log_ticks(-1.0, 10.0, 10.0).is_empty());
    assert!(log_ticks(10.0, 1.0, 10.0).is_empty());
    assert!(log_ticks(1.0, 10.0, 1.0).is_empty());
    assert!(log_ticks(1.0, f64::NAN, 10.0).is_empty());
}

#[test]
fn format_uses_common_decimals_like_gr() {
    let fmt = TickFormat::for_ticks(&[0.0, 0.5, 1.0], 0.5);
    assert_eq!(fmt.decimals, 1);
    assert!(!fmt.scientific);
    let labels: Vec<String> = [0.0, 0.5, 1.0].iter().map(|&v| fmt.format(v)).collect();
    assert_eq!(labels, ["0", "0.5", "1.0"]);
    assert_eq!(fmt.clone().with_pad_zero(true).format(0.0), "0.0");

    let ticks = linear_ticks(0.0, 1.0, 0.2, 0.0);
    let fmt = TickFormat::for_ticks(&ticks, 0.2);
    let labels: Vec<String> = ticks.iter().map(|&v| fmt.format(v)).collect();
    assert_eq!(labels, ["0", "0.2", "0.4", "0.6", "0.8", "1.0"]);

    let ticks = linear_ticks(0.1, 100000.0, 20000.0, 0.0);
    let fmt = TickFormat::for_ticks(&ticks, 20000.0);
    assert_eq!(fmt.format(100000.0), "100000");

    // Values off the interval grid get the decimals they need.
    let ticks = linear_ticks(0.0, 3.0, 1.0, 0.25);
    let fmt = TickFormat::for_ticks(&ticks, 1.0);
    assert_eq!(fmt.format(ticks[0]), "0.25");
    assert_eq!(fmt.format(ticks[1]), "1.25");

    // Noise never shows; -0 never appears.
    let fmt = TickFormat::for_ticks(&[0.1 + 0.2], 0.1);
    assert_eq!(fmt.format(0.1 + 0.2), "0.3");
    assert_eq!(fmt.format(-1e-17), "0");
    assert_eq!(fmt.format(-0.0), "0");
    assert_eq!(TickFormat::plain(2).format(-0.001), "0");
    // Negative numbers: U+2212 by default, ASCII on request.
    let fmt = TickFormat::for_ticks(&[-1.0, -0.5, 0.0], 0.5);
    assert_eq!(fmt.format(-1.0), "\u{2212}1.0");
    assert_eq!(fmt.clone().with_minus(HYPHEN_MINUS).format(-0.5), "-0.5");
    // Tick interval with GR float noise.
    let fmt = TickFormat::for_ticks(&[0.0, 0.020000000000000004], 0.020000000000000004);
    assert_eq!(fmt.decimals, 2);
    assert_eq!(fmt.format(0.020000000000000004), "0.02");
    // Without an interval the values decide.
    assert_eq!(TickFormat::for_ticks(&[1.5, 2.25], 0.0).decimals, 2);
    assert_eq!(TickFormat::for_ticks(&[], 0.0), TickFormat::plain(0));
}

#[test]
fn format_switches_to_scientific() {
    let ticks = linear_ticks(0.0, 2e6, 5e5, 0.0);
    let fmt = TickFormat::for_ticks(&ticks, 5e5);
    assert!(fmt.scientific);
    let labels: Vec<String> = ticks.iter().map(|&v| fmt.format(v)).collect();
    assert_eq!(labels, ["0", "5.0E5", "1.0E6", "1.5E6", "2.0E6"]);
    let label = fmt.label(1.5e6);
    assert_eq!(label.mantissa, "1.5");
    assert_eq!(label.exponent.as_deref(), Some("6"));

    // Below 1e6 stays plain.
    let fmt = TickFormat::for_ticks(&[0.0, 200000.0, 400000.0], 200000.0);
    assert!(!fmt.scientific);
    assert_eq!(fmt.format(400000.0), "400000");

    // Small magnitudes.
    let ticks = linear_ticks(0.0, 1e-4, 2e-5, 0.0);
    let fmt = TickFormat::for_ticks(&ticks, 2e-5);
    assert!(fmt.scientific);
    assert_eq!(fmt.format(2e-5), "2.0E\u{2212}5");
    assert_eq!(fmt.format(1e-4), "1.0E\u{2212}4");
    assert_eq!(fmt.format(-4e-5), "\u{2212}4.0E\u{2212}5");
    assert_eq!(fmt.format(1e-22), "0"); // noise near zero
    let fmt = TickFormat::for_ticks(&[0.0, 0.0001, 0.0002], 0.0001);
    assert!(!fmt.scientific);
    assert_eq!(fmt.format(0.0002), "0.0002");

    // GR's limits: 1e6 plain, 1e14 scientific, mantissas without padding.
    let fmt = TickFormat::for_ticks_with(&[1e6, 2e6], 1e6, SciLimits::GR);
    assert_eq!(fmt.format(2e6), "2000000");
    let fmt = TickFormat::for_ticks_with(&[1e15, 2e15], 1e15, SciLimits::GR);
    assert_eq!(fmt.format(2e15), "2E15");
    assert!(SciLimits::GR.needs_scientific(-14) && !SciLimits::GR.needs_scientific(-13));
    assert!(SciLimits::default().needs_scientific(6) && !SciLimits::default().needs_scientific(5));

    // Mantissa rounding carries into the exponent.
    assert_eq!(TickFormat::scientific(1).format(9.96e5), "1.0E6");
    // Huge and tiny values.
    let fmt = TickFormat::for_ticks(&linear_ticks(0.0, 1e300, 2e299, 0.0), 2e299);
    assert_eq!(fmt.format(2e299), "2.0E299");
    assert_eq!(fmt.format(1e300), "1.0E300");
    let fmt = TickFormat::for_ticks(&linear_ticks(1e-300, 2e-300, 2e-301, 0.0), 2e-301);
    assert_eq!(fmt.format(1.2e-300), "1.2E\u{2212}300");
    assert_eq!(fmt.format(2e-300), "2.0E\u{2212}300");
}

#[test]
fn format_special_values() {
    let fmt = TickFormat::plain(1);
    assert_eq!(fmt.format(f64::NAN), "nan");
    assert_eq!(fmt.format(f64::INFINITY), "inf");
    assert_eq!(fmt.format(f64::NEG_INFINITY), "\u{2212}inf");
    assert_eq!(TickFormat::scientific(0).format(0.0), "0");
    assert_eq!(
        TickFormat::scientific(1).with_pad_zero(true).format(0.0),
        "0.0"
    );
    assert_eq!(TickFormat::default().format(1234.4), "1234");
    assert_eq!(
        TickLabel {
            mantissa: "1.5".into(),
            exponent: Some("\u{2212}3".into())
        }
        .to_string(),
        "1.5E\u{2212}3"
    );
}

#[test]
fn log_labels() {
    assert_eq!(
        log_label(-1, 10.0),
        ("10".to_string(), "\u{2212}1".to_string())
    );
    assert_eq!(log_label(0, 10.0), ("10".to_string(), "0".to_string()));
    assert_eq!(log_label(12, 10.0), ("10".to_string(), "12".to_string()));
    assert_eq!(log_label(3, 2.0), ("2".to_string(), "3".to_string()));
    assert_eq!(
        log_label(-2, std::f64::consts::E),
        ("e".to_string(), "\u{2212}2".to_string())
    );
    assert_eq!(log_label(1, 1.5), ("1.5".to_string(), "1".to_string()));
}

/// Property test over many random ranges: GR's tick choice, tick counts,
/// positions, limit adjustment and label round trips.
#[test]
fn property_random_ranges() {
    let mut rng = Lcg(0x5eed_1234_abcd_0001);
    for _ in 0..ITER_RANDOM {
        let (a, b) = rng.axis_range();
        let t = tick(a, b).unwrap_or_else(|e| panic!("tick({a:e}, {b:e}): {e}"));

        // {1, 2, 5} × 10^n, the same choice GR makes.
        let (m, n) = mantissa_exponent(t);
        assert!(
            ["1", "2", "5"].contains(&m.as_str()),
            "tick({a:e}, {b:e}) = {t:e}"
        );
        let reference = gr_reference_tick(a, b);
        assert!(
            (t - reference).abs() <= 4.0 * f64::EPSILON * reference,
            "{t:e} vs GR {reference:e}"
        );

        // GR guarantees 2 < (b - a) / t <= 5, hence 2..=6 ticks in the range.
        let ratio = (b - a) / t;
        assert!(
            ratio > 2.0 - 1e-9 && ratio <= 5.0 + 1e-9,
            "ratio {ratio} for ({a:e}, {b:e})"
        );
        let ticks = linear_ticks(a, b, t, 0.0);
        assert!(
            (2..=6).contains(&ticks.len()),
            "{} ticks for ({a:e}, {b:e})",
            ticks.len()
        );

        // Inside the range, sorted, evenly spaced.
        let vmax = ticks.iter().fold(0f64, |m, v| m.max(v.abs()));
        let spacing_tol = 1e-9 * t + 8.0 * f64::EPSILON * vmax;
        for w in ticks.windows(2) {
            assert!(w[0] < w[1]);
            assert!(
                ((w[1] - w[0]) - t).abs() <= spacing_tol,
                "spacing {:e} vs {t:e}",
                w[1] - w[0]
            );
        }
        assert!(ticks.iter().all(|&v| v >= a && v <= b));
        // Multiples of the tick; positions of moderate magnitude are exact decimals.
        for &v in &ticks {
            let k = (v / t).round();
            assert!((v / t - k).abs() < 1e-6);
            if k.abs() < 1e6 {
                let m: f64 = m.parse().unwrap();
                let exact: f64 = format!("{}e{}", k * m, n).parse().unwrap();
                assert_eq!(v, exact + 0.0, "tick {k} of ({a:e}, {b:e})");
            }
        }

        // Limit adjustment contains the range and lands on round numbers.
        let (lo, hi) = adjustlimits(a, b);
        assert!(
            lo <= a && hi >= b,
            "adjustlimits({a:e}, {b:e}) = ({lo:e}, {hi:e})"
        );
        assert!(hi - lo <= 1.5 * (b - a) + 2.0 * 10f64.powf((b - a).log10().floor()));
        let (lo, hi) = adjustrange(a, b);
        assert!(
            lo <= a && hi >= b,
            "adjustrange({a:e}, {b:e}) = ({lo:e}, {hi:e})"
        );
        assert!(lo > a - t * (1.0 + 1e-9) && hi < b + t * (1.0 + 1e-9));
        for x in [lo, hi] {
            let q = x / t;
            if x != a && x != b {
                assert!(
                    (q - q.round()).abs() < 1e-6,
                    "{x:e} not a multiple of {t:e}"
                );
            }
        }

        // Labels: one format, round trips within half a unit of the last digit.
        let fmt = TickFormat::for_ticks(&ticks, t);
        if !fmt.scientific {
            assert_eq!(
                fmt.decimals,
                n.min(0).unsigned_abs() as usize,
                "decimals for tick {t:e}"
            );
        }
        let mut labels = Vec::new();
        for &v in &ticks {
            let label = fmt.label(v);
            let s = fmt.format(v);
            let parsed = parse_label(&s);
            let last_digit = match &label.exponent {
                Some(e) => {
                    let e: i32 = e.replace(MINUS_SIGN, "-").parse().unwrap();
                    10f64.powi(e - fmt.decimals as i32)
                }
                None => 10f64.powi(-(fmt.decimals as i32)),
            };
            assert!(
                (parsed - v).abs()
                    <= 0.5 * last_digit * (1.0 + 1e-9) + 4.0 * f64::EPSILON * v.abs(),
                "{v:e} formatted as {s:?}"
            );
            assert!(
                !s.starts_with('-') && !s.contains("E-"),
                "ASCII minus in {s:?}"
            );
            if s.starts_with(MINUS_SIGN) {
                assert!(v < 0.0 && parsed != 0.0, "negative zero label {s:?}");
            }
            assert!(s.len() <= 24, "overlong label {s:?}");
            labels.push(s);
        }
        let mut unique = labels.clone();
        unique.dedup();
        assert_eq!(unique, labels, "duplicate labels for ({a:e}, {b:e})");
    }
}

/// Property test: ticks aligned to an arbitrary origin inside the range.
#[test]
fn property_origin_offset() {
    let mut rng = Lcg(0x0123_4567_89ab_cdef);
    for _ in 0..ITER_ORIGIN {
        let (a, b) = rng.axis_range();
        let t = tick(a, b).unwrap();
        let origin = rng.range(a, b);
        let ticks = linear_ticks(a, b, t, origin);
        assert!((2..=6).contains(&ticks.len()));
        let scale = origin.abs().max(a.abs()).max(b.abs());
        for &v in &ticks {
            assert!(v >= a && v <= b);
            let k = (v - origin) / t;
            assert!(
                (k - k.round()).abs() <= 1e-9 + 32.0 * f64::EPSILON * scale / t,
                "{v:e} vs origin {origin:e}"
            );
        }
        let fmt = TickFormat::for_ticks(&ticks, t);
        for &v in &ticks {
            let parsed = parse_label(&fmt.format(v));
            let last_digit = if fmt.scientific {
                // Any label's mantissa resolution is at most the tick's.
                t
            } else {
                10f64.powi(-(fmt.decimals as i32))
            };
            assert!(
                (parsed - v).abs()
                    <= 0.5 * last_digit * (1.0 + 1e-9) + 4.0 * f64::EPSILON * v.abs()
            );
        }
    }
}

/// Property test: log ticks are sorted, inside the range and correctly tagged.
#[test]
fn property_log_ticks() {
    let mut rng = Lcg(42);
    for _ in 0..500 {
        let lo = 10f64.powf(rng.range(-300.0, 300.0));
        let hi = lo * 10f64.powf(rng.range(0.0, 8.0));
        if !hi.is_finite() {
            continue;
        }
        let t = log_ticks(lo, hi, 10.0);
        assert!(t.windows(2).all(|w| w[0].0 < w[1].0));
        for &(v, major) in &t {
            assert!(v >= lo * (1.0 - 1e-12) && v <= hi * (1.0 + 1e-12));
            let (m, e) = mantissa_exponent(v);
            assert_eq!(major, m == "1", "{v:e}");
            assert!(m.len() == 1, "{v:e} is not j·10^k");
            let (base, exp) = log_label(e, 10.0);
            assert_eq!(base, "10");
            assert_eq!(exp.replace(MINUS_SIGN, "-").parse::<i32>().unwrap(), e);
        }
        // One major tick per decade boundary inside the range.
        let decades = t.iter().filter(|p| p.1).count() as f64;
        let expected = (hi.log10() + 1e-12).floor() - (lo.log10() - 1e-12).ceil() + 1.0;
        assert!((decades - expected).abs() <= 1.0);
    }
}

/// Property test: widths and offsets across the whole double range
/// (10⁻³⁰⁰ … 10³⁰⁰), where every label is scientific.
#[test]
fn property_extreme_magnitudes() {
    let mut rng = Lcg(0xdead_beef);
    for _ in 0..ITER_EXTREME {
        let width = 10f64.powf(rng.range(-300.0, 300.0));
        let offset = width * rng.range(-3.0, 3.0);
        let (a, b) = (offset, offset + width);
        if !(a.is_finite() && b.is_finite() && a < b) {
            continue;
        }
        let t = tick(a, b).unwrap();
        let ticks = linear_ticks(a, b, t, 0.0);
        assert!((2..=6).contains(&ticks.len()), "({a:e}, {b:e})");
        assert!(ticks.iter().all(|&v| v >= a && v <= b));
        let (lo, hi) = adjustlimits(a, b);
        assert!(lo <= a && hi >= b);
        let (lo, hi) = adjustrange(a, b);
        assert!(lo <= a && hi >= b);
        let fmt = TickFormat::for_ticks(&ticks, t);
        for &v in &ticks {
            let s = fmt.format(v);
            let parsed = parse_label(&s);
            assert!((parsed - v).abs() <= 0.5 * t, "{v:e} formatted as {s:?}");
        }
    }
}

#[test]
fn values_just_below_a_decade_round_up() {
    assert_eq!(super::round_at(-0.09999999999999998, -1), -0.1);
    assert_eq!(super::round_at(0.04, -1), 0.0);
    let h: Vec<f64> = (0..17).map(|k| -0.6 + 0.1 * k as f64).collect();
    let f = super::TickFormat::for_ticks(&h, 0.1);
    assert_eq!(f.decimals, 1);
    assert_eq!(f.format(h[5]), "\u{2212}0.1");
}
