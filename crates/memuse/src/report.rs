//! Text rendering: human-readable sizes and aligned tables with a totals row, shared by
//! the `memuse` command and the runtime's `--mem-report`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::classify::Perm;
use crate::snapshot::{CategoryTotals, Mapping};
use crate::usage::Usage;

/// How sizes are printed.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Units {
    /// `4.0K`, `12.5M`, `1.2G` (powers of 1024).
    Human,
    /// Exact byte counts.
    Bytes,
}

/// Formats a byte count.
pub fn size(bytes: u64, units: Units) -> String {
    if units == Units::Bytes {
        return bytes.to_string();
    }
    const SUFFIX: [&str; 7] = ["B", "K", "M", "G", "T", "P", "E"];
    if bytes < 1024 {
        return if bytes == 0 {
            "0".into()
        } else {
            format!("{bytes}B")
        };
    }
    let mut v = bytes as f64;
    let mut i = 0;
    while v >= 1024.0 && i + 1 < SUFFIX.len() {
        v /= 1024.0;
        i += 1;
    }
    // Three significant digits at most: 4.00K would be noise, 1023K is still exact
    // enough to compare by eye.
    if v < 10.0 {
        format!("{v:.2}{}", SUFFIX[i])
    } else if v < 100.0 {
        format!("{v:.1}{}", SUFFIX[i])
    } else {
        format!("{v:.0}{}", SUFFIX[i])
    }
}

/// A usage column.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Col {
    Size,
    Rss,
    Pss,
    Uss,
    Swap,
    Evictable,
    Pinned,
    Mappings,
}

impl Col {
    fn header(self) -> &'static str {
        match self {
            Col::Size => "SIZE",
            Col::Rss => "RSS",
            Col::Pss => "PSS",
            Col::Uss => "USS",
            Col::Swap => "SWAP",
            Col::Evictable => "EVICT",
            Col::Pinned => "PINNED",
            Col::Mappings => "MAPS",
        }
    }

    fn cell(self, u: &Usage, units: Units) -> String {
        match self {
            Col::Size => size(u.size, units),
            Col::Rss => size(u.rss, units),
            Col::Pss => size(u.pss, units),
            Col::Uss => size(u.uss, units),
            Col::Swap => size(u.swap, units),
            Col::Evictable => size(u.evictable, units),
            Col::Pinned => size(u.pinned, units),
            Col::Mappings => u.mappings.to_string(),
        }
    }
}

/// Columns of the per-category and per-permission views.
pub const FULL: &[Col] = &[
    Col::Size,
    Col::Rss,
    Col::Pss,
    Col::Uss,
    Col::Swap,
    Col::Evictable,
    Col::Pinned,
    Col::Mappings,
];

/// Columns of the per-process and per-command views.
pub const PROCESS: &[Col] = &[
    Col::Pss,
    Col::Uss,
    Col::Rss,
    Col::Swap,
    Col::Evictable,
    Col::Pinned,
];

/// A table whose leading key columns are left-aligned text and whose other columns are
/// right-aligned numbers.
pub struct Table {
    header: Vec<String>,
    /// Per column: left-aligned text (true) or right-aligned number (false).
    left: Vec<bool>,
    rows: Vec<Vec<String>>,
    /// Index of the row before which a rule is drawn (the totals row).
    rule_before: Option<usize>,
}

impl Table {
    /// `keys` are the headers of the text columns; `cols` the usage columns after them.
    pub fn new(keys: &[&str], cols: &[Col]) -> Table {
        let mut header: Vec<String> = keys.iter().map(|s| s.to_string()).collect();
        header.extend(cols.iter().map(|c| c.header().to_string()));
        let mut left = vec![true; keys.len()];
        left.extend(cols.iter().map(|_| false));
        Table {
            header,
            left,
            rows: Vec::new(),
            rule_before: None,
        }
    }

    /// Adds a row of text keys followed by usage cells.
    pub fn row(&mut self, keys: Vec<String>, cols: &[Col], u: &Usage, units: Units) {
        let mut r = keys;
        r.extend(cols.iter().map(|c| c.cell(u, units)));
        self.rows.push(r);
    }

    /// Adds the totals row, set off by a rule.
    pub fn total_row(&mut self, keys: Vec<String>, cols: &[Col], u: &Usage, units: Units) {
        self.rule_before = Some(self.rows.len());
        self.row(keys, cols, u, units);
    }

