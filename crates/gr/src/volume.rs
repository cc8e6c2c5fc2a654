//! CPU volume rendering (`gr_cpubasedvolume`): ray casting through a 3D scalar field for every
//! pixel of the viewport, with the current 3D projection, mapped through the colormap.
//!
//! The volume fills the 3D box of the current projection (the `setwindow3d` box for
//! `setspace3d`/camera projections, the window and `setspace` z range for GR's classic view):
//! sample `(0, 0, 0)` sits at the box's minimum corner and sample `(nx-1, ny-1, nz-1)` at its
//! maximum corner. Data are x fastest: `data[x + nx * (y + ny * z)]`. Between samples the field
//! is interpolated trilinearly; every ray takes one sample per voxel length it crosses. Rows
//! of pixels are cast on scoped threads (one per core); the image does not depend on their
//! number.
//!
//! Per pixel the ray through the box yields one value:
//! * [`VolumeAlgorithm::Emission`]: `∫ f ds`, the sum of the data along the ray times the path
//!   length, lengths measured in units of the box (an axis-parallel ray through the whole box
//!   has length 1), as if every voxel emitted light in proportion to its value;
//! * [`VolumeAlgorithm::Absorption`]: `exp(−∫ f ds)`, the light that passes through a medium
//!   absorbing in proportion to its value (1 where nothing absorbs; an X-ray picture);
//! * [`VolumeAlgorithm::Mip`]: the maximum of the field along the ray.
//!
//! The values are mapped linearly through the active colormap from `dmin` to `dmax`; when those
//! are not given they are the minimum and maximum over the pixels the volume covers (GR's
//! behaviour for negative `dmin`/`dmax`), and the used range is returned. Pixels whose ray
//! misses the box stay transparent. The picture is drawn as one RGBA image over the viewport.

use crate::space3d::ProjectionType;
use crate::{Error, Gr, Result};

/// GR's volume rendering models (`GR_VOLUME_EMISSION`, `_ABSORPTION`, `_MIP`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VolumeAlgorithm {
    /// Emission model: the integral of the field along each ray.
    Emission = 0,
    /// Absorption model: `exp(−integral)`, the transmitted fraction.
    Absorption = 1,
    /// Maximum intensity projection.
    Mip = 2,
}

impl VolumeAlgorithm {
    /// The algorithm for GR's number 0, 1 or 2.
    pub fn from_gr(code: i32) -> Result<VolumeAlgorithm> {
        match code {
            0 => Ok(VolumeAlgorithm::Emission),
            1 => Ok(VolumeAlgorithm::Absorption),
            2 => Ok(VolumeAlgorithm::Mip),
            _ => Err(invalid(format!(
                "volume algorithm {code} is unknown; use 0 (emission), 1 (absorption) or 2 (mip)"
            ))),
        }
    }

    /// GR's number.
    pub fn to_gr(self) -> i32 {
        self as i32
    }
}

/// Largest rendered image side in pixels.
const MAX_PIXELS: usize = 8192;

fn invalid(msg: String) -> Error {
    Error::InvalidArgument {
        func: "cpubasedvolume",
        msg,
    }
}

/// A linear form `c0 + c · p` on unit coordinates.
#[derive(Clone, Copy)]
struct Linear {
    c0: f64,
    c: [f64; 3],
}

impl Linear {
    /// The form through the values at the origin and the three unit points.
    fn fit(v0: f64, v: [f64; 3]) -> Linear {
        Linear {
            c0: v0,
            c: [v[0] - v0, v[1] - v0, v[2] - v0],
        }
    }
}

