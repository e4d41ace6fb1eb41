//! The answer scale: its range, its labelled points and the "prefer not
//! to answer" and "don't know" labels.

use super::{non_empty, Check, IdKind, InstrumentError, RangeProblem, TextPlace};
use crate::domain::instrument::Instrument;
use std::collections::BTreeSet;

impl Instrument {
    pub(super) fn check_scale(&self) -> Check {
        let scale = &self.scale;
        if let Some(max) = scale.max {
            if max <= scale.min {
                return Err(InstrumentError::OutOfRange(Box::new(
                    RangeProblem::ScaleMaximum {
                        max,
                        min: scale.min,
                    },
                )));
            }
        }
        let mut seen = BTreeSet::new();
        for point in &scale.labels {
            if !seen.insert(point.value) {
                return Err(InstrumentError::DuplicateId {
                    kind: IdKind::ScalePoint,
                    id: point.value.to_string(),
                });
            }
            if !scale.contains(point.value) {
                return Err(InstrumentError::OutOfRange(Box::new(
                    RangeProblem::ScaleLabelValue {
                        value: point.value,
                        min: scale.min,
                        max: scale.max,
                    },
                )));
            }
            non_empty(&point.label, || TextPlace::ScaleLabel(point.value))?;
        }
        for end in std::iter::once(scale.min).chain(scale.max) {
            if scale.label(end).is_none() {
                return Err(InstrumentError::MissingScaleLabel { value: end });
            }
        }
        if let Some(label) = &scale.prefer_not {
            non_empty(label, || TextPlace::PreferNot)?;
        }
        if let Some(label) = &scale.dont_know {
            non_empty(label, || TextPlace::DontKnow)?;
        }
        Ok(())
    }
}
