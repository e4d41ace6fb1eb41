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

use super::checksum::{checksum, checksum_of_canonical};
use super::data::TendData;
use super::migrate::{self, MigrationError, CURRENT_SCHEMA};
use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;

/// The `format` marker that says "this is a Tend envelope".
pub const FORMAT: &str = "tend";

/// The envelope as written, its fields in this order (not sorted: only the
/// data is canonical, and the checksum covers the data alone).
#[derive(Serialize, Deserialize)]
struct Envelope<D> {
    format: String,
    schema: u32,
    written_at: i64,
    checksum: String,
    data: D,
}

/// Only the data of an envelope, read from its text so that an error in
/// it says where it is; the other fields are checked before.
#[derive(Deserialize)]
struct DataOnly {
    data: TendData,
}

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
    /// The text is not JSON at all (or is cut off, or nested deeper than
    /// serde_json's limit of 128 levels).
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
    /// fields). Carries the reader's description, which names the field
    /// and, for data in the current schema, its line and column.
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
    if !pretty {
        return encode_compact(data, written_at);
    }
    // Through a `Value`, whose objects keep their keys sorted: the data is
    // written in the canonical form its checksum is taken over, indented.
    let value = serde_json::to_value(data).map_err(|e| EncodeError(e.to_string()))?;
    let sum = checksum(&value);
    let envelope = Envelope {
        format: FORMAT.to_string(),
        schema: CURRENT_SCHEMA,
        written_at,
        checksum: sum,
        data: value,
    };
    let text = if pretty {
        serde_json::to_string_pretty(&envelope)
    } else {
        serde_json::to_string(&envelope)
    }
    .map_err(|e| EncodeError(e.to_string()))?;
    Ok((
        text,
        Stamp {
            written_at,
            checksum: envelope.checksum,
        },
    ))
}

/// The compact envelope, written in one pass: every record type declares
/// its fields in the order of their JSON keys and every map is sorted, so
/// serde writes the data directly as the canonical JSON its checksum is
/// taken over (a property test holds this), and the envelope carries that
/// same text. On every save this is the difference between one pass over
/// the data and three (a `Value`, its text for the checksum, the envelope).
fn encode_compact(data: &TendData, written_at: i64) -> Result<(String, Stamp), EncodeError> {
    let raw = serde_json::value::to_raw_value(data).map_err(|e| EncodeError(e.to_string()))?;
    let envelope = Envelope {
        format: FORMAT.to_string(),
        schema: CURRENT_SCHEMA,
        written_at,
        checksum: checksum_of_canonical(raw.get()),
        data: raw,
    };
    let text = serde_json::to_string(&envelope).map_err(|e| EncodeError(e.to_string()))?;
    Ok((
        text,
        Stamp {
            written_at,
            checksum: envelope.checksum,
        },
    ))
}

/// Reads an envelope from its JSON text, its data in canonical form.
pub fn decode(text: &str) -> Result<Opened, DecodeError> {
    let mut opened = decode_as_written(text)?;
    // Whatever wrote it, the data is used in its one canonical form, which
    // merging relies on (see `TendData::normalise`).
    opened.data.normalise();
    Ok(opened)
}

/// Reads an envelope from its JSON text, its data migrated to the current
/// schema but otherwise as written: not yet in canonical form, so that an
/// import can check it against its limits before doing any work on it.
pub fn decode_as_written(text: &str) -> Result<Opened, DecodeError> {
    match decode_canonical(text) {
        Some(opened) => Ok(opened),
        None => decode_full(text),
    }
}

/// Reads any envelope the long way: through a `Value`, checked, migrated.
fn decode_full(text: &str) -> Result<Opened, DecodeError> {
    let value: Value = serde_json::from_str(text).map_err(|_| DecodeError::NotJson)?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(DecodeError::NotAnEnvelope);
    }
    let schema = value
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
    let envelope: Envelope<Value> =
        serde_json::from_value(value).map_err(|_| DecodeError::NotAnEnvelope)?;
    if checksum(&envelope.data) != envelope.checksum {
        return Err(DecodeError::ChecksumMismatch);
    }
    let current = migrate::migrate(envelope.data, schema).map_err(DecodeError::Migration)?;
    DataShape::deserialize(&current).map_err(|e| DecodeError::WrongShape(e.to_string()))?;
    let data = TendData::deserialize(current).map_err(|e| shape_error(text, schema, e))?;
    Ok(Opened {
        data,
        schema,
        stamp: Stamp {
            written_at: envelope.written_at,
            checksum: envelope.checksum,
        },
    })
}

