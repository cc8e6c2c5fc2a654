//! PostScript and Encapsulated PostScript driver.
//!
//! Writes DSC-conforming PostScript LanguageLevel 3 (`%!PS-Adobe-3.0`, or
//! `%!PS-Adobe-3.0 EPSF-3.0` for EPS) with `%%BoundingBox`/`%%HiResBoundingBox` in points,
//! `%%Pages`, one `%%Page` per page and `showpage` at the end of each page.
//!
//! * Each page starts with `0 H translate s -s scale` (`s = 72 / dpi`), so all drawing is in
//!   device pixels with y down, like [`Page`]. Multi-page PS files request each page's size
//!   with `setpagedevice` in the page setup; EPS files never do.
//! * Glyphs are filled outlines: every distinct glyph of the document is defined once (in
//!   `%%BeginSetup`) as a procedure in the `GRdict` dictionary and drawn with its
//!   font-units-to-pixels matrix under `gsave … concat … grestore`.
//! * Pattern fills use LanguageLevel 2 uncoloured tiling patterns (`makepattern`, made once
//!   per page under the page transform, so cells are aligned to the page origin).
//! * Images are `image` dictionaries with `/FlateDecode` + `/ASCII85Decode` data.
//! * The output is 7-bit clean and deterministic.
//!
//! **Transparency.** PostScript has no alpha. Translucent colours are composited over white
//! (`c' = c·a + 1 − a`). Image pixels with partial alpha are composited over white as well;
//! fully transparent image pixels are left unpainted with a LanguageLevel 3 masked image
//! (`ImageType 3`, pixel-interleaved mask). Operations with a fully transparent colour are
//! omitted.

use std::collections::HashMap;

use super::encode::push_num;
use super::svg::valid_dash;
use crate::device::{
    DeviceOp, FillRule, Image, LineCap, LineJoin, Page, Pattern, Rgba, StrokeStyle,
};
use crate::font::{glyph_outline, FaceId};
use crate::geometry::{Affine, Path, PathCmd};

/// Decimals for coordinates in device pixels.
const PX: usize = 3;
/// Decimals for glyph outlines in font units.
const FU: usize = 1;
/// Decimals for the linear part of glyph matrices.
const LIN: usize = 6;
/// Soft limit of output line length (DSC requires at most 255).
const LINE: usize = 100;

const PROLOG: &str = "\
/GRdict 64 dict def
GRdict begin
/bd {bind def} bind def
/m /moveto load def
/l /lineto load def
/c /curveto load def
/h /closepath load def
/f /fill load def
/ef /eofill load def
/S /stroke load def
/rg /setrgbcolor load def
/w /setlinewidth load def
/J /setlinecap load def
/j /setlinejoin load def
/d /setdash load def
/q /gsave load def
/Q /grestore load def
/re /rectfill load def
% r g b pattern PC: select an uncoloured pattern in colour r g b
/PC {[/Pattern /DeviceRGB] setcolorspace setcolor} bd
% /glyph a b c d e f G: draw a glyph procedure with a font-units matrix
/G {gsave 6 array astore concat load exec grestore} bd
% outer inner GRimage: image with inline ASCII85 + Flate data following the call
/GRimage {/GRsrc currentfile /ASCII85Decode filter def
 /DataSource GRsrc /FlateDecode filter put image GRsrc flushfile} bd
end
";

