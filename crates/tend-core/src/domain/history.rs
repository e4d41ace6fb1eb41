//! The person's history: what changed between two check-ins, the trend of
//! each headline score across check-ins and pulses, and when the next
//! check-in is due. Pure: scores are always derived here from the stored
//! answers and the instrument definitions passed in; time is an argument.

use super::chart::{ChartBand, LinearScale};
use super::instrument::{Headline, Instrument, Subscale};
use super::scoring::{score, score_range, BandRef, Profile};
use crate::domain::entry::{self, CheckIn, Pulse};

/// The three headline scores, in the order they are shown.
pub const HEADLINES: [Headline; 3] = [
    Headline::SecondaryTrauma,
    Headline::Burnout,
    Headline::Sustaining,
];

/// How far apart two scores of one band may be, as a share of the possible
/// range, and still read as "about the same" (0.2 on a 0 to 4 mean).
pub const SAME_MARGIN: f64 = 0.05;

use crate::time::DAY_MS;

/// The check-in interval a new person starts with, in days.
pub const DEFAULT_CHECKIN_INTERVAL_DAYS: u32 = 14;

/// The shortest check-in interval the person may choose, in days.
pub const MIN_CHECKIN_INTERVAL_DAYS: u32 = 7;

/// The longest check-in interval the person may choose, in days.
pub const MAX_CHECKIN_INTERVAL_DAYS: u32 = 90;

/// `days` within the allowed check-in interval range.
pub fn clamp_interval(days: u32) -> u32 {
    days.clamp(MIN_CHECKIN_INTERVAL_DAYS, MAX_CHECKIN_INTERVAL_DAYS)
}

/// Whether a lower score of this headline is the better one: true for
/// secondary traumatic stress and burnout, false for sustaining factors.
pub fn lower_is_better(headline: Headline) -> bool {
    match headline {
        Headline::SecondaryTrauma | Headline::Burnout => true,
        Headline::Sustaining => false,
    }
}

/// One headline score of one entry, with what is needed to show it.
#[derive(Clone, Debug, PartialEq)]
pub struct HeadlineScore {
    /// The subscale marked as this headline.
    pub subscale: String,
    /// The subscale's name, as the instrument gives it.
    pub name: String,
    /// The score, rounded to the subscale's decimal places.
    pub value: f64,
    /// The subscale's decimal places, for showing the score.
    pub decimals: u8,
    /// Where the score sits in the possible range, 0 to 1; none on an open
    /// scale.
    pub position: Option<f64>,
    /// The band the score falls in, if the subscale has bands.
    pub band: Option<BandRef>,
    /// The label of that band.
    pub band_label: Option<String>,
}

/// Which way a headline moved, for the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Lower secondary traumatic stress or burnout, or higher sustaining
    /// factors.
    Better,
    /// The opposite.
    Worse,
    /// Within [`SAME_MARGIN`] and in the same band.
    Same,
}

/// Why two scores cannot be compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotComparable {
    /// The two check-ins used different instruments.
    DifferentInstruments,
    /// The instrument of one of them is not available (a loaded definition
    /// that was removed).
    UnknownInstrument,
    /// One of them has no score for this headline (not enough answers, or
    /// the instrument has no such headline).
    MissingScore,
}

/// How one headline changed between two check-ins.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Change {
    /// Both scores are there and comparable.
    Compared {
        /// Later minus earlier, rounded to the subscale's decimal places.
        difference: f64,
        /// Better, worse or about the same.
        direction: Direction,
    },
    /// The two cannot be compared.
    NotComparable(NotComparable),
}

/// One headline of a comparison, side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct HeadlineChange {
    /// Which headline.
    pub headline: Headline,
    /// The earlier check-in's score, if it has one.
    pub earlier: Option<HeadlineScore>,
    /// The later check-in's score, if it has one.
    pub later: Option<HeadlineScore>,
    /// How it changed.
    pub change: Change,
}

/// Two check-ins side by side, headline by headline.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The id of the check-in completed first.
    pub earlier_id: String,
    /// The id of the check-in completed second.
    pub later_id: String,
    /// One entry per headline, in [`HEADLINES`] order.
    pub headlines: Vec<HeadlineChange>,
}

/// The headline score of `headline` in a scored `profile` of `instrument`,
/// if it was scored.
pub fn headline_score(
    instrument: &Instrument,
    profile: &Profile,
    headline: Headline,
) -> Option<HeadlineScore> {
    let subscale = instrument.headline(headline)?;
    let scored = profile.get(&subscale.id)?.score()?;
    let band_label = scored
        .band
        .as_ref()
        .and_then(|b| subscale.band(&b.id))
        .map(|b| b.label.clone());
    Some(HeadlineScore {
        subscale: subscale.id.clone(),
        name: subscale.name.clone(),
        value: scored.value,
        decimals: subscale.decimals,
        position: scored.position,
        band: scored.band.clone(),
        band_label,
    })
}

