//! The compact language switch in the footer: every language Tend has,
//! each named in its own words and marked with its own language, so a
//! screen reader says "Español" in Spanish. The language in use is marked
//! as pressed. Choosing one is the same as choosing it in Settings.

use crate::content::Locale;
use crate::platform;
use crate::ui::use_app;
use leptos::prelude::*;

/// The footer's language switch.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let ctx = use_app();
    view! {
        <nav class="language-switch" aria-label=move || ctx.t().app_language_label>
            <ul>
                {Locale::ALL
                    .iter()
                    .map(|&locale| {
                        let code = locale.code();
                        let choose = move |_| {
                            ctx.data
                                .update(|d| d.settings.set_language(Some(code), platform::now_ms()));
                        };
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="link-button"
                                    lang=code
                                    aria-pressed=move || (ctx.locale.get() == locale).to_string()
                                    data-testid=format!("language-{code}")
                                    on:click=choose
                                >
                                    {locale.self_name()}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
