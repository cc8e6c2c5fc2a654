//! The output primitives of [`Gks`]: polylines, markers, fill areas, cell arrays, images,
//! text and paths, recorded into the display list with the attributes in force.

use super::{check_arrays, check_finite, Gks};
use crate::attributes::FillIntStyle;
use crate::device::{FillRule, Rgba};
use crate::display_list::Item;
use crate::display_list::{FillStyle, LineStyle, MarkerStyle, Primitive, TextStyle};
use crate::error::{Error, Result};
use crate::geometry::{Path, PathCmd, Rect};
use std::sync::Arc;

impl Gks {
    fn color(&self, index: usize) -> Rgba {
        self.colors.rgba(index).with_alpha(self.state.transparency)
    }

    fn line_style(&self) -> LineStyle {
        LineStyle {
            linetype: self.state.linetype,
            width: self.state.linewidth,
            color: self.color(self.state.linecolor),
        }
    }

    fn fill_style(&self) -> FillStyle {
        FillStyle {
            int_style: self.state.fillintstyle,
            style_index: self.state.fillstyle,
            color: self.color(self.state.fillcolor),
            border_color: self.color(self.state.bordercolor),
            border_width: self.state.borderwidth,
        }
    }

    /// The text attributes in force, as recorded with text primitives.
    pub fn text_style(&self) -> TextStyle {
        let s = &self.state;
        TextStyle {
            face: s.face,
            height: s.charheight,
            up: s.charup,
            expansion: s.charexpan,
            spacing: s.charspace,
            path: s.textpath,
            halign: s.halign,
            valign: s.valign,
            color: self.color(s.textcolor),
        }
    }

    fn clip_rect(&self) -> Option<Rect> {
        self.state
            .clip
            .then(|| self.state.transforms[self.state.cur_tnr].viewport_rect())
    }

    fn push(&mut self, primitive: Primitive) {
        let clip = self.clip_rect();
        self.items.push(Item { primitive, clip });
    }

    fn to_ndc(&self, x: &[f64], y: &[f64]) -> Vec<(f64, f64)> {
        let (sx, ox, sy, oy) = self.state.transforms[self.state.cur_tnr].coeffs();
        let mut points = crate::recycle::points_buffer(x.len());
        points.extend(x.iter().zip(y).map(|(&x, &y)| (sx * x + ox, sy * y + oy)));
        points
    }

    /// `polyline`: a connected line through the points (world coordinates of the selected
    /// transform). A NaN or infinite coordinate breaks the line, as in GR.
    ///
    /// A solid line of 100,000 points or more is reduced per column of the workstation's
    /// pixels while it is recorded (see [`Gks::polyline_mapped`]).
    pub fn polyline(&mut self, x: &[f64], y: &[f64]) -> Result<()> {
        self.polyline_mapped(x, y, |v| v, |v| v)
    }

    /// [`Gks::polyline`] through the points `(fx(x[i]), fy(y[i]))`: a mapping such as a
    /// plot's axis scales and the world → NDC transform are applied in one pass over the
    /// data, without an intermediate copy.
    ///
    /// A solid line of 100,000 points or more is reduced while it is mapped, on all cores,
    /// to at most four points per quarter pixel column of the workstation (first, lowest,
    /// highest, last), which draws the same pixels as the whole line (GR reduces long lines
    /// when they are drawn, too); a million-point line is recorded as a few thousand points.
    pub fn polyline_mapped(
        &mut self,
        x: &[f64],
        y: &[f64],
        fx: impl Fn(f64) -> f64 + Sync,
        fy: impl Fn(f64) -> f64 + Sync,
    ) -> Result<()> {
        check_arrays("polyline", x, y, 2)?;
        let (sx, ox, sy, oy) = self.state.transforms[self.state.cur_tnr].coeffs();
        let map = |x: f64, y: f64| (sx * fx(x) + ox, sy * fy(y) + oy);
        let points = if x.len() >= super::reduce::REDUCE_POINTS
            && self.state.linetype == crate::attributes::LineType::Solid
        {
            super::reduce::map_and_reduce(x, y, &self.ws.ndc_to_device(), map)
        } else {
            x.iter().zip(y).map(|(&x, &y)| map(x, y)).collect()
        };
        let style = self.line_style();
        self.push(Primitive::Polyline { points, style });
        Ok(())
    }

