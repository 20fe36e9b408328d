//! `memuse --ledger FILE`: reads the ledger trace lethe writes with `--mem-trace=FILE`.
//!
//! The format is JSON lines: an optional header
//! `{"trace":"lethe-ledger","version":1,"interval_ms":10,"start_unix_ms":…,"categories":[…]}`
//! then one sample per line, `{"t_ms":…,"ledger":{"ast":bytes,…},"peak":{…}}` (current
//! bytes per category, and optionally the highest bytes per category since the previous
//! sample; `t_ms` since the traced process started; the last sample may carry
//! `"final":true`). Any program can write it: only `t_ms` and `ledger` are required.
//! A cut last line (the process was killed while writing) is ignored; any other line
//! that is not a sample is an error.

use anyhow::{bail, Context, Result};
use serde_json::Value;

/// Current bytes per category at one moment.
#[derive(Clone, Debug, PartialEq)]
pub struct LedgerSample {
    /// Seconds since the traced process started (after [`LedgerTrace::shift`], since
    /// the command was started).
    pub seconds: f64,
    /// Bytes per category, in [`LedgerTrace::categories`] order.
    pub bytes: Vec<i64>,
    /// Highest bytes per category since the previous sample (`bytes` when the trace
    /// does not say), in the same order.
    pub peak: Vec<i64>,
}

/// A whole trace.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LedgerTrace {
    /// Wall-clock start of the traced process, milliseconds since the Unix epoch (from
    /// the header; `None` without one).
    pub start_unix_ms: Option<f64>,
    /// Category names: the header's order, then any others in order of appearance.
    pub categories: Vec<String>,
    pub samples: Vec<LedgerSample>,
}

impl LedgerTrace {
    /// Moves every sample by `seconds` (to line the trace up with another clock).
    pub fn shift(&mut self, seconds: f64) {
        for s in &mut self.samples {
            s.seconds += seconds;
        }
    }

    /// Indices of the categories that are not zero in every sample.
    pub fn nonzero_categories(&self) -> Vec<usize> {
        (0..self.categories.len())
            .filter(|&k| {
                self.samples
                    .iter()
                    .any(|s| s.bytes[k] != 0 || s.peak[k] != 0)
            })
            .collect()
    }

    fn category_index(&mut self, name: &str) -> usize {
        match self.categories.iter().position(|c| c == name) {
            Some(k) => k,
            None => {
                self.categories.push(name.to_string());
                for s in &mut self.samples {
                    s.bytes.push(0);
                    s.peak.push(0);
                }
                self.categories.len() - 1
            }
        }
    }
}

