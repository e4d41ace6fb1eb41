//! Reads a file of the site itself (a content fragment, the deployment's
//! settings) over the network.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a file could not be read. Every case is shown the same way (a plain
/// message and a Retry button); the kinds keep the reason for tests and
/// debugging.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// No window to fetch from.
    NoWindow,
    /// The request did not complete: offline, blocked, or aborted.
    Network,
    /// The server answered with this HTTP status.
    Status(u16),
    /// The answer was not text.
    NotText,
}

/// The text of `path`, a URL relative to the page (so it works at the root,
/// under a sub-path, and wherever the browser allows it from a file).
pub async fn text(path: &str) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or(FetchError::NoWindow)?;
    let response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|_| FetchError::Network)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| FetchError::Network)?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let body = response.text().map_err(|_| FetchError::Network)?;
    let body = JsFuture::from(body)
        .await
        .map_err(|_| FetchError::Network)?;
    body.as_string().ok_or(FetchError::NotText)
}
