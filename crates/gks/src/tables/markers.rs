//! GR's polymarker shapes (`marker` table of `lib/gks/marker.h`) for marker types −32..=5.
//!
//! GR describes every marker as a small program of drawing operations on a grid of
//! ±1000 units around the marker position; the drivers (`draw_marker` in the cairo, AGG,
//! Qt, SVG, PDF … plugins) interpret it. [`marker_shape`] returns that program as
//! [`MarkerOp`]s with the coordinates divided by 1000.
//!
//! ## Scale
//!
//! With `s = marker size scale × nominal size` (the nominal size is one nominal pixel,
//! `min(width, height) / 500` device pixels), the drivers compute `scale = 0.01 · s / 3`
//! per table unit, so a normalised coordinate `c` (table value / 1000) is
//!
//! `device_px = c × marker_size × nominal_size × K` with `K = 10/3` ([`MARKER_SCALE`]).
//!
//! A polygon vertex at 1.0 therefore lies 3.33 nominal pixels from the centre for marker
//! size 1. Circles are not part of the grid: their radius is `3 × marker_size ×
//! nominal_size` device pixels, i.e. 0.9 in normalised units ([`CIRCLE_RADIUS`]). The cairo
//! driver truncates that radius to an integer. When the radius comes out as zero GR draws
//! the dot marker (type 1) instead.
//!
//! ## Orientation
//!
//! Coordinates here are in a y-up frame as the marker appears on the page: a device point
//! is `(cx + K·s·x, cy − K·s·y)` for a y-down device. GR's raw table stores the x values
//! mirrored (the drivers compute `cx − scale·x`); this module has already negated x, so for
//! example "solid triangle left" (−18) points to the left. Apart from the order of points,
//! only the two side-pointing triangles (−17, −18) are affected by the mirroring.
//!
//! ## Operations (GR opcode in brackets)
//!
//! * [`MarkerOp::Point`] (1): a single dot of one nominal pixel in the marker colour.
//! * [`MarkerOp::Line`] (2): a stroked segment in the marker colour (line width
//!   `max(border width, line width) × nominal size` in the newer drivers, one nominal
//!   pixel in older ones).
//! * [`MarkerOp::Outline`] (3): a polyline through all points, stroked in the marker
//!   colour with the border width (`bwidth × nominal size`). The point lists repeat the
//!   first point at the end, so the outline is closed.
//! * [`MarkerOp::Polygon`] (4): filled with the marker colour; if the border colour index
//!   differs from the marker colour (and the border width is positive) the outline is also
//!   stroked in the border colour with the border width.
//! * [`MarkerOp::HollowPolygon`] (5): filled with colour index 0 (the background, white by
//!   default), not outlined; hollow markers follow it with an [`MarkerOp::Outline`] of the
//!   same points, which gives a white-filled shape with a marker-coloured border. (GR's
//!   older cairo driver only stroked this polygon in the marker colour.)
//! * [`MarkerOp::Circle`] (6): a stroked circle of radius [`CIRCLE_RADIUS`] in the marker
//!   colour.
//! * [`MarkerOp::FilledCircle`] (7): a disc in the marker colour, with a border like
//!   [`MarkerOp::Polygon`].
//! * [`MarkerOp::HollowCircle`] (8): a disc filled with colour index 0, not outlined.
//! * [`MarkerOp::BorderOutline`] (9): like [`MarkerOp::Outline`] but stroked in the border
//!   colour, and only when the border width is positive. The newest GR drivers understand
//!   this opcode; the marker table this module was built from does not use it.
//!
//! Operations are drawn in order, later ones on top of earlier ones.

