//! `memuse --plot FILE -- COMMAND`: the command's RSS per category over time, as a
//! stacked area chart in SVG; with `--ledger TRACE`, a second panel below it draws
//! lethe's memory ledger over time (one line per category, log scale).
//!
//! The SVG backend writes text as `<text>` elements, so no font is read at run time.
//! Long runs are thinned to at most [`MAX_POINTS`] points per series before drawing,
//! keeping peaks (see [`thin_rss`] and [`ledger_points`]), so an SVG stays a few tens
//! of kilobytes whatever the run's length.

use std::path::Path;

use anyhow::{anyhow, Context, Result};
use memuse::classify::CATEGORY_COUNT;
use memuse::{Category, CategoryTotals};
use plotters::coord::Shift;
use plotters::prelude::*;

use crate::ledger::{LedgerSample, LedgerTrace};

const WIDTH: u32 = 1000;
const HEIGHT: u32 = 600;
/// Height with the ledger panel below the RSS panel.
const HEIGHT_WITH_LEDGER: u32 = 950;
/// At most this many points per series (the plot is 1000 pixels wide).
pub const MAX_POINTS: usize = 120;
/// Longer command lines are cut in the title.
const TITLE_MAX_CHARS: usize = 110;
const MIB: f64 = 1024.0 * 1024.0;

/// One fill colour per category, in `Category::ALL` order.
const COLORS: [RGBColor; CATEGORY_COUNT] = [
    RGBColor(31, 119, 180),  // program text
    RGBColor(174, 199, 232), // library text
    RGBColor(214, 39, 40),   // JIT code
    RGBColor(255, 127, 14),  // heap
    RGBColor(148, 103, 189), // stack
    RGBColor(44, 160, 44),   // file data
    RGBColor(255, 187, 120), // anon data
    RGBColor(127, 127, 127), // other
];

/// Line colour of a ledger category (by its lethe name; others take the fallbacks).
fn ledger_color(name: &str, k: usize) -> RGBColor {
    match name {
        "runtime" => RGBColor(127, 127, 127),
        "source" => RGBColor(140, 86, 75),
        "ast" => RGBColor(214, 39, 40),
        "ir" => RGBColor(255, 127, 14),
        "scopes" => RGBColor(188, 189, 34),
        "bytecode" => RGBColor(31, 119, 180),
        "feedback" => RGBColor(23, 190, 207),
        "native" => RGBColor(148, 103, 189),
        "deopt" => RGBColor(227, 119, 194),
        "compiler" => RGBColor(82, 84, 163),
        "objects" => RGBColor(44, 160, 44),
        "frames" => RGBColor(0, 0, 0),
        _ => COLORS[k % CATEGORY_COUNT],
    }
}

/// RSS per category at one moment, `seconds` after the command started.
#[derive(Clone, Debug)]
pub struct Sample {
    pub seconds: f64,
    pub rss: [u64; CATEGORY_COUNT],
}

impl Sample {
    pub fn new(seconds: f64, t: &CategoryTotals) -> Sample {
        let mut rss = [0; CATEGORY_COUNT];
        for (c, u) in t.iter() {
            rss[c.index()] = u.rss;
        }
        Sample { seconds, rss }
    }
}

/// The title: the command line, cut to a readable length.
fn title(command: &str) -> String {
    if command.chars().count() <= TITLE_MAX_CHARS {
        command.to_string()
    } else {
        let cut: String = command.chars().take(TITLE_MAX_CHARS - 3).collect();
        format!("{cut}...")
    }
}

/// Stacked tops per sample, in MiB: `tops[i][k]` is the sum of categories `0..=k`.
fn stacked(samples: &[Sample]) -> Vec<[f64; CATEGORY_COUNT]> {
    samples
        .iter()
        .map(|s| {
            let mut acc = 0.0;
            let mut top = [0.0; CATEGORY_COUNT];
            for (t, &b) in top.iter_mut().zip(s.rss.iter()) {
                acc += b as f64 / MIB;
                *t = acc;
            }
            top
        })
        .collect()
}

fn draw_err<E: std::fmt::Debug>(e: E) -> anyhow::Error {
    anyhow!("drawing the plot: {e:?}")
}

/// At most `max` samples: consecutive samples are grouped into buckets of equal count
/// and each bucket is represented by its sample with the largest total RSS (a real
/// sample, so the stack stays consistent, and no peak is lost). The last sample is kept.
pub fn thin_rss(samples: &[Sample], max: usize) -> Vec<Sample> {
    if samples.len() <= max || max < 2 {
        return samples.to_vec();
    }
    let per = samples.len().div_ceil(max - 1);
    let mut out: Vec<Sample> = samples[..samples.len() - 1]
        .chunks(per)
        .filter_map(|bucket| {
            bucket
                .iter()
                .max_by_key(|s| s.rss.iter().sum::<u64>())
                .cloned()
        })
        .collect();
    out.extend(samples.last().cloned());
    out
}

