//! Tests of the PDF driver. Tests that need poppler-utils (`pdftoppm`, `pdffonts`,
//! `pdftotext`, `pdfinfo`) skip with a message when the program is missing.

use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;

use super::*;
use crate::device::{Glyph, Image, Pattern, StrokeStyle};

const RED: Rgba = Rgba::rgb(220, 0, 0);
const BLUE: Rgba = Rgba::rgb(0, 0, 200);
const GREEN: Rgba = Rgba::rgb(0, 160, 0);

fn out_dir() -> PathBuf {
    let d = std::env::temp_dir().join("gks-pdf-tests");
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn have(program: &str) -> bool {
    let ok = Command::new(program).arg("-v").output().is_ok();
    if !ok {
        eprintln!("skipping: {program} (poppler-utils) is not installed");
    }
    ok
}

/// Writes the PDF to the test directory and returns its path.
fn save(pdf: &[u8], name: &str) -> PathBuf {
    let path = out_dir().join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).unwrap();
    path
}

/// A rendered page: width, height, RGB bytes.
struct Raster {
    w: usize,
    h: usize,
    rgb: Vec<u8>,
}

impl Raster {
    fn at(&self, x: usize, y: usize) -> [u8; 3] {
        let i = (y * self.w + x) * 3;
        [self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]]
    }
}

fn close(a: [u8; 3], b: Rgba, tol: i32) -> bool {
    (a[0] as i32 - b.r as i32).abs() <= tol
        && (a[1] as i32 - b.g as i32).abs() <= tol
        && (a[2] as i32 - b.b as i32).abs() <= tol
}

/// Renders page 1 with `pdftoppm` at `dpi` (None if pdftoppm is missing).
fn render(pdf: &[u8], name: &str, dpi: u32) -> Option<Raster> {
    if !have("pdftoppm") {
        return None;
    }
    let path = save(pdf, name);
    let stem = out_dir().join(name);
    let st = Command::new("pdftoppm")
        .args([
            "-png",
            "-r",
            &dpi.to_string(),
            "-singlefile",
            "-f",
            "1",
            "-l",
            "1",
        ])
        .arg(&path)
        .arg(&stem)
        .status()
        .unwrap();
    assert!(st.success(), "pdftoppm failed on {}", path.display());
    let file = std::fs::File::open(stem.with_extension("png")).unwrap();
    let mut dec = png::Decoder::new(std::io::BufReader::new(file));
    dec.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = dec.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let (w, h) = (info.width as usize, info.height as usize);
    let ch = info.color_type.samples();
    let rgb = buf[..w * h * ch]
        .chunks_exact(ch)
        .flat_map(|p| [p[0], p[1.min(ch - 1)], p[2.min(ch - 1)]])
        .collect();
    Some(Raster { w, h, rgb })
}

