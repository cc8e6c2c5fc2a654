//! `histogram`: counts (or summed `weights`) of the samples `x` in `bins` equal bins over
//! the data range (default `round(3.3·log10 n) + 1`, GRM's rule) or in explicit
//! `bin_edges`; bars touch; `orientation` horizontal swaps the axes.

use super::{
    barplot::{bar_extent, bar_rect},
    check_len, range, req, series_color, Ctx, Extent,
};
use crate::error::{invalid, Result};
use crate::plot::{Plot, Series};

/// Bin edges and bin values of a series.
pub(crate) fn bin(plot: &Plot, s: &Series, path: &str) -> Result<(Vec<f64>, Vec<f64>)> {
    let x = req(&s.x, path, "x").or_else(|_| req(&s.y, path, "x"))?;
    let [lo, hi] = range(path, "x", x, None)?;
    if let Some(w) = &s.weights {
        check_len(path, "weights", w, x.len(), "x")?;
        if let Some(i) = w.iter().position(|v| !v.is_finite()) {
            return Err(invalid(format!("{path}.weights[{i}]"), "must be finite"));
        }
    }
    let edges = match &s.bin_edges {
        Some(e) => {
            if e.len() < 2
                || e.windows(2)
                    .any(|w| w[1].partial_cmp(&w[0]) != Some(std::cmp::Ordering::Greater))
                || e.iter().any(|v| !v.is_finite())
            {
                return Err(invalid(
                    format!("{path}.bin_edges"),
                    "needs at least 2 finite, strictly increasing values",
                ));
            }
            e.clone()
        }
        None => {
            let n = x.iter().filter(|v| v.is_finite()).count();
            let bins = plot
                .bins
                .unwrap_or_else(|| ((3.3 * (n as f64).log10()).round() as usize + 1).max(1));
            if bins == 0 || bins > 1_000_000 {
                return Err(invalid(
                    "bins",
                    format!("must lie in 1..=1000000, got {bins}"),
                ));
            }
            let (a, b) = if lo == hi {
                (lo - 0.5, hi + 0.5)
            } else {
                (lo, hi)
            };
            (0..=bins)
                .map(|i| a + (b - a) * i as f64 / bins as f64)
                .collect()
        }
    };
    let nb = edges.len() - 1;
    let mut counts = vec![0.0; nb];
    let (a, b) = (edges[0], edges[nb]);
    for (i, &v) in x.iter().enumerate() {
        if !(v >= a && v <= b) {
            continue;
        }
        let k = edges
            .partition_point(|&e| e <= v)
            .saturating_sub(1)
            .min(nb - 1);
        counts[k] += s.weights.as_ref().map_or(1.0, |w| w[i]);
    }
    Ok((edges, counts))
}

pub(crate) fn extent(plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    let (edges, counts) = bin(plot, s, path)?;
    let pos = [edges[0], edges[edges.len() - 1]];
    let lo = counts.iter().fold(0.0f64, |a, &b| a.min(b));
    let hi = counts.iter().fold(0.0f64, |a, &b| a.max(b));
    let val = [lo, if hi == lo { lo + 1.0 } else { hi }];
    bar_extent(
        plot,
        pos,
        val,
        &format!("{path}.x"),
        "histogram bars start at 0, which a log count axis cannot show; remove the log option",
    )
}

pub(crate) fn draw(ctx: &mut Ctx, s: &Series, index: usize, path: &str) -> Result<()> {
    let (edges, counts) = bin(ctx.plot, s, path)?;
    let color = series_color(index);
    ctx.gr.setlinetype(1)?;
    ctx.gr.setlinewidth(1.0)?;
    for (k, &c) in counts.iter().enumerate() {
        if c != 0.0 {
            bar_rect(ctx, edges[k], edges[k + 1], 0.0, c, Some(color), 1)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_weights_and_edges() {
        let plot = Plot {
            bins: Some(2),
            ..Default::default()
        };
        let s = Series {
            x: Some(vec![0.0, 0.4, 0.5, 1.0, f64::NAN]),
            ..Default::default()
        };
        // The last edge is inclusive, NaN is skipped.
        assert_eq!(
            bin(&plot, &s, "s").unwrap(),
            (vec![0.0, 0.5, 1.0], vec![2.0, 2.0])
        );
        let s = Series {
            x: Some(vec![0.1, 0.2, 5.0]),
            weights: Some(vec![2.0, 3.0, 1.0]),
            bin_edges: Some(vec![0.0, 1.0, 10.0]),
            ..Default::default()
        };
        assert_eq!(bin(&plot, &s, "s").unwrap().1, vec![5.0, 1.0]);
        // Default bin count: round(3.3 log10 n) + 1.
        let s = Series {
            x: Some((0..1000).map(f64::from).collect()),
            ..Default::default()
        };
        assert_eq!(bin(&Plot::default(), &s, "s").unwrap().1.len(), 11);
    }
}
