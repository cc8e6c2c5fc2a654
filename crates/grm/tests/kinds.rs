//! Per-kind input checks (clear errors naming the key path) and behaviour a user would
//! check: NaN cells, stacked bars reaching the sum, log axes, overlays, subplots.

use grm::{Figure, Kind, Orientation, Series};
use serde_json::json;

fn err(spec: serde_json::Value) -> String {
    match Figure::from_json(&spec) {
        Err(e) => e.to_string(),
        Ok(f) => f.render_rgba().unwrap_err().to_string(),
    }
}

#[test]
fn grid_kinds_check_their_shapes() {
    let e = err(json!({"kind": "heatmap", "x": [1, 2, 3], "y": [1, 2], "z": [1, 2, 3, 4, 5]}));
    assert_eq!(e, "subplots[0].series[0].z: has 5 values but the grid is 3×2 = 6 (x fastest); give one value per grid point");
    let e = err(json!({"kind": "contour", "z": [[1, 2, 3]]}));
    assert_eq!(
        e,
        "subplots[0].series[0].z: contours need a grid of at least 2×2 values"
    );
    let e = err(json!({"kind": "imshow", "z": [1, 2, 3]}));
    assert!(
        e.starts_with("subplots[0].series[0].z: is flat: give x and y as well"),
        "{e}"
    );
    let e =
        err(json!({"kind": "heatmap", "x": [1, 3, 2], "y": [1, 2], "z": [[1, 2, 3], [4, 5, 6]]}));
    assert!(
        e.starts_with("subplots[0].series[0].x: must increase strictly"),
        "{e}"
    );
    let e = err(
        json!({"kind": "surface", "x": [1, 2], "y": [1, 2], "z": [[1, 2], [3, 4]], "z_lim": [1, 1]}),
    );
    assert!(
        e.starts_with("subplots[0].z_lim: lower limit 1 must be below upper limit 1"),
        "{e}"
    );
    let e = err(json!({"kind": "quiver", "x": [1, 2], "y": [1, 2], "u": [1, 2, 3, 4], "v": [1]}));
    assert_eq!(
        e,
        "subplots[0].series[0].v: has 1 values but u has 4; give both the same length"
    );
}

#[test]
fn edges_or_centres_and_nan_cells() {
    // 3×2 cells given by edges; a NaN cell renders (white) instead of failing.
    let f = Figure::from_json(
        &json!({"kind": "heatmap", "x": [0, 1, 2, 3], "y": [0, 1, 2],
        "z": [1, null, 3, 4, 5, 6]}),
    )
    .unwrap();
    let (rgba, w, _) = f.render_rgba().unwrap();
    assert_eq!(rgba.len() % (w as usize * 4), 0);
}

#[test]
fn other_kinds_check_their_input() {
    let e = err(json!({"kind": "pie", "x": [1, -2, 3]}));
    assert_eq!(
        e,
        "subplots[0].series[0].x[1]: is -2; pie values must be finite and >= 0"
    );
    let e = err(json!({"kind": "pie", "x": [1, 2], "labels": ["a"]}));
    assert_eq!(
        e,
        "subplots[0].series[0].labels: has 1 labels for 2 values; give one label per value"
    );
    let e = err(json!({"kind": "histogram", "x": [1, 2], "bin_edges": [0, 2, 1]}));
    assert!(
        e.starts_with(
            "subplots[0].series[0].bin_edges: needs at least 2 finite, strictly increasing"
        ),
        "{e}"
    );
    let e = err(json!({"kind": "polar_line", "x": [0, 1], "y": [1, -1]}));
    assert_eq!(
        e,
        "subplots[0].series[0].y[1]: radius -1 is negative; polar radii must be >= 0"
    );
    let e = err(json!({"kind": "barplot", "y": [1, 2], "y_log": true}));
    assert!(e.contains("bars start at 0"), "{e}");
    let e = err(json!({"kind": "scatter3", "x": [1], "y": [1]}));
    assert_eq!(e, "subplots[0].series[0].z: missing: this kind needs it");
    let e = err(json!({"kind": "hexbin", "x": [], "y": []}));
    assert_eq!(
        e,
        "subplots[0].series[0].x: is empty; give at least one value"
    );
    let e = err(json!({"kind": "contourf", "z": [[1, 2], [3, 4]], "levels": 0}));
    assert_eq!(e, "levels: must lie in 1..=1000, got 0");
    let e = err(json!({"kind": "volume", "c": [1, 2, 3], "dims": [2, 2, 2]}));
    assert_eq!(
        e,
        "subplots[0].series[0].c: has 3 values but dims [2, 2, 2] need 8"
    );
}