fn run_tool(program: &str, args: &[&str], pdf: &std::path::Path) -> Option<String> {
    if !have(program) {
        return None;
    }
    let out = Command::new(program).args(args).arg(pdf).output().unwrap();
    assert!(
        out.status.success(),
        "{program} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn blank(width: f64, height: f64, dpi: f64) -> Page {
    Page {
        width,
        height,
        dpi,
        background: Some(Rgba::WHITE),
        ops: Vec::new(),
    }
}

fn fill(path: Path, color: Rgba) -> DeviceOp {
    DeviceOp::Fill {
        path,
        rule: FillRule::NonZero,
        color,
    }
}

/// A run of `text` in the default face with its baseline starting at device (`x`, `y`).
fn text_run(face: FaceId, text: &str, x: f64, y: f64, size: f64, angle: f64) -> GlyphRun {
    let f = crate::font::face(face);
    let s = size / f.units_per_em() as f64;
    let mut pen = 0.0;
    let mut glyphs = Vec::new();
    for ch in text.chars() {
        let id = f.glyph_index(ch).map(|g| g.0).unwrap_or(0);
        glyphs.push(Glyph {
            id,
            x: pen,
            y: 0.0,
            ch,
        });
        pen += f.glyph_hor_advance(ttf_parser::GlyphId(id)).unwrap_or(0) as f64 * s;
    }
    let (sn, cs) = angle.to_radians().sin_cos();
    // Text space is y up, device space y down: rotate counter-clockwise on the page.
    GlyphRun {
        face,
        size,
        transform: Affine {
            m: [cs, -sn, -sn, -cs, x, y],
        },
        glyphs,
    }
}

fn checker_image() -> Image {
    let px: [[u8; 4]; 9] = [
        [255, 0, 0, 255],
        [0, 255, 0, 255],
        [0, 0, 255, 255],
        [255, 255, 0, 255],
        [0, 255, 255, 255],
        [255, 0, 255, 255],
        [0, 0, 0, 255],
        [128, 128, 128, 255],
        [0, 0, 0, 0],
    ];
    Image {
        width: 3,
        height: 3,
        rgba: Arc::new(px.concat()),
        rect: Rect::new(150.0, 10.0, 180.0, 40.0),
        smooth: false,
    }
}

fn hatch() -> Pattern {
    Pattern {
        rows: vec![0xF0, 0xF0, 0x81, 0x42, 0x0F, 0x0F, 0x00, 0xAA],
        cell: 2.0,
    }
}

/// The page used by most tests: every kind of operation at a known place.
fn test_page(dpi: f64) -> Page {
    let mut p = blank(200.0, 150.0, dpi);
    p.ops = vec![
        // Triangle with its apex at the top: upright geometry.
        fill(
            Path::polygon([(10.0, 60.0), (40.0, 10.0), (70.0, 60.0)]),
            RED,
        ),
        DeviceOp::Stroke {
            path: {
                let mut l = Path::new();
                l.move_to(10.0, 100.0);
                l.line_to(190.0, 100.0);
                l
            },
            style: StrokeStyle {
                width: 4.0,
                cap: LineCap::Butt,
                join: LineJoin::Miter,
                dash: Some(vec![10.0, 10.0]),
            },
            color: BLUE,
        },
        DeviceOp::Image(checker_image()),
        DeviceOp::PatternFill {
            path: Path::rect(Rect::new(10.0, 110.0, 90.0, 140.0)),
            rule: FillRule::EvenOdd,
            pattern: hatch(),
            color: GREEN,
        },
        // Adjacent area with the same pattern: must continue the tiling seamlessly.
        DeviceOp::PatternFill {
            path: Path::rect(Rect::new(90.0, 110.0, 131.0, 140.0)),
            rule: FillRule::NonZero,
            pattern: hatch(),
            color: GREEN,
        },
        DeviceOp::Clip(Some(Rect::new(100.0, 50.0, 140.0, 90.0))),
        fill(Path::rect(Rect::new(90.0, 40.0, 150.0, 95.0)), BLUE),
        DeviceOp::Clip(None),
        fill(Path::rect(Rect::new(160.0, 60.0, 190.0, 90.0)), GREEN),
        // Half-transparent red over white.
        fill(
            Path::rect(Rect::new(150.0, 110.0, 190.0, 140.0)),
            RED.with_alpha(0.5),
        ),
        DeviceOp::Glyphs {
            run: text_run(FaceId(0), "Hello", 75.0, 40.0, 20.0, 0.0),
            color: Rgba::BLACK,
        },
    ];
    p
}

#[test]
fn writes_a_pdf_document() {
    let pdf = write_pdf(&[test_page(72.0)]).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let tail = String::from_utf8_lossy(&pdf[pdf.len() - 16..]).into_owned();
    assert!(tail.contains("%%EOF"), "{tail}");
}

#[test]
fn output_is_deterministic() {
    let pages = [test_page(72.0), test_page(150.0)];
    assert_eq!(write_pdf(&pages).unwrap(), write_pdf(&pages).unwrap());
}

#[test]
fn rejects_bad_input() {
    assert!(write_pdf(&[]).is_err());
    assert!(write_pdf(&[blank(0.0, 10.0, 72.0)]).is_err());
    let mut p = blank(10.0, 10.0, 72.0);
    let mut img = checker_image();
    img.rgba = Arc::new(vec![0; 5]);
    p.ops.push(DeviceOp::Image(img));
    assert!(write_pdf(&[p]).is_err());
}

#[test]
fn media_box_uses_points_per_pixel() {
    let pdf = write_pdf(&[blank(400.0, 300.0, 144.0), blank(100.0, 50.0, 72.0)]).unwrap();
    let path = save(&pdf, "mediabox");
    let Some(info) = run_tool("pdfinfo", &["-f", "1", "-l", "2"], &path) else {
        return;
    };
    let info = info.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(info.contains("Pages: 2"), "{info}");
    assert!(info.contains("Page 1 size: 200 x 150 pts"), "{info}");
    assert!(info.contains("Page 2 size: 100 x 50 pts"), "{info}");
}

/// Checks the rendered test page pixel by pixel at the places where the geometry is known.
fn check_render(dpi: f64, name: &str) {
    let pdf = write_pdf(&[test_page(dpi)]).unwrap();
    // Render at the page's own resolution: one output pixel per device pixel.
    let Some(img) = render(&pdf, name, dpi as u32) else {
        return;
    };
    assert_eq!((img.w, img.h), (200, 150));
    let white = Rgba::WHITE;
    // Triangle: apex at the top.
    assert!(close(img.at(40, 50), RED, 2));
    assert!(close(img.at(40, 15), RED, 2));
    assert!(close(img.at(15, 15), white, 2));
    assert!(close(img.at(15, 57), RED, 2));
    // Dashes: on [10, 20), off [20, 30), on [30, 40) ...
    assert!(close(img.at(15, 100), BLUE, 2));
    assert!(close(img.at(25, 100), white, 2));
    assert!(close(img.at(35, 100), BLUE, 2));
    assert!(close(img.at(15, 97), white, 2));
    // Image: first row at the top, 10 px per image pixel, transparent last pixel.
    let cell = |c: usize, r: usize| img.at(155 + 10 * c, 15 + 10 * r);
    assert!(close(cell(0, 0), Rgba::rgb(255, 0, 0), 2));
    assert!(close(cell(1, 0), Rgba::rgb(0, 255, 0), 2));
    assert!(close(cell(2, 0), Rgba::rgb(0, 0, 255), 2));
    assert!(close(cell(0, 1), Rgba::rgb(255, 255, 0), 2));
    assert!(close(cell(0, 2), Rgba::rgb(0, 0, 0), 2));
    assert!(close(cell(1, 2), Rgba::rgb(128, 128, 128), 2));
    assert!(close(cell(2, 2), white, 2));
    // Pattern: every pixel of both areas (2 px cells aligned to the page origin).
    check_pattern(&img, 1.0);
    // Clip: blue only inside [100, 140] x [50, 90].
    assert!(close(img.at(120, 70), BLUE, 2));
    assert!(close(img.at(95, 45), white, 2));
    assert!(close(img.at(145, 92), white, 2));
    // After Clip(None) drawing is unclipped again.
    assert!(close(img.at(175, 75), GREEN, 2));
    // Alpha 0.5 red over white.
    assert!(close(img.at(170, 125), Rgba::rgb(238, 128, 128), 3));
    // Text: upright, baseline at y = 40, cap height of 20 px DejaVu ≈ 14.6 px.
    let dark = |x0: usize, x1: usize, y0: usize, y1: usize| {
        let mut n = 0;
        for y in y0..y1 {
            for x in x0..x1 {
                if img.at(x, y)[0] < 100 {
                    n += 1;
                }
            }
        }
        n
    };
    assert!(dark(75, 135, 26, 40) > 100, "no text above the baseline");
    assert!(
        dark(75, 135, 41, 50) == 0,
        "text below the baseline (flipped?)"
    );
    assert!(dark(75, 135, 15, 24) == 0, "text too tall");
    // 'H' stems: left stem at x ≈ 75 + 2, full cap height.
    assert!(dark(76, 80, 27, 39) > 20);
}

/// Checks every output pixel of the two pattern areas of the test page rendered at `zoom`
/// output pixels per device pixel, except those within half a pixel of a cell boundary.
fn check_pattern(img: &Raster, zoom: f64) {
    let pat = hatch();
    let (x0, x1) = ((10.0 * zoom) as usize + 1, (131.0 * zoom) as usize - 1);
    let (y0, y1) = ((110.0 * zoom) as usize + 1, (140.0 * zoom) as usize - 1);
    for y in y0..y1 {
        for x in x0..x1 {
            let (cx, cy) = ((x as f64 + 0.5) / zoom / 2.0, (y as f64 + 0.5) / zoom / 2.0);
            let near = |c: f64| (c - c.round()).abs() * 2.0 * zoom < 0.5;
            if near(cx) || near(cy) {
                continue;
            }
            let set = pat.is_set(cx as usize, cy as usize);
            let want = if set { GREEN } else { Rgba::WHITE };
            assert!(
                close(img.at(x, y), want, 8),
                "pattern pixel ({x}, {y}) at zoom {zoom} is {:?}, want {want:?}",
                img.at(x, y)
            );
        }
    }
}

#[test]
fn patterns_are_crisp_and_aligned_when_zoomed() {
    let pdf = write_pdf(&[test_page(72.0)]).unwrap();
    for dpi in [144, 150, 216] {
        let Some(img) = render(&pdf, &format!("zoom{dpi}"), dpi) else {
            return;
        };
        check_pattern(&img, dpi as f64 / 72.0);
    }
}

#[test]
fn unembeddable_fonts_are_drawn_as_outlines() {
    let mut p = blank(200.0, 60.0, 72.0);
    p.ops.push(DeviceOp::Glyphs {
        run: text_run(FaceId(0), "Hello", 20.0, 40.0, 24.0, 0.0),
        color: Rgba::BLACK,
    });
    let pdf = write_pdf_with(&[p], &|_| FontSource {
        data: b"not a font",
        index: 0,
        ps_name: "Broken".into(),
    })
    .unwrap();
    assert!(!pdf.windows(5).any(|w| w == b"/Font"));
    if let Some(img) = render(&pdf, "outlines", 72) {
        let dark = (20..90)
            .flat_map(|x| (20..40).map(move |y| (x, y)))
            .filter(|&(x, y)| img.at(x, y)[0] < 100)
            .count();
        assert!(dark > 100, "outlines not drawn ({dark})");
        let below = (20..90)
            .flat_map(|x| (42..60).map(move |y| (x, y)))
            .filter(|&(x, y)| img.at(x, y)[0] < 100)
            .count();
        assert_eq!(below, 0, "outline text is flipped");
    }
}

#[test]
fn stroke_alpha_and_background_alpha() {
    let mut p = blank(100.0, 100.0, 72.0);
    p.background = Some(Rgba::rgb(0, 0, 0).with_alpha(0.5));
    p.ops.push(DeviceOp::Stroke {
        path: Path::polygon([(20.0, 20.0), (80.0, 20.0), (80.0, 80.0)]),
        style: StrokeStyle {
            width: 6.0,
            cap: LineCap::Round,
            join: LineJoin::Round,
            dash: None,
        },
        color: BLUE.with_alpha(0.5),
    });
    let pdf = write_pdf(&[p]).unwrap();
    let count = |needle: &[u8]| pdf.windows(needle.len()).filter(|w| *w == needle).count();
    assert_eq!(count(b"/CA 0.5"), 1, "stroke alpha");
    assert_eq!(count(b"/ca 0.5"), 1, "fill alpha");
    if let Some(img) = render(&pdf, "alpha", 72) {
        // pdftoppm composites on white: 50 % black = 128 grey; half blue over that.
        assert!(
            close(img.at(30, 60), Rgba::rgb(128, 128, 128), 3),
            "{:?}",
            img.at(30, 60)
        );
        assert!(
            close(img.at(50, 20), Rgba::rgb(64, 64, 164), 4),
            "{:?}",
            img.at(50, 20)
        );
    }
}

#[test]
fn renders_geometry_at_72_dpi() {
    check_render(72.0, "render72");
}

#[test]
fn renders_geometry_at_96_dpi() {
    check_render(96.0, "render96");
}

#[test]
fn embeds_subset_truetype_font() {
    let pdf = write_pdf(&[test_page(72.0)]).unwrap();
    let path = save(&pdf, "fonts");
    if let Some(list) = run_tool("pdffonts", &[], &path) {
        let line = list
            .lines()
            .find(|l| l.contains('+'))
            .unwrap_or_else(|| panic!("no subset font:\n{list}"));
        assert!(line.contains("CID TrueType"), "{list}");
        assert!(line.contains("Identity-H"), "{list}");
        let cols: Vec<&str> = line.split_whitespace().collect();
        // name type... encoding emb sub uni object ID
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "{list}");
        let tag = cols[0].split('+').next().unwrap();
        assert!(tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()));
    }
    if let Some(text) = run_tool("pdftotext", &["-layout"], &path).map(|_| {
        let out = out_dir().join("fonts.txt");
        std::fs::read_to_string(out).unwrap()
    }) {
        assert!(text.contains("Hello"), "{text:?}");
    }
}

