//! `surface`, `trisurface` and `polygonmesh3d`: filled 3D meshes drawn back to front.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

use rayon::prelude::*;

use super::delaunay::{orient, triangulate};
use super::draw::{check_xyz, clip_polygon, clip_segment};
use super::{cross, dot, invalid, norm, sub, Eye, Projector};
use crate::context::Gr;
use crate::error::Result;

/// Width in device pixels of the same-colour outline every face gets, so that the
/// anti-aliased edges of adjacent faces leave no light seams (GR's surfaces show them).
const SEAM_PX: f64 = 1.5;

/// The mesh drawn over colour-filled surfaces (options 3, 4, 6): a thin white line at this
/// opacity and width in device pixels. GR's look has a light mesh there, a by-product of
/// its anti-aliasing seams; here it is drawn on purpose, uniform and hidden correctly.
const MESH_ALPHA: f64 = 0.3;
const MESH_PX: f64 = 0.6;

/// GR's light source for [`SurfaceOption::ShadedMesh`], in unit coordinates of the box.
const LIGHT: [f64; 3] = [0.5, -1.0, 2.0];

/// The display options of [`Gr::surface`] (GR's numbers in brackets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurfaceOption {
    /// Lines along x at every y (0): a hidden-line "LINES" plot.
    Lines,
    /// Wire mesh (1), hidden lines removed.
    Mesh,
    /// Mesh filled with the fill colour, lines in the line colour (2).
    FilledMesh,
    /// Cells coloured by mean z used directly as colour offset into the colormap (3).
    ZShadedMesh,
    /// Cells coloured by mean z scaled over the z range (4).
    ColoredMesh,
    /// A flat image of the data in the projected box, as GR's `CELL_ARRAY` (5).
    CellArray,
    /// Cells shaded by a light source from their normal (6).
    ShadedMesh,
}

impl SurfaceOption {
    /// The option with GR's number, if any.
    pub fn from_gr(option: i32) -> Option<Self> {
        Some(match option {
            0 => SurfaceOption::Lines,
            1 => SurfaceOption::Mesh,
            2 => SurfaceOption::FilledMesh,
            3 => SurfaceOption::ZShadedMesh,
            4 => SurfaceOption::ColoredMesh,
            5 => SurfaceOption::CellArray,
            6 => SurfaceOption::ShadedMesh,
            _ => return None,
        })
    }
}

/// One face to draw: NDC polygon, fill colour, and NaN-separated NDC edge lines.
#[derive(Debug, Clone, Default)]
pub(crate) struct Face {
    pub(crate) xs: Vec<f64>,
    pub(crate) ys: Vec<f64>,
    pub(crate) color: i32,
    pub(crate) ex: Vec<f64>,
    pub(crate) ey: Vec<f64>,
}

/// The polygons of `faces` as one batch: all points, where each face ends, colours.
type Batch = (Vec<(f64, f64)>, Vec<usize>, Vec<i32>);
fn batch(faces: &[Face]) -> Batch {
    let mut b: Batch = Default::default();
    for f in faces {
        b.0.extend(f.xs.iter().zip(&f.ys).map(|(&x, &y)| (x, y)));
        b.1.push(b.0.len());
        b.2.push(f.color);
    }
    b
}

fn color_index(frac: f64, (first, last): (i32, i32)) -> i32 {
    let t = frac * (last - first) as f64;
    if t.is_nan() {
        return first;
    }
    // Rounded half away from zero (as `f64::round`, without the libm call): the clamped
    // value is small, so truncation after adding ±0.5 is exact.
    let t = t.clamp(-1e9, 1e9);
    let r = if t >= 0.0 {
        (t + 0.5) as i64
    } else {
        -((0.5 - t) as i64)
    };
    (first as i64 + r).clamp(first as i64, last as i64) as i32
}

