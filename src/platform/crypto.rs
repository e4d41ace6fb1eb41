//! The passphrase lock's crypto, all of it the browser's own WebCrypto
//! (`crypto.subtle`): nothing here computes a cipher or a hash itself.
//!
//! - The passphrase becomes a key with PBKDF2-SHA256 (its iterations and
//!   salt from the lock record's [`Kdf`]); that key is not extractable and
//!   can only wrap and unwrap.
//! - The data key is a random AES-256-GCM key, wrapped (AES-GCM, fresh IV)
//!   by the passphrase's key into the lock record. Changing the passphrase
//!   re-wraps the same data key, so nothing sealed has to be re-encrypted.
//! - Every value is sealed with the data key under a fresh IV, with the
//!   schema it is written in as authenticated data ([`sealed_aad`]).
//!
//! The stored forms are `tend_core::store::lock`'s. Every browser failure
//! becomes a [`CryptoError`] value; nothing here panics. The functions work
//! in a window and in a worker alike (they find `crypto` on the global).

use super::compress;
use js_sys::{Array, JsString, Reflect, Uint8Array};
use tend_core::store::lock::{
    sealed_aad, Kdf, LockRecord, Sealed, Shown, WrappedKey, COMPRESSION, IV_BYTES, SALT_BYTES,
    SEALED_FORMAT,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AesDerivedKeyParams, AesGcmParams, AesKeyGenParams, CryptoKey, Pbkdf2Params, SubtleCrypto,
};

/// The WebCrypto name of the cipher used for the data key and for wrapping.
const AES_GCM: &str = "AES-GCM";
/// Bits of every AES key here.
const AES_BITS: u16 = 256;
/// The most bytes `crypto.getRandomValues` fills in one call.
const RANDOM_CHUNK: usize = 65_536;
/// The name of the `DOMException` WebCrypto rejects with when an AES-GCM
/// tag does not match (a wrong key, or changed bytes).
const OPERATION_ERROR: &str = "OperationError";

/// Why a crypto step could not be done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CryptoError {
    /// The browser offers no `crypto.subtle`: an insecure context (a page
    /// over plain http from another machine) or a very old browser.
    Unavailable,
    /// The passphrase does not unwrap the data key (or the wrapped key was
    /// changed: AES-GCM cannot tell the two apart).
    WrongPassphrase,
    /// A sealed value does not decrypt under the data key: its bytes, IV or
    /// schema were changed, it was sealed with another key, or it is not
    /// text. Also a lock record's derivation or wrapped key out of bounds.
    Damaged,
    /// Anything else the browser refused, described for logs and tests.
    Failed(String),
}

/// The key every value is sealed with: AES-256-GCM, for encrypting and
/// decrypting, extractable only so that it can be wrapped again under a new
/// passphrase. Cloning shares the same browser key.
#[derive(Clone)]
pub struct DataKey {
    key: CryptoKey,
}

/// The key derived from the passphrase: AES-256-GCM, not extractable, only
/// for wrapping and unwrapping the data key.
pub struct PassphraseKey {
    key: CryptoKey,
}

impl std::fmt::Debug for DataKey {
    /// Says what the key is, never its bytes (which stay in the browser).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(AES-256-GCM)")
    }
}

impl std::fmt::Debug for PassphraseKey {
    /// Says what the key is, never its bytes (which stay in the browser).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PassphraseKey(AES-256-GCM, wrap only)")
    }
}

/// `len` bytes from the browser's cryptographic random source
/// (`crypto.getRandomValues`).
pub fn random_bytes(len: usize) -> Result<Vec<u8>, CryptoError> {
    let crypto = crypto()?;
    let mut bytes = Vec::with_capacity(len);
    while bytes.len() < len {
        let chunk = (len - bytes.len()).min(RANDOM_CHUNK);
        // A chunk is at most RANDOM_CHUNK bytes, so it fits a u32.
        let array = Uint8Array::new_with_length(chunk as u32);
        crypto
            .get_random_values_with_js_u8_array(&array)
            .map_err(failed)?;
        bytes.extend(array.to_vec());
    }
    Ok(bytes)
}

