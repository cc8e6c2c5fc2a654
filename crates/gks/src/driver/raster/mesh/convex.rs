//! The fast path of the mesh rasterizer: a convex face (every cell of a surface) with its
//! same-colour seam and its outline ring, composited under what nearer faces left in the
//! [`Accum`] buffer in one pass over the pixels it touches (pixels already opaque are
//! skipped).
//!
//! The face is described by the signed distances of a pixel centre to its edge lines
//! (outward unit normals): inside the polygon grown by `g` all of them are `<= g`, so with
//! `D` their maximum (a mitred distance field) the face grown by the seam is `D <= seam/2`
//! and the outline ring of half width `w` is `|D| <= w`. Coverage is the overlap of a one
//! pixel box around the centre with those bands along `D`, which is exact for pixels
//! crossed by one edge parallel to an axis and a close approximation otherwise (a linear
//! instead of a piecewise quadratic ramp). Corners sharper than 60° get a bevel plane, as
//! [`crate::device::offset_convex`] bevels them. Faces that are not convex, have more than
//! eight corners or are (with their seam) thinner than a pixel are left to the exact
//! scanline path.

use super::accum::{premul, Accum, GROUP, SATURATED};
use crate::device::Rgba;

/// Planes of one face: `a·x + b·y + c` is the signed distance of `(x, y)` (relative to
/// the face's origin) to an edge line, positive outside. Unused slots repeat plane 0.
struct Planes {
    a: [f32; 8],
    b: [f32; 8],
    c: [f32; 8],
    /// Slots in use: 4, 6 or 8.
    n: usize,
    /// Smallest and largest y (relative to the origin) of the face grown by the reach.
    y0: f64,
    y1: f64,
    /// Smallest extent of the face across an edge.
    width: f64,
}

impl Planes {
    /// No planes yet, an empty row range, the given width.
    fn empty(width: f64) -> Self {
        Planes {
            a: [0.0; 8],
            b: [0.0; 8],
            c: [0.0; 8],
            n: 0,
            y0: f64::INFINITY,
            y1: f64::NEG_INFINITY,
            width,
        }
    }
}

/// Largest integer `<= v` (for values well inside the `i32` range): one rounding
/// instruction with SSE4.1 (see `.cargo/config.toml`) or on AArch64.
#[inline(always)]
fn floor_i(v: f32) -> i32 {
    v.floor() as i32
}

/// The smaller of two numbers (one `minss`; no NaN handling needed here).
#[inline(always)]
fn mn(a: f32, b: f32) -> f32 {
    if a < b {
        a
    } else {
        b
    }
}

/// The larger of two numbers (one `maxss`).
#[inline(always)]
fn mx(a: f32, b: f32) -> f32 {
    if a > b {
        a
    } else {
        b
    }
}

/// Four lanes of `f32`, written out so that the compiler keeps them in one vector.
type F4 = [f32; 4];

/// Lanes from lane `k` on (the first group of a span starting at lane `k`).
const FROM_LANE: [F4; 4] = [
    [1.0, 1.0, 1.0, 1.0],
    [0.0, 1.0, 1.0, 1.0],
    [0.0, 0.0, 1.0, 1.0],
    [0.0, 0.0, 0.0, 1.0],
];
/// Lanes up to lane `k` (the last group of a span ending at lane `k`).
const TO_LANE: [F4; 4] = [
    [1.0, 0.0, 0.0, 0.0],
    [1.0, 1.0, 0.0, 0.0],
    [1.0, 1.0, 1.0, 0.0],
    [1.0, 1.0, 1.0, 1.0],
];

#[inline(always)]
fn splat(v: f32) -> F4 {
    [v, v, v, v]
}

#[inline(always)]
fn add(a: F4, b: F4) -> F4 {
    [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]]
}

#[inline(always)]
fn sub(a: F4, b: F4) -> F4 {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2], a[3] - b[3]]
}

#[inline(always)]
fn mul(a: F4, b: F4) -> F4 {
    [a[0] * b[0], a[1] * b[1], a[2] * b[2], a[3] * b[3]]
}

