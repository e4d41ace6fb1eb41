//! Content bodies as static markup (see [`crate::html`]): content pages only
//! show text. Short bodies are rendered here with
//! [`crate::content::render`]; the long pages arrive as fragments the build
//! rendered with the same code (see [`super::fragment`]).

use crate::content::render::body_html;
use crate::html::Markup;
use leptos::prelude::*;

/// One content body.
#[component]
pub fn Body(body: &'static str) -> impl IntoView {
    let mut m = Markup::new();
    body_html(&mut m, body);
    view! { <div class="content-body" inner_html=m.finish()></div> }
}
