//! The raster driver: renders a [`Page`] with tiny-skia (anti-aliased) into RGBA memory,
//! PNG or JPEG.

use std::cell::RefCell;

use rayon::prelude::*;
use tiny_skia as sk;

mod fill;
mod mesh;
mod sprites;
mod thin_lines;

use sprites::stamp_instances;

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
    // Pixels [x0, x1) × [y0, y1) that the clip mask covers fully.
    let mut inner = [0i64; 4];
    let mut clipped_out = false;
    for op in &page.ops {
        if let DeviceOp::Clip(r) = op {
            clipped_out = false;
            inner = [0; 4];
            mask = match r {
                None => None,
                Some(r) => {
                    let page_rect = Rect::new(0.0, 0.0, w as f64, h as f64);
                    match r.intersect(&page_rect) {
                        Some(r) if r.width() > 0.0 && r.height() > 0.0 => {
                            inner = [
                                r.x0.ceil() as i64,
                                r.x1.floor() as i64,
                                r.y0.ceil() as i64,
                                r.y1.floor() as i64,
                            ];
                            clip_mask(w, h, &r)
                        }
                        _ => {
                            clipped_out = true;
                            None
                        }
                    }
                }
            };
        } else if clipped_out {
        } else if let DeviceOp::Instances { ops, positions } = op {
            stamp_instances(pm, ops, positions, mask.as_ref(), inner);
        } else {
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
        DeviceOp::Stroke { path, style, color } if thin_lines::applies(path, style) => {
            thin_lines::draw(pm, path, style, *color, m)
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
        DeviceOp::Instances { ops, positions } => stamp_instances(pm, ops, positions, m, [0; 4]),
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

/// `v / 255` rounded, for `v <= 255 * 255`.
#[inline]
fn div255(v: u32) -> u32 {
    (v + 128 + ((v + 128) >> 8)) >> 8
}

fn new_pixmap(page: &Page) -> Result<sk::Pixmap> {
    sk::Pixmap::new(page.width as u32, page.height as u32).ok_or_else(|| Error::PageSize {
        width: page.width,
        height: page.height,
        msg: "cannot allocate a raster of this size".into(),
    })
}

/// Reusable buffers of the raster driver on one thread.
#[derive(Default)]
struct Scratch {
    /// The raster of the last page, kept for the next page of the same size.
    pixmap: Option<sk::Pixmap>,
    /// Rows handed to the PNG encoder.
    bytes: Vec<u8>,
}

thread_local! {
    /// An animation renders hundreds of pages of one size; reusing the buffers of the last
    /// page saves allocating and page-faulting megabytes per frame.
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Renders the page into a (possibly reused) premultiplied pixmap and hands it to `f`,
/// with a byte buffer `f` may use.
fn with_rendered<R>(page: &Page, f: impl FnOnce(&sk::Pixmap, &mut Vec<u8>) -> R) -> Result<R> {
    let mut scratch = SCRATCH.with(|s| std::mem::take(&mut *s.borrow_mut()));
    let mut pm = match scratch.pixmap.take() {
        Some(mut pm) if pm.width() == page.width as u32 && pm.height() == page.height as u32 => {
            if page.background.is_none() {
                pm.fill(sk::Color::TRANSPARENT);
            }
            pm
        }
        _ => new_pixmap(page)?,
    };
    draw(page, &mut pm);
    let result = f(&pm, &mut scratch.bytes);
    scratch.pixmap = Some(pm);
    SCRATCH.with(|s| *s.borrow_mut() = scratch);
    Ok(result)
}

/// Renders the page into a tiny-skia pixmap (premultiplied RGBA).
pub fn render_pixmap(page: &Page) -> Result<sk::Pixmap> {
    let mut pm = new_pixmap(page)?;
    draw(page, &mut pm);
    Ok(pm)
}

/// Straight-alpha RGBA from premultiplied pixels.
fn demultiply_into(pm: &sk::Pixmap, out: &mut [u8]) {
    // Opaque pixels are unchanged and transparent ones all zero: copy everything, then
    // convert the (usually few) translucent pixels.
    out.copy_from_slice(pm.data());
    for px in out.chunks_exact_mut(4) {
        let a = px[3];
        if a != 255 && a != 0 {
            let c = sk::PremultipliedColorU8::from_rgba(px[0], px[1], px[2], a)
                .map(|c| c.demultiply())
                .unwrap_or(sk::ColorU8::from_rgba(0, 0, 0, 0));
            px.copy_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
        }
    }
}

/// Renders the page into a new straight-alpha RGBA buffer, row-major from the top.
pub fn render_rgba(page: &Page) -> Result<Vec<u8>> {
    with_rendered(page, |pm, _| {
        let mut out = vec![0u8; pm.data().len()];
        demultiply_into(pm, &mut out);
        out
    })
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
    with_rendered(page, |pm, _| demultiply_into(pm, buffer))
}

/// Encodes the page as PNG (RGB when opaque, RGBA otherwise).
pub fn encode_png(page: &Page) -> Result<Vec<u8>, String> {
    let (w, h) = (page.width as u32, page.height as u32);
    with_rendered(page, |pm, bytes| {
        // RGB rows, assuming the page is opaque (premultiplied and straight colours agree
        // on opaque pixels); RGBA if it is not.
        let n = pm.data().len() / 4;
        bytes.resize(3 * n, 0);
        // Pieces of 16k pixels on all cores.
        const PIECE: usize = 1 << 14;
        let alpha_and = bytes
            .par_chunks_mut(3 * PIECE)
            .zip(pm.data().par_chunks(4 * PIECE))
            .map(|(rgb, rgba)| {
                let mut alpha_and = 255u8;
                for (d, s) in rgb.chunks_exact_mut(3).zip(rgba.chunks_exact(4)) {
                    d.copy_from_slice(&s[..3]);
                    alpha_and &= s[3];
                }
                alpha_and
            })
            .reduce(|| 255, |a, b| a & b);
        if alpha_and == 255 {
            super::encode::png_rows(w, h, png::ColorType::Rgb, bytes)
        } else {
            bytes.resize(pm.data().len(), 0);
            demultiply_into(pm, bytes);
            super::encode::png_rows(w, h, png::ColorType::Rgba, bytes)
        }
    })
    .map_err(|e| e.to_string())?
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