/// `a·x + b` lane by lane.
#[inline(always)]
fn fma(a: F4, x: F4, b: F4) -> F4 {
    add(mul(a, x), b)
}

#[inline(always)]
fn div(a: F4, b: F4) -> F4 {
    [a[0] / b[0], a[1] / b[1], a[2] / b[2], a[3] / b[3]]
}

#[inline(always)]
fn min4(a: F4, b: F4) -> F4 {
    [
        mn(a[0], b[0]),
        mn(a[1], b[1]),
        mn(a[2], b[2]),
        mn(a[3], b[3]),
    ]
}

#[inline(always)]
fn max4(a: F4, b: F4) -> F4 {
    [
        mx(a[0], b[0]),
        mx(a[1], b[1]),
        mx(a[2], b[2]),
        mx(a[3], b[3]),
    ]
}

/// The corners of `poly` relative to `origin`, repeated points dropped; `None` for more
/// than eight corners or a non-finite one.
fn corners(poly: &[(f64, f64)], origin: (f64, f64)) -> Option<([(f64, f64); 8], usize)> {
    let mut v = [(0.0f64, 0.0f64); 8];
    let mut m = 0;
    let d2 = |p: (f64, f64), q: (f64, f64)| (p.0 - q.0) * (p.0 - q.0) + (p.1 - q.1) * (p.1 - q.1);
    for &(x, y) in poly {
        if !(x.is_finite() && y.is_finite()) {
            return None;
        }
        let p = (x - origin.0, y - origin.1);
        if m > 0 && d2(v[m - 1], p) <= 1e-18 {
            continue;
        }
        if m == 8 {
            return None;
        }
        v[m] = p;
        m += 1;
    }
    while m > 1 && d2(v[0], v[m - 1]) <= 1e-18 {
        m -= 1;
    }
    Some((v, m))
}

/// The convex hull of `v` (counter-clockwise in y-up terms, at most 8 corners).
fn hull(v: &[(f64, f64)]) -> ([(f64, f64); 8], usize) {
    let mut pts = [(0.0f64, 0.0f64); 8];
    pts[..v.len()].copy_from_slice(v);
    let pts = &mut pts[..v.len()];
    pts.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let cross = |o: (f64, f64), a: (f64, f64), b: (f64, f64)| {
        (a.0 - o.0) * (b.1 - o.1) - (a.1 - o.1) * (b.0 - o.0)
    };
    let mut h = [(0.0f64, 0.0f64); 16];
    let mut k = 0;
    for &p in pts.iter() {
        while k >= 2 && cross(h[k - 2], h[k - 1], p) <= 0.0 {
            k -= 1;
        }
        h[k] = p;
        k += 1;
    }
    let lower = k + 1;
    for &p in pts.iter().rev().skip(1) {
        while k >= lower && cross(h[k - 2], h[k - 1], p) <= 0.0 {
            k -= 1;
        }
        h[k] = p;
        k += 1;
    }
    let n = (k - 1).min(8);
    let mut out = [(0.0f64, 0.0f64); 8];
    out[..n].copy_from_slice(&h[..n]);
    (out, n)
}

/// Builds the planes of convex polygon `poly` (device pixels, relative to `origin`) with
/// bevels for the seam half width `hs`; `None` if the polygon is not convex, has more than
/// eight corners (bevels included) or is, grown by `hs`, thinner than a pixel. A
/// non-convex face (a cell folded over on a steep wall) whose convex hull is at most a
/// pixel thin is drawn as that hull, which its seam covers anyway.
/// `reach` is how far beyond the face anything is drawn (for the rows to visit).
fn planes(poly: &[(f64, f64)], origin: (f64, f64), hs: f64, reach: f64) -> Option<Planes> {
    let (v, m) = corners(poly, origin)?;
    if m < 3 {
        return None;
    }
    let planes = if m == 4 {
        quad_planes(&v, hs, reach)
    } else {
        convex_planes(&v[..m], hs, reach)
    };
    match planes {
        Ok(pl) => pl,
        Err(NotConvex) if hs >= 0.5 => {
            let (h, n) = hull(&v[..m]);
            if n < 3 {
                return None;
            }
            match convex_planes(&h[..n], hs, reach) {
                Ok(Some(pl)) if pl.width <= 1.0 => Some(pl),
                _ => None,
            }
        }
        Err(NotConvex) => None,
    }
}

