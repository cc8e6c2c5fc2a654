//! Molecules: element table, XYZ and PDB reading, bond inference, drawing specs.

use gr3::molecule::{
    parse_pdb, parse_xyz, parse_xyz_frames, read_pdb, read_xyz, read_xyz_frames, Atom, Element,
    Molecule,
};
use gr3::Error;
use std::path::PathBuf;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name)
}

fn parse_error(e: Error) -> (usize, String) {
    match e {
        Error::Parse { line, msg, .. } => (line, msg),
        other => panic!("expected a parse error, got {other}"),
    }
}

#[test]
fn element_table_has_all_118_elements_with_known_values() {
    for z in 1..=118 {
        let e = Element::from_number(z).unwrap();
        assert_eq!(e.number(), z);
        assert_eq!(Element::from_symbol(e.symbol()), Some(e));
        assert_eq!(Element::from_symbol(&e.symbol().to_uppercase()), Some(e));
        assert!(
            e.covalent_radius() > 0.2 && e.covalent_radius() < 2.7,
            "{e}"
        );
        assert!(e.vdw_radius() > 1.1 && e.vdw_radius() < 3.5, "{e}");
        assert!(e.color().iter().all(|c| (0.0..=1.0).contains(c)));
    }
    assert!(Element::from_number(0).is_none() && Element::from_number(119).is_none());
    let c = Element::from_symbol("C").unwrap();
    assert_eq!(
        (c.number(), c.covalent_radius(), c.vdw_radius()),
        (6, 0.76, 1.77)
    );
    assert_eq!(
        Element::from_symbol("O").unwrap().color(),
        [1.0, 0.051, 0.051]
    );
    assert_eq!(
        Element::from_symbol("N").unwrap().color(),
        [0.188, 0.314, 0.973]
    );
    assert_eq!(Element::from_symbol("H").unwrap().color(), [1.0, 1.0, 1.0]);
    assert_eq!(Element::from_symbol("Fe").unwrap().number(), 26);
    assert_eq!(Element::from_symbol("og").unwrap().number(), 118);
    assert_eq!(Element::from_symbol("8").unwrap().symbol(), "O");
    assert!(Element::from_symbol("Xx").is_none());
}

#[test]
fn caffeine_xyz_has_24_atoms_and_25_bonds() {
    let m = read_xyz(data("caffeine.xyz")).unwrap();
    assert_eq!(m.atoms.len(), 24);
    assert_eq!(m.formula(), vec![("H", 10), ("C", 8), ("N", 4), ("O", 2)]);
    assert_eq!(m.bonds.len(), 25);
    // Valences: C 4 bonds... except that bond orders are not counted: neighbours per element.
    let mut degree = vec![0; 24];
    for &(i, j) in &m.bonds {
        assert!(i < j);
        degree[i] += 1;
        degree[j] += 1;
    }
    for (a, d) in m.atoms.iter().zip(&degree) {
        let ok = match a.element.symbol() {
            "H" => *d == 1,
            "O" => *d == 1,
            "N" => *d == 2 || *d == 3,
            "C" => (3..=4).contains(d),
            _ => false,
        };
        assert!(ok, "{} with {d} neighbours", a.name);
    }
    // Bond lengths are chemical: 0.95..1.6 Å.
    for &(i, j) in &m.bonds {
        let (a, b) = (m.atoms[i].position, m.atoms[j].position);
        let d = ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt();
        assert!((0.95..1.6).contains(&d), "bond {i}-{j} of {d} Å");
    }
}

#[test]
fn caffeine_pdb_matches_the_xyz() {
    let p = read_pdb(data("caffeine.pdb")).unwrap();
    let x = read_xyz(data("caffeine.xyz")).unwrap();
    assert_eq!(p.atoms.len(), 24);
    assert_eq!(p.bonds, x.bonds, "CONECT bonds equal the inferred ones");
    for (a, b) in p.atoms.iter().zip(&x.atoms) {
        assert_eq!(a.element, b.element);
        for k in 0..3 {
            assert!((a.position[k] - b.position[k]).abs() <= 0.0005 + 1e-12);
        }
    }
    assert_eq!(p.atoms[0].name, "C1");
}

