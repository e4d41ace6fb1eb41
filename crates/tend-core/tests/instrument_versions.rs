//! Version 2 of Tend's check-in: every new item is scored where it should
//! be, the reading weighs exhaustion and lost interest as signs of both
//! secondary trauma and burnout and says when something may not be about
//! work, and check-ins answered with version 1 keep their original meaning.
#![cfg(not(target_arch = "wasm32"))]

use tend_core::builtin;
use tend_core::domain::answer::{Answer, Answers};
use tend_core::domain::catalogue::Catalogue;
use tend_core::domain::history::{self, Change};
use tend_core::domain::instrument::{Headline, Instrument, Sign};
use tend_core::domain::reading::{read, Framing, Pattern, SharedSign};
use tend_core::domain::recommend::stood_out;
use tend_core::domain::scoring::{score, Profile, SubscaleResult};
use tend_core::domain::strategy::HelpsWith;
use tend_core::store::data::{CheckIn, TendData};

fn v2() -> &'static Instrument {
    match builtin::tend() {
        Ok(i) => i,
        Err(e) => panic!("version 2 does not load: {e}"),
    }
}

fn v1() -> &'static Instrument {
    match builtin::tend_earlier() {
        Ok([first, ..]) => first,
        Ok([]) => panic!("no earlier version is kept"),
        Err(e) => panic!("version 1 does not load: {e}"),
    }
}

fn catalogue() -> Catalogue {
    match builtin::tend_earlier() {
        Ok(earlier) => Catalogue::new(v2().clone()).with_earlier(earlier),
        Err(e) => panic!("{e}"),
    }
}

/// Every scored item of `instrument` at `value`, then `overrides`.
fn answers(instrument: &Instrument, value: i32, overrides: &[(&str, i32)]) -> Answers {
    let mut a: Answers = instrument
        .items()
        .filter(|i| i.subscale.is_some())
        .map(|i| (i.id.clone(), Answer::Value(value)))
        .collect();
    for (id, v) in overrides {
        a.insert(id.to_string(), Answer::Value(*v));
    }
    a
}

fn value(profile: &Profile, subscale: &str) -> Option<f64> {
    profile
        .get(subscale)
        .and_then(|s| s.score())
        .map(|s| s.value)
}

fn band(profile: &Profile, subscale: &str) -> Option<String> {
    profile
        .get(subscale)
        .and_then(|s| s.score())
        .and_then(|s| s.band.as_ref())
        .map(|b| b.id.clone())
}

#[test]
fn every_new_item_is_scored_where_it_should_be() {
    let i = v2();
    assert_eq!(i.version, "2");
    // (item, the subscale it adds to, the headline it counts towards, its sign)
    let placed = [
        (
            "sts-drained",
            "sts",
            Some(Headline::SecondaryTrauma),
            Some(Sign::Exhaustion),
        ),
        (
            "sts-lost-interest",
            "sts",
            Some(Headline::SecondaryTrauma),
            Some(Sign::LostInterest),
        ),
        (
            "bo-worn-out",
            "burnout",
            Some(Headline::Burnout),
            Some(Sign::Exhaustion),
        ),
        (
            "bo-lost-interest",
            "burnout",
            Some(Headline::Burnout),
            Some(Sign::LostInterest),
        ),
        ("hs-low-mood", "health", None, Some(Sign::LowMood)),
        ("hs-sleep", "health", None, Some(Sign::PoorSleep)),
        ("hs-focus", "health", None, Some(Sign::PoorFocus)),
        (
            "aro-light-sleep",
            "arousal",
            Some(Headline::SecondaryTrauma),
            Some(Sign::PoorSleep),
        ),
        (
            "aro-attention",
            "arousal",
            Some(Headline::SecondaryTrauma),
            Some(Sign::PoorFocus),
        ),
        (
            "neg-expect-worst",
            "negative-mood",
            Some(Headline::SecondaryTrauma),
            None,
        ),
        (
            "avn-keep-clear",
            "avoidance",
            Some(Headline::SecondaryTrauma),
            None,
        ),
    ];
    for (id, subscale, headline, sign) in placed {
        let Some(item) = i.item(id) else {
            panic!("{id} is missing");
        };
        assert_eq!(item.subscale.as_deref(), Some(subscale), "{id}");
        assert_eq!(item.sign, sign, "{id}");
        for h in [
            Headline::SecondaryTrauma,
            Headline::Burnout,
            Headline::Sustaining,
        ] {
            let within = i.headline(h).is_some_and(|s| i.is_within(subscale, &s.id));
            assert_eq!(within, headline == Some(h), "{id} and {h:?}");
        }
        // Raising the item alone raises its subscale's score.
        let low = score(i, &answers(i, 0, &[]));
        let high = score(i, &answers(i, 0, &[(id, 4)]));
        assert!(
            value(&high, subscale) > value(&low, subscale),
            "{id} does not move {subscale}"
        );
    }
    // The drained and lost-interest items count in the headline but in no
    // cluster: they are not among the four clusters' items.
    for cluster in i.children("sts") {
        let items: Vec<&str> = i
            .subscale_items(&cluster.id)
            .iter()
            .map(|it| it.id.as_str())
            .collect();
        assert!(!items.contains(&"sts-drained") && !items.contains(&"sts-lost-interest"));
    }
}

