//! Renders one plotting-layer scene: `cargo run -p gr --example scene -- NAME OUT.png`.
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let name = args.get(1).ok_or("usage: scene NAME OUT")?;
    let out = args.get(2).ok_or("usage: scene NAME OUT")?;
    let scene = gr::scenes::find(name).ok_or("unknown scene")?;
    let mut gr = gr::Gr::new();
    (scene.draw)(&mut gr)?;
    gr.gks().save(out)?;
    Ok(())
}
