//! The raster driver's fast path for [`Mesh`] operations (3D surfaces) instead of one
//! tiny-skia path fill and stroke per cell.
//!
//! With thin solid edge lines (or none), the faces are composited front to back (under
//! what nearer faces left, which gives the picture of painting them far to near, and lets
//! pixels that are already opaque be skipped) into an [`Accum`] buffer that is blended
//! over the pixmap once. Convex faces, and folded cells a pixel thin (as their convex
//! hull), take the one-pass path of [`convex`]: fill, seam and outline ring from the
//! distances to the face's edge lines, four pixels at a time.
//!
//! Other faces use an exact scanline rasterizer: each face is accumulated into a small
//! coverage buffer the size of its bounding box (signed-area accumulation: every edge adds
//! the area it covers to the left of it, a prefix sum along each row gives the coverage of
//! every pixel). A face's seam outline is a polygon offset outwards by half the seam width
//! (convex faces) or the face plus one rectangle per side (others), accumulated into the
//! same buffer, so fill and seam are one blend. Edge lines are thin rectangles with square
//! ends (or the ring between the face grown and shrunk), in a second channel blended in
//! the edge colour over the fill. Meshes with thick or dashed edge lines are drawn back to
//! front with that rasterizer and tiny-skia strokes.

use rayon::prelude::*;
use tiny_skia as sk;

mod accum;
mod convex;

use super::{div255, draw_op};
use crate::device::{offset_convex, signed_area, LineCap, Mesh, Rgba};
use accum::{premul, Accum};

/// Edge lines wider than this (device pixels) are stroked by tiny-skia with their real
/// round joins; thinner ones are rectangles, which look the same at that size.
const MAX_FAST_EDGE: f64 = 2.5;

/// A coverage accumulation buffer over a pixel box.
struct Coverage {
    /// Device pixel of the buffer's column 0 and row 0.
    ox: i64,
    oy: i64,
    /// Buffer columns (box width + 2) and rows.
    w: usize,
    h: usize,
    /// Accumulated area of the face (fill and seam) and of its edge lines.
    acc: [Vec<f32>; 2],
}

/// Coverage channel of the face's fill and seam.
const FILL: usize = 0;
/// Coverage channel of the face's edge lines.
const EDGE: usize = 1;

impl Coverage {
    fn new() -> Self {
        Coverage {
            ox: 0,
            oy: 0,
            w: 0,
            h: 0,
            acc: [Vec::new(), Vec::new()],
        }
    }

    /// Prepares an empty buffer for device box `[x0, x1) × [y0, y1)` (integers).
    fn reset(&mut self, x0: i64, y0: i64, x1: i64, y1: i64) {
        self.ox = x0;
        self.oy = y0;
        self.w = (x1 - x0) as usize + 2;
        self.h = (y1 - y0) as usize;
        let n = self.w * self.h + 1;
        for acc in &mut self.acc {
            if acc.len() < n {
                acc.resize(n, 0.0);
            }
        }
    }

    /// Adds the signed area of edge `a → b` (device coordinates inside the box) to channel
    /// `ch`.
    fn line(&mut self, ch: usize, a: (f64, f64), b: (f64, f64)) {
        let (ax, ay) = ((a.0 - self.ox as f64) as f32, (a.1 - self.oy as f64) as f32);
        let (bx, by) = ((b.0 - self.ox as f64) as f32, (b.1 - self.oy as f64) as f32);
        if ay == by {
            return;
        }
        let (dir, x0, y0, x1, y1) = if ay < by {
            (1.0f32, ax, ay, bx, by)
        } else {
            (-1.0f32, bx, by, ax, ay)
        };
        let dxdy = (x1 - x0) / (y1 - y0);
        let mut x = x0;
        let row0 = y0.max(0.0) as usize;
        if y0 < 0.0 {
            x -= y0 * dxdy;
        }
        let row1 = self.h.min(y1.max(0.0) as usize + 1);
        let w = self.w;
        let acc = &mut self.acc[ch];
        for row in row0..row1 {
            let start = row * w;
            let dy = ((row + 1) as f32).min(y1) - (row as f32).max(y0);
            let xnext = x + dxdy * dy;
            let d = dy * dir;
            let (l, r) = if x < xnext { (x, xnext) } else { (xnext, x) };
            let l = l.max(0.0);
            let r = r.min((w - 2) as f32).max(l);
            // Both are >= 0, so truncation is floor (and cheaper than `floor()`).
            let li = l as usize;
            let lf = li as f32;
            let ri = {
                let t = r as usize;
                if (t as f32) < r {
                    t + 1
                } else {
                    t
                }
            };
            if ri <= li + 1 {
                // Within one pixel column: split by the mean x.
                let xm = 0.5 * (l + r) - lf;
                acc[start + li] += d - d * xm;
                acc[start + li + 1] += d * xm;
            } else {
                let s = 1.0 / (r - l);
                let lfrac = l - lf;
                let a0 = 0.5 * s * (1.0 - lfrac) * (1.0 - lfrac);
                let rfrac = r - ri as f32 + 1.0;
                let am = 0.5 * s * rfrac * rfrac;
                acc[start + li] += d * a0;
                if ri == li + 2 {
                    acc[start + li + 1] += d * (1.0 - a0 - am);
                } else {
                    let a1 = s * (1.5 - lfrac);
                    acc[start + li + 1] += d * (a1 - a0);
                    for c in li + 2..ri - 1 {
                        acc[start + c] += d * s;
                    }
                    let a2 = a1 + (ri - li - 3) as f32 * s;
                    acc[start + ri - 1] += d * (1.0 - a2 - am);
                }
                acc[start + ri] += d * am;
            }
            x = xnext;
        }
    }

