//! Coordinate systems: world coordinates (WC) → normalized device coordinates (NDC) through
//! the normalization transforms 0..=8, and NDC → device pixels through the workstation
//! window and viewport.

use crate::error::{Error, Result};
use crate::geometry::{Affine, Rect};

/// Number of normalization transforms (0 is the fixed identity).
pub const NUM_TRANSFORMS: usize = 9;

/// Checks that `(min, max)` is a finite, non-empty range.
pub(crate) fn check_range(func: &'static str, what: &str, min: f64, max: f64) -> Result<()> {
    if !(min.is_finite() && max.is_finite()) {
        return Err(Error::InvalidArgument {
            func,
            msg: format!("{what} limits must be finite, got {min}..{max}"),
        });
    }
    if min >= max {
        return Err(Error::InvalidArgument {
            func,
            msg: format!("{what} minimum must be less than maximum, got {min}..{max}"),
        });
    }
    Ok(())
}

/// A normalization transform: maps the window (WC) linearly onto the viewport (NDC).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NormTransform {
    /// World window `(xmin, xmax, ymin, ymax)`.
    pub window: [f64; 4],
    /// NDC viewport `(xmin, xmax, ymin, ymax)`.
    pub viewport: [f64; 4],
}

impl Default for NormTransform {
    fn default() -> Self {
        NormTransform {
            window: [0.0, 1.0, 0.0, 1.0],
            viewport: [0.0, 1.0, 0.0, 1.0],
        }
    }
}

impl NormTransform {
    /// The coefficients `(sx, ox, sy, oy)` with `ndc = s·wc + o`.
    pub(crate) fn coeffs(&self) -> (f64, f64, f64, f64) {
        let [wx0, wx1, wy0, wy1] = self.window;
        let [vx0, vx1, vy0, vy1] = self.viewport;
        let sx = (vx1 - vx0) / (wx1 - wx0);
        let sy = (vy1 - vy0) / (wy1 - wy0);
        (sx, vx0 - sx * wx0, sy, vy0 - sy * wy0)
    }
    /// World → NDC.
    pub fn wc_to_ndc(&self, x: f64, y: f64) -> (f64, f64) {
        let (sx, ox, sy, oy) = self.coeffs();
        (sx * x + ox, sy * y + oy)
    }
    /// NDC → world.
    pub fn ndc_to_wc(&self, x: f64, y: f64) -> (f64, f64) {
        let (sx, ox, sy, oy) = self.coeffs();
        ((x - ox) / sx, (y - oy) / sy)
    }
    /// The viewport as a rectangle.
    pub fn viewport_rect(&self) -> Rect {
        let [x0, x1, y0, y1] = self.viewport;
        Rect::new(x0, y0, x1, y1)
    }
    /// Scale factors (NDC per WC unit) in x and y.
    pub fn scale(&self) -> (f64, f64) {
        let (sx, _, sy, _) = self.coeffs();
        (sx, sy)
    }
}

/// Page size and the mapping of NDC onto it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Workstation {
    /// Page width in device pixels.
    pub width: f64,
    /// Page height in device pixels.
    pub height: f64,
    /// Pixels per inch.
    pub dpi: f64,
    /// The NDC rectangle shown on the page `(xmin, xmax, ymin, ymax)`.
    pub window: [f64; 4],
    /// True once `setwswindow` was called; otherwise the window follows the page aspect.
    pub window_set: bool,
}

/// Largest page side in pixels the kernel accepts (a 32767² RGBA page is 4 GiB).
pub const MAX_PAGE_PX: f64 = 32767.0;

impl Default for Workstation {
    fn default() -> Self {
        let mut ws = Workstation {
            width: 600.0,
            height: 450.0,
            dpi: 100.0,
            window: [0.0, 1.0, 0.0, 1.0],
            window_set: false,
        };
        ws.fit_window();
        ws
    }
}

