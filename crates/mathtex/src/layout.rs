//! TeX math layout (TeXbook Appendix G) on the OpenType MATH table of New Computer Modern Math.

use std::cell::Cell;

use gks::font::{self, FaceId, MATH};
use gks::geometry::Rect;
use ttf_parser::math::{Constants, GlyphInfo, MathValue, Variants};
use ttf_parser::GlyphId;

use crate::alphabet::map_char;
use crate::{Class, FontStyle, Node};

mod stack;
mod stretch;

/// One positioned glyph of a laid-out formula.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MathGlyph {
    /// The face (normally [`gks::font::MATH`]).
    pub face: FaceId,
    /// Glyph id in the face.
    pub id: u16,
    /// Origin x in pixels from the formula start.
    pub x: f64,
    /// Baseline offset in pixels (y up).
    pub y: f64,
    /// Em size in pixels.
    pub size: f64,
    /// The character the glyph stands for.
    pub ch: char,
}

/// A laid-out formula: glyphs and filled rectangles (fraction bars, radical overbars) relative
/// to the origin on the baseline at the formula start, y up, in pixels.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MathLayout {
    /// The glyphs.
    pub glyphs: Vec<MathGlyph>,
    /// Filled rectangles.
    pub rules: Vec<Rect>,
    /// Advance width.
    pub width: f64,
    /// Extent above the baseline.
    pub ascent: f64,
    /// Extent below the baseline (positive).
    pub descent: f64,
}

/// Why a formula could not be laid out.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LayoutError {
    /// The em size is not a positive finite number.
    #[error("invalid font size {0}")]
    InvalidSize(f64),
    /// The math face has no usable MATH table.
    #[error("the math font has no MATH constants")]
    NoMathTable,
    /// The result contains non-finite coordinates.
    #[error("layout produced non-finite coordinates")]
    NonFinite,
}

/// Lays out `nodes` in display style at an em size of `size_px` pixels.
pub fn layout(nodes: &[Node], size_px: f64) -> Result<MathLayout, LayoutError> {
    layout_with(nodes, size_px, true)
}

/// Lays out `nodes` at `size_px`, in display style (`true`: big operators with limits,
/// full-size fractions) or text style.
pub fn layout_with(nodes: &[Node], size_px: f64, display: bool) -> Result<MathLayout, LayoutError> {
    if !(size_px.is_finite() && size_px > 0.0) {
        return Err(LayoutError::InvalidSize(size_px));
    }
    let math = font::face(MATH)
        .tables()
        .math
        .ok_or(LayoutError::NoMathTable)?;
    let ctx = Ctx {
        c: math.constants.ok_or(LayoutError::NoMathTable)?,
        info: math.glyph_info,
        var: math.variants,
        upe: font::units_per_em(MATH),
        size: size_px,
        middle: Cell::new(0.0),
        relayouts: Cell::new(0),
    };
    let st = St {
        level: if display { 0 } else { 1 },
        cramped: false,
    };
    let b = ctx.hlist(nodes, st, None);
    let out = MathLayout {
        width: b.w,
        ascent: b.h.max(0.0),
        descent: b.d.max(0.0),
        glyphs: b.glyphs,
        rules: b.rules,
    };
    let finite = out.width.is_finite()
        && out.ascent.is_finite()
        && out.descent.is_finite()
        && out
            .glyphs
            .iter()
            .all(|g| g.x.is_finite() && g.y.is_finite() && g.size.is_finite())
        && out
            .rules
            .iter()
            .all(|r| [r.x0, r.y0, r.x1, r.y1].iter().all(|v| v.is_finite()));
    if !finite {
        return Err(LayoutError::NonFinite);
    }
    Ok(out)
}

/// A TeX style: 0 = display, 1 = text, 2 = script, 3 = scriptscript; plus crampedness.
#[derive(Debug, Clone, Copy, PartialEq)]
struct St {
    level: u8,
    cramped: bool,
}

