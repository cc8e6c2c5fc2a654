//! Output drivers, chosen by file extension, and atomic file writing.
//!
//! | extension | driver | pages |
//! |---|---|---|
//! | `png` | [`raster`] (tiny-skia, anti-aliased) | `name.png`, `name-2.png`, ... |
//! | `jpg`, `jpeg` | [`raster`], composited on white | numbered like PNG |
//! | `svg` | [`svg`], glyphs as paths | numbered like PNG |
//! | `pdf` | [`pdf`], subset-embedded fonts, selectable text | one multi-page file |
//! | `ps` | [`ps`], glyphs as paths | one multi-page file |
//! | `eps` | [`ps`], encapsulated | exactly one page |
//! | `gif`, `apng` | [`movie`] (gif / png crates) | one frame per page |
//! | `mp4`, `webm`, `mov` | [`movie`] (the `ffmpeg` program) | one frame per page |

pub mod encode;
pub mod movie;
pub mod pdf;
mod png_writer;
pub mod ps;
pub mod raster;
pub mod svg;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::device::Page;
use crate::error::{Error, Result};

/// An output file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Portable Network Graphics.
    Png,
    /// JPEG (no transparency).
    Jpeg,
    /// Scalable Vector Graphics.
    Svg,
    /// Portable Document Format.
    Pdf,
    /// PostScript.
    Ps,
    /// Encapsulated PostScript.
    Eps,
    /// Animated GIF (one frame per page).
    Gif,
    /// Animated PNG (one frame per page).
    Apng,
    /// MPEG-4 video, H.264 (through ffmpeg).
    Mp4,
    /// WebM video, VP9 (through ffmpeg).
    Webm,
    /// QuickTime movie, H.264 (through ffmpeg).
    Mov,
}

impl Format {
    /// The format for a file name's extension (case-insensitive).
    pub fn from_path(path: &Path) -> Result<Format> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        Ok(match ext.as_str() {
            "png" => Format::Png,
            "jpg" | "jpeg" => Format::Jpeg,
            "svg" => Format::Svg,
            "pdf" => Format::Pdf,
            "ps" => Format::Ps,
            "eps" => Format::Eps,
            "gif" => Format::Gif,
            "apng" => Format::Apng,
            "mp4" => Format::Mp4,
            "webm" => Format::Webm,
            "mov" => Format::Mov,
            _ => {
                return Err(Error::UnknownFormat {
                    path: path.to_path_buf(),
                    ext,
                })
            }
        })
    }

    /// True for formats that hold all pages in one file.
    pub fn is_multipage(self) -> bool {
        matches!(self, Format::Pdf | Format::Ps) || self.is_movie()
    }

    /// True for the animation formats (gif, apng, mp4, webm, mov): pages become frames.
    pub fn is_movie(self) -> bool {
        matches!(
            self,
            Format::Gif | Format::Apng | Format::Mp4 | Format::Webm | Format::Mov
        )
    }
}

/// Checks that the directory of `path` exists, so that a later write can succeed.
pub fn check_writable(path: &Path) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Error::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("directory {} does not exist", dir.display()),
            ),
        });
    }
    if path.is_dir() {
        return Err(Error::Io {
            path: path.to_path_buf(),
            source: std::io::Error::other("is a directory"),
        });
    }
    Ok(())
}

/// GR's page file names: `name.ext` for page 1, `name-2.ext`, `name-3.ext`, ... after.
pub fn page_file_name(path: &Path, page: usize) -> PathBuf {
    if page <= 1 {
        return path.to_path_buf();
    }
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("page");
    let name = match path.extension().and_then(|e| e.to_str()) {
        Some(ext) => format!("{stem}-{page}.{ext}"),
        None => format!("{stem}-{page}"),
    };
    path.with_file_name(name)
}

/// Writes `data` to `path` atomically: into a temporary file in the same directory, then
/// renamed over the target. On failure no file is left behind.
pub fn write_atomic(path: &Path, data: &[u8]) -> Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    check_writable(path)?;
    let io_err = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let tmp = path.with_file_name(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(data)?;
        f.flush()?;
        drop(f);
        fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(io_err(e));
    }
    Ok(())
}

