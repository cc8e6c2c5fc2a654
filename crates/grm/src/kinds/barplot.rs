//! `barplot`: bars of `y` at positions `x` (default 1..=n); several barplot series of a
//! plot are grouped side by side (`style` default), stacked, or drawn as overlapping
//! outlines (lined); `orientation` horizontal swaps the axes.

use super::{check_len, range, req, series_color, x_or_index, Ctx, Extent};
use crate::error::{invalid, Result};
use crate::kinds::Kind;
use crate::plot::{BarStyle, Orientation, Plot, Series};

/// Indices of the plot's barplot series.
fn bar_series(plot: &Plot) -> Vec<usize> {
    (0..plot.series.len())
        .filter(|&i| plot.series_kind(i) == Kind::Barplot)
        .collect()
}

/// Width of one bar slot: 0.8 of the smallest spacing of positions.
fn slot(x: &[f64]) -> f64 {
    let mut d = f64::INFINITY;
    for w in x.windows(2) {
        let g = (w[1] - w[0]).abs();
        if g > 0.0 {
            d = d.min(g);
        }
    }
    if d.is_finite() {
        0.8 * d
    } else {
        0.8
    }
}

/// Base and top of bar `i` of series `k` (stacking adds the earlier series).
fn span(plot: &Plot, k: usize, i: usize) -> (f64, f64) {
    let y = plot.series[k].y.as_deref().unwrap_or(&[]);
    let v = y.get(i).copied().unwrap_or(f64::NAN);
    if plot.style != BarStyle::Stacked {
        return (0.0, v);
    }
    let mut base = 0.0;
    for j in bar_series(plot).into_iter().take_while(|&j| j != k) {
        let w = plot.series[j]
            .y
            .as_deref()
            .and_then(|y| y.get(i))
            .copied()
            .unwrap_or(0.0);
        if w.is_finite() && (w >= 0.0) == (v >= 0.0) {
            base += w;
        }
    }
    (base, base + v)
}

/// The bars of a series: (position lo, hi, value base, top).
fn bars(plot: &Plot, s: &Series, k: usize) -> Vec<(f64, f64, f64, f64)> {
    let y = s.y.as_deref().unwrap_or(&[]);
    let x = x_or_index(s, y.len());
    let group = bar_series(plot);
    let m = group.len().max(1);
    let pos = group.iter().position(|&j| j == k).unwrap_or(0);
    let w = slot(&x);
    (0..y.len())
        .map(|i| {
            let (b, t) = span(plot, k, i);
            let (lo, hi) = match plot.style {
                BarStyle::Default if m > 1 => {
                    let bw = w / m as f64;
                    let lo = x[i] - 0.5 * w + pos as f64 * bw;
                    (lo, lo + bw)
                }
                _ => (x[i] - 0.5 * w, x[i] + 0.5 * w),
            };
            (lo, hi, b, t)
        })
        .collect()
}

pub(crate) fn extent(plot: &Plot, s: &Series, k: usize, path: &str) -> Result<Extent> {
    let y = req(&s.y, path, "y")?;
    let x = x_or_index(s, y.len());
    check_len(path, "y", y, x.len(), "x")?;
    range(path, "x", &x, None)?;
    range(path, "y", y, None)?;
    let (mut plo, mut phi, mut vlo, mut vhi) = (f64::MAX, f64::MIN, 0.0f64, 0.0f64);
    for (lo, hi, b, t) in bars(plot, s, k) {
        plo = plo.min(lo);
        phi = phi.max(hi);
        if t.is_finite() {
            vlo = vlo.min(b.min(t));
            vhi = vhi.max(b.max(t));
        }
    }
    let (pos, val) = ([plo, phi], [vlo, vhi]);
    bar_extent(
        plot,
        pos,
        val,
        &format!("{path}.y"),
        "bars start at 0, which a log value axis cannot show; remove the log option",
    )
}

/// The extent of bars spanning `pos` along the category axis and `val` along the value
/// axis (which must be linear: bars start at 0), with 5 % headroom beyond the longest bar,
/// swapped for horizontal bars. Shared by barplot and histogram.
pub(crate) fn bar_extent(
    plot: &Plot,
    pos: [f64; 2],
    val: [f64; 2],
    log_path: &str,
    log_msg: &str,
) -> Result<Extent> {
    let log = match plot.orientation {
        Orientation::Vertical => plot.y_log,
        Orientation::Horizontal => plot.x_log,
    };
    if log {
        return Err(invalid(log_path, log_msg));
    }
    let pad = 0.05 * (val[1] - val[0]);
    let val = [
        if val[0] < 0.0 { val[0] - pad } else { val[0] },
        if val[1] > 0.0 { val[1] + pad } else { val[1] },
    ];
    Ok(match plot.orientation {
        Orientation::Vertical => Extent {
            x: pos,
            y: val,
            z: None,
        },
        Orientation::Horizontal => Extent {
            x: val,
            y: pos,
            z: None,
        },
    })
}

/// Fills (and outlines) a bar rectangle in data coordinates, swapping for horizontal bars.
pub(crate) fn bar_rect(
    ctx: &mut Ctx,
    lo: f64,
    hi: f64,
    b: f64,
    t: f64,
    fill: Option<i32>,
    edge: i32,
) -> Result<()> {
    let (x0, x1, y0, y1) = match ctx.plot.orientation {
        Orientation::Vertical => (lo, hi, b.min(t), b.max(t)),
        Orientation::Horizontal => (b.min(t), b.max(t), lo, hi),
    };
    if let Some(c) = fill {
        ctx.gr.setfillintstyle(1)?;
        ctx.gr.setfillcolorind(c)?;
        ctx.gr.fillrect(x0, x1, y0, y1)?;
    }
    ctx.gr.setlinecolorind(edge)?;
    ctx.gr.drawrect(x0, x1, y0, y1)?;
    Ok(())
}

pub(crate) fn draw(ctx: &mut Ctx, s: &Series, index: usize, _path: &str) -> Result<()> {
    let color = series_color(index);
    ctx.gr.setlinetype(1)?;
    ctx.gr.setlinewidth(1.0)?;
    let lined = ctx.plot.style == BarStyle::Lined;
    for (lo, hi, b, t) in bars(ctx.plot, s, index) {
        if !t.is_finite() {
            continue;
        }
        if lined {
            ctx.gr.setlinewidth(2.0)?;
            bar_rect(ctx, lo, hi, b, t, None, color)?;
        } else {
            bar_rect(ctx, lo, hi, b, t, Some(color), 1)?;
        }
    }
    Ok(())
}
