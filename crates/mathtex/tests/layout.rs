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
