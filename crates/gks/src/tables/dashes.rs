//! GR's dash patterns of the line types (`dash_table` in `lib/gks/util.c`).
//!
//! GR indexes its table with `linetype + 30`, so line types −30..=4 have an entry. Each
//! entry alternates "on" and "off" lengths, starting with an "on" segment, in units of one
//! nominal pixel (1/500 of the smaller device dimension; the cairo driver multiplies the
//! values by `min(width, height) / 500`). Before use GR's `gks_get_dash_list` scales every
//! value by the line width (widths below 1 count as 1) and rounds the result to an
//! integer, see [`dash_pattern_px`]. Line types 0 and 1 are solid (empty entry); the GKS
//! software emulation also treats 0 as solid but closes the polyline.
//!
//! The named GKS line types are listed in [`LINETYPE_NAMES`]; the remaining negative
//! indices (−9..=−30) are further patterns without names.

/// Lowest line type with a table entry.
pub const LINETYPE_MIN: i32 = -30;

/// Highest line type with a table entry.
pub const LINETYPE_MAX: i32 = 4;

/// GR's dash table, indexed by `linetype + 30`: alternating on/off lengths in nominal
/// pixels, empty for the solid types 0 and 1.
#[rustfmt::skip]
pub const DASH_TABLE: [&[f64]; 35] = [
    &[4.0, 2.0, 4.0, 2.0, 4.0, 2.0, 4.0, 6.0], // -30
    &[4.0, 2.0, 4.0, 2.0, 4.0, 6.0], // -29
    &[4.0, 2.0, 4.0, 6.0], // -28
    &[3.0, 2.0, 3.0, 2.0, 3.0, 2.0, 3.0, 6.0], // -27
    &[3.0, 2.0, 3.0, 2.0, 3.0, 6.0], // -26
    &[3.0, 2.0, 3.0, 6.0], // -25
    &[3.0, 2.0, 3.0, 2.0, 3.0, 2.0, 3.0, 4.0], // -24
    &[3.0, 2.0, 3.0, 2.0, 3.0, 4.0], // -23
    &[3.0, 2.0, 3.0, 4.0], // -22
    &[1.0, 1.0], // -21
    &[1.0, 2.0], // -20
    &[1.0, 6.0], // -19
    &[1.0, 8.0], // -18
    &[1.0, 3.0, 1.0, 3.0, 1.0, 6.0], // -17
    &[1.0, 3.0, 1.0, 6.0], // -16
    &[6.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0], // -15
    &[6.0, 2.0, 1.0, 2.0, 1.0, 2.0], // -14
    &[6.0, 2.0, 1.0, 2.0], // -13
    &[9.0, 3.0, 5.0, 3.0], // -12
    &[9.0, 3.0], // -11
    &[5.0, 5.0], // -10
    &[5.0, 3.0], // -9
    &[1.0, 4.0, 1.0, 4.0, 1.0, 8.0], // -8
    &[1.0, 4.0, 1.0, 8.0], // -7
    &[1.0, 1.0], // -6
    &[8.0, 1.0], // -5
    &[16.0, 5.0, 8.0, 5.0], // -4
    &[16.0, 5.0], // -3
    &[8.0, 4.0, 1.0, 4.0, 1.0, 4.0, 1.0, 4.0], // -2
    &[8.0, 4.0, 1.0, 4.0, 1.0, 4.0], // -1
    &[], // 0
    &[], // 1
    &[8.0, 5.0], // 2
    &[1.0, 2.0], // 3
    &[8.0, 4.0, 1.0, 4.0], // 4
];

/// Names of the GKS line types (`GKS_K_LINETYPE_*` in `gks.h`), lower-case.
#[rustfmt::skip]
pub const LINETYPE_NAMES: &[(i32, &str)] = &[
    (1, "solid"),
    (2, "dashed"),
    (3, "dotted"),
    (4, "dashed_dotted"),
    (-1, "dash_2_dot"),
    (-2, "dash_3_dot"),
    (-3, "long_dash"),
    (-4, "long_short_dash"),
    (-5, "spaced_dash"),
    (-6, "spaced_dot"),
    (-7, "double_dot"),
    (-8, "triple_dot"),
];

