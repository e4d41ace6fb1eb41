//! The reading list.

use super::title_effect;
use crate::content::fill;
use crate::ui::use_app;
use leptos::prelude::*;

/// Resources: books for helping professionals, with no outbound links.
#[component]
pub fn Resources() -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    title_effect(move || t().resources_title.to_string());
    view! {
        <h1 tabindex="-1">{t().resources_title}</h1>
        <p class="lead">{t().resources_intro}</p>
        <ul class="book-list">
            {move || {
                ctx.locale
                    .get()
                    .content()
                    .books
                    .iter()
                    .map(|b| {
                        view! {
                            <li class="card">
                                <h2 class="book-title">{b.title}</h2>
                                <p class="book-meta">
                                    {fill(t().resources_by, &[("author", b.author)])} " · "
                                    {fill(t().resources_publisher, &[("publisher", b.publisher)])}
                                </p>
                                <p>{b.description}</p>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
