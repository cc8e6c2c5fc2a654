//! GR3 for Rust: 3D scenes of meshes and primitives (spheres, cylinders, cones, cubes, tubes),
//! rendered in software with a z-buffer, plus marching-cubes isosurfaces, volume rendering,
//! molecules, and exports to images, POV-Ray scenes and self-contained HTML/WebGL pages.
//!
//! Function names follow GR's `gr3.h`, so a GR3 program translates line by line. The
//! context is a value, [`Scene`]:
//!
//! ```
//! let mut s = gr3::Scene::new();
//! s.cameralookat([0.0, 0.0, 5.0], [0.0; 3], [0.0, 1.0, 0.0]).unwrap();
//! s.drawspheremesh(&[[0.0; 3]], &[[1.0, 0.5, 0.2]], &[1.0]).unwrap();
//! let rgba = s.getimage(64, 64).unwrap();
//! assert_eq!(rgba.len(), 64 * 64 * 4);
//! ```

pub mod error;
pub mod export;
pub mod grplot;
mod html;
pub mod isosurface;
pub mod molecule;
mod pov;
pub mod primitives;
mod raster;
mod render;
pub mod scene;
pub mod volume;

pub use error::{Error, Result};
pub use export::ExportFormat;
pub use grplot::{surface, SurfaceOptions};
pub use primitives::{SliceAxis, Volume};
pub use scene::{Camera, LightParameters, MeshId, ProjectionType, Scene};
