//! grplot's `key:value` syntax: parsing and checking parameters, and the errors of the tool.

use std::fmt;

use serde_json::{json, Map, Value};

use crate::keys::{self, Key, Type};

/// Everything that can stop grplot, with the exit code it maps to.
#[derive(Debug)]
pub enum CliError {
    /// The command line is wrong (exit code 2).
    Usage(String),
    /// The data file could not be read (exit code 1).
    Data(grm::data::DataError),
    /// The data does not fit the parameters, or a spec file is invalid (exit code 1).
    Input(String),
    /// Rendering or writing the output failed (exit code 1).
    Render(String),
}

impl CliError {
    /// The process exit code: 2 for usage errors, 1 for everything else.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            _ => 1,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage(m) | CliError::Input(m) | CliError::Render(m) => f.write_str(m),
            CliError::Data(e) => write!(f, "{e}"),
        }
    }
}

impl From<grm::data::DataError> for CliError {
    fn from(e: grm::data::DataError) -> Self {
        CliError::Data(e)
    }
}

/// One parsed `key:value` parameter: the canonical key and its typed value.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyValue {
    /// The key's canonical name (aliases such as `cmap` or `xlabel` are resolved).
    pub key: &'static str,
    /// The value as it goes into the JSON spec (kinds canonical, colormaps as names, flags as
    /// bools, pairs as two-element arrays, columns as sorted 0-based indices).
    pub value: Value,
}

impl KeyValue {
    /// The key's table entry.
    pub fn info(&self) -> &'static Key {
        keys::lookup(self.key).unwrap_or(&keys::KEYS[0])
    }
}

/// Parses one command-line token `key:value` (strict: every number must parse).
pub fn parse_key_value(token: &str) -> Result<KeyValue, CliError> {
    let (name, raw) = token.split_once(':').ok_or_else(|| {
        CliError::Usage(format!(
            "unexpected argument '{token}': parameters are written key:value (see grplot --help)"
        ))
    })?;
    let key = keys::lookup(name).ok_or_else(|| {
        let hint = keys::suggest(name)
            .map(|s| format!(" (did you mean {s}?)"))
            .unwrap_or_default();
        CliError::Usage(format!(
            "unknown key '{name}' in '{token}'{hint}; grplot --help lists the keys"
        ))
    })?;
    if raw.is_empty() {
        return Err(CliError::Usage(format!(
            "{name}: has no value; write {name}:VALUE"
        )));
    }
    let value = convert(key, raw, false).map_err(|m| CliError::Usage(format!("{token}: {m}")))?;
    Ok(KeyValue {
        key: key.name,
        value,
    })
}

/// Turns a `# key: value` file header into a parameter. Numbers are read like C's `strtod`
/// (a numeric prefix, so GR's own `# x_lim : 0.0, 917 + 1.0` reads 0, 917). `Ok(None)` for
/// keys grplot does not know.
pub fn parse_meta(name: &str, raw: &str) -> Result<Option<KeyValue>, String> {
    let Some(key) = keys::lookup(name) else {
        return Ok(None);
    };
    let value =
        convert(key, raw.trim(), true).map_err(|m| format!("file header '{name}: {raw}': {m}"))?;
    Ok(Some(KeyValue {
        key: key.name,
        value,
    }))
}

fn number(s: &str, lenient: bool) -> Result<f64, String> {
    let s = s.trim();
    if let Ok(v) = s.parse::<f64>() {
        return Ok(v);
    }
    if lenient {
        // The longest prefix that parses.
        for end in (1..s.len()).rev() {
            if s.is_char_boundary(end) {
                if let Ok(v) = s[..end].trim().parse::<f64>() {
                    return Ok(v);
                }
            }
        }
    }
    Err(format!("'{s}' is not a number"))
}

fn numbers(s: &str, lenient: bool) -> Result<Vec<f64>, String> {
    s.split(',').map(|p| number(p, lenient)).collect()
}

fn finite_json(v: f64) -> Result<Value, String> {
    serde_json::Number::from_f64(v)
        .map(Value::Number)
        .ok_or_else(|| format!("{v} is not a finite number"))
}

