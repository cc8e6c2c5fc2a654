//! Instance stamping for the raster driver: a marker (or any small shape repeated at many
//! positions) is rendered once per sub-pixel phase into a sprite, and the sprites are then
//! blended at every position.
//!
//! Blending walks the page in horizontal bands a few dozen rows high, and in each band the
//! copies that reach into it in their original order. Every pixel therefore sees the same
//! copies in the same order as when the copies are drawn one after the other (the result is
//! identical), but the band being written stays in the CPU cache instead of every copy
//! touching rows far apart in a page-sized buffer, and bands are blended in parallel.

use rayon::prelude::*;
use tiny_skia as sk;

use super::draw_op;
use crate::device::{DeviceOp, LineJoin};
use crate::geometry::Rect;

/// Sub-pixel positions per axis at which instance sprites are pre-rendered.
const PHASES: usize = 8;
/// Largest sprite side (pixels); bigger shapes are drawn copy by copy.
const MAX_SPRITE: f64 = 256.0;
/// Rows per band (32 rows of an 800 px page are 100 KiB, well inside a core's L2 cache).
const BAND: i64 = 32;

/// A pre-rendered instance: premultiplied RGBA bytes (rows padded to groups of four
/// pixels, blended with branch-free loops over 16 bytes that the compiler vectorizes) and
/// the non-transparent column span `[start, end)` of each row.
struct Sprite {
    width: i64,
    height: i64,
    bytes: Vec<u8>,
    spans: Vec<(u32, u32)>,
}

impl Sprite {
    /// The sprite of a rendered pixmap, cropped to its non-transparent pixels; returns it
    /// with the offset of the crop in the pixmap.
    fn new(pixmap: sk::Pixmap) -> (Self, (i32, i32)) {
        let w = pixmap.width() as usize;
        let all: Vec<u32> = pixmap
            .data()
            .chunks_exact(4)
            .map(|p| u32::from_le_bytes([p[0], p[1], p[2], p[3]]))
            .collect();
        let visible = |p: &u32| p >> 24 != 0;
        let rows: Vec<usize> = (0..pixmap.height() as usize)
            .filter(|&r| all[r * w..(r + 1) * w].iter().any(visible))
            .collect();
        let (Some(&r0), Some(&r1)) = (rows.first(), rows.last()) else {
            let empty = Sprite {
                width: 0,
                height: 0,
                bytes: Vec::new(),
                spans: Vec::new(),
            };
            return (empty, (0, 0));
        };
        let rows = &all[r0 * w..(r1 + 1) * w];
        let c0 = rows
            .chunks_exact(w)
            .filter_map(|row| row.iter().position(visible))
            .min()
            .unwrap_or(0);
        let c1 = rows
            .chunks_exact(w)
            .filter_map(|row| row.iter().rposition(visible))
            .max()
            .map_or(w, |c| c + 1);
        // Rows padded with transparent pixels to whole groups of four pixels (16 bytes).
        let cw = (c1 - c0).div_ceil(4) * 4;
        let pixels: Vec<u32> = rows
            .chunks_exact(w)
            .flat_map(|row| {
                let pad = cw - (c1 - c0);
                row[c0..c1]
                    .iter()
                    .copied()
                    .chain(std::iter::repeat_n(0, pad))
            })
            .collect();
        // Each row's visible span, widened to whole groups of four pixels.
        let spans: Vec<(u32, u32)> = pixels
            .chunks_exact(cw)
            .map(|row| match row.iter().position(visible) {
                None => (0, 0),
                Some(a) => {
                    let b = row.iter().rposition(visible).map_or(a, |b| b + 1);
                    ((a & !3) as u32, (b.div_ceil(4) * 4) as u32)
                }
            })
            .collect();
        let bytes = pixels.iter().flat_map(|p| p.to_le_bytes()).collect();
        let sprite = Sprite {
            width: cw as i64,
            height: (r1 + 1 - r0) as i64,
            bytes,
            spans,
        };
        (sprite, (c0 as i32, r0 as i32))
    }
}

