//! The kernel context [`Gks`]: attribute and transform state, the display list of the current
//! page, and the output (file or memory) the pages go to.

use std::path::{Path as FsPath, PathBuf};
use std::sync::Arc;

use crate::attributes::{FillIntStyle, LineType, MarkerType, TextHAlign, TextPath, TextVAlign};
use crate::color::ColorTable;
use crate::device::{FillRule, Page, Rgba};
use crate::display_list::{FillStyle, Item, LineStyle, MarkerStyle, Primitive, TextStyle};
use crate::driver::{self, Format};
use crate::error::{Error, Result};
use crate::geometry::{Path, PathCmd, Rect};
use crate::state::State;
use crate::transform::{check_range, Workstation, NUM_TRANSFORMS};

/// A file output opened by [`Gks::beginprint`].
#[derive(Debug)]
struct Output {
    path: PathBuf,
    format: Format,
    pages: Vec<Page>,
}

/// A GKS kernel context: owns all state; independent contexts can be used from different
/// threads.
///
/// ```
/// use gks::Gks;
/// let mut g = Gks::new();
/// g.setlinecolorind(2)?;
/// g.polyline(&[0.1, 0.9], &[0.1, 0.6])?;
/// let rgba = g.render_rgba()?; // 600×450 RGBA pixels
/// assert_eq!(rgba.len(), 600 * 450 * 4);
/// # Ok::<(), gks::Error>(())
/// ```
#[derive(Debug)]
pub struct Gks {
    state: State,
    saved: Vec<State>,
    colors: ColorTable,
    ws: Workstation,
    background: Option<Rgba>,
    items: Vec<Item>,
    output: Option<Output>,
}

impl Default for Gks {
    fn default() -> Self {
        Self::new()
    }
}

fn check_finite(func: &'static str, what: &str, v: f64) -> Result<()> {
    if v.is_finite() {
        Ok(())
    } else {
        Err(Error::InvalidArgument {
            func,
            msg: format!("{what} must be finite, got {v}"),
        })
    }
}

fn check_nonneg(func: &'static str, what: &str, v: f64) -> Result<()> {
    if v.is_finite() && v >= 0.0 {
        Ok(())
    } else {
        Err(Error::InvalidArgument {
            func,
            msg: format!("{what} must be a finite number >= 0, got {v}"),
        })
    }
}

fn check_arrays(func: &'static str, x: &[f64], y: &[f64], min: usize) -> Result<()> {
    if x.len() != y.len() {
        return Err(Error::BadArrays {
            func,
            msg: format!(
                "x and y must have the same length, got {} and {}",
                x.len(),
                y.len()
            ),
        });
    }
    if x.len() < min {
        return Err(Error::BadArrays {
            func,
            msg: format!("needs at least {min} point(s), got {}", x.len()),
        });
    }
    Ok(())
}

impl Gks {
    /// A context with GR's defaults: a 600×450 px page at 100 dpi, NDC x in 0..1 and
    /// y in 0..0.75, white background, transform 0 selected, clipping off.
    pub fn new() -> Self {
        Gks {
            state: State::default(),
            saved: Vec::new(),
            colors: ColorTable::default(),
            ws: Workstation::default(),
            background: Some(Rgba::WHITE),
            items: Vec::new(),
            output: None,
        }
    }

    // ----- workstation -------------------------------------------------------------------

    /// Sets the page size in device pixels (keeps the dpi).
    pub fn set_size_px(&mut self, width: f64, height: f64) -> Result<()> {
        self.ws.set_size_px(width, height)
    }

    /// Sets the page size in inches at the given resolution.
    pub fn set_size_inches(&mut self, width: f64, height: f64, dpi: f64) -> Result<()> {
        if !(dpi.is_finite() && (1.0..=10_000.0).contains(&dpi)) {
            return Err(Error::InvalidArgument {
                func: "set_size_inches",
                msg: format!("dpi must lie in 1..=10000, got {dpi}"),
            });
        }
        self.ws.set_size_px(width * dpi, height * dpi)?;
        self.ws.dpi = dpi;
        Ok(())
    }

