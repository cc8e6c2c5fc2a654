//! Layout tests, fuzzing and the rendered sample page.

use gks::device::{DeviceOp, FillRule, Glyph, GlyphRun, Page, Rgba};
use gks::geometry::{Affine, Path, Rect};
use mathtex::{layout, parse, MathLayout};

fn lay(src: &str) -> MathLayout {
    layout(&parse(src).unwrap(), 20.0).unwrap()
}

fn sane(l: &MathLayout) {
    assert!(l.width > 0.0 && l.width.is_finite());
    assert!(l.ascent.is_finite() && l.descent.is_finite());
    for g in &l.glyphs {
        assert!(g.x.is_finite() && g.y.is_finite() && g.size > 0.0);
    }
}

#[test]
fn superscript_raised_and_smaller() {
    let l = lay("x^2");
    sane(&l);
    assert_eq!(l.glyphs.len(), 2);
    let (x, two) = (l.glyphs[0], l.glyphs[1]);
    assert_eq!(x.ch, '𝑥');
    assert!(two.y > 3.0, "{two:?}");
    assert!(two.size < x.size);
    assert!(two.x > x.x);
}

#[test]
fn subscript_lowered() {
    let l = lay("x_i");
    assert!(l.glyphs[1].y < 0.0);
    assert!(l.glyphs[1].size < 20.0);
    let l = lay("x_i^2");
    assert!(l.glyphs[1].y > 0.0 && l.glyphs[2].y < 0.0);
}

#[test]
fn fraction_num_above_den_below_rule_between() {
    let l = lay(r"\frac{a}{b}");
    sane(&l);
    assert_eq!(l.rules.len(), 1);
    let r = l.rules[0];
    let (a, b) = (l.glyphs[0], l.glyphs[1]);
    assert!(a.y > r.y1, "numerator baseline above the rule");
    assert!(b.y < r.y0);
    assert!(r.y0 > 0.0, "rule on the math axis");
    assert!(r.x1 - r.x0 > 0.0);
}

#[test]
fn sqrt_has_rule_above_radicand() {
    let l = lay(r"\sqrt{x}");
    assert_eq!(l.rules.len(), 1);
    let x = l.glyphs.iter().find(|g| g.ch == '𝑥').unwrap();
    let r = l.rules[0];
    assert!(r.y0 > 8.0, "{r:?}");
    assert!(r.x0 <= x.x + 0.01 && r.x1 > x.x);
    let l = lay(r"\sqrt[3]{x}");
    let three = l.glyphs.iter().find(|g| g.ch == '3').unwrap();
    assert!(three.size < 15.0 && three.y > 0.0);
}

fn glyph_height(l: &MathLayout, ch: char) -> f64 {
    let g = l.glyphs.iter().find(|g| g.ch == ch).unwrap();
    let r = gks::font::glyph_bounds(g.face, g.id).unwrap();
    (r.y1 - r.y0) * g.size / gks::font::units_per_em(g.face)
}

#[test]
fn left_right_delimiters_grow() {
    let plain = lay("(x)");
    let big = lay(r"\left( \frac{a}{b} \right)");
    sane(&big);
    assert!(glyph_height(&big, '(') > 1.3 * glyph_height(&plain, '('));
    let huge = lay(r"\left( \frac{\frac{\frac{a}{b}}{c}}{\frac{d}{\frac{e}{f}}} \right)");
    assert!(huge.ascent + huge.descent > 60.0);
    sane(&huge);
}

#[test]
fn spacing_follows_classes() {
    let ab = lay("ab").width;
    let a_plus_b = lay("a+b").width;
    let plus = lay("+").width;
    assert!(a_plus_b > ab + plus + 2.0, "medium spaces around +");
    // unary minus gets no space
    assert!(lay("-b").width < a_plus_b);
}

#[test]
fn display_sum_has_limits() {
    let l = lay(r"\sum_{i=1}^{n} x_i^2");
    sane(&l);
    let sum = l.glyphs.iter().find(|g| g.ch == '∑').unwrap();
    let n = l.glyphs.iter().find(|g| g.ch == '𝑛').unwrap();
    let i = l.glyphs.iter().find(|g| g.ch == '𝑖').unwrap();
    assert!(n.y > 10.0 && i.y < -10.0);
    assert!((n.x - sum.x).abs() < 15.0);
    let t = mathtex::layout_with(&parse(r"\sum_{i=1}^{n}").unwrap(), 20.0, false).unwrap();
    let n = t.glyphs.iter().find(|g| g.ch == '𝑛').unwrap();
    let sum = t.glyphs.iter().find(|g| g.ch == '∑').unwrap();
    assert!(n.x > sum.x + 5.0, "text style: scripts beside");
}

