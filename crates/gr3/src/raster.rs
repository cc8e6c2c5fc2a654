//! The software rasterizer: screen-space triangles → RGBA pixels.
//!
//! Vertices arrive projected (pixel coordinates, NDC depth, 1/w) with the attributes the
//! shading needs. Triangles are snapped to a fixed-point grid of 1/256 pixel and scanned
//! with exact integer edge functions and a top-left fill rule (watertight: a pixel on an
//! edge shared by two triangles belongs to exactly one). Opaque triangles fill a visibility
//! buffer (depth, triangle, barycentrics), so each pixel is shaded once, with perspective-
//! correct interpolation and Blinn-Phong; transparent triangles are then blended back to
//! front. Supersampling renders `k × k` samples per pixel and box-filters them.
//!
//! The image is cut into bands of rows rendered in parallel with rayon; every pixel is
//! written by one band in a fixed triangle order, so the output is the same bytes on every
//! run and every thread count.

use rayon::prelude::*;

use crate::error::Result;
use crate::scene::{invalid, LightParameters};

/// A projected vertex with its shading attributes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct SVert {
    /// Pixel column (0 = left edge of the image, pixel centres at +0.5).
    pub x: f32,
    /// Pixel row (0 = top edge).
    pub y: f32,
    /// Depth in −1..=1 (smaller is nearer); linear in screen space.
    pub z: f32,
    /// 1/w of the clip coordinates (perspective correction).
    pub invw: f32,
    /// Position in shading space.
    pub p: [f32; 3],
    /// Normal in shading space (any length).
    pub n: [f32; 3],
    /// Straight RGBA colour.
    pub c: [f32; 4],
}

/// Where the viewer is, in shading space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum View {
    /// Parallel projection: unit vector toward the viewer.
    Parallel([f32; 3]),
    /// Perspective projection: the eye point.
    Point([f32; 3]),
}

/// Lighting constants of one render.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Shading {
    pub view: View,
    /// Unit vector toward the light; `None`: the light sits at the viewer.
    pub light: Option<[f32; 3]>,
    pub params: LightParameters,
}

/// Everything one render needs.
pub(crate) struct Frame<'a> {
    pub verts: &'a [SVert],
    pub tris: &'a [[u32; 3]],
    pub width: u32,
    pub height: u32,
    pub ssaa: u32,
    pub background: [f32; 4],
    pub shading: Shading,
}

/// Largest supersampled image side (keeps fixed-point products inside i64).
pub(crate) const MAX_SIDE: u64 = 1 << 16;
/// Largest output image in pixels (1 GiB of RGBA).
pub(crate) const MAX_PIXELS: u64 = 1 << 28;

const SUB: i64 = 256;
const NONE: u32 = u32::MAX;

/// Checks an image size for [`render`] and the exporters.
pub(crate) fn check_size(func: &'static str, width: u32, height: u32, ssaa: u32) -> Result<()> {
    if width == 0 || height == 0 {
        return Err(invalid(
            func,
            format!("image size {width}x{height} is empty; pass a width and height of at least 1"),
        ));
    }
    let (w, h, k) = (width as u64, height as u64, ssaa as u64);
    if w * k > MAX_SIDE || h * k > MAX_SIDE || w * h > MAX_PIXELS {
        return Err(invalid(
            func,
            format!(
                "image size {width}x{height} with {ssaa}x supersampling is too large (at most {MAX_SIDE} samples per side and {MAX_PIXELS} pixels)"
            ),
        ));
    }
    Ok(())
}

#[derive(Debug, Clone, Copy)]
struct Setup {
    v: [u32; 3],
    /// Edge function per pixel step (`a * SUB`) and per-row offset parts.
    a: [i64; 3],
    b: [i64; 3],
    c: [i64; 3],
    /// −1 for edges that do not own their boundary pixels, 0 for top-left edges.
    bias: [i64; 3],
    inv_area: f32,
    y0: i32,
    y1: i32,
    x0: i32,
    x1: i32,
}

