//! Why a definition was refused, in plain words: the error types and how
//! they read.

use crate::domain::instrument::{
    ContextQuestion, Headline, EXPOSURE_OPTIONS, RECENT_INCIDENT_OPTIONS,
};
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
        /// Column of the problem, from 1, in bytes.
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
    /// A sign on an item that is not scored.
    SignUnscored {
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
    /// A person's file uses the id of the deployment's own definition,
    /// which is the one offered.
    DeploymentIdInUse {
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
            E::SignUnscored { item } => write!(
                f,
                "Item \"{item}\" names a sign but adds to no subscale: only scored items can."
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
            E::DeploymentIdInUse { id } => write!(
                f,
                "Your organisation's own questionnaire already uses the id \"{id}\", and theirs is the one offered; this file was not loaded."
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

#[cfg(test)]
mod tests {
    use super::*;

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
