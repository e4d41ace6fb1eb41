//! The strategy library, per locale, compiled in from
//! `locales/<code>/strategies.toml` by `build.rs` (see
//! [`tend_core::domain::strategy`] for the model, filtering and lookup). Each
//! strategy's why and steps are not compiled in: the build renders them into
//! a fragment the detail screen fetches ([`Strategy::body`]);
//! [`strategy_sources`] keeps the written text for tests only.

use super::{Locale, Strings};
use tend_core::domain::plan::{Weekday, When};
use tend_core::domain::recommend::Reason;
use tend_core::domain::strategy::SourceGroup;

include!(concat!(env!("OUT_DIR"), "/strategies.rs"));

/// The strategy library of a language, in library order (see
/// [`Locale::strategies`]).
pub fn strategies(locale: Locale) -> &'static [Strategy] {
    locale.strategies()
}

/// The written text behind one strategy's fragment, for tests.
#[derive(Debug)]
pub struct StrategySource {
    /// The strategy's id, as in [`Strategy::id`].
    pub id: &'static str,
    /// The fragment's address, as in [`Strategy::body`].
    pub body: &'static str,
    /// Why it helps, in the small markup of [`crate::content::markup`].
    pub why: &'static str,
    /// The steps, in order: one markup list.
    pub steps: &'static str,
}

/// The name of what stood out, for "Chosen because {a} stood out".
pub fn stood_out_name(s: &Strings, h: HelpsWith) -> &'static str {
    match h {
        HelpsWith::Intrusion => s.strategy_stood_out_intrusion,
        HelpsWith::Avoidance => s.strategy_stood_out_avoidance,
        HelpsWith::NegativeMood => s.strategy_stood_out_negative_mood,
        HelpsWith::Arousal => s.strategy_stood_out_arousal,
        HelpsWith::Burnout => s.strategy_stood_out_burnout,
        HelpsWith::Sustaining => s.strategy_stood_out_sustaining,
        HelpsWith::Sleep => s.strategy_stood_out_sleep,
        HelpsWith::Health => s.strategy_stood_out_health,
    }
}

/// The sentence that says why a strategy was recommended.
pub fn reason_text(s: &Strings, reason: &Reason) -> String {
    let plain = match reason {
        Reason::Safety => s.strategy_reason_safety,
        Reason::RecentIncident => s.strategy_reason_incident,
        Reason::WorkloadMore => s.strategy_reason_workload,
        Reason::OthersTraumaMore => s.strategy_reason_others_trauma,
        Reason::Both => s.strategy_reason_both,
        Reason::SharedSigns => s.strategy_reason_shared_signs,
        Reason::LowSustaining => s.strategy_reason_low_sustaining,
        Reason::HealthSignals => s.strategy_reason_health,
        Reason::NotTiedToWork => s.strategy_reason_not_tied_to_work,
        Reason::NothingRaised => s.strategy_reason_nothing_raised,
        Reason::Starter => s.strategy_reason_starter,
        Reason::StoodOut(what) => {
            return match what.as_slice() {
                [] => s.strategy_reason_starter.to_string(),
                [a] => s.strategy_reason_stood_out_one(stood_out_name(s, *a)),
                [a, b, ..] => {
                    s.strategy_reason_stood_out_two(stood_out_name(s, *a), stood_out_name(s, *b))
                }
            }
        }
    };
    plain.to_string()
}

/// The filter label of what a strategy helps with.
pub fn helps_label(s: &Strings, h: HelpsWith) -> &'static str {
    match h {
        HelpsWith::Intrusion => s.strategy_helps_intrusion,
        HelpsWith::Avoidance => s.strategy_helps_avoidance,
        HelpsWith::NegativeMood => s.strategy_helps_negative_mood,
        HelpsWith::Arousal => s.strategy_helps_arousal,
        HelpsWith::Burnout => s.strategy_helps_burnout,
        HelpsWith::Sustaining => s.strategy_helps_sustaining,
        HelpsWith::Sleep => s.strategy_helps_sleep,
        HelpsWith::Health => s.strategy_helps_health,
    }
}

/// The label of a time needed.
pub fn time_label(s: &Strings, t: TimeNeeded) -> &'static str {
    match t {
        TimeNeeded::Under2Minutes => s.strategy_time_under_2_minutes,
        TimeNeeded::Minutes5To15 => s.strategy_time_minutes_5_15,
        TimeNeeded::Longer => s.strategy_time_longer,
    }
}

/// The label of where a strategy fits.
pub fn fit_label(s: &Strings, f: Fit) -> &'static str {
    match f {
        Fit::DuringWork => s.strategy_fit_during_work,
        Fit::AfterShift => s.strategy_fit_after_shift,
        Fit::DaysOff => s.strategy_fit_days_off,
    }
}

/// The name of a source: a self-care item, a CE-CERT domain or the
/// workplace.
pub fn source_label(s: &Strings, src: Source) -> &'static str {
    match src {
        Source::Help1 => s.strategy_source_help_1,
        Source::Help2 => s.strategy_source_help_2,
        Source::Help3 => s.strategy_source_help_3,
        Source::Help4 => s.strategy_source_help_4,
        Source::Help5 => s.strategy_source_help_5,
        Source::Help6 => s.strategy_source_help_6,
        Source::Help7 => s.strategy_source_help_7,
        Source::CeCert1 => s.strategy_source_cecert_1,
        Source::CeCert2 => s.strategy_source_cecert_2,
        Source::CeCert3 => s.strategy_source_cecert_3,
        Source::CeCert4 => s.strategy_source_cecert_4,
        Source::CeCert5 => s.strategy_source_cecert_5,
        Source::Workplace => s.strategy_source_workplace,
    }
}

