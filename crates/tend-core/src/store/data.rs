//! The person's data as the current schema (v2) defines it. Domain types
//! only: no signals, no browser calls.
//!
//! Check-ins, pulses and loaded instruments are immutable entries keyed by
//! id. Removing one leaves a [`Tombstone`] so that merging with an older
//! copy (another tab, an import) cannot bring it back; undoing a removal
//! leaves a [`Restoration`] dated after the tombstone, so the undo in turn
//! survives merging with a copy that still holds the tombstone. For each
//! key the later of the two wins; see [`TendData::normalise`].

use super::personal::{
    DoneRecord, JournalEntry, PlanEntry, PracticeLog, TimeOffRecord, WhyCard, CARD_KEY_PREFIX,
    JOURNAL_KEY_PREFIX, PLAN_KEY_PREFIX,
};
use crate::domain::answer::{answers_from_json, answers_to_json};
use crate::domain::answer::{Answer, Answers};
use crate::json::{self, Fields, JsonError, Map, Value};
use std::collections::BTreeSet;

/// The check-in interval a new person starts with, in days.
pub const DEFAULT_CHECKIN_INTERVAL_DAYS: u32 = 14;

/// The shortest check-in interval the person may choose, in days.
pub const MIN_CHECKIN_INTERVAL_DAYS: u32 = 7;

/// The longest check-in interval the person may choose, in days.
pub const MAX_CHECKIN_INTERVAL_DAYS: u32 = 90;

/// The prefix of tombstone and restoration keys that stand for a loaded
/// instrument (`instrument:<id>`), so an instrument id can never be taken
/// for a check-in or pulse id.
pub const INSTRUMENT_KEY_PREFIX: &str = "instrument:";

/// The prefix of tombstone keys that stand for a discarded draft
/// (`draft:<started_at>`).
pub const DRAFT_KEY_PREFIX: &str = "draft:";

/// Everything Tend keeps for the person. Each addition to it is a schema
/// version with a migration (see [`crate::store::migrate`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TendData {
    /// The person's preferences.
    pub settings: Settings,
    /// When the person last exported a backup file (ms since the epoch);
    /// `None` if they never have. Drives the reminder to export.
    pub last_exported_at: Option<i64>,
    /// Completed check-ins, oldest first.
    pub checkins: Vec<CheckIn>,
    /// Completed pulses, oldest first.
    pub pulses: Vec<Pulse>,
    /// The check-in in progress, saved on every answer.
    pub draft: Option<Draft>,
    /// Instrument definitions the person loaded from a file, oldest first.
    pub instruments: Vec<LoadedInstrument>,
    /// What was removed, so that no merge brings it back.
    pub deleted: Vec<Tombstone>,
    /// What was brought back after a removal (an undo, or loading the same
    /// instrument again), so that no merge removes it again.
    pub restored: Vec<Restoration>,
    /// Private journal entries.
    pub journal: Vec<JournalEntry>,
    /// "Why I do this work" cards.
    pub why_cards: Vec<WhyCard>,
    /// Every finished guided practice, with its ratings.
    pub practice_log: Vec<PracticeLog>,
    /// The strategies in the person's plan.
    pub plan: Vec<PlanEntry>,
    /// Plan items marked done (or un-ticked), by day.
    pub done: Vec<DoneRecord>,
    /// The last real break, the next planned one, and the reminder.
    pub time_off: TimeOffRecord,
}

/// One completed check-in. Immutable once saved; its scores are always
/// derived from the answers and the instrument, never stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckIn {
    /// Stable id (see [`entry_id`]).
    pub id: String,
    /// The id of the instrument answered.
    pub instrument_id: String,
    /// The version of that instrument.
    pub instrument_version: String,
    /// When it was completed (ms since the epoch).
    pub completed_at: i64,
    /// The answers, item by item.
    pub answers: Answers,
}

/// One completed pulse: the short in-between check, always Tend's pulse
/// instrument. Immutable once saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pulse {
    /// Stable id (see [`entry_id`]).
    pub id: String,
    /// When it was completed (ms since the epoch).
    pub completed_at: i64,
    /// The answers, item by item.
    pub answers: Answers,
}

/// The check-in in progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// The id of the instrument being answered.
    pub instrument_id: String,
    /// The version of that instrument.
    pub instrument_version: String,
    /// When it was started (ms since the epoch); also what identifies this
    /// draft when it is discarded.
    pub started_at: i64,
    /// When it last changed (ms since the epoch).
    pub updated_at: i64,
    /// The section the person was on, from 0.
    pub step: usize,
    /// The answers so far.
    pub answers: Answers,
}

/// An instrument definition the person loaded from a file. Kept as the
/// file's text and validated again every time it is loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadedInstrument {
    /// The instrument's id, as its definition gives it.
    pub id: String,
    /// When it was loaded (ms since the epoch).
    pub added_at: i64,
    /// The definition, exactly as loaded.
    pub json: String,
}

/// A record that something was removed: a check-in or pulse (by its id),
/// a loaded instrument (`instrument:<id>`) or a discarded draft
/// (`draft:<started_at>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tombstone {
    /// The key of what was removed.
    pub id: String,
    /// When it was removed (ms since the epoch).
    pub deleted_at: i64,
}

/// A record that something removed was brought back. It outweighs any
/// tombstone for the same key dated before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restoration {
    /// The key of what was brought back, as in [`Tombstone::id`].
    pub id: String,
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

/// How many entries of each kind some data holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EntryCounts {
    /// Completed check-ins.
    pub checkins: usize,
    /// Completed pulses.
    pub pulses: usize,
    /// Loaded instrument definitions.
    pub instruments: usize,
    /// Whether there is a check-in in progress.
    pub draft: bool,
}

/// The key a loaded instrument's tombstone or restoration is kept under.
pub fn instrument_key(id: &str) -> String {
    format!("{INSTRUMENT_KEY_PREFIX}{id}")
}

/// The key a discarded draft's tombstone is kept under.
pub fn draft_key(started_at: i64) -> String {
    format!("{DRAFT_KEY_PREFIX}{started_at}")
}