    /// [`Gks::polyline`] for points already paired as `(x, y)`: the vector is converted to
    /// NDC in place and kept, which saves copying long data (a million-point line).
    pub fn polyline_points(&mut self, mut points: Vec<(f64, f64)>) -> Result<()> {
        if points.len() < 2 {
            return Err(Error::BadArrays {
                func: "polyline",
                msg: format!("needs at least 2 point(s), got {}", points.len()),
            });
        }
        let (sx, ox, sy, oy) = self.state.transforms[self.state.cur_tnr].coeffs();
        for p in points.iter_mut() {
            *p = (sx * p.0 + ox, sy * p.1 + oy);
        }
        let style = self.line_style();
        self.push(Primitive::Polyline { points, style });
        Ok(())
    }

    /// `polymarker`: markers at the points; non-finite points are skipped.
    pub fn polymarker(&mut self, x: &[f64], y: &[f64]) -> Result<()> {
        self.polymarker_mapped(x, y, |v| v, |v| v)
    }

    /// [`Gks::polymarker`] at the points `(fx(x[i]), fy(y[i]))`: a plot's axis scales and
    /// the world → NDC transform applied in one pass over the data.
    pub fn polymarker_mapped(
        &mut self,
        x: &[f64],
        y: &[f64],
        fx: impl Fn(f64) -> f64,
        fy: impl Fn(f64) -> f64,
    ) -> Result<()> {
        check_arrays("polymarker", x, y, 1)?;
        let (sx, ox, sy, oy) = self.state.transforms[self.state.cur_tnr].coeffs();
        let mut points = crate::recycle::points_buffer(x.len());
        points.extend(
            x.iter()
                .zip(y)
                .map(|(&x, &y)| (sx * fx(x) + ox, sy * fy(y) + oy)),
        );
        let s = &self.state;
        let style = MarkerStyle {
            marker: s.markertype,
            size: s.markersize,
            color: self.color(s.markercolor),
            border_color: self.color(s.bordercolor),
            border_width: s.borderwidth,
            line_width: s.linewidth,
            background: self.color(0),
        };
        self.push(Primitive::Polymarker { points, style });
        Ok(())
    }

    /// `fillarea`: a polygon filled with the fill attributes (even-odd rule, as GKS).
    pub fn fillarea(&mut self, x: &[f64], y: &[f64]) -> Result<()> {
        self.fillarea_with_rule(x, y, FillRule::EvenOdd)
    }

    /// `fillarea` with an explicit fill rule.
    pub fn fillarea_with_rule(&mut self, x: &[f64], y: &[f64], rule: FillRule) -> Result<()> {
        check_arrays("fillarea", x, y, 3)?;
        if let Some(i) = x
            .iter()
            .zip(y)
            .position(|(a, b)| !(a.is_finite() && b.is_finite()))
        {
            return Err(Error::BadArrays {
                func: "fillarea",
                msg: format!("point {i} ({}, {}) is not finite", x[i], y[i]),
            });
        }
        self.check_fill_index("fillarea")?;
        let points = self.to_ndc(x, y);
        let style = self.fill_style();
        self.push(Primitive::FillArea {
            points,
            style,
            rule,
        });
        Ok(())
    }

    fn check_fill_index(&self, func: &'static str) -> Result<()> {
        if self.state.fillintstyle == FillIntStyle::Hatch
            && !(1..=11).contains(&self.state.fillstyle)
        {
            return Err(Error::InvalidArgument {
                func,
                msg: format!("hatch style must be 1..=11, got {}", self.state.fillstyle),
            });
        }
        Ok(())
    }

    fn image_rect(
        &self,
        func: &'static str,
        xmin: f64,
        xmax: f64,
        ymin: f64,
        ymax: f64,
    ) -> Result<Rect> {
        for (what, v) in [
            ("xmin", xmin),
            ("xmax", xmax),
            ("ymin", ymin),
            ("ymax", ymax),
        ] {
            check_finite(func, what, v)?;
        }
        if xmin == xmax || ymin == ymax {
            return Err(Error::InvalidArgument {
                func,
                msg: format!("the target rectangle is empty: x {xmin}..{xmax}, y {ymin}..{ymax}"),
            });
        }
        let (x0, y0) = self.wctondc(xmin, ymin);
        let (x1, y1) = self.wctondc(xmax, ymax);
        Ok(Rect::new(x0, y0, x1, y1))
    }

