//! The table of embedded faces: where their bytes come from, their names and styles, and the
//! lazily parsed [`ttf_parser::Face`] of each (parsed once, on first use, then shared).

use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};

use crate::geometry::Path;

use super::kern::KernData;

/// Identifies one embedded font face (see the constants [`SANS`], [`SERIF`], … and [`faces`]).
///
/// Ids outside the embedded range are treated as [`SANS`] by every function of this module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaceId(pub u16);

/// DejaVu Sans (GR's Helvetica and AvantGarde stand-in).
pub const SANS: FaceId = FaceId(0);
/// DejaVu Sans Bold.
pub const SANS_BOLD: FaceId = FaceId(1);
/// DejaVu Sans Oblique.
pub const SANS_OBLIQUE: FaceId = FaceId(2);
/// DejaVu Sans Bold Oblique.
pub const SANS_BOLD_OBLIQUE: FaceId = FaceId(3);
/// Libertinus Serif Regular (GR's Times and Palatino stand-in).
pub const SERIF: FaceId = FaceId(4);
/// Libertinus Serif Bold.
pub const SERIF_BOLD: FaceId = FaceId(5);
/// Libertinus Serif Italic.
pub const SERIF_ITALIC: FaceId = FaceId(6);
/// Libertinus Serif Bold Italic.
pub const SERIF_BOLD_ITALIC: FaceId = FaceId(7);
/// DejaVu Serif (GR's Bookman stand-in; also a fallback face).
pub const DEJAVU_SERIF: FaceId = FaceId(8);
/// DejaVu Serif Bold.
pub const DEJAVU_SERIF_BOLD: FaceId = FaceId(9);
/// DejaVu Serif Italic.
pub const DEJAVU_SERIF_ITALIC: FaceId = FaceId(10);
/// DejaVu Serif Bold Italic.
pub const DEJAVU_SERIF_BOLD_ITALIC: FaceId = FaceId(11);
/// DejaVu Sans Mono (GR's Courier stand-in).
pub const MONO: FaceId = FaceId(12);
/// DejaVu Sans Mono Bold.
pub const MONO_BOLD: FaceId = FaceId(13);
/// DejaVu Sans Mono Oblique.
pub const MONO_OBLIQUE: FaceId = FaceId(14);
/// DejaVu Sans Mono Bold Oblique.
pub const MONO_BOLD_OBLIQUE: FaceId = FaceId(15);
/// New Computer Modern Math (has an OpenType MATH table; GR's Symbol, CMU Serif Math and STIX
/// Two Math stand-in).
pub const MATH: FaceId = FaceId(16);
/// New Computer Modern 10 Regular (GR's New Century Schoolbook stand-in).
pub const CM: FaceId = FaceId(17);
/// New Computer Modern 10 Bold.
pub const CM_BOLD: FaceId = FaceId(18);
/// New Computer Modern 10 Italic.
pub const CM_ITALIC: FaceId = FaceId(19);
/// New Computer Modern 10 Bold Italic.
pub const CM_BOLD_ITALIC: FaceId = FaceId(20);

/// Typeface family of an embedded face.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// DejaVu Sans.
    Sans,
    /// Libertinus Serif.
    Serif,
    /// DejaVu Serif.
    DejaVuSerif,
    /// DejaVu Sans Mono.
    Mono,
    /// New Computer Modern Math (one style only).
    Math,
    /// New Computer Modern 10 text faces.
    ComputerModern,
}

