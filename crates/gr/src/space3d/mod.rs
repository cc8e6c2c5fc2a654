//! 3D: GR's projections, 3D primitives, axes, grids, titles and surfaces.
//!
//! Two kinds of projection, as in GR:
//!
//! * **The classic view** ([`Gr::setspace`], projection type 0): GR's oblique parallel
//!   projection defined by a `rotation` about the z axis and a `tilt` of the view, both in
//!   degrees. The box `window × z range` is mapped so that it exactly fills the viewport.
//!   For rotation and tilt in GR's range `0..=90` the mapping is GR's, coefficient for
//!   coefficient; rotations outside that range (GR rejects them) continue the same view by
//!   quarter turns of the data, so every rotation works and 90 joins continuously.
//! * **Camera projections** ([`Gr::setspace3d`], [`Gr::settransformationparameters`],
//!   [`Gr::setperspectiveprojection`], [`Gr::setorthographicprojection`], types 1 and 2): a
//!   camera looking at a focus point in scaled world coordinates (`setscalefactors3d`), with
//!   the `[-1, 1]²` image plane mapped onto the viewport.
//!
//! Every 3D function goes through [`Gr::project`]: world → the unit cube (log and flipped
//! axes applied by the context's [`Axis`] types) → the projection → NDC.
//!
//! Hidden surfaces are drawn with the painter's algorithm in an order that is exact for
//! height fields: surface cells are visited from the far side to the near side along x and
//! y (from the view direction for parallel projections, from the camera position for
//! perspective), triangulated surfaces by a topological sort of the "in front of" relation
//! of adjacent Delaunay triangles, which has no cycles for Delaunay triangulations.
//!
//! Every face gets a same-colour outline 1.5 device pixels wide, so anti-aliased edges of
//! neighbouring faces leave no light seams (GR's surfaces have them). Colour-filled
//! surfaces (options 3, 4, 6) get GR's light mesh on purpose instead: a thin white line at
//! 30 % opacity around each cell, painted with the cell, so hidden parts stay hidden.
//!
//! Axis labels and titles are upright (GR slants them along the projected axes).

mod axes3d;
mod delaunay;
mod draw;
mod scenes;
mod surface;
#[cfg(test)]
mod tests;

pub use delaunay::delaunay;
pub use scenes::{peaks_grid, surface_scene, surface_zshaded_scene, trisurface_scene};
pub use surface::SurfaceOption;

use crate::context::Gr;
use crate::error::{Error, Result};
use crate::scale::Axis;

/// The projection types of [`Gr::setprojectiontype`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProjectionType {
    /// GR's classic oblique view set with [`Gr::setspace`] (0).
    #[default]
    Default,
    /// Orthographic camera projection (1).
    Orthographic,
    /// Perspective camera projection (2).
    Perspective,
}

impl ProjectionType {
    /// GR's number for the type.
    pub fn to_gr(self) -> i32 {
        match self {
            ProjectionType::Default => 0,
            ProjectionType::Orthographic => 1,
            ProjectionType::Perspective => 2,
        }
    }
}

/// The angles of the classic view (GR's defaults: rotation 60°, tilt 60°).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ViewAngles {
    pub(crate) rotation: f64,
    pub(crate) tilt: f64,
}

impl Default for ViewAngles {
    fn default() -> Self {
        ViewAngles {
            rotation: 60.0,
            tilt: 60.0,
        }
    }
}

/// Camera of the orthographic and perspective projections, in scaled world coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Camera {
    pub(crate) position: [f64; 3],
    pub(crate) up: [f64; 3],
    pub(crate) focus: [f64; 3],
    pub(crate) scale: [f64; 3],
    /// `near, far, fov` of the perspective projection.
    pub(crate) perspective: [f64; 3],
    /// `left, right, bottom, top, near, far` of the orthographic projection.
    pub(crate) orthographic: [f64; 6],
    /// The arguments of the last `setspace3d`, if the camera came from there.
    pub(crate) space3d: Option<[f64; 4]>,
}