    /// Adds a closed polygon to channel `ch`, oriented so that its inside counts positive
    /// (`sign` > 0) or negative (cut out of what is there).
    fn polygon(&mut self, ch: usize, pts: &[(f64, f64)], sign: f64) {
        let n = pts.len();
        if n < 3 {
            return;
        }
        if signed_area(pts) * sign >= 0.0 {
            for i in 0..n {
                self.line(ch, pts[i], pts[(i + 1) % n]);
            }
        } else {
            for i in 0..n {
                self.line(ch, pts[(i + 1) % n], pts[i]);
            }
        }
    }

    /// Turns the accumulated areas into coverage row by row (prefix sums), clearing the
    /// buffers, and calls `f(x, y, fill coverage, edge coverage)` for every pixel in
    /// `rows` × `cols` (device pixels) that either covers by at least 1/512; the edge
    /// coverage is 0 unless `with_edge`.
    fn drain(
        &mut self,
        rows: std::ops::Range<i64>,
        cols: std::ops::Range<i64>,
        with_edge: bool,
        mut f: impl FnMut(i64, i64, f32, f32),
    ) {
        let w = self.w;
        let [fa, ea] = &mut self.acc;
        for row in 0..self.h {
            let y = self.oy + row as i64;
            let fcells = &mut fa[row * w..row * w + w];
            let ecells = &mut ea[row * w..row * w + w];
            if !rows.contains(&y) {
                // Outside the target (off the page, or another band's row): cleared only.
                fcells.fill(0.0);
                ecells.fill(0.0);
                continue;
            }
            let (mut fsum, mut esum) = (0.0f32, 0.0f32);
            for (c, (fc, ec)) in fcells.iter_mut().zip(ecells.iter_mut()).enumerate() {
                fsum += *fc;
                esum += *ec;
                *fc = 0.0;
                *ec = 0.0;
                let fcov = fsum.abs().min(1.0);
                let ecov = if with_edge { esum.abs().min(1.0) } else { 0.0 };
                if fcov < 1.0 / 512.0 && ecov < 1.0 / 512.0 {
                    continue;
                }
                let x = self.ox + c as i64;
                if cols.contains(&x) {
                    f(x, y, fcov, ecov);
                }
            }
        }
    }

    /// Blends `fill` weighted by the fill coverage, then `edge` (if any) by the edge
    /// coverage, into the pixmap and clears the buffers.
    fn blend(
        &mut self,
        pm: &mut sk::Pixmap,
        fill: Rgba,
        edge: Option<Rgba>,
        mask: Option<&sk::Mask>,
    ) {
        let (pw, ph) = (pm.width() as i64, pm.height() as i64);
        let stride = pw as usize * 4;
        let mask = mask.map(|m| m.data());
        let data = pm.data_mut();
        self.drain(0..ph, 0..pw, edge.is_some(), |x, y, fcov, ecov| {
            let mv = match mask {
                Some(m) => match m[y as usize * pw as usize + x as usize] {
                    0 => return,
                    v => v as f32 / 255.0,
                },
                None => 1.0,
            };
            let i = y as usize * stride + x as usize * 4;
            let d = &mut data[i..i + 4];
            blend_cov(d, fill, fcov * mv);
            if let Some(e) = edge {
                blend_cov(d, e, ecov * mv);
            }
        });
    }

