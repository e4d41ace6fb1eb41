//! The "Your data" part of Settings: where the data is kept, export,
//! import with a preview, and delete everything.

use crate::content::{self, Strings};
use crate::platform::{self, files};
use crate::ui::components::lock_parts::unlock_problem;
use crate::ui::storage::{open_sealed_export, use_storage, LockView, StorageStatus, UnlockError};
use crate::ui::use_app;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;
use tend_core::store::backup::{self, BackupState};
use tend_core::store::import::{self, ImportError, ImportMode, ImportPreview};
use tend_core::store::lock::{LockFormatError, SealedExport};
use tend_core::store::{MemoryReason, Mode, TendData, TextSize, Theme};

/// The "Your data" section of Settings.
#[component]
pub fn DataPanel() -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    view! {
        <section aria-labelledby="data-heading" class="data-panel">
            <h2 id="data-heading">{t().data_heading}</h2>
            <p>{t().data_intro}</p>
            <StorageStatusLine />
            <BackupReminder />
            <ExportControl />
            <ImportControl />
            <DeleteControl />
        </section>
    }
}

/// One sentence or three on where the data is kept and how much is used.
fn status_text(t: &Strings, s: &StorageStatus) -> String {
    let mut parts: Vec<String> = Vec::new();
    match &s.mode {
        Mode::MemoryOnly(MemoryReason::Unavailable) => {
            parts.push(t.data_status_memory_unavailable.into())
        }
        Mode::MemoryOnly(MemoryReason::Full) => parts.push(t.data_status_memory_full.into()),
        Mode::MemoryOnly(MemoryReason::Course) => parts.push(t.course_status.into()),
        Mode::MemoryOnly(MemoryReason::Configured) => {
            parts.push(t.data_status_memory_configured.into())
        }
        Mode::MemoryOnly(MemoryReason::SettingsUnread) => {
            parts.push(t.data_status_memory_settings.into())
        }
        Mode::MemoryOnly(MemoryReason::NewerVersion { .. }) => {
            parts.push(t.data_status_memory_newer.into())
        }
        Mode::MemoryOnly(MemoryReason::Locked) => parts.push(t.lock_status_locked.into()),
        Mode::Saving if s.used_bytes == 0 => parts.push(t.data_status_nothing_yet.into()),
        Mode::Saving => parts.push(t.data_status_saved.into()),
    }
    // Whether the browser may clear it only matters once there is something.
    if matches!(s.mode, Mode::Saving) && s.used_bytes > 0 {
        match s.persistent {
            Some(true) => parts.push(t.data_status_persistent.into()),
            Some(false) => parts.push(t.data_status_not_persistent.into()),
            None => {}
        }
    }
    if s.used_bytes >= 1024 {
        let kb = (s.used_bytes + 512) / 1024;
        parts.push(t.data_status_used(&kb.to_string()));
    } else if s.used_bytes > 0 {
        parts.push(t.data_status_used_tiny.into());
    }
    parts.join(" ")
}

/// Where the data is kept: saved or memory only, persistent or not, size.
#[component]
fn StorageStatusLine() -> impl IntoView {
    let ctx = use_app();
    let status = use_storage().status();
    view! {
        <p data-testid="storage-status">{move || status.with(|s| status_text(ctx.t(), s))}</p>
    }
}

/// A gentle nudge to export when there is data and no recent copy.
#[component]
fn BackupReminder() -> impl IntoView {
    let ctx = use_app();
    let state = move || {
        ctx.data
            .with(|d| backup::backup_state(d, platform::now_ms()))
    };
    move || {
        let t = ctx.t();
        let (text, remind) = match state() {
            BackupState::NothingToBackUp => return None,
            BackupState::NeverExported => (t.data_backup_never.to_string(), true),
            BackupState::Overdue { days } => {
                (t.data_backup_overdue(days.max(0).unsigned_abs()), true)
            }
            BackupState::Recent { days: 0 } => (t.data_backup_today.to_string(), false),
            BackupState::Recent { days } => {
                (t.data_backup_recent(days.max(0).unsigned_abs()), false)
            }
        };
        Some(view! {
            <p class:notice=remind data-testid="backup-reminder">{text}</p>
        })
    }
}

