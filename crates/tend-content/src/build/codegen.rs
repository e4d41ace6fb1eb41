//! The generated `locales.rs` that the app's `src/content/mod.rs` includes:
//! the `Locale` enum, each locale's content tables (pages, regions, the
//! reading list), the written text behind the fragments (for the app's
//! tests) and `FRAGMENTS`. The interface strings come from
//! [`super::strings`]. Every name here is one the app's code uses.

use super::error::ContentError;
use super::fragments::{Fragment, LocaleFragments};
use super::locale::{ContactKind, HelpFile, LocaleContent, PageFile, ResourcesFile};
use super::strings;
use std::fmt::Write as _;

/// A Rust string literal for `s`.
pub(crate) fn lit(s: &str) -> String {
    format!("{s:?}")
}

/// The `Locale` variant for a code, in upper camel case: `en` is `En`,
/// `pt-BR` is `PtBr`.
pub(crate) fn variant(code: &str) -> String {
    code.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_ascii_uppercase().to_string() + &chars.as_str().to_ascii_lowercase()
            })
        })
        .collect()
}

/// The name of one locale's static table: `EN_STRINGS`, `PT_BR_CONTENT`.
pub(crate) fn const_name(code: &str, what: &str) -> String {
    format!("{}_{what}", code.to_ascii_uppercase().replace('-', "_"))
}

fn covers(list: &[String]) -> String {
    let items: Vec<String> = list.iter().map(|c| lit(c)).collect();
    format!("&[{}]", items.join(", "))
}

fn pages(list: &PageFile, bodies: &[Fragment]) -> String {
    let mut out = String::from("&[");
    for (p, body) in list.page.iter().zip(bodies) {
        let _ = write!(
            out,
            "Page {{ slug: {}, title: {}, summary: {}, body: {} }},",
            lit(&p.slug),
            lit(&p.title),
            lit(&p.summary),
            lit(&body.path)
        );
    }
    out.push(']');
    out
}

fn page_sources(list: &PageFile, bodies: &[Fragment]) -> String {
    let mut out = String::from("&[");
    for (p, body) in list.page.iter().zip(bodies) {
        let _ = write!(
            out,
            "PageSource {{ slug: {}, body: {}, sections: &[",
            lit(&p.slug),
            lit(&body.path)
        );
        for s in &p.section {
            let _ = write!(
                out,
                "Section {{ heading: {}, covers: {}, body: {} }},",
                lit(&s.heading),
                covers(&s.covers),
                lit(&s.body)
            );
        }
        out.push_str("] },");
    }
    out.push(']');
    out
}

fn regions(help: &HelpFile) -> String {
    let mut out = String::from("&[");
    for r in &help.region {
        let _ = write!(
            out,
            "Region {{ id: {}, name: {}, note: {}, contacts: &[",
            lit(&r.id),
            lit(&r.name),
            lit(&r.note)
        );
        for c in &r.contact {
            let kind = match c.kind {
                ContactKind::Phone => "ContactKind::Phone",
                ContactKind::Text => "ContactKind::Text",
                ContactKind::Web => "ContactKind::Web",
            };
            let _ = write!(
                out,
                "Contact {{ label: {}, detail: {}, kind: {kind}, value: {} }},",
                lit(&c.label),
                lit(&c.detail),
                lit(&c.value)
            );
        }
        out.push_str("] },");
    }
    out.push(']');
    out
}

fn books(res: &ResourcesFile) -> String {
    let mut out = String::from("&[");
    for b in &res.book {
        let _ = write!(
            out,
            "Book {{ id: {}, title: {}, author: {}, publisher: {}, description: {}, covers: {} }},",
            lit(&b.id),
            lit(&b.title),
            lit(&b.author),
            lit(&b.publisher),
            lit(&b.description),
            covers(&b.covers)
        );
    }
    out.push(']');
    out
}

/// The arms of a `match self` method of `Locale` returning `&<const>` per
/// locale.
pub(crate) fn table_accessor(out: &mut String, locales: &[LocaleContent], what: &str) {
    locale_arms(out, locales, "            ", "&", what);
}

/// One `Locale::X => <prefix><CODE_what>,` arm per locale, indented by
/// `indent`: the body of every per-locale `match` the build writes.
pub(crate) fn locale_arms(
    out: &mut String,
    locales: &[LocaleContent],
    indent: &str,
    prefix: &str,
    what: &str,
) {
    for l in locales {
        let _ = writeln!(
            out,
            "{indent}Locale::{} => {prefix}{},",
            variant(&l.code),
            const_name(&l.code, what)
        );
    }
}

