//! The passphrase lock, wired in: turning it on and off, unlocking,
//! locking (now, or after a chosen idle time), changing the passphrase,
//! and keeping the sealed store in step with the person's data and with
//! other tabs. Formats live in `store::lock`, the plain view in
//! `store::mirror`, the crypto in `platform::crypto`.
//!
//! While unlocked, the vault saves to a plain [`Mirror`] that the sealing
//! worker (`sealing`) keeps in step with the browser; the idle lock is
//! `idle`'s.
//!
//! Crash safety: turning the lock on writes the lock record first, then
//! seals each key; turning it off writes each key in the open first, then
//! removes the record. Whatever is interrupted, every key holds either
//! plain or sealed text, both of which an unlock reads (plain text is
//! sealed on the next write).

use super::sealing::{read_stored, stored_entries, Sealing};
use super::{ExportError, StorageContext};
use crate::platform::crypto::{self, CryptoError, DataKey};
use crate::platform::storage::{self as browser, AppStore};
use crate::platform::{self, files};
use leptos::prelude::*;
use tend_core::store::lock::{
    self, check_new_passphrase, LockFormatError, LockRecord, PassphraseProblem, SealedExport, Shown,
};
use tend_core::store::mirror::{Mirror, Read};
use tend_core::store::vault::{delete_namespace, STORAGE_QUOTA_UNITS};
use tend_core::store::{
    backup, Backend, BackendError, MemoryReason, Namespace, TendData, Theme, Vault, CURRENT_SCHEMA,
};

/// Whether the passphrase lock is on, and if so whether Tend is unlocked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockView {
    /// No lock: data is kept in the open (or in memory).
    Off,
    /// Locked: nothing of the person's data is read or shown.
    Locked,
    /// Unlocked: the data is decrypted in memory and sealed on every save.
    Unlocked,
}

/// Why unlocking did not work. Nothing is changed by a failed unlock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnlockError {
    /// The passphrase does not open this lock.
    WrongPassphrase,
    /// The lock was made by a newer version of Tend.
    Newer,
    /// The lock's record (or the file) is damaged.
    Damaged,
    /// This browser offers no WebCrypto here.
    NoCrypto,
    /// The browser's storage could not be read.
    Storage,
}

/// Why turning the lock on or off, or changing the passphrase, did not
/// work. Nothing is lost by any of these.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockError {
    /// The new passphrase is too short, or its two entries differ.
    Passphrase(PassphraseProblem),
    /// The current passphrase is not right.
    WrongPassphrase,
    /// This browser offers no WebCrypto here.
    NoCrypto,
    /// There is not enough room in the browser's storage for the sealed
    /// data.
    Full,
    /// The browser's storage refused or failed.
    Storage,
    /// The lock's state changed meanwhile (another tab turned it on or
    /// off); nothing was done.
    Changed,
}

/// The lock record's text under `namespace`, if there is one.
pub(super) fn record_text(namespace: &Namespace) -> Option<String> {
    browser::local_storage()
        .ok()?
        .get(&namespace.lock_key())
        .ok()
        .flatten()
}

/// What the unlock screen shows, from the person's settings.
fn shown_of(data: &TendData) -> Shown {
    Shown {
        language: data.settings.language.clone(),
        theme: match data.settings.theme {
            Theme::System => None,
            Theme::Light => Some("light".into()),
            Theme::Dark => Some("dark".into()),
        },
    }
}

fn unlock_error(e: CryptoError) -> UnlockError {
    match e {
        CryptoError::WrongPassphrase => UnlockError::WrongPassphrase,
        CryptoError::Unavailable => UnlockError::NoCrypto,
        CryptoError::Damaged | CryptoError::Failed(_) => UnlockError::Damaged,
    }
}

fn lock_error(e: CryptoError) -> LockError {
    match e {
        CryptoError::WrongPassphrase => LockError::WrongPassphrase,
        CryptoError::Unavailable => LockError::NoCrypto,
        CryptoError::Damaged | CryptoError::Failed(_) => LockError::Storage,
    }
}

