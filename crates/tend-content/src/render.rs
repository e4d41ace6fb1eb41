//! Renders content written in the small content markup ([`crate::markup`])
//! as static HTML (see [`crate::html`]). Pure text in, text out, with no
//! dependency beyond those two modules: the app uses it for the short bodies
//! it shows itself, and the build pipeline uses it to write the long pages
//! (Learn, leaders' guide, reading list, each strategy's why and steps) as
//! HTML fragments that the app fetches when one is opened. One renderer, so
//! escaping and markup are the same everywhere and tested here.

use crate::html::Markup;
use crate::markup::{self, Block};

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

/// The sections of a page, given as `(heading, body)` pairs, each under its
/// own heading.
pub fn sections_html<'a>(sections: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut m = Markup::new();
    for (heading, body) in sections {
        m.open("section", &[("class", "content-section")])
            .element("h2", &[], heading);
        body_html(&mut m, body);
        m.close("section");
    }
    m.finish()
}

/// The body of one strategy's page: why it helps (prose under
/// `why_heading`) and its steps (the one markup list in `steps`) as a
/// numbered list under `steps_heading`.
pub fn strategy_html(why_heading: &str, why: &str, steps_heading: &str, steps: &str) -> String {
    let mut m = Markup::new();
    m.open("section", &[("aria-labelledby", "why-heading")])
        .element("h2", &[("id", "why-heading")], why_heading);
    body_html(&mut m, why);
    m.close("section");
    m.open("section", &[("aria-labelledby", "steps-heading")])
        .element("h2", &[("id", "steps-heading")], steps_heading)
        .open("ol", &[("class", "strategy-steps")]);
    for block in markup::parse(steps) {
        if let Block::List(items) = block {
            for item in items {
                m.element("li", &[], item);
            }
        }
    }
    m.close("ol").close("section");
    m.finish()
}

/// One crisis or support line, ready to show: who answers, when and how,
/// the link that calls, texts or opens it, and the link's words
/// ("Call 988").
pub struct ContactEntry<'a> {
    /// Who answers.
    pub label: &'a str,
    /// When and how.
    pub detail: &'a str,
    /// `tel:…`, `sms:…` or `https://…`.
    pub href: &'a str,
    /// The link's words.
    pub action: &'a str,
}

/// A region's note and lines: each line a card with its name, its detail
/// and a button-styled link. Get help in the app and the static `help.html`
/// both write lines with this.
pub fn contacts_html<'a>(
    note: &str,
    contacts: impl IntoIterator<Item = ContactEntry<'a>>,
) -> String {
    let mut m = Markup::new();
    if !note.is_empty() {
        m.element("p", &[], note);
    }
    m.open(
        "ul",
        &[("class", "contact-list"), ("data-testid", "contacts")],
    );
    for c in contacts {
        m.open("li", &[("class", "contact card")]);
        m.element("h3", &[], c.label).element("p", &[], c.detail);
        m.element(
            "a",
            &[("class", "button contact-action"), ("href", c.href)],
            c.action,
        );
        m.close("li");
    }
    m.close("ul");
    m.finish()
}

/// One entry of the reading list, as text.
pub struct BookEntry<'a> {
    /// Full title.
    pub title: &'a str,
    /// Author.
    pub author: &'a str,
    /// Publisher.
    pub publisher: &'a str,
    /// One line, in Tend's own words.
    pub description: &'a str,
}

/// The reading list: title, author, publisher and a line about each book,
/// with no outbound links. `by` and `published_by` are the locale's
/// templates with `{author}` and `{publisher}` placeholders.
pub fn books_html<'a>(
    by: &str,
    published_by: &str,
    books: impl IntoIterator<Item = BookEntry<'a>>,
) -> String {
    let mut m = Markup::new();
    m.open("ul", &[("class", "book-list")]);
    for b in books {
        m.open("li", &[("class", "card")]);
        m.element("h2", &[("class", "book-title")], b.title);
        m.open("p", &[("class", "book-meta")])
            .text(&fill(by, &[("author", b.author)]))
            .text(" · ")
            .text(&fill(published_by, &[("publisher", b.publisher)]))
            .close("p");
        m.element("p", &[], b.description);
        m.close("li");
    }
    m.close("ul");
    m.finish()
}

/// The `{name}` placeholders of a locale string, in order of appearance
/// (a name is lower-case letters, digits and `_`; any other brace is text).
pub fn placeholders(template: &str) -> Vec<&str> {
    pieces(template)
        .filter_map(|piece| match piece {
            Piece::Placeholder(name) => Some(name),
            Piece::Text(_) => None,
        })
        .collect()
}

/// Fills the `{name}` placeholders of a locale string in one pass: each
/// named value is put in as it is, and never read again, so a value that
/// itself holds `{min}` (a label from a loaded file) stays as written. A
/// placeholder with no value is left in place.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    for piece in pieces(template) {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Placeholder(name) => match values.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => out.push_str(value),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    out
}

