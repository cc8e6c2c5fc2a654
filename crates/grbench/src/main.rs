//! `grbench`: runs the benchmark workloads W1–W8 of GR for Rust's performance model
//! (design §6) on fixed-seed data and prints one JSON line per workload: median, minimum
//! and maximum wall time of the timed runs after the warm-up, peak resident memory and
//! the size of the output.
//!
//! ```text
//! grbench                      # every workload, each in a fresh process
//! grbench W1 W8-svg            # some of them
//! grbench --run W3             # one workload in this process
//! grbench --write-data DIR     # the input data as raw little-endian f64 files
//! ```
//!
//! A timed run is the whole figure: context creation, drawing with axes, writing the file.
//! Peak memory is the `VmHWM` of the process that ran the workload, so each workload runs
//! in its own process unless `--run` is given.

mod data;
mod measure;
mod workloads;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use clap::Parser;

use measure::{peak_rss_kib, JsonLine, Timings};
use workloads::{total_size, BoxError, Input, Workload};

/// Benchmarks of GR for Rust: the workloads W1–W8, timed whole-figure-to-file.
#[derive(Parser, Debug)]
#[command(name = "grbench", version, about)]
struct Cli {
    /// Workloads to run, each in a fresh process (default: all).
    #[arg(value_enum, ignore_case = true, conflicts_with_all = ["run", "write_data", "list"])]
    workloads: Vec<Workload>,

    /// Run one workload in this process and print its JSON line.
    #[arg(long, value_enum, ignore_case = true, value_name = "WORKLOAD")]
    run: Option<Workload>,

    /// Timed runs per workload.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..=1000))]
    runs: u16,

    /// Untimed warm-up runs before the timed ones.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(0..=100))]
    warmup: u16,

    /// Directory for the output files (default: a fresh temporary directory, removed at
    /// the end unless --keep).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,

    /// Keep the temporary output directory.
    #[arg(long)]
    keep: bool,

    /// Write the input data of every workload to DIR (NAME.f64 raw little-endian f64 in C
    /// order, plus manifest.json with the shapes) and exit.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["run", "list"])]
    write_data: Option<PathBuf>,

    /// Number of line points for W1/W8 (default 1,000,000), for W1's cost curve; with
    /// --write-data, writes only that line.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(2..=100_000_000))]
    points: Option<u64>,

    /// List the workloads and exit.
    #[arg(long, conflicts_with = "run")]
    list: bool,
}

/// An output directory, removed on drop when it was made here and is not to be kept.
struct OutDir {
    path: PathBuf,
    remove: bool,
}

