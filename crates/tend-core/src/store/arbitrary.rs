//! Test-only generators of the person's data for property tests. Ids and
//! times come from small pools so that two generated copies often share
//! entries, tombstones and drafts, which is where merging is interesting.

use super::data::{
    CheckIn, DoneRecord, Draft, JournalEntry, KeptCode, LoadedInstrument, PlanEntry, PracticeLog,
    Pulse, Removed, Restoration, SelfCheck, Settings, TendData, TextSize, Theme, TimeOffRecord,
    Tombstone, WhyCard,
};
use super::team_codes::nonce_key;
use crate::domain::answer::{Answer, Answers};
use crate::domain::plan::Date;
use crate::domain::self_check::record::SelfCheckAnswer;
use crate::domain::team::{self, Bands, Field, Level, Month, TeamCode};
use proptest::prelude::*;

/// Answers to a few items, in every answer form.
pub fn answers() -> impl Strategy<Value = Answers> {
    proptest::collection::btree_map(
        "[a-c]{1,2}",
        prop_oneof![
            (0i32..5).prop_map(Answer::Value),
            Just(Answer::PreferNot),
            proptest::collection::vec("[xy]", 0..3).prop_map(Answer::Choices),
        ],
        0..4,
    )
}

/// Settings of any kind, with any timestamp.
pub fn settings() -> impl Strategy<Value = Settings> {
    (
        proptest::option::of(".{0,12}"),
        prop_oneof![Just(Theme::System), Just(Theme::Light), Just(Theme::Dark)],
        prop_oneof![
            Just(TextSize::Normal),
            Just(TextSize::Large),
            Just(TextSize::Larger)
        ],
        proptest::option::of("[a-z-]{0,8}"),
        7u32..=90,
        any::<i64>(),
    )
        .prop_map(
            |(language, theme, text_size, region, checkin_interval_days, updated_at)| Settings {
                language,
                theme,
                text_size,
                region,
                checkin_interval_days,
                updated_at,
            },
        )
}

fn checkin() -> impl Strategy<Value = CheckIn> {
    (
        0u8..5,
        prop_oneof![Just("tend"), Just("other")],
        0i64..20,
        answers(),
    )
        .prop_map(|(n, instrument, completed_at, answers)| CheckIn {
            id: format!("c{n}"),
            instrument_id: instrument.to_string(),
            instrument_version: "1".into(),
            completed_at,
            answers,
        })
}

fn pulse() -> impl Strategy<Value = Pulse> {
    (0u8..4, 0i64..20, answers()).prop_map(|(n, completed_at, answers)| Pulse {
        id: format!("p{n}"),
        completed_at,
        answers,
    })
}

fn instrument() -> impl Strategy<Value = LoadedInstrument> {
    (prop_oneof![Just("x"), Just("y")], 0i64..20, "[{}a-z ]{0,6}").prop_map(
        |(id, added_at, json)| LoadedInstrument {
            id: id.to_string(),
            added_at,
            json,
        },
    )
}

fn draft() -> impl Strategy<Value = Draft> {
    (0i64..20, 0i64..5, 0usize..4, answers()).prop_map(|(started_at, more, step, answers)| Draft {
        instrument_id: "tend".into(),
        instrument_version: "1".into(),
        started_at,
        updated_at: started_at + more,
        step,
        answers,
    })
}

/// A key a tombstone or restoration may name: any record from the pools
/// here.
fn key() -> impl Strategy<Value = Removed> {
    prop_oneof![
        (0u8..5).prop_map(|n| Removed::Entry(format!("c{n}"))),
        (0u8..4).prop_map(|n| Removed::Entry(format!("p{n}"))),
        prop_oneof![Just("x"), Just("y")].prop_map(|id| Removed::Instrument(id.into())),
        (0i64..20).prop_map(Removed::Draft),
        (0u8..3).prop_map(|n| Removed::Journal(format!("j{n}"))),
        (0u8..3).prop_map(|n| Removed::Card(format!("w{n}"))),
        (0u8..3).prop_map(|n| Removed::Plan(format!("i{n}"))),
        (0u64..4).prop_map(nonce_key),
        Just(Removed::TeamCode(UNREADABLE_CODE.into())),
        (0u8..3).prop_map(|n| Removed::SelfCheck(format!("sc-{n}"))),
    ]
}

