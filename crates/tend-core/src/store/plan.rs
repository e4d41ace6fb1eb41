//! The person's plan as stored: the strategies in it, the days each was
//! marked done, and time off. Plan items can be edited and removed like
//! journal entries; a done mark is kept even when un-ticked, so the later
//! change wins when copies merge; time off travels as one unit, like the
//! settings.

use super::data::TendData;
use super::journal::editable;
use super::removal::{latest_per_key, stamp_after, Removed};
use crate::domain::plan::{
    Date, DoneMark, Plan, PlanItem, Weekday, When, DEFAULT_BREAK_THRESHOLD_DAYS,
};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeSet;

/// The longest gap without a break the prompt can be set to, in days.
pub const MAX_BREAK_THRESHOLD_DAYS: i64 = 3650;

/// The longest plan note kept, in characters.
const MAX_NOTE_CHARS: usize = 500;

/// A strategy in the person's plan, as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanEntry {
    /// When it was added (ms since the epoch).
    pub added_at: i64,
    /// Stable id of this item.
    pub id: String,
    /// The person's own note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The strategy's id.
    pub strategy: String,
    /// When it last changed (ms since the epoch).
    pub updated_at: i64,
    /// When: `after-each-shift`, `daily`, `weekly:<day>` or
    /// `days:<day>,<day>…` (day ids as [`Weekday::id`]).
    pub when: String,
}

/// A "done" mark for one plan item on one day, or its withdrawal: kept
/// either way so that the later change wins when copies merge.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoneRecord {
    /// Done (true) or un-ticked (false); un-ticked when left out.
    #[serde(default)]
    pub done: bool,
    /// The plan item's id.
    pub item: String,
    /// The day, as `YYYY-MM-DD`.
    pub on: String,
    /// When it was set (ms since the epoch).
    pub updated_at: i64,
}

/// The person's time off, as stored. Every field may be left out (or
/// null) and takes its default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeOffRecord {
    /// The last day of the last real break, if noted (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_break: Option<Date>,
    /// The first day of the next planned break, if any (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_break: Option<Date>,
    /// Days without a break before the gentle prompt; 0 turns it off.
    #[serde(default = "default_threshold", deserialize_with = "threshold")]
    pub threshold_days: i64,
    /// When it last changed (ms since the epoch).
    #[serde(default, deserialize_with = "super::data::null_as_default")]
    pub updated_at: i64,
}

fn default_threshold() -> i64 {
    DEFAULT_BREAK_THRESHOLD_DAYS
}

/// A threshold from 0 to [`MAX_BREAK_THRESHOLD_DAYS`]; null is the default.
fn threshold<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    match Option::<i64>::deserialize(d)? {
        None => Ok(DEFAULT_BREAK_THRESHOLD_DAYS),
        Some(days) if (0..=MAX_BREAK_THRESHOLD_DAYS).contains(&days) => Ok(days),
        Some(days) => Err(serde::de::Error::invalid_value(
            serde::de::Unexpected::Signed(days),
            &"a number of days from 0 to 3650",
        )),
    }
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
        .map(|n| n.chars().take(MAX_NOTE_CHARS).collect())
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
        entry.updated_at = stamp_after(entry.updated_at, now);
        true
    }

    /// Takes an item out of the plan for good; what was done stays in the
    /// log. Returns whether there was one.
    pub fn remove_from_plan(&mut self, id: &str, now: i64) -> bool {
        let had = self.plan.iter().any(|e| e.id == id);
        if had {
            self.plan.retain(|e| e.id != id);
            self.remove_key(Removed::Plan(id.to_string()), now);
        }
        had
    }

    /// Marks a plan item done on a day, or clears the mark.
    pub fn set_done(&mut self, item: &str, on: Date, done: bool, now: i64) {
        let on = on.to_iso();
        match self.done.iter_mut().find(|d| d.item == item && d.on == on) {
            Some(d) => {
                d.done = done;
                d.updated_at = stamp_after(d.updated_at, now);
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
        self.time_off = TimeOffRecord {
            last_break,
            next_break,
            threshold_days: threshold_days.clamp(0, MAX_BREAK_THRESHOLD_DAYS),
            updated_at: stamp_after(self.time_off.updated_at, now),
        };
    }

    /// Keeps one plan item per id (the one changed last), none that is
    /// removed, in the order added; and one done mark per item and day
    /// (the one set last), by day.
    pub(crate) fn normalise_plan(&mut self, removed: &BTreeSet<Removed>) {
        self.plan = editable(
            std::mem::take(&mut self.plan),
            |e| removed.contains(&Removed::Plan(e.id.clone())),
            |e| (&e.id, e.updated_at, e.added_at),
        );
        self.done = latest_per_key(
            std::mem::take(&mut self.done),
            |d| (d.item.clone(), d.on.clone()),
            |d| d.updated_at,
        );
        self.done
            .sort_by(|a, b| (&a.on, &a.item).cmp(&(&b.on, &b.item)));
    }
}
