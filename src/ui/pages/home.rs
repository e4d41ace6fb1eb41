//! The start screen.

use super::title_effect;
use crate::route::Route;
use crate::ui::use_app;
use leptos::prelude::*;

/// Home: what Tend is, and where to go next.
#[component]
pub fn Home() -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    title_effect(move || t().home_title.to_string());
    view! {
        <h1 tabindex="-1">{move || t().home_title}</h1>
        <p class="lead">{move || t().home_intro_1}</p>
        <p>{move || t().home_intro_2}</p>
        <div class="cards">
            <section class="card">
                <h2>{move || t().home_learn_heading}</h2>
                <p>{move || t().home_learn_body}</p>
                <a class="button" href=Route::Learn.href()>{move || t().home_learn_link}</a>
            </section>
            <section class="card card-help">
                <h2>{move || t().home_help_heading}</h2>
                <p>{move || t().home_help_body}</p>
                <a class="button" href=Route::Help.href()>{move || t().home_help_link}</a>
            </section>
            <section class="card">
                <h2>{move || t().home_leaders_heading}</h2>
                <p>{move || t().home_leaders_body}</p>
                <a class="button secondary" href=Route::Leaders.href()>{move || t().home_leaders_link}</a>
            </section>
        </div>
    }
}
