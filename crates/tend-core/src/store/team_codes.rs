//! The team pulse codes a leader keeps (schema 6): each code pasted into
//! the team view, as its canonical text (see [`crate::domain::team`]), with
//! when it was kept. The month views are worked out from these texts every
//! time ([`crate::domain::team::TeamMonth::collect`]); nothing else about a
//! code is stored.
//!
//! A code is known by its nonce: two codes with the same nonce are the same
//! code (pasted twice, or by two people from one copy), so only the first
//! is kept. Removing one leaves a tombstone `team:<nonce as ten lowercase
//! hex digits>`, so no merge brings it back; pasting it in again brings it
//! back for good, as loading a removed instrument again does.
//!
//! A kept text that no longer reads as a code (only a hand-made file, or a
//! newer Tend's code, can hold one) is kept rather than dropped, known by
//! its text, for the team view to report as unreadable.

use super::data::TendData;
use super::removal::Removed;
use crate::domain::team::{self, CodeError, Month};
use serde::{Deserialize, Serialize};
use std::collections::btree_map::Entry as Slot;
use std::collections::{BTreeMap, BTreeSet};

/// A team pulse code the leader kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeptCode {
    /// When it was kept (ms since the epoch).
    pub added_at: i64,
    /// The code's canonical text, as [`team::encode`] writes it
    /// (`TEND-3S61-N7SC-9SRT-60PR`).
    pub code: String,
}

/// What [`TendData::keep_team_code`] did with a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    /// It is kept now: new here, or brought back after it was removed.
    Added,
    /// A code with the same nonce is kept already; nothing changed.
    AlreadyKept,
}

/// The key a code with this nonce is known by: its nonce as ten lowercase
/// hex digits (a nonce has 40 bits).
pub fn nonce_key(nonce: u64) -> Removed {
    Removed::TeamCode(format!("{nonce:010x}"))
}

/// The key the code written `text` is known by in tombstones and
/// restorations: its nonce's ([`nonce_key`]) when the text reads as a code
/// in any form [`team::decode`] forgives, or else the text itself (a nonce
/// key given as text stays that key).
pub fn code_key(text: &str) -> Removed {
    match team::decode(text) {
        Ok(code) => nonce_key(code.nonce()),
        Err(_) => Removed::TeamCode(text.to_string()),
    }
}

/// Kept codes in the order they were kept, then by text.
fn kept_order(a: &KeptCode, b: &KeptCode) -> std::cmp::Ordering {
    (a.added_at, &a.code).cmp(&(b.added_at, &b.code))
}

impl TendData {
    /// Keeps the code written `text` (in any form [`team::decode`]
    /// forgives: any case, spaces, look-alike characters), stored as its
    /// canonical text. A code with the same nonce as one kept is
    /// [`Kept::AlreadyKept`] and changes nothing. A code removed earlier
    /// comes back, with a restoration dated after its removal so that no
    /// merge removes it again. Text that is not a code is refused with
    /// what is wrong with it.
    pub fn keep_team_code(&mut self, text: &str, now: i64) -> Result<Kept, CodeError> {
        let code = team::decode(text)?;
        let key = nonce_key(code.nonce());
        if self.team_codes.iter().any(|k| code_key(&k.code) == key) {
            return Ok(Kept::AlreadyKept);
        }
        self.restore_key(&key, now);
        self.team_codes.push(KeptCode {
            added_at: now,
            code: team::encode(&code),
        });
        self.team_codes.sort_by(kept_order);
        Ok(Kept::Added)
    }

    /// Removes a kept code, named by its text (in any form
    /// [`team::decode`] forgives) or its nonce key (ten lowercase hex
    /// digits), leaving a tombstone `team:<nonce>` so that no merge brings
    /// it back. Returns whether it was kept.
    pub fn remove_team_code(&mut self, code: &str, now: i64) -> bool {
        let key = code_key(code);
        let had = self.team_codes.iter().any(|k| code_key(&k.code) == key);
        if had {
            self.team_codes.retain(|k| code_key(&k.code) != key);
            self.remove_key(key, now);
        }
        had
    }

    /// The kept codes of `month`, in the order they were kept. Codes that
    /// do not read are left out.
    pub fn team_codes_in(&self, month: Month) -> Vec<&KeptCode> {
        self.team_codes
            .iter()
            .filter(|k| team::decode(&k.code).is_ok_and(|c| c.month() == month))
            .collect()
    }

