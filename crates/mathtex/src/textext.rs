//! GR's `textext` light formula syntax, typeset in a text face: `x^2`, `x_i`, `{…}` groups,
//! `A/B` fractions, `\alpha` Greek letters (`\v` for ν), `\^ \_ \/ \{ …` escapes.
//!
//! Semantics follow GR's `text.c`: a script or a fraction part is the following value, that
//! is a run of characters up to the next operator (`+ - * / ^ _ { }`) or a group in braces
//! or, right after `^`/`_`, in parentheses (which are not drawn); scripts are set at
//! 5.2/6.4 and fraction parts at 5.8/6.4 of the size, exponents raised by 3/6.4 of the
//! string height, indices lowered to 3.3/6.4 of the character height, the fraction bar at
//! half the character height. Box heights are GR's: 1.12 character heights above the
//! baseline and 0.33 below.

use gks::font::{self, FaceId};
use gks::geometry::Rect;

use crate::{MathGlyph, MathLayout, ParseError};

const SCRIPT: f64 = 5.2 / 6.4;
const FRACTION: f64 = 5.8 / 6.4;
const TOP: f64 = 1.12;
const BOTTOM: f64 = 0.33;
const EXP_POS: f64 = 3.0 / 6.4;
const INDEX_POS: f64 = 3.3 / 6.4;
const FRAC_THICK: f64 = 0.9 / 8.95;
const FRAC_SPACE: f64 = 1.0 / 20.0;
const FRAC_PAD: f64 = 1.0 / 10.0;
const MAX_DEPTH: usize = 64;

/// The Greek names of GR's textext and their letters.
const GREEK: &[(&str, char)] = &[
    ("alpha", 'α'),
    ("beta", 'β'),
    ("gamma", 'γ'),
    ("Gamma", 'Γ'),
    ("delta", 'δ'),
    ("Delta", 'Δ'),
    ("epsilon", 'ϵ'),
    ("varepsilon", 'ε'),
    ("zeta", 'ζ'),
    ("eta", 'η'),
    ("theta", 'θ'),
    ("Theta", 'Θ'),
    ("vartheta", 'ϑ'),
    ("iota", 'ι'),
    ("kappa", 'κ'),
    ("lambda", 'λ'),
    ("Lambda", 'Λ'),
    ("mu", 'μ'),
    ("nu", 'ν'),
    ("xi", 'ξ'),
    ("Xi", 'Ξ'),
    ("pi", 'π'),
    ("Pi", 'Π'),
    ("varpi", 'ϖ'),
    ("rho", 'ρ'),
    ("varrho", 'ϱ'),
    ("sigma", 'σ'),
    ("Sigma", 'Σ'),
    ("varsigma", 'ς'),
    ("tau", 'τ'),
    ("upsilon", 'υ'),
    ("Upsilon", 'Υ'),
    ("phi", 'ϕ'),
    ("Phi", 'Φ'),
    ("varphi", 'φ'),
    ("chi", 'χ'),
    ("psi", 'ψ'),
    ("Psi", 'Ψ'),
    ("omega", 'ω'),
    ("Omega", 'Ω'),
    ("Alpha", 'Α'),
    ("Beta", 'Β'),
    ("Epsilon", 'Ε'),
    ("Zeta", 'Ζ'),
    ("Eta", 'Η'),
    ("Iota", 'Ι'),
    ("Kappa", 'Κ'),
    ("Mu", 'Μ'),
    ("Nu", 'Ν'),
    ("Rho", 'Ρ'),
    ("Tau", 'Τ'),
    ("Chi", 'Χ'),
    ("omicron", 'ο'),
    ("Omicron", 'Ο'),
    ("v", 'ν'),
];

/// A parsed textext item.
#[derive(Debug, Clone, PartialEq)]
enum Item {
    /// Characters set in the text face.
    Text(String),
    /// An operator `+ - *` (GR sets it with the width of `+`).
    Op(char),
    /// A group.
    Group(Vec<Item>),
    /// A nucleus with exponent and/or index.
    Scripts {
        base: Box<Item>,
        sup: Option<Box<Item>>,
        sub: Option<Box<Item>>,
    },
    /// `num/den`.
    Frac(Box<Item>, Box<Item>),
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    depth: usize,
    /// The character closing the innermost group (ends a run of characters too).
    stop: Option<char>,
}

