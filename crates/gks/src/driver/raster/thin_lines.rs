//! Thin, solid polylines (data lines of a few pixels' width and up to millions of points
//! before decimation, axes, ticks and grid lines) drawn directly instead of through
//! tiny-skia's stroker.
//!
//! A stroke with round caps and joins is the union of capsules (a segment widened by the
//! half width `r`, with round ends). Each capsule writes its coverage of every pixel it
//! reaches into a coverage buffer, keeping the maximum where capsules overlap (so joins are
//! not darkened by overlapping segments); the buffer is then composited once in the stroke
//! colour. Coverage is `r + ½ − d` for a pixel centre at distance `d` from the segment,
//! limited to the line width and to `0..=1`: the area of the pixel under the line for a
//! straight edge, which is what tiny-skia's anti-aliasing computes as well.
//!
//! Stroking with tiny-skia builds the outline of the whole polyline (two offset curves and a
//! round arc per join), sorts all its edges and scan-converts them with 4× vertical
//! supersampling; for a line of thousands of short segments, and for the long straight lines
//! of a grid, this is several times slower than the direct coverage.

use tiny_skia as sk;

use super::div255;
use crate::device::{LineCap, LineJoin, Rgba, StrokeStyle};
use crate::geometry::{Path, PathCmd};

/// Widest line (device pixels) drawn here.
const MAX_WIDTH: f64 = 3.0;
/// Whether [`draw`] draws this stroke: solid, round-capped and round-joined, at most
/// `MAX_WIDTH` wide, straight segments only (data lines, axes, ticks, grid lines).
pub(super) fn applies(path: &Path, style: &StrokeStyle) -> bool {
    style.dash.is_none()
        && style.width > 0.0
        && style.width <= MAX_WIDTH
        && style.cap == LineCap::Round
        && style.join == LineJoin::Round
        && path.cmds.len() >= 2
        && path
            .cmds
            .iter()
            .all(|c| matches!(c, PathCmd::MoveTo(..) | PathCmd::LineTo(..)))
}

/// The coverage of a rectangle of page pixels, and the runs of cells written.
struct Coverage<'a> {
    x0: i64,
    y0: i64,
    width: usize,
    height: usize,
    /// `width × height` cells, all zero when the coverage is created and again after
    /// [`composite`] (which clears what it draws).
    cells: &'a mut [u8],
    /// Runs `(row, first column, one past the last column)` that were written; they may
    /// overlap.
    runs: Vec<(u32, u32, u32)>,
}

impl<'a> Coverage<'a> {
    fn new(cells: &'a mut [u8], x0: i64, y0: i64, x1: i64, y1: i64) -> Self {
        let (width, height) = ((x1 - x0) as usize, (y1 - y0) as usize);
        Coverage {
            x0,
            y0,
            width,
            height,
            cells: &mut cells[..width * height],
            runs: Vec::new(),
        }
    }

    /// Adds the capsule of half width `r` (line width `w`) around the segment `p`–`q`.
    fn capsule(&mut self, p: (f64, f64), q: (f64, f64), r: f64, w: f64) {
        let ext = r + 0.5;
        let (dx, dy) = (q.0 - p.0, q.1 - p.1);
        let len2 = dx * dx + dy * dy;
        let inv_len2 = if len2 > 0.0 { 1.0 / len2 } else { 0.0 };
        let (ymin, ymax) = (p.1.min(q.1), p.1.max(q.1));
        let row0 = ((ymin - ext).floor() as i64 - self.y0).max(0);
        let row1 = ((ymax + ext).ceil() as i64 - self.y0).min(self.height as i64);
        let (xmin, xmax) = (p.0.min(q.0), p.0.max(q.0));
        let limit = 255.0 * w.min(1.0);
        for row in row0..row1 {
            let cy = (row + self.y0) as f64 + 0.5;
            // Columns whose centres can lie within `ext` of the segment at this row: the
            // segment's x extent between heights cy ± ext, widened by ext.
            let (sx0, sx1) = if dy.abs() < 1e-12 {
                (xmin, xmax)
            } else {
                let ta = ((cy - ext - p.1) / dy).clamp(0.0, 1.0);
                let tb = ((cy + ext - p.1) / dy).clamp(0.0, 1.0);
                let (xa, xb) = (p.0 + ta * dx, p.0 + tb * dx);
                (xa.min(xb), xa.max(xb))
            };
            let c0 = ((sx0 - ext).floor() as i64 - self.x0).max(0);
            let c1 = ((sx1 + ext).ceil() as i64 - self.x0).min(self.width as i64);
            if c0 >= c1 {
                continue;
            }
            let line = &mut self.cells[row as usize * self.width..][c0 as usize..c1 as usize];
            // In `f32` relative to the pixel centre of column c0 (small numbers), without
            // branches, so that the columns are computed four or eight at a time.
            let cyr = (cy - p.1) as f32;
            let cx0 = ((c0 + self.x0) as f64 + 0.5 - p.0) as f32;
            let (dxf, dyf, inv) = (dx as f32, dy as f32, inv_len2 as f32);
            let (extf, limitf) = (ext as f32, limit as f32);
            for (k, cell) in line.iter_mut().enumerate() {
                let cxr = cx0 + k as f32;
                let t = ((cxr * dxf + cyr * dyf) * inv).clamp(0.0, 1.0);
                let (ex, ey) = (cxr - t * dxf, cyr - t * dyf);
                let d = (ex * ex + ey * ey).sqrt();
                let cov = ((extf - d) * 255.0).clamp(0.0, limitf);
                *cell = (*cell).max((cov + 0.5) as u8);
            }
            self.runs.push((row as u32, c0 as u32, c1 as u32));
        }
    }
}