fn cross(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

fn dot(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

/// The field with trilinear interpolation in grid coordinates.
struct Field<'a> {
    n: [usize; 3],
    data: &'a [f64],
}

impl Field<'_> {
    fn sample(&self, g: [f64; 3]) -> f64 {
        let [nx, ny, _] = self.n;
        let strides = [1, nx, nx * ny];
        let mut base = 0;
        let mut f = [0f64; 3];
        for k in 0..3 {
            let c = g[k].clamp(0.0, (self.n[k] - 1) as f64);
            // c >= 0, so the cast floors; the last cell also serves its far face.
            let b = (c as usize).min(self.n[k] - 2);
            f[k] = c - b as f64;
            base += b * strides[k];
        }
        let (sy, sz) = (strides[1], strides[2]);
        let d = self.data;
        let lerp = |a: f64, b: f64, t: f64| a + (b - a) * t;
        let c00 = lerp(d[base], d[base + 1], f[0]);
        let c10 = lerp(d[base + sy], d[base + sy + 1], f[0]);
        let c01 = lerp(d[base + sz], d[base + sz + 1], f[0]);
        let c11 = lerp(d[base + sy + sz], d[base + sy + sz + 1], f[0]);
        lerp(lerp(c00, c10, f[1]), lerp(c01, c11, f[1]), f[2])
    }
}

/// The part `[t0, t1]` of the line `p + t·d` inside the unit cube, if any.
fn clip_unit_cube(p: [f64; 3], d: [f64; 3]) -> Option<(f64, f64)> {
    let (mut t0, mut t1) = (f64::NEG_INFINITY, f64::INFINITY);
    for k in 0..3 {
        if d[k].abs() < 1e-300 {
            if p[k] < 0.0 || p[k] > 1.0 {
                return None;
            }
            continue;
        }
        let (a, b) = ((0.0 - p[k]) / d[k], (1.0 - p[k]) / d[k]);
        t0 = t0.max(a.min(b));
        t1 = t1.min(a.max(b));
    }
    (t1 > t0).then_some((t0, t1))
}

impl Gr {
    /// `gr_cpubasedvolume`: renders the `nx × ny × nz` field `data` (x fastest) by ray casting
    /// with the current 3D projection into the viewport, coloured by the active colormap (see
    /// the [module documentation](crate::volume) for the models and the geometry). `dmin` and
    /// `dmax` fix the value range mapped onto the colormap; `None` uses the range of the
    /// rendered values. Returns the range used.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] if a dimension is below 2, `data.len() != nx·ny·nz`, a value
    /// is NaN or infinite, `dmin`/`dmax` are not finite or `dmin >= dmax`, the viewport is
    /// larger than 8192 pixels per side, or a perspective camera sits inside or behind
    /// the volume box.
    #[allow(clippy::too_many_arguments)]
    pub fn cpubasedvolume(
        &mut self,
        nx: usize,
        ny: usize,
        nz: usize,
        data: &[f64],
        algorithm: VolumeAlgorithm,
        dmin: Option<f64>,
        dmax: Option<f64>,
    ) -> Result<(f64, f64)> {
        let n = [nx, ny, nz];
        if n.iter().any(|&d| d < 2) {
            return Err(invalid(format!(
                "dimensions {nx}×{ny}×{nz}: every axis needs at least 2 samples"
            )));
        }
        let total = nx
            .checked_mul(ny)
            .and_then(|v| v.checked_mul(nz))
            .ok_or_else(|| invalid(format!("dimensions {nx}×{ny}×{nz} overflow")))?;
        if total != data.len() {
            return Err(invalid(format!(
                "dimensions {nx}×{ny}×{nz} need {total} values (x fastest), data has {}",
                data.len()
            )));
        }
        if let Some(i) = data.iter().position(|v| !v.is_finite()) {
            return Err(invalid(format!(
                "data value at (x={}, y={}, z={}) is {}; volume data must be finite",
                i % nx,
                (i / nx) % ny,
                i / (nx * ny),
                data[i]
            )));
        }
        for (what, v) in [("dmin", dmin), ("dmax", dmax)] {
            if let Some(v) = v {
                if !v.is_finite() {
                    return Err(invalid(format!("{what} is {v}; it must be finite")));
                }
            }
        }
        if let (Some(a), Some(b)) = (dmin, dmax) {
            if a >= b {
                return Err(invalid(format!(
                    "dmin {a} must be less than dmax {b}; pass None for the data range"
                )));
            }
        }
        let [vx0, vx1, vy0, vy1] = self.viewport;
        let scale = self.gks.workstation().scale();
        let w = ((vx1 - vx0) * scale).round().max(1.0) as usize;
        let h = ((vy1 - vy0) * scale).round().max(1.0) as usize;
        if w > MAX_PIXELS || h > MAX_PIXELS {
            return Err(invalid(format!(
                "the viewport covers {w}×{h} pixels; at most {MAX_PIXELS} per side"
            )));
        }
        let values = self.cast(n, data, algorithm, w, h)?;
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for v in values.iter().flatten() {
            lo = lo.min(*v);
            hi = hi.max(*v);
        }
        if !lo.is_finite() {
            // The box is not visible: nothing to draw.
            lo = 0.0;
            hi = 0.0;
        }
        let lo = dmin.unwrap_or(lo);
        let hi = dmax.unwrap_or(hi);
        let lut: Vec<[u8; 4]> = {
            let (first, last) = self.colormap_range;
            (first..=last)
                .map(|i| {
                    let (r, g, b) = self.gks.inqcolor(i).unwrap_or((0.0, 0.0, 0.0));
                    let c = |v: f64| (v * 255.0).round() as u8;
                    [c(r), c(g), c(b), 255]
                })
                .collect()
        };
        let last = (lut.len() - 1) as f64;
        let rgba: Vec<[u8; 4]> = values
            .iter()
            .map(|v| match v {
                None => [0, 0, 0, 0],
                Some(v) => {
                    let t = if hi > lo { (v - lo) / (hi - lo) } else { 0.5 };
                    lut[(t.clamp(0.0, 1.0) * last).round() as usize]
                }
            })
            .collect();
        let [a, b, c, d] = if self.in_wc() {
            [0.0, 1.0, 0.0, 1.0]
        } else {
            [vx0, vx1, vy0, vy1]
        };
        self.gks.drawimage(a, b, c, d, w, h, &rgba)?;
        Ok((lo, hi))
    }

