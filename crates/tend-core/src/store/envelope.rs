//! The one envelope all of the person's data travels in, in storage and in
//! export files alike:
//!
//! ```json
//! {"format":"tend","schema":1,"written_at":1732000000000,
//!  "checksum":"fnv1a64:…","data":{…}}
//! ```
//!
//! Decoding checks, in order: is it JSON, is it a Tend envelope, is its
//! schema one this build may read (a newer one is refused before anything
//! else, so it is never overwritten), does the checksum match, and does the
//! data, migrated to the current schema, have the right shape. Decoded
//! data is put in canonical form ([`TendData::normalise`]).

use super::checksum::checksum;
use super::data::TendData;
use super::migrate::{self, MigrationError, CURRENT_SCHEMA};
use crate::json::{self, Value};

/// The `format` marker that says "this is a Tend envelope".
pub const FORMAT: &str = "tend";

/// Identifies one written envelope: when it was written and what it held.
/// Two tabs compare stamps to tell whether someone else wrote since.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// When the envelope was written (ms since the epoch).
    pub written_at: i64,
    /// The checksum of its data.
    pub checksum: String,
}

/// A decoded envelope, its data already migrated to the current schema.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    /// The person's data, in the current schema.
    pub data: TendData,
    /// The schema version the envelope was written in.
    pub schema: u32,
    /// Which write this was.
    pub stamp: Stamp,
}

/// Why an envelope could not be read. None of these is a crash: the caller
/// decides whether to set the text aside or refuse an import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The text is not JSON at all (or is cut off).
    NotJson,
    /// JSON, but not a Tend envelope (missing or mistyped envelope fields).
    NotAnEnvelope,
    /// Written by a newer Tend; must be left exactly as it is.
    Newer {
        /// The version found.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// The checksum does not match the data: it was damaged.
    ChecksumMismatch,
    /// The data could not be migrated to the current schema.
    Migration(MigrationError),
    /// The data does not fit the schema it claims (wrong types, unknown
    /// fields). Carries the reader's description for logs and tests.
    WrongShape(String),
}

/// Why data could not be written as an envelope. With Tend's own types
/// this does not happen, but it is not assumed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EncodeError(pub String);

/// The envelope for `data`, as compact JSON, with its stamp.
pub fn encode(data: &TendData, written_at: i64) -> Result<(String, Stamp), EncodeError> {
    encode_with(data, written_at, false)
}

/// The envelope for `data`, as indented JSON for a file a person may open.
pub fn encode_pretty(data: &TendData, written_at: i64) -> Result<(String, Stamp), EncodeError> {
    encode_with(data, written_at, true)
}

fn encode_with(
    data: &TendData,
    written_at: i64,
    pretty: bool,
) -> Result<(String, Stamp), EncodeError> {
    let value = data.to_json();
    let sum = checksum(&value);
    let text = json::object_in_order(
        &[
            ("format", &Value::from(FORMAT)),
            ("schema", &Value::from(u64::from(CURRENT_SCHEMA))),
            ("written_at", &Value::from(written_at)),
            ("checksum", &Value::from(sum.as_str())),
            ("data", &value),
        ],
        pretty,
    );
    Ok((
        text,
        Stamp {
            written_at,
            checksum: sum,
        },
    ))
}

/// Reads an envelope from its JSON text.
pub fn decode(text: &str) -> Result<Opened, DecodeError> {
    let value = json::parse(text).map_err(|_| DecodeError::NotJson)?;
    decode_value(value)
}

/// Reads an envelope already parsed as JSON.
pub fn decode_value(value: Value) -> Result<Opened, DecodeError> {
    let Value::Object(mut obj) = value else {
        return Err(DecodeError::NotAnEnvelope);
    };
    if obj.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(DecodeError::NotAnEnvelope);
    }
    let schema = obj
        .get("schema")
        .and_then(Value::as_u64)
        .and_then(|s| u32::try_from(s).ok())
        .ok_or(DecodeError::NotAnEnvelope)?;
    // Before anything else may fail: newer data is recognised as newer
    // even if this build cannot make sense of the rest of it.
    if schema > CURRENT_SCHEMA {
        return Err(DecodeError::Newer {
            found: schema,
            supported: CURRENT_SCHEMA,
        });
    }
    let written_at = obj
        .get("written_at")
        .and_then(Value::as_i64)
        .ok_or(DecodeError::NotAnEnvelope)?;
    let stored_sum = obj
        .get("checksum")
        .and_then(Value::as_str)
        .ok_or(DecodeError::NotAnEnvelope)?
        .to_string();
    let data = obj.remove("data").ok_or(DecodeError::NotAnEnvelope)?;
    if checksum(&data) != stored_sum {
        return Err(DecodeError::ChecksumMismatch);
    }
    let current = migrate::migrate(data, schema).map_err(DecodeError::Migration)?;
    // Records are read strictly: a list never stands in for a record.
    let data = TendData::from_json(&current).map_err(|e| DecodeError::WrongShape(e.message))?;
    // Whatever wrote it, the data is used in its one canonical form, which
    // merging relies on (see `TendData::normalise`).
    let mut data = data;
    data.normalise();
    Ok(Opened {
        data,
        schema,
        stamp: Stamp {
            written_at,
            checksum: stored_sum,
        },
    })
}

