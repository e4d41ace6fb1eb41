//! Ten years of a heavy user's data (`store::sample`), and the same filled
//! to the browser's storage quota, against the storage goals of issue 14:
//! `cargo bench -p tend-core --bench scale`. Prints each figure with its
//! goal and whether it is met, natively on this machine; nothing here
//! passes or fails (CI machines vary too much for that). Times are the
//! median of a few runs.
//!
//! Sizes are of the store as the vault keeps it (every key and its text:
//! the head and the chunks of the long lists, see `store::split`) and of
//! the export file (one indented envelope). localStorage counts UTF-16 code
//! units, so those are what the 2.5 MB goal and the quota are measured in;
//! the UTF-8 size is beside them.
//!
//! Nothing of the passphrase lock is measured here: its crypto (PBKDF2,
//! AES-GCM) is the browser's WebCrypto, which does not run natively.
//! `tools/bench-scale.mjs` times turning it on, unlocking and a sealed save
//! in headless Chromium, and counts what is stored with it on.

use std::hint::black_box;
use std::time::{Duration, Instant};
use tend_core::domain::practice::Practice;
use tend_core::store::backup::export_text;
use tend_core::store::envelope::encode;
use tend_core::store::import::{self, ImportMode, MAX_IMPORT_BYTES};
use tend_core::store::sample::{self, utf16_len};
use tend_core::store::vault::{MemoryBackend, Vault, STORAGE_QUOTA_UNITS};
use tend_core::store::{Namespace, TendData, TextSize};

const NOW: i64 = 1_764_300_000_000;
const RUNS: usize = 7;

/// Half of localStorage's 5 M units, as issue 14 sets it.
const STORED_GOAL: u64 = 2_500_000;
const OPEN_GOAL_MS: f64 = 100.0;
const SAVE_GOAL_MS: f64 = 16.0;

/// One line of the table.
struct Row {
    figure: &'static str,
    value: String,
    goal: String,
    met: Option<bool>,
}

impl Row {
    fn size(figure: &'static str, value: u64, limit: u64, strictly: bool) -> Row {
        let (op, met) = if strictly {
            ("<", value < limit)
        } else {
            ("≤", value <= limit)
        };
        Row {
            figure,
            value: grouped(value),
            goal: format!("{op} {}", grouped(limit)),
            met: Some(met),
        }
    }

    fn time(figure: &'static str, took: Duration, goal_ms: Option<f64>) -> Row {
        let ms = took.as_secs_f64() * 1000.0;
        Row {
            figure,
            value: format!("{ms:.1} ms"),
            goal: goal_ms.map_or("—".into(), |g| format!("≤ {g} ms")),
            met: goal_ms.map(|g| ms <= g),
        }
    }
}

/// The median of [`RUNS`] runs of `f`.
fn time<T>(mut f: impl FnMut() -> T) -> Duration {
    let mut runs: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    runs.sort();
    runs.get(RUNS / 2).copied().unwrap_or_default()
}

/// `n` with its thousands grouped by commas.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A change a person makes, as one save of the app.
#[derive(Clone, Copy)]
enum Change {
    /// A setting (the colour scheme): only the head changes.
    Setting,
    /// A practice finished: the practice log's last chunk changes.
    Practice,
    /// A journal entry in the middle edited: one chunk changes.
    Journal,
}

/// Median time of one save as the app makes it: the vault re-reads the
/// head, finds its own last write there (no other tab wrote), and writes
/// what changed. Each run makes `change` once more.
fn vault_save(data: &TendData, change: Change) -> Duration {
    let (mut vault, _) = Vault::open(Ok(MemoryBackend::new()), Namespace::default(), NOW);
    let _ = vault.save(data, NOW);
    let mut changed = data.clone();
    let mut runs = Vec::with_capacity(RUNS);
    for n in 0..RUNS as i64 {
        let at = NOW + (n + 1) * 60_000;
        match change {
            Change::Setting => {
                changed.settings.text_size = if n % 2 == 0 {
                    TextSize::Large
                } else {
                    TextSize::Normal
                };
                changed.settings.updated_at = at;
            }
            Change::Practice => changed.record_practice(
                &format!("u-bench-{n}"),
                Practice::PacedBreathing,
                at,
                Some(6),
                Some(3),
            ),
            Change::Journal => {
                let middle = changed.journal.len() / 2;
                if let Some(entry) = changed.journal.get_mut(middle) {
                    entry.text = format!("edited {n}");
                    entry.updated_at = at;
                }
            }
        }
        let start = Instant::now();
        let saved = vault.save(&changed, at);
        runs.push(start.elapsed());
        black_box(saved.ok());
    }
    runs.sort();
    runs.get(RUNS / 2).copied().unwrap_or_default()
}

/// `data` stored as the vault stores it.
fn stored_layout(data: &TendData) -> MemoryBackend {
    let store = MemoryBackend::new();
    let (mut vault, _) = Vault::open(Ok(store.clone()), Namespace::default(), NOW);
    let _ = vault.save(data, NOW);
    store
}

