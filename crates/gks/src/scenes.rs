//! Demonstration scenes of the kernel, shared by the reference-image tests and the gallery
//! (`grplot gallery`). Each draws one page on a fresh default context (600×450 px, NDC
//! 0..1 × 0..0.75) and mirrors one of GR's canonical test pictures.

use crate::device::FillRule;
use crate::error::Result;
use crate::geometry::Path;
use crate::Gks;

/// A named scene.
pub struct Scene {
    /// File stem used by the gallery and the reference images.
    pub name: &'static str,
    /// One-line description.
    pub title: &'static str,
    /// Draws the scene.
    pub draw: fn(&mut Gks) -> Result<()>,
}

/// All scenes, in gallery order.
pub const ALL: &[Scene] = &[
    Scene {
        name: "linetypes",
        title: "GR line types at widths 1 and 3",
        draw: linetypes,
    },
    Scene {
        name: "markers",
        title: "The 37 GR marker types",
        draw: markers,
    },
    Scene {
        name: "fills",
        title: "Fill styles, hatches and patterns",
        draw: fills,
    },
    Scene {
        name: "colors",
        title: "Colour table indices 0-79",
        draw: colors,
    },
    Scene {
        name: "text",
        title: "Text alignment, rotation, fonts and symbols",
        draw: text,
    },
    Scene {
        name: "cellarray",
        title: "Cell arrays (flipped) and RGBA images",
        draw: cellarray,
    },
    Scene {
        name: "paths",
        title: "Paths, Bézier curves, arcs, rectangles, transparency",
        draw: paths,
    },
    Scene {
        name: "clipping",
        title: "Clipping to the viewport and NaN gaps",
        draw: clipping,
    },
];

/// Looks up a scene by name.
pub fn find(name: &str) -> Option<&'static Scene> {
    ALL.iter().find(|s| s.name == name)
}

/// Line types 1..4, -1..-8 at widths 1 and 3.
pub fn linetypes(g: &mut Gks) -> Result<()> {
    g.setcharheight(0.02)?;
    g.settextalign(2, 3)?;
    g.text(0.46, 0.715, "linewidth 1")?;
    g.text(0.82, 0.715, "linewidth 3")?;
    g.settextalign(1, 3)?;
    for (k, lt) in crate::LineType::ALL.iter().enumerate() {
        let y = 0.66 - 0.054 * k as f64;
        g.setlinetype(1)?;
        g.text(0.02, y, &format!("{} {}", lt.to_gr(), lt.name()))?;
        g.setlinetype(lt.to_gr())?;
        g.setlinewidth(1.0)?;
        g.polyline(&[0.3, 0.62], &[y, y])?;
        g.setlinewidth(3.0)?;
        g.polyline(&[0.66, 0.98], &[y, y])?;
    }
    Ok(())
}

/// All marker types at sizes 2 and 4, on grey, and with a black border.
pub fn markers(g: &mut Gks) -> Result<()> {
    g.setcharheight(0.013)?;
    g.settextalign(1, 3)?;
    let mut types: Vec<i32> = (-32..=-1).collect();
    types.extend(1..=5);
    for (k, &mt) in types.iter().enumerate() {
        let x0 = 0.2 * (k % 5) as f64;
        let yt = 0.75 - 0.09375 * (k / 5) as f64;
        let ym = yt - 0.06;
        let name = crate::MarkerType::from_gr(mt)?.name();
        g.text(x0 + 0.01, yt - 0.02, &format!("{mt} {name}"))?;
        g.setfillintstyle(1)?;
        g.setfillcolorind(88)?;
        g.fillrect(x0 + 0.082, x0 + 0.132, ym - 0.025, ym + 0.025)?;
        g.setmarkertype(mt)?;
        g.setmarkersize(2.0)?;
        g.polymarker(&[x0 + 0.022], &[ym])?;
        g.setmarkersize(4.0)?;
        g.polymarker(&[x0 + 0.058], &[ym])?;
        g.polymarker(&[x0 + 0.107], &[ym])?;
        g.setbordercolorind(1)?;
        g.polymarker(&[x0 + 0.165], &[ym])?;
        g.setbordercolorind(0)?;
    }
    Ok(())
}

