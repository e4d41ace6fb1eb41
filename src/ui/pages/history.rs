//! History: every check-in and pulse over time on one trend chart (with a
//! table), a list to view or delete entries (with undo), and a side-by-side
//! comparison of any two check-ins.

use crate::content::instruments;
use crate::platform;
use crate::route::Route;
use crate::ui::checkin::use_instruments;
use crate::ui::components::score_views::ChangeList;
use crate::ui::components::trend_chart::TrendChart;
use crate::ui::title_effect;
use crate::ui::use_app;
use leptos::prelude::*;
use tend_core::domain::chart::TrendSeries;
use tend_core::domain::history::{self, HeadlineTrend};
use tend_core::store::data::Deleted;

/// The chart series for the trend of each headline.
pub fn trend_series(trends: &[HeadlineTrend]) -> Vec<TrendSeries> {
    trends.iter().map(TrendSeries::from).collect()
}

/// One row of the entries list.
#[derive(Clone, PartialEq)]
struct Entry {
    id: String,
    at: i64,
    is_pulse: bool,
}

/// The History screen.
#[component]
pub fn History() -> impl IntoView {
    let ctx = use_app();
    let instruments = use_instruments();
    let t = move || ctx.t();
    title_effect(move || t().history_title.to_string());
    let undo = RwSignal::new(None::<(Deleted, String)>);

    let series = Memo::new(move |_| {
        let Ok(pulse) = instruments::pulse(ctx.locale.get()) else {
            return Vec::new();
        };
        instruments.with_every_version(|list| {
            ctx.data
                .with(|d| trend_series(&history::trend(&d.checkins, &d.pulses, list, pulse)))
        })
    });
    let entries = Memo::new(move |_| {
        ctx.data.with(|d| {
            let mut all: Vec<Entry> = d
                .checkins
                .iter()
                .map(|c| Entry {
                    id: c.id.clone(),
                    at: c.completed_at,
                    is_pulse: false,
                })
                .chain(d.pulses.iter().map(|p| Entry {
                    id: p.id.clone(),
                    at: p.completed_at,
                    is_pulse: true,
                }))
                .collect();
            all.sort_by_key(|e| std::cmp::Reverse(e.at));
            all
        })
    });
    let date = move |at: i64| platform::format_date(at, ctx.locale.get().code());

    let delete = move |entry: Entry| {
        let now = platform::now_ms();
        let mut removed = None;
        ctx.data
            .update(|d| removed = d.delete_entry(&entry.id, now));
        if let Some(removed) = removed {
            let t = ctx.t();
            let kind = if entry.is_pulse {
                t.history_kind_pulse
            } else {
                t.history_kind_checkin
            };
            let text = t.history_deleted(&kind.to_lowercase(), &date(entry.at));
            undo.set(Some((removed, text)));
            platform::focus_soon("#undo-message");
        }
    };
    let undo_delete = move |_| {
        if let Some((removed, _)) = undo.get_untracked() {
            let now = platform::now_ms();
            ctx.data.update(|d| {
                d.undo_delete(removed, now);
            });
        }
        undo.set(None);
        platform::focus("#entries-heading");
    };

    view! {
        <h1 tabindex="-1">{t().history_title}</h1>
        <p class="lead">{t().history_intro}</p>
        <div class="undo-bar" hidden=move || undo.with(Option::is_none)>
            <p id="undo-message" tabindex="-1" role="status">{move || undo.with(|u| u.as_ref().map(|(_, text)| text.clone()))}</p>
            <button type="button" class="secondary" on:click=undo_delete data-testid="undo">
                {t().history_undo}
            </button>
        </div>
        {move || {
            if entries.with(Vec::is_empty) {
                return view! {
                    <p>{t().history_empty}</p>
                    <p>
                        <a class="button" href=Route::CheckIn.href()>{t().home_checkin_start}</a>
                    </p>
                }
                    .into_any();
            }
            let t = t();
            let own_bands = ctx.data.with(|d| {
                !d.pulses.is_empty()
                    || d.checkins.iter().any(|c| tend_core::builtin::is_own(&c.instrument_id))
            });
            view! {
                <section aria-labelledby="trend-heading">
                    <h2 id="trend-heading">{t.history_chart_title}</h2>
                    <TrendChart
                        series=series.get()
                        title=t.history_chart_title
                        description=t.history_chart_desc
                        format_date=Callback::new(move |at: i64| date(at))
                        strings=t
                        utc_offset_minutes=platform::utc_offset_minutes()
                    />
                    {own_bands
                        .then(|| view! { <p class="hint" data-testid="bands-note">{t.results_bands_note}</p> })}
                </section>
            }
                .into_any()
        }}
        <section aria-labelledby="entries-heading">
            <h2 id="entries-heading" tabindex="-1">{t().history_list_heading}</h2>
            <ul class="entry-list" data-testid="entries">
                // Keyed by entry id: deleting one entry removes its row, and
                // the other rows stay as they are (and keep their focus).
                <For
                    each=move || entries.get()
                    key=|entry| entry.id.clone()
                    children=move |entry| {
                        let kind = move || {
                            let t = t();
                            if entry.is_pulse { t.history_kind_pulse } else { t.history_kind_checkin }
                        };
                        let when = move || date(entry.at);
                        let label = move || {
                            t().history_delete_label(&kind().to_lowercase(), &when())
                        };
                        let results = (!entry.is_pulse).then(|| Route::Results(entry.id.clone()).href());
                        let for_delete = entry.clone();
                        view! {
                            <li class="entry card" data-kind=if entry.is_pulse { "pulse" } else { "checkin" }>
                                <p>
                                    <strong>{kind}</strong>
                                    " · "
                                    {when}
                                </p>
                                <div class="actions">
                                    {results
                                        .map(|href| {
                                            view! {
                                                <a class="button secondary" href=href>
                                                    {move || t().history_view}
                                                </a>
                                            }
                                        })}
                                    <button
                                        type="button"
                                        class="secondary"
                                        aria-label=label
                                        on:click=move |_| delete(for_delete.clone())
                                    >
                                        {move || t().history_delete}
                                    </button>
                                </div>
                            </li>
                        }
                    }
                />
            </ul>
        </section>
        <Compare />
    }
}