/// Where the bytes of a face come from.
enum Source {
    /// A function of the `dejavu` crate.
    DejaVu(fn() -> &'static [u8]),
    /// A font of `typst_assets::fonts()`, identified by its PostScript name.
    Typst(&'static str),
}

struct Desc {
    name: &'static str,
    family: Family,
    bold: bool,
    italic: bool,
    source: Source,
}

const fn d(name: &'static str, family: Family, bold: bool, italic: bool, source: Source) -> Desc {
    Desc {
        name,
        family,
        bold,
        italic,
        source,
    }
}

use Family::*;
use Source::{DejaVu, Typst};

/// Indexed by `FaceId.0`; the order must match the constants above.
static DESCS: [Desc; 21] = [
    d(
        "DejaVu Sans",
        Sans,
        false,
        false,
        DejaVu(dejavu::sans::regular),
    ),
    d(
        "DejaVu Sans Bold",
        Sans,
        true,
        false,
        DejaVu(dejavu::sans::bold),
    ),
    d(
        "DejaVu Sans Oblique",
        Sans,
        false,
        true,
        DejaVu(dejavu::sans::oblique),
    ),
    d(
        "DejaVu Sans Bold Oblique",
        Sans,
        true,
        true,
        DejaVu(dejavu::sans::bold_oblique),
    ),
    d(
        "Libertinus Serif",
        Serif,
        false,
        false,
        Typst("LibertinusSerif-Regular"),
    ),
    d(
        "Libertinus Serif Bold",
        Serif,
        true,
        false,
        Typst("LibertinusSerif-Bold"),
    ),
    d(
        "Libertinus Serif Italic",
        Serif,
        false,
        true,
        Typst("LibertinusSerif-Italic"),
    ),
    d(
        "Libertinus Serif Bold Italic",
        Serif,
        true,
        true,
        Typst("LibertinusSerif-BoldItalic"),
    ),
    d(
        "DejaVu Serif",
        DejaVuSerif,
        false,
        false,
        DejaVu(dejavu::serif::regular),
    ),
    d(
        "DejaVu Serif Bold",
        DejaVuSerif,
        true,
        false,
        DejaVu(dejavu::serif::bold),
    ),
    d(
        "DejaVu Serif Italic",
        DejaVuSerif,
        false,
        true,
        DejaVu(dejavu::serif::italic),
    ),
    d(
        "DejaVu Serif Bold Italic",
        DejaVuSerif,
        true,
        true,
        DejaVu(dejavu::serif::bold_italic),
    ),
    d(
        "DejaVu Sans Mono",
        Mono,
        false,
        false,
        DejaVu(dejavu::sans_mono::regular),
    ),
    d(
        "DejaVu Sans Mono Bold",
        Mono,
        true,
        false,
        DejaVu(dejavu::sans_mono::bold),
    ),
    d(
        "DejaVu Sans Mono Oblique",
        Mono,
        false,
        true,
        DejaVu(dejavu::sans_mono::oblique),
    ),
    d(
        "DejaVu Sans Mono Bold Oblique",
        Mono,
        true,
        true,
        DejaVu(dejavu::sans_mono::bold_oblique),
    ),
    d(
        "New Computer Modern Math",
        Math,
        false,
        false,
        Typst("NewCMMath-Regular"),
    ),
    d(
        "New Computer Modern 10",
        ComputerModern,
        false,
        false,
        Typst("NewCM10-Regular"),
    ),
    d(
        "New Computer Modern 10 Bold",
        ComputerModern,
        true,
        false,
        Typst("NewCM10-Bold"),
    ),
    d(
        "New Computer Modern 10 Italic",
        ComputerModern,
        false,
        true,
        Typst("NewCM10-Italic"),
    ),
    d(
        "New Computer Modern 10 Bold Italic",
        ComputerModern,
        true,
        true,
        Typst("NewCM10-BoldItalic"),
    ),
];

const N: usize = DESCS.len();

static ALL: [FaceId; N] = {
    let mut a = [FaceId(0); N];
    let mut i = 0;
    while i < N {
        a[i] = FaceId(i as u16);
        i += 1;
    }
    a
};

/// Vertical metrics of a face, in font units (y up).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FaceMetrics {
    /// Font units per em.
    pub units_per_em: f64,
    /// Typographic ascender (above the baseline, positive).
    pub ascender: f64,
    /// Typographic descender (below the baseline, negative).
    pub descender: f64,
    /// Height of capital letters ('H').
    pub cap_height: f64,
    /// Height of lowercase letters ('x').
    pub x_height: f64,
}

/// A parsed face with everything derived from it.
pub(crate) struct Loaded {
    pub(crate) face: ttf_parser::Face<'static>,
    data: &'static [u8],
    ps_name: String,
    metrics: FaceMetrics,
    pub(crate) outlines: RwLock<HashMap<u16, Option<Arc<Path>>>>,
    pub(crate) kern: OnceLock<KernData>,
}

static LOADED: [OnceLock<Loaded>; N] = [const { OnceLock::new() }; N];

/// The bytes of the bundled typst font with PostScript name `ps`.
fn typst_font(ps: &str) -> Option<&'static [u8]> {
    static BY_NAME: OnceLock<Vec<(String, &'static [u8])>> = OnceLock::new();
    BY_NAME
        .get_or_init(|| {
            typst_assets::fonts()
                .filter_map(|data| {
                    let face = ttf_parser::Face::parse(data, 0).ok()?;
                    Some((name_of(&face, ttf_parser::name_id::POST_SCRIPT_NAME)?, data))
                })
                .collect()
        })
        .iter()
        .find(|(n, _)| n == ps)
        .map(|(_, data)| *data)
}

/// The first Unicode entry of name-table record `id`.
fn name_of(face: &ttf_parser::Face, id: u16) -> Option<String> {
    face.names()
        .into_iter()
        .filter(|n| n.name_id == id && n.is_unicode())
        .find_map(|n| n.to_string())
        .filter(|s| !s.is_empty())
}

/// The index into the face table (unknown ids fall back to [`SANS`]).
fn slot(id: FaceId) -> usize {
    let i = id.0 as usize;
    if i < N {
        i
    } else {
        0
    }
}

fn bytes_of(desc: &Desc) -> &'static [u8] {
    match desc.source {
        DejaVu(f) => f(),
        // All named fonts ship with typst-assets (feature "fonts"); if a future version drops
        // one, DejaVu Sans keeps text readable instead of failing.
        Typst(ps) => typst_font(ps).unwrap_or_else(dejavu::sans::regular),
    }
}

