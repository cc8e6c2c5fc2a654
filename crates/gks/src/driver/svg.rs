//! SVG driver: writes one [`Page`] as a self-contained SVG 1.1 document.
//!
//! * The root element has `width`/`height` in points (`72 / dpi` pt per device pixel), so the
//!   physical size is right, and `viewBox="0 0 w h"`, so all coordinates are device pixels.
//! * Text is drawn as glyph outlines: each distinct glyph is defined once in `<defs>` (font
//!   units, y up) and placed with `<use transform="matrix(…)">`, so the file looks the same
//!   on machines without the fonts.
//! * Pattern fills become `<pattern patternUnits="userSpaceOnUse">` tiles aligned to the page
//!   origin; identical pattern + colour pairs share one definition. The cells are not drawn
//!   with `crispEdges`: when a viewer scales the page, thin hatch lines would otherwise drop
//!   out entirely instead of turning grey.
//! * Images are embedded as PNG `data:` URLs.
//! * References use `xlink:href` (SVG 1.1; every SVG 2 viewer still accepts it), so embedded
//!   image data is not duplicated in a second `href`.
//!
//! Numbers are written with fixed precision (3 decimals in device pixels, 1 decimal in font
//! units, trailing zeros trimmed) so the output is compact and deterministic.

use std::collections::HashMap;
use std::fmt::Write;

mod relative;
use relative::{relative_line_data, RELATIVE_DECIMALS, RELATIVE_MIN};

use super::encode::{base64, num, png_bytes, push_num};
use crate::device::{
    DeviceOp, FillRule, GlyphRun, Image, LineCap, LineJoin, Page, Pattern, Rgba, StrokeStyle,
};
use crate::font::{glyph_outline, FaceId};
use crate::geometry::{Affine, Path, PathCmd, Rect};

/// Decimals for coordinates in device pixels.
const PX: usize = 3;
/// Decimals for glyph outlines in font units.
const FU: usize = 1;
/// Decimals for the linear part of glyph matrices (font units to pixels is a small scale).
const LIN: usize = 6;

/// Writes `page` as an SVG 1.1 document.
pub fn write_svg(page: &Page) -> String {
    let mut w = SvgWriter::default();
    if let Some(bg) = page.background {
        if bg.a > 0 {
            w.body.push_str("<rect x=\"0\" y=\"0\" width=\"");
            push_num(&mut w.body, page.width, PX);
            w.body.push_str("\" height=\"");
            push_num(&mut w.body, page.height, PX);
            w.body.push('"');
            paint_attrs(&mut w.body, "fill", bg);
            w.body.push_str("/>\n");
        }
    }
    for op in &page.ops {
        w.op(op);
    }
    w.close_clip();

    let pt = page.pt_per_px();
    let mut out = String::with_capacity(w.defs.len() + w.body.len() + 512);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
         version=\"1.1\" width=\"{}pt\" height=\"{}pt\" viewBox=\"0 0 {} {}\">",
        num(page.width * pt, PX),
        num(page.height * pt, PX),
        num(page.width, PX),
        num(page.height, PX),
    );
    if !w.defs.is_empty() {
        out.push_str("<defs>\n");
        out.push_str(&w.defs);
        out.push_str("</defs>\n");
    }
    out.push_str(&w.body);
    out.push_str("</svg>\n");
    out
}

#[derive(Default)]
struct SvgWriter {
    defs: String,
    body: String,
    /// Glyphs already looked up: true if defined in `defs`, false if the glyph has no outline.
    glyphs: HashMap<(FaceId, u16), bool>,
    /// Pattern definitions by (rows, cell bits, colour).
    patterns: HashMap<(Vec<u8>, u64, Rgba), usize>,
    /// Clip path definitions by rectangle bits.
    clips: HashMap<[u64; 4], usize>,
    /// Instance (marker) definitions by their markup.
    instances: HashMap<String, usize>,
    clip_open: bool,
}

