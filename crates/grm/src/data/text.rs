//! Text tables: GR's grplot format, CSV, TSV, semicolon and whitespace separated columns.

use super::{DataError, DataErrorKind, Table};

/// The field separator of a text table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    /// One tab per field (GR's grplot format, TSV); empty fields are NaN.
    Tab,
    /// Commas (CSV, with `"quoted"` fields); empty fields are NaN.
    Comma,
    /// Semicolons (European CSV); empty fields are NaN.
    Semicolon,
    /// Any run of spaces and tabs.
    Whitespace,
}

impl Delimiter {
    fn char(self) -> Option<char> {
        match self {
            Delimiter::Tab => Some('\t'),
            Delimiter::Comma => Some(','),
            Delimiter::Semicolon => Some(';'),
            Delimiter::Whitespace => None,
        }
    }
}

/// Splits one line into fields, honouring double quotes, and drops a trailing `#` comment
/// (a field whose text starts with `#` ends the line).
fn split(line: &str, delim: Delimiter) -> Vec<String> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut chars = line.chars().peekable();
    let mut in_quotes = false;
    let mut quoted = false; // the current field was quoted
    let sep = delim.char();
    let is_sep = |c: char| match sep {
        Some(s) => c == s,
        None => c == ' ' || c == '\t',
    };
    // For whitespace, leading separators do not make an empty field.
    if sep.is_none() {
        while chars.peek().is_some_and(|&c| is_sep(c)) {
            chars.next();
        }
    }
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    cur.push('"');
                    chars.next();
                } else {
                    in_quotes = false;
                }
            } else {
                cur.push(c);
            }
        } else if c == '"' && cur.trim().is_empty() && !quoted {
            cur.clear();
            in_quotes = true;
            quoted = true;
        } else if is_sep(c) {
            fields.push((std::mem::take(&mut cur), quoted));
            quoted = false;
            if sep.is_none() {
                while chars.peek().is_some_and(|&c| is_sep(c)) {
                    chars.next();
                }
                if chars.peek().is_none() {
                    return finish(fields);
                }
            }
        } else {
            cur.push(c);
        }
    }
    fields.push((cur, quoted));
    finish(fields)
}

/// [`split`] for lines without quotes, without allocating the fields.
fn split_plain(line: &str, delim: Delimiter) -> Vec<&str> {
    let mut out: Vec<&str> = match delim.char() {
        Some(c) => line.split(c).map(str::trim).collect(),
        None => line.split([' ', '\t']).filter(|f| !f.is_empty()).collect(),
    };
    if let Some(i) = out.iter().position(|f| f.starts_with('#')) {
        out.truncate(i);
    }
    out
}

fn finish(fields: Vec<(String, bool)>) -> Vec<String> {
    let mut out = Vec::with_capacity(fields.len());
    for (f, quoted) in fields {
        if !quoted && f.trim_start().starts_with('#') {
            break;
        }
        out.push(if quoted { f } else { f.trim().to_string() });
    }
    out
}

/// A `# key : value` header line: the key is an identifier (letters, digits, `_`).
fn meta_line(line: &str) -> Option<(String, String)> {
    let body = line.trim_start().strip_prefix('#')?;
    let (key, value) = body.split_once(':')?;
    let key = key.trim();
    if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    Some((key.to_string(), value.trim().to_string()))
}

fn is_number(s: &str) -> bool {
    s.parse::<f64>().is_ok()
}

/// All fields are numbers, strictly increasing or strictly decreasing (axis values).
fn monotonic(fields: &[String]) -> bool {
    let v: Option<Vec<f64>> = fields.iter().map(|f| f.parse().ok()).collect();
    v.is_some_and(|v| v.windows(2).all(|w| w[0] < w[1]) || v.windows(2).all(|w| w[0] > w[1]))
}

/// Picks the delimiter that splits the sample lines into one common field count > 1.
fn detect(sample: &[&str]) -> Delimiter {
    for d in [Delimiter::Tab, Delimiter::Comma, Delimiter::Semicolon] {
        let c = d.char().unwrap_or(' ');
        if !sample.iter().all(|l| l.contains(c)) {
            continue;
        }
        let n = split(sample[0], d).len();
        if n > 1 && sample.iter().all(|l| split(l, d).len() == n) {
            return d;
        }
    }
    Delimiter::Whitespace
}

