//! Direct exact-coverage scanline fill of large polygons (filled contour bands, big
//! `fillarea` polygons) for the raster driver.
//!
//! tiny-skia's general path filler supersamples every edge on four sub-scanlines and
//! blits through its raster pipeline, which dominates the cost of polygons with tens of
//! thousands of short edges. This filler handles polygons made of straight lines only:
//!
//! * Edges are kept in an active edge list sorted by their top. For each pixel row, every
//!   active edge deposits its exact signed area contribution into a one-row accumulation
//!   buffer (the prefix sum of the buffer along the row is the pixel coverage, as in
//!   accumulation rasterizers for font outlines), and the touched columns are recorded.
//! * The touched columns are swept in order: between two touched columns the coverage is
//!   constant, so fully covered runs become plain pixel fills and only the pixels on the
//!   outline are blended individually.
//!
//! Coverage is the exact area of the pixel inside the polygon (non-zero rule: winding
//! clamped to 1; even-odd rule: winding folded into `0..=1`), which agrees with
//! tiny-skia's 4×4 supersampled anti-aliasing to within a few levels of 255.

use tiny_skia as sk;

use crate::device::{FillRule, Rgba};
use crate::geometry::{Path, PathCmd};

/// Polygons with fewer line segments than this are left to tiny-skia: their cost is
/// small, and pictures of simple shapes, glyphs, pie wedges and circles (up to ~180
/// points) stay bit-identical.
pub(super) const MIN_SEGMENTS: usize = 256;

/// One non-horizontal edge in device pixels, `y0 < y1`.
#[derive(Clone, Copy)]
struct Edge {
    x0: f32,
    y0: f32,
    y1: f32,
    /// dx/dy.
    slope: f32,
    /// +1 for downward edges in path order, −1 for upward ones.
    dir: f32,
}

impl Edge {
    #[inline]
    fn x_at(&self, y: f32) -> f32 {
        self.x0 + (y - self.y0) * self.slope
    }
}

/// Collects the edges of a polygon, split at the left and right borders of the page:
/// pieces left of `x = 0` become vertical edges on it (they still change the winding of
/// every pixel of their rows), pieces right of `x = width` are dropped.
struct EdgeList {
    edges: Vec<Edge>,
    width: f32,
    height: f32,
}

impl EdgeList {
    fn line(&mut self, (xa, ya): (f64, f64), (xb, yb): (f64, f64)) {
        let (xa, ya, xb, yb) = (xa as f32, ya as f32, xb as f32, yb as f32);
        if ya == yb || (ya.max(yb) <= 0.0) || ya.min(yb) >= self.height {
            return;
        }
        let (dir, x0, y0, x1, y1) = if ya < yb {
            (1.0, xa, ya, xb, yb)
        } else {
            (-1.0, xb, yb, xa, ya)
        };
        let slope = (x1 - x0) / (y1 - y0);
        let w = self.width;
        if x0.min(x1) >= 0.0 && x0.max(x1) <= w {
            self.edges.push(Edge {
                x0,
                y0,
                y1,
                slope,
                dir,
            });
            return;
        }
        // Split where the edge crosses x = 0 and x = width (in y order).
        let mut cuts = [y0, y1, y1, y1];
        let mut n = 1;
        for bx in [0.0, w] {
            if (x0 - bx) * (x1 - bx) < 0.0 {
                cuts[n] = y0 + (bx - x0) / slope;
                n += 1;
            }
        }
        cuts[n] = y1;
        cuts[1..n].sort_unstable_by(|a, b| a.total_cmp(b));
        for k in 0..n {
            let (ya, yb) = (cuts[k], cuts[k + 1]);
            if yb <= ya {
                continue;
            }
            let xm = x0 + (0.5 * (ya + yb) - y0) * slope;
            let e = if xm < 0.0 {
                Edge {
                    x0: 0.0,
                    y0: ya,
                    y1: yb,
                    slope: 0.0,
                    dir,
                }
            } else if xm > w {
                continue;
            } else {
                Edge {
                    x0: (x0 + (ya - y0) * slope).clamp(0.0, w),
                    y0: ya,
                    y1: yb,
                    slope,
                    dir,
                }
            };
            self.edges.push(e);
        }
    }
}

