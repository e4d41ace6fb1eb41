//! The results of one saved self-check: each area's score, band and "don't
//! know" answers, as a table and a chart; the two weakest areas first with
//! their actions; a one-page summary to print; its area scores as CSV; and
//! sharing it with another leader as a file or a code.

use crate::content::instruments;
use crate::platform;
use crate::platform::files;
use crate::route::Route;
use crate::ui::components::self_check_parts::{
    check_label, download_csv, AreaChart, AreaTable, FocusAreas,
};
use crate::ui::title_effect;
use crate::ui::use_app;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use tend_core::domain::instrument::Instrument;
use tend_core::domain::self_check::{score_self_check, SelfCheck};
use tend_core::store::self_check_share::{export_json, share_code};
use tend_core::time::civil_date;

/// The results screen for the self-check with this id.
#[component]
pub fn SelfCheckReport(id: String) -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    title_effect(move || t().self_check_result_title.to_string());
    let check = Memo::new(move |_| ctx.data.with(|d| d.self_check(&id).cloned()));
    move || {
        let found = check.get();
        let instrument = instruments::org(ctx.locale.get()).ok();
        match (found, instrument) {
            (Some(check), Some(instrument)) if check.instrument_id == instrument.id => {
                view! { <Report check=check instrument=instrument.clone() /> }.into_any()
            }
            _ => view! {
                <h1 tabindex="-1">{t().self_check_result_title}</h1>
                <p>{t().self_check_not_found}</p>
                <p>
                    <a class="button" href=Route::SelfCheck.href()>{t().self_check_back}</a>
                </p>
            }
            .into_any(),
        }
    }
}

/// The body of the results.
#[component]
fn Report(check: SelfCheck, instrument: Instrument) -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    let result = score_self_check(&instrument, &check.answers);
    let label = check_label(t, &check);
    let csv_failed = RwSignal::new(false);
    let for_csv = (instrument.clone(), check.clone());
    let csv = move |_| {
        let ok = download_csv(
            &for_csv.0,
            std::slice::from_ref(&for_csv.1),
            t.self_check_result_csv_file,
        );
        csv_failed.set(!ok);
    };
    view! {
        <div class="self-check-report">
        <h1 tabindex="-1">{t.self_check_result_heading(&label)}</h1>
        {check
            .shared
            .then(|| view! { <p class="notice" data-testid="shared-note">{t.self_check_result_shared_note}</p> })}
        <AreaTable instrument=instrument.clone() result=result.clone() />
        <p class="hint">{t.self_check_result_dont_know_note}</p>
        <div class="no-print">
            <AreaChart instrument=instrument.clone() result=result.clone() />
        </div>
        <section aria-labelledby="sc-focus-heading">
            <h2 id="sc-focus-heading">{t.self_check_result_focus_heading}</h2>
            <p>{t.self_check_result_focus_intro}</p>
            <FocusAreas instrument=instrument.clone() result=result />
        </section>
        <p class="attribution">{instrument.attribution.clone()}</p>
        <div class="actions">
            <button type="button" data-testid="sc-print" on:click=move |_| platform::print()>
                {t.self_check_result_print}
            </button>
            <button type="button" class="secondary" data-testid="sc-csv" on:click=csv>
                {t.self_check_result_csv}
            </button>
            <a class="button secondary" href=Route::SelfCheck.href()>{t.self_check_back}</a>
        </div>
        <p class="error-text" role="alert" hidden=move || !csv_failed.get()>
            {t.self_check_result_saved_error}
        </p>
        <Share check=check />
        </div>
    }
}

/// Sharing one self-check with another leader: a small file, or a code to
/// copy.
#[component]
fn Share(check: SelfCheck) -> impl IntoView {
    let t = use_app().t();
    let code = share_code(&check);
    let json = export_json(&check);
    let (y, m, d) = civil_date(
        check
            .completed_at
            .saturating_add(i64::from(platform::utc_offset_minutes()) * 60_000),
    );
    let file_name = t.self_check_share_file_name(&format!("{y:04}-{m:02}-{d:02}"));
    let file_failed = RwSignal::new(false);
    let save_file = move |_| {
        let ok = files::download(&file_name, "application/json", &json).is_ok();
        file_failed.set(!ok);
    };
    let shown = RwSignal::new(false);
    let copied = RwSignal::new(None::<bool>);
    let area = NodeRef::<html::Textarea>::new();
    let code_for_copy = code.clone();
    let copy = move |_| {
        let text = code_for_copy.clone();
        spawn_local(async move {
            let ok = platform::copy_text(&text).await;
            if !ok {
                if let Some(el) = area.get_untracked() {
                    let _ = el.focus();
                    el.select();
                }
            }
            copied.try_set(Some(ok));
        });
    };
    let show = move |_| {
        shown.set(true);
        platform::focus_soon("#sc-share-code");
    };
    view! {
        <section aria-labelledby="sc-share-heading" class="no-print">
            <h2 id="sc-share-heading">{t.self_check_share_heading}</h2>
            <p>{t.self_check_share_intro}</p>
            <div class="actions">
                <button type="button" class="secondary" data-testid="sc-export-file" on:click=save_file>
                    {t.self_check_share_file}
                </button>
                <button
                    type="button"
                    class="secondary"
                    data-testid="sc-show-code"
                    aria-expanded=move || shown.get().to_string()
                    aria-controls="sc-code-panel"
                    on:click=show
                >
                    {t.self_check_share_show_code}
                </button>
            </div>
            <p class="error-text" role="alert" hidden=move || !file_failed.get()>
                {t.self_check_result_saved_error}
            </p>
            <div id="sc-code-panel" hidden=move || !shown.get()>
                <p class="field">
                    <label for="sc-share-code">{t.self_check_share_code_label}</label>
                    <textarea
                        id="sc-share-code"
                        rows="4"
                        readonly
                        spellcheck="false"
                        data-testid="sc-share-code"
                        node_ref=area
                        prop:value=code
                    ></textarea>
                </p>
                <p>
                    <button type="button" class="secondary" data-testid="sc-copy" on:click=copy>
                        {t.self_check_share_copy}
                    </button>
                </p>
                <p role="status">
                    {move || {
                        copied
                            .get()
                            .map(|ok| if ok { t.self_check_share_copied } else { t.self_check_share_copy_failed })
                    }}
                </p>
            </div>
        </section>
    }
}
