//! Shapes in world coordinates: GR's `drawarc`, `fillarc` and `drawpath` (vertices with
//! GR's path codes), and the image resampling method used by `drawimage`.

use gks::device::FillRule;
use gks::geometry::Path;

use crate::context::Gr;
use crate::error::{Error, Result};

/// Path code: end of the path (GR's `GR_STOP`).
pub const PATH_STOP: u8 = 0;
/// Path code: start a new subpath at the vertex (`GR_MOVETO`).
pub const PATH_MOVETO: u8 = 1;
/// Path code: straight line to the vertex (`GR_LINETO`).
pub const PATH_LINETO: u8 = 2;
/// Path code: quadratic Bézier; this vertex is the control point, the next the end
/// (`GR_CURVE3`, given twice).
pub const PATH_CURVE3: u8 = 3;
/// Path code: cubic Bézier; this and the next vertex are control points, the third the end
/// (`GR_CURVE4`, given three times).
pub const PATH_CURVE4: u8 = 4;
/// Path code: close the subpath (`GR_CLOSEPOLY`); its vertex is ignored.
pub const PATH_CLOSEPOLY: u8 = 0x4f;

/// GR's resample method codes for `setresamplemethod` (one byte per direction and
/// operation; GR repeats the same method in all four bytes).
pub mod resample {
    /// GR's default (nearest neighbour for images here).
    pub const DEFAULT: u32 = 0x0000_0000;
    /// Nearest neighbour.
    pub const NEAREST: u32 = 0x0101_0101;
    /// Bilinear.
    pub const LINEAR: u32 = 0x0202_0202;
    /// Lanczos (drawn bilinear here: tiny-skia, SVG and PDF viewers offer no Lanczos).
    pub const LANCZOS: u32 = 0x0303_0303;
}

impl Gr {
    /// World rectangle → kernel coordinates, as for `drawimage`.
    fn arc_rect(
        &self,
        func: &'static str,
        xmin: f64,
        xmax: f64,
        ymin: f64,
        ymax: f64,
    ) -> Result<[f64; 4]> {
        let [a, b, c, d] = self.rect_unit(func, xmin, xmax, ymin, ymax)?;
        Ok([a.min(b), a.max(b), c.min(d), c.max(d)])
    }

    /// `drawarc`: the outline of the elliptical arc inscribed in the world rectangle,
    /// from `a1` to `a2` degrees counter-clockwise from the +x direction, with the line
    /// attributes.
    #[allow(clippy::too_many_arguments)]
    pub fn drawarc(
        &mut self,
        xmin: f64,
        xmax: f64,
        ymin: f64,
        ymax: f64,
        a1: f64,
        a2: f64,
    ) -> Result<()> {
        let [a, b, c, d] = self.arc_rect("drawarc", xmin, xmax, ymin, ymax)?;
        self.gks.drawarc(a, b, c, d, a1, a2)?;
        Ok(())
    }

    /// `fillarc`: the pie slice of the ellipse inscribed in the world rectangle from `a1`
    /// to `a2` degrees (the whole ellipse when they span 360°), with the fill attributes.
    #[allow(clippy::too_many_arguments)]
    pub fn fillarc(
        &mut self,
        xmin: f64,
        xmax: f64,
        ymin: f64,
        ymax: f64,
        a1: f64,
        a2: f64,
    ) -> Result<()> {
        let [a, b, c, d] = self.arc_rect("fillarc", xmin, xmax, ymin, ymax)?;
        self.gks.fillarc(a, b, c, d, a1, a2)?;
        Ok(())
    }

