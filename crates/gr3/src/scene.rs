//! The scene: meshes, the draw list, camera, projection, light and output settings.
//!
//! A [`Scene`] is GR3's context as a value: create meshes, queue instanced draws of them,
//! set the camera and light, then render with [`Scene::getimage`] or [`Scene::export`].

use std::collections::BTreeMap;
use std::sync::Arc;

use glam::{Mat3, Mat4, Vec3};

use crate::error::{Error, Result};

/// Handle of a mesh created with [`Scene::createmesh`] or [`Scene::createindexedmesh`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MeshId(pub(crate) u32);

impl MeshId {
    /// The numeric id (as GR3's `int mesh`).
    pub fn to_gr(self) -> i32 {
        self.0 as i32
    }
}

/// GR3's projection types (`GR3_PROJECTION_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProjectionType {
    /// Perspective projection from `setcameraprojectionparameters` (the default).
    #[default]
    Perspective,
    /// Parallel projection of the box given by `setorthographicprojection`.
    Orthographic,
}

/// Triangles with per-vertex normals and colours, shared by all draws of it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mesh {
    pub(crate) positions: Vec<[f32; 3]>,
    pub(crate) normals: Vec<[f32; 3]>,
    pub(crate) colors: Vec<[f32; 3]>,
    /// Three indices per triangle.
    pub(crate) indices: Vec<u32>,
}

/// One placed copy of a mesh.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Instance {
    pub(crate) model: Mat4,
    pub(crate) normal: Mat3,
    pub(crate) color: [f32; 3],
    pub(crate) alpha: f32,
}

/// One queued `drawmesh` call.
#[derive(Debug, Clone)]
pub(crate) struct Draw {
    pub(crate) mesh: Arc<Mesh>,
    pub(crate) instances: Vec<Instance>,
}

/// Blinn-Phong parameters (`gr3_setlightparameters`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LightParameters {
    /// Ambient factor (GR3 default 0.2).
    pub ambient: f32,
    /// Diffuse factor (default 0.8).
    pub diffuse: f32,
    /// Specular factor (default 0.7).
    pub specular: f32,
    /// Specular exponent (default 128).
    pub specular_power: f32,
}

impl Default for LightParameters {
    fn default() -> Self {
        LightParameters {
            ambient: 0.2,
            diffuse: 0.8,
            specular: 0.7,
            specular_power: 128.0,
        }
    }
}

/// The camera: eye point, centre of view and up direction (`gr3_cameralookat`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    /// The eye position.
    pub eye: [f32; 3],
    /// The point looked at.
    pub center: [f32; 3],
    /// The up direction (made perpendicular to the view direction).
    pub up: [f32; 3],
}

/// A GR3 scene: meshes, draws, camera, light, background and quality.
#[derive(Debug, Clone)]
pub struct Scene {
    pub(crate) meshes: BTreeMap<u32, Arc<Mesh>>,
    next_id: u32,
    pub(crate) draws: Vec<Draw>,
    pub(crate) camera: Camera,
    pub(crate) projection: ProjectionType,
    /// fovy (degrees), znear, zfar.
    pub(crate) perspective: [f32; 3],
    /// left, right, bottom, top, znear, zfar.
    pub(crate) orthographic: [f32; 6],
    /// Direction toward the light in world coordinates; `None` = from the camera.
    pub(crate) light: Option<[f32; 3]>,
    pub(crate) light_params: LightParameters,
    pub(crate) background: [f32; 4],
    pub(crate) ssaa: u32,
    pub(crate) alpha: f32,
    pub(crate) builtin: crate::primitives::Builtins,
}

impl Default for Scene {
    fn default() -> Self {
        Self::new()
    }
}

pub(crate) fn invalid(func: &'static str, msg: impl Into<String>) -> Error {
    Error::InvalidArgument {
        func,
        msg: msg.into(),
    }
}

pub(crate) fn check_finite3(func: &'static str, what: &str, v: [f32; 3]) -> Result<()> {
    if v.iter().all(|c| c.is_finite()) {
        Ok(())
    } else {
        Err(invalid(func, format!("{what} must be finite, got {v:?}")))
    }
}

