//! A deployment's settings: the optional `tend.config.json` beside
//! index.html and a small subset of them in the page's query string.
//!
//! Every value is checked strictly, because the file decides where a
//! "call for help" link goes and which origin hears about a check-in:
//!
//! - links are only `https:` addresses, `tel:` and `sms:` numbers
//!   ([`links`]);
//! - names and labels are plain text: no control characters and no
//!   characters that change the direction text reads in;
//! - colours are hex, and dark enough for white text and for text on the
//!   page background;
//! - an unknown key is reported and otherwise ignored;
//! - any other problem, a key given twice included, refuses the whole
//!   file: the defaults stay in force, and every problem is reported, so a
//!   half-applied file never sends a person to the wrong number.
//!
//! Only `lang` and `embed` may come from the query string: a shared link
//! must never be able to change contacts, event origins or storage.
//!
//! Pure: text in, settings and problems out.

pub mod links;
mod query;
mod tree;

pub use links::{contact_href, origin};

use crate::contact::ContactKind;
pub use crate::domain::course::Completion;
use crate::domain::history::{MAX_CHECKIN_INTERVAL_DAYS, MIN_CHECKIN_INTERVAL_DAYS};
use crate::store::Namespace;
use links::{file_name, is_hidden, namespace};
use serde_json::{Map, Value};

/// The file's name, beside index.html.
pub const FILE_NAME: &str = "tend.config.json";

/// Every key the file may hold.
pub const KEYS: [&str; 12] = [
    "organisation",
    "contacts",
    "language",
    "modules",
    "reminder_days",
    "accent",
    "namespace",
    "embed",
    "host_origin",
    "instrument",
    "scorm_completion",
    "storage",
];

/// The most characters a label or organisation name may have.
const MAX_TEXT: usize = 80;
/// The most support contacts a file may list.
const MAX_CONTACTS: usize = 8;
/// The page background the accent colour must stand out from (#f7f5f0).
const PAGE_BACKGROUND: Colour = Colour {
    r: 0xf7,
    g: 0xf5,
    b: 0xf0,
};

/// What a deployment has set. The default is Tend as it ships.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Config {
    /// The organisation's name, shown beside its contacts.
    pub organisation: Option<String>,
    /// The organisation's own support lines (EAP, peer support).
    pub contacts: Vec<SupportContact>,
    /// The language to use when the person has not chosen one: the code
    /// of a language this copy of Tend ships (see [`load`]).
    pub language: Option<String>,
    /// Which optional parts of Tend are on.
    pub modules: Modules,
    /// Days between check-ins until the person picks their own.
    pub reminder_days: Option<u32>,
    /// The accent colour for the light theme.
    pub accent: Option<Colour>,
    /// Where the person's data is kept, when not Tend's default keys.
    pub namespace: Option<Namespace>,
    /// Compact chrome for a portal's frame.
    pub embed: bool,
    /// The one origin that may hear Tend's events when it is framed,
    /// written as browsers write origins (see [`origin`]).
    pub host_origin: Option<String>,
    /// An instrument definition file beside index.html, offered with
    /// Tend's own check-in.
    pub instrument: Option<String>,
    /// What completes the course in an LMS.
    pub scorm_completion: Completion,
    /// `"storage": "memory"`: nothing is ever written to the browser's
    /// storage, whatever else happens (the SCORM package ships with it, so a
    /// package launched where the LMS's API is missing still keeps out of
    /// the LMS site's shared storage).
    pub memory_only: bool,
}

/// A support line from the deployment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SupportContact {
    /// Who answers, in the organisation's words.
    pub label: String,
    /// Call, text or web.
    pub kind: ContactKind,
    /// The number or address as written.
    pub value: String,
    /// The checked link.
    pub href: String,
}

/// The optional parts of Tend a deployment may turn off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Modules {
    /// The guide for team leaders.
    pub leaders: bool,
    /// The journal and the practices that write to it.
    pub journal: bool,
    /// The short pulse check.
    pub pulse: bool,
}

impl Default for Modules {
    fn default() -> Self {
        Modules {
            leaders: true,
            journal: true,
            pulse: true,
        }
    }
}

