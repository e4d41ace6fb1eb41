//! The check-in: a start screen (choose, start, resume or discard), then
//! one screen per section with progress, Back and Next. Every answer is
//! saved to the draft at once, so a reload, a crash or a closed tab loses
//! nothing.

use crate::platform;
use crate::route::Route;
use crate::ui::checkin::use_instruments;
use crate::ui::components::deployment_parts::route_on;
use crate::ui::components::question::{first_input_id, Question};
use crate::ui::components::resume_draft::ResumeDraft;
use crate::ui::components::safety_panel::SafetyPanel;
use crate::ui::title_effect;
use crate::ui::use_app;
use leptos::prelude::*;
use tend_core::domain::answer::Answer;
use tend_core::domain::course::Milestone;
use tend_core::domain::instrument::{Instrument, ItemKind};
use tend_core::domain::progress;
use tend_core::domain::scoring::safety_answer;

/// The check-in's start screen.
#[component]
pub fn Start() -> impl IntoView {
    let ctx = use_app();
    let instruments = use_instruments();
    let t = move || ctx.t();
    title_effect(move || t().checkin_title.to_string());
    let draft = Memo::new(move |_| ctx.data.with(|d| d.draft.clone()));
    let chosen = RwSignal::new(None::<String>);
    // The person's pick, or the first on offer (Tend's own) until they pick.
    let selected = Memo::new(move |_| {
        chosen.get().or_else(|| {
            instruments.0.with(|c| {
                c.as_ref()
                    .ok()
                    .and_then(|c| c.iter().next().map(|i| i.id.clone()))
            })
        })
    });

    let start = move |_| {
        let Some(instrument) = instruments.0.with(|c| {
            c.as_ref().ok().and_then(|c| {
                let id = selected.get_untracked().unwrap_or_default();
                c.get(&id).or_else(|| c.iter().next()).cloned()
            })
        }) else {
            return;
        };
        let now = platform::now_ms();
        ctx.data
            .update(|d| d.start_draft(&instrument.id, &instrument.version, now));
        platform::navigate(&Route::CheckInStep(1).href());
    };

    view! {
        <h1 tabindex="-1">{t().checkin_title}</h1>
        <p class="lead">{t().checkin_intro}</p>
        <p>{t().checkin_time}</p>
        <p class="notice-quiet">{t().checkin_not_diagnosis}</p>
        {move || match instruments.0.get() {
            Err(error) => {
                view! {
                    <p class="error-text" role="alert">
                        {t().checkin_instrument_broken(&error)}
                    </p>
                }
                    .into_any()
            }
            Ok(catalogue) => {
                match draft.get() {
                    Some(d) => view! { <ResumeDraft draft=d /> }.into_any(),
                    None => {
                        let list: Vec<Instrument> = catalogue.iter().cloned().collect();
                        let several = list.len() > 1;
                        view! {
                            {several
                                .then(|| {
                                    view! {
                                        <fieldset class="choice-group">
                                            <legend>{t().checkin_choose_label}</legend>
                                            {list
                                                .iter()
                                                .map(|i| {
                                                    let id = i.id.clone();
                                                    let id2 = i.id.clone();
                                                    view! {
                                                        <label class="choice">
                                                            <input
                                                                type="radio"
                                                                name="instrument"
                                                                prop:checked=move || selected.get().as_deref() == Some(id.as_str())
                                                                on:change=move |_| chosen.set(Some(id2.clone()))
                                                            />
                                                            <span>{i.title.clone()}</span>
                                                        </label>
                                                    }
                                                })
                                                .collect_view()}
                                        </fieldset>
                                    }
                                })}
                            {move || {
                                list.iter()
                                    .find(|i| selected.get().as_deref() == Some(i.id.as_str()))
                                    .map(|i| {
                                        view! {
                                            <p class="attribution">
                                                {t().checkin_attribution(&i.attribution)}
                                            </p>
                                        }
                                    })
                            }}
                            <div class="actions">
                                <button type="button" on:click=start data-testid="start-checkin">
                                    {t().checkin_start}
                                </button>
                            </div>
                        }
                            .into_any()
                    }
                }
            }
        }}
        {route_on(&Route::Pulse)
            .then(|| view! { <p><a href=Route::Pulse.href()>{t().checkin_pulse_link}</a></p> })}
    }
}

