//! Compact SVG path data for long polylines: relative `l`/`h`/`v` steps between points
//! rounded to a fixed grid, so the rounding never accumulates along the line.

use std::fmt::Write;

use crate::geometry::{Path, PathCmd};

/// Line-only paths with at least this many commands (long polylines) are written with
/// relative coordinates.
pub(super) const RELATIVE_MIN: usize = 32;
/// Decimals of relative path data (0.01 px is far below anything visible).
pub(super) const RELATIVE_DECIMALS: usize = 2;

/// Writes `v` units of `10^-decimals` as the shortest decimal ("-.25", "3", "12.5"),
/// preceded by a space if `sep` and the number does not start with a minus sign.
fn push_fixed(out: &mut String, v: i64, decimals: usize, sep: bool) {
    let scale = 10i64.pow(decimals as u32);
    let a = v.unsigned_abs() as i64;
    let (int, mut frac) = (a / scale, a % scale);
    if v < 0 {
        out.push('-');
    } else if sep {
        out.push(' ');
    }
    if int != 0 || frac == 0 {
        let _ = write!(out, "{int}");
    }
    if frac != 0 {
        let mut digits = decimals;
        while frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        let _ = write!(out, ".{frac:0digits$}");
    }
}

/// Path data of a line-only path with relative coordinates: absolute `M` at each piece's
/// start, then `l`, `h` (horizontal) and `v` (vertical) steps between the rounded points,
/// so the rounding does not drift along the line.
pub(super) fn relative_line_data(out: &mut String, path: &Path, decimals: usize) {
    let scale = 10f64.powi(decimals as i32);
    let fix = |v: f64| {
        if v.is_finite() {
            (v * scale).round() as i64
        } else {
            0
        }
    };
    let (mut cur, mut start) = ((0i64, 0i64), (0i64, 0i64));
    let mut last = ' ';
    for c in &path.cmds {
        match *c {
            PathCmd::MoveTo(x, y) => {
                let p = (fix(x), fix(y));
                out.push('M');
                push_fixed(out, p.0, decimals, false);
                push_fixed(out, p.1, decimals, true);
                cur = p;
                start = p;
                last = 'M';
            }
            PathCmd::LineTo(x, y) => {
                let p = (fix(x), fix(y));
                let (dx, dy) = (p.0 - cur.0, p.1 - cur.1);
                let (letter, args): (char, &[i64]) = match (dx, dy) {
                    (0, 0) => ('l', &[0, 0]),
                    (0, _) => ('v', &[dy]),
                    (_, 0) => ('h', &[dx]),
                    _ => ('l', &[dx, dy]),
                };
                let mut sep = letter == last;
                if !sep {
                    out.push(letter);
                }
                for &a in args {
                    push_fixed(out, a, decimals, sep);
                    sep = true;
                }
                cur = p;
                last = letter;
            }
            PathCmd::Close => {
                out.push('Z');
                cur = start;
                last = 'Z';
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{path_data, PX};
    use crate::geometry::Path;

    #[test]
    fn long_lines_use_relative_steps_without_drift() {
        let mut p = Path::new();
        p.move_to(10.0, 20.0);
        for i in 1..40 {
            // Steps of 1/3 px: rounded steps alternate so the end point stays exact.
            p.line_to(10.0 + i as f64 / 3.0, if i % 2 == 0 { 20.0 } else { 25.5 });
        }
        p.line_to(30.0, 25.5);
        p.line_to(30.0, 20.25);
        p.close();
        let mut s = String::new();
        path_data(&mut s, &p, PX);
        assert!(s.starts_with("M10 20l.33 5.5 .34-5.5 .33 5.5"), "{s}");
        assert!(s.ends_with("v-5.25Z"), "{s}");
        // Summing the steps gives the rounded absolute points back.
        let parsed = usvg::Tree::from_str(
            &format!(
                "<svg xmlns='http://www.w3.org/2000/svg' width='100' height='100'><path d='{s}' stroke='black' fill='none'/></svg>"
            ),
            &usvg::Options::default(),
        )
        .unwrap();
        let b = parsed.root().abs_stroke_bounding_box();
        assert!(
            (b.right() - 30.5).abs() < 0.01 && (b.bottom() - 26.0).abs() < 0.01,
            "{b:?}"
        );
    }
}
