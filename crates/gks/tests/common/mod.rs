//! Shared helpers of the integration tests: PNG I/O, image comparison with a stated
//! tolerance, diff images, and reference blessing (`GR_BLESS=1`).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// An RGBA raster.
#[derive(Debug)]
pub struct Raster {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn diffs_dir() -> PathBuf {
    let d = crate_dir().join("../../target/diffs");
    std::fs::create_dir_all(&d).unwrap();
    d
}

pub fn read_png(path: &Path) -> Raster {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    let rgba = match info.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::Rgb => buf
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        png::ColorType::Grayscale => buf.iter().flat_map(|&v| [v, v, v, 255]).collect(),
        png::ColorType::GrayscaleAlpha => buf
            .chunks_exact(2)
            .flat_map(|p| [p[0], p[0], p[0], p[1]])
            .collect(),
        other => panic!("unsupported PNG colour type {other:?}"),
    };
    assert_eq!(info.bit_depth, png::BitDepth::Eight, "{}", path.display());
    Raster {
        width: info.width,
        height: info.height,
        rgba,
    }
}

pub fn write_png(path: &Path, r: &Raster) {
    let bytes = gks::driver::encode::png_bytes(r.width, r.height, &r.rgba).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// Composites straight-alpha RGBA over white, so transparent and white pages compare equal.
pub fn over_white(r: &Raster) -> Raster {
    let rgba = r
        .rgba
        .chunks_exact(4)
        .flat_map(|p| {
            let a = p[3] as u32;
            let c = |v: u8| ((v as u32 * a + 255 * (255 - a) + 127) / 255) as u8;
            [c(p[0]), c(p[1]), c(p[2]), 255]
        })
        .collect();
    Raster {
        width: r.width,
        height: r.height,
        rgba,
    }
}

/// How two rasters differ.
#[derive(Debug)]
pub struct Diff {
    /// Pixels whose largest channel difference exceeds the per-channel tolerance.
    pub bad_pixels: usize,
    /// Mean absolute channel difference over all pixels (0..255).
    pub mean_abs: f64,
    pub diff_image: Raster,
}

pub fn diff(a: &Raster, b: &Raster, channel_tolerance: u8) -> Diff {
    assert_eq!(
        (a.width, a.height),
        (b.width, b.height),
        "raster sizes differ"
    );
    let mut bad = 0;
    let mut sum = 0u64;
    let mut img = Vec::with_capacity(a.rgba.len());
    for (p, q) in a.rgba.chunks_exact(4).zip(b.rgba.chunks_exact(4)) {
        let d = (0..4).map(|i| p[i].abs_diff(q[i])).max().unwrap();
        sum += (0..3).map(|i| p[i].abs_diff(q[i]) as u64).sum::<u64>();
        if d > channel_tolerance {
            bad += 1;
            img.extend_from_slice(&[255, 0, 0, 255]);
        } else {
            let g = 255 - (p[0] as u16 + p[1] as u16 + p[2] as u16) as u8 / 12;
            img.extend_from_slice(&[g, g, g, 255]);
        }
    }
    Diff {
        bad_pixels: bad,
        mean_abs: sum as f64 / (a.rgba.len() / 4 * 3) as f64,
        diff_image: Raster {
            width: a.width,
            height: a.height,
            rgba: img,
        },
    }
}

/// Compares `actual` with `tests/ref/NAME.png`: at most `max_bad` pixels may differ by more
/// than `channel_tolerance` in any channel. With `GR_BLESS=1` the reference is rewritten.
pub fn check_reference(name: &str, actual: &Raster, channel_tolerance: u8, max_bad: usize) {
    let ref_path = crate_dir().join("tests/ref").join(format!("{name}.png"));
    if std::env::var_os("GR_BLESS").is_some() || !ref_path.exists() {
        if std::env::var_os("GR_BLESS").is_none() {
            panic!(
                "missing reference {} (run with GR_BLESS=1 to create it, then look at it)",
                ref_path.display()
            );
        }
        write_png(&ref_path, actual);
        return;
    }
    let expected = read_png(&ref_path);
    let d = diff(&expected, actual, channel_tolerance);
    if d.bad_pixels > max_bad {
        let dir = diffs_dir();
        write_png(&dir.join(format!("{name}-expected.png")), &expected);
        write_png(&dir.join(format!("{name}-actual.png")), actual);
        write_png(&dir.join(format!("{name}-diff.png")), &d.diff_image);
        panic!(
            "{name}: {} pixels differ by more than {channel_tolerance}/255 (allowed {max_bad}); \
             see {}/{name}-{{expected,actual,diff}}.png",
            d.bad_pixels,
            dir.display()
        );
    }
}

/// True if an external program can be run (`prog --version` or `-v` works).
pub fn have_program(prog: &str) -> bool {
    std::process::Command::new(prog)
        .arg(if prog == "pdftoppm" {
            "-v"
        } else {
            "--version"
        })
        .output()
        .is_ok()
}
