//! JSON plot specs with GRM's key names: [`Figure::from_json`] and [`Figure::to_json`].
//!
//! Shape: `{"size": [w, h], "background_color": ..., "subplots": [{plot keys...,
//! "series": [{series keys...}]}]}`; plot keys may stand at the top level instead of
//! `subplots` (one subplot), and series keys in a subplot instead of `series` (one series).
//! Unknown keys and wrong types are errors naming the key path.
//!
//! Figure keys: `size` ([w, h] px), `dpi`, `background_color` ("#rrggbb", [r, g, b] in
//! 0..=1, a GR colour index, or null for transparent), `subplots`.
//!
//! Subplot keys: `rows`, `cols`, `row`, `col`, `rowspan`, `colspan` (grid position, row 0 at
//! the top), `kind`, `title`, `x_label`, `y_label`, `z_label`, `twin_x_label`,
//! `twin_y_label`, `x_lim`/`y_lim`/`z_lim` ([min, max]), `x_log`/`y_log`/`z_log`,
//! `x_flip`/`y_flip`/`z_flip`, `grid`, `colormap` (name or 0..=47, negative reversed),
//! `colorbar`, `keep_aspect_ratio`, `legend`, `location` (matplotlib name or 0..=10),
//! `levels`, `bins`, `rotation`, `tilt`, `style` (default/stacked/lined), `orientation`
//! (vertical/horizontal), `step_where` (pre/mid/post), `xform`, `marginal_heatmap_kind`,
//! `series`.
//!
//! Series keys: `x`, `y`, `z` (flat, x fastest, or nested rows), `c`, `s`, `u`, `v`,
//! `weights`, `bin_edges`, `error`, `spec` (alias `line_spec`), `label`, `labels`, `kind`,
//! `twin_x`, `twin_y`. In number arrays `null` is NaN (a gap).

use serde_json::{json, Map, Value};

use crate::error::{invalid, Result};
use crate::figure::{Color, Figure};
use crate::kinds::Kind;
use crate::plot::{
    BarStyle, Colormap, GridPos, Location, Orientation, Plot, Series, StepWhere, ZShape,
};

const FIGURE_KEYS: &[&str] = &["size", "dpi", "background_color", "subplots"];
const PLOT_KEYS: &[&str] = &[
    "row",
    "col",
    "rowspan",
    "colspan",
    "rows",
    "cols",
    "kind",
    "title",
    "x_label",
    "y_label",
    "z_label",
    "x_lim",
    "y_lim",
    "z_lim",
    "x_log",
    "y_log",
    "z_log",
    "x_flip",
    "y_flip",
    "z_flip",
    "grid",
    "colormap",
    "colorbar",
    "keep_aspect_ratio",
    "legend",
    "location",
    "levels",
    "bins",
    "rotation",
    "tilt",
    "style",
    "orientation",
    "step_where",
    "xform",
    "marginal_heatmap_kind",
    "twin_y_label",
    "twin_x_label",
    "isovalue",
    "algorithm",
    "series",
];
const SERIES_KEYS: &[&str] = &[
    "x",
    "y",
    "z",
    "c",
    "s",
    "u",
    "v",
    "weights",
    "bin_edges",
    "error",
    "spec",
    "line_spec",
    "label",
    "kind",
    "twin_y",
    "twin_x",
    "dims",
];

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

/// An object whose keys are taken one by one; leftovers are errors.
struct Obj<'a> {
    map: &'a Map<String, Value>,
    prefix: String,
    taken: Vec<&'a str>,
}

