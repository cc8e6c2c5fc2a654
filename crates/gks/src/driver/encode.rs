//! Small encoders shared by the drivers: PNG (for embedded and written rasters) and Base64
//! (for `data:` URLs in SVG).

/// Encodes a straight-alpha RGBA raster (`width * height * 4` bytes, row-major, top row first)
/// as a PNG file.
///
/// The file is 8-bit RGB when every pixel is opaque, 8-bit RGBA otherwise, compressed as
/// `png_rows` does (fast DEFLATE, Paeth filter).
pub fn png_bytes(width: u32, height: u32, rgba: &[u8]) -> Result<Vec<u8>, String> {
    if width == 0 || height == 0 {
        return Err(format!("empty image {width}x{height}"));
    }
    let expected = (width as usize)
        .checked_mul(height as usize)
        .and_then(|n| n.checked_mul(4))
        .ok_or_else(|| format!("image {width}x{height} is too large"))?;
    if rgba.len() != expected {
        return Err(format!(
            "image {width}x{height} needs {expected} RGBA bytes, got {}",
            rgba.len()
        ));
    }
    if rgba.chunks_exact(4).all(|p| p[3] == 255) {
        let rgb: Vec<u8> = rgba
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect();
        png_rows(width, height, png::ColorType::Rgb, &rgb)
    } else {
        png_rows(width, height, png::ColorType::Rgba, rgba)
    }
}

/// Encodes rows of 8-bit `color` pixels (RGB or RGBA, top row first) as a PNG file, with
/// fast DEFLATE (fdeflate) and the Paeth filter on every row (on plots within a few per
/// cent of the adaptive filter choice in size, in a fraction of its time), rows filtered
/// on all cores.
pub(crate) fn png_rows(
    width: u32,
    height: u32,
    color: png::ColorType,
    data: &[u8],
) -> Result<Vec<u8>, String> {
    let layout = match color {
        png::ColorType::Rgb => super::png_writer::Layout::Rgb,
        png::ColorType::Rgba => super::png_writer::Layout::Rgba,
        other => return Err(format!("unsupported PNG colour type {other:?}")),
    };
    super::png_writer::png_file(width, height, layout, data)
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Base64 with the standard alphabet (RFC 4648 §4) and `=` padding, without line breaks.
pub fn base64(data: &[u8]) -> String {
    let mut s = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b0 = chunk[0] as u32;
        let b1 = chunk.get(1).copied().unwrap_or(0) as u32;
        let b2 = chunk.get(2).copied().unwrap_or(0) as u32;
        let n = (b0 << 16) | (b1 << 8) | b2;
        s.push(B64[(n >> 18) as usize & 63] as char);
        s.push(B64[(n >> 12) as usize & 63] as char);
        if chunk.len() > 1 {
            s.push(B64[(n >> 6) as usize & 63] as char);
        } else {
            s.push('=');
        }
        if chunk.len() > 2 {
            s.push(B64[n as usize & 63] as char);
        } else {
            s.push('=');
        }
    }
    s
}

/// Appends `v` rounded to `decimals` places with trailing zeros (and a trailing point)
/// removed; `-0` is written as `0` and non-finite values as `0`. Never uses an exponent, so
/// the result is valid in SVG, PostScript and PDF alike.
///
/// The text is exactly that of `format!("{v:.decimals$}")` after trimming, but without the
/// float formatting machinery: `v·10^decimals` is rounded to an integer whose digits are
/// written directly. The product's rounding error is below 2^-21 for the values taken this
/// way, so only values within 10^-5 of a rounding tie (and very large values) can differ and
/// those go through the exact formatter.
pub(crate) fn push_num(out: &mut String, v: f64, decimals: usize) {
    const POW10: [f64; 10] = [1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
    let v = if v.is_finite() { v } else { 0.0 };
    if let Some(&scale) = POW10.get(decimals) {
        let m = v * scale;
        let a = m.abs();
        if a < 2_147_483_648.0 {
            let floor = a.floor();
            let frac = a - floor;
            if (frac - 0.5).abs() > 1e-5 {
                let units = floor as u64 + u64::from(frac > 0.5);
                push_units(out, units, decimals, m < 0.0);
                return;
            }
        }
    }
    push_num_exact(out, v, decimals);
}

/// Writes `units · 10^-decimals` (negative if `neg` and non-zero) as the shortest decimal.
fn push_units(out: &mut String, units: u64, decimals: usize, neg: bool) {
    if units == 0 {
        out.push('0');
        return;
    }
    let mut buf = [0u8; 24];
    let mut i = buf.len();
    let mut n = units;
    let mut digits = decimals;
    // Trailing zeros of the fraction are dropped.
    while digits > 0 && n % 10 == 0 {
        n /= 10;
        digits -= 1;
    }
    if digits > 0 {
        for _ in 0..digits {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
        }
        i -= 1;
        buf[i] = b'.';
    }
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if neg {
        i -= 1;
        buf[i] = b'-';
    }
    out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or("0"));
}

