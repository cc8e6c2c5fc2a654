//! Reference images of the plotting-layer scenes (each looked at, and compared by eye with
//! GR's own picture of the same calls in `shared/reference/gr-look`), and the same scenes
//! written as SVG and PDF, rendered back and compared with the PNG.
//!
//! Tolerances: raster reference, any channel off by more than 2/255 on at most 0.05 % of the
//! pixels (the raster driver is deterministic; the slack absorbs compiler and CPU
//! differences in anti-aliasing). Vector round trips, as in the kernel's tests: a pixel
//! differs when a channel is off by more than 96/255; SVG at most 0.2 % of the pixels and a
//! mean difference below 1/255, PDF (poppler, 4× supersampled) 1 % and a mean below 6/255:
//! poppler resamples images that carry a soft mask (alpha), which blurs the noise-like
//! raster of the shade scene (mean 5.4/255; Ghostscript renders the same PDF within 2/255).

use std::path::PathBuf;

use gr::{scenes, Gr};
use testkit::{
    check_reference, diff, external_available, over_white, render_external, render_svg, Raster,
};

fn ref_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/ref")
}

fn scene(name: &str) -> Gr {
    let mut gr = Gr::new();
    (scenes::find(name).unwrap().draw)(&mut gr).unwrap();
    gr
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

fn check_scene(name: &str) {
    let gr = scene(name);
    let expected = png(&gr);
    check_reference(&ref_dir(), name, &expected, 2, 600 * 450 / 2000);
    let expected = over_white(&expected);
    let svg = gks::driver::svg::write_svg(&gr.gks().page());
    check_vector(
        "svg",
        name,
        &expected,
        &over_white(&render_svg(&svg, expected.width, expected.height)),
    );
    if external_available("pdftoppm") {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(format!("{name}.pdf"));
        gr.gks().save(&file).unwrap();
        let actual = render_external(
            "pdf",
            name,
            &file,
            gr.gks().workstation().dpi,
            (expected.width, expected.height),
        );
        check_vector("pdf", name, &expected, &over_white(&actual));
    }
}

macro_rules! scene_tests {
    ($($fn_name:ident => $scene:literal),+ $(,)?) => {
        $( #[test] fn $fn_name() { check_scene($scene); } )+
        const TESTED: &[&str] = &[$($scene),+];
    };
}

scene_tests! {
    axes_linear => "axes-linear",
    axes_log => "axes-log",
    drawaxes => "drawaxes",
    shapes => "shapes",
    contour => "contour",
    contourf => "contourf",
    heatmap => "heatmap",
    nonuniform_heatmap => "nonuniform-heatmap",
    tricontour => "tricontour",
    gridit => "gridit",
    spline => "spline",
    polar => "polar",
    polar_heatmap => "polar-heatmap",
    mathtex => "mathtex",
    formulas => "formulas",
    inline_math => "inline-math",
    hexbin => "hexbin",
    quiver => "quiver",
    shade => "shade",
    arrows => "arrows",
    surface => "surface",
    surface_zshaded => "surface-zshaded",
    trisurface => "trisurface",
}

#[test]
fn every_scene_is_tested() {
    for s in scenes::ALL {
        assert!(
            TESTED.contains(&s.name),
            "scene {} has no reference test",
            s.name
        );
    }
}

/// The formula page is also written as PostScript and rendered back with Ghostscript (its
/// PNG, SVG and PDF are checked by the `formulas` scene test above), with the PDF tolerance.
#[test]
fn formulas_postscript_round_trip() {
    let name = "formulas";
    if !external_available("gs") {
        eprintln!("gs not found: ps round trip of {name} skipped");
        return;
    }
    let gr = scene(name);
    let expected = over_white(&png(&gr));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(format!("{name}.ps"));
    gr.gks().save(&file).unwrap();
    let actual = render_external(
        "ps",
        name,
        &file,
        gr.gks().workstation().dpi,
        (expected.width, expected.height),
    );
    check_vector("ps", name, &expected, &over_white(&actual));
}
