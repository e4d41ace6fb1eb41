//! The checks a definition passes before Tend uses it, and the errors that
//! name what is wrong in plain words. Validation stops at the first problem
//! and never changes anything: a definition is either accepted whole or not
//! at all.
//!
//! Each concept has its own file: the errors, the answer scale, sections
//! and items, subscales, bands, the rules of an organisation self-check,
//! and translations.

mod bands;
mod error;
mod items;
mod scale;
mod self_check;
mod subscales;
mod translation;

pub use error::{
    allowed_ids, ChoiceProblem, IdKind, InstrumentError, RangeProblem, SelfCheckProblem, TextPlace,
};

use super::instrument::Instrument;

type Check = Result<(), InstrumentError>;

impl Instrument {
    /// Checks the whole definition; the first problem found is returned.
    pub fn validate(&self) -> Check {
        self.check_header()?;
        self.check_scale()?;
        self.check_sections()?;
        self.check_subscale_ids()?;
        self.check_items()?;
        self.check_subscale_tree()?;
        self.check_kind()?;
        self.check_actions()?;
        for subscale in &self.subscales {
            self.check_bands(subscale)?;
        }
        Ok(())
    }

    fn check_header(&self) -> Check {
        non_empty(&self.id, || TextPlace::InstrumentId)?;
        non_empty(&self.version, || TextPlace::Version)?;
        non_empty(&self.title, || TextPlace::Title)?;
        non_empty(&self.attribution, || TextPlace::Attribution)?;
        if !is_language_tag(&self.locale) {
            return Err(InstrumentError::MissingLocale {
                found: self.locale.clone(),
            });
        }
        Ok(())
    }
}

fn non_empty(text: &str, place: impl FnOnce() -> TextPlace) -> Check {
    if text.trim().is_empty() {
        Err(InstrumentError::EmptyText { place: place() })
    } else {
        Ok(())
    }
}

/// A language tag as far as Tend needs one: a 2–3 letter language, then
/// optional letter-or-digit parts (`en`, `es-419`, `en-GB`).
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_lowercase()));
    language_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        for ok in ["en", "es", "en-GB", "es-419", "fil"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "e", "EN", "english", "en_GB", "en-", "en-GB-"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