#[test]
fn embeds_subset_cff_font() {
    let data: &'static [u8] = typst_assets::fonts()
        .find(|d| {
            ttf_parser::Face::parse(d, 0)
                .map(|f| f.tables().cff.is_some())
                .unwrap_or(false)
        })
        .expect("a CFF font in typst-assets");
    let face = ttf_parser::Face::parse(data, 0).unwrap();
    let s = 30.0 / face.units_per_em() as f64;
    let mut glyphs = Vec::new();
    let mut pen = 0.0;
    for ch in "Quick fox".chars() {
        let id = face.glyph_index(ch).unwrap().0;
        glyphs.push(Glyph {
            id,
            x: pen,
            y: 0.0,
            ch,
        });
        pen += face.glyph_hor_advance(ttf_parser::GlyphId(id)).unwrap() as f64 * s;
    }
    let mut page = blank(300.0, 80.0, 72.0);
    page.ops.push(DeviceOp::Glyphs {
        run: GlyphRun {
            face: FaceId(7),
            size: 30.0,
            transform: Affine {
                m: [1.0, 0.0, 0.0, -1.0, 20.0, 50.0],
            },
            glyphs,
        },
        color: BLUE,
    });
    let pdf = write_pdf_with(&[page], &|_| FontSource {
        data,
        index: 0,
        ps_name: "Test CFF".into(),
    })
    .unwrap();
    let path = save(&pdf, "cff");
    if let Some(list) = run_tool("pdffonts", &[], &path) {
        assert!(list.contains("+TestCFF"), "{list}");
        assert!(list.contains("CID Type 0C"), "{list}");
    }
    if run_tool("pdftotext", &[], &path).is_some() {
        let text = std::fs::read_to_string(out_dir().join("cff.txt")).unwrap();
        assert!(text.contains("Quick fox"), "{text:?}");
    }
    if let Some(img) = render(&pdf, "cff", 72) {
        let mut n = 0;
        for y in 20..50 {
            for x in 20..200 {
                if close(img.at(x, y), BLUE, 40) {
                    n += 1;
                }
            }
        }
        assert!(n > 200, "CFF text not drawn ({n} px)");
    }
}