impl SvgWriter {
    /// Markers: the shape is defined once as a group in `<defs>` and placed with `<use>`.
    fn instances(&mut self, ops: &[DeviceOp], positions: &[(f64, f64)]) {
        let simple = ops
            .iter()
            .all(|op| matches!(op, DeviceOp::Fill { .. } | DeviceOp::Stroke { .. }));
        if !simple || positions.len() < 2 {
            for &(x, y) in positions {
                for o in ops {
                    self.op(&o.translated(x, y));
                }
            }
            return;
        }
        let body = std::mem::take(&mut self.body);
        for o in ops {
            self.op(o);
        }
        let shape = std::mem::replace(&mut self.body, body);
        if shape.is_empty() {
            return;
        }
        let next = self.instances.len();
        let id = *self.instances.entry(shape.clone()).or_insert_with(|| {
            let _ = write!(self.defs, "<g id=\"m{next}\">\n{shape}</g>\n");
            next
        });
        for &(x, y) in positions {
            if !(x.is_finite() && y.is_finite()) {
                continue;
            }
            let _ = write!(self.body, "<use xlink:href=\"#m{id}\" x=\"");
            push_num(&mut self.body, x, PX);
            self.body.push_str("\" y=\"");
            push_num(&mut self.body, y, PX);
            self.body.push_str("\"/>\n");
        }
    }

    fn op(&mut self, op: &DeviceOp) {
        match op {
            DeviceOp::Instances { ops, positions } => self.instances(ops, positions),
            DeviceOp::Mesh(mesh) => {
                for o in mesh.compact_ops() {
                    self.op(&o);
                }
            }
            DeviceOp::Fill { path, rule, color } => {
                if color.a == 0 || path.is_empty() {
                    return;
                }
                self.body.push_str("<path d=\"");
                path_data(&mut self.body, path, PX);
                self.body.push('"');
                paint_attrs(&mut self.body, "fill", *color);
                rule_attr(&mut self.body, *rule);
                self.body.push_str("/>\n");
            }
            DeviceOp::Stroke { path, style, color } => {
                if color.a == 0 || path.is_empty() {
                    return;
                }
                self.body.push_str("<path d=\"");
                path_data(&mut self.body, path, PX);
                self.body.push_str("\" fill=\"none\"");
                paint_attrs(&mut self.body, "stroke", *color);
                stroke_attrs(&mut self.body, style);
                self.body.push_str("/>\n");
            }
            DeviceOp::PatternFill {
                path,
                rule,
                pattern,
                color,
            } => self.pattern_fill(path, *rule, pattern, *color),
            DeviceOp::Image(img) => self.image(img),
            DeviceOp::Glyphs { run, color } => self.glyphs(run, *color),
            DeviceOp::Clip(rect) => {
                self.close_clip();
                if let Some(r) = rect {
                    self.open_clip(r);
                }
            }
        }
    }

    fn close_clip(&mut self) {
        if self.clip_open {
            self.body.push_str("</g>\n");
            self.clip_open = false;
        }
    }

    fn open_clip(&mut self, r: &Rect) {
        let key = [
            r.x0.to_bits(),
            r.y0.to_bits(),
            r.x1.to_bits(),
            r.y1.to_bits(),
        ];
        let n = self.clips.len();
        let id = *self.clips.entry(key).or_insert(n);
        if id == n {
            let _ = writeln!(
                self.defs,
                "<clipPath id=\"c{id}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath>",
                num(r.x0, PX),
                num(r.y0, PX),
                num(r.width(), PX),
                num(r.height(), PX)
            );
        }
        let _ = writeln!(self.body, "<g clip-path=\"url(#c{id})\">");
        self.clip_open = true;
    }

