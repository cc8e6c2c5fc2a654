//! Turns a data table plus `key:value` parameters into the JSON plot spec that
//! `grm::Figure::from_json` renders, following GR's grplot rules for which columns are what.
//!
//! Shape of the result:
//! `{"size": [w, h], "subplots": [{"kind": …, <subplot keys>, "series": [{"x": …, "y": …,
//! "z": …, "label": …, "spec": …}]}]}`. Matrices (`z`, `u`, `v`) are nested rows; volumes
//! (`c`) are nested slices of rows. NaN and infinite values are written as JSON `null`.

use serde_json::{json, Map, Value};

use grm::data::Table;

use crate::cli::{parse_meta, CliError, KeyValue};
use crate::keys::{self, Scope, Shape};

/// Default figure size, GR's grplot window size.
pub const DEFAULT_SIZE: [u32; 2] = [600, 450];

/// Builds the plot spec for `table` with the command-line parameters `kvs` (which override
/// the file's `# key: value` headers).
pub fn build_spec(table: &Table, kvs: &[KeyValue]) -> Result<Value, CliError> {
    build_spec_with_notes(table, kvs).map(|(v, _)| v)
}

/// [`build_spec`] plus notes for the user (ignored header keys, unused columns, kind
/// switches), printed by the CLI on stderr.
pub fn build_spec_with_notes(
    table: &Table,
    kvs: &[KeyValue],
) -> Result<(Value, Vec<String>), CliError> {
    let nrows = table.nrows();
    if nrows == 0 || table.columns.iter().any(|c| c.len() != nrows) {
        return Err(CliError::Input(
            "the table is empty or its columns differ in length; every column needs the same number of values"
                .into(),
        ));
    }
    let mut notes = Vec::new();
    let mut params: Vec<KeyValue> = Vec::new();
    for (k, v) in &table.meta {
        match parse_meta(k, v) {
            Ok(Some(kv)) => params.push(kv),
            Ok(None) => notes.push(format!(
                "file header key '{k}' is not a grplot key; ignored"
            )),
            Err(m) => return Err(CliError::Input(m)),
        }
    }
    params.extend(kvs.iter().cloned());
    let p = Params(&params);

    let mut kind = p.str("kind").unwrap_or("line").to_string();
    let mut info =
        keys::kind(&kind).ok_or_else(|| CliError::Input(format!("unknown kind '{kind}'")))?;
    let cols = select_columns(table, p.get("columns"))?;

    // GR's grplot switches big line/scatter tables to a heatmap.
    if matches!(kind.as_str(), "line" | "scatter")
        && !p.flag("scatter_z")
        && nrows >= 50
        && cols.len() >= 50
    {
        notes.push(format!(
            "{nrows}x{} values are too many for a {kind} plot; drawing a heatmap (give kind: explicitly to change)",
            cols.len()
        ));
        kind = "heatmap".into();
        info = keys::kind("heatmap").unwrap_or(info);
    }
    let needs_blocks = matches!(info.shape, Shape::TwoGrids | Shape::Volume);
    if table.blocks.len() > 1 && !needs_blocks {
        notes.push(format!(
            "the file has {} blank-line separated blocks; they are read as one table (kind:volume, isosurface and quiver use them as separate matrices)",
            table.blocks.len()
        ));
    }

    let ctx = Ctx {
        table,
        cols: &cols,
        p: &p,
        kind: &kind,
    };
    let series = match info.shape {
        Shape::Series if kind == "scatter" && p.flag("scatter_z") => ctx.xyz(&mut notes)?,
        Shape::Series => ctx.line_series()?,
        Shape::OneColumn => ctx.one_column(&mut notes)?,
        Shape::Grid => vec![ctx.grid()?],
        Shape::Xyz => ctx.xyz(&mut notes)?,
        Shape::Xy => ctx.xy(&mut notes)?,
        Shape::TwoGrids => vec![ctx.quiver()?],
        Shape::Volume => vec![ctx.volume()?],
        Shape::Pie => vec![ctx.pie(&mut notes)?],
    };

    let mut subplot = Map::new();
    subplot.insert("kind".into(), json!(kind));
    let mut root = Map::new();
    root.insert("size".into(), json!(DEFAULT_SIZE));
    let mut series_keys = Map::new();
    for kv in &params {
        match kv.info().scope {
            Scope::Root => {
                root.insert(kv.key.into(), kv.value.clone());
            }
            Scope::Subplot if kv.key != "kind" => {
                subplot.insert(kv.key.into(), kv.value.clone());
            }
            Scope::Series => {
                series_keys.insert(kv.key.into(), kv.value.clone());
            }
            _ => {}
        }
    }
    let series: Vec<Value> = series
        .into_iter()
        .map(|mut s| {
            for (k, v) in &series_keys {
                match (k.as_str(), s.get_mut(k)) {
                    // Error-bar style settings join the error data built from the columns.
                    ("error", Some(Value::Object(e))) => {
                        if let Value::Object(extra) = v {
                            for (ek, ev) in extra {
                                e.insert(ek.clone(), ev.clone());
                            }
                        }
                    }
                    _ => {
                        s.insert(k.clone(), v.clone());
                    }
                }
            }
            Value::Object(s)
        })
        .collect();
    subplot.insert("series".into(), Value::Array(series));
    root.insert("subplots".into(), json!([subplot]));
    Ok((Value::Object(root), notes))
}

