//! The workloads W1–W8 of the performance model (design §6), each a whole figure drawn
//! with `gr` and written to a file, on an 800×600 page.
//!
//! The plots copy matplotlib's defaults where it matters for the work done: the plot box
//! is matplotlib's subplot box (figure fractions 0.125..0.9 × 0.11..0.88), data limits get
//! 5 % margins, lines are about 1.2 px wide, markers 7 px across, and every figure has
//! labelled axes with a frame on all four sides.

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use gr::Gr;

use crate::data::{self, Frames, Grid, Series};

/// Errors of a workload run (from `gr`, `gks` or the file system).
pub type BoxError = Box<dyn Error + Send + Sync>;

/// Page width in device pixels (8 in at 100 dpi, as matplotlib's figure).
pub const WIDTH: f64 = 800.0;
/// Page height in device pixels (6 in at 100 dpi).
pub const HEIGHT: f64 = 600.0;

/// matplotlib's default subplot box on the 800×600 page, in NDC (`y` spans 0..0.75).
const PLOT_BOX: [f64; 4] = [0.125, 0.9, 0.11 * 0.75, 0.88 * 0.75];
/// The heatmap's box when a colorbar takes the right part, as `fig.colorbar` does.
const HEATMAP_BOX: [f64; 4] = [0.125, 0.74, 0.11 * 0.75, 0.88 * 0.75];
/// The colorbar's box.
const COLORBAR_BOX: [f64; 4] = [0.78, 0.81, 0.11 * 0.75, 0.88 * 0.75];
/// Minor tick length in NDC (major ticks are twice as long).
const TICK_SIZE: f64 = 0.0075;
/// Cap height of labels in NDC: about 10 px on the 800 px wide page, as matplotlib's
/// default 10 pt DejaVu Sans at 100 dpi.
const CHAR_HEIGHT: f64 = 0.0125;
/// GR's colormap number of viridis (matplotlib's default) with its 256 colours
/// 1000..=1255 as the active range (`44 + 100`).
const VIRIDIS_256: i32 = 144;
/// GR's colour index of blue (data lines and markers).
const BLUE: i32 = 4;
/// GR's colour index of black (axes and text).
const BLACK: i32 = 1;

/// One benchmark workload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Workload {
    /// Line of 1,000,000 points with axes to PNG.
    #[value(name = "W1")]
    W1,
    /// 100,000 markers with axes to PNG.
    #[value(name = "W2")]
    W2,
    /// 1000×1000 heatmap with colorbar to PNG.
    #[value(name = "W3")]
    W3,
    /// contourf of 500×500, 20 levels, to PNG.
    #[value(name = "W4")]
    W4,
    /// 3D surface of 200×200 with a colormap to PNG.
    #[value(name = "W5")]
    W5,
    /// Isosurface (marching cubes) of a 128³ field.
    #[value(name = "W6")]
    W6,
    /// The same isosurface with the field sampled on 256³ points.
    #[value(name = "W6-256")]
    W6_256,
    /// 200 frames of a damped-oscillation animation (500-point line plus text) to PNG files.
    #[value(name = "W7")]
    W7,
    /// W1 to SVG.
    #[value(name = "W8-svg")]
    W8Svg,
    /// W1 to PDF.
    #[value(name = "W8-pdf")]
    W8Pdf,
}

/// The data a workload draws, generated before timing starts.
#[derive(Debug, Clone)]
pub enum Input {
    /// A line or a point cloud.
    Series(Series),
    /// A grid of values.
    Grid(Grid),
    /// Animation frames.
    Frames(Frames),
    /// A cubic volume, x fastest (side given by [`Workload::volume_side`]).
    Volume(Vec<f64>),
}

/// What one run of a workload produced.
#[derive(Debug, Clone, Default)]
pub struct RunOutput {
    /// Files written (none for the marching-cubes workloads).
    pub files: Vec<PathBuf>,
    /// Triangles of the isosurface, for the marching-cubes workloads.
    pub triangles: Option<usize>,
}

impl From<Vec<PathBuf>> for RunOutput {
    fn from(files: Vec<PathBuf>) -> Self {
        RunOutput {
            files,
            triangles: None,
        }
    }
}

