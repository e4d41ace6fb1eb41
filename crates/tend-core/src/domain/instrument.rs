//! The instrument definition format: a check-in (Tend's own, or one an
//! organisation loads) described as data. Definitions are JSON; the format
//! is documented for people who write them in `docs/instrument-format.md`.
//!
//! Reading is strict, as that document says: an unknown or repeated field
//! is an error; a field left out takes its default (the instrument's
//! `kind` a check-in, an item's `kind` scale, `reverse` and `multiple`
//! false, `min_answered` 1, `decimals` 0, lists empty); an optional field
//! may also be null. Writing leaves out every field that holds its default.
//!
//! Most definitions are check-ins, answered by one person about
//! themselves. An organisation self-check (`"kind": "organisation"`) is
//! answered by a leader about their organisation: its subscales are areas,
//! its scale offers "don't know", and each area lists suggested actions
//! (see [`InstrumentKind`]).
//!
//! A definition is only ever used after [`Instrument::from_json`] (or
//! [`Instrument::validate`]) has accepted it, so the scoring and reading
//! code can rely on every check in [`crate::domain::validation`].

use super::validation::InstrumentError;
use serde::{Deserialize, Serialize};

/// One instrument definition: what to ask, how to score it, how to band
/// the scores.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
    /// What the instrument is: a check-in (the default, left out of
    /// written JSON) or an organisation self-check.
    #[serde(default, skip_serializing_if = "InstrumentKind::is_check_in")]
    pub kind: InstrumentKind,
    /// The answer scale shared by every scale and safety item.
    pub scale: ResponseScale,
    /// The questions, in the order they are asked, one section per screen.
    pub sections: Vec<Section>,
    /// What the items add up to, and how those scores are banded.
    pub subscales: Vec<Subscale>,
}

/// The answer scale: integer values from `min` to `max`, with labels.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseScale {
    /// The lowest value an answer can take.
    pub min: i32,
    /// The highest value an answer can take, or none for an open count
    /// (such as a number of days). Reverse keying needs a maximum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i32>,
    /// The labelled points of the scale, lowest first. The minimum (and
    /// the maximum, when there is one) must be labelled; points without a
    /// label are shown as their number.
    pub labels: Vec<ScalePoint>,
    /// The label of the "prefer not to answer" choice, or none when the
    /// instrument does not offer it. A "prefer not" answer counts as not
    /// answered when scoring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefer_not: Option<String>,
    /// The label of the "don't know" choice of an organisation self-check
    /// (which must offer it; a check-in may not). It has no value: such an
    /// answer is counted and shown, never scored. Being one field, it is
    /// offered exactly once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dont_know: Option<String>,
}

/// What an instrument is for, which decides the rules it is checked
/// against and where Tend offers it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InstrumentKind {
    /// A check-in a person answers about themselves: offered on the
    /// check-in screen, scored into subscales and headlines.
    #[default]
    CheckIn,
    /// An organisation self-check a leader answers about their
    /// organisation: every item is a statement scored in exactly one area
    /// (a subscale with no parent and no headline), the scale offers
    /// "don't know", and each area may list suggested actions. Never
    /// offered as a check-in.
    Organisation,
}

impl InstrumentKind {
    /// Whether this is the default kind (left out of written JSON).
    pub fn is_check_in(&self) -> bool {
        *self == InstrumentKind::CheckIn
    }

    /// The id used in JSON (`organisation`).
    pub fn as_str(self) -> &'static str {
        match self {
            InstrumentKind::CheckIn => "check_in",
            InstrumentKind::Organisation => "organisation",
        }
    }
}

/// One labelled point of the answer scale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScalePoint {
    /// The value scored for this answer.
    pub value: i32,
    /// What the person sees (`Sometimes`).
    pub label: String,
}

/// A group of items shown together on one screen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id, unique among sections.
    pub id: String,
    /// The screen's heading.
    pub title: String,
    /// A short lead-in shown under the heading, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<String>,
    /// The section's items, in the order they are asked.
    pub items: Vec<Item>,
}

/// One question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable id, unique among all items of the instrument.
    pub id: String,
    /// The statement or question the person answers.
    pub text: String,
    /// How the item is answered and whether it can be scored.
    #[serde(default, skip_serializing_if = "ItemKind::is_scale")]
    pub kind: ItemKind,
    /// The subscale this item's answer adds to, or none for an item that
    /// is not scored. Only scale items can be scored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscale: Option<String>,
    /// Whether the answer is reverse keyed (`max + min - value`) before
    /// it is scored.
    #[serde(default, skip_serializing_if = "is_false")]
    pub reverse: bool,
    /// CONTENT.md fact ids this item measures (`SYM-5`), for the content
    /// coverage check. Optional; loaded instruments usually leave it out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covers: Vec<String>,
    /// Which sign of strain the item asks about, if it is one the reading
    /// sets side by side across framings (see [`Sign`]). Only for scored
    /// scale items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign: Option<Sign>,
    /// The answers a choice item offers, in order. Only for choice items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ChoiceOption>,
    /// Whether a choice item takes any number of options (true) or exactly
    /// one (false). Only for choice items.
    #[serde(default, skip_serializing_if = "is_false")]
    pub multiple: bool,
    /// What a context item asks about, so the reading can use its answer.
    /// Only for choice items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<ContextQuestion>,
}

/// How an item is answered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
    /// Whether this is the default kind (left out of written JSON).
    pub fn is_scale(&self) -> bool {
        *self == ItemKind::Scale
    }
}

