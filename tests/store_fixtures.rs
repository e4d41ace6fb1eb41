//! Every schema version Tend ever wrote has frozen fixtures under
//! `tests/fixtures/store/`: `vN.json` (and optionally `vN-<case>.json`) is
//! an envelope exactly as version N wrote it; `vN….expected.json` is the
//! data the current build must read from it. Adding a schema version
//! without its fixture fails here.

#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};
use tend::json::{self, Value};
use tend::store::envelope::{self, encode};
use tend::store::migrate::{migrate, migrate_with, Migration, CURRENT_SCHEMA, MIGRATIONS};
use tend::store::{import, TendData};

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
fn v1_to_v2_is_the_one_real_step_and_its_summary_says_what_it_adds() {
    assert_eq!(CURRENT_SCHEMA, 2);
    let step = MIGRATIONS.iter().find(|m| m.from == 1).expect("a v1 step");
    assert!(step.summary.contains("check-ins"), "{}", step.summary);
    assert!(MIGRATIONS.iter().all(|m| m.from < CURRENT_SCHEMA));
}

/// A test-only v2 -> v3 step, proving the pipeline carries real fixture
/// data past the current version: adds a journal.
fn test_v2_to_v3(mut data: Value) -> Result<Value, String> {
    let obj = data.as_object_mut().ok_or("data is not an object")?;
    obj.insert("journal", Value::Array(Vec::new()));
    Ok(data)
}

#[test]
fn the_v1_fixture_goes_through_the_real_step_and_a_test_v2_to_v3_step() {
    let mut steps: Vec<Migration> = MIGRATIONS.to_vec();
    steps.push(Migration {
        from: 2,
        summary: "test: add a journal",
        step: test_v2_to_v3,
    });
    let text = fs::read_to_string(fixture_dir().join("v1.json")).expect("v1 fixture");
    let fixture: Value = json::parse(&text).expect("json");
    let v3 = migrate_with(fixture["data"].clone(), 1, 3, &steps).expect("migrates");
    assert_eq!(v3["journal"], Value::Array(Vec::new()));
    assert_eq!(v3["checkins"], Value::Array(Vec::new()));
    assert_eq!(v3["settings"]["checkin_interval_days"].as_u64(), Some(14));
    assert_eq!(v3["settings"]["region"].as_str(), Some("uk-ie"));
    // The real pipeline has no step past the current version.
    assert!(migrate_with(fixture["data"].clone(), 1, 3, MIGRATIONS).is_err());
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
