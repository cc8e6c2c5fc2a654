//! The compiled `grplot` binary: exit codes, messages on stderr, specs on stdout, stdin,
//! JSON spec input, help tables.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::{json, Value};

fn data(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
        .display()
        .to_string()
}

fn grplot(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_grplot"))
        .args(args)
        .output()
        .expect("grplot runs")
}

fn grplot_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_grplot"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("grplot runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn spec_of(o: &Output) -> Value {
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(o));
    serde_json::from_slice(&o.stdout).expect("stdout is the JSON spec")
}

#[test]
fn grplot_file_prints_the_spec_with_headers_and_keys() {
    let o = grplot(&[
        &data("waves.dat"),
        "kind:scatter",
        "spec:r--o",
        "x_log:1",
        "size:800,600",
        "--print-spec",
    ]);
    let v = spec_of(&o);
    assert_eq!(v["size"], json!([800, 600]));
    let sp = &v["subplots"][0];
    assert_eq!(sp["kind"], "scatter");
    assert_eq!(sp["title"], "Two waves");
    assert_eq!(sp["y_lim"], json!([-1.5, 1.5]));
    assert_eq!(sp["x_log"], true);
    assert_eq!(sp["series"][1]["label"], "cos");
    assert_eq!(sp["series"][1]["spec"], "r--o");
    assert_eq!(sp["series"][0]["y"], json!([0.0, 0.5, 0.8415]));
}

#[test]
fn csv_columns_and_file_keyword() {
    let file = format!("file:{}", data("weather.csv"));
    let v = spec_of(&grplot(&[
        "columns:1",
        "x_columns:0",
        &file,
        "--print-spec",
    ]));
    let s = &v["subplots"][0]["series"];
    assert_eq!(s.as_array().unwrap().len(), 1);
    assert_eq!(s[0]["x"], json!([0.0, 1.0, 2.0]));
    assert_eq!(s[0]["y"], json!([20.5, 21.0, null]));
    assert_eq!(s[0]["label"], "temperature");
}

