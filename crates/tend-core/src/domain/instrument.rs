//! The instrument definition format: a check-in (Tend's own, or one an
//! organisation loads) described as data. Definitions are JSON; the format
//! is documented for people who write them in `docs/instrument-format.md`.
//!
//! A definition is only ever used after [`Instrument::from_json`] (or
//! [`Instrument::validate`]) has accepted it, so the scoring and reading
//! code can rely on every check in [`crate::domain::validation`].

use super::validation::InstrumentError;
use crate::json::{self, Fields, JsonError, Map, Number, Value};

/// One instrument definition: what to ask, how to score it, how to band
/// the scores.
#[derive(Clone, Debug, PartialEq)]
pub struct Instrument {
    /// Stable id, the same in every locale (`tend`). Saved with each
    /// check-in so its answers can be scored again later.
    pub id: String,
    /// The definition's version (`1`, `2.1`). A change to items, subscales
    /// or bands needs a new version.
    pub version: String,
    /// The name shown to the person.
    pub title: String,
    /// The language of every string in this file, as a language tag
    /// (`en`, `es`, `en-GB`).
    pub locale: String,
    /// Who wrote the instrument and under what licence it is used, shown
    /// wherever the instrument is offered.
    pub attribution: String,
    /// The answer scale shared by every scale and safety item.
    pub scale: ResponseScale,
    /// The questions, in the order they are asked, one section per screen.
    pub sections: Vec<Section>,
    /// What the items add up to, and how those scores are banded.
    pub subscales: Vec<Subscale>,
}

/// The answer scale: integer values from `min` to `max`, with labels.
#[derive(Clone, Debug, PartialEq)]
pub struct ResponseScale {
    /// The lowest value an answer can take.
    pub min: i32,
    /// The highest value an answer can take, or none for an open count
    /// (such as a number of days). Reverse keying needs a maximum.
    pub max: Option<i32>,
    /// The labelled points of the scale, lowest first. The minimum (and
    /// the maximum, when there is one) must be labelled; points without a
    /// label are shown as their number.
    pub labels: Vec<ScalePoint>,
    /// The label of the "prefer not to answer" choice, or none when the
    /// instrument does not offer it. A "prefer not" answer counts as not
    /// answered when scoring.
    pub prefer_not: Option<String>,
}

/// One labelled point of the answer scale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScalePoint {
    /// The value scored for this answer.
    pub value: i32,
    /// What the person sees (`Sometimes`).
    pub label: String,
}

/// A group of items shown together on one screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// Stable id, unique among sections.
    pub id: String,
    /// The screen's heading.
    pub title: String,
    /// A short lead-in shown under the heading, if any.
    pub intro: Option<String>,
    /// The section's items, in the order they are asked.
    pub items: Vec<Item>,
}

/// One question.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Stable id, unique among all items of the instrument.
    pub id: String,
    /// The statement or question the person answers.
    pub text: String,
    /// How the item is answered and whether it can be scored.
    pub kind: ItemKind,
    /// The subscale this item's answer adds to, or none for an item that
    /// is not scored. Only scale items can be scored.
    pub subscale: Option<String>,
    /// Whether the answer is reverse keyed (`max + min - value`) before
    /// it is scored.
    pub reverse: bool,
    /// CONTENT.md fact ids this item measures (`SYM-5`), for the content
    /// coverage check. Optional; loaded instruments usually leave it out.
    pub covers: Vec<String>,
    /// The answers a choice item offers, in order. Only for choice items.
    pub options: Vec<ChoiceOption>,
    /// Whether a choice item takes any number of options (true) or exactly
    /// one (false). Only for choice items.
    pub multiple: bool,
    /// What a context item asks about, so the reading can use its answer.
    /// Only for choice items.
    pub context: Option<ContextQuestion>,
}

/// How an item is answered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ItemKind {
    /// Answered on the instrument's response scale; scored when it names a
    /// subscale.
    #[default]
    Scale,
    /// Answered by picking from the item's own options; never scored.
    Choice,
    /// Answered on the response scale, never scored: any answer above the
    /// scale's minimum (or "prefer not to answer") shows the help panel.
    Safety,
}