/// The parameters in effect (later entries override earlier ones).
struct Params<'a>(&'a [KeyValue]);

impl Params<'_> {
    fn get(&self, key: &str) -> Option<&Value> {
        self.0
            .iter()
            .rev()
            .find(|kv| kv.key == key)
            .map(|kv| &kv.value)
    }
    fn str(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(Value::as_str)
    }
    fn flag(&self, key: &str) -> bool {
        self.get(key).and_then(Value::as_bool).unwrap_or(false)
    }
    fn pair(&self, key: &str) -> Option<(f64, f64)> {
        let a = self.get(key)?.as_array()?;
        Some((a.first()?.as_f64()?, a.get(1)?.as_f64()?))
    }
    fn columns(&self, key: &str, table: &Table) -> Result<Vec<usize>, CliError> {
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(v) => expand_columns(key, v, table.ncols()),
        }
    }
}

/// Expands a parsed `columns` value (with the `-1` open-end marker) and checks the range.
fn expand_columns(key: &str, v: &Value, ncols: usize) -> Result<Vec<usize>, CliError> {
    let mut list: Vec<i64> = v
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_i64).collect())
        .unwrap_or_default();
    if list.last() == Some(&-1) {
        list.pop();
        if let Some(start) = list.pop() {
            // `start` itself is checked below, so `9:` on 5 columns is reported.
            list.push(start);
            list.extend(start + 1..ncols as i64);
        }
    }
    let mut out = Vec::with_capacity(list.len());
    for c in list {
        let c = c as usize;
        if c >= ncols {
            return Err(CliError::Input(format!(
                "{key}: column {c} does not exist; the file has {ncols} columns, numbered 0 to {} as in GR's grplot",
                ncols.saturating_sub(1)
            )));
        }
        out.push(c);
    }
    Ok(out)
}

fn select_columns(table: &Table, v: Option<&Value>) -> Result<Vec<usize>, CliError> {
    match v {
        None => Ok((0..table.ncols()).collect()),
        Some(v) => {
            let c = expand_columns("columns", v, table.ncols())?;
            if c.is_empty() {
                return Err(CliError::Input("columns: selects no column".into()));
            }
            Ok(c)
        }
    }
}

/// Numbers as JSON; NaN and infinities become `null`.
fn nums(v: &[f64]) -> Value {
    Value::Array(
        v.iter()
            .map(|&x| serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number))
            .collect(),
    )
}

fn rows_json(rows: &[Vec<f64>]) -> Value {
    Value::Array(rows.iter().map(|r| nums(r)).collect())
}

/// `n` evenly spaced values from `a` to `b` (just `a` when `n` is 1).
fn linspace(a: f64, b: f64, n: usize) -> Vec<f64> {
    if n <= 1 {
        return vec![a; n];
    }
    (0..n)
        .map(|i| a + (b - a) * i as f64 / (n - 1) as f64)
        .collect()
}

