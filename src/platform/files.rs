//! Files in and out: saving text as a download, and reading a file the
//! person picked. Every browser failure becomes a [`FileError`].

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why a file could not be saved or read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// The browser would not save the download.
    SaveFailed(String),
    /// The browser would not read the file.
    ReadFailed(String),
}

/// Offers `text` to the person as a file called `file_name`.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), FileError> {
    let fail = |e: JsValue| FileError::SaveFailed(describe(&e));
    let window = web_sys::window().ok_or_else(|| FileError::SaveFailed("no window".into()))?;
    let document = window
        .document()
        .ok_or_else(|| FileError::SaveFailed("no document".into()))?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| FileError::SaveFailed("not an anchor".into()))?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document
        .body()
        .ok_or_else(|| FileError::SaveFailed("no body".into()))?;
    body.append_child(&anchor).map_err(fail)?;
    anchor.click();
    anchor.remove();
    // Revoking at once can cancel the download in some browsers; a minute
    // later it has certainly started.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    Ok(())
}

/// The file chosen in a file input, if any.
pub fn chosen_file(input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
    input.files()?.get(0)
}

/// The bytes of `file`.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, FileError> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| FileError::ReadFailed(describe(&e)))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn describe(error: &JsValue) -> String {
    if let Some(dom) = error.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", dom.name(), dom.message());
    }
    if let Some(err) = error.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    error.as_string().unwrap_or_else(|| "unknown error".into())
}