/// Drops the points of a line that lie inside a horizontal run (same y as the points
/// on both sides): the drawn line is unchanged and flat stretches cost two points.
pub fn without_flat_runs(points: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    let n = points.len();
    let mut out = Vec::with_capacity(n);
    for (i, &p) in points.iter().enumerate() {
        let inner = i > 0 && i + 1 < n && points[i - 1].1 == p.1 && points[i + 1].1 == p.1;
        if !inner {
            out.push(p);
        }
    }
    out
}

/// The points of ledger category `k` (seconds, bytes). A sample whose peak since the
/// previous sample is above its current figure gives two points at its time, the peak
/// then the current figure: a spike, for a form built and freed between two samples.
/// With more than `max / 2` samples, each bucket of consecutive samples gives its
/// highest peak and its lowest current figure, in time order, so a category that
/// rises and falls within a bucket still shows both; the last sample is always kept.
pub fn ledger_points(trace: &LedgerTrace, k: usize, max: usize) -> Vec<(f64, f64)> {
    let s = &trace.samples;
    let mut pts: Vec<(f64, f64)> = Vec::new();
    let spike = |pts: &mut Vec<(f64, f64)>, x: &LedgerSample, peak: bool, now: bool| {
        if peak && x.peak[k] > x.bytes[k] {
            pts.push((x.seconds, x.peak[k] as f64));
        }
        if now {
            pts.push((x.seconds, x.bytes[k] as f64));
        }
    };
    if s.len() <= max / 2 {
        for x in s {
            spike(&mut pts, x, true, true);
        }
    } else {
        let buckets = (max / 2).max(1);
        let per = s.len().div_ceil(buckets);
        for bucket in s.chunks(per) {
            let hi = bucket.iter().max_by_key(|x| x.peak[k].max(x.bytes[k]));
            let lo = bucket.iter().min_by_key(|x| x.bytes[k]);
            let (Some(hi), Some(lo)) = (hi, lo) else {
                continue;
            };
            if std::ptr::eq(hi, lo) {
                spike(&mut pts, hi, true, true);
            } else if hi.seconds < lo.seconds {
                spike(&mut pts, hi, true, true);
                spike(&mut pts, lo, false, true);
            } else {
                spike(&mut pts, lo, false, true);
                spike(&mut pts, hi, true, true);
            }
        }
        if let Some(last) = s.last() {
            let end = (last.seconds, last.bytes[k] as f64);
            if pts.last() != Some(&end) {
                pts.push(end);
            }
        }
    }
    without_flat_runs(pts)
}

/// A byte count for the ledger axis: decimal units, as the ticks of a log axis fall
/// on powers of ten.
pub fn bytes_label(v: f64) -> String {
    let (div, unit) = if v >= 1e9 {
        (1e9, "GB")
    } else if v >= 1e6 {
        (1e6, "MB")
    } else if v >= 1e3 {
        (1e3, "kB")
    } else {
        (1.0, "B")
    };
    let x = v / div;
    if (x - x.round()).abs() < 1e-9 {
        format!("{x:.0} {unit}")
    } else {
        format!("{x:.1} {unit}")
    }
}

/// Width of the legend column right of each panel in the two-panel layout (legends
/// there cover no data, and both panels keep the same time axis).
const SIDE_LEGEND: u32 = 120;

/// A legend in the column right of the plot: (label, colour, filled box or line).
fn side_legend(
    area: &DrawingArea<SVGBackend<'_>, Shift>,
    entries: &[(&str, RGBColor, bool)],
) -> Result<()> {
    let x = area.dim_in_pixel().0 as i32 - SIDE_LEGEND as i32 + 8;
    for (i, &(label, color, filled)) in entries.iter().enumerate() {
        let y = 45 + i as i32 * 19;
        if filled {
            area.draw(&Rectangle::new(
                [(x, y - 5), (x + 14, y + 5)],
                color.filled(),
            ))
            .map_err(draw_err)?;
        } else {
            area.draw(&PathElement::new(
                vec![(x, y), (x + 16, y)],
                color.stroke_width(3),
            ))
            .map_err(draw_err)?;
        }
        area.draw(&Text::new(
            label.to_string(),
            (x + 22, y - 7),
            ("sans-serif", 13),
        ))
        .map_err(draw_err)?;
    }
    Ok(())
}

