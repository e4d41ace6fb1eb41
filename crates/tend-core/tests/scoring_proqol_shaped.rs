//! A published scoring key must be expressible and come out exactly. The
//! fixture has the shape of a well-known 30-item measure: three subscales
//! of ten items on a 1–5 scale, five reverse-keyed items in one of them,
//! raw-sum bands of 22 or less, 23–41, and 42 or more. Item texts are
//! placeholders.
//!
//! Key: sustaining (`cs`) = q3 q6 q12 q16 q18 q20 q22 q24 q27 q30;
//! burnout (`bo`) = q1 q4 q8 q10 q15 q17 q19 q21 q26 q29, with q1 q4 q15
//! q17 q29 reverse keyed (6 − answer); secondary traumatic stress (`sts`) =
//! q2 q5 q7 q9 q11 q13 q14 q23 q25 q28. At least 8 of 10 answered; a sum
//! with items missing is prorated (mean × 10) and rounded half up.
#![cfg(not(target_arch = "wasm32"))]

use tend_core::domain::answer::{Answer, Answers};
use tend_core::domain::instrument::{Headline, Instrument};
use tend_core::domain::reading::{pattern, Pattern};
use tend_core::domain::scoring::{score, Profile, SubscaleResult};

/// A subscale's value and band id, or none for "not enough answers".
type Outcome = Option<(f64, String)>;

const CS: [u32; 10] = [3, 6, 12, 16, 18, 20, 22, 24, 27, 30];
const BO: [u32; 10] = [1, 4, 8, 10, 15, 17, 19, 21, 26, 29];
const STS: [u32; 10] = [2, 5, 7, 9, 11, 13, 14, 23, 25, 28];

fn instrument() -> Instrument {
    match Instrument::from_json(include_str!("fixtures/instruments/proqol-shaped.json")) {
        Ok(i) => i,
        Err(e) => panic!("{e}"),
    }
}

/// Answers for one subscale's items, in key order; `None` leaves an item
/// unanswered, `Some(0)` answers "prefer not".
fn put(answers: &mut Answers, key: [u32; 10], given: [Option<i32>; 10]) {
    for (n, v) in key.iter().zip(given) {
        let answer = match v {
            None => continue,
            Some(0) => Answer::PreferNot,
            Some(v) => Answer::Value(v),
        };
        answers.insert(format!("q{n}"), answer);
    }
}

fn all(v: i32) -> [Option<i32>; 10] {
    [Some(v); 10]
}

