//! LaTeX math for GR for Rust: a parser for the math subset GR's `mathtex` and matplotlib's
//! mathtext accept, and a layout engine following TeX's rules (TeXbook Appendix G) driven by
//! the OpenType MATH table of New Computer Modern Math ([`gks::font::MATH`]): style-dependent
//! sizes and shifts, fraction, radical and limit constants, size variants and glyph
//! assemblies for growing delimiters, radicals, wide accents, arrows and braces, italic
//! correction, MATH kerning of scripts, and inter-atom spacing by class. [`textext`] typesets
//! GR's lighter `textext` syntax in a text face. [`GALLERY`] lists formulas that exercise
//! every construct.
//!
//! ```
//! let nodes = mathtex::parse(r"\frac{a}{b} + x^2").unwrap();
//! let layout = mathtex::layout(&nodes, 20.0).unwrap();
//! assert!(layout.width > 0.0 && !layout.rules.is_empty());
//! ```

mod alphabet;
mod gallery;
mod layout;
mod parse;
mod symbols;
mod textext;

pub use gallery::GALLERY;
pub use layout::{layout, layout_with, LayoutError, MathGlyph, MathLayout};
pub use parse::{parse, ParseError};
pub use textext::textext;

/// TeX's math atom classes (they decide the spacing between neighbours).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Ordinary symbol (letters, digits, ∞).
    Ord,
    /// Large operator or function name (∑, sin).
    Op,
    /// Binary operator (+, ×).
    Bin,
    /// Relation (=, ≤, →).
    Rel,
    /// Opening delimiter.
    Open,
    /// Closing delimiter.
    Close,
    /// Punctuation (`,`).
    Punct,
    /// Fractions and `\left…\right` groups.
    Inner,
}

/// Alphabet selected by `\mathrm`, `\mathbf`, ….
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FontStyle {
    /// `\mathrm`: upright.
    Roman,
    /// `\mathit`: italic.
    Italic,
    /// `\mathbf`: bold upright.
    Bold,
    /// `\boldsymbol`, `\mathbfit`: bold italic.
    BoldItalic,
    /// `\mathsf`: sans serif.
    SansSerif,
    /// `\mathtt`: monospace.
    Monospace,
    /// `\mathcal`, `\mathscr`: script.
    Calligraphic,
    /// `\mathfrak`: Fraktur.
    Fraktur,
    /// `\mathbb`: double-struck.
    Blackboard,
}

/// Kind of a two-part stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FracKind {
    /// `\frac`: style follows the surrounding style.
    Frac,
    /// `\dfrac`: display style.
    Dfrac,
    /// `\tfrac`: text style.
    Tfrac,
    /// `\binom`: no rule, in parentheses.
    Binom,
}

/// One element of a parsed formula.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// A character with its class; letters and digits are mapped to the math alphabets at
    /// layout time.
    Char {
        /// The character as written (`\alpha` gives `α`).
        ch: char,
        /// Spacing class.
        class: Class,
    },
    /// A braced group `{…}` (an Ord atom).
    Group(Vec<Node>),
    /// A nucleus with superscript and/or subscript.
    Scripts {
        /// The nucleus (an empty group if the script starts the list).
        base: Box<Node>,
        /// Superscript (primes included as `′`).
        sup: Option<Vec<Node>>,
        /// Subscript.
        sub: Option<Vec<Node>>,
    },
    /// A fraction or binomial.
    Frac {
        /// Which one.
        kind: FracKind,
        /// Numerator.
        num: Vec<Node>,
        /// Denominator.
        den: Vec<Node>,
    },
    /// A radical `\sqrt[index]{body}`.
    Sqrt {
        /// Optional degree.
        index: Option<Vec<Node>>,
        /// Radicand.
        body: Vec<Node>,
    },
    /// `\left… \right…` with auto-sized delimiters (`None` for `.`).
    Delimited {
        /// Left delimiter.
        left: Option<char>,
        /// Contents.
        body: Vec<Node>,
        /// Right delimiter.
        right: Option<char>,
    },
    /// `\big(`, `\Big(`, `\bigg(`, `\Bigg(` (size 1–4).
    BigDelim {
        /// The delimiter (`None` for `.`).
        ch: Option<char>,
        /// 1 = big … 4 = Bigg.
        size: u8,
        /// Open, Close, Rel (`\bigm`) or Ord.
        class: Class,
    },
    /// An accent over the body.
    Accent {
        /// Combining accent character (U+0302 …).
        accent: char,
        /// Stretch to the body's width (`\widehat`, `\overrightarrow`).
        wide: bool,
        /// Accentee.
        body: Vec<Node>,
    },
    /// `\overline{…}`.
    Overline(Vec<Node>),
    /// `\underline{…}`.
    Underline(Vec<Node>),
    /// `\mathrm{…}` etc.
    Style {
        /// The alphabet.
        style: FontStyle,
        /// Contents.
        body: Vec<Node>,
    },
    /// `\text{…}`: upright text, spaces kept.
    Text(String),
    /// A function name (`\sin`, `\operatorname{…}`), an Op atom set upright.
    Function {
        /// The name as typeset.
        name: String,
        /// Limits above/below in display style.
        limits: bool,
    },
    /// A big operator (`\sum`, `\int`).
    BigOp {
        /// The operator character.
        ch: char,
        /// Limits above/below in display style.
        limits: bool,
    },
    /// Horizontal space in em (`\,` = 3/18).
    Space(f64),
    /// `\middle|` inside `\left…\right`: a delimiter as tall as the outer pair.
    Middle(Option<char>),
    /// `\overset{over}{base}`, `\underset{under}{base}`, `\stackrel{over}{base}`: a
    /// base with script-style material centred above or below it.
    Stack {
        /// The base.
        base: Vec<Node>,
        /// Material above (`None` for `\underset`).
        over: Option<Vec<Node>>,
        /// Material below.
        under: Option<Vec<Node>>,
        /// Spacing class of the whole (`\stackrel` is a relation).
        class: Class,
    },
    /// `\overbrace{…}` / `\underbrace{…}`: a horizontal brace stretched over or under the
    /// body; a superscript (overbrace) or subscript (underbrace) is set as a limit.
    Brace {
        /// `true` for `\overbrace`.
        over: bool,
        /// The braced material.
        body: Vec<Node>,
    },
}
