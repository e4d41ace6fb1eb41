//! The passphrase lock in a real browser, with the real WebCrypto and
//! localStorage: the app's storage context turning the lock on, starting
//! locked, unlocking, a tampered value set aside (never deleted), a
//! passphrase change, a migration interrupted between writes, another
//! tab's write merged, data from a newer Tend left alone, and a heavy
//! user's encrypted export restoring unchanged. Run with
//! `cargo test --target wasm32-unknown-unknown --test wasm_lock`.
//!
//! Tests run one at a time; each starts from an empty localStorage.

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use tend::platform::crypto;
use tend::ui::storage::{self, open_sealed_export, LockView, StorageContext, UnlockError};
use tend_core::store::lock::{self, LockRecord, Sealed, SealedExport, Shown};
use tend_core::store::vault::{Backend, MemoryBackend, Vault};
use tend_core::store::{backup, envelope, import, sample};
use tend_core::store::{Mode, Namespace, TendData, CURRENT_SCHEMA};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PASS: &str = "blue kettle morning";
const SECRET: &str = "the words after the night shift";

fn storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("the test browser has localStorage")
}

fn get(key: &str) -> Option<String> {
    storage().get_item(key).expect("getItem")
}

fn set(key: &str, value: &str) {
    storage().set_item(key, value).expect("setItem");
}

fn tend_entries() -> Vec<(String, String)> {
    let s = storage();
    (0..s.length().expect("length"))
        .filter_map(|i| s.key(i).expect("key"))
        .filter(|k| k.starts_with("tend:"))
        .map(|k| {
            let v = get(&k).unwrap_or_default();
            (k, v)
        })
        .collect()
}

/// Lets effects, spawned tasks and the crypto's promises run.
async fn settle() {
    for _ in 0..10 {
        leptos::task::tick().await;
        tend::platform::sleep(20).await;
    }
}

/// Waits until `done` holds, up to about ten seconds.
async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..500 {
        if done() {
            return;
        }
        tend::platform::sleep(20).await;
    }
    panic!("timed out waiting until {what}");
}

/// The app's storage, started as the app starts it (in a page of its own,
/// as a fresh start of Tend would be).
struct Started {
    ctx: StorageContext,
    data: RwSignal<TendData>,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

/// What `storage::start` gives the app.
type Opened = (StorageContext, RwSignal<TendData>);

fn start() -> Started {
    let parent: web_sys::HtmlElement = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("div").ok())
        .expect("div")
        .dyn_into()
        .expect("html element");
    let out: Rc<RefCell<Option<Opened>>> = Rc::default();
    let inner = Rc::clone(&out);
    let handle = leptos::mount::mount_to(parent, move || {
        *inner.borrow_mut() = Some(storage::start(Namespace::default(), None));
        view! { <p>"storage"</p> }.into_any()
    });
    let (ctx, data) = out.borrow_mut().take().expect("started");
    Started {
        ctx,
        data,
        _handle: handle,
    }
}

fn with_journal(data: &mut TendData, id: &str, text: &str, at: i64) {
    data.journal.push(tend_core::store::data::JournalEntry {
        created_at: at,
        id: id.into(),
        prompt: None,
        text: text.into(),
        updated_at: at,
    });
}

fn sealed_now() -> bool {
    get("tend:data").is_some_and(|t| lock::is_sealed(&t))
}

/// Every key the app keeps for `data` written at `at`, with its plain
/// text: the head and the chunks of the long lists (`store::split`).
fn layout(data: &TendData, at: i64) -> BTreeMap<String, String> {
    let store = MemoryBackend::new();
    let (mut vault, _) = Vault::open(Ok(store.clone()), Namespace::default(), at);
    vault.save(data, at).expect("stores");
    store.snapshot()
}

/// Seals every key of `data`'s layout under `key` and stores it.
async fn seal_into_storage(key: &crypto::DataKey, data: &TendData, at: i64) {
    for (name, plain) in layout(data, at) {
        let sealed = crypto::seal(key, CURRENT_SCHEMA, &plain)
            .await
            .expect("seals");
        set(&name, &sealed.to_text());
    }
}

