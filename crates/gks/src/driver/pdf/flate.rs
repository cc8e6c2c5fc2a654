//! Deflate (zlib) compression of the PDF driver's streams: a fixed level for fonts, images
//! and content text, and a match search tuned for predicted rows.

/// Flate level for fonts and images: fast enough for 4000×4000 images.
pub(super) const DEFLATE_LEVEL: u8 = 6;

/// Flate level for content text: a few kilobytes, where the longest match search is cheap.
pub(super) const CONTENT_DEFLATE_LEVEL: u8 = 9;

/// Match search of predicted rows: miniz's "filtered" strategy (matches shorter than 6
/// bytes become literals, which suits data that is mostly zeros after prediction) with 128
/// probes. Measured on W8's 29.5 KB of rows: 256 probes gave 6208 bytes in 1.6 ms, 128
/// probes about 110 bytes more in 0.45 ms less; level 9 gave 6235 bytes in 3.1 ms and
/// level 6 6472 bytes in 1.1 ms.
pub(super) const ROWS_PROBES: u32 = 128;

/// Zlib-compresses `data` for a `/FlateDecode` stream.
pub(super) fn deflate(data: &[u8]) -> Vec<u8> {
    compress(data, DEFLATE_LEVEL)
}

/// Zlib-compresses `data` at `level` (0–10).
pub(super) fn compress(data: &[u8], level: u8) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, level)
}

/// Zlib-compresses `data` with the "filtered" strategy and `probes` match probes (see
/// [`ROWS_PROBES`]).
pub(super) fn compress_filtered(data: &[u8], probes: u32) -> Vec<u8> {
    use miniz_oxide::deflate::core::deflate_flags::{
        TDEFL_FILTER_MATCHES, TDEFL_WRITE_ZLIB_HEADER,
    };
    use miniz_oxide::deflate::core::{CompressorOxide, TDEFLFlush, TDEFLStatus};
    let flags = probes.min(0xfff) | TDEFL_WRITE_ZLIB_HEADER | TDEFL_FILTER_MATCHES;
    let mut c = CompressorOxide::new(flags);
    // Deflate never grows data by more than 5 bytes per 16 KB block plus the headers.
    let mut out = vec![0; data.len() + data.len() / 1000 + 64];
    let mut pos = (0, 0);
    loop {
        let (status, read, written) = miniz_oxide::deflate::core::compress(
            &mut c,
            &data[pos.0..],
            &mut out[pos.1..],
            TDEFLFlush::Finish,
        );
        pos = (pos.0 + read, pos.1 + written);
        match status {
            TDEFLStatus::Done => break,
            TDEFLStatus::Okay => out.resize(out.len() * 2, 0),
            // Only bad parameters fail; fall back to the plain compressor.
            _ => return compress(data, DEFLATE_LEVEL),
        }
    }
    out.truncate(pos.1);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn filtered_compression_round_trips() {
        // Predicted-row-like data, and incompressible data that outgrows the first buffer.
        let mut rows = Vec::new();
        for i in 0..5000u32 {
            rows.extend_from_slice(&[2, 0, 0, (i % 7) as u8, 0, 0, (i % 3) as u8, 0]);
        }
        let mut s = 0x9E37_79B9_7F4A_7C15u64;
        let noise: Vec<u8> = (0..100_000)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                (s >> 24) as u8
            })
            .collect();
        for data in [rows, noise, Vec::new()] {
            let packed = compress_filtered(&data, ROWS_PROBES);
            let back = miniz_oxide::inflate::decompress_to_vec_zlib(&packed).unwrap();
            assert_eq!(back, data);
        }
    }
}
