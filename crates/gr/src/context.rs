//! The [`Gr`] context: GR's coordinate state (window, viewport, scales) on top of a kernel
//! context, and the primitives and attributes of `gr.h` under GR's names.

use std::path::{Path as FsPath, PathBuf};

use gks::Gks;

use crate::colormap;
use crate::error::{Error, Result};
use crate::scale::{axis_options, options as opt, Axis};

/// The kernel transform GR draws world coordinates through.
pub(crate) const WC: usize = 1;

/// A GR plotting context. Methods carry `gr.h`'s names and semantics, so a GR program
/// translates line by line:
///
/// ```
/// let mut gr = gr::Gr::new();
/// gr.setviewport(0.1, 0.95, 0.1, 0.7)?;
/// gr.setwindow(1.0, 1000.0, 0.1, 100.0)?;
/// gr.setscale(gr::scale::options::X_LOG | gr::scale::options::Y_LOG)?;
/// let x = [1.0, 10.0, 100.0, 1000.0];
/// let y = [0.1, 1.0, 10.0, 100.0];
/// gr.polyline(&x, &y)?;
/// let rgba = gr.gks().render_rgba()?;
/// # assert_eq!(rgba.len(), 600 * 450 * 4);
/// # Ok::<(), gr::Error>(())
/// ```
#[derive(Debug)]
pub struct Gr {
    pub(crate) gks: Gks,
    pub(crate) x: Axis,
    pub(crate) y: Axis,
    pub(crate) z: Axis,
    pub(crate) viewport: [f64; 4],
    pub(crate) scale_options: i32,
    pub(crate) colormap: i32,
    pub(crate) colormap_range: (i32, i32),
    saved: Vec<Saved>,
    /// 3D view state (`setspace`, `setwindow3d`, projection, camera).
    pub(crate) space3d: crate::space3d::Space3d,
    /// `setarrowstyle`.
    pub(crate) arrow_style: i32,
    /// `setarrowsize`.
    pub(crate) arrow_size: f64,
    /// `setresamplemethod` (GR's code, reported by `inqresamplemethod`).
    pub(crate) resample_method: u32,
}

/// What `savestate` keeps besides the kernel state.
#[derive(Debug, Clone)]
struct Saved {
    x: Axis,
    y: Axis,
    z: Axis,
    viewport: [f64; 4],
    scale_options: i32,
    colormap: i32,
    colormap_range: (i32, i32),
    space3d: crate::space3d::Space3d,
}

impl Default for Gr {
    fn default() -> Self {
        Self::new()
    }
}

fn finite(func: &'static str, what: &str, v: f64) -> Result<()> {
    if v.is_finite() {
        Ok(())
    } else {
        Err(Error::InvalidArgument {
            func,
            msg: format!("{what} must be finite, got {v}"),
        })
    }
}

