//! Reference images of scenes (each looked at) and geometric checks of the renderer.
//!
//! Tolerance of the references: a channel may differ by 2/255 on at most 0.5 % of the
//! pixels (the renderer is deterministic; the slack absorbs float differences between
//! compilers and CPUs on edge pixels).

mod common;

use common::*;
use gr3::{ProjectionType, Scene, SliceAxis, Volume};
use testkit::check_reference;

fn check(name: &str, s: &Scene, w: u32, h: u32) {
    let img = image(s, w, h);
    check_reference(&ref_dir(), name, &img, 2, (w * h / 200) as usize);
}

#[test]
fn spheres_with_lighting() {
    let mut s = scene_from([0.0, -8.0, 3.0]);
    s.drawspheremesh(
        &[
            [-1.6, 0.0, 0.0],
            [0.0, 0.0, 0.0],
            [1.6, 0.0, 0.0],
            [0.0, 1.5, 1.2],
        ],
        &[
            [0.9, 0.1, 0.1],
            [0.1, 0.8, 0.2],
            [0.2, 0.3, 0.9],
            [0.9, 0.8, 0.2],
        ],
        &[0.7, 0.7, 0.7, 0.5],
    )
    .unwrap();
    check("spheres", &s, 240, 180);
}

#[test]
fn spheres_with_side_light() {
    let mut s = scene_from([0.0, -8.0, 3.0]);
    s.setlightdirection(1.0, -0.3, 0.5).unwrap();
    s.setlightparameters(0.1, 0.9, 0.5, 32.0).unwrap();
    s.drawspheremesh(&[[0.0; 3]], &[[0.8, 0.8, 0.8]], &[1.2])
        .unwrap();
    let img = image(&s, 160, 160);
    // Lit from +x: the right half of the sphere is brighter than the left half.
    let lum = |x: usize, y: usize| {
        let p = &img.rgba[(y * 160 + x) * 4..];
        p[0] as u32 + p[1] as u32 + p[2] as u32
    };
    assert!(
        lum(100, 80) > lum(60, 80) + 100,
        "{} vs {}",
        lum(100, 80),
        lum(60, 80)
    );
    check_reference(&ref_dir(), "sphere_side_light", &img, 2, 128);
}

#[test]
fn cylinders_and_cones() {
    let mut s = scene_from([5.0, -7.0, 5.0]);
    s.drawcylindermesh(
        &[[-1.5, 0.0, 0.0], [0.5, -1.0, 0.0]],
        &[[0.0, 0.0, 1.0], [1.0, 0.0, 0.3]],
        &[[0.9, 0.6, 0.1], [0.3, 0.6, 0.9]],
        &[0.5, 0.3],
        &[2.0, 1.8],
    )
    .unwrap();
    s.drawconemesh(
        &[[0.0, 1.0, 0.0], [-1.5, 0.0, 2.0]],
        &[[0.0, 0.0, 1.0], [0.0, 0.0, 1.0]],
        &[[0.8, 0.2, 0.6], [0.9, 0.6, 0.1]],
        &[0.6, 0.5],
        &[1.5, 0.8],
    )
    .unwrap();
    check("cylinders_cones", &s, 240, 180);
}

#[test]
fn cubes() {
    let mut s = scene_from([4.0, -6.0, 4.0]);
    s.drawcubemesh(
        &[[-1.2, 0.0, 0.0], [1.2, 0.0, 0.0], [0.0, 1.5, 0.5]],
        &[[0.0, 0.0, 1.0], [0.0, 0.3, 1.0], [1.0, 1.0, 0.0]],
        &[[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]],
        &[[0.8, 0.3, 0.3], [0.3, 0.8, 0.3], [0.3, 0.3, 0.8]],
        &[[0.6, 0.6, 0.6], [0.4, 0.7, 0.5], [0.5, 0.3, 0.8]],
    )
    .unwrap();
    check("cubes", &s, 240, 180);
}

