//! The sealing worker: while Tend is unlocked, the vault saves to a plain
//! [`Mirror`]; one worker at a time seals what changed and writes it, each
//! write only if the browser still holds what the mirror last saw there
//! (otherwise another tab wrote in between, and its write is decrypted,
//! taken in and merged through the vault first). The lock's lifecycle is
//! `lock`'s.

use super::lock::LockView;
use super::StorageContext;
use crate::platform::crypto::{self, DataKey};
use crate::platform::storage::{self as browser, BrowserStorage};
use leptos::prelude::*;
use leptos::task::spawn_local;
use tend_core::store::lock::{self, LockRecord, Sealed};
use tend_core::store::mirror::{Mirror, Pending, Read};
use tend_core::store::{Backend, BackendError, Namespace, CURRENT_SCHEMA};

/// The lock's working state, kept outside signals: the data key and the
/// plain mirror never reach the DOM or a signal.
#[derive(Default)]
pub(in crate::ui::storage) struct Sealing {
    pub(in crate::ui::storage) record: Option<LockRecord>,
    pub(in crate::ui::storage) key: Option<DataKey>,
    pub(in crate::ui::storage) mirror: Option<Mirror>,
    /// A worker is sealing and writing.
    pub(in crate::ui::storage) working: bool,
    /// Something changed while the worker ran: it goes round again.
    pub(in crate::ui::storage) again: bool,
    /// Another tab wrote: the worker takes its writes in first.
    pub(in crate::ui::storage) resync: bool,
    /// Lock as soon as the worker has written everything.
    pub(in crate::ui::storage) lock_when_done: bool,
    /// Bumped on every lock, turn-off and delete, so a worker that was
    /// waiting on the crypto knows to stop.
    pub(in crate::ui::storage) generation: u64,
    /// When the person last used Tend (ms since the epoch).
    pub(in crate::ui::storage) last_activity: i64,
}

/// Every key of `namespace` but the lock record, with its stored text.
pub(super) fn stored_entries(
    storage: &BrowserStorage,
    namespace: &Namespace,
) -> Vec<(String, String)> {
    let lock_key = namespace.lock_key();
    storage
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter(|k| namespace.owns(k) && *k != lock_key)
        .filter_map(|k| storage.get(&k).ok().flatten().map(|text| (k, text)))
        .collect()
}

/// How a stored value reads with `key`: opened if sealed and sound, as it
/// is if it was never sealed, unopenable otherwise.
pub(super) async fn read_stored(key: &DataKey, text: String) -> Read {
    if !lock::is_sealed(&text) {
        return Read::Plain(text);
    }
    let Ok(sealed) = Sealed::parse(&text) else {
        return Read::Unopenable(text);
    };
    match crypto::open(key, &sealed).await {
        Ok(plain) => Read::Opened(plain),
        Err(_) => Read::Unopenable(text),
    }
}

impl StorageContext {
    pub(super) fn generation(&self) -> u64 {
        self.sealing.with_value(|s| s.generation)
    }

    pub(super) fn still(&self, generation: u64) -> bool {
        self.sealing
            .try_with_value(|s| s.generation == generation)
            .unwrap_or(false)
            && self.lock.get_untracked() == LockView::Unlocked
    }

    /// Starts the sealing worker, or tells the running one to go round
    /// again.
    pub(in crate::ui::storage) fn work(&self) {
        let ctx = *self;
        spawn_local(async move { ctx.run_work().await });
    }

    async fn run_work(self) {
        let started = self.sealing.try_update_value(|s| {
            if s.working {
                s.again = true;
                false
            } else {
                s.working = true;
                true
            }
        });
        if started != Some(true) {
            return;
        }
        let generation = self.generation();
        loop {
            self.sealing.update_value(|s| s.again = false);
            if !self.still(generation) {
                break;
            }
            let resync = self
                .sealing
                .try_update_value(|s| std::mem::take(&mut s.resync))
                .unwrap_or(false);
            if resync && self.resync(generation).await {
                if !self.still(generation) {
                    break;
                }
                // Merges through the vault; a change calls `work` again.
                self.take_in_other_tabs();
            }
            if !self.still(generation) {
                break;
            }
            self.flush(generation).await;
            let again = self
                .sealing
                .try_with_value(|s| s.again || s.resync)
                .unwrap_or(false);
            if !again {
                break;
            }
        }
        if self.generation() == generation {
            self.sealing.update_value(|s| s.working = false);
            if self.sealing.with_value(|s| s.lock_when_done) {
                self.do_lock();
            }
        }
        self.refresh();
    }

    /// Takes into the mirror whatever another tab stored since this one
    /// last looked. Returns whether anything was taken in.
    async fn resync(&self, generation: u64) -> bool {
        let Some((Some(key), Some(mirror))) = self
            .sealing
            .try_with_value(|s| (s.key.clone(), s.mirror.clone()))
        else {
            return false;
        };
        let Ok(storage) = browser::local_storage() else {
            return false;
        };
        let stored = stored_entries(&storage, &self.namespace());
        let mut took = false;
        for (k, base) in mirror.known() {
            if base.is_some() && !stored.iter().any(|(s, _)| *s == k) {
                mirror.take_in(&k, None, None);
                took = true;
            }
        }
        for (k, text) in stored {
            if mirror.stored(&k).as_deref() == Some(text.as_str()) {
                continue;
            }
            let read = read_stored(&key, text.clone()).await;
            if !self.still(generation) {
                return false;
            }
            mirror.take_in(&k, Some(text), Some(read));
            took = true;
        }
        took
    }

    /// Seals every change the browser does not have yet and writes it, if
    /// the browser still holds what the mirror last saw; otherwise asks
    /// for a resync and another round.
    async fn flush(&self, generation: u64) {
        let Some((Some(key), Some(mirror))) = self
            .sealing
            .try_with_value(|s| (s.key.clone(), s.mirror.clone()))
        else {
            return;
        };
        for change in mirror.pending() {
            let sealed = match &change {
                Pending::Write { plain, .. } => {
                    match crypto::seal(&key, CURRENT_SCHEMA, plain).await {
                        Ok(sealed) => Some(sealed.to_text()),
                        Err(_) => {
                            self.store_failed(&BackendError::Failed("could not encrypt".into()));
                            return;
                        }
                    }
                }
                Pending::Remove { .. } => None,
            };
            if !self.still(generation) {
                return;
            }
            // From the check to the write nothing waits, so no other tab
            // can write in between.
            let mut storage = match browser::local_storage() {
                Ok(storage) => storage,
                Err(e) => return self.store_failed(&e),
            };
            let now_stored = match storage.get(change.key()) {
                Ok(text) => text,
                Err(e) => return self.store_failed(&e),
            };
            if now_stored.as_deref() != change.base() {
                self.sealing.update_value(|s| s.resync = true);
                continue;
            }
            let written = match &sealed {
                Some(text) => storage.set(change.key(), text),
                None => storage.remove(change.key()),
            };
            if let Err(e) = written {
                return self.store_failed(&e);
            }
            mirror.done(&change, sealed);
        }
    }

    fn store_failed(&self, error: &BackendError) {
        self.vault.update_value(|v| {
            v.store_failed(error);
        });
        self.refresh();
    }
}