/// Draws the stroke of `path` (see [`applies`]) in `color`, weighted by the clip mask.
pub(super) fn draw(
    pm: &mut sk::Pixmap,
    path: &Path,
    style: &StrokeStyle,
    color: Rgba,
    mask: Option<&sk::Mask>,
) {
    let Some(b) = path.bounds() else { return };
    let (w, r) = (style.width, style.width / 2.0);
    let (pw, ph) = (pm.width() as i64, pm.height() as i64);
    let pad = r + 2.0;
    let clamp = |v: f64, hi: i64| (v.max(-1.0).min(hi as f64 + 1.0)) as i64;
    let (x0, x1) = (
        clamp((b.x0 - pad).floor(), pw).max(0),
        clamp((b.x1 + pad).ceil(), pw).min(pw),
    );
    let (y0, y1) = (
        clamp((b.y0 - pad).floor(), ph).max(0),
        clamp((b.y1 + pad).ceil(), ph).min(ph),
    );
    if x0 >= x1 || y0 >= y1 || color.a == 0 {
        return;
    }
    let cells = ((x1 - x0) * (y1 - y0)) as usize;
    CELLS.with(|buffer| {
        let mut buffer = buffer.borrow_mut();
        if buffer.len() < cells {
            buffer.resize(cells, 0);
        }
        let mut cov = Coverage::new(&mut buffer, x0, y0, x1, y1);
        add_capsules(&mut cov, path, r, w);
        composite(pm, &mut cov, color, mask);
    });
}