    fn check_dims(func: &'static str, w: usize, h: usize, len: usize) -> Result<()> {
        if w == 0 || h == 0 {
            return Err(Error::BadArrays {
                func,
                msg: format!("dimensions must be at least 1×1, got {w}×{h}"),
            });
        }
        if w.checked_mul(h) != Some(len) {
            return Err(Error::BadArrays {
                func,
                msg: format!(
                    "{w}×{h} cells need {} values, got {len}",
                    w.saturating_mul(h)
                ),
            });
        }
        if w > 1 << 15 || h > 1 << 15 {
            return Err(Error::BadArrays {
                func,
                msg: format!("{w}×{h} is too large (at most 32768 per side)"),
            });
        }
        Ok(())
    }

    /// `cellarray`: a raster of colour indices, row-major, `dimx` columns by `dimy` rows.
    /// Column 0 is drawn at `xmin` and row 0 at `ymax` (so row 0 is at the top when
    /// `ymin < ymax`); passing `xmin > xmax` or `ymin > ymax` mirrors the raster, as in GR.
    #[allow(clippy::too_many_arguments)]
    pub fn cellarray(
        &mut self,
        xmin: f64,
        xmax: f64,
        ymin: f64,
        ymax: f64,
        dimx: usize,
        dimy: usize,
        colors: &[i32],
    ) -> Result<()> {
        let func = "cellarray";
        Self::check_dims(func, dimx, dimy, colors.len())?;
        let rect = self.image_rect(func, xmin, xmax, ymin, ymax)?;
        let lut: Vec<[u8; 4]> = (0..self.colors.len())
            .map(|i| {
                let c = self.color(i);
                [c.r, c.g, c.b, c.a]
            })
            .collect();
        let mut rgba = vec![0u8; dimx * dimy * 4];
        let (fx, fy) = self.flips(xmin, xmax, ymin, ymax);
        for (k, &ci) in colors.iter().enumerate() {
            let c =
                lut.get(ci as usize)
                    .filter(|_| ci >= 0)
                    .ok_or_else(|| Error::InvalidArgument {
                        func,
                        msg: format!(
                            "cell {k} has colour index {ci}, outside 0..={}",
                            lut.len() - 1
                        ),
                    })?;
            let (col, row) = (k % dimx, k / dimx);
            let col = if fx { dimx - 1 - col } else { col };
            let row = if fy { dimy - 1 - row } else { row };
            let o = (row * dimx + col) * 4;
            rgba[o..o + 4].copy_from_slice(c);
        }
        self.push(Primitive::Image {
            rect,
            width: dimx as u32,
            height: dimy as u32,
            rgba: Arc::new(rgba),
            smooth: false,
        });
        Ok(())
    }

    /// Whether the raster must be mirrored horizontally / vertically so that column 0 lands
    /// at `xmin` and row 0 at `ymax` in NDC.
    fn flips(&self, xmin: f64, xmax: f64, ymin: f64, ymax: f64) -> (bool, bool) {
        let (x0, y0) = self.wctondc(xmin, ymin);
        let (x1, y1) = self.wctondc(xmax, ymax);
        (x0 > x1, y0 > y1)
    }

