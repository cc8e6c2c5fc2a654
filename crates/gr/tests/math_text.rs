//! Formulas in the text functions: malformed inline math and malformed textext fall back to
//! the literal string, textext's light syntax, and colour, alignment and rotation of
//! formulas like plain text (checked on rendered pixels against the inquired boxes).

use gr::Gr;

/// The bounding box (x0, y0, x1, y1) in pixels (y down) of pixels darker/more coloured
/// than the white page, and the mean colour of the strongly inked ones.
fn ink(gr: &Gr) -> ((u32, u32, u32, u32), [f64; 3]) {
    let page = gr.gks().page();
    let (w, h) = (page.width as u32, page.height as u32);
    let rgba = gr.gks().render_rgba().unwrap();
    let (mut x0, mut y0, mut x1, mut y1) = (u32::MAX, u32::MAX, 0, 0);
    let mut sum = [0.0; 3];
    let mut n: f64 = 0.0;
    for y in 0..h {
        for x in 0..w {
            let p = &rgba[((y * w + x) * 4) as usize..][..4];
            // over white
            let a = p[3] as f64 / 255.0;
            let c: Vec<f64> = p[..3]
                .iter()
                .map(|&v| v as f64 * a + 255.0 * (1.0 - a))
                .collect();
            let dark = 255.0 * 3.0 - (c[0] + c[1] + c[2]);
            if dark > 60.0 {
                x0 = x0.min(x);
                y0 = y0.min(y);
                x1 = x1.max(x);
                y1 = y1.max(y);
            }
            if dark > 500.0 {
                for k in 0..3 {
                    sum[k] += c[k];
                }
                n += 1.0;
            }
        }
    }
    assert!(x0 <= x1, "nothing drawn");
    ((x0, y0, x1, y1), sum.map(|s| s / n.max(1.0)))
}

/// Both contexts render the same, non-empty picture.
fn same_pixels(a: &Gr, b: &Gr, what: &str) {
    let (pa, pb) = (
        a.gks().render_rgba().unwrap(),
        b.gks().render_rgba().unwrap(),
    );
    let differ = pa.iter().zip(&pb).filter(|(x, y)| x != y).count();
    assert_eq!(differ, 0, "{what}: {differ} channel values differ");
    assert!(pa.iter().any(|&v| v < 128), "{what}: nothing drawn");
}

/// NDC box → pixel box (y down) on the 600×450 page (1 NDC = 600 px).
fn px(x: [f64; 4], y: [f64; 4]) -> (f64, f64, f64, f64) {
    let min = |v: [f64; 4]| v.iter().cloned().fold(f64::MAX, f64::min);
    let max = |v: [f64; 4]| v.iter().cloned().fold(f64::MIN, f64::max);
    (
        min(x) * 600.0,
        450.0 - max(y) * 600.0,
        max(x) * 600.0,
        450.0 - min(y) * 600.0,
    )
}

fn inside(ink: (u32, u32, u32, u32), b: (f64, f64, f64, f64), slack: f64) {
    assert!(
        ink.0 as f64 >= b.0 - slack
            && ink.1 as f64 >= b.1 - slack
            && ink.2 as f64 <= b.2 + slack
            && ink.3 as f64 <= b.3 + slack,
        "ink {ink:?} outside box {b:?}"
    );
}

#[test]
fn malformed_inline_math_is_drawn_literally() {
    for s in [
        r"bad $\frac{1}$ math",
        r"$x^$",
        r"unknown $\nosuch$ command",
    ] {
        let mut a = Gr::new();
        a.text(0.1, 0.3, s).unwrap();
        let mut b = Gr::new();
        b.gks_mut().selntran(0).unwrap();
        b.gks_mut().text(0.1, 0.3, s).unwrap();
        same_pixels(&a, &b, s);
        let (x, y) = a.inqtext(0.1, 0.3, s).unwrap();
        assert_eq!((x, y), b.gks().inqtext(0.1, 0.3, s).unwrap(), "{s}");
    }
}

