//! Reference-image tests: every kernel scene rendered by the raster driver is compared with
//! `tests/ref/NAME.png` (looked at by a person before it was committed).
//!
//! Tolerance: a pixel counts as different when any channel differs by more than 2/255; at most
//! 0.05 % of the pixels (135 of 600×450) may differ. The raster driver is deterministic, so on
//! the same build the difference is zero; the slack absorbs floating-point differences
//! between compilers and CPUs in anti-aliased edges.

use testkit as common;

use common::{check_reference, Raster};
use gks::{scenes, Gks};

fn ref_dir() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/ref")
}

fn render(scene: &scenes::Scene) -> Raster {
    let mut g = Gks::new();
    (scene.draw)(&mut g).unwrap();
    let page = g.page();
    Raster {
        width: page.width as u32,
        height: page.height as u32,
        rgba: g.render_rgba().unwrap(),
    }
}

macro_rules! reference_tests {
    ($($name:ident),+) => {$(
        #[test]
        fn $name() {
            let scene = scenes::find(stringify!($name)).unwrap();
            check_reference(&ref_dir(), scene.name, &render(scene), 2, 600 * 450 / 2000);
        }
    )+};
}

reference_tests!(linetypes, markers, fills, colors, text, cellarray, paths, clipping);

#[test]
fn every_scene_has_a_reference_test() {
    let tested = [
        "linetypes",
        "markers",
        "fills",
        "colors",
        "text",
        "cellarray",
        "paths",
        "clipping",
    ];
    for s in scenes::ALL {
        assert!(
            tested.contains(&s.name),
            "scene {} has no reference test",
            s.name
        );
    }
}