fn finite_min_max<'a>(vals: impl IntoIterator<Item = &'a f64>) -> Option<(f64, f64)> {
    let mut mm: Option<(f64, f64)> = None;
    for &v in vals {
        if v.is_finite() {
            mm = Some(mm.map_or((v, v), |(a, b)| (a.min(v), b.max(v))));
        }
    }
    mm
}

/// Maps the finite range of `data` linearly onto `range` (GR's x_range/y_range/z_range).
fn rescale(data: &mut [&mut Vec<f64>], range: (f64, f64)) {
    let Some((lo, hi)) = finite_min_max(data.iter().flat_map(|c| c.iter())) else {
        return;
    };
    let span = hi - lo;
    for col in data.iter_mut() {
        for v in col.iter_mut() {
            *v = if span == 0.0 {
                range.0
            } else {
                range.0 + (range.1 - range.0) * (*v - lo) / span
            };
        }
    }
}

/// x, y and error column indices.
type XyeColumns = (Vec<usize>, Vec<usize>, Vec<usize>);
/// Grid x values, y values, and z as rows.
type GridData = (Vec<f64>, Vec<f64>, Vec<Vec<f64>>);

struct Ctx<'a> {
    table: &'a Table,
    cols: &'a [usize],
    p: &'a Params<'a>,
    kind: &'a str,
}