impl<'a> Obj<'a> {
    fn new(v: &'a Value, path: &str) -> Result<Self> {
        let map = v.as_object().ok_or_else(|| {
            invalid(
                if path.is_empty() { "(root)" } else { path },
                "expected an object",
            )
        })?;
        Ok(Obj {
            map,
            prefix: path.to_string(),
            taken: Vec::new(),
        })
    }
    fn get(&mut self, key: &'static str) -> Option<(&'a Value, String)> {
        let (k, v) = self.map.get_key_value(key)?;
        if self.taken.contains(&k.as_str()) {
            return None;
        }
        self.taken.push(k.as_str());
        Some((v, join(&self.prefix, key)))
    }
    fn has(&self, keys: &[&str]) -> bool {
        keys.iter()
            .any(|k| self.map.contains_key(*k) && !self.taken.contains(k))
    }
    fn finish(self, allowed: &[&[&str]]) -> Result<()> {
        for k in self.map.keys() {
            if !self.taken.contains(&k.as_str()) {
                let known: Vec<&str> = allowed.iter().flat_map(|a| a.iter().copied()).collect();
                return Err(invalid(
                    join(&self.prefix, k),
                    format!("unknown key; known keys here: {}", known.join(", ")),
                ));
            }
        }
        Ok(())
    }
}

fn num(v: &Value, p: &str) -> Result<f64> {
    v.as_f64().ok_or_else(|| invalid(p, "expected a number"))
}
fn uint(v: &Value, p: &str) -> Result<usize> {
    v.as_u64()
        .map(|u| u as usize)
        .ok_or_else(|| invalid(p, "expected a whole number >= 0"))
}
fn int(v: &Value, p: &str) -> Result<i64> {
    v.as_i64()
        .ok_or_else(|| invalid(p, "expected a whole number"))
}
fn boolean(v: &Value, p: &str) -> Result<bool> {
    v.as_bool()
        .ok_or_else(|| invalid(p, "expected true or false"))
}
fn string(v: &Value, p: &str) -> Result<String> {
    v.as_str()
        .map(str::to_string)
        .ok_or_else(|| invalid(p, "expected a string"))
}
/// An array of numbers; `null` stands for NaN (a gap).
fn numbers(v: &Value, p: &str) -> Result<Vec<f64>> {
    let a = v
        .as_array()
        .ok_or_else(|| invalid(p, "expected an array of numbers"))?;
    a.iter()
        .map(|x| match x {
            Value::Null => Ok(f64::NAN),
            _ => x
                .as_f64()
                .ok_or_else(|| invalid(p, "expected an array of numbers")),
        })
        .collect()
}
fn pair(v: &Value, p: &str) -> Result<[f64; 2]> {
    let a = numbers(v, p).map_err(|_| invalid(p, "expected [min, max]"))?;
    match a[..] {
        [lo, hi] => Ok([lo, hi]),
        _ => Err(invalid(p, "expected [min, max]")),
    }
}

fn color(v: &Value, p: &str) -> Result<Option<Color>> {
    Ok(Some(match v {
        Value::Null => return Ok(None),
        Value::Number(_) => Color::Index(int(v, p)? as i32),
        Value::String(s) => {
            let h = s.strip_prefix('#').filter(|h| h.len() == 6 && h.is_ascii());
            let h =
                h.ok_or_else(|| invalid(p, "expected \"#rrggbb\", [r, g, b], an index or null"))?;
            let c = |i: usize| {
                u8::from_str_radix(&h[i..i + 2], 16)
                    .map(|b| b as f64 / 255.0)
                    .map_err(|_| invalid(p, "expected \"#rrggbb\" with hex digits"))
            };
            Color::Rgb(c(0)?, c(2)?, c(4)?)
        }
        Value::Array(_) => {
            let a = numbers(v, p)?;
            match a[..] {
                [r, g, b] => Color::Rgb(r, g, b),
                _ => return Err(invalid(p, "expected [r, g, b] with components in 0..=1")),
            }
        }
        _ => {
            return Err(invalid(
                p,
                "expected \"#rrggbb\", [r, g, b], an index or null",
            ))
        }
    }))
}

