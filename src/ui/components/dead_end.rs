//! Screens with nothing to show: an address Tend does not know, or a part
//! of Tend a deployment turned off.

use crate::content::Label;
use crate::route::Route;
use crate::ui::title_effect;
use crate::ui::use_app;
use leptos::prelude::*;

/// Not found: says so plainly and offers the way home.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <DeadEnd
            title=|t| t.not_found_title
            body=|t| t.not_found_body
            home=|t| t.not_found_home_link
        />
    }
}

/// A screen with nothing to show here: a heading, why, and the way home.
#[component]
pub fn DeadEnd(title: Label, body: Label, home: Label) -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    title_effect(move || title(t()).to_string());
    view! {
        <h1 tabindex="-1">{title(t())}</h1>
        <p>{body(t())}</p>
        <p>
            <a class="button" href=Route::Home.href()>{home(t())}</a>
        </p>
    }
}
