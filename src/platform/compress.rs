//! Compression by the browser's own `CompressionStream` (raw DEFLATE), for
//! the passphrase lock: the person's data is compressed before it is
//! sealed, so the encrypted store is several times smaller than the plain
//! one rather than a third larger (base64). Nothing here compresses by
//! hand. Where the browser has no `CompressionStream`, [`available`] says
//! so and values are sealed uncompressed.

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The format, as the browser and the sealed value name it.
pub const FORMAT: &str = "deflate-raw";

/// Why the browser could not compress or decompress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompressError(pub String);

/// Whether this browser offers `CompressionStream` and
/// `DecompressionStream`.
pub fn available() -> bool {
    let global = js_sys::global();
    ["CompressionStream", "DecompressionStream"]
        .iter()
        .all(|name| Reflect::get(&global, &JsValue::from_str(name)).is_ok_and(|v| v.is_function()))
}

/// `bytes` compressed with raw DEFLATE.
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, CompressError> {
    through("CompressionStream", bytes).await
}

/// `bytes` decompressed from raw DEFLATE; damaged input is an error.
pub async fn inflate(bytes: &[u8]) -> Result<Vec<u8>, CompressError> {
    through("DecompressionStream", bytes).await
}

/// Pipes `bytes` through a new `constructor(FORMAT)` transform stream and
/// reads all of its output (a `Response` collects a stream's bytes).
async fn through(constructor: &str, bytes: &[u8]) -> Result<Vec<u8>, CompressError> {
    let make = Reflect::get(&js_sys::global(), &JsValue::from_str(constructor))
        .map_err(describe)?
        .dyn_into::<js_sys::Function>()
        .map_err(describe)?;
    let transform =
        Reflect::construct(&make, &Array::of1(&JsValue::from_str(FORMAT))).map_err(describe)?;
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(describe)?;
    // A transform stream has `readable` and `writable`: it is the pair.
    let piped = blob
        .stream()
        .pipe_through(transform.unchecked_ref::<web_sys::ReadableWritablePair>());
    let response =
        web_sys::Response::new_with_opt_readable_stream(Some(&piped)).map_err(describe)?;
    let buffer = JsFuture::from(response.array_buffer().map_err(describe)?)
        .await
        .map_err(describe)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

fn describe(error: JsValue) -> CompressError {
    CompressError(
        error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| error.as_string())
            .unwrap_or_else(|| "the browser refused".into()),
    )
}
