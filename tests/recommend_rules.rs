//! The recommendation rules, one row per profile shape, with readings made
//! by scoring answers to Tend's own check-in. Table-driven.
#![cfg(not(target_arch = "wasm32"))]

use tend::content::instruments::TEND_EN;
use tend::content::strategies::strategies;
use tend::content::Locale;
use tend_core::domain::answer::{Answer, Answers};
use tend_core::domain::instrument::Instrument;
use tend_core::domain::reading::{read, Exposure, Pattern, ProfileReading, Sustaining};
use tend_core::domain::recommend::{
    recommend, stood_out, Pick, Reason, Recommendation, DEFAULT_LIMIT, INCIDENT_ONLY, RULES,
};
use tend_core::domain::scoring::{score, Profile};
use tend_core::domain::strategy::HelpsWith::{self, *};

fn tend() -> Instrument {
    match Instrument::from_json(TEND_EN) {
        Ok(i) => i,
        Err(e) => panic!("{e}"),
    }
}

/// A check-in: each subscale's items at one value (later entries win, so
/// an item id can follow to change one item), then context choices, then
/// the safety item when given.
struct Shape {
    name: &'static str,
    values: &'static [(&'static str, i32)],
    context: &'static [(&'static str, &'static str)],
    safety: Option<i32>,
}

fn answers(i: &Instrument, shape: &Shape) -> Answers {
    let mut a = Answers::new();
    for (target, v) in shape.values {
        let items = i.subscale_items(target);
        if items.is_empty() {
            a.insert(target.to_string(), Answer::Value(*v));
        }
        for item in items {
            a.insert(item.id.clone(), Answer::Value(*v));
        }
    }
    for (item, option) in shape.context {
        a.insert(item.to_string(), Answer::Choices(vec![option.to_string()]));
    }
    if let Some(v) = shape.safety {
        a.insert("safety-harm".into(), Answer::Value(v));
    }
    a
}

fn reading_of(shape: &Shape) -> (ProfileReading, Profile) {
    let i = tend();
    let a = answers(&i, shape);
    let profile = score(&i, &a);
    (read(&i, &profile, &a), profile)
}

fn ids(recs: &[Recommendation]) -> Vec<&'static str> {
    recs.iter().map(|r| r.strategy).collect()
}

