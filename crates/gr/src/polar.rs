//! Polar cell arrays (`polarcellarray`, `nonuniformpolarcellarray`) and a polar grid
//! (`polar_axes`).
//!
//! Like [`Gr::nonuniformcellarray`], a polar cell array is resampled once at the device
//! resolution into an RGBA image covering the bounding box of the disk sector (pixels
//! outside the sector transparent, the outer edges anti-aliased by supersampling the
//! boundary pixels) and drawn with one `drawimage`.

use crate::context::Gr;
use crate::error::{Error, Result};
use crate::scale::AxisKind;

/// Largest resampled raster per side.
const MAX_SIDE: usize = 4096;
/// Supersampling grid (per side) of pixels that straddle the sector's outline.
const AA: usize = 4;
/// Angle differences below this (degrees) count as a full turn (GR: 1e-8 rad).
const FULL_TURN_EPS: f64 = 1e-6;

fn invalid(func: &'static str, msg: impl Into<String>) -> Error {
    Error::InvalidArgument {
        func,
        msg: msg.into(),
    }
}

fn check_finite(func: &'static str, what: &str, v: f64) -> Result<()> {
    if v.is_finite() {
        Ok(())
    } else {
        Err(invalid(func, format!("{what} must be finite, got {v}")))
    }
}

/// Edges normalised to `0..=1` along their direction; `name[i]` must be finite and the
/// sequence strictly monotonic.
fn normalised_edges(func: &'static str, name: &str, e: &[f64]) -> Result<Vec<f64>> {
    if let Some(i) = e.iter().position(|v| !v.is_finite()) {
        return Err(invalid(
            func,
            format!("{name}[{i}] is not finite ({})", e[i]),
        ));
    }
    let up = e.windows(2).all(|w| w[0] < w[1]);
    let down = e.windows(2).all(|w| w[0] > w[1]);
    if !(up || down) {
        return Err(invalid(
            func,
            format!("{name} edges must be strictly increasing or strictly decreasing"),
        ));
    }
    let (a, b) = (e[0], e[e.len() - 1]);
    Ok(e.iter()
        .map(|&v| ((v - a) / (b - a)).clamp(0.0, 1.0))
        .collect())
}

/// How positions along one polar direction (normalised to `0..=1`) map to cell indices.
enum Cells {
    /// `n` equal cells.
    Uniform(usize),
    /// Cells between consecutive normalised edges.
    Edges(Vec<f64>),
}

impl Cells {
    fn count(&self) -> usize {
        match self {
            Cells::Uniform(n) => *n,
            Cells::Edges(e) => e.len() - 1,
        }
    }

    #[inline]
    fn locate(&self, t: f64) -> usize {
        match self {
            Cells::Uniform(n) => ((t * *n as f64) as usize).min(n - 1),
            Cells::Edges(e) => e
                .partition_point(|&v| v <= t)
                .saturating_sub(1)
                .min(e.len() - 2),
        }
    }
}

/// A disk sector's cells: angle from `phi0` over the signed `span` (degrees, `0 < |span|
/// <= 360`), radius from `r0` to `r1` (either order, both `>= 0`).
struct Sector {
    x_org: f64,
    y_org: f64,
    phi0: f64,
    span: f64,
    r0: f64,
    r1: f64,
    phi: Cells,
    r: Cells,
}

impl Sector {
    fn full(&self) -> bool {
        self.span.abs() >= 360.0 - FULL_TURN_EPS
    }

    /// Normalised angle (`0..=1` inside) of direction `theta` (degrees).
    #[inline]
    fn angle_t(&self, theta: f64) -> f64 {
        let d = ((theta - self.phi0) * self.span.signum()).rem_euclid(360.0);
        d / self.span.abs()
    }

    /// Bounding box `[xmin, xmax, ymin, ymax]` in world coordinates.
    fn bbox(&self) -> [f64; 4] {
        let rout = self.r0.max(self.r1);
        let rin = self.r0.min(self.r1);
        if self.full() {
            return [
                self.x_org - rout,
                self.x_org + rout,
                self.y_org - rout,
                self.y_org + rout,
            ];
        }
        let mut pts = Vec::with_capacity(8);
        for a in [self.phi0, self.phi0 + self.span] {
            let (s, c) = a.to_radians().sin_cos();
            pts.push((rin * c, rin * s));
            pts.push((rout * c, rout * s));
        }
        for k in 0..4 {
            let a = 90.0 * k as f64;
            if self.angle_t(a) <= 1.0 {
                let (s, c) = a.to_radians().sin_cos();
                pts.push((rout * c, rout * s));
            }
        }
        let mut b = [f64::MAX, f64::MIN, f64::MAX, f64::MIN];
        for (x, y) in pts {
            b[0] = b[0].min(x);
            b[1] = b[1].max(x);
            b[2] = b[2].min(y);
            b[3] = b[3].max(y);
        }
        [
            self.x_org + b[0],
            self.x_org + b[1],
            self.y_org + b[2],
            self.y_org + b[3],
        ]
    }
}