impl OutDir {
    /// `given` (created if missing), or a fresh directory under the system temp dir.
    fn new(given: Option<&Path>, keep: bool) -> Result<OutDir, BoxError> {
        if let Some(p) = given {
            std::fs::create_dir_all(p)
                .map_err(|e| format!("cannot create {}: {e}", p.display()))?;
            return Ok(OutDir {
                path: p.to_path_buf(),
                remove: false,
            });
        }
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let path = std::env::temp_dir().join(format!("grbench-{}-{stamp}", std::process::id()));
        std::fs::create_dir(&path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        if keep {
            eprintln!("grbench: output in {}", path.display());
        }
        Ok(OutDir {
            path,
            remove: !keep,
        })
    }
}

impl Drop for OutDir {
    fn drop(&mut self) {
        if self.remove {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

/// Runs one workload in this process and returns its report line.
fn run_here(w: Workload, cli: &Cli) -> Result<JsonLine, BoxError> {
    let line = JsonLine::for_workload(w.name());
    let points = cli.points.map(|n| n as usize);
    let Some(input) = w.prepare_points(points).filter(|_| w.implemented()) else {
        return Ok(line
            .str("status", "not implemented")
            .str("description", w.description()));
    };
    let out = OutDir::new(cli.out.as_deref(), cli.keep)?;
    let mut output = workloads::RunOutput::default();
    let timings = Timings::measure(usize::from(cli.warmup), usize::from(cli.runs), || {
        output = w.run(&input, &out.path)?;
        Ok::<(), BoxError>(())
    })?;
    let median = timings.median();
    let mut line = line
        .str("status", "ok")
        .str("description", w.description())
        .int("runs", timings.0.len() as u64)
        .int("warmup", u64::from(cli.warmup))
        .num("median_s", median)
        .num("min_s", timings.min())
        .num("max_s", timings.max())
        .int("output_bytes", total_size(&output.files))
        .int("files", output.files.len() as u64);
    if let Some(t) = output.triangles {
        line = line.int("triangles", t as u64);
    }
    if let (Some(n), Workload::W1 | Workload::W8Svg | Workload::W8Pdf) = (points, w) {
        line = line.int("points", n as u64);
    }
    if let Some(frames) = w.frames() {
        line = line
            .int("frames", frames as u64)
            .num("frames_per_s", frames as f64 / median);
        if let Input::Frames(f) = &input {
            let render = Timings::measure(usize::from(cli.warmup), usize::from(cli.runs), || {
                workloads::animation_render_only(f)
            })?;
            line = line
                .num("render_median_s", render.median())
                .num("render_frames_per_s", frames as f64 / render.median());
        }
    }
    if let Some(kib) = peak_rss_kib() {
        line = line.int("peak_rss_kib", kib);
    }
    Ok(line)
}

/// Runs each workload in a fresh child process of this executable and forwards its line.
/// Returns whether all succeeded.
fn run_children(list: &[Workload], cli: &Cli) -> Result<bool, BoxError> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find own executable: {e}"))?;
    let out = OutDir::new(cli.out.as_deref(), cli.keep)?;
    let mut all_ok = true;
    for w in list {
        let mut cmd = Command::new(&exe);
        cmd.arg("--run")
            .arg(w.name())
            .arg("--runs")
            .arg(cli.runs.to_string())
            .arg("--warmup")
            .arg(cli.warmup.to_string())
            .arg("--out")
            .arg(out.path.join(w.name()));
        if let Some(n) = cli.points {
            cmd.arg("--points").arg(n.to_string());
        }
        let result = cmd
            .output()
            .map_err(|e| format!("cannot start {}: {e}", exe.display()))?;
        let stdout = String::from_utf8_lossy(&result.stdout);
        let stderr = String::from_utf8_lossy(&result.stderr);
        if result.status.success() && !stdout.trim().is_empty() {
            print!("{stdout}");
        } else {
            all_ok = false;
            let msg = stderr.trim();
            let msg = if msg.is_empty() {
                format!("child exited with {}", result.status)
            } else {
                msg.to_string()
            };
            println!(
                "{}",
                JsonLine::for_workload(w.name())
                    .str("status", "error")
                    .str("message", msg)
                    .render()
            );
        }
        let _ = std::io::stdout().flush();
    }
    Ok(all_ok)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result: Result<bool, BoxError> = if cli.list {
        for w in Workload::ALL {
            let note = if w.implemented() {
                ""
            } else {
                " (not implemented)"
            };
            println!("{:<7} {}{note}", w.name(), w.description());
        }
        Ok(true)
    } else if let Some(dir) = &cli.write_data {
        match cli.points {
            Some(n) => data::write_line(dir, n as usize),
            None => data::write_all(dir),
        }
        .map(|()| true)
        .map_err(|e| format!("cannot write data to {}: {e}", dir.display()).into())
    } else if let Some(w) = cli.run {
        run_here(w, &cli).map(|line| {
            println!("{}", line.render());
            true
        })
    } else {
        let list: &[Workload] = if cli.workloads.is_empty() {
            &Workload::ALL
        } else {
            &cli.workloads
        };
        run_children(list, &cli)
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("grbench: {e}");
            ExitCode::FAILURE
        }
    }
}
