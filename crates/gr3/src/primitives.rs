//! Built-in meshes and the instanced primitive draws of `gr3.h`: spheres, cylinders,
//! cones, cubes, tubes through a polyline, and colormapped slices of a volume.
//!
//! Shapes follow GR3: the sphere has radius 1 around the origin, the cylinder and cone have
//! radius 1 with their base at z = 0 and their top (or tip) at z = 1, the cube spans −1..1.

use std::f32::consts::TAU;
use std::sync::{Arc, OnceLock};

use glam::Vec3;

use crate::error::Result;
use crate::scene::{check_all_finite, check_len, invalid, Mesh, MeshId, Scene};

/// Lazily built shared meshes of the primitives.
#[derive(Debug, Clone, Default)]
pub(crate) struct Builtins {
    sphere: OnceLock<Arc<Mesh>>,
    cylinder: OnceLock<Arc<Mesh>>,
    cone: OnceLock<Arc<Mesh>>,
    cube: OnceLock<Arc<Mesh>>,
}

struct Builder {
    m: Mesh,
}

impl Builder {
    fn new() -> Builder {
        Builder {
            m: Mesh {
                positions: Vec::new(),
                normals: Vec::new(),
                colors: Vec::new(),
                indices: Vec::new(),
            },
        }
    }
    fn vert(&mut self, p: Vec3, n: Vec3, c: [f32; 3]) -> u32 {
        self.m.positions.push(p.to_array());
        self.m.normals.push(n.to_array());
        self.m.colors.push(c);
        self.m.positions.len() as u32 - 1
    }
    fn tri(&mut self, a: u32, b: u32, c: u32) {
        self.m.indices.extend_from_slice(&[a, b, c]);
    }
}

const WHITE: [f32; 3] = [1.0; 3];

fn sphere_mesh() -> Mesh {
    let (stacks, slices) = (24u32, 48u32);
    let mut b = Builder::new();
    for i in 0..=stacks {
        let t = std::f32::consts::PI * i as f32 / stacks as f32;
        let (st, ct) = t.sin_cos();
        for j in 0..=slices {
            let (sp, cp) = (TAU * j as f32 / slices as f32).sin_cos();
            let p = Vec3::new(st * cp, st * sp, ct);
            b.vert(p, p, WHITE);
        }
    }
    let row = slices + 1;
    for i in 0..stacks {
        for j in 0..slices {
            let a = i * row + j;
            let c = a + row;
            if i > 0 {
                b.tri(a, c, a + 1);
            }
            if i + 1 < stacks {
                b.tri(a + 1, c, c + 1);
            }
        }
    }
    b.m
}

/// A ring-based solid of revolution: radius 1 at z = 0 to `top_radius` at z = 1.
fn revolution_mesh(top_radius: f32, sides: u32) -> Mesh {
    let mut b = Builder::new();
    let slope = 1.0 - top_radius; // outward normal tilt for the cone
    for j in 0..=sides {
        let (s, c) = (TAU * j as f32 / sides as f32).sin_cos();
        let n = Vec3::new(c, s, slope).normalize();
        b.vert(Vec3::new(c, s, 0.0), n, WHITE);
        b.vert(Vec3::new(c * top_radius, s * top_radius, 1.0), n, WHITE);
    }
    for j in 0..sides {
        let a = 2 * j;
        b.tri(a, a + 2, a + 1);
        b.tri(a + 1, a + 2, a + 3);
    }
    let caps: &[(f32, f32, f32)] = if top_radius > 0.0 {
        &[(0.0, -1.0, 1.0), (1.0, 1.0, top_radius)]
    } else {
        &[(0.0, -1.0, 1.0)]
    };
    for &(z, nz, r) in caps {
        let n = Vec3::new(0.0, 0.0, nz);
        let centre = b.vert(Vec3::new(0.0, 0.0, z), n, WHITE);
        let first = centre + 1;
        for j in 0..=sides {
            let (s, c) = (TAU * j as f32 / sides as f32).sin_cos();
            b.vert(Vec3::new(c * r, s * r, z), n, WHITE);
        }
        for j in 0..sides {
            b.tri(centre, first + j, first + j + 1);
        }
    }
    b.m
}