#[test]
fn tube_through_a_helix() {
    let mut s = scene_from([0.0, -9.0, 4.0]);
    let n = 30;
    let pts: Vec<[f32; 3]> = (0..n)
        .map(|i| {
            let t = i as f32 / (n - 1) as f32 * 4.0 * std::f32::consts::PI;
            [
                1.5 * t.cos(),
                1.5 * t.sin(),
                -1.5 + 3.0 * i as f32 / (n - 1) as f32,
            ]
        })
        .collect();
    let colors: Vec<[f32; 3]> = (0..n)
        .map(|i| {
            let t = i as f32 / (n - 1) as f32;
            [t, 0.4, 1.0 - t]
        })
        .collect();
    let radii: Vec<f32> = (0..n).map(|i| 0.15 + 0.15 * i as f32 / n as f32).collect();
    s.drawtubemesh(&pts, &colors, &radii, 6, 20).unwrap();
    check("tube", &s, 200, 200);
}

/// An octahedron as an indexed mesh with one colour per vertex (smoothly interpolated).
fn octahedron(s: &mut Scene) -> gr3::MeshId {
    let v = [
        [1.0, 0.0, 0.0],
        [-1.0, 0.0, 0.0],
        [0.0, 1.0, 0.0],
        [0.0, -1.0, 0.0],
        [0.0, 0.0, 1.0],
        [0.0, 0.0, -1.0],
    ];
    let c = [
        [1.0, 0.0, 0.0],
        [0.0, 1.0, 1.0],
        [0.0, 1.0, 0.0],
        [1.0, 0.0, 1.0],
        [0.0, 0.0, 1.0],
        [1.0, 1.0, 0.0],
    ];
    let idx = [
        0, 2, 4, 2, 1, 4, 1, 3, 4, 3, 0, 4, 2, 0, 5, 1, 2, 5, 3, 1, 5, 0, 3, 5,
    ];
    s.createindexedmesh(&v, &v, &c, &idx).unwrap()
}

#[test]
fn indexed_mesh_with_vertex_colors() {
    let mut s = scene_from([3.0, -4.0, 2.5]);
    let m = octahedron(&mut s);
    s.drawmesh(
        m,
        &[[0.0; 3], [0.0, 0.0, 0.0]],
        &[[0.0, 0.0, 1.0], [0.0, 0.0, 1.0]],
        &[[0.0, 1.0, 0.0], [1.0, 1.0, 0.0]],
        &[[1.0; 3], [0.6, 0.6, 0.6]],
        &[[1.0, 1.0, 1.0], [0.45, 0.45, 1.7]],
    )
    .unwrap();
    check("indexed_mesh", &s, 200, 200);
}

fn cube_row(s: &mut Scene) {
    let pos: Vec<[f32; 3]> = (0..5).map(|i| [0.0, i as f32 * 2.0 - 4.0, 0.0]).collect();
    let n = pos.len();
    s.drawcubemesh(
        &pos,
        &vec![[0.0, 0.0, 1.0]; n],
        &vec![[0.0, 1.0, 0.0]; n],
        &vec![[0.4, 0.6, 0.9]; n],
        &vec![[0.6; 3]; n],
    )
    .unwrap();
}

#[test]
fn orthographic_and_perspective() {
    let mut s = scene_from([6.0, -6.0, 3.0]);
    s.setcameraprojectionparameters(50.0, 0.5, 100.0).unwrap();
    cube_row(&mut s);
    let persp = image(&s, 240, 160);
    s.setorthographicprojection(-4.5, 4.5, -3.0, 3.0, 0.5, 100.0)
        .unwrap();
    s.setprojectiontype(ProjectionType::Orthographic);
    let ortho = image(&s, 240, 160);
    // In the orthographic view all cubes have the same apparent height; in perspective the
    // nearest cube (y = -4) is taller than the farthest (y = 4).
    // Tallest column near the left and near the right end of the row of cubes.
    let ends = |r: &testkit::Raster| {
        let m = mask(r);
        let height = |x: usize| (0..160).filter(|&y| m[y * 240 + x]).count();
        let xs: Vec<usize> = (0..240).filter(|&x| height(x) > 0).collect();
        let (l, r) = (xs[0], xs[xs.len() - 1]);
        let left = (l..l + 25).map(height).max().unwrap_or(0);
        let right = (r - 25..=r).map(height).max().unwrap_or(0);
        (left.min(right) as f64, left.max(right) as f64)
    };
    let (p_small, p_big) = ends(&persp);
    let (o_small, o_big) = ends(&ortho);
    assert!(p_big > 1.3 * p_small, "perspective {p_small} vs {p_big}");
    assert!(o_big - o_small <= 2.0, "orthographic {o_small} vs {o_big}");
    check_reference(&ref_dir(), "perspective", &persp, 2, 192);
    check_reference(&ref_dir(), "orthographic", &ortho, 2, 192);
}

