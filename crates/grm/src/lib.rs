//! GRM for Rust: high-level figures. One call per plot kind, subplots, legends, automatic
//! ranges and margins, and plot specs as JSON with GRM's key names; plus the import of data
//! files (GR's tab-separated format, CSV/TSV, whitespace columns, `.npy`).
//!
//! ```
//! use grm::{Figure, Kind, Series};
//! let mut fig = Figure::new();
//! let x: Vec<f64> = (0..50).map(|i| i as f64 / 10.0).collect();
//! let y: Vec<f64> = x.iter().map(|x| x.sin()).collect();
//! let p = fig.subplot(1, 1, 1);
//! p.title = Some("sine".into());
//! p.add(Series::xy(x, y).spec("r--").label("sin x"));
//! let (rgba, w, h) = fig.render_rgba()?;
//! assert_eq!((w, h), (600, 450));
//! # assert_eq!(rgba.len(), 600 * 450 * 4);
//! # Ok::<(), grm::Error>(())
//! ```

pub mod data;
mod error;
mod examples;
mod figure;
mod frame3d;
mod frame_polar;
mod json;
pub mod kinds;
mod layout;
mod legend;
mod plot;
mod render;

pub use error::{Error, Result};
pub use examples::examples;
pub use figure::{Color, Figure};
pub use kinds::Kind;
pub use plot::{
    BarStyle, Colormap, GridPos, Location, Orientation, Plot, Series, StepWhere, ZShape,
};
pub use render::PlotGeometry;
