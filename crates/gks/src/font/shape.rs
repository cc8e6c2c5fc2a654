//! Shaping of one line of text: character → (face, glyph) with a fallback chain, pair kerning
//! and simple placement of combining marks. No bidi, no ligatures, no line breaking.

use super::kern::pair_adjust;
use super::outline::{glyph_advance, glyph_bounds};
use super::registry::{
    face, family, normalize, style, units_per_em, variant, FaceId, Family, MATH,
};

/// One positioned glyph of a [`ShapedLine`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShapedGlyph {
    /// The face the glyph comes from (the primary face or a fallback).
    pub face: FaceId,
    /// Glyph id in `face` (0 only if no embedded face has the character).
    pub id: u16,
    /// Pen position of the glyph origin on the baseline, in pixels from the line start.
    pub x: f64,
    /// The character the glyph stands for.
    pub ch: char,
}

/// A shaped line of text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ShapedLine {
    /// The glyphs in text order.
    pub glyphs: Vec<ShapedGlyph>,
    /// Advance width of the whole line in pixels (pen position after the last character,
    /// including its `spacing_px`).
    pub width: f64,
}

/// The faces tried, in order, when the primary face lacks a character: DejaVu Sans, New
/// Computer Modern Math, DejaVu Serif, DejaVu Sans Mono, Libertinus Serif, New Computer Modern
/// 10, each in the primary's bold/italic style where the family has it. For a New Computer
/// Modern primary, New Computer Modern Math comes first (same design).
pub fn fallback_chain(primary: FaceId) -> [FaceId; 6] {
    let (b, i) = style(primary);
    let sans = variant(Family::Sans, b, i);
    let (first, second) = if family(primary) == Family::ComputerModern {
        (MATH, sans)
    } else {
        (sans, MATH)
    };
    [
        first,
        second,
        variant(Family::DejaVuSerif, b, i),
        variant(Family::Mono, b, i),
        variant(Family::Serif, b, i),
        variant(Family::ComputerModern, b, i),
    ]
}

/// Characters that produce nothing: C0/C1 controls (except tab), zero-width format characters,
/// variation selectors, soft hyphen, tags.
fn is_ignorable(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}'
            | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
            | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E007F}' | '\u{E0100}'..='\u{E01EF}')
}

/// Combining marks that are drawn over the previous glyph with zero advance.
fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn gid(id: FaceId, c: char) -> Option<u16> {
    face(id).glyph_index(c).map(|g| g.0).filter(|&g| g != 0)
}

/// The face and glyph for `c`: `first` (if given), the primary, then the fallback chain;
/// glyph 0 of the primary if no face has it.
fn lookup(c: char, first: Option<FaceId>, primary: FaceId, chain: &[FaceId; 6]) -> (FaceId, u16) {
    first
        .into_iter()
        .chain(std::iter::once(primary))
        .chain(chain.iter().copied())
        .find_map(|f| gid(f, c).map(|g| (f, g)))
        .unwrap_or((primary, 0))
}

/// Horizontal centre of a glyph's ink in pixels relative to its origin (half the advance for
/// glyphs without ink).
fn ink_center(id: FaceId, g: u16, scale: f64) -> f64 {
    match glyph_bounds(id, g) {
        Some(r) => 0.5 * (r.x0 + r.x1) * scale,
        None => 0.5 * glyph_advance(id, g) * scale,
    }
}

