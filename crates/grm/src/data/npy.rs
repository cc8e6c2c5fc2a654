//! NumPy `.npy` arrays (format versions 1.0, 2.0 and 3.0).
//!
//! Layout: the magic `\x93NUMPY`, a major and minor version byte, the header length
//! (little-endian `u16` in version 1, `u32` in 2 and 3), then a Python dict literal such as
//! `{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }` padded with spaces and a
//! newline, then the raw elements.

use super::{DataError, DataErrorKind, Table};

/// The first bytes of every `.npy` file.
pub(super) const MAGIC: &[u8] = b"\x93NUMPY";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Float,
    Int,
    Uint,
    Bool,
}

#[derive(Debug, Clone, Copy)]
struct Dtype {
    kind: Kind,
    size: usize,
    big_endian: bool,
}

fn parse_dtype(descr: &str) -> Option<Dtype> {
    let (big_endian, rest) = match descr.chars().next()? {
        '<' => (false, &descr[1..]),
        '>' => (true, &descr[1..]),
        '|' => (false, &descr[1..]),
        '=' => (cfg!(target_endian = "big"), &descr[1..]),
        _ => (false, descr),
    };
    let mut chars = rest.chars();
    let kind = match chars.next()? {
        'f' => Kind::Float,
        'i' => Kind::Int,
        'u' => Kind::Uint,
        'b' | '?' => Kind::Bool,
        _ => return None,
    };
    let digits = chars.as_str();
    let size: usize = if digits.is_empty() && kind == Kind::Bool {
        1
    } else {
        digits.parse().ok()?
    };
    let ok = match kind {
        Kind::Float => matches!(size, 4 | 8),
        Kind::Int | Kind::Uint => matches!(size, 1 | 2 | 4 | 8),
        Kind::Bool => size == 1,
    };
    ok.then_some(Dtype {
        kind,
        size,
        big_endian,
    })
}

impl Dtype {
    fn decode(&self, b: &[u8]) -> f64 {
        let mut buf = [0u8; 8];
        buf[..self.size].copy_from_slice(b);
        if self.big_endian {
            buf[..self.size].reverse();
        }
        match (self.kind, self.size) {
            (Kind::Float, 4) => f32::from_le_bytes([buf[0], buf[1], buf[2], buf[3]]) as f64,
            (Kind::Float, _) => f64::from_le_bytes(buf),
            (Kind::Bool, _) => f64::from(u8::from(buf[0] != 0)),
            (Kind::Uint, _) => u64::from_le_bytes(buf) as f64,
            (Kind::Int, n) => {
                // Sign-extend from n bytes.
                let raw = u64::from_le_bytes(buf);
                let shift = 64 - 8 * n as u32;
                ((raw << shift) as i64 >> shift) as f64
            }
        }
    }
}

/// The values of the header dict.
#[derive(Debug, Default)]
struct Header {
    descr: Option<String>,
    fortran: Option<bool>,
    shape: Option<Vec<usize>>,
}

/// A minimal reader for the dict literal numpy writes.
fn parse_header(text: &str) -> Result<Header, String> {
    let body = text.trim();
    let body = body
        .strip_prefix('{')
        .and_then(|b| b.strip_suffix('}'))
        .ok_or_else(|| format!("the header is not a {{...}} dict: {body:?}"))?;
    let mut h = Header::default();
    let mut rest = body.trim_start();
    while !rest.is_empty() {
        let (key, after) =
            quoted(rest).ok_or_else(|| format!("expected a quoted key at {rest:?}"))?;
        let after = after.trim_start();
        let after = after
            .strip_prefix(':')
            .ok_or_else(|| format!("expected ':' after '{key}'"))?
            .trim_start();
        let next = match key.as_str() {
            "descr" => {
                if let Some((d, a)) = quoted(after) {
                    h.descr = Some(d);
                    a
                } else {
                    // A list of fields: a structured dtype.
                    let end = after.find(']').map_or(after.len(), |i| i + 1);
                    h.descr = Some(after[..end].to_string());
                    &after[end..]
                }
            }
            "fortran_order" => {
                if let Some(a) = after.strip_prefix("True") {
                    h.fortran = Some(true);
                    a
                } else if let Some(a) = after.strip_prefix("False") {
                    h.fortran = Some(false);
                    a
                } else {
                    return Err(format!(
                        "fortran_order must be True or False, not {after:?}"
                    ));
                }
            }
            "shape" => {
                let inner = after
                    .strip_prefix('(')
                    .ok_or_else(|| format!("shape must be a tuple, not {after:?}"))?;
                let end = inner.find(')').ok_or("shape tuple is not closed")?;
                let dims = inner[..end]
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| s.trim_end_matches('L').parse::<usize>())
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|_| format!("shape ({}) is not a tuple of sizes", &inner[..end]))?;
                h.shape = Some(dims);
                &inner[end + 1..]
            }
            other => return Err(format!("unknown header key '{other}'")),
        };
        rest = next.trim_start();
        rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
    }
    Ok(h)
}

/// A `'...'` or `"..."` string at the start of `s`, and the text after it.
fn quoted(s: &str) -> Option<(String, &str)> {
    let q = s.chars().next().filter(|&c| c == '\'' || c == '"')?;
    let end = s[1..].find(q)? + 1;
    Some((s[1..end].to_string(), &s[end + 1..]))
}

