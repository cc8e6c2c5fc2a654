//! The formula gallery page: every construct of the LaTeX math subset (scripts, primes,
//! fractions, binomials, radicals, auto-sized and fixed-size delimiters, accents, font
//! alphabets, text, function names, big operators with limits, spacing, Greek and the
//! symbol table), each rendered with [`Gr::mathtex`] under its LaTeX source.

use crate::error::Result;
use crate::Gr;

/// The formulas of the page, in reading order (column by column).
pub const FORMULAS: &[&str] = mathtex::GALLERY;

/// Columns of the page.
const COLS: usize = 3;

/// The formula page: the [`FORMULAS`] in three columns, each under its LaTeX source (grey
/// monospace, shrunk to fit the column), formulas in display style with a character height
/// of 0.0098 (about 8.6 px em on the 600 px page).
pub fn formulas(gr: &mut Gr) -> Result<()> {
    let rows = FORMULAS.len().div_ceil(COLS);
    let pitch = 0.75 / rows as f64;
    let col_w = 1.0 / COLS as f64;
    gr.selntran(0)?;
    gr.setlinecolorind(88)?;
    for c in 1..COLS {
        let x = c as f64 * col_w;
        gr.polyline(&[x, x], &[0.0, 0.75])?;
    }
    for (k, src) in FORMULAS.iter().enumerate() {
        let (col, row) = (k / rows, k % rows);
        let x = col as f64 * col_w + 0.008;
        let top = 0.75 - row as f64 * pitch;
        if row > 0 {
            gr.polyline(&[col as f64 * col_w, (col + 1) as f64 * col_w], &[top, top])?;
        }
        gr.settextfontprec(109, 3)?;
        gr.settextcolorind(82)?;
        gr.settextalign(1, 1)?;
        let h = 0.0068;
        gr.setcharheight(h)?;
        let (bx, _) = gr.inqtext(0.0, 0.0, src)?;
        let width = bx[1] - bx[0];
        let avail = col_w - 0.016;
        let h = if width > avail { h * avail / width } else { h };
        gr.setcharheight(h)?;
        gr.text(x, top - 0.003, src)?;
        gr.settextcolorind(1)?;
        gr.setcharheight(0.0098)?;
        gr.settextalign(1, 3)?;
        let below = 0.003 + 0.0068 * 1.5;
        gr.mathtex(x + 0.004, top - below - (pitch - below) / 2.0, src)?;
    }
    gr.settextfontprec(3, 0)?;
    gr.selntran(1)
}
