//! Math formulas (`mathtex`, `inqmathtex`): LaTeX math laid out by the [`mathtex`] engine on
//! New Computer Modern Math, placed with the text alignment, up vector and colour. The
//! formula's size follows the character height (the math font's cap height equals it, as
//! for text).

use gks::display_list::{BlockGlyph, GlyphBlock};
use gks::geometry::Rect;

use crate::context::Gr;
use crate::error::{Error, Result};

/// Lays out `src` with its em size chosen so that the math font's cap height is `height`
/// (NDC); returns the block in NDC units.
pub fn formula_block(src: &str, height: f64) -> Result<GlyphBlock> {
    formula_block_style(src, height, true)
}

/// [`formula_block`] in display style (`true`, as `mathtex`) or text style (inline `$…$`).
fn formula_block_style(src: &str, height: f64, display: bool) -> Result<GlyphBlock> {
    let func = "mathtex";
    let nodes = mathtex::parse(src).map_err(|e| Error::InvalidArgument {
        func,
        msg: format!("cannot parse {src:?}: {e}"),
    })?;
    let m = gks::font::metrics(gks::font::MATH);
    let em = height * m.units_per_em / m.cap_height;
    // Lay out at a 1000 px em and scale, so that rounding inside the engine is negligible.
    const REF_EM: f64 = 1000.0;
    let l = mathtex::layout_with(&nodes, REF_EM, display).map_err(|e| Error::InvalidArgument {
        func,
        msg: format!("cannot lay out {src:?}: {e}"),
    })?;
    Ok(to_block(&l, em / REF_EM))
}

/// A laid-out formula scaled by `k` into an NDC glyph block.
fn to_block(l: &mathtex::MathLayout, k: f64) -> GlyphBlock {
    GlyphBlock {
        glyphs: l
            .glyphs
            .iter()
            .map(|g| BlockGlyph {
                face: g.face,
                id: g.id,
                x: g.x * k,
                y: g.y * k,
                size: g.size * k,
                ch: g.ch,
            })
            .collect(),
        rules: l
            .rules
            .iter()
            .map(|r| Rect::new(r.x0 * k, r.y0 * k, r.x1 * k, r.y1 * k))
            .collect(),
        width: l.width * k,
        ascent: l.ascent * k,
        descent: l.descent * k,
    }
}

/// Lays out GR's `textext` syntax (`x^2`, `x_i`, `a/b`, `\alpha`) in `face` with a
/// character height of `height` (NDC). Errors name the position and the problem.
pub fn textext_block(src: &str, face: gks::font::FaceId, height: f64) -> Result<GlyphBlock> {
    // Lay out at a 1000 px character height and scale.
    const REF: f64 = 1000.0;
    let l = mathtex::textext(src, face, REF).map_err(|e| Error::InvalidArgument {
        func: "textext",
        msg: format!("cannot parse {src:?}: {e}"),
    })?;
    Ok(to_block(&l, height / REF))
}

/// Splits text at unescaped `$` pairs into (is_math, segment) parts; `\$` is a literal
/// dollar sign. Returns `None` when the text has no complete `$…$` pair, or when a math
/// part does not parse: the text functions then draw the string literally.
pub fn split_inline_math(s: &str) -> Option<Vec<(bool, String)>> {
    let parts = split_dollars(s)?;
    parts
        .iter()
        .all(|(math, t)| !*math || mathtex::parse(t).is_ok())
        .then_some(parts)
}

/// [`split_inline_math`] without the parse check.
fn split_dollars(s: &str) -> Option<Vec<(bool, String)>> {
    let mut parts: Vec<(bool, String)> = vec![(false, String::new())];
    let mut chars = s.chars().peekable();
    let mut in_math = false;
    let mut pairs = 0;
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'$') => {
                chars.next();
                if in_math {
                    parts.last_mut().expect("non-empty").1.push_str("\\$");
                } else {
                    parts.last_mut().expect("non-empty").1.push('$');
                }
            }
            '$' => {
                if in_math {
                    pairs += 1;
                }
                in_math = !in_math;
                parts.push((in_math, String::new()));
            }
            _ => parts.last_mut().expect("non-empty").1.push(c),
        }
    }
    if pairs == 0 {
        return None;
    }
    if in_math {
        // An unclosed `$`: its segment is plain text again, dollar included.
        let (_, tail) = parts.pop().expect("non-empty");
        parts.push((false, format!("${tail}")));
    }
    parts.retain(|(_, t)| !t.is_empty());
    Some(parts)
}

