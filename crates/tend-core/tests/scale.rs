//! A backup must always restore: ten years of a heavy user's data, and a
//! store filled to the browser's quota, exported as the app exports them
//! and imported into a fresh, empty copy of Tend, come back unchanged by
//! merge and by replace. And the import limits sit above anything the
//! app can store.

use std::io::Write as _;
use tend_core::builtin;
use tend_core::domain::answer::Answers;
use tend_core::domain::instrument::Instrument;
use tend_core::domain::self_check::record::{SelfCheckAnswer, MAX_TEAM_CHARS};
use tend_core::domain::team::{self, Bands, Field, Month, TeamCode};
use tend_core::store::backup::export_text;
use tend_core::store::data::{
    clean_text, CheckIn, DoneRecord, JournalEntry, KeptCode, PlanEntry, PracticeLog, Pulse,
    Removed, Restoration, SelfCheck, Tombstone, WhyCard, MAX_TEXT_CHARS,
};
use tend_core::store::envelope::{decode, encode};
use tend_core::store::import::{self, ImportMode, MAX_IMPORT_BYTES, MAX_RECORDS, MAX_REMOVALS};
use tend_core::store::sample::{self, utf16_len};
use tend_core::store::vault::STORAGE_QUOTA_UNITS;
use tend_core::store::TendData;
use tend_core::time::DAY_MS;

/// The clock the data is made at.
const NOW: i64 = 1_764_300_000_000;
/// The clock it is restored at: a week later, on a new phone.
const LATER: i64 = NOW + 7 * DAY_MS;

/// Whether `a` and `b` are equal, naming the first part that is not: the
/// data is far too large for `assert_eq!` to print usefully.
fn same(a: &TendData, b: &TendData) -> Result<(), String> {
    let parts = [
        ("settings", a.settings == b.settings),
        ("last_exported_at", a.last_exported_at == b.last_exported_at),
        ("checkins", a.checkins == b.checkins),
        ("pulses", a.pulses == b.pulses),
        ("draft", a.draft == b.draft),
        ("instruments", a.instruments == b.instruments),
        ("deleted", a.deleted == b.deleted),
        ("restored", a.restored == b.restored),
        ("journal", a.journal == b.journal),
        ("why_cards", a.why_cards == b.why_cards),
        ("practice_log", a.practice_log == b.practice_log),
        ("plan", a.plan == b.plan),
        ("done", a.done == b.done),
        ("time_off", a.time_off == b.time_off),
        ("self_checks", a.self_checks == b.self_checks),
        ("team_codes", a.team_codes == b.team_codes),
    ];
    match parts.iter().find(|(_, equal)| !equal) {
        Some((part, _)) => Err(format!("`{part}` differs")),
        None if a == b => Ok(()),
        None => Err("the data differs".into()),
    }
}

/// Exports `data` as the app does, checks the file passes the import's
/// size check, and imports it into empty data by merge and by replace:
/// each must give back exactly `data`. A replace dates the settings at
/// the import (so that another open tab takes them rather than undoes
/// them); nothing else may change. Returns the export's size in bytes.
fn restores(data: &TendData, what: &str) -> usize {
    let file = export_text(data, NOW).expect("encodes");
    assert_eq!(import::check_size(file.len() as u64), Ok(()), "{what}");
    let preview = import::read(file.as_bytes(), LATER).expect("reads");
    same(&preview.data, data).unwrap_or_else(|e| panic!("{what}, the file: {e}"));
    assert_eq!(preview.exported_at, NOW);

    let empty = TendData::default();
    let merged = import::apply(&empty, &preview.data, ImportMode::Merge, LATER);
    same(&merged, data).unwrap_or_else(|e| panic!("{what}, by merge: {e}"));

    let replaced = import::apply(&empty, &preview.data, ImportMode::Replace, LATER);
    let mut expected = data.clone();
    expected.settings.updated_at = LATER;
    same(&replaced, &expected).unwrap_or_else(|e| panic!("{what}, by replace: {e}"));
    file.len()
}

/// The stored envelope of `data` (compact, as the vault writes it), which
/// must open unchanged; returns its size in UTF-16 code units and bytes.
fn stored(data: &TendData, what: &str) -> (usize, usize) {
    let (text, _) = encode(data, NOW).expect("encodes");
    let opened = decode(&text).expect("opens");
    same(&opened.data, data).unwrap_or_else(|e| panic!("{what}, stored: {e}"));
    (utf16_len(&text), text.len())
}