impl St {
    fn sup(self) -> St {
        St {
            level: if self.level < 2 { 2 } else { 3 },
            cramped: self.cramped,
        }
    }
    fn sub(self) -> St {
        St {
            cramped: true,
            ..self.sup()
        }
    }
    fn num(self) -> St {
        St {
            level: (self.level + 1).min(3),
            cramped: self.cramped,
        }
    }
    fn den(self) -> St {
        St {
            cramped: true,
            ..self.num()
        }
    }
    fn cramp(self) -> St {
        St {
            cramped: true,
            ..self
        }
    }
    fn display(self) -> bool {
        self.level == 0
    }
    fn script(self) -> bool {
        self.level >= 2
    }
}

/// A box under construction: origin on the baseline at the left edge.
#[derive(Debug, Clone, Default)]
struct MBox {
    w: f64,
    h: f64,
    d: f64,
    italic: f64,
    glyphs: Vec<MathGlyph>,
    rules: Vec<Rect>,
}

impl MBox {
    /// Copies `o`'s contents moved by (dx, dy) without touching the metrics.
    fn place(&mut self, o: &MBox, dx: f64, dy: f64) {
        self.glyphs.extend(o.glyphs.iter().map(|g| MathGlyph {
            x: g.x + dx,
            y: g.y + dy,
            ..*g
        }));
        self.rules.extend(
            o.rules
                .iter()
                .map(|r| Rect::new(r.x0 + dx, r.y0 + dy, r.x1 + dx, r.y1 + dy)),
        );
    }
    /// Appends `o` at the right end, raised by `dy`.
    fn push(&mut self, o: &MBox, dy: f64) {
        self.place(o, self.w, dy);
        self.h = self.h.max(o.h + dy);
        self.d = self.d.max(o.d - dy);
        self.w += o.w;
    }
    fn rule(&mut self, x0: f64, y0: f64, x1: f64, y1: f64) {
        self.rules.push(Rect::new(x0, y0, x1, y1));
    }
    fn single_glyph(&self) -> Option<MathGlyph> {
        (self.glyphs.len() == 1 && self.rules.is_empty()).then(|| self.glyphs[0])
    }
}

struct Ctx {
    c: Constants<'static>,
    info: Option<GlyphInfo<'static>>,
    var: Option<Variants<'static>>,
    upe: f64,
    size: f64,
    /// Height of the `\middle` delimiters of the `\left…\right` group being laid out
    /// (0: their natural size).
    middle: Cell<f64>,
    /// Nesting of `\left…\right` groups with `\middle` being laid out.
    relayouts: Cell<u32>,
}

/// The horizontal ink extent of a box's glyphs (its advance if it has none).
fn ink_x(b: &MBox) -> (f64, f64) {
    let mut x0 = f64::INFINITY;
    let mut x1 = f64::NEG_INFINITY;
    for g in &b.glyphs {
        if let Some(r) = font::glyph_bounds(g.face, g.id) {
            let s = g.size / font::units_per_em(g.face);
            x0 = x0.min(g.x + r.x0 * s);
            x1 = x1.max(g.x + r.x1 * s);
        }
    }
    if x0 > x1 {
        (0.0, b.w)
    } else {
        (x0, x1)
    }
}

/// A corner of a glyph for MATH kerning.
#[derive(Clone, Copy)]
enum Corner {
    TopRight,
    BottomRight,
}

/// TeX's inter-atom spacing (TeXbook p. 170): 1 thin, 2 medium, 3 thick; negative = only
/// in display and text styles. Rows: left class, columns: right class, in the order Ord Op
/// Bin Rel Open Close Punct Inner.
const SPACING: [[i8; 8]; 8] = [
    [0, 1, -2, -3, 0, 0, 0, -1],
    [1, 1, 0, -3, 0, 0, 0, -1],
    [-2, -2, 0, 0, -2, 0, 0, -2],
    [-3, -3, 0, 0, -3, 0, 0, -3],
    [0, 0, 0, 0, 0, 0, 0, 0],
    [0, 1, -2, -3, 0, 0, 0, -1],
    [-1, -1, 0, -1, -1, -1, -1, -1],
    [-1, 1, -2, -3, -1, 0, -1, -1],
];

fn class_index(c: Class) -> usize {
    match c {
        Class::Ord => 0,
        Class::Op => 1,
        Class::Bin => 2,
        Class::Rel => 3,
        Class::Open => 4,
        Class::Close => 5,
        Class::Punct => 6,
        Class::Inner => 7,
    }
}

