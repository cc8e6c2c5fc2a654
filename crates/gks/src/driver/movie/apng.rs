//! Animated PNG with the png crate: lossless 8-bit RGBA frames, looping forever; after the
//! first frame only the rectangle that changed is stored.
//!
//! APNG's `acTL` chunk holds the frame count before the frames, which a streaming writer does
//! not know yet: the file is written with a placeholder count, which `finish` patches (with
//! the chunk's CRC) once all frames are written.

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::{changed_rect, frame_delay, FrameEncoder};

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
    width: usize,
    height: usize,
    /// The previous frame, for the changed rectangle.
    prev: Vec<u8>,
    /// Scratch: the changed rectangle's rows.
    rect: Vec<u8>,
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
            width: width as usize,
            height: height as usize,
            prev: Vec::new(),
            rect: Vec::new(),
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
        if self.prev.len() != rgba.len() {
            w.write_image_data(rgba).map_err(err)?;
        } else {
            // Later frames store only the rectangle that changed; when the changed pixels
            // are opaque, unchanged ones are cleared and blended "over" (the previous frame
            // shows through and the runs of zeros compress well), else "source" replaces
            // the rectangle.
            let (x0, y0, x1, y1) =
                changed_rect(&self.prev, rgba, self.width, self.height).unwrap_or((0, 0, 1, 1));
            w.reset_frame_position().map_err(err)?;
            w.set_frame_dimension((x1 - x0) as u32, (y1 - y0) as u32)
                .map_err(err)?;
            w.set_frame_position(x0 as u32, y0 as u32).map_err(err)?;
            self.rect.clear();
            let row = self.width * 4;
            let mut opaque = true;
            for y in y0..y1 {
                let span = y * row + x0 * 4..y * row + x1 * 4;
                for (c, p) in rgba[span.clone()]
                    .chunks_exact(4)
                    .zip(self.prev[span].chunks_exact(4))
                {
                    if c == p {
                        self.rect.extend_from_slice(&[0, 0, 0, 0]);
                    } else {
                        opaque &= c[3] == 255;
                        self.rect.extend_from_slice(c);
                    }
                }
            }
            if opaque {
                w.set_blend_op(png::BlendOp::Over).map_err(err)?;
            } else {
                w.set_blend_op(png::BlendOp::Source).map_err(err)?;
                self.rect.clear();
                for y in y0..y1 {
                    self.rect
                        .extend_from_slice(&rgba[y * row + x0 * 4..y * row + x1 * 4]);
                }
            }
            w.write_image_data(&self.rect).map_err(err)?;
        }
        self.prev.clear();
        self.prev.extend_from_slice(rgba);
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