/// The order (far to near) in which the cells of a rectilinear grid with unit node
/// coordinates `u` (x) and `v` (y) must be painted. Exact for height fields: an occluder
/// always lies nearer the viewer along both grid directions, and sorting by (row nearness,
/// column nearness) is a linear extension of that partial order.
pub(crate) fn cell_order(eye: Eye, u: &[f64], v: &[f64]) -> Vec<(usize, usize)> {
    let order = CellOrder::new(eye, u, v);
    let mut cells = Vec::with_capacity(order.cells());
    for g in 0..order.rows.len() {
        order.for_each_in_row_group(g, |i, j| cells.push((i, j)));
    }
    cells
}

/// [`cell_order`] as groups: sorting all cells (row-major) stably by (row rank, column
/// rank) is rows by rank, columns by rank, and for a group of rows of equal rank and a
/// group of columns of equal rank, those cells row by row. The cells of one group of rows
/// are consecutive in the order, so groups can be laid out independently.
pub(crate) struct CellOrder {
    /// Groups of rows (y cell indices) of equal rank, far to near.
    rows: Vec<Vec<usize>>,
    /// Groups of columns (x cell indices) of equal rank, far to near.
    cols: Vec<Vec<usize>>,
}

impl CellOrder {
    pub(crate) fn new(eye: Eye, u: &[f64], v: &[f64]) -> Self {
        let rank = |c: &[f64], k: usize| -> Vec<f64> {
            (0..c.len().saturating_sub(1))
                .map(|i| match eye {
                    Eye::Direction(d) => d[k] * (c[i] + c[i + 1]) / 2.0,
                    Eye::Point(e) => {
                        let (lo, hi) = (c[i].min(c[i + 1]), c[i].max(c[i + 1]));
                        -((lo - e[k]).max(e[k] - hi).max(0.0))
                    }
                })
                .collect()
        };
        let groups = |r: &[f64]| -> Vec<Vec<usize>> {
            let mut k: Vec<usize> = (0..r.len()).collect();
            k.sort_by(|&a, &b| r[a].total_cmp(&r[b]));
            k.chunk_by(|&a, &b| r[a].total_cmp(&r[b]).is_eq())
                .map(<[usize]>::to_vec)
                .collect()
        };
        CellOrder {
            cols: groups(&rank(u, 0)),
            rows: groups(&rank(v, 1)),
        }
    }

    /// Number of cells per row.
    fn row_cells(&self) -> usize {
        self.cols.iter().map(Vec::len).sum()
    }

    /// Number of cells.
    pub(crate) fn cells(&self) -> usize {
        self.row_cells() * self.rows.iter().map(Vec::len).sum::<usize>()
    }

    /// Calls `f(i, j)` for the cells of row group `g`, in order.
    fn for_each_in_row_group(&self, g: usize, mut f: impl FnMut(usize, usize)) {
        let rows = &self.rows[g];
        for cgroup in &self.cols {
            for &j in rows {
                for &i in cgroup {
                    f(i, j);
                }
            }
        }
    }
}

