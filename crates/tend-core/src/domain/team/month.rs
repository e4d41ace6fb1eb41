//! A leader's view of one month's team codes: which entries count, and
//! the distribution of bands shown only once at least [`K`] distinct codes
//! are in (fields with fewer folded into "other"), and its CSV of counts.

use super::{decode, CodeError, Field, Level, Month, TeamCode, K, NO_BAND};
use crate::domain::history::HEADLINES;
use crate::domain::instrument::Headline;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// What became of one entry pasted into the team view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intake {
    /// Counted for the month.
    Counted,
    /// The same code (same nonce) as an earlier entry, whose place in the
    /// list is given: ignored.
    Duplicate {
        /// The place of the entry it repeats, from 0.
        of: usize,
    },
    /// A code of another month: ignored.
    OtherMonth(Month),
    /// Not readable as a code: ignored.
    Unreadable(CodeError),
    /// Nothing but spaces: ignored.
    Blank,
}

/// How many codes had each band of one headline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BandCounts {
    /// Low.
    pub low: usize,
    /// Moderate.
    pub moderate: usize,
    /// High.
    pub high: usize,
    /// No band (too few items answered).
    pub none: usize,
}

impl BandCounts {
    /// How many codes had this band (`None`: no band).
    pub fn get(&self, level: Option<Level>) -> usize {
        match level {
            Some(Level::Low) => self.low,
            Some(Level::Moderate) => self.moderate,
            Some(Level::High) => self.high,
            None => self.none,
        }
    }

    fn add(&mut self, level: Option<Level>) {
        let slot = match level {
            Some(Level::Low) => &mut self.low,
            Some(Level::Moderate) => &mut self.moderate,
            Some(Level::High) => &mut self.high,
            None => &mut self.none,
        };
        *slot += 1;
    }
}

/// The band counts of a set of codes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// How many codes.
    pub codes: usize,
    /// The band counts of each headline, in [`HEADLINES`] order.
    pub bands: [BandCounts; 3],
}

impl Tally {
    /// The band counts of one headline.
    pub fn get(&self, headline: Headline) -> BandCounts {
        let i = HEADLINES.iter().position(|h| *h == headline).unwrap_or(0);
        self.bands.get(i).copied().unwrap_or_default()
    }

    fn of<'a>(codes: impl Iterator<Item = &'a TeamCode>) -> Tally {
        let mut tally = Tally::default();
        for code in codes {
            tally.codes += 1;
            for (counts, headline) in tally.bands.iter_mut().zip(HEADLINES) {
                counts.add(code.bands.get(headline));
            }
        }
        tally
    }
}

/// A group of codes the team view names: a field with at least [`K`]
/// codes, or "other" for the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// One field with at least [`K`] codes (never [`Field::Other`]).
    Field(Field),
    /// [`Field::Other`] and every field with fewer than [`K`] codes.
    Other,
}

impl Group {
    /// The group's id: the field's id, or `other`.
    pub fn id(self) -> &'static str {
        match self {
            Group::Field(f) => f.id(),
            Group::Other => Field::Other.id(),
        }
    }
}

/// How many codes are in one group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupCount {
    /// The group.
    pub group: Group,
    /// How many codes.
    pub codes: usize,
}

/// One group's band counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupTally {
    /// The group.
    pub group: Group,
    /// Its codes' band counts.
    pub tally: Tally,
}

/// The band counts group by group, when they can be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ByField {
    /// Every group has at least [`K`] codes.
    Shown(Vec<GroupTally>),
    /// All the codes are in one group: its counts are the whole team's.
    OneGroup,
    /// "Other" holds between 1 and [`K`] − 1 codes. Its bands would be the
    /// whole team's less the named fields', so no group's bands are shown.
    Withheld,
}

/// What the team view shows of a month with at least [`K`] distinct codes.
/// Made only by [`TeamMonth::collect`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Distribution {
    all: Tally,
    fields: Vec<GroupCount>,
    by_field: ByField,
}

impl Distribution {
    /// The band counts of every counted code.
    pub fn all(&self) -> &Tally {
        &self.all
    }

    /// How many codes each group has, the named fields in the role
    /// question's order, then "not said", then "other"; only groups with
    /// codes.
    pub fn fields(&self) -> &[GroupCount] {
        &self.fields
    }

    /// The band counts group by group, when they can be shown.
    pub fn by_field(&self) -> &ByField {
        &self.by_field
    }
}

/// What the team view shows of a month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TeamView {
    /// Fewer than [`K`] distinct codes: only how many more are needed.
    TooFew {
        /// How many more distinct codes of the month are needed.
        more_needed: usize,
    },
    /// At least [`K`] distinct codes: their distribution.
    Shown(Distribution),
}

/// A leader's view of one month's codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamMonth {
    month: Month,
    entries: Vec<Intake>,
    view: TeamView,
}