/// [`convex_planes`] of a quadrilateral (corners `v[..4]`), the four edges at once in
/// `f32` lanes.
fn quad_planes(v: &[(f64, f64); 8], hs: f64, reach: f64) -> Result<Option<Planes>, NotConvex> {
    let px = [v[0].0 as f32, v[1].0 as f32, v[2].0 as f32, v[3].0 as f32];
    let py = [v[0].1 as f32, v[1].1 as f32, v[2].1 as f32, v[3].1 as f32];
    quad_lanes(px, py, hs, reach)
}

/// [`planes`] of a quadrilateral with four distinct corners, `None` if it has repeated
/// corners or is not convex (left to [`planes`]).
#[inline(always)]
fn quad_fast(
    v: [(f64, f64); 4],
    origin: (f64, f64),
    hs: f64,
    reach: f64,
) -> Option<Option<Planes>> {
    let px = v.map(|p| (p.0 - origin.0) as f32);
    let py = v.map(|p| (p.1 - origin.1) as f32);
    let (dx, dy) = (sub(rot(px), px), sub(rot(py), py));
    let len2 = add(mul(dx, dx), mul(dy, dy));
    if len2.iter().any(|&l| l <= 1e-9) {
        return None;
    }
    quad_lanes(px, py, hs, reach).ok()
}

/// The lanes `[a[1], a[2], a[3], a[0]]`.
#[inline(always)]
fn rot(a: F4) -> F4 {
    [a[1], a[2], a[3], a[0]]
}

/// [`quad_planes`] of the corners `(px[i], py[i])` (relative to the face's origin).
#[inline(always)]
fn quad_lanes(px: F4, py: F4, hs: f64, reach: f64) -> Result<Option<Planes>, NotConvex> {
    // Corner i + 1, i + 2 and i + 3 of every lane i.
    let (qx, qy) = (rot(px), rot(py));
    let (rx, ry) = (rot(qx), rot(qy));
    let (sx, sy) = (rot(rx), rot(ry));
    let (dx, dy) = (sub(qx, px), sub(qy, py));
    let cross = sub(mul(px, qy), mul(qx, py));
    let area = cross[0] + cross[1] + cross[2] + cross[3];
    if area == 0.0 || !area.is_finite() {
        return Ok(None);
    }
    let s = if area > 0.0 { 1.0 } else { -1.0 };
    let len = add(mul(dx, dx), mul(dy, dy)).map(f32::sqrt);
    let inv = div(splat(s), len);
    let (nx, ny) = (mul(dy, inv), sub(splat(0.0), mul(dx, inv)));
    let c = sub(splat(0.0), add(mul(nx, px), mul(ny, py)));
    // Convex: the two corners off each edge lie on its inner side (within rounding). The
    // width is the smallest extent across an edge.
    let fr = add(add(mul(nx, rx), mul(ny, ry)), c);
    let fs = add(add(mul(nx, sx), mul(ny, sy)), c);
    let tol = 1e-4 * (1.0 + len.iter().fold(0.0f32, |m, &l| mx(m, l)));
    if max4(fr, fs).iter().any(|&f| f > tol) {
        return Err(NotConvex);
    }
    let far = max4(sub(splat(0.0), fr), sub(splat(0.0), fs));
    let width = mn(mn(far[0], far[1]), mn(far[2], far[3])) as f64;
    if width + 2.0 * hs < 1.0 || width.is_nan() {
        return Ok(None);
    }
    // Each corner q (end of edge i) turns the normal from n_i to n_(i+1): mitred below
    // 120°, reaching q + (n_i + n_(i+1))·reach / (1 + cos), else bevelled (a plane along
    // the bisector, after edge i's), reaching q + n·reach for both normals.
    let (mx_, my_) = (rot(nx), rot(ny));
    let cos = add(mul(nx, mx_), mul(ny, my_));
    let grow = add(cos, splat(1.0));
    let r = reach as f32;
    let miter = add(qy, mul(add(ny, my_), div(splat(r), grow)));
    let mut pl = Planes::empty(width);
    let (mut y0, mut y1) = (f32::INFINITY, f32::NEG_INFINITY);
    let mut k = 0;
    for i in 0..4 {
        (pl.a[k], pl.b[k], pl.c[k]) = (nx[i], ny[i], c[i]);
        k += 1;
        if cos[i] > -0.5 {
            y0 = mn(y0, miter[i]);
            y1 = mx(y1, miter[i]);
            continue;
        }
        let (ya, yb) = (qy[i] + ny[i] * r, qy[i] + my_[i] * r);
        y0 = mn(y0, mn(ya, yb));
        y1 = mx(y1, mx(ya, yb));
        let (bx, by) = (nx[i] + mx_[i], ny[i] + my_[i]);
        let bl = (bx * bx + by * by).sqrt();
        if bl < 1e-6 {
            return Ok(None);
        }
        let (bx, by) = (bx / bl, by / bl);
        pl.a[k] = bx;
        pl.b[k] = by;
        pl.c[k] = -(bx * qx[i] + by * qy[i]) + hs as f32 * (1.0 - (nx[i] * bx + ny[i] * by));
        k += 1;
    }
    pl.n = if k <= 4 {
        4
    } else if k <= 6 {
        6
    } else {
        8
    };
    for j in k..pl.n {
        (pl.a[j], pl.b[j], pl.c[j]) = (pl.a[0], pl.b[0], pl.c[0]);
    }
    (pl.y0, pl.y1) = (y0 as f64, y1 as f64);
    Ok(Some(pl))
}

