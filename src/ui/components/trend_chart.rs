//! The history chart: one small panel per headline, stacked, sharing one
//! time axis, with the band zones shaded, a line through every entry, full
//! check-ins as filled circles and pulses as smaller hollow ones; then a
//! data table with one row per entry.
//!
//! The component takes plain data, the interface strings and a date
//! formatter, not the app context, so it can be shown (and tested) on its
//! own. Every position comes from [`tend_core::domain::chart::trend`];
//! this file draws what it decides and puts the words in.

use super::chart_parts::{
    chart_id, chart_table, hatch_patterns, small_text, svg_title, zone_rects, ChartTable,
};
use crate::content::Strings;
use leptos::prelude::*;
use tend_core::domain::chart::trend::{CHECK_IN_RADIUS, LEGEND_MARK, MAX_TICKS, PULSE_RADIUS};
use tend_core::domain::chart::{
    percent, text_width, time_extent, trend_entries, PlacedPoint, TimeTick, TrendFrame, SMALL_TEXT,
    VALUE_TEXT,
};
pub use tend_core::domain::chart::{ChartBand, TrendPoint, TrendSeries};

/// How a point's value reads in the table and the description
/// (`Moderate, 45%`).
fn value_text(strings: &Strings, point: &TrendPoint) -> String {
    let percent = crate::platform::intl::percent(strings.code, percent(point.value));
    match &point.band {
        Some(band) => strings.charts_trend_value_with_band(band, &percent),
        None => percent,
    }
}

/// How an entry's kind is written.
fn kind_text(strings: &Strings, is_pulse: bool) -> &'static str {
    if is_pulse {
        strings.charts_pulse
    } else {
        strings.charts_check_in
    }
}

