//! The plain view of a locked store. With the passphrase lock on, the
//! browser holds only ciphertext, and WebCrypto works asynchronously, so
//! the [`Vault`](super::Vault) works on this mirror instead: the decrypted
//! text of each of Tend's keys, kept in memory while Tend is unlocked. The
//! shell seals what changed and writes it to the browser (see
//! [`Mirror::pending`]), and takes in what other tabs wrote (see
//! [`Mirror::take_in`]).
//!
//! For every key the mirror remembers the stored text its plain text came
//! from. A write goes to the browser only if the browser still holds that
//! text — otherwise another tab wrote in between, and its write is taken
//! in and merged first — so no tab overwrites another's newer data.
//!
//! Pure: the crypto and the browser are the shell's.

use super::keys::Namespace;
use super::vault::{Backend, BackendError};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// One key as the mirror knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    /// The plain text the vault reads and writes; `None` once removed.
    plain: Option<String>,
    /// What the browser holds for this key, as last read or written here.
    stored: Option<String>,
    /// The plain text that `stored` stands for; when it differs from
    /// `plain`, the key has a change to write.
    synced: Option<String>,
}

/// A change the browser does not have yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Seal `plain` and store it under `key`, if the browser still holds
    /// `base` there.
    Write {
        /// The key.
        key: String,
        /// The plain text to seal.
        plain: String,
        /// What the browser must still hold for the write to go ahead.
        base: Option<String>,
    },
    /// Remove `key`, if the browser still holds `base` there.
    Remove {
        /// The key.
        key: String,
        /// What the browser must still hold for the removal to go ahead.
        base: Option<String>,
    },
}

impl Pending {
    /// The key the change is for.
    pub fn key(&self) -> &str {
        match self {
            Pending::Write { key, .. } | Pending::Remove { key, .. } => key,
        }
    }

    /// What the browser must still hold under the key.
    pub fn base(&self) -> Option<&str> {
        match self {
            Pending::Write { base, .. } | Pending::Remove { base, .. } => base.as_deref(),
        }
    }
}

/// How a stored value was read into the mirror.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Read {
    /// It was sealed and opened: this is its plain text.
    Opened(String),
    /// It was plain text (written before the lock, or by a migration that
    /// stopped halfway): the vault reads it as it is, and it is sealed on
    /// the next write.
    Plain(String),
    /// It could not be opened (damaged or tampered): the vault sees the
    /// stored text as it is, finds it unreadable and sets it aside; it is
    /// never rewritten here.
    Unopenable(String),
}

/// The plain view of a locked store. Clones share the same entries, so
/// the vault and the shell can each hold one.
#[derive(Clone, Debug)]
pub struct Mirror {
    entries: Rc<RefCell<BTreeMap<String, Entry>>>,
    /// The data key, whose head names the chunks written beside it (see
    /// `store::split`): written after every other key.
    head: Rc<str>,
}

impl Mirror {
    /// An empty mirror of the keys of `namespace`.
    pub fn new(namespace: &Namespace) -> Self {
        Mirror {
            entries: Rc::default(),
            head: namespace.data_key().into(),
        }
    }

    /// Takes in what the browser holds under `key` (`stored`), read as
    /// `read`; `None` when the browser holds nothing there. A change of
    /// this tab's that was not yet written is replaced: the caller merges
    /// through the vault afterwards ([`Vault::reload`](super::Vault::reload)),
    /// which writes this tab's side again.
    pub fn take_in(&self, key: &str, stored: Option<String>, read: Option<Read>) {
        let mut entries = self.entries.borrow_mut();
        let entry = match (stored, read) {
            (None, _) | (Some(_), None) => Entry {
                plain: None,
                stored: None,
                synced: None,
            },
            (Some(stored), Some(Read::Opened(plain))) => Entry {
                plain: Some(plain.clone()),
                stored: Some(stored),
                synced: Some(plain),
            },
            (Some(stored), Some(Read::Plain(plain))) => Entry {
                plain: Some(plain),
                stored: Some(stored),
                synced: None,
            },
            (Some(stored), Some(Read::Unopenable(raw))) => Entry {
                plain: Some(raw.clone()),
                stored: Some(stored),
                synced: Some(raw),
            },
        };
        entries.insert(key.to_string(), entry);
    }

