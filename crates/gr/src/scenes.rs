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
    Scene {
        name: "drawaxes",
        title: "Struct-based axes (drawaxes): month names as tick labels, twin axes, grid",
        draw: crate::axis_spec::drawaxes_scene,
    },
    Scene {
        name: "shapes",
        title: "Pie slices with fillarc/drawarc, a heart and a wave with drawpath Béziers",
        draw: crate::shapes::shapes_scene,
    },
    Scene {
        name: "contour",
        title: "Contour lines with labels on a non-uniform grid",
        draw: contour,
    },
    Scene {
        name: "contourf",
        title: "Filled contours (viridis) with a colour bar",
        draw: contourf,
    },
    Scene {
        name: "heatmap",
        title: "Heat map from a cell array with a colour bar",
        draw: heatmap,
    },
    Scene {
        name: "nonuniform-heatmap",
        title: "Non-uniform cell array: 200×150 cells with uneven edges on a log x axis",
        draw: nonuniform_heatmap,
    },
    Scene {
        name: "tricontour",
        title: "Contours of 600 scattered samples of peaks on their Delaunay triangulation",
        draw: tricontour,
    },
    Scene {
        name: "gridit",
        title: "Scattered samples gridded (linear on the Delaunay triangulation) and filled",
        draw: crate::curves::gridit_scene,
    },
    Scene {
        name: "spline",
        title: "Natural, cross-validated smoothing and B-spline curves through noisy samples",
        draw: crate::curves::spline_scene,
    },
    Scene {
        name: "polar",
        title: "Polar grid with a rose curve (GR's polar picture)",
        draw: crate::polar::polar_scene,
    },
    Scene {
        name: "polar-heatmap",
        title: "Polar cell array of 360×100 cells with smoothed rim and colour bar",
        draw: crate::polar::polar_heatmap_scene,
    },
    Scene {
        name: "mathtex",
        title: "LaTeX math (GR's mathtex picture): left/base and centre/cap alignment, the pendulum equation",
        draw: mathtex,
    },
    Scene {
        name: "formulas",
        title: "Every LaTeX math construct beside its source (39 formulas, New Computer Modern Math)",
        draw: crate::formula_scenes::formulas,
    },
    Scene {
        name: "inline-math",
        title: "Inline $…$ math in a title and axis labels: the damped pendulum",
        draw: inline_math,
    },
    Scene {
        name: "hexbin",
        title: "Hexagonal binning of 1,000,000 correlated normal points",
        draw: hexbin,
    },
    Scene {
        name: "quiver",
        title: "Quiver plot of the gradient of peaks, coloured by magnitude, over contours",
        draw: quiver,
    },
    Scene {
        name: "shade",
        title: "Shaded point cloud: 2,000,000 points aggregated with an equalized transfer",
        draw: shade,
    },
    Scene {
        name: "arrows",
        title: "GR's 18 arrow styles",
        draw: arrows,
    },
    Scene {
        name: "surface",
        title: "Coloured surface of peaks with 3D axes and grids (GR's surface picture)",
        draw: crate::space3d::surface_scene,
    },
    Scene {
        name: "surface-zshaded",
        title: "Z-shaded surface mesh",
        draw: crate::space3d::surface_zshaded_scene,
    },
    Scene {
        name: "trisurface",
        title: "Triangulated surface of 500 scattered points, seen from behind",
        draw: crate::space3d::trisurface_scene,
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

/// GR's "peaks" test function.
pub fn peaks(x: f64, y: f64) -> f64 {
    (1.0 - x / 2.0 + x.powi(5) + y.powi(3)) * (-x * x - y * y).exp()
}

/// `z[j·nx + i] = f(x[i], y[j])`.
fn grid_values(x: &[f64], y: &[f64], f: impl Fn(f64, f64) -> f64) -> Vec<f64> {
    y.iter()
        .flat_map(|&yv| x.iter().map(move |&xv| (xv, yv)))
        .map(|(a, b)| f(a, b))
        .collect()
}

/// GR's contour picture: labelled contour lines of peaks on a non-uniform grid whose nodes
/// are shown as grey dots.
pub fn contour(gr: &mut Gr) -> Result<()> {
    let nonuniform = |n: usize| -> Vec<f64> {
        linspace(-1.0, 1.0, n)
            .iter()
            .map(|t| 2.0 * t * t.abs().sqrt())
            .collect()
    };
    let (x, y) = (nonuniform(41), nonuniform(31));
    let z = grid_values(&x, &y, peaks);
    gr.setviewport(0.125, 0.925, 0.09375, 0.69375)?;
    gr.setwindow(-2.0, 2.0, -2.0, 2.0)?;
    gr.setcharheight(0.018)?;
    gr.setmarkertype(1)?;
    gr.setmarkercolorind(84)?;
    let (xn, yn): (Vec<f64>, Vec<f64>) = y
        .iter()
        .flat_map(|&b| x.iter().map(move |&a| (a, b)))
        .unzip();
    gr.polymarker(&xn, &yn)?;
    gr.setzrange(-0.7, 1.1)?;
    let h: Vec<f64> = (0..17).map(|k| -0.6 + 0.1 * k as f64).collect();
    gr.contour(&x, &y, &h, &z, 2)?;
    gr.axes(0.2, 0.2, -2.0, -2.0, 5, 5, 0.0075)?;
    gr.axes(0.2, 0.2, 2.0, 2.0, -5, -5, -0.0075)
}

/// GR's contourf picture: 20 filled bands of peaks in viridis, contour lines, colour bar.
pub fn contourf(gr: &mut Gr) -> Result<()> {
    let x = linspace(-2.0, 2.0, 101);
    let z = grid_values(&x, &x, peaks);
    gr.setviewport(0.125, 0.825, 0.09375, 0.69375)?;
    gr.setwindow(-2.0, 2.0, -2.0, 2.0)?;
    gr.setcolormap(44)?;
    gr.setzrange(-0.75, 1.25)?;
    let h: Vec<f64> = (0..20).map(|k| -0.75 + 0.1 * k as f64).collect();
    gr.contourf(&x, &x, &h, &z, 0)?;
    gr.setcharheight(0.018)?;
    gr.axes(0.2, 0.2, -2.0, -2.0, 5, 5, 0.0075)?;
    gr.axes(0.2, 0.2, 2.0, 2.0, -5, -5, -0.0075)?;
    gr.setviewport(0.845, 0.875, 0.09375, 0.69375)?;
    gr.setwindow(0.0, 1.0, 0.0, 1.0)?;
    gr.colorbar()
}

/// GR's heatmap picture: a 48×36 cell array of `sin(2x)·cos(1.5y) + x/4` in viewport
/// coordinates 0..4 × 0..3, row 0 at the bottom, with a 256-colour bar.
pub fn heatmap(gr: &mut Gr) -> Result<()> {
    let xc: Vec<f64> = (0..48).map(|k| 1.0 / 24.0 + k as f64 / 12.0).collect();
    let yc: Vec<f64> = (0..36).map(|k| 1.0 / 24.0 + k as f64 / 12.0).collect();
    let z = grid_values(&xc, &yc, |x, y| {
        (2.0 * x).sin() * (1.5 * y).cos() + 0.25 * x
    });
    let (zmin, zmax) = z
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
    let ci: Vec<i32> = z
        .iter()
        .map(|v| 1000 + ((v - zmin) / (zmax - zmin) * 255.0).round() as i32)
        .collect();
    gr.setviewport(0.125, 0.825, 0.09375, 0.69375)?;
    gr.setwindow(0.0, 4.0, 0.0, 3.0)?;
    gr.setcolormap(144)?;
    gr.cellarray(0.0, 4.0, 3.0, 0.0, 48, 36, &ci)?;
    gr.setcharheight(0.018)?;
    gr.axes(0.2, 0.2, 0.0, 0.0, 5, 5, -0.0075)?;
    gr.axes(0.2, 0.2, 4.0, 3.0, -5, -5, 0.0075)?;
    gr.setviewport(0.845, 0.875, 0.09375, 0.69375)?;
    gr.setzrange(zmin, zmax)?;
    gr.colorbar()
}

/// A small deterministic generator of normal deviates (64-bit LCG + Box–Muller), so the
/// scenes draw the same data everywhere.
struct Normal(u64);

impl Normal {
    fn uniform(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
    fn pair(&mut self) -> (f64, f64) {
        let (u, v) = (self.uniform(), self.uniform());
        let r = (-2.0 * u.ln()).sqrt();
        let a = std::f64::consts::TAU * v;
        (r * a.cos(), r * a.sin())
    }
}

/// `n` points of a correlated bivariate normal distribution.
fn normal_cloud(n: usize, seed: u64) -> (Vec<f64>, Vec<f64>) {
    let mut g = Normal(seed);
    (0..n)
        .map(|_| {
            let (a, b) = g.pair();
            (a, 0.6 * a + 0.8 * b)
        })
        .unzip()
}

fn frame(gr: &mut Gr, x0: f64, x1: f64, y0: f64, y1: f64, tick: f64) -> Result<()> {
    gr.setcharheight(0.018)?;
    gr.axes(tick, tick, x0, y0, 5, 5, -0.0075)?;
    gr.axes(tick, tick, x1, y1, -5, -5, 0.0075)
}

/// Hexbin of a million points with a colour bar of counts.
pub fn hexbin(gr: &mut Gr) -> Result<()> {
    let (x, y) = normal_cloud(1_000_000, 1);
    gr.setviewport(0.1, 0.8, 0.09375, 0.69375)?;
    gr.setwindow(-4.0, 4.0, -4.0, 4.0)?;
    gr.setcolormap(144)?;
    let max = gr.hexbin(&x, &y, 40)?;
    frame(gr, -4.0, 4.0, -4.0, 4.0, 0.4)?;
    gr.setviewport(0.83, 0.86, 0.09375, 0.69375)?;
    gr.setzrange(0.0, max as f64)?;
    gr.colorbar()
}

/// Quiver plot of the gradient of peaks on top of its contour lines.
pub fn quiver(gr: &mut Gr) -> Result<()> {
    let x = linspace(-2.0, 2.0, 25);
    let z = grid_values(&x, &x, peaks);
    let (u, v) =
        crate::algorithms::gradient(&x, &x, &z).map_err(|e| crate::Error::InvalidArgument {
            func: "gradient",
            msg: e.to_string(),
        })?;
    let xf = linspace(-2.0, 2.0, 81);
    let zf = grid_values(&xf, &xf, peaks);
    gr.setviewport(0.125, 0.825, 0.09375, 0.69375)?;
    gr.setwindow(-2.0, 2.0, -2.0, 2.0)?;
    gr.setcolormap(144)?;
    gr.setlinecolorind(88)?;
    gr.contour(&xf, &xf, &[], &zf, 0)?;
    gr.setlinecolorind(1)?;
    gr.quiver(&x, &x, &u, &v, true)?;
    frame(gr, -2.0, 2.0, -2.0, 2.0, 0.2)
}

/// Two million points shaded through an equalized histogram onto the inferno colormap.
pub fn shade(gr: &mut Gr) -> Result<()> {
    let (mut x, mut y) = normal_cloud(1_000_000, 7);
    let (x2, y2) = normal_cloud(1_000_000, 11);
    x.extend(x2.iter().map(|v| 0.5 * v + 2.0));
    y.extend(y2.iter().map(|v| 0.3 * v - 1.5));
    // 480×360 px of the page: one raster cell per device pixel.
    gr.setviewport(0.1, 0.9, 0.1, 0.7)?;
    gr.setwindow(-4.0, 4.0, -3.0, 3.0)?;
    gr.setcolormap(145)?;
    gr.shadepoints(&x, &y, 5, 480, 360)?;
    frame(gr, -4.0, 4.0, -3.0, 3.0, 0.4)
}

/// The 18 arrow styles in three columns.
pub fn arrows(gr: &mut Gr) -> Result<()> {
    gr.setviewport(0.0, 1.0, 0.0, 0.75)?;
    gr.setwindow(0.0, 3.0, 0.0, 6.5)?;
    gr.setcharheight(0.016)?;
    gr.settextalign(1, 3)?;
    gr.setlinewidth(1.5)?;
    gr.setarrowsize(1.5)?;
    for style in 1..=18 {
        let col = ((style - 1) / 6) as f64;
        let row = ((style - 1) % 6) as f64;
        let y = 6.0 - row;
        gr.setarrowstyle(style)?;
        gr.drawarrow(col + 0.1, y, col + 0.75, y)?;
        let (tx, ty) = gr.wctondc(col + 0.8, y);
        gr.text(tx, ty, &style.to_string())?;
    }
    Ok(())
}

/// A heat map with uneven cell edges (geometric in x on a log axis, quadratic in y), drawn
/// by resampling once to the device raster.
pub fn nonuniform_heatmap(gr: &mut Gr) -> Result<()> {
    let (nx, ny) = (200usize, 150usize);
    let xe: Vec<f64> = (0..=nx)
        .map(|i| 10f64.powf(3.0 * i as f64 / nx as f64))
        .collect();
    let ye: Vec<f64> = (0..=ny)
        .map(|j| (j as f64 / ny as f64).powi(2) * 4.0)
        .collect();
    let mut z = Vec::with_capacity(nx * ny);
    for j in 0..ny {
        for i in 0..nx {
            let (x, y) = ((xe[i] * xe[i + 1]).sqrt(), 0.5 * (ye[j] + ye[j + 1]));
            z.push((x.log10() * 2.5).sin() * (y * 1.8).cos() + 0.2 * y);
        }
    }
    let (zmin, zmax) = z
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
    let ci: Vec<i32> = z
        .iter()
        .map(|v| 1000 + ((v - zmin) / (zmax - zmin) * 255.0).round() as i32)
        .collect();
    gr.setviewport(0.125, 0.825, 0.09375, 0.69375)?;
    gr.setwindow(1.0, 1000.0, 0.0, 4.0)?;
    gr.setscale(X_LOG)?;
    gr.setcolormap(141)?;
    gr.nonuniformcellarray(&xe, &ye, nx, ny, &ci)?;
    gr.setcharheight(0.018)?;
    gr.axes(10.0, 0.2, 1.0, 0.0, 1, 5, -0.0075)?;
    gr.axes(10.0, 0.2, 1000.0, 4.0, -1, -5, 0.0075)?;
    gr.setscale(0)?;
    gr.setviewport(0.845, 0.875, 0.09375, 0.69375)?;
    gr.setzrange(zmin, zmax)?;
    gr.colorbar()
}

/// Contour lines of scattered samples: 600 uniform random points of peaks.
pub fn tricontour(gr: &mut Gr) -> Result<()> {
    let mut g = Normal(5);
    let (x, y): (Vec<f64>, Vec<f64>) = (0..600)
        .map(|_| (4.0 * g.uniform() - 2.0, 4.0 * g.uniform() - 2.0))
        .unzip();
    let z: Vec<f64> = x.iter().zip(&y).map(|(&a, &b)| peaks(a, b)).collect();
    gr.setviewport(0.125, 0.925, 0.09375, 0.69375)?;
    gr.setwindow(-2.0, 2.0, -2.0, 2.0)?;
    gr.setcolormap(44)?;
    gr.setmarkertype(1)?;
    gr.setmarkercolorind(84)?;
    gr.polymarker(&x, &y)?;
    let levels: Vec<f64> = (0..17).map(|k| -0.6 + 0.1 * k as f64).collect();
    gr.setlinewidth(1.5)?;
    gr.tricontour(&x, &y, &z, &levels)?;
    gr.setlinewidth(1.0)?;
    frame(gr, -2.0, 2.0, -2.0, 2.0, 0.2)
}

/// GR's mathtex picture: five formulas, anchored left/base (red crosses) and centre/cap.
pub fn mathtex(gr: &mut Gr) -> Result<()> {
    let formulas = [
        r"\ddot\theta + \frac{\gamma}{m}\dot\theta + \frac{g}{l}\sin\theta = 0",
        r"\sum_{i=1}^{n} x_i^2",
        r"\sqrt[3]{\frac{a}{b}}",
        r"\left(\frac{x}{y}\right)^2",
        r"\int_0^\infty e^{-x^2}dx = \frac{\sqrt{\pi}}{2}",
    ];
    gr.setmarkertype(2)?;
    gr.setmarkercolorind(2)?;
    gr.setlinecolorind(88)?;
    gr.selntran(0)?;
    for (k, f) in formulas.iter().enumerate() {
        let y = 0.66 - 0.14 * k as f64;
        gr.polyline(&[0.0, 1.0], &[y, y])?;
        gr.settextalign(1, 4)?;
        gr.mathtex(0.03, y, f)?;
        gr.polymarker(&[0.03], &[y])?;
        if k > 0 {
            gr.settextalign(2, 3)?;
            gr.mathtex(0.78, y, f)?;
            gr.polymarker(&[0.78], &[y])?;
        }
    }
    gr.selntran(1)
}

/// A damped pendulum's angle over time, with inline math in the title and labels.
pub fn inline_math(gr: &mut Gr) -> Result<()> {
    let t = linspace(0.0, 20.0, 400);
    let (gamma, omega) = (0.15, 2.0);
    let theta: Vec<f64> = t
        .iter()
        .map(|t| 0.8 * (-gamma * t).exp() * (omega * t).cos())
        .collect();
    gr.setviewport(0.15, 0.95, 0.12, 0.63)?;
    gr.setwindow(0.0, 20.0, -1.0, 1.0)?;
    gr.setcharheight(0.022)?;
    gr.grid(1.0, 0.1, 0.0, 0.0, 5, 5)?;
    gr.axes(1.0, 0.1, 0.0, -1.0, 5, 5, 0.0075)?;
    gr.setlinecolorind(4)?;
    gr.setlinewidth(2.0)?;
    gr.polyline(&t, &theta)?;
    gr.setlinecolorind(2)?;
    gr.setlinetype(2)?;
    gr.setlinewidth(1.0)?;
    let env: Vec<f64> = t.iter().map(|t| 0.8 * (-gamma * t).exp()).collect();
    gr.polyline(&t, &env)?;
    gr.setlinetype(1)?;
    gr.settextalign(2, 1)?;
    gr.text(
        0.55,
        0.73,
        r"$\ddot\theta + \frac{\gamma}{m}\dot\theta + \frac{g}{l}\sin\theta = 0$",
    )?;
    gr.text(0.55, 0.06, "time $t$ in s")?;
    gr.settextalign(1, 3)?;
    gr.text(0.6, 0.55, r"envelope $0.8\,e^{-\gamma t}$")?;
    gr.setcharup(-1.0, 0.0)?;
    gr.settextalign(2, 5)?;
    gr.text(0.05, 0.375, r"angle $\theta(t)$ in rad")?;
    gr.setcharup(0.0, 1.0)?;
    Ok(())
}
