//! Schema migrations: a pipeline of pure functions, each taking the data
//! as one schema version wrote it (as JSON) to the shape of the next.
//!
//! Adding a version: bump [`CURRENT_SCHEMA`], append one [`Migration`] to
//! [`MIGRATIONS`], freeze a fixture of what the old version wrote under
//! `tests/fixtures/store/`, and update the `.expected.json` files. The
//! fixture test fails until every version has its fixture.

use serde_json::{Map, Value};

/// The schema version this build writes.
pub const CURRENT_SCHEMA: u32 = 6;

/// One step of a migration: data as version `from` wrote it, in JSON, to
/// data in version `from + 1`'s shape.
pub type StepFn = fn(Value) -> Result<Value, String>;

/// One schema change.
#[derive(Clone, Copy, Debug)]
pub struct Migration {
    /// The version this step reads; it produces `from + 1`.
    pub from: u32,
    /// What changed, for people reading the code and the test output.
    pub summary: &'static str,
    /// The pure conversion.
    pub step: StepFn,
}

/// Every real migration, oldest first.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        from: 1,
        summary: "add check-ins, pulses, the draft, loaded instruments, \
                  tombstones and restorations; add the check-in interval (14 days)",
        step: v1_to_v2,
    },
    Migration {
        from: 2,
        summary: "add the journal, why-I-do-this-work cards, the practice log, \
                  the plan, its done marks and time off",
        step: v2_to_v3,
    },
    Migration {
        from: 3,
        summary: "store each answer compactly: a scale value as a bare number, \
                  a choice as the bare list of option ids, prefer-not as \"prefer_not\"",
        step: v3_to_v4,
    },
    Migration {
        from: 4,
        summary: "keep the check-ins, pulses, journal and practice log in chunks \
                  under their own keys in the browser's storage (see `store::split`); \
                  the data itself, and an export file, are unchanged",
        step: v4_to_v5,
    },
    Migration {
        from: 5,
        summary: "add a leader's organisation self-checks and kept team pulse codes \
                  (`self_checks`, `team_codes`), each left out while empty: \
                  version 5 data passes through unchanged",
        step: v5_to_v6,
    },
];

/// The fields schema 6 added at the top level. Each is left out while it
/// is empty, so data with neither reads the same in both versions.
pub const V6_FIELDS: [&str; 2] = ["self_checks", "team_codes"];

/// Schema 5 to 6: a leader's organisation self-checks and the team pulse
/// codes they keep. Version 5 had neither, so both start empty, which
/// schema 6 writes by leaving the field out: the data passes through
/// unchanged. The version moves all the same: every record refuses fields
/// it does not know, so an earlier Tend would take data holding the new
/// lists for damage; with the version moved it leaves them alone as newer
/// data. Data that already has one of the new fields is not what version
/// 5 wrote, and is refused.
pub fn v5_to_v6(data: Value) -> Result<Value, String> {
    let obj = data.as_object().ok_or("data is not an object")?;
    for field in V6_FIELDS {
        if obj.contains_key(field) {
            return Err(format!("schema 5 has no field `{field}`"));
        }
    }
    Ok(data)
}

/// Schema 4 to 5: the data is the same; what changed is how the browser's
/// storage holds it (see `store::split`). The version moves so that an
/// earlier Tend, finding the new layout, leaves it alone as newer data
/// instead of reading only part of it.
pub fn v4_to_v5(data: Value) -> Result<Value, String> {
    Ok(data)
}

/// The top-level fields whose records hold answers: lists of records, and
/// the draft (one record or null).
const ANSWER_HOLDERS: [&str; 3] = ["checkins", "pulses", "draft"];

