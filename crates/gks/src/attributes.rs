//! Output attributes with GR's numbering: line types, marker types, fill styles and text
//! alignment, plus the attribute bundles that the kernel snapshots into each primitive.

use crate::error::{Error, Result};

macro_rules! gr_enum {
    ($(#[$doc:meta])* $name:ident, $what:literal { $($(#[$vdoc:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant),+
        }
        impl $name {
            /// Every variant, in GR's numeric order of declaration.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The variant for GR's numeric code, or an error naming the valid codes.
            pub fn from_gr(code: i32) -> Result<Self> {
                match code {
                    $($code => Ok($name::$variant),)+
                    _ => Err(Error::InvalidArgument {
                        func: concat!("set", $what),
                        msg: format!(concat!("{} is not a GR ", $what, " (valid: {})"), code,
                            [$($code.to_string()),+].join(", ")),
                    }),
                }
            }
            /// GR's numeric code.
            pub fn to_gr(self) -> i32 {
                match self { $($name::$variant => $code),+ }
            }
        }
    };
}

gr_enum!(
    /// GR line types (`setlinetype`); dashes scale with the line width.
    LineType, "linetype" {
    /// Solid line.
    Solid = 1,
    /// Dashed.
    Dashed = 2,
    /// Dotted.
    Dotted = 3,
    /// Dash, dot.
    DashedDotted = 4,
    /// Dash, two dots.
    Dash2Dot = -1,
    /// Dash, three dots.
    Dash3Dot = -2,
    /// Long dashes.
    LongDash = -3,
    /// Long dash, short dash.
    LongShortDash = -4,
    /// Dashes with small gaps.
    SpacedDash = -5,
    /// Dense dots.
    SpacedDot = -6,
    /// Pairs of dots.
    DoubleDot = -7,
    /// Triples of dots.
    TripleDot = -8,
});

gr_enum!(
    /// GR marker types (`setmarkertype`).
    MarkerType, "markertype" {
    /// One-pixel dot.
    Dot = 1,
    /// `+`.
    Plus = 2,
    /// `*` (GR's default).
    Asterisk = 3,
    /// Stroked circle.
    Circle = 4,
    /// `×`.
    DiagonalCross = 5,
    /// Filled circle.
    SolidCircle = -1,
    /// Hollow triangle pointing up.
    TriangleUp = -2,
    /// Filled triangle pointing up.
    SolidTriUp = -3,
    /// Hollow triangle pointing down.
    TriangleDown = -4,
    /// Filled triangle pointing down.
    SolidTriDown = -5,
    /// Hollow square.
    Square = -6,
    /// Filled square.
    SolidSquare = -7,
    /// Hollow bow tie.
    Bowtie = -8,
    /// Filled bow tie.
    SolidBowtie = -9,
    /// Hollow hourglass.
    Hourglass = -10,
    /// Filled hourglass.
    SolidHourglass = -11,
    /// Hollow diamond.
    Diamond = -12,
    /// Filled diamond.
    SolidDiamond = -13,
    /// Hollow five-pointed star.
    Star = -14,
    /// Filled five-pointed star.
    SolidStar = -15,
    /// Hollow triangles up and down (hexagram).
    TriUpDown = -16,
    /// Filled triangle pointing right.
    SolidTriRight = -17,
    /// Filled triangle pointing left.
    SolidTriLeft = -18,
    /// Hollow plus.
    HollowPlus = -19,
    /// Filled plus.
    SolidPlus = -20,
    /// Filled pentagon.
    Pentagon = -21,
    /// Filled hexagon.
    Hexagon = -22,
    /// Filled heptagon.
    Heptagon = -23,
    /// Filled octagon.
    Octagon = -24,
    /// Filled four-pointed star.
    Star4 = -25,
    /// Filled five-pointed star (thin).
    Star5 = -26,
    /// Filled six-pointed star.
    Star6 = -27,
    /// Filled seven-pointed star.
    Star7 = -28,
    /// Filled eight-pointed star.
    Star8 = -29,
    /// Vertical line.
    VLine = -30,
    /// Horizontal line.
    HLine = -31,
    /// Hollow circle (O mark).
    OMark = -32,
});

