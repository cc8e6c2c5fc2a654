//! Exports: PNG and JPEG decode to the rendered image; the POV-Ray scene, rendered by
//! `povray`, and the HTML page, screenshot by headless Chromium (WebGL on SwiftShader),
//! look like our PNG of the same scene.
//!
//! Tolerances of the external renderers: the silhouettes (pixels away from the white
//! background) must agree with intersection-over-union > 0.95, and the mean absolute
//! channel difference must stay below 8/255 (POV-Ray) and 6/255 (WebGL): they shade the
//! same Blinn-Phong model but anti-alias and interpolate differently.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use testkit::{read_png, Raster};

#[test]
fn png_export_decodes_to_getimage() {
    let mut s = demo_scene();
    s.setquality(2).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("scene.PNG");
    s.export(&p, 150, 100).unwrap();
    let r = read_png(&p);
    assert_eq!((r.width, r.height), (150, 100));
    assert_eq!(r.rgba, s.getimage(150, 100).unwrap());
}

#[test]
fn png_export_keeps_transparency() {
    let mut s = demo_scene();
    s.setbackgroundcolor(0.0, 0.0, 0.0, 0.0).unwrap();
    let bytes = s.export_bytes(gr3::ExportFormat::Png, 64, 48).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("t.png");
    std::fs::write(&p, bytes).unwrap();
    let r = read_png(&p);
    assert_eq!(r.rgba[3], 0, "corner is transparent");
    assert!(r.rgba.chunks_exact(4).any(|px| px[3] == 255));
}

#[test]
fn jpeg_export_has_the_requested_size() {
    let s = demo_scene();
    let dir = tempfile::tempdir().unwrap();
    for name in ["scene.jpg", "scene.jpeg"] {
        let p = dir.path().join(name);
        s.export(&p, 123, 45).unwrap();
        let b = std::fs::read(&p).unwrap();
        assert_eq!(&b[..2], &[0xFF, 0xD8]);
        assert_eq!(&b[b.len() - 2..], &[0xFF, 0xD9]);
        let sof = b
            .windows(2)
            .position(|w| w == [0xFF, 0xC0])
            .expect("baseline SOF0");
        let h = u16::from_be_bytes([b[sof + 5], b[sof + 6]]);
        let w = u16::from_be_bytes([b[sof + 7], b[sof + 8]]);
        assert_eq!((w, h), (123, 45));
    }
}

#[test]
fn pov_file_describes_camera_light_and_meshes() {
    let s = demo_scene();
    let text =
        String::from_utf8(s.export_bytes(gr3::ExportFormat::Pov, 200, 150).unwrap()).unwrap();
    assert!(text.contains("location <3,-6,4>"), "camera location");
    assert!(text.contains("look_at <0,0.5,0.3>"), "camera target");
    assert!(text.contains("right <-1.333333,0,0>"), "right-handed, 4:3");
    assert!(
        text.contains("light_source { <3,-6,4>"),
        "light at the camera"
    );
    assert!(text.contains("background { color rgbt <1,1,1,0> }"));
    // 3 spheres, a cylinder, a cone and a cube: one mesh2 per instance.
    assert_eq!(text.matches("mesh2 {").count(), 6);
    for key in [
        "vertex_vectors",
        "normal_vectors",
        "texture_list",
        "face_indices",
    ] {
        assert_eq!(text.matches(key).count(), 6, "{key}");
    }
    // The red sphere's colour is in a texture.
    assert!(text.contains("rgbt <0.9,0.2,0.2,0>"));
}

fn povray(pov: &Path, w: u32, h: u32) -> Option<Raster> {
    if !testkit::have_program("povray") {
        eprintln!(
            "skipping the POV-Ray comparison: povray is not installed (apt-get install povray)"
        );
        return None;
    }
    let out = pov.with_extension("png");
    let status = Command::new("povray")
        .arg(format!("+I{}", pov.display()))
        .arg(format!("+O{}", out.display()))
        .args([
            &format!("+W{w}"),
            &format!("+H{h}"),
            "-D",
            "+A",
            "+FN",
            "File_Gamma=1.0",
            "-V",
            "-GA",
        ])
        .output()
        .expect("povray runs");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    Some(read_png(&out))
}

#[test]
fn pov_render_matches_png() {
    for (name, ortho) in [("pov_perspective", false), ("pov_orthographic", true)] {
        let mut s = demo_scene();
        if ortho {
            s.setorthographicprojection(-3.0, 3.5, -2.0, 2.5, 0.5, 50.0)
                .unwrap();
            s.setprojectiontype(gr3::ProjectionType::Orthographic);
        }
        s.setquality(3).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let pov = dir.path().join("scene.pov");
        s.export(&pov, 200, 200).unwrap();
        let Some(theirs) = povray(&pov, 200, 200) else {
            return;
        };
        let ours = image(&s, 200, 200);
        save(&format!("{name}-povray.png"), &theirs);
        save(&format!("{name}-ours.png"), &ours);
        let agreement = iou(&mask(&ours), &mask(&theirs));
        let mean = mean_diff(&ours, &theirs);
        assert!(
            agreement > 0.95 && mean < 8.0,
            "{name}: silhouette IoU {agreement:.3}, mean difference {mean:.2}"
        );
    }
}

#[test]
fn html_page_is_self_contained() {
    let s = demo_scene();
    let html =
        String::from_utf8(s.export_bytes(gr3::ExportFormat::Html, 300, 200).unwrap()).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("http://") && !html.contains("https://") && !html.contains(" src="));
    assert!(html.contains("getContext(\"webgl\""));
    assert!(html.contains("width=\"300\" height=\"200\""));
    assert!(html.contains("addEventListener(\"wheel\"") && html.contains("\"mousemove\""));
}

fn chromium_screenshot(html: &Path, w: u32, h: u32) -> Option<Raster> {
    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        eprintln!("skipping the WebGL comparison: /usr/bin/chromium is not installed (apt-get install chromium)");
        return None;
    }
    let profile = tempfile::tempdir().unwrap();
    let shot = html.with_extension("shot.png");
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--use-gl=angle",
            "--use-angle=swiftshader",
            "--enable-unsafe-swiftshader",
            "--force-device-scale-factor=1",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--window-size={w},{h}"))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("chromium runs");
    assert!(
        shot.exists(),
        "no screenshot: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(read_png(&shot))
}

#[test]
fn html_render_matches_png() {
    let mut s = demo_scene();
    s.setquality(2).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("scene.html");
    s.export(&html, 240, 180).unwrap();
    let Some(theirs) = chromium_screenshot(&html, 240, 180) else {
        return;
    };
    assert_eq!((theirs.width, theirs.height), (240, 180));
    let ours = image(&s, 240, 180);
    save("html-webgl.png", &theirs);
    save("html-ours.png", &ours);
    let agreement = iou(&mask(&ours), &mask(&theirs));
    let mean = mean_diff(&ours, &theirs);
    assert!(
        agreement > 0.95 && mean < 6.0,
        "silhouette IoU {agreement:.3}, mean difference {mean:.2}"
    );
}