/// The way in for an envelope this build wrote itself (the vault's own
/// store, an export file left as it was): in the current schema, with its
/// data as the canonical JSON its checksum was taken over. Such data is
/// read straight from its text, without building a `Value`, migrating it
/// or writing it out again to check the sum: on a heavy user's store that
/// is most of the time it takes to open. Anything else (another schema,
/// other spacing or key order, a wrong checksum, any error) returns `None`
/// and takes the full way, which says exactly what is wrong.
fn decode_canonical(text: &str) -> Option<Opened> {
    let envelope: Envelope<&RawValue> = serde_json::from_str(text).ok()?;
    if envelope.format != FORMAT || envelope.schema != CURRENT_SCHEMA {
        return None;
    }
    let data = envelope.data.get();
    if checksum_of_canonical(data) != envelope.checksum {
        return None;
    }
    serde_json::from_str::<DataShape>(data).ok()?;
    let data: TendData = serde_json::from_str(data).ok()?;
    Some(Opened {
        data,
        schema: envelope.schema,
        stamp: Stamp {
            written_at: envelope.written_at,
            checksum: envelope.checksum,
        },
    })
}

/// Reads data from its canonical JSON text (the data of an envelope, or
/// the head of a split store), refusing a list where a record belongs.
pub(crate) fn data_from_text(text: &str) -> Result<TendData, DecodeError> {
    serde_json::from_str::<DataShape>(text).map_err(|e| DecodeError::WrongShape(e.to_string()))?;
    serde_json::from_str(text).map_err(|e| DecodeError::WrongShape(e.to_string()))
}

/// Reads data, migrated to the current schema, from JSON (the data of a
/// head an earlier schema wrote, put together with its chunks), refusing
/// a list where a record belongs.
pub(crate) fn data_from_value(value: Value) -> Result<TendData, DecodeError> {
    DataShape::deserialize(&value).map_err(|e| DecodeError::WrongShape(e.to_string()))?;
    TendData::deserialize(value).map_err(|e| DecodeError::WrongShape(e.to_string()))
}

/// Reads a list of records of the data's field `name` from its JSON text
/// (a chunk of a split store), refusing a list where a record belongs as
/// [`DataShape`] does for the whole data.
pub(crate) fn records_from_text<T: serde::de::DeserializeOwned>(
    name: &str,
    text: &str,
) -> Result<Vec<T>, DecodeError> {
    let mut reader = serde_json::Deserializer::from_str(text);
    Place::Records(name)
        .deserialize(&mut reader)
        .map_err(|e| DecodeError::WrongShape(e.to_string()))?;
    serde_json::from_str(text).map_err(|e| DecodeError::WrongShape(format!("{name}: {e}")))
}

/// The fields of the data that hold one record; every other field is a
/// list of records (or, for `last_exported_at`, a number).
const RECORD_FIELDS: [&str; 3] = ["settings", "draft", "time_off"];

/// serde reads a record from a JSON list of its fields in order as well as
/// from an object. Tend never wrote one as a list, and the old reader
/// refused it: a list where a record belongs is a damaged or foreign file,
/// however well its values happen to line up. Reading the data as a
/// `DataShape` (from text or from a `Value`) refuses exactly that: a list
/// in a field that holds one record, or as an item of a list of records.
/// Everything else about the data is the record types' to check.
struct DataShape;

/// A place in the data and what may stand there: one record (anything
/// but a list), or a list of records (a list none of whose items is a
/// list). Named by the data's field, for the message.
#[derive(Clone, Copy)]
enum Place<'a> {
    Record(&'a str),
    Records(&'a str),
}

fn list_where_a_record_belongs<E: serde::de::Error>(name: &str) -> E {
    E::custom(format!(
        "invalid type: `{name}` holds a list where a record belongs"
    ))
}

impl<'de> Deserialize<'de> for DataShape {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> Visitor<'de> for Fields {
            type Value = DataShape;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("the data as an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DataShape, A::Error> {
                while let Some(name) = map.next_key::<String>()? {
                    if RECORD_FIELDS.contains(&name.as_str()) {
                        map.next_value_seed(Place::Record(&name))?;
                    } else {
                        map.next_value_seed(Place::Records(&name))?;
                    }
                }
                Ok(DataShape)
            }
        }
        deserializer.deserialize_map(Fields)
    }
}

impl<'de> DeserializeSeed<'de> for Place<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Place<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a record or a list of records")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<(), A::Error> {
        match self {
            Place::Record(name) => Err(list_where_a_record_belongs(name)),
            Place::Records(name) => {
                while items.next_element_seed(Place::Record(name))?.is_some() {}
                Ok(())
            }
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }
    // Any other value is left for the record types to refuse.
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

/// What is wrong with the data, in the reader's words. Data in the
/// current schema is the text as written, so it is read again from the
/// text to say on which line and column; migrated data has no such place.
fn shape_error(text: &str, schema: u32, from_value: serde_json::Error) -> DecodeError {
    let message = match serde_json::from_str::<DataOnly>(text).map(|d| d.data) {
        Err(e) if schema == CURRENT_SCHEMA => e.to_string(),
        _ => from_value.to_string(),
    };
    DecodeError::WrongShape(message)
}