fn err<T>(position: usize, message: impl Into<String>) -> Result<T, ParseError> {
    Err(ParseError {
        position,
        message: message.into(),
    })
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// Items up to the end or the `}` / `)` closing the group opened at `open`.
    fn list(&mut self, close: Option<(char, usize)>) -> Result<Vec<Item>, ParseError> {
        let mut out: Vec<Item> = Vec::new();
        loop {
            let at = self.pos;
            match self.peek() {
                None => {
                    return match close {
                        None => Ok(out),
                        Some((c, p)) => err(p, format!("missing '{c}'")),
                    }
                }
                Some(c) if close.is_some_and(|(cl, _)| cl == c) => {
                    self.bump();
                    return Ok(out);
                }
                Some('}') => return err(at, "mismatched '}'"),
                Some(c @ ('+' | '-' | '*')) => {
                    self.bump();
                    out.push(Item::Op(if c == '-' { '−' } else { c }));
                }
                Some('/') => {
                    self.bump();
                    let Some(num) = out.pop().filter(|i| !matches!(i, Item::Op(_))) else {
                        return err(at, "'/' needs a numerator before it");
                    };
                    let mut depth = 1;
                    let mut left = &num;
                    while let Item::Frac(n, _) = left {
                        depth += 1;
                        left = n;
                    }
                    if depth + self.depth > MAX_DEPTH {
                        return err(at, "formula nested too deeply");
                    }
                    let den = self.value(at, "'/'")?;
                    out.push(Item::Frac(Box::new(num), Box::new(den)));
                }
                Some(c @ ('^' | '_')) => {
                    self.bump();
                    let what = if c == '^' { "'^'" } else { "'_'" };
                    let arg = self.value(at, what)?;
                    let (base, mut sup, mut sub) = match out.pop() {
                        Some(Item::Scripts { base, sup, sub }) => (base, sup, sub),
                        Some(Item::Op(o)) => {
                            out.push(Item::Op(o));
                            (Box::new(Item::Text(String::new())), None, None)
                        }
                        Some(other) => (Box::new(other), None, None),
                        None => (Box::new(Item::Text(String::new())), None, None),
                    };
                    let slot = if c == '^' { &mut sup } else { &mut sub };
                    if slot.is_some() {
                        return err(at, "duplicate expression");
                    }
                    *slot = Some(Box::new(arg));
                    out.push(Item::Scripts { base, sup, sub });
                }
                Some('{') => {
                    self.bump();
                    out.push(self.group('}', at)?);
                }
                Some(_) => out.push(Item::Text(self.string()?)),
            }
        }
    }

    fn group(&mut self, close: char, at: usize) -> Result<Item, ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return err(at, "formula nested too deeply");
        }
        let outer = self.stop.replace(close);
        let items = self.list(Some((close, at)))?;
        self.stop = outer;
        self.depth -= 1;
        Ok(Item::Group(items))
    }

    /// The value after `^`, `_` or `/`: an optional sign, then a group in braces or
    /// parentheses, or a run of characters.
    fn value(&mut self, at: usize, what: &str) -> Result<Item, ParseError> {
        let sign = match self.peek() {
            Some(c @ ('+' | '-')) => {
                self.bump();
                Some(if c == '-' { '−' } else { c })
            }
            _ => None,
        };
        let open = self.pos;
        let v = match self.peek() {
            Some('{') => {
                self.bump();
                self.group('}', open)?
            }
            Some('(') => {
                self.bump();
                self.group(')', open)?
            }
            Some(c) if !"+-*/^_}".contains(c) && Some(c) != self.stop => Item::Text(self.string()?),
            _ => return err(at, format!("{what} needs a value after it")),
        };
        Ok(match sign {
            Some(s) => Item::Group(vec![Item::Op(s), v]),
            None => v,
        })
    }

    /// A run of characters (escapes and Greek names resolved) up to the next special.
    fn string(&mut self) -> Result<String, ParseError> {
        let mut s = String::new();
        while let Some(c) = self.peek() {
            if "+-*/^_{}".contains(c) || Some(c) == self.stop {
                break;
            }
            let at = self.pos;
            self.bump();
            if c != '\\' {
                s.push(c);
                continue;
            }
            match self.peek() {
                Some(e) if "\\^_+-/*{}() ".contains(e) => {
                    self.bump();
                    s.push(e);
                }
                Some(e) if e.is_ascii_alphabetic() => {
                    let rest = &self.src[self.pos..];
                    let name: &str = &rest[..rest
                        .find(|c: char| !c.is_ascii_alphabetic())
                        .unwrap_or(rest.len())];
                    // The longest Greek name that starts the command (GR accepts
                    // `\alphabet` as α followed by "bet").
                    let Some(&(g, ch)) = GREEK
                        .iter()
                        .filter(|(g, _)| name.starts_with(g))
                        .max_by_key(|(g, _)| g.len())
                    else {
                        return err(at, format!("undefined symbol \\{name}"));
                    };
                    self.pos += g.len();
                    s.push(ch);
                }
                _ => return err(at, "stray '\\'"),
            }
        }
        Ok(s)
    }
}