impl Workload {
    /// Every workload, in report order.
    pub const ALL: [Workload; 10] = [
        Workload::W1,
        Workload::W2,
        Workload::W3,
        Workload::W4,
        Workload::W5,
        Workload::W6,
        Workload::W6_256,
        Workload::W7,
        Workload::W8Svg,
        Workload::W8Pdf,
    ];

    /// The name used on the command line and in reports (`W1`, `W8-svg`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Workload::W1 => "W1",
            Workload::W2 => "W2",
            Workload::W3 => "W3",
            Workload::W4 => "W4",
            Workload::W5 => "W5",
            Workload::W6 => "W6",
            Workload::W6_256 => "W6-256",
            Workload::W7 => "W7",
            Workload::W8Svg => "W8-svg",
            Workload::W8Pdf => "W8-pdf",
        }
    }

    /// One line saying what is drawn.
    pub fn description(self) -> &'static str {
        match self {
            Workload::W1 => "line of 1,000,000 points with axes, 800x600 PNG",
            Workload::W2 => "scatter of 100,000 markers with axes, 800x600 PNG",
            Workload::W3 => "heatmap 1000x1000 with colorbar and axes, 800x600 PNG",
            Workload::W4 => "contourf of 500x500, 20 levels, with colorbar and axes, 800x600 PNG",
            Workload::W5 => "3D surface of 200x200 with colormap, 3D axes and grids, 800x600 PNG",
            Workload::W6 => "isosurface of a 128^3 field (marching cubes)",
            Workload::W6_256 => "isosurface of a 256^3 field (marching cubes)",
            Workload::W7 => "200 animation frames (500-point line plus text), 800x600 PNG files",
            Workload::W8Svg => "W1 to SVG",
            Workload::W8Pdf => "W1 to PDF",
        }
    }

    /// Whether the project has what this workload needs (all of them do now; W6 uses
    /// `gr3`'s marching cubes).
    pub fn implemented(self) -> bool {
        true
    }

    /// Points per side of the volume, for the marching-cubes workloads.
    pub fn volume_side(self) -> Option<usize> {
        match self {
            Workload::W6 => Some(data::VOLUME_SIDE),
            Workload::W6_256 => Some(data::VOLUME_SIDE_256),
            _ => None,
        }
    }

    /// Frames written per run (for frames per second), if this is an animation.
    pub fn frames(self) -> Option<usize> {
        (self == Workload::W7).then_some(data::FRAMES)
    }

    /// Generates the input data (untimed); `None` for workloads not implemented (their
    /// data is still written by `--write-data` for the comparison). `points` cuts the line
    /// of W1/W8 to that many points (W1's cost curve); other workloads ignore it.
    pub fn prepare_points(self, points: Option<usize>) -> Option<Input> {
        Some(match self {
            Workload::W1 | Workload::W8Svg | Workload::W8Pdf => {
                Input::Series(data::line_n(points.unwrap_or(data::LINE_POINTS)))
            }
            Workload::W2 => Input::Series(data::scatter()),
            Workload::W3 => Input::Grid(data::heatmap()),
            Workload::W4 => Input::Grid(data::contour()),
            Workload::W5 => Input::Grid(data::surface()),
            // C order [i][j][k] with k fastest is x fastest with x = k, z = i.
            Workload::W6 => Input::Volume(data::volume()),
            // Generated only when W6-256 runs: 128 MiB that must not count in the peak
            // memory of the other workloads.
            Workload::W6_256 => Input::Volume(data::volume_n(data::VOLUME_SIDE_256)),
            Workload::W7 => Input::Frames(data::frames()),
        })
    }

    /// Draws the whole figure from `input` and writes it into `dir`; returns the files
    /// (and, for the marching-cubes workloads, the triangle count).
    pub fn run(self, input: &Input, dir: &Path) -> Result<RunOutput, BoxError> {
        if !self.implemented() {
            return Err(format!("{} is not implemented", self.name()).into());
        }
        if let (Some(n), Input::Volume(v)) = (self.volume_side(), input) {
            return isosurface(self.name(), v, n);
        }
        let files = match (self, input) {
            (Workload::W1, Input::Series(s)) => line(s, &dir.join("w1.png")),
            (Workload::W8Svg, Input::Series(s)) => line(s, &dir.join("w8.svg")),
            (Workload::W8Pdf, Input::Series(s)) => line(s, &dir.join("w8.pdf")),
            (Workload::W2, Input::Series(s)) => scatter(s, &dir.join("w2.png")),
            (Workload::W3, Input::Grid(g)) => heatmap(g, &dir.join("w3.png")),
            (Workload::W4, Input::Grid(g)) => contourf(g, &dir.join("w4.png")),
            (Workload::W5, Input::Grid(g)) => surface(g, &dir.join("w5.png")),
            (Workload::W7, Input::Frames(f)) => animation(f, dir),
            _ => Err(format!("{}: input of the wrong kind", self.name()).into()),
        }?;
        Ok(files.into())
    }
}

