//! `stairs`: a step line through `x`, `y`; `step_where` pre (GR's default), mid or post.

use super::{apply_style, line, req, x_or_index, Ctx, Extent};
use crate::error::Result;
use crate::plot::{Plot, Series, StepWhere};

pub(crate) fn extent(plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    line::extent(plot, s, path)
}

/// The step polyline's vertices.
pub(crate) fn steps(x: &[f64], y: &[f64], w: StepWhere) -> (Vec<f64>, Vec<f64>) {
    let n = x.len();
    let (mut px, mut py) = (Vec::with_capacity(2 * n), Vec::with_capacity(2 * n));
    if n == 0 {
        return (px, py);
    }
    px.push(x[0]);
    py.push(y[0]);
    for i in 1..n {
        match w {
            StepWhere::Pre => {
                px.extend([x[i - 1], x[i]]);
                py.extend([y[i], y[i]]);
            }
            StepWhere::Post => {
                px.extend([x[i], x[i]]);
                py.extend([y[i - 1], y[i]]);
            }
            StepWhere::Mid => {
                let m = 0.5 * (x[i - 1] + x[i]);
                px.extend([m, m]);
                py.extend([y[i - 1], y[i]]);
            }
        }
    }
    if w == StepWhere::Mid {
        px.push(x[n - 1]);
        py.push(y[n - 1]);
    }
    (px, py)
}

pub(crate) fn draw(ctx: &mut Ctx, s: &Series, index: usize, path: &str) -> Result<()> {
    let y = req(&s.y, path, "y")?;
    let x = x_or_index(s, y.len());
    let parts = apply_style(ctx.gr, s, index, path)?;
    let (px, py) = steps(&x, y, ctx.plot.step_where);
    ctx.gr.polyline(&px, &py)?;
    if parts.marker {
        ctx.gr.polymarker(&x, y)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_vertices_follow_matplotlib() {
        let (x, y) = ([1.0, 2.0, 3.0], [10.0, 20.0, 30.0]);
        assert_eq!(
            steps(&x, &y, StepWhere::Pre),
            (
                vec![1.0, 1.0, 2.0, 2.0, 3.0],
                vec![10.0, 20.0, 20.0, 30.0, 30.0]
            )
        );
        assert_eq!(
            steps(&x, &y, StepWhere::Post),
            (
                vec![1.0, 2.0, 2.0, 3.0, 3.0],
                vec![10.0, 10.0, 20.0, 20.0, 30.0]
            )
        );
        assert_eq!(
            steps(&x, &y, StepWhere::Mid),
            (
                vec![1.0, 1.5, 1.5, 2.5, 2.5, 3.0],
                vec![10.0, 10.0, 20.0, 20.0, 30.0, 30.0]
            )
        );
        assert_eq!(steps(&[], &[], StepWhere::Pre), (vec![], vec![]));
    }
}
