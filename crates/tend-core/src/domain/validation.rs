//! The checks a definition passes before Tend uses it, and the errors that
//! name what is wrong in plain words. Validation stops at the first problem
//! and never changes anything: a definition is either accepted whole or not
//! at all.

use super::instrument::{
    ContextQuestion, Headline, Instrument, Item, ItemKind, Subscale, EXPOSURE_OPTIONS,
    RECENT_INCIDENT_OPTIONS,
};
use super::scoring::{format_units, to_units, units_range, MAX_DECIMALS};
use std::collections::BTreeSet;
use std::fmt;

/// What kind of thing two entries clash on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdKind {
    /// Two sections.
    Section,
    /// Two items.
    Item,
    /// Two subscales.
    Subscale,
    /// Two bands of one subscale (its id).
    Band(String),
    /// Two options of one choice item (its id).
    ChoiceOption(String),
    /// Two labelled points of the response scale.
    ScalePoint,
    /// Two items marked as the same context question.
    ContextQuestion,
}

/// What is wrong with a choice item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChoiceProblem {
    /// It offers fewer than two options.
    TooFewOptions,
    /// A scale or safety item lists options, which only choice items have.
    OptionsOnNonChoice,
    /// A scale or safety item is marked multi-select.
    MultipleOnNonChoice,
    /// A scale or safety item is marked as a context question.
    ContextOnNonChoice,
    /// A context question that takes one answer is marked multi-select.
    MustBeSingle(ContextQuestion),
    /// An option id the reading does not understand for this question.
    UnknownOption(ContextQuestion, String),
}

/// Why a definition was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum InstrumentError {
    /// The file is not JSON, or not shaped like a definition (a missing or
    /// misspelt field, a word where a number belongs).
    Parse {
        /// Line of the problem, from 1.
        line: usize,
        /// Column of the problem (0 when the file ends early).
        column: usize,
        /// The parser's own description.
        message: String,
    },
    /// `locale` is empty or not a language tag.
    MissingLocale {
        /// What the file has instead.
        found: String,
    },
    /// A piece of text (or an id) is empty.
    EmptyText {
        /// Where, such as `the text of item "int-1"`.
        place: String,
    },
    /// The minimum or maximum of the response scale has no label.
    MissingScaleLabel {
        /// The unlabelled value.
        value: i32,
    },
    /// The definition has no scale or safety item to ask.
    NoItems,
    /// A section has no items.
    EmptySection {
        /// The section's id.
        section: String,
    },
    /// Two entries of one kind share an id.
    DuplicateId {
        /// What kind of entry.
        kind: IdKind,
        /// The shared id.
        id: String,
    },
    /// An item names a subscale the definition does not have.
    UnknownSubscale {
        /// The item's id.
        item: String,
        /// The subscale it names.
        subscale: String,
    },
    /// A subscale names a parent the definition does not have.
    UnknownParent {
        /// The subscale's id.
        subscale: String,
        /// The parent it names.
        parent: String,
    },
    /// Following parents from this subscale comes back to it.
    ParentCycle {
        /// A subscale on the cycle.
        subscale: String,
    },
    /// A subscale has no items, directly or through the subscales that
    /// roll up into it.
    EmptySubscale {
        /// The subscale's id.
        subscale: String,
    },
    /// Two subscales are marked as the same headline.
    DuplicateHeadline {
        /// The headline.
        headline: Headline,
        /// The first subscale marked with it.
        first: String,
        /// The second.
        second: String,
    },
    /// A number lies outside what it may be.
    OutOfRange {
        /// Which number, such as `the scale label value`.
        place: String,
        /// The number as written.
        value: String,
        /// What is allowed, in words.
        allowed: String,
    },
    /// An item is reverse keyed but the scale has no maximum to reverse
    /// against.
    ReverseWithoutMaximum {
        /// The item's id.
        item: String,
    },
    /// A reverse flag on an item that is not scored.
    ReverseUnscored {
        /// The item's id.
        item: String,
    },
    /// A choice item names a subscale; choice items are never scored.
    ScoredChoice {
        /// The item's id.
        item: String,
    },
    /// A safety item names a subscale; safety items are never scored.
    ScoredSafety {
        /// The item's id.
        item: String,
    },
    /// A choice item's options are wrong.
    BadChoice {
        /// The item's id.
        item: String,
        /// What is wrong.
        problem: ChoiceProblem,
    },
    /// A band edge is not a number at the subscale's precision.
    BandPrecision {
        /// The subscale's id.
        subscale: String,
        /// The band's id.
        band: String,
        /// The subscale's decimal places.
        decimals: u8,
    },
    /// A band's minimum is above its maximum, or bands are not listed from
    /// the lowest scores to the highest.
    BandOrder {
        /// The subscale's id.
        subscale: String,
        /// The band out of place.
        band: String,
    },
    /// Two bands share some scores.
    BandOverlap {
        /// The subscale's id.
        subscale: String,
        /// The lower band.
        lower: String,
        /// The band that starts inside it.
        upper: String,
    },
    /// Some possible scores fall in no band.
    BandGap {
        /// The subscale's id.
        subscale: String,
        /// The first score no band covers.
        from: String,
        /// The last one, or none for "and above".
        to: Option<String>,
    },
    /// A translation lacks something its base definition has.
    MissingTranslation {
        /// The translation's locale.
        locale: String,
        /// What is missing, such as `item "int-3"`.
        what: String,
    },
    /// A translation scores differently from its base definition.
    TranslationDiffers {
        /// The translation's locale.
        locale: String,
        /// What differs.
        what: String,
    },
    /// A loaded definition uses the id of a built-in one.
    IdInUse {
        /// The id.
        id: String,
    },
}

