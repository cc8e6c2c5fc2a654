//! Gallery pages of the 3D layer: an isosurface of a synthetic MRI-like head phantom, a
//! surface rendered by GR3 inside a GR plot with 3D axes, and the scene exports (POV-Ray,
//! HTML/WebGL) written next to the pages.

use std::path::Path;

use gr::Gr;
use gr3::Scene;

/// A smooth synthetic head on an `n³` grid (x fastest, values 0..=1000 as u16): skin, skull,
/// brain with two ventricles, and the eyes, as sums of soft ellipsoids. "MRI-like" means:
/// tissue classes of different intensity with smooth boundaries, not a real scan.
pub fn head_phantom(n: usize) -> Vec<u16> {
    // (centre, radii) per tissue; y points to the back, z up. Parts of one tissue merge
    // (maximum), tissues add: skin 500, the skull cavity −300, brain +500, eyes +80.
    type Part = ([f64; 3], [f64; 3]);
    let skin: [Part; 5] = [
        ([0.0, 0.0, 0.08], [0.66, 0.80, 0.84]),     // head
        ([0.0, -0.72, -0.12], [0.09, 0.16, 0.16]),  // nose
        ([0.66, 0.05, -0.02], [0.07, 0.13, 0.20]),  // right ear
        ([-0.66, 0.05, -0.02], [0.07, 0.13, 0.20]), // left ear
        ([0.0, 0.12, -0.85], [0.36, 0.36, 0.40]),   // neck
    ];
    let cavity: [Part; 1] = [([0.0, -0.02, 0.16], [0.60, 0.74, 0.74])];
    let brain: [Part; 4] = [
        ([0.28, -0.02, 0.24], [0.29, 0.66, 0.56]), // right hemisphere
        ([-0.28, -0.02, 0.24], [0.29, 0.66, 0.56]), // left hemisphere
        ([0.0, 0.42, -0.24], [0.40, 0.24, 0.18]),  // cerebellum
        ([0.0, 0.20, -0.30], [0.10, 0.12, 0.30]),  // brain stem
    ];
    let eyes: [Part; 2] = [
        ([0.26, -0.66, -0.04], [0.11, 0.09, 0.09]),
        ([-0.26, -0.66, -0.04], [0.11, 0.09, 0.09]),
    ];
    // Soft inside indicator: 1 inside, 0 outside, smooth over ~5 % of the radii.
    let inside = |p: [f64; 3], parts: &[Part]| -> f64 {
        parts
            .iter()
            .map(|(c, r)| {
                let q: f64 = (0..3).map(|k| ((p[k] - c[k]) / r[k]).powi(2)).sum();
                1.0 / (1.0 + (20.0 * (q.sqrt() - 1.0)).exp())
            })
            .fold(0.0, f64::max)
    };
    let c = |i: usize| 2.0 * i as f64 / (n - 1) as f64 - 1.0;
    let mut out = Vec::with_capacity(n * n * n);
    for z in 0..n {
        for y in 0..n {
            for x in 0..n {
                let p = [c(x), c(y), c(z)];
                let v = 500.0 * inside(p, &skin) - 300.0 * inside(p, &cavity)
                    + 500.0 * inside(p, &brain)
                    + 80.0 * inside(p, &eyes);
                out.push(v.clamp(0.0, 1000.0) as u16);
            }
        }
    }
    out
}

/// The head scene on an `n³` phantom: the skin surface (translucent) around the brain surface, cut open.
pub fn head_scene(n: usize) -> Result<Scene, String> {
    let data = head_phantom(n);
    let dims = [n, n, n];
    let step = 2.0 / (n - 1) as f64;
    let spacing = [step; 3];
    let offset = [-1.0; 3];
    let skin = gr3::isosurface::marching_cubes(&data, dims, spacing, offset, 250.0)
        .map_err(|e| e.to_string())?;
    let brain = gr3::isosurface::marching_cubes(&data, dims, spacing, offset, 600.0)
        .map_err(|e| e.to_string())?;
    let mut scene = Scene::new();
    let e = |e: gr3::Error| e.to_string();
    scene.setbackgroundcolor(1.0, 1.0, 1.0, 1.0).map_err(e)?;
    let add = |scene: &mut Scene, m: &gr3::isosurface::IsoMesh, rgb: [f32; 3], alpha: f32| {
        let colors = vec![rgb; m.vertices.len()];
        let id = scene.createindexedmesh(&m.vertices, &m.normals, &colors, &m.indices)?;
        scene.setalpha(alpha)?;
        scene.drawmesh(
            id,
            &[[0.0; 3]],
            &[[0.0, 0.0, 1.0]],
            &[[0.0, 1.0, 0.0]],
            &[[1.0; 3]],
            &[[1.0; 3]],
        )
    };
    add(&mut scene, &brain, [0.93, 0.62, 0.62], 1.0).map_err(e)?;
    add(&mut scene, &skin, [0.96, 0.84, 0.72], 0.35).map_err(e)?;
    scene
        .cameralookat([-2.6, -3.0, 1.2], [0.0, 0.0, 0.0], [0.0, 0.0, 1.0])
        .map_err(e)?;
    scene
        .setcameraprojectionparameters(30.0, 0.5, 20.0)
        .map_err(e)?;
    scene.setquality(2).map_err(e)?;
    Ok(scene)
}

