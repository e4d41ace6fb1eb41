//! Whether a translated definition is the same instrument as its base,
//! with only the words changed.

use super::{Check, InstrumentError};
use crate::domain::instrument::{Instrument, Item, Subscale};

impl Instrument {
    /// Checks that `self` is a faithful translation of `base`: the same
    /// instrument, kind, version, items, options, scale, bands and actions,
    /// with only the words changed. Both must already be valid on their
    /// own.
    pub fn check_translation_of(&self, base: &Instrument) -> Check {
        let locale = self.locale.clone();
        let missing = |what: String| InstrumentError::MissingTranslation {
            locale: locale.clone(),
            what,
        };
        let differs = |what: String| InstrumentError::TranslationDiffers {
            locale: locale.clone(),
            what,
        };
        if self.id != base.id || self.version != base.version {
            return Err(differs(format!(
                "it is \"{}\" version {}, not \"{}\" version {}",
                self.id, self.version, base.id, base.version
            )));
        }
        if self.kind != base.kind {
            return Err(differs(format!(
                "it is of kind \"{}\", not \"{}\"",
                self.kind.as_str(),
                base.kind.as_str()
            )));
        }
        let (scale, base_scale) = (&self.scale, &base.scale);
        if scale.min != base_scale.min || scale.max != base_scale.max {
            return Err(differs("the answer scale's range".into()));
        }
        for point in &base_scale.labels {
            if scale.label(point.value).is_none() {
                return Err(missing(format!("the label of scale value {}", point.value)));
            }
        }
        if base_scale.prefer_not.is_some() && scale.prefer_not.is_none() {
            return Err(missing("the \"prefer not to answer\" label".into()));
        }
        if base_scale.dont_know.is_some() && scale.dont_know.is_none() {
            return Err(missing("the \"don't know\" label".into()));
        }
        for section in &base.sections {
            let Some(ours) = self.sections.iter().find(|s| s.id == section.id) else {
                return Err(missing(format!("section \"{}\"", section.id)));
            };
            if section.intro.is_some() && ours.intro.is_none() {
                return Err(missing(format!("the intro of section \"{}\"", section.id)));
            }
        }
        for item in base.items() {
            let Some(ours) = self.item(&item.id) else {
                return Err(missing(format!("item \"{}\"", item.id)));
            };
            let option_ids = |i: &Item| i.options.iter().map(|o| o.id.clone()).collect::<Vec<_>>();
            if ours.kind != item.kind
                || ours.subscale != item.subscale
                || ours.reverse != item.reverse
                || ours.multiple != item.multiple
                || ours.context != item.context
                || ours.sign != item.sign
                || ours.covers != item.covers
                || option_ids(ours) != option_ids(item)
            {
                return Err(differs(format!("item \"{}\"", item.id)));
            }
        }
        let layout = |i: &Instrument| {
            i.sections
                .iter()
                .map(|s| {
                    (
                        s.id.clone(),
                        s.items.iter().map(|i| i.id.clone()).collect::<Vec<_>>(),
                    )
                })
                .collect::<Vec<_>>()
        };
        if layout(self) != layout(base) {
            return Err(differs("its sections hold different items".into()));
        }
        for subscale in &base.subscales {
            let Some(ours) = self.subscale(&subscale.id) else {
                return Err(missing(format!("subscale \"{}\"", subscale.id)));
            };
            let shape = |s: &Subscale| {
                (
                    s.scoring,
                    s.min_answered.to_bits(),
                    s.decimals,
                    s.parent.clone(),
                    s.headline,
                    s.bands
                        .iter()
                        .map(|b| {
                            (
                                b.id.clone(),
                                b.min.map(f64::to_bits),
                                b.max.map(f64::to_bits),
                            )
                        })
                        .collect::<Vec<_>>(),
                    s.actions.iter().map(|a| a.id.clone()).collect::<Vec<_>>(),
                )
            };
            if shape(ours) != shape(subscale) {
                return Err(differs(format!("subscale \"{}\"", subscale.id)));
            }
            for band in &subscale.bands {
                if band.interpretation.is_some()
                    && ours
                        .band(&band.id)
                        .is_some_and(|b| b.interpretation.is_none())
                {
                    return Err(missing(format!(
                        "the interpretation of band \"{}\" of subscale \"{}\"",
                        band.id, subscale.id
                    )));
                }
            }
        }
        if self.subscales.len() != base.subscales.len() {
            return Err(differs("it has subscales the original does not".into()));
        }
        Ok(())
    }
}
