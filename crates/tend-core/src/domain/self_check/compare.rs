//! Self-checks side by side, area by area: one leader's over time, or
//! several leaders' from the same weeks (each sees the organisation from
//! where they stand; the differences are worth talking about). Shaped for
//! a table and a chart: one row per area, one cell per self-check.

use super::record::SelfCheck;
use super::result::{score_self_check, AreaResult};
use crate::domain::instrument::Instrument;

/// The self-checks compared, in the order given: the table's columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComparedCheck {
    /// The self-check's id.
    pub id: String,
    /// When it was completed (ms since the epoch).
    pub completed_at: i64,
    /// The team or unit it was answered for, if named.
    pub team: Option<String>,
    /// Whether it was answered with the instrument compared against (any
    /// version of it). One answered with another instrument has no cells.
    pub comparable: bool,
}

/// One area across every self-check compared: a row of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaRow {
    /// The area's id (its name is in the instrument).
    pub area: String,
    /// One cell per self-check, in the order of the columns: its score,
    /// band and "don't know" count for this area, or none where the
    /// self-check is not comparable.
    pub cells: Vec<Option<AreaResult>>,
}

/// Several self-checks set side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The self-checks, in the order given.
    pub columns: Vec<ComparedCheck>,
    /// One row per area, in the instrument's order.
    pub rows: Vec<AreaRow>,
}

/// Sets `checks` side by side, each scored with `instrument` (the
/// self-check as Tend has it now: answers are read by statement id, so one
/// answered with an earlier version keeps the meaning of every statement it
/// shares). Self-checks of another instrument are listed but have no
/// cells. The order given is kept; sort by date first for change over time.
pub fn compare<'a>(
    instrument: &Instrument,
    checks: impl IntoIterator<Item = &'a SelfCheck>,
) -> Comparison {
    let mut columns = Vec::new();
    let mut results = Vec::new();
    for check in checks {
        let comparable = check.instrument_id == instrument.id;
        columns.push(ComparedCheck {
            id: check.id.clone(),
            completed_at: check.completed_at,
            team: check.team.clone(),
            comparable,
        });
        results.push(comparable.then(|| score_self_check(instrument, &check.answers)));
    }
    let rows = instrument
        .subscales
        .iter()
        .map(|area| AreaRow {
            area: area.id.clone(),
            cells: results
                .iter()
                .map(|r| r.as_ref().and_then(|r| r.area(&area.id)).cloned())
                .collect(),
        })
        .collect();
    Comparison { columns, rows }
}
