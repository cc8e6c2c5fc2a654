//! HTML export: one self-contained page (inline JavaScript, no network, no libraries) that
//! draws the scene's triangles with WebGL 1, with the same camera, projection and
//! Blinn-Phong lighting as the software renderer. Dragging with the mouse orbits the camera
//! around the centre of view; the wheel zooms.

use std::fmt::Write;

use glam::Vec3;

use crate::scene::{ProjectionType, Scene};

/// Triangle soup in world coordinates: opaque triangles first, then transparent ones.
struct Soup {
    pos: Vec<f32>,
    nrm: Vec<f32>,
    col: Vec<f32>,
    opaque_vertices: usize,
}

fn soup(scene: &Scene) -> Soup {
    let mut layers = [
        (Vec::new(), Vec::new(), Vec::new()),
        (Vec::new(), Vec::new(), Vec::new()),
    ];
    for draw in &scene.draws {
        let m = &draw.mesh;
        for inst in &draw.instances {
            let layer = &mut layers[(inst.alpha < 1.0) as usize];
            for &i in &m.indices {
                let i = i as usize;
                let p = inst.model.transform_point3(Vec3::from(m.positions[i]));
                let n = inst.normal * Vec3::from(m.normals[i]);
                layer.0.extend_from_slice(&p.to_array());
                layer.1.extend_from_slice(&n.to_array());
                let c = m.colors[i];
                layer.2.extend_from_slice(&[
                    c[0] * inst.color[0],
                    c[1] * inst.color[1],
                    c[2] * inst.color[2],
                    inst.alpha,
                ]);
            }
        }
    }
    let [(mut pos, mut nrm, mut col), (p2, n2, c2)] = layers;
    let opaque_vertices = pos.len() / 3;
    pos.extend(p2);
    nrm.extend(n2);
    col.extend(c2);
    Soup {
        pos,
        nrm,
        col,
        opaque_vertices,
    }
}

fn b64(v: &[f32]) -> String {
    let bytes: Vec<u8> = v.iter().flat_map(|x| x.to_le_bytes()).collect();
    gks::driver::encode::base64(&bytes)
}

fn arr(v: &[f32]) -> String {
    let parts: Vec<String> = v.iter().map(|x| format!("{x}")).collect();
    format!("[{}]", parts.join(","))
}

/// The HTML text of a scene shown at `width × height` CSS pixels.
pub(crate) fn html_page(scene: &Scene, width: u32, height: u32) -> String {
    let s = soup(scene);
    let cam = scene.camera;
    let lp = scene.light_params;
    let mut o = String::new();
    let _ = write!(
        o,
        r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>GR3 scene</title>
<style>html,body{{margin:0;padding:0;overflow:hidden}}canvas{{display:block;cursor:grab}}</style>
</head><body>
<canvas id="gr3" width="{width}" height="{height}" style="width:{width}px;height:{height}px"></canvas>
<script>
"use strict";
const S = {{
  pos: "{pos}",
  nrm: "{nrm}",
  col: "{col}",
  opaque: {opaque},
  eye: {eye}, center: {center}, up: {up},
  ortho: {ortho}, persp: {persp}, box: {box},
  light: {light}, lp: {lpv}, bg: {bg}
}};
"#,
        pos = b64(&s.pos),
        nrm = b64(&s.nrm),
        col = b64(&s.col),
        opaque = s.opaque_vertices,
        eye = arr(&cam.eye),
        center = arr(&cam.center),
        up = arr(&cam.up),
        ortho = scene.projection == ProjectionType::Orthographic,
        persp = arr(&scene.perspective),
        box = arr(&scene.orthographic),
        light = scene.light.map_or("null".to_string(), |l| arr(&l)),
        lpv = arr(&[lp.ambient, lp.diffuse, lp.specular, lp.specular_power]),
        bg = arr(&scene.background),
    );
    o.push_str(SCRIPT);
    o.push_str("</script>\n</body></html>\n");
    o
}

