//! Get help: crisis lines for the person's region and when to see a
//! professional. Always one tap away from every screen.

use super::title_effect;
use crate::content::Strings;
use crate::content::{fill, guess_region, ContactKind, Region};
use crate::html::Markup;
use crate::platform;
use crate::ui::components::deployment_parts::OrgContacts;
use crate::ui::{use_app, AppContext};
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
        <section aria-labelledby="contacts-heading">
            {move || {
                let regions = ctx.locale.get().content().regions;
                let id = region_id();
                regions.iter().find(|r| r.id == id).or(regions.first()).map(|r| {
                    view! {
                        <h2 id="contacts-heading">{fill(t().help_contacts_heading, &[("region", r.name)])}</h2>
                        <Contacts region=r />
                    }
                })
            }}
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

/// The region whose contacts to show: the person's choice, else a guess
/// from the browser's languages.
pub fn region_id(ctx: &AppContext) -> String {
    ctx.data
        .with(|d| d.settings.region.clone())
        .unwrap_or_else(|| {
            guess_region(platform::browser_languages().iter().map(String::as_str)).to_string()
        })
}

/// The region to show contacts for, falling back to the first one.
pub fn current_region(ctx: &AppContext) -> Option<&'static Region> {
    let regions = ctx.locale.get().content().regions;
    let id = region_id(ctx);
    regions.iter().find(|r| r.id == id).or(regions.first())
}

/// The contacts of one region, each as a link that calls, texts or opens it.
#[component]
pub fn Contacts(region: &'static Region) -> impl IntoView {
    let html = contacts_html(use_app().t(), region);
    view! { <div class="contacts" inner_html=html></div> }
}

/// A region's note and contacts as markup: each contact with a link that
/// calls, texts or opens it. A contact without a valid link is left out.
pub fn contacts_html(t: &Strings, region: &Region) -> String {
    let mut m = Markup::new();
    if !region.note.is_empty() {
        m.element("p", &[], region.note);
    }
    m.open(
        "ul",
        &[("class", "contact-list"), ("data-testid", "contacts")],
    );
    for c in region.contacts {
        let Some(href) = c.kind.href(c.value) else {
            continue;
        };
        let action = match c.kind {
            ContactKind::Phone => fill(t.help_call, &[("number", c.value)]),
            ContactKind::Text => fill(t.help_text, &[("number", c.value)]),
            ContactKind::Web => fill(t.help_visit, &[("label", c.label)]),
        };
        m.open("li", &[("class", "contact card")]);
        m.element("h3", &[], c.label).element("p", &[], c.detail);
        m.element(
            "a",
            &[("class", "button contact-action"), ("href", &href)],
            &action,
        );
        m.close("li");
    }
    m.close("ul");
    m.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Locale;

    #[test]
    fn every_region_lists_working_links() {
        let t = Locale::En.strings();
        for region in Locale::En.content().regions {
            let html = contacts_html(t, region);
            assert_eq!(
                html.matches("<li ").count(),
                region.contacts.len(),
                "{}",
                region.id
            );
            for c in region.contacts {
                let href = c.kind.href(c.value).unwrap_or_default();
                assert!(html.contains(&format!("href=\"{href}\"")), "{href}");
            }
        }
    }
}
