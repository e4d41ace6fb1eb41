//! How the person's data is laid out in the store (since schema 5), so
//! that one save writes only what changed.
//!
//! Four lists grow for as long as Tend is used: the check-ins, the pulses,
//! the journal and the practice log (ten years of them are 2.4 M of the
//! 2.42 M characters stored). Each is kept in chunks of a fixed number of
//! records, every chunk under its own key, named by the hash of its text:
//!
//! ```text
//! tend:data               {"format":"tend","schema":5,"written_at":…,"checksum":…,
//!                          "data":{…everything else…},
//!                          "parts":{"journal":["9f…","03…"],…}}
//! tend:part:9f0c…         [{…16 journal entries…}]
//! ```
//!
//! The data key holds the head: an envelope with everything but those
//! lists, and, under `parts`, each list's chunk hashes in order. Its
//! checksum covers the head's data and the hashes, and each hash covers
//! its chunk, so the head vouches for the whole. A save writes the chunks
//! that changed (a record appended or edited changes one chunk), then the
//! head, then removes the chunks nothing names any more. A chunk is never
//! written over (its key is its content), so an interruption at any point
//! leaves the head before or the head after it readable.
//!
//! Export files stay one envelope with all the data in it, as before.
//! Pure: the store is a [`Backend`] passed in.

use super::checksum::{checksum_of_canonical, fnv1a64};
use super::data::TendData;
use super::envelope::{self, records_from_text, DecodeError, EncodeError, Opened, Stamp, FORMAT};
use super::keys::Namespace;
use super::migrate::{migrate, CURRENT_SCHEMA};
use super::vault::{Backend, BackendError};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The first schema written in this layout: a head of an earlier one is
/// not something Tend wrote.
pub const FIRST_SCHEMA: u32 = 5;

/// One of the long lists kept in chunks under their own keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// `checkins`.
    CheckIns,
    /// `journal`.
    Journal,
    /// `practice_log`.
    PracticeLog,
    /// `pulses`.
    Pulses,
}

impl Part {
    /// Every part.
    pub const ALL: [Part; 4] = [
        Part::CheckIns,
        Part::Journal,
        Part::PracticeLog,
        Part::Pulses,
    ];

    /// The data's field the part holds, as named in the head.
    pub fn name(self) -> &'static str {
        match self {
            Part::CheckIns => "checkins",
            Part::Journal => "journal",
            Part::PracticeLog => "practice_log",
            Part::Pulses => "pulses",
        }
    }

    fn from_name(name: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.name() == name)
    }

    /// How many records one chunk holds: about 20–30 kB of typical records
    /// (a check-in is about 0.9 kB, a journal entry 1.5 kB, a practice
    /// log 0.1 kB, a pulse 0.16 kB), so that writing one costs well
    /// under a frame.
    pub fn chunk_len(self) -> usize {
        match self {
            Part::CheckIns => 32,
            Part::Journal => 16,
            Part::PracticeLog => 256,
            Part::Pulses => 128,
        }
    }
}

/// Runs `$then!(field)` with the data's field that `$part` holds: the one
/// place a part is matched to its field.
macro_rules! per_part {
    ($part:expr, $then:ident) => {
        match $part {
            Part::CheckIns => $then!(checkins),
            Part::Journal => $then!(journal),
            Part::PracticeLog => $then!(practice_log),
            Part::Pulses => $then!(pulses),
        }
    };
}

/// Each part's chunk hashes, in order, as a head names them. A part with
/// no records has no entry.
pub type Refs = BTreeMap<Part, Vec<String>>;

/// The head as written, its fields in this order.
#[derive(Serialize, Deserialize)]
struct Head<D> {
    format: String,
    schema: u32,
    written_at: i64,
    checksum: String,
    data: D,
    parts: BTreeMap<String, Vec<String>>,
}

/// What a head's checksum is taken over: its data and its chunk hashes,
/// as canonical JSON (the keys in sorted order).
#[derive(Serialize)]
struct Body<'a> {
    data: &'a RawValue,
    parts: &'a BTreeMap<String, Vec<String>>,
}

/// The store's data as read, and how it was laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct Read {
    /// The data, in canonical form, migrated to the current schema.
    pub opened: Opened,
    /// The chunks of each part, when the store was written in this
    /// layout; `None` for one envelope holding everything (what earlier
    /// versions wrote). A part whose chunks are not of [`Part::chunk_len`]
    /// records is left out, so it is written afresh.
    pub refs: Option<Refs>,
}

/// Why the store's data could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// A newer Tend wrote it: it must be left exactly as it is.
    Newer {
        /// The version found.
        found: u32,
    },
    /// It is damaged: the head, or one of the chunks it names, is not
    /// what was written, or a chunk is missing. `parts` are the keys of
    /// the chunks the head names that are in the store, to be set aside
    /// with it.
    Damaged {
        /// What is wrong, for tests and messages.
        cause: Damage,
        /// The chunk keys the head names that the store holds.
        parts: Vec<String>,
    },
    /// The store failed while a chunk was read.
    Store(BackendError),
}

/// What is wrong with damaged data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Damage {
    /// The head (or the one envelope) could not be read.
    Decode(DecodeError),
    /// A chunk the head names is not in the store.
    MissingPart(String),
}