/// The stacked RSS chart in `area`; its legend inside the plot (upper right), or in a
/// column right of it with `side_legend`.
fn draw_rss(
    area: &DrawingArea<SVGBackend<'_>, Shift>,
    caption: (&str, u32),
    samples: &[Sample],
    x_max: f64,
    side: bool,
) -> Result<()> {
    let samples = thin_rss(samples, MAX_POINTS);
    let tops = stacked(&samples);
    let y_max = tops
        .iter()
        .map(|t| t[CATEGORY_COUNT - 1])
        .fold(0.0, f64::max);
    let y_max = (y_max * 1.1).max(1.0);
    let mut chart = ChartBuilder::on(area)
        .caption(caption.0, ("sans-serif", caption.1))
        .margin(12)
        .margin_right(if side { 12 + SIDE_LEGEND } else { 12 })
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d(0.0..x_max, 0.0..y_max)
        .map_err(draw_err)?;
    chart
        .configure_mesh()
        .x_desc("seconds")
        .y_desc("RSS (MiB)")
        .label_style(("sans-serif", 13))
        .light_line_style(TRANSPARENT)
        .draw()
        .map_err(draw_err)?;
    // Top of the stack first: each area reaches down to zero and the ones below are
    // drawn over it, so every band shows its own category. The legend lists the
    // categories in the order of the bands, top to bottom. A category that is zero
    // throughout would be covered exactly by the one below: only its legend entry is
    // drawn.
    for k in (0..CATEGORY_COUNT).rev() {
        let color = COLORS[k];
        let cat: Category = Category::ALL[k];
        let empty = samples.iter().all(|s| s.rss[k] == 0);
        let points = if empty {
            Vec::new()
        } else {
            without_flat_runs(
                samples
                    .iter()
                    .zip(&tops)
                    .map(|(s, t)| (s.seconds, t[k]))
                    .collect(),
            )
        };
        chart
            .draw_series(
                AreaSeries::new(points, 0.0, color.filled())
                    .border_style(color.mix(0.9).stroke_width(1)),
            )
            .map_err(draw_err)?
            .label(cat.label())
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 14, y + 5)], color.filled()));
    }
    if side {
        let entries: Vec<_> = (0..CATEGORY_COUNT)
            .rev()
            .map(|k| (Category::ALL[k].label(), COLORS[k], true))
            .collect();
        return side_legend(area, &entries);
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK)
        .label_font(("sans-serif", 13))
        .draw()
        .map_err(draw_err)?;
    Ok(())
}

/// The ledger chart in `area`: one line per category that is ever non-zero, bytes on
/// a log scale (zero and negative values are drawn on the bottom edge).
fn draw_ledger(
    area: &DrawingArea<SVGBackend<'_>, Shift>,
    trace: &LedgerTrace,
    x_max: f64,
) -> Result<()> {
    let shown = trace.nonzero_categories();
    let positive = trace
        .samples
        .iter()
        .flat_map(|s| shown.iter().map(move |&k| s.bytes[k]))
        .filter(|&b| b > 0);
    let (lo, hi) = positive.fold((f64::INFINITY, 0.0f64), |(lo, hi), b| {
        (lo.min(b as f64), hi.max(b as f64))
    });
    let (lo, hi) = if hi > 0.0 {
        (10f64.powf(lo.log10().floor()).max(1.0), hi)
    } else {
        (1.0, 1000.0)
    };
    let hi = (hi * 1.5).max(lo * 10.0);
    let mut chart = ChartBuilder::on(area)
        .caption(
            "lethe memory ledger: bytes per category (lethe --mem-trace; a spike is a peak between two samples)",
            ("sans-serif", 15),
        )
        .margin(12)
        .margin_right(12 + SIDE_LEGEND)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d(0.0..x_max, (lo..hi).log_scale())
        .map_err(draw_err)?;
    chart
        .configure_mesh()
        .x_desc("seconds")
        .y_desc("bytes (log scale)")
        .y_label_formatter(&|v| bytes_label(*v))
        .label_style(("sans-serif", 13))
        .light_line_style(TRANSPARENT)
        .bold_line_style(BLACK.mix(0.08))
        .draw()
        .map_err(draw_err)?;
    let mut entries = Vec::new();
    for &k in &shown {
        let name = trace.categories[k].as_str();
        let color = ledger_color(name, k);
        let points = ledger_points(trace, k, MAX_POINTS)
            .into_iter()
            .map(|(t, b)| (t, b.max(lo)));
        chart
            .draw_series(LineSeries::new(points, color.stroke_width(2)))
            .map_err(draw_err)?;
        entries.push((name, color, false));
    }
    side_legend(area, &entries)
}

