//! From the scene to the rasterizer: camera and projection matrices, per-instance vertex
//! transformation, clipping against the near plane (and a guard band), and
//! [`Scene::getimage`].

use glam::{Mat3, Mat4, Vec3, Vec4};
use rayon::prelude::*;

use crate::error::Result;
use crate::raster::{self, Frame, SVert, Shading, View};
use crate::scene::{ProjectionType, Scene};

/// Clip-space planes are |x|, |y| <= GUARD * w: keeps projected coordinates small enough
/// for the fixed-point rasterizer while almost never clipping visible geometry.
const GUARD: f32 = 8.0;

#[derive(Debug, Clone, Copy)]
struct CVert {
    clip: Vec4,
    p: Vec3,
    n: Vec3,
    c: [f32; 4],
}

impl CVert {
    fn lerp(&self, o: &CVert, t: f32) -> CVert {
        let mut c = [0.0; 4];
        for (k, ck) in c.iter_mut().enumerate() {
            *ck = self.c[k] + (o.c[k] - self.c[k]) * t;
        }
        CVert {
            clip: self.clip.lerp(o.clip, t),
            p: self.p.lerp(o.p, t),
            n: self.n.lerp(o.n, t),
            c,
        }
    }
}

fn plane_dist(v: Vec4, plane: usize) -> f32 {
    match plane {
        0 => v.z + v.w,
        1 => GUARD * v.w - v.x,
        2 => GUARD * v.w + v.x,
        3 => GUARD * v.w - v.y,
        _ => GUARD * v.w + v.y,
    }
}

fn to_screen(v: &CVert, w: f32, h: f32) -> SVert {
    let invw = 1.0 / v.clip.w;
    let ndc = v.clip.truncate() * invw;
    SVert {
        x: (ndc.x + 1.0) * 0.5 * w,
        y: (1.0 - ndc.y) * 0.5 * h,
        z: ndc.z,
        invw,
        p: v.p.to_array(),
        n: v.n.to_array(),
        c: v.c,
    }
}

/// Camera matrices of a scene for an image of the given aspect ratio (width / height).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Matrices {
    pub view: Mat4,
    pub proj: Mat4,
}

impl Scene {
    pub(crate) fn matrices(&self, aspect: f32) -> Matrices {
        let c = &self.camera;
        let view = Mat4::look_at_rh(c.eye.into(), c.center.into(), c.up.into());
        let proj = match self.projection {
            ProjectionType::Perspective => {
                let [fov, n, f] = self.perspective;
                Mat4::perspective_rh_gl(fov.to_radians(), aspect, n, f)
            }
            ProjectionType::Orthographic => {
                let [l, r, b, t, n, f] = self.orthographic;
                Mat4::orthographic_rh_gl(l, r, b, t, n, f)
            }
        };
        Matrices { view, proj }
    }

    /// Unit vector toward the light in eye space, `None` for the camera light.
    pub(crate) fn eye_light(&self, view: &Mat4) -> Option<[f32; 3]> {
        self.light.map(|l| {
            (Mat3::from_mat4(*view) * Vec3::from(l))
                .normalize_or(Vec3::Z)
                .to_array()
        })
    }

