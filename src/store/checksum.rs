//! A stable fingerprint of the person's data, so a damaged copy is noticed
//! before it is trusted. It detects accidents (a cut-off write, a stray
//! edit), not tampering: anyone can recompute it.

use serde_json::Value;
use std::fmt::Write as _;

/// The algorithm tag written in front of every checksum, so a later version
/// can change algorithm and still recognise old envelopes.
pub const ALGORITHM: &str = "fnv1a64";

/// The JSON text of `value` with every object's keys in sorted order and no
/// whitespace, so the same data always gives the same text whatever order
/// it was built or parsed in.
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<_> = map.iter().collect();
            crate::sort::sort_by(&mut entries, |a, b| a.0.cmp(b.0));
            out.push('{');
            for (i, (key, item)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                write_canonical(item, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        Value::String(s) => write_string(s, out),
        // Null, booleans and numbers have one JSON spelling in serde_json.
        other => out.push_str(&other.to_string()),
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push_str(&Value::String(s.to_string()).to_string());
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
    let mut out = String::with_capacity(ALGORITHM.len() + 17);
    out.push_str(ALGORITHM);
    out.push(':');
    let _ = write!(out, "{:016x}", fnv1a64(canonical_json(data).as_bytes()));
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fnv1a64_matches_published_vectors() {
        // Test vectors from the FNV reference (draft-eastlake-fnv).
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn canonical_json_sorts_keys_at_every_level() {
        let a = json!({"b": 1, "a": {"d": [1, {"z": null, "y": true}], "c": "x"}});
        assert_eq!(
            canonical_json(&a),
            r#"{"a":{"c":"x","d":[1,{"y":true,"z":null}]},"b":1}"#
        );
    }

    #[test]
    fn checksum_ignores_key_order_but_not_values() {
        let a: Value = serde_json::from_str(r#"{"x": 1, "y": "two"}"#).unwrap_or_default();
        let b: Value = serde_json::from_str(r#"{"y":"two","x":1}"#).unwrap_or_default();
        let c: Value = serde_json::from_str(r#"{"y":"twO","x":1}"#).unwrap_or_default();
        assert_eq!(checksum(&a), checksum(&b));
        assert_ne!(checksum(&a), checksum(&c));
        assert!(checksum(&a).starts_with("fnv1a64:"));
        assert_eq!(checksum(&a).len(), "fnv1a64:".len() + 16);
    }

    #[test]
    fn strings_are_escaped_as_json() {
        assert_eq!(
            canonical_json(&json!({"q\"k": "line\nbreak"})),
            r#"{"q\"k":"line\nbreak"}"#
        );
    }
}
