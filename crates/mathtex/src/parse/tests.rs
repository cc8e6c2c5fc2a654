//! Parser tests: structure of the parsed nodes and positioned errors.
use super::*;

fn ch(c: char) -> Node {
    Node::Char {
        ch: c,
        class: symbols::char_class(c),
    }
}

#[test]
fn plain_chars_and_classes() {
    let n = parse("a+b=c").unwrap();
    assert_eq!(n.len(), 5);
    assert_eq!(
        n[1],
        Node::Char {
            ch: '+',
            class: Class::Bin
        }
    );
    assert_eq!(
        n[3],
        Node::Char {
            ch: '=',
            class: Class::Rel
        }
    );
    assert_eq!(
        parse("-").unwrap()[0],
        Node::Char {
            ch: '−',
            class: Class::Bin
        }
    );
}

#[test]
fn scripts() {
    let n = parse("x^2_i").unwrap();
    assert_eq!(
        n,
        vec![Node::Scripts {
            base: Box::new(ch('x')),
            sup: Some(vec![ch('2')]),
            sub: Some(vec![ch('i')]),
        }]
    );
    // nested
    let n = parse("e^{x^{2}}").unwrap();
    let Node::Scripts { sup: Some(s), .. } = &n[0] else {
        panic!()
    };
    assert!(matches!(&s[0], Node::Scripts { .. }));
    // leading script gets an empty base
    let n = parse("^2").unwrap();
    assert!(matches!(&n[0], Node::Scripts { base, .. } if **base == Node::Group(vec![])));
}

#[test]
fn primes() {
    let n = parse("f''^2(x)").unwrap();
    let Node::Scripts { sup: Some(s), .. } = &n[0] else {
        panic!()
    };
    assert_eq!(s.len(), 3);
    assert_eq!(
        s[0],
        Node::Char {
            ch: '′',
            class: Class::Ord
        }
    );
    assert_eq!(s[2], ch('2'));
    assert_eq!(n.len(), 4);
}

#[test]
fn fractions() {
    let n = parse(r"\frac{a}{b}\dfrac12\binom nk\tfrac\alpha\beta").unwrap();
    assert_eq!(n.len(), 4);
    assert_eq!(
        n[0],
        Node::Frac {
            kind: FracKind::Frac,
            num: vec![ch('a')],
            den: vec![ch('b')]
        }
    );
    assert!(matches!(
        &n[1],
        Node::Frac {
            kind: FracKind::Dfrac,
            ..
        }
    ));
    assert!(matches!(
        &n[2],
        Node::Frac {
            kind: FracKind::Binom,
            ..
        }
    ));
    assert!(
        matches!(&n[3], Node::Frac { kind: FracKind::Tfrac, num, .. } if num[0] == Node::Char { ch: 'α', class: Class::Ord })
    );
}

#[test]
fn sqrt() {
    let n = parse(r"\sqrt[3]{x}\sqrt2").unwrap();
    assert_eq!(
        n[0],
        Node::Sqrt {
            index: Some(vec![ch('3')]),
            body: vec![ch('x')]
        }
    );
    assert_eq!(
        n[1],
        Node::Sqrt {
            index: None,
            body: vec![ch('2')]
        }
    );
}

#[test]
fn left_right() {
    let n = parse(r"\left( \frac{x}{y} \right)^2").unwrap();
    let Node::Scripts { base, .. } = &n[0] else {
        panic!()
    };
    assert!(
        matches!(&**base, Node::Delimited { left: Some('('), right: Some(')'), body } if body.len() == 1)
    );
    let n = parse(r"\left\{ x \right.").unwrap();
    assert!(matches!(
        &n[0],
        Node::Delimited {
            left: Some('{'),
            right: None,
            ..
        }
    ));
    let n = parse(r"\left\langle x \right|").unwrap();
    assert!(matches!(
        &n[0],
        Node::Delimited {
            left: Some('⟨'),
            right: Some('|'),
            ..
        }
    ));
    let n = parse(r"\Big( x \bigr]").unwrap();
    assert!(matches!(
        n[0],
        Node::BigDelim {
            ch: Some('('),
            size: 2,
            class: Class::Ord
        }
    ));
    assert!(matches!(
        n[2],
        Node::BigDelim {
            ch: Some(']'),
            size: 1,
            class: Class::Close
        }
    ));
}

#[test]
fn accents() {
    let n = parse(r"\hat a \vec{v} \ddot\theta \widehat{xy} \overline{ab} \overrightarrow{AB}")
        .unwrap();
    assert_eq!(n.len(), 6);
    assert!(matches!(
        &n[0],
        Node::Accent {
            accent: '\u{302}',
            wide: false,
            ..
        }
    ));
    assert!(
        matches!(&n[2], Node::Accent { accent: '\u{308}', body, .. } if body[0] == Node::Char { ch: 'θ', class: Class::Ord })
    );
    assert!(matches!(&n[3], Node::Accent { wide: true, .. }));
    assert!(matches!(&n[4], Node::Overline(b) if b.len() == 2));
    assert!(matches!(
        &n[5],
        Node::Accent {
            accent: '\u{20D7}',
            wide: true,
            ..
        }
    ));
}

#[test]
fn font_styles_and_text() {
    for (src, style) in [
        (r"\mathrm{d}", FontStyle::Roman),
        (r"\mathit{d}", FontStyle::Italic),
        (r"\mathbf{d}", FontStyle::Bold),
        (r"\mathsf{d}", FontStyle::SansSerif),
        (r"\mathtt{d}", FontStyle::Monospace),
        (r"\mathcal{d}", FontStyle::Calligraphic),
        (r"\mathfrak{d}", FontStyle::Fraktur),
        (r"\mathbb{d}", FontStyle::Blackboard),
    ] {
        assert_eq!(
            parse(src).unwrap(),
            vec![Node::Style {
                style,
                body: vec![ch('d')]
            }],
            "{src}"
        );
    }
    assert_eq!(parse(r"\text{if } x").unwrap()[0], Node::Text("if ".into()));
}