/// One drawing operation of a marker shape; coordinates are normalised (1.0 = 1000 GR
/// units) in a y-up frame, see the module documentation for scale and colours.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MarkerOp {
    /// GR opcode 1: a dot of one nominal pixel at the marker position, marker colour.
    Point,
    /// GR opcode 2: a stroked straight segment between two points, marker colour.
    Line((f64, f64), (f64, f64)),
    /// GR opcode 3: a polyline through the points (closed by repeating the first point),
    /// stroked in the marker colour with the border width.
    Outline(&'static [(f64, f64)]),
    /// GR opcode 4: a polygon filled with the marker colour; stroked in the border colour
    /// with the border width when that colour differs from the marker colour.
    Polygon(&'static [(f64, f64)]),
    /// GR opcode 5: a polygon filled with colour index 0 (background), no outline.
    HollowPolygon(&'static [(f64, f64)]),
    /// GR opcode 6: a circle of radius [`CIRCLE_RADIUS`] stroked in the marker colour.
    Circle,
    /// GR opcode 7: a disc of radius [`CIRCLE_RADIUS`] filled with the marker colour, with a
    /// border-colour outline when that colour differs from the marker colour.
    FilledCircle,
    /// GR opcode 8: a disc of radius [`CIRCLE_RADIUS`] filled with colour index 0.
    HollowCircle,
    /// GR opcode 9: a polyline stroked in the border colour with the border width, drawn
    /// only if the border width is positive (not used by the stored table).
    BorderOutline(&'static [(f64, f64)]),
}

/// Device pixels per normalised marker unit, per unit of `marker size × nominal size`:
/// GR's drivers scale table values by `0.01 · size / 3` per 1/1000, i.e. by 10/3.
pub const MARKER_SCALE: f64 = 10.0 / 3.0;

/// Radius of the circle operations in normalised units: GR uses `3 × size` device pixels,
/// which is `3 / MARKER_SCALE` = 0.9.
pub const CIRCLE_RADIUS: f64 = 0.9;

/// Lowest defined marker type.
pub const MARKER_TYPE_MIN: i32 = -32;

/// Highest defined marker type.
pub const MARKER_TYPE_MAX: i32 = 5;

/// GR's marker type names (the `GKS_K_MARKERTYPE_*` constants of `gks.h`, lower-case).
#[rustfmt::skip]
pub const MARKER_NAMES: &[(i32, &str)] = &[
    (-32, "omark"),
    (-31, "hline"),
    (-30, "vline"),
    (-29, "star_8"),
    (-28, "star_7"),
    (-27, "star_6"),
    (-26, "star_5"),
    (-25, "star_4"),
    (-24, "octagon"),
    (-23, "heptagon"),
    (-22, "hexagon"),
    (-21, "pentagon"),
    (-20, "solid_plus"),
    (-19, "hollow_plus"),
    (-18, "solid_tri_left"),
    (-17, "solid_tri_right"),
    (-16, "tri_up_down"),
    (-15, "solid_star"),
    (-14, "star"),
    (-13, "solid_diamond"),
    (-12, "diamond"),
    (-11, "solid_hglass"),
    (-10, "hourglass"),
    (-9, "solid_bowtie"),
    (-8, "bowtie"),
    (-7, "solid_square"),
    (-6, "square"),
    (-5, "solid_tri_down"),
    (-4, "triangle_down"),
    (-3, "solid_tri_up"),
    (-2, "triangle_up"),
    (-1, "solid_circle"),
    (1, "dot"),
    (2, "plus"),
    (3, "asterisk"),
    (4, "circle"),
    (5, "diagonal_cross"),
];

/// Shape of marker type -32 (`omark`).
#[rustfmt::skip]
const M_OMARK: &[MarkerOp] = &[
    MarkerOp::HollowPolygon(&[(0.4, 0.7), (-0.4, 0.7), (-0.7, 0.4), (-0.7, -0.4), (-0.4, -0.7), (0.4, -0.7), (0.7, -0.4), (0.7, 0.4), (0.4, 0.7)]),
    MarkerOp::Outline(&[(0.4, 0.7), (-0.4, 0.7), (-0.7, 0.4), (-0.7, -0.4), (-0.4, -0.7), (0.4, -0.7), (0.7, -0.4), (0.7, 0.4), (0.4, 0.7)]),
];

/// Shape of marker type -31 (`hline`).
#[rustfmt::skip]
const M_HLINE: &[MarkerOp] = &[
    MarkerOp::Line((1.0, 0.0), (-1.0, 0.0)),
];

/// Shape of marker type -30 (`vline`).
#[rustfmt::skip]
const M_VLINE: &[MarkerOp] = &[
    MarkerOp::Line((0.0, -1.0), (0.0, 1.0)),
];

/// Shape of marker type -29 (`star_8`).
#[rustfmt::skip]
const M_STAR_8: &[MarkerOp] = &[
    MarkerOp::Polygon(&[(0.0, -1.0), (-0.153, -0.37), (-0.707, -0.707), (-0.37, -0.153), (-1.0, 0.0), (-0.37, 0.153), (-0.707, 0.707), (-0.153, 0.37), (0.0, 1.0), (0.153, 0.37), (0.707, 0.707), (0.37, 0.153), (1.0, 0.0), (0.37, -0.153), (0.707, -0.707), (0.153, -0.37), (0.0, -1.0)]),
];

/// Shape of marker type -28 (`star_7`).
#[rustfmt::skip]
const M_STAR_7: &[MarkerOp] = &[
    MarkerOp::Polygon(&[(0.0, 1.0), (-0.174, 0.36), (-0.782, 0.623), (-0.39, 0.089), (-0.975, -0.223), (-0.313, -0.249), (-0.434, -0.901), (0.0, -0.4), (0.434, -0.901), (0.313, -0.249), (0.975, -0.223), (0.39, 0.089), (0.782, 0.623), (0.174, 0.36), (0.0, 1.0)]),
];

/// Shape of marker type -27 (`star_6`).
#[rustfmt::skip]
const M_STAR_6: &[MarkerOp] = &[
    MarkerOp::Polygon(&[(0.0, -1.0), (-0.2, -0.346), (-0.866, -0.5), (-0.4, 0.0), (-0.866, 0.5), (-0.2, 0.346), (0.0, 1.0), (0.2, 0.346), (0.866, 0.5), (0.4, 0.0), (0.866, -0.5), (0.2, -0.346), (0.0, -1.0)]),
];

/// Shape of marker type -26 (`star_5`).
#[rustfmt::skip]
const M_STAR_5: &[MarkerOp] = &[
    MarkerOp::Polygon(&[(0.0, 1.0), (-0.235, 0.324), (-0.951, 0.309), (-0.38, -0.124), (-0.588, -0.809), (0.0, -0.4), (0.588, -0.809), (0.38, -0.124), (0.951, 0.309), (0.235, 0.324), (0.0, 1.0)]),
];

/// Shape of marker type -25 (`star_4`).
#[rustfmt::skip]
const M_STAR_4: &[MarkerOp] = &[
    MarkerOp::Polygon(&[(0.0, -1.0), (-0.283, -0.283), (-1.0, 0.0), (-0.283, 0.283), (0.0, 1.0), (0.283, 0.283), (1.0, 0.0), (0.283, -0.283), (0.0, -1.0)]),
];

/// Shape of marker type -24 (`octagon`).
#[rustfmt::skip]
const M_OCTAGON: &[MarkerOp] = &[
    MarkerOp::Polygon(&[(0.0, -1.0), (-0.707, -0.707), (-1.0, 0.0), (-0.707, 0.707), (0.0, 1.0), (0.707, 0.707), (1.0, 0.0), (0.707, -0.707)]),
];

/// Shape of marker type -23 (`heptagon`).
#[rustfmt::skip]
const M_HEPTAGON: &[MarkerOp] = &[
    MarkerOp::Polygon(&[(0.0, 1.0), (-0.782, 0.623), (-0.975, -0.223), (-0.434, -0.901), (0.434, -0.901), (0.975, -0.223), (0.782, 0.623)]),
];

/// Shape of marker type -22 (`hexagon`).
#[rustfmt::skip]
const M_HEXAGON: &[MarkerOp] = &[
    MarkerOp::Polygon(&[(0.0, -1.0), (-0.866, -0.5), (-0.866, 0.5), (0.0, 1.0), (0.866, 0.5), (0.866, -0.5)]),
];

/// Shape of marker type -21 (`pentagon`).
#[rustfmt::skip]
const M_PENTAGON: &[MarkerOp] = &[
    MarkerOp::Polygon(&[(0.0, 1.0), (-0.951, 0.309), (-0.588, -0.809), (0.588, -0.809), (0.951, 0.309)]),
];

/// Shape of marker type -20 (`solid_plus`).
#[rustfmt::skip]
const M_SOLID_PLUS: &[MarkerOp] = &[
    MarkerOp::Polygon(&[(0.2, 0.8), (-0.2, 0.8), (-0.2, 0.2), (-0.8, 0.2), (-0.8, -0.2), (-0.2, -0.2), (-0.2, -0.8), (0.2, -0.8), (0.2, -0.2), (0.8, -0.2), (0.8, 0.2), (0.2, 0.2), (0.2, 0.8)]),
];

/// Shape of marker type -19 (`hollow_plus`).
#[rustfmt::skip]
const M_HOLLOW_PLUS: &[MarkerOp] = &[
    MarkerOp::HollowPolygon(&[(0.2, 0.8), (-0.2, 0.8), (-0.2, 0.2), (-0.8, 0.2), (-0.8, -0.2), (-0.2, -0.2), (-0.2, -0.8), (0.2, -0.8), (0.2, -0.2), (0.8, -0.2), (0.8, 0.2), (0.2, 0.2), (0.2, 0.8)]),
    MarkerOp::Outline(&[(0.2, 0.8), (-0.2, 0.8), (-0.2, 0.2), (-0.8, 0.2), (-0.8, -0.2), (-0.2, -0.2), (-0.2, -0.8), (0.2, -0.8), (0.2, -0.2), (0.8, -0.2), (0.8, 0.2), (0.2, 0.2), (0.2, 0.8)]),
];

/// Shape of marker type -18 (`solid_tri_left`).
#[rustfmt::skip]
const M_SOLID_TRI_LEFT: &[MarkerOp] = &[
    MarkerOp::Polygon(&[(-0.8, 0.0), (0.4, -0.7), (0.4, 0.7), (-0.8, 0.0)]),
];

/// Shape of marker type -17 (`solid_tri_right`).
#[rustfmt::skip]
const M_SOLID_TRI_RIGHT: &[MarkerOp] = &[
    MarkerOp::Polygon(&[(0.8, 0.0), (-0.4, 0.7), (-0.4, -0.7), (0.8, 0.0)]),
];

/// Shape of marker type -16 (`tri_up_down`).
#[rustfmt::skip]
const M_TRI_UP_DOWN: &[MarkerOp] = &[
    MarkerOp::HollowPolygon(&[(0.0, 0.8), (-0.7, -0.4), (0.7, -0.4), (0.0, 0.8)]),
    MarkerOp::HollowPolygon(&[(0.0, -0.8), (0.7, 0.4), (-0.7, 0.4), (0.0, -0.8)]),
    MarkerOp::Outline(&[(0.0, 0.8), (-0.7, -0.4), (0.7, -0.4), (0.0, 0.8)]),
    MarkerOp::Outline(&[(0.0, -0.8), (0.7, 0.4), (-0.7, 0.4), (0.0, -0.8)]),
];

/// Shape of marker type -15 (`solid_star`).
#[rustfmt::skip]
const M_SOLID_STAR: &[MarkerOp] = &[
    MarkerOp::Polygon(&[(0.0, 0.9), (-0.2, 0.2), (-0.9, 0.3), (-0.3, -0.1), (-0.6, -0.8), (0.0, -0.3), (0.6, -0.8), (0.3, -0.1), (0.9, 0.3), (0.2, 0.2), (0.0, 0.9)]),
];

/// Shape of marker type -14 (`star`).
#[rustfmt::skip]
const M_STAR: &[MarkerOp] = &[
    MarkerOp::HollowPolygon(&[(0.0, 0.9), (-0.2, 0.2), (-0.9, 0.3), (-0.3, -0.1), (-0.6, -0.8), (0.0, -0.3), (0.6, -0.8), (0.3, -0.1), (0.9, 0.3), (0.2, 0.2), (0.0, 0.9)]),
    MarkerOp::Outline(&[(0.0, 0.9), (-0.2, 0.2), (-0.9, 0.3), (-0.3, -0.1), (-0.6, -0.8), (0.0, -0.3), (0.6, -0.8), (0.3, -0.1), (0.9, 0.3), (0.2, 0.2), (0.0, 0.9)]),
];

/// Shape of marker type -13 (`solid_diamond`).
#[rustfmt::skip]
const M_SOLID_DIAMOND: &[MarkerOp] = &[
    MarkerOp::Polygon(&[(0.0, 1.0), (-1.0, 0.0), (0.0, -1.0), (1.0, 0.0), (0.0, 1.0)]),
];

/// Shape of marker type -12 (`diamond`).
#[rustfmt::skip]
const M_DIAMOND: &[MarkerOp] = &[
    MarkerOp::HollowPolygon(&[(0.0, 1.0), (-1.0, 0.0), (0.0, -1.0), (1.0, 0.0), (0.0, 1.0)]),
    MarkerOp::Outline(&[(0.0, 1.0), (-1.0, 0.0), (0.0, -1.0), (1.0, 0.0), (0.0, 1.0)]),
];

/// Shape of marker type -11 (`solid_hglass`).
#[rustfmt::skip]
const M_SOLID_HGLASS: &[MarkerOp] = &[
    MarkerOp::Polygon(&[(-1.0, 1.0), (1.0, -1.0), (-1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)]),
];

/// Shape of marker type -10 (`hourglass`).
#[rustfmt::skip]
const M_HOURGLASS: &[MarkerOp] = &[
    MarkerOp::HollowPolygon(&[(-1.0, 1.0), (1.0, -1.0), (-1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)]),
    MarkerOp::Outline(&[(-1.0, 1.0), (1.0, -1.0), (-1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)]),
];

/// Shape of marker type -9 (`solid_bowtie`).
#[rustfmt::skip]
const M_SOLID_BOWTIE: &[MarkerOp] = &[
    MarkerOp::Polygon(&[(-1.0, 1.0), (-1.0, -1.0), (1.0, 1.0), (1.0, -1.0), (-1.0, 1.0)]),
];

/// Shape of marker type -8 (`bowtie`).
#[rustfmt::skip]
const M_BOWTIE: &[MarkerOp] = &[
    MarkerOp::HollowPolygon(&[(-1.0, 1.0), (-1.0, -1.0), (1.0, 1.0), (1.0, -1.0), (-1.0, 1.0)]),
    MarkerOp::Outline(&[(-1.0, 1.0), (-1.0, -1.0), (1.0, 1.0), (1.0, -1.0), (-1.0, 1.0)]),
];

/// Shape of marker type -7 (`solid_square`).
#[rustfmt::skip]
const M_SOLID_SQUARE: &[MarkerOp] = &[
    MarkerOp::Polygon(&[(-1.0, 1.0), (-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)]),
];

/// Shape of marker type -6 (`square`).
#[rustfmt::skip]
const M_SQUARE: &[MarkerOp] = &[
    MarkerOp::HollowPolygon(&[(-1.0, 1.0), (-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)]),
    MarkerOp::Outline(&[(-1.0, 1.0), (-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)]),
];

/// Shape of marker type -5 (`solid_tri_down`).
#[rustfmt::skip]
const M_SOLID_TRI_DOWN: &[MarkerOp] = &[
    MarkerOp::Polygon(&[(1.0, 1.0), (-1.0, 1.0), (0.0, -1.0), (1.0, 1.0)]),
];

/// Shape of marker type -4 (`triangle_down`).
#[rustfmt::skip]
const M_TRIANGLE_DOWN: &[MarkerOp] = &[
    MarkerOp::HollowPolygon(&[(1.0, 1.0), (-1.0, 1.0), (0.0, -1.0), (1.0, 1.0)]),
    MarkerOp::Outline(&[(1.0, 1.0), (-1.0, 1.0), (0.0, -1.0), (1.0, 1.0)]),
];

/// Shape of marker type -3 (`solid_tri_up`).
#[rustfmt::skip]
const M_SOLID_TRI_UP: &[MarkerOp] = &[
    MarkerOp::Polygon(&[(0.0, 1.0), (-1.0, -1.0), (1.0, -1.0), (0.0, 1.0)]),
];

/// Shape of marker type -2 (`triangle_up`).
#[rustfmt::skip]
const M_TRIANGLE_UP: &[MarkerOp] = &[
    MarkerOp::HollowPolygon(&[(0.0, 1.0), (-1.0, -1.0), (1.0, -1.0), (0.0, 1.0)]),
    MarkerOp::Outline(&[(0.0, 1.0), (-1.0, -1.0), (1.0, -1.0), (0.0, 1.0)]),
];

/// Shape of marker type -1 (`solid_circle`).
#[rustfmt::skip]
const M_SOLID_CIRCLE: &[MarkerOp] = &[
    MarkerOp::FilledCircle,
];

/// Shape of marker type 1 (`dot`).
#[rustfmt::skip]
const M_DOT: &[MarkerOp] = &[
    MarkerOp::Point,
];

/// Shape of marker type 2 (`plus`).
#[rustfmt::skip]
const M_PLUS: &[MarkerOp] = &[
    MarkerOp::Line((0.0, 0.0), (0.0, 1.0)),
    MarkerOp::Line((0.0, 0.0), (-1.0, 0.0)),
    MarkerOp::Line((0.0, 0.0), (0.0, -1.0)),
    MarkerOp::Line((0.0, 0.0), (1.0, 0.0)),
];

/// Shape of marker type 3 (`asterisk`).
#[rustfmt::skip]
const M_ASTERISK: &[MarkerOp] = &[
    MarkerOp::Line((0.0, 0.0), (0.0, 1.0)),
    MarkerOp::Line((0.0, 0.0), (-1.0, 0.3)),
    MarkerOp::Line((0.0, 0.0), (-0.6, -1.0)),
    MarkerOp::Line((0.0, 0.0), (0.6, -1.0)),
    MarkerOp::Line((0.0, 0.0), (1.0, 0.3)),
];

/// Shape of marker type 4 (`circle`).
#[rustfmt::skip]
const M_CIRCLE: &[MarkerOp] = &[
    MarkerOp::HollowCircle,
    MarkerOp::Circle,
];

/// Shape of marker type 5 (`diagonal_cross`).
#[rustfmt::skip]
const M_DIAGONAL_CROSS: &[MarkerOp] = &[
    MarkerOp::Line((0.0, 0.0), (-1.0, 1.0)),
    MarkerOp::Line((0.0, 0.0), (-1.0, -1.0)),
    MarkerOp::Line((0.0, 0.0), (1.0, -1.0)),
    MarkerOp::Line((0.0, 0.0), (1.0, 1.0)),
];

/// The drawing program of a marker type (−32..=5). Returns `None` for type 0 (GR's table
/// has an empty, unused entry there) and for types outside the range.
pub fn marker_shape(marker_type: i32) -> Option<&'static [MarkerOp]> {
    let shape = match marker_type {
        -32 => M_OMARK,
        -31 => M_HLINE,
        -30 => M_VLINE,
        -29 => M_STAR_8,
        -28 => M_STAR_7,
        -27 => M_STAR_6,
        -26 => M_STAR_5,
        -25 => M_STAR_4,
        -24 => M_OCTAGON,
        -23 => M_HEPTAGON,
        -22 => M_HEXAGON,
        -21 => M_PENTAGON,
        -20 => M_SOLID_PLUS,
        -19 => M_HOLLOW_PLUS,
        -18 => M_SOLID_TRI_LEFT,
        -17 => M_SOLID_TRI_RIGHT,
        -16 => M_TRI_UP_DOWN,
        -15 => M_SOLID_STAR,
        -14 => M_STAR,
        -13 => M_SOLID_DIAMOND,
        -12 => M_DIAMOND,
        -11 => M_SOLID_HGLASS,
        -10 => M_HOURGLASS,
        -9 => M_SOLID_BOWTIE,
        -8 => M_BOWTIE,
        -7 => M_SOLID_SQUARE,
        -6 => M_SQUARE,
        -5 => M_SOLID_TRI_DOWN,
        -4 => M_TRIANGLE_DOWN,
        -3 => M_SOLID_TRI_UP,
        -2 => M_TRIANGLE_UP,
        -1 => M_SOLID_CIRCLE,
        1 => M_DOT,
        2 => M_PLUS,
        3 => M_ASTERISK,
        4 => M_CIRCLE,
        5 => M_DIAGONAL_CROSS,
        _ => return None,
    };
    Some(shape)
}

/// Looks up a marker type by its name in [`MARKER_NAMES`] (case-insensitive).
pub fn marker_type_by_name(name: &str) -> Option<i32> {
    MARKER_NAMES
        .iter()
        .find(|(_, n)| n.eq_ignore_ascii_case(name.trim()))
        .map(|&(t, _)| t)
}

/// The name of a marker type, if it has one.
pub fn marker_name(marker_type: i32) -> Option<&'static str> {
    MARKER_NAMES
        .iter()
        .find(|(t, _)| *t == marker_type)
        .map(|&(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_has_a_shape() {
        for t in MARKER_TYPE_MIN..=MARKER_TYPE_MAX {
            assert_eq!(marker_shape(t).is_some(), t != 0, "type {t}");
            if t != 0 {
                assert!(marker_name(t).is_some(), "type {t}");
            }
        }
        assert!(marker_shape(6).is_none());
        assert!(marker_shape(-33).is_none());
        assert_eq!(MARKER_NAMES.len(), 37);
    }

    #[test]
    fn circles_and_dot() {
        assert_eq!(marker_shape(-1), Some(&[MarkerOp::FilledCircle][..]));
        assert_eq!(
            marker_shape(4),
            Some(&[MarkerOp::HollowCircle, MarkerOp::Circle][..])
        );
        assert_eq!(marker_shape(1), Some(&[MarkerOp::Point][..]));
        assert_eq!(marker_type_by_name("solid_circle"), Some(-1));
        assert!((CIRCLE_RADIUS * MARKER_SCALE - 3.0).abs() < 1e-12);
    }

    #[test]
    fn polygons() {
        let sq = marker_shape(-7).unwrap();
        assert_eq!(
            sq,
            &[MarkerOp::Polygon(&[
                (-1.0, 1.0),
                (-1.0, -1.0),
                (1.0, -1.0),
                (1.0, 1.0),
                (-1.0, 1.0)
            ])]
        );
        let hollow = marker_shape(-6).unwrap();
        match hollow {
            [MarkerOp::HollowPolygon(a), MarkerOp::Outline(b)] => assert_eq!(a, b),
            other => panic!("unexpected {other:?}"),
        }
        // the solid triangle "left" points to the left (negative x) after mirroring
        match marker_shape(-18).unwrap() {
            [MarkerOp::Polygon(p)] => assert_eq!(p[0], (-0.8, 0.0)),
            other => panic!("unexpected {other:?}"),
        }
        // triangle up: apex at the top
        match marker_shape(-3).unwrap() {
            [MarkerOp::Polygon(p)] => assert_eq!(p[0], (0.0, 1.0)),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn lines() {
        assert_eq!(
            marker_shape(-31),
            Some(&[MarkerOp::Line((1.0, 0.0), (-1.0, 0.0))][..])
        );
        assert_eq!(marker_shape(2).unwrap().len(), 4);
        assert_eq!(marker_shape(3).unwrap().len(), 5);
        assert_eq!(marker_shape(5).unwrap().len(), 4);
    }
}
