//! Tend's own check-in: it loads, it measures every symptom CONTENT.md
//! lists, its wording keeps secondary trauma and burnout apart, and its
//! bands cover every score it can produce.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use tend::content::instruments::{tend, TEND_EN};
use tend::content::Locale;
use tend_core::domain::answer::{Answer, Answers};
use tend_core::domain::instrument::{Headline, Instrument, Item, ItemKind};
use tend_core::domain::scoring::{score, SubscaleResult};

fn instrument() -> &'static Instrument {
    match tend(Locale::En) {
        Ok(i) => i,
        Err(e) => panic!("Tend's own check-in does not load: {e}"),
    }
}

fn scored(instrument: &Instrument) -> Vec<&Item> {
    instrument
        .items()
        .filter(|i| i.kind == ItemKind::Scale && i.subscale.is_some())
        .collect()
}

#[test]
fn loads_and_validates() {
    let parsed = Instrument::from_json(TEND_EN);
    assert!(parsed.is_ok(), "{:?}", parsed.err());
    for locale in Locale::ALL {
        assert!(tend(*locale).is_ok());
    }
    let i = instrument();
    assert_eq!(i.id, "tend");
    assert_eq!(i.locale, "en");
}

#[test]
fn every_symptom_is_measured_by_a_scored_item() {
    let i = instrument();
    let measured: BTreeSet<&str> = scored(i)
        .iter()
        .flat_map(|item| item.covers.iter().map(String::as_str))
        .collect();
    let missing: Vec<String> = (1..=16)
        .map(|n| format!("SYM-{n}"))
        .filter(|id| !measured.contains(id.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "symptoms no scored item measures: {missing:?}"
    );
}

#[test]
fn has_the_sections_and_sizes_the_product_asks_for() {
    let i = instrument();
    let sections: Vec<&str> = i.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        sections,
        [
            "context",
            "what-stays",
            "how-it-affects-you",
            "the-job",
            "what-keeps-you-going",
            "looking-after-yourself",
            "safety"
        ]
    );
    // Version 1 had 34; version 2 added exhaustion and lost interest as
    // secondary-trauma items and three health signals with no cause named.
    let count = scored(i).len();
    assert!((34..=40).contains(&count), "{count} scored items");

    let sts = i.headline(Headline::SecondaryTrauma).map(|s| s.id.as_str());
    assert_eq!(sts, Some("sts"));
    let clusters: Vec<&str> = i.children("sts").map(|s| s.id.as_str()).collect();
    assert_eq!(
        clusters,
        ["intrusion", "avoidance", "negative-mood", "arousal"]
    );
    for cluster in &clusters {
        let n = i.subscale_items(cluster).len();
        assert!((3..=5).contains(&n), "{cluster} has {n} items");
    }
    assert_eq!(i.subscale_items("sts").len(), 22);
    assert!(i.headline(Headline::Burnout).is_some());
    assert!(i.headline(Headline::Sustaining).is_some());
    assert!(i.subscale("health").is_some());
}

#[test]
fn context_is_never_scored_and_safety_is_one_unscored_item() {
    let i = instrument();
    let context = &i.sections[0];
    assert!(context.items.iter().all(|item| item.subscale.is_none()));
    assert!(context
        .items
        .iter()
        .all(|item| item.kind == ItemKind::Choice));
    let supports = context.items.iter().find(|item| item.id == "ctx-supports");
    assert!(supports.is_some_and(|s| s.multiple));

    let safety: Vec<&Item> = i
        .items()
        .filter(|item| item.kind == ItemKind::Safety)
        .collect();
    assert_eq!(safety.len(), 1);
    assert!(safety[0].subscale.is_none());
    assert_eq!(i.sections.last().map(|s| s.items.len()), Some(1));
}

