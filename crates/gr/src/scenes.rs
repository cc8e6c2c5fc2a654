//! Demonstration scenes of the plotting layer, shared by the reference-image tests and the
//! gallery. Each recreates one of GR's canonical pictures (see `shared/reference/gr-look`)
//! with the same calls, on a fresh 600×450 context.

use crate::error::Result;
use crate::scale::options::{X_LOG, Y_LOG};
use crate::Gr;

/// A named scene.
pub struct Scene {
    /// File stem used by the gallery and the reference images.
    pub name: &'static str,
    /// One-line description.
    pub title: &'static str,
    /// Draws the scene.
    pub draw: fn(&mut Gr) -> Result<()>,
}

/// All scenes, in gallery order.
pub const ALL: &[Scene] = &[
    Scene {
        name: "axes-linear",
        title: "Linear axes, grid and a sine (GR's axes semantics)",
        draw: axes_linear,
    },
    Scene {
        name: "axes-log",
        title: "Log-log axes with 10ⁿ labels, minor decades, error bars",
        draw: axes_log,
    },
];

/// Looks up a scene by name.
pub fn find(name: &str) -> Option<&'static Scene> {
    ALL.iter().find(|s| s.name == name)
}

/// `x` linearly spaced from `a` to `b` with `n` points.
fn linspace(a: f64, b: f64, n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| a + (b - a) * i as f64 / (n - 1) as f64)
        .collect()
}

/// GR's axes-linear picture: grid, axes on all four sides, a blue sine.
pub fn axes_linear(gr: &mut Gr) -> Result<()> {
    gr.setviewport(0.1, 0.95, 0.075, 0.7125)?;
    gr.setwindow(-1.0, 1.0, -1.0, 1.0)?;
    gr.grid(0.1, 0.1, 0.0, 0.0, 5, 5)?;
    gr.axes(0.1, 0.1, -1.0, -1.0, 5, 5, 0.01)?;
    gr.axes(0.1, 0.1, 1.0, 1.0, -5, -5, -0.01)?;
    let x = linspace(-1.0, 1.0, 201);
    let y: Vec<f64> = x.iter().map(|x| (std::f64::consts::PI * x).sin()).collect();
    gr.setlinecolorind(4)?;
    gr.setlinewidth(2.0)?;
    gr.polyline(&x, &y)
}

/// GR's axes-log picture: log-log grid and axes, two curves, markers, plus error bars.
pub fn axes_log(gr: &mut Gr) -> Result<()> {
    gr.setviewport(0.12, 0.95, 0.075, 0.7125)?;
    gr.setwindow(1.0, 1000.0, 0.1, 100000.0)?;
    gr.setscale(X_LOG | Y_LOG)?;
    gr.grid(1.0, 1.0, 1.0, 0.1, 1, 1)?;
    gr.axes(10.0, 10.0, 1.0, 0.1, 1, 1, 0.01)?;
    gr.axes(10.0, 10.0, 1000.0, 100000.0, -1, -1, -0.01)?;
    let x: Vec<f64> = linspace(0.0, 3.0, 61)
        .iter()
        .map(|e| 10f64.powf(*e))
        .collect();
    let y: Vec<f64> = x.iter().map(|x| 0.1 * x * x).collect();
    gr.setlinecolorind(4)?;
    gr.setlinewidth(2.0)?;
    gr.polyline(&x, &y)?;
    let y2: Vec<f64> = x.iter().map(|x| 1000.0 / x).collect();
    gr.setlinecolorind(2)?;
    gr.setlinetype(2)?;
    gr.polyline(&x, &y2)?;
    gr.setlinetype(1)?;
    gr.setlinewidth(1.0)?;
    gr.setmarkertype(-1)?;
    gr.setmarkercolorind(2)?;
    let xm = [1.0, 10.0, 100.0, 1000.0];
    let ym = [1000.0, 100.0, 10.0, 1.0];
    let lo: Vec<f64> = ym.iter().map(|y| y / 3.0).collect();
    let hi: Vec<f64> = ym.iter().map(|y| y * 3.0).collect();
    gr.setlinecolorind(2)?;
    gr.verrorbars(&xm, &ym, &lo, &hi)
}
