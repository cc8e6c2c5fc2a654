//! Rendering a JSON plot spec to a file through GRM's figure API.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::cli::CliError;

/// Renders `spec` and writes it to `out` (the format follows the extension); returns the
/// files written.
pub fn render(spec: &Value, out: &Path) -> Result<Vec<PathBuf>, CliError> {
    figure_save(spec, out).map_err(CliError::Render)
}

/// The one call into the figure API.
fn figure_save(spec: &Value, out: &Path) -> Result<Vec<PathBuf>, String> {
    grm::Figure::from_json(spec)
        .and_then(|f| f.save(out))
        .map_err(|e| e.to_string())
}