/// Schema 3 to 4: every answer (in the check-ins, the pulses and the
/// draft) from the tagged form schemas 1 to 3 wrote to the compact one:
/// `{"value": 3}` becomes `3`, `{"choices": ["weekly"]}` becomes
/// `["weekly"]`, and `"prefer_not"` stays as it is. An answer in any other
/// form (the compact form included) is not what version 3 wrote, and is
/// refused. Records of the wrong shape are passed on as they are, for the
/// reader to refuse with the field they are in.
pub fn v3_to_v4(mut data: Value) -> Result<Value, String> {
    let obj = data.as_object_mut().ok_or("data is not an object")?;
    for field in ANSWER_HOLDERS {
        match obj.get_mut(field) {
            Some(Value::Array(records)) => {
                for (i, record) in records.iter_mut().enumerate() {
                    compact_answers_of(record).map_err(|e| format!("{field}[{i}]: {e}"))?;
                }
            }
            Some(record) => compact_answers_of(record).map_err(|e| format!("{field}: {e}"))?,
            None => {}
        }
    }
    Ok(data)
}

/// Rewrites the answers of one record (a check-in, a pulse or the draft)
/// in the compact form.
fn compact_answers_of(record: &mut Value) -> Result<(), String> {
    let Some(Value::Object(answers)) = record.get_mut("answers") else {
        return Ok(());
    };
    for (item, answer) in answers.iter_mut() {
        *answer = compact_answer(std::mem::take(answer))
            .map_err(|e| format!("the answer to `{item}` {e}"))?;
    }
    Ok(())
}

/// One answer as schema 3 wrote it (serde's externally tagged form), in
/// the compact form of schema 4.
fn compact_answer(answer: Value) -> Result<Value, String> {
    const NOT_V3: &str = "is not an answer schema 3 wrote";
    match answer {
        Value::String(s) if s == "prefer_not" => Ok(Value::String(s)),
        Value::Object(mut tagged) if tagged.len() == 1 => {
            if let Some(value) = tagged.remove("value") {
                match value.as_i64().map(i32::try_from) {
                    Some(Ok(_)) => Ok(value),
                    _ => Err(format!(
                        "{NOT_V3}: the value {value} is not a whole number in range"
                    )),
                }
            } else if let Some(choices) = tagged.remove("choices") {
                match &choices {
                    Value::Array(ids) if ids.iter().all(Value::is_string) => Ok(choices),
                    _ => Err(format!(
                        "{NOT_V3}: the choices {choices} are not a list of ids"
                    )),
                }
            } else {
                Err(format!("{NOT_V3}: {}", Value::Object(tagged)))
            }
        }
        other => Err(format!("{NOT_V3}: {other}")),
    }
}

/// The fields schema 3 added at the top level. Each is left out while it
/// is empty, so data with none of them reads the same in both versions.
pub const V3_FIELDS: [&str; 6] = [
    "journal",
    "why_cards",
    "practice_log",
    "plan",
    "done",
    "time_off",
];

/// Schema 2 to 3: what the person writes and does between check-ins.
/// Version 2 had none of it, so everything starts empty, which schema 3
/// writes by leaving the field out: the data passes through unchanged.
/// Data that already has one of the new fields is not what version 2
/// wrote, and is refused.
pub fn v2_to_v3(data: Value) -> Result<Value, String> {
    let obj = data.as_object().ok_or("data is not an object")?;
    for field in V3_FIELDS {
        if obj.contains_key(field) {
            return Err(format!("schema 2 has no field `{field}`"));
        }
    }
    Ok(data)
}

/// The fields schema 2 added at the top level, each with the value a
/// person who has none starts with.
const V2_COLLECTIONS: [&str; 6] = [
    "checkins",
    "pulses",
    "draft",
    "instruments",
    "deleted",
    "restored",
];

/// Schema 1 to 2: the person's check-ins and everything around them.
/// Version 1 held settings and the last export time only, so the new
/// collections start empty, there is no draft, and the check-in interval
/// starts at its default of 14 days. Data that already has a field schema
/// 1 never wrote is not what version 1 wrote, and is refused.
pub fn v1_to_v2(mut data: Value) -> Result<Value, String> {
    let obj = data.as_object_mut().ok_or("data is not an object")?;
    for field in V2_COLLECTIONS {
        if obj.contains_key(field) {
            return Err(format!("schema 1 has no field `{field}`"));
        }
        let empty = if field == "draft" {
            Value::Null
        } else {
            Value::Array(Vec::new())
        };
        obj.insert(field.to_string(), empty);
    }
    let settings = obj
        .entry("settings")
        .or_insert_with(|| Value::Object(Map::new()))
        .as_object_mut()
        .ok_or("settings is not an object")?;
    if settings.contains_key("checkin_interval_days") {
        return Err("schema 1 has no setting `checkin_interval_days`".into());
    }
    // The default as it was when schema 2 was made, written out: this step
    // must not change when a later version changes the default.
    settings.insert("checkin_interval_days".to_string(), Value::from(14u64));
    Ok(data)
}