/// The index after `i` around a polygon of `m` corners (no division).
#[inline(always)]
fn next(i: usize, m: usize) -> usize {
    if i + 1 == m {
        0
    } else {
        i + 1
    }
}

/// Marks a polygon that is not convex.
struct NotConvex;

/// The planes of the convex polygon with corners `v` (see [`planes`]); `Ok(None)` if it is
/// degenerate or too thin.
fn convex_planes(v: &[(f64, f64)], hs: f64, reach: f64) -> Result<Option<Planes>, NotConvex> {
    let m = v.len();
    let mut area = 0.0;
    for i in 0..m {
        let (p, q) = (v[i], v[next(i, m)]);
        area += p.0 * q.1 - q.0 * p.1;
    }
    if area == 0.0 || !area.is_finite() {
        return Ok(None);
    }
    let s = if area > 0.0 { 1.0 } else { -1.0 };
    // Edge planes in f64 first (normal x, normal y, offset).
    let mut e = [(0.0f64, 0.0f64, 0.0f64); 8];
    for i in 0..m {
        let (p, q) = (v[i], v[next(i, m)]);
        let (dx, dy) = (q.0 - p.0, q.1 - p.1);
        let inv = s / (dx * dx + dy * dy).sqrt();
        let (nx, ny) = (dy * inv, -dx * inv);
        e[i] = (nx, ny, -(nx * p.0 + ny * p.1));
    }
    // Convex: every corner on the inner side of every edge line. The width (the smallest
    // extent across an edge) must reach a pixel with the seam.
    let mut width = f64::INFINITY;
    for &(nx, ny, c) in &e[..m] {
        let mut far = 0.0f64;
        for &p in v {
            let f = nx * p.0 + ny * p.1 + c;
            if f > 1e-7 {
                return Err(NotConvex);
            }
            far = if -f > far { -f } else { far };
        }
        width = if far < width { far } else { width };
    }
    if width + 2.0 * hs < 1.0 || width.is_nan() {
        return Ok(None);
    }
    let mut pl = Planes::empty(width);
    let mut k = 0;
    for (i, &(nx, ny, c)) in e[..m].iter().enumerate() {
        pl.a[k] = nx as f32;
        pl.b[k] = ny as f32;
        pl.c[k] = c as f32;
        k += 1;
        // The corner at the end of this edge: bevelled where the normals turn by 120° or
        // more (the miter would reach beyond twice the offset).
        let (mx, my, _) = e[next(i, m)];
        let cos = nx * mx + ny * my;
        let q = v[next(i, m)];
        // The corner of the face grown by the reach (miter or both bevel ends).
        let (ya, yb) = if cos > -0.5 {
            let y = q.1 + (ny + my) * reach / (1.0 + cos);
            (y, y)
        } else {
            (q.1 + ny * reach, q.1 + my * reach)
        };
        let (lo, hi) = if ya < yb { (ya, yb) } else { (yb, ya) };
        pl.y0 = if lo < pl.y0 { lo } else { pl.y0 };
        pl.y1 = if hi > pl.y1 { hi } else { pl.y1 };
        if cos <= -0.5 {
            let (bx, by) = (nx + mx, ny + my);
            let bl = (bx * bx + by * by).sqrt();
            if bl < 1e-12 || k == 8 {
                return Ok(None);
            }
            let (bx, by) = (bx / bl, by / bl);
            pl.a[k] = bx as f32;
            pl.b[k] = by as f32;
            pl.c[k] = (-(bx * q.0 + by * q.1) + hs * (1.0 - (nx * bx + ny * by))) as f32;
            k += 1;
        }
    }
    pl.n = match k {
        0..=4 => 4,
        5 | 6 => 6,
        _ => 8,
    };
    for j in k..pl.n {
        pl.a[j] = pl.a[0];
        pl.b[j] = pl.b[0];
        pl.c[j] = pl.c[0];
    }
    Ok(Some(pl))
}

