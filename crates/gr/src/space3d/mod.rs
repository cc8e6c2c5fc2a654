//! 3D projection state and 3D drawing (being written).

/// The 3D view state of a context (being written).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Space3d {}
