//! Animated GIF: a per-frame palette from [`super::quantize`] (exact for frames of at most
//! 256 colours, weighted median cut otherwise); each frame stores only the rectangle that
//! changed since the previous one.

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

use gif::{DisposalMethod, Encoder, Frame, Repeat};

use super::quantize::Quantizer;
use super::{changed_rect, composite_on_white, frame_delay, FrameEncoder};

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
}

impl FrameEncoder for GifEncoder {
    fn frame(&mut self, rgba: &mut [u8]) -> Result<(), String> {
        composite_on_white(rgba);
        let delay = frame_delay(self.index, self.fps, 100.0).clamp(2, u16::MAX as u64) as u16;
        self.index += 1;
        let first = self.prev.len() != rgba.len();
        let rect = if first {
            (0, 0, self.width, self.height)
        } else {
            changed_rect(&self.prev, rgba, self.width, self.height).unwrap_or((0, 0, 1, 1))
        };
        // Pixels that did not change become transparent: the previous frame shows through
        // (disposal "keep") and long transparent runs compress well.
        let prev = (!first).then_some(self.prev.as_slice());
        let transparent = self.quantizer.quantize(rgba, self.width, rect, prev);
        let (x0, y0, x1, y1) = rect;
        let frame = Frame {
            delay,
            dispose: DisposalMethod::Keep,
            left: x0 as u16,
            top: y0 as u16,
            width: (x1 - x0) as u16,
            height: (y1 - y0) as u16,
            palette: Some(self.quantizer.palette.clone()),
            transparent,
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
