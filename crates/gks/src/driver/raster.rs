//! The raster driver: renders a [`Page`] with tiny-skia (anti-aliased) into RGBA memory,
//! PNG or JPEG.

use tiny_skia as sk;

mod fill;
mod mesh;

use crate::device::{
    DeviceOp, FillRule, Image, LineCap, LineJoin, Page, Pattern, Rgba, StrokeStyle,
};
use crate::error::{Error, Result};
use crate::geometry::{Path, PathCmd, Rect};

fn sk_path(p: &Path) -> Option<sk::Path> {
    let mut b = sk::PathBuilder::with_capacity(p.cmds.len(), p.cmds.len());
    for c in &p.cmds {
        match *c {
            PathCmd::MoveTo(x, y) => b.move_to(x as f32, y as f32),
            PathCmd::LineTo(x, y) => b.line_to(x as f32, y as f32),
            PathCmd::QuadTo(x1, y1, x, y) => b.quad_to(x1 as f32, y1 as f32, x as f32, y as f32),
            PathCmd::CubicTo(x1, y1, x2, y2, x, y) => b.cubic_to(
                x1 as f32, y1 as f32, x2 as f32, y2 as f32, x as f32, y as f32,
            ),
            PathCmd::Close => b.close(),
        }
    }
    b.finish()
}

fn sk_color(c: Rgba) -> sk::Color {
    sk::Color::from_rgba8(c.r, c.g, c.b, c.a)
}

fn solid_paint(c: Rgba) -> sk::Paint<'static> {
    let mut p = sk::Paint::default();
    p.set_color(sk_color(c));
    p.anti_alias = true;
    p
}

fn sk_rule(r: FillRule) -> sk::FillRule {
    match r {
        FillRule::EvenOdd => sk::FillRule::EvenOdd,
        FillRule::NonZero => sk::FillRule::Winding,
    }
}

fn sk_stroke(s: &StrokeStyle) -> sk::Stroke {
    let mut st = sk::Stroke {
        width: s.width as f32,
        line_cap: match s.cap {
            LineCap::Butt => sk::LineCap::Butt,
            LineCap::Round => sk::LineCap::Round,
            LineCap::Square => sk::LineCap::Square,
        },
        line_join: match s.join {
            LineJoin::Miter => sk::LineJoin::Miter,
            LineJoin::Round => sk::LineJoin::Round,
            LineJoin::Bevel => sk::LineJoin::Bevel,
        },
        miter_limit: 10.0,
        dash: None,
    };
    if let Some(d) = &s.dash {
        let mut v: Vec<f32> = d.iter().map(|&x| x.max(1e-3) as f32).collect();
        if v.len() % 2 == 1 {
            v.extend_from_within(..);
        }
        st.dash = sk::StrokeDash::new(v, 0.0);
    }
    st
}

fn pattern_pixmap(p: &Pattern, c: Rgba) -> Option<sk::Pixmap> {
    let rows = p.rows.len().max(1);
    let mut pm = sk::Pixmap::new(Pattern::WIDTH as u32, rows as u32)?;
    let color = sk::ColorU8::from_rgba(c.r, c.g, c.b, c.a).premultiply();
    let pixels = pm.pixels_mut();
    for row in 0..rows {
        for col in 0..Pattern::WIDTH {
            if p.is_set(col, row) {
                pixels[row * Pattern::WIDTH + col] = color;
            }
        }
    }
    Some(pm)
}

fn image_pixmap(img: &Image) -> Option<sk::Pixmap> {
    let mut pm = sk::Pixmap::new(img.width, img.height)?;
    for (dst, src) in pm.pixels_mut().iter_mut().zip(img.rgba.chunks_exact(4)) {
        *dst = sk::ColorU8::from_rgba(src[0], src[1], src[2], src[3]).premultiply();
    }
    Some(pm)
}

fn clip_mask(width: u32, height: u32, r: &Rect) -> Option<sk::Mask> {
    let mut mask = sk::Mask::new(width, height)?;
    let rect = sk::Rect::from_ltrb(r.x0 as f32, r.y0 as f32, r.x1 as f32, r.y1 as f32)?;
    let path = sk::PathBuilder::from_rect(rect);
    mask.fill_path(
        &path,
        sk::FillRule::Winding,
        true,
        sk::Transform::identity(),
    );
    Some(mask)
}

