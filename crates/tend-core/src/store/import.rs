//! Reading an export file back in: every check a file must pass before it
//! may touch the person's data, a preview of what it holds, and applying it
//! by merge or replace. A refused file changes nothing.

use super::data::{EntryCounts, Removed, Restoration, TendData, Tombstone};
use super::envelope::{self, DecodeError};
use super::merge::merge;
use super::migrate::MigrationError;
use crate::time::DAY_MS;

use super::vault::STORAGE_QUOTA_UNITS;

/// The largest file Tend will read: 16 MiB, above the export of the most
/// Tend can store, so that a backup always restores. Stored data is at
/// most [`STORAGE_QUOTA_UNITS`] UTF-16 code units (5 MiB). As UTF-8 a
/// unit takes at most 3 bytes (a character outside ASCII in what the
/// person wrote; a pair of units, 4), which is 15 MiB; the indentation
/// of an export adds less than that to Tend's own records (a check-in,
/// the most deeply nested, takes about 2.4 bytes a stored unit once
/// indented). `tests/scale.rs` checks both against each kind of record.
pub const MAX_IMPORT_BYTES: u64 = 16 * 1024 * 1024;

const _: () = assert!(MAX_IMPORT_BYTES >= 3 * STORAGE_QUOTA_UNITS);

/// The deepest nesting of arrays and objects a file may have. Tend's own
/// data is a handful of levels deep.
pub const MAX_DEPTH: usize = 32;

/// The most records of one kind (check-ins, pulses, journal entries, done
/// marks…) a file may hold: more than a store at [`STORAGE_QUOTA_UNITS`]
/// can hold of the smallest record Tend writes (a practice use without
/// ratings, about 60 code units), so no export of data Tend kept is
/// refused. Real use stays far below it, though not always below the
/// 20,000 it once was: ten years of daily practice is 3,650 uses, but six
/// daily plan items ticked every day for ten years are 22,000 done marks.
/// It bounds the work a crafted file can make an import do.
pub const MAX_RECORDS: usize = 120_000;

/// The most tombstones (and, apart, restorations) a file may hold: as for
/// [`MAX_RECORDS`], more than a store at the quota can hold of the
/// smallest Tend writes (about 50 code units). Each is one thing the
/// person removed, or one entry an import that replaced everything took
/// away; nobody gets near it, but a refused backup is worse than a long
/// import.
pub const MAX_REMOVALS: usize = 120_000;

/// How far past the clock an imported time may be. A little slack for
/// another device's clock running ahead; anything later is taken as now,
/// or it would win every merge and put off every reminder for good.
pub const MAX_CLOCK_AHEAD_MS: i64 = DAY_MS;

/// Why a file was refused. Each one is shown to the person in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file is empty.
    Empty,
    /// The file is over [`MAX_IMPORT_BYTES`].
    TooLarge {
        /// The file's size in bytes.
        bytes: u64,
    },
    /// The file is not text (not UTF-8).
    NotText,
    /// Arrays or objects nest deeper than [`MAX_DEPTH`].
    TooDeep,
    /// Text, but not JSON.
    NotJson,
    /// JSON, but not a file Tend exported.
    NotTendExport,
    /// Exported by a newer version of Tend than this one.
    Newer {
        /// The file's schema version.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// The checksum does not match: the file was changed or damaged.
    Damaged,
    /// A Tend file whose data has the wrong types or fields.
    WrongShape {
        /// What is wrong, in the reader's words: which field, and for a
        /// file in the current schema, on which line and column.
        detail: String,
    },
    /// A Tend file holding far more records of one kind than any real
    /// export (see [`MAX_RECORDS`] and [`MAX_REMOVALS`]).
    TooMany {
        /// Which kind, as the file names it (`deleted`, `checkins`…).
        what: &'static str,
        /// How many the file holds.
        found: usize,
        /// The most that may be imported.
        limit: usize,
    },
}

/// What a file holds, checked and ready to apply.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    /// The data in the file, in the current schema.
    pub data: TendData,
    /// When the file was written (ms since the epoch).
    pub exported_at: i64,
    /// The schema version the file was written in.
    pub schema: u32,
}