/// Writes `pages` as PostScript, or as EPS if `eps` (which needs exactly one page).
pub fn write_ps(pages: &[Page], eps: bool) -> Result<Vec<u8>, String> {
    if pages.is_empty() {
        return Err("no pages to write".into());
    }
    if eps && pages.len() != 1 {
        return Err(format!(
            "EPS holds exactly one page, got {} (write PS for multi-page output)",
            pages.len()
        ));
    }
    let expanded: Vec<std::borrow::Cow<'_, Page>> = pages.iter().map(Page::expanded).collect();
    let expanded: Vec<&Page> = expanded.iter().map(|p| &**p).collect();
    let pages: &[&Page] = &expanded;
    for p in pages {
        let ok = |v: f64| v.is_finite() && v > 0.0;
        if !(ok(p.width) && ok(p.height) && ok(p.dpi)) {
            return Err(format!(
                "invalid page {}x{} px at {} dpi",
                p.width, p.height, p.dpi
            ));
        }
    }
    let size_pt = |p: &Page| (p.width * p.pt_per_px(), p.height * p.pt_per_px());
    let (mut bw, mut bh) = (0.0f64, 0.0f64);
    for p in pages {
        let (w, h) = size_pt(p);
        bw = bw.max(w);
        bh = bh.max(h);
    }

    let mut o = PsOut::default();
    o.line(if eps {
        "%!PS-Adobe-3.0 EPSF-3.0"
    } else {
        "%!PS-Adobe-3.0"
    });
    o.line("%%Creator: GR for Rust");
    o.line("%%LanguageLevel: 3");
    o.line("%%DocumentData: Clean7Bit");
    o.line(&format!(
        "%%BoundingBox: 0 0 {} {}",
        bbox_int(bw),
        bbox_int(bh)
    ));
    o.line(&format!(
        "%%HiResBoundingBox: 0 0 {} {}",
        n(bw, PX),
        n(bh, PX)
    ));
    o.line(&format!("%%Pages: {}", pages.len()));
    o.line("%%EndComments");
    o.line("%%BeginProlog");
    o.raw(PROLOG);
    o.line("%%EndProlog");

    o.line("%%BeginSetup");
    o.line("GRdict begin");
    // Every distinct glyph of the document, in order of first use.
    let mut glyphs: HashMap<(FaceId, u16), bool> = HashMap::new();
    for p in pages {
        for op in &p.ops {
            if let DeviceOp::Glyphs { run, .. } = op {
                for g in &run.glyphs {
                    let key = (run.face, g.id);
                    if glyphs.contains_key(&key) {
                        continue;
                    }
                    let ok = match glyph_outline(run.face, g.id) {
                        Some(path) if !path.is_empty() => {
                            o.tok(&format!("/g{}_{} {{", run.face.0, g.id));
                            ps_path(&mut o, &path, FU);
                            o.tok("f} bd");
                            o.nl();
                            true
                        }
                        _ => false,
                    };
                    glyphs.insert(key, ok);
                }
            }
        }
    }
    o.line("%%EndSetup");

    for (i, page) in pages.iter().enumerate() {
        let (w, h) = size_pt(page);
        o.line(&format!("%%Page: {} {}", i + 1, i + 1));
        o.line(&format!(
            "%%PageBoundingBox: 0 0 {} {}",
            bbox_int(w),
            bbox_int(h)
        ));
        o.line("%%BeginPageSetup");
        if !eps {
            o.line(&format!(
                "<< /PageSize [{} {}] >> setpagedevice",
                n(w, PX),
                n(h, PX)
            ));
        }
        o.line("/pgsave save def");
        o.line("%%EndPageSetup");
        PageWriter::new(&mut o, &glyphs).page(page);
        o.line("pgsave restore");
        o.line("showpage");
        o.line("%%PageTrailer");
    }
    o.line("%%Trailer");
    o.line("end");
    o.line("%%EOF");
    Ok(o.s.into_bytes())
}

fn bbox_int(v: f64) -> String {
    // Round up, but tolerate float noise (e.g. 200.00000000001 is 200).
    format!("{}", (v - 1e-6).ceil().max(0.0) as i64)
}

fn n(v: f64, decimals: usize) -> String {
    super::encode::num(v, decimals)
}

/// Line-wrapping PostScript text output.
#[derive(Default)]
struct PsOut {
    s: String,
    col: usize,
    buf: String,
}

impl PsOut {
    /// Appends a token, separated by a space or a line break.
    fn tok(&mut self, t: &str) {
        if self.col > 0 {
            if self.col + 1 + t.len() > LINE {
                self.s.push('\n');
                self.col = 0;
            } else {
                self.s.push(' ');
                self.col += 1;
            }
        }
        self.s.push_str(t);
        self.col += t.len();
    }
    fn num(&mut self, v: f64, decimals: usize) {
        let mut b = std::mem::take(&mut self.buf);
        b.clear();
        push_num(&mut b, v, decimals);
        self.tok(&b);
        self.buf = b;
    }
    /// Ends the current line, if any.
    fn nl(&mut self) {
        if self.col > 0 {
            self.s.push('\n');
            self.col = 0;
        }
    }
    /// Writes a whole line (after ending the current one).
    fn line(&mut self, l: &str) {
        self.nl();
        self.s.push_str(l);
        self.s.push('\n');
    }
    /// Writes text that ends with a newline.
    fn raw(&mut self, t: &str) {
        self.nl();
        self.s.push_str(t);
    }
}

