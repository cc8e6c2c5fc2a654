//! Grid input shared by heatmap, contour, contourf, quiver, surface and friends: `z` as
//! nested rows or flat (x fastest) with `x`, `y` as centres (n values) or edges (n + 1).

use super::range;
use crate::error::{invalid, Result};
use crate::plot::Series;

/// A checked grid.
pub(crate) struct GridData<'a> {
    pub nx: usize,
    pub ny: usize,
    pub z: &'a [f64],
    /// x as given (centres or edges), or centres 1..=nx.
    pub x: Vec<f64>,
    /// y as given, or centres 1..=ny.
    pub y: Vec<f64>,
}

fn strictly_increasing(path: &str, key: &str, a: &[f64]) -> Result<()> {
    if let Some(i) = a.iter().position(|v| !v.is_finite()) {
        return Err(invalid(
            format!("{path}.{key}[{i}]"),
            "grid coordinates must be finite",
        ));
    }
    if let Some(i) = a
        .windows(2)
        .position(|w| w[1].partial_cmp(&w[0]) != Some(std::cmp::Ordering::Greater))
    {
        return Err(invalid(
            format!("{path}.{key}"),
            format!(
                "must increase strictly (value {} at index {} is not above {})",
                a[i + 1],
                i + 1,
                a[i]
            ),
        ));
    }
    Ok(())
}

/// Reads the grid of a series; `edges_ok` allows n + 1 coordinates (cell kinds).
pub(crate) fn grid_data<'a>(s: &'a Series, path: &str, edges_ok: bool) -> Result<GridData<'a>> {
    let z =
        s.z.as_deref()
            .ok_or_else(|| invalid(format!("{path}.z"), "missing: this kind needs a grid z"))?;
    let (nx, ny) = match (s.z_shape, &s.x, &s.y) {
        (Some(sh), _, _) => (sh.nx, sh.ny),
        (None, Some(x), Some(y)) => {
            let cells = |n: usize| if edges_ok && n > 1 { n - 1 } else { n };
            let (mut nx, mut ny) = (x.len(), y.len());
            if nx * ny != z.len() && cells(nx) * cells(ny) == z.len() {
                nx = cells(nx);
                ny = cells(ny);
            }
            (nx, ny)
        }
        _ => {
            return Err(invalid(
                format!("{path}.z"),
                "is flat: give x and y as well (z then has len(x)·len(y) values, x fastest) or give z as nested rows",
            ))
        }
    };
    if nx == 0 || ny == 0 {
        return Err(invalid(
            format!("{path}.z"),
            "is empty; give at least one row with one value",
        ));
    }
    if nx * ny != z.len() {
        return Err(invalid(
            format!("{path}.z"),
            format!(
                "has {} values but the grid is {nx}×{ny} = {} (x fastest); give one value per grid point",
                z.len(),
                nx * ny
            ),
        ));
    }
    let coord = |v: &Option<Vec<f64>>, n: usize, key: &str| -> Result<Vec<f64>> {
        match v {
            None => Ok((1..=n).map(|i| i as f64).collect()),
            Some(a) => {
                if a.len() != n && !(edges_ok && a.len() == n + 1) {
                    let want = if edges_ok {
                        format!("{n} (centres) or {} (edges)", n + 1)
                    } else {
                        n.to_string()
                    };
                    return Err(invalid(
                        format!("{path}.{key}"),
                        format!("has {} values but the grid needs {want}", a.len()),
                    ));
                }
                strictly_increasing(path, key, a)?;
                Ok(a.clone())
            }
        }
    };
    let x = coord(&s.x, nx, "x")?;
    let y = coord(&s.y, ny, "y")?;
    Ok(GridData { nx, ny, z, x, y })
}

/// Cell edges from centres (midpoints, ends mirrored) or edges as given.
pub(crate) fn edges(c: &[f64], n: usize) -> Vec<f64> {
    if c.len() == n + 1 {
        return c.to_vec();
    }
    if n == 1 {
        return vec![c[0] - 0.5, c[0] + 0.5];
    }
    let mut e = Vec::with_capacity(n + 1);
    e.push(c[0] - 0.5 * (c[1] - c[0]));
    for w in c.windows(2) {
        e.push(0.5 * (w[0] + w[1]));
    }
    e.push(c[n - 1] + 0.5 * (c[n - 1] - c[n - 2]));
    e
}

/// Centres from edges, or centres as given.
pub(crate) fn centres(c: &[f64], n: usize) -> Vec<f64> {
    if c.len() == n + 1 {
        c.windows(2).map(|w| 0.5 * (w[0] + w[1])).collect()
    } else {
        c.to_vec()
    }
}

/// The finite range of z.
pub(crate) fn z_range(g: &GridData, path: &str) -> Result<[f64; 2]> {
    range(path, "z", g.z, None)
}

/// Whether edges are evenly spaced (to a relative 1e-9).
pub(crate) fn uniform(e: &[f64]) -> bool {
    let d = (e[e.len() - 1] - e[0]) / (e.len() - 1) as f64;
    e.windows(2)
        .all(|w| ((w[1] - w[0]) - d).abs() <= 1e-9 * d.abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edges_and_centres_convert() {
        assert_eq!(edges(&[1.0, 2.0, 4.0], 3), vec![0.5, 1.5, 3.0, 5.0]);
        assert_eq!(edges(&[0.0, 1.0, 3.0], 2), vec![0.0, 1.0, 3.0]);
        assert_eq!(edges(&[5.0], 1), vec![4.5, 5.5]);
        assert_eq!(centres(&[0.0, 1.0, 3.0], 2), vec![0.5, 2.0]);
        assert!(uniform(&[0.0, 0.5, 1.0]));
        assert!(!uniform(&[0.0, 0.4, 1.0]));
    }
}