#[test]
fn stacked_bars_reach_the_sum_and_horizontal_swaps_axes() {
    let mut fig = Figure::new();
    let p = fig.plot();
    p.kind = Kind::Barplot;
    p.style = grm::BarStyle::Stacked;
    p.add(Series::y(vec![3.0, 4.0]));
    p.add(Series::y(vec![5.0, 6.0]));
    // The y window must hold the stack 4 + 6 = 10.
    let win = fig.geometry().unwrap()[0].window;
    assert!(win[3] >= 10.0 && win[2] == 0.0, "window {win:?}");
    fig.plots[0].orientation = Orientation::Horizontal;
    let win = fig.geometry().unwrap()[0].window;
    assert!(win[1] >= 10.0 && win[0] == 0.0, "horizontal window {win:?}");
}

#[test]
fn log_axes_get_whole_decades() {
    let mut fig = Figure::new();
    let p = fig.plot();
    p.x_log = true;
    p.add(Series::xy(vec![3.0, 40.0, 700.0], vec![1.0, 2.0, 3.0]));
    let w = fig.geometry().unwrap()[0].window;
    assert_eq!((w[0], w[1]), (1.0, 1000.0));
}

#[test]
fn user_limits_and_flips_are_used() {
    let mut fig = Figure::new();
    let p = fig.plot();
    p.x_lim = Some([-1.0, 5.0]);
    p.y_flip = true;
    p.add(Series::y(vec![1.0, 2.0, 3.0]));
    let g = fig.geometry().unwrap()[0];
    assert_eq!((g.window[0], g.window[1]), (-1.0, 5.0));
    assert_ne!(g.scale & gr::scale::options::FLIP_Y, 0);
}

#[test]
fn subplots_do_not_overlap() {
    let mut fig = Figure::new();
    for i in 1..=3 {
        fig.subplot(1, 3, i).add(Series::y(vec![1.0, 2.0]));
    }
    // The same cell twice is the same plot (hold).
    fig.subplot(1, 3, 1)
        .add(Series::y(vec![2.0, 1.0]).kind(Kind::Scatter));
    assert_eq!(fig.plots.len(), 3);
    assert_eq!(fig.plots[0].series.len(), 2);
    let g = fig.geometry().unwrap();
    for (i, p) in g.iter().enumerate() {
        let a = p.viewport;
        assert!(
            a[0] >= i as f64 / 3.0 && a[1] <= (i + 1) as f64 / 3.0,
            "plot {i} leaves its cell: {a:?}"
        );
    }
}

#[test]
fn sizes_in_inches_and_cm() {
    let f = Figure::new().with_size_inches(4.0, 3.0, 100.0).unwrap();
    assert_eq!((f.width, f.height), (400.0, 300.0));
    let f = Figure::new().with_size_cm(2.54, 2.54, 200.0).unwrap();
    assert!((f.width - 200.0).abs() < 1e-9);
    assert!(Figure::new().with_size_px(f64::NAN, 3.0).is_err());
    let mut f = Figure::new()
        .with_size_px(200.0, 100.0)
        .unwrap()
        .with_background(None);
    f.plot().add(Series::y(vec![1.0, 2.0]));
    let (rgba, w, h) = f.render_rgba().unwrap();
    assert_eq!((w, h), (200, 100));
    assert_eq!(rgba[3], 0, "transparent background at the corner");
}

#[test]
fn stems_stand_clear_of_the_frame() {
    let (_, fig) = grm::examples().into_iter().find(|e| e.0 == "stem").unwrap();
    let w = fig.geometry().unwrap()[0].window;
    assert!(
        w[0] < 0.0 && w[1] > 29.0,
        "window {w:?} must leave room beside the stems at 0 and 29"
    );
}
