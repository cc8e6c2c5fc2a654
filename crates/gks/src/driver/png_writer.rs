//! The PNG writer of the raster outputs: rows Paeth-filtered on all cores, then one fast
//! DEFLATE stream ([`fdeflate`], made for filtered image data), in the chunks of the PNG
//! specification (signature, `IHDR`, `IDAT`, `IEND`, each with its CRC-32).
//!
//! Filtering is independent per row when encoding (every input byte is known), so the rows
//! are split over the cores; only the compression is sequential. A page of 800×600 RGB is
//! 1.4 MB of filtered rows, which are kept in a per-thread buffer between pages, as live
//! display writes one page after another.

use std::cell::RefCell;

use rayon::prelude::*;

/// Rows per parallel task.
const ROWS_PER_TASK: usize = 32;

/// Pixel layouts of the rows [`png_file`] takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    /// 8-bit RGB, 3 bytes per pixel.
    Rgb,
    /// 8-bit straight-alpha RGBA, 4 bytes per pixel.
    Rgba,
}

impl Layout {
    fn bytes_per_pixel(self) -> usize {
        match self {
            Layout::Rgb => 3,
            Layout::Rgba => 4,
        }
    }

    /// The PNG colour type.
    fn color_type(self) -> u8 {
        match self {
            Layout::Rgb => 2,
            Layout::Rgba => 6,
        }
    }
}