/// One copy to blend: which sprite, and the device pixel of its (cropped) top-left corner.
#[derive(Clone, Copy)]
struct Placement {
    sprite: u16,
    x: i32,
    y: i32,
}

/// The device bounds of what `ops` paint, or `None` if they paint nothing measurable.
fn ops_bounds(ops: &[DeviceOp]) -> Option<Rect> {
    let mut bounds: Option<Rect> = None;
    for op in ops {
        let b = match op {
            DeviceOp::Fill { path, .. } | DeviceOp::PatternFill { path, .. } => path.bounds(),
            DeviceOp::Stroke { path, style, .. } => path.bounds().map(|b| {
                let e = style.width / 2.0
                    * if style.join == LineJoin::Miter {
                        10.0
                    } else {
                        1.0
                    };
                Rect::new(b.x0 - e, b.y0 - e, b.x1 + e, b.y1 + e)
            }),
            _ => None,
        };
        if let Some(b) = b {
            bounds = Some(match bounds {
                None => b,
                Some(a) => Rect::new(
                    a.x0.min(b.x0),
                    a.y0.min(b.y0),
                    a.x1.max(b.x1),
                    a.y1.max(b.y1),
                ),
            });
        }
    }
    bounds
}

/// Draws `ops` at every position, in order, as if drawn copy by copy. `inner` is the pixel
/// rectangle `[x0, x1) × [y0, y1)` in which the clip mask `m` is fully opaque (an empty
/// rectangle if unknown).
pub(super) fn stamp_instances(
    pm: &mut sk::Pixmap,
    ops: &[DeviceOp],
    positions: &[(f64, f64)],
    m: Option<&sk::Mask>,
    inner: [i64; 4],
) {
    let Some(b) = ops_bounds(ops) else { return };
    let simple = ops
        .iter()
        .all(|op| matches!(op, DeviceOp::Fill { .. } | DeviceOp::Stroke { .. }));
    if positions.len() < 8
        || !simple
        || b.width() > MAX_SPRITE
        || b.height() > MAX_SPRITE
        || !(b.x0.is_finite() && b.y0.is_finite())
    {
        for &(x, y) in positions {
            for op in ops {
                draw_op(pm, &op.translated(x, y), m);
            }
        }
        return;
    }
    // Sprite pixel (0, 0) lies at device (floor(x) + ox, floor(y) + oy) for a copy at (x, y).
    let (ox, oy) = (b.x0.floor() - 1.0, b.y0.floor() - 1.0);
    let sw = (b.x1.ceil() - ox + 2.0) as u32;
    let sh = (b.y1.ceil() - oy + 2.0) as u32;
    // The sprites of the same marker drawn last on this thread (a live plot draws the same
    // markers frame after frame), or a new set.
    let mut set = SPRITES
        .with(|c| c.borrow_mut().take())
        .filter(|set| set.ops == ops)
        .unwrap_or_else(|| SpriteSet {
            ops: ops.to_vec(),
            slots: vec![None; PHASES * PHASES],
            sprites: Vec::new(),
        });
    let (slots, sprites) = (&mut set.slots, &mut set.sprites);
    let mut placements: Vec<Placement> = Vec::with_capacity(positions.len());
    let (pw, ph) = (pm.width() as f64, pm.height() as f64);
    for &(x, y) in positions {
        if !(x.is_finite() && y.is_finite())
            || x + b.x1 < -1.0
            || y + b.y1 < -1.0
            || x + b.x0 > pw + 1.0
            || y + b.y0 > ph + 1.0
        {
            continue;
        }
        let (mut xi, mut yi) = (x.floor(), y.floor());
        let mut qx = ((x - xi) * PHASES as f64 + 0.5) as usize;
        let mut qy = ((y - yi) * PHASES as f64 + 0.5) as usize;
        if qx == PHASES {
            qx = 0;
            xi += 1.0;
        }
        if qy == PHASES {
            qy = 0;
            yi += 1.0;
        }
        let slot = &mut slots[qy * PHASES + qx];
        let (index, (cx, cy)) = match *slot {
            Some(s) => s,
            None => {
                let Some(mut sprite) = sk::Pixmap::new(sw, sh) else {
                    return;
                };
                let (dx, dy) = (
                    -ox + qx as f64 / PHASES as f64,
                    -oy + qy as f64 / PHASES as f64,
                );
                for op in ops {
                    draw_op(&mut sprite, &op.translated(dx, dy), None);
                }
                let (sprite, crop) = Sprite::new(sprite);
                sprites.push(sprite);
                let s = ((sprites.len() - 1) as u16, crop);
                *slot = Some(s);
                s
            }
        };
        placements.push(Placement {
            sprite: index,
            x: (xi + ox) as i32 + cx,
            y: (yi + oy) as i32 + cy,
        });
    }
    blend_in_bands(pm, sprites, &placements, m, inner);
    SPRITES.with(|c| *c.borrow_mut() = Some(set));
}

