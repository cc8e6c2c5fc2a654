//! [`Figure`]: the page (size, background) and its subplots; rendering and saving.

use std::path::{Path, PathBuf};

use gr::Gr;

use crate::error::{invalid, Result};
use crate::plot::{GridPos, Plot};

/// A colour: a GR colour index or RGB components in 0..=1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Color {
    /// GR colour index (0 white, 1 black, ...).
    Index(i32),
    /// Red, green, blue in 0..=1.
    Rgb(f64, f64, f64),
}

impl Color {
    /// White.
    pub const WHITE: Color = Color::Rgb(1.0, 1.0, 1.0);

    pub(crate) fn to_rgba(self, gr: &Gr, path: &str) -> Result<gks::Rgba> {
        let (r, g, b) = match self {
            Color::Index(i) => gr
                .inqcolor(i)
                .map_err(|e| invalid(path, crate::kinds::strip_gr(&e.to_string())))?,
            Color::Rgb(r, g, b) => (r, g, b),
        };
        for v in [r, g, b] {
            if !(0.0..=1.0).contains(&v) {
                return Err(invalid(
                    path,
                    format!("colour components must lie in 0..=1, got {v}"),
                ));
            }
        }
        let byte = |v: f64| (v * 255.0).round() as u8;
        Ok(gks::Rgba {
            r: byte(r),
            g: byte(g),
            b: byte(b),
            a: 255,
        })
    }
}

/// A figure: a page of `width × height` pixels with subplots on a grid.
///
/// GR's default look: 600×450 px, white background, viridis, one subplot per call of
/// [`Figure::subplot`].
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Page width in pixels.
    pub width: f64,
    /// Page height in pixels.
    pub height: f64,
    /// Resolution used for sizes in inches or centimetres (default 100).
    pub dpi: f64,
    /// Page background; `None` is transparent.
    pub background: Option<Color>,
    /// The subplots, drawn in order.
    pub plots: Vec<Plot>,
}

impl Default for Figure {
    fn default() -> Self {
        Figure {
            width: 600.0,
            height: 450.0,
            dpi: 100.0,
            background: Some(Color::WHITE),
            plots: Vec::new(),
        }
    }
}

fn check_size(w: f64, h: f64) -> Result<()> {
    if !(w.is_finite()
        && h.is_finite()
        && (1.0..=32767.0).contains(&w)
        && (1.0..=32767.0).contains(&h))
    {
        return Err(invalid(
            "size",
            format!("the page must be 1..=32767 pixels on each side, got {w}×{h}"),
        ));
    }
    Ok(())
}

impl Figure {
    /// A 600×450 px figure without subplots.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the size in pixels.
    pub fn with_size_px(mut self, width: f64, height: f64) -> Result<Self> {
        check_size(width, height)?;
        self.width = width;
        self.height = height;
        Ok(self)
    }

    /// Sets the size in inches at `dpi` pixels per inch.
    pub fn with_size_inches(mut self, width: f64, height: f64, dpi: f64) -> Result<Self> {
        if !(dpi.is_finite() && (1.0..=10_000.0).contains(&dpi)) {
            return Err(invalid("dpi", format!("must lie in 1..=10000, got {dpi}")));
        }
        check_size(width * dpi, height * dpi)?;
        self.width = width * dpi;
        self.height = height * dpi;
        self.dpi = dpi;
        Ok(self)
    }

    /// Sets the size in centimetres at `dpi` pixels per inch.
    pub fn with_size_cm(self, width: f64, height: f64, dpi: f64) -> Result<Self> {
        self.with_size_inches(width / 2.54, height / 2.54, dpi)
    }

    /// Sets the background colour (`None`: transparent).
    pub fn with_background(mut self, color: Option<Color>) -> Self {
        self.background = color;
        self
    }

    /// The subplot at matplotlib's `index` (1-based, row by row) of a `rows × cols` grid,
    /// created on first use (a second call returns the same plot: hold). An index outside
    /// `1..=rows·cols` gives a plot that rendering rejects with an error naming the grid.
    pub fn subplot(&mut self, rows: usize, cols: usize, index: usize) -> &mut Plot {
        let (row, col) = if index >= 1 && index <= rows * cols {
            ((index - 1) / cols, (index - 1) % cols)
        } else {
            (rows.max(1), 0)
        };
        self.subplot_span(rows, cols, row, col, 1, 1)
    }

    /// The subplot covering `rowspan × colspan` cells from (`row`, `col`) (0-based, row 0
    /// at the top) of a `rows × cols` grid, created on first use.
    pub fn subplot_span(
        &mut self,
        rows: usize,
        cols: usize,
        row: usize,
        col: usize,
        rowspan: usize,
        colspan: usize,
    ) -> &mut Plot {
        let pos = GridPos {
            rows,
            cols,
            row,
            col,
            rowspan,
            colspan,
        };
        let i = match self.plots.iter().position(|p| p.pos == pos) {
            Some(i) => i,
            None => {
                self.plots.push(Plot {
                    pos,
                    ..Default::default()
                });
                self.plots.len() - 1
            }
        };
        &mut self.plots[i]
    }

    /// The single plot of a one-plot figure (created if there is none).
    pub fn plot(&mut self) -> &mut Plot {
        if self.plots.is_empty() {
            self.plots.push(Plot::default());
        }
        &mut self.plots[0]
    }

    /// Draws the figure into a new `gr` context (for further drawing or inspection).
    pub fn render_gr(&self) -> Result<Gr> {
        check_size(self.width, self.height)?;
        if self.plots.is_empty() {
            return Err(invalid(
                "subplots",
                "the figure has no plots; add one with subplot()",
            ));
        }
        Ok(crate::render::render(self)?.0)
    }

    /// Renders and reports where each subplot's data area went (viewport, window, scale),
    /// in the order of [`Figure::plots`].
    pub fn geometry(&self) -> Result<Vec<crate::PlotGeometry>> {
        check_size(self.width, self.height)?;
        if self.plots.is_empty() {
            return Err(invalid(
                "subplots",
                "the figure has no plots; add one with subplot()",
            ));
        }
        Ok(crate::render::render(self)?.1)
    }

    /// Renders to RGBA bytes (straight alpha, rows from the top): `(pixels, width, height)`.
    pub fn render_rgba(&self) -> Result<(Vec<u8>, u32, u32)> {
        let gr = self.render_gr()?;
        let rgba = gr.gks().render_rgba()?;
        Ok((rgba, self.width.round() as u32, self.height.round() as u32))
    }

    /// Writes the figure to a file; the extension picks the format (png, jpg, svg, pdf, ps,
    /// eps). Nothing is written when rendering fails. Returns the files written.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<Vec<PathBuf>> {
        let path = path.as_ref();
        gks::Format::from_path(path)?;
        let gr = self.render_gr()?;
        Ok(gr.gks().save(path)?)
    }
}
