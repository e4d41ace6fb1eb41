//! The one-minute pulse: five questions on one screen, saved as its own
//! kind of entry so it shows in History beside the full check-ins.

use crate::content::instruments;
use crate::platform;
use crate::route::Route;
use crate::ui::components::question::{first_input_id, Question};
use crate::ui::components::safety_panel::SafetyPanel;
use crate::ui::components::team_share::TeamShare;
use crate::ui::title_effect;
use crate::ui::use_app;
use leptos::prelude::*;
use tend_core::domain::answer::{Answer, Answers};
use tend_core::domain::course::Milestone;
use tend_core::domain::instrument::{Instrument, ItemKind};
use tend_core::domain::progress;
use tend_core::domain::scoring::{safety_answer, SafetyAnswer};
use tend_core::store::data::Pulse;

/// The pulse screen.
#[component]
pub fn PulseScreen() -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    title_effect(move || t().pulse_title.to_string());
    move || match instruments::pulse(ctx.locale.get()) {
        Ok(instrument) => view! { <PulseForm instrument=instrument.clone() /> }.into_any(),
        Err(error) => view! {
            <h1 tabindex="-1">{t().pulse_title}</h1>
            <p class="error-text" role="alert">{t().pulse_unavailable(&error.to_string())}</p>
        }
        .into_any(),
    }
}

/// The pulse questions and the save button.
#[component]
fn PulseForm(instrument: Instrument) -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    let answers = RwSignal::new(Answers::new());
    let missing = RwSignal::new(Vec::<String>::new());
    let saved = RwSignal::new(false);
    // The pulse just saved, for "Share with your team".
    let shared = RwSignal::new(None::<(String, i64, tend_core::domain::scoring::Profile)>);
    let for_flag = instrument.clone();
    let flagged = Memo::new(move |_| answers.with(|a| safety_answer(&for_flag, a)));
    // A saved pulse with a flagged safety answer keeps the panel at the top
    // until the person leaves the screen.
    let kept_panel = RwSignal::new(None::<SafetyAnswer>);
    let prefer_not = instrument
        .scale
        .prefer_not
        .clone()
        .unwrap_or_else(|| t().checkin_prefer_not.to_string());
    let for_save = instrument.clone();
    let save = move |_| {
        let now_missing: Vec<String> = for_save
            .sections
            .iter()
            .flat_map(|s| answers.with(|a| progress::missing(s, a)))
            .collect();
        if let Some(first) = now_missing.first() {
            platform::focus_soon(&format!("#{}", first_input_id(first)));
            missing.set(now_missing);
            return;
        }
        let now = platform::now_ms();
        let pulse = Pulse {
            id: platform::new_id("p"),
            completed_at: now,
            answers: answers.get_untracked(),
        };
        let id = pulse.id.clone();
        if tend_core::builtin::is_own(&for_save.id) {
            let profile = tend_core::domain::scoring::score(&for_save, &pulse.answers);
            shared.set(Some((pulse.id.clone(), now, profile)));
        }
        if let Some(flag) = flagged.get_untracked() {
            kept_panel.set(Some(flag));
        }
        ctx.data.update(|d| d.add_pulse(pulse));
        ctx.reach(Milestone::CheckinCompleted { id, pulse: true });
        answers.set(Answers::new());
        saved.set(true);
        platform::focus_soon("#pulse-saved");
    };
    let scale = instrument.scale.clone();
    let items: Vec<_> = instrument
        .sections
        .iter()
        .flat_map(|s| s.items.clone())
        .collect();
    view! {
        <h1 tabindex="-1">{t().pulse_title}</h1>
        {move || kept_panel.get().map(|a| view! { <SafetyPanel answer=a /> })}
        <p class="lead">{t().pulse_intro}</p>
        <p class="error-text" role="alert" hidden=move || missing.with(Vec::is_empty)>
            {t().pulse_incomplete(&prefer_not)}
        </p>
        <form class="questions" on:submit=move |ev: leptos::ev::SubmitEvent| ev.prevent_default()>
            {items
                .into_iter()
                .map(|item| {
                    let id = item.id.clone();
                    let id_answer = item.id.clone();
                    let id_missing = item.id.clone();
                    let is_safety = item.kind == ItemKind::Safety;
                    view! {
                        <Question
                            item=item
                            scale=scale.clone()
                            answer=Signal::derive(move || answers.with(|a| a.get(&id).cloned()))
                            on_answer=Callback::new(move |a: Answer| {
                                answers.update(|all| {
                                    all.insert(id_answer.clone(), a);
                                });
                                missing.update(|m| m.retain(|x| *x != id_answer));
                                saved.set(false);
                            })
                            missing=Signal::derive(move || missing.with(|m| m.contains(&id_missing)))
                        />
                        {is_safety
                            .then_some(move || {
                                flagged
                                    .get()
                                    .filter(|_| kept_panel.get().is_none())
                                    .map(|a| view! { <SafetyPanel answer=a /> })
                            })}
                    }
                })
                .collect_view()}
        </form>
        <div class="actions">
            <button type="button" on:click=save data-testid="save-pulse" disabled=move || saved.get()>
                {t().pulse_save}
            </button>
        </div>
        <div hidden=move || !saved.get()>
            <p id="pulse-saved" tabindex="-1" role="status">{t().pulse_saved}</p>
            <p>
                <a class="button secondary" href=Route::History.href()>{t().pulse_saved_link}</a>
            </p>
            {move || shared.get().map(|(id, at, profile)| view! {
                <TeamShare entry_id=id completed_at=at profile=profile />
            })}
        </div>
    }
}