impl ImportPreview {
    /// Whether merging would take the file's settings rather than keep the
    /// current ones (the newer side wins).
    pub fn merge_takes_file_settings(&self, current: &TendData) -> bool {
        self.data.settings.updated_at > current.settings.updated_at
    }

    /// What the file holds: check-ins, pulses, loaded instruments, and
    /// whether it has a check-in in progress.
    pub fn counts(&self) -> EntryCounts {
        self.data.counts()
    }

    /// What merging the file into `current` would change, so the person
    /// can see it before choosing.
    pub fn merge_changes(&self, current: &TendData) -> MergeChanges {
        let merged = merge(current, &self.data);
        let before = current.entry_keys();
        let after = merged.entry_keys();
        let new = |key: Removed| !before.contains(&key);
        MergeChanges {
            new_checkins: merged
                .checkins
                .iter()
                .filter(|c| new(Removed::entry(&c.id)))
                .count(),
            new_pulses: merged
                .pulses
                .iter()
                .filter(|p| new(Removed::entry(&p.id)))
                .count(),
            new_instruments: merged
                .instruments
                .iter()
                .filter(|i| new(Removed::Instrument(i.id.clone())))
                .count(),
            removed: before.difference(&after).count(),
        }
    }
}

/// What merging a file would change in the current data.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeChanges {
    /// Check-ins in the file that are not here yet.
    pub new_checkins: usize,
    /// Pulses in the file that are not here yet.
    pub new_pulses: usize,
    /// Loaded instruments in the file that are not here yet.
    pub new_instruments: usize,
    /// Entries here (check-ins, pulses, loaded instruments, self-checks,
    /// kept team codes) that the file records as removed (on another
    /// device, or in another tab), which merging removes here too.
    pub removed: usize,
}

/// How an import is applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    /// Keep the newer side of each part (see [`merge`]).
    Merge,
    /// Replace everything with the file's data.
    Replace,
}

/// Refuses a file by its size alone, before it is read into memory.
pub fn check_size(bytes: u64) -> Result<(), ImportError> {
    if bytes == 0 {
        Err(ImportError::Empty)
    } else if bytes > MAX_IMPORT_BYTES {
        Err(ImportError::TooLarge { bytes })
    } else {
        Ok(())
    }
}

/// The deepest nesting of arrays and objects in JSON `text`, counted
/// without parsing (brackets inside strings do not count). Stops counting
/// once past `limit`.
pub fn nesting_depth(text: &str, limit: usize) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for b in text.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
                if deepest > limit {
                    return deepest;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Checks the bytes of a file and, if they are a Tend export this build
/// can read, returns what it holds. Any time in it later than `now` (ms
/// since the epoch) by more than [`MAX_CLOCK_AHEAD_MS`] is taken as `now`.
pub fn read(bytes: &[u8], now: i64) -> Result<ImportPreview, ImportError> {
    check_size(bytes.len() as u64)?;
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    // A byte-order mark is what some editors add when saving; it is not
    // damage.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if nesting_depth(text, MAX_DEPTH) > MAX_DEPTH {
        return Err(ImportError::TooDeep);
    }
    let opened = envelope::decode_as_written(text).map_err(|e| match e {
        DecodeError::NotJson => ImportError::NotJson,
        DecodeError::NotAnEnvelope => ImportError::NotTendExport,
        DecodeError::Newer { found, supported } => ImportError::Newer { found, supported },
        DecodeError::ChecksumMismatch => ImportError::Damaged,
        DecodeError::Migration(MigrationError::Newer { found, supported }) => {
            ImportError::Newer { found, supported }
        }
        DecodeError::Migration(MigrationError::UnknownVersion(_)) => ImportError::NotTendExport,
        DecodeError::Migration(e) => ImportError::WrongShape {
            detail: e.to_string(),
        },
        DecodeError::WrongShape(detail) => ImportError::WrongShape { detail },
    })?;
    let mut data = opened.data;
    check_counts(&data)?;
    let latest = now.saturating_add(MAX_CLOCK_AHEAD_MS);
    for at in data.times_mut() {
        if *at > latest {
            *at = now;
        }
    }
    data.normalise();
    Ok(ImportPreview {
        data,
        exported_at: opened.stamp.written_at.min(latest),
        schema: opened.schema,
    })
}

