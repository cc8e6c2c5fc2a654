//! A small GR3 scene (spheres, a cylinder, a cone, a cube and a tube) written as PNG,
//! POV-Ray scene and interactive HTML page: `cargo run -p gr3 --example gr3_scene [DIR]`.

use gr3::Scene;

fn main() -> gr3::Result<()> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".to_string());
    let mut s = Scene::new();
    s.cameralookat([4.0, -6.0, 4.0], [0.0, 0.0, 0.5], [0.0, 0.0, 1.0])?;
    s.setcameraprojectionparameters(40.0, 0.5, 50.0)?;
    s.setbackgroundcolor(1.0, 1.0, 1.0, 1.0)?;
    s.drawspheremesh(
        &[[-1.5, 0.0, 0.6], [0.0, 0.0, 0.6], [1.5, 0.0, 0.6]],
        &[[0.9, 0.2, 0.2], [0.2, 0.8, 0.3], [0.2, 0.4, 0.9]],
        &[0.6, 0.5, 0.4],
    )?;
    s.drawcylindermesh(
        &[[-1.5, 1.8, 0.0]],
        &[[0.0, 0.0, 1.0]],
        &[[0.9, 0.7, 0.2]],
        &[0.4],
        &[1.5],
    )?;
    s.drawconemesh(
        &[[0.0, 1.8, 0.0]],
        &[[0.0, 0.0, 1.0]],
        &[[0.8, 0.3, 0.8]],
        &[0.5],
        &[1.5],
    )?;
    s.drawcubemesh(
        &[[1.5, 1.8, 0.4]],
        &[[0.0, 0.0, 1.0]],
        &[[0.3, 1.0, 0.0]],
        &[[0.3, 0.8, 0.8]],
        &[[0.4, 0.4, 0.4]],
    )?;
    let pts: Vec<[f32; 3]> = (0..12)
        .map(|i| {
            let t = i as f32 / 11.0 * 6.0;
            [-2.0 + t * 0.7, -1.6 + 0.3 * (t * 2.0).sin(), 0.3 + 0.2 * t]
        })
        .collect();
    s.drawtubemesh(&pts, &[[0.95, 0.6, 0.1]; 12], &[0.12; 12], 8, 24)?;
    s.setquality(2)?;
    for ext in ["png", "pov", "html"] {
        let path = std::path::Path::new(&dir).join(format!("gr3_scene.{ext}"));
        s.export(&path, 600, 450)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
