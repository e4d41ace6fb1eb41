//! Every schema version Tend ever wrote has frozen fixtures under
//! `tests/fixtures/store/`: `vN.json` (and optionally `vN-<case>.json`) is
//! an envelope exactly as version N wrote it; `vN….expected.json` is the
//! data the current build must read from it. Adding a schema version
//! without its fixture fails here.

#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use tend_core::domain::answer::Answer;
use tend_core::domain::self_check::SelfCheckAnswer;
use tend_core::domain::team;
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
    assert_eq!(CURRENT_SCHEMA, 6);
    let v1 = MIGRATIONS.iter().find(|m| m.from == 1).expect("a v1 step");
    assert!(v1.summary.contains("check-ins"), "{}", v1.summary);
    let v2 = MIGRATIONS.iter().find(|m| m.from == 2).expect("a v2 step");
    for what in ["journal", "plan", "practice", "time off"] {
        assert!(v2.summary.contains(what), "{}", v2.summary);
    }
    let v3 = MIGRATIONS.iter().find(|m| m.from == 3).expect("a v3 step");
    for what in ["answer", "compact", "prefer_not"] {
        assert!(v3.summary.contains(what), "{}", v3.summary);
    }
    let v4 = MIGRATIONS.iter().find(|m| m.from == 4).expect("a v4 step");
    for what in ["chunks", "unchanged"] {
        assert!(v4.summary.contains(what), "{}", v4.summary);
    }
    let v5 = MIGRATIONS.iter().find(|m| m.from == 5).expect("a v5 step");
    for what in ["self-checks", "team pulse codes", "unchanged"] {
        assert!(v5.summary.contains(what), "{}", v5.summary);
    }
    assert!(MIGRATIONS.iter().all(|m| m.from < CURRENT_SCHEMA));
}

#[test]
fn the_v2_fixture_reads_the_same_through_the_real_v2_to_v3_step() {
    let text = fs::read_to_string(fixture_dir().join("v2.json")).expect("v2 fixture");
    let fixture = json(&text);
    let migrated = migrate_with(fixture["data"].clone(), 2, 3, MIGRATIONS).expect("migrates");
    assert_eq!(migrated, fixture["data"]);
}

/// Every answer in some data (check-ins, pulses, the draft), by where it is.
fn answers_in(data: &Value) -> Vec<(String, Value)> {
    let mut found = Vec::new();
    let mut take = |place: String, record: &Value| {
        for (item, answer) in record["answers"].as_object().into_iter().flatten() {
            found.push((format!("{place}/{item}"), answer.clone()));
        }
    };
    for field in ["checkins", "pulses"] {
        for (i, record) in data[field].as_array().into_iter().flatten().enumerate() {
            take(format!("{field}[{i}]"), record);
        }
    }
    if data["draft"].is_object() {
        take("draft".to_string(), &data["draft"]);
    }
    found
}

#[test]
fn the_real_v3_to_v4_step_writes_each_answer_of_the_v2_and_v3_fixtures_compactly() {
    for name in ["v2.json", "v3.json", "v3-previous-release-storage.json"] {
        let text = fs::read_to_string(fixture_dir().join(name)).expect(name);
        let old = json(&text)["data"].clone();
        let new = migrate_with(old.clone(), 3, 4, MIGRATIONS).expect("migrates");
        let (before, after) = (answers_in(&old), answers_in(&new));
        assert!(before.len() >= 8, "{name}: {}", before.len());
        assert_eq!(before.len(), after.len(), "{name}");
        let mut kinds = std::collections::BTreeSet::new();
        for ((place, was), (same_place, now)) in before.iter().zip(&after) {
            assert_eq!(place, same_place, "{name}");
            let want = match was {
                Value::String(s) if s == "prefer_not" => was.clone(),
                Value::Object(tagged) if tagged.len() == 1 => tagged
                    .get("value")
                    .or(tagged.get("choices"))
                    .expect("a tag")
                    .clone(),
                _ => panic!("{name} {place}: {was}"),
            };
            assert_eq!(*now, want, "{name} {place}");
            kinds.insert(match now {
                Value::Number(_) => "value",
                Value::Array(_) => "choices",
                _ => "prefer_not",
            });
        }
        assert_eq!(kinds, ["choices", "prefer_not", "value"].into(), "{name}");
        // Nothing but the answers changed.
        let without = |mut data: Value| {
            for field in ["checkins", "pulses"] {
                for record in data[field].as_array_mut().into_iter().flatten() {
                    record["answers"] = Value::Null;
                }
            }
            if data["draft"].is_object() {
                data["draft"]["answers"] = Value::Null;
            }
            data
        };
        assert_eq!(without(new), without(old), "{name}");
        // Run again on its own output, the step refuses it: it is not what
        // schema 3 wrote.
        let again = migrate_with(
            migrate_with(json(&text)["data"].clone(), 3, 4, MIGRATIONS).expect("migrates"),
            3,
            4,
            MIGRATIONS,
        );
        assert!(again.is_err(), "{name}");
    }
}

