//! The figure-API example of the README (kept compiling here).

use grm::{Figure, Series};

fn main() -> Result<(), grm::Error> {
    let t: Vec<f64> = (0..=400).map(|i| i as f64 * 0.025).collect();
    let y: Vec<f64> = t
        .iter()
        .map(|t| (-0.2 * t).exp() * (2.0 * t).cos())
        .collect();
    let env: Vec<f64> = t.iter().map(|t| (-0.2 * t).exp()).collect();
    let mut fig = Figure::new(); // 600×450, GR's look
    let p = fig.subplot(1, 1, 1);
    p.title = Some("Damped oscillation".into());
    p.x_label = Some("time $t$ in s".into()); // math in any text
    p.y_label = Some("$x(t)$".into());
    p.add(Series::xy(t.clone(), y).label("$e^{-0.2t}\\cos 2t$"));
    p.add(Series::xy(t, env).spec("r--").label("envelope"));
    fig.save("oscillation.svg")?; // .png .jpg .svg .pdf .ps .eps
    println!("{}", fig.to_json()); // the same figure as a JSON plot spec
    Ok(())
}
