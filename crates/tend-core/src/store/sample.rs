//! Test and benchmark support: ten years of a heavy user's data, made the
//! same way every time from the clock it is given, to measure the store
//! against (`benches/scale.rs`) and to prove a backup of that much data
//! restores (`tests/scale.rs`). The app never calls it, so the linker
//! leaves it out of the wasm.
//!
//! Every record is made through the same [`TendData`] methods the app
//! calls (so removals leave their tombstones and undos their
//! restorations), with ids shaped as the app makes them, times in order
//! and no later than `now`, and the result in canonical form: it passes
//! the store's own decoding and an import's checks unchanged.
//!
//! The randomness is a small seeded generator written here (splitmix64):
//! this is test data, and the same `now` must give the same data on every
//! machine and every version of every dependency.

use super::data::{JournalEntry, TendData, Theme, MAX_TEXT_CHARS};
use super::envelope::encode;
use super::ids::{entry_id, RANDOM_RANGE};
use super::vault::STORAGE_QUOTA_UNITS;
use crate::builtin;
use crate::domain::answer::{Answer, Answers};
use crate::domain::instrument::{ContextQuestion, Instrument, Item, ItemKind};
use crate::domain::plan::{Date, Weekday, When};
use crate::domain::practice::Practice;
use crate::store::checkins::CheckIn;
use crate::store::pulses::Pulse;
use crate::time::DAY_MS;
use std::collections::BTreeSet;

/// Completed check-ins in [`ten_years`]: one a week.
pub const CHECKINS: usize = 520;
/// Of those, the first ones, answered with version 1 of Tend's check-in.
pub const CHECKINS_V1: usize = 8;
/// Completed pulses in [`ten_years`].
pub const PULSES: usize = 250;
/// Practice uses in [`ten_years`]: about one a day.
pub const PRACTICES: usize = 3_650;
/// Journal entries in [`ten_years`], each of 1,000 to 2,000 bytes.
pub const JOURNAL_ENTRIES: usize = 1_000;
/// "Why I do this work" cards in [`ten_years`].
pub const WHY_CARDS: usize = 12;
/// Changes to the plan in [`ten_years`]: items added, changed and
/// removed, and days marked done or un-ticked.
pub const PLAN_CHANGES: usize = 200;

/// How many UTF-16 code units the stored envelope of [`at_ceiling`]
/// reaches, at most: just under the 5 MiB of UTF-16 code units
/// ([`STORAGE_QUOTA_UNITS`], 5,242,880) that Chromium's localStorage
/// keeps for one origin, with a margin for the key and a few more changes.
pub const CEILING_UNITS: usize = 5_000_000;

const _: () = assert!((CEILING_UNITS as u64) < STORAGE_QUOTA_UNITS);

/// Ten years of a heavy user's data, ending just before `now_ms` (ms
/// since the epoch): [`CHECKINS`] check-ins (the first [`CHECKINS_V1`]
/// with version 1 of Tend's check-in, the rest with version 2, each
/// answering every item), [`PULSES`] pulses, [`PRACTICES`] practice uses
/// with ratings, [`JOURNAL_ENTRIES`] journal entries, [`WHY_CARDS`] cards,
/// [`PLAN_CHANGES`] plan changes, a check-in in progress, and tombstones
/// and restorations for what was removed and brought back along the way.
///
/// Tend's own check-in and pulse definitions give the items answered; if
/// one did not load (a defect the builtin tests catch), its entries are
/// kept with no answers rather than panicking.
pub fn ten_years(now_ms: i64) -> TendData {
    let mut make = Maker::new(now_ms);
    make.discarded_drafts();
    make.checkins();
    make.pulses();
    make.practices();
    make.journal();
    make.cards();
    make.plan();
    make.the_rest();
    let mut data = make.data;
    data.normalise();
    data
}

