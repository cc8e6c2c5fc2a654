//! Bad input gives errors that say what is wrong, never a panic or a half-written file.

mod common;

use common::*;
use gr3::{MeshId, Scene};

fn msg<T: std::fmt::Debug>(r: gr3::Result<T>) -> String {
    r.expect_err("expected an error").to_string()
}

const TRI: [[f32; 3]; 3] = [[0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]];
const N: [[f32; 3]; 3] = [[0.0, 0.0, 1.0]; 3];
const C: [[f32; 3]; 3] = [[1.0; 3]; 3];

#[test]
fn empty_mesh() {
    let mut s = Scene::new();
    let m = msg(s.createmesh(&[], &[], &[]));
    assert!(m.contains("no triangles"), "{m}");
    let m = msg(s.createindexedmesh(&TRI, &N, &C, &[]));
    assert!(m.contains("no triangles"), "{m}");
}

#[test]
fn nan_vertex() {
    let mut s = Scene::new();
    let mut v = TRI;
    v[1][2] = f32::NAN;
    let m = msg(s.createmesh(&v, &N, &C));
    assert!(m.contains("vertices[1]") && m.contains("not finite"), "{m}");
    let m = msg(s.drawspheremesh(&[[f32::INFINITY, 0.0, 0.0]], &[[1.0; 3]], &[1.0]));
    assert!(m.contains("positions[0]"), "{m}");
}

#[test]
fn mismatched_lengths() {
    let mut s = Scene::new();
    let m = msg(s.createmesh(&TRI, &N[..2], &C));
    assert!(m.contains("normals has 2 entries"), "{m}");
    let m = msg(s.createmesh(&TRI[..2], &N[..2], &C[..2]));
    assert!(m.contains("multiple of 3"), "{m}");
    let m = msg(s.createindexedmesh(&TRI, &N, &C, &[0, 1, 7]));
    assert!(m.contains("indices[2] = 7 is out of range"), "{m}");
    let m = msg(s.drawspheremesh(&[[0.0; 3]; 2], &[[1.0; 3]], &[1.0, 1.0]));
    assert!(m.contains("colors has 1 entries but there are 2"), "{m}");
    let m = msg(s.drawcylindermesh(&[[0.0; 3]], &[[0.0, 0.0, 1.0]], &[[1.0; 3]], &[1.0], &[]));
    assert!(m.contains("lengths has 0 entries"), "{m}");
    let m = msg(s.drawtubemesh(&[[0.0; 3], [1.0; 3]], &[[1.0; 3]], &[0.1, 0.1], 4, 8));
    assert!(m.contains("colors has 1 entries"), "{m}");
}

#[test]
fn unknown_mesh_id() {
    let mut s = Scene::new();
    let id = s.createmesh(&TRI, &N, &C).unwrap();
    s.deletemesh(id).unwrap();
    let m = msg(s.drawmesh(
        id,
        &[[0.0; 3]],
        &[[0.0, 0.0, 1.0]],
        &[[0.0, 1.0, 0.0]],
        &[[1.0; 3]],
        &[[1.0; 3]],
    ));
    assert!(m.contains("unknown mesh id"), "{m}");
    let m = msg(s.deletemesh(id));
    assert!(m.contains("unknown mesh id"), "{m}");
    // An id from another scene.
    let mut other = Scene::new();
    let _ = other.createmesh(&TRI, &N, &C).unwrap();
    let foreign: MeshId = other.createmesh(&TRI, &N, &C).unwrap();
    assert!(msg(s.mesh_triangles(foreign)).contains("unknown mesh id"));
}

#[test]
fn zero_and_absurd_sizes() {
    let s = demo_scene();
    let m = msg(s.getimage(0, 10));
    assert!(m.contains("0x10 is empty"), "{m}");
    let m = msg(s.getimage(100_000, 100_000));
    assert!(m.contains("too large"), "{m}");
    let mut s = demo_scene();
    s.setquality(16).unwrap();
    let m = msg(s.getimage(8000, 8000));
    assert!(m.contains("too large"), "{m}");
}