impl Ctx<'_> {
    fn col(&self, c: usize) -> Vec<f64> {
        self.table.columns[c].clone()
    }

    fn label(&self, c: usize) -> Option<Value> {
        self.table
            .name(c)
            .filter(|n| !n.is_empty())
            .map(|n| json!(n))
    }

    fn need(&self, n: usize, what: &str) -> Result<(), CliError> {
        if self.cols.len() < n {
            return Err(CliError::Input(format!(
                "kind:{} needs {what}; the data has {} column{}",
                self.kind,
                self.cols.len(),
                if self.cols.len() == 1 { "" } else { "s" }
            )));
        }
        Ok(())
    }

    fn positions(&self, default: (f64, f64)) -> Vec<f64> {
        let (a, b) = self.p.pair("x_range").unwrap_or(default);
        linspace(a, b, self.table.nrows())
    }

    /// x, y and error columns of the line-like kinds (grplot's x_columns, y_columns,
    /// error_columns and xye_file).
    fn xye_columns(&self) -> Result<XyeColumns, CliError> {
        let t = self.table;
        let equal = self.p.flag("equal_up_and_down_error");
        if self.p.flag("xye_file") {
            let need = if equal { 3 } else { 4 };
            if t.ncols() < need {
                return Err(CliError::Input(format!(
                    "xye_file:1 needs {need} columns (x, y, error{}); the file has {}",
                    if equal { "" } else { " up, error down" },
                    t.ncols()
                )));
            }
            let e = if equal { vec![2] } else { vec![2, 3] };
            return Ok((vec![0], vec![1], e));
        }
        let x = self.p.columns("x_columns", t)?;
        let e = self.p.columns("error_columns", t)?;
        let y = match self.p.columns("y_columns", t)? {
            y if !y.is_empty() => y,
            _ => self
                .cols
                .iter()
                .copied()
                .filter(|c| !x.contains(c) && !e.contains(c))
                .collect(),
        };
        if y.is_empty() {
            return Err(CliError::Input(format!(
                "kind:{} has no y column left after x_columns and error_columns",
                self.kind
            )));
        }
        Ok((x, y, e))
    }

    fn line_series(&self) -> Result<Vec<Map<String, Value>>, CliError> {
        let (xcols, mut ycols, ecols) = self.xye_columns()?;
        let equal = self.p.flag("equal_up_and_down_error");
        let per = if equal { 1 } else { 2 };
        // Error columns per series: explicit ones, or grplot's groups (y, up, down) when the
        // error container is given without error_columns.
        let mut errors: Vec<Vec<usize>> = ecols.chunks(per).map(<[usize]>::to_vec).collect();
        if ecols.is_empty() && self.p.get("error").is_some() {
            let group = per + 1;
            if ycols.len() < group {
                return Err(CliError::Input(format!(
                    "error: needs {group} columns per series (y, {}); the data has {}",
                    if equal {
                        "error"
                    } else {
                        "error up, error down"
                    },
                    ycols.len()
                )));
            }
            let groups: Vec<Vec<usize>> = ycols
                .chunks(group)
                .filter(|g| g.len() == group)
                .map(<[usize]>::to_vec)
                .collect();
            ycols = groups.iter().map(|g| g[0]).collect();
            errors = groups.iter().map(|g| g[1..].to_vec()).collect();
        }
        let mut ys: Vec<Vec<f64>> = ycols.iter().map(|&c| self.col(c)).collect();
        if let Some(r) = self.p.pair("y_range") {
            rescale(&mut ys.iter_mut().collect::<Vec<_>>(), r);
        }
        let default_x = self.positions((0.0, self.table.nrows().saturating_sub(1) as f64));
        let mut out = Vec::new();
        for (i, (&yc, y)) in ycols.iter().zip(ys).enumerate() {
            let mut s = Map::new();
            let x = match xcols.get(i.min(xcols.len().saturating_sub(1))) {
                Some(&xc) if !xcols.is_empty() => self.col(xc),
                _ => default_x.clone(),
            };
            s.insert("x".into(), nums(&x));
            s.insert("y".into(), nums(&y));
            if let Some(l) = self.label(yc) {
                s.insert("label".into(), l);
            }
            if let Some(e) = errors.get(i) {
                let up = self.col(e[0]);
                let down = self.col(*e.get(1).unwrap_or(&e[0]));
                s.insert(
                    "error".into(),
                    json!({"up": nums(&up), "down": nums(&down)}),
                );
            }
            out.push(s);
        }
        Ok(out)
    }

    fn one_column(&self, notes: &mut Vec<String>) -> Result<Vec<Map<String, Value>>, CliError> {
        let mut s = Map::new();
        if self.kind != "barplot" {
            self.need(1, "one column of values")?;
            let c = self.cols[0];
            if self.cols.len() > 1 {
                notes.push(format!(
                    "kind:{} uses only column {c}; pick another with columns:N",
                    self.kind
                ));
            }
            s.insert("x".into(), nums(&self.col(c)));
            if let Some(l) = self.label(c) {
                s.insert("label".into(), l);
            }
            return Ok(vec![s]);
        }
        let (xcols, ycols, ecols) = self.xye_columns()?;
        let yc = ycols[0];
        if ycols.len() > 1 {
            notes.push(format!(
                "kind:barplot uses only column {yc}; pick another with columns:N"
            ));
        }
        let mut y = self.col(yc);
        if let Some(r) = self.p.pair("y_range") {
            rescale(&mut [&mut y], r);
        }
        let x = match xcols.first() {
            Some(&xc) => self.col(xc),
            None => self.positions((1.0, self.table.nrows() as f64)),
        };
        s.insert("x".into(), nums(&x));
        s.insert("y".into(), nums(&y));
        if let Some(l) = self.label(yc) {
            s.insert("label".into(), l);
        }
        if let Some(&up) = ecols.first() {
            let down = *ecols.get(1).unwrap_or(&up);
            s.insert(
                "error".into(),
                json!({"up": nums(&self.col(up)), "down": nums(&self.col(down))}),
            );
        }
        Ok(vec![s])
    }

    fn grid(&self) -> Result<Map<String, Value>, CliError> {
        let t = self.table;
        let (x, y, mut z): GridData = if self.p.flag("xyz_file") {
            self.need(3, "three columns x, y, z with xyz_file:1")?;
            grid_from_xyz(
                &self.col(self.cols[0]),
                &self.col(self.cols[1]),
                &self.col(self.cols[2]),
            )?
        } else if self.p.flag("use_bins") {
            self.use_bins()?
        } else {
            let (nr, nc) = (t.nrows(), self.cols.len());
            if nc < 2 || nr < 2 {
                return Err(CliError::Input(format!(
                    "kind:{} needs a matrix of at least 2x2 values; the data has {nr} row{} and {nc} column{}",
                    self.kind,
                    if nr == 1 { "" } else { "s" },
                    if nc == 1 { "" } else { "s" }
                )));
            }
            let (dx, dy) = if self.kind == "polar_heatmap" {
                ((0.0, 360.0), (0.0, 3.0))
            } else {
                ((0.0, (nc - 1) as f64), (0.0, (nr - 1) as f64))
            };
            let (xa, xb) = self.p.pair("x_range").unwrap_or(dx);
            let (ya, yb) = self.p.pair("y_range").unwrap_or(dy);
            let z = (0..nr)
                .map(|r| self.cols.iter().map(|&c| t.columns[c][r]).collect())
                .collect();
            (linspace(xa, xb, nc), linspace(ya, yb, nr), z)
        };
        if let Some(r) = self.p.pair("z_range") {
            rescale(&mut z.iter_mut().collect::<Vec<_>>(), r);
        }
        let mut s = Map::new();
        s.insert("x".into(), nums(&x));
        s.insert("y".into(), nums(&y));
        s.insert("z".into(), rows_json(&z));
        Ok(s)
    }

    /// use_bins:1 — the first row holds x (from the title row, or the first data row) and the
    /// first column holds y.
    fn use_bins(&self) -> Result<GridData, CliError> {
        let t = self.table;
        let title_x: Option<Vec<f64>> = (t.names.len() == t.ncols())
            .then(|| t.names[1..].iter().map(|n| n.trim().parse().ok()).collect())
            .flatten();
        let first_row = usize::from(title_x.is_none());
        let (nr, nc) = (
            t.nrows().saturating_sub(first_row),
            t.ncols().saturating_sub(1),
        );
        if nr < 2 || nc < 2 {
            return Err(CliError::Input(format!(
                "use_bins:1 needs x values in the first row, y values in the first column and at least 2x2 values; the data has {} rows and {} columns",
                t.nrows(),
                t.ncols()
            )));
        }
        let x = title_x.unwrap_or_else(|| (1..t.ncols()).map(|c| t.columns[c][0]).collect());
        let y = t.columns[0][first_row..].to_vec();
        let z = (first_row..t.nrows())
            .map(|r| (1..t.ncols()).map(|c| t.columns[c][r]).collect())
            .collect();
        Ok((x, y, z))
    }

    fn xyz(&self, notes: &mut Vec<String>) -> Result<Vec<Map<String, Value>>, CliError> {
        self.need(3, "three columns x, y, z")?;
        if self.cols.len() > 3 {
            notes.push(format!(
                "kind:{} uses the first 3 of {} columns; pick others with columns:",
                self.kind,
                self.cols.len()
            ));
        }
        let mut s = Map::new();
        for (i, (name, range)) in [("x", "x_range"), ("y", "y_range"), ("z", "z_range")]
            .iter()
            .enumerate()
        {
            let mut v = self.col(self.cols[i]);
            if let Some(r) = self.p.pair(range) {
                rescale(&mut [&mut v], r);
            }
            s.insert((*name).into(), nums(&v));
        }
        Ok(vec![s])
    }

    fn xy(&self, notes: &mut Vec<String>) -> Result<Vec<Map<String, Value>>, CliError> {
        self.need(2, "two columns x, y")?;
        if self.cols.len() > 2 {
            notes.push(format!(
                "kind:{} uses the first 2 of {} columns; pick others with columns:",
                self.kind,
                self.cols.len()
            ));
        }
        let mut s = Map::new();
        for (i, (name, range)) in [("x", "x_range"), ("y", "y_range")].iter().enumerate() {
            let mut v = self.col(self.cols[i]);
            if let Some(r) = self.p.pair(range) {
                rescale(&mut [&mut v], r);
            }
            s.insert((*name).into(), nums(&v));
        }
        Ok(vec![s])
    }

    fn block_matrices(&self, min: usize, what: &str) -> Result<Vec<Vec<Vec<f64>>>, CliError> {
        let ranges = self.table.block_ranges();
        if ranges.len() < min {
            return Err(CliError::Input(format!(
                "kind:{} needs {what} separated by blank lines; the file has {}",
                self.kind,
                ranges.len()
            )));
        }
        let n = ranges[0].len();
        if let Some((i, r)) = ranges.iter().enumerate().find(|(_, r)| r.len() != n) {
            return Err(CliError::Input(format!(
                "kind:{}: block {} has {} rows but block 1 has {n}; all matrices need the same size",
                self.kind,
                i + 1,
                r.len()
            )));
        }
        Ok(ranges
            .into_iter()
            .map(|r| {
                r.map(|row| {
                    self.cols
                        .iter()
                        .map(|&c| self.table.columns[c][row])
                        .collect()
                })
                .collect()
            })
            .collect())
    }

    fn quiver(&self) -> Result<Map<String, Value>, CliError> {
        let m = self.block_matrices(2, "two matrices (u, then v)")?;
        let (nr, nc) = (m[0].len(), self.cols.len());
        let (xa, xb) = self
            .p
            .pair("x_range")
            .unwrap_or((0.0, nc.saturating_sub(1) as f64));
        let (ya, yb) = self
            .p
            .pair("y_range")
            .unwrap_or((0.0, nr.saturating_sub(1) as f64));
        let mut s = Map::new();
        s.insert("x".into(), nums(&linspace(xa, xb, nc)));
        s.insert("y".into(), nums(&linspace(ya, yb, nr)));
        s.insert("u".into(), rows_json(&m[0]));
        s.insert("v".into(), rows_json(&m[1]));
        Ok(s)
    }

    fn volume(&self) -> Result<Map<String, Value>, CliError> {
        let m = self.block_matrices(2, "at least two matrices (slices)")?;
        let mut s = Map::new();
        s.insert(
            "c".into(),
            Value::Array(m.iter().map(|b| rows_json(b)).collect()),
        );
        Ok(s)
    }

    fn pie(&self, notes: &mut Vec<String>) -> Result<Map<String, Value>, CliError> {
        let t = self.table;
        let values: Vec<f64> = self.cols.iter().map(|&c| t.columns[c][0]).collect();
        if let Some(v) = values.iter().find(|v| !v.is_finite() || **v < 0.0) {
            return Err(CliError::Input(format!(
                "kind:pie needs non-negative values in the first row; found {v}"
            )));
        }
        let mut s = Map::new();
        s.insert("x".into(), nums(&values));
        if t.nrows() >= 4 {
            let c: Vec<Value> = self
                .cols
                .iter()
                .map(|&c| nums(&[t.columns[c][1], t.columns[c][2], t.columns[c][3]]))
                .collect();
            s.insert("c".into(), Value::Array(c));
        } else if t.nrows() > 1 {
            notes.push(
                "kind:pie: colours need three more rows (r, g, b); ignoring rows 2 and later"
                    .into(),
            );
        }
        let labels: Vec<Value> = self.cols.iter().filter_map(|&c| self.label(c)).collect();
        if labels.len() == self.cols.len() {
            s.insert("labels".into(), Value::Array(labels));
        }
        Ok(s)
    }
}

