//! Geometry and pixel checks of the kernel as a user would make them: where things land on
//! the page, what colour they are, what files come out.

use testkit as common;

use gks::Gks;

fn px(rgba: &[u8], w: usize, x: usize, y: usize) -> [u8; 4] {
    let o = (y * w + x) * 4;
    [rgba[o], rgba[o + 1], rgba[o + 2], rgba[o + 3]]
}

#[test]
fn fillrect_lands_where_ndc_says() {
    let mut g = Gks::new();
    g.setfillintstyle(1).unwrap();
    g.setfillcolorind(2).unwrap();
    // NDC 0.25..0.5 × 0.25..0.5 → x 150..300 px, y (from top) 450-300=150..300 px.
    g.fillrect(0.25, 0.5, 0.25, 0.5).unwrap();
    let img = g.render_rgba().unwrap();
    assert_eq!(px(&img, 600, 200, 200), [255, 0, 0, 255]);
    assert_eq!(px(&img, 600, 151, 151), [255, 0, 0, 255]);
    assert_eq!(px(&img, 600, 298, 298), [255, 0, 0, 255]);
    assert_eq!(px(&img, 600, 148, 200), [255, 255, 255, 255]);
    assert_eq!(px(&img, 600, 200, 302), [255, 255, 255, 255]);
}

#[test]
fn world_window_and_clipping() {
    let mut g = Gks::new();
    g.setwindow(1, 0.0, 10.0, 0.0, 10.0).unwrap();
    g.setviewport(1, 0.5, 1.0, 0.25, 0.6).unwrap();
    g.selntran(1).unwrap();
    g.setclip(true);
    g.setfillintstyle(1).unwrap();
    g.setfillcolorind(4).unwrap();
    // Extends far outside the viewport: only the viewport part may be painted.
    g.fillrect(-100.0, 100.0, -100.0, 100.0).unwrap();
    let img = g.render_rgba().unwrap();
    assert_eq!(
        px(&img, 600, 450, 225),
        [0, 0, 255, 255],
        "inside the viewport"
    );
    assert_eq!(
        px(&img, 600, 290, 225),
        [255, 255, 255, 255],
        "left of the viewport"
    );
    assert_eq!(
        px(&img, 600, 450, 10),
        [255, 255, 255, 255],
        "above the viewport (its top is 0.6 NDC = 90 px from the page top)"
    );
    assert_eq!(g.wctondc(10.0, 10.0), (1.0, 0.6));
    let (x, y) = g.ndctowc(0.75, 0.425);
    assert!((x - 5.0).abs() < 1e-12 && (y - 5.0).abs() < 1e-12);
}

#[test]
fn nan_breaks_a_polyline() {
    let mut g = Gks::new();
    g.setlinewidth(5.0).unwrap();
    g.polyline(
        &[0.1, 0.5, f64::NAN, 0.6, 0.9],
        &[0.375, 0.375, 0.0, 0.375, 0.375],
    )
    .unwrap();
    let img = g.render_rgba().unwrap();
    let y = 450 - 225; // 0.375 NDC
    assert!(px(&img, 600, 200, y)[0] < 50, "first piece drawn");
    assert!(px(&img, 600, 450, y)[0] < 50, "second piece drawn");
    assert_eq!(
        px(&img, 600, 330, y),
        [255, 255, 255, 255],
        "gap at the NaN"
    );
}

#[test]
fn transparency_blends() {
    let mut g = Gks::new();
    g.setfillintstyle(1).unwrap();
    g.setfillcolorind(1).unwrap();
    g.settransparency(0.5).unwrap();
    g.fillrect(0.0, 1.0, 0.0, 0.75).unwrap();
    let img = g.render_rgba().unwrap();
    let p = px(&img, 600, 300, 200);
    assert!((126..=129).contains(&p[0]), "{p:?}");
}

#[test]
fn transparent_background_and_memory_buffer() {
    let mut g = Gks::new();
    g.set_background(None);
    g.setmarkertype(-1).unwrap();
    g.polymarker(&[0.5], &[0.375]).unwrap();
    let img = g.render_rgba().unwrap();
    assert_eq!(px(&img, 600, 5, 5)[3], 0, "corner is transparent");
    assert_eq!(px(&img, 600, 300, 225)[3], 255, "marker centre is opaque");
    let mut buf = vec![7u8; 600 * 450 * 4];
    g.render_into(&mut buf).unwrap();
    assert_eq!(buf, img, "render_into matches render_rgba");
}