/// Checks that every array has `n` entries (named for the message).
pub(crate) fn check_len(func: &'static str, n: usize, arrays: &[(&str, usize)]) -> Result<()> {
    for &(name, len) in arrays {
        if len != n {
            return Err(invalid(
                func,
                format!("{name} has {len} entries but there are {n} items; pass one per item"),
            ));
        }
    }
    Ok(())
}

pub(crate) fn check_all_finite(func: &'static str, what: &str, v: &[[f32; 3]]) -> Result<()> {
    match v.iter().position(|p| !p.iter().all(|c| c.is_finite())) {
        None => Ok(()),
        Some(i) => Err(invalid(
            func,
            format!(
                "{what}[{i}] = {:?} is not finite; remove or replace NaN/Inf",
                v[i]
            ),
        )),
    }
}

impl Scene {
    /// An empty scene with GR3's defaults: perspective projection (45° vertical field of
    /// view, znear 0.1, zfar 100), camera at the origin looking along −z with +y up, light
    /// from the camera, transparent black background, no supersampling.
    pub fn new() -> Scene {
        Scene {
            meshes: BTreeMap::new(),
            next_id: 1,
            draws: Vec::new(),
            camera: Camera {
                eye: [0.0, 0.0, 0.0],
                center: [0.0, 0.0, -1.0],
                up: [0.0, 1.0, 0.0],
            },
            projection: ProjectionType::Perspective,
            perspective: [45.0, 0.1, 100.0],
            orthographic: [-1.0, 1.0, -1.0, 1.0, 0.1, 100.0],
            light: None,
            light_params: LightParameters::default(),
            background: [0.0, 0.0, 0.0, 0.0],
            ssaa: 1,
            alpha: 1.0,
            builtin: Default::default(),
        }
    }

    // ----- meshes ----------------------------------------------------------------------------

    /// `gr3_createmesh`: a mesh of `vertices.len() / 3` triangles (every three consecutive
    /// vertices form one), with one normal and one RGB colour (0..=1) per vertex.
    pub fn createmesh(
        &mut self,
        vertices: &[[f32; 3]],
        normals: &[[f32; 3]],
        colors: &[[f32; 3]],
    ) -> Result<MeshId> {
        let func = "createmesh";
        if vertices.len() % 3 != 0 {
            return Err(invalid(
                func,
                format!(
                    "{} vertices is not a multiple of 3; pass three vertices per triangle",
                    vertices.len()
                ),
            ));
        }
        let indices: Vec<u32> = (0..vertices.len() as u32).collect();
        self.add_mesh(func, vertices, normals, colors, indices)
    }

    /// `gr3_createindexedmesh`: vertices with normals and RGB colours, and triangles as
    /// three indices each into them (e.g. marching-cubes output).
    pub fn createindexedmesh(
        &mut self,
        vertices: &[[f32; 3]],
        normals: &[[f32; 3]],
        colors: &[[f32; 3]],
        indices: &[u32],
    ) -> Result<MeshId> {
        let func = "createindexedmesh";
        if indices.len() % 3 != 0 {
            return Err(invalid(
                func,
                format!(
                    "{} indices is not a multiple of 3; pass three indices per triangle",
                    indices.len()
                ),
            ));
        }
        if let Some(i) = indices.iter().position(|&k| k as usize >= vertices.len()) {
            return Err(invalid(
                func,
                format!(
                    "indices[{i}] = {} is out of range for {} vertices",
                    indices[i],
                    vertices.len()
                ),
            ));
        }
        self.add_mesh(func, vertices, normals, colors, indices.to_vec())
    }

    fn add_mesh(
        &mut self,
        func: &'static str,
        vertices: &[[f32; 3]],
        normals: &[[f32; 3]],
        colors: &[[f32; 3]],
        indices: Vec<u32>,
    ) -> Result<MeshId> {
        if vertices.is_empty() || indices.is_empty() {
            return Err(invalid(
                func,
                "the mesh has no triangles; pass at least three vertices",
            ));
        }
        check_len(
            func,
            vertices.len(),
            &[("normals", normals.len()), ("colors", colors.len())],
        )?;
        check_all_finite(func, "vertices", vertices)?;
        check_all_finite(func, "normals", normals)?;
        check_all_finite(func, "colors", colors)?;
        self.insert_mesh(Mesh {
            positions: vertices.to_vec(),
            normals: normals.to_vec(),
            colors: colors.to_vec(),
            indices,
        })
    }