    /// Sets the page size in centimetres at the given resolution.
    pub fn set_size_cm(&mut self, width: f64, height: f64, dpi: f64) -> Result<()> {
        self.set_size_inches(width / 2.54, height / 2.54, dpi)
    }

    /// `setwsviewport`: the page size in metres (GR's convention), at the current dpi.
    pub fn setwsviewport(&mut self, xmin: f64, xmax: f64, ymin: f64, ymax: f64) -> Result<()> {
        check_range("setwsviewport", "x", xmin, xmax)?;
        check_range("setwsviewport", "y", ymin, ymax)?;
        let px = self.ws.dpi / 0.0254;
        self.ws.set_size_px((xmax - xmin) * px, (ymax - ymin) * px)
    }

    /// `setwswindow`: the NDC rectangle shown on the page (aspect preserved, anchored at
    /// the lower left).
    pub fn setwswindow(&mut self, xmin: f64, xmax: f64, ymin: f64, ymax: f64) -> Result<()> {
        self.ws.set_window(xmin, xmax, ymin, ymax)
    }

    /// The workstation geometry.
    pub fn workstation(&self) -> &Workstation {
        &self.ws
    }

    /// Page background colour; `None` makes PNG, SVG and PDF pages transparent.
    pub fn set_background(&mut self, color: Option<Rgba>) {
        self.background = color;
    }

    // ----- transforms and clipping ---------------------------------------------------------

    fn check_tnr(func: &'static str, tnr: usize) -> Result<()> {
        if tnr == 0 || tnr >= NUM_TRANSFORMS {
            return Err(Error::InvalidArgument {
                func,
                msg: format!(
                    "transform number must be 1..=8 (0 is the fixed NDC identity), got {tnr}"
                ),
            });
        }
        Ok(())
    }

    /// `setwindow`: the world window of transform `tnr` (1..=8).
    pub fn setwindow(
        &mut self,
        tnr: usize,
        xmin: f64,
        xmax: f64,
        ymin: f64,
        ymax: f64,
    ) -> Result<()> {
        Self::check_tnr("setwindow", tnr)?;
        check_range("setwindow", "x", xmin, xmax)?;
        check_range("setwindow", "y", ymin, ymax)?;
        self.state.transforms[tnr].window = [xmin, xmax, ymin, ymax];
        Ok(())
    }

    /// `setviewport`: the NDC viewport of transform `tnr` (1..=8).
    pub fn setviewport(
        &mut self,
        tnr: usize,
        xmin: f64,
        xmax: f64,
        ymin: f64,
        ymax: f64,
    ) -> Result<()> {
        Self::check_tnr("setviewport", tnr)?;
        check_range("setviewport", "x", xmin, xmax)?;
        check_range("setviewport", "y", ymin, ymax)?;
        self.state.transforms[tnr].viewport = [xmin, xmax, ymin, ymax];
        Ok(())
    }

    /// `selntran`: selects the normalization transform used by following primitives.
    pub fn selntran(&mut self, tnr: usize) -> Result<()> {
        if tnr >= NUM_TRANSFORMS {
            return Err(Error::InvalidArgument {
                func: "selntran",
                msg: format!("transform number must be 0..=8, got {tnr}"),
            });
        }
        self.state.cur_tnr = tnr;
        Ok(())
    }

    /// `setclip`: clip following primitives to the selected transform's viewport.
    pub fn setclip(&mut self, on: bool) {
        self.state.clip = on;
    }

    /// The window of transform `tnr`.
    pub fn inqwindow(&self, tnr: usize) -> Option<[f64; 4]> {
        self.state.transforms.get(tnr).map(|t| t.window)
    }
    /// The viewport of transform `tnr`.
    pub fn inqviewport(&self, tnr: usize) -> Option<[f64; 4]> {
        self.state.transforms.get(tnr).map(|t| t.viewport)
    }
    /// The selected transform.
    pub fn inqcurntran(&self) -> usize {
        self.state.cur_tnr
    }
    /// Whether clipping is on.
    pub fn inqclip(&self) -> bool {
        self.state.clip
    }

