//! A check-in's reading in, a ranked list of strategies out, each with the
//! reason it was chosen as data (the UI turns a [`Reason`] into a sentence
//! from the `strategy_reason_*` locale strings).
//!
//! # The rules
//!
//! [`RULES`] is the table. Each rule has a trigger (something about the
//! reading), what it picks, how many of its picks go in the first round and
//! how many in all. Ranking runs two rounds over the table, in table order:
//! the first takes each triggered rule's `first` picks, the second tops
//! each up to its `take`. A strategy already chosen is skipped, and the
//! list stops at the limit. So:
//!
//! - a "get help" answer puts professional support first;
//! - a recent distressing incident gets incident guidance next;
//! - burnout-led readings get workload, boundaries and time off before
//!   anything else; secondary-trauma-led readings get CE-CERT skills, those
//!   matching the clusters that stood out first; "both" gets some of each;
//! - exhaustion or lost interest tied to others' trauma, in a reading led by
//!   burnout or by neither, gets a CE-CERT skill too: those signs belong to
//!   secondary trauma as much as to burnout;
//! - low sustaining factors get "why I do this work", raised health signals
//!   get a look at drinking and appetite, signs asked with no cause named
//!   get professional support (a doctor or counsellor can sort out where
//!   they come from), and any cluster that stood out gets strategies for it;
//! - "neither" gets a few strategies that keep things steady, and a reading
//!   with too few answers gets gentle starting points.

use super::instrument::Sign;
use super::reading::{Exposure, Pattern, ProfileReading, Sustaining};
use super::scoring::Profile;
use super::strategy::{HelpsWith, SourceGroup, Strategy};

/// How many recommendations the results and Home show.
pub const DEFAULT_LIMIT: usize = 5;

/// The subscale of health signals (drinking, appetite, switching off) in
/// Tend's check-in.
pub const HEALTH_SUBSCALE: &str = "health";

/// Strategies meant for the days after one incident: only the
/// recent-incident rule recommends them.
pub const INCIDENT_ONLY: &[&str] = &["after-a-hard-incident"];

/// Why a strategy was recommended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The safety answer was not "Never": talking to someone comes first.
    Safety,
    /// An especially distressing incident happened recently.
    RecentIncident,
    /// The answers point more to workload than to others' trauma.
    WorkloadMore,
    /// The answers point more to others' trauma than to workload.
    OthersTraumaMore,
    /// Both are raised about equally.
    Both,
    /// Exhaustion or lost interest is tied to others' trauma, not only to
    /// the job.
    SharedSigns,
    /// These stood out (one or two, most prominent first) and the strategy
    /// helps with them.
    StoodOut(Vec<HelpsWith>),
    /// Sustaining factors are in their lowest band.
    LowSustaining,
    /// Health signals are raised.
    HealthSignals,
    /// Some signs were answered high with no cause named: they may not be
    /// about work.
    NotTiedToWork,
    /// Nothing is raised: these keep things steady.
    NothingRaised,
    /// Too few answers to read: gentle starting points.
    Starter,
}

/// One recommended strategy and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recommendation {
    /// The strategy's id.
    pub strategy: &'static str,
    /// Why it was chosen.
    pub reason: Reason,
}

/// What about a reading makes a rule apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// The safety item was answered with anything but "Never".
    Safety,
    /// A recent distressing incident, alone or amid frequent exposure.
    RecentIncident,
    /// Burnout more than secondary trauma.
    BurnoutLed,
    /// Secondary trauma more than burnout.
    TraumaLed,
    /// Both raised, about equally.
    Both,
    /// Exhaustion or lost interest tied to others' trauma, in a reading led
    /// by burnout or by neither.
    SharedSigns,
    /// Sustaining factors low.
    LowSustaining,
    /// Health signals raised.
    HealthSignals,
    /// Signs answered high with no cause named.
    NotTiedToWork,
    /// At least one cluster (or sleep) stood out.
    StoodOut,
    /// Neither raised.
    Neither,
    /// Too few answers, or an instrument without the two headlines.
    Unclear,
}

/// What a rule picks from the library.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// These strategies, in this order.
    Ids(&'static [&'static str]),
    /// Strategies from a CE-CERT domain: those helping with more of what
    /// stood out first, then library order.
    CeCert,
    /// Strategies helping with what stood out: those helping with more of
    /// it first, then library order.
    ForWhatStoodOut,
}

