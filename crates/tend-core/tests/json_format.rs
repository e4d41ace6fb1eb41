//! The JSON Tend reads and writes is byte for byte what serde_json (which
//! it used before) read and wrote: checksums in people's saved data and
//! export files must keep matching, and old versions must read new files.
//! `tests/fixtures/json/serde_json_files.json` holds, for every data and
//! definition file in the repository when serde_json was removed, the
//! FNV-1a hash of serde_json 1.0.154's compact and pretty text of it (null
//! where serde_json refused the file).

#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;
use tend_core::json;
use tend_core::store::checksum::{checksum, fnv1a64};
use tend_core::store::envelope::{decode, encode, encode_pretty};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn hash(text: &str) -> String {
    format!("fnv1a64:{:016x}", fnv1a64(text.as_bytes()))
}

#[test]
fn every_file_is_written_exactly_as_serde_json_wrote_it() {
    let table = fs::read_to_string(root().join("tests/fixtures/json/serde_json_files.json"))
        .expect("table");
    let table = json::parse(&table).expect("json");
    let entries = table.as_object().expect("an object");
    assert!(entries.len() >= 50, "{}", entries.len());
    for (path, want) in entries.iter() {
        let text = fs::read_to_string(root().join(path)).expect(path);
        match (json::parse(&text), want.as_array()) {
            (Ok(value), Some(hashes)) => {
                assert_eq!(
                    Some(hash(&json::to_string(&value)).as_str()),
                    hashes[0].as_str(),
                    "{path} compact"
                );
                assert_eq!(
                    Some(hash(&json::to_string_pretty(&value)).as_str()),
                    hashes[1].as_str(),
                    "{path} pretty"
                );
            }
            (Err(_), None) => {}
            (got, _) => panic!("{path}: {got:?}, serde_json: {want}"),
        }
    }
}

#[test]
fn every_store_fixture_checksum_still_verifies() {
    let mut seen = 0;
    for entry in fs::read_dir(root().join("tests/fixtures/store")).expect("dir") {
        let path = entry.expect("entry").path();
        let text = fs::read_to_string(&path).expect("readable");
        let value = json::parse(&text).expect("json");
        let Some(stored) = value["checksum"].as_str() else {
            continue; // an .expected.json file: data, not an envelope
        };
        assert_eq!(checksum(&value["data"]), stored, "{}", path.display());
        seen += 1;
    }
    assert!(seen >= 4, "{seen}");
}

#[test]
fn the_newest_fixture_is_exactly_what_the_writer_writes() {
    let text = fs::read_to_string(root().join("tests/fixtures/store/v3.json")).expect("v3");
    let opened = decode(&text).expect("decodes");
    let (pretty, stamp) = encode_pretty(&opened.data, opened.stamp.written_at).expect("encodes");
    assert_eq!(pretty, text.trim_end());
    assert_eq!(stamp, opened.stamp);
    // Compact: the same envelope with no whitespace, its data canonical.
    let (compact, _) = encode(&opened.data, opened.stamp.written_at).expect("encodes");
    let value = json::parse(&text).expect("json");
    assert!(compact.starts_with(r#"{"format":"tend","schema":3,"written_at":"#));
    assert!(compact.ends_with(&format!(r#","data":{}}}"#, json::to_string(&value["data"]))));
}
