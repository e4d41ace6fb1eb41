//! Instrument definitions the person loaded from a file.

use super::data::TendData;
use super::removal::{latest_per_key, stamp_after, Deleted, DeletedEntry, Removed};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// An instrument definition the person loaded from a file. Kept as the
/// file's text and validated again every time it is loaded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoadedInstrument {
    /// When it was loaded (ms since the epoch).
    pub added_at: i64,
    /// The instrument's id, as its definition gives it.
    pub id: String,
    /// The definition, exactly as loaded.
    pub json: String,
}

fn loaded_order(a: &LoadedInstrument, b: &LoadedInstrument) -> std::cmp::Ordering {
    (a.added_at, &a.id).cmp(&(b.added_at, &b.id))
}

impl TendData {
    /// Adds (or replaces with a newer version) an instrument definition the
    /// person loaded. The caller has validated `json`. Loading an
    /// instrument that was removed before brings it back for good.
    pub fn add_instrument(&mut self, id: &str, json: &str, now: i64) {
        self.restore_key(&Removed::Instrument(id.to_string()), now);
        // A newer version is dated after the one it replaces, so it wins
        // a merge with a copy that still has the old one.
        let added_at = self
            .instruments
            .iter()
            .find(|i| i.id == id)
            .map_or(now, |old| stamp_after(old.added_at, now));
        self.instruments.retain(|i| i.id != id);
        self.instruments.push(LoadedInstrument {
            id: id.to_string(),
            added_at,
            json: json.to_string(),
        });
        self.instruments.sort_by(loaded_order);
    }

    /// Removes a loaded instrument definition at `now`, leaving a
    /// tombstone. Check-ins made with it stay. Returns what
    /// [`TendData::undo_delete`] needs, or none when it is not loaded.
    pub fn remove_instrument(&mut self, id: &str, now: i64) -> Option<Deleted> {
        let i = self.instruments.iter().position(|l| l.id == id)?;
        let entry = DeletedEntry::Instrument(self.instruments.remove(i));
        Some(self.bury(Removed::Instrument(id.to_string()), entry, now))
    }

    /// Puts back a removed instrument; false when one with its id is here.
    pub(crate) fn put_back_instrument(&mut self, loaded: LoadedInstrument) -> bool {
        if self.instruments.iter().any(|i| i.id == loaded.id) {
            return false;
        }
        self.instruments.push(loaded);
        self.instruments.sort_by(loaded_order);
        true
    }

    /// Keeps one definition per id (the later; on a tie, the first), none
    /// that is removed, in the order loaded.
    pub(crate) fn normalise_instruments(&mut self, removed: &BTreeSet<Removed>) {
        self.instruments = latest_per_key(
            std::mem::take(&mut self.instruments),
            |i| i.id.clone(),
            |i| i.added_at,
        );
        self.instruments
            .retain(|i| !removed.contains(&Removed::Instrument(i.id.clone())));
        self.instruments.sort_by(loaded_order);
    }
}
