//! Timing, peak memory and the JSON lines grbench prints.

use std::fmt::Write as _;
use std::time::Instant;

/// Wall times of the timed runs, in seconds, in run order.
#[derive(Debug, Clone)]
pub struct Timings(pub Vec<f64>);

impl Timings {
    /// Runs `f` `warmup` times untimed, then `runs` times timed; stops at the first error.
    pub fn measure<E>(
        warmup: usize,
        runs: usize,
        mut f: impl FnMut() -> Result<(), E>,
    ) -> Result<Timings, E> {
        for _ in 0..warmup {
            f()?;
        }
        let mut times = Vec::with_capacity(runs);
        for _ in 0..runs {
            let start = Instant::now();
            f()?;
            times.push(start.elapsed().as_secs_f64());
        }
        Ok(Timings(times))
    }

    /// The median (mean of the two middle values for an even count); 0 when empty.
    pub fn median(&self) -> f64 {
        let mut v = self.0.clone();
        v.sort_by(f64::total_cmp);
        match v.len() {
            0 => 0.0,
            n if n % 2 == 1 => v[n / 2],
            n => 0.5 * (v[n / 2 - 1] + v[n / 2]),
        }
    }

    /// The fastest run; 0 when empty.
    pub fn min(&self) -> f64 {
        self.0.iter().copied().reduce(f64::min).unwrap_or(0.0)
    }

    /// The slowest run; 0 when empty.
    pub fn max(&self) -> f64 {
        self.0.iter().copied().reduce(f64::max).unwrap_or(0.0)
    }
}

/// Peak resident set size of this process in KiB (`VmHWM` of `/proc/self/status`), or
/// `None` where that file does not exist (not Linux).
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
}

/// A JSON value of a report field.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A string (escaped on output).
    Str(String),
    /// A number (non-finite ones are written as `null`).
    Num(f64),
    /// An integer.
    Int(u64),
}

/// One JSON object written on one line, fields in insertion order.
#[derive(Debug, Clone, Default)]
pub struct JsonLine(Vec<(&'static str, Value)>);

impl JsonLine {
    /// An object whose first field is `"workload": name`.
    pub fn for_workload(name: &str) -> Self {
        JsonLine(vec![("workload", Value::Str(name.to_string()))])
    }

    /// Adds a string field.
    pub fn str(mut self, key: &'static str, v: impl Into<String>) -> Self {
        self.0.push((key, Value::Str(v.into())));
        self
    }

    /// Adds a number field.
    pub fn num(mut self, key: &'static str, v: f64) -> Self {
        self.0.push((key, Value::Num(v)));
        self
    }

    /// Adds an integer field.
    pub fn int(mut self, key: &'static str, v: u64) -> Self {
        self.0.push((key, Value::Int(v)));
        self
    }

    /// The object as one line of JSON (no trailing newline).
    pub fn render(&self) -> String {
        let mut s = String::from("{");
        for (i, (k, v)) in self.0.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            let _ = write!(s, "\"{}\": ", escape(k));
            match v {
                Value::Str(t) => {
                    let _ = write!(s, "\"{}\"", escape(t));
                }
                Value::Num(x) if x.is_finite() => {
                    let _ = write!(s, "{x:?}");
                }
                Value::Num(_) => s.push_str("null"),
                Value::Int(n) => {
                    let _ = write!(s, "{n}");
                }
            }
        }
        s.push('}');
        s
    }
}

/// Escapes a string for a JSON string literal.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_min_max() {
        let t = Timings(vec![3.0, 1.0, 2.0, 5.0, 4.0]);
        assert_eq!(t.median(), 3.0);
        assert_eq!(t.min(), 1.0);
        assert_eq!(t.max(), 5.0);
        assert_eq!(Timings(vec![1.0, 2.0]).median(), 1.5);
        assert_eq!(Timings(vec![]).median(), 0.0);
    }

    #[test]
    fn measure_counts_runs_and_stops_on_error() {
        let mut calls = 0;
        let t = Timings::measure(1, 5, || {
            calls += 1;
            Ok::<(), ()>(())
        })
        .unwrap();
        assert_eq!((calls, t.0.len()), (6, 5));
        let mut calls = 0;
        let r = Timings::measure(1, 5, || {
            calls += 1;
            if calls == 3 {
                Err("boom")
            } else {
                Ok(())
            }
        });
        assert_eq!(r.unwrap_err(), "boom");
    }

    #[test]
    fn json_line_escapes_and_orders() {
        let j = JsonLine::for_workload("W1")
            .str("note", "a \"b\"\n")
            .num("median_s", 0.5)
            .num("bad", f64::NAN)
            .int("bytes", 42)
            .render();
        assert_eq!(
            j,
            r#"{"workload": "W1", "note": "a \"b\"\n", "median_s": 0.5, "bad": null, "bytes": 42}"#
        );
    }

    #[test]
    fn peak_rss_is_read_on_linux() {
        if cfg!(target_os = "linux") {
            assert!(peak_rss_kib().is_some_and(|k| k > 0));
        }
    }
}
