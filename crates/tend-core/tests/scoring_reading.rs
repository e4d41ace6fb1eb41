//! The reading rules: secondary trauma vs burnout, single incident vs
//! cumulative, clusters and the items behind them. Table-driven.
#![cfg(not(target_arch = "wasm32"))]

use tend_core::builtin::TEND_EN;
use tend_core::domain::answer::{Answer, Answers};
use tend_core::domain::instrument::{Instrument, Sign};
use tend_core::domain::reading::{
    compare, exposure, pattern, read, ClusterReading, Exposure, Pattern, Sustaining, MARGIN,
};
use tend_core::domain::scoring::{score, BandRef, SafetyAnswer, Score};

fn tend() -> Instrument {
    match Instrument::from_json(TEND_EN) {
        Ok(i) => i,
        Err(e) => panic!("{e}"),
    }
}

fn synthetic(rank: Option<usize>, position: Option<f64>) -> Score {
    Score {
        value: 0.0,
        band: rank.map(|rank| BandRef {
            id: format!("band-{rank}"),
            rank,
        }),
        position,
    }
}

#[test]
fn the_rule_on_bands_and_positions() {
    use Pattern::*;
    // (secondary trauma rank, position), (burnout rank, position), pattern
    let cases = [
        ((0, 0.2), (0, 0.3), Neither),
        // Only one raised: it leads, however close the positions.
        ((1, 0.40), (0, 0.35), SecondaryTraumaMore),
        ((0, 0.30), (2, 0.80), BurnoutMore),
        // Both raised: the margin decides.
        ((2, 0.70), (1, 0.50), SecondaryTraumaMore),
        ((1, 0.375), (2, 0.60), BurnoutMore),
        ((1, 0.45), (1, 0.40), Both),
        ((2, 0.62), (1, 0.50), Both),
        ((2, 0.75), (2, 0.70), Both),
        // Exactly the margin apart counts as "more".
        ((2, 0.625), (1, 0.50), SecondaryTraumaMore),
        ((1, 0.50), (2, 0.625), BurnoutMore),
    ];
    for ((sr, sp), (br, bp), want) in cases {
        let got = compare(
            &synthetic(Some(sr), Some(sp)),
            &synthetic(Some(br), Some(bp)),
        );
        assert_eq!(got, want, "sts {sr}@{sp}, burnout {br}@{bp}");
    }
    assert_eq!(MARGIN, 0.125);
}

#[test]
fn without_positions_the_bands_decide() {
    let cases = [
        (2, 1, Pattern::SecondaryTraumaMore),
        (1, 2, Pattern::BurnoutMore),
        (1, 1, Pattern::Both),
        (0, 1, Pattern::BurnoutMore),
        (0, 0, Pattern::Neither),
    ];
    for (s, b, want) in cases {
        assert_eq!(
            compare(&synthetic(Some(s), None), &synthetic(Some(b), None)),
            want,
            "{s} vs {b}"
        );
    }
    assert_eq!(
        compare(&synthetic(None, Some(0.9)), &synthetic(Some(1), Some(0.1))),
        Pattern::NotMeasured
    );
}

/// Every secondary-trauma item at `sts`, every burnout item at `burnout`,
/// with `sts_high` of the twenty secondary-trauma items one step higher.
fn headline_answers(i: &Instrument, sts: i32, sts_high: usize, burnout: Option<i32>) -> Answers {
    let mut a = Answers::new();
    for (n, item) in i.subscale_items("sts").iter().enumerate() {
        let v = if n < sts_high { sts + 1 } else { sts };
        a.insert(item.id.clone(), Answer::Value(v));
    }
    if let Some(b) = burnout {
        for item in i.subscale_items("burnout") {
            a.insert(item.id.clone(), Answer::Value(b));
        }
    }
    a
}

#[test]
fn patterns_from_tends_own_answers() {
    let i = tend();
    use Pattern::*;
    // (secondary-trauma answers, how many one step higher, burnout, pattern)
    // Tend's bands: low up to 1.4, moderate 1.5 to 2.4, high 2.5 and up;
    // the margin is 0.5 on the 0–4 scale.
    let cases = [
        (3, 0, Some(1), SecondaryTraumaMore),
        (1, 0, Some(3), BurnoutMore),
        (0, 0, Some(0), Neither),
        (1, 0, Some(1), Neither),
        (3, 0, Some(3), Both),
        (2, 0, Some(2), Both),
        // 2.0 (moderate) vs 3.0 (high): 1 point apart.
        (2, 0, Some(3), BurnoutMore),
        // 2.5 vs 2.0: exactly the margin.
        (2, 10, Some(2), SecondaryTraumaMore),
        // 2.4 vs 2.0, both moderate: within the margin.
        (2, 8, Some(2), Both),
        // 1.5 (moderate) vs 1.0 (low): only one raised.
        (1, 10, Some(1), SecondaryTraumaMore),
        // No burnout answers.
        (3, 0, None, NotEnoughAnswers),
    ];
    for (sts, high, burnout, want) in cases {
        let a = headline_answers(&i, sts, high, burnout);
        let profile = score(&i, &a);
        assert_eq!(
            pattern(&i, &profile),
            want,
            "sts {sts} (+{high}), burnout {burnout:?}"
        );
    }
}

