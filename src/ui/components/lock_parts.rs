//! The passphrase lock's screens and controls: the unlock screen (the
//! only thing shown while locked, with Get help), "Lock now" in the
//! header, and the lock's part of Settings.

use crate::content::Strings;
use crate::platform;
use crate::ui::components::data_panel::{DeleteControl, ExportOutcome};
use crate::ui::storage::{use_storage, LockError, LockView, UnlockError};
use crate::ui::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;
use tend_core::store::lock::{PassphraseProblem, IDLE_CHOICES};

/// The words for a lock problem.
pub fn lock_problem(t: &Strings, problem: LockError) -> &'static str {
    match problem {
        LockError::Passphrase(PassphraseProblem::TooShort) => t.lock_problem_too_short,
        LockError::Passphrase(PassphraseProblem::Mismatch) => t.lock_problem_mismatch,
        LockError::WrongPassphrase => t.lock_problem_wrong,
        LockError::NoCrypto => t.lock_problem_no_crypto,
        LockError::Full => t.lock_problem_full,
        LockError::Storage => t.lock_problem_storage,
        LockError::Changed => t.lock_problem_changed,
    }
}

/// The words for an unlock problem.
pub fn unlock_problem(t: &Strings, problem: UnlockError) -> &'static str {
    match problem {
        UnlockError::WrongPassphrase => t.lock_problem_wrong,
        UnlockError::Newer => t.lock_problem_newer,
        UnlockError::Damaged => t.lock_problem_damaged,
        UnlockError::NoCrypto => t.lock_problem_no_crypto,
        UnlockError::Storage => t.lock_problem_storage,
    }
}

/// A labelled passphrase field bound to `value`.
#[component]
fn PassphraseField(
    id: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    autocomplete: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let described = hint.map(|_| hint_id.clone());
    view! {
        <p class="field">
            <label for=id>{label}</label>
            {hint.map(|h| view! { <span class="hint" id=hint_id.clone()>{h}</span> })}
            <input
                type="password"
                id=id
                data-testid=id
                autocomplete=autocomplete
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </p>
    }
}

/// The passphrase field and Unlock; a wrong passphrase says so and
/// changes nothing. A forgotten passphrase's only way out is offered too.
#[component]
pub fn UnlockScreen() -> impl IntoView {
    let ctx = use_app();
    let storage = use_storage();
    let t = move || ctx.t();
    crate::ui::title_effect(move || t().lock_screen_title.to_string());
    let passphrase = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<UnlockError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        let given = passphrase.get_untracked();
        spawn_local(async move {
            let outcome = storage.unlock(given).await;
            // The screen is gone once unlocked.
            if let Err(e) = outcome {
                busy.try_set(false);
                passphrase.try_set(String::new());
                problem.try_set(Some(e));
                platform::focus("#unlock-passphrase");
            }
        });
    };
    view! {
        <h1 tabindex="-1">{t().lock_screen_title}</h1>
        <p class="lead">{t().lock_screen_intro}</p>
        {ctx.deployed.in_course.then(|| view! { <p>{t().lock_screen_course}</p> })}
        <form class="unlock-form" data-testid="unlock-form" on:submit=submit>
            <PassphraseField
                id="unlock-passphrase"
                label=t().lock_screen_label
                autocomplete="current-password"
                value=passphrase
            />
            <div class="actions">
                <button type="submit" data-testid="unlock" disabled=move || busy.get()>
                    {move || if busy.get() { t().lock_screen_unlocking } else { t().lock_screen_unlock }}
                </button>
            </div>
        </form>
        {move || {
            problem
                .get()
                .map(|p| {
                    view! {
                        <p role="alert" class="notice" data-testid="unlock-error">
                            {unlock_problem(t(), p)}
                        </p>
                    }
                })
        }}
        <details class="forgot">
            <summary>{t().lock_screen_forgot}</summary>
            <p>{t().lock_screen_forgot_body}</p>
            <DeleteControl />
        </details>
    }
}

/// "Lock now", in the header while the lock is on.
#[component]
pub fn LockNowButton() -> impl IntoView {
    let ctx = use_app();
    let storage = use_storage();
    let view_state = storage.lock_view();
    view! {
        <Show when=move || view_state.get() == LockView::Unlocked>
            <button
                type="button"
                class="lock-now secondary"
                data-testid="lock-now"
                on:click=move |_| storage.lock_now()
            >
                {move || ctx.t().lock_now}
            </button>
        </Show>
    }
}