/// The schema version an envelope says it was written in, if the text is
/// an envelope at all. Used to recognise newer data without trusting it.
pub fn schema_of(text: &str) -> Option<u32> {
    let value = json::parse(text).ok()?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return None;
    }
    value
        .get("schema")
        .and_then(Value::as_u64)
        .and_then(|s| u32::try_from(s).ok())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::store::arbitrary::{data as arb_data, raw_data};
    use proptest::prelude::*;

    /// An envelope around `data` (JSON text) with a checksum that matches.
    fn envelope_with(data: &str, schema: u32) -> String {
        let data = json::parse(data).expect("json");
        format!(
            r#"{{"format":"tend","schema":{schema},"written_at":1,"checksum":"{}","data":{}}}"#,
            checksum(&data),
            json::to_string(&data)
        )
    }

    proptest! {
        #[test]
        fn round_trips(data in arb_data(), at in any::<i64>(), pretty in any::<bool>()) {
            let (text, stamp) = if pretty { encode_pretty(&data, at) } else { encode(&data, at) }
                .expect("encodes");
            let opened = decode(&text).expect("decodes");
            prop_assert_eq!(&opened.data, &data);
            prop_assert_eq!(opened.schema, CURRENT_SCHEMA);
            prop_assert_eq!(&opened.stamp, &stamp);
            prop_assert_eq!(opened.stamp.written_at, at);
            prop_assert_eq!(schema_of(&text), Some(CURRENT_SCHEMA));
        }

        #[test]
        fn decoded_data_is_in_canonical_form(data in raw_data()) {
            let (text, _) = encode(&data, 1).expect("encodes");
            let mut canonical = data.clone();
            canonical.normalise();
            prop_assert_eq!(decode(&text).expect("decodes").data, canonical);
        }

        #[test]
        fn any_change_to_the_data_is_caught(data in arb_data(), other in arb_data()) {
            prop_assume!(data != other);
            let (text, _) = encode(&data, 1).expect("encodes");
            let (other_text, _) = encode(&other, 1).expect("encodes");
            // Graft the other data under this envelope's checksum.
            let mut env = json::parse(&text).expect("json");
            let other_env = json::parse(&other_text).expect("json");
            env.as_object_mut().expect("an object").insert("data", other_env["data"].clone());
            prop_assert_eq!(
                decode(&json::to_string(&env)),
                Err(DecodeError::ChecksumMismatch)
            );
        }

        #[test]
        fn cut_off_text_never_decodes(data in arb_data(), cut in 1usize..200) {
            let (text, _) = encode(&data, 1).expect("encodes");
            let end = text.len().saturating_sub(cut);
            let mut end = end;
            while !text.is_char_boundary(end) { end -= 1; }
            prop_assert!(decode(&text[..end]).is_err());
        }
    }

    #[test]
    fn newer_schema_is_recognised_before_anything_else() {
        let text = r#"{"format":"tend","schema":99,"data":"whatever"}"#;
        assert_eq!(
            decode(text),
            Err(DecodeError::Newer {
                found: 99,
                supported: CURRENT_SCHEMA
            })
        );
        assert_eq!(schema_of(text), Some(99));
    }

    #[test]
    fn other_json_is_not_an_envelope() {
        for text in [
            "[]",
            "42",
            r#"{"schema":1}"#,
            r#"{"format":"other","schema":1}"#,
            r#"{"format":"tend","schema":"1"}"#,
            r#"{"format":"tend","schema":1,"written_at":1,"data":{}}"#,
            r#"{"format":"tend","schema":1,"written_at":1,"checksum":"x"}"#,
        ] {
            assert_eq!(decode(text), Err(DecodeError::NotAnEnvelope), "{text}");
        }
        assert_eq!(decode("{not json"), Err(DecodeError::NotJson));
        assert_eq!(schema_of("{not json"), None);
    }

    #[test]
    fn schema_zero_is_unknown() {
        let text = envelope_with("{}", 0);
        assert_eq!(
            decode(&text),
            Err(DecodeError::Migration(MigrationError::UnknownVersion(0)))
        );
    }

    #[test]
    fn data_of_the_wrong_shape_is_refused_even_with_a_good_checksum() {
        for data in [
            r#"{"settings": {"theme": 5}}"#,
            r#"{"settings": ["system", "normal"]}"#,
            r#"{"checkins": [["c1", "tend", "1", 5, {}]]}"#,
        ] {
            assert!(
                matches!(
                    decode(&envelope_with(data, CURRENT_SCHEMA)),
                    Err(DecodeError::WrongShape(_))
                ),
                "{data}"
            );
        }
        assert!(matches!(
            decode(&envelope_with(r#"{"settings": {"theme": 5}}"#, 1)),
            Err(DecodeError::WrongShape(_))
        ));
    }
}