impl Default for Camera {
    fn default() -> Self {
        // GR's initial camera: at (0, 2, 0) looking at the origin with z up.
        Camera {
            position: [0.0, 2.0, 0.0],
            up: [0.0, 0.0, 1.0],
            focus: [0.0, 0.0, 0.0],
            scale: [1.0, 1.0, 1.0],
            perspective: [1.0, 0.0, 45.0],
            orthographic: [-1.0, 1.0, -1.0, 1.0, 1.0, 0.0],
            space3d: None,
        }
    }
}

/// Where `titles3d` puts the title of an axis that `axes3d` drew: the axis in unit
/// coordinates, the unit-space direction its labels went, and what it drew beside the
/// axis: `[base_x, base_y, xmin, xmax, ymin, ymax]` per tick end and label box (NDC), the
/// base being the point on the axis it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TitleSlot {
    pub(crate) from: [f64; 3],
    pub(crate) to: [f64; 3],
    pub(crate) outward: [f64; 3],
    pub(crate) marks: Vec<[f64; 6]>,
}

/// The 3D view state of a context: classic view angles, projection type, 3D window and
/// camera (saved and restored by `savestate`/`restorestate`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Space3d {
    pub(crate) angles: ViewAngles,
    pub(crate) projection: ProjectionType,
    pub(crate) window3d: Option<[f64; 6]>,
    pub(crate) camera: Camera,
    pub(crate) titles: [Option<TitleSlot>; 3],
}

fn invalid(func: &'static str, msg: impl Into<String>) -> Error {
    Error::InvalidArgument {
        func,
        msg: msg.into(),
    }
}

fn check_finite(func: &'static str, what: &str, v: f64) -> Result<()> {
    if v.is_finite() {
        Ok(())
    } else {
        Err(invalid(func, format!("{what} must be finite, got {v}")))
    }
}

// ----- small vector helpers -------------------------------------------------------------------

pub(crate) fn sub(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}

pub(crate) fn dot(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

pub(crate) fn cross(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

pub(crate) fn norm(a: [f64; 3]) -> f64 {
    dot(a, a).sqrt()
}

fn normalized(a: [f64; 3]) -> [f64; 3] {
    let n = norm(a);
    [a[0] / n, a[1] / n, a[2] / n]
}

/// Where the viewer is, in unit coordinates: the direction towards the viewer for
/// parallel projections, the eye point for perspective.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Eye {
    Direction([f64; 3]),
    Point([f64; 3]),
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    /// `ndc = m · (u, v, w, 1)`; depth = −toward · p.
    Parallel { m: [[f64; 4]; 2], toward: [f64; 3] },
    /// Camera projection in scaled world coordinates.
    Camera {
        perspective: bool,
        position: [f64; 3],
        s: [f64; 3],
        u: [f64; 3],
        f: [f64; 3],
        /// Unit coordinate → scaled world: `p = offset + gain · unit`.
        offset: [f64; 3],
        gain: [f64; 3],
        /// `x_ndc_unit = kx · cx + bx` (perspective: applied to `cx / depth`).
        kx: f64,
        bx: f64,
        ky: f64,
        by: f64,
    },
}

/// A snapshot of everything needed to project: the three axes (limits, log, flip), the
/// viewport and the projection.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Projector {
    pub(crate) axes: [Axis; 3],
    viewport: [f64; 4],
    kind: Kind,
}

