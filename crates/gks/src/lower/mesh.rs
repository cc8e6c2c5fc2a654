//! Batching of surface cells: a run of small solid fill areas (each optionally followed by
//! its edge polyline) lowers to one [`DeviceOp::Mesh`] instead of thousands of separate
//! fills and strokes, so drivers can draw it with a dedicated rasterizer or compactly.

use rayon::prelude::*;

use super::Lowering;
use crate::attributes::{FillIntStyle, LineType};
use crate::device::{DeviceOp, FillRule, Mesh, MeshFace};
use crate::display_list::{FillStyle, Item, LineStyle, MeshData, Primitive};

/// Points of a recorded mesh from which they are mapped to the device on all cores.
const PARALLEL_POINTS: usize = 1 << 15;
/// Fewest faces worth a mesh; shorter runs are lowered primitive by primitive.
const MIN_FACES: usize = 32;
/// Most vertices of a face (a quad cut at the six planes of a box has at most ten).
const MAX_VERTICES: usize = 16;

/// The seam width (multiple of the nominal size) and rule of a fill area that can be a
/// mesh face: solid, or solid with a border in its own colour.
fn face_key(p: &Primitive) -> Option<(f64, FillRule)> {
    let Primitive::FillArea {
        points,
        style,
        rule,
    } = p
    else {
        return None;
    };
    if points.len() < 3 || points.len() > MAX_VERTICES {
        return None;
    }
    let FillStyle {
        int_style,
        color,
        border_color,
        border_width,
        ..
    } = *style;
    match int_style {
        FillIntStyle::Solid => Some((0.0, *rule)),
        FillIntStyle::SolidWithBorder if border_color == color => {
            Some((border_width.max(0.0), *rule))
        }
        _ => None,
    }
}

/// The style of a polyline that can be a face's edge lines: solid, every piece of at least
/// two points.
fn edge_key(p: &Primitive) -> Option<LineStyle> {
    let Primitive::Polyline { points, style } = p else {
        return None;
    };
    if style.linetype != LineType::Solid {
        return None;
    }
    let ok = points
        .split(|p| !(p.0.is_finite() && p.1.is_finite()))
        .all(|piece| piece.len() != 1);
    ok.then_some(*style)
}

impl Lowering<'_> {
    /// Lowers a mesh recorded as one item ([`crate::Gks::mesh`]).
    pub(super) fn mesh_item(&mut self, m: &MeshData) {
        let t = self.to_dev;
        let to_dev = |&(x, y): &(f64, f64)| t.apply(x, y);
        let mut points = crate::recycle::points_buffer(m.points.len());
        if m.points.len() >= PARALLEL_POINTS {
            m.points
                .par_iter()
                .map(to_dev)
                .collect_into_vec(&mut points);
        } else {
            points.extend(m.points.iter().map(to_dev));
        }
        let mesh = Mesh {
            points,
            edges: Vec::new(),
            faces: m
                .faces
                .iter()
                .map(|&(points_end, color)| MeshFace {
                    points_end,
                    edges_end: 0,
                    color,
                })
                .collect(),
            rule: FillRule::EvenOdd,
            seam: m.seam * self.nominal,
            edge_style: m
                .outline
                .filter(|s| s.color.a > 0 && s.width > 0.0)
                .map(|s| (self.stroke_style(&s), s.color)),
            outlines: true,
        };
        self.ops.push(DeviceOp::Mesh(mesh));
    }

    /// If `items` starts with a run of at least [`MIN_FACES`] mesh faces under the same
    /// clip, lowers the run to one mesh and returns how many items it used.
    pub(super) fn mesh_batch(&mut self, items: &[Item]) -> Option<usize> {
        let first = items.first()?;
        let (seam, rule) = face_key(&first.primitive)?;
        let clip = first.clip;
        let mut edge_style: Option<LineStyle> = None;
        let (mut n, mut faces) = (0, 0);
        while n < items.len() {
            let it = &items[n];
            if it.clip != clip {
                break;
            }
            if let Some(key) = face_key(&it.primitive) {
                if key != (seam, rule) {
                    break;
                }
                faces += 1;
                n += 1;
            } else if let Some(style) = edge_key(&it.primitive) {
                // Edge lines belong to the face just before them; all share one style.
                let after_face = n > 0 && face_key(&items[n - 1].primitive).is_some();
                if !after_face || edge_style.is_some_and(|s| s != style) {
                    break;
                }
                edge_style = Some(style);
                n += 1;
            } else {
                break;
            }
        }
        if faces < MIN_FACES {
            return None;
        }
        let mut mesh = Mesh {
            points: Vec::with_capacity(faces * 4),
            edges: Vec::new(),
            faces: Vec::with_capacity(faces),
            rule,
            seam: seam * self.nominal,
            edge_style: edge_style
                .filter(|s| s.color.a > 0 && s.width > 0.0)
                .map(|s| (self.stroke_style(&s), s.color)),
            outlines: false,
        };
        for it in &items[..n] {
            match &it.primitive {
                Primitive::FillArea { points, style, .. } => {
                    mesh.points
                        .extend(points.iter().map(|&(x, y)| self.to_dev.apply(x, y)));
                    mesh.faces.push(MeshFace {
                        points_end: mesh.points.len() as u32,
                        edges_end: mesh.edges.len() as u32,
                        color: style.color,
                    });
                }
                Primitive::Polyline { points, .. } => {
                    if mesh.edge_style.is_some() {
                        if !mesh.edges.is_empty() {
                            mesh.edges.push((f64::NAN, f64::NAN));
                        }
                        mesh.edges
                            .extend(points.iter().map(|&(x, y)| self.to_dev.apply(x, y)));
                        if let Some(f) = mesh.faces.last_mut() {
                            f.edges_end = mesh.edges.len() as u32;
                        }
                    }
                }
                _ => unreachable!("only faces and edges are batched"),
            }
        }
        self.ops.push(DeviceOp::Mesh(mesh));
        Some(n)
    }
}

