//! A subscale's bands: each edge at the subscale's precision, listed from
//! the lowest scores to the highest, together covering every possible
//! score exactly once.

use super::{non_empty, Check, IdKind, InstrumentError};
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
            non_empty(&band.id, || {
                format!("a band id of subscale \"{}\"", subscale.id)
            })?;
            if !ids.insert(band.id.as_str()) {
                return Err(InstrumentError::DuplicateId {
                    kind: IdKind::Band(sub()),
                    id: band.id.clone(),
                });
            }
            non_empty(&band.label, || {
                format!(
                    "the label of band \"{}\" of subscale \"{}\"",
                    band.id, subscale.id
                )
            })?;
            if let Some(text) = &band.interpretation {
                non_empty(text, || {
                    format!(
                        "the interpretation of band \"{}\" of subscale \"{}\"",
                        band.id, subscale.id
                    )
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
            return Err(InstrumentError::OutOfRange {
                place: format!("the possible score range of subscale \"{}\"", subscale.id),
                value: "too large".into(),
                allowed: "small enough to compute".into(),
            });
        };
        let describe = |u: Option<i128>| u.map_or_else(|| "open".into(), |u| format_units(u, d));
        let allowed = match hi {
            Some(hi) => format!(
                "within the possible scores {} to {}",
                format_units(lo, d),
                format_units(hi, d)
            ),
            None => format!(
                "within the possible scores {} and above",
                format_units(lo, d)
            ),
        };
        for &(id, min, max) in &ranges {
            let above = matches!((min, hi), (Some(min), Some(hi)) if min > hi);
            let below = matches!(max, Some(max) if max < lo);
            if above || below {
                return Err(InstrumentError::OutOfRange {
                    place: format!("band \"{id}\" of subscale \"{}\"", subscale.id),
                    value: format!("{} to {}", describe(min), describe(max)),
                    allowed,
                });
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