/// Draws convex face `poly` (device pixels) under what `acc` holds: filled with `fill` and
/// grown by the seam half width `hs`, its outline ring (`edge`: half width, colour) over
/// it, coverage weighted by the clip `mask` (page-sized); false (nothing drawn) if the
/// face needs the exact path.
pub(super) fn draw_convex(
    acc: &mut Accum,
    mask: Option<&[u8]>,
    poly: &[(f64, f64)],
    hs: f64,
    fill: Rgba,
    edge: Option<(f64, Rgba)>,
) -> bool {
    let Some(&origin) = poly.first() else {
        return false;
    };
    let hw = edge.map_or(0.0, |e| e.0);
    // Pixel centres farther than this from the face get nothing.
    let reach = hs.max(hw) + 0.5;
    // A face behind opaque pixels (hidden by nearer ones) costs only this look.
    let (mut x0, mut y0, mut x1, mut y1) = (origin.0, origin.1, origin.0, origin.1);
    for &(x, y) in poly {
        if !(x.abs() < 1e6 && y.abs() < 1e6) {
            return false;
        }
        x0 = if x < x0 { x } else { x0 };
        y0 = if y < y0 { y } else { y0 };
        x1 = if x > x1 { x } else { x1 };
        y1 = if y > y1 { y } else { y1 };
    }
    // Mitred corners reach at most twice `reach` beyond the face.
    if hidden(acc, (x0, y0, x1, y1), 2.0 * reach) {
        return true;
    }
    // An integer origin near the face keeps `f32` coordinates small.
    let origin = (origin.0 as i32 as f64, origin.1 as i32 as f64);
    let pl = match poly {
        // Most faces of a surface are plain quadrilaterals: straight to the lanes.
        [p0, p1, p2, p3] => quad_fast([*p0, *p1, *p2, *p3], origin, hs, reach)
            .unwrap_or_else(|| planes(poly, origin, hs, reach)),
        _ => planes(poly, origin, hs, reach),
    };
    let Some(pl) = pl else {
        return false;
    };
    match pl.n {
        4 => fill_rows::<4>(acc, mask, &pl, origin, hs, reach, fill, edge),
        6 => fill_rows::<6>(acc, mask, &pl, origin, hs, reach, fill, edge),
        _ => fill_rows::<8>(acc, mask, &pl, origin, hs, reach, fill, edge),
    }
    true
}

