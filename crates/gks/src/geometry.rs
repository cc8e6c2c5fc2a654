//! Device-independent geometry shared by the display list and every driver:
//! a path of lines and Bézier curves, an affine transform and a rectangle, all in `f64`.

/// One command of a [`Path`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PathCmd {
    /// Start a new subpath at the point.
    MoveTo(f64, f64),
    /// Straight line to the point.
    LineTo(f64, f64),
    /// Quadratic Bézier curve: control point, end point.
    QuadTo(f64, f64, f64, f64),
    /// Cubic Bézier curve: two control points, end point.
    CubicTo(f64, f64, f64, f64, f64, f64),
    /// Close the current subpath with a straight line to its start.
    Close,
}

/// A sequence of subpaths made of lines and Bézier curves.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Path {
    /// The commands, in drawing order.
    pub cmds: Vec<PathCmd>,
}

impl Path {
    /// An empty path.
    pub fn new() -> Self {
        Self::default()
    }

    /// A closed polygon through the points; empty if fewer than two points are given.
    pub fn polygon(points: impl IntoIterator<Item = (f64, f64)>) -> Self {
        let mut p = Self::new();
        for (i, (x, y)) in points.into_iter().enumerate() {
            if i == 0 {
                p.move_to(x, y);
            } else {
                p.line_to(x, y);
            }
        }
        if p.cmds.len() > 1 {
            p.close();
        } else {
            p.cmds.clear();
        }
        p
    }

    /// An axis-aligned rectangle as a closed path.
    pub fn rect(r: Rect) -> Self {
        Self::polygon([(r.x0, r.y0), (r.x1, r.y0), (r.x1, r.y1), (r.x0, r.y1)])
    }

    /// Appends a move.
    pub fn move_to(&mut self, x: f64, y: f64) {
        self.cmds.push(PathCmd::MoveTo(x, y));
    }
    /// Appends a line.
    pub fn line_to(&mut self, x: f64, y: f64) {
        self.cmds.push(PathCmd::LineTo(x, y));
    }
    /// Appends a quadratic Bézier.
    pub fn quad_to(&mut self, x1: f64, y1: f64, x: f64, y: f64) {
        self.cmds.push(PathCmd::QuadTo(x1, y1, x, y));
    }
    /// Appends a cubic Bézier.
    pub fn cubic_to(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, x: f64, y: f64) {
        self.cmds.push(PathCmd::CubicTo(x1, y1, x2, y2, x, y));
    }
    /// Closes the current subpath.
    pub fn close(&mut self) {
        self.cmds.push(PathCmd::Close);
    }

    /// Appends an elliptical arc around `(cx, cy)` with radii `rx`, `ry` from angle `a0` to
    /// `a1` (radians, counter-clockwise in a y-up frame), as cubic Béziers. Starts with a
    /// line (or a move if `connect` is false or the path is empty) to the arc's first point.
    #[allow(clippy::too_many_arguments)]
    pub fn arc(&mut self, cx: f64, cy: f64, rx: f64, ry: f64, a0: f64, a1: f64, connect: bool) {
        let sweep = a1 - a0;
        let n = ((sweep.abs() / (std::f64::consts::FRAC_PI_2)).ceil() as usize).max(1);
        let step = sweep / n as f64;
        let k = 4.0 / 3.0 * (step / 4.0).tan();
        let (sx, sy) = (cx + rx * a0.cos(), cy + ry * a0.sin());
        if connect && !self.cmds.is_empty() {
            self.line_to(sx, sy);
        } else {
            self.move_to(sx, sy);
        }
        let mut a = a0;
        for _ in 0..n {
            let b = a + step;
            let (ca, sa, cb, sb) = (a.cos(), a.sin(), b.cos(), b.sin());
            self.cubic_to(
                cx + rx * (ca - k * sa),
                cy + ry * (sa + k * ca),
                cx + rx * (cb + k * sb),
                cy + ry * (sb - k * cb),
                cx + rx * cb,
                cy + ry * sb,
            );
            a = b;
        }
    }

    /// A full ellipse (closed) as four cubic Béziers.
    pub fn ellipse(cx: f64, cy: f64, rx: f64, ry: f64) -> Self {
        let mut p = Self::new();
        p.arc(cx, cy, rx, ry, 0.0, std::f64::consts::TAU, false);
        p.close();
        p
    }

    /// True if the path has no drawing commands.
    pub fn is_empty(&self) -> bool {
        self.cmds.is_empty()
    }

    /// Returns a copy with every point mapped through `t`.
    pub fn transformed(&self, t: &Affine) -> Path {
        let m = |x, y| t.apply(x, y);
        let cmds = self
            .cmds
            .iter()
            .map(|c| match *c {
                PathCmd::MoveTo(x, y) => {
                    let (x, y) = m(x, y);
                    PathCmd::MoveTo(x, y)
                }
                PathCmd::LineTo(x, y) => {
                    let (x, y) = m(x, y);
                    PathCmd::LineTo(x, y)
                }
                PathCmd::QuadTo(x1, y1, x, y) => {
                    let (x1, y1) = m(x1, y1);
                    let (x, y) = m(x, y);
                    PathCmd::QuadTo(x1, y1, x, y)
                }
                PathCmd::CubicTo(x1, y1, x2, y2, x, y) => {
                    let (x1, y1) = m(x1, y1);
                    let (x2, y2) = m(x2, y2);
                    let (x, y) = m(x, y);
                    PathCmd::CubicTo(x1, y1, x2, y2, x, y)
                }
                PathCmd::Close => PathCmd::Close,
            })
            .collect();
        Path { cmds }
    }

