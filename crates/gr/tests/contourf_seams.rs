//! `contourf` paints opaque bands without seams: on a transparent page every pixel inside
//! the plot is fully opaque (anti-aliased edges between neighbouring bands must not let
//! the background through), and translucent bands are painted once each (no pixel is
//! covered twice).

use gr::Gr;

const W: usize = 200;
const H: usize = 150;

/// A 60×60 field with round and slanted band boundaries, and 15 levels over its range.
fn field() -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let a: Vec<f64> = (0..60).map(|i| -3.0 + 6.0 * i as f64 / 59.0).collect();
    let mut z = Vec::new();
    for &y in &a {
        for &x in &a {
            z.push((x * 1.1).sin() * (y * 0.8).cos() + 0.3 * x - 0.2 * y);
        }
    }
    let (lo, hi) = z
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(p, q), &v| {
            (p.min(v), q.max(v))
        });
    let levels = (0..15).map(|k| lo + (hi - lo) * k as f64 / 15.0).collect();
    (a, levels, z)
}

/// Alpha values of the pixels inside the viewport (0.1..0.9 × 0.1..0.65 NDC, i.e. pixels
/// 20..180 × 20..130), two pixels away from its border.
fn interior_alphas(transparency: f64) -> Vec<u8> {
    let (a, levels, z) = field();
    let mut gr = Gr::new();
    gr.gks_mut().set_size_px(W as f64, H as f64).unwrap();
    gr.gks_mut().set_background(None);
    gr.setviewport(0.1, 0.9, 0.1, 0.65).unwrap();
    gr.setwindow(-3.0, 3.0, -3.0, 3.0).unwrap();
    gr.settransparency(transparency).unwrap();
    gr.contourf(&a, &a, &levels, &z, -1).unwrap();
    let rgba = gr.gks().render_rgba().unwrap();
    let mut out = Vec::new();
    for y in 22..128 {
        for x in 22..178 {
            out.push(rgba[(y * W + x) * 4 + 3]);
        }
    }
    out
}

#[test]
fn opaque_bands_leave_no_seams() {
    let alphas = interior_alphas(1.0);
    let seams = alphas.iter().filter(|&&a| a < 255).count();
    assert_eq!(
        seams, 0,
        "{seams} interior pixels let the background through"
    );
}

#[test]
fn translucent_bands_are_painted_once() {
    let alphas = interior_alphas(0.5);
    // Every interior pixel is covered by exactly one band at alpha 0.5 (anti-aliased
    // edges between bands can only lower it slightly).
    let over = alphas.iter().filter(|&&a| a > 130).count();
    let typical = alphas.iter().filter(|&&a| (126..=130).contains(&a)).count();
    assert_eq!(over, 0, "{over} pixels were painted more than once");
    assert!(
        typical * 5 > alphas.len() * 4,
        "{typical} of {} pixels at 50 %",
        alphas.len()
    );
}
