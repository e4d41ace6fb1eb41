//! Keeping the person's data in a key-value store (the browser's
//! localStorage, or memory in tests), with every failure treated as a
//! normal case:
//!
//! - no store at all, or one that throws: the app runs on memory only;
//! - a full store: the write fails, what was stored before stays, and the
//!   app runs on memory only until the person tries again;
//! - unreadable or checksum-failing data: set aside under its own key,
//!   never deleted, and offered for export;
//! - data from a newer version of Tend: never written over;
//! - another tab's write: re-read before every write and merged, so no tab
//!   overwrites another's newer data.
//!
//! Pure: the store is a [`Backend`] passed in, and time is an argument.

use super::data::TendData;
use super::envelope::{self, Stamp};
use super::keys::Namespace;
use super::merge::merge;
use super::migrate::CURRENT_SCHEMA;
use super::split::{self, Changes, Read, ReadError, Stored};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

/// What one site may keep in the browser's localStorage, in UTF-16 code
/// units of keys and values: Chromium and Firefox keep 5 Mi of them.
/// Tend's stored data cannot grow past it; other apps on the same site
/// share it, so Tend can run out sooner (a full store is handled where a
/// save fails).
pub const STORAGE_QUOTA_UNITS: u64 = 5 * 1024 * 1024;

/// [`STORAGE_QUOTA_UNITS`] in the bytes [`Vault::used_bytes`] counts, two
/// a unit: what the early warning measures against.
pub const STORAGE_CEILING_BYTES: u64 = 2 * STORAGE_QUOTA_UNITS;

/// How full Tend's keys may get, in percent of [`STORAGE_CEILING_BYTES`],
/// before the person is told and asked to export a copy.
pub const NEARLY_FULL_PERCENT: u32 = 80;

/// How full Tend's storage is: whole percent of [`STORAGE_CEILING_BYTES`],
/// rounded down, at most 100.
pub fn fullness_percent(used_bytes: u64) -> u32 {
    let percent = (used_bytes.saturating_mul(100) / STORAGE_CEILING_BYTES).min(100);
    u32::try_from(percent).unwrap_or(100)
}

/// Whether Tend's keys have reached [`NEARLY_FULL_PERCENT`] of what the
/// browser keeps, so the person should be told.
pub fn nearly_full(used_bytes: u64) -> bool {
    fullness_percent(used_bytes) >= NEARLY_FULL_PERCENT
}

/// Why a key-value store refused an operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackendError {
    /// The store is missing or access is denied (blocked cookies, a
    /// sandboxed frame, some private modes).
    Unavailable(String),
    /// The store is full.
    QuotaExceeded,
    /// Any other failure, with the browser's description.
    Failed(String),
}

/// A string key-value store, such as the browser's localStorage.
pub trait Backend {
    /// The value under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, BackendError>;
    /// Stores `value` under `key`. On failure the old value must remain.
    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError>;
    /// Removes `key` (no error if it is absent).
    fn remove(&mut self, key: &str) -> Result<(), BackendError>;
    /// Every key in the store, Tend's or not.
    fn keys(&self) -> Result<Vec<String>, BackendError>;
}

/// Why the data lives only in memory for now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MemoryReason {
    /// The browser will not let Tend save at all.
    Unavailable,
    /// Storage is full; what was saved before is still there.
    Full,
    /// Tend runs inside an LMS course, whose site storage every other
    /// course on it shares, so nothing is written there.
    Course,
    /// The deployment keeps data in the page only (`"storage": "memory"`).
    Configured,
    /// The deployment's settings could not be read, so where its data
    /// belongs (its namespace) is unknown: nothing is read or written,
    /// rather than risk another deployment's place on the same site.
    SettingsUnread,
    /// The passphrase lock is on and Tend is locked: nothing of the
    /// person's data is read or held until it is unlocked.
    Locked,
    /// The stored data is from a newer version of Tend and is left alone.
    NewerVersion {
        /// The schema version found.
        found: u32,
    },
}

/// Where changes go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Changes are saved in the store.
    Saving,
    /// Changes last only while this tab is open.
    MemoryOnly(MemoryReason),
}

/// Data set aside because it could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovered {
    /// The key it is kept under.
    pub key: String,
    /// When it was set aside (ms since the epoch), read from the key.
    pub set_aside_at: Option<i64>,
}

/// What a save did.
#[allow(
    clippy::large_enum_variant,
    reason = "made once per save or storage event and moved straight into the UI's state; boxing would only add an allocation"
)]
#[derive(Clone, Debug, PartialEq)]
pub enum Saved {
    /// The store already held exactly this data; nothing was written.
    Unchanged,
    /// The data was written.
    Written,
    /// Another tab had written newer data; the two were merged and the
    /// result written. The caller should show the merged data.
    Merged(TendData),
    /// Nothing was written because the data lives in memory only (see
    /// [`Vault::mode`]).
    MemoryOnly,
}

/// Why a save did not reach the store. After any of these the vault is in
/// memory-only mode and has written nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The store is full.
    Full,
    /// The store holds data from a newer version of Tend.
    NewerVersion {
        /// The schema version found.
        found: u32,
    },
    /// The store refused or failed.
    Unavailable,
    /// The data could not be written as JSON.
    Encode,
}

/// What a re-read after another tab's change found.
#[allow(
    clippy::large_enum_variant,
    reason = "made once per save or storage event and moved straight into the UI's state; boxing would only add an allocation"
)]
#[derive(Clone, Debug, PartialEq)]
pub enum Reloaded {
    /// Nothing this tab needs to take in.
    Unchanged,
    /// Another tab wrote; this is the current data merged with it.
    Changed(TendData),
    /// Another tab deleted everything; this tab should start afresh.
    Cleared,
    /// Another tab, running a newer Tend, wrote data this one cannot read;
    /// this tab now keeps changes in memory only.
    NewerVersion,
}

