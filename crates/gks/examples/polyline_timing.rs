//! Times a long polyline to PNG (a quick check; the benchmark harness is `grbench`).
use std::time::Instant;

fn main() -> Result<(), gks::Error> {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let x: Vec<f64> = (0..n).map(|i| i as f64 / n as f64).collect();
    let y: Vec<f64> = x
        .iter()
        .enumerate()
        .map(|(i, &x)| (40.0 * x).sin() + 0.3 * ((i * 7919 % 1000) as f64 / 1000.0 - 0.5))
        .collect();
    let dir = std::env::temp_dir();
    for _ in 0..3 {
        let t = Instant::now();
        let mut g = gks::Gks::new();
        g.set_size_px(800.0, 600.0)?;
        g.setwindow(1, 0.0, 1.0, -1.5, 1.5)?;
        g.setviewport(1, 0.1, 0.95, 0.1, 0.7)?;
        g.selntran(1)?;
        g.polyline(&x, &y)?;
        let t1 = t.elapsed();
        g.save(dir.join("polyline_timing.png"))?;
        println!(
            "{n} points: record {:.1} ms, total to PNG {:.1} ms",
            t1.as_secs_f64() * 1e3,
            t.elapsed().as_secs_f64() * 1e3
        );
    }
    Ok(())
}
