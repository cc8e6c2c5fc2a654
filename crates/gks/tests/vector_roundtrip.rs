//! Every vector driver must draw what the raster driver draws. Each scene is written as SVG,
//! PDF and PS, rendered back (SVG with resvg, PDF with poppler's `pdftoppm`, PS with
//! Ghostscript) at the page's own resolution, and compared with the PNG of the same scene.
//!
//! Tolerance (different rasterizers anti-alias edges differently): a pixel counts as
//! different when a channel differs by more than 96/255. SVG (resvg, the same rasterizer
//! family as ours): at most 0.2 % of the pixels may differ, mean absolute channel difference
//! below 1/255. PDF (poppler) and PS (Ghostscript at 4× supersampling, which paints every
//! device pixel a shape touches and so draws thin lines up to half a pixel wider): at most
//! 1 % of the pixels, mean below 4.5/255. A missing shape, a shifted or mis-scaled text
//! line, a wrong colour or a lost clip exceeds this (a missing text line alone makes
//! several % of its scene's pixels differ).
//!
//! `pdftoppm` and `gs` are installed by `.ci/run`; without them these tests fail with a
//! message saying what to install (set `GR_SKIP_EXTERNAL=1` to skip them knowingly).

use testkit as common;

use common::{
    diff, diffs_dir, external_available, over_white, render_external, render_svg, write_png, Raster,
};
use gks::{scenes, Gks};

const CHANNEL_TOLERANCE: u8 = 96;

/// (max fraction of differing pixels, max mean absolute difference) per driver.
fn limits(kind: &str) -> (f64, f64) {
    match kind {
        "svg" => (0.002, 1.0),
        _ => (0.01, 4.5),
    }
}

fn scene_gks(name: &str) -> Gks {
    let mut g = Gks::new();
    (scenes::find(name).unwrap().draw)(&mut g).unwrap();
    g
}

fn png_of(g: &Gks) -> Raster {
    let page = g.page();
    over_white(&Raster {
        width: page.width as u32,
        height: page.height as u32,
        rgba: g.render_rgba().unwrap(),
    })
}

fn compare(kind: &str, name: &str, expected: &Raster, actual: &Raster) {
    let d = diff(expected, actual, CHANNEL_TOLERANCE);
    let total = (expected.width * expected.height) as f64;
    let frac = d.bad_pixels as f64 / total;
    let (max_bad_fraction, max_mean_abs) = limits(kind);
    eprintln!(
        "{kind} {name}: {:.3} % pixels differ, mean abs {:.3}",
        frac * 100.0,
        d.mean_abs
    );
    if frac > max_bad_fraction || d.mean_abs > max_mean_abs {
        let dir = diffs_dir();
        write_png(&dir.join(format!("{kind}-{name}-png.png")), expected);
        write_png(&dir.join(format!("{kind}-{name}-{kind}.png")), actual);
        write_png(&dir.join(format!("{kind}-{name}-diff.png")), &d.diff_image);
        panic!(
            "{kind} of {name} differs from the PNG: {:.3} % pixels (max {:.1} %), mean {:.3} (max {max_mean_abs}); see {}",
            frac * 100.0,
            max_bad_fraction * 100.0,
            d.mean_abs,
            dir.display()
        );
    }
}

fn svg_roundtrip(name: &str) {
    let g = scene_gks(name);
    let expected = png_of(&g);
    let svg = gks::driver::svg::write_svg(&g.page());
    let actual = over_white(&render_svg(&svg, expected.width, expected.height));
    compare("svg", name, &expected, &actual);
}

fn file_roundtrip(kind: &str, name: &str) {
    let prog = if kind == "pdf" { "pdftoppm" } else { "gs" };
    if !external_available(prog) {
        return;
    }
    let g = scene_gks(name);
    let expected = png_of(&g);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(format!("{name}.{kind}"));
    g.save(&file).unwrap();
    let actual = over_white(&render_external(
        kind,
        name,
        &file,
        g.workstation().dpi,
        (expected.width, expected.height),
    ));
    assert_eq!(
        (actual.width, actual.height),
        (expected.width, expected.height),
        "{kind} page of {name} has the wrong size"
    );
    compare(kind, name, &expected, &actual);
}

