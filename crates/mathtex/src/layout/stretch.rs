//! Growing glyphs: delimiters from size variants and glyph assemblies (vertical and
//! horizontal), `\left…\right` (rule 19).

use gks::font::{self, MATH};
use ttf_parser::GlyphId;

use super::{Ctx, MBox, St};
use crate::{FontStyle, Node};

/// The lowest and highest ink of a box's glyphs (px, y up).
fn ink_extent(b: &MBox) -> (f64, f64) {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for g in &b.glyphs {
        if let Some(r) = font::glyph_bounds(g.face, g.id) {
            let s = g.size / font::units_per_em(g.face);
            lo = lo.min(g.y + r.y0 * s);
            hi = hi.max(g.y + r.y1 * s);
        }
    }
    if lo > hi {
        (0.0, 0.0)
    } else {
        (lo, hi)
    }
}

impl Ctx {
    /// Rule 19: `\left…\right` around a box.
    pub(super) fn delimited(
        &self,
        left: Option<char>,
        body: MBox,
        right: Option<char>,
        st: St,
    ) -> MBox {
        let target = self.delim_target(&body, st);
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

    /// The size of `\left…\right` delimiters around `body` (TeX's `\delimiterfactor` 901
    /// and `\delimitershortfall` 5 pt).
    pub(super) fn delim_target(&self, body: &MBox, st: St) -> f64 {
        let axis = self.axis(st);
        let delta = (body.h - axis).max(body.d + axis);
        (delta * 2.0 * 0.901).max(2.0 * delta - 0.5 * self.em(st))
    }

    /// `\overbrace` / `\underbrace`: a horizontal brace (variant or assembly) as wide as
    /// the body, its ink a small gap above or below the body's.
    pub(super) fn brace(&self, over: bool, body: &[Node], st: St, fs: Option<FontStyle>) -> MBox {
        let b = self.hlist(body, st, fs);
        let size = self.em(st);
        let brace = self.hglyph(if over { '⏞' } else { '⏟' }, b.w, size);
        let (lo, hi) = ink_extent(&brace);
        let gap = self.k(self.c.overbar_vertical_gap(), st);
        let mut out = b.clone();
        let dx = (b.w - brace.w) / 2.0;
        if over {
            let dy = b.h.max(0.0) + gap - lo;
            out.place(&brace, dx, dy);
            out.h = hi + dy;
        } else {
            let dy = -(b.d.max(0.0) + gap) - hi;
            out.place(&brace, dx, dy);
            out.d = -(lo + dy);
        }
        out.italic = 0.0;
        out
    }

    /// A delimiter at least `target` px tall, centred on the axis.
    pub(super) fn delim(&self, ch: char, target: f64, st: St) -> MBox {
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
    pub(super) fn vglyph(&self, ch: char, target: f64, st: St) -> MBox {
        let size = self.em(st);
        let Some(gid) = font::glyph_index(MATH, ch) else {
            return self.char_box(ch, st);
        };
        let base = self.glyph_box(MATH, gid, ch, size);
        if base.h + base.d >= target {
            return base;
        }
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
            if let Some(b) = self.assembly(asm, ch, target, size, false) {
                return b;
            }
        }
        let (g, b) = largest;
        self.scaled(b, g, ch, target, size)
    }

    /// A horizontally growing glyph at least `target` px wide (wide accents, arrows over
    /// long bases): a size variant or a glyph assembly, else the widest variant.
    pub(super) fn hglyph(&self, ch: char, target: f64, size: f64) -> MBox {
        let Some(gid) = font::glyph_index(MATH, ch) else {
            return MBox::default();
        };
        let base = self.glyph_box(MATH, gid, ch, size);
        let s = size / self.upe;
        let Some(cons) = self
            .var
            .and_then(|v| v.horizontal_constructions.get(GlyphId(gid)))
        else {
            return base;
        };
        let mut largest = base;
        for v in cons.variants {
            let b = self.glyph_box(MATH, v.variant_glyph.0, ch, size);
            if v.advance_measurement as f64 * s >= target {
                return b;
            }
            largest = b;
        }
        if let Some(asm) = cons.assembly {
            if let Some(b) = self.assembly(asm, ch, target, size, true) {
                return b;
            }
        }
        largest
    }

    /// A glyph assembly at least `target` px long: the parts in order (bottom to top or left
    /// to right) with as many copies of the extenders as needed, the joints overlapping by
    /// at least the font's minimal connector overlap and at most the connector lengths.
    /// Vertical assemblies start at the baseline (depth 0); horizontal ones at x = 0.
    fn assembly(
        &self,
        asm: ttf_parser::math::GlyphAssembly<'static>,
        ch: char,
        target: f64,
        size: f64,
        horizontal: bool,
    ) -> Option<MBox> {
        let s = size / self.upe;
        let parts: Vec<_> = asm.parts.into_iter().collect();
        if parts.is_empty() || !parts.iter().any(|p| p.part_flags.extender()) {
            return None;
        }
        let min_ov = self.var.map_or(0.0, |v| v.min_connector_overlap as f64 * s);
        let count = |reps: usize| -> usize {
            parts
                .iter()
                .map(|p| if p.part_flags.extender() { reps } else { 1 })
                .sum()
        };
        let total = |reps: usize| -> f64 {
            let sum: f64 = parts
                .iter()
                .map(|p| {
                    let n = if p.part_flags.extender() { reps } else { 1 };
                    p.full_advance as f64 * s * n as f64
                })
                .sum();
            sum - count(reps).saturating_sub(1) as f64 * min_ov
        };
        let mut reps = 0usize;
        while total(reps) < target && reps < 200 {
            reps += 1;
        }
        // Spread the surplus over the joints (never below the minimal overlap, never more
        // than the shorter connector).
        let joints = count(reps).saturating_sub(1).max(1) as f64;
        let max_ov = parts
            .iter()
            .flat_map(|p| [p.start_connector_length, p.end_connector_length])
            .filter(|&l| l > 0)
            .map(|l| l as f64 * s)
            .fold(f64::INFINITY, f64::min)
            .max(min_ov);
        let ov = (min_ov + (total(reps) - target).max(0.0) / joints).min(max_ov);
        let mut out = MBox::default();
        let mut pos = 0.0;
        for p in &parts {
            let n = if p.part_flags.extender() { reps } else { 1 };
            for _ in 0..n {
                let g = self.glyph_box(MATH, p.glyph_id.0, ch, size);
                if horizontal {
                    out.place(&g, pos, 0.0);
                    out.h = out.h.max(g.h);
                    out.d = out.d.max(g.d);
                } else {
                    // Vertical parts are drawn on the baseline: stack their ink boxes.
                    let bottom = font::glyph_bounds(MATH, p.glyph_id.0).map_or(0.0, |r| r.y0 * s);
                    out.place(&g, 0.0, pos - bottom);
                    out.w = out.w.max(g.w);
                }
                pos += p.full_advance as f64 * s - ov;
            }
        }
        let length = pos + ov;
        if horizontal {
            out.w = length;
        } else {
            out.h = length;
            out.d = 0.0;
        }
        Some(out)
    }

    pub(super) fn scaled(&self, b: MBox, gid: u16, ch: char, target: f64, size: f64) -> MBox {
        let total = b.h + b.d;
        if total <= 0.0 {
            return b;
        }
        let f = (target / total).min(20.0);
        self.glyph_box(MATH, gid, ch, size * f)
    }
}