/// GR's classic projection of the unit cube for rotation `r` and tilt `t` (degrees), as an
/// affine map `(u, v, w, 1) → (X, Y)` onto the unit square.
fn classic_matrix(rotation: f64, tilt: f64) -> [[f64; 4]; 2] {
    let r = rotation.rem_euclid(360.0);
    let quarter = ((r / 90.0).floor() as i32).clamp(0, 3);
    let rr = (r - 90.0 * quarter as f64).to_radians();
    let t = tilt.to_radians();
    let (s, c) = rr.sin_cos();
    let tt = (t / 2.0).tan();
    let ct = t.cos();
    let a = c + s;
    let d = tt + ct;
    // GR's rows for a rotation within 0..=90, on (u', v', w, 1).
    let mut m = [
        [c / a, s / a, 0.0, 0.0],
        [-tt * s * s / d, tt * c * c / d, ct / d, tt * s * s / d],
    ];
    // Each further quarter turn substitutes (u', v') = (v, 1 - u): a rotation of the data
    // by 90° about the centre of the box, which continues GR's view past 90°.
    for _ in 0..quarter {
        for row in &mut m {
            let [cu, cv, cw, c0] = *row;
            *row = [-cv, cu, cw, c0 + cv];
        }
    }
    m
}

impl Projector {
    /// World → unit coordinates (NaN for NaN input or non-positive values on log axes).
    pub(crate) fn unit(&self, x: f64, y: f64, z: f64) -> [f64; 3] {
        [
            self.axes[0].to_unit(x),
            self.axes[1].to_unit(y),
            self.axes[2].to_unit(z),
        ]
    }

    /// Unit coordinates → `(x_ndc, y_ndc, depth)` (depth grows away from the viewer); `None`
    /// for NaN input or points at or behind a perspective camera.
    pub(crate) fn project_unit(&self, p: [f64; 3]) -> Option<[f64; 3]> {
        if !(p[0].is_finite() && p[1].is_finite() && p[2].is_finite()) {
            return None;
        }
        let [vx0, vx1, vy0, vy1] = self.viewport;
        let (ux, uy, depth) = match self.kind {
            Kind::Parallel { m, toward } => {
                let x = m[0][0] * p[0] + m[0][1] * p[1] + m[0][2] * p[2] + m[0][3];
                let y = m[1][0] * p[0] + m[1][1] * p[1] + m[1][2] * p[2] + m[1][3];
                (x, y, -dot(toward, p))
            }
            Kind::Camera {
                perspective,
                position,
                s,
                u,
                f,
                offset,
                gain,
                kx,
                bx,
                ky,
                by,
            } => {
                let q = [
                    offset[0] + gain[0] * p[0],
                    offset[1] + gain[1] * p[1],
                    offset[2] + gain[2] * p[2],
                ];
                let d = sub(q, position);
                let (cx, cy, cz) = (dot(d, s), dot(d, u), dot(d, f));
                if perspective {
                    if cz <= 1e-12 * (1.0 + norm(d)) {
                        return None;
                    }
                    (
                        (kx * cx / cz + bx + 1.0) / 2.0,
                        (ky * cy / cz + by + 1.0) / 2.0,
                        cz,
                    )
                } else {
                    ((kx * cx + bx + 1.0) / 2.0, (ky * cy + by + 1.0) / 2.0, cz)
                }
            }
        };
        let x = vx0 + ux * (vx1 - vx0);
        let y = vy0 + uy * (vy1 - vy0);
        if x.is_finite() && y.is_finite() && depth.is_finite() {
            Some([x, y, depth])
        } else {
            None
        }
    }

    /// World → `(x_ndc, y_ndc, depth)`.
    pub(crate) fn project(&self, x: f64, y: f64, z: f64) -> Option<[f64; 3]> {
        self.project_unit(self.unit(x, y, z))
    }

    /// Where the viewer is, in unit coordinates.
    pub(crate) fn eye(&self) -> Eye {
        match self.kind {
            Kind::Parallel { toward, .. } => Eye::Direction(toward),
            Kind::Camera {
                perspective,
                position,
                f,
                offset,
                gain,
                ..
            } => {
                if perspective {
                    Eye::Point([
                        (position[0] - offset[0]) / gain[0],
                        (position[1] - offset[1]) / gain[1],
                        (position[2] - offset[2]) / gain[2],
                    ])
                } else {
                    Eye::Direction([-f[0] / gain[0], -f[1] / gain[1], -f[2] / gain[2]])
                }
            }
        }
    }