/// W6 and W6-256: marching cubes alone on an `n³` volume over `[-1, 1]³` (the time
/// scikit-image's `marching_cubes` is compared with); no file is written.
fn isosurface(name: &str, volume: &[f64], n: usize) -> Result<RunOutput, BoxError> {
    if volume.len() != n * n * n {
        return Err(format!(
            "{name}: volume of {} values, expected {n}^3 = {}",
            volume.len(),
            n * n * n
        )
        .into());
    }
    let step = 2.0 / (n - 1) as f64;
    let mesh = gr3::isosurface::marching_cubes(
        volume,
        [n, n, n],
        [step; 3],
        [-1.0; 3],
        data::VOLUME_LEVEL,
    )?;
    if mesh.is_empty() {
        return Err(format!("{name}: empty isosurface").into());
    }
    Ok(RunOutput {
        files: Vec::new(),
        triangles: Some(mesh.triangle_count()),
    })
}

/// A context with an 800×600 page.
fn page() -> Result<Gr, BoxError> {
    let mut gr = Gr::new();
    gr.gks_mut().set_size_px(WIDTH, HEIGHT)?;
    Ok(gr)
}

/// Minimum and maximum of the finite values (`(0, 1)` if there are none).
fn finite_range(v: &[f64]) -> (f64, f64) {
    gr::scale::finite_range(v).unwrap_or((0.0, 1.0))
}

/// A range widened by 5 % on each side (matplotlib's autoscale margins); a single value
/// becomes a unit range around it.
fn with_margins((lo, hi): (f64, f64)) -> (f64, f64) {
    if hi > lo {
        let m = 0.05 * (hi - lo);
        (lo - m, hi + m)
    } else {
        (lo - 0.5, hi + 0.5)
    }
}

/// A major tick interval for a range (GR's `tick`), falling back to the whole range.
fn major_tick(lo: f64, hi: f64) -> f64 {
    gr::ticks::tick(lo, hi).unwrap_or((hi - lo).abs().max(f64::MIN_POSITIVE))
}

/// Sets the viewport and the window.
fn set_box(gr: &mut Gr, viewport: [f64; 4], window: [f64; 4]) -> Result<(), BoxError> {
    let [vx0, vx1, vy0, vy1] = viewport;
    let [x0, x1, y0, y1] = window;
    gr.setviewport(vx0, vx1, vy0, vy1)?;
    gr.setwindow(x0, x1, y0, y1)?;
    Ok(())
}

/// Sets viewport and window, then draws labelled axes at the lower left and unlabelled
/// ones at the upper right (a frame on all four sides), in black.
fn axes_box(gr: &mut Gr, viewport: [f64; 4], window: [f64; 4]) -> Result<(), BoxError> {
    set_box(gr, viewport, window)?;
    let [x0, x1, y0, y1] = window;
    gr.setlinecolorind(BLACK)?;
    gr.setlinewidth(1.0)?;
    gr.settextcolorind(BLACK)?;
    gr.setcharheight(CHAR_HEIGHT)?;
    let (xt, yt) = (major_tick(x0, x1) / 5.0, major_tick(y0, y1) / 5.0);
    gr.axes(xt, yt, x0, y0, 5, 5, TICK_SIZE)?;
    gr.axes(xt, yt, x1, y1, -5, -5, -TICK_SIZE)?;
    Ok(())
}

