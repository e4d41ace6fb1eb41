//! What the person writes and does between check-ins: journal entries,
//! "why I do this work" cards and the log of guided practices.
//!
//! Journal entries and cards can be edited: two copies of one (this tab's
//! and another's, or this device's and an import) are the same record, and
//! the one changed last wins. Removing one leaves a tombstone under a
//! prefixed key (`journal:<id>`, `card:<id>`), exactly as check-ins do, so
//! no merge brings it back. Practice uses are immutable, like check-ins.

use super::data::TendData;
use super::data::{record, time};
use crate::domain::plan::{
    Date, DoneMark, Plan, PlanItem, Weekday, When, DEFAULT_BREAK_THRESHOLD_DAYS,
};
use crate::domain::practice::{Practice, PracticeUse};
use crate::json::{self, Fields, JsonError, Value};

/// The prefix of a journal entry's tombstone key.
pub const JOURNAL_KEY_PREFIX: &str = "journal:";
/// The prefix of a "why I do this work" card's tombstone key.
pub const CARD_KEY_PREFIX: &str = "card:";
/// The longest journal entry or card kept, in characters. Far beyond what
/// anyone types; it keeps one paste from filling the browser's storage.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// One private journal entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JournalEntry {
    /// Stable id.
    pub id: String,
    /// When it was first saved (ms since the epoch).
    pub created_at: i64,
    /// When it last changed (ms since the epoch).
    pub updated_at: i64,
    /// The prompt it answers, as shown when it was written, if any.
    pub prompt: Option<String>,
    /// What the person wrote.
    pub text: String,
}

/// One "why I do this work" card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhyCard {
    /// Stable id.
    pub id: String,
    /// When it was first saved (ms since the epoch).
    pub created_at: i64,
    /// When it last changed (ms since the epoch).
    pub updated_at: i64,
    /// What the person wrote.
    pub text: String,
}

/// One use of a guided practice, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PracticeLog {
    /// Stable id.
    pub id: String,
    /// The practice's id (see [`Practice::id`]).
    pub practice: String,
    /// When it was finished (ms since the epoch).
    pub at: i64,
    /// Distress before, 0 to 10, if rated.
    pub before: Option<u8>,
    /// Distress after, 0 to 10, if rated.
    pub after: Option<u8>,
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
    /// Whether the person has a record that no export holds yet: a
    /// check-in, pulse, journal entry, card, practice or plan change made
    /// after the last export (or any at all, if they never exported).
    pub fn has_unexported_records(&self) -> bool {
        let latest = [
            self.checkins.iter().map(|c| c.completed_at).max(),
            self.pulses.iter().map(|p| p.completed_at).max(),
            self.journal.iter().map(|j| j.updated_at).max(),
            self.why_cards.iter().map(|c| c.updated_at).max(),
            self.practice_log.iter().map(|l| l.at).max(),
            self.plan.iter().map(|p| p.updated_at).max(),
            self.done.iter().map(|d| d.updated_at).max(),
        ]
        .into_iter()
        .flatten()
        .max();
        match (latest, self.last_exported_at) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(changed), Some(exported)) => changed > exported,
        }
    }

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
                entry.updated_at = now.max(entry.updated_at.saturating_add(1));
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
            self.remove_key(format!("{JOURNAL_KEY_PREFIX}{id}"), now);
        }
        had
    }

    /// Saves a new card, or changes the one with this id.
    pub fn save_card(&mut self, id: &str, text: &str, now: i64) -> Result<(), TextError> {
        let text = clean_text(text)?;
        match self.why_cards.iter_mut().find(|c| c.id == id) {
            Some(card) => {
                card.text = text;
                card.updated_at = now.max(card.updated_at.saturating_add(1));
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
            self.remove_key(format!("{CARD_KEY_PREFIX}{id}"), now);
        }
        had
    }

    /// Records one finished practice. Ratings outside 0–10 are dropped.
    pub fn record_practice(
        &mut self,
        id: &str,
        practice: Practice,
        at: i64,
        before: Option<u8>,
        after: Option<u8>,
    ) {
        let valid = |r: Option<u8>| r.filter(|v| *v <= crate::domain::practice::MAX_DISTRESS);
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
}

/// The prefix of a plan item's tombstone key.
pub const PLAN_KEY_PREFIX: &str = "plan:";

/// A strategy in the person's plan, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanEntry {
    /// Stable id of this item.
    pub id: String,
    /// The strategy's id.
    pub strategy: String,
    /// When: `after-each-shift`, `daily`, `weekly:<day>` or
    /// `days:<day>,<day>…` (day ids as [`Weekday::id`]).
    pub when: String,
    /// The person's own note.
    pub note: Option<String>,
    /// When it was added (ms since the epoch).
    pub added_at: i64,
    /// When it last changed (ms since the epoch).
    pub updated_at: i64,
}