impl fmt::Display for IdKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdKind::Section => write!(f, "sections"),
            IdKind::Item => write!(f, "items"),
            IdKind::Subscale => write!(f, "subscales"),
            IdKind::Band(s) => write!(f, "bands of subscale \"{s}\""),
            IdKind::ChoiceOption(i) => write!(f, "options of item \"{i}\""),
            IdKind::ScalePoint => write!(f, "labels of the answer scale"),
            IdKind::ContextQuestion => write!(f, "context questions"),
        }
    }
}

impl fmt::Display for ChoiceProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChoiceProblem::TooFewOptions => write!(f, "it needs at least two options"),
            ChoiceProblem::OptionsOnNonChoice => {
                write!(
                    f,
                    "only choice items have options; set \"kind\": \"choice\" or remove them"
                )
            }
            ChoiceProblem::MultipleOnNonChoice => {
                write!(f, "only choice items can be multi-select")
            }
            ChoiceProblem::ContextOnNonChoice => {
                write!(f, "only choice items can be context questions")
            }
            ChoiceProblem::MustBeSingle(q) => write!(
                f,
                "a question marked \"context\": \"{}\" takes exactly one answer",
                q.as_str()
            ),
            ChoiceProblem::UnknownOption(q, id) => {
                let allowed: &[&str] = match q {
                    ContextQuestion::Exposure => &EXPOSURE_OPTIONS,
                    ContextQuestion::RecentIncident => &RECENT_INCIDENT_OPTIONS,
                    _ => &[],
                };
                write!(
                    f,
                    "\"{id}\" is not an option a question marked \"context\": \"{}\" can offer; use the ids {}",
                    q.as_str(),
                    allowed
                        .iter()
                        .map(|a| format!("\"{a}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        }
    }
}

impl fmt::Display for InstrumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use InstrumentError as E;
        match self {
            E::Parse {
                line,
                column,
                message,
            } => write!(
                f,
                "This file could not be read as an instrument definition (line {line}, column {column}): {message}."
            ),
            E::MissingLocale { found } => write!(
                f,
                "The definition needs a language code in \"locale\", such as \"en\" or \"es\" (found \"{found}\")."
            ),
            E::EmptyText { place } => write!(f, "{} is empty.", capitalise(place)),
            E::MissingScaleLabel { value } => {
                write!(f, "The answer scale has no label for its end point {value}.")
            }
            E::NoItems => write!(f, "The definition has no questions to ask."),
            E::EmptySection { section } => write!(f, "Section \"{section}\" has no items."),
            E::DuplicateId { kind, id } => match kind {
                IdKind::ScalePoint => {
                    write!(f, "The answer scale labels the value {id} twice.")
                }
                IdKind::ContextQuestion => write!(
                    f,
                    "Two items are marked as the \"{id}\" context question; only one can be."
                ),
                _ => write!(f, "Two {kind} share the id \"{id}\"; each needs its own."),
            },
            E::UnknownSubscale { item, subscale } => write!(
                f,
                "Item \"{item}\" adds to subscale \"{subscale}\", which the definition does not have."
            ),
            E::UnknownParent { subscale, parent } => write!(
                f,
                "Subscale \"{subscale}\" rolls up into \"{parent}\", which the definition does not have."
            ),
            E::ParentCycle { subscale } => write!(
                f,
                "Subscale \"{subscale}\" ends up rolling up into itself."
            ),
            E::EmptySubscale { subscale } => {
                write!(f, "Subscale \"{subscale}\" has no items to score.")
            }
            E::DuplicateHeadline {
                headline,
                first,
                second,
            } => write!(
                f,
                "Subscales \"{first}\" and \"{second}\" are both marked as the \"{}\" headline; only one can be.",
                headline.as_str()
            ),
            E::OutOfRange {
                place,
                value,
                allowed,
            } => write!(f, "{} is {value}, but it must be {allowed}.", capitalise(place)),
            E::ReverseWithoutMaximum { item } => write!(
                f,
                "Item \"{item}\" is reverse keyed, but the answer scale has no maximum to reverse it against."
            ),
            E::ReverseUnscored { item } => write!(
                f,
                "Item \"{item}\" is reverse keyed but adds to no subscale."
            ),
            E::ScoredChoice { item } => write!(
                f,
                "Item \"{item}\" is a choice item, which is never scored, but it names a subscale."
            ),
            E::ScoredSafety { item } => write!(
                f,
                "Item \"{item}\" is a safety item, which is never scored, but it names a subscale."
            ),
            E::BadChoice { item, problem } => write!(f, "Item \"{item}\": {problem}."),
            E::BandPrecision {
                subscale,
                band,
                decimals,
            } => {
                let precision = match decimals {
                    0 => "a whole number".to_string(),
                    1 => "a number with at most one decimal place".to_string(),
                    n => format!("a number with at most {n} decimal places"),
                };
                write!(
                    f,
                    "Band \"{band}\" of subscale \"{subscale}\" has an edge that is not {precision} (the subscale's \"decimals\")."
                )
            }
            E::BandOrder { subscale, band } => write!(
                f,
                "Band \"{band}\" of subscale \"{subscale}\" is out of order: list bands from the lowest scores to the highest, each with its minimum no higher than its maximum."
            ),
            E::BandOverlap {
                subscale,
                lower,
                upper,
            } => write!(
                f,
                "Bands \"{lower}\" and \"{upper}\" of subscale \"{subscale}\" overlap: a score would fall in both."
            ),
            E::BandGap { subscale, from, to } => match to {
                Some(to) if to == from => write!(
                    f,
                    "No band of subscale \"{subscale}\" covers the score {from}."
                ),
                Some(to) => write!(
                    f,
                    "No band of subscale \"{subscale}\" covers scores from {from} to {to}."
                ),
                None => write!(
                    f,
                    "No band of subscale \"{subscale}\" covers scores of {from} and above."
                ),
            },
            E::MissingTranslation { locale, what } => write!(
                f,
                "The \"{locale}\" translation is missing {what}."
            ),
            E::TranslationDiffers { locale, what } => write!(
                f,
                "The \"{locale}\" translation scores differently from the original: {what}."
            ),
            E::IdInUse { id } => write!(
                f,
                "A built-in instrument already uses the id \"{id}\"; give this one its own id."
            ),
        }
    }
}