#[test]
fn functions_and_ops() {
    let n = parse(r"\sin\theta \lim_{x\to0} \operatorname{sgn} \operatorname*{argmax} \sum_{i=1}^n \int\limits_0^1 \oint").unwrap();
    assert_eq!(
        n[0],
        Node::Function {
            name: "sin".into(),
            limits: false
        }
    );
    assert!(
        matches!(&n[2], Node::Scripts { base, sub: Some(_), sup: None } if **base == Node::Function { name: "lim".into(), limits: true })
    );
    assert_eq!(
        n[3],
        Node::Function {
            name: "sgn".into(),
            limits: false
        }
    );
    assert_eq!(
        n[4],
        Node::Function {
            name: "argmax".into(),
            limits: true
        }
    );
    assert!(
        matches!(&n[5], Node::Scripts { base, .. } if **base == Node::BigOp { ch: '∑', limits: true })
    );
    assert!(
        matches!(&n[6], Node::Scripts { base, .. } if **base == Node::BigOp { ch: '∫', limits: true })
    );
    assert_eq!(
        n[7],
        Node::BigOp {
            ch: '∮',
            limits: false
        }
    );
}

#[test]
fn spaces_and_escapes() {
    let n = parse(r"a\,b\:c\;d\!e\quad f\qquad g\ h~i\{\}\%").unwrap();
    let spaces: Vec<f64> = n
        .iter()
        .filter_map(|n| match n {
            Node::Space(s) => Some(*s),
            _ => None,
        })
        .collect();
    assert_eq!(spaces.len(), 8);
    assert!((spaces[0] - 3.0 / 18.0).abs() < 1e-12);
    assert!((spaces[3] + 3.0 / 18.0).abs() < 1e-12);
    assert_eq!(spaces[4], 1.0);
    assert_eq!(spaces[5], 2.0);
    assert!(n.contains(&Node::Char {
        ch: '%',
        class: Class::Ord
    }));
}

#[test]
fn symbol_table() {
    let names = symbols::symbol_count()
        + symbols::ACCENTS.len()
        + symbols::BIG_OPS.len()
        + symbols::FUNCTIONS.len();
    assert!(names >= 600, "{names}");
    for (name, c) in [("boxplus", '⊞'), ("twoheadrightarrow", '↠'), ("BbbR", 'ℝ')] {
        assert_eq!(symbols::symbol(name).unwrap().0, c);
    }
    assert_eq!(symbols::symbol("curlyvee").unwrap().1, Class::Bin);
    assert_eq!(symbols::symbol("ngtr").unwrap().1, Class::Rel);
    for (name, c) in [
        ("infty", '∞'),
        ("partial", '∂'),
        ("nabla", '∇'),
        ("hbar", 'ℏ'),
        ("ell", 'ℓ'),
        ("Omega", 'Ω'),
    ] {
        assert_eq!(symbols::symbol(name).unwrap().0, c);
    }
    assert_eq!(symbols::symbol("leq").unwrap().1, Class::Rel);
    assert_eq!(symbols::symbol("times").unwrap().1, Class::Bin);
    assert_eq!(symbols::symbol("rightarrow").unwrap().1, Class::Rel);
    // every Greek letter parses
    let greek = r"\alpha\beta\gamma\delta\epsilon\zeta\eta\theta\iota\kappa\lambda\mu\xi\pi\rho\sigma\tau\phi\chi\psi\omega \Gamma\Delta\Theta\Lambda\Xi\Pi\Sigma\Phi\Psi\Omega";
    assert_eq!(parse(greek).unwrap().len(), 31);
}

fn e(src: &str) -> ParseError {
    parse(src).unwrap_err()
}

#[test]
fn errors_name_position() {
    let x = e(r"a + \frac{1}");
    assert_eq!(x.position, 4);
    assert_eq!(x.to_string(), "position 4: \\frac needs 2 arguments, got 1");
    assert_eq!(e(r"\frac").message, "\\frac needs 2 arguments, got 0");
    let x = e("x + {a");
    assert_eq!((x.position, x.message.as_str()), (4, "unclosed '{'"));
    let x = e("a}b");
    assert_eq!((x.position, x.message.as_str()), (1, "unmatched '}'"));
    let x = e(r"x \foo y");
    assert_eq!(
        (x.position, x.message.as_str()),
        (2, "unknown command \\foo")
    );
    let x = e(r"\left( x");
    assert_eq!(
        (x.position, x.message.as_str()),
        (0, "\\left without matching \\right")
    );
    let x = e(r"x \right)");
    assert_eq!(x.position, 2);
    let x = e(r"\left x \right)");
    assert!(x.message.contains("not a delimiter"), "{x}");
    assert_eq!(e("x^").message, "superscript '^' needs an argument");
    assert_eq!(e("x_").position, 1);
    assert_eq!(e("x^1^2").message, "double superscript");
    assert_eq!(e("x_1_2").message, "double subscript");
    assert_eq!(e(r"\sqrt").message, "\\sqrt needs an argument");
    assert_eq!(e(r"\sqrt[3").message, "unclosed '['");
    assert_eq!(e(r"\text{abc").position, 5);
    assert_eq!(e("ab\\").message, "stray '\\' at end of input");
    assert_eq!(e("a & b").position, 2);
    assert_eq!(e(r"\hat").message, "\\hat needs an argument");
    assert!(e(&"{".repeat(200)).message.contains("nested too deeply"));
}
