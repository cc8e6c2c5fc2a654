//! Renders formulas (one per argument) one under the other into a PNG, for looking at the
//! layout: `cargo run -p mathtex --example render -- OUT.png EM 'x^2' '\frac{a}{b}'`.

use gks::device::{DeviceOp, FillRule, Glyph, GlyphRun, Page, Rgba};
use gks::geometry::{Affine, Path, Rect};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = args.first().ok_or("usage: render OUT.png EM FORMULA...")?;
    let em: f64 = args.get(1).ok_or("missing EM")?.parse()?;
    let mut layouts = Vec::new();
    for src in &args[2..] {
        let nodes = mathtex::parse(src).map_err(|e| format!("{src}: {e}"))?;
        layouts.push(mathtex::layout(&nodes, em)?);
    }
    let pad = em * 0.4;
    let width = layouts.iter().map(|l| l.width).fold(0.0, f64::max) + 2.0 * pad;
    let height: f64 = layouts
        .iter()
        .map(|l| l.ascent + l.descent + pad)
        .sum::<f64>()
        + pad;
    let mut page = Page {
        width: width.ceil(),
        height: height.ceil(),
        dpi: 72.0,
        background: Some(Rgba::WHITE),
        ops: Vec::new(),
    };
    let mut y = pad;
    for l in &layouts {
        y += l.ascent;
        let guide = |x0: f64, y0: f64, x1: f64, y1: f64, c: Rgba| DeviceOp::Fill {
            path: Path::rect(Rect::new(x0, y0, x1, y1)),
            rule: FillRule::NonZero,
            color: c,
        };
        // the box (light blue) and the baseline (red)
        page.ops.push(guide(
            pad,
            y - l.ascent,
            pad + l.width,
            y + l.descent,
            Rgba::rgb(225, 235, 255),
        ));
        page.ops.push(guide(
            pad,
            y - 0.25,
            pad + l.width,
            y + 0.25,
            Rgba::rgb(255, 120, 120),
        ));
        let flip = Affine::translate(pad, y).then_after(&Affine::scale(1.0, -1.0));
        for g in &l.glyphs {
            page.ops.push(DeviceOp::Glyphs {
                run: GlyphRun {
                    face: g.face,
                    size: g.size,
                    transform: flip,
                    glyphs: vec![Glyph {
                        id: g.id,
                        x: g.x,
                        y: g.y,
                        ch: g.ch,
                    }],
                },
                color: Rgba::BLACK,
            });
        }
        for r in &l.rules {
            page.ops.push(guide(
                pad + r.x0,
                y - r.y1,
                pad + r.x1,
                y - r.y0,
                Rgba::BLACK,
            ));
        }
        y += l.descent + pad;
    }
    let rgba = gks::driver::raster::render_rgba(&page)?;
    let png = gks::driver::encode::png_bytes(page.width as u32, page.height as u32, &rgba)?;
    std::fs::write(out, png)?;
    Ok(())
}
