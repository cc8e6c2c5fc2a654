//! Tests of the mesh rasterizer: pixels against tiny-skia's paths, seams, painter's order,
//! vector output.
use super::*;
use crate::device::{DeviceOp, FillRule, LineJoin, MeshFace, Page, StrokeStyle};

/// A grid of `n`×`n` skewed cells with colours from their index, edges in translucent
/// white, as a surface would draw it.
fn grid_mesh(n: usize, cell: f64, seam: f64, edge_width: f64) -> Mesh {
    let mut mesh = Mesh {
        points: Vec::new(),
        edges: Vec::new(),
        faces: Vec::new(),
        rule: FillRule::EvenOdd,
        seam,
        edge_style: Some((
            StrokeStyle {
                width: edge_width,
                cap: LineCap::Round,
                join: LineJoin::Round,
                dash: None,
            },
            Rgba {
                r: 255,
                g: 255,
                b: 255,
                a: 80,
            },
        )),
        outlines: false,
    };
    let node = |i: usize, j: usize| {
        (
            10.3 + i as f64 * cell + j as f64 * 0.4,
            12.7 + j as f64 * cell,
        )
    };
    for j in 0..n {
        for i in 0..n {
            let q = [
                node(i, j),
                node(i + 1, j),
                node(i + 1, j + 1),
                node(i, j + 1),
            ];
            mesh.points.extend(q);
            for k in 0..4 {
                mesh.edges
                    .extend([q[k], q[(k + 1) % 4], (f64::NAN, f64::NAN)]);
            }
            mesh.faces.push(MeshFace {
                points_end: mesh.points.len() as u32,
                edges_end: mesh.edges.len() as u32,
                color: Rgba::rgb((i * 37 % 256) as u8, (j * 53 % 256) as u8, 120),
            });
        }
    }
    mesh
}

fn page(ops: Vec<DeviceOp>) -> Page {
    Page {
        width: 120.0,
        height: 100.0,
        dpi: 100.0,
        background: Some(Rgba::WHITE),
        ops,
    }
}

fn render(page: &Page) -> Vec<u8> {
    super::super::render_rgba(page).unwrap()
}

#[test]
fn mesh_matches_the_same_faces_drawn_as_paths() {
    let mesh = grid_mesh(12, 7.5, 1.5, 0.6);
    let fast = render(&page(vec![DeviceOp::Mesh(mesh.clone())]));
    let slow = render(&page(mesh.ops()));
    let (mut bad, mut total) = (0, 0u64);
    for (a, b) in fast.iter().zip(&slow) {
        let d = (*a as i32 - *b as i32).unsigned_abs();
        total += d as u64;
        if d > 24 {
            bad += 1;
        }
    }
    // Same picture up to anti-aliasing details along the edges.
    assert!(
        bad < fast.len() / 200,
        "{bad} channels differ by more than 24"
    );
    assert!(
        total / (fast.len() as u64) < 2,
        "mean difference {}",
        total / fast.len() as u64
    );
}

#[test]
fn seams_leave_no_background_between_cells() {
    let mut mesh = grid_mesh(10, 6.3, 1.5, 0.6);
    mesh.edge_style = None;
    let px = render(&page(vec![DeviceOp::Mesh(mesh)]));
    // Inside the grid (well away from its border) no pixel shows the white background.
    for y in 20..70usize {
        for x in 25..70usize {
            let p = &px[(y * 120 + x) * 4..][..3];
            assert!(p != [255, 255, 255], "white seam pixel at ({x}, {y})");
            assert!(p[2] == 120, "pixel ({x}, {y}) is not a cell colour: {p:?}");
        }
    }
}

#[test]
fn later_faces_cover_earlier_ones_and_faces_off_the_page_are_drawn() {
    let red = Rgba::rgb(255, 0, 0);
    let blue = Rgba::rgb(0, 0, 255);
    let square =
        |x0: f64, y0: f64, s: f64| [(x0, y0), (x0 + s, y0), (x0 + s, y0 + s), (x0, y0 + s)];
    let mut points = Vec::new();
    points.extend(square(10.0, 10.0, 40.0));
    points.extend(square(30.0, 30.0, 40.0));
    // Reaches beyond the page: drawn by the fallback.
    points.extend(square(100.0, 80.0, 40.0));
    let mesh = Mesh {
        points,
        edges: Vec::new(),
        faces: vec![
            MeshFace {
                points_end: 4,
                edges_end: 0,
                color: red,
            },
            MeshFace {
                points_end: 8,
                edges_end: 0,
                color: blue,
            },
            MeshFace {
                points_end: 12,
                edges_end: 0,
                color: red,
            },
        ],
        rule: FillRule::NonZero,
        seam: 0.0,
        edge_style: None,
        outlines: false,
    };
    let px = render(&page(vec![DeviceOp::Mesh(mesh)]));
    let at = |x: usize, y: usize| px[(y * 120 + x) * 4..][..4].to_vec();
    assert_eq!(at(20, 20), vec![255, 0, 0, 255]);
    assert_eq!(at(40, 40), vec![0, 0, 255, 255]);
    assert_eq!(at(60, 60), vec![0, 0, 255, 255]);
    assert_eq!(at(110, 90), vec![255, 0, 0, 255]);
    assert_eq!(at(80, 20), vec![255, 255, 255, 255]);
    // Exact area coverage: a vertical edge at x = 10 with the pixel 9..10 outside,
    // and a half-covered pixel for an edge through a pixel's middle.
    assert_eq!(at(9, 20), vec![255, 255, 255, 255]);
}

