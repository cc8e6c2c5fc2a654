//! MP4, WebM and MOV through the `ffmpeg` program: raw RGBA frames are streamed into its
//! standard input (`-f rawvideo -pix_fmt rgba -s WxH -r FPS -i -`).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::thread::JoinHandle;

use super::{composite_on_white, FrameEncoder};
use crate::driver::Format;

const NOT_FOUND: &str =
    "ffmpeg not found: install ffmpeg (Debian: apt install ffmpeg) or set GKS_FFMPEG";

fn is_executable_file(p: &Path) -> bool {
    p.is_file()
}

/// The `ffmpeg` program: the path in `GKS_FFMPEG` if that variable is set (and names an
/// existing file, or a program on `PATH`), else `ffmpeg` on `PATH`. The error says how to
/// install it.
pub fn find_ffmpeg() -> Result<PathBuf, String> {
    let on_path = |name: &str| -> Option<PathBuf> {
        let path = std::env::var_os("PATH")?;
        std::env::split_paths(&path).find_map(|dir| {
            let p = dir.join(name);
            if is_executable_file(&p) {
                return Some(p);
            }
            let exe = dir.join(format!("{name}.exe"));
            is_executable_file(&exe).then_some(exe)
        })
    };
    if let Some(v) = std::env::var_os("GKS_FFMPEG").filter(|v| !v.is_empty()) {
        let p = PathBuf::from(&v);
        if is_executable_file(&p) {
            return Ok(p);
        }
        if p.components().count() == 1 {
            if let Some(found) = on_path(&p.to_string_lossy()) {
                return Ok(found);
            }
        }
        return Err(format!(
            "{NOT_FOUND} (GKS_FFMPEG={} does not exist)",
            p.display()
        ));
    }
    on_path("ffmpeg").ok_or_else(|| NOT_FOUND.to_string())
}

/// Formats `fps` for ffmpeg's `-r`: an integer, or a fraction over 1000.
fn rate(fps: f64) -> String {
    if fps.fract() == 0.0 {
        format!("{}", fps as u64)
    } else {
        format!("{}/1000", (fps * 1000.0).round() as u64)
    }
}

/// The ffmpeg back end: a child process and a thread collecting its error output.
pub(super) struct FfmpegEncoder {
    child: Child,
    stdin: Option<ChildStdin>,
    stderr: Option<JoinHandle<String>>,
}

impl FfmpegEncoder {
    pub(super) fn spawn(
        out: &Path,
        format: Format,
        width: u32,
        height: u32,
        fps: f64,
    ) -> Result<Self, String> {
        let ffmpeg = find_ffmpeg()?;
        let mut cmd = Command::new(&ffmpeg);
        cmd.args(["-hide_banner", "-loglevel", "error", "-y"])
            .args(["-f", "rawvideo", "-pix_fmt", "rgba"])
            .arg("-s")
            .arg(format!("{width}x{height}"))
            .arg("-r")
            .arg(rate(fps))
            .args(["-i", "-"]);
        if width % 2 == 1 || height % 2 == 1 {
            // yuv420p needs even sizes: pad with white on the right and bottom.
            cmd.args(["-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2:0:0:white"]);
        }
        let (codec, container): (&[&str], &str) = match format {
            Format::Webm => (
                &[
                    "-c:v",
                    "libvpx-vp9",
                    "-b:v",
                    "0",
                    "-crf",
                    "32",
                    "-deadline",
                    "realtime",
                    "-cpu-used",
                    "8",
                    "-row-mt",
                    "1",
                ],
                "webm",
            ),
            Format::Mov => (
                &["-c:v", "libx264", "-preset", "veryfast", "-crf", "20"],
                "mov",
            ),
            _ => (
                &[
                    "-c:v",
                    "libx264",
                    "-preset",
                    "veryfast",
                    "-crf",
                    "20",
                    "-movflags",
                    "+faststart",
                ],
                "mp4",
            ),
        };
        cmd.args(codec)
            .args(["-pix_fmt", "yuv420p", "-f", container])
            .arg(out)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let mut child = cmd
            .spawn()
            .map_err(|e| format!("cannot run {}: {e}", ffmpeg.display()))?;
        let stdin = child.stdin.take();
        let mut err_pipe = child.stderr.take();
        let stderr = std::thread::Builder::new()
            .name("gks-ffmpeg-stderr".into())
            .spawn(move || {
                let mut s = String::new();
                if let Some(p) = err_pipe.as_mut() {
                    let _ = p.read_to_string(&mut s);
                }
                s
            })
            .map_err(|e| e.to_string())?;
        Ok(FfmpegEncoder {
            child,
            stdin,
            stderr: Some(stderr),
        })
    }

    /// Closes stdin, waits for ffmpeg and returns its failure message, if any.
    fn wait(&mut self) -> Result<(), String> {
        drop(self.stdin.take());
        let status = self.child.wait().map_err(|e| e.to_string())?;
        let log = self
            .stderr
            .take()
            .and_then(|h| h.join().ok())
            .unwrap_or_default();
        if status.success() {
            Ok(())
        } else {
            let log = log.trim();
            let tail: String = log
                .char_indices()
                .nth(log.chars().count().saturating_sub(1500))
                .map_or(log, |(i, _)| &log[i..])
                .to_string();
            if tail.is_empty() {
                Err(format!("ffmpeg failed ({status}) without a message"))
            } else {
                Err(format!("ffmpeg failed ({status}): {tail}"))
            }
        }
    }
}

impl FrameEncoder for FfmpegEncoder {
    fn frame(&mut self, rgba: &mut [u8]) -> Result<(), String> {
        composite_on_white(rgba);
        let stdin = self.stdin.as_mut().ok_or("ffmpeg input closed")?;
        if let Err(e) = stdin.write_all(rgba) {
            // ffmpeg exited: its log says why.
            return Err(match self.wait() {
                Err(m) => m,
                Ok(()) => format!("writing to ffmpeg failed: {e}"),
            });
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), String> {
        self.wait()
    }

    fn abort(mut self: Box<Self>) {
        drop(self.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(h) = self.stderr.take() {
            let _ = h.join();
        }
    }
}

impl Drop for FfmpegEncoder {
    fn drop(&mut self) {
        if self.stdin.is_some() {
            drop(self.stdin.take());
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
