//! The personal plan: strategies the person chose, when they mean to do
//! them, what they marked done, and time off. Civil dates only (the
//! person's own calendar day); the caller turns "now" into today's date.
//! There is no idea of "missed" here: the log only ever lists what was done.

use super::strategy::tags;

tags! {
    /// A day of the week.
    Weekday {
        /// Monday.
        Mon = "mon",
        /// Tuesday.
        Tue = "tue",
        /// Wednesday.
        Wed = "wed",
        /// Thursday.
        Thu = "thu",
        /// Friday.
        Fri = "fri",
        /// Saturday.
        Sat = "sat",
        /// Sunday.
        Sun = "sun",
    }
}

/// A calendar day, as the number of days since 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub i64);

impl Date {
    /// The date of a year, month (1–12) and day (1–31), or `None` when that
    /// day does not exist (30 February, month 13).
    pub fn from_ymd(year: i64, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return None;
        }
        // Days from civil (H. Hinnant's algorithm), years starting in March.
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Date(era * 146_097 + doe - 719_468))
    }

    /// Year, month (1–12) and day.
    pub fn ymd(self) -> (i64, u32, u32) {
        crate::time::civil_date(self.0.saturating_mul(crate::time::DAY_MS))
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday, index 3 from Monday.
        let i = (self.0 + 3).rem_euclid(7) as usize;
        Weekday::ALL.get(i).copied().unwrap_or(Weekday::Mon)
    }

    /// The day `n` days later (earlier when negative).
    pub fn plus(self, n: i64) -> Date {
        Date(self.0.saturating_add(n))
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.0.saturating_sub(self.0)
    }

    /// The date of an ISO `YYYY-MM-DD` string (as a date input gives it),
    /// or `None` when it is not one or names no real day.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !(digits(y) && digits(m) && digits(d)) {
            return None;
        }
        Date::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// The date as ISO `YYYY-MM-DD`, as a date input takes it.
    pub fn to_iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// The person's calendar day at `now_ms`, `offset_minutes` east of UTC.
    pub fn at(now_ms: i64, offset_minutes: i32) -> Date {
        let local = now_ms.saturating_add(i64::from(offset_minutes) * 60_000);
        Date(local.div_euclid(86_400_000))
    }
}

/// Stored as `YYYY-MM-DD`, as [`Date::to_iso`] writes it.
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_iso())
    }
}

/// Read from `YYYY-MM-DD`; any other text, or a day that does not exist,
/// is refused.
impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse_iso(&text).ok_or_else(|| {
            serde::de::Error::invalid_value(serde::de::Unexpected::Str(&text), &"a YYYY-MM-DD date")
        })
    }
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// When the person means to do a plan item.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum When {
    /// After each shift. Tend does not know the shift pattern, so it is
    /// offered every day, as "after your shift".
    AfterEachShift,
    /// Every day.
    Daily,
    /// Once a week, on this day.
    Weekly(Weekday),
    /// On these days of the week.
    Days(Vec<Weekday>),
}

impl When {
    /// Whether an item with this schedule is due on `date`.
    pub fn due_on(&self, date: Date) -> bool {
        match self {
            When::AfterEachShift | When::Daily => true,
            When::Weekly(day) => date.weekday() == *day,
            When::Days(days) => days.contains(&date.weekday()),
        }
    }
}

/// A strategy the person put in their plan.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PlanItem {
    /// Stable id of this item, unique in the plan.
    pub id: String,
    /// The strategy's id.
    pub strategy: String,
    /// When they mean to do it.
    pub when: When,
    /// Their own note, if any.
    pub note: Option<String>,
    /// When it was added, in ms since the epoch.
    pub added_at: i64,
}

/// A mark that a plan item was done on a day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DoneMark {
    /// The plan item's id.
    pub item: String,
    /// The day it was done.
    pub on: Date,
}

/// The person's plan and what they have done.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// The items, in the order the person added them.
    pub items: Vec<PlanItem>,
    /// Done marks, at most one per item and day.
    pub done: Vec<DoneMark>,
}

/// An item due on a day, and whether it is already marked done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due<'a> {
    /// The item.
    pub item: &'a PlanItem,
    /// Whether it is marked done that day.
    pub done: bool,
}

/// One day of the log: what was done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogDay<'a> {
    /// The day.
    pub on: Date,
    /// The ids of the items done that day, in plan order; marks for items
    /// no longer in the plan come last, in the order they were made.
    pub items: Vec<&'a str>,
}