/// A key ordering by `f64::total_cmp`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Key(f64, usize);
impl Eq for Key {}
impl PartialOrd for Key {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Key {
    fn cmp(&self, o: &Self) -> Ordering {
        self.0.total_cmp(&o.0).then(o.1.cmp(&self.1))
    }
}

/// The painting order (far to near) of triangles over a 2D triangulation with unit
/// coordinates `uv`: adjacent triangles are ordered by which side of their common edge the
/// viewer is on (a relation without cycles for Delaunay triangulations), ties and anything
/// unrelated by `depth` (farthest first).
pub(crate) fn triangle_order(
    eye: Eye,
    uv: &[(f64, f64)],
    tris: &[[usize; 3]],
    depth: &[f64],
) -> Vec<usize> {
    let n = tris.len();
    let mut edges: HashMap<(usize, usize), (usize, usize)> = HashMap::with_capacity(3 * n);
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indeg = vec![0usize; n];
    for (t, tri) in tris.iter().enumerate() {
        for k in 0..3 {
            let (a, b) = (tri[k], tri[(k + 1) % 3]);
            let key = (a.min(b), a.max(b));
            if let Some(&(t1, _)) = edges.get(&key) {
                // t1 and t share the edge a–b; t's third vertex:
                let c2 = tri[(k + 2) % 3];
                let (pa, pb) = (uv[a], uv[b]);
                let s2 = orient(pa, pb, uv[c2]);
                let sv = match eye {
                    Eye::Direction(d) => (pb.0 - pa.0) * d[1] - (pb.1 - pa.1) * d[0],
                    Eye::Point(e) => orient(pa, pb, (e[0], e[1])),
                };
                let prod = s2 * sv;
                if prod > 0.0 {
                    after[t1].push(t); // t is on the viewer's side: paint t1 first
                    indeg[t] += 1;
                } else if prod < 0.0 {
                    after[t].push(t1);
                    indeg[t1] += 1;
                }
            } else {
                edges.insert(key, (t, k));
            }
        }
    }
    let mut heap: BinaryHeap<Key> = (0..n)
        .filter(|&t| indeg[t] == 0)
        .map(|t| Key(depth[t], t))
        .collect();
    let mut done = vec![false; n];
    let mut order = Vec::with_capacity(n);
    while order.len() < n {
        let t = match heap.pop() {
            Some(Key(_, t)) => t,
            None => {
                // A cycle (not possible for Delaunay triangulations): break it at the
                // farthest remaining triangle.
                let t = (0..n)
                    .filter(|&t| !done[t])
                    .max_by(|&a, &b| depth[a].total_cmp(&depth[b]))
                    .unwrap_or(0);
                indeg[t] = 0;
                t
            }
        };
        if done[t] {
            continue;
        }
        done[t] = true;
        order.push(t);
        for &s in &after[t] {
            if indeg[s] > 0 {
                indeg[s] -= 1;
                if indeg[s] == 0 && !done[s] {
                    heap.push(Key(depth[s], s));
                }
            }
        }
    }
    order
}

fn check_grid(func: &'static str, x: &[f64], y: &[f64], z: &[f64]) -> Result<()> {
    for (name, a) in [("x", x), ("y", y)] {
        if a.len() < 2 {
            return Err(invalid(
                func,
                format!("{name} needs at least 2 grid values, got {}", a.len()),
            ));
        }
        if let Some(i) = a.iter().position(|v| !v.is_finite()) {
            return Err(invalid(
                func,
                format!("{name}[{i}] = {} is not finite", a[i]),
            ));
        }
        if let Some(i) = (1..a.len()).find(|&i| a[i] <= a[i - 1]) {
            return Err(invalid(
                func,
                format!(
                    "{name} must increase strictly, but {name}[{}] = {} and {name}[{i}] = {}",
                    i - 1,
                    a[i - 1],
                    a[i]
                ),
            ));
        }
    }
    let need = x.len() * y.len();
    if z.len() != need {
        return Err(invalid(
            func,
            format!(
                "z must hold nx·ny = {}·{} = {need} values (x varying fastest), got {}",
                x.len(),
                y.len(),
                z.len()
            ),
        ));
    }
    Ok(())
}

/// Light intensity of a face (unit coordinates) as GR computes it: the cosine between
/// the (upward) normal and the direction to the light, mapped to 0.2..1.
fn intensity(q: &[[f64; 3]; 4]) -> f64 {
    let mut lo = q[0];
    let mut hi = q[0];
    for p in q {
        for k in 0..3 {
            lo[k] = lo[k].min(p[k]);
            hi[k] = hi[k].max(p[k]);
        }
    }
    let center = [
        (lo[0] + hi[0]) / 2.0,
        (lo[1] + hi[1]) / 2.0,
        (lo[2] + hi[2]) / 2.0,
    ];
    let l = sub(LIGHT, center);
    let n1 = cross(sub(q[1], q[0]), sub(q[2], q[0]));
    let n2 = cross(sub(q[2], q[1]), sub(q[3], q[1]));
    let mut n = [n1[0] + n2[0], n1[1] + n2[1], n1[2] + n2[2]];
    if n[2] < 0.0 {
        n = [-n[0], -n[1], -n[2]];
    }
    let (ln, nn) = (norm(l), norm(n));
    if ln == 0.0 || nn == 0.0 {
        return 1.0;
    }
    dot(n, l) / (ln * nn) * 0.8 + 0.2
}

impl Gr {
    /// Paints faces with a same-colour border (no seams) and their edge lines in
    /// `line_color`, or the light mesh when `line_color` is `None`. Runs in NDC.
    pub(crate) fn paint_faces(&mut self, faces: &[Face], line_color: Option<i32>) -> Result<()> {
        self.in_ndc(|gr| {
            gr.gks.setfillintstyle(4)?;
            let nominal = gr.gks.workstation().nominal_size();
            gr.gks.setborderwidth(SEAM_PX / nominal)?;
            gr.gks.setlinetype(1)?;
            let alpha = gr.gks.state().transparency;
            let line_alpha = match line_color {
                Some(c) => {
                    gr.gks.setlinecolorind(c)?;
                    alpha
                }
                None => {
                    gr.gks.setlinecolorind(0)?;
                    gr.gks.setlinewidth(MESH_PX / nominal)?;
                    alpha * MESH_ALPHA
                }
            };
            for f in faces {
                gr.gks.setfillcolorind(f.color)?;
                gr.gks.setbordercolorind(f.color)?;
                gr.gks.fillarea(&f.xs, &f.ys)?;
                if f.ex.len() >= 2 {
                    if line_alpha != alpha {
                        gr.gks.settransparency(line_alpha)?;
                    }
                    gr.gks.polyline(&f.ex, &f.ey)?;
                    if line_alpha != alpha {
                        gr.gks.settransparency(alpha)?;
                    }
                }
            }
            Ok(())
        })
    }