    /// `drawpath`: a path of world `vertices` with one GR path code per vertex
    /// ([`PATH_MOVETO`], [`PATH_LINETO`], [`PATH_CURVE3`], [`PATH_CURVE4`],
    /// [`PATH_CLOSEPOLY`], [`PATH_STOP`]), stroked with the line attributes, or filled
    /// (non-zero rule) with the fill attributes when `fill` is true.
    pub fn drawpath(&mut self, vertices: &[(f64, f64)], codes: &[u8], fill: bool) -> Result<()> {
        let path = self.build_path(vertices, codes)?;
        if fill {
            self.gks.drawpath(&path, false, Some(FillRule::NonZero))?;
        } else {
            self.gks.drawpath(&path, true, None)?;
        }
        Ok(())
    }

    fn build_path(&self, vertices: &[(f64, f64)], codes: &[u8]) -> Result<Path> {
        let bad = |msg: String| Error::InvalidArgument {
            func: "drawpath",
            msg,
        };
        if vertices.len() != codes.len() {
            return Err(bad(format!(
                "one code per vertex is needed, got {} vertices and {} codes",
                vertices.len(),
                codes.len()
            )));
        }
        let wc = self.in_wc();
        let unit = |i: usize| -> Result<(f64, f64)> {
            let (x, y) = vertices[i];
            let (u, v) = if wc { self.to_unit(x, y) } else { (x, y) };
            if u.is_finite() && v.is_finite() {
                Ok((u, v))
            } else {
                Err(bad(format!(
                    "vertex {i} ({x}, {y}) is not finite (or not positive on a log axis)"
                )))
            }
        };
        let mut path = Path::new();
        let mut open = false;
        let mut i = 0;
        while i < codes.len() {
            match codes[i] {
                PATH_STOP => break,
                PATH_MOVETO => {
                    let (x, y) = unit(i)?;
                    path.move_to(x, y);
                    open = true;
                    i += 1;
                }
                PATH_LINETO | PATH_CURVE3 | PATH_CURVE4 if !open => {
                    return Err(bad(format!(
                        "code {} at vertex {i} needs a current point: start with PATH_MOVETO",
                        codes[i]
                    )));
                }
                PATH_LINETO => {
                    let (x, y) = unit(i)?;
                    path.line_to(x, y);
                    i += 1;
                }
                PATH_CURVE3 => {
                    if codes.get(i + 1) != Some(&PATH_CURVE3) {
                        return Err(bad(format!(
                            "PATH_CURVE3 at vertex {i} must be followed by a second PATH_CURVE3 (control point, end point)"
                        )));
                    }
                    let (cx, cy) = unit(i)?;
                    let (x, y) = unit(i + 1)?;
                    path.quad_to(cx, cy, x, y);
                    i += 2;
                }
                PATH_CURVE4 => {
                    if codes.get(i + 1) != Some(&PATH_CURVE4)
                        || codes.get(i + 2) != Some(&PATH_CURVE4)
                    {
                        return Err(bad(format!(
                            "PATH_CURVE4 at vertex {i} must be given three times (two control points, end point)"
                        )));
                    }
                    let (c1x, c1y) = unit(i)?;
                    let (c2x, c2y) = unit(i + 1)?;
                    let (x, y) = unit(i + 2)?;
                    path.cubic_to(c1x, c1y, c2x, c2y, x, y);
                    i += 3;
                }
                PATH_CLOSEPOLY => {
                    if open {
                        path.close();
                    }
                    i += 1;
                }
                other => {
                    return Err(bad(format!(
                        "unknown path code {other} at vertex {i} (use 0 stop, 1 move, 2 line, 3 quadratic, 4 cubic, 79 close)"
                    )))
                }
            }
        }
        if path.cmds.is_empty() {
            return Err(bad("the path has no vertices before PATH_STOP".into()));
        }
        Ok(path)
    }

    /// `setresamplemethod`: how `drawimage` resamples (see [`resample`]); unknown codes are
    /// refused.
    pub fn setresamplemethod(&mut self, method: u32) -> Result<()> {
        let linear = match method {
            resample::DEFAULT | resample::NEAREST => false,
            resample::LINEAR | resample::LANCZOS => true,
            _ => {
                return Err(Error::InvalidArgument {
                    func: "setresamplemethod",
                    msg: format!(
                        "unknown method {method:#010x}; use resample::NEAREST, LINEAR or LANCZOS"
                    ),
                })
            }
        };
        self.resample_method = method;
        self.gks.set_image_smoothing(linear);
        Ok(())
    }

