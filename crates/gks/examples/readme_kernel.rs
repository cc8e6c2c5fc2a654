//! The kernel example of README.md (kept compiling here; writes to the temp dir).
use gks::Gks;

fn main() -> Result<(), gks::Error> {
    let mut g = Gks::new(); // 600×450 px page, NDC 0..1 × 0..0.75
    g.setwindow(1, 0.0, 6.3, -1.0, 1.0)?; // world coordinates of transform 1
    g.setviewport(1, 0.1, 0.95, 0.1, 0.7)?; // where they go on the page (NDC)
    g.selntran(1)?;
    let x: Vec<f64> = (0..200).map(|i| i as f64 * 0.0315).collect();
    let y: Vec<f64> = x.iter().map(|x| x.sin()).collect();
    g.setlinecolorind(4)?;
    g.setlinewidth(2.0)?;
    g.polyline(&x, &y)?; // NaN in the data breaks the line
    g.selntran(0)?;
    g.setcharheight(0.03)?;
    g.text(0.1, 0.71, "sin(x), 0 ≤ x ≤ 2π")?; // any Unicode: Greek, math, arrows
    let out = std::env::temp_dir().join("sine.pdf");
    g.save(&out)?; // .png .jpg .svg .pdf .ps .eps
    println!("wrote {}", out.display());
    Ok(())
}
