//! Font embedding for the PDF driver: every face used on any page becomes one Type0 font
//! (Identity-H) with a subsetted CIDFontType2 (TrueType outlines) or CIDFontType0 (CFF
//! outlines) descendant, a `W` array and a `ToUnicode` CMap.

use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect as PdfRect, Ref, Str};
use subsetter::GlyphRemapper;

use super::flate::deflate;
use super::RefAlloc;

/// Where the bytes of a face come from.
pub(super) struct FontSource {
    /// The OpenType/TrueType file (or collection).
    pub data: &'static [u8],
    /// Index of the face in a collection (0 for plain font files).
    pub index: u32,
    /// PostScript name of the face (sanitised before use).
    pub ps_name: String,
}

/// A font that has been written to the document.
pub(super) struct EmbeddedFont {
    /// The Type0 font dictionary.
    pub font_ref: Ref,
    /// Old glyph id → new glyph id (= CID) in the subset.
    remap: GlyphRemapper,
    /// Advance widths by new glyph id, in 1/1000 em, exactly as written into the `W` array.
    widths: Vec<f32>,
}

impl EmbeddedFont {
    /// The CID (new glyph id) that stands for original glyph `gid`.
    pub fn cid(&self, gid: u16) -> u16 {
        self.remap.get(gid).unwrap_or(0)
    }

    /// Advance width of a CID in em, as a viewer computes it from the `W` array.
    pub fn advance_em(&self, cid: u16) -> f64 {
        self.widths.get(cid as usize).copied().unwrap_or(0.0) as f64 / 1000.0
    }
}