fn z_values(v: &Value, p: &str) -> Result<(Vec<f64>, Option<ZShape>)> {
    let a = v
        .as_array()
        .ok_or_else(|| invalid(p, "expected an array of numbers or of rows"))?;
    if !a.iter().any(Value::is_array) {
        return Ok((numbers(v, p)?, None));
    }
    let mut out = Vec::new();
    let mut nx = None;
    for (j, row) in a.iter().enumerate() {
        let rp = format!("{p}[{j}]");
        let r = numbers(row, &rp)?;
        match nx {
            None => nx = Some(r.len()),
            Some(n) if n != r.len() => {
                return Err(invalid(
                    rp,
                    format!(
                        "has {} values but row 0 has {n}; all rows need the same length",
                        r.len()
                    ),
                ))
            }
            _ => {}
        }
        out.extend(r);
    }
    Ok((
        out,
        Some(ZShape {
            nx: nx.unwrap_or(0),
            ny: a.len(),
        }),
    ))
}

/// `c` as a flat array, or as a volume: nested slices (nz) of rows (ny) of values (nx).
fn c_values(v: &Value, p: &str) -> Result<(Vec<f64>, Option<[usize; 3]>)> {
    let slices = match v.as_array() {
        Some(a) if a.iter().any(Value::is_array) => a,
        _ => return Ok((numbers(v, p)?, None)),
    };
    let mut out = Vec::new();
    let mut shape: Option<(usize, usize)> = None;
    for (k, slice) in slices.iter().enumerate() {
        let sp = format!("{p}[{k}]");
        let (vals, sh) = z_values(slice, &sp)?;
        let sh = sh.ok_or_else(|| invalid(&sp, "expected a slice: an array of rows"))?;
        match shape {
            None => shape = Some((sh.nx, sh.ny)),
            Some(s0) if s0 != (sh.nx, sh.ny) => {
                return Err(invalid(
                    sp,
                    format!(
                        "is {}×{} but slice 0 is {}×{}; all slices need the same shape",
                        sh.nx, sh.ny, s0.0, s0.1
                    ),
                ))
            }
            _ => {}
        }
        out.extend(vals);
    }
    let (nx, ny) = shape.unwrap_or((0, 0));
    Ok((out, Some([nx, ny, slices.len()])))
}

fn parse_series(o: &mut Obj) -> Result<Series> {
    let mut s = Series::default();
    macro_rules! arrays {
        ($($k:ident),*) => {$(
            if let Some((v, p)) = o.get(stringify!($k)) { s.$k = Some(numbers(v, &p)?); }
        )*};
    }
    arrays!(x, y, s, u, v, weights, bin_edges);
    if let Some((v, p)) = o.get("error") {
        match v {
            Value::Object(m) => {
                for k in m.keys() {
                    if k != "up" && k != "down" {
                        return Err(invalid(
                            format!("{p}.{k}"),
                            "unknown key; an error object has \"up\" and \"down\"",
                        ));
                    }
                }
                let up = m
                    .get("up")
                    .ok_or_else(|| invalid(format!("{p}.up"), "missing"))?;
                s.error = Some(numbers(up, &format!("{p}.up"))?);
                if let Some(down) = m.get("down") {
                    s.error_down = Some(numbers(down, &format!("{p}.down"))?);
                }
            }
            _ => s.error = Some(numbers(v, &p)?),
        }
    }
    if let Some((v, p)) = o.get("c") {
        let (c, dims) = c_values(v, &p)?;
        s.c = Some(c);
        s.dims = dims;
    }
    if let Some((v, p)) = o.get("dims") {
        let d = numbers(v, &p)?;
        match d[..] {
            [a, b, c] if [a, b, c].iter().all(|x| *x >= 1.0 && x.fract() == 0.0) => {
                s.dims = Some([a as usize, b as usize, c as usize])
            }
            _ => return Err(invalid(&p, "expected [nx, ny, nz] (whole numbers >= 1)")),
        }
    }
    if let Some((v, p)) = o.get("z") {
        let (z, shape) = z_values(v, &p)?;
        s.z = Some(z);
        s.z_shape = shape;
    }
    for key in ["spec", "line_spec"] {
        let key: &'static str = key;
        if let Some((v, p)) = o.get(key) {
            s.spec = Some(string(v, &p)?);
        }
    }
    if let Some((v, p)) = o.get("label") {
        s.label = Some(string(v, &p)?);
    }
    if let Some((v, p)) = o.get("labels") {
        let a = v
            .as_array()
            .ok_or_else(|| invalid(&p, "expected an array of strings"))?;
        s.labels = Some(
            a.iter()
                .map(|t| string(t, &p).map_err(|_| invalid(&p, "expected an array of strings")))
                .collect::<Result<_>>()?,
        );
    }
    if let Some((v, p)) = o.get("kind") {
        s.kind = Some(Kind::parse(&p, &string(v, &p)?)?);
    }
    if let Some((v, p)) = o.get("twin_y") {
        s.twin_y = boolean(v, &p)?;
    }
    if let Some((v, p)) = o.get("twin_x") {
        s.twin_x = boolean(v, &p)?;
    }
    Ok(s)
}

