//! GR's text font numbers and the embedded faces that stand in for them.
//!
//! GR numbers its fonts as follows (negative numbers mean the same font as their absolute
//! value):
//!
//! * 101–131: the 31 URW base-35 PostScript fonts, in the order Times (Roman, Italic, Bold,
//!   BoldItalic), Helvetica (Regular, Oblique, Bold, BoldOblique), Courier (same styles),
//!   Symbol, Bookman (Light, LightItalic, Demi, DemiItalic), New Century Schoolbook (Roman,
//!   Italic, Bold, BoldItalic), AvantGarde (Book, BookOblique, Demi, DemiOblique), Palatino
//!   (Roman, Italic, Bold, BoldItalic), Zapf Chancery, Zapf Dingbats.
//! * 1–32: the legacy GKS fonts, eight families (AvantGarde, Courier, Helvetica, Bookman,
//!   New Century Schoolbook, Palatino, Symbol, Times) in four styles: 1–8 roman, 9–16 bold,
//!   17–24 italic, 25–32 bold italic.
//! * 232: CMU Serif Math, 233: DejaVu Sans, 234: STIX Two Math.
//!
//! The URW fonts are not embedded; each is replaced by the embedded face of the nearest look.

use crate::error::Error;

use super::registry::*;

/// GR's legacy GKS font numbers 1..=32 → URW font index 1..=31 (the number minus 100).
const LEGACY: [u8; 32] = [
    22, 9, 5, 14, 18, 26, 13, 1, // roman
    24, 11, 7, 16, 20, 28, 13, 3, // bold
    23, 10, 6, 15, 19, 27, 13, 2, // italic
    25, 12, 8, 17, 21, 29, 13, 4, // bold italic
];

/// The face standing in for URW font `k` (1..=31, i.e. GR font 100 + k).
fn urw(k: u8) -> FaceId {
    // Per family: regular, italic, bold, bold italic (GR's order within each family).
    const fn styles(r: FaceId, i: FaceId, b: FaceId, bi: FaceId) -> [FaceId; 4] {
        [r, i, b, bi]
    }
    let libertinus = styles(SERIF, SERIF_ITALIC, SERIF_BOLD, SERIF_BOLD_ITALIC);
    let sans = styles(SANS, SANS_OBLIQUE, SANS_BOLD, SANS_BOLD_OBLIQUE);
    let mono = styles(MONO, MONO_OBLIQUE, MONO_BOLD, MONO_BOLD_OBLIQUE);
    let dejavu_serif = styles(
        DEJAVU_SERIF,
        DEJAVU_SERIF_ITALIC,
        DEJAVU_SERIF_BOLD,
        DEJAVU_SERIF_BOLD_ITALIC,
    );
    let cm = styles(CM, CM_ITALIC, CM_BOLD, CM_BOLD_ITALIC);
    let s = |fam: [FaceId; 4], first: u8| fam[(k - first) as usize];
    match k {
        1..=4 => s(libertinus, 1),      // Times
        5..=8 => s(sans, 5),            // Helvetica
        9..=12 => s(mono, 9),           // Courier
        13 => MATH,                     // Symbol
        14..=17 => s(dejavu_serif, 14), // Bookman: sturdy, wide serif
        18..=21 => s(cm, 18),           // New Century Schoolbook: Computer Modern is Century-like
        22..=25 => s(sans, 22),         // AvantGarde
        26..=29 => s(libertinus, 26),   // Palatino: Libertinus is an old-style serif too
        30 => SERIF_ITALIC,             // Zapf Chancery
        _ => SANS,                      // 31 Zapf Dingbats: DejaVu Sans has the dingbats block
    }
}