/// True if every group of pixels of `acc` reaching within `grow` of box
/// `(x0, y0, x1, y1)` is known to be opaque (see [`Accum::opaque_groups`]).
fn hidden(acc: &Accum, (x0, y0, x1, y1): (f64, f64, f64, f64), grow: f64) -> bool {
    let clamp = |v: f64, lo: usize, hi: usize| (v as i64).clamp(lo as i64, hi as i64) as usize;
    let (ax1, ay1) = (acc.x0 + acc.w, acc.y0 + acc.h);
    // Pixels whose centres lie within `grow` of the box: from ceil(x0 − grow − ½) to
    // floor(x1 + grow − ½), likewise for rows.
    let c0 = clamp((x0 - grow - 0.5).ceil(), acc.x0, ax1) - acc.x0;
    let c1 = clamp((x1 + grow - 0.5).floor() + 1.0, acc.x0, ax1) - acc.x0;
    let r0 = clamp((y0 - grow - 0.5).ceil(), acc.y0, ay1) - acc.y0;
    let r1 = clamp((y1 + grow - 0.5).floor() + 1.0, acc.y0, ay1) - acc.y0;
    if c0 >= c1 {
        return true;
    }
    let (g0, g1) = (c0 / GROUP, (c1 - 1) / GROUP + 1);
    (r0..r1).all(|r| {
        let groups = &acc.opaque_groups[r * acc.group_stride..][g0..g1];
        groups.iter().fold(1u8, |all, &g| all & g) != 0
    })
}