fn storage_error(e: &BackendError) -> LockError {
    match e {
        BackendError::QuotaExceeded => LockError::Full,
        _ => LockError::Storage,
    }
}

/// Opens an encrypted export file with its passphrase: the plain export
/// text inside, ready for the usual import checks.
pub async fn open_sealed_export(text: &str, passphrase: &str) -> Result<String, UnlockError> {
    let file = SealedExport::parse(text).map_err(|e| match e {
        LockFormatError::Newer => UnlockError::Newer,
        _ => UnlockError::Damaged,
    })?;
    let key = crypto::unlock(&file.kdf, &file.key, passphrase)
        .await
        .map_err(unlock_error)?;
    crypto::open(&key, &file.sealed)
        .await
        .map_err(|_| UnlockError::Damaged)
}

impl StorageContext {
    /// Whether the lock is off, locked or unlocked.
    pub fn lock_view(&self) -> ReadSignal<LockView> {
        self.lock.read_only()
    }

    /// Whether the lock can be turned on here.
    pub fn lockable(&self) -> bool {
        self.setup.with_value(|s| s.lockable)
    }

    /// Minutes without use before Tend locks itself.
    pub fn idle_minutes(&self) -> u32 {
        self.sealing.with_value(|s| {
            s.record
                .as_ref()
                .map_or(lock::DEFAULT_IDLE_MINUTES, |r| r.idle_minutes)
        })
    }

    /// What the unlock screen may show: the language and theme kept in
    /// the open with the lock.
    pub fn shown_while_locked(&self) -> Shown {
        let namespace = self.setup.with_value(|s| s.namespace.clone());
        record_text(&namespace)
            .and_then(|t| LockRecord::parse(&t).ok())
            .map(|r| r.shown)
            .unwrap_or_default()
    }

    pub(super) fn namespace(&self) -> Namespace {
        self.setup.with_value(|s| s.namespace.clone())
    }

    /// Unlocks with `passphrase`: reads and opens every key, and shows the
    /// person's data. A wrong passphrase changes nothing.
    ///
    /// Sets User Timing marks for `make bench` (tools/bench-scale.mjs):
    /// `tend-unlock-start`, `tend-unlock-key` once the passphrase's key is
    /// derived and the data key unwrapped, `tend-unlock-opened` once every
    /// key is decrypted, `tend-unlock-ready` once the data is in place.
    pub async fn unlock(self, passphrase: String) -> Result<(), UnlockError> {
        platform::mark("tend-unlock-start");
        let namespace = self.namespace();
        let storage = browser::local_storage().map_err(|_| UnlockError::Storage)?;
        let Some(text) = storage.get(&namespace.lock_key()).ok().flatten() else {
            // Another tab turned the lock off meanwhile.
            self.reopen_plain();
            return Ok(());
        };
        let record = LockRecord::parse(&text).map_err(|e| match e {
            LockFormatError::Newer => UnlockError::Newer,
            _ => UnlockError::Damaged,
        })?;
        let key = crypto::unlock(&record.kdf, &record.key, &passphrase)
            .await
            .map_err(unlock_error)?;
        platform::mark("tend-unlock-key");
        if self.lock.get_untracked() != LockView::Locked {
            return Ok(());
        }
        let mirror = Mirror::new(&namespace);
        for (k, text) in stored_entries(&storage, &namespace) {
            let read = read_stored(&key, text.clone()).await;
            mirror.take_in(&k, Some(text), Some(read));
        }
        platform::mark("tend-unlock-opened");
        if self.lock.get_untracked() != LockView::Locked {
            return Ok(());
        }
        // A region chosen on Get help while locked (the only setting a
        // locked Tend offers) is kept.
        let region_chosen = self.data.with_untracked(|d| {
            (d.settings.updated_at > 0)
                .then(|| d.settings.region.clone())
                .flatten()
        });
        let mut data = self.become_unlocked(record, key, mirror);
        if let Some(region) = region_chosen {
            data.settings.set_region(&region, platform::now_ms());
        }
        // Another tab may have written while the keys were opened.
        self.sealing.update_value(|s| s.resync = true);
        self.data.set(data);
        self.refresh();
        self.work();
        platform::mark("tend-unlock-ready");
        Ok(())
    }