/// The window of a series with 5 % margins.
fn series_window(s: &Series) -> [f64; 4] {
    let (x0, x1) = with_margins(finite_range(&s.x));
    let (y0, y1) = with_margins(finite_range(&s.y));
    [x0, x1, y0, y1]
}

/// W1 and W8: the random walk as one polyline.
fn line(s: &Series, path: &Path) -> Result<Vec<PathBuf>, BoxError> {
    let mut gr = page()?;
    axes_box(&mut gr, PLOT_BOX, series_window(s))?;
    gr.setlinecolorind(BLUE)?;
    gr.polyline(&s.x, &s.y)?;
    Ok(gr.gks().save(path)?)
}

/// W2: solid circles, 7.2 px across (size 1 × GR's nominal 1.2 px × 6).
fn scatter(s: &Series, path: &Path) -> Result<Vec<PathBuf>, BoxError> {
    let mut gr = page()?;
    axes_box(&mut gr, PLOT_BOX, series_window(s))?;
    gr.setmarkertype(-1)?;
    gr.setmarkersize(1.0)?;
    gr.setmarkercolorind(BLUE)?;
    gr.polymarker(&s.x, &s.y)?;
    Ok(gr.gks().save(path)?)
}

/// The colour index of `v` in the 256-colour block 1000..=1255 for the range `lo..hi`
/// (nearest of the 256 steps; NaN and values out of range clamp to the ends).
fn block_index(v: f64, lo: f64, hi: f64) -> i32 {
    let scale = if hi > lo { 255.0 / (hi - lo) } else { 0.0 };
    // `as` saturates and maps NaN to 0; adding 0.5 before truncating rounds (cheaper than
    // `f64::round`, which is a libm call here).
    1000 + (((v - lo) * scale + 0.5) as i32).clamp(0, 255)
}

/// W3: the field as a cell array in viridis (row 0 at the bottom, as matplotlib's
/// `origin="lower"`), axes, and `gr`'s colorbar.
fn heatmap(g: &Grid, path: &Path) -> Result<Vec<PathBuf>, BoxError> {
    let mut gr = page()?;
    gr.setcolormap(VIRIDIS_256)?;
    let (zmin, zmax) = finite_range(&g.z);
    let colors: Vec<i32> = g.z.iter().map(|&v| block_index(v, zmin, zmax)).collect();
    let window = [g.lo, g.hi, g.lo, g.hi];
    set_box(&mut gr, HEATMAP_BOX, window)?;
    // ymin > ymax mirrors the raster: row 0 lands at the bottom.
    gr.cellarray(g.lo, g.hi, g.hi, g.lo, g.n, g.n, &colors)?;
    axes_box(&mut gr, HEATMAP_BOX, window)?;
    colorbar(&mut gr, zmin, zmax)?;
    Ok(gr.gks().save(path)?)
}

/// W4: `contourf` with 20 bands evenly spaced over the data range (no contour lines, as
/// matplotlib's `contourf`), axes and `gr`'s colorbar.
fn contourf(g: &Grid, path: &Path) -> Result<Vec<PathBuf>, BoxError> {
    let mut gr = page()?;
    gr.setcolormap(VIRIDIS_256)?;
    let (zmin, zmax) = finite_range(&g.z);
    // Band k is h[k] <= z < h[k+1] and the last one z >= h[19]: 20 bands up to zmax.
    let step = (zmax - zmin) / data::CONTOUR_LEVELS as f64;
    let levels: Vec<f64> = (0..data::CONTOUR_LEVELS)
        .map(|k| zmin + step * k as f64)
        .collect();
    let window = [g.lo, g.hi, g.lo, g.hi];
    set_box(&mut gr, HEATMAP_BOX, window)?;
    gr.contourf(&g.axis, &g.axis, &levels, &g.z, -1)?;
    axes_box(&mut gr, HEATMAP_BOX, window)?;
    colorbar(&mut gr, zmin, zmax)?;
    Ok(gr.gks().save(path)?)
}