/// The sprites of one marker (its drawing, around (0, 0)) at the sub-pixel phases drawn so
/// far.
struct SpriteSet {
    ops: Vec<DeviceOp>,
    /// Per phase: the sprite's index and its crop offset.
    slots: Vec<Option<(u16, (i32, i32))>>,
    sprites: Vec<Sprite>,
}

thread_local! {
    /// The sprite set of the last marker stamped on this thread.
    static SPRITES: std::cell::RefCell<Option<SpriteSet>> = const { std::cell::RefCell::new(None) };
}

/// Blends every placement band by band (see the module docs).
fn blend_in_bands(
    pm: &mut sk::Pixmap,
    sprites: &[Sprite],
    placements: &[Placement],
    m: Option<&sk::Mask>,
    inner: [i64; 4],
) {
    let ph = pm.height() as i64;
    let bands = ((ph + BAND - 1) / BAND) as usize;
    let band_range = |p: &Placement| {
        let y0 = (p.y as i64).max(0);
        let y1 = (p.y as i64 + sprites[p.sprite as usize].height).min(ph);
        (y0 < y1).then(|| ((y0 / BAND) as usize, ((y1 - 1) / BAND) as usize))
    };
    // Stable counting sort of placement indices by band (a placement spanning two bands is
    // listed in both).
    let mut start = vec![0usize; bands + 1];
    for p in placements {
        if let Some((b0, b1)) = band_range(p) {
            for b in b0..=b1 {
                start[b + 1] += 1;
            }
        }
    }
    for b in 0..bands {
        start[b + 1] += start[b];
    }
    let mut fill = start.clone();
    let mut order = vec![0u32; start[bands]];
    for (i, p) in placements.iter().enumerate() {
        if let Some((b0, b1)) = band_range(p) {
            for b in b0..=b1 {
                order[fill[b]] = i as u32;
                fill[b] += 1;
            }
        }
    }
    let canvas = Canvas {
        width: pm.width() as i64,
        height: ph,
        mask: m.map(|m| m.data()),
        inner,
    };
    let band_bytes = (BAND * canvas.width * 4) as usize;
    // Bands are independent (each pixel lies in one), so they are blended in parallel; the
    // result does not depend on the number of threads. In a band the copies are stacked
    // front to back into a transparent layer ("under"), which skips every pixel group that
    // is already opaque (in a dense scatter most copies end up hidden), and the layer is
    // then drawn over the page: the same as drawing the copies one after the other.
    pm.data_mut()
        .par_chunks_mut(band_bytes)
        .enumerate()
        .for_each(|(b, band)| {
            let rows = (b as i64 * BAND, ((b as i64 + 1) * BAND).min(ph));
            LAYER.with(|layer| {
                let (layer, opaque) = &mut *layer.borrow_mut();
                if layer.len() < band.len() {
                    layer.resize(band.len(), 0);
                }
                let layer = &mut layer[..band.len()];
                opaque.reset(canvas.width as usize, (rows.1 - rows.0) as usize);
                for &i in order[start[b]..start[b + 1]].iter().rev() {
                    let p = placements[i as usize];
                    canvas.blend_under(
                        layer,
                        opaque,
                        &sprites[p.sprite as usize],
                        p.x as i64,
                        p.y as i64,
                        rows,
                    );
                }
                draw_layer(band, layer);
            });
        });
}

