//! `pie`: wedges for the values `x` (or `y`), clockwise from 12 o'clock in the series
//! colours, each labelled with its `labels` entry and percentage; a frame of its own.

use gr::Gr;

use super::{range, series_color};
use crate::error::{invalid, Result};
use crate::layout::{cell_scale, text_size};
use crate::plot::{Plot, Series};

fn values<'a>(s: &'a Series, path: &str) -> Result<(&'a [f64], &'static str)> {
    match (&s.x, &s.y) {
        (Some(x), _) => Ok((x, "x")),
        (None, Some(y)) => Ok((y, "y")),
        _ => Err(invalid(
            format!("{path}.x"),
            "missing: a pie needs the values x",
        )),
    }
}

pub(crate) fn draw_pie(gr: &mut Gr, plot: &Plot, path: &str, cell: [f64; 4]) -> Result<()> {
    if plot.series.len() != 1 {
        return Err(invalid(
            format!("{path}.series"),
            format!("a pie takes exactly one series, got {}", plot.series.len()),
        ));
    }
    let sp = format!("{path}.series[0]");
    let s = &plot.series[0];
    let (v, key) = values(s, &sp)?;
    range(&sp, key, v, None)?;
    if let Some(i) = v.iter().position(|x| !(x.is_finite() && *x >= 0.0)) {
        return Err(invalid(
            format!("{sp}.{key}[{i}]"),
            format!("is {}; pie values must be finite and >= 0", v[i]),
        ));
    }
    let total: f64 = v.iter().sum();
    if total <= 0.0 {
        return Err(invalid(
            format!("{sp}.{key}"),
            "the values sum to 0; give some positive values",
        ));
    }
    if let Some(l) = &s.labels {
        if l.len() != v.len() {
            return Err(invalid(
                format!("{sp}.labels"),
                format!(
                    "has {} labels for {} values; give one label per value",
                    l.len(),
                    v.len()
                ),
            ));
        }
    }
    let k = cell_scale(&cell);
    let ch = 0.016 * k;
    let pad = 0.02 * k;
    let title_h = match plot.title.as_deref().filter(|t| !t.is_empty()) {
        Some(t) => text_size(gr, t, 1.15 * ch, &format!("{path}.title"))?.1 + 0.6 * ch,
        None => 0.0,
    };
    // Widest label decides the room around the disk.
    let mut lw = 0.0f64;
    let texts: Vec<String> = v
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let pct = format!("{:.1} %", 100.0 * x / total);
            match s.labels.as_ref() {
                Some(l) => format!("{} ({pct})", l[i]),
                None => pct,
            }
        })
        .collect();
    for t in &texts {
        lw = lw.max(text_size(gr, t, ch, &format!("{sp}.labels"))?.0);
    }
    let (cw, chh) = (
        cell[1] - cell[0] - 2.0 * pad,
        cell[3] - cell[2] - 2.0 * pad - title_h,
    );
    let radius = (0.5 * cw - lw - ch).min(0.5 * chh - 2.0 * ch).max(0.05 * k);
    let (cx, cy) = (0.5 * (cell[0] + cell[1]), cell[2] + pad + 0.5 * chh);
    gr.savestate();
    let r = (|| -> Result<()> {
        gr.selntran(0)?;
        gr.setcharheight(ch)?;
        gr.settextcolorind(1)?;
        gr.setlinecolorind(1)?;
        gr.setlinewidth(1.0)?;
        gr.setfillintstyle(1)?;
        let mut start = 90.0f64;
        for (i, &x) in v.iter().enumerate() {
            let sweep = 360.0 * x / total;
            if sweep <= 0.0 {
                continue;
            }
            let end = start - sweep;
            let n = (sweep / 2.0).ceil().max(2.0) as usize;
            let (mut px, mut py) = (vec![cx], vec![cy]);
            for t in 0..=n {
                let a = (start + (end - start) * t as f64 / n as f64).to_radians();
                px.push(cx + radius * a.cos());
                py.push(cy + radius * a.sin());
            }
            gr.setfillcolorind(series_color(i))?;
            gr.fillarea(&px, &py)?;
            px.push(cx);
            py.push(cy);
            gr.polyline(&px, &py)?;
            let mid = (0.5 * (start + end)).to_radians();
            let (ux, uy) = (mid.cos(), mid.sin());
            let h = if ux > 0.2 {
                1
            } else if ux < -0.2 {
                3
            } else {
                2
            };
            let vv = if uy > 0.2 {
                5
            } else if uy < -0.2 {
                1
            } else {
                3
            };
            gr.settextalign(h, vv)?;
            gr.text(
                cx + (radius + 0.5 * ch) * ux,
                cy + (radius + 0.5 * ch) * uy,
                &texts[i],
            )?;
            start = end;
        }
        if let Some(t) = plot.title.as_deref().filter(|t| !t.is_empty()) {
            gr.setcharheight(1.15 * ch)?;
            gr.settextalign(2, 1)?;
            gr.text(cx, cell[3] - pad, t)?;
        }
        Ok(())
    })();
    gr.restorestate()?;
    r
}