#[test]
fn instruments_without_the_two_headlines_are_not_measured() {
    let mut i = tend();
    for subscale in &mut i.subscales {
        subscale.headline = None;
    }
    let profile = score(&i, &headline_answers(&i, 3, 0, Some(1)));
    assert_eq!(pattern(&i, &profile), Pattern::NotMeasured);

    let mut i = tend();
    for subscale in &mut i.subscales {
        if subscale.id == "burnout" {
            subscale.bands.clear();
        }
    }
    let profile = score(&i, &headline_answers(&i, 3, 0, Some(1)));
    assert_eq!(pattern(&i, &profile), Pattern::NotMeasured);
}

fn choice(id: &str) -> Option<Answer> {
    Some(Answer::Choices(vec![id.to_string()]))
}

#[test]
fn single_incident_or_cumulative() {
    let i = tend();
    use Exposure::*;
    // (recent incident answer, exposure answer, reading)
    let cases = [
        (choice("yes"), choice("monthly"), SingleIncident),
        (choice("yes"), choice("rarely"), SingleIncident),
        (choice("yes"), None, SingleIncident),
        (choice("yes"), Some(Answer::PreferNot), SingleIncident),
        (choice("yes"), choice("daily"), IncidentAmidCumulative),
        (choice("yes"), choice("weekly"), IncidentAmidCumulative),
        (choice("no"), choice("daily"), Cumulative),
        (None, choice("weekly"), Cumulative),
        (choice("no"), choice("monthly"), Occasional),
        (None, choice("rarely"), Occasional),
        (choice("no"), None, Unknown),
        (None, None, Unknown),
        (Some(Answer::PreferNot), Some(Answer::PreferNot), Unknown),
        // Answers that are not possible are ignored.
        (choice("maybe"), choice("hourly"), Unknown),
        (Some(Answer::Value(1)), choice("daily"), Cumulative),
    ];
    for (incident, frequency, want) in cases {
        let mut a = Answers::new();
        if let Some(x) = &incident {
            a.insert("ctx-incident".into(), x.clone());
        }
        if let Some(x) = &frequency {
            a.insert("ctx-exposure".into(), x.clone());
        }
        assert_eq!(
            exposure(&i, &a),
            want,
            "incident {incident:?}, exposure {frequency:?}"
        );
    }
}

fn set(a: &mut Answers, pairs: &[(&str, i32)]) {
    for (id, v) in pairs {
        a.insert(id.to_string(), Answer::Value(*v));
    }
}

fn set_subscale(i: &Instrument, a: &mut Answers, subscale: &str, v: i32) {
    for item in i.subscale_items(subscale) {
        a.insert(item.id.clone(), Answer::Value(v));
    }
}

#[test]
fn clusters_that_stand_out_and_the_items_behind_them() {
    let i = tend();
    let mut a = Answers::new();
    // Intrusion: 4 + 2 + 3 + 1 + 4 = 14 / 5 = 2.8, high.
    set(
        &mut a,
        &[
            ("int-images", 4),
            ("int-replay", 2),
            ("int-dreams", 3),
            ("int-reminders", 1),
            ("int-back-there", 4),
        ],
    );
    // Arousal: all "Sometimes", 2.0, moderate: every item is behind it.
    set_subscale(&i, &mut a, "arousal", 2);
    // Avoidance 1.0 and negative mood 0.0: low, not listed.
    set_subscale(&i, &mut a, "avoidance", 1);
    set_subscale(&i, &mut a, "negative-mood", 0);
    set_subscale(&i, &mut a, "burnout", 0);
    let profile = score(&i, &a);
    let reading = read(&i, &profile, &a);
    let band = |id: &str, rank| BandRef {
        id: id.into(),
        rank,
    };
    assert_eq!(
        reading.clusters,
        vec![
            ClusterReading {
                subscale: "intrusion".into(),
                band: band("high", 2),
                // Highest first, ties in the order asked; "Rarely" is not
                // behind it.
                items: vec![
                    "int-images".into(),
                    "int-back-there".into(),
                    "int-dreams".into(),
                    "int-replay".into()
                ],
                signs: vec![],
            },
            ClusterReading {
                subscale: "arousal".into(),
                band: band("moderate", 1),
                items: i
                    .subscale_items("arousal")
                    .iter()
                    .map(|it| it.id.clone())
                    .collect(),
                // The signs of those items, in the order asked.
                signs: vec![Sign::PoorSleep, Sign::PoorFocus],
            },
        ]
    );
    // (14 + 10 + 5 + 0) / 20 = 1.45 → 1.5: moderate; burnout low.
    assert_eq!(reading.pattern, Pattern::SecondaryTraumaMore);
    assert!(reading.burnout_items.is_empty());
}

