//! The service worker that keeps every file of the site for offline use
//! (`sw.js`, written by the build), and the browser's install prompt.
//!
//! A new release is never forced on the person: when a new worker has
//! installed and waits, `on_update` is called so the app can offer a
//! reload; only when the person asks does the waiting worker take over,
//! and the page reloads once it has.

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The worker script, relative to index.html, so its scope is the folder
/// Tend is served from.
const SCRIPT: &str = "sw.js";

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Missing outside secure contexts and in some embedded browsers.
    let value = js_sys::Reflect::get(&navigator, &"serviceWorker".into()).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    value.dyn_into().ok()
}

/// Registers the worker and watches for a new release. Does nothing where
/// service workers are unavailable (a file, a sandboxed frame, an old
/// browser): the app still runs, just not offline.
pub fn register(on_update: impl Fn() + 'static) {
    let Some(container) = container() else {
        return;
    };
    let on_update: Rc<dyn Fn()> = Rc::new(on_update);
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register(SCRIPT)).await else {
            return;
        };
        let Ok(registration) = registration.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        // With no controller this is the first install: nothing is old.
        let has_controller = {
            let container = container.clone();
            move || container.controller().is_some()
        };
        if registration.waiting().is_some() && has_controller() {
            on_update();
        }
        let reg = registration.clone();
        let found = Closure::<dyn Fn()>::new(move || {
            let Some(worker) = reg.installing() else {
                return;
            };
            let watched = worker.clone();
            let on_update = on_update.clone();
            let has_controller = has_controller.clone();
            let changed = Closure::<dyn Fn()>::new(move || {
                if watched.state() == web_sys::ServiceWorkerState::Installed && has_controller() {
                    on_update();
                }
            });
            worker.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
            changed.forget();
        });
        registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
        found.forget();
        watch_for_releases(registration);
    });
}

/// Asks the server for a new `sw.js` whenever the page comes back into
/// view, at most once an hour: a single-page app has no navigations to
/// prompt the browser's own check.
fn watch_for_releases(registration: web_sys::ServiceWorkerRegistration) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let last = Cell::new(crate::platform::now_ms());
    let check = Closure::<dyn Fn()>::new(move || {
        let now = crate::platform::now_ms();
        if crate::platform::page_visible() && now - last.get() > 3_600_000 {
            last.set(now);
            // A failed check (offline) is retried next time.
            let _ = registration.update();
        }
    });
    let _ = document
        .add_event_listener_with_callback("visibilitychange", check.as_ref().unchecked_ref());
    check.forget();
}

/// Lets the waiting worker take over and reloads the page when it has.
pub fn apply_update() {
    let Some(container) = container() else {
        return;
    };
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.get_registration()).await else {
            return;
        };
        let waiting = registration
            .dyn_into::<web_sys::ServiceWorkerRegistration>()
            .ok()
            .and_then(|r| r.waiting());
        match waiting {
            Some(worker) => {
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"type".into(), &"tend:skip-waiting".into());
                let _ = worker.post_message(&message);
            }
            // Already taken over (another tab said yes): just reload.
            None => {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        }
    });
}

/// The browser's deferred install prompt (Chromium's
/// `beforeinstallprompt`), kept so Settings can offer an Install button.
/// In embed mode the prompt is suppressed and never offered.
pub fn catch_install_prompt(offer: bool, on_ready: impl Fn(JsValue) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        event.prevent_default();
        if offer {
            on_ready(event.into());
        }
    });
    let _ = window
        .add_event_listener_with_callback("beforeinstallprompt", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Shows a prompt kept by [`catch_install_prompt`].
pub fn show_install_prompt(prompt: &JsValue) {
    if let Ok(f) = js_sys::Reflect::get(prompt, &"prompt".into()) {
        if let Ok(f) = f.dyn_into::<js_sys::Function>() {
            let _ = f.call0(prompt);
        }
    }
}

/// Whether Tend is running as an installed app.
pub fn installed() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(display-mode: standalone)").ok().flatten())
        .is_some_and(|m| m.matches())
}
