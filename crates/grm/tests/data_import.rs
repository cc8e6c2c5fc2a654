//! Data-file import: real files (written here and committed under crates/grplot/tests/data,
//! the `.npy` ones written by numpy 2.4) read through the public API, and every malformed case
//! checked by its message.

use std::path::PathBuf;

use grm::data::{self, DataErrorKind, Delimiter, Format, Table};

fn committed(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../grplot/tests/data")
        .join(name)
}

fn write(dir: &tempfile::TempDir, name: &str, contents: &[u8]) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, contents).unwrap();
    p
}

fn read_str(name: &str, text: &str) -> Result<Table, data::DataError> {
    let dir = tempfile::tempdir().unwrap();
    let p = write(&dir, name, text.as_bytes());
    data::read_path(&p)
}

fn err_msg(name: &str, text: &str) -> String {
    let e = read_str(name, text).expect_err("the file is malformed");
    e.to_string()
}

fn same(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| (x.is_nan() && y.is_nan()) || x == y)
}

#[test]
fn grplot_format_with_headers_and_titles() {
    let t = data::read_path(committed("waves.dat")).unwrap();
    assert_eq!(t.names, ["sin", "cos"]);
    assert_eq!(t.meta("title"), Some("Two waves"));
    assert_eq!(t.meta("x_label"), Some("t"));
    assert_eq!(t.meta("y_lim"), Some("-1.5, 1.5"));
    assert_eq!(t.columns[0], [0.0, 0.5, 0.8415]);
    assert_eq!(t.columns[1], [1.0, 0.8776, 0.5403]);
    assert_eq!(t.blocks, [0]);
}

#[test]
fn grplot_format_blank_title_line_and_gr_label_quirks() {
    // A blank line instead of titles; NAN words; a double tab in the title line (as in GR's
    // covid19.csv) collapses.
    let t = read_str("a.dat", "# title : x\n\n1\tNAN\n2\t3\n").unwrap();
    assert!(t.names.is_empty());
    assert!(same(&t.columns[1], &[f64::NAN, 3.0]));
    let t = read_str("b.csv", "A\tB\t\tC\n1\t2\t3\n").unwrap();
    assert_eq!(t.names, ["A", "B", "C"]);
}

#[test]
fn numeric_axis_row_above_a_matrix_is_a_title_row() {
    let t = read_str("bins.dat", "0.5\t1.5\t2.5\n10\t1\t2\t3\n20\t4\t5\t6\n").unwrap();
    assert_eq!(t.names, ["", "0.5", "1.5", "2.5"]);
    assert_eq!(t.columns[0], [10.0, 20.0]);
    assert_eq!(t.columns[3], [3.0, 6.0]);
    // One field *more* is still a ragged row.
    let e = read_str("r.dat", "1\t2\t3\n4\t5\n").unwrap_err();
    assert!(matches!(e.kind, DataErrorKind::Ragged { .. }));
}

#[test]
fn csv_with_header_quotes_and_empty_cells() {
    let t = data::read_path(committed("weather.csv")).unwrap();
    assert_eq!(t.names, ["time", "temperature", "pressure"]);
    assert_eq!(t.columns[0], [0.0, 1.0, 2.0]);
    assert!(same(&t.columns[1], &[20.5, 21.0, f64::NAN]));
    assert!(same(&t.columns[2], &[1013.0, f64::NAN, 1011.0]));
    let t = read_str("q.csv", "\"a, b\",\"c\"\"d\"\n1,2\n").unwrap();
    assert_eq!(t.names, ["a, b", "c\"d"]);
}

#[test]
fn csv_tsv_semicolon_without_header_and_crlf() {
    let t = read_str("n.csv", "1,2\r\n3,4\r\n").unwrap();
    assert!(t.names.is_empty());
    assert_eq!(t.matrix(), [[1.0, 2.0], [3.0, 4.0]]);
    let t = read_str("n.tsv", "1\t\t3\n4\t5\t6\n").unwrap();
    assert!(same(&t.columns[1], &[f64::NAN, 5.0]));
    let t = read_str("n.txt", "x;y\n1;2\n").unwrap();
    assert_eq!(t.names, ["x", "y"]);
    assert_eq!(t.columns[1], [2.0]);
}