    /// World → NDC with the selected transform.
    pub fn wctondc(&self, x: f64, y: f64) -> (f64, f64) {
        self.state.transforms[self.state.cur_tnr].wc_to_ndc(x, y)
    }
    /// NDC → world with the selected transform.
    pub fn ndctowc(&self, x: f64, y: f64) -> (f64, f64) {
        self.state.transforms[self.state.cur_tnr].ndc_to_wc(x, y)
    }

    /// `savestate`: pushes all attributes and transforms.
    pub fn savestate(&mut self) {
        self.saved.push(self.state.clone());
    }
    /// `restorestate`: pops what the matching `savestate` pushed.
    pub fn restorestate(&mut self) -> Result<()> {
        self.state = self
            .saved
            .pop()
            .ok_or_else(|| Error::State("restorestate without a matching savestate".into()))?;
        Ok(())
    }

    // ----- attributes ------------------------------------------------------------------------

    /// `setlinetype` with GR's codes (1..=4, -1..=-8).
    pub fn setlinetype(&mut self, code: i32) -> Result<()> {
        self.state.linetype = LineType::from_gr(code)?;
        Ok(())
    }
    /// `setlinewidth` (multiple of the nominal size, `min(W, H)/500` px).
    pub fn setlinewidth(&mut self, width: f64) -> Result<()> {
        check_nonneg("setlinewidth", "line width", width)?;
        self.state.linewidth = width;
        Ok(())
    }
    /// `setlinecolorind`.
    pub fn setlinecolorind(&mut self, index: i32) -> Result<()> {
        self.state.linecolor = self.colors.check("setlinecolorind", index)?;
        Ok(())
    }
    /// `setmarkertype` with GR's codes (-32..=5 except 0).
    pub fn setmarkertype(&mut self, code: i32) -> Result<()> {
        self.state.markertype = MarkerType::from_gr(code)?;
        Ok(())
    }
    /// `setmarkersize` (GR default 2).
    pub fn setmarkersize(&mut self, size: f64) -> Result<()> {
        check_nonneg("setmarkersize", "marker size", size)?;
        self.state.markersize = size;
        Ok(())
    }
    /// `setmarkercolorind`.
    pub fn setmarkercolorind(&mut self, index: i32) -> Result<()> {
        self.state.markercolor = self.colors.check("setmarkercolorind", index)?;
        Ok(())
    }
    /// `setbordercolorind`: outline colour of filled markers, SOLID_WITH_BORDER and paths.
    pub fn setbordercolorind(&mut self, index: i32) -> Result<()> {
        self.state.bordercolor = self.colors.check("setbordercolorind", index)?;
        Ok(())
    }
    /// `setborderwidth`.
    pub fn setborderwidth(&mut self, width: f64) -> Result<()> {
        check_nonneg("setborderwidth", "border width", width)?;
        self.state.borderwidth = width;
        Ok(())
    }
    /// `setfillintstyle` (0 hollow, 1 solid, 2 pattern, 3 hatch, 4 solid with border).
    pub fn setfillintstyle(&mut self, code: i32) -> Result<()> {
        self.state.fillintstyle = FillIntStyle::from_gr(code)?;
        Ok(())
    }
    /// `setfillstyle`: pattern index 0..=107 or hatch index 1..=11 (checked when drawing
    /// against the interior style in force).
    pub fn setfillstyle(&mut self, index: i32) -> Result<()> {
        if !(0..=107).contains(&index) {
            return Err(Error::InvalidArgument {
                func: "setfillstyle",
                msg: format!(
                    "fill style must be 0..=107 (patterns) or 1..=11 (hatches), got {index}"
                ),
            });
        }
        self.state.fillstyle = index;
        Ok(())
    }
    /// `setfillcolorind`.
    pub fn setfillcolorind(&mut self, index: i32) -> Result<()> {
        self.state.fillcolor = self.colors.check("setfillcolorind", index)?;
        Ok(())
    }
    /// `settextfontprec`: GR font number (1..=32, 101..=131, 232..=234) and precision 0..=3.
    /// Every precision renders glyph outlines of embedded fonts.
    pub fn settextfontprec(&mut self, font: i32, precision: i32) -> Result<()> {
        if !(0..=3).contains(&precision) {
            return Err(Error::InvalidArgument {
                func: "settextfontprec",
                msg: format!("precision must be 0..=3, got {precision}"),
            });
        }
        self.state.face = crate::font::resolve_gr_font(font)?;
        self.state.font = font;
        self.state.precision = precision;
        Ok(())
    }
    /// `setcharheight`: cap height in NDC.
    pub fn setcharheight(&mut self, height: f64) -> Result<()> {
        if !(height.is_finite() && height > 0.0) {
            return Err(Error::InvalidArgument {
                func: "setcharheight",
                msg: format!("character height must be a finite number > 0, got {height}"),
            });
        }
        self.state.charheight = height;
        Ok(())
    }
    /// `setcharup`: the up vector (rotation of text).
    pub fn setcharup(&mut self, ux: f64, uy: f64) -> Result<()> {
        check_finite("setcharup", "up vector x", ux)?;
        check_finite("setcharup", "up vector y", uy)?;
        if ux == 0.0 && uy == 0.0 {
            return Err(Error::InvalidArgument {
                func: "setcharup",
                msg: "up vector must not be (0, 0)".into(),
            });
        }
        self.state.charup = (ux, uy);
        Ok(())
    }
    /// `setcharexpan`: horizontal stretch of characters.
    pub fn setcharexpan(&mut self, factor: f64) -> Result<()> {
        if !(factor.is_finite() && factor > 0.0) {
            return Err(Error::InvalidArgument {
                func: "setcharexpan",
                msg: format!("expansion factor must be > 0, got {factor}"),
            });
        }
        self.state.charexpan = factor;
        Ok(())
    }
    /// `setcharspace`: extra space between characters as a fraction of the height.
    pub fn setcharspace(&mut self, spacing: f64) -> Result<()> {
        check_finite("setcharspace", "spacing", spacing)?;
        self.state.charspace = spacing;
        Ok(())
    }
    /// `settextpath` (0 right, 1 left, 2 up, 3 down).
    pub fn settextpath(&mut self, code: i32) -> Result<()> {
        self.state.textpath = TextPath::from_gr(code)?;
        Ok(())
    }
    /// `settextalign`: horizontal 0..=3, vertical 0..=5.
    pub fn settextalign(&mut self, horizontal: i32, vertical: i32) -> Result<()> {
        let h = TextHAlign::from_gr(horizontal)?;
        let v = TextVAlign::from_gr(vertical)?;
        self.state.halign = h;
        self.state.valign = v;
        Ok(())
    }
    /// `settextcolorind`.
    pub fn settextcolorind(&mut self, index: i32) -> Result<()> {
        self.state.textcolor = self.colors.check("settextcolorind", index)?;
        Ok(())
    }
    /// `settransparency`: global alpha 0..=1 for following primitives.
    pub fn settransparency(&mut self, alpha: f64) -> Result<()> {
        if !(0.0..=1.0).contains(&alpha) {
            return Err(Error::InvalidArgument {
                func: "settransparency",
                msg: format!("alpha must lie in 0..=1, got {alpha}"),
            });
        }
        self.state.transparency = alpha;
        Ok(())
    }
    /// `setresamplemethod` for `drawimage`: linear (true) or nearest (false).
    pub fn set_image_smoothing(&mut self, linear: bool) {
        self.state.smooth_images = linear;
    }
    /// `setcolorrep`: redefines colour `index` (components 0..=1).
    pub fn setcolorrep(&mut self, index: i32, r: f64, g: f64, b: f64) -> Result<()> {
        self.colors.setcolorrep(index, r, g, b)
    }
    /// `inqcolor`: the colour of an index (components 0..=1).
    pub fn inqcolor(&self, index: i32) -> Result<(f64, f64, f64)> {
        self.colors.inqcolor(index)
    }
    /// `inqcolorfromrgb`: finds or allocates an index for a colour.
    pub fn inqcolorfromrgb(&mut self, r: f64, g: f64, b: f64) -> Result<i32> {
        self.colors.inqcolorfromrgb(r, g, b)
    }
    /// The colour table (for colormaps in higher layers).
    pub fn color_table_mut(&mut self) -> &mut ColorTable {
        &mut self.colors
    }
    /// The current attribute state.
    pub fn state(&self) -> &State {
        &self.state
    }