fn parse_plot(o: &mut Obj, extra: &[&[&str]]) -> Result<Plot> {
    let mut p = Plot::default();
    let mut pos = GridPos::default();
    macro_rules! take {
        ($key:literal, $f:expr) => {
            if let Some((v, path)) = o.get($key) {
                #[allow(clippy::redundant_closure_call)]
                ($f)(v, path)?;
            }
        };
    }
    take!("rows", |v, q: String| uint(v, &q).map(|n| pos.rows = n));
    take!("cols", |v, q: String| uint(v, &q).map(|n| pos.cols = n));
    take!("row", |v, q: String| uint(v, &q).map(|n| pos.row = n));
    take!("col", |v, q: String| uint(v, &q).map(|n| pos.col = n));
    take!("rowspan", |v, q: String| uint(v, &q)
        .map(|n| pos.rowspan = n));
    take!("colspan", |v, q: String| uint(v, &q)
        .map(|n| pos.colspan = n));
    p.pos = pos;
    take!("kind", |v, q: String| string(v, &q)
        .and_then(|s| Kind::parse(&q, &s))
        .map(|k| p.kind = k));
    take!("title", |v, q: String| string(v, &q)
        .map(|s| p.title = Some(s)));
    take!("x_label", |v, q: String| string(v, &q)
        .map(|s| p.x_label = Some(s)));
    take!("y_label", |v, q: String| string(v, &q)
        .map(|s| p.y_label = Some(s)));
    take!("z_label", |v, q: String| string(v, &q)
        .map(|s| p.z_label = Some(s)));
    take!("twin_y_label", |v, q: String| string(v, &q)
        .map(|s| p.twin_y_label = Some(s)));
    take!("twin_x_label", |v, q: String| string(v, &q)
        .map(|s| p.twin_x_label = Some(s)));
    take!("isovalue", |v, q: String| num(v, &q)
        .map(|n| p.isovalue = Some(n)));
    take!("algorithm", |v: &Value, q: String| -> Result<()> {
        p.algorithm = match v {
            Value::String(s) => match s.as_str() {
                "emission" => 0,
                "absorption" => 1,
                "mip" | "maximum" => 2,
                _ => {
                    return Err(invalid(
                        &q,
                        "expected \"emission\", \"absorption\" or \"mip\" (or 0, 1, 2)",
                    ))
                }
            },
            _ => match int(v, &q)? {
                n @ 0..=2 => n as i32,
                _ => {
                    return Err(invalid(
                        &q,
                        "expected 0 (emission), 1 (absorption) or 2 (mip)",
                    ))
                }
            },
        };
        Ok(())
    });
    take!("x_lim", |v, q: String| pair(v, &q)
        .map(|l| p.x_lim = Some(l)));
    take!("y_lim", |v, q: String| pair(v, &q)
        .map(|l| p.y_lim = Some(l)));
    take!("z_lim", |v, q: String| pair(v, &q)
        .map(|l| p.z_lim = Some(l)));
    take!("x_log", |v, q: String| boolean(v, &q).map(|b| p.x_log = b));
    take!("y_log", |v, q: String| boolean(v, &q).map(|b| p.y_log = b));
    take!("z_log", |v, q: String| boolean(v, &q).map(|b| p.z_log = b));
    take!("x_flip", |v, q: String| boolean(v, &q)
        .map(|b| p.x_flip = b));
    take!("y_flip", |v, q: String| boolean(v, &q)
        .map(|b| p.y_flip = b));
    take!("z_flip", |v, q: String| boolean(v, &q)
        .map(|b| p.z_flip = b));
    take!("grid", |v, q: String| boolean(v, &q).map(|b| p.grid = b));
    take!("colorbar", |v, q: String| boolean(v, &q)
        .map(|b| p.colorbar = Some(b)));
    take!("legend", |v, q: String| boolean(v, &q)
        .map(|b| p.legend = Some(b)));
    take!("keep_aspect_ratio", |v, q: String| boolean(v, &q)
        .map(|b| p.keep_aspect_ratio = b));
    take!("colormap", |v: &Value, q: String| -> Result<()> {
        p.colormap = match v {
            Value::String(s) => Colormap::Name(s.clone()),
            _ => Colormap::Number(
                int(v, &q).map_err(|_| invalid(&q, "expected a colormap name or number"))? as i32,
            ),
        };
        Ok(())
    });
    take!("location", |v: &Value, q: String| -> Result<()> {
        let l = match v {
            Value::String(s) => Location::from_name(s),
            _ => int(v, &q).ok().and_then(Location::from_code),
        };
        p.location = l.ok_or_else(|| {
            invalid(&q, "expected a matplotlib location: 0..=10 or a name such as \"upper right\" or \"best\"")
        })?;
        Ok(())
    });
    take!("levels", |v, q: String| uint(v, &q).map(|n| p.levels = n));
    take!("bins", |v, q: String| uint(v, &q).map(|n| p.bins = Some(n)));
    take!("rotation", |v, q: String| num(v, &q)
        .map(|n| p.rotation = n));
    take!("tilt", |v, q: String| num(v, &q).map(|n| p.tilt = n));
    take!("xform", |v, q: String| int(v, &q)
        .map(|n| p.xform = n as i32));
    take!("marginal_heatmap_kind", |v, q: String| string(v, &q)
        .map(|s| p.marginal_heatmap_kind = s));
    take!("style", |v: &Value, q: String| -> Result<()> {
        p.style = match string(v, &q)?.as_str() {
            "default" => BarStyle::Default,
            "stacked" => BarStyle::Stacked,
            "lined" => BarStyle::Lined,
            _ => {
                return Err(invalid(
                    &q,
                    "expected \"default\", \"stacked\" or \"lined\"",
                ))
            }
        };
        Ok(())
    });
    take!("orientation", |v: &Value, q: String| -> Result<()> {
        p.orientation = match string(v, &q)?.as_str() {
            "vertical" => Orientation::Vertical,
            "horizontal" => Orientation::Horizontal,
            _ => return Err(invalid(&q, "expected \"vertical\" or \"horizontal\"")),
        };
        Ok(())
    });
    take!("step_where", |v: &Value, q: String| -> Result<()> {
        p.step_where = match string(v, &q)?.as_str() {
            "pre" => StepWhere::Pre,
            "mid" => StepWhere::Mid,
            "post" => StepWhere::Post,
            _ => return Err(invalid(&q, "expected \"pre\", \"mid\" or \"post\"")),
        };
        Ok(())
    });
    if let Some((v, q)) = o.get("series") {
        let a = v
            .as_array()
            .ok_or_else(|| invalid(&q, "expected an array of series objects"))?;
        for (i, s) in a.iter().enumerate() {
            let mut so = Obj::new(s, &format!("{q}[{i}]"))?;
            p.series.push(parse_series(&mut so)?);
            so.finish(&[SERIES_KEYS])?;
        }
    } else if o.has(SERIES_KEYS) {
        p.series.push(parse_series(o)?);
    }
    let _ = extra;
    Ok(p)
}