/// A new id for a check-in (`prefix` `c`) or a pulse (`p`) completed at
/// `now`, made unique by `nonce` (a random number the caller draws). Never
/// collides with an instrument or draft key.
pub fn entry_id(prefix: &str, now: i64, nonce: u32) -> String {
    format!("{prefix}-{now:x}-{nonce:08x}")
}

impl TendData {
    /// Whether there is nothing worth keeping: the data a first visit
    /// starts with. Nothing is written to storage until this is false.
    pub fn is_blank(&self) -> bool {
        *self == TendData::default()
    }

    /// How many check-ins, pulses and loaded instruments this data holds.
    pub fn counts(&self) -> EntryCounts {
        EntryCounts {
            checkins: self.checkins.len(),
            pulses: self.pulses.len(),
            instruments: self.instruments.len(),
            draft: self.draft.is_some(),
        }
    }

    /// The check-in with this id.
    pub fn checkin(&self, id: &str) -> Option<&CheckIn> {
        self.checkins.iter().find(|c| c.id == id)
    }

    /// The pulse with this id.
    pub fn pulse(&self, id: &str) -> Option<&Pulse> {
        self.pulses.iter().find(|p| p.id == id)
    }

    /// The most recently completed check-in.
    pub fn latest_checkin(&self) -> Option<&CheckIn> {
        self.checkins.iter().max_by(|a, b| entry_order(*a, *b))
    }

    /// The check-in completed just before the one with this id, of any
    /// instrument; none when it is the first or there is no such id.
    pub fn previous_checkin(&self, id: &str) -> Option<&CheckIn> {
        let this = self.checkin(id)?;
        self.checkins
            .iter()
            .filter(|c| entry_order(*c, this).is_lt())
            .max_by(|a, b| entry_order(*a, *b))
    }

    /// The check-in of the same instrument completed just before the one
    /// with this id: the one whose scores can be compared with it.
    pub fn previous_comparable_checkin(&self, id: &str) -> Option<&CheckIn> {
        let this = self.checkin(id)?;
        self.checkins
            .iter()
            .filter(|c| c.instrument_id == this.instrument_id && entry_order(*c, this).is_lt())
            .max_by(|a, b| entry_order(*a, *b))
    }

    /// When the latest check-in was completed, if there is one.
    pub fn last_checkin_at(&self) -> Option<i64> {
        self.latest_checkin().map(|c| c.completed_at)
    }

    /// Adds a completed check-in in date order. A check-in whose id is
    /// already here is not added twice.
    pub fn add_checkin(&mut self, checkin: CheckIn) {
        if self.checkin(&checkin.id).is_none() {
            self.checkins.push(checkin);
            self.checkins.sort_by(entry_order);
        }
    }

    /// Adds a completed pulse in date order. A pulse whose id is already
    /// here is not added twice.
    pub fn add_pulse(&mut self, pulse: Pulse) {
        if self.pulse(&pulse.id).is_none() {
            self.pulses.push(pulse);
            self.pulses.sort_by(entry_order);
        }
    }

    /// Starts a new draft of `instrument_id`, replacing any draft there
    /// was. Its times are kept after the latest check-in's completion, so
    /// that merging never takes it for a draft that was completed.
    pub fn start_draft(&mut self, instrument_id: &str, instrument_version: &str, now: i64) {
        let after_last = self
            .last_checkin_at()
            .map_or(now, |at| now.max(at.saturating_add(1)));
        self.draft = Some(Draft {
            instrument_id: instrument_id.to_string(),
            instrument_version: instrument_version.to_string(),
            started_at: after_last,
            updated_at: after_last,
            step: 0,
            answers: Answers::new(),
        });
    }

    /// Records one answer in the draft, on section `step`. Does nothing
    /// when there is no draft.
    pub fn answer_draft(&mut self, item_id: &str, answer: Answer, step: usize, now: i64) {
        if let Some(draft) = self.draft.as_mut() {
            draft.answers.insert(item_id.to_string(), answer);
            draft.step = step;
            draft.updated_at = draft.updated_at.max(now);
        }
    }

    /// Turns the draft into a completed check-in with id `id`, and returns
    /// it. Nothing happens when there is no draft.
    pub fn complete_draft(&mut self, id: &str, now: i64) -> Option<&CheckIn> {
        let draft = self.draft.take()?;
        self.add_checkin(CheckIn {
            id: id.to_string(),
            instrument_id: draft.instrument_id,
            instrument_version: draft.instrument_version,
            // Never before the last answer: a merge drops a draft once a
            // check-in completed at or after its last change exists.
            completed_at: now.max(draft.updated_at),
            answers: draft.answers,
        });
        self.checkin(id)
    }

    /// Discards the draft, leaving a tombstone so another tab's copy of it
    /// does not come back. Returns the discarded draft.
    pub fn discard_draft(&mut self, now: i64) -> Option<Draft> {
        let draft = self.draft.take()?;
        // At or after its last change, or the merge would keep it.
        record_tombstone(
            &mut self.deleted,
            &draft_key(draft.started_at),
            now.max(draft.updated_at),
        );
        Some(draft)
    }

    /// Removes the check-in or pulse with this id at `now`, leaving a
    /// tombstone. Returns what [`TendData::undo_delete`] needs, or none
    /// when there is no such entry.
    pub fn delete_entry(&mut self, id: &str, now: i64) -> Option<Deleted> {
        let entry = if let Some(i) = self.checkins.iter().position(|c| c.id == id) {
            DeletedEntry::CheckIn(self.checkins.remove(i))
        } else if let Some(i) = self.pulses.iter().position(|p| p.id == id) {
            DeletedEntry::Pulse(self.pulses.remove(i))
        } else {
            return None;
        };
        Some(self.bury(id.to_string(), entry, now))
    }

    /// Adds (or replaces with a newer version) an instrument definition the
    /// person loaded. The caller has validated `json`. Loading an
    /// instrument that was removed before brings it back for good.
    pub fn add_instrument(&mut self, id: &str, json: &str, now: i64) {
        let key = instrument_key(id);
        if let Some(stone) = self.deleted.iter().find(|t| t.id == key) {
            let at = now.max(stone.deleted_at.saturating_add(1));
            record_restoration(&mut self.restored, &key, at);
            self.deleted.retain(|t| t.id != key);
        }
        let added_at = self
            .instruments
            .iter()
            .find(|i| i.id == id)
            .map_or(now, |old| now.max(old.added_at.saturating_add(1)));
        self.instruments.retain(|i| i.id != id);
        self.instruments.push(LoadedInstrument {
            id: id.to_string(),
            added_at,
            json: json.to_string(),
        });
        self.instruments
            .sort_by(|a, b| (a.added_at, &a.id).cmp(&(b.added_at, &b.id)));
    }

