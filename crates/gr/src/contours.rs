//! Drawing of contour plots: `contour` (lines, labelled major levels) and `contourf`
//! (filled bands), on rectilinear non-uniform grids with NaN holes, through the algorithms
//! of [`crate::contour`].

use gks::device::FillRule;
use gks::geometry::Path;

use crate::context::Gr;
use crate::contour::{contour_bands, contour_lines, contour_regions, uniform_levels, Grid, Ring};
use crate::error::{Error, Result};
use crate::ticks;

/// Number of levels GR uses when none are given.
const DEFAULT_LEVELS: usize = 16;

fn grid<'a>(func: &'static str, x: &'a [f64], y: &'a [f64], z: &'a [f64]) -> Result<Grid<'a>> {
    Grid::new(x, y, z).map_err(|e| Error::InvalidArgument {
        func,
        msg: e.to_string(),
    })
}

/// The levels to use: `h` if given (must be finite and strictly increasing), otherwise
/// GR's 16 evenly spaced levels over the data range.
fn levels(func: &'static str, h: &[f64], g: &Grid) -> Result<Vec<f64>> {
    if h.is_empty() {
        let Some((lo, hi)) = g.z_range() else {
            return Ok(Vec::new());
        };
        if lo == hi {
            return Ok(vec![lo]);
        }
        return Ok(uniform_levels(lo, hi, DEFAULT_LEVELS));
    }
    if let Some(i) = h.iter().position(|v| !v.is_finite()) {
        return Err(Error::InvalidArgument {
            func,
            msg: format!("level {i} is not finite ({})", h[i]),
        });
    }
    if let Some(i) = h.windows(2).position(|w| w[0] >= w[1]) {
        return Err(Error::InvalidArgument {
            func,
            msg: format!(
                "levels must increase strictly: h[{}] = {} >= h[{}] = {}",
                i,
                h[i],
                i + 1,
                h[i + 1]
            ),
        });
    }
    Ok(h.to_vec())
}

/// `v` rounded to `digits` significant decimal digits (level spacings computed from user
/// levels carry floating-point noise such as 0.09999999999999999).
fn round_significant(v: f64, digits: i32) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let scale = 10f64.powi(digits - 1 - v.abs().log10().floor() as i32);
    (v * scale).round() / scale
}

/// Length of a polyline in NDC.
fn length(pts: &[(f64, f64)]) -> f64 {
    pts.windows(2)
        .map(|w| ((w[1].0 - w[0].0).powi(2) + (w[1].1 - w[0].1).powi(2)).sqrt())
        .sum()
}

/// The point and direction at arc length `s` along `pts`, and the index of the segment.
fn point_at(pts: &[(f64, f64)], s: f64) -> ((f64, f64), (f64, f64), usize) {
    let mut acc = 0.0;
    for (i, w) in pts.windows(2).enumerate() {
        let (dx, dy) = (w[1].0 - w[0].0, w[1].1 - w[0].1);
        let l = (dx * dx + dy * dy).sqrt();
        if acc + l >= s && l > 0.0 {
            let t = (s - acc) / l;
            return ((w[0].0 + t * dx, w[0].1 + t * dy), (dx / l, dy / l), i);
        }
        acc += l;
    }
    let n = pts.len();
    (pts[n - 1], (1.0, 0.0), n.saturating_sub(2))
}

/// Splits a polyline into the parts before arc length `a` and after arc length `b`.
fn cut(pts: &[(f64, f64)], a: f64, b: f64) -> (Ring, Ring) {
    let (pa, _, ia) = point_at(pts, a);
    let (pb, _, ib) = point_at(pts, b);
    let mut first: Vec<(f64, f64)> = pts[..=ia].to_vec();
    first.push(pa);
    let mut second = vec![pb];
    second.extend_from_slice(&pts[ib + 1..]);
    (first, second)
}

impl Gr {
    /// Converts data points to the kernel's unit square (world mode) or leaves NDC.
    fn unit_points(&self, pts: &[(f64, f64)]) -> Vec<(f64, f64)> {
        if self.in_wc() {
            pts.iter().map(|&(x, y)| self.to_unit(x, y)).collect()
        } else {
            pts.to_vec()
        }
    }

