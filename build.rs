//! Turns the locale files under `locales/<code>/` into Rust code, so every
//! user-visible string is checked at compile time.
//!
//! - `ui*.toml`: interface strings, one file per area of the app. Nested tables flatten to `section_key`
//!   field names on the generated `Strings` struct.
//! - `learn.toml`, `leaders.toml`: pages of sections (`[[page]]`, `[[page.section]]`).
//! - `help.toml`: crisis and support contacts per region (`[[region]]`).
//! - `resources.toml`: the reading list (`[[book]]`).
//! - `strategies.toml`: the strategy library (`[[strategy]]`), compiled by
//!   [`strategy_library`] into its own generated file.
//!
//! The bodies of Learn and leaders' pages, the reading list and each
//! strategy's why and steps are not compiled in: `write_fragments` renders each, with the app's own renderer
//! (`crates/tend-content/src/render.rs`, included below), to an HTML file in
//! `$OUT_DIR/content/<code>/` whose name carries a hash of its text, and
//! lists them in `$OUT_DIR/content/manifest.txt`. The generated Rust knows
//! each file's name; `tools/postbuild.mjs` copies the files into the site.
//!
//! English (`en`) is the reference. Any other locale must carry exactly the
//! same keys, page slugs, section counts and coverage tags, or the build fails
//! with a message naming the difference.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