/// Parses GR's textext syntax (see the module documentation) and lays it out in `face`
/// with a character (cap) height of `height` px. Errors name the byte position and the
/// problem (`position 3: '^' needs a value after it`).
pub fn textext(src: &str, face: FaceId, height: f64) -> Result<MathLayout, ParseError> {
    if !(height.is_finite() && height > 0.0) {
        return err(0, format!("invalid character height {height}"));
    }
    let mut p = Parser {
        src,
        pos: 0,
        depth: 0,
        stop: None,
    };
    let items = p.list(None)?;
    let m = font::metrics(face);
    let ctx = Ctx {
        face,
        em_per_cap: m.units_per_em / m.cap_height,
    };
    Ok(ctx.list(&items, height))
}

struct Ctx {
    face: FaceId,
    em_per_cap: f64,
}

/// Moves `b`'s glyphs and rules by (dx, dy) into `out`.
fn place(out: &mut MathLayout, b: &MathLayout, dx: f64, dy: f64) {
    out.glyphs.extend(b.glyphs.iter().map(|g| MathGlyph {
        x: g.x + dx,
        y: g.y + dy,
        ..*g
    }));
    out.rules.extend(
        b.rules
            .iter()
            .map(|r| Rect::new(r.x0 + dx, r.y0 + dy, r.x1 + dx, r.y1 + dy)),
    );
}

impl Ctx {
    fn text(&self, s: &str, h: f64) -> MathLayout {
        let em = h * self.em_per_cap;
        let line = font::shape_line(s, self.face, em, 0.0);
        MathLayout {
            glyphs: line
                .glyphs
                .iter()
                .map(|g| MathGlyph {
                    face: g.face,
                    id: g.id,
                    x: g.x,
                    y: 0.0,
                    size: em,
                    ch: g.ch,
                })
                .collect(),
            rules: Vec::new(),
            width: line.width,
            ascent: TOP * h,
            descent: BOTTOM * h,
        }
    }

    fn list(&self, items: &[Item], h: f64) -> MathLayout {
        let mut out = MathLayout {
            ascent: TOP * h,
            descent: BOTTOM * h,
            ..MathLayout::default()
        };
        for it in items {
            let b = self.item(it, h);
            let x = out.width;
            place(&mut out, &b, x, 0.0);
            out.width += b.width;
            out.ascent = out.ascent.max(b.ascent);
            out.descent = out.descent.max(b.descent);
        }
        out
    }

