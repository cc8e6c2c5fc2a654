//! Bad input gets a clear error, never a panic, and never a file on disk.

use gks::{Error, Gks};

fn msg<T: std::fmt::Debug>(r: Result<T, Error>) -> String {
    r.expect_err("expected an error").to_string()
}

#[test]
fn mismatched_and_empty_arrays() {
    let mut g = Gks::new();
    let m = msg(g.polyline(&[0.0, 1.0], &[0.0]));
    assert!(
        m.contains("polyline") && m.contains("same length") && m.contains("2 and 1"),
        "{m}"
    );
    assert!(msg(g.polyline(&[], &[])).contains("at least 2"));
    assert!(msg(g.polymarker(&[], &[])).contains("polymarker"));
    assert!(msg(g.fillarea(&[0.0, 1.0], &[0.0, 1.0])).contains("at least 3"));
    assert!(
        g.items().is_empty(),
        "nothing may be recorded after an error"
    );
}

#[test]
fn non_finite_data() {
    let mut g = Gks::new();
    // NaN breaks a polyline (GR semantics), it is not an error.
    g.polyline(&[0.0, f64::NAN, 0.5, 1.0], &[0.0, 0.1, f64::INFINITY, 0.5])
        .unwrap();
    g.polymarker(&[f64::NAN], &[0.5]).unwrap();
    let m = msg(g.fillarea(&[0.0, 1.0, f64::NAN], &[0.0, 1.0, 0.5]));
    assert!(m.contains("point 2") && m.contains("not finite"), "{m}");
    assert!(msg(g.text(f64::NAN, 0.5, "x")).contains("finite"));
    assert!(msg(g.setlinewidth(f64::NAN)).contains("line width"));
    assert!(msg(g.setcharheight(0.0)).contains("> 0"));
    assert!(msg(g.setcharup(0.0, 0.0)).contains("(0, 0)"));
    assert!(msg(g.settransparency(1.5)).contains("0..=1"));
    // All-NaN lines and lone markers still render without panicking.
    g.polyline(&[f64::NAN, f64::NAN], &[0.0, 1.0]).unwrap();
    g.render_rgba().unwrap();
}

#[test]
fn degenerate_windows_and_transforms() {
    let mut g = Gks::new();
    let m = msg(g.setwindow(1, 1.0, 1.0, 0.0, 1.0));
    assert!(m.contains("setwindow") && m.contains("less than"), "{m}");
    assert!(msg(g.setwindow(1, 0.0, 1.0, f64::NAN, 1.0)).contains("finite"));
    assert!(msg(g.setviewport(1, 0.5, 0.2, 0.0, 1.0)).contains("setviewport"));
    assert!(msg(g.setwindow(0, 0.0, 1.0, 0.0, 1.0)).contains("0 is the fixed"));
    assert!(msg(g.selntran(9)).contains("0..=8"));
    assert!(msg(g.setwswindow(0.0, 0.0, 0.0, 1.0)).contains("setwswindow"));
    assert!(msg(g.restorestate()).contains("savestate"));
}

#[test]
fn bad_codes_and_indices() {
    let mut g = Gks::new();
    assert!(msg(g.setlinetype(9)).contains("linetype"));
    assert!(msg(g.setmarkertype(0)).contains("markertype"));
    assert!(msg(g.setfillintstyle(5)).contains("fillintstyle"));
    assert!(msg(g.setfillstyle(200)).contains("fill style"));
    assert!(msg(g.settextalign(4, 1)).contains("textalign"));
    assert!(msg(g.setlinecolorind(1256)).contains("out of range"));
    assert!(msg(g.setlinecolorind(-1)).contains("out of range"));
    let m = msg(g.settextfontprec(77, 0));
    assert!(m.contains("unknown font number 77"), "{m}");
    assert!(msg(g.settextfontprec(101, 7)).contains("precision"));
    assert!(msg(g.setcolorrep(3, 2.0, 0.0, 0.0)).contains("0..=1"));
    g.setfillintstyle(3).unwrap();
    g.setfillstyle(50).unwrap();
    assert!(msg(g.fillarea(&[0.0, 1.0, 1.0], &[0.0, 0.0, 1.0])).contains("hatch style"));
}

