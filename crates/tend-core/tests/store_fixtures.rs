//! Every schema version Tend ever wrote has frozen fixtures under
//! `tests/fixtures/store/`: `vN.json` (and optionally `vN-<case>.json`) is
//! an envelope exactly as version N wrote it; `vN….expected.json` is the
//! data the current build must read from it. Adding a schema version
//! without its fixture fails here.

#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use tend_core::store::checksum::{checksum, fnv1a64};
use tend_core::store::data::Removed;
use tend_core::store::envelope::{self, decode, encode, encode_pretty};
use tend_core::store::import::{self, ImportMode};
use tend_core::store::migrate::{migrate, migrate_with, Migration, CURRENT_SCHEMA, MIGRATIONS};
use tend_core::store::TendData;

/// The clock at which the fixtures are imported: after every time in them.
const NOW: i64 = 1_800_000_000_000;

/// Parses JSON text from a fixture.
fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("json")
}

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
        let expected: TendData = serde_json::from_str(&expected_text)
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
            let preview = import::read(text.as_bytes(), NOW)
                .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
            assert_eq!(preview.data, expected, "{}", path.display());
        }
    }
}

#[test]
fn the_current_writer_still_writes_what_the_newest_fixture_holds() {
    for (path, text, expected) in fixtures(CURRENT_SCHEMA) {
        let fixture = json(&text);
        let written_at = fixture["written_at"].as_i64().expect("written_at");
        let (ours, _) = encode(&expected, written_at).expect("encodes");
        let ours = json(&ours);
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
    let fixture = json(&text);
    let expected =
        json(&fs::read_to_string(fixture_dir().join("v1.expected.json")).expect("expected"));
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
    let fixture = json(&text);
    let migrated = migrate(fixture["data"].clone(), 2).expect("migrates");
    assert_eq!(migrated, fixture["data"]);
}

/// A test-only v3 -> v4 step, proving the pipeline carries real fixture
/// data past the current version: adds a list of team pulse codes.
fn test_v3_to_v4(mut data: Value) -> Result<Value, String> {
    let obj = data.as_object_mut().ok_or("data is not an object")?;
    obj.insert("team_codes".to_string(), Value::Array(Vec::new()));
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
    let fixture = json(&text);
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
    let preview = import::read(text.as_bytes(), NOW).expect("reads");
    let d = &preview.data;
    assert!(!d.checkins.is_empty() && !d.pulses.is_empty());
    assert!(!d.journal.is_empty() && !d.why_cards.is_empty());
    assert!(!d.practice_log.is_empty() && d.plan.len() >= 2);
    assert!(d.done.iter().any(|x| x.done) && d.done.iter().any(|x| !x.done));
    assert!(d.time_off.last_break.is_some() && d.time_off.next_break.is_some());
    assert!(d
        .deleted
        .iter()
        .any(|t| matches!(t.id, Removed::Journal(_))));
    // Each entry's meaning survives: the plan reads as the domain sees it.
    let plan = d.plan_view();
    assert_eq!(plan.items.len(), d.plan.len());
    assert!(!plan.done.is_empty());
}

#[test]
fn the_v2_fixture_holds_every_kind_of_entry() {
    let text = fs::read_to_string(fixture_dir().join("v2.json")).expect("v2 fixture");
    let preview = import::read(text.as_bytes(), NOW).expect("reads");
    let data = &preview.data;
    assert!(data.checkins.len() >= 2 && !data.pulses.is_empty());
    assert!(data.draft.is_some() && !data.instruments.is_empty());
    assert!(!data.deleted.is_empty() && !data.restored.is_empty());
    assert_ne!(data.settings.checkin_interval_days, 14);
}

/// Every fixture with a checksum, and its text.
fn envelopes() -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    for entry in fs::read_dir(fixture_dir()).expect("dir") {
        let path = entry.expect("entry").path();
        let text = fs::read_to_string(&path).expect("readable");
        if json(&text).get("checksum").is_some() {
            found.push((path, text));
        }
    }
    found
}

#[test]
fn every_store_fixture_checksum_still_verifies() {
    let mut seen = 0;
    for (path, text) in envelopes() {
        let value = json(&text);
        let stored = value["checksum"].as_str().expect("a string");
        assert_eq!(checksum(&value["data"]), stored, "{}", path.display());
        seen += 1;
    }
    assert!(seen >= 6, "{seen}");
}

