//! The results chart: the three headline scores side by side, each on a
//! track over its possible range with the bands shaded, and a data table
//! with the same facts right after it.
//!
//! The component takes plain data and the interface strings, not the app
//! context, so it can be shown (and tested) on its own. Layout and markup
//! come from [`crate::chart`]; this file only puts the interface
//! strings in and shows the markup.

use crate::chart::{self, HeadlineRowWords, HeadlineWords};
pub use crate::chart::{ChartBand, HeadlineChartRow};
use crate::content::{fill, Strings};
use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

static NEXT_CHART: AtomicUsize = AtomicUsize::new(0);

/// A fresh id prefix (`headline-chart-3`) for one chart's `<title>`,
/// `<desc>`, patterns and table caption, so several charts can share a page without their
/// ids clashing.
pub(crate) fn chart_id(kind: &str) -> String {
    format!("{kind}-{}", NEXT_CHART.fetch_add(1, Ordering::Relaxed))
}

/// A score and its band as the chart writes them (`2.1 · Moderate`), or
/// "not enough answers".
fn value_text(strings: &Strings, row: &HeadlineChartRow) -> String {
    match (row.score, &row.band_label) {
        (None, _) => strings.charts_not_enough_answers.to_string(),
        (Some(score), Some(band)) => fill(
            strings.charts_score_with_band,
            &[("score", &chart::format_number(score)), ("band", band)],
        ),
        (Some(score), None) => chart::format_number(score),
    }
}

/// One sentence about a row, for the chart's description.
fn row_summary(strings: &Strings, row: &HeadlineChartRow) -> String {
    let (min, max) = (
        chart::format_number(row.min.min(row.max)),
        chart::format_number(row.min.max(row.max)),
    );
    match (row.score, &row.band_label) {
        (None, _) => fill(
            strings.charts_headline_summary_missing,
            &[("label", &row.label)],
        ),
        (Some(score), Some(band)) => fill(
            strings.charts_headline_summary_scored,
            &[
                ("label", &row.label),
                ("score", &chart::format_number(score)),
                ("min", &min),
                ("max", &max),
                ("band", band),
            ],
        ),
        (Some(score), None) => fill(
            strings.charts_headline_summary_scored_no_band,
            &[
                ("label", &row.label),
                ("score", &chart::format_number(score)),
                ("min", &min),
                ("max", &max),
            ],
        ),
    }
}

/// The three headline scores on one chart, followed by the same facts as
/// a table. A score of "not enough answers" is written out in words, with
/// no bar. Band zones are told apart by tint, hatching and their names.
///
/// The chart and table are one piece of markup from
/// [`chart::headline_markup`], set as the element's inner HTML: far less
/// wasm than drawing every element with the view macro.
#[component]
pub fn HeadlineChart(
    /// The chart's name: the SVG's `<title>` and the table's caption.
    #[prop(into)]
    title: String,
    /// What the chart shows, in a sentence or two; read with the chart,
    /// followed by one sentence per score.
    #[prop(into)]
    description: String,
    /// One row per headline score, top to bottom.
    rows: Vec<HeadlineChartRow>,
    /// The interface strings of the language in use.
    strings: &'static Strings,
) -> impl IntoView {
    let id = chart_id("headline-chart");
    let summary: Vec<String> = std::iter::once(description)
        .chain(rows.iter().map(|r| row_summary(strings, r)))
        .filter(|s| !s.trim().is_empty())
        .collect();
    let summary = summary.join(" ");
    let caption = fill(strings.charts_headline_table_caption, &[("title", &title)]);
    let row_words: Vec<HeadlineRowWords> = rows.iter().map(|r| row_words(strings, r)).collect();
    let markup = chart::headline_markup(
        &id,
        &rows,
        &row_words,
        &HeadlineWords {
            title: &title,
            description: &summary,
            table_toggle: strings.charts_table_toggle,
            table_caption: &caption,
            columns: [
                strings.charts_headline_col_measure,
                strings.charts_headline_col_score,
                strings.charts_headline_col_range,
            ],
        },
    );
    view! { <div class="chart headline-chart" data-testid="headline-chart" inner_html=markup></div> }
}

/// What the table and chart write about one row: its score and band (or
/// "not enough answers"), the possible range, and every band's range.
fn row_words(strings: &Strings, row: &HeadlineChartRow) -> HeadlineRowWords {
    let (min, max) = (row.min.min(row.max), row.min.max(row.max));
    HeadlineRowWords {
        value: value_text(strings, row),
        range: fill(
            strings.charts_headline_range,
            &[
                ("min", &chart::format_number(min)),
                ("max", &chart::format_number(max)),
            ],
        ),
        band_ranges: row
            .bands
            .iter()
            .map(|b| {
                fill(
                    strings.charts_headline_band_range,
                    &[
                        ("band", &b.label),
                        ("min", &chart::format_number(b.min)),
                        ("max", &chart::format_number(b.max)),
                    ],
                )
            })
            .collect(),
    }
}