/// The 3D view of `setspace` (rotation, tilt in degrees): tilt 30 is matplotlib's default
/// elevation of 30° above the xy plane.
const VIEW_3D: (f64, f64) = (30.0, 30.0);
/// The 3D plot's box: GR's surface pictures' viewport scaled to the 800×600 page.
const SURFACE_BOX: [f64; 4] = [0.21875, 0.81875, 0.09375, 0.69375];

/// W5: `surface` as a COLORED_MESH (option 4, every one of the 199×199 cells coloured by
/// its mean height in viridis), with 3D grids and axes in GR's classic view.
fn surface(g: &Grid, path: &Path) -> Result<Vec<PathBuf>, BoxError> {
    let mut gr = page()?;
    gr.setcolormap(VIRIDIS_256)?;
    let (zmin, zmax) = finite_range(&g.z);
    set_box(&mut gr, SURFACE_BOX, [g.lo, g.hi, g.lo, g.hi])?;
    gr.setspace(zmin, zmax, VIEW_3D.0, VIEW_3D.1)?;
    gr.setcharheight(CHAR_HEIGHT)?;
    let (xt, zt) = (major_tick(g.lo, g.hi) / 2.0, major_tick(zmin, zmax) / 2.0);
    gr.grid3d(xt, 0.0, zt, g.lo, g.hi, zmin, 2, 0, 2)?;
    gr.grid3d(0.0, xt, 0.0, g.lo, g.hi, zmin, 0, 2, 0)?;
    gr.surface(&g.axis, &g.axis, &g.z, 4)?;
    gr.axes3d(xt, 0.0, zt, g.lo, g.lo, zmin, 2, 0, 2, -TICK_SIZE)?;
    gr.axes3d(0.0, xt, 0.0, g.hi, g.lo, zmin, 0, 2, 0, TICK_SIZE)?;
    Ok(gr.gks().save(path)?)
}

/// `gr`'s colorbar for `zmin..zmax` in the colorbar box, with a frame.
fn colorbar(gr: &mut Gr, zmin: f64, zmax: f64) -> Result<(), BoxError> {
    set_box(gr, COLORBAR_BOX, [0.0, 1.0, zmin, zmax])?;
    gr.setzrange(zmin, zmax)?;
    gr.colorbar()?;
    gr.setlinecolorind(BLACK)?;
    gr.drawrect(0.0, 1.0, zmin, zmax)?;
    Ok(())
}

/// The W7 animation: one context for all frames, the fixed window and the label position.
struct Animation<'a> {
    gr: Gr,
    frames: &'a Frames,
    window: [f64; 4],
    label: (f64, f64),
}

impl<'a> Animation<'a> {
    fn new(frames: &'a Frames) -> Result<Self, BoxError> {
        let (x0, x1) = with_margins(finite_range(&frames.x));
        Ok(Animation {
            gr: page()?,
            frames,
            window: [x0, x1, -1.1, 1.1],
            label: (
                PLOT_BOX[0] + 0.05 * (PLOT_BOX[1] - PLOT_BOX[0]),
                PLOT_BOX[2] + 0.9 * (PLOT_BOX[3] - PLOT_BOX[2]),
            ),
        })
    }

    /// Clears the page and draws frame `k`: axes, the frame's line and its time label.
    fn draw(&mut self, k: usize) -> Result<(), BoxError> {
        let gr = &mut self.gr;
        gr.clearws();
        axes_box(gr, PLOT_BOX, self.window)?;
        gr.setlinecolorind(BLUE)?;
        gr.polyline(&self.frames.x, self.frames.frame(k))?;
        let t = self.frames.t[k];
        gr.text(self.label.0, self.label.1, &format!("t = {t:.2} s"))?;
        Ok(())
    }
}

/// W7: per frame the page is cleared, axes, the frame's line and a time label are drawn,
/// and the frame is written to its own PNG file (as a matplotlib loop of `set_data` +
/// `savefig` does).
fn animation(f: &Frames, dir: &Path) -> Result<Vec<PathBuf>, BoxError> {
    let mut anim = Animation::new(f)?;
    let mut files = Vec::with_capacity(f.t.len());
    for k in 0..f.t.len() {
        anim.draw(k)?;
        files.extend(anim.gr.gks().save(dir.join(format!("w7_{k:03}.png")))?);
    }
    Ok(files)
}