impl ItemKind {
    /// Every kind, in the order of [`ItemKind::NAMES`].
    const ALL: [ItemKind; 3] = [ItemKind::Scale, ItemKind::Choice, ItemKind::Safety];
    /// The JSON spelling of each kind.
    const NAMES: [&'static str; 3] = ["scale", "choice", "safety"];

    /// Whether this is the default kind (left out of written JSON).
    pub fn is_scale(&self) -> bool {
        *self == ItemKind::Scale
    }
}

/// One answer a choice item offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChoiceOption {
    /// Stable id, unique within the item, saved as the answer.
    pub id: String,
    /// What the person sees.
    pub label: String,
}

/// What a context (choice) item asks about. The reading relies on fixed
/// option ids for `exposure` and `recent_incident`; validation checks them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ContextQuestion {
    /// The person's role or field. Option ids are free.
    Role,
    /// How long they have done this work. Option ids are free.
    Years,
    /// How often they hear about or see others' trauma. Option ids must be
    /// among `daily`, `weekly`, `monthly`, `rarely`; single choice.
    Exposure,
    /// Whether one especially distressing incident happened recently.
    /// Options must be exactly `yes` and `no`; single choice.
    RecentIncident,
    /// Which supports they have. Option ids are free.
    Supports,
}

impl ContextQuestion {
    const ALL: [ContextQuestion; 5] = [
        ContextQuestion::Role,
        ContextQuestion::Years,
        ContextQuestion::Exposure,
        ContextQuestion::RecentIncident,
        ContextQuestion::Supports,
    ];
    const NAMES: [&'static str; 5] = ["role", "years", "exposure", "recent_incident", "supports"];

    /// The id used in JSON (`recent_incident`).
    pub fn as_str(self) -> &'static str {
        match self {
            ContextQuestion::Role => "role",
            ContextQuestion::Years => "years",
            ContextQuestion::Exposure => "exposure",
            ContextQuestion::RecentIncident => "recent_incident",
            ContextQuestion::Supports => "supports",
        }
    }
}

/// Exposure option ids that mean "often enough to build up": the
/// cumulative path.
pub const FREQUENT_EXPOSURE: [&str; 2] = ["daily", "weekly"];

/// Every exposure option id the reading understands.
pub const EXPOSURE_OPTIONS: [&str; 4] = ["daily", "weekly", "monthly", "rarely"];

/// The option ids a recent-incident item must offer.
pub const RECENT_INCIDENT_OPTIONS: [&str; 2] = ["yes", "no"];

/// A score built from items: a cluster, a headline area, or any scale of
/// a loaded instrument.
#[derive(Clone, Debug, PartialEq)]
pub struct Subscale {
    /// Stable id, unique among subscales.
    pub id: String,
    /// The name shown with the score.
    pub name: String,
    /// Whether the score is the sum or the mean of its (keyed) items.
    pub scoring: Scoring,
    /// The share of its items (0 to 1) that must be answered for a score;
    /// below it the result is "not enough answers". A sum over fewer items
    /// than all is prorated: mean of the answered items × item count.
    /// Defaults to 1 (every item).
    pub min_answered: f64,
    /// Decimal places the score is rounded to (half away from zero) before
    /// banding and display; band edges use the same precision. 0 to 4,
    /// default 0.
    pub decimals: u8,
    /// The subscale this one rolls up into. A parent's score is computed
    /// over the items of all its descendants, with its own scoring rule.
    pub parent: Option<String>,
    /// Which headline score this is, if any (at most one subscale each).
    pub headline: Option<Headline>,
    /// Bands from the lowest scores to the highest, together covering every
    /// possible score exactly once. May be empty: the score is then shown
    /// without a band.
    pub bands: Vec<Band>,
}

/// How a subscale combines its items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scoring {
    /// The sum of the keyed answers (prorated when some are missing).
    Sum,
    /// The mean of the keyed answers given.
    Mean,
}

impl Scoring {
    const ALL: [Scoring; 2] = [Scoring::Sum, Scoring::Mean];
    const NAMES: [&'static str; 2] = ["sum", "mean"];
}

/// The three headline scores the results page sets side by side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Headline {
    /// Secondary traumatic stress: the effect of others' trauma.
    SecondaryTrauma,
    /// Burnout: the effect of workload and the job itself.
    Burnout,
    /// Sustaining factors: meaning, pride, effectiveness, connection.
    Sustaining,
}

impl Headline {
    const ALL: [Headline; 3] = [
        Headline::SecondaryTrauma,
        Headline::Burnout,
        Headline::Sustaining,
    ];
    const NAMES: [&'static str; 3] = ["sts", "burnout", "sustaining"];

    /// The id used in JSON (`sts`).
    pub fn as_str(self) -> &'static str {
        match self {
            Headline::SecondaryTrauma => "sts",
            Headline::Burnout => "burnout",
            Headline::Sustaining => "sustaining",
        }
    }
}

