//! `grplot`: the command line tool of GR for Rust.
//!
//! `grplot FILE [key:value ...] -o OUT` plots a data file with GR's grplot syntax,
//! `grplot spec.json -o OUT` renders a JSON plot spec, `grplot help [KIND]` lists the kinds
//! and keys, and `grplot gallery DIR` renders every example of the project as PNG, SVG and PDF
//! plus an `index.html` that shows them side by side. See `grplot::app`.

mod demos;
mod gallery;
mod gr3_pages;

use std::process::ExitCode;

fn main() -> ExitCode {
    grplot::app::run(std::env::args_os(), &|dir| gallery::render(dir))
}