    fn item(&self, it: &Item, h: f64) -> MathLayout {
        match it {
            Item::Text(s) => self.text(s, h),
            Item::Op(c) => {
                let mut b = self.text(&c.to_string(), h);
                let plus = self.text("+", h).width;
                for g in &mut b.glyphs {
                    g.x += (plus - b.width) / 2.0;
                }
                b.width = plus;
                b
            }
            Item::Group(v) => self.list(v, h),
            Item::Scripts { base, sup, sub } => {
                let mut out = self.item(base, h);
                let x = out.width;
                let mut right = x;
                if let Some(s) = sup {
                    let b = self.item(s, h * SCRIPT);
                    let y = TOP * h * EXP_POS + b.descent;
                    place(&mut out, &b, x, y);
                    out.ascent = out.ascent.max(y + b.ascent);
                    right = right.max(x + b.width);
                }
                if let Some(s) = sub {
                    let b = self.item(s, h * SCRIPT);
                    let y = INDEX_POS * h - b.ascent;
                    place(&mut out, &b, x, y);
                    out.descent = out.descent.max(b.descent - y);
                    right = right.max(x + b.width);
                }
                out.width = right;
                out
            }
            Item::Frac(num, den) => {
                let n = self.item(num, h * FRACTION);
                let d = self.item(den, h * FRACTION);
                let w = n.width.max(d.width) * (1.0 + 2.0 * FRAC_PAD);
                let mut out = MathLayout {
                    width: w,
                    ..MathLayout::default()
                };
                let yn = h * (0.5 + FRAC_THICK / 2.0 + FRAC_SPACE) + n.descent;
                let yd = h * (0.5 - FRAC_THICK / 2.0 - FRAC_SPACE) - d.ascent;
                place(&mut out, &n, (w - n.width) / 2.0, yn);
                place(&mut out, &d, (w - d.width) / 2.0, yd);
                // GR draws the bar as a line of width 0.6·FRAC_THICK·800 units of 1/600 NDC.
                let t = h * FRAC_THICK * 0.6 * 800.0 / 600.0;
                out.rules
                    .push(Rect::new(0.0, h / 2.0 - t / 2.0, w, h / 2.0 + t / 2.0));
                out.ascent = yn + n.ascent;
                out.descent = (d.descent - yd).max(BOTTOM * h);
                out
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(src: &str) -> Result<Vec<Item>, ParseError> {
        Parser {
            src,
            pos: 0,
            depth: 0,
            stop: None,
        }
        .list(None)
    }

    fn t(s: &str) -> Item {
        Item::Text(s.into())
    }

    #[test]
    fn scripts_take_the_following_value() {
        assert_eq!(
            p("x^2 + 1").unwrap(),
            vec![
                Item::Scripts {
                    base: Box::new(t("x")),
                    sup: Some(Box::new(t("2 "))),
                    sub: None
                },
                Item::Op('+'),
                t(" 1")
            ]
        );
        // parentheses after ^ group and are not drawn; a sign is part of the value
        let n = p("e^(x+1)10^-3").unwrap();
        assert!(
            matches!(&n[0], Item::Scripts { sup: Some(s), .. } if matches!(&**s, Item::Group(g) if g.len() == 3))
        );
        assert!(
            matches!(&n[1], Item::Scripts { sup: Some(s), .. } if **s == Item::Group(vec![Item::Op('−'), t("3")]))
        );
        let n = p("x_i^2").unwrap();
        assert!(matches!(
            &n[0],
            Item::Scripts {
                sup: Some(_),
                sub: Some(_),
                ..
            }
        ));
    }

    #[test]
    fn fractions_greek_and_escapes() {
        assert_eq!(
            p("a/b").unwrap(),
            vec![Item::Frac(Box::new(t("a")), Box::new(t("b")))]
        );
        assert_eq!(p(r"\alpha\beta \Omega\v").unwrap(), vec![t("αβ Ων")]);
        assert_eq!(p(r"a\/b \^ \_").unwrap(), vec![t("a/b ^ _")]);
        assert_eq!(p("f(x)").unwrap(), vec![t("f(x)")]);
    }

    #[test]
    fn errors_name_position_and_problem() {
        let e = p("x^").unwrap_err();
        assert_eq!(
            (e.position, e.message.as_str()),
            (1, "'^' needs a value after it")
        );
        let e = p(r"a + \foo").unwrap_err();
        assert_eq!(
            (e.position, e.message.as_str()),
            (4, "undefined symbol \\foo")
        );
        assert_eq!(p("{a").unwrap_err().message, "missing '}'");
        assert_eq!(p("a}").unwrap_err().message, "mismatched '}'");
        assert_eq!(p("x^1^2").unwrap_err().message, "duplicate expression");
        assert_eq!(p("/b").unwrap_err().position, 0);
    }

    #[test]
    fn layout_follows_gr_metrics() {
        let h = 10.0;
        let l = textext("x^2", font::SANS, h).unwrap();
        let two = l.glyphs.iter().find(|g| g.ch == '2').unwrap();
        let x = l.glyphs.iter().find(|g| g.ch == 'x').unwrap();
        // exponent baseline 1.12·h·3/6.4 + its depth 0.33·h·5.2/6.4
        let want = TOP * h * EXP_POS + BOTTOM * h * SCRIPT;
        assert!((two.y - want).abs() < 1e-9, "{}", two.y);
        assert!((two.size / x.size - SCRIPT).abs() < 1e-9);
        let l = textext("a/b", font::SANS, h).unwrap();
        assert_eq!(l.rules.len(), 1);
        let r = l.rules[0];
        assert!(((r.y0 + r.y1) / 2.0 - h / 2.0).abs() < 1e-9);
        let a = l.glyphs.iter().find(|g| g.ch == 'a').unwrap();
        let b = l.glyphs.iter().find(|g| g.ch == 'b').unwrap();
        assert!(a.y > r.y1 && b.y < r.y0 && a.size < h * 2.0);
        assert!(textext("x", font::SANS, f64::NAN).is_err());
    }
}
