//! End-to-end checks of the `grbench` command line.

use std::path::PathBuf;
use std::process::Command;

fn grbench(args: &[&str]) -> (bool, i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_grbench"))
        .args(args)
        .output()
        .expect("grbench starts");
    (
        out.status.success(),
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("grbench-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn one_workload_prints_one_json_line_with_timings() {
    let dir = scratch("w3");
    let (ok, _, stdout, stderr) = grbench(&[
        "--run",
        "w3",
        "--runs",
        "1",
        "--warmup",
        "0",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert!(ok, "{stderr}");
    let line = stdout.trim();
    assert_eq!(line.lines().count(), 1, "{line}");
    for key in [
        "\"workload\": \"W3\"",
        "\"status\": \"ok\"",
        "\"median_s\": ",
        "\"peak_rss_kib\": ",
        "\"output_bytes\": ",
    ] {
        assert!(line.contains(key), "{key} missing in {line}");
    }
    let png = std::fs::read(dir.join("w3.png")).expect("w3.png written");
    assert_eq!(&png[1..4], b"PNG");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn w6_times_marching_cubes_without_writing_files() {
    let (ok, _, stdout, _) = grbench(&["W6", "--runs", "1"]);
    assert!(ok);
    assert!(
        stdout.contains("\"workload\": \"W6\", \"status\": \"ok\""),
        "{stdout}"
    );
    assert!(stdout.contains("\"output_bytes\": 0"), "{stdout}");
}

#[test]
fn bad_arguments_are_usage_errors_not_panics() {
    for args in [
        &["--run", "W9"][..],
        &["--runs", "0"],
        &["--runs", "many"],
        &["W1", "--run", "W2"],
    ] {
        let (ok, code, _, stderr) = grbench(args);
        assert!(!ok && code == 2, "{args:?}: {code} {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn unwritable_data_directory_is_an_error_message() {
    let file = scratch("not-a-dir");
    std::fs::write(&file, b"x").unwrap();
    let (ok, code, _, stderr) = grbench(&["--write-data", file.to_str().unwrap()]);
    assert!(!ok && code == 1, "{code} {stderr}");
    assert!(stderr.starts_with("grbench: cannot write data"), "{stderr}");
    let _ = std::fs::remove_file(&file);
}
