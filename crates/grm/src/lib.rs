//! GRM for Rust: high-level figures. One call per plot kind, subplots, legends, automatic
//! ranges and margins, and plot specs as JSON with GRM's key names; plus the import of data
//! files (GR's tab-separated format, CSV/TSV, whitespace columns, `.npy`).

pub mod data;
