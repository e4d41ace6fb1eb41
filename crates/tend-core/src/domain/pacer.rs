//! The paced-breathing pacer, as arithmetic: where in the breath a person
//! is after some running time, and whether the chosen length is reached.
//!
//! The screen keeps only the running time (paused time never counts) and
//! asks this module everything else, so pausing, resuming and changing
//! the pace are plain data changes that the tests cover.

/// Shortest and longest breath-in or breath-out the pacer offers, seconds.
pub const MIN_SECONDS: u32 = 2;
/// See [`MIN_SECONDS`].
pub const MAX_SECONDS: u32 = 12;
/// The lengths a session can be set to, in minutes; 0 means "until I stop".
pub const LENGTH_CHOICES: [u32; 6] = [0, 1, 3, 5, 10, 15];

/// A breathing pace: seconds in, seconds out, and how long to go on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pace {
    /// Seconds breathing in.
    pub inhale_s: u32,
    /// Seconds breathing out (a longer out-breath calms the body most).
    pub exhale_s: u32,
    /// Minutes to run for; 0 runs until the person stops.
    pub minutes: u32,
}

impl Default for Pace {
    /// Four in, six out, for five minutes: about six breaths a minute.
    fn default() -> Self {
        Pace {
            inhale_s: 4,
            exhale_s: 6,
            minutes: 5,
        }
    }
}

/// Which half of the breath it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Breathing in.
    In,
    /// Breathing out.
    Out,
}

/// Where the pacer is at a moment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Moment {
    /// In or out.
    pub phase: Phase,
    /// How far through this phase, 0 to 1.
    pub progress: f64,
    /// Whole seconds left in this phase, counting down to 1.
    pub seconds_left: u32,
    /// Breaths begun so far, counting from 1.
    pub breath: u32,
    /// The chosen length is reached (never true when running until stopped).
    pub finished: bool,
}

impl Pace {
    /// The pace with both times kept inside the offered range and the
    /// length one of the offered choices (otherwise the default length).
    pub fn clamped(self) -> Pace {
        Pace {
            inhale_s: self.inhale_s.clamp(MIN_SECONDS, MAX_SECONDS),
            exhale_s: self.exhale_s.clamp(MIN_SECONDS, MAX_SECONDS),
            minutes: if LENGTH_CHOICES.contains(&self.minutes) {
                self.minutes
            } else {
                Pace::default().minutes
            },
        }
    }

    /// One breath, in milliseconds.
    pub fn breath_ms(self) -> u64 {
        let p = self.clamped();
        u64::from(p.inhale_s + p.exhale_s) * 1000
    }

    /// Breaths a minute at this pace, to one decimal place, times ten
    /// (4 in, 6 out gives 60, shown as "6.0"). Whole numbers avoid float
    /// formatting in the download.
    pub fn breaths_per_minute_tenths(self) -> u64 {
        let breath = self.breath_ms();
        // Rounded to the nearest tenth.
        (600_000 + breath / 2) / breath
    }

    /// Where the pacer is after `elapsed_ms` of running time.
    pub fn at(self, elapsed_ms: u64) -> Moment {
        let p = self.clamped();
        let inhale = u64::from(p.inhale_s) * 1000;
        let exhale = u64::from(p.exhale_s) * 1000;
        let breath = inhale + exhale;
        let limit = u64::from(p.minutes) * 60_000;
        let finished = limit > 0 && elapsed_ms >= limit;
        // A finished session rests at the end of its last out-breath.
        let t = if finished {
            limit.saturating_sub(1)
        } else {
            elapsed_ms
        };
        let index = t / breath;
        let within = t % breath;
        let (phase, into, length) = if within < inhale {
            (Phase::In, within, inhale)
        } else {
            (Phase::Out, within - inhale, exhale)
        };
        let left_ms = length - into;
        Moment {
            phase,
            progress: into as f64 / length as f64,
            seconds_left: left_ms.div_ceil(1000) as u32,
            breath: u32::try_from(index + 1).unwrap_or(u32::MAX),
            finished,
        }
    }

    /// How big the pacer's circle is, 0 (empty lungs) to 1 (full), eased
    /// so the change feels like breathing rather than a ramp.
    pub fn fullness(self, elapsed_ms: u64) -> f64 {
        let m = self.at(elapsed_ms);
        // Smoothstep: gentle at both ends of each phase.
        let eased = m.progress * m.progress * (3.0 - 2.0 * m.progress);
        match m.phase {
            Phase::In => eased,
            Phase::Out => 1.0 - eased,
        }
    }
}

/// Running time across pauses: the sum of every running stretch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stopwatch {
    /// Running time banked before the current stretch.
    banked_ms: u64,
    /// When the current stretch began (clock ms), if running.
    since: Option<i64>,
}

impl Stopwatch {
    /// A stopwatch started at `now`.
    pub fn started(now: i64) -> Stopwatch {
        Stopwatch {
            banked_ms: 0,
            since: Some(now),
        }
    }

