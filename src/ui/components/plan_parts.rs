//! Putting a strategy in the plan: when (after each shift, every day, one
//! day a week, chosen days) and an optional note.

use crate::content::strategies::{reason_text, strategies, weekday_name};
use crate::platform;
use crate::route::Route;
use crate::ui::use_app;
use leptos::prelude::*;
use tend_core::domain::course::Milestone;
use tend_core::domain::plan::{Weekday, When};
use tend_core::domain::reading::ProfileReading;
use tend_core::domain::recommend::recommend;
use tend_core::domain::scoring::Profile;
use tend_core::domain::strategy::{self, Fit, Strategy};

/// Which shape of schedule is chosen; the days live beside it so that
/// switching shapes back and forth keeps what was picked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    AfterEachShift,
    Daily,
    Weekly,
    Days,
}

/// A "when" choice as one native radio group, with a weekday select for
/// weekly and a checkbox per weekday for chosen days. `prefix` keeps ids
/// unique when several forms are on one screen.
#[component]
pub fn WhenPicker(prefix: String, when: RwSignal<When>) -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    let (shape, weekly, days) = match when.get_untracked() {
        When::AfterEachShift => (Shape::AfterEachShift, Weekday::Mon, vec![]),
        When::Daily => (Shape::Daily, Weekday::Mon, vec![]),
        When::Weekly(d) => (Shape::Weekly, d, vec![d]),
        When::Days(list) => (
            Shape::Days,
            list.first().copied().unwrap_or(Weekday::Mon),
            list,
        ),
    };
    let shape = RwSignal::new(shape);
    let weekly = RwSignal::new(weekly);
    let days = RwSignal::new(days);
    // Keep `when` in step with the parts.
    Effect::new(move |_| {
        let next = match shape.get() {
            Shape::AfterEachShift => When::AfterEachShift,
            Shape::Daily => When::Daily,
            Shape::Weekly => When::Weekly(weekly.get()),
            Shape::Days => {
                // In week order, whatever order they were ticked in.
                let picked = days.get();
                When::Days(
                    Weekday::ALL
                        .iter()
                        .copied()
                        .filter(|d| picked.contains(d))
                        .collect(),
                )
            }
        };
        if when.get_untracked() != next {
            when.set(next);
        }
    });
    let name = format!("{prefix}-when");
    let radio = {
        let name = name.clone();
        move |value: Shape, label: &'static str| {
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name=name.clone()
                        prop:checked=move || shape.get() == value
                        on:change=move |_| shape.set(value)
                    />
                    <span>{label}</span>
                </label>
            }
        }
    };
    let weekly_id = format!("{prefix}-weekly-day");
    let weekday_options = Weekday::ALL
        .iter()
        .map(|&d| {
            view! {
                <option value=d.id() selected=move || weekly.get() == d>{weekday_name(t, d)}</option>
            }
        })
        .collect_view();
    let day_boxes = Weekday::ALL
        .iter()
        .map(|&d| {
            view! {
                <label class="choice day-choice">
                    <input
                        type="checkbox"
                        prop:checked=move || days.get().contains(&d)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            days.update(|list| {
                                list.retain(|x| *x != d);
                                if on {
                                    list.push(d);
                                }
                            });
                        }
                    />
                    <span>{weekday_name(t, d)}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choice-group when-picker">
            <legend>{t.plan_when_label}</legend>
            {radio(Shape::AfterEachShift, t.plan_when_after_each_shift)}
            {radio(Shape::Daily, t.plan_when_daily)}
            {radio(Shape::Weekly, t.plan_when_weekly_choice)}
            <p class="field indent" hidden=move || shape.get() != Shape::Weekly>
                <label for=weekly_id.clone()>{t.plan_when_weekly_day}</label>
                <select
                    id=weekly_id
                    on:change=move |ev| {
                        if let Some(d) = Weekday::parse(&event_target_value(&ev)) {
                            weekly.set(d);
                        }
                    }
                >
                    {weekday_options}
                </select>
            </p>
            {radio(Shape::Days, t.plan_when_days_choice)}
            <div class="indent day-grid" hidden=move || shape.get() != Shape::Days>
                {day_boxes}
            </div>
        </fieldset>
    }
}

/// Whether a schedule can be saved: chosen days need at least one day.
pub fn when_is_complete(when: &When) -> bool {
    !matches!(when, When::Days(d) if d.is_empty())
}