    /// One value per pixel (row 0 at the top), `None` where the ray misses the box.
    fn cast(
        &self,
        n: [usize; 3],
        data: &[f64],
        algorithm: VolumeAlgorithm,
        w: usize,
        h: usize,
    ) -> Result<Vec<Option<f64>>> {
        let proj = self.projector();
        let perspective = self.space3d.projection == ProjectionType::Perspective;
        let corners = [
            [0.0, 0.0, 0.0],
            [1.0, 0.0, 0.0],
            [0.0, 1.0, 0.0],
            [0.0, 0.0, 1.0],
        ];
        let mut xyz = [[0.0; 3]; 4];
        for (o, p) in xyz.iter_mut().zip(corners) {
            *o = proj.project_unit(p).ok_or_else(|| {
                invalid("the volume box must lie in front of the perspective camera".into())
            })?;
        }
        // Perspective: x·depth, y·depth and depth are linear in the unit coordinates;
        // parallel projections: x, y and depth themselves are.
        let wgt = |k: usize| if perspective { xyz[k][2] } else { 1.0 };
        let form = |f: &dyn Fn(usize) -> f64| Linear::fit(f(0), [f(1), f(2), f(3)]);
        let lx = form(&|k| xyz[k][0] * wgt(k));
        let ly = form(&|k| xyz[k][1] * wgt(k));
        let lw = form(&|k| wgt(k));
        let depth = form(&|k| xyz[k][2]);
        if perspective {
            // The camera must not see the box from inside: every corner in front of it.
            for i in 0..8 {
                let p = [(i & 1) as f64, ((i >> 1) & 1) as f64, ((i >> 2) & 1) as f64];
                if proj.project_unit(p).is_none() {
                    return Err(invalid(
                        "the perspective camera is inside or behind the volume box; move it \
                         farther away (setspace3d camera distance)"
                            .into(),
                    ));
                }
            }
        }
        let rays = Rays {
            lx,
            ly,
            lw,
            depth,
            field: Field { n, data },
            gscale: [(n[0] - 1) as f64, (n[1] - 1) as f64, (n[2] - 1) as f64],
            viewport: self.viewport,
            w,
            h,
            algorithm,
        };
        let mut out = vec![None; w * h];
        // Rows in parallel on scoped threads (each pixel is independent: the result does not
        // depend on the number of threads).
        let threads = std::thread::available_parallelism()
            .map_or(1, |t| t.get())
            .clamp(1, 16)
            .min(h);
        let rows_per = h.div_ceil(threads);
        std::thread::scope(|scope| {
            for (c, chunk) in out.chunks_mut(rows_per * w).enumerate() {
                let rays = &rays;
                scope.spawn(move || {
                    for (r, row) in chunk.chunks_mut(w).enumerate() {
                        let j = c * rows_per + r;
                        for (i, px) in row.iter_mut().enumerate() {
                            *px = rays.pixel(i, j);
                        }
                    }
                });
            }
        });
        Ok(out)
    }
}

