//! POV-Ray export: the scene as a `.pov` file with the same camera, light, background and
//! Blinn-Phong finish; every drawn mesh instance becomes a `mesh2` in world coordinates
//! with per-vertex normals and colours.
//!
//! The scene declares `assumed_gamma 1.0`, like the renderer's linear colours; render with
//! `povray +Iscene.pov +W.. +H.. File_Gamma=1.0 +A` to get the same brightness as the PNG.

use std::collections::BTreeMap;
use std::fmt::Write;

use glam::{Mat3, Vec3};

use crate::scene::{ProjectionType, Scene};

fn num(out: &mut String, v: f32) {
    let v = if v.is_finite() { v } else { 0.0 };
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    out.push_str(if s == "-0" { "0" } else { s });
}

fn vec3(out: &mut String, v: [f32; 3]) {
    out.push('<');
    num(out, v[0]);
    out.push(',');
    num(out, v[1]);
    out.push(',');
    num(out, v[2]);
    out.push('>');
}

fn ns(v: f32) -> String {
    let mut s = String::new();
    num(&mut s, v);
    s
}

fn v3s(v: [f32; 3]) -> String {
    let mut s = String::new();
    vec3(&mut s, v);
    s
}

/// The `.pov` text of a scene rendered at `width × height`.
pub(crate) fn pov_scene(scene: &Scene, width: u32, height: u32) -> String {
    let mut o = String::new();
    let aspect = width as f32 / height as f32;
    let cam = scene.camera;
    let eye = Vec3::from(cam.eye);
    let center = Vec3::from(cam.center);
    let f = (center - eye).normalize();
    let s = f.cross(Vec3::from(cam.up)).normalize();
    let u = s.cross(f);
    o.push_str("// GR3 for Rust scene. Render with: povray +Iscene.pov +Oscene.png");
    let _ = writeln!(o, " +W{width} +H{height} File_Gamma=1.0 +A");
    o.push_str("#version 3.7;\nglobal_settings { assumed_gamma 1.0 ambient_light rgb <1,1,1> }\n");
    let bg = scene.background;
    let _ = writeln!(
        o,
        "background {{ color rgbt <{},{},{},{}> }}",
        ns(bg[0]),
        ns(bg[1]),
        ns(bg[2]),
        ns(1.0 - bg[3])
    );
    match scene.projection {
        ProjectionType::Perspective => {
            let fovy = scene.perspective[0].to_radians();
            let angle = (2.0 * ((fovy / 2.0).tan() * aspect).atan()).to_degrees();
            let _ = writeln!(
                o,
                "camera {{\n  perspective\n  location {}\n  sky {}\n  up <0,1,0>\n  right <{},0,0>\n  angle {}\n  look_at {}\n}}",
                v3s(cam.eye),
                v3s(u.to_array()),
                ns(-aspect),
                ns(angle),
                v3s(cam.center)
            );
        }
        ProjectionType::Orthographic => {
            let [l, r, b, t, _, _] = scene.orthographic;
            let shift = s * ((l + r) / 2.0) + u * ((b + t) / 2.0);
            let _ = writeln!(
                o,
                "camera {{\n  orthographic\n  location {}\n  sky {}\n  up <0,{},0>\n  right <{},0,0>\n  look_at {}\n}}",
                v3s((eye + shift).to_array()),
                v3s(u.to_array()),
                ns(t - b),
                ns(-(r - l)),
                v3s((center + shift).to_array())
            );
        }
    }
    match scene.light {
        None if scene.projection == ProjectionType::Perspective => {
            let _ = writeln!(o, "light_source {{ {} color rgb <1,1,1> }}", v3s(cam.eye));
        }
        None => {
            let _ = writeln!(
                o,
                "light_source {{ {} color rgb <1,1,1> parallel point_at {} }}",
                v3s(cam.eye),
                v3s(cam.center)
            );
        }
        Some(d) => {
            let d = Vec3::from(d).normalize_or(Vec3::Z);
            let far = (eye - center).length().max(1.0) * 1000.0;
            let _ = writeln!(
                o,
                "light_source {{ {} color rgb <1,1,1> parallel point_at {} }}",
                v3s((center + d * far).to_array()),
                v3s(cam.center)
            );
        }
    }
    let lp = scene.light_params;
    let _ = writeln!(
        o,
        "#declare GR3_Finish = finish {{ ambient {} diffuse {} specular {} roughness {} }}",
        ns(lp.ambient),
        ns(lp.diffuse),
        ns(lp.specular),
        ns(1.0 / lp.specular_power.max(1.0))
    );
    for draw in &scene.draws {
        let mesh = &draw.mesh;
        for inst in &draw.instances {
            write_mesh2(
                &mut o,
                mesh,
                inst.model,
                inst.normal,
                inst.color,
                inst.alpha,
            );
        }
    }
    o
}

fn write_mesh2(
    o: &mut String,
    mesh: &crate::scene::Mesh,
    model: glam::Mat4,
    normal: Mat3,
    color: [f32; 3],
    alpha: f32,
) {
    let n = mesh.positions.len();
    let _ = write!(o, "mesh2 {{\n  vertex_vectors {{ {n}");
    for p in &mesh.positions {
        o.push_str(",\n    ");
        vec3(o, model.transform_point3(Vec3::from(*p)).to_array());
    }
    let _ = write!(o, "\n  }}\n  normal_vectors {{ {n}");
    for nv in &mesh.normals {
        o.push_str(",\n    ");
        let w = (normal * Vec3::from(*nv)).normalize_or(Vec3::Z);
        vec3(o, w.to_array());
    }
    // One texture per distinct colour.
    let mut palette: BTreeMap<[u32; 3], usize> = BTreeMap::new();
    let mut tex = Vec::with_capacity(n);
    let mut colors: Vec<[f32; 3]> = Vec::new();
    for c in &mesh.colors {
        let rgb = [c[0] * color[0], c[1] * color[1], c[2] * color[2]];
        let key = rgb.map(|v| v.to_bits());
        let next = palette.len();
        let idx = *palette.entry(key).or_insert_with(|| {
            colors.push(rgb);
            next
        });
        tex.push(idx);
    }
    let _ = write!(o, "\n  }}\n  texture_list {{ {}", colors.len());
    for c in &colors {
        o.push_str(",\n    texture { pigment { rgbt <");
        num(o, c[0]);
        o.push(',');
        num(o, c[1]);
        o.push(',');
        num(o, c[2]);
        o.push(',');
        num(o, 1.0 - alpha);
        o.push_str("> } finish { GR3_Finish } }");
    }
    let _ = write!(o, "\n  }}\n  face_indices {{ {}", mesh.indices.len() / 3);
    for t in mesh.indices.chunks_exact(3) {
        let _ = write!(
            o,
            ",\n    <{},{},{}>,{},{},{}",
            t[0], t[1], t[2], tex[t[0] as usize], tex[t[1] as usize], tex[t[2] as usize]
        );
    }
    o.push_str("\n  }\n}\n");
}
