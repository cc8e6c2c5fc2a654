//! Every plotting function answers bad input with an error that says what is wrong, and
//! never panics.

use gr::Gr;

fn msg<T: std::fmt::Debug>(r: gr::Result<T>) -> String {
    r.expect_err("expected an error").to_string()
}

#[test]
fn contour_and_contourf() {
    let mut gr = Gr::new();
    let x = [0.0, 1.0, 2.0];
    let y = [0.0, 1.0];
    let z = [0.0, 1.0, 2.0, 1.0, 2.0, 3.0];
    let m = msg(gr.contour(&x, &y, &[], &z[..5], 0));
    assert!(m.contains("contour") && m.contains("z has 5 values"), "{m}");
    let m = msg(gr.contour(&[0.0, 2.0, 1.0], &y, &[], &z, 0));
    assert!(m.contains("strictly increasing"), "{m}");
    let m = msg(gr.contourf(&x, &y, &[1.0, 0.5], &z, 0));
    assert!(m.contains("levels must increase strictly"), "{m}");
    assert!(msg(gr.contourf(&x, &y, &[f64::NAN], &z, 0)).contains("not finite"));
    assert!(msg(gr.contour(&x, &y, &[], &z, -1)).contains("major_h"));
    assert!(msg(gr.contour(&[0.0], &[0.0], &[], &[1.0], 0)).contains("contour"));
    // NaN holes, constant and all-NaN data draw without errors.
    gr.contourf(&x, &y, &[], &[f64::NAN; 6], 0).unwrap();
    gr.contour(&x, &y, &[], &[1.0; 6], 1).unwrap();
    gr.contourf(&x, &y, &[0.5, 1.5], &[0.0, f64::NAN, 2.0, 1.0, 2.0, 3.0], 0)
        .unwrap();
    gr.gks().render_rgba().unwrap();
}

#[test]
fn axes_and_grid() {
    let mut gr = Gr::new();
    assert!(msg(gr.axes(f64::NAN, 0.1, 0.0, 0.0, 1, 1, 0.01)).contains("x_tick"));
    assert!(msg(gr.axes(-0.1, 0.1, 0.0, 0.0, 1, 1, 0.01)).contains(">= 0"));
    assert!(msg(gr.axes(0.1, 0.1, f64::INFINITY, 0.0, 1, 1, 0.01)).contains("x_org"));
    assert!(msg(gr.axes(0.1, 0.1, 0.0, 0.0, 1, 1, f64::NAN)).contains("tick size"));
    let m = msg(gr.axes(1e-9, 0.1, 0.0, 0.0, 1, 1, 0.01));
    assert!(
        m.contains("ticks") && m.contains("larger tick interval"),
        "{m}"
    );
    assert!(msg(gr.grid(1e-12, 0.1, 0.0, 0.0, 1, 1)).contains("larger tick interval"));
    gr.setwindow(1.0, 100.0, 1.0, 100.0).unwrap();
    gr.setscale(gr::scale::options::X_LOG).unwrap();
    // The y axis stands at x_org, which must be positive on the log x axis.
    let m = msg(gr.axes(1.0, 10.0, -5.0, 1.0, 1, 1, 0.01));
    assert!(m.contains("origin -5"), "{m}");
    // Zero ticks draw just the axis lines.
    gr.axes(0.0, 0.0, 1.0, 1.0, 0, 0, 0.01).unwrap();
}

#[test]
fn colour_functions() {
    let mut gr = Gr::new();
    gr.setzrange(2.0, 2.0).expect_err("empty z range");
    assert!(
        msg(gr.setcolormapfromrgb(&[0.0, 1.0], &[0.0], &[0.0, 1.0], None)).contains("equally long")
    );
    gr.setviewport(0.8, 0.85, 0.1, 0.7).unwrap();
    gr.colorbar().unwrap();
}

#[test]
fn fields_and_densities() {
    let mut gr = Gr::new();
    assert!(msg(gr.hexbin(&[0.1, 0.2], &[0.1], 10)).contains("same length"));
    assert!(msg(gr.hexbin(&[0.1], &[0.1], 0)).contains("nbins"));
    assert_eq!(gr.hexbin(&[f64::NAN], &[0.5], 10).unwrap(), 0);
    assert!(msg(gr.shadepoints(&[0.1], &[0.1], 9, 10, 10)).contains("transfer"));
    assert!(msg(gr.shadepoints(&[0.1], &[0.1], 1, 0, 10)).contains("raster size"));
    assert!(msg(gr.shadepoints(&[0.1], &[0.1], 1, 100_000, 10)).contains("raster size"));
    let g = [0.0, 1.0];
    assert!(msg(gr.quiver(&g, &g, &[1.0; 3], &[1.0; 4], false)).contains("quiver"));
    assert!(msg(gr.setarrowstyle(19)).contains("1..=18"));
    assert!(msg(gr.setarrowsize(-1.0)).contains(">= 0"));
    assert!(msg(gr.drawarrow(0.0, 0.0, f64::NAN, 1.0)).contains("x2"));
    assert!(msg(gr.verrorbars(&[1.0], &[1.0, 2.0], &[0.5], &[1.5])).contains("y has 2 values"));
    assert!(msg(gr.herrorbars(&[], &[], &[], &[])).contains("at least one point"));
    // NaN error values skip the bar.
    gr.verrorbars(&[0.5], &[0.5], &[f64::NAN], &[0.6]).unwrap();
    gr.gks().render_rgba().unwrap();
}