    // ----- primitives --------------------------------------------------------------------

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

    pub(crate) fn text_style(&self) -> TextStyle {
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
        let t = &self.state.transforms[self.state.cur_tnr];
        x.iter().zip(y).map(|(&x, &y)| t.wc_to_ndc(x, y)).collect()
    }

    /// `polyline`: a connected line through the points (world coordinates of the selected
    /// transform). A NaN or infinite coordinate breaks the line, as in GR.
    pub fn polyline(&mut self, x: &[f64], y: &[f64]) -> Result<()> {
        check_arrays("polyline", x, y, 2)?;
        let points = self.to_ndc(x, y);
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
        let t = self.state.transforms[self.state.cur_tnr];
        for p in points.iter_mut() {
            *p = t.wc_to_ndc(p.0, p.1);
        }
        let style = self.line_style();
        self.push(Primitive::Polyline { points, style });
        Ok(())
    }

    /// `polymarker`: markers at the points; non-finite points are skipped.
    pub fn polymarker(&mut self, x: &[f64], y: &[f64]) -> Result<()> {
        check_arrays("polymarker", x, y, 1)?;
        let points = self.to_ndc(x, y);
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

    // ----- pages and output ----------------------------------------------------------------

    /// The display list of the current page.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// Lowers the current page to device operations.
    pub fn page(&self) -> Page {
        crate::lower::lower_page(&self.items, &self.ws, self.background)
    }

    /// Renders the current page into a new RGBA buffer (`width × height × 4` bytes,
    /// straight alpha, row-major from the top): the memory driver.
    pub fn render_rgba(&self) -> Result<Vec<u8>> {
        driver::raster::render_rgba(&self.page())
    }

    /// Renders the current page into a caller-provided RGBA buffer, which must hold
    /// exactly `width × height × 4` bytes of the page size.
    pub fn render_into(&self, buffer: &mut [u8]) -> Result<()> {
        driver::raster::render_into(&self.page(), buffer)
    }

    /// `clearws`: finishes the current page (sending it to the open file output, if any and
    /// if anything was drawn) and starts an empty one.
    pub fn clearws(&mut self) {
        if !self.items.is_empty() {
            let page = self.page();
            if let Some(out) = &mut self.output {
                out.pages.push(page);
            }
        }
        self.items.clear();
    }

    /// `updatews`: flushes. File pages are written at [`Gks::endprint`]; a memory buffer is
    /// read with [`Gks::render_rgba`].
    pub fn updatews(&mut self) {}

    /// `beginprint`: sends following pages to a file whose extension picks the driver
    /// (png, jpg/jpeg, svg, pdf, ps, eps). Nothing is written until [`Gks::endprint`].
    pub fn beginprint(&mut self, path: impl AsRef<FsPath>) -> Result<()> {
        let path = path.as_ref().to_path_buf();
        let format = Format::from_path(&path)?;
        driver::check_writable(&path)?;
        self.output = Some(Output {
            path,
            format,
            pages: Vec::new(),
        });
        Ok(())
    }

    /// `endprint`: finishes the current page and writes all pages of the output atomically
    /// (PNG/JPEG/SVG: `name.ext`, `name-2.ext`, ...; PDF/PS: one multi-page file; EPS: one
    /// page only). Returns the files written.
    pub fn endprint(&mut self) -> Result<Vec<PathBuf>> {
        let Some(mut out) = self.output.take() else {
            return Err(Error::State("endprint without beginprint".into()));
        };
        if !self.items.is_empty() || out.pages.is_empty() {
            out.pages.push(self.page());
        }
        driver::write_pages(&out.path, out.format, &out.pages)
    }

    /// Renders the current page to a file in one call (`beginprint` + `endprint` without
    /// clearing the page).
    pub fn save(&self, path: impl AsRef<FsPath>) -> Result<Vec<PathBuf>> {
        let path = path.as_ref();
        let format = Format::from_path(path)?;
        driver::write_pages(path, format, &[self.page()])
    }
}
