//! The error type of the kernel.

use std::path::PathBuf;

/// Everything that can go wrong in the kernel and its drivers.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A numeric argument is out of its valid range or not finite.
    #[error("invalid argument to {func}: {msg}")]
    InvalidArgument {
        /// The kernel function that was called.
        func: &'static str,
        /// What is wrong and what to change.
        msg: String,
    },
    /// Coordinate arrays of different lengths or with too few points.
    #[error("{func}: {msg}")]
    BadArrays {
        /// The kernel function that was called.
        func: &'static str,
        /// What is wrong.
        msg: String,
    },
    /// A GR font number that no embedded face stands for.
    #[error("unknown font number {0}: use 1..=32 (legacy GKS) or 101..=131, 232..=234")]
    UnknownFont(i32),
    /// A file name whose extension selects no driver.
    #[error("cannot write {path}: unknown output format '{ext}' (use png, jpg, jpeg, svg, pdf, ps, eps, or for movies gif, apng, mp4, webm, mov)")]
    UnknownFormat {
        /// The file that was requested.
        path: PathBuf,
        /// Its extension.
        ext: String,
    },
    /// An operation needs an open output that is not there.
    #[error("{0}")]
    State(String),
    /// The page is too large or empty.
    #[error("invalid page size {width}x{height} px: {msg}")]
    PageSize {
        /// Requested width in pixels.
        width: f64,
        /// Requested height in pixels.
        height: f64,
        /// Why it is refused.
        msg: String,
    },
    /// Writing the output failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file that was being written.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// An encoder failed.
    #[error("cannot encode {path}: {msg}")]
    Encode {
        /// The file that was being written.
        path: PathBuf,
        /// The cause.
        msg: String,
    },
}

/// Shorthand for results of the kernel.
pub type Result<T, E = Error> = std::result::Result<T, E>;