/// The lock's part of Settings: turn it on, or, while it is on, the idle
/// time, Lock now, a new passphrase, and turning it off.
#[component]
pub fn LockSettings() -> impl IntoView {
    let ctx = use_app();
    let storage = use_storage();
    let t = move || ctx.t();
    let state = storage.lock_view();
    view! {
        <section aria-labelledby="lock-heading" data-testid="lock-settings">
            <h2 id="lock-heading" tabindex="-1">{t().lock_heading}</h2>
            <p>{t().lock_intro}</p>
            {ctx.deployed.in_course.then(|| view! { <p data-testid="lock-course">{t().lock_course_keeps}</p> })}
            {move || match state.get() {
                LockView::Off if storage.lockable() => view! { <TurnOn /> }.into_any(),
                LockView::Off => view! { <p class="notice">{t().lock_problem_unavailable}</p> }.into_any(),
                _ => view! { <WhileOn /> }.into_any(),
            }}
        </section>
    }
}

/// What a lock form keeps: whether its action is running, and how the
/// last one ended.
#[derive(Clone, Copy)]
struct FormState {
    busy: RwSignal<bool>,
    done: RwSignal<Option<&'static str>>,
    problem: RwSignal<Option<LockError>>,
}

impl FormState {
    fn new() -> Self {
        FormState {
            busy: RwSignal::new(false),
            done: RwSignal::new(None),
            problem: RwSignal::new(None),
        }
    }

    /// Runs `action` unless one is running already; on success calls
    /// `ok`, which says what to announce (if anything).
    fn run(
        self,
        action: impl std::future::Future<Output = Result<(), LockError>> + 'static,
        ok: impl FnOnce() -> Option<&'static str> + 'static,
    ) {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        self.done.set(None);
        self.problem.set(None);
        spawn_local(async move {
            let outcome = action.await;
            self.busy.try_set(false);
            match outcome {
                Ok(()) => {
                    let said = ok();
                    self.done.try_set(said);
                }
                Err(e) => {
                    self.problem.try_set(Some(e));
                }
            }
        });
    }
}

/// A lock form's submit button, what it says while working, and how the
/// action ended.
#[component]
fn FormEnd(
    state: FormState,
    testid: &'static str,
    outcome: &'static str,
    label: &'static str,
    working: &'static str,
    #[prop(optional)] danger: bool,
) -> impl IntoView {
    let ctx = use_app();
    view! {
        <div class="actions">
            <button type="submit" class:danger=danger data-testid=testid disabled=move || state.busy.get()>
                {label}
            </button>
        </div>
        <Show when=move || state.busy.get()>
            <p role="status">{working}</p>
        </Show>
        {move || {
            state
                .done
                .get()
                .map(|text| view! { <p role="status" data-testid=format!("{outcome}-done")>{text}</p> })
        }}
        {move || {
            state
                .problem
                .get()
                .map(|p| {
                    view! {
                        <p role="alert" class="notice" data-testid=format!("{outcome}-error")>
                            {lock_problem(ctx.t(), p)}
                        </p>
                    }
                })
        }}
    }
}

/// A new passphrase, entered twice.
#[component]
fn NewPassphrase(
    first_id: &'static str,
    again_id: &'static str,
    first: RwSignal<String>,
    again: RwSignal<String>,
) -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    view! {
        <PassphraseField
            id=first_id
            label=t.lock_new_label
            hint=t.lock_new_hint
            autocomplete="new-password"
            value=first
        />
        <PassphraseField
            id=again_id
            label=t.lock_again_label
            autocomplete="new-password"
            value=again
        />
    }
}

