//! The pages that need no wasm: the app shell that `index.html` shows
//! before the app starts (and when it cannot), and `help.html`, the crisis
//! lines as a plain page. Both are written from the same locale files as the
//! app, with the same classes and the same renderer for the lines
//! ([`crate::render::contacts_html`]), so the app can take the shell over
//! without a visible change.
//!
//! `tools/postbuild.mjs` puts the English shell into `index.html` (other
//! languages' as `<template>`s an inline script picks from, by the browser's
//! language as the app does) and copies the help pages beside it.

use super::error::ContentError;
use super::locale::{ContactKind, LocaleContent};
use crate::html::Markup;
use crate::render::{contacts_html, fill, ContactEntry};
use tend_core::contact::ContactKind as Way;

/// The primary navigation as the app has it (`ui::components::nav::items`,
/// which a test of the app holds to this list): address and label key.
pub const NAV: [(&str, &str); 5] = [
    ("#/", "nav_home"),
    ("#/check-in", "nav_checkin"),
    ("#/strategies", "nav_strategies"),
    ("#/plan", "nav_plan"),
    ("#/more", "nav_more"),
];

/// The address of a language's help page: `help.html` for English,
/// `help.<code>.html` for the others.
pub fn help_page(code: &str) -> String {
    if code == "en" {
        "help.html".to_owned()
    } else {
        format!("help.{code}.html")
    }
}

/// One language's static pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticPages {
    /// The language code.
    pub code: String,
    /// The shell, the body of `index.html` before the app starts.
    pub shell: String,
    /// The `<noscript>` note.
    pub noscript: String,
    /// The help page's file name (see [`help_page`]).
    pub help_name: String,
    /// The help page, a whole document.
    pub help: String,
}

fn header(
    m: &mut Markup,
    l: &LocaleContent,
    home: &str,
    help: Option<&str>,
) -> Result<(), ContentError> {
    m.open("header", &[("class", "site-header")]);
    m.open("a", &[("class", "brand"), ("href", home)])
        .open("span", &[("class", "brand-mark"), ("aria-hidden", "true")])
        .close("span")
        .element("span", &[], l.string("app_name")?)
        .close("a");
    if let Some(help) = help {
        m.element(
            "a",
            &[
                ("class", "help-now"),
                ("href", help),
                ("data-testid", "help-now"),
            ],
            l.string("app_get_help_now")?,
        );
    }
    m.close("header");
    Ok(())
}

fn footer(m: &mut Markup, l: &LocaleContent) -> Result<(), ContentError> {
    m.open("footer", &[("class", "site-footer")])
        .element("p", &[], l.string("app_footer_private")?)
        .element("p", &[], l.string("app_footer_not_crisis")?)
        .close("footer");
    Ok(())
}

/// The shell: skip link, header (with "Get help now" leading to the help
/// page until the app takes over), the message for when the app cannot
/// start (hidden), the navigation, the home screen's opening and the
/// footer, inside `#tend-static`.
fn shell(l: &LocaleContent, help: &str) -> Result<String, ContentError> {
    let mut m = Markup::new();
    m.open("div", &[("id", "tend-static"), ("lang", &l.code)]);
    m.element(
        "a",
        &[("class", "skip-link"), ("href", "#main")],
        l.string("app_skip_to_content")?,
    );
    header(&mut m, l, "#/", Some(help))?;
    m.open(
        "div",
        &[
            ("class", "banner start-failed"),
            ("role", "alert"),
            ("data-testid", "start-failed"),
            ("hidden", ""),
        ],
    );
    m.open("p", &[])
        .element("strong", &[], l.string("app_start_failed")?)
        .text(" ")
        .text(l.string("app_start_failed_detail")?)
        .close("p");
    m.open("div", &[("class", "actions")])
        .element(
            "a",
            &[("class", "button"), ("href", help)],
            l.string("app_start_failed_help")?,
        )
        .element(
            "button",
            &[
                ("type", "button"),
                ("class", "secondary"),
                ("data-tend-retry", ""),
            ],
            l.string("app_start_failed_retry")?,
        )
        .close("div")
        .close("div");
    m.open(
        "nav",
        &[
            ("class", "main-nav"),
            ("aria-label", l.string("nav_label")?),
        ],
    )
    .open("ul", &[]);
    for (href, key) in NAV {
        let current: &[(&str, &str)] = if href == "#/" {
            &[("aria-current", "page")]
        } else {
            &[]
        };
        let mut attrs = vec![("href", href)];
        attrs.extend_from_slice(current);
        m.open("li", &[])
            .element("a", &attrs, l.string(key)?)
            .close("li");
    }
    m.close("ul").close("nav");
    m.open(
        "main",
        &[("id", "main"), ("tabindex", "-1"), ("data-tend-home", "")],
    )
    .element("h1", &[("tabindex", "-1")], l.string("home_title")?)
    .element("p", &[("class", "lead")], l.string("home_intro_1")?)
    .element("p", &[], l.string("home_intro_2")?)
    .close("main");
    footer(&mut m, l)?;
    m.close("div");
    Ok(m.finish())
}