/// W7 without encoding: the same frames drawn and rendered into one reused 800×600 RGBA
/// buffer (what a live display or a movie encoder receives).
pub fn animation_render_only(f: &Frames) -> Result<(), BoxError> {
    let mut anim = Animation::new(f)?;
    let mut buffer = vec![0u8; WIDTH as usize * HEIGHT as usize * 4];
    for k in 0..f.t.len() {
        anim.draw(k)?;
        anim.gr.gks().render_into(&mut buffer)?;
    }
    Ok(())
}

/// Total size in bytes of `files` (missing files count 0).
pub fn total_size(files: &[PathBuf]) -> u64 {
    files
        .iter()
        .filter_map(|p| fs::metadata(p).ok())
        .map(|m| m.len())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_clap() {
        for w in Workload::ALL {
            assert_eq!(Workload::from_str(w.name(), true), Ok(w));
        }
        assert!(Workload::from_str("w8-SVG", true).is_ok());
        assert!(Workload::from_str("W9", true).is_err());
    }

    #[test]
    fn block_index_covers_the_block() {
        assert_eq!(block_index(0.0, 0.0, 1.0), 1000);
        assert_eq!(block_index(1.0, 0.0, 1.0), 1255);
        assert_eq!(block_index(5.0, 0.0, 1.0), 1255);
        assert_eq!(block_index(f64::NAN, 0.0, 1.0), 1000);
        assert_eq!(block_index(3.0, 3.0, 3.0), 1000);
    }

    #[test]
    fn margins_and_ranges() {
        assert_eq!(with_margins((0.0, 10.0)), (-0.5, 10.5));
        assert_eq!(with_margins((2.0, 2.0)), (1.5, 2.5));
        assert_eq!(finite_range(&[f64::NAN, 3.0, -1.0]), (-1.0, 3.0));
        assert_eq!(finite_range(&[]), (0.0, 1.0));
    }

    #[test]
    fn w6_extracts_the_bumpy_sphere() {
        let w = Workload::W6;
        let input = w.prepare_points(None).expect("W6 has data");
        let out = w.run(&input, &std::env::temp_dir()).unwrap();
        assert!(out.files.is_empty());
        assert!(out.triangles.unwrap() > 10_000, "{:?}", out.triangles);
    }

    #[test]
    fn w6_256_samples_the_field_on_256_cubed_points() {
        let w = Workload::W6_256;
        assert_eq!(w.volume_side(), Some(256));
        let Some(Input::Volume(v)) = w.prepare_points(None) else {
            panic!("W6-256 has a volume");
        };
        assert_eq!(v.len(), 256 * 256 * 256);
        let big = w.run(&Input::Volume(v), &std::env::temp_dir()).unwrap();
        let small = Workload::W6
            .run(&w6_input(), &std::env::temp_dir())
            .unwrap();
        // The same surface on a grid twice as fine in each direction: about 4× the
        // triangles (surface area over cell face area).
        let ratio = big.triangles.unwrap() as f64 / small.triangles.unwrap() as f64;
        assert!((3.5..4.5).contains(&ratio), "{ratio}");
    }

    fn w6_input() -> Input {
        Workload::W6.prepare_points(None).unwrap()
    }

    #[test]
    fn volumes_of_the_wrong_size_are_errors() {
        let e = Workload::W6_256
            .run(&w6_input(), &std::env::temp_dir())
            .unwrap_err()
            .to_string();
        assert!(e.contains("W6-256") && e.contains("256^3"), "{e}");
    }

    #[test]
    fn inputs_of_the_wrong_kind_are_errors() {
        let input = Input::Series(Series {
            x: vec![0.0],
            y: vec![0.0],
        });
        let e = Workload::W6
            .run(&input, &std::env::temp_dir())
            .unwrap_err()
            .to_string();
        assert!(e.contains("wrong kind"), "{e}");
    }
}