/// The fields a plan item is set with: when, the "choose a day" error
/// (shown while `error` is true) and an optional note.
#[component]
pub fn PlanFields(
    prefix: String,
    when: RwSignal<When>,
    note: RwSignal<String>,
    error: RwSignal<bool>,
) -> impl IntoView {
    let t = use_app().t();
    let note_id = format!("{prefix}-note");
    let note_label = note_id.clone();
    view! {
        <WhenPicker prefix=prefix when=when />
        {move || error.get().then(|| view! { <p class="error-text" role="alert">{t.plan_days_error}</p> })}
        <p class="field">
            <label for=note_label>{t.plan_note_label}</label>
            <input
                type="text"
                id=note_id
                maxlength="500"
                prop:value=move || note.get()
                on:input=move |ev| note.set(event_target_value(&ev))
            />
        </p>
    }
}

/// "Add to my plan" for one strategy: when, a note, and the button. Once
/// added it says so, with a link to the plan.
#[component]
pub fn AddToPlan(strategy: &'static str, default_when: When) -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    let when = RwSignal::new(default_when);
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(false);
    let in_plan = Memo::new(move |_| ctx.data.with(|d| d.in_plan(strategy)));
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = when.get_untracked();
        if !when_is_complete(&chosen) {
            error.set(true);
            return;
        }
        error.set(false);
        let now = platform::now_ms();
        let id = platform::new_id("i");
        let text = note.get_untracked();
        ctx.data
            .update(|d| d.add_to_plan(&id, strategy, chosen, Some(text.as_str()), now));
        ctx.reach(Milestone::PlanSaved);
        platform::focus_soon(".plan-added");
    };
    move || {
        if in_plan.get() {
            view! {
                <p class="notice plan-added" tabindex="-1" role="status">
                    {t.plan_added}" "
                    <a href=Route::Plan.href()>{t.plan_see}</a>
                </p>
            }
            .into_any()
        } else {
            view! {
                <form class="add-to-plan" on:submit=add>
                    <PlanFields prefix=format!("add-{strategy}") when=when note=note error=error />
                    <div class="actions">
                        <button type="submit">{t.plan_add}</button>
                    </div>
                </form>
            }
            .into_any()
        }
    }
}

/// The schedule a strategy starts with when added in one go: after each
/// shift if it fits there, every day if it fits during work, otherwise
/// once a week on Saturday. The person can change it on the Plan.
pub fn default_when(s: &Strategy) -> When {
    if s.fits.contains(&Fit::AfterShift) {
        When::AfterEachShift
    } else if s.fits.contains(&Fit::DuringWork) {
        When::Daily
    } else {
        When::Weekly(Weekday::Sat)
    }
}

/// Strategies recommended for a check-in, each with why, and one button
/// to add it to the plan.
#[component]
pub fn Suggestions(reading: ProfileReading, profile: Profile, limit: usize) -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    let library = strategies(ctx.locale.get_untracked());
    let picks = recommend(&reading, &profile, library, limit);
    let items = picks
        .into_iter()
        .filter_map(|r| {
            let s = strategy::find(library, r.strategy)?;
            let id = s.id;
            let when = default_when(s);
            let in_plan = move || ctx.data.with(|d| d.in_plan(id));
            let add = move |_| {
                let now = platform::now_ms();
                let item = platform::new_id("i");
                let when = when.clone();
                ctx.data
                    .update(|d| d.add_to_plan(&item, id, when, None, now));
                ctx.reach(Milestone::PlanSaved);
                // The button is gone; its confirmation takes the focus.
                platform::focus_soon(&format!("#in-plan-{id}"));
            };
            Some(view! {
                <li class="card suggestion">
                    <h3><a href=Route::Strategy(id.to_string()).href()>{s.title}</a></h3>
                    <p>{s.summary}</p>
                    <p class="hint">{reason_text(t, &r.reason)}</p>
                    {move || {
                        if in_plan() {
                            view! {
                                <p class="in-plan" role="status" tabindex="-1" id=format!("in-plan-{id}")>
                                    {t.plan_added}" "<a href=Route::Plan.href()>{t.plan_see}</a>
                                </p>
                            }
                                .into_any()
                        } else {
                            view! {
                                <button type="button" class="secondary" on:click=add.clone()>
                                    {t.plan_recommended_add}
                                </button>
                            }
                                .into_any()
                        }
                    }}
                </li>
            })
        })
        .collect_view();
    view! {
        <section aria-labelledby="suggestions-heading" data-testid="suggestions">
            <h2 id="suggestions-heading">{t.plan_recommended_heading}</h2>
            <p class="hint">{t.plan_recommended_intro}</p>
            <ul class="topic-list">{items}</ul>
            <p><a href=Route::Strategies.href()>{t.plan_find}</a></p>
        </section>
    }
}
