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

use super::accum::{premul, Accum};
use crate::device::Rgba;

/// Planes of one face: `a·x + b·y + c` is the signed distance of `(x, y)` (relative to
/// the face's origin) to an edge line, positive outside. Unused slots repeat plane 0.
struct Planes {
    a: [f32; 8],
    b: [f32; 8],
    c: [f32; 8],
    /// Slots in use: 4 or 8.
    n: usize,
    /// Smallest and largest y (relative to the origin) of the face grown by the reach.
    y0: f64,
    y1: f64,
}

/// Largest integer `<= v` (for values well inside the `i32` range), without libm.
#[inline]
fn floor_i(v: f32) -> i32 {
    let t = v as i32;
    if (t as f32) > v {
        t - 1
    } else {
        t
    }
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

/// Builds the planes of convex polygon `poly` (device pixels, relative to `origin`) with
/// bevels for the seam half width `hs`; `None` if the polygon is not convex, has more than
/// eight corners (bevels included) or is, grown by `hs`, thinner than a pixel.
/// `reach` is how far beyond the face anything is drawn (for the rows to visit).
fn planes(poly: &[(f64, f64)], origin: (f64, f64), hs: f64, reach: f64) -> Option<Planes> {
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
    if m < 3 {
        return None;
    }
    let v = &v[..m];
    let mut area = 0.0;
    for i in 0..m {
        let (p, q) = (v[i], v[(i + 1) % m]);
        area += p.0 * q.1 - q.0 * p.1;
    }
    if area == 0.0 || !area.is_finite() {
        return None;
    }
    let s = if area > 0.0 { 1.0 } else { -1.0 };
    // Edge planes in f64 first (normal x, normal y, offset).
    let mut e = [(0.0f64, 0.0f64, 0.0f64); 8];
    for i in 0..m {
        let (p, q) = (v[i], v[(i + 1) % m]);
        let (dx, dy) = (q.0 - p.0, q.1 - p.1);
        let len = (dx * dx + dy * dy).sqrt();
        let (nx, ny) = (s * dy / len, -s * dx / len);
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
                return None;
            }
            far = far.max(-f);
        }
        width = width.min(far);
    }
    if width + 2.0 * hs < 1.0 {
        return None;
    }
    let mut pl = Planes {
        a: [0.0; 8],
        b: [0.0; 8],
        c: [0.0; 8],
        n: 0,
        y0: f64::INFINITY,
        y1: f64::NEG_INFINITY,
    };
    let mut k = 0;
    for (i, &(nx, ny, c)) in e[..m].iter().enumerate() {
        pl.a[k] = nx as f32;
        pl.b[k] = ny as f32;
        pl.c[k] = c as f32;
        k += 1;
        // The corner at the end of this edge: bevelled where the normals turn by 120° or
        // more (the miter would reach beyond twice the offset).
        let (mx, my, _) = e[(i + 1) % m];
        let cos = nx * mx + ny * my;
        let q = v[(i + 1) % m];
        // The corner of the face grown by the reach (miter or both bevel ends).
        let (ya, yb) = if cos > -0.5 {
            let y = q.1 + (ny + my) * reach / (1.0 + cos);
            (y, y)
        } else {
            (q.1 + ny * reach, q.1 + my * reach)
        };
        pl.y0 = pl.y0.min(ya.min(yb));
        pl.y1 = pl.y1.max(ya.max(yb));
        if cos <= -0.5 {
            let (bx, by) = (nx + mx, ny + my);
            let bl = (bx * bx + by * by).sqrt();
            if bl < 1e-12 {
                return None;
            }
            let (bx, by) = (bx / bl, by / bl);
            if k == 8 {
                return None;
            }
            pl.a[k] = bx as f32;
            pl.b[k] = by as f32;
            pl.c[k] = (-(bx * q.0 + by * q.1) + hs * (1.0 - (nx * bx + ny * by))) as f32;
            k += 1;
        }
    }
    pl.n = if k <= 4 { 4 } else { 8 };
    for j in k..pl.n {
        pl.a[j] = pl.a[0];
        pl.b[j] = pl.b[0];
        pl.c[j] = pl.c[0];
    }
    Some(pl)
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
    let origin = (origin.0.round(), origin.1.round());
    let hw = edge.map_or(0.0, |e| e.0);
    // Pixel centres farther than this from the face get nothing.
    let reach = hs.max(hw) + 0.5;
    let Some(pl) = planes(poly, origin, hs, reach) else {
        return false;
    };
    if pl.n == 4 {
        fill_rows::<4>(acc, mask, &pl, origin, hs, reach, fill, edge);
    } else {
        fill_rows::<8>(acc, mask, &pl, origin, hs, reach, fill, edge);
    }
    true
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
    // Which side of the span each plane bounds, and 1/a.
    let mut inv = [0.0f32; N];
    let mut right = [false; N];
    for i in 0..N {
        inv[i] = if a[i].abs() > 1e-6 { 1.0 / a[i] } else { 0.0 };
        right[i] = a[i] > 0.0;
    }
    let stride = acc.stride;
    let [pr, pg, pb, pa] = &mut acc.planes;
    for row in row0..=row1 {
        let yc = (row - oy) as f32 + 0.5;
        let (mut lo, mut hi) = (-1e6f32, 1e6f32);
        let mut k = [0.0f32; N];
        for i in 0..N {
            k[i] = b[i] * yc + c[i];
            let room = reach32 - k[i];
            if inv[i] == 0.0 {
                if room <= 0.0 {
                    hi = -1e6;
                }
            } else if right[i] {
                hi = mn(hi, room * inv[i]);
            } else {
                lo = mx(lo, room * inv[i]);
            }
        }
        // Pixel centres x + 0.5 strictly inside (lo, hi), relative to the origin.
        let x0 = (floor_i(lo - 0.5) + 1 + ox).max(ax0);
        let x1 = (floor_i(hi - 0.5) + ox).min(ax1);
        if x0 > x1 {
            continue;
        }
        let base = (row as usize - acc.y0) * stride;
        let mut x = x0;
        while x <= x1 {
            // Four pixels at a time; lanes past x1 get no coverage (the padding keeps
            // them inside the row).
            let n = (x1 - x + 1).min(4) as usize;
            let cx0 = (x - ox) as f32 + 0.5;
            let mut lane = [0.0f32; 4];
            let mut valid = [0.0f32; 4];
            for l in 0..4 {
                lane[l] = cx0 + l as f32;
                valid[l] = if l < n { 1.0 } else { 0.0 };
            }
            if let Some(m) = mask {
                let mb = row as usize * acc.page_width + x as usize;
                for l in 0..n {
                    valid[l] = m[mb + l] as f32 * (1.0 / 255.0);
                }
            }
            let mut dist = [f32::NEG_INFINITY; 4];
            for i in 0..N {
                for l in 0..4 {
                    let v = a[i] * lane[l] + k[i];
                    dist[l] = mx(dist[l], v);
                }
            }
            let i0 = base + (x as usize - acc.x0);
            let (r4, g4, b4, a4) = (
                &mut pr[i0..i0 + 4],
                &mut pg[i0..i0 + 4],
                &mut pb[i0..i0 + 4],
                &mut pa[i0..i0 + 4],
            );
            let mut sf = [0.0f32; 4];
            let mut se = [0.0f32; 4];
            for l in 0..4 {
                let d = dist[l];
                let tf = mx(mn(fedge - d, 1.0), 0.0) * valid[l];
                let te = mx(mn(d + 0.5, hw) - mx(d - 0.5, -hw), 0.0) * valid[l] * edge_on;
                let w = 1.0 - a4[l] * (1.0 / 255.0);
                sf[l] = tf * (1.0 - te * ea) * w;
                se[l] = te * w;
            }
            for l in 0..4 {
                r4[l] += fp[0] * sf[l] + ep[0] * se[l];
                g4[l] += fp[1] * sf[l] + ep[1] * se[l];
                b4[l] += fp[2] * sf[l] + ep[2] * se[l];
                a4[l] += fp[3] * sf[l] + ep[3] * se[l];
            }
            x += 4;
        }
    }
}
