//! GR3 in GR plots: `gr3::surface` in GR's classic and camera views (reference images,
//! looked at) and its agreement with GR's own colored-mesh surface, and
//! `Scene::drawimage` placing a rendered scene on a world rectangle.

mod common;

use common::*;
use gr::Gr;
use testkit::{check_reference, Raster};

fn page(gr: &Gr) -> Raster {
    let p = gr.gks().page();
    Raster {
        width: p.width as u32,
        height: p.height as u32,
        rgba: gr.gks().render_rgba().unwrap(),
    }
}

fn frame(gr: &mut Gr) {
    gr.gks_mut().set_size_px(300.0, 225.0).unwrap();
    gr.setviewport(0.2, 0.8, 0.1, 0.7).unwrap();
    gr.setwindow(-2.0, 2.0, -2.0, 2.0).unwrap();
    gr.setspace(-1.0, 1.5, 30.0, 80.0).unwrap();
    gr.setcolormap(44).unwrap();
}

fn axes(gr: &mut Gr) {
    gr.setcharheight(0.024).unwrap();
    gr.axes3d(0.5, 0.0, 0.5, -2.0, -2.0, -1.0, 2, 0, 2, -0.01)
        .unwrap();
    gr.axes3d(0.0, 0.5, 0.0, 2.0, -2.0, -1.0, 0, 2, 0, 0.01)
        .unwrap();
}

#[test]
fn surface_in_the_classic_view() {
    let (x, y, z) = gr::space3d::peaks_grid(60);
    let mut gr = Gr::new();
    frame(&mut gr);
    let opts = gr3::SurfaceOptions {
        width: 360,
        height: 360,
        ssaa: 2,
        ..Default::default()
    };
    gr3::surface(&mut gr, &x, &y, &z, &opts).unwrap();
    let only_surface = page(&gr);
    axes(&mut gr);
    let img = page(&gr);
    check_reference(&ref_dir(), "gr_surface_classic", &img, 2, 300);

    // GR's own colored mesh of the same data covers the same part of the page.
    let mut g2 = Gr::new();
    frame(&mut g2);
    g2.surface(&x, &y, &z, 4).unwrap();
    let theirs = page(&g2);
    let agreement = iou(&mask(&only_surface), &mask(&theirs));
    assert!(
        agreement > 0.93,
        "silhouette IoU with gr.surface {agreement:.3}"
    );
}

#[test]
fn surface_with_a_perspective_camera() {
    let (x, y, z) = gr::space3d::peaks_grid(50);
    let mut gr = Gr::new();
    gr.gks_mut().set_size_px(300.0, 225.0).unwrap();
    gr.setviewport(0.2, 0.8, 0.1, 0.7).unwrap();
    gr.setwindow(-2.0, 2.0, -2.0, 2.0).unwrap();
    gr.setwindow3d(-2.0, 2.0, -2.0, 2.0, -1.0, 1.5).unwrap();
    gr.setspace3d(-40.0, 60.0, 30.0, 0.0).unwrap();
    gr.setcolormap(3).unwrap();
    let opts = gr3::SurfaceOptions {
        width: 360,
        height: 360,
        ssaa: 2,
        ..Default::default()
    };
    gr3::surface(&mut gr, &x, &y, &z, &opts).unwrap();
    let ours = page(&gr);
    check_reference(&ref_dir(), "gr_surface_perspective", &ours, 2, 300);
    let mut g2 = Gr::new();
    g2.gks_mut().set_size_px(300.0, 225.0).unwrap();
    g2.setviewport(0.2, 0.8, 0.1, 0.7).unwrap();
    g2.setwindow(-2.0, 2.0, -2.0, 2.0).unwrap();
    g2.setwindow3d(-2.0, 2.0, -2.0, 2.0, -1.0, 1.5).unwrap();
    g2.setspace3d(-40.0, 60.0, 30.0, 0.0).unwrap();
    g2.setcolormap(3).unwrap();
    g2.surface(&x, &y, &z, 4).unwrap();
    let agreement = iou(&mask(&ours), &mask(&page(&g2)));
    assert!(
        agreement > 0.93,
        "silhouette IoU with gr.surface {agreement:.3}"
    );
}

#[test]
fn surface_bad_input() {
    let mut gr = Gr::new();
    frame(&mut gr);
    let o = gr3::SurfaceOptions::default();
    let e = gr3::surface(&mut gr, &[0.0, 1.0], &[0.0, 1.0], &[0.0; 3], &o).unwrap_err();
    assert!(e.to_string().contains("z has 3 values"), "{e}");
    let e = gr3::surface(&mut gr, &[0.0], &[0.0, 1.0], &[0.0; 2], &o).unwrap_err();
    assert!(e.to_string().contains("at least 2"), "{e}");
    let e = gr3::surface(&mut gr, &[0.0, f64::NAN], &[0.0, 1.0], &[0.0; 4], &o).unwrap_err();
    assert!(e.to_string().contains("finite"), "{e}");
    let big = gr3::SurfaceOptions { width: 0, ..o };
    assert!(gr3::surface(&mut gr, &[0.0, 1.0], &[0.0, 1.0], &[0.0; 4], &big).is_err());
    // NaN heights leave holes instead of failing.
    gr3::surface(
        &mut gr,
        &[0.0, 1.0, 2.0],
        &[0.0, 1.0],
        &[0.0, f64::NAN, 0.5, 0.2, 0.1, 0.3],
        &o,
    )
    .unwrap();
}

#[test]
fn drawimage_places_the_scene_on_the_world_rectangle() {
    let mut s = gr3::Scene::new();
    s.cameralookat([0.0, 0.0, 5.0], [0.0; 3], [0.0, 1.0, 0.0])
        .unwrap();
    s.setorthographicprojection(-1.0, 1.0, -1.0, 1.0, 1.0, 10.0)
        .unwrap();
    s.setprojectiontype(gr3::ProjectionType::Orthographic);
    s.setbackgroundcolor(0.0, 0.0, 1.0, 1.0).unwrap();
    let mut gr = Gr::new();
    gr.gks_mut().set_size_px(200.0, 200.0).unwrap();
    gr.setviewport(0.0, 1.0, 0.0, 1.0).unwrap();
    gr.setwindow(0.0, 10.0, 0.0, 10.0).unwrap();
    s.drawimage(&mut gr, 2.0, 6.0, 5.0, 9.0, 40, 40).unwrap();
    let img = page(&gr);
    let blue = |x: usize, y: usize| {
        let p = &img.rgba[(y * 200 + x) * 4..];
        p[2] > 200 && p[0] < 50
    };
    // World x 2..6 → pixels 40..120; y 5..9 → rows 20..100 from the top.
    assert!(blue(80, 60) && blue(42, 22) && blue(118, 98));
    assert!(!blue(36, 60) && !blue(124, 60) && !blue(80, 16) && !blue(80, 104));
}
