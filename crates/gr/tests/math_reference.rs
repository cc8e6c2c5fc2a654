//! Reference image of the formula page (`formula_scenes::formulas`: every construct of the
//! LaTeX math subset under its source), looked at and compared by eye with LaTeX; the same
//! page written as SVG, PDF and PostScript, rendered back (resvg, poppler, Ghostscript) and
//! compared with the PNG (tolerances as in `reference.rs`; PostScript as PDF).

use std::path::PathBuf;

use gr::{formula_scenes, Gr};
use testkit::{
    check_reference, diff, external_available, over_white, render_external, render_svg, Raster,
};

fn ref_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/ref")
}

fn png(gr: &Gr) -> Raster {
    let page = gr.gks().page();
    Raster {
        width: page.width as u32,
        height: page.height as u32,
        rgba: gr.gks().render_rgba().unwrap(),
    }
}

fn check_vector(kind: &str, name: &str, expected: &Raster, actual: &Raster) {
    let d = diff(expected, actual, 96);
    let frac = d.bad_pixels as f64 / (expected.width * expected.height) as f64;
    let (max_frac, max_mean) = if kind == "svg" {
        (0.002, 1.0)
    } else {
        (0.01, 6.0)
    };
    assert!(
        frac <= max_frac && d.mean_abs <= max_mean,
        "{kind} of {name}: {:.3} % pixels differ (max {:.1} %), mean {:.3} (max {max_mean})",
        frac * 100.0,
        max_frac * 100.0,
        d.mean_abs
    );
}

#[test]
fn formulas_page() {
    let name = "formulas";
    let mut gr = Gr::new();
    formula_scenes::formulas(&mut gr).unwrap();
    let expected = png(&gr);
    if let Some(dir) = std::env::var_os("GR_MATH_OUT") {
        gr.gks()
            .save(PathBuf::from(dir).join("formulas.png"))
            .unwrap();
    }
    check_reference(&ref_dir(), name, &expected, 2, 600 * 450 / 2000);
    let expected = over_white(&expected);
    let svg = gks::driver::svg::write_svg(&gr.gks().page());
    check_vector(
        "svg",
        name,
        &expected,
        &over_white(&render_svg(&svg, expected.width, expected.height)),
    );
    for (kind, prog) in [("pdf", "pdftoppm"), ("ps", "gs")] {
        if !external_available(prog) {
            eprintln!("{prog} not found: {kind} round trip of {name} skipped");
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(format!("{name}.{kind}"));
        gr.gks().save(&file).unwrap();
        let actual = render_external(
            kind,
            name,
            &file,
            gr.gks().workstation().dpi,
            (expected.width, expected.height),
        );
        check_vector(kind, name, &expected, &over_white(&actual));
    }
}