    /// Removes a loaded instrument definition at `now`, leaving a
    /// tombstone. Check-ins made with it stay. Returns what
    /// [`TendData::undo_delete`] needs, or none when it is not loaded.
    pub fn remove_instrument(&mut self, id: &str, now: i64) -> Option<Deleted> {
        let i = self.instruments.iter().position(|l| l.id == id)?;
        let entry = DeletedEntry::Instrument(self.instruments.remove(i));
        Some(self.bury(instrument_key(id), entry, now))
    }

    /// Puts back what a removal took away and clears its tombstone,
    /// recording a restoration dated after the removal so that no merge
    /// removes it again. Returns whether anything was put back (false when
    /// it is already here).
    pub fn undo_delete(&mut self, deleted: Deleted, now: i64) -> bool {
        let key = deleted.tombstone.id.clone();
        let latest_removal = self
            .deleted
            .iter()
            .filter(|t| t.id == key)
            .map(|t| t.deleted_at)
            .chain([deleted.tombstone.deleted_at])
            .max()
            .unwrap_or(deleted.tombstone.deleted_at);
        self.deleted.retain(|t| t.id != key);
        record_restoration(
            &mut self.restored,
            &key,
            now.max(latest_removal.saturating_add(1)),
        );
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
            DeletedEntry::Instrument(l) => {
                if self.instruments.iter().any(|i| i.id == l.id) {
                    return false;
                }
                self.instruments.push(l);
                self.instruments
                    .sort_by(|a, b| (a.added_at, &a.id).cmp(&(b.added_at, &b.id)));
                true
            }
        }
    }

    /// Every key an entry here is known by: check-in and pulse ids, and
    /// `instrument:<id>` for loaded instruments.
    pub fn entry_keys(&self) -> BTreeSet<String> {
        key_set(
            self.checkins
                .iter()
                .map(|c| c.id.clone())
                .chain(self.pulses.iter().map(|p| p.id.clone()))
                .chain(self.instruments.iter().map(|i| instrument_key(&i.id))),
        )
    }

    /// Whether the key's latest tombstone is later than its latest
    /// restoration (or it has a tombstone and no restoration): whether an
    /// entry with this key must not be kept.
    pub fn is_removed(&self, key: &str) -> bool {
        let removed = latest_tombstone(&self.deleted, key);
        let restored = self
            .restored
            .iter()
            .filter(|r| r.id == key)
            .map(|r| r.restored_at)
            .max();
        match (removed, restored) {
            (Some(d), Some(r)) => d > r,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }

    /// Brings the data into its one canonical form, which every merge
    /// produces and every decoded envelope is put in:
    ///
    /// - for each key, the later of its tombstone and its restoration wins
    ///   (a tie goes to the restoration, which keeps the data); the loser
    ///   is dropped, and so is an entry whose key is removed;
    /// - one entry per id (the later `completed_at`/`added_at`; on a tie,
    ///   the first), sorted by date then id;
    /// - a draft is dropped when a check-in was completed at or after its
    ///   last change, or it was discarded at or after its last change;
    /// - the check-in interval is kept within its allowed range.
    pub fn normalise(&mut self) {
        self.deleted = latest_per_key(
            std::mem::take(&mut self.deleted),
            |t| &t.id,
            |t| t.deleted_at,
        );
        self.restored = latest_per_key(
            std::mem::take(&mut self.restored),
            |r| &r.id,
            |r| r.restored_at,
        );
        let removed = key_set(
            self.deleted
                .iter()
                .filter(|t| self.is_removed(&t.id))
                .map(|t| t.id.clone()),
        );
        self.deleted.retain(|t| removed.contains(&t.id));
        self.restored.retain(|r| !removed.contains(&r.id));

        self.checkins = latest_per_key(
            std::mem::take(&mut self.checkins),
            |c| &c.id,
            |c| c.completed_at,
        );
        self.checkins.retain(|c| !removed.contains(&c.id));
        self.checkins.sort_by(entry_order);

        self.pulses = latest_per_key(
            std::mem::take(&mut self.pulses),
            |p| &p.id,
            |p| p.completed_at,
        );
        self.pulses.retain(|p| !removed.contains(&p.id));
        self.pulses.sort_by(entry_order);

        self.instruments = latest_per_key(
            std::mem::take(&mut self.instruments),
            |i| &i.id,
            |i| i.added_at,
        );
        self.instruments
            .retain(|i| !removed.contains(&instrument_key(&i.id)));
        self.instruments
            .sort_by(|a, b| (a.added_at, &a.id).cmp(&(b.added_at, &b.id)));

        self.journal = editable(
            std::mem::take(&mut self.journal),
            &removed,
            JOURNAL_KEY_PREFIX,
            |e| (&e.id, e.updated_at, e.created_at),
        );
        self.why_cards = editable(
            std::mem::take(&mut self.why_cards),
            &removed,
            CARD_KEY_PREFIX,
            |c| (&c.id, c.updated_at, c.created_at),
        );

        self.practice_log =
            latest_per_key(std::mem::take(&mut self.practice_log), |p| &p.id, |p| p.at);
        self.practice_log
            .sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));

        self.plan = editable(
            std::mem::take(&mut self.plan),
            &removed,
            PLAN_KEY_PREFIX,
            |e| (&e.id, e.updated_at, e.added_at),
        );

        self.done = latest_per(
            std::mem::take(&mut self.done),
            |a, b| a.item == b.item && a.on == b.on,
            |d| d.updated_at,
        );
        self.done
            .sort_by(|a, b| (&a.on, &a.item).cmp(&(&b.on, &b.item)));

        if self.draft.as_ref().is_some_and(|d| self.supersedes(d)) {
            self.draft = None;
        }
        self.settings.checkin_interval_days = clamp_interval(self.settings.checkin_interval_days);
    }

    /// Whether `draft` is over: a check-in was completed at or after its
    /// last change, or it was discarded at or after its last change.
    pub fn supersedes(&self, draft: &Draft) -> bool {
        let completed = self
            .checkins
            .iter()
            .any(|c| c.completed_at >= draft.updated_at);
        let discarded = latest_tombstone(&self.deleted, &draft_key(draft.started_at))
            .is_some_and(|at| at >= draft.updated_at);
        completed || discarded
    }

    fn bury(&mut self, key: String, entry: DeletedEntry, now: i64) -> Deleted {
        let tombstone = self.remove_key(key, now);
        Deleted { entry, tombstone }
    }

    /// Records that what `key` names was removed at `now` (or just after
    /// its latest restoration, which would otherwise outweigh this).
    pub(crate) fn remove_key(&mut self, key: String, now: i64) -> Tombstone {
        let restored = self
            .restored
            .iter()
            .filter(|r| r.id == key)
            .map(|r| r.restored_at)
            .max();
        let at = restored.map_or(now, |r| now.max(r.saturating_add(1)));
        self.restored.retain(|r| r.id != key);
        record_tombstone(&mut self.deleted, &key, at);
        Tombstone {
            id: key,
            deleted_at: at,
        }
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

impl Entry for Pulse {
    fn id(&self) -> &str {
        &self.id
    }
    fn completed_at(&self) -> i64 {
        self.completed_at
    }
}

/// Date order, then id order so that equal times still sort one way.
fn entry_order<E: Entry>(a: &E, b: &E) -> std::cmp::Ordering {
    (a.completed_at(), a.id()).cmp(&(b.completed_at(), b.id()))
}

/// `days` within the allowed check-in interval range.
pub fn clamp_interval(days: u32) -> u32 {
    days.clamp(MIN_CHECKIN_INTERVAL_DAYS, MAX_CHECKIN_INTERVAL_DAYS)
}

fn latest_tombstone(deleted: &[Tombstone], key: &str) -> Option<i64> {
    deleted
        .iter()
        .filter(|t| t.id == key)
        .map(|t| t.deleted_at)
        .max()
}

fn record_tombstone(deleted: &mut Vec<Tombstone>, key: &str, at: i64) {
    match deleted.iter_mut().find(|t| t.id == key) {
        Some(t) => t.deleted_at = t.deleted_at.max(at),
        None => deleted.push(Tombstone {
            id: key.to_string(),
            deleted_at: at,
        }),
    }
}

fn record_restoration(restored: &mut Vec<Restoration>, key: &str, at: i64) {
    match restored.iter_mut().find(|r| r.id == key) {
        Some(r) => r.restored_at = r.restored_at.max(at),
        None => restored.push(Restoration {
            id: key.to_string(),
            restored_at: at,
        }),
    }
}

/// One item per key: the one with the latest time, the first on a tie.
/// Keeps the order in which keys first appear.
/// Records the person can edit (journal entries, cards, plan items): one
/// per id, the one changed last; none whose `<prefix><id>` key is removed;
/// ordered by when each was first made, then id. `fields` gives a record's
/// id, when it last changed and when it was made.
fn editable<T>(
    items: Vec<T>,
    removed: &BTreeSet<String>,
    prefix: &str,
    fields: impl Fn(&T) -> (&String, i64, i64),
) -> Vec<T> {
    let mut kept = latest_per_key(items, |r| fields(r).0, |r| fields(r).1);
    kept.retain(|r| !removed.contains(&format!("{prefix}{}", fields(r).0)));
    kept.sort_by(|a, b| {
        let (a, b) = (fields(a), fields(b));
        (a.2, a.0).cmp(&(b.2, b.0))
    });
    kept
}

/// A set of keys, built one insert at a time: collecting into a
/// `BTreeSet` sorts with the standard library's sort, which would add its
/// code to the download for no gain on sets this small.
fn key_set(keys: impl Iterator<Item = String>) -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    for k in keys {
        set.insert(k);
    }
    set
}

