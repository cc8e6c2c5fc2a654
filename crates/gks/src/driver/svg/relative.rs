//! Compact SVG path data for long polylines: relative `l`/`h`/`v` steps between points
//! rounded to a fixed grid, so the rounding never accumulates along the line. Points that do
//! not change the line by more than 0.05 px are left out, as in the PDF driver
//! ([`simplify_run`]).

use crate::driver::pdf::simplify_run;
use crate::geometry::{Path, PathCmd};

/// Line-only paths with at least this many commands (long polylines) are written with
/// relative coordinates.
pub(super) const RELATIVE_MIN: usize = 32;
/// Decimals of relative path data (0.01 px is far below anything visible).
pub(super) const RELATIVE_DECIMALS: usize = 2;

/// Writes `v` units of `10^-decimals` as the shortest decimal ("-.25", "3", "12.5"),
/// preceded by a space if `sep` and the number does not start with a minus sign.
fn push_fixed(out: &mut String, v: i64, decimals: usize, sep: bool) {
    let scale = 10u64.pow(decimals as u32);
    let a = v.unsigned_abs();
    let (int, mut frac) = (a / scale, a % scale);
    // Digits are written back to front into `buf`.
    let mut buf = [0u8; 48];
    let mut i = buf.len();
    let mut put = |b: u8| {
        i -= 1;
        buf[i] = b;
    };
    if frac != 0 {
        let mut digits = decimals;
        while frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        for _ in 0..digits {
            put(b'0' + (frac % 10) as u8);
            frac /= 10;
        }
        put(b'.');
    }
    if int != 0 || a % scale == 0 {
        let mut n = int;
        loop {
            put(b'0' + (n % 10) as u8);
            n /= 10;
            if n == 0 {
                break;
            }
        }
    }
    if v < 0 {
        put(b'-');
    } else if sep {
        put(b' ');
    }
    out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or("0"));
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
    let line_to = |out: &mut String, x: f64, y: f64, cur: &mut (i64, i64), last: &mut char| {
        let p = (fix(x), fix(y));
        let (dx, dy) = (p.0 - cur.0, p.1 - cur.1);
        let (letter, args): (char, &[i64]) = match (dx, dy) {
            (0, 0) => ('l', &[0, 0]),
            (0, _) => ('v', &[dy]),
            (_, 0) => ('h', &[dx]),
            _ => ('l', &[dx, dy]),
        };
        let mut sep = letter == *last;
        if !sep {
            out.push(letter);
        }
        for &a in args {
            push_fixed(out, a, decimals, sep);
            sep = true;
        }
        *cur = p;
        *last = letter;
    };
    // The current point unrounded (runs are simplified in device px), if a piece is open.
    let mut from: Option<(f64, f64)> = None;
    let mut start_f = (0.0, 0.0);
    let (mut run, mut kept, mut dropped) = (Vec::new(), Vec::new(), Vec::new());
    let cmds = &path.cmds;
    let mut i = 0;
    while i < cmds.len() {
        match cmds[i] {
            PathCmd::MoveTo(x, y) => {
                let p = (fix(x), fix(y));
                out.push('M');
                push_fixed(out, p.0, decimals, false);
                push_fixed(out, p.1, decimals, true);
                cur = p;
                start = p;
                last = 'M';
                from = Some((x, y));
                start_f = (x, y);
            }
            PathCmd::LineTo(..) => {
                run.clear();
                while let Some(&PathCmd::LineTo(x, y)) = cmds.get(i) {
                    run.push((x, y));
                    i += 1;
                }
                kept.clear();
                match from {
                    Some(f) => simplify_run(f, &run, &mut dropped, &mut kept),
                    None => kept.extend_from_slice(&run),
                }
                for &(x, y) in &kept {
                    line_to(out, x, y, &mut cur, &mut last);
                }
                from = run.last().copied();
                continue;
            }
            PathCmd::Close => {
                out.push('Z');
                cur = start;
                last = 'Z';
                from = from.map(|_| start_f);
            }
            _ => {}
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::super::{path_data, PX};
    use super::push_fixed;
    use crate::geometry::Path;

    #[test]
    fn fixed_numbers_are_shortest() {
        let cases = [
            (0, false, "0"),
            (-25, false, "-.25"),
            (25, true, " .25"),
            (300, true, " 3"),
            (1205, false, "12.05"),
            (-1250, true, "-12.5"),
            (i64::MIN + 1, false, "-92233720368547758.07"),
        ];
        for (v, sep, want) in cases {
            let mut s = String::new();
            push_fixed(&mut s, v, 2, sep);
            assert_eq!(s, want, "{v}");
        }
    }

    #[test]
    fn nearly_straight_runs_are_simplified() {
        // 100 points on a line with 0.01 px of noise: every 17th point (at most 16 are left
        // out in a row) and the end remain.
        let mut p = Path::new();
        p.move_to(0.0, 0.0);
        for i in 1..=100 {
            p.line_to(i as f64, if i % 2 == 0 { 0.01 } else { 0.0 });
        }
        let mut s = String::new();
        path_data(&mut s, &p, PX);
        assert_eq!(s, "M0 0h17l17 .01 17-.01 17 .01 17-.01 15 .01");
        // A bend of 1 px stays.
        let mut q = Path::new();
        q.move_to(0.0, 0.0);
        for i in 1..=40 {
            q.line_to(i as f64, if i == 20 { 1.0 } else { 0.0 });
        }
        let mut s = String::new();
        path_data(&mut s, &q, PX);
        assert!(s.contains("l1 1 1-1"), "{s}");
    }

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