/// A "done" mark for one plan item on one day, or its withdrawal: kept
/// either way so that the later change wins when copies merge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DoneRecord {
    /// The plan item's id.
    pub item: String,
    /// The day, as `YYYY-MM-DD`.
    pub on: String,
    /// Done (true) or un-ticked (false).
    pub done: bool,
    /// When it was set (ms since the epoch).
    pub updated_at: i64,
}

/// The person's time off, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeOffRecord {
    /// The last day of the last real break, if noted (`YYYY-MM-DD`).
    pub last_break: Option<Date>,
    /// The first day of the next planned break, if any (`YYYY-MM-DD`).
    pub next_break: Option<Date>,
    /// Days without a break before the gentle prompt; 0 turns it off.
    pub threshold_days: i64,
    /// When it last changed (ms since the epoch).
    pub updated_at: i64,
}

impl TimeOffRecord {
    /// Whether nothing was ever set.
    pub fn is_default(&self) -> bool {
        *self == TimeOffRecord::default()
    }
}

impl Default for TimeOffRecord {
    fn default() -> Self {
        TimeOffRecord {
            last_break: None,
            next_break: None,
            threshold_days: DEFAULT_BREAK_THRESHOLD_DAYS,
            updated_at: 0,
        }
    }
}

/// A schedule as stored text (see [`PlanEntry::when`]).
pub fn when_to_text(when: &When) -> String {
    match when {
        When::AfterEachShift => "after-each-shift".into(),
        When::Daily => "daily".into(),
        When::Weekly(d) => format!("weekly:{}", d.id()),
        When::Days(days) => {
            let ids: Vec<&str> = days.iter().map(|d| d.id()).collect();
            format!("days:{}", ids.join(","))
        }
    }
}

/// A schedule from stored text; `None` for anything else.
pub fn when_from_text(text: &str) -> Option<When> {
    match text.split_once(':') {
        None if text == "after-each-shift" => Some(When::AfterEachShift),
        None if text == "daily" => Some(When::Daily),
        Some(("weekly", d)) => Weekday::parse(d).map(When::Weekly),
        Some(("days", list)) => {
            let days: Option<Vec<Weekday>> = list.split(',').map(Weekday::parse).collect();
            days.filter(|d| !d.is_empty()).map(When::Days)
        }
        _ => None,
    }
}

fn clean_note(note: Option<&str>) -> Option<String> {
    note.map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|n| n.chars().take(500).collect())
}

impl TendData {
    /// The plan as the domain sees it: items in the order added (any whose
    /// schedule this version cannot read are left out), and the days
    /// marked done.
    pub fn plan_view(&self) -> Plan {
        let mut items: Vec<PlanItem> = self
            .plan
            .iter()
            .filter_map(|e| {
                Some(PlanItem {
                    id: e.id.clone(),
                    strategy: e.strategy.clone(),
                    when: when_from_text(&e.when)?,
                    note: e.note.clone(),
                    added_at: e.added_at,
                })
            })
            .collect();
        items.sort_by(|a, b| (a.added_at, &a.id).cmp(&(b.added_at, &b.id)));
        let done = self
            .done
            .iter()
            .filter(|d| d.done)
            .filter_map(|d| {
                Some(DoneMark {
                    item: d.item.clone(),
                    on: Date::parse_iso(&d.on)?,
                })
            })
            .collect();
        Plan { items, done }
    }

    /// Whether this strategy is in the plan.
    pub fn in_plan(&self, strategy: &str) -> bool {
        self.plan.iter().any(|e| e.strategy == strategy)
    }

    /// Puts a strategy in the plan under a new item id.
    pub fn add_to_plan(
        &mut self,
        id: &str,
        strategy: &str,
        when: When,
        note: Option<&str>,
        now: i64,
    ) {
        if self.plan.iter().any(|e| e.id == id) {
            return;
        }
        self.plan.push(PlanEntry {
            id: id.to_string(),
            strategy: strategy.to_string(),
            when: when_to_text(&when),
            note: clean_note(note),
            added_at: now,
            updated_at: now,
        });
    }

