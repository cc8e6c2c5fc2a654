//! The error type of the plotting layer.

/// Everything that can go wrong in the plotting layer.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An argument is out of range, not finite, or inconsistent with the current state.
    #[error("invalid argument to {func}: {msg}")]
    InvalidArgument {
        /// The GR function that was called.
        func: &'static str,
        /// What is wrong and what to change.
        msg: String,
    },
    /// The kernel refused an operation.
    #[error(transparent)]
    Gks(#[from] gks::Error),
}

/// Shorthand for results of the plotting layer.
pub type Result<T, E = Error> = std::result::Result<T, E>;
