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
        <div inner_html=books_html(t(), ctx.locale.get_untracked().content().books)></div>
    }
}

/// The reading list as markup: title, author, publisher and a line about
/// each book, with no outbound links.
fn books_html(t: &crate::content::Strings, books: &[crate::content::Book]) -> String {
    let mut m = crate::html::Markup::new();
    m.open("ul", &[("class", "book-list")]);
    for b in books {
        m.open("li", &[("class", "card")]);
        m.element("h2", &[("class", "book-title")], b.title);
        m.open("p", &[("class", "book-meta")])
            .text(&fill(t.resources_by, &[("author", b.author)]))
            .text(" · ")
            .text(&fill(t.resources_publisher, &[("publisher", b.publisher)]))
            .close("p");
        m.element("p", &[], b.description);
        m.close("li");
    }
    m.close("ul");
    m.finish()
}
