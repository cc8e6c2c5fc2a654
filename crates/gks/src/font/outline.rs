//! Glyph outlines (cached per face) and advances.

use std::sync::Arc;

use crate::geometry::{Path, Rect};

use super::registry::{face, loaded, FaceId};

struct Builder(Path);

impl ttf_parser::OutlineBuilder for Builder {
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
        self.0.cubic_to(
            x1 as f64, y1 as f64, x2 as f64, y2 as f64, x as f64, y as f64,
        )
    }
    fn close(&mut self) {
        self.0.close()
    }
}

/// Outline of a glyph in font units (y up, origin on the baseline at the pen position), or
/// `None` for glyphs without contours (space) and unknown glyph ids. Cached per face, so every
/// glyph is decoded once; safe to call from many threads.
pub fn glyph_outline(id: FaceId, gid: u16) -> Option<Arc<Path>> {
    let l = loaded(id);
    if let Some(hit) = l
        .outlines
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get(&gid)
    {
        return hit.clone();
    }
    let mut b = Builder(Path::new());
    let outline = l
        .face
        .outline_glyph(ttf_parser::GlyphId(gid), &mut b)
        .filter(|_| !b.0.is_empty())
        .map(|_| Arc::new(b.0));
    l.outlines
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .entry(gid)
        .or_insert(outline)
        .clone()
}

/// Horizontal advance of a glyph in font units (0 for unknown glyph ids).
pub fn glyph_advance(id: FaceId, gid: u16) -> f64 {
    face(id)
        .glyph_hor_advance(ttf_parser::GlyphId(gid))
        .unwrap_or(0) as f64
}

/// Bounding box of a glyph's outline in font units (y up), `None` for empty glyphs.
pub fn glyph_bounds(id: FaceId, gid: u16) -> Option<Rect> {
    let f = face(id);
    if f.tables().glyf.is_some() {
        // Read from the glyph header: no outline decoding needed.
        let r = f.glyph_bounding_box(ttf_parser::GlyphId(gid))?;
        return Some(Rect::new(
            r.x_min as f64,
            r.y_min as f64,
            r.x_max as f64,
            r.y_max as f64,
        ));
    }
    glyph_outline(id, gid)?.bounds()
}

#[cfg(test)]
mod tests {
    use super::super::registry::{face_name, faces, glyph_index, metrics};
    use super::*;

    #[test]
    fn outline_of_h_matches_cap_height() {
        for &id in faces() {
            let name = face_name(id);
            let gid = glyph_index(id, 'H').unwrap_or_else(|| panic!("{name}: no 'H'"));
            let path = glyph_outline(id, gid).unwrap_or_else(|| panic!("{name}: no outline"));
            let b = path.bounds().unwrap();
            let cap = metrics(id).cap_height;
            assert!(
                (b.y1 - cap).abs() <= 0.02 * cap,
                "{name}: H top {} vs cap height {cap}",
                b.y1
            );
            assert!(b.y0.abs() <= 0.02 * cap, "{name}: H bottom {}", b.y0);
            // Second call is served from the cache (same allocation).
            assert!(Arc::ptr_eq(&path, &glyph_outline(id, gid).unwrap()));
            assert!(glyph_advance(id, gid) > 0.0);
            let gb = glyph_bounds(id, gid).unwrap();
            assert!((gb.y1 - b.y1).abs() <= 0.02 * cap, "{name}");
        }
    }

    #[test]
    fn space_has_no_outline_but_advance() {
        let gid = glyph_index(super::super::SANS, ' ').unwrap();
        assert!(glyph_outline(super::super::SANS, gid).is_none());
        assert!(glyph_advance(super::super::SANS, gid) > 0.0);
        assert!(glyph_outline(super::super::SANS, u16::MAX).is_none());
        assert_eq!(glyph_advance(super::super::SANS, u16::MAX), 0.0);
    }

    #[test]
    fn outlines_are_thread_safe() {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                std::thread::spawn(|| {
                    for gid in 0..200 {
                        let _ = glyph_outline(super::super::SERIF, gid);
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
    }
}