/// [`ten_years`] of data, and then journal entries of the longest length
/// allowed ([`MAX_TEXT_CHARS`]) written in the last weeks before `now_ms`,
/// until the stored envelope is as close to [`CEILING_UNITS`] UTF-16
/// code units as another entry allows: the most a person can keep before
/// the browser's storage is full.
pub fn at_ceiling(now_ms: i64) -> TendData {
    let mut data = ten_years(now_ms);
    let Ok((stored, _)) = encode(&data, now_ms) else {
        return data;
    };
    let mut units = utf16_len(&stored);
    let mut rng = Rng::new(seed(now_ms) ^ 0xc311_1a6e);
    for n in 1.. {
        let at = now_ms - n * 5 * HOUR_MS;
        let entry = JournalEntry {
            id: app_id("j", at, &mut rng),
            created_at: at,
            updated_at: at,
            prompt: None,
            text: longest_text(&mut rng),
        };
        // One more record in the journal list: its JSON and a comma. The
        // envelope's other fields keep their length (a checksum is always
        // as long).
        let Ok(json) = serde_json::to_string(&entry) else {
            break;
        };
        let added = utf16_len(&json) + 1;
        if units + added > CEILING_UNITS
            || data.save_journal(&entry.id, None, &entry.text, at).is_err()
        {
            break;
        }
        units += added;
    }
    data.normalise();
    data
}

/// The length of `text` in UTF-16 code units: what browsers count
/// localStorage in.
pub fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

const MINUTE_MS: i64 = 60 * 1000;
const HOUR_MS: i64 = 60 * MINUTE_MS;
/// How far back the data starts: ten years of days.
const SPAN_DAYS: i64 = 3_652;

/// The seed for `now`: any fixed mix will do, as long as it never changes.
fn seed(now: i64) -> u64 {
    0x7e4d_5eed_0000_0000 ^ now as u64
}

/// splitmix64 (Steele, Lea and Flood): a tiny generator that is good
/// enough for test data and the same everywhere.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// A number in `lo..hi`.
    fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo).max(1) as u64) as i64
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    /// A number in `-1.0..1.0`.
    fn noise(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 52) as f64 - 1.0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }
}

/// An id as the app makes one (see [`entry_id`]).
fn app_id(prefix: &str, at: i64, rng: &mut Rng) -> String {
    let random = rng.below(RANDOM_RANGE as usize) as u64;
    entry_id(prefix, at, random)
}

/// The person this data belongs to: a social worker who had been in the
/// work three years when they started using Tend.
struct Person {
    role: &'static str,
    years_before: f64,
    usual_exposure: &'static str,
}

const PERSON: Person = Person {
    role: "social-worker",
    years_before: 3.0,
    usual_exposure: "daily",
};

/// Builds the data, one kind of record at a time.
struct Maker {
    data: TendData,
    rng: Rng,
    now: i64,
    start: i64,
    current: Option<&'static Instrument>,
    earlier: Option<&'static Instrument>,
    pulse: Option<&'static Instrument>,
}

impl Maker {
    fn new(now: i64) -> Maker {
        Maker {
            data: TendData::default(),
            rng: Rng::new(seed(now)),
            now,
            start: now - SPAN_DAYS * DAY_MS,
            current: builtin::tend().ok(),
            earlier: builtin::tend_earlier().ok().and_then(|e| e.first()),
            pulse: builtin::pulse().ok(),
        }
    }

    /// The time `day` days after the start, at `hour` o'clock and a few
    /// minutes.
    fn at(&mut self, day: i64, hour: i64) -> i64 {
        self.start + day * DAY_MS + hour * HOUR_MS + self.rng.between(0, 59) * MINUTE_MS
    }