impl Figure {
    /// Builds a figure from a JSON plot spec (keys: see the [crate docs](crate)).
    pub fn from_json(v: &Value) -> Result<Figure> {
        let mut o = Obj::new(v, "")?;
        let mut fig = Figure::default();
        if let Some((v, p)) = o.get("dpi") {
            fig.dpi = num(v, &p)?;
        }
        if let Some((v, p)) = o.get("size") {
            let [w, h] =
                pair(v, &p).map_err(|_| invalid(&p, "expected [width, height] in pixels"))?;
            fig = fig.with_size_px(w, h)?;
        }
        if let Some((v, p)) = o.get("background_color") {
            fig.background = color(v, &p)?;
        }
        if let Some((v, p)) = o.get("subplots") {
            let a = v
                .as_array()
                .ok_or_else(|| invalid(&p, "expected an array of subplot objects"))?;
            for (i, s) in a.iter().enumerate() {
                let mut so = Obj::new(s, &format!("subplots[{i}]"))?;
                fig.plots.push(parse_plot(&mut so, &[])?);
                so.finish(&[PLOT_KEYS, SERIES_KEYS])?;
            }
            o.finish(&[FIGURE_KEYS])?;
        } else {
            fig.plots.push(parse_plot(&mut o, &[])?);
            o.finish(&[FIGURE_KEYS, PLOT_KEYS, SERIES_KEYS])?;
        }
        Ok(fig)
    }

