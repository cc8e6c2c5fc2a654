//! The device-level page description that every driver consumes.
//!
//! The kernel records primitives in NDC (see [`crate::display_list`]); before output they are
//! *lowered* to this simpler form: filled and stroked paths, pattern fills, images and glyph
//! runs in **device pixels** (origin top-left, y down), with colours already resolved. Markers,
//! dash patterns, hatches and text layout are decided once, here, so all drivers draw the same
//! geometry. Vector drivers map 1 device pixel to `72 / dpi` points.

use std::sync::Arc;

use crate::font::FaceId;
use crate::geometry::{Affine, Path, Rect};

/// A colour with straight (non-premultiplied) alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgba {
    /// Red 0..=255.
    pub r: u8,
    /// Green 0..=255.
    pub g: u8,
    /// Blue 0..=255.
    pub b: u8,
    /// Alpha 0..=255 (255 = opaque).
    pub a: u8,
}

impl Rgba {
    /// Opaque white.
    pub const WHITE: Rgba = Rgba::rgb(255, 255, 255);
    /// Opaque black.
    pub const BLACK: Rgba = Rgba::rgb(0, 0, 0);
    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Rgba { r, g, b, a: 255 }
    }
    /// The same colour with alpha multiplied by `alpha` (0..=1).
    pub fn with_alpha(self, alpha: f64) -> Self {
        let a = (self.a as f64 * alpha.clamp(0.0, 1.0)).round() as u8;
        Rgba { a, ..self }
    }
}

/// Which points are inside a self-intersecting path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FillRule {
    /// Even-odd rule (GKS fillarea default).
    EvenOdd,
    /// Non-zero winding rule.
    NonZero,
}

/// End cap of stroked lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineCap {
    /// Flat end at the point.
    Butt,
    /// Half-disc beyond the point.
    Round,
    /// Half-square beyond the point.
    Square,
}

/// Corner style of stroked lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineJoin {
    /// Sharp corner (miter limit 10).
    Miter,
    /// Rounded corner.
    Round,
    /// Cut corner.
    Bevel,
}

/// How a path is stroked, in device pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct StrokeStyle {
    /// Line width in device pixels.
    pub width: f64,
    /// End caps.
    pub cap: LineCap,
    /// Corners.
    pub join: LineJoin,
    /// Dash array (on, off, on, off, … in device pixels); `None` for solid lines.
    pub dash: Option<Vec<f64>>,
}

/// A repeating one-bit fill pattern (GR's PATTERN and HATCH interior styles).
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// Tile rows, top to bottom; bit 7 (0x80) of a row is its leftmost pixel. A bit that is
    /// set is painted in the fill colour, a clear bit is left transparent.
    pub rows: Vec<u8>,
    /// Size of one pattern bit in device pixels.
    pub cell: f64,
}

impl Pattern {
    /// Tile width in pattern bits (always 8).
    pub const WIDTH: usize = 8;
    /// True if pattern bit (`col`, `row`) of the infinite tiling is painted.
    pub fn is_set(&self, col: usize, row: usize) -> bool {
        if self.rows.is_empty() {
            return false;
        }
        let r = self.rows[row % self.rows.len()];
        r & (0x80 >> (col % Self::WIDTH)) != 0
    }
}

/// An RGBA raster drawn into a device rectangle.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// Columns of the raster.
    pub width: u32,
    /// Rows of the raster.
    pub height: u32,
    /// `width * height * 4` bytes, straight alpha, row-major, first row drawn at the top.
    pub rgba: Arc<Vec<u8>>,
    /// Device rectangle the raster is stretched over.
    pub rect: Rect,
    /// Bilinear (true) or nearest-neighbour (false) resampling.
    pub smooth: bool,
}

/// One glyph of a [`GlyphRun`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    /// Glyph id in the run's face.
    pub id: u16,
    /// Position of the glyph origin in the run's text space (pixels, y up).
    pub x: f64,
    /// Baseline offset in the run's text space (pixels, y up).
    pub y: f64,
    /// The character(s) this glyph stands for (for selectable text in PDF).
    pub ch: char,
}

