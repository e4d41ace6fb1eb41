//! Tend's own check-in and pulse, and its organisation self-check, as
//! instrument definitions compiled in. They go through the same validation
//! as any definition an organisation loads. A translation must pass
//! [`Instrument::check_translation_of`] against the English one.
//!
//! The self-check sits in its own folder, `org/`, because the build reads
//! every `<name>.<code>.json` beside this file as a translation of the
//! check-in or pulse into the language pack (see `tend_content::build`).
//! The build reads `org/` too, and carries `org.<code>.json` in that
//! language's pack when there is one (the app's
//! `content::instruments::org`); only English is compiled in here.
//!
//! # Versions
//!
//! A saved check-in names the version it was answered with, and is always
//! scored and read with that version, so an old check-in keeps its
//! meaning when the check-in changes. Every earlier version of Tend's own
//! check-in therefore stays here, frozen. Between versions an item id never
//! changes meaning: an item whose wording changes what it asks gets a new
//! id, so an answer can be carried from one version to the next by id (see
//! [`crate::store::data::TendData::carry_draft_over`]).
//!
//! - Version 1: the first check-in.
//! - Version 2: exhaustion and lost interest asked as things other people's
//!   trauma brings home, beside the burnout items that ask them of the job
//!   (`sts-drained`, `sts-lost-interest`); low mood, poor sleep and trouble
//!   concentrating asked with no cause named, among the health signals
//!   (`hs-low-mood`, `hs-sleep`, `hs-focus`); the arousal items on sleep and
//!   focus ask about being on guard rather than about returning thoughts
//!   (`aro-light-sleep`, `aro-attention` for `aro-sleep`, `aro-focus`); the
//!   items that asked two things ask one (`bo-worn-out`, `bo-lost-interest`,
//!   `neg-expect-worst` for `bo-exhausted`, `bo-interest`, `neg-worst`); and
//!   the avoidance item is worded afresh (`avn-keep-clear` for `avn-avoid`).

use crate::domain::instrument::Instrument;
use crate::domain::validation::InstrumentError;
use std::sync::OnceLock;

/// The English definition of Tend's check-in, as shipped.
pub const TEND_EN: &str = include_str!("tend.en.json");

/// The English definition of version 1 of Tend's check-in, frozen so that
/// check-ins answered with it are read as they were. It differs from the
/// file first shipped only in naming its sleep item's sign, which the
/// recommendations used to find by id.
pub const TEND_V1_EN: &str = include_str!("tend.v1.en.json");

/// The English definition of Tend's one-minute pulse, as shipped.
pub const PULSE_EN: &str = include_str!("pulse.en.json");

/// The English definition of Tend's organisation self-check, as shipped.
pub const ORG_EN: &str = include_str!("org/org.en.json");

/// The id of Tend's organisation self-check.
pub const ORG_ID: &str = "tend-org";

/// The ids of Tend's own check-in and pulse. Their bands are Tend's own
/// cut-offs, not clinically validated ones, and the app says so beside
/// their scores.
pub const OWN_IDS: [&str; 2] = ["tend", "tend-pulse"];

/// Whether `instrument_id` is Tend's own check-in or pulse.
pub fn is_own(instrument_id: &str) -> bool {
    OWN_IDS.contains(&instrument_id)
}

/// Tend's check-in, parsed and validated once. An error here is a defect in
/// the shipped file, caught by the native tests; the app shows the error
/// rather than panicking.
pub fn tend() -> Result<&'static Instrument, &'static InstrumentError> {
    static EN: OnceLock<Result<Instrument, InstrumentError>> = OnceLock::new();
    EN.get_or_init(|| Instrument::from_json(TEND_EN)).as_ref()
}

/// The earlier versions of Tend's check-in, oldest first, parsed and
/// validated once: what check-ins answered with them are scored with. An
/// error here is a defect in a shipped file, caught by the native tests.
pub fn tend_earlier() -> Result<&'static [Instrument], &'static InstrumentError> {
    static EN: OnceLock<Result<Vec<Instrument>, InstrumentError>> = OnceLock::new();
    EN.get_or_init(|| Ok(vec![Instrument::from_json(TEND_V1_EN)?]))
        .as_ref()
        .map(Vec::as_slice)
}

/// Tend's pulse, parsed and validated once. Its headline subscales share
/// their ids, headline markers, scoring and bands with Tend's check-in, so
/// pulses sit beside check-ins in the history. An error here is a defect in
/// the shipped file, caught by the native tests.
pub fn pulse() -> Result<&'static Instrument, &'static InstrumentError> {
    static EN: OnceLock<Result<Instrument, InstrumentError>> = OnceLock::new();
    EN.get_or_init(|| Instrument::from_json(PULSE_EN)).as_ref()
}

/// Tend's organisation self-check, parsed and validated once. An error
/// here is a defect in the shipped file, caught by the native tests.
pub fn org() -> Result<&'static Instrument, &'static InstrumentError> {
    static EN: OnceLock<Result<Instrument, InstrumentError>> = OnceLock::new();
    EN.get_or_init(|| Instrument::from_json(ORG_EN)).as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_check_in_and_pulse_are_tend_s_own() {
        assert!(tend().is_ok_and(|i| is_own(&i.id)));
        assert!(pulse().is_ok_and(|i| is_own(&i.id)));
        assert!(!is_own("proqol-shaped"));
    }

    #[test]
    fn every_earlier_version_is_kept_and_older_than_the_current_one() {
        let (Ok(current), Ok(earlier)) = (tend(), tend_earlier()) else {
            panic!("a shipped definition does not load");
        };
        let versions: Vec<&str> = earlier.iter().map(|i| i.version.as_str()).collect();
        assert_eq!(versions, ["1"]);
        assert_eq!(current.version, "2");
        assert!(earlier.iter().all(|i| i.id == current.id));
    }
}