#[test]
fn positions_glyphs_exactly() {
    // Glyphs with irregular spacing and a raised glyph: compare against a run drawn glyph
    // by glyph (one run per glyph, so no TJ adjustments are involved).
    let mut run = text_run(FaceId(0), "AVAVA", 20.0, 50.0, 30.0, 0.0);
    for (i, g) in run.glyphs.iter_mut().enumerate() {
        g.x += [0.0, -3.3, 7.25, 1.0, 12.5][i];
    }
    run.glyphs[3].y = 8.0;
    let mut a = blank(260.0, 80.0, 72.0);
    a.ops.push(DeviceOp::Glyphs {
        run: run.clone(),
        color: Rgba::BLACK,
    });
    let mut b = blank(260.0, 80.0, 72.0);
    for g in &run.glyphs {
        let mut single = run.clone();
        single.glyphs = vec![*g];
        b.ops.push(DeviceOp::Glyphs {
            run: single,
            color: Rgba::BLACK,
        });
    }
    let (Some(ra), Some(rb)) = (
        render(&write_pdf(&[a]).unwrap(), "pos-run", 144),
        render(&write_pdf(&[b]).unwrap(), "pos-single", 144),
    ) else {
        return;
    };
    let diff = ra
        .rgb
        .iter()
        .zip(&rb.rgb)
        .filter(|(x, y)| (**x as i32 - **y as i32).abs() > 8)
        .count();
    assert!(diff < 10, "{diff} differing samples");
}

