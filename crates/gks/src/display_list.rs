//! The device-independent display list: every output primitive recorded in NDC with a
//! snapshot of the attributes it was drawn with (colours already resolved).
//!
//! Drivers never see this list directly; [`crate::lower`] turns it into a
//! [`crate::device::Page`] for a given page size.

use std::sync::Arc;

use crate::attributes::{FillIntStyle, LineType, MarkerType, TextHAlign, TextPath, TextVAlign};
use crate::device::{FillRule, Rgba};
use crate::font::FaceId;
use crate::geometry::{Path, Rect};

/// Attributes of a stroked line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineStyle {
    /// Dash pattern.
    pub linetype: LineType,
    /// Width as a multiple of the nominal size.
    pub width: f64,
    /// Colour (transparency applied).
    pub color: Rgba,
}

/// Attributes of markers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarkerStyle {
    /// Shape.
    pub marker: MarkerType,
    /// Size factor (GR default 2).
    pub size: f64,
    /// Fill / stroke colour.
    pub color: Rgba,
    /// Outline colour of filled markers.
    pub border_color: Rgba,
    /// Outline width of filled markers (multiple of the nominal size).
    pub border_width: f64,
    /// Line width for line-only markers (multiple of the nominal size).
    pub line_width: f64,
    /// Colour index 0 (inside of hollow markers).
    pub background: Rgba,
}

/// Attributes of filled areas.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FillStyle {
    /// Interior style.
    pub int_style: FillIntStyle,
    /// Pattern or hatch index.
    pub style_index: i32,
    /// Fill colour.
    pub color: Rgba,
    /// Outline colour (SOLID_WITH_BORDER and paths).
    pub border_color: Rgba,
    /// Outline width (multiple of the nominal size).
    pub border_width: f64,
}

/// Attributes of text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    /// The font face.
    pub face: FaceId,
    /// Cap height in NDC.
    pub height: f64,
    /// Up vector (not necessarily normalised).
    pub up: (f64, f64),
    /// Horizontal stretch factor.
    pub expansion: f64,
    /// Extra space between characters as a fraction of the height.
    pub spacing: f64,
    /// Writing direction.
    pub path: TextPath,
    /// Horizontal alignment.
    pub halign: TextHAlign,
    /// Vertical alignment.
    pub valign: TextVAlign,
    /// Colour.
    pub color: Rgba,
}

/// One glyph of a [`GlyphBlock`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BlockGlyph {
    /// The face.
    pub face: FaceId,
    /// Glyph id in the face.
    pub id: u16,
    /// Glyph origin relative to the block's origin (on its baseline, at its left end), in
    /// NDC, y up, before rotation.
    pub x: f64,
    /// See `x`.
    pub y: f64,
    /// Em size in NDC.
    pub size: f64,
    /// The character (for selectable text in PDF).
    pub ch: char,
}

/// Glyphs and rules laid out by a higher layer (math formulas), placed as one block with
/// the text attributes (alignment, up vector, colour).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GlyphBlock {
    /// The glyphs.
    pub glyphs: Vec<BlockGlyph>,
    /// Filled rectangles (fraction bars, radical overlines) relative to the origin, in NDC.
    pub rules: Vec<Rect>,
    /// Advance width in NDC.
    pub width: f64,
    /// Extent above the baseline in NDC.
    pub ascent: f64,
    /// Extent below the baseline in NDC (positive).
    pub descent: f64,
}

/// One output primitive in NDC.
#[derive(Debug, Clone, PartialEq)]
pub enum Primitive {
    /// Connected line; a non-finite point starts a new piece.
    Polyline {
        /// Vertices in NDC.
        points: Vec<(f64, f64)>,
        /// Line attributes.
        style: LineStyle,
    },
    /// Markers at points (non-finite points are skipped).
    Polymarker {
        /// Marker positions in NDC.
        points: Vec<(f64, f64)>,
        /// Marker attributes.
        style: MarkerStyle,
    },
    /// Filled polygon.
    FillArea {
        /// Vertices in NDC.
        points: Vec<(f64, f64)>,
        /// Fill attributes.
        style: FillStyle,
        /// Inside rule.
        rule: FillRule,
    },
    /// RGBA raster (cell arrays are converted to this).
    Image {
        /// Target rectangle in NDC.
        rect: Rect,
        /// Columns.
        width: u32,
        /// Rows.
        height: u32,
        /// Straight-alpha RGBA, first row at the top.
        rgba: Arc<Vec<u8>>,
        /// Bilinear resampling if true, nearest otherwise.
        smooth: bool,
    },
    /// A text string anchored at a point.
    Text {
        /// Anchor x in NDC.
        x: f64,
        /// Anchor y in NDC.
        y: f64,
        /// UTF-8 text (may contain `\n`).
        text: String,
        /// Text attributes.
        style: TextStyle,
    },
    /// A pre-laid-out block of glyphs and rules anchored at a point (math formulas).
    Block {
        /// Anchor x in NDC.
        x: f64,
        /// Anchor y in NDC.
        y: f64,
        /// The block.
        block: GlyphBlock,
        /// Alignment, up vector and colour (font and height are not used).
        style: TextStyle,
    },
    /// Many small flat-coloured polygons drawn in order (3D surface cells), recorded by
    /// [`crate::Gks::mesh`].
    Mesh(Box<MeshData>),
    /// A general path, stroked and/or filled.
    Path {
        /// The path in NDC.
        path: Path,
        /// Stroke attributes, if stroked.
        stroke: Option<LineStyle>,
        /// Fill attributes and rule, if filled.
        fill: Option<(FillStyle, FillRule)>,
    },
}

impl Drop for Primitive {
    /// Large point lists go to [`crate::recycle`] for the next page.
    fn drop(&mut self) {
        if let Primitive::Polyline { points, .. }
        | Primitive::Polymarker { points, .. }
        | Primitive::FillArea { points, .. } = self
        {
            crate::recycle::recycle_points(std::mem::take(points));
        }
    }
}

/// The faces of a [`Primitive::Mesh`], in drawing order: each face is filled, outlined in
/// its own colour by the seam, then its closed outline (if any) is stroked, before the next
/// face is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct MeshData {
    /// Polygon vertices of all faces in NDC.
    pub points: Vec<(f64, f64)>,
    /// Per face: end (exclusive) of its polygon in `points` (it starts where the previous
    /// face's ends) and its fill colour.
    pub faces: Vec<(u32, Rgba)>,
    /// Width of the same-colour outline of every face, which hides anti-aliasing seams
    /// between neighbours (multiple of the nominal size; 0 = none).
    pub seam: f64,
    /// Line attributes of the closed outline stroked over every face, if any.
    pub outline: Option<LineStyle>,
}

impl Drop for MeshData {
    /// The points' memory goes to [`crate::recycle`] for the next page.
    fn drop(&mut self) {
        crate::recycle::recycle_points(std::mem::take(&mut self.points));
    }
}

impl MeshData {
    /// The polygon and colour of each face, in drawing order.
    pub fn faces(&self) -> impl Iterator<Item = (&[(f64, f64)], Rgba)> + '_ {
        let mut start = 0usize;
        self.faces.iter().map(move |&(end, color)| {
            let poly = &self.points[start..end as usize];
            start = end as usize;
            (poly, color)
        })
    }
}

/// A primitive with the clip rectangle (NDC) in force when it was drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// What to draw.
    pub primitive: Primitive,
    /// Clip rectangle in NDC, `None` if clipping was off.
    pub clip: Option<Rect>,
}
