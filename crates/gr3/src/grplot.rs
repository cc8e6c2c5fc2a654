//! GR3 inside GR plots: a rendered scene as an image in a GR window ([`Scene::drawimage`]),
//! and [`surface`], GR's surface drawn by GR3 (a lit, colormapped triangle mesh rendered
//! with the z-buffer) in the current 3D space, so that GR's `axes3d` can go on top.

use crate::error::Result;
use crate::raster::{self, Frame, SVert, Shading, View};
use crate::scene::{invalid, LightParameters, Scene};

impl Scene {
    /// `gr3_drawimage`: renders the scene at `width × height` pixels and draws it with
    /// `gr.drawimage` on the world rectangle `xmin..xmax × ymin..ymax`.
    #[allow(clippy::too_many_arguments)]
    pub fn drawimage(
        &self,
        gr: &mut gr::Gr,
        xmin: f64,
        xmax: f64,
        ymin: f64,
        ymax: f64,
        width: u32,
        height: u32,
    ) -> Result<()> {
        let rgba = self.getimage(width, height)?;
        let px: Vec<[u8; 4]> = rgba
            .chunks_exact(4)
            .map(|p| [p[0], p[1], p[2], p[3]])
            .collect();
        gr.drawimage(xmin, xmax, ymin, ymax, width as usize, height as usize, &px)?;
        Ok(())
    }
}

/// Settings of [`surface`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SurfaceOptions {
    /// Pixel size of the rendered image that covers the viewport.
    pub width: u32,
    /// Pixel height of the image.
    pub height: u32,
    /// Supersampling factor (1..=16).
    pub ssaa: u32,
    /// Blinn-Phong factors (GR3's defaults).
    pub light: LightParameters,
}

impl Default for SurfaceOptions {
    fn default() -> Self {
        SurfaceOptions {
            width: 1000,
            height: 1000,
            ssaa: 1,
            light: LightParameters::default(),
        }
    }
}

