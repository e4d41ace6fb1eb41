//! Removals that survive merging. Removing a record leaves a [`Tombstone`]
//! so that merging with an older copy (another tab, an import) cannot
//! bring it back; undoing a removal leaves a [`Restoration`] dated after
//! the tombstone, so the undo in turn survives merging with a copy that
//! still holds the tombstone. For each key the later of the two wins; see
//! [`TendData::normalise`].

use super::checkins::CheckIn;
use super::data::TendData;
use super::instruments::LoadedInstrument;
use super::pulses::Pulse;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// What a tombstone or restoration names. Stored as text, exactly as
/// before this type existed: a check-in or pulse by its bare id, the
/// others under a prefix (`instrument:<id>`, `draft:<started_at>`,
/// `journal:<id>`, `card:<id>`, `plan:<id>`, and since schema 6
/// `team:<key>` and `self-check:<id>`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String", from = "String")]
pub enum Removed {
    /// A check-in or a pulse, by its id. One variant for both: their ids
    /// are one set (see [`crate::store::checkins::entry_id`]), and the
    /// stored text never told them apart.
    Entry(String),
    /// A loaded instrument definition, by its id.
    Instrument(String),
    /// A discarded draft, by when it was started (ms since the epoch).
    Draft(i64),
    /// A journal entry, by its id.
    Journal(String),
    /// A "why I do this work" card, by its id.
    Card(String),
    /// A plan item, by its id.
    Plan(String),
    /// A kept team pulse code, by its key (see
    /// [`crate::store::team_codes::code_key`]): its nonce as ten lowercase
    /// hex digits.
    TeamCode(String),
    /// An organisation self-check, by its id.
    SelfCheck(String),
}

const INSTRUMENT: &str = "instrument:";
const DRAFT: &str = "draft:";
const JOURNAL: &str = "journal:";
const CARD: &str = "card:";
const PLAN: &str = "plan:";
const TEAM_CODE: &str = "team:";
const SELF_CHECK: &str = "self-check:";

impl Removed {
    /// The key of the check-in or pulse with this id. Read as its stored
    /// text would be read back, so that an id shaped like another kind's
    /// key (only a hand-made file has one) means in memory what it will
    /// mean after the next reload.
    pub fn entry(id: &str) -> Removed {
        Removed::from(id.to_string())
    }
}

impl From<String> for Removed {
    fn from(text: String) -> Removed {
        let tail = |prefix: &str| text.strip_prefix(prefix).map(str::to_string);
        if let Some(id) = tail(INSTRUMENT) {
            return Removed::Instrument(id);
        }
        if let Some(id) = tail(JOURNAL) {
            return Removed::Journal(id);
        }
        if let Some(id) = tail(CARD) {
            return Removed::Card(id);
        }
        if let Some(id) = tail(PLAN) {
            return Removed::Plan(id);
        }
        if let Some(key) = tail(TEAM_CODE) {
            return Removed::TeamCode(key);
        }
        if let Some(id) = tail(SELF_CHECK) {
            return Removed::SelfCheck(id);
        }
        // Only a number written back exactly as it reads (no `+`, no
        // leading zero) is a draft key; anything else keeps its text.
        if let Some(at) =
            tail(DRAFT).and_then(|n| n.parse::<i64>().ok().filter(|at| at.to_string() == n))
        {
            return Removed::Draft(at);
        }
        Removed::Entry(text)
    }
}

impl From<&str> for Removed {
    fn from(text: &str) -> Removed {
        Removed::from(text.to_string())
    }
}

impl From<Removed> for String {
    fn from(key: Removed) -> String {
        key.to_string()
    }
}

impl fmt::Display for Removed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Removed::Entry(id) => f.write_str(id),
            Removed::Instrument(id) => write!(f, "{INSTRUMENT}{id}"),
            Removed::Draft(at) => write!(f, "{DRAFT}{at}"),
            Removed::Journal(id) => write!(f, "{JOURNAL}{id}"),
            Removed::Card(id) => write!(f, "{CARD}{id}"),
            Removed::Plan(id) => write!(f, "{PLAN}{id}"),
            Removed::TeamCode(key) => write!(f, "{TEAM_CODE}{key}"),
            Removed::SelfCheck(id) => write!(f, "{SELF_CHECK}{id}"),
        }
    }
}

/// A record that something was removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tombstone {
    /// When it was removed (ms since the epoch).
    pub deleted_at: i64,
    /// What was removed.
    pub id: Removed,
}

/// A record that something removed was brought back. It outweighs any
/// tombstone for the same key dated before it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Restoration {
    /// What was brought back.
    pub id: Removed,
    /// When it was brought back (ms since the epoch).
    pub restored_at: i64,
}

/// What [`TendData::delete_entry`] or [`TendData::remove_instrument`]
/// removed: everything [`TendData::undo_delete`] needs to put it back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deleted {
    /// The entry as it was.
    pub entry: DeletedEntry,
    /// The tombstone the removal left.
    pub tombstone: Tombstone,
}

