//! The pieces every guided practice shares: the 0–10 distress rating asked
//! before and after, a step-by-step guide, and the paced-breathing pacer.

use crate::content::Strings;
use crate::platform;
use crate::platform::device;
use crate::ui::use_app;
use leptos::prelude::*;
use std::time::Duration;
use tend_core::domain::pacer::{Pace, Phase, Stopwatch, LENGTH_CHOICES, MAX_SECONDS, MIN_SECONDS};
use tend_core::domain::practice::Practice;

/// A practice's name and one-line summary.
pub fn words(t: &'static Strings, p: Practice) -> (&'static str, &'static str) {
    match p {
        Practice::PacedBreathing => (t.practice_breathing_name, t.practice_breathing_summary),
        Practice::ShiftTransition => (t.practice_transition_name, t.practice_transition_summary),
        Practice::SensesGrounding => (t.practice_grounding_name, t.practice_grounding_summary),
        Practice::WorryWindow => (t.practice_worry_name, t.practice_worry_summary),
        Practice::EmotionalLabourCheck => (t.practice_labour_name, t.practice_labour_summary),
        Practice::WhyCards => (t.practice_why_name, t.practice_why_summary),
        Practice::NarrativeJournal => (t.practice_narrative_name, t.practice_narrative_summary),
        Practice::CreativeJournal => (t.practice_creative_name, t.practice_creative_summary),
    }
}

