//! The only place that calls the browser for side effects. Every function
//! here degrades quietly when the browser lacks what it needs: a missing
//! window or document is treated as "nothing to do", never a panic.

pub mod files;
pub mod storage;

use wasm_bindgen::JsCast;

/// Milliseconds since the Unix epoch, from the browser clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The current URL fragment (`#/learn`), or an empty string.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The browser's preferred languages, most preferred first.
pub fn browser_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let nav = window.navigator();
    let list: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        nav.language().into_iter().collect()
    } else {
        list
    }
}

fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// Sets (or with `None` removes) an attribute on the `<html>` element.
pub fn set_root_attribute(name: &str, value: Option<&str>) {
    if let Some(el) = root() {
        // A failure here only loses a cosmetic attribute; nothing to report.
        let _ = match value {
            Some(v) => el.set_attribute(name, v),
            None => el.remove_attribute(name),
        };
    }
}

/// Sets the document title.
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// Moves keyboard and screen-reader focus to the element matching
/// `selector`, so a new screen is announced from its heading.
pub fn focus(selector: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(Some(el)) = doc.query_selector(selector) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Scrolls the window back to the top, as a page load would.
pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}
