//! Subscales: ids, names, the share of answers needed, precision, and the
//! tree they roll up into.

use super::{non_empty, Check, IdKind, InstrumentError, RangeProblem, TextPlace};
use crate::domain::instrument::Instrument;
use crate::domain::scoring::MAX_DECIMALS;
use std::collections::BTreeSet;

impl Instrument {
    pub(super) fn check_subscale_ids(&self) -> Check {
        let mut ids = BTreeSet::new();
        for subscale in &self.subscales {
            non_empty(&subscale.id, || TextPlace::SubscaleId)?;
            if !ids.insert(subscale.id.as_str()) {
                return Err(InstrumentError::DuplicateId {
                    kind: IdKind::Subscale,
                    id: subscale.id.clone(),
                });
            }
            non_empty(&subscale.name, || {
                TextPlace::SubscaleName(subscale.id.clone())
            })?;
            let share = subscale.min_answered;
            if !(share > 0.0 && share <= 1.0) {
                return Err(InstrumentError::OutOfRange(Box::new(
                    RangeProblem::MinAnswered {
                        subscale: subscale.id.clone(),
                        share: format!("{share}"),
                    },
                )));
            }
            if subscale.decimals > MAX_DECIMALS {
                return Err(InstrumentError::OutOfRange(Box::new(
                    RangeProblem::Decimals {
                        subscale: subscale.id.clone(),
                        decimals: subscale.decimals,
                        most: MAX_DECIMALS,
                    },
                )));
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
