//! Combining two copies of the person's data — this tab's and another
//! tab's, or this device's and an imported file's — without losing the
//! newer side of either.

use super::data::TendData;

/// The data that keeps the newer part of each side:
///
/// - Settings travel as one unit: the side whose `settings.updated_at` is
///   later wins, and on a tie `ours` is kept. The last export time is the
///   later of the two.
/// - Journal entries, cards, plan items and done marks: the union by id
///   (done marks by item and day), the one changed last kept, `ours` on a
///   tie; removals travel as tombstones, like check-ins. Practice uses are
///   immutable, like check-ins. Time off travels as one unit, like settings.
/// - Check-ins, pulses and loaded instruments: the union by id. Entries
///   are immutable, so two with one id are the same entry; the later
///   `completed_at` (`added_at` for an instrument, whose newer version
///   replaces the older) is kept, `ours` on a tie.
/// - Self-checks: the union by id, like check-ins (the later
///   `completed_at` kept, `ours` on a tie). Kept team codes: the union by
///   nonce, the one kept first (then the lower text, so the order of the
///   sides does not matter). Both travel their removals as tombstones.
/// - Tombstones and restorations: the union, the latest of each key. For
///   each key the later of the two wins, so a removal on either side is
///   never undone by the other side's older copy, and an undo on either
///   side is never undone by the other side's tombstone.
/// - The draft: of the two sides' drafts, those not over (no check-in
///   completed, and no discard recorded, at or after the draft's last
///   change) compete, and the one changed last wins, `ours` on a tie. So a
///   draft one side completed or discarded does not come back from the
///   other side, while a draft someone kept answering after that does.
///
/// The result is in the canonical form of [`TendData::normalise`].
pub fn merge(ours: &TendData, theirs: &TendData) -> TendData {
    let settings = if theirs.settings.updated_at > ours.settings.updated_at {
        theirs.settings.clone()
    } else {
        ours.settings.clone()
    };
    let mut merged = TendData {
        settings,
        last_exported_at: ours.last_exported_at.max(theirs.last_exported_at),
        checkins: joined(&ours.checkins, &theirs.checkins),
        pulses: joined(&ours.pulses, &theirs.pulses),
        draft: None,
        instruments: joined(&ours.instruments, &theirs.instruments),
        deleted: joined(&ours.deleted, &theirs.deleted),
        restored: joined(&ours.restored, &theirs.restored),
        journal: joined(&ours.journal, &theirs.journal),
        why_cards: joined(&ours.why_cards, &theirs.why_cards),
        practice_log: joined(&ours.practice_log, &theirs.practice_log),
        plan: joined(&ours.plan, &theirs.plan),
        done: joined(&ours.done, &theirs.done),
        self_checks: joined(&ours.self_checks, &theirs.self_checks),
        team_codes: joined(&ours.team_codes, &theirs.team_codes),
        time_off: if theirs.time_off.updated_at > ours.time_off.updated_at {
            theirs.time_off.clone()
        } else {
            ours.time_off.clone()
        },
    };
    merged.normalise();
    // Ours first, so that a tie keeps ours.
    merged.draft = [&ours.draft, &theirs.draft]
        .into_iter()
        .flatten()
        .filter(|d| !merged.supersedes(d))
        .fold(None, |best: Option<&super::data::Draft>, d| match best {
            Some(b) if b.updated_at >= d.updated_at => Some(b),
            _ => Some(d),
        })
        .cloned();
    merged
}

