//! `memuse --plot FILE -- COMMAND`: the command's RSS per category over time, as a
//! stacked area chart in SVG.
//!
//! The SVG backend writes text as `<text>` elements, so no font is read at run time.

use std::path::Path;

use anyhow::{anyhow, Context, Result};
use memuse::classify::CATEGORY_COUNT;
use memuse::{Category, CategoryTotals};
use plotters::prelude::*;

const WIDTH: u32 = 1000;
const HEIGHT: u32 = 600;
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

/// Renders the chart to an SVG document. `elapsed` (seconds) sets the x range when the
/// samples are few or none.
pub fn render(command: &str, samples: &[Sample], elapsed: f64) -> Result<String> {
    let tops = stacked(samples);
    let y_max = tops
        .iter()
        .map(|t| t[CATEGORY_COUNT - 1])
        .fold(0.0, f64::max);
    let y_max = (y_max * 1.1).max(1.0);
    let x_max = samples
        .iter()
        .map(|s| s.seconds)
        .fold(elapsed, f64::max)
        .max(0.01);

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        let e = |e| anyhow!("drawing the plot: {e:?}");
        root.fill(&WHITE).map_err(e)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(title(command), ("sans-serif", 20))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(60)
            .build_cartesian_2d(0.0..x_max, 0.0..y_max)
            .map_err(e)?;
        chart
            .configure_mesh()
            .x_desc("seconds")
            .y_desc("RSS (MiB)")
            .label_style(("sans-serif", 13))
            .light_line_style(TRANSPARENT)
            .draw()
            .map_err(e)?;
        // Top of the stack first: each area reaches down to zero and the ones below
        // are drawn over it, so every band shows its own category. The legend lists
        // the categories in the order of the bands, top to bottom.
        for k in (0..CATEGORY_COUNT).rev() {
            let color = COLORS[k];
            let cat: Category = Category::ALL[k];
            chart
                .draw_series(
                    AreaSeries::new(
                        samples.iter().zip(&tops).map(|(s, t)| (s.seconds, t[k])),
                        0.0,
                        color.filled(),
                    )
                    .border_style(color.mix(0.9).stroke_width(1)),
                )
                .map_err(e)?
                .label(cat.label())
                .legend(move |(x, y)| {
                    Rectangle::new([(x, y - 5), (x + 14, y + 5)], color.filled())
                });
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .background_style(WHITE.mix(0.9))
            .border_style(BLACK)
            .label_font(("sans-serif", 13))
            .draw()
            .map_err(e)?;
        root.present().map_err(e)?;
    }
    Ok(svg)
}

/// Renders the chart and writes it to `path`.
pub fn write(path: &Path, command: &str, samples: &[Sample], elapsed: f64) -> Result<()> {
    let svg = render(command, samples, elapsed)?;
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
        let svg = render("prog --flag", &samples, 1.0).expect("render");
        assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(200)]);
        assert!(svg.contains("prog --flag"));
        for c in Category::ALL {
            assert!(svg.contains(c.label()), "{} missing", c.label());
        }
        assert!(svg.contains("<polygon"));
    }

    #[test]
    fn renders_without_samples() {
        let svg = render("true", &[], 0.0).expect("render");
        assert!(svg.contains("<svg") && svg.contains("heap"));
    }

    #[test]
    fn long_titles_are_cut() {
        let t = title(&"x".repeat(500));
        assert_eq!(t.chars().count(), TITLE_MAX_CHARS);
        assert!(t.ends_with("..."));
    }
}