/// One section of the check-in in progress.
#[component]
pub fn Step(step: usize) -> impl IntoView {
    let ctx = use_app();
    let instruments = use_instruments();
    let t = move || ctx.t();
    // Keyed on the draft's instrument id alone, so answering (which changes
    // the data) does not clone and compare the whole instrument each time.
    let draft_id = Memo::new(move |_| {
        ctx.data
            .with(|d| d.draft.as_ref().map(|d| d.instrument_id.clone()))
    });
    let draft_instrument = Memo::new(move |_| draft_id.get().map(|id| instruments.get(&id)));
    title_effect(move || {
        let section = draft_instrument.get().flatten().and_then(|i| {
            i.sections
                .get(step.saturating_sub(1))
                .map(|s| s.title.clone())
        });
        section.unwrap_or_else(|| t().checkin_title.to_string())
    });
    move || match draft_instrument.get() {
        None => view! {
            <h1 tabindex="-1">{t().checkin_title}</h1>
            <p>{t().checkin_no_draft}</p>
            <p>
                <a class="button" href=Route::CheckIn.href()>{t().checkin_start}</a>
            </p>
        }
        .into_any(),
        Some(None) => view! {
            <h1 tabindex="-1">{t().checkin_title}</h1>
            <p class="error-text">{t().checkin_instrument_missing}</p>
            <p>
                <a class="button" href=Route::CheckIn.href()>{t().checkin_title}</a>
            </p>
        }
        .into_any(),
        Some(Some(instrument)) => {
            let count = instrument.sections.len();
            let index = step.clamp(1, count.max(1)) - 1;
            view! { <SectionScreen instrument=instrument index=index /> }.into_any()
        }
    }
}

/// The questions of one section, with progress and the way on.
#[component]
fn SectionScreen(instrument: Instrument, index: usize) -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    let count = instrument.sections.len();
    let Some(section) = instrument.sections.get(index).cloned() else {
        return ().into_any();
    };
    let missing = RwSignal::new(Vec::<String>::new());
    let answers = Memo::new(move |_| {
        ctx.data.with(|d| {
            d.draft
                .as_ref()
                .map(|d| d.answers.clone())
                .unwrap_or_default()
        })
    });
    let has_safety = section.items.iter().any(|i| i.kind == ItemKind::Safety);
    let instrument_for_safety = instrument.clone();
    let flagged = Memo::new(move |_| {
        answers
            .with(|a| safety_answer(&instrument_for_safety, a))
            .filter(|_| has_safety)
    });

    let answer = move |item_id: String, value: Answer| {
        let now = platform::now_ms();
        ctx.data
            .update(|d| d.answer_draft(&item_id, value, index, now));
        missing.update(|m| m.retain(|id| *id != item_id));
    };

    let section_for_next = section.clone();
    let next = move |_| {
        let now_missing = answers.with(|a| progress::missing(&section_for_next, a));
        if !now_missing.is_empty() {
            missing.set(now_missing);
            platform::focus_soon("#errors-heading");
            return;
        }
        if index + 1 < count {
            platform::navigate(&Route::CheckInStep(index + 2).href());
            return;
        }
        let id = platform::new_id("c");
        let now = platform::now_ms();
        ctx.data.update(|d| {
            d.complete_draft(&id, now);
        });
        ctx.reach(Milestone::CheckinCompleted {
            id: id.clone(),
            pulse: false,
        });
        platform::navigate(&Route::Results(id).href());
    };

    let items_for_summary = section.items.clone();
    let scale = instrument.scale.clone();
    view! {
        <div class="step-head">
            <p class="progress-text" id="progress-text">
                {move || t().checkin_progress(&(index + 1).to_string(), &count.to_string())}
            </p>
            <progress
                max=count.to_string()
                value=(index + 1).to_string()
                aria-labelledby="progress-text"
            ></progress>
        </div>
        <h1 tabindex="-1">{section.title.clone()}</h1>
        {section.intro.clone().map(|intro| view! { <p class="lead">{intro}</p> })}
        <div class="error-summary" role="alert" hidden=move || missing.with(Vec::is_empty)>
            <h2 id="errors-heading" tabindex="-1">{t().checkin_errors_heading}</h2>
            <ul>
                {move || {
                    let ids = missing.get();
                    items_for_summary
                        .iter()
                        .filter(|i| ids.contains(&i.id))
                        .map(|i| {
                            let target = format!("#{}", first_input_id(&i.id));
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="link-button"
                                        on:click=move |_| platform::focus(&target)
                                    >
                                        {i.text.clone()}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
        <form class="questions" on:submit=move |ev: leptos::ev::SubmitEvent| ev.prevent_default()>
            {section
                .items
                .iter()
                .map(|item| {
                    let id = item.id.clone();
                    let id_for_answer = item.id.clone();
                    let id_for_missing = item.id.clone();
                    let is_safety = item.kind == ItemKind::Safety;
                    view! {
                        <Question
                            item=item.clone()
                            scale=scale.clone()
                            answer=Signal::derive(move || answers.with(|a| a.get(&id).cloned()))
                            on_answer=Callback::new(move |a| answer(id_for_answer.clone(), a))
                            missing=Signal::derive(move || missing.with(|m| m.contains(&id_for_missing)))
                        />
                        {is_safety.then_some(move || flagged.get().map(|a| view! { <SafetyPanel answer=a /> }))}
                    }
                })
                .collect_view()}
        </form>
        <p class="hint">{t().checkin_saved_note}</p>
        <div class="actions step-actions">
            {(index > 0)
                .then(|| {
                    view! {
                        <a class="button secondary" href=Route::CheckInStep(index).href()>
                            {t().checkin_back}
                        </a>
                    }
                })}
            <button type="button" on:click=next data-testid="next">
                {move || if index + 1 < count { t().checkin_next } else { t().checkin_finish }}
            </button>
        </div>
    }
    .into_any()
}
