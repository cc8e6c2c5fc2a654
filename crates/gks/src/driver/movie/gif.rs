//! Animated GIF: exact palettes for frames of at most 256 colours, NeuQuant otherwise; each
//! frame stores only the rectangle that changed since the previous one.

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

use gif::{DisposalMethod, Encoder, Frame, Repeat};

use super::{composite_on_white, frame_delay, FrameEncoder};

/// Open-addressing colour → palette index table for the exact path (1024 slots, ≤ 256 used).
struct ColorTable {
    keys: Vec<u32>,
    vals: Vec<u8>,
    palette: Vec<u8>,
}

const EMPTY: u32 = u32::MAX;
const SLOTS: usize = 1024;

impl ColorTable {
    fn new() -> Self {
        ColorTable {
            keys: vec![EMPTY; SLOTS],
            vals: vec![0; SLOTS],
            palette: Vec::with_capacity(768),
        }
    }

    fn clear(&mut self) {
        self.keys.fill(EMPTY);
        self.palette.clear();
    }

    /// The index of `rgb`, inserting it; `None` once a 257th colour appears.
    #[inline]
    fn index(&mut self, rgb: u32) -> Option<u8> {
        let mut slot = (rgb.wrapping_mul(0x9E37_79B1) >> 22) as usize;
        loop {
            let k = self.keys[slot];
            if k == rgb {
                return Some(self.vals[slot]);
            }
            if k == EMPTY {
                let n = self.palette.len() / 3;
                if n == 256 {
                    return None;
                }
                self.keys[slot] = rgb;
                self.vals[slot] = n as u8;
                self.palette
                    .extend_from_slice(&[(rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8]);
                return Some(n as u8);
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
    }
}

#[inline]
fn rgb_key(px: &[u8]) -> u32 {
    (px[0] as u32) << 16 | (px[1] as u32) << 8 | px[2] as u32
}

/// The GIF back end.
pub(super) struct GifEncoder {
    enc: Encoder<BufWriter<File>>,
    width: usize,
    height: usize,
    fps: f64,
    index: u64,
    /// The previous frame (composited RGBA), for the changed rectangle.
    prev: Vec<u8>,
    table: ColorTable,
    /// Scratch: the rectangle's RGBA (for NeuQuant) and its indices.
    rect_rgba: Vec<u8>,
    indices: Vec<u8>,
    /// NeuQuant index cache over 18-bit colours (`u16::MAX` = not yet looked up).
    cache: Vec<u16>,
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
            table: ColorTable::new(),
            rect_rgba: Vec::new(),
            indices: Vec::new(),
            cache: vec![u16::MAX; 1 << 18],
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

    /// Palette indices of the rectangle: exact when it has ≤ 256 colours, else NeuQuant.
    fn quantize(&mut self, cur: &[u8], rect: (usize, usize, usize, usize)) -> Vec<u8> {
        let (x0, y0, x1, y1) = rect;
        let row = self.width * 4;
        self.indices.clear();
        self.table.clear();
        let mut exact = true;
        let mut last = (EMPTY, 0u8);
        'rows: for y in y0..y1 {
            for px in cur[y * row + x0 * 4..y * row + x1 * 4].chunks_exact(4) {
                let k = rgb_key(px);
                if k != last.0 {
                    match self.table.index(k) {
                        Some(i) => last = (k, i),
                        None => {
                            exact = false;
                            break 'rows;
                        }
                    }
                }
                self.indices.push(last.1);
            }
        }
        if exact {
            let mut palette = self.table.palette.clone();
            // GIF palettes hold a power of two entries; the crate pads, but keep ≥ 2.
            if palette.len() < 6 {
                palette.resize(6, 0);
            }
            return palette;
        }
        self.rect_rgba.clear();
        for y in y0..y1 {
            self.rect_rgba
                .extend_from_slice(&cur[y * row + x0 * 4..y * row + x1 * 4]);
        }
        let nq = color_quant::NeuQuant::new(10, 256, &self.rect_rgba);
        self.cache.fill(u16::MAX);
        self.indices.clear();
        for px in self.rect_rgba.chunks_exact(4) {
            let key = ((px[0] as usize >> 2) << 12)
                | ((px[1] as usize >> 2) << 6)
                | (px[2] as usize >> 2);
            let mut i = self.cache[key];
            if i == u16::MAX {
                i = nq.index_of(px) as u16;
                self.cache[key] = i;
            }
            self.indices.push(i as u8);
        }
        nq.color_map_rgb()
    }
}

impl FrameEncoder for GifEncoder {
    fn frame(&mut self, rgba: &mut [u8]) -> Result<(), String> {
        composite_on_white(rgba);
        let delay = frame_delay(self.index, self.fps, 100.0).clamp(2, u16::MAX as u64) as u16;
        self.index += 1;
        let rect = self.changed_rect(rgba).unwrap_or((0, 0, 1, 1));
        let palette = self.quantize(rgba, rect);
        let (x0, y0, x1, y1) = rect;
        let frame = Frame {
            delay,
            dispose: DisposalMethod::Keep,
            left: x0 as u16,
            top: y0 as u16,
            width: (x1 - x0) as u16,
            height: (y1 - y0) as u16,
            palette: Some(palette),
            buffer: std::borrow::Cow::Borrowed(&self.indices),
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