impl Ctx {
    /// Em size of a style in pixels.
    fn em(&self, st: St) -> f64 {
        let pct = match st.level {
            0 | 1 => 100,
            2 => self.c.script_percent_scale_down(),
            _ => self.c.script_script_percent_scale_down(),
        };
        let pct = if pct <= 0 { 100 } else { pct };
        self.size * pct as f64 / 100.0
    }

    /// A MATH constant in pixels for style `st`.
    fn k(&self, v: MathValue, st: St) -> f64 {
        v.value as f64 * self.em(st) / self.upe
    }

    fn glyph_box(&self, face: FaceId, gid: u16, ch: char, size: f64) -> MBox {
        let s = size / font::units_per_em(face);
        let (h, d) = match font::glyph_bounds(face, gid) {
            Some(r) => (r.y1 * s, -r.y0 * s),
            None => (0.0, 0.0),
        };
        let italic = if face == MATH {
            self.info
                .and_then(|i| i.italic_corrections)
                .and_then(|ic| ic.get(GlyphId(gid)))
                .map_or(0.0, |v| v.value as f64 * s)
        } else {
            0.0
        };
        MBox {
            w: font::glyph_advance(face, gid) * s,
            h,
            d,
            italic,
            glyphs: vec![MathGlyph {
                face,
                id: gid,
                x: 0.0,
                y: 0.0,
                size,
                ch,
            }],
            rules: Vec::new(),
        }
    }

    /// The MATH kern of glyph `g` at `corner` for a correction height `height` (px above
    /// the glyph's baseline), in px (negative = cut-in).
    fn math_kern(&self, g: MathGlyph, corner: Corner, height: f64) -> f64 {
        if g.face != MATH {
            return 0.0;
        }
        let Some(info) = self
            .info
            .and_then(|i| i.kern_infos)
            .and_then(|k| k.get(GlyphId(g.id)))
        else {
            return 0.0;
        };
        let kern = match corner {
            Corner::TopRight => info.top_right,
            Corner::BottomRight => info.bottom_right,
        };
        let Some(kern) = kern else { return 0.0 };
        let s = g.size / self.upe;
        let h = (height - g.y) / s;
        let mut i = 0;
        while i < kern.count() && kern.height(i).is_some_and(|v| h >= v.value as f64) {
            i += 1;
        }
        kern.kern(i).map_or(0.0, |v| v.value as f64 * s)
    }

    /// A character box (math font first, then text fallbacks); an empty box if no face has it.
    fn char_box(&self, ch: char, st: St) -> MBox {
        let size = self.em(st);
        for face in [MATH, font::SERIF, font::SANS] {
            if let Some(gid) = font::glyph_index(face, ch) {
                return self.glyph_box(face, gid, ch, size);
            }
        }
        MBox::default()
    }

    fn axis(&self, st: St) -> f64 {
        self.k(self.c.axis_height(), st)
    }

