//! What the app's `build.rs` does with `locales/<code>/*.toml`:
//!
//! 1. [`read_locales`] reads every locale folder, English first: the
//!    `ui*.toml` interface strings, `learn.toml`, `leaders.toml`,
//!    `help.toml`, `resources.toml` and `strategies.toml`.
//! 2. [`generate`] parses them (interface strings flattened to
//!    `section_key` names), checks every other locale against English
//!    (the same keys, page slugs, section counts, coverage tags, region ids,
//!    books, strategy ids and tags), renders the long pages to HTML
//!    fragments named by a hash of their text, and writes the Rust the app
//!    includes: `locales.rs` (the `Strings` struct, the `Locale` enum, the
//!    content tables, `FRAGMENTS`) and `strategies.rs` (the strategy
//!    library).
//! 3. [`Generated::write`] puts it all in `OUT_DIR`: the two Rust files and
//!    `content/<code>/*.html` with `content/manifest.txt`.
//!
//! [`run`] does the three. Nothing here panics: every problem is a
//! [`ContentError`] naming the file, key, page or strategy.

mod check;
mod codegen;
mod error;
mod fragments;
mod locale;
mod strategies;
mod strings;

#[cfg(test)]
mod fixture;

pub use error::{ContentError, Difference, IoAction, KeyProblem, StrategyProblem};
pub use fragments::Fragment;
pub use locale::{read_locales, LocaleTexts, SourceFile};

use fragments::LocaleFragments;
use locale::LocaleContent;
use std::path::{Path, PathBuf};

/// Everything a build produces from the locale files, not yet written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    /// `locales.rs`: the `Strings` struct, the `Locale` enum, each locale's
    /// strings and content tables, and `FRAGMENTS`.
    pub locales_rs: String,
    /// `strategies.rs`: the strategy library of every locale.
    pub strategies_rs: String,
    fragments: Vec<LocaleFragments>,
}

impl Generated {
    /// Every fragment, in the order of the manifest and of `FRAGMENTS`.
    pub fn fragments(&self) -> impl Iterator<Item = &Fragment> {
        self.fragments.iter().flat_map(LocaleFragments::all)
    }

    /// The manifest: every fragment's path, one a line.
    pub fn manifest(&self) -> String {
        fragments::manifest(&self.fragments)
    }

    /// Writes `locales.rs`, `strategies.rs`, the fragments and
    /// `content/manifest.txt` into `out_dir`, replacing the fragments of an
    /// earlier build.
    pub fn write(&self, out_dir: &Path) -> Result<(), ContentError> {
        fragments::write(out_dir, &self.fragments)?;
        fragments::write_file(&out_dir.join("locales.rs"), &self.locales_rs)?;
        fragments::write_file(&out_dir.join("strategies.rs"), &self.strategies_rs)
    }
}

/// Parses and checks every locale (English first, the reference) and
/// generates the Rust and the fragments.
pub fn generate(texts: &[LocaleTexts]) -> Result<Generated, ContentError> {
    let locales = texts
        .iter()
        .map(LocaleContent::parse)
        .collect::<Result<Vec<_>, _>>()?;
    let Some((en, others)) = locales.split_first().filter(|(en, _)| en.code == "en") else {
        return Err(ContentError::NoEnglish);
    };
    for other in others {
        check::against_english(en, other)?;
    }
    let fragments = locales
        .iter()
        .map(fragments::render)
        .collect::<Result<Vec<_>, _>>()?;
    let compiled = strategies::compile_all(&locales)?;
    Ok(Generated {
        locales_rs: codegen::locales_rs(&locales, &fragments),
        strategies_rs: strategies::library_rs(&locales, &compiled, &fragments),
        fragments,
    })
}

