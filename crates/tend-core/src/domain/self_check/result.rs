//! A self-check's results: each area's score, band and "don't know"
//! count, the areas from weakest to strongest, and suggested actions for
//! the weakest two.
//!
//! Scoring is the engine every instrument uses ([`crate::domain::scoring`]),
//! over the real answers only: "don't know" is left out, exactly as an
//! unanswered statement is, and counted on its own. With Tend's own
//! self-check an area's score is the mean of its answered statements on
//! 0 (not at all) to 4 (fully), to one decimal place, banded as the file
//! says: up to 1.4 just starting, 1.5 to 2.9 partly in place, 3.0 and up
//! well in place. When fewer than half an area's statements have a real
//! answer it has no score: "not enough answered".

use super::actions::{guide_link, GuideLink};
use super::record::{SelfCheckAnswer, SelfCheckAnswers};
use crate::domain::answer::{Answer, Answers};
use crate::domain::instrument::Instrument;
use crate::domain::scoring::{score, Score, SubscaleResult};
use std::cmp::Ordering;

/// How many of the weakest areas get suggested actions.
pub const FOCUS_AREAS: usize = 2;

/// How one area stands in one self-check.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaResult {
    /// The area's id (a subscale of the instrument; its name is there).
    pub area: String,
    /// How many statements the area has.
    pub statements: usize,
    /// How many of them have a real answer (a level, not "don't know").
    pub answered: usize,
    /// How many were answered "don't know". Shown, never scored.
    pub dont_know: usize,
    /// The score and band, or "not enough answered" when fewer than the
    /// area's minimum share (half, for Tend's own) have a real answer.
    pub result: SubscaleResult,
}

impl AreaResult {
    /// The score, when enough statements were answered.
    pub fn score(&self) -> Option<&Score> {
        match &self.result {
            SubscaleResult::Scored(score) => Some(score),
            SubscaleResult::NotEnoughAnswers => None,
        }
    }

    /// The id of the band the score falls in, when there is a score.
    pub fn band(&self) -> Option<&str> {
        self.score()
            .and_then(|s| s.band.as_ref())
            .map(|b| b.id.as_str())
    }

    /// Where the score sits between the lowest and highest possible, 0 to
    /// 1 (the score itself on a scale with no top): what areas are ranked
    /// by, so that areas scored by different rules still compare fairly.
    fn standing(&self) -> Option<f64> {
        let score = self.score()?;
        Some(score.position.unwrap_or(score.value))
    }
}

/// One action suggested for a weak area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuggestedAction {
    /// The action's id, the same in every language.
    pub id: String,
    /// What to do, in the instrument's language.
    pub text: String,
    /// The leaders' guide fact and page it leads to; none for an
    /// organisation's own self-check, whose actions have no links.
    pub link: Option<GuideLink>,
}

/// One of the weakest areas, with what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FocusArea {
    /// The area's id.
    pub area: String,
    /// The area's actions, in the order the instrument lists them.
    pub actions: Vec<SuggestedAction>,
}

/// The results of one self-check.
#[derive(Clone, Debug, PartialEq)]
pub struct SelfCheckResult {
    /// The instrument's id.
    pub instrument: String,
    /// The instrument's version.
    pub version: String,
    /// Every area, in the order the instrument lists them.
    pub areas: Vec<AreaResult>,
    /// The weakest areas with a score, at most [`FOCUS_AREAS`], weakest
    /// first, each with its suggested actions.
    pub focus: Vec<FocusArea>,
}

impl SelfCheckResult {
    /// The result of the area with this id.
    pub fn area(&self, id: &str) -> Option<&AreaResult> {
        self.areas.iter().find(|a| a.area == id)
    }

    /// Every area from weakest to strongest: the scored ones by where
    /// their score sits in its possible range, lowest first, areas with
    /// equal standing in the instrument's order; then the areas with not
    /// enough answered, in the instrument's order, since nothing can be
    /// said of their strength.
    pub fn weakest_first(&self) -> Vec<&AreaResult> {
        let mut scored: Vec<(&AreaResult, f64)> = self
            .areas
            .iter()
            .filter_map(|a| a.standing().map(|s| (a, s)))
            .collect();
        // A stable sort: ties keep the instrument's order.
        scored.sort_by(|(_, x), (_, y)| x.partial_cmp(y).unwrap_or(Ordering::Equal));
        scored
            .into_iter()
            .map(|(a, _)| a)
            .chain(self.areas.iter().filter(|a| a.score().is_none()))
            .collect()
    }

    /// How many statements were answered "don't know", in all areas.
    pub fn dont_know(&self) -> usize {
        self.areas.iter().map(|a| a.dont_know).sum()
    }
}

/// Scores a self-check's answers with `instrument`, an organisation
/// self-check. Answers to statements the instrument does not have, and
/// levels off its scale, count as unanswered.
pub fn score_self_check(instrument: &Instrument, answers: &SelfCheckAnswers) -> SelfCheckResult {
    let levels: Answers = answers
        .iter()
        .filter_map(|(id, answer)| match answer {
            SelfCheckAnswer::Level(v) => Some((id.clone(), Answer::Value(*v))),
            SelfCheckAnswer::DontKnow => None,
        })
        .collect();
    let profile = score(instrument, &levels);
    let areas: Vec<AreaResult> = profile
        .scores
        .into_iter()
        .map(|s| {
            let dont_know = instrument
                .subscale_items(&s.subscale)
                .iter()
                .filter(|i| answers.get(&i.id) == Some(&SelfCheckAnswer::DontKnow))
                .count();
            AreaResult {
                area: s.subscale,
                statements: s.items,
                answered: s.answered,
                dont_know,
                result: s.result,
            }
        })
        .collect();
    let mut result = SelfCheckResult {
        instrument: instrument.id.clone(),
        version: instrument.version.clone(),
        areas,
        focus: Vec::new(),
    };
    result.focus = result
        .weakest_first()
        .into_iter()
        .filter(|a| a.score().is_some())
        .take(FOCUS_AREAS)
        .map(|a| focus_area(instrument, &a.area))
        .collect();
    result
}

fn focus_area(instrument: &Instrument, area: &str) -> FocusArea {
    let actions = instrument
        .subscale(area)
        .map(|s| s.actions.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|a| SuggestedAction {
            id: a.id.clone(),
            text: a.text.clone(),
            link: guide_link(&instrument.id, &a.id),
        })
        .collect();
    FocusArea {
        area: area.to_string(),
        actions,
    }
}
