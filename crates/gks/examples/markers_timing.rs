//! Times 100,000 markers to PNG (a quick check; the benchmark harness is `grbench`).
use std::time::Instant;

fn main() -> Result<(), gks::Error> {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let mut seed = 12345u64;
    let mut rnd = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    let x: Vec<f64> = (0..n).map(|_| rnd()).collect();
    let y: Vec<f64> = (0..n).map(|_| rnd()).collect();
    let dir = std::env::temp_dir();
    for marker in [-1, 3, -7] {
        let t = std::time::Instant::now();
        let mut g = gks::Gks::new();
        g.set_size_px(800.0, 600.0)?;
        g.setwindow(1, 0.0, 1.0, 0.0, 1.0)?;
        g.setviewport(1, 0.1, 0.95, 0.1, 0.7)?;
        g.selntran(1)?;
        g.setmarkertype(marker)?;
        g.setmarkersize(1.0)?;
        g.polymarker(&x, &y)?;
        let t0 = Instant::now();
        let page = g.page();
        let t1 = t0.elapsed();
        let t2 = Instant::now();
        let rgba = gks::driver::raster::render_rgba(&page)?;
        let t3 = t2.elapsed();
        let t4 = Instant::now();
        let png = gks::driver::encode::png_bytes(800, 600, &rgba).map_err(gks::Error::State)?;
        let t5 = t4.elapsed();
        gks::driver::write_atomic(&dir.join("markers_timing.png"), &png)?;
        println!(
            "marker {marker}: {n} markers, lower {:.1} ms, render {:.1} ms, encode {:.1} ms, total to PNG {:.1} ms",
            t1.as_secs_f64() * 1e3,
            t3.as_secs_f64() * 1e3,
            t5.as_secs_f64() * 1e3,
            t.elapsed().as_secs_f64() * 1e3
        );
    }
    Ok(())
}
