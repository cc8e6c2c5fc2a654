//! CPU volume rendering (`cpubasedvolume`): the three models on an ellipsoid phantom,
//! compared with reference images and with values computed by hand, and bad input.

use gr::volume::VolumeAlgorithm;
use gr::Gr;
use std::path::PathBuf;
use testkit::{check_reference, Raster};

const N: usize = 40;

/// A smooth ellipsoid of density `1 - q` (q the squared ellipsoidal radius) with a denser
/// ball inside, sampled on an N³ grid spanning [-1, 1]³.
fn phantom(radii: [f64; 3]) -> Vec<f64> {
    let c = |i: usize| 2.0 * i as f64 / (N - 1) as f64 - 1.0;
    let mut v = Vec::with_capacity(N * N * N);
    for z in 0..N {
        for y in 0..N {
            for x in 0..N {
                let p = [c(x), c(y), c(z)];
                let q: f64 = (0..3).map(|k| (p[k] / radii[k]).powi(2)).sum();
                let core: f64 =
                    ((p[0] - 0.25).powi(2) + p[1].powi(2) + (p[2] - 0.2).powi(2)) / 0.04;
                v.push((1.0 - q).max(0.0) + 0.8 * (1.0 - core).max(0.0));
            }
        }
    }
    v
}

fn setup(gr: &mut Gr) {
    gr.gks_mut().set_size_px(240.0, 240.0).unwrap();
    gr.setviewport(0.05, 0.95, 0.05, 0.95).unwrap();
    gr.setwindow(-1.0, 1.0, -1.0, 1.0).unwrap();
    gr.setwindow3d(-1.0, 1.0, -1.0, 1.0, -1.0, 1.0).unwrap();
    gr.setspace3d(30.0, 60.0, 0.0, 0.0).unwrap();
    gr.setcolormap(44).unwrap(); // viridis
}

fn render(gr: &Gr) -> Raster {
    let page = gr.gks().page();
    Raster {
        width: page.width as u32,
        height: page.height as u32,
        rgba: gr.gks().render_rgba().unwrap(),
    }
}

fn reference(name: &str, algorithm: VolumeAlgorithm) -> (f64, f64) {
    let mut gr = Gr::new();
    setup(&mut gr);
    let range = gr
        .cpubasedvolume(N, N, N, &phantom([0.8, 0.6, 0.4]), algorithm, None, None)
        .unwrap();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/ref");
    check_reference(&dir, name, &render(&gr), 2, 240 * 240 / 1000);
    range
}

#[test]
fn mip_reference() {
    let (lo, hi) = reference("volume_mip", VolumeAlgorithm::Mip);
    // The brightest ray sees the largest sample (trilinear values never exceed it).
    let max = phantom([0.8, 0.6, 0.4]).into_iter().fold(0.0, f64::max);
    assert!(
        hi <= max + 1e-12 && hi > max - 0.03,
        "max {hi}, data max {max}"
    );
    assert!((0.0..0.05).contains(&lo), "min {lo}");
}

#[test]
fn emission_reference() {
    let (lo, hi) = reference("volume_emission", VolumeAlgorithm::Emission);
    assert!((0.0..0.01).contains(&lo) && hi > 0.2, "{lo} {hi}");
}

#[test]
fn absorption_reference() {
    let (lo, hi) = reference("volume_absorption", VolumeAlgorithm::Absorption);
    assert!(
        (hi - 1.0).abs() < 1e-9,
        "rays beside the ellipsoid pass unabsorbed: {hi}"
    );
    assert!(lo > 0.0 && lo < 0.9, "{lo}");
}

/// Top view (orthographic, straight down z): the centre ray crosses a ball of radius R along
/// its diameter, so emission = ∫(1 - s²/R²) ds = 4R/3 (box units: the box has side 1, so
/// R = 0.5·r for radius r in [-1, 1] coordinates) and absorption is exp of minus that.
#[test]
fn values_along_the_central_ray() {
    let r = 0.6;
    let data = phantom([r, r, r]);
    // Without the core: subtract it again by using a plain ball.
    let c = |i: usize| 2.0 * i as f64 / (N - 1) as f64 - 1.0;
    let ball: Vec<f64> = (0..N * N * N)
        .map(|i| {
            let p = [c(i % N), c((i / N) % N), c(i / (N * N))];
            (1.0 - (p[0] * p[0] + p[1] * p[1] + p[2] * p[2]) / (r * r)).max(0.0)
        })
        .collect();
    assert_eq!(data.len(), ball.len());
    let run = |alg| {
        let mut gr = Gr::new();
        setup(&mut gr);
        gr.setspace3d(0.0, 0.0, 0.0, 0.0).unwrap();
        gr.setviewport(0.0, 1.0, 0.0, 1.0).unwrap();
        gr.cpubasedvolume(N, N, N, &ball, alg, None, None).unwrap()
    };
    let want = 4.0 * (0.5 * r) / 3.0;
    let (_, hi) = run(VolumeAlgorithm::Emission);
    assert!(
        (hi - want).abs() / want < 0.03,
        "emission {hi}, want {want}"
    );
    let (lo, _) = run(VolumeAlgorithm::Absorption);
    assert!((lo - (-want).exp()).abs() < 0.01, "absorption {lo}");
    let (_, hi) = run(VolumeAlgorithm::Mip);
    assert!(hi > 0.97 && hi <= 1.0, "mip {hi}");
}

