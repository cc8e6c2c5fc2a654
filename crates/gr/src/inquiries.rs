//! GR's attribute inquiries (`inq*`), `uselinespec`, `hsvtorgb` and `version`.

use crate::context::Gr;
use crate::error::{Error, Result};

/// Which parts a line spec set, as returned by [`Gr::uselinespec`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LineSpecParts {
    /// A line style was given (`-`, `--`, `:`, `-.`).
    pub line: bool,
    /// A marker was given.
    pub marker: bool,
    /// A colour was given.
    pub color: bool,
}

/// GR's colour index for a matplotlib colour letter.
fn color_letter(c: char) -> Option<i32> {
    Some(match c {
        'w' => 0,
        'k' => 1,
        'r' => 2,
        'g' => 3,
        'b' => 4,
        'c' => 5,
        'y' => 6,
        'm' => 7,
        _ => return None,
    })
}

/// GR's marker type for a matplotlib marker character.
fn marker_char(c: char) -> Option<i32> {
    Some(match c {
        '.' => 1,
        '+' => 2,
        '*' => 3,
        'o' => -1,
        'x' => 5,
        's' => -7,
        'd' => -13,
        '^' => -3,
        'v' => -5,
        '>' => -17,
        '<' => -18,
        'p' => -21,
        'h' => -22,
        _ => return None,
    })
}