const SCRIPT: &str = r#"function f32(s) {
  const b = atob(s), u = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) u[i] = b.charCodeAt(i);
  return new Float32Array(u.buffer);
}
const sub = (a, b) => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const add = (a, b) => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const mul = (a, k) => [a[0] * k, a[1] * k, a[2] * k];
const dot = (a, b) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a, b) => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const norm = a => mul(a, 1 / Math.hypot(a[0], a[1], a[2]));
function rotate(v, axis, ang) {
  const k = norm(axis), c = Math.cos(ang), s = Math.sin(ang);
  return add(add(mul(v, c), mul(cross(k, v), s)), mul(k, dot(k, v) * (1 - c)));
}
const canvas = document.getElementById("gr3");
const gl = canvas.getContext("webgl", {preserveDrawingBuffer: true, antialias: false, premultipliedAlpha: false});
const VS = `attribute vec3 p; attribute vec3 n; attribute vec4 c;
uniform mat4 V; uniform mat4 P; uniform mat3 N;
varying vec3 vp; varying vec3 vn; varying vec4 vc;
void main() { vec4 e = V * vec4(p, 1.0); vp = e.xyz; vn = N * n; vc = c; gl_Position = P * e; }`;
const FS = `precision highp float;
varying vec3 vp; varying vec3 vn; varying vec4 vc;
uniform bool ortho; uniform bool camlight; uniform vec3 L; uniform vec4 lp;
void main() {
  vec3 v = ortho ? vec3(0.0, 0.0, 1.0) : normalize(-vp);
  vec3 n = length(vn) > 0.0 ? normalize(vn) : v;
  if (dot(n, v) < 0.0) n = -n;
  vec3 l = camlight ? v : L;
  float d = max(dot(n, l), 0.0);
  float s = 0.0;
  if (lp.z > 0.0 && d > 0.0) s = pow(max(dot(n, normalize(l + v)), 0.0), lp.w) * lp.z;
  gl_FragColor = vec4(min(vc.rgb * (lp.x + lp.y * d) + s, vec3(1.0)), vc.a);
}`;
function shader(type, src) {
  const s = gl.createShader(type);
  gl.shaderSource(s, src); gl.compileShader(s);
  if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(s));
  return s;
}
const prog = gl.createProgram();
gl.attachShader(prog, shader(gl.VERTEX_SHADER, VS));
gl.attachShader(prog, shader(gl.FRAGMENT_SHADER, FS));
gl.linkProgram(prog);
gl.useProgram(prog);
function attrib(name, data, size) {
  const b = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, b);
  gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW);
  const loc = gl.getAttribLocation(prog, name);
  gl.enableVertexAttribArray(loc);
  gl.vertexAttribPointer(loc, size, gl.FLOAT, false, 0, 0);
}
const pos = f32(S.pos);
attrib("p", pos, 3); attrib("n", f32(S.nrm), 3); attrib("c", f32(S.col), 4);
const count = pos.length / 3;
const U = name => gl.getUniformLocation(prog, name);
let eye = S.eye.slice(), up = S.up.slice(), zoom = 1;
function lookAt() {
  const f = norm(sub(S.center, eye)), s = norm(cross(f, up)), u = cross(s, f);
  const t = [-dot(s, eye), -dot(u, eye), dot(f, eye)];
  return [s[0], u[0], -f[0], 0, s[1], u[1], -f[1], 0, s[2], u[2], -f[2], 0, t[0], t[1], t[2], 1];
}
function projection() {
  const a = canvas.width / canvas.height;
  if (S.ortho) {
    const [l0, r0, b0, t0, n, f] = S.box;
    const cx = (l0 + r0) / 2, cy = (b0 + t0) / 2, hx = (r0 - l0) / 2 * zoom, hy = (t0 - b0) / 2 * zoom;
    const l = cx - hx, r = cx + hx, b = cy - hy, t = cy + hy;
    return [2 / (r - l), 0, 0, 0, 0, 2 / (t - b), 0, 0, 0, 0, -2 / (f - n), 0,
            -(r + l) / (r - l), -(t + b) / (t - b), -(f + n) / (f - n), 1];
  }
  const [fov, n, f] = S.persp, c = 1 / Math.tan(fov * Math.PI / 360);
  return [c / a, 0, 0, 0, 0, c, 0, 0, 0, 0, (f + n) / (n - f), -1, 0, 0, 2 * f * n / (n - f), 0];
}
function draw() {
  const V = lookAt();
  gl.viewport(0, 0, canvas.width, canvas.height);
  gl.clearColor(S.bg[0], S.bg[1], S.bg[2], S.bg[3]);
  gl.clear(gl.COLOR_BUFFER_BIT | gl.DEPTH_BUFFER_BIT);
  gl.enable(gl.DEPTH_TEST); gl.depthFunc(gl.LESS);
  gl.uniformMatrix4fv(U("V"), false, new Float32Array(V));
  gl.uniformMatrix4fv(U("P"), false, new Float32Array(projection()));
  gl.uniformMatrix3fv(U("N"), false, new Float32Array([V[0], V[1], V[2], V[4], V[5], V[6], V[8], V[9], V[10]]));
  gl.uniform1i(U("ortho"), S.ortho ? 1 : 0);
  gl.uniform1i(U("camlight"), S.light ? 0 : 1);
  if (S.light) {
    const l = S.light;
    gl.uniform3fv(U("L"), norm([V[0] * l[0] + V[4] * l[1] + V[8] * l[2], V[1] * l[0] + V[5] * l[1] + V[9] * l[2], V[2] * l[0] + V[6] * l[1] + V[10] * l[2]]));
  }
  gl.uniform4fv(U("lp"), S.lp);
  gl.disable(gl.BLEND); gl.depthMask(true);
  if (S.opaque > 0) gl.drawArrays(gl.TRIANGLES, 0, S.opaque);
  if (count > S.opaque) {
    gl.enable(gl.BLEND); gl.blendFunc(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA); gl.depthMask(false);
    gl.drawArrays(gl.TRIANGLES, S.opaque, count - S.opaque);
  }
}
let drag = null;
canvas.addEventListener("mousedown", e => { drag = [e.clientX, e.clientY]; canvas.style.cursor = "grabbing"; });
window.addEventListener("mouseup", () => { drag = null; canvas.style.cursor = "grab"; });
window.addEventListener("mousemove", e => {
  if (!drag) return;
  const dx = e.clientX - drag[0], dy = e.clientY - drag[1];
  drag = [e.clientX, e.clientY];
  let d = sub(eye, S.center);
  const right = cross(norm(mul(d, -1)), up);
  d = rotate(d, up, -dx * 0.01);
  d = rotate(d, right, -dy * 0.01);
  up = norm(rotate(up, right, -dy * 0.01));
  eye = add(S.center, d);
  draw();
});
canvas.addEventListener("wheel", e => {
  e.preventDefault();
  const k = Math.exp(e.deltaY * 0.001);
  if (S.ortho) zoom *= k; else eye = add(S.center, mul(sub(eye, S.center), k));
  draw();
}, {passive: false});
draw();
"#;
