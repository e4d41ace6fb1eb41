//! Completed entries: check-ins and pulses as they are kept, and finding
//! one among others. The history reads them and the store keeps them, so
//! they sit below both.

use super::answer::Answers;
use serde::{Deserialize, Serialize};

/// One completed check-in. Immutable once saved; its scores are always
/// derived from the answers and the instrument, never stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckIn {
    /// The answers, item by item.
    pub answers: Answers,
    /// When it was completed (ms since the epoch).
    pub completed_at: i64,
    /// Stable id (see `store::checkins::entry_id`).
    pub id: String,
    /// The id of the instrument answered.
    pub instrument_id: String,
    /// The version of that instrument.
    pub instrument_version: String,
}

/// One completed pulse. Immutable once saved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pulse {
    /// The answers, item by item.
    pub answers: Answers,
    /// When it was completed (ms since the epoch).
    pub completed_at: i64,
    /// Stable id (see `store::checkins::entry_id`).
    pub id: String,
}

impl Entry for Pulse {
    fn id(&self) -> &str {
        &self.id
    }
    fn completed_at(&self) -> i64 {
        self.completed_at
    }
}

/// A completed entry: something with an id and a completion time.
pub trait Entry {
    /// The entry's id.
    fn id(&self) -> &str;
    /// When it was completed (ms since the epoch).
    fn completed_at(&self) -> i64;
}

impl Entry for CheckIn {
    fn id(&self) -> &str {
        &self.id
    }
    fn completed_at(&self) -> i64 {
        self.completed_at
    }
}

/// Date order, then id order so that equal times still sort one way.
pub fn entry_order<E: Entry>(a: &E, b: &E) -> std::cmp::Ordering {
    (a.completed_at(), a.id()).cmp(&(b.completed_at(), b.id()))
}

/// The entry with this id.
pub fn find<'a, E: Entry>(entries: &'a [E], id: &str) -> Option<&'a E> {
    entries.iter().find(|e| e.id() == id)
}

/// The check-in completed just before the one with this id, of any
/// instrument; none when it is the first or there is no such id.
pub fn previous_checkin<'a>(checkins: &'a [CheckIn], id: &str) -> Option<&'a CheckIn> {
    let this = find(checkins, id)?;
    checkins
        .iter()
        .filter(|c| entry_order(*c, this).is_lt())
        .max_by(|a, b| entry_order(*a, *b))
}

/// The check-in of the same instrument completed just before the one with
/// this id: the one whose scores can be compared with it.
pub fn previous_comparable_checkin<'a>(checkins: &'a [CheckIn], id: &str) -> Option<&'a CheckIn> {
    let this = find(checkins, id)?;
    checkins
        .iter()
        .filter(|c| c.instrument_id == this.instrument_id && entry_order(*c, this).is_lt())
        .max_by(|a, b| entry_order(*a, *b))
}