/// A test-only v6 -> v7 step, proving the pipeline carries real fixture
/// data past the current version: adds a list of team notes.
fn test_v6_to_v7(mut data: Value) -> Result<Value, String> {
    let obj = data.as_object_mut().ok_or("data is not an object")?;
    obj.insert("team_notes".to_string(), Value::Array(Vec::new()));
    Ok(data)
}

#[test]
fn the_v1_fixture_goes_through_the_real_steps_and_a_test_v6_to_v7_step() {
    let mut steps: Vec<Migration> = MIGRATIONS.to_vec();
    steps.push(Migration {
        from: 6,
        summary: "test: add team notes",
        step: test_v6_to_v7,
    });
    let text = fs::read_to_string(fixture_dir().join("v1.json")).expect("v1 fixture");
    let fixture = json(&text);
    let v7 = migrate_with(fixture["data"].clone(), 1, 7, &steps).expect("migrates");
    assert_eq!(v7["team_notes"], Value::Array(Vec::new()));
    assert_eq!(v7["checkins"], Value::Array(Vec::new()));
    assert_eq!(v7.get("team_codes"), None, "left out while empty");
    assert_eq!(v7["settings"]["checkin_interval_days"].as_u64(), Some(14));
    assert_eq!(v7["settings"]["region"].as_str(), Some("uk-ie"));
    // The real pipeline has no step past the current version.
    assert!(migrate_with(fixture["data"].clone(), 1, 7, MIGRATIONS).is_err());
}

#[test]
fn the_v6_fixture_is_the_v5_data_and_a_leaders_records() {
    let read = |name: &str| {
        let text = fs::read_to_string(fixture_dir().join(name)).expect(name);
        import::read(text.as_bytes(), NOW).expect("reads").data
    };
    let (v5, v6) = (read("v5.json"), read("v6.json"));
    // The v5 data came through the real v5 -> v6 step unchanged.
    let text = fs::read_to_string(fixture_dir().join("v5.json")).expect("v5");
    let data = json(&text)["data"].clone();
    assert_eq!(migrate(data.clone(), 5), Ok(data));
    assert!(v5.self_checks.is_empty() && v5.team_codes.is_empty());

    // Both kinds of self-check, and "don't know".
    assert!(v6.self_checks.iter().any(|c| c.shared));
    assert!(v6.self_checks.iter().any(|c| !c.shared && c.team.is_some()));
    assert!(v6
        .self_checks
        .iter()
        .flat_map(|c| c.answers.values())
        .any(|a| *a == SelfCheckAnswer::DontKnow));
    // Codes in their canonical text, every one of them readable.
    assert!(v6.team_codes.len() >= 3);
    for kept in &v6.team_codes {
        let code = team::decode(&kept.code).expect("a code");
        assert_eq!(team::encode(&code), kept.code);
    }
    // A tombstone of each new kind, and a code pasted again after its
    // removal.
    let kinds = |keys: Vec<&Removed>| -> Vec<String> {
        keys.iter()
            .filter(|k| matches!(k, Removed::TeamCode(_) | Removed::SelfCheck(_)))
            .map(|k| k.to_string())
            .collect()
    };
    let stones = kinds(v6.deleted.iter().map(|t| &t.id).collect());
    assert_eq!(stones, ["team:0f0f0f0f0f", "self-check:sc-mi5aaaaa-0"]);
    let restored = kinds(v6.restored.iter().map(|r| &r.id).collect());
    assert_eq!(restored, ["team:0000000042"]);
    assert!(v6.entry_keys().contains(&Removed::from("team:0000000042")));

    // Everything else is the v5 data as it was.
    let without = |mut d: TendData| {
        d.self_checks.clear();
        d.team_codes.clear();
        let new = |k: &Removed| matches!(k, Removed::TeamCode(_) | Removed::SelfCheck(_));
        d.deleted.retain(|t| !new(&t.id));
        d.restored.retain(|r| !new(&r.id));
        d
    };
    assert_eq!(without(v6), v5);
}