/// Shapes one line of text.
///
/// * `primary` is used for every character it has a glyph for; other characters come from
///   the first face of [`fallback_chain`] that has them (same em size). Only if no embedded
///   face has a character, glyph 0 (".notdef") of the primary face is used.
/// * Consecutive glyphs of the same face are kerned (GPOS `kern` pairs or the `kern` table).
/// * `size_px` is the em size in pixels; `spacing_px` is added after every character.
/// * Tabs are treated as spaces; other control and zero-width format characters are skipped;
///   combining marks (U+0300–U+036F and other combining blocks) get zero advance and are
///   centred over the previous glyph.
///
/// Non-finite sizes or spacings are treated as 0; any input is accepted.
pub fn shape_line(text: &str, primary: FaceId, size_px: f64, spacing_px: f64) -> ShapedLine {
    let primary = normalize(primary);
    let size = if size_px.is_finite() { size_px } else { 0.0 };
    let spacing = if spacing_px.is_finite() {
        spacing_px
    } else {
        0.0
    };
    let chain = fallback_chain(primary);
    let scale_of = |f: FaceId| size / units_per_em(f);

    let mut glyphs: Vec<ShapedGlyph> = Vec::with_capacity(text.len());
    let mut pen = 0.0;
    // The last base glyph (not a mark), for kerning and mark placement.
    let mut prev: Option<ShapedGlyph> = None;

    for c in text.chars() {
        let c = if c == '\t' { ' ' } else { c };
        if is_ignorable(c) {
            continue;
        }
        if is_combining(c) {
            if let Some(base) = prev {
                let (f, g) = lookup(c, Some(base.face), primary, &chain);
                let x = if g == 0 {
                    base.x
                } else {
                    base.x + ink_center(base.face, base.id, scale_of(base.face))
                        - ink_center(f, g, scale_of(f))
                };
                glyphs.push(ShapedGlyph {
                    face: f,
                    id: g,
                    x,
                    ch: c,
                });
                continue;
            }
        }
        let (f, g) = lookup(c, None, primary, &chain);
        let scale = scale_of(f);
        let mut x = pen;
        let mut extra = 0.0;
        if let Some(p) = prev.filter(|p| p.face == f) {
            let a = pair_adjust(f, p.id, g);
            pen += a.first_advance * scale;
            x = pen + a.second_placement * scale;
            extra = a.second_advance * scale;
        }
        let sg = ShapedGlyph {
            face: f,
            id: g,
            x,
            ch: c,
        };
        glyphs.push(sg);
        prev = Some(sg);
        pen += glyph_advance(f, g) * scale + extra + spacing;
    }
    ShapedLine { glyphs, width: pen }
}

#[cfg(test)]
mod tests {
    use super::super::outline::glyph_advance;
    use super::super::registry::*;
    use super::*;

    const MIXED: &str = "αβγ ∑∫√ → äöüß € ≤≥≠∞±° ⇒↔ ΔΩ µ";

    #[test]
    fn empty_line_has_zero_width() {
        let l = shape_line("", SANS, 12.0, 0.0);
        assert!(l.glyphs.is_empty());
        assert_eq!(l.width, 0.0);
        let l = shape_line("", SERIF, 12.0, 3.0);
        assert_eq!(l.width, 0.0);
    }

    #[test]
    fn fallback_covers_greek_math_arrows_accents() {
        for primary in [SERIF, MONO, SANS_BOLD, CM_ITALIC, MATH, MONO_BOLD_OBLIQUE] {
            let l = shape_line(MIXED, primary, 20.0, 0.0);
            for g in &l.glyphs {
                assert_ne!(
                    g.id,
                    0,
                    "{:?} missing with primary {}",
                    g.ch,
                    face_name(primary)
                );
            }
            assert_eq!(l.glyphs.len(), MIXED.chars().count());
            assert!(l.width > 0.0);
        }
    }

    #[test]
    fn primary_is_used_when_it_has_the_glyph() {
        let l = shape_line("Ab1", SERIF, 10.0, 0.0);
        assert!(l.glyphs.iter().all(|g| g.face == SERIF));
        let l = shape_line("x→y", MONO, 10.0, 0.0);
        assert!(l.glyphs.iter().all(|g| g.id != 0));
    }

    #[test]
    fn fallback_is_used_for_missing_characters() {
        // Characters some primaries lack; whichever face is chosen must have them.
        let probe = "ℵ∮⊗⟹☃✓⨁ℏ∇∂∝ЖФ";
        for primary in [SERIF, SERIF_BOLD_ITALIC, MONO, CM, MATH, SANS_OBLIQUE] {
            let mut fell_back = 0;
            for g in shape_line(probe, primary, 12.0, 0.0).glyphs {
                assert_ne!(g.id, 0, "{:?} with {}", g.ch, face_name(primary));
                assert_eq!(glyph_index(g.face, g.ch), Some(g.id));
                if g.face != primary {
                    assert!(!has_glyph(primary, g.ch));
                    fell_back += 1;
                }
            }
            assert!(
                fell_back > 0 || primary == SANS_OBLIQUE,
                "{}",
                face_name(primary)
            );
        }
        // Style is kept where possible, and CM falls back to its own math face first.
        assert_eq!(fallback_chain(SERIF_BOLD_ITALIC)[0], SANS_BOLD_OBLIQUE);
        assert_eq!(fallback_chain(CM)[0], MATH);
    }