    fn pattern_fill(&mut self, path: &Path, rule: FillRule, pattern: &Pattern, color: Rgba) {
        let cell = pattern.cell;
        if color.a == 0
            || path.is_empty()
            || pattern.rows.iter().all(|&r| r == 0)
            || !(cell.is_finite() && cell > 0.0)
        {
            return;
        }
        let key = (pattern.rows.clone(), cell.to_bits(), color);
        let n = self.patterns.len();
        let id = *self.patterns.entry(key).or_insert(n);
        if id == n {
            let d = &mut self.defs;
            let _ = write!(
                d,
                "<pattern id=\"p{id}\" patternUnits=\"userSpaceOnUse\" x=\"0\" y=\"0\" \
                 width=\"{}\" height=\"{}\"><path d=\"",
                num(Pattern::WIDTH as f64 * cell, PX),
                num(pattern.rows.len() as f64 * cell, PX)
            );
            for (row, x0, x1) in bit_runs(&pattern.rows) {
                d.push('M');
                push_num(d, x0 as f64 * cell, PX);
                d.push(' ');
                push_num(d, row as f64 * cell, PX);
                d.push('h');
                push_num(d, (x1 - x0) as f64 * cell, PX);
                d.push('v');
                push_num(d, cell, PX);
                d.push('h');
                push_num(d, -((x1 - x0) as f64 * cell), PX);
                d.push('z');
            }
            d.push('"');
            paint_attrs(d, "fill", color);
            d.push_str("/></pattern>\n");
        }
        self.body.push_str("<path d=\"");
        path_data(&mut self.body, path, PX);
        let _ = write!(self.body, "\" fill=\"url(#p{id})\"");
        rule_attr(&mut self.body, rule);
        self.body.push_str("/>\n");
    }

    fn image(&mut self, img: &Image) {
        let r = img.rect;
        if img.width == 0 || img.height == 0 || r.width() <= 0.0 || r.height() <= 0.0 {
            return;
        }
        let Ok(png) = png_bytes(img.width, img.height, &img.rgba) else {
            return;
        };
        let b = &mut self.body;
        let _ = write!(
            b,
            "<image x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" preserveAspectRatio=\"none\"",
            num(r.x0, PX),
            num(r.y0, PX),
            num(r.width(), PX),
            num(r.height(), PX)
        );
        if !img.smooth {
            b.push_str(" image-rendering=\"optimizeSpeed\" style=\"image-rendering:pixelated\"");
        }
        b.push_str(" xlink:href=\"data:image/png;base64,");
        b.push_str(&base64(&png));
        b.push_str("\"/>\n");
    }

    fn glyphs(&mut self, run: &GlyphRun, color: Rgba) {
        if color.a == 0 {
            return;
        }
        let mut uses = String::new();
        for g in &run.glyphs {
            let key = (run.face, g.id);
            let defined = match self.glyphs.get(&key) {
                Some(&d) => d,
                None => {
                    let d = match glyph_outline(run.face, g.id) {
                        Some(p) if !p.is_empty() => {
                            let _ = write!(self.defs, "<path id=\"g{}_{}\" d=\"", run.face.0, g.id);
                            path_data(&mut self.defs, &p, FU);
                            self.defs.push_str("\"/>\n");
                            true
                        }
                        _ => false,
                    };
                    self.glyphs.insert(key, d);
                    d
                }
            };
            if !defined {
                continue;
            }
            let t = run.glyph_transform(g);
            let _ = write!(
                uses,
                "<use xlink:href=\"#g{}_{}\" transform=\"",
                run.face.0, g.id
            );
            matrix(&mut uses, &t);
            uses.push_str("\"/>\n");
        }
        if uses.is_empty() {
            return;
        }
        self.body.push_str("<g");
        paint_attrs(&mut self.body, "fill", color);
        self.body.push_str(">\n");
        self.body.push_str(&uses);
        self.body.push_str("</g>\n");
    }
}

/// Horizontal runs of set bits: (row, first column, column after the last).
pub(crate) fn bit_runs(rows: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut runs = Vec::new();
    for (y, &bits) in rows.iter().enumerate() {
        let mut x = 0;
        while x < Pattern::WIDTH {
            if bits & (0x80 >> x) != 0 {
                let start = x;
                while x < Pattern::WIDTH && bits & (0x80 >> x) != 0 {
                    x += 1;
                }
                runs.push((y, start, x));
            } else {
                x += 1;
            }
        }
    }
    runs
}

fn matrix(out: &mut String, t: &Affine) {
    out.push_str("matrix(");
    for (i, v) in t.m.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        push_num(out, *v, if i < 4 { LIN } else { PX });
    }
    out.push(')');
}

fn color_hex(out: &mut String, c: Rgba) {
    let _ = write!(out, "#{:02x}{:02x}{:02x}", c.r, c.g, c.b);
}