    /// Works from here on through `mirror` with `key`: the vault opens on
    /// the mirror, and the lock shows as unlocked. Returns what the vault
    /// read.
    fn become_unlocked(&self, record: LockRecord, key: DataKey, mirror: Mirror) -> TendData {
        let now = platform::now_ms();
        let (vault, data) =
            Vault::open(Ok(AppStore::Mirror(mirror.clone())), self.namespace(), now);
        self.sealing.update_value(|s| {
            s.record = Some(record);
            s.key = Some(key);
            s.mirror = Some(mirror);
            s.lock_when_done = false;
            s.last_activity = now;
        });
        self.vault.set_value(vault);
        self.lock.set(LockView::Unlocked);
        data
    }

    /// Locks now: once everything is sealed and written, the data, the
    /// key and the plain mirror are dropped and the unlock screen shows.
    pub fn lock_now(&self) {
        if self.lock.get_untracked() != LockView::Unlocked {
            return;
        }
        let working = self.sealing.with_value(|s| s.working);
        if working {
            self.sealing.update_value(|s| s.lock_when_done = true);
        } else {
            self.do_lock();
        }
    }

    pub(super) fn do_lock(&self) {
        self.forget_unlocked(true);
        self.show_locked(self.namespace());
    }

    /// Drops the data key and the plain mirror (cleared first), and stops
    /// any worker; keeps the lock record if asked (it is in the open).
    fn forget_unlocked(&self, keep_record: bool) {
        self.sealing.update_value(|s| {
            if let Some(mirror) = s.mirror.take() {
                mirror.clear();
            }
            *s = Sealing {
                record: if keep_record { s.record.take() } else { None },
                generation: s.generation + 1,
                ..Sealing::default()
            };
        });
    }

    /// Turns the lock on with a new passphrase (entered twice): writes the
    /// lock record, then seals everything Tend keeps.
    pub async fn turn_lock_on(self, passphrase: String, again: String) -> Result<(), LockError> {
        check_new_passphrase(&passphrase, &again).map_err(LockError::Passphrase)?;
        if self.lock.get_untracked() != LockView::Off || !self.lockable() {
            return Err(LockError::Changed);
        }
        let namespace = self.namespace();
        let mut storage = browser::local_storage().map_err(|e| storage_error(&e))?;
        let shown = self.data.with_untracked(shown_of);
        let (record, key) = crypto::create_lock(&passphrase, shown)
            .await
            .map_err(lock_error)?;
        // Everything is sealed before anything is written, so a lock that
        // would not fit (sealed text is compressed, then base64) is
        // refused with nothing changed.
        let mut plain_units = 0u64;
        let mut sealed = Vec::new();
        for (k, text) in stored_entries(&storage, &namespace) {
            plain_units += text.encode_utf16().count() as u64;
            let value = crypto::seal(&key, CURRENT_SCHEMA, &text)
                .await
                .map_err(lock_error)?
                .to_text();
            sealed.push((k, text, value));
        }
        let sealed_units: u64 = sealed
            .iter()
            .map(|(_, _, v)| v.encode_utf16().count() as u64)
            .sum();
        let used_units = browser::used_bytes(&namespace) / 2;
        let record_units = record.to_text().encode_utf16().count() as u64 + 16;
        if used_units - plain_units.min(used_units) + sealed_units + record_units
            > STORAGE_QUOTA_UNITS
        {
            return Err(LockError::Full);
        }
        if self.lock.get_untracked() != LockView::Off
            || storage.get(&namespace.lock_key()).ok().flatten().is_some()
        {
            return Err(LockError::Changed);
        }
        // From here on nothing waits until the vault is swapped. The lock
        // record first, then each key, sealed, if it still holds what was
        // sealed; anything else (another tab's write since, a write that
        // failed) stays plain in the mirror and is sealed by the worker.
        storage
            .set(&namespace.lock_key(), &record.to_text())
            .map_err(|e| storage_error(&e))?;
        let mirror = Mirror::new(&namespace);
        for (k, plain, value) in sealed {
            let unchanged = storage.get(&k).ok().flatten().as_deref() == Some(plain.as_str());
            if unchanged && storage.set(&k, &value).is_ok() {
                mirror.take_in(&k, Some(value), Some(Read::Opened(plain)));
            }
        }
        for (k, text) in stored_entries(&storage, &namespace) {
            if mirror.stored(&k).is_none() {
                mirror.take_in(&k, Some(text.clone()), Some(Read::Plain(text)));
            }
        }
        self.become_unlocked(record, key, mirror);
        // What the person sees is saved into the mirror (in a course,
        // nothing was stored before), then everything is sealed.
        self.save();
        self.work();
        Ok(())
    }

