//! Animated GIF: a per-frame palette from [`super::quantize`] (exact for frames of at most
//! 256 colours, weighted median cut otherwise); each frame stores only the rectangle that
//! changed since the previous one.

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

use gif::{DisposalMethod, Encoder, Frame, Repeat};

use super::quantize::Quantizer;
use super::{composite_on_white, frame_delay, FrameEncoder};

/// The GIF back end.
pub(super) struct GifEncoder {
    enc: Encoder<BufWriter<File>>,
    width: usize,
    height: usize,
    fps: f64,
    index: u64,
    /// The previous frame (composited RGBA), for the changed rectangle.
    prev: Vec<u8>,
    quantizer: Quantizer,
}

impl GifEncoder {
    pub(super) fn create(path: &Path, width: u32, height: u32, fps: f64) -> Result<Self, String> {
        let file = File::create(path).map_err(|e| e.to_string())?;
        let mut enc = Encoder::new(BufWriter::new(file), width as u16, height as u16, &[])
            .map_err(|e| e.to_string())?;
        enc.set_repeat(Repeat::Infinite)
            .map_err(|e| e.to_string())?;
        Ok(GifEncoder {
            enc,
            width: width as usize,
            height: height as usize,
            fps,
            index: 0,
            prev: Vec::new(),
            quantizer: Quantizer::new(),
        })
    }

    /// The rectangle `(x0, y0, x1, y1)` (exclusive ends) where `cur` differs from the
    /// previous frame; the whole frame for the first one, `None` when nothing changed.
    fn changed_rect(&self, cur: &[u8]) -> Option<(usize, usize, usize, usize)> {
        let (w, h) = (self.width, self.height);
        if self.prev.len() != cur.len() {
            return Some((0, 0, w, h));
        }
        let row = w * 4;
        let differs = |y: usize| cur[y * row..(y + 1) * row] != self.prev[y * row..(y + 1) * row];
        let y0 = (0..h).find(|&y| differs(y))?;
        let y1 = (y0..h)
            .rev()
            .find(|&y| differs(y))
            .map_or(y0 + 1, |y| y + 1);
        let (mut x0, mut x1) = (w, 0);
        for y in y0..y1 {
            let a = &cur[y * row..(y + 1) * row];
            let b = &self.prev[y * row..(y + 1) * row];
            if a == b {
                continue;
            }
            let first = (0..w).find(|&x| a[x * 4..x * 4 + 4] != b[x * 4..x * 4 + 4]);
            if let Some(f) = first {
                x0 = x0.min(f);
                let last = (f..w)
                    .rev()
                    .find(|&x| a[x * 4..x * 4 + 4] != b[x * 4..x * 4 + 4]);
                x1 = x1.max(last.map_or(f + 1, |l| l + 1));
            }
        }
        Some((x0, y0, x1.max(x0 + 1), y1))
    }
}

impl FrameEncoder for GifEncoder {
    fn frame(&mut self, rgba: &mut [u8]) -> Result<(), String> {
        composite_on_white(rgba);
        let delay = frame_delay(self.index, self.fps, 100.0).clamp(2, u16::MAX as u64) as u16;
        self.index += 1;
        let rect = self.changed_rect(rgba).unwrap_or((0, 0, 1, 1));
        self.quantizer.quantize(rgba, self.width, rect);
        let (x0, y0, x1, y1) = rect;
        let frame = Frame {
            delay,
            dispose: DisposalMethod::Keep,
            left: x0 as u16,
            top: y0 as u16,
            width: (x1 - x0) as u16,
            height: (y1 - y0) as u16,
            palette: Some(self.quantizer.palette.clone()),
            buffer: std::borrow::Cow::Borrowed(&self.quantizer.indices),
            ..Frame::default()
        };
        self.enc.write_frame(&frame).map_err(|e| e.to_string())?;
        self.prev.clear();
        self.prev.extend_from_slice(rgba);
        Ok(())
    }

    fn finish(self: Box<Self>) -> Result<(), String> {
        let w = self.enc.into_inner().map_err(|e| e.to_string())?;
        w.into_inner().map_err(|e| e.error().to_string())?;
        Ok(())
    }

    fn abort(self: Box<Self>) {}
}