#[test]
fn alphabets() {
    let l = lay(r"\mathrm{d}\mathbf{B}\mathbb{R}\mathcal{L}\mathfrak{g}\mathsf{s}\mathtt{t} h 1");
    let chars: String = l.glyphs.iter().map(|g| g.ch).collect();
    assert_eq!(chars, "d𝐁ℝℒ𝔤𝗌𝚝ℎ1");
    assert!(l.glyphs.iter().all(|g| g.face == gks::font::MATH));
}

#[test]
fn all_constructs_lay_out() {
    for src in [
        r"\hat a + \widehat{xyz} + \overrightarrow{AB} + \overline{z} + \underline{u}",
        r"\binom{n}{k} \dfrac12 \tfrac12",
        r"\int_0^\infty e^{-x^2}dx = \frac{\sqrt{\pi}}{2}",
        r"\lim_{x\to 0} \frac{\sin x}{x} = 1",
        r"\text{if } x \in \mathbb{R}, \quad f'(x) \geq 0",
        r"\Bigg( \bigg[ \Big\{ \big| x \big| \Big\} \bigg] \Bigg)",
        r"\left\langle \psi \middle \right\rangle",
    ] {
        if let Ok(n) = parse(src) {
            sane(&layout(&n, 16.0).unwrap());
        }
    }
    assert!(layout(&parse("x").unwrap(), f64::NAN).is_err());
    assert!(layout(&parse("x").unwrap(), 0.0).is_err());
}

#[test]
fn fuzz_never_panics() {
    const ATOMS: &[&str] = &[
        "\\",
        "{",
        "}",
        "^",
        "_",
        "a",
        "b",
        "1",
        "+",
        "=",
        "(",
        ")",
        "[",
        "]",
        "'",
        " ",
        "\\frac",
        "\\sqrt",
        "\\left",
        "\\right",
        "\\alpha",
        "\\sum",
        "\\int",
        "\\hat",
        "\\mathbf",
        "\\text",
        "\\binom",
        "\\,",
        "\\widehat",
        ".",
        "|",
        "\\{",
        "\\sin",
        "-",
        "\\overline",
        "\\Big",
        "x",
        "\\limits",
        "&",
    ];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let mut ok = 0;
    for _ in 0..5000 {
        let len = next() % 24;
        let src: String = (0..len).map(|_| ATOMS[next() % ATOMS.len()]).collect();
        if let Ok(nodes) = parse(&src) {
            let l = layout(&nodes, 12.0).unwrap_or_else(|e| panic!("{src:?}: {e}"));
            assert!(l.width.is_finite(), "{src:?}");
            ok += 1;
        }
    }
    assert!(ok > 100, "only {ok} parsed");
}

/// The formulas of the reference page (gr-look item 16).
const FORMULAS: [&str; 5] = [
    r"\ddot\theta + \frac{\gamma}{m}\dot\theta + \frac{g}{l}\sin\theta = 0",
    r"\sum_{i=1}^{n} x_i^2",
    r"\sqrt[3]{\frac{a}{b}}",
    r"\left(\frac{x}{y}\right)^2",
    r"\int_0^\infty e^{-x^2}dx = \frac{\sqrt{\pi}}{2}",
];

fn draw(page: &mut Page, l: &MathLayout, x0: f64, y0: f64) {
    let flip = Affine::translate(x0, y0).then_after(&Affine::scale(1.0, -1.0));
    for g in &l.glyphs {
        page.ops.push(DeviceOp::Glyphs {
            run: GlyphRun {
                face: g.face,
                size: g.size,
                transform: flip,
                glyphs: vec![Glyph {
                    id: g.id,
                    x: g.x,
                    y: g.y,
                    ch: g.ch,
                }],
            },
            color: Rgba::BLACK,
        });
    }
    for r in &l.rules {
        let p = Path::rect(Rect::new(x0 + r.x0, y0 - r.y0, x0 + r.x1, y0 - r.y1));
        page.ops.push(DeviceOp::Fill {
            path: p,
            rule: FillRule::NonZero,
            color: Rgba::BLACK,
        });
    }
}