/// Draws all operations of `page` into `pm` (which must have the page's size).
fn draw(page: &Page, pm: &mut sk::Pixmap) {
    if let Some(bg) = page.background {
        pm.fill(sk_color(bg));
    }
    let (w, h) = (pm.width(), pm.height());
    let mut mask: Option<sk::Mask> = None;
    let mut clipped_out = false;
    for op in &page.ops {
        if let DeviceOp::Clip(r) = op {
            clipped_out = false;
            mask = match r {
                None => None,
                Some(r) => {
                    let page_rect = Rect::new(0.0, 0.0, w as f64, h as f64);
                    match r.intersect(&page_rect) {
                        Some(r) if r.width() > 0.0 && r.height() > 0.0 => clip_mask(w, h, &r),
                        _ => {
                            clipped_out = true;
                            None
                        }
                    }
                }
            };
        } else if !clipped_out {
            draw_op(pm, op, mask.as_ref());
        }
    }
}

/// Draws one operation (clip operations are handled by [`draw`]).
fn draw_op(pm: &mut sk::Pixmap, op: &DeviceOp, m: Option<&sk::Mask>) {
    let id = sk::Transform::identity();
    match op {
        DeviceOp::Clip(_) => {}
        DeviceOp::Fill { path, rule, color } => {
            if fill::fill_polygon(pm, path, *rule, *color, m) {
                return;
            }
            if let Some(p) = sk_path(path) {
                pm.fill_path(&p, &solid_paint(*color), sk_rule(*rule), id, m);
            }
        }
        DeviceOp::Stroke { path, style, color } => {
            if let Some(p) = sk_path(path) {
                pm.stroke_path(&p, &solid_paint(*color), &sk_stroke(style), id, m);
            }
        }
        DeviceOp::PatternFill {
            path,
            rule,
            pattern,
            color,
        } => {
            let (Some(p), Some(tile)) = (sk_path(path), pattern_pixmap(pattern, *color)) else {
                return;
            };
            let cell = pattern.cell as f32;
            let shader = sk::Pattern::new(
                tile.as_ref(),
                sk::SpreadMode::Repeat,
                sk::FilterQuality::Nearest,
                1.0,
                sk::Transform::from_scale(cell, cell),
            );
            let paint = sk::Paint {
                shader,
                anti_alias: true,
                ..Default::default()
            };
            pm.fill_path(&p, &paint, sk_rule(*rule), id, m);
        }
        DeviceOp::Image(img) => draw_image(pm, img, m),
        DeviceOp::Glyphs { run, color } => {
            let mut all = Path::new();
            for g in &run.glyphs {
                if let Some(outline) = crate::font::glyph_outline(run.face, g.id) {
                    all.extend(&outline.transformed(&run.glyph_transform(g)));
                }
            }
            if let Some(p) = sk_path(&all) {
                pm.fill_path(&p, &solid_paint(*color), sk::FillRule::Winding, id, m);
            }
        }
        DeviceOp::Instances { ops, positions } => stamp_instances(pm, ops, positions, m),
        DeviceOp::Mesh(mesh) => mesh::draw_mesh(pm, mesh, m),
    }
}

fn draw_image(pm: &mut sk::Pixmap, img: &Image, m: Option<&sk::Mask>) {
    let Some(src) = image_pixmap(img) else { return };
    let r = img.rect;
    let Some(rect) = sk::Rect::from_ltrb(r.x0 as f32, r.y0 as f32, r.x1 as f32, r.y1 as f32) else {
        return;
    };
    let sx = r.width() / img.width as f64;
    let sy = r.height() / img.height as f64;
    let shader = sk::Pattern::new(
        src.as_ref(),
        sk::SpreadMode::Pad,
        if img.smooth {
            sk::FilterQuality::Bilinear
        } else {
            sk::FilterQuality::Nearest
        },
        1.0,
        sk::Transform::from_row(sx as f32, 0.0, 0.0, sy as f32, r.x0 as f32, r.y0 as f32),
    );
    let paint = sk::Paint {
        shader,
        anti_alias: false,
        ..Default::default()
    };
    pm.fill_rect(rect, &paint, sk::Transform::identity(), m);
}

