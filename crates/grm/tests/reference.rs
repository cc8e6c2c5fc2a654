//! Reference images: every example figure (one per kind) rendered at 400×300 px and
//! compared with `tests/ref/KIND.png` (each looked at and compared by eye with what GR and
//! matplotlib draw for the same data). Tolerance: a channel off by more than 2/255 on at
//! most 0.1 % of the pixels (the raster driver is deterministic; the slack absorbs
//! compiler and CPU differences in anti-aliasing). `GR_BLESS=1` rewrites the references.
//!
//! The same figures also go through SVG (rendered back with resvg) to check that the
//! vector output draws the same picture.

use std::path::PathBuf;

use testkit::{check_reference, diff, over_white, render_svg, Raster};

fn ref_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/ref")
}

fn small(fig: &grm::Figure) -> grm::Figure {
    let mut f = fig.clone();
    f.width = 400.0;
    f.height = 300.0;
    f
}

#[test]
fn every_kind_matches_its_reference() {
    let mut failures = Vec::new();
    for (name, fig) in grm::examples() {
        let (rgba, w, h) = small(&fig).render_rgba().unwrap();
        assert_eq!((w, h), (400, 300));
        let r = Raster {
            width: w,
            height: h,
            rgba,
        };
        if let Err(e) = std::panic::catch_unwind(|| check_reference(&ref_dir(), name, &r, 2, 120)) {
            failures.push(format!("{name}: {:?}", e.downcast_ref::<String>()));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn svg_output_draws_the_same_picture() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["line", "barplot", "contourf", "polar_line", "pie"] {
        let fig = grm::examples().into_iter().find(|e| e.0 == name).unwrap().1;
        let fig = small(&fig);
        let (rgba, w, h) = fig.render_rgba().unwrap();
        let png = over_white(&Raster {
            width: w,
            height: h,
            rgba,
        });
        let files = fig.save(dir.path().join(format!("{name}.svg"))).unwrap();
        let svg = std::fs::read_to_string(&files[0]).unwrap();
        let back = over_white(&render_svg(&svg, w, h));
        let d = diff(&png, &back, 96);
        let frac = d.bad_pixels as f64 / (w * h) as f64;
        assert!(
            frac < 0.005,
            "{name}: {:.3} % of the pixels differ between PNG and SVG",
            frac * 100.0
        );
    }
}

#[test]
fn all_formats_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let fig = small(&grm::examples()[0].1);
    for ext in ["png", "jpg", "svg", "pdf", "ps", "eps"] {
        let p = dir.path().join(format!("fig.{ext}"));
        let files = fig.save(&p).unwrap();
        assert_eq!(files, vec![p.clone()]);
        let bytes = std::fs::read(&p).unwrap();
        let magic: &[u8] = match ext {
            "png" => b"\x89PNG",
            "jpg" => b"\xff\xd8",
            "svg" => b"<?xml",
            "pdf" => b"%PDF",
            _ => b"%!PS",
        };
        assert!(
            bytes.starts_with(magic),
            "{ext}: starts with {:?}",
            &bytes[..8.min(bytes.len())]
        );
    }
}

#[test]
fn rgba_matches_png_file() {
    let dir = tempfile::tempdir().unwrap();
    let fig = small(&grm::examples()[1].1);
    let (rgba, w, h) = fig.render_rgba().unwrap();
    let p = dir.path().join("s.png");
    fig.save(&p).unwrap();
    let file = testkit::read_png(&p);
    assert_eq!((file.width, file.height), (w, h));
    assert!(file.rgba == rgba, "the PNG file and the RGBA buffer differ");
}
