//! Curve fitting and interpolation: `spline`, `gridit` and `interp2`, through the
//! algorithms of [`crate::algorithms::spline`] and [`crate::algorithms::interp`], plus two
//! demonstration scenes.

use crate::algorithms::{self, AlgoError};
use crate::context::Gr;
use crate::error::{Error, Result};
use crate::scale::Axis;

fn algo(func: &'static str) -> impl Fn(AlgoError) -> Error {
    move |e| Error::InvalidArgument {
        func,
        msg: e.to_string(),
    }
}

/// World → 0..1 across the window, after log scaling but without flipping (order kept).
fn unit(axis: &Axis, v: f64) -> f64 {
    let u = axis.to_unit(v);
    if axis.flip {
        1.0 - u
    } else {
        u
    }
}

/// Inverse of [`unit`].
fn world(axis: &Axis, u: f64) -> f64 {
    axis.from_unit(if axis.flip { 1.0 - u } else { u })
}

impl Gr {
    /// `spline`: draws a smooth curve through or near the points `(x, y)`, sampled at `m`
    /// points (`m` must exceed the number of points, which must be at least 3), as a
    /// polyline. `method` follows GR: 0 is the natural interpolating cubic spline, −1 a
    /// smoothing spline with the smoothing chosen by generalised cross-validation, a
    /// positive value a smoothing spline for that error variance, and values below −1 a
    /// cubic B-spline with the points as control points. Except for the B-spline, `x`
    /// must be strictly ascending.
    ///
    /// As in GR the fit happens in window-normalised coordinates (0..1 across the window,
    /// after log scales), so the variance of `method > 0` is measured in those units.
    pub fn spline(&mut self, x: &[f64], y: &[f64], m: usize, method: i32) -> Result<()> {
        let func = "spline";
        if x.len() != y.len() {
            return Err(Error::InvalidArgument {
                func,
                msg: format!(
                    "x and y must have the same length, got {} and {}",
                    x.len(),
                    y.len()
                ),
            });
        }
        let (ax, ay) = (self.x, self.y);
        let u: Vec<f64> = x.iter().map(|&v| unit(&ax, v)).collect();
        let v: Vec<f64> = y.iter().map(|&v| unit(&ay, v)).collect();
        let (su, sv) = algorithms::spline(&u, &v, m, method).map_err(algo(func))?;
        let sx: Vec<f64> = su.iter().map(|&t| world(&ax, t)).collect();
        let sy: Vec<f64> = sv.iter().map(|&t| world(&ay, t)).collect();
        self.polyline(&sx, &sy)
    }

    /// `gridit`: interpolates scattered samples `(xd, yd, zd)` onto an `nx × ny` grid over
    /// their bounding box and returns `(x, y, z)` with `z` stored x fastest. Unlike GR's
    /// Akima surface this interpolates linearly on the Delaunay triangulation and leaves
    /// nodes outside the samples' convex hull NaN (see [`algorithms::interp`]).
    pub fn gridit(
        &self,
        xd: &[f64],
        yd: &[f64],
        zd: &[f64],
        nx: usize,
        ny: usize,
    ) -> Result<algorithms::interp::Gridded> {
        algorithms::gridit(xd, yd, zd, nx, ny).map_err(algo("gridit"))
    }

    /// `interp2`: resamples `z` on the rectilinear grid `x × y` at the nodes of `xq × yq`
    /// (result x fastest) with method 0 (nearest), 1 (bilinear), 2 (natural splines) or
    /// 3 (piecewise cubic); points outside the input grid get `extrapval`.
    #[allow(clippy::too_many_arguments)]
    pub fn interp2(
        &self,
        x: &[f64],
        y: &[f64],
        z: &[f64],
        xq: &[f64],
        yq: &[f64],
        method: i32,
        extrapval: f64,
    ) -> Result<Vec<f64>> {
        algorithms::interp2(x, y, z, xq, yq, method, extrapval).map_err(algo("interp2"))
    }
}

/// A tiny deterministic generator so the scenes draw the same data everywhere.
struct Lcg(u64);

