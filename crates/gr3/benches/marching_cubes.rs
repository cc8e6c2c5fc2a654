//! Marching cubes on the synthetic head phantom (nested smooth ellipsoids) at 128³ and 256³,
//! the same volume `bench/marching_cubes.py` gives scikit-image.

#![allow(missing_docs)] // criterion_main! generates an undocumented `main`

#[path = "../examples/common/phantom.rs"]
mod phantom;

use criterion::{criterion_group, criterion_main, Criterion};
use gr3::isosurface::marching_cubes;

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("marching_cubes");
    g.sample_size(20);
    for n in [128usize, 256] {
        let data = phantom::head_phantom(n);
        let u16s: Vec<u16> = data
            .iter()
            .map(|&v| ((v + 1.0) * 10000.0).clamp(0.0, 65535.0) as u16)
            .collect();
        g.bench_function(format!("phantom_f32_{n}"), |b| {
            b.iter(|| marching_cubes(&data, [n; 3], [1.0; 3], [0.0; 3], phantom::ISO).unwrap())
        });
        let iso16 = ((phantom::ISO + 1.0) * 10000.0).round();
        g.bench_function(format!("phantom_u16_{n}"), |b| {
            b.iter(|| marching_cubes(&u16s, [n; 3], [1.0; 3], [0.0; 3], iso16).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