    /// How heavy the work weighed, 0 (not at all) to 4, on `day`: slow
    /// seasons, a hard year in the middle, and week-to-week noise.
    fn strain(&mut self, day: i64) -> f64 {
        let t = day as f64;
        let seasons = 0.6 * (t / 365.25 * std::f64::consts::TAU).sin();
        let hard_year = if (1_400..1_800).contains(&day) {
            1.0
        } else {
            0.0
        };
        (1.5 + seasons + hard_year + 0.5 * self.rng.noise()).clamp(0.0, 4.0)
    }

    /// Every item of `instrument` answered as a person under `strain` on
    /// `day` would.
    fn answers(&mut self, instrument: Option<&Instrument>, day: i64, strain: f64) -> Answers {
        let Some(instrument) = instrument else {
            return Answers::new();
        };
        let mut answers = Answers::new();
        for item in instrument.items() {
            if let Some(answer) = self.answer(instrument, item, day, strain) {
                answers.insert(item.id.clone(), answer);
            }
        }
        answers
    }

    fn answer(
        &mut self,
        instrument: &Instrument,
        item: &Item,
        day: i64,
        strain: f64,
    ) -> Option<Answer> {
        let scale = &instrument.scale;
        let top = scale.max.unwrap_or(scale.min + 4);
        match item.kind {
            ItemKind::Choice => self.choice(item, day),
            _ if scale.prefer_not.is_some() && self.rng.chance(2) => Some(Answer::PreferNot),
            ItemKind::Safety => {
                let raised = strain > 3.0 && self.rng.chance(10);
                Some(Answer::Value(scale.min + i32::from(raised)))
            }
            ItemKind::Scale => {
                let felt = strain + 0.9 * self.rng.noise();
                let value = (f64::from(scale.min) + felt).round() as i32;
                let value = value.clamp(scale.min, top);
                // A reverse-keyed item (feeling able, proud) runs the
                // other way from strain.
                let value = if item.reverse {
                    scale.reverse(value).unwrap_or(value)
                } else {
                    value
                };
                Some(Answer::Value(value))
            }
        }
    }

    fn choice(&mut self, item: &Item, day: i64) -> Option<Answer> {
        let ids: Vec<&str> = item.options.iter().map(|o| o.id.as_str()).collect();
        let pick = |id: &str| {
            ids.contains(&id)
                .then(|| Answer::Choices(vec![id.to_string()]))
        };
        let chosen = match item.context {
            Some(ContextQuestion::Role) => pick(PERSON.role),
            Some(ContextQuestion::Years) => {
                let years = PERSON.years_before + day as f64 / 365.25;
                let band = [1.0, 5.0, 10.0, 20.0]
                    .iter()
                    .filter(|y| years >= **y)
                    .count();
                ids.get(band).and_then(|id| pick(id))
            }
            Some(ContextQuestion::Exposure) if self.rng.chance(85) => pick(PERSON.usual_exposure),
            Some(ContextQuestion::RecentIncident) => {
                pick(if self.rng.chance(15) { "yes" } else { "no" })
            }
            _ => None,
        };
        if chosen.is_some() {
            return chosen;
        }
        if item.multiple {
            let some = ids
                .iter()
                .filter(|_| self.rng.chance(45))
                .map(|id| id.to_string())
                .collect();
            return Some(Answer::Choices(some));
        }
        self.rng
            .pick(&ids)
            .map(|id| Answer::Choices(vec![id.to_string()]))
    }

    /// Check-ins started and then thrown away: each leaves a tombstone
    /// for its draft. Made before any check-in is completed, as a draft
    /// is always started after the latest one.
    fn discarded_drafts(&mut self) {
        for year in [2, 4, 6, 8] {
            let day = year * 365 + self.rng.between(0, 100);
            let at = self.at(day, 13);
            self.data.start_draft("tend", "2", at);
            self.data.answer_draft(
                "ctx-role",
                Answer::Choices(vec![PERSON.role.into()]),
                0,
                at + MINUTE_MS,
            );
            self.data.discard_draft(at + 4 * MINUTE_MS);
        }
    }