/// Source-over blend of a premultiplied sprite with its top-left pixel at (`x`, `y`),
/// weighted by the clip mask. Integer arithmetic, rounding like tiny-skia's 8-bit pipeline.
fn blend_sprite(pm: &mut sk::Pixmap, sprite: &Sprite, x: i64, y: i64, m: Option<&sk::Mask>) {
    let spans = &sprite.spans;
    let sprite = &sprite.pixmap;
    let (pw, ph) = (pm.width() as i64, pm.height() as i64);
    let (sw, sh) = (sprite.width() as i64, sprite.height() as i64);
    let (x0, x1) = (x.max(0), (x + sw).min(pw));
    let (y0, y1) = (y.max(0), (y + sh).min(ph));
    if x0 >= x1 || y0 >= y1 {
        return;
    }
    let src = sprite.data();
    let mask = m.map(|m| m.data());
    let dst = pm.data_mut();
    for row in y0..y1 {
        // Only the sprite row's non-transparent span, clipped to the page.
        let (a, b) = spans[(row - y) as usize];
        let (c0, c1) = ((x + a as i64).max(x0), (x + b as i64).min(x1));
        if c0 >= c1 {
            continue;
        }
        let n = (c1 - c0) as usize;
        let s0 = (((row - y) * sw + (c0 - x)) * 4) as usize;
        let d0 = ((row * pw + c0) * 4) as usize;
        let s_row = &src[s0..s0 + 4 * n];
        let d_row = &mut dst[d0..d0 + 4 * n];
        match mask {
            None => {
                for (d, s) in d_row.chunks_exact_mut(4).zip(s_row.chunks_exact(4)) {
                    blend_px(d, [s[0] as u32, s[1] as u32, s[2] as u32, s[3] as u32]);
                }
            }
            Some(mask) => {
                let m0 = (row * pw + c0) as usize;
                let m_row = &mask[m0..m0 + n];
                for ((d, s), &c) in d_row
                    .chunks_exact_mut(4)
                    .zip(s_row.chunks_exact(4))
                    .zip(m_row)
                {
                    let c = c as u32;
                    if c != 0 {
                        let s = [s[0] as u32, s[1] as u32, s[2] as u32, s[3] as u32];
                        blend_px(
                            d,
                            if c == 255 {
                                s
                            } else {
                                s.map(|v| div255(v * c))
                            },
                        );
                    }
                }
            }
        }
    }
}

/// `v / 255` rounded, for `v <= 255 * 255`.
#[inline]
fn div255(v: u32) -> u32 {
    (v + 128 + ((v + 128) >> 8)) >> 8
}

/// Premultiplied source-over of one pixel.
#[inline]
fn blend_px(d: &mut [u8], s: [u32; 4]) {
    match s[3] {
        0 => {}
        255 => {
            d[0] = s[0] as u8;
            d[1] = s[1] as u8;
            d[2] = s[2] as u8;
            d[3] = 255;
        }
        a => {
            let inv = 255 - a;
            for k in 0..4 {
                d[k] = (s[k] + div255(d[k] as u32 * inv)).min(255) as u8;
            }
        }
    }
}

/// A pre-rendered instance with the non-transparent column span `[start, end)` of each row.
struct Sprite {
    pixmap: sk::Pixmap,
    spans: Vec<(u32, u32)>,
}

impl Sprite {
    fn new(pixmap: sk::Pixmap) -> Self {
        let w = pixmap.width() as usize;
        let spans = pixmap
            .pixels()
            .chunks_exact(w)
            .map(|row| {
                let start = row.iter().position(|p| p.alpha() != 0);
                match start {
                    None => (0, 0),
                    Some(a) => {
                        let b = w - row.iter().rev().position(|p| p.alpha() != 0).unwrap_or(0);
                        (a as u32, b as u32)
                    }
                }
            })
            .collect();
        Sprite { pixmap, spans }
    }
}

/// Sub-pixel positions per axis at which instance sprites are pre-rendered.
const PHASES: usize = 8;
/// Largest sprite side (pixels); bigger shapes are drawn copy by copy.
const MAX_SPRITE: f64 = 256.0;