/// The data in this browser's sealed store, opened with `key`.
async fn opened_store(key: &crypto::DataKey) -> TendData {
    let plain = MemoryBackend::new();
    let mut writer = plain.clone();
    for (name, text) in tend_entries() {
        if name != "tend:lock" {
            let sealed = Sealed::parse(&text).expect("sealed");
            let opened = crypto::open(key, &sealed).await.expect("opens");
            writer.set(&name, &opened).expect("sets");
        }
    }
    let (vault, data) = Vault::open(Ok(plain), Namespace::default(), 1);
    assert!(vault.recovered().is_empty(), "the sealed store reads whole");
    data
}

/// A lock made here (so the test holds its key), written as the app
/// writes it, with `data` sealed under it.
async fn lock_by_hand(data: &TendData) -> crypto::DataKey {
    let (record, key) = crypto::create_lock(PASS, Shown::default())
        .await
        .expect("a lock");
    set("tend:lock", &record.to_text());
    seal_into_storage(&key, data, 1_000).await;
    key
}

/// Every key but the lock record, for comparing what is stored.
fn data_entries() -> Vec<(String, String)> {
    tend_entries()
        .into_iter()
        .filter(|(k, _)| k != "tend:lock")
        .collect()
}

#[wasm_bindgen_test]
async fn turning_the_lock_on_seals_everything_and_a_new_start_asks_for_the_passphrase() {
    storage().clear().expect("clear");
    let app = start();
    app.data.update(|d| with_journal(d, "j1", SECRET, 10));
    settle().await;
    assert!(tend_entries().iter().any(|(_, v)| v.contains(SECRET)));

    app.ctx
        .turn_lock_on(PASS.into(), PASS.into())
        .await
        .expect("turns on");
    until("the data is sealed", sealed_now).await;
    assert_eq!(app.ctx.lock_view().get_untracked(), LockView::Unlocked);
    for (key, value) in tend_entries() {
        assert!(!value.contains(SECRET), "{key} holds the journal text");
    }
    let record = LockRecord::parse(&get("tend:lock").expect("a lock record")).expect("parses");
    assert_eq!(record.kdf.iterations, lock::ITERATIONS);

    // Changes go on being saved, sealed.
    app.data
        .update(|d| with_journal(d, "j2", "second entry", 20));
    settle().await;
    until("the change is sealed", || {
        get("tend:data").is_some_and(|t| lock::is_sealed(&t) && !t.contains("second entry"))
    })
    .await;

    // A fresh start is locked, holding nothing.
    let again = start();
    assert_eq!(again.ctx.lock_view().get_untracked(), LockView::Locked);
    assert_eq!(again.data.get_untracked(), TendData::default());

    let before = tend_entries();
    let wrong = again.ctx.unlock("not the passphrase".into()).await;
    assert_eq!(wrong, Err(UnlockError::WrongPassphrase));
    assert_eq!(again.ctx.lock_view().get_untracked(), LockView::Locked);
    assert_eq!(tend_entries(), before, "a wrong passphrase changes nothing");

    again.ctx.unlock(PASS.into()).await.expect("unlocks");
    let journal = again.data.with_untracked(|d| d.journal.clone());
    assert_eq!(journal.len(), 2);
    assert!(journal.iter().any(|j| j.text == SECRET));

    // Locking drops the data from memory.
    again.ctx.lock_now();
    settle().await;
    assert_eq!(again.ctx.lock_view().get_untracked(), LockView::Locked);
    assert_eq!(again.data.get_untracked(), TendData::default());
    storage().clear().expect("clear");
}

#[wasm_bindgen_test]
async fn a_flipped_ciphertext_bit_is_detected_and_set_aside_not_deleted() {
    storage().clear().expect("clear");
    let mut data = TendData::default();
    with_journal(&mut data, "j1", SECRET, 10);
    lock_by_hand(&data).await;
    let stored = get("tend:data").expect("sealed data");
    let mut sealed = Sealed::parse(&stored).expect("parses");
    let mut bytes = sealed.data_bytes();
    bytes[3] ^= 0x01;
    sealed.data = lock::to_base64(&bytes);
    let tampered = sealed.to_text();
    set("tend:data", &tampered);

    let app = start();
    app.ctx.unlock(PASS.into()).await.expect("the lock opens");
    settle().await;
    until("the tampered value is moved", || get("tend:data").is_none()).await;
    assert_eq!(app.data.get_untracked(), TendData::default());
    let status = app.ctx.status().get_untracked();
    assert_eq!(status.recovered.len(), 1, "offered for export");
    let recovered = get(&status.recovered[0].key).expect("kept");
    assert!(
        lock::is_sealed(&recovered),
        "the set-aside copy is sealed too"
    );
    assert!(!recovered.contains(SECRET));
    storage().clear().expect("clear");
}

