//! A compact PDF content-stream writer for the PDF driver: operators with fixed-precision
//! operands (written without float formatting), hex glyph strings, and the simplification of
//! long polylines (points within [`SIMPLIFY_PX`] of the line through their neighbours are
//! left out).
//!
//! Long line-only paths are written as a separate part of the page's content (pages may
//! have an array of content streams): one fixed-width text row `x y l` per point in integer
//! units of 1/100 px, compressed with the PNG "Up" predictor (`/DecodeParms <</Predictor 12
//! /Columns w>>`, a standard Flate parameter that applies to any stream). Each row minus
//! the row above is mostly zeros where neighbouring points share leading digits, which
//! deflate packs far better than the digits themselves; the decoded text, and so the
//! geometry, is exactly that of 0.01 px coordinates.

use super::super::encode::push_num;
use crate::geometry::{Path, PathCmd};

/// Decimals of path coordinates in device pixels (0.01 px).
pub(super) const PX: usize = 2;
/// Decimals of the linear part of matrices.
const LIN: usize = 6;
/// Decimals of the translation part of matrices (device pixels).
const POS: usize = 4;
/// Decimals of colour components (1/255 steps are about 0.0039).
const COLOR: usize = 4;

/// A point of a line run is left out when it and all points left out since the last point
/// written lie within this distance (device px) of the segment that replaces them. On W8 (a
/// decimated 1M-point line) this leaves out a fifth of the points; pdftoppm, PDFium and
/// MuPDF renderings at 1 px per device pixel differ from the unsimplified file by at most
/// 24/255 on a handful of antialiased edge pixels.
pub(crate) const SIMPLIFY_PX: f64 = 0.05;
/// At most this many consecutive points are left out (bounds the work per point).
const MAX_DROPPED: usize = 16;

/// Line-only paths with at least this many commands are written as predicted rows (below,
/// the extra stream object costs more than the prediction saves).
pub(super) const ROWS_MIN: usize = 256;

/// Units per device pixel of predicted rows.
pub(super) const ROW_UNITS: f64 = 100.0;

/// One part of a page's content.
pub(super) enum Part {
    /// Plain operator text.
    Text(Vec<u8>),
    /// Fixed-width rows of `columns` bytes, each already prefixed with the PNG "Up" filter
    /// byte and differenced against the row above (the data of a `/Predictor 12` stream).
    Rows {
        /// Filtered row data.
        data: Vec<u8>,
        /// Row width without the filter byte.
        columns: usize,
    },
}

/// Content stream text (ASCII only: glyph strings are written in hex).
#[derive(Default)]
pub(super) struct Ops {
    s: String,
    /// Parts finished before `s`.
    parts: Vec<Part>,
    /// Points left out since the last point kept by [`simplify_run`].
    dropped: Vec<(f64, f64)>,
    /// Scratch list of kept points.
    kept: Vec<(f64, f64)>,
}

impl Ops {
    /// The finished content, in order.
    pub fn into_parts(mut self) -> Vec<Part> {
        if !self.s.is_empty() || self.parts.is_empty() {
            self.parts.push(Part::Text(self.s.into_bytes()));
        }
        self.parts
    }

    /// Appends a number operand with `decimals` places and a separating space.
    pub fn num(&mut self, v: f64, decimals: usize) {
        push_num(&mut self.s, v, decimals);
        self.s.push(' ');
    }

    /// Appends an operator and ends the line.
    pub fn op(&mut self, name: &str) {
        self.s.push_str(name);
        self.s.push('\n');
    }

    /// Appends a resource name operand (`/Name `).
    pub fn name(&mut self, name: &str) {
        self.s.push('/');
        self.s.push_str(name);
        self.s.push(' ');
    }

    /// `x y m`.
    pub fn move_to(&mut self, x: f64, y: f64) {
        self.num(x, PX);
        self.num(y, PX);
        self.op("m");
    }

    /// `x y l`.
    pub fn line_to(&mut self, x: f64, y: f64) {
        self.num(x, PX);
        self.num(y, PX);
        self.op("l");
    }

