//! Score views shared by Results and History: the headline chart built
//! from a scored check-in, and the change between two check-ins.

use crate::content::Strings;
use crate::html::Markup;
use crate::platform;
use crate::ui::checkin::use_instruments;
use crate::ui::components::headline_chart::HeadlineChart;
use crate::ui::use_app;
use leptos::prelude::*;
use tend_core::domain::chart::HeadlineChartRow;
use tend_core::domain::history::{
    self, Change, Comparison, Direction, HeadlineScore, NotComparable,
};
use tend_core::domain::instrument::{Headline, Instrument};
use tend_core::domain::scoring::Profile;

/// The three headlines, in the order the results show them.
pub const HEADLINES: [Headline; 3] = [
    Headline::SecondaryTrauma,
    Headline::Burnout,
    Headline::Sustaining,
];

/// The chart rows for a scored check-in: one per headline the instrument
/// defines with a bounded range.
pub fn headline_rows(instrument: &Instrument, profile: &Profile) -> Vec<HeadlineChartRow> {
    HEADLINES
        .iter()
        .filter_map(|h| HeadlineChartRow::for_headline(instrument, profile, *h))
        .collect()
}

/// The headline chart (with its table) for one scored check-in.
#[component]
pub fn HeadlineScores(instrument: Instrument, profile: Profile) -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    let rows = headline_rows(&instrument, &profile);
    let describe = |h: Headline| -> String {
        rows.iter()
            .zip(
                HEADLINES
                    .iter()
                    .filter(|x| instrument.headline(**x).is_some()),
            )
            .find(|(_, x)| **x == h)
            .map(|(r, _)| match (r.score, &r.band_label) {
                (Some(v), Some(b)) => format!("{} ({b})", format_score(t.code, v)),
                (Some(v), None) => format_score(t.code, v),
                (None, _) => t.results_not_enough.to_string(),
            })
            .unwrap_or_else(|| t.results_not_enough.to_string())
    };
    let description = t.results_chart_desc(
        &describe(Headline::SecondaryTrauma),
        &describe(Headline::Burnout),
        &describe(Headline::Sustaining),
    );
    view! { <HeadlineChart rows=rows title=t.results_chart_title description=description strings=t /> }
}

/// The change since the check-in before this one, headline by headline.
#[component]
pub fn ChangeSincePrevious(id: String) -> impl IntoView {
    let ctx = use_app();
    let instruments = use_instruments();
    move || {
        let t = ctx.t();
        let comparison = instruments.with_every_version(|list| {
            ctx.data
                .with(|d| history::change_since_previous(&d.checkins, &id, list))
        });
        match comparison {
            None => view! { <p>{t.results_change_first}</p> }.into_any(),
            Some(comparison) => {
                let earlier_at = ctx
                    .data
                    .with(|d| d.checkin(&comparison.earlier_id).map(|c| c.completed_at));
                let since = earlier_at.map(|at| {
                    t.results_change_since(&platform::format_date(at, ctx.locale.get().code()))
                });
                view! {
                    {since.map(|s| view! { <p>{s}</p> })}
                    <ChangeList comparison=comparison />
                }
                .into_any()
            }
        }
    }
}

/// One line per headline: better, harder, about the same, or not
/// comparable.
#[component]
pub fn ChangeList(comparison: Comparison) -> impl IntoView {
    let html = change_html(use_app().t(), &comparison);
    view! { <div inner_html=html></div> }
}

/// The change lines as markup (see [`crate::html`]).
pub fn change_html(t: &Strings, comparison: &Comparison) -> String {
    let mut m = Markup::new();
    let all_different = comparison
        .headlines
        .iter()
        .all(|h| h.change == Change::NotComparable(NotComparable::DifferentInstruments));
    if all_different {
        m.element("p", &[], t.results_change_not_comparable);
        return m.finish();
    }
    let score = |s: &Option<HeadlineScore>| {
        s.as_ref()
            .map(|s| format_score(t.code, s.value))
            .unwrap_or_default()
    };
    m.open("ul", &[("class", "change-list"), ("data-testid", "change")]);
    for h in &comparison.headlines {
        let area = h
            .later
            .as_ref()
            .or(h.earlier.as_ref())
            .map(|s| s.name.clone())
            .unwrap_or_else(|| h.headline.as_str().to_string());
        let from = score(&h.earlier);
        let to = score(&h.later);
        let (class, text) = match h.change {
            Change::Compared {
                direction: Direction::Better,
                ..
            } => ("better", t.results_change_better(&area, &from, &to)),
            Change::Compared {
                direction: Direction::Worse,
                ..
            } => ("worse", t.results_change_worse(&area, &from, &to)),
            Change::Compared {
                direction: Direction::Same,
                ..
            } => ("same", t.results_change_same(&area, &from, &to)),
            Change::NotComparable(_) => ("unknown", t.results_change_unknown(&area)),
        };
        m.element("li", &[("class", class)], &text);
    }
    m.close("ul");
    m.finish()
}

/// A score as people read it, in the language `code`: at most one
/// decimal, without a trailing zero (`2`, `2.5`; `2,5` in Spanish).
pub fn format_score(code: &str, value: f64) -> String {
    crate::platform::intl::decimal(code, value, 1)
}
