//! Embedded fonts: the faces, GR's font numbers, glyph outlines and single-line shaping.
//!
//! Fonts come only from crates (never from the system), so output is identical everywhere:
//!
//! | Family | Faces | Source | Stands in for |
//! |---|---|---|---|
//! | DejaVu Sans | [`SANS`], [`SANS_BOLD`], [`SANS_OBLIQUE`], [`SANS_BOLD_OBLIQUE`] | `dejavu` | Helvetica, AvantGarde, Zapf Dingbats |
//! | Libertinus Serif | [`SERIF`], [`SERIF_BOLD`], [`SERIF_ITALIC`], [`SERIF_BOLD_ITALIC`] | `typst-assets` | Times, Palatino, Zapf Chancery |
//! | DejaVu Serif | [`DEJAVU_SERIF`] … [`DEJAVU_SERIF_BOLD_ITALIC`] | `dejavu` | Bookman |
//! | DejaVu Sans Mono | [`MONO`], [`MONO_BOLD`], [`MONO_OBLIQUE`], [`MONO_BOLD_OBLIQUE`] | `dejavu` | Courier |
//! | New Computer Modern Math | [`MATH`] (OpenType MATH table) | `typst-assets` | Symbol, CMU Serif Math, STIX Two Math |
//! | New Computer Modern 10 | [`CM`], [`CM_BOLD`], [`CM_ITALIC`], [`CM_BOLD_ITALIC`] | `typst-assets` | New Century Schoolbook |
//!
//! Each face is parsed once, on first use, into a [`ttf_parser::Face`]; glyph outlines are
//! cached per face. All units are font units (y up) unless a function says pixels.
//!
//! * [`resolve_gr_font`] maps GR font numbers (1–32, 101–131, 232–234) to faces.
//! * [`shape_line`] turns a line of text into positioned glyphs with kerning and a fallback
//!   chain, so Greek, mathematical symbols, arrows and accented Latin always render.
//! * [`glyph_outline`], [`glyph_advance`], [`metrics`] give the geometry drivers need;
//!   [`face_data`], [`postscript_name`] and [`is_cff`] serve font embedding in PDF/PS.

mod gr_numbers;
mod kern;
mod outline;
mod registry;
mod shape;

pub use gr_numbers::{is_symbol_font, resolve_gr_font, symbol_to_unicode};
pub use kern::{has_kerning, kerning};
pub use outline::{glyph_advance, glyph_bounds, glyph_outline};
pub use registry::{
    face, face_data, face_index, face_name, faces, family, glyph_index, has_glyph, is_cff, metrics,
    postscript_name, style, units_per_em, variant, FaceId, FaceMetrics, Family, CM, CM_BOLD,
    CM_BOLD_ITALIC, CM_ITALIC, DEJAVU_SERIF, DEJAVU_SERIF_BOLD, DEJAVU_SERIF_BOLD_ITALIC,
    DEJAVU_SERIF_ITALIC, MATH, MONO, MONO_BOLD, MONO_BOLD_OBLIQUE, MONO_OBLIQUE, SANS, SANS_BOLD,
    SANS_BOLD_OBLIQUE, SANS_OBLIQUE, SERIF, SERIF_BOLD, SERIF_BOLD_ITALIC, SERIF_ITALIC,
};
pub use shape::{fallback_chain, shape_line, ShapedGlyph, ShapedLine};