/// The person's data in a store, with this tab's view of it.
pub struct Vault<B> {
    backend: Option<B>,
    namespace: Namespace,
    mode: Mode,
    /// The envelope this tab last read or wrote; anything else in the store
    /// was written by someone else.
    last_seen: Option<Stamp>,
    /// The exact head this tab last read or wrote (see `store::split`). While
    /// the store still holds that text, nobody else has written and this
    /// tab's data already holds what the store does: a save need not read
    /// the store back (a large store takes far longer to read than a head
    /// to compare).
    last_head: Option<String>,
    /// What the store holds, in the current layout, as this tab last read
    /// or wrote it: a save writes only the chunks that differ from it.
    stored: Option<Stored>,
    /// Unreadable data that could not be moved aside is still at the data
    /// key; it is offered for export and never written over.
    stuck: bool,
}

impl<B: Backend> Vault<B> {
    /// Opens the store and reads the person's data. Never fails: any
    /// problem is reflected in [`Vault::mode`] and [`Vault::recovered`],
    /// and the data returned is what the app should start with.
    pub fn open(
        backend: Result<B, BackendError>,
        namespace: Namespace,
        now: i64,
    ) -> (Self, TendData) {
        let mut vault = Vault::in_memory(namespace, MemoryReason::Unavailable);
        let Ok(backend) = backend else {
            return (vault, TendData::default());
        };
        let stored = backend.get(&vault.namespace.data_key());
        vault.backend = Some(backend);
        let text = match stored {
            Ok(Some(text)) => text,
            Ok(None) => {
                vault.mode = Mode::Saving;
                return (vault, TendData::default());
            }
            Err(e) => {
                vault.mode = Mode::MemoryOnly(reason_for(&e));
                return (vault, TendData::default());
            }
        };
        let Some(backend) = vault.backend.as_ref() else {
            return (vault, TendData::default());
        };
        match split::read(backend, &vault.namespace, &text) {
            Ok(read) => {
                vault.mode = Mode::Saving;
                vault.seen(&text, &read);
                (vault, read.opened.data)
            }
            Err(ReadError::Newer { found }) => {
                vault.mode = Mode::MemoryOnly(MemoryReason::NewerVersion { found });
                (vault, TendData::default())
            }
            Err(ReadError::Store(e)) => {
                vault.mode = Mode::MemoryOnly(reason_for(&e));
                (vault, TendData::default())
            }
            Err(ReadError::Damaged { parts, .. }) => {
                vault.mode = match vault.set_aside(&text, &parts, now) {
                    Ok(()) => Mode::Saving,
                    Err(e) => {
                        vault.stuck = true;
                        Mode::MemoryOnly(reason_for(&e))
                    }
                };
                (vault, TendData::default())
            }
        }
    }

    /// A vault that never touches a store: changes last as long as the
    /// page, for the reason given.
    pub fn in_memory(namespace: Namespace, reason: MemoryReason) -> Self {
        Vault {
            backend: None,
            namespace,
            mode: Mode::MemoryOnly(reason),
            last_seen: None,
            last_head: None,
            stored: None,
            stuck: false,
        }
    }

    /// Where changes go now.
    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// The namespace this vault writes in.
    pub fn namespace(&self) -> &Namespace {
        &self.namespace
    }

    /// Whether there is a store at all (false when the browser blocks it).
    pub fn has_store(&self) -> bool {
        self.backend.is_some()
    }

    /// Notes what the store held when this tab read `text` there.
    fn seen(&mut self, text: &str, read: &Read) {
        self.last_seen = Some(read.opened.stamp.clone());
        match &read.refs {
            Some(refs) if read.opened.schema == CURRENT_SCHEMA => {
                self.last_head = Some(text.to_string());
                let stored = self.stored.get_or_insert_with(Stored::default);
                let changes = stored.changes(&read.opened.data);
                stored.follow(&read.opened.data, refs.clone(), changes);
            }
            // One envelope, as earlier versions wrote: the next save
            // writes every chunk.
            _ => {
                self.last_head = None;
                self.stored = None;
            }
        }
    }

    /// Saves `data` at `now`. Re-reads the store first: if another tab
    /// wrote since this one last looked, the two are merged (the newer side
    /// wins) and the merged data written. Data from a newer Tend, and data
    /// that could not be set aside, are never written over. Only the
    /// chunks that changed are written (see `store::split`).
    pub fn save(&mut self, data: &TendData, now: i64) -> Result<Saved, SaveError> {
        if !matches!(self.mode, Mode::Saving) || self.stuck {
            return Ok(Saved::MemoryOnly);
        }
        let Some(backend) = self.backend.as_ref() else {
            return Ok(Saved::MemoryOnly);
        };
        let key = self.namespace.data_key();
        let stored = match backend.get(&key) {
            Ok(stored) => stored,
            Err(e) => return Err(self.fall_back(&e)),
        };
        let mut merged: Option<TendData> = None;
        let mut written_at = now;
        if let Some(seen) = &self.last_seen {
            written_at = written_at.max(seen.written_at.saturating_add(1));
        }
        let mut base = None;
        match stored {
            None if data.is_blank() => return Ok(Saved::Unchanged),
            None => {}
            Some(text) if self.last_head.as_deref() == Some(text.as_str()) => {
                return self.save_over_seen(data, written_at);
            }
            Some(text) => match split::read(backend, &self.namespace, &text) {
                Ok(read) => {
                    if self.last_seen.as_ref() != Some(&read.opened.stamp) {
                        merged = Some(merge(data, &read.opened.data)).filter(|m| m != data);
                    }
                    written_at = written_at.max(read.opened.stamp.written_at.saturating_add(1));
                    self.seen(&text, &read);
                    if self.last_head.is_some()
                        && read.opened.data == *merged.as_ref().unwrap_or(data)
                    {
                        return Ok(merged.map_or(Saved::Unchanged, Saved::Merged));
                    }
                    base = self.stored.take().map(|stored| {
                        let changes = stored.changes(merged.as_ref().unwrap_or(data));
                        (stored, changes)
                    });
                }
                Err(ReadError::Newer { found }) => {
                    self.mode = Mode::MemoryOnly(MemoryReason::NewerVersion { found });
                    return Err(SaveError::NewerVersion { found });
                }
                Err(ReadError::Store(e)) => return Err(self.fall_back(&e)),
                Err(ReadError::Damaged { parts, .. }) => {
                    if let Err(e) = self.set_aside(&text, &parts, now) {
                        self.stuck = true;
                        return Err(self.fall_back(&e));
                    }
                    if data.is_blank() {
                        return Ok(Saved::Unchanged);
                    }
                }
            },
        }
        self.write(merged.as_ref().unwrap_or(data), written_at, base)?;
        Ok(merged.map_or(Saved::Written, Saved::Merged))
    }