    /// Turns the lock off after the passphrase is given again: writes
    /// everything in the open, then removes the lock record. In a course,
    /// nothing is kept in the open: the data stays in this tab only.
    pub async fn turn_lock_off(self, passphrase: String) -> Result<(), LockError> {
        let Some(record) = self.sealing.with_value(|s| s.record.clone()) else {
            return Err(LockError::Changed);
        };
        crypto::unlock(&record.kdf, &record.key, &passphrase)
            .await
            .map_err(lock_error)?;
        // Everything sealed and written first.
        while self.sealing.with_value(|s| s.working) {
            platform::sleep(20).await;
        }
        if self.lock.get_untracked() != LockView::Unlocked {
            return Err(LockError::Changed);
        }
        let namespace = self.namespace();
        let mut storage = browser::local_storage().map_err(|e| storage_error(&e))?;
        let in_course = self.setup.with_value(|s| s.in_course);
        let mirror = self.sealing.with_value(|s| s.mirror.clone());
        if in_course {
            delete_namespace(&mut storage, &namespace).map_err(|e| storage_error(&e))?;
        } else {
            for (k, plain) in mirror.map(|m| m.plain_entries()).unwrap_or_default() {
                storage.set(&k, &plain).map_err(|e| storage_error(&e))?;
            }
            storage
                .remove(&namespace.lock_key())
                .map_err(|e| storage_error(&e))?;
        }
        let current = self.data.get_untracked();
        self.reopen_plain();
        if in_course {
            self.data.set(current);
        }
        Ok(())
    }

    /// Changes the passphrase: the data key is wrapped again under the new
    /// one; nothing else is re-encrypted.
    pub async fn change_passphrase(
        self,
        current: String,
        new: String,
        again: String,
    ) -> Result<(), LockError> {
        check_new_passphrase(&new, &again).map_err(LockError::Passphrase)?;
        let namespace = self.namespace();
        let fresh = record_text(&namespace).and_then(|t| LockRecord::parse(&t).ok());
        let (Some(record), Some(key)) = (
            fresh.or_else(|| self.sealing.with_value(|s| s.record.clone())),
            self.sealing.with_value(|s| s.key.clone()),
        ) else {
            return Err(LockError::Changed);
        };
        crypto::unlock(&record.kdf, &record.key, &current)
            .await
            .map_err(lock_error)?;
        let next = crypto::rewrap(&record, &key, &new)
            .await
            .map_err(lock_error)?;
        self.write_record(next)
    }

    /// Sets the minutes without use after which Tend locks itself.
    pub fn set_idle_minutes(&self, minutes: u32) -> Result<(), LockError> {
        if !lock::IDLE_CHOICES.contains(&minutes) {
            return Ok(());
        }
        let Some(mut record) = self.sealing.with_value(|s| s.record.clone()) else {
            return Err(LockError::Changed);
        };
        record.idle_minutes = minutes;
        self.write_record(record)
    }

    fn write_record(&self, record: LockRecord) -> Result<(), LockError> {
        let namespace = self.namespace();
        let mut storage = browser::local_storage().map_err(|e| storage_error(&e))?;
        storage
            .set(&namespace.lock_key(), &record.to_text())
            .map_err(|e| storage_error(&e))?;
        self.sealing.update_value(|s| s.record = Some(record));
        Ok(())
    }