#[test]
fn nonuniform_cell_arrays() {
    let mut gr = Gr::new();
    let m = msg(gr.nonuniformcellarray(&[0.0, 1.0], &[0.0, 1.0, 2.0], 2, 2, &[1; 4]));
    assert!(m.contains("needs dimx + 1 = 3 x edges"), "{m}");
    let m = msg(gr.nonuniformcellarray(&[0.0, 0.5, 1.0], &[0.0, 1.0], 2, 1, &[1; 3]));
    assert!(m.contains("need 2 colours, got 3"), "{m}");
    let m = msg(gr.nonuniformcellarray(&[0.0, 0.5, 0.2], &[0.0, 1.0], 2, 1, &[1; 2]));
    assert!(
        m.contains("strictly increasing or strictly decreasing"),
        "{m}"
    );
    assert!(
        msg(gr.nonuniformcellarray(&[0.0, f64::NAN, 1.0], &[0.0, 1.0], 2, 1, &[1; 2]))
            .contains("x[1] is not finite")
    );
    assert!(
        msg(gr.nonuniformcellarray(&[0.0, 0.5, 1.0], &[0.0, 1.0], 2, 1, &[1, 99999]))
            .contains("colour index 99999")
    );
    gr.setwindow(1.0, 10.0, 0.0, 1.0).unwrap();
    gr.setscale(gr::scale::options::X_LOG).unwrap();
    assert!(
        msg(gr.nonuniformcellarray(&[-1.0, 5.0, 10.0], &[0.0, 1.0], 2, 1, &[1; 2]))
            .contains("positive")
    );
}

#[test]
fn tricontour_input() {
    let mut gr = Gr::new();
    let m = msg(gr.tricontour(&[0.0, 1.0], &[0.0, 1.0], &[0.0], &[0.5]));
    assert!(m.contains("same length"), "{m}");
    assert!(
        msg(gr.tricontour(&[0.0, 1.0, 0.0], &[0.0, 0.0, 1.0], &[0.0, 1.0, 1.0], &[]))
            .contains("levels")
    );
    assert!(msg(gr.tricontour(
        &[0.0, 1.0, 0.0],
        &[0.0, 0.0, 1.0],
        &[0.0, 1.0, 1.0],
        &[0.5, 0.2]
    ))
    .contains("levels"));
    let m = msg(gr.tricontour(
        &[0.0, 1.0, f64::NAN],
        &[0.0, 0.0, 1.0],
        &[0.0, 1.0, 1.0],
        &[0.5],
    ));
    assert!(m.contains("at least 3 points"), "{m}");
    gr.tricontour(
        &[0.0, 1.0, 0.0, 1.0],
        &[0.0, 0.0, 1.0, 1.0],
        &[0.0, 1.0, 1.0, 2.0],
        &[0.5, 1.5],
    )
    .unwrap();
}

#[test]
fn math_formulas() {
    let mut gr = Gr::new();
    let m = msg(gr.mathtex(0.5, 0.5, r"\frac{a}"));
    assert!(m.contains("mathtex") && m.contains("position"), "{m}");
    assert!(msg(gr.mathtex(0.5, 0.5, r"x^{2")).contains("position"));
    assert!(msg(gr.mathtex(0.5, 0.5, r"\nosuchcommand")).contains("position"));
    assert!(msg(gr.mathtex(f64::NAN, 0.5, "x")).contains("finite"));
    // A formula's box follows alignment and rotation like text.
    gr.settextalign(2, 3).unwrap();
    let (x, y) = gr
        .inqmathtex(0.5, 0.4, r"\frac{a}{b} + \sum_i x_i")
        .unwrap();
    assert!(((x[0] + x[1]) / 2.0 - 0.5).abs() < 1e-9 && ((y[0] + y[3]) / 2.0 - 0.4).abs() < 1e-9);
    gr.setcharup(-1.0, 0.0).unwrap();
    let (x, y) = gr
        .inqmathtex(0.5, 0.4, r"\frac{a}{b} + \sum_i x_i")
        .unwrap();
    let w = x.iter().cloned().fold(f64::MIN, f64::max) - x.iter().cloned().fold(f64::MAX, f64::min);
    let h = y.iter().cloned().fold(f64::MIN, f64::max) - y.iter().cloned().fold(f64::MAX, f64::min);
    assert!(h > w, "rotated formula box {w} × {h}");
    gr.mathtex(0.5, 0.4, r"\alpha^2").unwrap();
    gr.gks().render_rgba().unwrap();
}
