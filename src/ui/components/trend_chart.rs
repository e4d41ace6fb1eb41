//! The history chart: one small panel per headline, stacked, sharing one
//! time axis, with the band zones shaded, a line through every entry, full
//! check-ins as filled circles and pulses as smaller hollow ones; then a
//! data table with one row per entry.
//!
//! The component takes plain data, the interface strings and a date
//! formatter, not the app context, so it can be shown (and tested) on its
//! own. Layout and markup come from [`crate::chart`]; this file
//! only puts the interface strings in and shows the markup.

use super::headline_chart::chart_id;
use crate::chart::{self, PlacedPoint, TrendFormat, TrendWords};
pub use crate::chart::{ChartBand, TrendPoint, TrendSeries};
use crate::content::{fill, Strings};
use leptos::prelude::*;

/// How a point's value reads in the table and the description
/// (`Moderate, 45%`).
fn value_text(strings: &Strings, point: &TrendPoint) -> String {
    let percent = chart::percent(point.value).to_string();
    match &point.band {
        Some(band) => fill(
            strings.charts_trend_value_with_band,
            &[("band", band), ("percent", &percent)],
        ),
        None => fill(strings.charts_trend_value_only, &[("percent", &percent)]),
    }
}

/// One sentence about a panel, for its description.
fn panel_summary(
    strings: &Strings,
    series: &TrendSeries,
    points: &[PlacedPoint],
    format_date: Callback<i64, String>,
) -> String {
    match (points.first(), points.last()) {
        (Some(first), Some(last)) if points.len() > 1 => fill(
            strings.charts_trend_summary_many,
            &[
                ("label", &series.label),
                ("count", &points.len().to_string()),
                ("first", &format_date.run(first.point.at_ms)),
                ("last", &format_date.run(last.point.at_ms)),
                ("date", &format_date.run(last.point.at_ms)),
                ("value", &value_text(strings, &last.point)),
            ],
        ),
        (Some(only), _) => fill(
            strings.charts_trend_summary_one,
            &[
                ("label", &series.label),
                ("date", &format_date.run(only.point.at_ms)),
                ("value", &value_text(strings, &only.point)),
            ],
        ),
        _ => fill(
            strings.charts_trend_summary_empty,
            &[("label", &series.label)],
        ),
    }
}

/// History as small multiples: one panel per headline, each with its band
/// zones and a line through its entries, every panel on the same dates.
/// Check-ins are filled circles, pulses smaller hollow circles, as the key
/// above the panels explains. A data table with one row per entry (date,
/// kind, and each headline's value and band) follows. Works with no
/// entries, one entry, and entries that did not score every headline.
#[component]
pub fn TrendChart(
    /// The chart's name, shown above it and naming the group of panels.
    #[prop(into)]
    title: String,
    /// What the chart shows, in a sentence or two, shown under the title.
    #[prop(into)]
    description: String,
    /// One series per headline, top to bottom. Values are positions in the
    /// possible range (0 lowest, 1 highest) and bands are on the same
    /// scale, so check-ins and pulses share an axis.
    series: Vec<TrendSeries>,
    /// Writes a date (milliseconds since the epoch) for tick labels, the
    /// table and the descriptions, in the language in use.
    format_date: Callback<i64, String>,
    /// The interface strings of the language in use.
    strings: &'static Strings,
    /// How many minutes the person's time zone is ahead of UTC, so date
    /// ticks fall on local midnights. Defaults to 0 (UTC).
    #[prop(optional)]
    utc_offset_minutes: i32,
) -> impl IntoView {
    let id = chart_id("trend-chart");
    let (labelled_by, described_by) = (format!("{id}-title"), format!("{id}-desc"));
    let caption = fill(strings.charts_trend_table_caption, &[("title", &title)]);
    let date = |ms: i64| format_date.run(ms);
    let value = |p: &TrendPoint| value_text(strings, p);
    let summary =
        |s: &TrendSeries, points: &[PlacedPoint]| panel_summary(strings, s, points, format_date);
    let markup = chart::trend_markup(
        &id,
        &series,
        i64::from(utc_offset_minutes) * 60_000,
        &TrendWords {
            title: &title,
            description: &description,
            legend_heading: strings.charts_trend_legend_heading,
            legend_check_in: strings.charts_trend_legend_check_in,
            legend_pulse: strings.charts_trend_legend_pulse,
            higher: strings.charts_trend_higher,
            lower: strings.charts_trend_lower,
            no_entries: strings.charts_trend_no_entries,
            table_toggle: strings.charts_table_toggle,
            table_caption: &caption,
            col_date: strings.charts_trend_col_date,
            col_kind: strings.charts_trend_col_kind,
            check_in: strings.charts_check_in,
            pulse: strings.charts_pulse,
            missing: strings.charts_trend_missing,
        },
        &TrendFormat {
            date: &date,
            value: &value,
            summary: &summary,
        },
    );

    view! {
        <div
            class="chart trend-chart"
            role="group"
            aria-labelledby=labelled_by
            aria-describedby=described_by
            data-testid="trend-chart"
            inner_html=markup
        ></div>
    }
}
