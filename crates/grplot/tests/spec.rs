//! `build_spec`: data table + key:value parameters → JSON plot spec, one test per kind family,
//! following GR's grplot rules (import.cxx) for which columns are x, y, z.

use grm::data::Table;
use grplot::cli::{parse_key_value, CliError, KeyValue};
use grplot::spec::{build_spec, build_spec_with_notes};
use serde_json::{json, Value};

fn table(columns: Vec<Vec<f64>>, names: &[&str]) -> Table {
    Table {
        columns,
        names: names.iter().map(|s| s.to_string()).collect(),
        meta: Vec::new(),
        blocks: vec![0],
    }
}

fn kvs(list: &[&str]) -> Vec<KeyValue> {
    list.iter().map(|t| parse_key_value(t).unwrap()).collect()
}

fn spec(t: &Table, list: &[&str]) -> Value {
    build_spec(t, &kvs(list)).unwrap()
}

fn subplot(v: &Value) -> &Value {
    &v["subplots"][0]
}

fn series(v: &Value) -> &Vec<Value> {
    v["subplots"][0]["series"].as_array().unwrap()
}

fn input_err(t: &Table, list: &[&str]) -> String {
    match build_spec(t, &kvs(list)) {
        Err(CliError::Input(m)) => m,
        other => panic!("expected an input error, got {other:?}"),
    }
}

fn three_cols() -> Table {
    table(
        vec![
            vec![1.0, 2.0, 3.0],
            vec![10.0, 20.0, 30.0],
            vec![5.0, 6.0, 7.0],
        ],
        &["a", "b", "c"],
    )
}

#[test]
fn line_every_column_is_a_series_over_the_row_number() {
    let v = spec(&three_cols(), &[]);
    assert_eq!(v["size"], json!([600, 450]));
    assert_eq!(subplot(&v)["kind"], "line");
    let s = series(&v);
    assert_eq!(s.len(), 3);
    assert_eq!(s[0]["x"], json!([0.0, 1.0, 2.0]));
    assert_eq!(s[1]["y"], json!([10.0, 20.0, 30.0]));
    assert_eq!(s[2]["label"], "c");
}

#[test]
fn x_columns_and_x_range() {
    let v = spec(&three_cols(), &["x_columns:0", "spec:r--o"]);
    let s = series(&v);
    assert_eq!(s.len(), 2);
    assert_eq!(s[0]["x"], json!([1.0, 2.0, 3.0]));
    assert_eq!(s[0]["y"], json!([10.0, 20.0, 30.0]));
    assert_eq!(s[0]["label"], "b");
    assert_eq!(s[1]["spec"], "r--o");
    let v = spec(&three_cols(), &["x_range:0,10", "columns:1"]);
    assert_eq!(series(&v)[0]["x"], json!([0.0, 5.0, 10.0]));
}

#[test]
fn columns_select_like_grplot_zero_based() {
    let t = table(
        (0..6).map(|c| vec![c as f64; 2]).collect(),
        &["c0", "c1", "c2", "c3", "c4", "c5"],
    );
    let v = spec(&t, &["columns:1:3,5"]);
    let labels: Vec<&str> = series(&v)
        .iter()
        .map(|s| s["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["c1", "c2", "c3", "c5"]);
    let v = spec(&t, &["columns:4:"]);
    assert_eq!(series(&v).len(), 2);
    assert!(input_err(&t, &["columns:9:"]).starts_with("columns: column 9 does not exist"));
    let m = input_err(&t, &["columns:2,7"]);
    assert_eq!(
        m,
        "columns: column 7 does not exist; the file has 6 columns, numbered 0 to 5 as in GR's grplot"
    );
}

#[test]
fn y_range_maps_all_series_onto_the_range() {
    let v = spec(&three_cols(), &["columns:1,2", "y_range:0,1"]);
    let s = series(&v);
    // Joint min 5, max 30.
    assert_eq!(s[0]["y"][0], json!(0.2));
    assert_eq!(s[0]["y"][2], json!(1.0));
    assert_eq!(s[1]["y"][0], json!(0.0));
}

#[test]
fn xye_file_and_error_groups() {
    let t = table(
        vec![
            vec![0.0, 1.0],
            vec![5.0, 6.0],
            vec![0.5, 0.6],
            vec![0.1, 0.2],
        ],
        &[],
    );
    let v = spec(&t, &["xye_file:1", "error:{{error_bar_color:4}}"]);
    let s = series(&v);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0]["x"], json!([0.0, 1.0]));
    assert_eq!(
        s[0]["error"],
        json!({"up": [0.5, 0.6], "down": [0.1, 0.2], "error_bar_color": 4})
    );
    // error:{..} without error columns: groups of (y, up, down) as in GR.
    let v = spec(&t, &["columns:1:3", "error:{error_bar_color:2}"]);
    let s = series(&v);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0]["y"], json!([5.0, 6.0]));
    assert_eq!(s[0]["error"]["down"], json!([0.1, 0.2]));
    let m = input_err(&t, &["columns:1", "error:{error_bar_color:2}"]);
    assert!(m.starts_with("error: needs 3 columns per series"), "{m}");
}