gr_enum!(
    /// GR fill interior styles (`setfillintstyle`).
    FillIntStyle, "fillintstyle" {
    /// Outline only, in the fill colour.
    Hollow = 0,
    /// Solid fill.
    Solid = 1,
    /// One of GR's 108 bitmap patterns (`setfillstyle` 0..=107).
    Pattern = 2,
    /// One of GR's 11 hatch styles (`setfillstyle` 1..=11).
    Hatch = 3,
    /// Solid fill with an outline in the border colour and width.
    SolidWithBorder = 4,
});

gr_enum!(
    /// Horizontal text alignment (`settextalign`).
    TextHAlign, "textalign" {
    /// Same as left.
    Normal = 0,
    /// Start of the text at the anchor.
    Left = 1,
    /// Centre of the text at the anchor.
    Center = 2,
    /// End of the text at the anchor.
    Right = 3,
});

gr_enum!(
    /// Vertical text alignment (`settextalign`).
    TextVAlign, "textalign" {
    /// Same as base.
    Normal = 0,
    /// Top of the font's ascender at the anchor.
    Top = 1,
    /// Cap height at the anchor.
    Cap = 2,
    /// Half the cap height at the anchor.
    Half = 3,
    /// Baseline at the anchor.
    Base = 4,
    /// Bottom of the font's descender at the anchor.
    Bottom = 5,
});

gr_enum!(
    /// Writing direction (`settextpath`).
    TextPath, "textpath" {
    /// Left to right (default).
    Right = 0,
    /// Right to left.
    Left = 1,
    /// Bottom to top, one character per line.
    Up = 2,
    /// Top to bottom, one character per line.
    Down = 3,
});

impl MarkerType {
    /// GR's lower-case name of the marker type (python-gr's `MARKERTYPE_*`).
    pub fn name(self) -> &'static str {
        use MarkerType::*;
        match self {
            Dot => "dot",
            Plus => "plus",
            Asterisk => "asterisk",
            Circle => "circle",
            DiagonalCross => "diagonal_cross",
            SolidCircle => "solid_circle",
            TriangleUp => "triangle_up",
            SolidTriUp => "solid_tri_up",
            TriangleDown => "triangle_down",
            SolidTriDown => "solid_tri_down",
            Square => "square",
            SolidSquare => "solid_square",
            Bowtie => "bowtie",
            SolidBowtie => "solid_bowtie",
            Hourglass => "hourglass",
            SolidHourglass => "solid_hglass",
            Diamond => "diamond",
            SolidDiamond => "solid_diamond",
            Star => "star",
            SolidStar => "solid_star",
            TriUpDown => "tri_up_down",
            SolidTriRight => "solid_tri_right",
            SolidTriLeft => "solid_tri_left",
            HollowPlus => "hollow_plus",
            SolidPlus => "solid_plus",
            Pentagon => "pentagon",
            Hexagon => "hexagon",
            Heptagon => "heptagon",
            Octagon => "octagon",
            Star4 => "star_4",
            Star5 => "star_5",
            Star6 => "star_6",
            Star7 => "star_7",
            Star8 => "star_8",
            VLine => "vline",
            HLine => "hline",
            OMark => "omark",
        }
    }
}

impl LineType {
    /// GR's lower-case name of the line type.
    pub fn name(self) -> &'static str {
        use LineType::*;
        match self {
            Solid => "solid",
            Dashed => "dashed",
            Dotted => "dotted",
            DashedDotted => "dashed_dotted",
            Dash2Dot => "dash_2_dot",
            Dash3Dot => "dash_3_dot",
            LongDash => "long_dash",
            LongShortDash => "long_short_dash",
            SpacedDash => "spaced_dash",
            SpacedDot => "spaced_dot",
            DoubleDot => "double_dot",
            TripleDot => "triple_dot",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for &m in MarkerType::ALL {
            assert_eq!(MarkerType::from_gr(m.to_gr()).unwrap(), m);
        }
        assert_eq!(MarkerType::ALL.len(), 37);
        for &l in LineType::ALL {
            assert_eq!(LineType::from_gr(l.to_gr()).unwrap(), l);
        }
    }

    #[test]
    fn unknown_code_names_the_valid_ones() {
        let e = LineType::from_gr(7).unwrap_err().to_string();
        assert!(e.contains("7 is not a GR linetype"), "{e}");
        assert!(e.contains("-8"), "{e}");
        assert!(MarkerType::from_gr(6).is_err());
        assert!(MarkerType::from_gr(-33).is_err());
    }
}