impl Plan {
    /// Adds an item, or replaces the item with the same id.
    pub fn put(&mut self, item: PlanItem) {
        match self.items.iter_mut().find(|i| i.id == item.id) {
            Some(existing) => *existing = item,
            None => self.items.push(item),
        }
    }

    /// Removes an item. Its done marks stay, so the log keeps what was done.
    pub fn remove(&mut self, id: &str) {
        self.items.retain(|i| i.id != id);
    }

    /// Whether `item` is marked done on `on`.
    pub fn is_done(&self, item: &str, on: Date) -> bool {
        self.done.iter().any(|d| d.item == item && d.on == on)
    }

    /// Marks `item` done on `on`, or clears the mark when `done` is false.
    /// Marking twice keeps one mark.
    pub fn set_done(&mut self, item: &str, on: Date, done: bool) {
        if done && !self.is_done(item, on) {
            self.done.push(DoneMark {
                item: item.to_string(),
                on,
            });
        } else if !done {
            self.done.retain(|d| !(d.item == item && d.on == on));
        }
    }
}

/// The items due on `date`, in plan order, each with whether it is done.
pub fn due_on(plan: &Plan, date: Date) -> Vec<Due<'_>> {
    plan.items
        .iter()
        .filter(|i| i.when.due_on(date))
        .map(|item| Due {
            item,
            done: plan.is_done(&item.id, date),
        })
        .collect()
}

/// What was done, newest day first; only days with something done appear.
pub fn log(plan: &Plan) -> Vec<LogDay<'_>> {
    let mut days: Vec<Date> = Vec::new();
    for d in &plan.done {
        if !days.contains(&d.on) {
            days.push(d.on);
        }
    }
    days.sort_by_key(|d| std::cmp::Reverse(*d));
    days.into_iter()
        .map(|on| {
            let marks: Vec<&str> = plan
                .done
                .iter()
                .filter(|d| d.on == on)
                .map(|d| d.item.as_str())
                .collect();
            let mut items: Vec<&str> = plan
                .items
                .iter()
                .map(|i| i.id.as_str())
                .filter(|id| marks.contains(id))
                .collect();
            for m in marks {
                if !items.contains(&m) {
                    items.push(m);
                }
            }
            LogDay { on, items }
        })
        .collect()
}

/// How many days without a real break before Home gently suggests one,
/// unless the person sets another threshold.
pub const DEFAULT_BREAK_THRESHOLD_DAYS: i64 = 90;

/// The person's time off: the last real break and the next planned one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TimeOff {
    /// The last day of the last real break, if recorded.
    pub last_break: Option<Date>,
    /// The first day of the next planned break, if any.
    pub next_break: Option<Date>,
}

impl TimeOff {
    /// Whole days since the last break, or `None` when none is recorded
    /// (or it is recorded in the future).
    pub fn days_since(&self, today: Date) -> Option<i64> {
        self.last_break
            .map(|d| d.days_until(today))
            .filter(|n| *n >= 0)
    }

    /// Whole days until the next planned break (0 on its first day), or
    /// `None` when none is planned or the date has passed.
    pub fn days_until(&self, today: Date) -> Option<i64> {
        self.next_break
            .map(|d| today.days_until(d))
            .filter(|n| *n >= 0)
    }
}

/// Whether to show the gentle "it has been a while since a break" prompt:
/// when `days_since` the last break is at least `threshold_days` (a
/// threshold of zero or less turns the prompt off).
pub fn needs_break_prompt(days_since: i64, threshold_days: i64) -> bool {
    threshold_days > 0 && days_since >= threshold_days
}