#[test]
fn supersampling_smooths_edges() {
    let mut s = scene_from([0.0, -8.0, 3.0]);
    s.drawcubemesh(
        &[[0.0; 3]],
        &[[0.3, 0.2, 1.0]],
        &[[0.0, 1.0, 0.2]],
        &[[0.2, 0.3, 0.8]],
        &[[1.2; 3]],
    )
    .unwrap();
    let hard = image(&s, 120, 120);
    s.setquality(4).unwrap();
    let soft = image(&s, 120, 120);
    // Without SSAA every pixel is either background or surface; with it, the edges get
    // intermediate values.
    let between = |r: &testkit::Raster| {
        r.rgba
            .chunks_exact(4)
            .filter(|p| p[0] > 80 && p[0] < 200 && p[2] > 200)
            .count()
    };
    assert!(
        between(&soft) > between(&hard) + 50,
        "{} vs {}",
        between(&soft),
        between(&hard)
    );
    // The silhouettes agree.
    assert!(iou(&mask(&hard), &mask(&soft)) > 0.95);
    check_reference(&ref_dir(), "ssaa_off", &hard, 2, 72);
    check_reference(&ref_dir(), "ssaa_on", &soft, 2, 72);
}

#[test]
fn transparency_blends_after_opaque() {
    let mut s = scene_from([0.0, -8.0, 0.0]);
    s.drawspheremesh(&[[0.6, 2.0, 0.0]], &[[0.9, 0.1, 0.1]], &[1.2])
        .unwrap();
    s.setalpha(0.4).unwrap();
    // Drawn before the opaque cube behind it in the list, still blended over it.
    s.drawspheremesh(&[[-0.6, -1.0, 0.0]], &[[0.1, 0.2, 0.9]], &[1.0])
        .unwrap();
    s.setalpha(1.0).unwrap();
    s.drawcubemesh(
        &[[-1.6, 3.0, 0.0]],
        &[[0.0, 0.0, 1.0]],
        &[[0.0, 1.0, 0.0]],
        &[[0.1, 0.8, 0.2]],
        &[[0.8; 3]],
    )
    .unwrap();
    let img = image(&s, 200, 160);
    // Where the glass sphere covers the red sphere the pixel mixes red and blue.
    let px = |x: usize, y: usize| {
        let p = &img.rgba[(y * 200 + x) * 4..];
        [p[0], p[1], p[2]]
    };
    let c = px(100, 80);
    assert!(c[0] > 60 && c[2] > 60, "mixed colour expected, got {c:?}");
    check_reference(&ref_dir(), "transparency", &img, 2, 160);
}

#[test]
fn colormapped_slices() {
    let n = 16usize;
    let mut data = vec![0u16; n * n * n];
    for z in 0..n {
        for y in 0..n {
            for x in 0..n {
                let d = ((x as f32 - 7.5).powi(2)
                    + (y as f32 - 7.5).powi(2)
                    + (z as f32 - 7.5).powi(2))
                .sqrt();
                data[x + n * (y + n * z)] = ((1.0 - d / 13.0).max(0.0) * 65535.0) as u16;
            }
        }
    }
    let vol = Volume {
        data: &data,
        dims: [n, n, n],
        step: [0.2; 3],
        offset: [-1.5; 3],
    };
    let mut s = scene_from([4.0, -5.0, 3.5]);
    s.drawslicemesh(&vol, SliceAxis::X, 8, 44).unwrap();
    s.drawslicemesh(&vol, SliceAxis::Y, 8, 44).unwrap();
    s.drawslicemesh(&vol, SliceAxis::Z, 2, 44).unwrap();
    check("slices", &s, 200, 200);
}