/// The practices that write to the journal, off with it.
pub const JOURNAL_PRACTICES: [&str; 2] = ["narrative-journal", "creative-journal"];

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colour {
    /// Red, 0–255.
    pub r: u8,
    /// Green, 0–255.
    pub g: u8,
    /// Blue, 0–255.
    pub b: u8,
}

impl Colour {
    /// Reads `#rgb` or `#rrggbb`.
    pub fn parse(text: &str) -> Option<Colour> {
        let hex = text.strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).ok();
        let pair = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        match hex.len() {
            3 => Some(Colour {
                r: digit(0)? * 17,
                g: digit(1)? * 17,
                b: digit(2)? * 17,
            }),
            6 => Some(Colour {
                r: pair(0)?,
                g: pair(2)?,
                b: pair(4)?,
            }),
            _ => None,
        }
    }

    /// `#rrggbb`.
    pub fn to_hex(self) -> String {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut out = String::from("#");
        for v in [self.r, self.g, self.b] {
            out.push(DIGITS[usize::from(v >> 4)] as char);
            out.push(DIGITS[usize::from(v & 15)] as char);
        }
        out
    }

    /// Relative luminance (WCAG 2), 0 for black to 1 for white.
    fn luminance(self) -> f64 {
        let channel = |v: u8| {
            let c = f64::from(v) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.r) + 0.7152 * channel(self.g) + 0.0722 * channel(self.b)
    }

    /// The WCAG contrast ratio between two colours, 1 to 21.
    pub fn contrast(self, other: Colour) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }
}

/// Where a setting came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// `tend.config.json`.
    File,
    /// The page address's query string.
    Address,
}

/// What is wrong with one setting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The file is not JSON; line and column of the fault.
    NotJson(usize, usize),
    /// The file is JSON but not an object.
    NotObject,
    /// A key Tend does not know (ignored).
    UnknownKey,
    /// Not text, true/false, a number, a list or an object as needed.
    WrongType,
    /// Empty, or longer than allowed.
    BadText,
    /// A control character, or one that changes the direction text reads
    /// in (U+202A–U+202E, U+2066–U+2069), which could hide or reorder what
    /// the person sees.
    HiddenCharacter,
    /// The same key is given twice in one object.
    DuplicateKey,
    /// Not a phone number or https address for its kind.
    BadLink,
    /// A contact kind other than phone, sms or web.
    BadKind,
    /// Not a `#rgb` or `#rrggbb` colour.
    BadColour,
    /// Too light to read text on, or white text on it.
    LowContrast,
    /// A language Tend does not have.
    BadLanguage,
    /// Outside the allowed range.
    OutOfRange,
    /// Letters, digits, `-`, `_` and `.` only.
    BadName,
    /// Not an exact `https://host[:port]` origin.
    BadOrigin,
    /// Not a plain `name.json` beside index.html.
    BadFileName,
    /// Not one of the allowed words.
    BadChoice,
    /// More entries than allowed.
    TooMany,
}

/// One problem found, with the key it concerns (`contacts[1].value`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// The file or the address.
    pub source: Source,
    /// The key, or an empty string for the whole file.
    pub key: String,
    /// What is wrong.
    pub problem: Problem,
}

impl Issue {
    /// Whether this problem alone leaves the rest of the file in force.
    pub fn is_ignorable(&self) -> bool {
        self.problem == Problem::UnknownKey
    }
}

/// What became of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileState {
    /// There is none (the server said 404): defaults.
    Absent,
    /// It was read and is in force (unknown keys aside).
    Applied,
    /// It had problems, so the defaults are in force, except a valid
    /// `namespace`, which is kept so the data stays where it was.
    Refused,
    /// It could not be fetched (a server error, the network): the defaults
    /// are in force and nothing may be stored, since the namespace it names
    /// is unknown (see [`Deployment::may_store`]).
    Unreachable,
}

/// The settings in force, what happened to the file, and every problem.
#[derive(Clone, Debug, PartialEq)]
pub struct Deployment {
    /// The settings in force.
    pub config: Config,
    /// What became of `tend.config.json`.
    pub file: FileState,
    /// Every problem, in the order found.
    pub issues: Vec<Issue>,
    /// Whether a refused file may have named a namespace Tend could not
    /// read (it was not a JSON object, or its `namespace` was invalid).
    names_namespace: bool,
}

