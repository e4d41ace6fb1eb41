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

mod the_instrument {
    use super::*;

    #[test]
    fn it_loads_validates_and_is_an_organisation_self_check() {
        let i = instrument();
        assert_eq!(i.id, ORG_ID);
        assert_eq!(i.kind, InstrumentKind::Organisation);
        assert_eq!(i.locale, "en");
        assert_eq!(i.validate(), Ok(()));
        assert_eq!(i.scale.dont_know.as_deref(), Some("Don't know"));
        assert_eq!(i.scale.prefer_not, None);
        let labels: Vec<&str> = i.scale.labels.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Not at all", "A little", "Partly", "Mostly", "Fully"]
        );
        let areas: Vec<&str> = i.subscales.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(areas, AREAS);
        assert_eq!(i.items().count(), 30);
    }

    #[test]
    fn every_area_has_four_to_six_statements_and_each_belongs_to_one() {
        let i = instrument();
        let mut seen = BTreeSet::new();
        for area in AREAS {
            let ids = statements(area);
            assert!((4..=6).contains(&ids.len()), "{area}: {}", ids.len());
            for id in ids {
                assert!(seen.insert(id.clone()), "{id} is in two areas");
            }
        }
        assert_eq!(seen.len(), i.items().count());
        assert!(i.items().all(|item| item.kind == ItemKind::Scale));
        assert!(i.subscales.iter().all(|s| s.parent.is_none()));
    }

    /// A rough guard on plain words: one short sentence each, no jargon
    /// or initials a new manager would have to look up.
    #[test]
    fn every_statement_is_one_plain_sentence() {
        for item in instrument().items() {
            let text = &item.text;
            let words = text.split_whitespace().count();
            assert!((6..=28).contains(&words), "{}: {words} words", item.id);
            assert!(text.ends_with('.'), "{}", item.id);
            assert_eq!(text.matches(". ").count(), 0, "{}", item.id);
            for jargon in [
                "STS",
                "EAP",
                "trauma-informed",
                "vicarious",
                "stakeholder",
                "leverage",
                "KPI",
            ] {
                assert!(!text.contains(jargon), "{}: {jargon}", item.id);
            }
        }
    }

    #[test]
    fn every_area_offers_two_to_four_actions_each_with_a_guide_link() {
        let i = instrument();
        let mut in_file = BTreeSet::new();
        for area in &i.subscales {
            assert!(
                (2..=4).contains(&area.actions.len()),
                "{}: {}",
                area.id,
                area.actions.len()
            );
            for action in &area.actions {
                assert!(!action.text.trim().is_empty());
                assert!(
                    guide_link(&i.id, &action.id).is_some(),
                    "{} has no link",
                    action.id
                );
                in_file.insert(action.id.as_str());
            }
        }
        let linked: BTreeSet<&str> = ORG_ACTION_LINKS.iter().map(|(id, _)| *id).collect();
        assert_eq!(linked, in_file, "a link names an action the file lacks");
        assert_eq!(
            linked.len(),
            ORG_ACTION_LINKS.len(),
            "an action linked twice"
        );
        // Links belong to Tend's own self-check only.
        assert_eq!(guide_link("someone-elses", "act-res-induction"), None);
    }

    /// Reads the leaders' guide of every language as the build does and
    /// checks that each action's page exists there and covers its fact.
    #[test]
    fn every_action_leads_to_a_guide_page_that_covers_its_fact() {
        #[derive(serde::Deserialize)]
        struct Guide {
            page: Vec<Page>,
        }
        #[derive(serde::Deserialize)]
        struct Page {
            slug: String,
            section: Vec<Section>,
        }
        #[derive(serde::Deserialize)]
        struct Section {
            #[serde(default)]
            covers: Vec<String>,
        }
        let content = include_str!("../../../docs/CONTENT.md");
        for fact in LeadFact::ALL {
            assert!(
                content.contains(&format!("- {} ", fact.id())),
                "{} is not in CONTENT.md",
                fact.id()
            );
        }
        let locales = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
        let mut read = 0;
        for dir in std::fs::read_dir(&locales).into_iter().flatten().flatten() {
            let path = dir.path().join("leaders.toml");
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let guide: Guide = match toml::from_str(&text) {
                Ok(g) => g,
                Err(e) => panic!("{}: {e}", path.display()),
            };
            let covers: BTreeMap<&str, BTreeSet<&str>> = guide
                .page
                .iter()
                .map(|p| {
                    let tags = p
                        .section
                        .iter()
                        .flat_map(|s| s.covers.iter().map(String::as_str))
                        .collect();
                    (p.slug.as_str(), tags)
                })
                .collect();
            for (action, link) in ORG_ACTION_LINKS {
                let Some(tags) = covers.get(link.page) else {
                    panic!(
                        "{}: {action} links to no page \"{}\"",
                        path.display(),
                        link.page
                    );
                };
                assert!(
                    tags.contains(link.lead.id()),
                    "{}: page \"{}\" does not cover {} ({action})",
                    path.display(),
                    link.page,
                    link.lead.id()
                );
            }
            read += 1;
        }
        assert!(read >= 2, "only {read} leaders' guides found");
        // Every fact is put into practice by some action.
        let used: BTreeSet<LeadFact> = ORG_ACTION_LINKS.iter().map(|(_, l)| l.lead).collect();
        assert_eq!(used.len(), LeadFact::ALL.len());
    }
}