/// The `<noscript>` note, linking the help page.
fn noscript(l: &LocaleContent, help: &str) -> Result<String, ContentError> {
    let mut m = Markup::new();
    m.open("p", &[("class", "notice")])
        .text(l.string("app_noscript")?)
        .text(" ")
        .element("a", &[("href", help)], l.string("app_start_failed_help")?)
        .close("p");
    Ok(m.finish())
}

/// `help.html`: every region's lines (the same markup as Get help), the
/// emergency sentence, "Tend is not a crisis service", and where the
/// deployment's own lines are. `__TEND_STYLESHEET__` is the stylesheet's
/// file name, which `tools/postbuild.mjs` fills in.
fn help(l: &LocaleContent) -> Result<String, ContentError> {
    let title = l.string("help_title")?;
    let mut m = Markup::new();
    m.open("div", &[("class", "static-help")]);
    header(&mut m, l, "./", None)?;
    m.open("main", &[("id", "main")]);
    m.element("h1", &[], title);
    m.element("p", &[("class", "lead")], l.string("help_intro")?);
    m.open("p", &[("class", "notice"), ("role", "note")])
        .element("strong", &[], l.string("help_emergency")?)
        .text(" ")
        .text(l.string("help_not_crisis")?)
        .close("p");
    // The deployment's own lines, which help.js adds when it can read
    // tend.config.json.
    let (call, text, visit) = (
        l.string("help_call")?,
        l.string("help_text")?,
        l.string("help_visit")?,
    );
    m.open(
        "section",
        &[
            ("id", "org-contacts"),
            ("aria-labelledby", "org-contacts-heading"),
            ("data-call", call),
            ("data-text", text),
            ("data-visit", visit),
            ("hidden", ""),
        ],
    )
    .element(
        "h2",
        &[("id", "org-contacts-heading")],
        l.string("help_static_org_heading")?,
    )
    .open("ul", &[("class", "contact-list")])
    .close("ul")
    .close("section");
    for r in &l.help.region {
        let heading = fill(l.string("help_contacts_heading")?, &[("region", &r.name)]);
        let lines: Vec<(String, String, &str, &str)> = r
            .contact
            .iter()
            .filter_map(|c| {
                // The app's own rule for a working link.
                let (kind, action) = match c.kind {
                    ContactKind::Phone => (Way::Phone, fill(call, &[("number", &c.value)])),
                    ContactKind::Text => (Way::Text, fill(text, &[("number", &c.value)])),
                    ContactKind::Web => (Way::Web, fill(visit, &[("label", &c.label)])),
                };
                let href = kind.href(&c.value)?;
                Some((href, action, c.label.as_str(), c.detail.as_str()))
            })
            .collect();
        m.open("section", &[("class", "region"), ("data-region", &r.id)])
            .element("h2", &[], &heading);
        let html = contacts_html(
            &r.note,
            lines
                .iter()
                .map(|(href, action, label, detail)| ContactEntry {
                    label,
                    detail,
                    href,
                    action,
                }),
        );
        m.raw(&html);
        m.close("section");
    }
    m.element(
        "p",
        &[("class", "hint"), ("id", "org-contacts-note")],
        l.string("help_static_org_note")?,
    );
    m.open("p", &[])
        .element("a", &[("href", "./")], l.string("help_static_open_app")?)
        .close("p");
    m.close("main");
    footer(&mut m, l)?;
    m.close("div");
    let body = m.finish();
    let head_title = format!("{title} — {}", l.string("app_title_suffix")?);
    Ok(format!(
        "<!doctype html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\" />\n\
         <meta name=\"referrer\" content=\"no-referrer\" />\n\
         <meta name=\"color-scheme\" content=\"light dark\" />\n\
         <title>{head_title}</title>\n\
         <link rel=\"stylesheet\" href=\"./__TEND_STYLESHEET__\" />\n\
         <link rel=\"icon\" href=\"./icons/icon.svg\" type=\"image/svg+xml\" />\n\
         </head>\n<body>\n{body}\n<script src=\"./help.js\"></script>\n</body>\n</html>\n",
        code = crate::html::escape(&l.code),
        csp = HELP_CSP,
        head_title = crate::html::escape(&head_title),
    ))
}