/// The key derived from `passphrase` as `kdf` says (PBKDF2-SHA256). The
/// passphrase is normalised to NFC first, so the same words typed on
/// keyboards that compose accents differently give the same key.
///
/// A derivation out of bounds (fewer iterations than a new lock uses, a
/// salt of the wrong length) is refused as [`CryptoError::Damaged`] before
/// any work is done.
pub async fn derive_passphrase_key(
    passphrase: &str,
    kdf: &Kdf,
) -> Result<PassphraseKey, CryptoError> {
    kdf.check().map_err(|_| CryptoError::Damaged)?;
    let subtle = subtle()?;
    let normalised = String::from(JsString::from(passphrase).normalize("NFC"));
    let raw = Uint8Array::from(normalised.as_bytes());
    let imported =
        subtle.import_key_with_str("raw", &raw, "PBKDF2", false, &usages(&["deriveKey"]));
    // importKey has copied the bytes by the time it returns its promise;
    // the browser's copy of the passphrase need not linger.
    raw.fill(0, 0, raw.length());
    let base = as_key(resolve(imported).await.map_err(failed)?)?;
    let salt = Uint8Array::from(kdf.salt_bytes().as_slice());
    let params = Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", kdf.iterations, &salt);
    let derived = AesDerivedKeyParams::new(AES_GCM, u32::from(AES_BITS));
    let promise = subtle.derive_key_with_object_and_object(
        &params,
        &base,
        &derived,
        false,
        &usages(&["wrapKey", "unwrapKey"]),
    );
    Ok(PassphraseKey {
        key: as_key(resolve(promise).await.map_err(failed)?)?,
    })
}

/// A new random data key (AES-256-GCM).
pub async fn new_data_key() -> Result<DataKey, CryptoError> {
    let subtle = subtle()?;
    let params = AesKeyGenParams::new(AES_GCM, AES_BITS);
    let promise = subtle.generate_key_with_object(&params, true, &usages(&["encrypt", "decrypt"]));
    Ok(DataKey {
        key: as_key(resolve(promise).await.map_err(failed)?)?,
    })
}

/// The data key wrapped by the passphrase's key, under a fresh IV.
pub async fn wrap_data_key(pk: &PassphraseKey, key: &DataKey) -> Result<WrappedKey, CryptoError> {
    let subtle = subtle()?;
    let iv = random_bytes(IV_BYTES)?;
    let params = gcm_params(&iv, None);
    let promise = subtle.wrap_key_with_object("raw", &key.key, &pk.key, &params);
    let wrapped = as_bytes(resolve(promise).await.map_err(failed)?)?;
    Ok(WrappedKey::new(&iv, &wrapped))
}

/// The data key, unwrapped by the passphrase's key. Any failure of the
/// AES-GCM check is [`CryptoError::WrongPassphrase`]; a wrapped key whose
/// IV or length is wrong is [`CryptoError::Damaged`].
pub async fn unwrap_data_key(
    pk: &PassphraseKey,
    wrapped: &WrappedKey,
) -> Result<DataKey, CryptoError> {
    wrapped.check().map_err(|_| CryptoError::Damaged)?;
    let subtle = subtle()?;
    let params = gcm_params(&wrapped.iv_bytes(), None);
    let data = Uint8Array::from(wrapped.wrapped_bytes().as_slice());
    let promise = subtle.unwrap_key_with_js_u8_array_and_object_and_str(
        "raw",
        &data,
        &pk.key,
        &params,
        AES_GCM,
        true,
        &usages(&["encrypt", "decrypt"]),
    );
    let key = resolve(promise)
        .await
        .map_err(|e| authentication(e, CryptoError::WrongPassphrase))?;
    Ok(DataKey { key: as_key(key)? })
}

