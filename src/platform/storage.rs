//! The browser's localStorage as a [`Backend`] for the store's [`Vault`],
//! and the Storage API's persistence request. Every browser failure becomes
//! a [`BackendError`] value; nothing here panics.

use tend_core::store::mirror::Mirror;
use tend_core::store::vault::used_bytes_in;
use tend_core::store::{Backend, BackendError, Namespace, TendData, Vault};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The browser's localStorage, known to be reachable when it was opened.
pub struct BrowserStorage {
    storage: web_sys::Storage,
}

/// Where the app's vault reads and writes: localStorage itself, or, with
/// the passphrase lock on and Tend unlocked, the plain [`Mirror`] of it
/// whose changes the shell seals and writes (see `ui::storage`).
pub enum AppStore {
    /// localStorage, in the open.
    Browser(BrowserStorage),
    /// The decrypted view of a locked store.
    Mirror(Mirror),
}

/// The vault the app uses: the person's data in localStorage.
pub type BrowserVault = Vault<AppStore>;

impl Backend for AppStore {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        match self {
            AppStore::Browser(b) => b.get(key),
            AppStore::Mirror(m) => m.get(key),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        match self {
            AppStore::Browser(b) => b.set(key, value),
            AppStore::Mirror(m) => m.set(key, value),
        }
    }

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        match self {
            AppStore::Browser(b) => b.remove(key),
            AppStore::Mirror(m) => m.remove(key),
        }
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        match self {
            AppStore::Browser(b) => b.keys(),
            AppStore::Mirror(m) => m.keys(),
        }
    }
}

/// localStorage, or why it cannot be used. `window.localStorage` throws in
/// sandboxed frames and when site data is blocked, is `null` in some
/// embedded browsers, and in some private modes throws on first use.
pub fn local_storage() -> Result<BrowserStorage, BackendError> {
    let window = web_sys::window().ok_or_else(|| BackendError::Unavailable("no window".into()))?;
    let storage = match window.local_storage() {
        Ok(Some(storage)) => storage,
        Ok(None) => return Err(BackendError::Unavailable("localStorage is missing".into())),
        Err(e) => return Err(BackendError::Unavailable(describe(&e))),
    };
    storage
        .length()
        .map_err(|e| BackendError::Unavailable(describe(&e)))?;
    Ok(BrowserStorage { storage })
}

/// Opens the person's data in localStorage under `namespace`. Never fails:
/// when storage is blocked the vault runs on memory only.
pub fn open(namespace: Namespace, now: i64) -> (BrowserVault, TendData) {
    Vault::open(local_storage().map(AppStore::Browser), namespace, now)
}

/// Roughly how many bytes the keys of `namespace` take in localStorage,
/// as stored (sealed, when the lock is on); 0 when it cannot be read.
///
/// Counted as `used_bytes_in` counts (two bytes a UTF-16 unit of every key
/// and value), but each value's length is asked of the browser's own
/// string, never copied into wasm: this runs after every save, and ten
/// years of data is megabytes.
pub fn used_bytes(namespace: &Namespace) -> u64 {
    let Ok(store) = local_storage() else {
        return 0;
    };
    let get_item = js_sys::Reflect::get(&store.storage, &JsValue::from_str("getItem"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(get_item) = get_item else {
        return used_bytes_in(&store, namespace);
    };
    let units = store
        .keys()
        .unwrap_or_default()
        .iter()
        .filter(|key| namespace.owns(key))
        .map(|key| {
            let value = get_item
                .call1(&store.storage, &JsValue::from_str(key))
                .ok()
                .and_then(|v| v.dyn_into::<js_sys::JsString>().ok())
                .map_or(0, |v| u64::from(v.length()));
            key.encode_utf16().count() as u64 + value
        })
        .sum::<u64>();
    units * 2
}

impl Backend for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.storage.get_item(key).map_err(classify)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        self.storage.set_item(key, value).map_err(classify)
    }

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.storage.remove_item(key).map_err(classify)
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        let length = self.storage.length().map_err(classify)?;
        let mut keys = Vec::with_capacity(length as usize);
        for i in 0..length {
            if let Some(key) = self.storage.key(i).map_err(classify)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

/// Whether a storage event from another tab concerns `namespace`: a change
/// to one of its keys, or the whole store being cleared.
pub fn concerns(event: &web_sys::StorageEvent, namespace: &Namespace) -> bool {
    event.key().is_none_or(|key| namespace.owns(&key))
}

/// Whether the browser has agreed to keep Tend's storage unless the person
/// clears it; `None` when the browser cannot say.
pub async fn persisted() -> Option<bool> {
    let manager = storage_manager()?;
    let promise = manager.persisted().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Asks the browser to keep Tend's storage unless the person clears it.
/// Some browsers decide silently, some ask the person. Returns whether
/// storage is now persistent; `None` when the browser cannot say.
pub async fn request_persistence() -> Option<bool> {
    let manager = storage_manager()?;
    let promise = manager.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// `navigator.storage`, which is absent outside secure contexts and in
/// older browsers.
fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let manager = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    if manager.is_undefined() || manager.is_null() {
        return None;
    }
    manager.dyn_into().ok()
}

/// Sorts a thrown value into full, unavailable or other.
fn classify(error: JsValue) -> BackendError {
    if let Some(dom) = error.dyn_ref::<web_sys::DomException>() {
        let name = dom.name();
        // Chromium and WebKit say QuotaExceededError (legacy code 22);
        // older Firefox said NS_ERROR_DOM_QUOTA_REACHED (code 1014).
        if name == "QuotaExceededError"
            || name == "NS_ERROR_DOM_QUOTA_REACHED"
            || dom.code() == 22
            || dom.code() == 1014
        {
            return BackendError::QuotaExceeded;
        }
        if name == "SecurityError" || name == "InvalidAccessError" {
            return BackendError::Unavailable(name);
        }
    }
    BackendError::Failed(describe(&error))
}

/// A short description of a thrown value, for logs and tests.
fn describe(error: &JsValue) -> String {
    if let Some(dom) = error.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", dom.name(), dom.message());
    }
    if let Some(err) = error.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    error.as_string().unwrap_or_else(|| "unknown error".into())
}