/// Writes a line to the test output even when output is captured: the
/// harness captures `println!`, not the standard error stream itself.
fn report(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

#[test]
fn ten_years_of_data_restores_unchanged_by_merge_and_by_replace() {
    let data = sample::ten_years(NOW);
    let (units, bytes) = stored(&data, "ten years");
    let file = restores(&data, "ten years");
    report(&format!(
        "ten years of data: stored {units} UTF-16 code units ({bytes} bytes as UTF-8; \
         the goal is under 2,500,000), export file {file} bytes"
    ));
}

#[test]
fn a_store_at_the_quota_restores_unchanged_by_merge_and_by_replace() {
    let data = sample::at_ceiling(NOW);
    // Only its size: opening it is what the import below does too, and
    // every pass over five million units is slow in a debug build.
    let (text, _) = encode(&data, NOW).expect("encodes");
    let (units, bytes) = (utf16_len(&text), text.len());
    assert!(units as u64 <= STORAGE_QUOTA_UNITS, "{units} units");
    // Within one more longest entry of the ceiling.
    assert!(units <= sample::CEILING_UNITS, "{units} units");
    assert!(
        units > sample::CEILING_UNITS - MAX_TEXT_CHARS - 500,
        "{units}"
    );
    let longest = data
        .journal
        .iter()
        .filter(|j| j.text.chars().count() == MAX_TEXT_CHARS)
        .count();
    assert!(longest > 100, "{longest} entries of the longest length");
    let file = restores(&data, "at the ceiling");
    report(&format!(
        "a store at the quota: {units} UTF-16 code units ({bytes} bytes), export file {file} bytes"
    ));
}

#[test]
fn the_same_clock_makes_the_same_data() {
    let data = sample::ten_years(NOW);
    same(&sample::ten_years(NOW), &data).unwrap_or_else(|e| panic!("{e}"));
    assert!(sample::ten_years(NOW + 1) != data);
}

/// Whether `answers` answers every item of `instrument`, each with an
/// answer the item accepts.
fn answers_everything(instrument: &Instrument, answers: &Answers) -> bool {
    answers.len() == instrument.items().count()
        && instrument.items().all(|item| {
            answers
                .get(&item.id)
                .is_some_and(|a| item.accepts(&instrument.scale, a))
        })
}

#[test]
fn ten_years_holds_what_a_heavy_user_keeps() {
    let data = sample::ten_years(NOW);
    let (Ok(v2), Ok(earlier), Ok(pulse)) =
        (builtin::tend(), builtin::tend_earlier(), builtin::pulse())
    else {
        panic!("a shipped definition does not load");
    };
    let v1 = &earlier[0];

    // Ids are unique: canonical form keeps one record per id, so any
    // repeat would show in these counts.
    assert_eq!(data.checkins.len(), sample::CHECKINS);
    assert_eq!(data.pulses.len(), sample::PULSES);
    assert_eq!(data.practice_log.len(), sample::PRACTICES);
    assert_eq!(data.journal.len(), sample::JOURNAL_ENTRIES);
    assert_eq!(data.why_cards.len(), sample::WHY_CARDS);

    for (n, c) in data.checkins.iter().enumerate() {
        let instrument = if n < sample::CHECKINS_V1 { v1 } else { v2 };
        assert_eq!(
            (c.instrument_id.as_str(), c.instrument_version.as_str()),
            (instrument.id.as_str(), instrument.version.as_str()),
            "{}",
            c.id
        );
        assert!(answers_everything(instrument, &c.answers), "{}", c.id);
    }
    assert!(data
        .pulses
        .iter()
        .all(|p| answers_everything(pulse, &p.answers)));
    let draft = data.draft.as_ref().expect("a check-in in progress");
    assert!(!draft.answers.is_empty());
    assert!(data.last_checkin_at() < Some(draft.updated_at));

    let rated = data
        .practice_log
        .iter()
        .filter(|p| p.before.is_some() && p.after.is_some())
        .count();
    assert!(rated > sample::PRACTICES * 8 / 10, "{rated} rated");

    for j in &data.journal {
        assert!((1_000..=2_000).contains(&j.text.len()), "{}", j.text.len());
        assert_eq!(clean_text(&j.text).as_deref(), Ok(j.text.as_str()));
    }
    let all_text: String = data.journal.iter().map(|j| j.text.as_str()).collect();
    for word in ["café", "niño", "ñ", "—", "\"", "\n"] {
        assert!(all_text.contains(word), "{word:?}");
    }
    let edited = data
        .journal
        .iter()
        .filter(|j| j.updated_at > j.created_at)
        .count();
    assert!(edited >= 90, "{edited} edited");

    // 30 plan items added, 10 taken out; 130 days marked, 10 un-ticked.
    let removed = |kind: fn(&Removed) -> bool| data.deleted.iter().filter(|t| kind(&t.id)).count();
    assert_eq!(data.plan.len(), 20);
    assert_eq!(removed(|k| matches!(k, Removed::Plan(_))), 10);
    assert_eq!(data.done.len(), 130);
    assert_eq!(data.done.iter().filter(|d| !d.done).count(), 10);

    // Something of every kind was removed, and some things brought back.
    assert!(removed(|k| matches!(k, Removed::Entry(_))) >= 10);
    assert!(removed(|k| matches!(k, Removed::Journal(_))) >= 10);
    assert!(removed(|k| matches!(k, Removed::Card(_))) >= 1);
    assert!(removed(|k| matches!(k, Removed::Draft(_))) >= 1);
    assert!(data.restored.len() >= 5);
    for r in &data.restored {
        assert!(data.entry_keys().contains(&r.id), "{} is back", r.id);
    }

    // Ten years from the first check-in, and nothing after the clock.
    assert!(NOW - data.checkins[0].completed_at > 3_600 * DAY_MS);
    let times = [
        data.checkins.iter().map(|c| c.completed_at).max(),
        data.pulses.iter().map(|p| p.completed_at).max(),
        data.practice_log.iter().map(|p| p.at).max(),
        data.journal.iter().map(|j| j.updated_at).max(),
        data.why_cards.iter().map(|c| c.updated_at).max(),
        data.plan.iter().map(|p| p.updated_at).max(),
        data.done.iter().map(|d| d.updated_at).max(),
        data.deleted.iter().map(|t| t.deleted_at).max(),
        data.restored.iter().map(|r| r.restored_at).max(),
        Some(draft.updated_at),
        Some(data.settings.updated_at),
        Some(data.time_off.updated_at),
    ];
    assert!(
        times.iter().all(|t| t.is_some_and(|t| t <= NOW)),
        "{times:?}"
    );

    let mut canonical = data.clone();
    canonical.normalise();
    same(&canonical, &data).unwrap_or_else(|e| panic!("not in canonical form: {e}"));
}

/// The smallest of each kind of record the app writes, with the shortest
/// ids it makes (a prefix, the time in base 36, a one-digit random part)
/// and empty where the app may leave it empty: its kind, its JSON and
/// the most of that kind an import admits.
fn smallest_records() -> Vec<(&'static str, String, usize)> {
    let at = NOW;
    let id = |prefix: &str| format!("{prefix}mihy8c2o-0");
    let json = |value: Result<String, serde_json::Error>| value.expect("writes");
    vec![
        (
            "checkins",
            json(serde_json::to_string(&CheckIn {
                id: id("c"),
                instrument_id: "tend".into(),
                instrument_version: "2".into(),
                completed_at: at,
                answers: Answers::new(),
            })),
            MAX_RECORDS,
        ),
        (
            "pulses",
            json(serde_json::to_string(&Pulse {
                id: id("p"),
                completed_at: at,
                answers: Answers::new(),
            })),
            MAX_RECORDS,
        ),
        (
            "practice_log",
            json(serde_json::to_string(&PracticeLog {
                id: id("u"),
                practice: "why-cards".into(),
                at,
                before: None,
                after: None,
            })),
            MAX_RECORDS,
        ),
        (
            "journal",
            json(serde_json::to_string(&JournalEntry {
                id: id("j"),
                created_at: at,
                updated_at: at,
                prompt: None,
                text: "x".into(),
            })),
            MAX_RECORDS,
        ),
        (
            "why_cards",
            json(serde_json::to_string(&WhyCard {
                id: id("w"),
                created_at: at,
                updated_at: at,
                text: "x".into(),
            })),
            MAX_RECORDS,
        ),
        (
            "plan",
            json(serde_json::to_string(&PlanEntry {
                id: id("i"),
                strategy: "walk-it-off".into(),
                when: "daily".into(),
                note: None,
                added_at: at,
                updated_at: at,
            })),
            MAX_RECORDS,
        ),
        (
            "done",
            json(serde_json::to_string(&DoneRecord {
                item: id("i"),
                on: "2025-11-28".into(),
                done: true,
                updated_at: at,
            })),
            MAX_RECORDS,
        ),
        (
            "self_checks",
            json(serde_json::to_string(&SelfCheck {
                answers: Default::default(),
                completed_at: at,
                id: id("sc-"),
                instrument_id: "tend-org".into(),
                instrument_version: "1".into(),
                shared: false,
                team: None,
            })),
            MAX_RECORDS,
        ),
        (
            "team_codes",
            json(serde_json::to_string(&KeptCode {
                added_at: at,
                code: team_code(0),
            })),
            MAX_RECORDS,
        ),
        (
            "deleted",
            json(serde_json::to_string(&Tombstone {
                id: Removed::entry(&id("c")),
                deleted_at: at,
            })),
            MAX_REMOVALS,
        ),
        (
            "restored",
            json(serde_json::to_string(&Restoration {
                id: Removed::entry(&id("c")),
                restored_at: at,
            })),
            MAX_REMOVALS,
        ),
    ]
}

/// The text of a team code with this nonce.
fn team_code(nonce: u64) -> String {
    let month = Month::at(NOW, 0).expect("a month a code can name");
    team::encode(&TeamCode::new(
        Bands::default(),
        Field::NotSaid,
        month,
        nonce,
    ))
}

/// Self-checks as a leader keeps them: every statement of Tend's own
/// answered, and the longest team name.
fn self_checks(n: usize) -> Vec<SelfCheck> {
    let org = builtin::org().expect("Tend's own self-check");
    (0..n)
        .map(|i| SelfCheck {
            answers: org
                .items()
                .map(|item| (item.id.clone(), SelfCheckAnswer::Level(2)))
                .collect(),
            completed_at: NOW + i as i64,
            id: format!("sc-mihy8c2o-{i}"),
            instrument_id: org.id.clone(),
            instrument_version: org.version.clone(),
            shared: i % 2 == 1,
            team: Some("é".repeat(MAX_TEAM_CHARS)),
        })
        .collect()
}

#[test]
fn no_store_the_app_can_fill_holds_more_records_than_an_import_admits() {
    for (kind, json, limit) in smallest_records() {
        // Each record in a stored list is its JSON and a comma.
        let units = utf16_len(&json) as u64 + 1;
        let most = STORAGE_QUOTA_UNITS / units;
        assert!(
            most <= limit as u64,
            "a full store could hold {most} {kind} ({units} units each); the limit is {limit}"
        );
    }
}

#[test]
fn the_export_of_a_full_store_of_any_kind_fits_the_import_limit() {
    // A few hundred of each kind tell the size per unit as well as all.
    let mut data = sample::ten_years(NOW);
    data.checkins.truncate(200);
    data.journal.truncate(200);
    data.practice_log.truncate(500);
    let only = |fill: &dyn Fn(&mut TendData)| {
        let mut d = TendData::default();
        fill(&mut d);
        d
    };
    // What people write in a script of three-byte characters, the most
    // UTF-8 takes per UTF-16 unit.
    let mut in_japanese = data.journal.clone();
    for j in &mut in_japanese {
        j.text = "夜勤のあと、しばらく車の中で座っていた。".repeat(60);
    }
    let kinds = [
        ("check-ins", only(&|d| d.checkins = data.checkins.clone())),
        ("pulses", only(&|d| d.pulses = data.pulses.clone())),
        (
            "practices",
            only(&|d| d.practice_log = data.practice_log.clone()),
        ),
        ("journal", only(&|d| d.journal = data.journal.clone())),
        (
            "journal in Japanese",
            only(&|d| d.journal = in_japanese.clone()),
        ),
        ("plan", only(&|d| d.plan = data.plan.clone())),
        ("done marks", only(&|d| d.done = data.done.clone())),
        ("tombstones", only(&|d| d.deleted = data.deleted.clone())),
        ("self-checks", only(&|d| d.self_checks = self_checks(100))),
        (
            "team codes",
            only(&|d| {
                d.team_codes = (0..500)
                    .map(|n| KeptCode {
                        added_at: NOW + n as i64,
                        code: team_code(n),
                    })
                    .collect()
            }),
        ),
        (
            "restorations",
            only(&|d| d.restored = data.restored.clone()),
        ),
    ];
    for (kind, d) in kinds {
        let (text, _) = encode(&d, NOW).expect("encodes");
        let file = export_text(&d, NOW).expect("encodes");
        let per_unit = file.len() as f64 / utf16_len(&text) as f64;
        let at_quota = per_unit * STORAGE_QUOTA_UNITS as f64;
        assert!(
            at_quota <= MAX_IMPORT_BYTES as f64,
            "{kind}: {per_unit:.2} bytes of export a stored unit, {at_quota:.0} bytes at the quota"
        );
    }
}