/// One sentence about a panel, for its description, from its entries in
/// time order.
fn panel_summary(
    strings: &Strings,
    series: &TrendSeries,
    points: &[PlacedPoint],
    format_date: Callback<i64, String>,
) -> String {
    match (points.first(), points.last()) {
        (Some(first), Some(last)) if points.len() > 1 => strings.charts_trend_summary_many(
            &series.label,
            &points.len().to_string(),
            &format_date.run(first.point.at_ms),
            &format_date.run(last.point.at_ms),
            &format_date.run(last.point.at_ms),
            &value_text(strings, last.point),
        ),
        (Some(only), _) => strings.charts_trend_summary_one(
            &series.label,
            &format_date.run(only.point.at_ms),
            &value_text(strings, only.point),
        ),
        _ => strings.charts_trend_summary_empty(&series.label),
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
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let (labelled_by, described_by) = (title_id.clone(), desc_id.clone());
    let y_labels = series
        .iter()
        .flat_map(|s| s.bands.iter().map(|b| b.label.as_str()))
        .chain([strings.charts_trend_higher, strings.charts_trend_lower]);
    let frame = TrendFrame::for_labels(y_labels, time_extent(&series));
    let ticks = frame.ticks(i64::from(utc_offset_minutes) * 60_000, MAX_TICKS, |ms| {
        text_width(&format_date.run(ms), SMALL_TEXT)
    });
    let legend = [
        (
            "trend-checkin",
            CHECK_IN_RADIUS,
            strings.charts_trend_legend_check_in,
        ),
        (
            "trend-pulse",
            PULSE_RADIUS,
            strings.charts_trend_legend_pulse,
        ),
    ]
    .map(|(class, r, text)| legend_item(class, r, text));
    let panels = series
        .iter()
        .enumerate()
        .map(|(n, s)| {
            trend_panel(
                &format!("{id}-{n}"),
                s,
                &frame,
                &ticks,
                strings,
                format_date,
            )
        })
        .collect_view();

    let mut head = vec![
        strings.charts_trend_col_date.to_string(),
        strings.charts_trend_col_kind.to_string(),
    ];
    head.extend(series.iter().map(|s| s.label.clone()));
    let rows = trend_entries(&series)
        .into_iter()
        .map(|entry| {
            let data_kind = if entry.is_pulse { "pulse" } else { "check-in" };
            let cells = entry
                .values
                .iter()
                .map(|value| {
                    let text = match value {
                        Some(point) => value_text(strings, point),
                        None => strings.charts_trend_missing.to_string(),
                    };
                    view! { <td>{text}</td> }
                })
                .collect_view();
            view! {
                <tr data-kind=data_kind>
                    <th scope="row">{format_date.run(entry.at_ms)}</th>
                    <td>{kind_text(strings, entry.is_pulse)}</td>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let table = chart_table(ChartTable {
        id: id.clone(),
        test_id: "trend-chart-table",
        toggle: strings.charts_table_toggle,
        caption: strings.charts_trend_table_caption(&title),
        head,
        rows,
    });

    view! {
        <div
            class="chart trend-chart"
            role="group"
            aria-labelledby=labelled_by
            aria-describedby=described_by
            data-testid="trend-chart"
        >
            <p class="chart-caption" id=title_id>{title}</p>
            <p class="chart-description" id=desc_id>{description}</p>
            <ul class="chart-legend" aria-label=strings.charts_trend_legend_heading>
                {legend}
            </ul>
            <div class="trend-panels">{panels}</div>
            {table}
        </div>
    }
}

/// One entry of the key: a stretch of line with a `class` marker of radius
/// `r` on it, then what it stands for.
fn legend_item(class: &'static str, r: f64, text: &'static str) -> impl IntoView {
    let (width, height) = LEGEND_MARK;
    view! {
        <li>
            <svg
                class="chart-legend-mark"
                viewBox=format!("0 0 {width} {height}")
                width=width
                height=height
                aria-hidden="true"
            >
                <line class="trend-line" x1="0" y1=height / 2.0 x2=width y2=height / 2.0></line>
                <circle class=class cx=width / 2.0 cy=height / 2.0 r=r></circle>
            </svg>
            {text}
        </li>
    }
}

/// One headline's panel: an accessible `<svg>` with its zones, the shared
/// date ticks, the y labels, the line and one marker per entry (check-ins
/// under pulses), or the words for "no entries".
fn trend_panel(
    id: &str,
    series: &TrendSeries,
    frame: &TrendFrame,
    ticks: &[TimeTick],
    strings: &'static Strings,
    format_date: Callback<i64, String>,
) -> impl IntoView {
    let layout = frame.panel(series);
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let (labelled_by, described_by) = (title_id.clone(), desc_id.clone());
    let summary = panel_summary(strings, series, &layout.points, format_date);
    let (left, top) = (layout.plot_left, layout.plot_top);
    let (plot_width, plot_height) = (layout.plot_width(), layout.plot_height());
    let zones = layout
        .zones
        .iter()
        .map(|z| zone_rects(id, z, (left, z.start, plot_width, z.size())))
        .collect_view();
    let ((grid_top, grid_bottom), (mark_top, mark_bottom)) =
        (layout.tick_grid_span(), layout.tick_mark_span());
    let ticks = ticks
        .iter()
        .map(|t| {
            view! {
                <line class="chart-grid" x1=t.x x2=t.x y1=grid_top y2=grid_bottom></line>
                <line class="chart-axis" x1=t.x x2=t.x y1=mark_top y2=mark_bottom></line>
                {small_text(
                    "chart-text chart-muted",
                    (t.label_x, layout.tick_label_y),
                    Some("middle"),
                    format_date.run(t.at_ms),
                )}
            }
        })
        .collect_view();
    let label_x = layout.y_label_x();
    let y_labels = if layout.has_zone_labels() {
        layout
            .zones
            .iter()
            .zip(&layout.zone_label_fits)
            .filter(|(_, fits)| **fits)
            .map(|(z, _)| {
                small_text(
                    "chart-text chart-zone-label",
                    (label_x, layout.zone_label_y(z)),
                    Some("end"),
                    z.band.label.clone(),
                )
                .into_any()
            })
            .collect_view()
    } else {
        let (higher_y, lower_y) = layout.end_label_ys();
        [
            (higher_y, strings.charts_trend_higher),
            (lower_y, strings.charts_trend_lower),
        ]
        .into_iter()
        .map(|(y, text)| {
            small_text(
                "chart-text chart-muted",
                (label_x, y),
                Some("end"),
                text.to_string(),
            )
            .into_any()
        })
        .collect_view()
    };
    let line = layout.line().map(|points| {
        let points: Vec<String> = points
            .iter()
            .map(|p| format!("{:.1},{:.1}", p.x, p.y))
            .collect();
        view! { <polyline class="trend-line" points=points.join(" ")></polyline> }
    });
    let markers = layout
        .markers()
        .map(|placed| {
            let p = placed.point;
            let class = if p.is_pulse {
                "trend-pulse"
            } else {
                "trend-checkin"
            };
            let tip = format!(
                "{} · {} · {}",
                format_date.run(p.at_ms),
                kind_text(strings, p.is_pulse),
                value_text(strings, p)
            );
            view! {
                <circle class=class cx=placed.x cy=placed.y r=placed.radius()>
                    {svg_title(None, tip)}
                </circle>
            }
        })
        .collect_view();
    let empty = layout.points.is_empty().then(|| {
        let (x, y) = layout.empty_label_at();
        view! {
            <text
                class="chart-text chart-missing"
                x=x
                y=y
                text-anchor="middle"
                font-size=SMALL_TEXT
                data-testid="trend-empty"
            >
                {strings.charts_trend_no_entries}
            </text>
        }
    });
    view! {
        <svg
            class="chart-svg trend-panel"
            role="img"
            viewBox=format!("0 0 {} {}", layout.width, layout.height)
            width="100%"
            aria-labelledby=labelled_by
            aria-describedby=described_by
            data-testid="trend-panel"
        >
            {svg_title(Some(title_id), series.label.clone())}
            <desc id=desc_id>{summary}</desc>
            {hatch_patterns(id)}
            <text
                class="chart-text chart-heading"
                x=layout.title_x
                y=layout.title_y
                font-size=VALUE_TEXT
            >
                {series.label.clone()}
            </text>
            {zones}
            {ticks}
            <rect
                class="chart-plot-frame"
                x=left
                y=top
                width=plot_width
                height=plot_height
            ></rect>
            {y_labels}
            {line}
            {markers}
            {empty}
        </svg>
    }
}