/// The interior styles, all 11 hatches and a selection of the 108 patterns.
pub fn fills(g: &mut Gks) -> Result<()> {
    g.setcharheight(0.013)?;
    g.settextalign(2, 1)?;
    let mut boxes: Vec<(String, [i32; 3])> = vec![
        ("hollow (0)".into(), [0, 0, 1]),
        ("solid (1)".into(), [1, 0, 1]),
        ("4 default".into(), [4, 0, 4]),
        ("4 bcol 1 w 3".into(), [4, 0, -4]),
    ];
    boxes.extend((1..=11).map(|i| (format!("hatch {i}"), [3, i, 1])));
    for p in [
        1, 5, 10, 14, 19, 23, 28, 32, 36, 41, 45, 50, 54, 58, 63, 67, 72, 76, 80, 85, 89, 94, 98,
        103, 107,
    ] {
        boxes.push((format!("pattern {p}"), [2, p, 1]));
    }
    for (k, (label, [style, index, color])) in boxes.iter().enumerate() {
        let x0 = 0.125 * (k % 8) as f64;
        let yt = 0.75 - 0.15 * (k / 8) as f64;
        g.setfillintstyle(*style)?;
        if *style == 2 || *style == 3 {
            g.setfillstyle(*index)?;
        }
        g.setfillcolorind(color.abs())?;
        if *color < 0 {
            g.setbordercolorind(1)?;
            g.setborderwidth(3.0)?;
        }
        g.fillarea(
            &[x0 + 0.015, x0 + 0.11, x0 + 0.11, x0 + 0.015],
            &[yt - 0.105, yt - 0.105, yt - 0.015, yt - 0.015],
        )?;
        g.setfillcolorind(1)?;
        g.setbordercolorind(0)?;
        g.setborderwidth(1.0)?;
        g.text(x0 + 0.0625, yt - 0.113, label)?;
    }
    Ok(())
}

/// Colour indices 0..80 as labelled swatches.
pub fn colors(g: &mut Gks) -> Result<()> {
    g.setcharheight(0.018)?;
    g.settextalign(2, 3)?;
    g.setfillintstyle(1)?;
    g.setlinecolorind(1)?;
    for i in 0..80 {
        let x0 = 0.1 * (i % 10) as f64 + 0.005;
        let x1 = x0 + 0.09;
        let y1 = 0.745 - 0.09375 * (i / 10) as f64;
        let y0 = y1 - 0.08375;
        g.setfillcolorind(i)?;
        g.fillrect(x0, x1, y0, y1)?;
        g.drawrect(x0, x1, y0, y1)?;
        let (r, gg, b) = g.inqcolor(i)?;
        let luma = (0.299 * r + 0.587 * gg + 0.114 * b) * 255.0;
        g.settextcolorind(if luma > 140.0 { 1 } else { 0 })?;
        g.text((x0 + x1) / 2.0, (y0 + y1) / 2.0, &i.to_string())?;
    }
    Ok(())
}

/// Alignment grid, rotations, fonts and Unicode symbols.
pub fn text(g: &mut Gks) -> Result<()> {
    g.setlinecolorind(88)?;
    for y in [0.655, 0.58, 0.505, 0.43, 0.355] {
        g.polyline(&[0.13, 0.99], &[y, y])?;
    }
    for x in [0.26, 0.55, 0.84] {
        g.polyline(&[x, x], &[0.33, 0.69])?;
    }
    g.setlinecolorind(1)?;
    g.setcharheight(0.016)?;
    g.settextalign(2, 5)?;
    g.text(0.26, 0.705, "LEFT (1)")?;
    g.text(0.55, 0.705, "CENTER (2)")?;
    g.text(0.84, 0.705, "RIGHT (3)")?;
    g.settextalign(1, 3)?;
    for (label, y) in [
        ("TOP (1)", 0.655),
        ("CAP (2)", 0.58),
        ("HALF (3)", 0.505),
        ("BASE (4)", 0.43),
        ("BOTTOM (5)", 0.355),
    ] {
        g.text(0.01, y, label)?;
    }
    g.setcharheight(0.027)?;
    g.setmarkertype(2)?;
    g.setmarkersize(1.5)?;
    g.setmarkercolorind(2)?;
    for (v, y) in [(1, 0.655), (2, 0.58), (3, 0.505), (4, 0.43), (5, 0.355)] {
        for (h, x) in [(1, 0.26), (2, 0.55), (3, 0.84)] {
            g.settextalign(h, v)?;
            g.text(x, y, "Text Hxg")?;
            g.polymarker(&[x], &[y])?;
        }
    }
    g.settextalign(1, 4)?;
    for (up, x, label) in [
        ((0.0, 1.0), 0.03, "rotated 0°"),
        ((-1.0, 1.0), 0.3, "rotated 45°"),
        ((-1.0, 0.0), 0.53, "rotated 90°"),
    ] {
        g.setcharup(up.0, up.1)?;
        g.text(x, 0.135, label)?;
        g.polymarker(&[x], &[0.135])?;
    }
    g.setcharup(0.0, 1.0)?;
    g.setcharheight(0.02)?;
    for (font, y, label) in [
        (101, 0.27, "Times → serif (101)"),
        (107, 0.225, "Helvetica-Bold (107)"),
        (110, 0.18, "Courier-Oblique"),
    ] {
        g.settextfontprec(font, 0)?;
        g.text(0.65, y, label)?;
    }
    g.settextfontprec(3, 0)?;
    g.setcharheight(0.027)?;
    g.text(0.03, 0.075, "αβγδεζηθικλμνξπρστφχψω ΓΔΘΛΞΠΣΦΨΩ")?;
    g.polymarker(&[0.03], &[0.075])?;
    g.text(
        0.03,
        0.02,
        "UTF-8: ± ° µ Å ≤ ≥ ≠ ∞ ∑ ∫ √ → ⇒ ∂ ∇ − äöüß € ñ",
    )?;
    g.polymarker(&[0.03], &[0.02])?;
    Ok(())
}

