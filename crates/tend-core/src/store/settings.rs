//! The person's preferences. They travel as one unit: when two copies
//! disagree, the one changed later wins whole (see
//! [`crate::store::merge::merge`]), so every change is stamped later than
//! the one before it.

use super::removal::stamp_after;
use serde::{Deserialize, Serialize};

pub use crate::domain::history::{
    clamp_interval, DEFAULT_CHECKIN_INTERVAL_DAYS, MAX_CHECKIN_INTERVAL_DAYS,
    MIN_CHECKIN_INTERVAL_DAYS,
};

/// Colour scheme choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the system setting.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// Base text size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TextSize {
    /// The browser's default size.
    #[default]
    Normal,
    /// One step larger.
    Large,
    /// Two steps larger.
    Larger,
}

/// The person's preferences. Every field may be left out of the stored
/// JSON and takes its default; `language` and `region` may be null.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Days from one check-in to the next reminder, from
    /// [`MIN_CHECKIN_INTERVAL_DAYS`] to [`MAX_CHECKIN_INTERVAL_DAYS`].
    pub checkin_interval_days: u32,
    /// Chosen language code; `None` follows the browser.
    pub language: Option<String>,
    /// Region id for crisis contacts (`us`, `ca`, `uk-ie`, `au`, `other`);
    /// `None` until the person picks one.
    pub region: Option<String>,
    /// Base text size.
    pub text_size: TextSize,
    /// Colour scheme.
    pub theme: Theme,
    /// When these settings last changed (ms since the epoch); the newer
    /// side wins when two tabs or an import disagree.
    pub updated_at: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            language: None,
            theme: Theme::default(),
            text_size: TextSize::default(),
            region: None,
            checkin_interval_days: DEFAULT_CHECKIN_INTERVAL_DAYS,
            updated_at: 0,
        }
    }
}

/// A check-in interval outside the allowed range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IntervalOutOfRange {
    /// The number of days asked for.
    pub days: u32,
}

impl Settings {
    /// Sets the check-in interval at `now`, refusing one outside
    /// [`MIN_CHECKIN_INTERVAL_DAYS`]..=[`MAX_CHECKIN_INTERVAL_DAYS`].
    pub fn set_checkin_interval(&mut self, days: u32, now: i64) -> Result<(), IntervalOutOfRange> {
        if clamp_interval(days) != days {
            return Err(IntervalOutOfRange { days });
        }
        self.checkin_interval_days = days;
        self.touch(now);
        Ok(())
    }

    /// Sets the colour scheme at `now`.
    pub fn set_theme(&mut self, theme: Theme, now: i64) {
        self.theme = theme;
        self.touch(now);
    }

    /// Sets the base text size at `now`.
    pub fn set_text_size(&mut self, text_size: TextSize, now: i64) {
        self.text_size = text_size;
        self.touch(now);
    }

    /// Sets the language at `now`; `None` follows the browser.
    pub fn set_language(&mut self, language: Option<&str>, now: i64) {
        self.language = language.map(str::to_string);
        self.touch(now);
    }

    /// Sets the region for crisis contacts at `now`.
    pub fn set_region(&mut self, region: &str, now: i64) {
        self.region = Some(region.to_string());
        self.touch(now);
    }

    /// Stamps a change: later than the one before even if the clock went
    /// back, or an older copy's settings would win the next merge.
    fn touch(&mut self, now: i64) {
        self.updated_at = stamp_after(self.updated_at, now);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_check_in_interval_is_kept_in_range() {
        let mut s = Settings::default();
        assert_eq!(s.checkin_interval_days, DEFAULT_CHECKIN_INTERVAL_DAYS);
        for (days, ok) in [
            (6, false),
            (7, true),
            (30, true),
            (90, true),
            (91, false),
            (0, false),
        ] {
            let before = s.clone();
            let result = s.set_checkin_interval(days, 5);
            if ok {
                assert_eq!(result, Ok(()), "{days}");
                assert_eq!(s.checkin_interval_days, days);
                assert!(s.updated_at > before.updated_at, "a change wins a merge");
            } else {
                assert_eq!(result, Err(IntervalOutOfRange { days }), "{days}");
                assert_eq!(s, before, "{days}");
            }
        }
        assert_eq!(clamp_interval(1), 7);
        assert_eq!(clamp_interval(1000), 90);
    }

    #[test]
    fn every_change_is_stamped_later_than_the_last_even_if_the_clock_went_back() {
        type Change = fn(&mut Settings, i64);
        let changes: [(&str, Change); 5] = [
            ("theme", |s, now| s.set_theme(Theme::Dark, now)),
            ("text size", |s, now| s.set_text_size(TextSize::Large, now)),
            ("language", |s, now| s.set_language(Some("en"), now)),
            ("region", |s, now| s.set_region("au", now)),
            ("interval", |s, now| {
                let _ = s.set_checkin_interval(30, now);
            }),
        ];
        for (name, change) in changes {
            let mut s = Settings {
                updated_at: 1_000,
                ..Settings::default()
            };
            change(&mut s, 5_000);
            assert_eq!(s.updated_at, 5_000, "{name}: stamped now");
            change(&mut s, 10);
            assert_eq!(s.updated_at, 5_001, "{name}: the clock went back");
            assert_ne!(s, Settings::default(), "{name}: changed");
        }
        let mut s = Settings::default();
        s.set_language(None, 1);
        assert_eq!((s.language, s.updated_at), (None, 1));
    }
}
