//! The GR3 example of the README (kept compiling here).

use gr3::Scene;

fn main() -> Result<(), gr3::Error> {
    let mut scene = Scene::new();
    // A water molecule: oxygen and two hydrogens (positions in Å).
    let atoms = [[0.0, 0.0, 0.0], [0.757, 0.586, 0.0], [-0.757, 0.586, 0.0]];
    let colors = [[1.0, 0.05, 0.05], [0.9, 0.9, 0.9], [0.9, 0.9, 0.9]];
    scene.drawspheremesh(&atoms, &colors, &[0.45, 0.3, 0.3])?;
    scene.cameralookat([0.0, 0.3, 4.0], [0.0, 0.3, 0.0], [0.0, 1.0, 0.0])?;
    scene.export("water.png", 800, 800)?; // z-buffer, Blinn-Phong, any size
    scene.export("water.pov", 800, 800)?; // POV-Ray scene of the same view
    scene.export("water.html", 800, 800)?; // self-contained WebGL page (drag to rotate)
    Ok(())
}