/// Export everything to a file.
#[component]
fn ExportControl() -> impl IntoView {
    let ctx = use_app();
    let storage = use_storage();
    let t = move || ctx.t();
    // `Some(Ok(file name))` after an export, `Some(Err(()))` if it failed.
    let outcome = RwSignal::new(None::<Result<String, ()>>);
    let locked = storage.lock_view();
    let export_sealed = move |_| {
        spawn_local(async move {
            let done = storage.export_sealed().await.map_err(|_| ());
            outcome.try_set(Some(done));
        });
    };
    view! {
        <h3>{t().data_export_heading}</h3>
        {move || {
            if locked.get() == LockView::Unlocked {
                view! {
                    <p>{t().lock_export_encrypted_body}</p>
                    <div class="actions">
                        <button type="button" data-testid="export-encrypted" on:click=export_sealed>
                            {t().lock_export_encrypted_button}
                        </button>
                    </div>
                    <p class="notice" role="note">{t().lock_export_plain_warning}</p>
                    <div class="actions">
                        <button
                            type="button"
                            class="secondary"
                            data-testid="export"
                            on:click=move |_| outcome.set(Some(storage.export().map_err(|_| ())))
                        >
                            {t().lock_export_plain_button}
                        </button>
                    </div>
                }
                    .into_any()
            } else {
                view! {
                    <p>{t().data_export_body}</p>
                    <div class="actions">
                        <button
                            type="button"
                            data-testid="export"
                            on:click=move |_| outcome.set(Some(storage.export().map_err(|_| ())))
                        >
                            {t().data_export_button}
                        </button>
                    </div>
                }
                    .into_any()
            }
        }}
        <ExportOutcome outcome=outcome testid="export-done" />
    }
}

/// How an export went: the file's name, or a plain failure.
#[component]
pub fn ExportOutcome(
    /// `Some(Ok(file name))` after an export, `Some(Err(()))` if it failed.
    outcome: RwSignal<Option<Result<String, ()>>>,
    #[prop(optional)] testid: Option<&'static str>,
) -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    move || match outcome.get() {
        Some(Ok(file)) => Some(
            view! { <p role="status" data-testid=testid>{t().data_export_done(&file)}</p> }
                .into_any(),
        ),
        Some(Err(())) => {
            Some(view! { <p role="alert" class="notice">{t().data_export_failed}</p> }.into_any())
        }
        None => None,
    }
}

/// Why an encrypted file did not open, in words about the file.
fn sealed_file_problem(t: &Strings, problem: UnlockError) -> &'static str {
    match problem {
        UnlockError::Damaged => t.data_import_error_damaged,
        UnlockError::Newer => t.data_import_error_newer,
        other => unlock_problem(t, other),
    }
}

/// Why an import did not go ahead.
#[derive(Clone, Debug, PartialEq)]
enum ImportProblem {
    Refused(ImportError),
    Unreadable,
    /// An encrypted export that cannot be opened.
    Sealed(UnlockError),
}

fn problem_text(t: &Strings, problem: &ImportProblem) -> &'static str {
    match problem {
        ImportProblem::Unreadable => t.data_import_error_unreadable,
        ImportProblem::Sealed(e) => sealed_file_problem(t, *e),
        ImportProblem::Refused(e) => match e {
            ImportError::Empty => t.data_import_error_empty,
            ImportError::TooLarge { .. } => t.data_import_error_too_large,
            ImportError::NotText => t.data_import_error_not_text,
            ImportError::TooDeep => t.data_import_error_too_deep,
            ImportError::NotJson => t.data_import_error_not_json,
            ImportError::NotTendExport => t.data_import_error_not_tend,
            ImportError::Newer { .. } => t.data_import_error_newer,
            ImportError::Damaged => t.data_import_error_damaged,
            ImportError::WrongShape { .. } => t.data_import_error_wrong_shape,
            ImportError::TooMany { .. } => t.data_import_error_too_many,
        },
    }
}