/// Reads the data whose head (or whole envelope) is `text`, reading the
/// chunks it names from `backend`.
pub fn read<B: Backend>(backend: &B, namespace: &Namespace, text: &str) -> Result<Read, ReadError> {
    let head = match serde_json::from_str::<Head<&RawValue>>(text) {
        Ok(head) if head.format == FORMAT => head,
        // Not a head: one envelope with everything, as earlier versions
        // wrote (and export files are), or damage.
        _ => {
            return match envelope::decode(text) {
                Ok(opened) => Ok(Read { opened, refs: None }),
                Err(DecodeError::Newer { found, .. }) => Err(ReadError::Newer { found }),
                // Which chunks it named cannot be known: every chunk in
                // the store goes with it, so none is lost as unnamed.
                Err(e) => Err(damaged(Damage::Decode(e), all_parts(backend, namespace))),
            };
        }
    };
    if head.schema > CURRENT_SCHEMA {
        return Err(ReadError::Newer { found: head.schema });
    }
    let named = part_keys(namespace, &head.parts);
    let present = |keys: &[String]| -> Vec<String> {
        keys.iter()
            .filter(|k| matches!(backend.get(k), Ok(Some(_))))
            .cloned()
            .collect()
    };
    let fail = |e: DecodeError| damaged(Damage::Decode(e), present(&named));
    // Heads were first written in schema 5; an earlier schema with parts
    // is not something Tend wrote.
    if !(FIRST_SCHEMA..=CURRENT_SCHEMA).contains(&head.schema) {
        return Err(fail(DecodeError::NotAnEnvelope));
    }
    if body_checksum(head.data, &head.parts) != Some(head.checksum.clone()) {
        return Err(fail(DecodeError::ChecksumMismatch));
    }
    // A head an earlier schema wrote is put together with its chunks as
    // JSON and migrated whole, as one envelope of that schema would be:
    // a step may change the records in the chunks as well as the head.
    let mut earlier = if head.schema < CURRENT_SCHEMA {
        let value = serde_json::from_str::<Value>(head.data.get())
            .map_err(|e| fail(DecodeError::WrongShape(e.to_string())))?;
        Some(value)
    } else {
        None
    };
    let mut data = match earlier {
        Some(_) => TendData::default(),
        None => envelope::data_from_text(head.data.get()).map_err(&fail)?,
    };
    let mut refs = Refs::new();
    for (name, hashes) in &head.parts {
        let Some(part) = Part::from_name(name) else {
            return Err(fail(DecodeError::WrongShape(format!(
                "unknown part `{name}`"
            ))));
        };
        macro_rules! held_in_head {
            ($f:ident) => {
                !data.$f.is_empty()
            };
        }
        let in_head = match &earlier {
            Some(value) => value
                .get(name)
                .is_some_and(|list| list.as_array().is_none_or(|l| !l.is_empty())),
            None => per_part!(part, held_in_head),
        };
        if in_head {
            return Err(fail(DecodeError::WrongShape(format!(
                "`{name}` is both in the head and in chunks"
            ))));
        }
        let mut lengths = Vec::with_capacity(hashes.len());
        for hash in hashes {
            if !is_hash(hash) {
                return Err(fail(DecodeError::WrongShape(format!(
                    "`{name}` names a chunk that is not a hash"
                ))));
            }
            let key = namespace.part_key(hash);
            let chunk = match backend.get(&key) {
                Ok(Some(chunk)) => chunk,
                Ok(None) => {
                    return Err(damaged(Damage::MissingPart(key), present(&named)));
                }
                Err(e) => return Err(ReadError::Store(e)),
            };
            if hash_of(&chunk) != *hash {
                return Err(fail(DecodeError::ChecksumMismatch));
            }
            let appended = match earlier.as_mut() {
                Some(value) => append_chunk_as_json(value, part, &chunk),
                None => append_chunk(&mut data, part, &chunk),
            };
            lengths.push(appended.map_err(&fail)?);
        }
        let n = part.chunk_len();
        let aligned = lengths
            .split_last()
            .is_some_and(|(last, rest)| rest.iter().all(|l| *l == n) && (1..=n).contains(last));
        if aligned {
            refs.insert(part, hashes.clone());
        }
    }
    if let Some(value) = earlier {
        let current = migrate(value, head.schema).map_err(|e| fail(DecodeError::Migration(e)))?;
        data = envelope::data_from_value(current).map_err(&fail)?;
        // Its chunks are written afresh in this schema by the next save
        // (those whose text is unchanged are found in the store as they
        // are, and not written again).
        refs.clear();
    }
    let stamp = Stamp {
        written_at: head.written_at,
        checksum: head.checksum,
    };
    // Normalising only keeps, drops and orders whole records by their
    // ids, so a part whose ids are the same before and after holds the
    // same records in the same chunks. Any other part is rewritten (its
    // chunks are only reused when they hold what the data holds there).
    let before = Part::ALL.map(|part| part_ids(&data, part));
    data.normalise();
    for (part, ids) in Part::ALL.into_iter().zip(before) {
        if part_ids(&data, part) != ids {
            refs.remove(&part);
        }
    }
    Ok(Read {
        opened: Opened {
            data,
            schema: head.schema,
            stamp,
        },
        refs: Some(refs),
    })
}

