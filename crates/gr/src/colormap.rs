//! Colormaps: GR's 48 tables by number or name, reversed maps, maps from RGB control points,
//! and how they are written into the kernel's colour table (indices 8..=79 and 1000..=1255).

use gks::color::ColorTable;
use gks::tables::colormaps::{COLORMAPS, COLORMAP_COUNT, COLORMAP_NAMES};

use crate::error::{Error, Result};

/// First index of the 72-entry colormap band.
pub const BAND_FIRST: i32 = 8;
/// Last index of the 72-entry colormap band.
pub const BAND_LAST: i32 = 79;
/// First index of the 256-entry colormap block.
pub const BLOCK_FIRST: i32 = 1000;
/// Last index of the 256-entry colormap block.
pub const BLOCK_LAST: i32 = 1255;

/// The number of a colormap by (case-insensitive) name, e.g. `"viridis"` → 44.
pub fn colormap_by_name(name: &str) -> Option<i32> {
    COLORMAP_NAMES
        .iter()
        .position(|n| n.eq_ignore_ascii_case(name))
        .map(|i| i as i32)
}

/// The 256 colours of GR colormap `index` (0..=47), reversed when `reverse`.
pub fn colormap_colors(index: usize, reverse: bool) -> [[u8; 3]; 256] {
    let mut out = [[0u8; 3]; 256];
    for (i, &packed) in COLORMAPS[index].iter().enumerate() {
        let j = if reverse { 255 - i } else { i };
        out[j] = gks::tables::colormaps::unpack_rgb(packed);
    }
    out
}

/// Writes a 256-entry map into 1000..=1255 and a 72-entry resampling of it into 8..=79.
///
/// GR keeps separate hand-made 72-entry tables; here band entry `k` is the 256-entry colour
/// at position `round(k · 255 / 71)`, the same curve at coarser steps.
pub fn install(table: &mut ColorTable, colors: &[[u8; 3]; 256]) {
    for (i, c) in colors.iter().enumerate() {
        table.set_bytes(BLOCK_FIRST as usize + i, *c);
    }
    for k in 0..72usize {
        let j = ((k as f64) * 255.0 / 71.0).round() as usize;
        table.set_bytes(BAND_FIRST as usize + k, colors[j]);
    }
}

/// Decodes GR's `setcolormap` argument: `±index` selects map `index % 100` (negative =
/// reversed); `index >= 100` makes 1000..=1255 the active range, otherwise 8..=79.
pub fn decode(func: &'static str, code: i32) -> Result<(usize, bool, bool)> {
    let reverse = code < 0;
    let a = code.unsigned_abs() as usize;
    let map = a % 100;
    if map >= COLORMAP_COUNT || a >= 200 {
        return Err(Error::InvalidArgument {
            func,
            msg: format!(
                "colormap {code} does not exist: use 0..=47 (negative to reverse, +100 for the 256-colour range)"
            ),
        });
    }
    Ok((map, reverse, a >= 100))
}

/// Builds 256 colours by linear interpolation between control points (`positions` in 0..=1,
/// increasing, first 0 and last 1; `None` spaces the points evenly), as GR's
/// `setcolormapfromrgb`.
pub fn from_rgb(
    func: &'static str,
    r: &[f64],
    g: &[f64],
    b: &[f64],
    positions: Option<&[f64]>,
) -> Result<[[u8; 3]; 256]> {
    let n = r.len();
    if n < 2 || g.len() != n || b.len() != n || positions.is_some_and(|p| p.len() != n) {
        return Err(Error::InvalidArgument {
            func,
            msg: format!(
                "needs at least 2 control points and equally long r, g, b (and positions), got {}, {}, {}{}",
                r.len(),
                g.len(),
                b.len(),
                positions.map(|p| format!(", {}", p.len())).unwrap_or_default()
            ),
        });
    }
    for (k, v) in r.iter().chain(g).chain(b).enumerate() {
        if !(0.0..=1.0).contains(v) {
            return Err(Error::InvalidArgument {
                func,
                msg: format!("colour components must lie in 0..=1, value {k} is {v}"),
            });
        }
    }
    let pos: Vec<f64> = match positions {
        Some(p) => {
            let ok = p[0] == 0.0 && p[n - 1] == 1.0 && p.windows(2).all(|w| w[0] < w[1]);
            if !ok {
                return Err(Error::InvalidArgument {
                    func,
                    msg: "positions must increase strictly from 0 to 1".into(),
                });
            }
            p.to_vec()
        }
        None => (0..n).map(|i| i as f64 / (n - 1) as f64).collect(),
    };
    let mut out = [[0u8; 3]; 256];
    for (i, c) in out.iter_mut().enumerate() {
        let t = i as f64 / 255.0;
        let k = pos.windows(2).position(|w| t <= w[1]).unwrap_or(n - 2);
        let f = ((t - pos[k]) / (pos[k + 1] - pos[k])).clamp(0.0, 1.0);
        let lerp = |a: &[f64]| ((a[k] + f * (a[k + 1] - a[k])) * 255.0).round() as u8;
        *c = [lerp(r), lerp(g), lerp(b)];
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes() {
        assert_eq!(colormap_by_name("Viridis"), Some(44));
        assert_eq!(colormap_by_name("magma"), Some(47));
        assert_eq!(decode("t", -44).unwrap(), (44, true, false));
        assert_eq!(decode("t", 144).unwrap(), (44, false, true));
        assert!(decode("t", 48).is_err());
        assert!(decode("t", 250).is_err());
    }

    #[test]
    fn viridis_ends_and_reversal() {
        let v = colormap_colors(44, false);
        assert_eq!(v[0], [0x44, 0x01, 0x54]);
        assert_eq!(v[255], [0xfd, 0xe7, 0x25]);
        let r = colormap_colors(44, true);
        assert_eq!(r[0], v[255]);
    }

    #[test]
    fn rgb_control_points_interpolate() {
        let c = from_rgb("t", &[0.0, 1.0], &[0.0, 0.0], &[1.0, 0.0], None).unwrap();
        assert_eq!(c[0], [0, 0, 255]);
        assert_eq!(c[255], [255, 0, 0]);
        assert_eq!(c[128][0], 128);
        assert!(from_rgb("t", &[0.0], &[0.0], &[0.0], None).is_err());
        assert!(from_rgb("t", &[0.0, 2.0], &[0.0, 0.0], &[0.0, 0.0], None).is_err());
        assert!(from_rgb(
            "t",
            &[0.0, 1.0],
            &[0.0, 0.0],
            &[0.0, 0.0],
            Some(&[0.0, 0.5])
        )
        .is_err());
    }
}
