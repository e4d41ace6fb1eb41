//! Crisis and support contacts of a region: which region applies, and the
//! list of lines with a link that calls, texts or opens each.

use crate::content::Strings;
use crate::content::{guess_region, ContactKind, Region};
use crate::html::Markup;
use crate::platform;
use crate::ui::{use_app, AppContext};
use leptos::prelude::*;

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
            ContactKind::Phone => t.help_call(c.value),
            ContactKind::Text => t.help_text(c.value),
            ContactKind::Web => t.help_visit(c.label),
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
