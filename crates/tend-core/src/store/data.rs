//! The person's data as the current schema (v6) defines it: [`TendData`],
//! what it is made of, and the canonical form every copy is put in. Domain
//! types only: no signals, no browser calls.
//!
//! Each concept keeps its records and its behaviour in a module of its own
//! — [`super::checkins`] (and the draft), [`super::pulses`],
//! [`super::instruments`], [`super::journal`] (entries and cards),
//! [`super::practices`], [`super::plan`] (and time off),
//! [`super::settings`], and a leader's [`super::self_checks`] and
//! [`super::team_codes`] — and [`super::removal`] keeps what was removed.
//! The records are re-exported here, so `store::data` names all of them.
//!
//! Stored as JSON through serde. Every record refuses fields it does not
//! know; the lists schemas 3 and 6 added, and time off, are left out while
//! empty, so data without them reads as it did before they existed.

pub use super::checkins::{entry_id, CheckIn, Draft, Entry};
pub use super::instruments::LoadedInstrument;
pub use super::journal::{clean_text, JournalEntry, TextError, WhyCard, MAX_TEXT_CHARS};
pub use super::plan::{when_from_text, when_to_text, DoneRecord, PlanEntry, TimeOffRecord};
pub use super::practices::PracticeLog;
pub use super::pulses::Pulse;
pub use super::removal::{Deleted, DeletedEntry, Removed, Restoration, Tombstone};
pub use super::self_checks::{SavedSelfCheck, SelfCheck};
pub use super::settings::{
    clamp_interval, IntervalOutOfRange, Settings, TextSize, Theme, DEFAULT_CHECKIN_INTERVAL_DAYS,
    MAX_CHECKIN_INTERVAL_DAYS, MIN_CHECKIN_INTERVAL_DAYS,
};
use super::team_codes::code_key;
pub use super::team_codes::{Kept, KeptCode};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeSet;

/// Everything Tend keeps for the person. Each addition to it is a schema
/// version with a migration (see [`crate::store::migrate`]). Any field may
/// be left out of the stored JSON and takes its default.
///
/// This type and every record in it declare their fields in the order of
/// their JSON keys, so serde writes the data straight out in the canonical
/// form its checksum is taken over (see `envelope::encode`); a property
/// test fails if a new field is put out of order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TendData {
    /// Completed check-ins, oldest first.
    pub checkins: Vec<CheckIn>,
    /// What was removed, so that no merge brings it back.
    pub deleted: Vec<Tombstone>,
    /// Plan items marked done (or un-ticked), by day.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub done: Vec<DoneRecord>,
    /// The check-in in progress, saved on every answer.
    pub draft: Option<Draft>,
    /// Instrument definitions the person loaded from a file, oldest first.
    pub instruments: Vec<LoadedInstrument>,
    /// Private journal entries.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub journal: Vec<JournalEntry>,
    /// When the person last exported a backup file (ms since the epoch);
    /// `None` if they never have. Drives the reminder to export.
    pub last_exported_at: Option<i64>,
    /// The strategies in the person's plan.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<PlanEntry>,
    /// Every finished guided practice, with its ratings.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub practice_log: Vec<PracticeLog>,
    /// Completed pulses, oldest first.
    pub pulses: Vec<Pulse>,
    /// What was brought back after a removal (an undo, or loading the same
    /// instrument again), so that no merge removes it again.
    pub restored: Vec<Restoration>,
    /// Organisation self-checks: the leader's own and those shared with
    /// them, oldest first (schema 6).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub self_checks: Vec<SelfCheck>,
    /// The person's preferences.
    pub settings: Settings,
    /// Team pulse codes the leader kept, in the order kept (schema 6).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub team_codes: Vec<KeptCode>,
    /// The last real break, the next planned one, and the reminder.
    #[serde(
        skip_serializing_if = "TimeOffRecord::is_default",
        deserialize_with = "null_as_default"
    )]
    pub time_off: TimeOffRecord,
    /// "Why I do this work" cards.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub why_cards: Vec<WhyCard>,
}

