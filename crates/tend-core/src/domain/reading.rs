//! The plain-language reading of a scored check-in, as data: which of
//! secondary trauma and burnout the answers point to, single incident or
//! cumulative exposure, and which clusters and items stood out. The UI maps
//! each case to locale strings; nothing here is prose.
//!
//! # The rule
//!
//! A headline score is *raised* when it falls above the lowest of its
//! subscale's bands (for Tend: moderate or high). Its *position* is where
//! it sits in its possible range, 0 to 1.
//!
//! | secondary trauma | burnout | pattern |
//! |---|---|---|
//! | not raised | not raised | [`Pattern::Neither`] |
//! | raised | not raised | [`Pattern::SecondaryTraumaMore`] |
//! | not raised | raised | [`Pattern::BurnoutMore`] |
//! | raised | raised, position at least [`MARGIN`] lower | [`Pattern::SecondaryTraumaMore`] |
//! | raised, position at least [`MARGIN`] lower | raised | [`Pattern::BurnoutMore`] |
//! | raised | raised, positions less than [`MARGIN`] apart | [`Pattern::Both`] |
//!
//! When either scale has no maximum (so no position), two raised scores
//! are compared by band rank instead: the higher band leads, equal bands
//! are [`Pattern::Both`]. A headline with too few answers gives
//! [`Pattern::NotEnoughAnswers`]; an instrument without banded
//! secondary-trauma and burnout headlines gives [`Pattern::NotMeasured`].
//!
//! A secondary-trauma *cluster* (a subscale that rolls up into the
//! secondary-trauma headline) stands out when it is raised, whatever the
//! headline says: one raised cluster after a single incident matters.
//! Standing-out clusters are listed highest band first, then highest
//! position, then in definition order. The items
//! behind a cluster (or behind raised burnout) are its answered items whose
//! keyed answer sits in the upper half of the scale (position at least
//! [`DRIVER_POSITION`]; on Tend's scale, "Sometimes" or more), highest
//! first, ties in the order asked.
//!
//! # Signs across framings
//!
//! Items that name a [`Sign`] are read once more, by how they frame it
//! ([`Framing`]), when their keyed answer sits at or above
//! [`SIGN_POSITION`] (on Tend's scale, "Often" or more):
//!
//! - a *shared* sign (exhaustion, lost interest: the source lists them for
//!   secondary trauma and for burnout alike) that the person ties to
//!   others' trauma is reported as a [`SharedSign`], whatever the pattern,
//!   so a trauma-exposed helper who is worn out is not read as having a
//!   workload problem alone;
//! - a sign asked with no cause named is reported among the items
//!   [`ProfileReading::not_tied_to_work`]: some of what the person describes
//!   may not be about work at all.

use super::answer::{Answer, Answers};
use super::instrument::{ContextQuestion, Headline, Instrument, Item, Sign, FREQUENT_EXPOSURE};
use super::scoring::{keyed_value, safety_answer, BandRef, Profile, SafetyAnswer, Score};
use std::cmp::Ordering;

/// How far apart (as a share of the possible range) two raised headline
/// scores must be for one to count as "more": an eighth of the range, half
/// a step on Tend's five-point scale.
pub const MARGIN: f64 = 0.125;

/// How high in the scale a keyed answer must sit (0 to 1) to count among
/// the items behind a raised score.
pub const DRIVER_POSITION: f64 = 0.5;

/// How high in the scale a keyed answer must sit (0 to 1) for a sign to
/// count in [`ProfileReading::shared_signs`] or
/// [`ProfileReading::not_tied_to_work`]: three quarters, "Often" or more on
/// Tend's scale.
pub const SIGN_POSITION: f64 = 0.75;

/// Room for rounding when comparing positions.
const EPSILON: f64 = 1e-9;

