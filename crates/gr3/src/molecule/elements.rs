//! The periodic table for molecule drawing: symbols of elements 1..=118, Jmol (CPK-style)
//! colours, covalent and van der Waals radii.
//!
//! Sources (public tables; numbers are facts, transcribed):
//! * colours: Jmol's element colours (<http://jmol.sourceforge.net/jscolors/>), listed up to
//!   meitnerium (109); elements 110..=118 get Jmol's colour for unlisted elements (deep pink);
//! * covalent radii: B. Cordero et al., "Covalent radii revisited", Dalton Trans. 2008,
//!   2832-2838 (single-bond radii, sp³ carbon), listed up to curium (96); heavier elements use
//!   [`FALLBACK_COVALENT_RADIUS`];
//! * van der Waals radii: S. Alvarez, "A cartography of the van der Waals territories",
//!   Dalton Trans. 2013, 42, 8617-8636; elements without a value use
//!   [`FALLBACK_VDW_RADIUS`].

/// Covalent radius (Å) of elements the table has no value for.
pub const FALLBACK_COVALENT_RADIUS: f64 = 1.5;
/// Van der Waals radius (Å) of elements the table has no value for.
pub const FALLBACK_VDW_RADIUS: f64 = 2.0;
/// Jmol's colour for elements without an own colour.
const UNLISTED_COLOR: [f32; 3] = [1.0, 0.078, 0.576];