fn latest_per_key<T>(items: Vec<T>, key: impl Fn(&T) -> &String, at: impl Fn(&T) -> i64) -> Vec<T> {
    latest_per(items, |a, b| key(a) == key(b), at)
}

/// Like [`latest_per_key`], with `same` saying which items are one.
fn latest_per<T>(items: Vec<T>, same: impl Fn(&T, &T) -> bool, at: impl Fn(&T) -> i64) -> Vec<T> {
    let mut kept: Vec<T> = Vec::with_capacity(items.len());
    for item in items {
        match kept.iter().position(|k| same(k, &item)) {
            Some(i) if at(&item) > at(&kept[i]) => kept[i] = item,
            Some(_) => {}
            None => kept.push(item),
        }
    }
    kept
}

/// Colour scheme choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the system setting.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// Base text size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextSize {
    /// The browser's default size.
    #[default]
    Normal,
    /// One step larger.
    Large,
    /// Two steps larger.
    Larger,
}

/// The person's preferences.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Chosen language code; `None` follows the browser.
    pub language: Option<String>,
    /// Colour scheme.
    pub theme: Theme,
    /// Base text size.
    pub text_size: TextSize,
    /// Region id for crisis contacts (`us`, `ca`, `uk-ie`, `au`, `other`);
    /// `None` until the person picks one.
    pub region: Option<String>,
    /// Days from one check-in to the next reminder, from
    /// [`MIN_CHECKIN_INTERVAL_DAYS`] to [`MAX_CHECKIN_INTERVAL_DAYS`].
    pub checkin_interval_days: u32,
    /// When these settings last changed (ms since the epoch); the newer
    /// side wins when two tabs or an import disagree.
    pub updated_at: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            language: None,
            theme: Theme::default(),
            text_size: TextSize::default(),
            region: None,
            checkin_interval_days: DEFAULT_CHECKIN_INTERVAL_DAYS,
            updated_at: 0,
        }
    }
}

/// A check-in interval outside the allowed range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IntervalOutOfRange {
    /// The number of days asked for.
    pub days: u32,
}

impl Settings {
    /// Sets the check-in interval at `now`, refusing one outside
    /// [`MIN_CHECKIN_INTERVAL_DAYS`]..=[`MAX_CHECKIN_INTERVAL_DAYS`].
    pub fn set_checkin_interval(&mut self, days: u32, now: i64) -> Result<(), IntervalOutOfRange> {
        if clamp_interval(days) != days {
            return Err(IntervalOutOfRange { days });
        }
        self.checkin_interval_days = days;
        self.updated_at = now.max(self.updated_at.saturating_add(1));
        Ok(())
    }
}

