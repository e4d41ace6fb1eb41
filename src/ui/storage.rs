//! The person's data wired into the app: loaded once at start, saved by one
//! effect, kept in step with other tabs through storage events, and the
//! actions the storage banner and the data panel offer. Decisions live in
//! `store`; browser calls live in `platform`.

mod idle;
mod lock;
mod sealing;

pub use lock::{open_sealed_export, LockError, LockView, UnlockError};

use crate::platform::{self, files, storage as browser};
use leptos::prelude::*;
use leptos::task::spawn_local;
use sealing::Sealing;
use tend_core::store::backup;
use tend_core::store::import::{self, ImportMode};
use tend_core::store::vault::{Recovered, Reloaded, Saved};
use tend_core::store::{BackendError, MemoryReason, Mode, Namespace, TendData};

/// What the interface shows about where the data is kept.
#[derive(Clone, Debug, PartialEq)]
pub struct StorageStatus {
    /// Saving, or memory only and why.
    pub mode: Mode,
    /// Data set aside because it could not be read.
    pub recovered: Vec<Recovered>,
    /// Roughly how many bytes Tend's keys take.
    pub used_bytes: u64,
    /// Whether the browser keeps the data unless the person clears it;
    /// `None` until known, or when the browser cannot say.
    pub persistent: Option<bool>,
}

/// Why an export did not produce a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportError {
    /// The data could not be written as JSON.
    Encode,
    /// The browser would not save the file.
    File(files::FileError),
}

/// Storage state and actions, provided through context by [`start`].
#[derive(Clone, Copy)]
pub struct StorageContext {
    data: RwSignal<TendData>,
    status: RwSignal<StorageStatus>,
    vault: StoredValue<browser::BrowserVault, LocalStorage>,
    persistence_asked: StoredValue<bool>,
    /// Where the data lives and whether it may be locked.
    setup: StoredValue<Setup>,
    /// Whether the passphrase lock is off, locked or unlocked.
    lock: RwSignal<LockView>,
    /// The lock's record, the data key and the plain mirror while
    /// unlocked, and the sealing worker's state (see `lock`).
    sealing: StoredValue<Sealing, LocalStorage>,
}

/// What [`start`] was told about where the data lives.
#[derive(Clone, Debug)]
struct Setup {
    namespace: Namespace,
    /// Inside an LMS course: without the lock nothing is stored.
    in_course: bool,
    /// Whether the passphrase lock can be used here: the browser's storage
    /// is reachable, and the deployment does not keep data in memory only.
    lockable: bool,
}

/// Reads the storage context provided by [`start`].
pub fn use_storage() -> StorageContext {
    expect_context::<StorageContext>()
}

/// Opens the person's data under `namespace`, provides the
/// [`StorageContext`], saves every change through one effect and listens
/// for other tabs. Returns the data signal the app renders from.
///
/// With a `memory` reason nothing is read or written, and the banner says
/// why: inside an LMS course (the course's site storage is shared with
/// every other course on it), or when the deployment's settings could not
/// be read (its namespace is unknown, and another's must not be used).
pub fn start(
    namespace: Namespace,
    memory: Option<MemoryReason>,
) -> (StorageContext, RwSignal<TendData>) {
    let in_course = memory == Some(MemoryReason::Course);
    // With the lock on, even a course keeps its data (sealed) in the
    // site's storage; see `lock`.
    let lockable = (memory.is_none() || in_course) && browser::local_storage().is_ok();
    let locked = lockable && lock::record_text(&namespace).is_some();
    let (vault, initial) = match memory {
        _ if locked => (
            browser::BrowserVault::in_memory(namespace.clone(), MemoryReason::Locked),
            TendData::default(),
        ),
        Some(reason) => (
            browser::BrowserVault::in_memory(namespace.clone(), reason),
            TendData::default(),
        ),
        None => browser::open(namespace.clone(), platform::now_ms()),
    };
    let data = RwSignal::new(initial);
    let status = RwSignal::new(StorageStatus {
        mode: vault.mode().clone(),
        recovered: vault.recovered(),
        // Counted from the browser's own string lengths, as after a save:
        // copying ten years of data into wasm only to count it took longer
        // than reading it.
        used_bytes: if vault.has_store() {
            browser::used_bytes(&namespace)
        } else {
            0
        },
        persistent: None,
    });
    let ctx = StorageContext {
        data,
        status,
        vault: StoredValue::new_local(vault),
        persistence_asked: StoredValue::new(false),
        setup: StoredValue::new(Setup {
            namespace: namespace.clone(),
            in_course,
            lockable,
        }),
        lock: RwSignal::new(if locked {
            LockView::Locked
        } else {
            LockView::Off
        }),
        sealing: StoredValue::new_local(Sealing::default()),
    };
    provide_context(ctx);

    // The one place changes are saved.
    Effect::new(move |_| {
        data.track();
        ctx.save();
    });

    if !lockable {
        return (ctx, data);
    }
    let listener = window_event_listener(leptos::ev::storage, move |event| {
        if browser::concerns(&event, &namespace) {
            ctx.other_tab_wrote(event.key().as_deref());
        }
    });
    on_cleanup(move || listener.remove());
    ctx.watch_idle();
    ctx.follow_settings();

    spawn_local(async move {
        let persistent = browser::persisted().await;
        status.update(|s| s.persistent = persistent);
    });
    (ctx, data)
}

