//! Test helpers shared by the crates of GR for Rust: PNG I/O, image comparison with a
//! stated tolerance, diff images written to `target/diffs/`, and reference images that
//! `GR_BLESS=1` rewrites.

use std::path::{Path, PathBuf};
use std::process::Command;

/// An RGBA raster.
#[derive(Debug)]
pub struct Raster {
    /// Columns.
    pub width: u32,
    /// Rows.
    pub height: u32,
    /// Straight-alpha RGBA bytes, row-major from the top.
    pub rgba: Vec<u8>,
}

/// The workspace's `target/` directory.
pub fn target_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target")
}

/// `target/diffs/`, created if missing.
pub fn diffs_dir() -> PathBuf {
    let d = target_dir().join("diffs");
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Reads an 8-bit PNG of any colour type as RGBA.
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

/// Writes an RGBA PNG.
pub fn write_png(path: &Path, r: &Raster) {
    let file = std::fs::File::create(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut enc = png::Encoder::new(std::io::BufWriter::new(file), r.width, r.height);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    enc.set_compression(png::Compression::High);
    let mut w = enc.write_header().unwrap();
    w.write_image_data(&r.rgba).unwrap();
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
    /// Differing pixels in red over a faded copy of the first image.
    pub diff_image: Raster,
}

/// Compares two rasters of the same size.
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

/// Compares `actual` with `REF_DIR/NAME.png`: at most `max_bad` pixels may differ by more
/// than `channel_tolerance` in any channel. With `GR_BLESS=1` the reference is rewritten.
pub fn check_reference(
    ref_dir: &Path,
    name: &str,
    actual: &Raster,
    channel_tolerance: u8,
    max_bad: usize,
) {
    let ref_path = ref_dir.join(format!("{name}.png"));
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

/// True if `prog` can be run; if not, panics with what to install unless
/// `GR_SKIP_EXTERNAL` is set (then the caller skips its test).
pub fn external_available(prog: &str) -> bool {
    if have_program(prog) {
        return true;
    }
    if std::env::var_os("GR_SKIP_EXTERNAL").is_some() {
        eprintln!("skipping: {prog} not installed and GR_SKIP_EXTERNAL is set");
        return false;
    }
    panic!("{prog} is not installed (apt-get install poppler-utils ghostscript), or set GR_SKIP_EXTERNAL=1");
}

/// Renders a PDF (`kind` "pdf", with poppler's `pdftoppm`) or PS/EPS file (Ghostscript) to a
/// raster of `size` pixels at `dpi`, supersampled 4× and box-filtered down.
pub fn render_external(kind: &str, name: &str, file: &Path, dpi: f64, size: (u32, u32)) -> Raster {
    let out = file.with_extension("");
    let status = match kind {
        "pdf" => Command::new("pdftoppm")
            .args([
                "-png",
                "-singlefile",
                "-scale-to-x",
                &(size.0 * SUPERSAMPLE).to_string(),
                "-scale-to-y",
                &(size.1 * SUPERSAMPLE).to_string(),
            ])
            .arg(file)
            .arg(&out)
            .status(),
        // Ghostscript fills every pixel a shape touches and poppler snaps thin lines to whole
        // pixels; both render at 4× and 4×4 blocks are averaged, which gives anti-aliasing
        // comparable to ours.
        _ => Command::new("gs")
            .args(["-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=png16m"])
            .arg(format!("-r{}", dpi * SUPERSAMPLE as f64))
            .arg(format!("-sOutputFile={}.png", out.display()))
            .arg(file)
            .status(),
    }
    .unwrap_or_else(|e| panic!("running the {kind} renderer for {name}: {e}"));
    assert!(status.success(), "{kind} renderer failed on {name}");
    downsample(&read_png(&out.with_extension("png")), SUPERSAMPLE)
}

/// Supersampling factor of [`render_external`].
pub const SUPERSAMPLE: u32 = 4;

/// Averages `f`×`f` blocks.
pub fn downsample(r: &Raster, f: u32) -> Raster {
    let (w, h) = (r.width / f, r.height / f);
    let mut rgba = Vec::with_capacity((w * h * 4) as usize);
    for y in 0..h {
        for x in 0..w {
            let mut acc = [0u32; 4];
            for dy in 0..f {
                for dx in 0..f {
                    let o = (((y * f + dy) * r.width + x * f + dx) * 4) as usize;
                    for (a, &v) in acc.iter_mut().zip(&r.rgba[o..o + 4]) {
                        *a += v as u32;
                    }
                }
            }
            rgba.extend(acc.map(|v| ((v + f * f / 2) / (f * f)) as u8));
        }
    }
    Raster {
        width: w,
        height: h,
        rgba,
    }
}

/// Renders an SVG document with resvg onto a transparent `width`×`height` raster (the
/// document's viewport is scaled to fill it).
pub fn render_svg(svg: &str, width: u32, height: u32) -> Raster {
    let tree = usvg::Tree::from_str(svg, &usvg::Options::default()).expect("the SVG parses");
    let mut pm = tiny_skia::Pixmap::new(width, height).expect("raster size");
    let size = tree.size();
    let t = tiny_skia::Transform::from_scale(
        width as f32 / size.width(),
        height as f32 / size.height(),
    );
    resvg::render(&tree, t, &mut pm.as_mut());
    let rgba = pm
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    Raster {
        width,
        height,
        rgba,
    }
}
