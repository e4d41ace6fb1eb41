//! Tend's own check-in, as instrument definitions compiled in (one JSON file
//! per locale). They go through the same validation as any definition an
//! organisation loads.

use super::Locale;
use crate::domain::instrument::Instrument;
use crate::domain::validation::InstrumentError;
use std::sync::OnceLock;

/// The English definition of Tend's check-in, as shipped.
pub const TEND_EN: &str = include_str!("tend.en.json");

/// The definition text of Tend's check-in for a locale. Only English is
/// written so far, so every locale gets it until its translation exists
/// (a translation must pass [`Instrument::check_translation_of`] against
/// the English one).
pub fn tend_json(_locale: Locale) -> &'static str {
    TEND_EN
}

/// Tend's check-in for `locale`, parsed and validated once. An error here
/// is a defect in the shipped file, caught by the native tests; the app
/// shows the error rather than panicking.
pub fn tend(locale: Locale) -> Result<&'static Instrument, &'static InstrumentError> {
    static EN: OnceLock<Result<Instrument, InstrumentError>> = OnceLock::new();
    EN.get_or_init(|| Instrument::from_json(tend_json(locale)))
        .as_ref()
}

/// The English definition of Tend's one-minute pulse, as shipped.
pub const PULSE_EN: &str = include_str!("pulse.en.json");

/// The definition text of Tend's pulse for a locale. Only English is
/// written so far, so every locale gets it until its translation exists.
pub fn pulse_json(_locale: Locale) -> &'static str {
    PULSE_EN
}

/// Tend's pulse for `locale`, parsed and validated once. Its headline
/// subscales share their ids, headline markers, scoring and bands with
/// Tend's check-in, so pulses sit beside check-ins in the history. An error
/// here is a defect in the shipped file, caught by the native tests.
pub fn pulse(locale: Locale) -> Result<&'static Instrument, &'static InstrumentError> {
    static EN: OnceLock<Result<Instrument, InstrumentError>> = OnceLock::new();
    EN.get_or_init(|| Instrument::from_json(pulse_json(locale)))
        .as_ref()
}
