//! The screen for an address Tend does not know.

use super::title_effect;
use crate::route::Route;
use crate::ui::use_app;
use leptos::prelude::*;

/// Not found: says so plainly and offers the way home.
#[component]
pub fn NotFound() -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    title_effect(move || t().not_found_title.to_string());
    view! {
        <h1 tabindex="-1">{t().not_found_title}</h1>
        <p>{t().not_found_body}</p>
        <p>
            <a class="button" href=Route::Home.href()>{t().not_found_home_link}</a>
        </p>
    }
}
