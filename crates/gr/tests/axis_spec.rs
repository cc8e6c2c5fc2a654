//! The struct-based axis API: defaults, explicit ticks and labels, twin axes, grid, errors.

use gks::display_list::Primitive;
use gr::axes::Tick;
use gr::axis_spec::{AxisSpec, Which, AXES_SIMPLE_AXES, AXES_TWIN_AXES, AXES_WITH_GRID};
use gr::Gr;

fn gr() -> Gr {
    let mut gr = Gr::new();
    gr.setviewport(0.2, 0.8, 0.2, 0.6).unwrap();
    gr.setwindow(0.0, 10.0, -1.0, 1.0).unwrap();
    gr
}

/// All text strings drawn with their anchors.
fn texts(gr: &Gr) -> Vec<(f64, f64, String)> {
    gr.gks()
        .items()
        .iter()
        .filter_map(|it| match &it.primitive {
            Primitive::Text { x, y, text, .. } => Some((*x, *y, text.clone())),
            _ => None,
        })
        .collect()
}

/// All polyline vertices.
fn line_points(gr: &Gr) -> Vec<(f64, f64)> {
    gr.gks()
        .items()
        .iter()
        .filter_map(|it| match &it.primitive {
            Primitive::Polyline { points, .. } => Some(points.clone()),
            _ => None,
        })
        .flatten()
        .filter(|p| p.0.is_finite())
        .collect()
}

#[test]
fn default_x_axis_has_nice_labelled_majors_inside_the_window() {
    let mut gr = gr();
    let x = gr.axis(Which::X).unwrap();
    assert_eq!((x.min, x.max), (0.0, 10.0));
    assert_eq!(x.position, -1.0);
    assert_eq!(x.major_count, 5);
    let majors: Vec<f64> = x
        .ticks
        .iter()
        .filter(|t| t.major)
        .map(|t| t.value)
        .collect();
    assert_eq!(majors, vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
    assert_eq!(x.ticks.len(), 26, "four minor ticks between majors");
    let labels: Vec<&str> = x.tick_labels.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels, ["0", "2", "4", "6", "8", "10"]);
    let y = gr.axis(Which::Y).unwrap();
    let labels: Vec<&str> = y.tick_labels.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels, ["\u{2212}1.0", "\u{2212}0.5", "0", "0.5", "1.0"]);
}

#[test]
fn log_axis_labels_are_powers() {
    let mut gr = Gr::new();
    gr.setwindow(1.0, 1000.0, 1.0, 2.0).unwrap();
    gr.setscale(gr::scale::options::X_LOG).unwrap();
    let x = gr.axis(Which::X).unwrap();
    let labels: Vec<&str> = x.tick_labels.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels, ["$10^{0}$", "$10^{1}$", "$10^{2}$", "$10^{3}$"]);
}

#[test]
fn custom_labels_are_drawn_under_their_ticks() {
    let mut gr = gr();
    let mut x = gr.axis(Which::X).unwrap();
    x.set_major_ticks(&[1.0, 5.0, 9.0]);
    x.set_labels(&[(1.0, "low"), (5.0, "mid"), (9.0, "high"), (42.0, "outside")]);
    gr.drawaxis(Which::X, &x).unwrap();
    let t = texts(&gr);
    let names: Vec<&str> = t.iter().map(|t| t.2.as_str()).collect();
    assert_eq!(
        names,
        ["low", "mid", "high"],
        "labels outside the range are skipped"
    );
    // x = 0.2 + 0.6 * value / 10, below the axis at y = 0.2.
    for ((x, y, _), v) in t.iter().zip([1.0, 5.0, 9.0]) {
        assert!((x - (0.2 + 0.06 * v)).abs() < 1e-12, "label x {x}");
        assert!(*y < 0.2, "label below the axis, y = {y}");
    }
    // Tick marks at the three values, pointing up (inside), major = 2 × 0.0075 long.
    let pts = line_points(&gr);
    for v in [1.0, 5.0, 9.0] {
        let xn = 0.2 + 0.06 * v;
        assert!(pts
            .iter()
            .any(|p| (p.0 - xn).abs() < 1e-12 && (p.1 - 0.215).abs() < 1e-12));
    }
}

#[test]
fn twin_axes_mirror_ticks_without_labels_and_grid_spans_the_viewport() {
    let mut gr = gr();
    let x = gr.axis(Which::X).unwrap();
    let y = gr.axis(Which::Y).unwrap();
    gr.drawaxes(Some(&x), Some(&y), AXES_TWIN_AXES | AXES_WITH_GRID)
        .unwrap();
    let pts = line_points(&gr);
    // Mirrored x axis at the top edge (y = 0.6) with ticks pointing down.
    assert!(pts
        .iter()
        .any(|p| (p.1 - 0.6).abs() < 1e-12 && (p.0 - 0.8).abs() < 1e-12));
    assert!(pts.iter().any(|p| (p.1 - 0.585).abs() < 1e-12));
    // Grid lines go from the bottom to the top of the viewport.
    assert!(pts
        .iter()
        .any(|p| (p.0 - 0.32).abs() < 1e-12 && (p.1 - 0.6).abs() < 1e-12));
    // Labels only once: 6 on x, 5 on y.
    assert_eq!(texts(&gr).len(), 11);
}

#[test]
fn simple_axes_without_labels_draw_no_text() {
    let mut gr = gr();
    let mut x = gr.axis(Which::X).unwrap();
    x.tick_labels.clear();
    gr.drawaxes(Some(&x), None, AXES_SIMPLE_AXES).unwrap();
    assert!(texts(&gr).is_empty());
    assert!(!line_points(&gr).is_empty());
}

#[test]
fn long_labels_wrap_to_their_width() {
    let mut gr = gr();
    let mut x = gr.axis(Which::X).unwrap();
    x.set_labels(&[(5.0, "a rather long category name")]);
    x.tick_labels[0].width = 0.08;
    gr.drawaxis(Which::X, &x).unwrap();
    let t = texts(&gr);
    assert_eq!(t.len(), 1);
    assert!(t[0].2.contains('\n'), "wrapped: {:?}", t[0].2);
    for line in t[0].2.lines() {
        let (bx, _) = gr.gks_mut().inqtext(0.0, 0.0, line).unwrap();
        assert!(
            bx[1] - bx[0] <= 0.08 || !line.contains(' '),
            "{line:?} too wide"
        );
    }
}

#[test]
fn bad_specs_are_refused_with_the_reason() {
    let mut gr = gr();
    let good = gr.axis(Which::X).unwrap();
    let cases: Vec<(AxisSpec, &str)> = vec![
        (
            AxisSpec {
                min: f64::NAN,
                ..good.clone()
            },
            "min must be finite",
        ),
        (
            AxisSpec {
                max: 0.0,
                ..good.clone()
            },
            "range is empty",
        ),
        (
            AxisSpec {
                ticks: vec![Tick {
                    value: f64::INFINITY,
                    major: true,
                }],
                ..good.clone()
            },
            "not finite",
        ),
        (
            AxisSpec {
                tick_size: f64::NAN,
                ..good.clone()
            },
            "tick_size",
        ),
    ];
    for (spec, msg) in cases {
        let e = gr.drawaxis(Which::X, &spec).unwrap_err().to_string();
        assert!(e.contains(msg), "{e:?} should mention {msg:?}");
    }
    let e = gr.drawaxes(Some(&good), None, 8).unwrap_err().to_string();
    assert!(e.contains("options"), "{e}");
    assert!(gr.gks().items().is_empty(), "nothing drawn on error");
}
