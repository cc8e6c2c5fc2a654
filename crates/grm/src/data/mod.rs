//! Data-file import (placeholder, being written).

/// A malformed or unreadable data file.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct DataError(pub String);
