//! Automatic layout: subplot cells, character heights, nice axis ranges and ticks, and
//! margins measured from the real text extents of tick labels, axis labels and titles.

use gr::ticks::{self, TickFormat};
use gr::Gr;

use crate::error::{invalid, Result};
use crate::plot::GridPos;

/// The NDC rectangle of a grid position on a page of NDC size `pw × ph`.
pub(crate) fn cell_rect(pw: f64, ph: f64, pos: &GridPos, path: &str) -> Result<[f64; 4]> {
    let GridPos {
        rows,
        cols,
        row,
        col,
        rowspan,
        colspan,
    } = *pos;
    if rows == 0 || cols == 0 || rowspan == 0 || colspan == 0 {
        return Err(invalid(
            path,
            "rows, cols, rowspan and colspan must be at least 1",
        ));
    }
    if row + rowspan > rows || col + colspan > cols {
        return Err(invalid(
            path,
            format!(
                "cell rows {row}..{} × cols {col}..{} lies outside the {rows}×{cols} grid",
                row + rowspan,
                col + colspan
            ),
        ));
    }
    let (w, h) = (pw / cols as f64, ph / rows as f64);
    Ok([
        col as f64 * w,
        (col + colspan) as f64 * w,
        ph - (row + rowspan) as f64 * h,
        ph - row as f64 * h,
    ])
}

/// Scale of a cell relative to a full 600×450 page (1.0 there), for text and tick sizes.
pub(crate) fn cell_scale(cell: &[f64; 4]) -> f64 {
    let d = ((cell[1] - cell[0]).powi(2) + (cell[3] - cell[2]).powi(2)).sqrt();
    (d / 1.25).sqrt().clamp(0.45, 1.6)
}

/// Width and height (NDC) of `s` written upright at character height `ch`.
pub(crate) fn text_size(gr: &mut Gr, s: &str, ch: f64, path: &str) -> Result<(f64, f64)> {
    gr.savestate();
    let r = (|| {
        gr.setcharheight(ch)?;
        gr.setcharup(0.0, 1.0)?;
        gr.settextalign(1, 4)?;
        gr.inqtext(0.0, 0.0, s)
    })();
    gr.restorestate()?;
    let (bx, by) = r.map_err(|e| invalid(path, crate::kinds::strip_gr(&e.to_string())))?;
    let w = bx.iter().fold(f64::MIN, |a, &b| a.max(b)) - bx.iter().fold(f64::MAX, |a, &b| a.min(b));
    let h = by.iter().fold(f64::MIN, |a, &b| a.max(b)) - by.iter().fold(f64::MAX, |a, &b| a.min(b));
    Ok((w, h))
}

/// Rounds a data range to a window: nice numbers (GR's `adjustlimits`) on linear axes,
/// whole decades on log axes; `tight` keeps the data range; equal limits are widened.
pub(crate) fn nice_range(r: [f64; 2], log: bool, tight: bool) -> [f64; 2] {
    let [mut lo, mut hi] = r;
    if log {
        if lo == hi {
            lo /= 10.0;
            hi *= 10.0;
        }
        if tight {
            return [lo, hi];
        }
        return [
            10f64.powf(lo.log10().floor()),
            10f64.powf((hi.log10() - 1e-12).ceil()),
        ];
    }
    if lo == hi {
        let d = if lo == 0.0 { 1.0 } else { 0.1 * lo.abs() };
        lo -= d;
        hi += d;
    }
    if tight {
        return [lo, hi];
    }
    let (a, b) = ticks::adjustlimits(lo, hi);
    [a, b]
}

/// The ticks of one axis as drawn by `gr.axes`: `minor` interval, `major` count, and
/// the label strings (for measuring).
#[derive(Debug, Clone)]
pub(crate) struct AxisTicks {
    pub minor: f64,
    pub major: i32,
    pub labels: Vec<String>,
    /// The labelled values.
    pub values: Vec<f64>,
    pub log: bool,
}

/// The next nice interval above `m` (1, 2, 5 × 10ⁿ).
fn next_nice(m: f64) -> f64 {
    let e = m.log10().floor();
    let p = 10f64.powf(e);
    let f = m / p;
    let n = if f < 1.5 {
        2.0
    } else if f < 3.5 {
        5.0
    } else {
        10.0
    };
    n * p
}