fn cube_mesh() -> Mesh {
    let mut b = Builder::new();
    for axis in 0..3 {
        for sign in [-1.0f32, 1.0] {
            let mut n = Vec3::ZERO;
            n[axis] = sign;
            let u = Vec3::from_array({
                let mut a = [0.0; 3];
                a[(axis + 1) % 3] = 1.0;
                a
            });
            let v = n.cross(u);
            let base = b.m.positions.len() as u32;
            for (su, sv) in [(-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)] {
                b.vert(n + u * su + v * sv, n, WHITE);
            }
            b.tri(base, base + 1, base + 2);
            b.tri(base, base + 2, base + 3);
        }
    }
    b.m
}

/// An up vector GR3 picks for a direction: the axis of the direction's smallest component.
fn up_for(d: [f32; 3]) -> [f32; 3] {
    let mut k = 0;
    for j in 1..3 {
        if d[j] * d[j] < d[k] * d[k] {
            k = j;
        }
    }
    let mut up = [0.0; 3];
    up[k] = 1.0;
    up
}

fn positive(func: &'static str, what: &str, v: &[f32]) -> Result<()> {
    match v.iter().position(|r| !(r.is_finite() && *r > 0.0)) {
        None => Ok(()),
        Some(i) => Err(invalid(
            func,
            format!("{what}[{i}] = {} must be finite and > 0", v[i]),
        )),
    }
}

impl Scene {
    fn builtin(&self, which: usize) -> Arc<Mesh> {
        let b = &self.builtin;
        let (cell, make): (&OnceLock<Arc<Mesh>>, fn() -> Mesh) = match which {
            0 => (&b.sphere, sphere_mesh),
            1 => (&b.cylinder, || revolution_mesh(1.0, 36)),
            2 => (&b.cone, || revolution_mesh(0.0, 36)),
            _ => (&b.cube, cube_mesh),
        };
        cell.get_or_init(|| Arc::new(make())).clone()
    }

    /// `gr3_drawspheremesh`: spheres of the given centres, RGB colours and radii.
    pub fn drawspheremesh(
        &mut self,
        positions: &[[f32; 3]],
        colors: &[[f32; 3]],
        radii: &[f32],
    ) -> Result<()> {
        let func = "drawspheremesh";
        check_len(func, positions.len(), &[("radii", radii.len())])?;
        positive(func, "radii", radii)?;
        let n = positions.len();
        let dirs = vec![[0.0, 0.0, 1.0]; n];
        let ups = vec![[0.0, 1.0, 0.0]; n];
        let scales: Vec<[f32; 3]> = radii.iter().map(|&r| [r; 3]).collect();
        let mesh = self.builtin(0);
        self.draw_arc(func, mesh, positions, &dirs, &ups, colors, &scales)
    }

    #[allow(clippy::too_many_arguments)]
    fn draw_axial(
        &mut self,
        func: &'static str,
        which: usize,
        positions: &[[f32; 3]],
        directions: &[[f32; 3]],
        colors: &[[f32; 3]],
        radii: &[f32],
        lengths: &[f32],
    ) -> Result<()> {
        check_len(
            func,
            positions.len(),
            &[("radii", radii.len()), ("lengths", lengths.len())],
        )?;
        positive(func, "radii", radii)?;
        positive(func, "lengths", lengths)?;
        check_len(func, positions.len(), &[("directions", directions.len())])?;
        check_all_finite(func, "directions", directions)?;
        let ups: Vec<[f32; 3]> = directions.iter().map(|&d| up_for(d)).collect();
        let scales: Vec<[f32; 3]> = radii
            .iter()
            .zip(lengths)
            .map(|(&r, &l)| [r, r, l])
            .collect();
        let mesh = self.builtin(which);
        self.draw_arc(func, mesh, positions, directions, &ups, colors, &scales)
    }

    /// `gr3_drawcylindermesh`: closed cylinders from `positions[i]` along `directions[i]`
    /// over `lengths[i]`, of radius `radii[i]`.
    pub fn drawcylindermesh(
        &mut self,
        positions: &[[f32; 3]],
        directions: &[[f32; 3]],
        colors: &[[f32; 3]],
        radii: &[f32],
        lengths: &[f32],
    ) -> Result<()> {
        self.draw_axial(
            "drawcylindermesh",
            1,
            positions,
            directions,
            colors,
            radii,
            lengths,
        )
    }