#[test]
fn page_size_units() {
    let mut g = Gks::new();
    g.set_size_inches(4.0, 3.0, 150.0).unwrap();
    assert_eq!(
        (g.workstation().width, g.workstation().height),
        (600.0, 450.0)
    );
    g.set_size_cm(2.54, 5.08, 100.0).unwrap();
    assert_eq!(
        (g.workstation().width, g.workstation().height),
        (100.0, 200.0)
    );
    // Portrait: one NDC unit spans the height.
    assert_eq!(g.workstation().window, [0.0, 0.5, 0.0, 1.0]);
    g.setwsviewport(0.0, 0.0254 * 2.0, 0.0, 0.0254).unwrap();
    assert_eq!(
        (g.workstation().width, g.workstation().height),
        (200.0, 100.0)
    );
    assert_eq!(g.render_rgba().unwrap().len(), 200 * 100 * 4);
}

#[test]
fn cap_height_is_the_char_height() {
    let mut g = Gks::new();
    g.setcharheight(0.05).unwrap(); // 30 px
    g.settextalign(1, 4).unwrap();
    g.text(0.1, 0.3, "H").unwrap();
    let img = g.render_rgba().unwrap();
    let base = 450 - 180; // 0.3 NDC
    let col_has_ink = |y: usize| (60..100).any(|x| px(&img, 600, x, y)[0] < 128);
    assert!(col_has_ink(base - 1));
    assert!(col_has_ink(base - 29));
    assert!(!col_has_ink(base - 32), "H must not be taller than 30 px");
    assert!(!col_has_ink(base + 2), "H must sit on the baseline");
}

#[test]
fn inqtext_box_follows_alignment_and_rotation() {
    let mut g = Gks::new();
    g.setcharheight(0.03).unwrap();
    g.settextalign(2, 3).unwrap();
    let (x, y) = g.inqtext(0.5, 0.4, "Hello").unwrap();
    let cx = (x[0] + x[1]) / 2.0;
    assert!((cx - 0.5).abs() < 1e-9, "centred: {x:?}");
    assert!(x[1] > x[0] && y[2] > y[1]);
    assert!(y[0] < 0.4 && y[3] > 0.4);
    // Rotated by 90°: the box is tall.
    g.setcharup(-1.0, 0.0).unwrap();
    let (x2, y2) = g.inqtext(0.5, 0.4, "Hello").unwrap();
    let w =
        x2.iter().cloned().fold(f64::MIN, f64::max) - x2.iter().cloned().fold(f64::MAX, f64::min);
    let h =
        y2.iter().cloned().fold(f64::MIN, f64::max) - y2.iter().cloned().fold(f64::MAX, f64::min);
    assert!(h > 2.0 * w, "rotated box {w} × {h}");
    // A wider string has a wider box.
    g.setcharup(0.0, 1.0).unwrap();
    let (a, _) = g.inqtext(0.0, 0.0, "ii").unwrap();
    let (b, _) = g.inqtext(0.0, 0.0, "WWWW").unwrap();
    assert!(b[1] - b[0] > 2.0 * (a[1] - a[0]));
}

#[test]
fn multipage_files_are_numbered_like_gr() {
    let dir = tempfile::tempdir().unwrap();
    let mut g = Gks::new();
    let path = dir.path().join("frames.png");
    g.beginprint(&path).unwrap();
    for i in 0..3 {
        g.text(0.5, 0.5, &format!("frame {i}")).unwrap();
        g.clearws();
    }
    let files = g.endprint().unwrap();
    let names: Vec<_> = files
        .iter()
        .map(|p| p.file_name().unwrap().to_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["frames.png", "frames-2.png", "frames-3.png"]);
    for f in &files {
        let r = common::read_png(f);
        assert_eq!((r.width, r.height), (600, 450));
    }
    // PDF: one file with three pages.
    let pdf = dir.path().join("doc.pdf");
    g.beginprint(&pdf).unwrap();
    for i in 0..3 {
        g.text(0.5, 0.5, &format!("page {i}")).unwrap();
        g.clearws();
    }
    assert_eq!(g.endprint().unwrap(), vec![pdf.clone()]);
    let bytes = std::fs::read(&pdf).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.starts_with("%PDF-"));
    // Dictionaries are written compactly ("/Type/Page"); accept either spacing.
    let count = |t: &str| text.matches(t).count();
    let pages =
        count("/Type/Page") + count("/Type /Page") - count("/Type/Pages") - count("/Type /Pages");
    assert_eq!(pages, 3, "three page objects");
}

