//! GR3 for Rust: 3D scenes of meshes and primitives (spheres, cylinders, cones, cubes, tubes),
//! rendered in software with a z-buffer, plus marching-cubes isosurfaces, volume rendering,
//! molecules, and exports to images, POV-Ray scenes and self-contained HTML/WebGL pages.
//!
//! Function names follow GR's `gr3.h`, so a GR3 program translates line by line.

pub mod error;
pub mod isosurface;
pub mod molecule;
pub mod volume;

pub use error::{Error, Result};
