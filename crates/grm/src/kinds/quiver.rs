//! `quiver`: arrows (`u`, `v`) on the grid `x` × `y` (u, v with x fastest), coloured by
//! magnitude; the colour bar shows the magnitude.

use super::grid::grid_data;
use super::{check_len, req, Ctx, Extent};
use crate::error::{invalid, Result};
use crate::plot::{Plot, Series};

/// Grid x, y and the components u, v.
type Field<'a> = (Vec<f64>, Vec<f64>, &'a [f64], &'a [f64]);

fn parts<'a>(s: &'a Series, path: &str) -> Result<Field<'a>> {
    let u = req(&s.u, path, "u")?;
    let v = req(&s.v, path, "v")?;
    let x = req(&s.x, path, "x")?;
    let y = req(&s.y, path, "y")?;
    check_len(path, "u", u, x.len() * y.len(), "the grid len(x)·len(y)")?;
    check_len(path, "v", v, u.len(), "u")?;
    let probe = Series {
        x: Some(x.to_vec()),
        y: Some(y.to_vec()),
        z: Some(u.to_vec()),
        ..Default::default()
    };
    let g = grid_data(&probe, path, false)?;
    Ok((g.x, g.y, u, v))
}

pub(crate) fn extent(_plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    let (x, y, u, v) = parts(s, path)?;
    let mut m = 0.0f64;
    for (i, (a, b)) in u.iter().zip(v).enumerate() {
        if !(a.is_finite() && b.is_finite()) {
            return Err(invalid(
                format!("{path}.u[{i}]"),
                "vector components must be finite",
            ));
        }
        m = m.max(a.hypot(*b));
    }
    Ok(Extent {
        x: [x[0], x[x.len() - 1]],
        y: [y[0], y[y.len() - 1]],
        z: Some([0.0, if m > 0.0 { m } else { 1.0 }]),
    })
}

pub(crate) fn draw(ctx: &mut Ctx, s: &Series, _i: usize, path: &str) -> Result<()> {
    let (x, y, u, v) = parts(s, path)?;
    ctx.gr.setlinewidth(1.0)?;
    ctx.gr.quiver(&x, &y, u, v, true)?;
    Ok(())
}
