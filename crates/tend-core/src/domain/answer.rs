//! What a person answered, item by item. This is what a check-in draft
//! and a saved check-in hold; scores are always derived from it.

use super::instrument::{Item, ItemKind, ResponseScale};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One answer to one item. In JSON: `{"value": 3}`, `"prefer_not"` or
/// `{"choices": ["weekly"]}` (serde's externally tagged form).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// A point on the response scale (scale and safety items).
    Value(i32),
    /// "Prefer not to answer": counts as not answered when scoring.
    PreferNot,
    /// The option ids picked on a choice item (one for a single choice;
    /// any number, including none, for a multi-select).
    Choices(Vec<String>),
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
    fn answers_are_stored_as_they_always_were() {
        let answers = Answers::from([
            ("a".to_string(), Answer::Value(-3)),
            ("b".to_string(), Answer::PreferNot),
            (
                "c".to_string(),
                Answer::Choices(vec!["x".into(), "y".into()]),
            ),
        ]);
        let text = r#"{"a":{"value":-3},"b":"prefer_not","c":{"choices":["x","y"]}}"#;
        assert_eq!(serde_json::to_string(&answers).ok().as_deref(), Some(text));
        assert_eq!(serde_json::from_str::<Answers>(text).ok(), Some(answers));
    }

    #[test]
    fn anything_else_is_not_an_answer() {
        for text in [
            r#""maybe""#,
            r#"{"value":1,"choices":[]}"#,
            r#"{}"#,
            r#"{"value":"1"}"#,
            r#"{"value":2147483648}"#,
            r#"{"choices":[1]}"#,
            r#"[1]"#,
        ] {
            assert!(serde_json::from_str::<Answer>(text).is_err(), "{text}");
        }
    }
}
