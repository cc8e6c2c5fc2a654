//! Math alphabets: letters and digits to the Unicode Mathematical Alphanumeric Symbols.

use gks::font::{self, MATH};

use crate::FontStyle;

/// Maps a character to the Unicode Mathematical Alphanumeric Symbols for a font style
/// (default: Latin and lowercase Greek italic, digits upright).
pub(crate) fn map_char(c: char, fs: Option<FontStyle>) -> char {
    let u = c as u32;
    let upper = c.is_ascii_uppercase();
    let lower = c.is_ascii_lowercase();
    let digit = c.is_ascii_digit();
    let latin = |cap: u32, small: u32| -> Option<u32> {
        if upper {
            Some(cap + u - 'A' as u32)
        } else if lower {
            Some(small + u - 'a' as u32)
        } else {
            None
        }
    };
    let mapped = match fs {
        None | Some(FontStyle::Italic) => {
            if c == 'h' {
                Some(0x210E)
            } else if let Some(v) = latin(0x1D434, 0x1D44E) {
                Some(v)
            } else if ('α'..='ω').contains(&c) {
                Some(0x1D6FC + u - 'α' as u32)
            } else {
                match c {
                    'ϵ' => Some(0x1D716),
                    'ϑ' => Some(0x1D717),
                    'ϰ' => Some(0x1D718),
                    'ϕ' => Some(0x1D719),
                    'ϱ' => Some(0x1D71A),
                    'ϖ' => Some(0x1D71B),
                    'ı' => Some(0x1D6A4),
                    'ȷ' => Some(0x1D6A5),
                    '∂' => Some(0x1D715),
                    _ => None,
                }
            }
        }
        Some(FontStyle::Roman) => None,
        Some(FontStyle::Bold) => {
            latin(0x1D400, 0x1D41A).or(digit.then(|| 0x1D7CE + u - '0' as u32))
        }
        Some(FontStyle::BoldItalic) => {
            latin(0x1D468, 0x1D482).or(digit.then(|| 0x1D7CE + u - '0' as u32))
        }
        Some(FontStyle::SansSerif) => {
            latin(0x1D5A0, 0x1D5BA).or(digit.then(|| 0x1D7E2 + u - '0' as u32))
        }
        Some(FontStyle::Monospace) => {
            latin(0x1D670, 0x1D68A).or(digit.then(|| 0x1D7F6 + u - '0' as u32))
        }
        Some(FontStyle::Calligraphic) => match c {
            'B' => Some(0x212C),
            'E' => Some(0x2130),
            'F' => Some(0x2131),
            'H' => Some(0x210B),
            'I' => Some(0x2110),
            'L' => Some(0x2112),
            'M' => Some(0x2133),
            'R' => Some(0x211B),
            'e' => Some(0x212F),
            'g' => Some(0x210A),
            'o' => Some(0x2134),
            _ => latin(0x1D49C, 0x1D4B6),
        },
        Some(FontStyle::Fraktur) => match c {
            'C' => Some(0x212D),
            'H' => Some(0x210C),
            'I' => Some(0x2111),
            'R' => Some(0x211C),
            'Z' => Some(0x2128),
            _ => latin(0x1D504, 0x1D51E),
        },
        Some(FontStyle::Blackboard) => match c {
            'C' => Some(0x2102),
            'H' => Some(0x210D),
            'N' => Some(0x2115),
            'P' => Some(0x2119),
            'Q' => Some(0x211A),
            'R' => Some(0x211D),
            'Z' => Some(0x2124),
            _ => latin(0x1D538, 0x1D552).or(digit.then(|| 0x1D7D8 + u - '0' as u32)),
        },
    };
    mapped
        .and_then(char::from_u32)
        .filter(|&m| font::has_glyph(MATH, m))
        .unwrap_or(c)
}
