//! The languages Tend has in memory. English is compiled in and always
//! there. Any other language arrives as its pack ([`tend_content::pack`]),
//! which the app fetches when the language is chosen and installs here with
//! [`install`]; until then, and if it cannot be read, that language's
//! strings are English's, so the app always has words to show.
//!
//! A pack is installed at most once per page and kept for the page's life,
//! like English's statics: its texts are leaked into `&'static str` so that
//! every screen reads every language the same way (`locale.strings()`).
//! Pure: no browser code (the fetch is `ui::language`).

use super::strategies::EN_STRATEGIES;
use super::{Contact, ContactKind, Content, Locale, Page, Region, Strings};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;
use tend_content::pack::{ContactWay, InstrumentTexts, Pack, PageText, Text};
use tend_content::render::Plural;
use tend_core::domain::instrument::Instrument;
use tend_core::domain::strategy::Strategy;

/// Everything one language says that the app keeps in memory.
#[derive(Debug)]
pub struct LocaleData {
    /// The interface strings.
    pub strings: &'static Strings,
    /// Learn, the leaders' guide, Get help and the reading list.
    pub content: &'static Content,
    /// The strategy library, in library order.
    pub strategies: &'static [Strategy],
    /// Tend's own check-in and pulse in this language, when it has them;
    /// none for English (compiled into the core) and for a language that
    /// asks the English ones.
    pub instruments: Option<&'static OwnInstruments>,
}

/// Tend's own check-in (each version) and pulse in one language, each
/// checked as a faithful translation of the English one.
#[derive(Debug, PartialEq)]
pub struct OwnInstruments {
    /// The check-in's current version.
    pub checkin: Instrument,
    /// Its earlier versions, oldest first.
    pub earlier: Vec<Instrument>,
    /// The one-minute pulse.
    pub pulse: Instrument,
    /// The organisation self-check, when the language has translated it.
    pub org: Option<Instrument>,
}

static ENGLISH: LocaleData = LocaleData {
    strings: &super::EN_STRINGS,
    content: &super::EN_CONTENT,
    strategies: EN_STRATEGIES,
    instruments: None,
};

/// The installed packs, by `Locale` (English's slot stays empty).
static INSTALLED: [OnceLock<LocaleData>; Locale::ALL.len()] =
    [const { OnceLock::new() }; Locale::ALL.len()];

impl Locale {
    /// This language's words: English's until its pack is installed.
    fn data(self) -> &'static LocaleData {
        if self.pack().is_none() {
            return &ENGLISH;
        }
        if let Some(data) = INSTALLED.get(self as usize).and_then(OnceLock::get) {
            return data;
        }
        // Native builds (the tests) have every pack at hand, so they read
        // it here instead of fetching it.
        #[cfg(not(target_arch = "wasm32"))]
        if install(self, self.pack_text()).is_ok() {
            if let Some(data) = INSTALLED.get(self as usize).and_then(OnceLock::get) {
                return data;
            }
        }
        &ENGLISH
    }

    /// Whether this language's words are in memory (always, for English).
    pub fn is_ready(self) -> bool {
        self.pack().is_none()
            || INSTALLED
                .get(self as usize)
                .is_some_and(|l| l.get().is_some())
    }

    /// The interface strings of this language.
    pub fn strings(self) -> &'static Strings {
        self.data().strings
    }

    /// The content (learning pages, help, reading list) of this language.
    pub fn content(self) -> &'static Content {
        self.data().content
    }

    /// The strategy library of this language, in library order. Every
    /// language has the same ids and tags in the same order.
    pub fn strategies(self) -> &'static [Strategy] {
        self.data().strategies
    }

    /// Tend's own check-in and pulse in this language, if it has them.
    pub fn own_instruments(self) -> Option<&'static OwnInstruments> {
        self.data().instruments
    }
}