    /// The linear ("x_lin") value of a unit coordinate on axis `k`: the world value on
    /// linear axes, the log mapped linearly onto the limits on log axes.
    pub(crate) fn lin(&self, k: usize, unit: f64) -> f64 {
        let a = self.axes[k];
        a.min + unit * (a.max - a.min)
    }
}

impl Gr {
    /// The x, y and z axes 3D drawing uses: the window and `setspace` z range, or the
    /// `setwindow3d` box for camera projections (log and flip always from `setscale`).
    pub(crate) fn axes3(&self) -> [Axis; 3] {
        let modern = self.space3d.projection != ProjectionType::Default;
        match (modern, self.space3d.window3d) {
            (true, Some(w)) => [
                Axis {
                    min: w[0],
                    max: w[1],
                    ..self.x
                },
                Axis {
                    min: w[2],
                    max: w[3],
                    ..self.y
                },
                Axis {
                    min: w[4],
                    max: w[5],
                    ..self.z
                },
            ],
            _ => [self.x, self.y, self.z],
        }
    }

    /// The projection in force, as a snapshot.
    pub(crate) fn projector(&self) -> Projector {
        let axes = self.axes3();
        let viewport = self.viewport;
        let kind = match self.space3d.projection {
            ProjectionType::Default => {
                let ViewAngles { rotation, tilt } = self.space3d.angles;
                let m = classic_matrix(rotation, tilt);
                let r0 = [m[0][0], m[0][1], m[0][2]];
                let r1 = [m[1][0], m[1][1], m[1][2]];
                Kind::Parallel {
                    m,
                    toward: cross(r0, r1),
                }
            }
            pt => {
                let cam = &self.space3d.camera;
                let f = normalized(sub(cam.focus, cam.position));
                let s = normalized(cross(f, cam.up));
                let u = cross(s, f);
                let mut offset = [0.0; 3];
                let mut gain = [0.0; 3];
                for k in 0..3 {
                    offset[k] = axes[k].min * cam.scale[k];
                    gain[k] = (axes[k].max - axes[k].min) * cam.scale[k];
                }
                // GR: the shorter side of the viewport spans [-1, 1].
                let aspect = (viewport[1] - viewport[0]) / (viewport[3] - viewport[2]);
                let (xa, ya) = if aspect < 1.0 {
                    (1.0, 1.0 / aspect)
                } else {
                    (aspect, 1.0)
                };
                let perspective = pt == ProjectionType::Perspective;
                let (kx, bx, ky, by) = if perspective {
                    let cot = 1.0 / (cam.perspective[2].to_radians() / 2.0).tan();
                    (cot / xa, 0.0, cot / ya, 0.0)
                } else {
                    let [l, r, b, t, _, _] = cam.orthographic;
                    (
                        2.0 / (r - l) / xa,
                        -(l + r) / (r - l),
                        2.0 / (t - b) / ya,
                        -(b + t) / (t - b),
                    )
                };
                Kind::Camera {
                    perspective,
                    position: cam.position,
                    s,
                    u,
                    f,
                    offset,
                    gain,
                    kx,
                    bx,
                    ky,
                    by,
                }
            }
        };
        Projector {
            axes,
            viewport,
            kind,
        }
    }

    /// Projects a world point to NDC with the current 3D projection (log and flipped axes
    /// applied). Returns NaNs for NaN input, non-positive values on log axes and points at
    /// or behind a perspective camera.
    pub fn project(&self, x: f64, y: f64, z: f64) -> (f64, f64) {
        match self.projector().project(x, y, z) {
            Some([px, py, _]) => (px, py),
            None => (f64::NAN, f64::NAN),
        }
    }

