//! What a person answered, item by item. This is what a check-in draft
//! and a saved check-in hold; scores are always derived from it.

use super::instrument::{Item, ItemKind, ResponseScale};
use crate::json::{self, Fields, JsonError, Map, Value};
use std::collections::BTreeMap;

/// One answer to one item. In JSON: `{"value": 3}`, `"prefer_not"` or
/// `{"choices": ["weekly"]}`.
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

/// The answers as JSON: an object from item id to answer.
pub fn answers_to_json(answers: &Answers) -> Value {
    let mut m = Map::new();
    for (id, answer) in answers {
        m.insert(id.as_str(), answer.to_json());
    }
    Value::Object(m)
}

/// Reads answers written by [`answers_to_json`], found at byte `at`.
pub fn answers_from_json(v: &Value, at: usize) -> Result<Answers, JsonError> {
    let map = v
        .as_object()
        .ok_or_else(|| json::wrong_type(v, "an object", at))?;
    let mut answers = Answers::new();
    for (id, answer) in map.iter() {
        answers.insert(id.to_string(), Answer::from_json(answer, at)?);
    }
    Ok(answers)
}

impl Answer {
    /// The answer as JSON.
    pub fn to_json(&self) -> Value {
        let (key, value) = match self {
            Answer::PreferNot => return Value::from("prefer_not"),
            Answer::Value(v) => ("value", Value::from(i64::from(*v))),
            Answer::Choices(ids) => (
                "choices",
                Value::Array(ids.iter().map(|id| Value::from(id.as_str())).collect()),
            ),
        };
        let mut m = Map::new();
        m.insert(key, value);
        Value::Object(m)
    }

    /// Reads an answer written by [`Answer::to_json`], found at byte `at`.
    pub fn from_json(v: &Value, at: usize) -> Result<Answer, JsonError> {
        if let Value::String(_) = v {
            json::variant(v, at, &["prefer_not"])?;
            return Ok(Answer::PreferNot);
        }
        // Exactly one of the two, as an externally tagged enum.
        let f = Fields::read(v, at, &["value", "choices"])?;
        let one = v.as_object().map_or(0, |m| m.len());
        match (f.get("value"), one) {
            (Some(_), 1) => Ok(Answer::Value(
                f.integer("value", i32::MIN.into(), i32::MAX.into())? as i32,
            )),
            (None, 1) => Ok(Answer::Choices(f.list("choices", true, json::string)?)),
            _ => Err(json::wrong_type(v, "one answer", at)),
        }
    }
}