impl std::error::Error for InstrumentError {}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

type Check = Result<(), InstrumentError>;

impl Instrument {
    /// Checks the whole definition; the first problem found is returned.
    pub fn validate(&self) -> Check {
        self.check_header()?;
        self.check_scale()?;
        self.check_sections()?;
        self.check_subscale_ids()?;
        self.check_items()?;
        self.check_subscale_tree()?;
        for subscale in &self.subscales {
            self.check_bands(subscale)?;
        }
        Ok(())
    }

    fn check_header(&self) -> Check {
        non_empty(&self.id, || "the instrument id".into())?;
        non_empty(&self.version, || "the version".into())?;
        non_empty(&self.title, || "the title".into())?;
        non_empty(&self.attribution, || "the attribution".into())?;
        if !is_language_tag(&self.locale) {
            return Err(InstrumentError::MissingLocale {
                found: self.locale.clone(),
            });
        }
        Ok(())
    }

    fn check_scale(&self) -> Check {
        let scale = &self.scale;
        if let Some(max) = scale.max {
            if max <= scale.min {
                return Err(InstrumentError::OutOfRange {
                    place: "the scale maximum".into(),
                    value: max.to_string(),
                    allowed: format!("above the scale minimum {}", scale.min),
                });
            }
        }
        let mut seen = BTreeSet::new();
        for point in &scale.labels {
            if !seen.insert(point.value) {
                return Err(InstrumentError::DuplicateId {
                    kind: IdKind::ScalePoint,
                    id: point.value.to_string(),
                });
            }
            if !scale.contains(point.value) {
                return Err(InstrumentError::OutOfRange {
                    place: "a scale label's value".into(),
                    value: point.value.to_string(),
                    allowed: match scale.max {
                        Some(max) => format!("from {} to {max}", scale.min),
                        None => format!("{} or more", scale.min),
                    },
                });
            }
            non_empty(&point.label, || {
                format!("the label of scale value {}", point.value)
            })?;
        }
        for end in std::iter::once(scale.min).chain(scale.max) {
            if scale.label(end).is_none() {
                return Err(InstrumentError::MissingScaleLabel { value: end });
            }
        }
        if let Some(label) = &scale.prefer_not {
            non_empty(label, || "the \"prefer not to answer\" label".into())?;
        }
        Ok(())
    }