/// The reference behaviour of [`push_num`], through `format!` (used near rounding ties).
fn push_num_exact(out: &mut String, v: f64, decimals: usize) {
    use std::fmt::Write;
    let start = out.len();
    let _ = write!(out, "{v:.decimals$}");
    if decimals > 0 {
        let trimmed = out[start..]
            .trim_end_matches('0')
            .trim_end_matches('.')
            .len();
        out.truncate(start + trimmed);
    }
    if &out[start..] == "-0" {
        out.truncate(start);
        out.push('0');
    }
}

/// [`push_num`] into a new string.
pub(crate) fn num(v: f64, decimals: usize) -> String {
    let mut s = String::new();
    push_num(&mut s, v, decimals);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_rfc4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (i, o) in cases {
            assert_eq!(base64(i.as_bytes()), o, "input {i:?}");
        }
        assert_eq!(base64(&[0xfb, 0xff, 0xfe]), "+//+");
        assert_eq!(base64(&[0, 0, 0, 0]), "AAAAAA==");
    }

    fn decode(png_data: &[u8]) -> (png::ColorType, u32, u32, Vec<u8>) {
        let dec = png::Decoder::new(std::io::Cursor::new(png_data));
        let mut r = dec.read_info().unwrap();
        let mut buf = vec![0; r.output_buffer_size().unwrap()];
        let info = r.next_frame(&mut buf).unwrap();
        buf.truncate(info.buffer_size());
        (info.color_type, info.width, info.height, buf)
    }

    #[test]
    fn png_opaque_is_rgb_and_round_trips() {
        let rgba = [
            255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 10, 20, 30, 255,
        ];
        let data = png_bytes(2, 2, &rgba).unwrap();
        assert_eq!(&data[..8], b"\x89PNG\r\n\x1a\n");
        let (ct, w, h, px) = decode(&data);
        assert_eq!((ct, w, h), (png::ColorType::Rgb, 2, 2));
        assert_eq!(px, [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30]);
    }

    #[test]
    fn png_with_alpha_is_rgba_and_round_trips() {
        let rgba = [255, 0, 0, 128, 0, 255, 0, 0, 1, 2, 3, 255];
        let data = png_bytes(3, 1, &rgba).unwrap();
        let (ct, w, h, px) = decode(&data);
        assert_eq!((ct, w, h), (png::ColorType::Rgba, 3, 1));
        assert_eq!(px, rgba);
    }

    #[test]
    fn numbers_are_trimmed_and_deterministic() {
        assert_eq!(num(1.0, 3), "1");
        assert_eq!(num(1.25, 3), "1.25");
        assert_eq!(num(-0.0001, 3), "0");
        assert_eq!(num(-2.5, 0), "-2");
        assert_eq!(num(1234567.0, 3), "1234567");
        assert_eq!(num(0.0058593, 6), "0.005859");
        assert_eq!(num(f64::NAN, 3), "0");
        assert_eq!(num(100.0, 0), "100");
    }

    #[test]
    fn fast_numbers_match_the_formatter() {
        // Deterministic pseudo-random values over many magnitudes, plus ties and edges.
        let mut s = 0x2545_F491_4F6C_DD1Du64;
        let mut values = vec![
            0.125, -0.125, 2.5, -2.5, 0.005, 1.005, 2.675, 1e-9, -1e-9, 0.5, 1e12, -3e15, 99.995,
        ];
        for _ in 0..200_000 {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            let mant = (s >> 11) as f64 / (1u64 << 53) as f64 - 0.5;
            let exp = (s % 17) as i32 - 8;
            values.push(mant * 10f64.powi(exp));
            // Values on a coarse grid hit exact and near ties.
            values.push(((s >> 20) % 100_000) as f64 / 1000.0 - 50.0);
        }
        for &v in &values {
            for d in 0..=7 {
                let mut fast = String::new();
                push_num(&mut fast, v, d);
                let mut exact = String::new();
                push_num_exact(&mut exact, v, d);
                assert_eq!(fast, exact, "{v:e} with {d} decimals");
            }
        }
    }

    #[test]
    fn png_rejects_bad_sizes() {
        assert!(png_bytes(2, 2, &[0; 15]).is_err());
        assert!(png_bytes(0, 2, &[]).is_err());
    }
}