pub(super) fn parse(
    text: &str,
    name: &str,
    delimiter: Option<Delimiter>,
) -> Result<Table, DataError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)))
        .collect();

    // Header section: comments (some of them `# key: value`) and blank lines.
    let mut meta = Vec::new();
    let mut first = lines.len();
    for (i, &(_, l)) in lines.iter().enumerate() {
        let t = l.trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with('#') {
            if let Some(kv) = meta_line(t) {
                meta.push(kv);
            }
            continue;
        }
        first = i;
        break;
    }
    let content: Vec<(usize, &str)> = lines[first..]
        .iter()
        .copied()
        .filter(|(_, l)| {
            let t = l.trim();
            !t.is_empty() && !t.starts_with('#')
        })
        .collect();
    if content.is_empty() {
        return Err(DataError::new(name, DataErrorKind::Empty));
    }
    let delim = delimiter.unwrap_or_else(|| {
        let sample: Vec<&str> = if content.len() > 1 {
            content[1..content.len().min(11)]
                .iter()
                .map(|x| x.1)
                .collect()
        } else {
            vec![content[0].1]
        };
        detect(&sample)
    });

    // Header row: the first content line when any of its cells is not a number.
    let (header_line, header_text) = content[0];
    let first_fields = split(header_text, delim);
    // A numeric first row with one field less than the next row is a row of axis values above
    // a matrix whose first column holds the other axis (grplot's `use_bins` files); it is
    // kept as titles with an empty first title.
    let axis_row = content.len() > 2
        && split(content[1].1, delim).len() == first_fields.len() + 1
        && monotonic(&first_fields);
    let has_header = axis_row || first_fields.iter().any(|f| !f.is_empty() && !is_number(f));
    let first_fields = if axis_row {
        std::iter::once(String::new()).chain(first_fields).collect()
    } else {
        first_fields
    };
    let mut names = if has_header { first_fields } else { Vec::new() };

    let mut columns: Vec<Vec<f64>> = Vec::new();
    let mut blocks = vec![0usize];
    let mut expected: Option<(usize, usize)> = None; // (fields, line)
    let mut pending_break = false;
    let start = if has_header { first + 1 } else { first };
    let mut nrows = 0usize;
    for &(lineno, l) in &lines[start..] {
        let t = l.trim();
        if t.is_empty() {
            pending_break = nrows > 0;
            continue;
        }
        if t.starts_with('#') {
            continue;
        }
        let owned;
        let fields: Vec<&str> = if l.contains('"') {
            owned = split(l, delim);
            owned.iter().map(String::as_str).collect()
        } else {
            split_plain(l, delim)
        };
        if fields.is_empty() {
            continue;
        }
        match expected {
            None => {
                expected = Some((fields.len(), lineno));
                columns = vec![Vec::new(); fields.len()];
            }
            Some((n, first_line)) if n != fields.len() => {
                return Err(DataError::at(
                    name,
                    lineno,
                    None,
                    DataErrorKind::Ragged {
                        found: fields.len(),
                        expected: n,
                        first_line,
                    },
                ));
            }
            _ => {}
        }
        if pending_break {
            blocks.push(nrows);
            pending_break = false;
        }
        for (c, f) in fields.iter().enumerate() {
            let v = if f.is_empty() && delim != Delimiter::Whitespace {
                f64::NAN
            } else {
                f.parse::<f64>().map_err(|_| {
                    DataError::at(
                        name,
                        lineno,
                        Some(c + 1),
                        DataErrorKind::NotANumber {
                            text: f.to_string(),
                            column_name: names.get(c).filter(|n| !n.is_empty()).cloned(),
                        },
                    )
                })?
            };
            columns[c].push(v);
        }
        nrows += 1;
    }
    if nrows == 0 {
        return Err(DataError::new(name, DataErrorKind::Empty));
    }
    if has_header && names.len() != columns.len() {
        names = fit_names(header_text, &names, columns.len()).ok_or_else(|| {
            DataError::at(
                name,
                header_line,
                None,
                DataErrorKind::HeaderMismatch {
                    names: names.len(),
                    columns: columns.len(),
                },
            )
        })?;
    }
    Ok(Table {
        columns,
        names,
        meta,
        blocks,
    })
}

/// GR's grplot collapses runs of whitespace in the title line; try that when the titles do not
/// match the column count.
fn fit_names(header: &str, names: &[String], ncols: usize) -> Option<Vec<String>> {
    let non_empty: Vec<String> = names.iter().filter(|n| !n.is_empty()).cloned().collect();
    if non_empty.len() == ncols {
        return Some(non_empty);
    }
    if ncols == 1 {
        // One column: the whole line is its title (it may contain spaces).
        let t = header.trim();
        let t = t
            .strip_prefix('"')
            .and_then(|t| t.strip_suffix('"'))
            .unwrap_or(t);
        return Some(vec![t.to_string()]);
    }
    let ws = split(header, Delimiter::Whitespace);
    (ws.len() == ncols).then_some(ws)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_handles_quotes_comments_and_whitespace() {
        assert_eq!(split("a,\"b, c\",d", Delimiter::Comma), ["a", "b, c", "d"]);
        assert_eq!(
            split("\"say \"\"hi\"\"\",2", Delimiter::Comma),
            ["say \"hi\"", "2"]
        );
        assert_eq!(
            split("  1   2\t3  ", Delimiter::Whitespace),
            ["1", "2", "3"]
        );
        assert_eq!(split("1\t\t3", Delimiter::Tab), ["1", "", "3"]);
        assert_eq!(split("1 2 # note", Delimiter::Whitespace), ["1", "2"]);
        assert_eq!(split("1,2,#x", Delimiter::Comma), ["1", "2"]);
    }

    #[test]
    fn plain_split_agrees_with_the_quoting_split() {
        for line in [
            "1,2, 3",
            "  1   2\t3  ",
            "1\t\t3",
            "1 2 # note",
            "1,2,#x",
            " 5 ",
        ] {
            for d in [
                Delimiter::Tab,
                Delimiter::Comma,
                Delimiter::Semicolon,
                Delimiter::Whitespace,
            ] {
                assert_eq!(split_plain(line, d), split(line, d), "{line:?} {d:?}");
            }
        }
    }

    #[test]
    fn meta_lines_need_an_identifier_key() {
        assert_eq!(
            meta_line("# x_lim : 0, 10"),
            Some(("x_lim".into(), "0, 10".into()))
        );
        assert_eq!(
            meta_line("# title: a: b"),
            Some(("title".into(), "a: b".into()))
        );
        assert_eq!(meta_line("# made by: me"), None);
        assert_eq!(meta_line("# just a comment"), None);
    }

    #[test]
    fn detection_prefers_consistent_delimiters() {
        assert_eq!(detect(&["1\t2", "3\t4"]), Delimiter::Tab);
        assert_eq!(detect(&["1,2", "3,4"]), Delimiter::Comma);
        assert_eq!(detect(&["1;2", "3;4"]), Delimiter::Semicolon);
        assert_eq!(detect(&["1 2", "3 4"]), Delimiter::Whitespace);
        assert_eq!(detect(&["1"]), Delimiter::Whitespace);
    }
}