/// `plaintext` sealed with the data key under a fresh IV, bound to
/// `schema` (the schema of the envelope inside).
///
/// The text is compressed first (raw DEFLATE, by the browser's
/// `CompressionStream`) where the browser can, and the sealed value says
/// so; the compression is bound to it as authenticated data too.
pub async fn seal(key: &DataKey, schema: u32, plaintext: &str) -> Result<Sealed, CryptoError> {
    let subtle = subtle()?;
    let iv = random_bytes(IV_BYTES)?;
    let (zip, bytes) = if compress::available() {
        let packed = compress::deflate(plaintext.as_bytes())
            .await
            .map_err(|e| CryptoError::Failed(e.0))?;
        (Some(COMPRESSION), packed)
    } else {
        (None, plaintext.as_bytes().to_vec())
    };
    let params = gcm_params(&iv, Some(&sealed_aad(schema, zip)));
    let data = Uint8Array::from(bytes.as_slice());
    let promise = subtle.encrypt_with_object_and_js_u8_array(&params, &key.key, &data);
    let ciphertext = as_bytes(resolve(promise).await.map_err(failed)?)?;
    Ok(Sealed::new(schema, zip, &iv, &ciphertext))
}

/// The text inside a sealed value. A value that fails the AES-GCM check
/// (changed bytes, IV or schema; another key), is out of bounds, or does
/// not hold UTF-8 text is [`CryptoError::Damaged`].
pub async fn open(key: &DataKey, sealed: &Sealed) -> Result<String, CryptoError> {
    if sealed.format != SEALED_FORMAT || sealed.check().is_err() {
        return Err(CryptoError::Damaged);
    }
    let subtle = subtle()?;
    let params = gcm_params(&sealed.iv_bytes(), Some(&sealed.aad()));
    let data = Uint8Array::from(sealed.data_bytes().as_slice());
    let promise = subtle.decrypt_with_object_and_js_u8_array(&params, &key.key, &data);
    let plaintext = resolve(promise)
        .await
        .map_err(|e| authentication(e, CryptoError::Damaged))?;
    let mut plaintext = as_bytes(plaintext)?;
    if sealed.zip.is_some() {
        plaintext = compress::inflate(&plaintext)
            .await
            .map_err(|_| CryptoError::Damaged)?;
    }
    String::from_utf8(plaintext).map_err(|_| CryptoError::Damaged)
}

/// A new lock: a random salt, a new data key wrapped under `passphrase`,
/// and the record to store (with the default idle time). Returns the data
/// key too, to seal the person's data with at once.
pub async fn create_lock(
    passphrase: &str,
    shown: Shown,
) -> Result<(LockRecord, DataKey), CryptoError> {
    let kdf = Kdf::new(&random_bytes(SALT_BYTES)?);
    let pk = derive_passphrase_key(passphrase, &kdf).await?;
    let key = new_data_key().await?;
    let wrapped = wrap_data_key(&pk, &key).await?;
    Ok((LockRecord::new(kdf, wrapped, shown), key))
}

/// The data key of a lock, from its derivation, its wrapped key and the
/// passphrase: [`CryptoError::WrongPassphrase`] when the passphrase is not
/// the lock's, [`CryptoError::Damaged`] (at once, without deriving) when
/// the derivation or the wrapped key is out of bounds.
pub async fn unlock(
    kdf: &Kdf,
    wrapped: &WrappedKey,
    passphrase: &str,
) -> Result<DataKey, CryptoError> {
    // Refused before the costly derivation when it cannot succeed.
    wrapped.check().map_err(|_| CryptoError::Damaged)?;
    let pk = derive_passphrase_key(passphrase, kdf).await?;
    unwrap_data_key(&pk, wrapped).await
}

