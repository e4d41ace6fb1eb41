//! The only place that calls the browser for side effects. Every function
//! here degrades quietly when the browser lacks what it needs: a missing
//! window or document is treated as "nothing to do", never a panic.

pub mod compress;
pub mod crypto;
pub mod device;
pub mod fetch;
pub mod files;
pub mod host;
pub mod intl;
pub mod scorm;
pub mod storage;
pub mod sw;

use wasm_bindgen::JsCast;

/// Milliseconds since the Unix epoch, from the browser clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Waits `ms` milliseconds without blocking the page.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window().is_some_and(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                .is_ok()
        });
        if !scheduled {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The current URL fragment (`#/learn`), or an empty string.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page address's query string (`?embed=1`), or an empty string.
pub fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Sets a User Timing mark (`tend-start`, `tend-data-open`, `tend-ready`, and the unlock's
/// `tend-unlock-*`), which `make bench` reads to time the start and the
/// unlock.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Replaces the shell that `index.html` shows before the app starts
/// (`#tend-static`, written at build time from the same locale files and
/// classes) with the app's own, which is already in the page: both are in
/// place for the same frame, so nothing flashes or moves. Focus on a link
/// of the old shell moves to the same link of the new one.
pub fn take_over_static_shell() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(shell) = document.get_element_by_id("tend-static") else {
        return;
    };
    let focused = document
        .active_element()
        .filter(|e| shell.contains(Some(e)))
        .map(|e| {
            e.get_attribute("data-testid")
                .map(|id| format!("[data-testid=\"{id}\"]"))
                .or_else(|| {
                    e.get_attribute("href")
                        .filter(|h| h.starts_with('#'))
                        .map(|h| format!(".main-nav a[href=\"{h}\"], .skip-link[href=\"{h}\"]"))
                })
        });
    shell.remove();
    if let Ok(templates) = document.query_selector_all("template[id^=\"tend-shell-\"]") {
        for i in 0..templates.length() {
            if let Some(t) = templates
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                t.remove();
            }
        }
    }
    if let Some(Some(selector)) = focused {
        focus(&selector);
    }
}

/// Writes a warning to the browser console, for whoever sets Tend up.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

/// Sets (or with `None` removes) a CSS custom property on `<html>`,
/// through the CSS object model (which the page's CSP allows).
pub fn set_root_style(name: &str, value: Option<&str>) {
    let Some(el) = root().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    let style = el.style();
    // A refused property only loses a colour; nothing to report.
    let _ = match value {
        Some(v) => style.set_property(name, v),
        None => style.remove_property(name).map(|_| ()),
    };
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

/// Whether the page is on screen (not in a background tab or minimised).
pub fn page_visible() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| !d.hidden())
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

/// Moves focus like [`focus`], once the browser has applied the changes
/// just made (an element being un-hidden, say), so the target can take it.
pub fn focus_soon(selector: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let selector = selector.to_string();
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || focus(&selector));
    // If the timer cannot be set, focus stays where it was: no harm done.
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
}

/// Scrolls the window back to the top, as a page load would.
pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// A new id for an entry, from the clock and the browser's randomness (the
/// shape is `tend_core::store::ids::entry_id`'s).
pub fn new_id(prefix: &str) -> String {
    use tend_core::store::ids::{entry_id, RANDOM_RANGE};
    let random = (js_sys::Math::random() * RANDOM_RANGE as f64) as u64;
    entry_id(prefix, now_ms(), random)
}

/// A date as the person's language writes it ("26 November 2026"), from
/// milliseconds since the epoch.
pub fn format_date(ms: i64, language: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let options = js_sys::Object::new();
    for (key, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
        // Setting a plain property on a fresh object cannot fail.
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_date_string(language, &options).into()
}

/// A month as the person's language writes it ("March 2026"), from the
/// year and the month (1–12).
pub fn format_month(year: i64, month: u32, language: &str) -> String {
    // The middle of the month, in UTC, named in UTC: no time zone can
    // move it into the month before or after.
    let ms = js_sys::Date::utc(year as f64, f64::from(month.saturating_sub(1)));
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms + 14.0 * 86_400_000.0));
    let options = js_sys::Object::new();
    for (key, value) in [("month", "long"), ("year", "numeric"), ("timeZone", "UTC")] {
        // Setting a plain property on a fresh object cannot fail.
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_date_string(language, &options).into()
}

/// Puts `text` on the clipboard; false when the browser would not (no
/// clipboard in this context, or permission refused).
pub async fn copy_text(text: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok();
    let Some(clipboard) = clipboard.filter(|c| c.is_object()) else {
        return false;
    };
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(write) = write else {
        return false;
    };
    let Ok(promise) = write.call1(&clipboard, &text.into()) else {
        return false;
    };
    match promise.dyn_into::<js_sys::Promise>() {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
        Err(_) => false,
    }
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        // Printing is blocked in some sandboxed frames; nothing to report.
        let _ = w.print();
    }
}

/// Sends the browser to a route's address.
pub fn navigate(href: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(href.trim_start_matches('#'));
    }
}

/// Minutes the person's clock is ahead of UTC (negative to the west).
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// Today on the person's own calendar.
pub fn today() -> tend_core::domain::plan::Date {
    tend_core::domain::plan::Date::at(now_ms(), utc_offset_minutes())
}
