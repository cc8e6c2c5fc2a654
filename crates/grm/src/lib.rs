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
//!
//! # JSON plot specs
//!
//! [`Figure::from_json`] reads `{"size": [w, h], "subplots": [{plot keys, "series": [{series
//! keys}]}]}`; plot keys may stand at the top level (one subplot) and series keys in a
//! subplot (one series). Unknown keys and wrong types are errors naming the key path.
//!
//! Figure keys: `size` ([w, h] px), `dpi`, `background_color` ("#rrggbb", [r, g, b] in
//! 0..=1, a GR colour index, or null for transparent), `subplots`.
//!
//! Subplot keys: `rows`, `cols`, `row`, `col`, `rowspan`, `colspan` (grid position, row 0 at
//! the top), `kind`, `title`, `x_label`, `y_label`, `z_label`, `twin_x_label`,
//! `twin_y_label`, `x_lim`/`y_lim`/`z_lim` ([min, max]), `x_log`/`y_log`/`z_log`,
//! `x_flip`/`y_flip`/`z_flip`, `grid`, `colormap` (name or 0..=47, negative reversed),
//! `colorbar`, `keep_aspect_ratio`, `legend`, `location` (matplotlib name or 0..=10),
//! `levels`, `bins`, `rotation`, `tilt`, `style` (default/stacked/lined), `orientation`
//! (vertical/horizontal), `step_where` (pre/mid/post), `xform`, `marginal_heatmap_kind`,
//! `series`.
//!
//! Series keys: `x`, `y`, `z` (flat, x fastest, or nested rows), `c`, `s`, `u`, `v`,
//! `weights`, `bin_edges`, `error`, `spec` (alias `line_spec`), `label`, `labels`, `kind`,
//! `twin_x`, `twin_y`. In number arrays `null` is NaN (a gap).

mod animation;
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
