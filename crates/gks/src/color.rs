//! The colour table: GR's 1256 predefined colour indices, `setcolorrep`, and the look-up that
//! finds or allocates an index for an RGB value (`inqcolorfromrgb`).

use crate::device::Rgba;
use crate::error::{Error, Result};
use crate::tables::colors::DEFAULT_COLORS;

/// Number of predefined colour indices (0..=1255).
pub const NUM_COLORS: usize = 1256;
/// First index of the active 256-entry colormap.
pub const COLORMAP_FIRST: usize = 1000;
/// How many extra indices `inqcolorfromrgb` may allocate beyond the predefined table.
pub const MAX_EXTRA_COLORS: usize = 65536;

/// A colour table: the predefined indices plus indices allocated for RGB look-ups.
#[derive(Debug, Clone)]
pub struct ColorTable {
    colors: Vec<[u8; 3]>,
}

impl Default for ColorTable {
    fn default() -> Self {
        let mut colors = DEFAULT_COLORS.to_vec();
        // GR leaves 1000..=1255 black until a colormap is set; we start with GR's default
        // colormap 0 ("uniform") there, so cell arrays work before `setcolormap`.
        for (i, &packed) in crate::tables::colormaps::COLORMAPS[0].iter().enumerate() {
            colors[COLORMAP_FIRST + i] = crate::tables::colormaps::unpack_rgb(packed);
        }
        ColorTable { colors }
    }
}

fn to_byte(func: &'static str, v: f64) -> Result<u8> {
    if !(0.0..=1.0).contains(&v) {
        return Err(Error::InvalidArgument {
            func,
            msg: format!("colour components must lie in 0..=1, got {v}"),
        });
    }
    Ok((v * 255.0).round() as u8)
}

impl ColorTable {
    /// The number of valid indices (predefined plus allocated).
    pub fn len(&self) -> usize {
        self.colors.len()
    }

    /// Always false: the table has at least the predefined colours.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Checks that `index` names a colour.
    pub fn check(&self, func: &'static str, index: i32) -> Result<usize> {
        if index < 0 || index as usize >= self.colors.len() {
            return Err(Error::InvalidArgument {
                func,
                msg: format!(
                    "colour index {index} is out of range 0..={}",
                    self.colors.len() - 1
                ),
            });
        }
        Ok(index as usize)
    }

    /// The opaque colour of a valid index.
    pub fn rgba(&self, index: usize) -> Rgba {
        let [r, g, b] = self.colors[index];
        Rgba::rgb(r, g, b)
    }

    /// `inqcolor`: the colour of an index as `(r, g, b)` in 0..=1.
    pub fn inqcolor(&self, index: i32) -> Result<(f64, f64, f64)> {
        let i = self.check("inqcolor", index)?;
        let [r, g, b] = self.colors[i];
        Ok((r as f64 / 255.0, g as f64 / 255.0, b as f64 / 255.0))
    }

    /// `setcolorrep`: redefines an index with components in 0..=1.
    pub fn setcolorrep(&mut self, index: i32, r: f64, g: f64, b: f64) -> Result<()> {
        let i = self.check("setcolorrep", index)?;
        let f = "setcolorrep";
        self.colors[i] = [to_byte(f, r)?, to_byte(f, g)?, to_byte(f, b)?];
        Ok(())
    }

    /// Sets an index from bytes (used by colormaps).
    pub fn set_bytes(&mut self, index: usize, rgb: [u8; 3]) {
        if let Some(c) = self.colors.get_mut(index) {
            *c = rgb;
        }
    }

    /// `inqcolorfromrgb`: the lowest index whose colour equals `(r, g, b)` (components in
    /// 0..=1, compared at 8-bit precision); if there is none, a new index past the
    /// predefined table is allocated, so no predefined colour is ever overwritten.
    pub fn inqcolorfromrgb(&mut self, r: f64, g: f64, b: f64) -> Result<i32> {
        let f = "inqcolorfromrgb";
        let rgb = [to_byte(f, r)?, to_byte(f, g)?, to_byte(f, b)?];
        if let Some(i) = self.colors.iter().position(|c| *c == rgb) {
            return Ok(i as i32);
        }
        if self.colors.len() >= NUM_COLORS + MAX_EXTRA_COLORS {
            return Err(Error::State(format!(
                "inqcolorfromrgb: all {MAX_EXTRA_COLORS} extra colour indices are in use"
            )));
        }
        self.colors.push(rgb);
        Ok(self.colors.len() as i32 - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_colours() {
        let t = ColorTable::default();
        assert_eq!(t.rgba(0), Rgba::WHITE);
        assert_eq!(t.rgba(1), Rgba::BLACK);
        assert_eq!(t.rgba(2), Rgba::rgb(255, 0, 0));
        assert_eq!(t.rgba(88), Rgba::rgb(0xcc, 0xcc, 0xcc));
    }

    #[test]
    fn colorfromrgb_finds_then_allocates() {
        let mut t = ColorTable::default();
        assert_eq!(t.inqcolorfromrgb(1.0, 0.0, 0.0).unwrap(), 2);
        let i = t.inqcolorfromrgb(0.123, 0.456, 0.789).unwrap();
        assert!(i as usize >= NUM_COLORS);
        assert_eq!(t.inqcolorfromrgb(0.123, 0.456, 0.789).unwrap(), i);
        assert!(t.inqcolorfromrgb(1.5, 0.0, 0.0).is_err());
        assert!(t.check("x", -1).is_err());
        assert!(t.check("x", i + 1).is_err());
    }
}