impl Gr {
    /// `polarcellarray`: a `dimphi × dimr` colour-index array mapped onto a disk sector
    /// centred at `(x_org, y_org)` (world coordinates).
    ///
    /// The array's x axis is the angle, its y axis the radius: cell `(i, j)` (angle index
    /// `i`, radius index `j`) has colour `colors[j·dimphi + i]` and spans the angles
    /// `phimin + (phimax − phimin)·[i, i+1]/dimphi` (degrees, counter-clockwise from the
    /// positive x axis) and radii `rmin + (rmax − rmin)·[j, j+1]/dimr`. As in GR, the
    /// sector runs from `phimin` to `phimax` (clockwise if `phimax < phimin`), spans larger
    /// than a full turn are reduced modulo 360° (a multiple of 360° draws the full disk),
    /// and `rmin > rmax` reverses the radial order. `rmin > 0` punctures the disk.
    ///
    /// The cells are resampled once at the device resolution and drawn as one image;
    /// pixels outside the sector stay transparent. Only linear axes are supported.
    #[allow(clippy::too_many_arguments)]
    pub fn polarcellarray(
        &mut self,
        x_org: f64,
        y_org: f64,
        phimin: f64,
        phimax: f64,
        rmin: f64,
        rmax: f64,
        dimphi: usize,
        dimr: usize,
        colors: &[i32],
    ) -> Result<()> {
        let func = "polarcellarray";
        for (what, v) in [
            ("x_org", x_org),
            ("y_org", y_org),
            ("phimin", phimin),
            ("phimax", phimax),
            ("rmin", rmin),
            ("rmax", rmax),
        ] {
            check_finite(func, what, v)?;
        }
        if dimphi == 0 || dimr == 0 {
            return Err(invalid(
                func,
                format!("dimphi and dimr must be positive, got {dimphi}×{dimr}"),
            ));
        }
        check_colors(func, dimphi, dimr, colors)?;
        if phimin == phimax {
            return Err(invalid(
                func,
                format!("phimin and phimax must differ, both are {phimin}"),
            ));
        }
        check_radii(func, rmin, rmax)?;
        // GR reduces the span modulo a full turn (a multiple of 360° is the full disk).
        let d = phimax - phimin;
        let m = d.abs() % 360.0;
        let m = if m < FULL_TURN_EPS || 360.0 - m < FULL_TURN_EPS {
            360.0
        } else {
            m
        };
        let sector = Sector {
            x_org,
            y_org,
            phi0: phimin,
            span: m * d.signum(),
            r0: rmin,
            r1: rmax,
            phi: Cells::Uniform(dimphi),
            r: Cells::Uniform(dimr),
        };
        self.draw_sector(func, &sector, colors)
    }

    /// `nonuniformpolarcellarray`: like [`Gr::polarcellarray`] with explicit cell edges:
    /// `phi` holds `dimphi + 1` angles (degrees) and `r` holds `dimr + 1` radii (world
    /// units, `>= 0`), each strictly increasing or strictly decreasing. Cell `(i, j)` spans
    /// `phi[i]..phi[i+1]` × `r[j]..r[j+1]` and has colour `colors[j·dimphi + i]`. The
    /// angles may cover at most one full turn (`|phi[dimphi] − phi[0]| <= 360`).
    #[allow(clippy::too_many_arguments)]
    pub fn nonuniformpolarcellarray(
        &mut self,
        x_org: f64,
        y_org: f64,
        phi: &[f64],
        r: &[f64],
        dimphi: usize,
        dimr: usize,
        colors: &[i32],
    ) -> Result<()> {
        let func = "nonuniformpolarcellarray";
        check_finite(func, "x_org", x_org)?;
        check_finite(func, "y_org", y_org)?;
        if dimphi == 0 || dimr == 0 || phi.len() != dimphi + 1 || r.len() != dimr + 1 {
            return Err(invalid(
                func,
                format!(
                    "needs dimphi + 1 = {} angle edges and dimr + 1 = {} radius edges for \
                     {dimphi}×{dimr} cells (both dimensions positive), got {} and {}",
                    dimphi + 1,
                    dimr + 1,
                    phi.len(),
                    r.len()
                ),
            ));
        }
        check_colors(func, dimphi, dimr, colors)?;
        let phi_t = normalised_edges(func, "phi", phi)?;
        let r_t = normalised_edges(func, "r", r)?;
        if let Some(i) = r.iter().position(|&v| v < 0.0) {
            return Err(invalid(
                func,
                format!("radii must not be negative, r[{i}] = {}", r[i]),
            ));
        }
        let span = phi[dimphi] - phi[0];
        if span.abs() > 360.0 + FULL_TURN_EPS {
            return Err(invalid(
                func,
                format!(
                    "the angles span {}°, more than one full turn (360°)",
                    span.abs()
                ),
            ));
        }
        let sector = Sector {
            x_org,
            y_org,
            phi0: phi[0],
            span: span.clamp(-360.0, 360.0),
            r0: r[0],
            r1: r[dimr],
            phi: Cells::Edges(phi_t),
            r: Cells::Edges(r_t),
        };
        self.draw_sector(func, &sector, colors)
    }

