//! What a person answered, item by item. This is what a check-in draft
//! and a saved check-in hold; scores are always derived from it.

use super::instrument::{Item, ItemKind, ResponseScale};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// One answer to one item.
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
                let distinct: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
                let known = ids
                    .iter()
                    .all(|id| self.options.iter().any(|o| &o.id == id));
                let count_ok = if self.multiple { true } else { ids.len() == 1 };
                known && count_ok && distinct.len() == ids.len()
            }
            _ => false,
        }
    }
}
