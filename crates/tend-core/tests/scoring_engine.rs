//! The scoring engine: table-driven edge cases on a small fixture and on
//! Tend's own check-in, and property tests for its invariants.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use tend_core::builtin::TEND_EN;
use tend_core::domain::answer::{Answer, Answers};
use tend_core::domain::instrument::{Instrument, ItemKind, ResponseScale, ScalePoint};
use tend_core::domain::scoring::{safety_flagged, score, score_range, Profile, SubscaleResult};

/// A subscale's value and band id, or none for "not enough answers".
type Outcome = Option<(f64, String)>;

fn load(text: &str) -> Instrument {
    match Instrument::from_json(text) {
        Ok(i) => i,
        Err(e) => panic!("{e}"),
    }
}

fn small() -> Instrument {
    load(include_str!("fixtures/instruments/valid-small.json"))
}

fn tend() -> Instrument {
    load(TEND_EN)
}

fn answers(pairs: &[(&str, Answer)]) -> Answers {
    pairs
        .iter()
        .map(|(id, a)| (id.to_string(), a.clone()))
        .collect()
}

fn values(pairs: &[(&str, i32)]) -> Answers {
    pairs
        .iter()
        .map(|(id, v)| (id.to_string(), Answer::Value(*v)))
        .collect()
}

/// What a subscale came to: its value and band id, or none for "not
/// enough answers".
fn outcome(profile: &Profile, subscale: &str) -> Outcome {
    let result = profile.get(subscale)?;
    match &result.result {
        SubscaleResult::Scored(s) => Some((
            s.value,
            s.band.as_ref().map(|b| b.id.clone()).unwrap_or_default(),
        )),
        SubscaleResult::NotEnoughAnswers => None,
    }
}

fn scored(value: f64, band: &str) -> Outcome {
    Some((value, band.to_string()))
}