    /// `x1 y1 x2 y2 x y c`.
    pub fn cubic_to(&mut self, v: [f64; 6]) {
        for c in v {
            self.num(c, PX);
        }
        self.op("c");
    }

    /// `x y w h re` (device px).
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64) {
        for c in [x, y, w, h] {
            self.num(c, PX);
        }
        self.op("re");
    }

    /// A matrix followed by `op` (`cm` or `Tm`).
    pub fn matrix(&mut self, m: &[f64; 6], op: &str) {
        for (i, v) in m.iter().enumerate() {
            self.num(*v, if i < 4 { LIN } else { POS });
        }
        self.op(op);
    }

    /// `r g b rg` (fill) or `RG` (stroke) from 8-bit components.
    pub fn rgb(&mut self, c: [u8; 3], stroke: bool) {
        for v in c {
            self.num(v as f64 / 255.0, COLOR);
        }
        self.op(if stroke { "RG" } else { "rg" });
    }

    /// A number operand with `decimals` places and operator `op` (`w`, `J`, `j`, ...).
    pub fn num_op(&mut self, v: f64, decimals: usize, op: &str) {
        self.num(v, decimals);
        self.op(op);
    }

    /// `[d0 d1 ...] 0 d` (device px).
    pub fn dash(&mut self, dash: &[f64]) {
        self.s.push('[');
        for (i, v) in dash.iter().enumerate() {
            if i > 0 {
                self.s.push(' ');
            }
            push_num(&mut self.s, *v, PX);
        }
        self.s.push_str("] 0 ");
        self.op("d");
    }

    /// A glyph string in hex (`<0001000a>`), two bytes per CID.
    pub fn hex_cids(&mut self, cids: &[u16]) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.s.push('<');
        for c in cids {
            for shift in [12, 8, 4, 0] {
                self.s.push(HEX[(c >> shift) as usize & 15] as char);
            }
        }
        self.s.push('>');
    }

    /// Appends raw operator text.
    pub fn raw(&mut self, t: &str) {
        self.s.push_str(t);
    }

    /// Writes the line-to run `pts` that continues from the current point `from`: points
    /// whose omission moves the line by at most [`SIMPLIFY_PX`] are left out; the last
    /// point is always written.
    pub fn line_run(&mut self, from: (f64, f64), pts: &[(f64, f64)]) {
        let mut kept = std::mem::take(&mut self.kept);
        kept.clear();
        simplify_run(from, pts, &mut self.dropped, &mut kept);
        for &(x, y) in &kept {
            self.line_to(x, y);
        }
        self.kept = kept;
    }

    /// Writes the path; returns false if it has no drawing commands. Runs of line segments
    /// go through [`Ops::line_run`] (points that do not change the line are left out).
    pub fn path(&mut self, path: &Path) -> bool {
        let c = self;
        let mut any = false;
        let (mut cx, mut cy) = (0.0, 0.0);
        let (mut sx, mut sy) = (0.0, 0.0);
        let mut open = false;
        let mut run: Vec<(f64, f64)> = Vec::new();
        let cmds = &path.cmds;
        let mut i = 0;
        while i < cmds.len() {
            match cmds[i] {
                PathCmd::MoveTo(x, y) => {
                    c.move_to(x, y);
                    (cx, cy, sx, sy, open) = (x, y, x, y, true);
                }
                PathCmd::LineTo(x, y) => {
                    if open {
                        run.clear();
                        while let Some(&PathCmd::LineTo(x, y)) = cmds.get(i) {
                            run.push((x, y));
                            i += 1;
                        }
                        c.line_run((cx, cy), &run);
                        (cx, cy) = run[run.len() - 1];
                        any = true;
                        continue;
                    }
                    c.move_to(x, y);
                    (sx, sy, open) = (x, y, true);
                    (cx, cy) = (x, y);
                }
                PathCmd::QuadTo(x1, y1, x, y) => {
                    if !open {
                        c.move_to(cx, cy);
                        (sx, sy, open) = (cx, cy, true);
                    }
                    let k = 2.0 / 3.0;
                    c.cubic_to([
                        cx + k * (x1 - cx),
                        cy + k * (y1 - cy),
                        x + k * (x1 - x),
                        y + k * (y1 - y),
                        x,
                        y,
                    ]);
                    (cx, cy) = (x, y);
                }
                PathCmd::CubicTo(x1, y1, x2, y2, x, y) => {
                    if !open {
                        c.move_to(cx, cy);
                        (sx, sy, open) = (cx, cy, true);
                    }
                    c.cubic_to([x1, y1, x2, y2, x, y]);
                    (cx, cy) = (x, y);
                }
                PathCmd::Close => {
                    if open {
                        c.op("h");
                        (cx, cy) = (sx, sy);
                        open = false;
                    }
                    i += 1;
                    continue;
                }
            }
            any = true;
            i += 1;
        }
        any
    }

    /// Whether `path` is written by [`Ops::rows`]: long and made of lines only.
    pub fn rows_eligible(path: &Path) -> bool {
        path.cmds.len() >= ROWS_MIN
            && path.cmds.iter().all(|c| {
                matches!(
                    c,
                    PathCmd::MoveTo(..) | PathCmd::LineTo(..) | PathCmd::Close
                )
            })
    }

    /// Writes a line-only path (see [`Ops::rows_eligible`]) as its own part of predicted
    /// rows, in units of 1/[`ROW_UNITS`] px: the caller must have scaled the CTM by
    /// `1/ROW_UNITS` (and the line width and dashes by `ROW_UNITS`). Line runs are
    /// simplified as in [`Ops::line_run`]. The operators `after` (painting, `Q`) follow as
    /// rows of their own, so no short text part is needed after the rows.
    pub fn rows(&mut self, path: &Path, after: &[&'static str]) {
        // Rows as (x, y, operator) in units; operator-only rows have no coordinates.
        let mut rows: Vec<(i64, i64, &str)> = Vec::with_capacity(path.cmds.len() + after.len());
        let unit = |v: f64| {
            if v.is_finite() {
                (v * ROW_UNITS).round().clamp(-1e15, 1e15) as i64
            } else {
                0
            }
        };
        let mut kept = std::mem::take(&mut self.kept);
        let mut run: Vec<(f64, f64)> = Vec::new();
        let (mut cur, mut start, mut open) = ((0.0, 0.0), (0.0, 0.0), false);
        let cmds = &path.cmds;
        let mut i = 0;
        while i < cmds.len() {
            match cmds[i] {
                PathCmd::LineTo(..) if open => {
                    run.clear();
                    while let Some(&PathCmd::LineTo(x, y)) = cmds.get(i) {
                        run.push((x, y));
                        i += 1;
                    }
                    kept.clear();
                    simplify_run(cur, &run, &mut self.dropped, &mut kept);
                    rows.extend(kept.iter().map(|&(x, y)| (unit(x), unit(y), "l")));
                    cur = run[run.len() - 1];
                    continue;
                }
                PathCmd::MoveTo(x, y) | PathCmd::LineTo(x, y) => {
                    rows.push((unit(x), unit(y), "m"));
                    (cur, start, open) = ((x, y), (x, y), true);
                }
                PathCmd::Close if open => {
                    rows.push((0, 0, "h"));
                    (cur, open) = (start, false);
                }
                _ => {}
            }
            i += 1;
        }
        self.kept = kept;
        rows.extend(after.iter().map(|&op| (0, 0, op)));
        // Column widths: the longest number (with sign) in each column.
        let digits = |v: i64| {
            let mut n = v.unsigned_abs();
            let mut d = 1 + usize::from(v < 0);
            while n >= 10 {
                n /= 10;
                d += 1;
            }
            d
        };
        let coords = rows.iter().filter(|r| matches!(r.2, "m" | "l"));
        let wx = coords.clone().map(|r| digits(r.0)).max().unwrap_or(1);
        let wy = coords.map(|r| digits(r.1)).max().unwrap_or(1);
        let longest_op = after.iter().map(|op| op.len()).max().unwrap_or(0);
        let columns = (wx + wy + 4).max(longest_op + 1);
        let mut data = Vec::with_capacity(rows.len() * (columns + 1));
        let mut prev = vec![0u8; columns];
        let mut row = vec![b' '; columns];
        for &(x, y, op) in &rows {
            row.fill(b' ');
            if matches!(op, "m" | "l") {
                right_align(&mut row[..wx], x);
                right_align(&mut row[wx + 1..wx + 1 + wy], y);
            }
            row[columns - 1 - op.len()..columns - 1].copy_from_slice(op.as_bytes());
            row[columns - 1] = b'\n';
            data.push(2); // PNG "Up"
            data.extend(row.iter().zip(&prev).map(|(a, b)| a.wrapping_sub(*b)));
            std::mem::swap(&mut row, &mut prev);
        }
        if !self.s.is_empty() {
            self.parts
                .push(Part::Text(std::mem::take(&mut self.s).into_bytes()));
        }
        self.parts.push(Part::Rows { data, columns });
    }
}