    /// Appends all commands of `other`.
    pub fn extend(&mut self, other: &Path) {
        self.cmds.extend_from_slice(&other.cmds);
    }

    /// The bounding box of all points (control points included), or `None` if empty.
    pub fn bounds(&self) -> Option<Rect> {
        let mut r: Option<Rect> = None;
        let mut add = |x: f64, y: f64| {
            r = Some(match r {
                None => Rect::new(x, y, x, y),
                Some(b) => Rect::new(b.x0.min(x), b.y0.min(y), b.x1.max(x), b.y1.max(y)),
            })
        };
        for c in &self.cmds {
            match *c {
                PathCmd::MoveTo(x, y) | PathCmd::LineTo(x, y) => add(x, y),
                PathCmd::QuadTo(a, b, x, y) => {
                    add(a, b);
                    add(x, y)
                }
                PathCmd::CubicTo(a, b, c2, d, x, y) => {
                    add(a, b);
                    add(c2, d);
                    add(x, y)
                }
                PathCmd::Close => {}
            }
        }
        r
    }
}

/// A 2D affine transform `x' = a·x + c·y + e`, `y' = b·x + d·y + f` (PDF's matrix order).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Affine {
    /// Matrix coefficients `[a, b, c, d, e, f]`.
    pub m: [f64; 6],
}

impl Affine {
    /// The identity transform.
    pub const IDENTITY: Affine = Affine {
        m: [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
    };
    /// A translation.
    pub fn translate(tx: f64, ty: f64) -> Self {
        Affine {
            m: [1.0, 0.0, 0.0, 1.0, tx, ty],
        }
    }
    /// A scale about the origin.
    pub fn scale(sx: f64, sy: f64) -> Self {
        Affine {
            m: [sx, 0.0, 0.0, sy, 0.0, 0.0],
        }
    }
    /// Maps a point.
    pub fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.m;
        (a * x + c * y + e, b * x + d * y + f)
    }
    /// Maps a vector (no translation).
    pub fn apply_vec(&self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, _, _] = self.m;
        (a * x + c * y, b * x + d * y)
    }
    /// `self ∘ other`: applies `other` first, then `self`.
    pub fn then_after(&self, other: &Affine) -> Affine {
        let [a1, b1, c1, d1, e1, f1] = self.m;
        let [a2, b2, c2, d2, e2, f2] = other.m;
        Affine {
            m: [
                a1 * a2 + c1 * b2,
                b1 * a2 + d1 * b2,
                a1 * c2 + c1 * d2,
                b1 * c2 + d1 * d2,
                a1 * e2 + c1 * f2 + e1,
                b1 * e2 + d1 * f2 + f1,
            ],
        }
    }
    /// Determinant of the linear part.
    pub fn det(&self) -> f64 {
        self.m[0] * self.m[3] - self.m[1] * self.m[2]
    }
}

/// An axis-aligned rectangle with `x0 <= x1`, `y0 <= y1` (normalised by [`Rect::new`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Smaller x.
    pub x0: f64,
    /// Smaller y.
    pub y0: f64,
    /// Larger x.
    pub x1: f64,
    /// Larger y.
    pub y1: f64,
}

impl Rect {
    /// A rectangle from two corners in any order.
    pub fn new(xa: f64, ya: f64, xb: f64, yb: f64) -> Self {
        Rect {
            x0: xa.min(xb),
            y0: ya.min(yb),
            x1: xa.max(xb),
            y1: ya.max(yb),
        }
    }
    /// Width.
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }
    /// Height.
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }
    /// The intersection, or `None` if the rectangles do not overlap.
    pub fn intersect(&self, o: &Rect) -> Option<Rect> {
        let r = Rect {
            x0: self.x0.max(o.x0),
            y0: self.y0.max(o.y0),
            x1: self.x1.min(o.x1),
            y1: self.y1.min(o.y1),
        };
        (r.x0 <= r.x1 && r.y0 <= r.y1).then_some(r)
    }
    /// True if the point lies inside or on the border.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affine_composition_applies_right_first() {
        let t = Affine::translate(10.0, 0.0).then_after(&Affine::scale(2.0, 3.0));
        assert_eq!(t.apply(1.0, 1.0), (12.0, 3.0));
    }

    #[test]
    fn ellipse_bounds_match_radii() {
        let b = Path::ellipse(5.0, 5.0, 2.0, 1.0).bounds().unwrap();
        assert!((b.x0 - 3.0).abs() < 1e-9 && (b.x1 - 7.0).abs() < 1e-9);
        assert!((b.y0 - 4.0).abs() < 0.01 && (b.y1 - 6.0).abs() < 0.01);
    }

    #[test]
    fn polygon_of_one_point_is_empty() {
        assert!(Path::polygon([(1.0, 1.0)]).is_empty());
    }
}
