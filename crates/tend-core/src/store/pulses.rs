//! Pulses: the short in-between check, always Tend's pulse instrument.

use super::checkins::{entry_order, Entry};
use super::data::TendData;
use super::removal::{latest_per_key, Removed};
use crate::domain::answer::Answers;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One completed pulse. Immutable once saved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pulse {
    /// Stable id (see [`crate::store::checkins::entry_id`]).
    pub id: String,
    /// When it was completed (ms since the epoch).
    pub completed_at: i64,
    /// The answers, item by item.
    pub answers: Answers,
}

impl Entry for Pulse {
    fn id(&self) -> &str {
        &self.id
    }
    fn completed_at(&self) -> i64 {
        self.completed_at
    }
}

impl TendData {
    /// The pulse with this id.
    pub fn pulse(&self, id: &str) -> Option<&Pulse> {
        self.pulses.iter().find(|p| p.id == id)
    }

    /// Adds a completed pulse in date order. A pulse whose id is already
    /// here is not added twice.
    pub fn add_pulse(&mut self, pulse: Pulse) {
        if self.pulse(&pulse.id).is_none() {
            self.pulses.push(pulse);
            self.pulses.sort_by(entry_order);
        }
    }

    /// Keeps one pulse per id (the later; on a tie, the first), none that
    /// is removed, in date order.
    pub(crate) fn normalise_pulses(&mut self, removed: &BTreeSet<Removed>) {
        self.pulses = latest_per_key(
            std::mem::take(&mut self.pulses),
            |p| p.id.clone(),
            |p| p.completed_at,
        );
        self.pulses
            .retain(|p| !removed.contains(&Removed::entry(&p.id)));
        self.pulses.sort_by(entry_order);
    }
}