#[test]
fn orthographic_sphere_silhouette_is_a_circle() {
    let mut s = Scene::new();
    s.cameralookat([0.0, 0.0, 10.0], [0.0; 3], [0.0, 1.0, 0.0])
        .unwrap();
    s.setorthographicprojection(-2.0, 2.0, -2.0, 2.0, 1.0, 20.0)
        .unwrap();
    s.setprojectiontype(ProjectionType::Orthographic);
    s.drawspheremesh(&[[0.0; 3]], &[[1.0; 3]], &[1.0]).unwrap();
    let (w, h) = (200usize, 200usize);
    let img = s.getimage(w as u32, h as u32).unwrap();
    // Radius 1 of a 4-unit-wide view: 50 pixels, centred at (100, 100).
    let r = 50.0f64;
    let mut covered = 0;
    for y in 0..h {
        for x in 0..w {
            let d = ((x as f64 + 0.5 - 100.0).powi(2) + (y as f64 + 0.5 - 100.0).powi(2)).sqrt();
            let on = img[(y * w + x) * 4 + 3] > 0;
            covered += on as usize;
            if d < r - 1.0 {
                assert!(on, "pixel ({x}, {y}) at distance {d:.2} should be inside");
            }
            if d > r + 0.5 {
                assert!(!on, "pixel ({x}, {y}) at distance {d:.2} should be outside");
            }
        }
    }
    let area = std::f64::consts::PI * r * r;
    assert!(
        ((covered as f64) - area).abs() < 0.01 * area,
        "{covered} vs {area:.0}"
    );
}

#[test]
fn the_point_looked_at_lands_in_the_image_centre() {
    let center = [1.3f32, -0.7, 2.1];
    let mut s = Scene::new();
    s.cameralookat([5.0, 4.0, 6.0], center, [0.0, 0.0, 1.0])
        .unwrap();
    s.setcameraprojectionparameters(30.0, 0.5, 100.0).unwrap();
    s.drawspheremesh(&[center], &[[1.0; 3]], &[0.1]).unwrap();
    let (w, h) = (301usize, 201usize);
    let img = s.getimage(w as u32, h as u32).unwrap();
    let (mut sx, mut sy, mut n) = (0.0, 0.0, 0.0);
    for y in 0..h {
        for x in 0..w {
            if img[(y * w + x) * 4 + 3] > 0 {
                sx += x as f64 + 0.5;
                sy += y as f64 + 0.5;
                n += 1.0;
            }
        }
    }
    assert!(n > 20.0);
    let (cx, cy) = (sx / n, sy / n);
    assert!(
        (cx - w as f64 / 2.0).abs() < 0.3 && (cy - h as f64 / 2.0).abs() < 0.3,
        "({cx}, {cy})"
    );
}

#[test]
fn a_point_off_centre_projects_where_the_camera_says() {
    // Orthographic, camera on +z looking down: world (x, y) maps linearly to pixels.
    let mut s = Scene::new();
    s.cameralookat([0.0, 0.0, 5.0], [0.0; 3], [0.0, 1.0, 0.0])
        .unwrap();
    s.setorthographicprojection(-4.0, 4.0, -2.0, 2.0, 1.0, 10.0)
        .unwrap();
    s.setprojectiontype(ProjectionType::Orthographic);
    s.drawspheremesh(&[[2.0, 1.0, 0.0]], &[[1.0; 3]], &[0.2])
        .unwrap();
    let (w, h) = (400usize, 200usize);
    let img = s.getimage(w as u32, h as u32).unwrap();
    let pts: Vec<(usize, usize)> = (0..w * h)
        .filter(|i| img[i * 4 + 3] > 0)
        .map(|i| (i % w, i / w))
        .collect();
    let cx = pts.iter().map(|p| p.0 as f64 + 0.5).sum::<f64>() / pts.len() as f64;
    let cy = pts.iter().map(|p| p.1 as f64 + 0.5).sum::<f64>() / pts.len() as f64;
    // x = 2 of -4..4 → 300 px; y = 1 of -2..2 → 50 px from the top.
    assert!(
        (cx - 300.0).abs() < 0.3 && (cy - 50.0).abs() < 0.3,
        "({cx}, {cy})"
    );
}

