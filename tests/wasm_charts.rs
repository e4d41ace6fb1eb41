//! The results and history charts, mounted on their own in a real browser:
//! what a screen reader gets (role, title, description), what is drawn
//! (one zone per band, one bar and marker per score, one marker per entry)
//! and the data tables. Run with
//! `cargo test --target wasm32-unknown-unknown --test wasm_charts` (the
//! runner is configured in .cargo/config.toml; CHROMEDRIVER must be set).

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use tend::content::{Locale, Strings};
use tend::ui::components::headline_chart::{ChartBand, HeadlineChart, HeadlineChartRow};
use tend::ui::components::trend_chart::{TrendChart, TrendPoint, TrendSeries};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const T0: i64 = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const DAY: i64 = 86_400_000;
/// Entry markers (the hatch patterns hold circles too).
const MARKERS: &str = "circle.trend-checkin, circle.trend-pulse";

fn strings() -> &'static Strings {
    Locale::En.strings()
}

/// A fresh, empty element in the page to mount into.
fn fresh_root() -> HtmlElement {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let root = document
        .create_element("div")
        .expect("create a div")
        .dyn_into::<HtmlElement>()
        .expect("a div is an HtmlElement");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("append the root");
    root
}

fn all(scope: &Element, selector: &str) -> Vec<Element> {
    let list = scope
        .query_selector_all(selector)
        .unwrap_or_else(|_| panic!("valid selector {selector}"));
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

fn one(scope: &Element, selector: &str) -> Element {
    let found = all(scope, selector);
    assert_eq!(found.len(), 1, "exactly one {selector}");
    found.into_iter().next().expect("checked above")
}

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

fn band(label: &str, min: f64, max: f64) -> ChartBand {
    ChartBand {
        label: label.into(),
        min,
        max,
    }
}

fn tend_bands() -> Vec<ChartBand> {
    vec![
        band("Low", 0.0, 1.4),
        band("Moderate", 1.5, 2.4),
        band("High", 2.5, 4.0),
    ]
}

fn headline_rows() -> Vec<HeadlineChartRow> {
    vec![
        HeadlineChartRow {
            label: "Secondary traumatic stress".into(),
            score: Some(2.1),
            min: 0.0,
            max: 4.0,
            bands: tend_bands(),
            band_label: Some("Moderate".into()),
        },
        HeadlineChartRow {
            label: "Burnout".into(),
            score: None,
            min: 0.0,
            max: 4.0,
            bands: tend_bands(),
            band_label: None,
        },
        // A loaded instrument's subscale: a raw sum with four bands of its
        // own, scored at the very top of its range.
        HeadlineChartRow {
            label: "Sustaining factors".into(),
            score: Some(50.0),
            min: 10.0,
            max: 50.0,
            bands: vec![
                band("Rarely", 10.0, 19.0),
                band("Sometimes", 20.0, 29.0),
                band("Often", 30.0, 39.0),
                band("Nearly always", 40.0, 50.0),
            ],
            band_label: Some("Nearly always".into()),
        },
    ]
}

/// Asserts the accessible-image contract: role=img, a <title> (in the SVG
/// namespace) naming it through aria-labelledby, a <desc> describing it.
fn assert_accessible_svg(svg: &Element, title: &str) -> String {
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    assert!(
        svg.get_attribute("style").is_none(),
        "no inline styles (CSP)"
    );
    let title_el = one(svg, ":scope > title");
    assert_eq!(title_el.namespace_uri().as_deref(), Some(SVG_NS));
    assert_eq!(text(&title_el), title);
    assert_eq!(svg.get_attribute("aria-labelledby"), Some(title_el.id()));
    let desc = one(svg, ":scope > desc");
    assert_eq!(svg.get_attribute("aria-describedby"), Some(desc.id()));
    assert!(svg.get_attribute("viewBox").is_some());
    text(&desc)
}

#[wasm_bindgen_test]
async fn headline_chart_draws_each_score_on_its_bands() {
    let root = fresh_root();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <HeadlineChart
                title="Your scores"
                description="Each score on its possible range."
                rows=headline_rows()
                strings=strings()
            />
        }
    });
    leptos::task::tick().await;

    let svg = one(&root, "svg[role=img]");
    let desc = assert_accessible_svg(&svg, "Your scores");
    assert!(
        desc.starts_with("Each score on its possible range."),
        "{desc}"
    );
    assert!(desc.contains("Secondary traumatic stress: 2.1 on a scale from 0 to 4, Moderate."));
    assert!(desc.contains("Burnout: not enough answers"), "{desc}");

    let rows = all(&svg, "g.headline-row");
    assert_eq!(rows.len(), 3);
    // One zone per band, labelled with the band's name from the data.
    let zone_bands = |row: &Element| -> Vec<String> {
        all(row, "rect.chart-zone")
            .iter()
            .filter_map(|z| z.get_attribute("data-band"))
            .collect()
    };
    assert_eq!(zone_bands(&rows[0]), ["Low", "Moderate", "High"]);
    assert_eq!(zone_bands(&rows[1]), ["Low", "Moderate", "High"]);
    assert_eq!(
        zone_bands(&rows[2]),
        ["Rarely", "Sometimes", "Often", "Nearly always"]
    );
    assert_eq!(all(&svg, "rect.chart-zone").len(), 10);
    // Every band above the lowest is hatched too, not told apart by tint
    // alone, through a pattern defined in this chart.
    let hatched = all(&svg, "rect.chart-zone-pattern");
    assert_eq!(hatched.len(), 2 + 2 + 3);
    for rect in &hatched {
        let fill = rect.get_attribute("fill").unwrap_or_default();
        let id = fill
            .strip_prefix("url(#")
            .and_then(|f| f.strip_suffix(')'))
            .unwrap_or_else(|| panic!("pattern fill, got {fill}"));
        assert_eq!(all(&svg, &format!("pattern[id='{id}']")).len(), 1);
    }

    // A bar and a marker per score; words and nothing else for the missing one.
    assert_eq!(all(&svg, ".chart-bar").len(), 2);
    assert_eq!(all(&svg, ".chart-marker").len(), 2);
    assert_eq!(
        text(&one(&rows[0], "[data-testid=headline-value]")),
        "2.1 · Moderate"
    );
    assert!(all(&rows[1], ".chart-bar, .chart-marker").is_empty());
    assert_eq!(
        text(&one(&rows[1], "[data-testid=headline-missing]")),
        "Not enough answers"
    );
    assert!(all(&rows[1], "[data-testid=headline-value]").is_empty());

    // The score at the top of its range fills the whole track.
    let track = one(&rows[2], "rect.chart-track");
    let bar = one(&rows[2], "rect.chart-bar");
    assert_eq!(bar.get_attribute("width"), track.get_attribute("width"));
    assert_eq!(bar.get_attribute("x"), track.get_attribute("x"));

    // The table: open by default, a caption, one row per score.
    let details = one(&root, "details.chart-table");
    assert!(details.has_attribute("open"));
    let table = one(&root, "table");
    assert_eq!(text(&one(&table, "caption")), "Your scores, as a table");
    let body_rows = all(&table, "tbody tr");
    assert_eq!(body_rows.len(), 3);
    let cells = |row: &Element| -> Vec<String> { all(row, "th, td").iter().map(text).collect() };
    let first = cells(&body_rows[0]);
    assert_eq!(first[..2], ["Secondary traumatic stress", "2.1 · Moderate"]);
    assert!(first[2].starts_with("0 to 4"), "{}", first[2]);
    let band_ranges = |row: &Element| -> Vec<String> { all(row, "li").iter().map(text).collect() };
    assert_eq!(
        band_ranges(&body_rows[0]),
        ["Low: 0 to 1.4", "Moderate: 1.5 to 2.4", "High: 2.5 to 4"]
    );
    assert_eq!(cells(&body_rows[1])[1], "Not enough answers");
    assert!(cells(&body_rows[2])[2].starts_with("10 to 50"));
    assert_eq!(band_ranges(&body_rows[2]).len(), 4);
    // The table follows the chart directly.
    let next = svg
        .next_element_sibling()
        .expect("something after the chart");
    assert_eq!(next.tag_name().to_lowercase(), "details");
}

