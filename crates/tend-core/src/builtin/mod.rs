//! Tend's own check-in and pulse, as instrument definitions compiled in.
//! They go through the same validation as any definition an organisation
//! loads. Only English is written so far; a translation must pass
//! [`Instrument::check_translation_of`] against the English one.

use crate::domain::instrument::Instrument;
use crate::domain::validation::InstrumentError;
use std::sync::OnceLock;

/// The English definition of Tend's check-in, as shipped.
pub const TEND_EN: &str = include_str!("tend.en.json");

/// The English definition of Tend's one-minute pulse, as shipped.
pub const PULSE_EN: &str = include_str!("pulse.en.json");

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

/// Tend's pulse, parsed and validated once. Its headline subscales share
/// their ids, headline markers, scoring and bands with Tend's check-in, so
/// pulses sit beside check-ins in the history. An error here is a defect in
/// the shipped file, caught by the native tests.
pub fn pulse() -> Result<&'static Instrument, &'static InstrumentError> {
    static EN: OnceLock<Result<Instrument, InstrumentError>> = OnceLock::new();
    EN.get_or_init(|| Instrument::from_json(PULSE_EN)).as_ref()
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
}