    pub(crate) fn insert_mesh(&mut self, mesh: Mesh) -> Result<MeshId> {
        let func = "createmesh";
        let id = self.next_id;
        self.next_id = self
            .next_id
            .checked_add(1)
            .ok_or_else(|| invalid(func, "too many meshes created"))?;
        self.meshes.insert(id, Arc::new(mesh));
        Ok(MeshId(id))
    }

    /// `gr3_deletemesh`: forgets the mesh. Draws already queued with it still render until
    /// [`Scene::clear`].
    pub fn deletemesh(&mut self, mesh: MeshId) -> Result<()> {
        self.meshes
            .remove(&mesh.0)
            .map(|_| ())
            .ok_or_else(|| unknown_mesh("deletemesh", mesh))
    }

    /// Number of triangles of a mesh.
    pub fn mesh_triangles(&self, mesh: MeshId) -> Result<usize> {
        self.meshes
            .get(&mesh.0)
            .map(|m| m.indices.len() / 3)
            .ok_or_else(|| unknown_mesh("mesh_triangles", mesh))
    }

    /// `gr3_drawmesh`: queues `positions.len()` instances of the mesh. Instance `i` maps
    /// the mesh's z axis onto `directions[i]`, its y axis onto `ups[i]` (made perpendicular),
    /// scales the mesh axes by `scales[i]`, moves its origin to `positions[i]` and multiplies
    /// its vertex colours by `colors[i]`. The current [`Scene::setalpha`] applies.
    pub fn drawmesh(
        &mut self,
        mesh: MeshId,
        positions: &[[f32; 3]],
        directions: &[[f32; 3]],
        ups: &[[f32; 3]],
        colors: &[[f32; 3]],
        scales: &[[f32; 3]],
    ) -> Result<()> {
        let m = self
            .meshes
            .get(&mesh.0)
            .cloned()
            .ok_or_else(|| unknown_mesh("drawmesh", mesh))?;
        self.draw_arc("drawmesh", m, positions, directions, ups, colors, scales)
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn draw_arc(
        &mut self,
        func: &'static str,
        mesh: Arc<Mesh>,
        positions: &[[f32; 3]],
        directions: &[[f32; 3]],
        ups: &[[f32; 3]],
        colors: &[[f32; 3]],
        scales: &[[f32; 3]],
    ) -> Result<()> {
        let n = positions.len();
        if n == 0 {
            return Err(invalid(func, "no instances; pass at least one position"));
        }
        check_len(
            func,
            n,
            &[
                ("directions", directions.len()),
                ("ups", ups.len()),
                ("colors", colors.len()),
                ("scales", scales.len()),
            ],
        )?;
        for (what, a) in [
            ("positions", positions),
            ("directions", directions),
            ("ups", ups),
            ("colors", colors),
            ("scales", scales),
        ] {
            check_all_finite(func, what, a)?;
        }
        let mut instances = Vec::with_capacity(n);
        for i in 0..n {
            let z = Vec3::from(directions[i]);
            let up = Vec3::from(ups[i]);
            if z.length_squared() == 0.0 {
                return Err(invalid(
                    func,
                    format!("directions[{i}] is the zero vector; pass a non-zero direction"),
                ));
            }
            let z = z.normalize();
            let x = up.cross(z);
            if x.length() <= 1e-6 * up.length() || up.length_squared() == 0.0 {
                return Err(invalid(
                    func,
                    format!(
                        "ups[{i}] = {:?} is zero or parallel to directions[{i}] = {:?}; pass an up vector perpendicular to the direction",
                        ups[i], directions[i]
                    ),
                ));
            }
            let x = x.normalize();
            let y = z.cross(x);
            let s = Vec3::from(scales[i]);
            if s.x == 0.0 || s.y == 0.0 || s.z == 0.0 {
                return Err(invalid(
                    func,
                    format!("scales[{i}] = {:?} has a zero component", scales[i]),
                ));
            }
            let model = Mat4::from_cols(
                (x * s.x).extend(0.0),
                (y * s.y).extend(0.0),
                (z * s.z).extend(0.0),
                Vec3::from(positions[i]).extend(1.0),
            );
            let normal = Mat3::from_cols(x / s.x, y / s.y, z / s.z);
            instances.push(Instance {
                model,
                normal,
                color: colors[i],
                alpha: self.alpha,
            });
        }
        self.draws.push(Draw { mesh, instances });
        Ok(())
    }

    /// Queues a mesh already in world coordinates (identity placement, white instance colour).
    pub(crate) fn draw_world(&mut self, mesh: Mesh) {
        self.draws.push(Draw {
            mesh: Arc::new(mesh),
            instances: vec![Instance {
                model: Mat4::IDENTITY,
                normal: Mat3::IDENTITY,
                color: [1.0; 3],
                alpha: self.alpha,
            }],
        });
    }

    /// `gr3_clear`: removes all queued draws (meshes stay).
    pub fn clear(&mut self) {
        self.draws.clear();
    }

    /// Number of queued triangles (all instances of all draws).
    pub fn triangle_count(&self) -> usize {
        self.draws
            .iter()
            .map(|d| d.mesh.indices.len() / 3 * d.instances.len())
            .sum()
    }

    // ----- state -------------------------------------------------------------------------------

    /// `gr3_setbackgroundcolor`: RGBA in 0..=1 (default transparent black).
    pub fn setbackgroundcolor(&mut self, r: f32, g: f32, b: f32, a: f32) -> Result<()> {
        let c = [r, g, b, a];
        if c.iter().any(|v| !(0.0..=1.0).contains(v)) {
            return Err(invalid(
                "setbackgroundcolor",
                format!("components must be in 0..=1, got {c:?}"),
            ));
        }
        self.background = c;
        Ok(())
    }

    /// Opacity (0..=1) of the draws queued after this call (default 1). Draws with alpha
    /// below 1 are blended after all opaque ones, back to front. (A Rust addition: GR3
    /// takes alpha from its alpha mode.)
    pub fn setalpha(&mut self, alpha: f32) -> Result<()> {
        if !(0.0..=1.0).contains(&alpha) {
            return Err(invalid(
                "setalpha",
                format!("alpha must be in 0..=1, got {alpha}"),
            ));
        }
        self.alpha = alpha;
        Ok(())
    }

    /// `gr3_cameralookat`: eye position, the point looked at and the up direction.
    pub fn cameralookat(&mut self, eye: [f32; 3], center: [f32; 3], up: [f32; 3]) -> Result<()> {
        let func = "cameralookat";
        check_finite3(func, "eye", eye)?;
        check_finite3(func, "center", center)?;
        check_finite3(func, "up", up)?;
        let f = Vec3::from(center) - Vec3::from(eye);
        if f.length_squared() == 0.0 {
            return Err(invalid(
                func,
                format!("eye and center are both {eye:?}; move the eye away from the center"),
            ));
        }
        let u = Vec3::from(up);
        if f.cross(u).length() <= 1e-6 * f.length() * u.length() {
            return Err(invalid(
                func,
                format!(
                    "up {up:?} is zero or parallel to the view direction {:?}; pass an up vector that is not",
                    f.to_array()
                ),
            ));
        }
        self.camera = Camera { eye, center, up };
        Ok(())
    }

    /// The camera set with [`Scene::cameralookat`].
    pub fn camera(&self) -> Camera {
        self.camera
    }

    /// `gr3_setcameraprojectionparameters`: vertical field of view in degrees (0 < fov <
    /// 180) and the near and far clipping distances (0 < znear < zfar).
    pub fn setcameraprojectionparameters(
        &mut self,
        vertical_fov_deg: f32,
        znear: f32,
        zfar: f32,
    ) -> Result<()> {
        let func = "setcameraprojectionparameters";
        if !(vertical_fov_deg > 0.0 && vertical_fov_deg < 180.0) {
            return Err(invalid(
                func,
                format!(
                    "the field of view must be between 0 and 180 degrees, got {vertical_fov_deg}"
                ),
            ));
        }
        if !(znear > 0.0 && zfar > znear && zfar.is_finite()) {
            return Err(invalid(
                func,
                format!("need 0 < znear < zfar, got znear {znear}, zfar {zfar}"),
            ));
        }
        self.perspective = [vertical_fov_deg, znear, zfar];
        Ok(())
    }

    /// `gr3_getcameraprojectionparameters`: `(vertical_fov_deg, znear, zfar)`.
    pub fn getcameraprojectionparameters(&self) -> (f32, f32, f32) {
        let [a, b, c] = self.perspective;
        (a, b, c)
    }

    /// `gr3_setprojectiontype`.
    pub fn setprojectiontype(&mut self, projection: ProjectionType) {
        self.projection = projection;
    }

    /// `gr3_getprojectiontype`.
    pub fn getprojectiontype(&self) -> ProjectionType {
        self.projection
    }

    /// `gr3_setorthographicprojection`: the eye-space box `left..right × bottom..top`
    /// between the distances `znear..zfar` in front of the eye is mapped onto the image.
    /// Takes effect with `setprojectiontype(ProjectionType::Orthographic)`.
    pub fn setorthographicprojection(
        &mut self,
        left: f32,
        right: f32,
        bottom: f32,
        top: f32,
        znear: f32,
        zfar: f32,
    ) -> Result<()> {
        let func = "setorthographicprojection";
        let v = [left, right, bottom, top, znear, zfar];
        if v.iter().any(|x| !x.is_finite()) {
            return Err(invalid(
                func,
                format!("arguments must be finite, got {v:?}"),
            ));
        }
        if left == right || bottom == top || znear >= zfar {
            return Err(invalid(
                func,
                format!(
                    "need left != right, bottom != top and znear < zfar, got {left}..{right} × {bottom}..{top}, z {znear}..{zfar}"
                ),
            ));
        }
        self.orthographic = v;
        Ok(())
    }

    /// `gr3_setlightdirection`: direction from the scene toward the light, in world
    /// coordinates. `(0, 0, 0)` (the default) makes the light come from the camera.
    pub fn setlightdirection(&mut self, x: f32, y: f32, z: f32) -> Result<()> {
        check_finite3("setlightdirection", "direction", [x, y, z])?;
        self.light = if x == 0.0 && y == 0.0 && z == 0.0 {
            None
        } else {
            Some([x, y, z])
        };
        Ok(())
    }

    /// `gr3_setlightparameters`: Blinn-Phong factors (all ≥ 0).
    pub fn setlightparameters(
        &mut self,
        ambient: f32,
        diffuse: f32,
        specular: f32,
        specular_power: f32,
    ) -> Result<()> {
        let v = [ambient, diffuse, specular, specular_power];
        if v.iter().any(|x| !(x.is_finite() && *x >= 0.0)) {
            return Err(invalid(
                "setlightparameters",
                format!("ambient, diffuse, specular and power must be finite and >= 0, got {v:?}"),
            ));
        }
        self.light_params = LightParameters {
            ambient,
            diffuse,
            specular,
            specular_power,
        };
        Ok(())
    }

    /// `gr3_getlightparameters`.
    pub fn getlightparameters(&self) -> LightParameters {
        self.light_params
    }

    /// `gr3_setdefaultlightparameters`: ambient 0.2, diffuse 0.8, specular 0.7, power 128.
    pub fn setdefaultlightparameters(&mut self) {
        self.light_params = LightParameters::default();
    }

    /// `gr3_setquality` for the software renderer: supersampling factor 1..=16 (each image
    /// pixel is the mean of `ssaa × ssaa` samples).
    pub fn setquality(&mut self, ssaa: u32) -> Result<()> {
        if !(1..=16).contains(&ssaa) {
            return Err(invalid(
                "setquality",
                format!("the supersampling factor must be in 1..=16, got {ssaa}"),
            ));
        }
        self.ssaa = ssaa;
        Ok(())
    }

    /// The supersampling factor.
    pub fn getquality(&self) -> u32 {
        self.ssaa
    }
}

pub(crate) fn unknown_mesh(func: &'static str, mesh: MeshId) -> Error {
    invalid(
        func,
        format!(
            "unknown mesh id {} (deleted, or created by another scene)",
            mesh.0
        ),
    )
}