    /// `contour`: contour lines of `z` on the grid `x` × `y` (z has `x.len() · y.len()`
    /// values, x varying fastest) at the levels `h` (empty: 16 levels over the data range).
    /// `major_h` = n > 0 labels every n-th level (levels 1, 1 + n, ... for n > 1, all for
    /// n = 1) and draws the unlabelled ones dotted; 0 draws plain lines; adding 1000
    /// colours each level from the colormap.
    pub fn contour(
        &mut self,
        x: &[f64],
        y: &[f64],
        h: &[f64],
        z: &[f64],
        major_h: i32,
    ) -> Result<()> {
        let func = "contour";
        if major_h < 0 {
            return Err(Error::InvalidArgument {
                func,
                msg: format!("major_h must be >= 0 (add 1000 for coloured lines), got {major_h}"),
            });
        }
        let g = grid(func, x, y, z)?;
        let levels = levels(func, h, &g)?;
        let colored = major_h >= 1000;
        let major = major_h % 1000;
        let spacing = if levels.len() > 1 {
            round_significant(
                (levels[levels.len() - 1] - levels[0]) / (levels.len() - 1) as f64,
                10,
            )
        } else {
            1.0
        };
        let format = ticks::TickFormat::for_ticks(&levels, spacing);
        self.gks.savestate();
        let r = (|| {
            let line_type = self.gks.state().linetype.to_gr();
            for (k, &level) in levels.iter().enumerate() {
                let labelled = major == 1 || (major > 1 && k % major as usize == 1);
                if colored {
                    self.gks
                        .setlinecolorind(self.level_color(k, levels.len()))?;
                }
                self.gks
                    .setlinetype(if major > 1 && !labelled { 3 } else { line_type })?;
                for line in contour_lines(&g, level) {
                    let unit = self.unit_points(&line);
                    if labelled {
                        self.labelled_line(&unit, &format.format(level))?;
                    } else {
                        self.unit_polyline(&unit)?;
                    }
                }
            }
            Ok(())
        })();
        self.gks.restorestate()?;
        r
    }

    fn unit_polyline(&mut self, pts: &[(f64, f64)]) -> Result<()> {
        if pts.len() < 2 {
            return Ok(());
        }
        let (xs, ys): (Vec<f64>, Vec<f64>) = pts.iter().copied().unzip();
        self.gks.polyline(&xs, &ys)?;
        Ok(())
    }

    /// Draws a contour line (unit coordinates) with its label in a gap at the middle of the
    /// line, rotated along it and kept upright; short lines get no label.
    fn labelled_line(&mut self, unit: &[(f64, f64)], label: &str) -> Result<()> {
        // Work in NDC (labels and gaps are measured there), draw the pieces back in the
        // kernel's current coordinates.
        let [vx0, vx1, vy0, vy1] = self.viewport;
        let wc = self.in_wc();
        let (sx, sy) = (vx1 - vx0, vy1 - vy0);
        let to_ndc = |&(u, v): &(f64, f64)| {
            if wc {
                (vx0 + u * sx, vy0 + v * sy)
            } else {
                (u, v)
            }
        };
        let from_ndc = |&(x, y): &(f64, f64)| {
            if wc {
                ((x - vx0) / sx, (y - vy0) / sy)
            } else {
                (x, y)
            }
        };
        let ndc: Vec<(f64, f64)> = unit.iter().map(to_ndc).collect();
        let (bx, _) = self.gks.inqtext(0.0, 0.0, label)?;
        let w = (bx[1] - bx[0]).abs();
        let h = self.gks.state().charheight;
        let total = length(&ndc);
        if total < 3.0 * w + 2.0 * h {
            return self.unit_polyline(unit);
        }
        let mid = total / 2.0;
        let pad = 0.4 * h;
        let (p, d, _) = point_at(&ndc, mid);
        let (a, b) = cut(&ndc, mid - w / 2.0 - pad, mid + w / 2.0 + pad);
        let a: Vec<(f64, f64)> = a.iter().map(from_ndc).collect();
        let b: Vec<(f64, f64)> = b.iter().map(from_ndc).collect();
        self.unit_polyline(&a)?;
        self.unit_polyline(&b)?;
        // Upright text along the line.
        let (dx, dy) = if d.0 < 0.0 { (-d.0, -d.1) } else { d };
        let tnr = self.gks.inqcurntran();
        self.gks.selntran(0)?;
        self.gks.setcharup(-dy, dx)?;
        self.gks.settextalign(2, 3)?;
        self.gks.text(p.0, p.1, label)?;
        self.gks.selntran(tnr)?;
        Ok(())
    }