    /// Keeps one code per key, written in its canonical text: the one kept
    /// first (then the lower text, so either side of a merge gives the
    /// same); none that is removed; in the order kept.
    pub(crate) fn normalise_team_codes(&mut self, removed: &BTreeSet<Removed>) {
        let mut first: BTreeMap<Removed, KeptCode> = BTreeMap::new();
        for mut kept in std::mem::take(&mut self.team_codes) {
            let key = match team::decode(&kept.code) {
                Ok(code) => {
                    kept.code = team::encode(&code);
                    nonce_key(code.nonce())
                }
                Err(_) => Removed::TeamCode(kept.code.clone()),
            };
            if removed.contains(&key) {
                continue;
            }
            match first.entry(key) {
                Slot::Vacant(slot) => {
                    slot.insert(kept);
                }
                Slot::Occupied(mut slot) => {
                    if kept_order(&kept, slot.get()).is_lt() {
                        slot.insert(kept);
                    }
                }
            }
        }
        let mut codes: Vec<KeptCode> = first.into_values().collect();
        codes.sort_by(kept_order);
        self.team_codes = codes;
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::team::{Bands, Field, Level, TeamCode};
    use crate::store::merge::merge;

    fn month(year: i64, m: u32) -> Month {
        Month::new(year, m).unwrap_or_else(|| panic!("{year}-{m}"))
    }

    /// The text of a code with this nonce, in this month.
    fn code_in(nonce: u64, m: Month) -> String {
        let bands = Bands {
            sts: Some(Level::Low),
            burnout: Some(Level::High),
            sustaining: None,
        };
        team::encode(&TeamCode::new(bands, Field::Paramedic, m, nonce))
    }

    fn code(nonce: u64) -> String {
        code_in(nonce, month(2026, 11))
    }

    fn texts(d: &TendData) -> Vec<&str> {
        d.team_codes.iter().map(|k| k.code.as_str()).collect()
    }

    #[test]
    fn a_code_is_kept_once_in_its_canonical_text() {
        let mut d = TendData::default();
        let typed = code(7).to_lowercase().replace('-', " ");
        assert_eq!(d.keep_team_code(&typed, 10), Ok(Kept::Added));
        assert_eq!(
            d.team_codes,
            vec![KeptCode {
                added_at: 10,
                code: code(7)
            }]
        );
        // The same code, or another with the same nonce, changes nothing.
        let before = d.clone();
        assert_eq!(d.keep_team_code(&code(7), 11), Ok(Kept::AlreadyKept));
        let same_nonce = code_in(7, month(2026, 12));
        assert_ne!(same_nonce, code(7));
        assert_eq!(d.keep_team_code(&same_nonce, 12), Ok(Kept::AlreadyKept));
        assert_eq!(d, before);

        assert_eq!(d.keep_team_code(&code(3), 9), Ok(Kept::Added));
        assert_eq!(texts(&d), [code(3), code(7)], "in the order kept");
    }

    #[test]
    fn text_that_is_not_a_code_is_refused_with_what_is_wrong() {
        let mut d = TendData::default();
        assert_eq!(d.keep_team_code("hello", 1), Err(CodeError::NotTendCode));
        let mut typo = code(1);
        let last = typo.pop().map_or('0', |c| if c == '0' { '1' } else { '0' });
        typo.push(last);
        assert!(matches!(
            d.keep_team_code(&typo, 1),
            Err(CodeError::Mistyped(_))
        ));
        assert!(d.is_blank(), "nothing kept");
    }

    #[test]
    fn removing_a_code_leaves_a_tombstone_named_by_its_nonce() {
        let mut d = TendData::default();
        d.keep_team_code(&code(0xab_cdef_0123), 10).expect("a code");
        d.keep_team_code(&code(2), 11).expect("a code");
        assert!(d.remove_team_code(&code(0xab_cdef_0123).to_lowercase(), 20));
        assert_eq!(texts(&d), [code(2)]);
        assert_eq!(d.deleted.len(), 1);
        assert_eq!(d.deleted[0].id.to_string(), "team:abcdef0123");
        assert_eq!(d.deleted[0].deleted_at, 20);
        assert!(!d.remove_team_code(&code(0xab_cdef_0123), 21), "gone");
        // By its nonce key too.
        assert!(d.remove_team_code("0000000002", 22));
        assert!(d.team_codes.is_empty());
        assert_eq!(
            d.removed_keys(),
            [nonce_key(2), nonce_key(0xab_cdef_0123)].into()
        );
        assert!(!d.remove_team_code("not a code", 23));
    }

    #[test]
    fn a_removed_code_never_comes_back_through_a_merge() {
        let mut a = TendData::default();
        a.keep_team_code(&code(1), 10).expect("a code");
        a.keep_team_code(&code(2), 11).expect("a code");
        let older = a.clone();
        assert!(a.remove_team_code(&code(1), 20));
        for merged in [merge(&a, &older), merge(&older, &a)] {
            assert_eq!(texts(&merged), [code(2)]);
            assert!(merged.is_removed(&nonce_key(1)));
        }
        // A tab still holding it pastes it again: still removed, as the
        // removal came after. It is kept there only until it hears.
        let mut stale = older.clone();
        assert_eq!(stale.keep_team_code(&code(1), 15), Ok(Kept::AlreadyKept));
        assert_eq!(texts(&merge(&stale, &a)), [code(2)]);
    }

    #[test]
    fn pasting_a_removed_code_again_brings_it_back_for_good() {
        let mut d = TendData::default();
        d.keep_team_code(&code(1), 10).expect("a code");
        let before_removal = d.clone();
        assert!(d.remove_team_code(&code(1), 20));
        let removed = d.clone();
        // The clock went back: still dated after the removal.
        assert_eq!(d.keep_team_code(&code(1), 15), Ok(Kept::Added));
        assert_eq!(texts(&d), [code(1)]);
        assert!(d.deleted.is_empty());
        assert_eq!(d.restored.len(), 1);
        assert_eq!(d.restored[0].id, nonce_key(1));
        assert_eq!(d.restored[0].restored_at, 21);
        for other in [&removed, &before_removal] {
            assert_eq!(texts(&merge(&d, other)), [code(1)]);
            assert_eq!(texts(&merge(other, &d)), [code(1)]);
        }
        let mut copy = d.clone();
        copy.normalise();
        assert_eq!(copy, d);
    }

    #[test]
    fn two_tabs_each_keeping_codes_merge_to_the_union() {
        let mut a = TendData::default();
        let mut b = TendData::default();
        a.keep_team_code(&code(1), 10).expect("a code");
        a.keep_team_code(&code(2), 12).expect("a code");
        b.keep_team_code(&code(3), 11).expect("a code");
        // The same code pasted in both tabs: kept once, from when it was
        // first kept.
        b.keep_team_code(&code(2), 9).expect("a code");
        for merged in [merge(&a, &b), merge(&b, &a)] {
            let kept: Vec<(i64, &str)> = merged
                .team_codes
                .iter()
                .map(|k| (k.added_at, k.code.as_str()))
                .collect();
            assert_eq!(
                kept,
                [
                    (9, code(2).as_str()),
                    (10, code(1).as_str()),
                    (11, code(3).as_str())
                ]
            );
        }
    }

    #[test]
    fn normalising_keeps_the_first_of_each_nonce_in_canonical_text() {
        let later_month = code_in(5, month(2026, 12));
        let mut d = TendData {
            team_codes: vec![
                KeptCode {
                    added_at: 30,
                    code: code(4),
                },
                KeptCode {
                    added_at: 20,
                    code: later_month.to_lowercase(),
                },
                KeptCode {
                    added_at: 20,
                    code: code(5),
                },
                KeptCode {
                    added_at: 25,
                    code: "TEND-NOT-A-CODE".into(),
                },
                KeptCode {
                    added_at: 26,
                    code: code(6),
                },
            ],
            ..TendData::default()
        };
        d.remove_key(nonce_key(6), 40);
        d.normalise();
        let first_of_5 = if code(5) < later_month {
            code(5)
        } else {
            later_month.clone()
        };
        assert_eq!(
            texts(&d),
            [first_of_5.as_str(), "TEND-NOT-A-CODE", code(4).as_str()],
            "one per nonce, the unreadable kept, the removed dropped"
        );
        // The unreadable one is removed by its text.
        assert!(d.remove_team_code("TEND-NOT-A-CODE", 50));
        assert_eq!(d.deleted.len(), 2);
        assert!(d.is_removed(&Removed::from("team:TEND-NOT-A-CODE")));
    }

    #[test]
    fn the_codes_of_a_month_are_the_ones_that_read_with_that_month() {
        let mut d = TendData::default();
        d.keep_team_code(&code_in(1, month(2026, 11)), 1)
            .expect("a code");
        d.keep_team_code(&code_in(2, month(2026, 12)), 2)
            .expect("a code");
        d.keep_team_code(&code_in(3, month(2026, 11)), 3)
            .expect("a code");
        d.team_codes.push(KeptCode {
            added_at: 4,
            code: "TEND-0000".into(),
        });
        let november: Vec<&str> = d
            .team_codes_in(month(2026, 11))
            .iter()
            .map(|k| k.code.as_str())
            .collect();
        assert_eq!(
            november,
            [code_in(1, month(2026, 11)), code_in(3, month(2026, 11))]
        );
        assert!(d.team_codes_in(month(2025, 1)).is_empty());
    }
}
