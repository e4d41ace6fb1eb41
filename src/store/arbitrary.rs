//! Test-only generators of the person's data for property tests. Ids and
//! times come from small pools so that two generated copies often share
//! entries, tombstones and drafts, which is where merging is interesting.

use super::data::{
    draft_key, instrument_key, CheckIn, Draft, LoadedInstrument, Pulse, Restoration, Settings,
    TendData, TextSize, Theme, Tombstone,
};
use crate::domain::answer::{Answer, Answers};
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

/// A key a tombstone or restoration may name: a check-in, a pulse, a
/// loaded instrument or a draft from the pools above.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u8..5).prop_map(|n| format!("c{n}")),
        (0u8..4).prop_map(|n| format!("p{n}")),
        prop_oneof![Just("x"), Just("y")].prop_map(instrument_key),
        (0i64..20).prop_map(draft_key),
    ]
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