#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn fill_rows<const N: usize>(
    acc: &mut Accum,
    mask: Option<&[u8]>,
    pl: &Planes,
    origin: (f64, f64),
    hs: f64,
    reach: f64,
    fill: Rgba,
    edge: Option<(f64, Rgba)>,
) {
    let (a, b, c) = (&pl.a[..N], &pl.b[..N], &pl.c[..N]);
    let hw = edge.map_or(0.0, |e| e.0) as f32;
    let fedge = (hs + 0.5) as f32;
    let reach32 = reach as f32;
    let (ox, oy) = (origin.0 as i32, origin.1 as i32);
    // Rows whose centres lie within the grown face, inside the buffer.
    let row0 = (floor_i((pl.y0 - 0.5) as f32) + 1 + oy).max(acc.y0 as i32);
    let row1 = (floor_i((pl.y1 - 0.5) as f32) + oy).min((acc.y0 + acc.h) as i32 - 1);
    let (ax0, ax1) = (acc.x0 as i32, (acc.x0 + acc.w) as i32 - 1);
    let fp = premul(fill);
    let ep = edge.map_or([0.0; 4], |e| premul(e.1));
    let ea = ep[3] / 255.0;
    let edge_on = if edge.is_some() { 1.0f32 } else { 0.0 };
    // The span of a row is bounded by every plane, on the right where a > 0, else on the
    // left (planes parallel to x bound it on the right, emptying rows outside them): at
    // row centre y the bound is x = (reach − b·y − c)/a, a line in y.
    let (mut r_c, mut r_b, mut l_c, mut l_b) = ([0.0f32; N], [0.0f32; N], [0.0f32; N], [0.0f32; N]);
    for i in 0..N {
        let right = a[i] >= 0.0;
        let inv = 1.0
            / if right {
                a[i].max(1e-7)
            } else {
                a[i].min(-1e-7)
            };
        let (bound_c, bound_b) = ((reach32 - c[i]) * inv, -b[i] * inv);
        (r_c[i], r_b[i]) = if right {
            (bound_c, bound_b)
        } else {
            (1e6, 0.0)
        };
        (l_c[i], l_b[i]) = if right {
            (-1e6, 0.0)
        } else {
            (bound_c, bound_b)
        };
    }
    let stride = acc.stride;
    let [pr, pg, pb, pa] = &mut acc.planes;
    for row in row0..row1 + 1 {
        let yc = (row - oy) as f32 + 0.5;
        let (mut lo, mut hi) = (-1e6f32, 1e6f32);
        for i in 0..N {
            hi = mn(hi, r_c[i] + r_b[i] * yc);
            lo = mx(lo, l_c[i] + l_b[i] * yc);
        }
        // Pixel centres x + 0.5 strictly inside (lo, hi), relative to the origin.
        let x0 = (floor_i(lo - 0.5) + 1 + ox).max(ax0);
        let x1 = (floor_i(hi - 0.5) + ox).min(ax1);
        if x0 > x1 {
            continue;
        }
        let base = (row as usize - acc.y0) * stride;
        let groups = &mut acc.opaque_groups[(row as usize - acc.y0) * acc.group_stride..];
        let mut k = [0.0f32; N];
        for i in 0..N {
            k[i] = b[i] * yc + c[i];
        }
        // Groups of four pixels aligned to the buffer's columns; lanes outside x0..=x1 get
        // no coverage, groups already opaque (nearer faces drawn there) are skipped.
        let (c0, c1) = (x0 as usize - acc.x0, x1 as usize - acc.x0);
        let first = c0 / GROUP;
        for (g, group_opaque) in groups[first..c1 / GROUP + 1].iter_mut().enumerate() {
            if *group_opaque != 0 {
                continue;
            }
            let c = (first + g) * GROUP;
            let x = (c + acc.x0) as i32;
            // Lanes outside c0..=c1 only in the first and last group.
            let mut valid = [1.0f32; 4];
            if g == 0 {
                valid = FROM_LANE[c0 % GROUP];
            }
            if c + GROUP > c1 {
                valid = mul(valid, TO_LANE[c1 % GROUP]);
            }
            if let Some(m) = mask {
                let row_mask = &m[row as usize * acc.page_width + x as usize..];
                for (l, v) in valid.iter_mut().enumerate() {
                    if *v > 0.0 {
                        *v = row_mask[l] as f32 * (1.0 / 255.0);
                    }
                }
            }
            let cx0 = (x - ox) as f32 + 0.5;
            let lane = add(splat(cx0), [0.0, 1.0, 2.0, 3.0]);
            let mut dist = fma(splat(a[0]), lane, splat(k[0]));
            for i in 1..N {
                dist = max4(dist, fma(splat(a[i]), lane, splat(k[i])));
            }
            let i0 = base + c;
            let r4: &mut [f32; 4] = (&mut pr[i0..i0 + 4]).try_into().unwrap();
            let g4: &mut [f32; 4] = (&mut pg[i0..i0 + 4]).try_into().unwrap();
            let b4: &mut [f32; 4] = (&mut pb[i0..i0 + 4]).try_into().unwrap();
            let a4: &mut [f32; 4] = (&mut pa[i0..i0 + 4]).try_into().unwrap();
            let tf = mul(
                max4(min4(sub(splat(fedge), dist), splat(1.0)), splat(0.0)),
                valid,
            );
            let te = mul(
                max4(
                    sub(
                        min4(add(dist, splat(0.5)), splat(hw)),
                        max4(sub(dist, splat(0.5)), splat(-hw)),
                    ),
                    splat(0.0),
                ),
                mul(valid, splat(edge_on)),
            );
            let w = sub(splat(1.0), mul(*a4, splat(1.0 / 255.0)));
            let sf = mul(mul(tf, sub(splat(1.0), mul(te, splat(ea)))), w);
            let se = mul(te, w);
            *r4 = add(*r4, add(mul(splat(fp[0]), sf), mul(splat(ep[0]), se)));
            *g4 = add(*g4, add(mul(splat(fp[1]), sf), mul(splat(ep[1]), se)));
            *b4 = add(*b4, add(mul(splat(fp[2]), sf), mul(splat(ep[2]), se)));
            *a4 = add(*a4, add(mul(splat(fp[3]), sf), mul(splat(ep[3]), se)));
            let opaque = a4.iter().fold(true, |all, &v| all & (v >= SATURATED));
            *group_opaque = opaque as u8;
        }
    }
}
