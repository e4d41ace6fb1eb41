//! A subscale's bands: each edge at the subscale's precision, listed from
//! the lowest scores to the highest, together covering every possible
//! score exactly once.

use super::{non_empty, Check, IdKind, InstrumentError, RangeProblem, TextPlace};
use crate::domain::instrument::{Instrument, Subscale};
use crate::domain::scoring::{format_units, to_units, units_range};
use std::collections::BTreeSet;

impl Instrument {
    pub(super) fn check_bands(&self, subscale: &Subscale) -> Check {
        let sub = || subscale.id.clone();
        let d = subscale.decimals;
        let mut ids = BTreeSet::new();
        // Each band as (id, min, max) in whole units of the last decimal
        // place, so that edges compare exactly.
        let mut ranges = Vec::with_capacity(subscale.bands.len());
        for band in &subscale.bands {
            non_empty(&band.id, || TextPlace::BandId(sub()))?;
            if !ids.insert(band.id.as_str()) {
                return Err(InstrumentError::DuplicateId {
                    kind: IdKind::Band(sub()),
                    id: band.id.clone(),
                });
            }
            non_empty(&band.label, || TextPlace::BandLabel {
                subscale: sub(),
                band: band.id.clone(),
            })?;
            if let Some(text) = &band.interpretation {
                non_empty(text, || TextPlace::BandInterpretation {
                    subscale: sub(),
                    band: band.id.clone(),
                })?;
            }
            let edge = |x: Option<f64>| -> Result<Option<i128>, InstrumentError> {
                match x {
                    None => Ok(None),
                    Some(x) => {
                        to_units(x, d)
                            .map(Some)
                            .ok_or_else(|| InstrumentError::BandPrecision {
                                subscale: sub(),
                                band: band.id.clone(),
                                decimals: d,
                            })
                    }
                }
            };
            let (min, max) = (edge(band.min)?, edge(band.max)?);
            if let (Some(min), Some(max)) = (min, max) {
                if min > max {
                    return Err(InstrumentError::BandOrder {
                        subscale: sub(),
                        band: band.id.clone(),
                    });
                }
            }
            ranges.push((band.id.as_str(), min, max));
        }
        if ranges.is_empty() {
            return Ok(());
        }
        let item_count = self.subscale_items(&subscale.id).len();
        let Some((lo, hi)) = units_range(&self.scale, subscale, item_count) else {
            return Err(InstrumentError::OutOfRange(Box::new(
                RangeProblem::ScoreRange { subscale: sub() },
            )));
        };
        let describe = |u: Option<i128>| u.map(|u| format_units(u, d));
        for &(id, min, max) in &ranges {
            let above = matches!((min, hi), (Some(min), Some(hi)) if min > hi);
            let below = matches!(max, Some(max) if max < lo);
            if above || below {
                return Err(InstrumentError::OutOfRange(Box::new(RangeProblem::Band {
                    subscale: sub(),
                    band: id.into(),
                    min: describe(min),
                    max: describe(max),
                    lowest: format_units(lo, d),
                    highest: describe(hi),
                })));
            }
        }
        let gap = |from: i128, to: Option<i128>| InstrumentError::BandGap {
            subscale: sub(),
            from: format_units(from, d),
            to: to.map(|t| format_units(t, d)),
        };
        for pair in ranges.windows(2) {
            let &[(lower, lower_min, lower_max), (upper, upper_min, _)] = pair else {
                continue;
            };
            let overlap = || InstrumentError::BandOverlap {
                subscale: sub(),
                lower: lower.into(),
                upper: upper.into(),
            };
            match (lower_max, upper_min) {
                (None, _) | (_, None) => {
                    // An open end anywhere but the outside edges covers
                    // scores its neighbour also covers.
                    return Err(match (lower_min, upper_min) {
                        (Some(a), Some(b)) if b < a => InstrumentError::BandOrder {
                            subscale: sub(),
                            band: upper.into(),
                        },
                        _ => overlap(),
                    });
                }
                (Some(lower_max), Some(upper_min)) => {
                    if lower_min.is_some_and(|a| upper_min < a) {
                        return Err(InstrumentError::BandOrder {
                            subscale: sub(),
                            band: upper.into(),
                        });
                    }
                    if upper_min <= lower_max {
                        return Err(overlap());
                    }
                    if upper_min > lower_max + 1 {
                        return Err(gap(lower_max + 1, Some(upper_min - 1)));
                    }
                }
            }
        }
        if let Some((_, Some(first_min), _)) = ranges.first() {
            if *first_min > lo {
                return Err(gap(lo, Some(first_min - 1)));
            }
        }
        if let Some((_, _, Some(last_max))) = ranges.last() {
            match hi {
                None => return Err(gap(last_max + 1, None)),
                Some(hi) if *last_max < hi => return Err(gap(last_max + 1, Some(hi))),
                Some(_) => {}
            }
        }
        Ok(())
    }
}