// ------------------------------------------------------------------ JSON
//
// As schema 2 writes it: every field always present (`null` for none),
// object keys sorted. Reading refuses unknown fields; a field left out
// takes its default, and an optional one may be null.

const ANY_TIME: (i64, i64) = (i64::MIN, i64::MAX);

impl Theme {
    const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];
    const NAMES: [&'static str; 3] = ["system", "light", "dark"];
}

impl TextSize {
    const ALL: [TextSize; 3] = [TextSize::Normal, TextSize::Large, TextSize::Larger];
    const NAMES: [&'static str; 3] = ["normal", "large", "larger"];
}

pub(crate) fn time(f: &Fields, key: &str) -> Result<i64, JsonError> {
    f.integer(key, ANY_TIME.0, ANY_TIME.1)
}

pub(crate) fn record(pairs: Vec<(&str, Value)>) -> Value {
    let mut m = Map::new();
    for (key, value) in pairs {
        m.insert(key, value);
    }
    Value::Object(m)
}

impl TendData {
    /// The data as JSON.
    pub fn to_json(&self) -> Value {
        let mut fields = vec![
            ("settings", self.settings.to_json()),
            ("last_exported_at", self.last_exported_at.into()),
            ("checkins", list(&self.checkins, CheckIn::to_json)),
            ("pulses", list(&self.pulses, Pulse::to_json)),
            (
                "draft",
                self.draft.as_ref().map_or(Value::Null, Draft::to_json),
            ),
            (
                "instruments",
                list(&self.instruments, LoadedInstrument::to_json),
            ),
            ("deleted", list(&self.deleted, Tombstone::to_json)),
            ("restored", list(&self.restored, Restoration::to_json)),
        ];
        // Written only when there is something, so data without them reads
        // exactly as it did before they existed.
        let optional = [
            ("journal", list(&self.journal, JournalEntry::to_json)),
            ("why_cards", list(&self.why_cards, WhyCard::to_json)),
            (
                "practice_log",
                list(&self.practice_log, PracticeLog::to_json),
            ),
            ("plan", list(&self.plan, PlanEntry::to_json)),
            ("done", list(&self.done, DoneRecord::to_json)),
        ];
        fields.extend(
            optional
                .into_iter()
                .filter(|(_, v)| v.as_array().is_some_and(|a| !a.is_empty())),
        );
        if !self.time_off.is_default() {
            fields.push(("time_off", self.time_off.to_json()));
        }
        record(fields)
    }

    /// Reads data written by [`TendData::to_json`].
    pub fn from_json(v: &Value) -> Result<TendData, JsonError> {
        let f = Fields::read(
            v,
            0,
            &[
                "settings",
                "last_exported_at",
                "checkins",
                "pulses",
                "draft",
                "instruments",
                "deleted",
                "restored",
                "journal",
                "why_cards",
                "practice_log",
                "plan",
                "done",
                "time_off",
            ],
        )?;
        Ok(TendData {
            settings: match f.get("settings") {
                None => Settings::default(),
                Some((v, at)) => Settings::from_json(v, at)?,
            },
            last_exported_at: f.optional_integer("last_exported_at", ANY_TIME.0, ANY_TIME.1)?,
            checkins: f.list("checkins", false, CheckIn::from_json)?,
            pulses: f.list("pulses", false, Pulse::from_json)?,
            draft: match f.get("draft") {
                None | Some((Value::Null, _)) => None,
                Some((v, at)) => Some(Draft::from_json(v, at)?),
            },
            instruments: f.list("instruments", false, LoadedInstrument::from_json)?,
            deleted: f.list("deleted", false, Tombstone::from_json)?,
            restored: f.list("restored", false, Restoration::from_json)?,
            journal: f.list("journal", false, JournalEntry::from_json)?,
            why_cards: f.list("why_cards", false, WhyCard::from_json)?,
            practice_log: f.list("practice_log", false, PracticeLog::from_json)?,
            plan: f.list("plan", false, PlanEntry::from_json)?,
            done: f.list("done", false, DoneRecord::from_json)?,
            time_off: match f.get("time_off") {
                None | Some((Value::Null, _)) => TimeOffRecord::default(),
                Some((v, at)) => TimeOffRecord::from_json(v, at)?,
            },
        })
    }
}

pub(crate) fn list<T>(items: &[T], write: fn(&T) -> Value) -> Value {
    Value::Array(items.iter().map(write).collect())
}

impl Settings {
    fn to_json(&self) -> Value {
        record(vec![
            ("language", self.language.as_deref().into()),
            ("theme", Theme::NAMES[self.theme as usize].into()),
            ("text_size", TextSize::NAMES[self.text_size as usize].into()),
            ("region", self.region.as_deref().into()),
            (
                "checkin_interval_days",
                u64::from(self.checkin_interval_days).into(),
            ),
            ("updated_at", self.updated_at.into()),
        ])
    }

    fn from_json(v: &Value, at: usize) -> Result<Settings, JsonError> {
        let f = Fields::read(
            v,
            at,
            &[
                "language",
                "theme",
                "text_size",
                "region",
                "checkin_interval_days",
                "updated_at",
            ],
        )?;
        let default = Settings::default();
        Ok(Settings {
            language: f.optional_string("language")?,
            theme: match f.get("theme") {
                None => default.theme,
                Some((v, at)) => Theme::ALL[json::variant(v, at, &Theme::NAMES)?],
            },
            text_size: match f.get("text_size") {
                None => default.text_size,
                Some((v, at)) => TextSize::ALL[json::variant(v, at, &TextSize::NAMES)?],
            },
            region: f.optional_string("region")?,
            checkin_interval_days: match f.get("checkin_interval_days") {
                None => default.checkin_interval_days,
                Some((v, at)) => json::integer(v, at, 0, u32::MAX.into())? as u32,
            },
            updated_at: match f.get("updated_at") {
                None => default.updated_at,
                Some(_) => time(&f, "updated_at")?,
            },
        })
    }
}

impl CheckIn {
    fn to_json(&self) -> Value {
        record(vec![
            ("id", self.id.as_str().into()),
            ("instrument_id", self.instrument_id.as_str().into()),
            (
                "instrument_version",
                self.instrument_version.as_str().into(),
            ),
            ("completed_at", self.completed_at.into()),
            ("answers", answers_to_json(&self.answers)),
        ])
    }