/// One row of the rule table.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    /// When it applies.
    pub when: Trigger,
    /// What it picks.
    pub pick: Pick,
    /// How many of its picks go in the first round.
    pub first: usize,
    /// How many of its picks in all.
    pub take: usize,
}

const BURNOUT_FIRST: &[&str] = &[
    "workload-check",
    "one-clear-boundary",
    "plan-time-off",
    "protect-a-day-off",
    "ask-for-supervision",
];

/// The rule table, in priority order.
pub const RULES: &[Rule] = &[
    Rule {
        when: Trigger::Safety,
        pick: Pick::Ids(&["professional-support"]),
        first: 1,
        take: 1,
    },
    Rule {
        when: Trigger::RecentIncident,
        pick: Pick::Ids(&["after-a-hard-incident", "senses-grounding", "peer-check-in"]),
        first: 1,
        take: 2,
    },
    Rule {
        when: Trigger::BurnoutLed,
        pick: Pick::Ids(BURNOUT_FIRST),
        first: 3,
        take: 4,
    },
    Rule {
        when: Trigger::TraumaLed,
        pick: Pick::CeCert,
        first: 3,
        take: 4,
    },
    Rule {
        when: Trigger::Both,
        pick: Pick::CeCert,
        first: 2,
        take: 2,
    },
    Rule {
        when: Trigger::Both,
        pick: Pick::Ids(BURNOUT_FIRST),
        first: 1,
        take: 2,
    },
    Rule {
        when: Trigger::SharedSigns,
        pick: Pick::CeCert,
        first: 1,
        take: 1,
    },
    Rule {
        when: Trigger::LowSustaining,
        pick: Pick::Ids(&["why-i-do-this-work", "one-good-moment", "talk-about-why"]),
        first: 1,
        take: 2,
    },
    Rule {
        when: Trigger::HealthSignals,
        pick: Pick::Ids(&["notice-the-numbing", "professional-support"]),
        first: 1,
        take: 1,
    },
    Rule {
        when: Trigger::NotTiedToWork,
        pick: Pick::Ids(&["professional-support"]),
        first: 1,
        take: 1,
    },
    Rule {
        when: Trigger::StoodOut,
        pick: Pick::ForWhatStoodOut,
        first: 1,
        take: 3,
    },
    Rule {
        when: Trigger::Neither,
        pick: Pick::Ids(&[
            "one-good-moment",
            "shift-transition",
            "move-it-out",
            "plan-time-off",
        ]),
        first: 3,
        take: 4,
    },
    Rule {
        when: Trigger::Unclear,
        pick: Pick::Ids(&["paced-breathing", "shift-transition", "share-the-effect"]),
        first: 3,
        take: 3,
    },
];

/// What stood out in a reading, most prominent first: each standing-out
/// cluster Tend knows, with sleep just before the cluster whose items
/// behind it include one asking about sleep.
pub fn stood_out(reading: &ProfileReading) -> Vec<HelpsWith> {
    let mut out = Vec::new();
    for cluster in &reading.clusters {
        if cluster.signs.contains(&Sign::PoorSleep) && !out.contains(&HelpsWith::Sleep) {
            out.push(HelpsWith::Sleep);
        }
        if let Some(h) = HelpsWith::parse(&cluster.subscale) {
            out.push(h);
        }
    }
    out
}

fn health_raised(profile: &Profile) -> bool {
    profile
        .get(HEALTH_SUBSCALE)
        .and_then(|s| s.score())
        .and_then(|s| s.band.as_ref())
        .is_some_and(|b| b.rank > 0)
}

fn applies(when: Trigger, reading: &ProfileReading, health: bool, out: &[HelpsWith]) -> bool {
    match when {
        Trigger::Safety => reading.safety.is_some(),
        Trigger::RecentIncident => matches!(
            reading.exposure,
            Exposure::SingleIncident | Exposure::IncidentAmidCumulative
        ),
        Trigger::BurnoutLed => reading.pattern == Pattern::BurnoutMore,
        Trigger::TraumaLed => reading.pattern == Pattern::SecondaryTraumaMore,
        Trigger::Both => reading.pattern == Pattern::Both,
        Trigger::SharedSigns => {
            !reading.shared_signs.is_empty()
                && matches!(reading.pattern, Pattern::BurnoutMore | Pattern::Neither)
        }
        Trigger::LowSustaining => reading.sustaining == Sustaining::Low,
        Trigger::HealthSignals => health,
        Trigger::NotTiedToWork => !reading.not_tied_to_work.is_empty(),
        Trigger::StoodOut => !out.is_empty(),
        Trigger::Neither => reading.pattern == Pattern::Neither,
        Trigger::Unclear => matches!(
            reading.pattern,
            Pattern::NotEnoughAnswers | Pattern::NotMeasured
        ),
    }
}