/// The entry a removal took away.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeletedEntry {
    /// A check-in.
    CheckIn(CheckIn),
    /// A pulse.
    Pulse(Pulse),
    /// A loaded instrument definition.
    Instrument(LoadedInstrument),
}

impl TendData {
    /// Whether the key's latest tombstone is later than its latest
    /// restoration (or it has a tombstone and no restoration): whether a
    /// record with this key must not be kept.
    pub fn is_removed(&self, key: &Removed) -> bool {
        let removed = latest(self.deleted.iter().map(|t| (&t.id, t.deleted_at)), key);
        let restored = latest(self.restored.iter().map(|r| (&r.id, r.restored_at)), key);
        match (removed, restored) {
            (Some(d), Some(r)) => d > r,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }

    /// Every key that [`TendData::is_removed`] holds for, found in one
    /// pass over each list (a file may hold thousands of them).
    pub fn removed_keys(&self) -> BTreeSet<Removed> {
        let restored = latest_by_key(self.restored.iter().map(|r| (&r.id, r.restored_at)));
        let mut removed = BTreeSet::new();
        for (key, at) in latest_by_key(self.deleted.iter().map(|t| (&t.id, t.deleted_at))) {
            if restored.get(key).is_none_or(|r| at > *r) {
                removed.insert(key.clone());
            }
        }
        removed
    }

    /// Puts back what a removal took away and clears its tombstone,
    /// recording a restoration dated after the removal so that no merge
    /// removes it again. Returns whether anything was put back (false when
    /// it is already here).
    pub fn undo_delete(&mut self, deleted: Deleted, now: i64) -> bool {
        let key = deleted.tombstone.id.clone();
        let latest_removal = latest(self.deleted.iter().map(|t| (&t.id, t.deleted_at)), &key)
            .map_or(deleted.tombstone.deleted_at, |at| {
                at.max(deleted.tombstone.deleted_at)
            });
        self.deleted.retain(|t| t.id != key);
        record_restoration(&mut self.restored, &key, stamp_after(latest_removal, now));
        match deleted.entry {
            DeletedEntry::CheckIn(c) => {
                let had = self.checkin(&c.id).is_some();
                self.add_checkin(c);
                !had
            }
            DeletedEntry::Pulse(p) => {
                let had = self.pulse(&p.id).is_some();
                self.add_pulse(p);
                !had
            }
            DeletedEntry::Instrument(l) => self.put_back_instrument(l),
        }
    }

    /// Records the removal of `entry`, already taken out, under `key`:
    /// what [`TendData::undo_delete`] needs to put it back.
    pub(crate) fn bury(&mut self, key: Removed, entry: DeletedEntry, now: i64) -> Deleted {
        let tombstone = self.remove_key(key, now);
        Deleted { entry, tombstone }
    }

    /// Records that what `key` names was removed at `now` (or just after
    /// its latest restoration, which would otherwise outweigh this).
    pub(crate) fn remove_key(&mut self, key: Removed, now: i64) -> Tombstone {
        let at = latest(self.restored.iter().map(|r| (&r.id, r.restored_at)), &key)
            .map_or(now, |r| stamp_after(r, now));
        self.restored.retain(|r| r.id != key);
        record_tombstone(&mut self.deleted, &key, at);
        Tombstone {
            id: key,
            deleted_at: at,
        }
    }

    /// Brings back what `key` names when it was removed: records a
    /// restoration at `now` (or just after its latest removal) and clears
    /// its tombstone, so that no merge removes it again. Does nothing when
    /// it was not removed.
    pub(crate) fn restore_key(&mut self, key: &Removed, now: i64) {
        if let Some(removed_at) = latest(self.deleted.iter().map(|t| (&t.id, t.deleted_at)), key) {
            record_restoration(&mut self.restored, key, stamp_after(removed_at, now));
            self.deleted.retain(|t| t.id != *key);
        }
    }

    /// Brings tombstones and restorations to one per key, and drops the
    /// loser of each key's tombstone and restoration. Returns the keys
    /// that stay removed.
    pub(crate) fn normalise_removals(&mut self) -> BTreeSet<Removed> {
        self.deleted = latest_per_key(
            std::mem::take(&mut self.deleted),
            |t| t.id.clone(),
            |t| t.deleted_at,
        );
        self.restored = latest_per_key(
            std::mem::take(&mut self.restored),
            |r| r.id.clone(),
            |r| r.restored_at,
        );
        let removed = self.removed_keys();
        self.deleted.retain(|t| removed.contains(&t.id));
        self.restored.retain(|r| !removed.contains(&r.id));
        removed
    }
}

/// The time a change made at `now` is stamped with: `now`, or just after
/// `previous` when the clock says otherwise, so that the change always
/// wins a merge against what it replaced.
pub fn stamp_after(previous: i64, now: i64) -> i64 {
    now.max(previous.saturating_add(1))
}

/// The latest time given for `key`.
fn latest<'a>(items: impl Iterator<Item = (&'a Removed, i64)>, key: &Removed) -> Option<i64> {
    items.filter(|(k, _)| *k == key).map(|(_, at)| at).max()
}