    fn hlist(&self, nodes: &[Node], st: St, fs: Option<FontStyle>) -> MBox {
        let mut atoms: Vec<(Option<Class>, MBox)> = Vec::with_capacity(nodes.len());
        for n in nodes {
            if let (Node::Char { ch: '\u{338}', .. }, Some((_, prev))) = (n, atoms.last_mut()) {
                // `\not`: the long solidus centred on the previous symbol's ink.
                let slash = self.char_box('\u{338}', st);
                let (px0, px1) = ink_x(prev);
                let (sx0, sx1) = ink_x(&slash);
                prev.place(&slash, (px0 + px1 - sx0 - sx1) / 2.0, 0.0);
                prev.h = prev.h.max(slash.h);
                prev.d = prev.d.max(slash.d);
                continue;
            }
            let (class, mut b) = self.node(n, st, fs);
            // Italic correction after a character (scripts handle their own).
            if matches!(n, Node::Char { .. } | Node::Style { .. }) {
                b.w += b.italic;
                b.italic = 0.0;
            }
            atoms.push((class, b));
        }
        // Rule 5/6: binary operators in the wrong place become ordinary.
        let mut prev: Option<usize> = None;
        for i in 0..atoms.len() {
            let Some(c) = atoms[i].0 else { continue };
            let pc = prev.and_then(|p| atoms[p].0);
            if c == Class::Bin
                && matches!(
                    pc,
                    None | Some(Class::Bin | Class::Op | Class::Rel | Class::Open | Class::Punct)
                )
            {
                atoms[i].0 = Some(Class::Ord);
            }
            if matches!(c, Class::Rel | Class::Close | Class::Punct) && pc == Some(Class::Bin) {
                if let Some(p) = prev {
                    atoms[p].0 = Some(Class::Ord);
                }
            }
            prev = Some(i);
        }
        if let Some(p) = prev {
            if atoms[p].0 == Some(Class::Bin) {
                atoms[p].0 = Some(Class::Ord);
            }
        }
        let mu = self.em(st) / 18.0;
        let mut out = MBox::default();
        let mut last: Option<Class> = None;
        let n = atoms.len();
        for (i, (class, b)) in atoms.into_iter().enumerate() {
            if let (Some(l), Some(r)) = (last, class) {
                let s = SPACING[class_index(l)][class_index(r)];
                if s > 0 || (s < 0 && !st.script()) {
                    out.w += mu * [0.0, 3.0, 4.0, 5.0][s.unsigned_abs() as usize];
                }
            }
            out.push(&b, 0.0);
            if i + 1 == n {
                out.italic = b.italic;
            }
            if class.is_some() {
                last = class;
            }
        }
        out
    }