/// The embedded face for a GR font number (`gr.settextfontprec` / `gks_set_text_fontprec`).
///
/// Accepts 1..=32 (legacy GKS), 101..=131 (URW base-35), 232 (CMU Serif Math), 233 (DejaVu
/// Sans) and 234 (STIX Two Math), and their negatives (GR uses the absolute value). Anything
/// else is [`Error::UnknownFont`].
pub fn resolve_gr_font(number: i32) -> Result<FaceId, Error> {
    match number.unsigned_abs() {
        n @ 1..=32 => Ok(urw(LEGACY[n as usize - 1])),
        n @ 101..=131 => Ok(urw((n - 100) as u8)),
        232 | 234 => Ok(MATH),
        233 => Ok(SANS),
        _ => Err(Error::UnknownFont(number)),
    }
}

/// True if GR treats text in this font as Symbol-encoded bytes (GR font 113 and the legacy
/// numbers that map to it: 7, 15, 23, 31); such text should be passed through
/// [`symbol_to_unicode`] before shaping.
pub fn is_symbol_font(number: i32) -> bool {
    matches!(number.unsigned_abs(), 113 | 7 | 15 | 23 | 31)
}

/// Maps a character of Adobe's Symbol encoding (code points 0..=255 stand for the encoded
/// bytes) to Unicode; characters above U+00FF and unassigned bytes are returned unchanged.
pub fn symbol_to_unicode(c: char) -> char {
    let code = c as u32;
    if code > 0xFF {
        return c;
    }
    let u: u32 = match code as u8 {
        0x22 => 0x2200,
        0x24 => 0x2203,
        0x27 => 0x220B,
        0x2A => 0x2217,
        0x2D => 0x2212,
        0x40 => 0x2245,
        b @ 0x41..=0x5A => {
            const UPPER: [u32; 26] = [
                0x391, 0x392, 0x3A7, 0x394, 0x395, 0x3A6, 0x393, 0x397, 0x399, 0x3D1, 0x39A, 0x39B,
                0x39C, 0x39D, 0x39F, 0x3A0, 0x398, 0x3A1, 0x3A3, 0x3A4, 0x3A5, 0x3C2, 0x3A9, 0x39E,
                0x3A8, 0x396,
            ];
            UPPER[(b - 0x41) as usize]
        }
        0x5C => 0x2234,
        0x5E => 0x22A5,
        0x60 => 0x203E,
        b @ 0x61..=0x7A => {
            const LOWER: [u32; 26] = [
                0x3B1, 0x3B2, 0x3C7, 0x3B4, 0x3B5, 0x3C6, 0x3B3, 0x3B7, 0x3B9, 0x3D5, 0x3BA, 0x3BB,
                0x3BC, 0x3BD, 0x3BF, 0x3C0, 0x3B8, 0x3C1, 0x3C3, 0x3C4, 0x3C5, 0x3D6, 0x3C9, 0x3BE,
                0x3C8, 0x3B6,
            ];
            LOWER[(b - 0x61) as usize]
        }
        0x7E => 0x223C,
        0xA0 => 0x20AC,
        b @ 0xA1..=0xFE => {
            const HIGH: [u32; 94] = [
                // A1..AF
                0x3D2, 0x2032, 0x2264, 0x2044, 0x221E, 0x192, 0x2663, 0x2666, 0x2665, 0x2660,
                0x2194, 0x2190, 0x2191, 0x2192, 0x2193, //
                // B0..BF
                0xB0, 0xB1, 0x2033, 0x2265, 0xD7, 0x221D, 0x2202, 0x2022, 0xF7, 0x2260, 0x2261,
                0x2248, 0x2026, 0x23D0, 0x23AF, 0x21B5, //
                // C0..CF
                0x2135, 0x2111, 0x211C, 0x2118, 0x2297, 0x2295, 0x2205, 0x2229, 0x222A, 0x2283,
                0x2287, 0x2284, 0x2282, 0x2286, 0x2208, 0x2209, //
                // D0..DF
                0x2220, 0x2207, 0xAE, 0xA9, 0x2122, 0x220F, 0x221A, 0x22C5, 0xAC, 0x2227, 0x2228,
                0x21D4, 0x21D0, 0x21D1, 0x21D2, 0x21D3, //
                // E0..EF
                0x25CA, 0x27E8, 0xAE, 0xA9, 0x2122, 0x2211, 0x239B, 0x239C, 0x239D, 0x23A1, 0x23A2,
                0x23A3, 0x23A7, 0x23A8, 0x23A9, 0x23AA, //
                // F0..FE (F0 is unassigned: kept)
                0xF0, 0x27E9, 0x222B, 0x2320, 0x23AE, 0x2321, 0x239E, 0x239F, 0x23A0, 0x23A4,
                0x23A5, 0x23A6, 0x23AB, 0x23AC, 0x23AD,
            ];
            HIGH[(b - 0xA1) as usize]
        }
        _ => code,
    };
    char::from_u32(u).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_valid_number_resolves() {
        let valid: Vec<i32> = (1..=32).chain(101..=131).chain(232..=234).collect();
        for n in valid {
            let id = resolve_gr_font(n).unwrap_or_else(|e| panic!("{n}: {e}"));
            assert!(faces().contains(&id));
            assert_eq!(resolve_gr_font(-n).unwrap(), id, "negative {n}");
        }
    }

    #[test]
    fn invalid_numbers_are_unknown() {
        for n in [
            0,
            33,
            50,
            100,
            132,
            200,
            201,
            231,
            235,
            300,
            1000,
            i32::MIN,
            i32::MAX,
            -33,
        ] {
            match resolve_gr_font(n) {
                Err(Error::UnknownFont(m)) => assert_eq!(m, n),
                other => panic!("{n}: {other:?}"),
            }
        }
    }

    #[test]
    fn gr_order_of_styles() {
        let r = |n| resolve_gr_font(n).unwrap();
        assert_eq!(
            [r(101), r(102), r(103), r(104)],
            [SERIF, SERIF_ITALIC, SERIF_BOLD, SERIF_BOLD_ITALIC]
        );
        assert_eq!(
            [r(105), r(106), r(107), r(108)],
            [SANS, SANS_OBLIQUE, SANS_BOLD, SANS_BOLD_OBLIQUE]
        );
        assert_eq!(
            [r(109), r(110), r(111), r(112)],
            [MONO, MONO_OBLIQUE, MONO_BOLD, MONO_BOLD_OBLIQUE]
        );
        assert_eq!(r(113), MATH);
        assert_eq!(r(130), SERIF_ITALIC);
        assert_eq!(r(131), SANS);
        assert_eq!((r(232), r(233), r(234)), (MATH, SANS, MATH));
        // Legacy: 3 = Helvetica, 8 = Times, 2 = Courier, 1 = AvantGarde (sans).
        assert_eq!([r(1), r(2), r(3), r(8)], [SANS, MONO, SANS, SERIF]);
        // Styles of Times: roman 8, bold 16, italic 24, bold italic 32.
        assert_eq!(
            [r(8), r(16), r(24), r(32)],
            [SERIF, SERIF_BOLD, SERIF_ITALIC, SERIF_BOLD_ITALIC]
        );
        assert_eq!(
            [r(3), r(11), r(19), r(27)],
            [SANS, SANS_BOLD, SANS_OBLIQUE, SANS_BOLD_OBLIQUE]
        );
        assert_eq!([r(7), r(15), r(23), r(31)], [MATH; 4]);
        // Bookman and New Century Schoolbook are serif faces.
        assert_eq!(family(r(114)), Family::DejaVuSerif);
        assert_eq!(family(r(121)), Family::ComputerModern);
        assert_eq!(style(r(121)), (true, true));
    }

    #[test]
    fn symbol_encoding() {
        let s: String = "abgDW\u{A5}\u{AE}\u{B1}\u{E5}"
            .chars()
            .map(symbol_to_unicode)
            .collect();
        assert_eq!(s, "αβγΔΩ∞→±∑");
        assert_eq!(symbol_to_unicode('1'), '1');
        assert_eq!(symbol_to_unicode('€'), '€');
        assert!(is_symbol_font(113) && is_symbol_font(-7) && !is_symbol_font(101));
    }
}