/// Emits path construction operators (`m l c h`); quadratic curves become cubics.
fn ps_path(o: &mut PsOut, path: &Path, dec: usize) {
    let mut cur: Option<(f64, f64)> = None;
    let mut start = (0.0, 0.0);
    for c in &path.cmds {
        match *c {
            PathCmd::MoveTo(x, y) => {
                o.num(x, dec);
                o.num(y, dec);
                o.tok("m");
                cur = Some((x, y));
                start = (x, y);
            }
            PathCmd::LineTo(x, y) => {
                o.num(x, dec);
                o.num(y, dec);
                if cur.is_none() {
                    o.tok("m");
                    start = (x, y);
                } else {
                    o.tok("l");
                }
                cur = Some((x, y));
            }
            PathCmd::QuadTo(qx, qy, x, y) => {
                let (x0, y0) = match cur {
                    Some(p) => p,
                    None => {
                        o.num(qx, dec);
                        o.num(qy, dec);
                        o.tok("m");
                        start = (qx, qy);
                        (qx, qy)
                    }
                };
                let c1 = (x0 + 2.0 / 3.0 * (qx - x0), y0 + 2.0 / 3.0 * (qy - y0));
                let c2 = (x + 2.0 / 3.0 * (qx - x), y + 2.0 / 3.0 * (qy - y));
                for v in [c1.0, c1.1, c2.0, c2.1, x, y] {
                    o.num(v, dec);
                }
                o.tok("c");
                cur = Some((x, y));
            }
            PathCmd::CubicTo(x1, y1, x2, y2, x, y) => {
                if cur.is_none() {
                    o.num(x1, dec);
                    o.num(y1, dec);
                    o.tok("m");
                    start = (x1, y1);
                }
                for v in [x1, y1, x2, y2, x, y] {
                    o.num(v, dec);
                }
                o.tok("c");
                cur = Some((x, y));
            }
            PathCmd::Close => {
                if cur.is_some() {
                    o.tok("h");
                    cur = Some(start);
                }
            }
        }
    }
}

/// A colour composited over white, as 8-bit RGB.
fn over_white(c: Rgba) -> [u8; 3] {
    let a = c.a as u32;
    let mix = |v: u8| ((v as u32 * a + 255 * (255 - a) + 127) / 255) as u8;
    [mix(c.r), mix(c.g), mix(c.b)]
}

/// Graphics state known to be in effect (`None` = unknown).
#[derive(Default)]
struct Known {
    color: Option<[u8; 3]>,
    width: Option<u64>,
    cap: Option<LineCap>,
    join: Option<LineJoin>,
    dash: Option<Vec<u64>>,
}

struct PageWriter<'a> {
    o: &'a mut PsOut,
    glyphs: &'a HashMap<(FaceId, u16), bool>,
    patterns: HashMap<(Vec<u8>, u64), usize>,
    known: Known,
    clip_open: bool,
}

impl<'a> PageWriter<'a> {
    fn new(o: &'a mut PsOut, glyphs: &'a HashMap<(FaceId, u16), bool>) -> Self {
        PageWriter {
            o,
            glyphs,
            patterns: HashMap::new(),
            known: Known::default(),
            clip_open: false,
        }
    }

    fn page(mut self, page: &Page) {
        let s = page.pt_per_px();
        let o = &mut *self.o;
        o.num(0.0, PX);
        o.num(page.height * s, PX);
        o.tok("translate");
        o.num(s, 6);
        o.num(-s, 6);
        o.tok("scale 10 setmiterlimit");
        o.nl();
        // Patterns are made under the page transform, so their cells align with the page.
        for op in &page.ops {
            if let DeviceOp::PatternFill { pattern, .. } = op {
                if drawable_pattern(pattern) {
                    self.define_pattern(pattern);
                }
            }
        }
        if let Some(bg) = page.background {
            if bg.a > 0 {
                self.set_color(bg);
                let o = &mut *self.o;
                o.tok("0 0");
                o.num(page.width, PX);
                o.num(page.height, PX);
                o.tok("re");
                o.nl();
            }
        }
        for op in &page.ops {
            self.op(op);
        }
        if self.clip_open {
            self.o.line("Q");
        }
    }

    fn define_pattern(&mut self, p: &Pattern) {
        let key = (p.rows.clone(), p.cell.to_bits());
        if self.patterns.contains_key(&key) {
            return;
        }
        let id = self.patterns.len();
        self.patterns.insert(key, id);
        let o = &mut *self.o;
        let (tw, th) = (Pattern::WIDTH as f64 * p.cell, p.rows.len() as f64 * p.cell);
        o.tok(&format!(
            "/P{id} << /PatternType 1 /PaintType 2 /TilingType 1 /BBox [0 0"
        ));
        o.num(tw, PX);
        o.num(th, PX);
        o.tok("] /XStep");
        o.num(tw, PX);
        o.tok("/YStep");
        o.num(th, PX);
        // The tile is painted with `imagemask` (one sample per pattern bit, set bits
        // painted): images are sampled at pixel centres, so cells stay exactly one cell
        // wide, where `rectfill` would paint every pixel a cell touches.
        o.tok(&format!("/PaintProc {{pop 8 {} true [", p.rows.len()));
        o.num(1.0 / p.cell, 6);
        o.tok("0 0");
        o.num(1.0 / p.cell, 6);
        let hex: String = p.rows.iter().map(|r| format!("{r:02x}")).collect();
        o.tok(&format!(
            "0 0] <{hex}> imagemask}} >> matrix makepattern def"
        ));
        o.nl();
    }