    // ----- classic view ----------------------------------------------------------------------

    /// `setspace`: the z range of the 3D box and GR's classic view: `rotation` about the z
    /// axis and `tilt` of the view, in degrees (tilt 0 looks horizontally, 90 straight down).
    /// The box spanned by the window and `zmin..zmax` then fills the viewport. GR accepts
    /// rotations 0..=90 only; any finite rotation works here (see the module docs).
    pub fn setspace(&mut self, zmin: f64, zmax: f64, rotation: f64, tilt: f64) -> Result<()> {
        check_finite("setspace", "rotation", rotation)?;
        if !(0.0..=90.0).contains(&tilt) {
            return Err(invalid(
                "setspace",
                format!(
                    "tilt must be in 0..=90 degrees (0 = side view, 90 = top view), got {tilt}"
                ),
            ));
        }
        self.setzrange(zmin, zmax)?;
        self.space3d.angles = ViewAngles { rotation, tilt };
        Ok(())
    }

    /// `inqspace`: `(zmin, zmax, rotation, tilt)`.
    pub fn inqspace(&self) -> (f64, f64, f64, f64) {
        let a = self.space3d.angles;
        (self.z.min, self.z.max, a.rotation, a.tilt)
    }

    // ----- camera projections ----------------------------------------------------------------

    /// `setwindow3d`: the 3D box used by the orthographic and perspective projections (and
    /// the z range, as `setspace` sets it). Without it those projections use the 2D window
    /// and the `setspace` z range.
    pub fn setwindow3d(
        &mut self,
        xmin: f64,
        xmax: f64,
        ymin: f64,
        ymax: f64,
        zmin: f64,
        zmax: f64,
    ) -> Result<()> {
        let axes = [
            Axis {
                min: xmin,
                max: xmax,
                ..self.x
            },
            Axis {
                min: ymin,
                max: ymax,
                ..self.y
            },
            Axis {
                min: zmin,
                max: zmax,
                ..self.z
            },
        ];
        for (a, name) in axes.iter().zip(["x", "y", "z"]) {
            a.validate("setwindow3d", name)?;
        }
        self.setzrange(zmin, zmax)?;
        self.space3d.window3d = Some([xmin, xmax, ymin, ymax, zmin, zmax]);
        Ok(())
    }

    /// `inqwindow3d`: `[xmin, xmax, ymin, ymax, zmin, zmax]` of the box the camera
    /// projections use.
    pub fn inqwindow3d(&self) -> [f64; 6] {
        self.space3d.window3d.unwrap_or([
            self.x.min, self.x.max, self.y.min, self.y.max, self.z.min, self.z.max,
        ])
    }

    /// `setprojectiontype`: 0 = GR's classic view (`setspace`), 1 = orthographic,
    /// 2 = perspective camera.
    pub fn setprojectiontype(&mut self, projection_type: i32) -> Result<()> {
        self.space3d.projection = match projection_type {
            0 => ProjectionType::Default,
            1 => ProjectionType::Orthographic,
            2 => ProjectionType::Perspective,
            _ => {
                return Err(invalid(
                    "setprojectiontype",
                    format!(
                        "projection type must be 0 (default), 1 (orthographic) or 2 (perspective), got {projection_type}"
                    ),
                ))
            }
        };
        Ok(())
    }

    /// `inqprojectiontype`: 0, 1 or 2.
    pub fn inqprojectiontype(&self) -> i32 {
        self.space3d.projection.to_gr()
    }