#[test]
fn an_item_id_never_changes_meaning_between_versions() {
    let (old, new) = (v1(), v2());
    let mut kept = 0;
    for item in old.items() {
        if let Some(now) = new.item(&item.id) {
            assert_eq!(
                now.text, item.text,
                "{} was reworded under its old id",
                item.id
            );
            assert_eq!(now.subscale, item.subscale, "{} moved", item.id);
            assert_eq!(now.kind, item.kind, "{}", item.id);
            assert_eq!(now.options, item.options, "{}", item.id);
            kept += 1;
        }
    }
    let retired: Vec<&str> = old
        .items()
        .filter(|item| new.item(&item.id).is_none())
        .map(|item| item.id.as_str())
        .collect();
    assert_eq!(
        retired,
        [
            "avn-avoid",
            "aro-sleep",
            "neg-worst",
            "aro-focus",
            "bo-exhausted",
            "bo-interest"
        ]
    );
    assert_eq!(kept + retired.len(), old.items().count());
    assert_eq!(new.items().count(), old.items().count() + 5);
    // The bands, and so what a score means, are the same in both.
    for h in [
        Headline::SecondaryTrauma,
        Headline::Burnout,
        Headline::Sustaining,
    ] {
        assert_eq!(
            old.headline(h).map(|s| &s.bands),
            new.headline(h).map(|s| &s.bands),
            "{h:?}"
        );
    }
}

/// A check-in saved with version 1, answered on four items version 2 no
/// longer asks.
fn v1_checkin() -> CheckIn {
    CheckIn {
        id: "c-old".into(),
        instrument_id: "tend".into(),
        instrument_version: "1".into(),
        completed_at: 1_700_000_000_000,
        answers: answers(
            v1(),
            0,
            &[
                ("aro-sleep", 4),
                ("aro-focus", 4),
                ("avn-avoid", 4),
                ("neg-worst", 4),
                ("bo-exhausted", 4),
                ("bo-interest", 4),
            ],
        ),
    }
}

#[test]
fn a_version_1_check_in_keeps_its_original_meaning() {
    let c = catalogue();
    let old = v1_checkin();
    let Some(instrument) = c.get_version(&old.instrument_id, &old.instrument_version) else {
        panic!("version 1 is not found");
    };
    assert_eq!(instrument.version, "1");
    let profile = score(instrument, &old.answers);
    // Arousal (4 + 0 + 0 + 4 + 0) / 5 = 1.6; secondary trauma 16 / 20 = 0.8;
    // burnout 8 / 6 = 1.33…, rounded to 1.3.
    assert_eq!(value(&profile, "arousal"), Some(1.6));
    assert_eq!(band(&profile, "arousal").as_deref(), Some("moderate"));
    assert_eq!(value(&profile, "sts"), Some(0.8));
    assert_eq!(value(&profile, "burnout"), Some(1.3));
    let reading = read(instrument, &profile, &old.answers);
    assert_eq!(reading.pattern, Pattern::Neither);
    // Its sleep item still makes sleep stand out beside being on edge.
    assert_eq!(stood_out(&reading), [HelpsWith::Sleep, HelpsWith::Arousal]);
    // Version 1 names no shared or causeless signs: its reading is as it was.
    assert!(reading.shared_signs.is_empty() && reading.not_tied_to_work.is_empty());

    // Read with version 2, the same answers would lose their meaning: four
    // of its secondary-trauma items are not there.
    let wrong = score(v2(), &old.answers);
    assert_eq!(
        wrong.get("sts").map(|s| &s.result),
        Some(&SubscaleResult::NotEnoughAnswers)
    );
}

#[test]
fn the_history_scores_each_check_in_with_its_own_version_and_compares_them() {
    let c = catalogue();
    let list: Vec<&Instrument> = c.every_version().collect();
    let old = v1_checkin();
    let new = CheckIn {
        id: "c-new".into(),
        instrument_id: "tend".into(),
        instrument_version: "2".into(),
        completed_at: old.completed_at + 86_400_000,
        answers: answers(v2(), 1, &[]),
    };
    let checkins = vec![old.clone(), new.clone()];
    let trend = history::trend(&checkins, &[], &list, v2());
    let sts: Vec<f64> = trend
        .iter()
        .find(|t| t.headline == Headline::SecondaryTrauma)
        .map(|t| t.points.iter().map(|p| p.value).collect())
        .unwrap_or_default();
    assert_eq!(sts, [0.8, 1.0]);
    // Same instrument, same bands: the two versions compare.
    let comparison = history::compare(&old, &new, &list);
    let change = comparison
        .headlines
        .iter()
        .find(|h| h.headline == Headline::SecondaryTrauma)
        .map(|h| h.change);
    assert!(
        matches!(change, Some(Change::Compared { .. })),
        "{change:?}"
    );
    // Without version 1 kept, the old check-in would drop out of the trend.
    let current_only = [v2()];
    let trend = history::trend(&checkins, &[], &current_only, v2());
    let points = trend
        .iter()
        .find(|t| t.headline == Headline::SecondaryTrauma)
        .map_or(0, |t| t.points.len());
    assert_eq!(points, 1);
}

