//! Helpers shared by the scene tests.
#![allow(dead_code)]

use std::path::PathBuf;

use gr3::Scene;
use testkit::Raster;

pub fn ref_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/ref")
}

pub fn image(s: &Scene, w: u32, h: u32) -> Raster {
    Raster {
        width: w,
        height: h,
        rgba: s.getimage(w, h).unwrap(),
    }
}

/// A scene looking at the origin from `eye` (z up), white opaque background.
pub fn scene_from(eye: [f32; 3]) -> Scene {
    let mut s = Scene::new();
    s.cameralookat(eye, [0.0; 3], [0.0, 0.0, 1.0]).unwrap();
    s.setcameraprojectionparameters(35.0, 0.5, 100.0).unwrap();
    s.setbackgroundcolor(1.0, 1.0, 1.0, 1.0).unwrap();
    s
}

/// Pixels that differ from white by more than 24 in some channel.
pub fn mask(r: &Raster) -> Vec<bool> {
    r.rgba
        .chunks_exact(4)
        .map(|p| p[..3].iter().any(|&c| c < 231))
        .collect()
}

/// Intersection over union of two masks.
pub fn iou(a: &[bool], b: &[bool]) -> f64 {
    let inter = a.iter().zip(b).filter(|(x, y)| **x && **y).count();
    let union = a.iter().zip(b).filter(|(x, y)| **x || **y).count();
    inter as f64 / union.max(1) as f64
}

/// Mean absolute RGB difference (0..255).
pub fn mean_diff(a: &Raster, b: &Raster) -> f64 {
    testkit::diff(a, b, 255).mean_abs
}

pub fn save(name: &str, r: &Raster) -> PathBuf {
    let p = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    testkit::write_png(&p, r);
    p
}

/// A small test scene: three spheres, a cylinder, a cone and a cube on a white background.
pub fn demo_scene() -> Scene {
    let mut s = Scene::new();
    s.cameralookat([3.0, -6.0, 4.0], [0.0, 0.5, 0.3], [0.0, 0.0, 1.0])
        .unwrap();
    s.setcameraprojectionparameters(40.0, 0.5, 50.0).unwrap();
    s.setbackgroundcolor(1.0, 1.0, 1.0, 1.0).unwrap();
    s.drawspheremesh(
        &[[-1.5, 0.0, 0.6], [0.0, 0.0, 0.6], [1.5, 0.0, 0.6]],
        &[[0.9, 0.2, 0.2], [0.2, 0.8, 0.3], [0.2, 0.4, 0.9]],
        &[0.6, 0.5, 0.4],
    )
    .unwrap();
    s.drawcylindermesh(
        &[[-1.5, 1.8, 0.0]],
        &[[0.0, 0.0, 1.0]],
        &[[0.9, 0.7, 0.2]],
        &[0.4],
        &[1.5],
    )
    .unwrap();
    s.drawconemesh(
        &[[0.0, 1.8, 0.0]],
        &[[0.0, 0.0, 1.0]],
        &[[0.8, 0.3, 0.8]],
        &[0.5],
        &[1.5],
    )
    .unwrap();
    s.drawcubemesh(
        &[[1.5, 1.8, 0.4]],
        &[[0.0, 0.0, 1.0]],
        &[[0.3, 1.0, 0.0]],
        &[[0.3, 0.8, 0.8]],
        &[[0.4, 0.4, 0.4]],
    )
    .unwrap();
    s
}