#[test]
fn textext_sets_scripts_fractions_and_greek() {
    let mut gr = Gr::new();
    gr.setcharheight(0.03).unwrap();
    let (_, y2) = gr.inqtextext(0.1, 0.3, "x^2").unwrap();
    let (_, y) = gr.inqtext(0.1, 0.3, "x2").unwrap();
    assert!(y2[3] > y[3], "an exponent raises the box top");
    let (_, yf) = gr.inqtextext(0.1, 0.3, "a/b").unwrap();
    assert!(
        yf[3] - yf[0] > 1.5 * (y[3] - y[0]),
        "a fraction is two lines tall"
    );
    // Greek letters are drawn, not the command names
    let (xg, _) = gr.inqtextext(0.1, 0.3, r"\alpha\beta").unwrap();
    let (xl, _) = gr.inqtext(0.1, 0.3, r"\alpha\beta").unwrap();
    assert!(xg[1] - xg[0] < 0.5 * (xl[1] - xl[0]));
    gr.textext(0.1, 0.3, r"E = m c^2 + \alpha_{i,j} + 1/2")
        .unwrap();
    if let Some(dir) = std::env::var_os("GR_MATH_OUT") {
        let mut g = Gr::new();
        g.setcharheight(0.04).unwrap();
        for (k, s) in [
            r"E = m c^2 + \alpha_{i,j} + 1/2",
            "e^(-x^2/2) 10^-3",
            r"\Gamma(x)_n^2 a\/b \^",
        ]
        .iter()
        .enumerate()
        {
            g.textext(0.05, 0.6 - 0.2 * k as f64, s).unwrap();
        }
        g.gks()
            .save(std::path::PathBuf::from(dir).join("textext.png"))
            .unwrap();
    }
    let (ink, _) = ink(&gr);
    let (x, y) = gr
        .inqtextext(0.1, 0.3, r"E = m c^2 + \alpha_{i,j} + 1/2")
        .unwrap();
    inside(ink, px(x, y), 1.5);
}

#[test]
fn malformed_textext_is_drawn_literally() {
    let s = r"x^ \nosuch";
    let mut a = Gr::new();
    a.textext(0.1, 0.3, s).unwrap();
    let mut b = Gr::new();
    b.gks_mut().selntran(0).unwrap();
    b.gks_mut().text(0.1, 0.3, s).unwrap();
    same_pixels(&a, &b, s);
    assert_eq!(
        a.inqtextext(0.1, 0.3, s).unwrap(),
        b.gks().inqtext(0.1, 0.3, s).unwrap()
    );
}

#[test]
fn formulas_take_colour_alignment_and_rotation_like_text() {
    let f = r"\int_0^1 \frac{x^2}{\sqrt{1+x}}\,dx";
    for (up, align) in [
        ((0.0, 1.0), (1, 4)),
        ((-1.0, 0.0), (2, 3)),
        ((-1.0, 1.0), (3, 1)),
    ] {
        let mut gr = Gr::new();
        gr.setcharheight(0.03).unwrap();
        gr.settextcolorind(2).unwrap(); // red
        gr.setcharup(up.0, up.1).unwrap();
        gr.settextalign(align.0, align.1).unwrap();
        gr.mathtex(0.5, 0.35, f).unwrap();
        let (ink, mean) = ink(&gr);
        let (x, y) = gr.inqmathtex(0.5, 0.35, f).unwrap();
        inside(ink, px(x, y), 1.5);
        // the strongly inked pixels are red
        assert!(
            mean[0] > 200.0 && mean[1] < 60.0 && mean[2] < 60.0,
            "{mean:?}"
        );
        if up == (-1.0, 0.0) {
            // rotated by 90°: taller than wide, centred on the anchor
            assert!(ink.3 - ink.1 > ink.2 - ink.0);
            let cx = (ink.0 + ink.2) as f64 / 2.0;
            let cy = (ink.1 + ink.3) as f64 / 2.0;
            assert!(
                (cx - 300.0).abs() < 6.0 && (cy - 240.0).abs() < 6.0,
                "{cx} {cy}"
            );
        }
    }
}