#[test]
fn svg_of_a_mesh_is_one_fill_and_one_edge_path_per_face_and_looks_the_same() {
    let mesh = grid_mesh(12, 7.5, 1.5, 0.6);
    let page = page(vec![DeviceOp::Mesh(mesh)]);
    let svg = crate::driver::svg::write_svg(&page);
    // Background rect, then per face its grown polygon and its outline.
    assert_eq!(svg.matches("<path").count(), 2 * 144, "{}", &svg[..400]);
    let vector = testkit::render_svg(&svg, 120, 100);
    let raster = testkit::Raster {
        width: 120,
        height: 100,
        rgba: render(&page),
    };
    let d = testkit::diff(&raster, &vector, 40);
    assert!(
        d.mean_abs < 2.0 && d.bad_pixels < 60,
        "{} bad, mean {}",
        d.bad_pixels,
        d.mean_abs
    );
}

#[test]
fn half_covered_pixels_blend_half() {
    let mesh = Mesh {
        points: vec![(10.5, 10.0), (30.0, 10.0), (30.0, 30.0), (10.5, 30.0)],
        edges: Vec::new(),
        faces: vec![MeshFace {
            points_end: 4,
            edges_end: 0,
            color: Rgba::BLACK,
        }],
        rule: FillRule::NonZero,
        seam: 0.0,
        edge_style: None,
        outlines: false,
    };
    let px = render(&page(vec![DeviceOp::Mesh(mesh)]));
    let p = &px[(20 * 120 + 10) * 4..][..4];
    assert!((126..=129).contains(&p[0]), "half-covered pixel {p:?}");
}

#[test]
fn translucent_faces_blend_in_painter_order_and_folded_slivers_are_drawn() {
    let square =
        |x0: f64, y0: f64, s: f64| [(x0, y0), (x0 + s, y0), (x0 + s, y0 + s), (x0, y0 + s)];
    let mut points = Vec::new();
    points.extend(square(10.0, 10.0, 40.0));
    points.extend(square(30.0, 30.0, 40.0));
    // A cell folded over (its outline crosses itself), a pixel thin.
    points.extend([(80.0, 20.0), (100.0, 20.6), (80.0, 20.6), (100.0, 20.0)]);
    let face = |end: u32, color: Rgba| MeshFace {
        points_end: end,
        edges_end: 0,
        color,
    };
    let mesh = Mesh {
        points,
        edges: Vec::new(),
        faces: vec![
            face(
                4,
                Rgba {
                    r: 255,
                    g: 0,
                    b: 0,
                    a: 128,
                },
            ),
            face(
                8,
                Rgba {
                    r: 0,
                    g: 0,
                    b: 255,
                    a: 128,
                },
            ),
            face(12, Rgba::BLACK),
        ],
        rule: FillRule::EvenOdd,
        seam: 1.5,
        edge_style: None,
        outlines: true,
    };
    let px = render(&page(vec![DeviceOp::Mesh(mesh)]));
    let at = |x: usize, y: usize| px[(y * 120 + x) * 4..][..4].to_vec();
    let near = |p: Vec<u8>, q: [u8; 4]| (0..4).all(|k| p[k].abs_diff(q[k]) <= 2);
    // Red over white, then blue over that.
    assert!(near(at(20, 20), [255, 127, 127, 255]), "{:?}", at(20, 20));
    assert!(near(at(40, 40), [127, 63, 191, 255]), "{:?}", at(40, 40));
    assert!(near(at(60, 60), [127, 127, 255, 255]), "{:?}", at(60, 60));
    // The folded sliver with its seam darkens a row of pixels along it.
    for x in 83..97 {
        assert!(at(x, 20)[0] < 60, "pixel ({x}, 20) = {:?}", at(x, 20));
    }
}

/// A wireframe of a wavy surface seen from low: folded and sliver faces (the exact path)
/// and convex ones, black outlines, white fill.
fn folded_wireframe() -> Mesh {
    let mut mesh = grid_mesh(1, 1.0, 0.0, 1.0);
    mesh.points.clear();
    mesh.edges.clear();
    mesh.faces.clear();
    mesh.outlines = true;
    mesh.edge_style = Some((
        StrokeStyle {
            width: 1.0,
            cap: LineCap::Round,
            join: LineJoin::Round,
            dash: None,
        },
        Rgba::BLACK,
    ));
    let node = |i: usize, j: usize| {
        let (u, v) = (i as f64, j as f64);
        (
            8.0 + u * 9.0 + v * 2.0,
            20.0 + v * 3.0 + 25.0 * (u * 0.6).sin() * (v * 0.35).cos(),
        )
    };
    for j in 0..30 {
        for i in 0..20 {
            mesh.points.extend([
                node(i, j),
                node(i + 1, j),
                node(i + 1, j + 1),
                node(i, j + 1),
            ]);
            mesh.faces.push(MeshFace {
                points_end: mesh.points.len() as u32,
                edges_end: 0,
                color: Rgba::WHITE,
            });
        }
    }
    mesh
}

#[test]
fn bands_do_not_change_the_picture() {
    let mesh = folded_wireframe();
    let draw = |bands: usize| {
        FORCE_BANDS.with(|b| b.set(Some(bands)));
        let mut pm = sk::Pixmap::new(240, 160).unwrap();
        pm.fill(sk::Color::WHITE);
        draw_mesh(&mut pm, &mesh, None);
        FORCE_BANDS.with(|b| b.set(None));
        pm
    };
    let one = draw(1);
    for bands in [2, 5, 9] {
        let banded = draw(bands);
        let differing = one
            .data()
            .chunks_exact(4)
            .zip(banded.data().chunks_exact(4))
            .filter(|(a, b)| a != b)
            .count();
        assert_eq!(differing, 0, "{bands} bands");
    }
}