mod scoring {
    use super::*;

    #[test]
    fn bands_follow_the_documented_thresholds() {
        let table: [(&[i32], f64, &str); 9] = [
            (&[0, 0, 0, 0, 0], 0.0, "just-starting"),
            (&[1, 1, 2], 1.3, "just-starting"),
            (&[2, 1, 1, 2, 1], 1.4, "just-starting"),
            (&[2, 1, 2, 1], 1.5, "partly-in-place"),
            (&[1, 2, 2], 1.7, "partly-in-place"),
            (&[3, 3, 2], 2.7, "partly-in-place"),
            (&[3, 3, 3, 3, 2], 2.8, "partly-in-place"),
            (&[3, 3, 3], 3.0, "well-in-place"),
            (&[4, 4, 4, 4, 4], 4.0, "well-in-place"),
        ];
        for (values, score, band) in table {
            assert_eq!(
                outcome(&levels("policies", values), "policies"),
                Some((score, band.to_string())),
                "{values:?}"
            );
        }
    }

    #[test]
    fn fewer_than_half_answered_is_not_enough() {
        let some = |n: usize, dont_know: usize| {
            let mut answers = vec![Some(A::Level(4)); n];
            answers.extend(vec![Some(A::DontKnow); dont_know]);
            area_answers("safety", &answers)
        };
        let result = score_self_check(instrument(), &some(2, 3));
        let Some(safety) = result.area("safety") else {
            panic!("no safety area");
        };
        assert_eq!(safety.result, SubscaleResult::NotEnoughAnswers);
        assert_eq!(
            (safety.answered, safety.dont_know, safety.statements),
            (2, 3, 5)
        );
        assert_eq!(safety.band(), None);

        let result = score_self_check(instrument(), &some(3, 2));
        let Some(safety) = result.area("safety") else {
            panic!("no safety area");
        };
        assert_eq!(safety.band(), Some("well-in-place"));
        assert_eq!((safety.answered, safety.dont_know), (3, 2));

        // Nothing answered at all: every area, and no focus.
        let result = score_self_check(instrument(), &SelfCheckAnswers::new());
        assert!(result.areas.iter().all(|a| a.score().is_none()));
        assert!(result.focus.is_empty());
        assert_eq!(result.weakest_first().len(), AREAS.len());
    }