/// Cell arrays in all four orientations and an RGBA image with alpha, nearest and linear.
pub fn cellarray(g: &mut Gks) -> Result<()> {
    g.setcharheight(0.016)?;
    g.settextalign(2, 1)?;
    let (nx, ny) = (8usize, 6usize);
    // A ramp of colormap colours with a marked first cell (row 0, column 0) in red.
    let mut cells: Vec<i32> = (0..nx * ny)
        .map(|k| 1000 + ((k % nx) * 255 / (nx - 1)) as i32 / 2 + ((k / nx) * 127 / (ny - 1)) as i32)
        .collect();
    cells[0] = 2;
    let boxes = [
        (0.03, 0.23, 0.45, 0.70, "normal"),
        (0.27, 0.47, 0.45, 0.70, "x flipped"),
        (0.51, 0.71, 0.45, 0.70, "y flipped"),
        (0.75, 0.95, 0.45, 0.70, "both flipped"),
    ];
    for (i, (x0, x1, y0, y1, label)) in boxes.iter().enumerate() {
        let (xa, xb) = if i == 1 || i == 3 {
            (*x1, *x0)
        } else {
            (*x0, *x1)
        };
        let (ya, yb) = if i >= 2 { (*y1, *y0) } else { (*y0, *y1) };
        g.cellarray(xa, xb, ya, yb, nx, ny, &cells)?;
        g.text((x0 + x1) / 2.0, y0 - 0.01, label)?;
    }
    // An RGBA image with an alpha ramp over a checkerboard.
    g.setfillintstyle(1)?;
    for i in 0..8 {
        for j in 0..4 {
            g.setfillcolorind(if (i + j) % 2 == 0 { 88 } else { 0 })?;
            let x = 0.05 + 0.05 * i as f64;
            let y = 0.05 + 0.05 * j as f64;
            g.fillrect(x, x + 0.05, y, y + 0.05)?;
        }
    }
    let (w, h) = (16usize, 8usize);
    let img: Vec<[u8; 4]> = (0..w * h)
        .map(|k| {
            let (x, y) = (k % w, k / w);
            [
                (x * 255 / (w - 1)) as u8,
                60,
                (y * 255 / (h - 1)) as u8,
                (40 + x * 215 / (w - 1)) as u8,
            ]
        })
        .collect();
    g.drawimage(0.05, 0.45, 0.05, 0.25, w, h, &img)?;
    g.text(0.25, 0.04, "RGBA image, nearest")?;
    g.set_image_smoothing(true);
    g.drawimage(0.55, 0.95, 0.05, 0.25, w, h, &img)?;
    g.text(0.75, 0.04, "RGBA image, linear")?;
    Ok(())
}

