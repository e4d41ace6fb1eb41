//! Static markup built as text (HTML and SVG), for parts of a screen that
//! only show information (a reading, a table of scores). One `inner_html` element
//! costs far less wasm than a tree of `view!` elements, and the builder is
//! plain Rust, tested natively. Every text and attribute value is escaped;
//! the markup holds no scripts and no inline styles (the CSP forbids both).

/// Text made safe for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A growing piece of markup.
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    /// Empty markup.
    pub fn new() -> Self {
        Markup(String::new())
    }

    /// Opens `tag` with attributes (names are trusted constants; values are
    /// escaped).
    pub fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            self.0.push_str(&escape(value));
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    /// Closes `tag`.
    pub fn close(&mut self, tag: &str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// Escaped text.
    pub fn text(&mut self, text: &str) -> &mut Self {
        self.0.push_str(&escape(text));
        self
    }

    /// `<tag attrs>text</tag>`.
    pub fn element(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// A `<ul>` of plain text items (nothing when there are none).
    pub fn list<S: AsRef<str>>(&mut self, attrs: &[(&str, &str)], items: &[S]) -> &mut Self {
        if items.is_empty() {
            return self;
        }
        self.open("ul", attrs);
        for item in items {
            self.element("li", &[], item.as_ref());
        }
        self.close("ul")
    }

    /// Appends markup this module's builders already made (escaped).
    pub fn raw(&mut self, html: &str) -> &mut Self {
        self.0.push_str(html);
        self
    }

    /// The markup.
    pub fn finish(&mut self) -> String {
        std::mem::take(&mut self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes() {
        assert_eq!(
            escape(r#"<b a="x">Tom & 'Jo'</b>"#),
            "&lt;b a=&quot;x&quot;&gt;Tom &amp; &#39;Jo&#39;&lt;/b&gt;"
        );
        let html = Markup::new()
            .element(
                "p",
                &[("class", "a\"><script>")],
                "<img src=x onerror=alert(1)>",
            )
            .finish();
        assert_eq!(
            html,
            "<p class=\"a&quot;&gt;&lt;script&gt;\">&lt;img src=x onerror=alert(1)&gt;</p>"
        );
    }

    #[test]
    fn lists_skip_when_empty() {
        let none: [&str; 0] = [];
        assert_eq!(Markup::new().list(&[], &none).finish(), "");
        assert_eq!(
            Markup::new().list(&[("class", "x")], &["a", "b"]).finish(),
            "<ul class=\"x\"><li>a</li><li>b</li></ul>"
        );
    }
}