#[test]
fn the_v3_and_v4_fixtures_hold_every_kind_of_entry() {
    for name in ["v3.json", "v4.json", "v5.json", "v6.json"] {
        let text = fs::read_to_string(fixture_dir().join(name)).expect(name);
        let preview = import::read(text.as_bytes(), NOW).expect("reads");
        holds_every_kind_of_entry(&preview.data);
    }
}

fn holds_every_kind_of_entry(d: &TendData) {
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
    // Every kind of answer, in the check-ins and the draft alike.
    let answers = d.checkins.iter().flat_map(|c| c.answers.values());
    let kinds: std::collections::BTreeSet<&str> = answers
        .map(|a| match a {
            Answer::Value(_) => "value",
            Answer::PreferNot => "prefer_not",
            Answer::Choices(_) => "choices",
        })
        .collect();
    assert_eq!(kinds, ["choices", "prefer_not", "value"].into());
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
    let newest = format!("v{CURRENT_SCHEMA}.json");
    let text = fs::read_to_string(fixture_dir().join(&newest)).expect(&newest);
    let opened = decode(&text).expect("decodes");
    assert_eq!(opened.schema, CURRENT_SCHEMA);
    let (pretty, stamp) = encode_pretty(&opened.data, opened.stamp.written_at).expect("encodes");
    assert_eq!(pretty, text.trim_end());
    assert_eq!(stamp, opened.stamp);
    // Compact: the same envelope with no whitespace, its data canonical.
    let (compact, _) = encode(&opened.data, opened.stamp.written_at).expect("encodes");
    let value = json(&text);
    assert!(compact.starts_with(&format!(
        r#"{{"format":"tend","schema":{CURRENT_SCHEMA},"written_at":"#
    )));
    assert!(compact.ends_with(&format!(r#","data":{}}}"#, value["data"])));
}

/// Files the release before serde wrote, in schema 3: an export
/// (indented, as downloaded) and the envelope it kept in storage
/// (compact). Both hold every kind of record, removal and restoration.
const PREVIOUS_RELEASE: [&str; 2] = [
    "v3-previous-release-export.json",
    "v3-previous-release-storage.json",
];

/// The envelope a schema-3 file becomes when this build writes its data
/// back at the same time: the same data, its answers rewritten by the
/// real v3 -> v4 step (nothing else changes), with its checksum, in the
/// current schema.
fn rewritten_by_this_build(text: &str) -> Value {
    let old = json(text);
    assert_eq!(old["schema"].as_u64(), Some(3));
    let data = migrate(old["data"].clone(), 3).expect("migrates");
    serde_json::json!({
        "format": "tend",
        "schema": CURRENT_SCHEMA,
        "written_at": old["written_at"],
        "checksum": checksum(&data),
        "data": data,
    })
}

#[test]
fn what_the_previous_release_wrote_opens_and_is_written_back_in_the_current_schema() {
    for name in PREVIOUS_RELEASE {
        let text = fs::read_to_string(fixture_dir().join(name)).expect(name);
        let opened = decode(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(opened.schema, 3, "{name}");
        let at = opened.stamp.written_at;
        let write = |data: &TendData| {
            if name.contains("export") {
                encode_pretty(data, at)
            } else {
                encode(data, at)
            }
            .expect("encodes")
        };
        let (written, stamp) = write(&opened.data);
        // The previous release wrote schema 3; written back, it is the
        // same data in the current schema (answers compact), in the same
        // layout, and it reads back to exactly the same data.
        let want = rewritten_by_this_build(&text);
        assert_eq!(json(&written), want, "{name}");
        assert_eq!(stamp.written_at, at, "{name}");
        assert_eq!(Some(stamp.checksum.as_str()), want["checksum"].as_str());
        assert_eq!(
            written.contains('\n'),
            text.trim_end().contains('\n'),
            "{name}: indented as it was"
        );
        let reopened = decode(&written).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(reopened.schema, CURRENT_SCHEMA, "{name}");
        assert_eq!(reopened.data, opened.data, "{name}");
        assert_eq!(reopened.stamp, stamp, "{name}");
        // From then on it is written back byte for byte.
        let (again, again_stamp) = write(&reopened.data);
        assert_eq!(again, written, "{name}");
        assert_eq!(again_stamp, stamp, "{name}");
        assert!(written.len() < text.len(), "{name}: smaller than it was");
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
            Removed::TeamCode(_) => "team code",
            Removed::SelfCheck(_) => "self-check",
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
            // The previous release wrote schema 3: merged into nothing,
            // this build writes the same file with its answers compact.
            assert_eq!(
                json(&again),
                rewritten_by_this_build(&text),
                "merged into nothing, it writes the same data as the file"
            );
            assert_eq!(decode(&again).expect("decodes").data, preview.data);
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

/// The first schema that laid the browser's storage out in chunks.
const FIRST_LAYOUT: u32 = 5;

/// The browser's storage as schema `version` laid it out, frozen in
/// `tests/fixtures/store-layout/v{version}.json` (every key and its text),
/// with the data it holds: that of the store fixture `v{version}.json`.
fn layout(version: u32) -> (std::collections::BTreeMap<String, String>, TendData) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/store-layout/v{version}.json"));
    let frozen = serde_json::from_str(
        &fs::read_to_string(&path).unwrap_or_else(|_| panic!("{}", path.display())),
    )
    .expect("a map of keys to texts");
    let (_, _, expected) = fixtures(version)
        .into_iter()
        .find(|(p, _, _)| p.ends_with(format!("v{version}.json")))
        .expect("the version's fixture");
    (frozen, expected)
}

/// The browser's storage as this version lays it out (`store::split`): the
/// head under the data key and each chunk under its own, frozen in
/// `tests/fixtures/store-layout/v{CURRENT_SCHEMA}.json` (every key and its
/// text) from the newest fixture's data. This version must still read it
/// and every earlier version's layout, and must still write its own.
#[test]
fn the_store_layout_of_this_version_is_frozen_and_still_read() {
    use tend_core::store::vault::{Backend, MemoryBackend, Saved, Vault};
    use tend_core::store::Namespace;
    for version in FIRST_LAYOUT..=CURRENT_SCHEMA {
        let (frozen, expected) = layout(version);
        let mut store = MemoryBackend::new();
        for (key, text) in &frozen {
            store.set(key, text).expect("sets");
        }
        let head = json(&frozen["tend:data"]);
        assert_eq!(head["schema"].as_u64(), Some(u64::from(version)));
        let (mut vault, data) = Vault::open(Ok(store.clone()), Namespace::default(), NOW);
        assert_eq!(data, expected, "v{version}");
        assert!(vault.recovered().is_empty(), "v{version}");
        assert!(frozen.keys().any(|k| k.starts_with("tend:part:")));
        if version < CURRENT_SCHEMA {
            // Written back in this schema, it reads the same; its chunks,
            // whose text has not changed, stay as they were.
            let mut changed = data.clone();
            changed.settings.updated_at += 1;
            assert_eq!(vault.save(&changed, NOW), Ok(Saved::Written));
            let after = store.snapshot();
            assert_eq!(
                json(&after["tend:data"])["schema"].as_u64(),
                Some(u64::from(CURRENT_SCHEMA))
            );
            for (key, text) in frozen.iter().filter(|(k, _)| k.starts_with("tend:part:")) {
                assert_eq!(after.get(key), Some(text), "v{version}: {key}");
            }
            let (_, reopened) = Vault::open(Ok(store.clone()), Namespace::default(), NOW);
            assert_eq!(reopened, changed, "v{version}");
        }
    }

    let (frozen, expected) = layout(CURRENT_SCHEMA);
    let fresh = MemoryBackend::new();
    let (mut writer, _) = Vault::open(Ok(fresh.clone()), Namespace::default(), NOW);
    let written_at = json(&frozen["tend:data"])["written_at"]
        .as_i64()
        .expect("written_at");
    assert_eq!(writer.save(&expected, written_at), Ok(Saved::Written));
    assert_eq!(fresh.snapshot(), frozen);
}