/// Reads a field that may be null as its default, as the hand-written
/// reader before serde did for the fields that allowed it.
pub(crate) fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
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

    /// Every key an entry here is known by: its check-ins, pulses, loaded
    /// instruments, self-checks and kept team codes, as a tombstone would
    /// name them.
    pub fn entry_keys(&self) -> BTreeSet<Removed> {
        let mut keys = BTreeSet::new();
        for c in &self.checkins {
            keys.insert(Removed::entry(&c.id));
        }
        for p in &self.pulses {
            keys.insert(Removed::entry(&p.id));
        }
        for i in &self.instruments {
            keys.insert(Removed::Instrument(i.id.clone()));
        }
        for c in &self.self_checks {
            keys.insert(Removed::SelfCheck(c.id.clone()));
        }
        for k in &self.team_codes {
            keys.insert(code_key(&k.code));
        }
        keys
    }

    /// Whether the person has a record that no export holds yet: a
    /// check-in, pulse, journal entry, card, practice, plan change,
    /// self-check or team code made or kept after the last export (or any
    /// at all, if they never exported).
    pub fn has_unexported_records(&self) -> bool {
        let latest = [
            self.checkins.iter().map(|c| c.completed_at).max(),
            self.pulses.iter().map(|p| p.completed_at).max(),
            self.journal.iter().map(|j| j.updated_at).max(),
            self.why_cards.iter().map(|c| c.updated_at).max(),
            self.practice_log.iter().map(|l| l.at).max(),
            self.plan.iter().map(|p| p.updated_at).max(),
            self.done.iter().map(|d| d.updated_at).max(),
            self.self_checks.iter().map(|c| c.completed_at).max(),
            self.team_codes.iter().map(|k| k.added_at).max(),
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

    /// Brings the data into its one canonical form, which every merge
    /// produces and every decoded envelope is put in:
    ///
    /// - for each key, the later of its tombstone and its restoration wins
    ///   (a tie goes to the restoration, which keeps the data); the loser
    ///   is dropped, and so is a record whose key is removed;
    /// - one record per id (the later `completed_at`/`added_at`, or the
    ///   one changed last; on a tie, the first), each kind in its order;
    ///   one team code per nonce, the one kept first, in its canonical text;
    /// - a draft is dropped when a check-in was completed at or after its
    ///   last change, or it was discarded at or after its last change;
    /// - the check-in interval is kept within its allowed range.
    ///
    /// Each step is indexed by key, so it takes moments even for a file
    /// at the import limits.
    pub fn normalise(&mut self) {
        let removed = self.normalise_removals();
        self.normalise_checkins(&removed);
        self.normalise_pulses(&removed);
        self.normalise_instruments(&removed);
        self.normalise_journal(&removed);
        self.normalise_practices();
        self.normalise_plan(&removed);
        self.normalise_self_checks(&removed);
        self.normalise_team_codes(&removed);
        self.settings.checkin_interval_days = clamp_interval(self.settings.checkin_interval_days);
    }

    /// Every time this data holds (ms since the epoch), to change in place:
    /// what an import checks against the clock.
    pub(crate) fn times_mut(&mut self) -> Vec<&mut i64> {
        let mut times: Vec<&mut i64> = vec![&mut self.settings.updated_at];
        times.extend(self.last_exported_at.as_mut());
        times.extend(self.checkins.iter_mut().map(|c| &mut c.completed_at));
        times.extend(self.pulses.iter_mut().map(|p| &mut p.completed_at));
        if let Some(d) = self.draft.as_mut() {
            times.push(&mut d.started_at);
            times.push(&mut d.updated_at);
        }
        times.extend(self.instruments.iter_mut().map(|i| &mut i.added_at));
        times.extend(self.deleted.iter_mut().map(|t| &mut t.deleted_at));
        times.extend(self.restored.iter_mut().map(|r| &mut r.restored_at));
        for j in &mut self.journal {
            times.push(&mut j.created_at);
            times.push(&mut j.updated_at);
        }
        for c in &mut self.why_cards {
            times.push(&mut c.created_at);
            times.push(&mut c.updated_at);
        }
        times.extend(self.practice_log.iter_mut().map(|p| &mut p.at));
        for p in &mut self.plan {
            times.push(&mut p.added_at);
            times.push(&mut p.updated_at);
        }
        times.extend(self.done.iter_mut().map(|d| &mut d.updated_at));
        times.push(&mut self.time_off.updated_at);
        times.extend(self.self_checks.iter_mut().map(|c| &mut c.completed_at));
        times.extend(self.team_codes.iter_mut().map(|k| &mut k.added_at));
        times
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::answer::{Answer, Answers};
    use crate::domain::practice::Practice;
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
        assert!(d.is_removed(&"o2".into()));
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
        assert!(!d.is_removed(&"o2".into()));
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
        assert!(d.is_removed(&"c1".into()));
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
                id: Removed::Draft(80),
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
        assert_eq!(removed.tombstone.id, Removed::Instrument("org".into()));
        assert!(d.is_removed(&"instrument:org".into()));
        assert!(
            !d.is_removed(&"org".into()),
            "a check-in called org is another key"
        );
        assert_eq!(d.remove_instrument("org", 21), None);

        assert!(d.undo_delete(removed, 22));
        assert_eq!(d.instruments.len(), 2);
        assert!(!d.is_removed(&"instrument:org".into()));

        // Removed, then loaded again from the file: back for good.
        d.remove_instrument("other", 30).expect("loaded");
        d.add_instrument("other", "{}", 31);
        assert!(d.deleted.is_empty());
        assert!(!d.is_removed(&"instrument:other".into()));
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
    fn blank_data_is_the_default_with_a_fourteen_day_interval() {
        let d = TendData::default();
        assert!(d.is_blank());
        assert_eq!(d.settings.checkin_interval_days, 14);
        let parsed: TendData = serde_json::from_str("{}").expect("reads");
        assert_eq!(parsed, d, "every field has a default");
        let mut with_stone = d.clone();
        with_stone.deleted.push(Tombstone {
            id: "x".into(),
            deleted_at: 1,
        });
        assert!(!with_stone.is_blank(), "a removal is worth keeping");
    }

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

    #[test]
    fn a_leaders_records_made_after_the_last_export_are_unexported() {
        use crate::domain::self_check::record::SelfCheckAnswers;
        use crate::domain::team::{self, Bands, Field, Month, TeamCode};
        const AT: i64 = 1_764_300_000_000;
        let month = Month::at(AT, 0).expect("a month a code can name");
        let code = team::encode(&TeamCode::new(Bands::default(), Field::NotSaid, month, 1));
        let mut d = TendData {
            last_exported_at: Some(AT),
            ..TendData::default()
        };
        assert_eq!(d.keep_team_code(&code, AT + 1), Ok(Kept::Added));
        assert!(d.has_unexported_records(), "a code kept after the export");
        d.last_exported_at = Some(AT + 1);
        assert!(!d.has_unexported_records());
        d.save_self_check(SelfCheck {
            answers: SelfCheckAnswers::new(),
            completed_at: AT + 2,
            id: "sc-1".into(),
            instrument_id: "tend-org".into(),
            instrument_version: "1".into(),
            shared: true,
            team: None,
        });
        assert!(d.has_unexported_records(), "a self-check kept after it");
    }

    #[test]
    fn every_time_is_offered_to_the_clock_check() {
        // The newest fixture, which holds every kind of record.
        let text = include_str!("../../tests/fixtures/store/v6.json");
        let mut d = crate::store::envelope::decode(text).expect("decodes").data;
        let count = d.times_mut().len();
        for at in d.times_mut() {
            *at = 7;
        }
        // Every number in the data that is a time is now 7; none is left.
        let value = serde_json::to_value(&d).expect("writes");
        let mut times = Vec::new();
        collect_times(&value, "", &mut times);
        assert!(times.iter().all(|(_, at)| *at == 7), "{times:?}");
        assert_eq!(times.len(), count);
    }

    /// Every integer under a key that names a time (`at`, `…_at`), with
    /// its key.
    fn collect_times(v: &serde_json::Value, key: &str, out: &mut Vec<(String, i64)>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    collect_times(v, k, out);
                }
            }
            serde_json::Value::Array(items) => {
                for v in items {
                    collect_times(v, key, out);
                }
            }
            serde_json::Value::Number(n) if key == "at" || key.ends_with("_at") => {
                out.push((key.to_string(), n.as_i64().unwrap_or(0)));
            }
            _ => {}
        }
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
            let key = Removed::entry(&id);
            prop_assert!(!d.entry_keys().contains(&key));
            prop_assert!(!merge(&data, &gone).entry_keys().contains(&key));
            prop_assert!(!merge(&gone, &data).entry_keys().contains(&key));
            prop_assert!(d.undo_delete(deleted, at));
            prop_assert_eq!(d.entry_keys(), data.entry_keys());
            for other in [&data, &gone] {
                prop_assert!(merge(&d, other).entry_keys().contains(&key));
                prop_assert!(merge(other, &d).entry_keys().contains(&key));
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