impl Deployment {
    /// Whether the person's data may be kept in the browser's storage: not
    /// when the file could not be fetched, nor when it was refused without
    /// a namespace Tend could read — the file may name a namespace, and
    /// writing to another (the shared default) would put the data where
    /// other Tends on the site can see it and seem to lose it from this one.
    pub fn may_store(&self) -> bool {
        if self.config.memory_only {
            return false;
        }
        match self.file {
            FileState::Absent | FileState::Applied => true,
            FileState::Unreachable => false,
            FileState::Refused => self.config.namespace.is_some() || !self.names_namespace,
        }
    }
}

impl Default for Deployment {
    fn default() -> Self {
        Deployment {
            config: Config::default(),
            file: FileState::Absent,
            issues: Vec::new(),
            names_namespace: false,
        }
    }
}

/// Reads the file's text (`None` when there is no file) and then the query
/// string (`?lang=es&embed=1`, or empty). `languages` are the codes of the
/// languages this copy of Tend ships; any other is refused.
pub fn load(file: Option<&str>, query: &str, languages: &[&str]) -> Deployment {
    let mut issues = Vec::new();
    let (mut config, state) = match file {
        None => (Config::default(), FileState::Absent),
        Some(text) => read_file(text, languages, &mut issues),
    };
    // A refused file keeps a valid namespace; when it is not an object or
    // its namespace is not valid, the namespace is unknown and nothing may
    // be stored (see `Deployment::may_store`).
    let mut names_namespace = false;
    if let (FileState::Refused, Some(text)) = (state, file) {
        match namespace_in(text) {
            NamespaceInFile::Valid(ns) => config.namespace = Some(ns),
            NamespaceInFile::Unknown => names_namespace = true,
            NamespaceInFile::Absent => {}
        }
    }
    query::apply(&mut config, query, languages, &mut issues);
    Deployment {
        config,
        file: state,
        issues,
        names_namespace,
    }
}

/// The settings when `tend.config.json` could not be fetched (a server
/// error, the network; not a 404, which means there is none): the defaults
/// and the address's parameters, and nothing may be stored.
pub fn unreachable(query: &str, languages: &[&str]) -> Deployment {
    let mut d = load(None, query, languages);
    d.file = FileState::Unreachable;
    d
}

/// What a file says about its namespace, whatever else is wrong with it.
enum NamespaceInFile {
    /// A valid one.
    Valid(Namespace),
    /// It may name one, but it cannot be read.
    Unknown,
    /// It names none.
    Absent,
}

fn namespace_in(text: &str) -> NamespaceInFile {
    let Ok(tree) = tree::read(text) else {
        return NamespaceInFile::Unknown;
    };
    let Value::Object(map) = tree.value else {
        return NamespaceInFile::Unknown;
    };
    match map.get("namespace") {
        None => NamespaceInFile::Absent,
        Some(value) => value
            .as_str()
            .and_then(namespace)
            .map_or(NamespaceInFile::Unknown, NamespaceInFile::Valid),
    }
}

fn read_file(text: &str, languages: &[&str], issues: &mut Vec<Issue>) -> (Config, FileState) {
    let refused = |issues: &mut Vec<Issue>, problem| {
        issues.push(Issue {
            source: Source::File,
            key: String::new(),
            problem,
        });
        (Config::default(), FileState::Refused)
    };
    let tree = match tree::read(text) {
        Ok(tree) => tree,
        Err(e) => {
            let (line, column) = crate::position::of(text, &e);
            return refused(issues, Problem::NotJson(line, column));
        }
    };
    let Value::Object(map) = tree.value else {
        return refused(issues, Problem::NotObject);
    };
    let first = issues.len();
    let mut reporter = Reporter { issues };
    for path in tree.repeated {
        reporter.report(path, Problem::DuplicateKey);
    }
    let config = read_object(&map, languages, &mut reporter);
    if issues[first..].iter().all(Issue::is_ignorable) {
        (config, FileState::Applied)
    } else {
        (Config::default(), FileState::Refused)
    }
}

/// Collects problems found in the file.
struct Reporter<'a> {
    issues: &'a mut Vec<Issue>,
}