/// The steps of a step-by-step practice; empty for the others.
pub fn steps(t: &'static Strings, p: Practice) -> Vec<&'static str> {
    match p {
        Practice::ShiftTransition => vec![
            t.practice_transition_step1,
            t.practice_transition_step2,
            t.practice_transition_step3,
            t.practice_transition_step4,
            t.practice_transition_step5,
            t.practice_transition_step6,
        ],
        Practice::SensesGrounding => vec![
            t.practice_grounding_step1,
            t.practice_grounding_step2,
            t.practice_grounding_step3,
            t.practice_grounding_step4,
            t.practice_grounding_step5,
            t.practice_grounding_step6,
            t.practice_grounding_step7,
        ],
        Practice::WorryWindow => vec![
            t.practice_worry_step1,
            t.practice_worry_step2,
            t.practice_worry_step3,
            t.practice_worry_step4,
            t.practice_worry_step5,
        ],
        Practice::EmotionalLabourCheck => vec![
            t.practice_labour_step1,
            t.practice_labour_step2,
            t.practice_labour_step3,
            t.practice_labour_step4,
            t.practice_labour_step5,
        ],
        _ => Vec::new(),
    }
}

/// "How distressed are you right now?", 0 to 10, as one native radio
/// group. `on_done` gets the rating, or `None` when the person skips.
#[component]
pub fn DistressRating(legend: &'static str, on_done: Callback<Option<u8>>) -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    let value = RwSignal::new(None::<u8>);
    let radios = (0u8..=10)
        .map(|n| {
            view! {
                <label class="scale-point">
                    <input
                        type="radio"
                        name="distress"
                        prop:checked=move || value.get() == Some(n)
                        on:change=move |_| value.set(Some(n))
                    />
                    <span>{n}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choice-group distress" aria-describedby="distress-hint">
            <legend tabindex="-1">{legend}</legend>
            <p class="hint" id="distress-hint">{t.practice_scale_hint}</p>
            <div class="scale-row">{radios}</div>
            <p class="scale-ends" aria-hidden="true">
                <span>{format!("0 {}", t.practice_scale_low)}</span>
                <span>{format!("10 {}", t.practice_scale_high)}</span>
            </p>
        </fieldset>
        <div class="actions">
            <button
                type="button"
                disabled=move || value.get().is_none()
                on:click=move |_| on_done.run(value.get_untracked())
            >
                {t.practice_rate_continue}
            </button>
            <button type="button" class="secondary" on:click=move |_| on_done.run(None)>
                {t.practice_rate_skip}
            </button>
        </div>
    }
}

/// A practice given as numbered steps, one at a time, with Back and Next;
/// the last step's button calls `on_finish`.
#[component]
pub fn Steps(steps: Vec<&'static str>, on_finish: Callback<()>) -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    let total = steps.len();
    let at = RwSignal::new(0usize);
    let go = move |to: usize| {
        at.set(to);
        platform::focus_soon(".step-text");
    };
    view! {
        <div class="steps">
            <p class="step-progress">
                {move || {
                    t.practice_step_progress(&(at.get() + 1).to_string(), &total.to_string())
                }}
            </p>
            <p class="step-text practice-lead" tabindex="-1">
                {move || steps.get(at.get()).copied().unwrap_or_default()}
            </p>
            <div class="actions">
                <button
                    type="button"
                    class="secondary"
                    hidden=move || at.get() == 0
                    on:click=move |_| go(at.get_untracked().saturating_sub(1))
                >
                    {t.practice_step_back}
                </button>
                <button
                    type="button"
                    on:click=move |_| {
                        let now = at.get_untracked();
                        if now + 1 < total { go(now + 1) } else { on_finish.run(()) }
                    }
                >
                    {move || if at.get() + 1 < total { t.practice_step_next } else { t.practice_step_done }}
                </button>
            </div>
        </div>
    }
}

/// Paced breathing: choose a pace, then follow the circle and the words.
/// The words are the cue for screen readers and for reduced motion (where
/// the circle keeps still). `on_finish` runs when the person stops.
#[component]
pub fn Breathing(on_finish: Callback<()>) -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    let pace = RwSignal::new(Pace::default());
    let vibrate = RwSignal::new(false);
    let can_vibrate = device::can_vibrate();
    // The stopwatch while a session exists; None on the set-up form.
    let watch = RwSignal::new(None::<Stopwatch>);
    let now = RwSignal::new(platform::now_ms());
    let wake = StoredValue::new_local(None::<device::WakeLock>);
    let last_phase = StoredValue::new(None::<Phase>);

    let moment = move || {
        let w = watch.get()?;
        Some(pace.get().at(w.elapsed(now.get())))
    };

    let release = move || {
        if let Some(lock) = wake.get_value() {
            lock.release();
        }
        wake.set_value(None);
    };
    let hold_awake = move || {
        leptos::task::spawn_local(async move {
            let lock = device::keep_awake().await;
            wake.set_value(lock);
        });
    };

    // One timer for the component's life; it only does work while running.
    let timer = set_interval_with_handle(
        move || {
            let Some(w) = watch.get_untracked() else {
                return;
            };
            if !w.running() {
                return;
            }
            let at = platform::now_ms();
            now.set(at);
            let m = pace.get_untracked().at(w.elapsed(at));
            if m.finished {
                watch.set(Some(w.paused(at)));
                release();
            } else if last_phase.get_value() != Some(m.phase) {
                if last_phase.get_value().is_some() && vibrate.get_untracked() {
                    device::vibrate(60);
                }
                last_phase.set_value(Some(m.phase));
            }
        },
        Duration::from_millis(100),
    )
    .ok();
    on_cleanup(move || {
        if let Some(handle) = timer {
            handle.clear();
        }
    });
    // The wake lock lives in this thread's arena; release it on the way out.
    on_cleanup(release);
    // Browsers drop the wake lock when the page is hidden; ask again when
    // the person comes back to a running pacer.
    let back = window_event_listener_untyped("visibilitychange", move |_| {
        let running = watch.get_untracked().is_some_and(|w| w.running());
        if running && platform::page_visible() {
            hold_awake();
        }
    });
    on_cleanup(move || back.remove());

    let start = move |_| {
        let at = platform::now_ms();
        now.set(at);
        last_phase.set_value(None);
        watch.set(Some(Stopwatch::started(at)));
        hold_awake();
        platform::focus_soon(".pacer-controls button");
    };
    let pause = move |_| {
        let at = platform::now_ms();
        watch.update(|w| *w = w.map(|w| w.paused(at)));
        release();
    };
    let resume = move |_| {
        let at = platform::now_ms();
        now.set(at);
        watch.update(|w| *w = w.map(|w| w.resumed(at)));
        hold_awake();
    };
    let keep_going = move |_| {
        // Carry on past the chosen length, until the person stops.
        pace.update(|p| p.minutes = 0);
        resume(());
    };
    let stop = move |_| {
        release();
        watch.set(None);
        on_finish.run(());
    };

    let seconds_choice = move |label: &'static str,
                               id: &'static str,
                               get: fn(&Pace) -> u32,
                               set: fn(&mut Pace, u32)| {
        let options = (MIN_SECONDS..=MAX_SECONDS)
            .map(|s| view! { <option value=s.to_string() selected=move || get(&pace.get()) == s>{s}</option> })
            .collect_view();
        view! {
            <p class="field">
                <label for=id>{label}</label>
                <select
                    id=id
                    on:change=move |ev| {
                        if let Ok(s) = event_target_value(&ev).parse::<u32>() {
                            pace.update(|p| set(p, s));
                        }
                    }
                >
                    {options}
                </select>
            </p>
        }
    };

    let setup = move || {
        let lengths = LENGTH_CHOICES
            .iter()
            .map(|&m| {
                let label = if m == 0 {
                    t.practice_breathing_length_open.to_string()
                } else {
                    t.practice_breathing_length_minutes(&m.to_string())
                };
                view! {
                    <label class="choice">
                        <input
                            type="radio"
                            name="breathing-length"
                            prop:checked=move || pace.get().minutes == m
                            on:change=move |_| pace.update(|p| p.minutes = m)
                        />
                        <span>{label}</span>
                    </label>
                }
            })
            .collect_view();
        view! {
            <div class="pacer-setup">
                {seconds_choice(t.practice_breathing_inhale_label, "breathing-in", |p| p.inhale_s, |p, s| p.inhale_s = s)}
                {seconds_choice(t.practice_breathing_exhale_label, "breathing-out", |p| p.exhale_s, |p, s| p.exhale_s = s)}
                <p class="hint">
                    {move || {
                        let r = pace.get().breaths_per_minute_tenths();
                        t.practice_breathing_pace_note(&format!("{}.{}", r / 10, r % 10))
                    }}
                </p>
                <fieldset class="choice-group">
                    <legend>{t.practice_breathing_length_label}</legend>
                    {lengths}
                </fieldset>
                {can_vibrate.then(|| view! {
                    <label class="choice">
                        <input type="checkbox" prop:checked=move || vibrate.get() on:change=move |ev| vibrate.set(event_target_checked(&ev)) />
                        <span>{t.practice_breathing_vibrate}</span>
                    </label>
                })}
                <div class="actions">
                    <button type="button" on:click=start>{t.practice_breathing_start}</button>
                </div>
            </div>
        }
    };

    let session = move || {
        let cue = move || match moment() {
            Some(m) if m.finished => t.practice_breathing_done,
            Some(_) if !watch.get().is_some_and(|w| w.running()) => t.practice_breathing_cue_paused,
            Some(m) if m.phase == Phase::In => t.practice_breathing_cue_in,
            _ => t.practice_breathing_cue_out,
        };
        let scale = move || {
            let full = watch
                .get()
                .map(|w| pace.get().fullness(w.elapsed(now.get())))
                .unwrap_or(0.0);
            // 0.35 to 1, in thousandths: whole-number formatting only.
            let permille = 350 + (full * 650.0).round() as u32;
            format!("scale({}.{:03})", permille / 1000, permille % 1000)
        };
        let finished = move || moment().is_some_and(|m| m.finished);
        let running = move || watch.get().is_some_and(|w| w.running());
        view! {
            <div class="pacer" role="group" aria-label=t.practice_breathing_pacer_label>
                <div class="pacer-stage" aria-hidden="true">
                    <div class="pacer-circle" style:transform=scale></div>
                    <span class="pacer-count">
                        {move || moment().filter(|m| !m.finished).map(|m| m.seconds_left.to_string())}
                    </span>
                </div>
                <p class="pacer-cue" aria-live="polite">{cue}</p>
                <p class="pacer-breath">
                    {move || moment().map(|m| t.practice_breathing_breath(&m.breath.to_string()))}
                </p>
            </div>
            <p class="hint">{t.practice_breathing_awake}</p>
            <div class="actions pacer-controls">
                {move || {
                    if finished() {
                        view! { <button type="button" on:click=keep_going>{t.practice_breathing_keep_going}</button> }.into_any()
                    } else if running() {
                        view! { <button type="button" on:click=pause>{t.practice_breathing_pause}</button> }.into_any()
                    } else {
                        view! { <button type="button" on:click=move |_| resume(())>{t.practice_breathing_resume}</button> }.into_any()
                    }
                }}
                <button type="button" class="secondary" on:click=stop>{t.practice_breathing_stop}</button>
            </div>
        }
    };

    view! {
        <p class="practice-lead" tabindex="-1">{t.practice_breathing_intro}</p>
        {move || if watch.get().is_some() { session().into_any() } else { setup().into_any() }}
    }
}