    fn node(&self, n: &Node, st: St, fs: Option<FontStyle>) -> (Option<Class>, MBox) {
        match n {
            Node::Char { ch, class } => (Some(*class), self.char_box(map_char(*ch, fs), st)),
            Node::Group(v) => (Some(Class::Ord), self.hlist(v, st, fs)),
            Node::Style { style, body } => (Some(Class::Ord), self.hlist(body, st, Some(*style))),
            Node::Space(em) => {
                let b = MBox {
                    w: em * self.em(st),
                    ..MBox::default()
                };
                (None, b)
            }
            Node::Text(s) => (Some(Class::Ord), self.upright(s, st)),
            Node::Function { name, .. } => (Some(Class::Op), self.upright(name, st)),
            Node::BigOp { ch, .. } => (Some(Class::Op), self.big_op(*ch, st)),
            Node::Scripts { base, sup, sub } => {
                let (class, mut b) = self.node(base, st, fs);
                let kern_glyph = b
                    .single_glyph()
                    .filter(|_| matches!(**base, Node::Char { .. }));
                // Primes are already raised glyphs in Unicode math fonts: set them at the
                // nucleus size on the baseline; the rest of the superscript follows them.
                let primes = sup.as_ref().map_or(0, |s| {
                    s.iter()
                        .take_while(|n| matches!(n, Node::Char { ch: '′', .. }))
                        .count()
                });
                let sup = match sup {
                    Some(s) if primes > 0 => {
                        let mut nb = MBox::default();
                        nb.push(&b, 0.0);
                        nb.w += b.italic;
                        nb.push(&self.hlist(&s[..primes], st, fs), 0.0);
                        b = nb;
                        (s.len() > primes).then(|| s[primes..].to_vec())
                    }
                    other => other.clone(),
                };
                let limits = (st.display()
                    && matches!(
                        **base,
                        Node::BigOp { limits: true, .. } | Node::Function { limits: true, .. }
                    ))
                    || matches!(**base, Node::Brace { .. });
                // Rule 18a: only a character nucleus keeps u = v = 0 (a big operator is a box).
                let is_char = matches!(**base, Node::Char { .. });
                let is_op = matches!(**base, Node::BigOp { .. });
                let kern_glyph = kern_glyph.filter(|_| primes == 0);
                let sup = sup.as_ref().map(|s| self.hlist(s, st.sup(), fs));
                let sub = sub.as_ref().map(|s| self.hlist(s, st.sub(), fs));
                let b = if limits {
                    self.limits(b, sup, sub, st)
                } else {
                    self.scripts(b, sup, sub, st, (is_char, is_op), kern_glyph)
                };
                (class, b)
            }
            Node::Frac { kind, num, den } => {
                (Some(Class::Inner), self.frac(*kind, num, den, st, fs))
            }
            Node::Sqrt { index, body } => {
                (Some(Class::Ord), self.sqrt(index.as_deref(), body, st, fs))
            }
            Node::Delimited { left, body, right } => {
                let outer = self.middle.replace(0.0);
                let has_middle = body.iter().any(|n| matches!(n, Node::Middle(_)));
                let level = self.relayouts.get();
                if has_middle {
                    self.relayouts.set(level + 1);
                }
                let mut b = self.hlist(body, st, fs);
                // The middles take the size the pair gets from the rest of the body: a
                // second pass, for the 3 outermost such groups (each level doubles the work).
                if has_middle && level < 3 {
                    self.middle.set(self.delim_target(&b, st));
                    b = self.hlist(body, st, fs);
                }
                self.relayouts.set(level);
                self.middle.set(outer);
                (Some(Class::Inner), self.delimited(*left, b, *right, st))
            }
            Node::Middle(d) => {
                let target = self.middle.get();
                let b = d.map_or_else(MBox::default, |c| self.delim(c, target, st));
                (Some(Class::Ord), b)
            }
            Node::Stack {
                base,
                over,
                under,
                class,
            } => {
                let b = self.hlist(base, st, fs);
                let over = over.as_ref().map(|o| self.hlist(o, st.sup(), fs));
                let under = under.as_ref().map(|u| self.hlist(u, st.sub(), fs));
                (Some(*class), self.limits(b, over, under, st))
            }
            Node::Brace { over, body } => (Some(Class::Op), self.brace(*over, body, st, fs)),
            Node::BigDelim { ch, size, class } => {
                let target =
                    [1.08, 1.62, 2.16, 2.7][(*size as usize).clamp(1, 4) - 1] * self.em(st);
                let b = ch.map_or_else(MBox::default, |c| self.delim(c, target, st));
                (Some(*class), b)
            }
            Node::Accent { accent, wide, body } => {
                (Some(Class::Ord), self.accent(*accent, *wide, body, st, fs))
            }
            Node::Overline(body) => {
                let b = self.hlist(body, st.cramp(), fs);
                let t = self.k(self.c.overbar_rule_thickness(), st);
                let gap = self.k(self.c.overbar_vertical_gap(), st);
                let extra = self.k(self.c.overbar_extra_ascender(), st);
                let mut out = b.clone();
                out.glyphs.clear();
                out.rules.clear();
                out.place(&b, 0.0, 0.0);
                let y = b.h.max(0.0) + gap;
                out.rule(0.0, y, b.w, y + t);
                out.h = y + t + extra;
                (Some(Class::Ord), out)
            }
            Node::Underline(body) => {
                let b = self.hlist(body, st, fs);
                let t = self.k(self.c.underbar_rule_thickness(), st);
                let gap = self.k(self.c.underbar_vertical_gap(), st);
                let extra = self.k(self.c.underbar_extra_descender(), st);
                let mut out = b.clone();
                let y = -(b.d.max(0.0) + gap);
                out.rule(0.0, y - t, b.w, y);
                out.d = -y + t + extra;
                (Some(Class::Ord), out)
            }
        }
    }

    /// Upright text (function names, `\text`).
    fn upright(&self, s: &str, st: St) -> MBox {
        let mut out = MBox::default();
        for ch in s.chars() {
            if ch == ' ' {
                out.w += self.em(st) / 3.0;
                continue;
            }
            let b = self.char_box(ch, st);
            out.push(&b, 0.0);
        }
        out
    }

    fn big_op(&self, ch: char, st: St) -> MBox {
        let Some(gid) = font::glyph_index(MATH, ch) else {
            return self.char_box(ch, st);
        };
        let mut g = gid;
        if st.display() {
            let min = self.c.display_operator_min_height() as f64;
            if let Some(cons) = self
                .var
                .and_then(|v| v.vertical_constructions.get(GlyphId(gid)))
            {
                let mut best = gid;
                for v in cons.variants {
                    best = v.variant_glyph.0;
                    if v.advance_measurement as f64 >= min {
                        break;
                    }
                }
                g = best;
            }
        }
        let mut b = self.glyph_box(MATH, g, ch, self.em(st));
        // Rule 13: centre on the axis.
        let shift = (b.h - b.d) / 2.0 - self.axis(st);
        let mut out = b.clone();
        out.glyphs.clear();
        out.place(&b, 0.0, -shift);
        out.h = b.h - shift;
        out.d = b.d + shift;
        b.glyphs.clear();
        out
    }