/// Renders the chart to an SVG document. `elapsed` (seconds) sets the x range when the
/// samples are few or none. With a ledger trace (its samples on the same clock as
/// `samples`), the ledger is drawn in a second panel below, over the same time axis.
pub fn render(
    command: &str,
    samples: &[Sample],
    elapsed: f64,
    ledger: Option<&LedgerTrace>,
) -> Result<String> {
    let ledger_end = ledger
        .map(|t| t.samples.iter().map(|s| s.seconds).fold(0.0, f64::max))
        .unwrap_or(0.0);
    let x_max = samples
        .iter()
        .map(|s| s.seconds)
        .fold(elapsed.max(ledger_end), f64::max)
        .max(0.01);

    let mut svg = String::new();
    {
        let height = if ledger.is_some() {
            HEIGHT_WITH_LEDGER
        } else {
            HEIGHT
        };
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_err)?;
        match ledger {
            None => draw_rss(&root, (&title(command), 20), samples, x_max, false)?,
            Some(trace) => {
                let body = root
                    .titled(&title(command), ("sans-serif", 20))
                    .map_err(draw_err)?;
                let split = body.dim_in_pixel().1 as i32 * 55 / 100;
                let (top, bottom) = body.split_vertically(split);
                draw_rss(
                    &top,
                    ("process RSS per mapping category (memuse)", 15),
                    samples,
                    x_max,
                    true,
                )?;
                draw_ledger(&bottom, trace, x_max)?;
            }
        }
        root.present().map_err(draw_err)?;
    }
    Ok(svg)
}