/// xyz_file:1 — long-format x, y, z columns onto a full grid.
fn grid_from_xyz(x: &[f64], y: &[f64], z: &[f64]) -> Result<GridData, CliError> {
    let uniq = |v: &[f64]| {
        let mut u: Vec<f64> = v.iter().copied().filter(|a| a.is_finite()).collect();
        u.sort_by(f64::total_cmp);
        u.dedup();
        u
    };
    let (xs, ys) = (uniq(x), uniq(y));
    if xs.len() * ys.len() != z.len() || xs.len() < 2 || ys.len() < 2 {
        return Err(CliError::Input(format!(
            "xyz_file:1: the {} rows do not form a full grid ({} distinct x values times {} distinct y values)",
            z.len(),
            xs.len(),
            ys.len()
        )));
    }
    let mut grid = vec![vec![f64::NAN; xs.len()]; ys.len()];
    for i in 0..z.len() {
        let (Ok(xi), Ok(yi)) = (
            xs.binary_search_by(|a| a.total_cmp(&x[i])),
            ys.binary_search_by(|a| a.total_cmp(&y[i])),
        ) else {
            return Err(CliError::Input(format!(
                "xyz_file:1: row {} has a non-finite x or y",
                i + 1
            )));
        };
        grid[yi][xi] = z[i];
    }
    Ok((xs, ys, grid))
}
