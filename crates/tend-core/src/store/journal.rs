//! What the person writes: private journal entries and "why I do this
//! work" cards. Both can be edited: two copies of one (this tab's and
//! another's, or this device's and an import) are the same record, and the
//! one changed last wins. Removing one leaves a tombstone, exactly as
//! check-ins do, so no merge brings it back.

use super::data::TendData;
use super::removal::{latest_per_key, stamp_after, Removed};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The longest journal entry or card kept, in characters. Far beyond what
/// anyone types; it keeps one paste from filling the browser's storage.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// One private journal entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JournalEntry {
    /// When it was first saved (ms since the epoch).
    pub created_at: i64,
    /// Stable id.
    pub id: String,
    /// The prompt it answers, as shown when it was written, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    /// What the person wrote.
    pub text: String,
    /// When it last changed (ms since the epoch).
    pub updated_at: i64,
}

/// One "why I do this work" card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WhyCard {
    /// When it was first saved (ms since the epoch).
    pub created_at: i64,
    /// Stable id.
    pub id: String,
    /// What the person wrote.
    pub text: String,
    /// When it last changed (ms since the epoch).
    pub updated_at: i64,
}

/// Why a piece of writing was not saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextError {
    /// Nothing but spaces.
    Empty,
    /// Longer than [`MAX_TEXT_CHARS`].
    TooLong,
}

/// The text as it will be kept: trimmed, and neither empty nor too long.
pub fn clean_text(text: &str) -> Result<String, TextError> {
    let text = text.trim();
    if text.is_empty() {
        Err(TextError::Empty)
    } else if text.chars().count() > MAX_TEXT_CHARS {
        Err(TextError::TooLong)
    } else {
        Ok(text.to_string())
    }
}

impl TendData {
    /// Journal entries, newest first.
    pub fn journal_newest_first(&self) -> Vec<&JournalEntry> {
        let mut list: Vec<&JournalEntry> = self.journal.iter().collect();
        list.sort_by(|a, b| (b.created_at, &b.id).cmp(&(a.created_at, &a.id)));
        list
    }

    /// Saves a new journal entry, or changes the one with this id.
    pub fn save_journal(
        &mut self,
        id: &str,
        prompt: Option<&str>,
        text: &str,
        now: i64,
    ) -> Result<(), TextError> {
        let text = clean_text(text)?;
        match self.journal.iter_mut().find(|e| e.id == id) {
            Some(entry) => {
                entry.text = text;
                entry.updated_at = stamp_after(entry.updated_at, now);
            }
            None => self.journal.push(JournalEntry {
                id: id.to_string(),
                created_at: now,
                updated_at: now,
                prompt: prompt.map(str::to_string),
                text,
            }),
        }
        Ok(())
    }

    /// Removes a journal entry for good. Returns whether there was one.
    pub fn delete_journal(&mut self, id: &str, now: i64) -> bool {
        let had = self.journal.iter().any(|e| e.id == id);
        if had {
            self.journal.retain(|e| e.id != id);
            self.remove_key(Removed::Journal(id.to_string()), now);
        }
        had
    }

    /// Saves a new card, or changes the one with this id.
    pub fn save_card(&mut self, id: &str, text: &str, now: i64) -> Result<(), TextError> {
        let text = clean_text(text)?;
        match self.why_cards.iter_mut().find(|c| c.id == id) {
            Some(card) => {
                card.text = text;
                card.updated_at = stamp_after(card.updated_at, now);
            }
            None => self.why_cards.push(WhyCard {
                id: id.to_string(),
                created_at: now,
                updated_at: now,
                text,
            }),
        }
        Ok(())
    }

    /// Removes a card for good. Returns whether there was one.
    pub fn delete_card(&mut self, id: &str, now: i64) -> bool {
        let had = self.why_cards.iter().any(|c| c.id == id);
        if had {
            self.why_cards.retain(|c| c.id != id);
            self.remove_key(Removed::Card(id.to_string()), now);
        }
        had
    }

    /// Keeps one journal entry and one card per id (the one changed last),
    /// none that is removed, in the order they were first written.
    pub(crate) fn normalise_journal(&mut self, removed: &BTreeSet<Removed>) {
        self.journal = editable(
            std::mem::take(&mut self.journal),
            |e| removed.contains(&Removed::Journal(e.id.clone())),
            |e| (&e.id, e.updated_at, e.created_at),
        );
        self.why_cards = editable(
            std::mem::take(&mut self.why_cards),
            |c| removed.contains(&Removed::Card(c.id.clone())),
            |c| (&c.id, c.updated_at, c.created_at),
        );
    }
}

/// Records the person can edit (journal entries, cards, plan items): one
/// per id, the one changed last; none that `is_removed`; ordered by when
/// each was first made, then id. `fields` gives a record's id, when it
/// last changed and when it was made.
pub(crate) fn editable<T>(
    items: Vec<T>,
    is_removed: impl Fn(&T) -> bool,
    fields: impl Fn(&T) -> (&String, i64, i64),
) -> Vec<T> {
    let mut kept = latest_per_key(items, |r| fields(r).0.clone(), |r| fields(r).1);
    kept.retain(|r| !is_removed(r));
    kept.sort_by(|a, b| {
        let (a, b) = (fields(a), fields(b));
        (a.2, a.0).cmp(&(b.2, b.0))
    });
    kept
}