    fn set_color(&mut self, c: Rgba) {
        let rgb = over_white(c);
        if self.known.color == Some(rgb) {
            return;
        }
        for v in rgb {
            self.o.num(v as f64 / 255.0, 3);
        }
        self.o.tok("rg");
        self.known.color = Some(rgb);
    }

    fn set_stroke(&mut self, s: &StrokeStyle) {
        let width = if s.width.is_finite() && s.width > 0.0 {
            s.width
        } else {
            0.0
        };
        if self.known.width != Some(width.to_bits()) {
            self.o.num(width, PX);
            self.o.tok("w");
            self.known.width = Some(width.to_bits());
        }
        if self.known.cap != Some(s.cap) {
            self.o.tok(match s.cap {
                LineCap::Butt => "0 J",
                LineCap::Round => "1 J",
                LineCap::Square => "2 J",
            });
            self.known.cap = Some(s.cap);
        }
        if self.known.join != Some(s.join) {
            self.o.tok(match s.join {
                LineJoin::Miter => "0 j",
                LineJoin::Round => "1 j",
                LineJoin::Bevel => "2 j",
            });
            self.known.join = Some(s.join);
        }
        let dash = valid_dash(s.dash.as_deref()).unwrap_or(&[]);
        let bits: Vec<u64> = dash.iter().map(|v| v.to_bits()).collect();
        if self.known.dash.as_ref() != Some(&bits) {
            self.o.tok("[");
            for v in dash {
                self.o.num(*v, PX);
            }
            self.o.tok("] 0 d");
            self.known.dash = Some(bits);
        }
    }

    fn op(&mut self, op: &DeviceOp) {
        match op {
            DeviceOp::Instances { ops, positions } => {
                for &(x, y) in positions {
                    for o in ops {
                        self.op(&o.translated(x, y));
                    }
                }
            }
            DeviceOp::Mesh(mesh) => {
                for o in mesh.compact_ops() {
                    self.op(&o);
                }
            }
            DeviceOp::Fill { path, rule, color } => {
                if color.a == 0 || path.is_empty() {
                    return;
                }
                self.set_color(*color);
                ps_path(self.o, path, PX);
                self.o.tok(fill_op(*rule));
                self.o.nl();
            }
            DeviceOp::Stroke { path, style, color } => {
                if color.a == 0 || path.is_empty() {
                    return;
                }
                self.set_color(*color);
                self.set_stroke(style);
                ps_path(self.o, path, PX);
                self.o.tok("S");
                self.o.nl();
            }
            DeviceOp::PatternFill {
                path,
                rule,
                pattern,
                color,
            } => {
                if color.a == 0 || path.is_empty() || !drawable_pattern(pattern) {
                    return;
                }
                let id = self.patterns[&(pattern.rows.clone(), pattern.cell.to_bits())];
                for v in over_white(*color) {
                    self.o.num(v as f64 / 255.0, 3);
                }
                self.o.tok(&format!("P{id} PC"));
                self.known.color = None;
                ps_path(self.o, path, PX);
                self.o.tok(fill_op(*rule));
                self.o.nl();
            }
            DeviceOp::Image(img) => self.image(img),
            DeviceOp::Glyphs { run, color } => {
                if color.a == 0 {
                    return;
                }
                let mut first = true;
                for g in &run.glyphs {
                    if self.glyphs.get(&(run.face, g.id)) != Some(&true) {
                        continue;
                    }
                    if first {
                        self.set_color(*color);
                        first = false;
                    }
                    let t: Affine = run.glyph_transform(g);
                    self.o.tok(&format!("/g{}_{}", run.face.0, g.id));
                    for (i, v) in t.m.iter().enumerate() {
                        self.o.num(*v, if i < 4 { LIN } else { PX });
                    }
                    self.o.tok("G");
                }
                self.o.nl();
            }
            DeviceOp::Clip(rect) => {
                if self.clip_open {
                    self.o.tok("Q");
                    self.clip_open = false;
                    self.known = Known::default();
                }
                if let Some(r) = rect {
                    self.o.tok("q");
                    for v in [r.x0, r.y0, r.width(), r.height()] {
                        self.o.num(v, PX);
                    }
                    self.o.tok("rectclip");
                    self.clip_open = true;
                }
                self.o.nl();
            }
        }
    }