// The app's own markup renderer, so the fragments are exactly what it would
// render (and what its native tests check).
#[allow(dead_code)]
#[path = "crates/tend-content/src/html.rs"]
mod html;
#[allow(dead_code)]
#[path = "crates/tend-content/src/markup.rs"]
mod markup;
#[allow(dead_code)]
#[path = "crates/tend-content/src/render.rs"]
mod render;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageFile {
    page: Vec<Page>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Page {
    slug: String,
    title: String,
    summary: String,
    section: Vec<Section>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Section {
    heading: String,
    #[serde(default)]
    covers: Vec<String>,
    body: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HelpFile {
    region: Vec<Region>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Region {
    id: String,
    name: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    contact: Vec<Contact>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Contact {
    label: String,
    detail: String,
    kind: String,
    value: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ResourcesFile {
    book: Vec<Book>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Book {
    id: String,
    title: String,
    author: String,
    publisher: String,
    description: String,
    #[serde(default)]
    covers: Vec<String>,
}

struct Locale {
    code: String,
    ui: BTreeMap<String, String>,
    learn: PageFile,
    leaders: PageFile,
    help: HelpFile,
    resources: ResourcesFile,
    strategies: StrategyFile,
}

fn fail(msg: String) -> ! {
    panic!("\n\nlocale files: {msg}\n\n");
}

fn read(path: &Path) -> String {
    println!("cargo:rerun-if-changed={}", path.display());
    fs::read_to_string(path)
        .unwrap_or_else(|e| fail(format!("cannot read {}: {e}", path.display())))
}

fn parse<T: for<'de> Deserialize<'de>>(path: &Path) -> T {
    toml::from_str(&read(path)).unwrap_or_else(|e| fail(format!("{}: {e}", path.display())))
}

fn flatten(prefix: &str, table: &toml::Table, out: &mut BTreeMap<String, String>, file: &Path) {
    for (key, value) in table {
        if !key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            fail(format!(
                "{}: key `{key}` must be lower_snake_case",
                file.display()
            ));
        }
        let name = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}_{key}")
        };
        match value {
            toml::Value::String(s) => {
                if s.trim().is_empty() {
                    fail(format!("{}: `{name}` is empty", file.display()));
                }
                if out.insert(name.clone(), s.clone()).is_some() {
                    fail(format!("{}: `{name}` is defined twice", file.display()));
                }
            }
            toml::Value::Table(t) => flatten(&name, t, out, file),
            _ => fail(format!(
                "{}: `{name}` must be a string or a table",
                file.display()
            )),
        }
    }
}

fn load(dir: &Path, code: &str) -> Locale {
    // Interface strings may be split over several `ui*.toml` files (one per
    // area of the app); together they form one flat set of keys.
    let mut ui_files: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| fail(format!("cannot list {}: {e}", dir.display())))
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            name.starts_with("ui") && name.ends_with(".toml")
        })
        .collect();
    ui_files.sort();
    let mut ui = BTreeMap::new();
    for ui_path in &ui_files {
        let table: toml::Table = toml::from_str(&read(ui_path))
            .unwrap_or_else(|e| fail(format!("{}: {e}", ui_path.display())));
        flatten("", &table, &mut ui, ui_path);
    }
    Locale {
        code: code.to_string(),
        ui,
        learn: parse(&dir.join("learn.toml")),
        leaders: parse(&dir.join("leaders.toml")),
        help: parse(&dir.join("help.toml")),
        resources: parse(&dir.join("resources.toml")),
        strategies: parse(&dir.join("strategies.toml")),
    }
}

fn same_pages(what: &str, a: &PageFile, b: &PageFile, code: &str) {
    if a.page.len() != b.page.len() {
        fail(format!(
            "{code}/{what}.toml has {} pages, en has {}",
            b.page.len(),
            a.page.len()
        ));
    }
    for (pa, pb) in a.page.iter().zip(&b.page) {
        if pa.slug != pb.slug {
            fail(format!(
                "{code}/{what}.toml: page `{}` where en has `{}`",
                pb.slug, pa.slug
            ));
        }
        if pa.section.len() != pb.section.len() {
            fail(format!(
                "{code}/{what}.toml: page `{}` has a different number of sections",
                pb.slug
            ));
        }
        for (sa, sb) in pa.section.iter().zip(&pb.section) {
            if sa.covers != sb.covers {
                fail(format!(
                    "{code}/{what}.toml: page `{}` section tags differ from en",
                    pb.slug
                ));
            }
        }
    }
}

fn check_against_reference(en: &Locale, other: &Locale) {
    let code = &other.code;
    for key in en.ui.keys() {
        if !other.ui.contains_key(key) {
            fail(format!("{code}/ui.toml is missing `{key}`"));
        }
    }
    for key in other.ui.keys() {
        if !en.ui.contains_key(key) {
            fail(format!(
                "{code}/ui.toml has `{key}`, which en/ui.toml lacks"
            ));
        }
    }
    same_pages("learn", &en.learn, &other.learn, code);
    same_pages("leaders", &en.leaders, &other.leaders, code);
    let ids = |h: &HelpFile| {
        h.region
            .iter()
            .map(|r| (r.id.clone(), r.contact.len()))
            .collect::<Vec<_>>()
    };
    if ids(&en.help) != ids(&other.help) {
        fail(format!(
            "{code}/help.toml regions or contacts differ from en"
        ));
    }
    let books = |r: &ResourcesFile| {
        r.book
            .iter()
            .map(|b| (b.id.clone(), b.covers.clone()))
            .collect::<Vec<_>>()
    };
    if books(&en.resources) != books(&other.resources) {
        fail(format!("{code}/resources.toml books differ from en"));
    }
}

fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn covers(list: &[String]) -> String {
    let items: Vec<String> = list.iter().map(|c| lit(c)).collect();
    format!("&[{}]", items.join(", "))
}

fn pages(list: &PageFile, bodies: &[String]) -> String {
    let mut out = String::from("&[");
    for (p, body) in list.page.iter().zip(bodies) {
        let _ = write!(
            out,
            "Page {{ slug: {}, title: {}, summary: {}, body: {} }},",
            lit(&p.slug),
            lit(&p.title),
            lit(&p.summary),
            lit(body)
        );
    }
    out.push(']');
    out
}

fn page_sources(list: &PageFile, bodies: &[String]) -> String {
    let mut out = String::from("&[");
    for (p, body) in list.page.iter().zip(bodies) {
        let _ = write!(
            out,
            "PageSource {{ slug: {}, body: {}, sections: &[",
            lit(&p.slug),
            lit(body)
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
            let kind = match c.kind.as_str() {
                "tel" => "ContactKind::Phone",
                "sms" => "ContactKind::Text",
                "web" => "ContactKind::Web",
                other => fail(format!(
                    "help.toml: contact kind `{other}` must be tel, sms or web"
                )),
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

fn main() {
    let root = Path::new("locales");
    println!("cargo:rerun-if-changed=locales");
    let mut codes: Vec<String> = fs::read_dir(root)
        .unwrap_or_else(|e| fail(format!("cannot list locales/: {e}")))
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    codes.sort();
    // English first: it is the reference and the fallback.
    codes.retain(|c| c != "en");
    codes.insert(0, "en".to_string());
    let locales: Vec<Locale> = codes.iter().map(|c| load(&root.join(c), c)).collect();
    for other in &locales[1..] {
        check_against_reference(&locales[0], other);
    }

    let mut out = String::new();
    out.push_str("/// Every interface string, one field per key of `ui.toml`.\n");
    out.push_str("#[derive(Debug)]\npub struct Strings {\n");
    for key in locales[0].ui.keys() {
        let _ = writeln!(out, "    pub {key}: &'static str,");
    }
    out.push_str("}\n\n");

    out.push_str("/// A language Tend ships, generated from the folders under `locales/`.\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Locale {\n");
    for l in &locales {
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
    out.push_str("    /// The BCP 47 language code.\n    pub fn code(self) -> &'static str {\n        match self {\n");
    for l in &locales {
        let _ = writeln!(
            out,
            "            Locale::{} => {},",
            variant(&l.code),
            lit(&l.code)
        );
    }
    out.push_str("        }\n    }\n");
    out.push_str("    /// The interface strings of this locale.\n    pub fn strings(self) -> &'static Strings {\n        match self {\n");
    for l in &locales {
        let _ = writeln!(
            out,
            "            Locale::{} => &{},",
            variant(&l.code),
            const_name(&l.code, "STRINGS")
        );
    }
    out.push_str("        }\n    }\n");
    out.push_str("    /// The content (learning pages, help, reading list) of this locale.\n    pub fn content(self) -> &'static Content {\n        match self {\n");
    for l in &locales {
        let _ = writeln!(
            out,
            "            Locale::{} => &{},",
            variant(&l.code),
            const_name(&l.code, "CONTENT")
        );
    }
    out.push_str("        }\n    }\n");
    out.push_str("    /// The written text behind this locale's fragments (for tests; the\n    /// app never calls this, so it is not in the wasm).\n    pub fn sources(self) -> &'static Sources {\n        match self {\n");
    for l in &locales {
        let _ = writeln!(
            out,
            "            Locale::{} => &{},",
            variant(&l.code),
            const_name(&l.code, "SOURCES")
        );
    }
    out.push_str("        }\n    }\n}\n\n");

    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|e| fail(format!("OUT_DIR: {e}")));
    let fragments = write_fragments(Path::new(&out_dir), &locales);
    out.push_str(&fragment_list(&fragments));

    for (l, f) in locales.iter().zip(&fragments) {
        let _ = writeln!(
            out,
            "static {}: Strings = Strings {{",
            const_name(&l.code, "STRINGS")
        );
        for (k, v) in &l.ui {
            let _ = writeln!(out, "    {k}: {},", lit(v));
        }
        out.push_str("};\n\n");
        let _ = writeln!(
            out,
            "static {}: Content = Content {{ learn: {}, leaders: {}, regions: {}, reading_list: {} }};\n",
            const_name(&l.code, "CONTENT"),
            pages(&l.learn, &f.learn),
            pages(&l.leaders, &f.leaders),
            regions(&l.help),
            lit(&f.reading_list)
        );
        let _ = writeln!(
            out,
            "static {}: Sources = Sources {{ learn: {}, leaders: {}, books: {} }};\n",
            const_name(&l.code, "SOURCES"),
            page_sources(&l.learn, &f.learn),
            page_sources(&l.leaders, &f.leaders),
            books(&l.resources)
        );
    }

    let dest = Path::new(&out_dir).join("locales.rs");
    fs::write(&dest, out).unwrap_or_else(|e| fail(format!("cannot write {}: {e}", dest.display())));

    strategy_library(&locales, &fragments);
}

fn variant(code: &str) -> String {
    let mut chars = code.chars();
    match chars.next() {
        Some(f) => f.to_ascii_uppercase().to_string() + &chars.as_str().replace('-', "_"),
        None => fail("empty locale folder name".to_string()),
    }
}

fn const_name(code: &str, what: &str) -> String {
    format!("{}_{what}", code.to_ascii_uppercase().replace('-', "_"))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StrategyFile {
    strategy: Vec<StrategyEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StrategyEntry {
    id: String,
    title: String,
    summary: String,
    why: String,
    steps: String,
    time: String,
    fit: Vec<String>,
    sources: Vec<String>,
    helps: Vec<String>,
    #[serde(default)]
    practice: Option<String>,
}

/// Content ids and the Rust values they compile to, per tag field of a
/// strategy. These must match the enums in `src/domain/strategy.rs` and
/// `src/domain/practice.rs`; a mismatch fails to compile.
const STRATEGY_TIME: &[(&str, &str)] = &[
    ("under-2-minutes", "TimeNeeded::Under2Minutes"),
    ("5-15-minutes", "TimeNeeded::Minutes5To15"),
    ("longer", "TimeNeeded::Longer"),
];
const STRATEGY_FIT: &[(&str, &str)] = &[
    ("during-work", "Fit::DuringWork"),
    ("after-shift", "Fit::AfterShift"),
    ("days-off", "Fit::DaysOff"),
];
const STRATEGY_SOURCES: &[(&str, &str)] = &[
    ("HELP-1", "Source::Help1"),
    ("HELP-2", "Source::Help2"),
    ("HELP-3", "Source::Help3"),
    ("HELP-4", "Source::Help4"),
    ("HELP-5", "Source::Help5"),
    ("HELP-6", "Source::Help6"),
    ("HELP-7", "Source::Help7"),
    ("CECERT-1", "Source::CeCert1"),
    ("CECERT-2", "Source::CeCert2"),
    ("CECERT-3", "Source::CeCert3"),
    ("CECERT-4", "Source::CeCert4"),
    ("CECERT-5", "Source::CeCert5"),
    ("workplace", "Source::Workplace"),
];
const STRATEGY_HELPS: &[(&str, &str)] = &[
    ("intrusion", "HelpsWith::Intrusion"),
    ("avoidance", "HelpsWith::Avoidance"),
    ("negative-mood", "HelpsWith::NegativeMood"),
    ("arousal", "HelpsWith::Arousal"),
    ("burnout", "HelpsWith::Burnout"),
    ("sustaining", "HelpsWith::Sustaining"),
    ("sleep", "HelpsWith::Sleep"),
    ("health", "HelpsWith::Health"),
];
const STRATEGY_PRACTICES: &[(&str, &str)] = &[
    ("paced-breathing", "Practice::PacedBreathing"),
    ("shift-transition", "Practice::ShiftTransition"),
    ("senses-grounding", "Practice::SensesGrounding"),
    ("worry-window", "Practice::WorryWindow"),
    ("emotional-labour-check", "Practice::EmotionalLabourCheck"),
    ("why-cards", "Practice::WhyCards"),
    ("narrative-journal", "Practice::NarrativeJournal"),
    ("creative-journal", "Practice::CreativeJournal"),
];

/// The Rust value for one tag, or a build failure naming the strategy, the
/// field and the allowed values.
fn strategy_tag(file: &str, id: &str, field: &str, value: &str, table: &[(&str, &str)]) -> String {
    match table.iter().find(|(k, _)| *k == value) {
        Some((_, rust)) => rust.to_string(),
        None => {
            let allowed: Vec<&str> = table.iter().map(|(k, _)| *k).collect();
            fail(format!(
                "{file}: strategy `{id}`: {field} `{value}` is not one of {}",
                allowed.join(", ")
            ))
        }
    }
}

/// A list of tags: at least one, none twice.
fn strategy_tags(
    file: &str,
    id: &str,
    field: &str,
    values: &[String],
    table: &[(&str, &str)],
) -> String {
    if values.is_empty() {
        fail(format!("{file}: strategy `{id}`: {field} is empty"));
    }
    let mut out = Vec::new();
    for (n, v) in values.iter().enumerate() {
        if values[..n].contains(v) {
            fail(format!(
                "{file}: strategy `{id}`: {field} lists `{v}` twice"
            ));
        }
        out.push(strategy_tag(file, id, field, v, table));
    }
    format!("&[{}]", out.join(", "))
}

/// The tags of a strategy, as compiled: what other locales must match.
fn strategy_shape(s: &StrategyEntry) -> String {
    format!(
        "{} {} {:?} {:?} {:?} {:?}",
        s.id, s.time, s.fit, s.sources, s.helps, s.practice
    )
}

/// Checks and compiles `locales/<code>/strategies.toml` for every locale
/// into `$OUT_DIR/strategies.rs`: one static table per locale and
/// `strategies(locale)`. Kept apart from the rest of the locale content so
/// the library can grow on its own. Fails the build on a missing field, an
/// empty text, a bad id, a duplicate id, an unknown tag, steps that are not
/// one list, or a locale whose ids and tags differ from English.
fn strategy_library(locales: &[Locale], fragments: &[LocaleFragments]) {
    let mut out = String::from(
        "use tend_core::domain::practice::Practice;\n\
         use tend_core::domain::strategy::{Fit, HelpsWith, Source, Strategy, TimeNeeded};\n\n",
    );
    let mut sources = String::new();
    let mut reference: Option<Vec<String>> = None;
    for (l, frags) in locales.iter().zip(fragments) {
        let code = &l.code;
        let file_name = format!("{code}/strategies.toml");
        let file = &l.strategies;
        let f = file_name.as_str();
        let _ = writeln!(
            sources,
            "static {}: &[StrategySource] = &[",
            const_name(code, "STRATEGY_SOURCES")
        );
        let mut ids: Vec<&str> = Vec::new();
        let _ = writeln!(
            out,
            "static {}: &[Strategy] = &[",
            const_name(code, "STRATEGIES")
        );
        for (s, body) in file.strategy.iter().zip(&frags.strategies) {
            let id = s.id.as_str();
            let kebab = !id.is_empty()
                && !id.starts_with('-')
                && !id.ends_with('-')
                && !id.contains("--")
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !kebab {
                fail(format!("{f}: strategy id `{id}` must be kebab-case"));
            }
            if ids.contains(&id) {
                fail(format!("{f}: strategy id `{id}` is used twice"));
            }
            ids.push(id);
            for (field, text) in [
                ("title", &s.title),
                ("summary", &s.summary),
                ("why", &s.why),
                ("steps", &s.steps),
            ] {
                if text.trim().is_empty() {
                    fail(format!("{f}: strategy `{id}`: {field} is empty"));
                }
            }
            let steps: Vec<&str> = s
                .steps
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            if steps.len() < 2 || steps.iter().any(|l| !l.starts_with("- ")) {
                fail(format!(
                    "{f}: strategy `{id}`: steps must be one list of at least two `- ` lines"
                ));
            }
            let practice = match &s.practice {
                Some(p) => format!(
                    "Some({})",
                    strategy_tag(f, id, "practice", p, STRATEGY_PRACTICES)
                ),
                None => "None".to_string(),
            };
            let _ = writeln!(
                out,
                "    Strategy {{ id: {}, title: {}, summary: {}, body: {}, time: {}, fits: {}, sources: {}, helps: {}, practice: {practice} }},",
                lit(id),
                lit(&s.title),
                lit(&s.summary),
                lit(body),
                strategy_tag(f, id, "time", &s.time, STRATEGY_TIME),
                strategy_tags(f, id, "fit", &s.fit, STRATEGY_FIT),
                strategy_tags(f, id, "sources", &s.sources, STRATEGY_SOURCES),
                strategy_tags(f, id, "helps", &s.helps, STRATEGY_HELPS),
            );
        }
        out.push_str("];\n\n");
        for (s, body) in file.strategy.iter().zip(&frags.strategies) {
            let _ = writeln!(
                sources,
                "    StrategySource {{ id: {}, body: {}, why: {}, steps: {} }},",
                lit(&s.id),
                lit(body),
                lit(&s.why),
                lit(&s.steps)
            );
        }
        sources.push_str("];\n\n");
        let shape: Vec<String> = file.strategy.iter().map(strategy_shape).collect();
        match &reference {
            None => reference = Some(shape),
            Some(en) if *en != shape => fail(format!(
                "{f}: strategy ids or tags differ from en/strategies.toml (same ids, order and tags needed)"
            )),
            Some(_) => {}
        }
    }
    out.push_str(
        "/// The strategy library of a locale, in library order. Every locale\n\
         /// has the same ids and tags in the same order.\n\
         pub fn strategies(locale: Locale) -> &'static [Strategy] {\n    match locale {\n",
    );
    for l in locales {
        let _ = writeln!(
            out,
            "        Locale::{} => {},",
            variant(&l.code),
            const_name(&l.code, "STRATEGIES")
        );
    }
    out.push_str("    }\n}\n\n");
    out.push_str(&sources);
    out.push_str(
        "/// The written why and steps of a locale's strategies, in library\n\
         /// order (for tests; the app never calls this, so it is not in the wasm).\n\
         pub fn strategy_sources(locale: Locale) -> &'static [StrategySource] {\n    match locale {\n",
    );
    for l in locales {
        let _ = writeln!(
            out,
            "        Locale::{} => {},",
            variant(&l.code),
            const_name(&l.code, "STRATEGY_SOURCES")
        );
    }
    out.push_str("    }\n}\n");
    let dest =
        Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|e| fail(format!("OUT_DIR: {e}"))))
            .join("strategies.rs");
    fs::write(&dest, out).unwrap_or_else(|e| fail(format!("cannot write {}: {e}", dest.display())));
}

/// The fragment files of one locale: paths relative to the site's root.
struct LocaleFragments {
    learn: Vec<String>,
    leaders: Vec<String>,
    reading_list: String,
    /// Each strategy's why and steps, in library order.
    strategies: Vec<String>,
}

/// FNV-1a, 64 bits: enough to give changed text a new file name (this is
/// for cache busting, not security).
fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Renders the long pages of every locale to `<out>/content/<code>/`, one
/// file per page named `<what>-<slug>.<hash>.html`, and lists them (one path
/// relative to the site's root per line) in `<out>/content/manifest.txt`.
fn write_fragments(out: &Path, locales: &[Locale]) -> Vec<LocaleFragments> {
    let root = out.join("content");
    // Old fragments would otherwise pile up from build to build.
    let _ = fs::remove_dir_all(&root);
    let mut manifest = String::new();
    let mut write = |code: &str, name: &str, html: String| -> String {
        let path = format!(
            "content/{code}/{name}.{}.html",
            content_hash(html.as_bytes())
        );
        let file = out.join(&path);
        if let Some(dir) = file.parent() {
            fs::create_dir_all(dir)
                .unwrap_or_else(|e| fail(format!("cannot create {}: {e}", dir.display())));
        }
        fs::write(&file, html)
            .unwrap_or_else(|e| fail(format!("cannot write {}: {e}", file.display())));
        manifest.push_str(&path);
        manifest.push('\n');
        path
    };
    let mut all = Vec::new();
    for l in locales {
        let mut guide = |what: &str, file: &PageFile| -> Vec<String> {
            file.page
                .iter()
                .map(|p| {
                    let html = render::sections_html(
                        p.section
                            .iter()
                            .map(|s| (s.heading.as_str(), s.body.as_str())),
                    );
                    write(&l.code, &format!("{what}-{}", p.slug), html)
                })
                .collect()
        };
        let learn = guide("learn", &l.learn);
        let leaders = guide("leaders", &l.leaders);
        let ui = |key: &str| {
            l.ui.get(key)
                .map(String::as_str)
                .unwrap_or_else(|| fail(format!("{}/ui.toml lacks `{key}`", l.code)))
        };
        let books = render::books_html(
            ui("resources_by"),
            ui("resources_publisher"),
            l.resources.book.iter().map(|b| render::BookEntry {
                title: &b.title,
                author: &b.author,
                publisher: &b.publisher,
                description: &b.description,
            }),
        );
        let reading_list = write(&l.code, "resources", books);
        let strategies = l
            .strategies
            .strategy
            .iter()
            .map(|s| {
                let html = render::strategy_html(
                    ui("library_why_heading"),
                    &s.why,
                    ui("library_steps_heading"),
                    &s.steps,
                );
                write(&l.code, &format!("strategy-{}", s.id), html)
            })
            .collect();
        all.push(LocaleFragments {
            learn,
            leaders,
            reading_list,
            strategies,
        });
    }
    let list = root.join("manifest.txt");
    fs::write(&list, manifest)
        .unwrap_or_else(|e| fail(format!("cannot write {}: {e}", list.display())));
    all
}

/// Every fragment's path as a Rust constant, for whatever must know them
/// all (a service worker's precache list, the tests).
fn fragment_list(fragments: &[LocaleFragments]) -> String {
    let mut out = String::from(
        "/// Every fetched fragment, as a path relative to `index.html`.\npub const FRAGMENTS: &[&str] = &[\n",
    );
    for f in fragments {
        for path in f
            .learn
            .iter()
            .chain(&f.leaders)
            .chain([&f.reading_list])
            .chain(&f.strategies)
        {
            let _ = writeln!(out, "    {},", lit(path));
        }
    }
    out.push_str("];\n\n");
    out
}