    /// Saves `data` over the head this tab last read or wrote, which the
    /// store still holds: nothing to merge, and nothing to write if the
    /// data is what it holds.
    fn save_over_seen(&mut self, data: &TendData, written_at: i64) -> Result<Saved, SaveError> {
        let base = self.stored.take().map(|stored| {
            let changes = stored.changes(data);
            (stored, changes)
        });
        if let Some((stored, changes)) = base {
            if !changes.any() {
                self.stored = Some(stored);
                return Ok(Saved::Unchanged);
            }
            let written_at = self.last_seen.as_ref().map_or(written_at, |seen| {
                written_at.max(seen.written_at.saturating_add(1))
            });
            self.write(data, written_at, Some((stored, changes)))?;
        } else {
            self.write(data, written_at, None)?;
        }
        Ok(Saved::Written)
    }

    /// Writes `data`: the chunks the store lacks, then the head, then
    /// removes the chunks no head names any more. `base` is what the store
    /// held, if known, so unchanged chunks are not written out again.
    fn write(
        &mut self,
        data: &TendData,
        written_at: i64,
        base: Option<(Stored, Changes)>,
    ) -> Result<(), SaveError> {
        let Some(backend) = self.backend.as_mut() else {
            return Ok(());
        };
        let present: BTreeSet<String> = match backend.keys() {
            Ok(keys) => keys
                .into_iter()
                .filter(|k| self.namespace.is_part(k))
                .collect(),
            Err(e) => return Err(self.fall_back(&e)),
        };
        let changes = base.as_ref().map_or(Changes::ALL, |(_, c)| *c);
        let write = split::encode(
            &self.namespace,
            data,
            written_at,
            base.as_ref().map(|(b, c)| (b, *c)),
            &present,
        )
        .map_err(|_| SaveError::Encode)?;
        for (i, (key, text)) in write.parts.iter().enumerate() {
            match backend.set(key, text) {
                Ok(()) => {}
                // No room for the chunks beside what the store holds now
                // (one envelope from an earlier version near the quota):
                // the chunks written so far go, and everything is written
                // as one envelope in its place, as before schema 5.
                Err(BackendError::QuotaExceeded) => {
                    for (written, _) in &write.parts[..i] {
                        let _ = backend.remove(written);
                    }
                    return self.write_whole(data, written_at, base, &present);
                }
                Err(e) => return Err(self.fall_back(&e)),
            }
        }
        if let Err(e) = backend.set(&self.namespace.data_key(), &write.head) {
            return Err(self.fall_back(&e));
        }
        // Only now that the head names its chunks: the ones it does not
        // name are left from earlier writes (or from one that stopped
        // halfway). A chunk that will not go is removed by a later save.
        let named = write.keys(&self.namespace);
        for key in present.iter().filter(|k| !named.contains(*k)) {
            let _ = backend.remove(key);
        }
        let mut stored = base.map(|(s, _)| s).unwrap_or_default();
        stored.follow(data, write.refs, changes);
        self.stored = Some(stored);
        self.last_seen = Some(write.stamp);
        self.last_head = Some(write.head);
        Ok(())
    }

    /// Writes `data` as one envelope at the data key (a layout every
    /// version since schema 1 reads), then removes the chunks no longer
    /// needed: for a store with no room for chunks beside the envelope
    /// they replace.
    fn write_whole(
        &mut self,
        data: &TendData,
        written_at: i64,
        base: Option<(Stored, Changes)>,
        present: &BTreeSet<String>,
    ) -> Result<(), SaveError> {
        let (text, stamp) = envelope::encode(data, written_at).map_err(|_| SaveError::Encode)?;
        let Some(backend) = self.backend.as_mut() else {
            return Ok(());
        };
        if let Err(e) = backend.set(&self.namespace.data_key(), &text) {
            return Err(self.fall_back(&e));
        }
        for key in present {
            let _ = backend.remove(key);
        }
        let (mut stored, changes) = base.unwrap_or((Stored::default(), Changes::ALL));
        stored.follow(data, split::Refs::new(), changes);
        self.stored = Some(stored);
        self.last_seen = Some(stamp);
        self.last_head = Some(text);
        Ok(())
    }