/// Encodes and writes pages in a format; returns the files written.
pub fn write_pages(path: &Path, format: Format, pages: &[Page]) -> Result<Vec<PathBuf>> {
    let encode_err = |msg: String| Error::Encode {
        path: path.to_path_buf(),
        msg,
    };
    if pages.is_empty() {
        return Err(Error::State(format!(
            "{}: no page to write",
            path.display()
        )));
    }
    if format.is_movie() {
        return write_movie(path, pages, movie::default_fps()).map(|p| vec![p]);
    }
    // Encode everything first, so that an encoding error leaves no files at all.
    let files: Vec<(PathBuf, Vec<u8>)> = match format {
        Format::Pdf => vec![(
            path.to_path_buf(),
            pdf::write_pdf(pages).map_err(encode_err)?,
        )],
        Format::Ps => vec![(
            path.to_path_buf(),
            ps::write_ps(pages, false).map_err(encode_err)?,
        )],
        Format::Eps => {
            if pages.len() != 1 {
                return Err(encode_err(format!(
                    "EPS holds exactly one page, got {} (use .ps or .pdf for several)",
                    pages.len()
                )));
            }
            vec![(
                path.to_path_buf(),
                ps::write_ps(pages, true).map_err(encode_err)?,
            )]
        }
        Format::Gif | Format::Apng | Format::Mp4 | Format::Webm | Format::Mov => {
            unreachable!("movies are written by write_movie")
        }
        Format::Png | Format::Jpeg | Format::Svg => {
            let mut v = Vec::with_capacity(pages.len());
            for (i, page) in pages.iter().enumerate() {
                let bytes = match format {
                    Format::Png => raster::encode_png(page).map_err(encode_err)?,
                    Format::Jpeg => raster::encode_jpeg(page, 92).map_err(encode_err)?,
                    _ => svg::write_svg(page).into_bytes(),
                };
                v.push((page_file_name(path, i + 1), bytes));
            }
            v
        }
    };
    let mut written = Vec::with_capacity(files.len());
    for (p, bytes) in files {
        write_atomic(&p, &bytes)?;
        written.push(p);
    }
    Ok(written)
}

/// Writes pages as the frames of a movie (format by extension) at `fps` frames per second;
/// every page must have the size of the first.
pub fn write_movie(path: &Path, pages: &[Page], fps: f64) -> Result<PathBuf> {
    let first = pages
        .first()
        .ok_or_else(|| Error::State(format!("{}: no frame to write", path.display())))?;
    let (w, h) = (first.width as u32, first.height as u32);
    let mut movie = movie::MovieWriter::create(path, w, h, fps)?;
    for (i, page) in pages.iter().enumerate() {
        check_frame_size(path, i + 1, (w, h), page)?;
        movie.push_frame_with(|buf| raster::render_into(page, buf))?;
    }
    movie.finish()
}

/// Checks that frame `number` (1-based) has the movie's size.
pub(crate) fn check_frame_size(
    path: &Path,
    number: usize,
    size: (u32, u32),
    page: &Page,
) -> Result<()> {
    let (w, h) = (page.width as u32, page.height as u32);
    if (w, h) != size {
        return Err(Error::Encode {
            path: path.to_path_buf(),
            msg: format!(
                "frame {number} is {w}×{h} px but the movie is {}×{} px: all frames need the \
                 workstation size of the first",
                size.0, size.1
            ),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_names_follow_gr() {
        assert_eq!(
            page_file_name(Path::new("a/b.png"), 1),
            Path::new("a/b.png")
        );
        assert_eq!(
            page_file_name(Path::new("a/b.png"), 2),
            Path::new("a/b-2.png")
        );
    }

    #[test]
    fn unknown_extension_is_an_error_naming_the_path() {
        let e = Format::from_path(Path::new("plot.xyz"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("plot.xyz") && e.contains("xyz"), "{e}");
        assert!(Format::from_path(Path::new("noext")).is_err());
        assert_eq!(Format::from_path(Path::new("A.PDF")).unwrap(), Format::Pdf);
    }
}
