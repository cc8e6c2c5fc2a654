//! TeX math layout (TeXbook Appendix G) on the OpenType MATH table of New Computer Modern Math.

use gks::font::{self, FaceId, MATH};
use gks::geometry::Rect;
use ttf_parser::math::{Constants, GlyphInfo, MathValue, Variants};
use ttf_parser::GlyphId;

use crate::{Class, FontStyle, FracKind, Node};

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
                let limits = st.display()
                    && matches!(
                        **base,
                        Node::BigOp { limits: true, .. } | Node::Function { limits: true, .. }
                    );
                let is_char = matches!(**base, Node::Char { .. } | Node::BigOp { .. });
                let is_op = matches!(**base, Node::BigOp { .. });
                let sup = sup.as_ref().map(|s| self.hlist(s, st.sup(), fs));
                let sub = sub.as_ref().map(|s| self.hlist(s, st.sub(), fs));
                let b = if limits {
                    self.limits(b, sup, sub, st)
                } else {
                    self.scripts(b, sup, sub, st, is_char, is_op)
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
                let b = self.hlist(body, st, fs);
                (Some(Class::Inner), self.delimited(*left, b, *right, st))
            }
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
        is_char: bool,
        is_op: bool,
    ) -> MBox {
        let c = &self.c;
        let mut u = if is_char {
            0.0
        } else {
            b.h - self.k(c.superscript_baseline_drop_max(), st)
        };
        let mut v = if is_char {
            0.0
        } else {
            b.d + self.k(c.subscript_baseline_drop_min(), st)
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
        let (sup_x, sub_x) = if is_op {
            (b.w, b.w - b.italic)
        } else {
            (b.w + b.italic, b.w)
        };
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

    /// Rule 15: fractions and binomials.
    fn frac(
        &self,
        kind: FracKind,
        num: &[Node],
        den: &[Node],
        st: St,
        fs: Option<FontStyle>,
    ) -> MBox {
        let st = match kind {
            FracKind::Dfrac => St { level: 0, ..st },
            FracKind::Tfrac => St {
                level: st.level.max(1),
                ..st
            },
            _ => st,
        };
        let disp = st.display();
        let c = &self.c;
        let n = self.hlist(num, st.num(), fs);
        let d = self.hlist(den, st.den(), fs);
        let axis = self.axis(st);
        let (mut u, mut v);
        let mut rule = None;
        if kind == FracKind::Binom {
            u = self.k(
                if disp {
                    c.stack_top_display_style_shift_up()
                } else {
                    c.stack_top_shift_up()
                },
                st,
            );
            v = self.k(
                if disp {
                    c.stack_bottom_display_style_shift_down()
                } else {
                    c.stack_bottom_shift_down()
                },
                st,
            );
            let gap = self.k(
                if disp {
                    c.stack_display_style_gap_min()
                } else {
                    c.stack_gap_min()
                },
                st,
            );
            let clear = (u - n.d) - (d.h - v);
            if clear < gap {
                u += (gap - clear) / 2.0;
                v += (gap - clear) / 2.0;
            }
        } else {
            let t = self.k(c.fraction_rule_thickness(), st);
            u = self.k(
                if disp {
                    c.fraction_numerator_display_style_shift_up()
                } else {
                    c.fraction_numerator_shift_up()
                },
                st,
            );
            v = self.k(
                if disp {
                    c.fraction_denominator_display_style_shift_down()
                } else {
                    c.fraction_denominator_shift_down()
                },
                st,
            );
            let gn = self.k(
                if disp {
                    c.fraction_num_display_style_gap_min()
                } else {
                    c.fraction_numerator_gap_min()
                },
                st,
            );
            let gd = self.k(
                if disp {
                    c.fraction_denom_display_style_gap_min()
                } else {
                    c.fraction_denominator_gap_min()
                },
                st,
            );
            if (u - n.d) - (axis + t / 2.0) < gn {
                u = axis + t / 2.0 + gn + n.d;
            }
            if (axis - t / 2.0) - (d.h - v) < gd {
                v = gd + d.h - axis + t / 2.0;
            }
            rule = Some(t);
        }
        let pad = if rule.is_some() {
            0.12 * self.em(st)
        } else {
            0.0
        };
        let w = n.w.max(d.w);
        let mut out = MBox {
            w: w + 2.0 * pad,
            h: u + n.h,
            d: v + d.d,
            ..MBox::default()
        };
        out.place(&n, pad + (w - n.w) / 2.0, u);
        out.place(&d, pad + (w - d.w) / 2.0, -v);
        if let Some(t) = rule {
            out.rule(pad, axis - t / 2.0, pad + w, axis + t / 2.0);
            out.h = out.h.max(axis + t / 2.0);
            out.d = out.d.max(t / 2.0 - axis);
        }
        if kind == FracKind::Binom {
            return self.delimited(Some('('), out, Some(')'), st);
        }
        out
    }

    /// Rule 19: `\left…\right` around a box.
    fn delimited(&self, left: Option<char>, body: MBox, right: Option<char>, st: St) -> MBox {
        let axis = self.axis(st);
        let delta = (body.h - axis).max(body.d + axis);
        let target = (delta * 2.0 * 0.901).max(2.0 * delta - 0.5 * self.em(st));
        let mut out = MBox::default();
        let null = 0.12 * self.em(st);
        match left {
            Some(c) => out.push(&self.delim(c, target, st), 0.0),
            None => out.w += null,
        }
        out.push(&body, 0.0);
        match right {
            Some(c) => out.push(&self.delim(c, target, st), 0.0),
            None => out.w += null,
        }
        out
    }

    /// A delimiter at least `target` px tall, centred on the axis.
    fn delim(&self, ch: char, target: f64, st: St) -> MBox {
        let b = self.vglyph(ch, target, st);
        let shift = (b.h - b.d) / 2.0 - self.axis(st);
        let mut out = MBox {
            w: b.w,
            h: b.h - shift,
            d: b.d + shift,
            ..MBox::default()
        };
        out.place(&b, 0.0, -shift);
        out
    }

    /// A vertically growing glyph at least `target` px tall (h + d): a size variant, a glyph
    /// assembly, or as a last resort the largest variant scaled up.
    fn vglyph(&self, ch: char, target: f64, st: St) -> MBox {
        let size = self.em(st);
        let Some(gid) = font::glyph_index(MATH, ch) else {
            return self.char_box(ch, st);
        };
        let base = self.glyph_box(MATH, gid, ch, size);
        if base.h + base.d >= target {
            return base;
        }
        let s = size / self.upe;
        let Some(var) = self.var else {
            return self.scaled(base, gid, ch, target, size);
        };
        let Some(cons) = var.vertical_constructions.get(GlyphId(gid)) else {
            return self.scaled(base, gid, ch, target, size);
        };
        let mut largest = (gid, base);
        for v in cons.variants {
            let b = self.glyph_box(MATH, v.variant_glyph.0, ch, size);
            if b.h + b.d >= target {
                return b;
            }
            largest = (v.variant_glyph.0, b);
        }
        if let Some(asm) = cons.assembly {
            let parts: Vec<_> = asm.parts.into_iter().collect();
            if !parts.is_empty() && parts.iter().any(|p| p.part_flags.extender()) {
                let min_ov = var.min_connector_overlap as f64 * s;
                let mut reps = 0usize;
                let count = |reps: usize| {
                    parts
                        .iter()
                        .map(|p| if p.part_flags.extender() { reps } else { 1 })
                        .sum::<usize>()
                };
                let total = |reps: usize| {
                    let sum: f64 = parts
                        .iter()
                        .map(|p| {
                            p.full_advance as f64
                                * s
                                * if p.part_flags.extender() {
                                    reps as f64
                                } else {
                                    1.0
                                }
                        })
                        .sum();
                    sum - (count(reps).saturating_sub(1)) as f64 * min_ov
                };
                while total(reps) < target && reps < 200 {
                    reps += 1;
                }
                // Spread the surplus over the joints (never below the minimal overlap).
                let joints = count(reps).saturating_sub(1).max(1) as f64;
                let max_ov = parts
                    .iter()
                    .map(|p| p.start_connector_length.min(p.end_connector_length) as f64 * s)
                    .fold(f64::INFINITY, f64::min)
                    .max(min_ov);
                let ov = (min_ov + (total(reps) - target).max(0.0) / joints).min(max_ov);
                let mut out = MBox::default();
                let mut y = 0.0;
                for p in &parts {
                    let n = if p.part_flags.extender() { reps } else { 1 };
                    for _ in 0..n {
                        let g = self.glyph_box(MATH, p.glyph_id.0, ch, size);
                        // Part glyphs are drawn on the baseline; stack their advances.
                        let bottom =
                            font::glyph_bounds(MATH, p.glyph_id.0).map_or(0.0, |r| r.y0 * s);
                        out.place(&g, 0.0, y - bottom);
                        out.w = out.w.max(g.w);
                        y += p.full_advance as f64 * s - ov;
                    }
                }
                let height = y + ov;
                out.h = height;
                out.d = 0.0;
                return out;
            }
        }
        let (g, b) = largest;
        self.scaled(b, g, ch, target, size)
    }

    fn scaled(&self, b: MBox, gid: u16, ch: char, target: f64, size: f64) -> MBox {
        let total = b.h + b.d;
        if total <= 0.0 {
            return b;
        }
        let f = (target / total).min(20.0);
        self.glyph_box(MATH, gid, ch, size * f)
    }

    /// Rule 11: radicals.
    fn sqrt(&self, index: Option<&[Node]>, body: &[Node], st: St, fs: Option<FontStyle>) -> MBox {
        let c = &self.c;
        let b = self.hlist(body, st.cramp(), fs);
        let t = self.k(c.radical_rule_thickness(), st);
        let gap = self.k(
            if st.display() {
                c.radical_display_style_vertical_gap()
            } else {
                c.radical_vertical_gap()
            },
            st,
        );
        let extra = self.k(c.radical_extra_ascender(), st);
        let need = b.h.max(0.0) + b.d.max(0.0) + gap + t;
        let rad = self.vglyph('√', need, st);
        let total = rad.h + rad.d;
        let gap = gap + ((total - need) / 2.0).max(0.0);
        let top = b.h.max(0.0) + gap + t;
        let dy = top - rad.h;
        let mut out = MBox::default();
        let mut x = 0.0;
        if let Some(idx) = index {
            let ib = self.hlist(
                idx,
                St {
                    level: 3,
                    cramped: true,
                },
                fs,
            );
            let before = self.k(c.radical_kern_before_degree(), st);
            let after = self.k(c.radical_kern_after_degree(), st);
            let raise = c.radical_degree_bottom_raise_percent() as f64 / 100.0 * total;
            let iy = dy - rad.d + raise;
            out.place(&ib, before, iy);
            out.h = out.h.max(iy + ib.h);
            x = (before + ib.w + after).max(0.0);
        }
        out.place(&rad, x, dy);
        x += rad.w;
        out.place(&b, x, 0.0);
        out.rule(x, top - t, x + b.w, top);
        out.w = x + b.w;
        out.h = out.h.max(top + extra);
        out.d = b.d.max(rad.d - dy);
        out
    }

    /// Rule 12: accents, using the font's top-accent attachment points.
    fn accent(
        &self,
        accent: char,
        wide: bool,
        body: &[Node],
        st: St,
        fs: Option<FontStyle>,
    ) -> MBox {
        let b = self.hlist(body, st.cramp(), fs);
        let size = self.em(st);
        let s = size / self.upe;
        let Some(mut gid) = font::glyph_index(MATH, accent) else {
            return b;
        };
        if wide {
            if let Some(cons) = self
                .var
                .and_then(|v| v.horizontal_constructions.get(GlyphId(gid)))
            {
                for v in cons.variants {
                    gid = v.variant_glyph.0;
                    if v.advance_measurement as f64 * s >= b.w {
                        break;
                    }
                }
            }
        }
        let a = self.glyph_box(MATH, gid, accent, size);
        let attach = |g: u16, face: FaceId, sz: f64| -> Option<f64> {
            if face != MATH {
                return None;
            }
            self.info
                .and_then(|i| i.top_accent_attachments)
                .and_then(|t| t.get(GlyphId(g)))
                .map(|v| v.value as f64 * sz / self.upe)
        };
        let a_x = attach(gid, MATH, size).unwrap_or_else(|| {
            font::glyph_bounds(MATH, gid).map_or(a.w / 2.0, |r| (r.x0 + r.x1) / 2.0 * s)
        });
        let b_x = b
            .single_glyph()
            .and_then(|g| attach(g.id, g.face, g.size).map(|v| v + g.x))
            .unwrap_or((b.w + b.italic) / 2.0);
        let base_h = self.k(self.c.accent_base_height(), st);
        let dy = (b.h - base_h).max(0.0);
        let mut out = b.clone();
        out.place(&a, b_x - a_x, dy);
        out.h = b.h.max(a.h + dy);
        out
    }
}

/// Maps a character to the Unicode Mathematical Alphanumeric Symbols for a font style
/// (default: Latin and lowercase Greek italic, digits upright).
pub(crate) fn map_char(c: char, fs: Option<FontStyle>) -> char {
    let u = c as u32;
    let upper = c.is_ascii_uppercase();
    let lower = c.is_ascii_lowercase();
    let digit = c.is_ascii_digit();
    let latin = |cap: u32, small: u32| -> Option<u32> {
        if upper {
            Some(cap + u - 'A' as u32)
        } else if lower {
            Some(small + u - 'a' as u32)
        } else {
            None
        }
    };
    let mapped = match fs {
        None | Some(FontStyle::Italic) => {
            if c == 'h' {
                Some(0x210E)
            } else if let Some(v) = latin(0x1D434, 0x1D44E) {
                Some(v)
            } else if ('α'..='ω').contains(&c) {
                Some(0x1D6FC + u - 'α' as u32)
            } else {
                match c {
                    'ϵ' => Some(0x1D716),
                    'ϑ' => Some(0x1D717),
                    'ϰ' => Some(0x1D718),
                    'ϕ' => Some(0x1D719),
                    'ϱ' => Some(0x1D71A),
                    'ϖ' => Some(0x1D71B),
                    _ => None,
                }
            }
        }
        Some(FontStyle::Roman) => None,
        Some(FontStyle::Bold) => {
            latin(0x1D400, 0x1D41A).or(digit.then(|| 0x1D7CE + u - '0' as u32))
        }
        Some(FontStyle::BoldItalic) => {
            latin(0x1D468, 0x1D482).or(digit.then(|| 0x1D7CE + u - '0' as u32))
        }
        Some(FontStyle::SansSerif) => {
            latin(0x1D5A0, 0x1D5BA).or(digit.then(|| 0x1D7E2 + u - '0' as u32))
        }
        Some(FontStyle::Monospace) => {
            latin(0x1D670, 0x1D68A).or(digit.then(|| 0x1D7F6 + u - '0' as u32))
        }
        Some(FontStyle::Calligraphic) => match c {
            'B' => Some(0x212C),
            'E' => Some(0x2130),
            'F' => Some(0x2131),
            'H' => Some(0x210B),
            'I' => Some(0x2110),
            'L' => Some(0x2112),
            'M' => Some(0x2133),
            'R' => Some(0x211B),
            'e' => Some(0x212F),
            'g' => Some(0x210A),
            'o' => Some(0x2134),
            _ => latin(0x1D49C, 0x1D4B6),
        },
        Some(FontStyle::Fraktur) => match c {
            'C' => Some(0x212D),
            'H' => Some(0x210C),
            'I' => Some(0x2111),
            'R' => Some(0x211C),
            'Z' => Some(0x2128),
            _ => latin(0x1D504, 0x1D51E),
        },
        Some(FontStyle::Blackboard) => match c {
            'C' => Some(0x2102),
            'H' => Some(0x210D),
            'N' => Some(0x2115),
            'P' => Some(0x2119),
            'Q' => Some(0x211A),
            'R' => Some(0x211D),
            'Z' => Some(0x2124),
            _ => latin(0x1D538, 0x1D552).or(digit.then(|| 0x1D7D8 + u - '0' as u32)),
        },
    };
    mapped
        .and_then(char::from_u32)
        .filter(|&m| font::has_glyph(MATH, m))
        .unwrap_or(c)
}