/// Why a pack could not be installed. Shown to the person as one plain
/// sentence; this detail goes to the console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackError {
    /// The file is not a pack: not JSON, or not of the pack's shape.
    NotAPack(String),
    /// The pack is another language's.
    WrongLanguage {
        /// The language asked for.
        expected: &'static str,
        /// The language the pack says it is.
        found: String,
    },
    /// A string English has is missing.
    Missing(String),
    /// A string is a plain text where English counts, or the other way round.
    Shape(String),
    /// A string English does not have.
    Unknown(String),
    /// The strategy library's ids differ from English's.
    Strategies,
    /// A translation of Tend's check-in, pulse or self-check is invalid or
    /// unfaithful.
    Instrument(String),
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackError::NotAPack(why) => write!(f, "not a language pack: {why}"),
            PackError::WrongLanguage { expected, found } => {
                write!(f, "the pack for {expected} is the pack of {found}")
            }
            PackError::Missing(key) => write!(f, "the string `{key}` is missing"),
            PackError::Shape(key) => write!(
                f,
                "the string `{key}` must be counted in every language, or in none"
            ),
            PackError::Unknown(key) => write!(f, "the string `{key}` is not one Tend has"),
            PackError::Strategies => f.write_str("the strategies are not English's, in order"),
            PackError::Instrument(why) => {
                write!(f, "its check-in, pulse or self-check: {why}")
            }
        }
    }
}

/// A page lives as long as its words: see the module's notes.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn leak_all<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

/// A pack's interface strings, taken one key at a time by the generated
/// `Strings::from_pack`.
pub struct Texts(BTreeMap<String, Text>);

impl Texts {
    /// The plain text of `key`.
    pub fn text(&mut self, key: &str) -> Result<&'static str, PackError> {
        match self.0.remove(key) {
            Some(Text::One(text)) => Ok(leak(text)),
            Some(Text::Plural(_)) => Err(PackError::Shape(key.to_owned())),
            None => Err(PackError::Missing(key.to_owned())),
        }
    }

    /// The plural forms of `key`.
    pub fn plural(&mut self, key: &str) -> Result<Plural, PackError> {
        let forms = match self.0.remove(key) {
            Some(Text::Plural(forms)) => forms,
            Some(Text::One(_)) => return Err(PackError::Shape(key.to_owned())),
            None => return Err(PackError::Missing(key.to_owned())),
        };
        Ok(Plural {
            zero: forms.zero.map(leak),
            one: forms.one.map(leak),
            two: forms.two.map(leak),
            few: forms.few.map(leak),
            many: forms.many.map(leak),
            other: leak(forms.other),
        })
    }

    /// Fails on the first string left over.
    fn finish(self) -> Result<(), PackError> {
        match self.0.into_keys().next() {
            Some(key) => Err(PackError::Unknown(key)),
            None => Ok(()),
        }
    }
}

fn pages(list: Vec<PageText>) -> &'static [Page] {
    leak_all(
        list.into_iter()
            .map(|p| Page {
                slug: leak(p.slug),
                title: leak(p.title),
                summary: leak(p.summary),
                body: leak(p.body),
            })
            .collect(),
    )
}

/// One definition of a pack, checked as a translation of `base`.
fn translation(json: &str, base: &Instrument) -> Result<Instrument, PackError> {
    let ours = Instrument::from_json(json).map_err(|e| PackError::Instrument(e.to_string()))?;
    ours.check_translation_of(base)
        .map_err(|e| PackError::Instrument(e.to_string()))?;
    Ok(ours)
}

/// A pack's check-in (each version English keeps) and pulse, each a
/// faithful translation of English's.
fn own_instruments(texts: InstrumentTexts) -> Result<OwnInstruments, PackError> {
    let english = |r: Result<&'static Instrument, &'static _>| {
        r.map_err(|e: &tend_core::domain::validation::InstrumentError| {
            PackError::Instrument(e.to_string())
        })
    };
    let checkin = translation(&texts.checkin, english(tend_core::builtin::tend())?)?;
    let pulse = translation(&texts.pulse, english(tend_core::builtin::pulse())?)?;
    let earlier_en =
        tend_core::builtin::tend_earlier().map_err(|e| PackError::Instrument(e.to_string()))?;
    if texts.earlier.len() != earlier_en.len() {
        return Err(PackError::Instrument(
            "it does not translate every earlier version of the check-in".into(),
        ));
    }
    let earlier = texts
        .earlier
        .iter()
        .zip(earlier_en)
        .map(|(json, base)| translation(json, base))
        .collect::<Result<Vec<_>, _>>()?;
    let org = match &texts.org {
        Some(json) => Some(translation(json, english(tend_core::builtin::org())?)?),
        None => None,
    };
    Ok(OwnInstruments {
        checkin,
        earlier,
        pulse,
        org,
    })
}

