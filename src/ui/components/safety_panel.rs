//! The Get-help panel shown the moment the safety question is answered with
//! anything but "Never", kept at the top of that check-in's results and of
//! the pulse once saved. It says first that Tend cannot reply and no one
//! has been told, then speaks to the answer given ("prefer not to answer"
//! is never read back as thoughts of self-harm), and lists every region's
//! lines, the person's first, with the region changeable in place.

use crate::platform;
use crate::route::Route;
use crate::ui::components::contacts::{region_id, AllLines};
use crate::ui::use_app;
use leptos::prelude::*;
use tend_core::domain::scoring::SafetyAnswer;

/// Crisis lines with a warm word first, in words that fit `answer`.
#[component]
pub fn SafetyPanel(answer: SafetyAnswer) -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    let body = move || match answer {
        SafetyAnswer::Said => t().safety_body,
        SafetyAnswer::PreferNot => t().safety_body_prefer_not,
    };
    let choose = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        ctx.data
            .update(|d| d.settings.set_region(&id, platform::now_ms()));
    };
    view! {
        <section class="safety-panel" aria-labelledby="safety-heading" data-testid="safety-panel">
            <h2 id="safety-heading">{t().safety_heading}</h2>
            <p role="alert">
                <strong>{t().safety_not_told}</strong>
                " "
                <span data-testid="safety-body">{body()}</span>
            </p>
            <p class="select-field region-select">
                <label for="safety-region">{t().safety_region_label}</label>
                <select id="safety-region" on:change=choose>
                    {move || {
                        let chosen = region_id(&ctx);
                        ctx.locale
                            .get()
                            .content()
                            .regions
                            .iter()
                            .map(|r| {
                                view! {
                                    <option value=r.id selected=chosen == r.id>{r.name}</option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </p>
            <AllLines level=3 />
            <p>{t().safety_continue_note}</p>
            <p>
                <a href=Route::Help.href()>{t().safety_help_link}</a>
            </p>
        </section>
    }
}