macro_rules! roundtrip_tests {
    ($($name:ident),+) => {
        mod svg { $( #[test] fn $name() { super::svg_roundtrip(stringify!($name)); } )+ }
        mod pdf { $( #[test] fn $name() { super::file_roundtrip("pdf", stringify!($name)); } )+ }
        mod ps { $( #[test] fn $name() { super::file_roundtrip("ps", stringify!($name)); } )+ }
    };
}

roundtrip_tests!(linetypes, markers, fills, colors, text, cellarray, paths, clipping);

/// Writes `target/compare/text.png`: the same region of the text scene as drawn by the PNG
/// driver and rendered back from SVG, PDF and PS, side by side and enlarged 2×, composed
/// with the kernel itself. Checks that all four panels have ink in the same places.
#[test]
fn comparison_figure() {
    if !external_available("pdftoppm") || !external_available("gs") {
        return;
    }
    let name = "text";
    let g = scene_gks(name);
    let png = png_of(&g);
    let dir = tempfile::tempdir().unwrap();
    let size = (png.width, png.height);
    let mut panels = vec![("PNG (tiny-skia)", png)];
    let svg = gks::driver::svg::write_svg(&g.page());
    panels.push(("SVG (resvg)", over_white(&render_svg(&svg, size.0, size.1))));
    for (kind, label) in [("pdf", "PDF (pdftoppm)"), ("ps", "PS (Ghostscript)")] {
        let file = dir.path().join(format!("{name}.{kind}"));
        g.save(&file).unwrap();
        panels.push((
            label,
            over_white(&render_external(
                kind,
                name,
                &file,
                g.workstation().dpi,
                size,
            )),
        ));
    }
    // Crop: the Greek and symbol lines, 300×120 px from (0, 330).
    let (cx, cy, cw, ch) = (0u32, 330u32, 300u32, 120u32);
    let mut out = Gks::new();
    out.set_size_px(2.0 * cw as f64 * 2.0 + 30.0, 2.0 * ch as f64 * 2.0 + 80.0)
        .unwrap();
    let ws = *out.workstation();
    let s = ws.scale();
    out.setcharheight(14.0 / s).unwrap();
    out.settextalign(1, 5).unwrap();
    let mut inked = Vec::new();
    for (k, (label, r)) in panels.iter().enumerate() {
        let crop: Vec<[u8; 4]> = (cy..cy + ch)
            .flat_map(|y| (cx..cx + cw).map(move |x| (x, y)))
            .map(|(x, y)| {
                let o = ((y * r.width + x) * 4) as usize;
                [r.rgba[o], r.rgba[o + 1], r.rgba[o + 2], 255]
            })
            .collect();
        inked.push(crop.iter().map(|p| p[0] < 128).collect::<Vec<bool>>());
        let (col, row) = ((k % 2) as f64, (k / 2) as f64);
        let x0 = (10.0 + col * (2.0 * cw as f64 + 10.0)) / s;
        let y1 = ws.window[3] - (30.0 + row * (2.0 * ch as f64 + 40.0)) / s;
        let y0 = y1 - 2.0 * ch as f64 / s;
        out.drawimage(
            x0,
            x0 + 2.0 * cw as f64 / s,
            y0,
            y1,
            cw as usize,
            ch as usize,
            &crop,
        )
        .unwrap();
        out.text(x0, y1 + 4.0 / s, label).unwrap();
    }
    let target = common::target_dir().join("compare");
    std::fs::create_dir_all(&target).unwrap();
    out.save(target.join("text.png")).unwrap();
    // Ink agrees between every pair of panels on nearly all pixels of the crop.
    for (k, ink) in inked.iter().enumerate().skip(1) {
        let disagree = ink.iter().zip(&inked[0]).filter(|(a, b)| a != b).count();
        assert!(
            disagree < ink.len() / 50,
            "panel {k}: {disagree} pixels disagree on ink"
        );
    }
}

#[test]
fn svg_markers_are_defined_once_and_match_the_png() {
    let mut g = Gks::new();
    let n = 500;
    let x: Vec<f64> = (0..n)
        .map(|i| 0.05 + 0.9 * ((i * 37) % n) as f64 / n as f64)
        .collect();
    let y: Vec<f64> = (0..n)
        .map(|i| 0.05 + 0.6 * ((i * 91) % n) as f64 / n as f64)
        .collect();
    g.setmarkertype(-1).unwrap();
    g.setmarkercolorind(2).unwrap();
    g.polymarker(&x, &y).unwrap();
    let svg = gks::driver::svg::write_svg(&g.page());
    assert_eq!(svg.matches("<use").count(), n, "one <use> per marker");
    assert!(
        svg.len() < 40 * n + 4000,
        "compact SVG: {} bytes",
        svg.len()
    );
    let expected = png_of(&g);
    let actual = over_white(&render_svg(&svg, expected.width, expected.height));
    compare("svg", "markers-instanced", &expected, &actual);
}
