//! # gks — the graphics kernel of GR for Rust
//!
//! The lowest layer of the GR stack: a [`Gks`] context holds normalization transforms
//! (world → NDC), clipping, GR's attributes (line types, 37 marker types, fill styles and
//! hatches, the 1256-entry colour table, text font/height/up vector/alignment) and records
//! output primitives (polyline, polymarker, fill area, cell array, images, text, paths) into
//! a device-independent display list in NDC. Pages are lowered once into device geometry
//! ([`device::Page`]) and handed to a driver chosen by file extension: PNG/JPEG and an RGBA
//! memory buffer (tiny-skia), SVG, PDF (subset-embedded fonts) and PS/EPS. All fonts are
//! embedded in the binary (DejaVu, Libertinus, New Computer Modern), so every output looks
//! the same on every machine.
//!
//! ```
//! use gks::Gks;
//! # let dir = tempfile::tempdir().unwrap();
//! # let file = dir.path().join("sine.pdf");
//! let mut g = Gks::new();
//! g.setwindow(1, 0.0, 6.3, -1.0, 1.0)?;
//! g.setviewport(1, 0.1, 0.95, 0.1, 0.7)?;
//! g.selntran(1)?;
//! let x: Vec<f64> = (0..100).map(|i| i as f64 * 0.063).collect();
//! let y: Vec<f64> = x.iter().map(|x| x.sin()).collect();
//! g.setlinecolorind(4)?;
//! g.polyline(&x, &y)?;
//! g.selntran(0)?;
//! g.text(0.1, 0.72, "sin(x) for 0 ≤ x ≤ 2π")?;
//! g.save(&file)?; // or .png, .svg, .ps
//! # Ok::<(), gks::Error>(())
//! ```

pub mod attributes;
pub mod color;
pub mod device;
pub mod display_list;
pub mod driver;
pub mod error;
pub mod font;
pub mod geometry;
mod gks;
pub mod lower;
mod markers;
pub mod recycle;
pub mod scenes;
pub mod state;
pub mod tables;
pub mod text;
pub mod transform;

pub use crate::gks::Gks;
pub use attributes::{FillIntStyle, LineType, MarkerType, TextHAlign, TextPath, TextVAlign};
pub use device::Rgba;
pub use driver::Format;
pub use error::{Error, Result};
