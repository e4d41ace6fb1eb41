//! The generated interface strings: the `Strings` struct (one field per
//! flattened key, and a method filling it for each key with
//! `{placeholders}`), one static per locale, and `Locale::strings`. Kept
//! apart from the rest of the generated code so it can be replaced on its
//! own (by an i18n library's keys, say) without touching the content
//! tables.

use super::codegen::{const_name, lit};
use super::locale::{LocaleContent, Plural, CATEGORIES};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The `Strings` struct, with a field for every key English has (`ui`) (every
/// locale has the same keys; [`super::check`] makes sure). A key whose
/// English text has `{placeholders}` gets a private field and a method of
/// the same name taking one `&str` per placeholder, so a missing or
/// misspelt placeholder does not compile; every other key is a `pub`
/// field. A plural key (`plurals`) gets a private field of its forms and a
/// method taking the count first, which picks the form by the CLDR rules
/// of the locale's language (`code`).
pub(crate) fn struct_rs(
    ui: &BTreeMap<String, String>,
    plurals: &BTreeMap<String, Plural>,
) -> String {
    let mut out = String::new();
    out.push_str("/// Every interface string, one field per key of `ui.toml`.\n");
    out.push_str("#[derive(Debug, PartialEq, Eq)]\npub struct Strings {\n");
    out.push_str("    /// The locale's language code, which picks plural forms.\n");
    out.push_str("    pub code: &'static str,\n");
    for (key, plural) in plurals {
        let _ = writeln!(
            out,
            "    #[doc = {}]",
            lit(&format!("English: {}", english_forms(plural)))
        );
        let _ = writeln!(out, "    {key}: ::tend_content::render::Plural,");
    }
    for (key, text) in ui {
        let _ = writeln!(out, "    #[doc = {}]", lit(&format!("English: {text}")));
        if params(text).is_empty() {
            let _ = writeln!(out, "    pub {key}: &'static str,");
        } else {
            let _ = writeln!(out, "    {key}: &'static str,");
        }
    }
    out.push_str("}\n\n");
    let mut methods: Vec<String> = plurals
        .iter()
        .map(|(key, plural)| plural_method_rs(key, plural))
        .collect();
    methods.extend(ui.iter().filter_map(|(key, text)| method_rs(key, text)));
    methods.push(from_pack_rs(ui, plurals));
    out.push_str("impl Strings {\n");
    out.push_str(&methods.join("\n"));
    out.push_str("}\n\n");
    out
}

/// The distinct placeholders of an English string, in order of first
/// appearance: the parameters of its method.
fn params(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for name in crate::render::placeholders(text) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// A placeholder's name as a Rust parameter: a raw identifier if it is a
/// keyword.
fn ident(name: &str) -> String {
    const KEYWORDS: &[&str] = &[
        "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern",
        "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move",
        "mut", "pub", "ref", "return", "static", "struct", "trait", "true", "try", "type",
        "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
        "override", "priv", "typeof", "unsized", "virtual", "yield",
    ];
    if KEYWORDS.contains(&name) {
        format!("r#{name}")
    } else {
        name.to_owned()
    }
}

/// The method filling one key's placeholders, or `None` if its English
/// text has none.
fn method_rs(key: &str, text: &str) -> Option<String> {
    let names = params(text);
    if names.is_empty() {
        return None;
    }
    let args: Vec<String> = names
        .iter()
        .map(|n| format!("{}: &str", ident(n)))
        .collect();
    let values: Vec<String> = names
        .iter()
        .map(|n| format!("({}, {})", lit(n), ident(n)))
        .collect();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "    #[doc = {}]",
        lit(&format!("`{key}` filled in. English: {text}"))
    );
    let _ = writeln!(
        out,
        "    pub fn {key}(&self, {}) -> String {{\n        ::tend_content::render::fill(self.{key}, &[{}])\n    }}",
        args.join(", "),
        values.join(", ")
    );
    Some(out)
}

/// A plural's English forms, for its doc comment: `one: …; other: …`.
fn english_forms(plural: &Plural) -> String {
    CATEGORIES
        .iter()
        .filter_map(|c| plural.forms.get(*c).map(|text| format!("{c}: {text}")))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The method of a plural key: the count, then one `&str` per other
/// placeholder of English's `other` form; `{count}` is filled with the
/// number.
fn plural_method_rs(key: &str, plural: &Plural) -> String {
    let names: Vec<&str> = params(plural.other())
        .into_iter()
        .filter(|n| *n != "count")
        .collect();
    let mut args = vec!["count: u64".to_owned()];
    args.extend(names.iter().map(|n| format!("{}: &str", ident(n))));
    let mut values = vec!["(\"count\", count.as_str())".to_owned()];
    values.extend(names.iter().map(|n| format!("({}, {})", lit(n), ident(n))));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "    #[doc = {}]",
        lit(&format!(
            "`{key}` for `count`, in the plural form the language's CLDR rules pick for it. English: {}",
            english_forms(plural)
        ))
    );
    let _ = writeln!(
        out,
        "    pub fn {key}(&self, {}) -> String {{\n        \
         let form = self.{key}.form(crate::content::plural_category(self.code, count));\n        \
         let count = count.to_string();\n        \
         ::tend_content::render::fill(form, &[{}])\n    }}",
        args.join(", "),
        values.join(", ")
    );
    out
}

/// `Strings::from_pack`: a language's strings from its pack, through the
/// app's `content::pack::Texts`, which says which key is missing or has the
/// wrong shape.
fn from_pack_rs(ui: &BTreeMap<String, String>, plurals: &BTreeMap<String, Plural>) -> String {
    let mut out = String::from(
        "    /// A language's strings from its pack: every key English has, a\n    \
         /// plural where English has one.\n    \
         pub(crate) fn from_pack(\n        code: &'static str,\n        \
         texts: &mut crate::content::pack::Texts,\n    \
         ) -> Result<Strings, crate::content::pack::PackError> {\n        \
         Ok(Strings {\n            code,\n",
    );
    for key in plurals.keys() {
        let _ = writeln!(out, "            {key}: texts.plural({})?,", lit(key));
    }
    for key in ui.keys() {
        let _ = writeln!(out, "            {key}: texts.text({})?,", lit(key));
    }
    out.push_str("        })\n    }\n");
    out
}

/// The static holding one locale's strings.
pub(crate) fn static_rs(l: &LocaleContent) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "static {}: Strings = Strings {{",
        const_name(&l.code, "STRINGS")
    );
    let _ = writeln!(out, "    code: {},", lit(&l.code));
    for (k, plural) in &l.plurals {
        let form = |c: &str| {
            plural
                .forms
                .get(c)
                .map_or("None".to_owned(), |t| format!("Some({})", lit(t)))
        };
        let _ = writeln!(
            out,
            "    {k}: ::tend_content::render::Plural {{ zero: {}, one: {}, two: {}, few: {}, many: {}, other: {} }},",
            form("zero"),
            form("one"),
            form("two"),
            form("few"),
            form("many"),
            lit(plural.other())
        );
    }
    for (k, v) in &l.ui {
        let _ = writeln!(out, "    {k}: {},", lit(v));
    }
    out.push_str("};\n\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ui(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn struct_rs(ui: &BTreeMap<String, String>) -> String {
        super::struct_rs(ui, &BTreeMap::new())
    }

    fn plural(pairs: &[(&str, &str)]) -> Plural {
        Plural {
            file: "en/ui.toml".into(),
            forms: ui(pairs),
        }
    }

    #[test]
    fn a_plural_key_is_a_private_field_and_a_method_taking_the_count_first() {
        let plurals: BTreeMap<String, Plural> = [(
            "next_due_in".to_owned(),
            plural(&[
                ("one", "Due tomorrow, {date}."),
                ("other", "Due in {count} days, on {date}."),
            ]),
        )]
        .into_iter()
        .collect();
        let out = super::struct_rs(&BTreeMap::new(), &plurals);
        assert!(out.contains("    pub code: &'static str,"), "{out}");
        assert!(
            out.contains("    next_due_in: ::tend_content::render::Plural,"),
            "{out}"
        );
        assert!(
            out.contains(
                "    pub fn next_due_in(&self, count: u64, date: &str) -> String {\n        \
                 let form = self.next_due_in.form(crate::content::plural_category(self.code, count));\n        \
                 let count = count.to_string();\n        \
                 ::tend_content::render::fill(form, &[(\"count\", count.as_str()), (\"date\", date)])\n    }"
            ),
            "{out}"
        );
        assert!(
            out.contains(
                "English: one: Due tomorrow, {date}.; other: Due in {count} days, on {date}."
            ),
            "{out}"
        );
    }

    #[test]
    fn a_key_without_placeholders_is_a_public_field() {
        let out = struct_rs(&ui(&[("nav_home", "Home")]));
        assert!(out.contains("    pub nav_home: &'static str,"), "{out}");
        assert!(!out.contains("pub fn nav_home"), "{out}");
        assert!(out.contains("#[doc = \"English: Home\"]"), "{out}");
    }

    #[test]
    fn a_key_with_placeholders_is_a_private_field_and_a_method() {
        let out = struct_rs(&ui(&[(
            "history_delete_label",
            "Delete the {kind} of {date} ({kind})",
        )]));
        assert!(
            out.contains("    history_delete_label: &'static str,"),
            "{out}"
        );
        assert!(!out.contains("pub history_delete_label:"), "{out}");
        assert!(
            out.contains(
                "    pub fn history_delete_label(&self, kind: &str, date: &str) -> String {\n        \
                 ::tend_content::render::fill(self.history_delete_label, &[(\"kind\", kind), (\"date\", date)])\n    }"
            ),
            "{out}"
        );
    }

    #[test]
    fn a_keyword_placeholder_becomes_a_raw_identifier() {
        let out = method_rs("kind_label", "A {type} in {in}").unwrap_or_default();
        assert!(
            out.contains("pub fn kind_label(&self, r#type: &str, r#in: &str) -> String"),
            "{out}"
        );
        assert!(
            out.contains("&[(\"type\", r#type), (\"in\", r#in)]"),
            "{out}"
        );
        assert_eq!(method_rs("plain", "No placeholders"), None);
    }

    #[test]
    fn keys_with_and_without_placeholders_mix() {
        let out = struct_rs(&ui(&[("a", "x {n}"), ("b", "y")]));
        assert!(out.contains("    a: &'static str,"), "{out}");
        assert!(out.contains("    pub b: &'static str,"), "{out}");
    }
}