thread_local! {
    /// A band's layer of stacked copies (all zero between bands) and its opaque pixels.
    static LAYER: std::cell::RefCell<(Vec<u8>, Opaque)> =
        const { std::cell::RefCell::new((Vec::new(), Opaque { words: 0, bits: Vec::new() })) };
}

/// One bit per pixel of a band's layer, set where the layer is opaque (alpha 255), so that
/// a copy row hidden behind opaque pixels is skipped after a look at one or two words.
/// A clear bit only means "not known to be opaque".
struct Opaque {
    /// Words per row.
    words: usize,
    bits: Vec<u64>,
}

impl Opaque {
    /// Clears the map for a band of `rows` rows of `width` pixels.
    fn reset(&mut self, width: usize, rows: usize) {
        self.words = width.div_ceil(64);
        self.bits.clear();
        self.bits.resize(self.words * rows, 0);
    }

    /// True if pixels `c0..c1` of band row `row` are all known to be opaque.
    #[inline]
    fn all(&self, row: usize, c0: usize, c1: usize) -> bool {
        let line = &self.bits[row * self.words..(row + 1) * self.words];
        let mut c = c0;
        while c < c1 {
            let (w, bit) = (c / 64, c % 64);
            let n = (c1 - c).min(64 - bit);
            let want = if n == 64 {
                u64::MAX
            } else {
                ((1u64 << n) - 1) << bit
            };
            if line[w] & want != want {
                return false;
            }
            c += n;
        }
        true
    }

    /// Marks the opaque pixels among `c0..` of band row `row`, whose layer bytes are `px`.
    #[inline]
    fn mark(&mut self, row: usize, c0: usize, px: &[u8]) {
        let line = &mut self.bits[row * self.words..(row + 1) * self.words];
        for (k, p) in px.chunks_exact(4).enumerate() {
            if p[3] == 255 {
                let c = c0 + k;
                line[c / 64] |= 1 << (c % 64);
            }
        }
    }
}

/// Draws the premultiplied `layer` over `dst` and clears the layer.
fn draw_layer(dst: &mut [u8], layer: &mut [u8]) {
    let mut d_groups = dst.chunks_exact_mut(16);
    let mut l_groups = layer.chunks_exact_mut(16);
    for (d, l) in (&mut d_groups).zip(&mut l_groups) {
        if l[3] | l[7] | l[11] | l[15] == 0 {
            continue;
        }
        if let (Ok(d), Ok(l)) = (<&mut [u8; 16]>::try_from(d), <&mut [u8; 16]>::try_from(l)) {
            let inv = inverse_alpha_16(l);
            blend_16(d, l, &inv);
            *l = [0; 16];
        }
    }
    for (d, l) in d_groups
        .into_remainder()
        .chunks_exact_mut(4)
        .zip(l_groups.into_remainder().chunks_exact_mut(4))
    {
        blend_px(d, u32::from_le_bytes([l[0], l[1], l[2], l[3]]));
        l.fill(0);
    }
}

/// `255 − alpha` of each of four premultiplied pixels, repeated for each of its bytes.
#[inline(always)]
fn inverse_alpha_16(px: &[u8; 16]) -> [u8; 16] {
    let mut inv = [0u8; 16];
    for p in 0..4 {
        let ia = 255 - px[4 * p + 3];
        inv[4 * p..4 * p + 4].copy_from_slice(&[ia; 4]);
    }
    inv
}

