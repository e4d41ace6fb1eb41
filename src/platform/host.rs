//! Talking to the page that frames Tend (a portal): a few milestone events
//! sent to one configured origin, never `*`, and a greeting answered only
//! when it comes from that exact origin.

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// The frame's parent, reachable only at the configured origin.
pub struct Host {
    parent: web_sys::Window,
    origin: String,
}

/// The link to the framing page, when Tend is framed and `origin` is set.
pub fn connect(origin: Option<&str>) -> Option<Host> {
    let origin = origin?;
    if !framed() {
        return None;
    }
    let parent = web_sys::window()?.parent().ok().flatten()?;
    Some(Host {
        parent,
        origin: origin.to_string(),
    })
}

/// Whether Tend is inside another page's frame.
pub fn framed() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    window
        .parent()
        .ok()
        .flatten()
        .is_some_and(|p| !Object::is(&p, &window))
}

/// Whether the framing page is from another origin (its address cannot be
/// read), which means the browser keeps Tend's storage apart for it.
pub fn framed_cross_origin() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    if !framed() {
        return false;
    }
    match window.top() {
        Ok(Some(top)) => top.location().href().is_err(),
        _ => true,
    }
}

impl Host {
    /// The one origin events go to.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// Sends `{type, kind?}` to the parent at the configured origin only.
    /// If the parent is at another origin the browser drops it.
    pub fn post(&self, event: &str, kind: Option<&str>) {
        let message = Object::new();
        // Setting plain properties on a fresh object cannot fail.
        let _ = Reflect::set(&message, &"type".into(), &event.into());
        if let Some(kind) = kind {
            let _ = Reflect::set(&message, &"kind".into(), &kind.into());
        }
        // A detached or closed parent throws; there is no one to tell.
        let _ = self.parent.post_message(&message, &self.origin);
    }

    /// Whether a message came from the configured origin and the parent.
    /// A plain comparison is exact: the configured origin is written as
    /// browsers write `event.origin` (lower case, no default port; see
    /// `tend_core::deploy::origin`).
    pub fn is_from_host(&self, event: &web_sys::MessageEvent) -> bool {
        event.origin() == self.origin
            && event
                .source()
                .is_some_and(|s| Object::is(&s, self.parent.unchecked_ref::<JsValue>()))
    }
}

/// The `type` of a message's data, if it is an object with a text type.
pub fn message_type(event: &web_sys::MessageEvent) -> Option<String> {
    let data = event.data();
    if !data.is_object() {
        return None;
    }
    Reflect::get(&data, &"type".into()).ok()?.as_string()
}