#[cfg(test)]
mod tests {
    use crate::device::DeviceOp;
    use crate::Gks;

    /// `n` cells drawn as a surface draws them: filled with a same-colour border, each
    /// followed by its outline.
    fn cells(n: usize, border: bool) -> Gks {
        let mut g = Gks::new();
        g.setfillintstyle(if border { 4 } else { 1 }).unwrap();
        g.setborderwidth(1.5).unwrap();
        for k in 0..n {
            let x0 = 0.02 * (k % 40) as f64;
            let y0 = 0.02 * (k / 40) as f64;
            let (x, y) = (
                [x0, x0 + 0.02, x0 + 0.02, x0],
                [y0, y0, y0 + 0.02, y0 + 0.02],
            );
            g.setfillcolorind(2 + (k % 6) as i32).unwrap();
            g.setbordercolorind(2 + (k % 6) as i32).unwrap();
            g.fillarea(&x, &y).unwrap();
            g.polyline(
                &[x0, x0 + 0.02, f64::NAN, x0 + 0.02, x0 + 0.02],
                &[y0, y0, f64::NAN, y0, y0 + 0.02],
            )
            .unwrap();
        }
        g
    }

    #[test]
    fn runs_of_cells_become_one_mesh() {
        let page = cells(100, true).page();
        let meshes: Vec<_> = page
            .ops
            .iter()
            .filter_map(|op| match op {
                DeviceOp::Mesh(m) => Some(m),
                _ => None,
            })
            .collect();
        assert_eq!(meshes.len(), 1);
        let m = meshes[0];
        assert_eq!(m.faces.len(), 100);
        assert_eq!(m.points.len(), 400);
        assert!((m.seam - 1.5 * crate::Gks::new().workstation().nominal_size()).abs() < 1e-9);
        assert!(m.edge_style.is_some());
        // Faces keep their own colours and edges, in order.
        let (poly, edges, color) = m.faces().nth(7).unwrap();
        assert_eq!(poly.len(), 4);
        assert_eq!(edges.iter().filter(|p| p.0.is_finite()).count(), 4);
        assert_ne!(color, m.faces().nth(8).unwrap().2);
        assert!(!page
            .ops
            .iter()
            .any(|op| matches!(op, DeviceOp::Fill { .. })));
    }

    #[test]
    fn short_runs_and_bordered_cells_stay_plain() {
        let page = cells(10, true).page();
        assert!(!page.ops.iter().any(|op| matches!(op, DeviceOp::Mesh(_))));
        assert_eq!(
            page.ops
                .iter()
                .filter(|op| matches!(op, DeviceOp::Fill { .. }))
                .count(),
            10
        );
        // A border in another colour than the fill is not a seam: plain fills and strokes.
        let mut g = cells(0, true);
        g.setbordercolorind(1).unwrap();
        for k in 0..40 {
            let x0 = 0.02 * k as f64;
            g.setfillcolorind(3).unwrap();
            g.fillarea(&[x0, x0 + 0.02, x0 + 0.02], &[0.1, 0.1, 0.12])
                .unwrap();
        }
        assert!(!g
            .page()
            .ops
            .iter()
            .any(|op| matches!(op, DeviceOp::Mesh(_))));
    }
}
