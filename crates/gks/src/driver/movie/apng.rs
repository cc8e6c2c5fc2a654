//! Animated PNG with the png crate: lossless 8-bit RGBA frames, looping forever.
//!
//! APNG's `acTL` chunk holds the frame count before the frames, which a streaming writer does
//! not know yet: the file is written with a placeholder count, which `finish` patches (with
//! the chunk's CRC) once all frames are written.

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::{frame_delay, FrameEncoder};

/// Placeholder frame count, patched at finish.
const PLACEHOLDER_FRAMES: u32 = 0x7FFF_FFFF;

/// CRC-32 (ISO-HDLC, as PNG uses) of `data`.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// The APNG back end.
pub(super) struct ApngEncoder {
    path: PathBuf,
    writer: Option<png::Writer<BufWriter<File>>>,
    fps: f64,
    index: u64,
}

fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

impl ApngEncoder {
    pub(super) fn create(path: &Path, width: u32, height: u32, fps: f64) -> Result<Self, String> {
        let file = File::create(path).map_err(err)?;
        let mut enc = png::Encoder::new(BufWriter::new(file), width, height);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Fast);
        enc.set_animated(PLACEHOLDER_FRAMES, 0).map_err(err)?;
        let writer = enc.write_header().map_err(err)?;
        Ok(ApngEncoder {
            path: path.to_path_buf(),
            writer: Some(writer),
            fps,
            index: 0,
        })
    }

    /// Rewrites the `acTL` frame count of the finished file.
    fn patch_frame_count(&self) -> std::io::Result<()> {
        let mut f = OpenOptions::new().read(true).write(true).open(&self.path)?;
        let mut head = vec![0u8; 256];
        let n = f.read(&mut head)?;
        head.truncate(n);
        let pos = head
            .windows(4)
            .position(|w| w == b"acTL")
            .ok_or_else(|| std::io::Error::other("acTL chunk missing"))?;
        let mut chunk = [0u8; 12];
        chunk[..4].copy_from_slice(b"acTL");
        chunk[4..8].copy_from_slice(&(self.index as u32).to_be_bytes());
        chunk[8..12].copy_from_slice(&head[pos + 8..pos + 12]);
        let crc = crc32(&chunk);
        f.seek(SeekFrom::Start(pos as u64 + 4))?;
        f.write_all(&chunk[4..8])?;
        f.seek(SeekFrom::Start(pos as u64 + 12))?;
        f.write_all(&crc.to_be_bytes())?;
        f.flush()
    }
}

impl FrameEncoder for ApngEncoder {
    fn frame(&mut self, rgba: &mut [u8]) -> Result<(), String> {
        let w = self.writer.as_mut().ok_or("APNG writer closed")?;
        if self.index >= PLACEHOLDER_FRAMES as u64 {
            return Err("too many APNG frames".into());
        }
        let (num, den) = if self.fps.fract() == 0.0 && self.fps <= 65535.0 {
            (1, self.fps as u16)
        } else {
            (
                frame_delay(self.index, self.fps, 1000.0).min(65535) as u16,
                1000,
            )
        };
        w.set_frame_delay(num, den).map_err(err)?;
        w.write_image_data(rgba).map_err(err)?;
        self.index += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), String> {
        let w = self.writer.take().ok_or("APNG writer closed")?;
        w.finish().map_err(err)?;
        self.patch_frame_count().map_err(err)
    }

    fn abort(self: Box<Self>) {}
}

#[cfg(test)]
mod tests {
    #[test]
    fn crc_matches_png_iend() {
        // The CRC of the IEND chunk type is fixed in every PNG file: AE 42 60 82.
        assert_eq!(super::crc32(b"IEND"), 0xAE42_6082);
    }
}
