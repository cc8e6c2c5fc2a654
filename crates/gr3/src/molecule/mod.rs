//! Molecules: atoms and bonds read from XYZ and PDB files, bonds inferred from covalent radii,
//! and the spheres and cylinders that draw them (GR3's `gr3_drawmolecule`, python-gr's
//! `gr3.drawmolecule` with `.xyz` files).
//!
//! The drawing functions return plain data ([`SphereSpec`], [`CylinderSpec`]); a scene draws
//! them with its sphere and cylinder meshes. Lengths are in Å throughout.
//!
//! ```
//! use gr3::molecule::parse_xyz;
//! let water = parse_xyz("3\nwater\nO 0 0 0.117\nH 0.757 0 -0.469\nH -0.757 0 -0.469\n")?;
//! assert_eq!(water.bonds, vec![(0, 1), (0, 2)]);
//! let (spheres, cylinders) = water.ball_and_stick(0.5, 0.1)?;
//! assert_eq!((spheres.len(), cylinders.len()), (3, 4)); // each bond in two halves
//! # Ok::<(), gr3::Error>(())
//! ```

mod bonds;
mod draw;
pub mod elements;
mod pdb;
mod xyz;

pub use draw::MoleculeStyle;
pub use elements::Element;
pub use pdb::{parse_pdb, read_pdb};
pub use xyz::{parse_xyz, parse_xyz_frames, read_xyz, read_xyz_frames};

use crate::{Error, Result};

/// Added to the sum of two covalent radii: atoms closer than `r1 + r2 + BOND_TOLERANCE` Å
/// are bonded (the rule of Jmol and Open Babel).
pub const BOND_TOLERANCE: f64 = 0.45;
/// Atoms closer than this (Å) are treated as overlapping duplicates, not bonded.
pub const MIN_BOND_LENGTH: f64 = 0.1;

/// One atom.
#[derive(Clone, Debug, PartialEq)]
pub struct Atom {
    /// The element.
    pub element: Element,
    /// Position in Å.
    pub position: [f64; 3],
    /// The name in the file (PDB atom name such as `"CA"`, or the XYZ symbol as written).
    pub name: String,
}

/// Atoms and the bonds between them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Molecule {
    /// The atoms in file order.
    pub atoms: Vec<Atom>,
    /// Bonds as index pairs `(i, j)` with `i < j`, sorted.
    pub bonds: Vec<(usize, usize)>,
}

/// A sphere to draw: an atom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SphereSpec {
    /// Centre.
    pub center: [f32; 3],
    /// Radius.
    pub radius: f32,
    /// RGB colour in 0..=1.
    pub color: [f32; 3],
}

/// A cylinder to draw: half a bond.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CylinderSpec {
    /// Centre of the base disc.
    pub start: [f32; 3],
    /// Unit axis direction from `start`.
    pub direction: [f32; 3],
    /// Length along `direction`.
    pub length: f32,
    /// Radius.
    pub radius: f32,
    /// RGB colour in 0..=1.
    pub color: [f32; 3],
}

impl Molecule {
    /// A molecule of `atoms` with bonds inferred by [`Molecule::infer_bonds`].
    pub fn new(atoms: Vec<Atom>) -> Molecule {
        let bonds = bonds::infer(&atoms);
        Molecule { atoms, bonds }
    }

    /// Bonds from distances: atoms `i`, `j` are bonded when
    /// `MIN_BOND_LENGTH <= d < r_i + r_j + BOND_TOLERANCE` with covalent radii `r`. A spatial
    /// grid of cells as large as the longest possible bond keeps this linear in the number of
    /// atoms. Pairs are `(i, j)` with `i < j`, sorted.
    pub fn infer_bonds(&self) -> Vec<(usize, usize)> {
        bonds::infer(&self.atoms)
    }

    /// Number of atoms of each element, as (symbol, count) sorted by atomic number.
    pub fn formula(&self) -> Vec<(&'static str, usize)> {
        let mut counts = std::collections::BTreeMap::new();
        for a in &self.atoms {
            *counts.entry(a.element).or_insert(0) += 1;
        }
        counts.into_iter().map(|(e, n)| (e.symbol(), n)).collect()
    }

    /// Ball-and-stick drawing: one sphere per atom with radius `atom_scale` × its covalent
    /// radius, and for every bond two cylinders of `bond_radius` from each atom's centre to the
    /// bond's midpoint, coloured like that atom (as GR3 draws bonds).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] if `atom_scale` or `bond_radius` is not finite and positive,
    /// or a bond refers to an atom that does not exist.
    pub fn ball_and_stick(
        &self,
        atom_scale: f64,
        bond_radius: f64,
    ) -> Result<(Vec<SphereSpec>, Vec<CylinderSpec>)> {
        for (what, v) in [("atom_scale", atom_scale), ("bond_radius", bond_radius)] {
            if !(v.is_finite() && v > 0.0) {
                return Err(Error::InvalidArgument {
                    func: "ball_and_stick",
                    msg: format!("{what} is {v}; it must be finite and positive"),
                });
            }
        }
        let spheres = self.spheres(|e| atom_scale * e.covalent_radius());
        let mut cylinders = Vec::with_capacity(2 * self.bonds.len());
        for &(i, j) in &self.bonds {
            let (Some(a), Some(b)) = (self.atoms.get(i), self.atoms.get(j)) else {
                return Err(Error::InvalidArgument {
                    func: "ball_and_stick",
                    msg: format!(
                        "bond ({i}, {j}) refers to an atom beyond the {} atoms",
                        self.atoms.len()
                    ),
                });
            };
            let d = [
                b.position[0] - a.position[0],
                b.position[1] - a.position[1],
                b.position[2] - a.position[2],
            ];
            let len = (d[0] * d[0] + d[1] * d[1] + d[2] * d[2]).sqrt();
            if len == 0.0 {
                continue;
            }
            let u = d.map(|c| c / len);
            let half = (len / 2.0) as f32;
            let mid = [0, 1, 2].map(|k| a.position[k] + d[k] / 2.0);
            cylinders.push(CylinderSpec {
                start: a.position.map(|c| c as f32),
                direction: u.map(|c| c as f32),
                length: half,
                radius: bond_radius as f32,
                color: a.element.color(),
            });
            cylinders.push(CylinderSpec {
                start: mid.map(|c| c as f32),
                direction: u.map(|c| c as f32),
                length: half,
                radius: bond_radius as f32,
                color: b.element.color(),
            });
        }
        Ok((spheres, cylinders))
    }

    /// Space-filling drawing: one sphere per atom with its van der Waals radius, no bonds.
    pub fn space_filling(&self) -> Vec<SphereSpec> {
        self.spheres(Element::vdw_radius)
    }

    fn spheres(&self, radius: impl Fn(Element) -> f64) -> Vec<SphereSpec> {
        self.atoms
            .iter()
            .map(|a| SphereSpec {
                center: a.position.map(|c| c as f32),
                radius: radius(a.element) as f32,
                color: a.element.color(),
            })
            .collect()
    }
}