/// Lays out text with inline math: plain parts in `face` (cap height `height`), math parts
/// with [`formula_block`] in text style, on one baseline.
pub fn mixed_block(
    parts: &[(bool, String)],
    face: gks::font::FaceId,
    height: f64,
) -> Result<GlyphBlock> {
    let m = gks::font::metrics(face);
    let em = height * m.units_per_em / m.cap_height;
    let mut block = GlyphBlock {
        ascent: m.ascender / m.units_per_em * em,
        descent: -m.descender / m.units_per_em * em,
        ..Default::default()
    };
    for (math, text) in parts {
        if *math {
            let f = formula_block_style(text, height, false)?;
            let dx = block.width;
            block
                .glyphs
                .extend(f.glyphs.iter().map(|g| BlockGlyph { x: g.x + dx, ..*g }));
            block.rules.extend(
                f.rules
                    .iter()
                    .map(|r| Rect::new(r.x0 + dx, r.y0, r.x1 + dx, r.y1)),
            );
            block.width += f.width;
            block.ascent = block.ascent.max(f.ascent);
            block.descent = block.descent.max(f.descent);
        } else {
            let line = gks::font::shape_line(text, face, em, 0.0);
            let dx = block.width;
            block.glyphs.extend(line.glyphs.iter().map(|g| BlockGlyph {
                face: g.face,
                id: g.id,
                x: g.x + dx,
                y: 0.0,
                size: em,
                ch: g.ch,
            }));
            block.width += line.width;
        }
    }
    Ok(block)
}

impl Gr {
    /// `mathtex`: draws the LaTeX math formula `src` (without `$`) at an NDC point with the
    /// current text alignment (BASE = the formula's baseline, TOP/CAP its top, HALF its
    /// middle, BOTTOM its bottom), up vector, colour and character height. A formula that
    /// does not parse is an error naming the position and the problem.
    pub fn mathtex(&mut self, x: f64, y: f64, src: &str) -> Result<()> {
        let block = formula_block(src, self.gks.state().charheight)?;
        let tnr = self.gks.inqcurntran();
        self.gks.selntran(0)?;
        let r = self.gks.glyph_block(x, y, block);
        self.gks.selntran(tnr)?;
        Ok(r?)
    }

    /// `textext`: draws `s` in GR's light formula syntax (`x^2`, `x_i`, `{…}` groups,
    /// `a/b` fractions, `\alpha` Greek, `\^` escapes; see [`mathtex::textext`]) in the
    /// current text font, height, alignment, up vector and colour, at an NDC point. A string
    /// that does not parse is drawn literally.
    pub fn textext(&mut self, x: f64, y: f64, s: &str) -> Result<()> {
        let (face, height) = (self.gks.state().face, self.gks.state().charheight);
        let tnr = self.gks.inqcurntran();
        self.gks.selntran(0)?;
        let r = match textext_block(s, face, height) {
            Ok(block) => self.gks.glyph_block(x, y, block),
            Err(_) => self.gks.text(x, y, s),
        };
        self.gks.selntran(tnr)?;
        Ok(r?)
    }

    /// `inqtextext`: the corners (counter-clockwise from the lower left) of the box that
    /// `textext(x, y, s)` covers, in NDC.
    pub fn inqtextext(&mut self, x: f64, y: f64, s: &str) -> Result<([f64; 4], [f64; 4])> {
        let (face, height) = (self.gks.state().face, self.gks.state().charheight);
        match textext_block(s, face, height) {
            Ok(block) => {
                let style = self.gks.text_style();
                let (_, c) = gks::text::block_placement(x, y, &block, &style);
                Ok((c.map(|p| p.0), c.map(|p| p.1)))
            }
            Err(_) => {
                let tnr = self.gks.inqcurntran();
                self.gks.selntran(0)?;
                let r = self.gks.inqtext(x, y, s);
                self.gks.selntran(tnr)?;
                Ok(r?)
            }
        }
    }

    /// `inqmathtex`: the four corners (counter-clockwise from the lower left) of the box
    /// that `mathtex(x, y, src)` covers, in NDC.
    pub fn inqmathtex(&self, x: f64, y: f64, src: &str) -> Result<([f64; 4], [f64; 4])> {
        let st = self.gks.state();
        let block = formula_block(src, st.charheight)?;
        let style = self.gks.text_style();
        let (_, corners) = gks::text::block_placement(x, y, &block, &style);
        Ok((corners.map(|c| c.0), corners.map(|c| c.1)))
    }
}

#[cfg(test)]
mod tests {
    use super::split_inline_math;

    #[test]
    fn inline_math_is_split_at_dollar_pairs() {
        assert_eq!(split_inline_math("plain"), None);
        // malformed math: drawn literally
        assert_eq!(split_inline_math(r"bad $\frac{1}$ math"), None);
        assert_eq!(split_inline_math("costs \\$5"), None);
        assert_eq!(
            split_inline_math("a $x^2$ b"),
            Some(vec![
                (false, "a ".into()),
                (true, "x^2".into()),
                (false, " b".into())
            ])
        );
        assert_eq!(
            split_inline_math("$a$ and $b"),
            Some(vec![
                (true, "a".into()),
                (false, " and ".into()),
                (false, "$b".into())
            ])
        );
    }
}
