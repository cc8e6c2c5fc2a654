//! Pair kerning from GPOS (lookups of the `kern` feature, PairPos formats 1 and 2) or, for
//! faces without GPOS kerning, from the legacy `kern` table. The subtables are collected once
//! per face; a lookup is then a few binary searches.

use ttf_parser::gpos::{PairAdjustment, PositioningSubtable, ValueRecord};
use ttf_parser::opentype_layout::LayoutTable;
use ttf_parser::{GlyphId, Tag};

use super::registry::{face, loaded, FaceId};

/// Kerning subtables of one face.
pub(crate) struct KernData {
    /// Pair-adjustment subtables of every `kern` lookup, in lookup order.
    gpos: Vec<Vec<PairAdjustment<'static>>>,
    /// Horizontal subtables of the legacy `kern` table (used only if `gpos` is empty).
    legacy: Vec<ttf_parser::kern::Subtable<'static>>,
}

/// The position adjustments for a glyph pair, in font units.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct PairAdjust {
    /// Added to the pen after the first glyph (the usual kerning value).
    pub first_advance: f64,
    /// Shifts the second glyph without moving the pen.
    pub second_placement: f64,
    /// Added to the advance of the second glyph.
    pub second_advance: f64,
}

fn collect(face: &ttf_parser::Face<'static>) -> KernData {
    let gpos = face
        .tables()
        .gpos
        .map(|t| gpos_kern_lookups(&t))
        .unwrap_or_default();
    let legacy = if gpos.is_empty() {
        face.tables()
            .kern
            .map(|k| {
                k.subtables
                    .into_iter()
                    .filter(|s| s.horizontal && !s.variable && !s.has_cross_stream)
                    .filter(|s| !s.has_state_machine)
                    .collect()
            })
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    KernData { gpos, legacy }
}

fn gpos_kern_lookups(table: &LayoutTable<'static>) -> Vec<Vec<PairAdjustment<'static>>> {
    let kern = Tag::from_bytes(b"kern");
    let mut indices: Vec<u16> = table
        .features
        .into_iter()
        .filter(|f| f.tag == kern)
        .flat_map(|f| f.lookup_indices)
        .collect();
    // Lookups apply in lookup-list order, each once.
    indices.sort_unstable();
    indices.dedup();
    indices
        .into_iter()
        .filter_map(|i| table.lookups.get(i))
        .map(|lookup| {
            lookup
                .subtables
                .into_iter::<PositioningSubtable>()
                .filter_map(|s| match s {
                    PositioningSubtable::Pair(p) => Some(p),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
        .filter(|v| !v.is_empty())
        .collect()
}

fn add(acc: &mut PairAdjust, first: &ValueRecord, second: &ValueRecord) {
    acc.first_advance += first.x_advance as f64;
    acc.second_placement += second.x_placement as f64;
    acc.second_advance += second.x_advance as f64;
}

/// Applies the first matching subtable of a lookup; true if one matched.
fn apply_lookup(
    subtables: &[PairAdjustment<'static>],
    left: GlyphId,
    right: GlyphId,
    acc: &mut PairAdjust,
) -> bool {
    for sub in subtables {
        match sub {
            PairAdjustment::Format1 { coverage, sets } => {
                let Some(index) = coverage.get(left) else {
                    continue;
                };
                if let Some((a, b)) = sets.get(index).and_then(|set| set.get(right)) {
                    add(acc, &a, &b);
                    return true;
                }
            }
            PairAdjustment::Format2 {
                coverage,
                classes,
                matrix,
            } => {
                if !coverage.contains(left) {
                    continue;
                }
                let pair = (classes.0.get(left), classes.1.get(right));
                if let Some((a, b)) = matrix.get(pair) {
                    add(acc, &a, &b);
                    return true;
                }
            }
        }
    }
    false
}

fn kern_data(id: FaceId) -> &'static KernData {
    let l = loaded(id);
    l.kern.get_or_init(|| collect(&l.face))
}

/// The adjustments for glyph `left` directly followed by glyph `right` of the same face.
/// Monospaced faces are never kerned (as in GR).
pub(crate) fn pair_adjust(id: FaceId, left: u16, right: u16) -> PairAdjust {
    let mut acc = PairAdjust::default();
    if left == 0 || right == 0 || face(id).is_monospaced() {
        return acc;
    }
    let data = kern_data(id);
    let (l, r) = (GlyphId(left), GlyphId(right));
    for lookup in &data.gpos {
        apply_lookup(lookup, l, r, &mut acc);
    }
    if data.gpos.is_empty() {
        for sub in &data.legacy {
            if let Some(v) = sub.glyphs_kerning(l, r) {
                acc.first_advance += v as f64;
            }
        }
    }
    acc
}

/// Kerning between glyph `left` and the following glyph `right` of the same face, in font
/// units (negative moves `right` closer). Includes the placement shift of the second glyph.
pub fn kerning(id: FaceId, left: u16, right: u16) -> f64 {
    let a = pair_adjust(id, left, right);
    a.first_advance + a.second_placement
}

/// True if the face has kerning data (GPOS `kern` pair lookups or a legacy `kern` table).
pub fn has_kerning(id: FaceId) -> bool {
    let d = kern_data(id);
    !d.gpos.is_empty() || !d.legacy.is_empty()
}

#[cfg(test)]
mod tests {
    use super::super::registry::*;
    use super::*;

    fn k(id: FaceId, a: char, b: char) -> f64 {
        kerning(id, glyph_index(id, a).unwrap(), glyph_index(id, b).unwrap())
    }

    #[test]
    fn av_is_kerned() {
        for id in [SANS, SANS_BOLD, SERIF, SERIF_ITALIC, DEJAVU_SERIF, CM] {
            assert!(has_kerning(id), "{}", face_name(id));
            assert!(
                k(id, 'A', 'V') < 0.0,
                "{}: AV {}",
                face_name(id),
                k(id, 'A', 'V')
            );
        }
        assert!(k(SANS, 'T', 'o') < 0.0);
    }

    #[test]
    fn mono_is_not_kerned() {
        assert_eq!(k(MONO, 'A', 'V'), 0.0);
    }

    #[test]
    fn unkerned_pair_is_zero() {
        assert_eq!(k(SANS, 'H', 'H'), 0.0);
        assert_eq!(kerning(SANS, 0, 5), 0.0);
    }
}