fn load(i: usize) -> Loaded {
    let desc = &DESCS[i];
    let data = bytes_of(desc);
    let face = match ttf_parser::Face::parse(data, 0) {
        Ok(f) => f,
        // The embedded fonts are fixed at build time and covered by tests.
        Err(e) => panic!("embedded font {} does not parse: {e}", desc.name),
    };
    let ps_name = name_of(&face, ttf_parser::name_id::POST_SCRIPT_NAME)
        .filter(|s| s.chars().all(|c| c.is_ascii_graphic()))
        .unwrap_or_else(|| sanitize(desc.name));
    let metrics = compute_metrics(&face);
    Loaded {
        face,
        data,
        ps_name,
        metrics,
        outlines: RwLock::new(HashMap::new()),
        kern: OnceLock::new(),
    }
}

/// A PostScript-safe name: ASCII letters, digits and '-' only.
fn sanitize(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect()
}

fn compute_metrics(face: &ttf_parser::Face) -> FaceMetrics {
    let upem = face.units_per_em() as f64;
    let bbox_top = |c: char| {
        face.glyph_index(c)
            .and_then(|g| face.glyph_bounding_box(g))
            .map(|r| r.y_max as f64)
            .filter(|&y| y > 0.0)
    };
    let positive = |v: Option<i16>| v.map(f64::from).filter(|&v| v > 0.0);
    let ascender = Some(face.ascender() as f64)
        .filter(|&a| a > 0.0)
        .unwrap_or(0.8 * upem);
    let descender = match face.descender() as f64 {
        d if d < 0.0 => d,
        d if d > 0.0 => -d,
        _ => -0.2 * upem,
    };
    let cap_height = positive(face.capital_height())
        .or_else(|| bbox_top('H'))
        .unwrap_or(0.7 * upem);
    let x_height = positive(face.x_height())
        .or_else(|| bbox_top('x'))
        .unwrap_or(0.5 * upem);
    FaceMetrics {
        units_per_em: upem,
        ascender,
        descender,
        cap_height,
        x_height,
    }
}

/// The loaded state of a face (parsed on first use).
pub(crate) fn loaded(id: FaceId) -> &'static Loaded {
    let i = slot(id);
    LOADED[i].get_or_init(|| load(i))
}

/// The id itself if it names an embedded face, else [`SANS`].
pub(crate) fn normalize(id: FaceId) -> FaceId {
    FaceId(slot(id) as u16)
}

/// All embedded faces, in id order.
pub fn faces() -> &'static [FaceId] {
    &ALL
}

/// The parsed face (parsed once, on first use).
pub fn face(id: FaceId) -> &'static ttf_parser::Face<'static> {
    &loaded(id).face
}

/// The raw font file bytes of the face (for embedding in PDF/PS), exactly as shipped.
pub fn face_data(id: FaceId) -> &'static [u8] {
    loaded(id).data
}

/// The index of the face inside [`face_data`] (always 0: no collections are embedded).
pub fn face_index(_id: FaceId) -> u32 {
    0
}

/// PostScript name of the face, from its name table (or a sanitised [`face_name`]).
pub fn postscript_name(id: FaceId) -> &'static str {
    &loaded(id).ps_name
}

/// Human-readable name of the face, e.g. "DejaVu Sans Bold".
pub fn face_name(id: FaceId) -> &'static str {
    DESCS[slot(id)].name
}

/// True if the outlines are CFF/CFF2 (an OpenType `.otf` font), false for TrueType `glyf`.
pub fn is_cff(id: FaceId) -> bool {
    let t = face(id).tables();
    t.cff.is_some() || t.cff2.is_some()
}

/// Font units per em.
pub fn units_per_em(id: FaceId) -> f64 {
    loaded(id).metrics.units_per_em
}

/// Vertical metrics of the face in font units.
pub fn metrics(id: FaceId) -> FaceMetrics {
    loaded(id).metrics
}

/// The family of the face.
pub fn family(id: FaceId) -> Family {
    DESCS[slot(id)].family
}

/// `(bold, italic)` style of the face.
pub fn style(id: FaceId) -> (bool, bool) {
    let desc = &DESCS[slot(id)];
    (desc.bold, desc.italic)
}