/// "Under": the premultiplied bytes `s` put behind the layer bytes `l` (four pixels).
#[inline(always)]
fn under_16(l: &mut [u8; 16], s: &[u8; 16]) {
    let inv = inverse_alpha_16(l);
    let mut v = [0u16; 16];
    for k in 0..16 {
        v[k] = s[k] as u16 * inv[k] as u16 + 128;
    }
    for k in 0..16 {
        l[k] = l[k].wrapping_add(((v[k] + (v[k] >> 8)) >> 8) as u8);
    }
}

/// "Under" for one packed premultiplied pixel `s` behind the 4 layer bytes `l`.
#[inline]
fn under_px(l: &mut [u8], s: u32) {
    let Ok(l) = <&mut [u8; 4]>::try_from(l) else {
        return;
    };
    let old = u32::from_le_bytes(*l);
    // Each channel: l + s · (255 − l_alpha) / 255 (never above 255: l ≤ l_alpha).
    *l = (old + scale_px(s, 255 - (old >> 24))).to_le_bytes();
}

/// The page being stamped: its size and clip.
struct Canvas<'a> {
    width: i64,
    height: i64,
    mask: Option<&'a [u8]>,
    inner: [i64; 4],
}

impl Canvas<'_> {
    /// Puts `sprite` at (`x`, `y`) behind what the band's `layer` holds (rows `rows.0` to
    /// `rows.1`, the layer's first byte at row `rows.0`), weighted by the clip mask where
    /// the sprite reaches outside the mask's fully opaque rectangle.
    fn blend_under(
        &self,
        layer: &mut [u8],
        opaque: &mut Opaque,
        sprite: &Sprite,
        x: i64,
        y: i64,
        rows: (i64, i64),
    ) {
        let pw = self.width;
        let (x0, x1) = (x.max(0), (x + sprite.width).min(pw));
        let (y0, y1) = (
            y.max(0).max(rows.0),
            (y + sprite.height).min(self.height).min(rows.1),
        );
        if x0 >= x1 || y0 >= y1 {
            return;
        }
        let [ix0, ix1, iy0, iy1] = self.inner;
        let mask = self
            .mask
            .filter(|_| !(x0 >= ix0 && x1 <= ix1 && y0 >= iy0 && y1 <= iy1));
        for row in y0..y1 {
            let (a, b) = sprite.spans[(row - y) as usize];
            let (c0, c1) = ((x + a as i64).max(x0), (x + b as i64).min(x1));
            if c0 >= c1 {
                continue;
            }
            let band_row = (row - rows.0) as usize;
            if opaque.all(band_row, c0 as usize, c1 as usize) {
                continue;
            }
            let n = (c1 - c0) as usize;
            let s0 = (((row - y) * sprite.width + (c0 - x)) * 4) as usize;
            let l0 = (((row - rows.0) * pw + c0) * 4) as usize;
            let s_row = &sprite.bytes[s0..s0 + 4 * n];
            let l_row = &mut layer[l0..l0 + 4 * n];
            match mask {
                None => {
                    let mut l_groups = l_row.chunks_exact_mut(16);
                    let mut s_groups = s_row.chunks_exact(16);
                    for (l, s) in (&mut l_groups).zip(&mut s_groups) {
                        // Already opaque: nothing behind it shows.
                        if l[3] & l[7] & l[11] & l[15] == 255 {
                            continue;
                        }
                        if let (Ok(l), Ok(s)) = (l.try_into(), s.try_into()) {
                            under_16(l, s);
                        }
                    }
                    for (l, s) in l_groups
                        .into_remainder()
                        .chunks_exact_mut(4)
                        .zip(s_groups.remainder().chunks_exact(4))
                    {
                        under_px(l, u32::from_le_bytes([s[0], s[1], s[2], s[3]]));
                    }
                }
                Some(mask) => {
                    let m0 = (row * pw + c0) as usize;
                    let m_row = &mask[m0..m0 + n];
                    for ((l, s), &c) in l_row
                        .chunks_exact_mut(4)
                        .zip(s_row.chunks_exact(4))
                        .zip(m_row)
                    {
                        if c != 0 {
                            let s = u32::from_le_bytes([s[0], s[1], s[2], s[3]]);
                            under_px(l, if c == 255 { s } else { scale_px(s, c as u32) });
                        }
                    }
                }
            }
            opaque.mark(band_row, c0 as usize, &layer[l0..l0 + 4 * n]);
        }
    }
}

