//! `isosurface` and `volume`: a scalar field `c` with `dims = [nx, ny, nz]` (x fastest,
//! or nested slices of rows in JSON). The isosurface is extracted by marching cubes and
//! rendered by GR3 (lit, z-buffered) at the plot's `rotation` and `tilt`; the volume is ray
//! cast by `cpubasedvolume` (`algorithm`: emission, absorption, maximum intensity) with a
//! colour bar of the rendered range. Both take a square viewport without axes.

use gr::Gr;

use super::{Extent, Kind};
use crate::error::{invalid, Result};
use crate::layout::{cell_scale, text_size};
use crate::plot::{Plot, Series};

/// The volume of a series and its dimensions, checked.
fn volume_data<'a>(s: &'a Series, path: &str) -> Result<(&'a [f64], [usize; 3])> {
    let c =
        s.c.as_deref()
            .ok_or_else(|| invalid(format!("{path}.c"), "is missing: give the volume values"))?;
    let dims = s.dims.ok_or_else(|| {
        invalid(
            format!("{path}.dims"),
            "is missing: give [nx, ny, nz], or c as nested slices of rows",
        )
    })?;
    if dims.iter().any(|&d| d < 2) {
        return Err(invalid(
            format!("{path}.dims"),
            format!("{dims:?}: every dimension needs at least 2 samples"),
        ));
    }
    let n: usize = dims.iter().product();
    if n != c.len() {
        return Err(invalid(
            format!("{path}.c"),
            format!("has {} values but dims {dims:?} need {n}", c.len()),
        ));
    }
    if let Some(i) = c.iter().position(|v| !v.is_finite()) {
        return Err(invalid(
            format!("{path}.c"),
            format!("value {i} is {}; volumes must be finite", c[i]),
        ));
    }
    Ok((c, dims))
}

fn data_range(c: &[f64]) -> [f64; 2] {
    c.iter()
        .fold([f64::INFINITY, f64::NEG_INFINITY], |[lo, hi], &v| {
            [lo.min(v), hi.max(v)]
        })
}

/// The ranges (voxel indices on x, y; the data range as z).
pub(crate) fn extent(_plot: &Plot, s: &Series, path: &str) -> Result<Extent> {
    let (c, dims) = volume_data(s, path)?;
    Ok(Extent {
        x: [0.0, (dims[0] - 1) as f64],
        y: [0.0, (dims[1] - 1) as f64],
        z: Some(data_range(c)),
    })
}

/// Draws an isosurface or volume plot in `cell` (NDC).
pub(crate) fn draw_volume_frame(
    gr: &mut Gr,
    plot: &Plot,
    path: &str,
    cell: [f64; 4],
) -> Result<()> {
    if plot.series.len() != 1 {
        return Err(invalid(
            format!("{path}.series"),
            format!(
                "{} takes exactly one series, got {}",
                plot.kind.name(),
                plot.series.len()
            ),
        ));
    }
    let sp = format!("{path}.series[0]");
    let (c, dims) = volume_data(&plot.series[0], &sp)?;
    let k = cell_scale(&cell);
    let ch = 0.016 * k;
    let title_h = match plot.title.as_deref().filter(|t| !t.is_empty()) {
        Some(t) => text_size(gr, t, 1.15 * ch, &format!("{path}.title"))?.1 + 0.6 * ch,
        None => 0.0,
    };
    let pad = 0.02 * k;
    let colorbar_w = if plot.kind == Kind::Volume {
        0.03 * k + 0.012 + 6.0 * ch
    } else {
        0.0
    };
    let (aw, ah) = (
        cell[1] - cell[0] - 2.0 * pad - colorbar_w,
        cell[3] - cell[2] - 2.0 * pad - title_h,
    );
    let side = aw.min(ah);
    let (cx, cy) = (cell[0] + pad + 0.5 * aw, cell[2] + pad + 0.5 * ah);
    let vp = [
        cx - 0.5 * side,
        cx + 0.5 * side,
        cy - 0.5 * side,
        cy + 0.5 * side,
    ];
    crate::render::set_colormap(gr, plot, path)?;
    match plot.kind {
        Kind::Isosurface => draw_isosurface(gr, plot, path, c, dims, vp)?,
        _ => draw_volume(gr, plot, path, c, dims, vp, ch)?,
    }
    if let Some(t) = plot.title.as_deref().filter(|t| !t.is_empty()) {
        gr.savestate();
        gr.selntran(0)?;
        gr.setcharheight(1.15 * ch)?;
        gr.settextalign(2, 1)?;
        gr.settextcolorind(1)?;
        gr.text(0.5 * (cell[0] + cell[1]), cell[3] - 0.3 * ch, t)?;
        gr.restorestate()?;
    }
    Ok(())
}