    /// Changes when a plan item happens and its note. Returns whether the
    /// item is there.
    pub fn update_plan_item(&mut self, id: &str, when: When, note: Option<&str>, now: i64) -> bool {
        let Some(entry) = self.plan.iter_mut().find(|e| e.id == id) else {
            return false;
        };
        entry.when = when_to_text(&when);
        entry.note = clean_note(note);
        entry.updated_at = now.max(entry.updated_at.saturating_add(1));
        true
    }

    /// Takes an item out of the plan for good; what was done stays in the
    /// log. Returns whether there was one.
    pub fn remove_from_plan(&mut self, id: &str, now: i64) -> bool {
        let had = self.plan.iter().any(|e| e.id == id);
        if had {
            self.plan.retain(|e| e.id != id);
            self.remove_key(format!("{PLAN_KEY_PREFIX}{id}"), now);
        }
        had
    }

    /// Marks a plan item done on a day, or clears the mark.
    pub fn set_done(&mut self, item: &str, on: Date, done: bool, now: i64) {
        let on = on.to_iso();
        match self.done.iter_mut().find(|d| d.item == item && d.on == on) {
            Some(d) => {
                d.done = done;
                d.updated_at = now.max(d.updated_at.saturating_add(1));
            }
            None => self.done.push(DoneRecord {
                item: item.to_string(),
                on,
                done,
                updated_at: now,
            }),
        }
    }

    /// Sets the time off record.
    pub fn set_time_off(
        &mut self,
        last_break: Option<Date>,
        next_break: Option<Date>,
        threshold_days: i64,
        now: i64,
    ) {
        let updated_at = now.max(self.time_off.updated_at.saturating_add(1));
        self.time_off = TimeOffRecord {
            last_break,
            next_break,
            threshold_days: threshold_days.clamp(0, 3650),
            updated_at,
        };
    }
}

// ------------------------------------------------------------------ JSON
// Optional fields are left out when empty; unknown fields are refused, as
// for every record Tend stores.