#[wasm_bindgen_test]
async fn a_migration_interrupted_between_writes_leaves_readable_data() {
    // Turning the lock on writes the record first, then seals each key.
    // Interrupted after the record, the data is still plain; interrupted
    // halfway, some keys are sealed and others not. Each must unlock with
    // nothing lost, and be sealed by the next write. (Turning the lock off
    // writes plain text first, then removes the record: interrupted, it
    // leaves the first state below.)
    for sealed_data in [false, true] {
        storage().clear().expect("clear");
        let mut data = TendData::default();
        with_journal(&mut data, "j1", SECRET, 10);
        let key = lock_by_hand(&data).await;
        if !sealed_data {
            for (name, plain) in layout(&data, 1_000) {
                set(&name, &plain);
            }
        }
        // A set-aside copy from before the lock, still plain.
        set("tend:recovered:5", "{ not json, kept as it was");

        let app = start();
        assert_eq!(app.ctx.lock_view().get_untracked(), LockView::Locked);
        app.ctx.unlock(PASS.into()).await.expect("unlocks");
        assert_eq!(
            app.data.with_untracked(|d| d.journal.clone()),
            data.journal,
            "sealed data: {sealed_data}"
        );
        until("every key is sealed", || {
            tend_entries()
                .iter()
                .filter(|(k, _)| k != "tend:lock")
                .all(|(_, v)| lock::is_sealed(v))
        })
        .await;
        let copy = Sealed::parse(&get("tend:recovered:5").expect("kept")).expect("sealed");
        assert_eq!(
            crypto::open(&key, &copy).await.expect("opens"),
            "{ not json, kept as it was"
        );
    }
    storage().clear().expect("clear");
}

#[wasm_bindgen_test]
async fn changing_the_passphrase_keeps_the_data_and_retires_the_old_one() {
    storage().clear().expect("clear");
    let mut data = TendData::default();
    with_journal(&mut data, "j1", SECRET, 10);
    lock_by_hand(&data).await;
    let sealed_before = data_entries();
    let app = start();
    app.ctx.unlock(PASS.into()).await.expect("unlocks");
    let renewed = "green lantern evening";
    let wrong = app
        .ctx
        .change_passphrase("nope nope nope".into(), renewed.into(), renewed.into())
        .await;
    assert_eq!(wrong, Err(storage::LockError::WrongPassphrase));
    app.ctx
        .change_passphrase(PASS.into(), renewed.into(), renewed.into())
        .await
        .expect("changes");
    assert_eq!(data_entries(), sealed_before, "nothing is re-encrypted");

    let again = start();
    assert_eq!(
        again.ctx.unlock(PASS.into()).await,
        Err(UnlockError::WrongPassphrase)
    );
    again.ctx.unlock(renewed.into()).await.expect("unlocks");
    assert_eq!(
        again.data.with_untracked(|d| d.journal.clone()),
        data.journal
    );
    storage().clear().expect("clear");
}

#[wasm_bindgen_test]
async fn another_tabs_sealed_write_is_merged_not_overwritten() {
    storage().clear().expect("clear");
    let mut data = TendData::default();
    with_journal(&mut data, "j1", SECRET, 10);
    let key = lock_by_hand(&data).await;
    let app = start();
    app.ctx.unlock(PASS.into()).await.expect("unlocks");
    settle().await;

    // Another tab adds an entry and writes it, sealed, and this tab hears
    // of it only afterwards; meanwhile this tab adds its own.
    let mut theirs = data.clone();
    with_journal(&mut theirs, "j-theirs", "from the other tab", 30);
    seal_into_storage(&key, &theirs, 5_000).await;
    app.data
        .update(|d| with_journal(d, "j-ours", "from this tab", 40));
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some("tend:data"));
    let event =
        web_sys::StorageEvent::new_with_event_init_dict("storage", &init).expect("an event");
    web_sys::window()
        .expect("window")
        .dispatch_event(&event)
        .expect("dispatched");
    until("both entries are in this tab", || {
        app.data.with_untracked(|d| d.journal.len()) == 3
    })
    .await;
    settle().await;

    // And in the store, sealed.
    let journal = opened_store(&key).await.journal;
    let ids: Vec<&str> = journal.iter().map(|j| j.id.as_str()).collect();
    for id in ["j1", "j-theirs", "j-ours"] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    storage().clear().expect("clear");
}