    /// `gr3_drawconemesh`: cones with their base (radius `radii[i]`) at `positions[i]` and
    /// their tip `lengths[i]` along `directions[i]`.
    pub fn drawconemesh(
        &mut self,
        positions: &[[f32; 3]],
        directions: &[[f32; 3]],
        colors: &[[f32; 3]],
        radii: &[f32],
        lengths: &[f32],
    ) -> Result<()> {
        self.draw_axial(
            "drawconemesh",
            2,
            positions,
            directions,
            colors,
            radii,
            lengths,
        )
    }

    /// `gr3_drawcubemesh`: boxes centred at `positions[i]` spanning `±scales[i]` along the
    /// axes given by `directions[i]` (z) and `ups[i]` (y).
    pub fn drawcubemesh(
        &mut self,
        positions: &[[f32; 3]],
        directions: &[[f32; 3]],
        ups: &[[f32; 3]],
        colors: &[[f32; 3]],
        scales: &[[f32; 3]],
    ) -> Result<()> {
        let mesh = self.builtin(3);
        self.draw_arc(
            "drawcubemesh",
            mesh,
            positions,
            directions,
            ups,
            colors,
            scales,
        )
    }

    /// `gr3_createtubemesh`: a smooth tube through `points` (Catmull-Rom interpolated with
    /// `num_steps` sub-steps per segment), `num_segments` vertices around, with per-point
    /// colours and radii, closed by flat caps.
    pub fn createtubemesh(
        &mut self,
        points: &[[f32; 3]],
        colors: &[[f32; 3]],
        radii: &[f32],
        num_steps: u32,
        num_segments: u32,
    ) -> Result<MeshId> {
        let m = tube_mesh(
            "createtubemesh",
            points,
            colors,
            radii,
            num_steps,
            num_segments,
        )?;
        self.insert_mesh(m)
    }

    /// `gr3_drawtubemesh`: draws [`Scene::createtubemesh`]'s tube once, in place.
    pub fn drawtubemesh(
        &mut self,
        points: &[[f32; 3]],
        colors: &[[f32; 3]],
        radii: &[f32],
        num_steps: u32,
        num_segments: u32,
    ) -> Result<()> {
        let m = tube_mesh(
            "drawtubemesh",
            points,
            colors,
            radii,
            num_steps,
            num_segments,
        )?;
        self.draw_world(m);
        Ok(())
    }
}

fn catmull_rom(p0: Vec3, p1: Vec3, p2: Vec3, p3: Vec3, t: f32) -> Vec3 {
    let t2 = t * t;
    let t3 = t2 * t;
    0.5 * ((2.0 * p1)
        + (p2 - p0) * t
        + (2.0 * p0 - 5.0 * p1 + 4.0 * p2 - p3) * t2
        + (3.0 * p1 - p0 - 3.0 * p2 + p3) * t3)
}