    fn check_sections(&self) -> Check {
        let mut ids = BTreeSet::new();
        for section in &self.sections {
            non_empty(&section.id, || "a section id".into())?;
            if !ids.insert(section.id.as_str()) {
                return Err(InstrumentError::DuplicateId {
                    kind: IdKind::Section,
                    id: section.id.clone(),
                });
            }
            non_empty(&section.title, || {
                format!("the title of section \"{}\"", section.id)
            })?;
            if let Some(intro) = &section.intro {
                non_empty(intro, || format!("the intro of section \"{}\"", section.id))?;
            }
            if section.items.is_empty() {
                return Err(InstrumentError::EmptySection {
                    section: section.id.clone(),
                });
            }
        }
        if !self.items().any(|i| i.kind != ItemKind::Choice) {
            return Err(InstrumentError::NoItems);
        }
        Ok(())
    }

    fn check_items(&self) -> Check {
        let mut ids = BTreeSet::new();
        let mut contexts = BTreeSet::new();
        for item in self.items() {
            non_empty(&item.id, || "an item id".into())?;
            if !ids.insert(item.id.as_str()) {
                return Err(InstrumentError::DuplicateId {
                    kind: IdKind::Item,
                    id: item.id.clone(),
                });
            }
            non_empty(&item.text, || format!("the text of item \"{}\"", item.id))?;
            for tag in &item.covers {
                non_empty(tag, || format!("a coverage tag of item \"{}\"", item.id))?;
            }
            if let Some(question) = item.context {
                if !contexts.insert(question) {
                    return Err(InstrumentError::DuplicateId {
                        kind: IdKind::ContextQuestion,
                        id: question.as_str().into(),
                    });
                }
            }
            self.check_item_scoring(item)?;
            check_choice(item)?;
        }
        Ok(())
    }

