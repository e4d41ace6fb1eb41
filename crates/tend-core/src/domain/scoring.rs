//! The scoring engine: answers in, one score per subscale out, each with
//! its band. Pure and data-driven: everything it knows about an instrument
//! comes from the definition.
//!
//! Scores are computed exactly in integers: keyed answers are summed, then
//! divided once, rounded half away from zero to the subscale's decimal
//! places. Band edges are compared at the same precision, so a score of
//! exactly 22 is in the band that ends at 22, and 22.4 rounded to no
//! decimals is too.

use super::answer::{Answer, Answers};
use super::instrument::{Headline, Instrument, Item, ItemKind, ResponseScale, Scoring, Subscale};

/// The most decimal places a subscale may round to.
pub const MAX_DECIMALS: u8 = 4;

/// The scores of one check-in, one per subscale, in definition order.
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    /// The instrument's id.
    pub instrument: String,
    /// The instrument's version.
    pub version: String,
    /// One score per subscale, in the order the definition lists them.
    pub scores: Vec<SubscaleScore>,
}

/// The outcome for one subscale.
#[derive(Clone, Debug, PartialEq)]
pub struct SubscaleScore {
    /// The subscale's id.
    pub subscale: String,
    /// Which headline the subscale is, if any.
    pub headline: Option<Headline>,
    /// How many items the subscale is scored over.
    pub items: usize,
    /// How many of them were answered with a value on the scale.
    pub answered: usize,
    /// The score, or why there is none.
    pub result: SubscaleResult,
}

/// A score, or the reason there is none.
#[derive(Clone, Debug, PartialEq)]
pub enum SubscaleResult {
    /// Enough items were answered.
    Scored(Score),
    /// Fewer items were answered than the subscale's minimum share.
    NotEnoughAnswers,
}

/// A subscale's score.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    /// The score, rounded to the subscale's decimal places. A sum with
    /// items missing is prorated: mean of the answered items × item count.
    pub value: f64,
    /// The band the score falls in, if the subscale has bands.
    pub band: Option<BandRef>,
    /// Where the score sits in the possible range, from 0 (lowest
    /// possible) to 1 (highest); none when the scale has no maximum.
    pub position: Option<f64>,
}

/// Which band a score falls in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BandRef {
    /// The band's id (`low`); its label is in the instrument.
    pub id: String,
    /// The band's place from the bottom: 0 is the band of the lowest
    /// scores.
    pub rank: usize,
}

/// The lowest and highest score a subscale can take.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScoreRange {
    /// The lowest possible score.
    pub min: f64,
    /// The highest possible score, or none when the scale has no maximum.
    pub max: Option<f64>,
}

impl Profile {
    /// The score of the subscale with this id.
    pub fn get(&self, subscale: &str) -> Option<&SubscaleScore> {
        self.scores.iter().find(|s| s.subscale == subscale)
    }

    /// The score of the subscale marked as this headline.
    pub fn headline(&self, headline: Headline) -> Option<&SubscaleScore> {
        self.scores.iter().find(|s| s.headline == Some(headline))
    }
}

impl SubscaleScore {
    /// The score, when there is one.
    pub fn score(&self) -> Option<&Score> {
        match &self.result {
            SubscaleResult::Scored(score) => Some(score),
            SubscaleResult::NotEnoughAnswers => None,
        }
    }
}

/// Scores every subscale of `instrument` from `answers`. Answers that are
/// not possible for their item (a value off the scale, an unknown item)
/// count as missing; "prefer not to answer" counts as missing too.
pub fn score(instrument: &Instrument, answers: &Answers) -> Profile {
    Profile {
        instrument: instrument.id.clone(),
        version: instrument.version.clone(),
        scores: instrument
            .subscales
            .iter()
            .map(|s| score_subscale(instrument, s, answers))
            .collect(),
    }
}

fn score_subscale(
    instrument: &Instrument,
    subscale: &Subscale,
    answers: &Answers,
) -> SubscaleScore {
    let items = instrument.subscale_items(&subscale.id);
    let keyed: Vec<i32> = items
        .iter()
        .filter_map(|item| keyed_value(&instrument.scale, item, answers))
        .collect();
    let (n, m) = (items.len(), keyed.len());
    // A small tolerance so that 8 of 10 meets a minimum share written as 0.8.
    let enough = m > 0 && m as f64 + 1e-9 >= subscale.min_answered * n as f64;
    let result = if enough {
        let total: i128 = keyed.iter().copied().map(i128::from).sum();
        let scale = pow10(subscale.decimals);
        let numerator = match subscale.scoring {
            Scoring::Sum => total * n as i128 * scale,
            Scoring::Mean => total * scale,
        };
        let units = round_div(numerator, m as i128);
        SubscaleResult::Scored(Score {
            value: units as f64 / scale as f64,
            band: band_at(subscale, units),
            position: position(&instrument.scale, subscale, n, units),
        })
    } else {
        SubscaleResult::NotEnoughAnswers
    };
    SubscaleScore {
        subscale: subscale.id.clone(),
        headline: subscale.headline,
        items: n,
        answered: m,
        result,
    }
}

/// The value an answer adds to its subscale: the answer, reverse keyed
/// (`max + min - value`) when the item says so. None when the item is not
/// a scale item or has no possible value answer.
pub fn keyed_value(scale: &ResponseScale, item: &Item, answers: &Answers) -> Option<i32> {
    if item.kind != ItemKind::Scale {
        return None;
    }
    let answer = answers.get(&item.id)?;
    match answer {
        Answer::Value(v) if item.accepts(scale, answer) => {
            if item.reverse {
                scale.reverse(*v)
            } else {
                Some(*v)
            }
        }
        _ => None,
    }
}