#[test]
fn bad_cell_arrays_and_images() {
    let mut g = Gks::new();
    let m = msg(g.cellarray(0.0, 1.0, 0.0, 1.0, 3, 2, &[1; 5]));
    assert!(m.contains("3×2 cells need 6 values, got 5"), "{m}");
    assert!(msg(g.cellarray(0.0, 1.0, 0.0, 1.0, 0, 2, &[])).contains("at least 1×1"));
    assert!(msg(g.cellarray(0.0, 0.0, 0.0, 1.0, 1, 1, &[1])).contains("empty"));
    let m = msg(g.cellarray(0.0, 1.0, 0.0, 1.0, 2, 1, &[1, 5000]));
    assert!(m.contains("cell 1") && m.contains("5000"), "{m}");
    assert!(msg(g.drawimage(0.0, 1.0, 0.0, 1.0, 2, 2, &[[0; 4]; 3])).contains("drawimage"));
    let mut buf = vec![0u8; 10];
    assert!(msg(g.render_into(&mut buf)).contains("buffer holds 10 bytes"));
}

#[test]
fn bad_page_sizes() {
    let mut g = Gks::new();
    assert!(msg(g.set_size_px(0.0, 100.0)).contains("at least 1 pixel"));
    assert!(msg(g.set_size_px(100_000.0, 100.0)).contains("32767"));
    assert!(msg(g.set_size_px(f64::INFINITY, 100.0)).contains("finite"));
    assert!(msg(g.set_size_inches(6.0, 4.0, 0.0)).contains("dpi"));
}

#[test]
fn unknown_formats_and_unwritable_paths_leave_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut g = Gks::new();
    g.polyline(&[0.0, 1.0], &[0.0, 0.5]).unwrap();
    let m = msg(g.save(dir.path().join("plot.bmpx")));
    assert!(
        m.contains("unknown output format 'bmpx'") && m.contains("plot.bmpx"),
        "{m}"
    );
    let missing = dir.path().join("no/such/dir/plot.png");
    let m = msg(g.save(&missing));
    assert!(
        m.contains("no/such/dir/plot.png") && m.contains("does not exist"),
        "{m}"
    );
    assert!(msg(g.beginprint(dir.path().join("x.unknown"))).contains("unknown output format"));
    assert!(msg(g.endprint()).contains("without beginprint"));
    // A directory in the way of the file.
    std::fs::create_dir(dir.path().join("taken.png")).unwrap();
    assert!(msg(g.save(dir.path().join("taken.png"))).contains("directory"));
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        left,
        vec!["taken.png".to_string()],
        "no file may be left behind"
    );
}

#[test]
fn eps_holds_one_page_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.eps");
    let mut g = Gks::new();
    g.beginprint(&path).unwrap();
    g.text(0.5, 0.5, "one").unwrap();
    g.clearws();
    g.text(0.5, 0.5, "two").unwrap();
    let m = msg(g.endprint());
    assert!(m.contains("EPS holds exactly one page"), "{m}");
    assert!(!path.exists());
}

#[test]
fn weird_text_does_not_panic() {
    let mut g = Gks::new();
    for s in [
        "",
        "\n\n",
        "\t\r\0",
        "\u{10FFFF}\u{FFFD}",
        "e\u{301}\u{302}",
        "🦀 emoji",
        &"x".repeat(5000),
    ] {
        g.text(0.5, 0.5, s).unwrap();
        g.inqtext(0.5, 0.5, s).unwrap();
    }
    for p in 0..4 {
        g.settextpath(p).unwrap();
        g.text(0.2, 0.2, "path").unwrap();
    }
    g.render_rgba().unwrap();
    gks::driver::svg::write_svg(&g.page());
}

#[test]
fn bad_paths_and_arcs() {
    use gks::geometry::Path;
    let mut g = Gks::new();
    assert!(msg(g.drawpath(&Path::new(), true, None)).contains("empty"));
    let mut p = Path::new();
    p.line_to(0.0, 0.0);
    assert!(msg(g.drawpath(&p, true, None)).contains("start with a move"));
    let mut p = Path::new();
    p.move_to(0.0, 0.0);
    p.cubic_to(0.1, f64::NAN, 0.2, 0.2, 0.3, 0.3);
    assert!(msg(g.drawpath(&p, true, None)).contains("non-finite"));
    assert!(msg(g.drawarc(0.0, 1.0, 0.0, 1.0, f64::NAN, 90.0)).contains("start angle"));
    assert!(msg(g.fillarc(0.0, f64::INFINITY, 0.0, 1.0, 0.0, 90.0)).contains("xmax"));
    assert!(g.items().is_empty());
}
