//! What a person answered, item by item. This is what a check-in draft
//! and a saved check-in hold; scores are always derived from it.

use super::instrument::{Item, ItemKind, ResponseScale};
use serde::de::{self, SeqAccess, Unexpected, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;

/// One answer to one item. In JSON (since schema 4), as compactly as it
/// can be told apart: a scale value as a bare integer (`3`), a choice as
/// the bare list of option ids (`["weekly"]`), and "prefer not to answer"
/// as the string `"prefer_not"`. Nothing else reads as an answer, the
/// tagged form schemas 1 to 3 wrote (`{"value": 3}`) included: the
/// migration to schema 4 rewrites it (see `store::migrate`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// A point on the response scale (scale and safety items).
    Value(i32),
    /// "Prefer not to answer": counts as not answered when scoring.
    PreferNot,
    /// The option ids picked on a choice item (one for a single choice;
    /// any number, including none, for a multi-select).
    Choices(Vec<String>),
}

/// How "prefer not to answer" is written.
pub const PREFER_NOT: &str = "prefer_not";

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Value(v) => serializer.serialize_i32(*v),
            Answer::PreferNot => serializer.serialize_str(PREFER_NOT),
            Answer::Choices(ids) => ids.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// Reads the one form each kind of answer is written in, straight
        /// from the text (no buffering), naming what it found otherwise.
        struct Compact;
        impl<'de> Visitor<'de> for Compact {
            type Value = Answer;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an answer: a whole number, a list of option ids or \"prefer_not\"")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Answer, E> {
                i32::try_from(v)
                    .map(Answer::Value)
                    .map_err(|_| E::invalid_value(Unexpected::Signed(v), &self))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Answer, E> {
                i32::try_from(v)
                    .map(Answer::Value)
                    .map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Answer, E> {
                if v == PREFER_NOT {
                    Ok(Answer::PreferNot)
                } else {
                    Err(E::invalid_value(Unexpected::Str(v), &self))
                }
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Answer, A::Error> {
                let mut ids = Vec::with_capacity(items.size_hint().unwrap_or(0).min(16));
                while let Some(id) = items.next_element::<String>()? {
                    ids.push(id);
                }
                Ok(Answer::Choices(ids))
            }
        }
        deserializer.deserialize_any(Compact)
    }
}

/// A person's answers: item id → answer. Items not in the map are
/// unanswered.
pub type Answers = BTreeMap<String, Answer>;

impl Item {
    /// Whether `answer` is a possible answer to this item on `scale`.
    /// Scoring treats any other answer as missing.
    pub fn accepts(&self, scale: &ResponseScale, answer: &Answer) -> bool {
        match (self.kind, answer) {
            (_, Answer::PreferNot) => scale.prefer_not.is_some(),
            (ItemKind::Scale | ItemKind::Safety, Answer::Value(v)) => scale.contains(*v),
            (ItemKind::Choice, Answer::Choices(ids)) => {
                // No id twice (lists are a handful long; no set needed).
                let distinct = ids.iter().enumerate().all(|(i, id)| !ids[..i].contains(id));
                let known = ids
                    .iter()
                    .all(|id| self.options.iter().any(|o| &o.id == id));
                let count_ok = if self.multiple { true } else { ids.len() == 1 };
                known && count_ok && distinct
            }
            _ => false,
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn answers_are_stored_compactly() {
        let answers = Answers::from([
            ("a".to_string(), Answer::Value(-3)),
            ("b".to_string(), Answer::PreferNot),
            (
                "c".to_string(),
                Answer::Choices(vec!["x".into(), "y".into()]),
            ),
            ("d".to_string(), Answer::Choices(Vec::new())),
            ("e".to_string(), Answer::Value(i32::MAX)),
            ("f".to_string(), Answer::Value(i32::MIN)),
        ]);
        let text =
            r#"{"a":-3,"b":"prefer_not","c":["x","y"],"d":[],"e":2147483647,"f":-2147483648}"#;
        assert_eq!(serde_json::to_string(&answers).ok().as_deref(), Some(text));
        assert_eq!(
            serde_json::from_str::<Answers>(text).ok(),
            Some(answers.clone())
        );
        // Through a `Value` too, as data from an older schema is read.
        let value = serde_json::to_value(&answers).expect("writes");
        assert_eq!(serde_json::from_value::<Answers>(value).ok(), Some(answers));
    }

    #[test]
    fn anything_else_is_not_an_answer() {
        for text in [
            r#""maybe""#,
            r#""Prefer_not""#,
            r#""1""#,
            r#"1.5"#,
            r#"1.0"#,
            r#"true"#,
            r#"null"#,
            r#"2147483648"#,
            r#"-2147483649"#,
            r#"[1]"#,
            r#"["x",null]"#,
            r#"[["x"]]"#,
            r#"{}"#,
            r#"{"value":"1"}"#,
            r#"{"choices":[1]}"#,
            // The tagged form schemas 1 to 3 wrote: the migration to
            // schema 4 rewrites it, and the current reader refuses it.
            r#"{"value":1}"#,
            r#"{"choices":["x"]}"#,
            r#"{"prefer_not":null}"#,
        ] {
            assert!(serde_json::from_str::<Answer>(text).is_err(), "{text}");
            if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
                assert!(serde_json::from_value::<Answer>(value).is_err(), "{text}");
            }
        }
        let message = serde_json::from_str::<Answer>(r#"{"value":1}"#)
            .expect_err("refused")
            .to_string();
        assert!(message.contains("an answer"), "{message}");
    }
}
