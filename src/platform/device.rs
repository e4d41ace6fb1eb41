//! Optional device helpers for the guided practices: keeping the screen
//! awake and a short vibration at each turn of the breath. Both are looked
//! up at run time (many browsers lack one or both), so a missing feature
//! or a refused request simply does nothing.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn navigator() -> Option<JsValue> {
    web_sys::window().map(|w| w.navigator().into())
}

fn method(target: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(target, &JsValue::from_str(name))
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

/// Whether the browser can vibrate (most phones, few desktops).
pub fn can_vibrate() -> bool {
    navigator().is_some_and(|n| method(&n, "vibrate").is_some())
}

/// A short vibration, if the browser allows it.
pub fn vibrate(ms: u32) {
    if let Some(n) = navigator() {
        if let Some(f) = method(&n, "vibrate") {
            // Refused or unsupported: nothing to tell the person.
            let _ = f.call1(&n, &JsValue::from(ms));
        }
    }
}

/// A held request to keep the screen on. Dropping it does not release it;
/// call [`WakeLock::release`].
#[derive(Clone)]
pub struct WakeLock(JsValue);

/// Asks the browser to keep the screen awake. `None` when the browser has
/// no Wake Lock API or refuses (for example when the page is hidden).
pub async fn keep_awake() -> Option<WakeLock> {
    let n = navigator()?;
    let wake = Reflect::get(&n, &JsValue::from_str("wakeLock")).ok()?;
    if wake.is_undefined() || wake.is_null() {
        return None;
    }
    let request = method(&wake, "request")?;
    let promise = request
        .call1(&wake, &JsValue::from_str("screen"))
        .ok()?
        .dyn_into::<Promise>()
        .ok()?;
    let sentinel = JsFuture::from(promise).await.ok()?;
    Some(WakeLock(sentinel))
}

impl WakeLock {
    /// Lets the screen sleep again.
    pub fn release(&self) {
        if let Some(f) = method(&self.0, "release") {
            let _ = f.call0(&self.0);
        }
    }
}