    /// `drawimage`: an RGBA image (`width × height` pixels as `[r, g, b, a]`, row 0 at
    /// `ymax`), resampled nearest or linear (see [`Gks::set_image_smoothing`]).
    #[allow(clippy::too_many_arguments)]
    pub fn drawimage(
        &mut self,
        xmin: f64,
        xmax: f64,
        ymin: f64,
        ymax: f64,
        width: usize,
        height: usize,
        rgba: &[[u8; 4]],
    ) -> Result<()> {
        let func = "drawimage";
        Self::check_dims(func, width, height, rgba.len())?;
        let rect = self.image_rect(func, xmin, xmax, ymin, ymax)?;
        let (fx, fy) = self.flips(xmin, xmax, ymin, ymax);
        let alpha = self.state.transparency;
        let mut out = vec![0u8; width * height * 4];
        for (k, px) in rgba.iter().enumerate() {
            let (col, row) = (k % width, k / width);
            let col = if fx { width - 1 - col } else { col };
            let row = if fy { height - 1 - row } else { row };
            let o = (row * width + col) * 4;
            out[o..o + 3].copy_from_slice(&px[..3]);
            out[o + 3] = (px[3] as f64 * alpha).round() as u8;
        }
        self.push(Primitive::Image {
            rect,
            width: width as u32,
            height: height as u32,
            rgba: Arc::new(out),
            smooth: self.state.smooth_images,
        });
        Ok(())
    }

    /// `text`: a UTF-8 string at a point of the selected transform, with the text
    /// attributes (font, height, up vector, alignment, ...). `\n` starts a new line.
    pub fn text(&mut self, x: f64, y: f64, text: &str) -> Result<()> {
        check_finite("text", "x", x)?;
        check_finite("text", "y", y)?;
        let (x, y) = self.wctondc(x, y);
        let style = self.text_style();
        let text = self.encode_text(text);
        self.push(Primitive::Text { x, y, text, style });
        Ok(())
    }

    /// `inqtext`: the four corners (counter-clockwise from the lower left of the text box,
    /// descender to ascender) that `text(x, y, s)` would cover, in the selected transform's
    /// world coordinates.
    pub fn inqtext(&self, x: f64, y: f64, text: &str) -> Result<([f64; 4], [f64; 4])> {
        check_finite("inqtext", "x", x)?;
        check_finite("inqtext", "y", y)?;
        let (nx, ny) = self.wctondc(x, y);
        let layout = crate::text::layout(nx, ny, &self.encode_text(text), &self.text_style());
        let mut xs = [0.0; 4];
        let mut ys = [0.0; 4];
        for (i, &(cx, cy)) in layout.corners.iter().enumerate() {
            let (wx, wy) = self.ndctowc(cx, cy);
            xs[i] = wx;
            ys[i] = wy;
        }
        Ok((xs, ys))
    }

    /// GR's Symbol fonts (113 and legacy 7, 15, 23, 31) take Latin letters as Greek and
    /// symbols (`a` → α), as PostScript's Symbol encoding does.
    fn encode_text(&self, text: &str) -> String {
        if crate::font::is_symbol_font(self.state.font) {
            text.chars().map(crate::font::symbol_to_unicode).collect()
        } else {
            text.to_string()
        }
    }

    /// Places a block of glyphs and rules laid out by a higher layer (a math formula) at a
    /// point of the selected transform, with the text alignment, up vector and colour.
    pub fn glyph_block(
        &mut self,
        x: f64,
        y: f64,
        block: crate::display_list::GlyphBlock,
    ) -> Result<()> {
        check_finite("glyph_block", "x", x)?;
        check_finite("glyph_block", "y", y)?;
        let ok = |v: f64| v.is_finite();
        let finite = ok(block.width)
            && ok(block.ascent)
            && ok(block.descent)
            && block
                .glyphs
                .iter()
                .all(|g| ok(g.x) && ok(g.y) && ok(g.size) && g.size > 0.0)
            && block
                .rules
                .iter()
                .all(|r| ok(r.x0) && ok(r.y0) && ok(r.x1) && ok(r.y1));
        if !finite {
            return Err(Error::InvalidArgument {
                func: "glyph_block",
                msg: "glyph positions, sizes and extents must be finite (sizes > 0)".into(),
            });
        }
        let (x, y) = self.wctondc(x, y);
        let style = self.text_style();
        self.push(Primitive::Block { x, y, block, style });
        Ok(())
    }

