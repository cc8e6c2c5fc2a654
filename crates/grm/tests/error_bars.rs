//! Error bars given as a symmetric array or as `{"up", "down"}` (the shape grplot writes).

use grm::Figure;
use serde_json::json;

#[test]
fn asymmetric_errors_set_the_range_and_round_trip() {
    let spec = json!({"kind": "line", "x": [0, 1, 2], "y": [1, 2, 1],
                      "error": {"up": [0.5, 0.5, 0.5], "down": [0.1, 3.0, 0.1]}});
    let fig = Figure::from_json(&spec).unwrap();
    let s = &fig.plots[0].series[0];
    assert_eq!(s.error.as_deref(), Some(&[0.5, 0.5, 0.5][..]));
    assert_eq!(s.error_down.as_deref(), Some(&[0.1, 3.0, 0.1][..]));
    // The lowest bar reaches 2 − 3 = −1, so the y window starts at or below −1.
    let g = fig.geometry().unwrap();
    assert!(g[0].window[2] <= -1.0, "{:?}", g[0].window);
    let back = Figure::from_json(&fig.to_json()).unwrap();
    assert_eq!(back.render_rgba().unwrap(), fig.render_rgba().unwrap());
    // A symmetric array stays an array.
    let sym =
        Figure::from_json(&json!({"kind": "line", "y": [1, 2], "error": [0.1, 0.2]})).unwrap();
    assert!(sym.to_json()["subplots"][0]["series"][0]["error"].is_array());
}

#[test]
fn bad_error_objects_name_the_key() {
    let err = |v: serde_json::Value| {
        Figure::from_json(&v)
            .and_then(|f| f.render_rgba())
            .unwrap_err()
            .to_string()
    };
    let e = err(json!({"kind": "line", "y": [1, 2], "error": {"upper": [1, 1]}}));
    assert!(e.contains("error.upper: unknown key"), "{e}");
    let e = err(json!({"kind": "line", "y": [1, 2], "error": {"down": [1, 1]}}));
    assert!(e.contains("error.up: missing"), "{e}");
    let e = err(json!({"kind": "line", "y": [1, 2], "error": {"up": [1, 1], "down": [1, -1]}}));
    assert!(e.contains("error.down[1]: is -1"), "{e}");
}
