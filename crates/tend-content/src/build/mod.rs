//! What the app's `build.rs` does with `locales/<code>/*.toml`:
//!
//! 1. [`read_locales`] reads every locale folder, English first: the
//!    `ui*.toml` interface strings, `learn.toml`, `leaders.toml`,
//!    `help.toml`, `resources.toml` and `strategies.toml`.
//! 2. [`generate`] parses them (interface strings flattened to
//!    `section_key` names), checks every other locale against English
//!    (the same keys, page slugs, section counts, coverage tags, region ids,
//!    books, strategy ids and tags), renders the long pages to HTML
//!    fragments named by a hash of their text, writes each language's
//!    [`crate::pack::Pack`] as JSON named the same way, and writes the Rust
//!    the app includes: `locales.rs` (the `Strings` struct, the `Locale`
//!    enum, English's strings and content, `FRAGMENTS`) and
//!    `strategies.rs` (English's strategy library). English is the one
//!    language compiled in; the others are their packs, so a new language
//!    adds files beside the app and nothing to the wasm.
//! 3. [`Generated::write`] puts it all in `OUT_DIR`: the two Rust files,
//!    `content/<code>/*.html` and `content/<code>/pack.*.json`, with
//!    `content/manifest.txt` listing what the site serves.
//!
//! [`run`] does the three. Nothing here panics: every problem is a
//! [`ContentError`] naming the file, key, page or strategy.

mod check;
mod codegen;
mod error;
mod fragments;
mod instruments;
mod locale;
mod pack;
pub mod pseudo;
pub mod statics;
mod strategies;
mod strings;

#[cfg(test)]
mod fixture;

pub use error::{ContentError, Difference, IoAction, KeyProblem, StrategyProblem};
pub use fragments::Fragment;
pub use locale::{read_instruments, read_locales, LocaleTexts, SourceFile};

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
    /// Each locale's pack, in the order of the locales (English's first:
    /// written for the tests, not served).
    packs: Vec<Fragment>,
    /// Each locale's pages that need no wasm, in the order of the locales.
    pub statics: Vec<statics::StaticPages>,
}

impl Generated {
    /// Every fragment, in the order of the manifest and of `FRAGMENTS`.
    pub fn fragments(&self) -> impl Iterator<Item = &Fragment> {
        self.fragments.iter().flat_map(LocaleFragments::all)
    }

    /// The packs the site serves: every language's but English's.
    pub fn served_packs(&self) -> impl Iterator<Item = &Fragment> {
        self.packs.iter().skip(1)
    }

    /// The manifest of what the site serves from `content/`: every
    /// fragment's path, then every served pack's, one a line.
    pub fn manifest(&self) -> String {
        let mut out = fragments::manifest(&self.fragments);
        for p in self.served_packs() {
            out.push_str(&p.path);
            out.push('\n');
        }
        out
    }

    /// Writes `locales.rs`, `strategies.rs`, the fragments, every pack and
    /// `content/manifest.txt` into `out_dir`, replacing the fragments and
    /// packs of an earlier build.
    pub fn write(&self, out_dir: &Path) -> Result<(), ContentError> {
        fragments::write(out_dir, &self.fragments)?;
        for p in &self.packs {
            fragments::write_file(&out_dir.join(&p.path), &p.html)?;
        }
        fragments::write_file(&out_dir.join("content/manifest.txt"), &self.manifest())?;
        // The pages postbuild puts into and beside index.html.
        let _ = std::fs::remove_dir_all(out_dir.join("static"));
        for s in &self.statics {
            let dir = out_dir.join("static");
            fragments::write_file(&dir.join(format!("shell.{}.html", s.code)), &s.shell)?;
            fragments::write_file(&dir.join(format!("noscript.{}.html", s.code)), &s.noscript)?;
            fragments::write_file(&dir.join(&s.help_name), &s.help)?;
        }
        fragments::write_file(&out_dir.join("locales.rs"), &self.locales_rs)?;
        fragments::write_file(&out_dir.join("strategies.rs"), &self.strategies_rs)
    }
}

/// Which languages a build makes beyond those in `locales/`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Adds the test pseudo-locale ([`pseudo`]), made from English.
    pub pseudo_locale: bool,
}