impl StorageContext {
    /// Where the data is kept, for display.
    pub fn status(&self) -> ReadSignal<StorageStatus> {
        self.status.read_only()
    }

    /// Saves the current data now (the save effect calls this). With the
    /// lock on, the vault writes to the plain mirror and the change is
    /// then sealed and stored (see `lock`).
    pub fn save(&self) {
        if self.lock.get_untracked() == LockView::Locked {
            return;
        }
        platform::mark("tend-save-start");
        let now = platform::now_ms();
        // Borrowed, not cloned: ten years of data is megabytes.
        let outcome = self
            .data
            .with_untracked(|current| self.vault.try_update_value(|v| v.save(current, now)));
        let wrote = matches!(outcome, Some(Ok(Saved::Written | Saved::Merged(_))));
        match outcome {
            Some(Ok(Saved::Merged(merged))) => self.data.set(merged),
            Some(Ok(Saved::Written)) => self.ask_to_persist(),
            _ => {}
        }
        if wrote && self.lock.get_untracked() == LockView::Unlocked {
            self.work();
        }
        self.refresh();
        platform::mark("tend-save-end");
    }

    /// Another tab changed `key` of Tend's (or cleared everything, `None`).
    fn other_tab_wrote(&self, key: Option<&str>) {
        let (lock_key, is_part) = self.setup.with_value(|s| {
            (
                s.namespace.lock_key(),
                key.is_some_and(|k| s.namespace.is_part(k)),
            )
        });
        // A chunk comes and goes only around a write of the head that
        // names it (store::split): that write's event is the one to act on.
        if is_part {
            return;
        }
        if key.is_none_or(|k| k == lock_key) {
            self.lock_record_changed();
        }
        match self.lock.get_untracked() {
            LockView::Off => self.take_in_other_tabs(),
            LockView::Unlocked => {
                self.sealing.update_value(|s| s.resync = true);
                self.work();
            }
            LockView::Locked => {}
        }
    }

    /// Takes in what another tab wrote.
    fn take_in_other_tabs(&self) {
        let current = self.data.get_untracked();
        let reloaded = self.vault.try_update_value(|v| v.reload(&current));
        match reloaded {
            Some(Reloaded::Changed(merged)) => self.data.set(merged),
            Some(Reloaded::Cleared) => self.data.set(TendData::default()),
            _ => {}
        }
        // Our side may be the newer one; saving writes it only if so.
        self.save();
    }

    /// After storage was full or failed: try saving again.
    pub fn retry(&self) {
        self.vault.update_value(|v| v.retry());
        self.save();
    }

    /// Downloads everything as an export file and records when.
    pub fn export(&self) -> Result<String, ExportError> {
        let now = platform::now_ms();
        let text = self
            .data
            .with_untracked(|d| backup::export_text(d, now))
            .map_err(|_| ExportError::Encode)?;
        let name = backup::export_file_name(now);
        files::download(&name, "application/json", &text).map_err(ExportError::File)?;
        self.data.update(|d| d.last_exported_at = Some(now));
        Ok(name)
    }

    /// Downloads every set-aside copy as one text file.
    pub fn export_recovered(&self) -> Result<(), ExportError> {
        let now = platform::now_ms();
        let copies: Vec<(String, String)> = self.vault.with_value(|v| {
            v.recovered()
                .into_iter()
                .filter_map(|r| v.recovered_text(&r.key).map(|text| (r.key, text)))
                .collect()
        });
        let text = backup::recovered_file_text(&copies);
        let name = backup::recovered_file_name(now);
        files::download(&name, "text/plain", &text).map_err(ExportError::File)
    }

    /// Applies an imported file's data to the person's data.
    pub fn apply_import(&self, incoming: &TendData, mode: ImportMode) {
        let now = platform::now_ms();
        self.data
            .update(|d| *d = import::apply(d, incoming, mode, now));
    }

    /// Removes every key Tend wrote and starts afresh. With the lock on
    /// (locked or not), the lock goes too: a forgotten passphrase's only
    /// way out.
    pub fn delete_all(&self) -> Result<(), BackendError> {
        if self.lock.get_untracked() != LockView::Off {
            return self.delete_all_locked();
        }
        let result = self
            .vault
            .try_update_value(|v| v.delete_all())
            .unwrap_or(Ok(0));
        self.data.set(TendData::default());
        self.refresh();
        result.map(|_| ())
    }

    fn ask_to_persist(&self) {
        let asked = self.persistence_asked.get_value();
        let persistent = self.status.with_untracked(|s| s.persistent);
        if asked || persistent == Some(true) {
            return;
        }
        self.persistence_asked.set_value(true);
        let status = self.status;
        spawn_local(async move {
            if let Some(persistent) = browser::request_persistence().await {
                status.update(|s| s.persistent = Some(persistent));
            }
        });
    }

    fn refresh(&self) {
        let Some((mode, recovered, has_store)) = self
            .vault
            .try_with_value(|v| (v.mode().clone(), v.recovered(), v.has_store()))
        else {
            return;
        };
        // As stored: sealed text when the lock is on.
        let used_bytes = if has_store {
            self.setup.with_value(|s| browser::used_bytes(&s.namespace))
        } else {
            0
        };
        let next = StorageStatus {
            mode,
            recovered,
            used_bytes,
            persistent: self.status.with_untracked(|s| s.persistent),
        };
        if self.status.with_untracked(|s| *s != next) {
            self.status.set(next);
        }
    }
}
