//! Reading an export file back in: every check a file must pass before it
//! may touch the person's data, a preview of what it holds, and applying it
//! by merge or replace. A refused file changes nothing.

use super::data::TendData;
use super::envelope::{self, DecodeError};
use super::merge::merge;
use super::migrate::MigrationError;

/// The largest file Tend will read (1 MiB). A real export is a few KB.
pub const MAX_IMPORT_BYTES: u64 = 1024 * 1024;

/// The deepest nesting of arrays and objects a file may have. Tend's own
/// data is a handful of levels deep.
pub const MAX_DEPTH: usize = 32;

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
    WrongShape,
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
/// can read, returns what it holds.
pub fn read(bytes: &[u8]) -> Result<ImportPreview, ImportError> {
    check_size(bytes.len() as u64)?;
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    // A byte-order mark is what some editors add when saving; it is not
    // damage.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if nesting_depth(text, MAX_DEPTH) > MAX_DEPTH {
        return Err(ImportError::TooDeep);
    }
    let opened = envelope::decode(text).map_err(|e| match e {
        DecodeError::NotJson => ImportError::NotJson,
        DecodeError::NotAnEnvelope => ImportError::NotTendExport,
        DecodeError::Newer { found, supported } => ImportError::Newer { found, supported },
        DecodeError::ChecksumMismatch => ImportError::Damaged,
        DecodeError::Migration(MigrationError::Newer { found, supported }) => {
            ImportError::Newer { found, supported }
        }
        DecodeError::Migration(MigrationError::UnknownVersion(_)) => ImportError::NotTendExport,
        DecodeError::Migration(_) | DecodeError::WrongShape(_) => ImportError::WrongShape,
    })?;
    Ok(ImportPreview {
        data: opened.data,
        exported_at: opened.stamp.written_at,
        schema: opened.schema,
    })
}

/// The data after applying `incoming` to `current`. A replace marks the
/// settings as changed `now`, so other open tabs take them rather than
/// keeping their own (newer-dated) ones.
pub fn apply(current: &TendData, incoming: &TendData, mode: ImportMode, now: i64) -> TendData {
    match mode {
        ImportMode::Merge => merge(current, incoming),
        ImportMode::Replace => {
            let mut data = incoming.clone();
            data.settings.updated_at = now.max(current.settings.updated_at + 1);
            data.last_exported_at = incoming.last_exported_at.max(current.last_exported_at);
            data
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::store::checksum::checksum;
    use crate::store::data::{Settings, TextSize, Theme};
    use crate::store::envelope::encode_pretty;
    use crate::store::migrate::CURRENT_SCHEMA;
    use serde_json::json;

    fn sample() -> TendData {
        TendData {
            settings: Settings {
                theme: Theme::Dark,
                text_size: TextSize::Large,
                language: Some("en".into()),
                region: Some("uk-ie".into()),
                updated_at: 1_700_000_000_000,
            },
            last_exported_at: Some(1_700_000_000_500),
        }
    }

    fn envelope_with(data: serde_json::Value, schema: u32) -> String {
        json!({
            "format": "tend", "schema": schema, "written_at": 5,
            "checksum": checksum(&data), "data": data
        })
        .to_string()
    }

    #[test]
    fn an_export_reads_back() {
        let (text, _) = encode_pretty(&sample(), 42).expect("encodes");
        let preview = read(text.as_bytes()).expect("reads");
        assert_eq!(preview.data, sample());
        assert_eq!(preview.exported_at, 42);
        assert_eq!(preview.schema, CURRENT_SCHEMA);
        let with_bom = format!("\u{feff}{text}");
        assert_eq!(read(with_bom.as_bytes()).map(|p| p.data), Ok(sample()));
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
            read(padded.as_bytes()),
            Err(ImportError::TooLarge {
                bytes: padded.len() as u64
            })
        );
        assert_eq!(read(b""), Err(ImportError::Empty));
    }

    #[test]
    fn deep_nesting_is_refused() {
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(read(deep.as_bytes()), Err(ImportError::TooDeep));
        // Deep enough to overflow a naive recursive parser.
        let deeper = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(read(deeper.as_bytes()), Err(ImportError::TooDeep));
        // Nesting inside the data of a real envelope is caught the same way.
        let mut nested = json!(1);
        for _ in 0..MAX_DEPTH {
            nested = json!({ "x": nested });
        }
        let text = envelope_with(json!({ "settings": nested }), 1);
        assert_eq!(read(text.as_bytes()), Err(ImportError::TooDeep));
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
            json!({"settings": {"theme": 5}}),
            json!({"settings": {"theme": "purple"}}),
            json!({"settings": {"updated_at": "yesterday"}}),
            json!({"settings": []}),
            json!({"settings": {}, "unexpected": true}),
            json!([]),
        ] {
            assert_eq!(
                read(envelope_with(data.clone(), 1).as_bytes()),
                Err(ImportError::WrongShape),
                "{data}"
            );
        }
    }

    #[test]
    fn other_files_are_refused() {
        assert_eq!(read(b"[1, 2, 3]"), Err(ImportError::NotTendExport));
        assert_eq!(
            read(br#"{"format":"other","schema":1}"#),
            Err(ImportError::NotTendExport)
        );
        assert_eq!(
            read(envelope_with(json!({}), 0).as_bytes()),
            Err(ImportError::NotTendExport)
        );
        assert_eq!(read(b"hello, this is a letter"), Err(ImportError::NotJson));
        assert_eq!(read(b"{\"format\": \"tend\""), Err(ImportError::NotJson));
    }

    #[test]
    fn newer_versions_are_refused() {
        let text = envelope_with(json!({"settings": {}, "check_ins": []}), CURRENT_SCHEMA + 1);
        assert_eq!(
            read(text.as_bytes()),
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
        assert_eq!(read(edited.as_bytes()), Err(ImportError::Damaged));
    }

    #[test]
    fn garbage_bytes_are_refused() {
        assert_eq!(
            read(&[0xff, 0xfe, 0x00, 0x9f, 0x92, 0x96]),
            Err(ImportError::NotText)
        );
        assert_eq!(read(&[0x00, 0x01, 0x02]), Err(ImportError::NotJson));
        // A PNG header: binary, not text.
        assert_eq!(
            read(&[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a]),
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
            last_exported_at: None,
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
}