fn setup(fixed: &[[i64; 2]], tri: [u32; 3], w: i32, h: i32) -> Option<Setup> {
    let mut v = tri;
    let p = |i: u32| fixed[i as usize];
    let edge = |a: [i64; 2], b: [i64; 2]| {
        let ea = a[1] - b[1];
        let eb = b[0] - a[0];
        (ea, eb, -(ea * a[0] + eb * a[1]))
    };
    let area = {
        let (ea, eb, ec) = edge(p(v[1]), p(v[2]));
        let q = p(v[0]);
        ea * q[0] + eb * q[1] + ec
    };
    if area == 0 {
        return None;
    }
    if area < 0 {
        v.swap(1, 2);
    }
    let area = area.abs();
    let mut s = Setup {
        v,
        a: [0; 3],
        b: [0; 3],
        c: [0; 3],
        bias: [0; 3],
        inv_area: (1.0 / area as f64) as f32,
        y0: 0,
        y1: 0,
        x0: 0,
        x1: 0,
    };
    for i in 0..3 {
        let (ea, eb, ec) = edge(p(v[(i + 1) % 3]), p(v[(i + 2) % 3]));
        s.a[i] = ea;
        s.b[i] = eb;
        s.c[i] = ec;
        s.bias[i] = if ea > 0 || (ea == 0 && eb > 0) { 0 } else { -1 };
    }
    let pts = [p(v[0]), p(v[1]), p(v[2])];
    let min = |k: usize| pts.iter().map(|q| q[k]).min().unwrap_or(0);
    let max = |k: usize| pts.iter().map(|q| q[k]).max().unwrap_or(0);
    // Pixel px has its centre at px * SUB + SUB / 2.
    let first = |lo: i64| (lo - SUB / 2 + SUB - 1).div_euclid(SUB);
    let last = |hi: i64| (hi - SUB / 2).div_euclid(SUB);
    s.x0 = first(min(0)).max(0) as i32;
    s.x1 = last(max(0)).min(w as i64 - 1) as i32;
    s.y0 = first(min(1)).max(0) as i32;
    s.y1 = last(max(1)).min(h as i64 - 1) as i32;
    if s.x0 > s.x1 || s.y0 > s.y1 {
        return None;
    }
    Some(s)
}

/// Calls `f(px, l1, l2)` for every pixel of row `y` inside the triangle, with the
/// screen-space barycentric weights of vertices 1 and 2.
#[inline]
fn scan_row(s: &Setup, y: i32, mut f: impl FnMut(usize, f32, f32)) {
    let sy = y as i64 * SUB + SUB / 2;
    let mut lo = s.x0 as i64;
    let mut hi = s.x1 as i64;
    let mut q = [0i64; 3];
    let mut pstep = [0i64; 3];
    for i in 0..3 {
        pstep[i] = s.a[i] * SUB;
        q[i] = s.a[i] * (SUB / 2) + s.b[i] * sy + s.c[i];
    }
    let ia = s.inv_area;
    if hi - lo < 16 {
        // Narrow triangles: test the pixels of the bounding box (no divisions).
        let mut e = [0i64; 3];
        for i in 0..3 {
            e[i] = pstep[i] * lo + q[i] + s.bias[i];
        }
        for px in lo..=hi {
            if e[0] >= 0 && e[1] >= 0 && e[2] >= 0 {
                let e1 = e[1] - s.bias[1];
                let e2 = e[2] - s.bias[2];
                f(px as usize, e1 as f32 * ia, e2 as f32 * ia);
            }
            for i in 0..3 {
                e[i] += pstep[i];
            }
        }
        return;
    }
    for i in 0..3 {
        let (pi, qi) = (pstep[i], q[i]);
        let qb = qi + s.bias[i];
        if pi > 0 {
            lo = lo.max(-(qb.div_euclid(pi)));
        } else if pi < 0 {
            hi = hi.min(qb.div_euclid(-pi));
        } else if qb < 0 {
            return;
        }
    }
    if lo > hi {
        return;
    }
    // Barycentrics are affine along the row: start value plus a multiple of the step.
    let l1 = (pstep[1] * lo + q[1]) as f32 * ia;
    let l2 = (pstep[2] * lo + q[2]) as f32 * ia;
    let (d1, d2) = (pstep[1] as f32 * ia, pstep[2] as f32 * ia);
    for (k, px) in (lo..=hi).enumerate() {
        let kf = k as f32;
        f(px as usize, l1 + kf * d1, l2 + kf * d2);
    }
}