#[test]
fn text_and_shapes_compose_on_rotated_pages() {
    // Visual check material: rotated text, many pages, transparency, big image.
    let mut p = blank(300.0, 300.0, 100.0);
    for (i, angle) in [0.0, 45.0, 90.0, 180.0].into_iter().enumerate() {
        p.ops.push(DeviceOp::Glyphs {
            run: text_run(
                FaceId(0),
                "GR up",
                150.0,
                150.0,
                24.0 + 4.0 * i as f64,
                angle,
            ),
            color: [RED, GREEN, BLUE, Rgba::BLACK][i],
        });
    }
    let pdf = write_pdf(&[p, test_page(72.0)]).unwrap();
    if let Some(img) = render(&pdf, "rotated", 100) {
        // 90°: text goes up from (150, 150): blue pixels above the origin, left of it.
        let mut n = 0;
        for y in 60..148 {
            for x in 125..150 {
                if close(img.at(x, y), BLUE, 60) {
                    n += 1;
                }
            }
        }
        assert!(n > 50, "rotated text missing ({n})");
    }
}

#[test]
fn large_images_are_fast_enough() {
    let (w, h) = (4000u32, 4000u32);
    let mut rgba = Vec::with_capacity((w * h * 4) as usize);
    for y in 0..h {
        for x in 0..w {
            rgba.extend_from_slice(&[(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8, 255]);
        }
    }
    let mut p = blank(400.0, 400.0, 72.0);
    p.ops.push(DeviceOp::Image(Image {
        width: w,
        height: h,
        rgba: Arc::new(rgba),
        rect: Rect::new(0.0, 0.0, 400.0, 400.0),
        smooth: true,
    }));
    let t = std::time::Instant::now();
    let pdf = write_pdf(&[p]).unwrap();
    let dt = t.elapsed();
    eprintln!("4000x4000 image: {:?}, {} bytes", dt, pdf.len());
    assert!(dt.as_secs_f64() < 20.0);
}

#[test]
fn identical_images_and_masks_are_shared() {
    let mut p = blank(200.0, 150.0, 72.0);
    let img = checker_image();
    p.ops.push(DeviceOp::Image(img.clone()));
    p.ops.push(DeviceOp::Image(Image {
        rect: Rect::new(0.0, 0.0, 30.0, 30.0),
        ..img
    }));
    for x in [0.0, 32.0] {
        p.ops.push(DeviceOp::PatternFill {
            path: Path::rect(Rect::new(x, 100.0, x + 16.0, 116.0)),
            rule: FillRule::NonZero,
            pattern: hatch(),
            color: GREEN,
        });
    }
    let pdf = write_pdf(&[p]).unwrap();
    let count = |needle: &[u8]| pdf.windows(needle.len()).filter(|w| *w == needle).count();
    assert_eq!(
        count(b"/Subtype/Image"),
        3,
        "one RGB image, its SMask, one pattern mask"
    );
    assert_eq!(count(b"/ImageMask true"), 1);
    assert_eq!(count(b"/SMask"), 1);
}

#[test]
fn every_bundled_face_embeds_as_a_subset() {
    let faces = crate::font::faces();
    let mut pages = Vec::new();
    for &face in faces {
        let f = crate::font::face(face);
        let text: String = "Ag≤"
            .chars()
            .filter(|&c| f.glyph_index(c).is_some())
            .collect();
        let mut p = blank(200.0, 50.0, 72.0);
        p.ops.push(DeviceOp::Glyphs {
            run: text_run(face, &text, 10.0, 35.0, 24.0, 0.0),
            color: Rgba::BLACK,
        });
        pages.push(p);
    }
    let pdf = write_pdf(&pages).unwrap();
    let count = |needle: &[u8]| pdf.windows(needle.len()).filter(|w| *w == needle).count();
    assert_eq!(
        count(b"/Subtype/Type0"),
        faces.len(),
        "a face fell back to outlines"
    );
    let path = save(&pdf, "all-faces");
    if let Some(list) = run_tool("pdffonts", &[], &path) {
        let fonts: Vec<&str> = list.lines().skip(2).collect();
        assert_eq!(fonts.len(), faces.len(), "{list}");
        for l in fonts {
            let cols: Vec<&str> = l.split_whitespace().collect();
            let n = cols.len();
            assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "{list}");
        }
    }
}