    /// Keeps the language and theme kept with the lock in step with the
    /// settings, so the unlock screen speaks the person's language.
    pub(super) fn follow_settings(&self) {
        let ctx = *self;
        Effect::new(move |_| {
            ctx.data
                .with(|d| (d.settings.language.clone(), d.settings.theme));
            ctx.keep_shown_in_step();
        });
    }

    fn keep_shown_in_step(&self) {
        if self.lock.get_untracked() != LockView::Unlocked {
            return;
        }
        let shown = self.data.with_untracked(shown_of);
        let Some(mut record) = self.sealing.with_value(|s| s.record.clone()) else {
            return;
        };
        if record.shown != shown {
            record.shown = shown;
            let _ = self.write_record(record);
        }
    }

    /// Downloads an encrypted export, which the same passphrase opens on
    /// any device.
    pub async fn export_sealed(self) -> Result<String, ExportError> {
        let (Some(record), Some(key)) = self
            .sealing
            .with_value(|s| (s.record.clone(), s.key.clone()))
        else {
            return Err(ExportError::Encode);
        };
        let now = platform::now_ms();
        let text = self
            .data
            .with_untracked(|d| backup::export_text(d, now))
            .map_err(|_| ExportError::Encode)?;
        let sealed = crypto::seal(&key, CURRENT_SCHEMA, &text)
            .await
            .map_err(|_| ExportError::Encode)?;
        let file = SealedExport::new(&record, sealed).to_text();
        let name = backup::locked_export_file_name(now);
        files::download(&name, "application/json", &file).map_err(ExportError::File)?;
        self.data.update(|d| d.last_exported_at = Some(now));
        Ok(name)
    }

    /// Deletes everything Tend keeps, the lock with it, and starts afresh
    /// without a lock.
    pub(super) fn delete_all_locked(&self) -> Result<(), BackendError> {
        let namespace = self.namespace();
        self.forget_unlocked(false);
        let result = browser::local_storage()
            .and_then(|mut storage| delete_namespace(&mut storage, &namespace));
        self.reopen_plain();
        self.data.set(TendData::default());
        result.map(|_| ())
    }

    /// Leaves the lock behind: the data is read in the open again (or, in
    /// a course, kept in memory).
    fn reopen_plain(&self) {
        let namespace = self.namespace();
        let in_course = self.setup.with_value(|s| s.in_course);
        self.forget_unlocked(false);
        let (vault, data) = if in_course {
            (
                browser::BrowserVault::in_memory(namespace, MemoryReason::Course),
                TendData::default(),
            )
        } else {
            browser::open(namespace, platform::now_ms())
        };
        self.vault.set_value(vault);
        self.lock.set(LockView::Off);
        self.data.set(data);
        self.refresh();
    }

    /// The lock record changed in another tab: it turned the lock on, off,
    /// or changed the passphrase or idle time.
    pub(super) fn lock_record_changed(&self) {
        let text = record_text(&self.namespace());
        match (self.lock.get_untracked(), text) {
            (LockView::Off, None) => {}
            (LockView::Off, Some(_)) => {
                // Everything this tab had is already stored (saves are
                // immediate without the lock); the other tab sealed it.
                self.sealing.update_value(|s| s.generation += 1);
                self.show_locked(self.namespace());
            }
            (_, None) => self.reopen_plain(),
            (_, Some(text)) => {
                if let Ok(record) = LockRecord::parse(&text) {
                    self.sealing.update_value(|s| s.record = Some(record));
                }
            }
        }
    }

    /// The unlock screen, with nothing of the person's data in memory:
    /// the vault holds nothing and saves nowhere, the data is blank.
    fn show_locked(&self, namespace: Namespace) {
        self.vault.set_value(browser::BrowserVault::in_memory(
            namespace,
            MemoryReason::Locked,
        ));
        self.lock.set(LockView::Locked);
        self.data.set(TendData::default());
        self.refresh();
    }
}
