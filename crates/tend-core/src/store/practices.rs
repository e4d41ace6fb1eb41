//! The log of guided practices, each use with its distress ratings.
//! Practice uses are immutable, like check-ins.

use super::data::TendData;
use super::removal::latest_per_key;
use crate::domain::practice::{Practice, PracticeUse, MAX_DISTRESS};
use serde::{Deserialize, Deserializer, Serialize};

/// One use of a guided practice, as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeLog {
    /// Distress after, 0 to 10, if rated.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "rating"
    )]
    pub after: Option<u8>,
    /// When it was finished (ms since the epoch).
    pub at: i64,
    /// Distress before, 0 to 10, if rated.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "rating"
    )]
    pub before: Option<u8>,
    /// Stable id.
    pub id: String,
    /// The practice's id (see [`Practice::id`]).
    pub practice: String,
}

/// A rating from 0 to [`MAX_DISTRESS`] that may be null.
fn rating<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
    let value = Option::<u8>::deserialize(d)?;
    match value {
        Some(v) if v > MAX_DISTRESS => Err(serde::de::Error::invalid_value(
            serde::de::Unexpected::Unsigned(v.into()),
            &"a rating from 0 to 10",
        )),
        _ => Ok(value),
    }
}

impl TendData {
    /// Records one finished practice. Ratings outside 0–10 are dropped.
    pub fn record_practice(
        &mut self,
        id: &str,
        practice: Practice,
        at: i64,
        before: Option<u8>,
        after: Option<u8>,
    ) {
        let valid = |r: Option<u8>| r.filter(|v| *v <= MAX_DISTRESS);
        if self.practice_log.iter().any(|p| p.id == id) {
            return;
        }
        self.practice_log.push(PracticeLog {
            id: id.to_string(),
            practice: practice.id().to_string(),
            at,
            before: valid(before),
            after: valid(after),
        });
    }

    /// Every recorded use of a practice Tend still offers.
    pub fn practice_uses(&self) -> Vec<PracticeUse> {
        self.practice_log
            .iter()
            .filter_map(|p| {
                Some(PracticeUse {
                    practice: Practice::parse(&p.practice)?,
                    at: p.at,
                    before: p.before,
                    after: p.after,
                })
            })
            .collect()
    }

    /// Keeps one use per id (the later; on a tie, the first), in time
    /// order.
    pub(crate) fn normalise_practices(&mut self) {
        self.practice_log = latest_per_key(
            std::mem::take(&mut self.practice_log),
            |p| p.id.clone(),
            |p| p.at,
        );
        self.practice_log
            .sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
    }
}
