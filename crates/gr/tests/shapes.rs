//! Arcs, pie slices and paths in world coordinates; the resample method.

use gr::shapes::{
    resample, PATH_CLOSEPOLY, PATH_CURVE3, PATH_CURVE4, PATH_LINETO, PATH_MOVETO, PATH_STOP,
};
use gr::Gr;

/// The RGBA pixel at NDC (x, y) of the default 600×450 page (NDC height 0.75).
fn pixel(gr: &Gr, x: f64, y: f64) -> [u8; 4] {
    let rgba = gr.gks().render_rgba().unwrap();
    let (px, py) = ((x * 600.0) as usize, ((0.75 - y) * 600.0) as usize);
    let i = (py * 600 + px) * 4;
    [rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]]
}

fn gr() -> Gr {
    let mut gr = Gr::new();
    gr.setviewport(0.0, 1.0, 0.0, 0.75).unwrap();
    gr.setwindow(0.0, 4.0, 0.0, 3.0).unwrap();
    gr.setfillintstyle(1).unwrap();
    gr.setfillcolorind(2).unwrap();
    gr
}

#[test]
fn fillarc_fills_the_slice_between_its_angles() {
    let mut gr = gr();
    // Quarter pie from 0° to 90° of the circle of radius 1 around (2, 1.5).
    gr.fillarc(1.0, 3.0, 0.5, 2.5, 0.0, 90.0).unwrap();
    let inside = gr.wctondc(2.5, 2.0);
    let outside = gr.wctondc(1.5, 2.0); // second quadrant
    assert_eq!(pixel(&gr, inside.0, inside.1), [255, 0, 0, 255]);
    assert_eq!(pixel(&gr, outside.0, outside.1), [255, 255, 255, 255]);
}

#[test]
fn drawpath_fills_curved_shapes_and_stops_at_stop() {
    let mut gr = gr();
    let v = [
        (1.0, 0.5),
        (3.0, 0.5),
        (3.5, 1.5), // quadratic control
        (3.0, 2.5),
        (2.0, 3.0), // cubic controls
        (1.0, 3.0),
        (1.0, 2.5),
        (0.0, 0.0), // close
        (9.0, 9.0), // after stop: ignored
    ];
    let codes = [
        PATH_MOVETO,
        PATH_LINETO,
        PATH_CURVE3,
        PATH_CURVE3,
        PATH_CURVE4,
        PATH_CURVE4,
        PATH_CURVE4,
        PATH_CLOSEPOLY,
        PATH_STOP,
    ];
    gr.drawpath(&v, &codes, true).unwrap();
    let c = gr.wctondc(2.0, 1.5);
    assert_eq!(pixel(&gr, c.0, c.1), [255, 0, 0, 255]);
    // The quadratic bulges to the right of x = 3 (it passes x ≈ 3.25 at y = 1.5).
    let bulge = gr.wctondc(3.15, 1.5);
    assert_eq!(pixel(&gr, bulge.0, bulge.1), [255, 0, 0, 255]);
    let out = gr.wctondc(3.45, 1.5);
    assert_eq!(pixel(&gr, out.0, out.1), [255, 255, 255, 255]);
}

#[test]
fn bad_paths_name_the_vertex_and_the_rule() {
    let mut gr = gr();
    type Case<'a> = (&'a [(f64, f64)], &'a [u8], &'a str);
    let cases: [Case; 5] = [
        (
            &[(0.0, 0.0)],
            &[PATH_MOVETO, PATH_LINETO],
            "one code per vertex",
        ),
        (
            &[(0.0, 0.0), (1.0, 1.0)],
            &[PATH_LINETO, PATH_LINETO],
            "start with PATH_MOVETO",
        ),
        (
            &[(0.0, 0.0), (1.0, 1.0)],
            &[PATH_MOVETO, 7],
            "unknown path code 7 at vertex 1",
        ),
        (
            &[(0.0, 0.0), (1.0, 1.0)],
            &[PATH_MOVETO, PATH_CURVE3],
            "second PATH_CURVE3",
        ),
        (&[(0.0, f64::NAN)], &[PATH_MOVETO], "vertex 0"),
    ];
    for (v, c, msg) in cases {
        let e = gr.drawpath(v, c, false).unwrap_err().to_string();
        assert!(e.contains(msg), "{e:?} should contain {msg:?}");
    }
    let e = gr
        .fillarc(f64::NAN, 1.0, 0.0, 1.0, 0.0, 90.0)
        .unwrap_err()
        .to_string();
    assert!(e.contains("xmin"), "{e}");
    assert!(gr.gks().items().is_empty());
}

#[test]
fn resample_method_round_trips_and_rejects_unknown_codes() {
    let mut gr = Gr::new();
    assert_eq!(gr.inqresamplemethod(), resample::DEFAULT);
    gr.setresamplemethod(resample::LINEAR).unwrap();
    assert_eq!(gr.inqresamplemethod(), resample::LINEAR);
    assert!(gr.gks().state().smooth_images);
    let e = gr.setresamplemethod(0x0505_0505).unwrap_err().to_string();
    assert!(e.contains("unknown method"), "{e}");
    assert_eq!(gr.inqresamplemethod(), resample::LINEAR);
}