    /// Paints faces given as one batch (face `k` through the points `ends[k-1]..ends[k]`
    /// of `xs`, `ys` in NDC, colour index `colors[k]`) with a same-colour border, each
    /// followed by its closed outline in `line_color` if `outline`, or by the light mesh
    /// when `line_color` is `None`: the same picture as [`Gr::paint_faces`], as one
    /// kernel mesh item.
    pub(crate) fn paint_mesh(
        &mut self,
        points: Vec<(f64, f64)>,
        ends: &[usize],
        colors: &[i32],
        outline: bool,
        line_color: Option<i32>,
    ) -> Result<()> {
        self.in_ndc(|gr| {
            gr.gks.setfillintstyle(4)?;
            let nominal = gr.gks.workstation().nominal_size();
            gr.gks.setborderwidth(SEAM_PX / nominal)?;
            gr.gks.setlinetype(1)?;
            let opacity = match line_color {
                Some(c) => {
                    gr.gks.setlinecolorind(c)?;
                    1.0
                }
                None => {
                    gr.gks.setlinecolorind(0)?;
                    gr.gks.setlinewidth(MESH_PX / nominal)?;
                    MESH_ALPHA
                }
            };
            gr.gks
                .mesh_points(points, ends, colors, outline.then_some(opacity))?;
            Ok(())
        })
    }