#[test]
fn draw_order_does_not_matter_for_opaque_geometry() {
    let spheres = [[0.0f32, 0.0, 0.0], [0.5, -1.0, 0.3]];
    let colors = [[0.9f32, 0.1, 0.1], [0.1, 0.2, 0.9]];
    let mut a = scene_from([0.0, -8.0, 1.0]);
    a.drawspheremesh(&spheres, &colors, &[1.0, 0.8]).unwrap();
    let mut b = scene_from([0.0, -8.0, 1.0]);
    b.drawspheremesh(&[spheres[1]], &[colors[1]], &[0.8])
        .unwrap();
    b.drawspheremesh(&[spheres[0]], &[colors[0]], &[1.0])
        .unwrap();
    assert_eq!(a.getimage(160, 120).unwrap(), b.getimage(160, 120).unwrap());
}

#[test]
fn renders_are_byte_identical_across_runs_and_thread_counts() {
    let mut s = demo_scene();
    s.setquality(2).unwrap();
    let first = s.getimage(257, 193).unwrap();
    assert_eq!(first, s.getimage(257, 193).unwrap());
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| s.getimage(257, 193).unwrap());
    let three = rayon::ThreadPoolBuilder::new()
        .num_threads(3)
        .build()
        .unwrap()
        .install(|| s.getimage(257, 193).unwrap());
    assert_eq!(first, one);
    assert_eq!(first, three);
}

#[test]
fn deleted_meshes_still_render_until_clear() {
    let mut s = scene_from([0.0, -8.0, 1.0]);
    let m = octahedron(&mut s);
    s.drawmesh(
        m,
        &[[0.0; 3]],
        &[[0.0, 0.0, 1.0]],
        &[[0.0, 1.0, 0.0]],
        &[[1.0; 3]],
        &[[1.0; 3]],
    )
    .unwrap();
    s.deletemesh(m).unwrap();
    let img = s.getimage(64, 64).unwrap();
    assert!(img.chunks_exact(4).any(|p| p[..3] != [255, 255, 255]));
    s.clear();
    let img = s.getimage(64, 64).unwrap();
    assert!(img.chunks_exact(4).all(|p| p == [255, 255, 255, 255]));
}

#[test]
fn any_size_renders() {
    let s = demo_scene();
    for (w, h) in [(1, 1), (1, 50), (333, 7), (64, 64)] {
        let img = s.getimage(w, h).unwrap();
        assert_eq!(img.len(), (w * h * 4) as usize);
    }
}

#[test]
fn camera_inside_geometry_is_clipped_not_garbage() {
    // The eye sits inside a big cube: the near plane cuts every face.
    let mut s = Scene::new();
    s.cameralookat([0.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0])
        .unwrap();
    s.setbackgroundcolor(1.0, 1.0, 1.0, 1.0).unwrap();
    s.setlightparameters(0.2, 0.8, 0.0, 1.0).unwrap();
    s.drawcubemesh(
        &[[0.0; 3]],
        &[[0.0, 0.0, 1.0]],
        &[[0.0, 1.0, 0.0]],
        &[[0.5, 0.7, 0.9]],
        &[[3.0; 3]],
    )
    .unwrap();
    let img = s.getimage(80, 60).unwrap();
    // Every pixel sees the inside of the cube.
    assert!(img.chunks_exact(4).all(|p| p[..3] != [255, 255, 255]));
}

#[test]
fn slice_mesh_created_and_drawn_matches_direct_slice() {
    let n = 6usize;
    let data: Vec<u16> = (0..n * n * n).map(|i| (i * 300) as u16).collect();
    let vol = Volume {
        data: &data,
        dims: [n, n, n],
        step: [0.4; 3],
        offset: [-1.0; 3],
    };
    let mut a = scene_from([3.0, -4.0, 3.0]);
    a.drawyslicemesh(&vol, 2, 3).unwrap();
    let mut b = scene_from([3.0, -4.0, 3.0]);
    let m = b.createslicemesh(&vol, SliceAxis::Y, 2, 3).unwrap();
    b.drawmesh(
        m,
        &[[0.0; 3]],
        &[[0.0, 0.0, 1.0]],
        &[[0.0, 1.0, 0.0]],
        &[[1.0; 3]],
        &[[1.0; 3]],
    )
    .unwrap();
    let img = a.getimage(100, 100).unwrap();
    assert_eq!(img, b.getimage(100, 100).unwrap());
    // Colours vary across the slice (the data increase along x and z).
    let colours: std::collections::BTreeSet<[u8; 3]> =
        img.chunks_exact(4).map(|p| [p[0], p[1], p[2]]).collect();
    assert!(colours.len() > 20);
}
