//! The box offering to resume or discard a check-in in progress, on the
//! check-in's start screen and on Home.

use crate::platform;
use crate::route::Route;
use crate::ui::checkin::use_instruments;
use crate::ui::use_app;
use leptos::prelude::*;
use tend_core::domain::progress;
use tend_core::store::data::Draft;

/// The box offering to resume or discard a check-in in progress.
#[component]
pub fn ResumeDraft(draft: Draft) -> impl IntoView {
    let ctx = use_app();
    let instruments = use_instruments();
    let t = move || ctx.t();
    let confirming = RwSignal::new(false);
    let instrument = instruments.get(&draft.instrument_id);
    let (done, total) = instrument
        .as_ref()
        .map(|i| progress::answered(i, &draft.answers))
        .unwrap_or((draft.answers.len(), draft.answers.len()));
    let step = instrument
        .as_ref()
        .map(|i| progress::resume_step(i, &draft.answers))
        .unwrap_or(0);
    let started = platform::format_date(draft.started_at, ctx.locale.get_untracked().code());
    let discard = move |_| {
        let now = platform::now_ms();
        ctx.data.update(|d| {
            d.discard_draft(now);
        });
        confirming.set(false);
        platform::focus("main h1");
    };
    view! {
        <section class="card resume" aria-labelledby="resume-heading" data-testid="resume-draft">
            <h2 id="resume-heading">{t().checkin_resume_heading}</h2>
            <p>
                {move || {
                    t().checkin_resume_body(&started, &done.to_string(), &total.to_string())
                }}
            </p>
            {instrument.is_none().then(|| view! { <p class="error-text">{t().checkin_instrument_missing}</p> })}
            <div class="actions">
                {instrument
                    .is_some()
                    .then(|| {
                        view! {
                            <a class="button" href=Route::CheckInStep(step + 1).href() data-testid="resume">
                                {t().checkin_resume}
                            </a>
                        }
                    })}
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| {
                        confirming.set(true);
                        platform::focus_soon("#discard-question");
                    }
                    data-testid="discard"
                >
                    {t().checkin_discard}
                </button>
            </div>
            <div hidden=move || !confirming.get() class="confirm">
                <p id="discard-question" tabindex="-1">{t().checkin_discard_confirm}</p>
                <div class="actions">
                    <button type="button" class="danger" on:click=discard data-testid="discard-confirm">
                        {t().checkin_discard_yes}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                        {t().checkin_discard_no}
                    </button>
                </div>
            </div>
        </section>
    }
}