    fn from_json(v: &Value, at: usize) -> Result<CheckIn, JsonError> {
        let f = Fields::read(
            v,
            at,
            &[
                "id",
                "instrument_id",
                "instrument_version",
                "completed_at",
                "answers",
            ],
        )?;
        let (answers, answers_at) = f.required("answers")?;
        Ok(CheckIn {
            id: f.string("id")?,
            instrument_id: f.string("instrument_id")?,
            instrument_version: f.string("instrument_version")?,
            completed_at: time(&f, "completed_at")?,
            answers: answers_from_json(answers, answers_at)?,
        })
    }
}

impl Pulse {
    fn to_json(&self) -> Value {
        record(vec![
            ("id", self.id.as_str().into()),
            ("completed_at", self.completed_at.into()),
            ("answers", answers_to_json(&self.answers)),
        ])
    }

    fn from_json(v: &Value, at: usize) -> Result<Pulse, JsonError> {
        let f = Fields::read(v, at, &["id", "completed_at", "answers"])?;
        let (answers, answers_at) = f.required("answers")?;
        Ok(Pulse {
            id: f.string("id")?,
            completed_at: time(&f, "completed_at")?,
            answers: answers_from_json(answers, answers_at)?,
        })
    }
}

impl Draft {
    fn to_json(&self) -> Value {
        record(vec![
            ("instrument_id", self.instrument_id.as_str().into()),
            (
                "instrument_version",
                self.instrument_version.as_str().into(),
            ),
            ("started_at", self.started_at.into()),
            ("updated_at", self.updated_at.into()),
            ("step", (self.step as u64).into()),
            ("answers", answers_to_json(&self.answers)),
        ])
    }

    fn from_json(v: &Value, at: usize) -> Result<Draft, JsonError> {
        let f = Fields::read(
            v,
            at,
            &[
                "instrument_id",
                "instrument_version",
                "started_at",
                "updated_at",
                "step",
                "answers",
            ],
        )?;
        let (answers, answers_at) = f.required("answers")?;
        let most_steps = i64::try_from(usize::MAX).unwrap_or(i64::MAX);
        Ok(Draft {
            instrument_id: f.string("instrument_id")?,
            instrument_version: f.string("instrument_version")?,
            started_at: time(&f, "started_at")?,
            updated_at: time(&f, "updated_at")?,
            step: usize::try_from(f.integer("step", 0, most_steps)?).unwrap_or(0),
            answers: answers_from_json(answers, answers_at)?,
        })
    }
}

impl LoadedInstrument {
    fn to_json(&self) -> Value {
        record(vec![
            ("id", self.id.as_str().into()),
            ("added_at", self.added_at.into()),
            ("json", self.json.as_str().into()),
        ])
    }

    fn from_json(v: &Value, at: usize) -> Result<LoadedInstrument, JsonError> {
        let f = Fields::read(v, at, &["id", "added_at", "json"])?;
        Ok(LoadedInstrument {
            id: f.string("id")?,
            added_at: time(&f, "added_at")?,
            json: f.string("json")?,
        })
    }
}

impl Tombstone {
    fn to_json(&self) -> Value {
        record(vec![
            ("id", self.id.as_str().into()),
            ("deleted_at", self.deleted_at.into()),
        ])
    }

    fn from_json(v: &Value, at: usize) -> Result<Tombstone, JsonError> {
        let f = Fields::read(v, at, &["id", "deleted_at"])?;
        Ok(Tombstone {
            id: f.string("id")?,
            deleted_at: time(&f, "deleted_at")?,
        })
    }
}

impl Restoration {
    fn to_json(&self) -> Value {
        record(vec![
            ("id", self.id.as_str().into()),
            ("restored_at", self.restored_at.into()),
        ])
    }

