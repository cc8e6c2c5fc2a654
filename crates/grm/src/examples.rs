//! One finished example figure per implemented kind, with realistic deterministic data.

use crate::figure::Figure;
use crate::kinds::Kind;
use crate::plot::Series;

/// `n` values evenly spaced from `a` to `b`.
pub(crate) fn linspace(a: f64, b: f64, n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| a + (b - a) * i as f64 / (n.max(2) - 1) as f64)
        .collect()
}

fn line() -> Figure {
    let mut fig = Figure::new();
    let p = fig.subplot(1, 1, 1);
    p.kind = Kind::Line;
    let t = linspace(0.0, 10.0, 200);
    let damped: Vec<f64> = t
        .iter()
        .map(|t| (-0.2 * t).exp() * (2.0 * t).cos())
        .collect();
    let env: Vec<f64> = t.iter().map(|t| (-0.2 * t).exp()).collect();
    p.title = Some("Damped oscillation".into());
    p.x_label = Some("time $t$ in s".into());
    p.y_label = Some(r"amplitude $x(t)$".into());
    p.add(Series::xy(t.clone(), damped).label(r"$e^{-0.2t}\cos 2t$"));
    p.add(Series::xy(t, env).spec("--").label("envelope"));
    fig
}

fn scatter() -> Figure {
    let mut fig = Figure::new();
    let p = fig.subplot(1, 1, 1);
    p.kind = Kind::Scatter;
    // A golden-angle spiral: deterministic and evenly spread.
    let n = 150;
    let (mut x, mut y, mut c, mut s) = (vec![], vec![], vec![], vec![]);
    for i in 0..n {
        let r = (i as f64 / n as f64).sqrt() * 10.0;
        let a = i as f64 * 2.399_963;
        x.push(r * a.cos());
        y.push(r * a.sin());
        c.push(r);
        s.push(60.0 + 140.0 * (i % 7) as f64 / 6.0);
    }
    p.title = Some("Sunflower seeds".into());
    p.x_label = Some("x in mm".into());
    p.y_label = Some("y in mm".into());
    p.z_label = Some("radius".into());
    p.keep_aspect_ratio = true;
    p.add(Series::xy(x, y).c(c).s(s));
    fig
}

/// Example figures, one per implemented kind: `(kind name, figure)`.
pub fn examples() -> Vec<(&'static str, Figure)> {
    vec![("line", line()), ("scatter", scatter())]
}