/// The edges of `path` if it consists of at least [`MIN_SEGMENTS`] straight lines with
/// finite coordinates (subpaths are closed implicitly, as for any fill).
fn polygon_edges(path: &Path, width: f32, height: f32) -> Option<Vec<Edge>> {
    let mut segments = 0usize;
    for c in &path.cmds {
        match *c {
            PathCmd::MoveTo(x, y) | PathCmd::LineTo(x, y) => {
                if !(x.is_finite() && y.is_finite()) {
                    return None;
                }
                segments += 1;
            }
            PathCmd::Close => {}
            PathCmd::QuadTo(..) | PathCmd::CubicTo(..) => return None,
        }
    }
    if segments < MIN_SEGMENTS {
        return None;
    }
    let mut list = EdgeList {
        edges: Vec::with_capacity(segments),
        width,
        height,
    };
    let mut start: Option<(f64, f64)> = None;
    let mut cur = (0.0, 0.0);
    for c in &path.cmds {
        match *c {
            PathCmd::MoveTo(x, y) => {
                if let Some(s) = start {
                    list.line(cur, s);
                }
                start = Some((x, y));
                cur = (x, y);
            }
            PathCmd::LineTo(x, y) => {
                if start.is_none() {
                    start = Some(cur);
                }
                list.line(cur, (x, y));
                cur = (x, y);
            }
            PathCmd::Close => {
                if let Some(s) = start.take() {
                    list.line(cur, s);
                    cur = s;
                }
            }
            PathCmd::QuadTo(..) | PathCmd::CubicTo(..) => return None,
        }
    }
    if let Some(s) = start {
        list.line(cur, s);
    }
    Some(list.edges)
}

/// The first pixel row of `e` (rows above the page count as row 0).
#[inline]
fn start_row(e: &Edge, h: usize) -> usize {
    // Non-negative, so truncation is floor; the saturating cast bounds it.
    (e.y0.max(0.0) as usize).min(h.saturating_sub(1))
}

/// Orders `edges` by their first row (a counting sort: the order within a row does
/// not matter).
fn sort_by_row(edges: &mut Vec<Edge>, h: usize) {
    let mut start = vec![0u32; h + 1];
    for e in edges.iter() {
        start[start_row(e, h) + 1] += 1;
    }
    for r in 0..h {
        start[r + 1] += start[r];
    }
    let mut sorted = vec![
        Edge {
            x0: 0.0,
            y0: 0.0,
            y1: 0.0,
            slope: 0.0,
            dir: 0.0,
        };
        edges.len()
    ];
    for e in edges.iter() {
        let slot = &mut start[start_row(e, h)];
        sorted[*slot as usize] = *e;
        *slot += 1;
    }
    *edges = sorted;
}

/// `Q(v) = ∫ clamp(t, 0, 1) dt` from −∞ to `v`.
#[inline]
fn ramp_integral(v: f32) -> f32 {
    if v <= 0.0 {
        0.0
    } else if v <= 1.0 {
        0.5 * v * v
    } else {
        v - 0.5
    }
}

/// One pixel row's accumulation buffer and a bit set of the columns written in it.
struct Row {
    acc: Vec<f32>,
    touched: Vec<u64>,
}

impl Row {
    fn new(width: usize) -> Self {
        Row {
            acc: vec![0.0; width + 2],
            touched: vec![0; (width + 2).div_ceil(64)],
        }
    }

    #[inline]
    fn add(&mut self, col: usize, v: f32) {
        self.acc[col] += v;
        self.touched[col >> 6] |= 1 << (col & 63);
    }