#[test]
fn pdb_without_element_column_or_conect_uses_names_and_inference() {
    // A water dimer, atom names only; "CA" in column 14 is a carbon alpha, "FE" at column 13
    // is iron.
    let text = "\
ATOM      1  OW  HOH A   1       0.000   0.000   0.000
ATOM      2  HW1 HOH A   1       0.957   0.000   0.000
ATOM      3  HW2 HOH A   1      -0.240   0.927   0.000
ATOM      4  OW  HOH A   2       2.900   0.000   0.000
ATOM      5  HW1 HOH A   2       3.140   0.927   0.000
ATOM      6  HW2 HOH A   2       3.857   0.000   0.000
HETATM    7 FE   HEM A   3      10.000  10.000  10.000
ATOM      8  CA  GLY A   4      20.000  20.000  20.000
ATOM     10  CB AGLY A   4      21.000  20.000  20.000
ATOM     11  CB BGLY A   4      21.100  20.000  20.000
ENDMDL
ATOM      9  OW  HOH A   1       5.000   5.000   5.000
";
    let m = parse_pdb(text).unwrap();
    assert_eq!(
        m.atoms.len(),
        9,
        "only the first model and alternate location"
    );
    let syms: Vec<&str> = m.atoms.iter().map(|a| a.element.symbol()).collect();
    assert_eq!(syms, ["O", "H", "H", "O", "H", "H", "Fe", "C", "C"]);
    assert_eq!(m.atoms[8].position, [21.0, 20.0, 20.0]);
    assert_eq!(
        m.bonds,
        vec![(0, 1), (0, 2), (3, 4), (3, 5), (7, 8)],
        "no hydrogen bond at 1.9 Å"
    );
}

#[test]
fn xyz_frames() {
    let text = "3\nwater 1\nO 0 0 0\nH 0.96 0 0\nH -0.24 0.93 0\n\n3\nwater 2\nO 0 0 0.1\nH 0.96 0 0.1\nH -0.24 0.93 0.1\n";
    let all = parse_xyz_frames(text).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].atoms[0].position, [0.0, 0.0, 0.1]);
    assert_eq!(parse_xyz(text).unwrap(), all[0]);
    assert_eq!(all[0].bonds, vec![(0, 1), (0, 2)]);
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("traj.xyz");
    std::fs::write(&p, text).unwrap();
    assert_eq!(read_xyz_frames(&p).unwrap(), all);
}

#[test]
fn malformed_files_name_the_line() {
    let (l, m) = parse_error(parse_xyz("three\ncomment\nO 0 0 0\n").unwrap_err());
    assert_eq!(l, 1);
    assert!(m.contains("number of atoms"), "{m}");
    let (l, m) = parse_error(parse_xyz("3\nc\nO 0 0 0\nH 1 0 0\n").unwrap_err());
    assert_eq!(l, 5);
    assert!(m.contains("announces 3 atoms"), "{m}");
    let (l, m) = parse_error(parse_xyz("2\nc\nO 0 0 0\nH 1 zero 0\n").unwrap_err());
    assert_eq!(l, 4);
    assert!(m.contains("'zero' is not a number"), "{m}");
    let (l, m) = parse_error(parse_xyz("2\nc\nO 0 0 0\nQq 1 0 0\n").unwrap_err());
    assert_eq!(l, 4);
    assert!(m.contains("unknown element 'Qq'"), "{m}");
    let (l, m) = parse_error(parse_xyz("1\nc\nO 0 NaN 0\n").unwrap_err());
    assert_eq!(l, 3);
    assert!(m.contains("finite"), "{m}");
    let (l, m) = parse_error(parse_xyz("1\nc\nO 0 0\n").unwrap_err());
    assert_eq!(l, 3);
    assert!(m.contains("symbol x y z"), "{m}");
    let (_, m) = parse_error(parse_xyz("").unwrap_err());
    assert!(m.contains("no frame"), "{m}");
    // Second frame broken: the first still reads alone, all frames fail.
    let two = "1\na\nO 0 0 0\n1\nb\nO 0 x 0\n";
    assert!(parse_xyz(two).is_ok());
    assert_eq!(parse_error(parse_xyz_frames(two).unwrap_err()).0, 6);

    let (l, m) = parse_error(
        parse_pdb("REMARK\nATOM      1  OW  HOH A   1       0.000   abc     0.000\n").unwrap_err(),
    );
    assert_eq!(l, 2);
    assert!(m.contains("y coordinate"), "{m}");
    let (l, m) = parse_error(parse_pdb("ATOM      1  OW  HOH A   1       0.000\n").unwrap_err());
    assert_eq!(l, 1);
    assert!(m.contains("columns 31-54"), "{m}");
    let (l, m) = parse_error(
        parse_pdb(
            "ATOM      1  XX  HOH A   1       0.000   0.000   0.000  1.00  0.00          Zz\n",
        )
        .unwrap_err(),
    );
    assert_eq!(l, 1);
    assert!(m.contains("unknown element"), "{m}");
    let (l, m) = parse_error(
        parse_pdb("ATOM      1  O   HOH A   1       0.000   0.000   0.000\nCONECT    1    7\n")
            .unwrap_err(),
    );
    assert_eq!(l, 2);
    assert!(m.contains("serial 7"), "{m}");
    let (_, m) = parse_error(parse_pdb("REMARK nothing\n").unwrap_err());
    assert!(m.contains("no ATOM"), "{m}");
    let e = read_xyz("/nonexistent/dir/x.xyz").unwrap_err();
    assert!(matches!(e, Error::Io { .. }) && e.to_string().contains("/nonexistent/dir/x.xyz"));
    let e = read_pdb("/nonexistent/dir/x.pdb").unwrap_err();
    assert!(matches!(e, Error::Io { .. }));
}