/// A labelled range of scores, inclusive at both ends.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    /// Stable id, unique within the subscale (`low`), the same in every
    /// locale.
    pub id: String,
    /// What the person sees (`Low`).
    pub label: String,
    /// The lowest score in the band, inclusive; none for "and below".
    pub min: Option<f64>,
    /// The highest score in the band, inclusive; none for "and above".
    pub max: Option<f64>,
    /// What a score in this band suggests, in plain words, if the
    /// definition says.
    pub interpretation: Option<String>,
}

impl Instrument {
    /// Reads and validates a definition. On any problem it returns the
    /// first one found and nothing else: the caller's current instruments
    /// stay as they were.
    pub fn from_json(text: &str) -> Result<Instrument, InstrumentError> {
        let instrument = json::parse_unique_keys(text)
            .and_then(|v| Instrument::from_value(&v))
            .map_err(|e| {
                let (line, column) = e.line_column(text);
                InstrumentError::Parse {
                    line,
                    column,
                    message: e.message,
                }
            })?;
        instrument.validate()?;
        Ok(instrument)
    }

    /// Every item, section by section, in the order asked.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().find(|i| i.id == id)
    }

    /// The subscale with this id.
    pub fn subscale(&self, id: &str) -> Option<&Subscale> {
        self.subscales.iter().find(|s| s.id == id)
    }

    /// The subscale marked as this headline, if the instrument has one.
    pub fn headline(&self, headline: Headline) -> Option<&Subscale> {
        self.subscales.iter().find(|s| s.headline == Some(headline))
    }

    /// The subscales that roll up directly into `parent`, in definition
    /// order.
    pub fn children<'a>(&'a self, parent: &'a str) -> impl Iterator<Item = &'a Subscale> + 'a {
        self.subscales
            .iter()
            .filter(move |s| s.parent.as_deref() == Some(parent))
    }

    /// The context item asking about `question`, if the instrument has one.
    pub fn context_item(&self, question: ContextQuestion) -> Option<&Item> {
        self.items().find(|i| i.context == Some(question))
    }

    /// Whether `subscale` is `ancestor` or rolls up into it, at any depth.
    pub fn is_within(&self, subscale: &str, ancestor: &str) -> bool {
        let mut current = Some(subscale);
        // A chain longer than the number of subscales is a cycle; validated
        // definitions have none, but this must not loop on one that isn't.
        for _ in 0..=self.subscales.len() {
            match current {
                Some(id) if id == ancestor => return true,
                Some(id) => current = self.subscale(id).and_then(|s| s.parent.as_deref()),
                None => return false,
            }
        }
        false
    }

    /// The items a subscale is scored over: its own and those of every
    /// subscale that rolls up into it, in the order asked.
    pub fn subscale_items(&self, subscale: &str) -> Vec<&Item> {
        self.items()
            .filter(|i| {
                i.subscale
                    .as_deref()
                    .is_some_and(|s| self.is_within(s, subscale))
            })
            .collect()
    }
}

impl ResponseScale {
    /// Whether `value` is on the scale.
    pub fn contains(&self, value: i32) -> bool {
        value >= self.min && self.max.is_none_or(|max| value <= max)
    }

    /// The reverse-keyed value, `max + min - value`, or none when the
    /// scale has no maximum.
    pub fn reverse(&self, value: i32) -> Option<i32> {
        let max = self.max?;
        // i64 so that extreme scales in a loaded file cannot overflow.
        i32::try_from(i64::from(max) + i64::from(self.min) - i64::from(value)).ok()
    }

    /// The label of `value`, if that point is labelled.
    pub fn label(&self, value: i32) -> Option<&str> {
        self.labels
            .iter()
            .find(|p| p.value == value)
            .map(|p| p.label.as_str())
    }
}

impl Subscale {
    /// The band with this id.
    pub fn band(&self, id: &str) -> Option<&Band> {
        self.bands.iter().find(|b| b.id == id)
    }
}

// ------------------------------------------------------------------ JSON
//
// Reading is strict, as the format document says: an unknown field is an
// error; a field left out takes its default (`kind` scale, `reverse` and
// `multiple` false, `min_answered` 1, `decimals` 0, lists empty); an
// optional field may also be null. Writing leaves out every field that
// holds its default.

const I32: (i64, i64) = (i32::MIN as i64, i32::MAX as i64);