    /// Resamples `sector` at the device resolution and draws it as one image.
    fn draw_sector(&mut self, func: &'static str, sector: &Sector, colors: &[i32]) -> Result<()> {
        let wc = self.in_wc();
        if wc && (self.x.kind != AxisKind::Linear || self.y.kind != AxisKind::Linear) {
            return Err(invalid(
                func,
                "polar cell arrays need linear axes (clear the log options with setscale)",
            ));
        }
        let table = self.rgba_table(func, colors)?;
        // Kernel coordinates (unit square in world mode, NDC otherwise) ↔ device pixels.
        let [vx0, vx1, vy0, vy1] = if wc {
            self.viewport
        } else {
            [0.0, 1.0, 0.0, 1.0]
        };
        let s = self.gks.workstation().scale();
        let (ax, ay) = (self.x, self.y);
        let world_to_dev = |wx: f64, wy: f64| {
            let (kx, ky) = if wc {
                (ax.to_unit(wx), ay.to_unit(wy))
            } else {
                (wx, wy)
            };
            ((vx0 + kx * (vx1 - vx0)) * s, (vy0 + ky * (vy1 - vy0)) * s)
        };
        let dev_to_kernel =
            |px: f64, py: f64| ((px / s - vx0) / (vx1 - vx0), (py / s - vy0) / (vy1 - vy0));
        let kernel_to_world = |kx: f64, ky: f64| {
            if wc {
                (ax.from_unit(kx), ay.from_unit(ky))
            } else {
                (kx, ky)
            }
        };
        // The bounding box, widened to whole device pixels (y up).
        let [bx0, bx1, by0, by1] = sector.bbox();
        let (p0x, p0y) = world_to_dev(bx0, by0);
        let (p1x, p1y) = world_to_dev(bx1, by1);
        if ![p0x, p0y, p1x, p1y].iter().all(|v| v.is_finite()) {
            return Err(invalid(
                func,
                "the sector does not map to finite coordinates",
            ));
        }
        let (dx0, dx1) = (p0x.min(p1x).floor(), p0x.max(p1x).ceil());
        let (dy0, dy1) = (p0y.min(p1y).floor(), p0y.max(p1y).ceil());
        let w = ((dx1 - dx0) as usize).clamp(1, MAX_SIDE);
        let h = ((dy1 - dy0) as usize).clamp(1, MAX_SIDE);
        let (pw, ph) = (
            (dx1 - dx0).max(1.0) / w as f64,
            (dy1 - dy0).max(1.0) / h as f64,
        );
        let (dx1, dy1) = (dx0 + pw * w as f64, dy0 + ph * h as f64);
        // World coordinates of pixel centres (linear axes: affine in the pixel index),
        // relative to the centre. Columns run left to right, rows top to bottom.
        let (k0x, k0y) = dev_to_kernel(dx0, dy1);
        let (k1x, k1y) = dev_to_kernel(dx1, dy0);
        let (w0x, w0y) = kernel_to_world(k0x, k0y);
        let (w1x, w1y) = kernel_to_world(k1x, k1y);
        let (stepx, stepy) = ((w1x - w0x) / w as f64, (w1y - w0y) / h as f64);
        let xs: Vec<f64> = (0..w)
            .map(|c| w0x + (c as f64 + 0.5) * stepx - sector.x_org)
            .collect();
        let ys: Vec<f64> = (0..h)
            .map(|r| w0y + (r as f64 + 0.5) * stepy - sector.y_org)
            .collect();

        let rout = sector.r0.max(sector.r1);
        let rin = sector.r0.min(sector.r1);
        let inv_dr = 1.0 / (sector.r1 - sector.r0);
        let full = sector.full();
        let dimphi = sector.phi.count();
        let rays = [sector.phi0, sector.phi0 + sector.span].map(|a| {
            let (s, c) = a.to_radians().sin_cos();
            (c, s)
        });
        // Half a pixel diagonal in world units: any point of a pixel lies this close to
        // its centre.
        let half_diag = 0.5 * stepx.hypot(stepy);
        let cell_at = |dx: f64, dy: f64| -> Option<usize> {
            let rho = (dx * dx + dy * dy).sqrt();
            let t_r = (rho - sector.r0) * inv_dr;
            if !(0.0..=1.0).contains(&t_r) {
                return None;
            }
            let t_phi = sector.angle_t(dy.atan2(dx).to_degrees());
            if t_phi > 1.0 {
                return None;
            }
            Some(sector.r.locate(t_r) * dimphi + sector.phi.locate(t_phi))
        };
        let near_outline = |dx: f64, dy: f64| -> bool {
            let rho = (dx * dx + dy * dy).sqrt();
            if (rho - rout).abs() < half_diag || (rin > 0.0 && (rho - rin).abs() < half_diag) {
                return true;
            }
            !full
                && rays.iter().any(|&(c, s)| {
                    let along = dx * c + dy * s;
                    let dist = if along <= 0.0 {
                        rho
                    } else {
                        (dx * s - dy * c).abs()
                    };
                    dist < half_diag
                })
        };
        const CLEAR: [u8; 4] = [0, 0, 0, 0];
        let mut rgba = vec![CLEAR; w * h];
        for (row, &dy) in rgba.chunks_exact_mut(w).zip(&ys) {
            // Skip rows entirely outside the outer circle quickly.
            if dy.abs() > rout + half_diag {
                continue;
            }
            for (px, &dx) in row.iter_mut().zip(&xs) {
                if !near_outline(dx, dy) {
                    if let Some(k) = cell_at(dx, dy) {
                        *px = table[k];
                    }
                    continue;
                }
                // Boundary pixel: coverage from an AA×AA grid of samples.
                let centre = cell_at(dx, dy);
                let mut inside = 0usize;
                let mut first = None;
                for i in 0..AA {
                    let oy = ((i as f64 + 0.5) / AA as f64 - 0.5) * stepy;
                    for j in 0..AA {
                        let ox = ((j as f64 + 0.5) / AA as f64 - 0.5) * stepx;
                        if let Some(k) = cell_at(dx + ox, dy + oy) {
                            inside += 1;
                            first.get_or_insert(k);
                        }
                    }
                }
                if let Some(k) = centre.or(first) {
                    let mut c = table[k];
                    c[3] = ((c[3] as usize * inside + AA * AA / 2) / (AA * AA)) as u8;
                    *px = c;
                }
            }
        }
        let (ka, kb) = (dev_to_kernel(dx0, dy0), dev_to_kernel(dx1, dy1));
        // Row 0 is the top of the box on screen, i.e. at the larger kernel y.
        self.gks.drawimage(ka.0, kb.0, ka.1, kb.1, w, h, &rgba)?;
        Ok(())
    }

