//! The organisation self-check: Tend's own statements load and follow the
//! rules, "don't know" never moves a score, bands and the weakest-first
//! order are as documented, the two weakest areas get actions that lead to
//! real pages of the leaders' guide, and a self-check survives being
//! shared, refuses to be read when damaged, and exports area scores only.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use tend_core::builtin::{org, ORG_ID};
use tend_core::domain::instrument::{Instrument, InstrumentKind, ItemKind};
use tend_core::domain::scoring::SubscaleResult;
use tend_core::domain::self_check::actions::ORG_ACTION_LINKS;
use tend_core::domain::self_check::csv::{CSV_COLUMNS, NOT_ENOUGH_ANSWERED};
use tend_core::domain::self_check::{
    compare, csv_of_area_scores, guide_link, score_self_check, LeadFact, SelfCheck,
    SelfCheckAnswer as A, SelfCheckAnswers,
};
use tend_core::store::checksum::checksum;
use tend_core::store::self_check_share::{
    export_json, import_self_check, share_code, ShareError, CODE_PREFIX, MAX_SHARE_BYTES,
};

/// The six areas, in the order the self-check asks them.
const AREAS: [&str; 6] = [
    "resilience",
    "safety",
    "policies",
    "leadership",
    "routine",
    "evaluation",
];

fn instrument() -> &'static Instrument {
    match org() {
        Ok(i) => i,
        Err(e) => panic!("{e}"),
    }
}

fn statements(area: &str) -> Vec<String> {
    instrument()
        .subscale_items(area)
        .iter()
        .map(|i| i.id.clone())
        .collect()
}

/// Answers for the statements of `area`, in order; `None` leaves one
/// unanswered.
fn area_answers(area: &str, answers: &[Option<A>]) -> SelfCheckAnswers {
    statements(area)
        .into_iter()
        .zip(answers)
        .filter_map(|(id, a)| a.map(|a| (id, a)))
        .collect()
}

fn levels(area: &str, values: &[i32]) -> SelfCheckAnswers {
    let answers: Vec<Option<A>> = values.iter().map(|v| Some(A::Level(*v))).collect();
    area_answers(area, &answers)
}

/// Every area answered with the same level.
fn all_at(level: i32) -> SelfCheckAnswers {
    instrument()
        .items()
        .map(|i| (i.id.clone(), A::Level(level)))
        .collect()
}

fn check(id: &str, at: i64, team: Option<&str>, answers: SelfCheckAnswers) -> SelfCheck {
    SelfCheck {
        answers,
        completed_at: at,
        id: id.into(),
        instrument_id: ORG_ID.into(),
        instrument_version: "1".into(),
        shared: false,
        team: team.map(str::to_string),
    }
}

/// A self-check with something of everything: levels, "don't know", an
/// unanswered statement and a team name with a comma and quotes.
fn sample() -> SelfCheck {
    let mut answers = all_at(2);
    answers.insert("res-induction".into(), A::DontKnow);
    answers.insert("pol-written".into(), A::Level(0));
    answers.insert("eval-repeat".into(), A::Level(4));
    answers.remove("saf-respect");
    check(
        "sc-miiao0lc-1x2y3z",
        1_764_300_000_000,
        Some("Night shift, \"North\" station"),
        answers,
    )
}

/// The outcome of one area: (score, band id), or none for not enough
/// answered.
fn outcome(answers: &SelfCheckAnswers, area: &str) -> Option<(f64, String)> {
    let result = score_self_check(instrument(), answers);
    let area = result.area(area)?;
    let score = area.score()?;
    Some((score.value, area.band()?.to_string()))
}

mod the_instrument;

mod scoring;

mod comparing;

mod sharing;

mod csv;

/// The small example in docs/instrument-format.md loads, and scores as the
/// text under it says.
#[test]
fn the_documented_self_check_example_scores_as_described() {
    let doc = include_str!("../../../../docs/instrument-format.md");
    let Some(section) = doc.split("### A small example").nth(1) else {
        panic!("no self-check example in docs/instrument-format.md");
    };
    let Some(json) = section
        .split("```json\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
    else {
        panic!("no json in the self-check example");
    };
    let example = match Instrument::from_json(json) {
        Ok(i) => i,
        Err(e) => panic!("{e}"),
    };
    let mut answers = SelfCheckAnswers::from([
        ("peer".to_string(), A::Level(4)),
        ("debrief".to_string(), A::Level(2)),
        ("alone".to_string(), A::Level(2)),
        ("leave".to_string(), A::DontKnow),
        ("breaks".to_string(), A::Level(4)),
    ]);
    let result = score_self_check(&example, &answers);
    let summary = |id: &str| {
        result.area(id).map(|a| {
            (
                a.score().map(|s| s.value),
                a.band().map(str::to_string),
                a.dont_know,
            )
        })
    };
    assert_eq!(
        summary("support"),
        Some((Some(2.7), Some("in-place".into()), 0))
    );
    assert_eq!(
        summary("rest"),
        Some((Some(4.0), Some("in-place".into()), 1))
    );
    let first = result.focus.first();
    assert_eq!(first.map(|f| f.area.as_str()), Some("support"));
    assert_eq!(first.map(|f| f.actions.len()), Some(2));
    // Not one of Tend's own: its actions lead nowhere.
    assert!(first.is_some_and(|f| f.actions.iter().all(|a| a.link.is_none())));

    answers.insert("breaks".into(), A::DontKnow);
    let result = score_self_check(&example, &answers);
    assert_eq!(result.area("rest").and_then(|a| a.score()), None);
}
