//! The passphrase lock's crypto against the browser's real WebCrypto. Run
//! with `cargo test --target wasm32-unknown-unknown --test wasm_crypto`
//! (the runner is configured in .cargo/config.toml; CHROMEDRIVER must be
//! set).
//!
//! Every passphrase derivation is PBKDF2-SHA256 at the full 600,000
//! iterations, so the tests derive as few times as they can; the ones
//! about sealed values use a data key made directly.

#![cfg(target_arch = "wasm32")]

use tend::platform::crypto::{
    create_lock, derive_passphrase_key, new_data_key, open, random_bytes, rewrap, seal, unlock,
    unwrap_data_key, CryptoError, DataKey,
};
use tend_core::store::lock::{
    from_base64, to_base64, Kdf, LockRecord, Sealed, Shown, WrappedKey, IV_BYTES, KEY_BYTES,
    SALT_BYTES, TAG_BYTES,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const TEXT: &str = "{\"entries\":[],\"note\":\"día 🌿\"}";

fn shown() -> Shown {
    Shown {
        language: Some("es".into()),
        theme: Some("dark".into()),
    }
}

async fn data_key() -> DataKey {
    new_data_key().await.expect("a data key")
}

/// `base64` with one bit of its `byte`th byte flipped.
fn flip_bit(base64: &str, byte: usize) -> String {
    let mut bytes = from_base64(base64).expect("base64");
    bytes[byte] ^= 0x01;
    to_base64(&bytes)
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .expect("the test browser has performance.now")
}

#[wasm_bindgen_test]
fn random_bytes_are_random_and_any_length() {
    let a = random_bytes(32).expect("random bytes");
    let b = random_bytes(32).expect("random bytes");
    assert_eq!(a.len(), 32);
    assert_ne!(a, b);
    assert!(random_bytes(0).expect("none").is_empty());
    // More than one getRandomValues call can fill (65,536 bytes).
    let big = random_bytes(100_000).expect("many random bytes");
    assert_eq!(big.len(), 100_000);
    assert!(big[70_000..].iter().any(|&b| b != 0));
}

#[wasm_bindgen_test]
async fn a_new_lock_seals_and_opens_text_and_its_record_parses() {
    let (record, key) = create_lock("correct horse battery", shown())
        .await
        .expect("a lock");
    let parsed = LockRecord::parse(&record.to_text()).expect("the record parses");
    assert_eq!(parsed, record);
    assert_eq!(parsed.kdf.iterations, 600_000);
    assert_eq!(parsed.kdf.salt_bytes().len(), SALT_BYTES);
    assert_eq!(parsed.key.iv_bytes().len(), IV_BYTES);
    assert_eq!(parsed.key.wrapped_bytes().len(), KEY_BYTES + TAG_BYTES);
    assert_eq!(parsed.shown, shown());

    let sealed = seal(&key, 3, TEXT).await.expect("sealed");
    assert!(!sealed.to_text().contains("día"));
    let stored = Sealed::parse(&sealed.to_text()).expect("the sealed value parses");
    assert_eq!(stored.schema, 3);
    assert_eq!(open(&key, &stored).await, Ok(TEXT.to_string()));
}

#[wasm_bindgen_test]
async fn unlocking_gives_the_same_data_key_and_normalises_the_passphrase() {
    // Composed on one keyboard ("e" and a combining accent), typed
    // precomposed on another: the same passphrase.
    let (record, key) = create_lock("cafe\u{301} con leche", Shown::default())
        .await
        .expect("a lock");
    let sealed = seal(&key, 3, TEXT).await.expect("sealed");

    let start = now_ms();
    let unlocked = unlock(&record.kdf, &record.key, "caf\u{e9} con leche").await;
    let elapsed = now_ms() - start;
    web_sys::console::log_1(
        &format!(
            "wasm_crypto: derive_passphrase_key ({} PBKDF2-SHA256 iterations) + unwrap_data_key took {elapsed:.0} ms",
            record.kdf.iterations
        )
        .into(),
    );

    let unlocked = unlocked.expect("the same passphrase, composed differently, unlocks");
    assert_eq!(open(&unlocked, &sealed).await, Ok(TEXT.to_string()));
}

#[wasm_bindgen_test]
async fn a_wrong_passphrase_does_not_unlock() {
    let (record, _) = create_lock("the right passphrase", Shown::default())
        .await
        .expect("a lock");
    let result = unlock(&record.kdf, &record.key, "the wrong passphrase").await;
    assert_eq!(result.err(), Some(CryptoError::WrongPassphrase));

    // Nor does the right passphrase's salt with a wrong passphrase, with the
    // wrapped key as stored or with its IV changed.
    let wrong = derive_passphrase_key("The right passphrase", &record.kdf)
        .await
        .expect("derived");
    let mut other_iv = record.key.clone();
    other_iv.iv = flip_bit(&record.key.iv, 0);
    for wrapped in [&record.key, &other_iv] {
        let result = unwrap_data_key(&wrong, wrapped).await;
        assert_eq!(result.err(), Some(CryptoError::WrongPassphrase));
    }
}

#[wasm_bindgen_test]
async fn changed_bytes_iv_or_schema_are_damaged() {
    let key = data_key().await;
    let sealed = seal(&key, 3, TEXT).await.expect("sealed");
    assert_eq!(open(&key, &sealed).await, Ok(TEXT.to_string()));

    let mut data = sealed.clone();
    data.data = flip_bit(&sealed.data, 5);
    assert_eq!(open(&key, &data).await, Err(CryptoError::Damaged));

    let mut tag = sealed.clone();
    let last = sealed.data_bytes().len() - 1;
    tag.data = flip_bit(&sealed.data, last);
    assert_eq!(open(&key, &tag).await, Err(CryptoError::Damaged));

    let mut iv = sealed.clone();
    iv.iv = flip_bit(&sealed.iv, 0);
    assert_eq!(open(&key, &iv).await, Err(CryptoError::Damaged));

    let mut schema = sealed.clone();
    schema.schema += 1;
    assert_eq!(open(&key, &schema).await, Err(CryptoError::Damaged));

    let mut short = sealed.clone();
    short.data = to_base64(&[0; 4]);
    assert_eq!(open(&key, &short).await, Err(CryptoError::Damaged));

    let other = data_key().await;
    assert_eq!(open(&other, &sealed).await, Err(CryptoError::Damaged));
}

#[wasm_bindgen_test]
async fn a_new_passphrase_keeps_the_data() {
    let (record, key) = create_lock("the old passphrase", shown())
        .await
        .expect("a lock");
    let mut record = record;
    record.idle_minutes = 5;
    let sealed = seal(&key, 3, TEXT).await.expect("sealed");

    let next = rewrap(&record, &key, "the new passphrase")
        .await
        .expect("re-wrapped");
    assert_ne!(next.kdf.salt, record.kdf.salt);
    assert_ne!(next.key, record.key);
    assert_eq!(next.idle_minutes, 5);
    assert_eq!(next.shown, shown());
    let next = LockRecord::parse(&next.to_text()).expect("the new record parses");

    let unlocked = unlock(&next.kdf, &next.key, "the new passphrase")
        .await
        .expect("the new passphrase unlocks");
    assert_eq!(open(&unlocked, &sealed).await, Ok(TEXT.to_string()));

    let old = unlock(&next.kdf, &next.key, "the old passphrase").await;
    assert_eq!(old.err(), Some(CryptoError::WrongPassphrase));
}

#[wasm_bindgen_test]
async fn every_seal_has_a_fresh_iv() {
    let key = data_key().await;
    let a = seal(&key, 3, TEXT).await.expect("sealed");
    let b = seal(&key, 3, TEXT).await.expect("sealed");
    assert_ne!(a.iv, b.iv);
    assert_ne!(a.data, b.data);
    assert_eq!(a.iv_bytes().len(), IV_BYTES);
    assert_eq!(open(&key, &a).await, Ok(TEXT.to_string()));
    assert_eq!(open(&key, &b).await, Ok(TEXT.to_string()));
}

#[wasm_bindgen_test]
async fn an_unsound_derivation_or_wrapped_key_is_refused_before_any_work() {
    let sound = Kdf::new(&[7; SALT_BYTES]);
    let mut weak = sound.clone();
    weak.iterations = 1_000;
    let short_salt = Kdf::new(&[7; 8]);
    let wrapped = WrappedKey::new(&[1; IV_BYTES], &[2; KEY_BYTES + TAG_BYTES]);
    let cut = WrappedKey::new(&[1; IV_BYTES], &[2; KEY_BYTES]);

    // Refused as damaged, not as a wrong passphrase: nothing was derived.
    for kdf in [&weak, &short_salt] {
        let derived = derive_passphrase_key("a passphrase", kdf).await;
        assert_eq!(derived.err(), Some(CryptoError::Damaged));
        let unlocked = unlock(kdf, &wrapped, "a passphrase").await;
        assert_eq!(unlocked.err(), Some(CryptoError::Damaged));
    }
    let unlocked = unlock(&sound, &cut, "a passphrase").await;
    assert_eq!(unlocked.err(), Some(CryptoError::Damaged));
}
