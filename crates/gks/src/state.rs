//! The attribute state of a kernel context (what `savestate`/`restorestate` copy).

use crate::attributes::{FillIntStyle, LineType, MarkerType, TextHAlign, TextPath, TextVAlign};
use crate::font::FaceId;
use crate::transform::{NormTransform, NUM_TRANSFORMS};

/// All settable attributes and transforms of a context.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// Normalization transforms 0..=8 (0 stays the identity).
    pub transforms: [NormTransform; NUM_TRANSFORMS],
    /// The selected transform.
    pub cur_tnr: usize,
    /// Clip to the selected transform's viewport.
    pub clip: bool,
    /// Line type.
    pub linetype: LineType,
    /// Line width (multiple of the nominal size).
    pub linewidth: f64,
    /// Line colour index.
    pub linecolor: usize,
    /// Marker type.
    pub markertype: MarkerType,
    /// Marker size factor.
    pub markersize: f64,
    /// Marker colour index.
    pub markercolor: usize,
    /// Fill interior style.
    pub fillintstyle: FillIntStyle,
    /// Pattern or hatch index.
    pub fillstyle: i32,
    /// Fill colour index.
    pub fillcolor: usize,
    /// Border colour index (markers, SOLID_WITH_BORDER, paths).
    pub bordercolor: usize,
    /// Border width (multiple of the nominal size).
    pub borderwidth: f64,
    /// GR font number as set.
    pub font: i32,
    /// Text precision as set (0 string, 1 char, 2 stroke, 3 outline); all render as outlines.
    pub precision: i32,
    /// The face the font number resolved to.
    pub face: FaceId,
    /// Character (cap) height in NDC.
    pub charheight: f64,
    /// Up vector.
    pub charup: (f64, f64),
    /// Character expansion factor.
    pub charexpan: f64,
    /// Character spacing (fraction of the height).
    pub charspace: f64,
    /// Text path.
    pub textpath: TextPath,
    /// Horizontal alignment.
    pub halign: TextHAlign,
    /// Vertical alignment.
    pub valign: TextVAlign,
    /// Text colour index.
    pub textcolor: usize,
    /// Global alpha (0..=1).
    pub transparency: f64,
    /// Resampling of `drawimage`: true = linear, false = nearest.
    pub smooth_images: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            transforms: [NormTransform::default(); NUM_TRANSFORMS],
            cur_tnr: 0,
            clip: false,
            linetype: LineType::Solid,
            linewidth: 1.0,
            linecolor: 1,
            markertype: MarkerType::Asterisk,
            markersize: 2.0,
            markercolor: 1,
            fillintstyle: FillIntStyle::Hollow,
            fillstyle: 1,
            fillcolor: 1,
            bordercolor: 0,
            borderwidth: 1.0,
            font: 3,
            precision: 0,
            face: crate::font::resolve_gr_font(3).unwrap_or(FaceId(0)),
            charheight: 0.027,
            charup: (0.0, 1.0),
            charexpan: 1.0,
            charspace: 0.0,
            textpath: TextPath::Right,
            halign: TextHAlign::Left,
            valign: TextVAlign::Base,
            textcolor: 1,
            transparency: 1.0,
            smooth_images: false,
        }
    }
}