    fn from_json(v: &Value, at: usize) -> Result<Restoration, JsonError> {
        let f = Fields::read(v, at, &["id", "restored_at"])?;
        Ok(Restoration {
            id: f.string("id")?,
            restored_at: time(&f, "restored_at")?,
        })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::store::arbitrary;
    use crate::store::merge::merge;
    use proptest::prelude::*;

    fn checkin(id: &str, at: i64, instrument: &str) -> CheckIn {
        CheckIn {
            id: id.into(),
            instrument_id: instrument.into(),
            instrument_version: "1".into(),
            completed_at: at,
            answers: Answers::from([("a".to_string(), Answer::Value(1))]),
        }
    }

    fn pulse(id: &str, at: i64) -> Pulse {
        Pulse {
            id: id.into(),
            completed_at: at,
            answers: Answers::new(),
        }
    }

    fn ids(d: &TendData) -> Vec<&str> {
        d.checkins.iter().map(|c| c.id.as_str()).collect()
    }

    fn sample() -> TendData {
        let mut d = TendData::default();
        for (id, at, instrument) in [
            ("c3", 30, "tend"),
            ("c1", 10, "tend"),
            ("o2", 20, "org"),
            ("c4", 40, "org"),
        ] {
            d.add_checkin(checkin(id, at, instrument));
        }
        d.add_pulse(pulse("p2", 25));
        d.add_pulse(pulse("p1", 5));
        d
    }

    #[test]
    fn entries_are_kept_in_date_order_once_each() {
        let mut d = sample();
        assert_eq!(ids(&d), ["c1", "o2", "c3", "c4"]);
        d.add_checkin(checkin("c1", 99, "tend"));
        assert_eq!(ids(&d), ["c1", "o2", "c3", "c4"], "an id is added once");
        let pulses: Vec<&str> = d.pulses.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(pulses, ["p1", "p2"]);
        assert_eq!(
            d.counts(),
            EntryCounts {
                checkins: 4,
                pulses: 2,
                instruments: 0,
                draft: false
            }
        );
    }

    #[test]
    fn latest_and_previous_check_ins() {
        let d = sample();
        let id = |c: Option<&CheckIn>| c.map(|c| c.id.clone());
        let cases = [
            // (asked about, previous of any instrument, previous of the same)
            ("c1", None, None),
            ("o2", Some("c1"), None),
            ("c3", Some("o2"), Some("c1")),
            ("c4", Some("c3"), Some("o2")),
            ("missing", None, None),
        ];
        for (asked, any, same) in cases {
            assert_eq!(
                id(d.previous_checkin(asked)),
                any.map(String::from),
                "{asked}"
            );
            assert_eq!(
                id(d.previous_comparable_checkin(asked)),
                same.map(String::from),
                "{asked}"
            );
        }
        assert_eq!(id(d.latest_checkin()), Some("c4".into()));
        assert_eq!(d.last_checkin_at(), Some(40));
        assert_eq!(TendData::default().latest_checkin(), None);

        // Two completed in the same millisecond still have an order.
        let mut tie = TendData::default();
        tie.add_checkin(checkin("b", 5, "tend"));
        tie.add_checkin(checkin("a", 5, "tend"));
        assert_eq!(id(tie.latest_checkin()), Some("b".into()));
        assert_eq!(id(tie.previous_checkin("b")), Some("a".into()));
        assert_eq!(id(tie.previous_checkin("a")), None);
    }

    #[test]
    fn deleting_leaves_a_tombstone_and_undo_puts_it_back() {
        let mut d = sample();
        let before = d.clone();
        let deleted = d.delete_entry("o2", 100).expect("o2 is there");
        assert_eq!(ids(&d), ["c1", "c3", "c4"]);
        assert_eq!(
            deleted.tombstone,
            Tombstone {
                id: "o2".into(),
                deleted_at: 100
            }
        );
        assert_eq!(d.deleted, vec![deleted.tombstone.clone()]);
        assert!(d.is_removed("o2"));
        assert!(matches!(&deleted.entry, DeletedEntry::CheckIn(c) if c.id == "o2"));

        assert!(d.undo_delete(deleted.clone(), 101));
        assert_eq!(ids(&d), ["c1", "o2", "c3", "c4"], "back in its place");
        assert!(d.deleted.is_empty(), "the undo removes the tombstone");
        assert_eq!(
            d.restored,
            vec![Restoration {
                id: "o2".into(),
                restored_at: 101
            }]
        );
        assert!(!d.is_removed("o2"));
        assert_eq!(d.checkins, before.checkins);
        assert!(!d.undo_delete(deleted, 102), "nothing to put back twice");
        assert_eq!(ids(&d), ["c1", "o2", "c3", "c4"]);
    }

    #[test]
    fn pulses_delete_and_undo_the_same_way() {
        let mut d = sample();
        let deleted = d.delete_entry("p2", 50).expect("p2 is there");
        assert!(matches!(&deleted.entry, DeletedEntry::Pulse(p) if p.id == "p2"));
        assert!(d.pulse("p2").is_none());
        assert!(d.undo_delete(deleted, 51));
        assert!(d.pulse("p2").is_some());
        assert_eq!(d.delete_entry("nothing", 52), None);
        assert!(d.deleted.is_empty());
    }

    #[test]
    fn times_that_go_backwards_still_order_removals_and_undos() {
        let mut d = sample();
        let deleted = d.delete_entry("c1", 100).expect("c1");
        // The clock went back: the undo is still dated after the removal.
        assert!(d.undo_delete(deleted, 50));
        assert_eq!(d.restored[0].restored_at, 101);
        // And a second removal after it.
        let again = d.delete_entry("c1", 60).expect("c1 is back");
        assert_eq!(again.tombstone.deleted_at, 102);
        assert!(d.restored.is_empty());
        assert!(d.is_removed("c1"));
    }

    #[test]
    fn drafts_start_answer_complete_and_discard() {
        let mut d = sample();
        // Started "before" the last check-in by the clock: kept after it.
        d.start_draft("tend", "1", 35);
        let draft = d.draft.clone().expect("started");
        assert_eq!((draft.started_at, draft.updated_at), (41, 41));
        assert!(!d.supersedes(&draft));

        d.answer_draft("int-images", Answer::Value(3), 1, 60);
        d.answer_draft("bo-workload", Answer::PreferNot, 2, 55);
        let draft = d.draft.clone().expect("still there");
        assert_eq!(draft.updated_at, 60, "never goes back");
        assert_eq!(draft.step, 2);
        assert_eq!(draft.answers.len(), 2);

        let done = d.complete_draft("c5", 58).cloned().expect("completed");
        assert_eq!(done.completed_at, 60, "not before the last answer");
        assert_eq!(done.answers, draft.answers);
        assert_eq!(d.draft, None);
        assert!(d.supersedes(&draft));
        assert_eq!(d.complete_draft("c6", 70), None);

        d.start_draft("tend", "1", 80);
        d.answer_draft("int-images", Answer::Value(1), 0, 90);
        let discarded = d.discard_draft(85).expect("discarded");
        assert_eq!(d.draft, None);
        assert_eq!(
            d.deleted,
            vec![Tombstone {
                id: draft_key(80),
                deleted_at: 90
            }]
        );
        assert!(d.supersedes(&discarded));
        assert_eq!(d.discard_draft(95), None);
        d.answer_draft("x", Answer::Value(1), 0, 100);
        assert_eq!(d.draft, None, "answering without a draft does nothing");
    }

    #[test]
    fn loaded_instruments_add_replace_remove_and_come_back() {
        let mut d = TendData::default();
        d.add_instrument("org", "{\"v\":1}", 10);
        d.add_instrument("other", "{}", 12);
        d.add_instrument("org", "{\"v\":2}", 11);
        let org: Vec<(&str, i64, &str)> = d
            .instruments
            .iter()
            .map(|i| (i.id.as_str(), i.added_at, i.json.as_str()))
            .collect();
        assert_eq!(org, [("org", 11, "{\"v\":2}"), ("other", 12, "{}")]);

        let removed = d.remove_instrument("org", 20).expect("loaded");
        assert_eq!(removed.tombstone.id, "instrument:org");
        assert!(d.is_removed("instrument:org"));
        assert!(!d.is_removed("org"), "a check-in called org is another key");
        assert_eq!(d.remove_instrument("org", 21), None);

        assert!(d.undo_delete(removed, 22));
        assert_eq!(d.instruments.len(), 2);
        assert!(!d.is_removed("instrument:org"));

        // Removed, then loaded again from the file: back for good.
        d.remove_instrument("other", 30).expect("loaded");
        d.add_instrument("other", "{}", 31);
        assert!(d.deleted.is_empty());
        assert!(!d.is_removed("instrument:other"));
        let mut copy = d.clone();
        copy.normalise();
        assert_eq!(copy, d);
    }

    #[test]
    fn normalising_fixes_everything_a_merge_relies_on() {
        let raw = TendData {
            settings: Settings {
                checkin_interval_days: 3,
                ..Settings::default()
            },
            checkins: vec![
                checkin("b", 20, "tend"),
                checkin("a", 10, "tend"),
                checkin("b", 25, "org"),
                checkin("gone", 15, "tend"),
                checkin("back", 16, "tend"),
            ],
            pulses: vec![pulse("p", 1), pulse("p", 1)],
            draft: Some(Draft {
                instrument_id: "tend".into(),
                instrument_version: "1".into(),
                started_at: 1,
                updated_at: 24,
                step: 0,
                answers: Answers::new(),
            }),
            deleted: vec![
                Tombstone {
                    id: "gone".into(),
                    deleted_at: 30,
                },
                Tombstone {
                    id: "back".into(),
                    deleted_at: 30,
                },
                Tombstone {
                    id: "gone".into(),
                    deleted_at: 31,
                },
            ],
            restored: vec![
                Restoration {
                    id: "back".into(),
                    restored_at: 30,
                },
                Restoration {
                    id: "gone".into(),
                    restored_at: 29,
                },
            ],
            ..TendData::default()
        };
        let mut d = raw.clone();
        d.normalise();
        assert_eq!(ids(&d), ["a", "back", "b"]);
        assert_eq!(
            d.checkin("b").map(|c| c.instrument_id.as_str()),
            Some("org")
        );
        assert_eq!(d.pulses.len(), 1);
        assert_eq!(d.settings.checkin_interval_days, MIN_CHECKIN_INTERVAL_DAYS);
        assert_eq!(
            d.deleted,
            vec![Tombstone {
                id: "gone".into(),
                deleted_at: 31
            }]
        );
        assert_eq!(
            d.restored,
            vec![Restoration {
                id: "back".into(),
                restored_at: 30
            }],
            "a tie keeps the data"
        );
        assert_eq!(
            d.draft, None,
            "b was completed after the draft's last change"
        );
        let mut twice = d.clone();
        twice.normalise();
        assert_eq!(twice, d);
    }

    #[test]
    fn the_check_in_interval_is_kept_in_range() {
        let mut s = Settings::default();
        assert_eq!(s.checkin_interval_days, DEFAULT_CHECKIN_INTERVAL_DAYS);
        for (days, ok) in [
            (6, false),
            (7, true),
            (30, true),
            (90, true),
            (91, false),
            (0, false),
        ] {
            let before = s.clone();
            let result = s.set_checkin_interval(days, 5);
            if ok {
                assert_eq!(result, Ok(()), "{days}");
                assert_eq!(s.checkin_interval_days, days);
                assert!(s.updated_at > before.updated_at, "a change wins a merge");
            } else {
                assert_eq!(result, Err(IntervalOutOfRange { days }), "{days}");
                assert_eq!(s, before, "{days}");
            }
        }
        assert_eq!(clamp_interval(1), 7);
        assert_eq!(clamp_interval(1000), 90);
    }

    #[test]
    fn entry_ids_never_look_like_other_keys() {
        let id = entry_id("c", 1_764_150_000_000, 42);
        assert_eq!(id, "c-19abf88b980-0000002a");
        assert_ne!(entry_id("c", 1, 1), entry_id("c", 1, 2));
        assert_ne!(entry_id("c", 1, 1), entry_id("p", 1, 1));
        for prefix in ["c", "p"] {
            let id = entry_id(prefix, 5, 7);
            assert!(!id.starts_with(INSTRUMENT_KEY_PREFIX) && !id.starts_with(DRAFT_KEY_PREFIX));
        }
        assert_eq!(instrument_key("org"), "instrument:org");
        assert_eq!(draft_key(12), "draft:12");
    }

    #[test]
    fn blank_data_is_the_default_with_a_fourteen_day_interval() {
        let d = TendData::default();
        assert!(d.is_blank());
        assert_eq!(d.settings.checkin_interval_days, 14);
        let parsed = TendData::from_json(&Value::Object(Map::new())).expect("reads");
        assert_eq!(parsed, d, "every field has a default");
        let mut with_stone = d.clone();
        with_stone.deleted.push(Tombstone {
            id: "x".into(),
            deleted_at: 1,
        });
        assert!(!with_stone.is_blank(), "a removal is worth keeping");
    }

    proptest! {
        #[test]
        fn delete_then_undo_keeps_every_entry_even_across_merges(
            data in arbitrary::data(),
            pick in any::<prop::sample::Index>(),
            at in 30i64..40,
        ) {
            let keys: Vec<String> = data
                .checkins.iter().map(|c| c.id.clone())
                .chain(data.pulses.iter().map(|p| p.id.clone()))
                .collect();
            prop_assume!(!keys.is_empty());
            let id = pick.get(&keys).clone();
            let mut d = data.clone();
            let deleted = d.delete_entry(&id, at).expect("there");
            let gone = d.clone();
            prop_assert!(!d.entry_keys().contains(&id));
            prop_assert!(!merge(&data, &gone).entry_keys().contains(&id));
            prop_assert!(!merge(&gone, &data).entry_keys().contains(&id));
            prop_assert!(d.undo_delete(deleted, at));
            prop_assert_eq!(d.entry_keys(), data.entry_keys());
            for other in [&data, &gone] {
                prop_assert!(merge(&d, other).entry_keys().contains(&id));
                prop_assert!(merge(other, &d).entry_keys().contains(&id));
            }
        }

        #[test]
        fn normalising_is_idempotent(data in arbitrary::raw_data()) {
            let mut once = data.clone();
            once.normalise();
            let mut twice = once.clone();
            twice.normalise();
            prop_assert_eq!(once, twice);
        }
    }
}