#[wasm_bindgen_test]
async fn two_charts_on_one_page_keep_their_own_ids() {
    let root = fresh_root();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <HeadlineChart title="First" description="" rows=headline_rows() strings=strings() />
            <HeadlineChart title="Second" description="" rows=headline_rows() strings=strings() />
        }
    });
    leptos::task::tick().await;

    let svgs = all(&root, "svg[role=img]");
    assert_eq!(svgs.len(), 2);
    assert_accessible_svg(&svgs[0], "First");
    assert_accessible_svg(&svgs[1], "Second");
    let ids: Vec<String> = all(&root, "[id]").iter().map(|e| e.id()).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "duplicate ids: {ids:?}");
}

fn point(day: i64, value: f64, is_pulse: bool, band: &str) -> TrendPoint {
    TrendPoint {
        at_ms: T0 + day * DAY,
        value,
        is_pulse,
        band: Some(band.into()),
    }
}

fn normalised_bands() -> Vec<ChartBand> {
    vec![
        band("Low", 0.0, 0.35),
        band("Moderate", 0.375, 0.6),
        band("High", 0.625, 1.0),
    ]
}

fn day_label() -> Callback<i64, String> {
    Callback::new(|ms: i64| format!("Day {}", (ms - T0).div_euclid(DAY)))
}

