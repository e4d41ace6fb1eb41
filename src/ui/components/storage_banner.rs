//! The quiet notice at the top of every screen when Tend cannot save as
//! usual, or has set aside data it could not read.

use crate::content::{Label, Strings};
use crate::platform::intl;
use crate::ui::storage::use_storage;
use crate::ui::use_app;
use leptos::prelude::*;
use tend_core::store::vault::{fullness_percent, nearly_full};
use tend_core::store::{MemoryReason, Mode};

/// The banner text for a memory-only reason.
fn reason_text(t: &'static Strings, reason: &MemoryReason) -> &'static str {
    match reason {
        MemoryReason::Unavailable => t.data_banner_unavailable,
        MemoryReason::Full => t.data_banner_full,
        MemoryReason::Course => t.course_banner,
        MemoryReason::SettingsUnread => t.data_banner_settings,
        MemoryReason::Configured => t.data_banner_configured,
        MemoryReason::NewerVersion { .. } => t.data_banner_newer,
        MemoryReason::Locked => t.lock_status_locked,
    }
}

/// Shown while changes last only as long as the tab, while set-aside data
/// is waiting to be downloaded, or when Tend's storage is nearly full (a
/// prompt to export before it fills). Plain words; never alarming.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let ctx = use_app();
    let storage = use_storage();
    let status = storage.status();
    let t = move || ctx.t();
    let recovered_hidden = RwSignal::new(false);
    let full_hidden = RwSignal::new(false);
    let export_failed = RwSignal::new(false);

    let memory_reason = move || {
        status.with(|s| match &s.mode {
            Mode::MemoryOnly(reason) => Some(reason.clone()),
            Mode::Saving => None,
        })
    };
    let show_recovered =
        move || !recovered_hidden.get() && status.with(|s| !s.recovered.is_empty());
    // Only while saving: in memory the banner already says why.
    let fullness = move || {
        status.with(|s| {
            (matches!(s.mode, Mode::Saving) && nearly_full(s.used_bytes))
                .then(|| fullness_percent(s.used_bytes))
        })
    };
    let show_full = move || !full_hidden.get() && fullness().is_some();
    let visible = move || memory_reason().is_some() || show_recovered() || show_full();

    let export = move || export_failed.set(storage.export().is_err());
    let export_recovered = move || export_failed.set(storage.export_recovered().is_err());

    view! {
        <Show when=visible>
            <div class="banner storage-banner" role="status" data-testid="storage-banner">
                {move || {
                    memory_reason()
                        .map(|reason| {
                            let full = reason == MemoryReason::Full;
                            view! {
                                <p>{move || reason_text(t(), &reason)}</p>
                                <div class="actions">
                                    <button type="button" data-testid="banner-export" on:click=move |_| export()>
                                        {t().data_banner_export}
                                    </button>
                                    {full
                                        .then(|| {
                                            view! {
                                                <button
                                                    type="button"
                                                    class="secondary"
                                                    data-testid="storage-retry"
                                                    on:click=move |_| storage.retry()
                                                >
                                                    {t().data_banner_retry}
                                                </button>
                                            }
                                        })}
                                </div>
                            }
                        })
                }}
                <Show when=show_full>
                    <div class="storage-banner-full" data-testid="storage-nearly-full">
                        <p>
                            {move || {
                                let t = t();
                                let percent = intl::percent(t.code, fullness().unwrap_or_default());
                                t.data_banner_nearly_full(&percent)
                            }}
                        </p>
                        <ExportOrHide
                            label=|t| t.data_banner_export
                            export_id="nearly-full-export"
                            on_export=Callback::new(move |()| export())
                            hide_id="dismiss-nearly-full"
                            hidden=full_hidden
                        />
                    </div>
                </Show>
                <Show when=show_recovered>
                    <div class="storage-banner-recovered" data-testid="recovered-data">
                        <p>{t().data_banner_recovered}</p>
                        <ExportOrHide
                            label=|t| t.data_banner_export_recovered
                            export_id="export-recovered"
                            on_export=Callback::new(move |()| export_recovered())
                            hide_id="dismiss-recovered"
                            hidden=recovered_hidden
                        />
                    </div>
                </Show>
                <Show when=move || export_failed.get()>
                    <p role="alert">{t().data_banner_export_failed}</p>
                </Show>
            </div>
        </Show>
    }
}

/// A banner notice's two actions: download (the data, or the set-aside
/// data) and hide the notice for this visit.
#[component]
fn ExportOrHide(
    label: Label,
    export_id: &'static str,
    on_export: Callback<()>,
    hide_id: &'static str,
    hidden: RwSignal<bool>,
) -> impl IntoView {
    let ctx = use_app();
    view! {
        <div class="actions">
            <button type="button" data-testid=export_id on:click=move |_| on_export.run(())>
                {move || label(ctx.t())}
            </button>
            <button
                type="button"
                class="secondary"
                data-testid=hide_id
                on:click=move |_| hidden.set(true)
            >
                {move || ctx.t().data_banner_dismiss}
            </button>
        </div>
    }
}

/// A button that downloads everything as an export file, with a plain
/// message if the browser will not save it.
#[component]
pub fn ExportButton(label: Label) -> impl IntoView {
    let ctx = use_app();
    let storage = use_storage();
    let failed = RwSignal::new(false);
    view! {
        <button type="button" on:click=move |_| failed.set(storage.export().is_err())>
            {move || label(ctx.t())}
        </button>
        <Show when=move || failed.get()>
            <p role="alert">{move || ctx.t().data_banner_export_failed}</p>
        </Show>
    }
}