#[test]
fn after_a_single_incident_one_cluster_can_stand_out_on_its_own() {
    let i = tend();
    let mut a = Answers::new();
    set_subscale(&i, &mut a, "sts", 0);
    set_subscale(&i, &mut a, "intrusion", 3);
    set_subscale(&i, &mut a, "burnout", 0);
    a.insert("ctx-incident".into(), Answer::Choices(vec!["yes".into()]));
    a.insert(
        "ctx-exposure".into(),
        Answer::Choices(vec!["monthly".into()]),
    );
    a.insert("ctx-role".into(), Answer::Choices(vec!["paramedic".into()]));
    let profile = score(&i, &a);
    let reading = read(&i, &profile, &a);
    // 15 / 20 = 0.75: the headline stays low...
    assert_eq!(reading.pattern, Pattern::Neither);
    // ...but intrusion (3.0) stands out.
    let clusters: Vec<&str> = reading
        .clusters
        .iter()
        .map(|c| c.subscale.as_str())
        .collect();
    assert_eq!(clusters, ["intrusion"]);
    assert_eq!(reading.exposure, Exposure::SingleIncident);
    assert_eq!(reading.role.as_deref(), Some("paramedic"));
}

#[test]
fn the_burnout_items_behind_a_raised_burnout_score() {
    let i = tend();
    let mut a = Answers::new();
    set_subscale(&i, &mut a, "sts", 0);
    set(
        &mut a,
        &[
            ("bo-worn-out", 4),
            ("bo-workload", 4),
            ("bo-dissatisfied", 2),
            ("bo-lost-interest", 1),
            ("bo-motions", 1),
            ("bo-cynical", 3),
        ],
    );
    // 15 / 6 = 2.5: high.
    let profile = score(&i, &a);
    let reading = read(&i, &profile, &a);
    assert_eq!(reading.pattern, Pattern::BurnoutMore);
    assert_eq!(
        reading.burnout_items,
        [
            "bo-worn-out",
            "bo-workload",
            "bo-cynical",
            "bo-dissatisfied"
        ]
    );
    assert!(reading.clusters.is_empty());
}

#[test]
fn sustaining_and_safety() {
    let i = tend();
    // (sustaining answers, safety answer, sustaining, safety)
    let cases = [
        (Some(1), None, Sustaining::Low, None),
        (Some(2), Some(Answer::Value(0)), Sustaining::Present, None),
        (
            Some(4),
            Some(Answer::Value(2)),
            Sustaining::Present,
            Some(SafetyAnswer::Said),
        ),
        (
            None,
            Some(Answer::PreferNot),
            Sustaining::Unknown,
            Some(SafetyAnswer::PreferNot),
        ),
    ];
    for (sustaining, safety, want_sustaining, want_safety) in cases {
        let mut a = Answers::new();
        if let Some(v) = sustaining {
            set_subscale(&i, &mut a, "sustaining", v);
        }
        if let Some(s) = &safety {
            a.insert("safety-harm".into(), s.clone());
        }
        let reading = read(&i, &score(&i, &a), &a);
        assert_eq!(reading.sustaining, want_sustaining, "{sustaining:?}");
        assert_eq!(reading.safety, want_safety, "{safety:?}");
    }
}

#[test]
fn an_empty_check_in_reads_as_unknown() {
    let i = tend();
    let a = Answers::new();
    let reading = read(&i, &score(&i, &a), &a);
    assert_eq!(reading.pattern, Pattern::NotEnoughAnswers);
    assert_eq!(reading.exposure, Exposure::Unknown);
    assert_eq!(reading.sustaining, Sustaining::Unknown);
    assert!(reading.clusters.is_empty());
    assert!(reading.burnout_items.is_empty());
    assert!(reading.role.is_none());
    assert!(reading.safety.is_none());
}

/// "Said" outranks "prefer not" when an instrument asks more than once, and
/// "Never" or no answer shows nothing.
#[test]
fn the_safety_answer_says_which_words_the_panel_uses() {
    use tend_core::domain::scoring::safety_answer;
    let i = tend();
    let mut a = Answers::new();
    assert_eq!(safety_answer(&i, &a), None);
    a.insert("safety-harm".into(), Answer::Value(0));
    assert_eq!(safety_answer(&i, &a), None);
    a.insert("safety-harm".into(), Answer::PreferNot);
    assert_eq!(safety_answer(&i, &a), Some(SafetyAnswer::PreferNot));
    a.insert("safety-harm".into(), Answer::Value(1));
    assert_eq!(safety_answer(&i, &a), Some(SafetyAnswer::Said));
}
