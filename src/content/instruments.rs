//! Tend's own check-in, pulse and organisation self-check for a locale: the language's translations
//! when its pack carries them (checked as faithful translations when the
//! pack is installed), otherwise the English definitions compiled into the
//! core ([`tend_core::builtin`]).

use super::Locale;
use tend_core::domain::instrument::Instrument;
use tend_core::domain::validation::InstrumentError;

pub use tend_core::builtin::{PULSE_EN, TEND_EN};

/// Tend's check-in for `locale`, parsed and validated once.
pub fn tend(locale: Locale) -> Result<&'static Instrument, &'static InstrumentError> {
    match locale.own_instruments() {
        Some(own) => Ok(&own.checkin),
        None => tend_core::builtin::tend(),
    }
}

/// The earlier versions of Tend's check-in for `locale`, oldest first:
/// what check-ins answered with them are scored and read with.
pub fn tend_earlier(locale: Locale) -> Result<&'static [Instrument], &'static InstrumentError> {
    match locale.own_instruments() {
        Some(own) => Ok(&own.earlier),
        None => tend_core::builtin::tend_earlier(),
    }
}

/// Tend's pulse for `locale`, parsed and validated once.
pub fn pulse(locale: Locale) -> Result<&'static Instrument, &'static InstrumentError> {
    match locale.own_instruments() {
        Some(own) => Ok(&own.pulse),
        None => tend_core::builtin::pulse(),
    }
}

/// Tend's organisation self-check for `locale`, parsed and validated once:
/// the language's translation when it has one, otherwise English's.
pub fn org(locale: Locale) -> Result<&'static Instrument, &'static InstrumentError> {
    match locale.own_instruments().and_then(|own| own.org.as_ref()) {
        Some(org) => Ok(org),
        None => tend_core::builtin::org(),
    }
}