/// Glyphs of one face at one size, placed along a baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct GlyphRun {
    /// The font face.
    pub face: FaceId,
    /// Em size in device pixels.
    pub size: f64,
    /// Maps text space (pixels, origin on the baseline at the text start, y up) to device
    /// space; carries the text position, rotation (up vector) and the y flip.
    pub transform: Affine,
    /// The glyphs.
    pub glyphs: Vec<Glyph>,
}

impl GlyphRun {
    /// The transform from the face's font units (y up) of glyph `g` to device pixels.
    pub fn glyph_transform(&self, g: &Glyph) -> Affine {
        let s = self.size / crate::font::units_per_em(self.face);
        self.transform
            .then_after(&Affine::translate(g.x, g.y))
            .then_after(&Affine::scale(s, s))
    }
}

/// One drawing operation on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum DeviceOp {
    /// Fill the path's interior.
    Fill {
        /// The outline.
        path: Path,
        /// Inside rule.
        rule: FillRule,
        /// Colour.
        color: Rgba,
    },
    /// Stroke the path.
    Stroke {
        /// The centre line.
        path: Path,
        /// Width, caps, joins and dashes.
        style: StrokeStyle,
        /// Colour.
        color: Rgba,
    },
    /// Fill the path's interior with a one-bit pattern; pattern cells are aligned to the page
    /// origin (top-left), so adjacent areas tile seamlessly.
    PatternFill {
        /// The outline.
        path: Path,
        /// Inside rule.
        rule: FillRule,
        /// The pattern.
        pattern: Pattern,
        /// Colour of set pattern bits.
        color: Rgba,
    },
    /// Draw a raster image.
    Image(Image),
    /// Fill the outlines of glyphs.
    Glyphs {
        /// The glyphs.
        run: GlyphRun,
        /// Colour.
        color: Rgba,
    },
    /// Set the clip rectangle for all following operations (`None` = whole page).
    Clip(Option<Rect>),
    /// The same drawing (markers) repeated at many positions, in order: `ops` (only fills,
    /// strokes and pattern fills) are given around the origin and drawn translated to each
    /// position. The raster driver stamps pre-rendered sprites; drivers without instancing
    /// can use [`Page::expanded`].
    Instances {
        /// The drawing, around (0, 0).
        ops: Vec<DeviceOp>,
        /// Device positions of the copies.
        positions: Vec<(f64, f64)>,
    },
    /// Many small flat-coloured polygons (3D surface cells), each with optional edge lines,
    /// drawn in order. The raster driver has a dedicated scanline rasterizer for it; other
    /// drivers can draw [`Mesh::ops`].
    Mesh(Mesh),
}

/// One face of a [`Mesh`]: where its polygon and edge points end, and its colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MeshFace {
    /// End (exclusive) of this face's polygon in [`Mesh::points`]; it starts where the
    /// previous face's polygon ends (0 for the first face).
    pub points_end: u32,
    /// End (exclusive) of this face's edge lines in [`Mesh::edges`], likewise.
    pub edges_end: u32,
    /// Fill colour (the seam outline uses it too).
    pub color: Rgba,
}

/// One face of a [`Mesh`] as borrowed slices: polygon, edge lines, colour.
pub type FaceRef<'a> = (&'a [(f64, f64)], &'a [(f64, f64)], Rgba);

/// A batch of flat-coloured polygons in painter's order. Each face is filled, outlined in
/// its own colour by a line [`Mesh::seam`] pixels wide (so that anti-aliased edges of
/// adjacent faces leave no light seams), then its edge lines are stroked in the common
/// edge style, before the next face is drawn. This is what `n` fill-area and polyline
/// primitives of a surface lower to; [`Mesh::ops`] gives the equivalent plain operations.
#[derive(Debug, Clone, PartialEq)]
pub struct Mesh {
    /// Polygon vertices of all faces, device pixels.
    pub points: Vec<(f64, f64)>,
    /// Edge polylines of all faces, device pixels; a non-finite point starts a new piece.
    pub edges: Vec<(f64, f64)>,
    /// The faces in drawing order.
    pub faces: Vec<MeshFace>,
    /// Inside rule of the polygons.
    pub rule: FillRule,
    /// Width of the same-colour outline of each face in device pixels (0 = none).
    pub seam: f64,
    /// Style and colour of the edge lines (`None` if no face has any).
    pub edge_style: Option<(StrokeStyle, Rgba)>,
    /// If true, the edge lines of every face are its closed polygon outline and
    /// [`Mesh::edges`] is not used (a mesh recorded by [`crate::Gks::mesh`]).
    pub outlines: bool,
}

