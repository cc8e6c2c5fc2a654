//! Layout time per formula: parse + TeX layout of each gallery formula at a 20 px em
//! (`cargo bench -p mathtex --bench layout`), and the whole gallery in one go.

use criterion::{criterion_main, Criterion};
use std::hint::black_box;
use std::time::Duration;

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("formula");
    g.warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(800))
        .sample_size(20);
    for (i, src) in mathtex::GALLERY.iter().enumerate() {
        g.bench_function(format!("{i:02}"), |b| {
            b.iter(|| {
                let nodes = mathtex::parse(black_box(src)).unwrap();
                mathtex::layout(&nodes, 20.0).unwrap()
            })
        });
    }
    g.finish();
    c.bench_function("gallery (all formulas)", |b| {
        b.iter(|| {
            for src in mathtex::GALLERY {
                let nodes = mathtex::parse(black_box(src)).unwrap();
                black_box(mathtex::layout(&nodes, 20.0).unwrap());
            }
        })
    });
    c.bench_function("parse only (all formulas)", |b| {
        b.iter(|| {
            for src in mathtex::GALLERY {
                black_box(mathtex::parse(black_box(src)).unwrap());
            }
        })
    });
}

/// The benchmark group (what `criterion_group!` generates, with a doc comment).
pub fn benches() {
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
}

criterion_main!(benches);