#[inline]
fn norm3(v: [f32; 3]) -> Option<[f32; 3]> {
    let l = (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).sqrt();
    if l > 0.0 && l.is_finite() {
        let r = 1.0 / l;
        Some([v[0] * r, v[1] * r, v[2] * r])
    } else {
        None
    }
}

#[inline]
fn dot3(a: [f32; 3], b: [f32; 3]) -> f32 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

/// Blinn-Phong with two-sided lighting; returns premultiplied RGBA.
#[inline]
pub(crate) fn shade(sh: &Shading, p: [f32; 3], n: [f32; 3], c: [f32; 4]) -> [f32; 4] {
    let v = match sh.view {
        View::Parallel(d) => d,
        View::Point(e) => norm3([e[0] - p[0], e[1] - p[1], e[2] - p[2]]).unwrap_or([0.0, 0.0, 1.0]),
    };
    let mut n = norm3(n).unwrap_or(v);
    if dot3(n, v) < 0.0 {
        n = [-n[0], -n[1], -n[2]];
    }
    let l = sh.light.unwrap_or(v);
    let lp = &sh.params;
    let diffuse = dot3(n, l).max(0.0);
    let spec = if lp.specular > 0.0 && diffuse > 0.0 {
        let h = norm3([l[0] + v[0], l[1] + v[1], l[2] + v[2]]).unwrap_or(n);
        let c = dot3(n, h).max(0.0);
        let p = lp.specular_power;
        let powed = if p.fract() == 0.0 && p <= 1024.0 {
            // Exponentiation by squaring, inline (powi is a library call).
            let (mut base, mut e, mut r) = (c, p as u32, 1.0f32);
            while e > 0 {
                if e & 1 == 1 {
                    r *= base;
                }
                base *= base;
                e >>= 1;
            }
            r
        } else {
            c.powf(p)
        };
        powed * lp.specular
    } else {
        0.0
    };
    let k = lp.ambient + lp.diffuse * diffuse;
    let a = c[3];
    [
        (c[0] * k + spec).min(1.0) * a,
        (c[1] * k + spec).min(1.0) * a,
        (c[2] * k + spec).min(1.0) * a,
        a,
    ]
}

#[inline]
fn interpolate(verts: &[SVert], sh: &Shading, v: [u32; 3], l1: f32, l2: f32) -> [f32; 4] {
    let [a, b, c] = v.map(|i| &verts[i as usize]);
    let l0 = 1.0 - l1 - l2;
    let (w0, w1, w2) = (l0 * a.invw, l1 * b.invw, l2 * c.invw);
    let s = w0 + w1 + w2;
    let (w0, w1, w2) = if s != 0.0 && s.is_finite() {
        let r = 1.0 / s;
        (w0 * r, w1 * r, w2 * r)
    } else {
        (l0, l1, l2)
    };
    let mix3 = |x: [f32; 3], y: [f32; 3], z: [f32; 3]| {
        [
            w0 * x[0] + w1 * y[0] + w2 * z[0],
            w0 * x[1] + w1 * y[1] + w2 * z[1],
            w0 * x[2] + w1 * y[2] + w2 * z[2],
        ]
    };
    let p = mix3(a.p, b.p, c.p);
    let n = mix3(a.n, b.n, c.n);
    let col = [
        w0 * a.c[0] + w1 * b.c[0] + w2 * c.c[0],
        w0 * a.c[1] + w1 * b.c[1] + w2 * c.c[1],
        w0 * a.c[2] + w1 * b.c[2] + w2 * c.c[2],
        (w0 * a.c[3] + w1 * b.c[3] + w2 * c.c[3]).clamp(0.0, 1.0),
    ];
    shade(sh, p, n, col)
}