    /// `setperspectiveprojection`: near and far plane distances and the vertical field of
    /// view in degrees; selects the perspective projection.
    pub fn setperspectiveprojection(&mut self, near: f64, far: f64, fov: f64) -> Result<()> {
        let func = "setperspectiveprojection";
        for (w, v) in [("near", near), ("far", far), ("fov", fov)] {
            check_finite(func, w, v)?;
        }
        if !(near > 0.0 && far > near) {
            return Err(invalid(
                func,
                format!("need 0 < near < far, got near {near}, far {far}"),
            ));
        }
        if !(fov > 0.0 && fov < 180.0) {
            return Err(invalid(
                func,
                format!("field of view must be between 0 and 180 degrees, got {fov}"),
            ));
        }
        self.space3d.camera.perspective = [near, far, fov];
        self.space3d.projection = ProjectionType::Perspective;
        Ok(())
    }

    /// `inqperspectiveprojection`: `(near, far, fov)`.
    pub fn inqperspectiveprojection(&self) -> (f64, f64, f64) {
        let [n, f, fov] = self.space3d.camera.perspective;
        (n, f, fov)
    }

    /// `setorthographicprojection`: the camera-space box `left..right × bottom..top`
    /// (`near`, `far` kept for inquiries) mapped onto `[-1, 1]²`; selects the orthographic
    /// projection.
    pub fn setorthographicprojection(
        &mut self,
        left: f64,
        right: f64,
        bottom: f64,
        top: f64,
        near: f64,
        far: f64,
    ) -> Result<()> {
        let func = "setorthographicprojection";
        for (w, v) in [
            ("left", left),
            ("right", right),
            ("bottom", bottom),
            ("top", top),
            ("near", near),
            ("far", far),
        ] {
            check_finite(func, w, v)?;
        }
        if left == right || bottom == top {
            return Err(invalid(
                func,
                format!(
                    "left/right and bottom/top must differ, got {left}..{right} × {bottom}..{top}"
                ),
            ));
        }
        self.space3d.camera.orthographic = [left, right, bottom, top, near, far];
        self.space3d.projection = ProjectionType::Orthographic;
        Ok(())
    }

    /// `inqorthographicprojection`: `[left, right, bottom, top, near, far]`.
    pub fn inqorthographicprojection(&self) -> [f64; 6] {
        self.space3d.camera.orthographic
    }

    /// `settransformationparameters`: camera position, up vector and focus point in scaled
    /// world coordinates (world × `setscalefactors3d`). The up vector is made perpendicular
    /// to the view direction, as `gluLookAt` does.
    #[allow(clippy::too_many_arguments)]
    pub fn settransformationparameters(
        &mut self,
        camera_x: f64,
        camera_y: f64,
        camera_z: f64,
        up_x: f64,
        up_y: f64,
        up_z: f64,
        focus_x: f64,
        focus_y: f64,
        focus_z: f64,
    ) -> Result<()> {
        let func = "settransformationparameters";
        let position = [camera_x, camera_y, camera_z];
        let up = [up_x, up_y, up_z];
        let focus = [focus_x, focus_y, focus_z];
        for (w, p) in [("camera", position), ("up", up), ("focus", focus)] {
            if p.iter().any(|v| !v.is_finite()) {
                return Err(invalid(func, format!("{w} must be finite, got {p:?}")));
            }
        }
        let f = sub(focus, position);
        if norm(f) == 0.0 {
            return Err(invalid(
                func,
                "camera and focus point coincide; move the camera away from the focus",
            ));
        }
        if norm(cross(f, up)) <= 1e-12 * norm(f) * norm(up) {
            return Err(invalid(
                func,
                format!("up vector {up:?} must not be parallel to the view direction {f:?}"),
            ));
        }
        let cam = &mut self.space3d.camera;
        cam.position = position;
        cam.up = up;
        cam.focus = focus;
        cam.space3d = None;
        Ok(())
    }

    /// `inqtransformationparameters`: `(camera, up, focus)`.
    pub fn inqtransformationparameters(&self) -> ([f64; 3], [f64; 3], [f64; 3]) {
        let c = &self.space3d.camera;
        (c.position, c.up, c.focus)
    }