/// The latest time given for each key.
fn latest_by_key<'a>(
    items: impl Iterator<Item = (&'a Removed, i64)>,
) -> BTreeMap<&'a Removed, i64> {
    let mut latest = BTreeMap::new();
    for (key, at) in items {
        latest
            .entry(key)
            .and_modify(|t: &mut i64| *t = (*t).max(at))
            .or_insert(at);
    }
    latest
}

fn record_tombstone(deleted: &mut Vec<Tombstone>, key: &Removed, at: i64) {
    match deleted.iter_mut().find(|t| t.id == *key) {
        Some(t) => t.deleted_at = t.deleted_at.max(at),
        None => deleted.push(Tombstone {
            id: key.clone(),
            deleted_at: at,
        }),
    }
}

pub(crate) fn record_restoration(restored: &mut Vec<Restoration>, key: &Removed, at: i64) {
    match restored.iter_mut().find(|r| r.id == *key) {
        Some(r) => r.restored_at = r.restored_at.max(at),
        None => restored.push(Restoration {
            id: key.clone(),
            restored_at: at,
        }),
    }
}

/// One item per key: the one with the latest time, the first on a tie.
/// Keeps the order in which keys first appear. Indexed, so that a file
/// with tens of thousands of items merges in moments, not minutes.
pub(crate) fn latest_per_key<T, K: Ord>(
    items: Vec<T>,
    key: impl Fn(&T) -> K,
    at: impl Fn(&T) -> i64,
) -> Vec<T> {
    let mut kept: Vec<T> = Vec::with_capacity(items.len());
    let mut index: BTreeMap<K, usize> = BTreeMap::new();
    for item in items {
        match index.get(&key(&item)) {
            Some(&i) if at(&item) > at(&kept[i]) => kept[i] = item,
            Some(_) => {}
            None => {
                index.insert(key(&item), kept.len());
                kept.push(item);
            }
        }
    }
    kept
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::store::checkins::entry_id;
    use proptest::prelude::*;

    #[test]
    fn keys_read_and_write_the_text_stored_before_they_were_typed() {
        let cases = [
            (
                "c-19abf88b980-0000002a",
                Removed::Entry("c-19abf88b980-0000002a".into()),
            ),
            ("instrument:org", Removed::Instrument("org".into())),
            ("draft:1763800000000", Removed::Draft(1_763_800_000_000)),
            ("draft:-5", Removed::Draft(-5)),
            ("journal:j0", Removed::Journal("j0".into())),
            ("card:w1", Removed::Card("w1".into())),
            ("plan:i1", Removed::Plan("i1".into())),
            ("plan:", Removed::Plan(String::new())),
            ("team:00ff00ff00", Removed::TeamCode("00ff00ff00".into())),
            (
                "self-check:sc-miiao0lc-1",
                Removed::SelfCheck("sc-miiao0lc-1".into()),
            ),
            // Not a draft key as Tend writes one: kept as it was.
            ("draft:012", Removed::Entry("draft:012".into())),
            ("draft:x", Removed::Entry("draft:x".into())),
        ];
        for (text, key) in cases {
            assert_eq!(Removed::from(text), key, "{text}");
            assert_eq!(key.to_string(), text);
            let json = serde_json::to_string(&key).expect("writes");
            assert_eq!(json, serde_json::to_string(text).expect("writes"));
            assert_eq!(serde_json::from_str::<Removed>(&json).ok(), Some(key));
        }
    }

    #[test]
    fn entry_ids_never_look_like_other_keys() {
        for prefix in ["c", "p"] {
            for (now, nonce) in [(5, 7), (1_764_150_000_000, u32::MAX), (i64::MAX, 0)] {
                let id = entry_id(prefix, now, nonce);
                assert_eq!(Removed::entry(&id), Removed::Entry(id.clone()), "{id}");
            }
        }
    }

    #[test]
    fn a_change_is_stamped_after_what_it_replaces() {
        assert_eq!(stamp_after(10, 20), 20);
        assert_eq!(stamp_after(20, 10), 21, "the clock went back");
        assert_eq!(stamp_after(20, 20), 21);
        assert_eq!(stamp_after(i64::MAX, 5), i64::MAX);
    }

    proptest! {
        #[test]
        fn any_stored_key_text_comes_back_unchanged(text in "(instrument:|draft:|journal:|card:|plan:|team:|self-check:)?[-+0-9a-z:]{0,8}") {
            prop_assert_eq!(Removed::from(text.as_str()).to_string(), text);
        }

        #[test]
        fn the_latest_per_key_is_the_first_of_the_latest(items in proptest::collection::vec((0u8..5, 0i64..4), 0..40)) {
            let kept = latest_per_key(items.clone(), |(k, _)| *k, |(_, at)| *at);
            let mut slow: Vec<(u8, i64)> = Vec::new();
            for item in items {
                match slow.iter().position(|k| k.0 == item.0) {
                    Some(i) if item.1 > slow[i].1 => slow[i] = item,
                    Some(_) => {}
                    None => slow.push(item),
                }
            }
            prop_assert_eq!(kept, slow);
        }
    }
}
