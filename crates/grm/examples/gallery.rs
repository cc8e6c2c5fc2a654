//! Renders every example figure to `DIR/NAME.png` (default `target/grm-gallery`) and prints
//! the render time of each (figure to PNG file).

fn main() -> Result<(), grm::Error> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/grm-gallery".into());
    std::fs::create_dir_all(&dir).expect("output directory can be created");
    for (name, fig) in grm::examples() {
        let t = std::time::Instant::now();
        let files = fig.save(format!("{dir}/{name}.png"))?;
        println!(
            "{name:20} {:8.1} ms  {}",
            t.elapsed().as_secs_f64() * 1e3,
            files[0].display()
        );
    }
    Ok(())
}