/// 64-bit FNV-1a, used for the deterministic subset tag.
fn fnv1a(bytes: impl IntoIterator<Item = u8>, mut h: u64) -> u64 {
    for b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A six-letter subset tag derived from the name and the glyph set.
fn subset_tag(ps_name: &str, gids: &[u16]) -> String {
    let mut h = fnv1a(ps_name.bytes(), 0xcbf2_9ce4_8422_2325);
    h = fnv1a(gids.iter().flat_map(|g| g.to_be_bytes()), h);
    let mut tag = String::with_capacity(6);
    for _ in 0..6 {
        tag.push((b'A' + (h % 26) as u8) as char);
        h /= 26;
    }
    tag
}

/// Keeps only characters allowed unescaped in a PDF name (and sensible in a font name).
fn sanitize_name(name: &str) -> String {
    let s: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_' || *c == '.')
        .take(100)
        .collect();
    if s.is_empty() {
        "Font".to_string()
    } else {
        s
    }
}

/// TrueType tables a PDF viewer needs from an embedded CIDFontType2 (glyphs are addressed
/// by glyph id, so no `cmap`; `name`, `post` and the hinting programs are left out).
const KEEP_TABLES: [&[u8; 4]; 6] = [b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp"];

/// The TrueType font `data` with only [`KEEP_TABLES`], each 4-byte aligned with its
/// checksum; `None` if the table directory cannot be read or a needed table is missing.
fn strip_tables(data: &[u8]) -> Option<Vec<u8>> {
    let u16_at = |o: usize| data.get(o..o + 2).map(|b| u16::from_be_bytes([b[0], b[1]]));
    let u32_at = |o: usize| {
        data.get(o..o + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    let n = u16_at(4)? as usize;
    let mut tables: Vec<([u8; 4], &[u8])> = Vec::new();
    for i in 0..n {
        let rec = 12 + 16 * i;
        let tag: [u8; 4] = data.get(rec..rec + 4)?.try_into().ok()?;
        if KEEP_TABLES.iter().any(|t| **t == tag) {
            let (off, len) = (u32_at(rec + 8)? as usize, u32_at(rec + 12)? as usize);
            tables.push((tag, data.get(off..off.checked_add(len)?)?));
        }
    }
    if tables.len() != KEEP_TABLES.len() {
        return None;
    }
    tables.sort_by_key(|t| t.0);
    let count = tables.len() as u16;
    let mut pow = 1u16;
    let mut log = 0u16;
    while pow * 2 <= count {
        pow *= 2;
        log += 1;
    }
    let mut out = Vec::with_capacity(data.len());
    out.extend_from_slice(&data[0..4]);
    for v in [count, pow * 16, log, count * 16 - pow * 16] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    for (tag, body) in &tables {
        let mut sum = 0u32;
        for chunk in body.chunks(4) {
            let mut b = [0u8; 4];
            b[..chunk.len()].copy_from_slice(chunk);
            sum = sum.wrapping_add(u32::from_be_bytes(b));
        }
        out.extend_from_slice(tag);
        out.extend_from_slice(&sum.to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(body.len() as u32).to_be_bytes());
        offset += body.len().div_ceil(4) * 4;
    }
    for (_, body) in &tables {
        out.extend_from_slice(body);
        out.resize(out.len().div_ceil(4) * 4, 0);
    }
    Some(out)
}

/// Writes a subset of `src` containing `glyphs` (original glyph id → character it stands for)
/// as a Type0 font. Fails if the face cannot be parsed or subsetted; the caller then draws the
/// glyphs as outlines.
pub(super) fn embed(
    pdf: &mut Pdf,
    alloc: &mut RefAlloc,
    src: &FontSource,
    glyphs: &BTreeMap<u16, char>,
) -> Result<EmbeddedFont, String> {
    let face = ttf_parser::Face::parse(src.data, src.index).map_err(|e| e.to_string())?;
    let gids: Vec<u16> = glyphs.keys().copied().collect();
    let remap = GlyphRemapper::new_from_glyphs_sorted(&gids);
    let subset = subsetter::subset(src.data, src.index, &remap).map_err(|e| format!("{e:?}"))?;
    // The subsetter prefers glyf over CFF when both are present; do the same.
    let is_cff = face.tables().glyf.is_none() && face.tables().cff.is_some();
    let program = if is_cff {
        let raw = ttf_parser::RawFace::parse(&subset, 0).map_err(|e| e.to_string())?;
        raw.table(ttf_parser::Tag::from_bytes(b"CFF "))
            .ok_or("subset font has no CFF table")?
            .to_vec()
    } else {
        strip_tables(&subset).unwrap_or(subset)
    };

    let upem = face.units_per_em() as f64;
    let to_pdf = |v: f64| ((v * 1000.0 / upem) * 100.0).round() as f32 / 100.0;
    // Widths at full precision, so that natural advances need no TJ adjustments.
    let widths: Vec<f32> = remap
        .remapped_gids()
        .map(|old| {
            let adv = face
                .glyph_hor_advance(ttf_parser::GlyphId(old))
                .unwrap_or(0);
            (adv as f64 * 1000.0 / upem) as f32
        })
        .collect();

    let ps_name = sanitize_name(&src.ps_name);
    let base_font = format!("{}+{}", subset_tag(&ps_name, &gids), ps_name);
    let base_font = Name(base_font.as_bytes());

    let font_ref = alloc.next();
    let cid_ref = alloc.next();
    let descriptor_ref = alloc.next();
    let cmap_ref = alloc.next();
    let file_ref = alloc.next();

    pdf.type0_font(font_ref)
        .base_font(base_font)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_ref)
        .to_unicode(cmap_ref);

    let mut cid = pdf.cid_font(cid_ref);
    let subtype = if is_cff {
        CidFontType::Type0
    } else {
        CidFontType::Type2
    };
    cid.subtype(subtype)
        .base_font(base_font)
        .system_info(SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"Identity"),
            supplement: 0,
        })
        .font_descriptor(descriptor_ref)
        .default_width(0.0);
    cid.widths().consecutive(0, widths.iter().copied());
    if !is_cff {
        cid.cid_to_gid_map_predefined(Name(b"Identity"));
    }
    cid.finish();

    // Font descriptor.
    let mut flags = FontFlags::SYMBOLIC;
    if face.is_monospaced() {
        flags |= FontFlags::FIXED_PITCH;
    }
    let italic_angle = face.italic_angle();
    if face.is_italic() || italic_angle != 0.0 {
        flags |= FontFlags::ITALIC;
    }
    let bb = face.global_bounding_box();
    let bbox = PdfRect::new(
        to_pdf(bb.x_min as f64),
        to_pdf(bb.y_min as f64),
        to_pdf(bb.x_max as f64),
        to_pdf(bb.y_max as f64),
    );
    let ascent = to_pdf(face.ascender() as f64);
    let descent = to_pdf(face.descender() as f64);
    let cap_height = face
        .capital_height()
        .filter(|&h| h > 0)
        .or_else(|| {
            let h = face.glyph_index('H')?;
            Some(face.glyph_bounding_box(h)?.y_max).filter(|&h| h > 0)
        })
        .map(|h| to_pdf(h as f64))
        .unwrap_or(ascent);
    let stem_v = 10.0 + 0.244 * (face.weight().to_number() as f32 - 50.0);
    let mut desc = pdf.font_descriptor(descriptor_ref);
    desc.name(base_font)
        .flags(flags)
        .bbox(bbox)
        .italic_angle(italic_angle)
        .ascent(ascent)
        .descent(descent)
        .cap_height(cap_height)
        .stem_v(stem_v);
    if is_cff {
        desc.font_file3(file_ref);
    } else {
        desc.font_file2(file_ref);
    }
    desc.finish();

    let packed = deflate(&program);
    let mut file = pdf.stream(file_ref, &packed);
    file.filter(Filter::FlateDecode);
    if is_cff {
        file.pair(Name(b"Subtype"), Name(b"CIDFontType0C"));
    } else {
        file.pair(Name(b"Length1"), program.len() as i32);
    }
    file.finish();

    // ToUnicode: CID → character.
    let pairs = glyphs
        .iter()
        .filter(|(_, ch)| !ch.is_control())
        .filter_map(|(&old, &ch)| Some((remap.get(old)?, ch)));
    let cmap_data = deflate(&to_unicode_cmap(pairs));
    pdf.stream(cmap_ref, &cmap_data).filter(Filter::FlateDecode);

    Ok(EmbeddedFont {
        font_ref,
        remap,
        widths,
    })
}

/// A minimal ToUnicode CMap (PDF 1.7 §9.10.3) mapping two-byte CIDs to UTF-16 text, in
/// `bfchar` blocks of at most 100 entries.
fn to_unicode_cmap(pairs: impl Iterator<Item = (u16, char)>) -> Vec<u8> {
    use std::fmt::Write;
    let pairs: Vec<(u16, char)> = pairs.collect();
    let mut s = String::from(
        "/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def\n\
         /CMapName/Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n",
    );
    for block in pairs.chunks(100) {
        let _ = writeln!(s, "{} beginbfchar", block.len());
        for &(cid, ch) in block {
            let _ = write!(s, "<{cid:04X}><");
            let mut units = [0u16; 2];
            for u in ch.encode_utf16(&mut units) {
                let _ = write!(s, "{u:04X}");
            }
            s.push_str(">\n");
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap\nCMapName currentdict/CMap defineresource pop\nend\nend\n");
    s.into_bytes()
}

#[cfg(test)]
mod strip_tests {
    use super::*;
    use crate::font::FaceId;

    #[test]
    fn stripped_subset_keeps_glyph_tables_and_outlines() {
        let (data, index) = (
            crate::font::face_data(FaceId(0)),
            crate::font::face_index(FaceId(0)),
        );
        let face = ttf_parser::Face::parse(data, index).unwrap();
        let a = face.glyph_index('a').unwrap().0;
        let remap = GlyphRemapper::new_from_glyphs_sorted(&[0, a]);
        let subset = subsetter::subset(data, index, &remap).unwrap();
        let stripped = strip_tables(&subset).expect("a TrueType subset");
        assert!(stripped.len() < subset.len());
        let raw = ttf_parser::RawFace::parse(&stripped, 0).unwrap();
        let tags: Vec<[u8; 4]> = raw
            .table_records
            .into_iter()
            .map(|r| r.tag.to_bytes())
            .collect();
        assert_eq!(tags.len(), KEEP_TABLES.len());
        assert!(!tags.contains(b"name") && !tags.contains(b"cmap"));
        // The glyph is still there, with the same outline box.
        let new = ttf_parser::Face::parse(&stripped, 0).unwrap();
        let new_a = remap.get(a).unwrap();
        assert_eq!(
            new.glyph_bounding_box(ttf_parser::GlyphId(new_a)),
            face.glyph_bounding_box(ttf_parser::GlyphId(a))
        );
        // Garbage is refused, not mangled.
        assert!(strip_tables(&[0, 1, 0, 0, 0, 9]).is_none());
    }

    #[test]
    fn to_unicode_cmap_maps_cids_to_utf16() {
        let many: Vec<(u16, char)> = (1..=150).map(|i| (i, 'a')).collect();
        let text = String::from_utf8(to_unicode_cmap(
            [(1, '0'), (2, '\u{2212}'), (3, '\u{1D400}')]
                .into_iter()
                .chain(many[3..].iter().copied()),
        ))
        .unwrap();
        assert!(text.contains("<0001><0030>\n"), "{text}");
        assert!(text.contains("<0002><2212>\n"), "{text}");
        // Outside the BMP: a surrogate pair.
        assert!(text.contains("<0003><D835DC00>\n"), "{text}");
        // 150 entries: blocks of 100 and 50.
        assert!(text.contains("100 beginbfchar") && text.contains("50 beginbfchar"));
        assert_eq!(text.matches("endbfchar").count(), 2);
    }
}