/// A shape, the reading it must give (pattern, exposure, sustaining), and
/// the recommendations it must get.
type Case = (
    Shape,
    Pattern,
    Exposure,
    Sustaining,
    Vec<(&'static str, Reason)>,
);

const CLUSTERS: [&str; 4] = ["intrusion", "avoidance", "negative-mood", "arousal"];

#[test]
fn each_profile_shape_gets_its_strategies_in_order() {
    use Reason::*;
    let stood = |h: &[HelpsWith]| StoodOut(h.to_vec());
    // (shape, pattern, exposure, sustaining, expected recommendations)
    let cases: Vec<Case> = vec![
        (
            Shape {
                name: "burnout-led",
                values: &[("sts", 1), ("burnout", 3), ("sustaining", 3), ("health", 0)],
                context: &[("ctx-exposure", "weekly"), ("ctx-incident", "no")],
                safety: Some(0),
            },
            Pattern::BurnoutMore,
            Exposure::Cumulative,
            Sustaining::Present,
            vec![
                ("workload-check", WorkloadMore),
                ("one-clear-boundary", WorkloadMore),
                ("plan-time-off", WorkloadMore),
                ("protect-a-day-off", WorkloadMore),
            ],
        ),
        (
            Shape {
                name: "burnout-led, little keeping them going",
                values: &[("sts", 0), ("burnout", 4), ("sustaining", 0)],
                context: &[("ctx-exposure", "rarely"), ("ctx-incident", "no")],
                safety: Some(0),
            },
            Pattern::BurnoutMore,
            Exposure::Occasional,
            Sustaining::Low,
            vec![
                ("workload-check", WorkloadMore),
                ("one-clear-boundary", WorkloadMore),
                ("plan-time-off", WorkloadMore),
                ("why-i-do-this-work", LowSustaining),
                ("protect-a-day-off", WorkloadMore),
            ],
        ),
        (
            Shape {
                name: "secondary-trauma-led, sleep and being on edge",
                values: &[
                    ("sts", 1),
                    ("arousal", 4),
                    ("burnout", 0),
                    ("sustaining", 3),
                ],
                context: &[("ctx-exposure", "daily"), ("ctx-incident", "no")],
                safety: Some(0),
            },
            Pattern::SecondaryTraumaMore,
            Exposure::Cumulative,
            Sustaining::Present,
            vec![
                ("paced-breathing", stood(&[Sleep, Arousal])),
                ("shift-transition", stood(&[Sleep, Arousal])),
                ("wind-down-for-sleep", stood(&[Sleep, Arousal])),
                ("move-it-out", stood(&[Sleep, Arousal])),
                // The fourth CE-CERT skill, in the second round.
                ("reset-between-contacts", stood(&[Arousal])),
            ],
        ),
        (
            Shape {
                name: "secondary-trauma-led, intrusion",
                values: &[
                    ("sts", 1),
                    ("intrusion", 4),
                    ("burnout", 0),
                    ("sustaining", 3),
                ],
                context: &[("ctx-exposure", "weekly"), ("ctx-incident", "no")],
                safety: Some(0),
            },
            Pattern::SecondaryTraumaMore,
            Exposure::Cumulative,
            Sustaining::Present,
            vec![
                ("senses-grounding", stood(&[Intrusion])),
                ("shift-transition", stood(&[Intrusion])),
                ("worry-window", stood(&[Intrusion])),
                ("name-the-loop", stood(&[Intrusion])),
                ("narrative-journal", stood(&[Intrusion])),
            ],
        ),
        (
            Shape {
                name: "a single recent incident, nothing else raised",
                values: &[
                    ("sts", 0),
                    ("intrusion", 3),
                    ("burnout", 0),
                    ("sustaining", 3),
                ],
                context: &[("ctx-exposure", "monthly"), ("ctx-incident", "yes")],
                safety: Some(0),
            },
            Pattern::Neither,
            Exposure::SingleIncident,
            Sustaining::Present,
            vec![
                ("after-a-hard-incident", RecentIncident),
                ("senses-grounding", stood(&[Intrusion])),
                ("one-good-moment", NothingRaised),
                ("shift-transition", NothingRaised),
                ("move-it-out", NothingRaised),
            ],
        ),
        (
            Shape {
                name: "an incident amid daily exposure, trauma-led",
                values: &[("sts", 3), ("burnout", 1), ("sustaining", 3)],
                context: &[("ctx-exposure", "daily"), ("ctx-incident", "yes")],
                safety: Some(0),
            },
            Pattern::SecondaryTraumaMore,
            Exposure::IncidentAmidCumulative,
            Sustaining::Present,
            vec![
                ("after-a-hard-incident", RecentIncident),
                ("shift-transition", stood(&[Intrusion, Sleep])),
                ("worry-window", stood(&[Intrusion, NegativeMood])),
                ("name-the-loop", stood(&[Intrusion, NegativeMood])),
                ("professional-support", stood(&[Intrusion, Avoidance])),
            ],
        ),
        (
            Shape {
                name: "both about equally",
                values: &[("sts", 3), ("burnout", 3), ("sustaining", 2)],
                context: &[("ctx-exposure", "weekly"), ("ctx-incident", "no")],
                safety: Some(0),
            },
            Pattern::Both,
            Exposure::Cumulative,
            Sustaining::Present,
            vec![
                ("shift-transition", stood(&[Intrusion, Sleep])),
                ("worry-window", stood(&[Intrusion, NegativeMood])),
                ("workload-check", Both),
                ("professional-support", stood(&[Intrusion, Avoidance])),
                ("one-clear-boundary", Both),
            ],
        ),
        (
            Shape {
                name: "neither",
                values: &[("sts", 0), ("burnout", 1), ("sustaining", 4), ("health", 0)],
                context: &[("ctx-exposure", "weekly"), ("ctx-incident", "no")],
                safety: Some(0),
            },
            Pattern::Neither,
            Exposure::Cumulative,
            Sustaining::Present,
            vec![
                ("one-good-moment", NothingRaised),
                ("shift-transition", NothingRaised),
                ("move-it-out", NothingRaised),
                ("plan-time-off", NothingRaised),
            ],
        ),
        (
            Shape {
                name: "neither, little keeping them going, habits",
                values: &[
                    ("sts", 0),
                    ("burnout", 0),
                    ("sustaining", 1),
                    ("health", 0),
                    ("hs-drinking", 3),
                    ("hs-switch-off", 3),
                ],
                context: &[],
                safety: Some(0),
            },
            Pattern::Neither,
            Exposure::Unknown,
            Sustaining::Low,
            vec![
                ("why-i-do-this-work", LowSustaining),
                ("notice-the-numbing", HealthSignals),
                ("one-good-moment", NothingRaised),
                ("shift-transition", NothingRaised),
                ("move-it-out", NothingRaised),
            ],
        ),
        (
            Shape {
                name: "neither, low mood and poor sleep with no cause named",
                values: &[
                    ("sts", 0),
                    ("burnout", 0),
                    ("sustaining", 3),
                    ("health", 0),
                    ("hs-low-mood", 3),
                    ("hs-sleep", 3),
                ],
                context: &[],
                safety: Some(0),
            },
            Pattern::Neither,
            Exposure::Unknown,
            Sustaining::Present,
            vec![
                ("notice-the-numbing", HealthSignals),
                ("professional-support", NotTiedToWork),
                ("one-good-moment", NothingRaised),
                ("shift-transition", NothingRaised),
                ("move-it-out", NothingRaised),
            ],
        ),
        (
            Shape {
                name: "burnout-led, but drained by what the work brings home too",
                values: &[
                    ("sts", 1),
                    ("sts-drained", 4),
                    ("burnout", 3),
                    ("sustaining", 3),
                    ("health", 0),
                ],
                context: &[],
                safety: Some(0),
            },
            Pattern::BurnoutMore,
            Exposure::Unknown,
            Sustaining::Present,
            vec![
                ("workload-check", WorkloadMore),
                ("one-clear-boundary", WorkloadMore),
                ("plan-time-off", WorkloadMore),
                ("paced-breathing", SharedSigns),
                ("protect-a-day-off", WorkloadMore),
            ],
        ),
        (
            Shape {
                name: "safety answer first",
                values: &[("sts", 0), ("burnout", 3), ("sustaining", 3)],
                context: &[],
                safety: Some(1),
            },
            Pattern::BurnoutMore,
            Exposure::Unknown,
            Sustaining::Present,
            vec![
                ("professional-support", Safety),
                ("workload-check", WorkloadMore),
                ("one-clear-boundary", WorkloadMore),
                ("plan-time-off", WorkloadMore),
                ("protect-a-day-off", WorkloadMore),
            ],
        ),
        (
            Shape {
                name: "too few answers",
                values: &[("sts", 3)],
                context: &[("ctx-exposure", "weekly")],
                safety: None,
            },
            Pattern::NotEnoughAnswers,
            Exposure::Cumulative,
            Sustaining::Unknown,
            vec![
                // Every cluster stood out: the strategy that covers most.
                ("professional-support", stood(&[Intrusion, Avoidance])),
                ("paced-breathing", Starter),
                ("shift-transition", Starter),
                ("share-the-effect", Starter),
                ("worry-window", stood(&[Intrusion, NegativeMood])),
            ],
        ),
    ];
    let library = strategies(Locale::En);
    for (shape, pattern, exposure, sustaining, want) in cases {
        let (reading, profile) = reading_of(&shape);
        assert_eq!(reading.pattern, pattern, "{}", shape.name);
        assert_eq!(reading.exposure, exposure, "{}", shape.name);
        assert_eq!(reading.sustaining, sustaining, "{}", shape.name);
        let got = recommend(&reading, &profile, library, DEFAULT_LIMIT);
        let got: Vec<(&str, Reason)> = got.into_iter().map(|r| (r.strategy, r.reason)).collect();
        assert_eq!(got, want, "{}", shape.name);
    }
}

#[test]
fn sleep_stands_out_beside_being_on_edge() {
    let (reading, _) = reading_of(&Shape {
        name: "arousal",
        values: &[("sts", 0), ("arousal", 3), ("aro-light-sleep", 4)],
        context: &[],
        safety: None,
    });
    assert_eq!(stood_out(&reading), vec![Sleep, Arousal]);
    // Without the sleep item, only being on edge.
    let (reading, _) = reading_of(&Shape {
        name: "arousal without sleep",
        values: &[("sts", 0), ("arousal", 3), ("aro-light-sleep", 0)],
        context: &[],
        safety: None,
    });
    assert_eq!(stood_out(&reading), vec![Arousal]);
}

#[test]
fn lists_are_deterministic_unique_and_capped() {
    let library = strategies(Locale::En);
    for sts in 0..=4 {
        for burnout in 0..=4 {
            for sustaining in [0, 4] {
                for incident in ["yes", "no"] {
                    let values: Vec<(&'static str, i32)> = vec![
                        ("sts", sts),
                        ("burnout", burnout),
                        ("sustaining", sustaining),
                    ];
                    let shape = Shape {
                        name: "grid",
                        values: Box::leak(values.into_boxed_slice()),
                        context: if incident == "yes" {
                            &[("ctx-incident", "yes")]
                        } else {
                            &[("ctx-incident", "no")]
                        },
                        safety: Some(0),
                    };
                    let (reading, profile) = reading_of(&shape);
                    for limit in [0, 1, 3, DEFAULT_LIMIT, 50] {
                        let a = recommend(&reading, &profile, library, limit);
                        let b = recommend(&reading, &profile, library, limit);
                        assert_eq!(a, b);
                        assert!(a.len() <= limit);
                        let mut seen = ids(&a);
                        seen.dedup();
                        let mut sorted = seen.clone();
                        sorted.sort_by_key(|s| *s);
                        sorted.dedup();
                        assert_eq!(sorted.len(), a.len(), "duplicates in {seen:?}");
                        if limit > 0 {
                            assert!(!a.is_empty(), "nothing for {sts} {burnout} {sustaining}");
                        }
                        for r in &a {
                            if INCIDENT_ONLY.contains(&r.strategy) {
                                assert_eq!(r.reason, Reason::RecentIncident);
                            }
                            if let Reason::StoodOut(h) = &r.reason {
                                assert!((1..=2).contains(&h.len()));
                            }
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn every_strategy_the_rules_name_exists() {
    let library = strategies(Locale::En);
    for rule in RULES {
        assert!(rule.first <= rule.take, "{rule:?}");
        if let Pick::Ids(list) = rule.pick {
            for id in list {
                assert!(library.iter().any(|s| s.id == *id), "{id}");
            }
        }
    }
    for id in INCIDENT_ONLY {
        assert!(library.iter().any(|s| s.id == *id), "{id}");
    }
    for c in CLUSTERS {
        assert!(HelpsWith::parse(c).is_some());
    }
}

#[test]
fn burnout_led_puts_workload_boundaries_and_time_off_first() {
    let library = strategies(Locale::En);
    let (reading, profile) = reading_of(&Shape {
        name: "burnout-led with clusters and low sustaining",
        values: &[
            ("sts", 1),
            ("intrusion", 2),
            ("burnout", 4),
            ("sustaining", 0),
        ],
        context: &[("ctx-exposure", "daily"), ("ctx-incident", "no")],
        safety: Some(0),
    });
    assert_eq!(reading.pattern, Pattern::BurnoutMore);
    let got = ids(&recommend(&reading, &profile, library, DEFAULT_LIMIT));
    assert_eq!(
        got[..3],
        ["workload-check", "one-clear-boundary", "plan-time-off"]
    );
}
