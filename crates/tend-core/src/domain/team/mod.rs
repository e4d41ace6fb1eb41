//! The team pulse without a server: a short code a team member may share
//! after a check-in or pulse, and the leader's view of a month's codes.
//!
//! A [`TeamCode`] holds only the three headline bands, the field of work,
//! the month, a random nonce (so the same code pasted twice is counted
//! once) and the code's format version. It is written as text a person can
//! copy or type (see [`encode`]) with a checksum that catches typing
//! mistakes. The checksum is not a signature: anyone can make a code, so a
//! code is not proof of anything.
//!
//! A leader's [`TeamMonth`] counts the distinct codes of one month and
//! shows their distribution only once at least [`K`] are in; fields with
//! fewer than [`K`] codes are folded into "other".
//!
//! # The text of a code
//!
//! `TEND-` and sixteen Crockford base32 characters in groups of four, such
//! as `TEND-3S61-N7SC-9SRT-60PR`: 80 bits, laid out most significant first
//! as [`LAYOUT`] lists them. Reading a code ignores case, spaces and
//! hyphens, and takes `O` for `0` and `I` or `L` for `1`.
//!
//! Every later format must keep what lets this version tell a newer code
//! from a mistyped one: the `TEND` prefix, Crockford base32, the version in
//! the first four bits and, in the last sixteen, the CRC-16 of every bit
//! before them.
//!
//! The base32 and the CRC are written here rather than taken from crates:
//! a code is one 80-bit number read five bits at a time, and the CRC is a
//! few lines checked against its published check value, as the store's
//! FNV-1a is. A crate (`data-encoding`, `crc`) would bring byte-oriented
//! machinery for less than that.

use super::history::HEADLINES;
use super::instrument::Headline;
use super::scoring::{Profile, SubscaleScore};
use super::strategy::tags;
use crate::time::civil_date;

/// The version of the code format this build writes and reads.
pub const FORMAT_VERSION: u8 = 1;
/// What every code starts with, in any case.
pub const PREFIX: &str = "TEND";
/// How many base32 characters follow the prefix in a code of this version.
pub const CODE_CHARS: usize = 16;
/// How many characters are written between hyphens.
pub const GROUP_CHARS: usize = 4;
/// Bits of the random nonce.
pub const NONCE_BITS: u32 = 40;
/// The year of the first month a code can name (January).
pub const FIRST_YEAR: i64 = 2024;
/// The fewest distinct codes of one month, and of one field, before the
/// team view shows anything about them (the k of k-anonymity).
pub const K: usize = 5;
/// The id written for a headline that had no band (not enough answers).
pub const NO_BAND: &str = "none";

/// Bits of the month, counted from January of [`FIRST_YEAR`]: 1,024
/// months, to April 2109.
const MONTH_BITS: u32 = 10;
/// Bits of the checksum.
const CHECK_BITS: u32 = 16;
/// Crockford's base32 alphabet: no I, L, O or U.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A part of a code: what it may hold, and nothing else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The format version.
    Version,
    /// One headline's band, or that it had none.
    Band(Headline),
    /// The field of work.
    Field,
    /// The month.
    Month,
    /// The random nonce.
    Nonce,
    /// The checksum over every part before it.
    Checksum,
}

/// Every part of a code in the order it is written, with its width in
/// bits. The parts fill the code's characters exactly (16 × 5 = 80 bits),
/// so there is no room for anything else.
pub const LAYOUT: [(Part, u32); 8] = [
    (Part::Version, 4),
    (Part::Band(Headline::SecondaryTrauma), 2),
    (Part::Band(Headline::Burnout), 2),
    (Part::Band(Headline::Sustaining), 2),
    (Part::Field, 4),
    (Part::Month, MONTH_BITS),
    (Part::Nonce, NONCE_BITS),
    (Part::Checksum, CHECK_BITS),
];

tags! {
    /// A headline's band, as Tend's own check-in and pulse name them.
    Level {
        /// The band of the lowest scores.
        Low = "low",
        /// The middle band.
        Moderate = "moderate",
        /// The band of the highest scores.
        High = "high",
    }
}

tags! {
    /// The field of work: an option of the built-in check-in's role
    /// question (`ctx-role`), or that the person did not say.
    Field {
        /// Therapist, counsellor or psychologist.
        Therapist = "therapist",
        /// Social worker or case worker.
        SocialWorker = "social-worker",
        /// Paramedic or EMT.
        Paramedic = "paramedic",
        /// Nurse or doctor.
        Clinician = "clinician",
        /// Police officer.
        Police = "police",
        /// Dispatcher or call-taker.
        Dispatcher = "dispatcher",
        /// Firefighter.
        Firefighter = "firefighter",
        /// Victim advocate.
        Advocate = "advocate",
        /// Volunteer.
        Volunteer = "volunteer",
        /// Leader or manager.
        Leader = "leader",
        /// Something else.
        Other = "other",
        /// The person did not answer the role question.
        NotSaid = "not-said",
    }
}

impl Level {
    /// The level's number in a code (0 is "no band").
    fn code(self) -> u8 {
        match self {
            Level::Low => 1,
            Level::Moderate => 2,
            Level::High => 3,
        }
    }
}

impl Field {
    /// The field's number in a code. Fixed for ever: a new field gets the
    /// next free number (12 to 15 are free).
    fn code(self) -> u8 {
        match self {
            Field::NotSaid => 0,
            Field::Therapist => 1,
            Field::SocialWorker => 2,
            Field::Paramedic => 3,
            Field::Clinician => 4,
            Field::Police => 5,
            Field::Dispatcher => 6,
            Field::Firefighter => 7,
            Field::Advocate => 8,
            Field::Volunteer => 9,
            Field::Leader => 10,
            Field::Other => 11,
        }
    }

    fn from_code(code: u64) -> Option<Field> {
        Field::ALL
            .iter()
            .copied()
            .find(|f| u64::from(f.code()) == code)
    }
}

fn level_code(level: Option<Level>) -> u8 {
    level.map_or(0, Level::code)
}

fn level_from_code(code: u64) -> Option<Level> {
    Level::ALL
        .iter()
        .copied()
        .find(|l| u64::from(l.code()) == code)
}

/// A calendar month a code can name: from January [`FIRST_YEAR`] to April
/// 2109.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(u16);

impl Month {
    /// The month of a year and month (1–12), or `None` when there is no
    /// such month or a code cannot name it.
    pub fn new(year: i64, month: u32) -> Option<Month> {
        if !(1..=12).contains(&month) {
            return None;
        }
        let index = year
            .checked_sub(FIRST_YEAR)?
            .checked_mul(12)?
            .checked_add(i64::from(month) - 1)?;
        Month::from_index(u64::try_from(index).ok()?)
    }