    /// `setscalefactors3d`: world → camera-space scale per axis (non-zero).
    pub fn setscalefactors3d(&mut self, x: f64, y: f64, z: f64) -> Result<()> {
        for (w, v) in [("x", x), ("y", y), ("z", z)] {
            if !v.is_finite() || v == 0.0 {
                return Err(invalid(
                    "setscalefactors3d",
                    format!("the {w} scale factor must be finite and non-zero, got {v}"),
                ));
            }
        }
        self.space3d.camera.scale = [x, y, z];
        self.space3d.camera.space3d = None;
        Ok(())
    }

    /// `inqscalefactors3d`.
    pub fn inqscalefactors3d(&self) -> (f64, f64, f64) {
        let [x, y, z] = self.space3d.camera.scale;
        (x, y, z)
    }

    /// `setspace3d`: a camera on a sphere around the centre of the 3D box, as GR: azimuth
    /// `phi` and polar angle `theta` in degrees (theta 0 looks straight down), `fov` the
    /// vertical field of view (0 or NaN: orthographic), `camera_distance` in units where the
    /// box is a 2×2×2 cube (0 or NaN: fit the box's bounding sphere).
    pub fn setspace3d(
        &mut self,
        phi: f64,
        theta: f64,
        fov: f64,
        camera_distance: f64,
    ) -> Result<()> {
        let func = "setspace3d";
        check_finite(func, "phi", phi)?;
        check_finite(func, "theta", theta)?;
        let ortho = fov.is_nan() || fov == 0.0;
        if !ortho && !(0.0..180.0).contains(&fov) {
            return Err(invalid(
                func,
                format!("fov must be 0 (orthographic) or between 0 and 180 degrees, got {fov}"),
            ));
        }
        if !(camera_distance.is_nan() || (camera_distance >= 0.0 && camera_distance.is_finite())) {
            return Err(invalid(
                func,
                format!("camera distance must be >= 0 (0 = automatic), got {camera_distance}"),
            ));
        }
        let w = self.inqwindow3d();
        let radius = 3f64.sqrt();
        let auto = camera_distance.is_nan() || camera_distance == 0.0;
        let cam = &mut self.space3d.camera;
        let d = if ortho {
            let d = if auto { radius } else { camera_distance };
            cam.orthographic = [-d, d, -d, d, -2.0 * d, 2.0 * d];
            self.space3d.projection = ProjectionType::Orthographic;
            d
        } else {
            let d = if auto {
                (radius / (fov.to_radians() / 2.0).sin()).abs()
            } else {
                camera_distance
            };
            cam.perspective = [(d - 1.01 * radius).max(1e-6), d + 2.0 * radius, fov];
            self.space3d.projection = ProjectionType::Perspective;
            d
        };
        let scale = [
            2.0 / (w[1] - w[0]),
            2.0 / (w[3] - w[2]),
            2.0 / (w[5] - w[4]),
        ];
        let focus = [
            (w[0] + w[1]) / 2.0 * scale[0],
            (w[2] + w[3]) / 2.0 * scale[1],
            (w[4] + w[5]) / 2.0 * scale[2],
        ];
        let (sp, cp) = phi.to_radians().sin_cos();
        let (st, ct) = theta.to_radians().sin_cos();
        cam.position = [
            d * st * cp + focus[0],
            d * st * sp + focus[1],
            d * ct + focus[2],
        ];
        cam.up = [-cp * ct, -sp * ct, st];
        cam.focus = focus;
        cam.scale = scale;
        cam.space3d = Some([phi, theta, fov, camera_distance]);
        Ok(())
    }

    /// `inqspace3d`: the arguments of the `setspace3d` that defined the current camera, or
    /// `None` if the camera was set otherwise.
    pub fn inqspace3d(&self) -> Option<(f64, f64, f64, f64)> {
        self.space3d.camera.space3d.map(|[a, b, c, d]| (a, b, c, d))
    }
}