/// Parses and checks every locale (English first, the reference) and
/// generates the Rust, the fragments and the packs.
pub fn generate(texts: &[LocaleTexts], options: Options) -> Result<Generated, ContentError> {
    let mut locales = texts
        .iter()
        .map(LocaleContent::parse)
        .collect::<Result<Vec<_>, _>>()?;
    if options.pseudo_locale {
        if let Some(en) = locales.first().filter(|en| en.code == "en") {
            locales.push(pseudo::from_english(en));
        }
    }
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
    let packs = locales
        .iter()
        .zip(&fragments)
        .map(|(l, f)| {
            let instruments = if l.code == en.code {
                None
            } else {
                instruments::translated(en, l)?
            };
            pack::write_json(l, f, instruments)
        })
        .collect::<Result<Vec<_>, _>>()?;
    // The pseudo-locale is for the app's tests, never a page of the site.
    let statics = locales
        .iter()
        .filter(|l| l.code != pseudo::CODE)
        .map(statics::render)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Generated {
        statics,
        locales_rs: codegen::locales_rs(&locales, &fragments, &packs)?,
        strategies_rs: strategies::library_rs(&locales, &compiled, &fragments),
        fragments,
        packs,
    })
}

/// Reads `locales_dir` and Tend's own instrument definitions in
/// `instruments_dir` and its `org/` folder (when given; see
/// [`read_instruments`]), checks and
/// generates, and writes the result into `out_dir`. Returns every path it
/// read, for `cargo:rerun-if-changed`.
pub fn run(
    locales_dir: &Path,
    instruments_dir: Option<&Path>,
    out_dir: &Path,
    options: Options,
) -> Result<Vec<PathBuf>, ContentError> {
    let (mut texts, mut read) = read_locales(locales_dir)?;
    if let Some(dir) = instruments_dir {
        read.extend(read_instruments(dir, &mut texts)?);
        // The organisation self-check sits in a folder of its own, so that
        // a reader of `dir` never takes it for a version of the check-in;
        // its translations travel in the packs too.
        let org = dir.join("org");
        if org.is_dir() {
            read.extend(read_instruments(&org, &mut texts)?);
        }
    }
    generate(&texts, options)?.write(out_dir)?;
    Ok(read)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_locales() -> Generated {
        generate(&[fixture::en(), fixture::other("fr")], Options::default()).unwrap()
    }

    #[test]
    fn english_must_come_first() {
        let none = Options::default();
        let got = generate(&[fixture::other("fr"), fixture::en()], none);
        assert_eq!(got, Err(ContentError::NoEnglish));
        assert_eq!(generate(&[], none), Err(ContentError::NoEnglish));
        assert!(generate(&[fixture::en()], none).is_ok());
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
            "pub fn self_name(self) -> &'static str {",
            "Locale::En => \"English\",",
            "Locale::Fr => \"Français\",",
            "pub fn pack(self) -> Option<&'static str> {",
            "Locale::En => None,",
            "Locale::Fr => Some(\"content/fr/pack.",
            "pub fn pack_text(self) -> &'static str {",
            "Locale::Fr => include_str!(concat!(env!(\"OUT_DIR\"), \"/content/fr/pack.",
            "pub fn sources(self) -> &'static Sources {",
            "Locale::Fr => &FR_SOURCES,",
            "pub const FRAGMENTS: &[&str] = &[\n",
            "static EN_STRINGS: Strings = Strings {\n",
            "    home_title: \"Tend\",\n",
            "pub(crate) fn from_pack(",
            "            home_title: texts.text(\"home_title\")?,\n",
            "            library_used: texts.plural(\"library_used\")?,\n",
            "static EN_CONTENT: Content = Content { learn: &[Page { slug: \"what-it-is\", title: \"What it is\", summary: \"Many names, one thing.\", body: \"content/en/learn-what-it-is.",
            "regions: &[Region { id: \"us\", name: \"United States\", note: \"Free, any time.\", contacts: &[Contact { label: \"988 Lifeline\", detail: \"Call or text\", kind: ContactKind::Phone, value: \"988\" },] },Region { id: \"other\", name: \"Somewhere else\", note: \"\", contacts: &[] },]",
            "reading_list: \"content/en/resources.",
            "static EN_SOURCES: Sources = Sources { learn: &[PageSource { slug: \"what-it-is\", body: \"content/en/learn-what-it-is.",
            "static FR_SOURCES: Sources = Sources { learn: &[PageSource { slug: \"what-it-is\", body: \"content/fr/learn-what-it-is.",
            "sections: &[Section { heading: \"Many names\", covers: &[\"DEF-1\"], body: ",
            "covers: &[\"DEF-2\", \"DEF-3\"]",
            "books: &[Book { id: \"trauma-stewardship\", title: \"Trauma Stewardship\", author: \"Laura van Dernoot Lipsky\", publisher: \"Berrett-Koehler\", description: \"Caring for yourself while caring for others.\", covers: &[\"BOOK-1\"] },]",
        ] {
            assert!(rs.contains(needed), "locales.rs lacks {needed:?}\n\n{rs}");
        }
        assert_eq!(rs.matches('{').count(), rs.matches('}').count());
    }

    /// English is compiled in; another language is its pack, so adding one
    /// adds no string or content table to the Rust the app's wasm is built
    /// from (only its name, its codes and where its pack is).
    #[test]
    fn another_language_adds_no_strings_or_content_to_the_app() {
        let fr = two_locales();
        for absent in [
            "FR_STRINGS",
            "FR_CONTENT",
            "FR_STRATEGIES",
            "Tend (translated)",
            "Prenez",
        ] {
            let in_app = |rs: &str| {
                // The sources are for tests; the app never calls them.
                rs.split("static FR_SOURCES")
                    .next()
                    .unwrap_or(rs)
                    .split("static FR_STRATEGY_SOURCES")
                    .next()
                    .unwrap_or(rs)
                    .contains(absent)
            };
            assert!(!in_app(&fr.locales_rs), "locales.rs has {absent}");
            assert!(!in_app(&fr.strategies_rs), "strategies.rs has {absent}");
        }
        let pack = fr.served_packs().next().unwrap();
        assert!(pack.html.contains("Tend (translated)"));
        assert!(fr.manifest().ends_with(&format!("{}\n", pack.path)));
        assert_eq!(fr.served_packs().count(), 1);
    }

    #[test]
    fn the_pseudo_locale_is_built_only_when_asked_and_passes_the_english_checks() {
        let with = generate(
            &[fixture::en()],
            Options {
                pseudo_locale: true,
            },
        )
        .unwrap();
        assert!(with.locales_rs.contains("    /// `en-XA`\n    EnXa,\n"));
        let pack: crate::pack::Pack =
            serde_json::from_str(&with.served_packs().next().unwrap().html).unwrap();
        assert_eq!(pack.code, "en-XA");
        assert_eq!(
            pack.strings.get("home_lead"),
            Some(&crate::pack::Text::One("Chéck ín wíth yóúrsélf.".into()))
        );
        let without = generate(&[fixture::en()], Options::default()).unwrap();
        assert!(!without.locales_rs.contains("en-XA"));
        assert_eq!(without.served_packs().count(), 0);
    }

    #[test]
    fn strategies_rs_has_what_the_app_uses() {
        let rs = two_locales().strategies_rs;
        for needed in [
            "use tend_core::domain::practice::Practice;\n",
            "use tend_core::domain::strategy::{Fit, HelpsWith, Source, Strategy, TimeNeeded};\n",
            "pub(crate) static EN_STRATEGIES: &[Strategy] = &[\n",
            "    Strategy { id: \"paced-breathing\", title: \"Paced breathing\", summary: \"Slow your breath.\", body: \"content/en/strategy-paced-breathing.",
            "time: TimeNeeded::Under2Minutes, fits: &[Fit::DuringWork, Fit::AfterShift], sources: &[Source::Help1], helps: &[HelpsWith::Arousal], practice: Some(Practice::PacedBreathing) },",
            "sources: &[Source::CeCert2, Source::Workplace], helps: &[HelpsWith::Burnout, HelpsWith::Sleep], practice: None },",
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
        let served: Vec<&str> = g.served_packs().map(|p| p.path.as_str()).collect();
        let listed: Vec<&str> = paths.iter().chain(&served).copied().collect();
        assert_eq!(g.manifest().lines().collect::<Vec<_>>(), listed);
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
            // Listed in FRAGMENTS and named by its source; English's are
            // also named by its page or strategy (other languages name theirs
            // in their packs); the reading list has no source naming it.
            let expected = 2 + usize::from(path.starts_with("content/en/"))
                - usize::from(path.contains("/resources."));
            assert_eq!(uses, expected, "{path}");
        }
    }

    #[test]
    fn a_locale_that_differs_stops_the_build_before_anything_is_generated() {
        let mut fr = fixture::other("fr");
        fr.ui[0].text = fr.ui[0].text.replace("lead = ", "# lead = ");
        let err = generate(&[fixture::en(), fr], Options::default()).map(|_| ());
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
        let read = run(locales.path(), None, out.path(), Options::default()).unwrap();
        assert_eq!(read.len(), 1 + 2 * 6);
        let g = two_locales();
        let written = |name: &str| std::fs::read_to_string(out.path().join(name)).unwrap();
        assert_eq!(written("locales.rs"), g.locales_rs);
        assert_eq!(written("strategies.rs"), g.strategies_rs);
        assert_eq!(written("content/manifest.txt"), g.manifest());
        for f in g.fragments().chain(&g.packs) {
            assert_eq!(written(&f.path), f.html);
        }
    }
}