/// The stamp of the head (or whole envelope) `text`, read without reading
/// any chunk or the data: enough to tell whether another tab wrote.
pub fn stamp_of(text: &str) -> Option<Stamp> {
    #[derive(Deserialize)]
    struct Peek {
        format: String,
        written_at: i64,
        checksum: String,
    }
    let peek: Peek = serde_json::from_str(text).ok()?;
    (peek.format == FORMAT).then_some(Stamp {
        written_at: peek.written_at,
        checksum: peek.checksum,
    })
}

/// The chunk keys a head names, for setting it aside with its chunks;
/// none if `text` is not a readable head.
pub fn named_parts(namespace: &Namespace, text: &str) -> Vec<String> {
    serde_json::from_str::<Head<&RawValue>>(text)
        .map(|head| part_keys(namespace, &head.parts))
        .unwrap_or_default()
}

/// What is set aside when the store's data cannot be read: the head's
/// text as it is when it names no chunk (or cannot be read at all), or
/// else one JSON object holding the head and each chunk the store has,
/// each under its key, so that nothing of it is lost.
pub fn copy_with_parts<B: Backend>(
    backend: &B,
    namespace: &Namespace,
    text: &str,
    parts: &[String],
) -> Result<String, BackendError> {
    if parts.is_empty() {
        return Ok(text.to_string());
    }
    let mut copy = BTreeMap::new();
    copy.insert(namespace.data_key(), text.to_string());
    for key in parts {
        if let Some(chunk) = backend.get(key)? {
            copy.insert(key.clone(), chunk);
        }
    }
    serde_json::to_string(&copy).map_err(|e| BackendError::Failed(e.to_string()))
}

/// What a save writes: the chunks the store lacks, then the head.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Write {
    /// Chunks to store first: key and text. None is in the store yet.
    pub parts: Vec<(String, String)>,
    /// The head, for the data key, written last.
    pub head: String,
    /// The head's stamp.
    pub stamp: Stamp,
    /// Each part's chunks, as the head names them.
    pub refs: Refs,
}

impl Write {
    /// Every chunk key the head names.
    pub fn keys(&self, namespace: &Namespace) -> BTreeSet<String> {
        self.refs
            .values()
            .flatten()
            .map(|hash| namespace.part_key(hash))
            .collect()
    }
}

/// What the store holds, as this tab last read or wrote it: the data and
/// the chunks of each part. A chunk whose records are unchanged is not
/// written again.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stored {
    /// The data the store holds.
    pub data: TendData,
    /// The chunks of each part that hold it.
    pub refs: Refs,
}

/// Which parts of some data differ from what the store holds: found once
/// a save, since comparing ten years of data is most of what a save costs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Changes {
    /// Each part, in the order of [`Part::ALL`].
    parts: [bool; 4],
    /// Anything the head holds.
    head: bool,
}

impl Changes {
    /// Everything differs (nothing is known of what the store holds).
    pub const ALL: Changes = Changes {
        parts: [true; 4],
        head: true,
    };

    /// Whether anything differs.
    pub fn any(&self) -> bool {
        self.head || self.parts.contains(&true)
    }

    /// Whether `part` differs.
    pub fn part(&self, part: Part) -> bool {
        Part::ALL
            .iter()
            .position(|p| *p == part)
            .is_none_or(|i| self.parts[i])
    }
}

impl Stored {
    /// What differs between this copy and `data`.
    pub fn changes(&self, data: &TendData) -> Changes {
        macro_rules! differs {
            ($f:ident) => {
                self.data.$f != data.$f
            };
        }
        Changes {
            parts: Part::ALL.map(|part| per_part!(part, differs)),
            head: head_of(&self.data) != head_of(data),
        }
    }

    /// Brings this copy up to `data`, which differs from it as `changes`
    /// says, cloning only the fields that differ.
    pub fn follow(&mut self, data: &TendData, refs: Refs, changes: Changes) {
        self.refs = refs;
        if changes.head {
            // The head's fields from `data`, the parts kept.
            let mut next = head_of(data);
            for part in Part::ALL {
                macro_rules! keep {
                    ($f:ident) => {
                        next.$f = std::mem::take(&mut self.data.$f)
                    };
                }
                per_part!(part, keep);
            }
            self.data = next;
        }
        for part in Part::ALL.into_iter().filter(|p| changes.part(*p)) {
            macro_rules! follow {
                ($f:ident) => {
                    self.data.$f.clone_from(&data.$f)
                };
            }
            per_part!(part, follow);
        }
    }
}