#[test]
fn every_scored_item_uses_the_five_point_frequency_scale_with_prefer_not() {
    let i = instrument();
    let labels: Vec<(i32, &str)> = i
        .scale
        .labels
        .iter()
        .map(|p| (p.value, p.label.as_str()))
        .collect();
    assert_eq!(
        labels,
        [
            (0, "Never"),
            (1, "Rarely"),
            (2, "Sometimes"),
            (3, "Often"),
            (4, "Very often")
        ]
    );
    assert_eq!(i.scale.max, Some(4));
    assert!(i.scale.prefer_not.is_some());
    for item in scored(i) {
        assert!(item.accepts(&i.scale, &Answer::PreferNot), "{}", item.id);
    }
}

/// The wording rule: secondary-trauma items point at other people's
/// trauma, burnout items at the job, so the two can come apart.
#[test]
fn secondary_trauma_items_point_at_others_and_burnout_items_at_the_job() {
    let i = instrument();
    let others = [
        "trauma",
        "someone",
        "other people",
        "others",
        "been through",
        "people i help",
        "person",
    ];
    for item in i.subscale_items("sts") {
        let text = item.text.to_lowercase();
        assert!(
            others.iter().any(|w| text.contains(w)),
            "{} does not point at someone else's trauma: {}",
            item.id,
            item.text
        );
    }
    let job = ["job", "work", "organisation"];
    for item in i.subscale_items("burnout") {
        let text = item.text.to_lowercase();
        assert!(
            others.iter().all(|w| !text.contains(w)),
            "{} mentions others' trauma: {}",
            item.id,
            item.text
        );
        assert!(
            job.iter().any(|w| text.contains(w)),
            "{} does not point at the job: {}",
            item.id,
            item.text
        );
    }
}

/// The health signals that name a sign (appetite, low mood, sleep,
/// concentration) name no cause: not the job, not others' trauma. They are
/// what lets the reading say that something may not be about work.
#[test]
fn the_health_signs_name_no_cause() {
    let i = instrument();
    let signs: Vec<&Item> = i
        .subscale_items("health")
        .into_iter()
        .filter(|item| item.sign.is_some())
        .collect();
    assert_eq!(signs.len(), 4);
    let causes = ["work", "job", "trauma", "someone", "other people", "others"];
    for item in signs {
        let text = item.text.to_lowercase();
        assert!(
            causes.iter().all(|w| !text.contains(w)),
            "{} names a cause: {}",
            item.id,
            item.text
        );
    }
}

/// Every score the check-in can produce (any number of answered items at
/// or above the minimum share, any total) falls in exactly one band.
#[test]
fn every_possible_score_has_a_band() {
    let i = instrument();
    for subscale in &i.subscales {
        let items = i.subscale_items(&subscale.id);
        let n = items.len();
        for m in 1..=n {
            for total in 0..=(4 * m) {
                let mut answers = Answers::new();
                let mut left = total;
                for item in &items[..m] {
                    let v = left.min(4);
                    left -= v;
                    let v = i32::try_from(v).unwrap_or(0);
                    answers.insert(item.id.clone(), Answer::Value(v));
                }
                let profile = score(i, &answers);
                let Some(result) = profile.get(&subscale.id) else {
                    panic!("no score for {}", subscale.id);
                };
                let enough = m as f64 >= subscale.min_answered * n as f64 - 1e-9;
                match (&result.result, enough) {
                    (SubscaleResult::Scored(s), true) => assert!(
                        s.band.is_some(),
                        "{} with {m} answered, total {total}: {} has no band",
                        subscale.id,
                        s.value
                    ),
                    (SubscaleResult::NotEnoughAnswers, false) => {}
                    (other, _) => panic!(
                        "{} with {m} of {n} answered: unexpected {other:?}",
                        subscale.id
                    ),
                }
            }
        }
    }
}

#[test]
fn item_ids_are_stable_words() {
    for item in instrument().items() {
        assert!(
            item.id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{}",
            item.id
        );
    }
}

/// The check-in's tags count toward CONTENT.md coverage, so a symptom
/// dropped from the check-in is noticed there too.
#[test]
fn the_check_ins_tags_count_toward_content_coverage() {
    let tags = tend::content::coverage::all_tags();
    for n in 1..=16 {
        let id = format!("SYM-{n}");
        assert!(
            tags.iter()
                .any(|t| t.id == id && t.place.starts_with("en check-in/")),
            "{id} has no check-in tag"
        );
    }
}