/// Paths with curves and both fill rules, arcs, rectangles and global transparency.
pub fn paths(g: &mut Gks) -> Result<()> {
    g.setcharheight(0.016)?;
    g.settextalign(2, 1)?;
    // Star polygon: even-odd leaves a hole, non-zero does not.
    let star: Vec<(f64, f64)> = (0..5)
        .map(|i| {
            let a = std::f64::consts::FRAC_PI_2 + i as f64 * 4.0 * std::f64::consts::PI / 5.0;
            (a.cos() * 0.1, a.sin() * 0.1)
        })
        .collect();
    g.setfillintstyle(1)?;
    g.setfillcolorind(4)?;
    for (cx, rule, label) in [
        (0.13, FillRule::EvenOdd, "even-odd"),
        (0.37, FillRule::NonZero, "non-zero"),
    ] {
        let xs: Vec<f64> = star.iter().map(|p| p.0 + cx).collect();
        let ys: Vec<f64> = star.iter().map(|p| p.1 + 0.6).collect();
        g.fillarea_with_rule(&xs, &ys, rule)?;
        g.text(cx, 0.48, label)?;
    }
    // Bézier curves, stroked and filled.
    let mut p = Path::new();
    p.move_to(0.55, 0.52);
    p.cubic_to(0.6, 0.75, 0.75, 0.4, 0.8, 0.68);
    p.quad_to(0.9, 0.75, 0.95, 0.52);
    p.close();
    g.setfillcolorind(6)?;
    g.setlinecolorind(1)?;
    g.setlinewidth(2.0)?;
    g.drawpath(&p, true, Some(FillRule::NonZero))?;
    g.text(0.75, 0.48, "cubic + quadratic Bézier")?;
    // Arcs and pie slices.
    g.setlinewidth(1.5)?;
    g.setlinecolorind(2)?;
    g.drawarc(0.03, 0.23, 0.12, 0.32, 0.0, 270.0)?;
    g.setfillcolorind(3)?;
    g.fillarc(0.27, 0.47, 0.12, 0.32, 30.0, 300.0)?;
    g.text(0.25, 0.08, "drawarc / fillarc")?;
    // Overlapping translucent rectangles.
    for (i, c) in [2, 3, 4].iter().enumerate() {
        g.settransparency(0.5)?;
        g.setfillcolorind(*c)?;
        let x = 0.55 + 0.07 * i as f64;
        let y = 0.12 + 0.04 * i as f64;
        g.fillrect(x, x + 0.18, y, y + 0.14)?;
    }
    g.settransparency(1.0)?;
    g.setlinecolorind(1)?;
    g.setlinewidth(1.0)?;
    g.drawrect(0.55, 0.87, 0.12, 0.34)?;
    g.text(0.71, 0.08, "transparency 0.5, drawrect")?;
    Ok(())
}

/// A world window with clipping on and off, and a line with NaN gaps.
pub fn clipping(g: &mut Gks) -> Result<()> {
    g.setwindow(1, -1.0, 1.0, -1.0, 1.0)?;
    for (k, clip) in [false, true].iter().enumerate() {
        let x0 = 0.08 + 0.48 * k as f64;
        g.setviewport(1, x0, x0 + 0.36, 0.2, 0.56)?;
        g.selntran(1)?;
        g.setclip(false);
        g.setlinecolorind(1)?;
        g.setlinewidth(1.0)?;
        g.drawrect(-1.0, 1.0, -1.0, 1.0)?;
        g.setclip(*clip);
        let n = 400;
        let x: Vec<f64> = (0..n)
            .map(|i| -1.5 + 3.0 * i as f64 / (n - 1) as f64)
            .collect();
        let y: Vec<f64> = x
            .iter()
            .map(|&x| {
                if (0.2..0.35).contains(&x) {
                    f64::NAN
                } else {
                    1.4 * (3.0 * x).sin()
                }
            })
            .collect();
        g.setlinecolorind(4)?;
        g.setlinewidth(2.0)?;
        g.polyline(&x, &y)?;
        g.setmarkertype(-1)?;
        g.setmarkercolorind(2)?;
        g.polymarker(&[-1.2, 0.0, 1.2], &[0.0, 1.1, 0.0])?;
        g.setfillintstyle(3)?;
        g.setfillstyle(4)?;
        g.setfillcolorind(3)?;
        g.fillarea(&[0.5, 1.5, 1.5, 0.5], &[-1.5, -1.5, -0.5, -0.5])?;
        g.selntran(0)?;
        g.setclip(false);
        g.setcharheight(0.02)?;
        g.settextalign(2, 1)?;
        g.text(
            x0 + 0.18,
            0.17,
            if *clip { "clipping on" } else { "clipping off" },
        )?;
    }
    Ok(())
}
