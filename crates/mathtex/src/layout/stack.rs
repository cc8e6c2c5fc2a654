//! Stacked constructions: fractions and binomials (rule 15), radicals (rule 11), accents
//! (rule 12).

use gks::font::{self, FaceId, MATH};
use ttf_parser::GlyphId;

use super::{Ctx, MBox, St};
use crate::{FontStyle, FracKind, Node};

impl Ctx {
    /// Rule 15: fractions and binomials.
    pub(super) fn frac(
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

    /// Rule 11: radicals.
    pub(super) fn sqrt(
        &self,
        index: Option<&[Node]>,
        body: &[Node],
        st: St,
        fs: Option<FontStyle>,
    ) -> MBox {
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
    pub(super) fn accent(
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
        let Some(gid) = font::glyph_index(MATH, accent) else {
            return b;
        };
        let attach = |g: u16, face: FaceId, sz: f64| -> Option<f64> {
            if face != MATH {
                return None;
            }
            self.info
                .and_then(|i| i.top_accent_attachments)
                .and_then(|t| t.get(GlyphId(g)))
                .map(|v| v.value as f64 * sz / self.upe)
        };
        let (a, a_x) = if wide {
            // A variant or an assembly at least as wide as the body, centred on it.
            let a = self.hglyph(accent, b.w, size);
            let x = match a.single_glyph() {
                Some(g) => attach(g.id, MATH, size).unwrap_or(a.w / 2.0),
                None => a.w / 2.0,
            };
            (a, x)
        } else {
            let a = self.glyph_box(MATH, gid, accent, size);
            let x = attach(gid, MATH, size).unwrap_or_else(|| {
                font::glyph_bounds(MATH, gid).map_or(a.w / 2.0, |r| (r.x0 + r.x1) / 2.0 * s)
            });
            (a, x)
        };
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