impl Mesh {
    /// The polygon, edge points and colour of each face, in drawing order.
    pub fn faces(&self) -> impl Iterator<Item = FaceRef<'_>> + '_ {
        let (mut p0, mut e0) = (0usize, 0usize);
        self.faces.iter().map(move |f| {
            let (p1, e1) = (f.points_end as usize, f.edges_end as usize);
            let item = (&self.points[p0..p1], &self.edges[e0..e1], f.color);
            (p0, e0) = (p1, e1);
            item
        })
    }

    /// The equivalent plain operations: per face a fill, the seam stroke and the edges.
    pub fn ops(&self) -> Vec<DeviceOp> {
        let mut ops = Vec::with_capacity(self.faces.len() * 3);
        for (poly, edges, color) in self.faces() {
            if poly.len() >= 3 {
                let path = Path::polygon(poly.iter().copied());
                if self.seam > 0.0 {
                    ops.push(DeviceOp::Fill {
                        path: path.clone(),
                        rule: self.rule,
                        color,
                    });
                    ops.push(DeviceOp::Stroke {
                        path,
                        style: StrokeStyle {
                            width: self.seam,
                            cap: LineCap::Round,
                            join: LineJoin::Round,
                            dash: None,
                        },
                        color,
                    });
                } else {
                    ops.push(DeviceOp::Fill {
                        path,
                        rule: self.rule,
                        color,
                    });
                }
            }
            if let Some((style, ecolor)) = &self.edge_style {
                let path = self.edge_path(poly, edges);
                if !path.is_empty() {
                    ops.push(DeviceOp::Stroke {
                        path,
                        style: style.clone(),
                        color: *ecolor,
                    });
                }
            }
        }
        ops
    }

    /// Compact plain operations for vector output: per face one fill of the polygon grown
    /// by half the seam width (the same area as fill plus seam stroke, with mitred
    /// instead of round corners; non-convex faces keep the stroke), then its edges. All
    /// strokes share one style, so drivers need no state changes between faces but the
    /// fill colour.
    pub fn compact_ops(&self) -> Vec<DeviceOp> {
        let mut ops = Vec::with_capacity(self.faces.len() * 2);
        let mut grown = Vec::new();
        for (poly, edges, color) in self.faces() {
            if poly.len() >= 3 {
                if self.seam > 0.0 && offset_convex(poly, self.seam / 2.0, &mut grown) {
                    ops.push(DeviceOp::Fill {
                        path: Path::polygon(grown.iter().copied()),
                        rule: self.rule,
                        color,
                    });
                } else {
                    let one = Mesh {
                        points: poly.to_vec(),
                        edges: Vec::new(),
                        faces: vec![MeshFace {
                            points_end: poly.len() as u32,
                            edges_end: 0,
                            color,
                        }],
                        rule: self.rule,
                        seam: self.seam,
                        edge_style: None,
                        outlines: false,
                    };
                    ops.extend(one.ops());
                }
            }
            if let Some((style, ecolor)) = &self.edge_style {
                let path = self.edge_path(poly, edges);
                if !path.is_empty() {
                    ops.push(DeviceOp::Stroke {
                        path,
                        style: style.clone(),
                        color: *ecolor,
                    });
                }
            }
        }
        ops
    }

    /// The path of a face's edge lines: its closed outline or its edge polylines.
    fn edge_path(&self, poly: &[(f64, f64)], edges: &[(f64, f64)]) -> Path {
        if self.outlines {
            Path::polygon(poly.iter().copied())
        } else {
            polyline_pieces(edges)
        }
    }