    fn image(&mut self, img: &Image) {
        let (iw, ih) = (img.width as usize, img.height as usize);
        let r = img.rect;
        if iw == 0
            || ih == 0
            || img.rgba.len() != iw * ih * 4
            || !(r.width() > 0.0 && r.height() > 0.0)
        {
            return;
        }
        let masked = img.rgba.chunks_exact(4).any(|p| p[3] == 0);
        let mut data = Vec::with_capacity(iw * ih * if masked { 4 } else { 3 });
        for p in img.rgba.chunks_exact(4) {
            if masked {
                // Mask sample first: 1 (255) = masked out, 0 = painted.
                data.push(if p[3] == 0 { 255 } else { 0 });
            }
            data.extend_from_slice(&over_white(Rgba {
                r: p[0],
                g: p[1],
                b: p[2],
                a: p[3],
            }));
        }
        let z = miniz_oxide::deflate::compress_to_vec_zlib(&data, 6);

        let o = &mut *self.o;
        o.tok("q");
        o.num(r.x0, PX);
        o.num(r.y0, PX);
        o.tok("translate");
        o.num(r.width(), PX);
        o.num(r.height(), PX);
        o.tok("scale /DeviceRGB setcolorspace");
        o.nl();
        let common = format!(
            "/ImageType 1 /Width {iw} /Height {ih} /BitsPerComponent 8 /ImageMatrix [{iw} 0 0 {ih} 0 0]"
        );
        let interp = if img.smooth { "true" } else { "false" };
        if masked {
            o.line(&format!(
                "<< /ImageType 3 /InterleaveType 1 /DataDict << {common} /Decode [0 1 0 1 0 1] \
                 /Interpolate {interp} >>"
            ));
            o.line(&format!(
                "/MaskDict << {common} /Decode [0 1] >> >> dup /DataDict get GRimage"
            ));
        } else {
            o.line(&format!(
                "<< {common} /Decode [0 1 0 1 0 1] /Interpolate {interp} >> dup GRimage"
            ));
        }
        ascii85(&z, &mut o.s);
        o.line("Q");
        self.known = Known::default();
    }
}

fn drawable_pattern(p: &Pattern) -> bool {
    p.cell.is_finite() && p.cell > 0.0 && p.rows.iter().any(|&r| r != 0)
}

fn fill_op(rule: FillRule) -> &'static str {
    match rule {
        FillRule::EvenOdd => "ef",
        FillRule::NonZero => "f",
    }
}