/// The name of a group of sources.
pub fn group_label(s: &Strings, g: SourceGroup) -> &'static str {
    match g {
        SourceGroup::SelfCare => s.strategy_source_group_self_care,
        SourceGroup::CeCert => s.strategy_source_group_ce_cert,
        SourceGroup::Workplace => s.strategy_source_group_workplace,
    }
}

/// The name of a day of the week.
pub fn weekday_name(s: &Strings, d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => s.weekday_mon,
        Weekday::Tue => s.weekday_tue,
        Weekday::Wed => s.weekday_wed,
        Weekday::Thu => s.weekday_thu,
        Weekday::Fri => s.weekday_fri,
        Weekday::Sat => s.weekday_sat,
        Weekday::Sun => s.weekday_sun,
    }
}

/// When a plan item is meant to happen, in words.
pub fn when_text(s: &Strings, when: &When) -> String {
    match when {
        When::AfterEachShift => s.plan_when_after_each_shift.to_string(),
        When::Daily => s.plan_when_daily.to_string(),
        When::Weekly(d) => s.plan_when_weekly(weekday_name(s, *d)),
        When::Days(days) => {
            let names: Vec<&str> = days.iter().map(|d| weekday_name(s, *d)).collect();
            s.plan_when_days(&names.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::markup::{parse, Block};

    #[test]
    fn the_library_has_at_least_24_strategies() {
        for locale in Locale::ALL {
            assert!(strategies(*locale).len() >= 24, "{}", locale.code());
        }
    }

    #[test]
    fn steps_are_one_list_and_why_is_prose() {
        for locale in Locale::ALL {
            let sources = strategy_sources(*locale);
            assert_eq!(sources.len(), strategies(*locale).len());
            for (s, src) in strategies(*locale).iter().zip(sources) {
                assert_eq!((s.id, s.body), (src.id, src.body));
                match parse(src.steps).as_slice() {
                    [Block::List(steps)] => assert!(steps.len() >= 2, "{}", s.id),
                    other => panic!("{}: steps are {other:?}", s.id),
                }
                assert!(!parse(src.why).is_empty(), "{}", s.id);
                assert!(!s.fits.is_empty() && !s.sources.is_empty() && !s.helps.is_empty());
            }
        }
    }

    /// Each strategy's fragment is what the renderer makes of its why and
    /// steps: the why as prose, the steps as a numbered list of at least two.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_strategy_fragment_is_its_why_and_numbered_steps() {
        use crate::content::render::strategy_html;
        for locale in Locale::ALL {
            let t = locale.strings();
            for src in strategy_sources(*locale) {
                let path = std::path::Path::new(env!("OUT_DIR")).join(src.body);
                let written = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                let html = strategy_html(
                    t.library_why_heading,
                    src.why,
                    t.library_steps_heading,
                    src.steps,
                );
                assert_eq!(written, html, "{}", src.id);
                let (why, steps) = html
                    .split_once("<ol class=\"strategy-steps\">")
                    .unwrap_or_else(|| panic!("{}: no numbered steps", src.id));
                assert!(why.contains(t.library_why_heading), "{}", src.id);
                assert!(why.contains("<p>"), "{}: why is empty", src.id);
                assert!(steps.matches("<li>").count() >= 2, "{}", src.id);
            }
        }
    }

    #[test]
    fn reasons_read_as_sentences() {
        use tend_core::domain::strategy::HelpsWith::*;
        let s = Locale::En.strings();
        assert_eq!(
            reason_text(s, &Reason::StoodOut(vec![Sleep, Arousal])),
            "Chosen because sleep and being on edge stood out."
        );
        assert_eq!(
            reason_text(s, &Reason::StoodOut(vec![Intrusion])),
            "Chosen because intrusive thoughts and images stood out."
        );
        assert_eq!(
            reason_text(s, &Reason::WorkloadMore),
            "Because your answers point more to workload than to others' trauma."
        );
        for r in [
            Reason::Safety,
            Reason::RecentIncident,
            Reason::OthersTraumaMore,
            Reason::Both,
            Reason::SharedSigns,
            Reason::LowSustaining,
            Reason::HealthSignals,
            Reason::NotTiedToWork,
            Reason::NothingRaised,
            Reason::Starter,
            Reason::StoodOut(vec![]),
        ] {
            let text = reason_text(s, &r);
            assert!(!text.contains('{') && text.ends_with('.'), "{r:?}: {text}");
        }
    }

    #[test]
    fn schedules_read_as_words() {
        let s = Locale::En.strings();
        assert_eq!(when_text(s, &When::Weekly(Weekday::Sun)), "Every Sunday");
        assert_eq!(
            when_text(s, &When::Days(vec![Weekday::Mon, Weekday::Thu])),
            "On Monday, Thursday"
        );
        assert_eq!(when_text(s, &When::Daily), "Every day");
    }

    #[test]
    fn every_practice_has_a_strategy() {
        use tend_core::domain::practice::Practice;
        for p in Practice::ALL {
            assert!(
                strategies(Locale::En)
                    .iter()
                    .any(|s| s.practice == Some(*p)),
                "{p:?}"
            );
        }
    }
}
