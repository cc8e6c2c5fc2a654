//! Drawing of point densities and vector fields: `hexbin`, `shadepoints`/`shadelines`,
//! `quiver` and `drawarrow`, through the algorithms of [`crate::algorithms`].

use crate::algorithms::{self, AlgoError};
use crate::context::Gr;
use crate::error::{Error, Result};

fn algo(func: &'static str) -> impl Fn(AlgoError) -> Error {
    move |e| Error::InvalidArgument {
        func,
        msg: e.to_string(),
    }
}

/// Largest shade raster per side.
const MAX_SHADE: usize = 8192;

impl Gr {
    /// The unit square's window for the algorithms and its screen aspect (height/width).
    fn unit_window(&self) -> ([f64; 4], f64) {
        let [x0, x1, y0, y1] = self.viewport;
        if self.in_wc() {
            ([0.0, 1.0, 0.0, 1.0], (y1 - y0) / (x1 - x0))
        } else {
            ([x0, x1, y0, y1], 1.0)
        }
    }

    /// `hexbin`: counts the points in `nbins` columns of regular hexagons over the window
    /// (on screen, after log scales) and fills each non-empty hexagon with a colormap colour
    /// proportional to its count. Returns the largest count.
    pub fn hexbin(&mut self, x: &[f64], y: &[f64], nbins: usize) -> Result<u32> {
        let (u, v) = self.points("hexbin", x, y)?;
        let (window, aspect) = self.unit_window();
        let hb = algorithms::hexbin(&u, &v, nbins, window, aspect).map_err(algo("hexbin"))?;
        if hb.max_count == 0 {
            return Ok(0);
        }
        self.gks.savestate();
        let r = (|| {
            // Hexagons of the border rows reach beyond the window: clip them to it.
            self.gks.setclip(true);
            self.gks.setfillintstyle(1)?;
            self.gks.setlinewidth(0.5)?;
            for (c, &n) in hb.centers.iter().zip(&hb.counts) {
                let ci = self.colormap_color(n as f64 / hb.max_count as f64);
                self.gks.setfillcolorind(ci)?;
                self.gks.setlinecolorind(ci)?;
                let hex = algorithms::hexagon(*c, hb.hex_size);
                let mut path = gks::geometry::Path::polygon(hex);
                path.close();
                // Stroking in the fill colour closes the anti-aliasing seams between cells.
                self.gks
                    .drawpath(&path, true, Some(gks::device::FillRule::NonZero))?;
            }
            Ok::<(), Error>(())
        })();
        self.gks.restorestate()?;
        r?;
        Ok(hb.max_count)
    }

    /// `shadepoints`: aggregates points into a `width × height` raster over the window
    /// (datashader style), maps the counts through GR's transfer function `xform`
    /// (0 boolean, 1 linear, 2 log, 3 log-log, 4 cubic, 5 equalized) onto the colormap,
    /// and draws the raster over the viewport; empty pixels stay transparent.
    pub fn shadepoints(
        &mut self,
        x: &[f64],
        y: &[f64],
        xform: i32,
        width: usize,
        height: usize,
    ) -> Result<()> {
        self.shade("shadepoints", x, y, xform, width, height, false)
    }

    /// `shadelines`: like [`Gr::shadepoints`] with the points joined by lines (NaN breaks).
    pub fn shadelines(
        &mut self,
        x: &[f64],
        y: &[f64],
        xform: i32,
        width: usize,
        height: usize,
    ) -> Result<()> {
        self.shade("shadelines", x, y, xform, width, height, true)
    }

    #[allow(clippy::too_many_arguments)]
    fn shade(
        &mut self,
        func: &'static str,
        x: &[f64],
        y: &[f64],
        xform: i32,
        width: usize,
        height: usize,
        lines: bool,
    ) -> Result<()> {
        if width == 0 || height == 0 || width > MAX_SHADE || height > MAX_SHADE {
            return Err(Error::InvalidArgument {
                func,
                msg: format!("raster size must be 1..={MAX_SHADE} per side, got {width}×{height}"),
            });
        }
        let (u, v) = self.points(func, x, y)?;
        let (window, _) = self.unit_window();
        let counts = if lines {
            algorithms::shade::count_lines(&u, &v, window, width, height)
        } else {
            algorithms::shade::count_points(&u, &v, window, width, height)
        }
        .map_err(algo(func))?;
        let xform = algorithms::Xform::try_from(xform).map_err(algo(func))?;
        let t = algorithms::shade::transfer(&counts, xform);
        let (first, last) = self.colormap_range;
        let lut: Vec<[u8; 4]> = (first..=last)
            .map(|i| {
                let (r, g, b) = self.gks.inqcolor(i).unwrap_or((0.0, 0.0, 0.0));
                [
                    (r * 255.0).round() as u8,
                    (g * 255.0).round() as u8,
                    (b * 255.0).round() as u8,
                    255,
                ]
            })
            .collect();
        let n = lut.len() - 1;
        let rgba: Vec<[u8; 4]> = counts
            .iter()
            .zip(&t)
            .map(|(&c, &v)| {
                if c == 0 {
                    [0, 0, 0, 0]
                } else {
                    lut[((v.clamp(0.0, 1.0) * n as f64).round()) as usize]
                }
            })
            .collect();
        let [x0, x1, y0, y1] = window;
        self.gks.drawimage(x0, x1, y0, y1, width, height, &rgba)?;
        Ok(())
    }