impl AxisTicks {
    /// Ticks for `[a, b]` (in either order); on linear axes the major interval grows until
    /// labels fit: `fits(labels, major_interval)` decides.
    pub(crate) fn new(
        a: f64,
        b: f64,
        log: bool,
        mut fits: impl FnMut(&[String], f64) -> Result<bool>,
    ) -> Result<AxisTicks> {
        let (lo, hi) = (a.min(b), a.max(b));
        if log {
            let values: Vec<f64> = ticks::log_ticks(lo, hi, 10.0)
                .into_iter()
                .filter(|t| t.1)
                .map(|t| t.0)
                .collect();
            let labels = values
                .iter()
                .map(|v| {
                    let (b, e) = ticks::log_label(v.log10().round() as i32, 10.0);
                    format!("{b}{e}")
                })
                .collect();
            return Ok(AxisTicks {
                minor: 10.0,
                major: 1,
                labels,
                values,
                log: true,
            });
        }
        let mut major = ticks::tick(lo, hi).unwrap_or((hi - lo).abs().max(1e-300));
        loop {
            let values = ticks::linear_ticks(lo, hi, major, 0.0);
            let fmt = TickFormat::for_ticks(&values, major);
            let labels: Vec<String> = values.iter().map(|&v| fmt.format(v)).collect();
            if values.len() <= 2 || fits(&labels, major)? {
                return Ok(AxisTicks {
                    minor: major / 5.0,
                    major: 5,
                    labels,
                    values,
                    log: false,
                });
            }
            major = next_nice(major);
        }
    }

    /// Size of label `i`.
    pub(crate) fn label_size(&self, gr: &mut Gr, i: usize, ch: f64) -> Result<(f64, f64)> {
        let l = &self.labels[i];
        if self.log {
            let (bw, bh) = text_size(gr, "10", ch, "tick label")?;
            let exp = l.strip_prefix("10").unwrap_or(l);
            let (ew, eh) = text_size(gr, exp, 0.7 * ch, "tick label")?;
            Ok((bw + ew, bh.max(0.6 * ch + eh)))
        } else {
            text_size(gr, l, ch, "tick label")
        }
    }

    /// Draws label `i` at NDC `(x, y)` with alignment `(h, v)` (GR codes); log labels as
    /// `10` with a raised, smaller exponent.
    pub(crate) fn draw_label(
        &self,
        gr: &mut Gr,
        i: usize,
        x: f64,
        y: f64,
        align: (i32, i32),
        ch: f64,
    ) -> Result<()> {
        gr.setcharheight(ch)?;
        gr.setcharup(0.0, 1.0)?;
        if !self.log {
            gr.settextalign(align.0, align.1)?;
            gr.text(x, y, &self.labels[i])?;
            return Ok(());
        }
        let (w, h) = self.label_size(gr, i, ch)?;
        let (bw, bh) = text_size(gr, "10", ch, "tick label")?;
        let x0 = match align.0 {
            2 => x - 0.5 * w,
            3 => x - w,
            _ => x,
        };
        // Bottom of the whole label.
        let y0 = match align.1 {
            1 => y - h,
            3 => y - 0.5 * h,
            _ => y,
        };
        let exp = self.labels[i]
            .strip_prefix("10")
            .unwrap_or(&self.labels[i])
            .to_string();
        gr.settextalign(1, 5)?;
        gr.text(x0, y0, "10")?;
        gr.setcharheight(0.7 * ch)?;
        gr.text(x0 + bw, y0 + bh - 0.35 * ch, &exp)?;
        gr.setcharheight(ch)?;
        Ok(())
    }

    /// The largest label size (w, h); log labels are `10` with a raised exponent.
    pub(crate) fn max_size(&self, gr: &mut Gr, ch: f64) -> Result<(f64, f64)> {
        let (mut w, mut h) = (0.0f64, 0.0f64);
        for i in 0..self.labels.len() {
            let (lw, lh) = self.label_size(gr, i, ch)?;
            w = w.max(lw);
            h = h.max(lh);
        }
        Ok((w, h))
    }
}