/// Refuses data holding more of one kind than [`MAX_RECORDS`] or
/// [`MAX_REMOVALS`], before any work is done on it.
fn check_counts(data: &TendData) -> Result<(), ImportError> {
    let counts = [
        ("checkins", data.checkins.len(), MAX_RECORDS),
        ("pulses", data.pulses.len(), MAX_RECORDS),
        ("instruments", data.instruments.len(), MAX_RECORDS),
        ("journal", data.journal.len(), MAX_RECORDS),
        ("why_cards", data.why_cards.len(), MAX_RECORDS),
        ("practice_log", data.practice_log.len(), MAX_RECORDS),
        ("plan", data.plan.len(), MAX_RECORDS),
        ("done", data.done.len(), MAX_RECORDS),
        ("self_checks", data.self_checks.len(), MAX_RECORDS),
        ("team_codes", data.team_codes.len(), MAX_RECORDS),
        ("deleted", data.deleted.len(), MAX_REMOVALS),
        ("restored", data.restored.len(), MAX_REMOVALS),
    ];
    match counts.into_iter().find(|(_, found, limit)| found > limit) {
        Some((what, found, limit)) => Err(ImportError::TooMany { what, found, limit }),
        None => Ok(()),
    }
}

/// The data after applying `incoming` to `current`.
///
/// A replace is dated `now` so that other open tabs, still holding the
/// current data, take it rather than undo it when they merge: the settings
/// count as changed now; everything current holds that the file does not
/// gets a tombstone, and so does a current draft the file does not have;
/// anything in the file that current had removed gets a restoration.
/// Current's record of removals is kept.
pub fn apply(current: &TendData, incoming: &TendData, mode: ImportMode, now: i64) -> TendData {
    match mode {
        ImportMode::Merge => merge(current, incoming),
        ImportMode::Replace => replace(current, incoming, now),
    }
}