/// Source-over of premultiplied bytes `s` with inverse alphas `i` onto `d`, four pixels
/// (vectorized).
#[inline(always)]
fn blend_16(d: &mut [u8; 16], s: &[u8; 16], i: &[u8; 16]) {
    let mut v = [0u16; 16];
    for k in 0..16 {
        v[k] = d[k] as u16 * i[k] as u16 + 128;
    }
    for k in 0..16 {
        d[k] = s[k].wrapping_add(((v[k] + (v[k] >> 8)) >> 8) as u8);
    }
}

/// `v / 255` rounded in each of the two 16-bit lanes of `v` (each lane at most `255 * 255`).
#[inline]
fn div255_lanes(v: u32) -> u32 {
    let v = v + 0x0080_0080;
    ((v + ((v >> 8) & 0x00ff_00ff)) >> 8) & 0x00ff_00ff
}

/// A packed premultiplied pixel (`r | g << 8 | b << 16 | a << 24`) with every channel
/// multiplied by `c / 255`, rounded.
#[inline]
fn scale_px(s: u32, c: u32) -> u32 {
    let rb = div255_lanes((s & 0x00ff_00ff) * c);
    let ga = div255_lanes(((s >> 8) & 0x00ff_00ff) * c);
    rb | (ga << 8)
}

/// Premultiplied source-over of the packed pixel `s` onto the 4 bytes `d`.
#[inline]
fn blend_px(d: &mut [u8], s: u32) {
    let Ok(d) = <&mut [u8; 4]>::try_from(d) else {
        return;
    };
    match s >> 24 {
        0 => {}
        255 => *d = s.to_le_bytes(),
        a => {
            // Each channel: s + d · (255 − a) / 255; the sum never exceeds 255 because s is
            // premultiplied (s ≤ a) and the rounded product is at most 255 − a.
            *d = (s + scale_px(u32::from_le_bytes(*d), 255 - a)).to_le_bytes();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The packed arithmetic equals the per-channel formula for every alpha and a spread of
    /// channel values.
    #[test]
    fn packed_blend_matches_per_channel_rounding() {
        let div255 = |v: u32| (v + 128 + ((v + 128) >> 8)) >> 8;
        for a in 0..=255u32 {
            for d in (0..=255u32).step_by(5) {
                let s_c = a * 3 / 4; // a premultiplied channel value
                let s = s_c | (s_c << 8) | (s_c << 16) | (a << 24);
                let old = d | ((255 - d) << 8) | ((d / 2) << 16) | (d << 24);
                let mut px = old.to_le_bytes();
                blend_px(&mut px, s);
                let expect = |sv: u32, dv: u32| match a {
                    0 => dv,
                    255 => sv,
                    _ => sv + div255(dv * (255 - a)),
                };
                assert_eq!(
                    px,
                    [
                        expect(s_c, d) as u8,
                        expect(s_c, 255 - d) as u8,
                        expect(s_c, d / 2) as u8,
                        expect(a, d) as u8
                    ],
                    "a={a} d={d}"
                );
                assert_eq!(
                    scale_px(old, a),
                    div255(d * a)
                        | (div255((255 - d) * a) << 8)
                        | (div255(d / 2 * a) << 16)
                        | (div255(d * a) << 24)
                );
            }
        }
    }
}