#[wasm_bindgen_test]
async fn trend_chart_draws_entries_per_headline_with_gaps() {
    let series = vec![
        TrendSeries {
            label: "Secondary traumatic stress".into(),
            points: vec![
                point(0, 0.6, false, "Moderate"),
                point(7, 0.4, true, "Moderate"),
                point(14, 0.3, false, "Low"),
            ],
            bands: normalised_bands(),
        },
        // The pulse did not score burnout: a gap.
        TrendSeries {
            label: "Burnout".into(),
            points: vec![point(14, 0.8, false, "High"), point(0, 0.7, false, "High")],
            bands: normalised_bands(),
        },
        TrendSeries {
            label: "Sustaining factors".into(),
            points: vec![],
            bands: normalised_bands(),
        },
    ];
    let root = fresh_root();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <TrendChart
                title="How it has gone"
                description="Every check-in and pulse."
                series=series
                format_date=day_label()
                strings=strings()
            />
        }
    });
    leptos::task::tick().await;

    let chart = one(&root, "[data-testid=trend-chart]");
    assert_eq!(chart.get_attribute("role").as_deref(), Some("group"));
    let caption_id = chart.get_attribute("aria-labelledby").unwrap_or_default();
    assert_eq!(
        text(&one(&chart, &format!("[id='{caption_id}']"))),
        "How it has gone"
    );

    // The key explains both kinds of marker.
    let key = all(&chart, ".chart-legend li");
    assert_eq!(key.len(), 2);
    assert_eq!(all(&key[0], "circle.trend-checkin").len(), 1);
    assert_eq!(all(&key[1], "circle.trend-pulse").len(), 1);

    let panels = all(&chart, "svg.trend-panel");
    assert_eq!(panels.len(), 3);
    let desc = assert_accessible_svg(&panels[0], "Secondary traumatic stress");
    assert_eq!(
        desc,
        "Secondary traumatic stress: 3 entries from Day 0 to Day 14. Latest, on Day 14: Low, 30%."
    );
    let desc = assert_accessible_svg(&panels[2], "Sustaining factors");
    assert_eq!(desc, "Sustaining factors: no entries yet.");
    assert_accessible_svg(&panels[1], "Burnout");

    // One shaded zone per band in every panel, even an empty one.
    for panel in &panels {
        assert_eq!(all(panel, "rect.chart-zone").len(), 3);
        assert_eq!(all(panel, "rect.chart-zone-pattern").len(), 2);
    }
    // Filled check-ins, hollow pulses, a line wherever there are two or more.
    let count = |panel: &Element, sel: &str| all(panel, sel).len();
    assert_eq!(count(&panels[0], "circle.trend-checkin"), 2);
    assert_eq!(count(&panels[0], "circle.trend-pulse"), 1);
    assert_eq!(count(&panels[1], "circle.trend-checkin"), 2);
    assert_eq!(count(&panels[1], "circle.trend-pulse"), 0);
    assert_eq!(count(&panels[2], MARKERS), 0);
    assert_eq!(count(&panels[0], "polyline.trend-line"), 1);
    assert_eq!(count(&panels[1], "polyline.trend-line"), 1);
    assert_eq!(count(&panels[2], "polyline"), 0);
    assert_eq!(
        text(&one(&panels[2], "[data-testid=trend-empty]")),
        "No entries yet"
    );
    let line = one(&panels[0], "polyline")
        .get_attribute("points")
        .unwrap_or_default();
    assert_eq!(line.split(' ').count(), 3);
    // Each marker carries its date, kind and value as a tooltip.
    let tips = all(&panels[0], "circle > title");
    assert_eq!(tips.len(), 3);
    assert!(tips
        .iter()
        .all(|t| t.namespace_uri().as_deref() == Some(SVG_NS)));
    assert!(tips
        .iter()
        .any(|t| text(t) == "Day 7 · Pulse · Moderate, 40%"));
    // The pulse is smaller than a check-in.
    let radius = |el: &Element| -> f64 {
        el.get_attribute("r")
            .and_then(|r| r.parse().ok())
            .unwrap_or_default()
    };
    assert!(
        radius(&one(&panels[0], "circle.trend-pulse"))
            < radius(&all(&panels[0], "circle.trend-checkin")[0])
    );
    // Dates on the shared axis come from the formatter, the same in every
    // panel.
    let ticks = |panel: &Element| -> Vec<String> {
        all(panel, "text")
            .iter()
            .map(text)
            .filter(|t| t.starts_with("Day "))
            .collect()
    };
    let first_ticks = ticks(&panels[0]);
    assert!((2..=4).contains(&first_ticks.len()), "{first_ticks:?}");
    assert_eq!(ticks(&panels[2]), first_ticks);

    // The table: one row per entry, oldest first, gaps spelled out.
    let table = one(&chart, "table");
    assert!(!text(&one(&table, "caption")).is_empty());
    let headers: Vec<String> = all(&table, "thead th").iter().map(text).collect();
    assert_eq!(
        headers,
        [
            "Date",
            "Kind",
            "Secondary traumatic stress",
            "Burnout",
            "Sustaining factors"
        ]
    );
    let rows: Vec<Vec<String>> = all(&table, "tbody tr")
        .iter()
        .map(|r| all(r, "th, td").iter().map(text).collect())
        .collect();
    assert_eq!(
        rows,
        [
            [
                "Day 0",
                "Check-in",
                "Moderate, 60%",
                "High, 70%",
                "Not recorded"
            ],
            [
                "Day 7",
                "Pulse",
                "Moderate, 40%",
                "Not recorded",
                "Not recorded"
            ],
            [
                "Day 14",
                "Check-in",
                "Low, 30%",
                "High, 80%",
                "Not recorded"
            ],
        ]
    );
}