    #[test]
    fn answers_tend_does_not_know_count_as_unanswered() {
        let mut answers = levels("routine", &[4, 4, 4]);
        answers.insert("rou-end-of-shift".into(), A::Level(9));
        answers.insert("no-such-statement".into(), A::Level(0));
        answers.insert("no-such-either".into(), A::DontKnow);
        let result = score_self_check(instrument(), &answers);
        let Some(routine) = result.area("routine") else {
            panic!("no routine area");
        };
        assert_eq!((routine.answered, routine.dont_know), (3, 0));
        assert_eq!(result.dont_know(), 0);
    }

    fn answer() -> impl Strategy<Value = Option<A>> {
        prop_oneof![
            Just(None),
            Just(Some(A::DontKnow)),
            (0..=4i32).prop_map(|v| Some(A::Level(v))),
        ]
    }

    proptest! {
        /// "Don't know" is counted and never scored: taking every "don't
        /// know" away, or turning it into no answer, leaves every score,
        /// band and count of real answers exactly as it was.
        #[test]
        fn dont_know_never_changes_a_score(picks in prop::collection::vec(answer(), 30)) {
            let ids: Vec<String> = instrument().items().map(|i| i.id.clone()).collect();
            let answers: SelfCheckAnswers = ids
                .iter()
                .zip(&picks)
                .filter_map(|(id, a)| a.map(|a| (id.clone(), a)))
                .collect();
            let without: SelfCheckAnswers = answers
                .iter()
                .filter(|(_, a)| **a != A::DontKnow)
                .map(|(id, a)| (id.clone(), *a))
                .collect();
            let with = score_self_check(instrument(), &answers);
            let plain = score_self_check(instrument(), &without);
            for (a, b) in with.areas.iter().zip(&plain.areas) {
                prop_assert_eq!(&a.result, &b.result);
                prop_assert_eq!(a.answered, b.answered);
                prop_assert_eq!(b.dont_know, 0);
                let dont_know = statements(&a.area)
                    .iter()
                    .filter(|id| answers.get(*id) == Some(&A::DontKnow))
                    .count();
                prop_assert_eq!(a.dont_know, dont_know);
            }
            prop_assert_eq!(&with.focus, &plain.focus);
            let total = picks.iter().filter(|a| **a == Some(A::DontKnow)).count();
            prop_assert_eq!(with.dont_know(), total);
        }

        /// The weakest-first order is a permutation of the areas, scored
        /// ones rising, then those with not enough answered; the focus is
        /// its first two scored areas.
        #[test]
        fn weakest_first_is_a_rising_order(picks in prop::collection::vec(answer(), 30)) {
            let answers: SelfCheckAnswers = instrument()
                .items()
                .zip(&picks)
                .filter_map(|(i, a)| a.map(|a| (i.id.clone(), a)))
                .collect();
            let result = score_self_check(instrument(), &answers);
            let order = result.weakest_first();
            let mut ids: Vec<&str> = order.iter().map(|a| a.area.as_str()).collect();
            ids.sort_unstable();
            let mut all = AREAS.to_vec();
            all.sort_unstable();
            prop_assert_eq!(ids, all);
            let scores: Vec<Option<f64>> = order.iter().map(|a| a.score().map(|s| s.value)).collect();
            let scored = scores.iter().take_while(|s| s.is_some()).count();
            prop_assert!(scores[scored..].iter().all(Option::is_none));
            prop_assert!(scores[..scored].windows(2).all(|w| w[0] <= w[1]));
            let focus: Vec<&str> = result.focus.iter().map(|f| f.area.as_str()).collect();
            let expected: Vec<&str> = order.iter().take(scored.min(2)).map(|a| a.area.as_str()).collect();
            prop_assert_eq!(focus, expected);
        }
    }