/// Two check-ins side by side: pick each from a list.
#[component]
fn Compare() -> impl IntoView {
    let ctx = use_app();
    let instruments = use_instruments();
    let t = move || ctx.t();
    let checkins = Memo::new(move |_| {
        ctx.data.with(|d| {
            let mut list: Vec<(String, i64)> = d
                .checkins
                .iter()
                .map(|c| (c.id.clone(), c.completed_at))
                .collect();
            list.sort_by_key(|c| std::cmp::Reverse(c.1));
            list
        })
    });
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    // Default to the latest two whenever the choices are stale.
    Effect::new(move |_| {
        let list = checkins.get();
        let known = |id: &str| list.iter().any(|(c, _)| c == id);
        if !known(&first.get_untracked()) {
            first.set(list.get(1).map(|c| c.0.clone()).unwrap_or_default());
        }
        if !known(&second.get_untracked()) {
            second.set(list.first().map(|c| c.0.clone()).unwrap_or_default());
        }
    });
    let options = move |selected: RwSignal<String>| {
        checkins
            .get()
            .into_iter()
            .map(|(id, at)| {
                let text = platform::format_date(at, ctx.locale.get().code());
                let value = id.clone();
                view! {
                    <option value=value selected=move || selected.get() == id>
                        {text}
                    </option>
                }
            })
            .collect_view()
    };
    let comparison = move || {
        let (a, b) = (first.get(), second.get());
        if a.is_empty() || b.is_empty() || a == b {
            return None;
        }
        instruments.with_every_version(|list| {
            ctx.data
                .with(|d| Some(history::compare(d.checkin(&a)?, d.checkin(&b)?, list)))
        })
    };
    view! {
        <section aria-labelledby="compare-heading">
            <h2 id="compare-heading">{t().history_compare_heading}</h2>
            {move || {
                if checkins.with(|c| c.len() < 2) {
                    return view! { <p>{t().history_compare_need_two}</p> }.into_any();
                }
                view! {
                    <div class="compare-pickers">
                        <label class="select-field">
                            <span>{t().history_compare_first}</span>
                            <select
                                data-testid="compare-first"
                                on:change=move |ev| first.set(event_target_value(&ev))
                            >
                                {options(first)}
                            </select>
                        </label>
                        <label class="select-field">
                            <span>{t().history_compare_second}</span>
                            <select
                                data-testid="compare-second"
                                on:change=move |ev| second.set(event_target_value(&ev))
                            >
                                {options(second)}
                            </select>
                        </label>
                    </div>
                    {move || comparison().map(|c| view! { <ChangeList comparison=c /> })}
                }
                    .into_any()
            }}
        </section>
    }
}
