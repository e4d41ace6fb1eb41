//! The Get-help panel shown the moment the safety question is answered with
//! anything but "Never", and kept at the top of the results.

use crate::route::Route;
use crate::ui::components::contacts::{current_region, Contacts};
use crate::ui::use_app;
use leptos::prelude::*;

/// Crisis contacts for the person's region, with a warm word first.
#[component]
pub fn SafetyPanel() -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    view! {
        <section class="safety-panel" aria-labelledby="safety-heading" data-testid="safety-panel">
            <h2 id="safety-heading">{t().safety_heading}</h2>
            <p role="alert">{t().safety_body}</p>
            {move || current_region(&ctx).map(|r| view! { <Contacts region=r /> })}
            <p>{t().safety_continue_note}</p>
            <p>
                <a href=Route::Help.href()>{t().safety_help_link}</a>
            </p>
        </section>
    }
}