    /// [`Figure::from_json`] of a JSON text.
    pub fn from_json_str(s: &str) -> Result<Figure> {
        let v: Value = serde_json::from_str(s)
            .map_err(|e| invalid("(root)", format!("not valid JSON: {e}")))?;
        Figure::from_json(&v)
    }

    /// The figure as a JSON plot spec (full form, non-default keys only);
    /// `from_json(&to_json())` gives back an equal figure.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("size".into(), json!([self.width, self.height]));
        if self.dpi != 100.0 {
            m.insert("dpi".into(), json!(self.dpi));
        }
        if self.background != Some(Color::WHITE) {
            m.insert(
                "background_color".into(),
                match self.background {
                    None => Value::Null,
                    Some(Color::Index(i)) => json!(i),
                    Some(Color::Rgb(r, g, b)) => json!([r, g, b]),
                },
            );
        }
        m.insert(
            "subplots".into(),
            Value::Array(self.plots.iter().map(plot_json).collect()),
        );
        Value::Object(m)
    }
}

fn nums(a: &[f64]) -> Value {
    Value::Array(
        a.iter()
            .map(|&v| if v.is_finite() { json!(v) } else { Value::Null })
            .collect(),
    )
}

fn plot_json(p: &Plot) -> Value {
    let d = Plot::default();
    let mut m = Map::new();
    let pos = p.pos;
    for (k, v) in [
        ("rows", pos.rows),
        ("cols", pos.cols),
        ("row", pos.row),
        ("col", pos.col),
        ("rowspan", pos.rowspan),
        ("colspan", pos.colspan),
    ] {
        m.insert(k.into(), json!(v));
    }
    m.insert("kind".into(), json!(p.kind.name()));
    let mut put = |k: &str, v: Value| {
        m.insert(k.into(), v);
    };
    for (k, v) in [
        ("title", &p.title),
        ("x_label", &p.x_label),
        ("y_label", &p.y_label),
        ("z_label", &p.z_label),
        ("twin_y_label", &p.twin_y_label),
        ("twin_x_label", &p.twin_x_label),
    ] {
        if let Some(v) = v {
            put(k, json!(v));
        }
    }
    if let Some(iso) = p.isovalue {
        put("isovalue", json!(iso));
    }
    if p.algorithm != d.algorithm {
        put("algorithm", json!(p.algorithm));
    }
    for (k, v) in [("x_lim", p.x_lim), ("y_lim", p.y_lim), ("z_lim", p.z_lim)] {
        if let Some(l) = v {
            put(k, nums(&l));
        }
    }
    for (k, v, dv) in [
        ("x_log", p.x_log, d.x_log),
        ("y_log", p.y_log, d.y_log),
        ("z_log", p.z_log, d.z_log),
        ("x_flip", p.x_flip, d.x_flip),
        ("y_flip", p.y_flip, d.y_flip),
        ("z_flip", p.z_flip, d.z_flip),
        ("grid", p.grid, d.grid),
        (
            "keep_aspect_ratio",
            p.keep_aspect_ratio,
            d.keep_aspect_ratio,
        ),
    ] {
        if v != dv {
            put(k, json!(v));
        }
    }
    if let Some(b) = p.colorbar {
        put("colorbar", json!(b));
    }
    if let Some(b) = p.legend {
        put("legend", json!(b));
    }
    match &p.colormap {
        Colormap::Name(n) => put("colormap", json!(n)),
        Colormap::Number(n) => put("colormap", json!(n)),
    }
    put("location", json!(p.location.name()));
    put("levels", json!(p.levels));
    if let Some(b) = p.bins {
        put("bins", json!(b));
    }
    put("rotation", json!(p.rotation));
    put("tilt", json!(p.tilt));
    put("xform", json!(p.xform));
    put(
        "style",
        json!(match p.style {
            BarStyle::Default => "default",
            BarStyle::Stacked => "stacked",
            BarStyle::Lined => "lined",
        }),
    );
    put(
        "orientation",
        json!(match p.orientation {
            Orientation::Vertical => "vertical",
            Orientation::Horizontal => "horizontal",
        }),
    );
    put(
        "step_where",
        json!(match p.step_where {
            StepWhere::Pre => "pre",
            StepWhere::Mid => "mid",
            StepWhere::Post => "post",
        }),
    );
    put("marginal_heatmap_kind", json!(p.marginal_heatmap_kind));
    put(
        "series",
        Value::Array(p.series.iter().map(series_json).collect()),
    );
    Value::Object(m)
}