#[test]
fn degenerate_camera() {
    let mut s = Scene::new();
    let m = msg(s.cameralookat([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], [0.0, 0.0, 1.0]));
    assert!(m.contains("eye and center"), "{m}");
    let m = msg(s.cameralookat([0.0, 0.0, 5.0], [0.0; 3], [0.0, 0.0, 2.0]));
    assert!(m.contains("parallel to the view direction"), "{m}");
    let m = msg(s.cameralookat([0.0, 0.0, 5.0], [0.0; 3], [0.0; 3]));
    assert!(m.contains("zero or parallel"), "{m}");
    let m = msg(s.cameralookat([f32::NAN, 0.0, 5.0], [0.0; 3], [0.0, 1.0, 0.0]));
    assert!(m.contains("eye must be finite"), "{m}");
    assert!(msg(s.setcameraprojectionparameters(180.0, 0.1, 10.0)).contains("field of view"));
    assert!(msg(s.setcameraprojectionparameters(45.0, 0.0, 10.0)).contains("0 < znear < zfar"));
    assert!(msg(s.setcameraprojectionparameters(45.0, 5.0, 1.0)).contains("0 < znear < zfar"));
    assert!(
        msg(s.setorthographicprojection(1.0, 1.0, 0.0, 1.0, 0.1, 10.0)).contains("left != right")
    );
    // The camera is unchanged after the errors.
    assert_eq!(s.camera(), Scene::new().camera());
}

#[test]
fn bad_instances_and_settings() {
    let mut s = Scene::new();
    let id = s.createmesh(&TRI, &N, &C).unwrap();
    let m = msg(s.drawmesh(
        id,
        &[[0.0; 3]],
        &[[0.0; 3]],
        &[[0.0, 1.0, 0.0]],
        &[[1.0; 3]],
        &[[1.0; 3]],
    ));
    assert!(m.contains("directions[0] is the zero vector"), "{m}");
    let m = msg(s.drawmesh(
        id,
        &[[0.0; 3]],
        &[[0.0, 1.0, 0.0]],
        &[[0.0, 2.0, 0.0]],
        &[[1.0; 3]],
        &[[1.0; 3]],
    ));
    assert!(m.contains("ups[0]") && m.contains("parallel"), "{m}");
    let m = msg(s.drawmesh(id, &[], &[], &[], &[], &[]));
    assert!(m.contains("no instances"), "{m}");
    assert!(msg(s.drawspheremesh(&[[0.0; 3]], &[[1.0; 3]], &[-1.0])).contains("radii[0] = -1"));
    assert!(msg(s.setquality(0)).contains("1..=16"));
    assert!(msg(s.setbackgroundcolor(1.5, 0.0, 0.0, 1.0)).contains("0..=1"));
    assert!(msg(s.setalpha(f32::NAN)).contains("alpha"));
    assert!(msg(s.setlightparameters(-0.1, 0.8, 0.7, 128.0)).contains(">= 0"));
    assert!(
        msg(s.drawtubemesh(&[[0.0; 3]], &[[1.0; 3]], &[0.1], 4, 8)).contains("at least 2 points")
    );
    assert!(
        msg(s.drawtubemesh(&[[0.0; 3], [1.0; 3]], &[[1.0; 3]; 2], &[0.1; 2], 4, 2))
            .contains("num_segments")
    );
    assert_eq!(s.triangle_count(), 0, "failed draws queue nothing");
}

#[test]
fn bad_slices() {
    let mut s = Scene::new();
    let data = vec![0u16; 27];
    let vol = gr3::Volume {
        data: &data,
        dims: [3, 3, 3],
        step: [1.0; 3],
        offset: [0.0; 3],
    };
    let m = msg(s.drawslicemesh(&vol, gr3::SliceAxis::Y, 3, 0));
    assert!(m.contains("slice index 3 is out of range"), "{m}");
    let vol2 = gr3::Volume {
        data: &data[..20],
        ..vol
    };
    assert!(msg(s.drawslicemesh(&vol2, gr3::SliceAxis::X, 0, 0)).contains("need 27"));
    assert!(msg(s.drawslicemesh(&vol, gr3::SliceAxis::X, 0, 99)).contains("colormap"));
}

#[test]
fn unknown_extension_and_unwritable_path() {
    let s = demo_scene();
    let dir = tempfile::tempdir().unwrap();
    let m = msg(s.export(dir.path().join("scene.bmp"), 10, 10));
    assert!(m.contains("unknown file extension 'bmp'"), "{m}");
    let m = msg(s.export(dir.path().join("scene"), 10, 10));
    assert!(m.contains("unknown file extension ''"), "{m}");
    let bad = dir.path().join("missing/dir/scene.png");
    assert!(s.export(&bad, 10, 10).is_err());
    assert!(!bad.exists());
    // A failed render leaves no file behind.
    let p = dir.path().join("zero.png");
    assert!(s.export(&p, 0, 10).is_err());
    assert!(!p.exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
