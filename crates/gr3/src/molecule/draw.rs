//! Drawing molecules into a [`Scene`]: GR3's `drawmolecule` on a parsed [`Molecule`], as
//! balls and sticks (atoms at a fraction of their covalent radius, bonds as half cylinders
//! in the colours of their atoms) or space-filling (atoms at their van der Waals radius).

use super::Molecule;
use crate::scene::Scene;
use crate::Result;

/// How [`Scene::drawmolecule`] draws the atoms and bonds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MoleculeStyle {
    /// Spheres of `atom_scale` × the covalent radius and bonds of radius `bond_radius` (Å).
    BallAndStick {
        /// Multiple of the covalent radius (0.5 looks like the usual ball-and-stick models).
        atom_scale: f64,
        /// Bond cylinder radius in Å.
        bond_radius: f64,
    },
    /// Spheres of the van der Waals radius, no bonds (CPK space-filling model).
    SpaceFilling,
}

impl Default for MoleculeStyle {
    fn default() -> Self {
        MoleculeStyle::BallAndStick {
            atom_scale: 0.5,
            bond_radius: 0.15,
        }
    }
}

impl Scene {
    /// `gr3_drawmolecule`: queues the atoms (and bonds) of `molecule` with CPK/Jmol colours.
    ///
    /// ```
    /// let m = gr3::molecule::parse_xyz("3\nwater\nO 0 0 0\nH 0.757 0.586 0\nH -0.757 0.586 0\n")?;
    /// let mut scene = gr3::Scene::new();
    /// scene.drawmolecule(&m, gr3::molecule::MoleculeStyle::default())?;
    /// assert!(scene.triangle_count() > 0);
    /// # Ok::<(), gr3::Error>(())
    /// ```
    pub fn drawmolecule(&mut self, molecule: &Molecule, style: MoleculeStyle) -> Result<()> {
        if molecule.atoms.is_empty() {
            return Err(crate::Error::InvalidArgument {
                func: "drawmolecule",
                msg: "the molecule has no atoms".into(),
            });
        }
        let (spheres, cylinders) = match style {
            MoleculeStyle::BallAndStick {
                atom_scale,
                bond_radius,
            } => molecule.ball_and_stick(atom_scale, bond_radius)?,
            MoleculeStyle::SpaceFilling => (molecule.space_filling(), Vec::new()),
        };
        let centers: Vec<[f32; 3]> = spheres.iter().map(|s| s.center).collect();
        let colors: Vec<[f32; 3]> = spheres.iter().map(|s| s.color).collect();
        let radii: Vec<f32> = spheres.iter().map(|s| s.radius).collect();
        self.drawspheremesh(&centers, &colors, &radii)?;
        if !cylinders.is_empty() {
            let starts: Vec<[f32; 3]> = cylinders.iter().map(|c| c.start).collect();
            let dirs: Vec<[f32; 3]> = cylinders.iter().map(|c| c.direction).collect();
            let colors: Vec<[f32; 3]> = cylinders.iter().map(|c| c.color).collect();
            let radii: Vec<f32> = cylinders.iter().map(|c| c.radius).collect();
            let lengths: Vec<f32> = cylinders.iter().map(|c| c.length).collect();
            self.drawcylindermesh(&starts, &dirs, &colors, &radii, &lengths)?;
        }
        Ok(())
    }
}
