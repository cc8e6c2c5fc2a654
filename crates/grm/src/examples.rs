//! One finished example figure per implemented kind, with realistic deterministic data.

use crate::figure::Figure;
use crate::kinds::Kind;
use crate::plot::Series;

/// `n` values evenly spaced from `a` to `b`.
pub(crate) fn linspace(a: f64, b: f64, n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| a + (b - a) * i as f64 / (n.max(2) - 1) as f64)
        .collect()
}

fn line() -> Figure {
    let mut fig = Figure::new();
    let p = fig.subplot(1, 1, 1);
    p.kind = Kind::Line;
    let t = linspace(0.0, 10.0, 200);
    let damped: Vec<f64> = t
        .iter()
        .map(|t| (-0.2 * t).exp() * (2.0 * t).cos())
        .collect();
    let env: Vec<f64> = t.iter().map(|t| (-0.2 * t).exp()).collect();
    p.title = Some("Damped oscillation".into());
    p.x_label = Some("time $t$ in s".into());
    p.y_label = Some(r"amplitude $x(t)$".into());
    p.add(Series::xy(t.clone(), damped).label(r"$e^{-0.2t}\cos 2t$"));
    p.add(Series::xy(t, env).spec("--").label("envelope"));
    fig
}

fn scatter() -> Figure {
    let mut fig = Figure::new();
    let p = fig.subplot(1, 1, 1);
    p.kind = Kind::Scatter;
    // A golden-angle spiral: deterministic and evenly spread.
    let n = 150;
    let (mut x, mut y, mut c, mut s) = (vec![], vec![], vec![], vec![]);
    for i in 0..n {
        let r = (i as f64 / n as f64).sqrt() * 10.0;
        let a = i as f64 * 2.399_963;
        x.push(r * a.cos());
        y.push(r * a.sin());
        c.push(r);
        s.push(60.0 + 140.0 * (i % 7) as f64 / 6.0);
    }
    p.title = Some("Sunflower seeds".into());
    p.x_label = Some("x in mm".into());
    p.y_label = Some("y in mm".into());
    p.z_label = Some("radius".into());
    p.keep_aspect_ratio = true;
    p.add(Series::xy(x, y).c(c).s(s));
    fig
}

/// A small deterministic generator (64-bit LCG, Box–Muller normals).
pub(crate) struct Rng(pub u64);

