//! Instrument validation: each invalid fixture under
//! tests/fixtures/instruments/ produces its own error, in plain words, and
//! an invalid definition changes nothing.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::PathBuf;
use tend_core::builtin::{ORG_EN, TEND_EN};
use tend_core::domain::catalogue::Catalogue;
use tend_core::domain::instrument::{ContextQuestion, Headline, Instrument};
use tend_core::domain::validation::{
    ChoiceProblem, IdKind, InstrumentError as E, RangeProblem as R, SelfCheckProblem as SC,
    TextPlace as P,
};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/instruments")
}

fn fixture(name: &str) -> String {
    let path = dir().join(format!("{name}.json"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn error_of(name: &str) -> E {
    match Instrument::from_json(&fixture(name)) {
        Ok(_) => panic!("{name} was accepted"),
        Err(e) => e,
    }
}

fn s(text: &str) -> String {
    text.to_string()
}

/// Every invalid fixture and the error it must produce.
fn expected() -> Vec<(&'static str, E)> {
    use ChoiceProblem as C;
    vec![
        ("invalid-missing-locale", E::MissingLocale { found: s("") }),
        (
            "invalid-empty-text",
            E::EmptyText {
                place: P::ItemText(s("b1")),
            },
        ),
        (
            "invalid-missing-scale-label",
            E::MissingScaleLabel { value: 4 },
        ),
        ("invalid-no-items", E::NoItems),
        (
            "invalid-empty-section",
            E::EmptySection {
                section: s("later"),
            },
        ),
        (
            "invalid-duplicate-item",
            E::DuplicateId {
                kind: IdKind::Item,
                id: s("a3"),
            },
        ),
        (
            "invalid-duplicate-section",
            E::DuplicateId {
                kind: IdKind::Section,
                id: s("context"),
            },
        ),
        (
            "invalid-duplicate-subscale",
            E::DuplicateId {
                kind: IdKind::Subscale,
                id: s("a-one"),
            },
        ),
        (
            "invalid-duplicate-band",
            E::DuplicateId {
                kind: IdKind::Band(s("b")),
                id: s("moderate"),
            },
        ),
        (
            "invalid-duplicate-option",
            E::DuplicateId {
                kind: IdKind::ChoiceOption(s("supports")),
                id: s("supervision"),
            },
        ),
        (
            "invalid-duplicate-scale-value",
            E::DuplicateId {
                kind: IdKind::ScalePoint,
                id: s("2"),
            },
        ),
        (
            "invalid-duplicate-context",
            E::DuplicateId {
                kind: IdKind::ContextQuestion,
                id: s("exposure"),
            },
        ),
        (
            "invalid-unknown-subscale",
            E::UnknownSubscale {
                item: s("b2"),
                subscale: s("bee"),
            },
        ),
        (
            "invalid-unknown-parent",
            E::UnknownParent {
                subscale: s("a-two"),
                parent: s("sts"),
            },
        ),
        ("invalid-parent-cycle", E::ParentCycle { subscale: s("a") }),
        (
            "invalid-empty-subscale",
            E::EmptySubscale { subscale: s("c") },
        ),
        (
            "invalid-duplicate-headline",
            E::DuplicateHeadline {
                headline: Headline::SecondaryTrauma,
                first: s("a"),
                second: s("b"),
            },
        ),
        (
            "invalid-scale-label-out-of-range",
            E::OutOfRange(Box::new(R::ScaleLabelValue {
                value: 5,
                min: 0,
                max: Some(4),
            })),
        ),
        (
            "invalid-scale-max-below-min",
            E::OutOfRange(Box::new(R::ScaleMaximum { max: 0, min: 0 })),
        ),
        (
            "invalid-min-answered-out-of-range",
            E::OutOfRange(Box::new(R::MinAnswered {
                subscale: s("b"),
                share: s("1.5"),
            })),
        ),
        (
            "invalid-decimals-out-of-range",
            E::OutOfRange(Box::new(R::Decimals {
                subscale: s("b"),
                decimals: 7,
                most: 4,
            })),
        ),
        (
            "invalid-band-outside-range",
            E::OutOfRange(Box::new(R::Band {
                subscale: s("a"),
                band: s("extreme"),
                min: Some(s("20")),
                max: Some(s("30")),
                lowest: s("0"),
                highest: Some(s("16")),
            })),
        ),
        (
            "invalid-reverse-without-maximum",
            E::ReverseWithoutMaximum { item: s("a2") },
        ),
        (
            "invalid-reverse-unscored",
            E::ReverseUnscored { item: s("safe") },
        ),
        ("invalid-sign-unscored", E::SignUnscored { item: s("safe") }),
        (
            "invalid-scored-choice",
            E::ScoredChoice {
                item: s("incident"),
            },
        ),
        ("invalid-scored-safety", E::ScoredSafety { item: s("safe") }),
        (
            "invalid-choice-too-few-options",
            E::BadChoice {
                item: s("supports"),
                problem: C::TooFewOptions,
            },
        ),
        (
            "invalid-choice-options-on-scale-item",
            E::BadChoice {
                item: s("b1"),
                problem: C::OptionsOnNonChoice,
            },
        ),
        (
            "invalid-choice-multiple-on-scale-item",
            E::BadChoice {
                item: s("b1"),
                problem: C::MultipleOnNonChoice,
            },
        ),
        (
            "invalid-choice-context-on-scale-item",
            E::BadChoice {
                item: s("b1"),
                problem: C::ContextOnNonChoice,
            },
        ),
        (
            "invalid-choice-unknown-exposure-option",
            E::BadChoice {
                item: s("exposure"),
                problem: C::UnknownOption(ContextQuestion::Exposure, s("hourly")),
            },
        ),
        (
            "invalid-choice-incident-not-yes-no",
            E::BadChoice {
                item: s("incident"),
                problem: C::UnknownOption(ContextQuestion::RecentIncident, s("maybe")),
            },
        ),
        (
            "invalid-choice-exposure-multi-select",
            E::BadChoice {
                item: s("exposure"),
                problem: C::MustBeSingle(ContextQuestion::Exposure),
            },
        ),
        (
            "invalid-choice-empty-option-label",
            E::EmptyText {
                place: P::OptionLabel {
                    item: s("exposure"),
                    option: s("monthly"),
                },
            },
        ),
        (
            "invalid-band-precision",
            E::BandPrecision {
                subscale: s("b"),
                band: s("low"),
                decimals: 1,
            },
        ),
        (
            "invalid-band-backwards",
            E::BandOrder {
                subscale: s("a"),
                band: s("moderate"),
            },
        ),
        (
            "invalid-band-order",
            E::BandOrder {
                subscale: s("b"),
                band: s("moderate"),
            },
        ),
        (
            "invalid-band-overlap",
            E::BandOverlap {
                subscale: s("a"),
                lower: s("low"),
                upper: s("moderate"),
            },
        ),
        (
            "invalid-band-gap",
            E::BandGap {
                subscale: s("a"),
                from: s("6"),
                to: Some(s("6")),
            },
        ),
        (
            "invalid-band-gap-at-top",
            E::BandGap {
                subscale: s("a"),
                from: s("16"),
                to: Some(s("16")),
            },
        ),
        (
            "invalid-band-gap-at-bottom",
            E::BandGap {
                subscale: s("b"),
                from: s("0.0"),
                to: Some(s("0.0")),
            },
        ),
        (
            "invalid-band-open-in-the-middle",
            E::BandOverlap {
                subscale: s("a"),
                lower: s("moderate"),
                upper: s("high"),
            },
        ),
        (
            "invalid-self-check-no-dont-know",
            E::SelfCheck(SC::NoDontKnow),
        ),
        ("invalid-self-check-prefer-not", E::SelfCheck(SC::PreferNot)),
        (
            "invalid-self-check-statement-outside-area",
            E::SelfCheck(SC::StatementOutsideArea { item: s("s4") }),
        ),
        (
            "invalid-self-check-nested-area",
            E::SelfCheck(SC::NestedArea {
                subscale: s("rules"),
            }),
        ),
        (
            "invalid-self-check-headline",
            E::SelfCheck(SC::HeadlineOnArea {
                subscale: s("care"),
            }),
        ),
        (
            "invalid-dont-know-on-check-in",
            E::SelfCheck(SC::DontKnowOnCheckIn),
        ),
        (
            "invalid-actions-on-check-in",
            E::SelfCheck(SC::ActionsOnCheckIn { subscale: s("b") }),
        ),
        (
            "invalid-duplicate-action",
            E::DuplicateId {
                kind: IdKind::Action,
                id: s("care-b"),
            },
        ),
        (
            "invalid-empty-dont-know",
            E::EmptyText { place: P::DontKnow },
        ),
        (
            "invalid-empty-action-text",
            E::EmptyText {
                place: P::ActionText(s("care-b")),
            },
        ),
    ]
}

#[test]
fn the_valid_fixtures_load() {
    for name in ["valid-small", "proqol-shaped", "valid-organisation"] {
        let parsed = Instrument::from_json(&fixture(name));
        assert!(parsed.is_ok(), "{name}: {:?}", parsed.err());
    }
}

#[test]
fn each_invalid_fixture_produces_its_error() {
    for (name, want) in expected() {
        assert_eq!(error_of(name), want, "{name}");
    }
}

#[test]
fn files_that_are_not_definitions_are_parse_errors_with_a_position() {
    for name in ["invalid-not-json", "invalid-unknown-field"] {
        match error_of(name) {
            E::Parse { line, message, .. } => {
                assert!(line > 0, "{name}");
                assert!(!message.contains(" at line "), "{message}");
            }
            other => panic!("{name}: {other:?}"),
        }
    }
    // A misspelt field is named, so the author can find it.
    let message = error_of("invalid-unknown-field").to_string();
    assert!(message.contains("reversed"), "{message}");
}

#[test]
fn a_misspelt_field_is_reported_where_it_is() {
    // The example in docs/instrument-format.md.
    match error_of("invalid-unknown-field") {
        E::Parse {
            line,
            column,
            message,
        } => {
            assert_eq!((line, column), (112, 20));
            assert!(
                message.starts_with("unknown field `reversed`, expected one of `id`, `text`, "),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_repeated_field_is_refused_where_it_is() {
    let text =
        fixture("valid-small").replacen("\"title\":", "\"title\": \"Once\",\n  \"title\":", 1);
    match Instrument::from_json(&text) {
        Err(E::Parse { line, message, .. }) => {
            assert!(message.starts_with("duplicate field `title`"), "{message}");
            assert!(line > 1, "{line}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn deep_nesting_is_refused_without_overflowing() {
    for text in [
        "[".repeat(100_000),
        "{\"scale\": ".repeat(100_000),
        format!("{{\"sections\": [{{\"items\": {}", "[".repeat(100_000)),
    ] {
        assert!(matches!(Instrument::from_json(&text), Err(E::Parse { .. })));
    }
}

#[test]
fn every_invalid_fixture_is_tested() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(dir())
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.starts_with("invalid-"))
        .filter_map(|n| n.strip_suffix(".json").map(str::to_string))
        .collect();
    let mut tested: BTreeSet<String> = expected().iter().map(|(n, _)| s(n)).collect();
    tested.insert(s("invalid-not-json"));
    tested.insert(s("invalid-unknown-field"));
    assert_eq!(on_disk, tested);
}

#[test]
fn messages_are_plain_sentences() {
    let mut errors: Vec<E> = expected().into_iter().map(|(_, e)| e).collect();
    errors.push(error_of("invalid-not-json"));
    for e in errors {
        let message = e.to_string();
        let first = message.chars().next().unwrap_or(' ');
        assert!(first.is_uppercase(), "{message}");
        assert!(message.ends_with('.'), "{message}");
        assert!(!message.contains("Some("), "{message}");
    }
}

#[test]
fn an_invalid_definition_changes_nothing() {
    let builtin = match Instrument::from_json(TEND_EN) {
        Ok(i) => i,
        Err(e) => panic!("{e}"),
    };
    let mut catalogue = Catalogue::new(builtin);
    assert!(catalogue.load_json(&fixture("valid-small")).is_ok());
    let before = catalogue.clone();
    let mut names: Vec<&str> = expected().iter().map(|(n, _)| *n).collect();
    names.push("invalid-not-json");
    names.push("invalid-unknown-field");
    for name in names {
        assert!(catalogue.load_json(&fixture(name)).is_err(), "{name}");
        assert_eq!(catalogue, before, "{name} changed the catalogue");
    }
}

#[test]
fn loaded_definitions_sit_beside_the_builtin_one() {
    let builtin = match Instrument::from_json(TEND_EN) {
        Ok(i) => i,
        Err(e) => panic!("{e}"),
    };
    let mut catalogue = Catalogue::new(builtin.clone());
    assert!(catalogue.load_json(&fixture("proqol-shaped")).is_ok());
    assert!(catalogue.load_json(&fixture("valid-small")).is_ok());
    let ids: Vec<&str> = catalogue.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["tend", "proqol-shaped", "fixture"]);

    // A newer version of a loaded definition replaces the old one in place.
    let newer = fixture("valid-small").replace("\"version\": \"1\"", "\"version\": \"2\"");
    assert!(catalogue.load_json(&newer).is_ok());
    assert_eq!(catalogue.iter().count(), 3);
    assert_eq!(
        catalogue.get("fixture").map(|i| i.version.as_str()),
        Some("2")
    );

    // The built-in id is taken, and the built-in cannot be removed.
    assert_eq!(catalogue.add(builtin), Err(E::IdInUse { id: s("tend") }));
    assert!(!catalogue.remove("tend"));
    assert!(catalogue.remove("fixture"));
    assert_eq!(catalogue.iter().count(), 2);
}

/// "Don't know" is one field with a label and nothing else, so a
/// self-check offers it exactly once and never scores it: a second one, or
/// one with a value, does not read.
#[test]
fn dont_know_is_offered_once_and_has_no_value() {
    let text = fixture("valid-organisation");
    let twice = text.replacen(
        "\"dont_know\":",
        "\"dont_know\": \"Not sure\",\n    \"dont_know\":",
        1,
    );
    match Instrument::from_json(&twice) {
        Err(E::Parse { message, .. }) => {
            assert!(
                message.starts_with("duplicate field `dont_know`"),
                "{message}"
            )
        }
        other => panic!("{other:?}"),
    }
    let valued = text.replacen(
        "\"dont_know\": \"Don't know\"",
        "\"dont_know\": { \"value\": 5, \"label\": \"Don't know\" }",
        1,
    );
    assert_ne!(valued, text);
    assert!(matches!(
        Instrument::from_json(&valued),
        Err(E::Parse { .. })
    ));
    let as_label = text.replacen(
        "{\n        \"value\": 4,",
        "{\n        \"value\": 5,\n        \"dont_know\": true,",
        1,
    );
    assert_ne!(as_label, text);
    assert!(matches!(
        Instrument::from_json(&as_label),
        Err(E::Parse { .. })
    ));
}

#[test]
fn a_self_check_is_never_offered_as_a_check_in() {
    let builtin = match Instrument::from_json(TEND_EN) {
        Ok(i) => i,
        Err(e) => panic!("{e}"),
    };
    let mut catalogue = Catalogue::new(builtin);
    let before = catalogue.clone();
    for text in [fixture("valid-organisation"), ORG_EN.to_string()] {
        assert_eq!(
            catalogue.load_json(&text).map(|i| i.id.clone()),
            Err(E::SelfCheck(SC::NotACheckIn))
        );
        assert_eq!(
            catalogue.load_deployed_json(&text).map(|i| i.id.clone()),
            Err(E::SelfCheck(SC::NotACheckIn))
        );
    }
    assert_eq!(catalogue, before);
}

#[test]
fn definitions_survive_a_round_trip_through_json() {
    for text in [
        TEND_EN.to_string(),
        ORG_EN.to_string(),
        fixture("valid-small"),
        fixture("proqol-shaped"),
        fixture("valid-organisation"),
    ] {
        let Ok(first) = Instrument::from_json(&text) else {
            panic!("fixture does not load");
        };
        let written = match serde_json::to_string(&first) {
            Ok(text) => text,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(Instrument::from_json(&written), Ok(first));
    }
}

mod translation {
    use super::*;

    fn tend() -> Instrument {
        match Instrument::from_json(TEND_EN) {
            Ok(i) => i,
            Err(e) => panic!("{e}"),
        }
    }

    fn spanish() -> Instrument {
        let mut es = tend();
        es.locale = s("es");
        es.title = s("Chequeo de Tend");
        if let Some(item) = es.sections[1].items.first_mut() {
            item.text = s("Texto traducido.");
        }
        es
    }

    #[test]
    fn a_faithful_translation_passes() {
        assert_eq!(spanish().check_translation_of(&tend()), Ok(()));
    }

    #[test]
    fn a_missing_item_is_named() {
        let mut es = spanish();
        es.sections[2].items.retain(|i| i.id != "neg-low");
        assert_eq!(
            es.check_translation_of(&tend()),
            Err(E::MissingTranslation {
                locale: s("es"),
                what: s("item \"neg-low\""),
            })
        );
        let mut es = spanish();
        es.sections.retain(|s| s.id != "safety");
        assert_eq!(
            es.check_translation_of(&tend()),
            Err(E::MissingTranslation {
                locale: s("es"),
                what: s("section \"safety\""),
            })
        );
        let mut es = spanish();
        es.sections[1].items.swap(0, 1);
        assert_eq!(
            es.check_translation_of(&tend()),
            Err(E::TranslationDiffers {
                locale: s("es"),
                what: s("its sections hold different items"),
            })
        );
    }

    #[test]
    fn missing_strings_are_named() {
        let mut es = spanish();
        es.scale.prefer_not = None;
        assert_eq!(
            es.check_translation_of(&tend()),
            Err(E::MissingTranslation {
                locale: s("es"),
                what: s("the \"prefer not to answer\" label"),
            })
        );
        let mut es = spanish();
        es.sections[0].intro = None;
        assert_eq!(
            es.check_translation_of(&tend()),
            Err(E::MissingTranslation {
                locale: s("es"),
                what: s("the intro of section \"context\""),
            })
        );
        let mut es = spanish();
        if let Some(band) = es.subscales[0].bands.first_mut() {
            band.interpretation = None;
        }
        assert!(matches!(
            es.check_translation_of(&tend()),
            Err(E::MissingTranslation { .. })
        ));
    }

    fn org_spanish() -> (Instrument, Instrument) {
        let Ok(base) = Instrument::from_json(ORG_EN) else {
            panic!("the self-check does not load");
        };
        let mut es = base.clone();
        es.locale = s("es");
        es.scale.dont_know = Some(s("No lo sé"));
        if let Some(action) = es.subscales[0].actions.first_mut() {
            action.text = s("Texto traducido.");
        }
        (base, es)
    }

    #[test]
    fn a_self_check_translation_keeps_dont_know_and_every_action() {
        let (base, es) = org_spanish();
        assert_eq!(es.check_translation_of(&base), Ok(()));

        let (base, mut es) = org_spanish();
        es.scale.dont_know = None;
        assert_eq!(
            es.check_translation_of(&base),
            Err(E::MissingTranslation {
                locale: s("es"),
                what: s("the \"don't know\" label"),
            })
        );

        let (base, mut es) = org_spanish();
        es.subscales[2].actions.pop();
        assert_eq!(
            es.check_translation_of(&base),
            Err(E::TranslationDiffers {
                locale: s("es"),
                what: s("subscale \"policies\""),
            })
        );

        let (base, mut es) = org_spanish();
        es.kind = tend_core::domain::instrument::InstrumentKind::CheckIn;
        assert!(matches!(
            es.check_translation_of(&base),
            Err(E::TranslationDiffers { .. })
        ));
    }

    #[test]
    fn a_change_to_scoring_is_refused() {
        let mut es = spanish();
        if let Some(item) = es.sections[1].items.first_mut() {
            item.reverse = true;
        }
        assert_eq!(
            es.check_translation_of(&tend()),
            Err(E::TranslationDiffers {
                locale: s("es"),
                what: s("item \"int-images\""),
            })
        );
        let mut es = spanish();
        if let Some(band) = es.subscales[0].bands.first_mut() {
            band.max = Some(1.3);
        }
        assert!(matches!(
            es.check_translation_of(&tend()),
            Err(E::TranslationDiffers { .. })
        ));
    }
}

/// The complete example in docs/instrument-format.md loads, and scores as
/// the text under it says.
#[test]
fn the_documented_example_is_valid_and_scores_as_described() {
    use tend_core::domain::answer::{Answer, Answers};
    use tend_core::domain::scoring::score;

    let doc = include_str!("../../../docs/instrument-format.md");
    let Some(start) = doc.find("```json\n") else {
        panic!("no json example in docs/instrument-format.md");
    };
    let rest = &doc[start + "```json\n".len()..];
    let Some(end) = rest.find("```") else {
        panic!("unterminated json example");
    };
    let example = match Instrument::from_json(&rest[..end]) {
        Ok(i) => i,
        Err(e) => panic!("the documented example does not load: {e}"),
    };

    let outcome = |answers: &Answers, id: &str| {
        score(&example, answers)
            .get(id)
            .and_then(|s| s.score().cloned())
            .map(|s| (s.value, s.band.map(|b| b.id).unwrap_or_default()))
    };
    let mut all_often: Answers = example
        .items()
        .filter(|i| i.subscale.is_some())
        .map(|i| (i.id.clone(), Answer::Value(3)))
        .collect();
    for (id, value, band) in [
        ("intrusion", 3.0, "high"),
        ("arousal", 3.0, "high"),
        ("sts", 3.0, "high"),
        ("burnout", 7.0, "moderate"),
    ] {
        assert_eq!(outcome(&all_often, id), Some((value, s(band))), "{id}");
    }
    all_often.remove("on-top");
    assert_eq!(outcome(&all_often, "burnout"), Some((9.0, s("high"))));
}
