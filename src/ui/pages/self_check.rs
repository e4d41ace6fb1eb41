//! The organisation self-check's own screen: what it is, a way to start
//! one, the self-checks kept on this device (one's own and those other
//! leaders shared, each removable with undo), a comparison of any of them
//! area by area, their area scores as CSV, and adding another leader's.

use crate::content::instruments;
use crate::platform;
use crate::route::Route;
use crate::ui::components::self_check_parts::{
    check_label, download_csv, AreaComparison, ImportPanel,
};
use crate::ui::title_effect;
use crate::ui::use_app;
use leptos::prelude::*;
use std::collections::BTreeSet;
use tend_core::domain::self_check::SelfCheck;

/// The self-check's screen.
#[component]
pub fn SelfCheckHome() -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    title_effect(move || t().self_check_title.to_string());
    let checks = Memo::new(move |_| {
        ctx.data.with(|d| {
            let mut all = d.self_checks.clone();
            all.sort_by_key(|c| std::cmp::Reverse(c.completed_at));
            all
        })
    });
    let undo = RwSignal::new(None::<(SelfCheck, String)>);
    let remove = move |check: SelfCheck| {
        let now = platform::now_ms();
        let mut removed = false;
        ctx.data
            .update(|d| removed = d.remove_self_check(&check.id, now));
        if removed {
            let text = ctx.t().self_check_removed(&check_label(ctx.t(), &check));
            undo.set(Some((check, text)));
            platform::focus_soon("#sc-undo-message");
        }
    };
    let undo_remove = move |_| {
        if let Some((check, _)) = undo.get_untracked() {
            ctx.data.update(|d| {
                d.save_self_check(check);
            });
        }
        undo.set(None);
        platform::focus("#sc-saved-heading");
    };
    view! {
        <h1 tabindex="-1">{move || t().self_check_title}</h1>
        <p class="lead">{move || t().self_check_intro}</p>
        <p>{move || t().self_check_what_for}</p>
        <p>
            <a class="button" href=Route::SelfCheckNew.href() data-testid="start-self-check">
                {move || t().self_check_start}
            </a>
        </p>
        <div class="undo-bar" hidden=move || undo.with(Option::is_none)>
            <p id="sc-undo-message" tabindex="-1" role="status">
                {move || undo.with(|u| u.as_ref().map(|(_, text)| text.clone()))}
            </p>
            <button type="button" class="secondary" on:click=undo_remove data-testid="sc-undo">
                {move || t().self_check_undo}
            </button>
        </div>
        <section aria-labelledby="sc-saved-heading">
            <h2 id="sc-saved-heading" tabindex="-1">{move || t().self_check_saved_heading}</h2>
            <Show when=move || checks.with(Vec::is_empty)>
                <p>{move || t().self_check_saved_empty}</p>
            </Show>
            <ul class="entry-list" data-testid="sc-saved">
                <For
                    each=move || checks.get()
                    key=|check| check.id.clone()
                    children=move |check| {
                        let shared = check.shared;
                        let href = Route::SelfCheckResult(check.id.clone()).href();
                        let for_remove = check.clone();
                        let label = move || check_label(t(), &check);
                        let (label_view, label_remove) = (label.clone(), label.clone());
                        view! {
                            <li class="entry card" data-testid="sc-entry" data-shared=shared.to_string()>
                                <p>
                                    <strong>{label}</strong>
                                    {shared
                                        .then(|| {
                                            view! {
                                                " "
                                                <span class="tag">{move || t().self_check_shared_mark}</span>
                                            }
                                        })}
                                </p>
                                <div class="actions">
                                    <a
                                        class="button secondary"
                                        href=href
                                        aria-label=move || t().self_check_view_label(&label_view())
                                    >
                                        {move || t().self_check_view}
                                    </a>
                                    <button
                                        type="button"
                                        class="secondary"
                                        data-testid="sc-remove"
                                        aria-label=move || t().self_check_remove_label(&label_remove())
                                        on:click=move |_| remove(for_remove.clone())
                                    >
                                        {move || t().self_check_remove}
                                    </button>
                                </div>
                            </li>
                        }
                    }
                />
            </ul>
        </section>
        <Compare checks=checks />
        <ImportPanel />
        <nav class="pager" aria-label=move || t().leaders_title>
            <a href=Route::Leaders.href()>{move || t().leaders_back}</a>
        </nav>
    }
}

/// The kept self-checks compared: all of them at first, any left out by
/// unticking; and all their area scores as CSV.
#[component]
fn Compare(checks: Memo<Vec<SelfCheck>>) -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    let left_out = RwSignal::new(BTreeSet::<String>::new());
    let chosen = Memo::new(move |_| {
        let out = left_out.get();
        let mut list: Vec<SelfCheck> = checks
            .get()
            .into_iter()
            .filter(|c| !out.contains(&c.id))
            .collect();
        // Oldest first: change over time reads left to right.
        list.reverse();
        list
    });
    let csv_failed = RwSignal::new(false);
    let csv = move |_| {
        let Ok(org) = instruments::org(ctx.locale.get_untracked()) else {
            csv_failed.set(true);
            return;
        };
        let ok = download_csv(
            org,
            &checks.get_untracked(),
            ctx.t().self_check_result_csv_file,
        );
        csv_failed.set(!ok);
    };
    let pickers = move || {
        checks
            .get()
            .into_iter()
            .map(|check| {
                let id = check.id.clone();
                let for_change = check.id.clone();
                let mut label = check_label(t(), &check);
                if check.shared {
                    label = format!("{label} ({})", t().self_check_shared_mark);
                }
                view! {
                    <label class="choice">
                        <input
                            type="checkbox"
                            data-testid="sc-compare-pick"
                            prop:checked=move || left_out.with(|o| !o.contains(&id))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                left_out
                                    .update(|o| {
                                        if on {
                                            o.remove(&for_change);
                                        } else {
                                            o.insert(for_change.clone());
                                        }
                                    })
                            }
                        />
                        <span>{label}</span>
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <section aria-labelledby="sc-compare-heading" data-testid="sc-compare">
            <h2 id="sc-compare-heading">{move || t().self_check_compare_heading}</h2>
            {move || {
                if checks.with(|c| c.len() < 2) {
                    return view! { <p data-testid="sc-compare-need-two">{t().self_check_compare_need_two}</p> }
                        .into_any();
                }
                view! {
                    <p>{t().self_check_compare_intro}</p>
                    <fieldset class="choice-group">
                        <legend>{t().self_check_compare_choose}</legend>
                        {pickers}
                    </fieldset>
                    {move || {
                        let list = chosen.get();
                        if list.len() < 2 {
                            return view! { <p>{t().self_check_compare_need_two}</p> }.into_any();
                        }
                        match instruments::org(ctx.locale.get()) {
                            Ok(org) => view! { <AreaComparison instrument=org.clone() checks=list /> }.into_any(),
                            Err(e) => view! { <p class="error-text">{e.to_string()}</p> }.into_any(),
                        }
                    }}
                }
                    .into_any()
            }}
            <Show when=move || !checks.with(Vec::is_empty)>
                <p class="actions">
                    <button type="button" class="secondary" data-testid="sc-csv-all" on:click=csv>
                        {move || t().self_check_compare_csv}
                    </button>
                </p>
                <p class="error-text" role="alert" hidden=move || !csv_failed.get()>
                    {move || t().self_check_result_saved_error}
                </p>
            </Show>
        </section>
    }
}