impl Reporter<'_> {
    fn report(&mut self, key: impl Into<String>, problem: Problem) {
        self.issues.push(Issue {
            source: Source::File,
            key: key.into(),
            problem,
        });
    }

    /// `value` as text of 1 to `MAX_TEXT` characters with no control or
    /// direction characters, trimmed.
    fn text(&mut self, key: &str, value: &Value) -> Option<String> {
        let Some(s) = value.as_str() else {
            self.report(key, Problem::WrongType);
            return None;
        };
        let s = s.trim();
        if s.is_empty() || s.chars().count() > MAX_TEXT {
            self.report(key, Problem::BadText);
            return None;
        }
        if s.chars().any(is_hidden) {
            self.report(key, Problem::HiddenCharacter);
            return None;
        }
        Some(s.to_string())
    }

    fn boolean(&mut self, key: &str, value: &Value) -> Option<bool> {
        match value {
            Value::Bool(b) => Some(*b),
            _ => {
                self.report(key, Problem::WrongType);
                None
            }
        }
    }

    /// Checks `value` with `check`, reporting `problem` when it fails.
    fn checked<T>(
        &mut self,
        key: &str,
        value: &Value,
        problem: Problem,
        check: impl FnOnce(&str) -> Option<T>,
    ) -> Option<T> {
        let Some(s) = value.as_str() else {
            self.report(key, Problem::WrongType);
            return None;
        };
        let out = check(s);
        if out.is_none() {
            self.report(key, problem);
        }
        out
    }
}

/// The members of an object in key order, so problems are reported in the
/// same order whatever order serde_json's map keeps.
fn members(map: &Map<String, Value>) -> Vec<(&str, &Value)> {
    let mut members: Vec<(&str, &Value)> = map.iter().map(|(k, v)| (k.as_str(), v)).collect();
    members.sort_by_key(|(k, _)| *k);
    members
}

fn read_object(map: &Map<String, Value>, languages: &[&str], r: &mut Reporter) -> Config {
    let mut config = Config::default();
    for (key, value) in members(map) {
        match key {
            "organisation" => config.organisation = r.text(key, value),
            "contacts" => config.contacts = read_contacts(value, r),
            "language" => {
                config.language = r.checked(key, value, Problem::BadLanguage, |code| {
                    languages.contains(&code).then(|| code.to_string())
                })
            }
            "modules" => config.modules = read_modules(value, r),
            "reminder_days" => {
                let days = value.as_u64();
                match days {
                    Some(d)
                        if (u64::from(MIN_CHECKIN_INTERVAL_DAYS)
                            ..=u64::from(MAX_CHECKIN_INTERVAL_DAYS))
                            .contains(&d) =>
                    {
                        config.reminder_days = u32::try_from(d).ok()
                    }
                    Some(_) => r.report(key, Problem::OutOfRange),
                    None => r.report(key, Problem::WrongType),
                }
            }
            "accent" => {
                if let Some(c) = r.checked(key, value, Problem::BadColour, Colour::parse) {
                    if c.contrast(PAGE_BACKGROUND) < 4.5 {
                        r.report(key, Problem::LowContrast);
                    } else {
                        config.accent = Some(c);
                    }
                }
            }
            "namespace" => config.namespace = r.checked(key, value, Problem::BadName, namespace),
            "embed" => config.embed = r.boolean(key, value).unwrap_or(false),
            "host_origin" => config.host_origin = r.checked(key, value, Problem::BadOrigin, origin),
            "instrument" => {
                config.instrument = r.checked(key, value, Problem::BadFileName, file_name)
            }
            "scorm_completion" => {
                config.scorm_completion = r
                    .checked(key, value, Problem::BadChoice, |s| match s {
                        "results" => Some(Completion::Results),
                        "learn" => Some(Completion::Learn),
                        _ => None,
                    })
                    .unwrap_or_default()
            }
            "storage" => {
                config.memory_only = r
                    .checked(key, value, Problem::BadChoice, |s| match s {
                        "memory" => Some(true),
                        "browser" => Some(false),
                        _ => None,
                    })
                    .unwrap_or_default()
            }
            _ => r.report(key, Problem::UnknownKey),
        }
    }
    config
}