fn outcome(profile: &Profile, subscale: &str) -> Outcome {
    match &profile.get(subscale)?.result {
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

#[test]
fn the_key_is_expressed_as_written() {
    let i = instrument();
    assert_eq!(i.items().count(), 30);
    for (id, key) in [("cs", CS), ("bo", BO), ("sts", STS)] {
        let items: Vec<String> = i
            .subscale_items(id)
            .iter()
            .map(|it| it.id.clone())
            .collect();
        let want: Vec<String> = key.iter().map(|n| format!("q{n}")).collect();
        assert_eq!(items, want, "{id}");
    }
    let reversed: Vec<&str> = i
        .items()
        .filter(|it| it.reverse)
        .map(|it| it.id.as_str())
        .collect();
    assert_eq!(reversed, ["q1", "q4", "q15", "q17", "q29"]);
}

#[test]
fn hand_computed_answer_sets() {
    let i = instrument();
    type Set = ([Option<i32>; 10], [Option<i32>; 10], [Option<i32>; 10]);
    let cases: Vec<(&str, Set, [Outcome; 3])> = vec![
        (
            // A. Everything "3". cs = 10 × 3 = 30. sts = 30.
            //    bo = five plain 3s (15) + five reversed 6 − 3 = 3s (15) = 30.
            "A: all 3",
            (all(3), all(3), all(3)),
            [
                scored(30.0, "moderate"),
                scored(30.0, "moderate"),
                scored(30.0, "moderate"),
            ],
        ),
        (
            // B. Everything "1". cs = 10, sts = 10 (low).
            //    bo = five plain 1s (5) + five reversed 6 − 1 = 5s (25) = 30.
            "B: all 1",
            (all(1), all(1), all(1)),
            [
                scored(10.0, "low"),
                scored(30.0, "moderate"),
                scored(10.0, "low"),
            ],
        ),
        (
            // C. Everything "5". cs = 50, sts = 50 (high).
            //    bo = five plain 5s (25) + five reversed 6 − 5 = 1s (5) = 30.
            "C: all 5",
            (all(5), all(5), all(5)),
            [
                scored(50.0, "high"),
                scored(30.0, "moderate"),
                scored(50.0, "high"),
            ],
        ),
        (
            // D. Band edges exactly.
            //    cs = 5+5+4+4+4+3+3+5+4+5 = 42: the bottom of high.
            //    bo, key order q1 q4 q8 q10 q15 q17 q19 q21 q26 q29:
            //      reversed q1 q4 q15 q17 q29 answered 4 → 2 each = 10;
            //      plain q8 q10 q19 q21 q26 answered 3 each = 15; total 25.
            //    sts = 2×8 + 3+3 = 22: the top of low.
            "D: edges 42 and 22",
            (
                [5, 5, 4, 4, 4, 3, 3, 5, 4, 5].map(Some),
                [4, 4, 3, 3, 4, 4, 3, 3, 3, 4].map(Some),
                [2, 2, 2, 2, 2, 2, 2, 2, 3, 3].map(Some),
            ),
            [
                scored(42.0, "high"),
                scored(25.0, "moderate"),
                scored(22.0, "low"),
            ],
        ),
        (
            // E. Prorating and "not enough answers".
            //    cs: q30 unanswered; nine answers sum 2×7 + 3+3 = 20;
            //      20 / 9 × 10 = 22.22 → 22, low.
            //    bo: q8 q10 q19 unanswered: 7 of 10 is under 80% → none.
            //    sts: q25 q28 "prefer not"; eight answers 5+5+4+4+4+4+4+3 =
            //      33; 33 / 8 × 10 = 41.25 → 41, moderate.
            "E: prorated, and too few",
            (
                [
                    Some(2),
                    Some(2),
                    Some(2),
                    Some(2),
                    Some(2),
                    Some(2),
                    Some(3),
                    Some(3),
                    Some(2),
                    None,
                ],
                [
                    Some(2),
                    Some(2),
                    None,
                    None,
                    Some(2),
                    Some(2),
                    None,
                    Some(2),
                    Some(2),
                    Some(2),
                ],
                [
                    Some(5),
                    Some(5),
                    Some(4),
                    Some(4),
                    Some(4),
                    Some(4),
                    Some(4),
                    Some(3),
                    Some(0),
                    Some(0),
                ],
            ),
            [scored(22.0, "low"), None, scored(41.0, "moderate")],
        ),
        (
            // F. Prorating across a band edge.
            //    cs: q3 unanswered; 4×6 + 5+5 + 4 = 38; 38 / 9 × 10 = 42.2
            //      → 42, high.
            //    bo: q29 (reversed) unanswered; reversed q1 q4 q15 q17
            //      answered 1 → 5 each = 20; plain answered 4 each = 20;
            //      40 / 9 × 10 = 44.4 → 44, high.
            //    sts: q28 unanswered; 2×4 + 3×3 + 2+2 = 21;
            //      21 / 9 × 10 = 23.3 → 23, moderate.
            "F: prorated across an edge",
            (
                [
                    None,
                    Some(4),
                    Some(4),
                    Some(4),
                    Some(4),
                    Some(4),
                    Some(4),
                    Some(5),
                    Some(5),
                    Some(4),
                ],
                [
                    Some(1),
                    Some(1),
                    Some(4),
                    Some(4),
                    Some(1),
                    Some(1),
                    Some(4),
                    Some(4),
                    Some(4),
                    None,
                ],
                [
                    Some(2),
                    Some(2),
                    Some(2),
                    Some(2),
                    Some(3),
                    Some(3),
                    Some(3),
                    Some(2),
                    Some(2),
                    None,
                ],
            ),
            [
                scored(42.0, "high"),
                scored(44.0, "high"),
                scored(23.0, "moderate"),
            ],
        ),
        (
            // G. A prorated half rounds up: sts with q25 q28 unanswered,
            //    2×6 + 3+3 = 18; 18 / 8 × 10 = 22.5 → 23, moderate.
            "G: a half rounds up",
            (
                all(3),
                all(3),
                [
                    Some(2),
                    Some(2),
                    Some(2),
                    Some(2),
                    Some(2),
                    Some(2),
                    Some(3),
                    Some(3),
                    None,
                    None,
                ],
            ),
            [
                scored(30.0, "moderate"),
                scored(30.0, "moderate"),
                scored(23.0, "moderate"),
            ],
        ),
    ];
    for (name, (cs, bo, sts), want) in cases {
        let mut answers = Answers::new();
        put(&mut answers, CS, cs);
        put(&mut answers, BO, bo);
        put(&mut answers, STS, sts);
        let profile = score(&i, &answers);
        for (subscale, want) in ["cs", "bo", "sts"].into_iter().zip(want) {
            assert_eq!(outcome(&profile, subscale), want, "{name}: {subscale}");
        }
    }
}

#[test]
fn the_same_engine_reads_a_loaded_instrument() {
    let i = instrument();
    let mut answers = Answers::new();
    put(&mut answers, CS, all(3));
    put(&mut answers, BO, all(3));
    put(&mut answers, STS, all(5));
    let profile = score(&i, &answers);
    let sts = profile
        .headline(Headline::SecondaryTrauma)
        .map(|s| s.subscale.as_str());
    assert_eq!(sts, Some("sts"));
    // sts 50 (high) vs bo 30 (moderate): both raised, positions 1.0 and
    // 0.5 are more than the margin apart.
    assert_eq!(pattern(&i, &profile), Pattern::SecondaryTraumaMore);
}