/// Writes `(key, value)` only when `value` is there.
fn push_some(fields: &mut Vec<(&'static str, Value)>, key: &'static str, value: Option<Value>) {
    if let Some(v) = value {
        fields.push((key, v));
    }
}

/// A rating from 0 to 10 that may be missing.
fn rating(f: &Fields, key: &str) -> Result<Option<u8>, JsonError> {
    Ok(f.optional_integer(key, 0, 10)?.map(|n| n as u8))
}

/// A `YYYY-MM-DD` date that may be missing.
fn date(f: &Fields, key: &str) -> Result<Option<Date>, JsonError> {
    match f.get(key) {
        None | Some((Value::Null, _)) => Ok(None),
        Some((v, at)) => {
            let text = json::string(v, at)?;
            Date::parse_iso(&text)
                .map(Some)
                .ok_or_else(|| JsonError::new(format!("`{key}` is not a YYYY-MM-DD date"), at))
        }
    }
}

impl JournalEntry {
    pub(crate) fn to_json(&self) -> Value {
        let mut fields = vec![
            ("id", self.id.as_str().into()),
            ("created_at", self.created_at.into()),
            ("updated_at", self.updated_at.into()),
        ];
        push_some(
            &mut fields,
            "prompt",
            self.prompt.as_deref().map(Value::from),
        );
        fields.push(("text", self.text.as_str().into()));
        record(fields)
    }

    pub(crate) fn from_json(v: &Value, at: usize) -> Result<JournalEntry, JsonError> {
        let f = Fields::read(v, at, &["id", "created_at", "updated_at", "prompt", "text"])?;
        Ok(JournalEntry {
            id: f.string("id")?,
            created_at: time(&f, "created_at")?,
            updated_at: time(&f, "updated_at")?,
            prompt: f.optional_string("prompt")?,
            text: f.string("text")?,
        })
    }
}

impl WhyCard {
    pub(crate) fn to_json(&self) -> Value {
        record(vec![
            ("id", self.id.as_str().into()),
            ("created_at", self.created_at.into()),
            ("updated_at", self.updated_at.into()),
            ("text", self.text.as_str().into()),
        ])
    }

    pub(crate) fn from_json(v: &Value, at: usize) -> Result<WhyCard, JsonError> {
        let f = Fields::read(v, at, &["id", "created_at", "updated_at", "text"])?;
        Ok(WhyCard {
            id: f.string("id")?,
            created_at: time(&f, "created_at")?,
            updated_at: time(&f, "updated_at")?,
            text: f.string("text")?,
        })
    }
}

impl PracticeLog {
    pub(crate) fn to_json(&self) -> Value {
        let mut fields = vec![
            ("id", self.id.as_str().into()),
            ("practice", self.practice.as_str().into()),
            ("at", self.at.into()),
        ];
        push_some(
            &mut fields,
            "before",
            self.before.map(|b| u64::from(b).into()),
        );
        push_some(
            &mut fields,
            "after",
            self.after.map(|a| u64::from(a).into()),
        );
        record(fields)
    }

    pub(crate) fn from_json(v: &Value, at: usize) -> Result<PracticeLog, JsonError> {
        let f = Fields::read(v, at, &["id", "practice", "at", "before", "after"])?;
        Ok(PracticeLog {
            id: f.string("id")?,
            practice: f.string("practice")?,
            at: time(&f, "at")?,
            before: rating(&f, "before")?,
            after: rating(&f, "after")?,
        })
    }
}

impl PlanEntry {
    pub(crate) fn to_json(&self) -> Value {
        let mut fields = vec![
            ("id", self.id.as_str().into()),
            ("strategy", self.strategy.as_str().into()),
            ("when", self.when.as_str().into()),
        ];
        push_some(&mut fields, "note", self.note.as_deref().map(Value::from));
        fields.push(("added_at", self.added_at.into()));
        fields.push(("updated_at", self.updated_at.into()));
        record(fields)
    }

    pub(crate) fn from_json(v: &Value, at: usize) -> Result<PlanEntry, JsonError> {
        let f = Fields::read(
            v,
            at,
            &["id", "strategy", "when", "note", "added_at", "updated_at"],
        )?;
        Ok(PlanEntry {
            id: f.string("id")?,
            strategy: f.string("strategy")?,
            when: f.string("when")?,
            note: f.optional_string("note")?,
            added_at: time(&f, "added_at")?,
            updated_at: time(&f, "updated_at")?,
        })
    }
}

impl DoneRecord {
    pub(crate) fn to_json(&self) -> Value {
        record(vec![
            ("item", self.item.as_str().into()),
            ("on", self.on.as_str().into()),
            ("done", self.done.into()),
            ("updated_at", self.updated_at.into()),
        ])
    }

    pub(crate) fn from_json(v: &Value, at: usize) -> Result<DoneRecord, JsonError> {
        let f = Fields::read(v, at, &["item", "on", "done", "updated_at"])?;
        Ok(DoneRecord {
            item: f.string("item")?,
            on: f.string("on")?,
            done: f.flag("done")?,
            updated_at: time(&f, "updated_at")?,
        })
    }
}

impl TimeOffRecord {
    pub(crate) fn to_json(&self) -> Value {
        let mut fields = Vec::new();
        push_some(
            &mut fields,
            "last_break",
            self.last_break.map(|d| d.to_iso().into()),
        );
        push_some(
            &mut fields,
            "next_break",
            self.next_break.map(|d| d.to_iso().into()),
        );
        fields.push(("threshold_days", self.threshold_days.into()));
        fields.push(("updated_at", self.updated_at.into()));
        record(fields)
    }

    pub(crate) fn from_json(v: &Value, at: usize) -> Result<TimeOffRecord, JsonError> {
        let f = Fields::read(
            v,
            at,
            &["last_break", "next_break", "threshold_days", "updated_at"],
        )?;
        Ok(TimeOffRecord {
            last_break: date(&f, "last_break")?,
            next_break: date(&f, "next_break")?,
            threshold_days: f
                .optional_integer("threshold_days", 0, 3650)?
                .unwrap_or(DEFAULT_BREAK_THRESHOLD_DAYS),
            updated_at: f
                .optional_integer("updated_at", i64::MIN, i64::MAX)?
                .unwrap_or(0),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_made_after_the_last_export_are_unexported() {
        let mut d = TendData::default();
        assert!(!d.has_unexported_records(), "nothing to lose");
        d.record_practice("l1", Practice::PacedBreathing, 1_000, Some(6), Some(3));
        assert!(d.has_unexported_records(), "never exported");
        d.last_exported_at = Some(2_000);
        assert!(!d.has_unexported_records(), "the export holds it");
        assert_eq!(d.save_journal("j1", None, "A long day.", 3_000), Ok(()));
        assert!(d.has_unexported_records(), "written after the export");
    }
}
