//! The error type of the 3D layer.

use std::path::PathBuf;

/// Everything that can go wrong in GR3.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An argument is empty, not finite, out of range or inconsistent.
    #[error("invalid argument to {func}: {msg}")]
    InvalidArgument {
        /// The GR3 function that was called.
        func: &'static str,
        /// What is wrong and what to change.
        msg: String,
    },
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A data file (molecule, volume) is malformed.
    #[error("{path}:{line}: {msg}")]
    Parse {
        /// The file (or `-` for in-memory text).
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        msg: String,
    },
    /// The 2D plotting layer refused an operation (drawing a scene into a plot).
    #[error(transparent)]
    Gr(#[from] gr::Error),
    /// The kernel refused an operation (writing an image).
    #[error(transparent)]
    Gks(#[from] gks::Error),
}

/// Shorthand for results of the 3D layer.
pub type Result<T, E = Error> = std::result::Result<T, E>;
