//! Sections and items: ids, texts, how each item is scored, and the
//! options of choice items (fixed for the context questions the reading
//! relies on).

use super::{non_empty, Check, ChoiceProblem, IdKind, InstrumentError, TextPlace};
use crate::domain::instrument::{Instrument, Item, ItemKind};
use std::collections::BTreeSet;

impl Instrument {
    pub(super) fn check_sections(&self) -> Check {
        let mut ids = BTreeSet::new();
        for section in &self.sections {
            non_empty(&section.id, || TextPlace::SectionId)?;
            if !ids.insert(section.id.as_str()) {
                return Err(InstrumentError::DuplicateId {
                    kind: IdKind::Section,
                    id: section.id.clone(),
                });
            }
            non_empty(&section.title, || {
                TextPlace::SectionTitle(section.id.clone())
            })?;
            if let Some(intro) = &section.intro {
                non_empty(intro, || TextPlace::SectionIntro(section.id.clone()))?;
            }
            if section.items.is_empty() {
                return Err(InstrumentError::EmptySection {
                    section: section.id.clone(),
                });
            }
        }
        if !self.items().any(|i| i.kind != ItemKind::Choice) {
            return Err(InstrumentError::NoItems);
        }
        Ok(())
    }

    pub(super) fn check_items(&self) -> Check {
        let mut ids = BTreeSet::new();
        let mut contexts = BTreeSet::new();
        for item in self.items() {
            non_empty(&item.id, || TextPlace::ItemId)?;
            if !ids.insert(item.id.as_str()) {
                return Err(InstrumentError::DuplicateId {
                    kind: IdKind::Item,
                    id: item.id.clone(),
                });
            }
            non_empty(&item.text, || TextPlace::ItemText(item.id.clone()))?;
            for tag in &item.covers {
                non_empty(tag, || TextPlace::CoverageTag(item.id.clone()))?;
            }
            if let Some(question) = item.context {
                if !contexts.insert(question) {
                    return Err(InstrumentError::DuplicateId {
                        kind: IdKind::ContextQuestion,
                        id: question.as_str().into(),
                    });
                }
            }
            self.check_item_scoring(item)?;
            check_choice(item)?;
        }
        Ok(())
    }

    fn check_item_scoring(&self, item: &Item) -> Check {
        let id = || item.id.clone();
        match (&item.subscale, item.kind) {
            (Some(_), ItemKind::Choice) => {
                return Err(InstrumentError::ScoredChoice { item: id() })
            }
            (Some(_), ItemKind::Safety) => {
                return Err(InstrumentError::ScoredSafety { item: id() })
            }
            (Some(subscale), ItemKind::Scale) => {
                if self.subscale(subscale).is_none() {
                    return Err(InstrumentError::UnknownSubscale {
                        item: id(),
                        subscale: subscale.clone(),
                    });
                }
            }
            (None, _) => {
                if item.reverse {
                    return Err(InstrumentError::ReverseUnscored { item: id() });
                }
                if item.sign.is_some() {
                    return Err(InstrumentError::SignUnscored { item: id() });
                }
            }
        }
        if item.reverse && self.scale.max.is_none() {
            return Err(InstrumentError::ReverseWithoutMaximum { item: id() });
        }
        Ok(())
    }
}

fn check_choice(item: &Item) -> Check {
    let bad = |problem| {
        Err(InstrumentError::BadChoice {
            item: item.id.clone(),
            problem,
        })
    };
    if item.kind != ItemKind::Choice {
        if !item.options.is_empty() {
            return bad(ChoiceProblem::OptionsOnNonChoice);
        }
        if item.multiple {
            return bad(ChoiceProblem::MultipleOnNonChoice);
        }
        if item.context.is_some() {
            return bad(ChoiceProblem::ContextOnNonChoice);
        }
        return Ok(());
    }
    if item.options.len() < 2 {
        return bad(ChoiceProblem::TooFewOptions);
    }
    let mut ids = BTreeSet::new();
    for option in &item.options {
        non_empty(&option.id, || TextPlace::OptionId(item.id.clone()))?;
        if !ids.insert(option.id.as_str()) {
            return Err(InstrumentError::DuplicateId {
                kind: IdKind::ChoiceOption(item.id.clone()),
                id: option.id.clone(),
            });
        }
        non_empty(&option.label, || TextPlace::OptionLabel {
            item: item.id.clone(),
            option: option.id.clone(),
        })?;
    }
    let Some(question) = item.context else {
        return Ok(());
    };
    let Some(fixed) = question.fixed_options() else {
        return Ok(());
    };
    if item.multiple {
        return bad(ChoiceProblem::MustBeSingle(question));
    }
    // With at least two distinct options, all known, a recent-incident
    // item necessarily offers both "yes" and "no".
    match ids.iter().find(|id| !fixed.contains(id)) {
        Some(unknown) => bad(ChoiceProblem::UnknownOption(question, (*unknown).into())),
        None => Ok(()),
    }
}
