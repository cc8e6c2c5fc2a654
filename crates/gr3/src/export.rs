//! Writing a scene to files: PNG and JPEG images, POV-Ray scenes and HTML/WebGL pages,
//! chosen by the file extension (`gr3_export`).

use std::path::Path;

use crate::error::Result;
use crate::scene::{invalid, Scene};

/// Output formats of [`Scene::export`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// PNG image (RGBA, or RGB when opaque).
    Png,
    /// Baseline JPEG (quality 90), composited on white.
    Jpeg,
    /// POV-Ray scene description.
    Pov,
    /// Self-contained HTML page drawing the scene with WebGL.
    Html,
}

impl ExportFormat {
    /// The format for a file name's extension (case-insensitive), or an error naming it.
    pub fn from_path(path: &Path) -> Result<ExportFormat> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .unwrap_or_default();
        Ok(match ext.as_str() {
            "png" => ExportFormat::Png,
            "jpg" | "jpeg" => ExportFormat::Jpeg,
            "pov" => ExportFormat::Pov,
            "html" | "htm" => ExportFormat::Html,
            _ => {
                return Err(invalid(
                    "export",
                    format!(
                    "unknown file extension '{ext}' in {}; use .png, .jpg, .jpeg, .pov or .html",
                    path.display()
                ),
                ))
            }
        })
    }
}

impl Scene {
    /// The file contents [`Scene::export`] would write.
    pub fn export_bytes(&self, format: ExportFormat, width: u32, height: u32) -> Result<Vec<u8>> {
        crate::raster::check_size("export", width, height, 1)?;
        match format {
            ExportFormat::Png => {
                let rgba = self.getimage(width, height)?;
                gks::driver::encode::png_bytes(width, height, &rgba)
                    .map_err(|e| invalid("export", e))
            }
            ExportFormat::Jpeg => {
                if width > u16::MAX as u32 || height > u16::MAX as u32 {
                    return Err(invalid(
                        "export",
                        format!(
                            "JPEG images are at most 65535 pixels per side, got {width}x{height}"
                        ),
                    ));
                }
                let rgba = self.getimage(width, height)?;
                let mut rgb = Vec::with_capacity(rgba.len() / 4 * 3);
                for px in rgba.chunks_exact(4) {
                    let a = px[3] as u32;
                    for &c in &px[..3] {
                        rgb.push(((c as u32 * a + 255 * (255 - a) + 127) / 255) as u8);
                    }
                }
                let mut out = Vec::new();
                jpeg_encoder::Encoder::new(&mut out, 90)
                    .encode(
                        &rgb,
                        width as u16,
                        height as u16,
                        jpeg_encoder::ColorType::Rgb,
                    )
                    .map_err(|e| invalid("export", format!("JPEG encoding failed: {e}")))?;
                Ok(out)
            }
            ExportFormat::Pov => Ok(crate::pov::pov_scene(self, width, height).into_bytes()),
            ExportFormat::Html => Ok(crate::html::html_page(self, width, height).into_bytes()),
        }
    }

    /// `gr3_export`: writes the scene as `width × height` to `path`, the format chosen by
    /// the extension (`.png`, `.jpg`/`.jpeg`, `.pov`, `.html`). The file is written
    /// atomically: on error no partial file is left behind.
    pub fn export(&self, path: impl AsRef<Path>, width: u32, height: u32) -> Result<()> {
        let path = path.as_ref();
        let format = ExportFormat::from_path(path)?;
        let bytes = self.export_bytes(format, width, height)?;
        gks::driver::write_atomic(path, &bytes)?;
        Ok(())
    }
}