    /// Rule 18 (OpenType form): attach scripts beside the nucleus.
    fn scripts(
        &self,
        b: MBox,
        sup: Option<MBox>,
        sub: Option<MBox>,
        st: St,
        (is_char, is_op): (bool, bool),
        kern_glyph: Option<MathGlyph>,
    ) -> MBox {
        let c = &self.c;
        // The drops are parameters of the script style (as TeX takes them from the script
        // font).
        let mut u = if is_char {
            0.0
        } else {
            b.h - self.k(c.superscript_baseline_drop_max(), st.sup())
        };
        let mut v = if is_char {
            0.0
        } else {
            b.d + self.k(c.subscript_baseline_drop_min(), st.sub())
        };
        if let Some(p) = &sup {
            let shift = if st.cramped {
                c.superscript_shift_up_cramped()
            } else {
                c.superscript_shift_up()
            };
            u = u
                .max(self.k(shift, st))
                .max(p.d + self.k(c.superscript_bottom_min(), st));
        }
        match (&sup, &sub) {
            (None, Some(s)) => {
                v = v
                    .max(self.k(c.subscript_shift_down(), st))
                    .max(s.h - self.k(c.subscript_top_max(), st));
            }
            (Some(p), Some(s)) => {
                v = v.max(self.k(c.subscript_shift_down(), st));
                let gap = (u - p.d) - (s.h - v);
                let min = self.k(c.sub_superscript_gap_min(), st);
                if gap < min {
                    v += min - gap;
                }
                let psi = self.k(c.superscript_bottom_max_with_subscript(), st) - (u - p.d);
                if psi > 0.0 {
                    u += psi;
                    v -= psi;
                }
            }
            _ => {}
        }
        let (mut sup_x, mut sub_x) = if is_op {
            (b.w, b.w - b.italic)
        } else {
            (b.w + b.italic, b.w)
        };
        // MATH kerning: cut-ins at the corners of a single-glyph nucleus, measured at the
        // bottom of the superscript and at the top of the subscript.
        if let Some(g) = kern_glyph {
            if let Some(p) = &sup {
                sup_x += self.math_kern(g, Corner::TopRight, u - p.d);
            }
            if let Some(sb) = &sub {
                sub_x += self.math_kern(g, Corner::BottomRight, sb.h - v);
            }
        }
        let mut out = b.clone();
        out.italic = 0.0;
        let mut right = b.w;
        if let Some(p) = &sup {
            out.place(p, sup_x, u);
            out.h = out.h.max(u + p.h);
            right = right.max(sup_x + p.w);
        }
        if let Some(s) = &sub {
            out.place(s, sub_x, -v);
            out.d = out.d.max(v + s.d);
            right = right.max(sub_x + s.w);
        }
        out.w = right + self.k(c.space_after_script(), st);
        out
    }

    /// Rule 13a: limits above and below.
    fn limits(&self, b: MBox, sup: Option<MBox>, sub: Option<MBox>, st: St) -> MBox {
        let c = &self.c;
        let w = [Some(&b), sup.as_ref(), sub.as_ref()]
            .iter()
            .flatten()
            .map(|x| x.w)
            .fold(0.0, f64::max);
        let mut out = MBox {
            w,
            h: b.h,
            d: b.d,
            ..MBox::default()
        };
        out.place(&b, (w - b.w) / 2.0, 0.0);
        if let Some(p) = &sup {
            let y = b.h
                + (self.k(c.upper_limit_gap_min(), st) + p.d)
                    .max(self.k(c.upper_limit_baseline_rise_min(), st));
            out.place(p, (w - p.w) / 2.0 + b.italic / 2.0, y);
            out.h = y + p.h;
        }
        if let Some(s) = &sub {
            let y = b.d
                + (self.k(c.lower_limit_gap_min(), st) + s.h)
                    .max(self.k(c.lower_limit_baseline_drop_min(), st));
            out.place(s, (w - s.w) / 2.0 - b.italic / 2.0, -y);
            out.d = y + s.d;
        }
        out
    }
}