fn tube_mesh(
    func: &'static str,
    points: &[[f32; 3]],
    colors: &[[f32; 3]],
    radii: &[f32],
    num_steps: u32,
    num_segments: u32,
) -> Result<Mesh> {
    let n = points.len();
    if n < 2 {
        return Err(invalid(
            func,
            format!("a tube needs at least 2 points, got {n}"),
        ));
    }
    check_len(func, n, &[("colors", colors.len()), ("radii", radii.len())])?;
    check_all_finite(func, "points", points)?;
    check_all_finite(func, "colors", colors)?;
    positive(func, "radii", radii)?;
    if num_steps == 0 || num_segments < 3 || num_steps > 1024 || num_segments > 1024 {
        return Err(invalid(
            func,
            format!("need 1 <= num_steps <= 1024 and 3 <= num_segments <= 1024, got {num_steps} and {num_segments}"),
        ));
    }
    let p: Vec<Vec3> = points.iter().map(|&q| Vec3::from(q)).collect();
    // Centre line samples with interpolated colour and radius.
    let mut line: Vec<(Vec3, Vec3, f32)> = Vec::new();
    for i in 0..n - 1 {
        let p0 = p[i.saturating_sub(1)];
        let p3 = p[(i + 2).min(n - 1)];
        for s in 0..num_steps {
            let t = s as f32 / num_steps as f32;
            let c = Vec3::from(colors[i]).lerp(Vec3::from(colors[i + 1]), t);
            let r = radii[i] + (radii[i + 1] - radii[i]) * t;
            line.push((catmull_rom(p0, p[i], p[i + 1], p3, t), c, r));
        }
    }
    line.push((p[n - 1], Vec3::from(colors[n - 1]), radii[n - 1]));
    line.dedup_by(|a, b| (a.0 - b.0).length_squared() == 0.0);
    if line.len() < 2 {
        return Err(invalid(
            func,
            "all tube points coincide; pass distinct points",
        ));
    }
    let tangent = |k: usize| {
        let a = line[k.saturating_sub(1)].0;
        let b = line[(k + 1).min(line.len() - 1)].0;
        (b - a).normalize_or(Vec3::Z)
    };
    // Parallel-transported frame.
    let t0 = tangent(0);
    let mut normal = Vec3::from(up_for(t0.to_array())).cross(t0).normalize();
    let mut b = Builder::new();
    let segs = num_segments;
    let mut prev_t = t0;
    for (k, &(c, col, r)) in line.iter().enumerate() {
        let t = tangent(k);
        let axis = prev_t.cross(t);
        if axis.length() > 1e-6 {
            let angle = prev_t.dot(t).clamp(-1.0, 1.0).acos();
            normal = glam::Quat::from_axis_angle(axis.normalize(), angle) * normal;
        }
        normal = (normal - t * normal.dot(t)).normalize_or(normal);
        prev_t = t;
        let binormal = t.cross(normal);
        for j in 0..=segs {
            let (s, co) = (TAU * j as f32 / segs as f32).sin_cos();
            let d = normal * co + binormal * s;
            b.vert(c + d * r, d, col.to_array());
        }
    }
    let ring = segs + 1;
    for k in 0..line.len() as u32 - 1 {
        for j in 0..segs {
            let a = k * ring + j;
            b.tri(a, a + ring, a + 1);
            b.tri(a + 1, a + ring, a + ring + 1);
        }
    }
    for (k, sign) in [(0usize, -1.0f32), (line.len() - 1, 1.0)] {
        let (c, col, _) = line[k];
        let n = tangent(k) * sign;
        let centre = b.vert(c, n, col.to_array());
        let base = k as u32 * ring;
        for j in 0..segs {
            let p0 = Vec3::from(b.m.positions[(base + j) as usize]);
            let p1 = Vec3::from(b.m.positions[(base + j + 1) as usize]);
            let i0 = b.vert(p0, n, col.to_array());
            let i1 = b.vert(p1, n, col.to_array());
            b.tri(centre, i0, i1);
        }
    }
    Ok(b.m)
}

/// Which axis a slice is perpendicular to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SliceAxis {
    /// A plane of constant x (`drawxslicemesh`).
    X,
    /// A plane of constant y (`drawyslicemesh`).
    Y,
    /// A plane of constant z (`drawzslicemesh`).
    Z,
}

/// A volume of `u16` samples for slices: `data[x + nx * (y + ny * z)]` sits at
/// `offset + step * (x, y, z)`.
#[derive(Debug, Clone, Copy)]
pub struct Volume<'a> {
    /// The samples, x fastest.
    pub data: &'a [u16],
    /// Samples per axis `[nx, ny, nz]`.
    pub dims: [usize; 3],
    /// Distance between samples per axis.
    pub step: [f32; 3],
    /// Position of sample (0, 0, 0).
    pub offset: [f32; 3],
}

impl Scene {
    /// `gr3_drawxslicemesh` / `y` / `z`: the plane of samples with index `index` along
    /// `axis`, each vertex coloured by GR colormap `colormap` (GR codes, e.g. 0..=47,
    /// negative = reversed) at `value / 65535`.
    pub fn drawslicemesh(
        &mut self,
        volume: &Volume,
        axis: SliceAxis,
        index: usize,
        colormap: i32,
    ) -> Result<()> {
        let m = slice_mesh("drawslicemesh", volume, axis, index, colormap)?;
        self.draw_world(m);
        Ok(())
    }