#[test]
fn file_headers_set_keys_and_the_command_line_wins() {
    let mut t = three_cols();
    t.meta = vec![
        ("title".into(), "From file".into()),
        ("x_log".into(), "1".into()),
        ("author".into(), "me".into()),
    ];
    let (v, notes) = build_spec_with_notes(&t, &kvs(&["title:From CLI"])).unwrap();
    assert_eq!(subplot(&v)["title"], "From CLI");
    assert_eq!(subplot(&v)["x_log"], true);
    assert_eq!(
        notes,
        ["file header key 'author' is not a grplot key; ignored"]
    );
    t.meta = vec![("y_lim".into(), "a, b".into())];
    assert!(input_err(&t, &[]).contains("file header 'y_lim: a, b'"));
}

#[test]
fn subplot_root_and_series_keys_go_to_their_place() {
    let v = spec(
        &three_cols(),
        &[
            "size:800,600",
            "title:T",
            "x_label:t",
            "x_lim:0,10",
            "grid:1",
            "marker_type:-1",
            "location:4",
        ],
    );
    assert_eq!(v["size"], json!([800, 600]));
    let sp = subplot(&v);
    assert_eq!(sp["title"], "T");
    assert_eq!(sp["x_lim"], json!([0, 10]));
    assert_eq!(sp["grid"], true);
    assert_eq!(sp["location"], 4);
    assert!(sp.get("size").is_none() && sp.get("marker_type").is_none());
    assert!(series(&v).iter().all(|s| s["marker_type"] == -1));
}

#[test]
fn nan_is_written_as_null() {
    let t = table(vec![vec![1.0, f64::NAN, f64::INFINITY]], &[]);
    let v = spec(&t, &[]);
    assert_eq!(series(&v)[0]["y"], json!([1.0, null, null]));
}

