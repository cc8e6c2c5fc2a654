//! Property tests of the parser and the layout: any input either parses or gives an error
//! whose position lies inside the input on a character boundary, and every parsed formula
//! lays out to finite geometry. Inputs that once crashed are kept in `REGRESSIONS`.

use proptest::prelude::*;

/// Pieces the generated formulas are made of: syntax, every construct, and troublemakers.
const ATOMS: &[&str] = &[
    "\\",
    "{",
    "}",
    "^",
    "_",
    "'",
    "[",
    "]",
    "(",
    ")",
    "|",
    ".",
    " ",
    "a",
    "x",
    "1",
    "+",
    "-",
    "=",
    "<",
    "&",
    "#",
    "%",
    "~",
    "$",
    "é",
    "α",
    "∑",
    "\\frac",
    "\\dfrac",
    "\\binom",
    "\\sqrt",
    "\\left",
    "\\right",
    "\\middle",
    "\\big",
    "\\Bigg",
    "\\alpha",
    "\\sum",
    "\\int",
    "\\oint",
    "\\lim",
    "\\sin",
    "\\hat",
    "\\widehat",
    "\\overrightarrow",
    "\\vec",
    "\\overline",
    "\\underline",
    "\\mathbf",
    "\\mathbb",
    "\\mathcal",
    "\\text",
    "\\operatorname",
    "\\operatorname*",
    "\\limits",
    "\\nolimits",
    "\\,",
    "\\!",
    "\\quad",
    "\\{",
    "\\}",
    "\\langle",
    "\\not",
    "\\stackrel",
    "\\overset",
    "\\underset",
    "\\overbrace",
    "\\underbrace",
    "\\infty",
    "\\\\",
    "\\foo",
    "\\lfloor",
];

/// Inputs that crashed the parser or the layout at some point (kept so they stay fixed).
const REGRESSIONS: &[&str] = &[
    "\\left(\\middle",
    "\\not",
    "\\not{}",
    "\\not\\frac12",
    "\\overbrace{}^{}",
    "\\underbrace_",
    "x^{\\overbrace{a}}_\\underbrace{b}",
    "\\stackrel{}{}",
    "\\left.\\middle.\\right.",
    "\\left(\\middle|\\left[\\middle\\|\\right]\\right)",
    "'''''^'",
    "\\sqrt[\\sqrt[\\sqrt[]{}]{}]{}",
    "\\operatorname{}",
    "\\text{}^{}_{}",
    "\\widehat{}",
    "\\overrightarrow{}",
];

fn check(src: &str) -> Result<(), TestCaseError> {
    match mathtex::parse(src) {
        Ok(nodes) => {
            for size in [1e-3, 12.0, 1e4] {
                for display in [true, false] {
                    let l = mathtex::layout_with(&nodes, size, display)
                        .map_err(|e| TestCaseError::fail(format!("{src:?}: {e}")))?;
                    prop_assert!(l.width.is_finite() && l.ascent >= 0.0 && l.descent >= 0.0);
                    for g in &l.glyphs {
                        prop_assert!(g.x.is_finite() && g.y.is_finite() && g.size > 0.0);
                    }
                }
            }
        }
        Err(e) => {
            prop_assert!(e.position <= src.len(), "{src:?}: {e}");
            prop_assert!(src.is_char_boundary(e.position), "{src:?}: {e}");
            prop_assert!(!e.message.is_empty());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn formulas_of_atoms_never_crash(parts in prop::collection::vec(0..ATOMS.len(), 0..28)) {
        let src: String = parts.iter().map(|&i| ATOMS[i]).collect();
        check(&src)?;
    }

    #[test]
    fn arbitrary_text_never_crashes(src in "\\PC{0,40}") {
        check(&src)?;
    }
}

fn check_textext(src: &str) -> Result<(), TestCaseError> {
    match mathtex::textext(src, gks::font::SANS, 12.0) {
        Ok(l) => prop_assert!(l.width.is_finite() && l.glyphs.iter().all(|g| g.y.is_finite())),
        Err(e) => prop_assert!(src.is_char_boundary(e.position) && e.position <= src.len()),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn textext_never_crashes(src in "[a-z0-9 ^_{}()+*/\\-]{0,40}|\\PC{0,30}") {
        check_textext(&src)?;
    }
}

#[test]
fn textext_chains_are_bounded() {
    for src in [
        "a/".repeat(100_000) + "b",
        "{".repeat(10_000),
        "x^(".repeat(10_000),
    ] {
        let e = mathtex::textext(&src, gks::font::SANS, 12.0).unwrap_err();
        assert!(e.message.contains("nested too deeply"), "{e}");
    }
}

#[test]
fn regressions_stay_fixed() {
    for src in REGRESSIONS {
        check(src).unwrap_or_else(|e| panic!("{src:?}: {e}"));
    }
}

#[test]
fn nested_middles_lay_out() {
    // Each `\left…\middle…\right` level is laid out twice; 60 levels must still finish.
    let src = "\\left(a\\middle|".repeat(60) + &"\\right)".repeat(60);
    let l = mathtex::layout(&mathtex::parse(&src).unwrap(), 12.0).unwrap();
    assert!(l.width > 0.0);
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for open in [
        "{",
        "\\frac{",
        "\\sqrt{",
        "x^{",
        "\\left(",
        "\\hat{",
        "\\mathbf{",
    ] {
        let src = open.repeat(5000);
        let e = mathtex::parse(&src).unwrap_err();
        assert!(
            e.message.contains("nested too deeply") || e.message.contains("unclosed"),
            "{open}: {e}"
        );
    }
}
