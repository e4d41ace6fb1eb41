//! Area scores as CSV, for a spreadsheet or a report: one row per
//! self-check and area, and nothing else. No answers, no statements, and
//! no team or unit names: a file like this gets forwarded, and a name
//! could point at the few people in a small unit. The self-check's id
//! (random, see [`super::record::ID_PREFIX`]) tells rows of two checks on
//! one day apart.
//!
//! Columns: `date` (the day it was completed, `YYYY-MM-DD`, in the
//! leader's time zone), `self_check` (its id), `area` (the area's id),
//! `score` (at the area's precision; empty when not enough was answered),
//! `band` (the band's id, or `not-enough-answered`), `dont_know`,
//! `answered` and `statements` (counts). Ids, not names, so a file reads
//! the same whatever language Tend was in. Lines end in CRLF (RFC 4180).

use super::record::SelfCheck;
use super::result::score_self_check;
use crate::domain::entry::entry_order;
use crate::domain::instrument::Instrument;
use crate::domain::scoring::{format_units, to_units};
use crate::time::civil_date;

/// The header line's columns.
pub const CSV_COLUMNS: [&str; 8] = [
    "date",
    "self_check",
    "area",
    "score",
    "band",
    "dont_know",
    "answered",
    "statements",
];

/// What the band column says for an area without a score.
pub const NOT_ENOUGH_ANSWERED: &str = "not-enough-answered";

/// The area scores of `checks` as CSV text: the self-checks answered with
/// `instrument` (others are left out), oldest first, each area in the
/// instrument's order. `offset_minutes` is the leader's time zone, minutes
/// ahead of UTC, for the dates.
pub fn csv_of_area_scores<'a>(
    instrument: &Instrument,
    checks: impl IntoIterator<Item = &'a SelfCheck>,
    offset_minutes: i32,
) -> String {
    let mut checks: Vec<&SelfCheck> = checks
        .into_iter()
        .filter(|c| c.instrument_id == instrument.id)
        .collect();
    checks.sort_by(|a, b| entry_order(*a, *b));
    let mut out = CSV_COLUMNS.join(",");
    out.push_str("\r\n");
    for check in checks {
        let local = check
            .completed_at
            .saturating_add(i64::from(offset_minutes) * 60_000);
        let (y, m, d) = civil_date(local);
        let date = format!("{y:04}-{m:02}-{d:02}");
        for area in score_self_check(instrument, &check.answers).areas {
            let decimals = instrument.subscale(&area.area).map_or(0, |s| s.decimals);
            let score = area
                .score()
                .and_then(|s| to_units(s.value, decimals))
                .map(|units| format_units(units, decimals))
                .unwrap_or_default();
            let band = match area.score() {
                Some(_) => area.band().unwrap_or_default().to_string(),
                None => NOT_ENOUGH_ANSWERED.to_string(),
            };
            let row = [
                date.clone(),
                check.id.clone(),
                area.area.clone(),
                score,
                band,
                area.dont_know.to_string(),
                area.answered.to_string(),
                area.statements.to_string(),
            ];
            let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// One CSV cell: quoted when it holds a comma, quote or line break, and
/// with a leading `'` when a spreadsheet would take it for a formula.
/// Tend's own ids and numbers never need either; a loaded self-check's
/// ids might.
fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '@', '\t', '\r'])
        || (text.starts_with('-') && text.parse::<f64>().is_err())
    {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}