/// How a safety item was answered, when the answer means Tend shows the
/// help panel. Each has its own words: only [`SafetyAnswer::Said`] may be
/// read back to the person as having had such thoughts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SafetyAnswer {
    /// Above the scale's lowest point ("Never").
    Said,
    /// "Prefer not to answer".
    PreferNot,
}

/// How the safety items were answered, if any answer means the help panel
/// shows: [`SafetyAnswer::Said`] when any is above the scale's lowest point
/// ("Never"), else [`SafetyAnswer::PreferNot`] when any was declined.
/// Unanswered safety items do not count.
pub fn safety_answer(instrument: &Instrument, answers: &Answers) -> Option<SafetyAnswer> {
    let mut found = None;
    for answer in instrument
        .items()
        .filter(|i| i.kind == ItemKind::Safety)
        .filter_map(|i| answers.get(&i.id))
    {
        match answer {
            Answer::Value(v) if *v != instrument.scale.min => return Some(SafetyAnswer::Said),
            Answer::PreferNot => found = Some(SafetyAnswer::PreferNot),
            _ => {}
        }
    }
    found
}

/// Whether any safety item was answered with anything but the scale's
/// lowest point ("Never"), including "prefer not to answer". Tend then
/// shows the help panel at once. Unanswered safety items do not count.
pub fn safety_flagged(instrument: &Instrument, answers: &Answers) -> bool {
    safety_answer(instrument, answers).is_some()
}

/// The lowest and highest score `subscale` can take, or none when there
/// is no such subscale.
pub fn score_range(instrument: &Instrument, subscale: &str) -> Option<ScoreRange> {
    let sub = instrument.subscale(subscale)?;
    let n = instrument.subscale_items(subscale).len();
    let (lo, hi) = units_range(&instrument.scale, sub, n)?;
    let scale = pow10(sub.decimals) as f64;
    Some(ScoreRange {
        min: lo as f64 / scale,
        max: hi.map(|h| h as f64 / scale),
    })
}

fn band_at(subscale: &Subscale, units: i128) -> Option<BandRef> {
    subscale.bands.iter().enumerate().find_map(|(rank, band)| {
        let min = band.min.and_then(|x| to_units(x, subscale.decimals));
        let max = band.max.and_then(|x| to_units(x, subscale.decimals));
        let inside = min.is_none_or(|m| units >= m) && max.is_none_or(|m| units <= m);
        inside.then(|| BandRef {
            id: band.id.clone(),
            rank,
        })
    })
}

fn position(scale: &ResponseScale, subscale: &Subscale, n: usize, units: i128) -> Option<f64> {
    let (lo, hi) = units_range(scale, subscale, n)?;
    let hi = hi?;
    (hi > lo).then(|| ((units - lo) as f64 / (hi - lo) as f64).clamp(0.0, 1.0))
}

/// The possible scores of `subscale` over `item_count` items, in whole
/// units of its last decimal place: (lowest, highest or none when open).
pub(crate) fn units_range(
    scale: &ResponseScale,
    subscale: &Subscale,
    item_count: usize,
) -> Option<(i128, Option<i128>)> {
    let factor = match subscale.scoring {
        Scoring::Sum => i128::try_from(item_count).ok()?,
        Scoring::Mean => 1,
    };
    let p = pow10(subscale.decimals);
    let at = |v: i32| i128::from(v).checked_mul(factor)?.checked_mul(p);
    let lo = at(scale.min)?;
    let hi = match scale.max {
        Some(max) => Some(at(max)?),
        None => None,
    };
    Some((lo, hi))
}

/// `x` in whole units of the `decimals`-th decimal place, or none when it
/// is not finite, too large, or has more decimal places than that.
pub(crate) fn to_units(x: f64, decimals: u8) -> Option<i128> {
    let scaled = x * pow10(decimals) as f64;
    if !scaled.is_finite() || scaled.abs() > 1e15 {
        return None;
    }
    let whole = scaled.round();
    ((scaled - whole).abs() < 1e-6).then_some(whole as i128)
}

/// Writes a number of units with `decimals` decimal places (`25` at one
/// place is `2.5`).
pub(crate) fn format_units(units: i128, decimals: u8) -> String {
    if decimals == 0 {
        return units.to_string();
    }
    let p = pow10(decimals);
    let sign = if units < 0 { "-" } else { "" };
    let abs = units.unsigned_abs();
    let p = p.unsigned_abs();
    format!(
        "{sign}{}.{:0width$}",
        abs / p,
        abs % p,
        width = usize::from(decimals)
    )
}

fn pow10(decimals: u8) -> i128 {
    10i128.pow(u32::from(decimals.min(MAX_DECIMALS)))
}

/// `numerator / denominator` rounded half away from zero; the denominator
/// is positive.
fn round_div(numerator: i128, denominator: i128) -> i128 {
    let half_up = |n: i128| (2 * n + denominator) / (2 * denominator);
    if numerator >= 0 {
        half_up(numerator)
    } else {
        -half_up(-numerator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(round_div(5, 2), 3);
        assert_eq!(round_div(-5, 2), -3);
        assert_eq!(round_div(200, 9), 22);
        assert_eq!(round_div(7, 3), 2);
        assert_eq!(round_div(0, 7), 0);
    }

    #[test]
    fn units_round_trip_through_text() {
        assert_eq!(to_units(2.5, 1), Some(25));
        assert_eq!(to_units(1.49, 2), Some(149));
        assert_eq!(to_units(1.55, 1), None);
        assert_eq!(to_units(f64::NAN, 0), None);
        assert_eq!(format_units(25, 1), "2.5");
        assert_eq!(format_units(150, 2), "1.50");
        assert_eq!(format_units(-5, 1), "-0.5");
        assert_eq!(format_units(42, 0), "42");
    }
}