/// Reads `locales_dir`, checks and generates, and writes the result into
/// `out_dir`. Returns every path it read, for `cargo:rerun-if-changed`.
pub fn run(locales_dir: &Path, out_dir: &Path) -> Result<Vec<PathBuf>, ContentError> {
    let (texts, read) = read_locales(locales_dir)?;
    generate(&texts)?.write(out_dir)?;
    Ok(read)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_locales() -> Generated {
        generate(&[fixture::en(), fixture::other("fr")]).unwrap()
    }

    #[test]
    fn english_must_come_first() {
        let got = generate(&[fixture::other("fr"), fixture::en()]);
        assert_eq!(got, Err(ContentError::NoEnglish));
        assert_eq!(generate(&[]), Err(ContentError::NoEnglish));
        assert!(generate(&[fixture::en()]).is_ok());
    }

    #[test]
    fn locales_rs_has_what_the_app_uses() {
        let rs = two_locales().locales_rs;
        for needed in [
            "pub struct Strings {\n",
            "    pub home_title: &'static str,\n",
            "    pub library_why_heading: &'static str,\n",
            "pub enum Locale {\n    /// `en`\n    En,\n    /// `fr`\n    Fr,\n}",
            "pub const ALL: &'static [Locale] = &[Locale::En, Locale::Fr];",
            "pub fn code(self) -> &'static str {",
            "Locale::Fr => \"fr\",",
            "pub fn strings(self) -> &'static Strings {",
            "Locale::Fr => &FR_STRINGS,",
            "pub fn content(self) -> &'static Content {",
            "Locale::En => &EN_CONTENT,",
            "pub fn sources(self) -> &'static Sources {",
            "Locale::Fr => &FR_SOURCES,",
            "pub const FRAGMENTS: &[&str] = &[\n",
            "static EN_STRINGS: Strings = Strings {\n",
            "    home_title: \"Tend\",\n",
            "    home_title: \"Tend (translated)\",\n",
            "static FR_CONTENT: Content = Content { learn: &[Page { slug: \"what-it-is\", title: \"What it is\", summary: \"Plusieurs noms, one thing.\", body: \"content/fr/learn-what-it-is.",
            "regions: &[Region { id: \"us\", name: \"United States\", note: \"Free, any time.\", contacts: &[Contact { label: \"988 Lifeline\", detail: \"Call or text\", kind: ContactKind::Phone, value: \"988\" },] },Region { id: \"other\", name: \"Ailleurs\", note: \"\", contacts: &[] },]",
            "reading_list: \"content/en/resources.",
            "static EN_SOURCES: Sources = Sources { learn: &[PageSource { slug: \"what-it-is\", body: \"content/en/learn-what-it-is.",
            "sections: &[Section { heading: \"Many names\", covers: &[\"DEF-1\"], body: ",
            "covers: &[\"DEF-2\", \"DEF-3\"]",
            "books: &[Book { id: \"trauma-stewardship\", title: \"Trauma Stewardship\", author: \"Laura van Dernoot Lipsky\", publisher: \"Berrett-Koehler\", description: \"Caring for yourself while caring for others.\", covers: &[\"BOOK-1\"] },]",
        ] {
            assert!(rs.contains(needed), "locales.rs lacks {needed:?}\n\n{rs}");
        }
        assert_eq!(rs.matches('{').count(), rs.matches('}').count());
    }

    #[test]
    fn strategies_rs_has_what_the_app_uses() {
        let rs = two_locales().strategies_rs;
        for needed in [
            "use tend_core::domain::practice::Practice;\n",
            "use tend_core::domain::strategy::{Fit, HelpsWith, Source, Strategy, TimeNeeded};\n",
            "static EN_STRATEGIES: &[Strategy] = &[\n",
            "    Strategy { id: \"paced-breathing\", title: \"Paced breathing\", summary: \"Slow your breath.\", body: \"content/en/strategy-paced-breathing.",
            "time: TimeNeeded::Under2Minutes, fits: &[Fit::DuringWork, Fit::AfterShift], sources: &[Source::Help1], helps: &[HelpsWith::Arousal], practice: Some(Practice::PacedBreathing) },",
            "sources: &[Source::CeCert2, Source::Workplace], helps: &[HelpsWith::Burnout, HelpsWith::Sleep], practice: None },",
            "summary: \"Ralentir.\"",
            "pub fn strategies(locale: Locale) -> &'static [Strategy] {",
            "        Locale::Fr => FR_STRATEGIES,\n",
            "static FR_STRATEGY_SOURCES: &[StrategySource] = &[\n",
            "    StrategySource { id: \"shift-end\", body: \"content/fr/strategy-shift-end.",
            "why: \"A ritual marks the line.\", steps: \"- Lavez vos hands.\\n- Name one thing that went well.\\n\" },",
            "pub fn strategy_sources(locale: Locale) -> &'static [StrategySource] {",
            "        Locale::En => EN_STRATEGY_SOURCES,\n",
        ] {
            assert!(rs.contains(needed), "strategies.rs lacks {needed:?}\n\n{rs}");
        }
        assert_eq!(rs.matches('{').count(), rs.matches('}').count());
    }

    #[test]
    fn the_generated_code_names_every_fragment_once() {
        let g = two_locales();
        let paths: Vec<&str> = g.fragments().map(|f| f.path.as_str()).collect();
        assert_eq!(paths.len(), 2 * 5);
        assert_eq!(g.manifest().lines().collect::<Vec<_>>(), paths);
        let list = g
            .locales_rs
            .split("pub const FRAGMENTS: &[&str] = &[\n")
            .nth(1)
            .and_then(|rest| rest.split("];").next())
            .unwrap();
        let listed: Vec<String> = list
            .lines()
            .map(|l| l.trim().trim_end_matches(',').to_string())
            .collect();
        let quoted: Vec<String> = paths.iter().map(|p| format!("{p:?}")).collect();
        assert_eq!(listed, quoted);
        for path in &paths {
            let uses = g.locales_rs.matches(path).count() + g.strategies_rs.matches(path).count();
            // Listed in FRAGMENTS and named by its page or strategy and by
            // its source; the reading list has no source naming it.
            let expected = if path.contains("/resources.") { 2 } else { 3 };
            assert_eq!(uses, expected, "{path}");
        }
    }

    #[test]
    fn a_locale_that_differs_stops_the_build_before_anything_is_generated() {
        let mut fr = fixture::other("fr");
        fr.ui[0].text = fr.ui[0].text.replace("lead = ", "# lead = ");
        let err = generate(&[fixture::en(), fr]).map(|_| ());
        assert_eq!(
            err.map_err(|e| e.to_string()),
            Err("fr/ui.toml is missing `home_lead`".to_string())
        );
    }

    #[test]
    fn run_writes_everything_and_returns_what_it_read() {
        let locales = fixture::TempDir::new("run-locales");
        locales.write_locale(&fixture::en());
        locales.write_locale(&fixture::other("fr"));
        let out = fixture::TempDir::new("run-out");
        let read = run(locales.path(), out.path()).unwrap();
        assert_eq!(read.len(), 1 + 2 * 6);
        let g = two_locales();
        let written = |name: &str| std::fs::read_to_string(out.path().join(name)).unwrap();
        assert_eq!(written("locales.rs"), g.locales_rs);
        assert_eq!(written("strategies.rs"), g.strategies_rs);
        assert_eq!(written("content/manifest.txt"), g.manifest());
        for f in g.fragments() {
            assert_eq!(written(&f.path), f.html);
        }
    }
}