fn replace(current: &TendData, incoming: &TendData, now: i64) -> TendData {
    let mut data = incoming.clone();
    data.settings.updated_at = now.max(current.settings.updated_at.saturating_add(1));
    data.last_exported_at = incoming.last_exported_at.max(current.last_exported_at);
    // Every time this decides by must come after any current one.
    let stamp = current
        .deleted
        .iter()
        .map(|t| t.deleted_at)
        .chain(current.restored.iter().map(|r| r.restored_at))
        .chain(current.draft.as_ref().map(|d| d.updated_at))
        .fold(now, |at, t| at.max(t.saturating_add(1)));

    let kept = data.entry_keys();
    let removed_here = current.removed_keys();
    data.deleted.extend(current.deleted.iter().cloned());
    data.restored.extend(current.restored.iter().cloned());
    for key in current.entry_keys().difference(&kept) {
        data.deleted.push(Tombstone {
            id: key.clone(),
            deleted_at: stamp,
        });
    }
    for key in kept.intersection(&removed_here) {
        data.restored.push(Restoration {
            id: key.clone(),
            restored_at: stamp,
        });
    }
    if let Some(draft) = &current.draft {
        if data.draft.as_ref().map(|d| d.started_at) != Some(draft.started_at) {
            data.deleted.push(Tombstone {
                id: Removed::Draft(draft.started_at),
                deleted_at: stamp,
            });
        }
    }
    data.normalise();
    data
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::answer::{Answer, Answers};
    use crate::store::checksum::checksum;
    use crate::store::data::{CheckIn, LoadedInstrument, Pulse, Settings, TextSize, Theme};
    use serde_json::Value;

    /// The clock at which the tests import: after every time in them.
    const NOW: i64 = 1_800_000_000_000;
    use crate::store::envelope::encode_pretty;
    use crate::store::migrate::CURRENT_SCHEMA;

    /// Parses JSON text written in a test.
    fn json(text: &str) -> Value {
        serde_json::from_str(text).expect("test JSON")
    }

    fn sample() -> TendData {
        TendData {
            settings: Settings {
                theme: Theme::Dark,
                text_size: TextSize::Large,
                language: Some("en".into()),
                region: Some("uk-ie".into()),
                checkin_interval_days: 21,
                updated_at: 1_700_000_000_000,
            },
            last_exported_at: Some(1_700_000_000_500),
            checkins: vec![
                checkin("c1", 1_699_000_000_000),
                checkin("c2", 1_699_500_000_000),
            ],
            pulses: vec![Pulse {
                id: "p1".into(),
                completed_at: 1_699_600_000_000,
                answers: Answers::from([("pulse-edge".to_string(), Answer::Value(1))]),
            }],
            instruments: vec![LoadedInstrument {
                id: "org".into(),
                added_at: 1_698_000_000_000,
                json: "{\"id\":\"org\"}".into(),
            }],
            ..TendData::default()
        }
    }

    fn checkin(id: &str, at: i64) -> CheckIn {
        CheckIn {
            id: id.into(),
            instrument_id: "tend".into(),
            instrument_version: "1".into(),
            completed_at: at,
            answers: Answers::from([("int-images".to_string(), Answer::Value(2))]),
        }
    }

    fn envelope_with(data: Value, schema: u32) -> String {
        serde_json::json!({
            "format": "tend",
            "schema": schema,
            "written_at": 5,
            "checksum": checksum(&data),
            "data": data,
        })
        .to_string()
    }

    #[test]
    fn an_export_reads_back() {
        let (text, _) = encode_pretty(&sample(), 42).expect("encodes");
        let preview = read(text.as_bytes(), NOW).expect("reads");
        assert_eq!(preview.data, sample());
        assert_eq!(preview.exported_at, 42);
        assert_eq!(preview.schema, CURRENT_SCHEMA);
        let with_bom = format!("\u{feff}{text}");
        assert_eq!(read(with_bom.as_bytes(), NOW).map(|p| p.data), Ok(sample()));
    }

    #[test]
    fn oversize_files_are_refused_before_and_after_reading() {
        assert_eq!(
            check_size(MAX_IMPORT_BYTES + 1),
            Err(ImportError::TooLarge {
                bytes: MAX_IMPORT_BYTES + 1
            })
        );
        assert_eq!(check_size(MAX_IMPORT_BYTES), Ok(()));
        assert_eq!(check_size(0), Err(ImportError::Empty));
        // A valid export padded with whitespace past the limit.
        let (text, _) = encode_pretty(&sample(), 1).expect("encodes");
        let padded = format!("{text}{}", " ".repeat(MAX_IMPORT_BYTES as usize));
        assert_eq!(
            read(padded.as_bytes(), NOW),
            Err(ImportError::TooLarge {
                bytes: padded.len() as u64
            })
        );
        assert_eq!(read(b"", NOW), Err(ImportError::Empty));
    }

    #[test]
    fn deep_nesting_is_refused() {
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(read(deep.as_bytes(), NOW), Err(ImportError::TooDeep));
        // Deep enough to overflow a naive recursive parser.
        let deeper = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(read(deeper.as_bytes(), NOW), Err(ImportError::TooDeep));
        // Nesting inside the data of a real envelope is caught the same way.
        let mut nested = Value::from(1u64);
        for _ in 0..MAX_DEPTH {
            nested = serde_json::json!({ "x": nested });
        }
        let text = envelope_with(serde_json::json!({ "settings": nested }), 1);
        assert_eq!(read(text.as_bytes(), NOW), Err(ImportError::TooDeep));
    }

    #[test]
    fn brackets_inside_strings_do_not_count_as_nesting() {
        assert_eq!(nesting_depth(r#"{"a":"[[[[{{{\"[["}"#, 64), 1);
        assert_eq!(nesting_depth(r#"[[],[[]]]"#, 64), 3);
        assert_eq!(nesting_depth("[[[[[", 2), 3);
    }

    #[test]
    fn wrong_types_are_refused() {
        for data in [
            json(r#"{"settings": {"theme": 5}}"#),
            json(r#"{"settings": {"theme": "purple"}}"#),
            json(r#"{"settings": {"updated_at": "yesterday"}}"#),
            json(r#"{"settings": []}"#),
            json(r#"{"settings": {}, "unexpected": true}"#),
            json(r#"[]"#),
        ] {
            assert!(
                matches!(
                    read(envelope_with(data.clone(), 1).as_bytes(), NOW),
                    Err(ImportError::WrongShape { .. })
                ),
                "{data}"
            );
        }
    }

    #[test]
    fn other_files_are_refused() {
        assert_eq!(read(b"[1, 2, 3]", NOW), Err(ImportError::NotTendExport));
        assert_eq!(
            read(br#"{"format":"other","schema":1}"#, NOW),
            Err(ImportError::NotTendExport)
        );
        assert_eq!(
            read(envelope_with(json(r#"{}"#), 0).as_bytes(), NOW),
            Err(ImportError::NotTendExport)
        );
        assert_eq!(
            read(b"hello, this is a letter", NOW),
            Err(ImportError::NotJson)
        );
        assert_eq!(
            read(b"{\"format\": \"tend\"", NOW),
            Err(ImportError::NotJson)
        );
    }

    #[test]
    fn newer_versions_are_refused() {
        let text = envelope_with(
            json(r#"{"settings": {}, "check_ins": []}"#),
            CURRENT_SCHEMA + 1,
        );
        assert_eq!(
            read(text.as_bytes(), NOW),
            Err(ImportError::Newer {
                found: CURRENT_SCHEMA + 1,
                supported: CURRENT_SCHEMA
            })
        );
    }

    #[test]
    fn changed_files_are_refused_as_damaged() {
        let (text, _) = encode_pretty(&sample(), 1).expect("encodes");
        let edited = text.replace("\"dark\"", "\"light\"");
        assert_ne!(edited, text);
        assert_eq!(read(edited.as_bytes(), NOW), Err(ImportError::Damaged));
    }

    #[test]
    fn garbage_bytes_are_refused() {
        assert_eq!(
            read(&[0xff, 0xfe, 0x00, 0x9f, 0x92, 0x96], NOW),
            Err(ImportError::NotText)
        );
        assert_eq!(read(&[0x00, 0x01, 0x02], NOW), Err(ImportError::NotJson));
        // A PNG header: binary, not text.
        assert_eq!(
            read(&[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a], NOW),
            Err(ImportError::NotText)
        );
    }

    #[test]
    fn merge_keeps_the_newer_settings_and_replace_takes_the_file() {
        let current = TendData {
            settings: Settings {
                theme: Theme::Light,
                updated_at: 2_000_000_000_000,
                ..Settings::default()
            },
            ..TendData::default()
        };
        let file = sample();
        let preview = ImportPreview {
            data: file.clone(),
            exported_at: 1,
            schema: 1,
        };
        assert!(!preview.merge_takes_file_settings(&current));
        let merged = apply(&current, &file, ImportMode::Merge, 3_000_000_000_000);
        assert_eq!(merged.settings, current.settings);
        assert_eq!(merged.last_exported_at, file.last_exported_at);

        let replaced = apply(&current, &file, ImportMode::Replace, 3_000_000_000_000);
        assert_eq!(replaced.settings.theme, Theme::Dark);
        assert_eq!(replaced.settings.region.as_deref(), Some("uk-ie"));
        // Dated now, so other tabs' older-dated settings do not undo it.
        assert_eq!(replaced.settings.updated_at, 3_000_000_000_000);
        assert_eq!(
            merge(&current, &replaced).settings,
            replaced.settings,
            "a tab still holding the old settings takes the replaced ones"
        );
    }

    #[test]
    fn a_preview_counts_what_the_file_holds() {
        let preview = read(
            encode_pretty(&sample(), 1).expect("encodes").0.as_bytes(),
            NOW,
        )
        .expect("reads");
        assert_eq!(
            preview.counts(),
            EntryCounts {
                checkins: 2,
                pulses: 1,
                instruments: 1,
                draft: false
            }
        );
        let empty = ImportPreview {
            data: TendData::default(),
            exported_at: 1,
            schema: CURRENT_SCHEMA,
        };
        assert_eq!(empty.counts(), EntryCounts::default());
    }

    #[test]
    fn a_preview_says_what_merging_would_change() {
        let file = sample();
        let preview = ImportPreview {
            data: file.clone(),
            exported_at: 1,
            schema: CURRENT_SCHEMA,
        };
        // Nothing here yet: everything in the file is new.
        assert_eq!(
            preview.merge_changes(&TendData::default()),
            MergeChanges {
                new_checkins: 2,
                new_pulses: 1,
                new_instruments: 1,
                removed: 0
            }
        );
        // Here: c1 and a check-in the file recorded as removed.
        let current = TendData {
            checkins: vec![checkin("c1", 1_699_000_000_000), checkin("gone", 5)],
            ..TendData::default()
        };
        let mut file_with_removal = file.clone();
        file_with_removal.deleted.push(Tombstone {
            id: "gone".into(),
            deleted_at: 6,
        });
        let preview = ImportPreview {
            data: file_with_removal,
            ..preview
        };
        assert_eq!(
            preview.merge_changes(&current),
            MergeChanges {
                new_checkins: 1,
                new_pulses: 1,
                new_instruments: 1,
                removed: 1
            }
        );
    }

    #[test]
    fn merging_a_file_adds_its_entries_and_respects_its_removals() {
        let mut current = TendData {
            checkins: vec![checkin("here", 10), checkin("c1", 1_699_000_000_000)],
            ..TendData::default()
        };
        current.add_pulse(Pulse {
            id: "p-here".into(),
            completed_at: 20,
            answers: Answers::new(),
        });
        let mut file = sample();
        file.deleted.push(Tombstone {
            id: "p-here".into(),
            deleted_at: 30,
        });
        let merged = apply(&current, &file, ImportMode::Merge, 99);
        let ids: Vec<&str> = merged.checkins.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["here", "c1", "c2"]);
        let ids: Vec<&str> = merged.pulses.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["p1"]);
        assert_eq!(merged.instruments.len(), 1);
    }

    #[test]
    fn a_replace_is_not_undone_by_a_tab_holding_the_old_data() {
        let mut current = TendData {
            checkins: vec![checkin("old", 10), checkin("c1", 1_699_000_000_000)],
            ..TendData::default()
        };
        current.start_draft("tend", "1", 2_000_000_000_000);
        current.add_instrument("mine", "{}", 50);
        // c2 was deleted here but is in the file.
        let mut file = sample();
        let mut with_c2 = current.clone();
        with_c2.add_checkin(checkin("c2", 1_699_500_000_000));
        let deleted = with_c2.delete_entry("c2", 60).expect("c2 is there");
        current.deleted.push(deleted.tombstone);
        file.settings.updated_at = 1;

        let now = 3_000_000_000_000;
        let replaced = apply(&current, &file, ImportMode::Replace, now);
        let keys: std::collections::BTreeSet<String> = replaced
            .entry_keys()
            .iter()
            .map(Removed::to_string)
            .collect();
        assert_eq!(
            keys,
            ["c1", "c2", "instrument:org", "p1"]
                .map(String::from)
                .into()
        );
        assert_eq!(replaced.draft, None);

        // Another tab still holds the old data, and merges both ways.
        for merged in [merge(&current, &replaced), merge(&replaced, &current)] {
            assert_eq!(merged.entry_keys(), replaced.entry_keys());
            assert_eq!(merged.draft, None, "the old draft stays gone");
            assert_eq!(merged.settings, replaced.settings);
        }
    }

    #[test]
    fn a_replace_keeps_the_files_draft() {
        let mut file = sample();
        file.start_draft("tend", "1", 1_800_000_000_000);
        let mut current = TendData::default();
        current.start_draft("tend", "1", 1_900_000_000_000);
        let replaced = apply(&current, &file, ImportMode::Replace, 2_000_000_000_000);
        assert_eq!(replaced.draft, file.draft);
        assert_eq!(merge(&current, &replaced).draft, file.draft);
    }

    /// An envelope of `data` as the current release writes it, compact so
    /// that many records fit in a file.
    fn export(data: &TendData) -> Vec<u8> {
        crate::store::envelope::encode(data, 1)
            .expect("encodes")
            .0
            .into_bytes()
    }

    #[test]
    fn a_file_holding_more_than_anyone_keeps_is_refused() {
        let mut data = TendData {
            deleted: (0..=MAX_REMOVALS as i64)
                .map(|n| Tombstone {
                    id: Removed::entry(&format!("c{n}")),
                    deleted_at: n,
                })
                .collect(),
            ..TendData::default()
        };
        // Through the whole of reading once; the limits themselves below,
        // as a file of a hundred thousand records is slow to make in a
        // debug build.
        assert_eq!(
            read(&export(&data), NOW),
            Err(ImportError::TooMany {
                what: "deleted",
                found: MAX_REMOVALS + 1,
                limit: MAX_REMOVALS
            })
        );
        data.deleted.pop();
        assert_eq!(check_counts(&data), Ok(()), "at the limit");

        let mut pulses = TendData::default();
        for n in 0..=MAX_RECORDS {
            pulses.pulses.push(Pulse {
                id: format!("p{n}"),
                completed_at: 1,
                answers: Answers::new(),
            });
        }
        assert_eq!(
            check_counts(&pulses),
            Err(ImportError::TooMany {
                what: "pulses",
                found: MAX_RECORDS + 1,
                limit: MAX_RECORDS
            })
        );
    }

    /// A leader's records: two self-checks (their own and one shared with
    /// them) and two team codes.
    fn leaders_records(at: i64) -> TendData {
        use crate::domain::self_check::record::{SelfCheckAnswer, SelfCheckAnswers};
        use crate::domain::team::{self, Bands, Field, Month, TeamCode};
        let month = Month::at(1_764_300_000_000, 0).expect("a month");
        let mut d = sample();
        for (id, shared) in [("sc-mine", false), ("sc-theirs", true)] {
            d.save_self_check(crate::store::data::SelfCheck {
                answers: SelfCheckAnswers::from([(
                    "res-induction".to_string(),
                    SelfCheckAnswer::DontKnow,
                )]),
                completed_at: at,
                id: id.into(),
                instrument_id: "tend-org".into(),
                instrument_version: "1".into(),
                shared,
                team: Some("Nights".into()),
            });
        }
        for nonce in [1, 2] {
            let code = team::encode(&TeamCode::new(Bands::default(), Field::Other, month, nonce));
            d.keep_team_code(&code, at).expect("a code");
        }
        d
    }

    #[test]
    fn a_file_with_a_leaders_records_imports_by_merge_and_by_replace() {
        let file = leaders_records(1_764_300_000_000);
        let (text, _) = encode_pretty(&file, 1_764_400_000_000).expect("encodes");
        let preview = read(text.as_bytes(), NOW).expect("reads");
        assert_eq!(preview.data, file);
        assert_eq!(preview.data.self_checks.len(), 2);
        assert_eq!(preview.data.team_codes.len(), 2);

        // Here: one of the codes, removed, and a self-check of our own.
        let mut current = leaders_records(1_764_300_000_000);
        current.self_checks.retain(|c| c.id == "sc-mine");
        let gone = current.team_codes[0].code.clone();
        assert!(current.remove_team_code(&gone, 1_764_350_000_000));
        let merged = apply(&current, &preview.data, ImportMode::Merge, NOW);
        assert_eq!(merged.self_checks.len(), 2, "the shared one comes in");
        assert_eq!(merged.team_codes.len(), 1, "the removed code stays removed");
        assert!(merged.is_removed(&super::super::team_codes::code_key(&gone)));

        // A replace takes the file's, and no tab holding the old data
        // undoes it either way.
        let mut other = TendData::default();
        other.save_self_check(crate::store::data::SelfCheck {
            id: "sc-old".into(),
            ..file.self_checks[0].clone()
        });
        let replaced = apply(&other, &preview.data, ImportMode::Replace, NOW);
        assert_eq!(replaced.entry_keys(), preview.data.entry_keys());
        for m in [merge(&other, &replaced), merge(&replaced, &other)] {
            assert!(
                m.self_check("sc-old").is_none(),
                "tombstoned by the replace"
            );
            assert_eq!(m.team_codes, preview.data.team_codes);
        }
        let changes = ImportPreview {
            data: replaced,
            exported_at: 1,
            schema: CURRENT_SCHEMA,
        }
        .merge_changes(&other);
        assert_eq!(changes.removed, 1, "sc-old");
    }

    #[test]
    fn a_leaders_records_are_counted_and_their_times_checked() {
        let far = NOW + 400 * DAY_MS;
        let file = leaders_records(far);
        let text = encode_pretty(&file, NOW).expect("encodes").0;
        let d = read(text.as_bytes(), NOW).expect("reads").data;
        assert!(d.self_checks.iter().all(|c| c.completed_at == NOW));
        assert!(d.team_codes.iter().all(|k| k.added_at == NOW));

        let one = file.team_codes[0].clone();
        let codes = TendData {
            team_codes: vec![one; MAX_RECORDS + 1],
            ..TendData::default()
        };
        assert_eq!(
            check_counts(&codes),
            Err(ImportError::TooMany {
                what: "team_codes",
                found: MAX_RECORDS + 1,
                limit: MAX_RECORDS
            })
        );
        let one = file.self_checks[0].clone();
        let checks = TendData {
            self_checks: vec![one; MAX_RECORDS + 1],
            ..TendData::default()
        };
        assert_eq!(
            check_counts(&checks),
            Err(ImportError::TooMany {
                what: "self_checks",
                found: MAX_RECORDS + 1,
                limit: MAX_RECORDS
            })
        );
    }

    #[test]
    fn times_far_past_the_clock_are_taken_as_now() {
        let later = NOW + MAX_CLOCK_AHEAD_MS;
        let far = NOW + 400 * DAY_MS;
        let mut file = sample();
        file.last_exported_at = Some(far);
        file.settings.updated_at = far;
        file.checkins[1].completed_at = later;
        file.pulses[0].completed_at = far;
        file.save_journal("j", None, "Words.", far).expect("saved");
        file.record_practice(
            "u",
            crate::domain::practice::Practice::WhyCards,
            far,
            None,
            None,
        );
        file.deleted.push(Tombstone {
            id: Removed::entry("gone"),
            deleted_at: i64::MAX,
        });
        let text = encode_pretty(&file, far).expect("encodes").0;
        let preview = read(text.as_bytes(), NOW).expect("reads");
        let d = &preview.data;
        assert_eq!(d.last_exported_at, Some(NOW));
        assert_eq!(d.settings.updated_at, NOW);
        assert_eq!(d.checkins[1].completed_at, later, "a day ahead is kept");
        assert_eq!(d.pulses[0].completed_at, NOW);
        assert_eq!(
            (d.journal[0].created_at, d.journal[0].updated_at),
            (NOW, NOW)
        );
        assert_eq!(d.practice_log[0].at, NOW);
        assert_eq!(d.deleted[0].deleted_at, NOW);
        assert_eq!(preview.exported_at, later);
        assert_eq!(d.checkins[0], sample().checkins[0], "past times are kept");

        // The file's settings no longer outrank a change made here after now.
        let mut here = TendData::default();
        here.settings.set_theme(Theme::Light, NOW + 1);
        assert!(!preview.merge_takes_file_settings(&here));
        // And the reminder to export comes back in its time.
        let merged = apply(&here, d, ImportMode::Merge, NOW);
        assert_eq!(merged.last_exported_at, Some(NOW));
    }
}