fn read_contacts(value: &Value, r: &mut Reporter) -> Vec<SupportContact> {
    let Some(list) = value.as_array() else {
        r.report("contacts", Problem::WrongType);
        return Vec::new();
    };
    if list.len() > MAX_CONTACTS {
        r.report("contacts", Problem::TooMany);
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let at = |field: &str| format!("contacts[{i}].{field}");
        let Value::Object(map) = item else {
            r.report(format!("contacts[{i}]"), Problem::WrongType);
            continue;
        };
        let (mut label, mut kind, mut link) = (None, None, None);
        for (key, v) in members(map) {
            match key {
                "label" => label = r.text(&at(key), v),
                "kind" => {
                    kind = r.checked(&at(key), v, Problem::BadKind, |s| match s {
                        "phone" => Some(ContactKind::Phone),
                        "sms" => Some(ContactKind::Text),
                        "web" => Some(ContactKind::Web),
                        _ => None,
                    })
                }
                "value" => link = Some(v),
                _ => r.report(at(key), Problem::UnknownKey),
            }
        }
        for (field, present) in [("label", label.is_some()), ("kind", kind.is_some())] {
            if !present && !map.contains_key(field) {
                r.report(at(field), Problem::BadText);
            }
        }
        let Some(v) = link else {
            r.report(at("value"), Problem::BadText);
            continue;
        };
        let Some(kind) = kind else {
            continue;
        };
        let href = r.checked(&at("value"), v, Problem::BadLink, |s| contact_href(kind, s));
        if let (Some(label), Some(href), Some(value)) = (label, href, v.as_str()) {
            out.push(SupportContact {
                label,
                kind,
                value: value.trim().to_string(),
                href,
            });
        }
    }
    out
}

fn read_modules(value: &Value, r: &mut Reporter) -> Modules {
    let mut modules = Modules::default();
    let Value::Object(map) = value else {
        r.report("modules", Problem::WrongType);
        return modules;
    };
    for (key, v) in members(map) {
        let path = format!("modules.{key}");
        let slot = match key {
            "leaders" => &mut modules.leaders,
            "journal" => &mut modules.journal,
            "pulse" => &mut modules.pulse,
            _ => {
                r.report(path, Problem::UnknownKey);
                continue;
            }
        };
        if let Some(on) = r.boolean(&path, v) {
            *slot = on;
        }
    }
    modules
}

#[cfg(test)]
mod storage_tests {
    use super::*;

    fn ns(d: &Deployment) -> Option<&str> {
        d.config.namespace.as_ref().map(Namespace::prefix)
    }