/// Median time to read `file` and apply it to empty data.
fn import_into_empty(file: &str, mode: ImportMode) -> Duration {
    let empty = TendData::default();
    time(|| {
        let preview = import::read(file.as_bytes(), NOW).ok()?;
        Some(import::apply(&empty, &preview.data, mode, NOW))
    })
}

/// Every figure for `data`, the stored size in UTF-16 code units against
/// `stored_goal` (a limit, and whether it must be strictly under it), and
/// in UTF-8 bytes against the same when `bytes_too`.
fn measure(data: &TendData, stored_goal: (u64, bool), bytes_too: bool) -> Vec<Row> {
    let store = stored_layout(data);
    let keys = store.snapshot();
    let units: u64 = keys
        .iter()
        .map(|(k, v)| (utf16_len(k) + utf16_len(v)) as u64)
        .sum();
    let bytes: u64 = keys.iter().map(|(k, v)| (k.len() + v.len()) as u64).sum();
    let file = export_text(data, NOW).unwrap_or_default();
    let open = || Vault::open(Ok(store.clone()), Namespace::default(), NOW).1;
    let opens = open() == *data;
    let imports = import::read(file.as_bytes(), NOW)
        .map(|p| p.data == *data)
        .unwrap_or(false);
    let (limit, strictly) = stored_goal;
    vec![
        Row {
            figure: "stored keys (the head and the chunks)",
            value: grouped(keys.len() as u64),
            goal: "—".into(),
            met: None,
        },
        Row::size(
            "stored, every key and text, UTF-16 units",
            units,
            limit,
            strictly,
        ),
        if bytes_too {
            Row::size("stored, bytes as UTF-8", bytes, limit, strictly)
        } else {
            Row {
                figure: "stored, bytes as UTF-8",
                value: grouped(bytes),
                goal: "—".into(),
                met: None,
            }
        },
        Row {
            figure: "the store opens unchanged",
            value: opens.to_string(),
            goal: "true".into(),
            met: Some(opens),
        },
        Row::time(
            "open: read the head and every chunk",
            time(open),
            Some(OPEN_GOAL_MS),
        ),
        Row::time(
            "one envelope of everything (an earlier version's save)",
            time(|| encode(data, NOW)),
            None,
        ),
        Row::time(
            "save: a setting changed (the head)",
            vault_save(data, Change::Setting),
            Some(SAVE_GOAL_MS),
        ),
        Row::time(
            "save: a practice finished (a chunk and the head)",
            vault_save(data, Change::Practice),
            Some(SAVE_GOAL_MS),
        ),
        Row::time(
            "save: a journal entry edited (a chunk and the head)",
            vault_save(data, Change::Journal),
            Some(SAVE_GOAL_MS),
        ),
        Row::size(
            "export file, bytes",
            file.len() as u64,
            MAX_IMPORT_BYTES,
            false,
        ),
        Row::time(
            "export: write the file",
            time(|| export_text(data, NOW)),
            None,
        ),
        Row {
            figure: "export imports unchanged",
            value: imports.to_string(),
            goal: "true".into(),
            met: Some(imports),
        },
        Row::time(
            "import into empty data, replace",
            import_into_empty(&file, ImportMode::Replace),
            None,
        ),
        Row::time(
            "import into empty data, merge",
            import_into_empty(&file, ImportMode::Merge),
            None,
        ),
    ]
}

fn print_table(title: &str, rows: &[Row]) {
    println!("{title}");
    println!("  {:<50} {:>13}  {:<14} met", "figure", "value", "goal");
    for row in rows {
        let met = match row.met {
            Some(true) => "yes",
            Some(false) => "NO",
            None => "",
        };
        println!(
            "  {:<50} {:>13}  {:<14} {met}",
            row.figure, row.value, row.goal
        );
    }
    println!();
}

fn counts(data: &TendData) -> String {
    format!(
        "{} check-ins, {} pulses, {} practice uses, {} journal entries, {} cards, \
         {} plan items, {} done marks, {} tombstones, {} restorations",
        data.checkins.len(),
        data.pulses.len(),
        data.practice_log.len(),
        data.journal.len(),
        data.why_cards.len(),
        data.plan.len(),
        data.done.len(),
        data.deleted.len(),
        data.restored.len(),
    )
}

fn main() {
    let ten = sample::ten_years(NOW);
    print_table(
        &format!("Ten years of a heavy user ({})", counts(&ten)),
        &measure(&ten, (STORED_GOAL, true), true),
    );
    let full = sample::at_ceiling(NOW);
    print_table(
        &format!(
            "At the storage ceiling: the same and {} journal entries of the longest length",
            full.journal.len() - ten.journal.len()
        ),
        &measure(&full, (STORAGE_QUOTA_UNITS, false), false),
    );
    println!(
        "The passphrase lock (turning it on, unlocking, a sealed save, the stored size with it on) \
         is not measured natively: its crypto is the browser's WebCrypto. \
         tools/bench-scale.mjs measures it in headless Chromium."
    );
}