    /// What the browser held under `key` when this mirror last read or
    /// wrote it.
    pub fn stored(&self, key: &str) -> Option<String> {
        self.entries
            .borrow()
            .get(key)
            .and_then(|e| e.stored.clone())
    }

    /// The keys the mirror knows, with what the browser held for each.
    pub fn known(&self) -> Vec<(String, Option<String>)> {
        self.entries
            .borrow()
            .iter()
            .map(|(k, e)| (k.clone(), e.stored.clone()))
            .collect()
    }

    /// Every change the browser does not have yet: writes first (so a
    /// set-aside copy is in place before the key it came from goes), the
    /// data key's last (so every chunk its head names is there before it),
    /// then removals (so no chunk goes while a head there names it).
    pub fn pending(&self) -> Vec<Pending> {
        let entries = self.entries.borrow();
        let mut writes: Vec<Pending> = entries
            .iter()
            .filter_map(|(key, e)| match &e.plain {
                Some(plain) if e.synced.as_ref() != Some(plain) => Some(Pending::Write {
                    key: key.clone(),
                    plain: plain.clone(),
                    base: e.stored.clone(),
                }),
                _ => None,
            })
            .collect();
        writes.sort_by_key(|w| w.key() == &*self.head);
        let removals = entries
            .iter()
            .filter(|(_, e)| e.plain.is_none() && e.stored.is_some())
            .map(|(key, e)| Pending::Remove {
                key: key.clone(),
                base: e.stored.clone(),
            });
        writes.into_iter().chain(removals).collect()
    }

    /// Records that `change` reached the browser, which now holds
    /// `stored` (the sealed text; `None` after a removal). A change made
    /// while it was being sealed stays pending.
    pub fn done(&self, change: &Pending, stored: Option<String>) {
        let mut entries = self.entries.borrow_mut();
        let Some(entry) = entries.get_mut(change.key()) else {
            return;
        };
        entry.stored = stored;
        entry.synced = match change {
            Pending::Write { plain, .. } => Some(plain.clone()),
            Pending::Remove { .. } => None,
        };
        if entry.plain.is_none() && entry.stored.is_none() {
            entries.remove(change.key());
        }
    }

    /// Every key's plain text, for turning the lock off (writing it all
    /// back in the open).
    pub fn plain_entries(&self) -> Vec<(String, String)> {
        self.entries
            .borrow()
            .iter()
            .filter_map(|(k, e)| e.plain.clone().map(|p| (k.clone(), p)))
            .collect()
    }

    /// Forgets everything (on locking: nothing of the person's data stays
    /// in memory).
    pub fn clear(&self) {
        self.entries.borrow_mut().clear();
    }
}

