//! Bond inference on a uniform spatial grid.

use super::{Atom, BOND_TOLERANCE, MIN_BOND_LENGTH};
use std::collections::HashMap;

/// Bonded pairs `(i, j)`, `i < j`, sorted (see `Molecule::infer_bonds`).
pub(super) fn infer(atoms: &[Atom]) -> Vec<(usize, usize)> {
    if atoms.len() < 2 {
        return Vec::new();
    }
    let rmax = atoms
        .iter()
        .map(|a| a.element.covalent_radius())
        .fold(0.0, f64::max);
    // No bond is longer than a cell, so partners lie in the 27 cells around an atom.
    let cell = 2.0 * rmax + BOND_TOLERANCE;
    let key = |p: &[f64; 3]| p.map(|c| (c / cell).floor() as i64);
    let mut grid: HashMap<[i64; 3], Vec<usize>> = HashMap::new();
    for (i, a) in atoms.iter().enumerate() {
        if a.position.iter().all(|c| c.is_finite()) {
            grid.entry(key(&a.position)).or_default().push(i);
        }
    }
    let mut bonds = Vec::new();
    let mut near = Vec::new();
    for (i, a) in atoms.iter().enumerate() {
        if !a.position.iter().all(|c| c.is_finite()) {
            continue;
        }
        let k = key(&a.position);
        let ri = a.element.covalent_radius();
        near.clear();
        for dz in -1..=1 {
            for dy in -1..=1 {
                for dx in -1..=1 {
                    let Some(list) = grid.get(&[k[0] + dx, k[1] + dy, k[2] + dz]) else {
                        continue;
                    };
                    for &j in list {
                        if j <= i {
                            continue;
                        }
                        let b = &atoms[j];
                        let d2: f64 = (0..3)
                            .map(|c| (a.position[c] - b.position[c]).powi(2))
                            .sum();
                        let max = ri + b.element.covalent_radius() + BOND_TOLERANCE;
                        if d2 < max * max && d2 >= MIN_BOND_LENGTH * MIN_BOND_LENGTH {
                            near.push(j);
                        }
                    }
                }
            }
        }
        near.sort_unstable();
        bonds.extend(near.iter().map(|&j| (i, j)));
    }
    bonds
}