#[test]
fn outputs_are_valid_files() {
    let dir = tempfile::tempdir().unwrap();
    let g = {
        let mut g = Gks::new();
        (gks::scenes::find("text").unwrap().draw)(&mut g).unwrap();
        g
    };
    for (ext, magic) in [
        ("png", &b"\x89PNG"[..]),
        ("jpg", &b"\xff\xd8\xff"[..]),
        ("svg", &b"<?xml"[..]),
        ("pdf", &b"%PDF-"[..]),
        ("ps", &b"%!PS-Adobe-3.0"[..]),
        ("eps", &b"%!PS-Adobe-3.0 EPSF-3.0"[..]),
    ] {
        let p = dir.path().join(format!("t.{ext}"));
        g.save(&p).unwrap();
        let bytes = std::fs::read(&p).unwrap();
        assert!(
            bytes.starts_with(magic),
            "{ext} starts with {:?}",
            String::from_utf8_lossy(&bytes[..16])
        );
    }
    // No temporary files are left behind.
    let n = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(n, 6);
    // Same input, same bytes (deterministic output).
    for ext in ["svg", "pdf", "ps", "png"] {
        let a = dir.path().join(format!("a.{ext}"));
        let b = dir.path().join(format!("b.{ext}"));
        g.save(&a).unwrap();
        g.save(&b).unwrap();
        assert_eq!(
            std::fs::read(a).unwrap(),
            std::fs::read(b).unwrap(),
            "{ext} is deterministic"
        );
    }
}

#[test]
fn savestate_restores_attributes_and_transforms() {
    let mut g = Gks::new();
    g.setlinecolorind(2).unwrap();
    g.setwindow(1, 0.0, 2.0, 0.0, 2.0).unwrap();
    g.savestate();
    g.setlinecolorind(3).unwrap();
    g.setwindow(1, 5.0, 6.0, 5.0, 6.0).unwrap();
    g.savestate();
    g.setlinecolorind(4).unwrap();
    g.restorestate().unwrap();
    assert_eq!(g.state().linecolor, 3);
    g.restorestate().unwrap();
    assert_eq!(g.state().linecolor, 2);
    assert_eq!(g.inqwindow(1).unwrap(), [0.0, 2.0, 0.0, 2.0]);
}

#[test]
fn colour_table_lookups() {
    let mut g = Gks::new();
    assert_eq!(g.inqcolor(4).unwrap(), (0.0, 0.0, 1.0));
    let i = g.inqcolorfromrgb(0.2, 0.4, 0.6).unwrap();
    g.setfillcolorind(i).unwrap();
    g.setfillintstyle(1).unwrap();
    g.fillrect(0.0, 1.0, 0.0, 0.75).unwrap();
    let img = g.render_rgba().unwrap();
    assert_eq!(px(&img, 600, 10, 10), [51, 102, 153, 255]);
    g.setcolorrep(5, 0.5, 0.5, 0.5).unwrap();
    assert_eq!(
        g.inqcolor(5).unwrap(),
        (128.0 / 255.0, 128.0 / 255.0, 128.0 / 255.0)
    );
}

#[test]
fn decimated_long_line_draws_the_same_pixels() {
    let n = 60_000;
    let x: Vec<f64> = (0..n).map(|i| i as f64 / n as f64).collect();
    let y: Vec<f64> = (0..n)
        .map(|i| (i as f64 * 0.001).sin() * 0.3 + ((i * 7919) % 1000) as f64 / 4000.0)
        .collect();
    let draw = |chunked: bool| {
        let mut g = Gks::new();
        g.setwindow(1, 0.0, 1.0, -0.5, 0.6).unwrap();
        g.setviewport(1, 0.05, 0.95, 0.05, 0.7).unwrap();
        g.selntran(1).unwrap();
        if chunked {
            // Pieces of 400 points are below the decimation threshold.
            for start in (0..n - 1).step_by(399) {
                let end = (start + 400).min(n);
                g.polyline(&x[start..end], &y[start..end]).unwrap();
            }
        } else {
            g.polyline(&x, &y).unwrap();
        }
        common::Raster {
            width: 600,
            height: 450,
            rgba: g.render_rgba().unwrap(),
        }
    };
    let (a, b) = (draw(false), draw(true));
    let d = common::diff(&a, &b, 64);
    if std::env::var_os("GR_DUMP").is_some() {
        common::write_png(&common::diffs_dir().join("decimated.png"), &a);
        common::write_png(&common::diffs_dir().join("full.png"), &b);
    }
    let frac = d.bad_pixels as f64 / (600.0 * 450.0);
    // Differences are confined to the anti-aliased edges of the dense band (measured: 1.0 %
    // of the pixels by more than 64/255, mean 2.4/255).
    assert!(
        frac < 0.015 && d.mean_abs < 3.0,
        "{:.4} % pixels differ, mean {:.3}",
        frac * 100.0,
        d.mean_abs
    );
}