/// The instrument a check-in is scored with: the version it was answered
/// with when `instruments` has it, otherwise the first with its id.
fn find<'a>(instruments: &[&'a Instrument], c: &CheckIn) -> Option<&'a Instrument> {
    let with_id = || {
        instruments
            .iter()
            .copied()
            .filter(|i| i.id == c.instrument_id)
    };
    with_id()
        .find(|i| i.version == c.instrument_version)
        .or_else(|| with_id().next())
}

/// Two check-ins side by side, the earlier one first whichever order they
/// are given in. Each is scored with its instrument from `instruments`
/// (found by id). Headlines are compared only when both check-ins used the
/// same instrument and both have the score.
pub fn compare(a: &CheckIn, b: &CheckIn, instruments: &[&Instrument]) -> Comparison {
    let (earlier, later) = if (a.completed_at, &a.id) <= (b.completed_at, &b.id) {
        (a, b)
    } else {
        (b, a)
    };
    let scored = |c: &CheckIn| find(instruments, c).map(|i| (i, score(i, &c.answers)));
    let (before, after) = (scored(earlier), scored(later));
    let headlines = HEADLINES
        .iter()
        .map(|&headline| {
            let pick = |s: &Option<(&Instrument, Profile)>| {
                s.as_ref().and_then(|(i, p)| headline_score(i, p, headline))
            };
            let (e, l) = (pick(&before), pick(&after));
            let change = if before.is_none() || after.is_none() {
                Change::NotComparable(NotComparable::UnknownInstrument)
            } else if earlier.instrument_id != later.instrument_id {
                Change::NotComparable(NotComparable::DifferentInstruments)
            } else {
                match (&e, &l) {
                    (Some(e), Some(l)) => compared(headline, e, l),
                    _ => Change::NotComparable(NotComparable::MissingScore),
                }
            };
            HeadlineChange {
                headline,
                earlier: e,
                later: l,
                change,
            }
        })
        .collect();
    Comparison {
        earlier_id: earlier.id.clone(),
        later_id: later.id.clone(),
        headlines,
    }
}

fn compared(headline: Headline, earlier: &HeadlineScore, later: &HeadlineScore) -> Change {
    let scale = 10f64.powi(i32::from(later.decimals));
    let difference = ((later.value - earlier.value) * scale).round() / scale;
    // Which way the score itself went: a band change always counts; within
    // one band, a change inside the margin does not.
    let rank = |s: &HeadlineScore| s.band.as_ref().map(|b| b.rank);
    let higher = match (rank(earlier), rank(later)) {
        (Some(e), Some(l)) if e != l => Some(l > e),
        _ => {
            let moved = match (earlier.position, later.position) {
                (Some(e), Some(l)) => (l - e).abs() > SAME_MARGIN + 1e-9,
                _ => difference != 0.0,
            };
            moved.then_some(difference > 0.0)
        }
    };
    let direction = match higher {
        None => Direction::Same,
        Some(higher) if higher != lower_is_better(headline) => Direction::Better,
        Some(_) => Direction::Worse,
    };
    Change::Compared {
        difference,
        direction,
    }
}

/// The change since the check-in before the one with id `id`: the latest
/// earlier check-in of the same instrument, or, when there is none, the
/// latest earlier one of any instrument (which then reads as not
/// comparable). None when it is the first check-in or there is no such id.
pub fn change_since_previous(
    checkins: &[CheckIn],
    id: &str,
    instruments: &[&Instrument],
) -> Option<Comparison> {
    let current = entry::find(checkins, id)?;
    let previous = entry::previous_comparable_checkin(checkins, id)
        .or_else(|| entry::previous_checkin(checkins, id))?;
    Some(compare(previous, current, instruments))
}

/// What kind of entry a trend point comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    /// A full check-in.
    CheckIn,
    /// A one-minute pulse.
    Pulse,
}

/// One entry on a headline's trend.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendEntry {
    /// The check-in's or pulse's id.
    pub entry_id: String,
    /// Whether it is a check-in or a pulse.
    pub kind: EntryKind,
    /// The instrument it was scored with.
    pub instrument_id: String,
    /// When it was completed (ms since the epoch).
    pub completed_at: i64,
    /// The score, rounded to the subscale's decimal places.
    pub value: f64,
    /// The score as a share of its subscale's possible range, 0 to 1, so
    /// instruments and the pulse share one axis.
    pub position: f64,
    /// The band the score falls in, if any.
    pub band: Option<BandRef>,
    /// The label of that band.
    pub band_label: Option<String>,
}

impl TrendEntry {
    /// Whether this point is a pulse rather than a full check-in.
    pub fn is_pulse(&self) -> bool {
        self.kind == EntryKind::Pulse
    }
}