/// The schema version an envelope says it was written in, if the text is
/// an envelope at all. Used to recognise newer data without trusting it.
pub fn schema_of(text: &str) -> Option<u32> {
    let value: Value = serde_json::from_str(text).ok()?;
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
    use crate::store::checksum::canonical_json;
    use proptest::prelude::*;

    /// An envelope around `data` (JSON text) with a checksum that matches.
    fn envelope_with(data: &str, schema: u32) -> String {
        let value: Value = serde_json::from_str(data).expect("json");
        format!(
            r#"{{"format":"tend","schema":{schema},"written_at":1,"checksum":"{}","data":{data}}}"#,
            checksum(&value),
        )
    }

    proptest! {
        /// Every record type declares its fields in the order of their
        /// JSON keys, so writing the data directly gives its canonical
        /// JSON: the text the checksum is taken over, with no `Value` in
        /// between (see `encode`).
        #[test]
        fn the_data_written_directly_is_its_canonical_json(data in arb_data()) {
            let direct = serde_json::to_string(&data).expect("writes");
            let value = serde_json::to_value(&data).expect("a value");
            prop_assert_eq!(direct, canonical_json(&value));
        }

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
            // What the vault writes is read the direct way, to the same
            // data the long way gives.
            let direct = decode_canonical(&text);
            prop_assert_eq!(direct.is_some(), !pretty);
            if let Some(direct) = direct {
                prop_assert_eq!(Ok(direct), decode_full(&text));
            }
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
            let mut env: Value = serde_json::from_str(&text).expect("json");
            let other_env: Value = serde_json::from_str(&other_text).expect("json");
            env["data"] = other_env["data"].clone();
            prop_assert_eq!(
                decode(&env.to_string()),
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
            r#"{"draft": ["tend", "1", 1, 1, 0, {}]}"#,
            r#"{"time_off": []}"#,
            r#"[]"#,
        ] {
            assert!(
                matches!(
                    decode(&envelope_with(data, CURRENT_SCHEMA)),
                    Err(DecodeError::WrongShape(_))
                ),
                "{data}"
            );
            // Written canonically, as Tend writes, so the direct way is
            // tried first: it must refuse the same.
            let canonical = canonical_json(&serde_json::from_str(data).expect("json"));
            assert!(
                matches!(
                    decode(&envelope_with(&canonical, CURRENT_SCHEMA)),
                    Err(DecodeError::WrongShape(_))
                ),
                "{canonical}"
            );
            assert_eq!(
                decode_canonical(&envelope_with(&canonical, CURRENT_SCHEMA)),
                None
            );
        }
        assert!(matches!(
            decode(&envelope_with(r#"{"settings": {"theme": 5}}"#, 1)),
            Err(DecodeError::WrongShape(_))
        ));
    }

    #[test]
    fn the_fields_that_hold_one_record_are_the_ones_written_as_objects() {
        let text = include_str!("../../tests/fixtures/store/v4.json");
        let value: Value = serde_json::from_str(text).expect("json");
        let data = value["data"].as_object().expect("an object");
        let objects: Vec<&str> = data
            .iter()
            .filter(|(_, v)| v.is_object())
            .map(|(k, _)| k.as_str())
            .collect();
        let mut expected = RECORD_FIELDS.to_vec();
        expected.sort_unstable();
        assert_eq!(objects, expected);
    }

    #[test]
    fn a_wrong_field_is_named_with_its_line_and_column() {
        let data = "{\n  \"settings\": {\n    \"theme\": \"purple\"\n  }\n}";
        let Err(DecodeError::WrongShape(message)) = decode(&envelope_with(data, CURRENT_SCHEMA))
        else {
            panic!("refused as the wrong shape");
        };
        assert!(message.contains("unknown variant `purple`"), "{message}");
        assert!(message.contains("line 3 column"), "{message}");
        for (data, words) in [
            (r#"{"checkins": [{"id": "c1"}]}"#, "missing field `answers`"),
            (r#"{"settings": {}, "extra": 1}"#, "unknown field `extra`"),
            (
                r#"{"pulses": [{"id": "p", "completed_at": "5", "answers": {}}]}"#,
                "invalid type: string \"5\", expected i64",
            ),
        ] {
            let Err(DecodeError::WrongShape(message)) =
                decode(&envelope_with(data, CURRENT_SCHEMA))
            else {
                panic!("{data} is refused as the wrong shape");
            };
            assert!(
                message.contains(words) && message.contains("line 1 column"),
                "{message}"
            );
        }
    }
}
