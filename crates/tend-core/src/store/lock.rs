//! The passphrase lock's stored forms, pure: what is kept in the open
//! (the lock record) and how an encrypted value is written. The crypto
//! itself is the browser's (WebCrypto, in `platform::crypto`); this module
//! only says what the bytes around it look like and checks them.
//!
//! With the lock on, Tend's keys hold:
//!
//! - `{prefix}lock`: the [`LockRecord`], plain JSON: that a lock exists,
//!   how the key is derived from the passphrase (PBKDF2-SHA256, its
//!   iterations and salt), the data key wrapped by the passphrase's key,
//!   and what the unlock screen needs before anything is decrypted (the
//!   language, the theme, the idle time);
//! - the data key and every set-aside copy: a [`Sealed`] value, the plain
//!   envelope text encrypted with AES-256-GCM under a fresh IV. The
//!   envelope's checksum is inside the encrypted text, and the schema is
//!   bound to it as authenticated data, so neither can be changed unseen.
//!
//! An export file made with the lock on may be a [`SealedExport`]: the
//! same wrapped key and a sealed envelope, so the same passphrase opens it
//! on another device.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use serde::{Deserialize, Serialize};

/// The `format` of a lock record.
pub const LOCK_FORMAT: &str = "tend-lock";
/// The `format` of an encrypted value.
pub const SEALED_FORMAT: &str = "tend-sealed";
/// The `format` of an encrypted export file.
pub const SEALED_EXPORT_FORMAT: &str = "tend-sealed-export";
/// The compression a sealed value's text may have had before it was
/// encrypted: raw DEFLATE, as the browser's `CompressionStream` names it.
pub const COMPRESSION: &str = "deflate-raw";
/// The version of the lock's forms this build writes and reads.
pub const LOCK_VERSION: u32 = 1;
/// The key derivation, named as stored.
pub const KDF_NAME: &str = "PBKDF2-SHA256";
/// PBKDF2-SHA256 iterations for a new lock: OWASP's current figure.
pub const ITERATIONS: u32 = 600_000;
/// The fewest iterations a record may ask for; fewer is refused as damaged
/// or hostile (a file could otherwise make a passphrase cheap to guess).
pub const MIN_ITERATIONS: u32 = ITERATIONS;
/// The most iterations a record may ask for, so a hostile file cannot make
/// unlocking take hours.
pub const MAX_ITERATIONS: u32 = 10_000_000;
/// Bytes of salt.
pub const SALT_BYTES: usize = 16;
/// Bytes of an AES-GCM IV (96 bits).
pub const IV_BYTES: usize = 12;
/// Bytes of the AES-256 data key.
pub const KEY_BYTES: usize = 32;
/// Bytes of an AES-GCM tag.
pub const TAG_BYTES: usize = 16;
/// The fewest characters a passphrase may have.
pub const MIN_PASSPHRASE_CHARS: usize = 8;
/// Idle minutes after which Tend locks, unless the person chose otherwise.
pub const DEFAULT_IDLE_MINUTES: u32 = 15;
/// The idle times a person may choose, in minutes.
pub const IDLE_CHOICES: [u32; 5] = [1, 5, 15, 30, 60];

/// How the passphrase becomes a key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kdf {
    /// Always [`KDF_NAME`].
    pub name: String,
    /// PBKDF2 iterations.
    pub iterations: u32,
    /// The salt, base64.
    pub salt: String,
}

/// The data key, encrypted (AES-GCM) with the key derived from the
/// passphrase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WrappedKey {
    /// The IV it was wrapped under, base64.
    pub iv: String,
    /// The wrapped key and its tag, base64.
    pub wrapped: String,
}

/// What the unlock screen shows before anything is decrypted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shown {
    /// The language code chosen, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// `light`, `dark` or absent (follow the system).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
}

/// The record that says a lock exists, stored in the open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockRecord {
    /// Always [`LOCK_FORMAT`].
    pub format: String,
    /// The version of the lock's forms.
    pub version: u32,
    /// How the passphrase becomes a key.
    pub kdf: Kdf,
    /// The data key, wrapped.
    pub key: WrappedKey,
    /// Minutes without use before Tend locks itself.
    pub idle_minutes: u32,
    /// What the unlock screen shows.
    #[serde(default)]
    pub shown: Shown,
}

/// An encrypted value: a plain envelope's text, sealed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sealed {
    /// Always [`SEALED_FORMAT`].
    pub format: String,
    /// The schema of the envelope inside, in the open so that data from a
    /// newer Tend is recognised (and left alone) without decrypting it.
    pub schema: u32,
    /// The IV, base64.
    pub iv: String,
    /// The ciphertext and its tag, base64.
    pub data: String,
    /// How the text was compressed before it was encrypted
    /// ([`COMPRESSION`]); absent when it was not (a browser without
    /// compression streams).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
}

