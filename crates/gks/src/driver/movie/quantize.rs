//! Colour reduction for GIF frames: a histogram of the distinct colours, kept exactly when
//! there are at most 256, else reduced by weighted median cut on the histogram (not on the
//! pixels) with each colour mapped to its nearest palette entry.
//!
//! Working on distinct colours keeps the cost low on plots: a 800×600 frame has a few
//! thousand colours (anti-aliased edges between a handful of plot colours), so the cut and
//! the nearest-entry search take about a millisecond; the per-pixel work is two hash
//! lookups per run of equal pixels.

const EMPTY: u32 = u32::MAX;

/// Reusable quantizer state (hash table, scratch lists, outputs).
pub(super) struct Quantizer {
    keys: Vec<u32>,
    counts: Vec<u32>,
    slot_index: Vec<u8>,
    len: usize,
    /// Distinct colours: (rgb, count, slot).
    colors: Vec<(u32, u32, u32)>,
    /// The palette (RGB triplets) of the last frame.
    pub palette: Vec<u8>,
    /// Palette indices of the last frame's pixels.
    pub indices: Vec<u8>,
}

#[inline]
fn rgb_key(px: &[u8]) -> u32 {
    (px[0] as u32) << 16 | (px[1] as u32) << 8 | px[2] as u32
}

#[inline]
fn channel(rgb: u32, c: usize) -> i32 {
    ((rgb >> (16 - 8 * c)) & 255) as i32
}

impl Quantizer {
    pub(super) fn new() -> Self {
        Quantizer {
            keys: vec![EMPTY; 4096],
            counts: vec![0; 4096],
            slot_index: vec![0; 4096],
            len: 0,
            colors: Vec::new(),
            palette: Vec::with_capacity(768),
            indices: Vec::new(),
        }
    }

    #[inline]
    fn slot(&self, key: u32) -> usize {
        let mask = self.keys.len() - 1;
        let mut s = (key.wrapping_mul(0x9E37_79B1) as usize >> 7) & mask;
        loop {
            let k = self.keys[s];
            if k == key || k == EMPTY {
                return s;
            }
            s = (s + 1) & mask;
        }
    }

    fn add(&mut self, key: u32, n: u32) {
        if (self.len + 1) * 2 > self.keys.len() {
            self.grow();
        }
        let s = self.slot(key);
        if self.keys[s] == EMPTY {
            self.keys[s] = key;
            self.counts[s] = 0;
            self.len += 1;
        }
        self.counts[s] += n;
    }

    fn grow(&mut self) {
        let size = self.keys.len() * 2;
        let old_keys = std::mem::replace(&mut self.keys, vec![EMPTY; size]);
        let old_counts = std::mem::take(&mut self.counts);
        self.counts = vec![0; self.keys.len()];
        self.slot_index = vec![0; self.keys.len()];
        for (k, c) in old_keys.into_iter().zip(old_counts) {
            if k != EMPTY {
                let s = self.slot(k);
                self.keys[s] = k;
                self.counts[s] = c;
            }
        }
    }