/// Gallery page: the head drawn into a GR page with a title.
pub fn isosurface_page() -> Result<gks::Gks, String> {
    let scene = head_scene(128)?;
    let mut gr = Gr::new();
    let e = |e: gr::Error| e.to_string();
    gr.setviewport(0.15, 0.85, 0.0, 0.7).map_err(e)?;
    gr.setwindow(0.0, 1.0, 0.0, 1.0).map_err(e)?;
    scene
        .drawimage(&mut gr, 0.0, 1.0, 0.0, 1.0, 700, 700)
        .map_err(|e| e.to_string())?;
    gr.selntran(0).map_err(e)?;
    gr.settextalign(2, 1).map_err(e)?;
    gr.setcharheight(0.02).map_err(e)?;
    gr.text(
        0.5,
        0.735,
        "Marching cubes on a 128³ head phantom: skin (translucent) and brain",
    )
    .map_err(e)?;
    Ok(std::mem::take(gr.gks_mut()))
}

/// Gallery page: GR's peaks surface rendered by GR3 (lit, z-buffered) with GR's 3D axes.
pub fn gr3_surface_page() -> Result<gks::Gks, String> {
    let mut gr = Gr::new();
    let e = |e: gr::Error| e.to_string();
    gr.setviewport(0.21875, 0.81875, 0.09375, 0.69375)
        .map_err(e)?;
    gr.setwindow(-2.0, 2.0, -2.0, 2.0).map_err(e)?;
    gr.setspace(-7.0, 9.0, 30.0, 70.0).map_err(e)?;
    gr.setcolormap(44).map_err(e)?;
    gr.setcharheight(0.018).map_err(e)?;
    let x: Vec<f64> = (0..80).map(|i| -2.0 + 4.0 * i as f64 / 79.0).collect();
    let y = x.clone();
    // matplotlib/MATLAB's peaks function.
    let z: Vec<f64> = y
        .iter()
        .flat_map(|&y| {
            x.iter().map(move |&x| {
                3.0 * (1.0 - x).powi(2) * (-x * x - (y + 1.0).powi(2)).exp()
                    - 10.0 * (x / 5.0 - x.powi(3) - y.powi(5)) * (-x * x - y * y).exp()
                    - (-(x + 1.0).powi(2) - y * y).exp() / 3.0
            })
        })
        .collect();
    gr.grid3d(0.2, 0.0, 1.0, -2.0, 2.0, -7.0, 5, 0, 4)
        .map_err(e)?;
    gr.grid3d(0.0, 0.2, 0.0, -2.0, 2.0, -7.0, 0, 5, 0)
        .map_err(e)?;
    let options = gr3::grplot::SurfaceOptions {
        width: 900,
        height: 900,
        ssaa: 2,
        ..Default::default()
    };
    gr3::grplot::surface(&mut gr, &x, &y, &z, &options).map_err(|e| e.to_string())?;
    gr.axes3d(0.2, 0.0, 1.0, -2.0, -2.0, -7.0, 5, 0, 4, -0.0075)
        .map_err(e)?;
    gr.axes3d(0.0, 0.2, 0.0, 2.0, -2.0, -7.0, 0, 5, 0, 0.0075)
        .map_err(e)?;
    gr.titles3d("X", "Y", "Z").map_err(e)?;
    Ok(std::mem::take(gr.gks_mut()))
}

/// Writes the head scene (on a 64³ phantom, to keep the files small) as POV-Ray and
/// HTML/WebGL files into `dir` (and, when `povray` is installed, its rendering of the .pov);
/// returns the file names written.
pub fn exports(dir: &Path) -> Result<Vec<String>, String> {
    let scene = head_scene(64)?;
    let mut files = Vec::new();
    for name in ["head.pov", "head.html", "head-gr3.png"] {
        scene
            .export(dir.join(name), 500, 500)
            .map_err(|e| e.to_string())?;
        files.push(name.to_string());
    }
    let povray = std::process::Command::new("povray")
        .arg("+Ihead.pov")
        .arg("+Ohead-povray.png")
        .args(["+W500", "+H500", "-D", "+A", "-V", "+FN"])
        .current_dir(dir)
        .output();
    match povray {
        Ok(out) if out.status.success() => files.push("head-povray.png".to_string()),
        Ok(out) => {
            return Err(format!(
                "povray failed on head.pov: {}",
                String::from_utf8_lossy(&out.stderr)
                    .lines()
                    .last()
                    .unwrap_or("")
            ))
        }
        Err(_) => println!("povray not installed: head.pov not rendered (apt install povray)"),
    }
    Ok(files)
}

