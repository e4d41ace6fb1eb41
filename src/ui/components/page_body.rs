//! Renders content sections written in the small content markup, as static
//! markup (see [`crate::html`]): content pages only show text.

use crate::content::markup::{self, Block};
use crate::content::Section;
use crate::html::Markup;
use leptos::prelude::*;

/// Appends one content body (paragraphs, lists and tables) to `m`.
pub fn body_html(m: &mut Markup, body: &str) {
    for block in markup::parse(body) {
        match block {
            Block::Paragraph(text) => {
                m.element("p", &[], &text);
            }
            Block::List(items) => {
                m.list(&[], &items);
            }
            Block::Table { head, rows } => {
                m.open("div", &[("class", "table-wrap")]).open("table", &[]);
                m.open("thead", &[]).open("tr", &[]);
                for h in head {
                    m.element("th", &[("scope", "col")], h);
                }
                m.close("tr").close("thead").open("tbody", &[]);
                for row in rows {
                    m.open("tr", &[]);
                    let mut cells = row.into_iter();
                    m.element("th", &[("scope", "row")], cells.next().unwrap_or_default());
                    for c in cells {
                        m.element("td", &[], c);
                    }
                    m.close("tr");
                }
                m.close("tbody").close("table").close("div");
            }
        }
    }
}

/// The sections of a page, each under its own heading, as markup.
pub fn sections_html(sections: &[Section]) -> String {
    let mut m = Markup::new();
    for s in sections {
        m.open("section", &[("class", "content-section")])
            .element("h2", &[], s.heading);
        body_html(&mut m, s.body);
        m.close("section");
    }
    m.finish()
}

/// One content body.
#[component]
pub fn Body(body: &'static str) -> impl IntoView {
    let mut m = Markup::new();
    body_html(&mut m, body);
    view! { <div class="content-body" inner_html=m.finish()></div> }
}

/// The sections of a page, each under its own heading.
#[component]
pub fn Sections(sections: &'static [Section]) -> impl IntoView {
    view! { <div class="content-sections" inner_html=sections_html(sections)></div> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_every_block_kind_escaped() {
        let mut m = Markup::new();
        body_html(
            &mut m,
            "A & B.\n\n- one\n- <two>\n\n| H1 | H2 |\n| r1 | c1 |\n",
        );
        assert_eq!(
            m.finish(),
            "<p>A &amp; B.</p><ul><li>one</li><li>&lt;two&gt;</li></ul>\
             <div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">H1</th><th scope=\"col\">H2</th></tr></thead>\
             <tbody><tr><th scope=\"row\">r1</th><td>c1</td></tr></tbody></table></div>"
        );
    }

    #[test]
    fn every_page_renders_each_section_heading() {
        for locale in crate::content::Locale::ALL {
            for page in locale
                .content()
                .learn
                .iter()
                .chain(locale.content().leaders)
            {
                let html = sections_html(page.sections);
                assert_eq!(
                    html.matches("<h2>").count(),
                    page.sections.len(),
                    "{}",
                    page.slug
                );
            }
        }
    }
}