#[test]
fn fixed_range_and_ndc_mode() {
    let mut gr = Gr::new();
    setup(&mut gr);
    let d = phantom([0.8, 0.6, 0.4]);
    let r = gr
        .cpubasedvolume(N, N, N, &d, VolumeAlgorithm::Mip, Some(0.0), Some(4.0))
        .unwrap();
    assert_eq!(r, (0.0, 4.0));
    // With a 0..4 range the brightest pixel (value ~1.5) maps below the middle of viridis:
    // no yellow pixels.
    let img = render(&gr);
    let yellow = img
        .rgba
        .chunks(4)
        .filter(|p| p[0] > 200 && p[1] > 200 && p[2] < 100)
        .count();
    assert_eq!(yellow, 0);
    // Pixels outside the projected box stay white (transparent image over the page).
    assert_eq!(&img.rgba[0..4], &[255, 255, 255, 255]);
    gr.selntran(0).unwrap();
    assert!(gr
        .cpubasedvolume(N, N, N, &d, VolumeAlgorithm::Emission, None, None)
        .is_ok());
}

#[test]
fn bad_input() {
    let mut gr = Gr::new();
    setup(&mut gr);
    let d = phantom([0.8, 0.6, 0.4]);
    let msg = |r: gr::Result<(f64, f64)>| r.unwrap_err().to_string();
    let e = msg(gr.cpubasedvolume(N, N, N - 1, &d, VolumeAlgorithm::Mip, None, None));
    assert!(e.contains("62400") && e.contains("64000"), "{e}");
    let e = msg(gr.cpubasedvolume(1, N, N, &d[..N * N], VolumeAlgorithm::Mip, None, None));
    assert!(e.contains("at least 2"), "{e}");
    let e = msg(gr.cpubasedvolume(0, 0, 0, &[], VolumeAlgorithm::Mip, None, None));
    assert!(e.contains("at least 2"), "{e}");
    let mut nan = d.clone();
    nan[5 + N * (6 + N * 7)] = f64::NAN;
    let e = msg(gr.cpubasedvolume(N, N, N, &nan, VolumeAlgorithm::Mip, None, None));
    assert!(e.contains("x=5, y=6, z=7") && e.contains("NaN"), "{e}");
    let e = msg(gr.cpubasedvolume(N, N, N, &d, VolumeAlgorithm::Mip, Some(2.0), Some(1.0)));
    assert!(e.contains("dmin 2 must be less than dmax 1"), "{e}");
    let e = msg(gr.cpubasedvolume(N, N, N, &d, VolumeAlgorithm::Mip, Some(f64::NAN), None));
    assert!(e.contains("dmin is NaN"), "{e}");
    assert!(VolumeAlgorithm::from_gr(3)
        .unwrap_err()
        .to_string()
        .contains("0 (emission)"));
    assert_eq!(VolumeAlgorithm::from_gr(2).unwrap(), VolumeAlgorithm::Mip);
    assert_eq!(VolumeAlgorithm::Absorption.to_gr(), 1);
    // A perspective camera inside the box.
    gr.setspace3d(30.0, 60.0, 45.0, 0.5).unwrap();
    let e = msg(gr.cpubasedvolume(N, N, N, &d, VolumeAlgorithm::Mip, None, None));
    assert!(e.contains("camera"), "{e}");
    // Nothing was drawn by the failed calls.
    let img = render(&gr);
    assert!(img.rgba.chunks(4).all(|p| p == [255, 255, 255, 255]));
}

#[test]
fn perspective_view_renders() {
    let mut gr = Gr::new();
    setup(&mut gr);
    gr.setspace3d(30.0, 60.0, 30.0, 0.0).unwrap();
    let (lo, hi) = gr
        .cpubasedvolume(
            N,
            N,
            N,
            &phantom([0.8, 0.6, 0.4]),
            VolumeAlgorithm::Mip,
            None,
            None,
        )
        .unwrap();
    assert!(hi > 1.0 && lo < 0.05);
    let img = render(&gr);
    let coloured = img
        .rgba
        .chunks(4)
        .filter(|p| p != &[255, 255, 255, 255])
        .count();
    assert!(coloured > 240 * 240 / 10, "{coloured}");
}
