//! Criterion benchmarks of the plotting layer's hot paths: `contourf` of a 500×500 grid
//! with 20 levels (tracing the nested regions that `contourf` paints, the disjoint bands,
//! and the whole plot with filling) and `surface` of a 200×200 grid (cell order,
//! projection and the kernel's mesh rasterizer), each rendered to an 800×600 RGBA page.

use criterion::{criterion_group, criterion_main, Criterion};
use gr::Gr;
use std::hint::black_box;

/// `n` values on `lo..hi` and a smooth bumpy field over them (x fastest).
fn field(n: usize, lo: f64, hi: f64) -> (Vec<f64>, Vec<f64>) {
    let a: Vec<f64> = (0..n)
        .map(|i| lo + (hi - lo) * i as f64 / (n - 1) as f64)
        .collect();
    let mut z = Vec::with_capacity(n * n);
    for &y in &a {
        for &x in &a {
            z.push((x * 1.3).sin() * (y * 0.9).cos() + 0.5 * (-(x * x + y * y) / 4.0).exp());
        }
    }
    (a, z)
}

fn page() -> Gr {
    let mut gr = Gr::new();
    gr.gks_mut().set_size_px(800.0, 600.0).unwrap();
    gr
}

fn contourf(c: &mut Criterion) {
    let (a, z) = field(500, -3.0, 3.0);
    let (lo, hi) = z
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(p, q), &v| {
            (p.min(v), q.max(v))
        });
    let levels: Vec<f64> = (0..20).map(|k| lo + (hi - lo) * k as f64 / 20.0).collect();
    let grid = gr::contour::Grid::new(&a, &a, &z).unwrap();
    c.bench_function("contour_regions 500x500, 20 levels", |b| {
        b.iter(|| black_box(gr::contour::contour_regions(&grid, &levels).unwrap()))
    });
    c.bench_function("contour_bands 500x500, 20 levels", |b| {
        b.iter(|| black_box(gr::contour::contour_bands(&grid, &levels).unwrap()))
    });
    c.bench_function("contourf 500x500, 20 levels, render", |b| {
        b.iter(|| {
            let mut gr = page();
            gr.setwindow(-3.0, 3.0, -3.0, 3.0).unwrap();
            gr.setviewport(0.1, 0.9, 0.1, 0.65).unwrap();
            gr.contourf(&a, &a, &levels, &z, -1).unwrap();
            black_box(gr.gks().render_rgba().unwrap());
        })
    });
}

fn surface(c: &mut Criterion) {
    let (a, z) = field(200, -3.0, 3.0);
    c.bench_function("surface 200x200, colored mesh, render", |b| {
        b.iter(|| {
            let mut gr = page();
            gr.setwindow(-3.0, 3.0, -3.0, 3.0).unwrap();
            gr.setviewport(0.15, 0.85, 0.1, 0.65).unwrap();
            gr.setspace(-1.5, 1.5, 30.0, 30.0).unwrap();
            gr.surface(&a, &a, &z, 4).unwrap();
            black_box(gr.gks().render_rgba().unwrap());
        })
    });
}

#[allow(missing_docs)]
mod group {
    use super::*;
    criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = contourf, surface
    }
}
criterion_main!(group::benches);