#[component]
fn TurnOn() -> impl IntoView {
    let ctx = use_app();
    let storage = use_storage();
    let t = move || ctx.t();
    let first = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let state = FormState::new();
    let exported = RwSignal::new(None::<Result<String, ()>>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let action = storage.turn_lock_on(first.get_untracked(), again.get_untracked());
        state.run(action, move || {
            first.try_set(String::new());
            again.try_set(String::new());
            platform::focus("#lock-heading");
            None
        });
    };
    view! {
        <p class="notice" role="note" data-testid="lock-warning"><strong>{t().lock_warning}</strong></p>
        <div class="actions">
            <button
                type="button"
                class="secondary"
                data-testid="lock-export-first"
                on:click=move |_| exported.set(Some(storage.export().map_err(|_| ())))
            >
                {t().lock_export_first}
            </button>
        </div>
        <ExportOutcome outcome=exported />
        <form data-testid="lock-on-form" on:submit=submit>
            <NewPassphrase first_id="lock-new" again_id="lock-again" first=first again=again />
            <FormEnd state=state testid="lock-turn-on" outcome="lock-on" label=t().lock_turn_on working=t().lock_turning_on />
        </form>
    }
}

#[component]
fn WhileOn() -> impl IntoView {
    let ctx = use_app();
    let storage = use_storage();
    let t = move || ctx.t();
    let idle = RwSignal::new(storage.idle_minutes());
    let idle_saved = RwSignal::new(None::<Result<(), LockError>>);
    let choose_idle = move |ev: leptos::ev::Event| {
        let Ok(minutes) = event_target_value(&ev).parse::<u32>() else {
            return;
        };
        idle.set(minutes);
        idle_saved.set(Some(storage.set_idle_minutes(minutes)));
    };
    let idle_label = move |m: u32| t().lock_idle_option(u64::from(m));
    view! {
        <p role="status" data-testid="lock-on-status">{t().lock_on_status}</p>
        <div class="actions">
            <button type="button" data-testid="lock-now-settings" on:click=move |_| storage.lock_now()>
                {t().lock_now}
            </button>
        </div>
        <p class="field">
            <label for="lock-idle">{t().lock_idle_label}</label>
            <select id="lock-idle" data-testid="lock-idle" on:change=choose_idle>
                {IDLE_CHOICES
                    .iter()
                    .map(|&m| {
                        view! {
                            <option value=m.to_string() selected=move || idle.get() == m>
                                {idle_label(m)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </p>
        {move || match idle_saved.get() {
            Some(Ok(())) => Some(view! { <p role="status">{t().lock_idle_saved}</p> }.into_any()),
            Some(Err(e)) => Some(view! { <p role="alert" class="notice">{lock_problem(t(), e)}</p> }.into_any()),
            None => None,
        }}
        <ChangePassphrase />
        <TurnOff />
    }
}

#[component]
fn ChangePassphrase() -> impl IntoView {
    let ctx = use_app();
    let storage = use_storage();
    let t = move || ctx.t();
    let current = RwSignal::new(String::new());
    let first = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let state = FormState::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let action = storage.change_passphrase(
            current.get_untracked(),
            first.get_untracked(),
            again.get_untracked(),
        );
        state.run(action, move || {
            current.try_set(String::new());
            first.try_set(String::new());
            again.try_set(String::new());
            Some(ctx.t().lock_changed)
        });
    };
    view! {
        <h3>{t().lock_change_heading}</h3>
        <form data-testid="lock-change-form" on:submit=submit>
            <PassphraseField id="lock-current" label=t().lock_current_label autocomplete="current-password" value=current />
            <NewPassphrase first_id="lock-change-new" again_id="lock-change-again" first=first again=again />
            <FormEnd state=state testid="lock-change" outcome="lock-change" label=t().lock_change_button working=t().lock_working />
        </form>
    }
}

#[component]
fn TurnOff() -> impl IntoView {
    let ctx = use_app();
    let storage = use_storage();
    let t = move || ctx.t();
    let passphrase = RwSignal::new(String::new());
    let state = FormState::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        state.run(
            storage.turn_lock_off(passphrase.get_untracked()),
            move || {
                platform::focus("#lock-heading");
                None
            },
        );
    };
    view! {
        <h3>{t().lock_off_heading}</h3>
        <p>{if ctx.deployed.in_course { t().lock_off_body_course } else { t().lock_off_body }}</p>
        <form data-testid="lock-off-form" on:submit=submit>
            <PassphraseField id="lock-off-passphrase" label=t().lock_current_label autocomplete="current-password" value=passphrase />
            <FormEnd state=state testid="lock-turn-off" outcome="lock-off" label=t().lock_off_button working=t().lock_working danger=true />
        </form>
    }
}