/// A number as JSON: integers stay integers (`20`, not `20.0`).
fn num_json(v: f64) -> Result<Value, String> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        Ok(json!(v as i64))
    } else {
        finite_json(v)
    }
}

fn convert(key: &Key, raw: &str, lenient: bool) -> Result<Value, String> {
    let raw = raw.trim();
    match key.ty {
        Type::Str if key.name == "kind" => {
            keys::kind(raw).map(|k| json!(k.name)).ok_or_else(|| {
                let names: Vec<&str> = keys::KINDS.iter().map(|k| k.name).collect();
                format!("unknown kind '{raw}'; kinds are {}", names.join(", "))
            })
        }
        Type::Str => Ok(json!(raw)),
        Type::Strs => Ok(json!(raw.split(',').map(str::trim).collect::<Vec<_>>())),
        Type::Choice(words) => {
            let w = raw.to_ascii_lowercase();
            if words.contains(&w.as_str()) {
                Ok(json!(w))
            } else {
                Err(format!("must be one of {}", words.join(", ")))
            }
        }
        Type::Int => {
            let v = number(raw, lenient)?;
            if v.fract() != 0.0 {
                return Err(format!("'{raw}' is not a whole number"));
            }
            if key.name == "levels" && v < 1.0 {
                return Err("needs at least 1 level".into());
            }
            if key.name.ends_with("bins") && v < 1.0 {
                return Err("needs at least 1 bin".into());
            }
            Ok(json!(v as i64))
        }
        Type::Float => finite_json(number(raw, lenient)?),
        Type::Bool => match raw.to_ascii_lowercase().as_str() {
            "1" | "true" | "yes" | "on" => Ok(json!(true)),
            "0" | "false" | "no" | "off" => Ok(json!(false)),
            _ => Err("must be 0 or 1".into()),
        },
        Type::Pair => {
            let v = numbers(raw, lenient).map_err(|e| format!("{e}; write two numbers a,b"))?;
            if v.len() != 2 {
                return Err(format!("needs two numbers like {}:0,10", key.name));
            }
            if key.name.ends_with("_lim") && v[0] >= v[1] && !key.name.starts_with("phi") {
                return Err(format!(
                    "the lower limit {} must be less than the upper limit {}",
                    v[0], v[1]
                ));
            }
            Ok(Value::Array(
                v.into_iter().map(num_json).collect::<Result<_, _>>()?,
            ))
        }
        Type::Size => {
            let v = numbers(raw, lenient).map_err(|e| format!("{e}; write size:WIDTH,HEIGHT"))?;
            if v.len() != 2
                || v.iter()
                    .any(|&x| x < 1.0 || x.fract() != 0.0 || x > 20000.0)
            {
                return Err("needs two whole numbers of pixels like size:800,600".into());
            }
            Ok(json!([v[0] as i64, v[1] as i64]))
        }
        Type::Floats => Ok(Value::Array(
            numbers(raw, lenient)?
                .into_iter()
                .map(num_json)
                .collect::<Result<_, _>>()?,
        )),
        Type::Color => {
            let v = numbers(raw, lenient)?;
            match v[..] {
                [i] if i.fract() == 0.0 && i >= 0.0 => Ok(json!(i as i64)),
                [r, g, b] if [r, g, b].iter().all(|c| (0.0..=1.0).contains(c)) => {
                    Ok(json!([r, g, b]))
                }
                _ => Err("a colour is an index like 4 or r,g,b between 0 and 1".into()),
            }
        }
        Type::Colormap => colormap(raw),
        Type::Columns => parse_columns(raw).map(|c| json!(c)),
        Type::Container => parse_container(key.name, raw),
    }
}

