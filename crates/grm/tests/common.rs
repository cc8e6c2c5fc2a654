//! Helpers shared by the grm integration tests.
#![allow(dead_code)]

use gks::display_list::Primitive;

/// Every text drawn by a figure, with its box (xmin, xmax, ymin, ymax) in NDC, measured the
/// way `inqtext` measures (kernel text layout or the math block placement).
pub fn text_boxes(gr: &gr::Gr) -> Vec<(String, [f64; 4])> {
    let mut out = Vec::new();
    for item in gr.gks().items() {
        let (label, corners) = match &item.primitive {
            Primitive::Text { x, y, text, style } => {
                (text.clone(), gks::text::layout(*x, *y, text, style).corners)
            }
            Primitive::Block { x, y, block, style } => (
                format!("<math {:.3}>", block.width),
                gks::text::block_placement(*x, *y, block, style).1,
            ),
            _ => continue,
        };
        let xs = corners.map(|c| c.0);
        let ys = corners.map(|c| c.1);
        let f = |a: [f64; 4], max: bool| {
            a.into_iter()
                .fold(if max { f64::MIN } else { f64::MAX }, |m, v| {
                    if max {
                        m.max(v)
                    } else {
                        m.min(v)
                    }
                })
        };
        out.push((
            label,
            [f(xs, false), f(xs, true), f(ys, false), f(ys, true)],
        ));
    }
    out
}

/// Whether two boxes overlap by more than `eps` in both directions.
pub fn overlap(a: &[f64; 4], b: &[f64; 4], eps: f64) -> bool {
    a[0] + eps < b[1] && b[0] + eps < a[1] && a[2] + eps < b[3] && b[2] + eps < a[3]
}

/// `n` values from `a` to `b`.
pub fn linspace(a: f64, b: f64, n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| a + (b - a) * i as f64 / (n - 1) as f64)
        .collect()
}