/// An encrypted export file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SealedExport {
    /// Always [`SEALED_EXPORT_FORMAT`].
    pub format: String,
    /// The version of the lock's forms.
    pub version: u32,
    /// How the passphrase becomes a key.
    pub kdf: Kdf,
    /// The data key, wrapped.
    pub key: WrappedKey,
    /// The envelope, sealed with the data key.
    pub sealed: Sealed,
}

/// Why a lock record, a sealed value or a sealed export cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LockFormatError {
    /// Not JSON, or not this form at all.
    NotThisForm,
    /// Written by a newer Tend.
    Newer,
    /// The form is right but a value is out of bounds: iterations, salt,
    /// IV or key lengths, base64.
    Damaged,
}

/// The bytes of base64 text, if it is base64.
pub fn from_base64(text: &str) -> Option<Vec<u8>> {
    BASE64.decode(text).ok()
}

/// Bytes as base64 text.
pub fn to_base64(bytes: &[u8]) -> String {
    BASE64.encode(bytes)
}

fn has_len(text: &str, len: usize) -> bool {
    from_base64(text).is_some_and(|b| b.len() == len)
}

impl Kdf {
    /// A new derivation with `salt`.
    pub fn new(salt: &[u8]) -> Self {
        Kdf {
            name: KDF_NAME.to_string(),
            iterations: ITERATIONS,
            salt: to_base64(salt),
        }
    }

    /// The salt's bytes (checked when the record was read).
    pub fn salt_bytes(&self) -> Vec<u8> {
        from_base64(&self.salt).unwrap_or_default()
    }

    /// Checks what [`LockRecord::parse`] checks of a derivation: its
    /// name, that its iterations are within bounds and its salt's length,
    /// so one that did not come through a parse can be checked before use.
    pub fn check(&self) -> Result<(), LockFormatError> {
        let sound = self.name == KDF_NAME
            && (MIN_ITERATIONS..=MAX_ITERATIONS).contains(&self.iterations)
            && has_len(&self.salt, SALT_BYTES);
        sound.then_some(()).ok_or(LockFormatError::Damaged)
    }
}

impl WrappedKey {
    /// A wrapped key from its IV and bytes.
    pub fn new(iv: &[u8], wrapped: &[u8]) -> Self {
        WrappedKey {
            iv: to_base64(iv),
            wrapped: to_base64(wrapped),
        }
    }

    /// The IV's bytes.
    pub fn iv_bytes(&self) -> Vec<u8> {
        from_base64(&self.iv).unwrap_or_default()
    }

    /// The wrapped key's bytes.
    pub fn wrapped_bytes(&self) -> Vec<u8> {
        from_base64(&self.wrapped).unwrap_or_default()
    }

    /// Checks what [`LockRecord::parse`] checks of a wrapped key: the
    /// lengths of its IV and of the wrapped key with its tag.
    pub fn check(&self) -> Result<(), LockFormatError> {
        let sound = has_len(&self.iv, IV_BYTES) && has_len(&self.wrapped, KEY_BYTES + TAG_BYTES);
        sound.then_some(()).ok_or(LockFormatError::Damaged)
    }
}

/// Reads JSON text as `T` after checking its `format` and `version`
/// fields, so a newer form is told apart from a damaged one.
fn read_form<T: for<'de> Deserialize<'de>>(
    text: &str,
    format: &str,
    versioned: bool,
) -> Result<T, LockFormatError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|_| LockFormatError::NotThisForm)?;
    if value.get("format").and_then(serde_json::Value::as_str) != Some(format) {
        return Err(LockFormatError::NotThisForm);
    }
    if versioned {
        let version = value.get("version").and_then(serde_json::Value::as_u64);
        match version {
            Some(v) if v > u64::from(LOCK_VERSION) => return Err(LockFormatError::Newer),
            Some(_) => {}
            None => return Err(LockFormatError::Damaged),
        }
    }
    serde_json::from_value(value).map_err(|_| LockFormatError::Damaged)
}

fn write_form<T: Serialize>(form: &T) -> String {
    // Tend's own plain structs of strings and numbers always serialise.
    serde_json::to_string(form).unwrap_or_default()
}

impl LockRecord {
    /// A new record for a data key wrapped under `kdf`.
    pub fn new(kdf: Kdf, key: WrappedKey, shown: Shown) -> Self {
        LockRecord {
            format: LOCK_FORMAT.to_string(),
            version: LOCK_VERSION,
            kdf,
            key,
            idle_minutes: DEFAULT_IDLE_MINUTES,
            shown,
        }
    }

