//! GR's damped pendulum animation, written as a movie or as PNG frames.
//!
//! The pendulum `θ'' + (γ/m) θ' + (g/l) sin θ = 0` is integrated with RK4; each of the 200
//! frames (800×600) shows the pendulum (rod, pivot, bob, velocity arrow), the angle θ(t) and
//! the phase portrait (θ, ω) as 500-point lines, the equation and the current values.
//!
//! ```text
//! cargo run --release -p gr --example pendulum -- out.mp4      # or .gif .apng .webm .mov
//! cargo run --release -p gr --example pendulum -- frames/      # a directory: PNG frames
//! cargo run --release -p gr --example pendulum -- --bench      # frames/s of every output
//! ```
//!
//! It prints frames/s for rendering alone (into one reused RGBA buffer) and for the output.

use std::path::{Path, PathBuf};
use std::time::Instant;

use gr::Gr;

const FRAMES: usize = gr::pendulum::FRAMES;
const WIDTH: f64 = 800.0;
const HEIGHT: f64 = 600.0;

type BoxError = Box<dyn std::error::Error>;

use gr::pendulum::{draw_frame, simulate, Trajectory};

fn new_gr() -> Result<Gr, BoxError> {
    let mut gr = Gr::new();
    gr.gks_mut().set_size_px(WIDTH, HEIGHT)?;
    Ok(gr)
}

fn report(what: &str, frames: usize, start: Instant) {
    let s = start.elapsed().as_secs_f64();
    println!(
        "{what:<34} {frames} frames in {s:6.2} s = {:7.1} frames/s",
        frames as f64 / s
    );
}

/// Renders every frame into one reused buffer.
fn render_only(tr: &Trajectory) -> Result<(), BoxError> {
    let mut gr = new_gr()?;
    let mut buf = vec![0u8; WIDTH as usize * HEIGHT as usize * 4];
    let start = Instant::now();
    for k in 0..FRAMES {
        gr.clearws();
        draw_frame(&mut gr, tr, k)?;
        gr.gks().render_into(&mut buf)?;
    }
    report("render only (reused buffer)", FRAMES, start);
    Ok(())
}

/// Writes `frame_000.png` ... into `dir`.
fn png_frames(tr: &Trajectory, dir: &Path) -> Result<(), BoxError> {
    std::fs::create_dir_all(dir)?;
    let mut gr = new_gr()?;
    let start = Instant::now();
    for k in 0..FRAMES {
        gr.clearws();
        draw_frame(&mut gr, tr, k)?;
        gr.gks().save(dir.join(format!("frame_{k:03}.png")))?;
    }
    report(
        &format!("render + PNG frames ({})", dir.display()),
        FRAMES,
        start,
    );
    Ok(())
}

/// Writes a movie through beginprint / clearws / endprint.
fn movie(tr: &Trajectory, path: &Path) -> Result<(), BoxError> {
    let mut gr = new_gr()?;
    gr.set_movie_fps(25.0)?;
    let start = Instant::now();
    gr.beginprint(path)?;
    for k in 0..FRAMES {
        draw_frame(&mut gr, tr, k)?;
        gr.gks_mut().try_clearws()?;
    }
    let files = gr.endprint()?;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("?");
    report(&format!("render + {}", ext.to_uppercase()), FRAMES, start);
    for f in files {
        let size = std::fs::metadata(&f).map(|m| m.len()).unwrap_or(0);
        println!("  wrote {} ({:.1} MB)", f.display(), size as f64 / 1e6);
    }
    Ok(())
}

fn main() -> Result<(), BoxError> {
    let arg = std::env::args().nth(1).unwrap_or_else(|| {
        eprintln!("usage: pendulum OUT.{{mp4,gif,apng,webm,mov}} | FRAME_DIR/ | --bench");
        std::process::exit(2);
    });
    let tr = simulate();
    render_only(&tr)?;
    if arg == "--bench" {
        let dir: PathBuf = std::env::temp_dir().join(format!("pendulum-{}", std::process::id()));
        png_frames(&tr, &dir.join("frames"))?;
        for ext in ["mp4", "gif", "apng", "webm"] {
            if let Err(e) = movie(&tr, &dir.join(format!("pendulum.{ext}"))) {
                println!("render + {ext}: {e}");
            }
        }
        println!("outputs in {}", dir.display());
        return Ok(());
    }
    let out = PathBuf::from(&arg);
    if out.is_dir() || arg.ends_with('/') || out.extension().is_none() {
        png_frames(&tr, &out)
    } else {
        movie(&tr, &out)
    }
}
