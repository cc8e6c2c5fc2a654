//! The error type of the figure layer.

/// Everything that can go wrong building or rendering a figure.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The plotting layer refused a call (bad state or argument).
    #[error(transparent)]
    Gr(#[from] gr::Error),
    /// The kernel refused an operation (page size, output file).
    #[error(transparent)]
    Gks(#[from] gks::Error),
    /// A data file could not be read.
    #[error(transparent)]
    Data(#[from] crate::data::DataError),
    /// A value of the figure is wrong; `path` names it as in the JSON spec
    /// (`subplots[0].series[1].x`).
    #[error("{path}: {msg}")]
    Invalid {
        /// Key path of the offending value.
        path: String,
        /// What is wrong and what to change.
        msg: String,
    },
    /// A kind name that does not exist.
    #[error("{path}: unknown kind {name:?}; the kinds are: {known}")]
    UnknownKind {
        /// Key path of the kind.
        path: String,
        /// The name given.
        name: String,
        /// Comma-separated list of all kind names.
        known: String,
    },
    /// A kind that exists in GRM but is not implemented here yet.
    #[error("{path}: kind {kind:?} is not yet supported (it needs the gr3 volume renderer)")]
    NotSupported {
        /// Key path of the kind.
        path: String,
        /// The kind name.
        kind: &'static str,
    },
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Builds an [`Error::Invalid`].
pub(crate) fn invalid(path: impl Into<String>, msg: impl Into<String>) -> Error {
    Error::Invalid {
        path: path.into(),
        msg: msg.into(),
    }
}