    /// The month on the person's own calendar at `ms` (since the epoch),
    /// `offset_minutes` ahead of UTC (negative to the west: pass the
    /// browser's `-getTimezoneOffset()`), or `None` when a code cannot name
    /// it.
    pub fn at(ms: i64, offset_minutes: i32) -> Option<Month> {
        let local = ms.saturating_add(i64::from(offset_minutes) * 60_000);
        let (year, month, _) = civil_date(local);
        Month::new(year, month)
    }

    /// A month from `YYYY-MM` text (as an HTML month input gives it).
    pub fn parse(text: &str) -> Option<Month> {
        let (year, month) = text.split_once('-')?;
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(year, 4) || !digits(month, 2) {
            return None;
        }
        Month::new(year.parse().ok()?, month.parse().ok()?)
    }

    /// The year.
    pub fn year(self) -> i64 {
        FIRST_YEAR + i64::from(self.0 / 12)
    }

    /// The month of the year, 1–12.
    pub fn month(self) -> u32 {
        u32::from(self.0 % 12) + 1
    }

    /// The month as `YYYY-MM`.
    pub fn to_iso(self) -> String {
        format!("{:04}-{:02}", self.year(), self.month())
    }

    fn from_index(index: u64) -> Option<Month> {
        u16::try_from(index)
            .ok()
            .filter(|i| *i < 1 << MONTH_BITS)
            .map(Month)
    }
}

/// The band of each headline, or `None` where it had none (too few items
/// answered).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Bands {
    /// Secondary traumatic stress.
    pub sts: Option<Level>,
    /// Burnout.
    pub burnout: Option<Level>,
    /// Sustaining factors.
    pub sustaining: Option<Level>,
}

impl Bands {
    /// The band of one headline.
    pub fn get(&self, headline: Headline) -> Option<Level> {
        match headline {
            Headline::SecondaryTrauma => self.sts,
            Headline::Burnout => self.burnout,
            Headline::Sustaining => self.sustaining,
        }
    }

    /// Sets the band of one headline.
    pub fn set(&mut self, headline: Headline, level: Option<Level>) {
        match headline {
            Headline::SecondaryTrauma => self.sts = level,
            Headline::Burnout => self.burnout = level,
            Headline::Sustaining => self.sustaining = level,
        }
    }

    /// The bands from their ids, in [`HEADLINES`] order (secondary trauma,
    /// burnout, sustaining). An id that is not `low`, `moderate` or `high`
    /// is refused.
    pub fn from_ids(ids: [Option<&str>; 3]) -> Result<Bands, CodeError> {
        let mut bands = Bands::default();
        for (headline, id) in HEADLINES.into_iter().zip(ids) {
            let level = match id {
                Some(id) => {
                    Some(Level::parse(id).ok_or(CodeError::OutOfRange(Part::Band(headline)))?)
                }
                None => None,
            };
            bands.set(headline, level);
        }
        Ok(bands)
    }

    /// The headline bands of a scored check-in or pulse. A headline band
    /// with another id (a loaded instrument's own) is refused.
    pub fn from_profile(profile: &Profile) -> Result<Bands, CodeError> {
        let id = |h: Headline| {
            profile
                .headline(h)
                .and_then(SubscaleScore::score)
                .and_then(|s| s.band.as_ref())
                .map(|b| b.id.as_str())
        };
        Bands::from_ids(HEADLINES.map(id))
    }
}

/// What one team member shares: the headline bands, the field, the month,
/// a nonce and the format version, and nothing else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TeamCode {
    version: u8,
    bands: Bands,
    field: Field,
    month: Month,
    nonce: u64,
}

impl TeamCode {
    /// A code of this version. Only the low [`NONCE_BITS`] bits of `nonce`
    /// are kept; the caller draws it at random (the core has no randomness).
    pub fn new(bands: Bands, field: Field, month: Month, nonce: u64) -> TeamCode {
        TeamCode {
            version: FORMAT_VERSION,
            bands,
            field,
            month,
            nonce: nonce & ((1 << NONCE_BITS) - 1),
        }
    }

    /// A code from a completed check-in's or pulse's headline band ids (in
    /// [`HEADLINES`] order; `None` where a headline had no band), the role
    /// option id the person chose (`None` if they did not say), and when it
    /// was completed (ms since the epoch) on a calendar `offset_minutes`
    /// ahead of UTC. Refused when a band or field id is unknown or the month
    /// is outside what a code can name.
    pub fn from_ids(
        bands: [Option<&str>; 3],
        field: Option<&str>,
        completed_at: i64,
        offset_minutes: i32,
        nonce: u64,
    ) -> Result<TeamCode, CodeError> {
        let bands = Bands::from_ids(bands)?;
        let field = match field {
            Some(id) => Field::parse(id).ok_or(CodeError::OutOfRange(Part::Field))?,
            None => Field::NotSaid,
        };
        let month =
            Month::at(completed_at, offset_minutes).ok_or(CodeError::OutOfRange(Part::Month))?;
        Ok(TeamCode::new(bands, field, month, nonce))
    }

    /// The format version the code was written in.
    pub fn version(&self) -> u8 {
        self.version
    }

    /// The headline bands.
    pub fn bands(&self) -> Bands {
        self.bands
    }

    /// The field of work.
    pub fn field(&self) -> Field {
        self.field
    }

    /// The month.
    pub fn month(&self) -> Month {
        self.month
    }

    /// The nonce.
    pub fn nonce(&self) -> u64 {
        self.nonce
    }

    /// The code's bits, part by part as [`LAYOUT`] lists them.
    fn packed(&self) -> Bits {
        let mut bits = Bits::default();
        for (part, width) in LAYOUT {
            let value = match part {
                Part::Version => u64::from(self.version),
                Part::Band(h) => u64::from(level_code(self.bands.get(h))),
                Part::Field => u64::from(self.field.code()),
                Part::Month => u64::from(self.month.0),
                Part::Nonce => self.nonce,
                Part::Checksum => u64::from(crc16(bits.value, bits.len)),
            };
            bits.push(value, width);
        }
        bits
    }
}

/// Bits, most significant first.
#[derive(Clone, Copy, Debug, Default)]
struct Bits {
    value: u128,
    len: u32,
}

impl Bits {
    fn push(&mut self, value: u64, width: u32) {
        let mask = (1u128 << width) - 1;
        self.value = (self.value << width) | (u128::from(value) & mask);
        self.len += width;
    }
}

