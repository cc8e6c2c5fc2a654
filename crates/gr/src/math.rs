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
    let func = "mathtex";
    let nodes = mathtex::parse(src).map_err(|e| Error::InvalidArgument {
        func,
        msg: format!("cannot parse {src:?}: {e}"),
    })?;
    let m = gks::font::metrics(gks::font::MATH);
    let em = height * m.units_per_em / m.cap_height;
    // Lay out at a 1000 px em and scale, so that rounding inside the engine is negligible.
    const REF_EM: f64 = 1000.0;
    let l = mathtex::layout_with(&nodes, REF_EM, true).map_err(|e| Error::InvalidArgument {
        func,
        msg: format!("cannot lay out {src:?}: {e}"),
    })?;
    let k = em / REF_EM;
    Ok(GlyphBlock {
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
    })
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

    /// `inqmathtex`: the four corners (counter-clockwise from the lower left) of the box
    /// that `mathtex(x, y, src)` covers, in NDC.
    pub fn inqmathtex(&self, x: f64, y: f64, src: &str) -> Result<([f64; 4], [f64; 4])> {
        let st = self.gks.state();
        let block = formula_block(src, st.charheight)?;
        let style = gks::display_list::TextStyle {
            face: st.face,
            height: st.charheight,
            up: st.charup,
            expansion: st.charexpan,
            spacing: st.charspace,
            path: st.textpath,
            halign: st.halign,
            valign: st.valign,
            color: gks::Rgba::BLACK,
        };
        let (_, corners) = gks::text::block_placement(x, y, &block, &style);
        Ok((corners.map(|c| c.0), corners.map(|c| c.1)))
    }
}