impl Workstation {
    /// Sets the page size in pixels; errors for non-finite, sub-pixel or huge sizes.
    pub fn set_size_px(&mut self, width: f64, height: f64) -> Result<()> {
        let bad = |msg: &str| Error::PageSize {
            width,
            height,
            msg: msg.to_string(),
        };
        if !(width.is_finite() && height.is_finite()) {
            return Err(bad("sizes must be finite"));
        }
        if width < 1.0 || height < 1.0 {
            return Err(bad("both sides must be at least 1 pixel"));
        }
        if width > MAX_PAGE_PX || height > MAX_PAGE_PX {
            return Err(bad("sides are limited to 32767 pixels"));
        }
        self.width = width.round();
        self.height = height.round();
        self.fit_window();
        Ok(())
    }

    /// Unless the window was set explicitly, make it `[0,1]×[0,h/w]` (landscape) or
    /// `[0,w/h]×[0,1]` (portrait), so that one NDC unit spans the longer page side.
    fn fit_window(&mut self) {
        if self.window_set {
            return;
        }
        let (w, h) = (self.width, self.height);
        self.window = if w >= h {
            [0.0, 1.0, 0.0, h / w]
        } else {
            [0.0, w / h, 0.0, 1.0]
        };
    }

    /// Sets the workstation window (the NDC area shown).
    pub fn set_window(&mut self, xmin: f64, xmax: f64, ymin: f64, ymax: f64) -> Result<()> {
        check_range("setwswindow", "x", xmin, xmax)?;
        check_range("setwswindow", "y", ymin, ymax)?;
        self.window = [xmin, xmax, ymin, ymax];
        self.window_set = true;
        Ok(())
    }

    /// Pixels per NDC unit (uniform: the window keeps its aspect ratio).
    pub fn scale(&self) -> f64 {
        let [x0, x1, y0, y1] = self.window;
        (self.width / (x1 - x0)).min(self.height / (y1 - y0))
    }

    /// GR's nominal size: `min(width, height) / 500` pixels, the unit of line widths and
    /// marker sizes.
    pub fn nominal_size(&self) -> f64 {
        self.width.min(self.height) / 500.0
    }

    /// The NDC → device-pixel transform (window lower-left at the page's lower-left, y down).
    pub fn ndc_to_device(&self) -> Affine {
        let s = self.scale();
        let [x0, _, y0, _] = self.window;
        Affine {
            m: [s, 0.0, 0.0, -s, -s * x0, self.height + s * y0],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_wc_ndc() {
        let t = NormTransform {
            window: [-2.0, 3.0, 10.0, 20.0],
            viewport: [0.1, 0.9, 0.2, 0.7],
        };
        for &(x, y) in &[(-2.0, 10.0), (0.3, 17.5), (3.0, 20.0)] {
            let (u, v) = t.wc_to_ndc(x, y);
            let (x2, y2) = t.ndc_to_wc(u, v);
            assert!((x - x2).abs() < 1e-12 && (y - y2).abs() < 1e-12);
        }
        let (u, v) = t.wc_to_ndc(-2.0, 10.0);
        assert!((u - 0.1).abs() < 1e-12 && (v - 0.2).abs() < 1e-12);
    }

    #[test]
    fn default_page_maps_ndc_width_to_600px() {
        let ws = Workstation::default();
        assert_eq!(ws.scale(), 600.0);
        assert_eq!(ws.ndc_to_device().apply(0.0, 0.0), (0.0, 450.0));
        assert_eq!(ws.ndc_to_device().apply(1.0, 0.75), (600.0, 0.0));
        assert!((ws.nominal_size() - 0.9).abs() < 1e-12);
    }

    #[test]
    fn bad_sizes_are_refused() {
        let mut ws = Workstation::default();
        assert!(ws.set_size_px(0.0, 10.0).is_err());
        assert!(ws.set_size_px(f64::NAN, 10.0).is_err());
        assert!(ws.set_size_px(1e6, 10.0).is_err());
        assert!(ws.set_window(0.0, 0.0, 0.0, 1.0).is_err());
    }
}