/// The small fixture: `a` is the sum of a1..a4 (a2 reverse keyed, every
/// item needed), bands ≤5 / 6–10 / ≥11; `a-one` and `a-two` are the means
/// of (a1, a2) and (a3, a4), bands 0–1.9 / 2.0–4.0; `b` is the mean of
/// b1, b2 with half needed, bands 0–1.4 / 1.5–2.4 / 2.5–4.
#[test]
fn edges_on_the_small_fixture() {
    let i = small();
    type Expect = [(&'static str, Outcome); 4];
    let cases: Vec<(&str, Answers, Expect)> = vec![
        (
            // a = 0 + (4-0) + 0 + 0 = 4; a-one = (0 + 4) / 2 = 2.0.
            "all minimum",
            values(&[
                ("a1", 0),
                ("a2", 0),
                ("a3", 0),
                ("a4", 0),
                ("b1", 0),
                ("b2", 0),
            ]),
            [
                ("a", scored(4.0, "low")),
                ("a-one", scored(2.0, "high")),
                ("a-two", scored(0.0, "low")),
                ("b", scored(0.0, "low")),
            ],
        ),
        (
            // a = 4 + (4-4) + 4 + 4 = 12; a-one = (4 + 0) / 2 = 2.0.
            "all maximum",
            values(&[
                ("a1", 4),
                ("a2", 4),
                ("a3", 4),
                ("a4", 4),
                ("b1", 4),
                ("b2", 4),
            ]),
            [
                ("a", scored(12.0, "high")),
                ("a-one", scored(2.0, "high")),
                ("a-two", scored(4.0, "high")),
                ("b", scored(4.0, "high")),
            ],
        ),
        (
            // b needs half its items: b1 alone is enough. a needs all.
            "one missing",
            values(&[("a1", 1), ("a2", 3), ("a3", 2), ("b1", 3)]),
            [
                ("a", None),
                ("a-one", scored(1.0, "low")),
                ("a-two", None),
                ("b", scored(3.0, "high")),
            ],
        ),
        (
            "too many missing",
            values(&[("a1", 1)]),
            [("a", None), ("a-one", None), ("a-two", None), ("b", None)],
        ),
        (
            // "Prefer not" is not an answer for scoring: b = 2 / 1.
            "prefer not counts as missing",
            answers(&[("b1", Answer::PreferNot), ("b2", Answer::Value(2))]),
            [
                ("a", None),
                ("a-one", None),
                ("a-two", None),
                ("b", scored(2.0, "moderate")),
            ],
        ),
        (
            // a = 1 + 0 + 2 + 2 = 5, the top of "low"; b = 1.5, the bottom
            // of "moderate".
            "band edges: 5 and 1.5",
            values(&[
                ("a1", 1),
                ("a2", 4),
                ("a3", 2),
                ("a4", 2),
                ("b1", 1),
                ("b2", 2),
            ]),
            [
                ("a", scored(5.0, "low")),
                ("a-one", scored(0.5, "low")),
                ("a-two", scored(2.0, "high")),
                ("b", scored(1.5, "moderate")),
            ],
        ),
        (
            // a = 1 + 0 + 3 + 2 = 6, the bottom of "moderate"; b = 1.0.
            "band edges: 6",
            values(&[
                ("a1", 1),
                ("a2", 4),
                ("a3", 3),
                ("a4", 2),
                ("b1", 1),
                ("b2", 1),
            ]),
            [
                ("a", scored(6.0, "moderate")),
                ("a-one", scored(0.5, "low")),
                ("a-two", scored(2.5, "high")),
                ("b", scored(1.0, "low")),
            ],
        ),
        (
            // a = 4 + 2 + 2 + 2 = 10, the top of "moderate"; b = 2.5, the
            // bottom of "high".
            "band edges: 10 and 2.5",
            values(&[
                ("a1", 4),
                ("a2", 2),
                ("a3", 2),
                ("a4", 2),
                ("b1", 2),
                ("b2", 3),
            ]),
            [
                ("a", scored(10.0, "moderate")),
                ("a-one", scored(3.0, "high")),
                ("a-two", scored(2.0, "high")),
                ("b", scored(2.5, "high")),
            ],
        ),
        (
            // a = 1 + (4-2) + 4 + 4 = 11, the bottom of "high"; a-one =
            // (1 + 2) / 2 = 1.5, low.
            "band edges: 11",
            values(&[
                ("a1", 1),
                ("a2", 2),
                ("a3", 4),
                ("a4", 4),
                ("b1", 2),
                ("b2", 2),
            ]),
            [
                ("a", scored(11.0, "high")),
                ("a-one", scored(1.5, "low")),
                ("a-two", scored(4.0, "high")),
                ("b", scored(2.0, "moderate")),
            ],
        ),
        (
            // Impossible answers count as missing: 9 is off the scale, a
            // choice answer does not fit a scale item, "zz" is no item.
            "impossible answers are ignored",
            answers(&[
                ("a1", Answer::Value(9)),
                ("a2", Answer::Choices(vec!["x".into()])),
                ("b1", Answer::Value(-1)),
                ("b2", Answer::Value(4)),
                ("zz", Answer::Value(4)),
            ]),
            [
                ("a", None),
                ("a-one", None),
                ("a-two", None),
                ("b", scored(4.0, "high")),
            ],
        ),
    ];
    for (name, given, expect) in cases {
        let profile = score(&i, &given);
        for (subscale, want) in expect {
            assert_eq!(outcome(&profile, subscale), want, "{name}: {subscale}");
        }
    }
}

#[test]
fn counts_say_how_much_was_answered() {
    let i = small();
    let profile = score(&i, &values(&[("a1", 1), ("a3", 2), ("b1", 3)]));
    let a = profile.get("a").map(|s| (s.items, s.answered));
    assert_eq!(a, Some((4, 2)));
    let b = profile.get("b").map(|s| (s.items, s.answered));
    assert_eq!(b, Some((2, 1)));
    assert_eq!(profile.instrument, "fixture");
    assert_eq!(profile.version, "1");
}

/// Tend's clusters are means of five items, one decimal, at least four of
/// five answered; bands 0–1.4 / 1.5–2.4 / 2.5–4.
#[test]
fn means_round_half_away_from_zero_at_the_band_edges() {
    let i = tend();
    let ids = [
        "int-images",
        "int-replay",
        "int-dreams",
        "int-reminders",
        "int-back-there",
    ];
    let cases: [(&[i32], Outcome); 8] = [
        // 7 / 5 = 1.4: the top of low.
        (&[1, 1, 1, 2, 2], scored(1.4, "low")),
        // 8 / 5 = 1.6.
        (&[1, 1, 2, 2, 2], scored(1.6, "moderate")),
        // 5 / 4 = 1.25, rounds up to 1.3.
        (&[1, 1, 1, 2], scored(1.3, "low")),
        // 6 / 4 = 1.5 exactly: the bottom of moderate.
        (&[1, 1, 1, 3], scored(1.5, "moderate")),
        // 7 / 4 = 1.75 rounds to 1.8.
        (&[1, 2, 2, 2], scored(1.8, "moderate")),
        // 12 / 5 = 2.4: the top of moderate; 2.5 is high.
        (&[2, 2, 2, 3, 3], scored(2.4, "moderate")),
        (&[2, 2, 3, 3], scored(2.5, "high")),
        // Three of five is below the 80% minimum.
        (&[4, 4, 4], None),
    ];
    for (given, want) in cases {
        let a: Answers = ids
            .iter()
            .zip(given)
            .map(|(id, v)| (id.to_string(), Answer::Value(*v)))
            .collect();
        assert_eq!(outcome(&score(&i, &a), "intrusion"), want, "{given:?}");
    }
}

#[test]
fn the_headline_rolls_up_every_cluster_item_and_its_own() {
    let i = tend();
    // Every secondary-trauma item at 3, the headline's own two (drained,
    // lost interest) among them, except the five intrusion items at 1:
    // (17 × 3 + 5 × 1) / 22 = 2.545…, rounded to 2.5.
    let mut a = Answers::new();
    for item in i.subscale_items("sts") {
        let v = if item.subscale.as_deref() == Some("intrusion") {
            1
        } else {
            3
        };
        a.insert(item.id.clone(), Answer::Value(v));
    }
    let profile = score(&i, &a);
    assert_eq!(outcome(&profile, "sts"), scored(2.5, "high"));
    assert_eq!(outcome(&profile, "intrusion"), scored(1.0, "low"));
    assert_eq!(outcome(&profile, "arousal"), scored(3.0, "high"));
    assert_eq!(outcome(&profile, "burnout"), None);
    let sts = profile.get("sts").map(|s| (s.items, s.answered));
    assert_eq!(sts, Some((22, 22)));
}

#[test]
fn ranges_follow_the_scoring_rule() {
    let i = small();
    let a = score_range(&i, "a").map(|r| (r.min, r.max));
    assert_eq!(a, Some((0.0, Some(16.0))));
    let b = score_range(&i, "b").map(|r| (r.min, r.max));
    assert_eq!(b, Some((0.0, Some(4.0))));
    assert!(score_range(&i, "nope").is_none());
}

#[test]
fn safety_is_flagged_by_anything_but_never() {
    let i = tend();
    let cases = [
        (None, false),
        (Some(Answer::Value(0)), false),
        (Some(Answer::Value(1)), true),
        (Some(Answer::Value(4)), true),
        (Some(Answer::PreferNot), true),
    ];
    for (answer, flagged) in cases {
        let mut a = Answers::new();
        if let Some(answer) = &answer {
            a.insert("safety-harm".into(), answer.clone());
        }
        assert_eq!(safety_flagged(&i, &a), flagged, "{answer:?}");
        // Never scored, whatever the answer.
        let profile = score(&i, &a);
        assert!(profile.scores.iter().all(|s| s.answered == 0));
    }
}

#[test]
fn choice_answers_are_checked_against_their_options() {
    let i = tend();
    let role = i.item("ctx-role");
    let supports = i.item("ctx-supports");
    let (Some(role), Some(supports)) = (role, supports) else {
        panic!("context items missing");
    };
    let pick = |ids: &[&str]| Answer::Choices(ids.iter().map(|s| s.to_string()).collect());
    assert!(role.accepts(&i.scale, &pick(&["paramedic"])));
    assert!(!role.accepts(&i.scale, &pick(&["paramedic", "police"])));
    assert!(!role.accepts(&i.scale, &pick(&[])));
    assert!(!role.accepts(&i.scale, &pick(&["astronaut"])));
    assert!(!role.accepts(&i.scale, &Answer::Value(2)));
    assert!(role.accepts(&i.scale, &Answer::PreferNot));
    assert!(supports.accepts(&i.scale, &pick(&[])));
    assert!(supports.accepts(&i.scale, &pick(&["therapy", "time-off"])));
    assert!(!supports.accepts(&i.scale, &pick(&["therapy", "therapy"])));
}

fn scale(min: i32, max: i32) -> ResponseScale {
    ResponseScale {
        min,
        max: Some(max),
        labels: vec![
            ScalePoint {
                value: min,
                label: "low".into(),
            },
            ScalePoint {
                value: max,
                label: "high".into(),
            },
        ],
        prefer_not: None,
        dont_know: None,
    }
}

/// Random answers to every scale item of `instrument`: unanswered, "prefer
/// not", or a value on the scale.
fn any_answers(instrument: &Instrument) -> impl Strategy<Value = Answers> {
    let ids: Vec<String> = instrument
        .items()
        .filter(|i| i.kind == ItemKind::Scale)
        .map(|i| i.id.clone())
        .collect();
    let (min, max) = (instrument.scale.min, instrument.scale.max.unwrap_or(10));
    let n = ids.len();
    proptest::collection::vec(
        prop_oneof![
            2 => Just(None),
            1 => Just(Some(Answer::PreferNot)),
            8 => (min..=max).prop_map(|v| Some(Answer::Value(v))),
        ],
        n,
    )
    .prop_map(move |given| {
        ids.iter()
            .zip(given)
            .filter_map(|(id, a)| a.map(|a| (id.clone(), a)))
            .collect()
    })
}

/// Raising one answer by one step, then checking every subscale the item
/// feeds: a non-reversed item never lowers them, a reversed one never
/// raises them.
fn check_raise(
    instrument: &Instrument,
    before: &Answers,
    index: usize,
) -> Result<(), TestCaseError> {
    let items: Vec<_> = instrument
        .items()
        .filter(|i| i.kind == ItemKind::Scale && i.subscale.is_some())
        .collect();
    let item = items[index % items.len()];
    let Some(Answer::Value(v)) = before.get(&item.id) else {
        return Ok(());
    };
    if Some(*v) == instrument.scale.max {
        return Ok(());
    }
    let mut after = before.clone();
    after.insert(item.id.clone(), Answer::Value(v + 1));
    let (p, q) = (score(instrument, before), score(instrument, &after));
    for subscale in &instrument.subscales {
        let Some(leaf) = &item.subscale else { continue };
        if !instrument.is_within(leaf, &subscale.id) {
            continue;
        }
        let get = |profile: &Profile| {
            profile
                .get(&subscale.id)
                .and_then(|s| s.score())
                .map(|s| s.value)
        };
        match (get(&p), get(&q)) {
            (Some(x), Some(y)) if item.reverse => {
                prop_assert!(y <= x, "{} raised {}", item.id, subscale.id)
            }
            (Some(x), Some(y)) => prop_assert!(y >= x, "{} lowered {}", item.id, subscale.id),
            (None, None) => {}
            (x, y) => prop_assert!(false, "scored changed: {x:?} → {y:?}"),
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn reverse_keying_is_an_involution(min in -50i32..50, span in 1i32..20, offset in 0i32..20) {
        let s = scale(min, min + span);
        let v = min + offset % (span + 1);
        let once = s.reverse(v);
        prop_assert!(once.is_some_and(|r| s.contains(r)));
        prop_assert_eq!(once.and_then(|r| s.reverse(r)), Some(v));
    }

    #[test]
    fn raising_an_answer_moves_its_subscales_the_right_way_on_tend(
        (before, index) in any_answers(&tend()).prop_flat_map(|a| (Just(a), 0usize..64))
    ) {
        check_raise(&tend(), &before, index)?;
    }

    #[test]
    fn raising_an_answer_moves_its_subscales_the_right_way_with_reverse_items(
        (before, index) in any_answers(&proqol()).prop_flat_map(|a| (Just(a), 0usize..64))
    ) {
        check_raise(&proqol(), &before, index)?;
    }

    #[test]
    fn every_score_is_in_range_and_banded(given in any_answers(&tend())) {
        let i = tend();
        for s in score(&i, &given).scores {
            if let SubscaleResult::Scored(score) = s.result {
                prop_assert!((0.0..=4.0).contains(&score.value));
                prop_assert!(score.band.is_some());
                prop_assert!(score.position.is_some_and(|p| (0.0..=1.0).contains(&p)));
            }
        }
    }

    #[test]
    fn arbitrary_answers_never_panic(
        given in proptest::collection::btree_map(
            "[a-z-]{1,14}",
            prop_oneof![
                any::<i32>().prop_map(Answer::Value),
                Just(Answer::PreferNot),
                proptest::collection::vec("[a-z-]{1,8}", 0..3).prop_map(Answer::Choices),
            ],
            0..40,
        )
    ) {
        let i = tend();
        let _ = score(&i, &given);
        let _ = safety_flagged(&i, &given);
    }
}

fn proqol() -> Instrument {
    load(include_str!("fixtures/instruments/proqol-shaped.json"))
}