fn series_json(s: &Series) -> Value {
    let mut m = Map::new();
    for (k, v) in [
        ("x", &s.x),
        ("y", &s.y),
        ("s", &s.s),
        ("u", &s.u),
        ("v", &s.v),
        ("weights", &s.weights),
        ("bin_edges", &s.bin_edges),
    ] {
        if let Some(a) = v {
            m.insert(k.into(), nums(a));
        }
    }
    match (&s.error, &s.error_down) {
        (Some(up), Some(down)) => {
            m.insert("error".into(), json!({"up": nums(up), "down": nums(down)}));
        }
        (Some(e), None) => {
            m.insert("error".into(), nums(e));
        }
        _ => {}
    }
    if let Some(c) = &s.c {
        let v = match s.dims {
            Some([nx, ny, nz]) if nx > 0 && ny > 0 && nx * ny * nz == c.len() => Value::Array(
                c.chunks(nx * ny)
                    .map(|slice| Value::Array(slice.chunks(nx).map(nums).collect()))
                    .collect(),
            ),
            _ => nums(c),
        };
        m.insert("c".into(), v);
    }
    if let Some(z) = &s.z {
        let v = match s.z_shape {
            Some(ZShape { nx, ny }) if nx > 0 && nx * ny == z.len() => {
                Value::Array(z.chunks(nx).map(nums).collect())
            }
            _ => nums(z),
        };
        m.insert("z".into(), v);
    }
    if let Some(v) = &s.spec {
        m.insert("spec".into(), json!(v));
    }
    if let Some(v) = &s.label {
        m.insert("label".into(), json!(v));
    }
    if let Some(v) = &s.labels {
        m.insert("labels".into(), json!(v));
    }
    if let Some(k) = s.kind {
        m.insert("kind".into(), json!(k.name()));
    }
    if s.twin_y {
        m.insert("twin_y".into(), json!(true));
    }
    if s.twin_x {
        m.insert("twin_x".into(), json!(true));
    }
    Value::Object(m)
}