fn date(ms: i64) -> String {
    let (y, m, d) = tend_core::time::civil_date(ms);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The lines of a preview: what the file holds, in words.
fn preview_lines(
    t: &Strings,
    locale: content::Locale,
    preview: &ImportPreview,
    current: &TendData,
) -> Vec<String> {
    let s = &preview.data.settings;
    let theme = match s.theme {
        Theme::System => t.settings_theme_system,
        Theme::Light => t.settings_theme_light,
        Theme::Dark => t.settings_theme_dark,
    };
    let size = match s.text_size {
        TextSize::Normal => t.settings_text_size_normal,
        TextSize::Large => t.settings_text_size_large,
        TextSize::Larger => t.settings_text_size_larger,
    };
    let language = match s.language.as_deref() {
        None => t.settings_language_auto.to_string(),
        Some(code) => content::locale_from_code(code)
            .map(|l| l.self_name().to_string())
            .unwrap_or_else(|| code.to_string()),
    };
    let region = s
        .region
        .as_deref()
        .map(|id| {
            locale
                .content()
                .regions
                .iter()
                .find(|r| r.id == id)
                .map(|r| r.name.to_string())
                .unwrap_or_else(|| id.to_string())
        })
        .unwrap_or_else(|| t.data_import_preview_not_set.to_string());
    let mut lines = vec![
        t.data_import_preview_exported(&date(preview.exported_at)),
        t.data_import_preview_settings(theme, size, &language, &region),
    ];
    let d = &preview.data;
    lines.push(t.data_import_preview_counts(
        &d.checkins.len().to_string(),
        &d.pulses.len().to_string(),
        &d.journal.len().to_string(),
        &d.plan.len().to_string(),
        &d.practice_log.len().to_string(),
        &d.why_cards.len().to_string(),
    ));
    if let Some(at) = preview.data.last_exported_at {
        lines.push(t.data_import_preview_last_backup(&date(at)));
    }
    lines.push(if preview.merge_takes_file_settings(current) {
        t.data_import_merge_file_newer.to_string()
    } else {
        t.data_import_merge_here_newer.to_string()
    });
    lines.push(t.data_import_replace_note.to_string());
    lines
}

/// Import a file: pick it, see what it holds, then merge, replace or cancel.
#[component]
fn ImportControl() -> impl IntoView {
    let ctx = use_app();
    let storage = use_storage();
    let t = move || ctx.t();
    let input = NodeRef::<html::Input>::new();
    let preview = RwSignal::new(None::<ImportPreview>);
    let problem = RwSignal::new(None::<ImportProblem>);
    let done = RwSignal::new(None::<ImportMode>);
    let reading = RwSignal::new(false);
    // An encrypted file waiting for its passphrase.
    let sealed_file = RwSignal::new(None::<String>);
    let file_passphrase = RwSignal::new(String::new());
    let wrong = RwSignal::new(None::<UnlockError>);

    let clear_input = move || {
        if let Some(el) = input.get_untracked() {
            el.set_value("");
        }
    };

    let on_change = move |_| {
        preview.set(None);
        problem.set(None);
        done.set(None);
        sealed_file.set(None);
        wrong.set(None);
        let Some(el) = input.get_untracked() else {
            return;
        };
        let Some(file) = files::chosen_file(&el) else {
            return;
        };
        if let Err(e) = import::check_size(file.size() as u64) {
            problem.set(Some(ImportProblem::Refused(e)));
            clear_input();
            return;
        }
        reading.set(true);
        spawn_local(async move {
            let outcome = match files::read_bytes(&file).await {
                Ok(bytes) => match std::str::from_utf8(&bytes).map(SealedExport::parse) {
                    Ok(Ok(_)) => {
                        reading.try_set(false);
                        sealed_file.try_set(std::str::from_utf8(&bytes).ok().map(str::to_string));
                        return;
                    }
                    Ok(Err(LockFormatError::Newer)) => {
                        Err(ImportProblem::Sealed(UnlockError::Newer))
                    }
                    Ok(Err(LockFormatError::Damaged)) => {
                        Err(ImportProblem::Sealed(UnlockError::Damaged))
                    }
                    _ => import::read(&bytes, platform::now_ms()).map_err(ImportProblem::Refused),
                },
                Err(_) => Err(ImportProblem::Unreadable),
            };
            reading.set(false);
            match outcome {
                Ok(p) => preview.set(Some(p)),
                Err(e) => {
                    problem.set(Some(e));
                    clear_input();
                }
            }
        });
    };

    let open_sealed = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(text) = sealed_file.get_untracked() else {
            return;
        };
        let given = file_passphrase.get_untracked();
        reading.set(true);
        wrong.set(None);
        spawn_local(async move {
            let opened = open_sealed_export(&text, &given).await;
            reading.try_set(false);
            file_passphrase.try_set(String::new());
            match opened {
                Ok(plain) => {
                    sealed_file.try_set(None);
                    match import::read(plain.as_bytes(), platform::now_ms()) {
                        Ok(p) => {
                            preview.try_set(Some(p));
                        }
                        Err(e) => {
                            problem.try_set(Some(ImportProblem::Refused(e)));
                            clear_input();
                        }
                    }
                }
                Err(e) => {
                    wrong.try_set(Some(e));
                }
            }
        });
    };

    let apply = move |mode: ImportMode| {
        if let Some(p) = preview.get_untracked() {
            storage.apply_import(&p.data, mode);
            done.set(Some(mode));
        }
        preview.set(None);
        clear_input();
    };

    view! {
        <h3>{t().data_import_heading}</h3>
        <p>{t().data_import_body}</p>
        <p class="file-field">
            <label for="import-file">{t().data_import_label}</label>
            <input
                type="file"
                id="import-file"
                accept=".json,application/json"
                data-testid="import-file"
                node_ref=input
                on:change=on_change
            />
        </p>
        <Show when=move || reading.get()>
            <p role="status">{t().data_import_reading}</p>
        </Show>
        <Show when=move || sealed_file.with(Option::is_some)>
            <form class="card" data-testid="import-passphrase-form" on:submit=open_sealed>
                <p>{t().lock_import_needs_passphrase}</p>
                <p class="field">
                    <label for="import-passphrase">{t().lock_import_label}</label>
                    <input
                        type="password"
                        id="import-passphrase"
                        data-testid="import-passphrase"
                        autocomplete="off"
                        prop:value=move || file_passphrase.get()
                        on:input=move |ev| file_passphrase.set(event_target_value(&ev))
                    />
                </p>
                <div class="actions">
                    <button type="submit" data-testid="import-open">{t().lock_import_open}</button>
                </div>
                {move || {
                    wrong
                        .get()
                        .map(|e| {
                            view! {
                                <p role="alert" class="notice" data-testid="import-passphrase-error">
                                    {sealed_file_problem(t(), e)}
                                </p>
                            }
                        })
                }}
            </form>
        </Show>
        {move || {
            problem
                .get()
                .map(|p| {
                    view! {
                        <p role="alert" class="notice" data-testid="import-error">
                            {problem_text(t(), &p)}
                        </p>
                    }
                })
        }}
        {move || {
            preview
                .get()
                .map(|p| {
                    let lines = ctx.data.with(|d| preview_lines(t(), ctx.locale.get(), &p, d));
                    view! {
                        <div class="card import-preview" data-testid="import-preview">
                            <h4>{t().data_import_preview_heading}</h4>
                            {lines.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
                            <div class="actions">
                                <button
                                    type="button"
                                    data-testid="import-merge"
                                    on:click=move |_| apply(ImportMode::Merge)
                                >
                                    {t().data_import_merge}
                                </button>
                                <button
                                    type="button"
                                    data-testid="import-replace"
                                    on:click=move |_| apply(ImportMode::Replace)
                                >
                                    {t().data_import_replace}
                                </button>
                                <button
                                    type="button"
                                    class="secondary"
                                    data-testid="import-cancel"
                                    on:click=move |_| {
                                        preview.set(None);
                                        clear_input();
                                    }
                                >
                                    {t().data_import_cancel}
                                </button>
                            </div>
                        </div>
                    }
                })
        }}
        {move || {
            done.get()
                .map(|mode| {
                    let text = match mode {
                        ImportMode::Merge => t().data_import_done_merge,
                        ImportMode::Replace => t().data_import_done_replace,
                    };
                    view! { <p role="status" data-testid="import-done">{text}</p> }
                })
        }}
    }
}

/// Delete everything Tend saved, after the person confirms.
#[component]
pub fn DeleteControl() -> impl IntoView {
    let ctx = use_app();
    let storage = use_storage();
    let t = move || ctx.t();
    let confirming = RwSignal::new(false);
    // `Some(true)` once deleted, `Some(false)` if something would not go.
    let outcome = RwSignal::new(None::<bool>);

    let ask = move |_| {
        outcome.set(None);
        confirming.set(true);
        // Once the question is on screen, move focus to it so it is read.
        set_timeout(|| platform::focus("#delete-confirm-text"), Duration::ZERO);
    };
    let confirm = move |_| {
        let ok = storage.delete_all().is_ok();
        confirming.set(false);
        outcome.set(Some(ok));
    };

    view! {
        <h3>{t().data_delete_heading}</h3>
        <p>{t().data_delete_body}</p>
        <div class="actions">
            <button
                type="button"
                class="danger"
                data-testid="delete-all"
                aria-expanded=move || confirming.get().to_string()
                on:click=ask
            >
                {t().data_delete_button}
            </button>
        </div>
        <Show when=move || confirming.get()>
            <div class="notice delete-confirm" role="group" aria-labelledby="delete-confirm-text">
                <p id="delete-confirm-text" tabindex="-1">{t().data_delete_confirm_text}</p>
                <div class="actions">
                    <button type="button" class="danger" data-testid="delete-confirm" on:click=confirm>
                        {t().data_delete_confirm}
                    </button>
                    <button
                        type="button"
                        class="secondary"
                        data-testid="delete-cancel"
                        on:click=move |_| confirming.set(false)
                    >
                        {t().data_delete_cancel}
                    </button>
                </div>
            </div>
        </Show>
        {move || match outcome.get() {
            Some(true) => Some(
                view! { <p role="status" data-testid="delete-done">{t().data_delete_done}</p> }
                    .into_any(),
            ),
            Some(false) => Some(
                view! { <p role="alert" class="notice">{t().data_delete_failed}</p> }.into_any(),
            ),
            None => None,
        }}
    }
}