    #[test]
    fn unknown_characters_use_notdef_of_primary() {
        let l = shape_line("\u{10FFFD}", SERIF, 10.0, 0.0);
        assert_eq!(l.glyphs.len(), 1);
        assert_eq!((l.glyphs[0].face, l.glyphs[0].id), (SERIF, 0));
    }

    #[test]
    fn av_is_kerned() {
        let size = 100.0;
        let l = shape_line("AV", SANS, size, 0.0);
        let s = size / units_per_em(SANS);
        let a = glyph_advance(SANS, glyph_index(SANS, 'A').unwrap()) * s;
        let v = glyph_advance(SANS, glyph_index(SANS, 'V').unwrap()) * s;
        assert!(l.width < a + v - 1.0, "AV width {} vs {}", l.width, a + v);
        assert!(l.glyphs[1].x < a);
        // Libertinus (CFF, GPOS class kerning) too.
        let l = shape_line("AV", SERIF, size, 0.0);
        let s = size / units_per_em(SERIF);
        let a = glyph_advance(SERIF, glyph_index(SERIF, 'A').unwrap()) * s;
        let v = glyph_advance(SERIF, glyph_index(SERIF, 'V').unwrap()) * s;
        assert!(l.width < a + v - 1.0);
    }

    #[test]
    fn width_scales_with_size_and_spacing() {
        let a = shape_line("Hello", SANS, 10.0, 0.0).width;
        let b = shape_line("Hello", SANS, 20.0, 0.0).width;
        assert!((b - 2.0 * a).abs() < 1e-9);
        let c = shape_line("Hello", SANS, 10.0, 2.0).width;
        assert!((c - a - 10.0).abs() < 1e-9);
        let l = shape_line("Hello", SANS, 10.0, 2.0);
        assert!(l.glyphs.windows(2).all(|w| w[1].x > w[0].x));
    }

    #[test]
    fn controls_are_skipped_tab_is_space() {
        let plain = shape_line("a b", SANS, 10.0, 0.0);
        let tab = shape_line("a\tb", SANS, 10.0, 0.0);
        assert_eq!(plain.width, tab.width);
        let cr = shape_line("ab\r\n\u{7}\u{200B}\u{FEFF}", SANS, 10.0, 0.0);
        assert_eq!(cr.glyphs.len(), 2);
        assert_eq!(cr.width, shape_line("ab", SANS, 10.0, 0.0).width);
    }

    #[test]
    fn combining_mark_sits_over_previous_glyph() {
        let base = shape_line("a", SANS, 10.0, 0.0);
        let l = shape_line("a\u{0308}b", SANS, 10.0, 0.0);
        assert_eq!(l.glyphs.len(), 3);
        assert_ne!(l.glyphs[1].id, 0);
        // Zero advance: 'b' starts where it would without the mark.
        assert!((l.glyphs[2].x - base.width).abs() < 1e-9);
        // The mark's ink is centred on the 'a'.
        let m = &l.glyphs[1];
        let s = 10.0 / units_per_em(m.face);
        let mb = glyph_bounds(m.face, m.id).unwrap();
        let ab = glyph_bounds(SANS, l.glyphs[0].id).unwrap();
        let mc = m.x + 0.5 * (mb.x0 + mb.x1) * s;
        let ac = 0.5 * (ab.x0 + ab.x1) * s;
        assert!((mc - ac).abs() < 0.01);
        // A leading mark is an ordinary glyph.
        let l = shape_line("\u{0301}", SERIF, 10.0, 0.0);
        assert_eq!(l.glyphs.len(), 1);
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for s in [
            "\u{0}",
            "\u{FFFF}",
            "🙂🙂",
            "\u{0301}\u{0301}",
            "a\u{20D7}",
            "x\u{E0100}",
        ] {
            for &f in faces() {
                let _ = shape_line(s, f, 12.0, 1.0);
            }
        }
        let l = shape_line("abc", FaceId(4242), f64::NAN, f64::INFINITY);
        assert_eq!(l.width, 0.0);
        let l = shape_line("abc", SANS, -10.0, 0.0);
        assert!(l.width < 0.0);
    }
}
