//! The start screen.

use super::title_effect;
use crate::content::fill;
use crate::content::Strings;
use crate::domain::instrument::Headline;
use crate::domain::scoring;
use crate::html::Markup;
use crate::platform;
use crate::route::Route;
use crate::ui::checkin::use_instruments;
use crate::ui::components::next_checkin::NextCheckIn;
use crate::ui::pages::checkin::ResumeDraft;
use crate::ui::use_app;
use leptos::prelude::*;

/// Home: what Tend is, the check-in (resume, last result, what is due),
/// and where to go next.
#[component]
pub fn Home() -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    title_effect(move || t().home_title.to_string());
    let draft = Memo::new(move |_| ctx.data.with(|d| d.draft.clone()));
    view! {
        <h1 tabindex="-1">{t().home_title}</h1>
        <p class="lead">{t().home_intro_1}</p>
        <p>{t().home_intro_2}</p>
        {move || draft.get().map(|d| view! { <ResumeDraft draft=d /> })}
        <section class="card checkin-card" aria-labelledby="home-checkin-heading">
            <h2 id="home-checkin-heading">{t().home_checkin_heading}</h2>
            <LastResult />
            <NextCheckIn />
            <div class="actions">
                <a class="button" href=Route::CheckIn.href() data-testid="home-start-checkin">
                    {t().home_checkin_start}
                </a>
                <a class="button secondary" href=Route::Pulse.href()>{t().home_pulse_link}</a>
            </div>
        </section>
        <div class="cards" inner_html=cards_html(t())></div>
    }
}

/// The three cards under the check-in: learn, get help, leaders.
fn cards_html(t: &Strings) -> String {
    let mut m = Markup::new();
    let cards = [
        (
            "card",
            t.home_learn_heading,
            t.home_learn_body,
            Route::Learn,
            "button",
            t.home_learn_link,
        ),
        (
            "card card-help",
            t.home_help_heading,
            t.home_help_body,
            Route::Help,
            "button",
            t.home_help_link,
        ),
        (
            "card",
            t.home_leaders_heading,
            t.home_leaders_body,
            Route::Leaders,
            "button secondary",
            t.home_leaders_link,
        ),
    ];
    for (class, heading, body, route, button, link) in cards {
        m.open("section", &[("class", class)])
            .element("h2", &[], heading)
            .element("p", &[], body);
        m.element("a", &[("class", button), ("href", &route.href())], link)
            .close("section");
    }
    m.finish()
}

/// The latest check-in at a glance: its date and the three headline bands.
#[component]
fn LastResult() -> impl IntoView {
    let ctx = use_app();
    let instruments = use_instruments();
    let t = move || ctx.t();
    let latest = Memo::new(move |_| {
        ctx.data
            .with(|d| d.checkins.iter().max_by_key(|c| c.completed_at).cloned())
    });
    move || {
        let t = t();
        let Some(checkin) = latest.get() else {
            return view! { <p>{t.home_checkin_none}</p> }.into_any();
        };
        let date = platform::format_date(checkin.completed_at, ctx.locale.get().code());
        let bands: Vec<String> = instruments
            .get(&checkin.instrument_id)
            .map(|instrument| {
                let profile = scoring::score(&instrument, &checkin.answers);
                [
                    Headline::SecondaryTrauma,
                    Headline::Burnout,
                    Headline::Sustaining,
                ]
                .iter()
                .filter_map(|h| {
                    let def = instrument.headline(*h)?;
                    let label = profile
                        .headline(*h)
                        .and_then(|s| s.score())
                        .and_then(|s| s.band.as_ref())
                        .and_then(|b| def.band(&b.id))
                        .map(|b| b.label.clone())
                        .unwrap_or_else(|| t.results_not_enough.to_string());
                    Some(fill(
                        t.home_checkin_band,
                        &[("area", &def.name), ("band", &label)],
                    ))
                })
                .collect()
            })
            .unwrap_or_default();
        view! {
            <p>{fill(t.home_checkin_last, &[("date", &date)])}</p>
            <ul class="glance" data-testid="last-result">
                {bands.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}
            </ul>
            <p>
                <a href=Route::Results(checkin.id.clone()).href()>{t.home_checkin_view}</a>
            </p>
        }
        .into_any()
    }
}