/// The help page's content security policy: its own files only, no inline
/// script or style.
pub const HELP_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/// Every static page of one language.
pub(crate) fn render(l: &LocaleContent) -> Result<StaticPages, ContentError> {
    let help_name = help_page(&l.code);
    // Relative, like every other address in index.html.
    let help_href = format!("./{help_name}");
    Ok(StaticPages {
        code: l.code.clone(),
        shell: shell(l, &help_href)?,
        noscript: noscript(l, &help_href)?,
        help: help(l)?,
        help_name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::fixture;

    fn pages(code: &str) -> StaticPages {
        let texts = if code == "en" {
            fixture::en()
        } else {
            fixture::other(code)
        };
        render(&LocaleContent::parse(&texts).unwrap()).unwrap()
    }

    #[test]
    fn the_shell_has_the_app_s_header_navigation_and_home_opening() {
        let p = pages("en");
        let s = &p.shell;
        assert!(s.starts_with("<div id=\"tend-static\" lang=\"en\">"), "{s}");
        assert!(s.contains("<a class=\"skip-link\" href=\"#main\">Skip to main content</a>"));
        assert!(s.contains(
            "<a class=\"help-now\" href=\"./help.html\" data-testid=\"help-now\">Get help now</a>"
        ));
        let hrefs: Vec<&str> = s
            .split("<li><a href=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        assert_eq!(hrefs, NAV.map(|(href, _)| href));
        assert!(s.contains("<a href=\"#/\" aria-current=\"page\">Home</a>"));
        assert!(s.contains("<h1 tabindex=\"-1\">Tend</h1><p class=\"lead\">A first paragraph.</p>"));
        assert!(s.contains("data-testid=\"start-failed\" hidden=\"\""));
        assert!(s.contains(
            "<button type=\"button\" class=\"secondary\" data-tend-retry=\"\">Try again</button>"
        ));
        assert!(s.ends_with("</footer></div>"));
        assert!(p
            .noscript
            .contains("<a href=\"./help.html\">Open the help page</a>"));
    }

    #[test]
    fn the_help_page_lists_every_region_s_lines_with_working_links() {
        let p = pages("en");
        assert_eq!(p.help_name, "help.html");
        let h = &p.help;
        assert!(h.starts_with("<!doctype html>\n<html lang=\"en\">"));
        assert!(h.contains(HELP_CSP));
        assert!(h.contains("<title>Get help now — Tend</title>"));
        assert!(h.contains("<h2>Who you can contact — United States</h2>"));
        assert!(h.contains("<h2>Who you can contact — Somewhere else</h2>"));
        assert!(h.contains("href=\"tel:988\">Call 988</a>"), "{h}");
        assert!(h.contains(
            "<strong>Call your local emergency number.</strong> Tend is not a crisis service."
        ));
        assert!(h.contains("id=\"org-contacts\""));
        assert!(h.contains("Your organisation&#39;s lines are in the app."));
        assert!(h.contains("<script src=\"./help.js\"></script>"));
        assert!(!h.contains("<script>"), "no inline script");
    }

    #[test]
    fn another_language_gets_its_own_help_page() {
        let p = pages("fr");
        assert_eq!(p.help_name, "help.fr.html");
        assert!(p.shell.contains("href=\"./help.fr.html\""));
        assert!(p.help.contains("<html lang=\"fr\">"));
        assert!(p.help.contains("Ailleurs"));
    }
}