    /// `gr3_createxslicemesh` / `y` / `z`: the slice of [`Scene::drawslicemesh`] as a
    /// mesh (in world coordinates) for [`Scene::drawmesh`].
    pub fn createslicemesh(
        &mut self,
        volume: &Volume,
        axis: SliceAxis,
        index: usize,
        colormap: i32,
    ) -> Result<MeshId> {
        let m = slice_mesh("createslicemesh", volume, axis, index, colormap)?;
        self.insert_mesh(m)
    }

    /// `gr3_drawxslicemesh`: the slice of constant x index `ix`.
    pub fn drawxslicemesh(&mut self, volume: &Volume, ix: usize, colormap: i32) -> Result<()> {
        self.drawslicemesh(volume, SliceAxis::X, ix, colormap)
    }

    /// `gr3_drawyslicemesh`: the slice of constant y index `iy`.
    pub fn drawyslicemesh(&mut self, volume: &Volume, iy: usize, colormap: i32) -> Result<()> {
        self.drawslicemesh(volume, SliceAxis::Y, iy, colormap)
    }

    /// `gr3_drawzslicemesh`: the slice of constant z index `iz`.
    pub fn drawzslicemesh(&mut self, volume: &Volume, iz: usize, colormap: i32) -> Result<()> {
        self.drawslicemesh(volume, SliceAxis::Z, iz, colormap)
    }
}

fn slice_mesh(
    func: &'static str,
    volume: &Volume,
    axis: SliceAxis,
    index: usize,
    colormap: i32,
) -> Result<Mesh> {
    {
        let [nx, ny, nz] = volume.dims;
        let total = nx
            .checked_mul(ny)
            .and_then(|v| v.checked_mul(nz))
            .ok_or_else(|| invalid(func, "volume dimensions overflow"))?;
        if nx < 2 || ny < 2 || nz < 2 {
            return Err(invalid(
                func,
                format!(
                    "the volume needs at least 2 samples per axis, got {:?}",
                    volume.dims
                ),
            ));
        }
        if volume.data.len() != total {
            return Err(invalid(
                func,
                format!(
                    "data has {} samples but dims {:?} need {total}",
                    volume.data.len(),
                    volume.dims
                ),
            ));
        }
        if volume
            .step
            .iter()
            .chain(&volume.offset)
            .any(|v| !v.is_finite())
        {
            return Err(invalid(func, "step and offset must be finite"));
        }
        let (a, u, v) = match axis {
            SliceAxis::X => (0, 1, 2),
            SliceAxis::Y => (1, 0, 2),
            SliceAxis::Z => (2, 0, 1),
        };
        if index >= volume.dims[a] {
            return Err(invalid(
                func,
                format!(
                    "slice index {index} is out of range for {} samples along that axis",
                    volume.dims[a]
                ),
            ));
        }
        let (map, reverse, _) = gr::colormap::decode(func, colormap)?;
        let lut = gr::colormap::colormap_colors(map, reverse);
        let mut normal = Vec3::ZERO;
        normal[a] = 1.0;
        let mut b = Builder::new();
        let (nu, nv) = (volume.dims[u], volume.dims[v]);
        for j in 0..nv {
            for i in 0..nu {
                let mut idx = [0usize; 3];
                idx[a] = index;
                idx[u] = i;
                idx[v] = j;
                let value = volume.data[idx[0] + nx * (idx[1] + ny * idx[2])];
                let rgb = lut[(value as usize * 255 + 32767) / 65535];
                let pos = Vec3::from_array(std::array::from_fn(|k| {
                    volume.offset[k] + volume.step[k] * idx[k] as f32
                }));
                b.vert(pos, normal, rgb.map(|c| c as f32 / 255.0));
            }
        }
        for j in 0..nv as u32 - 1 {
            for i in 0..nu as u32 - 1 {
                let p = j * nu as u32 + i;
                let q = p + nu as u32;
                b.tri(p, p + 1, q + 1);
                b.tri(p, q + 1, q);
            }
        }
        Ok(b.m)
    }
}
