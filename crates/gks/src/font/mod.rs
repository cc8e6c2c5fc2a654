//! Embedded fonts (STUB: being replaced by the full font module).
use std::sync::{Arc, OnceLock};

use crate::geometry::Path;

/// Identifies one embedded font face.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaceId(pub u16);

fn parsed() -> &'static ttf_parser::Face<'static> {
    static F: OnceLock<ttf_parser::Face<'static>> = OnceLock::new();
    F.get_or_init(|| ttf_parser::Face::parse(dejavu::sans::regular(), 0).expect("embedded font"))
}

/// The parsed face.
pub fn face(_id: FaceId) -> &'static ttf_parser::Face<'static> {
    parsed()
}
/// The raw font file bytes of the face (for embedding in PDF).
pub fn face_data(_id: FaceId) -> &'static [u8] {
    dejavu::sans::regular()
}
/// PostScript name of the face.
pub fn postscript_name(_id: FaceId) -> &'static str {
    "DejaVuSans"
}
/// Font units per em.
pub fn units_per_em(id: FaceId) -> f64 {
    face(id).units_per_em() as f64
}
/// Outline of a glyph in font units (y up), cached.
pub fn glyph_outline(id: FaceId, gid: u16) -> Option<Arc<Path>> {
    struct B(Path);
    impl ttf_parser::OutlineBuilder for B {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.move_to(x as f64, y as f64)
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.line_to(x as f64, y as f64)
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.0.quad_to(x1 as f64, y1 as f64, x as f64, y as f64)
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.0
                .cubic_to(x1 as f64, y1 as f64, x2 as f64, y2 as f64, x as f64, y as f64)
        }
        fn close(&mut self) {
            self.0.close()
        }
    }
    let mut b = B(Path::new());
    face(id).outline_glyph(ttf_parser::GlyphId(gid), &mut b)?;
    Some(Arc::new(b.0))
}