    /// The mesh moved by (`dx`, `dy`).
    pub fn translated(&self, dx: f64, dy: f64) -> Mesh {
        let mut moved = self.clone();
        for p in moved.points.iter_mut().chain(&mut moved.edges) {
            *p = (p.0 + dx, p.1 + dy);
        }
        moved
    }
}

impl Drop for DeviceOp {
    /// Large position lists go to [`crate::recycle`] for the next page.
    fn drop(&mut self) {
        if let DeviceOp::Instances { positions, .. } = self {
            crate::recycle::recycle_points(std::mem::take(positions));
        }
    }
}

impl Drop for Mesh {
    /// The points' memory goes to [`crate::recycle`] for the next page.
    fn drop(&mut self) {
        crate::recycle::recycle_points(std::mem::take(&mut self.points));
    }
}

impl DeviceOp {
    /// A copy moved by `(dx, dy)` (clip rectangles and instance positions included).
    pub fn translated(&self, dx: f64, dy: f64) -> DeviceOp {
        let t = Affine::translate(dx, dy);
        match self {
            DeviceOp::Fill { path, rule, color } => DeviceOp::Fill {
                path: path.transformed(&t),
                rule: *rule,
                color: *color,
            },
            DeviceOp::Stroke { path, style, color } => DeviceOp::Stroke {
                path: path.transformed(&t),
                style: style.clone(),
                color: *color,
            },
            DeviceOp::PatternFill {
                path,
                rule,
                pattern,
                color,
            } => DeviceOp::PatternFill {
                path: path.transformed(&t),
                rule: *rule,
                pattern: pattern.clone(),
                color: *color,
            },
            DeviceOp::Image(img) => DeviceOp::Image(Image {
                rect: Rect::new(
                    img.rect.x0 + dx,
                    img.rect.y0 + dy,
                    img.rect.x1 + dx,
                    img.rect.y1 + dy,
                ),
                ..img.clone()
            }),
            DeviceOp::Glyphs { run, color } => DeviceOp::Glyphs {
                run: GlyphRun {
                    transform: t.then_after(&run.transform),
                    ..run.clone()
                },
                color: *color,
            },
            DeviceOp::Clip(r) => {
                DeviceOp::Clip(r.map(|r| Rect::new(r.x0 + dx, r.y0 + dy, r.x1 + dx, r.y1 + dy)))
            }
            DeviceOp::Instances { ops, positions } => DeviceOp::Instances {
                ops: ops.clone(),
                positions: positions.iter().map(|&(x, y)| (x + dx, y + dy)).collect(),
            },
            DeviceOp::Mesh(m) => DeviceOp::Mesh(m.translated(dx, dy)),
        }
    }
}

/// A path through the points; a non-finite point ends a piece, pieces of one point are
/// left out.
pub(crate) fn polyline_pieces(points: &[(f64, f64)]) -> Path {
    let mut path = Path::new();
    for piece in points.split(|p| !(p.0.is_finite() && p.1.is_finite())) {
        if piece.len() >= 2 {
            path.move_to(piece[0].0, piece[0].1);
            for p in &piece[1..] {
                path.line_to(p.0, p.1);
            }
        }
    }
    path
}

/// Shoelace area of a closed polygon (positive when it turns from +x towards +y).
pub(crate) fn signed_area(pts: &[(f64, f64)]) -> f64 {
    let n = pts.len();
    let mut a = 0.0;
    for i in 0..n {
        let (p, q) = (pts[i], pts[(i + 1) % n]);
        a += p.0 * q.1 - q.0 * p.1;
    }
    a / 2.0
}

