//! A stable fingerprint of the person's data, so a damaged copy is noticed
//! before it is trusted. It detects accidents (a cut-off write, a stray
//! edit), not tampering: anyone can recompute it.
//!
//! It is taken over the data's canonical JSON: compact, every object's
//! keys sorted. That is serde_json's text of a [`Value`], whose objects
//! keep their keys sorted (serde_json's `preserve_order` feature would
//! break this, and the tests below with it). Every checksum people already
//! have in saved data and export files was taken over these same bytes.

use serde_json::Value;
use std::fmt::Write as _;

/// The algorithm tag written in front of every checksum, so a later version
/// can change algorithm and still recognise old envelopes.
pub const ALGORITHM: &str = "fnv1a64";

/// The JSON text of `value` with every object's keys in sorted order and no
/// whitespace, so the same data always gives the same text whatever order
/// it was built or parsed in.
pub fn canonical_json(value: &Value) -> String {
    // Writing a `Value` to a `String` cannot fail: its keys are strings.
    serde_json::to_string(value).unwrap_or_default()
}

/// FNV-1a, 64-bit, over `bytes`.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes
        .iter()
        .fold(OFFSET, |hash, b| (hash ^ u64::from(*b)).wrapping_mul(PRIME))
}

/// The checksum of `data` as written in an envelope: `fnv1a64:` and sixteen
/// lowercase hex digits of the hash of its canonical JSON.
pub fn checksum(data: &Value) -> String {
    checksum_of_canonical(&canonical_json(data))
}

/// The checksum of data whose canonical JSON is `text` (see
/// [`canonical_json`]), for a writer that has that text already.
pub fn checksum_of_canonical(text: &str) -> String {
    let mut out = String::with_capacity(ALGORITHM.len() + 17);
    out.push_str(ALGORITHM);
    out.push(':');
    let _ = write!(out, "{:016x}", fnv1a64(text.as_bytes()));
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn json(text: &str) -> Value {
        serde_json::from_str(text).unwrap_or_default()
    }

    #[test]
    fn fnv1a64_matches_published_vectors() {
        // Test vectors from the FNV reference (draft-eastlake-fnv).
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn canonical_json_sorts_keys_at_every_level() {
        let a = json(r#"{"b": 1, "a": {"d": [1, {"z": null, "y": true}], "c": "x"}}"#);
        assert_eq!(
            canonical_json(&a),
            r#"{"a":{"c":"x","d":[1,{"y":true,"z":null}]},"b":1}"#
        );
    }

    #[test]
    fn checksum_ignores_key_order_but_not_values() {
        let a: Value = json(r#"{"x": 1, "y": "two"}"#);
        let b: Value = json(r#"{"y":"two","x":1}"#);
        let c: Value = json(r#"{"y":"twO","x":1}"#);
        assert_eq!(checksum(&a), checksum(&b));
        assert_ne!(checksum(&a), checksum(&c));
        assert!(checksum(&a).starts_with("fnv1a64:"));
        assert_eq!(checksum(&a).len(), "fnv1a64:".len() + 16);
    }

    #[test]
    fn strings_are_escaped_as_json() {
        assert_eq!(
            canonical_json(&json(r#"{"q\"k": "line\nbreak"}"#)),
            r#"{"q\"k":"line\nbreak"}"#
        );
        // Only quotes, backslashes and control characters are escaped.
        assert_eq!(
            canonical_json(&json(r#"["é “x” 🚑 \u0001 /"]"#)),
            "[\"é “x” 🚑 \\u0001 /\"]"
        );
    }
}