/// The reading of one check-in.
#[derive(Clone, Debug, PartialEq)]
pub struct ProfileReading {
    /// Which of secondary trauma and burnout the answers point to.
    pub pattern: Pattern,
    /// Single incident or cumulative exposure, from the context answers.
    pub exposure: Exposure,
    /// The role option id the person chose, if any.
    pub role: Option<String>,
    /// The secondary-trauma clusters that stood out, highest first.
    pub clusters: Vec<ClusterReading>,
    /// The burnout items behind a raised burnout score, highest first;
    /// empty when burnout is not raised.
    pub burnout_items: Vec<String>,
    /// How the sustaining factors look.
    pub sustaining: Sustaining,
    /// Shared signs (exhaustion, lost interest) the person ties to others'
    /// trauma, in [`Sign::ALL`] order.
    pub shared_signs: Vec<SharedSign>,
    /// Items asking about a sign with no cause named (low mood, poor sleep,
    /// trouble concentrating, appetite), answered high: in the order asked.
    pub not_tied_to_work: Vec<String>,
    /// How the safety item was answered, when the help panel comes first
    /// (anything but "Never"); `None` otherwise.
    pub safety: Option<SafetyAnswer>,
}

/// Which of secondary trauma and burnout the answers point to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pattern {
    /// Secondary trauma more than burnout: the weight comes from others'
    /// trauma.
    SecondaryTraumaMore,
    /// Burnout more than secondary trauma: the weight comes from workload
    /// and the job.
    BurnoutMore,
    /// Both are raised, about equally.
    Both,
    /// Neither is raised.
    Neither,
    /// Too few answers in one of the two to tell.
    NotEnoughAnswers,
    /// The instrument has no banded secondary-trauma and burnout headlines.
    NotMeasured,
}

/// What kind of exposure the context answers describe.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exposure {
    /// An especially distressing incident recently, without frequent
    /// exposure otherwise.
    SingleIncident,
    /// Frequent (daily or weekly) exposure, with no recent single incident
    /// reported.
    Cumulative,
    /// A recent distressing incident on top of frequent exposure.
    IncidentAmidCumulative,
    /// Exposure monthly or less, with no recent incident reported.
    Occasional,
    /// Not enough context answers to say.
    Unknown,
}

/// How the sustaining factors look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sustaining {
    /// In the lowest band: little is sustaining the person right now.
    Low,
    /// Above the lowest band.
    Present,
    /// Not measured, or too few answers.
    Unknown,
}

/// A secondary-trauma cluster that stood out.
#[derive(Clone, Debug, PartialEq)]
pub struct ClusterReading {
    /// The cluster's subscale id.
    pub subscale: String,
    /// The band it fell in.
    pub band: BandRef,
    /// The items behind it, highest first.
    pub items: Vec<String>,
    /// The signs those items name, in the order of the items, each once.
    pub signs: Vec<Sign>,
}

/// Where an item that names a sign places its cause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Framing {
    /// Other people's trauma, as the work brings it home: the item rolls up
    /// into the secondary-trauma headline.
    OthersTrauma,
    /// The job itself: the item rolls up into the burnout headline.
    TheJob,
    /// No cause named: any other scored item (the health signals).
    NotNamed,
}

/// A sign the source lists for secondary trauma and burnout alike, which
/// the person ties to other people's trauma.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedSign {
    /// Which sign.
    pub sign: Sign,
    /// The items tying it to others' trauma, answered high, in the order
    /// asked.
    pub items: Vec<String>,
    /// Whether an item asking it of the job itself is answered high too.
    pub from_the_job_too: bool,
}

/// Reads a scored check-in. `profile` must be the result of scoring
/// `answers` with `instrument`.
pub fn read(instrument: &Instrument, profile: &Profile, answers: &Answers) -> ProfileReading {
    ProfileReading {
        pattern: pattern(instrument, profile),
        exposure: exposure(instrument, answers),
        role: single_choice(instrument, ContextQuestion::Role, answers),
        clusters: clusters(instrument, profile, answers),
        burnout_items: burnout_items(instrument, profile, answers),
        sustaining: sustaining(profile),
        shared_signs: shared_signs(instrument, answers),
        not_tied_to_work: high_signs(instrument, answers)
            .filter(|(_, framing)| *framing == Framing::NotNamed)
            .map(|(item, _)| item.id.clone())
            .collect(),
        safety: safety_answer(instrument, answers),
    }
}