    /// One check-in a week; a few completed twice by mistake and the copy
    /// deleted, a few deleted and brought back with an undo.
    fn checkins(&mut self) {
        for week in 0..CHECKINS as i64 {
            let day = week * 7 + self.rng.between(0, 2);
            let hour = self.rng.between(17, 22);
            let at = self.at(day, hour);
            let strain = self.strain(day);
            let (instrument, version) = if (week as usize) < CHECKINS_V1 {
                (self.earlier, "1")
            } else {
                (self.current, "2")
            };
            let answers = self.answers(instrument, day, strain);
            let id = app_id("c", at, &mut self.rng);
            self.data.add_checkin(CheckIn {
                id: id.clone(),
                instrument_id: "tend".into(),
                instrument_version: version.into(),
                completed_at: at,
                answers: answers.clone(),
            });
            if week % 50 == 25 {
                let copy_at = at + 3 * MINUTE_MS;
                let copy = app_id("c", copy_at, &mut self.rng);
                self.data.add_checkin(CheckIn {
                    id: copy.clone(),
                    instrument_id: "tend".into(),
                    instrument_version: version.into(),
                    completed_at: copy_at,
                    answers,
                });
                self.data.delete_entry(&copy, copy_at + MINUTE_MS);
            }
            if week % 80 == 40 {
                if let Some(deleted) = self.data.delete_entry(&id, at + DAY_MS) {
                    self.data.undo_delete(deleted, at + DAY_MS + 20_000);
                }
            }
        }
    }

    /// A pulse every two weeks or so; a few deleted for good, two brought
    /// back.
    fn pulses(&mut self) {
        for n in 0..PULSES as i64 {
            let day = n * 14 + self.rng.between(0, 13);
            let at = self.at(day, 8);
            let strain = self.strain(day);
            let answers = self.answers(self.pulse, day, strain);
            let id = app_id("p", at, &mut self.rng);
            self.data.add_pulse(Pulse {
                id: id.clone(),
                completed_at: at,
                answers,
            });
            if n % 50 == 10 {
                let extra_at = at + 2 * MINUTE_MS;
                let extra = app_id("p", extra_at, &mut self.rng);
                self.data.add_pulse(Pulse {
                    id: extra.clone(),
                    completed_at: extra_at,
                    answers: Answers::new(),
                });
                self.data.delete_entry(&extra, extra_at + 30_000);
            }
            if n % 125 == 60 {
                if let Some(deleted) = self.data.delete_entry(&id, at + HOUR_MS) {
                    self.data.undo_delete(deleted, at + HOUR_MS + 5_000);
                }
            }
        }
    }

    /// A guided practice about once a day, rated before and after on most
    /// days.
    fn practices(&mut self) {
        for day in 0..PRACTICES as i64 {
            let hour = self.rng.between(12, 23);
            let at = self.at(day, hour);
            let practice = *self
                .rng
                .pick(Practice::ALL)
                .unwrap_or(&Practice::PacedBreathing);
            let before = self.rng.between(3, 10) as u8;
            let after = before.saturating_sub(self.rng.between(0, 5) as u8);
            let (before, after) = match self.rng.below(20) {
                0 => (None, None),
                1 => (Some(before), None),
                _ => (Some(before), Some(after)),
            };
            let id = app_id("u", at, &mut self.rng);
            self.data.record_practice(&id, practice, at, before, after);
        }
    }

