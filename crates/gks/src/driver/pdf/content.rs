//! A compact PDF content-stream writer for the PDF driver: operators with fixed-precision
//! operands (written without float formatting), hex glyph strings, and the simplification of
//! long polylines (points within [`SIMPLIFY_PX`] of the line through their neighbours are
//! left out).

use super::super::encode::push_num;

/// Decimals of path coordinates in device pixels (0.01 px).
pub(super) const PX: usize = 2;
/// Decimals of the linear part of matrices.
const LIN: usize = 6;
/// Decimals of the translation part of matrices (device pixels).
const POS: usize = 4;
/// Decimals of colour components (1/255 steps are about 0.0039).
const COLOR: usize = 4;

/// A point of a line run is left out when it and all points left out since the last point
/// written lie within this distance (device px) of the segment that replaces them. 0.03 px is
/// below a tenth of what antialiasing can show at 1 px = 1 device pixel, and saves about a
/// tenth of the points of a decimated dense line.
pub(super) const SIMPLIFY_PX: f64 = 0.03;
/// At most this many consecutive points are left out (bounds the work per point).
const MAX_DROPPED: usize = 16;

/// Content stream text (ASCII only: glyph strings are written in hex).
#[derive(Default)]
pub(super) struct Ops {
    s: String,
    /// Points left out since the last point written by [`Ops::line_run`].
    dropped: Vec<(f64, f64)>,
}

impl Ops {
    /// The finished stream.
    pub fn into_bytes(self) -> Vec<u8> {
        self.s.into_bytes()
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
        let Some((&last, inner)) = pts.split_last() else {
            return;
        };
        let mut anchor = from;
        self.dropped.clear();
        for (i, &p) in inner.iter().enumerate() {
            let next = pts[i + 1];
            let ok = self.dropped.len() < MAX_DROPPED
                && near_segment(p, anchor, next)
                && self.dropped.iter().all(|&q| near_segment(q, anchor, next));
            if ok {
                self.dropped.push(p);
            } else {
                self.line_to(p.0, p.1);
                anchor = p;
                self.dropped.clear();
            }
        }
        self.line_to(last.0, last.1);
    }
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
        String::from_utf8(o.into_bytes())
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
        let zig = [(1.0, 0.025), (2.0, 0.0), (3.0, -0.03)];
        assert!(near_segment(zig[1], (0.0, 0.0), zig[2]));
        assert!(!near_segment(zig[0], (0.0, 0.0), zig[2]));
        o.line_run((0.0, 0.0), &zig);
        assert_eq!(lines(o), ["2 0 l", "3 -0.03 l"]);
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
}
