//! The generated interface strings: the `Strings` struct (one field per
//! flattened key), one static per locale, and `Locale::strings`. Kept
//! apart from the rest of the generated code so it can be replaced on its
//! own (by an i18n library's keys, say) without touching the content
//! tables.

use super::codegen::{const_name, lit, variant};
use super::locale::LocaleContent;
use std::fmt::Write as _;

/// The `Strings` struct, with a field for every key English has (every
/// locale has the same keys; [`super::check`] makes sure).
pub(crate) fn struct_rs(en: &LocaleContent) -> String {
    let mut out = String::new();
    out.push_str("/// Every interface string, one field per key of `ui.toml`.\n");
    out.push_str("#[derive(Debug)]\npub struct Strings {\n");
    for key in en.ui.keys() {
        let _ = writeln!(out, "    pub {key}: &'static str,");
    }
    out.push_str("}\n\n");
    out
}

/// The `Locale::strings` method, for inside `impl Locale`.
pub(crate) fn accessor_rs(locales: &[LocaleContent]) -> String {
    let mut out = String::from(
        "    /// The interface strings of this locale.\n    pub fn strings(self) -> &'static Strings {\n        match self {\n",
    );
    for l in locales {
        let _ = writeln!(
            out,
            "            Locale::{} => &{},",
            variant(&l.code),
            const_name(&l.code, "STRINGS")
        );
    }
    out.push_str("        }\n    }\n");
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
    for (k, v) in &l.ui {
        let _ = writeln!(out, "    {k}: {},", lit(v));
    }
    out.push_str("};\n\n");
    out
}