/// A kept text that does not read as a code (as a hand-made file, or a
/// newer Tend, could hold).
const UNREADABLE_CODE: &str = "TEND-0000";

/// A team code from a small pool of nonces, so that two copies often
/// hold the same code, now and then with another month or bands (another
/// code with the same nonce), in its canonical text or as typed; or, now
/// and then, text that is not a code.
fn kept_code() -> impl Strategy<Value = KeptCode> {
    let level = proptest::option::of(prop_oneof![
        Just(Level::Low),
        Just(Level::Moderate),
        Just(Level::High)
    ]);
    let code = (
        0u64..4,
        level.clone(),
        level,
        prop_oneof![
            Just(Field::Paramedic),
            Just(Field::Other),
            Just(Field::NotSaid)
        ],
        11u32..13,
        any::<bool>(),
    )
        .prop_map(|(nonce, sts, burnout, field, month, typed)| {
            let bands = Bands {
                sts,
                burnout,
                sustaining: None,
            };
            let month = Month::new(2026, month).unwrap_or_else(|| panic!("2026-{month}"));
            let text = team::encode(&TeamCode::new(bands, field, month, nonce));
            if typed {
                text.to_lowercase().replace('-', " ")
            } else {
                text
            }
        });
    (
        prop_oneof![9 => code, 1 => Just(UNREADABLE_CODE.to_string())],
        0i64..20,
    )
        .prop_map(|(code, added_at)| KeptCode { added_at, code })
}

/// A self-check from a small pool of ids, the leader's own or shared.
fn self_check() -> impl Strategy<Value = SelfCheck> {
    (
        0u8..3,
        0i64..20,
        proptest::collection::btree_map(
            "[a-c]{1,2}",
            prop_oneof![
                (0i32..5).prop_map(SelfCheckAnswer::Level),
                Just(SelfCheckAnswer::DontKnow),
            ],
            0..4,
        ),
        any::<bool>(),
        proptest::option::of("[A-Za-z ]{1,8}"),
    )
        .prop_map(|(n, completed_at, answers, shared, team)| SelfCheck {
            answers,
            completed_at,
            id: format!("sc-{n}"),
            instrument_id: "tend-org".into(),
            instrument_version: "1".into(),
            shared,
            team,
        })
}

/// What a leader keeps: self-checks and team codes.
fn leaders() -> impl Strategy<Value = (Vec<SelfCheck>, Vec<KeptCode>)> {
    (
        proptest::collection::vec(self_check(), 0..3),
        proptest::collection::vec(kept_code(), 0..4),
    )
}

fn journal_entry() -> impl Strategy<Value = JournalEntry> {
    (
        0u8..3,
        0i64..20,
        0i64..5,
        proptest::option::of("[a-z ]{1,6}"),
        "[a-z\\n\"é ]{1,12}",
    )
        .prop_map(|(n, created_at, more, prompt, text)| JournalEntry {
            id: format!("j{n}"),
            created_at,
            updated_at: created_at + more,
            prompt,
            text,
        })
}

fn card() -> impl Strategy<Value = WhyCard> {
    (0u8..3, 0i64..20, 0i64..5, "[a-z ]{1,12}").prop_map(|(n, created_at, more, text)| WhyCard {
        id: format!("w{n}"),
        created_at,
        updated_at: created_at + more,
        text,
    })
}

fn practice_log() -> impl Strategy<Value = PracticeLog> {
    (
        0u8..4,
        prop_oneof![Just("paced-breathing"), Just("why-cards")],
        0i64..20,
        proptest::option::of(0u8..=10),
        proptest::option::of(0u8..=10),
    )
        .prop_map(|(n, practice, at, before, after)| PracticeLog {
            id: format!("u{n}"),
            practice: practice.to_string(),
            at,
            before,
            after,
        })
}