    /// Re-reads the store after another tab changed it, merging what it
    /// wrote into `current`. The caller shows the result and saves again,
    /// which writes nothing if the store already holds it.
    pub fn reload(&mut self, current: &TendData) -> Reloaded {
        let Some(backend) = self.backend.as_ref() else {
            return Reloaded::Unchanged;
        };
        let Ok(stored) = backend.get(&self.namespace.data_key()) else {
            return Reloaded::Unchanged;
        };
        let newer_mode = matches!(
            self.mode,
            Mode::MemoryOnly(MemoryReason::NewerVersion { .. })
        );
        match stored {
            None => {
                if newer_mode {
                    self.mode = Mode::Saving;
                }
                self.last_head = None;
                self.stored = None;
                if self.last_seen.take().is_some() || self.stuck {
                    self.stuck = false;
                    Reloaded::Cleared
                } else {
                    Reloaded::Unchanged
                }
            }
            Some(text) => {
                if self.last_head.as_deref() == Some(text.as_str())
                    || (self.last_seen.is_some() && split::stamp_of(&text) == self.last_seen)
                {
                    return Reloaded::Unchanged;
                }
                match split::read(backend, &self.namespace, &text) {
                    Ok(read) => {
                        let merged = merge(current, &read.opened.data);
                        self.seen(&text, &read);
                        if merged == *current {
                            Reloaded::Unchanged
                        } else {
                            Reloaded::Changed(merged)
                        }
                    }
                    Err(ReadError::Newer { found }) => {
                        self.mode = Mode::MemoryOnly(MemoryReason::NewerVersion { found });
                        Reloaded::NewerVersion
                    }
                    // Damaged data is set aside by the next save; a chunk
                    // another tab is writing right now is read next time.
                    Err(_) => Reloaded::Unchanged,
                }
            }
        }
    }

    /// Leaves memory-only mode after the store was full or failed, so the
    /// next save tries again. Data from a newer version stays untouched.
    pub fn retry(&mut self) {
        if self.backend.is_some()
            && !self.stuck
            && matches!(
                self.mode,
                Mode::MemoryOnly(MemoryReason::Full | MemoryReason::Unavailable)
            )
        {
            self.mode = Mode::Saving;
        }
    }

    /// Removes every key in this vault's namespace — the data, set-aside
    /// copies, anything Tend wrote — and nothing else. Returns how many
    /// keys were removed; keeps going past a key that will not go, then
    /// reports the first failure.
    pub fn delete_all(&mut self) -> Result<usize, BackendError> {
        self.last_seen = None;
        self.last_head = None;
        self.stored = None;
        self.stuck = false;
        let Some(backend) = self.backend.as_mut() else {
            return Ok(0);
        };
        let removed = delete_namespace(backend, &self.namespace)?;
        self.mode = Mode::Saving;
        Ok(removed)
    }

    /// Data set aside because it could not be read, oldest first; includes
    /// unreadable data that could not be moved from the data key.
    pub fn recovered(&self) -> Vec<Recovered> {
        let Some(backend) = self.backend.as_ref() else {
            return Vec::new();
        };
        let prefix = self.namespace.recovered_prefix();
        let mut list: Vec<Recovered> = backend
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter(|k| self.namespace.is_recovered(k))
            .map(|key| {
                let set_aside_at = key
                    .strip_prefix(&prefix)
                    .and_then(|rest| rest.split('-').next())
                    .and_then(|ms| ms.parse().ok());
                Recovered { key, set_aside_at }
            })
            .collect();
        list.sort_by(|a, b| (a.set_aside_at, &a.key).cmp(&(b.set_aside_at, &b.key)));
        if self.stuck {
            list.push(Recovered {
                key: self.namespace.data_key(),
                set_aside_at: None,
            });
        }
        list
    }

    /// The text kept under a key listed by [`Vault::recovered`].
    pub fn recovered_text(&self, key: &str) -> Option<String> {
        let listed =
            self.namespace.is_recovered(key) || (self.stuck && key == self.namespace.data_key());
        if !listed {
            return None;
        }
        let backend = self.backend.as_ref()?;
        let text = backend.get(key).ok().flatten()?;
        if key != self.namespace.data_key() {
            return Some(text);
        }
        // Unreadable data stuck at the data key: with the chunks it names.
        let parts = split::named_parts(&self.namespace, &text);
        split::copy_with_parts(backend, &self.namespace, &text, &parts).ok()
    }

    /// Roughly how many bytes Tend's keys take (browsers count two bytes
    /// per UTF-16 unit of keys and values).
    pub fn used_bytes(&self) -> u64 {
        self.backend
            .as_ref()
            .map_or(0, |backend| used_bytes_in(backend, &self.namespace))
    }

    /// Records that writing to the store failed outside a save (the
    /// locked store writes sealed text after the vault's save): the vault
    /// turns to memory only for the reason, as a failed save would.
    pub fn store_failed(&mut self, error: &BackendError) -> SaveError {
        self.fall_back(error)
    }

    /// Copies unreadable `text` (with the chunks `parts` it names, see
    /// `store::split::copy_with_parts`) to a fresh recovered key, then
    /// removes it from the data key and the chunks from theirs. If the copy
    /// fails, nothing is removed.
    fn set_aside(&mut self, text: &str, parts: &[String], now: i64) -> Result<(), BackendError> {
        let Some(backend) = self.backend.as_mut() else {
            return Err(BackendError::Unavailable("no store".into()));
        };
        let copy = split::copy_with_parts(backend, &self.namespace, text, parts)?;
        let mut attempt = 0;
        let key = loop {
            let key = self.namespace.recovered_key(now, attempt);
            if backend.get(&key)?.is_none() {
                break key;
            }
            attempt += 1;
        };
        backend.set(&key, &copy)?;
        // Only once the copy is certainly there.
        if backend.get(&key)?.as_deref() == Some(copy.as_str()) {
            backend.remove(&self.namespace.data_key())?;
            for part in parts {
                backend.remove(part)?;
            }
        }
        self.last_seen = None;
        self.last_head = None;
        self.stored = None;
        Ok(())
    }

