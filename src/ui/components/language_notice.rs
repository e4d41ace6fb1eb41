//! Says so when the wanted language could not be loaded, in the language
//! the app is still speaking, and offers to try again.

use crate::ui::use_app;
use leptos::prelude::*;

/// The notice, shown only while the wanted language's words are missing.
#[component]
pub fn LanguageNotice() -> impl IntoView {
    let ctx = use_app();
    let language = ctx.language;
    view! {
        {move || {
            language.failed.get().map(|wanted| {
                let t = ctx.t();
                view! {
                    <div class="banner language-notice" role="status" data-testid="language-failed">
                        <p>{t.language_load_failed(wanted.self_name())}</p>
                        <div class="actions">
                            <button type="button" data-testid="language-retry" on:click=move |_| language.retry()>
                                {t.language_load_retry}
                            </button>
                        </div>
                    </div>
                }
            })
        }}
    }
}