#[test]
fn the_newest_fixture_is_exactly_what_the_writer_writes() {
    let text = fs::read_to_string(fixture_dir().join("v3.json")).expect("v3");
    let opened = decode(&text).expect("decodes");
    let (pretty, stamp) = encode_pretty(&opened.data, opened.stamp.written_at).expect("encodes");
    assert_eq!(pretty, text.trim_end());
    assert_eq!(stamp, opened.stamp);
    // Compact: the same envelope with no whitespace, its data canonical.
    let (compact, _) = encode(&opened.data, opened.stamp.written_at).expect("encodes");
    let value = json(&text);
    assert!(compact.starts_with(r#"{"format":"tend","schema":3,"written_at":"#));
    assert!(compact.ends_with(&format!(r#","data":{}}}"#, value["data"])));
}

/// Files the release before serde wrote: an export (indented, as
/// downloaded) and the envelope it kept in storage (compact). Both hold
/// every kind of record, removal and restoration.
const PREVIOUS_RELEASE: [&str; 2] = [
    "v3-previous-release-export.json",
    "v3-previous-release-storage.json",
];

#[test]
fn what_the_previous_release_wrote_opens_and_is_written_back_byte_for_byte() {
    for name in PREVIOUS_RELEASE {
        let text = fs::read_to_string(fixture_dir().join(name)).expect(name);
        let opened = decode(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let at = opened.stamp.written_at;
        let (written, stamp) = if name.contains("export") {
            encode_pretty(&opened.data, at)
        } else {
            encode(&opened.data, at)
        }
        .expect("encodes");
        assert_eq!(written, text, "{name}");
        assert_eq!(stamp, opened.stamp, "{name}: the same checksum");
        let d = &opened.data;
        assert!(
            d.checkins.len() >= 2 && !d.pulses.is_empty() && d.draft.is_some(),
            "{name}"
        );
        assert!(!d.journal.is_empty() && !d.why_cards.is_empty(), "{name}");
        assert!(
            !d.practice_log.is_empty() && !d.plan.is_empty() && !d.done.is_empty(),
            "{name}"
        );
        assert!(
            !d.time_off.is_default() && !d.instruments.is_empty(),
            "{name}"
        );
        assert!(!d.restored.is_empty(), "{name}");
        let kind = |key: &Removed| match key {
            Removed::Entry(_) => "entry",
            Removed::Instrument(_) => "instrument",
            Removed::Draft(_) => "draft",
            Removed::Journal(_) => "journal",
            Removed::Card(_) => "card",
            Removed::Plan(_) => "plan",
        };
        let kinds: std::collections::BTreeSet<&str> =
            d.deleted.iter().map(|t| kind(&t.id)).collect();
        assert_eq!(
            kinds,
            ["card", "draft", "entry", "instrument", "journal", "plan"].into(),
            "{name}: a tombstone of every kind"
        );
    }
}

#[test]
fn an_export_from_the_previous_release_imports_unchanged() {
    let text = fs::read_to_string(fixture_dir().join(PREVIOUS_RELEASE[0])).expect("export");
    let preview = import::read(text.as_bytes(), NOW).expect("imports");
    let opened = decode(&text).expect("decodes");
    assert_eq!(preview.data, opened.data);
    assert_eq!(preview.exported_at, opened.stamp.written_at);
    // Into an empty device, by either way, it is exactly the file's data.
    for mode in [ImportMode::Merge, ImportMode::Replace] {
        let applied = import::apply(&TendData::default(), &preview.data, mode, NOW);
        let (again, _) = encode_pretty(&applied, opened.stamp.written_at).expect("encodes");
        let mut expected = preview.data.clone();
        if mode == ImportMode::Replace {
            // A replace is dated now, so other tabs take it.
            expected.settings.updated_at = NOW;
        }
        assert_eq!(applied, expected, "{mode:?}");
        if mode == ImportMode::Merge {
            assert_eq!(again, text, "merged into nothing, it writes the same file");
        }
    }
}

#[test]
fn serde_json_still_writes_every_file_as_the_store_has_always_written_it() {
    // `tests/fixtures/json/serde_json_files.json` holds, for every data and
    // definition file in the repository at the time, the FNV-1a hash of
    // serde_json 1.0.154's compact and pretty text of it (null where it
    // refused the file). A later serde_json that wrote any of them
    // differently would change checksums people already have.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let table =
        fs::read_to_string(root.join("tests/fixtures/json/serde_json_files.json")).expect("table");
    let table = json(&table);
    let entries = table.as_object().expect("an object");
    assert!(entries.len() >= 50, "{}", entries.len());
    let hash = |text: &str| format!("fnv1a64:{:016x}", fnv1a64(text.as_bytes()));
    for (path, want) in entries {
        let text = fs::read_to_string(root.join(path)).expect(path);
        match (serde_json::from_str::<Value>(&text), want.as_array()) {
            (Ok(value), Some(hashes)) => {
                let compact = serde_json::to_string(&value).expect("writes");
                let pretty = serde_json::to_string_pretty(&value).expect("writes");
                assert_eq!(
                    Some(hash(&compact).as_str()),
                    hashes[0].as_str(),
                    "{path} compact"
                );
                assert_eq!(
                    Some(hash(&pretty).as_str()),
                    hashes[1].as_str(),
                    "{path} pretty"
                );
            }
            (Err(_), None) => {}
            (got, _) => panic!("{path}: {got:?}, serde_json: {want}"),
        }
    }
}

#[test]
fn serde_json_still_reads_and_writes_every_golden_value_as_before() {
    // `tests/fixtures/json/serde_json.json` holds inputs (strings, escapes,
    // numbers of every spelling, nesting) with what serde_json 1.0.154 wrote
    // for each, compact and pretty, or null where it refused the input.
    // Stored data is checksummed over these spellings, so a later
    // serde_json that spelled any of them differently would break files
    // people already have.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let golden =
        fs::read_to_string(root.join("tests/fixtures/json/serde_json.json")).expect("golden");
    let rows: Vec<(String, Option<String>, Option<String>)> =
        serde_json::from_str(&golden).expect("a list of [input, compact, pretty]");
    assert!(rows.len() > 100, "{}", rows.len());
    let mut wrong = Vec::new();
    for (input, compact, pretty) in &rows {
        let got = serde_json::from_str::<Value>(input).ok().map(|v| {
            (
                serde_json::to_string(&v).unwrap_or_default(),
                serde_json::to_string_pretty(&v).unwrap_or_default(),
            )
        });
        let want = compact.clone().zip(pretty.clone());
        if got != want {
            wrong.push(format!("{input:?}: {got:?}, was {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