/// A stroke along `y` from x = 10 to 190 with `n` points.
fn long_stroke(y: f64, n: usize, dash: Option<Vec<f64>>) -> DeviceOp {
    let mut path = Path::new();
    path.move_to(10.0, y);
    for i in 1..n {
        path.line_to(10.0 + 180.0 * i as f64 / (n - 1) as f64, y);
    }
    DeviceOp::Stroke {
        path,
        style: StrokeStyle {
            width: 4.0,
            cap: LineCap::Butt,
            join: LineJoin::Miter,
            dash,
        },
        color: BLUE,
    }
}

#[test]
fn long_paths_use_predicted_rows_and_keep_the_state() {
    let mut p = blank(200.0, 150.0, 72.0);
    let dash = Some(vec![10.0, 10.0]);
    // Short dashed, long solid, long dashed, short dashed: the long ones set their width
    // and dashes inside their own q/Q, the short ones rely on the state outside.
    p.ops.push(long_stroke(20.0, 2, dash.clone()));
    // The long solid one is clipped at x = 150 (its q/Q nests inside the clip's).
    p.ops
        .push(DeviceOp::Clip(Some(Rect::new(0.0, 0.0, 150.0, 150.0))));
    p.ops.push(long_stroke(50.0, 400, None));
    p.ops.push(DeviceOp::Clip(None));
    p.ops.push(long_stroke(80.0, 400, dash.clone()));
    p.ops.push(long_stroke(110.0, 2, dash));
    // A filled circle of 400 points.
    let circle: Vec<(f64, f64)> = (0..400)
        .map(|i| {
            let a = i as f64 / 400.0 * std::f64::consts::TAU;
            (40.0 + 12.0 * a.cos(), 132.0 + 12.0 * a.sin())
        })
        .collect();
    p.ops.push(fill(Path::polygon(circle), GREEN));
    let pdf = write_pdf(&[p]).unwrap();
    let count = |needle: &[u8]| pdf.windows(needle.len()).filter(|w| *w == needle).count();
    assert_eq!(
        count(b"/Predictor 12"),
        3,
        "two long strokes and the circle"
    );
    let Some(img) = render(&pdf, "rows", 72) else {
        return;
    };
    let white = Rgba::WHITE;
    for y in [20, 80, 110] {
        // Dashed: on [10, 20), off [20, 30).
        assert!(close(img.at(15, y), BLUE, 2), "dash on at y={y}");
        assert!(close(img.at(25, y), white, 2), "dash off at y={y}");
    }
    // Solid, 4 px wide, up to the clip.
    for x in [15, 25, 100, 145] {
        assert!(close(img.at(x, 50), BLUE, 2), "solid at x={x}");
    }
    assert!(close(img.at(155, 50), white, 2), "clipped");
    // After the clip, the dashed long stroke reaches the right end again.
    assert!(close(img.at(175, 80), BLUE, 2));
    assert!(close(img.at(100, 53), white, 2) && close(img.at(100, 47), white, 2));
    // The last short stroke still has the 4 px width.
    assert!(close(img.at(15, 111), BLUE, 2) && close(img.at(15, 113), white, 2));
    // The circle.
    assert!(close(img.at(40, 132), GREEN, 2));
    assert!(close(img.at(40 + 10, 132), GREEN, 2));
    assert!(close(img.at(40 + 14, 132), white, 2));
    assert!(close(img.at(40, 132 - 14), white, 2));
}