    #[test]
    fn the_weakest_come_first_and_ties_keep_the_instrument_s_order() {
        let mut answers = SelfCheckAnswers::new();
        answers.extend(levels("resilience", &[2, 2, 2, 2, 2]));
        answers.extend(levels("safety", &[1, 1, 1, 1, 1]));
        answers.extend(levels("policies", &[1, 1, 1]));
        answers.extend(levels("leadership", &[3, 3, 3, 3, 3]));
        answers.extend(levels("routine", &[0, 0]));
        answers.extend(levels("evaluation", &[0, 1, 0, 1]));
        let result = score_self_check(instrument(), &answers);
        let order: Vec<&str> = result
            .weakest_first()
            .iter()
            .map(|a| a.area.as_str())
            .collect();
        assert_eq!(
            order,
            [
                "evaluation",
                "safety",
                "policies",
                "resilience",
                "leadership",
                "routine"
            ]
        );
        // The areas themselves stay in the instrument's order.
        let listed: Vec<&str> = result.areas.iter().map(|a| a.area.as_str()).collect();
        assert_eq!(listed, AREAS);
        let focus: Vec<&str> = result.focus.iter().map(|f| f.area.as_str()).collect();
        assert_eq!(focus, ["evaluation", "safety"]);
    }

    #[test]
    fn the_two_weakest_get_two_to_four_actions_that_lead_to_the_guide() {
        for weakest in AREAS {
            for second in AREAS.iter().filter(|a| **a != weakest) {
                let mut answers = all_at(4);
                answers.extend(levels(weakest, &[0, 0, 0, 0, 0, 0]));
                answers.extend(levels(second, &[1, 1, 1, 1, 1, 1]));
                let result = score_self_check(instrument(), &answers);
                let focus: Vec<&str> = result.focus.iter().map(|f| f.area.as_str()).collect();
                assert_eq!(focus, [weakest, *second]);
                for area in &result.focus {
                    assert!((2..=4).contains(&area.actions.len()), "{}", area.area);
                    for action in &area.actions {
                        assert!(!action.text.is_empty());
                        assert!(action.link.is_some(), "{}", action.id);
                    }
                }
            }
        }
        // One area scored: one area of focus.
        let result = score_self_check(instrument(), &levels("routine", &[2, 2, 2]));
        let focus: Vec<&str> = result.focus.iter().map(|f| f.area.as_str()).collect();
        assert_eq!(focus, ["routine"]);
    }
}

mod comparing {
    use super::*;

    #[test]
    fn self_checks_sit_side_by_side_area_by_area() {
        let earlier = check("sc-a", 1_000, None, all_at(1));
        let later = sample();
        let mut other = check("sc-b", 2_000, Some("Elsewhere"), all_at(3));
        other.instrument_id = "someone-elses".into();
        let table = compare(instrument(), [&earlier, &later, &other]);
        let columns: Vec<(&str, bool)> = table
            .columns
            .iter()
            .map(|c| (c.id.as_str(), c.comparable))
            .collect();
        assert_eq!(
            columns,
            [
                ("sc-a", true),
                ("sc-miiao0lc-1x2y3z", true),
                ("sc-b", false)
            ]
        );
        assert_eq!(table.columns[1].team, later.team);
        let rows: Vec<&str> = table.rows.iter().map(|r| r.area.as_str()).collect();
        assert_eq!(rows, AREAS);
        let own = [
            score_self_check(instrument(), &earlier.answers),
            score_self_check(instrument(), &later.answers),
        ];
        for row in &table.rows {
            assert_eq!(row.cells.len(), 3);
            assert_eq!(row.cells[0].as_ref(), own[0].area(&row.area));
            assert_eq!(row.cells[1].as_ref(), own[1].area(&row.area));
            assert_eq!(row.cells[2], None);
        }
        let resilience = table.rows[0].cells[1].as_ref().map(|c| c.dont_know);
        assert_eq!(resilience, Some(1));
    }
}

mod sharing {
    use super::*;

