//! The mesh primitive of [`Gks`]: thousands of small flat-coloured polygons (the cells of
//! a 3D surface) recorded as one display-list item instead of one fill area and one
//! polyline per face.

use super::{check_arrays, Gks};
use crate::attributes::FillIntStyle;
use crate::display_list::{Item, LineStyle, MeshData, Primitive};
use crate::error::{Error, Result};
use rayon::prelude::*;

/// Points from which validation and mapping run on all cores.
const PARALLEL_POINTS: usize = 1 << 15;

/// The index of the first point with a non-finite coordinate. Blocks of points are checked
/// without branches (vectorized), on all cores for long inputs.
fn first_not_finite(points: &[(f64, f64)]) -> Option<usize> {
    const BLOCK: usize = 1024;
    let finite = |block: &[(f64, f64)]| {
        block
            .iter()
            .fold(true, |ok, p| ok & p.0.is_finite() & p.1.is_finite())
    };
    let block = if points.len() >= PARALLEL_POINTS {
        points.par_chunks(BLOCK).position_first(|b| !finite(b))
    } else {
        points.chunks(BLOCK).position(|b| !finite(b))
    }?;
    let start = block * BLOCK;
    points[start..]
        .iter()
        .position(|p| !(p.0.is_finite() && p.1.is_finite()))
        .map(|i| start + i)
}

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
        check_arrays("mesh", x, y, 0)?;
        let points = if x.len() >= PARALLEL_POINTS {
            x.par_iter().zip(y).map(|(&x, &y)| (x, y)).collect()
        } else {
            x.iter().zip(y).map(|(&x, &y)| (x, y)).collect()
        };
        self.mesh_points(points, ends, colors, outline)
    }

    /// [`Gks::mesh`] with the points as one vector of `(x, y)` pairs (world coordinates),
    /// which the display list takes over (mapped to NDC in place) instead of copying: for
    /// meshes of hundreds of thousands of points, such as a large surface, built for it.
    ///
    /// ```
    /// let mut g = gks::Gks::new();
    /// g.setfillintstyle(1).unwrap();
    /// // Two triangles sharing an edge, in colours 2 and 3.
    /// let points = vec![(0.1, 0.1), (0.5, 0.1), (0.1, 0.5), (0.5, 0.1), (0.5, 0.5), (0.1, 0.5)];
    /// g.mesh_points(points, &[3, 6], &[2, 3], None).unwrap();
    /// assert_eq!(g.items().len(), 1);
    /// ```
    pub fn mesh_points(
        &mut self,
        mut points: Vec<(f64, f64)>,
        ends: &[usize],
        colors: &[i32],
        outline: Option<f64>,
    ) -> Result<()> {
        let func = "mesh";
        let bad = |msg: String| Error::BadArrays { func, msg };
        if ends.len() != colors.len() {
            return Err(bad(format!(
                "need one colour per face: {} faces (ends), {} colours",
                ends.len(),
                colors.len()
            )));
        }
        if ends.last().is_some_and(|&e| e != points.len()) {
            return Err(bad(format!(
                "the last face must end at the last point: ends ends at {}, there are {} points",
                ends[ends.len() - 1],
                points.len()
            )));
        }
        if points.len() > u32::MAX as usize {
            return Err(bad(format!("too many points ({})", points.len())));
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
        if let Some(i) = first_not_finite(&points) {
            let (x, y) = points[i];
            return Err(bad(format!("point {i} ({x}, {y}) is not finite")));
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
        let (sx, ox, sy, oy) = t.coeffs();
        if (sx, ox, sy, oy) != (1.0, 0.0, 1.0, 0.0) {
            let map = |p: &mut (f64, f64)| *p = (sx * p.0 + ox, sy * p.1 + oy);
            if points.len() >= PARALLEL_POINTS {
                points.par_iter_mut().for_each(map);
            } else {
                points.iter_mut().for_each(map);
            }
        }
        let outline = outline.map(|o| LineStyle {
            linetype: self.state.linetype,
            width: self.state.linewidth,
            color: self.colors.rgba(self.state.linecolor).with_alpha(alpha * o),
        });
        let clip = self.state.clip.then(|| t.viewport_rect());
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

#[cfg(test)]
mod tests {
    use crate::Gks;

    /// A 12×12 grid of skewed cells as `gr.surface` hands them over: x, y, ends, colours.
    fn cells() -> (Vec<f64>, Vec<f64>, Vec<usize>, Vec<i32>) {
        let node = |i: usize, j: usize| {
            let (u, v) = (i as f64 / 12.0, j as f64 / 12.0);
            (
                0.1 + 0.7 * u + 0.1 * v,
                0.1 + 0.6 * v + 0.05 * (5.0 * u).sin(),
            )
        };
        let (mut x, mut y, mut ends, mut colors) = (vec![], vec![], vec![], vec![]);
        for j in 0..12 {
            for i in 0..12 {
                for (a, b) in [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)] {
                    let p = node(a, b);
                    x.push(p.0);
                    y.push(p.1);
                }
                ends.push(x.len());
                colors.push(2 + ((i + 2 * j) % 6) as i32);
            }
        }
        (x, y, ends, colors)
    }

    fn gks() -> Gks {
        let mut g = Gks::new();
        g.set_size_px(200.0, 150.0).unwrap();
        g.setfillintstyle(4).unwrap();
        g.setborderwidth(1.5 / g.workstation().nominal_size())
            .unwrap();
        g.setlinecolorind(1).unwrap();
        g.setlinewidth(0.6 / g.workstation().nominal_size())
            .unwrap();
        g
    }

    #[test]
    fn mesh_looks_like_its_faces_drawn_as_paths() {
        let (x, y, ends, colors) = cells();
        let mut g = gks();
        g.mesh(&x, &y, &ends, &colors, Some(0.5)).unwrap();
        let page = g.page();
        assert_eq!(
            page.ops.len(),
            1,
            "one mesh operation: {:?}",
            page.ops.len()
        );
        let fast = crate::driver::raster::render_rgba(&page).unwrap();
        // The same faces as plain fills and strokes, drawn by tiny-skia.
        let slow = crate::driver::raster::render_rgba(&page.expanded()).unwrap();
        let (mut bad, mut total) = (0, 0u64);
        for (a, b) in fast.iter().zip(&slow) {
            let d = (*a as i32 - *b as i32).unsigned_abs();
            total += d as u64;
            if d > 32 {
                bad += 1;
            }
        }
        assert!(
            bad < fast.len() / 100,
            "{bad} channels differ by more than 32"
        );
        assert!(total / (fast.len() as u64) < 3, "mean difference too large");
        // Something was drawn in the face colours, with the outline darkening them.
        let (r, g2, b) = g.inqcolor(2).unwrap();
        assert!(fast.chunks_exact(4).any(|p| {
            let c = [r, g2, b].map(|v| (v * 255.0).round() as i32);
            (0..3).all(|k| (p[k] as i32 - c[k]).abs() < 60)
        }));
    }

    #[test]
    fn vector_output_has_one_fill_and_one_outline_per_face() {
        let (x, y, ends, colors) = cells();
        let mut g = gks();
        g.mesh(&x, &y, &ends, &colors, Some(1.0)).unwrap();
        let svg = crate::driver::svg::write_svg(&g.page());
        assert_eq!(svg.matches("<path").count(), 2 * 144);
        let mut g = gks();
        g.mesh(&x, &y, &ends, &colors, None).unwrap();
        let svg = crate::driver::svg::write_svg(&g.page());
        assert_eq!(svg.matches("<path").count(), 144);
    }

    #[test]
    fn bad_input_is_a_clear_error_and_draws_nothing() {
        let (x, y, ends, colors) = cells();
        type Case<'a> = Box<dyn Fn(&mut Gks) -> crate::Result<()> + 'a>;
        let cases: Vec<(Case, &str)> = vec![
            (
                Box::new(|g| g.mesh(&x, &y[1..], &ends, &colors, None)),
                "same length",
            ),
            (
                Box::new(|g| g.mesh(&x, &y, &ends, &colors[1..], None)),
                "one colour per face",
            ),
            (
                Box::new(|g| g.mesh(&x[..5], &y[..5], &[2, 5], &[2, 2], None)),
                "face 0 needs at least 3 points",
            ),
            (
                Box::new(|g| g.mesh(&x, &y, &ends[..3], &colors[..3], None)),
                "must end at the last point",
            ),
            (
                Box::new(|g| {
                    let mut x = x.clone();
                    x[7] = f64::NAN;
                    g.mesh(&x, &y, &ends, &colors, None)
                }),
                "point 7",
            ),
            (
                Box::new(|g| {
                    let mut c = colors.clone();
                    c[3] = 5000;
                    g.mesh(&x, &y, &ends, &c, None)
                }),
                "5000",
            ),
            (
                Box::new(|g| g.mesh(&x, &y, &ends, &colors, Some(1.5))),
                "opacity must be in 0..=1",
            ),
            (
                Box::new(|g| {
                    g.setfillintstyle(0)?;
                    g.mesh(&x, &y, &ends, &colors, None)
                }),
                "SOLID (1) or SOLID_WITH_BORDER (4)",
            ),
        ];
        for (f, want) in cases {
            let mut g = gks();
            let e = f(&mut g).unwrap_err().to_string();
            assert!(e.contains(want), "{e:?} should mention {want:?}");
            assert!(g.items().is_empty());
        }
        // No faces: nothing to draw, no error.
        let mut g = gks();
        g.mesh(&[], &[], &[], &[], Some(1.0)).unwrap();
        assert!(g.items().is_empty());
    }

    #[test]
    fn points_taken_over_draw_the_same_and_long_inputs_are_checked() {
        let (x, y, ends, colors) = cells();
        let mut a = gks();
        a.mesh(&x, &y, &ends, &colors, Some(0.5)).unwrap();
        let mut b = gks();
        let points = x.iter().zip(&y).map(|(&x, &y)| (x, y)).collect();
        b.mesh_points(points, &ends, &colors, Some(0.5)).unwrap();
        assert_eq!(a.items(), b.items());
        // 100,000 triangles (checked on all cores): the first bad point is reported.
        let n = 100_000;
        let mut points: Vec<(f64, f64)> = (0..3 * n)
            .map(|i| (0.1 + (i % 7) as f64 * 0.01, 0.1 + (i % 5) as f64 * 0.01))
            .collect();
        points[200_001].1 = f64::INFINITY;
        points[250_000].0 = f64::NAN;
        let ends: Vec<usize> = (1..=n).map(|k| 3 * k).collect();
        let colors = vec![2; n];
        let e = gks()
            .mesh_points(points, &ends, &colors, None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("point 200001 (0.14, inf)"), "{e}");
    }
}
