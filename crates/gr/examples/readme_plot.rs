//! The plotting-layer example of README.md (kept compiling here; writes to the temp dir).
use gr::Gr;

fn main() -> Result<(), gr::Error> {
    let x: Vec<f64> = (0..=100).map(|i| -2.0 + 0.04 * i as f64).collect();
    let z: Vec<f64> = x
        .iter()
        .flat_map(|&y| x.iter().map(move |&x| (-(x * x + y * y)).exp()))
        .collect();
    let mut gr = Gr::new();
    gr.setviewport(0.1, 0.8, 0.1, 0.7)?;
    gr.setwindow(-2.0, 2.0, -2.0, 2.0)?;
    gr.setcolormap(44)?; // viridis
    gr.contourf(&x, &x, &[], &z, 0)?; // 16 levels, lines on top
    gr.axes(0.5, 0.5, -2.0, -2.0, 2, 2, -0.01)?; // GR's axes semantics
    gr.setviewport(0.83, 0.86, 0.1, 0.7)?;
    gr.setzrange(0.0, 1.0)?;
    gr.colorbar()?;
    let out = std::env::temp_dir().join("gauss.svg");
    gr.gks().save(&out)?;
    println!("wrote {}", out.display());
    Ok(())
}