    /// Draws a path given in world coordinates: stroked with the line attributes and/or
    /// filled with the fill attributes.
    pub fn drawpath(&mut self, path: &Path, stroke: bool, fill: Option<FillRule>) -> Result<()> {
        for c in &path.cmds {
            let ok = match *c {
                PathCmd::MoveTo(x, y) | PathCmd::LineTo(x, y) => x.is_finite() && y.is_finite(),
                PathCmd::QuadTo(a, b, x, y) => [a, b, x, y].iter().all(|v| v.is_finite()),
                PathCmd::CubicTo(a, b, c2, d, x, y) => {
                    [a, b, c2, d, x, y].iter().all(|v| v.is_finite())
                }
                PathCmd::Close => true,
            };
            if !ok {
                return Err(Error::BadArrays {
                    func: "drawpath",
                    msg: format!("path command {c:?} has a non-finite coordinate"),
                });
            }
        }
        match path.cmds.first() {
            None => {
                return Err(Error::BadArrays {
                    func: "drawpath",
                    msg: "path is empty".into(),
                })
            }
            Some(PathCmd::MoveTo(..)) => {}
            Some(c) => {
                return Err(Error::BadArrays {
                    func: "drawpath",
                    msg: format!("path must start with a move, got {c:?}"),
                })
            }
        }
        if fill.is_some() {
            self.check_fill_index("drawpath")?;
        }
        let t = self.state.transforms[self.state.cur_tnr];
        let (sx, sy) = t.scale();
        let (ox, oy) = t.wc_to_ndc(0.0, 0.0);
        let affine = crate::geometry::Affine {
            m: [sx, 0.0, 0.0, sy, ox, oy],
        };
        let path = path.transformed(&affine);
        let stroke = stroke.then(|| self.line_style());
        let fill = fill.map(|r| (self.fill_style(), r));
        self.push(Primitive::Path { path, stroke, fill });
        Ok(())
    }

    /// `drawrect`: the outline of a rectangle (world coordinates).
    pub fn drawrect(&mut self, xmin: f64, xmax: f64, ymin: f64, ymax: f64) -> Result<()> {
        let p = Path::rect(Rect::new(xmin, ymin, xmax, ymax));
        self.drawpath(&p, true, None)
    }

    /// `fillrect`: a filled rectangle (world coordinates) with the fill attributes.
    pub fn fillrect(&mut self, xmin: f64, xmax: f64, ymin: f64, ymax: f64) -> Result<()> {
        self.fillarea(&[xmin, xmax, xmax, xmin], &[ymin, ymin, ymax, ymax])
    }

    fn arc_path(
        func: &'static str,
        xmin: f64,
        xmax: f64,
        ymin: f64,
        ymax: f64,
        a1: f64,
        a2: f64,
    ) -> Result<Path> {
        for (what, v) in [
            ("xmin", xmin),
            ("xmax", xmax),
            ("ymin", ymin),
            ("ymax", ymax),
            ("start angle", a1),
            ("end angle", a2),
        ] {
            check_finite(func, what, v)?;
        }
        let (cx, cy) = ((xmin + xmax) / 2.0, (ymin + ymax) / 2.0);
        let (rx, ry) = ((xmax - xmin).abs() / 2.0, (ymax - ymin).abs() / 2.0);
        let mut p = Path::new();
        p.arc(cx, cy, rx, ry, a1.to_radians(), a2.to_radians(), false);
        Ok(p)
    }

    /// `drawarc`: an elliptical arc inscribed in the rectangle, from angle `a1` to `a2`
    /// (degrees, counter-clockwise from the positive x axis).
    pub fn drawarc(
        &mut self,
        xmin: f64,
        xmax: f64,
        ymin: f64,
        ymax: f64,
        a1: f64,
        a2: f64,
    ) -> Result<()> {
        let p = Self::arc_path("drawarc", xmin, xmax, ymin, ymax, a1, a2)?;
        self.drawpath(&p, true, None)
    }

    /// `fillarc`: a filled pie slice of the ellipse inscribed in the rectangle.
    pub fn fillarc(
        &mut self,
        xmin: f64,
        xmax: f64,
        ymin: f64,
        ymax: f64,
        a1: f64,
        a2: f64,
    ) -> Result<()> {
        let mut p = Self::arc_path("fillarc", xmin, xmax, ymin, ymax, a1, a2)?;
        let full = (a2 - a1).abs() >= 360.0;
        if !full {
            p.line_to((xmin + xmax) / 2.0, (ymin + ymax) / 2.0);
        }
        p.close();
        self.drawpath(&p, false, Some(FillRule::NonZero))
    }
}
