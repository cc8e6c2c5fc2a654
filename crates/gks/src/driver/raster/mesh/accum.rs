//! The buffer a mesh is composited into front to back: premultiplied RGBA in `f32`
//! (0..=255) over the mesh's pixel box. Source-over is associative, so painting the faces
//! near to far with the "under" operator gives the picture of painting them far to near,
//! and a pixel that is already opaque needs no more work. The finished buffer is
//! composited over the pixmap once (band by band, see `front_to_back`).

use crate::device::Rgba;

/// Alpha (0..=255) from which a pixel counts as opaque: what could still show through
/// would change no channel by more than half a step.
pub(super) const SATURATED: f32 = 254.5;

/// A colour premultiplied by its alpha, channels 0..=255.
pub(super) fn premul(c: Rgba) -> [f32; 4] {
    let a = c.a as f32 / 255.0;
    [c.r as f32 * a, c.g as f32 * a, c.b as f32 * a, c.a as f32]
}

/// Premultiplied RGBA accumulated under, over pixel box `x0..x0 + w`, `y0..y0 + h`, one
/// plane per channel (so that four neighbouring pixels are one vector); rows are padded by
/// [`PAD`] columns that nothing is added to.
pub(super) struct Accum {
    /// Page pixel of column 0.
    pub x0: usize,
    /// Page pixel of row 0.
    pub y0: usize,
    /// Columns.
    pub w: usize,
    /// Rows.
    pub h: usize,
    /// Distance between rows in the planes (`w + PAD`).
    pub stride: usize,
    /// Width of the page (the row stride of page-sized masks).
    pub page_width: usize,
    /// Red, green, blue and alpha planes.
    pub planes: [Vec<f32>; 4],
    /// One byte per group of [`GROUP`] columns (from column 0) of each row, non-zero once
    /// every pixel of the group is opaque, [`Accum::group_stride`] per row. It may miss
    /// opaque groups (the exact path does not set it), never the other way round.
    pub opaque_groups: Vec<u8>,
    /// Distance between rows in [`Accum::opaque_groups`].
    pub group_stride: usize,
}

/// Columns of a group in [`Accum::opaque_groups`]: the four pixels of one vector.
pub(super) const GROUP: usize = 4;

thread_local! {
    /// Planes of finished buffers (a mesh's bands), reused by the next mesh on this thread:
    /// a page-sized buffer is 7.7 MB at 800×600, and allocating it anew costs more page
    /// faults than filling it with zeros.
    static POOL: std::cell::RefCell<Vec<Vec<f32>>> = const { std::cell::RefCell::new(Vec::new()) };
}

thread_local! {
    /// [`Accum::opaque_groups`] of the last finished buffer on this thread.
    static GROUPS_POOL: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Drop for Accum {
    fn drop(&mut self) {
        GROUPS_POOL.with(|pool| *pool.borrow_mut() = std::mem::take(&mut self.opaque_groups));
        POOL.with(|pool| {
            let mut pool = pool.borrow_mut();
            for plane in &mut self.planes {
                if pool.len() < 64 {
                    pool.push(std::mem::take(plane));
                }
            }
        });
    }
}

/// Padding columns at the end of each row of an [`Accum`]: a group of [`GROUP`] columns
/// starting at any column `< w` lies inside the row.
pub(super) const PAD: usize = 4;

impl Accum {
    /// An empty (transparent) buffer for page box `[x0, x1) × [y0, y1)`.
    pub fn new(x0: usize, y0: usize, x1: usize, y1: usize, page_width: usize) -> Self {
        let (w, h) = (x1 - x0, y1 - y0);
        let n = (w + PAD) * h;
        let group_stride = (w + PAD) / GROUP;
        let mut opaque_groups = GROUPS_POOL.with(|pool| std::mem::take(&mut *pool.borrow_mut()));
        opaque_groups.clear();
        opaque_groups.resize(group_stride * h, 0);
        Accum {
            opaque_groups,
            group_stride,
            x0,
            y0,
            w,
            h,
            stride: w + PAD,
            page_width,
            planes: std::array::from_fn(|_| {
                let mut plane = POOL
                    .with(|pool| pool.borrow_mut().pop())
                    .unwrap_or_default();
                plane.clear();
                plane.resize(n, 0.0);
                plane
            }),
        }
    }

    /// Adds premultiplied `s` (channels 0..=255) under pixel `(x, y)` of the page (inside
    /// the box).
    #[inline]
    pub fn under(&mut self, x: usize, y: usize, s: [f32; 4]) {
        let i = (y - self.y0) * self.stride + (x - self.x0);
        let w = 1.0 - self.planes[3][i] * (1.0 / 255.0);
        for (plane, s) in self.planes.iter_mut().zip(s) {
            plane[i] += s * w;
        }
    }

    /// True if pixel `(x, y)` of the page is already opaque.
    #[inline]
    pub fn opaque(&self, x: usize, y: usize) -> bool {
        self.planes[3][(y - self.y0) * self.stride + (x - self.x0)] >= SATURATED
    }

    /// Composites the buffer over page rows held in `data` (`stride` bytes per row, the
    /// first of them page row `first_row`), which must include the buffer's rows.
    pub fn composite_rows(&self, data: &mut [u8], stride: usize, first_row: usize) {
        let [r, g, b, a] = &self.planes;
        for row in 0..self.h {
            let base = (self.y0 + row - first_row) * stride + self.x0 * 4;
            let out = &mut data[base..base + self.w * 4];
            let i0 = row * self.stride;
            for (c, d) in out.chunks_exact_mut(4).enumerate() {
                let i = i0 + c;
                let sa = a[i];
                if sa <= 0.0 {
                    continue;
                }
                let keep = 1.0 - sa * (1.0 / 255.0);
                let s = [r[i], g[i], b[i], sa];
                for ch in 0..4 {
                    let v = s[ch] + d[ch] as f32 * keep + 0.5;
                    d[ch] = v.clamp(0.0, 255.0) as u8;
                }
            }
        }
    }
}