/// CRC-16 with polynomial 0x1021, initial value 0xFFFF, no reflection
/// (CRC-16/IBM-3740), over the low `len` bits of `value`, most significant
/// first. Being a CRC of degree 16, it catches every error confined to 16
/// bits in a row: any one character changed (5 bits) and any two
/// neighbouring characters swapped (10 bits).
fn crc16(value: u128, len: u32) -> u16 {
    let mut crc: u16 = 0xFFFF;
    for i in (0..len).rev() {
        let bit = ((value >> i) & 1) as u16;
        let feedback = (crc >> 15) ^ bit;
        crc <<= 1;
        if feedback == 1 {
            crc ^= 0x1021;
        }
    }
    crc
}

/// Why text cannot be read as a team code. Each says what the person can
/// do about it; the app words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// The text does not start with `TEND`: it is not a team code at all.
    NotTendCode,
    /// A typing mistake: check the code against the one shared.
    Mistyped(Mistake),
    /// Made by a newer version of Tend, which this one cannot read: update
    /// Tend.
    Newer {
        /// The code's format version.
        version: u8,
    },
    /// The code is well formed but a part holds a value this version does
    /// not know (or, making a code, a band, field or month a code cannot
    /// hold).
    OutOfRange(Part),
}

/// What kind of typing mistake a code has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mistake {
    /// A character no code uses (`U`, punctuation), as typed.
    Character(char),
    /// Characters left out or typed twice.
    Length {
        /// How many characters follow the prefix.
        found: usize,
        /// How many a code has.
        expected: usize,
    },
    /// The characters do not agree with the code's checksum: one is
    /// wrong, or two are swapped.
    Checksum,
}

/// A code's text: `TEND-` and [`CODE_CHARS`] characters in groups of
/// [`GROUP_CHARS`].
pub fn encode(code: &TeamCode) -> String {
    write_text(code.packed().value, CODE_CHARS)
}

/// The prefix and the low `chars` × 5 bits of `value` in base32, grouped.
fn write_text(value: u128, chars: usize) -> String {
    let mut out = String::with_capacity(PREFIX.len() + chars + chars / GROUP_CHARS + 1);
    out.push_str(PREFIX);
    for i in 0..chars {
        if i % GROUP_CHARS == 0 {
            out.push('-');
        }
        let shift = 5 * (chars - 1 - i);
        let symbol = ((value >> shift) & 31) as usize;
        out.push(ALPHABET.get(symbol).map_or('0', |b| char::from(*b)));
    }
    out
}

/// Whether a character only separates groups (hyphens, dashes, spaces).
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// The value of a base32 character, taking either case and the look-alikes
/// Crockford allows (`O` for 0, `I` and `L` for 1).
fn symbol_value(c: char) -> Option<u8> {
    let c = c.to_ascii_uppercase();
    let c = match c {
        'O' => '0',
        'I' | 'L' => '1',
        c => c,
    };
    let byte = u8::try_from(c).ok()?;
    ALPHABET
        .iter()
        .position(|a| *a == byte)
        .and_then(|p| u8::try_from(p).ok())
}

/// Reads a code's text.
pub fn decode(text: &str) -> Result<TeamCode, CodeError> {
    let mut chars = text.chars().filter(|c| !is_separator(*c));
    for expected in PREFIX.chars() {
        match chars.next() {
            Some(c) if c.eq_ignore_ascii_case(&expected) => {}
            _ => return Err(CodeError::NotTendCode),
        }
    }
    let mut symbols = Vec::with_capacity(CODE_CHARS);
    for c in chars {
        symbols.push(symbol_value(c).ok_or(CodeError::Mistyped(Mistake::Character(c)))?);
    }
    let wrong_length = CodeError::Mistyped(Mistake::Length {
        found: symbols.len(),
        expected: CODE_CHARS,
    });
    // Every version keeps the version in the first four bits and the
    // checksum in the last sixteen, so a newer code of another length is
    // still told from a mistyped one when it fits in 128 bits.
    let bits = u32::try_from(symbols.len())
        .unwrap_or(u32::MAX)
        .saturating_mul(5);
    if !(CHECK_BITS + 4..=u128::BITS).contains(&bits) {
        return Err(wrong_length);
    }
    let value = symbols.iter().fold(0u128, |v, s| (v << 5) | u128::from(*s));
    let payload_bits = bits - CHECK_BITS;
    let payload = value >> CHECK_BITS;
    let sound = crc16(payload, payload_bits) == (value & 0xFFFF) as u16;
    let version = (payload >> (payload_bits - 4)) as u8;
    if sound && version > FORMAT_VERSION {
        return Err(CodeError::Newer { version });
    }
    if symbols.len() != CODE_CHARS {
        return Err(wrong_length);
    }
    if !sound {
        return Err(CodeError::Mistyped(Mistake::Checksum));
    }
    if version != FORMAT_VERSION {
        return Err(CodeError::OutOfRange(Part::Version));
    }
    let mut code = TeamCode {
        version,
        bands: Bands::default(),
        field: Field::NotSaid,
        month: Month(0),
        nonce: 0,
    };
    let mut at = bits;
    for (part, width) in LAYOUT {
        at = at.saturating_sub(width);
        let v = ((value >> at) & ((1u128 << width) - 1)) as u64;
        match part {
            Part::Version | Part::Checksum => {}
            Part::Band(h) => code.bands.set(h, level_from_code(v)),
            Part::Field => code.field = Field::from_code(v).ok_or(CodeError::OutOfRange(part))?,
            Part::Month => code.month = Month::from_index(v).ok_or(CodeError::OutOfRange(part))?,
            Part::Nonce => code.nonce = v,
        }
    }
    Ok(code)
}

/// One thing a code holds, with its value, for the person to see before
/// they copy it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content {
    /// The format version.
    Version(u8),
    /// A headline's band, or `None` when it had none.
    Band(Headline, Option<Level>),
    /// The field of work.
    Field(Field),
    /// The month.
    Month(Month),
    /// The random nonce, which says nothing about the person.
    Nonce(u64),
    /// The checksum against typing mistakes.
    Checksum(u16),
}

impl Content {
    /// Which part of the code this is.
    pub fn part(&self) -> Part {
        match self {
            Content::Version(_) => Part::Version,
            Content::Band(h, _) => Part::Band(*h),
            Content::Field(_) => Part::Field,
            Content::Month(_) => Part::Month,
            Content::Nonce(_) => Part::Nonce,
            Content::Checksum(_) => Part::Checksum,
        }
    }
}

