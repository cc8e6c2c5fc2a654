//! Marching-cubes isosurfaces of 3D scalar fields (GR3's `gr3_createisosurfacemesh`,
//! `gr3_triangulateindexed`).
//!
//! # Data layout
//! A field of `dims = [nx, ny, nz]` samples is a flat slice with **x fastest**: the value at
//! grid point `(x, y, z)` is `data[x + nx * (y + ny * z)]`. Sample `(x, y, z)` sits at
//! `offset + spacing * (x, y, z)` (component-wise).
//!
//! # The mesh
//! [`IsoMesh`] is an indexed triangle mesh. There is exactly one vertex per grid edge that the
//! surface crosses, shared by all cubes around that edge, so a surface that does not touch the
//! border of the grid is closed (watertight: every mesh edge belongs to exactly two triangles).
//!
//! * **Normals** are the negated field gradient (central differences at the grid points,
//!   one-sided on the border, divided by the spacing), interpolated along the edge and
//!   normalised: they point towards **decreasing** values, like GR3's. For a ball of high
//!   values (a CT bone, a density blob) they point outwards.
//! * **Winding**: triangles are counter-clockwise when seen from the side the normals point
//!   to, so the signed volume of a closed surface around high values is positive.
//! * **Ambiguous faces** (high and low corners alternate around a cube face) separate the two
//!   high corners. The choice depends only on the face, so both cubes sharing it agree and no
//!   holes appear (see the `table` module); a corner is *high* when its value is strictly
//!   greater than the isovalue.
//!
//! # Example
//! ```
//! use gr3::isosurface::marching_cubes;
//! // A ball of high values: 10 minus the distance from the centre of a 16³ grid.
//! let n = 16;
//! let mut data = Vec::with_capacity(n * n * n);
//! for z in 0..n {
//!     for y in 0..n {
//!         for x in 0..n {
//!             let d = [x, y, z].map(|c| c as f64 - 7.5);
//!             data.push(10.0 - (d[0] * d[0] + d[1] * d[1] + d[2] * d[2]).sqrt());
//!         }
//!     }
//! }
//! let mesh = marching_cubes(&data, [n; 3], [0.5; 3], [0.0; 3], 5.0)?; // radius 5 voxels
//! assert!(mesh.triangle_count() > 100);
//! let r = 2.5; // 5 voxels of spacing 0.5
//! let volume = 4.0 / 3.0 * std::f64::consts::PI * r * r * r;
//! assert!((mesh.signed_volume() - volume).abs() < 0.05 * volume);
//! # Ok::<(), gr3::Error>(())
//! ```
//!
//! # Speed
//! One pass over z-slabs of cube layers; each slab keeps the vertex numbers of the edges of
//! its current bottom and top slice. Slabs run in parallel with rayon and are merged in order:
//! the result is identical for any number of threads.

mod extract;
mod table;

use crate::{Error, Result};

/// A sample type for [`marching_cubes`]: `u8`, `u16`, `f32` or `f64`.
pub trait Voxel: Copy + Send + Sync + 'static {
    /// The value as `f64`.
    fn to_f64(self) -> f64;
}

impl Voxel for u8 {
    #[inline(always)]
    fn to_f64(self) -> f64 {
        f64::from(self)
    }
}
impl Voxel for u16 {
    #[inline(always)]
    fn to_f64(self) -> f64 {
        f64::from(self)
    }
}
impl Voxel for f32 {
    #[inline(always)]
    fn to_f64(self) -> f64 {
        f64::from(self)
    }
}
impl Voxel for f64 {
    #[inline(always)]
    fn to_f64(self) -> f64 {
        self
    }
}

/// An indexed triangle mesh from [`marching_cubes`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IsoMesh {
    /// Vertex positions (`offset + spacing * grid coordinate`).
    pub vertices: Vec<[f32; 3]>,
    /// Unit normals, one per vertex, pointing towards decreasing field values.
    pub normals: Vec<[f32; 3]>,
    /// Three vertex indices per triangle, counter-clockwise seen from the normals' side.
    pub indices: Vec<u32>,
}

impl IsoMesh {
    /// Number of triangles.
    pub fn triangle_count(&self) -> usize {
        self.indices.len() / 3
    }

    /// Whether the mesh has no triangles (the isovalue is not crossed inside the grid).
    pub fn is_empty(&self) -> bool {
        self.indices.is_empty()
    }

    fn triangle(&self, t: usize) -> [[f64; 3]; 3] {
        let v = |k: usize| self.vertices[self.indices[3 * t + k] as usize].map(f64::from);
        [v(0), v(1), v(2)]
    }

    /// Total surface area.
    pub fn area(&self) -> f64 {
        (0..self.triangle_count())
            .map(|t| {
                let [a, b, c] = self.triangle(t);
                let u = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
                let v = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
                let n = [
                    u[1] * v[2] - u[2] * v[1],
                    u[2] * v[0] - u[0] * v[2],
                    u[0] * v[1] - u[1] * v[0],
                ];
                0.5 * (n[0] * n[0] + n[1] * n[1] + n[2] * n[2]).sqrt()
            })
            .sum()
    }

    /// Signed enclosed volume (divergence theorem). Positive for a closed surface around high
    /// values, negative around low values; meaningless for open surfaces.
    pub fn signed_volume(&self) -> f64 {
        (0..self.triangle_count())
            .map(|t| {
                let [a, b, c] = self.triangle(t);
                (a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0])
                    + a[2] * (b[0] * c[1] - b[1] * c[0]))
                    / 6.0
            })
            .sum()
    }
}