    fn known() -> Vec<&'static Instrument> {
        vec![instrument()]
    }

    fn import(text: &str) -> Result<SelfCheck, ShareError> {
        import_self_check(text, &known())
    }

    /// A file around `body` with a checksum that matches it, as someone
    /// editing carefully (or another program) would make.
    fn file_of(body: Value) -> String {
        json!({
            "checksum": checksum(&body),
            "format": "tend-self-check",
            "self_check": body,
            "version": 1,
        })
        .to_string()
    }

    fn body() -> Value {
        serde_json::to_value(sample()).unwrap_or_default()
    }

    fn code_json(code: &str) -> Value {
        use base64::Engine;
        let Some(body) = code.strip_prefix(CODE_PREFIX) else {
            panic!("{code}");
        };
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(body)
            .unwrap_or_default();
        serde_json::from_slice(&bytes).unwrap_or_default()
    }

    fn encode(value: &Value) -> String {
        use base64::Engine;
        format!(
            "{CODE_PREFIX}{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(value.to_string())
        )
    }

    #[test]
    fn a_file_and_a_code_bring_back_the_same_self_check() {
        let check = sample();
        // It comes back marked as shared with this leader.
        let back = SelfCheck {
            shared: true,
            ..check.clone()
        };
        let file = export_json(&check);
        assert_eq!(import(&file), Ok(back.clone()));
        let code = share_code(&check);
        assert!(code.starts_with(CODE_PREFIX));
        assert!(code[CODE_PREFIX.len()..]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert_eq!(import(&code), Ok(back.clone()));
        // As a message app might wrap it, or with padding added.
        let wrapped: String = code
            .chars()
            .enumerate()
            .flat_map(|(i, c)| {
                let brk = (i > 0 && i % 60 == 0).then_some('\n');
                brk.into_iter().chain(std::iter::once(c))
            })
            .collect();
        assert_eq!(import(&format!("  {wrapped}\n")), Ok(back.clone()));
        let padding = "=".repeat((4 - (code.len() - CODE_PREFIX.len()) % 4) % 4);
        assert_eq!(import(&format!("{code}{padding}")), Ok(back.clone()));
        // A file an editor saved with a byte-order mark.
        assert_eq!(import(&format!("\u{feff}{file}")), Ok(back.clone()));
        // The file is small and names its form.
        assert!(file.len() < 2_000, "{}", file.len());
        assert!(file.contains("\"format\": \"tend-self-check\""), "{file}");
        // Passed on again, it is the same file and code: whether a leader
        // was shared a self-check is not part of it.
        assert_eq!(export_json(&back), file);
        assert_eq!(share_code(&back), code);
        assert!(!file.contains("shared"), "{file}");
    }

    #[test]
    fn a_changed_answer_is_caught() {
        let code = share_code(&sample());
        let mut value = code_json(&code);
        value["self_check"]["answers"]["pol-written"] = json!(4);
        assert_eq!(import(&encode(&value)), Err(ShareError::Damaged));

        let file = export_json(&sample()).replace("\"pol-written\": 0", "\"pol-written\": 4");
        assert_ne!(file, export_json(&sample()));
        assert_eq!(import(&file), Err(ShareError::Damaged));

        let file = export_json(&sample()).replace("\"team\": \"Night", "\"team\": \"Day");
        assert_eq!(import(&file), Err(ShareError::Damaged));
    }

    #[test]
    fn no_mistyped_or_cut_short_code_is_read() {
        let code = share_code(&sample());
        let body_start = CODE_PREFIX.len();
        for at in body_start..code.len() {
            let mut chars: Vec<char> = code.chars().collect();
            chars[at] = if chars[at] == 'A' { 'B' } else { 'A' };
            let typo: String = chars.into_iter().collect();
            let result = import(&typo);
            assert!(result.is_err(), "a typo at {at} was read: {result:?}");
        }
        for end in body_start..code.len() {
            let result = import(&code[..end]);
            assert!(result.is_err(), "cut at {end} was read: {result:?}");
        }
    }

    #[test]
    fn what_is_not_a_self_check_is_refused_plainly() {
        assert_eq!(import(""), Err(ShareError::Empty));
        assert_eq!(import(" \n "), Err(ShareError::Empty));
        let huge = format!("{CODE_PREFIX}{}", "A".repeat(MAX_SHARE_BYTES));
        assert_eq!(import(&huge), Err(ShareError::TooLarge));
        for text in [
            "hello",
            "TSC2.abc",
            "{",
            "{}",
            "[1, 2]",
            r#"{"format":"tend-export","version":1}"#,
            r#"{"format":"tend-self-check","version":"1","checksum":"x","self_check":{}}"#,
        ] {
            assert_eq!(import(text), Err(ShareError::NotASelfCheck), "{text}");
        }
        // A code whose text is not base64, or not JSON inside.
        assert_eq!(
            import(&format!("{CODE_PREFIX}!!!")),
            Err(ShareError::Damaged)
        );
        let not_json = {
            use base64::Engine;
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode("not json")
        };
        assert_eq!(
            import(&format!("{CODE_PREFIX}{not_json}")),
            Err(ShareError::Damaged)
        );
        // A field too many, or the self-check in another shape.
        let mut value: Value = serde_json::from_str(&file_of(body())).unwrap_or_default();
        value["extra"] = json!(true);
        assert_eq!(import(&value.to_string()), Err(ShareError::NotASelfCheck));
        let mut odd = body();
        odd["answers"]["pol-written"] = json!("maybe");
        assert_eq!(import(&file_of(odd)), Err(ShareError::NotASelfCheck));
    }

    #[test]
    fn a_newer_form_is_told_apart_from_damage() {
        let mut value: Value = serde_json::from_str(&file_of(body())).unwrap_or_default();
        value["version"] = json!(2);
        assert_eq!(
            import(&value.to_string()),
            Err(ShareError::Newer { version: 2 })
        );
        assert_eq!(
            import(&encode(&value)),
            Err(ShareError::Newer { version: 2 })
        );
    }

    #[test]
    fn a_self_check_tend_could_not_have_made_is_refused() {
        let with = |change: &dyn Fn(&mut Value)| {
            let mut b = body();
            change(&mut b);
            import(&file_of(b))
        };
        assert_eq!(
            import(&file_of(body())),
            Ok(SelfCheck {
                shared: true,
                ..sample()
            })
        );
        assert_eq!(
            with(&|b| b["instrument_version"] = json!("2")),
            Err(ShareError::UnknownInstrument {
                id: ORG_ID.into(),
                version: "2".into()
            })
        );
        assert_eq!(
            with(&|b| b["instrument_id"] = json!("tend")),
            Err(ShareError::UnknownInstrument {
                id: "tend".into(),
                version: "1".into()
            })
        );
        assert_eq!(
            with(&|b| b["answers"]["int-images"] = json!(2)),
            Err(ShareError::UnknownStatement {
                statement: "int-images".into()
            })
        );
        assert_eq!(
            with(&|b| b["answers"]["pol-written"] = json!(5)),
            Err(ShareError::OffScale {
                statement: "pol-written".into()
            })
        );
        assert_eq!(
            with(&|b| b["answers"]["pol-written"] = json!(-1)),
            Err(ShareError::OffScale {
                statement: "pol-written".into()
            })
        );
        for id in ["", "-sc", "=1+1", "sc 1", "sc/1", &"a".repeat(65)] {
            assert_eq!(
                with(&|b| b["id"] = json!(id)),
                Err(ShareError::BadId),
                "{id}"
            );
        }
        for at in [-1i64, 253_402_300_800_000] {
            assert_eq!(
                with(&|b| b["completed_at"] = json!(at)),
                Err(ShareError::BadDate)
            );
        }
        assert_eq!(
            with(&|b| b["team"] = json!("x".repeat(81))),
            Err(ShareError::TeamNameTooLong)
        );
        // A team name is tidied as if typed here; a blank one is none.
        let tidy = with(&|b| b["team"] = json!("  Night \n shift "));
        assert_eq!(tidy.map(|c| c.team), Ok(Some("Night shift".into())));
        let blank = with(&|b| b["team"] = json!("   "));
        assert_eq!(blank.map(|c| c.team), Ok(None));
    }
}

