//! Fixed-seed input data of the workloads.
//!
//! Every array is generated here from a SplitMix64 stream, so repeated runs see the same
//! numbers. `grbench --write-data DIR` writes the arrays as raw little-endian `f64` files
//! (`DIR/NAME.f64`, C order) with `DIR/manifest.json` giving each one's shape; the
//! comparison script loads them with `numpy.fromfile`, so both sides plot bit-identical
//! data.

use std::f64::consts::PI;
use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write as _};
use std::path::Path;

/// Seed of every data set (each set derives its own stream from it).
pub const SEED: u64 = 20_240_607;

/// Points of the W1/W8 line.
pub const LINE_POINTS: usize = 1_000_000;
/// Markers of the W2 scatter plot.
pub const SCATTER_POINTS: usize = 100_000;
/// Side of the W3 heatmap.
pub const HEATMAP_SIDE: usize = 1000;
/// Side of the W4 contourf grid.
pub const CONTOUR_SIDE: usize = 500;
/// Filled-contour levels of W4.
pub const CONTOUR_LEVELS: usize = 20;
/// Side of the W5 surface grid.
pub const SURFACE_SIDE: usize = 200;
/// Side of the W6 volume.
pub const VOLUME_SIDE: usize = 128;
/// Side of the W6-256 volume (the same field as W6, sampled more finely).
pub const VOLUME_SIDE_256: usize = 256;
/// Iso level of the W6 and W6-256 isosurfaces.
pub const VOLUME_LEVEL: f64 = 0.0;
/// Frames of the W7 animation.
pub const FRAMES: usize = 200;
/// Points of the line in each W7 frame.
pub const FRAME_POINTS: usize = 500;
/// Seconds between two W7 frames (animation time, shown in the frame's text).
pub const FRAME_DT: f64 = 0.05;

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, well-mixed 64-bit generator.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)` with 53 random bits.
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Standard normal (Box–Muller, one value per call).
    pub fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.uniform(); // (0, 1]: ln is finite
        let u2 = self.uniform();
        (-2.0 * u1.ln()).sqrt() * (2.0 * PI * u2).cos()
    }
}

/// A named array with its shape (C order), as written by [`write_all`].
#[derive(Debug, Clone)]
pub struct Array {
    /// File stem.
    pub name: &'static str,
    /// Shape, slowest axis first.
    pub shape: Vec<usize>,
    /// Values, row-major.
    pub values: Vec<f64>,
}

/// A line: x and y of equal length.
#[derive(Debug, Clone)]
pub struct Series {
    /// Abscissae.
    pub x: Vec<f64>,
    /// Ordinates.
    pub y: Vec<f64>,
}

/// A square grid of values, row-major (row `r` is y, column `c` is x), on `[lo, hi]²`.
#[derive(Debug, Clone)]
pub struct Grid {
    /// Coordinates of the rows and columns ([`linspace`]`(lo, hi, n)`).
    pub axis: Vec<f64>,
    /// Points per side.
    pub n: usize,
    /// Coordinate of the first row/column.
    pub lo: f64,
    /// Coordinate of the last row/column.
    pub hi: f64,
    /// `n × n` values.
    pub z: Vec<f64>,
}

/// The W7 animation: one x axis, `FRAMES` lines of `FRAME_POINTS` y values.
#[derive(Debug, Clone)]
pub struct Frames {
    /// Shared abscissae (`FRAME_POINTS`).
    pub x: Vec<f64>,
    /// `FRAMES × FRAME_POINTS` ordinates, frame-major.
    pub y: Vec<f64>,
    /// Animation time of each frame (shown as text).
    pub t: Vec<f64>,
}

impl Frames {
    /// Ordinates of frame `k`.
    pub fn frame(&self, k: usize) -> &[f64] {
        &self.y[k * FRAME_POINTS..(k + 1) * FRAME_POINTS]
    }
}

/// `n` evenly spaced values from `a` to `b` inclusive (`a + (b - a) · i / (n - 1)`).
pub fn linspace(a: f64, b: f64, n: usize) -> Vec<f64> {
    if n == 1 {
        return vec![a];
    }
    (0..n)
        .map(|i| a + (b - a) * i as f64 / (n - 1) as f64)
        .collect()
}

fn rng(stream: u64) -> SplitMix64 {
    SplitMix64::new(SEED ^ stream.wrapping_mul(0xD6E8_FEB8_6659_FD93))
}

/// W1/W8: a Gaussian random walk of [`LINE_POINTS`] steps, x = 0, 1, 2, ...
pub fn line() -> Series {
    line_n(LINE_POINTS)
}

/// The first `n` points of the same random walk (W1's cost curve): a shorter walk is a
/// prefix of a longer one.
pub fn line_n(n: usize) -> Series {
    let mut r = rng(1);
    let x = (0..n).map(|i| i as f64).collect();
    let mut acc = 0.0;
    let y = (0..n)
        .map(|_| {
            acc += r.normal();
            acc
        })
        .collect();
    Series { x, y }
}

/// W2: [`SCATTER_POINTS`] correlated Gaussian points.
pub fn scatter() -> Series {
    let mut r = rng(2);
    let mut x = Vec::with_capacity(SCATTER_POINTS);
    let mut y = Vec::with_capacity(SCATTER_POINTS);
    for _ in 0..SCATTER_POINTS {
        let a = r.normal();
        let b = r.normal();
        x.push(a);
        y.push(0.6 * a + 0.8 * b);
    }
    Series { x, y }
}

/// W3: a 1000×1000 field, `sin(3πu)·cos(2πv)` plus 20 % Gaussian noise, on `[0, 1]²`.
pub fn heatmap() -> Grid {
    let n = HEATMAP_SIDE;
    let mut r = rng(3);
    let a = linspace(0.0, 1.0, n);
    let mut z = Vec::with_capacity(n * n);
    for v in &a {
        for u in &a {
            z.push((3.0 * PI * u).sin() * (2.0 * PI * v).cos() + 0.2 * r.normal());
        }
    }
    Grid {
        axis: a,
        n,
        lo: 0.0,
        hi: 1.0,
        z,
    }
}

/// MATLAB's `peaks` function.
fn peaks(x: f64, y: f64) -> f64 {
    3.0 * (1.0 - x).powi(2) * (-x * x - (y + 1.0).powi(2)).exp()
        - 10.0 * (x / 5.0 - x.powi(3) - y.powi(5)) * (-x * x - y * y).exp()
        - (-(x + 1.0).powi(2) - y * y).exp() / 3.0
}

/// W4: `peaks` on a 500×500 grid over `[-3, 3]²` with 1 % noise.
pub fn contour() -> Grid {
    let n = CONTOUR_SIDE;
    let mut r = rng(4);
    let a = linspace(-3.0, 3.0, n);
    let mut z = Vec::with_capacity(n * n);
    for y in &a {
        for x in &a {
            z.push(peaks(*x, *y) + 0.01 * r.normal());
        }
    }
    Grid {
        axis: a,
        n,
        lo: -3.0,
        hi: 3.0,
        z,
    }
}

/// W5: a damped radial wave `cos(ρ)·exp(-ρ/6)`, `ρ = √(x² + y²)`, on 200×200 over
/// `[-10, 10]²`.
pub fn surface() -> Grid {
    let n = SURFACE_SIDE;
    let a = linspace(-10.0, 10.0, n);
    let mut z = Vec::with_capacity(n * n);
    for y in &a {
        for x in &a {
            let rho = (x * x + y * y).sqrt();
            z.push(rho.cos() * (-rho / 6.0).exp());
        }
    }
    Grid {
        axis: a,
        n,
        lo: -10.0,
        hi: 10.0,
        z,
    }
}

/// W6: a bumpy sphere `x² + y² + z² − 0.5 + 0.05·sin(8x)·sin(8y)·sin(8z)` sampled on
/// [`VOLUME_SIDE`]³ = 128³ points over `[-1, 1]³`, C order `[i][j][k]` with i slowest
/// (iso level 0).
pub fn volume() -> Vec<f64> {
    volume_n(VOLUME_SIDE)
}

/// The W6 field sampled on `n³` points over `[-1, 1]³` (`n` = [`VOLUME_SIDE_256`] for
/// W6-256), C order `[i][j][k]` with i slowest. Needs `n ≥ 2`.
pub fn volume_n(n: usize) -> Vec<f64> {
    let a = linspace(-1.0, 1.0, n);
    let s: Vec<f64> = a.iter().map(|v| (8.0 * v).sin()).collect();
    let mut v = Vec::with_capacity(n * n * n);
    for i in 0..n {
        for j in 0..n {
            for k in 0..n {
                let (x, y, z) = (a[i], a[j], a[k]);
                v.push(x * x + y * y + z * z - 0.5 + 0.05 * s[i] * s[j] * s[k]);
            }
        }
    }
    v
}

/// W7: a damped oscillation `cos(2π·0.5·(x + t))·exp(-0.15·(x + t))` over a 10 s window,
/// shifted by [`FRAME_DT`] per frame.
pub fn frames() -> Frames {
    let x = linspace(0.0, 10.0, FRAME_POINTS);
    let t: Vec<f64> = (0..FRAMES).map(|k| k as f64 * FRAME_DT).collect();
    let mut y = Vec::with_capacity(FRAMES * FRAME_POINTS);
    for tk in &t {
        for xi in &x {
            let s = xi + tk;
            y.push((PI * s).cos() * (-0.15 * s).exp());
        }
    }
    Frames { x, y, t }
}

/// Every array of every workload, named as in the data directory.
pub fn all_arrays() -> Vec<Array> {
    let line = line();
    let scatter = scatter();
    let frames = frames();
    let n3 = VOLUME_SIDE;
    let n3l = VOLUME_SIDE_256;
    let grid = |z_name, axis_name, g: Grid| {
        [
            Array {
                name: z_name,
                shape: vec![g.n, g.n],
                values: g.z,
            },
            Array {
                name: axis_name,
                shape: vec![g.n],
                values: g.axis,
            },
        ]
    };
    let mut arrays = vec![
        Array {
            name: "line_x",
            shape: vec![LINE_POINTS],
            values: line.x,
        },
        Array {
            name: "line_y",
            shape: vec![LINE_POINTS],
            values: line.y,
        },
        Array {
            name: "scatter_x",
            shape: vec![SCATTER_POINTS],
            values: scatter.x,
        },
        Array {
            name: "scatter_y",
            shape: vec![SCATTER_POINTS],
            values: scatter.y,
        },
        Array {
            name: "volume",
            shape: vec![n3, n3, n3],
            values: volume(),
        },
        Array {
            name: "volume256",
            shape: vec![n3l, n3l, n3l],
            values: volume_n(n3l),
        },
        Array {
            name: "frames_x",
            shape: vec![FRAME_POINTS],
            values: frames.x,
        },
        Array {
            name: "frames_y",
            shape: vec![FRAMES, FRAME_POINTS],
            values: frames.y,
        },
        Array {
            name: "frames_t",
            shape: vec![FRAMES],
            values: frames.t,
        },
    ];
    arrays.extend(grid("heatmap_z", "heatmap_axis", heatmap()));
    arrays.extend(grid("contour_z", "contour_axis", contour()));
    arrays.extend(grid("surface_z", "surface_axis", surface()));
    arrays
}

/// Writes only `line_x` and `line_y` of `n` points (W1's cost curve) to `dir`, with a
/// manifest as [`write_all`] writes it.
pub fn write_line(dir: &Path, n: usize) -> io::Result<()> {
    let line = line_n(n);
    write_arrays(
        dir,
        &[
            Array {
                name: "line_x",
                shape: vec![n],
                values: line.x,
            },
            Array {
                name: "line_y",
                shape: vec![n],
                values: line.y,
            },
        ],
    )
}

/// Writes every array to `dir` (created if missing) as `NAME.f64` plus `manifest.json`:
/// `{"arrays": {"NAME": {"shape": [...]}, ...}, "params": {...}}` with the seed, the
/// contour level count, the iso level and range of the volume and the frame interval.
pub fn write_all(dir: &Path) -> io::Result<()> {
    write_arrays(dir, &all_arrays())
}

fn write_arrays(dir: &Path, arrays: &[Array]) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let mut manifest = String::from("{\n  \"arrays\": {\n");
    for (i, a) in arrays.iter().enumerate() {
        // Buffered, so the 128 MiB of the 256³ volume are not copied into a second buffer.
        let mut f = io::BufWriter::new(fs::File::create(dir.join(format!("{}.f64", a.name)))?);
        for v in &a.values {
            f.write_all(&v.to_le_bytes())?;
        }
        f.flush()?;
        let shape: Vec<String> = a.shape.iter().map(|s| s.to_string()).collect();
        let sep = if i + 1 < arrays.len() { "," } else { "" };
        let _ = writeln!(
            manifest,
            "    \"{}\": {{\"shape\": [{}]}}{sep}",
            a.name,
            shape.join(", ")
        );
    }
    let _ = write!(
        manifest,
        "  }},\n  \"params\": {{\"seed\": {SEED}, \"contour_levels\": {CONTOUR_LEVELS}, \
         \"volume_level\": {VOLUME_LEVEL:?}, \"volume_range\": [-1.0, 1.0], \"frame_dt\": {FRAME_DT:?}}}\n}}\n"
    );
    fs::write(dir.join("manifest.json"), manifest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_matches_reference_values() {
        // First outputs for seed 0 from the reference implementation.
        let mut r = SplitMix64::new(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn data_is_deterministic_and_finite() {
        let a = scatter();
        let b = scatter();
        assert_eq!(a.x, b.x);
        assert!(a.y.iter().all(|v| v.is_finite()));
        let f = frames();
        assert_eq!(f.y.len(), FRAMES * FRAME_POINTS);
        assert_eq!(f.frame(FRAMES - 1).len(), FRAME_POINTS);
    }

    #[test]
    fn shorter_lines_are_prefixes_of_longer_ones() {
        let long = line_n(5000);
        let short = line_n(1200);
        assert_eq!(short.y[..], long.y[..1200]);
        assert_eq!(short.x.len(), 1200);
    }

    #[test]
    fn volumes_sample_the_same_field_at_both_sizes() {
        let small = volume();
        let large = volume_n(VOLUME_SIDE_256);
        assert_eq!(small.len(), VOLUME_SIDE.pow(3));
        assert_eq!(large.len(), 256 * 256 * 256);
        // Both grids hit the corners of [-1, 1]³: same field, same values there.
        let s = (-8.0f64).sin();
        let corner = 3.0 - 0.5 + 0.05 * s * s * s;
        assert_eq!(small[0], corner);
        assert_eq!(large[0], corner);
        let n = VOLUME_SIDE_256;
        // [i][j][k] with k fastest: the last value of the first row is (x, y, z) = (-1, -1, 1).
        assert_eq!(large[n - 1], small[VOLUME_SIDE - 1]);
        assert_eq!(large.last(), small.last());
        // The iso level is crossed: negative inside the sphere, positive at the corners.
        let centre = large[(n / 2) * n * n + (n / 2) * n + n / 2];
        assert!(
            centre < VOLUME_LEVEL && corner > VOLUME_LEVEL,
            "{centre} {corner}"
        );
        assert!(large.iter().all(|v| v.is_finite()));
    }

    #[test]
    fn all_arrays_hold_both_volumes_with_their_shapes() {
        let arrays = all_arrays();
        let find = |name: &str| arrays.iter().find(|a| a.name == name).unwrap();
        for (name, n) in [("volume", VOLUME_SIDE), ("volume256", VOLUME_SIDE_256)] {
            let a = find(name);
            assert_eq!(a.shape, vec![n, n, n], "{name}");
            assert_eq!(a.values.len(), n * n * n, "{name}");
        }
        assert_eq!(find("volume").values, volume());
    }

    #[test]
    fn arrays_are_written_as_little_endian_f64_with_a_manifest() {
        let dir = std::env::temp_dir().join(format!("grbench-data-test-{}", std::process::id()));
        let values: Vec<f64> = (0..24).map(|i| i as f64 * 0.25 - 1.0).collect();
        let array = Array {
            name: "volume256",
            shape: vec![2, 3, 4],
            values: values.clone(),
        };
        write_arrays(&dir, &[array]).unwrap();
        let manifest = fs::read_to_string(dir.join("manifest.json")).unwrap();
        let bytes = fs::read(dir.join("volume256.f64")).unwrap();
        let _ = fs::remove_dir_all(&dir);
        assert!(
            manifest.contains("\"volume256\": {\"shape\": [2, 3, 4]}"),
            "{manifest}"
        );
        assert!(manifest.contains("\"volume_level\": 0.0"), "{manifest}");
        let read: Vec<f64> = bytes
            .chunks_exact(8)
            .map(|c| f64::from_le_bytes(c.try_into().unwrap()))
            .collect();
        assert_eq!(read, values);
    }

    #[test]
    fn linspace_hits_both_ends() {
        let v = linspace(-3.0, 3.0, 7);
        assert_eq!(v.first(), Some(&-3.0));
        assert_eq!(v.last(), Some(&3.0));
        assert_eq!(linspace(2.0, 5.0, 1), vec![2.0]);
    }
}
