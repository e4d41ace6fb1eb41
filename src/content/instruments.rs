//! Tend's own check-in and pulse for a locale. The definitions live in the
//! core ([`tend_core::builtin`]); only English is written so far, so every
//! locale gets it until its translation exists.

use super::Locale;
use tend_core::domain::instrument::Instrument;
use tend_core::domain::validation::InstrumentError;

pub use tend_core::builtin::{PULSE_EN, TEND_EN};

/// Tend's check-in for `locale`, parsed and validated once.
pub fn tend(_locale: Locale) -> Result<&'static Instrument, &'static InstrumentError> {
    tend_core::builtin::tend()
}

/// The earlier versions of Tend's check-in for `locale`, oldest first:
/// what check-ins answered with them are scored and read with.
pub fn tend_earlier(_locale: Locale) -> Result<&'static [Instrument], &'static InstrumentError> {
    tend_core::builtin::tend_earlier()
}

/// Tend's pulse for `locale`, parsed and validated once.
pub fn pulse(_locale: Locale) -> Result<&'static Instrument, &'static InstrumentError> {
    tend_core::builtin::pulse()
}