    /// The RGBA of every cell, failing on indices outside the colour table.
    fn rgba_table(&self, func: &'static str, colors: &[i32]) -> Result<Vec<[u8; 4]>> {
        let mut cache: std::collections::HashMap<i32, [u8; 4]> = Default::default();
        colors
            .iter()
            .map(|&c| {
                if let Some(v) = cache.get(&c) {
                    return Ok(*v);
                }
                let (r, g, b) = self
                    .gks
                    .inqcolor(c)
                    .map_err(|_| invalid(func, format!("colour index {c} is out of range")))?;
                let v = [
                    (r * 255.0).round() as u8,
                    (g * 255.0).round() as u8,
                    (b * 255.0).round() as u8,
                    255,
                ];
                cache.insert(c, v);
                Ok(v)
            })
            .collect()
    }

    /// A polar grid in the style of python-gr's `mlab.polar`: concentric circles around
    /// `(x_org, y_org)` up to `radius` (world units) at nice steps of the data radius
    /// `0..=rmax` (major circles labelled just below the centre line), and spokes every
    /// 15° (every 30° darker and labelled with the angle in degrees just outside the
    /// outer circle). Uses the current character height; line attributes are restored.
    pub fn polar_axes(&mut self, x_org: f64, y_org: f64, radius: f64, rmax: f64) -> Result<()> {
        let func = "polar_axes";
        for (what, v) in [
            ("x_org", x_org),
            ("y_org", y_org),
            ("radius", radius),
            ("rmax", rmax),
        ] {
            check_finite(func, what, v)?;
        }
        if radius <= 0.0 || rmax <= 0.0 {
            return Err(invalid(
                func,
                format!("radius and rmax must be positive, got {radius} and {rmax}"),
            ));
        }
        if self.in_wc() && (self.x.kind != AxisKind::Linear || self.y.kind != AxisKind::Linear) {
            return Err(invalid(func, "polar axes need linear axes"));
        }
        let major = crate::ticks::tick(0.0, rmax).map_err(|e| invalid(func, e.to_string()))?;
        let minor = major / 2.0;
        self.gks.savestate();
        let r = (|| {
            self.gks.setlinetype(1)?;
            self.gks.setlinewidth(1.0)?;
            self.gks.settextalign(2, 3)?;
            // Spokes.
            for i in 0..24 {
                let a = 15.0 * i as f64;
                let (s, c) = a.to_radians().sin_cos();
                self.gks.setlinecolorind(if i % 2 == 0 { 88 } else { 90 })?;
                self.polyline(&[x_org, x_org + radius * c], &[y_org, y_org + radius * s])?;
                if i % 2 == 0 {
                    let (nx, ny) = self.wctondc(x_org + 1.1 * radius * c, y_org + 1.1 * radius * s);
                    self.text(nx, ny, &format!("{a}°"))?;
                }
            }
            // Circles (and the outer one at radius even if rmax is not a step).
            let n = ((rmax / minor) + 1e-9).floor() as usize;
            let mut rings: Vec<(f64, Option<f64>)> = (0..=n)
                .map(|k| {
                    let v = k as f64 * minor;
                    (v / rmax * radius, (k % 2 == 0).then_some(v))
                })
                .collect();
            if (n as f64 * minor - rmax).abs() > 1e-9 * rmax {
                rings.push((radius, None));
            }
            for (rr, label) in rings {
                self.gks
                    .setlinecolorind(if label.is_some() { 88 } else { 90 })?;
                if rr > 0.0 {
                    self.circle(x_org, y_org, rr)?;
                }
                if let Some(v) = label {
                    let v = (v / minor).round() * minor;
                    let (nx, ny) = self.wctondc(x_org + rr, y_org - 0.05 * radius);
                    self.text(nx, ny, &format!("{}", (v * 1e9).round() / 1e9))?;
                }
            }
            Ok::<(), Error>(())
        })();
        self.gks.restorestate()?;
        r
    }