mod csv {
    use super::*;

    fn rows(text: &str) -> Vec<Vec<String>> {
        assert!(text.ends_with("\r\n"));
        text.split("\r\n")
            .filter(|l| !l.is_empty())
            .map(|l| l.split(',').map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn it_holds_area_scores_and_nothing_else() {
        let later = sample();
        let earlier = check("sc-a", 1_700_000_000_000, Some("Day team"), all_at(1));
        let mut other = check("sc-b", 1_700_000_000_000, None, all_at(3));
        other.instrument_id = "someone-elses".into();
        let text = csv_of_area_scores(instrument(), [&later, &other, &earlier], 0);
        let rows = rows(&text);
        assert_eq!(rows[0], CSV_COLUMNS);
        assert_eq!(rows.len(), 1 + 2 * AREAS.len());
        assert!(rows.iter().all(|r| r.len() == CSV_COLUMNS.len()));
        // Oldest first, areas in the instrument's order.
        let ids: Vec<(&str, &str)> = rows[1..]
            .iter()
            .map(|r| (r[1].as_str(), r[2].as_str()))
            .collect();
        let expected: Vec<(&str, &str)> = ["sc-a", "sc-miiao0lc-1x2y3z"]
            .iter()
            .flat_map(|c| AREAS.iter().map(move |a| (*c, *a)))
            .collect();
        assert_eq!(ids, expected);
        assert_eq!(
            rows[1],
            [
                "2023-11-14",
                "sc-a",
                "resilience",
                "1.0",
                "just-starting",
                "0",
                "5",
                "5"
            ]
        );
        // The sample: resilience has a "don't know", policies a 0.
        let resilience = &rows[7];
        assert_eq!(
            resilience,
            &[
                "2025-11-28",
                "sc-miiao0lc-1x2y3z",
                "resilience",
                "2.0",
                "partly-in-place",
                "1",
                "4",
                "5"
            ]
        );
        let policies = &rows[9];
        assert_eq!(policies[3], "1.6");
        // No statement, answer label, team name or instrument words.
        for item in instrument().items() {
            assert!(!text.contains(&item.id), "{}", item.id);
        }
        for word in ["Night", "Day team", "North", "Fully", "Don't know"] {
            assert!(!text.contains(word), "{word}");
        }
    }

    #[test]
    fn an_area_without_a_score_says_so_and_dates_are_the_leader_s() {
        let mut answers = levels("safety", &[3, 3]);
        answers.extend(
            statements("safety")
                .into_iter()
                .skip(2)
                .map(|id| (id, A::DontKnow)),
        );
        // 23:30 UTC on 14 November 2023.
        let at = 1_700_004_600_000;
        let one = check("sc-late", at, None, answers);
        let utc = csv_of_area_scores(instrument(), [&one], 0);
        let ahead = csv_of_area_scores(instrument(), [&one], 60);
        let behind = csv_of_area_scores(instrument(), [&one], -24 * 60);
        assert!(
            utc.contains("2023-11-14,sc-late,safety,,not-enough-answered,3,2,5\r\n"),
            "{utc}"
        );
        assert!(ahead.contains("\r\n2023-11-15,sc-late,"), "{ahead}");
        assert!(behind.contains("\r\n2023-11-13,sc-late,"), "{behind}");
        assert!(utc.contains(NOT_ENOUGH_ANSWERED));
        // Only a header when there is nothing to export.
        assert_eq!(
            csv_of_area_scores(instrument(), [], 0),
            format!("{}\r\n", CSV_COLUMNS.join(","))
        );
    }
}

/// The small example in docs/instrument-format.md loads, and scores as the
/// text under it says.
#[test]
fn the_documented_self_check_example_scores_as_described() {
    let doc = include_str!("../../../docs/instrument-format.md");
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
