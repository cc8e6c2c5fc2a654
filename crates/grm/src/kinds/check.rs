//! Input checks shared by the kinds (messages name the key path and say what to change),
//! and series styling (colour cycle, line specs).

use std::borrow::Cow;

use gr::Gr;

use crate::error::{invalid, Result};
use crate::plot::Series;

/// GRM's colour cycle for series (GR colour indices).
pub(crate) const COLORS: [i32; 20] = [
    989, 982, 980, 981, 996, 983, 995, 988, 986, 990, 991, 984, 992, 993, 994, 987, 985, 997, 998,
    999,
];

/// Colour index of series `i` in the cycle.
pub(crate) fn series_color(i: usize) -> i32 {
    COLORS[i % COLORS.len()]
}

/// A required array of a series.
pub(crate) fn req<'a>(v: &'a Option<Vec<f64>>, path: &str, key: &str) -> Result<&'a [f64]> {
    v.as_deref()
        .ok_or_else(|| invalid(format!("{path}.{key}"), "missing: this kind needs it"))
}

/// `x` of a series, or 1..=n when absent.
pub(crate) fn x_or_index(s: &Series, n: usize) -> Cow<'_, [f64]> {
    match &s.x {
        Some(x) => Cow::Borrowed(x),
        None => Cow::Owned((1..=n).map(|i| i as f64).collect()),
    }
}

/// Checks that `a` has `n` values.
pub(crate) fn check_len(path: &str, key: &str, a: &[f64], n: usize, other: &str) -> Result<()> {
    if a.len() != n {
        return Err(invalid(
            format!("{path}.{key}"),
            format!(
                "has {} values but {other} has {n}; give both the same length",
                a.len()
            ),
        ));
    }
    Ok(())
}

/// Checks that an array is not empty.
pub(crate) fn non_empty(path: &str, key: &str, a: &[f64]) -> Result<()> {
    if a.is_empty() {
        return Err(invalid(
            format!("{path}.{key}"),
            "is empty; give at least one value",
        ));
    }
    Ok(())
}

/// The finite range of `a` (NaN values are gaps and skipped; infinities are errors).
/// With `log` set (the option's name, e.g. `"x_log"`), values must be positive.
pub(crate) fn range(path: &str, key: &str, a: &[f64], log: Option<&str>) -> Result<[f64; 2]> {
    non_empty(path, key, a)?;
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for (i, &v) in a.iter().enumerate() {
        if v.is_nan() {
            continue;
        }
        if v.is_infinite() {
            return Err(invalid(
                format!("{path}.{key}[{i}]"),
                format!("is {v}; use finite values (NaN leaves a gap)"),
            ));
        }
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if lo > hi {
        return Err(invalid(
            format!("{path}.{key}"),
            "has no finite values (all NaN); give at least one number",
        ));
    }
    if let Some(opt) = log {
        if lo <= 0.0 {
            return Err(invalid(
                format!("{path}.{key}"),
                format!(
                    "{opt} is set but the data has values <= 0 (smallest {lo}); \
                     remove {opt} or keep only positive values"
                ),
            ));
        }
    }
    Ok([lo, hi])
}

/// Applies the default style of series `index` (colour from the cycle, solid line) and its
/// line spec. Returns which parts the spec set.
pub(crate) fn apply_style(
    gr: &mut Gr,
    s: &Series,
    index: usize,
    path: &str,
) -> Result<gr::inquiries::LineSpecParts> {
    let color = series_color(index);
    gr.setlinetype(1)?;
    gr.setlinewidth(1.5)?;
    gr.setlinecolorind(color)?;
    gr.setmarkercolorind(color)?;
    gr.setmarkertype(-1)?;
    gr.setmarkersize(1.2)?;
    gr.setfillcolorind(color)?;
    match &s.spec {
        Some(spec) => gr
            .uselinespec(spec)
            .map_err(|e| invalid(format!("{path}.spec"), strip_gr(&e.to_string()))),
        None => Ok(Default::default()),
    }
}

/// Drops the "invalid argument to f: " prefix of a plotting-layer message.
pub(crate) fn strip_gr(msg: &str) -> String {
    msg.split_once(": ")
        .filter(|(a, _)| a.starts_with("invalid argument to"))
        .map_or(msg, |(_, b)| b)
        .to_string()
}

/// `x` and `y` of a series of scattered points (same length, finite ranges, positive on
/// log axes) and their extent.
pub(crate) fn scattered_xy<'a>(
    plot: &crate::plot::Plot,
    s: &'a Series,
    path: &str,
) -> Result<(&'a [f64], &'a [f64], super::Extent)> {
    let x = req(&s.x, path, "x")?;
    let y = req(&s.y, path, "y")?;
    check_len(path, "y", y, x.len(), "x")?;
    let e = super::Extent {
        x: range(path, "x", x, plot.x_log.then_some("x_log"))?,
        y: range(path, "y", y, plot.y_log.then_some("y_log"))?,
        z: None,
    };
    Ok((x, y, e))
}