/// Renders the chart and writes it to `path`.
pub fn write(
    path: &Path,
    command: &str,
    samples: &[Sample],
    elapsed: f64,
    ledger: Option<&LedgerTrace>,
) -> Result<()> {
    let svg = render(command, samples, elapsed, ledger)?;
    std::fs::write(path, svg.as_bytes()).with_context(|| format!("writing {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(seconds: f64, mib: [u64; CATEGORY_COUNT]) -> Sample {
        Sample {
            seconds,
            rss: mib.map(|m| m * 1024 * 1024),
        }
    }

    #[test]
    fn stacks_categories_in_order() {
        let tops = stacked(&[sample(0.0, [1, 2, 0, 3, 0, 0, 4, 0])]);
        assert_eq!(tops[0], [1.0, 3.0, 3.0, 6.0, 6.0, 6.0, 10.0, 10.0]);
    }

    #[test]
    fn renders_title_legend_and_areas() {
        let samples: Vec<_> = (0..10)
            .map(|i| sample(f64::from(i) * 0.1, [1, 2, 0, i as u64, 0, 1, 3, 0]))
            .collect();
        let svg = render("prog --flag", &samples, 1.0, None).expect("render");
        assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(200)]);
        assert!(svg.contains("prog --flag"));
        for c in Category::ALL {
            assert!(svg.contains(c.label()), "{} missing", c.label());
        }
        assert!(svg.contains("<polygon"));
    }

    #[test]
    fn renders_without_samples() {
        let svg = render("true", &[], 0.0, None).expect("render");
        assert!(svg.contains("<svg") && svg.contains("heap"));
    }

    #[test]
    fn long_titles_are_cut() {
        let t = title(&"x".repeat(500));
        assert_eq!(t.chars().count(), TITLE_MAX_CHARS);
        assert!(t.ends_with("..."));
    }

    fn trace() -> LedgerTrace {
        let mut text = String::from(
            "{\"trace\":\"lethe-ledger\",\"categories\":[\"runtime\",\"ast\",\"bytecode\",\"objects\",\"native\"]}\n",
        );
        for i in 0..1000 {
            // ast rises while "compiling" (samples 100..200) and is freed; objects
            // grows; native stays 0 throughout.
            // At sample 700 a tree of 70 kB was built and freed between two samples:
            // only the peak shows it.
            let ast = if (100..200).contains(&i) { 40_000 } else { 0 };
            let ast_peak = if i == 700 { 70_000 } else { ast };
            text.push_str(&format!(
                "{{\"t_ms\":{},\"ledger\":{{\"runtime\":3000,\"ast\":{ast},\"bytecode\":{},\"objects\":{},\"native\":0}},\"peak\":{{\"ast\":{ast_peak}}}}}\n",
                i * 10,
                if i >= 150 { 9000 } else { 0 },
                1000 + i * 5000,
            ));
        }
        crate::ledger::parse(&text).expect("trace")
    }

    #[test]
    fn renders_the_ledger_panel() {
        let samples: Vec<_> = (0..500)
            .map(|i: u32| {
                sample(
                    f64::from(i) * 0.02,
                    [1, 2, 0, 3, 0, 1, 3 + u64::from(i) / 100, 0],
                )
            })
            .collect();
        let t = trace();
        let svg = render(
            "lethe --mem-trace=t.jsonl prog.py",
            &samples,
            10.0,
            Some(&t),
        )
        .expect("render");
        assert!(svg.contains("lethe memory ledger"));
        assert!(svg.contains("process RSS per mapping category"));
        assert!(svg.contains("lethe --mem-trace=t.jsonl prog.py"));
        // The legend names every category that is ever non-zero, and not the others.
        for name in ["runtime", "ast", "bytecode", "objects"] {
            assert!(svg.contains(&format!("\n{name}\n")), "{name} missing");
        }
        assert!(!svg.contains("\nnative\n"));
        // One line (2 px wide) per ledger category shown; the RSS areas are polygons.
        assert_eq!(svg.matches("stroke-width=\"2\" points=").count(), 4);
        assert!(svg.contains("<polygon"));
        assert!(svg.contains(&format!("height=\"{HEIGHT_WITH_LEDGER}\"")));
        // Log-scale ticks carry byte units.
        assert!(
            svg.contains(" kB\n") && svg.contains(" MB\n"),
            "no byte labels"
        );
        // Thinned: a 1000-sample trace and 500 RSS samples stay small.
        assert!(svg.len() < 60_000, "{} bytes", svg.len());
    }

    #[test]
    fn ledger_points_keep_rises_and_falls() {
        let t = trace();
        let ast = ledger_points(&t, 1, MAX_POINTS);
        assert!(ast.len() <= MAX_POINTS, "{}", ast.len());
        assert!(ast.iter().any(|p| p.1 == 40_000.0));
        // The spike: up to the peak and back down at the same time.
        let i = ast
            .iter()
            .position(|p| p.1 == 70_000.0)
            .expect("spike kept");
        assert_eq!(ast[i + 1], (ast[i].0, 0.0));
        assert_eq!(ast.first().map(|p| p.1), Some(0.0));
        assert_eq!(ast.last().map(|p| p.1), Some(0.0));
        // Flat stretches cost two points: 0, rise, stay, fall, 0, spike, 0.
        assert!(ast.len() <= 10, "{ast:?}");
        let runtime = ledger_points(&t, 0, MAX_POINTS);
        assert_eq!(runtime.len(), 2);
        let objects = ledger_points(&t, 3, MAX_POINTS);
        assert_eq!(objects.last().map(|p| p.1), Some(1000.0 + 999.0 * 5000.0));
        // Few samples: every one is kept.
        let mut short = t.clone();
        short.samples.truncate(10);
        assert_eq!(ledger_points(&short, 3, MAX_POINTS).len(), 10);
        short.samples[5].peak[1] = 500;
        assert_eq!(
            ledger_points(&short, 1, MAX_POINTS),
            [
                (0.0, 0.0),
                (0.04, 0.0),
                (0.05, 500.0),
                (0.05, 0.0),
                (0.09, 0.0)
            ]
        );
    }

    #[test]
    fn thinning_keeps_peaks_and_the_last_sample() {
        let mut samples: Vec<_> = (0..1000)
            .map(|i| sample(f64::from(i) * 0.01, [1, 0, 0, 1, 0, 0, 0, 0]))
            .collect();
        samples[437].rss[3] = 50 * 1024 * 1024;
        let thin = thin_rss(&samples, MAX_POINTS);
        assert!(thin.len() <= MAX_POINTS, "{}", thin.len());
        assert!(thin.iter().any(|s| s.rss[3] == 50 * 1024 * 1024));
        assert_eq!(thin.last().map(|s| s.seconds), Some(9.99));
        assert_eq!(thin_rss(&samples[..5], MAX_POINTS).len(), 5);
    }

    #[test]
    fn flat_runs_keep_their_ends() {
        let pts = vec![(0.0, 1.0), (1.0, 1.0), (2.0, 1.0), (3.0, 2.0), (4.0, 2.0)];
        assert_eq!(
            without_flat_runs(pts),
            vec![(0.0, 1.0), (2.0, 1.0), (3.0, 2.0), (4.0, 2.0)]
        );
    }

    #[test]
    fn byte_labels() {
        assert_eq!(bytes_label(100.0), "100 B");
        assert_eq!(bytes_label(1000.0), "1 kB");
        assert_eq!(bytes_label(1.5e6), "1.5 MB");
        assert_eq!(bytes_label(1e9), "1 GB");
    }
}
