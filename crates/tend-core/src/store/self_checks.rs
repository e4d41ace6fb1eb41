//! The organisation self-checks a leader keeps (schema 6): their own, and
//! those other leaders shared with them ([`SelfCheck::shared`]), as the
//! record [`crate::domain::self_check`] defines. Results are never stored:
//! they are worked out from the answers each time.
//!
//! A self-check is complete once saved, like a check-in. Two copies with
//! one id (this tab's and another's, or one imported twice) are the same
//! self-check: the later `completed_at` is kept, the first on a tie.
//! Removing one leaves a tombstone `self-check:<id>`, so no merge brings it
//! back; importing it again brings it back for good.

use super::data::TendData;
use super::journal::editable;
use super::removal::Removed;
use crate::domain::entry::entry_order;
pub use crate::domain::self_check::record::SelfCheck;
use std::collections::BTreeSet;

/// What [`TendData::save_self_check`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SavedSelfCheck {
    /// It is kept now: new here, or brought back after it was removed.
    Added,
    /// A different self-check with its id was kept, and it took its place.
    Replaced,
    /// Exactly this self-check was kept already; nothing changed.
    Unchanged,
}

impl TendData {
    /// The kept self-check with this id.
    pub fn self_check(&self, id: &str) -> Option<&SelfCheck> {
        self.self_checks.iter().find(|c| c.id == id)
    }

    /// Keeps a self-check: a new one completed here, or one read from a
    /// file or code (see [`crate::store::self_check_share`]). One with the
    /// same id takes the kept one's place, except that a self-check
    /// completed here stays marked as completed here when a shared copy of
    /// it comes back. One removed earlier comes back for good: its
    /// restoration is dated just after the removal (the record carries no
    /// time of its own to date it by).
    pub fn save_self_check(&mut self, mut check: SelfCheck) -> SavedSelfCheck {
        let saved = match self.self_checks.iter_mut().find(|c| c.id == check.id) {
            Some(kept) => {
                check.shared &= kept.shared;
                if *kept == check {
                    return SavedSelfCheck::Unchanged;
                }
                *kept = check;
                SavedSelfCheck::Replaced
            }
            None => {
                self.restore_key(&Removed::SelfCheck(check.id.clone()), check.completed_at);
                self.self_checks.push(check);
                SavedSelfCheck::Added
            }
        };
        self.self_checks.sort_by(entry_order);
        saved
    }

    /// Removes a kept self-check for good, leaving a tombstone
    /// `self-check:<id>`. Returns whether there was one.
    pub fn remove_self_check(&mut self, id: &str, now: i64) -> bool {
        let had = self.self_checks.iter().any(|c| c.id == id);
        if had {
            self.self_checks.retain(|c| c.id != id);
            self.remove_key(Removed::SelfCheck(id.to_string()), now);
        }
        had
    }