/// Appends `data` as ASCII85 (Adobe, with `z` for zero groups) in lines of at most 76
/// characters, terminated by `~>` and a newline. A line that would start with `%` starts with
/// a space instead, so DSC readers never take data for a comment.
fn ascii85(data: &[u8], out: &mut String) {
    let mut col = 0;
    let mut put = |out: &mut String, ch: char| {
        if col == 0 && ch == '%' {
            out.push(' ');
            col = 1;
        }
        out.push(ch);
        col += 1;
        if col >= 76 {
            out.push('\n');
            col = 0;
        }
    };
    for chunk in data.chunks(4) {
        let mut b = [0u8; 4];
        b[..chunk.len()].copy_from_slice(chunk);
        let mut v = u32::from_be_bytes(b);
        if chunk.len() == 4 && v == 0 {
            put(out, 'z');
            continue;
        }
        let mut enc = [0u8; 5];
        for e in enc.iter_mut().rev() {
            *e = b'!' + (v % 85) as u8;
            v /= 85;
        }
        for &e in &enc[..chunk.len() + 1] {
            put(out, e as char);
        }
    }
    put(out, '~');
    put(out, '>');
    if !out.ends_with('\n') {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::driver::svg::tests::{sample_page, BG, BLUE, GREEN, RED};
    use std::process::Command;

    fn ascii85_decode(s: &str) -> Vec<u8> {
        let mut out = Vec::new();
        let mut group = Vec::new();
        for ch in s.bytes() {
            match ch {
                b'~' => break,
                b'z' if group.is_empty() => out.extend_from_slice(&[0; 4]),
                b'!'..=b'u' => {
                    group.push(ch - b'!');
                    if group.len() == 5 {
                        let v = group.iter().fold(0u32, |v, &d| v * 85 + d as u32);
                        out.extend_from_slice(&v.to_be_bytes());
                        group.clear();
                    }
                }
                _ => {}
            }
        }
        if !group.is_empty() {
            let n = group.len();
            while group.len() < 5 {
                group.push(84);
            }
            let v = group.iter().fold(0u32, |v, &d| v * 85 + d as u32);
            out.extend_from_slice(&v.to_be_bytes()[..n - 1]);
        }
        out
    }

    #[test]
    fn ascii85_round_trips() {
        for data in [
            &b""[..],
            b"a",
            b"ab",
            b"abc",
            b"abcd",
            b"\0\0\0\0\0",
            b"Man is distinguished",
            &[255; 9],
        ] {
            let mut s = String::new();
            ascii85(data, &mut s);
            assert!(s.ends_with("~>\n"), "{s}");
            assert_eq!(ascii85_decode(&s), data, "{s}");
        }
        let mut s = String::new();
        ascii85(b"Man ", &mut s);
        assert_eq!(s, "9jqo^~>\n");
        let big: Vec<u8> = (0..5000u32).map(|i| (i * 7919 % 251) as u8).collect();
        let mut s = String::new();
        ascii85(&big, &mut s);
        assert!(s.lines().all(|l| l.len() <= 77 && !l.starts_with('%')));
        assert_eq!(ascii85_decode(&s), big);
    }

    #[test]
    fn eps_needs_exactly_one_page() {
        let p = sample_page(72.0);
        assert!(write_ps(&[p.clone(), p.clone()], true).is_err());
        assert!(write_ps(&[], false).is_err());
        assert!(write_ps(&[p.clone(), p], false).is_ok());
    }

    #[test]
    fn dsc_structure() {
        let p = sample_page(144.0);
        let ps = String::from_utf8(write_ps(&[p.clone(), p.clone()], false).unwrap()).unwrap();
        assert!(ps.starts_with("%!PS-Adobe-3.0\n"));
        assert!(ps.contains("\n%%BoundingBox: 0 0 150 100\n"));
        assert!(ps.contains("\n%%HiResBoundingBox: 0 0 150 100\n"));
        assert!(ps.contains("\n%%Pages: 2\n"));
        assert!(ps.contains("\n%%Page: 1 1\n") && ps.contains("\n%%Page: 2 2\n"));
        assert_eq!(ps.matches("\nshowpage\n").count(), 2);
        assert!(ps.ends_with("%%EOF\n"));
        assert!(ps.is_ascii());
        assert!(ps.lines().all(|l| l.len() <= 255));
        // Glyph procedures are defined once for the document.
        let a = format!("/g0_{} {{", crate::driver::svg::tests::glyph_id('A'));
        assert_eq!(ps.matches(&a).count(), 1);
        assert_eq!(
            ps,
            String::from_utf8(write_ps(&[p.clone(), p], false).unwrap()).unwrap()
        );

        let eps = String::from_utf8(write_ps(&[sample_page(72.0)], true).unwrap()).unwrap();
        assert!(eps.starts_with("%!PS-Adobe-3.0 EPSF-3.0\n"));
        assert!(eps.contains("\n%%BoundingBox: 0 0 300 200\n"));
        assert!(!eps.contains("setpagedevice"));
    }

    /// Renders PostScript with Ghostscript at `dpi`, one pixmap per page, or `None` if gs is
    /// not installed. With `GKS_PS_DUMP` set, the input and the pages are kept in /tmp.
    fn ghostscript(ps: &[u8], eps: bool, dpi: f64, name: &str) -> Option<Vec<tiny_skia::Pixmap>> {
        if Command::new("gs").arg("--version").output().is_err() {
            println!("ghostscript (gs) not found: skipping PostScript rendering check");
            return None;
        }
        let dir = std::env::temp_dir().join(format!("gks_ps_test_{}_{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let src = dir.join(if eps { "in.eps" } else { "in.ps" });
        std::fs::write(&src, ps).unwrap();
        let mut cmd = Command::new("gs");
        cmd.args(["-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=png16m"]);
        if eps {
            cmd.arg("-dEPSCrop");
        }
        let out = cmd
            .arg(format!("-r{dpi}"))
            .arg(format!("-sOutputFile={}", dir.join("out-%d.png").display()))
            .arg(&src)
            .output()
            .unwrap();
        assert!(
            out.status.success() && out.stdout.is_empty() && out.stderr.is_empty(),
            "gs failed: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let dump = std::env::var_os("GKS_PS_DUMP").is_some();
        if dump {
            std::fs::copy(
                &src,
                format!("/tmp/gks_{name}.{}", if eps { "eps" } else { "ps" }),
            )
            .unwrap();
        }
        let mut pages = Vec::new();
        for i in 1.. {
            let png = dir.join(format!("out-{i}.png"));
            if !png.exists() {
                break;
            }
            if dump {
                std::fs::copy(&png, format!("/tmp/gks_{name}_ps{i}.png")).unwrap();
            }
            pages.push(tiny_skia::Pixmap::load_png(&png).unwrap());
        }
        std::fs::remove_dir_all(&dir).ok();
        Some(pages)
    }

    fn px(pm: &tiny_skia::Pixmap, x: u32, y: u32) -> [u8; 3] {
        let c = pm.pixel(x, y).unwrap();
        [c.red(), c.green(), c.blue()]
    }

    fn rgb(c: Rgba) -> [u8; 3] {
        [c.r, c.g, c.b]
    }

    fn check_sample(pm: &tiny_skia::Pixmap) {
        assert_eq!((pm.width(), pm.height()), (300, 200));
        // Triangle inside / outside.
        assert_eq!(px(pm, 90, 50), rgb(RED));
        assert_eq!(px(pm, 45, 90), rgb(BG));
        // Dashes: 20 on, 10 off from x=20.
        assert_eq!(px(pm, 30, 120), rgb(BLUE));
        assert_eq!(px(pm, 45, 120), rgb(BG));
        assert_eq!(px(pm, 55, 120), rgb(BLUE));
        // Clipped rectangle.
        assert_eq!(px(pm, 200, 60), rgb(GREEN));
        assert_eq!(px(pm, 240, 60), rgb(BG));
        // Pattern: set and unset cells, nothing outside the path.
        assert_eq!(px(pm, 33, 145), rgb(RED));
        assert_eq!(px(pm, 70, 153), rgb(RED));
        assert_eq!(px(pm, 21, 145), rgb(BG));
        assert_eq!(px(pm, 33, 141), rgb(BG));
        assert_eq!(px(pm, 53, 145), rgb(BG));
        assert_eq!(px(pm, 10, 141), rgb(BG));
        assert_eq!(px(pm, 40, 195), rgb(BG));
        for y in 140..190 {
            for x in 20..100 {
                let p = px(pm, x, y);
                assert!(
                    p == rgb(RED) || p == rgb(BG),
                    "pattern pixel {x},{y} = {p:?}"
                );
            }
        }
        // Image quadrants: red, green / blue, transparent (background shows).
        assert_eq!(px(pm, 130, 150), [255, 0, 0]);
        assert_eq!(px(pm, 150, 150), [0, 255, 0]);
        assert_eq!(px(pm, 130, 170), [0, 0, 255]);
        assert_eq!(px(pm, 150, 170), rgb(BG));
        // Glyphs.
        let a_ink = (180..210)
            .flat_map(|x| (150..186).map(move |y| (x, y)))
            .filter(|&(x, y)| px(pm, x, y)[0] < 100)
            .count();
        assert!(a_ink > 100, "A drawn: {a_ink} dark pixels");
        assert_eq!(px(pm, 195, 140), rgb(BG));
        assert!((180..260).all(|x| px(pm, x, 190) == rgb(BG)));
    }

    #[test]
    fn ps_renders_with_ghostscript() {
        let page = sample_page(72.0);
        let ps = write_ps(&[page.clone(), page], false).unwrap();
        if let Some(pages) = ghostscript(&ps, false, 72.0, "sample") {
            assert_eq!(pages.len(), 2);
            for pm in &pages {
                check_sample(pm);
            }
        }
    }

    #[test]
    fn eps_renders_with_ghostscript_at_page_dpi() {
        // 144 dpi: 1 px = 0.5 pt; rendering at 144 dpi gives back device pixels.
        let page = sample_page(144.0);
        let ps = write_ps(&[page], true).unwrap();
        if let Some(pages) = ghostscript(&ps, true, 144.0, "sample_eps") {
            assert_eq!(pages.len(), 1);
            check_sample(&pages[0]);
        }
    }

    #[test]
    fn pages_keep_their_own_size_and_orientation() {
        use crate::geometry::{Path, Rect};
        let mk = |w: f64, h: f64| Page {
            width: w,
            height: h,
            dpi: 72.0,
            background: None,
            ops: vec![DeviceOp::Fill {
                // A marker in the top-left corner.
                path: Path::rect(Rect::new(10.0, 10.0, 50.0, 30.0)),
                rule: FillRule::NonZero,
                color: BLUE,
            }],
        };
        let ps = write_ps(&[mk(300.0, 200.0), mk(200.0, 300.0)], false).unwrap();
        let text = String::from_utf8(ps.clone()).unwrap();
        assert!(text.contains("%%BoundingBox: 0 0 300 300\n"));
        assert!(text.contains("%%PageBoundingBox: 0 0 200 300\n"));
        if let Some(pages) = ghostscript(&ps, false, 72.0, "sizes") {
            assert_eq!(pages.len(), 2);
            assert_eq!((pages[0].width(), pages[0].height()), (300, 200));
            assert_eq!((pages[1].width(), pages[1].height()), (200, 300));
            for pm in &pages {
                assert_eq!(px(pm, 20, 15), rgb(BLUE));
                assert_eq!(px(pm, 20, pm.height() - 15), [255, 255, 255]);
                assert_eq!(px(pm, 60, 15), [255, 255, 255]);
            }
        }
    }

    #[test]
    fn images_map_pixels_exactly_and_composite_alpha_over_white() {
        use crate::device::Image;
        use crate::geometry::{Path, Rect};
        use std::sync::Arc;
        let (w, h) = (64u32, 48u32);
        let mut rgba = Vec::new();
        for y in 0..h {
            for x in 0..w {
                let a = if x >= 60 {
                    0
                } else if y >= 40 {
                    128
                } else {
                    255
                };
                rgba.extend_from_slice(&[(x * 4) as u8, (y * 5) as u8, 100, a]);
            }
        }
        let page = Page {
            width: 100.0,
            height: 80.0,
            dpi: 72.0,
            background: None,
            ops: vec![
                // Something under the transparent columns.
                DeviceOp::Fill {
                    path: Path::rect(Rect::new(0.0, 0.0, 100.0, 80.0)),
                    rule: FillRule::NonZero,
                    color: Rgba::rgb(0, 0, 0),
                },
                DeviceOp::Image(Image {
                    width: w,
                    height: h,
                    rgba: Arc::new(rgba),
                    rect: Rect::new(10.0, 10.0, 74.0, 58.0),
                    smooth: true,
                }),
                // A translucent fill is composited over white.
                DeviceOp::Fill {
                    path: Path::rect(Rect::new(80.0, 60.0, 100.0, 80.0)),
                    rule: FillRule::NonZero,
                    color: Rgba::rgb(255, 0, 0).with_alpha(0.5),
                },
            ],
        };
        let ps = write_ps(&[page], true).unwrap();
        if let Some(pages) = ghostscript(&ps, true, 72.0, "image") {
            let pm = &pages[0];
            for (x, y) in [(0, 0), (5, 7), (59, 39), (31, 20)] {
                assert_eq!(px(pm, 10 + x, 10 + y), [(x * 4) as u8, (y * 5) as u8, 100]);
            }
            // Half alpha: over white.
            let (x, y) = (20u32, 45u32);
            let mix = |v: u32| ((v * 128 + 255 * 127 + 127) / 255) as u8;
            assert_eq!(px(pm, 10 + x, 10 + y), [mix(x * 4), mix(y * 5), mix(100)]);
            // Fully transparent columns show what is below.
            assert_eq!(px(pm, 10 + 62, 10 + 5), [0, 0, 0]);
            assert_eq!(px(pm, 90, 70), [255, 127, 127]);
        }
    }

    #[test]
    fn demo_page_renders_with_ghostscript() {
        let page = crate::driver::svg::tests::demo_page();
        let ps = write_ps(&[page], false).unwrap();
        if let Some(pages) = ghostscript(&ps, false, 100.0, "demo") {
            let pm = &pages[0];
            assert_eq!((pm.width(), pm.height()), (400, 260));
            // Overlap of two 50 % ellipses: without alpha, the later one wins.
            assert_eq!(px(pm, 280, 90), [255, 127, 127]);
            assert!((180..240).any(|y| (20..40).any(|x| px(pm, x, y)[1] < 100)));
            assert!((10..60).all(|y| (171..200).all(|x| px(pm, x, y) == [255, 255, 255])));
        }
    }

    #[test]
    fn translucent_colour_is_composited_over_white() {
        assert_eq!(
            over_white(Rgba::rgb(255, 0, 0).with_alpha(0.5)),
            [255, 127, 127]
        );
        assert_eq!(over_white(Rgba::rgb(1, 2, 3)), [1, 2, 3]);
        assert_eq!(
            over_white(Rgba {
                r: 0,
                g: 0,
                b: 0,
                a: 0
            }),
            [255, 255, 255]
        );
    }
}
