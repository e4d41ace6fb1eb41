//! Why a definition was refused, in plain words: the error types and how
//! they read.

use crate::domain::instrument::{ContextQuestion, Headline};
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
    /// Two suggested actions (of any areas).
    Action,
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

/// Where in a definition a piece of text (or an id) sits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextPlace {
    /// The instrument's id.
    InstrumentId,
    /// Its version.
    Version,
    /// Its title.
    Title,
    /// Its attribution.
    Attribution,
    /// A section's id.
    SectionId,
    /// The title of a section (its id).
    SectionTitle(String),
    /// The intro of a section (its id).
    SectionIntro(String),
    /// An item's id.
    ItemId,
    /// The text of an item (its id).
    ItemText(String),
    /// A coverage tag of an item (its id).
    CoverageTag(String),
    /// An option id of a choice item (the item's id).
    OptionId(String),
    /// The label of an option.
    OptionLabel {
        /// The item's id.
        item: String,
        /// The option's id.
        option: String,
    },
    /// A subscale's id.
    SubscaleId,
    /// The name of a subscale (its id).
    SubscaleName(String),
    /// A band id of a subscale (the subscale's id).
    BandId(String),
    /// The label of a band.
    BandLabel {
        /// The subscale's id.
        subscale: String,
        /// The band's id.
        band: String,
    },
    /// The interpretation of a band.
    BandInterpretation {
        /// The subscale's id.
        subscale: String,
        /// The band's id.
        band: String,
    },
    /// The label of a point of the answer scale (its value).
    ScaleLabel(i32),
    /// The "prefer not to answer" label.
    PreferNot,
    /// The "don't know" label.
    DontKnow,
    /// An action id of an area (the area's id).
    ActionId(String),
    /// The text of an action (its id).
    ActionText(String),
}

/// What breaks the rules of an organisation self-check, or what an
/// organisation self-check's parts are doing in a check-in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SelfCheckProblem {
    /// An organisation self-check without a "don't know" answer.
    NoDontKnow,
    /// A check-in offers "don't know", which only a self-check may.
    DontKnowOnCheckIn,
    /// An organisation self-check offers "prefer not to answer"; it offers
    /// "don't know" instead.
    PreferNot,
    /// A check-in's subscale lists actions, which only a self-check's
    /// areas have.
    ActionsOnCheckIn {
        /// The subscale's id.
        subscale: String,
    },
    /// An item of a self-check is not a statement scored in one area (it
    /// is a choice or safety item, or names no subscale).
    StatementOutsideArea {
        /// The item's id.
        item: String,
    },
    /// An area of a self-check rolls up into another subscale.
    NestedArea {
        /// The area's id.
        subscale: String,
    },
    /// An area of a self-check is marked as a headline score.
    HeadlineOnArea {
        /// The area's id.
        subscale: String,
    },
    /// A self-check was offered where a check-in belongs (a person's file
    /// or the deployment's check-in).
    NotACheckIn,
}

/// A number outside what it may be: which number, what it is, and what is
/// allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RangeProblem {
    /// The scale maximum is not above its minimum.
    ScaleMaximum {
        /// The maximum as written.
        max: i32,
        /// The minimum.
        min: i32,
    },
    /// A labelled point lies outside the scale.
    ScaleLabelValue {
        /// The point's value.
        value: i32,
        /// The scale minimum.
        min: i32,
        /// The scale maximum, if it has one.
        max: Option<i32>,
    },
    /// The share of items that must be answered is not in (0, 1].
    MinAnswered {
        /// The subscale's id.
        subscale: String,
        /// The share as written.
        share: String,
    },
    /// Too many decimal places.
    Decimals {
        /// The subscale's id.
        subscale: String,
        /// The number asked for.
        decimals: u8,
        /// The most allowed.
        most: u8,
    },
    /// The possible scores of a subscale are too large to compute.
    ScoreRange {
        /// The subscale's id.
        subscale: String,
    },
    /// A band lies wholly outside the possible scores.
    Band {
        /// The subscale's id.
        subscale: String,
        /// The band's id.
        band: String,
        /// Its minimum, none when open.
        min: Option<String>,
        /// Its maximum, none when open.
        max: Option<String>,
        /// The lowest possible score.
        lowest: String,
        /// The highest possible score, none when open.
        highest: Option<String>,
    },
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
        /// Where.
        place: TextPlace,
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
    /// A number lies outside what it may be (boxed: it is the largest).
    OutOfRange(Box<RangeProblem>),
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
    /// The rules of an organisation self-check are broken, or its parts
    /// appear in a check-in.
    SelfCheck(SelfCheckProblem),
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
            IdKind::Action => write!(f, "actions"),
        }
    }
}

/// The option ids a context question may offer, each in quotes, joined
/// with commas (`"yes", "no"`); empty where its ids are free.
pub fn allowed_ids(question: ContextQuestion) -> String {
    question
        .fixed_options()
        .unwrap_or_default()
        .iter()
        .map(|id| format!("\"{id}\""))
        .collect::<Vec<_>>()
        .join(", ")
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
            ChoiceProblem::UnknownOption(q, id) => write!(
                f,
                "\"{id}\" is not an option a question marked \"context\": \"{}\" can offer; use the ids {}",
                q.as_str(),
                allowed_ids(*q)
            ),
        }
    }
}