thread_local! {
    /// Coverage cells, kept zeroed between lines (a line clears the cells it drew).
    static CELLS: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Adds the capsules of every segment of `path` to the coverage.
fn add_capsules(cov: &mut Coverage, path: &Path, r: f64, w: f64) {
    // A lone MoveTo draws nothing; a zero-length segment draws a round dot (as tiny-skia
    // does with round caps).
    let mut last: Option<(f64, f64)> = None;
    for c in &path.cmds {
        match *c {
            PathCmd::MoveTo(x, y) => last = Some((x, y)),
            PathCmd::LineTo(x, y) => {
                if let Some(p) = last {
                    cov.capsule(p, (x, y), r, w);
                }
                last = Some((x, y));
            }
            _ => {}
        }
    }
}

/// Source-over of `color` weighted by the coverage (and the clip mask) onto the page;
/// clears the coverage cells (each cell is drawn once even where runs overlap).
fn composite(pm: &mut sk::Pixmap, cov: &mut Coverage, color: Rgba, mask: Option<&sk::Mask>) {
    let pw = pm.width() as usize;
    let mask = mask.map(|m| m.data());
    let ca = color.a as u32;
    let (cr, cg, cb) = (color.r as u32, color.g as u32, color.b as u32);
    let data = pm.data_mut();
    for &(row, s0, s1) in &cov.runs {
        let (row, s0, s1) = (row as usize, s0 as usize, s1 as usize);
        let y = cov.y0 as usize + row;
        let cells = &mut cov.cells[row * cov.width..][s0..s1];
        let first = y * pw + cov.x0 as usize + s0;
        let dst = &mut data[4 * first..4 * (first + cells.len())];
        let m_row = mask.map(|m| &m[first..first + cells.len()]);
        for (k, (px, c)) in dst.chunks_exact_mut(4).zip(cells.iter_mut()).enumerate() {
            if *c == 0 {
                continue;
            }
            let mut a = div255(*c as u32 * ca);
            *c = 0;
            if let Some(m) = m_row {
                a = div255(a * m[k] as u32);
            }
            if a == 0 {
                continue;
            }
            let inv = 255 - a;
            px[0] = (div255(cr * a) + div255(px[0] as u32 * inv)) as u8;
            px[1] = (div255(cg * a) + div255(px[1] as u32 * inv)) as u8;
            px[2] = (div255(cb * a) + div255(px[2] as u32 * inv)) as u8;
            px[3] = (a + div255(px[3] as u32 * inv)) as u8;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Draws `path` (one subpath) on a transparent 200×150 page in black, alone and clipped.
    fn render(path: &Path, width: f64, clip: Option<crate::geometry::Rect>) -> sk::Pixmap {
        let style = StrokeStyle {
            width,
            cap: LineCap::Round,
            join: LineJoin::Round,
            dash: None,
        };
        assert!(applies(path, &style));
        let mask = clip.and_then(|r| super::super::clip_mask(200, 150, &r));
        let mut pm = sk::Pixmap::new(200, 150).unwrap();
        draw(&mut pm, path, &style, Rgba::BLACK, mask.as_ref());
        pm
    }

    /// The vertices of a one-subpath polyline.
    fn vertices(path: &Path) -> Vec<(f64, f64)> {
        path.cmds
            .iter()
            .filter_map(|c| match *c {
                PathCmd::MoveTo(x, y) | PathCmd::LineTo(x, y) => Some((x, y)),
                _ => None,
            })
            .collect()
    }

    /// Distance from `c` to the polyline.
    fn distance(v: &[(f64, f64)], c: (f64, f64)) -> f64 {
        v.windows(2)
            .map(|s| {
                let (p, q) = (s[0], s[1]);
                let (dx, dy) = (q.0 - p.0, q.1 - p.1);
                let l2 = dx * dx + dy * dy;
                let t = if l2 > 0.0 {
                    (((c.0 - p.0) * dx + (c.1 - p.1) * dy) / l2).clamp(0.0, 1.0)
                } else {
                    0.0
                };
                ((c.0 - p.0 - t * dx).powi(2) + (c.1 - p.1 - t * dy).powi(2)).sqrt()
            })
            .fold(f64::INFINITY, f64::min)
    }

    /// Checks what a reader sees in a drawn line: its weight (total ink = width × length,
    /// plus the round caps), that nothing is drawn away from it, and that it has no gaps.
    /// `overlapping` lines (dense noise) cover less than width × length: their weight is
    /// not checked.
    fn check_line(name: &str, path: &Path, width: f64, overlapping: bool) {
        let pm = render(path, width, None);
        let v = vertices(path);
        let length: f64 = v
            .windows(2)
            .map(|s| ((s[1].0 - s[0].0).powi(2) + (s[1].1 - s[0].1).powi(2)).sqrt())
            .sum();
        let r = width / 2.0;
        let expected = width * length + std::f64::consts::PI * r * r;
        let alpha = |x: usize, y: usize| pm.data()[4 * (y * 200 + x) + 3] as f64 / 255.0;
        let mut ink = 0.0;
        for y in 0..150 {
            for x in 0..200 {
                let a = alpha(x, y);
                ink += a;
                if a > 0.0 {
                    let d = distance(&v, (x as f64 + 0.5, y as f64 + 0.5));
                    assert!(
                        d < r + 0.5,
                        "{name} {width}: ink at ({x}, {y}), {d:.2} px off"
                    );
                }
            }
        }
        assert!(
            overlapping || (ink / expected - 1.0).abs() < 0.06,
            "{name} {width}: ink {ink:.1}, expected {expected:.1}"
        );
        // No gaps: around every point of the centre line (3×3 pixels) there is at least
        // the ink of the line crossing one pixel.
        for s in v.windows(2) {
            for k in 0..8 {
                let t = k as f64 / 8.0;
                let (x, y) = (
                    s[0].0 + t * (s[1].0 - s[0].0),
                    s[0].1 + t * (s[1].1 - s[0].1),
                );
                let (cx, cy) = (x as usize, y as usize);
                let around: f64 = (cy - 1..=cy + 1)
                    .flat_map(|yy| (cx - 1..=cx + 1).map(move |xx| (xx, yy)))
                    .map(|(xx, yy)| alpha(xx, yy))
                    .sum();
                assert!(
                    around >= 0.9 * width,
                    "{name} {width}: gap at ({x:.1}, {y:.1})"
                );
            }
        }
    }

    fn polyline(points: impl IntoIterator<Item = (f64, f64)>) -> Path {
        let mut path = Path::new();
        for (i, (x, y)) in points.into_iter().enumerate() {
            if i == 0 {
                path.move_to(x, y);
            } else {
                path.line_to(x, y);
            }
        }
        path
    }

    #[test]
    fn lines_have_their_weight_no_gaps_and_respect_the_clip() {
        let sine = polyline((0..400).map(|i| {
            let x = 5.0 + i as f64 * 0.47;
            (x, 75.0 + 50.0 * (x / 17.0).sin())
        }));
        // A dense random walk as the column decimation leaves it: short vertical runs.
        let mut state = 12345u64;
        let walk = polyline((0..2000).map(|i| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let noise = ((state >> 33) as f64 / (1u64 << 31) as f64 - 0.5) * 40.0;
            (3.0 + i as f64 * 0.097, 75.0 + noise)
        }));
        for (name, path, overlapping) in [("sine", &sine, false), ("walk", &walk, true)] {
            for width in [0.6, 1.0, 1.2, 2.5] {
                check_line(name, path, width, overlapping);
            }
        }
        // Clipped to a rectangle with fractional edges: nothing outside it, the same
        // pixels as unclipped well inside it.
        let clip = crate::geometry::Rect::new(30.3, 20.6, 160.7, 120.2);
        let (full, clipped) = (render(&sine, 1.2, None), render(&sine, 1.2, Some(clip)));
        for y in 0..150 {
            for x in 0..200 {
                let (a, b) = (
                    full.data()[4 * (y * 200 + x) + 3],
                    clipped.data()[4 * (y * 200 + x) + 3],
                );
                let (fx, fy) = (x as f64, y as f64);
                if fx + 1.0 <= clip.x0 || fx >= clip.x1 || fy + 1.0 <= clip.y0 || fy >= clip.y1 {
                    assert_eq!(b, 0, "({x}, {y}) outside the clip");
                } else if fx >= clip.x0
                    && fx + 1.0 <= clip.x1
                    && fy >= clip.y0
                    && fy + 1.0 <= clip.y1
                {
                    assert_eq!(a, b, "({x}, {y}) inside the clip");
                }
            }
        }
    }

    #[test]
    fn subpaths_gaps_and_dots() {
        // Three pieces separated by gaps (as NaN breaks a line) and a zero-length piece,
        // which draws a round dot.
        let mut path = polyline((0..200).map(|i| (10.0 + i as f64 * 0.3, 30.0)));
        path.move_to(10.0, 60.0);
        for i in 1..200 {
            path.line_to(10.0 + i as f64 * 0.3, 60.0 + i as f64 * 0.1);
        }
        path.move_to(100.0, 100.0);
        path.line_to(100.0, 100.0);
        let style = StrokeStyle {
            width: 2.0,
            cap: LineCap::Round,
            join: LineJoin::Round,
            dash: None,
        };
        let mut pm = sk::Pixmap::new(200, 150).unwrap();
        draw(&mut pm, &path, &style, Rgba::BLACK, None);
        let alpha = |x: usize, y: usize| pm.data()[4 * (y * 200 + x) + 3];
        assert!(alpha(100, 100) > 200, "the dot is drawn");
        assert_eq!(alpha(80, 45), 0, "nothing between the pieces");
        // Far off the page: nothing drawn, no panic.
        let far = polyline((0..300).map(|i| (1e9 + i as f64, -1e9)));
        draw(&mut pm, &far, &style, Rgba::BLACK, None);
    }

    #[test]
    fn dashed_wide_and_curved_lines_are_left_to_tiny_skia() {
        let long = polyline((0..300).map(|i| (i as f64, 0.0)));
        let solid = StrokeStyle {
            width: 1.0,
            cap: LineCap::Round,
            join: LineJoin::Round,
            dash: None,
        };
        assert!(applies(&long, &solid));
        let dashed = StrokeStyle {
            dash: Some(vec![4.0, 2.0]),
            ..solid.clone()
        };
        assert!(!applies(&long, &dashed));
        let wide = StrokeStyle {
            width: 6.0,
            ..solid.clone()
        };
        assert!(!applies(&long, &wide));
        let butt = StrokeStyle {
            cap: LineCap::Butt,
            ..solid.clone()
        };
        assert!(!applies(&long, &butt));
        assert!(applies(&polyline([(0.0, 0.0), (5.0, 5.0)]), &solid));
        assert!(!applies(&polyline([(0.0, 0.0)]), &solid));
        let mut curved = long.clone();
        curved.quad_to(1.0, 2.0, 3.0, 4.0);
        assert!(!applies(&curved, &solid));
    }
}
