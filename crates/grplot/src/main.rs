//! `grplot`: the command line tool of GR for Rust.
//!
//! Currently: `grplot gallery DIR` renders every example of the project as PNG, SVG and PDF
//! plus an `index.html` that shows them side by side.

mod demos;
mod gallery;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Plots data files and renders the GR for Rust gallery.
#[derive(Parser, Debug)]
#[command(name = "grplot", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Render every example as PNG, SVG and PDF into DIR, with DIR/index.html.
    Gallery {
        /// Output directory (created if missing).
        dir: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Gallery { dir } => gallery::render(&dir),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("grplot: {e}");
            ExitCode::FAILURE
        }
    }
}