    /// Whether it is running (not paused).
    pub fn running(self) -> bool {
        self.since.is_some()
    }

    /// Running time at `now`. A clock that goes backwards adds nothing.
    pub fn elapsed(self, now: i64) -> u64 {
        let current = self
            .since
            .map(|s| u64::try_from(now.saturating_sub(s)).unwrap_or(0))
            .unwrap_or(0);
        self.banked_ms.saturating_add(current)
    }

    /// Paused at `now`; pausing a paused stopwatch changes nothing.
    pub fn paused(self, now: i64) -> Stopwatch {
        Stopwatch {
            banked_ms: self.elapsed(now),
            since: None,
        }
    }

    /// Running again from `now`; resuming a running one changes nothing.
    pub fn resumed(self, now: i64) -> Stopwatch {
        match self.since {
            Some(_) => self,
            None => Stopwatch {
                banked_ms: self.banked_ms,
                since: Some(now),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PACE: Pace = Pace {
        inhale_s: 4,
        exhale_s: 6,
        minutes: 1,
    };

    #[test]
    fn walks_through_one_breath() {
        let start = PACE.at(0);
        assert_eq!(start.phase, Phase::In);
        assert_eq!(start.progress, 0.0);
        assert_eq!(start.seconds_left, 4);
        assert_eq!(start.breath, 1);

        let mid_in = PACE.at(2_000);
        assert_eq!(mid_in.phase, Phase::In);
        assert!((mid_in.progress - 0.5).abs() < 1e-9);
        assert_eq!(mid_in.seconds_left, 2);

        let last_in = PACE.at(3_999);
        assert_eq!(last_in.phase, Phase::In);
        assert_eq!(last_in.seconds_left, 1);

        let out = PACE.at(4_000);
        assert_eq!(out.phase, Phase::Out);
        assert_eq!(out.progress, 0.0);
        assert_eq!(out.seconds_left, 6);
        assert_eq!(out.breath, 1);

        let next = PACE.at(10_000);
        assert_eq!(next.phase, Phase::In);
        assert_eq!(next.breath, 2);
    }

    #[test]
    fn finishes_at_the_chosen_length_and_rests_breathed_out() {
        assert!(!PACE.at(59_999).finished);
        let end = PACE.at(60_000);
        assert!(end.finished);
        assert_eq!(end.phase, Phase::Out);
        assert_eq!(end.breath, 6);
        assert!(PACE.at(600_000).finished);
        assert!(PACE.fullness(600_000) < 0.001);
    }

    #[test]
    fn until_stopped_never_finishes() {
        let open = Pace { minutes: 0, ..PACE };
        assert!(!open.at(24 * 3_600_000).finished);
        assert_eq!(open.at(24 * 3_600_000).breath, 8641);
    }

    #[test]
    fn fullness_rises_in_and_falls_out() {
        assert_eq!(PACE.fullness(0), 0.0);
        assert!((PACE.fullness(2_000) - 0.5).abs() < 1e-9);
        assert!(PACE.fullness(3_900) > 0.99);
        assert!((PACE.fullness(4_000) - 1.0).abs() < 1e-9);
        assert!((PACE.fullness(7_000) - 0.5).abs() < 1e-9);
        assert!(PACE.fullness(9_990) < 0.001);
        let mut last = -1.0;
        for ms in (0..4_000).step_by(100) {
            let f = PACE.fullness(ms);
            assert!(f >= last, "breathing in never shrinks");
            last = f;
        }
    }

    #[test]
    fn out_of_range_paces_are_clamped() {
        let wild = Pace {
            inhale_s: 0,
            exhale_s: 99,
            minutes: 7,
        };
        assert_eq!(
            wild.clamped(),
            Pace {
                inhale_s: MIN_SECONDS,
                exhale_s: MAX_SECONDS,
                minutes: 5
            }
        );
        // Never a division by zero, whatever comes in.
        assert_eq!(wild.at(0).phase, Phase::In);
    }

    #[test]
    fn breaths_per_minute() {
        assert_eq!(Pace::default().breaths_per_minute_tenths(), 60);
        let quick = Pace {
            inhale_s: 3,
            exhale_s: 4,
            minutes: 5,
        };
        // 60 / 7 = 8.57…, shown as 8.6.
        assert_eq!(quick.breaths_per_minute_tenths(), 86);
    }

    #[test]
    fn stopwatch_counts_only_running_time() {
        let w = Stopwatch::started(1_000);
        assert!(w.running());
        assert_eq!(w.elapsed(3_000), 2_000);
        let p = w.paused(3_000);
        assert!(!p.running());
        assert_eq!(p.elapsed(50_000), 2_000);
        assert_eq!(p.paused(60_000), p);
        let r = p.resumed(50_000);
        assert_eq!(r.elapsed(51_500), 3_500);
        assert_eq!(r.resumed(99_999), r);
        // A clock that jumps back never makes time negative.
        assert_eq!(r.elapsed(10), 2_000);
    }
}