/// Everything a code holds, part by part in [`LAYOUT`] order.
pub fn describe(code: &TeamCode) -> Vec<Content> {
    let bits = code.packed();
    LAYOUT
        .iter()
        .map(|(part, _)| match *part {
            Part::Version => Content::Version(code.version),
            Part::Band(h) => Content::Band(h, code.bands.get(h)),
            Part::Field => Content::Field(code.field),
            Part::Month => Content::Month(code.month),
            Part::Nonce => Content::Nonce(code.nonce),
            Part::Checksum => Content::Checksum((bits.value & 0xFFFF) as u16),
        })
        .collect()
}

mod month;
pub use month::{
    aggregate_csv, BandCounts, ByField, Distribution, Group, GroupCount, GroupTally, Intake, Tally,
    TeamMonth, TeamView, CSV_HEADER,
};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::builtin;
    use crate::domain::answer::{Answer, Answers};
    use crate::domain::instrument::{ContextQuestion, Instrument};
    use crate::domain::scoring::{score, BandRef, Score, SubscaleResult};
    use proptest::prelude::*;

    /// Every band a headline can have in a code, "none" included.
    const LEVELS: [Option<Level>; 4] = [
        None,
        Some(Level::Low),
        Some(Level::Moderate),
        Some(Level::High),
    ];

    fn month(year: i64, m: u32) -> Month {
        Month::new(year, m).unwrap_or(Month(0))
    }

    fn bands(sts: Option<Level>, burnout: Option<Level>, sustaining: Option<Level>) -> Bands {
        Bands {
            sts,
            burnout,
            sustaining,
        }
    }

    fn code(field: Field, b: Bands, m: Month, nonce: u64) -> TeamCode {
        TeamCode::new(b, field, m, nonce)
    }

    /// A spread of codes: every field, band combination and nonce pattern.
    fn sample_codes() -> Vec<TeamCode> {
        let months = [month(2024, 1), month(2026, 3), Month(1023)];
        let nonces = [0, 1, 0xFF_FFFF_FFFF, 0x5A_5A5A_A5A5, 0x12_3456_789A];
        (0..40u64)
            .map(|i| {
                let f = Field::ALL[i as usize % Field::ALL.len()];
                let b = bands(
                    LEVELS[i as usize % 4],
                    LEVELS[(i as usize / 4) % 4],
                    LEVELS[(i as usize / 3) % 4],
                );
                let n = nonces[i as usize % nonces.len()] ^ (i << 20);
                code(f, b, months[i as usize % 3], n)
            })
            .collect()
    }

    /// The bits after the prefix of a well-formed code's text.
    fn symbols(text: &str) -> Vec<u8> {
        text.chars()
            .skip(PREFIX.len())
            .filter(|c| !is_separator(*c))
            .filter_map(symbol_value)
            .collect()
    }

    /// Text from base32 values, with the prefix, as a person would type it.
    fn text_of(symbols: &[u8]) -> String {
        let value = symbols.iter().fold(0u128, |v, s| (v << 5) | u128::from(*s));
        write_text(value, symbols.len())
    }

    /// A code's text with any parts in it, a correct checksum after them,
    /// padded to whole characters: a code some other build could write.
    fn forged(parts: &[(u64, u32)], chars: usize) -> String {
        let mut bits = Bits::default();
        for (value, width) in parts {
            bits.push(*value, *width);
        }
        let spare = u32::try_from(chars * 5).unwrap_or(0) - CHECK_BITS - bits.len;
        bits.push(0, spare);
        let crc = crc16(bits.value, bits.len);
        bits.push(u64::from(crc), CHECK_BITS);
        write_text(bits.value, chars)
    }

    /// The parts of a code of this version, with their values: the
    /// version, the three bands, the field, the month, the nonce.
    fn parts(version: u64, field: u64, month: u64, nonce: u64) -> Vec<(u64, u32)> {
        vec![
            (version, 4),
            (1, 2),
            (2, 2),
            (3, 2),
            (field, 4),
            (month, MONTH_BITS),
            (nonce, NONCE_BITS),
        ]
    }

    #[test]
    fn crc_matches_the_published_check_value() {
        // CRC-16/IBM-3740 of the ASCII digits 1 to 9 is 0x29B1.
        let digits = b"123456789"
            .iter()
            .fold(0u128, |v, b| (v << 8) | u128::from(*b));
        assert_eq!(crc16(digits, 72), 0x29B1);
    }

    #[test]
    fn every_combination_of_bands_and_field_round_trips() {
        let mut seen = std::collections::BTreeSet::new();
        for field in Field::ALL.iter().copied() {
            for sts in LEVELS {
                for burnout in LEVELS {
                    for sustaining in LEVELS {
                        for (m, nonce) in [
                            (month(2024, 1), 0),
                            (month(2026, 12), 0xAB_CDEF_0123),
                            (Month(1023), (1 << NONCE_BITS) - 1),
                        ] {
                            let c = code(field, bands(sts, burnout, sustaining), m, nonce);
                            let text = encode(&c);
                            assert_eq!(decode(&text), Ok(c), "{text}");
                            seen.insert(text);
                        }
                    }
                }
            }
        }
        // 12 fields × 4³ band combinations × 3: no two codes share a text.
        assert_eq!(seen.len(), 12 * 64 * 3);
    }

    proptest! {
        #[test]
        fn any_code_round_trips_and_holds_only_the_listed_parts(
            f in 0usize..12,
            b in proptest::array::uniform3(0usize..4),
            m in 0u64..1024,
            nonce in any::<u64>(),
        ) {
            let m = Month::from_index(m).unwrap_or(Month(0));
            let c = code(Field::ALL[f], bands(LEVELS[b[0]], LEVELS[b[1]], LEVELS[b[2]]), m, nonce);
            let text = encode(&c);
            let back = decode(&text);
            prop_assert_eq!(back, Ok(c));
            prop_assert_eq!(c.nonce(), nonce & 0xFF_FFFF_FFFF);
            let listed: Vec<Part> = describe(&c).iter().map(Content::part).collect();
            prop_assert_eq!(listed, allowed_parts());
            prop_assert_eq!(symbols(&text).len(), CODE_CHARS);
        }
    }

    /// What the issue allows a code to hold, and nothing else.
    fn allowed_parts() -> Vec<Part> {
        vec![
            Part::Version,
            Part::Band(Headline::SecondaryTrauma),
            Part::Band(Headline::Burnout),
            Part::Band(Headline::Sustaining),
            Part::Field,
            Part::Month,
            Part::Nonce,
            Part::Checksum,
        ]
    }

    #[test]
    fn a_code_has_room_for_the_listed_parts_and_nothing_else() {
        let layout: Vec<Part> = LAYOUT.iter().map(|(p, _)| *p).collect();
        assert_eq!(layout, allowed_parts());
        // The listed parts' widths fill the characters exactly: no bit of
        // a code is left for anything else.
        let widths: u32 = LAYOUT.iter().map(|(_, w)| w).sum();
        assert_eq!(widths, 2 + 2 + 2 + 4 + 10 + 40 + 16 + 4);
        assert_eq!(usize::try_from(widths).ok(), Some(CODE_CHARS * 5));
        for c in sample_codes() {
            let text = encode(&c);
            assert_eq!(c.packed().len, widths);
            let back = decode(&text).unwrap_or(c);
            let described = describe(&back);
            assert_eq!(
                described.iter().map(Content::part).collect::<Vec<_>>(),
                allowed_parts()
            );
            assert_eq!(described, describe(&c));
            // The text is the prefix and the characters, nothing more.
            assert_eq!(
                text.len(),
                PREFIX.len() + CODE_CHARS + CODE_CHARS / GROUP_CHARS
            );
            assert!(text.starts_with("TEND-"));
        }
    }

    #[test]
    fn describe_lists_what_the_code_holds_in_order() {
        let c = code(
            Field::Paramedic,
            bands(Some(Level::High), None, Some(Level::Low)),
            month(2026, 3),
            42,
        );
        let text = encode(&c);
        let check = symbols(&text)
            .iter()
            .fold(0u32, |v, s| (v << 5) | u32::from(*s))
            & 0xFFFF;
        assert_eq!(
            describe(&c),
            vec![
                Content::Version(1),
                Content::Band(Headline::SecondaryTrauma, Some(Level::High)),
                Content::Band(Headline::Burnout, None),
                Content::Band(Headline::Sustaining, Some(Level::Low)),
                Content::Field(Field::Paramedic),
                Content::Month(month(2026, 3)),
                Content::Nonce(42),
                Content::Checksum(u16::try_from(check).unwrap_or(0)),
            ]
        );
    }

    #[test]
    fn codes_look_as_documented() {
        let c = code(
            Field::Paramedic,
            bands(Some(Level::High), Some(Level::Moderate), Some(Level::Low)),
            month(2026, 3),
            0x9F_2C4E_71A3,
        );
        let text = encode(&c);
        assert_eq!(text, "TEND-3S61-N7SC-9SRT-60PR");
        let groups: Vec<&str> = text.split('-').collect();
        assert_eq!(groups.len(), 5);
        assert!(groups[1..].iter().all(|g| g.len() == GROUP_CHARS));
        assert!(text[5..]
            .bytes()
            .all(|b| b == b'-' || ALPHABET.contains(&b)));
    }

    #[test]
    fn typing_is_forgiven_for_case_spaces_dashes_and_look_alikes() {
        for c in sample_codes() {
            let text = encode(&c);
            let bare: String = text.chars().filter(|ch| *ch != '-').collect();
            let variants = [
                text.to_lowercase(),
                bare.clone(),
                format!("  {} \n", text.replace('-', " ")),
                text.replace('-', "\u{2013}"),
                text.replace('0', "O").replace('1', "l"),
                text.replace('1', "I").to_lowercase(),
                bare.chars()
                    .enumerate()
                    .flat_map(|(i, ch)| if i % 3 == 0 { vec![' ', ch] } else { vec![ch] })
                    .collect(),
            ];
            for v in variants {
                assert_eq!(decode(&v), Ok(c), "{v}");
            }
        }
    }

    #[test]
    fn every_single_character_change_is_caught() {
        for c in sample_codes() {
            let text = encode(&c);
            let s = symbols(&text);
            for i in 0..s.len() {
                for v in 0..32u8 {
                    if v == s[i] {
                        continue;
                    }
                    let mut typo = s.clone();
                    typo[i] = v;
                    assert_eq!(
                        decode(&text_of(&typo)),
                        Err(CodeError::Mistyped(Mistake::Checksum)),
                        "{text}: character {i} as {v}"
                    );
                }
                // Characters no code uses are named.
                let mut chars: Vec<char> = text.chars().collect();
                let at = PREFIX.len() + 1 + i + i / GROUP_CHARS;
                for bad in ['U', 'u', '!', 'é', '#'] {
                    chars[at] = bad;
                    let typo: String = chars.iter().collect();
                    assert_eq!(
                        decode(&typo),
                        Err(CodeError::Mistyped(Mistake::Character(bad))),
                        "{typo}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_swap_of_neighbouring_characters_is_caught() {
        let mut swaps = 0;
        for c in sample_codes() {
            let text = encode(&c);
            let s = symbols(&text);
            // Neighbours across a hyphen count too: the hyphens are ignored.
            for i in 0..s.len() - 1 {
                if s[i] == s[i + 1] {
                    continue;
                }
                let mut typo = s.clone();
                typo.swap(i, i + 1);
                assert_eq!(
                    decode(&text_of(&typo)),
                    Err(CodeError::Mistyped(Mistake::Checksum)),
                    "{text}: swapped {i} and {}",
                    i + 1
                );
                swaps += 1;
            }
        }
        assert!(swaps > 400, "only {swaps} swaps tried");
    }

    #[test]
    fn the_check_catches_every_one_character_change_and_swap_of_any_code() {
        // The CRC is linear: a change goes unseen only when the CRC of the
        // changed payload bits (taken from zero) equals the change in the
        // checksum bits, whatever the code. So trying every change pattern
        // once covers every code: a character changed by any of 31
        // differences at any of 16 places, and two neighbours swapped
        // (both changed by the same difference) at any of 15 places.
        let linear = |payload: u128| crc16(payload, 64) ^ crc16(0, 64);
        let total = u32::try_from(CODE_CHARS).unwrap_or(0);
        let mut patterns = Vec::new();
        for d in 1..32u128 {
            for place in 0..total {
                patterns.push(d << (5 * place));
            }
            for place in 0..total - 1 {
                patterns.push(((d << 5) | d) << (5 * place));
            }
        }
        assert_eq!(patterns.len(), 31 * (16 + 15));
        for e in patterns {
            assert_ne!(
                u128::from(linear(e >> 16)),
                e & 0xFFFF,
                "pattern {e:#x} would go unseen"
            );
        }
    }

    #[test]
    fn tampered_codes_are_refused_as_mistyped() {
        for c in sample_codes() {
            let value = c.packed().value;
            // Each part changed in place, with the checksum left as it was.
            let mut at = 80;
            for (part, width) in LAYOUT {
                at -= width;
                if part == Part::Checksum {
                    continue;
                }
                let tampered = value ^ (1u128 << at);
                assert_eq!(
                    decode(&write_text(tampered, CODE_CHARS)),
                    Err(CodeError::Mistyped(Mistake::Checksum)),
                    "{part:?} changed"
                );
            }
        }
        // A checksum is not a signature: a changed code with its checksum
        // made again reads, which is why the app says codes prove nothing.
        let remade = forged(&parts(1, 3, 26, 7), CODE_CHARS);
        assert!(decode(&remade).is_ok());
    }

    #[test]
    fn what_is_not_a_code_or_is_mistyped_says_so() {
        let text = encode(&code(Field::Police, Bands::default(), month(2026, 3), 9));
        let bare: String = text.chars().skip(5).collect();
        assert_eq!(decode(""), Err(CodeError::NotTendCode));
        assert_eq!(decode("   "), Err(CodeError::NotTendCode));
        assert_eq!(decode("hello there"), Err(CodeError::NotTendCode));
        assert_eq!(decode(&bare), Err(CodeError::NotTendCode));
        assert_eq!(decode("TEN"), Err(CodeError::NotTendCode));
        assert_eq!(
            decode("TEND"),
            Err(CodeError::Mistyped(Mistake::Length {
                found: 0,
                expected: 16
            }))
        );
        let short = &text[..text.len() - 1];
        assert_eq!(
            decode(short),
            Err(CodeError::Mistyped(Mistake::Length {
                found: 15,
                expected: 16
            }))
        );
        let long = format!("{text}7");
        assert_eq!(
            decode(&long),
            Err(CodeError::Mistyped(Mistake::Length {
                found: 17,
                expected: 16
            }))
        );
        let doubled = format!("{text} {text}");
        assert_eq!(
            decode(&doubled),
            Err(CodeError::Mistyped(Mistake::Length {
                found: 36,
                expected: 16
            }))
        );
        assert_eq!(
            decode(&format!("{text}.")),
            Err(CodeError::Mistyped(Mistake::Character('.')))
        );
    }

    #[test]
    fn a_newer_code_is_told_apart_from_a_mistyped_one() {
        // The same length, and longer, with the frame every version keeps.
        assert_eq!(
            decode(&forged(&parts(2, 3, 26, 7), CODE_CHARS)),
            Err(CodeError::Newer { version: 2 })
        );
        let mut longer = parts(15, 3, 26, 7);
        longer.push((0xABCD, 16));
        assert_eq!(
            decode(&forged(&longer, 20)),
            Err(CodeError::Newer { version: 15 })
        );
        // A newer code mistyped is a typing mistake, not a newer code.
        let newer = forged(&parts(2, 3, 26, 7), CODE_CHARS);
        let mut s = symbols(&newer);
        s[9] ^= 1;
        assert_eq!(
            decode(&text_of(&s)),
            Err(CodeError::Mistyped(Mistake::Checksum))
        );
        // A code of another length that is not a sound newer code.
        assert_eq!(
            decode(&forged(&parts(1, 3, 26, 7), 17)),
            Err(CodeError::Mistyped(Mistake::Length {
                found: 17,
                expected: 16
            }))
        );
    }

    #[test]
    fn values_this_version_does_not_know_are_out_of_range() {
        for field in 12..16 {
            assert_eq!(
                decode(&forged(&parts(1, field, 26, 7), CODE_CHARS)),
                Err(CodeError::OutOfRange(Part::Field))
            );
        }
        assert_eq!(
            decode(&forged(&parts(0, 3, 26, 7), CODE_CHARS)),
            Err(CodeError::OutOfRange(Part::Version))
        );
        assert!(decode(&forged(&parts(1, 11, 1023, 7), CODE_CHARS)).is_ok());
    }

    #[test]
    fn a_code_is_made_from_band_and_field_ids_and_a_time() {
        // 2026-04-01 03:30 UTC is still 31 March in New York (UTC-4).
        let april_first = crate::domain::plan::Date::from_ymd(2026, 4, 1).map_or(0, |d| d.0);
        let at = april_first * crate::time::DAY_MS + 210 * 60_000;
        let ids = [Some("high"), None, Some("moderate")];
        let c = TeamCode::from_ids(ids, Some("dispatcher"), at, -240, 77);
        let expected = bands(Some(Level::High), None, Some(Level::Moderate));
        assert_eq!(c.map(|c| c.bands()), Ok(expected));
        assert_eq!(c.map(|c| c.field()), Ok(Field::Dispatcher));
        assert_eq!(c.map(|c| c.month()), Ok(month(2026, 3)));
        assert_eq!(c.map(|c| c.version()), Ok(FORMAT_VERSION));
        let utc = TeamCode::from_ids(ids, None, at, 0, 77);
        assert_eq!(utc.map(|c| c.month()), Ok(month(2026, 4)));
        assert_eq!(utc.map(|c| c.field()), Ok(Field::NotSaid));
        assert_eq!(
            TeamCode::from_ids([None, Some("severe"), None], None, at, 0, 1),
            Err(CodeError::OutOfRange(Part::Band(Headline::Burnout)))
        );
        assert_eq!(
            TeamCode::from_ids(ids, Some("chaplain"), at, 0, 1),
            Err(CodeError::OutOfRange(Part::Field))
        );
        assert_eq!(
            TeamCode::from_ids(ids, None, 0, 0, 1),
            Err(CodeError::OutOfRange(Part::Month))
        );
    }

    #[test]
    fn months_are_named_from_2024_for_85_years() {
        assert_eq!(Month::new(2024, 1), Some(Month(0)));
        assert_eq!(Month::new(2023, 12), None);
        assert_eq!(Month::new(2109, 4), Some(Month(1023)));
        assert_eq!(Month::new(2109, 5), None);
        assert_eq!(Month::new(2026, 13), None);
        assert_eq!(Month::new(2026, 0), None);
        assert_eq!(Month::new(i64::MIN, 1), None);
        assert_eq!(Month::new(i64::MAX, 12), None);
        let m = month(2026, 3);
        assert_eq!((m.year(), m.month()), (2026, 3));
        assert_eq!(m.to_iso(), "2026-03");
        assert_eq!(Month::parse("2026-03"), Some(m));
        for bad in [
            "2026-3",
            "26-03",
            "2026/03",
            "2026-13",
            "2023-12",
            "",
            "2026-03-01",
        ] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
        assert_eq!(Month::at(i64::MIN, -720), None);
        assert_eq!(Month::at(i64::MAX, 720), None);
    }

    fn instrument(text: &str) -> Option<Instrument> {
        Instrument::from_json(text).ok()
    }

    #[test]
    fn the_fields_are_the_built_in_check_ins_role_options() {
        let role_fields: Vec<&str> = Field::ALL
            .iter()
            .filter(|f| **f != Field::NotSaid)
            .map(|f| f.id())
            .collect();
        let files = [
            builtin::TEND_EN,
            builtin::TEND_V1_EN,
            include_str!("../../builtin/tend.es.json"),
            include_str!("../../builtin/tend.v1.es.json"),
        ];
        for file in files {
            let role = instrument(file)
                .and_then(|i| i.context_item(ContextQuestion::Role).cloned())
                .map(|item| item.options.into_iter().map(|o| o.id).collect::<Vec<_>>());
            assert_eq!(
                role.as_deref()
                    .map(|r| r.iter().map(String::as_str).collect()),
                Some(role_fields.clone())
            );
        }
        // Each field's number in a code is fixed for ever.
        let numbers: Vec<(&str, u8)> = Field::ALL.iter().map(|f| (f.id(), f.code())).collect();
        assert_eq!(
            numbers,
            [
                ("therapist", 1),
                ("social-worker", 2),
                ("paramedic", 3),
                ("clinician", 4),
                ("police", 5),
                ("dispatcher", 6),
                ("firefighter", 7),
                ("advocate", 8),
                ("volunteer", 9),
                ("leader", 10),
                ("other", 11),
                ("not-said", 0),
            ]
        );
    }

    #[test]
    fn the_levels_are_the_built_in_headline_bands() {
        let level_ids: Vec<&str> = Level::ALL.iter().map(|l| l.id()).collect();
        for file in [builtin::TEND_EN, builtin::TEND_V1_EN, builtin::PULSE_EN] {
            let i = instrument(file);
            for h in HEADLINES {
                let ids: Option<Vec<String>> = i
                    .as_ref()
                    .and_then(|i| i.headline(h))
                    .map(|s| s.bands.iter().map(|b| b.id.clone()).collect());
                assert_eq!(
                    ids.as_deref()
                        .map(|v| v.iter().map(String::as_str).collect()),
                    Some(level_ids.clone())
                );
            }
        }
    }

    #[test]
    fn bands_come_from_a_scored_check_in_or_pulse() {
        let Some(pulse) = instrument(builtin::PULSE_EN) else {
            panic!("the pulse reads");
        };
        let mut answers = Answers::new();
        for (id, v) in [
            ("pulse-carried", 4),
            ("pulse-worn-out", 2),
            ("pulse-sleep", 0),
        ] {
            answers.insert(id.to_string(), Answer::Value(v));
        }
        let b = Bands::from_profile(&score(&pulse, &answers));
        assert_eq!(b, Ok(bands(Some(Level::High), Some(Level::Moderate), None)));
        let mut profile = score(&pulse, &answers);
        if let Some(s) = profile.scores.iter_mut().find(|s| s.subscale == "burnout") {
            s.result = SubscaleResult::Scored(Score {
                value: 1.0,
                band: Some(BandRef {
                    id: "average".into(),
                    rank: 1,
                }),
                position: None,
            });
        }
        assert_eq!(
            Bands::from_profile(&profile),
            Err(CodeError::OutOfRange(Part::Band(Headline::Burnout)))
        );
    }

    /// Texts of codes for March 2026, one per field given, with bands
    /// from `levels` in turn and distinct nonces from `first`.
    fn team(fields: &[Field], levels: &[Bands], first: u64) -> Vec<String> {
        fields
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let b = levels
                    .get(i % levels.len().max(1))
                    .copied()
                    .unwrap_or_default();
                encode(&code(*f, b, month(2026, 3), first + i as u64))
            })
            .collect()
    }

    fn high_low() -> Vec<Bands> {
        vec![
            bands(Some(Level::High), Some(Level::Low), Some(Level::Moderate)),
            bands(Some(Level::Low), None, Some(Level::Moderate)),
        ]
    }

    #[test]
    fn four_codes_show_nothing_but_how_many_more_are_needed() {
        let codes = team(&[Field::Paramedic; 4], &high_low(), 1);
        let view = TeamMonth::collect(&codes, month(2026, 3));
        assert_eq!(view.view(), &TeamView::TooFew { more_needed: 1 });
        assert_eq!(aggregate_csv(&view), None);
        assert_eq!(view.entries(), &[Intake::Counted; 4]);
        let none: [&str; 0] = [];
        let empty = TeamMonth::collect(&none, month(2026, 3));
        assert_eq!(empty.view(), &TeamView::TooFew { more_needed: K });
    }

    #[test]
    fn five_codes_show_the_distribution() {
        let codes = team(&[Field::Paramedic; 5], &high_low(), 1);
        let view = TeamMonth::collect(&codes, month(2026, 3));
        let TeamView::Shown(d) = view.view() else {
            panic!("five codes show the distribution");
        };
        assert_eq!(d.all().codes, 5);
        let count = |low, moderate, high, none| BandCounts {
            low,
            moderate,
            high,
            none,
        };
        assert_eq!(d.all().get(Headline::SecondaryTrauma), count(2, 0, 3, 0));
        assert_eq!(d.all().get(Headline::Burnout), count(3, 0, 0, 2));
        assert_eq!(d.all().get(Headline::Sustaining), count(0, 5, 0, 0));
        assert_eq!(
            d.fields(),
            &[GroupCount {
                group: Group::Field(Field::Paramedic),
                codes: 5
            }]
        );
        assert_eq!(d.by_field(), &ByField::OneGroup);
    }

    #[test]
    fn a_field_with_fewer_than_five_codes_is_folded_into_other() {
        let mut fields = vec![Field::Paramedic; 5];
        fields.extend([Field::Dispatcher; 4]);
        fields.push(Field::NotSaid);
        let codes = team(&fields, &high_low(), 1);
        let view = TeamMonth::collect(&codes, month(2026, 3));
        let TeamView::Shown(d) = view.view() else {
            panic!("ten codes show the distribution");
        };
        assert_eq!(
            d.fields(),
            &[
                GroupCount {
                    group: Group::Field(Field::Paramedic),
                    codes: 5
                },
                GroupCount {
                    group: Group::Other,
                    codes: 5
                },
            ]
        );
        // Five in "other" may be shown field by field like any group.
        let ByField::Shown(groups) = d.by_field() else {
            panic!("both groups have five codes");
        };
        assert_eq!(groups.len(), 2);
        assert_eq!(groups.iter().map(|g| g.tally.codes).sum::<usize>(), 10);
        let csv = aggregate_csv(&view).unwrap_or_default();
        assert!(csv.contains("2026-03,paramedic,,,5\r\n"));
        assert!(csv.contains("2026-03,other,,,5\r\n"));
        assert!(!csv.contains("dispatcher"));
        assert!(!csv.contains("not-said"));
    }

    #[test]
    fn field_bands_are_withheld_when_other_could_be_worked_out() {
        // Six paramedics and one police officer: the officer's bands would
        // be the team's less the paramedics'.
        let mut fields = vec![Field::Paramedic; 6];
        fields.push(Field::Police);
        let codes = team(&fields, &high_low(), 1);
        let view = TeamMonth::collect(&codes, month(2026, 3));
        let TeamView::Shown(d) = view.view() else {
            panic!("seven codes show the distribution");
        };
        assert_eq!(d.by_field(), &ByField::Withheld);
        assert_eq!(
            d.fields().last(),
            Some(&GroupCount {
                group: Group::Other,
                codes: 1
            })
        );
        let csv = aggregate_csv(&view).unwrap_or_default();
        assert!(!csv.contains("police"));
        assert!(!csv.lines().any(|l| l.starts_with("2026-03,paramedic,sts")));
        // Five of every field named in a group shows them all, and a field
        // of five named "not said" is named as such.
        let mut fields = vec![Field::Paramedic; 5];
        fields.extend([Field::NotSaid; 5]);
        fields.extend([Field::Other; 5]);
        let codes = team(&fields, &high_low(), 1);
        let view = TeamMonth::collect(&codes, month(2026, 3));
        let TeamView::Shown(d) = view.view() else {
            panic!("fifteen codes show the distribution");
        };
        let ByField::Shown(groups) = d.by_field() else {
            panic!("every group has five codes");
        };
        let names: Vec<Group> = groups.iter().map(|g| g.group).collect();
        assert_eq!(
            names,
            [
                Group::Field(Field::Paramedic),
                Group::Field(Field::NotSaid),
                Group::Other
            ]
        );
    }

    #[test]
    fn duplicates_are_ignored_and_reported() {
        let codes = team(&[Field::Clinician; 4], &high_low(), 1);
        let mut pasted = codes.clone();
        // The same text again, the same code typed differently, and
        // another code with the same nonce.
        pasted.push(codes[0].clone());
        pasted.push(codes[1].to_lowercase().replace('-', " "));
        pasted.push(encode(&code(
            Field::Police,
            Bands::default(),
            month(2026, 3),
            3,
        )));
        let view = TeamMonth::collect(&pasted, month(2026, 3));
        assert_eq!(
            &view.entries()[4..],
            &[
                Intake::Duplicate { of: 0 },
                Intake::Duplicate { of: 1 },
                Intake::Duplicate { of: 2 },
            ]
        );
        // Seven entries, four distinct: still one short.
        assert_eq!(view.view(), &TeamView::TooFew { more_needed: 1 });
    }

    #[test]
    fn codes_from_other_months_are_ignored_and_reported() {
        let mut pasted = team(&[Field::Advocate; 4], &high_low(), 1);
        let april = code(Field::Advocate, Bands::default(), month(2026, 4), 99);
        pasted.insert(1, encode(&april));
        let view = TeamMonth::collect(&pasted, month(2026, 3));
        assert_eq!(view.entries()[1], Intake::OtherMonth(month(2026, 4)));
        assert_eq!(view.view(), &TeamView::TooFew { more_needed: 1 });
        // The same codes seen from April: one counted, four from March.
        let from_april = TeamMonth::collect(&pasted, month(2026, 4));
        assert_eq!(from_april.view(), &TeamView::TooFew { more_needed: 4 });
        assert_eq!(
            from_april
                .entries()
                .iter()
                .filter(|e| **e == Intake::OtherMonth(month(2026, 3)))
                .count(),
            4
        );
    }

    #[test]
    fn unreadable_entries_are_reported_with_their_error_and_blanks_skipped() {
        let mut pasted = team(&[Field::Volunteer; 5], &high_low(), 1);
        let mut typo = symbols(&pasted[2]);
        typo[3] ^= 4;
        pasted[2] = text_of(&typo);
        pasted.push("  ".into());
        pasted.push("see you Monday".into());
        let view = TeamMonth::collect(&pasted, month(2026, 3));
        assert_eq!(
            view.entries()[2],
            Intake::Unreadable(CodeError::Mistyped(Mistake::Checksum))
        );
        assert_eq!(view.entries()[5], Intake::Blank);
        assert_eq!(
            view.entries()[6],
            Intake::Unreadable(CodeError::NotTendCode)
        );
        assert_eq!(view.view(), &TeamView::TooFew { more_needed: 1 });
        assert_eq!(view.month(), month(2026, 3));
    }

    #[test]
    fn the_csv_holds_aggregate_counts_only() {
        let mut fields = vec![Field::Firefighter; 5];
        fields.extend([Field::Therapist; 5]);
        let codes = team(&fields, &high_low(), 0x77_0000_0000);
        let view = TeamMonth::collect(&codes, month(2026, 3));
        let csv = aggregate_csv(&view).unwrap_or_default();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.first(), Some(&CSV_HEADER));
        assert!(csv.ends_with("\r\n"));
        // 1 + 12 rows for everyone, 1 per group, 12 per group by field.
        assert_eq!(lines.len(), 1 + 13 + 2 + 24);
        assert!(lines.contains(&"2026-03,all,,,10"));
        assert!(lines.contains(&"2026-03,all,sts,high,5"));
        assert!(lines.contains(&"2026-03,all,burnout,none,5"));
        assert!(lines.contains(&"2026-03,therapist,sts,low,3"));
        assert!(lines.contains(&"2026-03,firefighter,sustaining,moderate,5"));
        for line in &lines[1..] {
            let cells: Vec<&str> = line.split(',').collect();
            assert_eq!(cells.len(), 5, "{line}");
            assert_eq!(cells[0], "2026-03");
            assert!(cells[4].parse::<usize>().is_ok(), "{line}");
        }
        // No code, no nonce, nothing per code.
        for text in &codes {
            assert!(!csv.contains(&text[5..9]), "{text}");
            let nonce = decode(text).map(|c| c.nonce()).unwrap_or(0);
            assert!(!csv.contains(&nonce.to_string()), "{nonce}");
            assert!(!csv.contains(&format!("{nonce:x}")), "{nonce:x}");
        }
        assert!(!csv.to_lowercase().contains("tend-"));
    }
}