/// The writes that store `data` at `written_at`, given what the store
/// holds (`stored`, if known) and which chunk keys it has (`present`): a
/// chunk is written only if the store lacks its key, and a chunk of
/// `stored` whose records are unchanged is reused without writing it out.
pub fn encode(
    namespace: &Namespace,
    data: &TendData,
    written_at: i64,
    stored: Option<(&Stored, Changes)>,
    present: &BTreeSet<String>,
) -> Result<Write, EncodeError> {
    let mut parts = Vec::new();
    let mut refs = Refs::new();
    for part in Part::ALL {
        // A part that did not change keeps its chunks, if they are all
        // still there, without a look at its records.
        let kept = stored.and_then(|(s, changes)| {
            let hashes = s.refs.get(&part)?;
            let there = hashes
                .iter()
                .all(|h| present.contains(&namespace.part_key(h)));
            (!changes.part(part) && there).then(|| hashes.clone())
        });
        if let Some(hashes) = kept {
            refs.insert(part, hashes);
            continue;
        }
        let before = stored.map(|(s, _)| (&s.data, s.refs.get(&part)));
        macro_rules! chunk_field {
            ($f:ident) => {
                chunk(
                    part,
                    &data.$f,
                    before.map(|(d, r)| (&d.$f[..], r)),
                    namespace,
                    present,
                    &mut parts,
                )
            };
        }
        let hashes = per_part!(part, chunk_field)?;
        if !hashes.is_empty() {
            refs.insert(part, hashes);
        }
    }
    let names: BTreeMap<String, Vec<String>> = refs
        .iter()
        .map(|(part, hashes)| (part.name().to_string(), hashes.clone()))
        .collect();
    let raw =
        serde_json::value::to_raw_value(&head_of(data)).map_err(|e| EncodeError(e.to_string()))?;
    let checksum = body_checksum(&raw, &names).ok_or_else(|| EncodeError("the head".into()))?;
    let head = Head {
        format: FORMAT.to_string(),
        schema: CURRENT_SCHEMA,
        written_at,
        checksum,
        data: &raw,
        parts: names,
    };
    let text = serde_json::to_string(&head).map_err(|e| EncodeError(e.to_string()))?;
    Ok(Write {
        parts,
        head: text,
        stamp: Stamp {
            written_at,
            checksum: head.checksum,
        },
        refs,
    })
}

/// The chunk hashes of one part's `items`, adding to `writes` the chunks
/// the store lacks. `before` is the part as the store holds it, with its
/// chunk hashes when they are of [`Part::chunk_len`] records.
fn chunk<T: Serialize + PartialEq>(
    part: Part,
    items: &[T],
    before: Option<(&[T], Option<&Vec<String>>)>,
    namespace: &Namespace,
    present: &BTreeSet<String>,
    writes: &mut Vec<(String, String)>,
) -> Result<Vec<String>, EncodeError> {
    let n = part.chunk_len();
    let mut hashes = Vec::with_capacity(items.len().div_ceil(n));
    for (i, records) in items.chunks(n).enumerate() {
        let reused = before.and_then(|(old, hashes)| {
            let hash = hashes?.get(i)?;
            let unchanged = old.chunks(n).nth(i) == Some(records);
            (unchanged && present.contains(&namespace.part_key(hash))).then(|| hash.clone())
        });
        if let Some(hash) = reused {
            hashes.push(hash);
            continue;
        }
        let text = serde_json::to_string(records).map_err(|e| EncodeError(e.to_string()))?;
        let hash = hash_of(&text);
        let key = namespace.part_key(&hash);
        if !present.contains(&key) && !writes.iter().any(|(k, _)| *k == key) {
            writes.push((key, text));
        }
        hashes.push(hash);
    }
    Ok(hashes)
}

/// `data` without the parts: what the head holds.
fn head_of(data: &TendData) -> TendData {
    let TendData {
        checkins: _,
        deleted,
        done,
        draft,
        instruments,
        journal: _,
        last_exported_at,
        plan,
        practice_log: _,
        pulses: _,
        restored,
        self_checks,
        settings,
        team_codes,
        time_off,
        why_cards,
    } = data;
    TendData {
        deleted: deleted.clone(),
        done: done.clone(),
        draft: draft.clone(),
        instruments: instruments.clone(),
        last_exported_at: *last_exported_at,
        plan: plan.clone(),
        restored: restored.clone(),
        self_checks: self_checks.clone(),
        settings: settings.clone(),
        team_codes: team_codes.clone(),
        time_off: time_off.clone(),
        why_cards: why_cards.clone(),
        ..TendData::default()
    }
}

/// The ids of a part's records, in order.
fn part_ids(data: &TendData, part: Part) -> Vec<String> {
    macro_rules! ids {
        ($f:ident) => {
            data.$f.iter().map(|r| r.id.clone()).collect()
        };
    }
    per_part!(part, ids)
}

/// Reads a chunk of `part`, as JSON, onto the end of its list in `data`
/// (the data of a head an earlier schema wrote); returns how many records
/// it held.
fn append_chunk_as_json(data: &mut Value, part: Part, text: &str) -> Result<usize, DecodeError> {
    let shape = |what: &str| DecodeError::WrongShape(format!("{}: {what}", part.name()));
    let Value::Array(records) =
        serde_json::from_str::<Value>(text).map_err(|e| shape(&e.to_string()))?
    else {
        return Err(shape("a chunk is not a list of records"));
    };
    let n = records.len();
    let list = data
        .as_object_mut()
        .ok_or_else(|| shape("the data is not an object"))?
        .entry(part.name())
        .or_insert_with(|| Value::Array(Vec::new()));
    match list {
        Value::Array(list) => list.extend(records),
        _ => return Err(shape("not a list")),
    }
    Ok(n)
}

/// Reads a chunk of `part` onto the end of its list; returns how many
/// records it held.
fn append_chunk(data: &mut TendData, part: Part, text: &str) -> Result<usize, DecodeError> {
    macro_rules! extend {
        ($f:ident) => {{
            let records = records_from_text(part.name(), text)?;
            let n = records.len();
            data.$f.extend(records);
            Ok(n)
        }};
    }
    per_part!(part, extend)
}

fn body_checksum(data: &RawValue, parts: &BTreeMap<String, Vec<String>>) -> Option<String> {
    let body = serde_json::to_string(&Body { data, parts }).ok()?;
    Some(checksum_of_canonical(&body))
}