    /// A journal entry every three or four days, some with a prompt, some
    /// rewritten days later; a few deleted for good.
    fn journal(&mut self) {
        for n in 0..JOURNAL_ENTRIES as i64 {
            let day = n * 73 / 20;
            let at = self.at(day, 21);
            let id = app_id("j", at, &mut self.rng);
            let prompt = if self.rng.chance(30) {
                self.rng.pick(PROMPTS).copied()
            } else {
                None
            };
            let text = journal_text(&mut self.rng);
            // Never fails: the text is never blank nor too long.
            let _ = self.data.save_journal(&id, prompt, &text, at);
            if n % 10 == 3 {
                let later = (at + self.rng.between(1, 5) * DAY_MS).min(self.now - HOUR_MS);
                let text = journal_text(&mut self.rng);
                let _ = self.data.save_journal(&id, prompt, &text, later);
            }
            if n % 70 == 35 {
                let extra_at = at + 10 * MINUTE_MS;
                let extra = app_id("j", extra_at, &mut self.rng);
                let text = journal_text(&mut self.rng);
                let _ = self.data.save_journal(&extra, None, &text, extra_at);
                self.data.delete_journal(&extra, extra_at + 2 * HOUR_MS);
            }
        }
    }

    /// Cards written over the first years; some reworded, two removed.
    fn cards(&mut self) {
        let total = WHY_CARDS + 2;
        for n in 0..total {
            let day = n as i64 * 90 + self.rng.between(0, 60);
            let at = self.at(day, 20);
            let id = app_id("w", at, &mut self.rng);
            let text = CARDS[n % CARDS.len()];
            let _ = self.data.save_card(&id, text, at);
            if n % 4 == 1 {
                let reworded = format!("{text} Still true, {} years on.", n / 4 + 1);
                let _ = self.data.save_card(&id, &reworded, at + 30 * DAY_MS);
            }
            if n == 5 || n == 11 {
                self.data.delete_card(&id, at + 200 * DAY_MS);
            }
        }
    }

    /// [`PLAN_CHANGES`] changes to the plan: 30 items added, 20 of them
    /// rescheduled or re-noted, 10 taken out, 130 days marked done and 10
    /// of those marks un-ticked again.
    fn plan(&mut self) {
        const ADDED: usize = 30;
        const DONE: usize = 130;
        const UNTICKED: usize = 10;
        let mut items: Vec<(String, i64, i64)> = Vec::new();
        for n in 0..ADDED {
            let day = n as i64 * 110 + self.rng.between(0, 50);
            let at = self.at(day, 19);
            let id = app_id("i", at, &mut self.rng);
            let strategy = STRATEGIES[n % STRATEGIES.len()];
            let when = self.when();
            let note = if self.rng.chance(40) {
                self.rng.pick(NOTES).copied()
            } else {
                None
            };
            self.data.add_to_plan(&id, strategy, when, note, at);
            // Items added early are taken out a year or so later; the rest
            // stay until now.
            let last_day = if n % 3 == 0 {
                day + self.rng.between(200, 400)
            } else {
                SPAN_DAYS - 1
            };
            if n % 3 != 2 {
                let later = self.rng.between(5, 60).min(last_day - day - 1);
                let changed = self.at(day + later, 18);
                let when = self.when();
                let note = self.rng.pick(NOTES).copied();
                self.data.update_plan_item(&id, when, note, changed);
            }
            items.push((id, day, last_day));
        }
        let mut marked = BTreeSet::new();
        let mut marks = Vec::new();
        while marks.len() < DONE {
            let Some((item, first, last)) = self.rng.pick(&items).cloned() else {
                break;
            };
            let day = self.rng.between(first + 1, last);
            if marked.insert((item.clone(), day)) {
                let at = self.at(day, 21);
                let on = Date::at(at, 0);
                self.data.set_done(&item, on, true, at);
                marks.push((item, on, at));
            }
        }
        for (item, on, at) in marks.into_iter().step_by(DONE / UNTICKED).take(UNTICKED) {
            self.data.set_done(&item, on, false, at + 40 * MINUTE_MS);
        }
        for (n, (item, _, last)) in items.iter().enumerate() {
            if n % 3 == 0 {
                let at = self.at(*last, 22);
                self.data.remove_from_plan(item, at);
            }
        }
    }