    /// Composites `fill` weighted by the fill coverage with `edge` (if any) over it by the
    /// edge coverage under what `acc` holds, and clears the buffers. The box must lie
    /// inside `acc`'s columns.
    fn blend_under(
        &mut self,
        acc: &mut Accum,
        fill: Rgba,
        edge: Option<Rgba>,
        mask: Option<&[u8]>,
    ) {
        let fp = premul(fill);
        let ep = edge.map_or([0.0; 4], premul);
        let ea = ep[3] / 255.0;
        let rows = acc.y0 as i64..(acc.y0 + acc.h) as i64;
        let cols = acc.x0 as i64..(acc.x0 + acc.w) as i64;
        self.drain(rows, cols, edge.is_some(), |x, y, mut tf, mut te| {
            let (x, y) = (x as usize, y as usize);
            if acc.opaque(x, y) {
                return;
            }
            if let Some(m) = mask {
                let mv = m[y * acc.page_width + x] as f32 / 255.0;
                tf *= mv;
                te *= mv;
            }
            let keep = 1.0 - te * ea;
            let mut s = [0.0f32; 4];
            for ch in 0..4 {
                s[ch] = fp[ch] * tf * keep + ep[ch] * te;
            }
            acc.under(x, y, s);
        });
    }
}

/// Source-over of `color` at coverage `cov` (0..=1) onto one premultiplied pixel.
#[inline]
fn blend_cov(d: &mut [u8], color: Rgba, cov: f32) {
    let a = (color.a as f32 * cov + 0.5) as u32;
    if a == 0 {
        return;
    }
    if a == 255 {
        d.copy_from_slice(&[color.r, color.g, color.b, 255]);
        return;
    }
    let inv = 255 - a;
    let s = [
        div255(color.r as u32 * a),
        div255(color.g as u32 * a),
        div255(color.b as u32 * a),
        a,
    ];
    for k in 0..4 {
        d[k] = (s[k] + div255(d[k] as u32 * inv)).min(255) as u8;
    }
}

/// The rectangle around segment `a → b`, `half` wide on each side and extended by `ext`
/// beyond both ends; `None` for a zero-length segment.
fn segment_rect(a: (f64, f64), b: (f64, f64), half: f64, ext: f64) -> Option<[(f64, f64); 4]> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt();
    if len.is_nan() || len <= 1e-9 {
        return None;
    }
    let (ux, uy) = (dx / len, dy / len);
    let (nx, ny) = (-uy * half, ux * half);
    let (a, b) = (
        (a.0 - ux * ext, a.1 - uy * ext),
        (b.0 + ux * ext, b.1 + uy * ext),
    );
    Some([
        (a.0 - nx, a.1 - ny),
        (b.0 - nx, b.1 - ny),
        (b.0 + nx, b.1 + ny),
        (a.0 + nx, a.1 + ny),
    ])
}

/// True if the edge lines are exactly the closed outline of `poly`: one closed line
/// through its corners, or pieces of one segment each, side by side in order.
fn edges_outline_poly(edges: &[(f64, f64)], poly: &[(f64, f64)]) -> bool {
    let n = poly.len();
    // One closed line through the polygon's corners.
    let finite: &[(f64, f64)] = match edges.iter().position(|p| p.0.is_finite()) {
        Some(i) => &edges[i..],
        None => return false,
    };
    if finite.len() == n + 1 && finite[..n] == *poly && finite[n] == poly[0] {
        return true;
    }
    let mut k = 0;
    for piece in edges.split(|p| !(p.0.is_finite() && p.1.is_finite())) {
        if piece.is_empty() {
            continue;
        }
        if k >= n || piece.len() != 2 || piece[0] != poly[k] || piece[1] != poly[(k + 1) % n] {
            return false;
        }
        k += 1;
    }
    k == n
}

/// Smallest and largest coordinates of the finite points (infinite if there are none).
fn bounds(pts: impl Iterator<Item = (f64, f64)>) -> [(f64, f64); 2] {
    let (mut x0, mut y0, mut x1, mut y1) =
        (f64::INFINITY, f64::INFINITY, -f64::INFINITY, -f64::INFINITY);
    for (x, y) in pts {
        // Plain comparisons: cheaper than `min`/`max` with their NaN rules.
        if x.is_finite() && y.is_finite() {
            x0 = if x < x0 { x } else { x0 };
            y0 = if y < y0 { y } else { y0 };
            x1 = if x > x1 { x } else { x1 };
            y1 = if y > y1 { y } else { y1 };
        }
    }
    [(x0, y0), (x1, y1)]
}

