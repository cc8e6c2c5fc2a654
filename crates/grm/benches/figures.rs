//! Whole figures to RGBA: a 1,000,000-point line with axes (W1), a 100,000-marker scatter
//! (W2), a 1000×1000 heatmap with colour bar (W3) and a 500×500 contourf with 20 levels
//! (W4), all at 800×600.
#![allow(missing_docs)] // criterion_group! generates an undocumented function

use criterion::{criterion_group, criterion_main, Criterion};
use grm::{Figure, Kind, Series};

fn fig(kind: Kind, s: Series) -> Figure {
    let mut f = Figure::new().with_size_px(800.0, 600.0).unwrap();
    let p = f.plot();
    p.kind = kind;
    p.add(s);
    f
}

fn grid(n: usize) -> Series {
    let x: Vec<f64> = (0..n)
        .map(|i| -3.0 + 6.0 * i as f64 / (n - 1) as f64)
        .collect();
    let mut z = Vec::with_capacity(n * n);
    for &b in &x {
        for &a in &x {
            z.push((a * b).sin() + 0.3 * a);
        }
    }
    Series::xyz(x.clone(), x, z)
}

fn bench(c: &mut Criterion) {
    let n = 1_000_000;
    let x: Vec<f64> = (0..n).map(|i| i as f64 / n as f64 * 100.0).collect();
    let y: Vec<f64> = x
        .iter()
        .map(|v| (v * 0.7).sin() + 0.1 * (v * 13.0).sin())
        .collect();
    let w1 = fig(Kind::Line, Series::xy(x, y));
    c.bench_function("W1 line 1M", |b| b.iter(|| w1.render_rgba().unwrap()));
    let m = 100_000;
    let x: Vec<f64> = (0..m).map(|i| (i as f64 * 0.618_034).fract()).collect();
    let y: Vec<f64> = (0..m).map(|i| (i as f64 * 0.754_878).fract()).collect();
    let w2 = fig(Kind::Scatter, Series::xy(x, y));
    c.bench_function("W2 scatter 100k", |b| b.iter(|| w2.render_rgba().unwrap()));
    let w3 = fig(Kind::Heatmap, grid(1000));
    c.bench_function("W3 heatmap 1000x1000", |b| {
        b.iter(|| w3.render_rgba().unwrap())
    });
    let w4 = fig(Kind::Contourf, grid(500));
    c.bench_function("W4 contourf 500x500", |b| {
        b.iter(|| w4.render_rgba().unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