#[wasm_bindgen_test]
async fn trend_chart_with_one_entry_or_one_instant() {
    // One entry: a marker, no line, one date.
    let one_entry = vec![TrendSeries {
        label: "Burnout".into(),
        points: vec![point(3, 0.5, false, "Moderate")],
        bands: normalised_bands(),
    }];
    // Two entries at the very same instant: both drawn, one above the
    // other, one date; and a headline without bands gets lower/higher.
    let same_instant = vec![TrendSeries {
        label: "Burnout".into(),
        points: vec![point(3, 0.0, false, "Low"), point(3, 1.0, true, "High")],
        bands: vec![],
    }];
    let root = fresh_root();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <TrendChart title="One" description="" series=one_entry format_date=day_label() strings=strings() />
            <TrendChart title="Same" description="" series=same_instant format_date=day_label() strings=strings() />
        }
    });
    leptos::task::tick().await;

    let charts = all(&root, "[data-testid=trend-chart]");
    assert_eq!(charts.len(), 2);

    let panel = one(&charts[0], "svg.trend-panel");
    let desc = assert_accessible_svg(&panel, "Burnout");
    assert_eq!(desc, "Burnout: one entry, on Day 3: Moderate, 50%.");
    assert_eq!(all(&panel, MARKERS).len(), 1);
    assert!(all(&panel, "polyline").is_empty());
    let dates: Vec<String> = all(&panel, "text")
        .iter()
        .map(text)
        .filter(|t| t.starts_with("Day "))
        .collect();
    assert_eq!(dates, ["Day 3"]);
    assert_eq!(all(&charts[0], "tbody tr").len(), 1);

    let panel = one(&charts[1], "svg.trend-panel");
    assert!(all(&panel, "rect.chart-zone").is_empty());
    let circles = all(&panel, MARKERS);
    assert_eq!(circles.len(), 2);
    assert_eq!(
        circles[0].get_attribute("cx"),
        circles[1].get_attribute("cx")
    );
    assert_ne!(
        circles[0].get_attribute("cy"),
        circles[1].get_attribute("cy")
    );
    let words: Vec<String> = all(&panel, "text").iter().map(text).collect();
    assert!(words.iter().any(|w| w == "Higher") && words.iter().any(|w| w == "Lower"));
    // A check-in and a pulse at the same instant are two entries.
    assert_eq!(all(&charts[1], "tbody tr").len(), 2);
}

