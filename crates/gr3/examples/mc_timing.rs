//! Times marching cubes on the head phantom and prints one JSON line per size
//! (used by `bench/marching_cubes.py`). Usage: `mc_timing [N ...]` (default 128 256).

#[path = "common/phantom.rs"]
mod phantom;

use std::time::Instant;

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![128, 256]
    } else {
        sizes
    };
    for n in sizes {
        let data = phantom::head_phantom(n);
        let run = || {
            gr3::isosurface::marching_cubes(&data, [n; 3], [1.0; 3], [0.0; 3], phantom::ISO)
                .expect("phantom is valid")
        };
        let mesh = run();
        let mut times: Vec<f64> = (0..7)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(run());
                t.elapsed().as_secs_f64()
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!(
            "{{\"n\": {n}, \"median_s\": {:.6}, \"min_s\": {:.6}, \"vertices\": {}, \"triangles\": {}, \"threads\": {}}}",
            times[times.len() / 2],
            times[0],
            mesh.vertices.len(),
            mesh.triangle_count(),
            rayon::current_num_threads()
        );
    }
}
