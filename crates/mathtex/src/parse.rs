//! The LaTeX math parser.

use crate::symbols;
use crate::{Class, FontStyle, FracKind, Node};

/// Maximal nesting of groups and arguments (keeps recursion bounded).
const MAX_DEPTH: usize = 64;

/// A syntax error: the byte offset in the source and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("position {position}: {message}")]
pub struct ParseError {
    /// Byte offset of the problem in the source.
    pub position: usize,
    /// Description of the problem.
    pub message: String,
}

fn err<T>(position: usize, message: impl Into<String>) -> Result<T, ParseError> {
    Err(ParseError {
        position,
        message: message.into(),
    })
}

/// Where a list ends.
#[derive(Clone, Copy, PartialEq)]
enum Stop {
    /// End of input.
    End,
    /// A `}` closing the `{` at the position.
    Brace(usize),
    /// A `]` closing the `[` at the position.
    Bracket(usize),
    /// A `\right` matching the `\left` at the position.
    Right(usize),
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    depth: usize,
}

/// Parses a LaTeX math formula (without or with surrounding `$`).
///
/// Errors name the byte position and the problem, e.g.
/// `position 0: \frac needs 2 arguments, got 1`.
pub fn parse(src: &str) -> Result<Vec<Node>, ParseError> {
    let mut p = Parser {
        src,
        pos: 0,
        depth: 0,
    };
    p.list(Stop::End)
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

    fn skip_ws(&mut self) {
        while let Some(c) = self.peek() {
            if c.is_whitespace() || c == '$' {
                self.bump();
            } else {
                break;
            }
        }
    }

    fn enter(&mut self, at: usize) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return err(at, "formula nested too deeply");
        }
        Ok(())
    }

    /// Reads a command name after `\` (the backslash is consumed).
    fn command_name(&mut self, at: usize) -> Result<String, ParseError> {
        match self.peek() {
            None => err(at, "stray '\\' at end of input"),
            Some(c) if c.is_ascii_alphabetic() => {
                let start = self.pos;
                while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
                    self.bump();
                }
                Ok(self.src[start..self.pos].to_string())
            }
            Some(c) => {
                self.bump();
                Ok(c.to_string())
            }
        }
    }

    fn list(&mut self, stop: Stop) -> Result<Vec<Node>, ParseError> {
        let mut out: Vec<Node> = Vec::new();
        loop {
            self.skip_ws();
            let at = self.pos;
            let Some(c) = self.peek() else {
                return match stop {
                    Stop::End => Ok(out),
                    Stop::Brace(p) => err(p, "unclosed '{'"),
                    Stop::Bracket(p) => err(p, "unclosed '['"),
                    Stop::Right(p) => err(p, "\\left without matching \\right"),
                };
            };
            match c {
                '}' => {
                    self.bump();
                    if let Stop::Brace(_) = stop {
                        return Ok(out);
                    }
                    return err(at, "unmatched '}'");
                }
                ']' if matches!(stop, Stop::Bracket(_)) => {
                    self.bump();
                    return Ok(out);
                }
                '^' | '_' => {
                    self.bump();
                    let what = if c == '^' { "superscript" } else { "subscript" };
                    let Some(arg) = self.arg()? else {
                        return err(at, format!("{what} '{c}' needs an argument"));
                    };
                    attach(&mut out, at, c == '^', arg)?;
                }
                '\'' => {
                    let mut n = 0;
                    while self.peek() == Some('\'') {
                        self.bump();
                        n += 1;
                    }
                    let mut sup: Vec<Node> = (0..n)
                        .map(|_| Node::Char {
                            ch: '′',
                            class: Class::Ord,
                        })
                        .collect();
                    self.skip_ws();
                    if self.peek() == Some('^') {
                        let at2 = self.pos;
                        self.bump();
                        let Some(arg) = self.arg()? else {
                            return err(at2, "superscript '^' needs an argument");
                        };
                        sup.extend(arg);
                    }
                    attach(&mut out, at, true, sup)?;
                }
                '{' => {
                    self.bump();
                    self.enter(at)?;
                    let body = self.list(Stop::Brace(at))?;
                    self.depth -= 1;
                    out.push(Node::Group(body));
                }
                '\\' => {
                    self.bump();
                    let name = self.command_name(at)?;
                    if name == "right" {
                        if let Stop::Right(_) = stop {
                            return Ok(out);
                        }
                        return err(at, "\\right without matching \\left");
                    }
                    if name == "middle" {
                        if !matches!(stop, Stop::Right(_)) {
                            return err(at, "\\middle outside \\left…\\right");
                        }
                        let d = self.delimiter("middle", at)?;
                        out.push(Node::Middle(d));
                        continue;
                    }
                    if name == "limits" || name == "nolimits" || name == "displaylimits" {
                        match out.last_mut() {
                            Some(Node::BigOp { limits, .. } | Node::Function { limits, .. }) => {
                                *limits = name != "nolimits"
                            }
                            _ => return err(at, format!("\\{name} must follow an operator")),
                        }
                        continue;
                    }
                    let node = self.command(&name, at)?;
                    out.push(node);
                }
                '#' | '&' | '%' | '~' => {
                    self.bump();
                    if c == '~' {
                        out.push(Node::Space(1.0 / 3.0));
                    } else {
                        return err(at, format!("unexpected '{c}'"));
                    }
                }
                _ => {
                    self.bump();
                    let ch = if c == '-' { '−' } else { c };
                    out.push(Node::Char {
                        ch,
                        class: symbols::char_class(c),
                    });
                }
            }
        }
    }

    /// One argument: a braced group, a command, or a single character. `None` if there is
    /// none (end of input, `}`, `^`, `_`).
    fn arg(&mut self) -> Result<Option<Vec<Node>>, ParseError> {
        self.skip_ws();
        let at = self.pos;
        match self.peek() {
            None | Some('}') | Some('^') | Some('_') | Some('&') | Some('#') | Some(']') => {
                Ok(None)
            }
            Some('{') => {
                self.bump();
                self.enter(at)?;
                let body = self.list(Stop::Brace(at))?;
                self.depth -= 1;
                Ok(Some(body))
            }
            Some('\\') => {
                self.bump();
                let name = self.command_name(at)?;
                if matches!(name.as_str(), "right" | "limits" | "nolimits") {
                    self.pos = at;
                    return Ok(None);
                }
                self.enter(at)?;
                let node = self.command(&name, at)?;
                self.depth -= 1;
                Ok(Some(vec![node]))
            }
            Some(c) => {
                self.bump();
                let ch = if c == '-' { '−' } else { c };
                Ok(Some(vec![Node::Char {
                    ch,
                    class: symbols::char_class(c),
                }]))
            }
        }
    }

    /// The raw text of a braced argument (for `\text`, `\operatorname`).
    fn raw_arg(&mut self, name: &str, at: usize) -> Result<String, ParseError> {
        self.skip_ws();
        if self.peek() != Some('{') {
            return err(at, format!("\\{name} needs a braced argument"));
        }
        let open = self.pos;
        self.bump();
        let start = self.pos;
        let mut depth = 1;
        while let Some(c) = self.bump() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(self.src[start..self.pos - 1].to_string());
                    }
                }
                '\\' => {
                    self.bump();
                }
                _ => {}
            }
        }
        err(open, "unclosed '{'")
    }

    fn delimiter(&mut self, cmd: &str, at: usize) -> Result<Option<char>, ParseError> {
        self.skip_ws();
        let dpos = self.pos;
        match self.bump() {
            None => err(at, format!("\\{cmd} needs a delimiter")),
            Some('.') => Ok(None),
            Some(c @ ('(' | ')' | '[' | ']' | '|' | '/' | '<' | '>')) => Ok(Some(match c {
                '<' => '⟨',
                '>' => '⟩',
                c => c,
            })),
            Some('\\') => {
                let name = self.command_name(dpos)?;
                match symbols::DELIMS.iter().find(|d| d.0 == name) {
                    Some(&(_, c)) => Ok(Some(c)),
                    None => err(dpos, format!("\\{name} is not a delimiter")),
                }
            }
            Some(c) => err(dpos, format!("'{c}' is not a delimiter")),
        }
    }

    fn command(&mut self, name: &str, at: usize) -> Result<Node, ParseError> {
        let style = match name {
            "mathrm" | "mathup" | "rm" => Some(FontStyle::Roman),
            "mathit" | "it" => Some(FontStyle::Italic),
            "mathbf" | "bf" => Some(FontStyle::Bold),
            "boldsymbol" | "mathbfit" | "bm" => Some(FontStyle::BoldItalic),
            "mathsf" | "sf" => Some(FontStyle::SansSerif),
            "mathtt" | "tt" => Some(FontStyle::Monospace),
            "mathcal" | "mathscr" | "cal" => Some(FontStyle::Calligraphic),
            "mathfrak" | "frak" => Some(FontStyle::Fraktur),
            "mathbb" | "Bbb" => Some(FontStyle::Blackboard),
            _ => None,
        };
        if let Some(style) = style {
            let Some(body) = self.arg()? else {
                return err(at, format!("\\{name} needs an argument"));
            };
            return Ok(Node::Style { style, body });
        }
        let frac = match name {
            "frac" | "cfrac" => Some(FracKind::Frac),
            "dfrac" => Some(FracKind::Dfrac),
            "tfrac" => Some(FracKind::Tfrac),
            "binom" | "dbinom" | "tbinom" | "choose" => Some(FracKind::Binom),
            _ => None,
        };
        if let Some(kind) = frac {
            let Some(num) = self.arg()? else {
                return err(at, format!("\\{name} needs 2 arguments, got 0"));
            };
            let Some(den) = self.arg()? else {
                return err(at, format!("\\{name} needs 2 arguments, got 1"));
            };
            return Ok(Node::Frac { kind, num, den });
        }
        if let Some(&(_, accent, wide)) = symbols::ACCENTS.iter().find(|a| a.0 == name) {
            let Some(body) = self.arg()? else {
                return err(at, format!("\\{name} needs an argument"));
            };
            return Ok(Node::Accent { accent, wide, body });
        }
        if let Some(&(_, ch, limits)) = symbols::BIG_OPS.iter().find(|a| a.0 == name) {
            return Ok(Node::BigOp { ch, limits });
        }
        if let Some(&(fname, limits)) = symbols::FUNCTIONS.iter().find(|a| a.0 == name) {
            let name = match fname {
                "liminf" => "lim inf",
                "limsup" => "lim sup",
                n => n,
            };
            return Ok(Node::Function {
                name: name.to_string(),
                limits,
            });
        }
        if let Some((ch, class)) = symbols::symbol(name) {
            return Ok(Node::Char { ch, class });
        }
        let big = match name {
            "big" | "bigl" | "bigr" | "bigm" => Some(1),
            "Big" | "Bigl" | "Bigr" | "Bigm" => Some(2),
            "bigg" | "biggl" | "biggr" | "biggm" => Some(3),
            "Bigg" | "Biggl" | "Biggr" | "Biggm" => Some(4),
            _ => None,
        };
        if let Some(size) = big {
            let ch = self.delimiter(name, at)?;
            let class = match name.as_bytes()[name.len() - 1] {
                b'l' => Class::Open,
                b'r' => Class::Close,
                b'm' => Class::Rel,
                _ => Class::Ord,
            };
            return Ok(Node::BigDelim { ch, size, class });
        }
        let space = match name {
            "," | "thinspace" => Some(3.0 / 18.0),
            ":" | ">" | "medspace" => Some(4.0 / 18.0),
            ";" | "thickspace" => Some(5.0 / 18.0),
            "!" | "negthinspace" => Some(-3.0 / 18.0),
            " " => Some(1.0 / 3.0),
            "quad" => Some(1.0),
            "qquad" => Some(2.0),
            "enspace" => Some(0.5),
            _ => None,
        };
        if let Some(em) = space {
            return Ok(Node::Space(em));
        }
        match name {
            "{" | "}" | "_" | "#" | "%" | "&" | "$" => {
                let ch = name.chars().next().unwrap_or('?');
                let class = match ch {
                    '{' => Class::Open,
                    '}' => Class::Close,
                    _ => Class::Ord,
                };
                Ok(Node::Char { ch, class })
            }
            "sqrt" => {
                self.skip_ws();
                let index = if self.peek() == Some('[') {
                    let open = self.pos;
                    self.bump();
                    self.enter(open)?;
                    let idx = self.list(Stop::Bracket(open))?;
                    self.depth -= 1;
                    Some(idx)
                } else {
                    None
                };
                let Some(body) = self.arg()? else {
                    return err(at, "\\sqrt needs an argument");
                };
                Ok(Node::Sqrt { index, body })
            }
            "left" => {
                let left = self.delimiter(name, at)?;
                self.enter(at)?;
                let body = self.list(Stop::Right(at))?;
                self.depth -= 1;
                let right_at = self.pos;
                let right = self.delimiter("right", right_at)?;
                Ok(Node::Delimited { left, body, right })
            }
            "overline" | "underline" => {
                let Some(body) = self.arg()? else {
                    return err(at, format!("\\{name} needs an argument"));
                };
                Ok(if name == "overline" {
                    Node::Overline(body)
                } else {
                    Node::Underline(body)
                })
            }
            "text" | "textrm" | "mbox" | "textnormal" | "hbox" => {
                Ok(Node::Text(self.raw_arg(name, at)?))
            }
            "operatorname" => {
                let limits = if self.peek() == Some('*') {
                    self.bump();
                    true
                } else {
                    false
                };
                let raw = self.raw_arg(name, at)?;
                let name: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
                Ok(Node::Function { name, limits })
            }
            "not" => self.negated(at),
            "stackrel" | "overset" | "underset" => {
                let Some(first) = self.arg()? else {
                    return err(at, format!("\\{name} needs 2 arguments, got 0"));
                };
                let Some(base) = self.arg()? else {
                    return err(at, format!("\\{name} needs 2 arguments, got 1"));
                };
                let class = match (name, base.as_slice()) {
                    ("stackrel", _) => Class::Rel,
                    (_, [Node::Char { class, .. }]) => *class,
                    _ => Class::Ord,
                };
                let (over, under) = if name == "underset" {
                    (None, Some(first))
                } else {
                    (Some(first), None)
                };
                Ok(Node::Stack {
                    base,
                    over,
                    under,
                    class,
                })
            }
            "overbrace" | "underbrace" => {
                let Some(body) = self.arg()? else {
                    return err(at, format!("\\{name} needs an argument"));
                };
                Ok(Node::Brace {
                    over: name == "overbrace",
                    body,
                })
            }
            "\\" => err(at, "line breaks (\\\\) are not supported in math"),
            _ => err(at, format!("unknown command \\{name}")),
        }
    }
}