/// Integer pixel box of points grown by `grow`, cut to `area` (x0, y0, x1, y1); `None` if
/// that leaves nothing.
fn pixel_box(
    pts: impl Iterator<Item = (f64, f64)>,
    grow: f64,
    area: (i64, i64, i64, i64),
) -> Option<(i64, i64, i64, i64)> {
    let [(x0, y0), (x1, y1)] = bounds(pts);
    if x0 > x1 || y0 > y1 {
        return None;
    }
    let clamp = |v: f64, lo: i64, hi: i64| v.clamp(lo as f64, hi as f64) as i64;
    let b = (
        clamp((x0 - grow).floor(), area.0, area.2),
        clamp((y0 - grow).floor(), area.1, area.3),
        clamp((x1 + grow).ceil(), area.0, area.2),
        clamp((y1 + grow).ceil(), area.1, area.3),
    );
    (b.0 < b.2 && b.1 < b.3).then_some(b)
}

/// Half width, cap extension, colour of a mesh's edge lines, and whether they are thin
/// and solid enough for the coverage rasterizers.
type EdgeStyle = (f64, f64, Rgba, bool);

/// Draws a mesh as if in painter's order: each face (fill and seam) and then its edge lines.
/// With thin solid edge lines (or none) the faces are composited front to back into an
/// [`Accum`] buffer (convex faces by [`convex::draw_convex`], others by the exact scanline
/// path); otherwise they are drawn back to front, thick edge lines by tiny-skia.
pub(super) fn draw_mesh(pm: &mut sk::Pixmap, mesh: &Mesh, m: Option<&sk::Mask>) {
    let half_seam = mesh.seam / 2.0;
    let edge_style: Option<EdgeStyle> = mesh.edge_style.as_ref().map(|(s, c)| {
        let ext = if s.cap == LineCap::Butt {
            0.0
        } else {
            s.width / 2.0
        };
        (
            s.width / 2.0,
            ext,
            *c,
            s.width <= MAX_FAST_EDGE && s.dash.is_none(),
        )
    });
    if edge_style.is_none_or(|e| e.3) {
        front_to_back(pm, mesh, m, half_seam, edge_style);
    } else {
        back_to_front(pm, mesh, m, half_seam, edge_style);
    }
}

/// How far the drawing of a face can reach beyond its points: mitred corners of the seam
/// polygon or edge ring (at most twice the half width), square line ends.
fn reach(half_seam: f64, edges: Option<EdgeStyle>) -> f64 {
    match edges {
        Some((half, ext, _, true)) => (half + ext).max(2.0 * half).max(2.0 * half_seam),
        _ => 2.0 * half_seam,
    }
}

/// The polygon and edge points of face `k`.
fn face(mesh: &Mesh, k: usize) -> crate::device::FaceRef<'_> {
    let f = mesh.faces[k];
    let (p0, e0) = match k {
        0 => (0, 0),
        _ => {
            let g = mesh.faces[k - 1];
            (g.points_end as usize, g.edges_end as usize)
        }
    };
    (
        &mesh.points[p0..f.points_end as usize],
        &mesh.edges[e0.min(f.edges_end as usize)..f.edges_end as usize],
        f.color,
    )
}