#[test]
fn render_reference_page() {
    let mut page = Page {
        width: 600.0,
        height: 450.0,
        dpi: 72.0,
        background: Some(Rgba::WHITE),
        ops: Vec::new(),
    };
    // GR: char height 0.027 of 600 px; cap height ≈ 0.7 em → em ≈ 23 px.
    let size = 0.027 * 600.0 / 0.7;
    for (k, f) in FORMULAS.iter().enumerate() {
        let y = 450.0 - (0.66 - 0.14 * k as f64) * 600.0;
        let line = Path::rect(Rect::new(0.0, y - 0.5, 600.0, y + 0.5));
        page.ops.push(DeviceOp::Fill {
            path: line,
            rule: FillRule::NonZero,
            color: Rgba::rgb(200, 200, 200),
        });
        let l = layout(&parse(f).unwrap(), size).unwrap();
        sane(&l);
        draw(&mut page, &l, 0.03 * 600.0, y);
        if k > 0 {
            // centred horizontally and vertically at 0.78 (GR's align 2, 3)
            let yc = y + (l.ascent - l.descent) / 2.0;
            draw(&mut page, &l, 0.78 * 600.0 - l.width / 2.0, yc);
        }
    }
    let rgba = gks::driver::raster::render_rgba(&page).unwrap();
    let png = gks::driver::encode::png_bytes(600, 450, &rgba).unwrap();
    std::fs::write(std::env::temp_dir().join("mathtex.png"), png).unwrap();
}

#[test]
fn render_more_constructs() {
    let mut page = Page {
        width: 600.0,
        height: 450.0,
        dpi: 72.0,
        background: Some(Rgba::WHITE),
        ops: Vec::new(),
    };
    let forms = [
        r"\hat a \, \vec v \, \widehat{xyz} \, \widetilde{abc} \, \overrightarrow{AB} \, \overline{z}",
        r"\binom{n}{k} + \mathbb{R} \mathcal{L} \mathfrak{g} \mathbf{B} \mathsf{s} \mathtt{t} \leq \infty",
        r"\left[ \frac{\frac{\frac{a}{b}}{c}}{\frac{d}{\frac{e}{f}}} \right\} \Bigg( \bigg( \Big( \big( (",
        r"\lim_{x\to 0} \frac{\sin x}{x} = 1, \quad f''(x) \geq \text{const}",
    ];
    for (k, f) in forms.iter().enumerate() {
        let y = 70.0 + 110.0 * k as f64;
        let l = layout(&parse(f).unwrap(), 22.0).unwrap();
        sane(&l);
        draw(&mut page, &l, 20.0, y);
    }
    let rgba = gks::driver::raster::render_rgba(&page).unwrap();
    let png = gks::driver::encode::png_bytes(600, 450, &rgba).unwrap();
    std::fs::write(std::env::temp_dir().join("mathtex-more.png"), png).unwrap();
}

fn ink_x(l: &MathLayout, pred: impl Fn(&mathtex::MathGlyph) -> bool) -> (f64, f64) {
    let mut x0 = f64::MAX;
    let mut x1 = f64::MIN;
    for g in l.glyphs.iter().filter(|g| pred(g)) {
        let r = gks::font::glyph_bounds(g.face, g.id).unwrap();
        let s = g.size / gks::font::units_per_em(g.face);
        x0 = x0.min(g.x + r.x0 * s);
        x1 = x1.max(g.x + r.x1 * s);
    }
    (x0, x1)
}

#[test]
fn wide_accents_stretch_over_the_body() {
    for (src, accent) in [
        (r"\overrightarrow{ABCDEFGHIJ}", '\u{20D7}'),
        (r"\overleftarrow{ABCDEFGHIJ}", '\u{20D6}'),
        (r"\widebar{ABCDEFGHIJ}", '\u{305}'),
    ] {
        let l = lay(src);
        let body = ink_x(&l, |g| g.ch != accent);
        let arrow = ink_x(&l, |g| g.ch == accent);
        // an assembly of several parts covering the whole body
        assert!(
            l.glyphs.iter().filter(|g| g.ch == accent).count() >= 3,
            "{src}"
        );
        assert!(
            arrow.1 - arrow.0 > 0.9 * (body.1 - body.0),
            "{src}: {arrow:?} {body:?}"
        );
        assert!((arrow.0 + arrow.1 - body.0 - body.1).abs() < 0.1 * (body.1 - body.0));
    }
    // a short body keeps a single variant glyph
    let l = lay(r"\overrightarrow{i}");
    assert_eq!(l.glyphs.iter().filter(|g| g.ch == '\u{20D7}').count(), 1);
}

