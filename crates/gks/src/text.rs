//! Text layout in NDC: shapes each line with the embedded fonts, applies alignment, text path,
//! expansion, spacing and the up vector, and yields glyph runs plus the extent box
//! (`inqtext`).

use crate::attributes::{TextHAlign, TextPath, TextVAlign};
use crate::device::Glyph;
use crate::display_list::TextStyle;
use crate::font::{self, FaceId};
use crate::geometry::Affine;

/// Glyphs of one face in text space (NDC units, origin at the anchor, y up, before the
/// rotation of the up vector).
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// The face.
    pub face: FaceId,
    /// The glyphs, positioned in text space.
    pub glyphs: Vec<Glyph>,
}

/// Result of [`layout`].
#[derive(Debug, Clone, PartialEq)]
pub struct TextLayout {
    /// Glyph runs in text space.
    pub runs: Vec<TextRun>,
    /// Em size in NDC.
    pub em: f64,
    /// Text space → NDC (rotation, expansion, anchor).
    pub transform: Affine,
    /// Corners of the extent box in NDC, counter-clockwise from the lower left.
    pub corners: [(f64, f64); 4],
}

/// Lays out `text` anchored at `(x, y)` (NDC) with the given attributes.
pub fn layout(x: f64, y: f64, text: &str, style: &TextStyle) -> TextLayout {
    let m = font::metrics(style.face);
    let em = style.height * m.units_per_em / m.cap_height;
    let to_ndc = em / m.units_per_em;
    let ascent = m.ascender * to_ndc;
    let descent = m.descender * to_ndc;
    let cap = style.height;
    let line_gap = (m.ascender - m.descender) * to_ndc * 1.15;
    let spacing = style.spacing * style.height;

    // Split into lines; vertical text paths put one character per line.
    let lines: Vec<String> = match style.path {
        TextPath::Up | TextPath::Down => {
            let mut v: Vec<String> = text
                .chars()
                .filter(|c| *c != '\n')
                .map(String::from)
                .collect();
            if style.path == TextPath::Up {
                v.reverse();
            }
            v
        }
        TextPath::Left => text
            .split('\n')
            .map(|l| l.chars().rev().collect())
            .collect(),
        TextPath::Right => text.split('\n').map(String::from).collect(),
    };
    let shaped: Vec<_> = lines
        .iter()
        .map(|l| font::shape_line(l, style.face, em, spacing))
        .collect();
    let n = shaped.len().max(1);
    let width = shaped.iter().map(|s| s.width).fold(0.0, f64::max);
    let vertical = matches!(style.path, TextPath::Up | TextPath::Down);

    // Vertical placement: baseline of line 0 relative to the anchor.
    let last_base = -(n as f64 - 1.0) * line_gap; // relative to first baseline
    let first_base = match style.valign {
        TextVAlign::Top => -ascent,
        TextVAlign::Cap => -cap,
        TextVAlign::Half => -(cap + last_base) / 2.0,
        TextVAlign::Base | TextVAlign::Normal => -last_base,
        TextVAlign::Bottom => -last_base - descent,
    };
    let halign_offset = |w: f64| match style.halign {
        TextHAlign::Left | TextHAlign::Normal => 0.0,
        TextHAlign::Center => -w / 2.0,
        TextHAlign::Right => -w,
    };

    let mut runs: Vec<TextRun> = Vec::new();
    for (i, line) in shaped.iter().enumerate() {
        let base = first_base - i as f64 * line_gap;
        // In vertical paths every character is centred on the column axis.
        let x0 = if vertical {
            halign_offset(width) + (width - line.width) / 2.0
        } else {
            halign_offset(line.width)
        };
        for g in &line.glyphs {
            let glyph = Glyph {
                id: g.id,
                x: x0 + g.x,
                y: base,
                ch: g.ch,
            };
            match runs.last_mut() {
                Some(r) if r.face == g.face => r.glyphs.push(glyph),
                _ => runs.push(TextRun {
                    face: g.face,
                    glyphs: vec![glyph],
                }),
            }
        }
    }

    let (ux, uy) = style.up;
    let len = (ux * ux + uy * uy).sqrt();
    let (ux, uy) = (ux / len, uy / len);
    let (bx, by) = (uy, -ux); // baseline direction
    let e = style.expansion;
    let transform = Affine {
        m: [bx * e, by * e, ux, uy, x, y],
    };
    let left = halign_offset(width);
    let bottom = first_base + last_base + descent;
    let top = first_base + ascent;
    let corners = [
        (left, bottom),
        (left + width, bottom),
        (left + width, top),
        (left, top),
    ]
    .map(|(cx, cy)| transform.apply(cx, cy));
    TextLayout {
        runs,
        em,
        transform,
        corners,
    }
}

/// The text-space → NDC transform and the box corners of a [`crate::display_list::GlyphBlock`]
/// anchored at `(x, y)` with the alignment and up vector of `style`. Vertical alignment: TOP
/// and CAP put the block's top on the anchor, HALF its middle, BASE its baseline (the
/// formula's axis of writing, unlike GR's mathtex which uses the bottom) and BOTTOM its
/// bottom.
pub fn block_placement(
    x: f64,
    y: f64,
    block: &crate::display_list::GlyphBlock,
    style: &TextStyle,
) -> (Affine, [(f64, f64); 4]) {
    let dx = match style.halign {
        TextHAlign::Left | TextHAlign::Normal => 0.0,
        TextHAlign::Center => -block.width / 2.0,
        TextHAlign::Right => -block.width,
    };
    let dy = match style.valign {
        TextVAlign::Top | TextVAlign::Cap => -block.ascent,
        TextVAlign::Half => (block.descent - block.ascent) / 2.0,
        TextVAlign::Base | TextVAlign::Normal => 0.0,
        TextVAlign::Bottom => block.descent,
    };
    let (ux, uy) = style.up;
    let len = (ux * ux + uy * uy).sqrt();
    let (ux, uy) = (ux / len, uy / len);
    let (bx, by) = (uy, -ux);
    let rot = Affine {
        m: [bx, by, ux, uy, x, y],
    };
    let t = rot.then_after(&Affine::translate(dx, dy));
    let corners = [
        (0.0, -block.descent),
        (block.width, -block.descent),
        (block.width, block.ascent),
        (0.0, block.ascent),
    ]
    .map(|(cx, cy)| t.apply(cx, cy));
    (t, corners)
}
