//! Bad input gives clear errors naming the value and what to change, never a panic and
//! never a half-written file.

use grm::{Figure, Kind, Series};

fn err(fig: &Figure) -> String {
    fig.render_rgba().unwrap_err().to_string()
}

fn one(kind: Kind, s: Series) -> Figure {
    let mut fig = Figure::new();
    let p = fig.plot();
    p.kind = kind;
    p.add(s);
    fig
}

#[test]
fn mismatched_and_empty_arrays() {
    let e = err(&one(
        Kind::Line,
        Series::xy(vec![1.0, 2.0, 3.0], vec![1.0, 2.0]),
    ));
    assert_eq!(
        e,
        "subplots[0].series[0].y: has 2 values but x has 3; give both the same length"
    );
    let e = err(&one(Kind::Line, Series::xy(vec![], vec![])));
    assert_eq!(
        e,
        "subplots[0].series[0].x: is empty; give at least one value"
    );
    let e = err(&one(
        Kind::Scatter,
        Series::xy(vec![1.0], vec![1.0]).c(vec![1.0, 2.0]),
    ));
    assert!(
        e.starts_with("subplots[0].series[0].c: has 2 values but y has 1"),
        "{e}"
    );
    let mut fig = Figure::new();
    fig.plot();
    assert_eq!(
        err(&fig),
        "subplots[0].series: is empty; add at least one series with data"
    );
    assert!(err(&Figure::new()).starts_with("subplots: the figure has no plots"));
}

#[test]
fn nan_is_a_gap_but_infinity_and_all_nan_are_errors() {
    let y = vec![1.0, f64::NAN, 3.0, 2.0];
    let fig = one(Kind::Line, Series::y(y));
    fig.render_rgba().expect("NaN leaves a gap");
    let e = err(&one(Kind::Line, Series::y(vec![1.0, f64::INFINITY])));
    assert_eq!(
        e,
        "subplots[0].series[0].y[1]: is inf; use finite values (NaN leaves a gap)"
    );
    let e = err(&one(Kind::Line, Series::y(vec![f64::NAN, f64::NAN])));
    assert!(e.contains("has no finite values"), "{e}");
}

#[test]
fn log_of_non_positive_data_is_an_error() {
    let mut fig = one(
        Kind::Line,
        Series::xy(vec![0.0, 1.0, 2.0], vec![1.0, 2.0, 3.0]),
    );
    fig.plots[0].x_log = true;
    let e = err(&fig);
    assert_eq!(
        e,
        "subplots[0].series[0].x: x_log is set but the data has values <= 0 (smallest 0); \
         remove x_log or keep only positive values"
    );
    let mut fig = one(Kind::Line, Series::y(vec![1.0, 2.0]));
    fig.plots[0].y_log = true;
    fig.plots[0].y_lim = Some([-1.0, 10.0]);
    assert!(err(&fig).starts_with("subplots[0].y_lim: limits must be positive on a log axis"));
}

#[test]
fn bad_limits_specs_and_colormaps() {
    let mut fig = one(Kind::Line, Series::y(vec![1.0, 2.0]));
    fig.plots[0].x_lim = Some([3.0, 1.0]);
    assert!(err(&fig).starts_with("subplots[0].x_lim: lower limit 3 must be below upper limit 1"));
    let fig = one(Kind::Line, Series::y(vec![1.0, 2.0]).spec("r--q"));
    assert_eq!(
        err(&fig),
        "subplots[0].series[0].spec: unknown character 'q' in line spec \"r--q\""
    );
    let mut fig = one(Kind::Scatter, Series::y(vec![1.0, 2.0]).c(vec![0.0, 1.0]));
    fig.plots[0].colormap = grm::Colormap::Name("viridiss".into());
    assert!(err(&fig).starts_with("subplots[0].colormap: unknown colormap \"viridiss\""));
    // Malformed math in a title is drawn as the literal string (the text layer's rule),
    // not an error.
    let mut fig = one(Kind::Line, Series::y(vec![1.0, 2.0]));
    fig.plots[0].title = Some("bad $\\frac{1}$ math".into());
    assert!(fig.render_rgba().is_ok());
}

#[test]
fn volume_kinds_need_a_volume() {
    let e = err(&one(Kind::Isosurface, Series::y(vec![1.0])));
    assert_eq!(
        e,
        "subplots[0].series[0].c: is missing: give the volume values"
    );
}

#[test]
fn mixing_frames_in_one_subplot_is_an_error() {
    let mut fig = one(Kind::Line, Series::y(vec![1.0, 2.0]));
    fig.plots[0].add(Series::y(vec![1.0]).kind(Kind::Surface));
    assert!(err(&fig)
        .starts_with("subplots[0].series[1].kind: \"surface\" cannot be drawn on a \"line\" plot"));
}

#[test]
fn failed_save_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.png");
    let fig = one(Kind::Line, Series::xy(vec![1.0], vec![1.0, 2.0]));
    assert!(fig.save(&path).is_err());
    assert!(!path.exists());
    let e = one(Kind::Line, Series::y(vec![1.0, 2.0]))
        .save(dir.path().join("x.docx"))
        .unwrap_err();
    assert!(e.to_string().contains("docx"), "{e}");
    let e = one(Kind::Line, Series::y(vec![1.0, 2.0]))
        .save("/nonexistent-dir/x.png")
        .unwrap_err();
    assert!(!e.to_string().is_empty());
}

#[test]
fn bad_grid_positions() {
    let mut fig = Figure::new();
    fig.subplot_span(2, 2, 1, 1, 2, 1)
        .add(Series::y(vec![1.0, 2.0]));
    assert!(
        err(&fig).starts_with("subplots[0]: cell rows 1..3 × cols 1..2 lies outside the 2×2 grid")
    );
}