    /// `quiver`: arrows for the vector field (`u`, `v`) on the grid `x` × `y` (x fastest),
    /// scaled so the longest spans one grid spacing, as GR; with `color` the arrows take
    /// colormap colours by magnitude, otherwise the line colour.
    pub fn quiver(
        &mut self,
        x: &[f64],
        y: &[f64],
        u: &[f64],
        v: &[f64],
        color: bool,
    ) -> Result<()> {
        let arrows = algorithms::arrow_shapes(x, y, u, v).map_err(algo("quiver"))?;
        self.gks.savestate();
        let r = (|| {
            for a in arrows {
                if color {
                    let ci = self.colormap_color(a.relative);
                    self.gks.setlinecolorind(ci)?;
                    self.gks.setfillcolorind(ci)?;
                }
                let size = a.relative;
                self.arrow(a.start, a.end, 1, size)?;
            }
            Ok::<(), Error>(())
        })();
        self.gks.restorestate()?;
        r
    }

    /// `drawarrow`: an arrow from `(x1, y1)` to `(x2, y2)` (world coordinates) in the
    /// current arrow style (1..=18, see [`Gr::setarrowstyle`]) and size.
    pub fn drawarrow(&mut self, x1: f64, y1: f64, x2: f64, y2: f64) -> Result<()> {
        for (w, v) in [("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2)] {
            if !v.is_finite() {
                return Err(Error::InvalidArgument {
                    func: "drawarrow",
                    msg: format!("{w} must be finite, got {v}"),
                });
            }
        }
        let (style, size) = (self.arrow_style, self.arrow_size);
        self.arrow((x1, y1), (x2, y2), style, size)
    }

    /// `setarrowstyle`: GR's 18 arrow styles (1 simple, 2 simple double-ended, 3..=8 heads
    /// hollow and filled, 9..=16 double-ended, 17/18 double lines).
    pub fn setarrowstyle(&mut self, style: i32) -> Result<()> {
        if !(1..=18).contains(&style) {
            return Err(Error::InvalidArgument {
                func: "setarrowstyle",
                msg: format!("arrow style must be 1..=18, got {style}"),
            });
        }
        self.arrow_style = style;
        Ok(())
    }

    /// `setarrowsize`: scale of arrow heads (1 = GR's standard 0.015 NDC head).
    pub fn setarrowsize(&mut self, size: f64) -> Result<()> {
        if !(size.is_finite() && size >= 0.0) {
            return Err(Error::InvalidArgument {
                func: "setarrowsize",
                msg: format!("arrow size must be a finite number >= 0, got {size}"),
            });
        }
        self.arrow_size = size;
        Ok(())
    }

    /// Draws one arrow given in world coordinates; the head geometry is built in NDC.
    fn arrow(&mut self, start: (f64, f64), end: (f64, f64), style: i32, size: f64) -> Result<()> {
        let s = self.wctondc_current(start);
        let e = self.wctondc_current(end);
        let geo = algorithms::arrow_head(s, e, style, size);
        let tnr = self.gks.inqcurntran();
        self.gks.selntran(0)?;
        let r = (|| {
            for (line, solid) in geo.lines.iter().zip(&geo.solid) {
                if line.len() < 2 {
                    continue;
                }
                let lt = self.gks.state().linetype.to_gr();
                if *solid {
                    self.gks.setlinetype(1)?;
                }
                let (xs, ys): (Vec<f64>, Vec<f64>) = line.iter().copied().unzip();
                self.gks.polyline(&xs, &ys)?;
                self.gks.setlinetype(lt)?;
            }
            if !geo.fills.is_empty() {
                let st = self.gks.state().clone();
                self.gks.setfillintstyle(1)?;
                self.gks.setfillcolorind(st.linecolor as i32)?;
                for f in &geo.fills {
                    if f.len() >= 3 {
                        let (xs, ys): (Vec<f64>, Vec<f64>) = f.iter().copied().unzip();
                        self.gks.fillarea(&xs, &ys)?;
                    }
                }
                self.gks.setfillintstyle(st.fillintstyle.to_gr())?;
                self.gks.setfillcolorind(st.fillcolor as i32)?;
            }
            Ok::<(), Error>(())
        })();
        self.gks.selntran(tnr)?;
        r
    }

    /// A point of the current coordinate system (world or NDC) in NDC.
    fn wctondc_current(&self, p: (f64, f64)) -> (f64, f64) {
        if self.in_wc() {
            self.wctondc(p.0, p.1)
        } else {
            p
        }
    }
}
