//! Subscales: ids, names, the share of answers needed, precision, and the
//! tree they roll up into.

use super::{non_empty, Check, IdKind, InstrumentError};
use crate::domain::instrument::Instrument;
use crate::domain::scoring::MAX_DECIMALS;
use std::collections::BTreeSet;

impl Instrument {
    pub(super) fn check_subscale_ids(&self) -> Check {
        let mut ids = BTreeSet::new();
        for subscale in &self.subscales {
            non_empty(&subscale.id, || "a subscale id".into())?;
            if !ids.insert(subscale.id.as_str()) {
                return Err(InstrumentError::DuplicateId {
                    kind: IdKind::Subscale,
                    id: subscale.id.clone(),
                });
            }
            non_empty(&subscale.name, || {
                format!("the name of subscale \"{}\"", subscale.id)
            })?;
            let share = subscale.min_answered;
            if !(share > 0.0 && share <= 1.0) {
                return Err(InstrumentError::OutOfRange {
                    place: format!(
                        "the share of items that must be answered for subscale \"{}\"",
                        subscale.id
                    ),
                    value: format!("{share}"),
                    allowed: "above 0 and at most 1".into(),
                });
            }
            if subscale.decimals > MAX_DECIMALS {
                return Err(InstrumentError::OutOfRange {
                    place: format!(
                        "the number of decimal places of subscale \"{}\"",
                        subscale.id
                    ),
                    value: subscale.decimals.to_string(),
                    allowed: format!("from 0 to {MAX_DECIMALS}"),
                });
            }
        }
        Ok(())
    }

    pub(super) fn check_subscale_tree(&self) -> Check {
        for subscale in &self.subscales {
            if let Some(parent) = &subscale.parent {
                if self.subscale(parent).is_none() {
                    return Err(InstrumentError::UnknownParent {
                        subscale: subscale.id.clone(),
                        parent: parent.clone(),
                    });
                }
            }
        }
        for subscale in &self.subscales {
            if let Some(parent) = &subscale.parent {
                if self.is_within(parent, &subscale.id) {
                    return Err(InstrumentError::ParentCycle {
                        subscale: subscale.id.clone(),
                    });
                }
            }
        }
        for subscale in &self.subscales {
            if self.subscale_items(&subscale.id).is_empty() {
                return Err(InstrumentError::EmptySubscale {
                    subscale: subscale.id.clone(),
                });
            }
        }
        for (i, first) in self.subscales.iter().enumerate() {
            let Some(headline) = first.headline else {
                continue;
            };
            if let Some(second) = self.subscales[i + 1..]
                .iter()
                .find(|s| s.headline == Some(headline))
            {
                return Err(InstrumentError::DuplicateHeadline {
                    headline,
                    first: first.id.clone(),
                    second: second.id.clone(),
                });
            }
        }
        Ok(())
    }
}
