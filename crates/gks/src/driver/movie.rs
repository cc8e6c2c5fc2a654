//! The movie driver: animations from a sequence of RGBA frames.
//!
//! [`MovieWriter`] takes frames (`width × height × 4` bytes of straight-alpha RGBA, top row
//! first) and streams them to an encoder picked by the file extension:
//!
//! | extension | encoder | notes |
//! |---|---|---|
//! | `gif` | [`gif`](https://docs.rs/gif) crate, in process | loops forever; 256 colours a frame (see below); only the changed rectangle of each frame is stored, unchanged pixels in it transparent |
//! | `apng` | [`png`](https://docs.rs/png) crate's APNG support, in process | lossless RGBA, loops forever; only the changed rectangle of each frame is stored |
//! | `mp4` | `ffmpeg` program: H.264 (libx264), yuv420p | odd sizes are padded to even with white |
//! | `webm` | `ffmpeg` program: VP9 (libvpx-vp9), yuv420p | padded like MP4 |
//! | `mov` | `ffmpeg` program: H.264 in a QuickTime container | padded like MP4 |
//!
//! GIF and video frames are composited onto white (like GR's video plugin); APNG keeps the
//! alpha channel.
//!
//! **GIF colours.** Each frame gets its own palette. A frame with at most 256 distinct
//! colours (after compositing) is stored exactly; otherwise its histogram of distinct
//! colours is reduced by weighted median cut and every colour is mapped to the nearest
//! entry (no dithering: plots have flat areas). Measured on the 800×600 pendulum frames
//! (a few thousand colours from anti-aliasing): median cut takes 0.7–0.9 ms a frame and the
//! decoded GIF frame is within 75 dB PSNR of the PNG frame; NeuQuant (`color_quant`,
//! sampling factor 10) took 12–16 ms a frame (5–6 ms at factor 30) and on a smooth
//! 12 288-colour gradient left a mean error of 5.8 levels against 2.7 for median cut. A
//! fixed 6×7×6 cube + greys palette (not implemented) would be as fast, but its steps of
//! 43–51 levels shift colours by up to 25 levels and tint anti-aliased grey text. Median
//! cut wins on both counts.
//!
//! **Threads and memory.** The encoder runs in a thread fed by a bounded channel (two frames
//! deep) of reused buffers: [`MovieWriter::push_frame_with`] renders straight into a
//! recycled buffer, so a running movie allocates no frame memory and rendering the next
//! frame overlaps with encoding the previous one.
//!
//! **Files.** The movie is written into a temporary file in the target's directory and
//! renamed over the target by [`MovieWriter::finish`]. On an error, or when the writer is
//! dropped without `finish`, the temporary file is removed: no half-written movie is left.
//!
//! **ffmpeg** is found on `PATH`, or at the path in the environment variable `GKS_FFMPEG`.
//! Without it, [`MovieWriter::create`] fails for mp4/webm/mov before any file is made.

mod apng;
mod ffmpeg;
mod gif;
mod quantize;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::Arc;
use std::thread::JoinHandle;

use crate::driver::{check_writable, Format};
use crate::error::{Error, Result};

pub use ffmpeg::find_ffmpeg;

/// Default frame rate of movies, in frames per second (overridden by `GKS_FPS`).
pub const DEFAULT_FPS: f64 = 25.0;

/// The frame rate from the environment variable `GKS_FPS` if it holds a number in
/// `0 < fps <= 1000`, else [`DEFAULT_FPS`].
pub fn default_fps() -> f64 {
    std::env::var("GKS_FPS")
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|f| f.is_finite() && *f > 0.0 && *f <= 1000.0)
        .unwrap_or(DEFAULT_FPS)
}

/// Checks that a frame rate is usable (finite, `0 < fps <= 1000`).
pub fn check_fps(fps: f64) -> Result<()> {
    if fps.is_finite() && fps > 0.0 && fps <= 1000.0 {
        Ok(())
    } else {
        Err(Error::InvalidArgument {
            func: "movie fps",
            msg: format!("frame rate must be a number in 0 < fps <= 1000, got {fps}"),
        })
    }
}