    pub fn render(&self) -> String {
        let ncols = self.header.len();
        let mut width = vec![0usize; ncols];
        for r in std::iter::once(&self.header).chain(self.rows.iter()) {
            for (w, cell) in width.iter_mut().zip(r.iter()) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let mut out = String::new();
        let line = |out: &mut String, r: &[String]| {
            let mut s = String::new();
            for (i, w) in width.iter().enumerate() {
                let cell = r.get(i).map(String::as_str).unwrap_or("");
                if i > 0 {
                    s.push_str("  ");
                }
                let pad = w.saturating_sub(cell.chars().count());
                if self.left.get(i).copied().unwrap_or(false) {
                    s.push_str(cell);
                    s.extend(std::iter::repeat_n(' ', pad));
                } else {
                    s.extend(std::iter::repeat_n(' ', pad));
                    s.push_str(cell);
                }
            }
            out.push_str(s.trim_end());
            out.push('\n');
        };
        line(&mut out, &self.header);
        for (i, r) in self.rows.iter().enumerate() {
            if self.rule_before == Some(i) {
                // The rule spans up to the last number column: a trailing text column
                // (mapping names) can be very wide.
                let upto = self.left.iter().rposition(|l| !l).map_or(ncols, |i| i + 1);
                let total: usize = width[..upto].iter().sum::<usize>() + 2 * upto.saturating_sub(1);
                let _ = writeln!(out, "{}", "-".repeat(total));
            }
            line(&mut out, r);
        }
        out
    }
}

/// The per-category view.
pub fn category_table(t: &CategoryTotals, units: Units) -> String {
    category_table_with_total(t, &t.total(), units)
}

/// The per-category view with a given totals row (for peaks over time, where the peak
/// of the sum is not the sum of the peaks).
pub fn category_table_with_total(t: &CategoryTotals, total: &Usage, units: Units) -> String {
    let mut table = Table::new(&["CATEGORY"], FULL);
    for (c, u) in t.iter() {
        table.row(vec![c.name().to_string()], FULL, u, units);
    }
    table.total_row(vec!["total".into()], FULL, total, units);
    table.render()
}

/// The per-permission-tag view.
pub fn perm_table(t: &BTreeMap<Perm, Usage>, units: Units) -> String {
    let mut table = Table::new(&["PERM"], FULL);
    let mut total = Usage::default();
    for (p, u) in t {
        table.row(vec![p.to_string()], FULL, u, units);
        total += u;
    }
    table.total_row(vec!["total".into()], FULL, &total, units);
    table.render()
}

const MAP_COLS: &[Col] = &[
    Col::Size,
    Col::Rss,
    Col::Pss,
    Col::Uss,
    Col::Swap,
    Col::Evictable,
];

/// One line per mapping, like `pmap -X`, with category and tag.
pub fn maps_table(maps: &[Mapping], units: Units) -> String {
    // The name goes last so long paths do not widen every other column.
    let mut table = Table::new(&["ADDRESS", "PERM", "CATEGORY"], MAP_COLS);
    table.header.push("NAME".into());
    table.left.push(true);
    let mut total = Usage::default();
    for m in maps {
        let keys = vec![
            format!("{:012x}-{:012x}", m.start, m.end),
            m.perm.to_string(),
            m.category.name().to_string(),
        ];
        table.row(keys, MAP_COLS, &m.usage, units);
        let mut name = m.name.clone();
        if m.deleted {
            name.push_str(" (deleted)");
        }
        if let Some(r) = table.rows.last_mut() {
            r.push(name);
        }
        total += &m.usage;
    }
    table.total_row(
        vec!["total".into(), String::new(), String::new()],
        MAP_COLS,
        &total,
        units,
    );
    if let Some(r) = table.rows.last_mut() {
        r.push(format!("{} mappings", total.mappings));
    }
    table.render()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_sizes() {
        assert_eq!(size(0, Units::Human), "0");
        assert_eq!(size(512, Units::Human), "512B");
        assert_eq!(size(4096, Units::Human), "4.00K");
        assert_eq!(size(12 * 1024 + 512, Units::Human), "12.5K");
        assert_eq!(size(300 * 1024 * 1024, Units::Human), "300M");
        assert_eq!(size(u64::MAX, Units::Human), "16.0E");
        assert_eq!(size(4096, Units::Bytes), "4096");
    }

    #[test]
    fn columns_align() {
        let mut t = Table::new(&["K"], &[Col::Rss]);
        t.row(
            vec!["a".into()],
            &[Col::Rss],
            &Usage::default(),
            Units::Bytes,
        );
        let u = Usage {
            rss: 123456,
            ..Usage::default()
        };
        t.total_row(vec!["total".into()], &[Col::Rss], &u, Units::Bytes);
        assert_eq!(
            t.render(),
            "K         RSS\na           0\n-------------\ntotal  123456\n"
        );
    }
}