thread_local! {
    /// Filtered rows of the last image encoded on this thread.
    static FILTERED: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// A PNG file of `width × height` pixels from `data` (rows of `layout` pixels, top row
/// first), every row with the Paeth filter.
pub(crate) fn png_file(
    width: u32,
    height: u32,
    layout: Layout,
    data: &[u8],
) -> Result<Vec<u8>, String> {
    let row = width as usize * layout.bytes_per_pixel();
    if width == 0 || height == 0 || data.len() != row * height as usize {
        return Err(format!(
            "{width}x{height} {layout:?} image needs {} bytes, got {}",
            row * height as usize,
            data.len()
        ));
    }
    let mut filtered = FILTERED.with(|f| std::mem::take(&mut *f.borrow_mut()));
    filtered.resize((row + 1) * height as usize, 0);
    let bpp = layout.bytes_per_pixel();
    filtered
        .par_chunks_mut((row + 1) * ROWS_PER_TASK)
        .enumerate()
        .for_each(|(task, out)| {
            for (k, out) in out.chunks_exact_mut(row + 1).enumerate() {
                let y = task * ROWS_PER_TASK + k;
                let cur = &data[y * row..(y + 1) * row];
                let prev = (y > 0).then(|| &data[(y - 1) * row..y * row]);
                out[0] = 4; // Paeth
                paeth_row(&mut out[1..], cur, prev, bpp);
            }
        });
    let zlib = deflate(&filtered);
    FILTERED.with(|f| *f.borrow_mut() = filtered);
    let zlib = zlib?;
    let mut png = Vec::with_capacity(zlib.len() + 64);
    png.extend_from_slice(b"\x89PNG\r\n\x1a\n");
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    // Bit depth 8, colour type, deflate compression, adaptive filtering, no interlace.
    header.extend_from_slice(&[8, layout.color_type(), 0, 0, 0]);
    chunk(&mut png, b"IHDR", &header);
    chunk(&mut png, b"IDAT", &zlib);
    chunk(&mut png, b"IEND", &[]);
    Ok(png)
}

/// One zlib stream of `data`.
fn deflate(data: &[u8]) -> Result<Vec<u8>, String> {
    let mut c =
        fdeflate::Compressor::new(Vec::with_capacity(data.len() / 8)).map_err(|e| e.to_string())?;
    c.write_data(data).map_err(|e| e.to_string())?;
    c.finish().map_err(|e| e.to_string())
}

/// Appends a PNG chunk: length, type, data, CRC-32 of type and data.
fn chunk(png: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    png.extend_from_slice(&(data.len() as u32).to_be_bytes());
    png.extend_from_slice(kind);
    png.extend_from_slice(data);
    let mut crc = crc32fast::Hasher::new();
    crc.update(kind);
    crc.update(data);
    png.extend_from_slice(&crc.finalize().to_be_bytes());
}

/// The Paeth filter of row `cur` (`prev` is the row above, none for the first row):
/// every byte minus the predictor of its left, upper and upper-left neighbours (those
/// outside the image are 0).
fn paeth_row(out: &mut [u8], cur: &[u8], prev: Option<&[u8]>, bpp: usize) {
    let n = cur.len();
    match prev {
        None => {
            // With the row above all zero the predictor is the left neighbour (the Sub
            // filter).
            out[..bpp].copy_from_slice(&cur[..bpp]);
            for i in bpp..n {
                out[i] = cur[i].wrapping_sub(cur[i - bpp]);
            }
        }
        Some(up) => {
            for i in 0..bpp {
                // Left and upper-left are 0: the predictor is the byte above.
                out[i] = cur[i].wrapping_sub(up[i]);
            }
            let lanes = out[bpp..]
                .iter_mut()
                .zip(&cur[bpp..])
                .zip(&cur[..n - bpp])
                .zip(up[bpp..].iter().zip(&up[..n - bpp]));
            for (((o, &x), &a), (&b, &c)) in lanes {
                *o = x.wrapping_sub(paeth(a, b, c));
            }
        }
    }
}

/// The Paeth predictor: of left `a`, above `b` and upper-left `c`, the one nearest to
/// `a + b − c` (ties in the order a, b, c).
#[inline(always)]
fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let (a16, b16, c16) = (a as i16, b as i16, c as i16);
    let pa = (b16 - c16).abs();
    let pb = (a16 - c16).abs();
    let pc = (a16 + b16 - 2 * c16).abs();
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An image with noise, gradients and flat areas, decoded again by the `png` crate.
    #[test]
    fn images_decode_to_the_same_pixels() {
        for (layout, w, h) in [(Layout::Rgb, 301, 77), (Layout::Rgba, 64, 200)] {
            let bpp = layout.bytes_per_pixel();
            let mut state = 7u32;
            let data: Vec<u8> = (0..w * h * bpp)
                .map(|i| {
                    state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                    let (x, y) = ((i / bpp) % w, i / bpp / w);
                    match (x / 50 + y / 20) % 3 {
                        0 => (state >> 24) as u8,
                        1 => (x + 3 * y) as u8,
                        _ => 200,
                    }
                })
                .collect();
            let file = png_file(w as u32, h as u32, layout, &data).unwrap();
            let mut reader = png::Decoder::new(std::io::Cursor::new(&file))
                .read_info()
                .unwrap();
            let mut buf = vec![0; reader.output_buffer_size().unwrap()];
            let info = reader.next_frame(&mut buf).unwrap();
            assert_eq!((info.width, info.height), (w as u32, h as u32));
            let expected = match layout {
                Layout::Rgb => png::ColorType::Rgb,
                Layout::Rgba => png::ColorType::Rgba,
            };
            assert_eq!(info.color_type, expected);
            assert_eq!(&buf[..info.buffer_size()], &data[..], "{layout:?}");
        }
    }

    #[test]
    fn wrong_sizes_are_an_error() {
        let e = png_file(10, 10, Layout::Rgb, &[0; 299]).unwrap_err();
        assert!(e.contains("needs 300 bytes, got 299"), "{e}");
        assert!(png_file(0, 10, Layout::Rgba, &[]).is_err());
    }

    #[test]
    fn the_predictor_follows_the_specification() {
        // p = a + b − c; nearest of a, b, c to p, ties a before b before c.
        assert_eq!(paeth(10, 20, 10), 20); // p = 20: b
        assert_eq!(paeth(20, 10, 10), 20); // p = 20: a
        assert_eq!(paeth(10, 10, 10), 10);
        assert_eq!(paeth(0, 255, 255), 0); // p = 0: a
        assert_eq!(paeth(100, 50, 200), 50); // p = −50: distances 150, 100, 250: b
    }
}
