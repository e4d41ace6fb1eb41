//! Pulses: the short in-between check, always Tend's pulse instrument.

use super::data::TendData;
use super::removal::{latest_per_key, Removed};
use crate::domain::entry::entry_order;
pub use crate::domain::entry::Pulse;
use std::collections::BTreeSet;

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