/// Parses a trace (see the module documentation).
pub fn parse(text: &str) -> Result<LedgerTrace> {
    let mut trace = LedgerTrace::default();
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    for (i, &(n, line)) in lines.iter().enumerate() {
        let n = n + 1;
        let v: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            // The process was killed in the middle of a write.
            Err(_) if i + 1 == lines.len() && !text.ends_with('\n') => break,
            Err(e) => return Err(e).with_context(|| format!("line {n}: not JSON")),
        };
        let Some(obj) = v.as_object() else {
            bail!("line {n}: expected a JSON object");
        };
        if obj.contains_key("trace") {
            if !trace.samples.is_empty() {
                bail!("line {n}: a header after the first sample");
            }
            trace.start_unix_ms = obj.get("start_unix_ms").and_then(Value::as_f64);
            if let Some(cats) = obj.get("categories").and_then(Value::as_array) {
                for c in cats {
                    let Some(c) = c.as_str() else {
                        bail!("line {n}: a category name is not a string");
                    };
                    trace.category_index(c);
                }
            }
            continue;
        }
        let Some(t_ms) = obj.get("t_ms").and_then(Value::as_f64) else {
            bail!("line {n}: no \"t_ms\" number");
        };
        let Some(ledger) = obj.get("ledger").and_then(Value::as_object) else {
            bail!("line {n}: no \"ledger\" object");
        };
        let peak = match obj.get("peak") {
            None => None,
            Some(p) => match p.as_object() {
                Some(p) => Some(p),
                None => bail!("line {n}: \"peak\" is not an object"),
            },
        };
        let mut sample = LedgerSample {
            seconds: t_ms / 1000.0,
            bytes: vec![0; trace.categories.len()],
            peak: vec![0; trace.categories.len()],
        };
        for (name, bytes) in ledger {
            let Some(bytes) = bytes.as_i64() else {
                bail!("line {n}: ledger.{name} is not an integer");
            };
            let k = trace.category_index(name);
            sample.bytes.resize(trace.categories.len(), 0);
            sample.peak.resize(trace.categories.len(), 0);
            sample.bytes[k] = bytes;
            sample.peak[k] = bytes;
        }
        for (name, bytes) in peak.into_iter().flatten() {
            let Some(bytes) = bytes.as_i64() else {
                bail!("line {n}: peak.{name} is not an integer");
            };
            let k = trace.category_index(name);
            sample.bytes.resize(trace.categories.len(), 0);
            sample.peak.resize(trace.categories.len(), 0);
            sample.peak[k] = sample.peak[k].max(bytes);
        }
        trace.samples.push(sample);
    }
    Ok(trace)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRACE: &str = r#"{"trace":"lethe-ledger","version":1,"interval_ms":10,"start_unix_ms":1764000000123.5,"categories":["runtime","ast","objects"]}
{"t_ms":0.1,"ledger":{"runtime":2000,"ast":0,"objects":0}}
{"t_ms":10.2,"ledger":{"runtime":3000,"ast":9000,"objects":150000},"peak":{"runtime":3000,"ast":30000,"objects":150000}}
{"t_ms":20.4,"ledger":{"runtime":3000,"ast":0,"objects":170000},"final":true}
"#;

    #[test]
    fn parses_header_and_samples() {
        let t = parse(TRACE).expect("parse");
        assert_eq!(t.start_unix_ms, Some(1764000000123.5));
        assert_eq!(t.categories, ["runtime", "ast", "objects"]);
        assert_eq!(t.samples.len(), 3);
        assert!((t.samples[1].seconds - 0.0102).abs() < 1e-12);
        assert_eq!(t.samples[1].bytes, [3000, 9000, 150000]);
        assert_eq!(t.samples[1].peak, [3000, 30000, 150000]);
        assert_eq!(t.samples[2].bytes, [3000, 0, 170000]);
        // Without "peak", the peak is the current figure.
        assert_eq!(t.samples[2].peak, [3000, 0, 170000]);
        assert_eq!(t.nonzero_categories(), [0, 1, 2]);
    }

    #[test]
    fn header_is_optional_and_new_categories_are_added() {
        let t = parse(
            "{\"t_ms\":0,\"ledger\":{\"a\":1}}\n\n{\"t_ms\":5,\"ledger\":{\"b\":2,\"a\":3}}\n",
        )
        .expect("parse");
        assert_eq!(t.start_unix_ms, None);
        assert_eq!(t.categories, ["a", "b"]);
        assert_eq!(t.samples[0].bytes, [1, 0]);
        assert_eq!(t.samples[1].bytes, [3, 2]);
        assert!((t.samples[1].seconds - 0.005).abs() < 1e-12);
    }

    #[test]
    fn a_cut_last_line_is_ignored() {
        let cut = &TRACE[..TRACE.len() - 20];
        let t = parse(cut).expect("parse");
        assert_eq!(t.samples.len(), 2);
    }

    #[test]
    fn zero_categories_are_found() {
        let t = parse(
            "{\"t_ms\":0,\"ledger\":{\"a\":0,\"b\":-4,\"c\":0,\"d\":0},\"peak\":{\"d\":7}}\n",
        )
        .expect("parse");
        assert_eq!(t.nonzero_categories(), [1, 3]);
    }

    #[test]
    fn shift_moves_every_sample() {
        let mut t = parse(TRACE).expect("parse");
        t.shift(1.0);
        assert!((t.samples[0].seconds - 1.0001).abs() < 1e-12);
    }

    #[test]
    fn errors_name_the_line() {
        for (text, want) in [
            (
                "{\"t_ms\":0,\"ledger\":{}}\nnot json\n{\"t_ms\":1,\"ledger\":{}}\n",
                "line 2",
            ),
            ("[1]\n", "line 1: expected a JSON object"),
            ("{\"ledger\":{}}\n", "no \"t_ms\""),
            ("{\"t_ms\":1}\n", "no \"ledger\""),
            (
                "{\"t_ms\":1,\"ledger\":{\"a\":1.5}}\n",
                "ledger.a is not an integer",
            ),
            (
                "{\"t_ms\":1,\"ledger\":{}}\n{\"trace\":\"x\"}\n",
                "a header after",
            ),
            (
                "{\"t_ms\":1,\"ledger\":{},\"peak\":3}\n",
                "\"peak\" is not an object",
            ),
            (
                "{\"t_ms\":1,\"ledger\":{},\"peak\":{\"a\":\"x\"}}\n",
                "peak.a is not",
            ),
        ] {
            let e = format!("{:#}", parse(text).expect_err(text));
            assert!(e.contains(want), "{text:?}: {e}");
        }
    }
}