    /// Reads and checks a stored record.
    pub fn parse(text: &str) -> Result<Self, LockFormatError> {
        let record: LockRecord = read_form(text, LOCK_FORMAT, true)?;
        record.kdf.check()?;
        record.key.check()?;
        if !IDLE_CHOICES.contains(&record.idle_minutes) {
            return Err(LockFormatError::Damaged);
        }
        Ok(record)
    }

    /// The record as stored.
    pub fn to_text(&self) -> String {
        write_form(self)
    }
}

/// The authenticated data a sealed value of `schema`, compressed with
/// `zip`, is encrypted with: changing the schema or the compression in the
/// open makes the value fail to decrypt.
pub fn sealed_aad(schema: u32, zip: Option<&str>) -> Vec<u8> {
    match zip {
        Some(zip) => format!("{SEALED_FORMAT}/{schema}/{zip}").into_bytes(),
        None => format!("{SEALED_FORMAT}/{schema}").into_bytes(),
    }
}

impl Sealed {
    /// A sealed value from its parts.
    pub fn new(schema: u32, zip: Option<&str>, iv: &[u8], ciphertext: &[u8]) -> Self {
        Sealed {
            format: SEALED_FORMAT.to_string(),
            schema,
            iv: to_base64(iv),
            data: to_base64(ciphertext),
            zip: zip.map(str::to_string),
        }
    }

    /// Reads and checks a sealed value. Its schema may be newer than this
    /// build's: the caller decides what to do with that.
    pub fn parse(text: &str) -> Result<Self, LockFormatError> {
        let sealed: Sealed = read_form(text, SEALED_FORMAT, false)?;
        sealed.check()?;
        Ok(sealed)
    }

    /// Checks what [`Sealed::parse`] checks of a sealed value's parts: the
    /// IV's length and that the ciphertext is at least a tag long.
    pub fn check(&self) -> Result<(), LockFormatError> {
        let sound = has_len(&self.iv, IV_BYTES)
            && from_base64(&self.data).is_some_and(|b| b.len() >= TAG_BYTES)
            && self.zip.as_deref().is_none_or(|z| z == COMPRESSION);
        sound.then_some(()).ok_or(LockFormatError::Damaged)
    }

    /// The IV's bytes.
    pub fn iv_bytes(&self) -> Vec<u8> {
        from_base64(&self.iv).unwrap_or_default()
    }

    /// The ciphertext's bytes.
    pub fn data_bytes(&self) -> Vec<u8> {
        from_base64(&self.data).unwrap_or_default()
    }

    /// The authenticated data this value was sealed with.
    pub fn aad(&self) -> Vec<u8> {
        sealed_aad(self.schema, self.zip.as_deref())
    }

    /// The value as stored.
    pub fn to_text(&self) -> String {
        write_form(self)
    }
}

/// Whether stored text is a sealed value (cheap: it looks at the start).
pub fn is_sealed(text: &str) -> bool {
    text.trim_start()
        .strip_prefix('{')
        .map(str::trim_start)
        .and_then(|rest| rest.strip_prefix("\"format\""))
        .map(|rest| rest.trim_start().trim_start_matches(':').trim_start())
        .is_some_and(|rest| rest.starts_with(&format!("\"{SEALED_FORMAT}\"")))
}

impl SealedExport {
    /// An export file around `sealed`, openable with the passphrase of
    /// `record`.
    pub fn new(record: &LockRecord, sealed: Sealed) -> Self {
        SealedExport {
            format: SEALED_EXPORT_FORMAT.to_string(),
            version: LOCK_VERSION,
            kdf: record.kdf.clone(),
            key: record.key.clone(),
            sealed,
        }
    }

    /// Reads and checks an export file.
    pub fn parse(text: &str) -> Result<Self, LockFormatError> {
        let file: SealedExport = read_form(text, SEALED_EXPORT_FORMAT, true)?;
        file.kdf.check()?;
        file.key.check()?;
        file.sealed.check()?;
        if file.sealed.format != SEALED_FORMAT {
            return Err(LockFormatError::Damaged);
        }
        Ok(file)
    }

