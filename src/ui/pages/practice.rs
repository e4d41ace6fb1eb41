//! Practices: the list (with what helps this person most), and each guided
//! practice at its own address, rated 0–10 before and after.

use crate::platform;
use crate::route::Route;
use crate::ui::components::deployment_parts::route_on;
use crate::ui::components::practice_parts::{steps, words, Breathing, DistressRating, Steps};
use crate::ui::components::text_records::{Record, RecordWords, TextRecords};
use crate::ui::title_effect;
use crate::ui::use_app;
use leptos::prelude::*;
use tend_core::domain::practice::{rank_by_benefit, Practice};

/// Tenths as "1.5" or "-0.3", with whole-number formatting only.
fn tenths(value: f64) -> String {
    let n = (value * 10.0).round() as i64;
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{}.{}", n.abs() / 10, n.abs() % 10)
}

/// The Practices screen.
#[component]
pub fn Practices() -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    title_effect(move || ctx.t().practice_title.to_string());
    let helps = move || {
        let ranked = ctx.data.with(|d| rank_by_benefit(&d.practice_uses()));
        if ranked.is_empty() {
            return view! { <p class="notice-quiet">{t.practice_helps_empty}</p> }.into_any();
        }
        let items = ranked
            .into_iter()
            .map(|b| {
                let (name, _) = words(t, b.practice);
                let count = b.counted as u64;
                let text = if b.average.abs() < 0.05 {
                    t.practice_helps_same(count, name)
                } else if b.average > 0.0 {
                    t.practice_helps_down(count, name, &tenths(b.average))
                } else {
                    t.practice_helps_up(count, name, &tenths(-b.average))
                };
                view! {
                    <li>
                        <a href=Route::Practice(b.practice.id().to_string()).href()>{text}</a>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="helps-list">{items}</ul> }.into_any()
    };
    let list = Practice::ALL
        .iter()
        .filter(|p| route_on(&Route::Practice(p.id().to_string())))
        .map(|&p| {
            let (name, summary) = words(t, p);
            let used = move || {
                let n = ctx.data.with(|d| {
                    d.practice_log
                        .iter()
                        .filter(|u| u.practice == p.id())
                        .count()
                });
                let text = match n {
                    0 => return None,
                    n => t.practice_used(n as u64),
                };
                Some(view! { <p class="hint">{text}</p> })
            };
            view! {
                <li class="card">
                    <h3>
                        <a href=Route::Practice(p.id().to_string()).href()>{name}</a>
                    </h3>
                    <p>{summary}</p>
                    {used}
                </li>
            }
        })
        .collect_view();
    view! {
        <h1 tabindex="-1">{t.practice_title}</h1>
        <p class="lead">{t.practice_intro}</p>
        <section aria-labelledby="helps-heading">
            <h2 id="helps-heading">{t.practice_helps_heading}</h2>
            <p class="hint">{t.practice_helps_intro}</p>
            {helps}
        </section>
        <section aria-labelledby="practice-list-heading">
            <h2 id="practice-list-heading">{t.practice_list_heading}</h2>
            <ul class="topic-list">{list}</ul>
        </section>
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Stage {
    Before,
    Doing,
    After,
    Saved,
}

/// One guided practice: rate, do, rate again, saved.
#[component]
pub fn PracticeScreen(practice: Practice) -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    let (name, summary) = words(t, practice);
    title_effect(move || words(ctx.t(), practice).0.to_string());
    let stage = RwSignal::new(Stage::Before);
    let before = RwSignal::new(None::<u8>);
    let after = RwSignal::new(None::<u8>);
    let go = move |to: Stage, focus: &str| {
        stage.set(to);
        platform::focus_soon(focus);
    };
    let finish = Callback::new(move |()| go(Stage::After, ".distress legend"));
    let rated_before = Callback::new(move |r: Option<u8>| {
        before.set(r);
        go(Stage::Doing, ".practice-lead");
    });
    let rated_after = Callback::new(move |r: Option<u8>| {
        after.set(r);
        let now = platform::now_ms();
        let id = platform::new_id("u");
        let b = before.get_untracked();
        ctx.data
            .update(|d| d.record_practice(&id, practice, now, b, r));
        go(Stage::Saved, ".practice-saved h2");
    });
    let again = move |_| {
        before.set(None);
        after.set(None);
        go(Stage::Before, ".distress legend");
    };

    let doing = move || match practice {
        Practice::PacedBreathing => view! { <Breathing on_finish=finish /> }.into_any(),
        Practice::WhyCards => view! { <WhyCards on_finish=finish /> }.into_any(),
        Practice::NarrativeJournal | Practice::CreativeJournal => {
            view! { <JournalPrompt practice=practice on_finish=finish /> }.into_any()
        }
        _ => view! { <Steps steps=steps(t, practice) on_finish=finish /> }.into_any(),
    };

    view! {
        <p class="breadcrumb">
            <a href=Route::Practices.href()>{t.practice_to_list}</a>
        </p>
        <h1 tabindex="-1">{name}</h1>
        <p class="lead">{summary}</p>
        {move || match stage.get() {
            Stage::Before => view! { <DistressRating legend=t.practice_before_legend on_done=rated_before /> }.into_any(),
            Stage::Doing => doing(),
            Stage::After => view! { <DistressRating legend=t.practice_after_legend on_done=rated_after /> }.into_any(),
            Stage::Saved => {
                let change = match (before.get_untracked(), after.get_untracked()) {
                    (Some(b), Some(a)) => Some(t.practice_saved_change(&b.to_string(), &a.to_string())),
                    _ => None,
                };
                view! {
                    <section class="practice-saved notice" role="status">
                        <h2 tabindex="-1">{t.practice_saved_heading}</h2>
                        <p>{t.practice_saved_body}</p>
                        {change.map(|c| view! { <p>{c}</p> })}
                    </section>
                    <div class="actions">
                        <button type="button" on:click=again>{t.practice_again}</button>
                        <a class="button secondary" href=Route::Practices.href()>{t.practice_to_list}</a>
                    </div>
                }
                    .into_any()
            }
        }}
    }
}

/// "Why I do this work": the person's cards, to read, add to and change.
#[component]
fn WhyCards(on_finish: Callback<()>) -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    let records = Signal::derive(move || {
        ctx.data.with(|d| {
            d.why_cards
                .iter()
                .enumerate()
                .map(|(i, c)| Record {
                    id: c.id.clone(),
                    heading: t.practice_why_card_label(&(i + 1).to_string()),
                    note: None,
                    text: c.text.clone(),
                })
                .collect()
        })
    });
    let words = RecordWords {
        new_label: t.practice_why_new_label,
        save: t.practice_why_save,
        empty: t.practice_why_empty,
        edit: t.practice_why_edit,
        edit_label: t.practice_why_edit_label,
        save_edit: t.practice_why_save_edit,
        cancel: t.practice_why_cancel,
        delete: t.practice_why_delete,
        delete_confirm: t.practice_why_delete_confirm,
        delete_yes: t.practice_why_delete_yes,
        delete_no: t.practice_why_delete_no,
        empty_error: t.practice_why_empty_error,
    };
    let on_save = Callback::new(move |(id, text): (Option<String>, String)| {
        let now = platform::now_ms();
        let id = id.unwrap_or_else(|| platform::new_id("w"));
        let mut result = Ok(());
        ctx.data.update(|d| result = d.save_card(&id, &text, now));
        result
    });
    let on_delete = Callback::new(move |id: String| {
        let now = platform::now_ms();
        ctx.data.update(|d| {
            d.delete_card(&id, now);
        });
        platform::focus_soon(".practice-lead");
    });
    view! {
        <p class="practice-lead" tabindex="-1">{t.practice_why_intro}</p>
        <h2>{t.practice_why_cards_heading}</h2>
        <TextRecords records=records words=words id_prefix="card" on_save=on_save on_delete=on_delete />
        <h2>{t.practice_why_prompts_heading}</h2>
        <ul>
            <li>{t.practice_why_prompt1}</li>
            <li>{t.practice_why_prompt2}</li>
            <li>{t.practice_why_prompt3}</li>
            <li>{t.practice_why_prompt4}</li>
        </ul>
        <div class="actions">
            <button type="button" on:click=move |_| on_finish.run(())>{t.practice_finish}</button>
        </div>
    }
}

/// Guided journal prompts: choose one, write, save to the Journal.
#[component]
fn JournalPrompt(practice: Practice, on_finish: Callback<()>) -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    let prompts: [&'static str; 3] = if practice == Practice::CreativeJournal {
        [
            t.practice_creative_prompt1,
            t.practice_creative_prompt2,
            t.practice_creative_prompt3,
        ]
    } else {
        [
            t.practice_narrative_prompt1,
            t.practice_narrative_prompt2,
            t.practice_narrative_prompt3,
        ]
    };
    let chosen = RwSignal::new(0usize);
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = platform::now_ms();
        let id = platform::new_id("j");
        let prompt = prompts.get(chosen.get_untracked()).copied();
        let mut result = Ok(());
        ctx.data
            .update(|d| result = d.save_journal(&id, prompt, &text.get_untracked(), now));
        match result {
            Ok(()) => {
                text.set(String::new());
                error.set(None);
                saved.set(true);
            }
            Err(tend_core::store::journal::TextError::Empty) => {
                error.set(Some(t.practice_journal_empty_error))
            }
            Err(tend_core::store::journal::TextError::TooLong) => {
                error.set(Some(t.records_too_long))
            }
        }
    };
    let options = prompts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name="journal-prompt"
                        prop:checked=move || chosen.get() == i
                        on:change=move |_| chosen.set(i)
                    />
                    <span>{*p}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <p class="practice-lead" tabindex="-1">{t.practice_journal_intro}</p>
        <form on:submit=save>
            <fieldset class="choice-group">
                <legend>{t.practice_journal_choose_legend}</legend>
                {options}
            </fieldset>
            <label for="journal-prompt-text">{t.practice_journal_text_label}</label>
            <textarea
                id="journal-prompt-text"
                rows="8"
                prop:value=move || text.get()
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    saved.set(false);
                }
            ></textarea>
            {move || error.get().map(|e| view! { <p class="error-text" role="alert">{e}</p> })}
            <p role="status">
                {move || saved.get().then(|| view! {
                    {t.practice_journal_saved}" "
                    <a href=Route::Journal.href()>{t.journal_title}</a>
                })}
            </p>
            <div class="actions">
                <button type="submit">{t.practice_journal_save}</button>
                <button type="button" class="secondary" on:click=move |_| on_finish.run(())>
                    {t.practice_finish}
                </button>
            </div>
        </form>
    }
}