    /// `surface`: a surface over a rectilinear grid (`x` has nx increasing values, `y` ny,
    /// `z` nx·ny heights with x varying fastest) in the current 3D projection, drawn as
    /// GR's `option` 0..=6 ([`SurfaceOption`]): LINES and MESH use the line colour on an
    /// opaque background-coloured surface, FILLED_MESH the fill colour too; Z_SHADED_MESH
    /// uses `first + round(mean z)` of the colormap range, COLORED_MESH
    /// `first + round((mean z − zmin)/(zmax − zmin)·(last − first))` with the `setspace`
    /// z range widened to the data, SHADED_MESH GR's light at (0.5, −1, 2) of the box.
    /// Cells are painted far to near (hidden surfaces are exact from every view); cells
    /// touching NaN heights are left out. With clipping on, cells are cut at the 3D box.
    pub fn surface(&mut self, x: &[f64], y: &[f64], z: &[f64], option: i32) -> Result<()> {
        let func = "surface";
        let opt = SurfaceOption::from_gr(option).ok_or_else(|| {
            invalid(
                func,
                format!(
                    "option must be 0..=6 (LINES, MESH, FILLED_MESH, Z_SHADED_MESH, COLORED_MESH, CELL_ARRAY, SHADED_MESH), got {option}"
                ),
            )
        })?;
        check_grid(func, x, y, z)?;
        let p = self.projector();
        let nx = x.len();
        let u: Vec<f64> = x.iter().map(|&v| p.axes[0].to_unit(v)).collect();
        let v: Vec<f64> = y.iter().map(|&v| p.axes[1].to_unit(v)).collect();
        let w: Vec<f64> = z.iter().map(|&v| p.axes[2].to_unit(v)).collect();
        let zl: Vec<f64> = w.iter().map(|&w| p.lin(2, w)).collect();
        let (zmin, zmax) = (p.axes[2].min, p.axes[2].max);
        let (mut cmin, mut cmax) = (zmin, zmax);
        for &c in zl.iter().filter(|c| c.is_finite()) {
            cmin = cmin.min(c);
            cmax = cmax.max(c);
        }
        let range = self.colormap_range;
        if opt == SurfaceOption::CellArray {
            return self.surface_cellarray(&p, &u, &v, &zl, (zmin, zmax));
        }
        let clip = self.gks.inqclip();
        let state = self.gks.state();
        let line_color = state.linecolor as i32;
        let fill_color = state.fillcolor as i32;
        // `q()` gives the cell's corners in unit coordinates (only shading needs them).
        let color_of = |q: &dyn Fn() -> [[f64; 3]; 4], meanz: f64| match opt {
            SurfaceOption::Lines | SurfaceOption::Mesh => 0,
            SurfaceOption::FilledMesh => fill_color,
            SurfaceOption::ZShadedMesh => {
                (range.0 as f64 + meanz.round()).clamp(range.0 as f64, range.1 as f64) as i32
            }
            SurfaceOption::ColoredMesh => color_index((meanz - cmin) / (cmax - cmin), range),
            SurfaceOption::ShadedMesh => color_index(intensity(&q()), range),
            SurfaceOption::CellArray => unreachable!("handled above"),
        };
        let lines = match opt {
            SurfaceOption::Lines | SurfaceOption::Mesh | SurfaceOption::FilledMesh => {
                Some(line_color)
            }
            _ => None,
        };
        if !clip && opt != SurfaceOption::Lines {
            // Every cell is a quad outlined all round: project each node once and hand
            // the cells to the kernel as one mesh, laid out by groups of rows on all cores.
            // Buffers of megabytes: recycled ones (see `gks::recycle`) spare the page faults
            // of fresh memory when surfaces are drawn frame after frame.
            let ny = v.len();
            let mut node = gks::recycle::points_buffer(nx * ny);
            node.resize(nx * ny, (f64::NAN, f64::NAN));
            node.par_chunks_mut(nx)
                .with_min_len(16)
                .enumerate()
                .for_each(|(b, row)| {
                    for (a, r) in row.iter_mut().enumerate() {
                        if let Some(q) = p.project_unit([u[a], v[b], w[b * nx + a]]) {
                            *r = (q[0], q[1]);
                        }
                    }
                });
            let order = CellOrder::new(p.eye(), &u, &v);
            let cells = order.cells();
            let mut points = gks::recycle::points_buffer(4 * cells);
            points.resize(4 * cells, (0.0, 0.0));
            let mut colors = vec![0i32; cells];
            // Each group of rows fills its own consecutive part of the outputs.
            let mut parts = Vec::with_capacity(order.rows.len());
            let (mut pts, mut cols) = (&mut points[..], &mut colors[..]);
            for (g, rows) in order.rows.iter().enumerate() {
                let n = rows.len() * order.row_cells();
                let (p0, p1) = std::mem::take(&mut pts).split_at_mut(4 * n);
                let (c0, c1) = std::mem::take(&mut cols).split_at_mut(n);
                parts.push((g, p0, c0));
                (pts, cols) = (p1, c1);
            }
            // A cell touching a NaN node gets colour `SKIPPED` and is removed below.
            const SKIPPED: i32 = i32::MIN;
            parts
                .into_par_iter()
                .with_max_len(4)
                .for_each(|(g, pts, cols)| {
                    let mut k = 0;
                    order.for_each_in_row_group(g, |i, j| {
                        let n = [
                            j * nx + i,
                            j * nx + i + 1,
                            (j + 1) * nx + i + 1,
                            (j + 1) * nx + i,
                        ];
                        if n.iter().any(|&n| node[n].0.is_nan()) {
                            cols[k] = SKIPPED;
                        } else {
                            let meanz = n.iter().map(|&n| zl[n]).sum::<f64>() / 4.0;
                            let q = || {
                                [
                                    [u[i], v[j], w[n[0]]],
                                    [u[i + 1], v[j], w[n[1]]],
                                    [u[i + 1], v[j + 1], w[n[2]]],
                                    [u[i], v[j + 1], w[n[3]]],
                                ]
                            };
                            cols[k] = color_of(&q, meanz);
                            pts[4 * k..4 * k + 4].copy_from_slice(&n.map(|n| node[n]));
                        }
                        k += 1;
                    });
                });
            if colors.contains(&SKIPPED) {
                let mut kept = 0;
                for k in 0..cells {
                    if colors[k] != SKIPPED {
                        colors[kept] = colors[k];
                        points.copy_within(4 * k..4 * k + 4, 4 * kept);
                        kept += 1;
                    }
                }
                colors.truncate(kept);
                points.truncate(4 * kept);
            }
            gks::recycle::recycle_points(node);
            let ends: Vec<usize> = (1..=colors.len()).map(|k| 4 * k).collect();
            return self.paint_mesh(points, &ends, &colors, true, lines);
        }
        let mut faces = Vec::new();
        for (i, j) in cell_order(p.eye(), &u, &v) {
            let idx = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)];
            let q = idx.map(|(a, b)| [u[a], v[b], w[b * nx + a]]);
            if q.iter().flatten().any(|c| !c.is_finite()) {
                continue;
            }
            let poly = if clip { clip_polygon(&q) } else { q.to_vec() };
            if poly.len() < 3 {
                continue;
            }
            let Some(proj) = poly
                .iter()
                .map(|&c| p.project_unit(c))
                .collect::<Option<Vec<_>>>()
            else {
                continue;
            };
            let meanz = idx.iter().map(|&(a, b)| zl[b * nx + a]).sum::<f64>() / 4.0;
            let color = color_of(&|| q, meanz);
            let mut face = Face {
                xs: proj.iter().map(|c| c[0]).collect(),
                ys: proj.iter().map(|c| c[1]).collect(),
                color,
                ..Face::default()
            };
            let edges: &[(usize, usize)] = match opt {
                SurfaceOption::Lines => &[(0, 1), (3, 2)],
                _ => &[(0, 1), (1, 2), (2, 3), (3, 0)],
            };
            if !clip && edges.len() == 4 {
                // The whole outline as one closed line (the same pixels as its four sides).
                face.ex.extend(face.xs.iter().chain(&face.xs[..1]));
                face.ey.extend(face.ys.iter().chain(&face.ys[..1]));
                faces.push(face);
                continue;
            }
            for &(a, b) in edges {
                let seg = if clip {
                    clip_segment(q[a], q[b])
                } else {
                    Some((q[a], q[b]))
                };
                if let Some((s0, s1)) = seg {
                    if let (Some(c0), Some(c1)) = (p.project_unit(s0), p.project_unit(s1)) {
                        face.ex.extend([c0[0], c1[0], f64::NAN]);
                        face.ey.extend([c0[1], c1[1], f64::NAN]);
                    }
                }
            }
            faces.push(face);
        }
        self.paint_faces(&faces, lines)
    }

    /// GR's CELL_ARRAY surface: the data as a flat image (colour indices interpolated
    /// linearly between the nodes) spanning the projected box from the near-bottom corner
    /// of the first node to the far-top corner of the last.
    fn surface_cellarray(
        &mut self,
        p: &Projector,
        u: &[f64],
        v: &[f64],
        zl: &[f64],
        (zmin, zmax): (f64, f64),
    ) -> Result<()> {
        let (nx, ny) = (u.len(), v.len());
        let (first, last) = self.colormap_range;
        let node = |i: usize, j: usize| -> f64 {
            let c = zl[j * nx + i];
            if !c.is_finite() {
                return f64::NAN;
            }
            let f = ((c - zmin) / (zmax - zmin) * (last - first) as f64).trunc();
            (first as f64 + f).clamp(first as f64, last as f64)
        };
        let up = |n: usize| {
            if n >= 256 {
                n
            } else {
                (n - 1) * (255 / (n - 1)).max(1) + 1
            }
        };
        let (w, h) = (up(nx), up(ny));
        let mut colors = vec![0i32; w * h];
        for r in 0..h {
            let fy = r as f64 * (ny - 1) as f64 / (h - 1) as f64;
            let j = (fy.floor() as usize).min(ny - 2);
            let ty = fy - j as f64;
            for c in 0..w {
                let fx = c as f64 * (nx - 1) as f64 / (w - 1) as f64;
                let i = (fx.floor() as usize).min(nx - 2);
                let tx = fx - i as f64;
                let a = node(i, j) * (1.0 - tx) + node(i + 1, j) * tx;
                let b = node(i, j + 1) * (1.0 - tx) + node(i + 1, j + 1) * tx;
                let val = a * (1.0 - ty) + b * ty;
                // Row 0 of the image is the top (last y).
                colors[(h - 1 - r) * w + c] = if val.is_finite() {
                    val.round() as i32
                } else {
                    0
                };
            }
        }
        let (Some(a), Some(b)) = (
            p.project_unit([u[0], v[0], 0.0]),
            p.project_unit([u[nx - 1], v[ny - 1], 1.0]),
        ) else {
            return Ok(());
        };
        if a[0] == b[0] || a[1] == b[1] {
            return Ok(());
        }
        self.in_ndc(|gr| {
            gr.gks
                .cellarray(a[0], b[0], a[1].min(b[1]), a[1].max(b[1]), w, h, &colors)?;
            Ok(())
        })
    }

    /// `trisurface`: a surface through scattered points, triangulated (Delaunay, in the
    /// unit square of the x and y axes), each triangle filled with
    /// `first + round((mean z − zmin)/(zmax − zmin)·(last − first))` and outlined in the
    /// line colour, as GR. Triangles are painted far to near by the exact order of the
    /// triangulation (see the module docs); triangles touching NaN heights are left out.
    pub fn trisurface(&mut self, x: &[f64], y: &[f64], z: &[f64]) -> Result<()> {
        let func = "trisurface";
        check_xyz(func, x, y, z, 3)?;
        let p = self.projector();
        let mut uv = Vec::with_capacity(x.len());
        for i in 0..x.len() {
            let (a, b) = (p.axes[0].to_unit(x[i]), p.axes[1].to_unit(y[i]));
            if !(a.is_finite() && b.is_finite()) {
                return Err(invalid(
                    func,
                    format!(
                        "point {i} ({}, {}) must be finite (and positive on logarithmic axes)",
                        x[i], y[i]
                    ),
                ));
            }
            uv.push((a, b));
        }
        let tris = triangulate(&uv);
        if tris.is_empty() {
            return Err(invalid(
                func,
                "the points do not span an area: need 3 distinct points not all on one line",
            ));
        }
        let w: Vec<f64> = z.iter().map(|&v| p.axes[2].to_unit(v)).collect();
        let depth: Vec<f64> = tris
            .iter()
            .map(|t| {
                let c = t.iter().fold([0.0; 3], |acc, &k| {
                    let wk = if w[k].is_finite() { w[k] } else { 0.5 };
                    [
                        acc[0] + uv[k].0 / 3.0,
                        acc[1] + uv[k].1 / 3.0,
                        acc[2] + wk / 3.0,
                    ]
                });
                p.project_unit(c).map_or(f64::NEG_INFINITY, |r| r[2])
            })
            .collect();
        let order = triangle_order(p.eye(), &uv, &tris, &depth);
        let (zmin, zmax) = (p.axes[2].min, p.axes[2].max);
        let range = self.colormap_range;
        let line_color = self.gks.state().linecolor as i32;
        let mut faces = Vec::with_capacity(order.len());
        for t in order {
            let tri = tris[t];
            if tri.iter().any(|&k| !w[k].is_finite()) {
                continue;
            }
            let Some(proj) = tri
                .iter()
                .map(|&k| p.project_unit([uv[k].0, uv[k].1, w[k]]))
                .collect::<Option<Vec<_>>>()
            else {
                continue;
            };
            let meanz = tri.iter().map(|&k| p.lin(2, w[k])).sum::<f64>() / 3.0;
            let xs: Vec<f64> = proj.iter().map(|c| c[0]).collect();
            let ys: Vec<f64> = proj.iter().map(|c| c[1]).collect();
            faces.push(Face {
                ex: vec![xs[0], xs[1], xs[2], xs[0]],
                ey: vec![ys[0], ys[1], ys[2], ys[0]],
                xs,
                ys,
                color: color_index((meanz - zmin) / (zmax - zmin), range),
            });
        }
        let (points, ends, colors) = batch(&faces);
        self.paint_mesh(points, &ends, &colors, true, Some(line_color))
    }

    /// `polygonmesh3d`: filled 3D polygons given as vertex arrays and a connection list
    /// `[n₀, i₀₁, …, i₀ₙ₀, n₁, …]` of 0-based vertex indices per face, each face filled with
    /// its colour index from `colors`. Faces are painted far to near by their mean depth
    /// (exact only for faces that do not interpenetrate or overlap cyclically).
    pub fn polygonmesh3d(
        &mut self,
        x: &[f64],
        y: &[f64],
        z: &[f64],
        connections: &[usize],
        colors: &[i32],
    ) -> Result<()> {
        let func = "polygonmesh3d";
        check_xyz(func, x, y, z, 1)?;
        let mut faces_idx: Vec<&[usize]> = Vec::new();
        let mut k = 0;
        while k < connections.len() {
            let n = connections[k];
            if n < 3 || k + 1 + n > connections.len() {
                return Err(invalid(
                    func,
                    format!(
                        "connections[{k}] = {n} must be a vertex count >= 3 followed by that many indices ({} left)",
                        connections.len() - k - 1
                    ),
                ));
            }
            let face = &connections[k + 1..k + 1 + n];
            if let Some(&bad) = face.iter().find(|&&i| i >= x.len()) {
                return Err(invalid(
                    func,
                    format!(
                        "vertex index {bad} is out of range (there are {} vertices)",
                        x.len()
                    ),
                ));
            }
            faces_idx.push(face);
            k += 1 + n;
        }
        if colors.len() != faces_idx.len() {
            return Err(invalid(
                func,
                format!(
                    "need one colour per face: {} faces, {} colours",
                    faces_idx.len(),
                    colors.len()
                ),
            ));
        }
        for &c in colors {
            self.gks.inqcolor(c)?;
        }
        let p = self.projector();
        let proj: Vec<Option<[f64; 3]>> =
            (0..x.len()).map(|i| p.project(x[i], y[i], z[i])).collect();
        let mut faces: Vec<(f64, Face)> = Vec::new();
        for (f, idx) in faces_idx.iter().enumerate() {
            let Some(pts) = idx.iter().map(|&i| proj[i]).collect::<Option<Vec<_>>>() else {
                continue;
            };
            let depth = pts.iter().map(|c| c[2]).sum::<f64>() / pts.len() as f64;
            faces.push((
                depth,
                Face {
                    xs: pts.iter().map(|c| c[0]).collect(),
                    ys: pts.iter().map(|c| c[1]).collect(),
                    color: colors[f],
                    ..Face::default()
                },
            ));
        }
        faces.sort_by(|a, b| b.0.total_cmp(&a.0));
        let faces: Vec<Face> = faces.into_iter().map(|f| f.1).collect();
        let (points, ends, colors) = batch(&faces);
        self.paint_mesh(points, &ends, &colors, false, None)
    }
}
