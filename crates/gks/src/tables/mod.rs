//! Constant tables of the GR graphics kernel, re-expressed as Rust data.
//!
//! The numbers in these modules are facts taken from GR's C sources (`lib/gks/util.c`,
//! `lib/gks/marker.h`, `lib/gr/cm.h`, `lib/gr/gr.h`): the predefined colour table, the
//! fill/hatch bitmaps, the dash lengths of the line types, the marker shapes and the
//! 48 colormaps. Each module documents how GR's drivers interpret its table.

pub mod colormaps;
pub mod colors;
pub mod dashes;
pub mod markers;
pub mod patterns;