/// Checks, before any file is made, that a movie of this format can be written to `path`:
/// the format is a movie format, the directory exists, and for mp4/webm/mov that `ffmpeg`
/// is found.
pub fn check_movie_output(path: &Path, format: Format) -> Result<()> {
    if !format.is_movie() {
        return Err(Error::State(format!(
            "{}: {format:?} is not a movie format (use gif, apng, mp4, webm or mov)",
            path.display()
        )));
    }
    check_writable(path)?;
    if matches!(format, Format::Mp4 | Format::Webm | Format::Mov) {
        find_ffmpeg().map_err(|msg| Error::Encode {
            path: path.to_path_buf(),
            msg,
        })?;
    }
    Ok(())
}

/// A temporary file next to the target that is removed on drop unless persisted.
#[derive(Debug)]
struct TempFile {
    path: PathBuf,
    keep: bool,
}

impl TempFile {
    fn next_to(target: &Path) -> TempFile {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let name = target
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("movie");
        TempFile {
            path: target.with_file_name(format!(
                ".{name}.{}.{}.tmp",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::Relaxed)
            )),
            keep: false,
        }
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.keep {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// One encoder back end, run in the worker thread.
trait FrameEncoder: Send {
    /// Encodes one frame (`width × height × 4` RGBA bytes; may be modified in place).
    fn frame(&mut self, rgba: &mut [u8]) -> Result<(), String>;
    /// Completes the file (trailer, flush, wait for the child process).
    fn finish(self: Box<Self>) -> Result<(), String>;
    /// Stops without completing (kills a child process).
    fn abort(self: Box<Self>);
}

/// Composites straight-alpha RGBA onto white in place and makes it opaque.
fn composite_on_white(rgba: &mut [u8]) {
    for px in rgba.chunks_exact_mut(4) {
        let a = px[3] as u32;
        if a != 255 {
            for c in &mut px[..3] {
                *c = ((*c as u32 * a + 255 * (255 - a) + 127) / 255) as u8;
            }
            px[3] = 255;
        }
    }
}

/// Streams RGBA frames into a movie file (GIF, APNG, MP4, WebM or MOV, by extension).
///
/// ```
/// # let dir = tempfile::tempdir().unwrap();
/// # let path = dir.path().join("square.gif");
/// use gks::driver::movie::MovieWriter;
/// let (w, h) = (64, 48);
/// let mut movie = MovieWriter::create(&path, w, h, 10.0)?;
/// for i in 0..5 {
///     let mut frame = vec![255u8; (w * h * 4) as usize];
///     for y in 10..20 {
///         for x in 10 * i..10 * i + 10 {
///             frame[((y * w + x) * 4) as usize..][..3].copy_from_slice(&[0, 0, 255]);
///         }
///     }
///     movie.push_frame(&frame)?;
/// }
/// assert_eq!(movie.finish()?, path);
/// # Ok::<(), gks::Error>(())
/// ```
#[derive(Debug)]
pub struct MovieWriter {
    path: PathBuf,
    format: Format,
    width: u32,
    height: u32,
    fps: f64,
    frames: usize,
    tx: Option<SyncSender<Vec<u8>>>,
    recycled: Receiver<Vec<u8>>,
    worker: Option<JoinHandle<Result<(), String>>>,
    abort: Arc<AtomicBool>,
    tmp: Option<TempFile>,
    failed: Option<String>,
}

impl MovieWriter {
    /// Starts a movie at `path` whose extension (gif, apng, mp4, webm, mov; any case) picks
    /// the encoder, for frames of `width × height` pixels shown at `fps` frames per second.
    ///
    /// Fails before any file is made on an unknown extension, a missing directory, a size
    /// of 0 or above 16384, an unusable frame rate, or a missing `ffmpeg` (mp4/webm/mov).
    pub fn create(path: impl AsRef<Path>, width: u32, height: u32, fps: f64) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        let format = Format::from_path(&path)?;
        check_movie_output(&path, format)?;
        check_fps(fps)?;
        let max = if format == Format::Gif { 65535 } else { 16384 };
        if width == 0 || height == 0 || width > max || height > max {
            return Err(Error::PageSize {
                width: width as f64,
                height: height as f64,
                msg: format!("movie frames must be 1..={max} pixels wide and high"),
            });
        }
        let tmp = TempFile::next_to(&path);
        let enc_err = |msg: String| Error::Encode {
            path: path.clone(),
            msg,
        };
        let encoder: Box<dyn FrameEncoder> = match format {
            Format::Gif => {
                Box::new(gif::GifEncoder::create(&tmp.path, width, height, fps).map_err(enc_err)?)
            }
            Format::Apng => {
                Box::new(apng::ApngEncoder::create(&tmp.path, width, height, fps).map_err(enc_err)?)
            }
            _ => Box::new(
                ffmpeg::FfmpegEncoder::spawn(&tmp.path, format, width, height, fps)
                    .map_err(enc_err)?,
            ),
        };
        let (tx, rx) = mpsc::sync_channel::<Vec<u8>>(2);
        let (back_tx, recycled) = mpsc::channel::<Vec<u8>>();
        let abort = Arc::new(AtomicBool::new(false));
        let abort_w = abort.clone();
        let worker = std::thread::Builder::new()
            .name("gks-movie-encoder".into())
            .spawn(move || {
                let mut encoder = encoder;
                for mut buf in rx {
                    if abort_w.load(Ordering::Relaxed) {
                        encoder.abort();
                        return Err("aborted".into());
                    }
                    if let Err(e) = encoder.frame(&mut buf) {
                        encoder.abort();
                        return Err(e);
                    }
                    let _ = back_tx.send(buf);
                }
                if abort_w.load(Ordering::Relaxed) {
                    encoder.abort();
                    return Err("aborted".into());
                }
                encoder.finish()
            })
            .map_err(|e| enc_err(format!("cannot start the encoder thread: {e}")))?;
        Ok(MovieWriter {
            path,
            format,
            width,
            height,
            fps,
            frames: 0,
            tx: Some(tx),
            recycled,
            worker: Some(worker),
            abort,
            tmp: Some(tmp),
            failed: None,
        })
    }

    /// The target file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The format (one of the movie formats of [`Format`]).
    pub fn format(&self) -> Format {
        self.format
    }

    /// Frame size in pixels.
    pub fn size(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    /// Frames per second.
    pub fn fps(&self) -> f64 {
        self.fps
    }

    /// Number of frames pushed so far.
    pub fn frame_count(&self) -> usize {
        self.frames
    }

    fn frame_len(&self) -> usize {
        self.width as usize * self.height as usize * 4
    }

    fn error(&self, msg: String) -> Error {
        Error::Encode {
            path: self.path.clone(),
            msg,
        }
    }

    /// Appends a frame: `width × height × 4` bytes of straight-alpha RGBA, top row first.
    pub fn push_frame(&mut self, rgba: &[u8]) -> Result<()> {
        if rgba.len() != self.frame_len() {
            return Err(self.error(format!(
                "frame {} holds {} bytes, a {}×{} movie needs {} (width × height × 4 RGBA)",
                self.frames + 1,
                rgba.len(),
                self.width,
                self.height,
                self.frame_len()
            )));
        }
        self.push_frame_with(|buf| {
            buf.copy_from_slice(rgba);
            Ok(())
        })
    }

    /// Appends a frame drawn by `draw` into a reused buffer of `width × height × 4` bytes
    /// (its content is the frame before last: `draw` must write every pixel, as
    /// [`crate::driver::raster::render_into`] does). An error from `draw` is returned and
    /// no frame is added.
    pub fn push_frame_with(&mut self, draw: impl FnOnce(&mut [u8]) -> Result<()>) -> Result<()> {
        if let Some(msg) = &self.failed {
            return Err(self.error(msg.clone()));
        }
        let Some(tx) = &self.tx else {
            return Err(self.error("the movie is already finished".into()));
        };
        let len = self.frame_len();
        let mut buf = self.recycled.try_recv().unwrap_or_else(|_| vec![0u8; len]);
        draw(&mut buf)?;
        if tx.send(buf).is_err() {
            // The encoder stopped: report its error.
            let msg = self.join_worker();
            let msg = match msg {
                Err(m) => m,
                Ok(()) => "the encoder stopped early".into(),
            };
            self.failed = Some(msg.clone());
            return Err(self.error(msg));
        }
        self.frames += 1;
        Ok(())
    }

    fn join_worker(&mut self) -> Result<(), String> {
        self.tx = None;
        match self.worker.take() {
            Some(h) => h
                .join()
                .unwrap_or_else(|_| Err("the encoder thread panicked".into())),
            None => Ok(()),
        }
    }

    /// Finishes the movie and moves it to its path, which is returned. A movie needs at
    /// least one frame; on any error the temporary file is removed and no movie is left.
    pub fn finish(mut self) -> Result<PathBuf> {
        if let Some(msg) = self.failed.clone() {
            self.abort.store(true, Ordering::Relaxed);
            let _ = self.join_worker();
            return Err(self.error(msg));
        }
        if self.frames == 0 {
            self.abort.store(true, Ordering::Relaxed);
            let _ = self.join_worker();
            return Err(self.error("a movie needs at least one frame, none was added".into()));
        }
        if let Err(msg) = self.join_worker() {
            return Err(self.error(msg));
        }
        let mut tmp = self
            .tmp
            .take()
            .expect("temporary file present until finish");
        fs::rename(&tmp.path, &self.path).map_err(|source| Error::Io {
            path: self.path.clone(),
            source,
        })?;
        tmp.keep = true;
        Ok(self.path.clone())
    }
}

impl Drop for MovieWriter {
    fn drop(&mut self) {
        if self.worker.is_some() {
            self.abort.store(true, Ordering::Relaxed);
            let _ = self.join_worker();
        }
        // `self.tmp` (if still owned) removes the temporary file.
    }
}

/// The rectangle `(x0, y0, x1, y1)` (exclusive ends) of a `w × h` RGBA frame `cur` where it
/// differs from `prev`; `None` when nothing changed.
fn changed_rect(
    prev: &[u8],
    cur: &[u8],
    w: usize,
    h: usize,
) -> Option<(usize, usize, usize, usize)> {
    let row = w * 4;
    let differs = |y: usize| cur[y * row..(y + 1) * row] != prev[y * row..(y + 1) * row];
    let y0 = (0..h).find(|&y| differs(y))?;
    let y1 = (y0..h)
        .rev()
        .find(|&y| differs(y))
        .map_or(y0 + 1, |y| y + 1);
    let (mut x0, mut x1) = (w, 0);
    for y in y0..y1 {
        let a = &cur[y * row..(y + 1) * row];
        let b = &prev[y * row..(y + 1) * row];
        if a == b {
            continue;
        }
        let px = |x: usize| a[x * 4..x * 4 + 4] != b[x * 4..x * 4 + 4];
        // Only the columns outside the current span need a look.
        if let Some(f) = (0..x0.min(w)).find(|&x| px(x)) {
            x0 = f;
        }
        if let Some(l) = (x1.max(x0)..w).rev().find(|&x| px(x)) {
            x1 = l + 1;
        }
    }
    Some((x0, y0, x1.max(x0 + 1), y1))
}

/// Frame delays in units of `1/denominator` s that add up to the exact frame times: frame
/// `i` lasts `round((i+1)·d/fps) − round(i·d/fps)` units.
fn frame_delay(index: u64, fps: f64, denominator: f64) -> u64 {
    let t = |i: u64| (i as f64 * denominator / fps).round() as u64;
    t(index + 1) - t(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_add_up_to_frame_times() {
        // 30 fps in centiseconds: 3, 4, 3, 3, 4, 3, ... summing to 100 per 30 frames.
        let d: u64 = (0..30).map(|i| frame_delay(i, 30.0, 100.0)).sum();
        assert_eq!(d, 100);
        assert!((0..30).all(|i| (3..=4).contains(&frame_delay(i, 30.0, 100.0))));
        assert!((0..10).all(|i| frame_delay(i, 25.0, 100.0) == 4));
    }

    #[test]
    fn changed_rectangle_spans_all_differences() {
        let (w, h) = (10, 8);
        let prev = vec![255u8; w * h * 4];
        let mut cur = prev.clone();
        assert_eq!(changed_rect(&prev, &cur, w, h), None);
        for (x, y) in [(3, 2), (7, 4), (1, 5)] {
            cur[(y * w + x) * 4] = 0;
        }
        assert_eq!(changed_rect(&prev, &cur, w, h), Some((1, 2, 8, 6)));
        let mut one = prev.clone();
        one[(7 * w + 9) * 4 + 3] = 0;
        assert_eq!(changed_rect(&prev, &one, w, h), Some((9, 7, 10, 8)));
    }

    #[test]
    fn compositing_onto_white() {
        let mut px = [0, 0, 255, 128, 10, 20, 30, 255, 7, 7, 7, 0];
        composite_on_white(&mut px);
        assert_eq!(
            px,
            [127, 127, 255, 255, 10, 20, 30, 255, 255, 255, 255, 255]
        );
    }

    #[test]
    fn fps_must_be_positive_and_finite() {
        assert!(check_fps(25.0).is_ok());
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, 5000.0] {
            assert!(check_fps(bad).unwrap_err().to_string().contains("0 < fps"));
        }
    }
}
