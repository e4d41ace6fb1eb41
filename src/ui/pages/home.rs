//! The start screen.

use crate::content::Strings;
use crate::html::Markup;
use crate::platform;
use crate::route::Route;
use crate::ui::checkin::use_instruments;
use crate::ui::components::deployment_parts::route_on;
use crate::ui::components::next_checkin::NextCheckIn;
use crate::ui::components::resume_draft::ResumeDraft;
use crate::ui::title_effect;
use crate::ui::use_app;
use leptos::prelude::*;
use tend_core::domain::instrument::Headline;
use tend_core::domain::scoring;

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
                {route_on(&Route::Pulse)
                    .then(|| view! { <a class="button secondary" href=Route::Pulse.href()>{t().home_pulse_link}</a> })}
            </div>
        </section>
        <TodayCard />
        <HomeSuggestions />
        <div class="cards" inner_html=cards_html(t(), route_on(&Route::Leaders))></div>
    }
}

/// The three cards under the check-in: learn, get help, leaders.
fn cards_html(t: &Strings, leaders: bool) -> String {
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
        if route == Route::Leaders && !leaders {
            continue;
        }
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
            .get_version(&checkin.instrument_id, &checkin.instrument_version)
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
                    Some(t.home_checkin_band(&def.name, &label))
                })
                .collect()
            })
            .unwrap_or_default();
        view! {
            <p>{t.home_checkin_last(&date)}</p>
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

/// The plan at a glance: what is due today, time off, and the practice
/// that helps most.
#[component]
fn TodayCard() -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    let day = platform::today();
    move || {
        let (the_plan, time_off, uses) = ctx
            .data
            .with(|d| (d.plan_view(), d.time_off.clone(), d.practice_uses()));
        let due = tend_core::domain::plan::due_on(&the_plan, day);
        let done = due.iter().filter(|d| d.done).count();
        let status = if the_plan.items.is_empty() {
            t.home_today_empty.to_string()
        } else if due.is_empty() {
            t.home_today_nothing_due.to_string()
        } else {
            t.home_today_due(&done.to_string(), &due.len().to_string())
        };
        let off = tend_core::domain::plan::TimeOff {
            last_break: time_off.last_break,
            next_break: time_off.next_break,
        };
        let since = off.days_since(day);
        let break_line = match (since, off.days_until(day)) {
            (_, Some(0)) => Some(t.time_off_break_today.to_string()),
            (_, Some(n)) => Some(t.time_off_days_until(n.max(0).unsigned_abs())),
            (Some(n), None) => Some(t.time_off_days_since(n.max(0).unsigned_abs())),
            (None, None) => None,
        };
        let prompt = since.is_some_and(|n| {
            tend_core::domain::plan::needs_break_prompt(n, time_off.threshold_days)
                && off.days_until(day).is_none()
        });
        let best = tend_core::domain::practice::rank_by_benefit(&uses)
            .into_iter()
            .find(|b| b.average > 0.0)
            .map(|b| {
                let (name, _) = crate::ui::components::practice_parts::words(t, b.practice);
                (
                    t.home_practice_best(name),
                    Route::Practice(b.practice.id().to_string()).href(),
                )
            });
        view! {
            <section class="card" aria-labelledby="home-today-heading" data-testid="home-today">
                <h2 id="home-today-heading">{t.home_today_heading}</h2>
                <p>{status}</p>
                {break_line.map(|l| view! { <p>{l}</p> })}
                {prompt.then(|| view! { <p class="notice">{t.time_off_prompt}</p> })}
                {best.map(|(text, href)| view! { <p><a href=href>{text}</a></p> })}
                <div class="actions">
                    <a class="button" href=Route::Plan.href()>{t.home_today_open}</a>
                    <a class="button secondary" href=Route::Practices.href()>{t.home_practice_link}</a>
                </div>
            </section>
        }
    }
}

/// Suggestions from the latest check-in, if there is one.
#[component]
fn HomeSuggestions() -> impl IntoView {
    let ctx = use_app();
    let instruments = use_instruments();
    let latest = Memo::new(move |_| ctx.data.with(|d| d.latest_checkin().cloned()));
    move || {
        let checkin = latest.get()?;
        let instrument =
            instruments.get_version(&checkin.instrument_id, &checkin.instrument_version)?;
        let profile = scoring::score(&instrument, &checkin.answers);
        let reading = tend_core::domain::reading::read(&instrument, &profile, &checkin.answers);
        Some(view! {
            <crate::ui::components::plan_parts::Suggestions reading=reading profile=profile limit=3 />
        })
    }
}
