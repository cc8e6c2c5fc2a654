//! World coordinates, scales and colormaps of the `Gr` context, checked through NDC values
//! and pixels.

use gr::scale::options::{FLIP_X, X_LOG, Y_LOG};
use gr::Gr;

fn close(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < 1e-12 && (a.1 - b.1).abs() < 1e-12
}

#[test]
fn log_and_flip_scales_map_like_gr() {
    let mut gr = Gr::new();
    gr.setviewport(0.1, 0.9, 0.1, 0.7).unwrap();
    gr.setwindow(1.0, 1000.0, 0.1, 100.0).unwrap();
    gr.setscale(X_LOG | Y_LOG).unwrap();
    assert!(close(
        gr.wctondc(10.0, 1.0),
        (0.1 + 0.8 / 3.0, 0.1 + 0.6 / 3.0)
    ));
    let (x, y) = gr.ndctowc(0.5, 0.4);
    assert!((x - 10f64.powf(1.5)).abs() < 1e-9 && (y - 10f64.powf(0.5)).abs() < 1e-9);
    gr.setscale(FLIP_X).unwrap();
    assert!(close(gr.wctondc(1.0, 0.1), (0.9, 0.1)));
    assert_eq!(gr.inqscale(), FLIP_X);
}

#[test]
fn log_scale_of_non_positive_window_is_refused() {
    let mut gr = Gr::new();
    gr.setwindow(-1.0, 1.0, 0.0, 1.0).unwrap();
    let e = gr.setscale(X_LOG).unwrap_err().to_string();
    assert!(
        e.contains("logarithmic x axis needs positive limits"),
        "{e}"
    );
    assert_eq!(gr.inqscale(), 0, "scale unchanged after the error");
    gr.setwindow(1.0, 10.0, 1.0, 10.0).unwrap();
    gr.setscale(Y_LOG).unwrap();
    assert!(
        gr.setwindow(1.0, 10.0, 0.0, 10.0).is_err(),
        "window must stay valid for the log axis"
    );
    assert!(gr.setscale(1 << 20).is_err());
    assert!(gr.setwindow(2.0, 2.0, 1.0, 10.0).is_err());
}

#[test]
fn non_positive_values_on_log_axes_break_lines() {
    let mut gr = Gr::new();
    gr.setviewport(0.0, 1.0, 0.0, 0.75).unwrap();
    gr.setwindow(1.0, 100.0, 0.0, 1.0).unwrap();
    gr.setscale(X_LOG).unwrap();
    gr.setlinewidth(4.0).unwrap();
    gr.polyline(&[1.0, 5.0, -3.0, 20.0, 100.0], &[0.5, 0.5, 0.5, 0.5, 0.5])
        .unwrap();
    let img = gr.gks().render_rgba().unwrap();
    let px = |x: usize| img[(225 * 600 + x) * 4];
    let x_of = |v: f64| (v.log10() / 2.0 * 600.0) as usize;
    assert!(px(x_of(2.0)) < 60, "first piece drawn");
    assert!(px(x_of(40.0)) < 60, "second piece drawn");
    assert_eq!(px(x_of(10.0)), 255, "gap where the negative value was");
}

#[test]
fn colormaps_fill_both_ranges() {
    let mut gr = Gr::new();
    gr.setcolormap(44).unwrap();
    assert_eq!(gr.inqcolormapinds(), (8, 79));
    let c = gr.inqcolor(1000).unwrap();
    assert_eq!(
        (
            (c.0 * 255.0).round(),
            (c.1 * 255.0).round(),
            (c.2 * 255.0).round()
        ),
        (68.0, 1.0, 84.0)
    );
    assert_eq!(
        gr.inqcolor(8).unwrap(),
        c,
        "band starts with the same colour"
    );
    assert_eq!(gr.inqcolor(79).unwrap(), gr.inqcolor(1255).unwrap());
    gr.setcolormap(-144).unwrap();
    assert_eq!(gr.inqcolormapinds(), (1000, 1255));
    assert_eq!(gr.inqcolor(1255).unwrap(), c, "reversed");
    gr.setcolormap_by_name("magma").unwrap();
    assert_eq!(gr.inqcolormap(), 47);
    assert!(gr.setcolormap(99).is_err());
    assert!(gr.setcolormap_by_name("nope").is_err());
}

#[test]
fn savestate_restores_window_scale_and_viewport() {
    let mut gr = Gr::new();
    gr.setwindow(1.0, 10.0, 1.0, 10.0).unwrap();
    gr.setscale(X_LOG).unwrap();
    gr.savestate();
    gr.setscale(0).unwrap();
    gr.setwindow(-5.0, 5.0, -5.0, 5.0).unwrap();
    gr.setviewport(0.5, 0.6, 0.5, 0.6).unwrap();
    gr.restorestate().unwrap();
    assert_eq!(gr.inqwindow(), [1.0, 10.0, 1.0, 10.0]);
    assert_eq!(gr.inqscale(), X_LOG);
    assert_eq!(gr.inqviewport(), [0.2, 0.9, 0.2, 0.7]);
    assert!(gr.restorestate().is_err());
}

#[test]
fn text_is_in_ndc_and_mismatched_arrays_are_errors() {
    let mut gr = Gr::new();
    gr.setwindow(100.0, 200.0, 100.0, 200.0).unwrap();
    gr.text(0.5, 0.4, "NDC").unwrap();
    let (x, _) = gr.inqtext(0.5, 0.4, "NDC").unwrap();
    assert!((x[0] - 0.5).abs() < 1e-12);
    let e = gr.polyline(&[1.0, 2.0], &[1.0]).unwrap_err().to_string();
    assert!(e.contains("same length"), "{e}");
    assert!(gr.selntran(2).is_err());
}
