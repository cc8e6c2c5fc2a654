//! The extraction pass: z-slabs of cube layers, a shared-vertex cache per slice, rayon over
//! slabs and a merge that gives the same mesh for every number of threads.

use super::table::TABLE;
use super::{IsoMesh, Voxel};
use rayon::prelude::*;

/// A validated scalar field and the isovalue.
pub(crate) struct Field<'a, T> {
    pub data: &'a [T],
    pub n: [usize; 3],
    pub spacing: [f64; 3],
    pub offset: [f64; 3],
    pub iso: f64,
}

/// Minimum, maximum and whether a NaN was seen.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Range {
    pub lo: f64,
    pub hi: f64,
    pub nan: bool,
}

impl Range {
    const EMPTY: Range = Range {
        lo: f64::INFINITY,
        hi: f64::NEG_INFINITY,
        nan: false,
    };

    fn join(self, o: Range) -> Range {
        Range {
            lo: self.lo.min(o.lo),
            hi: self.hi.max(o.hi),
            nan: self.nan | o.nan,
        }
    }
}

/// The mesh of one slab with slab-local vertex numbers.
struct Slab {
    vertices: Vec<[f32; 3]>,
    normals: Vec<[f32; 3]>,
    indices: Vec<u32>,
    /// Vertices made for the slab's bottom slice (duplicates of the previous slab's top).
    bottom: u32,
    /// Local index of the first vertex of the slab's top slice.
    top_start: u32,
    /// Range of the slices the slab read.
    range: Range,
}

