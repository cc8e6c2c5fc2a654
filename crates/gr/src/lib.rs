//! # gr — the plotting layer of GR for Rust
//!
//! GR's `gr.h` functions on top of the [`gks`] kernel: a [`Gr`] context with world windows,
//! viewports, log and flipped scales, GR's 48 colormaps, and (growing) the plotting functions.

pub mod algorithms;
pub mod axes;
pub mod axis_spec;
mod cells;
pub mod colormap;
mod context;
pub mod contour;
mod contours;
mod curves;
pub mod error;
mod errorbars;
mod fields;
pub mod formula_scenes;
pub mod inquiries;
pub mod math;
pub mod pendulum;
mod polar;
pub mod scale;
pub mod scenes;
pub mod shapes;
pub mod space3d;
pub mod ticks;
mod tricontour;
pub mod volume;

pub use context::Gr;
pub use error::{Error, Result};