impl Backend for Mirror {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        Ok(self.entries.borrow().get(key).and_then(|e| e.plain.clone()))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        let mut entries = self.entries.borrow_mut();
        let entry = entries.entry(key.to_string()).or_insert(Entry {
            plain: None,
            stored: None,
            synced: None,
        });
        entry.plain = Some(value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        let mut entries = self.entries.borrow_mut();
        if let Some(entry) = entries.get_mut(key) {
            entry.plain = None;
            if entry.stored.is_none() {
                entries.remove(key);
            }
        }
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        Ok(self
            .entries
            .borrow()
            .iter()
            .filter(|(_, e)| e.plain.is_some())
            .map(|(k, _)| k.clone())
            .collect())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::store::data::Theme;
    use crate::store::vault::{Saved, Vault};
    use crate::store::TendData;

    const DATA: &str = "tend:data";

    /// Stands in for sealing: the "ciphertext" is the plain text marked.
    fn seal(plain: &str) -> String {
        format!("sealed({plain})")
    }

    /// Writes every pending change to `browser` as the shell does,
    /// checking its base first; returns the changes that were refused.
    fn flush(mirror: &Mirror, browser: &mut BTreeMap<String, String>) -> Vec<Pending> {
        let mut refused = Vec::new();
        for change in mirror.pending() {
            if browser.get(change.key()).map(String::as_str) != change.base() {
                refused.push(change);
                continue;
            }
            match &change {
                Pending::Write { key, plain, .. } => {
                    browser.insert(key.clone(), seal(plain));
                    mirror.done(&change, Some(seal(plain)));
                }
                Pending::Remove { key, .. } => {
                    browser.remove(key);
                    mirror.done(&change, None);
                }
            }
        }
        refused
    }

    fn themed(theme: Theme, at: i64) -> TendData {
        let mut d = TendData::default();
        d.settings.theme = theme;
        d.settings.updated_at = at;
        d
    }

    #[test]
    fn a_save_through_the_vault_is_sealed_once_and_then_nothing_is_pending() {
        let mirror = Mirror::new(&Namespace::default());
        let mut browser = BTreeMap::new();
        let (mut vault, _) = Vault::open(Ok(mirror.clone()), Namespace::default(), 1);
        assert_eq!(vault.save(&themed(Theme::Dark, 5), 5), Ok(Saved::Written));
        assert_eq!(mirror.pending().len(), 1);
        assert!(flush(&mirror, &mut browser).is_empty());
        assert!(mirror.pending().is_empty());
        let stored = browser.get(DATA).cloned().expect("written");
        assert!(stored.starts_with("sealed("));
        assert_eq!(mirror.stored(DATA), Some(stored));
    }

    #[test]
    fn plain_text_left_by_a_migration_is_sealed_but_opened_text_is_not_rewritten() {
        let mirror = Mirror::new(&Namespace::default());
        mirror.take_in("tend:a", Some("x".into()), Some(Read::Plain("x".into())));
        mirror.take_in(
            "tend:b",
            Some("sealed(y)".into()),
            Some(Read::Opened("y".into())),
        );
        mirror.take_in(
            "tend:c",
            Some("garbled".into()),
            Some(Read::Unopenable("garbled".into())),
        );
        let pending = mirror.pending();
        assert_eq!(
            pending,
            vec![Pending::Write {
                key: "tend:a".into(),
                plain: "x".into(),
                base: Some("x".into())
            }]
        );
        assert_eq!(mirror.get("tend:c"), Ok(Some("garbled".into())));
    }

    #[test]
    fn a_write_is_refused_when_another_tab_wrote_in_between_and_merged_after() {
        let mirror = Mirror::new(&Namespace::default());
        let mut browser = BTreeMap::new();
        let ns = Namespace::default();
        let (mut vault, _) = Vault::open(Ok(mirror.clone()), ns, 1);
        vault.save(&themed(Theme::Dark, 5), 5).expect("saves");
        flush(&mirror, &mut browser);
        // This tab changes the text size; meanwhile another tab writes a
        // newer theme, sealed.
        let mut ours = themed(Theme::Dark, 5);
        ours.journal.push(crate::store::data::JournalEntry {
            created_at: 6,
            id: "j1".into(),
            prompt: None,
            text: "kept".into(),
            updated_at: 6,
        });
        vault.save(&ours, 6).expect("saves");
        let (other_text, _) =
            crate::store::envelope::encode(&themed(Theme::Light, 9), 9).expect("encodes");
        browser.insert(DATA.into(), seal(&other_text));
        let refused = flush(&mirror, &mut browser);
        assert_eq!(refused.len(), 1);
        // The shell takes in the other tab's write and merges.
        let stored = browser.get(DATA).cloned();
        mirror.take_in(DATA, stored, Some(Read::Opened(other_text)));
        let merged = match vault.reload(&ours) {
            crate::store::vault::Reloaded::Changed(d) => d,
            other => panic!("expected a merge, got {other:?}"),
        };
        assert_eq!(merged.settings.theme, Theme::Light);
        assert_eq!(merged.journal.len(), 1);
        vault.save(&merged, 10).expect("saves");
        assert!(flush(&mirror, &mut browser).is_empty());
        let (_, reopened) = Vault::open(
            Ok({
                // Every key: the journal is in a chunk of its own.
                let m = Mirror::new(&Namespace::default());
                for (key, text) in &browser {
                    let plain = text
                        .strip_prefix("sealed(")
                        .and_then(|t| t.strip_suffix(')'))
                        .unwrap_or_default()
                        .to_string();
                    m.take_in(key, Some(text.clone()), Some(Read::Opened(plain)));
                }
                m
            }),
            Namespace::default(),
            11,
        );
        assert_eq!(reopened, merged);
    }

    #[test]
    fn unreadable_data_is_set_aside_before_it_is_removed() {
        let mirror = Mirror::new(&Namespace::default());
        let mut browser = BTreeMap::new();
        browser.insert(DATA.to_string(), "garbled".to_string());
        mirror.take_in(
            DATA,
            Some("garbled".into()),
            Some(Read::Unopenable("garbled".into())),
        );
        let (vault, data) = Vault::open(Ok(mirror.clone()), Namespace::default(), 7);
        assert_eq!(data, TendData::default());
        let pending = mirror.pending();
        assert!(matches!(&pending[0], Pending::Write { key, plain, .. }
            if key == "tend:recovered:7" && plain == "garbled"));
        assert!(matches!(&pending[1], Pending::Remove { key, .. } if key == DATA));
        assert!(flush(&mirror, &mut browser).is_empty());
        assert_eq!(
            browser.keys().cloned().collect::<Vec<_>>(),
            vec!["tend:recovered:7".to_string()]
        );
        assert_eq!(vault.recovered().len(), 1);
        assert_eq!(
            vault.recovered_text("tend:recovered:7"),
            Some("garbled".into())
        );
    }

    #[test]
    fn a_change_made_while_sealing_stays_pending() {
        let mut mirror = Mirror::new(&Namespace::default());
        mirror.set(DATA, "one").expect("sets");
        let change = mirror.pending().remove(0);
        mirror.set(DATA, "two").expect("sets");
        mirror.done(&change, Some(seal("one")));
        assert_eq!(
            mirror.pending(),
            vec![Pending::Write {
                key: DATA.into(),
                plain: "two".into(),
                base: Some(seal("one"))
            }]
        );
        mirror.clear();
        assert!(mirror.pending().is_empty());
        assert_eq!(mirror.get(DATA), Ok(None));
    }

    #[test]
    fn the_head_is_sealed_after_the_chunks_it_names_and_before_removals() {
        let mirror = Mirror::new(&Namespace::default());
        let mut browser = BTreeMap::new();
        let (mut vault, _) = Vault::open(Ok(mirror.clone()), Namespace::default(), 1);
        let mut data = themed(Theme::Dark, 2);
        data.journal.push(crate::store::data::JournalEntry {
            created_at: 2,
            id: "j1".into(),
            prompt: None,
            text: "first".into(),
            updated_at: 2,
        });
        vault.save(&data, 2).expect("saves");
        let keys: Vec<String> = mirror
            .pending()
            .iter()
            .map(|p| p.key().to_string())
            .collect();
        assert_eq!(keys.len(), 2);
        assert!(
            keys[0].starts_with("tend:part:") && keys[1] == DATA,
            "{keys:?}"
        );
        assert!(flush(&mirror, &mut browser).is_empty());
        // An edit: the new chunk, then the head, then the old chunk goes.
        data.journal[0].text = "edited".into();
        data.journal[0].updated_at = 3;
        vault.save(&data, 3).expect("saves");
        let pending = mirror.pending();
        assert_eq!(pending.len(), 3, "{pending:?}");
        assert!(matches!(&pending[0], Pending::Write { key, .. } if key.starts_with("tend:part:")));
        assert!(matches!(&pending[1], Pending::Write { key, .. } if key == DATA));
        assert!(
            matches!(&pending[2], Pending::Remove { key, .. } if key.starts_with("tend:part:"))
        );
    }
}