/// What of `out` a strategy helps with, in `out`'s order.
fn matched(s: &Strategy, out: &[HelpsWith]) -> Vec<HelpsWith> {
    out.iter()
        .copied()
        .filter(|h| s.helps.contains(h))
        .collect()
}

/// A rule's candidates, in its order, each with its reason.
fn candidates(
    rule: &Rule,
    library: &'static [Strategy],
    out: &[HelpsWith],
) -> Vec<(&'static str, Reason)> {
    let plain = match rule.when {
        Trigger::Safety => Reason::Safety,
        Trigger::RecentIncident => Reason::RecentIncident,
        Trigger::BurnoutLed => Reason::WorkloadMore,
        Trigger::TraumaLed => Reason::OthersTraumaMore,
        Trigger::Both => Reason::Both,
        Trigger::SharedSigns => Reason::SharedSigns,
        Trigger::LowSustaining => Reason::LowSustaining,
        Trigger::HealthSignals => Reason::HealthSignals,
        Trigger::NotTiedToWork => Reason::NotTiedToWork,
        Trigger::StoodOut => Reason::StoodOut(Vec::new()),
        Trigger::Neither => Reason::NothingRaised,
        Trigger::Unclear => Reason::Starter,
    };
    match rule.pick {
        Pick::Ids(ids) => ids
            .iter()
            .filter_map(|id| library.iter().find(|s| s.id == *id))
            .map(|s| (s.id, plain.clone()))
            .collect(),
        Pick::CeCert | Pick::ForWhatStoodOut => {
            let mut list: Vec<(usize, &'static Strategy)> = library
                .iter()
                .filter(|s| !INCIDENT_ONLY.contains(&s.id))
                .filter(|s| match rule.pick {
                    Pick::CeCert => s.in_group(SourceGroup::CeCert),
                    _ => s.helps.iter().any(|h| out.contains(h)),
                })
                .map(|s| (matched(s, out).len(), s))
                .collect();
            // Stable: equal matches keep library order.
            list.sort_by_key(|(n, _)| std::cmp::Reverse(*n));
            list.into_iter()
                .map(|(_, s)| {
                    // Name what stood out when the strategy answers it: the
                    // most specific reason there is.
                    let mut hit = matched(s, out);
                    hit.truncate(2);
                    let reason = if hit.is_empty() {
                        plain.clone()
                    } else {
                        Reason::StoodOut(hit)
                    };
                    (s.id, reason)
                })
                .collect()
        }
    }
}

/// Up to `limit` strategies from `library` for a check-in, best first, no
/// strategy twice, each with its reason (see the module documentation for
/// the rules). `profile` is the scored check-in `reading` was read from.
pub fn recommend(
    reading: &ProfileReading,
    profile: &Profile,
    library: &'static [Strategy],
    limit: usize,
) -> Vec<Recommendation> {
    let out = stood_out(reading);
    let health = health_raised(profile);
    let lists: Vec<(&Rule, Vec<(&'static str, Reason)>)> = RULES
        .iter()
        .filter(|r| applies(r.when, reading, health, &out))
        .map(|r| (r, candidates(r, library, &out)))
        .collect();
    let mut chosen: Vec<Recommendation> = Vec::new();
    // How many each rule has given so far, and where it is in its list.
    let mut given = vec![0usize; lists.len()];
    let mut next = vec![0usize; lists.len()];
    for round in 0..2 {
        for (n, (rule, list)) in lists.iter().enumerate() {
            let quota = if round == 0 { rule.first } else { rule.take };
            while given[n] < quota && chosen.len() < limit {
                let Some((id, reason)) = list.get(next[n]) else {
                    break;
                };
                next[n] += 1;
                if chosen.iter().all(|c| c.strategy != *id) {
                    chosen.push(Recommendation {
                        strategy: id,
                        reason: reason.clone(),
                    });
                    given[n] += 1;
                }
            }
        }
    }
    chosen
}