#[inline]
fn depth_at(verts: &[SVert], v: [u32; 3], l1: f32, l2: f32) -> f32 {
    let z0 = verts[v[0] as usize].z;
    z0 + l1 * (verts[v[1] as usize].z - z0) + l2 * (verts[v[2] as usize].z - z0)
}

/// Renders the frame to straight-alpha RGBA bytes, top row first.
pub(crate) fn render(fr: &Frame) -> Result<Vec<u8>> {
    check_size("getimage", fr.width, fr.height, fr.ssaa)?;
    let k = fr.ssaa as i32;
    let (w, h) = (fr.width as i32 * k, fr.height as i32 * k);
    let scale = (k as f32) * SUB as f32;
    let fixed: Vec<[i64; 2]> = fr
        .verts
        .par_iter()
        .map(|v| [(v.x * scale).round() as i64, (v.y * scale).round() as i64])
        .collect();
    let setups: Vec<Option<Setup>> = fr
        .tris
        .par_iter()
        .map(|&t| setup(&fixed, t, w, h))
        .collect();

    // Transparent triangles: drawn after the opaque ones, farthest first.
    let transparent = |t: [u32; 3]| t.iter().any(|&i| fr.verts[i as usize].c[3] < 1.0);
    let mut opaque_ids = Vec::new();
    let mut glass: Vec<(f32, u32)> = Vec::new();
    for (i, s) in setups.iter().enumerate() {
        if let Some(s) = s {
            if transparent(s.v) {
                let z: f32 = s.v.iter().map(|&j| fr.verts[j as usize].z).sum::<f32>() / 3.0;
                glass.push((z, i as u32));
            } else {
                opaque_ids.push(i as u32);
            }
        }
    }
    glass.sort_by(|a, b| b.0.total_cmp(&a.0));

    let band_rows = (32 / k).max(1) as usize; // output rows per band
    let band_ss = band_rows as i32 * k;
    let nbands = (fr.height as usize).div_ceil(band_rows);
    let bin = |ids: &mut dyn Iterator<Item = u32>| {
        let mut bins: Vec<Vec<u32>> = vec![Vec::new(); nbands];
        for i in ids {
            if let Some(s) = &setups[i as usize] {
                for b in (s.y0 / band_ss)..=(s.y1 / band_ss) {
                    bins[b as usize].push(i);
                }
            }
        }
        bins
    };
    let opaque_bins = bin(&mut opaque_ids.into_iter());
    let glass_bins = bin(&mut glass.iter().map(|g| g.1));

    let out_len = fr.width as usize * fr.height as usize * 4;
    let mut out = Vec::new();
    out.try_reserve_exact(out_len).map_err(|_| {
        invalid(
            "getimage",
            format!(
                "cannot allocate {out_len} bytes for a {}x{} image",
                fr.width, fr.height
            ),
        )
    })?;
    out.resize(out_len, 0u8);
    let row_bytes = fr.width as usize * 4;
    out.par_chunks_mut(band_rows * row_bytes)
        .enumerate()
        .for_each_init(Scratch::default, |scratch, (bi, chunk)| {
            let rows_out = chunk.len() / row_bytes;
            render_band(
                scratch,
                fr,
                &setups,
                &opaque_bins[bi],
                &glass_bins[bi],
                bi as i32 * band_ss,
                rows_out as i32 * k,
                w,
                chunk,
            );
        });
    Ok(out)
}