/// How `item` frames its sign, or none when it names no sign (or adds to
/// the sustaining factors, which are not strain).
pub fn framing(instrument: &Instrument, item: &Item) -> Option<Framing> {
    item.sign?;
    let subscale = item.subscale.as_deref()?;
    let within = |h| {
        instrument
            .headline(h)
            .is_some_and(|s| instrument.is_within(subscale, &s.id))
    };
    if within(Headline::SecondaryTrauma) {
        Some(Framing::OthersTrauma)
    } else if within(Headline::Burnout) {
        Some(Framing::TheJob)
    } else if within(Headline::Sustaining) {
        None
    } else {
        Some(Framing::NotNamed)
    }
}

/// Whether a keyed value sits at or above `share` of the scale (above its
/// minimum, for a scale with no maximum).
fn at_least(instrument: &Instrument, v: i32, share: f64) -> bool {
    let scale = &instrument.scale;
    match scale.max {
        Some(max) if max > scale.min => {
            let span = (i64::from(max) - i64::from(scale.min)) as f64;
            (i64::from(v) - i64::from(scale.min)) as f64 / span >= share - EPSILON
        }
        _ => v > scale.min,
    }
}

/// The items naming a sign whose keyed answer sits at or above
/// [`SIGN_POSITION`], each with its framing, in the order asked.
fn high_signs<'a>(
    instrument: &'a Instrument,
    answers: &'a Answers,
) -> impl Iterator<Item = (&'a Item, Framing)> + 'a {
    instrument.items().filter_map(move |item| {
        let framing = framing(instrument, item)?;
        let v = keyed_value(&instrument.scale, item, answers)?;
        at_least(instrument, v, SIGN_POSITION).then_some((item, framing))
    })
}

fn shared_signs(instrument: &Instrument, answers: &Answers) -> Vec<SharedSign> {
    let high: Vec<(&Item, Framing)> = high_signs(instrument, answers).collect();
    Sign::ALL
        .iter()
        .filter(|sign| sign.is_shared())
        .filter_map(|&sign| {
            let of = |f: Framing| {
                high.iter()
                    .filter(move |(item, framing)| item.sign == Some(sign) && *framing == f)
                    .map(|(item, _)| item.id.clone())
            };
            let items: Vec<String> = of(Framing::OthersTrauma).collect();
            (!items.is_empty()).then(|| SharedSign {
                sign,
                items,
                from_the_job_too: of(Framing::TheJob).next().is_some(),
            })
        })
        .collect()
}

/// The secondary trauma vs burnout pattern of a profile (see the module
/// documentation for the rule).
pub fn pattern(instrument: &Instrument, profile: &Profile) -> Pattern {
    let banded = |h| instrument.headline(h).is_some_and(|s| !s.bands.is_empty());
    if !banded(Headline::SecondaryTrauma) || !banded(Headline::Burnout) {
        return Pattern::NotMeasured;
    }
    let score = |h| profile.headline(h).and_then(|s| s.score());
    match (score(Headline::SecondaryTrauma), score(Headline::Burnout)) {
        (Some(sts), Some(burnout)) => compare(sts, burnout),
        _ => Pattern::NotEnoughAnswers,
    }
}

/// The rule itself, on two banded scores: secondary trauma first, burnout
/// second.
pub fn compare(sts: &Score, burnout: &Score) -> Pattern {
    let (Some(sts_band), Some(burnout_band)) = (&sts.band, &burnout.band) else {
        return Pattern::NotMeasured;
    };
    match (sts_band.rank > 0, burnout_band.rank > 0) {
        (false, false) => Pattern::Neither,
        (true, false) => Pattern::SecondaryTraumaMore,
        (false, true) => Pattern::BurnoutMore,
        (true, true) => match (sts.position, burnout.position) {
            (Some(s), Some(b)) if s - b >= MARGIN - EPSILON => Pattern::SecondaryTraumaMore,
            (Some(s), Some(b)) if b - s >= MARGIN - EPSILON => Pattern::BurnoutMore,
            (Some(_), Some(_)) => Pattern::Both,
            _ => match sts_band.rank.cmp(&burnout_band.rank) {
                Ordering::Greater => Pattern::SecondaryTraumaMore,
                Ordering::Less => Pattern::BurnoutMore,
                Ordering::Equal => Pattern::Both,
            },
        },
    }
}

/// Single incident or cumulative exposure, from the recent-incident and
/// exposure-frequency context answers.
pub fn exposure(instrument: &Instrument, answers: &Answers) -> Exposure {
    let recent =
        single_choice(instrument, ContextQuestion::RecentIncident, answers).map(|id| id == "yes");
    let frequent = single_choice(instrument, ContextQuestion::Exposure, answers)
        .map(|id| FREQUENT_EXPOSURE.contains(&id.as_str()));
    match (recent, frequent) {
        (Some(true), Some(true)) => Exposure::IncidentAmidCumulative,
        (Some(true), _) => Exposure::SingleIncident,
        (_, Some(true)) => Exposure::Cumulative,
        (_, Some(false)) => Exposure::Occasional,
        (_, None) => Exposure::Unknown,
    }
}

fn single_choice(
    instrument: &Instrument,
    question: ContextQuestion,
    answers: &Answers,
) -> Option<String> {
    let item = instrument.context_item(question)?;
    let answer = answers.get(&item.id)?;
    match answer {
        Answer::Choices(ids) if item.accepts(&instrument.scale, answer) => ids.first().cloned(),
        _ => None,
    }
}

fn raised(profile: &Profile, subscale: &str) -> Option<(BandRef, Option<f64>)> {
    let score = profile.get(subscale)?.score()?;
    let band = score.band.clone()?;
    (band.rank > 0).then_some((band, score.position))
}

fn clusters(instrument: &Instrument, profile: &Profile, answers: &Answers) -> Vec<ClusterReading> {
    let Some(sts) = instrument.headline(Headline::SecondaryTrauma) else {
        return Vec::new();
    };
    let mut standing_out: Vec<(Option<f64>, ClusterReading)> = instrument
        .children(&sts.id)
        .filter_map(|cluster| {
            let (band, position) = raised(profile, &cluster.id)?;
            let items = drivers(instrument, &cluster.id, answers);
            let mut signs: Vec<Sign> = Vec::new();
            for sign in items
                .iter()
                .filter_map(|id| instrument.item(id).and_then(|i| i.sign))
            {
                if !signs.contains(&sign) {
                    signs.push(sign);
                }
            }
            Some((
                position,
                ClusterReading {
                    subscale: cluster.id.clone(),
                    band,
                    items,
                    signs,
                },
            ))
        })
        .collect();
    // Stable: equal clusters keep the order the definition gives them.
    standing_out.sort_by(|(pa, a), (pb, b)| {
        b.band
            .rank
            .cmp(&a.band.rank)
            .then(pb.unwrap_or(0.0).total_cmp(&pa.unwrap_or(0.0)))
    });
    standing_out.into_iter().map(|(_, c)| c).collect()
}

fn burnout_items(instrument: &Instrument, profile: &Profile, answers: &Answers) -> Vec<String> {
    match instrument.headline(Headline::Burnout) {
        Some(burnout) if raised(profile, &burnout.id).is_some() => {
            drivers(instrument, &burnout.id, answers)
        }
        _ => Vec::new(),
    }
}

/// The items behind a subscale's score: answered items whose keyed answer
/// sits at or above [`DRIVER_POSITION`] of the scale, highest first.
pub fn drivers(instrument: &Instrument, subscale: &str, answers: &Answers) -> Vec<String> {
    let scale = &instrument.scale;
    let high_enough = |v: i32| at_least(instrument, v, DRIVER_POSITION);
    let mut behind: Vec<(i32, String)> = instrument
        .subscale_items(subscale)
        .into_iter()
        .filter_map(|item| {
            let v = keyed_value(scale, item, answers)?;
            high_enough(v).then(|| (v, item.id.clone()))
        })
        .collect();
    behind.sort_by_key(|(v, _)| std::cmp::Reverse(*v));
    behind.into_iter().map(|(_, id)| id).collect()
}

fn sustaining(profile: &Profile) -> Sustaining {
    let band = profile
        .headline(Headline::Sustaining)
        .and_then(|s| s.score())
        .and_then(|s| s.band.as_ref());
    match band {
        Some(b) if b.rank == 0 => Sustaining::Low,
        Some(_) => Sustaining::Present,
        None => Sustaining::Unknown,
    }
}
