//! What the results and history charts draw alike: fresh ids, the one way
//! a chart writes a number, the hatch patterns and shaded band zones, chart
//! text, and the data table that follows every chart.
//!
//! Colours come from CSS classes only: presentation attributes cannot read
//! custom properties, and the content security policy forbids inline
//! styles.

use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use tend_core::domain::chart::{Zone, SMALL_TEXT};

static NEXT_CHART: AtomicUsize = AtomicUsize::new(0);

/// A fresh id prefix (`headline-chart-3`) for one chart's `<title>`,
/// `<desc>`, patterns and table caption, so several charts can share a
/// page without their ids clashing.
pub fn chart_id(kind: &str) -> String {
    format!("{kind}-{}", NEXT_CHART.fetch_add(1, Ordering::Relaxed))
}

/// A number as a chart writes it, in the language `code`: at most two
/// decimal places, without trailing zeros (`2.5`, `4`, `0.25`; `2,5` in
/// Spanish); nothing for a value that is not a number. Every number a chart
/// shows goes through here.
pub fn format_number(code: &str, value: f64) -> String {
    crate::platform::intl::decimal(code, value, 2)
}

/// An SVG `<title>` (with `id`, when given) holding `text`. Built without
/// the view macro, which makes a `<title>` among several siblings an HTML
/// element: that names nothing inside an `<svg>`.
pub fn svg_title(id: Option<String>, text: String) -> impl IntoView {
    leptos::svg::title().attr("id", id).child(text)
}

/// The hatch patterns for band zones, defined once per chart under `id`:
/// diagonal lines, cross-hatching and dots, so bands differ by more than
/// colour.
pub fn hatch_patterns(id: &str) -> impl IntoView {
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

/// A band zone over the rectangle (x, y, width, height): its tint by rank,
/// then its hatching over it (none for the lowest band) through the
/// patterns [`hatch_patterns`] defined under `id`.
pub fn zone_rects(
    id: &str,
    zone: &Zone,
    (x, y, width, height): (f64, f64, f64, f64),
) -> impl IntoView {
    let hatch = zone.rank.checked_sub(1).map(|above_lowest| {
        let fill = format!("url(#{id}-hatch-{})", above_lowest % 3 + 1);
        view! {
            <rect class="chart-zone-pattern" x=x y=y width=width height=height fill=fill></rect>
        }
    });
    view! {
        <rect
            class=format!("chart-zone chart-zone-{}", zone.rank % 4)
            x=x
            y=y
            width=width
            height=height
            data-band=zone.band.label.clone()
        ></rect>
        {hatch}
    }
}

/// Chart text at the small size: `class`, with its anchor point at (x, y)
/// and `anchor` saying which part of the text sits there (the start when
/// none).
pub fn small_text(
    class: &'static str,
    (x, y): (f64, f64),
    anchor: Option<&'static str>,
    text: String,
) -> impl IntoView {
    view! {
        <text class=class x=x y=y text-anchor=anchor font-size=SMALL_TEXT>
            {text}
        </text>
    }
}

/// What a chart's data table holds: the words around it and its rows.
pub struct ChartTable<R> {
    /// The chart's id prefix; the caption's id is `{id}-caption`.
    pub id: String,
    /// The table's `data-testid`.
    pub test_id: &'static str,
    /// The summary of the `<details>` holding the table.
    pub toggle: &'static str,
    /// The table's caption, which also names its scrolling region.
    pub caption: String,
    /// The column headings.
    pub head: Vec<String>,
    /// The body rows.
    pub rows: R,
}

/// A chart's data table in an open `<details>`: the toggle, then a
/// keyboard-reachable scrolling region named by the caption, holding the
/// table.
pub fn chart_table<R: IntoView + 'static>(table: ChartTable<R>) -> impl IntoView {
    let ChartTable {
        id,
        test_id,
        toggle,
        caption,
        head,
        rows,
    } = table;
    let caption_id = format!("{id}-caption");
    let labelled_by = caption_id.clone();
    let head = head
        .into_iter()
        .map(|cell| view! { <th scope="col">{cell}</th> })
        .collect_view();
    view! {
        <details class="chart-table" open=true>
            <summary>{toggle}</summary>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby=labelled_by>
                <table data-testid=test_id>
                    <caption id=caption_id>{caption}</caption>
                    <thead>
                        <tr>{head}</tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short() {
        let cases = [
            (2.5, "2.5"),
            (4.0, "4"),
            (0.25, "0.25"),
            (1.456, "1.46"),
            (-0.001, "0"),
            (-1.5, "-1.5"),
            (150.0, "150"),
            (100.0, "100"),
            (0.0, "0"),
            (f64::NAN, ""),
            (f64::INFINITY, ""),
        ];
        for (value, want) in cases {
            assert_eq!(format_number("en", value), want, "{value}");
        }
    }

    #[test]
    fn chart_ids_are_fresh() {
        let (a, b) = (chart_id("headline-chart"), chart_id("headline-chart"));
        assert_ne!(a, b);
        assert!(a.starts_with("headline-chart-"));
    }
}