/// Symbol, colour, covalent radius, van der Waals radius (0.0 = unknown) of Z = 1..=118.
#[rustfmt::skip]
const TABLE: [(&str, [f32; 3], f64, f64); 118] = [
    ("H", [1.000, 1.000, 1.000], 0.31, 1.20),
    ("He", [0.851, 1.000, 1.000], 0.28, 1.43),
    ("Li", [0.800, 0.502, 1.000], 1.28, 2.12),
    ("Be", [0.761, 1.000, 0.000], 0.96, 1.98),
    ("B", [1.000, 0.710, 0.710], 0.84, 1.91),
    ("C", [0.565, 0.565, 0.565], 0.76, 1.77),
    ("N", [0.188, 0.314, 0.973], 0.71, 1.66),
    ("O", [1.000, 0.051, 0.051], 0.66, 1.50),
    ("F", [0.565, 0.878, 0.314], 0.57, 1.46),
    ("Ne", [0.702, 0.890, 0.961], 0.58, 1.58),
    ("Na", [0.671, 0.361, 0.949], 1.66, 2.50),
    ("Mg", [0.541, 1.000, 0.000], 1.41, 2.51),
    ("Al", [0.749, 0.651, 0.651], 1.21, 2.25),
    ("Si", [0.941, 0.784, 0.627], 1.11, 2.19),
    ("P", [1.000, 0.502, 0.000], 1.07, 1.90),
    ("S", [1.000, 1.000, 0.188], 1.05, 1.89),
    ("Cl", [0.122, 0.941, 0.122], 1.02, 1.82),
    ("Ar", [0.502, 0.820, 0.890], 1.06, 1.83),
    ("K", [0.561, 0.251, 0.831], 2.03, 2.73),
    ("Ca", [0.239, 1.000, 0.000], 1.76, 2.62),
    ("Sc", [0.902, 0.902, 0.902], 1.70, 2.58),
    ("Ti", [0.749, 0.761, 0.780], 1.60, 2.46),
    ("V", [0.651, 0.651, 0.671], 1.53, 2.42),
    ("Cr", [0.541, 0.600, 0.780], 1.39, 2.45),
    ("Mn", [0.612, 0.478, 0.780], 1.39, 2.45),
    ("Fe", [0.878, 0.400, 0.200], 1.32, 2.44),
    ("Co", [0.941, 0.565, 0.627], 1.26, 2.40),
    ("Ni", [0.314, 0.816, 0.314], 1.24, 2.40),
    ("Cu", [0.784, 0.502, 0.200], 1.32, 2.38),
    ("Zn", [0.490, 0.502, 0.690], 1.22, 2.39),
    ("Ga", [0.761, 0.561, 0.561], 1.22, 2.32),
    ("Ge", [0.400, 0.561, 0.561], 1.20, 2.29),
    ("As", [0.741, 0.502, 0.890], 1.19, 1.88),
    ("Se", [1.000, 0.631, 0.000], 1.20, 1.82),
    ("Br", [0.651, 0.161, 0.161], 1.20, 1.86),
    ("Kr", [0.361, 0.722, 0.820], 1.16, 2.25),
    ("Rb", [0.439, 0.180, 0.690], 2.20, 3.21),
    ("Sr", [0.000, 1.000, 0.000], 1.95, 2.84),
    ("Y", [0.580, 1.000, 1.000], 1.90, 2.75),
    ("Zr", [0.580, 0.878, 0.878], 1.75, 2.52),
    ("Nb", [0.451, 0.761, 0.788], 1.64, 2.56),
    ("Mo", [0.329, 0.710, 0.710], 1.54, 2.45),
    ("Tc", [0.231, 0.620, 0.620], 1.47, 2.44),
    ("Ru", [0.141, 0.561, 0.561], 1.46, 2.46),
    ("Rh", [0.039, 0.490, 0.549], 1.42, 2.44),
    ("Pd", [0.000, 0.412, 0.522], 1.39, 2.15),
    ("Ag", [0.753, 0.753, 0.753], 1.45, 2.53),
    ("Cd", [1.000, 0.851, 0.561], 1.44, 2.49),
    ("In", [0.651, 0.459, 0.451], 1.42, 2.43),
    ("Sn", [0.400, 0.502, 0.502], 1.39, 2.42),
    ("Sb", [0.620, 0.388, 0.710], 1.39, 2.47),
    ("Te", [0.831, 0.478, 0.000], 1.38, 1.99),
    ("I", [0.580, 0.000, 0.580], 1.39, 2.04),
    ("Xe", [0.259, 0.620, 0.690], 1.40, 2.06),
    ("Cs", [0.341, 0.090, 0.561], 2.44, 3.48),
    ("Ba", [0.000, 0.788, 0.000], 2.15, 3.03),
    ("La", [0.439, 0.831, 1.000], 2.07, 2.98),
    ("Ce", [1.000, 1.000, 0.780], 2.04, 2.88),
    ("Pr", [0.851, 1.000, 0.780], 2.03, 2.92),
    ("Nd", [0.780, 1.000, 0.780], 2.01, 2.95),
    ("Pm", [0.639, 1.000, 0.780], 1.99, 0.0),
    ("Sm", [0.561, 1.000, 0.780], 1.98, 2.90),
    ("Eu", [0.380, 1.000, 0.780], 1.98, 2.87),
    ("Gd", [0.271, 1.000, 0.780], 1.96, 2.83),
    ("Tb", [0.188, 1.000, 0.780], 1.94, 2.79),
    ("Dy", [0.122, 1.000, 0.780], 1.92, 2.87),
    ("Ho", [0.000, 1.000, 0.612], 1.92, 2.81),
    ("Er", [0.000, 0.902, 0.459], 1.89, 2.83),
    ("Tm", [0.000, 0.831, 0.322], 1.90, 2.79),
    ("Yb", [0.000, 0.749, 0.220], 1.87, 2.80),
    ("Lu", [0.000, 0.671, 0.141], 1.87, 2.74),
    ("Hf", [0.302, 0.761, 1.000], 1.75, 2.63),
    ("Ta", [0.302, 0.651, 1.000], 1.70, 2.53),
    ("W", [0.129, 0.580, 0.839], 1.62, 2.57),
    ("Re", [0.149, 0.490, 0.671], 1.51, 2.49),
    ("Os", [0.149, 0.400, 0.588], 1.44, 2.48),
    ("Ir", [0.090, 0.329, 0.529], 1.41, 2.41),
    ("Pt", [0.816, 0.816, 0.878], 1.36, 2.29),
    ("Au", [1.000, 0.820, 0.137], 1.36, 2.32),
    ("Hg", [0.722, 0.722, 0.816], 1.32, 2.45),
    ("Tl", [0.651, 0.329, 0.302], 1.45, 2.47),
    ("Pb", [0.341, 0.349, 0.380], 1.46, 2.60),
    ("Bi", [0.620, 0.310, 0.710], 1.48, 2.54),
    ("Po", [0.671, 0.361, 0.000], 1.40, 0.0),
    ("At", [0.459, 0.310, 0.271], 1.50, 0.0),
    ("Rn", [0.259, 0.510, 0.588], 1.50, 0.0),
    ("Fr", [0.259, 0.000, 0.400], 2.60, 0.0),
    ("Ra", [0.000, 0.490, 0.000], 2.21, 0.0),
    ("Ac", [0.439, 0.671, 0.980], 2.15, 2.80),
    ("Th", [0.000, 0.729, 1.000], 2.06, 2.93),
    ("Pa", [0.000, 0.631, 1.000], 2.00, 2.88),
    ("U", [0.000, 0.561, 1.000], 1.96, 2.71),
    ("Np", [0.000, 0.502, 1.000], 1.90, 2.82),
    ("Pu", [0.000, 0.420, 1.000], 1.87, 2.81),
    ("Am", [0.329, 0.361, 0.949], 1.80, 2.83),
    ("Cm", [0.471, 0.361, 0.890], 1.69, 3.05),
    ("Bk", [0.541, 0.310, 0.890], 0.0, 3.40),
    ("Cf", [0.631, 0.212, 0.831], 0.0, 3.05),
    ("Es", [0.702, 0.122, 0.831], 0.0, 2.70),
    ("Fm", [0.702, 0.122, 0.729], 0.0, 0.0),
    ("Md", [0.702, 0.051, 0.651], 0.0, 0.0),
    ("No", [0.741, 0.051, 0.529], 0.0, 0.0),
    ("Lr", [0.780, 0.000, 0.400], 0.0, 0.0),
    ("Rf", [0.800, 0.000, 0.349], 0.0, 0.0),
    ("Db", [0.820, 0.000, 0.310], 0.0, 0.0),
    ("Sg", [0.851, 0.000, 0.271], 0.0, 0.0),
    ("Bh", [0.878, 0.000, 0.220], 0.0, 0.0),
    ("Hs", [0.902, 0.000, 0.180], 0.0, 0.0),
    ("Mt", [0.922, 0.000, 0.149], 0.0, 0.0),
    ("Ds", UNLISTED_COLOR, 0.0, 0.0),
    ("Rg", UNLISTED_COLOR, 0.0, 0.0),
    ("Cn", UNLISTED_COLOR, 0.0, 0.0),
    ("Nh", UNLISTED_COLOR, 0.0, 0.0),
    ("Fl", UNLISTED_COLOR, 0.0, 0.0),
    ("Mc", UNLISTED_COLOR, 0.0, 0.0),
    ("Lv", UNLISTED_COLOR, 0.0, 0.0),
    ("Ts", UNLISTED_COLOR, 0.0, 0.0),
    ("Og", UNLISTED_COLOR, 0.0, 0.0),
];