#[test]
fn stdin_dash_reads_text_and_npy() {
    let o = grplot_stdin(
        &["-", "kind:contourf", "levels:5", "--print-spec"],
        b"1 2 3\n4 5 6\n",
    );
    let v = spec_of(&o);
    assert_eq!(
        v["subplots"][0]["series"][0]["z"],
        json!([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    );
    assert_eq!(v["subplots"][0]["levels"], 5);
    let npy = std::fs::read(data("f8_c_2x3.npy")).unwrap();
    let v = spec_of(&grplot_stdin(&["-", "kind:heatmap", "--print-spec"], &npy));
    assert_eq!(
        v["subplots"][0]["series"][0]["z"],
        json!([[1.0, 2.0, 3.0], [4.0, null, 6.0]])
    );
}

#[test]
fn json_spec_input_with_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("spec.json");
    std::fs::write(
        &p,
        r#"{"subplots": [{"kind": "line", "series": [{"x": [0, 1], "y": [1, 2]}]}]}"#,
    )
    .unwrap();
    let p = p.display().to_string();
    let v = spec_of(&grplot(&[
        &p,
        "title:Over",
        "spec:b-",
        "size:300,200",
        "--print-spec",
    ]));
    assert_eq!(v["size"], json!([300, 200]));
    assert_eq!(v["subplots"][0]["title"], "Over");
    assert_eq!(v["subplots"][0]["series"][0]["spec"], "b-");
    let o = grplot_stdin(
        &["-", "kind:scatter", "--print-spec"],
        b"  {\"subplots\": [{\"kind\": \"line\", \"series\": []}]}",
    );
    assert_eq!(spec_of(&o)["subplots"][0]["kind"], "scatter");
    let o = grplot(&[&p, "columns:1", "--print-spec"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "grplot: columns: applies to data files, not to a JSON plot spec\n"
    );
    std::fs::write(dir.path().join("bad.json"), "{\"subplots\": [").unwrap();
    let o = grplot(&[
        &dir.path().join("bad.json").display().to_string(),
        "--print-spec",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with("grplot: ")
            && stderr(&o).contains("bad.json: invalid JSON plot spec: EOF while parsing"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn rendering_goes_through_the_figure_api() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.png");
    let o = grplot(&[&data("waves.dat"), "-o", &out.display().to_string()]);
    // Until the lead wires grm::Figure this is the documented error; afterwards a PNG.
    if o.status.code() == Some(1) {
        assert_eq!(
            stderr(&o),
            "grplot: figure API not available in this build\n"
        );
        assert!(!out.exists());
    } else {
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(std::fs::read(&out).unwrap().starts_with(b"\x89PNG"));
    }
}

#[test]
fn usage_errors_exit_2_with_grplot_prefix() {
    let cases: &[(&[&str], &str)] = &[
        (
            &[],
            "grplot: no input file; usage: grplot FILE [KEY:VALUE]... -o OUT",
        ),
        (&["data.dat"], "grplot: no output: add -o OUT.png"),
        (
            &["data.dat", "x_lable:t", "-o", "x.png"],
            "grplot: unknown key 'x_lable' in 'x_lable:t' (did you mean x_label?)",
        ),
        (
            &["data.dat", "kind:pizza", "-o", "x.png"],
            "grplot: kind:pizza: unknown kind 'pizza'",
        ),
        (
            &["data.dat", "x_lim:1", "-o", "x.png"],
            "grplot: x_lim:1: needs two numbers like x_lim:0,10",
        ),
        (
            &["data.dat", "stray", "-o", "x.png"],
            "grplot: unexpected argument 'stray': parameters are written key:value",
        ),
        (&["--bogus"], "grplot: unexpected argument '--bogus' found"),
        (
            &["help", "pizza"],
            "grplot: unknown kind 'pizza'; kinds are line,",
        ),
        (
            &["gallery"],
            "grplot: the following required arguments were not provided",
        ),
    ];
    for (args, msg) in cases {
        let o = grplot(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).starts_with(msg), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn data_errors_exit_1_and_name_file_line_column() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("ragged.dat");
    std::fs::write(&p, "1\t2\t3\n4\t5\n").unwrap();
    let o = grplot(&[&p.display().to_string(), "--print-spec"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!(
            "grplot: {}: line 2: has 2 fields, expected 3 like line 1; every row needs the same number of columns\n",
            p.display()
        )
    );
    assert!(o.stdout.is_empty());
    let o = grplot(&["/nonexistent/file.dat", "--print-spec"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with("grplot: /nonexistent/file.dat: cannot read the file: "),
        "{}",
        stderr(&o)
    );
    let o = grplot(&[&data("complex.npy"), "--print-spec"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("unsupported .npy dtype '<c16'"));
    let o = grplot(&[&data("waves.dat"), "columns:9", "--print-spec"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "grplot: columns: column 9 does not exist; the file has 2 columns, numbered 0 to 1 as in GR's grplot\n"
    );
}

#[test]
fn notes_go_to_stderr_without_failing() {
    let o = grplot(&[&data("matrix.txt"), "kind:hist", "--print-spec"]);
    let v = spec_of(&o);
    assert_eq!(v["subplots"][0]["kind"], "histogram");
    assert_eq!(
        stderr(&o),
        "grplot: note: kind:histogram uses only column 0; pick another with columns:N\n"
    );
}

#[test]
fn help_lists_kinds_and_keys() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let o = grplot(args);
        assert_eq!(o.status.code(), Some(0));
        let out = stdout(&o);
        assert!(
            out.contains("Usage: grplot [OPTIONS] FILE [KEY:VALUE]... -o OUT"),
            "{out}"
        );
        assert!(out.contains("Kinds (grplot help KIND lists a kind's keys):"));
        assert!(out.contains("  contourf           a matrix z"));
        assert!(out.contains("  colormap [cmap]"));
        assert!(out.contains("  gallery "));
    }
    for args in [
        &["help", "contourf"][..],
        &["--help", "contourf"],
        &["-h", "contourf"],
    ] {
        let o = grplot(args);
        assert_eq!(o.status.code(), Some(0));
        let out = stdout(&o);
        assert!(
            out.starts_with("grplot kind:contourf\n\nData: a matrix z."),
            "{out}"
        );
        assert!(out.contains("  levels                   number of contour levels (default 20)"));
    }
    let out = stdout(&grplot(&["help", "hist"]));
    assert!(out.starts_with("grplot kind:histogram (also: hist)"));
}

#[test]
fn version_and_gallery_help_still_work() {
    let o = grplot(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("grplot "));
    let o = grplot(&["gallery", "--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Render every example as PNG, SVG and PDF into DIR"));
}

/// A file in the layout of GR's own `lib/grm/grplot/data/covid19.csv` (made-up numbers):
/// `# key : value` headers (with GR's `0.0, 4 + 1.0` that strtod reads as 4), a title row with
/// a double tab, NAN cells, and GR's example `columns:1:3,5`.
#[test]
fn gr_grplot_format_example() {
    let v = spec_of(&grplot(&[
        &data("gr_format_excerpt.csv"),
        "columns:1:3,5",
        "--print-spec",
    ]));
    let sp = &v["subplots"][0];
    assert_eq!(sp["title"], "Confirmed infections");
    assert_eq!(sp["x_lim"], json!([0, 4]));
    assert_eq!(sp["y_log"], true);
    assert_eq!(sp["location"], 4);
    let s = sp["series"].as_array().unwrap();
    let labels: Vec<&str> = s.iter().map(|s| s["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["Austria", "Belgium", "Netherlands", "Italy"]);
    assert_eq!(s[0]["y"], json!([null, null, 1.0, 3.0]));
    assert_eq!(s[3]["x"], json!([0.0, 1.0, 2.0, 3.0]));
}
