//! The fast path of the mesh rasterizer: a convex face (every cell of a surface) with its
//! same-colour seam and its outline ring, drawn in one pass over the pixels it touches.
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

use crate::device::Rgba;

/// Planes of one face: `a·x + b·y + c` is the signed distance of `(x, y)` (relative to
/// the face's origin) to an edge line, positive outside. Unused slots repeat plane 0.
struct Planes {
    a: [f32; 8],
    b: [f32; 8],
    c: [f32; 8],
    /// Slots in use: 4 or 8.
    n: usize,
}

/// Where and how to draw: the pixmap's premultiplied RGBA bytes, its size, clip mask.
pub(super) struct Target<'a> {
    /// Premultiplied RGBA8 pixels, rows top to bottom.
    pub data: &'a mut [u8],
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// Clip mask (one byte per pixel), if any.
    pub mask: Option<&'a [u8]>,
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

/// Builds the planes of convex polygon `poly` (device pixels, relative to `origin`) with
/// bevels for the seam half width `hs`; `None` if the polygon is not convex, has more than
/// eight corners (bevels included) or is, grown by `hs`, thinner than a pixel.
fn planes(poly: &[(f64, f64)], origin: (f64, f64), hs: f64) -> Option<Planes> {
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
        if cos <= -0.5 {
            let (bx, by) = (nx + mx, ny + my);
            let bl = (bx * bx + by * by).sqrt();
            if bl < 1e-12 {
                return None;
            }
            let (bx, by) = (bx / bl, by / bl);
            let q = v[(i + 1) % m];
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

/// A colour premultiplied, channels 0..=255 as `f32`, and its alpha as a fraction.
fn premul(c: Rgba) -> ([f32; 4], f32) {
    let a = c.a as f32 / 255.0;
    (
        [c.r as f32 * a, c.g as f32 * a, c.b as f32 * a, c.a as f32],
        a,
    )
}

/// Draws convex face `poly` filled with `fill` and grown by the seam half width `hs`, then
/// its outline ring (`edge`: half width, colour) over it; false (nothing drawn) if the face
/// needs the exact path.
pub(super) fn draw_convex(
    t: &mut Target<'_>,
    poly: &[(f64, f64)],
    hs: f64,
    fill: Rgba,
    edge: Option<(f64, Rgba)>,
) -> bool {
    let Some(&origin) = poly.first() else {
        return false;
    };
    let origin = (origin.0.round(), origin.1.round());
    let Some(pl) = planes(poly, origin, hs) else {
        return false;
    };
    if pl.n == 4 {
        fill_rows::<4>(t, &pl, poly, origin, hs, fill, edge);
    } else {
        fill_rows::<8>(t, &pl, poly, origin, hs, fill, edge);
    }
    true
}

#[inline(always)]
fn fill_rows<const N: usize>(
    t: &mut Target<'_>,
    pl: &Planes,
    poly: &[(f64, f64)],
    origin: (f64, f64),
    hs: f64,
    fill: Rgba,
    edge: Option<(f64, Rgba)>,
) {
    let (a, b, c) = (&pl.a[..N], &pl.b[..N], &pl.c[..N]);
    let hw = edge.map_or(0.0, |e| e.0) as f32;
    let hs32 = hs as f32;
    // Pixel centres farther than `reach` from the face get nothing.
    let reach = hs32.max(if edge.is_some() { hw } else { 0.0 }) + 0.5;
    let (mut y0, mut y1) = (f64::INFINITY, -f64::INFINITY);
    for p in poly {
        y0 = y0.min(p.1);
        y1 = y1.max(p.1);
    }
    let grow = 2.0 * reach as f64 + 1.0;
    let (ph, pw) = (t.height as i32, t.width as i32);
    let row0 = floor_i((y0 - grow) as f32).max(0);
    let row1 = (floor_i((y1 + grow) as f32) + 1).min(ph);
    let (ox, oy) = (origin.0 as i32, origin.1 as i32);
    let (fp, fa) = premul(fill);
    let (ep, ea) = match edge {
        Some((_, e)) => premul(e),
        None => ([0.0; 4], 0.0),
    };
    let fill_px = [fill.r, fill.g, fill.b, 255];
    let opaque = fill.a == 255;
    let has_edge = edge.is_some();
    let mut k = [0.0f32; N];
    for row in row0..row1 {
        let yc = (row - oy) as f32 + 0.5;
        let (mut lo, mut hi) = (f32::NEG_INFINITY, f32::INFINITY);
        let mut empty = false;
        for i in 0..N {
            k[i] = b[i] * yc + c[i];
            let room = reach - k[i];
            if a[i] > 1e-6 {
                hi = hi.min(room / a[i]);
            } else if a[i] < -1e-6 {
                lo = lo.max(room / a[i]);
            } else if room <= 0.0 {
                empty = true;
            }
        }
        if empty || lo >= hi || lo.is_nan() || hi.is_nan() {
            continue;
        }
        // Pixel centres x + 0.5 strictly inside (lo, hi), relative to the origin.
        let x0 = (floor_i(lo.max(-1e6) - 0.5) + 1 + ox).max(0);
        let x1 = (floor_i(hi.min(1e6) - 0.5) + ox).min(pw - 1);
        if x0 > x1 {
            continue;
        }
        let base = row as usize * t.width;
        let pixels = &mut t.data[(base + x0 as usize) * 4..(base + x1 as usize + 1) * 4];
        let mrow = t.mask.map(|m| &m[base + x0 as usize..=base + x1 as usize]);
        let mut cx = (x0 - ox) as f32 + 0.5;
        for (j, d) in pixels.chunks_exact_mut(4).enumerate() {
            let mut dist = a[0] * cx + k[0];
            for i in 1..N {
                dist = dist.max(a[i] * cx + k[i]);
            }
            cx += 1.0;
            let fcov = (hs32 + 0.5 - dist).clamp(0.0, 1.0);
            let ecov = if has_edge {
                ((dist + 0.5).min(hw) - (dist - 0.5).max(-hw)).max(0.0)
            } else {
                0.0
            };
            let mv = match mrow {
                Some(m) => match m[j] {
                    0 => continue,
                    v => v as f32 / 255.0,
                },
                None => 1.0,
            };
            if fcov >= 1.0 && ecov <= 0.0 && opaque && mv >= 1.0 {
                d.copy_from_slice(&fill_px);
                continue;
            }
            if fcov <= 0.0 && ecov <= 0.0 {
                continue;
            }
            let tf = fcov * mv;
            let te = ecov * mv;
            let (inv_f, inv_e) = (1.0 - tf * fa, 1.0 - te * ea);
            for ch in 0..4 {
                let v = d[ch] as f32 * inv_f + fp[ch] * tf;
                let v = v * inv_e + ep[ch] * te;
                d[ch] = (v + 0.5) as u8;
            }
        }
    }
}