/// Composites the faces near to far into a buffer over the mesh's pixels, then that over
/// the pixmap.
fn front_to_back(
    pm: &mut sk::Pixmap,
    mesh: &Mesh,
    m: Option<&sk::Mask>,
    half_seam: f64,
    edge_style: Option<EdgeStyle>,
) {
    let (pw, ph) = (pm.width() as i64, pm.height() as i64);
    let grow = reach(half_seam, edge_style) + 1.0;
    // The corners of the points' bounding box (on all cores for large meshes) stand for
    // all points.
    let corners = mesh
        .points
        .par_chunks(1 << 14)
        .map(|chunk| bounds(chunk.iter().copied()))
        .chain(rayon::iter::once(bounds(mesh.edges.iter().copied())))
        .reduce(
            || {
                [
                    (f64::INFINITY, f64::INFINITY),
                    (-f64::INFINITY, -f64::INFINITY),
                ]
            },
            |p, q| {
                [
                    (p[0].0.min(q[0].0), p[0].1.min(q[0].1)),
                    (p[1].0.max(q[1].0), p[1].1.max(q[1].1)),
                ]
            },
        );
    let Some(b) = pixel_box(corners.into_iter(), grow, (0, 0, pw, ph)) else {
        return;
    };
    // The box is cut into bands of rows composited in parallel: each band draws every face
    // that reaches into it, clipped to its rows, so every pixel sees the same faces in the
    // same order as without bands (the result does not depend on the number of threads).
    let reach_rows = grow + 1.0;
    let mut spans = crate::recycle::points_buffer(mesh.faces.len());
    (0..mesh.faces.len())
        .into_par_iter()
        .with_min_len(4096)
        .map(|k| {
            let (poly, edge_pts, _) = face(mesh, k);
            poly.iter()
                .chain(edge_pts)
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
                    (lo.min(p.1), hi.max(p.1))
                })
        })
        .collect_into_vec(&mut spans);
    let rows = (b.3 - b.1) as usize;
    let bands = band_count(rows);
    let band_rows = rows.div_ceil(bands);
    let mask = m.map(|m| m.data());
    let stride = pw as usize * 4;
    let (_, below) = pm.data_mut().split_at_mut(b.1 as usize * stride);
    let box_bytes = (b.3 - b.1) as usize * stride;
    below[..box_bytes]
        .par_chunks_mut(band_rows * stride)
        .enumerate()
        .for_each(|(k, rows_data)| {
            let y0 = b.1 as usize + k * band_rows;
            let y1 = y0 + rows_data.len() / stride;
            let mut acc = Accum::new(b.0 as usize, y0, b.2 as usize, y1, pw as usize);
            let (lo, hi) = (y0 as f64 - reach_rows, y1 as f64 + reach_rows);
            let faces = (0..mesh.faces.len())
                .rev()
                .filter(|&k| spans[k].1 >= lo && spans[k].0 <= hi);
            let full_rows = (b.1, b.3);
            draw_faces(
                &mut acc, mesh, faces, mask, half_seam, edge_style, full_rows,
            );
            acc.composite_rows(rows_data, stride, y0);
        });
    crate::recycle::recycle_points(spans);
}

