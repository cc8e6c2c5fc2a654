//! Cell arrays with non-uniform cell edges (`nonuniformcellarray`): resampled once to the
//! device resolution and drawn as one image, so a 1000×1000 non-uniform heat map costs one
//! raster pass instead of a million rectangles (GR users' slow case).

use crate::context::Gr;
use crate::error::{Error, Result};

/// Largest resampled raster per side.
const MAX_SIDE: usize = 4096;

fn check_edges(func: &'static str, name: &str, e: &[f64]) -> Result<()> {
    if let Some(i) = e.iter().position(|v| !v.is_finite()) {
        return Err(Error::InvalidArgument {
            func,
            msg: format!("{name}[{i}] is not finite ({})", e[i]),
        });
    }
    let up = e.windows(2).all(|w| w[0] < w[1]);
    let down = e.windows(2).all(|w| w[0] > w[1]);
    if !(up || down) {
        return Err(Error::InvalidArgument {
            func,
            msg: format!("{name} edges must be strictly increasing or strictly decreasing"),
        });
    }
    Ok(())
}

/// For each of `n` sample positions across `[a, b]` (pixel centres), the index of the cell
/// between consecutive `edges` (in the same coordinates) that contains it.
fn lookup(edges: &[f64], n: usize) -> Vec<usize> {
    let (a, b) = (edges[0], edges[edges.len() - 1]);
    let cells = edges.len() - 1;
    let increasing = b > a;
    (0..n)
        .map(|k| {
            let p = a + (b - a) * (k as f64 + 0.5) / n as f64;
            // First edge beyond p, minus one.
            let i = if increasing {
                edges.partition_point(|&e| e <= p)
            } else {
                edges.partition_point(|&e| e >= p)
            };
            i.saturating_sub(1).min(cells - 1)
        })
        .collect()
}

impl Gr {
    /// `nonuniformcellarray`: `dimx × dimy` colour indices on cells with edges `x`
    /// (`dimx + 1` values) and `y` (`dimy + 1` values), each strictly monotonic; cell
    /// `(i, j)` spans `x[i]..x[i+1]` × `y[j]..y[j+1]` and has colour `colors[j·dimx + i]`.
    /// Log and flipped scales apply to the edges.
    pub fn nonuniformcellarray(
        &mut self,
        x: &[f64],
        y: &[f64],
        dimx: usize,
        dimy: usize,
        colors: &[i32],
    ) -> Result<()> {
        let func = "nonuniformcellarray";
        if dimx == 0 || dimy == 0 || x.len() != dimx + 1 || y.len() != dimy + 1 {
            return Err(Error::InvalidArgument {
                func,
                msg: format!(
                    "needs dimx + 1 = {} x edges and dimy + 1 = {} y edges for {dimx}×{dimy} cells, got {} and {}",
                    dimx + 1,
                    dimy + 1,
                    x.len(),
                    y.len()
                ),
            });
        }
        if colors.len() != dimx * dimy {
            return Err(Error::InvalidArgument {
                func,
                msg: format!(
                    "{dimx}×{dimy} cells need {} colours, got {}",
                    dimx * dimy,
                    colors.len()
                ),
            });
        }
        check_edges(func, "x", x)?;
        check_edges(func, "y", y)?;
        // Edges in the kernel's coordinates (unit square in world mode).
        let wc = self.in_wc();
        let ux: Vec<f64> = x
            .iter()
            .map(|&v| if wc { self.x.to_unit(v) } else { v })
            .collect();
        let uy: Vec<f64> = y
            .iter()
            .map(|&v| if wc { self.y.to_unit(v) } else { v })
            .collect();
        if ux.iter().chain(&uy).any(|v| !v.is_finite()) {
            return Err(Error::InvalidArgument {
                func,
                msg: "edges must be positive on logarithmic axes".into(),
            });
        }
        // Raster size: the device pixels the extent covers.
        let ws = self.gks.workstation();
        let s = ws.scale();
        let (sx, sy) = if wc {
            let [x0, x1, y0, y1] = self.viewport;
            (x1 - x0, y1 - y0)
        } else {
            (1.0, 1.0)
        };
        let w = (((ux[dimx] - ux[0]).abs() * sx * s).round() as usize).clamp(1, MAX_SIDE);
        let h = (((uy[dimy] - uy[0]).abs() * sy * s).round() as usize).clamp(1, MAX_SIDE);
        let cols = lookup(&ux, w);
        // Image rows run from the top (largest y) down.
        let mut rows = lookup(&uy, h);
        if uy[dimy] > uy[0] {
            rows.reverse();
        }
        let table: Vec<[u8; 4]> = {
            let mut t = Vec::new();
            for &c in colors {
                let (r, g, b) = self.gks.inqcolor(c).map_err(|_| Error::InvalidArgument {
                    func,
                    msg: format!("colour index {c} is out of range"),
                })?;
                t.push([
                    (r * 255.0).round() as u8,
                    (g * 255.0).round() as u8,
                    (b * 255.0).round() as u8,
                    255,
                ]);
            }
            t
        };
        let mut rgba = Vec::with_capacity(w * h);
        for &j in &rows {
            let row = &table[j * dimx..(j + 1) * dimx];
            rgba.extend(cols.iter().map(|&i| row[i]));
        }
        let (xa, xb) = (ux[0].min(ux[dimx]), ux[0].max(ux[dimx]));
        let (ya, yb) = (uy[0].min(uy[dimy]), uy[0].max(uy[dimy]));
        // The columns were sampled from ux[0] towards ux[dimx]: mirror if that runs left.
        let (xa, xb) = if ux[dimx] < ux[0] { (xb, xa) } else { (xa, xb) };
        self.gks.drawimage(xa, xb, ya, yb, w, h, &rgba)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::lookup;

    #[test]
    fn lookup_finds_cells_of_uneven_widths() {
        let edges = [0.0, 0.1, 0.5, 1.0];
        let idx = lookup(&edges, 10);
        assert_eq!(idx, vec![0, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
        let rev = [1.0, 0.5, 0.1, 0.0];
        assert_eq!(lookup(&rev, 10), vec![0, 0, 0, 0, 0, 1, 1, 1, 1, 2]);
    }
}