impl Parser<'_> {
    /// `\not X`: the negated symbol if Unicode has it (`\not=` is `≠`), else `X` with a
    /// long solidus overlaid.
    fn negated(&mut self, at: usize) -> Result<Node, ParseError> {
        let Some(arg) = self.arg()? else {
            return err(at, "\\not needs a symbol to negate");
        };
        let [Node::Char { ch, class }] = arg.as_slice() else {
            return err(at, "\\not needs a single symbol to negate");
        };
        let negated = match ch {
            '=' => '≠',
            '<' => '≮',
            '>' => '≯',
            '≤' => '≰',
            '≥' => '≱',
            '∈' => '∉',
            '∋' => '∌',
            '⊂' => '⊄',
            '⊃' => '⊅',
            '⊆' => '⊈',
            '⊇' => '⊉',
            '≡' => '≢',
            '∼' => '≁',
            '≃' => '≄',
            '≅' => '≇',
            '≈' => '≉',
            '∣' => '∤',
            '∥' => '∦',
            '∃' => '∄',
            '≺' => '⊀',
            '≻' => '⊁',
            '→' => '↛',
            '←' => '↚',
            '↔' => '↮',
            '⇒' => '⇏',
            '⇐' => '⇍',
            '⇔' => '⇎',
            '⊢' => '⊬',
            '⊨' => '⊭',
            _ => {
                return Ok(Node::Stack {
                    base: vec![
                        Node::Char {
                            ch: *ch,
                            class: *class,
                        },
                        Node::Char {
                            ch: '\u{338}',
                            class: Class::Ord,
                        },
                    ],
                    over: None,
                    under: None,
                    class: *class,
                });
            }
        };
        Ok(Node::Char {
            ch: negated,
            class: *class,
        })
    }
}

/// Attaches a script to the last atom of `out`.
fn attach(out: &mut Vec<Node>, at: usize, sup: bool, arg: Vec<Node>) -> Result<(), ParseError> {
    let last = match out.pop() {
        Some(n @ Node::Space(_)) => {
            out.push(n);
            None
        }
        other => other,
    };
    let (base, mut s, mut b) = match last {
        Some(Node::Scripts { base, sup, sub }) => (base, sup, sub),
        Some(n) => (Box::new(n), None, None),
        None => (Box::new(Node::Group(Vec::new())), None, None),
    };
    if sup {
        if s.is_some() {
            return err(at, "double superscript");
        }
        s = Some(arg);
    } else {
        if b.is_some() {
            return err(at, "double subscript");
        }
        b = Some(arg);
    }
    out.push(Node::Scripts {
        base,
        sup: s,
        sub: b,
    });
    Ok(())
}

#[cfg(test)]
mod tests;