fn read_variant<T: Copy>(v: &Value, at: usize, names: &[&str], all: &[T]) -> Result<T, JsonError> {
    json::variant(v, at, names).map(|i| all[i])
}

fn optional_variant<T: Copy>(
    f: &Fields,
    key: &str,
    names: &[&str],
    all: &[T],
) -> Result<Option<T>, JsonError> {
    match f.get(key) {
        None | Some((Value::Null, _)) => Ok(None),
        Some((v, at)) => read_variant(v, at, names, all).map(Some),
    }
}

/// An id/label pair, as scale points and choice options are written.
fn read_labelled<'a>(
    v: &'a Value,
    at: usize,
    first: &str,
) -> Result<(Fields<'a>, String), JsonError> {
    let f = Fields::read(v, at, &[first, "label"])?;
    let label = f.string("label")?;
    Ok((f, label))
}

fn float(f: f64) -> Value {
    Number::from_f64(f).map_or(Value::Null, Value::Number)
}

impl Instrument {
    /// Reads a definition from parsed JSON, without validating it.
    pub fn from_value(v: &Value) -> Result<Instrument, JsonError> {
        let f = Fields::read(
            v,
            0,
            &[
                "id",
                "version",
                "title",
                "locale",
                "attribution",
                "scale",
                "sections",
                "subscales",
            ],
        )?;
        let (scale, scale_at) = f.required("scale")?;
        Ok(Instrument {
            id: f.string("id")?,
            version: f.string("version")?,
            title: f.string("title")?,
            locale: f.string("locale")?,
            attribution: f.string("attribution")?,
            scale: ResponseScale::from_value(scale, scale_at)?,
            sections: f.list("sections", true, Section::from_value)?,
            subscales: f.list("subscales", true, Subscale::from_value)?,
        })
    }

    /// The definition as JSON, leaving out fields that hold their default.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("id", self.id.as_str());
        m.insert("version", self.version.as_str());
        m.insert("title", self.title.as_str());
        m.insert("locale", self.locale.as_str());
        m.insert("attribution", self.attribution.as_str());
        m.insert("scale", self.scale.to_json());
        m.insert("sections", list(&self.sections, Section::to_json));
        m.insert("subscales", list(&self.subscales, Subscale::to_json));
        Value::Object(m)
    }
}

fn list<T>(items: &[T], write: fn(&T) -> Value) -> Value {
    Value::Array(items.iter().map(write).collect())
}

impl ResponseScale {
    fn from_value(v: &Value, at: usize) -> Result<ResponseScale, JsonError> {
        let f = Fields::read(v, at, &["min", "max", "labels", "prefer_not"])?;
        Ok(ResponseScale {
            min: f.integer("min", I32.0, I32.1)? as i32,
            max: f.optional_integer("max", I32.0, I32.1)?.map(|n| n as i32),
            labels: f.list("labels", true, |v, at| {
                let (f, label) = read_labelled(v, at, "value")?;
                Ok(ScalePoint {
                    value: f.integer("value", I32.0, I32.1)? as i32,
                    label,
                })
            })?,
            prefer_not: f.optional_string("prefer_not")?,
        })
    }

    fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("min", i64::from(self.min));
        if let Some(max) = self.max {
            m.insert("max", i64::from(max));
        }
        m.insert(
            "labels",
            list(&self.labels, |p| {
                let mut m = Map::new();
                m.insert("value", i64::from(p.value));
                m.insert("label", p.label.as_str());
                Value::Object(m)
            }),
        );
        if let Some(text) = &self.prefer_not {
            m.insert("prefer_not", text.as_str());
        }
        Value::Object(m)
    }
}

impl Section {
    fn from_value(v: &Value, at: usize) -> Result<Section, JsonError> {
        let f = Fields::read(v, at, &["id", "title", "intro", "items"])?;
        Ok(Section {
            id: f.string("id")?,
            title: f.string("title")?,
            intro: f.optional_string("intro")?,
            items: f.list("items", true, Item::from_value)?,
        })
    }

    fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("id", self.id.as_str());
        m.insert("title", self.title.as_str());
        if let Some(intro) = &self.intro {
            m.insert("intro", intro.as_str());
        }
        m.insert("items", list(&self.items, Item::to_json));
        Value::Object(m)
    }
}

