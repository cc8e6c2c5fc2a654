//! The library half of the `grplot` command line tool: GR's grplot `key:value` syntax, the
//! mapping from data files to JSON plot specs, rendering through GRM's figure API, and
//! progress bars for long jobs. The binary (`main.rs`) is a thin layer over this.

pub mod app;
pub mod cli;
pub mod keys;
pub mod progress;
pub mod render;
pub mod spec;