/// A chemical element, by atomic number 1..=118.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Element(u8);

impl Element {
    /// The element with atomic number `z`, if `1 <= z <= 118`.
    pub fn from_number(z: u32) -> Option<Element> {
        (1..=118).contains(&z).then_some(Element(z as u8))
    }

    /// The element with this symbol, case-insensitive (`"C"`, `"cl"`, `"FE"`); also accepts
    /// the atomic number written as digits (`"6"`).
    pub fn from_symbol(symbol: &str) -> Option<Element> {
        let s = symbol.trim();
        if let Ok(z) = s.parse::<u32>() {
            return Element::from_number(z);
        }
        TABLE
            .iter()
            .position(|e| e.0.eq_ignore_ascii_case(s))
            .map(|i| Element(i as u8 + 1))
    }

    /// The atomic number.
    pub fn number(self) -> u32 {
        u32::from(self.0)
    }

    fn row(self) -> &'static (&'static str, [f32; 3], f64, f64) {
        &TABLE[self.0 as usize - 1]
    }

    /// The symbol (`"C"`, `"Cl"`).
    pub fn symbol(self) -> &'static str {
        self.row().0
    }

    /// Jmol colour, RGB in 0..=1.
    pub fn color(self) -> [f32; 3] {
        self.row().1
    }

    /// Covalent (single-bond) radius in Å.
    pub fn covalent_radius(self) -> f64 {
        let r = self.row().2;
        if r > 0.0 {
            r
        } else {
            FALLBACK_COVALENT_RADIUS
        }
    }

    /// Van der Waals radius in Å.
    pub fn vdw_radius(self) -> f64 {
        let r = self.row().3;
        if r > 0.0 {
            r
        } else {
            FALLBACK_VDW_RADIUS
        }
    }
}

impl std::fmt::Display for Element {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.symbol())
    }
}