    /// Quantizes the rectangle `x0..x1 × y0..y1` of an opaque RGBA frame `width` pixels
    /// wide into [`Quantizer::palette`] and [`Quantizer::indices`]. With `prev` (the previous
    /// frame), pixels equal to it get a transparent index, which is returned; the other
    /// pixels then share at most 255 colours.
    pub(super) fn quantize(
        &mut self,
        rgba: &[u8],
        width: usize,
        rect: (usize, usize, usize, usize),
        prev: Option<&[u8]>,
    ) -> Option<u8> {
        let (x0, y0, x1, y1) = rect;
        let row = width * 4;
        let span = |y: usize| y * row + x0 * 4..y * row + x1 * 4;
        // `true` for pixels that are unchanged (transparent).
        let same = |y: usize, i: usize| match prev {
            Some(p) => {
                let o = y * row + x0 * 4 + i * 4;
                rgba[o..o + 4] == p[o..o + 4]
            }
            None => false,
        };
        self.keys.fill(EMPTY);
        self.len = 0;
        // Histogram, one hash operation per run of equal pixels.
        let mut run = (EMPTY, 0u32);
        for y in y0..y1 {
            for (i, px) in rgba[span(y)].chunks_exact(4).enumerate() {
                if same(y, i) {
                    continue;
                }
                let k = rgb_key(px);
                if k == run.0 {
                    run.1 += 1;
                } else {
                    if run.1 > 0 {
                        self.add(run.0, run.1);
                    }
                    run = (k, 1);
                }
            }
        }
        if run.1 > 0 {
            self.add(run.0, run.1);
        }
        self.colors.clear();
        for (s, &k) in self.keys.iter().enumerate() {
            if k != EMPTY {
                self.colors.push((k, self.counts[s], s as u32));
            }
        }
        // Deterministic order regardless of hash layout.
        self.colors.sort_unstable_by_key(|c| c.0);
        let max = if prev.is_some() { 255 } else { 256 };
        self.palette.clear();
        if self.colors.len() <= max {
            for (i, &(k, _, s)) in self.colors.iter().enumerate() {
                self.palette
                    .extend_from_slice(&[(k >> 16) as u8, (k >> 8) as u8, k as u8]);
                self.slot_index[s as usize] = i as u8;
            }
        } else {
            median_cut(&mut self.colors, max, &mut self.palette);
            self.map_to_nearest();
        }
        let transparent = prev.map(|_| {
            let t = (self.palette.len() / 3) as u8;
            self.palette.extend_from_slice(&[0, 0, 0]);
            t
        });
        // Map pixels, one hash lookup per run.
        self.indices.clear();
        let mut last = (EMPTY, 0u8);
        for y in y0..y1 {
            for (i, px) in rgba[span(y)].chunks_exact(4).enumerate() {
                if let (Some(t), true) = (transparent, same(y, i)) {
                    self.indices.push(t);
                    continue;
                }
                let k = rgb_key(px);
                if k != last.0 {
                    last = (k, self.slot_index[self.slot(k)]);
                }
                self.indices.push(last.1);
            }
        }
        // GIF needs at least two palette entries.
        if self.palette.len() < 6 {
            self.palette.resize(6, 0);
        }
        transparent
    }

    /// Sets every distinct colour's index to its nearest palette entry.
    fn map_to_nearest(&mut self) {
        let pal: Vec<[i32; 3]> = self
            .palette
            .chunks_exact(3)
            .map(|p| [p[0] as i32, p[1] as i32, p[2] as i32])
            .collect();
        for &(k, _, s) in &self.colors {
            let c = [channel(k, 0), channel(k, 1), channel(k, 2)];
            let mut best = (i32::MAX, 0usize);
            for (i, p) in pal.iter().enumerate() {
                let d = (c[0] - p[0]).pow(2) + (c[1] - p[1]).pow(2) + (c[2] - p[2]).pow(2);
                if d < best.0 {
                    best = (d, i);
                    if d == 0 {
                        break;
                    }
                }
            }
            self.slot_index[s as usize] = best.1 as u8;
        }
    }
}