/// One headline's trend across check-ins and pulses.
#[derive(Clone, Debug, PartialEq)]
pub struct HeadlineTrend {
    /// Which headline.
    pub headline: Headline,
    /// Its name, from the first instrument that has it (Tend's own, when
    /// it is listed first); empty when none has it.
    pub name: String,
    /// The entries that scored it, oldest first. Entries without a score
    /// (not enough answers, no such headline, an unknown instrument, an
    /// open scale) are left out.
    pub points: Vec<TrendEntry>,
    /// The bands of that first instrument's headline, on the same 0 to 1
    /// axis as the entries' positions.
    pub bands: Vec<ChartBand>,
}

/// The trend of each headline, in [`HEADLINES`] order, from every check-in
/// (scored with its instrument from `instruments`) and every pulse (scored
/// with `pulse`). Safety answers are never scored, so never appear.
pub fn trend(
    checkins: &[CheckIn],
    pulses: &[Pulse],
    instruments: &[&Instrument],
    pulse: &Instrument,
) -> Vec<HeadlineTrend> {
    let checkins = checkins.iter().filter_map(|c| {
        let instrument = find(instruments, c)?;
        Some((
            c.id.as_str(),
            EntryKind::CheckIn,
            instrument,
            c.completed_at,
            score(instrument, &c.answers),
        ))
    });
    let pulses = pulses.iter().map(|p| {
        (
            p.id.as_str(),
            EntryKind::Pulse,
            pulse,
            p.completed_at,
            score(pulse, &p.answers),
        )
    });
    let mut scored: Vec<_> = checkins.chain(pulses).collect();
    scored.sort_by(|a, b| (a.3, a.0).cmp(&(b.3, b.0)));

    HEADLINES
        .iter()
        .map(|&headline| {
            let reference = instruments
                .iter()
                .chain([&pulse])
                .find_map(|i| i.headline(headline).map(|s| (*i, s)));
            let points = scored
                .iter()
                .filter_map(|(id, kind, instrument, at, profile)| {
                    let s = headline_score(instrument, profile, headline)?;
                    Some(TrendEntry {
                        entry_id: id.to_string(),
                        kind: *kind,
                        instrument_id: instrument.id.clone(),
                        completed_at: *at,
                        value: s.value,
                        position: s.position?,
                        band: s.band,
                        band_label: s.band_label,
                    })
                })
                .collect();
            HeadlineTrend {
                headline,
                name: reference.map(|(_, s)| s.name.clone()).unwrap_or_default(),
                points,
                bands: reference
                    .map(|(i, s)| normalised_bands(i, s))
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// The bands of `subscale` on the 0 to 1 axis of its possible range; none
/// when the range is open or a single score. Where neighbouring zones meet
/// is the chart's to decide ([`super::chart::band_zones`]).
pub fn normalised_bands(instrument: &Instrument, subscale: &Subscale) -> Vec<ChartBand> {
    let Some(range) = score_range(instrument, &subscale.id) else {
        return Vec::new();
    };
    let Some(max) = range.max.filter(|max| *max > range.min) else {
        return Vec::new();
    };
    let unit = LinearScale::new(range.min, max, 0.0, 1.0);
    ChartBand::for_subscale(subscale, range.min, max)
        .iter()
        .map(|b| b.rescaled(&unit))
        .collect()
}

/// When the next check-in is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NextCheckIn {
    /// Noon of the due day (ms since the epoch), so that the date reads the
    /// same wherever the person formats it, within eleven hours of the day
    /// it was worked out in.
    pub due_at: i64,
    /// The due day in the person's own calendar, as noon UTC of that date:
    /// for date-only uses (a calendar file's all-day event, a file name),
    /// where the UTC date must be the person's date.
    pub due_date: i64,
    /// Whole days from today to the due day: 0 today, negative once past.
    pub days_until: i64,
    /// Whether the due day has passed.
    pub overdue: bool,
}

/// When the next check-in is due, by UTC calendar days: `interval_days`
/// (kept within the allowed range) after the day of the last check-in, or
/// today when there has been none.
pub fn next_checkin_due(
    last_completed_at: Option<i64>,
    interval_days: u32,
    now: i64,
) -> NextCheckIn {
    next_checkin_due_at_offset(last_completed_at, interval_days, now, 0)
}

/// [`next_checkin_due`] by the person's own calendar days, `offset_minutes`
/// ahead of UTC (negative to the west, as the browser reports the offset
/// negated: pass `-getTimezoneOffset()`).
pub fn next_checkin_due_at_offset(
    last_completed_at: Option<i64>,
    interval_days: u32,
    now: i64,
    offset_minutes: i32,
) -> NextCheckIn {
    let offset = i64::from(offset_minutes) * 60_000;
    let day = |ms: i64| ms.saturating_add(offset).div_euclid(DAY_MS);
    let today = day(now);
    let due_day = last_completed_at.map_or(today, |at| {
        day(at).saturating_add(i64::from(clamp_interval(interval_days)))
    });
    let days_until = due_day - today;
    NextCheckIn {
        due_at: due_day
            .saturating_mul(DAY_MS)
            .saturating_add(DAY_MS / 2)
            .saturating_sub(offset),
        due_date: due_day.saturating_mul(DAY_MS).saturating_add(DAY_MS / 2),
        days_until,
        overdue: days_until < 0,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::builtin::{pulse, tend, PULSE_EN};
    use crate::domain::answer::{Answer, Answers};
    use crate::domain::instrument::{Item, ItemKind, Scoring};
    use crate::domain::scoring::safety_flagged;
    use crate::store::data::Pulse;
    use crate::store::TendData;
    use crate::time::civil_date;

    fn own() -> &'static Instrument {
        match tend() {
            Ok(i) => i,
            Err(e) => panic!("Tend's check-in does not load: {e}"),
        }
    }

    fn the_pulse() -> &'static Instrument {
        match pulse() {
            Ok(i) => i,
            Err(e) => panic!("Tend's pulse does not load: {e}"),
        }
    }

    /// Every scored item of `headline`'s subscale in `instrument` answered
    /// `value` (reverse-keyed items are given the value that keys to it).
    fn answering(instrument: &Instrument, values: [i32; 3]) -> Answers {
        let mut answers = Answers::new();
        for (headline, value) in HEADLINES.iter().zip(values) {
            let Some(sub) = instrument.headline(*headline) else {
                continue;
            };
            for item in instrument.subscale_items(&sub.id) {
                let v = if item.reverse {
                    instrument.scale.reverse(value).unwrap_or(value)
                } else {
                    value
                };
                answers.insert(item.id.clone(), Answer::Value(v));
            }
        }
        answers
    }

    fn checkin(id: &str, at: i64, instrument: &str, answers: Answers) -> CheckIn {
        CheckIn {
            id: id.into(),
            instrument_id: instrument.into(),
            instrument_version: "1".into(),
            completed_at: at,
            answers,
        }
    }

    fn tend_checkin(id: &str, at: i64, values: [i32; 3]) -> CheckIn {
        checkin(id, at, "tend", answering(own(), values))
    }

    /// A copy of Tend's instrument under another id.
    fn other() -> Instrument {
        let mut i = own().clone();
        i.id = "org-copy".into();
        i
    }

    // ------------------------------------------------------------- pulse

    #[test]
    fn the_pulse_validates() {
        let parsed = Instrument::from_json(PULSE_EN);
        assert!(parsed.is_ok(), "{:?}", parsed.err());
        let p = the_pulse();
        assert_eq!(p.id, "tend-pulse");
        assert_eq!(p.locale, "en");
    }

    #[test]
    fn the_pulse_has_five_items_on_tends_scale() {
        let p = the_pulse();
        let items: Vec<&Item> = p.items().collect();
        assert_eq!(items.len(), 5);
        assert_eq!(p.scale, own().scale, "the same 0-4 Never..Very often scale");
        assert!(p.scale.prefer_not.is_some());
        let subscales: Vec<Option<&str>> = items.iter().map(|i| i.subscale.as_deref()).collect();
        assert_eq!(
            subscales,
            [
                Some("sts"),
                Some("burnout"),
                Some("sustaining"),
                Some("sleep"),
                None
            ]
        );
        let safety: Vec<&&Item> = items
            .iter()
            .filter(|i| i.kind == ItemKind::Safety)
            .collect();
        assert_eq!(safety.len(), 1);
        assert_eq!(safety[0].subscale, None, "safety is never scored");
        assert!(items.iter().all(|i| !i.reverse));
        assert!(items
            .iter()
            .all(|i| i.kind == ItemKind::Scale || i.kind == ItemKind::Safety));
        for section in &p.sections {
            assert!(
                section
                    .intro
                    .as_deref()
                    .is_some_and(|t| t.contains("7 days")),
                "the pulse asks about the past week"
            );
        }
    }

    #[test]
    fn the_pulse_headlines_match_tends_own() {
        let (p, own) = (the_pulse(), own());
        for headline in HEADLINES {
            let ours = p.headline(headline).expect("the pulse has every headline");
            let theirs = own.headline(headline).expect("Tend's check-in has it");
            assert_eq!(ours.id, theirs.id, "{headline:?}");
            assert_eq!(ours.name, theirs.name, "{headline:?}");
            assert_eq!(ours.scoring, Scoring::Mean, "{headline:?}");
            assert_eq!(ours.scoring, theirs.scoring, "{headline:?}");
            assert_eq!(ours.decimals, theirs.decimals, "{headline:?}");
            let edges = |s: &Subscale| {
                s.bands
                    .iter()
                    .map(|b| (b.id.clone(), b.label.clone(), b.min, b.max))
                    .collect::<Vec<_>>()
            };
            assert_eq!(edges(ours), edges(theirs), "{headline:?} bands");
            assert_eq!(score_range(p, &ours.id), score_range(own, &theirs.id));
        }
    }

    #[test]
    fn the_pulse_scores_and_flags_like_the_check_in() {
        let p = the_pulse();
        let mut answers = answering(p, [3, 1, 4]);
        answers.insert("pulse-sleep".into(), Answer::Value(2));
        answers.insert("pulse-safety".into(), Answer::Value(0));
        let profile = score(p, &answers);
        let band = |h| {
            headline_score(p, &profile, h)
                .and_then(|s| s.band)
                .map(|b| b.id)
        };
        assert_eq!(band(Headline::SecondaryTrauma).as_deref(), Some("high"));
        assert_eq!(band(Headline::Burnout).as_deref(), Some("low"));
        assert_eq!(band(Headline::Sustaining).as_deref(), Some("high"));
        assert!(!safety_flagged(p, &answers));
        answers.insert("pulse-safety".into(), Answer::Value(1));
        assert!(safety_flagged(p, &answers));
        assert_eq!(score(p, &answers), profile, "safety is never scored");
        // "Prefer not to answer" leaves that headline without a score.
        answers.insert("pulse-worn-out".into(), Answer::PreferNot);
        assert_eq!(
            headline_score(p, &score(p, &answers), Headline::Burnout),
            None
        );
    }

    // -------------------------------------------------------- comparison

    fn directions(c: &Comparison) -> Vec<Change> {
        c.headlines.iter().map(|h| h.change).collect()
    }

    fn moved(difference: f64, direction: Direction) -> Change {
        Change::Compared {
            difference,
            direction,
        }
    }

    #[test]
    fn change_reads_better_or_worse_by_headline() {
        use Direction::{Better, Same, Worse};
        let own = own();
        struct Case {
            name: &'static str,
            before: [i32; 3],
            after: [i32; 3],
            expected: [Change; 3],
        }
        let case = |name, before, after, expected| Case {
            name,
            before,
            after,
            expected,
        };
        let cases = [
            case(
                "everything the same",
                [2, 2, 2],
                [2, 2, 2],
                [moved(0.0, Same), moved(0.0, Same), moved(0.0, Same)],
            ),
            case(
                "lower stress and burnout, more sustaining: all better",
                [3, 3, 1],
                [1, 1, 3],
                [moved(-2.0, Better), moved(-2.0, Better), moved(2.0, Better)],
            ),
            case(
                "higher stress and burnout, less sustaining: all worse",
                [0, 1, 4],
                [4, 3, 0],
                [moved(4.0, Worse), moved(2.0, Worse), moved(-4.0, Worse)],
            ),
            case(
                "stress better, burnout worse, sustaining the same",
                [3, 1, 2],
                [2, 2, 2],
                [moved(-1.0, Better), moved(1.0, Worse), moved(0.0, Same)],
            ),
            case(
                "the extremes",
                [0, 0, 0],
                [4, 4, 4],
                [moved(4.0, Worse), moved(4.0, Worse), moved(4.0, Better)],
            ),
            case(
                "the other way",
                [4, 4, 4],
                [0, 0, 0],
                [moved(-4.0, Better), moved(-4.0, Better), moved(-4.0, Worse)],
            ),
        ];
        for Case {
            name,
            before,
            after,
            expected,
        } in cases
        {
            let a = tend_checkin("a", 1, before);
            let b = tend_checkin("b", 2, after);
            let c = compare(&a, &b, &[own]);
            assert_eq!(directions(&c), expected, "{name}");
            // Given the other way round, the earlier one is still first.
            assert_eq!(compare(&b, &a, &[own]), c, "{name} (reversed)");
            assert_eq!((c.earlier_id.as_str(), c.later_id.as_str()), ("a", "b"));
        }
    }

    /// Answers to Tend's burnout items giving a mean of `tenths` / 10.
    fn burnout_mean(tenths: i32) -> Answers {
        let own = own();
        let items = own.subscale_items("burnout");
        let n = items.len() as i32;
        // Spread the total over the items as evenly as the scale allows.
        let total = (tenths * n + 5) / 10;
        let mut answers = Answers::new();
        for (i, item) in items.iter().enumerate() {
            let i = i as i32;
            let v = total / n + i32::from(i < total % n);
            answers.insert(item.id.clone(), Answer::Value(v));
        }
        answers
    }

    #[test]
    fn small_changes_within_a_band_read_as_the_same() {
        let own = own();
        let burnout = |before: i32, after: i32| {
            let a = checkin("a", 1, "tend", burnout_mean(before));
            let b = checkin("b", 2, "tend", burnout_mean(after));
            let c = compare(&a, &b, &[own]);
            let h = &c.headlines[1];
            assert_eq!(h.headline, Headline::Burnout);
            (
                h.earlier.as_ref().map(|s| s.value),
                h.later.as_ref().map(|s| s.value),
                h.change,
            )
        };
        // Six burnout items: means move in steps of 1/6.
        let cases = [
            // (before, after, expected direction), in tenths of a point
            (0, 2, Direction::Same),     // 0.0 -> 0.2, both low
            (5, 7, Direction::Same),     // 0.5 -> 0.7, both low
            (5, 8, Direction::Worse),    // 0.5 -> 0.8, past the margin
            (13, 15, Direction::Worse),  // 1.3 -> 1.5: low -> moderate
            (15, 13, Direction::Better), // and back
            (30, 28, Direction::Same),
        ];
        for (before, after, expected) in cases {
            let (e, l, change) = burnout(before, after);
            match change {
                Change::Compared { direction, .. } => {
                    assert_eq!(direction, expected, "{e:?} -> {l:?}")
                }
                other => panic!("{e:?} -> {l:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn differences_are_rounded_to_the_subscale() {
        let own = own();
        let a = checkin("a", 1, "tend", burnout_mean(5));
        let b = checkin("b", 2, "tend", burnout_mean(8));
        let c = compare(&a, &b, &[own]);
        let h = &c.headlines[1];
        let (e, l) = (
            h.earlier.as_ref().expect("scored").value,
            h.later.as_ref().expect("scored").value,
        );
        assert_eq!((e, l), (0.5, 0.8));
        assert!(matches!(h.change, Change::Compared { difference, .. } if difference == 0.3));
    }

    #[test]
    fn what_cannot_be_compared_says_why() {
        let (own, other) = (own(), other());
        let list = [own, &other];
        let a = tend_checkin("a", 1, [1, 1, 1]);
        let mut on_other = tend_checkin("b", 2, [2, 2, 2]);
        on_other.instrument_id = other.id.clone();
        let all = |c: &Comparison| -> Vec<Change> { directions(c) };

        let c = compare(&a, &on_other, &list);
        assert_eq!(
            all(&c),
            vec![Change::NotComparable(NotComparable::DifferentInstruments); 3]
        );
        assert!(c
            .headlines
            .iter()
            .all(|h| h.earlier.is_some() && h.later.is_some()));

        let c = compare(&a, &on_other, &[own]);
        assert_eq!(
            all(&c),
            vec![Change::NotComparable(NotComparable::UnknownInstrument); 3]
        );
        assert!(c.headlines.iter().all(|h| h.later.is_none()));

        // Burnout left unanswered in the later one.
        let mut partial = tend_checkin("c", 3, [2, 2, 2]);
        for item in own.subscale_items("burnout") {
            partial.answers.insert(item.id.clone(), Answer::PreferNot);
        }
        let c = compare(&a, &partial, &[own]);
        assert!(matches!(c.headlines[0].change, Change::Compared { .. }));
        assert_eq!(
            c.headlines[1].change,
            Change::NotComparable(NotComparable::MissingScore)
        );
        assert!(c.headlines[1].later.is_none());
        assert!(matches!(c.headlines[2].change, Change::Compared { .. }));
    }

    #[test]
    fn scores_carry_their_band_and_name() {
        let own = own();
        let c = compare(
            &tend_checkin("a", 1, [0, 2, 4]),
            &tend_checkin("b", 2, [3, 3, 3]),
            &[own],
        );
        let labels: Vec<(String, Option<String>, Option<String>)> = c
            .headlines
            .iter()
            .map(|h| {
                (
                    h.earlier
                        .as_ref()
                        .map(|s| s.name.clone())
                        .unwrap_or_default(),
                    h.earlier.as_ref().and_then(|s| s.band_label.clone()),
                    h.later.as_ref().and_then(|s| s.band_label.clone()),
                )
            })
            .collect();
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            labels,
            [
                ("Secondary traumatic stress".into(), s("Low"), s("High")),
                ("Burnout".into(), s("Moderate"), s("High")),
                ("Sustaining factors".into(), s("High"), s("High")),
            ]
        );
    }

    #[test]
    fn change_since_previous_looks_back_to_the_same_instrument() {
        let (own, other) = (own(), other());
        let list = [own, &other];
        let mut data = TendData::default();
        data.add_checkin(tend_checkin("first", 10, [3, 3, 1]));
        let mut middle = tend_checkin("middle", 20, [2, 2, 2]);
        middle.instrument_id = other.id.clone();
        data.add_checkin(middle);
        data.add_checkin(tend_checkin("latest", 30, [1, 1, 3]));

        assert_eq!(change_since_previous(&data.checkins, "first", &list), None);
        assert_eq!(change_since_previous(&data.checkins, "nope", &list), None);
        let c = change_since_previous(&data.checkins, "latest", &list).expect("has a previous one");
        assert_eq!(
            (c.earlier_id.as_str(), c.later_id.as_str()),
            ("first", "latest")
        );
        assert!(c.headlines.iter().all(|h| matches!(
            h.change,
            Change::Compared {
                direction: Direction::Better,
                ..
            }
        )));
        // The only earlier check-in is of another instrument.
        let c = change_since_previous(&data.checkins, "middle", &list).expect("has a previous one");
        assert_eq!(c.earlier_id, "first");
        assert!(c
            .headlines
            .iter()
            .all(|h| h.change == Change::NotComparable(NotComparable::DifferentInstruments)));
    }

    // ------------------------------------------------------------- trend

    fn pulse_entry(id: &str, at: i64, values: [i32; 3]) -> Pulse {
        let mut answers = answering(the_pulse(), values);
        answers.insert("pulse-safety".into(), Answer::Value(4));
        Pulse {
            id: id.into(),
            completed_at: at,
            answers,
        }
    }

    #[test]
    fn the_trend_puts_check_ins_and_pulses_on_one_axis() {
        let (own, p) = (own(), the_pulse());
        let mut data = TendData::default();
        data.add_checkin(tend_checkin("c1", 100, [4, 2, 0]));
        data.add_pulse(pulse_entry("p1", 150, [3, 1, 2]));
        data.add_checkin(tend_checkin("c2", 200, [2, 0, 4]));
        data.add_pulse(pulse_entry("p0", 50, [0, 4, 1]));

        let series = trend(&data.checkins, &data.pulses, &[own], p);
        assert_eq!(series.len(), 3);
        let headlines: Vec<Headline> = series.iter().map(|s| s.headline).collect();
        assert_eq!(headlines, HEADLINES);

        let sts = &series[0];
        assert_eq!(sts.name, "Secondary traumatic stress");
        #[derive(Debug, PartialEq)]
        struct Plotted<'a> {
            id: &'a str,
            pulse: bool,
            at: i64,
            value: f64,
            position: f64,
            band: Option<&'a str>,
        }
        let plotted = |id, pulse, at, value, position, band| Plotted {
            id,
            pulse,
            at,
            value,
            position,
            band,
        };
        let got: Vec<Plotted> = sts
            .points
            .iter()
            .map(|e| Plotted {
                id: &e.entry_id,
                pulse: e.is_pulse(),
                at: e.completed_at,
                value: e.value,
                position: e.position,
                band: e.band_label.as_deref(),
            })
            .collect();
        assert_eq!(
            got,
            [
                plotted("p0", true, 50, 0.0, 0.0, Some("Low")),
                plotted("c1", false, 100, 4.0, 1.0, Some("High")),
                plotted("p1", true, 150, 3.0, 0.75, Some("High")),
                plotted("c2", false, 200, 2.0, 0.5, Some("Moderate")),
            ]
        );
        let sustaining: Vec<f64> = series[2].points.iter().map(|e| e.position).collect();
        assert_eq!(sustaining, [0.25, 0.0, 0.5, 1.0]);
        assert_eq!(series[1].points[0].instrument_id, "tend-pulse");
        assert_eq!(series[1].points[1].instrument_id, "tend");
        assert_eq!(series[1].points[1].kind, EntryKind::CheckIn);
    }

    #[test]
    fn entries_without_a_score_are_left_out_of_the_trend() {
        let (own, p) = (own(), the_pulse());
        let mut data = TendData::default();
        data.add_checkin(tend_checkin("scored", 1, [1, 1, 1]));
        data.add_checkin(checkin("unknown", 2, "removed-instrument", Answers::new()));
        data.add_checkin(checkin("empty", 3, "tend", Answers::new()));
        let mut skipped = pulse_entry("p", 4, [1, 1, 1]);
        skipped
            .answers
            .insert("pulse-worn-out".into(), Answer::PreferNot);
        data.add_pulse(skipped);
        let series = trend(&data.checkins, &data.pulses, &[own], p);
        let ids = |i: usize| -> Vec<&str> {
            series[i]
                .points
                .iter()
                .map(|e| e.entry_id.as_str())
                .collect()
        };
        assert_eq!(ids(0), ["scored", "p"]);
        assert_eq!(ids(1), ["scored"]);
        assert_eq!(ids(2), ["scored", "p"]);
        assert!(trend(&[], &[], &[own], p)
            .iter()
            .all(|s| s.points.is_empty() && !s.bands.is_empty()));
    }

    #[test]
    fn bands_sit_on_the_trend_axis_as_shares_of_the_range() {
        let own = own();
        let series = trend(&[], &[], &[own], the_pulse());
        // Each band's ends on the 0-4 range, read back from the 0-1 axis.
        let bands = |i: usize| -> Vec<(String, f64, f64)> {
            series[i]
                .bands
                .iter()
                .map(|b| (b.label.clone(), b.min * 4.0, b.max * 4.0))
                .collect()
        };
        let cases = [
            (
                0,
                [
                    ("Low", 0.0, 1.4),
                    ("Moderate", 1.5, 2.4),
                    ("High", 2.5, 4.0),
                ],
            ),
            (
                2,
                [
                    ("Low", 0.0, 1.9),
                    ("Moderate", 2.0, 2.9),
                    ("High", 3.0, 4.0),
                ],
            ),
        ];
        for (i, want) in cases {
            let got = bands(i);
            assert_eq!(got.len(), want.len());
            for (g, w) in got.iter().zip(want) {
                assert!(
                    g.0 == w.0 && (g.1 - w.1).abs() < 1e-9 && (g.2 - w.2).abs() < 1e-9,
                    "{got:?}"
                );
            }
        }
        // An open scale has no axis to put bands on.
        let mut open = own.clone();
        open.scale.max = None;
        let Some(burnout) = open.headline(Headline::Burnout) else {
            panic!("Tend has a burnout headline");
        };
        assert!(normalised_bands(&open, burnout).is_empty());
    }

    // ------------------------------------------------------ next check-in

    const DAY: i64 = DAY_MS;

    #[test]
    fn next_check_in_follows_the_interval() {
        // 2025-11-26T09:30Z
        let last = 1_764_149_400_000;
        let cases = [
            // (last, interval, now, due date, days until, overdue)
            (None, 14, last, (2025, 11, 26), 0, false),
            (Some(last), 14, last, (2025, 12, 10), 14, false),
            (Some(last), 14, last + 13 * DAY, (2025, 12, 10), 1, false),
            (Some(last), 14, last + 14 * DAY, (2025, 12, 10), 0, false),
            // Late on the due day is still due today.
            (
                Some(last),
                14,
                last + 14 * DAY + 14 * 3_600_000,
                (2025, 12, 10),
                0,
                false,
            ),
            (Some(last), 14, last + 15 * DAY, (2025, 12, 10), -1, true),
            (Some(last), 7, last, (2025, 12, 3), 7, false),
            (Some(last), 90, last, (2026, 2, 24), 90, false),
            // Out of range is kept within 7..=90.
            (Some(last), 0, last, (2025, 12, 3), 7, false),
            (Some(last), 400, last, (2026, 2, 24), 90, false),
            // A clock that went back before the last check-in.
            (Some(last), 14, last - 2 * DAY, (2025, 12, 10), 16, false),
        ];
        for (last, interval, now, date, days, overdue) in cases {
            let next = next_checkin_due(last, interval, now);
            assert_eq!(civil_date(next.due_at), date, "{last:?} {interval} {now}");
            assert_eq!(next.days_until, days, "{last:?} {interval} {now}");
            assert_eq!(next.overdue, overdue, "{last:?} {interval} {now}");
            assert_eq!(next.due_at.rem_euclid(DAY), DAY / 2, "noon UTC");
        }
    }

    #[test]
    fn next_check_in_by_the_persons_own_days() {
        // 2025-11-26T23:30Z: already the 27th in Berlin, still the 26th in
        // New York.
        let last = 1_764_199_800_000;
        let berlin = next_checkin_due_at_offset(Some(last), 14, last, 60);
        let new_york = next_checkin_due_at_offset(Some(last), 14, last, -300);
        assert_eq!(civil_date(berlin.due_at + 60 * 60_000), (2025, 12, 11));
        assert_eq!(civil_date(new_york.due_at - 300 * 60_000), (2025, 12, 10));
        assert_eq!(
            civil_date(berlin.due_at),
            (2025, 12, 11),
            "noon reads the same day"
        );
        assert_eq!(civil_date(new_york.due_at), (2025, 12, 10));
        // An hour into the 11th UTC: due today in Berlin (01:30 there),
        // overdue by UTC days, and still due today in New York (19:30 on
        // the 10th there).
        let now = last + 14 * DAY + 60 * 60_000;
        let berlin = next_checkin_due_at_offset(Some(last), 14, now, 60);
        assert_eq!((berlin.days_until, berlin.overdue), (0, false));
        let utc = next_checkin_due(Some(last), 14, now);
        assert_eq!((utc.days_until, utc.overdue), (-1, true));
        let new_york = next_checkin_due_at_offset(Some(last), 14, now, -300);
        assert_eq!((new_york.days_until, new_york.overdue), (0, false));
        assert_eq!(
            next_checkin_due_at_offset(Some(last), 14, last, 0),
            next_checkin_due(Some(last), 14, last)
        );
    }

    #[test]
    fn due_date_is_the_persons_own_calendar_day() {
        // Completed 2026-03-10 12:30 UTC: already 11 March in Auckland
        // (UTC+13), still 10 March in Honolulu (UTC-10).
        let at = 1_773_145_800_000;
        assert_eq!(civil_date(at), (2026, 3, 10));
        for (offset, want) in [
            (780, (2026, 3, 25)),
            (-600, (2026, 3, 24)),
            (0, (2026, 3, 24)),
        ] {
            let next = next_checkin_due_at_offset(Some(at), 14, at, offset);
            assert_eq!(civil_date(next.due_date), want, "offset {offset}");
            assert_eq!(next.days_until, 14, "offset {offset}");
            // The instant lands on the same date when read in that zone.
            let local = next.due_at + i64::from(offset) * 60_000;
            assert_eq!(civil_date(local), want, "offset {offset}");
        }
    }
}