/// The lock record for a new passphrase: a new salt, the same data key
/// wrapped under the new passphrase's key, the record's idle time and what
/// its unlock screen shows kept. Everything sealed stays readable.
pub async fn rewrap(
    record: &LockRecord,
    key: &DataKey,
    new_passphrase: &str,
) -> Result<LockRecord, CryptoError> {
    let kdf = Kdf::new(&random_bytes(SALT_BYTES)?);
    let pk = derive_passphrase_key(new_passphrase, &kdf).await?;
    let wrapped = wrap_data_key(&pk, key).await?;
    let mut next = LockRecord::new(kdf, wrapped, record.shown.clone());
    next.idle_minutes = record.idle_minutes;
    Ok(next)
}

/// `crypto` on the global object (a window or a worker).
fn crypto() -> Result<web_sys::Crypto, CryptoError> {
    let crypto = Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))
        .map_err(|_| CryptoError::Unavailable)?;
    if crypto.is_undefined() || crypto.is_null() {
        return Err(CryptoError::Unavailable);
    }
    crypto.dyn_into().map_err(|_| CryptoError::Unavailable)
}

/// `crypto.subtle`, which browsers leave undefined outside secure contexts.
fn subtle() -> Result<SubtleCrypto, CryptoError> {
    let crypto: JsValue = crypto()?.into();
    let subtle = Reflect::get(&crypto, &JsValue::from_str("subtle"))
        .map_err(|_| CryptoError::Unavailable)?;
    if subtle.is_undefined() || subtle.is_null() {
        return Err(CryptoError::Unavailable);
    }
    subtle.dyn_into().map_err(|_| CryptoError::Unavailable)
}

/// A list of key usages, as WebCrypto takes them.
fn usages(names: &[&str]) -> JsValue {
    names
        .iter()
        .map(|name| JsValue::from_str(name))
        .collect::<Array>()
        .into()
}

/// AES-GCM parameters: the IV and, when given, the authenticated data.
fn gcm_params(iv: &[u8], additional_data: Option<&[u8]>) -> AesGcmParams {
    let params = AesGcmParams::new_with_u8_array(AES_GCM, &Uint8Array::from(iv));
    if let Some(aad) = additional_data {
        params.set_additional_data_u8_array(&Uint8Array::from(aad));
    }
    params
}

/// What a WebCrypto call resolves to, or the value it threw or rejected
/// with.
async fn resolve(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

/// The key a WebCrypto call resolved to.
fn as_key(value: JsValue) -> Result<CryptoKey, CryptoError> {
    value
        .dyn_into()
        .map_err(|_| CryptoError::Failed("not a CryptoKey".into()))
}

/// The bytes a WebCrypto call resolved to (an ArrayBuffer).
fn as_bytes(value: JsValue) -> Result<Vec<u8>, CryptoError> {
    let buffer: js_sys::ArrayBuffer = value
        .dyn_into()
        .map_err(|_| CryptoError::Failed("not an ArrayBuffer".into()))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// A failed decryption or unwrap, sorted: the AES-GCM check failing (an
/// `OperationError`) becomes `when_unauthentic`; anything else is
/// [`CryptoError::Failed`].
fn authentication(error: JsValue, when_unauthentic: CryptoError) -> CryptoError {
    let unauthentic = error
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|dom| dom.name() == OPERATION_ERROR);
    if unauthentic {
        when_unauthentic
    } else {
        failed(error)
    }
}

/// A thrown value as [`CryptoError::Failed`], described (a `DOMException`
/// as `Name: message`).
fn failed(error: JsValue) -> CryptoError {
    if let Some(dom) = error.dyn_ref::<web_sys::DomException>() {
        return CryptoError::Failed(format!("{}: {}", dom.name(), dom.message()));
    }
    if let Some(err) = error.dyn_ref::<js_sys::Error>() {
        return CryptoError::Failed(String::from(err.message()));
    }
    CryptoError::Failed(error.as_string().unwrap_or_else(|| "unknown error".into()))
}