/// A colormap name or GR number (negative: reversed) → its name, `-name` when reversed.
fn colormap(raw: &str) -> Result<Value, String> {
    let names = &gks::tables::colormaps::COLORMAP_NAMES;
    let (rev, body) = match raw.strip_prefix('-') {
        Some(b) => ("-", b),
        None => ("", raw),
    };
    if let Ok(n) = body.parse::<usize>() {
        return names
            .get(n)
            .map(|name| json!(format!("{rev}{name}")))
            .ok_or_else(|| format!("colormap numbers are 0..={}", names.len() - 1));
    }
    names
        .iter()
        .find(|n| n.eq_ignore_ascii_case(body))
        .map(|name| json!(format!("{rev}{name}")))
        .ok_or_else(|| {
            format!(
                "unknown colormap '{body}'; colormaps are {}",
                names.join(", ")
            )
        })
}

/// grplot's column selection: `1:3,5` → [1, 2, 3, 5]; `:2` → [0, 1, 2]; `4:` → [4] and
/// every column after it (marked by a trailing `-1` that the spec builder expands).
pub fn parse_columns(raw: &str) -> Result<Vec<i64>, String> {
    let mut out: Vec<i64> = Vec::new();
    let mut open_end = None;
    for tok in raw.split(',').map(str::trim) {
        let int = |s: &str| {
            s.trim()
                .parse::<i64>()
                .ok()
                .filter(|&v| v >= 0)
                .ok_or_else(|| format!("'{s}' is not a column number (columns count from 0)"))
        };
        if let Some((a, b)) = tok.split_once(':') {
            let a = if a.trim().is_empty() { 0 } else { int(a)? };
            if b.trim().is_empty() {
                open_end = Some(open_end.map_or(a, |o: i64| o.min(a)));
                continue;
            }
            let b = int(b)?;
            if a > b {
                return Err(format!(
                    "the range {a}:{b} is empty; write the smaller column first"
                ));
            }
            out.extend(a..=b);
        } else {
            out.push(int(tok)?);
        }
    }
    out.sort_unstable();
    out.dedup();
    if let Some(a) = open_end {
        out.retain(|&c| c < a);
        out.push(a);
        out.push(-1);
    }
    Ok(out)
}

