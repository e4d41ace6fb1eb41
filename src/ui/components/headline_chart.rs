//! The results chart: the three headline scores side by side, each on a
//! track over its possible range with the bands shaded, and a data table
//! with the same facts right after it.
//!
//! The component takes plain data and the interface strings, not the app
//! context, so it can be shown (and tested) on its own. Layout comes from
//! [`crate::domain::chart`]; this file only draws it.

use crate::content::{fill, Strings};
use crate::domain::chart::{self, HeadlineRowLayout, Zone, CHART_PADDING, CHART_WIDTH};
pub use crate::domain::chart::{ChartBand, HeadlineChartRow};
use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

static NEXT_CHART: AtomicUsize = AtomicUsize::new(0);

/// A fresh id prefix (`headline-chart-3`) for one chart's `<title>`,
/// `<desc>` and patterns, so several charts can share a page without their
/// ids clashing.
pub(crate) fn chart_id(kind: &str) -> String {
    format!("{kind}-{}", NEXT_CHART.fetch_add(1, Ordering::Relaxed))
}

/// An SVG `<title>` with `id`, naming a chart for assistive technology.
/// Built without the view macro, which makes an HTML `<title>` when the
/// element has siblings (leptos 0.8 only looks at the parent when an
/// element is an only child), and an HTML `<title>` inside `<svg>` names
/// nothing.
pub(crate) fn svg_title(id: String, text: String) -> impl IntoView {
    leptos::svg::title().attr("id", id).child(text)
}

/// How many hatch patterns there are; ranks above this reuse them.
const PATTERNS: usize = 3;

/// The hatching laid over a zone of `rank`: none for the lowest band, then
/// diagonal lines, cross-hatching and dots, so bands differ by more than
/// colour. Refers to the patterns [`ZonePatterns`] defines under `id`.
pub(crate) fn zone_pattern(id: &str, rank: usize) -> Option<String> {
    (rank > 0).then(|| format!("url(#{id}-hatch-{})", (rank - 1) % PATTERNS + 1))
}

/// The CSS class giving a zone of `rank` its fill (four tints, reused
/// above the fourth band).
pub(crate) fn zone_class(rank: usize) -> String {
    format!("chart-zone chart-zone-{}", rank % 4)
}

/// The hatch patterns for band zones, defined once per chart under `id`.
/// Colours come from CSS classes: presentation attributes cannot read
/// custom properties, and the content security policy forbids inline
/// styles.
#[component]
pub(crate) fn ZonePatterns(id: String) -> impl IntoView {
    view! {
        <defs>
            <pattern
                id=format!("{id}-hatch-1")
                width="7"
                height="7"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
            >
                <line class="chart-hatch" x1="0" y1="0" x2="0" y2="7"></line>
            </pattern>
            <pattern
                id=format!("{id}-hatch-2")
                width="7"
                height="7"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
            >
                <line class="chart-hatch" x1="0" y1="0" x2="0" y2="7"></line>
                <line class="chart-hatch" x1="0" y1="0" x2="7" y2="0"></line>
            </pattern>
            <pattern id=format!("{id}-hatch-3") width="6" height="6" patternUnits="userSpaceOnUse">
                <circle class="chart-hatch-dot" cx="3" cy="3" r="1.3"></circle>
            </pattern>
        </defs>
    }
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
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let (labelled_by, described_by) = (title_id.clone(), desc_id.clone());
    let layout = chart::headline_layout(&rows);
    let summary: Vec<String> = std::iter::once(description)
        .chain(rows.iter().map(|r| row_summary(strings, r)))
        .filter(|s| !s.trim().is_empty())
        .collect();
    let summary = summary.join(" ");
    let caption = fill(strings.charts_headline_table_caption, &[("title", &title)]);
    let caption_id = format!("{id}-caption");
    let table_labelled_by = caption_id.clone();

    let drawn_rows = rows
        .iter()
        .zip(layout.rows.iter())
        .map(|(row, at)| headline_row(&id, strings, row, at))
        .collect_view();
    let table_rows = rows
        .iter()
        .map(|row| table_row(strings, row))
        .collect_view();

    view! {
        <div class="chart headline-chart" data-testid="headline-chart">
            <svg
                class="chart-svg"
                role="img"
                viewBox=format!("0 0 {} {}", layout.width, layout.height)
                width="100%"
                aria-labelledby=labelled_by
                aria-describedby=described_by
                data-testid="headline-chart-svg"
            >
                {svg_title(title_id, title.clone())}
                <desc id=desc_id>{summary}</desc>
                <ZonePatterns id=id.clone() />
                {drawn_rows}
            </svg>
            <details class="chart-table" open>
                <summary>{strings.charts_table_toggle}</summary>
                // On a narrow screen or at large text sizes the table can
                // scroll sideways; a scrolling region must be reachable by
                // keyboard, and named.
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby=table_labelled_by>
                    <table data-testid="headline-chart-table">
                        <caption id=caption_id>{caption}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{strings.charts_headline_col_measure}</th>
                                <th scope="col">{strings.charts_headline_col_score}</th>
                                <th scope="col">{strings.charts_headline_col_range}</th>
                            </tr>
                        </thead>
                        <tbody>{table_rows}</tbody>
                    </table>
                </div>
            </details>
        </div>
    }
}