impl Rng {
    pub(crate) fn uniform(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
    pub(crate) fn normal(&mut self) -> f64 {
        let (u, v) = (self.uniform(), self.uniform());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

/// GR's peaks function.
pub(crate) fn peaks(x: f64, y: f64) -> f64 {
    3.0 * (1.0 - x).powi(2) * (-x * x - (y + 1.0).powi(2)).exp()
        - 10.0 * (x / 5.0 - x.powi(3) - y.powi(5)) * (-x * x - y * y).exp()
        - (-(x + 1.0).powi(2) - y * y).exp() / 3.0
}

/// z over the grid x × y, x fastest.
pub(crate) fn grid(x: &[f64], y: &[f64], f: impl Fn(f64, f64) -> f64) -> Vec<f64> {
    let mut z = Vec::with_capacity(x.len() * y.len());
    for &b in y {
        z.extend(x.iter().map(|&a| f(a, b)));
    }
    z
}

fn single(kind: Kind, title: &str, x_label: &str, y_label: &str) -> Figure {
    let mut fig = Figure::new();
    let p = fig.subplot(1, 1, 1);
    p.kind = kind;
    p.title = Some(title.into());
    p.x_label = Some(x_label.into());
    p.y_label = Some(y_label.into());
    fig
}

fn stairs() -> Figure {
    let mut fig = single(Kind::Stairs, "Daily rainfall", "day", "rain in mm");
    let p = fig.plot();
    let x: Vec<f64> = (1..=14).map(f64::from).collect();
    let y = vec![
        2.0, 0.0, 5.5, 12.0, 3.0, 0.5, 0.0, 0.0, 7.0, 9.5, 4.0, 1.0, 0.0, 2.5,
    ];
    p.step_where = crate::plot::StepWhere::Mid;
    p.add(Series::xy(x, y).label("station A"));
    fig
}

fn stem() -> Figure {
    let mut fig = single(Kind::Stem, "Impulse response", "sample $n$", "$h[n]$");
    let x: Vec<f64> = (0..30).map(f64::from).collect();
    let y: Vec<f64> = x
        .iter()
        .map(|n| 0.85f64.powf(*n) * (0.6 * n).cos())
        .collect();
    fig.plot().add(Series::xy(x, y));
    fig
}

fn barplot() -> Figure {
    let mut fig = single(Kind::Barplot, "Sales per quarter", "quarter", "units");
    let p = fig.plot();
    let x = vec![1.0, 2.0, 3.0, 4.0];
    p.add(Series::xy(x.clone(), vec![120.0, 135.0, 160.0, 150.0]).label("2023"));
    p.add(Series::xy(x.clone(), vec![130.0, 150.0, 155.0, 175.0]).label("2024"));
    p.add(Series::xy(x, vec![140.0, 170.0, 180.0, 190.0]).label("2025"));
    p.location = crate::plot::Location::UpperLeft;
    fig
}

fn histogram() -> Figure {
    let mut fig = single(
        Kind::Histogram,
        "Heights of 2,000 adults",
        "height in cm",
        "count",
    );
    let p = fig.plot();
    let mut g = Rng(42);
    let x: Vec<f64> = (0..2000).map(|_| 172.0 + 9.0 * g.normal()).collect();
    p.bins = Some(30);
    p.add(Series {
        x: Some(x),
        ..Default::default()
    });
    fig
}

fn heatmap() -> Figure {
    let mut fig = single(
        Kind::Heatmap,
        "Temperature anomaly",
        "longitude",
        "latitude",
    );
    let p = fig.plot();
    let x = linspace(-180.0, 180.0, 72);
    let y = linspace(-90.0, 90.0, 36);
    let z = grid(&x, &y, |lo, la| {
        (lo.to_radians() * 2.0).sin() * (la.to_radians()).cos() * 2.0 + la / 60.0
    });
    p.z_label = Some("K".into());
    p.colormap = crate::plot::Colormap::Name("coolwarm".into());
    p.add(Series::xyz(x, y, z));
    fig
}

fn contour(kind: Kind, title: &str) -> Figure {
    let mut fig = single(kind, title, "x", "y");
    let p = fig.plot();
    let x = linspace(-3.0, 3.0, 80);
    let y = linspace(-3.0, 3.0, 60);
    let z = grid(&x, &y, peaks);
    p.levels = 16;
    p.add(Series::xyz(x, y, z));
    fig
}

fn tricontour() -> Figure {
    let mut fig = single(
        Kind::Tricontour,
        "Contours of 400 scattered samples",
        "x",
        "y",
    );
    let p = fig.plot();
    let mut g = Rng(7);
    let (x, y): (Vec<f64>, Vec<f64>) = (0..400)
        .map(|_| (6.0 * g.uniform() - 3.0, 6.0 * g.uniform() - 3.0))
        .unzip();
    let z: Vec<f64> = x.iter().zip(&y).map(|(&a, &b)| peaks(a, b)).collect();
    p.levels = 12;
    p.add(Series::xyz(x, y, z));
    fig
}

fn hexbin() -> Figure {
    let mut fig = single(Kind::Hexbin, "100,000 correlated samples", "x", "y");
    let p = fig.plot();
    let mut g = Rng(1);
    let (x, y): (Vec<f64>, Vec<f64>) = (0..100_000)
        .map(|_| {
            let (a, b) = (g.normal(), g.normal());
            (a, 0.6 * a + 0.8 * b)
        })
        .unzip();
    p.bins = Some(30);
    p.z_label = Some("count".into());
    p.add(Series::xy(x, y));
    fig
}

fn shade() -> Figure {
    let mut fig = single(Kind::Shade, "Density of 500,000 points", "x", "y");
    let p = fig.plot();
    let mut g = Rng(11);
    let (x, y): (Vec<f64>, Vec<f64>) = (0..500_000)
        .map(|i| {
            let (a, b) = (g.normal(), g.normal());
            if i % 3 == 0 {
                (0.5 * a + 2.0, 0.3 * b - 1.5)
            } else {
                (a, 0.6 * a + 0.8 * b)
            }
        })
        .unzip();
    p.colormap = crate::plot::Colormap::Name("inferno".into());
    p.add(Series::xy(x, y));
    fig
}

fn quiver() -> Figure {
    let mut fig = single(Kind::Quiver, "Gradient of peaks", "x", "y");
    let p = fig.plot();
    let x = linspace(-3.0, 3.0, 25);
    let y = linspace(-3.0, 3.0, 25);
    let h = 1e-4;
    let u = grid(&x, &y, |a, b| {
        (peaks(a + h, b) - peaks(a - h, b)) / (2.0 * h)
    });
    let v = grid(&x, &y, |a, b| {
        (peaks(a, b + h) - peaks(a, b - h)) / (2.0 * h)
    });
    p.keep_aspect_ratio = true;
    p.z_label = Some("$|\\nabla z|$".into());
    p.add(Series {
        x: Some(x),
        y: Some(y),
        u: Some(u),
        v: Some(v),
        ..Default::default()
    });
    fig
}

/// A 3d orbital-like field on 48³ points: |ψ|² of a hydrogen 3d_z² orbital shape,
/// `(3 cos²θ − 1)² r⁴ e^{−2r/3}` (arbitrary units, x fastest).
fn orbital(n: usize) -> Vec<f64> {
    let c = |i: usize| 24.0 * (i as f64 / (n - 1) as f64 - 0.5);
    let mut v = Vec::with_capacity(n * n * n);
    for z in 0..n {
        for y in 0..n {
            for x in 0..n {
                let (px, py, pz) = (c(x), c(y), c(z));
                let r2 = px * px + py * py + pz * pz;
                let r = r2.sqrt();
                let ang = if r2 > 0.0 {
                    3.0 * pz * pz / r2 - 1.0
                } else {
                    0.0
                };
                v.push(ang * ang * r2 * r2 * (-2.0 * r / 3.0).exp() / 1000.0);
            }
        }
    }
    v
}

fn volume_figure(kind: Kind) -> Figure {
    let n = 48;
    let mut fig = Figure::new();
    let p = fig.plot();
    p.kind = kind;
    p.add(Series {
        c: Some(orbital(n)),
        dims: Some([n, n, n]),
        ..Default::default()
    });
    match kind {
        Kind::Isosurface => {
            p.title = Some("Isosurface of a $3d_{z^2}$ orbital density".into());
            p.isovalue = Some(0.01);
        }
        _ => {
            p.title = Some("Volume rendering (emission) of the same density".into());
            p.colormap = crate::plot::Colormap::Name("inferno".into());
        }
    }
    fig
}

fn nonuniform_heatmap() -> Figure {
    let mut fig = single(
        Kind::NonuniformHeatmap,
        "Spectrogram on a log frequency axis",
        "frequency in Hz",
        "time in s",
    );
    let p = fig.plot();
    let xe: Vec<f64> = (0..=60)
        .map(|i| 10f64.powf(1.0 + 3.0 * i as f64 / 60.0))
        .collect();
    let ye: Vec<f64> = (0..=40).map(|j| (j as f64 / 40.0).powi(2) * 8.0).collect();
    let mut z = Vec::new();
    for j in 0..40 {
        for i in 0..60 {
            let f = (xe[i] * xe[i + 1]).sqrt().log10();
            let t = 0.5 * (ye[j] + ye[j + 1]);
            z.push(-((f - 2.0 - 0.2 * t).powi(2) * 8.0) + 0.3 * (t * 2.0).sin());
        }
    }
    p.x_log = true;
    p.z_label = Some("dB".into());
    p.colormap = crate::plot::Colormap::Name("magma".into());
    p.add(Series::xyz(xe, ye, z));
    fig
}

fn surface(kind: Kind, title: &str, n: usize) -> Figure {
    let mut fig = single(kind, title, "x", "y");
    let p = fig.plot();
    let x = linspace(-3.0, 3.0, n);
    let y = linspace(-3.0, 3.0, n);
    let z = grid(&x, &y, peaks);
    p.z_label = Some("z".into());
    p.add(Series::xyz(x, y, z));
    fig
}

fn trisurface() -> Figure {
    let mut fig = single(Kind::Trisurface, "Triangulated samples of peaks", "x", "y");
    let p = fig.plot();
    let mut g = Rng(3);
    let (x, y): (Vec<f64>, Vec<f64>) = (0..300)
        .map(|_| (6.0 * g.uniform() - 3.0, 6.0 * g.uniform() - 3.0))
        .unzip();
    let z: Vec<f64> = x.iter().zip(&y).map(|(&a, &b)| peaks(a, b)).collect();
    p.z_label = Some("z".into());
    p.add(Series::xyz(x, y, z));
    fig
}

fn line3() -> Figure {
    let mut fig = single(Kind::Line3, "Helix", "x", "y");
    let p = fig.plot();
    let t = linspace(0.0, 6.0 * std::f64::consts::PI, 400);
    let x: Vec<f64> = t.iter().map(|t| t.cos()).collect();
    let y: Vec<f64> = t.iter().map(|t| t.sin()).collect();
    p.z_label = Some("t".into());
    p.add(Series::xyz(x, y, t));
    fig
}

fn scatter3() -> Figure {
    let mut fig = single(Kind::Scatter3, "Two clusters", "x", "y");
    let p = fig.plot();
    let mut g = Rng(5);
    let (mut x, mut y, mut z, mut c) = (vec![], vec![], vec![], vec![]);
    for i in 0..300 {
        let m = if i % 2 == 0 { 1.5 } else { -1.5 };
        x.push(m + 0.6 * g.normal());
        y.push(m + 0.6 * g.normal());
        z.push(m + 0.6 * g.normal());
        c.push(z[i]);
    }
    p.z_label = Some("z".into());
    p.add(Series::xyz(x, y, z).c(c));
    fig
}

fn polar_line() -> Figure {
    let mut fig = Figure::new();
    let p = fig.plot();
    p.kind = Kind::PolarLine;
    p.title = Some("Rose $r = 1.2 + 0.6\\cos 5\\varphi$".into());
    let phi = linspace(0.0, std::f64::consts::TAU, 721);
    let r: Vec<f64> = phi.iter().map(|p| 1.2 + 0.6 * (5.0 * p).cos()).collect();
    p.add(Series::xy(phi.clone(), r).label("rose"));
    let c: Vec<f64> = phi.iter().map(|_| 1.0).collect();
    p.add(Series::xy(phi, c).spec("--").label("unit circle"));
    fig
}

fn polar_scatter() -> Figure {
    let mut fig = Figure::new();
    let p = fig.plot();
    p.kind = Kind::PolarScatter;
    p.title = Some("Wind measurements".into());
    let mut g = Rng(9);
    let (phi, r): (Vec<f64>, Vec<f64>) = (0..120)
        .map(|_| (1.2 + 0.5 * g.normal(), (6.0 + 2.0 * g.normal()).abs()))
        .unzip();
    p.add(Series::xy(phi, r));
    fig
}

fn polar_histogram() -> Figure {
    let mut fig = Figure::new();
    let p = fig.plot();
    p.kind = Kind::PolarHistogram;
    p.title = Some("Wind directions".into());
    let mut g = Rng(21);
    let phi: Vec<f64> = (0..2000)
        .map(|i| {
            if i % 3 == 0 {
                4.0 + 0.4 * g.normal()
            } else {
                0.8 + 0.6 * g.normal()
            }
        })
        .collect();
    p.bins = Some(24);
    p.add(Series {
        x: Some(phi),
        ..Default::default()
    });
    fig
}

fn polar_heatmap() -> Figure {
    let mut fig = Figure::new();
    let p = fig.plot();
    p.kind = Kind::PolarHeatmap;
    p.title = Some("Antenna gain".into());
    let phi = linspace(0.0, std::f64::consts::TAU, 181);
    let r = linspace(0.0, 2.0, 41);
    let mut z = Vec::new();
    for j in 0..40 {
        let rr = 0.5 * (r[j] + r[j + 1]);
        for i in 0..180 {
            let a = 0.5 * (phi[i] + phi[i + 1]);
            z.push(
                (3.0 * a).cos() * (std::f64::consts::PI * rr / 2.0).sin() * rr
                    + 0.5 * rr * (a - 1.0).sin(),
            );
        }
    }
    p.add(Series::xyz(phi, r, z));
    fig
}

fn pie() -> Figure {
    let mut fig = Figure::new();
    let p = fig.plot();
    p.kind = Kind::Pie;
    p.title = Some("Electricity mix".into());
    let mut s = Series {
        x: Some(vec![34.0, 22.0, 18.0, 12.0, 9.0, 5.0]),
        ..Default::default()
    };
    s.labels = Some(
        ["wind", "solar", "gas", "coal", "hydro", "other"]
            .iter()
            .map(|l| l.to_string())
            .collect(),
    );
    p.add(s);
    fig
}

fn imshow() -> Figure {
    let mut fig = Figure::new();
    let p = fig.plot();
    p.kind = Kind::Imshow;
    p.title = Some("Interference pattern".into());
    p.colormap = crate::plot::Colormap::Name("grayscale".into());
    let n = 160;
    let rows: Vec<Vec<f64>> = (0..120)
        .map(|j| {
            (0..n)
                .map(|i| {
                    let (x, y) = (i as f64 - 50.0, j as f64 - 60.0);
                    let (x2, y2) = (i as f64 - 110.0, j as f64 - 60.0);
                    ((x * x + y * y).sqrt() * 0.4).cos() + ((x2 * x2 + y2 * y2).sqrt() * 0.4).cos()
                })
                .collect()
        })
        .collect();
    p.add(Series::grid(rows));
    fig
}

fn marginal_heatmap() -> Figure {
    let mut fig = single(
        Kind::MarginalHeatmap,
        "Joint distribution with marginals",
        "x",
        "y",
    );
    let p = fig.plot();
    let x = linspace(-3.0, 3.0, 40);
    let y = linspace(-3.0, 3.0, 40);
    let z = grid(&x, &y, |a, b| {
        (-(a * a + b * b - 1.2 * a * b) / 1.5).exp()
            + 0.5 * (-((a - 1.8).powi(2) + (b + 1.5).powi(2)) * 2.0).exp()
    });
    p.z_label = Some("density".into());
    p.add(Series::xyz(x, y, z));
    fig
}

/// Example figures, one per implemented kind: `(kind name, figure)`.
pub fn examples() -> Vec<(&'static str, Figure)> {
    vec![
        ("line", line()),
        ("scatter", scatter()),
        ("stairs", stairs()),
        ("stem", stem()),
        ("barplot", barplot()),
        ("histogram", histogram()),
        ("pie", pie()),
        ("heatmap", heatmap()),
        ("imshow", imshow()),
        ("contour", contour(Kind::Contour, "Contour lines of peaks")),
        (
            "contourf",
            contour(Kind::Contourf, "Filled contours of peaks"),
        ),
        ("tricontour", tricontour()),
        ("hexbin", hexbin()),
        ("shade", shade()),
        ("quiver", quiver()),
        ("nonuniform_heatmap", nonuniform_heatmap()),
        ("marginal_heatmap", marginal_heatmap()),
        ("surface", surface(Kind::Surface, "Surface of peaks", 40)),
        (
            "wireframe",
            surface(Kind::Wireframe, "Wireframe of peaks", 30),
        ),
        ("trisurface", trisurface()),
        ("line3", line3()),
        ("scatter3", scatter3()),
        ("polar_line", polar_line()),
        ("polar_scatter", polar_scatter()),
        ("polar_histogram", polar_histogram()),
        ("polar_heatmap", polar_heatmap()),
        ("isosurface", volume_figure(Kind::Isosurface)),
        ("volume", volume_figure(Kind::Volume)),
    ]
}
