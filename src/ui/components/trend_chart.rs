//! The history chart: one small panel per headline, stacked, sharing one
//! time axis, with the band zones shaded, a line through every entry, full
//! check-ins as filled circles and pulses as smaller hollow ones; then a
//! data table with one row per entry.
//!
//! The component takes plain data, the interface strings and a date
//! formatter, not the app context, so it can be shown (and tested) on its
//! own. Layout comes from [`crate::domain::chart`]; this file only draws
//! it.

use super::headline_chart::{chart_id, svg_title, zone_class, zone_pattern, ZonePatterns};
use crate::content::{fill, Strings};
use crate::domain::chart::{
    self, PlacedPoint, TimeTick, TrendEntry, TrendFrame, TrendPanelLayout, CHART_PADDING,
};
pub use crate::domain::chart::{ChartBand, TrendPoint, TrendSeries};
use leptos::prelude::*;

/// The most date ticks on the shared time axis.
const MAX_TICKS: usize = 4;

/// Radius of a check-in marker.
const CHECK_IN_RADIUS: f64 = 5.0;

/// Radius of a pulse marker: smaller, and hollow.
const PULSE_RADIUS: f64 = 3.5;

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

/// "Check-in" or "Pulse".
fn kind_text(strings: &Strings, is_pulse: bool) -> &'static str {
    if is_pulse {
        strings.charts_pulse
    } else {
        strings.charts_check_in
    }
}

/// One sentence about a panel, for its description.
fn panel_summary(
    strings: &Strings,
    series: &TrendSeries,
    layout: &TrendPanelLayout,
    format_date: Callback<i64, String>,
) -> String {
    let points = &layout.points;
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
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let (labelled_by, described_by) = (title_id.clone(), desc_id.clone());

    let y_labels = series
        .iter()
        .flat_map(|s| s.bands.iter().map(|b| b.label.as_str()))
        .chain([strings.charts_trend_higher, strings.charts_trend_lower]);
    let frame = TrendFrame::for_labels(y_labels, chart::time_extent(&series));
    let ticks = frame.ticks(i64::from(utc_offset_minutes) * 60_000, MAX_TICKS, |ms| {
        chart::text_width(&format_date.run(ms), chart::SMALL_TEXT)
    });

    let panels = series
        .iter()
        .enumerate()
        .map(|(n, s)| {
            let layout = frame.panel(s);
            let summary = panel_summary(strings, s, &layout, format_date);
            trend_panel(
                &format!("{id}-{n}"),
                strings,
                s,
                layout,
                summary,
                &ticks,
                format_date,
            )
        })
        .collect_view();

    let entries = chart::trend_entries(&series);
    let caption_id = format!("{id}-caption");
    let table_labelled_by = caption_id.clone();
    let caption = fill(strings.charts_trend_table_caption, &[("title", &title)]);
    let head = series
        .iter()
        .map(|s| view! { <th scope="col">{s.label.clone()}</th> })
        .collect_view();
    let body = entries
        .iter()
        .map(|e| entry_row(strings, e, format_date))
        .collect_view();

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
                <li>
                    <svg class="chart-legend-mark" viewBox="0 0 28 16" width="28" height="16" aria-hidden="true">
                        <line class="trend-line" x1="0" y1="8" x2="28" y2="8"></line>
                        <circle class="trend-checkin" cx="14" cy="8" r=CHECK_IN_RADIUS></circle>
                    </svg>
                    {strings.charts_trend_legend_check_in}
                </li>
                <li>
                    <svg class="chart-legend-mark" viewBox="0 0 28 16" width="28" height="16" aria-hidden="true">
                        <line class="trend-line" x1="0" y1="8" x2="28" y2="8"></line>
                        <circle class="trend-pulse" cx="14" cy="8" r=PULSE_RADIUS></circle>
                    </svg>
                    {strings.charts_trend_legend_pulse}
                </li>
            </ul>
            <div class="trend-panels">{panels}</div>
            <details class="chart-table" open>
                <summary>{strings.charts_table_toggle}</summary>
                // The table can be wider than a phone; a scrolling region
                // must be reachable by keyboard, and named.
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby=table_labelled_by>
                    <table data-testid="trend-chart-table">
                        <caption id=caption_id>{caption}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{strings.charts_trend_col_date}</th>
                                <th scope="col">{strings.charts_trend_col_kind}</th>
                                {head}
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            </details>
        </div>
    }
}