#[test]
fn bond_inference_is_linear_and_matches_brute_force() {
    // 22³ = 10648 carbon atoms on a 1.5 Å cubic lattice, slightly jittered: each bonds to its
    // 6 axis neighbours (1.5 Å < 0.76 + 0.76 + 0.45) but not the diagonals (2.12 Å).
    let n = 22;
    let mut atoms = Vec::new();
    for z in 0..n {
        for y in 0..n {
            for x in 0..n {
                let j = ((x * 7 + y * 13 + z * 29) % 11) as f64 * 0.005;
                atoms.push(Atom {
                    element: Element::from_symbol("C").unwrap(),
                    position: [1.5 * x as f64 + j, 1.5 * y as f64 - j, 1.5 * z as f64 + j],
                    name: "C".into(),
                });
            }
        }
    }
    let m = Molecule::new(atoms);
    assert_eq!(m.atoms.len(), 10648);
    assert_eq!(m.bonds.len(), 3 * n * n * (n - 1));
    assert!(m.bonds.windows(2).all(|w| w[0] < w[1]));
    // Brute force on a slab of the first 1000 atoms.
    let sub = Molecule {
        atoms: m.atoms[..1000].to_vec(),
        bonds: vec![],
    };
    let mut brute = Vec::new();
    for i in 0..1000 {
        for j in i + 1..1000 {
            let (a, b) = (sub.atoms[i].position, sub.atoms[j].position);
            let d = ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt();
            if d < 0.76 + 0.76 + 0.45 {
                brute.push((i, j));
            }
        }
    }
    assert_eq!(sub.infer_bonds(), brute);
}

#[test]
fn ball_and_stick_and_space_filling_specs() {
    let m = read_xyz(data("caffeine.xyz")).unwrap();
    let (spheres, cyl) = m.ball_and_stick(0.5, 0.15).unwrap();
    assert_eq!(spheres.len(), 24);
    assert_eq!(cyl.len(), 50);
    assert_eq!(spheres[0].radius, 0.38);
    assert_eq!(spheres[0].color, [0.565, 0.565, 0.565]);
    for (k, &(i, j)) in m.bonds.iter().enumerate() {
        let (a, b) = (cyl[2 * k], cyl[2 * k + 1]);
        let pi = m.atoms[i].position.map(|c| c as f32);
        let pj = m.atoms[j].position.map(|c| c as f32);
        assert_eq!(a.start, pi);
        assert_eq!(a.color, m.atoms[i].element.color());
        assert_eq!(b.color, m.atoms[j].element.color());
        assert_eq!(a.radius, 0.15);
        let len = a.direction.iter().map(|c| c * c).sum::<f32>().sqrt();
        assert!((len - 1.0).abs() < 1e-6);
        #[allow(clippy::needless_range_loop)]
        for c in 0..3 {
            // a ends where b starts (the midpoint); b ends at atom j.
            let a_end = a.start[c] + a.direction[c] * a.length;
            assert!((a_end - b.start[c]).abs() < 1e-5);
            assert!((b.start[c] + b.direction[c] * b.length - pj[c]).abs() < 1e-5);
        }
    }
    let sf = m.space_filling();
    assert_eq!(sf.len(), 24);
    let h = sf.iter().find(|s| s.color == [1.0, 1.0, 1.0]).unwrap();
    assert_eq!(h.radius, 1.2);
    for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        let e = m.ball_and_stick(bad, 0.1).unwrap_err().to_string();
        assert!(e.contains("atom_scale"), "{e}");
        assert!(m
            .ball_and_stick(1.0, bad)
            .unwrap_err()
            .to_string()
            .contains("bond_radius"));
    }
    let broken = Molecule {
        atoms: m.atoms.clone(),
        bonds: vec![(0, 99)],
    };
    assert!(broken
        .ball_and_stick(1.0, 0.1)
        .unwrap_err()
        .to_string()
        .contains("99"));
}