/// The name of a chunk: sixteen lowercase hex digits of its text's
/// FNV-1a hash.
fn hash_of(text: &str) -> String {
    format!("{:016x}", fnv1a64(text.as_bytes()))
}

fn is_hash(text: &str) -> bool {
    text.len() == 16 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn part_keys(namespace: &Namespace, parts: &BTreeMap<String, Vec<String>>) -> Vec<String> {
    let mut keys: Vec<String> = parts
        .values()
        .flatten()
        .filter(|hash| is_hash(hash))
        .map(|hash| namespace.part_key(hash))
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

fn all_parts<B: Backend>(backend: &B, namespace: &Namespace) -> Vec<String> {
    let mut keys: Vec<String> = backend
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter(|k| namespace.is_part(k))
        .collect();
    keys.sort();
    keys
}

fn damaged(cause: Damage, parts: Vec<String>) -> ReadError {
    ReadError::Damaged { cause, parts }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::store::data::{JournalEntry, Theme};
    use crate::store::migrate::MigrationError;
    use crate::store::sample::ten_years;
    use crate::store::vault::{MemoryBackend, Mode, Saved, Vault};
    use std::cell::Cell;
    use std::rc::Rc;

    const NOW: i64 = 1_800_000_000_000;

    /// A store that counts writes and, when told, refuses every write
    /// after the first `allow` (a tab closed or crashed halfway).
    #[derive(Clone)]
    struct Counting {
        inner: MemoryBackend,
        sets: Rc<Cell<usize>>,
        allow: Rc<Cell<Option<usize>>>,
        written: Rc<std::cell::RefCell<Vec<String>>>,
    }

    impl Counting {
        fn new(inner: MemoryBackend) -> Self {
            Counting {
                inner,
                sets: Rc::default(),
                allow: Rc::default(),
                written: Rc::default(),
            }
        }
        fn writes(&self) -> Vec<String> {
            self.written.borrow_mut().drain(..).collect()
        }
    }

    impl Backend for Counting {
        fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
            self.inner.get(key)
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
            if let Some(allow) = self.allow.get() {
                if self.sets.get() >= allow {
                    return Err(BackendError::Failed("the tab was closed".into()));
                }
            }
            self.sets.set(self.sets.get() + 1);
            self.written.borrow_mut().push(key.to_string());
            self.inner.set(key, value)
        }
        fn remove(&mut self, key: &str) -> Result<(), BackendError> {
            if self
                .allow
                .get()
                .is_some_and(|allow| self.sets.get() >= allow)
            {
                return Err(BackendError::Failed("the tab was closed".into()));
            }
            self.inner.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, BackendError> {
            self.inner.keys()
        }
    }

    fn ns() -> Namespace {
        Namespace::default()
    }

    fn open(store: &MemoryBackend) -> (Vault<MemoryBackend>, TendData) {
        Vault::open(Ok(store.clone()), ns(), NOW)
    }

    fn entry(id: &str, at: i64, text: &str) -> JournalEntry {
        JournalEntry {
            created_at: at,
            id: id.into(),
            prompt: None,
            text: text.into(),
            updated_at: at,
        }
    }

    fn parts_in(store: &MemoryBackend) -> usize {
        store.snapshot().keys().filter(|k| ns().is_part(k)).count()
    }

    #[test]
    fn ten_years_are_kept_in_chunks_and_read_back_unchanged() {
        let data = ten_years(NOW);
        let store = MemoryBackend::new();
        let (mut vault, _) = open(&store);
        assert_eq!(vault.save(&data, NOW), Ok(Saved::Written));
        let snapshot = store.snapshot();
        let head = &snapshot["tend:data"];
        // The head holds everything but the four lists, and is small.
        assert!(head.len() < 40_000, "head of {} bytes", head.len());
        assert!(!head.contains(&data.journal[0].text));
        let expected_chunks: usize = [
            (data.checkins.len(), Part::CheckIns),
            (data.journal.len(), Part::Journal),
            (data.practice_log.len(), Part::PracticeLog),
            (data.pulses.len(), Part::Pulses),
        ]
        .iter()
        .map(|(n, p)| n.div_ceil(p.chunk_len()))
        .sum();
        assert_eq!(parts_in(&store), expected_chunks);
        assert_eq!(open(&store).1, data);
    }

    #[test]
    fn a_save_writes_only_the_head_and_the_chunks_that_changed() {
        let mut data = ten_years(NOW);
        let store = Counting::new(MemoryBackend::new());
        let (mut vault, _) = Vault::open(Ok(store.clone()), ns(), NOW);
        vault.save(&data, NOW).expect("saves");
        store.writes();

        // A setting: the head alone.
        data.settings.theme = if data.settings.theme == Theme::Dark {
            Theme::Light
        } else {
            Theme::Dark
        };
        assert_eq!(vault.save(&data, NOW + 1), Ok(Saved::Written));
        assert_eq!(store.writes(), vec!["tend:data".to_string()]);

        // A journal entry added: its chunk and the head.
        data.journal.push(entry("j-new", NOW + 2, "a new entry"));
        assert_eq!(vault.save(&data, NOW + 2), Ok(Saved::Written));
        let written = store.writes();
        assert_eq!(written.len(), 2, "{written:?}");
        assert!(ns().is_part(&written[0]) && written[1] == "tend:data");

        // An entry in the middle edited: one chunk and the head; the
        // chunk it replaces is gone.
        let before = parts_in(&store.inner);
        data.journal[500].text = "edited".into();
        assert_eq!(vault.save(&data, NOW + 3), Ok(Saved::Written));
        assert_eq!(store.writes().len(), 2);
        assert_eq!(parts_in(&store.inner), before);

        // Nothing changed: nothing written.
        assert_eq!(vault.save(&data, NOW + 4), Ok(Saved::Unchanged));
        assert!(store.writes().is_empty());
        assert_eq!(Vault::open(Ok(store.inner.clone()), ns(), NOW).1, data);
    }

    #[test]
    fn a_save_stopped_after_any_write_leaves_the_old_or_the_new_data() {
        let old = ten_years(NOW);
        let mut new = old.clone();
        new.journal[3].text = "changed".into();
        new.journal.push(entry("j-late", NOW + 5, "late"));
        new.checkins.pop();
        new.settings.theme = Theme::Light;
        for allow in 0..8 {
            let inner = MemoryBackend::new();
            let (mut first, _) = open(&inner);
            first.save(&old, NOW).expect("saves");
            let store = Counting::new(inner.clone());
            let (mut vault, _) = Vault::open(Ok(store.clone()), ns(), NOW);
            store.allow.set(Some(allow));
            let _ = vault.save(&new, NOW + 10);
            let (reopened, data) = open(&inner);
            assert_eq!(reopened.recovered(), Vec::new(), "after {allow} writes");
            assert!(data == old || data == new, "after {allow} writes: neither");
            // The next saves put things right; the first that writes
            // leaves no chunk behind that the head does not name.
            let (mut next, data) = open(&inner);
            next.save(&new, NOW + 20).expect("saves");
            let mut newer = new.clone();
            newer.settings.text_size = crate::store::TextSize::Large;
            next.save(&newer, NOW + 21).expect("saves");
            let snapshot = inner.snapshot();
            let named = named_parts(&ns(), &snapshot["tend:data"]);
            let stored: Vec<&String> = snapshot.keys().filter(|k| ns().is_part(k)).collect();
            assert_eq!(stored.len(), named.len(), "after {allow} writes");
            assert!(data == old || data == new);
            assert_eq!(open(&inner).1, newer);
        }
    }

    #[test]
    fn a_missing_or_damaged_chunk_sets_the_whole_store_aside_never_deleting_it() {
        for damage in ["missing", "changed"] {
            let data = ten_years(NOW);
            let store = MemoryBackend::new();
            open(&store).0.save(&data, NOW).expect("saves");
            let before = store.snapshot();
            let victim = named_parts(&ns(), &before["tend:data"])[2].clone();
            let mut writer = store.clone();
            if damage == "missing" {
                writer.remove(&victim).expect("removes");
            } else {
                writer.set(&victim, "[]").expect("sets");
            }
            let (vault, opened) = open(&store);
            assert_eq!(opened, TendData::default(), "{damage}");
            assert_eq!(vault.mode(), &Mode::Saving);
            let recovered = vault.recovered();
            assert_eq!(recovered.len(), 1, "{damage}");
            let copy: BTreeMap<String, String> =
                serde_json::from_str(&vault.recovered_text(&recovered[0].key).expect("a copy"))
                    .expect("the copy is JSON");
            assert_eq!(copy["tend:data"], before["tend:data"]);
            for (key, text) in &before {
                if *key != victim && key != "tend:data" {
                    assert_eq!(copy.get(key), Some(text), "{damage}: {key} kept");
                }
            }
            assert_eq!(parts_in(&store), 0, "{damage}: moved, not left behind");
        }
    }

    #[test]
    fn a_head_from_a_newer_tend_is_left_alone_with_its_chunks() {
        let store = MemoryBackend::new();
        open(&store).0.save(&ten_years(NOW), NOW).expect("saves");
        let mut writer = store.clone();
        let head = store.snapshot()["tend:data"].replace(
            &format!("\"schema\":{CURRENT_SCHEMA}"),
            &format!("\"schema\":{}", CURRENT_SCHEMA + 1),
        );
        writer.set("tend:data", &head).expect("sets");
        let before = store.snapshot();
        let (mut vault, data) = open(&store);
        assert_eq!(data, TendData::default());
        let found = CURRENT_SCHEMA + 1;
        assert!(
            matches!(vault.mode(), Mode::MemoryOnly(crate::store::MemoryReason::NewerVersion { found: f }) if *f == found)
        );
        let _ = vault.save(&ten_years(NOW), NOW + 1);
        assert_eq!(store.snapshot(), before);
    }

    #[test]
    fn one_envelope_from_an_earlier_version_is_read_then_written_in_chunks() {
        let data = ten_years(NOW);
        let (old_text, _) = envelope::encode(&data, NOW).expect("encodes");
        let v4 = old_text.replacen(&format!("\"schema\":{CURRENT_SCHEMA}"), "\"schema\":4", 1);
        let store = MemoryBackend::new();
        store.clone().set("tend:data", &v4).expect("sets");
        let (mut vault, opened) = open(&store);
        assert_eq!(opened, data);
        assert_eq!(vault.save(&opened, NOW + 1), Ok(Saved::Written));
        assert!(parts_in(&store) > 0);
        assert_eq!(open(&store).1, data);
    }

    /// `data` with a self-check and a team code, as a leader keeps them.
    fn with_a_leaders_records(mut data: TendData) -> TendData {
        use crate::domain::team::{self, Bands, Field, Month, TeamCode};
        let month = Month::at(NOW, 0).expect("a month");
        let code = team::encode(&TeamCode::new(Bands::default(), Field::Other, month, 9));
        data.keep_team_code(&code, NOW).expect("a code");
        data.save_self_check(crate::store::data::SelfCheck {
            answers: Default::default(),
            completed_at: NOW,
            id: "sc-1".into(),
            instrument_id: "tend-org".into(),
            instrument_version: "1".into(),
            shared: true,
            team: None,
        });
        data
    }

    #[test]
    fn a_leaders_records_are_kept_in_the_head() {
        let data = with_a_leaders_records(ten_years(NOW));
        let store = MemoryBackend::new();
        open(&store).0.save(&data, NOW).expect("saves");
        let head = &store.snapshot()["tend:data"];
        assert!(head.contains("\"self_checks\":[{") && head.contains("\"team_codes\":[{"));
        let parts: Vec<String> = Part::ALL.iter().map(|p| p.name().to_string()).collect();
        assert!(!parts
            .iter()
            .any(|p| p == "self_checks" || p == "team_codes"));
        assert_eq!(open(&store).1, data);
    }

    #[test]
    fn a_head_an_earlier_schema_wrote_is_read_with_its_chunks_and_migrated() {
        let data = ten_years(NOW);
        let store = MemoryBackend::new();
        open(&store).0.save(&data, NOW).expect("saves");
        // The same head as schema 5 wrote it: its checksum does not cover
        // the version.
        let current = format!("\"schema\":{CURRENT_SCHEMA}");
        let v5 = store.snapshot()["tend:data"].replacen(&current, "\"schema\":5", 1);
        let earlier = read(&store, &ns(), &v5).expect("reads");
        assert_eq!(earlier.opened.schema, 5);
        assert_eq!(earlier.opened.data, data);
        assert_eq!(
            earlier.refs,
            Some(Refs::new()),
            "written afresh in this schema"
        );

        // Schema 5 had no self-checks or team codes: a head that says
        // otherwise is not something it wrote, and is set aside whole.
        let store = MemoryBackend::new();
        open(&store)
            .0
            .save(&with_a_leaders_records(data), NOW)
            .expect("saves");
        let v5 = store.snapshot()["tend:data"].replacen(&current, "\"schema\":5", 1);
        let Err(ReadError::Damaged { cause, parts }) = read(&store, &ns(), &v5) else {
            panic!("refused as damage");
        };
        assert!(matches!(
            cause,
            Damage::Decode(DecodeError::Migration(MigrationError::StepFailed {
                from: 5,
                ..
            }))
        ));
        assert_eq!(parts.len(), parts_in(&store));
        // Nor did any schema before 5 write a head.
        let v4 = store.snapshot()["tend:data"].replacen(&current, "\"schema\":4", 1);
        assert!(matches!(
            read(&store, &ns(), &v4),
            Err(ReadError::Damaged {
                cause: Damage::Decode(DecodeError::NotAnEnvelope),
                ..
            })
        ));
    }

    #[test]
    fn another_tab_s_chunks_are_merged_not_overwritten() {
        let data = ten_years(NOW);
        let store = MemoryBackend::new();
        let (mut a, _) = open(&store);
        a.save(&data, NOW).expect("saves");
        let (mut b, mut b_data) = open(&store);
        b_data.journal.push(entry("j-b", NOW + 1, "from tab b"));
        b.save(&b_data, NOW + 1).expect("saves");
        let mut a_data = data.clone();
        a_data.practice_log.pop();
        a_data.settings.theme = Theme::Dark;
        a_data.settings.updated_at = NOW + 2;
        let saved = a.save(&a_data, NOW + 2).expect("saves");
        let Saved::Merged(merged) = saved else {
            panic!("expected a merge, got {saved:?}");
        };
        assert!(merged.journal.iter().any(|e| e.id == "j-b"));
        assert_eq!(merged.settings.theme, Theme::Dark);
        assert_eq!(open(&store).1, merged);
    }

    #[test]
    fn the_head_vouches_for_its_chunk_list() {
        let store = MemoryBackend::new();
        open(&store).0.save(&ten_years(NOW), NOW).expect("saves");
        let head = store.snapshot()["tend:data"].clone();
        let names = named_parts(&ns(), &head);
        let (a, b) = (
            names[0].trim_start_matches("tend:part:"),
            names[1].trim_start_matches("tend:part:"),
        );
        // Two chunks swapped in the head's list: the checksum says so.
        let swapped = head
            .replacen(a, "@", 1)
            .replacen(b, a, 1)
            .replacen('@', b, 1);
        assert!(matches!(
            read(&store, &ns(), &swapped),
            Err(ReadError::Damaged {
                cause: Damage::Decode(DecodeError::ChecksumMismatch),
                ..
            })
        ));
        assert!(read(&store, &ns(), &head).is_ok());
    }

    #[test]
    fn chunks_of_another_length_are_read_and_written_afresh() {
        // A head whose journal is one chunk of 40 entries (written by
        // something chunking otherwise) reads fine, and is rechunked.
        let mut data = TendData::default();
        for i in 0..40 {
            data.journal.push(entry(&format!("j{i:02}"), NOW + i, "x"));
        }
        data.normalise();
        let text = serde_json::to_string(&data.journal).expect("writes");
        let hash = hash_of(&text);
        let mut store = MemoryBackend::new();
        store.set(&ns().part_key(&hash), &text).expect("sets");
        let raw = serde_json::value::to_raw_value(&head_of(&data)).expect("raw");
        let parts = BTreeMap::from([("journal".to_string(), vec![hash])]);
        let head = Head {
            format: FORMAT.to_string(),
            schema: CURRENT_SCHEMA,
            written_at: NOW,
            checksum: body_checksum(&raw, &parts).expect("sum"),
            data: &raw,
            parts,
        };
        store
            .set("tend:data", &serde_json::to_string(&head).expect("head"))
            .expect("sets");
        let read = read(&store, &ns(), &store.snapshot()["tend:data"]).expect("reads");
        assert_eq!(read.opened.data, data);
        assert_eq!(read.refs, Some(Refs::new()), "not reused: another length");
        let (mut vault, opened) = open(&store);
        let mut changed = opened.clone();
        changed.settings.theme = Theme::Dark;
        vault.save(&changed, NOW + 100).expect("saves");
        assert_eq!(parts_in(&store), 3, "40 entries in chunks of 16");
        assert_eq!(open(&store).1, changed);
    }

    #[test]
    fn an_earlier_envelope_near_the_quota_is_rewritten_whole_where_chunks_do_not_fit() {
        let data = ten_years(NOW);
        let (whole, _) = envelope::encode(&data, NOW).expect("encodes");
        // Room for the envelope and a little more, not for the chunks too.
        let store = MemoryBackend::with_capacity(whole.len() + 200_000);
        store.clone().set("tend:data", &whole).expect("fits");
        let (mut vault, mut opened) = open(&store);
        assert_eq!(opened, data);
        opened.journal[10].text = "edited near the quota".into();
        assert_eq!(vault.save(&opened, NOW + 1), Ok(Saved::Written));
        assert_eq!(vault.mode(), &Mode::Saving);
        assert_eq!(parts_in(&store), 0, "no chunk left behind");
        assert_eq!(open(&store).1, opened);
        // And again: still one envelope, still saving.
        opened.settings.theme = Theme::Light;
        opened.settings.updated_at = NOW + 2;
        assert_eq!(vault.save(&opened, NOW + 2), Ok(Saved::Written));
        assert_eq!(open(&store).1, opened);
    }

    #[test]
    fn an_unreadable_head_takes_every_chunk_with_it_when_set_aside() {
        let data = ten_years(NOW);
        let store = MemoryBackend::new();
        open(&store).0.save(&data, NOW).expect("saves");
        let before = store.snapshot();
        store.clone().set("tend:data", "{ garbled").expect("sets");
        let (mut vault, opened) = open(&store);
        assert_eq!(opened, TendData::default());
        let recovered = vault.recovered();
        assert_eq!(recovered.len(), 1);
        let copy: BTreeMap<String, String> =
            serde_json::from_str(&vault.recovered_text(&recovered[0].key).expect("a copy"))
                .expect("JSON");
        assert_eq!(copy["tend:data"], "{ garbled");
        for (key, text) in before.iter().filter(|(k, _)| ns().is_part(k)) {
            assert_eq!(copy.get(key), Some(text), "{key} kept");
        }
        // A new start writes afresh, and the copy stays.
        vault.save(&with_one_entry(), NOW + 1).expect("saves");
        assert_eq!(vault.recovered().len(), 1);
    }

    fn with_one_entry() -> TendData {
        let mut data = TendData::default();
        data.journal.push(entry("j1", NOW, "one"));
        data
    }

    #[test]
    fn a_part_stored_out_of_order_is_read_in_order_and_rewritten() {
        let store = MemoryBackend::new();
        let mut data = TendData::default();
        // Two full chunks, so only the order tells them apart.
        for i in 0..32 {
            data.journal.push(entry(&format!("j{i:02}"), NOW + i, "x"));
        }
        open(&store).0.save(&data, NOW).expect("saves");
        // Swap the two chunks in the head's list, with a checksum that
        // matches: readable, but the entries come out of order.
        let head: Head<Box<RawValue>> =
            serde_json::from_str(&store.snapshot()["tend:data"]).expect("a head");
        let mut parts = head.parts.clone();
        if let Some(list) = parts.get_mut("journal") {
            list.reverse();
        }
        let swapped = Head {
            checksum: body_checksum(&head.data, &parts).expect("sum"),
            parts,
            ..head
        };
        store
            .clone()
            .set("tend:data", &serde_json::to_string(&swapped).expect("text"))
            .expect("sets");
        let read = read(&store, &ns(), &store.snapshot()["tend:data"]).expect("reads");
        assert_eq!(read.opened.data, data, "in order again");
        assert_eq!(read.refs, Some(Refs::new()), "its chunks are not reused");
        let (mut vault, opened) = open(&store);
        let mut changed = opened;
        changed.settings.theme = Theme::Dark;
        vault.save(&changed, NOW + 1).expect("saves");
        assert_eq!(open(&store).1, changed);
        let fresh = store.snapshot();
        let named = named_parts(&ns(), &fresh["tend:data"]);
        assert_eq!(named.len(), 2);
    }
}