/// ` fill="#rrggbb"` plus ` fill-opacity` when the colour is translucent.
fn paint_attrs(out: &mut String, what: &str, c: Rgba) {
    let _ = write!(out, " {what}=\"");
    color_hex(out, c);
    out.push('"');
    if c.a < 255 {
        let _ = write!(out, " {what}-opacity=\"{}\"", num(c.a as f64 / 255.0, 3));
    }
}

fn rule_attr(out: &mut String, rule: FillRule) {
    out.push_str(match rule {
        FillRule::EvenOdd => " fill-rule=\"evenodd\"",
        FillRule::NonZero => " fill-rule=\"nonzero\"",
    });
}

fn stroke_attrs(out: &mut String, s: &StrokeStyle) {
    // A non-positive width is a hairline in the raster and PostScript drivers; SVG would
    // draw nothing, so use one device pixel.
    let width = if s.width > 0.0 && s.width.is_finite() {
        s.width
    } else {
        1.0
    };
    let _ = write!(out, " stroke-width=\"{}\"", num(width, PX));
    out.push_str(match s.cap {
        LineCap::Butt => " stroke-linecap=\"butt\"",
        LineCap::Round => " stroke-linecap=\"round\"",
        LineCap::Square => " stroke-linecap=\"square\"",
    });
    out.push_str(match s.join {
        LineJoin::Miter => " stroke-linejoin=\"miter\"",
        LineJoin::Round => " stroke-linejoin=\"round\"",
        LineJoin::Bevel => " stroke-linejoin=\"bevel\"",
    });
    out.push_str(" stroke-miterlimit=\"10\"");
    if let Some(dash) = valid_dash(s.dash.as_deref()) {
        out.push_str(" stroke-dasharray=\"");
        for (i, v) in dash.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            push_num(out, *v, PX);
        }
        out.push('"');
    }
}

/// The dash array if it describes a visible dash pattern (finite, non-negative, positive sum).
pub(crate) fn valid_dash(dash: Option<&[f64]>) -> Option<&[f64]> {
    let d = dash?;
    let ok = !d.is_empty()
        && d.iter().all(|v| v.is_finite() && *v >= 0.0)
        && d.iter().sum::<f64>() > 0.0;
    ok.then_some(d)
}

