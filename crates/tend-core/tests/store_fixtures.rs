//! Every schema version Tend ever wrote has frozen fixtures under
//! `tests/fixtures/store/`: `vN.json` (and optionally `vN-<case>.json`) is
//! an envelope exactly as version N wrote it; `vN….expected.json` is the
//! data the current build must read from it. Adding a schema version
//! without its fixture fails here.

#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};
use tend_core::json::{self, Value};
use tend_core::store::envelope::{self, encode};
use tend_core::store::migrate::{migrate, migrate_with, Migration, CURRENT_SCHEMA, MIGRATIONS};
use tend_core::store::{import, TendData};

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store")
}

/// The fixture envelopes of one version, with their expected data.
fn fixtures(version: u32) -> Vec<(PathBuf, String, TendData)> {
    let mut found = Vec::new();
    let entries = fs::read_dir(fixture_dir()).expect("tests/fixtures/store exists");
    for entry in entries {
        let path = entry.expect("readable entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let Some(stem) = name.strip_suffix(".json") else {
            continue;
        };
        if stem.ends_with(".expected") {
            continue;
        }
        let version_part = stem.split('-').next().unwrap_or("");
        if version_part != format!("v{version}") {
            continue;
        }
        let text = fs::read_to_string(&path).expect("fixture readable");
        let expected_path = path.with_file_name(format!("{stem}.expected.json"));
        let expected_text = fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{} needs {}", name, expected_path.display()));
        let expected = json::parse(&expected_text)
            .and_then(|v| TendData::from_json(&v))
            .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        found.push((path, text, expected));
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

#[test]
fn every_version_has_a_fixture_and_reads_to_its_expected_data() {
    for version in 1..=CURRENT_SCHEMA {
        let list = fixtures(version);
        assert!(
            list.iter().any(|(p, _, _)| p
                .file_name()
                .is_some_and(|n| n == format!("v{version}.json").as_str())),
            "schema v{version} has no tests/fixtures/store/v{version}.json"
        );
        for (path, text, expected) in list {
            let opened =
                envelope::decode(&text).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
            assert_eq!(opened.schema, version, "{}", path.display());
            assert_eq!(opened.data, expected, "{}", path.display());
            // An export file of any old version imports too.
            let preview = import::read(text.as_bytes())
                .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
            assert_eq!(preview.data, expected, "{}", path.display());
        }
    }
}

#[test]
fn the_current_writer_still_writes_what_the_newest_fixture_holds() {
    for (path, text, expected) in fixtures(CURRENT_SCHEMA) {
        let fixture: Value = json::parse(&text).expect("json");
        let written_at = fixture["written_at"].as_i64().expect("written_at");
        let (ours, _) = encode(&expected, written_at).expect("encodes");
        let ours: Value = json::parse(&ours).expect("json");
        // Compare whole envelopes only for the full fixture: a minimal one
        // leaves out fields the writer always fills in.
        if path
            .file_name()
            .is_some_and(|n| n == format!("v{CURRENT_SCHEMA}.json").as_str())
        {
            assert_eq!(ours, fixture, "{}", path.display());
        }
    }
}

#[test]
fn no_fixture_claims_a_version_this_build_does_not_know() {
    for entry in fs::read_dir(fixture_dir()).expect("dir") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let digits: String = name
            .trim_start_matches('v')
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let version: u32 = digits
            .parse()
            .unwrap_or_else(|_| panic!("fixture name {name}"));
        assert!((1..=CURRENT_SCHEMA).contains(&version), "{name}");
    }
}

#[test]
fn the_real_steps_turn_the_v1_fixture_into_exactly_the_expected_json() {
    let text = fs::read_to_string(fixture_dir().join("v1.json")).expect("v1 fixture");
    let fixture: Value = json::parse(&text).expect("json");
    let expected =
        json::parse(&fs::read_to_string(fixture_dir().join("v1.expected.json")).expect("expected"))
            .expect("json");
    // Compared as JSON, before the reader fills in defaults, so a step that
    // forgot a field fails here.
    let migrated = migrate(fixture["data"].clone(), 1).expect("migrates");
    assert_eq!(migrated, expected);
}

#[test]
fn the_real_steps_and_their_summaries_say_what_each_adds() {
    assert_eq!(CURRENT_SCHEMA, 3);
    let v1 = MIGRATIONS.iter().find(|m| m.from == 1).expect("a v1 step");
    assert!(v1.summary.contains("check-ins"), "{}", v1.summary);
    let v2 = MIGRATIONS.iter().find(|m| m.from == 2).expect("a v2 step");
    for what in ["journal", "plan", "practice", "time off"] {
        assert!(v2.summary.contains(what), "{}", v2.summary);
    }
    assert!(MIGRATIONS.iter().all(|m| m.from < CURRENT_SCHEMA));
}

#[test]
fn the_v2_fixture_reads_the_same_through_the_real_v2_to_v3_step() {
    let text = fs::read_to_string(fixture_dir().join("v2.json")).expect("v2 fixture");
    let fixture: Value = json::parse(&text).expect("json");
    let migrated = migrate(fixture["data"].clone(), 2).expect("migrates");
    assert_eq!(migrated, fixture["data"]);
}

/// A test-only v3 -> v4 step, proving the pipeline carries real fixture
/// data past the current version: adds a list of team pulse codes.
fn test_v3_to_v4(mut data: Value) -> Result<Value, String> {
    let obj = data.as_object_mut().ok_or("data is not an object")?;
    obj.insert("team_codes", Value::Array(Vec::new()));
    Ok(data)
}

#[test]
fn the_v1_fixture_goes_through_the_real_steps_and_a_test_v3_to_v4_step() {
    let mut steps: Vec<Migration> = MIGRATIONS.to_vec();
    steps.push(Migration {
        from: 3,
        summary: "test: add team pulse codes",
        step: test_v3_to_v4,
    });
    let text = fs::read_to_string(fixture_dir().join("v1.json")).expect("v1 fixture");
    let fixture: Value = json::parse(&text).expect("json");
    let v4 = migrate_with(fixture["data"].clone(), 1, 4, &steps).expect("migrates");
    assert_eq!(v4["team_codes"], Value::Array(Vec::new()));
    assert_eq!(v4["checkins"], Value::Array(Vec::new()));
    assert_eq!(v4["settings"]["checkin_interval_days"].as_u64(), Some(14));
    assert_eq!(v4["settings"]["region"].as_str(), Some("uk-ie"));
    // The real pipeline has no step past the current version.
    assert!(migrate_with(fixture["data"].clone(), 1, 4, MIGRATIONS).is_err());
}

#[test]
fn the_v3_fixture_holds_every_kind_of_entry() {
    let text = fs::read_to_string(fixture_dir().join("v3.json")).expect("v3 fixture");
    let preview = import::read(text.as_bytes()).expect("reads");
    let d = &preview.data;
    assert!(!d.checkins.is_empty() && !d.pulses.is_empty());
    assert!(!d.journal.is_empty() && !d.why_cards.is_empty());
    assert!(!d.practice_log.is_empty() && d.plan.len() >= 2);
    assert!(d.done.iter().any(|x| x.done) && d.done.iter().any(|x| !x.done));
    assert!(d.time_off.last_break.is_some() && d.time_off.next_break.is_some());
    assert!(d.deleted.iter().any(|t| t
        .id
        .starts_with(tend_core::store::personal::JOURNAL_KEY_PREFIX)));
    // Each entry's meaning survives: the plan reads as the domain sees it.
    let plan = d.plan_view();
    assert_eq!(plan.items.len(), d.plan.len());
    assert!(!plan.done.is_empty());
}

#[test]
fn the_v2_fixture_holds_every_kind_of_entry() {
    let text = fs::read_to_string(fixture_dir().join("v2.json")).expect("v2 fixture");
    let preview = import::read(text.as_bytes()).expect("reads");
    let data = &preview.data;
    assert!(data.checkins.len() >= 2 && !data.pulses.is_empty());
    assert!(data.draft.is_some() && !data.instruments.is_empty());
    assert!(!data.deleted.is_empty() && !data.restored.is_empty());
    assert_ne!(data.settings.checkin_interval_days, 14);
}