fn sub(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
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
fn unit(a: [f64; 3]) -> [f64; 3] {
    let l = dot(a, a).sqrt();
    [a[0] / l, a[1] / l, a[2] / l]
}

/// GR's surface through GR3 (`gr3_surface`, GR surface option GR3): `z[j * nx + i]` over
/// the grid `x[i]`, `y[j]`, as a smooth-shaded mesh coloured with the current colormap by
/// height, lit from the viewer with Blinn-Phong, hidden surfaces removed with a z-buffer.
/// It is projected with the current GR 3D projection (`setspace`, `setwindow3d`,
/// `setspace3d`), rendered to an image covering the viewport and drawn with
/// `gr.drawimage`, so `axes3d` and titles can be drawn on top.
///
/// Vertices are placed exactly with `gr.project`; depth and normals use linear axes (on
/// log axes the shading is approximate).
pub fn surface(
    gr: &mut gr::Gr,
    x: &[f64],
    y: &[f64],
    z: &[f64],
    options: &SurfaceOptions,
) -> Result<()> {
    let func = "surface";
    let (nx, ny) = (x.len(), y.len());
    if nx < 2 || ny < 2 {
        return Err(invalid(
            func,
            format!("need at least 2 x and 2 y values, got {nx} and {ny}"),
        ));
    }
    if z.len() != nx * ny {
        return Err(invalid(
            func,
            format!(
                "z has {} values but the {nx}x{ny} grid needs {}",
                z.len(),
                nx * ny
            ),
        ));
    }
    if x.iter().chain(y).any(|v| !v.is_finite()) {
        return Err(invalid(func, "x and y must be finite"));
    }
    raster::check_size(func, options.width, options.height, options.ssaa)?;
    let w3 = gr.inqwindow3d();
    let box_min = [w3[0], w3[2], w3[4]];
    let box_len = [w3[1] - w3[0], w3[3] - w3[2], w3[5] - w3[4]];
    let to_world =
        |u: [f64; 3]| std::array::from_fn::<f64, 3, _>(|k| box_min[k] + u[k] * box_len[k]);
    let proj = |w: [f64; 3]| gr.project(w[0], w[1], w[2]);
    // Linear part of the projection at the box origin: its null direction is the view ray.
    let p0 = proj(to_world([0.0; 3]));
    let cols: Vec<(f64, f64)> = (0..3)
        .map(|k| {
            let mut e = [0.0; 3];
            e[k] = 1.0;
            let p = proj(to_world(e));
            (p.0 - p0.0, p.1 - p0.1)
        })
        .collect();
    let ax = [cols[0].0, cols[1].0, cols[2].0];
    let ay = [cols[0].1, cols[1].1, cols[2].1];
    let toward = cross(ax, ay);
    if !toward.iter().all(|v| v.is_finite()) || dot(toward, toward) == 0.0 {
        return Err(invalid(
            func,
            "the current 3D projection is degenerate; check setspace/setwindow3d",
        ));
    }
    let toward = unit(toward);
    let perspective = gr.inqprojectiontype() == 2;
    let eye_unit = if perspective {
        let (pos, _, _) = gr.inqtransformationparameters();
        let (sx, sy, sz) = gr.inqscalefactors3d();
        let s = [sx, sy, sz];
        Some(std::array::from_fn::<f64, 3, _>(|k| {
            (pos[k] / s[k] - box_min[k]) / box_len[k]
        }))
    } else {
        None
    };
    let vp = gr.inqviewport();
    let (wf, hf) = (options.width as f64, options.height as f64);
    let (cmin, cmax) = z
        .iter()
        .filter(|v| v.is_finite())
        .fold((w3[4], w3[5]), |(a, b), &v| (a.min(v), b.max(v)));
    let (c0, c1) = gr.inqcolormapinds();
    let mut verts = Vec::with_capacity(nx * ny);
    let mut valid = Vec::with_capacity(nx * ny);
    let uz = |i: usize, j: usize| (z[j * nx + i] - box_min[2]) / box_len[2];
    let ux = |i: usize| (x[i] - box_min[0]) / box_len[0];
    let uy = |j: usize| (y[j] - box_min[1]) / box_len[1];
    let mut keys = Vec::with_capacity(nx * ny);
    for j in 0..ny {
        for i in 0..nx {
            let zv = z[j * nx + i];
            let (px, py) = gr.project(x[i], y[j], zv);
            let u = [ux(i), uy(j), uz(i, j)];
            let ok = zv.is_finite() && px.is_finite() && py.is_finite();
            valid.push(ok);
            // Normal of the height field by central differences in unit coordinates.
            let (i0, i1) = (i.saturating_sub(1), (i + 1).min(nx - 1));
            let (j0, j1) = (j.saturating_sub(1), (j + 1).min(ny - 1));
            let dzdx = (uz(i1, j) - uz(i0, j)) / (ux(i1) - ux(i0));
            let dzdy = (uz(i, j1) - uz(i, j0)) / (uy(j1) - uy(j0));
            let n = [-dzdx, -dzdy, 1.0];
            let n = if n.iter().all(|v| v.is_finite()) {
                n
            } else {
                [0.0, 0.0, 1.0]
            };
            let t = if cmax > cmin {
                (zv - cmin) / (cmax - cmin)
            } else {
                0.5
            };
            let idx = (c0 as f64 + t.clamp(0.0, 1.0) * (c1 - c0) as f64).round() as i32;
            let (r, g, b) = if ok {
                gr.inqcolor(idx)?
            } else {
                (0.0, 0.0, 0.0)
            };
            let (key, invw) = match eye_unit {
                Some(e) => {
                    let d = dot(sub(u, e), toward.map(|v| -v));
                    (d, 1.0 / d)
                }
                None => (-dot(u, toward), 1.0),
            };
            keys.push(key);
            verts.push(SVert {
                x: ((px - vp[0]) / (vp[1] - vp[0]) * wf) as f32,
                y: ((vp[3] - py) / (vp[3] - vp[2]) * hf) as f32,
                z: 0.0,
                invw: invw as f32,
                p: u.map(|v| v as f32),
                n: n.map(|v| v as f32),
                c: [r as f32, g as f32, b as f32, 1.0],
            });
        }
    }
    // Depth into −0.9..0.9, linear in screen space (1/distance for perspective).
    let (kmin, kmax) = keys
        .iter()
        .zip(&valid)
        .filter(|(k, &ok)| ok && k.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), (&k, _)| {
            (a.min(k), b.max(k))
        });
    for (v, &k) in verts.iter_mut().zip(&keys) {
        let t = if kmax > kmin {
            if perspective {
                (1.0 / kmin - 1.0 / k) / (1.0 / kmin - 1.0 / kmax)
            } else {
                (k - kmin) / (kmax - kmin)
            }
        } else {
            0.5
        };
        v.z = (t * 1.8 - 0.9) as f32;
    }
    let mut tris = Vec::with_capacity((nx - 1) * (ny - 1) * 2);
    for j in 0..ny - 1 {
        for i in 0..nx - 1 {
            let a = (j * nx + i) as u32;
            let b = a + 1;
            let c = a + nx as u32;
            let d = c + 1;
            for t in [[a, b, d], [a, d, c]] {
                if t.iter().all(|&k| valid[k as usize]) {
                    tris.push(t);
                }
            }
        }
    }
    let view = match eye_unit {
        Some(e) => View::Point(e.map(|v| v as f32)),
        None => View::Parallel(toward.map(|v| v as f32)),
    };
    let rgba = raster::render(&Frame {
        verts: &verts,
        tris: &tris,
        width: options.width,
        height: options.height,
        ssaa: options.ssaa,
        background: [0.0; 4],
        shading: Shading {
            view,
            light: None,
            params: options.light,
        },
    })?;
    let px: Vec<[u8; 4]> = rgba
        .chunks_exact(4)
        .map(|p| [p[0], p[1], p[2], p[3]])
        .collect();
    let w = gr.inqwindow();
    gr.drawimage(
        w[0],
        w[1],
        w[2],
        w[3],
        options.width as usize,
        options.height as usize,
        &px,
    )?;
    Ok(())
}