/// Why data could not be brought to the current schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MigrationError {
    /// Version 0 or otherwise not a version Tend ever wrote.
    UnknownVersion(u32),
    /// Written by a newer Tend than this one; it must not be touched.
    Newer {
        /// The version found.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// No step reads this version (a gap in the pipeline).
    NoStep {
        /// The version with no step.
        from: u32,
    },
    /// A step refused the data it was given.
    StepFailed {
        /// The version the failing step reads.
        from: u32,
        /// The step's own explanation, for logs and tests.
        reason: String,
    },
}

impl std::fmt::Display for MigrationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MigrationError::UnknownVersion(v) => write!(f, "schema {v} is not one Tend wrote"),
            MigrationError::Newer { found, supported } => write!(
                f,
                "schema {found} is newer than this version reads ({supported})"
            ),
            MigrationError::NoStep { from } => write!(f, "nothing reads schema {from}"),
            MigrationError::StepFailed { from, reason } => {
                write!(f, "data in schema {from}: {reason}")
            }
        }
    }
}

/// Brings `data`, written at schema `from`, to [`CURRENT_SCHEMA`] with the
/// real [`MIGRATIONS`].
pub fn migrate(data: Value, from: u32) -> Result<Value, MigrationError> {
    migrate_with(data, from, CURRENT_SCHEMA, MIGRATIONS)
}