/// A sign of strain that can be asked about in more than one framing: as
/// something other people's trauma brings home (an item within the
/// secondary-trauma headline), as something the job itself does (within
/// the burnout headline), or with no cause named at all (any other scored
/// item, such as the health signals). The reading compares the framings:
/// exhaustion tied to others' trauma is a sign of secondary trauma as well
/// as of burnout, and low mood with no cause named may not be about work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sign {
    /// Being worn out, and rest not putting it right.
    Exhaustion,
    /// Losing interest in one's line of work.
    LostInterest,
    /// Low mood.
    LowMood,
    /// Poor sleep.
    PoorSleep,
    /// Trouble keeping one's attention on something.
    PoorFocus,
    /// Eating a lot more or a lot less than usual.
    AppetiteChange,
}

impl Sign {
    /// Every sign, in the order the reading lists them.
    pub const ALL: [Sign; 6] = [
        Sign::Exhaustion,
        Sign::LostInterest,
        Sign::LowMood,
        Sign::PoorSleep,
        Sign::PoorFocus,
        Sign::AppetiteChange,
    ];

    /// The id used in JSON (`lost_interest`).
    pub fn as_str(self) -> &'static str {
        match self {
            Sign::Exhaustion => "exhaustion",
            Sign::LostInterest => "lost_interest",
            Sign::LowMood => "low_mood",
            Sign::PoorSleep => "poor_sleep",
            Sign::PoorFocus => "poor_focus",
            Sign::AppetiteChange => "appetite_change",
        }
    }

    /// Whether the source lists this sign for secondary trauma and for
    /// burnout alike, so that tied to others' trauma it counts for both.
    pub fn is_shared(self) -> bool {
        matches!(self, Sign::Exhaustion | Sign::LostInterest)
    }
}

/// One answer a choice item offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// Stable id, unique within the item, saved as the answer.
    pub id: String,
    /// What the person sees.
    pub label: String,
}

/// What a context (choice) item asks about. The reading relies on fixed
/// option ids for `exposure` and `recent_incident`; validation checks them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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

    /// The only option ids this question may offer, for the questions the
    /// reading relies on; `None` where the ids are free.
    pub fn fixed_options(self) -> Option<&'static [&'static str]> {
        match self {
            ContextQuestion::Exposure => Some(&EXPOSURE_OPTIONS),
            ContextQuestion::RecentIncident => Some(&RECENT_INCIDENT_OPTIONS),
            ContextQuestion::Role | ContextQuestion::Years | ContextQuestion::Supports => None,
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
    #[serde(default = "every_item", skip_serializing_if = "is_one")]
    pub min_answered: f64,
    /// Decimal places the score is rounded to (half away from zero) before
    /// banding and display; band edges use the same precision. 0 to 4,
    /// default 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub decimals: u8,
    /// The subscale this one rolls up into. A parent's score is computed
    /// over the items of all its descendants, with its own scoring rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Which headline score this is, if any (at most one subscale each).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<Headline>,
    /// Bands from the lowest scores to the highest, together covering every
    /// possible score exactly once. May be empty: the score is then shown
    /// without a band.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<Band>,
    /// Suggested actions for when this area is among the weakest, in the
    /// order offered. Only on the areas of an organisation self-check.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<AreaAction>,
}

/// One concrete thing a leader can do to strengthen an area of an
/// organisation self-check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaAction {
    /// Stable id, unique among all actions of the instrument and the same
    /// in every locale (`act-pol-after-hours`).
    pub id: String,
    /// What to do, in plain words.
    pub text: String,
}

/// How a subscale combines its items.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scoring {
    /// The sum of the keyed answers (prorated when some are missing).
    Sum,
    /// The mean of the keyed answers given.
    Mean,
}

/// The three headline scores the results page sets side by side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Headline {
    /// Secondary traumatic stress: the effect of others' trauma.
    #[serde(rename = "sts")]
    SecondaryTrauma,
    /// Burnout: the effect of workload and the job itself.
    #[serde(rename = "burnout")]
    Burnout,
    /// Sustaining factors: meaning, pride, effectiveness, connection.
    #[serde(rename = "sustaining")]
    Sustaining,
}

impl Headline {
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// Stable id, unique within the subscale (`low`), the same in every
    /// locale.
    pub id: String,
    /// What the person sees (`Low`).
    pub label: String,
    /// The lowest score in the band, inclusive; none for "and below".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// The highest score in the band, inclusive; none for "and above".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// What a score in this band suggests, in plain words, if the
    /// definition says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<String>,
}

impl Instrument {
    /// Reads and validates a definition. On any problem it returns the
    /// first one found and nothing else: the caller's current instruments
    /// stay as they were.
    pub fn from_json(text: &str) -> Result<Instrument, InstrumentError> {
        // serde_json refuses nesting deeper than 128 lists and objects, so a
        // hostile file cannot exhaust the stack; every object here is a
        // derived struct, which refuses a repeated field.
        let instrument: Instrument =
            serde_json::from_str(text).map_err(|e| parse_error(text, &e))?;
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

/// The error for a file serde could not read as a definition, its position
/// kept apart from the words.
fn parse_error(text: &str, e: &serde_json::Error) -> InstrumentError {
    let full = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    let message = full.strip_suffix(&position).unwrap_or(&full).to_string();
    let (line, column) = crate::position::of(text, e);
    InstrumentError::Parse {
        line,
        column,
        message,
    }
}

fn every_item() -> f64 {
    1.0
}

fn is_one(x: &f64) -> bool {
    *x == 1.0
}

fn is_zero(x: &u8) -> bool {
    *x == 0
}

fn is_false(x: &bool) -> bool {
    !*x
}

impl Subscale {
    /// The band with this id.
    pub fn band(&self, id: &str) -> Option<&Band> {
        self.bands.iter().find(|b| b.id == id)
    }
}