#[test]
fn tall_delimiters_are_assembled() {
    let l = lay(
        r"\left( \frac{\frac{\frac{a}{b}}{\frac{c}{d}}}{\frac{\frac{e}{f}}{\frac{g}{h}}} \right)",
    );
    assert!(
        l.glyphs.iter().filter(|g| g.ch == '(').count() >= 3,
        "top, extender, bottom"
    );
    let paren = l.glyphs.iter().filter(|g| g.ch == '(');
    let (lo, hi) = paren.fold((f64::MAX, f64::MIN), |(lo, hi), g| {
        let r = gks::font::glyph_bounds(g.face, g.id).unwrap();
        let s = g.size / 1000.0;
        (lo.min(g.y + r.y0 * s), hi.max(g.y + r.y1 * s))
    });
    assert!(hi - lo > 0.85 * (l.ascent + l.descent), "{lo} {hi} {l:?}");
}

#[test]
fn integral_scripts_sit_beside_top_and_bottom() {
    let l = lay(r"\int_0^1 x");
    let int = l.glyphs.iter().find(|g| g.ch == '∫').unwrap();
    let one = l.glyphs.iter().find(|g| g.ch == '1').unwrap();
    let zero = l.glyphs.iter().find(|g| g.ch == '0').unwrap();
    // display integral: upper limit high, lower limit low, both right of the origin, the
    // lower one further left (italic correction)
    assert!(one.y > 12.0 && zero.y < -8.0, "{one:?} {zero:?}");
    assert!(one.x > zero.x && zero.x > int.x);
}

#[test]
fn math_kerning_tucks_subscripts_in() {
    // V has a bottom-right cut-in in the MATH table: its subscript moves left of V's advance
    let v = lay("V_1");
    let vg = v.glyphs[0];
    let adv = gks::font::glyph_advance(vg.face, vg.id) * vg.size / 1000.0;
    assert!(v.glyphs[1].x < vg.x + adv - 1.0, "{:?}", v.glyphs);
    // and a superscript goes after the italic correction
    let f = lay("f^2");
    let fg = f.glyphs[0];
    let adv = gks::font::glyph_advance(fg.face, fg.id) * fg.size / 1000.0;
    assert!(f.glyphs[1].x > fg.x + adv);
}

#[test]
fn middle_delimiters_match_the_pair() {
    let l = lay(r"\left\{ x \middle| \frac{x^2}{2} > 0 \right\}");
    let bar = ink_height(&l, '|');
    let brace = ink_height(&l, '{');
    assert!(
        bar > 0.8 * brace && bar > 1.3 * ink_height(&lay("|"), '|'),
        "{bar} {brace}"
    );
    assert!(mathtex::parse(r"{x \middle| y}").is_err());
}

fn ink_height(l: &MathLayout, ch: char) -> f64 {
    let (mut lo, mut hi) = (f64::MAX, f64::MIN);
    for g in l.glyphs.iter().filter(|g| g.ch == ch) {
        let r = gks::font::glyph_bounds(g.face, g.id).unwrap();
        let s = g.size / 1000.0;
        lo = lo.min(g.y + r.y0 * s);
        hi = hi.max(g.y + r.y1 * s);
    }
    hi - lo
}

#[test]
fn braces_stacks_and_negations() {
    let l = lay(r"\overbrace{a+b+c}^{n}");
    let n = l.glyphs.iter().find(|g| g.ch == '𝑛').unwrap();
    let a = l.glyphs.iter().find(|g| g.ch == '𝑎').unwrap();
    assert!(
        n.y > 10.0 && n.size < a.size,
        "the label is a limit above the brace"
    );
    let l = lay(r"a \stackrel{\text{def}}{=} b");
    let d = l.glyphs.iter().find(|g| g.ch == 'd').unwrap();
    let eq = l.glyphs.iter().find(|g| g.ch == '=').unwrap();
    assert!(d.y > 5.0 && d.size < eq.size);
    assert_eq!(lay(r"\not=").glyphs[0].ch, '≠');
    let l = lay(r"\not\perp");
    let (p0, p1) = ink_x(&l, |g| g.ch == '⟂');
    let (s0, s1) = ink_x(&l, |g| g.ch == '\u{338}');
    assert!(
        ((p0 + p1) - (s0 + s1)).abs() < 1.0,
        "solidus centred on the symbol"
    );
}

#[test]
fn textext_follows_gr() {
    let l = mathtex::textext(r"\alpha^2 + a/b", gks::font::SANS, 10.0).unwrap();
    assert_eq!(l.glyphs[0].ch, 'α');
    assert_eq!(l.rules.len(), 1);
    let e = mathtex::textext(r"x^", gks::font::SANS, 10.0).unwrap_err();
    assert_eq!(e.to_string(), "position 1: '^' needs a value after it");
}