    /// Deposits a piece of an edge inside one row, from `xa` to `xb` (both in
    /// `0..=width`) with signed height `d`: afterwards the prefix sum of the row gains,
    /// at each pixel, `d` times the fraction of the pixel right of the piece.
    #[inline]
    fn deposit(&mut self, xa: f32, xb: f32, d: f32) {
        let (x0, x1) = if xa <= xb { (xa, xb) } else { (xb, xa) };
        // Non-negative, so truncation is floor.
        let i0 = x0 as usize;
        let mut i1 = x1 as usize;
        if i1 > i0 && i1 as f32 == x1 {
            i1 -= 1;
        }
        if i1 == i0 {
            let right = 1.0 - (0.5 * (x0 + x1) - i0 as f32);
            self.add(i0, d * right);
            self.add(i0 + 1, d * (1.0 - right));
            return;
        }
        // g(c): d times the mean over the piece of the part of pixel c right of it.
        let inv = d / (x1 - x0);
        let mut prev = 0.0;
        for c in i0..=i1 {
            let t = (c + 1) as f32;
            let g = inv * (ramp_integral(t - x0) - ramp_integral(t - x1));
            self.add(c, g - prev);
            prev = g;
        }
        self.add(i1 + 1, d - prev);
    }
}

/// Coverage `0..=255` of an accumulated winding value.
#[inline]
fn coverage(s: f32, rule: FillRule) -> u32 {
    let mut a = s.abs();
    match rule {
        FillRule::NonZero => a = a.min(1.0),
        FillRule::EvenOdd => {
            if a > 1.0 {
                a -= 2.0 * ((a * 0.5) as u32 as f32);
                if a > 1.0 {
                    a = 2.0 - a;
                }
            }
        }
    }
    (a * 255.0 + 0.5) as u32
}

/// `v / 255` rounded, for `v <= 255 * 255`.
#[inline]
fn div255(v: u32) -> u32 {
    (v + 128 + ((v + 128) >> 8)) >> 8
}

/// Source-over of the premultiplied colour `src` at coverage `cov` (0..=255).
#[inline]
fn blend(d: &mut sk::PremultipliedColorU8, src: [u32; 4], cov: u32) {
    let s = [
        div255(src[0] * cov),
        div255(src[1] * cov),
        div255(src[2] * cov),
        div255(src[3] * cov),
    ];
    let inv = 255 - s[3];
    let c = |k: usize, v: u8| (s[k] + div255(u32::from(v) * inv)).min(255) as u8;
    let a = c(3, d.alpha());
    let (r, g, b) = (c(0, d.red()), c(1, d.green()), c(2, d.blue()));
    // Channels stay <= alpha because the source is premultiplied.
    if let Some(p) = sk::PremultipliedColorU8::from_rgba(r.min(a), g.min(a), b.min(a), a) {
        *d = p;
    }
}

/// Paints the pixels `start..end` of one row with coverage `cov`, clipped by the
/// mask row `mrow`.
#[inline]
fn paint(
    line: &mut [sk::PremultipliedColorU8],
    mrow: Option<&[u8]>,
    start: usize,
    end: usize,
    cov: u32,
    src: [u32; 4],
    solid: sk::PremultipliedColorU8,
) {
    if cov == 0 || start >= end {
        return;
    }
    let span = &mut line[start..end];
    let opaque = cov == 255 && src[3] == 255;
    match mrow {
        None if opaque => span.fill(solid),
        None => span.iter_mut().for_each(|d| blend(d, src, cov)),
        Some(m) => {
            let mspan = &m[start..end];
            if opaque && mspan.iter().all(|&v| v == 255) {
                span.fill(solid);
            } else {
                for (d, &mv) in span.iter_mut().zip(mspan) {
                    let cv = div255(cov * u32::from(mv));
                    if cv > 0 {
                        blend(d, src, cv);
                    }
                }
            }
        }
    }
}

