//! Get help: crisis lines for the person's region and when to see a
//! professional. Always one tap away from every screen.

use crate::content::guess_region;
use crate::platform;
use crate::ui::components::contacts::AllLines;
use crate::ui::components::deployment_parts::OrgContacts;
use crate::ui::title_effect;
use crate::ui::use_app;
use leptos::prelude::*;

/// The Get help screen.
#[component]
pub fn Help() -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    title_effect(move || t().help_title.to_string());
    let guessed = guess_region(platform::browser_languages().iter().map(String::as_str));
    let region_id = move || {
        ctx.data
            .with(|d| d.settings.region.clone())
            .unwrap_or_else(|| guessed.to_string())
    };
    let choose = move |id: &'static str| {
        ctx.data.update(|d| {
            d.settings.set_region(id, platform::now_ms());
        })
    };
    view! {
        <h1 tabindex="-1">{t().help_title}</h1>
        <p class="lead">{t().help_intro}</p>
        <p class="notice" role="note">
            <strong>{t().help_emergency}</strong>
            " "
            {t().help_not_crisis}
        </p>
        <OrgContacts />
        <section aria-label=move || t().help_title data-testid="all-lines">
            <AllLines level=2 />
        </section>
        <fieldset class="choice-group region-choice">
            <legend>{t().help_region_label}</legend>
            <p class="hint">{t().help_region_hint}</p>
            {move || {
                ctx.locale
                    .get()
                    .content()
                    .regions
                    .iter()
                    .map(|r| {
                        let id = r.id;
                        view! {
                            <label class="choice">
                                <input
                                    type="radio"
                                    name="region"
                                    value=id
                                    prop:checked=move || region_id() == id
                                    on:change=move |_| choose(id)
                                />
                                <span>{r.name}</span>
                            </label>
                        }
                    })
                    .collect_view()
            }}
        </fieldset>
        <section>
            <h2>{t().help_professional_heading}</h2>
            <p>{t().help_professional_body}</p>
        </section>
    }
}