/// The convex polygon `pts` grown outwards by `d` (miter corners, bevelled where the
/// miter would reach further than 2·d), written to `out`; false if `pts` is not convex.
/// A negative `d` shrinks the polygon (miters only); false if that would turn an edge
/// around (the polygon is thinner than 2·|d|) or a corner is too sharp.
pub(crate) fn offset_convex(pts: &[(f64, f64)], d: f64, out: &mut Vec<(f64, f64)>) -> bool {
    out.clear();
    let mut p: Vec<(f64, f64)> = Vec::with_capacity(pts.len());
    for &q in pts {
        if p.last()
            .is_none_or(|l: &(f64, f64)| (l.0 - q.0).hypot(l.1 - q.1) > 1e-9)
        {
            p.push(q);
        }
    }
    while p.len() > 1 && (p[0].0 - p[p.len() - 1].0).hypot(p[0].1 - p[p.len() - 1].1) <= 1e-9 {
        p.pop();
    }
    let n = p.len();
    if n < 3 {
        return false;
    }
    let sign = if signed_area(&p) >= 0.0 { 1.0 } else { -1.0 };
    let normal = |i: usize| {
        let (a, b) = (p[i], p[(i + 1) % n]);
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len = (dx * dx + dy * dy).sqrt();
        (sign * dy / len, -sign * dx / len)
    };
    let mut prev = normal(n - 1);
    for (i, &q) in p.iter().enumerate() {
        let cur = normal(i);
        // Convex: consecutive edges turn the same way (outward normals rotate one way).
        let turn = prev.0 * cur.1 - prev.1 * cur.0;
        if turn * sign < -1e-9 {
            return false;
        }
        let cos = prev.0 * cur.0 + prev.1 * cur.1;
        if d < 0.0 && cos <= -0.5 {
            return false;
        }
        if cos > -0.5 {
            let k = d / (1.0 + cos);
            out.push((q.0 + (prev.0 + cur.0) * k, q.1 + (prev.1 + cur.1) * k));
        } else {
            out.push((q.0 + prev.0 * d, q.1 + prev.1 * d));
            out.push((q.0 + cur.0 * d, q.1 + cur.1 * d));
        }
        prev = cur;
    }
    if d < 0.0 {
        // Every shrunk edge must keep its direction.
        if out.len() != n {
            return false;
        }
        for i in 0..n {
            let (a, b) = (p[i], p[(i + 1) % n]);
            let (c, e) = (out[i], out[(i + 1) % n]);
            if (b.0 - a.0) * (e.0 - c.0) + (b.1 - a.1) * (e.1 - c.1) <= 0.0 {
                return false;
            }
        }
    }
    true
}

/// One page (or animation frame) in device space.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Width in device pixels.
    pub width: f64,
    /// Height in device pixels.
    pub height: f64,
    /// Pixels per inch (vector drivers use `72 / dpi` points per pixel).
    pub dpi: f64,
    /// Page background, `None` for transparent.
    pub background: Option<Rgba>,
    /// Drawing operations in order.
    pub ops: Vec<DeviceOp>,
}

impl Page {
    /// The page with every [`DeviceOp::Instances`] replaced by its translated copies and
    /// every [`DeviceOp::Mesh`] by its plain operations, for drivers that draw plain paths.
    pub fn expanded(&self) -> std::borrow::Cow<'_, Page> {
        if !self
            .ops
            .iter()
            .any(|op| matches!(op, DeviceOp::Instances { .. } | DeviceOp::Mesh(_)))
        {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut ops = Vec::with_capacity(self.ops.len());
        for op in &self.ops {
            match op {
                DeviceOp::Instances {
                    ops: shape,
                    positions,
                } => {
                    for &(x, y) in positions {
                        ops.extend(shape.iter().map(|o| o.translated(x, y)));
                    }
                }
                DeviceOp::Mesh(m) => ops.extend(m.ops()),
                other => ops.push(other.clone()),
            }
        }
        std::borrow::Cow::Owned(Page {
            ops,
            ..self.clone_header()
        })
    }

    fn clone_header(&self) -> Page {
        Page {
            width: self.width,
            height: self.height,
            dpi: self.dpi,
            background: self.background,
            ops: Vec::new(),
        }
    }

    /// Size of one device pixel in PostScript points.
    pub fn pt_per_px(&self) -> f64 {
        72.0 / self.dpi
    }
}