    /// A circle outline of world radius `r` (an ellipse if the axes' aspects differ).
    fn circle(&mut self, x_org: f64, y_org: f64, r: f64) -> Result<()> {
        let (a, b) = self.kernel_xy(x_org - r, y_org - r);
        let (c, d) = self.kernel_xy(x_org + r, y_org + r);
        self.gks
            .drawarc(a.min(c), a.max(c), b.min(d), b.max(d), 0.0, 360.0)?;
        Ok(())
    }

    fn kernel_xy(&self, x: f64, y: f64) -> (f64, f64) {
        if self.in_wc() {
            self.to_unit(x, y)
        } else {
            (x, y)
        }
    }
}

fn check_colors(func: &'static str, dimphi: usize, dimr: usize, colors: &[i32]) -> Result<()> {
    let n = dimphi.checked_mul(dimr);
    if n != Some(colors.len()) {
        return Err(invalid(
            func,
            format!(
                "{dimphi}×{dimr} cells need {} colours (index r·dimphi + phi), got {}",
                n.map_or("too many".to_string(), |n| n.to_string()),
                colors.len()
            ),
        ));
    }
    Ok(())
}

fn check_radii(func: &'static str, rmin: f64, rmax: f64) -> Result<()> {
    if rmin < 0.0 || rmax < 0.0 {
        return Err(invalid(
            func,
            format!("radii must not be negative, got rmin = {rmin}, rmax = {rmax}"),
        ));
    }
    if rmin == rmax {
        return Err(invalid(
            func,
            format!("rmin and rmax must differ, both are {rmin}"),
        ));
    }
    Ok(())
}

/// Polar heat map: 360×100 cells of a smooth function of (φ, r) on viridis under a polar
/// grid (radii 0..2), with a colour bar.
pub fn polar_heatmap_scene(gr: &mut Gr) -> Result<()> {
    let (nphi, nr) = (360usize, 100usize);
    let mut z = Vec::with_capacity(nphi * nr);
    for j in 0..nr {
        let r = (j as f64 + 0.5) / nr as f64; // data radius / 2
        for i in 0..nphi {
            let phi = ((i as f64 + 0.5) / nphi as f64) * std::f64::consts::TAU;
            z.push(
                (3.0 * phi).cos() * (std::f64::consts::PI * r).sin() * r
                    + 0.5 * r * (phi - 1.0).sin(),
            );
        }
    }
    let (zmin, zmax) = z
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
    let ci: Vec<i32> = z
        .iter()
        .map(|v| 1000 + ((v - zmin) / (zmax - zmin) * 255.0).round() as i32)
        .collect();
    gr.setviewport(0.17, 0.77, 0.09375, 0.69375)?;
    gr.setwindow(-1.12, 1.12, -1.12, 1.12)?;
    gr.setcolormap(144)?;
    // Data radii 0..2 on the unit disk (labelled by polar_axes).
    gr.polarcellarray(0.0, 0.0, 0.0, 360.0, 0.0, 1.0, nphi, nr, &ci)?;
    gr.setcharheight(0.018)?;
    gr.polar_axes(0.0, 0.0, 1.0, 2.0)?;
    gr.setviewport(0.86, 0.89, 0.09375, 0.69375)?;
    gr.setzrange(zmin, zmax)?;
    gr.colorbar()
}