    /// `contourf`: filled bands of `z` between the levels `h` (empty: 16 levels over the
    /// data range); band k (`h[k] <= z < h[k+1]`, the last one `z >= h[n−1]`) gets colour
    /// `first + floor(k · (last − first) / (n − 1))` of the active colormap range; values
    /// below `h[0]` stay unfilled. Thin black contour lines are drawn on top unless
    /// `major_h` is −1; other `major_h` values label lines as in [`Gr::contour`].
    pub fn contourf(
        &mut self,
        x: &[f64],
        y: &[f64],
        h: &[f64],
        z: &[f64],
        major_h: i32,
    ) -> Result<()> {
        let func = "contourf";
        let g = grid(func, x, y, z)?;
        let levels = levels(func, h, &g)?;
        if levels.is_empty() {
            return Ok(());
        }
        // Opaque bands are painted as nested regions `z >= h[k]`, each over the lower
        // ones, so the anti-aliased edges between neighbouring bands blend the two band
        // colours and never let the background show through (no light seams). With
        // transparency the disjoint bands are painted, so no area is painted twice.
        let opaque = self.gks.state().transparency >= 1.0;
        let traced = if opaque {
            contour_regions(&g, &levels)
        } else {
            contour_bands(&g, &levels)
        };
        let bands = traced.map_err(|e| Error::InvalidArgument {
            func,
            msg: e.to_string(),
        })?;
        self.gks.savestate();
        let r: Result<()> = (|| {
            self.gks.setfillintstyle(1)?;
            let n = levels.len();
            for (k, band) in bands.iter().enumerate() {
                if band.is_empty() {
                    continue;
                }
                let mut path = Path::new();
                for ring in band {
                    let unit = self.unit_points(ring);
                    for (i, &(u, v)) in unit.iter().enumerate() {
                        if i == 0 {
                            path.move_to(u, v);
                        } else {
                            path.line_to(u, v);
                        }
                    }
                    path.close();
                }
                self.gks.setfillcolorind(self.level_color(k, n))?;
                self.gks.drawpath(&path, false, Some(FillRule::EvenOdd))?;
            }
            Ok(())
        })();
        self.gks.restorestate()?;
        r?;
        if major_h != -1 {
            self.gks.savestate();
            let r: Result<()> = (|| {
                self.gks.setlinecolorind(1)?;
                self.gks.setlinewidth(self.gks.state().linewidth.min(1.0))?;
                self.contour(x, y, &levels, z, major_h.max(0) % 1000)
            })();
            self.gks.restorestate()?;
            r?;
        }
        Ok(())
    }

    /// `colorbar`: fills the current viewport with the active colormap range (first colour
    /// at the bottom) and labels nice values of the z range (`setspace` / `setzrange`)
    /// 0.01 NDC to the right of the bar, with small tick marks.
    pub fn colorbar(&mut self) -> Result<()> {
        let (first, last) = self.colormap_range;
        let colors: Vec<i32> = (first..=last).rev().collect();
        let [x0, x1, y0, y1] = self.viewport;
        let tnr = self.gks.inqcurntran();
        self.gks.savestate();
        let r = (|| {
            self.gks.selntran(0)?;
            self.gks.setclip(false);
            self.gks
                .cellarray(x0, x1, y0, y1, 1, colors.len(), &colors)?;
            let (zmin, zmax) = (self.z.min, self.z.max);
            let tick = ticks::tick(zmin, zmax).map_err(|e| Error::InvalidArgument {
                func: "colorbar",
                msg: e.to_string(),
            })?;
            let values = ticks::linear_ticks(zmin, zmax, tick, 0.0);
            let format = ticks::TickFormat::for_ticks(&values, tick);
            self.gks.setlinecolorind(1)?;
            self.gks.setlinetype(1)?;
            self.gks.settextalign(1, 3)?;
            self.gks.setcharup(0.0, 1.0)?;
            for v in values {
                let y = y0 + self.z.to_unit(v) * (y1 - y0);
                if !y.is_finite() {
                    continue;
                }
                self.gks.polyline(&[x1, x1 + 0.005], &[y, y])?;
                self.gks.text(x1 + 0.01, y, &format.format(v))?;
            }
            Ok(())
        })();
        self.gks.restorestate()?;
        self.gks.selntran(tnr)?;
        r
    }
}