/// grplot's containers: `{{error_bar_color:4},{upwards_cap_color:2}}` → one object;
/// `2,{{indices:2},{rgb:1,0,0},{indices:1},{rgb:0,1,0}}` → an array of objects (a new object
/// starts when a key repeats).
fn parse_container(name: &str, raw: &str) -> Result<Value, String> {
    let body = match raw.find('{') {
        Some(i) => &raw[i..],
        None => return Err(format!("write {name}:{{{{key:value}},{{key:value}}}}")),
    };
    let mut items: Vec<(String, Value)> = Vec::new();
    let mut rest = body;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        if after.starts_with('{') {
            rest = after;
            continue;
        }
        let close = after
            .find('}')
            .ok_or_else(|| format!("unbalanced braces in {name}:{raw}"))?;
        let item = &after[..close];
        let (k, v) = item
            .split_once(':')
            .ok_or_else(|| format!("'{item}' in {name} is not key:value"))?;
        let nums = numbers(v, false)?;
        let value = if nums.len() == 1 {
            num_json(nums[0])?
        } else {
            Value::Array(nums.into_iter().map(num_json).collect::<Result<_, _>>()?)
        };
        items.push((k.trim().to_string(), value));
        rest = &after[close + 1..];
    }
    if items.is_empty() {
        return Err(format!("{name} has no key:value entries"));
    }
    if name == "error" {
        let mut m = Map::new();
        for (k, v) in items {
            m.insert(k, v);
        }
        return Ok(Value::Object(m));
    }
    let mut objs: Vec<Map<String, Value>> = vec![Map::new()];
    for (k, v) in items {
        if objs.last().is_some_and(|o| o.contains_key(&k)) {
            objs.push(Map::new());
        }
        if let Some(o) = objs.last_mut() {
            o.insert(k, v);
        }
    }
    Ok(Value::Array(objs.into_iter().map(Value::Object).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kv(t: &str) -> Value {
        parse_key_value(t).unwrap().value
    }

    fn usage(t: &str) -> String {
        match parse_key_value(t) {
            Err(CliError::Usage(m)) => m,
            other => panic!("{t}: expected a usage error, got {other:?}"),
        }
    }

    #[test]
    fn typed_values() {
        assert_eq!(kv("kind:contourf"), json!("contourf"));
        assert_eq!(kv("kind:hist"), json!("histogram"));
        assert_eq!(kv("x_log:1"), json!(true));
        assert_eq!(kv("ylog:0"), json!(false));
        assert_eq!(kv("levels:20"), json!(20));
        assert_eq!(kv("x_lim:0,10"), json!([0, 10]));
        assert_eq!(kv("y_lim:-1.5,2.5"), json!([-1.5, 2.5]));
        assert_eq!(kv("colormap:viridis"), json!("viridis"));
        assert_eq!(kv("cmap:44"), json!("viridis"));
        assert_eq!(kv("cmap:-47"), json!("-magma"));
        assert_eq!(kv("spec:r--o"), json!("r--o"));
        assert_eq!(kv("size:800,600"), json!([800, 600]));
        assert_eq!(kv("title:a: b"), json!("a: b"));
        assert_eq!(kv("bar_color:1,0,0"), json!([1.0, 0.0, 0.0]));
        assert_eq!(kv("bar_color:4"), json!(4));
        assert_eq!(parse_key_value("xlabel:t").unwrap().key, "x_label");
    }

    #[test]
    fn columns_like_grplot() {
        assert_eq!(kv("columns:1:3,5"), json!([1, 2, 3, 5]));
        assert_eq!(kv("columns::2"), json!([0, 1, 2]));
        assert_eq!(kv("columns:5,1"), json!([1, 5]));
        assert_eq!(kv("columns:2:"), json!([2, -1]));
        assert!(usage("columns:3:1").contains("the range 3:1 is empty"));
        assert!(usage("columns:a").contains("'a' is not a column number"));
    }

    #[test]
    fn containers() {
        assert_eq!(
            kv("error:{{error_bar_color:4},{upwards_cap_color:2}}"),
            json!({"error_bar_color": 4, "upwards_cap_color": 2})
        );
        assert_eq!(
            kv("error:{error_bar_color:4}"),
            json!({"error_bar_color": 4})
        );
        assert_eq!(
            kv("ind_bar_color:2,{{indices:2},{rgb:1,0,0},{indices:1},{rgb:0,1,0.5}}"),
            json!([{"indices": 2, "rgb": [1, 0, 0]}, {"indices": 1, "rgb": [0, 1, 0.5]}])
        );
    }

    #[test]
    fn usage_errors_say_what_to_change() {
        assert!(usage("x_lim:0").contains("needs two numbers like x_lim:0,10"));
        assert!(usage("x_lim:5,1").contains("lower limit 5 must be less than the upper limit 1"));
        assert!(usage("x_log:maybe").contains("must be 0 or 1"));
        assert!(usage("levels:2.5").contains("not a whole number"));
        assert!(usage("levels:0").contains("at least 1 level"));
        assert!(usage("kind:pizza").contains("unknown kind 'pizza'; kinds are line, scatter"));
        assert!(usage("colormap:nope").contains("unknown colormap 'nope'"));
        assert!(usage("x_lable:t")
            .contains("unknown key 'x_lable' in 'x_lable:t' (did you mean x_label?)"));
        assert!(usage("title:").contains("title: has no value"));
        assert!(usage("data.csv").contains("parameters are written key:value"));
        assert!(usage("size:0,10").contains("size:800,600"));
        assert!(
            usage("x_lim:nan,1").contains("not a finite number")
                || usage("x_lim:nan,1").contains("less than")
        );
    }

    #[test]
    fn file_headers_are_lenient_like_strtod() {
        let m = parse_meta("x_lim", "0.0, 917 + 1.0").unwrap().unwrap();
        assert_eq!((m.key, m.value), ("x_lim", json!([0, 917])));
        let m = parse_meta("xlabel", "Day").unwrap().unwrap();
        assert_eq!(m.key, "x_label");
        assert!(parse_meta("author", "me").unwrap().is_none());
        assert!(parse_meta("y_log", "maybe").is_err());
    }
}