    fn when(&mut self) -> When {
        match self.rng.below(4) {
            0 => When::AfterEachShift,
            1 => When::Daily,
            2 => When::Weekly(*self.rng.pick(Weekday::ALL).unwrap_or(&Weekday::Sun)),
            _ => When::Days(vec![Weekday::Mon, Weekday::Wed, Weekday::Fri]),
        }
    }

    /// Settings, time off, the last export and a check-in in progress.
    fn the_rest(&mut self) {
        let now = self.now;
        self.data.settings.language = Some("en".into());
        self.data.settings.region = Some("uk-ie".into());
        self.data
            .settings
            .set_theme(Theme::Dark, self.start + 400 * DAY_MS);
        self.data.settings.checkin_interval_days = 7;
        let last_break = Date::at(now - 40 * DAY_MS, 0);
        let next_break = Date::at(now + 30 * DAY_MS, 0);
        self.data
            .set_time_off(Some(last_break), Some(next_break), 90, now - 35 * DAY_MS);
        self.data.last_exported_at = Some(now - 5 * DAY_MS);
        // Part way through this week's check-in.
        let started = now - 2 * HOUR_MS;
        self.data.start_draft("tend", "2", started);
        let strain = self.strain(SPAN_DAYS);
        let answers = self.answers(self.current, SPAN_DAYS, strain);
        for (n, (item, answer)) in answers.into_iter().take(12).enumerate() {
            let step = usize::from(n >= 5);
            self.data
                .answer_draft(&item, answer, step, started + (n as i64 + 1) * 20_000);
        }
    }
}

/// A journal entry of 1,000 to 2,000 bytes: sentences from [`SENTENCES`]
/// in paragraphs, with a number or a name worked in here and there.
fn journal_text(rng: &mut Rng) -> String {
    let target = 1_000 + rng.below(800);
    let mut text = String::new();
    let mut in_paragraph = 0;
    while text.len() < target {
        if !text.is_empty() {
            if in_paragraph >= 3 && rng.chance(35) {
                text.push_str("\n\n");
                in_paragraph = 0;
            } else {
                text.push(' ');
            }
        }
        text.push_str(&sentence(rng));
        in_paragraph += 1;
    }
    text
}

/// The longest entry kept: exactly [`MAX_TEXT_CHARS`] characters, with no
/// space at either end.
fn longest_text(rng: &mut Rng) -> String {
    let mut text = String::new();
    while text.chars().count() < MAX_TEXT_CHARS {
        text.push_str(&journal_text(rng));
        text.push_str("\n\n");
    }
    let mut text: String = text.chars().take(MAX_TEXT_CHARS - 1).collect();
    text.truncate(text.trim_end().len());
    while text.chars().count() < MAX_TEXT_CHARS {
        text.push('.');
    }
    text
}

fn sentence(rng: &mut Rng) -> String {
    let template = rng.pick(SENTENCES).copied().unwrap_or("Today was a day.");
    let name = rng.pick(NAMES).copied().unwrap_or("Sam");
    let count = (2 + rng.below(40)).to_string();
    let hours = (3 + rng.below(5)).to_string();
    let years = (2 + rng.below(10)).to_string();
    template
        .replace("{name}", name)
        .replace("{n}", &count)
        .replace("{h}", &hours)
        .replace("{y}", &years)
}

