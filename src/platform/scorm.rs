//! The SCORM 1.2 runtime an LMS provides, found the standard way: an `API`
//! object on this window or a parent frame (up to seven levels), then the
//! same from the window that opened this one. Tend reports one thing:
//! `cmi.core.lesson_status`. It never writes a score, suspend data or
//! interactions, and any failure of the LMS leaves the app running.

use js_sys::{Array, Function, Object, Reflect};
use std::cell::Cell;
use wasm_bindgen::{JsCast, JsValue};

/// The only element Tend writes.
const STATUS: &str = "cmi.core.lesson_status";

/// A running SCORM 1.2 session.
pub struct Scorm {
    api: JsValue,
    finished: Cell<bool>,
}

/// Looks for an `API` object on `window` and its parents. A parent at
/// another origin cannot be read; the search stops there.
fn search(mut window: web_sys::Window) -> Option<JsValue> {
    for _ in 0..=7 {
        if let Ok(api) = Reflect::get(&window, &"API".into()) {
            if api.is_object() {
                return Some(api);
            }
        }
        let parent = window.parent().ok().flatten()?;
        if Object::is(&parent, &window) {
            return None;
        }
        window = parent;
    }
    None
}

/// The LMS's API, if Tend was launched by one.
pub fn find() -> Option<Scorm> {
    let window = web_sys::window()?;
    let api = search(window.clone()).or_else(|| {
        let opener = window.opener().ok()?;
        search(opener.dyn_into::<web_sys::Window>().ok()?)
    })?;
    Some(Scorm {
        api,
        finished: Cell::new(false),
    })
}

impl Scorm {
    /// Calls `API[name](args...)`, returning its answer as text. Any throw
    /// or missing function is `None`.
    fn call(&self, name: &str, args: &[&str]) -> Option<String> {
        let f: Function = Reflect::get(&self.api, &name.into())
            .ok()?
            .dyn_into()
            .ok()?;
        let list = Array::new();
        for a in args {
            list.push(&JsValue::from_str(a));
        }
        let answer = f.apply(&self.api, &list).ok()?;
        answer
            .as_string()
            .or_else(|| answer.as_bool().map(|b| b.to_string()))
    }

    /// Starts the session and marks the course incomplete, unless the LMS
    /// already has it completed or passed. `false` if the LMS refused.
    pub fn start(&self) -> bool {
        if self.call("LMSInitialize", &[""]).as_deref() != Some("true") {
            return false;
        }
        let status = self.call("LMSGetValue", &[STATUS]).unwrap_or_default();
        if !matches!(status.as_str(), "completed" | "passed") {
            self.call("LMSSetValue", &[STATUS, "incomplete"]);
            self.call("LMSCommit", &[""]);
        }
        true
    }

    /// Marks the course completed and commits.
    pub fn complete(&self) {
        if self.finished.get() {
            return;
        }
        self.call("LMSSetValue", &[STATUS, "completed"]);
        self.call("LMSCommit", &[""]);
    }

    /// Ends the session, once.
    pub fn finish(&self) {
        if self.finished.replace(true) {
            return;
        }
        self.call("LMSCommit", &[""]);
        self.call("LMSFinish", &[""]);
    }
}
