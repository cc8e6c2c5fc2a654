//! The mesh primitive of [`Gks`]: thousands of small flat-coloured polygons (the cells of
//! a 3D surface) recorded as one display-list item instead of one fill area and one
//! polyline per face.

use super::{check_arrays, Gks};
use crate::attributes::FillIntStyle;
use crate::display_list::{Item, LineStyle, MeshData, Primitive};
use crate::error::{Error, Result};

impl Gks {
    /// `mesh`: `colors.len()` polygons drawn in order, face `k` through the points
    /// `ends[k-1]..ends[k]` of `x`, `y` (world coordinates of the selected transform;
    /// `ends[-1]` is 0) filled with colour index `colors[k]`. The fill interior style must
    /// be SOLID or SOLID_WITH_BORDER; with the latter every face also gets a border of the
    /// border width in its own colour (which hides the light seams anti-aliasing leaves
    /// between neighbouring faces). With `outline = Some(opacity)` each face's closed
    /// outline is then stroked with the line attributes, its opacity the transparency
    /// times `opacity` (0..=1), before the next face is drawn. This draws the same as a
    /// `fillarea` (and `polyline`) per face, only faster.
    pub fn mesh(
        &mut self,
        x: &[f64],
        y: &[f64],
        ends: &[usize],
        colors: &[i32],
        outline: Option<f64>,
    ) -> Result<()> {
        let func = "mesh";
        check_arrays(func, x, y, 0)?;
        let bad = |msg: String| Error::BadArrays { func, msg };
        if ends.len() != colors.len() {
            return Err(bad(format!(
                "need one colour per face: {} faces (ends), {} colours",
                ends.len(),
                colors.len()
            )));
        }
        if ends.last().is_some_and(|&e| e != x.len()) {
            return Err(bad(format!(
                "the last face must end at the last point: ends ends at {}, there are {} points",
                ends[ends.len() - 1],
                x.len()
            )));
        }
        if x.len() > u32::MAX as usize {
            return Err(bad(format!("too many points ({})", x.len())));
        }
        let mut start = 0;
        for (k, &end) in ends.iter().enumerate() {
            if end < start + 3 {
                return Err(bad(format!(
                    "face {k} needs at least 3 points: ends[{k}] = {end} after {start}"
                )));
            }
            start = end;
        }
        if let Some(i) = x
            .iter()
            .zip(y)
            .position(|(a, b)| !(a.is_finite() && b.is_finite()))
        {
            return Err(bad(format!("point {i} ({}, {}) is not finite", x[i], y[i])));
        }
        if let Some(o) = outline.filter(|o| !(0.0..=1.0).contains(o)) {
            return Err(Error::InvalidArgument {
                func,
                msg: format!("outline opacity must be in 0..=1, got {o}"),
            });
        }
        let seam = match self.state.fillintstyle {
            FillIntStyle::Solid => 0.0,
            FillIntStyle::SolidWithBorder => self.state.borderwidth.max(0.0),
            other => {
                return Err(Error::InvalidArgument {
                    func,
                    msg: format!(
                        "fill interior style must be SOLID (1) or SOLID_WITH_BORDER (4), got {}",
                        other.to_gr()
                    ),
                })
            }
        };
        let alpha = self.state.transparency;
        let mut faces = Vec::with_capacity(colors.len());
        for (&end, &c) in ends.iter().zip(colors) {
            let index = self.colors.check(func, c)?;
            faces.push((end as u32, self.colors.rgba(index).with_alpha(alpha)));
        }
        let t = &self.state.transforms[self.state.cur_tnr];
        let points = x.iter().zip(y).map(|(&x, &y)| t.wc_to_ndc(x, y)).collect();
        let outline = outline.map(|o| LineStyle {
            linetype: self.state.linetype,
            width: self.state.linewidth,
            color: self.colors.rgba(self.state.linecolor).with_alpha(alpha * o),
        });
        let clip = self
            .state
            .clip
            .then(|| self.state.transforms[self.state.cur_tnr].viewport_rect());
        if !faces.is_empty() {
            self.items.push(Item {
                primitive: Primitive::Mesh(Box::new(MeshData {
                    points,
                    faces,
                    seam,
                    outline,
                })),
                clip,
            });
        }
        Ok(())
    }
}
