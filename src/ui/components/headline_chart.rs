//! The results chart: the three headline scores side by side, each on a
//! track over its possible range with the bands shaded, and a data table
//! with the same facts right after it.
//!
//! The component takes plain data and the interface strings, not the app
//! context, so it can be shown (and tested) on its own. Every position
//! comes from [`tend_core::domain::chart::headline`]; this file draws what
//! it decides and puts the words in.

use super::chart_parts::{
    chart_id, chart_table, format_number, hatch_patterns, small_text, svg_title, zone_rects,
    ChartTable,
};
use crate::content::Strings;
use leptos::prelude::*;
use tend_core::domain::chart::{
    headline_layout, text_width, HeadlineRowLayout, HEADING_TEXT, SMALL_TEXT, VALUE_TEXT,
};
pub use tend_core::domain::chart::{ChartBand, HeadlineChartRow};

/// A score and its band as the chart writes them (`2.1 · Moderate`), or
/// "not enough answers".
fn value_text(strings: &Strings, row: &HeadlineChartRow) -> String {
    match (row.score, &row.band_label) {
        (None, _) => strings.charts_not_enough_answers.to_string(),
        (Some(score), Some(band)) => {
            strings.charts_score_with_band(&format_number(strings.code, score), band)
        }
        (Some(score), None) => format_number(strings.code, score),
    }
}

/// One sentence about a row, for the chart's description.
fn row_summary(strings: &Strings, row: &HeadlineChartRow) -> String {
    let (min, max) = row.range();
    let (min, max) = (
        format_number(strings.code, min),
        format_number(strings.code, max),
    );
    match (row.score, &row.band_label) {
        (None, _) => strings.charts_headline_summary_missing(&row.label),
        (Some(score), Some(band)) => strings.charts_headline_summary_scored(
            &row.label,
            &format_number(strings.code, score),
            &min,
            &max,
            band,
        ),
        (Some(score), None) => strings.charts_headline_summary_scored_no_band(
            &row.label,
            &format_number(strings.code, score),
            &min,
            &max,
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
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let (labelled_by, described_by) = (title_id.clone(), desc_id.clone());
    let summary: Vec<String> = std::iter::once(description)
        .chain(rows.iter().map(|r| row_summary(strings, r)))
        .filter(|s| !s.trim().is_empty())
        .collect();
    let caption = strings.charts_headline_table_caption(&title);
    let layout = headline_layout(&rows, |v| {
        text_width(&format_number(strings.code, v), SMALL_TEXT)
    });
    let drawn = rows
        .iter()
        .zip(&layout.rows)
        .map(|(row, at)| headline_row(&id, strings.code, row, at, value_text(strings, row)))
        .collect_view();
    let table = chart_table(ChartTable {
        id: id.clone(),
        test_id: "headline-chart-table",
        toggle: strings.charts_table_toggle,
        caption,
        head: vec![
            strings.charts_headline_col_measure.to_string(),
            strings.charts_headline_col_score.to_string(),
            strings.charts_headline_col_range.to_string(),
        ],
        rows: rows
            .iter()
            .map(|row| table_row(strings, row))
            .collect_view(),
    });
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
                {svg_title(Some(title_id), title)}
                <desc id=desc_id>{summary.join(" ")}</desc>
                {hatch_patterns(&id)}
                {drawn}
            </svg>
            {table}
        </div>
    }
}

/// One headline row of the chart: name, score or "not enough answers",
/// the track with its band zones, gridlines and edges, the bar and marker
/// when there is a score, the range's ends and the band names that fit.
fn headline_row(
    id: &str,
    code: &'static str,
    row: &HeadlineChartRow,
    at: &HeadlineRowLayout,
    value: String,
) -> impl IntoView {
    let (value_class, value_test_id) = if row.score.is_none() {
        ("chart-text chart-missing", "headline-missing")
    } else {
        ("chart-text chart-value", "headline-value")
    };
    let (x, y, width, height) = (at.track_x, at.track_y, at.track_width, at.track_height);
    let zones = at
        .zones
        .iter()
        .map(|z| zone_rects(id, z, (z.start, y, z.size(), height)))
        .collect_view();
    let (grid_top, grid_bottom) = at.gridline_span();
    let gridlines = at
        .gridlines
        .iter()
        .map(|gx| view! { <line class="chart-grid" x1=*gx x2=*gx y1=grid_top y2=grid_bottom></line> })
        .collect_view();
    let (top, bottom) = at.track_span();
    let edges = at
        .zone_edges()
        .map(|ex| view! { <line class="chart-zone-edge" x1=ex x2=ex y1=top y2=bottom></line> })
        .collect_view();
    let bar = at.bar().map(|(bx, bar_width)| {
        view! {
            <rect
                class="chart-bar"
                x=bx
                y=at.bar_y()
                width=bar_width
                height=HeadlineRowLayout::BAR_HEIGHT
                data-testid="headline-bar"
            ></rect>
        }
    });
    let (marker_top, marker_bottom) = at.marker_span();
    let marker = at.score_x.map(|mx| {
        view! {
            <line
                class="chart-marker"
                x1=mx
                x2=mx
                y1=marker_top
                y2=marker_bottom
                data-testid="headline-marker"
            ></line>
        }
    });
    let (min, max) = row.range();
    let zone_labels = at
        .zones
        .iter()
        .zip(&at.zone_label_fits)
        .filter(|(_, fits)| **fits)
        .map(|(z, _)| {
            small_text(
                "chart-text chart-zone-label",
                (z.center(), at.zone_label_y),
                Some("middle"),
                z.band.label.clone(),
            )
        })
        .collect_view();
    view! {
        <g class="headline-row" data-testid="headline-row">
            <text class="chart-text chart-heading" x=at.text_x y=at.label_y font-size=HEADING_TEXT>
                {row.label.clone()}
            </text>
            <text
                class=value_class
                x=at.text_x
                y=at.value_y
                font-size=VALUE_TEXT
                data-testid=value_test_id
            >
                {value}
            </text>
            <rect class="chart-track" x=x y=y width=width height=height></rect>
            {zones}
            {gridlines}
            {edges}
            <rect class="chart-track-outline" x=x y=y width=width height=height></rect>
            {bar}
            {marker}
            {small_text(
                "chart-text chart-muted",
                (at.min_label_x, at.end_label_y),
                Some("end"),
                format_number(code, min),
            )}
            {small_text(
                "chart-text chart-muted",
                (at.max_label_x, at.end_label_y),
                None,
                format_number(code, max),
            )}
            {zone_labels}
        </g>
    }
}

/// One row of the table: the measure, its score and band (or "not enough
/// answers"), and its possible range with every band's range under it.
fn table_row(strings: &Strings, row: &HeadlineChartRow) -> impl IntoView {
    let (min, max) = row.range();
    let range = strings.charts_headline_range(
        &format_number(strings.code, min),
        &format_number(strings.code, max),
    );
    let bands = (!row.bands.is_empty()).then(|| {
        let items = row
            .bands
            .iter()
            .map(|b| {
                let text = strings.charts_headline_band_range(
                    &b.label,
                    &format_number(strings.code, b.min),
                    &format_number(strings.code, b.max),
                );
                view! { <li>{text}</li> }
            })
            .collect_view();
        view! { <ul class="chart-band-list">{items}</ul> }
    });
    view! {
        <tr>
            <th scope="row">{row.label.clone()}</th>
            <td>{value_text(strings, row)}</td>
            <td>{range}{bands}</td>
        </tr>
    }
}