#[test]
fn whitespace_columns_comments_and_blocks() {
    let t = data::read_path(committed("matrix.txt")).unwrap();
    assert_eq!(t.ncols(), 3);
    assert_eq!(t.nrows(), 4);
    assert_eq!(t.row(3), [10.0, 11.0, 12.0]);
    let t = read_str(
        "w.txt",
        "# a comment\n  1   2  # trailing\n\n# between\n3 4\n\n\n5 6\n\n",
    )
    .unwrap();
    assert_eq!(t.columns[0], [1.0, 3.0, 5.0]);
    assert_eq!(t.blocks, [0, 1, 2]);
    assert_eq!(t.block_ranges(), [0..1, 1..2, 2..3]);
    let t = read_str("inf.txt", "-inf inf nan 1e3\n").unwrap();
    assert_eq!(t.columns[0][0], f64::NEG_INFINITY);
    assert!(t.columns[2][0].is_nan());
    assert_eq!(t.columns[3][0], 1000.0);
}

#[test]
fn explicit_format_overrides_detection() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(&dir, "x.dat", b"1;2\n3;4\n");
    assert_eq!(data::read_path(&p).unwrap().ncols(), 2);
    // Forced to whitespace, "1;2" is not a number, so line 1 reads as a title row and line 2
    // fails.
    let e = data::read_path_as(&p, Format::Text(Delimiter::Whitespace))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("line 2, column 1: \"3;4\" is not a number (column \"1;2\")"),
        "{e}"
    );
}

#[test]
fn npy_float64_c_order() {
    let t = data::read_path(committed("f8_c_2x3.npy")).unwrap();
    assert_eq!(t.ncols(), 3);
    assert!(same(&t.columns[1], &[2.0, f64::NAN]));
    assert_eq!(t.columns[2], [3.0, 6.0]);
    assert!(t.names.is_empty());
}

#[test]
fn npy_big_endian_f4_fortran_order_matches_c_order() {
    let c = data::read_path(committed("f8_c_2x3.npy")).unwrap();
    let f = data::read_path(committed("f4_be_fortran_2x3.npy")).unwrap();
    for (a, b) in c.columns.iter().zip(&f.columns) {
        assert!(same(a, b), "{a:?} vs {b:?}");
    }
}

