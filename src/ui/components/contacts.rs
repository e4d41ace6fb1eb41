//! Crisis and support contacts of a region: which region applies, and the
//! list of lines with a link that calls, texts or opens each.

use crate::content::render::ContactEntry;
use crate::content::Strings;
use crate::content::{guess_region, Contact, ContactKind, Region};
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

/// Every region's lines, the person's region first and every other region
/// below it, so no line hides behind a choice; the emergency sentence
/// before them all. `level` is the heading level of each region's name (2
/// on Get help, 3 inside the safety panel).
#[component]
pub fn AllLines(level: u8) -> impl IntoView {
    let ctx = use_app();
    move || {
        let t = ctx.t();
        let regions = ctx.locale.get().content().regions;
        let first = current_region(&ctx);
        let first_id = first.map_or("", |r| r.id);
        let heading = move |text: String| match level {
            2 => view! { <h2>{text}</h2> }.into_any(),
            _ => view! { <h3>{text}</h3> }.into_any(),
        };
        let others = regions
            .iter()
            .filter(|r| r.id != first_id)
            .map(|r| {
                view! {
                    <div class="region-lines" data-region=r.id>
                        {heading(r.name.to_string())}
                        <Contacts region=r />
                    </div>
                }
            })
            .collect_view();
        view! {
            <p class="notice emergency-line" data-testid="emergency-line">
                <strong>{t.help_emergency}</strong>
            </p>
            {first.map(|r| {
                view! {
                    <div class="region-lines" data-region=r.id data-testid="own-region">
                        {heading(t.help_contacts_heading(r.name))}
                        <Contacts region=r />
                    </div>
                }
            })}
            <div class="other-regions">
                <p class="hint">{t.help_others_heading}</p>
                {others}
            </div>
        }
    }
}

/// The contacts of one region, each as a link that calls, texts or opens it.
#[component]
pub fn Contacts(region: &'static Region) -> impl IntoView {
    let html = contacts_html(use_app().t(), region);
    view! { <div class="contacts" inner_html=html></div> }
}

/// A region's note and contacts as markup (see
/// [`crate::content::render::contacts_html`]): each contact with a link that
/// calls, texts or opens it. A contact without a valid link is left out.
pub fn contacts_html(t: &Strings, region: &Region) -> String {
    let lines: Vec<(String, String, &Contact)> = region
        .contacts
        .iter()
        .filter_map(|c| {
            let href = c.kind.href(c.value)?;
            let action = match c.kind {
                ContactKind::Phone => t.help_call(c.value),
                ContactKind::Text => t.help_text(c.value),
                ContactKind::Web => t.help_visit(c.label),
            };
            Some((href, action, c))
        })
        .collect();
    crate::content::render::contacts_html(
        region.note,
        lines.iter().map(|(href, action, c)| ContactEntry {
            label: c.label,
            detail: c.detail,
            href,
            action,
        }),
    )
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