#[cfg(test)]
mod tests {
    #[test]
    fn iso_dates_round_trip_and_reject_what_is_not_a_day() {
        let d = Date::from_ymd(2026, 2, 28).unwrap_or(Date(0));
        assert_eq!(d.to_iso(), "2026-02-28");
        assert_eq!(Date::parse_iso("2026-02-28"), Some(d));
        assert_eq!(Date::parse_iso("1970-01-01"), Some(Date(0)));
        assert_eq!(
            Date::parse_iso("2024-02-29").map(Date::to_iso).as_deref(),
            Some("2024-02-29")
        );
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-1-01",
            "26-01-01",
            "2026-01-01-",
            "",
            "abcd-ef-gh",
            "+026-01-01",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn today_follows_the_local_offset() {
        // 2026-11-26 23:30 UTC is already the 27th in Sydney (+11:00) and
        // still the 26th in New York (-05:00).
        let ms =
            (Date::from_ymd(2026, 11, 26).unwrap_or(Date(0)).0 * 86_400 + 23 * 3600 + 1800) * 1000;
        assert_eq!(Date::at(ms, 660).to_iso(), "2026-11-27");
        assert_eq!(Date::at(ms, -300).to_iso(), "2026-11-26");
        assert_eq!(Date::at(ms, 0).to_iso(), "2026-11-26");
    }

    use super::*;
    use Weekday::*;

    fn date(y: i64, m: u32, d: u32) -> Date {
        match Date::from_ymd(y, m, d) {
            Some(date) => date,
            None => panic!("{y}-{m}-{d}"),
        }
    }

    fn item(id: &str, when: When) -> PlanItem {
        PlanItem {
            id: id.into(),
            strategy: format!("strategy-{id}"),
            when,
            note: None,
            added_at: 0,
        }
    }

    fn plan() -> Plan {
        Plan {
            items: vec![
                item("shift", When::AfterEachShift),
                item("daily", When::Daily),
                item("weekly-sun", When::Weekly(Sun)),
                item("mon-wed-fri", When::Days(vec![Mon, Wed, Fri])),
                item("none", When::Days(vec![])),
            ],
            done: vec![],
        }
    }

    fn due_ids(plan: &Plan, d: Date) -> Vec<&str> {
        due_on(plan, d).iter().map(|d| d.item.id.as_str()).collect()
    }

    #[test]
    fn civil_dates_round_trip_and_know_their_weekday() {
        assert_eq!(Date::from_ymd(1970, 1, 1), Some(Date(0)));
        assert_eq!(date(1970, 1, 1).weekday(), Thu);
        assert_eq!(date(1969, 12, 31), Date(-1));
        assert_eq!(date(1969, 12, 31).weekday(), Wed);
        assert_eq!(date(2000, 2, 29).weekday(), Tue);
        assert_eq!(date(2026, 1, 1).weekday(), Thu);
        assert_eq!(date(2025, 12, 28).weekday(), Sun);
        for (y, m, d) in [(2024, 2, 29), (2025, 12, 31), (2026, 3, 1), (1900, 3, 1)] {
            assert_eq!(date(y, m, d).ymd(), (y, m, d));
        }
        let mut day = date(2023, 12, 25);
        for _ in 0..800 {
            let (y, m, d) = day.ymd();
            assert_eq!(Date::from_ymd(y, m, d), Some(day));
            assert_eq!(day.plus(7).weekday(), day.weekday());
            day = day.plus(1);
        }
        for (y, m, d) in [
            (2025, 2, 29),
            (1900, 2, 29),
            (2025, 13, 1),
            (2025, 4, 31),
            (2025, 1, 0),
        ] {
            assert_eq!(Date::from_ymd(y, m, d), None, "{y}-{m}-{d}");
        }
        assert_eq!(Date::from_ymd(2000, 2, 29).map(Date::weekday), Some(Tue));
        for w in Weekday::ALL {
            assert_eq!(Weekday::parse(w.id()), Some(*w));
        }
    }

    #[test]
    fn what_is_due_for_every_kind_of_when() {
        let p = plan();
        // (date, due items)
        let cases = [
            // Monday 2025-12-29.
            (date(2025, 12, 29), vec!["shift", "daily", "mon-wed-fri"]),
            // Tuesday.
            (date(2025, 12, 30), vec!["shift", "daily"]),
            // Wednesday, the last day of the year.
            (date(2025, 12, 31), vec!["shift", "daily", "mon-wed-fri"]),
            // Thursday, the first day of the next year.
            (date(2026, 1, 1), vec!["shift", "daily"]),
            // Friday.
            (date(2026, 1, 2), vec!["shift", "daily", "mon-wed-fri"]),
            // Sunday across the year boundary, and a Sunday at month end.
            (date(2025, 12, 28), vec!["shift", "daily", "weekly-sun"]),
            (date(2026, 1, 4), vec!["shift", "daily", "weekly-sun"]),
            (date(2026, 5, 31), vec!["shift", "daily", "weekly-sun"]),
            // Leap day, a Thursday; and the day after, a Friday in March.
            (date(2024, 2, 29), vec!["shift", "daily"]),
            (date(2024, 3, 1), vec!["shift", "daily", "mon-wed-fri"]),
            // Before 1970: Sunday 1969-12-28.
            (date(1969, 12, 28), vec!["shift", "daily", "weekly-sun"]),
        ];
        for (d, want) in cases {
            assert_eq!(due_ids(&p, d), want, "{:?}", d.ymd());
        }
        assert!(due_on(&Plan::default(), date(2026, 1, 1)).is_empty());
    }

    #[test]
    fn due_items_show_whether_they_are_done() {
        let mut p = plan();
        let mon = date(2025, 12, 29);
        p.set_done("daily", mon, true);
        p.set_done("daily", mon, true);
        assert_eq!(p.done.len(), 1);
        let due = due_on(&p, mon);
        let done: Vec<(&str, bool)> = due.iter().map(|d| (d.item.id.as_str(), d.done)).collect();
        assert_eq!(
            done,
            vec![("shift", false), ("daily", true), ("mon-wed-fri", false)]
        );
        // Done on Monday is not done on Tuesday.
        assert!(due_on(&p, mon.plus(1)).iter().all(|d| !d.done));
        p.set_done("daily", mon, false);
        assert!(p.done.is_empty());
    }

    #[test]
    fn the_log_lists_only_what_was_done_newest_first() {
        let mut p = plan();
        let d1 = date(2025, 12, 30);
        let d2 = date(2026, 1, 2);
        p.set_done("mon-wed-fri", d2, true);
        p.set_done("daily", d1, true);
        p.set_done("shift", d2, true);
        p.set_done("daily", d2, true);
        let log = log(&p);
        assert_eq!(
            log,
            vec![
                LogDay {
                    on: d2,
                    items: vec!["shift", "daily", "mon-wed-fri"]
                },
                LogDay {
                    on: d1,
                    items: vec!["daily"]
                },
            ]
        );
        // Removing an item keeps what was done.
        p.remove("shift");
        assert_eq!(
            super::log(&p)[0].items,
            vec!["daily", "mon-wed-fri", "shift"]
        );
        assert!(super::log(&Plan::default()).is_empty());
    }

    #[test]
    fn putting_an_item_twice_replaces_it() {
        let mut p = Plan::default();
        p.put(item("a", When::Daily));
        p.put(item("b", When::Daily));
        p.put(PlanItem {
            note: Some("before bed".into()),
            ..item("a", When::Weekly(Fri))
        });
        assert_eq!(p.items.len(), 2);
        assert_eq!(p.items[0].when, When::Weekly(Fri));
        assert_eq!(p.items[0].note.as_deref(), Some("before bed"));
    }

    #[test]
    fn time_off_counts_days_across_boundaries() {
        let t = TimeOff {
            last_break: Some(date(2025, 12, 20)),
            next_break: Some(date(2026, 3, 2)),
        };
        let today = date(2026, 1, 5);
        assert_eq!(t.days_since(today), Some(16));
        // 26 days left in January, 28 in February, 2 into March.
        assert_eq!(t.days_until(today), Some(56));
        assert_eq!(t.days_until(date(2026, 3, 2)), Some(0));
        assert_eq!(t.days_until(date(2026, 3, 3)), None);
        assert_eq!(t.days_since(date(2025, 12, 19)), None);
        // Leap year: 2024-02-28 to 2024-03-01 is two days.
        let leap = TimeOff {
            last_break: Some(date(2024, 2, 28)),
            next_break: None,
        };
        assert_eq!(leap.days_since(date(2024, 3, 1)), Some(2));
        assert_eq!(leap.days_until(date(2024, 3, 1)), None);
        assert_eq!(TimeOff::default().days_since(today), None);
    }

    #[test]
    fn the_break_prompt_waits_for_the_threshold() {
        let cases = [
            (89, 90, false),
            (90, 90, true),
            (200, 90, true),
            (0, 90, false),
            (10, 7, true),
            (500, 0, false),
            (500, -1, false),
        ];
        for (since, threshold, want) in cases {
            assert_eq!(
                needs_break_prompt(since, threshold),
                want,
                "{since} {threshold}"
            );
        }
        assert_eq!(DEFAULT_BREAK_THRESHOLD_DAYS, 90);
    }
}
