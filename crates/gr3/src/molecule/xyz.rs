//! XYZ files: frames of `count` / comment / `symbol x y z` lines.

use super::{Atom, Element, Molecule};
use crate::{Error, Result};
use std::path::Path;

fn err(path: &Path, line: usize, msg: String) -> Error {
    Error::Parse {
        path: path.to_path_buf(),
        line,
        msg,
    }
}

/// The element of an atom label: the symbol or atomic number, or a label that starts with a
/// symbol followed by digits (`C12`).
pub(super) fn element_of(label: &str) -> Option<Element> {
    Element::from_symbol(label).or_else(|| {
        let alpha: String = label
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        (!alpha.is_empty() && alpha.len() < label.len())
            .then(|| Element::from_symbol(&alpha))
            .flatten()
    })
}

/// A coordinate field that must be a finite number.
pub(super) fn coordinate(path: &Path, line: usize, what: &str, s: &str) -> Result<f64> {
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(v) => Err(err(
            path,
            line,
            format!("{what} coordinate is {v}; it must be finite"),
        )),
        Err(_) => Err(err(
            path,
            line,
            format!("{what} coordinate '{}' is not a number", s.trim()),
        )),
    }
}

fn frames(text: &str, path: &Path, all: bool) -> Result<Vec<Molecule>> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim().is_empty() {
            // Blank lines between or after frames.
            i += 1;
            continue;
        }
        let count_line = i + 1;
        let count: usize = lines[i].trim().parse().map_err(|_| {
            err(
                path,
                count_line,
                format!(
                    "expected the number of atoms of a frame, found '{}'",
                    lines[i].trim()
                ),
            )
        })?;
        if count == 0 {
            return Err(err(path, count_line, "a frame has 0 atoms".into()));
        }
        let first = i + 2;
        if first + count > lines.len() {
            return Err(err(
                path,
                lines.len() + 1,
                format!(
                    "the frame starting at line {count_line} announces {count} atoms, but the file \
                     ends after {} atom lines",
                    lines.len().saturating_sub(first)
                ),
            ));
        }
        let mut atoms = Vec::with_capacity(count);
        for (k, l) in lines[first..first + count].iter().enumerate() {
            let n = first + k + 1;
            let f: Vec<&str> = l.split_whitespace().collect();
            if f.len() < 4 {
                return Err(err(
                    path,
                    n,
                    format!(
                        "expected 'symbol x y z', found '{}' (frame of line {count_line} \
                         announces {count} atoms)",
                        l.trim()
                    ),
                ));
            }
            let element = element_of(f[0])
                .ok_or_else(|| err(path, n, format!("unknown element '{}'", f[0])))?;
            let position = [
                coordinate(path, n, "x", f[1])?,
                coordinate(path, n, "y", f[2])?,
                coordinate(path, n, "z", f[3])?,
            ];
            atoms.push(Atom {
                element,
                position,
                name: f[0].to_string(),
            });
        }
        out.push(Molecule::new(atoms));
        if !all {
            return Ok(out);
        }
        i = first + count;
    }
    if out.is_empty() {
        return Err(err(path, 1, "the file holds no frame".into()));
    }
    Ok(out)
}

pub(super) fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// The first frame of XYZ text, bonds inferred from covalent radii. Errors name the line
/// (path `-`).
///
/// # Errors
/// [`Error::Parse`] for a bad atom count, too few atom lines, non-numeric or non-finite
/// coordinates, or an unknown element symbol.
pub fn parse_xyz(text: &str) -> Result<Molecule> {
    Ok(frames(text, Path::new("-"), false)?.remove(0))
}

/// All frames of XYZ text (a trajectory), each with inferred bonds.
///
/// # Errors
/// As [`parse_xyz`], for any frame.
pub fn parse_xyz_frames(text: &str) -> Result<Vec<Molecule>> {
    frames(text, Path::new("-"), true)
}

/// The first frame of an XYZ file.
///
/// # Errors
/// [`Error::Io`] if the file cannot be read; [`Error::Parse`] as [`parse_xyz`].
pub fn read_xyz(path: impl AsRef<Path>) -> Result<Molecule> {
    let path = path.as_ref();
    Ok(frames(&read_text(path)?, path, false)?.remove(0))
}

/// All frames of an XYZ file.
///
/// # Errors
/// As [`read_xyz`].
pub fn read_xyz_frames(path: impl AsRef<Path>) -> Result<Vec<Molecule>> {
    let path = path.as_ref();
    frames(&read_text(path)?, path, true)
}
