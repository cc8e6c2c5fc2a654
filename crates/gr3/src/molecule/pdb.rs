//! PDB files: `ATOM`/`HETATM` records (fixed columns), `CONECT` bonds, the first model.

use super::xyz::{coordinate, element_of, read_text};
use super::{Atom, Element, Molecule};
use crate::{Error, Result};
use std::collections::HashMap;
use std::path::Path;

fn err(path: &Path, line: usize, msg: String) -> Error {
    Error::Parse {
        path: path.to_path_buf(),
        line,
        msg,
    }
}

/// Columns `a..=b` (1-based, inclusive) of a line, or "" past its end.
fn cols(l: &str, a: usize, b: usize) -> &str {
    let b = b.min(l.len());
    if a > b {
        return "";
    }
    l.get(a - 1..b).unwrap_or("")
}

/// The element from the element column (77-78) or, when it is empty, from the atom name
/// (columns 13-16): a name with column 13 blank is a one-letter element (`" CA "` = carbon
/// alpha); otherwise the first two letters are tried (`"FE  "`), then the first.
fn element(line: &str) -> Option<Element> {
    let col = cols(line, 77, 78).trim();
    if !col.is_empty() {
        return Element::from_symbol(col);
    }
    let name = cols(line, 13, 16);
    let letters: String = name
        .trim()
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect();
    if letters.is_empty() {
        return None;
    }
    if !name.starts_with(' ') && letters.len() >= 2 {
        if let Some(e) = Element::from_symbol(&letters[..2]) {
            return Some(e);
        }
    }
    element_of(&letters[..1])
}

fn parse(text: &str, path: &Path) -> Result<Molecule> {
    let mut atoms = Vec::new();
    let mut serials: HashMap<i64, usize> = HashMap::new();
    let mut conect: Vec<(usize, i64, i64)> = Vec::new();
    let mut model_done = false;
    for (k, line) in text.lines().enumerate() {
        let n = k + 1;
        let rec = cols(line, 1, 6).trim_end();
        match rec {
            "ENDMDL" => model_done = true,
            // Alternate locations: only the first (blank or 'A') is kept.
            "ATOM" | "HETATM" if !model_done && !matches!(cols(line, 17, 17), "" | " " | "A") => {}
            "ATOM" | "HETATM" if !model_done => {
                if line.len() < 54 {
                    return Err(err(
                        path,
                        n,
                        format!(
                            "{rec} record is {} characters long; coordinates need columns 31-54",
                            line.len()
                        ),
                    ));
                }
                let position = [
                    coordinate(path, n, "x", cols(line, 31, 38))?,
                    coordinate(path, n, "y", cols(line, 39, 46))?,
                    coordinate(path, n, "z", cols(line, 47, 54))?,
                ];
                let element = element(line).ok_or_else(|| {
                    err(
                        path,
                        n,
                        format!(
                            "unknown element (element column '{}', atom name '{}')",
                            cols(line, 77, 78).trim(),
                            cols(line, 13, 16).trim()
                        ),
                    )
                })?;
                if let Ok(s) = cols(line, 7, 11).trim().parse::<i64>() {
                    serials.insert(s, atoms.len());
                }
                atoms.push(Atom {
                    element,
                    position,
                    name: cols(line, 13, 16).trim().to_string(),
                });
            }
            "CONECT" => {
                let parse = |a: usize, b: usize| -> Result<Option<i64>> {
                    let f = cols(line, a, b).trim();
                    if f.is_empty() {
                        return Ok(None);
                    }
                    f.parse()
                        .map(Some)
                        .map_err(|_| err(path, n, format!("CONECT serial '{f}' is not an integer")))
                };
                let Some(from) = parse(7, 11)? else {
                    return Err(err(path, n, "CONECT record without an atom serial".into()));
                };
                for (a, b) in [(12, 16), (17, 21), (22, 26), (27, 31)] {
                    if let Some(to) = parse(a, b)? {
                        conect.push((n, from, to));
                    }
                }
            }
            _ => {}
        }
    }
    if atoms.is_empty() {
        return Err(err(path, 1, "no ATOM or HETATM records".into()));
    }
    if conect.is_empty() {
        return Ok(Molecule::new(atoms));
    }
    let mut bonds = Vec::with_capacity(conect.len());
    for (n, from, to) in conect {
        let idx = |s: i64| {
            serials.get(&s).copied().ok_or_else(|| {
                err(
                    path,
                    n,
                    format!("CONECT refers to atom serial {s}, which is not in the file"),
                )
            })
        };
        let (i, j) = (idx(from)?, idx(to)?);
        if i != j {
            bonds.push((i.min(j), i.max(j)));
        }
    }
    bonds.sort_unstable();
    bonds.dedup();
    Ok(Molecule { atoms, bonds })
}

/// A molecule from PDB text: `ATOM` and `HETATM` records of the first model (fixed columns:
/// name 13-16, x/y/z 31-54, element 77-78, falling back to the atom name; of alternate
/// locations only the blank or `A` one), bonds from
/// `CONECT` records when there are any, otherwise inferred from covalent radii.
///
/// # Errors
/// [`Error::Parse`] (path `-`) with the line of a short or non-numeric coordinate field, an
/// unknown element, a CONECT to a missing serial, or when no atom records exist.
pub fn parse_pdb(text: &str) -> Result<Molecule> {
    parse(text, Path::new("-"))
}

/// A molecule from a PDB file (see [`parse_pdb`]).
///
/// # Errors
/// [`Error::Io`] if the file cannot be read; [`Error::Parse`] as [`parse_pdb`].
pub fn read_pdb(path: impl AsRef<Path>) -> Result<Molecule> {
    let path = path.as_ref();
    parse(&read_text(path)?, path)
}