    fn check_item_scoring(&self, item: &Item) -> Check {
        let id = || item.id.clone();
        match (&item.subscale, item.kind) {
            (Some(_), ItemKind::Choice) => {
                return Err(InstrumentError::ScoredChoice { item: id() })
            }
            (Some(_), ItemKind::Safety) => {
                return Err(InstrumentError::ScoredSafety { item: id() })
            }
            (Some(subscale), ItemKind::Scale) => {
                if self.subscale(subscale).is_none() {
                    return Err(InstrumentError::UnknownSubscale {
                        item: id(),
                        subscale: subscale.clone(),
                    });
                }
            }
            (None, _) => {
                if item.reverse {
                    return Err(InstrumentError::ReverseUnscored { item: id() });
                }
            }
        }
        if item.reverse && self.scale.max.is_none() {
            return Err(InstrumentError::ReverseWithoutMaximum { item: id() });
        }
        Ok(())
    }

    fn check_subscale_ids(&self) -> Check {
        let mut ids = BTreeSet::new();
        for subscale in &self.subscales {
            non_empty(&subscale.id, || "a subscale id".into())?;
            if !ids.insert(subscale.id.as_str()) {
                return Err(InstrumentError::DuplicateId {
                    kind: IdKind::Subscale,
                    id: subscale.id.clone(),
                });
            }
            non_empty(&subscale.name, || {
                format!("the name of subscale \"{}\"", subscale.id)
            })?;
            let share = subscale.min_answered;
            if !(share > 0.0 && share <= 1.0) {
                return Err(InstrumentError::OutOfRange {
                    place: format!(
                        "the share of items that must be answered for subscale \"{}\"",
                        subscale.id
                    ),
                    value: format!("{share}"),
                    allowed: "above 0 and at most 1".into(),
                });
            }
            if subscale.decimals > MAX_DECIMALS {
                return Err(InstrumentError::OutOfRange {
                    place: format!(
                        "the number of decimal places of subscale \"{}\"",
                        subscale.id
                    ),
                    value: subscale.decimals.to_string(),
                    allowed: format!("from 0 to {MAX_DECIMALS}"),
                });
            }
        }
        Ok(())
    }

    fn check_subscale_tree(&self) -> Check {
        for subscale in &self.subscales {
            if let Some(parent) = &subscale.parent {
                if self.subscale(parent).is_none() {
                    return Err(InstrumentError::UnknownParent {
                        subscale: subscale.id.clone(),
                        parent: parent.clone(),
                    });
                }
            }
        }
        for subscale in &self.subscales {
            if let Some(parent) = &subscale.parent {
                if self.is_within(parent, &subscale.id) {
                    return Err(InstrumentError::ParentCycle {
                        subscale: subscale.id.clone(),
                    });
                }
            }
        }
        for subscale in &self.subscales {
            if self.subscale_items(&subscale.id).is_empty() {
                return Err(InstrumentError::EmptySubscale {
                    subscale: subscale.id.clone(),
                });
            }
        }
        for (i, first) in self.subscales.iter().enumerate() {
            let Some(headline) = first.headline else {
                continue;
            };
            if let Some(second) = self.subscales[i + 1..]
                .iter()
                .find(|s| s.headline == Some(headline))
            {
                return Err(InstrumentError::DuplicateHeadline {
                    headline,
                    first: first.id.clone(),
                    second: second.id.clone(),
                });
            }
        }
        Ok(())
    }

