//! Demonstration scenes of the 3D functions (GR's surface pictures in
//! `shared/reference/gr-look`, same calls).

use crate::context::Gr;
use crate::error::Result;

fn linspace(a: f64, b: f64, n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| a + (b - a) * i as f64 / (n - 1) as f64)
        .collect()
}

/// GR's "peaks" test surface `(1 − x/2 + x⁵ + y³)·exp(−x² − y²)` on an `n × n` grid over
/// `[-2, 2]²`: `(x, y, z)` with z flattened x-fastest.
pub fn peaks_grid(n: usize) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let x = linspace(-2.0, 2.0, n);
    let y = x.clone();
    let mut z = Vec::with_capacity(n * n);
    for &yj in &y {
        for &xi in &x {
            z.push((1.0 - xi / 2.0 + xi.powi(5) + yj.powi(3)) * (-xi * xi - yj * yj).exp());
        }
    }
    (x, y, z)
}

/// The common frame of the surface pictures: viewport, window, classic view, grids.
fn surface_frame(gr: &mut Gr, zmin: f64, zmax: f64, ztick: f64) -> Result<()> {
    gr.setviewport(0.21875, 0.81875, 0.09375, 0.69375)?;
    gr.setwindow(-2.0, 2.0, -2.0, 2.0)?;
    gr.setspace(zmin, zmax, 30.0, 80.0)?;
    gr.setcolormap(44)?;
    gr.setcharheight(0.018)?;
    gr.grid3d(0.2, 0.0, ztick, -2.0, 2.0, zmin, 2, 0, 2)?;
    gr.grid3d(0.0, 0.2, 0.0, -2.0, 2.0, zmin, 0, 2, 0)
}

fn surface_axes(gr: &mut Gr, zmin: f64, ztick: f64) -> Result<()> {
    gr.axes3d(0.2, 0.0, ztick, -2.0, -2.0, zmin, 5, 0, 4, -0.0075)?;
    gr.axes3d(0.0, 0.2, 0.0, 2.0, -2.0, zmin, 0, 5, 0, 0.0075)?;
    gr.titles3d("X", "Y", "Z")
}

/// GR's surface picture: the peaks function as a COLORED_MESH (option 4) with viridis,
/// `setspace(-1, 1.5, 30, 80)`, 3D grids, axes and titles.
pub fn surface_scene(gr: &mut Gr) -> Result<()> {
    surface_frame(gr, -1.0, 1.5, 0.25)?;
    let (x, y, z) = peaks_grid(40);
    gr.surface(&x, &y, &z, 4)?;
    surface_axes(gr, -1.0, 0.25)
}

/// GR's Z_SHADED_MESH picture (option 3): peaks rescaled to 0..71 so that z is the colour
/// offset into the 72-colour band, `setspace(0, 80, 30, 80)`.
pub fn surface_zshaded_scene(gr: &mut Gr) -> Result<()> {
    surface_frame(gr, 0.0, 80.0, 10.0)?;
    let (x, y, z) = peaks_grid(40);
    let (lo, hi) = z
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
            (a.min(v), b.max(v))
        });
    let zc: Vec<f64> = z.iter().map(|v| (v - lo) / (hi - lo) * 71.0).collect();
    gr.surface(&x, &y, &zc, 3)?;
    surface_axes(gr, 0.0, 10.0)
}

/// A triangulated surface through 500 scattered points of the peaks function, seen from
/// rotation 150° (beyond GR's 0..=90, from the back of the data), with grids and axes.
pub fn trisurface_scene(gr: &mut Gr) -> Result<()> {
    gr.setviewport(0.21875, 0.81875, 0.09375, 0.69375)?;
    gr.setwindow(-2.0, 2.0, -2.0, 2.0)?;
    gr.setspace(-1.0, 1.5, 150.0, 50.0)?;
    gr.setcolormap(44)?;
    gr.setcharheight(0.018)?;
    gr.grid3d(0.2, 0.0, 0.25, -2.0, -2.0, -1.0, 2, 0, 2)?;
    gr.grid3d(0.0, 0.2, 0.0, -2.0, -2.0, -1.0, 0, 2, 0)?;
    // Deterministic scattered points (a low-discrepancy sequence) plus the boundary.
    let (mut x, mut y) = (Vec::new(), Vec::new());
    for k in 0..16 {
        let t = -2.0 + 0.25 * k as f64;
        x.extend([t, 2.0, -t, -2.0]);
        y.extend([-2.0, t, 2.0, -t]);
    }
    let g = 1.324_717_957_244_746f64; // plastic number
    for k in 1..=436 {
        let kf = k as f64;
        x.push(-2.0 + 4.0 * (0.5 + kf / g).fract());
        y.push(-2.0 + 4.0 * (0.5 + kf / (g * g)).fract());
    }
    let z: Vec<f64> = x
        .iter()
        .zip(&y)
        .map(|(&a, &b)| (1.0 - a / 2.0 + a.powi(5) + b.powi(3)) * (-a * a - b * b).exp())
        .collect();
    gr.setlinecolorind(1)?;
    gr.trisurface(&x, &y, &z)?;
    gr.axes3d(0.2, 0.0, 0.25, -2.0, 2.0, -1.0, 5, 0, 4, 0.0075)?;
    gr.axes3d(0.0, 0.2, 0.0, 2.0, 2.0, -1.0, 0, 5, 0, -0.0075)?;
    gr.titles3d("X", "Y", "Z")
}