#[test]
fn grid_kinds_take_the_matrix_as_z_rows() {
    let t = table(vec![vec![1.0, 4.0], vec![2.0, 5.0], vec![3.0, 6.0]], &[]);
    for kind in [
        "heatmap",
        "contour",
        "contourf",
        "surface",
        "wireframe",
        "imshow",
        "marginal_heatmap",
    ] {
        let v = spec(
            &t,
            &[&format!("kind:{kind}"), "levels:20", "colormap:viridis"],
        );
        let sp = subplot(&v);
        assert_eq!(sp["kind"], kind);
        assert_eq!(sp["levels"], 20);
        assert_eq!(sp["colormap"], "viridis");
        let s = &series(&v)[0];
        assert_eq!(s["z"], json!([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), "{kind}");
        assert_eq!(s["x"], json!([0.0, 1.0, 2.0]));
        assert_eq!(s["y"], json!([0.0, 1.0]));
    }
    let v = spec(
        &t,
        &[
            "kind:contourf",
            "x_range:0,1",
            "y_range:-1,1",
            "z_range:0,10",
        ],
    );
    let s = &series(&v)[0];
    assert_eq!(s["x"], json!([0.0, 0.5, 1.0]));
    assert_eq!(s["y"], json!([-1.0, 1.0]));
    assert_eq!(s["z"][1][2], json!(10.0));
    assert_eq!(s["z"][0][0], json!(0.0));
    let v = spec(&t, &["kind:polar_heatmap"]);
    assert_eq!(series(&v)[0]["x"], json!([0.0, 180.0, 360.0]));
    assert_eq!(series(&v)[0]["y"], json!([0.0, 3.0]));
}

#[test]
fn grid_errors_say_what_is_missing() {
    let t = table(vec![vec![1.0, 2.0]], &[]);
    assert_eq!(
        input_err(&t, &["kind:heatmap"]),
        "kind:heatmap needs a matrix of at least 2x2 values; the data has 2 rows and 1 column"
    );
}

#[test]
fn use_bins_reads_axes_from_the_title_row_or_the_first_row() {
    // Title row of axis values (the reader keeps it as names with an empty corner).
    let t = table(
        vec![vec![10.0, 20.0], vec![1.0, 4.0], vec![2.0, 5.0]],
        &["", "0.5", "1.5"],
    );
    let v = spec(&t, &["kind:heatmap", "use_bins:1"]);
    let s = &series(&v)[0];
    assert_eq!(s["x"], json!([0.5, 1.5]));
    assert_eq!(s["y"], json!([10.0, 20.0]));
    assert_eq!(s["z"], json!([[1.0, 2.0], [4.0, 5.0]]));
    // Corner cell in the first data row.
    let t = table(
        vec![
            vec![0.0, 10.0, 20.0],
            vec![0.5, 1.0, 4.0],
            vec![1.5, 2.0, 5.0],
        ],
        &[],
    );
    let v = spec(&t, &["kind:heatmap", "use_bins:1"]);
    let s = &series(&v)[0];
    assert_eq!(s["x"], json!([0.5, 1.5]));
    assert_eq!(s["y"], json!([10.0, 20.0]));
    assert_eq!(s["z"], json!([[1.0, 2.0], [4.0, 5.0]]));
}

#[test]
fn xyz_file_builds_the_grid() {
    let t = table(
        vec![
            vec![0.0, 1.0, 0.0, 1.0],
            vec![0.0, 0.0, 5.0, 5.0],
            vec![1.0, 2.0, 3.0, 4.0],
        ],
        &[],
    );
    let v = spec(&t, &["kind:surface", "xyz_file:1"]);
    let s = &series(&v)[0];
    assert_eq!(s["x"], json!([0.0, 1.0]));
    assert_eq!(s["y"], json!([0.0, 5.0]));
    assert_eq!(s["z"], json!([[1.0, 2.0], [3.0, 4.0]]));
    let t = table(
        vec![
            vec![0.0, 1.0, 2.0],
            vec![0.0, 1.0, 2.0],
            vec![1.0, 2.0, 3.0],
        ],
        &[],
    );
    assert!(input_err(&t, &["kind:surface", "xyz_file:1"]).contains("do not form a full grid"));
}

#[test]
fn big_line_tables_become_heatmaps_like_grplot() {
    let t = table(vec![vec![0.0; 50]; 50], &[]);
    let (v, notes) = build_spec_with_notes(&t, &[]).unwrap();
    assert_eq!(subplot(&v)["kind"], "heatmap");
    assert!(notes[0].contains("too many for a line plot"), "{notes:?}");
    let v = spec(&t, &["kind:scatter3"]);
    assert_eq!(subplot(&v)["kind"], "scatter3");
}

#[test]
fn xyz_and_xy_kinds() {
    for kind in ["line3", "scatter3", "tricontour", "trisurface"] {
        let v = spec(&three_cols(), &[&format!("kind:{kind}")]);
        let s = &series(&v)[0];
        assert_eq!(s["x"], json!([1.0, 2.0, 3.0]));
        assert_eq!(s["z"], json!([5.0, 6.0, 7.0]));
    }
    let v = spec(&three_cols(), &["kind:scatter", "scatter_z:1"]);
    assert_eq!(series(&v)[0]["z"], json!([5.0, 6.0, 7.0]));
    let t = table(vec![vec![1.0], vec![2.0]], &[]);
    assert_eq!(
        input_err(&t, &["kind:plot3"]),
        "kind:line3 needs three columns x, y, z; the data has 2 columns"
    );
    for kind in ["hexbin", "shade", "polar_line", "polar_scatter"] {
        let (v, notes) =
            build_spec_with_notes(&three_cols(), &kvs(&[&format!("kind:{kind}")])).unwrap();
        let s = &series(&v)[0];
        assert_eq!(s["y"], json!([10.0, 20.0, 30.0]));
        assert!(s.get("z").is_none());
        assert!(notes[0].contains("uses the first 2 of 3 columns"));
    }
}

#[test]
fn bars_histograms_and_stairs() {
    let v = spec(&three_cols(), &["kind:barplot", "columns:1"]);
    let s = &series(&v)[0];
    assert_eq!(s["x"], json!([1.0, 2.0, 3.0]));
    assert_eq!(s["y"], json!([10.0, 20.0, 30.0]));
    let (v, notes) = build_spec_with_notes(&three_cols(), &kvs(&["kind:hist", "bins:30"])).unwrap();
    assert_eq!(subplot(&v)["kind"], "histogram");
    assert_eq!(subplot(&v)["bins"], 30);
    assert_eq!(series(&v)[0]["x"], json!([1.0, 2.0, 3.0]));
    assert_eq!(
        notes,
        ["kind:histogram uses only column 0; pick another with columns:N"]
    );
    let v = spec(&three_cols(), &["kind:stairs", "step_where:post"]);
    assert_eq!(series(&v).len(), 3);
    assert_eq!(subplot(&v)["step_where"], "post");
    let v = spec(&three_cols(), &["kind:polar_histogram", "columns:2"]);
    assert_eq!(series(&v)[0]["x"], json!([5.0, 6.0, 7.0]));
}

#[test]
fn pie_values_colours_and_labels() {
    let t = table(
        vec![vec![1.0, 1.0, 0.0, 0.0], vec![3.0, 0.0, 0.0, 1.0]],
        &["apples", "plums"],
    );
    let v = spec(&t, &["kind:pie"]);
    let s = &series(&v)[0];
    assert_eq!(s["x"], json!([1.0, 3.0]));
    assert_eq!(s["c"], json!([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]));
    assert_eq!(s["labels"], json!(["apples", "plums"]));
    let t = table(vec![vec![-1.0], vec![2.0]], &[]);
    assert!(input_err(&t, &["kind:pie"]).contains("non-negative values"));
}

#[test]
fn quiver_and_volume_use_blank_line_blocks() {
    let mut t = table(
        vec![vec![1.0, 2.0, 5.0, 6.0], vec![3.0, 4.0, 7.0, 8.0]],
        &[],
    );
    t.blocks = vec![0, 2];
    let v = spec(&t, &["kind:quiver"]);
    let s = &series(&v)[0];
    assert_eq!(s["u"], json!([[1.0, 3.0], [2.0, 4.0]]));
    assert_eq!(s["v"], json!([[5.0, 7.0], [6.0, 8.0]]));
    assert_eq!(s["x"], json!([0.0, 1.0]));
    let v = spec(&t, &["kind:volume"]);
    let s = &series(&v)[0];
    assert_eq!(
        s["c"],
        json!([[[1.0, 3.0], [2.0, 4.0]], [[5.0, 7.0], [6.0, 8.0]]])
    );
    let (_, notes) = build_spec_with_notes(&t, &[]).unwrap();
    assert!(
        notes[0].contains("2 blank-line separated blocks"),
        "{notes:?}"
    );
    t.blocks = vec![0, 1];
    assert!(input_err(&t, &["kind:isosurface"]).contains("block 2 has 3 rows but block 1 has 1"));
    t.blocks = vec![0];
    assert_eq!(
        input_err(&t, &["kind:quiver"]),
        "kind:quiver needs two matrices (u, then v) separated by blank lines; the file has 1"
    );
}

#[test]
fn empty_or_ragged_tables_are_errors_not_panics() {
    let msg = "the table is empty or its columns differ in length; every column needs the same number of values";
    for kind in ["line", "pie", "heatmap", "quiver", "barplot", "scatter3"] {
        let k = format!("kind:{kind}");
        assert_eq!(input_err(&table(vec![], &[]), &[&k]), msg);
        assert_eq!(input_err(&table(vec![vec![]], &[]), &[&k]), msg);
        assert_eq!(
            input_err(&table(vec![vec![1.0, 2.0], vec![1.0]], &[]), &[&k]),
            msg
        );
    }
}
