//! Criterion benchmarks of the kernel's hot paths: long polylines with and without
//! per-column decimation, marker stamping, cell arrays, the surface mesh rasterizer and PNG
//! encoding. Each draws on an 800×600 page (GR's W1–W5 sizes) and renders to RGBA memory.
//! The vector writers (SVG, PDF, PostScript) are timed on an already lowered page of the
//! decimated 1M-point line with text (W8 without the lowering).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use gks::Gks;
use std::hint::black_box;

/// A deterministic random walk of `n` points in NDC (x increasing).
fn walk(n: usize) -> (Vec<f64>, Vec<f64>) {
    let mut s = 0x9E37_79B9_7F4A_7C15u64;
    let mut y = 0.0;
    let mut ys = Vec::with_capacity(n);
    for _ in 0..n {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        y += (s >> 11) as f64 / (1u64 << 53) as f64 - 0.5;
        ys.push(y);
    }
    let (lo, hi) = ys
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
            (a.min(v), b.max(v))
        });
    let x = (0..n).map(|i| 0.1 + 0.8 * i as f64 / n as f64).collect();
    let y = ys
        .iter()
        .map(|v| 0.1 + 0.55 * (v - lo) / (hi - lo))
        .collect();
    (x, y)
}

fn page() -> Gks {
    let mut g = Gks::new();
    g.set_size_px(800.0, 600.0).unwrap();
    g
}

fn polyline(c: &mut Criterion) {
    let (x, y) = walk(1_000_000);
    c.bench_function("polyline 1M points, decimated, render", |b| {
        b.iter(|| {
            let mut g = page();
            g.polyline(&x, &y).unwrap();
            black_box(g.render_rgba().unwrap());
        })
    });
    // Dashed lines keep every point (the dash phase follows the arc length).
    let (x, y) = walk(20_000);
    c.bench_function("polyline 20k points, dashed (no decimation), render", |b| {
        b.iter(|| {
            let mut g = page();
            g.setlinetype(2).unwrap();
            g.polyline(&x, &y).unwrap();
            black_box(g.render_rgba().unwrap());
        })
    });
}

fn markers(c: &mut Criterion) {
    let (x, _) = walk(100_000);
    let (_, y) = walk(100_001);
    let y = &y[..100_000];
    c.bench_function("polymarker 100k solid circles, render", |b| {
        b.iter(|| {
            let mut g = page();
            g.setmarkertype(-1).unwrap();
            g.polymarker(&x, y).unwrap();
            black_box(g.render_rgba().unwrap());
        })
    });
}

fn cellarray(c: &mut Criterion) {
    let n = 1000;
    let colors: Vec<i32> = (0..n * n)
        .map(|k| (8 + (k * 7 + k / n) % 72) as i32)
        .collect();
    c.bench_function("cellarray 1000x1000, render", |b| {
        b.iter(|| {
            let mut g = page();
            g.cellarray(0.1, 0.9, 0.7, 0.05, n, n, &colors).unwrap();
            black_box(g.render_rgba().unwrap());
        })
    });
}

