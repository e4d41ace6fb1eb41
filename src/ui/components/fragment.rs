//! The body of a long page (a Learn topic, a leaders' page, the reading
//! list), fetched from the HTML fragment the build rendered for it (see
//! [`crate::content`]). The page's heading stays in the app, so focus and
//! the title are right at once; only the body waits for the network.

use crate::platform::fetch;
use crate::route::Route;
use crate::ui::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::sync::Arc;
use std::time::Duration;

/// How long a fetch may take before "Loading…" appears, so a quick one
/// (the usual case, from the cache) shows no flash of a message.
const QUIET: Duration = Duration::from_millis(500);

thread_local! {
    /// Fragments already read in this session, so going back to a page
    /// shows it at once. Their names carry a content hash, so they never go
    /// stale.
    static READ: RefCell<Vec<(&'static str, Arc<str>)>> = const { RefCell::new(Vec::new()) };
}

fn remembered(path: &'static str) -> Option<Arc<str>> {
    READ.with(|r| {
        r.borrow()
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, h)| h.clone())
    })
}

fn remember(path: &'static str, html: Arc<str>) {
    READ.with(|r| r.borrow_mut().push((path, html)));
}

/// Where a fragment is.
#[derive(Clone)]
enum Body {
    /// Being fetched; `slow` once it has taken longer than [`QUIET`].
    Loading { slow: bool },
    /// Fetched: the markup.
    Ready(Arc<str>),
    /// The fetch failed.
    Failed,
}

/// The markup in the fragment at `path` (relative to `index.html`), shown
/// in a `<div class={class}>`, with a plain message and a Retry button when
/// it cannot be fetched.
#[component]
pub fn Fragment(path: &'static str, class: &'static str) -> impl IntoView {
    let ctx = use_app();
    let body = RwSignal::new(match remembered(path) {
        Some(html) => Body::Ready(html),
        None => Body::Loading { slow: false },
    });
    let load = move || {
        // A signal of a page already left is gone: `try_*` then does nothing.
        body.try_set(Body::Loading { slow: false });
        set_timeout(
            move || {
                if matches!(body.try_get_untracked(), Some(Body::Loading { .. })) {
                    body.try_set(Body::Loading { slow: true });
                }
            },
            QUIET,
        );
        spawn_local(async move {
            let next = match fetch::text(path).await {
                Ok(html) => {
                    let html: Arc<str> = html.into();
                    remember(path, html.clone());
                    Body::Ready(html)
                }
                Err(_) => Body::Failed,
            };
            body.try_set(next);
        });
    };
    if matches!(body.get_untracked(), Body::Loading { .. }) {
        load();
    }
    move || match body.get() {
        Body::Ready(html) => {
            view! { <div class=class inner_html=html.to_string()></div> }.into_any()
        }
        Body::Loading { slow } => view! {
            <p class="fragment-status" role="status">
                {slow.then(|| ctx.t().content_loading)}
            </p>
        }
        .into_any(),
        Body::Failed => view! {
            <div class="fragment-error" role="alert" data-testid="fragment-error">
                <p>{ctx.t().content_failed}</p>
                <p class="actions">
                    <button type="button" on:click=move |_| load()>{ctx.t().content_retry}</button>
                    <a href=Route::Help.href()>{ctx.t().content_help_link}</a>
                </p>
            </div>
        }
        .into_any(),
    }
}