/// One headline's panel.
fn trend_panel(
    id: &str,
    strings: &'static Strings,
    series: &TrendSeries,
    layout: TrendPanelLayout,
    summary: String,
    ticks: &[TimeTick],
    format_date: Callback<i64, String>,
) -> impl IntoView {
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let (labelled_by, described_by) = (title_id.clone(), desc_id.clone());
    let plot_width = layout.plot_right - layout.plot_left;
    let plot_height = layout.plot_bottom - layout.plot_top;
    let label_x = layout.plot_left - 6.0;

    let zones = layout
        .zones
        .iter()
        .map(|z| {
            let pattern = zone_pattern(id, z.rank).map(|fill| {
                view! {
                    <rect
                        class="chart-zone-pattern"
                        x=layout.plot_left
                        y=z.start
                        width=plot_width
                        height=z.size()
                        fill=fill
                    ></rect>
                }
            });
            view! {
                <rect
                    class=zone_class(z.rank)
                    x=layout.plot_left
                    y=z.start
                    width=plot_width
                    height=z.size()
                    data-band=z.label.clone()
                ></rect>
                {pattern}
            }
        })
        .collect_view();
    let y_labels = if layout.has_zone_labels() {
        layout
            .zones
            .iter()
            .zip(layout.zone_label_fits.iter())
            .filter(|(_, fits)| **fits)
            .map(|(z, _)| {
                view! {
                    <text
                        class="chart-text chart-zone-label"
                        x=label_x
                        y=z.center() + chart::SMALL_TEXT * 0.35
                        text-anchor="end"
                        font-size=chart::SMALL_TEXT
                    >
                        {z.label.clone()}
                    </text>
                }
            })
            .collect_view()
            .into_any()
    } else {
        view! {
            <text
                class="chart-text chart-muted"
                x=label_x
                y=layout.plot_top + chart::SMALL_TEXT * 0.8
                text-anchor="end"
                font-size=chart::SMALL_TEXT
            >
                {strings.charts_trend_higher}
            </text>
            <text
                class="chart-text chart-muted"
                x=label_x
                y=layout.plot_bottom - 2.0
                text-anchor="end"
                font-size=chart::SMALL_TEXT
            >
                {strings.charts_trend_lower}
            </text>
        }
        .into_any()
    };
    let tick_marks = ticks
        .iter()
        .map(|t| {
            view! {
                <line class="chart-grid" x1=t.x x2=t.x y1=layout.plot_top y2=layout.plot_bottom></line>
                <line class="chart-axis" x1=t.x x2=t.x y1=layout.plot_bottom y2=layout.plot_bottom + 4.0></line>
                <text
                    class="chart-text chart-muted"
                    x=t.label_x
                    y=layout.tick_label_y
                    text-anchor="middle"
                    font-size=chart::SMALL_TEXT
                >
                    {format_date.run(t.at_ms)}
                </text>
            }
        })
        .collect_view();
    let line = layout
        .line
        .clone()
        .map(|points| view! { <polyline class="trend-line" points=points></polyline> });
    // Check-ins first, so a pulse on the same day stays visible on top.
    let (pulses, check_ins): (Vec<&PlacedPoint>, Vec<&PlacedPoint>) =
        layout.points.iter().partition(|p| p.point.is_pulse);
    let markers = check_ins
        .into_iter()
        .chain(pulses)
        .map(|p| marker(strings, p, format_date))
        .collect_view();
    let empty = layout.points.is_empty().then(|| {
        view! {
            <text
                class="chart-text chart-missing"
                x=layout.plot_left + plot_width / 2.0
                y=layout.plot_top + plot_height / 2.0 + chart::SMALL_TEXT * 0.35
                text-anchor="middle"
                font-size=chart::SMALL_TEXT
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
            {svg_title(title_id, series.label.clone())}
            <desc id=desc_id>{summary}</desc>
            <ZonePatterns id=id.to_string() />
            <text class="chart-text chart-heading" x=CHART_PADDING y=layout.title_y font-size=chart::VALUE_TEXT>
                {series.label.clone()}
            </text>
            {zones}
            {tick_marks}
            <rect
                class="chart-plot-frame"
                x=layout.plot_left
                y=layout.plot_top
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

/// An entry's marker: a filled circle for a check-in, a smaller hollow one
/// for a pulse, with its date, kind and value as a tooltip.
fn marker(
    strings: &'static Strings,
    placed: &PlacedPoint,
    format_date: Callback<i64, String>,
) -> impl IntoView {
    let p = &placed.point;
    let tip = format!(
        "{} · {} · {}",
        format_date.run(p.at_ms),
        kind_text(strings, p.is_pulse),
        value_text(strings, p)
    );
    let (class, r) = if p.is_pulse {
        ("trend-pulse", PULSE_RADIUS)
    } else {
        ("trend-checkin", CHECK_IN_RADIUS)
    };
    view! {
        <circle class=class cx=placed.x cy=placed.y r=r>
            <title>{tip}</title>
        </circle>
    }
}

/// One row of the data table: an entry's date, kind, and what it said
/// about each headline.
fn entry_row(
    strings: &'static Strings,
    entry: &TrendEntry,
    format_date: Callback<i64, String>,
) -> impl IntoView {
    let cells = entry
        .values
        .iter()
        .map(|v| {
            let text = match v {
                Some(point) => value_text(strings, point),
                None => strings.charts_trend_missing.to_string(),
            };
            view! { <td>{text}</td> }
        })
        .collect_view();
    view! {
        <tr data-kind={if entry.is_pulse { "pulse" } else { "check-in" }}>
            <th scope="row">{format_date.run(entry.at_ms)}</th>
            <td>{kind_text(strings, entry.is_pulse)}</td>
            {cells}
        </tr>
    }
}