    fn fall_back(&mut self, error: &BackendError) -> SaveError {
        let reason = reason_for(error);
        let out = match reason {
            MemoryReason::Full => SaveError::Full,
            _ => SaveError::Unavailable,
        };
        self.mode = Mode::MemoryOnly(reason);
        out
    }
}

/// Removes every key of `namespace` from `backend` and nothing else.
/// Returns how many keys were removed; keeps going past a key that will
/// not go, then reports the first failure.
pub fn delete_namespace<B: Backend>(
    backend: &mut B,
    namespace: &Namespace,
) -> Result<usize, BackendError> {
    let keys = backend.keys()?;
    let mut removed = 0;
    let mut first_error = None;
    for key in keys.iter().filter(|k| namespace.owns(k)) {
        match backend.remove(key) {
            Ok(()) => removed += 1,
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    match first_error {
        Some(e) => Err(e),
        None => Ok(removed),
    }
}

/// Roughly how many bytes the keys of `namespace` take in `backend`
/// (browsers count two bytes per UTF-16 unit of keys and values).
pub fn used_bytes_in<B: Backend>(backend: &B, namespace: &Namespace) -> u64 {
    let units = |s: &str| s.encode_utf16().count() as u64;
    backend
        .keys()
        .unwrap_or_default()
        .iter()
        .filter(|k| namespace.owns(k))
        .map(|k| units(k) + backend.get(k).ok().flatten().map_or(0, |v| units(&v)))
        .sum::<u64>()
        * 2
}

fn reason_for(error: &BackendError) -> MemoryReason {
    match error {
        BackendError::QuotaExceeded => MemoryReason::Full,
        BackendError::Unavailable(_) | BackendError::Failed(_) => MemoryReason::Unavailable,
    }
}

/// A store in memory: for tests, and shareable between two vaults (two
/// "tabs") by cloning. A capacity in bytes makes writes past it fail as a
/// full browser store would.
#[derive(Clone, Debug, Default)]
pub struct MemoryBackend {
    entries: Rc<RefCell<BTreeMap<String, String>>>,
    capacity: Option<usize>,
}

impl MemoryBackend {
    /// An empty store with no size limit.
    pub fn new() -> Self {
        MemoryBackend::default()
    }

    /// An empty store that refuses writes beyond `bytes` of keys and values.
    pub fn with_capacity(bytes: usize) -> Self {
        MemoryBackend {
            entries: Rc::default(),
            capacity: Some(bytes),
        }
    }

    /// Another handle on the same entries, with its own capacity.
    pub fn sharing(&self, capacity: Option<usize>) -> Self {
        MemoryBackend {
            entries: Rc::clone(&self.entries),
            capacity,
        }
    }

    /// A copy of every entry, for assertions.
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.entries.borrow().clone()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        let mut entries = self.entries.borrow_mut();
        if let Some(capacity) = self.capacity {
            let used: usize = entries
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if used + key.len() + value.len() > capacity {
                return Err(BackendError::QuotaExceeded);
            }
        }
        entries.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        Ok(self.entries.borrow().keys().cloned().collect())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::store::data::{TextSize, Theme};

    fn ns() -> Namespace {
        Namespace::default()
    }

    fn with_theme(theme: Theme, at: i64) -> TendData {
        let mut d = TendData::default();
        d.settings.theme = theme;
        d.settings.updated_at = at;
        d
    }

    fn open(store: &MemoryBackend) -> (Vault<MemoryBackend>, TendData) {
        Vault::open(Ok(store.sharing(store.capacity)), ns(), 1_000)
    }

    #[test]
    fn a_fresh_store_starts_blank_and_writes_nothing_until_there_is_something() {
        let store = MemoryBackend::new();
        let (mut vault, data) = open(&store);
        assert_eq!(data, TendData::default());
        assert_eq!(vault.mode(), &Mode::Saving);
        assert_eq!(vault.save(&data, 2_000), Ok(Saved::Unchanged));
        assert!(store.snapshot().is_empty());
        let dark = with_theme(Theme::Dark, 2_000);
        assert_eq!(vault.save(&dark, 2_000), Ok(Saved::Written));
        assert_eq!(vault.save(&dark, 3_000), Ok(Saved::Unchanged));
        let (_, reopened) = open(&store);
        assert_eq!(reopened, dark);
    }

    #[test]
    fn no_store_means_memory_only_and_nothing_fails() {
        let (mut vault, data) = Vault::<MemoryBackend>::open(
            Err(BackendError::Unavailable("SecurityError".into())),
            ns(),
            0,
        );
        assert_eq!(data, TendData::default());
        assert_eq!(vault.mode(), &Mode::MemoryOnly(MemoryReason::Unavailable));
        assert_eq!(
            vault.save(&with_theme(Theme::Dark, 1), 1),
            Ok(Saved::MemoryOnly)
        );
        assert_eq!(vault.delete_all(), Ok(0));
        assert_eq!(vault.used_bytes(), 0);
        assert!(vault.recovered().is_empty());
        assert!(!vault.has_store());
        vault.retry();
        assert_eq!(vault.mode(), &Mode::MemoryOnly(MemoryReason::Unavailable));
    }

    #[test]
    fn a_full_store_keeps_what_it_had_and_falls_back_to_memory() {
        let store = MemoryBackend::with_capacity(400);
        let (mut vault, _) = open(&store);
        let first = with_theme(Theme::Dark, 10);
        assert_eq!(vault.save(&first, 10), Ok(Saved::Written));
        let before = store.snapshot();
        let mut big = with_theme(Theme::Light, 20);
        big.settings.region = Some("x".repeat(400));
        assert_eq!(vault.save(&big, 20), Err(SaveError::Full));
        assert_eq!(vault.mode(), &Mode::MemoryOnly(MemoryReason::Full));
        assert_eq!(store.snapshot(), before, "nothing stored before is lost");
        assert_eq!(vault.save(&big, 30), Ok(Saved::MemoryOnly));
        // Once space is freed, trying again saves.
        let mut roomy = vault;
        roomy.backend = Some(store.sharing(None));
        roomy.retry();
        assert_eq!(roomy.mode(), &Mode::Saving);
        assert_eq!(roomy.save(&big, 40), Ok(Saved::Written));
    }

    #[test]
    fn unreadable_data_is_set_aside_not_deleted() {
        for garbage in [
            "{not json".to_string(),
            r#"{"format":"tend","schema":1,"written_at":1,"checksum":"fnv1a64:0000000000000000","data":{}}"#
                .to_string(),
            "[]".to_string(),
        ] {
            let mut store = MemoryBackend::new();
            store.set("tend:data", &garbage).expect("set");
            store.set("unrelated", "keep me").expect("set");
            let (mut vault, data) = open(&store);
            assert_eq!(data, TendData::default());
            assert_eq!(vault.mode(), &Mode::Saving);
            let recovered = vault.recovered();
            assert_eq!(recovered.len(), 1, "{garbage}");
            assert_eq!(recovered[0].key, "tend:recovered:1000");
            assert_eq!(recovered[0].set_aside_at, Some(1_000));
            assert_eq!(vault.recovered_text(&recovered[0].key), Some(garbage.clone()));
            assert_eq!(store.get("tend:data"), Ok(None));
            // New data is saved beside it; the set-aside copy stays.
            assert_eq!(vault.save(&with_theme(Theme::Dark, 5), 5), Ok(Saved::Written));
            assert_eq!(store.get("tend:recovered:1000"), Ok(Some(garbage.clone())));
            assert_eq!(store.get("unrelated"), Ok(Some("keep me".into())));
        }
    }

    #[test]
    fn two_set_asides_in_one_millisecond_get_their_own_keys() {
        let mut store = MemoryBackend::new();
        store.set("tend:recovered:1000", "old").expect("set");
        store.set("tend:data", "bad").expect("set");
        let (vault, _) = open(&store);
        let keys: Vec<_> = vault.recovered().into_iter().map(|r| r.key).collect();
        assert_eq!(keys, ["tend:recovered:1000", "tend:recovered:1000-1"]);
        assert_eq!(store.get("tend:recovered:1000"), Ok(Some("old".into())));
        assert_eq!(store.get("tend:recovered:1000-1"), Ok(Some("bad".into())));
    }

    #[test]
    fn unreadable_data_that_cannot_be_moved_stays_put_and_is_never_overwritten() {
        let mut store = MemoryBackend::new();
        store.set("tend:data", "garbage!").expect("set");
        let tight = store.sharing(Some(10));
        let (mut vault, _) = Vault::open(Ok(tight), ns(), 1_000);
        assert_eq!(vault.mode(), &Mode::MemoryOnly(MemoryReason::Full));
        assert_eq!(store.get("tend:data"), Ok(Some("garbage!".into())));
        assert_eq!(vault.recovered()[0].key, "tend:data");
        assert_eq!(vault.recovered_text("tend:data"), Some("garbage!".into()));
        vault.retry();
        assert_eq!(
            vault.save(&with_theme(Theme::Dark, 1), 1),
            Ok(Saved::MemoryOnly)
        );
        assert_eq!(store.get("tend:data"), Ok(Some("garbage!".into())));
    }

    #[test]
    fn damage_found_at_save_time_is_set_aside_before_writing() {
        let store = MemoryBackend::new();
        let (mut vault, _) = open(&store);
        assert_eq!(
            vault.save(&with_theme(Theme::Dark, 1), 1),
            Ok(Saved::Written)
        );
        store
            .sharing(None)
            .set("tend:data", "scribbled")
            .expect("set");
        assert_eq!(
            vault.save(&with_theme(Theme::Light, 2), 2_000),
            Ok(Saved::Written)
        );
        assert_eq!(
            store.get("tend:recovered:2000"),
            Ok(Some("scribbled".into()))
        );
    }

    #[test]
    fn newer_version_data_is_never_overwritten() {
        let newer =
            r#"{"format":"tend","schema":99,"written_at":1,"checksum":"x","data":{"future":true}}"#;
        let mut store = MemoryBackend::new();
        store.set("tend:data", newer).expect("set");
        let (mut vault, data) = open(&store);
        assert_eq!(data, TendData::default());
        assert_eq!(
            vault.mode(),
            &Mode::MemoryOnly(MemoryReason::NewerVersion { found: 99 })
        );
        assert_eq!(
            vault.save(&with_theme(Theme::Dark, 5), 5),
            Ok(Saved::MemoryOnly)
        );
        vault.retry();
        assert_eq!(
            vault.save(&with_theme(Theme::Dark, 6), 6),
            Ok(Saved::MemoryOnly)
        );
        assert!(vault.recovered().is_empty(), "newer data is not damage");
        assert_eq!(store.snapshot().len(), 1);
        assert_eq!(store.get("tend:data"), Ok(Some(newer.into())));
    }

    #[test]
    fn a_newer_tab_writing_stops_this_one_from_writing() {
        let store = MemoryBackend::new();
        let (mut vault, _) = open(&store);
        assert_eq!(
            vault.save(&with_theme(Theme::Dark, 1), 1),
            Ok(Saved::Written)
        );
        let found = CURRENT_SCHEMA + 1;
        let newer = format!(r#"{{"format":"tend","schema":{found},"written_at":9}}"#);
        store.sharing(None).set("tend:data", &newer).expect("set");
        assert_eq!(
            vault.save(&with_theme(Theme::Light, 2), 2),
            Err(SaveError::NewerVersion { found })
        );
        assert_eq!(store.get("tend:data"), Ok(Some(newer)));
        assert_eq!(vault.reload(&TendData::default()), Reloaded::NewerVersion);
    }

    #[test]
    fn a_stale_tab_never_clobbers_a_newer_write() {
        let store = MemoryBackend::new();
        let (mut a, _) = open(&store);
        let (mut b, _) = open(&store);
        let newer = with_theme(Theme::Dark, 20);
        assert_eq!(a.save(&newer, 20), Ok(Saved::Written));
        // B has not heard of A's write and saves older settings.
        let stale = with_theme(Theme::Light, 10);
        assert_eq!(b.save(&stale, 21), Ok(Saved::Merged(newer.clone())));
        let (_, stored) = open(&store);
        assert_eq!(stored, newer);
    }

    /// A tab saving over its own last write does not read it back, yet a
    /// write from another tab in between is still merged, and saving the
    /// same data again writes nothing.
    #[test]
    fn saving_over_its_own_write_still_sees_another_tab_s() {
        let store = MemoryBackend::new();
        let (mut a, _) = open(&store);
        let (mut b, _) = open(&store);
        let mut mine = with_theme(Theme::Dark, 10);
        assert_eq!(a.save(&mine, 10), Ok(Saved::Written));
        mine.checkins.push(checkin("c1", 11));
        assert_eq!(a.save(&mine, 11), Ok(Saved::Written), "over its own write");
        assert_eq!(open(&store).1, mine);
        let before = store.get("tend:data").ok().flatten();
        assert_eq!(a.save(&mine, 12), Ok(Saved::Unchanged));
        assert_eq!(
            store.get("tend:data").ok().flatten(),
            before,
            "nothing written"
        );

        let mut theirs = TendData::default();
        theirs.checkins.push(checkin("c2", 13));
        assert!(matches!(b.save(&theirs, 13), Ok(Saved::Merged(_))));
        let Ok(Saved::Merged(merged)) = a.save(&mine, 14) else {
            panic!("A did not take in B's write");
        };
        assert_eq!(merged.checkins.len(), 2);
        assert_eq!(open(&store).1, merged);
    }

    #[test]
    fn a_tab_that_is_newer_wins_over_what_it_finds() {
        let store = MemoryBackend::new();
        let (mut a, _) = open(&store);
        let (mut b, _) = open(&store);
        assert_eq!(a.save(&with_theme(Theme::Dark, 10), 10), Ok(Saved::Written));
        let mut b_data = with_theme(Theme::Light, 20);
        b_data.last_exported_at = Some(3);
        assert_eq!(b.save(&b_data, 20), Ok(Saved::Written));
        assert_eq!(open(&store).1, b_data);
    }

    #[test]
    fn changes_from_another_tab_are_taken_in() {
        let store = MemoryBackend::new();
        let (mut a, a_data) = open(&store);
        let (mut b, b_data) = open(&store);
        let a_data = TendData {
            settings: with_theme(Theme::Dark, 10).settings,
            ..a_data
        };
        assert_eq!(a.save(&a_data, 10), Ok(Saved::Written));
        // B hears the storage event.
        let Reloaded::Changed(b_seen) = b.reload(&b_data) else {
            panic!("B should take A's write");
        };
        assert_eq!(b_seen, a_data);
        assert_eq!(b.reload(&b_seen), Reloaded::Unchanged);
        // B changes something on top and saves; A hears of it.
        let mut b_next = b_seen.clone();
        b_next.settings.text_size = TextSize::Large;
        b_next.settings.updated_at = 20;
        assert_eq!(b.save(&b_next, 20), Ok(Saved::Written));
        assert_eq!(a.reload(&a_data), Reloaded::Changed(b_next.clone()));
        assert_eq!(b_next.settings.theme, Theme::Dark, "A's change survived");
        // A saving what it now holds writes nothing new.
        assert_eq!(a.save(&b_next, 30), Ok(Saved::Unchanged));
    }

    /// What a tab does on a storage event: take in the other tab's write,
    /// then save what it now holds, as the app does.
    fn hear(vault: &mut Vault<MemoryBackend>, current: &TendData, now: i64) -> TendData {
        let data = match vault.reload(current) {
            Reloaded::Changed(d) => d,
            _ => current.clone(),
        };
        match vault.save(&data, now) {
            Ok(Saved::Merged(d)) => d,
            _ => data,
        }
    }

    fn checkin(id: &str, at: i64) -> crate::store::data::CheckIn {
        crate::store::data::CheckIn {
            id: id.into(),
            instrument_id: "tend".into(),
            instrument_version: "1".into(),
            completed_at: at,
            answers: Default::default(),
        }
    }

    #[test]
    fn a_delete_and_its_undo_hold_with_two_tabs_open() {
        let store = MemoryBackend::new();
        let (mut a, mut a_data) = open(&store);
        let (mut b, b_data) = open(&store);
        a_data.add_checkin(checkin("c1", 1));
        a_data.add_checkin(checkin("c2", 2));
        assert_eq!(a.save(&a_data, 3), Ok(Saved::Written));
        let b_data = hear(&mut b, &b_data, 4);
        assert_eq!(b_data.checkins.len(), 2);

        // A deletes c1; B hears of it and saves what it holds.
        let deleted = a_data.delete_entry("c1", 10).expect("c1");
        assert_eq!(a.save(&a_data, 10), Ok(Saved::Written));
        let b_data = hear(&mut b, &b_data, 11);
        assert!(b_data.checkin("c1").is_none());

        // A undoes; B, which still held the tombstone, takes the undo.
        assert!(a_data.undo_delete(deleted, 12));
        assert_eq!(a.save(&a_data, 12), Ok(Saved::Written));
        let b_data = hear(&mut b, &b_data, 13);
        assert!(b_data.checkin("c1").is_some(), "B shows the undone entry");
        let a_data = hear(&mut a, &a_data, 14);
        assert!(a_data.checkin("c1").is_some(), "A keeps its undo");
        assert_eq!(open(&store).1.checkins.len(), 2);
    }

    #[test]
    fn a_finished_or_discarded_draft_does_not_come_back_from_another_tab() {
        let store = MemoryBackend::new();
        let (mut a, mut a_data) = open(&store);
        let (mut b, b_data) = open(&store);
        a_data.start_draft("tend", "1", 1);
        a_data.answer_draft("q", crate::domain::answer::Answer::Value(2), 0, 2);
        assert_eq!(a.save(&a_data, 2), Ok(Saved::Written));
        let b_data = hear(&mut b, &b_data, 3);
        assert!(b_data.draft.is_some());

        // A completes it; B, still holding the draft, drops it.
        a_data.complete_draft("c1", 5).expect("a draft");
        assert_eq!(a.save(&a_data, 5), Ok(Saved::Written));
        let mut b_data = hear(&mut b, &b_data, 6);
        assert_eq!(b_data.draft, None);
        assert!(b_data.checkin("c1").is_some());

        // B starts another and A discards it; it stays discarded.
        b_data.start_draft("tend", "1", 7);
        assert_eq!(b.save(&b_data, 7), Ok(Saved::Written));
        let mut a_data = hear(&mut a, &a_data, 8);
        assert!(a_data.draft.is_some());
        a_data.discard_draft(9).expect("a draft");
        assert_eq!(a.save(&a_data, 9), Ok(Saved::Written));
        let b_data = hear(&mut b, &b_data, 10);
        assert_eq!(b_data.draft, None);
        assert_eq!(open(&store).1.draft, None);
    }

    #[test]
    fn written_at_only_moves_forward_even_if_the_clock_does_not() {
        let store = MemoryBackend::new();
        let (mut a, _) = open(&store);
        assert_eq!(a.save(&with_theme(Theme::Dark, 1), 500), Ok(Saved::Written));
        assert_eq!(
            a.save(&with_theme(Theme::Light, 2), 100),
            Ok(Saved::Written)
        );
        let text = store.get("tend:data").ok().flatten().unwrap_or_default();
        let stamp = split::stamp_of(&text).expect("a head");
        assert_eq!(stamp.written_at, 501);
    }

    #[test]
    fn delete_all_removes_every_tend_key_and_nothing_else() {
        let mut store = MemoryBackend::new();
        store.set("tend:recovered:1", "x").expect("set");
        store.set("tend:future-thing", "y").expect("set");
        store.set("tendency", "not ours").expect("set");
        store.set("other:data", "not ours").expect("set");
        let (mut a, _) = open(&store);
        let (mut b, _) = open(&store);
        assert_eq!(a.save(&with_theme(Theme::Dark, 1), 1), Ok(Saved::Written));
        assert_eq!(
            b.reload(&TendData::default()),
            Reloaded::Changed(with_theme(Theme::Dark, 1))
        );
        assert!(a.used_bytes() > 0);
        assert_eq!(a.delete_all(), Ok(3));
        let left: Vec<_> = store.snapshot().into_keys().collect();
        assert_eq!(left, ["other:data", "tendency"]);
        assert_eq!(a.used_bytes(), 0);
        // The other tab starts afresh, and a blank save writes nothing back.
        assert_eq!(b.reload(&with_theme(Theme::Dark, 1)), Reloaded::Cleared);
        assert_eq!(b.save(&TendData::default(), 2), Ok(Saved::Unchanged));
        assert_eq!(a.save(&TendData::default(), 2), Ok(Saved::Unchanged));
        assert_eq!(store.snapshot().len(), 2);
    }

    #[test]
    fn delete_all_clears_newer_version_data_when_the_person_asks() {
        let mut store = MemoryBackend::new();
        store
            .set("tend:data", r#"{"format":"tend","schema":7}"#)
            .expect("set");
        let (mut vault, _) = open(&store);
        assert!(matches!(
            vault.mode(),
            Mode::MemoryOnly(MemoryReason::NewerVersion { .. })
        ));
        assert_eq!(vault.delete_all(), Ok(1));
        assert_eq!(vault.mode(), &Mode::Saving);
    }

    #[test]
    fn storage_is_nearly_full_from_four_fifths_of_the_ceiling() {
        let at = |percent: u64| STORAGE_CEILING_BYTES * percent / 100;
        assert_eq!(fullness_percent(0), 0);
        assert_eq!(fullness_percent(at(50)), 50);
        assert_eq!(fullness_percent(at(80) - 1), 79);
        assert!(!nearly_full(at(80) - 1));
        assert!(nearly_full(at(80)));
        assert_eq!(fullness_percent(STORAGE_CEILING_BYTES * 3), 100);
        assert_eq!(fullness_percent(u64::MAX), 100, "no overflow");
    }

    #[test]
    fn used_bytes_counts_utf16_units_of_tend_keys_only() {
        let mut store = MemoryBackend::new();
        store.set("tend:x", "ab").expect("set");
        store.set("other", "abcdef").expect("set");
        let (vault, _) = open(&store);
        assert_eq!(vault.used_bytes(), 2 * ("tend:x".len() as u64 + 2));
    }
}