/// Appends compact SVG path data ("M1 2L3 4 5 6Z"): repeated commands are not repeated and
/// no separator is written before a minus sign.
pub(crate) fn path_data(out: &mut String, path: &Path, decimals: usize) {
    if path.cmds.len() >= RELATIVE_MIN
        && path.cmds.iter().all(|c| {
            matches!(
                c,
                PathCmd::MoveTo(..) | PathCmd::LineTo(..) | PathCmd::Close
            )
        })
    {
        relative_line_data(out, path, decimals.min(RELATIVE_DECIMALS));
        return;
    }
    let mut last = ' ';
    let mut num_buf = String::new();
    let mut cmd = |out: &mut String, letter: char, coords: &[f64], last: &mut char| {
        let mut need_sep = if letter == *last && letter != 'M' && letter != 'Z' {
            true
        } else {
            out.push(letter);
            false
        };
        *last = letter;
        for &v in coords {
            num_buf.clear();
            push_num(&mut num_buf, v, decimals);
            if need_sep && !num_buf.starts_with('-') {
                out.push(' ');
            }
            out.push_str(&num_buf);
            need_sep = true;
        }
    };
    for c in &path.cmds {
        match *c {
            PathCmd::MoveTo(x, y) => cmd(out, 'M', &[x, y], &mut last),
            PathCmd::LineTo(x, y) => cmd(out, 'L', &[x, y], &mut last),
            PathCmd::QuadTo(a, b, x, y) => cmd(out, 'Q', &[a, b, x, y], &mut last),
            PathCmd::CubicTo(a, b, c2, d, x, y) => cmd(out, 'C', &[a, b, c2, d, x, y], &mut last),
            PathCmd::Close => cmd(out, 'Z', &[], &mut last),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::device::{Glyph, StrokeStyle};

    pub(crate) const RED: Rgba = Rgba::rgb(220, 20, 20);
    pub(crate) const BLUE: Rgba = Rgba::rgb(20, 40, 200);
    pub(crate) const GREEN: Rgba = Rgba::rgb(0, 160, 0);
    pub(crate) const BG: Rgba = Rgba::rgb(250, 250, 240);

    pub(crate) fn glyph_id(c: char) -> u16 {
        crate::font::face(FaceId(0))
            .glyph_index(c)
            .expect("glyph")
            .0
    }

    /// A 300x200 px test page with one of each operation:
    /// * red triangle (40,20)-(140,20)-(90,100), even-odd;
    /// * blue dashed horizontal stroke at y=120 from x=20 to x=280, width 4, dash 20/10;
    /// * green rect (160,20)-(280,100) clipped to x < 220;
    /// * red pattern fill of (20,140)-(100,190), pattern rows [0xF0, 0x00] cell 4
    ///   (16 px on / 16 px off from the page origin; 4 px rows on / 4 px rows off), so
    ///   (33,145) and (70,153) are set and (21,145), (33,141), (53,145) are not;
    /// * 2x2 image (red, green / blue, transparent) at (120,140)-(160,180), not smoothed;
    /// * "AV" in black, 40 px, baseline at (180,185).
    pub(crate) fn sample_page(dpi: f64) -> Page {
        let text = Affine {
            m: [1.0, 0.0, 0.0, -1.0, 180.0, 185.0],
        };
        let adv = crate::font::face(FaceId(0))
            .glyph_hor_advance(ttf_parser::GlyphId(glyph_id('A')))
            .unwrap_or(1400) as f64
            * 40.0
            / crate::font::units_per_em(FaceId(0));
        Page {
            width: 300.0,
            height: 200.0,
            dpi,
            background: Some(BG),
            ops: vec![
                DeviceOp::Fill {
                    path: Path::polygon([(40.0, 20.0), (140.0, 20.0), (90.0, 100.0)]),
                    rule: FillRule::EvenOdd,
                    color: RED,
                },
                DeviceOp::Stroke {
                    path: {
                        let mut p = Path::new();
                        p.move_to(20.0, 120.0);
                        p.line_to(280.0, 120.0);
                        p
                    },
                    style: StrokeStyle {
                        width: 4.0,
                        cap: LineCap::Butt,
                        join: LineJoin::Miter,
                        dash: Some(vec![20.0, 10.0]),
                    },
                    color: BLUE,
                },
                DeviceOp::Clip(Some(Rect::new(0.0, 0.0, 220.0, 200.0))),
                DeviceOp::Fill {
                    path: Path::rect(Rect::new(160.0, 20.0, 280.0, 100.0)),
                    rule: FillRule::NonZero,
                    color: GREEN,
                },
                DeviceOp::Clip(None),
                DeviceOp::PatternFill {
                    path: Path::rect(Rect::new(20.0, 140.0, 100.0, 190.0)),
                    rule: FillRule::EvenOdd,
                    pattern: Pattern {
                        rows: vec![0xF0, 0x00],
                        cell: 4.0,
                    },
                    color: RED,
                },
                DeviceOp::Image(Image {
                    width: 2,
                    height: 2,
                    rgba: Arc::new(vec![
                        255, 0, 0, 255, 0, 255, 0, 255, //
                        0, 0, 255, 255, 0, 0, 0, 0,
                    ]),
                    rect: Rect::new(120.0, 140.0, 160.0, 180.0),
                    smooth: false,
                }),
                DeviceOp::Glyphs {
                    run: GlyphRun {
                        face: FaceId(0),
                        size: 40.0,
                        transform: text,
                        glyphs: vec![
                            Glyph {
                                id: glyph_id('A'),
                                x: 0.0,
                                y: 0.0,
                                ch: 'A',
                            },
                            Glyph {
                                id: glyph_id('V'),
                                x: adv,
                                y: 0.0,
                                ch: 'V',
                            },
                        ],
                    },
                    color: Rgba::BLACK,
                },
            ],
        }
    }

    /// A glyph run for `text` in face 0 at `size` px with the given text-space transform.
    pub(crate) fn run(text: &str, size: f64, transform: Affine) -> GlyphRun {
        let face = crate::font::face(FaceId(0));
        let scale = size / crate::font::units_per_em(FaceId(0));
        let mut x = 0.0;
        let mut glyphs = Vec::new();
        for ch in text.chars() {
            let id = face.glyph_index(ch).map_or(0, |g| g.0);
            glyphs.push(Glyph { id, x, y: 0.0, ch });
            x += face.glyph_hor_advance(ttf_parser::GlyphId(id)).unwrap_or(0) as f64 * scale;
        }
        GlyphRun {
            face: FaceId(0),
            size,
            transform,
            glyphs,
        }
    }

    /// A busier page for looking at: curves, round caps and joins, translucent overlap,
    /// a fine hatch, rotated and clipped text.
    pub(crate) fn demo_page() -> Page {
        let mut wave = Path::new();
        wave.move_to(20.0, 150.0);
        wave.cubic_to(60.0, 60.0, 100.0, 240.0, 140.0, 150.0);
        wave.quad_to(160.0, 110.0, 180.0, 150.0);
        let thick = |dash: Option<Vec<f64>>| StrokeStyle {
            width: 8.0,
            cap: LineCap::Round,
            join: LineJoin::Round,
            dash,
        };
        Page {
            width: 400.0,
            height: 260.0,
            dpi: 100.0,
            background: Some(Rgba::WHITE),
            ops: vec![
                DeviceOp::Fill {
                    path: Path::ellipse(260.0, 80.0, 60.0, 40.0),
                    rule: FillRule::NonZero,
                    color: Rgba::rgb(0, 0, 255).with_alpha(0.5),
                },
                DeviceOp::Fill {
                    path: Path::ellipse(300.0, 100.0, 60.0, 40.0),
                    rule: FillRule::NonZero,
                    color: Rgba::rgb(255, 0, 0).with_alpha(0.5),
                },
                DeviceOp::Stroke {
                    path: wave,
                    style: thick(Some(vec![0.0, 16.0])),
                    color: Rgba::rgb(0, 120, 0),
                },
                DeviceOp::Stroke {
                    path: Path::polygon([(200.0, 240.0), (230.0, 170.0), (260.0, 240.0)]),
                    style: thick(None),
                    color: Rgba::rgb(120, 0, 120),
                },
                DeviceOp::PatternFill {
                    path: Path::ellipse(330.0, 200.0, 50.0, 40.0),
                    rule: FillRule::NonZero,
                    pattern: Pattern {
                        rows: vec![0x80, 0x40, 0x20, 0x10, 0x08, 0x04, 0x02, 0x01],
                        cell: 1.5,
                    },
                    color: Rgba::BLACK,
                },
                DeviceOp::Glyphs {
                    run: run(
                        "Rotated Üp",
                        24.0,
                        Affine {
                            m: [0.0, -1.0, -1.0, 0.0, 40.0, 240.0],
                        },
                    ),
                    color: Rgba::rgb(200, 0, 0),
                },
                DeviceOp::Clip(Some(Rect::new(60.0, 10.0, 170.0, 60.0))),
                DeviceOp::Glyphs {
                    run: run(
                        "Clipped gjy & <x>",
                        36.0,
                        Affine {
                            m: [1.0, 0.0, 0.0, -1.0, 60.0, 45.0],
                        },
                    ),
                    color: Rgba::BLACK,
                },
                DeviceOp::Clip(None),
            ],
        }
    }

    #[test]
    fn demo_page_renders() {
        let page = demo_page();
        let svg = write_svg(&page);
        let pm = render(&svg, 400, 260);
        if std::env::var_os("GKS_SVG_DUMP").is_some() {
            std::fs::write("/tmp/gks_demo.svg", &svg).unwrap();
            pm.save_png("/tmp/gks_demo_svg.png").unwrap();
        }
        // Overlap of the two translucent ellipses is a mix of both.
        let p = px(&pm, 280, 90);
        assert!(p[0] > 100 && p[2] > 60 && p[1] < 100, "{p:?}");
        // Rotated text runs upwards left of x=40; clipped text stops at x=170.
        assert!((180..240).any(|y| (20..40).any(|x| px(&pm, x, y)[1] < 100)));
        assert!((10..60).all(|y| (171..200).all(|x| px(&pm, x, y) == [255, 255, 255, 255])));
    }

    /// Renders SVG text with resvg at one device pixel per SVG user unit.
    pub(crate) fn render(svg: &str, w: u32, h: u32) -> tiny_skia::Pixmap {
        let tree = usvg::Tree::from_str(svg, &usvg::Options::default()).expect("valid SVG");
        let mut pm = tiny_skia::Pixmap::new(w, h).unwrap();
        let s = w as f32 / tree.size().width();
        resvg::render(
            &tree,
            tiny_skia::Transform::from_scale(s, s),
            &mut pm.as_mut(),
        );
        pm
    }

    pub(crate) fn px(pm: &tiny_skia::Pixmap, x: u32, y: u32) -> [u8; 4] {
        let c = pm.pixel(x, y).unwrap().demultiply();
        [c.red(), c.green(), c.blue(), c.alpha()]
    }

    fn rgba(c: Rgba) -> [u8; 4] {
        [c.r, c.g, c.b, c.a]
    }

    #[test]
    fn path_data_is_compact() {
        let mut p = Path::new();
        p.move_to(1.0, 2.0);
        p.line_to(3.5, -4.0);
        p.line_to(5.0, 6.0);
        p.quad_to(0.1234, 0.0, 1.0, 1.0);
        p.close();
        let mut s = String::new();
        path_data(&mut s, &p, 3);
        assert_eq!(s, "M1 2L3.5-4 5 6Q0.123 0 1 1Z");
    }

    #[test]
    fn bit_runs_merge_neighbours() {
        assert_eq!(
            bit_runs(&[0b1110_0101, 0, 0xFF]),
            vec![(0, 0, 3), (0, 5, 6), (0, 7, 8), (2, 0, 8)]
        );
    }

    #[test]
    fn header_has_physical_size_and_viewbox() {
        let mut page = sample_page(144.0);
        page.ops.clear();
        let svg = write_svg(&page);
        assert!(svg.contains("width=\"150pt\" height=\"100pt\" viewBox=\"0 0 300 200\""));
        // Deterministic.
        assert_eq!(svg, write_svg(&page));
    }

    #[test]
    fn sample_page_renders_with_resvg() {
        let page = sample_page(72.0);
        let svg = write_svg(&page);
        assert_eq!(svg, write_svg(&page), "deterministic");
        let pm = render(&svg, 300, 200);
        if std::env::var_os("GKS_SVG_DUMP").is_some() {
            std::fs::write("/tmp/gks_sample.svg", &svg).unwrap();
            pm.save_png("/tmp/gks_sample_svg.png").unwrap();
        }
        // Triangle inside / outside.
        assert_eq!(px(&pm, 90, 50), rgba(RED));
        assert_eq!(px(&pm, 45, 90), rgba(BG));
        // Dashes: 20 on, 10 off from x=20.
        assert_eq!(px(&pm, 30, 120), rgba(BLUE));
        assert_eq!(px(&pm, 45, 120), rgba(BG));
        assert_eq!(px(&pm, 55, 120), rgba(BLUE));
        // Clipped rectangle: visible left of x=220, clipped right of it.
        assert_eq!(px(&pm, 200, 60), rgba(GREEN));
        assert_eq!(px(&pm, 240, 60), rgba(BG));
        // Pattern: set and unset cells, nothing outside the path.
        assert_eq!(px(&pm, 33, 145), rgba(RED));
        assert_eq!(px(&pm, 70, 153), rgba(RED));
        assert_eq!(px(&pm, 21, 145), rgba(BG));
        assert_eq!(px(&pm, 33, 141), rgba(BG));
        assert_eq!(px(&pm, 53, 145), rgba(BG));
        assert_eq!(px(&pm, 10, 141), rgba(BG));
        assert_eq!(px(&pm, 40, 195), rgba(BG));
        // Pattern cells are crisp: every pixel of the area is either fill or background.
        for y in 140..190 {
            for x in 20..100 {
                let p = px(&pm, x, y);
                assert!(
                    p == rgba(RED) || p == rgba(BG),
                    "pattern pixel {x},{y} = {p:?}"
                );
            }
        }
        // Glyphs: the apex region of "A" is ink, the area above the cap height is not.
        let a_ink = (180..210)
            .flat_map(|x| (150..186).map(move |y| (x, y)))
            .filter(|&(x, y)| px(&pm, x, y)[0] < 100)
            .count();
        assert!(a_ink > 100, "A drawn: {a_ink} dark pixels");
        assert_eq!(px(&pm, 195, 140), rgba(BG));
        // Baseline: nothing below it.
        assert!((180..260).all(|x| px(&pm, x, 190) == rgba(BG)));
    }

    #[test]
    fn image_is_embedded_as_png() {
        let page = sample_page(72.0);
        let svg = write_svg(&page);
        let start = svg.find("data:image/png;base64,").unwrap() + 22;
        let end = start + svg[start..].find('"').unwrap();
        let data = b64_decode(&svg[start..end]);
        let pm = tiny_skia::Pixmap::decode_png(&data).unwrap();
        assert_eq!((pm.width(), pm.height()), (2, 2));
        assert_eq!(px(&pm, 0, 0), [255, 0, 0, 255]);
        assert_eq!(px(&pm, 0, 1), [0, 0, 255, 255]);
        assert_eq!(px(&pm, 1, 1)[3], 0);
        assert!(svg.contains(
            "<image x=\"120\" y=\"140\" width=\"40\" height=\"40\" preserveAspectRatio=\"none\" \
             image-rendering=\"optimizeSpeed\""
        ));
    }

    #[test]
    fn glyphs_are_defined_once_and_used() {
        let mut page = sample_page(72.0);
        // Draw the run twice.
        let run = page.ops.last().unwrap().clone();
        page.ops.push(run);
        let svg = write_svg(&page);
        let a = format!("id=\"g0_{}\"", glyph_id('A'));
        assert_eq!(svg.matches(&a).count(), 1);
        let use_a = format!("xlink:href=\"#g0_{}\"", glyph_id('A'));
        assert_eq!(svg.matches(&use_a).count(), 2);
        assert!(svg.contains("<g fill=\"#000000\">"));
    }

    #[test]
    fn patterns_and_clips_are_deduplicated() {
        let mut page = sample_page(72.0);
        let extra: Vec<DeviceOp> = page
            .ops
            .iter()
            .filter(|op| matches!(op, DeviceOp::PatternFill { .. } | DeviceOp::Clip(_)))
            .cloned()
            .collect();
        page.ops.extend(extra);
        let svg = write_svg(&page);
        assert_eq!(svg.matches("<pattern ").count(), 1);
        assert_eq!(svg.matches("<clipPath ").count(), 1);
        assert_eq!(svg.matches("fill=\"url(#p0)\"").count(), 2);
        assert_eq!(svg.matches("clip-path=\"url(#c0)\"").count(), 2);
        // Groups are balanced.
        assert_eq!(svg.matches("<g").count(), svg.matches("</g>").count());
    }

    #[test]
    fn translucent_colours_use_opacity() {
        let page = Page {
            width: 10.0,
            height: 10.0,
            dpi: 72.0,
            background: None,
            ops: vec![DeviceOp::Fill {
                path: Path::rect(Rect::new(0.0, 0.0, 10.0, 10.0)),
                rule: FillRule::NonZero,
                color: Rgba::rgb(255, 0, 0).with_alpha(0.5),
            }],
        };
        let svg = write_svg(&page);
        assert!(
            svg.contains("fill=\"#ff0000\" fill-opacity=\"0.502\""),
            "{svg}"
        );
        let pm = render(&svg, 10, 10);
        let p = px(&pm, 5, 5);
        assert_eq!(p[0], 255);
        assert!((126..=130).contains(&p[3]), "{p:?}");
    }

    pub(crate) fn b64_decode(s: &str) -> Vec<u8> {
        let val = |c: u8| -> u32 {
            match c {
                b'A'..=b'Z' => (c - b'A') as u32,
                b'a'..=b'z' => (c - b'a' + 26) as u32,
                b'0'..=b'9' => (c - b'0' + 52) as u32,
                b'+' => 62,
                b'/' => 63,
                _ => 0,
            }
        };
        let mut out = Vec::new();
        for chunk in s.as_bytes().chunks(4) {
            let n = chunk.iter().fold(0u32, |n, &c| (n << 6) | val(c));
            let pad = chunk.iter().filter(|&&c| c == b'=').count();
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            out.extend_from_slice(&bytes[..3 - pad]);
        }
        out
    }
}