fn invalid(msg: String) -> Error {
    Error::InvalidArgument {
        func: "marching_cubes",
        msg,
    }
}

/// Checks dims against the data and the geometry.
fn validate<T: Voxel>(
    data: &[T],
    dims: [usize; 3],
    spacing: [f64; 3],
    offset: [f64; 3],
) -> Result<()> {
    if let Some(a) = dims.iter().position(|&d| d < 2) {
        return Err(invalid(format!(
            "dims {dims:?}: axis {} has {} samples, every axis needs at least 2",
            ["x", "y", "z"][a],
            dims[a]
        )));
    }
    let n = dims
        .iter()
        .try_fold(1usize, |acc, &d| acc.checked_mul(d))
        .ok_or_else(|| invalid(format!("dims {dims:?} overflow the address space")))?;
    if n != data.len() {
        return Err(invalid(format!(
            "dims {dims:?} need {n} values (x fastest), but data has {}",
            data.len()
        )));
    }
    if spacing.iter().any(|s| !(s.is_finite() && *s > 0.0)) {
        return Err(invalid(format!(
            "spacing {spacing:?} must be finite and positive"
        )));
    }
    if offset.iter().any(|o| !o.is_finite()) {
        return Err(invalid(format!("offset {offset:?} must be finite")));
    }
    Ok(())
}

/// The first NaN or infinite voxel, as an error (only searched once the range shows one).
fn non_finite<T: Voxel>(data: &[T], dims: [usize; 3]) -> Option<Error> {
    let i = data.iter().position(|v| !v.to_f64().is_finite())?;
    let (x, y, z) = (
        i % dims[0],
        (i / dims[0]) % dims[1],
        i / (dims[0] * dims[1]),
    );
    Some(invalid(format!(
        "data value at (x={x}, y={y}, z={z}) is {}; replace NaN/Inf voxels by finite values \
         (for example the data minimum) before extracting a surface",
        data[i].to_f64()
    )))
}

/// Extracts the isosurface `field == isovalue` with marching cubes.
///
/// `data` holds `dims[0] * dims[1] * dims[2]` samples, x fastest; `spacing` is the distance of
/// neighbouring samples along each axis and `offset` the position of sample `(0, 0, 0)`.
///
/// # Errors
/// [`Error::InvalidArgument`] if an axis has fewer than 2 samples, the data length is not the
/// product of `dims`, spacing or offset are not finite (spacing not positive), a voxel is NaN
/// or infinite, or the isovalue lies outside the data range `[min, max]` (the message gives
/// the range).
pub fn marching_cubes<T: Voxel>(
    data: &[T],
    dims: [usize; 3],
    spacing: [f64; 3],
    offset: [f64; 3],
    isovalue: f64,
) -> Result<IsoMesh> {
    validate(data, dims, spacing, offset)?;
    if !isovalue.is_finite() {
        return Err(invalid(format!("isovalue {isovalue} must be finite")));
    }
    let field = extract::Field {
        data,
        n: dims,
        spacing,
        offset,
        iso: isovalue,
    };
    // One pass: the slabs also measure the data range, checked before the mesh is returned.
    let (mesh, range) = field.extract();
    let (lo, hi) = (range.lo, range.hi);
    if range.nan || !lo.is_finite() || !hi.is_finite() {
        if let Some(e) = non_finite(data, dims) {
            return Err(e);
        }
    }
    if !(isovalue >= lo && isovalue <= hi) {
        return Err(invalid(format!(
            "isovalue {isovalue} is outside the data range [{lo}, {hi}]; choose a value in it"
        )));
    }
    Ok(mesh)
}

/// GR3's `gr3_createisosurfacemesh` on 16-bit data: the surface at `isolevel`, with GR3's
/// `strides` (elements between neighbours along x, y, z; `[1, nx, nx * ny]` is the contiguous
/// x-fastest layout), `step` (the spacing) and `offset`.
///
/// Like [`marching_cubes`], but strided data are gathered first, so any layout GR3 accepts
/// (for example z fastest: `[nz * ny, nz, 1]`) works.
///
/// # Errors
/// As [`marching_cubes`]; also when a stride points outside `data`.
pub fn createisosurfacemesh(
    data: &[u16],
    isolevel: u16,
    dims: [usize; 3],
    strides: [usize; 3],
    step: [f64; 3],
    offset: [f64; 3],
) -> Result<IsoMesh> {
    let contiguous = [1, dims[0], dims[0].saturating_mul(dims[1])];
    if strides == contiguous {
        return marching_cubes(data, dims, step, offset, f64::from(isolevel));
    }
    let last = (0..3).try_fold(0usize, |acc, a| {
        dims[a]
            .checked_sub(1)
            .and_then(|d| d.checked_mul(strides[a]))
            .and_then(|o| acc.checked_add(o))
    });
    match last {
        Some(l) if l < data.len() => {}
        _ => {
            return Err(Error::InvalidArgument {
                func: "createisosurfacemesh",
                msg: format!(
                    "strides {strides:?} with dims {dims:?} reach beyond the {} data values",
                    data.len()
                ),
            })
        }
    }
    let mut gathered = Vec::with_capacity(dims.iter().product());
    for z in 0..dims[2] {
        for y in 0..dims[1] {
            let row = y * strides[1] + z * strides[2];
            gathered.extend((0..dims[0]).map(|x| data[row + x * strides[0]]));
        }
    }
    marching_cubes(&gathered, dims, step, offset, f64::from(isolevel))
}