    /// Keeps one self-check per id (the later completed; on a tie, the
    /// first), none that is removed, oldest first.
    pub(crate) fn normalise_self_checks(&mut self, removed: &BTreeSet<Removed>) {
        self.self_checks = editable(
            std::mem::take(&mut self.self_checks),
            |c| removed.contains(&Removed::SelfCheck(c.id.clone())),
            |c| (&c.id, c.completed_at, c.completed_at),
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::self_check::record::{SelfCheckAnswer, SelfCheckAnswers};
    use crate::store::merge::merge;

    fn check(id: &str, at: i64, team: Option<&str>) -> SelfCheck {
        SelfCheck {
            answers: SelfCheckAnswers::from([
                ("res-induction".to_string(), SelfCheckAnswer::Level(3)),
                ("pol-written".to_string(), SelfCheckAnswer::DontKnow),
            ]),
            completed_at: at,
            id: id.into(),
            instrument_id: "tend-org".into(),
            instrument_version: "1".into(),
            shared: false,
            team: team.map(str::to_string),
        }
    }

    fn shared(c: SelfCheck) -> SelfCheck {
        SelfCheck { shared: true, ..c }
    }

    fn ids(d: &TendData) -> Vec<&str> {
        d.self_checks.iter().map(|c| c.id.as_str()).collect()
    }

    #[test]
    fn self_checks_are_saved_oldest_first_and_replaced_by_id() {
        let mut d = TendData::default();
        assert_eq!(
            d.save_self_check(check("sc-b", 20, None)),
            SavedSelfCheck::Added
        );
        assert_eq!(
            d.save_self_check(shared(check("sc-a", 10, Some("North")))),
            SavedSelfCheck::Added
        );
        assert_eq!(ids(&d), ["sc-a", "sc-b"]);
        assert_eq!(
            d.save_self_check(shared(check("sc-a", 10, Some("North")))),
            SavedSelfCheck::Unchanged
        );
        assert_eq!(
            d.save_self_check(check("sc-b", 20, Some("Nights"))),
            SavedSelfCheck::Replaced
        );
        assert_eq!(
            d.self_check("sc-b").and_then(|c| c.team.as_deref()),
            Some("Nights")
        );
        assert_eq!(d.self_checks.len(), 2);
        assert!(d.self_check("sc-a").is_some_and(|c| c.shared));
    }

    #[test]
    fn a_shared_copy_of_ones_own_self_check_stays_ones_own() {
        let mut d = TendData::default();
        d.save_self_check(check("sc-mine", 10, None));
        assert_eq!(
            d.save_self_check(shared(check("sc-mine", 10, None))),
            SavedSelfCheck::Unchanged
        );
        assert!(d.self_check("sc-mine").is_some_and(|c| !c.shared));
    }

    #[test]
    fn removing_a_self_check_leaves_a_tombstone_and_importing_it_again_brings_it_back() {
        let mut d = TendData::default();
        d.save_self_check(check("sc-1", 10, None));
        d.save_self_check(check("sc-2", 11, None));
        let before = d.clone();
        assert!(d.remove_self_check("sc-1", 50));
        assert!(!d.remove_self_check("sc-1", 51));
        assert_eq!(ids(&d), ["sc-2"]);
        assert_eq!(d.deleted.len(), 1);
        assert_eq!(d.deleted[0].id.to_string(), "self-check:sc-1");
        let removed = d.clone();
        for merged in [merge(&removed, &before), merge(&before, &removed)] {
            assert_eq!(ids(&merged), ["sc-2"], "a merge never brings it back");
        }

        assert_eq!(
            d.save_self_check(shared(check("sc-1", 10, None))),
            SavedSelfCheck::Added
        );
        assert_eq!(ids(&d), ["sc-1", "sc-2"]);
        assert!(d.deleted.is_empty());
        assert_eq!(d.restored.len(), 1);
        assert_eq!(d.restored[0].id, Removed::SelfCheck("sc-1".into()));
        assert_eq!(d.restored[0].restored_at, 51, "just after the removal");
        for merged in [merge(&d, &removed), merge(&removed, &d)] {
            assert_eq!(ids(&merged), ["sc-1", "sc-2"], "back for good");
        }
        // Removed again later: that wins.
        let mut again = d.clone();
        assert!(again.remove_self_check("sc-1", 60));
        assert_eq!(ids(&merge(&d, &again)), ["sc-2"]);
    }

    #[test]
    fn self_checks_merge_as_a_union_by_id_the_later_kept() {
        let mut a = TendData::default();
        let mut b = TendData::default();
        a.save_self_check(check("sc-1", 10, None));
        a.save_self_check(check("sc-2", 20, Some("Old")));
        b.save_self_check(shared(check("sc-3", 15, None)));
        b.save_self_check(check("sc-2", 25, Some("New")));
        for merged in [merge(&a, &b), merge(&b, &a)] {
            assert_eq!(ids(&merged), ["sc-1", "sc-3", "sc-2"]);
            assert_eq!(
                merged.self_check("sc-2").and_then(|c| c.team.as_deref()),
                Some("New")
            );
            assert!(merged.self_check("sc-3").is_some_and(|c| c.shared));
        }
    }

    #[test]
    fn normalising_keeps_one_per_id_and_drops_the_removed() {
        let mut d = TendData {
            self_checks: vec![
                check("sc-2", 20, Some("first")),
                check("sc-1", 30, None),
                check("sc-2", 20, Some("tie")),
                check("sc-gone", 5, None),
                check("sc-1", 10, Some("earlier")),
            ],
            ..TendData::default()
        };
        d.remove_key(Removed::SelfCheck("sc-gone".into()), 40);
        d.normalise();
        assert_eq!(ids(&d), ["sc-2", "sc-1"]);
        assert_eq!(d.self_checks[0].team.as_deref(), Some("first"));
        assert_eq!(d.self_checks[1].team, None);
        let mut twice = d.clone();
        twice.normalise();
        assert_eq!(twice, d);
    }
}
