//! The reading list.

use crate::ui::components::fragment::Fragment;
use crate::ui::title_effect;
use crate::ui::use_app;
use leptos::prelude::*;

/// Resources: books for helping professionals, with no outbound links. The
/// list itself is fetched when the screen opens (see [`Fragment`]).
#[component]
pub fn Resources() -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    title_effect(move || t().resources_title.to_string());
    view! {
        <h1 tabindex="-1">{t().resources_title}</h1>
        <p class="lead">{t().resources_intro}</p>
        <Fragment path=ctx.locale.get_untracked().content().reading_list class="book-list-wrap" />
    }
}