/// One headline drawn: name, score text, the track with its zones, the bar
/// and marker when there is a score, and the band names under the track.
fn headline_row(
    id: &str,
    strings: &Strings,
    row: &HeadlineChartRow,
    at: &HeadlineRowLayout,
) -> impl IntoView {
    let missing = row.score.is_none();
    let track_end = at.track_x + at.track_width;
    let zones = at
        .zones
        .iter()
        .map(|z| zone_rects(id, z, at))
        .collect_view();
    let edges = at
        .zones
        .iter()
        .skip(1)
        .map(|z| {
            view! {
                <line
                    class="chart-zone-edge"
                    x1=z.start
                    x2=z.start
                    y1=at.track_y
                    y2=at.track_y + at.track_height
                ></line>
            }
        })
        .collect_view();
    let gridlines = at
        .gridlines
        .iter()
        .map(|x| {
            view! {
                <line
                    class="chart-grid"
                    x1=*x
                    x2=*x
                    y1=at.track_y + 2.0
                    y2=at.track_y + at.track_height - 2.0
                ></line>
            }
        })
        .collect_view();
    let zone_labels = at
        .zones
        .iter()
        .zip(at.zone_label_fits.iter())
        .filter(|(_, fits)| **fits)
        .map(|(z, _)| {
            view! {
                <text
                    class="chart-text chart-zone-label"
                    x=z.center()
                    y=at.zone_label_y
                    text-anchor="middle"
                    font-size=chart::SMALL_TEXT
                >
                    {z.label.clone()}
                </text>
            }
        })
        .collect_view();
    let bar = at.bar().map(|(x, width)| {
        view! {
            <rect
                class="chart-bar"
                x=x
                y=at.bar_y()
                width=width
                height=HeadlineRowLayout::BAR_HEIGHT
                data-testid="headline-bar"
            ></rect>
        }
    });
    let marker = at.score_x.map(|x| {
        view! {
            <line
                class="chart-marker"
                x1=x
                x2=x
                y1=at.track_y - 5.0
                y2=at.track_y + at.track_height + 5.0
                data-testid="headline-marker"
            ></line>
        }
    });
    view! {
        <g class="headline-row" data-testid="headline-row">
            <text class="chart-text chart-heading" x=CHART_PADDING y=at.label_y font-size=chart::HEADING_TEXT>
                {row.label.clone()}
            </text>
            <text
                class={if missing { "chart-text chart-missing" } else { "chart-text chart-value" }}
                x=CHART_PADDING
                y=at.value_y
                font-size=chart::VALUE_TEXT
                data-testid={if missing { "headline-missing" } else { "headline-value" }}
            >
                {value_text(strings, row)}
            </text>
            <rect
                class="chart-track"
                x=at.track_x
                y=at.track_y
                width=at.track_width
                height=at.track_height
            ></rect>
            {zones}
            {gridlines}
            {edges}
            <rect
                class="chart-track-outline"
                x=at.track_x
                y=at.track_y
                width=at.track_width
                height=at.track_height
            ></rect>
            {bar}
            {marker}
            <text
                class="chart-text chart-muted"
                x=at.track_x - 6.0
                y=at.end_label_y
                text-anchor="end"
                font-size=chart::SMALL_TEXT
            >
                {at.min_label.clone()}
            </text>
            <text
                class="chart-text chart-muted"
                x=(track_end + 6.0).min(CHART_WIDTH)
                y=at.end_label_y
                font-size=chart::SMALL_TEXT
            >
                {at.max_label.clone()}
            </text>
            {zone_labels}
        </g>
    }
}

/// A band zone along a headline track: its tint, and its hatching over it.
fn zone_rects(id: &str, zone: &Zone, at: &HeadlineRowLayout) -> impl IntoView {
    let pattern = zone_pattern(id, zone.rank).map(|fill| {
        view! {
            <rect
                class="chart-zone-pattern"
                x=zone.start
                y=at.track_y
                width=zone.size()
                height=at.track_height
                fill=fill
            ></rect>
        }
    });
    view! {
        <rect
            class=zone_class(zone.rank)
            x=zone.start
            y=at.track_y
            width=zone.size()
            height=at.track_height
            data-band=zone.label.clone()
        ></rect>
        {pattern}
    }
}

/// One row of the data table: the headline, its score and band (or "not
/// enough answers"), and the possible range with every band's range.
fn table_row(strings: &'static Strings, row: &HeadlineChartRow) -> impl IntoView {
    let (min, max) = (row.min.min(row.max), row.min.max(row.max));
    let range = fill(
        strings.charts_headline_range,
        &[
            ("min", &chart::format_number(min)),
            ("max", &chart::format_number(max)),
        ],
    );
    let bands = row
        .bands
        .iter()
        .map(|b| {
            let text = fill(
                strings.charts_headline_band_range,
                &[
                    ("band", &b.label),
                    ("min", &chart::format_number(b.min)),
                    ("max", &chart::format_number(b.max)),
                ],
            );
            view! { <li>{text}</li> }
        })
        .collect_view();
    view! {
        <tr>
            <th scope="row">{row.label.clone()}</th>
            <td>{value_text(strings, row)}</td>
            <td>
                {range}
                {(!row.bands.is_empty()).then(|| view! { <ul class="chart-band-list">{bands}</ul> })}
            </td>
        </tr>
    }
}
