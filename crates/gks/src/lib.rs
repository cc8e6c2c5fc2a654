//! GKS kernel of GR for Rust (work in progress).
pub mod device;
pub mod error;
pub mod font;
pub mod geometry;
pub use error::{Error, Result};
