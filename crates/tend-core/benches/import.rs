//! How long importing a file full of tombstones takes, from the bytes to
//! the merged data written back: `cargo bench -p tend-core --bench import`.
//! Plain timings on this machine, printed; nothing here passes or fails on
//! time (CI machines vary too much for that).

use std::hint::black_box;
use std::time::{Duration, Instant};
use tend_core::store::data::{CheckIn, Removed, Restoration, TendData, Tombstone};
use tend_core::store::envelope::{decode, encode};
use tend_core::store::import::{self, ImportMode, MAX_REMOVALS};
use tend_core::store::merge::merge;

const NOW: i64 = 1_764_300_000_000;

/// Data holding `stones` tombstones and `restorations` restorations, with
/// ids as short as possible so that as many as can fit in a file do.
fn removals(stones: usize, restorations: usize) -> TendData {
    let id = |n: usize| Removed::entry(&format!("{n:x}"));
    TendData {
        deleted: (0..stones)
            .map(|n| Tombstone {
                id: id(n),
                deleted_at: 0,
            })
            .collect(),
        restored: (0..restorations)
            .map(|n| Restoration {
                id: id(n * 2),
                restored_at: 1,
            })
            .collect(),
        ..TendData::default()
    }
}

/// The data a long-time user has here: two thousand check-ins.
fn current() -> TendData {
    TendData {
        checkins: (0..2_000)
            .map(|n| CheckIn {
                id: format!("c-{n}"),
                instrument_id: "tend".into(),
                instrument_version: "1".into(),
                completed_at: n,
                answers: Default::default(),
            })
            .collect(),
        ..TendData::default()
    }
}

/// The fastest of a few runs of `f`.
fn time<T>(f: impl Fn() -> T) -> Duration {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn report(what: &str, took: Duration) {
    println!("{what:<72} {:>9.2} ms", took.as_secs_f64() * 1000.0);
}

fn main() {
    // One over the limit is refused; at the limit, read.
    for stones in [MAX_REMOVALS + 1, MAX_REMOVALS] {
        let file = encode(&removals(stones, 0), NOW)
            .map(|(text, _)| text)
            .unwrap_or_default();
        let outcome = import::read(file.as_bytes(), NOW);
        let took = time(|| import::read(file.as_bytes(), NOW));
        report(
            &format!(
                "import of {stones} tombstones ({} KiB): {:?}",
                file.len() / 1024,
                outcome.err()
            ),
            took,
        );
    }

    let file = encode(&removals(MAX_REMOVALS, MAX_REMOVALS), NOW)
        .map(|(text, _)| text)
        .unwrap_or_default();
    let here = current();
    let took = time(|| {
        let preview = import::read(file.as_bytes(), NOW).ok()?;
        let merged = import::apply(&here, &preview.data, ImportMode::Merge, NOW);
        encode(&merged, NOW).ok()
    });
    report(
        &format!("import at the limit ({MAX_REMOVALS} tombstones and restorations), merge, save"),
        took,
    );

    // Far more than anyone removes, as stored data could still come to
    // hold over the years: every load reads it, and every later save
    // merges it again.
    let big = removals(40_000, 40_000);
    let stored = encode(&big, NOW).map(|(text, _)| text).unwrap_or_default();
    let took = time(|| decode(&stored));
    report(
        "load of stored data with 40000 tombstones and 40000 restorations",
        took,
    );
    let took = time(|| merge(&here, &big));
    report("merge with 40000 tombstones and 40000 restorations", took);
}