/// Everything one ray needs.
struct Rays<'a> {
    lx: Linear,
    ly: Linear,
    lw: Linear,
    depth: Linear,
    field: Field<'a>,
    gscale: [f64; 3],
    viewport: [f64; 4],
    w: usize,
    h: usize,
    algorithm: VolumeAlgorithm,
}

impl Rays<'_> {
    /// The value of pixel `(i, j)` (row 0 at the top), `None` if its ray misses the box.
    fn pixel(&self, i: usize, j: usize) -> Option<f64> {
        let [vx0, vx1, vy0, vy1] = self.viewport;
        let y = vy1 - (j as f64 + 0.5) / self.h as f64 * (vy1 - vy0);
        let x = vx0 + (i as f64 + 0.5) / self.w as f64 * (vx1 - vx0);
        let (lx, ly, lw) = (self.lx, self.ly, self.lw);
        // Planes (lx − x·lw)·p = x·lw0 − lx0 and the same for y.
        let n1 = [0, 1, 2].map(|k| lx.c[k] - x * lw.c[k]);
        let n2 = [0, 1, 2].map(|k| ly.c[k] - y * lw.c[k]);
        let (b1, b2) = (x * lw.c0 - lx.c0, y * lw.c0 - ly.c0);
        let mut dir = cross(n1, n2);
        let det = dot(dir, dir);
        if det < 1e-300 {
            return None;
        }
        // The point of the line closest to the origin: p = (b1 n2×d + b2 d×n1) / |d|²
        // with d = n1×n2.
        let a = cross(n2, dir);
        let b = cross(dir, n1);
        let p = [0, 1, 2].map(|k| (b1 * a[k] + b2 * b[k]) / det);
        // March away from the viewer.
        if dot(self.depth.c, dir) < 0.0 {
            dir = dir.map(|c| -c);
        }
        let (t0, t1) = clip_unit_cube(p, dir)?;
        let g = self.gscale;
        let glen = (0..3).map(|k| (dir[k] * g[k]).powi(2)).sum::<f64>().sqrt();
        // One sample per voxel length along the ray, at the middle of each step.
        let steps = (((t1 - t0) * glen).ceil() as usize).max(1);
        let dt = (t1 - t0) / steps as f64;
        let ds = dt * dot(dir, dir).sqrt();
        let start = [0, 1, 2].map(|k| (p[k] + (t0 + 0.5 * dt) * dir[k]) * g[k]);
        let step = [0, 1, 2].map(|k| dt * dir[k] * g[k]);
        let at = |s: usize| [0, 1, 2].map(|k| start[k] + s as f64 * step[k]);
        Some(match self.algorithm {
            VolumeAlgorithm::Mip => (0..steps)
                .map(|s| self.field.sample(at(s)))
                .fold(f64::NEG_INFINITY, f64::max),
            VolumeAlgorithm::Emission => {
                (0..steps).map(|s| self.field.sample(at(s))).sum::<f64>() * ds
            }
            VolumeAlgorithm::Absorption => {
                (-(0..steps).map(|s| self.field.sample(at(s))).sum::<f64>() * ds).exp()
            }
        })
    }
}