fn shape_text(shape: &[usize]) -> String {
    match shape {
        [n] => format!("({n},)"),
        _ => format!(
            "({})",
            shape
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

pub(super) fn parse(bytes: &[u8], name: &str) -> Result<Table, DataError> {
    let bad = |m: String| DataError::new(name, DataErrorKind::NpyHeader(m));
    if !bytes.starts_with(MAGIC) {
        return Err(bad(
            "it does not start with the \\x93NUMPY magic bytes".into()
        ));
    }
    if bytes.len() < 10 {
        return Err(bad("the header is truncated".into()));
    }
    let (major, minor) = (bytes[6], bytes[7]);
    let (hlen, offset): (usize, usize) = match major {
        1 => (u16::from_le_bytes([bytes[8], bytes[9]]) as usize, 10),
        2 | 3 if bytes.len() >= 12 => (
            u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize,
            12,
        ),
        2 | 3 => return Err(bad("the header is truncated".into())),
        v => {
            return Err(bad(format!(
                "format version {v}.{minor} is not supported (1.0, 2.0 and 3.0 are)"
            )))
        }
    };
    let end = offset
        .checked_add(hlen)
        .filter(|&e| e <= bytes.len())
        .ok_or_else(|| {
            bad(format!(
                "the header says {hlen} bytes but the file ends before"
            ))
        })?;
    let raw = &bytes[offset..end];
    let text: String = if major == 3 {
        String::from_utf8(raw.to_vec()).map_err(|_| bad("the header is not UTF-8".into()))?
    } else {
        raw.iter().map(|&b| b as char).collect()
    };
    let header = parse_header(&text).map_err(bad)?;
    let descr = header
        .descr
        .ok_or_else(|| bad("the header has no 'descr'".into()))?;
    let fortran = header
        .fortran
        .ok_or_else(|| bad("the header has no 'fortran_order'".into()))?;
    let shape = header
        .shape
        .ok_or_else(|| bad("the header has no 'shape'".into()))?;
    let dtype = parse_dtype(&descr)
        .ok_or_else(|| DataError::new(name, DataErrorKind::NpyDtype(descr.clone())))?;
    let data_err = |m: String| DataError::new(name, DataErrorKind::NpyData(m));
    let (d, r, c) = match shape[..] {
        [] => (1, 1, 1),
        [n] => (1, n, 1),
        [r, c] => (1, r, c),
        [d, r, c] => (d, r, c),
        _ => {
            return Err(data_err(format!(
                "arrays of shape {} are not supported: use 1-D (one column), 2-D (rows, \
                 columns) or 3-D (blocks, rows, columns)",
                shape_text(&shape)
            )))
        }
    };
    let count = d
        .checked_mul(r)
        .and_then(|x| x.checked_mul(c))
        .ok_or_else(|| data_err(format!("shape {} is too large", shape_text(&shape))))?;
    if count == 0 {
        return Err(DataError::new(name, DataErrorKind::Empty));
    }
    let data = &bytes[end..];
    let needed = count
        .checked_mul(dtype.size)
        .ok_or_else(|| data_err(format!("shape {} is too large", shape_text(&shape))))?;
    if data.len() < needed {
        return Err(data_err(format!(
            "the data is truncated: shape {} of '{descr}' needs {needed} bytes, the file has {}",
            shape_text(&shape),
            data.len()
        )));
    }
    let values: Vec<f64> = data[..needed]
        .chunks_exact(dtype.size)
        .map(|b| dtype.decode(b))
        .collect();
    let mut columns = vec![Vec::with_capacity(d * r); c];
    for k in 0..d {
        for i in 0..r {
            for (j, col) in columns.iter_mut().enumerate() {
                let idx = if fortran {
                    k + d * (i + r * j)
                } else {
                    (k * r + i) * c + j
                };
                col.push(values[idx]);
            }
        }
    }
    Ok(Table {
        columns,
        names: Vec::new(),
        meta: Vec::new(),
        blocks: (0..d).map(|k| k * r).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dtypes() {
        let d = parse_dtype(">i2").unwrap();
        assert_eq!(d.decode(&[0xff, 0xfe]), -2.0);
        let d = parse_dtype("<i1").unwrap();
        assert_eq!(d.decode(&[0x80]), -128.0);
        let d = parse_dtype("<u4").unwrap();
        assert_eq!(d.decode(&[0xff, 0xff, 0xff, 0xff]), 4294967295.0);
        let d = parse_dtype("|b1").unwrap();
        assert_eq!(d.decode(&[2]), 1.0);
        let d = parse_dtype(">f4").unwrap();
        assert_eq!(d.decode(&1.5f32.to_be_bytes()), 1.5);
        assert!(parse_dtype("<c16").is_none());
        assert!(parse_dtype("<f2").is_none());
        assert!(parse_dtype("|O").is_none());
        assert!(parse_dtype("<U5").is_none());
    }

    #[test]
    fn header_dict() {
        let h = parse_header("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }  \n")
            .unwrap();
        assert_eq!(h.descr.as_deref(), Some("<f8"));
        assert_eq!(h.fortran, Some(false));
        assert_eq!(h.shape, Some(vec![3, 4]));
        let h = parse_header("{'descr': '|u1', 'fortran_order': True, 'shape': (5,)}").unwrap();
        assert_eq!(h.shape, Some(vec![5]));
        let h =
            parse_header("{'descr': [('a', '<i4')], 'fortran_order': False, 'shape': ()}").unwrap();
        assert_eq!(h.descr.as_deref(), Some("[('a', '<i4')]"));
        assert_eq!(h.shape, Some(vec![]));
        assert!(parse_header("not a dict").is_err());
        assert!(parse_header("{'shape': (a, b)}").is_err());
    }
}