/// Draws `ops` at every position. Markers are rendered once per eighth-pixel phase into a
/// sprite and then blended at each position, which costs a small blit per marker instead of
/// rasterizing its outline again; copies are drawn in order, as if drawn one by one.
fn stamp_instances(
    pm: &mut sk::Pixmap,
    ops: &[DeviceOp],
    positions: &[(f64, f64)],
    m: Option<&sk::Mask>,
) {
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
    let Some(b) = bounds else { return };
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
    let mut sprites: Vec<Option<Sprite>> = (0..PHASES * PHASES).map(|_| None).collect();
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
        let mut qx = ((x - xi) * PHASES as f64).round() as usize;
        let mut qy = ((y - yi) * PHASES as f64).round() as usize;
        if qx == PHASES {
            qx = 0;
            xi += 1.0;
        }
        if qy == PHASES {
            qy = 0;
            yi += 1.0;
        }
        let slot = &mut sprites[qy * PHASES + qx];
        if slot.is_none() {
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
            *slot = Some(Sprite::new(sprite));
        }
        if let Some(sprite) = slot {
            blend_sprite(pm, sprite, (xi + ox) as i64, (yi + oy) as i64, m);
        }
    }
}

fn new_pixmap(page: &Page) -> Result<sk::Pixmap> {
    sk::Pixmap::new(page.width as u32, page.height as u32).ok_or_else(|| Error::PageSize {
        width: page.width,
        height: page.height,
        msg: "cannot allocate a raster of this size".into(),
    })
}

/// Renders the page into a tiny-skia pixmap (premultiplied RGBA).
pub fn render_pixmap(page: &Page) -> Result<sk::Pixmap> {
    let mut pm = new_pixmap(page)?;
    draw(page, &mut pm);
    Ok(pm)
}

fn demultiply_into(pm: &sk::Pixmap, out: &mut [u8]) {
    for (dst, px) in out.chunks_exact_mut(4).zip(pm.pixels()) {
        let c = px.demultiply();
        dst.copy_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
    }
}

/// Renders the page into a new straight-alpha RGBA buffer, row-major from the top.
pub fn render_rgba(page: &Page) -> Result<Vec<u8>> {
    let pm = render_pixmap(page)?;
    let mut out = vec![0u8; pm.data().len()];
    demultiply_into(&pm, &mut out);
    Ok(out)
}

/// Renders the page into `buffer`, which must hold exactly `width × height × 4` bytes.
pub fn render_into(page: &Page, buffer: &mut [u8]) -> Result<()> {
    let need = page.width as usize * page.height as usize * 4;
    if buffer.len() != need {
        return Err(Error::InvalidArgument {
            func: "render_into",
            msg: format!(
                "buffer holds {} bytes, a {}×{} page needs {need}",
                buffer.len(),
                page.width,
                page.height
            ),
        });
    }
    let pm = render_pixmap(page)?;
    demultiply_into(&pm, buffer);
    Ok(())
}

/// Encodes the page as PNG (RGB when opaque, RGBA otherwise).
pub fn encode_png(page: &Page) -> Result<Vec<u8>, String> {
    let rgba = render_rgba(page).map_err(|e| e.to_string())?;
    super::encode::png_bytes(page.width as u32, page.height as u32, &rgba)
}

/// Encodes the page as baseline JPEG of the given quality (1..=100), composited on white.
pub fn encode_jpeg(page: &Page, quality: u8) -> Result<Vec<u8>, String> {
    let rgba = render_rgba(page).map_err(|e| e.to_string())?;
    let mut rgb = Vec::with_capacity(rgba.len() / 4 * 3);
    for px in rgba.chunks_exact(4) {
        let a = px[3] as u32;
        for &c in &px[..3] {
            rgb.push(((c as u32 * a + 255 * (255 - a) + 127) / 255) as u8);
        }
    }
    let mut out = Vec::new();
    let enc = jpeg_encoder::Encoder::new(&mut out, quality.clamp(1, 100));
    enc.encode(
        &rgb,
        page.width as u16,
        page.height as u16,
        jpeg_encoder::ColorType::Rgb,
    )
    .map_err(|e| e.to_string())?;
    Ok(out)
}