/// A language's words from its pack, checked against English's shape.
fn from_pack(locale: Locale, pack: Pack) -> Result<LocaleData, PackError> {
    if pack.code != locale.code() {
        return Err(PackError::WrongLanguage {
            expected: locale.code(),
            found: pack.code,
        });
    }
    let mut texts = Texts(pack.strings);
    let strings = Strings::from_pack(locale.code(), &mut texts)?;
    texts.finish()?;
    let same_ids = pack.strategies.len() == EN_STRATEGIES.len()
        && pack
            .strategies
            .iter()
            .zip(EN_STRATEGIES)
            .all(|(s, en)| s.id == en.id);
    if !same_ids {
        return Err(PackError::Strategies);
    }
    let strategies = pack
        .strategies
        .into_iter()
        .zip(EN_STRATEGIES)
        .map(|(s, en)| Strategy {
            title: leak(s.title),
            summary: leak(s.summary),
            body: leak(s.body),
            ..*en
        })
        .collect();
    let regions = pack
        .regions
        .into_iter()
        .map(|r| Region {
            id: leak(r.id),
            name: leak(r.name),
            note: leak(r.note),
            contacts: leak_all(
                r.contacts
                    .into_iter()
                    .map(|c| Contact {
                        label: leak(c.label),
                        detail: leak(c.detail),
                        kind: match c.kind {
                            ContactWay::Phone => ContactKind::Phone,
                            ContactWay::Text => ContactKind::Text,
                            ContactWay::Web => ContactKind::Web,
                        },
                        value: leak(c.value),
                    })
                    .collect(),
            ),
        })
        .collect();
    let content = Content {
        learn: pages(pack.learn),
        leaders: pages(pack.leaders),
        regions: leak_all(regions),
        reading_list: leak(pack.reading_list),
    };
    let instruments = match pack.instruments {
        Some(texts) => Some(&*Box::leak(Box::new(own_instruments(texts)?))),
        None => None,
    };
    Ok(LocaleData {
        strings: Box::leak(Box::new(strings)),
        content: Box::leak(Box::new(content)),
        strategies: leak_all(strategies),
        instruments,
    })
}

/// `json` read as the pack of `locale`.
fn read(locale: Locale, json: &str) -> Result<LocaleData, PackError> {
    let pack: Pack = serde_json::from_str(json).map_err(|e| PackError::NotAPack(e.to_string()))?;
    from_pack(locale, pack)
}

/// Reads `json`, the pack of `locale`, and keeps it for the page's life.
/// Nothing changes if it cannot be read, or if the language is already in
/// memory (English always is).
pub fn install(locale: Locale, json: &str) -> Result<(), PackError> {
    if locale.is_ready() {
        return Ok(());
    }
    let data = read(locale, json)?;
    if let Some(slot) = INSTALLED.get(locale as usize) {
        // Only one install can reach here: the app runs on one thread and
        // checked `is_ready` above.
        let _ = slot.set(data);
    }
    Ok(())
}

/// English read from its own pack: what every language's pack must carry,
/// checked against what is compiled in (for tests).
pub fn english_from_its_pack() -> Result<LocaleData, PackError> {
    read(Locale::En, Locale::En.pack_text())
}