/// A label with every character that markup would read as markup.
const HOSTILE: &str = r#"<b onclick="x">Tom & 'Jerry'</b>"#;

#[wasm_bindgen_test]
async fn labels_from_a_loaded_definition_are_text_never_markup() {
    let mut rows = headline_rows();
    rows[0].label = HOSTILE.into();
    rows[0].bands[1].label = HOSTILE.into();
    rows[0].band_label = Some(HOSTILE.into());
    let series = vec![TrendSeries {
        label: HOSTILE.into(),
        points: vec![point(0, 0.5, false, HOSTILE)],
        bands: vec![band(HOSTILE, 0.0, 1.0)],
    }];
    let root = fresh_root();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <HeadlineChart title=HOSTILE description=HOSTILE rows=rows strings=strings() />
            <TrendChart
                title=HOSTILE
                description=HOSTILE
                series=series
                format_date=day_label()
                strings=strings()
            />
        }
    });
    leptos::task::tick().await;

    assert!(all(&root, "b, [onclick]").is_empty(), "markup was injected");
    let svgs = all(&root, "svg[role=img]");
    assert_eq!(svgs.len(), 2);
    for svg in &svgs {
        assert_accessible_svg(svg, HOSTILE);
    }
    let zone = all(&svgs[0], "rect.chart-zone")[1].clone();
    assert_eq!(zone.get_attribute("data-band").as_deref(), Some(HOSTILE));
    assert_eq!(
        text(&all(&svgs[0], "[data-testid=headline-value]")[0]),
        format!("2.1 · {HOSTILE}")
    );
    let row_headers: Vec<String> = all(&root, "tbody th").iter().map(text).collect();
    assert_eq!(row_headers[0], HOSTILE);
    let caption = one(&root, "[data-testid=trend-chart] > p.chart-caption");
    assert_eq!(text(&caption), HOSTILE);
    assert_eq!(
        text(&one(&root, "circle > title")),
        format!("Day 0 · Check-in · {HOSTILE}, 50%")
    );
}

/// Every id in `scope` is unique, and every pattern fill and ARIA
/// reference names one of them.
fn assert_references_resolve(scope: &Element) {
    let ids: Vec<String> = all(scope, "[id]").iter().map(|e| e.id()).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "duplicate ids: {ids:?}");
    let fills = all(scope, "[fill^='url(#']").into_iter().filter_map(|e| {
        let fill = e.get_attribute("fill")?;
        Some(fill.strip_prefix("url(#")?.strip_suffix(')')?.to_string())
    });
    let aria = all(scope, "[aria-labelledby], [aria-describedby]")
        .into_iter()
        .flat_map(|e| {
            [
                e.get_attribute("aria-labelledby"),
                e.get_attribute("aria-describedby"),
            ]
        })
        .flatten();
    let references: Vec<String> = fills.chain(aria).collect();
    assert!(!references.is_empty());
    for reference in references {
        assert!(ids.contains(&reference), "{reference} in {ids:?}");
    }
}