macro_rules! passthrough {
    ($($(#[$doc:meta])* $name:ident($($arg:ident: $ty:ty),*);)+) => {$(
        $(#[$doc])*
        pub fn $name(&mut self, $($arg: $ty),*) -> Result<()> {
            self.gks.$name($($arg),*)?;
            Ok(())
        }
    )+};
}

impl Gr {
    /// A context with GR's defaults: window 0..1 × 0..1, viewport 0.2..0.9 × 0.2..0.9 of
    /// the default 600×450 page (NDC height 0.75), linear scales, world coordinates
    /// selected, colormap 0.
    pub fn new() -> Self {
        let mut gr = Gr {
            gks: Gks::new(),
            x: Axis::linear(0.0, 1.0),
            y: Axis::linear(0.0, 1.0),
            z: Axis::linear(0.0, 1.0),
            viewport: [0.2, 0.9, 0.2, 0.7],
            scale_options: 0,
            colormap: 0,
            colormap_range: (colormap::BAND_FIRST, colormap::BAND_LAST),
            saved: Vec::new(),
            space3d: Default::default(),
            arrow_style: 1,
            arrow_size: 1.0,
            resample_method: 0,
        };
        gr.sync_kernel().expect("default transform is valid");
        gr.gks.selntran(WC).expect("transform 1 exists");
        gr.setcolormap(0).expect("colormap 0 exists");
        gr
    }

    /// The kernel context (page size, output, raster access).
    pub fn gks(&self) -> &Gks {
        &self.gks
    }

    /// The kernel context, mutable.
    pub fn gks_mut(&mut self) -> &mut Gks {
        &mut self.gks
    }

    fn sync_kernel(&mut self) -> Result<()> {
        let [x0, x1, y0, y1] = self.viewport;
        self.gks.setwindow(WC, 0.0, 1.0, 0.0, 1.0)?;
        self.gks.setviewport(WC, x0, x1, y0, y1)?;
        Ok(())
    }

    // ----- coordinates -------------------------------------------------------------------

    /// `setwindow`: the world window (checked against the current log scales).
    pub fn setwindow(&mut self, xmin: f64, xmax: f64, ymin: f64, ymax: f64) -> Result<()> {
        let x = Axis {
            min: xmin,
            max: xmax,
            ..self.x
        };
        let y = Axis {
            min: ymin,
            max: ymax,
            ..self.y
        };
        x.validate("setwindow", "x")?;
        y.validate("setwindow", "y")?;
        self.x = x;
        self.y = y;
        Ok(())
    }

    /// `inqwindow`: `(xmin, xmax, ymin, ymax)`.
    pub fn inqwindow(&self) -> [f64; 4] {
        [self.x.min, self.x.max, self.y.min, self.y.max]
    }

    /// `setviewport`: where the window goes on the page, in NDC.
    pub fn setviewport(&mut self, xmin: f64, xmax: f64, ymin: f64, ymax: f64) -> Result<()> {
        let old = self.viewport;
        self.viewport = [xmin, xmax, ymin, ymax];
        if let Err(e) = self.sync_kernel() {
            self.viewport = old;
            self.sync_kernel()?;
            return Err(e);
        }
        Ok(())
    }

    /// `inqviewport`: `(xmin, xmax, ymin, ymax)` in NDC.
    pub fn inqviewport(&self) -> [f64; 4] {
        self.viewport
    }

    /// `setspace`-style z range (used by 3D functions and colour scaling).
    pub fn setzrange(&mut self, zmin: f64, zmax: f64) -> Result<()> {
        let z = Axis {
            min: zmin,
            max: zmax,
            ..self.z
        };
        z.validate("setspace", "z")?;
        self.z = z;
        Ok(())
    }

    /// `setscale`: GR's option bits ([`crate::scale::options`]) for log and flipped axes.
    /// Fails, keeping the previous scale, if a log axis would have non-positive limits.
    pub fn setscale(&mut self, options: i32) -> Result<()> {
        if options & !opt::ALL != 0 || options < 0 {
            return Err(Error::InvalidArgument {
                func: "setscale",
                msg: format!("unknown option bits in {options} (valid bits: 0..=4095)"),
            });
        }
        let (xk, xf) = axis_options(options, opt::X_LOG, opt::X_LOG2, opt::X_LN, opt::FLIP_X);
        let (yk, yf) = axis_options(options, opt::Y_LOG, opt::Y_LOG2, opt::Y_LN, opt::FLIP_Y);
        let (zk, zf) = axis_options(options, opt::Z_LOG, opt::Z_LOG2, opt::Z_LN, opt::FLIP_Z);
        let x = Axis {
            kind: xk,
            flip: xf,
            ..self.x
        };
        let y = Axis {
            kind: yk,
            flip: yf,
            ..self.y
        };
        let z = Axis {
            kind: zk,
            flip: zf,
            ..self.z
        };
        x.validate("setscale", "x")?;
        y.validate("setscale", "y")?;
        z.validate("setscale", "z")?;
        self.x = x;
        self.y = y;
        self.z = z;
        self.scale_options = options;
        Ok(())
    }

    /// `inqscale`: the option bits in force.
    pub fn inqscale(&self) -> i32 {
        self.scale_options
    }

    /// The x axis (limits, kind, flip).
    pub fn x_axis(&self) -> Axis {
        self.x
    }
    /// The y axis.
    pub fn y_axis(&self) -> Axis {
        self.y
    }
    /// The z axis.
    pub fn z_axis(&self) -> Axis {
        self.z
    }

    /// `selntran`: 0 draws following primitives in NDC, 1 in world coordinates.
    pub fn selntran(&mut self, transform: i32) -> Result<()> {
        match transform {
            0 => self.gks.selntran(0)?,
            1 => self.gks.selntran(WC)?,
            _ => {
                return Err(Error::InvalidArgument {
                    func: "selntran",
                    msg: format!("transform must be 0 (NDC) or 1 (world), got {transform}"),
                })
            }
        }
        Ok(())
    }

    /// `setclip`: clip world-coordinate primitives to the viewport.
    pub fn setclip(&mut self, on: bool) {
        self.gks.setclip(on);
    }

    pub(crate) fn in_wc(&self) -> bool {
        self.gks.inqcurntran() == WC
    }

    /// World → the kernel's unit square (scales applied).
    pub(crate) fn to_unit(&self, x: f64, y: f64) -> (f64, f64) {
        (self.x.to_unit(x), self.y.to_unit(y))
    }

    /// `wctondc`: world → NDC with the current window, viewport and scales.
    pub fn wctondc(&self, x: f64, y: f64) -> (f64, f64) {
        let (u, v) = self.to_unit(x, y);
        let [x0, x1, y0, y1] = self.viewport;
        (x0 + u * (x1 - x0), y0 + v * (y1 - y0))
    }

    /// `ndctowc`: NDC → world.
    pub fn ndctowc(&self, x: f64, y: f64) -> (f64, f64) {
        let [x0, x1, y0, y1] = self.viewport;
        (
            self.x.from_unit((x - x0) / (x1 - x0)),
            self.y.from_unit((y - y0) / (y1 - y0)),
        )
    }

    /// Converts point arrays for the kernel: scales applied in world mode, unchanged in NDC.
    /// Checks that `x` and `y` have the same length.
    fn check_xy(func: &'static str, x: &[f64], y: &[f64]) -> Result<()> {
        if x.len() != y.len() {
            return Err(gks::Error::BadArrays {
                func,
                msg: format!(
                    "x and y must have the same length, got {} and {}",
                    x.len(),
                    y.len()
                ),
            }
            .into());
        }
        Ok(())
    }

    /// Converts point arrays for the kernel: scales applied in world mode (the kernel's unit
    /// square), unchanged in NDC; `x` and `y` must have the same length.
    pub(crate) fn points(
        &self,
        func: &'static str,
        x: &[f64],
        y: &[f64],
    ) -> Result<(Vec<f64>, Vec<f64>)> {
        Self::check_xy(func, x, y)?;
        if !self.in_wc() {
            return Ok((x.to_vec(), y.to_vec()));
        }
        let (mx, my) = (self.x.unit_map(), self.y.unit_map());
        Ok(x.iter()
            .zip(y)
            .map(|(&a, &b)| (mx.apply(a), my.apply(b)))
            .unzip())
    }

    /// The colour index at fraction `t` (0..=1) of the active colormap range, rounded.
    pub(crate) fn colormap_color(&self, t: f64) -> i32 {
        let (first, last) = self.colormap_range;
        first + ((last - first) as f64 * t.clamp(0.0, 1.0)).round() as i32
    }

    /// Colour index of level or band `k` of `n` in the active colormap range (GR's rule:
    /// `first + floor(k · (last − first) / (n − 1))`).
    pub(crate) fn level_color(&self, k: usize, n: usize) -> i32 {
        let (first, last) = self.colormap_range;
        if n <= 1 {
            return first;
        }
        first + (k as i64 * (last - first) as i64 / (n as i64 - 1)) as i32
    }

    /// `savestate`: pushes kernel attributes and GR's window, viewport, scales and colormap.
    pub fn savestate(&mut self) {
        self.gks.savestate();
        self.saved.push(Saved {
            x: self.x,
            y: self.y,
            z: self.z,
            viewport: self.viewport,
            scale_options: self.scale_options,
            colormap: self.colormap,
            colormap_range: self.colormap_range,
            space3d: self.space3d.clone(),
        });
    }

    /// `restorestate`: pops what the matching `savestate` pushed.
    pub fn restorestate(&mut self) -> Result<()> {
        let s = self.saved.pop().ok_or_else(|| Error::InvalidArgument {
            func: "restorestate",
            msg: "no matching savestate".into(),
        })?;
        self.gks.restorestate()?;
        self.x = s.x;
        self.y = s.y;
        self.z = s.z;
        self.viewport = s.viewport;
        self.scale_options = s.scale_options;
        self.colormap = s.colormap;
        self.colormap_range = s.colormap_range;
        self.space3d = s.space3d;
        self.sync_kernel()
    }

    // ----- primitives ----------------------------------------------------------------------

    /// `polyline`: a line through world points (NDC after `selntran(0)`); NaN, and
    /// non-positive values on log axes, break the line.
    pub fn polyline(&mut self, x: &[f64], y: &[f64]) -> Result<()> {
        Self::check_xy("polyline", x, y)?;
        if self.in_wc() {
            let (mx, my) = (self.x.unit_map(), self.y.unit_map());
            self.gks
                .polyline_mapped(x, y, |v| mx.apply(v), |v| my.apply(v))?;
        } else {
            self.gks.polyline(x, y)?;
        }
        Ok(())
    }

    /// `polymarker`: markers at world points; NaN and non-positive log values are skipped.
    pub fn polymarker(&mut self, x: &[f64], y: &[f64]) -> Result<()> {
        Self::check_xy("polymarker", x, y)?;
        if self.in_wc() {
            let (mx, my) = (self.x.unit_map(), self.y.unit_map());
            self.gks
                .polymarker_mapped(x, y, |v| mx.apply(v), |v| my.apply(v))?;
        } else {
            self.gks.polymarker(x, y)?;
        }
        Ok(())
    }

    /// `fillarea`: a filled polygon in world coordinates.
    pub fn fillarea(&mut self, x: &[f64], y: &[f64]) -> Result<()> {
        let (u, v) = self.points("fillarea", x, y)?;
        self.gks.fillarea(&u, &v)?;
        Ok(())
    }

    /// `text`: a string at an NDC position (GR's `gr_text` is always NDC).
    ///
    /// Math between `$` signs is typeset as LaTeX math in line with the text
    /// (`"damping $\\gamma = 0.1$"`); `\\$` is a literal dollar sign. A formula that does
    /// not parse is an error naming the position and the problem.
    pub fn text(&mut self, x: f64, y: f64, s: &str) -> Result<()> {
        let tnr = self.gks.inqcurntran();
        self.gks.selntran(0)?;
        let r = match crate::math::split_inline_math(s) {
            Some(parts) => {
                let st = self.gks.state();
                crate::math::mixed_block(&parts, st.face, st.charheight)
                    .and_then(|b| Ok(self.gks.glyph_block(x, y, b)?))
            }
            None => self.gks.text(x, y, s).map_err(Error::from),
        };
        self.gks.selntran(tnr)?;
        r
    }

    /// `inqtext`: the text box corners of `text(x, y, s)` in NDC.
    pub fn inqtext(&mut self, x: f64, y: f64, s: &str) -> Result<([f64; 4], [f64; 4])> {
        if let Some(parts) = crate::math::split_inline_math(s) {
            let st = self.gks.state();
            let block = crate::math::mixed_block(&parts, st.face, st.charheight)?;
            let style = self.gks.text_style();
            let (_, c) = gks::text::block_placement(x, y, &block, &style);
            return Ok((c.map(|p| p.0), c.map(|p| p.1)));
        }
        let tnr = self.gks.inqcurntran();
        self.gks.selntran(0)?;
        let r = self.gks.inqtext(x, y, s);
        self.gks.selntran(tnr)?;
        Ok(r?)
    }

    pub(crate) fn rect_unit(
        &self,
        func: &'static str,
        xmin: f64,
        xmax: f64,
        ymin: f64,
        ymax: f64,
    ) -> Result<[f64; 4]> {
        for (w, v) in [
            ("xmin", xmin),
            ("xmax", xmax),
            ("ymin", ymin),
            ("ymax", ymax),
        ] {
            finite(func, w, v)?;
        }
        if !self.in_wc() {
            return Ok([xmin, xmax, ymin, ymax]);
        }
        let (a, b) = self.to_unit(xmin, ymin);
        let (c, d) = self.to_unit(xmax, ymax);
        if !(a.is_finite() && b.is_finite() && c.is_finite() && d.is_finite()) {
            return Err(Error::InvalidArgument {
                func,
                msg: "rectangle corners must be positive on logarithmic axes".into(),
            });
        }
        Ok([a, c, b, d])
    }

    /// `cellarray`: colour indices on a world rectangle (see [`Gks::cellarray`] for the
    /// orientation rules; on log or flipped axes the rectangle's corners are transformed).
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
        let [a, b, c, d] = self.rect_unit("cellarray", xmin, xmax, ymin, ymax)?;
        self.gks.cellarray(a, b, c, d, dimx, dimy, colors)?;
        Ok(())
    }

    /// `drawimage`: RGBA pixels on a world rectangle (row 0 at `ymax`).
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
        let [a, b, c, d] = self.rect_unit("drawimage", xmin, xmax, ymin, ymax)?;
        self.gks.drawimage(a, b, c, d, width, height, rgba)?;
        Ok(())
    }

    /// `drawrect`: a rectangle outline in world coordinates.
    pub fn drawrect(&mut self, xmin: f64, xmax: f64, ymin: f64, ymax: f64) -> Result<()> {
        self.polyline(
            &[xmin, xmax, xmax, xmin, xmin],
            &[ymin, ymin, ymax, ymax, ymin],
        )
    }

    /// `fillrect`: a filled rectangle in world coordinates.
    pub fn fillrect(&mut self, xmin: f64, xmax: f64, ymin: f64, ymax: f64) -> Result<()> {
        self.fillarea(&[xmin, xmax, xmax, xmin], &[ymin, ymin, ymax, ymax])
    }

    // ----- colour --------------------------------------------------------------------------

    /// `setcolormap`: GR colormap `0..=47` (negative reversed; `+100` makes 1000..=1255 the
    /// active range for contourf, surfaces and colorbars instead of 8..=79).
    pub fn setcolormap(&mut self, code: i32) -> Result<()> {
        let (map, reverse, block) = colormap::decode("setcolormap", code)?;
        colormap::install(
            self.gks.color_table_mut(),
            &colormap::colormap_colors(map, reverse),
        );
        self.colormap = code;
        self.colormap_range = if block {
            (colormap::BLOCK_FIRST, colormap::BLOCK_LAST)
        } else {
            (colormap::BAND_FIRST, colormap::BAND_LAST)
        };
        Ok(())
    }

    /// `setcolormap` by name (`"viridis"`, `"-magma"` for reversed).
    pub fn setcolormap_by_name(&mut self, name: &str) -> Result<()> {
        let (rev, n) = name.strip_prefix('-').map_or((false, name), |n| (true, n));
        let i = colormap::colormap_by_name(n).ok_or_else(|| Error::InvalidArgument {
            func: "setcolormap",
            msg: format!("unknown colormap '{name}'"),
        })?;
        self.setcolormap(if rev { -i } else { i })
    }

    /// `setcolormapfromrgb`: a colormap from control points (positions `None` = even).
    pub fn setcolormapfromrgb(
        &mut self,
        r: &[f64],
        g: &[f64],
        b: &[f64],
        positions: Option<&[f64]>,
    ) -> Result<()> {
        let colors = colormap::from_rgb("setcolormapfromrgb", r, g, b, positions)?;
        colormap::install(self.gks.color_table_mut(), &colors);
        self.colormap_range = (colormap::BLOCK_FIRST, colormap::BLOCK_LAST);
        Ok(())
    }

    /// `inqcolormap`: the code last passed to `setcolormap`.
    pub fn inqcolormap(&self) -> i32 {
        self.colormap
    }

    /// `inqcolormapinds`: first and last colour index of the active colormap range.
    pub fn inqcolormapinds(&self) -> (i32, i32) {
        self.colormap_range
    }

    // ----- attributes (kernel passthrough) --------------------------------------------------

    passthrough! {
        /// `setlinetype` (1..=4, -1..=-8).
        setlinetype(code: i32);
        /// `setlinewidth` (multiple of the nominal size).
        setlinewidth(width: f64);
        /// `setlinecolorind`.
        setlinecolorind(index: i32);
        /// `setmarkertype` (-32..=5 except 0).
        setmarkertype(code: i32);
        /// `setmarkersize`.
        setmarkersize(size: f64);
        /// `setmarkercolorind`.
        setmarkercolorind(index: i32);
        /// `setbordercolorind`.
        setbordercolorind(index: i32);
        /// `setborderwidth`.
        setborderwidth(width: f64);
        /// `setfillintstyle` (0..=4).
        setfillintstyle(code: i32);
        /// `setfillstyle` (pattern 0..=107, hatch 1..=11).
        setfillstyle(index: i32);
        /// `setfillcolorind`.
        setfillcolorind(index: i32);
        /// `settextfontprec` (GR font numbers, precision 0..=3).
        settextfontprec(font: i32, precision: i32);
        /// `setcharheight` (cap height in NDC).
        setcharheight(height: f64);
        /// `setcharup` (text direction).
        setcharup(ux: f64, uy: f64);
        /// `setcharexpan`.
        setcharexpan(factor: f64);
        /// `setcharspace`.
        setcharspace(spacing: f64);
        /// `settextpath` (0..=3).
        settextpath(code: i32);
        /// `settextalign` (horizontal 0..=3, vertical 0..=5).
        settextalign(horizontal: i32, vertical: i32);
        /// `settextcolorind`.
        settextcolorind(index: i32);
        /// `settransparency` (0..=1).
        settransparency(alpha: f64);
        /// `setcolorrep` (components 0..=1).
        setcolorrep(index: i32, r: f64, g: f64, b: f64);
        /// `setwswindow`.
        setwswindow(xmin: f64, xmax: f64, ymin: f64, ymax: f64);
        /// `setwsviewport` (metres).
        setwsviewport(xmin: f64, xmax: f64, ymin: f64, ymax: f64);
    }

    /// `inqcolor`: components 0..=1 of a colour index.
    pub fn inqcolor(&self, index: i32) -> Result<(f64, f64, f64)> {
        Ok(self.gks.inqcolor(index)?)
    }

    /// `inqcolorfromrgb`: finds or allocates an index.
    pub fn inqcolorfromrgb(&mut self, r: f64, g: f64, b: f64) -> Result<i32> {
        Ok(self.gks.inqcolorfromrgb(r, g, b)?)
    }

    // ----- workstation ---------------------------------------------------------------------

    /// `clearws`: finishes the page and starts a new one.
    pub fn clearws(&mut self) {
        self.gks.clearws();
    }

    /// `updatews`.
    pub fn updatews(&mut self) {
        self.gks.updatews();
    }

    /// `beginprint`: output file chosen by extension (png, jpg, svg, pdf, ps, eps; movies:
    /// gif, apng, mp4, webm, mov, where every page finished by [`Gr::clearws`] is a frame).
    pub fn beginprint(&mut self, path: impl AsRef<FsPath>) -> Result<()> {
        Ok(self.gks.beginprint(path)?)
    }

    /// `endprint`: writes the file(s); returns their paths.
    pub fn endprint(&mut self) -> Result<Vec<PathBuf>> {
        Ok(self.gks.endprint()?)
    }

    /// Frame rate of movie outputs (`beginprint("anim.mp4")`, gif, apng, webm, mov) in
    /// frames per second, `0 < fps <= 1000`; default 25 or the environment variable
    /// `GKS_FPS`. See [`Gks::set_movie_fps`].
    pub fn set_movie_fps(&mut self, fps: f64) -> Result<()> {
        Ok(self.gks.set_movie_fps(fps)?)
    }
}