/// English's words, as compiled in (for tests).
pub fn english() -> &'static LocaleData {
    &ENGLISH
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_s_pack_carries_exactly_what_is_compiled_in() {
        let read = english_from_its_pack().unwrap();
        assert_eq!(read.strings, english().strings);
        assert_eq!(read.content, english().content);
        assert_eq!(read.strategies, english().strategies);
    }

    fn english_pack() -> Pack {
        serde_json::from_str(Locale::En.pack_text()).unwrap()
    }

    #[test]
    fn a_pack_that_lacks_adds_or_reshapes_a_string_is_refused() {
        let mut pack = english_pack();
        pack.strings.remove("home_title");
        assert_eq!(
            from_pack(Locale::En, pack).map(|_| ()),
            Err(PackError::Missing("home_title".into()))
        );
        let mut pack = english_pack();
        pack.strings
            .insert("home_motto".into(), Text::One("Extra".into()));
        assert_eq!(
            from_pack(Locale::En, pack).map(|_| ()),
            Err(PackError::Unknown("home_motto".into()))
        );
        let mut pack = english_pack();
        pack.strings
            .insert("practice_used".into(), Text::One("Done".into()));
        assert_eq!(
            from_pack(Locale::En, pack).map(|_| ()),
            Err(PackError::Shape("practice_used".into()))
        );
    }

    #[test]
    fn a_pack_of_another_language_or_other_strategies_is_refused() {
        let mut pack = english_pack();
        pack.code = "fr".into();
        let err = from_pack(Locale::En, pack).map(|_| ()).unwrap_err();
        assert_eq!(err.to_string(), "the pack for en is the pack of fr");
        let mut pack = english_pack();
        pack.strategies.swap(0, 1);
        assert_eq!(
            from_pack(Locale::En, pack).map(|_| ()),
            Err(PackError::Strategies)
        );
        let not_json = read(Locale::En, "{\"code\":").map(|_| ());
        assert!(
            matches!(not_json, Err(PackError::NotAPack(_))),
            "{not_json:?}"
        );
    }

    /// English's definitions as a pretend translation: the same, with
    /// their locale changed.
    fn pretend_translations() -> InstrumentTexts {
        let relabel = |json: &str| json.replace("\"locale\": \"en\"", "\"locale\": \"en-XA\"");
        InstrumentTexts {
            checkin: relabel(tend_core::builtin::TEND_EN),
            earlier: vec![relabel(tend_core::builtin::TEND_V1_EN)],
            pulse: relabel(tend_core::builtin::PULSE_EN),
            org: Some(relabel(tend_core::builtin::ORG_EN)),
        }
    }

    #[test]
    fn a_pack_s_check_in_and_pulse_are_read_when_faithful() {
        let mut pack = english_pack();
        pack.instruments = Some(pretend_translations());
        let read = from_pack(Locale::En, pack).unwrap();
        let own = read.instruments.unwrap();
        assert_eq!(
            (own.checkin.version.as_str(), own.checkin.locale.as_str()),
            ("2", "en-XA")
        );
        assert_eq!(own.earlier.len(), 1);
        assert_eq!(own.earlier[0].version, "1");
        assert_eq!(own.pulse.id, "tend-pulse");
        assert_eq!(
            own.org.as_ref().map(|o| (o.id.as_str(), o.locale.as_str())),
            Some(("tend-org", "en-XA"))
        );
    }

    #[test]
    fn a_pack_s_unfaithful_or_incomplete_check_in_is_refused() {
        let mut texts = pretend_translations();
        texts.checkin = texts
            .checkin
            .replace("\"id\": \"hs-sleep\"", "\"id\": \"hs-rest\"");
        let mut pack = english_pack();
        pack.instruments = Some(texts);
        let err = from_pack(Locale::En, pack).map(|_| ()).unwrap_err();
        assert!(matches!(err, PackError::Instrument(_)), "{err}");

        let mut texts = pretend_translations();
        texts.earlier.clear();
        let mut pack = english_pack();
        pack.instruments = Some(texts);
        assert_eq!(
            from_pack(Locale::En, pack).map(|_| ()),
            Err(PackError::Instrument(
                "it does not translate every earlier version of the check-in".into()
            ))
        );
    }

    /// Spanish carries its own organisation self-check, the same statements
    /// as English's in Spanish words.
    #[test]
    fn spanish_leaders_get_the_spanish_self_check() {
        let es = Locale::Es;
        install(es, es.pack_text()).unwrap();
        let org = super::super::instruments::org(es).unwrap();
        let en = tend_core::builtin::org().unwrap();
        assert_eq!((org.id.as_str(), org.locale.as_str()), ("tend-org", "es"));
        assert_eq!(org.scale.dont_know.as_deref(), Some("No lo sé"));
        let ids = |i: &Instrument| i.items().map(|x| x.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(org), ids(en));
        assert_ne!(org.title, en.title);
    }

    /// Every other language's pack installs, and then its words are its own.
    #[test]
    fn every_language_s_pack_installs() {
        for locale in &Locale::ALL[1..] {
            install(*locale, locale.pack_text()).unwrap();
            assert!(locale.is_ready());
            assert_eq!(locale.strings().code, locale.code());
            assert_eq!(locale.strategies().len(), EN_STRATEGIES.len());
        }
    }
}