fn draw_isosurface(
    gr: &mut Gr,
    plot: &Plot,
    path: &str,
    c: &[f64],
    dims: [usize; 3],
    vp: [f64; 4],
) -> Result<()> {
    let [lo, hi] = data_range(c);
    let iso = plot.isovalue.unwrap_or(0.5 * (lo + hi));
    if !(iso > lo && iso < hi) {
        return Err(invalid(
            format!("{path}.isovalue"),
            format!("{iso} is outside the data range ({lo}, {hi}); choose a value inside it"),
        ));
    }
    // The longest side spans [-1, 1]; voxels are cubes.
    let step = 2.0 / (dims.iter().max().copied().unwrap_or(2) - 1) as f64;
    let offset = dims.map(|n| -0.5 * step * (n - 1) as f64);
    let gr3err = |e: gr3::Error| invalid(path, e.to_string());
    let mesh = gr3::isosurface::marching_cubes(c, dims, [step; 3], offset, iso).map_err(gr3err)?;
    if mesh.is_empty() {
        return Err(invalid(
            format!("{path}.isovalue"),
            format!("no surface at {iso}"),
        ));
    }
    // GRM's default isosurface colour, a light steel blue.
    let color = [0.44f32, 0.58, 0.82];
    let mut scene = gr3::Scene::new();
    let colors = vec![color; mesh.vertices.len()];
    let id = scene
        .createindexedmesh(&mesh.vertices, &mesh.normals, &colors, &mesh.indices)
        .map_err(gr3err)?;
    scene
        .drawmesh(
            id,
            &[[0.0; 3]],
            &[[0.0, 0.0, 1.0]],
            &[[0.0, 1.0, 0.0]],
            &[[1.0; 3]],
            &[[1.0; 3]],
        )
        .map_err(gr3err)?;
    // Camera on a sphere: `rotation` about z from the −y axis, `tilt` from the z axis.
    let (a, t) = (plot.rotation.to_radians(), plot.tilt.to_radians());
    // Far enough that the whole box (radius √3) fits the 30° field of view.
    let d = 3f64.sqrt() / 15f64.to_radians().sin();
    let eye = [
        (d * t.sin() * a.sin()) as f32,
        (-d * t.sin() * a.cos()) as f32,
        (d * t.cos()) as f32,
    ];
    scene
        .cameralookat(eye, [0.0; 3], [0.0, 0.0, 1.0])
        .map_err(gr3err)?;
    scene
        .setcameraprojectionparameters(30.0, 0.5, 20.0)
        .map_err(gr3err)?;
    scene.setquality(2).map_err(gr3err)?;
    let px = ((vp[1] - vp[0]) * 1200.0).round().clamp(64.0, 2000.0) as u32;
    gr.savestate();
    let r = (|| -> Result<()> {
        gr.setviewport(vp[0], vp[1], vp[2], vp[3])?;
        gr.setwindow(0.0, 1.0, 0.0, 1.0)?;
        gr.selntran(1)?;
        scene
            .drawimage(gr, 0.0, 1.0, 0.0, 1.0, px, px)
            .map_err(gr3err)?;
        Ok(())
    })();
    gr.restorestate()?;
    r
}

#[allow(clippy::too_many_arguments)]
fn draw_volume(
    gr: &mut Gr,
    plot: &Plot,
    path: &str,
    c: &[f64],
    dims: [usize; 3],
    vp: [f64; 4],
    ch: f64,
) -> Result<()> {
    let alg = gr::volume::VolumeAlgorithm::from_gr(plot.algorithm)
        .map_err(|e| invalid(format!("{path}.algorithm"), e.to_string()))?;
    gr.savestate();
    let r = (|| -> Result<[f64; 2]> {
        gr.setviewport(vp[0], vp[1], vp[2], vp[3])?;
        gr.setwindow(-1.0, 1.0, -1.0, 1.0)?;
        gr.setspace(-1.0, 1.0, plot.rotation, plot.tilt)?;
        gr.selntran(1)?;
        let (lo, hi) = gr.cpubasedvolume(dims[0], dims[1], dims[2], c, alg, None, None)?;
        Ok([lo, hi])
    })();
    gr.restorestate()?;
    let [lo, hi] = r?;
    let [lo, hi] = if lo < hi {
        [lo, hi]
    } else {
        [lo - 0.5, lo + 0.5]
    };
    // Colour bar of the rendered range beside the image.
    gr.savestate();
    let r = (|| -> Result<()> {
        gr.setscale(0)?;
        gr.setcharheight(ch)?;
        let x0 = vp[1] + 0.02;
        gr.setviewport(x0, x0 + 0.03, vp[2], vp[3])?;
        gr.setwindow(0.0, 1.0, lo, hi)?;
        gr.setzrange(lo, hi)?;
        gr.colorbar()?;
        gr.setlinecolorind(1)?;
        gr.selntran(0)?;
        gr.drawrect(x0, x0 + 0.03, vp[2], vp[3])?;
        Ok(())
    })();
    gr.restorestate()?;
    r
}
