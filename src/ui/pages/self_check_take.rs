//! Taking the organisation self-check: every area's statements on one
//! screen, each a native radio group (how fully it is in place, or "don't
//! know"), an optional team or unit name, and Save. Saving keeps it with
//! the date and opens its results.

use crate::content::instruments;
use crate::platform;
use crate::route::Route;
use crate::ui::title_effect;
use crate::ui::use_app;
use leptos::prelude::*;
use tend_core::domain::instrument::{Instrument, Item};
use tend_core::domain::self_check::record::ID_PREFIX;
use tend_core::domain::self_check::{
    clean_team_name, SelfCheck, SelfCheckAnswer, SelfCheckAnswers,
};

/// The self-check form.
#[component]
pub fn SelfCheckTake() -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    title_effect(move || t().self_check_take_title.to_string());
    // Kept outside the form, so a change of language keeps the answers.
    let answers = RwSignal::new(SelfCheckAnswers::new());
    let team = RwSignal::new(String::new());
    move || match instruments::org(ctx.locale.get()) {
        Ok(instrument) => {
            view! { <Form instrument=instrument.clone() answers=answers team=team /> }.into_any()
        }
        Err(e) => view! {
            <h1 tabindex="-1">{t().self_check_take_title}</h1>
            <p class="error-text">{e.to_string()}</p>
        }
        .into_any(),
    }
}

/// The answers offered for every statement: the scale's points, then
/// "don't know".
fn choices(instrument: &Instrument) -> Vec<(String, SelfCheckAnswer)> {
    let scale = &instrument.scale;
    let mut all: Vec<(String, SelfCheckAnswer)> = scale
        .labels
        .iter()
        .map(|p| (p.label.clone(), SelfCheckAnswer::Level(p.value)))
        .collect();
    if let Some(label) = &scale.dont_know {
        all.push((label.clone(), SelfCheckAnswer::DontKnow));
    }
    all
}

/// One statement as a radio group; `answers` holds every answer.
fn statement(
    item: &Item,
    choices: &[(String, SelfCheckAnswer)],
    answers: RwSignal<SelfCheckAnswers>,
) -> impl IntoView {
    let name = format!("sc-{}", item.id);
    let inputs = choices
        .iter()
        .enumerate()
        .map(|(i, (label, answer))| {
            let answer = *answer;
            let (for_checked, for_change) = (item.id.clone(), item.id.clone());
            view! {
                <label class="choice" class:dont-know=answer == SelfCheckAnswer::DontKnow>
                    <input
                        type="radio"
                        id=format!("sc-{}-{i}", item.id)
                        name=name.clone()
                        prop:checked=move || answers.with(|a| a.get(&for_checked) == Some(&answer))
                        on:change=move |_| {
                            answers
                                .update(|a| {
                                    a.insert(for_change.clone(), answer);
                                })
                        }
                    />
                    <span>{label.clone()}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choice-group question statement" data-testid="statement" data-item=item.id.clone()>
            <legend>{item.text.clone()}</legend>
            <div class="statement-choices">{inputs}</div>
        </fieldset>
    }
}

/// The form for `instrument`.
#[component]
fn Form(
    instrument: Instrument,
    answers: RwSignal<SelfCheckAnswers>,
    team: RwSignal<String>,
) -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    let team_error = RwSignal::new(false);
    let none_error = RwSignal::new(false);
    let total = instrument.items().count();
    let known: Vec<String> = instrument.items().map(|i| i.id.clone()).collect();
    let answered = move || answers.with(|a| known.iter().filter(|id| a.contains_key(*id)).count());
    let offered = choices(&instrument);
    let areas = instrument.sections.len();
    let sections = instrument
        .sections
        .iter()
        .enumerate()
        .map(|(n, section)| {
            let heading_id = format!("sc-area-{}", section.id);
            let labelled_by = heading_id.clone();
            let statements = section
                .items
                .iter()
                .map(|item| statement(item, &offered, answers))
                .collect_view();
            view! {
                <section class="self-check-area" aria-labelledby=labelled_by>
                    <p class="progress-text">
                        {t.self_check_take_area_count(&(n + 1).to_string(), &areas.to_string())}
                    </p>
                    <h2 id=heading_id>{section.title.clone()}</h2>
                    {section.intro.clone().map(|intro| view! { <p>{intro}</p> })}
                    {statements}
                </section>
            }
        })
        .collect_view();
    let (id, version) = (instrument.id.clone(), instrument.version.clone());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(team_name) = clean_team_name(&team.get_untracked()) else {
            team_error.set(true);
            platform::focus("#sc-team");
            return;
        };
        team_error.set(false);
        let chosen = answers.get_untracked();
        if chosen.is_empty() {
            none_error.set(true);
            platform::focus_soon("#sc-none-error");
            return;
        }
        none_error.set(false);
        let check = SelfCheck {
            answers: chosen,
            completed_at: platform::now_ms(),
            id: platform::new_id(ID_PREFIX),
            instrument_id: id.clone(),
            instrument_version: version.clone(),
            shared: false,
            team: team_name,
        };
        let route = Route::SelfCheckResult(check.id.clone());
        ctx.data.update(|d| {
            d.save_self_check(check);
        });
        platform::navigate(&route.href());
    };
    view! {
        <h1 tabindex="-1">{t.self_check_take_title}</h1>
        <p class="lead">{t.self_check_take_intro}</p>
        <form class="self-check-form" on:submit=save novalidate>
            <p class="field">
                <label for="sc-team">{t.self_check_take_team_label}</label>
                <span class="hint" id="sc-team-hint">{t.self_check_take_team_hint}</span>
                <input
                    type="text"
                    id="sc-team"
                    autocomplete="off"
                    data-testid="sc-team"
                    aria-describedby=move || {
                        if team_error.get() { "sc-team-hint sc-team-error" } else { "sc-team-hint" }
                    }
                    aria-invalid=move || team_error.get().then_some("true")
                    prop:value=move || team.get()
                    on:input=move |ev| team.set(event_target_value(&ev))
                />
                <span class="error-text" id="sc-team-error" hidden=move || !team_error.get()>
                    {t.self_check_take_team_too_long}
                </span>
            </p>
            {sections}
            <p class="progress-text" data-testid="sc-answered">
                {move || t.self_check_take_answered(&answered().to_string(), &total.to_string())}
            </p>
            <p class="hint">{t.self_check_take_unanswered_note}</p>
            <p class="error-text" id="sc-none-error" tabindex="-1" role="alert" hidden=move || !none_error.get()>
                {t.self_check_take_none_answered}
            </p>
            <div class="actions">
                <button type="submit" data-testid="sc-save">{t.self_check_take_save}</button>
                <a class="button secondary" href=Route::SelfCheck.href()>{t.self_check_back}</a>
            </div>
        </form>
    }
}