const SENTENCES: &[&str] = &[
    "The third call of the night was the one that stayed with me.",
    "I sat in the car for {n} minutes before I could drive home.",
    "{name} asked how I was and I said \"fine\", which was not true.",
    "Supervision helped today — I said out loud what I had been carrying since Tuesday.",
    "I noticed my shoulders were up by my ears again by the end of the shift.",
    "We had coffee at the little café on the corner, and for once I did not check my phone.",
    "The niño in the waiting room kept drawing suns on every page, and I keep thinking about him.",
    "My Spanish is getting better; I finally said \"mañana\" with a proper ñ and nobody laughed.",
    "I walked the long way home, past the river, and counted {n} boats.",
    "There was a moment in the middle of it all where I felt completely useless.",
    "{name} brought cake for the team — a small thing, but it changed the whole afternoon.",
    "I dreamt about the flat on Park Road again.",
    "Tonight I am tired in a way that sleep does not seem to fix.",
    "I want to remember that the family thanked us, even on a day like this.",
    "It took {n} phone calls to find a bed for her, and I am still angry about that.",
    "I left work on time for once and cooked something with actual vegetables in it.",
    "When the pager went off at 3 a.m. my heart was pounding before I was awake.",
    "I keep replaying what I said to {name}, wondering whether it was the right thing.",
    "The new manager seems to listen, which is more than I expected.",
    "I laughed properly today, at something {name} said in the break room.",
    "Some days the work feels like pouring water into sand.",
    "Other days — today was one — I remember exactly why I chose this job.",
    "I said no to an extra shift and did not feel guilty for more than an hour.",
    "The case notes took longer than the visit; {n} pages for forty minutes of someone's worst day.",
    "I noticed I was bracing for bad news every time the phone rang, even at home.",
    "Tried the breathing practice in the stairwell. It helped more than I thought it would.",
    "My sister called and I could not find the words to say what kind of week it had been.",
    "A client wrote me a card: \"gracias por todo\". I put it on the fridge.",
    "I feel numb about things that would have shaken me {y} years ago, and that worries me.",
    "The weather turned and the whole city smelled of rain and wet leaves.",
    "I am naïve to think one good week fixes anything, but it was a good week.",
    "We debriefed after the incident; {name} cried and so did I, and that was all right.",
    "I skipped lunch again. Writing it down so I notice the pattern.",
    "Slept {h} hours and still woke up before the alarm, already thinking about work.",
    "Read a few pages of a novel before bed instead of scrolling — progress.",
    "I could not stop thinking about the kitchen in that house: the dishes, the silence.",
    "Reminded myself that I cannot carry every story home with me.",
    "Booked the week off in spring. Just seeing it in the calendar helps.",
    "The team meeting ran over by {n} minutes and nobody mentioned the hard case.",
    "Small win: I finished the report and closed the laptop at six.",
    "Tomorrow I start with {name}'s review, so tonight I am letting it go.",
    "A quiet shift, finally — I did not know what to do with my hands. 🌿",
];

const NAMES: &[&str] = &[
    "Ana", "José", "Zoë", "Sam", "Priya", "Tomás", "Chloé", "Ben", "Aoife", "Łukasz", "Noor",
    "Bjørn",
];

const PROMPTS: &[&str] = &[
    "What stayed with you from today?",
    "Tell the story of a hard moment, from start to end.",
    "What helped, even a little?",
    "What would you tell a colleague who had your week?",
    "Write about a moment you felt you made a difference.",
];

const CARDS: &[&str] = &[
    "Because someone sat with me once when I had nobody.",
    "The moment a family exhales because help has arrived.",
    "I am good at staying calm when everything is loud.",
    "Para que ningún niño se quede solo en una sala de espera.",
    "Small changes add up — I have seen them add up.",
    "I believe people deserve to be listened to, properly.",
    "My grandmother was a nurse; I still have her watch.",
    "Every so often, someone writes to say they are doing well.",
    "The team: on the worst nights, we carry it together.",
];

const STRATEGIES: &[&str] = &[
    "paced-breathing",
    "shift-transition",
    "worry-window",
    "walk-it-off",
    "peer-check-in",
    "protect-a-day-off",
    "narrative-journal",
    "one-good-moment",
    "wind-down-for-sleep",
    "ask-for-supervision",
];

const NOTES: &[&str] = &[
    "In the car before driving home.",
    "Ten minutes, phone in the other room.",
    "Walk past the river — no headphones.",
    "Ask Ana on Thursday; she offered.",
    "Café con leche first, then the list.",
    "Even on the bad days — especially then.",
];