impl Item {
    fn from_value(v: &Value, at: usize) -> Result<Item, JsonError> {
        let f = Fields::read(
            v,
            at,
            &[
                "id", "text", "kind", "subscale", "reverse", "covers", "options", "multiple",
                "context",
            ],
        )?;
        let kind = match f.get("kind") {
            None => ItemKind::Scale,
            Some((v, at)) => read_variant(v, at, &ItemKind::NAMES, &ItemKind::ALL)?,
        };
        Ok(Item {
            id: f.string("id")?,
            text: f.string("text")?,
            kind,
            subscale: f.optional_string("subscale")?,
            reverse: f.flag("reverse")?,
            covers: f.list("covers", false, json::string)?,
            options: f.list("options", false, |v, at| {
                let (f, label) = read_labelled(v, at, "id")?;
                Ok(ChoiceOption {
                    id: f.string("id")?,
                    label,
                })
            })?,
            multiple: f.flag("multiple")?,
            context: optional_variant(
                &f,
                "context",
                &ContextQuestion::NAMES,
                &ContextQuestion::ALL,
            )?,
        })
    }

    fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("id", self.id.as_str());
        m.insert("text", self.text.as_str());
        if !self.kind.is_scale() {
            m.insert("kind", ItemKind::NAMES[self.kind as usize]);
        }
        if let Some(subscale) = &self.subscale {
            m.insert("subscale", subscale.as_str());
        }
        if self.reverse {
            m.insert("reverse", true);
        }
        if !self.covers.is_empty() {
            m.insert("covers", list(&self.covers, |c| Value::from(c.as_str())));
        }
        if !self.options.is_empty() {
            m.insert(
                "options",
                list(&self.options, |o| {
                    let mut m = Map::new();
                    m.insert("id", o.id.as_str());
                    m.insert("label", o.label.as_str());
                    Value::Object(m)
                }),
            );
        }
        if self.multiple {
            m.insert("multiple", true);
        }
        if let Some(context) = self.context {
            m.insert("context", context.as_str());
        }
        Value::Object(m)
    }
}

impl Subscale {
    fn from_value(v: &Value, at: usize) -> Result<Subscale, JsonError> {
        let f = Fields::read(
            v,
            at,
            &[
                "id",
                "name",
                "scoring",
                "min_answered",
                "decimals",
                "parent",
                "headline",
                "bands",
            ],
        )?;
        let (scoring, scoring_at) = f.required("scoring")?;
        let min_answered = match f.get("min_answered") {
            None => 1.0,
            Some((v, at)) => v
                .as_f64()
                .ok_or_else(|| json::wrong_type(v, "a number", at))?,
        };
        Ok(Subscale {
            id: f.string("id")?,
            name: f.string("name")?,
            scoring: read_variant(scoring, scoring_at, &Scoring::NAMES, &Scoring::ALL)?,
            min_answered,
            decimals: match f.get("decimals") {
                None => 0,
                Some(_) => f.integer("decimals", 0, 255)? as u8,
            },
            parent: f.optional_string("parent")?,
            headline: optional_variant(&f, "headline", &Headline::NAMES, &Headline::ALL)?,
            bands: f.list("bands", false, Band::from_value)?,
        })
    }

    fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("id", self.id.as_str());
        m.insert("name", self.name.as_str());
        m.insert("scoring", Scoring::NAMES[self.scoring as usize]);
        if self.min_answered != 1.0 {
            m.insert("min_answered", float(self.min_answered));
        }
        if self.decimals != 0 {
            m.insert("decimals", u64::from(self.decimals));
        }
        if let Some(parent) = &self.parent {
            m.insert("parent", parent.as_str());
        }
        if let Some(headline) = self.headline {
            m.insert("headline", headline.as_str());
        }
        if !self.bands.is_empty() {
            m.insert("bands", list(&self.bands, Band::to_json));
        }
        Value::Object(m)
    }
}

impl Band {
    fn from_value(v: &Value, at: usize) -> Result<Band, JsonError> {
        let f = Fields::read(v, at, &["id", "label", "min", "max", "interpretation"])?;
        Ok(Band {
            id: f.string("id")?,
            label: f.string("label")?,
            min: f.optional_number("min")?,
            max: f.optional_number("max")?,
            interpretation: f.optional_string("interpretation")?,
        })
    }

    fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("id", self.id.as_str());
        m.insert("label", self.label.as_str());
        if let Some(min) = self.min {
            m.insert("min", float(min));
        }
        if let Some(max) = self.max {
            m.insert("max", float(max));
        }
        if let Some(text) = &self.interpretation {
            m.insert("interpretation", text.as_str());
        }
        Value::Object(m)
    }
}