    fn check_bands(&self, subscale: &Subscale) -> Check {
        let sub = || subscale.id.clone();
        let d = subscale.decimals;
        let mut ids = BTreeSet::new();
        // Each band as (id, min, max) in whole units of the last decimal
        // place, so that edges compare exactly.
        let mut ranges = Vec::with_capacity(subscale.bands.len());
        for band in &subscale.bands {
            non_empty(&band.id, || {
                format!("a band id of subscale \"{}\"", subscale.id)
            })?;
            if !ids.insert(band.id.as_str()) {
                return Err(InstrumentError::DuplicateId {
                    kind: IdKind::Band(sub()),
                    id: band.id.clone(),
                });
            }
            non_empty(&band.label, || {
                format!(
                    "the label of band \"{}\" of subscale \"{}\"",
                    band.id, subscale.id
                )
            })?;
            if let Some(text) = &band.interpretation {
                non_empty(text, || {
                    format!(
                        "the interpretation of band \"{}\" of subscale \"{}\"",
                        band.id, subscale.id
                    )
                })?;
            }
            let edge = |x: Option<f64>| -> Result<Option<i128>, InstrumentError> {
                match x {
                    None => Ok(None),
                    Some(x) => {
                        to_units(x, d)
                            .map(Some)
                            .ok_or_else(|| InstrumentError::BandPrecision {
                                subscale: sub(),
                                band: band.id.clone(),
                                decimals: d,
                            })
                    }
                }
            };
            let (min, max) = (edge(band.min)?, edge(band.max)?);
            if let (Some(min), Some(max)) = (min, max) {
                if min > max {
                    return Err(InstrumentError::BandOrder {
                        subscale: sub(),
                        band: band.id.clone(),
                    });
                }
            }
            ranges.push((band.id.as_str(), min, max));
        }
        if ranges.is_empty() {
            return Ok(());
        }
        let item_count = self.subscale_items(&subscale.id).len();
        let Some((lo, hi)) = units_range(&self.scale, subscale, item_count) else {
            return Err(InstrumentError::OutOfRange {
                place: format!("the possible score range of subscale \"{}\"", subscale.id),
                value: "too large".into(),
                allowed: "small enough to compute".into(),
            });
        };
        let describe = |u: Option<i128>| u.map_or_else(|| "open".into(), |u| format_units(u, d));
        let allowed = match hi {
            Some(hi) => format!(
                "within the possible scores {} to {}",
                format_units(lo, d),
                format_units(hi, d)
            ),
            None => format!(
                "within the possible scores {} and above",
                format_units(lo, d)
            ),
        };
        for &(id, min, max) in &ranges {
            let above = matches!((min, hi), (Some(min), Some(hi)) if min > hi);
            let below = matches!(max, Some(max) if max < lo);
            if above || below {
                return Err(InstrumentError::OutOfRange {
                    place: format!("band \"{id}\" of subscale \"{}\"", subscale.id),
                    value: format!("{} to {}", describe(min), describe(max)),
                    allowed,
                });
            }
        }
        let gap = |from: i128, to: Option<i128>| InstrumentError::BandGap {
            subscale: sub(),
            from: format_units(from, d),
            to: to.map(|t| format_units(t, d)),
        };
        for pair in ranges.windows(2) {
            let &[(lower, lower_min, lower_max), (upper, upper_min, _)] = pair else {
                continue;
            };
            let overlap = || InstrumentError::BandOverlap {
                subscale: sub(),
                lower: lower.into(),
                upper: upper.into(),
            };
            match (lower_max, upper_min) {
                (None, _) | (_, None) => {
                    // An open end anywhere but the outside edges covers
                    // scores its neighbour also covers.
                    return Err(match (lower_min, upper_min) {
                        (Some(a), Some(b)) if b < a => InstrumentError::BandOrder {
                            subscale: sub(),
                            band: upper.into(),
                        },
                        _ => overlap(),
                    });
                }
                (Some(lower_max), Some(upper_min)) => {
                    if lower_min.is_some_and(|a| upper_min < a) {
                        return Err(InstrumentError::BandOrder {
                            subscale: sub(),
                            band: upper.into(),
                        });
                    }
                    if upper_min <= lower_max {
                        return Err(overlap());
                    }
                    if upper_min > lower_max + 1 {
                        return Err(gap(lower_max + 1, Some(upper_min - 1)));
                    }
                }
            }
        }
        if let Some((_, Some(first_min), _)) = ranges.first() {
            if *first_min > lo {
                return Err(gap(lo, Some(first_min - 1)));
            }
        }
        if let Some((_, _, Some(last_max))) = ranges.last() {
            match hi {
                None => return Err(gap(last_max + 1, None)),
                Some(hi) if *last_max < hi => return Err(gap(last_max + 1, Some(hi))),
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// Checks that `self` is a faithful translation of `base`: the same
    /// instrument, version, items, options, scale and bands, with only the
    /// words changed. Both must already be valid on their own.
    pub fn check_translation_of(&self, base: &Instrument) -> Check {
        let locale = self.locale.clone();
        let missing = |what: String| InstrumentError::MissingTranslation {
            locale: locale.clone(),
            what,
        };
        let differs = |what: String| InstrumentError::TranslationDiffers {
            locale: locale.clone(),
            what,
        };
        if self.id != base.id || self.version != base.version {
            return Err(differs(format!(
                "it is \"{}\" version {}, not \"{}\" version {}",
                self.id, self.version, base.id, base.version
            )));
        }
        let (scale, base_scale) = (&self.scale, &base.scale);
        if scale.min != base_scale.min || scale.max != base_scale.max {
            return Err(differs("the answer scale's range".into()));
        }
        for point in &base_scale.labels {
            if scale.label(point.value).is_none() {
                return Err(missing(format!("the label of scale value {}", point.value)));
            }
        }
        if base_scale.prefer_not.is_some() && scale.prefer_not.is_none() {
            return Err(missing("the \"prefer not to answer\" label".into()));
        }
        for section in &base.sections {
            let Some(ours) = self.sections.iter().find(|s| s.id == section.id) else {
                return Err(missing(format!("section \"{}\"", section.id)));
            };
            if section.intro.is_some() && ours.intro.is_none() {
                return Err(missing(format!("the intro of section \"{}\"", section.id)));
            }
        }
        for item in base.items() {
            let Some(ours) = self.item(&item.id) else {
                return Err(missing(format!("item \"{}\"", item.id)));
            };
            let option_ids = |i: &Item| i.options.iter().map(|o| o.id.clone()).collect::<Vec<_>>();
            if ours.kind != item.kind
                || ours.subscale != item.subscale
                || ours.reverse != item.reverse
                || ours.multiple != item.multiple
                || ours.context != item.context
                || option_ids(ours) != option_ids(item)
            {
                return Err(differs(format!("item \"{}\"", item.id)));
            }
        }
        let layout = |i: &Instrument| {
            i.sections
                .iter()
                .map(|s| {
                    (
                        s.id.clone(),
                        s.items.iter().map(|i| i.id.clone()).collect::<Vec<_>>(),
                    )
                })
                .collect::<Vec<_>>()
        };
        if layout(self) != layout(base) {
            return Err(differs("its sections hold different items".into()));
        }
        for subscale in &base.subscales {
            let Some(ours) = self.subscale(&subscale.id) else {
                return Err(missing(format!("subscale \"{}\"", subscale.id)));
            };
            let shape = |s: &Subscale| {
                (
                    s.scoring,
                    s.min_answered.to_bits(),
                    s.decimals,
                    s.parent.clone(),
                    s.headline,
                    s.bands
                        .iter()
                        .map(|b| {
                            (
                                b.id.clone(),
                                b.min.map(f64::to_bits),
                                b.max.map(f64::to_bits),
                            )
                        })
                        .collect::<Vec<_>>(),
                )
            };
            if shape(ours) != shape(subscale) {
                return Err(differs(format!("subscale \"{}\"", subscale.id)));
            }
            for band in &subscale.bands {
                if band.interpretation.is_some()
                    && ours
                        .band(&band.id)
                        .is_some_and(|b| b.interpretation.is_none())
                {
                    return Err(missing(format!(
                        "the interpretation of band \"{}\" of subscale \"{}\"",
                        band.id, subscale.id
                    )));
                }
            }
        }
        if self.subscales.len() != base.subscales.len() {
            return Err(differs("it has subscales the original does not".into()));
        }
        Ok(())
    }
}

fn check_choice(item: &Item) -> Check {
    let bad = |problem| {
        Err(InstrumentError::BadChoice {
            item: item.id.clone(),
            problem,
        })
    };
    if item.kind != ItemKind::Choice {
        if !item.options.is_empty() {
            return bad(ChoiceProblem::OptionsOnNonChoice);
        }
        if item.multiple {
            return bad(ChoiceProblem::MultipleOnNonChoice);
        }
        if item.context.is_some() {
            return bad(ChoiceProblem::ContextOnNonChoice);
        }
        return Ok(());
    }
    if item.options.len() < 2 {
        return bad(ChoiceProblem::TooFewOptions);
    }
    let mut ids = BTreeSet::new();
    for option in &item.options {
        non_empty(&option.id, || {
            format!("an option id of item \"{}\"", item.id)
        })?;
        if !ids.insert(option.id.as_str()) {
            return Err(InstrumentError::DuplicateId {
                kind: IdKind::ChoiceOption(item.id.clone()),
                id: option.id.clone(),
            });
        }
        non_empty(&option.label, || {
            format!(
                "the label of option \"{}\" of item \"{}\"",
                option.id, item.id
            )
        })?;
    }
    let Some(question) = item.context else {
        return Ok(());
    };
    let fixed: &[&str] = match question {
        ContextQuestion::Exposure => &EXPOSURE_OPTIONS,
        ContextQuestion::RecentIncident => &RECENT_INCIDENT_OPTIONS,
        _ => return Ok(()),
    };
    if item.multiple {
        return bad(ChoiceProblem::MustBeSingle(question));
    }
    // With at least two distinct options, all known, a recent-incident
    // item necessarily offers both "yes" and "no".
    match ids.iter().find(|id| !fixed.contains(id)) {
        Some(unknown) => bad(ChoiceProblem::UnknownOption(question, (*unknown).into())),
        None => Ok(()),
    }
}

fn non_empty(text: &str, place: impl FnOnce() -> String) -> Check {
    if text.trim().is_empty() {
        Err(InstrumentError::EmptyText { place: place() })
    } else {
        Ok(())
    }
}

/// A language tag as far as Tend needs one: a 2–3 letter language, then
/// optional letter-or-digit parts (`en`, `es-419`, `en-GB`).
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_lowercase()));
    language_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        for ok in ["en", "es", "en-GB", "es-419", "fil"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "e", "EN", "english", "en_GB", "en-", "en-GB-"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn messages_read_as_sentences() {
        let e = InstrumentError::EmptyText {
            place: "the text of item \"a\"".into(),
        };
        assert_eq!(e.to_string(), "The text of item \"a\" is empty.");
        let e = InstrumentError::BandGap {
            subscale: "bo".into(),
            from: "23".into(),
            to: Some("24".into()),
        };
        assert_eq!(
            e.to_string(),
            "No band of subscale \"bo\" covers scores from 23 to 24."
        );
    }
}