fn mesh(c: &mut Criterion) {
    // 200×200 skewed cells with a same-colour seam and a light mesh, as `surface` draws.
    let n = 200;
    let mut g = page();
    g.setfillintstyle(4).unwrap();
    g.setborderwidth(1.5 / g.workstation().nominal_size())
        .unwrap();
    g.setlinecolorind(0).unwrap();
    g.setlinewidth(0.6 / g.workstation().nominal_size())
        .unwrap();
    let node = |i: usize, j: usize| {
        let (u, v) = (i as f64 / n as f64, j as f64 / n as f64);
        (
            0.15 + 0.6 * u + 0.1 * v,
            0.1 + 0.5 * v + 0.05 * (6.0 * u).sin(),
        )
    };
    for j in 0..n {
        for i in 0..n {
            let q = [
                node(i, j),
                node(i + 1, j),
                node(i + 1, j + 1),
                node(i, j + 1),
            ];
            let (xs, ys): (Vec<f64>, Vec<f64>) = q.iter().copied().unzip();
            let color = 8 + ((i + j) % 72) as i32;
            g.setfillcolorind(color).unwrap();
            g.setbordercolorind(color).unwrap();
            g.fillarea(&xs, &ys).unwrap();
            g.polyline(
                &[xs[0], xs[1], xs[2], xs[3], xs[0]],
                &[ys[0], ys[1], ys[2], ys[3], ys[0]],
            )
            .unwrap();
        }
    }
    c.bench_function("mesh 200x200 cells (lower + rasterize)", |b| {
        b.iter(|| black_box(g.render_rgba().unwrap()))
    });

    // The same cells as one `Gks::mesh` call (what `gr.surface` records), with a wavy
    // height so that some cells fold over (non-convex) as on steep surface walls.
    let mut g = page();
    g.setfillintstyle(4).unwrap();
    g.setborderwidth(1.5 / g.workstation().nominal_size())
        .unwrap();
    g.setlinecolorind(0).unwrap();
    g.setlinewidth(0.6 / g.workstation().nominal_size())
        .unwrap();
    let node = |i: usize, j: usize| {
        let (u, v) = (i as f64 / n as f64, j as f64 / n as f64);
        (
            0.15 + 0.6 * u + 0.1 * v,
            0.1 + 0.5 * v + 0.08 * (9.0 * u).sin() * (7.0 * v).cos(),
        )
    };
    let (mut xs, mut ys, mut ends, mut colors) = (vec![], vec![], vec![], vec![]);
    for j in 0..n {
        for i in 0..n {
            for (a, b) in [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)] {
                let (x, y) = node(a, b);
                xs.push(x);
                ys.push(y);
            }
            ends.push(xs.len());
            colors.push(8 + ((i + j) % 72) as i32);
        }
    }
    g.mesh(&xs, &ys, &ends, &colors, Some(0.3)).unwrap();
    c.bench_function("Gks::mesh 200x200 cells (lower + rasterize)", |b| {
        b.iter(|| black_box(g.render_rgba().unwrap()))
    });
    let page = g.page();
    c.bench_function("Gks::mesh 200x200 cells (rasterize)", |b| {
        b.iter(|| black_box(gks::driver::raster::render_rgba(&page).unwrap()))
    });
}

fn png(c: &mut Criterion) {
    let (x, y) = walk(100_000);
    let mut g = page();
    g.polyline(&x, &y).unwrap();
    let rgba = g.render_rgba().unwrap();
    c.bench_function("PNG encode 800x600", |b| {
        b.iter_batched(
            || rgba.clone(),
            |px| black_box(gks::driver::encode::png_bytes(800, 600, &px).unwrap()),
            BatchSize::LargeInput,
        )
    });
}

fn vector(c: &mut Criterion) {
    let (x, y) = walk(1_000_000);
    let mut g = page();
    g.polyline(&x, &y).unwrap();
    for (i, label) in ["0", "0.5", "1.0"].iter().enumerate() {
        g.text(0.1 + 0.4 * i as f64, 0.05, label).unwrap();
    }
    let lowered = g.page();
    c.bench_function("SVG write, decimated 1M-point line + text", |b| {
        b.iter(|| black_box(gks::driver::svg::write_svg(&lowered)))
    });
    let pages = [lowered];
    c.bench_function("PDF write, decimated 1M-point line + text", |b| {
        b.iter(|| black_box(gks::driver::pdf::write_pdf(&pages).unwrap()))
    });
    c.bench_function("PS write, decimated 1M-point line + text", |b| {
        b.iter(|| black_box(gks::driver::ps::write_ps(&pages, false).unwrap()))
    });
}

#[allow(missing_docs)]
mod group {
    use super::*;
    criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = polyline, markers, cellarray, mesh, png, vector
    }
}
criterion_main!(group::benches);