#[test]
fn npy_integer_bool_versions_2_and_3_and_3d() {
    let t = data::read_path(committed("i2_v2.npy")).unwrap();
    assert_eq!(t.columns, [vec![-3.0, 0.0, 300.0]]);
    let t = data::read_path(committed("u1_v3.npy")).unwrap();
    assert_eq!(t.matrix(), [[0.0, 255.0], [7.0, 8.0]]);
    let t = data::read_path(committed("bool.npy")).unwrap();
    assert_eq!(t.columns, [vec![1.0, 0.0, 1.0]]);
    // shape (2, 3, 2): two blocks of three rows.
    let t = data::read_path(committed("i8_be_3d.npy")).unwrap();
    assert_eq!(t.blocks, [0, 3]);
    assert_eq!(t.columns[0], [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
    assert_eq!(t.columns[1], [1.0, 3.0, 5.0, 7.0, 9.0, 11.0]);
}

#[test]
fn npy_is_detected_by_magic_without_extension() {
    let bytes = std::fs::read(committed("f8_c_2x3.npy")).unwrap();
    let t = data::read_bytes(&bytes, "stdin", Format::Auto).unwrap();
    assert_eq!(t.ncols(), 3);
}

fn npy_bytes(header: &str, data: &[u8]) -> Vec<u8> {
    let mut h = header.to_string();
    while (10 + h.len() + 1) % 64 != 0 {
        h.push(' ');
    }
    h.push('\n');
    let mut v = b"\x93NUMPY\x01\x00".to_vec();
    v.extend_from_slice(&(h.len() as u16).to_le_bytes());
    v.extend_from_slice(h.as_bytes());
    v.extend_from_slice(data);
    v
}

fn npy_err(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let p = write(&dir, "bad.npy", bytes);
    data::read_path(&p).unwrap_err().to_string()
}

#[test]
fn npy_errors_name_the_problem() {
    let e = npy_err(b"not numpy at all");
    assert!(
        e.ends_with(
            "bad.npy: not a valid .npy file: it does not start with the \\x93NUMPY magic bytes"
        ),
        "{e}"
    );
    let e = npy_err(&npy_bytes("{'descr': '<f8', 'shape': (2,), }", &[0; 16]));
    assert!(
        e.ends_with("not a valid .npy file: the header has no 'fortran_order'"),
        "{e}"
    );
    let e = npy_err(&npy_bytes(
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2, x), }",
        &[0; 16],
    ));
    assert!(e.contains("shape (2, x) is not a tuple of sizes"), "{e}");
    let mut v = npy_bytes(
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }",
        &[],
    );
    v[6] = 4;
    assert!(npy_err(&v).contains("format version 4.0 is not supported (1.0, 2.0 and 3.0 are)"));
    let e = npy_err(&npy_bytes(
        "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }",
        &[0; 40],
    ));
    assert!(
        e.ends_with(
            "bad.npy: the data is truncated: shape (3, 2) of '<f8' needs 48 bytes, the file has 40"
        ),
        "{e}"
    );
    let e = npy_err(&npy_bytes(
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1, 1, 1), }",
        &[0; 8],
    ));
    assert!(
        e.contains("arrays of shape (1, 1, 1, 1) are not supported"),
        "{e}"
    );
    let e = npy_err(&npy_bytes(
        "{'descr': '<f8', 'fortran_order': False, 'shape': (0,), }",
        &[],
    ));
    assert!(e.contains("no data rows"), "{e}");
    let mut v = npy_bytes(
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }",
        &[],
    );
    v.truncate(30);
    assert!(npy_err(&v).contains("the header says"));
}

#[test]
fn npy_unsupported_dtype_from_numpy() {
    let e = data::read_path(committed("complex.npy")).unwrap_err();
    assert!(matches!(e.kind, DataErrorKind::NpyDtype(ref d) if d == "<c16"));
    let m = e.to_string();
    assert!(
        m.contains("complex.npy: unsupported .npy dtype '<c16' (supported: f8, f4"),
        "{m}"
    );
}

#[test]
fn ragged_rows_name_the_line() {
    let m = err_msg("r.dat", "a\tb\tc\td\n1\t2\t3\t4\n# c\n5\t6\t7\n");
    assert!(
        m.ends_with("r.dat: line 4: has 3 fields, expected 4 like line 2; every row needs the same number of columns"),
        "{m}"
    );
    let e = read_str("r.csv", "1,2\n3,4,5\n").unwrap_err();
    assert_eq!(e.line, Some(2));
    assert!(matches!(
        e.kind,
        DataErrorKind::Ragged {
            found: 3,
            expected: 2,
            first_line: 1
        }
    ));
}

#[test]
fn text_in_a_numeric_column_names_line_column_and_title() {
    let m = err_msg("t.csv", "x,y\n1,2\n3,oops\n");
    assert!(
        m.ends_with("t.csv: line 3, column 2: \"oops\" is not a number (column \"y\"); write a number or NaN, or comment the line out with #"),
        "{m}"
    );
    let e = read_str("t.txt", "1 2\n3 4 \n5 x6\n").unwrap_err();
    assert_eq!((e.line, e.column), (Some(3), Some(2)));
}

#[test]
fn empty_files() {
    for text in ["", "\n\n", "# title: nothing\n# only comments\n", "a,b,c\n"] {
        let m = err_msg("e.csv", text);
        assert!(
            m.ends_with(
                "e.csv: no data rows (the file is empty or holds only comments and a header)"
            ),
            "{text:?}: {m}"
        );
    }
}