/// A counted interface string: its text for each CLDR plural category the
/// language uses. Which category a number falls in is the language's
/// business (the app asks its plural rules); this only holds the forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural {
    /// For zero, in languages that have the category (Arabic, Latvian…).
    pub zero: Option<&'static str>,
    /// For one (and, in some languages, other numbers such as 21).
    pub one: Option<&'static str>,
    /// For two, in languages that have the category.
    pub two: Option<&'static str>,
    /// For a few, in languages that have the category.
    pub few: Option<&'static str>,
    /// For many, in languages that have the category.
    pub many: Option<&'static str>,
    /// Every other number: always present.
    pub other: &'static str,
}

impl Plural {
    /// The form for a CLDR plural category (`zero`, `one`, `two`, `few`,
    /// `many`, `other`); `other` when the string lacks that form or the
    /// category is unknown.
    pub fn form(&self, category: &str) -> &'static str {
        let form = match category {
            "zero" => self.zero,
            "one" => self.one,
            "two" => self.two,
            "few" => self.few,
            "many" => self.many,
            _ => None,
        };
        form.unwrap_or(self.other)
    }
}

/// A run of a locale string: plain text, or a placeholder's name.
enum Piece<'a> {
    Text(&'a str),
    Placeholder(&'a str),
}

/// A locale string split into text and placeholders.
fn pieces(template: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = template;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let placeholder = rest.strip_prefix('{').and_then(|after| {
            let end = after.find('}')?;
            let name = &after[..end];
            let valid = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            valid.then_some((name, &after[end + 1..]))
        });
        if let Some((name, after)) = placeholder {
            rest = after;
            return Some(Piece::Placeholder(name));
        }
        // Plain text runs to the next brace (a brace that opens no
        // placeholder is text too).
        // `rest` starts with a brace (one byte) or with text up to one.
        let skip = usize::from(rest.starts_with('{'));
        let end = rest[skip..].find('{').map_or(rest.len(), |i| i + skip);
        let (text, after) = rest.split_at(end);
        rest = after;
        Some(Piece::Text(text))
    })
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
    fn sections_each_get_a_heading() {
        assert_eq!(
            sections_html([("One <1>", "a"), ("Two", "- b")]),
            "<section class=\"content-section\"><h2>One &lt;1&gt;</h2><p>a</p></section>\
             <section class=\"content-section\"><h2>Two</h2><ul><li>b</li></ul></section>"
        );
    }

    #[test]
    fn strategy_steps_are_numbered_under_their_heading() {
        assert_eq!(
            strategy_html("Why", "A & B.", "Steps", "- one\n- <two>"),
            "<section aria-labelledby=\"why-heading\"><h2 id=\"why-heading\">Why</h2><p>A &amp; B.</p></section>\
             <section aria-labelledby=\"steps-heading\"><h2 id=\"steps-heading\">Steps</h2>\
             <ol class=\"strategy-steps\"><li>one</li><li>&lt;two&gt;</li></ol></section>"
        );
    }

    #[test]
    fn books_fill_the_templates_and_escape() {
        let html = books_html(
            "by {author}",
            "Published by {publisher}",
            [BookEntry {
                title: "T & U",
                author: "A",
                publisher: "<P>",
                description: "D",
            }],
        );
        assert_eq!(
            html,
            "<ul class=\"book-list\"><li class=\"card\"><h2 class=\"book-title\">T &amp; U</h2>\
             <p class=\"book-meta\">by A · Published by &lt;P&gt;</p><p>D</p></li></ul>"
        );
    }

    #[test]
    fn a_plural_falls_back_to_other_for_a_form_it_lacks() {
        let used = Plural {
            zero: None,
            one: Some("Done once"),
            two: None,
            few: None,
            many: None,
            other: "Done {count} times",
        };
        assert_eq!(used.form("one"), "Done once");
        assert_eq!(used.form("other"), "Done {count} times");
        assert_eq!(used.form("few"), "Done {count} times");
        assert_eq!(used.form("nonsense"), "Done {count} times");
    }

    #[test]
    fn fill_puts_values_in_once_and_never_reads_them_again() {
        // A band label from a loaded file may hold braces of its own.
        assert_eq!(
            fill(
                "{label}: {min} to {max}",
                &[("label", "Low {min}"), ("min", "0"), ("max", "1.4")]
            ),
            "Low {min}: 0 to 1.4"
        );
        assert_eq!(fill("{a}{b}", &[("b", "{a}"), ("a", "x")]), "x{a}");
        assert_eq!(fill("no {value} here", &[]), "no {value} here");
        assert_eq!(
            fill("{ not one } {Upper} {}", &[("Upper", "u")]),
            "{ not one } {Upper} {}"
        );
        assert_eq!(fill("é {n} ü", &[("n", "1")]), "é 1 ü");
    }

    #[test]
    fn placeholders_are_listed_in_order() {
        assert_eq!(placeholders("{n} of {total}, {n}"), ["n", "total", "n"]);
        assert_eq!(placeholders("{ x } {X} {} {a-b}"), Vec::<&str>::new());
        assert_eq!(placeholders("{{date}}"), ["date"]);
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(
            fill("{n} of {total}", &[("n", "2"), ("total", "5")]),
            "2 of 5"
        );
    }
}
