//! Render speed: ~100 spheres plus a 200×200 surface mesh (≈ 80k triangles) at 1000² and
//! 4000² pixels, and the projection step alone.

use criterion::{criterion_main, Criterion};
use gr3::Scene;

/// 100 spheres on a 10×10 grid above a 200×200 height field.
fn bench_scene() -> Scene {
    let mut s = Scene::new();
    s.cameralookat([0.0, -12.0, 9.0], [0.0, 0.0, 0.0], [0.0, 0.0, 1.0])
        .unwrap();
    s.setcameraprojectionparameters(40.0, 1.0, 50.0).unwrap();
    s.setbackgroundcolor(1.0, 1.0, 1.0, 1.0).unwrap();
    let mut pos = Vec::new();
    let mut col = Vec::new();
    for i in 0..10 {
        for j in 0..10 {
            pos.push([i as f32 - 4.5, j as f32 - 4.5, 1.5]);
            col.push([i as f32 / 9.0, 0.5, j as f32 / 9.0]);
        }
    }
    s.drawspheremesh(&pos, &col, &[0.4; 100]).unwrap();
    let n = 200usize;
    let mut v = Vec::with_capacity(n * n);
    let mut nr = Vec::with_capacity(n * n);
    let mut c = Vec::with_capacity(n * n);
    for j in 0..n {
        for i in 0..n {
            let x = -5.0 + 10.0 * i as f32 / (n - 1) as f32;
            let y = -5.0 + 10.0 * j as f32 / (n - 1) as f32;
            let z = (x * 0.8).sin() * (y * 0.8).cos() * 0.5;
            v.push([x, y, z]);
            let dzdx = 0.4 * (x * 0.8).cos() * (y * 0.8).cos();
            let dzdy = -0.4 * (x * 0.8).sin() * (y * 0.8).sin();
            nr.push([-dzdx, -dzdy, 1.0]);
            c.push([0.3 + z, 0.6, 0.8 - z]);
        }
    }
    let mut idx = Vec::new();
    for j in 0..n as u32 - 1 {
        for i in 0..n as u32 - 1 {
            let a = j * n as u32 + i;
            let b = a + n as u32;
            idx.extend_from_slice(&[a, a + 1, b + 1, a, b + 1, b]);
        }
    }
    let m = s.createindexedmesh(&v, &nr, &c, &idx).unwrap();
    s.drawmesh(
        m,
        &[[0.0; 3]],
        &[[0.0, 0.0, 1.0]],
        &[[0.0, 1.0, 0.0]],
        &[[1.0; 3]],
        &[[1.0; 3]],
    )
    .unwrap();
    s
}

fn bench(c: &mut Criterion) {
    let s = bench_scene();
    let mut g = c.benchmark_group("render");
    g.sample_size(10);
    g.bench_function("spheres+surface 1000x1000", |b| {
        b.iter(|| s.getimage(1000, 1000).unwrap())
    });
    g.bench_function("spheres+surface 4000x4000", |b| {
        b.iter(|| s.getimage(4000, 4000).unwrap())
    });
    let mut s4 = s.clone();
    s4.setquality(4).unwrap();
    g.bench_function("spheres+surface 1000x1000 ssaa4", |b| {
        b.iter(|| s4.getimage(1000, 1000).unwrap())
    });
    g.bench_function("to png 1000x1000", |b| {
        b.iter(|| s.export_bytes(gr3::ExportFormat::Png, 1000, 1000).unwrap())
    });
    g.finish();
}

mod group {
    #![allow(missing_docs)]
    use super::bench;
    criterion::criterion_group!(benches, bench);
}

criterion_main!(group::benches);
