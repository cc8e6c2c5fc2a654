//! The isosurface and volume kinds: a ball field rendered by GR3 and by ray casting,
//! JSON volumes as nested slices, and their errors.

use grm::{Figure, Kind, Plot, Series};
use serde_json::json;

/// A ball of high values: 1 at the centre, 0 at the corners, on an n³ grid (x fastest).
fn ball(n: usize) -> Vec<f64> {
    let c = |i: usize| 2.0 * i as f64 / (n - 1) as f64 - 1.0;
    let mut v = Vec::with_capacity(n * n * n);
    for z in 0..n {
        for y in 0..n {
            for x in 0..n {
                let r2 = c(x).powi(2) + c(y).powi(2) + c(z).powi(2);
                v.push((1.0 - r2 / 3.0).max(0.0));
            }
        }
    }
    v
}

fn figure(kind: Kind, n: usize) -> Figure {
    let mut fig = Figure::new().with_size_px(300.0, 300.0).unwrap();
    let mut p = Plot::new(kind);
    p.add(Series {
        c: Some(ball(n)),
        dims: Some([n, n, n]),
        ..Default::default()
    });
    p.isovalue = Some(2.0 / 3.0); // r² = 1: a sphere of radius 1 (half the box)
    fig.plots.push(p);
    fig
}

/// Pixels that are neither white nor transparent.
fn ink(rgba: &[u8]) -> Vec<bool> {
    rgba.chunks(4)
        .map(|p| p[3] > 0 && (p[0] < 230 || p[1] < 230 || p[2] < 230))
        .collect()
}

#[test]
fn isosurface_of_a_ball_is_a_disc_in_the_middle() {
    let fig = figure(Kind::Isosurface, 24);
    let (rgba, w, h) = fig.render_rgba().unwrap();
    let ink = ink(&rgba);
    let (w, h) = (w as usize, h as usize);
    // The sphere of radius 1 in a box of half-width 1, framed so that the whole box fits:
    // a disc around the image centre (whose middle is the white highlight), nothing in
    // the corners.
    assert!(ink[(h / 2) * w + w / 2 - 30], "inside the disc is drawn");
    for (x, y) in [(5, 5), (w - 5, 5), (5, h - 5), (w - 5, h - 5)] {
        assert!(!ink[y * w + x], "corner ({x}, {y}) is empty");
    }
    let count = ink.iter().filter(|&&b| b).count() as f64;
    let frac = count / (w * h) as f64;
    assert!(frac > 0.15 && frac < 0.45, "disc covers {frac} of the page");
}

#[test]
fn volume_renders_with_a_colour_bar_and_all_algorithms() {
    for alg in 0..=2 {
        let mut fig = figure(Kind::Volume, 16);
        fig.plots[0].algorithm = alg;
        let (rgba, w, h) = fig.render_rgba().unwrap();
        let ink = ink(&rgba);
        let (w, h) = (w as usize, h as usize);
        assert!(
            ink[(h / 2) * w + w / 2 - 20],
            "algorithm {alg}: the volume is drawn"
        );
        // The colour bar sits right of the square image.
        let bar = (h / 4..3 * h / 4).all(|y| (w - 60..w).any(|x| ink[y * w + x]));
        assert!(bar, "algorithm {alg}: colour bar on the right");
    }
}

#[test]
fn volumes_round_trip_through_json_as_nested_slices() {
    let fig = figure(Kind::Volume, 4);
    let j = fig.to_json();
    let c = &j["subplots"][0]["series"][0]["c"];
    assert_eq!(c.as_array().unwrap().len(), 4, "nz slices");
    assert_eq!(c[0].as_array().unwrap().len(), 4, "ny rows");
    assert_eq!(c[0][0].as_array().unwrap().len(), 4, "nx values");
    let back = Figure::from_json(&j).unwrap();
    assert_eq!(back.plots[0].series[0].dims, Some([4, 4, 4]));
    assert_eq!(back.render_rgba().unwrap(), fig.render_rgba().unwrap());
}

#[test]
fn bad_volumes_are_refused_with_the_key() {
    let err = |v: serde_json::Value| {
        Figure::from_json(&v)
            .and_then(|f| f.render_rgba())
            .unwrap_err()
            .to_string()
    };
    let e = err(json!({"kind": "isosurface", "c": [[[0, 1], [1, 2]], [[1, 2]]]}));
    assert!(e.contains("c[1]: is 2×1 but slice 0 is 2×2"), "{e}");
    let e = err(
        json!({"kind": "isosurface", "c": [0, 1, 2, 3, 4, 5, 6, 7], "dims": [2, 2, 2], "isovalue": 9}),
    );
    assert!(
        e.contains("isovalue: 9 is outside the data range (0, 7)"),
        "{e}"
    );
    let e = err(
        json!({"kind": "volume", "c": [0, 1, 2, 3, 4, 5, 6, 7], "dims": [2, 2, 2], "algorithm": "xray"}),
    );
    assert!(e.contains("algorithm: expected"), "{e}");
    let e = err(json!({"kind": "volume", "c": [0, 1, 2, 3, 4, 5, 6, null], "dims": [2, 2, 2]}));
    assert!(e.contains("value 7 is NaN"), "{e}");
    let e = err(json!({"kind": "volume", "c": [0, 1], "dims": [1, 2, 1]}));
    assert!(e.contains("at least 2 samples"), "{e}");
}