    #[test]
    fn a_refused_file_keeps_its_namespace_and_an_unreadable_one_stores_nothing() {
        let en = ["en"];
        let refused = load(
            Some(r##"{"namespace": "riverside", "accent": "#fff"}"##),
            "",
            &en,
        );
        assert_eq!(refused.file, FileState::Refused);
        assert_eq!(ns(&refused), Some("tend-riverside:"));
        assert_eq!(refused.config.accent, None, "the rest is refused");
        assert!(refused.may_store());

        let no_namespace = load(Some(r##"{"accent": "#fff"}"##), "", &en);
        assert_eq!(
            (no_namespace.file, ns(&no_namespace)),
            (FileState::Refused, None)
        );
        assert!(
            no_namespace.may_store(),
            "it names none: the default is the one configured"
        );

        for text in ["{not json", "[1]", r#"{"namespace": "a:b", "accent": 3}"#] {
            let d = load(Some(text), "", &en);
            assert_eq!(d.file, FileState::Refused, "{text}");
            assert!(!d.may_store(), "{text}: its namespace is unknown");
        }

        let gone = unreachable("?embed=1", &en);
        assert_eq!(gone.file, FileState::Unreachable);
        assert!(!gone.may_store());
        assert!(gone.config.embed, "the address's parameters still apply");
        assert!(load(None, "", &en).may_store());
        assert!(load(Some("{}"), "", &en).may_store());
    }

    #[test]
    fn storage_memory_stores_nothing_whatever_else_happens() {
        let en = ["en"];
        let memory = load(Some(r#"{"storage": "memory", "namespace": "x"}"#), "", &en);
        assert_eq!(memory.file, FileState::Applied);
        assert!(memory.config.memory_only);
        assert!(!memory.may_store());
        let browser = load(Some(r#"{"storage": "browser"}"#), "", &en);
        assert!(browser.may_store());
        let bad = load(Some(r#"{"storage": "cloud"}"#), "", &en);
        assert_eq!(bad.file, FileState::Refused);
        assert_eq!(bad.issues[0].problem, Problem::BadChoice);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads as a copy of Tend that ships English only.
    fn load(file: Option<&str>, query: &str) -> Deployment {
        super::load(file, query, &["en"])
    }

    fn problems(d: &Deployment) -> Vec<(&str, Problem)> {
        d.issues
            .iter()
            .map(|i| (i.key.as_str(), i.problem.clone()))
            .collect()
    }

    const FULL: &str = r##"{
        "organisation": "Riverside Health",
        "contacts": [
            {"label": "Employee assistance", "kind": "phone", "value": "+1 (800) 555-0100"},
            {"label": "Peer support text line", "kind": "sms", "value": "sms:+15550101"},
            {"label": "Staff wellbeing hub", "kind": "web", "value": "https://wellbeing.example.org/hub?x=1"}
        ],
        "language": "en",
        "modules": {"leaders": false, "journal": true, "pulse": false},
        "reminder_days": 28,
        "accent": "#1F4E79",
        "namespace": "riverside",
        "embed": true,
        "host_origin": "https://Learning.Example.org",
        "instrument": "team-check.json",
        "scorm_completion": "learn",
        "storage": "browser"
    }"##;

    #[test]
    fn the_documented_example_is_valid_and_sets_every_key() {
        let doc = include_str!("../../../docs/deploying.md");
        let fence = "```json tend.config.json\n";
        let start = doc.find(fence).map(|i| i + fence.len());
        let text = start.and_then(|s| doc[s..].find("```").map(|e| &doc[s..s + e]));
        let Some(text) = text else {
            panic!("docs/deploying.md has no tend.config.json example");
        };
        let d = load(Some(text), "");
        assert_eq!(d.file, FileState::Applied, "{:?}", d.issues);
        assert!(d.issues.is_empty(), "{:?}", d.issues);
        for key in KEYS {
            assert!(
                text.contains(&format!("\"{key}\":")),
                "the example lacks {key}"
            );
        }
    }

    #[test]
    fn no_file_means_defaults() {
        let d = load(None, "");
        assert_eq!(d, Deployment::default());
        assert!(d.config.modules.journal && d.config.contacts.is_empty());
    }

    #[test]
    fn a_full_file_is_applied() {
        let d = load(Some(FULL), "");
        assert_eq!(d.file, FileState::Applied, "{:?}", d.issues);
        assert!(d.issues.is_empty());
        let c = &d.config;
        assert_eq!(c.organisation.as_deref(), Some("Riverside Health"));
        let hrefs: Vec<&str> = c.contacts.iter().map(|c| c.href.as_str()).collect();
        assert_eq!(
            hrefs,
            [
                "tel:+18005550100",
                "sms:+15550101",
                "https://wellbeing.example.org/hub?x=1"
            ]
        );
        assert_eq!(c.contacts[0].value, "+1 (800) 555-0100");
        assert_eq!(c.language, Some("en".to_string()));
        assert_eq!(
            c.modules,
            Modules {
                leaders: false,
                journal: true,
                pulse: false
            }
        );
        assert_eq!(c.reminder_days, Some(28));
        assert_eq!(c.accent.map(Colour::to_hex).as_deref(), Some("#1f4e79"));
        assert_eq!(
            c.namespace.as_ref().map(Namespace::prefix),
            Some("tend-riverside:")
        );
        assert!(c.embed);
        assert_eq!(
            c.host_origin.as_deref(),
            Some("https://learning.example.org")
        );
        assert_eq!(c.instrument.as_deref(), Some("team-check.json"));
        assert_eq!(c.scorm_completion, Completion::Learn);
    }

    #[test]
    fn an_unknown_key_is_reported_and_the_rest_applies() {
        let d = load(Some(r##"{"organisation": "A", "colour": "#fff"}"##), "");
        assert_eq!(d.file, FileState::Applied);
        assert_eq!(problems(&d), [("colour", Problem::UnknownKey)]);
        assert_eq!(d.config.organisation.as_deref(), Some("A"));
    }

    #[test]
    fn a_dangerous_link_or_bad_colour_refuses_the_whole_file() {
        let text = r##"{
            "organisation": "A",
            "contacts": [{"label": "Help", "kind": "web", "value": "javascript:alert(1)"}],
            "accent": "teal",
            "extra": 1
        }"##;
        let d = load(Some(text), "");
        assert_eq!(d.file, FileState::Refused);
        assert_eq!(d.config, Config::default());
        assert_eq!(
            problems(&d),
            [
                ("accent", Problem::BadColour),
                ("contacts[0].value", Problem::BadLink),
                ("extra", Problem::UnknownKey)
            ]
        );
    }

    #[test]
    fn colours_must_be_hex_and_readable() {
        assert_eq!(
            Colour::parse("#abc").map(Colour::to_hex).as_deref(),
            Some("#aabbcc")
        );
        for bad in ["abc", "#abcd", "#ggg", "#12345", "red", "#12 456", ""] {
            assert_eq!(Colour::parse(bad), None, "{bad}");
        }
        let d = load(Some(r##"{"accent": "#ffeb3b"}"##), "");
        assert_eq!(problems(&d), [("accent", Problem::LowContrast)]);
        assert_eq!(d.file, FileState::Refused);
        // Tend's own accent passes its own rule.
        let d = load(Some(r##"{"accent": "#2f6f62"}"##), "");
        assert_eq!(d.file, FileState::Applied);
        let black = Colour { r: 0, g: 0, b: 0 };
        let white = Colour {
            r: 255,
            g: 255,
            b: 255,
        };
        assert!((black.contrast(white) - 21.0).abs() < 1e-9);
    }

    #[test]
    fn every_other_value_is_checked() {
        let cases: [(&str, &str, Problem); 22] = [
            (r#"{"organisation": ""}"#, "organisation", Problem::BadText),
            (
                r#"{"organisation": "A\u0007B"}"#,
                "organisation",
                Problem::HiddenCharacter,
            ),
            (
                r#"{"contacts": [{"label": "Call \u202eus", "kind": "phone", "value": "123"}]}"#,
                "contacts[0].label",
                Problem::HiddenCharacter,
            ),
            (
                r#"{"contacts": [{"label": "A", "kind": "phone", "value": "1                              23"}]}"#,
                "contacts[0].value",
                Problem::BadLink,
            ),
            (
                r#"{"host_origin": "https://user@lms.example.org"}"#,
                "host_origin",
                Problem::BadOrigin,
            ),
            (
                r#"{"modules": {"pulse": true, "pulse": false}}"#,
                "modules.pulse",
                Problem::DuplicateKey,
            ),
            (r#"{"organisation": 3}"#, "organisation", Problem::WrongType),
            (r#"{"contacts": {}}"#, "contacts", Problem::WrongType),
            (r#"{"contacts": ["x"]}"#, "contacts[0]", Problem::WrongType),
            (
                r#"{"contacts": [{"label": "A", "kind": "fax", "value": "123"}]}"#,
                "contacts[0].kind",
                Problem::BadKind,
            ),
            (
                r#"{"contacts": [{"kind": "phone", "value": "123"}]}"#,
                "contacts[0].label",
                Problem::BadText,
            ),
            (r#"{"language": "fr"}"#, "language", Problem::BadLanguage),
            (
                r#"{"modules": {"leaders": "no"}}"#,
                "modules.leaders",
                Problem::WrongType,
            ),
            (
                r#"{"reminder_days": 3}"#,
                "reminder_days",
                Problem::OutOfRange,
            ),
            (
                r#"{"reminder_days": "14"}"#,
                "reminder_days",
                Problem::WrongType,
            ),
            (r#"{"namespace": "a:b"}"#, "namespace", Problem::BadName),
            (r#"{"embed": "yes"}"#, "embed", Problem::WrongType),
            (r#"{"host_origin": "*"}"#, "host_origin", Problem::BadOrigin),
            (
                r#"{"host_origin": "https://lms.example.org/path"}"#,
                "host_origin",
                Problem::BadOrigin,
            ),
            (
                r#"{"host_origin": "http://lms.example.org"}"#,
                "host_origin",
                Problem::BadOrigin,
            ),
            (
                r#"{"instrument": "../secret.json"}"#,
                "instrument",
                Problem::BadFileName,
            ),
            (
                r#"{"scorm_completion": "always"}"#,
                "scorm_completion",
                Problem::BadChoice,
            ),
        ];
        for (text, key, problem) in cases {
            let d = load(Some(text), "");
            assert_eq!(problems(&d), [(key, problem)], "{text}");
            assert_eq!(d.file, FileState::Refused, "{text}");
            assert_eq!(d.config, Config::default(), "{text}");
        }
        assert_eq!(
            origin("http://127.0.0.1:9000").as_deref(),
            Some("http://127.0.0.1:9000")
        );
    }

    #[test]
    fn a_file_that_is_not_a_json_object_is_refused() {
        let d = load(Some("{\n  \"embed\": tru\n}"), "");
        assert_eq!(d.file, FileState::Refused);
        assert_eq!(problems(&d), [("", Problem::NotJson(2, 15))]);
        let deep = format!("{{\"modules\": {}", "[".repeat(100_000));
        let d = load(Some(&deep), "");
        assert!(matches!(
            d.issues[..],
            [Issue {
                problem: Problem::NotJson(1, _),
                ..
            }]
        ));
        let d = load(Some("[]"), "");
        assert_eq!(problems(&d), [("", Problem::NotObject)]);
    }

    #[test]
    fn a_key_given_twice_refuses_the_file_and_each_is_named() {
        let text = r#"{
            "host_origin": "https://lms.example.org",
            "contacts": [{"label": "A", "kind": "phone", "value": "123", "value": "456"}],
            "host_origin": "https://evil.example",
            "colour": 1
        }"#;
        let d = load(Some(text), "");
        assert_eq!(d.file, FileState::Refused);
        assert_eq!(d.config, Config::default());
        assert_eq!(
            problems(&d),
            [
                ("contacts[0].value", Problem::DuplicateKey),
                ("host_origin", Problem::DuplicateKey),
                ("colour", Problem::UnknownKey),
            ]
        );
    }

    #[test]
    fn the_host_origin_is_kept_as_browsers_write_it() {
        let d = load(
            Some(r#"{"host_origin": "HTTPS://LMS.Example.org:443"}"#),
            "",
        );
        assert_eq!(d.file, FileState::Applied, "{:?}", d.issues);
        assert_eq!(
            d.config.host_origin.as_deref(),
            Some("https://lms.example.org")
        );
    }

    #[test]
    fn names_and_labels_hold_no_hidden_characters() {
        for hidden in [
            r"\u0000", r"\u001b", r"\u007f", r"\u0085", r"\u202a", r"\u202e", r"\u2066", r"\u2069",
            r"\n",
        ] {
            let text = format!(r#"{{"organisation": "Riverside {hidden}Health"}}"#);
            let d = load(Some(&text), "");
            assert_eq!(
                problems(&d),
                [("organisation", Problem::HiddenCharacter)],
                "{text}"
            );
            assert_eq!(d.file, FileState::Refused);
        }
        // Text in any script, and the direction marks it may need, is fine.
        let d = load(
            Some(r#"{"organisation": "  مستشفى النهر \u200f Café  "}"#),
            "",
        );
        assert_eq!(d.file, FileState::Applied, "{:?}", d.issues);
        assert_eq!(
            d.config.organisation.as_deref(),
            Some("مستشفى النهر \u{200f} Café")
        );
    }

    #[test]
    fn the_address_sets_language_and_embed_only() {
        let d = load(
            None,
            "?lang=en&embed=1&host_origin=https%3A%2F%2Fevil.example&namespace=x",
        );
        assert_eq!(d.config.language, Some("en".to_string()));
        assert!(d.config.embed);
        assert_eq!(d.config.host_origin, None);
        assert_eq!(d.config.namespace, None);
        assert!(d.issues.is_empty());

        let d = load(Some(r#"{"embed": true}"#), "embed=0&lang=xx");
        assert!(!d.config.embed);
        assert_eq!(d.file, FileState::Applied);
        assert_eq!(
            d.issues,
            [Issue {
                source: Source::Address,
                key: "lang".into(),
                problem: Problem::BadLanguage
            }]
        );
    }
}