/// The face of `family` with the requested style, or the nearest one the family has
/// ([`Family::Math`] has only one face).
pub fn variant(family: Family, bold: bool, italic: bool) -> FaceId {
    let exact = DESCS
        .iter()
        .position(|d| d.family == family && d.bold == bold && d.italic == italic);
    let any = || DESCS.iter().position(|d| d.family == family);
    FaceId(exact.or_else(any).unwrap_or(0) as u16)
}

/// The glyph id of `ch` in the face, `None` if the face has no glyph for it.
pub fn glyph_index(id: FaceId, ch: char) -> Option<u16> {
    face(id).glyph_index(ch).map(|g| g.0).filter(|&g| g != 0)
}

/// True if the face has a glyph for `ch`.
pub fn has_glyph(id: FaceId, ch: char) -> bool {
    glyph_index(id, ch).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_face_parses_with_expected_name() {
        let expect = [
            "DejaVuSans",
            "DejaVuSans-Bold",
            "DejaVuSans-Oblique",
            "DejaVuSans-BoldOblique",
            "LibertinusSerif-Regular",
            "LibertinusSerif-Bold",
            "LibertinusSerif-Italic",
            "LibertinusSerif-BoldItalic",
            "DejaVuSerif",
            "DejaVuSerif-Bold",
            "DejaVuSerif-Italic",
            "DejaVuSerif-BoldItalic",
            "DejaVuSansMono",
            "DejaVuSansMono-Bold",
            "DejaVuSansMono-Oblique",
            "DejaVuSansMono-BoldOblique",
            "NewCMMath-Regular",
            "NewCM10-Regular",
            "NewCM10-Bold",
            "NewCM10-Italic",
            "NewCM10-BoldItalic",
        ];
        assert_eq!(faces().len(), expect.len());
        for (&id, ps) in faces().iter().zip(expect) {
            assert!(face(id).number_of_glyphs() > 100, "{}", face_name(id));
            assert_eq!(postscript_name(id), ps, "{}", face_name(id));
            assert_eq!(face_index(id), 0);
            assert!(ttf_parser::Face::parse(face_data(id), face_index(id)).is_ok());
        }
    }

    #[test]
    fn constants_match_table() {
        let check = [
            (SANS, Sans, false, false),
            (SANS_BOLD, Sans, true, false),
            (SANS_OBLIQUE, Sans, false, true),
            (SANS_BOLD_OBLIQUE, Sans, true, true),
            (SERIF, Serif, false, false),
            (SERIF_BOLD, Serif, true, false),
            (SERIF_ITALIC, Serif, false, true),
            (SERIF_BOLD_ITALIC, Serif, true, true),
            (DEJAVU_SERIF, DejaVuSerif, false, false),
            (DEJAVU_SERIF_BOLD, DejaVuSerif, true, false),
            (DEJAVU_SERIF_ITALIC, DejaVuSerif, false, true),
            (DEJAVU_SERIF_BOLD_ITALIC, DejaVuSerif, true, true),
            (MONO, Mono, false, false),
            (MONO_BOLD, Mono, true, false),
            (MONO_OBLIQUE, Mono, false, true),
            (MONO_BOLD_OBLIQUE, Mono, true, true),
            (MATH, Math, false, false),
            (CM, ComputerModern, false, false),
            (CM_BOLD, ComputerModern, true, false),
            (CM_ITALIC, ComputerModern, false, true),
            (CM_BOLD_ITALIC, ComputerModern, true, true),
        ];
        for (id, fam, b, i) in check {
            assert_eq!((family(id), style(id)), (fam, (b, i)), "{}", face_name(id));
            assert_eq!(variant(fam, b, i), id);
        }
        assert_eq!(variant(Math, true, true), MATH);
    }

    #[test]
    fn cff_flags() {
        assert!(!is_cff(SANS));
        assert!(!is_cff(MONO));
        assert!(is_cff(SERIF));
        assert!(is_cff(MATH));
        assert!(is_cff(CM_ITALIC));
    }

    #[test]
    fn unknown_ids_fall_back_to_sans() {
        assert_eq!(face_name(FaceId(999)), face_name(SANS));
        assert_eq!(postscript_name(FaceId(999)), "DejaVuSans");
        assert_eq!(normalize(FaceId(999)), SANS);
    }

    #[test]
    fn metrics_are_sane() {
        for &id in faces() {
            let m = metrics(id);
            let name = face_name(id);
            assert!(m.units_per_em >= 16.0, "{name}");
            assert!(m.descender < 0.0, "{name}");
            assert!(
                m.cap_height > 0.0 && m.cap_height < m.ascender,
                "{name}: {m:?}"
            );
            assert!(
                m.x_height > 0.0 && m.x_height < m.cap_height,
                "{name}: {m:?}"
            );
        }
    }
}