    /// The file's text, indented so a person who opens it sees its shape.
    pub fn to_text(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Why a passphrase cannot be used for a new lock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PassphraseProblem {
    /// Fewer than [`MIN_PASSPHRASE_CHARS`] characters.
    TooShort,
    /// The two entries differ.
    Mismatch,
}

/// Checks a new passphrase and its repetition.
pub fn check_new_passphrase(first: &str, again: &str) -> Result<(), PassphraseProblem> {
    if first.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(PassphraseProblem::TooShort);
    }
    if first != again {
        return Err(PassphraseProblem::Mismatch);
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn record() -> LockRecord {
        LockRecord::new(
            Kdf::new(&[7; SALT_BYTES]),
            WrappedKey::new(&[1; IV_BYTES], &[2; KEY_BYTES + TAG_BYTES]),
            Shown {
                language: Some("es".into()),
                theme: Some("dark".into()),
            },
        )
    }

    #[test]
    fn a_record_round_trips_and_keeps_what_the_unlock_screen_needs() {
        let r = record();
        let parsed = LockRecord::parse(&r.to_text()).expect("reads");
        assert_eq!(parsed, r);
        assert_eq!(parsed.kdf.iterations, 600_000);
        assert_eq!(parsed.kdf.salt_bytes(), vec![7; SALT_BYTES]);
        assert_eq!(parsed.idle_minutes, DEFAULT_IDLE_MINUTES);
        assert_eq!(parsed.shown.language.as_deref(), Some("es"));
    }

    #[test]
    fn weak_or_damaged_records_are_refused() {
        let mut few = record();
        few.kdf.iterations = 1_000;
        assert_eq!(
            LockRecord::parse(&few.to_text()),
            Err(LockFormatError::Damaged)
        );
        let mut short_salt = record();
        short_salt.kdf.salt = to_base64(&[1; 8]);
        assert_eq!(
            LockRecord::parse(&short_salt.to_text()),
            Err(LockFormatError::Damaged)
        );
        let mut not_b64 = record();
        not_b64.key.wrapped = "***".into();
        assert_eq!(
            LockRecord::parse(&not_b64.to_text()),
            Err(LockFormatError::Damaged)
        );
        let mut odd_idle = record();
        odd_idle.idle_minutes = 7;
        assert_eq!(
            LockRecord::parse(&odd_idle.to_text()),
            Err(LockFormatError::Damaged)
        );
        let mut newer = record();
        newer.version = LOCK_VERSION + 1;
        assert_eq!(
            LockRecord::parse(&newer.to_text()),
            Err(LockFormatError::Newer)
        );
        assert_eq!(
            LockRecord::parse("{\"format\":\"tend\"}"),
            Err(LockFormatError::NotThisForm)
        );
        assert_eq!(LockRecord::parse("nope"), Err(LockFormatError::NotThisForm));
    }

    #[test]
    fn sealed_values_are_recognised_and_bind_their_schema() {
        let sealed = Sealed::new(3, Some(COMPRESSION), &[9; IV_BYTES], &[4; 40]);
        let text = sealed.to_text();
        assert!(is_sealed(&text));
        assert!(is_sealed(" { \"format\" : \"tend-sealed\", \"schema\":1}"));
        assert!(!is_sealed("{\"format\":\"tend\",\"schema\":3}"));
        assert!(!is_sealed(
            "{\"schema\":3,\"format\":\"tend-sealed-export\"}"
        ));
        let parsed = Sealed::parse(&text).expect("reads");
        assert_eq!(parsed.data_bytes(), vec![4; 40]);
        assert_eq!(parsed.aad(), b"tend-sealed/3/deflate-raw".to_vec());
        assert_ne!(sealed_aad(3, None), sealed_aad(4, None));
        assert_ne!(sealed_aad(3, None), sealed_aad(3, Some(COMPRESSION)));
        let mut odd_zip = parsed.clone();
        odd_zip.zip = Some("gzip".into());
        assert_eq!(
            Sealed::parse(&odd_zip.to_text()),
            Err(LockFormatError::Damaged)
        );
        let short = Sealed::new(3, None, &[9; IV_BYTES], &[4; 5]);
        assert_eq!(
            Sealed::parse(&short.to_text()),
            Err(LockFormatError::Damaged)
        );
    }

    #[test]
    fn an_export_carries_the_wrapped_key_and_the_sealed_envelope() {
        let r = record();
        let file = SealedExport::new(
            &r,
            Sealed::new(3, Some(COMPRESSION), &[9; IV_BYTES], &[4; 40]),
        );
        let parsed = SealedExport::parse(&file.to_text()).expect("reads");
        assert_eq!(parsed.kdf, r.kdf);
        assert_eq!(parsed.key, r.key);
        assert_eq!(
            SealedExport::parse(&r.to_text()),
            Err(LockFormatError::NotThisForm)
        );
    }

    #[test]
    fn new_passphrases_are_checked() {
        assert_eq!(
            check_new_passphrase("short", "short"),
            Err(PassphraseProblem::TooShort)
        );
        assert_eq!(
            check_new_passphrase("long enough", "long enougH"),
            Err(PassphraseProblem::Mismatch)
        );
        assert_eq!(check_new_passphrase("ñandú ñandú", "ñandú ñandú"), Ok(()));
    }
}