fn plan_entry() -> impl Strategy<Value = PlanEntry> {
    (
        0u8..3,
        prop_oneof![
            Just("daily"),
            Just("weekly:mon"),
            Just("days:tue,sat"),
            Just("after-each-shift")
        ],
        proptest::option::of("[a-z ]{1,8}"),
        0i64..20,
        0i64..5,
    )
        .prop_map(|(n, when, note, added_at, more)| PlanEntry {
            id: format!("i{n}"),
            strategy: "paced-breathing".into(),
            when: when.to_string(),
            note,
            added_at,
            updated_at: added_at + more,
        })
}

fn done_record() -> impl Strategy<Value = DoneRecord> {
    (0u8..3, 1u32..4, any::<bool>(), 0i64..20).prop_map(|(n, day, done, updated_at)| DoneRecord {
        item: format!("i{n}"),
        on: format!("2026-11-0{day}"),
        done,
        updated_at,
    })
}

fn time_off() -> impl Strategy<Value = TimeOffRecord> {
    (
        proptest::option::of(0i64..30_000),
        proptest::option::of(0i64..30_000),
        0i64..200,
        0i64..20,
    )
        .prop_map(|(last, next, threshold_days, updated_at)| TimeOffRecord {
            last_break: last.map(Date),
            next_break: next.map(Date),
            threshold_days,
            updated_at,
        })
}

/// What the person writes and does between check-ins, in any state.
#[allow(clippy::type_complexity)]
fn personal() -> impl Strategy<
    Value = (
        Vec<JournalEntry>,
        Vec<WhyCard>,
        Vec<PracticeLog>,
        Vec<PlanEntry>,
        Vec<DoneRecord>,
        TimeOffRecord,
    ),
> {
    (
        proptest::collection::vec(journal_entry(), 0..3),
        proptest::collection::vec(card(), 0..3),
        proptest::collection::vec(practice_log(), 0..3),
        proptest::collection::vec(plan_entry(), 0..3),
        proptest::collection::vec(done_record(), 0..3),
        prop_oneof![Just(TimeOffRecord::default()), time_off()],
    )
}

/// Data as any copy might hold it: not necessarily in canonical form
/// (duplicate ids, entries that a tombstone outweighs, any order).
pub fn raw_data() -> impl Strategy<Value = TendData> {
    (
        settings(),
        proptest::option::of(any::<i64>()),
        proptest::collection::vec(checkin(), 0..5),
        proptest::collection::vec(pulse(), 0..4),
        proptest::option::of(draft()),
        proptest::collection::vec(instrument(), 0..3),
        proptest::collection::vec(
            (key(), 0i64..25).prop_map(|(id, deleted_at)| Tombstone { id, deleted_at }),
            0..4,
        ),
        proptest::collection::vec(
            (key(), 0i64..25).prop_map(|(id, restored_at)| Restoration { id, restored_at }),
            0..3,
        ),
        personal(),
        leaders(),
    )
        .prop_map(
            |(
                settings,
                last_exported_at,
                checkins,
                pulses,
                draft,
                instruments,
                deleted,
                restored,
                (journal, why_cards, practice_log, plan, done, time_off),
                (self_checks, team_codes),
            )| {
                TendData {
                    settings,
                    last_exported_at,
                    checkins,
                    pulses,
                    draft,
                    instruments,
                    deleted,
                    restored,
                    journal,
                    why_cards,
                    practice_log,
                    plan,
                    done,
                    time_off,
                    self_checks,
                    team_codes,
                }
            },
        )
}

/// Data as a tab holds it after loading or merging: in canonical form, and
/// with a restoration only where the entry is (an undo or a reload always
/// puts the entry back with it).
pub fn data() -> impl Strategy<Value = TendData> {
    raw_data().prop_map(|mut d| {
        d.normalise();
        let keys = d.entry_keys();
        d.restored.retain(|r| keys.contains(&r.id));
        d
    })
}