/// On/off lengths (in nominal pixels, starting with "on") of a line type. Returns
/// `Some(&[])` for the solid types 0 and 1 and `None` outside −30..=4.
pub fn dash_pattern(linetype: i32) -> Option<&'static [f64]> {
    if (LINETYPE_MIN..=LINETYPE_MAX).contains(&linetype) {
        Some(DASH_TABLE[(linetype - LINETYPE_MIN) as usize])
    } else {
        None
    }
}

/// The dash lengths GR's drivers actually use, in device pixels: every table value is
/// multiplied by `max(linewidth, 1)`, rounded to the nearest integer (as
/// `gks_get_dash_list` does) and then multiplied by `nominal_px` (the size of one nominal
/// pixel on the device). `None` for solid and unknown line types.
pub fn dash_pattern_px(linetype: i32, linewidth: f64, nominal_px: f64) -> Option<Vec<f64>> {
    let scale = if linewidth < 1.0 { 1.0 } else { linewidth };
    let table = dash_pattern(linetype)?;
    if table.is_empty() {
        return None;
    }
    Some(
        table
            .iter()
            .map(|v| (v * scale + 0.5).floor() * nominal_px)
            .collect(),
    )
}

/// Looks up the GKS line type with the given name (see [`LINETYPE_NAMES`]).
pub fn linetype_by_name(name: &str) -> Option<i32> {
    LINETYPE_NAMES
        .iter()
        .find(|(_, n)| n.eq_ignore_ascii_case(name.trim()))
        .map(|&(t, _)| t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_patterns() {
        assert_eq!(dash_pattern(1), Some(&[][..]));
        assert_eq!(dash_pattern(0), Some(&[][..]));
        assert_eq!(dash_pattern(2), Some(&[8.0, 5.0][..]));
        assert_eq!(dash_pattern(3), Some(&[1.0, 2.0][..]));
        assert_eq!(dash_pattern(4), Some(&[8.0, 4.0, 1.0, 4.0][..]));
        assert_eq!(dash_pattern(-1), Some(&[8.0, 4.0, 1.0, 4.0, 1.0, 4.0][..]));
        assert_eq!(
            dash_pattern(-2),
            Some(&[8.0, 4.0, 1.0, 4.0, 1.0, 4.0, 1.0, 4.0][..])
        );
        assert_eq!(dash_pattern(-3), Some(&[16.0, 5.0][..]));
        assert_eq!(dash_pattern(-4), Some(&[16.0, 5.0, 8.0, 5.0][..]));
        assert_eq!(dash_pattern(-5), Some(&[8.0, 1.0][..]));
        assert_eq!(dash_pattern(-6), Some(&[1.0, 1.0][..]));
        assert_eq!(dash_pattern(-7), Some(&[1.0, 4.0, 1.0, 8.0][..]));
        assert_eq!(dash_pattern(-8), Some(&[1.0, 4.0, 1.0, 4.0, 1.0, 8.0][..]));
        assert_eq!(
            dash_pattern(-30),
            Some(&[4.0, 2.0, 4.0, 2.0, 4.0, 2.0, 4.0, 6.0][..])
        );
        assert_eq!(dash_pattern(5), None);
        assert_eq!(dash_pattern(-31), None);
    }

    #[test]
    fn entries_are_even() {
        for d in DASH_TABLE {
            assert_eq!(d.len() % 2, 0);
        }
    }

    #[test]
    fn device_lengths() {
        assert_eq!(dash_pattern_px(2, 0.5, 2.0), Some(vec![16.0, 10.0]));
        assert_eq!(dash_pattern_px(3, 1.5, 1.0), Some(vec![2.0, 3.0]));
        assert_eq!(dash_pattern_px(1, 1.0, 1.0), None);
        assert_eq!(linetype_by_name("Long_Dash"), Some(-3));
    }
}
