//! The kernel context [`Gks`]: attribute and transform state, the display list of the current
//! page, and the output (file or memory) the pages go to.

use std::path::{Path as FsPath, PathBuf};

use crate::attributes::{FillIntStyle, LineType, MarkerType, TextHAlign, TextPath, TextVAlign};
use crate::color::ColorTable;
use crate::device::{Page, Rgba};
use crate::display_list::Item;
use crate::driver::movie::{self, MovieWriter};
use crate::driver::{self, Format};
use crate::error::{Error, Result};
use crate::state::State;
use crate::transform::{check_range, Workstation, NUM_TRANSFORMS};

mod mesh;
mod primitives;
mod reduce;

/// A file output opened by [`Gks::beginprint`].
#[derive(Debug)]
struct Output {
    path: PathBuf,
    format: Format,
    sink: Sink,
}

/// Where the pages of an output go.
#[derive(Debug)]
enum Sink {
    /// Kept until `endprint` (image files, PDF, PS).
    Pages(Vec<Page>),
    /// Streamed as movie frames; the writer is created at the first frame (which fixes
    /// the size). The first error is kept and reported by `endprint`.
    Movie {
        writer: Option<Box<MovieWriter>>,
        error: Option<Error>,
    },
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
    movie_fps: f64,
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
            movie_fps: movie::default_fps(),
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
    /// if anything was drawn) and starts an empty one. On a movie output (gif, apng, mp4,
    /// webm, mov) the page becomes the next frame; a frame error (e.g. a changed workstation
    /// size) is kept and returned by [`Gks::endprint`] — use [`Gks::try_clearws`] to see it
    /// at once.
    pub fn clearws(&mut self) {
        let _ = self.try_clearws();
    }

    /// [`Gks::clearws`] that returns a movie frame error at once (it is also kept for
    /// [`Gks::endprint`], and later frames are ignored).
    pub fn try_clearws(&mut self) -> Result<()> {
        let result = if self.items.is_empty() {
            Ok(())
        } else {
            self.emit_page()
        };
        self.items.clear();
        result
    }

    /// Sends the current page to the output, if one is open.
    fn emit_page(&mut self) -> Result<()> {
        let Some(out) = &mut self.output else {
            return Ok(());
        };
        let page = crate::lower::lower_page(&self.items, &self.ws, self.background);
        match &mut out.sink {
            Sink::Pages(pages) => {
                pages.push(page);
                Ok(())
            }
            Sink::Movie { writer, error } => {
                if let Some(e) = error {
                    return Err(Error::State(e.to_string()));
                }
                let r = push_movie_frame(&out.path, writer, &page, self.movie_fps);
                if let Err(e) = &r {
                    *error = Some(Error::State(e.to_string()));
                    // Drop the writer now: removes its temporary file.
                    *writer = None;
                }
                r
            }
        }
    }

    /// `updatews`: flushes. File pages are written at [`Gks::endprint`], movie frames at
    /// [`Gks::clearws`]; a memory buffer is read with [`Gks::render_rgba`].
    pub fn updatews(&mut self) {}

    /// Frame rate of movies started after this call, in frames per second
    /// (`0 < fps <= 1000`; default 25, or the environment variable `GKS_FPS` like GR).
    /// Changing it while a movie is being written affects the next movie.
    pub fn set_movie_fps(&mut self, fps: f64) -> Result<()> {
        movie::check_fps(fps)?;
        self.movie_fps = fps;
        Ok(())
    }

    /// The frame rate for movies (see [`Gks::set_movie_fps`]).
    pub fn movie_fps(&self) -> f64 {
        self.movie_fps
    }

    /// `beginprint`: sends following pages to a file whose extension picks the driver
    /// (png, jpg/jpeg, svg, pdf, ps, eps, gif, apng, mp4, webm, mov). Image and document
    /// pages are written at [`Gks::endprint`]; on movie formats each non-empty page
    /// finished by [`Gks::clearws`] is rendered and encoded as a frame right away (in a
    /// background thread), at the frame rate of [`Gks::set_movie_fps`]. Fails at once on an
    /// unknown extension, a missing directory, or (mp4/webm/mov) a missing `ffmpeg`.
    /// A previous output that was not finished is discarded.
    pub fn beginprint(&mut self, path: impl AsRef<FsPath>) -> Result<()> {
        let path = path.as_ref().to_path_buf();
        let format = Format::from_path(&path)?;
        driver::check_writable(&path)?;
        let sink = if format.is_movie() {
            movie::check_movie_output(&path, format)?;
            Sink::Movie {
                writer: None,
                error: None,
            }
        } else {
            Sink::Pages(Vec::new())
        };
        self.output = Some(Output { path, format, sink });
        Ok(())
    }

    /// `endprint`: finishes the current page and writes all pages of the output atomically
    /// (PNG/JPEG/SVG: `name.ext`, `name-2.ext`, ...; PDF/PS: one multi-page file; EPS: one
    /// page only; movies: the current page, if not empty, is the last frame and the movie
    /// file is completed). Returns the files written. After an error no file is left.
    pub fn endprint(&mut self) -> Result<Vec<PathBuf>> {
        let Some(out) = self.output.as_ref() else {
            return Err(Error::State("endprint without beginprint".into()));
        };
        if out.format.is_movie() {
            let last = if self.items.is_empty() {
                Ok(())
            } else {
                self.emit_page()
            };
            let Some(out) = self.output.take() else {
                return Err(Error::State("endprint without beginprint".into()));
            };
            let Sink::Movie { writer, error } = out.sink else {
                return Err(Error::State("movie output without a movie sink".into()));
            };
            if let Some(e) = error {
                return Err(e);
            }
            last?;
            return match writer {
                Some(w) => w.finish().map(|p| vec![p]),
                None => Err(Error::State(format!(
                    "{}: no frame to write (draw something before clearws/endprint)",
                    out.path.display()
                ))),
            };
        }
        let Some(mut out) = self.output.take() else {
            return Err(Error::State("endprint without beginprint".into()));
        };
        let Sink::Pages(mut pages) = out.sink else {
            return Err(Error::State("page output without a page list".into()));
        };
        if !self.items.is_empty() || pages.is_empty() {
            pages.push(self.page());
        }
        out.sink = Sink::Pages(Vec::new());
        driver::write_pages(&out.path, out.format, &pages)
    }

    /// Renders the current page to a file in one call (`beginprint` + `endprint` without
    /// clearing the page).
    pub fn save(&self, path: impl AsRef<FsPath>) -> Result<Vec<PathBuf>> {
        let path = path.as_ref();
        let format = Format::from_path(path)?;
        if format.is_movie() {
            // A one-frame movie at this context's frame rate.
            return driver::write_movie(path, &[self.page()], self.movie_fps).map(|p| vec![p]);
        }
        driver::write_pages(path, format, &[self.page()])
    }
}

/// Renders `page` into the movie's next frame buffer, starting the movie at the first frame.
fn push_movie_frame(
    path: &FsPath,
    writer: &mut Option<Box<MovieWriter>>,
    page: &Page,
    fps: f64,
) -> Result<()> {
    let w = match writer {
        Some(w) => w,
        None => writer.insert(Box::new(MovieWriter::create(
            path,
            page.width as u32,
            page.height as u32,
            fps,
        )?)),
    };
    let number = w.frame_count() + 1;
    driver::check_frame_size(path, number, w.size(), page)?;
    w.push_frame_with(|buf| driver::raster::render_into(page, buf))
}