/// Caffeine (`crates/gr3/data/caffeine.xyz`) as a GR3 scene in the given style.
fn caffeine_scene(style: gr3::molecule::MoleculeStyle) -> Result<Scene, String> {
    let e = |e: gr3::Error| e.to_string();
    let m = gr3::molecule::parse_xyz(include_str!("../../gr3/data/caffeine.xyz")).map_err(e)?;
    let n = m.atoms.len() as f64;
    let c: Vec<f32> = (0..3)
        .map(|k| (m.atoms.iter().map(|a| a.position[k]).sum::<f64>() / n) as f32)
        .collect();
    let mut scene = Scene::new();
    scene.drawmolecule(&m, style).map_err(e)?;
    scene
        .cameralookat(
            [c[0], c[1], c[2] + 14.0],
            [c[0], c[1], c[2]],
            [0.0, 1.0, 0.0],
        )
        .map_err(e)?;
    scene
        .setcameraprojectionparameters(40.0, 1.0, 50.0)
        .map_err(e)?;
    scene.setquality(2).map_err(e)?;
    Ok(scene)
}

/// Gallery page: caffeine in ball-and-stick and in space-filling style.
pub fn molecule_page() -> Result<gks::Gks, String> {
    use gr3::molecule::MoleculeStyle;
    let mut gr = Gr::new();
    let e = |e: gr::Error| e.to_string();
    gr.setwindow(0.0, 1.0, 0.0, 1.0).map_err(e)?;
    for (k, (style, label)) in [
        (MoleculeStyle::default(), "ball and stick"),
        (
            MoleculeStyle::SpaceFilling,
            "space filling (van der Waals radii)",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let x0 = 0.02 + 0.49 * k as f64;
        gr.setviewport(x0, x0 + 0.47, 0.08, 0.55).map_err(e)?;
        caffeine_scene(style)?
            .drawimage(&mut gr, 0.0, 1.0, 0.0, 1.0, 500, 500)
            .map_err(|e| e.to_string())?;
        gr.selntran(0).map_err(e)?;
        gr.settextalign(2, 3).map_err(e)?;
        gr.setcharheight(0.018).map_err(e)?;
        gr.text(x0 + 0.235, 0.05, label).map_err(e)?;
        gr.selntran(1).map_err(e)?;
    }
    gr.selntran(0).map_err(e)?;
    gr.settextalign(2, 1).map_err(e)?;
    gr.setcharheight(0.022).map_err(e)?;
    gr.text(
        0.5,
        0.71,
        "Caffeine C$_8$H$_{10}$N$_4$O$_2$ from an XYZ file (bonds from covalent radii)",
    )
    .map_err(e)?;
    Ok(std::mem::take(gr.gks_mut()))
}

/// Gallery page: the head phantom volume-rendered (maximum intensity and emission) by
/// `cpubasedvolume` with GR's 3D projection.
pub fn volume_page() -> Result<gks::Gks, String> {
    use gr::volume::VolumeAlgorithm;
    let n = 96;
    let data: Vec<f64> = head_phantom(n).iter().map(|&v| f64::from(v)).collect();
    let mut gr = Gr::new();
    let e = |e: gr::Error| e.to_string();
    for (k, (alg, label, cmap)) in [
        (VolumeAlgorithm::Mip, "maximum intensity projection", 2),
        (VolumeAlgorithm::Emission, "emission model", 47),
    ]
    .into_iter()
    .enumerate()
    {
        let x0 = 0.03 + 0.49 * k as f64;
        gr.setviewport(x0, x0 + 0.45, 0.08, 0.53).map_err(e)?;
        gr.setwindow(-1.0, 1.0, -1.0, 1.0).map_err(e)?;
        gr.setspace(-1.0, 1.0, 40.0, 70.0).map_err(e)?;
        gr.setcolormap(cmap).map_err(e)?;
        gr.cpubasedvolume(n, n, n, &data, alg, None, None)
            .map_err(e)?;
        gr.selntran(0).map_err(e)?;
        gr.settextalign(2, 3).map_err(e)?;
        gr.setcharheight(0.018).map_err(e)?;
        gr.text(x0 + 0.225, 0.045, label).map_err(e)?;
        gr.selntran(1).map_err(e)?;
    }
    gr.selntran(0).map_err(e)?;
    gr.settextalign(2, 1).map_err(e)?;
    gr.setcharheight(0.022).map_err(e)?;
    gr.text(
        0.5,
        0.71,
        "Volume rendering of the 96³ head phantom (cpubasedvolume)",
    )
    .map_err(e)?;
    Ok(std::mem::take(gr.gks_mut()))
}
