//! Check-ins: completed ones, which never change once saved, and the one
//! in progress (the draft), saved on every answer.

use super::data::TendData;
use super::removal::{latest_per_key, Deleted, DeletedEntry, Removed};
use crate::domain::answer::{Answer, Answers};
use crate::domain::entry;
pub use crate::domain::entry::{entry_order, CheckIn, Entry};
use crate::domain::instrument::Instrument;
use crate::domain::progress;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The check-in in progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// The answers so far.
    pub answers: Answers,
    /// The id of the instrument being answered.
    pub instrument_id: String,
    /// The version of that instrument.
    pub instrument_version: String,
    /// When it was started (ms since the epoch); also what identifies this
    /// draft when it is discarded.
    pub started_at: i64,
    /// The section the person was on, from 0.
    pub step: usize,
    /// When it last changed (ms since the epoch).
    pub updated_at: i64,
}

/// A new id for a check-in (`prefix` `c`) or a pulse (`p`) completed at
/// `now`, made unique by `nonce` (a random number the caller draws). Never
/// looks like the key of anything else that can be removed (see
/// [`Removed::entry`]).
pub fn entry_id(prefix: &str, now: i64, nonce: u32) -> String {
    format!("{prefix}-{now:x}-{nonce:08x}")
}

impl TendData {
    /// The check-in with this id.
    pub fn checkin(&self, id: &str) -> Option<&CheckIn> {
        entry::find(&self.checkins, id)
    }

    /// The most recently completed check-in.
    pub fn latest_checkin(&self) -> Option<&CheckIn> {
        self.checkins.iter().max_by(|a, b| entry_order(*a, *b))
    }

    /// The check-in completed just before the one with this id, of any
    /// instrument; none when it is the first or there is no such id.
    pub fn previous_checkin(&self, id: &str) -> Option<&CheckIn> {
        entry::previous_checkin(&self.checkins, id)
    }

    /// The check-in of the same instrument completed just before the one
    /// with this id: the one whose scores can be compared with it.
    pub fn previous_comparable_checkin(&self, id: &str) -> Option<&CheckIn> {
        entry::previous_comparable_checkin(&self.checkins, id)
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

    /// Carries the draft over to `instrument` when the draft was started
    /// with another version of it (Tend's check-in changed while the person
    /// was part way through). Answers to items the new version still asks,
    /// and still accepts, are kept: an item id never changes meaning between
    /// versions of Tend's check-in. The others are dropped, so those
    /// questions are asked afresh, and the draft resumes at the first screen
    /// with a question still to answer. Returns whether the draft changed.
    pub fn carry_draft_over(&mut self, instrument: &Instrument, now: i64) -> bool {
        let Some(draft) = self.draft.as_mut() else {
            return false;
        };
        if draft.instrument_id != instrument.id || draft.instrument_version == instrument.version {
            return false;
        }
        draft.answers.retain(|id, answer| {
            instrument
                .item(id)
                .is_some_and(|item| item.accepts(&instrument.scale, answer))
        });
        draft.instrument_version = instrument.version.clone();
        draft.step = progress::resume_step(instrument, &draft.answers);
        draft.updated_at = draft.updated_at.max(now);
        true
    }

    /// Discards the draft, leaving a tombstone so another tab's copy of it
    /// does not come back. Returns the discarded draft.
    pub fn discard_draft(&mut self, now: i64) -> Option<Draft> {
        let draft = self.draft.take()?;
        // At or after its last change, or the merge would keep it.
        self.remove_key(Removed::Draft(draft.started_at), now.max(draft.updated_at));
        Some(draft)
    }

    /// Whether `draft` is over: a check-in was completed at or after its
    /// last change, or it was discarded at or after its last change.
    pub fn supersedes(&self, draft: &Draft) -> bool {
        let completed = self
            .checkins
            .iter()
            .any(|c| c.completed_at >= draft.updated_at);
        let key = Removed::Draft(draft.started_at);
        let discarded = self
            .deleted
            .iter()
            .any(|t| t.id == key && t.deleted_at >= draft.updated_at);
        completed || discarded
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
        Some(self.bury(Removed::entry(id), entry, now))
    }

    /// Keeps one check-in per id (the later; on a tie, the first), none
    /// that is removed, in date order; and the draft only while it is not
    /// over.
    pub(crate) fn normalise_checkins(&mut self, removed: &BTreeSet<Removed>) {
        self.checkins = latest_per_key(
            std::mem::take(&mut self.checkins),
            |c| c.id.clone(),
            |c| c.completed_at,
        );
        self.checkins
            .retain(|c| !removed.contains(&Removed::entry(&c.id)));
        self.checkins.sort_by(entry_order);
        if self.draft.as_ref().is_some_and(|d| self.supersedes(d)) {
            self.draft = None;
        }
    }
}
