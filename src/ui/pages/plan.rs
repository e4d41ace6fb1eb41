//! The Plan: what is due today (with "done today"), the chosen strategies
//! (change when, the note, or remove), a log of what was done with no idea
//! of "missed", time off, and the next check-in.

use crate::content::strategies::{strategies, when_text};
use crate::platform;
use crate::route::Route;
use crate::ui::components::deployment_parts::route_on;
use crate::ui::components::next_checkin::NextCheckIn;
use crate::ui::components::plan_parts::{when_is_complete, PlanFields};
use crate::ui::title_effect;
use crate::ui::use_app;
use leptos::prelude::*;
use tend_core::domain::course::Milestone;
use tend_core::domain::plan::{self, needs_break_prompt, Date, PlanItem, When};
use tend_core::domain::strategy;

/// The thresholds offered for the break reminder, in days; 0 turns it off.
const THRESHOLDS: [i64; 6] = [30, 60, 90, 120, 180, 0];

/// How many days back the log reaches.
const LOG_DAYS: i64 = 30;

/// A civil date in the person's language ("26 November 2026").
fn date_text(d: Date, language: &str) -> String {
    // Noon UTC is the same calendar day in every time zone's formatting.
    platform::format_date(d.0 * 86_400_000 + 43_200_000, language)
}