#[cfg(test)]
thread_local! {
    /// Band count forced by a test (to check that bands do not change the picture).
    pub(super) static FORCE_BANDS: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Bands of rows for a mesh box of `rows` rows: a few per core, at least 16 rows each.
fn band_count(rows: usize) -> usize {
    #[cfg(test)]
    if let Some(n) = FORCE_BANDS.with(|b| b.get()) {
        return n.max(1);
    }
    (rayon::current_num_threads().max(1) * 4)
        .min(rows.div_ceil(16))
        .max(1)
}

/// Composites `faces` (nearest first) under what `acc` holds, clipped to its box.
/// `full_rows` are the rows of the whole mesh box: the exact path computes a face's
/// coverage over all of its rows (its accumulation of area and cover runs from the face's
/// top edge) and blends only the rows in `acc`.
fn draw_faces(
    acc: &mut Accum,
    mesh: &Mesh,
    faces: impl Iterator<Item = usize>,
    mask: Option<&[u8]>,
    half_seam: f64,
    edge_style: Option<EdgeStyle>,
    full_rows: (i64, i64),
) {
    let mut cov = Coverage::new();
    let (mut grown, mut shrunk, mut outline) = (Vec::new(), Vec::new(), Vec::new());
    for k in faces {
        let (poly, edge_pts, color) = face(mesh, k);
        let edges = edge_style.filter(|_| mesh.outlines || edge_pts.len() >= 2);
        let ring = mesh.outlines || edges_outline_poly(edge_pts, poly);
        if (edges.is_none() || ring)
            && convex::draw_convex(acc, mask, poly, half_seam, color, edges.map(|e| (e.0, e.2)))
        {
            continue;
        }
        let edge_pts = if mesh.outlines {
            outline.clear();
            outline.extend(poly.iter().chain(poly.first()));
            &outline[..]
        } else {
            edge_pts
        };
        let grow = reach(half_seam, edges);
        let area = (
            acc.x0 as i64,
            full_rows.0,
            (acc.x0 + acc.w) as i64,
            full_rows.1,
        );
        let Some(b) = pixel_box(poly.iter().chain(edge_pts).copied(), grow, area) else {
            continue;
        };
        if b.3 <= acc.y0 as i64 || b.1 >= (acc.y0 + acc.h) as i64 {
            continue;
        }
        cov.reset(b.0, b.1, b.2, b.3);
        let ecolor = accumulate(
            &mut cov,
            poly,
            edge_pts,
            half_seam,
            edges,
            &mut grown,
            &mut shrunk,
        );
        cov.blend_under(acc, color, ecolor, mask);
    }
}

/// Adds a face's fill and seam (and its edge lines, if `edges`) to the coverage buffer;
/// returns the edge colour.
fn accumulate(
    cov: &mut Coverage,
    poly: &[(f64, f64)],
    edge_pts: &[(f64, f64)],
    half_seam: f64,
    edges: Option<EdgeStyle>,
    grown: &mut Vec<(f64, f64)>,
    shrunk: &mut Vec<(f64, f64)>,
) -> Option<Rgba> {
    if half_seam > 0.0 {
        if offset_convex(poly, half_seam, grown) {
            cov.polygon(FILL, grown, 1.0);
        } else {
            cov.polygon(FILL, poly, 1.0);
            let n = poly.len();
            for i in 0..n {
                if let Some(r) = segment_rect(poly[i], poly[(i + 1) % n], half_seam, half_seam) {
                    cov.polygon(FILL, &r, 1.0);
                }
            }
        }
    } else {
        cov.polygon(FILL, poly, 1.0);
    }
    let (half, ext, ecolor, _) = edges?;
    // A cell's outline: the ring between the cell grown and shrunk by half the line
    // width; otherwise one rectangle per segment.
    if edges_outline_poly(edge_pts, poly)
        && offset_convex(poly, half, grown)
        && offset_convex(poly, -half, shrunk)
    {
        cov.polygon(EDGE, grown, 1.0);
        cov.polygon(EDGE, shrunk, -1.0);
    } else {
        for piece in edge_pts.split(|p| !(p.0.is_finite() && p.1.is_finite())) {
            for s in piece.windows(2) {
                if let Some(r) = segment_rect(s[0], s[1], half, ext) {
                    cov.polygon(EDGE, &r, 1.0);
                }
            }
        }
    }
    Some(ecolor)
}

/// Draws the faces far to near onto the pixmap: thick or dashed edge lines (and faces
/// reaching beyond the page) by tiny-skia, the rest with the exact scanline path.
fn back_to_front(
    pm: &mut sk::Pixmap,
    mesh: &Mesh,
    m: Option<&sk::Mask>,
    half_seam: f64,
    edge_style: Option<EdgeStyle>,
) {
    let page = (0, 0, pm.width() as i64, pm.height() as i64);
    let mut cov = Coverage::new();
    let (mut grown, mut shrunk, mut outline) = (Vec::new(), Vec::new(), Vec::new());
    for k in 0..mesh.faces.len() {
        let (poly, edge_pts, color) = face(mesh, k);
        let edge_pts = if mesh.outlines {
            outline.clear();
            outline.extend(poly.iter().chain(poly.first()));
            &outline[..]
        } else {
            edge_pts
        };
        let edges = edge_style.filter(|_| edge_pts.len() >= 2);
        let grow = reach(half_seam, edges);
        let bbox = pixel_box(poly.iter().chain(edge_pts).copied(), grow, page)
            .filter(|b| b.0 > page.0 && b.1 > page.1 && b.2 < page.2 && b.3 < page.3);
        let fast_edges = edges.is_none_or(|e| e.3);
        let (Some(b), true) = (bbox, poly.len() >= 3 && fast_edges) else {
            for op in single_face(mesh, poly, edge_pts, color) {
                draw_op(pm, &op, m);
            }
            continue;
        };
        cov.reset(b.0, b.1, b.2, b.3);
        let ecolor = accumulate(
            &mut cov,
            poly,
            edge_pts,
            half_seam,
            edges,
            &mut grown,
            &mut shrunk,
        );
        cov.blend(pm, color, ecolor, m);
    }
}

/// The plain operations of one face's polygon and/or edges.
fn single_face(
    mesh: &Mesh,
    poly: &[(f64, f64)],
    edges: &[(f64, f64)],
    color: Rgba,
) -> Vec<crate::device::DeviceOp> {
    let one = Mesh {
        points: poly.to_vec(),
        edges: edges.to_vec(),
        faces: vec![crate::device::MeshFace {
            points_end: poly.len() as u32,
            edges_end: edges.len() as u32,
            color,
        }],
        rule: mesh.rule,
        seam: mesh.seam,
        edge_style: mesh.edge_style.clone(),
        outlines: false,
    };
    one.ops()
}

#[cfg(test)]
mod tests;