/// Per-worker buffers of one band, reused from band to band.
#[derive(Default)]
struct Scratch {
    depth: Vec<f32>,
    ids: Vec<u32>,
    bary: Vec<[f32; 2]>,
    color: Vec<[f32; 4]>,
}

fn refill<T: Copy>(v: &mut Vec<T>, n: usize, value: T) {
    v.clear();
    v.resize(n, value);
}

#[allow(clippy::too_many_arguments)]
fn render_band(
    scratch: &mut Scratch,
    fr: &Frame,
    setups: &[Option<Setup>],
    opaque: &[u32],
    glass: &[u32],
    y_start: i32,
    rows: i32,
    w: i32,
    out: &mut [u8],
) {
    let wu = w as usize;
    let n = wu * rows as usize;
    let Scratch {
        depth,
        ids,
        bary,
        color,
    } = scratch;
    refill(depth, n, f32::INFINITY);
    refill(ids, n, NONE);
    bary.resize(n, [0.0; 2]);
    let y_end = y_start + rows;
    let verts = fr.verts;
    for &t in opaque {
        let Some(s) = &setups[t as usize] else {
            continue;
        };
        for y in s.y0.max(y_start)..=s.y1.min(y_end - 1) {
            let row = (y - y_start) as usize * wu;
            scan_row(s, y, |px, l1, l2| {
                let z = depth_at(verts, s.v, l1, l2);
                let i = row + px;
                if z < depth[i] && (-1.0..=1.0).contains(&z) {
                    depth[i] = z;
                    ids[i] = t;
                    bary[i] = [l1, l2];
                }
            });
        }
    }
    let bg = fr.background;
    let bgp = [bg[0] * bg[3], bg[1] * bg[3], bg[2] * bg[3], bg[3]];
    color.clear();
    color.extend((0..n).map(|i| match ids[i] {
        NONE => bgp,
        t => {
            let s = setups[t as usize].as_ref().map_or([0; 3], |s| s.v);
            interpolate(verts, &fr.shading, s, bary[i][0], bary[i][1])
        }
    }));
    for &t in glass {
        let Some(s) = &setups[t as usize] else {
            continue;
        };
        for y in s.y0.max(y_start)..=s.y1.min(y_end - 1) {
            let row = (y - y_start) as usize * wu;
            scan_row(s, y, |px, l1, l2| {
                let z = depth_at(verts, s.v, l1, l2);
                let i = row + px;
                if z < depth[i] && (-1.0..=1.0).contains(&z) {
                    let src = interpolate(verts, &fr.shading, s.v, l1, l2);
                    let d = &mut color[i];
                    let ia = 1.0 - src[3];
                    for c in 0..4 {
                        d[c] = src[c] + d[c] * ia;
                    }
                }
            });
        }
    }
    // Box filter k × k samples into each output pixel.
    let k = fr.ssaa as usize;
    let ow = fr.width as usize;
    let inv = 1.0 / (k * k) as f32;
    for (oy, orow) in out.chunks_exact_mut(ow * 4).enumerate() {
        for (ox, px) in orow.chunks_exact_mut(4).enumerate() {
            let mut acc = [0f32; 4];
            for sy in 0..k {
                let base = (oy * k + sy) * wu + ox * k;
                for c in &color[base..base + k] {
                    for j in 0..4 {
                        acc[j] += c[j];
                    }
                }
            }
            let a = acc[3] * inv;
            if a <= 0.0 {
                px.copy_from_slice(&[0, 0, 0, 0]);
                continue;
            }
            let to8 = |v: f32| ((v * inv / a).clamp(0.0, 1.0) * 255.0 + 0.5) as u8;
            px[0] = to8(acc[0]);
            px[1] = to8(acc[1]);
            px[2] = to8(acc[2]);
            px[3] = (a.clamp(0.0, 1.0) * 255.0 + 0.5) as u8;
        }
    }
}