/// The `Locale` enum and its methods. `packs` are each locale's pack, in
/// the order of `locales`.
fn locale_enum(locales: &[LocaleContent], packs: &[Fragment]) -> Result<String, ContentError> {
    let mut out = String::new();
    out.push_str("/// A language Tend ships, generated from the folders under `locales/`.\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Locale {\n");
    for l in locales {
        let _ = writeln!(out, "    /// `{}`", l.code);
        let _ = writeln!(out, "    {},", variant(&l.code));
    }
    out.push_str("}\n\n");

    out.push_str("impl Locale {\n");
    out.push_str("    /// Every shipped locale, English first.\n");
    let all: Vec<String> = locales
        .iter()
        .map(|l| format!("Locale::{}", variant(&l.code)))
        .collect();
    let _ = writeln!(
        out,
        "    pub const ALL: &'static [Locale] = &[{}];",
        all.join(", ")
    );
    let mut code = String::new();
    let mut name = String::new();
    let mut pack = String::new();
    let mut text = String::new();
    for (i, (l, p)) in locales.iter().zip(packs).enumerate() {
        let v = variant(&l.code);
        let _ = writeln!(code, "            Locale::{v} => {},", lit(&l.code));
        let self_name = l.string("language_self_name")?;
        let _ = writeln!(name, "            Locale::{v} => {},", lit(self_name));
        // English is compiled in; every other language is fetched.
        let path = if i == 0 {
            "None".to_owned()
        } else {
            format!("Some({})", lit(&p.path))
        };
        let _ = writeln!(pack, "            Locale::{v} => {path},");
        let _ = writeln!(
            text,
            "            Locale::{v} => include_str!(concat!(env!(\"OUT_DIR\"), {})),",
            lit(&format!("/{}", p.path))
        );
    }
    let method = |out: &mut String, doc: &str, sig: &str, arms: &str| {
        let _ = write!(
            out,
            "{doc}    pub fn {sig} {{\n        match self {{\n{arms}        }}\n    }}\n"
        );
    };
    method(
        &mut out,
        "    /// The BCP 47 language code.\n",
        "code(self) -> &'static str",
        &code,
    );
    method(
        &mut out,
        "    /// The language's name in itself (`English`, `Español`), for the\n    /// language switch, which shows every language before any is loaded.\n",
        "self_name(self) -> &'static str",
        &name,
    );
    method(
        &mut out,
        "    /// Where the app fetches this language's pack from, relative to\n    /// `index.html`; `None` for English, which is compiled in.\n",
        "pack(self) -> Option<&'static str>",
        &pack,
    );
    method(
        &mut out,
        "    /// This language's pack as the build wrote it (English's too), for\n    /// tests and native builds; the app fetches [`Locale::pack`] instead, so\n    /// this is not in its wasm.\n",
        "pack_text(self) -> &'static str",
        &text,
    );
    out.push_str("    /// The written text behind this locale's fragments (for tests; the\n    /// app never calls this, so it is not in the wasm).\n    pub fn sources(self) -> &'static Sources {\n        match self {\n");
    table_accessor(&mut out, locales, "SOURCES");
    out.push_str("        }\n    }\n}\n\n");
    Ok(out)
}

/// Every fragment's path as a Rust constant, for whatever must know them
/// all (a service worker's precache list, the tests).
fn fragment_list(fragments: &[LocaleFragments]) -> String {
    let mut out = String::from(
        "/// Every fetched fragment, as a path relative to `index.html`.\npub const FRAGMENTS: &[&str] = &[\n",
    );
    for f in fragments.iter().flat_map(LocaleFragments::all) {
        let _ = writeln!(out, "    {},", lit(&f.path));
    }
    out.push_str("];\n\n");
    out
}

/// The whole of `locales.rs`. `locales` start with English, the one
/// language compiled in: only its strings and content become statics;
/// every locale gets its `Sources` (for tests). `fragments` and `packs` are
/// each locale's, in the same order as `locales`.
pub(crate) fn locales_rs(
    locales: &[LocaleContent],
    fragments: &[LocaleFragments],
    packs: &[Fragment],
) -> Result<String, ContentError> {
    let mut out = String::new();
    if let Some(en) = locales.first() {
        out.push_str(&strings::struct_rs(&en.ui, &en.plurals));
    }
    out.push_str(&locale_enum(locales, packs)?);
    out.push_str(&fragment_list(fragments));
    if let (Some(en), Some(f)) = (locales.first(), fragments.first()) {
        out.push_str(&strings::static_rs(en));
        let _ = writeln!(
            out,
            "static {}: Content = Content {{ learn: {}, leaders: {}, regions: {}, reading_list: {} }};\n",
            const_name(&en.code, "CONTENT"),
            pages(&en.learn, &f.learn),
            pages(&en.leaders, &f.leaders),
            regions(&en.help),
            lit(&f.reading_list.path)
        );
    }
    for (l, f) in locales.iter().zip(fragments) {
        let _ = writeln!(
            out,
            "static {}: Sources = Sources {{ learn: {}, leaders: {}, books: {} }};\n",
            const_name(&l.code, "SOURCES"),
            page_sources(&l.learn, &f.learn),
            page_sources(&l.leaders, &f.leaders),
            books(&l.resources)
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_become_variants_and_constant_names() {
        assert_eq!(variant("en"), "En");
        assert_eq!(variant("pt-BR"), "PtBr");
        assert_eq!(variant("en-XA"), "EnXa");
        assert_eq!(const_name("pt-BR", "STRINGS"), "PT_BR_STRINGS");
        assert_eq!(lit("a \"b\"\n"), r#""a \"b\"\n""#);
    }
}