/// Writes the decimal digits of `v` right-aligned into `cell` (which is wide enough).
fn right_align(cell: &mut [u8], v: i64) {
    let mut n = v.unsigned_abs();
    let mut i = cell.len();
    loop {
        i -= 1;
        cell[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if v < 0 {
        cell[i - 1] = b'-';
    }
}

/// Appends to `kept` the points of the line run `pts` (continuing from `from`) that are
/// needed: a point is left out when it and all points left out since the last kept one lie
/// within [`SIMPLIFY_PX`] of the segment that replaces them. The last point is always kept.
pub(crate) fn simplify_run(
    from: (f64, f64),
    pts: &[(f64, f64)],
    dropped: &mut Vec<(f64, f64)>,
    kept: &mut Vec<(f64, f64)>,
) {
    let Some((&last, inner)) = pts.split_last() else {
        return;
    };
    let mut anchor = from;
    dropped.clear();
    for (i, &p) in inner.iter().enumerate() {
        let next = pts[i + 1];
        let ok = dropped.len() < MAX_DROPPED
            && near_segment(p, anchor, next)
            && dropped.iter().all(|&q| near_segment(q, anchor, next));
        if ok {
            dropped.push(p);
        } else {
            kept.push(p);
            anchor = p;
            dropped.clear();
        }
    }
    kept.push(last);
}

/// Whether `p` is within [`SIMPLIFY_PX`] of the segment `a`–`b`.
fn near_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> bool {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (px, py) = (p.0 - a.0, p.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        ((px * dx + py * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (ex, ey) = (px - t * dx, py - t * dy);
    ex * ex + ey * ey <= SIMPLIFY_PX * SIMPLIFY_PX
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(o: Ops) -> Vec<String> {
        let [Part::Text(t)] = &o.into_parts()[..] else {
            panic!("one text part expected");
        };
        String::from_utf8(t.clone())
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn operators_and_numbers_are_compact() {
        let mut o = Ops::default();
        o.move_to(1.0, 2.555);
        o.matrix(&[0.72, 0.0, 0.0, -0.72, 0.0, 432.0], "cm");
        o.rgb([255, 128, 0], false);
        o.dash(&[3.0, 1.5]);
        o.hex_cids(&[1, 0xabc]);
        o.raw(" Tj\n");
        assert_eq!(
            lines(o),
            [
                "1 2.56 m",
                "0.72 0 0 -0.72 0 432 cm",
                "1 0.502 0 rg",
                "[3 1.5] 0 d",
                "<00010abc> Tj"
            ]
        );
    }

    #[test]
    fn line_runs_drop_only_points_that_stay_on_the_line() {
        let mut o = Ops::default();
        // Collinear and nearly collinear points go; a spike, a corner and the end stay.
        let pts = [
            (1.0, 0.0),
            (2.0, 0.01),
            (3.0, 0.0),
            (3.5, 5.0),
            (4.0, 0.0),
            (5.0, 0.0),
            (5.0, 3.0),
        ];
        o.line_run((0.0, 0.0), &pts);
        assert_eq!(
            lines(o),
            ["3 0 l", "3.5 5 l", "4 0 l", "5 0 l", "5 3 l"],
            "kept points"
        );
        // A point that is close to the new segment but whose earlier dropped neighbour
        // would not be, stays.
        let mut o = Ops::default();
        let e = SIMPLIFY_PX;
        let zig = [(1.0, 0.8 * e), (2.0, 0.0), (3.0, -e)];
        assert!(near_segment(zig[1], (0.0, 0.0), zig[2]));
        assert!(!near_segment(zig[0], (0.0, 0.0), zig[2]));
        o.line_run((0.0, 0.0), &zig);
        let end = format!("3 {} l", crate::driver::encode::num(-e, PX));
        assert_eq!(lines(o), ["2 0 l".to_string(), end]);
    }

    #[test]
    fn long_straight_runs_are_bounded() {
        let mut o = Ops::default();
        let pts: Vec<(f64, f64)> = (1..=100).map(|i| (i as f64, 0.0)).collect();
        o.line_run((0.0, 0.0), &pts);
        let l = lines(o);
        // Every 17th point is written (16 left out in between), plus the end.
        assert_eq!(l.len(), 100 / (MAX_DROPPED + 1) + 1, "{l:?}");
        assert_eq!(l.last().unwrap(), "100 0 l");
    }

    /// Undoes the PNG "Up" prediction of a rows part.
    fn unpredict(data: &[u8], columns: usize) -> String {
        let mut prev = vec![0u8; columns];
        let mut out = Vec::new();
        for row in data.chunks(columns + 1) {
            assert_eq!(row[0], 2, "Up filter byte");
            for (p, d) in prev.iter_mut().zip(&row[1..]) {
                *p = p.wrapping_add(*d);
            }
            out.extend_from_slice(&prev);
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn long_paths_become_predicted_rows() {
        let mut path = Path::new();
        path.move_to(-1.5, 700.0);
        // A zigzag (no point can be left out) of 300 points.
        for i in 1..300 {
            path.line_to(i as f64 * 0.5, if i % 2 == 0 { 10.004 } else { 12.5 });
        }
        path.close();
        path.move_to(3.0, 4.0);
        path.line_to(5.0, 6.0);
        assert!(Ops::rows_eligible(&path));
        let mut o = Ops::default();
        o.op("q");
        o.rows(&path, &["S", "Q"]);
        let parts = o.into_parts();
        assert_eq!(parts.len(), 2);
        assert!(matches!(&parts[0], Part::Text(t) if t == b"q\n"));
        let Part::Rows { data, columns } = &parts[1] else {
            panic!("rows expected");
        };
        // x up to "14950" and "-150" (5 wide), y up to "70000" (5 wide).
        assert_eq!(*columns, 14);
        let text = unpredict(data, *columns);
        let rows: Vec<&str> = text.lines().collect();
        assert_eq!(rows.len(), 1 + 299 + 1 + 2 + 2);
        assert_eq!(rows[0], " -150 70000 m");
        assert_eq!(rows[1], "   50  1250 l");
        assert_eq!(rows[2], "  100  1000 l");
        assert_eq!(rows[299], "14950  1250 l");
        assert_eq!(rows[300], "            h");
        assert_eq!(rows[301], "  300   400 m");
        assert_eq!(rows[302], "  500   600 l");
        assert_eq!(rows[303], "            S");
        assert_eq!(rows[304], "            Q");
        // Short or curved paths stay in the text.
        let mut short = Path::new();
        short.move_to(0.0, 0.0);
        short.line_to(1.0, 1.0);
        assert!(!Ops::rows_eligible(&short));
    }
}