impl fmt::Display for TextPlace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use TextPlace as P;
        match self {
            P::InstrumentId => write!(f, "the instrument id"),
            P::Version => write!(f, "the version"),
            P::Title => write!(f, "the title"),
            P::Attribution => write!(f, "the attribution"),
            P::SectionId => write!(f, "a section id"),
            P::SectionTitle(section) => write!(f, "the title of section \"{section}\""),
            P::SectionIntro(section) => write!(f, "the intro of section \"{section}\""),
            P::ItemId => write!(f, "an item id"),
            P::ItemText(item) => write!(f, "the text of item \"{item}\""),
            P::CoverageTag(item) => write!(f, "a coverage tag of item \"{item}\""),
            P::OptionId(item) => write!(f, "an option id of item \"{item}\""),
            P::OptionLabel { item, option } => {
                write!(f, "the label of option \"{option}\" of item \"{item}\"")
            }
            P::SubscaleId => write!(f, "a subscale id"),
            P::SubscaleName(subscale) => write!(f, "the name of subscale \"{subscale}\""),
            P::BandId(subscale) => write!(f, "a band id of subscale \"{subscale}\""),
            P::BandLabel { subscale, band } => {
                write!(f, "the label of band \"{band}\" of subscale \"{subscale}\"")
            }
            P::BandInterpretation { subscale, band } => write!(
                f,
                "the interpretation of band \"{band}\" of subscale \"{subscale}\""
            ),
            P::ScaleLabel(value) => write!(f, "the label of scale value {value}"),
            P::PreferNot => write!(f, "the \"prefer not to answer\" label"),
            P::DontKnow => write!(f, "the \"don't know\" label"),
            P::ActionId(area) => write!(f, "an action id of area \"{area}\""),
            P::ActionText(action) => write!(f, "the text of action \"{action}\""),
        }
    }
}

impl fmt::Display for RangeProblem {
    /// One sentence, without its full stop.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use RangeProblem as R;
        let open = |edge: &Option<String>| edge.clone().unwrap_or_else(|| "open".into());
        match self {
            R::ScaleMaximum { max, min } => write!(
                f,
                "The scale maximum is {max}, but it must be above the scale minimum {min}"
            ),
            R::ScaleLabelValue { value, min, max } => match max {
                Some(max) => write!(
                    f,
                    "A scale label's value is {value}, but it must be from {min} to {max}"
                ),
                None => write!(
                    f,
                    "A scale label's value is {value}, but it must be {min} or more"
                ),
            },
            R::MinAnswered { subscale, share } => write!(
                f,
                "The share of items that must be answered for subscale \"{subscale}\" is {share}, but it must be above 0 and at most 1"
            ),
            R::Decimals {
                subscale,
                decimals,
                most,
            } => write!(
                f,
                "The number of decimal places of subscale \"{subscale}\" is {decimals}, but it must be from 0 to {most}"
            ),
            R::ScoreRange { subscale } => write!(
                f,
                "The possible score range of subscale \"{subscale}\" is too large, but it must be small enough to compute"
            ),
            R::Band {
                subscale,
                band,
                min,
                max,
                lowest,
                highest,
            } => {
                write!(
                    f,
                    "Band \"{band}\" of subscale \"{subscale}\" is {} to {}, but it must be within the possible scores {lowest} ",
                    open(min),
                    open(max)
                )?;
                match highest {
                    Some(highest) => write!(f, "to {highest}"),
                    None => write!(f, "and above"),
                }
            }
        }
    }
}

impl fmt::Display for SelfCheckProblem {
    /// One sentence, without its full stop.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use SelfCheckProblem as S;
        match self {
            S::NoDontKnow => write!(
                f,
                "An organisation self-check needs a \"don't know\" answer: add \"dont_know\" to the answer scale"
            ),
            S::DontKnowOnCheckIn => write!(
                f,
                "Only an organisation self-check offers \"don't know\": remove \"dont_know\" or set \"kind\": \"organisation\""
            ),
            S::PreferNot => write!(
                f,
                "An organisation self-check offers \"don't know\" instead of \"prefer not to answer\": remove \"prefer_not\""
            ),
            S::ActionsOnCheckIn { subscale } => write!(
                f,
                "Subscale \"{subscale}\" lists actions, which only the areas of an organisation self-check have"
            ),
            S::StatementOutsideArea { item } => write!(
                f,
                "Item \"{item}\" is not scored in an area: every item of an organisation self-check is a scale item that adds to exactly one area"
            ),
            S::NestedArea { subscale } => write!(
                f,
                "Area \"{subscale}\" rolls up into another subscale, but the areas of an organisation self-check stand on their own"
            ),
            S::HeadlineOnArea { subscale } => write!(
                f,
                "Area \"{subscale}\" is marked as a headline score, which only a check-in has"
            ),
            S::NotACheckIn => write!(
                f,
                "This file is an organisation self-check, not a check-in, so it cannot be offered as one"
            ),
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
            E::EmptyText { place } => write!(f, "{} is empty.", capitalise(&place.to_string())),
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
            E::OutOfRange(problem) => write!(f, "{problem}."),
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
            E::SelfCheck(problem) => write!(f, "{problem}."),
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
            place: TextPlace::ItemText("a".into()),
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