#[test]
fn expansion_spacing_and_symbol_font() {
    let mut g = Gks::new();
    let width = |g: &Gks, s: &str| {
        let (x, _) = g.inqtext(0.0, 0.0, s).unwrap();
        x[1] - x[0]
    };
    let w1 = width(&g, "expansion");
    g.setcharexpan(2.0).unwrap();
    let w2 = width(&g, "expansion");
    assert!((w2 / w1 - 2.0).abs() < 1e-9, "{w1} {w2}");
    g.setcharexpan(1.0).unwrap();
    g.setcharspace(0.5).unwrap();
    let w3 = width(&g, "expansion");
    // nine characters, each followed by half the character height
    assert!((w3 - w1 - 9.0 * 0.5 * 0.027).abs() < 1e-9, "{w1} {w3}");
    g.setcharspace(0.0).unwrap();
    // Symbol font: "a" is drawn as alpha, the same glyph as "α" in the math face.
    g.settextfontprec(113, 0).unwrap();
    let mut h = Gks::new();
    h.settextfontprec(113, 0).unwrap();
    g.text(0.1, 0.1, "abg").unwrap();
    h.text(0.1, 0.1, "αβγ").unwrap();
    assert_eq!(g.page(), h.page());
}

#[test]
fn stamped_markers_match_directly_drawn_ones() {
    // 400 markers of each kind at sub-pixel positions: the raster driver stamps sprites,
    // `Page::expanded` draws every marker as paths; both must look the same.
    let n = 400;
    let x: Vec<f64> = (0..n)
        .map(|i| 0.05 + 0.9 * ((i * 37) % n) as f64 / n as f64)
        .collect();
    let y: Vec<f64> = (0..n)
        .map(|i| 0.05 + 0.6 * ((i * 91) % n) as f64 / n as f64)
        .collect();
    // The last two cases clip to a rectangle with fractional edges that cuts through
    // markers (the clip mask weights the sprites there, not elsewhere).
    for (marker, clip) in [
        (-1, false),
        (3, false),
        (-14, false),
        (4, false),
        (-1, true),
        (3, true),
    ] {
        let mut g = Gks::new();
        if clip {
            g.setwindow(1, 0.2013, 0.7037, 0.1021, 0.5043).unwrap();
            g.setviewport(1, 0.2013, 0.7037, 0.1021, 0.5043).unwrap();
            g.selntran(1).unwrap();
            g.setclip(true);
        }
        g.setmarkertype(marker).unwrap();
        g.setmarkercolorind(4).unwrap();
        g.setbordercolorind(1).unwrap();
        g.polymarker(&x, &y).unwrap();
        let page = g.page();
        let stamped = gks::driver::raster::render_rgba(&page).unwrap();
        let direct = gks::driver::raster::render_rgba(&page.expanded()).unwrap();
        let a = common::Raster {
            width: 600,
            height: 450,
            rgba: stamped,
        };
        let b = common::Raster {
            width: 600,
            height: 450,
            rgba: direct,
        };
        let d = common::diff(&a, &b, 48);
        // Sprites exist for eighth-pixel phases, so edges may shift by up to 1/16 px, and a
        // sprite is blended once more than a direct drawing (measured: 0 pixels beyond
        // 48/255, mean 0.4-0.5/255).
        assert!(
            d.bad_pixels < 50 && d.mean_abs < 0.75,
            "marker {marker} (clip {clip}): {} pixels, mean {:.3}",
            d.bad_pixels,
            d.mean_abs
        );
    }
}
