//! JSON plot specs: round trips (equal figures, identical pixels), shorthands, nested z,
//! and errors that name the key path.

use grm::{Figure, Kind, Series};
use serde_json::json;

fn pixels(fig: &Figure) -> Vec<u8> {
    fig.render_rgba().unwrap().0
}

#[test]
fn examples_round_trip_to_identical_pixels() {
    for (name, fig) in grm::examples() {
        let j = fig.to_json();
        let text = serde_json::to_string(&j).unwrap();
        let back = Figure::from_json_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(back == fig, "{name}: figure changed in the round trip");
        assert!(
            pixels(&back) == pixels(&fig),
            "{name}: pixels differ after the round trip"
        );
    }
}

#[test]
fn shorthands_equal_the_full_form() {
    let full = json!({"subplots": [{"kind": "line", "title": "t",
        "series": [{"x": [1, 2, 3], "y": [3, 1, 2], "spec": "r--"}]}]});
    let short =
        json!({"kind": "line", "title": "t", "x": [1, 2, 3], "y": [3, 1, 2], "spec": "r--"});
    let a = Figure::from_json(&full).unwrap();
    let b = Figure::from_json(&short).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.plots[0].series[0].spec.as_deref(), Some("r--"));
    assert_eq!(a.plots[0].title.as_deref(), Some("t"));
}

#[test]
fn keys_map_to_plot_options() {
    let f = Figure::from_json(&json!({"size": [400, 300], "background_color": "#ff0000",
        "subplots": [{"rows": 2, "cols": 2, "row": 1, "col": 0, "colspan": 2,
        "kind": "scatter", "x_log": true, "y_flip": true, "grid": false, "colormap": 3,
        "location": "lower left", "levels": 7, "rotation": 30, "tilt": 45,
        "x_lim": [1, 10], "series": [{"x": [1, 2], "y": [1, null], "label": "a"}]}]}))
    .unwrap();
    assert_eq!((f.width, f.height), (400.0, 300.0));
    assert_eq!(f.background, Some(grm::Color::Rgb(1.0, 0.0, 0.0)));
    let p = &f.plots[0];
    assert_eq!((p.pos.row, p.pos.col, p.pos.colspan), (1, 0, 2));
    assert_eq!(p.kind, Kind::Scatter);
    assert!(p.x_log && p.y_flip && !p.grid);
    assert_eq!(p.colormap, grm::Colormap::Number(3));
    assert_eq!(p.location, grm::Location::LowerLeft);
    assert_eq!((p.levels, p.rotation, p.tilt), (7, 30.0, 45.0));
    assert_eq!(p.x_lim, Some([1.0, 10.0]));
    assert!(
        p.series[0].y.as_ref().unwrap()[1].is_nan(),
        "null is a NaN gap"
    );
    let loc = Figure::from_json(&json!({"location": 2, "y": [1, 2]})).unwrap();
    assert_eq!(loc.plots[0].location, grm::Location::UpperLeft);
}

#[test]
fn nested_z_rows_round_trip_nested() {
    let f = Figure::from_json(&json!({"kind": "line", "y": [1, 2], "z": [[1, 2, 3], [4, 5, 6]]}))
        .unwrap();
    let s = &f.plots[0].series[0];
    assert_eq!(s.z.as_deref(), Some(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0][..]));
    assert_eq!(s.z_shape, Some(grm::ZShape { nx: 3, ny: 2 }));
    let j = f.to_json();
    assert_eq!(
        j["subplots"][0]["series"][0]["z"],
        json!([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    );
    let e = Figure::from_json(&json!({"z": [[1, 2], [3]]}))
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "z[1]: has 1 values but row 0 has 2; all rows need the same length"
    );
}

#[test]
fn errors_name_the_key_path() {
    let cases = [
        (
            json!({"subplots": [{"series": [{"y": [1]}, {"x": "abc"}]}]}),
            "subplots[0].series[1].x: expected an array of numbers",
        ),
        (
            json!({"subplots": [{"tittle": "x"}]}),
            "subplots[0].tittle: unknown key",
        ),
        (json!({"x_log": 1}), "x_log: expected true or false"),
        (json!({"x_lim": [1, 2, 3]}), "x_lim: expected [min, max]"),
        (
            json!({"location": "top"}),
            "location: expected a matplotlib location",
        ),
        (
            json!({"size": "big"}),
            "size: expected [width, height] in pixels",
        ),
        (
            json!({"size": [0, 10]}),
            "size: the page must be 1..=32767 pixels",
        ),
        (json!([1, 2]), "(root): expected an object"),
        (
            json!({"series": [{"y": [1], "zz": 1}]}),
            "series[0].zz: unknown key",
        ),
    ];
    for (spec, want) in cases {
        let e = Figure::from_json(&spec).unwrap_err().to_string();
        assert!(e.starts_with(want), "spec {spec}: got {e:?}, want {want:?}");
    }
    let e = Figure::from_json_str("{\"x\": [1,")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("(root): not valid JSON"), "{e}");
}

#[test]
fn unknown_kind_lists_the_kinds() {
    let e = Figure::from_json(&json!({"kind": "lines", "y": [1, 2]}))
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("kind: unknown kind \"lines\"; the kinds are: line, scatter, stairs"),
        "{e}"
    );
    assert!(e.contains("polar_heatmap"), "{e}");
    let e = Figure::from_json(&json!({"series": [{"y": [1], "kind": "pies"}]}))
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("series[0].kind: unknown kind \"pies\""),
        "{e}"
    );
}

#[test]
fn builder_and_json_agree() {
    let mut fig = Figure::new();
    let p = fig.subplot(1, 1, 1);
    p.title = Some("t".into());
    p.add(Series::xy(vec![1.0, 2.0], vec![2.0, 1.0]).label("a"));
    let from =
        Figure::from_json(&json!({"title": "t", "x": [1, 2], "y": [2, 1], "label": "a"})).unwrap();
    assert_eq!(from, fig);
}