/// Weighted median cut of `colors` (rgb, count, _) into at most `n` boxes; appends each
/// box's count-weighted mean colour to `palette`. The box split next is the one whose
/// widest channel range times the square root of its pixel count is largest, which gives
/// heavily used regions finer steps while isolated colours (plot lines) still get entries.
fn median_cut(colors: &mut [(u32, u32, u32)], n: usize, palette: &mut Vec<u8>) {
    struct Span {
        start: usize,
        end: usize,
        channel: usize,
        priority: f64,
    }
    let measure = |c: &[(u32, u32, u32)], start: usize, end: usize| -> Span {
        let mut lo = [255i32; 3];
        let mut hi = [0i32; 3];
        let mut count = 0u64;
        for &(k, w, _) in c {
            count += w as u64;
            for ch in 0..3 {
                let v = channel(k, ch);
                lo[ch] = lo[ch].min(v);
                hi[ch] = hi[ch].max(v);
            }
        }
        let ranges = [hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]];
        let channel = (0..3).max_by_key(|&ch| (ranges[ch], 2 - ch)).unwrap_or(0);
        let priority = if end - start > 1 {
            ranges[channel] as f64 * (count as f64).sqrt()
        } else {
            -1.0
        };
        Span {
            start,
            end,
            channel,
            priority,
        }
    };
    let mut spans = vec![measure(colors, 0, colors.len())];
    while spans.len() < n {
        let Some((bi, _)) = spans
            .iter()
            .enumerate()
            .filter(|(_, s)| s.priority > 0.0)
            .max_by(|a, b| a.1.priority.total_cmp(&b.1.priority))
        else {
            break;
        };
        let s = spans.swap_remove(bi);
        let part = &mut colors[s.start..s.end];
        part.sort_unstable_by_key(|c| (channel(c.0, s.channel), c.0));
        let total: u64 = part.iter().map(|c| c.1 as u64).sum();
        let mut acc = 0u64;
        let mut cut = part.len() / 2;
        for (i, c) in part.iter().enumerate() {
            acc += c.1 as u64;
            if acc * 2 >= total {
                cut = i + 1;
                break;
            }
        }
        let cut = cut.clamp(1, part.len() - 1);
        let mid = s.start + cut;
        spans.push(measure(&colors[s.start..mid], s.start, mid));
        spans.push(measure(&colors[mid..s.end], mid, s.end));
    }
    spans.sort_by_key(|s| s.start);
    for s in &spans {
        let mut sum = [0u64; 3];
        let mut count = 0u64;
        for &(k, w, _) in &colors[s.start..s.end] {
            for (ch, acc) in sum.iter_mut().enumerate() {
                *acc += channel(k, ch) as u64 * w as u64;
            }
            count += w as u64;
        }
        let count = count.max(1);
        for acc in sum {
            palette.push(((acc + count / 2) / count) as u8);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(colors: &[[u8; 3]]) -> Vec<u8> {
        colors
            .iter()
            .flat_map(|c| [c[0], c[1], c[2], 255])
            .collect()
    }

    #[test]
    fn few_colours_are_kept_exactly() {
        let px = frame(&[[255, 255, 255], [0, 0, 255], [255, 255, 255], [10, 20, 30]]);
        let mut q = Quantizer::new();
        assert_eq!(q.quantize(&px, 4, (0, 0, 4, 1), None), None);
        for (i, &ix) in q.indices.iter().enumerate() {
            assert_eq!(&q.palette[ix as usize * 3..][..3], &px[i * 4..i * 4 + 3]);
        }
    }

    #[test]
    fn unchanged_pixels_get_the_transparent_index() {
        let prev = frame(&[[255, 255, 255], [0, 0, 255], [255, 255, 255]]);
        let cur = frame(&[[255, 255, 255], [255, 0, 0], [255, 255, 255]]);
        let mut q = Quantizer::new();
        let t = q.quantize(&cur, 3, (0, 0, 3, 1), Some(&prev)).unwrap();
        assert_eq!(q.indices[0], t);
        assert_eq!(q.indices[2], t);
        assert_ne!(q.indices[1], t);
        assert_eq!(&q.palette[q.indices[1] as usize * 3..][..3], &[255, 0, 0]);
    }

    #[test]
    fn many_colours_keep_dominant_ones_and_stay_close() {
        // 4096 grey-blue blends plus a large white area and a pure red line.
        let mut cols = Vec::new();
        for i in 0..4096u32 {
            cols.push([(i % 64 * 4) as u8, (i / 64 * 4) as u8, 200]);
        }
        cols.extend(std::iter::repeat_n([255, 255, 255], 10000));
        cols.extend(std::iter::repeat_n([255, 0, 0], 300));
        let px = frame(&cols);
        let mut q = Quantizer::new();
        q.quantize(&px, cols.len(), (0, 0, cols.len(), 1), None);
        assert_eq!(q.palette.len(), 768);
        let got = |i: usize| {
            let ix = q.indices[i] as usize * 3;
            [q.palette[ix], q.palette[ix + 1], q.palette[ix + 2]]
        };
        assert_eq!(got(4096), [255, 255, 255]);
        assert_eq!(got(cols.len() - 1), [255, 0, 0]);
        let err: f64 = (0..4096)
            .map(|i| {
                let g = got(i);
                (0..3)
                    .map(|c| (g[c] as f64 - cols[i][c] as f64).abs())
                    .sum::<f64>()
                    / 3.0
            })
            .sum::<f64>()
            / 4096.0;
        assert!(err < 4.0, "mean error {err}");
    }
}