fn joined<T: Clone>(ours: &[T], theirs: &[T]) -> Vec<T> {
    ours.iter().chain(theirs).cloned().collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::answer::{Answer, Answers};
    use crate::store::arbitrary;
    use crate::store::data::{
        CheckIn, Draft, LoadedInstrument, Pulse, Removed, Restoration, Settings, TextSize, Theme,
        Tombstone,
    };
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    fn with(theme: Theme, updated_at: i64, exported: Option<i64>) -> TendData {
        TendData {
            settings: Settings {
                theme,
                updated_at,
                ..Settings::default()
            },
            last_exported_at: exported,
            ..TendData::default()
        }
    }

    fn answers(v: i32) -> Answers {
        Answers::from([("a".to_string(), Answer::Value(v))])
    }

    fn checkin(id: &str, at: i64) -> CheckIn {
        CheckIn {
            id: id.into(),
            instrument_id: "tend".into(),
            instrument_version: "1".into(),
            completed_at: at,
            answers: answers(1),
        }
    }

    fn pulse(id: &str, at: i64) -> Pulse {
        Pulse {
            id: id.into(),
            completed_at: at,
            answers: answers(2),
        }
    }

    fn loaded(id: &str, at: i64) -> LoadedInstrument {
        LoadedInstrument {
            id: id.into(),
            added_at: at,
            json: format!("{{\"v\":{at}}}"),
        }
    }

    fn stone(id: &str, at: i64) -> Tombstone {
        Tombstone {
            id: Removed::from(id),
            deleted_at: at,
        }
    }

    fn restore(id: &str, at: i64) -> Restoration {
        Restoration {
            id: Removed::from(id),
            restored_at: at,
        }
    }

    fn draft(started_at: i64, updated_at: i64) -> Draft {
        Draft {
            instrument_id: "tend".into(),
            instrument_version: "1".into(),
            started_at,
            updated_at,
            step: 1,
            answers: answers(3),
        }
    }

    #[test]
    fn newer_settings_win_from_either_side() {
        let older = with(Theme::Dark, 10, None);
        let newer = with(Theme::Light, 20, None);
        assert_eq!(merge(&older, &newer).settings.theme, Theme::Light);
        assert_eq!(merge(&newer, &older).settings.theme, Theme::Light);
    }

    #[test]
    fn ties_keep_ours() {
        let a = with(Theme::Dark, 10, None);
        let b = with(Theme::Light, 10, None);
        assert_eq!(merge(&a, &b).settings.theme, Theme::Dark);
        assert_eq!(merge(&b, &a).settings.theme, Theme::Light);
    }

    #[test]
    fn the_later_export_is_kept_whichever_settings_win() {
        let a = with(Theme::Dark, 10, Some(500));
        let b = with(Theme::Light, 20, Some(100));
        let merged = merge(&a, &b);
        assert_eq!(merged.settings.theme, Theme::Light);
        assert_eq!(merged.last_exported_at, Some(500));
        assert_eq!(
            merge(&with(Theme::Dark, 1, None), &b).last_exported_at,
            Some(100)
        );
    }

    #[test]
    fn a_whole_settings_block_moves_together() {
        let mut theirs = with(Theme::Light, 20, None);
        theirs.settings.text_size = TextSize::Larger;
        theirs.settings.language = Some("en".into());
        theirs.settings.checkin_interval_days = 30;
        let merged = merge(&with(Theme::Dark, 10, None), &theirs);
        assert_eq!(merged.settings, theirs.settings);
    }

    /// The ids (check-ins, pulses, `instrument:<id>`) left after merging
    /// `ours` and `theirs`, both ways round.
    fn merged_keys(ours: &TendData, theirs: &TendData) -> (Vec<String>, Vec<String>) {
        let keys = |d: &TendData| {
            let texts: BTreeSet<String> = d.entry_keys().iter().map(Removed::to_string).collect();
            texts.into_iter().collect::<Vec<_>>()
        };
        (keys(&merge(ours, theirs)), keys(&merge(theirs, ours)))
    }

    #[test]
    fn collections_merge_as_a_union_minus_what_was_removed() {
        struct Case {
            name: &'static str,
            ours: TendData,
            theirs: TendData,
            kept: &'static [&'static str],
        }
        let data = |checkins: Vec<CheckIn>,
                    pulses: Vec<Pulse>,
                    instruments: Vec<LoadedInstrument>,
                    deleted: Vec<Tombstone>,
                    restored: Vec<Restoration>| TendData {
            checkins,
            pulses,
            instruments,
            deleted,
            restored,
            ..TendData::default()
        };
        let none = TendData::default;
        let cases = [
            Case {
                name: "both sides' entries are kept",
                ours: data(
                    vec![checkin("c1", 1)],
                    vec![pulse("p1", 2)],
                    vec![loaded("x", 1)],
                    vec![],
                    vec![],
                ),
                theirs: data(
                    vec![checkin("c2", 3)],
                    vec![pulse("p2", 4)],
                    vec![loaded("y", 2)],
                    vec![],
                    vec![],
                ),
                kept: &["c1", "c2", "instrument:x", "instrument:y", "p1", "p2"],
            },
            Case {
                name: "an entry on both sides is kept once",
                ours: data(
                    vec![checkin("c1", 1)],
                    vec![pulse("p1", 2)],
                    vec![],
                    vec![],
                    vec![],
                ),
                theirs: data(
                    vec![checkin("c1", 1)],
                    vec![pulse("p1", 2)],
                    vec![],
                    vec![],
                    vec![],
                ),
                kept: &["c1", "p1"],
            },
            Case {
                name: "a check-in removed on one side is not brought back by the other",
                ours: data(
                    vec![checkin("c2", 2)],
                    vec![],
                    vec![],
                    vec![stone("c1", 5)],
                    vec![],
                ),
                theirs: data(
                    vec![checkin("c1", 1), checkin("c2", 2)],
                    vec![],
                    vec![],
                    vec![],
                    vec![],
                ),
                kept: &["c2"],
            },
            Case {
                name: "a pulse removed on one side stays removed",
                ours: data(vec![], vec![pulse("p1", 1)], vec![], vec![], vec![]),
                theirs: data(vec![], vec![], vec![], vec![stone("p1", 3)], vec![]),
                kept: &[],
            },
            Case {
                name: "a removed instrument stays removed",
                ours: data(vec![], vec![], vec![loaded("x", 1)], vec![], vec![]),
                theirs: data(
                    vec![],
                    vec![],
                    vec![],
                    vec![stone("instrument:x", 3)],
                    vec![],
                ),
                kept: &[],
            },
            Case {
                name: "an instrument tombstone does not touch a check-in of the same name",
                ours: data(vec![checkin("x", 1)], vec![], vec![], vec![], vec![]),
                theirs: data(
                    vec![],
                    vec![],
                    vec![],
                    vec![stone("instrument:x", 3)],
                    vec![],
                ),
                kept: &["x"],
            },
            Case {
                name: "an undo outweighs the older tombstone still on the other side",
                ours: data(
                    vec![checkin("c1", 1)],
                    vec![],
                    vec![],
                    vec![],
                    vec![restore("c1", 6)],
                ),
                theirs: data(vec![], vec![], vec![], vec![stone("c1", 5)], vec![]),
                kept: &["c1"],
            },
            Case {
                name: "a removal after an undo outweighs the undo",
                ours: data(vec![], vec![], vec![], vec![stone("c1", 7)], vec![]),
                theirs: data(
                    vec![checkin("c1", 1)],
                    vec![],
                    vec![],
                    vec![],
                    vec![restore("c1", 6)],
                ),
                kept: &[],
            },
            Case {
                name: "a reloaded instrument outweighs its older removal",
                ours: data(
                    vec![],
                    vec![],
                    vec![loaded("x", 9)],
                    vec![],
                    vec![restore("instrument:x", 9)],
                ),
                theirs: data(
                    vec![],
                    vec![],
                    vec![],
                    vec![stone("instrument:x", 4)],
                    vec![],
                ),
                kept: &["instrument:x"],
            },
            Case {
                name: "nothing on either side",
                ours: none(),
                theirs: none(),
                kept: &[],
            },
        ];
        for case in cases {
            let (ab, ba) = merged_keys(&case.ours, &case.theirs);
            assert_eq!(ab, case.kept, "{}", case.name);
            assert_eq!(ba, case.kept, "{} (the other way round)", case.name);
        }
    }

    #[test]
    fn the_same_id_keeps_the_later_version_and_ours_on_a_tie() {
        let mut newer = checkin("c1", 5);
        newer.answers = answers(4);
        let ours = TendData {
            checkins: vec![checkin("c1", 1)],
            instruments: vec![loaded("x", 1)],
            ..TendData::default()
        };
        let theirs = TendData {
            checkins: vec![newer.clone()],
            instruments: vec![loaded("x", 2)],
            ..TendData::default()
        };
        for merged in [merge(&ours, &theirs), merge(&theirs, &ours)] {
            assert_eq!(merged.checkins, vec![newer.clone()]);
            assert_eq!(merged.instruments, vec![loaded("x", 2)]);
        }
        let mut other = checkin("c1", 1);
        other.answers = answers(0);
        let tie = TendData {
            checkins: vec![other],
            ..TendData::default()
        };
        assert_eq!(merge(&ours, &tie).checkins, ours.checkins);
        assert_eq!(merge(&tie, &ours).checkins, tie.checkins);
    }

    #[test]
    fn entries_come_out_in_date_order() {
        let ours = TendData {
            checkins: vec![checkin("c3", 30), checkin("c1", 10)],
            pulses: vec![pulse("p2", 20)],
            ..TendData::default()
        };
        let theirs = TendData {
            checkins: vec![checkin("c2", 20), checkin("c0", 20)],
            pulses: vec![pulse("p1", 5)],
            ..TendData::default()
        };
        let merged = merge(&ours, &theirs);
        let ids: Vec<&str> = merged.checkins.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["c1", "c0", "c2", "c3"]);
        let ids: Vec<&str> = merged.pulses.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["p1", "p2"]);
    }

    #[test]
    fn tombstones_and_restorations_keep_the_latest_of_each_key() {
        let ours = TendData {
            deleted: vec![stone("c1", 3), stone("c2", 9)],
            restored: vec![restore("c3", 4)],
            ..TendData::default()
        };
        let theirs = TendData {
            deleted: vec![stone("c1", 5), stone("c3", 2)],
            restored: vec![restore("c2", 8), restore("c4", 1)],
            ..TendData::default()
        };
        for merged in [merge(&ours, &theirs), merge(&theirs, &ours)] {
            let deleted: BTreeSet<_> = merged
                .deleted
                .iter()
                .map(|t| (t.id.to_string(), t.deleted_at))
                .collect();
            let restored: BTreeSet<_> = merged
                .restored
                .iter()
                .map(|r| (r.id.to_string(), r.restored_at))
                .collect();
            // c2: removed at 9 after its restoration at 8; c3: restored at
            // 4 after its removal at 2; c4 only ever restored.
            let texts = |pairs: [(&str, i64); 2]| pairs.map(|(k, at)| (k.to_string(), at));
            assert_eq!(deleted, BTreeSet::from(texts([("c1", 5), ("c2", 9)])));
            assert_eq!(restored, BTreeSet::from(texts([("c3", 4), ("c4", 1)])));
        }
    }

    #[test]
    fn drafts_merge_by_last_change_unless_completed_or_discarded() {
        struct Case {
            name: &'static str,
            ours: TendData,
            theirs: TendData,
            /// The draft kept, by its (started_at, updated_at).
            both_ways: Option<(i64, i64)>,
        }
        let with_draft = |d: Option<Draft>| TendData {
            draft: d,
            ..TendData::default()
        };
        let completed = |at: i64, d: Option<Draft>| TendData {
            checkins: vec![checkin("c1", at)],
            draft: d,
            ..TendData::default()
        };
        let discarded = |started_at: i64, at: i64| TendData {
            deleted: vec![stone(&format!("draft:{started_at}"), at)],
            ..TendData::default()
        };
        let cases = [
            Case {
                name: "only one side has a draft",
                ours: with_draft(Some(draft(1, 5))),
                theirs: with_draft(None),
                both_ways: Some((1, 5)),
            },
            Case {
                name: "the draft changed last wins",
                ours: with_draft(Some(draft(1, 5))),
                theirs: with_draft(Some(draft(1, 7))),
                both_ways: Some((1, 7)),
            },
            Case {
                name: "a newer draft wins over an older one",
                ours: with_draft(Some(draft(1, 5))),
                theirs: with_draft(Some(draft(6, 6))),
                both_ways: Some((6, 6)),
            },
            Case {
                name: "the side that completed it drops the other side's copy",
                ours: completed(6, None),
                theirs: with_draft(Some(draft(1, 5))),
                both_ways: None,
            },
            Case {
                name: "completed in the same millisecond as its last answer",
                ours: completed(5, None),
                theirs: with_draft(Some(draft(1, 5))),
                both_ways: None,
            },
            Case {
                name: "a draft answered after the completion is kept",
                ours: completed(6, None),
                theirs: with_draft(Some(draft(1, 8))),
                both_ways: Some((1, 8)),
            },
            Case {
                name: "a draft started after the completion is kept",
                ours: completed(6, Some(draft(7, 9))),
                theirs: with_draft(Some(draft(1, 5))),
                both_ways: Some((7, 9)),
            },
            Case {
                name: "a completed draft loses even when it changed last",
                ours: completed(6, Some(draft(7, 7))),
                theirs: with_draft(Some(draft(1, 5))),
                both_ways: Some((7, 7)),
            },
            Case {
                name: "a discarded draft does not come back",
                ours: discarded(1, 5),
                theirs: with_draft(Some(draft(1, 5))),
                both_ways: None,
            },
            Case {
                name: "a draft answered after the discard is kept",
                ours: discarded(1, 5),
                theirs: with_draft(Some(draft(1, 6))),
                both_ways: Some((1, 6)),
            },
            Case {
                name: "discarding one draft leaves a different one",
                ours: discarded(1, 5),
                theirs: with_draft(Some(draft(2, 4))),
                both_ways: Some((2, 4)),
            },
            Case {
                name: "no drafts",
                ours: with_draft(None),
                theirs: completed(3, None),
                both_ways: None,
            },
        ];
        for case in cases {
            for (a, b, way) in [
                (&case.ours, &case.theirs, "ours first"),
                (&case.theirs, &case.ours, "theirs first"),
            ] {
                let kept = merge(a, b).draft.map(|d| (d.started_at, d.updated_at));
                assert_eq!(kept, case.both_ways, "{} ({way})", case.name);
            }
        }
    }

    #[test]
    fn a_tie_between_drafts_keeps_ours() {
        let mut other = draft(1, 5);
        other.step = 3;
        let ours = TendData {
            draft: Some(draft(1, 5)),
            ..TendData::default()
        };
        let theirs = TendData {
            draft: Some(other.clone()),
            ..TendData::default()
        };
        assert_eq!(merge(&ours, &theirs).draft, ours.draft);
        assert_eq!(merge(&theirs, &ours).draft, Some(other));
    }

    #[test]
    fn delete_and_undo_survive_a_tab_holding_the_old_copy() {
        let start = TendData {
            checkins: vec![checkin("c1", 1), checkin("c2", 2)],
            ..TendData::default()
        };
        // Tab A deletes c1; tab B takes that in.
        let mut a = start.clone();
        let deleted = a.delete_entry("c1", 10).expect("c1 is there");
        let b = merge(&start, &a);
        assert!(b.checkin("c1").is_none(), "B drops what A deleted");
        // A undoes; B, still holding the tombstone, takes the undo in, and
        // A, merging B's copy back, keeps it.
        assert!(a.undo_delete(deleted, 11));
        let b = merge(&b, &a);
        assert!(b.checkin("c1").is_some(), "B takes the undo");
        assert!(merge(&a, &b).checkin("c1").is_some());
        assert!(merge(&a, &start).checkin("c1").is_some());
        // Deleting again after the undo wins once more.
        let mut a2 = a.clone();
        a2.delete_entry("c1", 12).expect("c1 is back");
        assert!(merge(&b, &a2).checkin("c1").is_none());
        assert!(merge(&a2, &b).checkin("c1").is_none());
    }

    #[test]
    fn the_instrument_key_is_what_instrument_tombstones_name() {
        let mut d = TendData::default();
        d.add_instrument("x", "{}", 1);
        let removed = d.remove_instrument("x", 2).expect("x is loaded");
        assert_eq!(removed.tombstone.id, Removed::Instrument("x".into()));
        assert_eq!(removed.tombstone.id.to_string(), "instrument:x");
    }

    fn ids(d: &TendData) -> BTreeSet<Removed> {
        d.entry_keys()
    }

    /// Whether `key`'s latest removal across `sides` is later than its
    /// latest restoration there.
    fn removed_in(sides: &[&TendData], key: &Removed) -> bool {
        let d = sides
            .iter()
            .filter_map(|s| s.deleted.iter().find(|t| t.id == *key))
            .map(|t| t.deleted_at)
            .max();
        let r = sides
            .iter()
            .filter_map(|s| s.restored.iter().find(|r| r.id == *key))
            .map(|r| r.restored_at)
            .max();
        match (d, r) {
            (Some(d), Some(r)) => d > r,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }

    proptest! {
        #[test]
        fn merge_is_idempotent_and_never_goes_back(
            a in arbitrary::data(),
            b in arbitrary::data(),
        ) {
            let m = merge(&a, &b);
            prop_assert_eq!(merge(&m, &m), m.clone());
            prop_assert_eq!(merge(&m, &b), m.clone());
            prop_assert_eq!(merge(&m, &a), m.clone());
            prop_assert!(m.settings.updated_at >= a.settings.updated_at.max(b.settings.updated_at));
            prop_assert!(m.last_exported_at >= a.last_exported_at.max(b.last_exported_at));
        }

        #[test]
        fn merge_keeps_everything_not_removed_and_nothing_removed(
            a in arbitrary::data(),
            b in arbitrary::data(),
        ) {
            let m = merge(&a, &b);
            for key in ids(&a).union(&ids(&b)) {
                let removed = removed_in(&[&a, &b], key);
                prop_assert_eq!(m.entry_keys().contains(key), !removed, "{}", key);
            }
            prop_assert!(m.entry_keys().is_subset(&ids(&a).union(&ids(&b)).cloned().collect()));
        }

        #[test]
        fn merge_order_decides_only_ties(
            a in arbitrary::data(),
            b in arbitrary::data(),
            c in arbitrary::data(),
        ) {
            let (ab, ba) = (merge(&a, &b), merge(&b, &a));
            prop_assert_eq!(ab.entry_keys(), ba.entry_keys());
            prop_assert_eq!(&ab.deleted.len(), &ba.deleted.len());
            prop_assert_eq!(&ab.restored.len(), &ba.restored.len());
            prop_assert_eq!(
                ab.draft.as_ref().map(|d| d.updated_at),
                ba.draft.as_ref().map(|d| d.updated_at)
            );
            // Three tabs end up holding the same entries, whatever order
            // they merged in.
            let left = merge(&merge(&a, &b), &c);
            let right = merge(&a, &merge(&b, &c));
            prop_assert_eq!(left.entry_keys(), right.entry_keys());
        }

        #[test]
        fn a_merged_draft_is_never_one_that_is_over(a in arbitrary::data(), b in arbitrary::data()) {
            let m = merge(&a, &b);
            if let Some(d) = &m.draft {
                prop_assert!(!m.supersedes(d));
                prop_assert!(a.draft.as_ref() == Some(d) || b.draft.as_ref() == Some(d));
            }
        }
    }
}