/// GR's `polar.png`: the rose `ρ = 1.2 + 0.6·cos 5φ` (blue, width 2) on a polar grid with
/// radii 0..2.
pub fn polar_scene(gr: &mut Gr) -> Result<()> {
    gr.setviewport(0.225, 0.825, 0.09375, 0.69375)?;
    gr.setwindow(-1.12, 1.12, -1.12, 1.12)?;
    gr.setcharheight(0.018)?;
    gr.polar_axes(0.0, 0.0, 1.0, 2.0)?;
    let (x, y): (Vec<f64>, Vec<f64>) = (0..721)
        .map(|k| {
            let phi = std::f64::consts::TAU * k as f64 / 720.0;
            let rho = 1.2 + 0.6 * (5.0 * phi).cos();
            (rho / 2.0 * phi.cos(), rho / 2.0 * phi.sin())
        })
        .unzip();
    gr.setlinecolorind(4)?;
    gr.setlinewidth(2.0)?;
    gr.polyline(&x, &y)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page with a square viewport 0.1..0.7 × 0.1..0.7 (360×360 px) and window ±1.
    fn square() -> Gr {
        let mut gr = Gr::new();
        gr.setviewport(0.1, 0.7, 0.1, 0.7).unwrap();
        gr.setwindow(-1.0, 1.0, -1.0, 1.0).unwrap();
        gr
    }

    fn pixel(rgba: &[u8], x: f64, y: f64, gr: &Gr) -> [u8; 4] {
        // world → NDC → device pixel (600×450 page, 600 px per NDC, y down).
        let (nx, ny) = gr.wctondc(x, y);
        let (px, py) = ((nx * 600.0) as usize, ((0.75 - ny) * 600.0) as usize);
        let o = (py * 600 + px) * 4;
        [rgba[o], rgba[o + 1], rgba[o + 2], rgba[o + 3]]
    }

    fn rgb(gr: &Gr, ci: i32) -> [u8; 4] {
        let (r, g, b) = gr.inqcolor(ci).unwrap();
        [
            (r * 255.0).round() as u8,
            (g * 255.0).round() as u8,
            (b * 255.0).round() as u8,
            255,
        ]
    }

    fn close(a: [u8; 4], b: [u8; 4]) -> bool {
        a.iter().zip(&b).all(|(x, y)| x.abs_diff(*y) <= 2)
    }

    fn at(r: f64, deg: f64) -> (f64, f64) {
        let (s, c) = deg.to_radians().sin_cos();
        (r * c, r * s)
    }

    #[test]
    fn polar_cells_land_at_their_angle_and_radius() {
        let mut gr = square();
        // 4 angle cells × 2 radius cells on the annulus 0.4..1.0, colours r·4 + phi.
        let colors = [2, 3, 4, 5, 6, 7, 8, 9];
        gr.polarcellarray(0.0, 0.0, 0.0, 360.0, 0.4, 1.0, 4, 2, &colors)
            .unwrap();
        let img = gr.gks().render_rgba().unwrap();
        for (j, r) in [0.55, 0.85].into_iter().enumerate() {
            for i in 0..4 {
                let (x, y) = at(r, 45.0 + 90.0 * i as f64);
                let want = rgb(&gr, colors[j * 4 + i]);
                assert!(close(pixel(&img, x, y, &gr), want), "cell ({i}, {j})");
            }
        }
        // Hole and outside stay the white background.
        let white = [255, 255, 255, 255];
        assert_eq!(pixel(&img, 0.0, 0.0, &gr), white);
        assert_eq!(pixel(&img, 0.2, 0.1, &gr), white);
        assert_eq!(pixel(&img, 0.9, 0.9, &gr), white);
    }

    #[test]
    fn reversed_angles_and_radii_follow_gr() {
        // 270 → 90: left half, mapped clockwise (cell 0 next to 270°).
        let mut gr = square();
        gr.polarcellarray(0.0, 0.0, 270.0, 90.0, 1.0, 0.0, 2, 2, &[2, 3, 4, 5])
            .unwrap();
        let img = gr.gks().render_rgba().unwrap();
        let (x, y) = at(0.75, 225.0); // phi cell 0, r cell 0 (rmin = 1.0 is the first)
        assert!(close(pixel(&img, x, y, &gr), rgb(&gr, 2)));
        let (x, y) = at(0.25, 135.0); // phi cell 1, r cell 1
        assert!(close(pixel(&img, x, y, &gr), rgb(&gr, 5)));
        let (x, y) = at(0.5, 0.0); // right half is empty
        assert_eq!(pixel(&img, x, y, &gr), [255, 255, 255, 255]);

        // 90 → -90: right half, clockwise.
        let mut gr = square();
        gr.polarcellarray(0.0, 0.0, 90.0, -90.0, 0.0, 1.0, 2, 1, &[2, 3])
            .unwrap();
        let img = gr.gks().render_rgba().unwrap();
        let (x, y) = at(0.5, 45.0);
        assert!(close(pixel(&img, x, y, &gr), rgb(&gr, 2)));
        let (x, y) = at(0.5, -45.0);
        assert!(close(pixel(&img, x, y, &gr), rgb(&gr, 3)));
        let (x, y) = at(0.5, 180.0);
        assert_eq!(pixel(&img, x, y, &gr), [255, 255, 255, 255]);
    }

    #[test]
    fn span_reduces_modulo_a_full_turn() {
        let mut gr = square();
        // 0 → 450 is GR's quarter 0..90.
        gr.polarcellarray(0.0, 0.0, 0.0, 450.0, 0.0, 1.0, 1, 1, &[2])
            .unwrap();
        let img = gr.gks().render_rgba().unwrap();
        let (x, y) = at(0.5, 45.0);
        assert!(close(pixel(&img, x, y, &gr), rgb(&gr, 2)));
        let (x, y) = at(0.5, 135.0);
        assert_eq!(pixel(&img, x, y, &gr), [255, 255, 255, 255]);
    }

    #[test]
    fn sector_image_is_transparent_outside_and_antialiased() {
        let mut gr = square();
        gr.polarcellarray(0.0, 0.0, 0.0, 90.0, 0.0, 1.0, 1, 1, &[1])
            .unwrap();
        let img = gr.gks().render_rgba().unwrap();
        // Some edge pixels along the arc are partially covered (grey between black and
        // white).
        let mut grey = 0;
        for k in 1..90 {
            let (x, y) = at(1.0, k as f64);
            let p = pixel(&img, x, y, &gr);
            if p[0] > 10 && p[0] < 245 {
                grey += 1;
            }
        }
        assert!(grey > 10, "only {grey} anti-aliased edge samples");
        let (x, y) = at(0.5, 45.0);
        assert_eq!(pixel(&img, x, y, &gr), [0, 0, 0, 255]);
    }

    #[test]
    fn nonuniform_cells_use_their_edges() {
        let mut gr = square();
        let phi = [0.0, 30.0, 180.0, 360.0];
        let r = [0.0, 0.2, 1.0];
        let colors = [2, 3, 4, 5, 6, 7];
        gr.nonuniformpolarcellarray(0.0, 0.0, &phi, &r, 3, 2, &colors)
            .unwrap();
        let img = gr.gks().render_rgba().unwrap();
        for (deg, i) in [(15.0, 0), (100.0, 1), (270.0, 2)] {
            for (rr, j) in [(0.1, 0), (0.6, 1)] {
                let (x, y) = at(rr, deg);
                assert!(
                    close(pixel(&img, x, y, &gr), rgb(&gr, colors[j * 3 + i])),
                    "{deg}° r {rr}"
                );
            }
        }
        // Decreasing edges reverse the order.
        let mut gr = square();
        gr.nonuniformpolarcellarray(0.0, 0.0, &[90.0, 45.0, 0.0], &[1.0, 0.5], 2, 1, &[2, 3])
            .unwrap();
        let img = gr.gks().render_rgba().unwrap();
        let (x, y) = at(0.75, 60.0);
        assert!(close(pixel(&img, x, y, &gr), rgb(&gr, 2)));
        let (x, y) = at(0.75, 20.0);
        assert!(close(pixel(&img, x, y, &gr), rgb(&gr, 3)));
        let (x, y) = at(0.25, 20.0);
        assert_eq!(pixel(&img, x, y, &gr), [255, 255, 255, 255]);
    }

    #[test]
    fn off_centre_and_anisotropic_window() {
        let mut gr = Gr::new();
        gr.setviewport(0.1, 0.9, 0.1, 0.7).unwrap();
        gr.setwindow(0.0, 10.0, 0.0, 3.0).unwrap();
        gr.polarcellarray(5.0, 1.5, 0.0, 360.0, 0.0, 1.0, 4, 1, &[2, 3, 4, 5])
            .unwrap();
        let img = gr.gks().render_rgba().unwrap();
        for (i, deg) in [45.0, 135.0, 225.0, 315.0].into_iter().enumerate() {
            let (x, y) = at(0.7, deg);
            assert!(close(
                pixel(&img, 5.0 + x, 1.5 + y, &gr),
                rgb(&gr, 2 + i as i32)
            ));
        }
        assert_eq!(pixel(&img, 5.0, 2.7, &gr), [255, 255, 255, 255]);
    }

    #[test]
    fn flipped_axes_mirror_the_disk() {
        let mut gr = square();
        gr.setscale(crate::scale::options::FLIP_X).unwrap();
        gr.polarcellarray(0.0, 0.0, 0.0, 360.0, 0.0, 1.0, 2, 1, &[2, 3])
            .unwrap();
        let img = gr.gks().render_rgba().unwrap();
        let (x, y) = at(0.5, 60.0);
        assert!(close(pixel(&img, x, y, &gr), rgb(&gr, 2)));
        // World (0.5, 0.5) is on the screen's left now.
        let (nx, _) = gr.wctondc(0.5, 0.5);
        assert!(nx < 0.4);
    }

    fn err(r: Result<()>) -> String {
        match r {
            Err(e) => e.to_string(),
            Ok(()) => panic!("expected an error"),
        }
    }

    #[test]
    fn bad_input_is_rejected() {
        let mut gr = square();
        let c4 = [1, 2, 3, 4];
        assert!(
            err(gr.polarcellarray(0.0, 0.0, 0.0, 360.0, 0.0, 1.0, 0, 4, &[])).contains("positive")
        );
        assert!(
            err(gr.polarcellarray(0.0, 0.0, 0.0, 360.0, 0.0, 1.0, 2, 3, &c4))
                .contains("need 6 colours")
        );
        assert!(
            err(gr.polarcellarray(0.0, 0.0, 0.0, 360.0, 1.0, 1.0, 2, 2, &c4)).contains("differ")
        );
        assert!(
            err(gr.polarcellarray(0.0, 0.0, 0.0, 360.0, -0.5, 1.0, 2, 2, &c4)).contains("negative")
        );
        assert!(
            err(gr.polarcellarray(0.0, 0.0, 30.0, 30.0, 0.0, 1.0, 2, 2, &c4)).contains("differ")
        );
        assert!(
            err(gr.polarcellarray(f64::NAN, 0.0, 0.0, 360.0, 0.0, 1.0, 2, 2, &c4))
                .contains("finite")
        );
        assert!(
            err(gr.polarcellarray(0.0, 0.0, 0.0, f64::INFINITY, 0.0, 1.0, 2, 2, &c4))
                .contains("finite")
        );
        assert!(
            err(gr.polarcellarray(0.0, 0.0, 0.0, 360.0, 0.0, 1.0, 2, 2, &[1, 2, 3, 99999]))
                .contains("colour index 99999")
        );
        assert!(
            err(gr.polarcellarray(0.0, 0.0, 0.0, 360.0, 0.0, 1.0, 2, 2, &[1, -1, 3, 4]))
                .contains("colour index -1")
        );

        let e = [0.0, 90.0, 180.0];
        let r = [0.0, 0.5, 1.0];
        assert!(
            err(gr.nonuniformpolarcellarray(0.0, 0.0, &e, &r, 3, 2, &[1; 6]))
                .contains("angle edges")
        );
        assert!(err(gr.nonuniformpolarcellarray(0.0, 0.0, &e, &r, 0, 2, &[])).contains("positive"));
        assert!(
            err(gr.nonuniformpolarcellarray(0.0, 0.0, &e, &r, 2, 2, &[1; 3]))
                .contains("need 4 colours")
        );
        assert!(
            err(gr.nonuniformpolarcellarray(0.0, 0.0, &[0.0, 200.0, 100.0], &r, 2, 2, &c4))
                .contains("strictly")
        );
        assert!(
            err(gr.nonuniformpolarcellarray(0.0, 0.0, &e, &[0.0, 0.5, 0.5], 2, 2, &c4))
                .contains("strictly")
        );
        assert!(
            err(gr.nonuniformpolarcellarray(0.0, 0.0, &e, &[-0.5, 0.5, 1.0], 2, 2, &c4))
                .contains("negative")
        );
        assert!(
            err(gr.nonuniformpolarcellarray(0.0, 0.0, &[0.0, 200.0, 400.0], &r, 2, 2, &c4))
                .contains("full turn")
        );
        assert!(
            err(gr.nonuniformpolarcellarray(0.0, 0.0, &[0.0, f64::NAN, 90.0], &r, 2, 2, &c4))
                .contains("not finite")
        );

        gr.setwindow(0.1, 2.0, 0.1, 2.0).unwrap();
        gr.setscale(crate::scale::options::X_LOG).unwrap();
        assert!(
            err(gr.polarcellarray(1.0, 1.0, 0.0, 360.0, 0.0, 0.5, 2, 2, &c4)).contains("linear")
        );
        assert!(err(gr.nonuniformpolarcellarray(1.0, 1.0, &e, &r, 2, 2, &c4)).contains("linear"));
        assert!(err(gr.polar_axes(1.0, 1.0, 0.5, 1.0)).contains("linear"));
        assert!(err(square().polar_axes(0.0, 0.0, -1.0, 1.0)).contains("positive"));
        // Nothing was drawn by the failed calls.
        let img = square().gks().render_rgba().unwrap();
        assert!(img.iter().all(|&v| v == 255));
    }

    #[test]
    fn ndc_mode_draws_in_ndc() {
        let mut gr = Gr::new();
        gr.selntran(0).unwrap();
        gr.polarcellarray(0.5, 0.375, 0.0, 360.0, 0.0, 0.2, 1, 1, &[2])
            .unwrap();
        let img = gr.gks().render_rgba().unwrap();
        let o = ((450 - 225) * 600 + 300 + 60) * 4;
        assert!(close(
            [img[o], img[o + 1], img[o + 2], img[o + 3]],
            rgb(&gr, 2)
        ));
        let o = ((450 - 225) * 600 + 300 + 130) * 4;
        assert_eq!(&img[o..o + 4], &[255, 255, 255, 255]);
    }

    #[test]
    fn polar_timing_360x200() {
        let (nphi, nr) = (360, 200);
        let colors: Vec<i32> = (0..nphi * nr)
            .map(|k| 1000 + ((k % nphi) * 255 / nphi) as i32)
            .collect();
        let mut gr = Gr::new();
        gr.setviewport(0.1, 0.7, 0.1, 0.7).unwrap();
        gr.setwindow(-1.0, 1.0, -1.0, 1.0).unwrap();
        gr.setcolormap(144).unwrap();
        let t = std::time::Instant::now();
        let runs = 10;
        for _ in 0..runs {
            gr.polarcellarray(0.0, 0.0, 0.0, 360.0, 0.0, 1.0, nphi, nr, &colors)
                .unwrap();
        }
        let per = t.elapsed() / runs;
        // One call plus rendering the page with the image.
        gr.clearws();
        let t = std::time::Instant::now();
        gr.polarcellarray(0.0, 0.0, 0.0, 360.0, 0.0, 1.0, nphi, nr, &colors)
            .unwrap();
        let img = gr.gks().render_rgba().unwrap();
        let total = t.elapsed();
        assert_eq!(img.len(), 600 * 450 * 4);
        eprintln!("polarcellarray 360×200 on 600×450: {per:?} per call, {total:?} with rendering");
        if !cfg!(debug_assertions) {
            assert!(total.as_millis() < 20, "{total:?}");
        }
    }

    #[test]
    fn scenes_render() {
        for scene in [polar_scene, polar_heatmap_scene] {
            let mut gr = Gr::new();
            scene(&mut gr).unwrap();
            let img = gr.gks().render_rgba().unwrap();
            assert!(img.iter().any(|&v| v != 255));
        }
    }

    #[test]
    #[ignore]
    fn write_polar_pngs() {
        let mut gr = Gr::new();
        polar_scene(&mut gr).unwrap();
        gr.gks().save("/tmp/polar.png").unwrap();
        let mut gr = Gr::new();
        polar_heatmap_scene(&mut gr).unwrap();
        gr.gks().save("/tmp/polar-heatmap.png").unwrap();
    }
}