    /// `inqresamplemethod`: the method last set (default [`resample::DEFAULT`]).
    pub fn inqresamplemethod(&self) -> u32 {
        self.resample_method
    }
}

/// Gallery scene: a pie chart from `fillarc`/`drawarc`, and a heart and a wave drawn by
/// `drawpath` with quadratic and cubic Bézier segments.
pub fn shapes_scene(gr: &mut Gr) -> Result<()> {
    // Pie: shares of a (made-up but plausible) energy mix, starting at 90°.
    let shares = [31.0, 24.0, 19.0, 15.0, 11.0];
    let colors = [
        (0.12, 0.47, 0.71),
        (1.0, 0.5, 0.05),
        (0.17, 0.63, 0.17),
        (0.84, 0.15, 0.16),
        (0.58, 0.4, 0.74),
    ];
    gr.setviewport(0.03, 0.48, 0.13, 0.58)?;
    gr.setwindow(-1.1, 1.1, -1.1, 1.1)?;
    gr.setfillintstyle(1)?;
    let mut a = 90.0;
    for (s, (r, g, b)) in shares.iter().zip(colors) {
        let sweep = 360.0 * s / 100.0;
        let ci = gr.inqcolorfromrgb(r, g, b)?;
        gr.setfillcolorind(ci)?;
        gr.fillarc(-1.0, 1.0, -1.0, 1.0, a, a + sweep)?;
        a += sweep;
    }
    gr.setlinecolorind(0)?;
    gr.setlinewidth(2.0)?;
    gr.drawarc(-1.0, 1.0, -1.0, 1.0, 0.0, 360.0)?;
    // Heart from two cubic Béziers and a wave of quadratic ones.
    gr.setviewport(0.52, 0.97, 0.13, 0.58)?;
    gr.setwindow(-1.2, 1.2, -1.2, 1.2)?;
    let heart = [
        (0.0, -0.9),
        (-1.3, 0.0),
        (-0.6, 1.1),
        (0.0, 0.45),
        (0.6, 1.1),
        (1.3, 0.0),
        (0.0, -0.9),
        (0.0, -0.9),
    ];
    let codes = [
        PATH_MOVETO,
        PATH_CURVE4,
        PATH_CURVE4,
        PATH_CURVE4,
        PATH_CURVE4,
        PATH_CURVE4,
        PATH_CURVE4,
        PATH_CLOSEPOLY,
    ];
    let red = gr.inqcolorfromrgb(0.86, 0.08, 0.24)?;
    gr.setfillcolorind(red)?;
    gr.drawpath(&heart, &codes, true)?;
    gr.setlinecolorind(1)?;
    gr.setlinewidth(1.5)?;
    gr.drawpath(&heart, &codes, false)?;
    let mut wave = vec![(-1.1, -1.05)];
    let mut wave_codes = vec![PATH_MOVETO];
    for k in 0..4 {
        let x0 = -1.1 + 0.55 * k as f64;
        let up = if k % 2 == 0 { -0.85 } else { -1.25 };
        wave.extend([(x0 + 0.275, up), (x0 + 0.55, -1.05)]);
        wave_codes.extend([PATH_CURVE3, PATH_CURVE3]);
    }
    gr.setlinecolorind(4)?;
    gr.drawpath(&wave, &wave_codes, false)?;
    gr.setlinewidth(1.0)?;
    gr.selntran(0)?;
    gr.settextalign(2, 1)?;
    gr.setcharheight(0.022)?;
    gr.text(0.255, 0.66, "fillarc / drawarc")?;
    gr.text(0.745, 0.66, "drawpath (Bézier)")?;
    Ok(())
}