    /// Projects every queued triangle for a `width × height` image.
    pub(crate) fn project(&self, width: u32, height: u32) -> (Vec<SVert>, Vec<[u32; 3]>) {
        let (wf, hf) = (width as f32, height as f32);
        let m = self.matrices(wf / hf);
        let view3 = Mat3::from_mat4(m.view);
        let jobs: Vec<(usize, usize)> = self
            .draws
            .iter()
            .enumerate()
            .flat_map(|(d, draw)| (0..draw.instances.len()).map(move |i| (d, i)))
            .collect();
        let parts: Vec<(Vec<SVert>, Vec<[u32; 3]>)> = jobs
            .par_iter()
            .map(|&(d, i)| {
                let draw = &self.draws[d];
                let inst = &draw.instances[i];
                let mesh = &draw.mesh;
                let mv = m.view * inst.model;
                let nm = view3 * inst.normal;
                let cv: Vec<CVert> = (0..mesh.positions.len())
                    .map(|k| {
                        let p = mv.transform_point3(Vec3::from(mesh.positions[k]));
                        let mc = mesh.colors[k];
                        CVert {
                            clip: m.proj * p.extend(1.0),
                            p,
                            n: nm * Vec3::from(mesh.normals[k]),
                            c: [
                                mc[0] * inst.color[0],
                                mc[1] * inst.color[1],
                                mc[2] * inst.color[2],
                                inst.alpha,
                            ],
                        }
                    })
                    .collect();
                let inside: Vec<u8> = cv
                    .iter()
                    .map(|v| {
                        (0..5).fold(0u8, |acc, pl| {
                            acc | (((plane_dist(v.clip, pl) < 0.0) as u8) << pl)
                        })
                    })
                    .collect();
                let mut sv: Vec<SVert> = cv.iter().map(|v| to_screen(v, wf, hf)).collect();
                let mut tris = Vec::with_capacity(mesh.indices.len() / 3);
                for t in mesh.indices.chunks_exact(3) {
                    let out = [
                        inside[t[0] as usize],
                        inside[t[1] as usize],
                        inside[t[2] as usize],
                    ];
                    if out[0] | out[1] | out[2] == 0 {
                        tris.push([t[0], t[1], t[2]]);
                    } else if out[0] & out[1] & out[2] == 0 {
                        clip_triangle(
                            [cv[t[0] as usize], cv[t[1] as usize], cv[t[2] as usize]],
                            &mut sv,
                            &mut tris,
                            wf,
                            hf,
                        );
                    }
                }
                (sv, tris)
            })
            .collect();
        let nv: usize = parts.iter().map(|p| p.0.len()).sum();
        let nt: usize = parts.iter().map(|p| p.1.len()).sum();
        let mut verts = Vec::with_capacity(nv);
        let mut tris = Vec::with_capacity(nt);
        for (v, t) in parts {
            let off = verts.len() as u32;
            verts.extend_from_slice(&v);
            tris.extend(t.into_iter().map(|[a, b, c]| [a + off, b + off, c + off]));
        }
        (verts, tris)
    }

    /// `gr3_getimage`: renders the scene to `width × height` straight-alpha RGBA bytes,
    /// top row first, using the current supersampling factor.
    pub fn getimage(&self, width: u32, height: u32) -> Result<Vec<u8>> {
        raster::check_size("getimage", width, height, self.ssaa)?;
        let (verts, tris) = self.project(width, height);
        let m = self.matrices(width as f32 / height as f32);
        let view = match self.projection {
            ProjectionType::Perspective => View::Point([0.0; 3]),
            ProjectionType::Orthographic => View::Parallel([0.0, 0.0, 1.0]),
        };
        raster::render(&Frame {
            verts: &verts,
            tris: &tris,
            width,
            height,
            ssaa: self.ssaa,
            background: self.background,
            shading: Shading {
                view,
                light: self.eye_light(&m.view),
                params: self.light_params,
            },
        })
    }
}

fn clip_triangle(tri: [CVert; 3], sv: &mut Vec<SVert>, tris: &mut Vec<[u32; 3]>, w: f32, h: f32) {
    let mut poly: Vec<CVert> = tri.to_vec();
    for plane in 0..5 {
        if poly.is_empty() {
            return;
        }
        let mut next = Vec::with_capacity(poly.len() + 2);
        for i in 0..poly.len() {
            let a = &poly[i];
            let b = &poly[(i + 1) % poly.len()];
            let da = plane_dist(a.clip, plane);
            let db = plane_dist(b.clip, plane);
            if da >= 0.0 {
                next.push(*a);
            }
            if (da >= 0.0) != (db >= 0.0) {
                next.push(a.lerp(b, da / (da - db)));
            }
        }
        poly = next;
    }
    if poly.len() < 3 {
        return;
    }
    let base = sv.len() as u32;
    sv.extend(poly.iter().map(|v| to_screen(v, w, h)));
    for i in 1..poly.len() as u32 - 1 {
        tris.push([base, base + i, base + i + 1]);
    }
}