/// The Plan screen.
#[component]
pub fn PlanScreen() -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    title_effect(move || ctx.t().plan_title.to_string());
    let library = strategies(ctx.locale.get_untracked());
    let title_of = move |id: &str| strategy::find(library, id).map(|s| s.title);
    let day = platform::today();
    let lang = move || ctx.locale.get().code();
    let the_plan = Memo::new(move |_| ctx.data.with(|d| d.plan_view()));

    // Keyed by item, with "done" read where it is shown: ticking a box
    // changes that box alone, so keyboard focus stays on it.
    let due = move || {
        view! {
            <Show
                when=move || the_plan.with(|p| !plan::due_on(p, day).is_empty())
                fallback=move || view! { <p class="notice-quiet">{t.plan_today_empty}</p> }
            >
                <For
                    each=move || {
                        the_plan
                            .with(|p| plan::due_on(p, day).into_iter().map(|due| due.item.clone()).collect::<Vec<_>>())
                    }
                    key=|item| item.clone()
                    children=move |item| {
                        let label = title_of(&item.strategy).unwrap_or(t.plan_log_item_gone);
                        let when = when_text(t, &item.when);
                        let (id, id_for_change) = (item.id.clone(), item.id);
                        view! {
                            <label class="choice due-item">
                                <input
                                    type="checkbox"
                                    prop:checked=move || the_plan.with(|p| p.is_done(&id, day))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let now = platform::now_ms();
                                        ctx.data.update(|d| d.set_done(&id_for_change, day, on, now));
                                    }
                                />
                                <span>
                                    {label}
                                    <span class="hint">{format!(" · {when} · {}", t.plan_done_today)}</span>
                                </span>
                            </label>
                        }
                    }
                />
            </Show>
        }
    };

    let items = move || {
        view! {
            <Show
                when=move || the_plan.with(|p| !p.items.is_empty())
                fallback=move || {
                    view! {
                        <p class="notice-quiet">{t.plan_empty}</p>
                        <p><a class="button" href=Route::Strategies.href()>{t.plan_find}</a></p>
                    }
                }
            >
                <ul class="topic-list plan-list">
                    // Keyed by the whole item: ticking "done" or changing
                    // another item leaves this one (and an open Change form
                    // in it) as it is.
                    <For
                        each=move || the_plan.with(|p| p.items.clone())
                        key=|item| item.clone()
                        children=move |item| view! { <PlanEntry item=item title=title_of /> }
                    />
                </ul>
                <p><a href=Route::Strategies.href()>{t.plan_find}</a></p>
            </Show>
        }
    };

    let log = move || {
        let p = the_plan.get();
        let days: Vec<_> = plan::log(&p)
            .into_iter()
            .filter(|d| d.on.days_until(day) < LOG_DAYS)
            .collect();
        if days.is_empty() {
            return view! { <p class="notice-quiet">{t.plan_log_empty}</p> }.into_any();
        }
        let lang = lang();
        let list = days
            .into_iter()
            .map(|d| {
                let names: Vec<&str> = d
                    .items
                    .iter()
                    .map(|id| {
                        p.items
                            .iter()
                            .find(|i| i.id == *id)
                            .and_then(|i| title_of(&i.strategy))
                            .unwrap_or(t.plan_log_item_gone)
                    })
                    .collect();
                view! {
                    <li>
                        <strong>{date_text(d.on, lang)}</strong>
                        <ul>{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="plan-log">{list}</ul> }.into_any()
    };

    view! {
        <h1 tabindex="-1">{t.plan_title}</h1>
        <p class="lead">{t.plan_intro}</p>
        <section aria-labelledby="plan-today-heading">
            <h2 id="plan-today-heading">
                {move || t.plan_today_heading(&date_text(day, lang()))}
            </h2>
            <div class="due-list">{due}</div>
        </section>
        <section aria-labelledby="plan-items-heading">
            <h2 id="plan-items-heading">{t.plan_items_heading}</h2>
            {items}
        </section>
        <section aria-labelledby="plan-log-heading">
            <h2 id="plan-log-heading">{t.plan_log_heading}</h2>
            <p class="hint">{t.plan_log_intro}</p>
            {log}
        </section>
        <TimeOffPanel />
        <section aria-labelledby="plan-checkin-heading">
            <h2 id="plan-checkin-heading">{t.plan_checkin_heading}</h2>
            <NextCheckIn />
        </section>
        <section aria-labelledby="plan-more-heading">
            <h2 id="plan-more-heading">{t.plan_more_heading}</h2>
            <ul>
                <li><a href=Route::Practices.href()>{t.plan_practices_link}</a></li>
                {route_on(&Route::Journal)
                    .then(|| view! { <li><a href=Route::Journal.href()>{t.plan_journal_link}</a></li> })}
            </ul>
        </section>
    }
}

/// One strategy in the plan, with Change and Remove.
#[component]
fn PlanEntry(
    item: PlanItem,
    title: impl Fn(&str) -> Option<&'static str> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    let editing = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let when = RwSignal::new(item.when.clone());
    let note = RwSignal::new(item.note.clone().unwrap_or_default());
    let error = RwSignal::new(false);
    let id = item.id.clone();
    let name = title(&item.strategy).unwrap_or(t.plan_log_item_gone);
    let href = Route::Strategy(item.strategy.clone()).href();
    let dom = format!("plan-{id}");
    let summary = {
        let item = item.clone();
        move || {
            let mut line = when_text(t, &item.when);
            if let Some(n) = item.note.as_deref().filter(|n| !n.is_empty()) {
                line.push_str(" · ");
                line.push_str(&t.plan_note_shown(n));
            }
            line
        }
    };
    let save = {
        let id = id.clone();
        let dom = dom.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let chosen: When = when.get_untracked();
            if !when_is_complete(&chosen) {
                error.set(true);
                return;
            }
            let now = platform::now_ms();
            let text = note.get_untracked();
            ctx.data.update(|d| {
                d.update_plan_item(&id, chosen, Some(text.as_str()), now);
            });
            ctx.reach(Milestone::PlanSaved);
            editing.set(false);
            platform::focus_soon(&format!("#{dom}-change"));
        }
    };
    let remove = {
        let id = id.clone();
        move |_| {
            let now = platform::now_ms();
            ctx.data.update(|d| {
                d.remove_from_plan(&id, now);
            });
            ctx.reach(Milestone::PlanSaved);
            platform::focus_soon("#plan-items-heading");
        }
    };
    let change_id = format!("{dom}-change");
    let change_focus = format!("#{change_id}");
    let remove_id = format!("{dom}-remove");
    view! {
        <li class="card plan-item" id=dom.clone()>
            <h3><a href=href>{name}</a></h3>
            <p class="hint">{summary}</p>
            <div hidden=move || !editing.get()>
                <form on:submit=save>
                    <PlanFields prefix=dom.clone() when=when note=note error=error />
                    <div class="actions">
                        <button type="submit">{t.plan_save}</button>
                        <button
                            type="button"
                            class="secondary"
                            on:click={
                                let change = change_focus.clone();
                                move |_| {
                                    editing.set(false);
                                    platform::focus_soon(&change);
                                }
                            }
                        >
                            {t.plan_cancel}
                        </button>
                    </div>
                </form>
            </div>
            <div class="actions" hidden=move || editing.get() || confirming.get()>
                <button
                    type="button"
                    class="secondary"
                    id=change_id
                    on:click={
                        let first = format!("#{dom} form input");
                        move |_| {
                            editing.set(true);
                            platform::focus_soon(&first);
                        }
                    }
                >
                    {t.plan_edit}
                </button>
                <button
                    type="button"
                    class="secondary"
                    id=remove_id.clone()
                    on:click=move |_| {
                        confirming.set(true);
                        platform::focus_soon(".plan-item .confirm .danger");
                    }
                >
                    {t.plan_remove}
                </button>
            </div>
            <div class="confirm" role="group" aria-label=t.plan_remove_confirm hidden=move || !confirming.get()>
                <p>{t.plan_remove_confirm}</p>
                <div class="actions">
                    <button type="button" class="danger" on:click=remove>{t.plan_remove_yes}</button>
                    <button
                        type="button"
                        class="secondary"
                        on:click=move |_| {
                            confirming.set(false);
                            platform::focus_soon(&format!("#{remove_id}"));
                        }
                    >
                        {t.plan_remove_no}
                    </button>
                </div>
            </div>
        </li>
    }
}

/// Time off: the last real break, the next planned one, and when to be
/// reminded; with days since and until, and a gentle prompt when it has
/// been long.
#[component]
fn TimeOffPanel() -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    let day = platform::today();
    let record = Memo::new(move |_| ctx.data.with(|d| d.time_off.clone()));
    let error = RwSignal::new(false);
    let set_date = move |last: bool, text: String| {
        let date = if text.is_empty() {
            None
        } else {
            match Date::parse_iso(&text) {
                Some(d) => Some(d),
                None => {
                    error.set(true);
                    return;
                }
            }
        };
        error.set(false);
        let now = platform::now_ms();
        ctx.data.update(|d| {
            let mut r = d.time_off.clone();
            if last {
                r.last_break = date;
            } else {
                r.next_break = date;
            }
            d.set_time_off(r.last_break, r.next_break, r.threshold_days, now);
        });
    };
    let summary = move || {
        let r = record.get();
        let off = plan::TimeOff {
            last_break: r.last_break,
            next_break: r.next_break,
        };
        let mut lines: Vec<String> = Vec::new();
        if let Some(n) = off.days_since(day) {
            lines.push(t.time_off_days_since(n.max(0).unsigned_abs()));
        }
        match off.days_until(day) {
            Some(0) => lines.push(t.time_off_break_today.to_string()),
            Some(n) => lines.push(t.time_off_days_until(n.max(0).unsigned_abs())),
            None => {}
        }
        if lines.is_empty() {
            lines.push(t.plan_time_off_none.to_string());
        }
        let prompt = off.days_since(day).is_some_and(|n| {
            needs_break_prompt(n, r.threshold_days) && off.days_until(day).is_none()
        });
        view! {
            <ul class="time-off-lines">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            {prompt.then(|| view! { <p class="notice">{t.time_off_prompt}</p> })}
        }
    };
    let thresholds = THRESHOLDS
        .iter()
        .map(|&n| {
            let label = if n == 0 {
                t.plan_threshold_off.to_string()
            } else {
                t.plan_threshold_days(n.max(0).unsigned_abs())
            };
            view! { <option value=n.to_string() selected=move || record.get().threshold_days == n>{label}</option> }
        })
        .collect_view();
    view! {
        <section aria-labelledby="time-off-heading">
            <h2 id="time-off-heading">{t.plan_time_off_heading}</h2>
            <p class="hint">{t.plan_time_off_intro}</p>
            {summary}
            <p class="field">
                <label for="last-break">{t.plan_last_break_label}</label>
                <input
                    type="date"
                    id="last-break"
                    prop:value=move || record.get().last_break.map(Date::to_iso).unwrap_or_default()
                    on:change=move |ev| set_date(true, event_target_value(&ev))
                />
            </p>
            <p class="field">
                <label for="next-break">{t.plan_next_break_label}</label>
                <input
                    type="date"
                    id="next-break"
                    prop:value=move || record.get().next_break.map(Date::to_iso).unwrap_or_default()
                    on:change=move |ev| set_date(false, event_target_value(&ev))
                />
            </p>
            {move || error.get().then(|| view! { <p class="error-text" role="alert">{t.plan_date_error}</p> })}
            <p class="field">
                <label for="break-threshold">{t.plan_threshold_label}</label>
                <select
                    id="break-threshold"
                    on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse::<i64>() {
                            let now = platform::now_ms();
                            ctx.data.update(|d| {
                                let r = d.time_off.clone();
                                d.set_time_off(r.last_break, r.next_break, n, now);
                            });
                        }
                    }
                >
                    {thresholds}
                </select>
            </p>
        </section>
    }
}