impl TeamMonth {
    /// Reads every pasted entry and counts the distinct codes of `month`.
    /// The first of several codes with the same nonce is the one counted.
    /// Nothing of a single code is kept beyond what [`Intake`] says.
    pub fn collect<S: AsRef<str>>(codes: &[S], month: Month) -> TeamMonth {
        let mut first_of: BTreeMap<u64, usize> = BTreeMap::new();
        let mut counted = Vec::new();
        let mut entries = Vec::with_capacity(codes.len());
        for (i, text) in codes.iter().enumerate() {
            let text = text.as_ref();
            let intake = if text.trim().is_empty() {
                Intake::Blank
            } else {
                match decode(text) {
                    Err(e) => Intake::Unreadable(e),
                    Ok(code) => match first_of.get(&code.nonce) {
                        Some(&of) => Intake::Duplicate { of },
                        None => {
                            first_of.insert(code.nonce, i);
                            if code.month == month {
                                counted.push(code);
                                Intake::Counted
                            } else {
                                Intake::OtherMonth(code.month)
                            }
                        }
                    },
                }
            };
            entries.push(intake);
        }
        let view = if counted.len() < K {
            TeamView::TooFew {
                more_needed: K - counted.len(),
            }
        } else {
            TeamView::Shown(distribution(&counted))
        };
        TeamMonth {
            month,
            entries,
            view,
        }
    }

    /// The month shown.
    pub fn month(&self) -> Month {
        self.month
    }

    /// What became of each entry, in the order given.
    pub fn entries(&self) -> &[Intake] {
        &self.entries
    }

    /// What the view shows.
    pub fn view(&self) -> &TeamView {
        &self.view
    }
}

/// The distribution of at least [`K`] codes, fields with fewer than [`K`]
/// folded into "other".
fn distribution(codes: &[TeamCode]) -> Distribution {
    let mut in_field: BTreeMap<Field, usize> = BTreeMap::new();
    for c in codes {
        *in_field.entry(c.field).or_default() += 1;
    }
    let group_of = |f: Field| {
        if f != Field::Other && in_field.get(&f).copied().unwrap_or(0) >= K {
            Group::Field(f)
        } else {
            Group::Other
        }
    };
    let mut groups: Vec<Group> = Field::ALL
        .iter()
        .copied()
        .filter(|f| matches!(group_of(*f), Group::Field(_)))
        .map(Group::Field)
        .collect();
    groups.push(Group::Other);
    let tallies: Vec<GroupTally> = groups
        .into_iter()
        .map(|group| GroupTally {
            group,
            tally: Tally::of(codes.iter().filter(|c| group_of(c.field) == group)),
        })
        .filter(|g| g.tally.codes > 0)
        .collect();
    let fields = tallies
        .iter()
        .map(|g| GroupCount {
            group: g.group,
            codes: g.tally.codes,
        })
        .collect();
    let by_field = if tallies.len() < 2 {
        ByField::OneGroup
    } else if tallies.iter().any(|g| g.tally.codes < K) {
        ByField::Withheld
    } else {
        ByField::Shown(tallies)
    };
    Distribution {
        all: Tally::of(codes.iter()),
        fields,
        by_field,
    }
}

/// One CSV row per headline and band of `tally`: (field, headline, band,
/// count).
fn band_rows(
    field: &'static str,
    tally: &Tally,
) -> Vec<(&'static str, &'static str, &'static str, usize)> {
    let mut rows = Vec::with_capacity(12);
    for (headline, counts) in HEADLINES.iter().zip(tally.bands) {
        for level in Level::ALL.iter().copied().map(Some).chain([None]) {
            let band = level.map_or(NO_BAND, Level::id);
            rows.push((field, headline.as_str(), band, counts.get(level)));
        }
    }
    rows
}

/// The header of [`aggregate_csv`].
pub const CSV_HEADER: &str = "month,field,headline,band,count";

/// A month's counts as CSV, with nothing of any single code: a row per
/// group with its number of codes (headline and band left empty), and a
/// row per group, headline and band with its count (`field` is `all` for
/// every counted code; band `none` is no band). `None` below [`K`] codes.
pub fn aggregate_csv(team: &TeamMonth) -> Option<String> {
    let TeamView::Shown(d) = &team.view else {
        return None;
    };
    let mut rows = vec![("all", "", "", d.all.codes)];
    rows.extend(band_rows("all", &d.all));
    rows.extend(d.fields.iter().map(|g| (g.group.id(), "", "", g.codes)));
    if let ByField::Shown(groups) = &d.by_field {
        for g in groups {
            rows.extend(band_rows(g.group.id(), &g.tally));
        }
    }
    let month = team.month.to_iso();
    let mut out = String::new();
    out.push_str(CSV_HEADER);
    out.push_str("\r\n");
    for (field, headline, band, count) in rows {
        let _ = write!(out, "{month},{field},{headline},{band},{count}\r\n");
    }
    Some(out)
}