/// Fills `path` (device pixels) into `pm` with exact-coverage anti-aliasing, clipped by
/// `mask`; returns `false` without drawing if the path is not a polygon with at least
/// [`MIN_SEGMENTS`] straight segments (the caller then uses tiny-skia).
pub(super) fn fill_polygon(
    pm: &mut sk::Pixmap,
    path: &Path,
    rule: FillRule,
    color: Rgba,
    mask: Option<&sk::Mask>,
) -> bool {
    let (w, h) = (pm.width() as usize, pm.height() as usize);
    let Some(mut edges) = polygon_edges(path, w as f32, h as f32) else {
        return false;
    };
    if color.a == 0 || edges.is_empty() {
        return true;
    }
    let mask = mask.filter(|m| m.width() as usize == w && m.data().len() == w * h);
    let a = u32::from(color.a);
    let src = [
        div255(u32::from(color.r) * a),
        div255(u32::from(color.g) * a),
        div255(u32::from(color.b) * a),
        a,
    ];
    let Some(solid) =
        sk::PremultipliedColorU8::from_rgba(src[0] as u8, src[1] as u8, src[2] as u8, a as u8)
    else {
        return true;
    };
    sort_by_row(&mut edges, h);
    let first_row = start_row(&edges[0], h);
    let mut row = Row::new(w);
    let mut active: Vec<Edge> = Vec::new();
    let mut next = 0;
    let wf = w as f32;
    let pixels = pm.pixels_mut();
    for y in first_row..h {
        let (top, bottom) = (y as f32, (y + 1) as f32);
        while next < edges.len() && start_row(&edges[next], h) <= y {
            active.push(edges[next]);
            next += 1;
        }
        if active.is_empty() {
            if next == edges.len() {
                break;
            }
            continue;
        }
        for e in &active {
            let (ya, yb) = (e.y0.max(top), e.y1.min(bottom));
            if yb > ya {
                let (xa, xb) = (e.x_at(ya).clamp(0.0, wf), e.x_at(yb).clamp(0.0, wf));
                row.deposit(xa, xb, (yb - ya) * e.dir);
            }
        }
        active.retain(|e| e.y1 > bottom);
        let line = &mut pixels[y * w..(y + 1) * w];
        let mrow = mask.map(|m| &m.data()[y * w..(y + 1) * w]);
        let mut s = 0.0f32;
        // The touched columns in increasing order: between two of them the coverage
        // is constant.
        let mut cur: Option<(usize, u32)> = None;
        for word in 0..row.touched.len() {
            let mut bits = row.touched[word];
            row.touched[word] = 0;
            while bits != 0 {
                let c = (word << 6) | bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if let Some((start, cov)) = cur {
                    paint(line, mrow, start, c.min(w), cov, src, solid);
                }
                s += row.acc[c];
                row.acc[c] = 0.0;
                cur = (c < w).then(|| (c, coverage(s, rule)));
            }
        }
        if let Some((start, cov)) = cur {
            paint(line, mrow, start, w, cov, src, solid);
        }
        if active.is_empty() && next == edges.len() {
            break;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::Rect;

    /// A regular `n`-gon of radius `r` around `(cx, cy)`, counter-clockwise.
    fn ngon(path: &mut Path, cx: f64, cy: f64, r: f64, n: usize, reverse: bool) {
        for k in 0..n {
            let mut t = k as f64 / n as f64 * std::f64::consts::TAU;
            if reverse {
                t = -t;
            }
            let (x, y) = (cx + r * t.cos(), cy + r * t.sin());
            if k == 0 {
                path.move_to(x, y);
            } else {
                path.line_to(x, y);
            }
        }
        path.close();
    }

    fn render(path: &Path, rule: FillRule, direct: bool) -> sk::Pixmap {
        let mut pm = sk::Pixmap::new(64, 48).unwrap();
        pm.fill(sk::Color::WHITE);
        let color = Rgba::rgb(20, 90, 200);
        if direct {
            assert!(fill_polygon(&mut pm, path, rule, color, None));
        } else {
            let p = super::super::sk_path(path).unwrap();
            let paint = super::super::solid_paint(color);
            pm.fill_path(
                &p,
                &paint,
                super::super::sk_rule(rule),
                sk::Transform::identity(),
                None,
            );
        }
        pm
    }

    fn max_channel_diff(a: &sk::Pixmap, b: &sk::Pixmap) -> (u8, usize) {
        let mut worst = 0u8;
        let mut over = 0;
        for (p, q) in a.data().iter().zip(b.data()) {
            let d = p.abs_diff(*q);
            worst = worst.max(d);
            if d > 24 {
                over += 1;
            }
        }
        (worst, over)
    }

    #[test]
    fn disc_with_hole_matches_tiny_skia() {
        let mut path = Path::new();
        ngon(&mut path, 30.3, 22.7, 18.4, 190, false);
        ngon(&mut path, 33.1, 24.2, 7.6, 90, true);
        for rule in [FillRule::EvenOdd, FillRule::NonZero] {
            let ours = render(&path, rule, true);
            let theirs = render(&path, rule, false);
            let (worst, over) = max_channel_diff(&ours, &theirs);
            // Interior pixels are identical; outline pixels differ only by the
            // supersampling error of tiny-skia.
            assert!(worst <= 48 && over <= 12, "worst {worst}, {over} over 24");
            let centre = ours.pixel(30, 10).unwrap();
            assert_eq!((centre.red(), centre.green(), centre.blue()), (20, 90, 200));
            let hole = ours.pixel(33, 24).unwrap();
            assert_eq!((hole.red(), hole.green(), hole.blue()), (255, 255, 255));
        }
    }

    #[test]
    fn total_coverage_equals_polygon_area() {
        // A 300-gon partly outside the page on the left, top and right.
        let mut path = Path::new();
        ngon(&mut path, 10.0, 5.0, 40.0, 300, false);
        let mut pm = sk::Pixmap::new(64, 48).unwrap();
        assert!(fill_polygon(
            &mut pm,
            &path,
            FillRule::NonZero,
            Rgba::rgb(0, 0, 0),
            None
        ));
        let alpha: f64 = pm
            .pixels()
            .iter()
            .map(|p| f64::from(p.alpha()) / 255.0)
            .sum();
        // Exact area of the polygon inside [0, 64] × [0, 48], by sampling finely.
        let inside = |x: f64, y: f64| {
            (0..300).all(|k| {
                let t0 = k as f64 / 300.0 * std::f64::consts::TAU;
                let t1 = (k + 1) as f64 / 300.0 * std::f64::consts::TAU;
                let (ax, ay) = (10.0 + 40.0 * t0.cos(), 5.0 + 40.0 * t0.sin());
                let (bx, by) = (10.0 + 40.0 * t1.cos(), 5.0 + 40.0 * t1.sin());
                (bx - ax) * (y - ay) - (by - ay) * (x - ax) >= 0.0
            })
        };
        let n = 256;
        let mut area = 0.0;
        for i in 0..n {
            for j in 0..n {
                let (x, y) = (
                    (i as f64 + 0.5) / n as f64 * 64.0,
                    (j as f64 + 0.5) / n as f64 * 48.0,
                );
                if inside(x, y) {
                    area += 64.0 * 48.0 / (n * n) as f64;
                }
            }
        }
        assert!((alpha - area).abs() < 2.0, "coverage {alpha}, area {area}");
        // Fully inside pixels are opaque, the far corner is untouched.
        assert_eq!(pm.pixel(0, 0).unwrap().alpha(), 255);
        assert_eq!(pm.pixel(63, 47).unwrap().alpha(), 0);
    }

    #[test]
    fn clip_mask_limits_the_fill() {
        let mut path = Path::new();
        ngon(&mut path, 32.0, 24.0, 30.0, 400, false);
        let color = Rgba {
            r: 200,
            g: 40,
            b: 10,
            a: 128,
        };
        let mut free = sk::Pixmap::new(64, 48).unwrap();
        assert!(fill_polygon(
            &mut free,
            &path,
            FillRule::EvenOdd,
            color,
            None
        ));
        let clip = Rect::new(10.0, 5.0, 40.5, 30.0);
        let mask = super::super::clip_mask(64, 48, &clip).unwrap();
        let mut clipped = sk::Pixmap::new(64, 48).unwrap();
        assert!(fill_polygon(
            &mut clipped,
            &path,
            FillRule::EvenOdd,
            color,
            Some(&mask)
        ));
        for y in 0..48 {
            for x in 0..64 {
                let (p, q) = (clipped.pixel(x, y).unwrap(), free.pixel(x, y).unwrap());
                let m = mask.data()[(y * 64 + x) as usize];
                if m == 0 {
                    assert_eq!(p.alpha(), 0, "({x}, {y}) outside the clip");
                } else if m == 255 {
                    assert_eq!(p, q, "({x}, {y}) inside the clip");
                } else {
                    assert!(p.alpha() <= q.alpha());
                }
            }
        }
        // Translucent colour: the disc's inside has the colour's alpha.
        assert_eq!(free.pixel(32, 24).unwrap().alpha(), 128);
    }

    #[test]
    fn small_or_curved_paths_are_left_to_tiny_skia() {
        let mut pm = sk::Pixmap::new(16, 16).unwrap();
        let mut tri = Path::new();
        tri.move_to(1.0, 1.0);
        tri.line_to(10.0, 1.0);
        tri.line_to(5.0, 9.0);
        tri.close();
        let c = Rgba::rgb(0, 0, 0);
        assert!(!fill_polygon(&mut pm, &tri, FillRule::NonZero, c, None));
        let mut wedge = Path::new();
        ngon(&mut wedge, 8.0, 8.0, 5.0, 182, false);
        assert!(!fill_polygon(&mut pm, &wedge, FillRule::NonZero, c, None));
        let mut curve = Path::new();
        ngon(&mut curve, 8.0, 8.0, 5.0, 300, false);
        curve.cmds.push(PathCmd::QuadTo(1.0, 1.0, 2.0, 2.0));
        assert!(!fill_polygon(&mut pm, &curve, FillRule::NonZero, c, None));
        assert!(pm.pixels().iter().all(|p| p.alpha() == 0));
    }

    #[test]
    fn adjacent_polygons_cover_shared_edge_exactly() {
        // Two polygons sharing a curved edge: their exact coverages sum to one in every
        // pixel (up to rounding), also on the shared edge.
        let mut left = Path::new();
        let mut right = Path::new();
        let n = 300;
        left.move_to(0.0, 0.0);
        right.move_to(64.0, 48.0);
        for k in 0..=n {
            let y = 48.0 * k as f64 / n as f64;
            let x = 20.0 + 0.5 * y + 3.0 * (y * 0.4).sin();
            left.line_to(x, y);
        }
        for k in (0..=n).rev() {
            let y = 48.0 * k as f64 / n as f64;
            let x = 20.0 + 0.5 * y + 3.0 * (y * 0.4).sin();
            right.line_to(x, y);
        }
        left.line_to(0.0, 48.0);
        left.close();
        right.line_to(64.0, 0.0);
        right.close();
        let mut a = sk::Pixmap::new(64, 48).unwrap();
        let mut b = sk::Pixmap::new(64, 48).unwrap();
        let black = Rgba::rgb(0, 0, 0);
        assert!(fill_polygon(&mut a, &left, FillRule::NonZero, black, None));
        assert!(fill_polygon(&mut b, &right, FillRule::NonZero, black, None));
        for (p, q) in a.pixels().iter().zip(b.pixels()) {
            let sum = u32::from(p.alpha()) + u32::from(q.alpha());
            assert!(
                (254..=256).contains(&sum),
                "coverages {} + {}",
                p.alpha(),
                q.alpha()
            );
        }
    }
}