/// Brings `data` from schema `from` to schema `to` with `steps`. Generic
/// over the steps so the mechanism itself is tested with test-only steps.
pub fn migrate_with(
    mut data: Value,
    from: u32,
    to: u32,
    steps: &[Migration],
) -> Result<Value, MigrationError> {
    if from == 0 {
        return Err(MigrationError::UnknownVersion(from));
    }
    if from > to {
        return Err(MigrationError::Newer {
            found: from,
            supported: to,
        });
    }
    for version in from..to {
        let migration = steps
            .iter()
            .find(|m| m.from == version)
            .ok_or(MigrationError::NoStep { from: version })?;
        data = (migration.step)(data).map_err(|reason| MigrationError::StepFailed {
            from: version,
            reason,
        })?;
    }
    Ok(data)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Parses JSON text written in a test.
    fn json(text: &str) -> Value {
        serde_json::from_str(text).expect("test JSON")
    }

    /// A test-only v1 -> v2 step: moves `settings.region` to the top level
    /// and adds an empty `check_ins` list, as a real step would.
    fn v1_to_v2(mut data: Value) -> Result<Value, String> {
        let obj = data.as_object_mut().ok_or("data is not an object")?;
        let region = obj
            .get_mut("settings")
            .and_then(Value::as_object_mut)
            .and_then(|s| s.remove("region"))
            .unwrap_or(Value::Null);
        obj.insert("region".to_string(), region);
        obj.insert("check_ins".to_string(), Value::Array(Vec::new()));
        Ok(data)
    }

    fn v2_to_v3(mut data: Value) -> Result<Value, String> {
        let obj = data.as_object_mut().ok_or("data is not an object")?;
        obj.insert("journal".to_string(), Value::Array(Vec::new()));
        Ok(data)
    }

    fn refuse(_: Value) -> Result<Value, String> {
        Err("nope".into())
    }

    const TEST_STEPS: &[Migration] = &[
        Migration {
            from: 2,
            summary: "add journal",
            step: v2_to_v3,
        },
        Migration {
            from: 1,
            summary: "move region, add check-ins",
            step: v1_to_v2,
        },
    ];

    /// Versions below `current` that do not have exactly one step, and
    /// steps that read a version outside `1..current`.
    fn pipeline_faults(steps: &[Migration], current: u32) -> Vec<u32> {
        let mut faults: Vec<u32> = (1..current)
            .filter(|v| steps.iter().filter(|m| m.from == *v).count() != 1)
            .collect();
        faults.extend(
            steps
                .iter()
                .map(|m| m.from)
                .filter(|from| *from == 0 || *from >= current),
        );
        faults
    }

    #[test]
    fn real_pipeline_has_one_step_per_version() {
        assert_eq!(
            pipeline_faults(MIGRATIONS, CURRENT_SCHEMA),
            Vec::<u32>::new()
        );
        // The check itself catches gaps and strays.
        assert_eq!(pipeline_faults(TEST_STEPS, 3), Vec::<u32>::new());
        assert_eq!(pipeline_faults(&TEST_STEPS[..1], 3), vec![1]);
        assert_eq!(pipeline_faults(TEST_STEPS, 2), vec![2]);
    }

    #[test]
    fn test_steps_run_in_version_order() {
        let v1 = json(r#"{"settings": {"theme": "dark", "region": "uk-ie"}}"#);
        let v3 = migrate_with(v1, 1, 3, TEST_STEPS).expect("migrates");
        assert_eq!(
            v3,
            json(
                r#"{
                "settings": {"theme": "dark"},
                "region": "uk-ie",
                "check_ins": [],
                "journal": []
            }"#
            )
        );
    }

    #[test]
    fn partial_paths_stop_at_the_target() {
        let v1 = json(r#"{"settings": {}}"#);
        let v2 = migrate_with(v1, 1, 2, TEST_STEPS).expect("migrates");
        assert_eq!(
            v2,
            json(r#"{"settings": {}, "region": null, "check_ins": []}"#)
        );
    }

    #[test]
    fn v1_to_v2_adds_empty_collections_and_the_default_interval() {
        let v1 = json(
            r#"{
            "settings": {"theme": "dark", "updated_at": 5},
            "last_exported_at": 7
        }"#,
        );
        assert_eq!(
            migrate(v1, 1),
            Ok(json(
                r#"{
                "settings": {"theme": "dark", "updated_at": 5, "checkin_interval_days": 14},
                "last_exported_at": 7,
                "checkins": [],
                "pulses": [],
                "draft": null,
                "instruments": [],
                "deleted": [],
                "restored": []
            }"#
            ))
        );
        // Version 1 could leave settings out altogether.
        let bare = migrate(json(r#"{}"#), 1).expect("migrates");
        assert_eq!(bare["settings"], json(r#"{"checkin_interval_days": 14}"#));
    }

    #[test]
    fn v1_to_v2_refuses_what_version_1_never_wrote() {
        for data in [
            json(r#"[]"#),
            json(r#"{"settings": []}"#),
            json(r#"{"settings": {}, "checkins": []}"#),
            json(r#"{"settings": {}, "draft": null}"#),
            json(r#"{"settings": {"checkin_interval_days": 30}}"#),
        ] {
            assert!(
                matches!(
                    migrate(data.clone(), 1),
                    Err(MigrationError::StepFailed { from: 1, .. })
                ),
                "{data}"
            );
        }
    }

    #[test]
    fn v2_to_v3_keeps_version_2_data_as_it_is_and_refuses_what_it_never_wrote() {
        let v2 = json(r#"{"settings": {"theme": "dark"}, "checkins": [], "draft": null}"#);
        assert_eq!(migrate(v2.clone(), 2), Ok(v2));
        for field in V3_FIELDS {
            let data = json(&format!(r#"{{"settings": {{}}, "{field}": []}}"#));
            assert!(
                matches!(
                    migrate(data, 2),
                    Err(MigrationError::StepFailed { from: 2, .. })
                ),
                "{field}"
            );
        }
    }

    #[test]
    fn v5_to_v6_keeps_version_5_data_as_it_is_and_refuses_what_it_never_wrote() {
        let v5 = json(r#"{"settings": {"theme": "dark"}, "checkins": [], "journal": []}"#);
        assert_eq!(migrate(v5.clone(), 5), Ok(v5));
        for field in V6_FIELDS {
            let data = json(&format!(r#"{{"settings": {{}}, "{field}": []}}"#));
            assert!(
                matches!(
                    migrate(data, 5),
                    Err(MigrationError::StepFailed { from: 5, .. })
                ),
                "{field}"
            );
        }
        assert!(migrate(json("[]"), 5).is_err());
    }

    #[test]
    fn v3_to_v4_writes_every_answer_compactly() {
        let v3 = json(
            r#"{
            "settings": {"theme": "dark"},
            "checkins": [
                {"answers": {"a": {"value": -3}, "b": "prefer_not", "c": {"choices": ["x", "y"]}},
                 "id": "c-1"},
                {"answers": {}, "id": "c-2"}
            ],
            "pulses": [{"answers": {"p": {"value": 2147483647}, "q": {"choices": []}}, "id": "p-1"}],
            "draft": {"answers": {"d": {"value": 0}}, "step": 1},
            "instruments": [{"definition": {"scale": {"points": [{"value": 1}]}}}]
        }"#,
        );
        assert_eq!(
            migrate(v3, 3),
            Ok(json(
                r#"{
                "settings": {"theme": "dark"},
                "checkins": [
                    {"answers": {"a": -3, "b": "prefer_not", "c": ["x", "y"]}, "id": "c-1"},
                    {"answers": {}, "id": "c-2"}
                ],
                "pulses": [{"answers": {"p": 2147483647, "q": []}, "id": "p-1"}],
                "draft": {"answers": {"d": 0}, "step": 1},
                "instruments": [{"definition": {"scale": {"points": [{"value": 1}]}}}]
            }"#
            ))
        );
        // No draft, and data with no answers at all, pass through as they are.
        let bare = json(r#"{"settings": {}, "draft": null, "checkins": []}"#);
        assert_eq!(migrate(bare.clone(), 3), Ok(bare));
        assert_eq!(migrate(json(r#"{}"#), 3), Ok(json(r#"{}"#)));
    }

    #[test]
    fn v3_to_v4_refuses_answers_version_3_never_wrote() {
        for answer in [
            // Already compact.
            "3",
            r#"["x"]"#,
            // Not an answer in any form.
            r#""maybe""#,
            "null",
            "{}",
            r#"{"value": 1, "choices": []}"#,
            r#"{"value": "1"}"#,
            r#"{"value": 1.5}"#,
            r#"{"value": 2147483648}"#,
            r#"{"choices": [1]}"#,
            r#"{"choices": "x"}"#,
            r#"{"prefer_not": null}"#,
        ] {
            for holder in [
                format!(r#"{{"checkins": [{{"answers": {{"a": {answer}}}}}]}}"#),
                format!(r#"{{"pulses": [{{"answers": {{"a": {{"value": 1}}, "b": {answer}}}}}]}}"#),
                format!(r#"{{"draft": {{"answers": {{"a": {answer}}}}}}}"#),
            ] {
                assert!(
                    matches!(
                        migrate(json(&holder), 3),
                        Err(MigrationError::StepFailed { from: 3, .. })
                    ),
                    "{holder}"
                );
            }
        }
        assert!(migrate(json("[]"), 3).is_err());
    }

    #[test]
    fn current_data_passes_through_unchanged() {
        let v = json(r#"{"settings": {"theme": "light"}}"#);
        assert_eq!(migrate(v.clone(), CURRENT_SCHEMA), Ok(v));
    }

    #[test]
    fn refusals_are_typed() {
        assert_eq!(
            migrate(json(r#"{}"#), CURRENT_SCHEMA + 1),
            Err(MigrationError::Newer {
                found: CURRENT_SCHEMA + 1,
                supported: CURRENT_SCHEMA
            })
        );
        assert_eq!(
            migrate(json(r#"{}"#), 0),
            Err(MigrationError::UnknownVersion(0))
        );
        assert_eq!(
            migrate_with(json(r#"{}"#), 1, 3, &TEST_STEPS[..1]),
            Err(MigrationError::NoStep { from: 1 })
        );
        let failing = [Migration {
            from: 1,
            summary: "always fails",
            step: refuse,
        }];
        assert_eq!(
            migrate_with(json(r#"{}"#), 1, 2, &failing),
            Err(MigrationError::StepFailed {
                from: 1,
                reason: "nope".into()
            })
        );
    }
}