macro_rules! inquiries {
    ($($(#[$doc:meta])* $name:ident -> $ty:ty = |$s:ident| $e:expr;)+) => {$(
        $(#[$doc])*
        pub fn $name(&self) -> $ty {
            let $s = self.gks.state();
            $e
        }
    )+};
}

impl Gr {
    inquiries! {
        /// `inqlinetype`.
        inqlinetype -> i32 = |s| s.linetype.to_gr();
        /// `inqlinewidth`.
        inqlinewidth -> f64 = |s| s.linewidth;
        /// `inqlinecolorind`.
        inqlinecolorind -> i32 = |s| s.linecolor as i32;
        /// `inqmarkertype`.
        inqmarkertype -> i32 = |s| s.markertype.to_gr();
        /// `inqmarkersize`.
        inqmarkersize -> f64 = |s| s.markersize;
        /// `inqmarkercolorind`.
        inqmarkercolorind -> i32 = |s| s.markercolor as i32;
        /// `inqfillintstyle`.
        inqfillintstyle -> i32 = |s| s.fillintstyle.to_gr();
        /// `inqfillstyle`.
        inqfillstyle -> i32 = |s| s.fillstyle;
        /// `inqfillcolorind`.
        inqfillcolorind -> i32 = |s| s.fillcolor as i32;
        /// `inqbordercolorind`.
        inqbordercolorind -> i32 = |s| s.bordercolor as i32;
        /// `inqborderwidth`.
        inqborderwidth -> f64 = |s| s.borderwidth;
        /// `inqcharheight`.
        inqcharheight -> f64 = |s| s.charheight;
        /// `inqtextcolorind`.
        inqtextcolorind -> i32 = |s| s.textcolor as i32;
        /// `inqtransparency`.
        inqtransparency -> f64 = |s| s.transparency;
    }

    /// `inqnominalsize`: the nominal size in device pixels (`min(width, height) / 500`), the
    /// unit of line widths and marker sizes.
    pub fn inqnominalsize(&self) -> f64 {
        self.gks.workstation().nominal_size()
    }

    /// `uselinespec`: sets line type, marker type and colour from a matplotlib-style spec
    /// such as `"r--o"`: line styles `-` `--` `:` `-.`, markers `. + * o x s d ^ v > < p h`,
    /// colours `w k r g b c y m`. Returns which parts the spec set; an unknown character is
    /// an error naming it.
    pub fn uselinespec(&mut self, spec: &str) -> Result<LineSpecParts> {
        let mut parts = LineSpecParts::default();
        let (mut line, mut marker, mut color) = (None, None, None);
        let chars: Vec<char> = spec.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let next = chars.get(i + 1).copied();
            let lt = match (c, next) {
                ('-', Some('-')) => Some((2, 2)),
                ('-', Some('.')) => Some((4, 2)),
                ('-', _) => Some((1, 1)),
                (':', _) => Some((3, 1)),
                _ => None,
            };
            if let Some((code, len)) = lt {
                line = Some(code);
                i += len;
                continue;
            }
            if let Some(m) = marker_char(c) {
                marker = Some(m);
            } else if let Some(k) = color_letter(c) {
                color = Some(k);
            } else if !c.is_whitespace() {
                return Err(Error::InvalidArgument {
                    func: "uselinespec",
                    msg: format!("unknown character '{c}' in line spec {spec:?}"),
                });
            }
            i += 1;
        }
        if let Some(l) = line {
            self.gks.setlinetype(l)?;
            parts.line = true;
        }
        if let Some(m) = marker {
            self.gks.setmarkertype(m)?;
            parts.marker = true;
        }
        if let Some(k) = color {
            self.gks.setlinecolorind(k)?;
            self.gks.setmarkercolorind(k)?;
            parts.color = true;
        }
        Ok(parts)
    }
}

/// `hsvtorgb`: hue, saturation and value in 0..=1 to red, green and blue in 0..=1.
pub fn hsvtorgb(h: f64, s: f64, v: f64) -> (f64, f64, f64) {
    let (h, s, v) = (
        h.rem_euclid(1.0) * 6.0,
        s.clamp(0.0, 1.0),
        v.clamp(0.0, 1.0),
    );
    let i = h.floor();
    let f = h - i;
    let (p, q, t) = (v * (1.0 - s), v * (1.0 - s * f), v * (1.0 - s * (1.0 - f)));
    match i as i32 {
        0 => (v, t, p),
        1 => (q, v, p),
        2 => (p, v, t),
        3 => (p, q, v),
        4 => (t, p, v),
        _ => (v, p, q),
    }
}

/// `version`: the version of this crate.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linespec_sets_style_marker_and_colour() {
        let mut gr = Gr::new();
        let p = gr.uselinespec("r--o").unwrap();
        assert_eq!(
            p,
            LineSpecParts {
                line: true,
                marker: true,
                color: true
            }
        );
        assert_eq!(
            (gr.inqlinetype(), gr.inqmarkertype(), gr.inqlinecolorind()),
            (2, -1, 2)
        );
        gr.uselinespec("-.").unwrap();
        assert_eq!(gr.inqlinetype(), 4);
        gr.uselinespec(":b").unwrap();
        assert_eq!((gr.inqlinetype(), gr.inqlinecolorind()), (3, 4));
        let e = gr.uselinespec("r-Q").unwrap_err().to_string();
        assert!(e.contains("unknown character 'Q'"), "{e}");
    }

    #[test]
    fn hsv_primaries() {
        assert_eq!(hsvtorgb(0.0, 1.0, 1.0), (1.0, 0.0, 0.0));
        let (r, g, b) = hsvtorgb(1.0 / 3.0, 1.0, 1.0);
        assert!(r.abs() < 1e-12 && (g - 1.0).abs() < 1e-12 && b.abs() < 1e-12);
        assert_eq!(hsvtorgb(0.5, 0.0, 0.5), (0.5, 0.5, 0.5));
        assert!(!version().is_empty());
    }

    #[test]
    fn inquiries_follow_setters() {
        let mut gr = Gr::new();
        gr.setlinewidth(2.5).unwrap();
        gr.setmarkersize(3.0).unwrap();
        gr.setcharheight(0.04).unwrap();
        gr.settransparency(0.5).unwrap();
        gr.setfillintstyle(3).unwrap();
        gr.setfillstyle(4).unwrap();
        assert_eq!(gr.inqlinewidth(), 2.5);
        assert_eq!(gr.inqmarkersize(), 3.0);
        assert_eq!(gr.inqcharheight(), 0.04);
        assert_eq!(gr.inqtransparency(), 0.5);
        assert_eq!((gr.inqfillintstyle(), gr.inqfillstyle()), (3, 4));
        assert!((gr.inqnominalsize() - 0.9).abs() < 1e-12);
    }
}