#[test]
fn exhaustion_tied_to_others_trauma_is_read_as_a_sign_of_both() {
    let i = v2();
    // Burnout high (3 everywhere); secondary trauma low except drained.
    let mut a = answers(i, 0, &[("sts-drained", 4)]);
    for item in i.subscale_items("burnout") {
        a.insert(item.id.clone(), Answer::Value(3));
    }
    let profile = score(i, &a);
    let reading = read(i, &profile, &a);
    assert_eq!(reading.pattern, Pattern::BurnoutMore);
    assert_eq!(
        reading.shared_signs,
        [SharedSign {
            sign: Sign::Exhaustion,
            items: vec!["sts-drained".into()],
            from_the_job_too: true,
        }]
    );
    // The drained item counts in the secondary-trauma score too: 4 / 22.
    assert_eq!(value(&profile, "sts"), Some(0.2));

    // Lost interest tied to others' trauma alone, the job not blamed.
    let a = answers(i, 0, &[("sts-lost-interest", 3)]);
    let reading = read(i, &score(i, &a), &a);
    assert_eq!(
        reading.shared_signs,
        [SharedSign {
            sign: Sign::LostInterest,
            items: vec!["sts-lost-interest".into()],
            from_the_job_too: false,
        }]
    );
    // "Sometimes" is not enough to say so; and the job's own exhaustion
    // item alone is burnout's, not a shared sign.
    let a = answers(i, 0, &[("sts-drained", 2), ("bo-worn-out", 4)]);
    assert!(read(i, &score(i, &a), &a).shared_signs.is_empty());
}

#[test]
fn signs_with_no_cause_named_say_it_may_not_be_about_work() {
    let i = v2();
    let a = answers(
        i,
        0,
        &[("hs-low-mood", 3), ("hs-focus", 4), ("hs-sleep", 2)],
    );
    let profile = score(i, &a);
    let reading = read(i, &profile, &a);
    assert_eq!(reading.pattern, Pattern::Neither);
    // In the order asked; "Sometimes" poor sleep is not listed.
    assert_eq!(reading.not_tied_to_work, ["hs-low-mood", "hs-focus"]);
    // The same signs tied to others' trauma are not "not about work".
    let a = answers(
        i,
        0,
        &[("aro-light-sleep", 4), ("neg-low", 4), ("aro-attention", 4)],
    );
    assert!(read(i, &score(i, &a), &a).not_tied_to_work.is_empty());
    // How each item frames its sign.
    let framing = |id: &str| {
        i.item(id)
            .and_then(|item| tend_core::domain::reading::framing(i, item))
    };
    assert_eq!(framing("hs-sleep"), Some(Framing::NotNamed));
    assert_eq!(framing("aro-light-sleep"), Some(Framing::OthersTrauma));
    assert_eq!(framing("bo-worn-out"), Some(Framing::TheJob));
    assert_eq!(framing("hs-drinking"), None);
}

#[test]
fn a_draft_started_with_version_1_carries_over_what_still_fits() {
    let mut data = TendData::default();
    data.start_draft("tend", "1", 1_000);
    for (id, answer) in [
        ("ctx-role", Answer::Choices(vec!["paramedic".into()])),
        ("int-images", Answer::Value(3)),
        ("avn-avoid", Answer::Value(4)),
        ("bo-exhausted", Answer::PreferNot),
    ] {
        data.answer_draft(id, answer, 2, 2_000);
    }
    assert!(data.carry_draft_over(v2(), 3_000));
    let Some(draft) = data.draft.as_ref() else {
        panic!("the draft is gone");
    };
    assert_eq!(draft.instrument_version, "2");
    let kept: Vec<&str> = draft.answers.keys().map(String::as_str).collect();
    assert_eq!(kept, ["ctx-role", "int-images"]);
    // It resumes at the first screen with a question still to answer.
    assert_eq!(draft.step, 0);
    assert_eq!(draft.updated_at, 3_000);
    // Once carried over, there is nothing more to do.
    assert!(!data.carry_draft_over(v2(), 4_000));
    // A draft of another instrument is left alone.
    let mut other = TendData::default();
    other.start_draft("fixture", "1", 1_000);
    assert!(!other.carry_draft_over(v2(), 2_000));
}