#[wasm_bindgen_test]
async fn every_part_is_drawn_once_and_every_reference_resolves() {
    let series = vec![
        TrendSeries {
            label: "Stress".into(),
            points: vec![point(0, 0.6, false, "Moderate"), point(7, 0.4, true, "Low")],
            bands: normalised_bands(),
        },
        TrendSeries {
            label: "Burnout".into(),
            points: vec![point(7, 0.8, true, "High")],
            bands: normalised_bands(),
        },
    ];
    let root = fresh_root();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <HeadlineChart title="Scores" description="" rows=headline_rows() strings=strings() />
            <TrendChart
                title="History"
                description=""
                series=series
                format_date=day_label()
                strings=strings()
            />
        }
    });
    leptos::task::tick().await;

    assert_references_resolve(&root);
    let headline = one(&root, "[data-testid=headline-chart-svg]");
    // (selector, how many) across the three rows: 3 + 3 + 4 bands.
    let cases = [
        ("defs", 1),
        ("pattern", 3),
        ("g.headline-row", 3),
        ("rect.chart-track", 3),
        ("rect.chart-track-outline", 3),
        ("line.chart-zone-edge", 2 + 2 + 3),
        ("text.chart-heading", 3),
        ("text.chart-muted", 2 * 3),
        ("line.chart-grid", 3 + 3 + 3),
    ];
    for (selector, want) in cases {
        assert_eq!(all(&headline, selector).len(), want, "{selector}");
    }
    // Both end labels of the top row, written the short way.
    let ends: Vec<String> = all(&all(&headline, "g.headline-row")[0], "text.chart-muted")
        .iter()
        .map(text)
        .collect();
    assert_eq!(ends, ["0", "4"]);

    let panels = all(&root, "svg.trend-panel");
    assert_eq!(panels.len(), 2);
    for panel in &panels {
        assert_eq!(all(panel, "pattern").len(), 3);
        assert_eq!(all(panel, "rect.chart-plot-frame").len(), 1);
        // Band names fit beside the plot, so no lower/higher.
        let labels: Vec<String> = all(panel, "text.chart-zone-label")
            .iter()
            .map(text)
            .collect();
        assert_eq!(labels, ["Low", "Moderate", "High"]);
    }
    // The check-in is drawn under the pulse.
    let kinds: Vec<String> = all(&panels[0], MARKERS)
        .iter()
        .filter_map(|c| c.get_attribute("class"))
        .collect();
    assert_eq!(kinds, ["trend-checkin", "trend-pulse"]);
    let table = one(&root, "[data-testid=trend-chart-table]");
    let kinds: Vec<String> = all(&table, "tbody tr")
        .iter()
        .filter_map(|r| r.get_attribute("data-kind"))
        .collect();
    assert_eq!(kinds, ["check-in", "pulse"]);
}

/// The browser's `Intl` writes numbers the language's way; every score and
/// chart number goes through these.
#[wasm_bindgen_test]
fn numbers_follow_the_language() {
    use tend::platform::intl::{decimal, percent};
    use tend::ui::components::chart_parts::format_number;
    use tend::ui::components::score_views::format_score;
    assert_eq!(format_score("en", 2.25), "2.3");
    assert_eq!(format_score("es", 2.25), "2,3");
    assert_eq!(format_score("es", 4.0), "4");
    assert_eq!(format_number("en", 0.25), "0.25");
    assert_eq!(format_number("es", 0.25), "0,25");
    assert_eq!(format_number("es", -0.001), "0");
    assert_eq!(format_number("es", f64::NAN), "");
    assert_eq!(decimal("de", 1234.5, 1), "1.234,5");
    assert_eq!(percent("en", 45), "45%");
    // Spanish puts a (no-break) space before the sign.
    assert_eq!(percent("es", 45), "45\u{a0}%");
}

/// Counted strings pick their form by the browser's CLDR rules.
#[wasm_bindgen_test]
fn plural_forms_follow_the_language() {
    use tend::content::plural_category;
    for (code, count, category) in [
        ("en", 1, "one"),
        ("en", 0, "other"),
        ("en", 21, "other"),
        ("es", 1, "one"),
        ("es", 2, "other"),
        ("pl", 3, "few"),
        ("pl", 5, "many"),
        ("ar", 0, "zero"),
        ("ar", 2, "two"),
    ] {
        assert_eq!(plural_category(code, count), category, "{code} {count}");
    }
    assert_eq!(strings().practice_used(1), "Done once");
    assert_eq!(strings().practice_used(3), "Done 3 times");
}