impl<T: Voxel> Field<'_, T> {
    #[inline(always)]
    fn at(&self, x: usize, y: usize, z: usize) -> f64 {
        self.data[x + self.n[0] * (y + self.n[1] * z)].to_f64()
    }

    /// Central-difference gradient at a grid point (one-sided on the border), in data
    /// units per length unit.
    #[inline]
    fn gradient(&self, p: [usize; 3]) -> [f64; 3] {
        let mut g = [0.0; 3];
        for (a, ga) in g.iter_mut().enumerate() {
            let (mut lo, mut hi) = (p, p);
            if p[a] > 0 {
                lo[a] -= 1;
            }
            if p[a] + 1 < self.n[a] {
                hi[a] += 1;
            }
            let d = (hi[a] - lo[a]) as f64 * self.spacing[a];
            *ga = (self.at(hi[0], hi[1], hi[2]) - self.at(lo[0], lo[1], lo[2])) / d;
        }
        g
    }

    /// The vertex on the edge from grid point `p` one step along `axis`.
    fn vertex(&self, p: [usize; 3], axis: usize, out: &mut Slab) -> u32 {
        let mut q = p;
        q[axis] += 1;
        let v0 = self.at(p[0], p[1], p[2]);
        let v1 = self.at(q[0], q[1], q[2]);
        let t = ((self.iso - v0) / (v1 - v0)).clamp(0.0, 1.0);
        let mut pos = [0f32; 3];
        for a in 0..3 {
            let c = p[a] as f64 + if a == axis { t } else { 0.0 };
            pos[a] = (self.offset[a] + self.spacing[a] * c) as f32;
        }
        let g0 = self.gradient(p);
        let g1 = self.gradient(q);
        let mut g = [0.0; 3];
        for a in 0..3 {
            g[a] = -(g0[a] + t * (g1[a] - g0[a]));
        }
        let len = (g[0] * g[0] + g[1] * g[1] + g[2] * g[2]).sqrt();
        let normal = if len > 0.0 && len.is_finite() {
            [
                (g[0] / len) as f32,
                (g[1] / len) as f32,
                (g[2] / len) as f32,
            ]
        } else {
            // Flat gradient: point along the edge towards the lower end.
            let mut n = [0f32; 3];
            n[axis] = if v1 < v0 { 1.0 } else { -1.0 };
            n
        };
        out.vertices.push(pos);
        out.normals.push(normal);
        (out.vertices.len() - 1) as u32
    }

    /// High/low flags of slice `z`.
    /// Also folds the slice's values into the slab's range and NaN flag (the data range is
    /// checked after extraction, so the data are read once).
    fn flags(&self, z: usize, out: &mut [u8], range: &mut Range) {
        let m = self.n[0] * self.n[1];
        let slice = &self.data[z * m..(z + 1) * m];
        let iso = self.iso;
        // Four independent lanes keep the min/max chains short and vectorisable.
        let mut lo = [f64::INFINITY; 4];
        let mut hi = [f64::NEG_INFINITY; 4];
        let mut nan = [false; 4];
        let mut fo = out.chunks_exact_mut(4);
        let mut vi = slice.chunks_exact(4);
        for (f, v) in (&mut fo).zip(&mut vi) {
            for k in 0..4 {
                let x = v[k].to_f64();
                f[k] = u8::from(x > iso);
                lo[k] = if x < lo[k] { x } else { lo[k] };
                hi[k] = if x > hi[k] { x } else { hi[k] };
                nan[k] |= x.is_nan();
            }
        }
        for (f, v) in fo.into_remainder().iter_mut().zip(vi.remainder()) {
            let x = v.to_f64();
            *f = u8::from(x > iso);
            lo[0] = if x < lo[0] { x } else { lo[0] };
            hi[0] = if x > hi[0] { x } else { hi[0] };
            nan[0] |= x.is_nan();
        }
        for k in 0..4 {
            range.lo = range.lo.min(lo[k]);
            range.hi = range.hi.max(hi[k]);
            range.nan |= nan[k];
        }
    }

    /// Vertices of the crossed x and y edges of slice `z`; ids[2p] (x edge), ids[2p+1] (y).
    fn slice_vertices(&self, z: usize, f: &[u8], ids: &mut [u32], out: &mut Slab) {
        let [nx, ny, _] = self.n;
        for y in 0..ny {
            let row = nx * y;
            let mut x = 0;
            while x < nx {
                let p = row + x;
                // Eight points at once: skip them when no x or y edge starting there crosses.
                if x + 9 <= nx && y + 1 < ny {
                    let a = word(f, p);
                    if a == word(f, p + 1) && a == word(f, p + nx) {
                        x += 8;
                        continue;
                    }
                }
                if x + 1 < nx && f[p] != f[p + 1] {
                    ids[2 * p] = self.vertex([x, y, z], 0, out);
                }
                if y + 1 < ny && f[p] != f[p + nx] {
                    ids[2 * p + 1] = self.vertex([x, y, z], 1, out);
                }
                x += 1;
            }
        }
    }

    /// One slab: cube layers `k0..k1`.
    fn slab(&self, k0: usize, k1: usize, first: bool) -> Slab {
        let [nx, ny, _] = self.n;
        let m = nx * ny;
        let mut out = Slab {
            vertices: Vec::new(),
            normals: Vec::new(),
            indices: Vec::new(),
            bottom: 0,
            top_start: 0,
            range: Range::EMPTY,
        };
        let (mut fb, mut ft) = (vec![0u8; m], vec![0u8; m]);
        let (mut ib, mut it) = (vec![u32::MAX; 2 * m], vec![u32::MAX; 2 * m]);
        let mut iz = vec![u32::MAX; m];
        // Per point of the layer: bit 0 = bottom corner high, bit 4 = top corner high.
        let mut c = vec![0u8; m];
        self.flags(k0, &mut fb, &mut out.range);
        self.slice_vertices(k0, &fb, &mut ib, &mut out);
        if !first {
            out.bottom = out.vertices.len() as u32;
        }
        let table = &*TABLE;
        for k in k0..k1 {
            self.flags(k + 1, &mut ft, &mut out.range);
            out.top_start = out.vertices.len() as u32;
            self.slice_vertices(k + 1, &ft, &mut it, &mut out);
            for ((c, &b), &t) in c.iter_mut().zip(&fb).zip(&ft) {
                *c = b | (t << 4);
            }
            for y in 0..ny {
                let mut x = 0;
                while x < nx {
                    let p = x + nx * y;
                    if x + 8 <= nx && word(&fb, p) == word(&ft, p) {
                        x += 8;
                        continue;
                    }
                    if fb[p] != ft[p] {
                        iz[p] = self.vertex([x, y, k], 2, &mut out);
                    }
                    x += 1;
                }
            }
            for y in 0..ny - 1 {
                let r0 = nx * y;
                let r1 = r0 + nx;
                let mut x = 0;
                while x < nx - 1 {
                    let p = r0 + x;
                    let q = r1 + x;
                    if x + 9 <= nx {
                        // Cases of eight cubes at once (each byte stays below 0x100).
                        let w = word(&c, p)
                            | word(&c, p + 1) << 1
                            | word(&c, q) << 2
                            | word(&c, q + 1) << 3;
                        if w == 0 || w == u64::MAX {
                            x += 8;
                            continue;
                        }
                    }
                    let case = c[p] | c[p + 1] << 1 | c[q] << 2 | c[q + 1] << 3;
                    x += 1;
                    if case == 0 || case == 255 {
                        continue;
                    }
                    let edge = |e: u8| -> u32 {
                        match e {
                            0 => ib[2 * p],
                            1 => ib[2 * q],
                            2 => it[2 * p],
                            3 => it[2 * q],
                            4 => ib[2 * p + 1],
                            5 => ib[2 * p + 3],
                            6 => it[2 * p + 1],
                            7 => it[2 * p + 3],
                            8 => iz[p],
                            9 => iz[p + 1],
                            10 => iz[q],
                            _ => iz[q + 1],
                        }
                    };
                    let (s, e) = (
                        table.start[case as usize] as usize,
                        table.start[case as usize + 1] as usize,
                    );
                    for tri in &table.tris[s..e] {
                        out.indices
                            .extend_from_slice(&[edge(tri[0]), edge(tri[1]), edge(tri[2])]);
                    }
                }
            }
            std::mem::swap(&mut fb, &mut ft);
            std::mem::swap(&mut ib, &mut it);
        }
        out
    }

    /// The whole mesh (slabs in parallel, merged in order) and the data range.
    pub(crate) fn extract(&self) -> (IsoMesh, Range) {
        let layers = self.n[2] - 1;
        let want = (rayon::current_num_threads() * 3).max(1);
        let per = layers.div_ceil(want).max(4);
        let ranges: Vec<(usize, usize)> = (0..layers)
            .step_by(per)
            .map(|k| (k, (k + per).min(layers)))
            .collect();
        let slabs: Vec<Slab> = ranges
            .par_iter()
            .map(|&(k0, k1)| self.slab(k0, k1, k0 == 0))
            .collect();
        let range = slabs.iter().fold(Range::EMPTY, |r, s| r.join(s.range));
        (merge(slabs), range)
    }
}

/// Eight flag bytes from `p` as one word.
#[inline(always)]
fn word(f: &[u8], p: usize) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&f[p..p + 8]);
    u64::from_le_bytes(b)
}

/// Joins slabs: each slab's bottom-slice vertices are the previous slab's top-slice ones.
fn merge(slabs: Vec<Slab>) -> IsoMesh {
    let total: usize = slabs
        .iter()
        .map(|s| s.vertices.len() - s.bottom as usize)
        .sum();
    let ntri: usize = slabs.iter().map(|s| s.indices.len()).sum();
    let mut mesh = IsoMesh {
        vertices: Vec::with_capacity(total),
        normals: Vec::with_capacity(total),
        indices: Vec::with_capacity(ntri),
    };
    let mut prev_top = 0u32;
    for s in slabs {
        let base = mesh.vertices.len() as u32;
        let drop = s.bottom;
        mesh.vertices
            .extend_from_slice(&s.vertices[drop as usize..]);
        mesh.normals.extend_from_slice(&s.normals[drop as usize..]);
        mesh.indices.extend(s.indices.iter().map(|&i| {
            if i < drop {
                prev_top + i
            } else {
                base + i - drop
            }
        }));
        prev_top = base + s.top_start - drop;
    }
    mesh
}