#[wasm_bindgen_test]
async fn data_from_a_newer_tend_is_never_overwritten_while_unlocked() {
    storage().clear().expect("clear");
    let (record, key) = crypto::create_lock(PASS, Shown::default())
        .await
        .expect("a lock");
    set("tend:lock", &record.to_text());
    let newer = r#"{"format":"tend","schema":42,"written_at":9,"checksum":"x","data":{}}"#;
    let sealed = crypto::seal(&key, 42, newer).await.expect("seals");
    set("tend:data", &sealed.to_text());
    let stored = get("tend:data");

    let app = start();
    app.ctx.unlock(PASS.into()).await.expect("unlocks");
    app.data
        .update(|d| with_journal(d, "j1", "written here", 10));
    settle().await;
    assert!(matches!(
        app.ctx.status().get_untracked().mode,
        Mode::MemoryOnly(tend_core::store::MemoryReason::NewerVersion { found: 42 })
    ));
    assert_eq!(get("tend:data"), stored);
    storage().clear().expect("clear");
}

#[wasm_bindgen_test]
async fn a_heavy_users_encrypted_export_restores_unchanged() {
    // Ten years of data, and the most Tend can store, exported encrypted
    // as the app does (the same key and passphrase as the lock), opened
    // with the passphrase in a browser that holds no lock, and imported.
    const NOW: i64 = 1_764_300_000_000;
    let (record, key) = crypto::create_lock(PASS, Shown::default())
        .await
        .expect("a lock");
    for (what, data) in [
        ("ten years", sample::ten_years(NOW)),
        ("at the quota", sample::at_ceiling(NOW)),
    ] {
        let text = backup::export_text(&data, NOW).expect("encodes");
        let sealed = crypto::seal(&key, CURRENT_SCHEMA, &text)
            .await
            .expect("seals");
        let file = SealedExport::new(&record, sealed).to_text();
        assert_eq!(
            import::check_size(file.len() as u64),
            Ok(()),
            "{what}: {} bytes",
            file.len()
        );
        assert_eq!(
            open_sealed_export(&file, "wrong wrong wrong").await,
            Err(UnlockError::WrongPassphrase),
            "{what}"
        );
        let opened = open_sealed_export(&file, PASS).await.expect("opens");
        let preview = import::read(opened.as_bytes(), NOW + 1).expect("reads");
        assert!(preview.data == data, "{what}: the data differs");
        // The plain export restores unchanged too.
        let plain = import::read(text.as_bytes(), NOW + 1).expect("reads");
        assert!(plain.data == data, "{what}: the plain file differs");
    }
}

#[wasm_bindgen_test]
async fn a_store_at_the_quota_can_be_locked_and_shrinks() {
    // The most Tend can store, in the open, is sealed compressed: the lock
    // fits where base64 alone would not, and the store gets smaller.
    storage().clear().expect("clear");
    const NOW: i64 = 1_764_300_000_000;
    let data = sample::at_ceiling(NOW);
    let (plain, _) = envelope::encode(&data, NOW).expect("encodes");
    set("tend:data", &plain);
    let plain_units = plain.encode_utf16().count();
    let app = start();
    assert_eq!(app.ctx.lock_view().get_untracked(), LockView::Off);
    app.ctx
        .turn_lock_on(PASS.into(), PASS.into())
        .await
        .expect("turns on");
    until("the data is sealed", sealed_now).await;
    let sealed_units: usize = data_entries()
        .iter()
        .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
        .sum();
    assert!(
        sealed_units * 2 < plain_units,
        "sealed {sealed_units} units, plain {plain_units}"
    );
    web_sys::console::log_1(
        &format!("at the quota: plain {plain_units} UTF-16 units, sealed {sealed_units}").into(),
    );
    storage().clear().expect("clear");
}