#[test]
fn header_with_the_wrong_number_of_titles() {
    let m = err_msg("h.csv", "a,b,c\n1,2\n");
    assert!(
        m.ends_with("h.csv: line 1: the header row has 3 titles but the data has 2 columns"),
        "{m}"
    );
}

#[test]
fn unreadable_path_and_binary_text() {
    let e = data::read_path("/nonexistent/dir/data.csv").unwrap_err();
    assert!(matches!(e.kind, DataErrorKind::Io(_)));
    let m = e.to_string();
    assert!(
        m.starts_with("/nonexistent/dir/data.csv: cannot read the file: "),
        "{m}"
    );
    let dir = tempfile::tempdir().unwrap();
    let p = write(&dir, "bin.dat", b"1 2\n\xff\xfe\n");
    let m = data::read_path(&p).unwrap_err().to_string();
    assert!(
        m.ends_with("bin.dat: line 2: the text is not valid UTF-8; save the file as UTF-8"),
        "{m}"
    );
}

/// Round trip: random tables written as CSV, TSV, semicolon and whitespace text, with and
/// without a title row, read back bit for bit (NaN as NaN).
#[test]
fn random_tables_round_trip_through_every_text_format() {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for case in 0..120 {
        let ncols = 1 + (next() % 5) as usize;
        let nrows = 1 + (next() % 30) as usize;
        let cols: Vec<Vec<f64>> = (0..ncols)
            .map(|_| {
                (0..nrows)
                    .map(|_| match next() % 10 {
                        0 => f64::NAN,
                        1 => -((next() % 1000) as f64),
                        2 => f64::from_bits(next() >> 2) * if next() % 2 == 0 { 1.0 } else { -1.0 },
                        _ => (next() % 1_000_000) as f64 / 997.0,
                    })
                    .collect()
            })
            .collect();
        let header = case % 2 == 0;
        for (sep, name) in [
            (",", "t.csv"),
            ("\t", "t.tsv"),
            (";", "t.txt"),
            ("   ", "t.dat"),
        ] {
            let mut text = String::new();
            if header {
                let titles: Vec<String> = (0..ncols).map(|c| format!("col {c}")).collect();
                let titles = if sep == "   " {
                    // Whitespace files cannot hold spaces in titles.
                    titles.iter().map(|t| t.replace(' ', "_")).collect()
                } else {
                    titles
                };
                text += &titles.join(sep);
                text.push('\n');
            }
            for r in 0..nrows {
                let row: Vec<String> = cols.iter().map(|c| format!("{}", c[r])).collect();
                text += &row.join(sep);
                text.push('\n');
            }
            let t =
                read_str(name, &text).unwrap_or_else(|e| panic!("case {case} {name}: {e}\n{text}"));
            assert_eq!(t.ncols(), ncols, "case {case} {name}\n{text}");
            assert_eq!(t.names.is_empty(), !header, "case {case} {name}");
            for (a, b) in t.columns.iter().zip(&cols) {
                assert!(
                    a.iter()
                        .zip(b)
                        .all(|(x, y)| x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan())),
                    "case {case} {name}: {a:?} != {b:?}"
                );
            }
        }
    }
}

/// Every prefix and many one-byte corruptions of real .npy files and a text file give a table
/// or an error, never a panic.
#[test]
fn truncated_and_corrupted_files_never_panic() {
    for name in [
        "f8_c_2x3.npy",
        "f4_be_fortran_2x3.npy",
        "u1_v3.npy",
        "i8_be_3d.npy",
        "waves.dat",
    ] {
        let bytes = std::fs::read(committed(name)).unwrap();
        for n in 0..bytes.len() {
            let _ = data::read_bytes(&bytes[..n], name, Format::Auto);
        }
        for i in 0..bytes.len() {
            for b in [0u8, b'(', b',', b'9', 0xff] {
                let mut v = bytes.clone();
                v[i] = b;
                let _ = data::read_bytes(&v, name, Format::Auto);
            }
        }
    }
}