impl Lcg {
    fn uniform(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
}

/// Draws a legend entry: a short line in the current line colour and a label, in NDC.
fn legend_entry(gr: &mut Gr, y: f64, label: &str) -> Result<()> {
    gr.selntran(0)?;
    gr.polyline(&[0.16, 0.21], &[y, y])?;
    gr.text(0.22, y, label)?;
    gr.selntran(1)
}

/// Spline demo: 12 noisy samples of a damped wave as markers, the natural interpolating
/// spline (red), a GCV smoothing spline (green) and the B-spline with the samples as
/// control points (blue), with axes and a legend.
pub fn spline_scene(gr: &mut Gr) -> Result<()> {
    let mut g = Lcg(17);
    let x: Vec<f64> = (0..12).map(|i| 0.5 + i as f64).collect();
    let y: Vec<f64> = x
        .iter()
        .map(|&v| 1.5 * (0.6 * v).sin() * (-0.08 * v).exp() + 0.6 * (g.uniform() - 0.5))
        .collect();
    gr.setviewport(0.1, 0.95, 0.075, 0.7125)?;
    gr.setwindow(0.0, 12.0, -2.0, 2.0)?;
    gr.setcharheight(0.018)?;
    gr.grid(1.0, 0.5, 0.0, -2.0, 2, 2)?;
    gr.axes(1.0, 0.5, 0.0, -2.0, 2, 2, 0.0075)?;
    gr.axes(1.0, 0.5, 12.0, 2.0, -2, -2, -0.0075)?;
    gr.setlinewidth(2.0)?;
    let curves = [
        (2, 0, "natural spline (method 0)"),
        (3, -1, "smoothing spline, GCV (method -1)"),
        (4, -2, "B-spline (method -2)"),
    ];
    gr.settextalign(1, 3)?;
    for (k, (color, method, label)) in curves.into_iter().enumerate() {
        gr.setlinecolorind(color)?;
        gr.spline(&x, &y, 300, method)?;
        legend_entry(gr, 0.68 - 0.03 * k as f64, label)?;
    }
    gr.setlinewidth(1.0)?;
    gr.setmarkertype(-1)?;
    gr.setmarkersize(1.5)?;
    gr.setmarkercolorind(1)?;
    gr.polymarker(&x, &y)
}

/// Gridit demo: 300 scattered samples of peaks interpolated onto a 120×120 grid, drawn as
/// filled contours (holes outside the samples' convex hull) with the samples as dots.
pub fn gridit_scene(gr: &mut Gr) -> Result<()> {
    let mut g = Lcg(23);
    let (xd, yd): (Vec<f64>, Vec<f64>) = (0..300)
        .map(|_| (4.0 * g.uniform() - 2.0, 4.0 * g.uniform() - 2.0))
        .unzip();
    let zd: Vec<f64> = xd
        .iter()
        .zip(&yd)
        .map(|(&a, &b)| crate::scenes::peaks(a, b))
        .collect();
    let (x, y, z) = gr.gridit(&xd, &yd, &zd, 120, 120)?;
    gr.setviewport(0.125, 0.825, 0.09375, 0.69375)?;
    gr.setwindow(-2.0, 2.0, -2.0, 2.0)?;
    gr.setcolormap(44)?;
    gr.contourf(&x, &y, &[], &z, 0)?;
    gr.setmarkertype(-1)?;
    gr.setmarkersize(0.5)?;
    gr.setmarkercolorind(1)?;
    gr.polymarker(&xd, &yd)?;
    gr.setcharheight(0.018)?;
    gr.axes(0.2, 0.2, -2.0, -2.0, 5, 5, 0.0075)?;
    gr.axes(0.2, 0.2, 2.0, 2.0, -5, -5, -0.0075)?;
    let (lo, hi) = z
        .iter()
        .filter(|v| v.is_finite())
        .fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
    gr.setviewport(0.845, 0.875, 0.09375, 0.69375)?;
    gr.setzrange(lo, hi)?;
    gr.colorbar()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scale::options::{FLIP_X, X_LOG};

    #[test]
    fn wrappers_name_the_function_in_errors() {
        let mut gr = Gr::new();
        let e = gr.spline(&[0.0, 1.0], &[0.0, 1.0], 10, 0).unwrap_err();
        assert!(
            e.to_string().starts_with("invalid argument to spline:"),
            "{e}"
        );
        let e = gr.spline(&[0.0, 1.0], &[0.0], 10, 0).unwrap_err();
        assert!(e.to_string().contains("same length"), "{e}");
        let e = gr.gridit(&[0.0], &[0.0], &[0.0], 3, 3).unwrap_err();
        assert!(
            e.to_string().starts_with("invalid argument to gridit:"),
            "{e}"
        );
        let e = gr
            .interp2(&[0.0, 1.0], &[0.0, 1.0], &[0.0; 4], &[0.5], &[0.5], 7, 0.0)
            .unwrap_err();
        assert!(
            e.to_string().starts_with("invalid argument to interp2:"),
            "{e}"
        );
    }

    #[test]
    fn spline_draws_on_log_and_flipped_axes() {
        let mut gr = Gr::new();
        gr.setwindow(1.0, 1000.0, 0.0, 1.0).unwrap();
        gr.setscale(X_LOG | FLIP_X).unwrap();
        let x = [1.0, 10.0, 100.0, 1000.0];
        let y = [0.1, 0.9, 0.2, 0.8];
        for method in [-2, -1, 0, 1] {
            gr.spline(&x, &y, 50, method).unwrap();
        }
        // Non-positive x on a log axis is not a finite point.
        assert!(gr.spline(&[0.0, 10.0, 100.0], &[0.0; 3], 10, 0).is_err());
    }

    #[test]
    fn scenes_draw() {
        for scene in [spline_scene, gridit_scene] {
            let mut gr = Gr::new();
            scene(&mut gr).unwrap();
        }
    }

    #[test]
    #[ignore = "writes PNGs to /tmp for visual inspection"]
    fn render_scenes_to_tmp() {
        for (name, scene) in [
            ("spline", spline_scene as fn(&mut Gr) -> Result<()>),
            ("gridit", gridit_scene),
        ] {
            let mut gr = Gr::new();
            scene(&mut gr).unwrap();
            gr.gks().save(format!("/tmp/curves-{name}.png")).unwrap();
        }
    }
}
