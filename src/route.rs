//! Screens and their addresses. Tend routes on the URL fragment
//! (`index.html#/learn/burnout`), so any static host, any sub-path and a file
//! inside an LMS package can serve every screen, and a reload always finds
//! `index.html`, with no server rewrite rules.

use tend_core::deploy::{Modules, JOURNAL_PRACTICES};

/// A screen the person can be on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The start screen.
    Home,
    /// The Learn index.
    Learn,
    /// One Learn topic, by slug.
    LearnTopic(String),
    /// The leaders' guide index.
    Leaders,
    /// One leaders' guide page, by slug.
    LeadersTopic(String),
    /// The leader's team pulse: codes members shared, a month's picture.
    TeamPulse,
    /// The organisation self-check: what it is, the saved self-checks,
    /// their comparison, and importing another leader's.
    SelfCheck,
    /// Taking the organisation self-check.
    SelfCheckNew,
    /// The results of one saved self-check, by id.
    SelfCheckResult(String),
    /// The check-in's start: choose an instrument, start or resume.
    CheckIn,
    /// One section of the check-in in progress (1-based).
    CheckInStep(usize),
    /// The results of one check-in, by id.
    Results(String),
    /// The one-minute in-between check.
    Pulse,
    /// Every check-in and pulse over time.
    History,
    /// The strategy library.
    Strategies,
    /// One strategy, by id.
    Strategy(String),
    /// The guided practices.
    Practices,
    /// One guided practice, by id.
    Practice(String),
    /// The person's plan: chosen strategies, the log, time off.
    Plan,
    /// The private journal.
    Journal,
    /// Crisis lines and professional help.
    Help,
    /// The reading list.
    Resources,
    /// Language, theme, data and privacy.
    Settings,
    /// Everything not in the primary navigation, one tap away.
    More,
    /// An address Tend does not know; holds what was asked for.
    NotFound(String),
}

impl Route {
    /// Reads a route from `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#');
        let path = path.split(['?', '#']).next().unwrap_or("");
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let id_ok = |s: &str| {
            !s.is_empty()
                && s.len() <= 64
                && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        };
        let slug_ok = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        };
        match parts.as_slice() {
            [] => Route::Home,
            ["learn"] => Route::Learn,
            ["learn", slug] if slug_ok(slug) => Route::LearnTopic((*slug).to_string()),
            ["leaders"] => Route::Leaders,
            ["leaders", "team"] => Route::TeamPulse,
            ["leaders", "self-check"] => Route::SelfCheck,
            ["leaders", "self-check", "new"] => Route::SelfCheckNew,
            // A shared self-check's id may also hold `_`.
            ["leaders", "self-check", id] if id_ok(&id.replace('_', "-")) => {
                Route::SelfCheckResult((*id).to_string())
            }
            ["leaders", slug] if slug_ok(slug) => Route::LeadersTopic((*slug).to_string()),
            ["check-in"] => Route::CheckIn,
            ["check-in", n] => match n.parse::<usize>() {
                Ok(step) if step >= 1 => Route::CheckInStep(step),
                _ => Route::NotFound(path.to_string()),
            },
            ["results", id] if id_ok(id) => Route::Results((*id).to_string()),
            ["pulse"] => Route::Pulse,
            ["history"] => Route::History,
            ["strategies"] => Route::Strategies,
            ["strategies", slug] if slug_ok(slug) => Route::Strategy((*slug).to_string()),
            ["practice"] => Route::Practices,
            ["practice", slug] if slug_ok(slug) => Route::Practice((*slug).to_string()),
            ["plan"] => Route::Plan,
            ["journal"] => Route::Journal,
            ["help"] => Route::Help,
            ["resources"] => Route::Resources,
            ["settings"] => Route::Settings,
            ["more"] => Route::More,
            _ => Route::NotFound(path.to_string()),
        }
    }

    /// The fragment that leads to this route, for an `href`.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Learn => "#/learn".into(),
            Route::LearnTopic(s) => format!("#/learn/{s}"),
            Route::Leaders => "#/leaders".into(),
            Route::LeadersTopic(s) => format!("#/leaders/{s}"),
            Route::TeamPulse => "#/leaders/team".into(),
            Route::SelfCheck => "#/leaders/self-check".into(),
            Route::SelfCheckNew => "#/leaders/self-check/new".into(),
            Route::SelfCheckResult(id) => format!("#/leaders/self-check/{id}"),
            Route::CheckIn => "#/check-in".into(),
            Route::CheckInStep(n) => format!("#/check-in/{n}"),
            Route::Results(id) => format!("#/results/{id}"),
            Route::Pulse => "#/pulse".into(),
            Route::History => "#/history".into(),
            Route::Strategies => "#/strategies".into(),
            Route::Strategy(s) => format!("#/strategies/{s}"),
            Route::Practices => "#/practice".into(),
            Route::Practice(s) => format!("#/practice/{s}"),
            Route::Plan => "#/plan".into(),
            Route::Journal => "#/journal".into(),
            Route::Help => "#/help".into(),
            Route::Resources => "#/resources".into(),
            Route::Settings => "#/settings".into(),
            Route::More => "#/more".into(),
            Route::NotFound(p) => format!("#/{}", p.trim_start_matches('/')),
        }
    }

    /// The top-level section this route belongs to, for marking the current
    /// navigation item.
    pub fn section(&self) -> Route {
        match self {
            Route::LearnTopic(_) => Route::Learn,
            Route::LeadersTopic(_)
            | Route::TeamPulse
            | Route::SelfCheck
            | Route::SelfCheckNew
            | Route::SelfCheckResult(_) => Route::Leaders,
            Route::CheckInStep(_) | Route::Pulse => Route::CheckIn,
            Route::Results(_) => Route::History,
            Route::Strategy(_) => Route::Strategies,
            Route::Practice(_) | Route::Practices | Route::Journal => Route::Plan,
            other => other.clone(),
        }
    }

    /// The primary navigation entry this route is under: Home, Check-in,
    /// Strategies and Plan for their own screens, More for every other
    /// screen it lists, none for Get help (always in the header) and
    /// unknown addresses.
    pub fn nav_entry(&self) -> Option<Route> {
        match self.section() {
            s @ (Route::Home | Route::CheckIn | Route::Strategies | Route::Plan) => Some(s),
            Route::Help | Route::NotFound(_) => None,
            _ => Some(Route::More),
        }
    }
}

impl Route {
    /// Whether this screen is on under a deployment's `modules`. Everything
    /// outside the optional parts always is.
    pub fn allowed_by(&self, modules: &Modules) -> bool {
        match self {
            Route::Leaders
            | Route::LeadersTopic(_)
            | Route::TeamPulse
            | Route::SelfCheck
            | Route::SelfCheckNew
            | Route::SelfCheckResult(_) => modules.leaders,
            Route::Journal => modules.journal,
            Route::Practice(id) => modules.journal || !JOURNAL_PRACTICES.contains(&id.as_str()),
            Route::Pulse => modules.pulse,
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_screen() {
        let cases = [
            ("", Route::Home),
            ("#", Route::Home),
            ("#/", Route::Home),
            ("#/learn", Route::Learn),
            ("#/learn/", Route::Learn),
            ("#/learn/burnout", Route::LearnTopic("burnout".into())),
            ("#/leaders", Route::Leaders),
            ("#/leaders/team", Route::TeamPulse),
            (
                "#/leaders/supervision",
                Route::LeadersTopic("supervision".into()),
            ),
            ("#/leaders/self-check", Route::SelfCheck),
            ("#/leaders/self-check/new", Route::SelfCheckNew),
            (
                "#/leaders/self-check/sc-m3x9k2a1-4fz0qp",
                Route::SelfCheckResult("sc-m3x9k2a1-4fz0qp".into()),
            ),
            (
                "#/leaders/self-check/from_north_1",
                Route::SelfCheckResult("from_north_1".into()),
            ),
            (
                "#/leaders/self-check/a<b",
                Route::NotFound("/leaders/self-check/a<b".into()),
            ),
            ("#/check-in", Route::CheckIn),
            ("#/check-in/3", Route::CheckInStep(3)),
            ("#/check-in/0", Route::NotFound("/check-in/0".into())),
            ("#/check-in/x", Route::NotFound("/check-in/x".into())),
            ("#/results/c18f3a2b-7", Route::Results("c18f3a2b-7".into())),
            ("#/results/a<b", Route::NotFound("/results/a<b".into())),
            ("#/pulse", Route::Pulse),
            ("#/history", Route::History),
            ("#/help", Route::Help),
            ("#/help?from=x", Route::Help),
            ("#/resources", Route::Resources),
            ("#/settings", Route::Settings),
            ("#/more", Route::More),
            ("#/strategies", Route::Strategies),
            (
                "#/strategies/paced-breathing",
                Route::Strategy("paced-breathing".into()),
            ),
            ("#/practice", Route::Practices),
            ("#/practice/why-cards", Route::Practice("why-cards".into())),
            ("#/plan", Route::Plan),
            ("#/journal", Route::Journal),
            (
                "#/strategies/Not_A_Slug",
                Route::NotFound("/strategies/Not_A_Slug".into()),
            ),
            ("#/nope", Route::NotFound("/nope".into())),
            (
                "#/learn/Bad Slug",
                Route::NotFound("/learn/Bad Slug".into()),
            ),
        ];
        for (hash, want) in cases {
            assert_eq!(Route::parse(hash), want, "{hash}");
        }
    }

    #[test]
    fn href_round_trips() {
        for r in [
            Route::Home,
            Route::Learn,
            Route::LearnTopic("symptoms".into()),
            Route::Leaders,
            Route::LeadersTopic("time-off".into()),
            Route::TeamPulse,
            Route::SelfCheck,
            Route::SelfCheckNew,
            Route::SelfCheckResult("sc-m3x9k2a1-4fz0qp".into()),
            Route::CheckIn,
            Route::CheckInStep(2),
            Route::Results("c1".into()),
            Route::Pulse,
            Route::History,
            Route::Help,
            Route::Resources,
            Route::Settings,
            Route::More,
            Route::Strategies,
            Route::Strategy("time-off".into()),
            Route::Practices,
            Route::Practice("paced-breathing".into()),
            Route::Plan,
            Route::Journal,
        ] {
            assert_eq!(Route::parse(&r.href()), r);
        }
    }

    #[test]
    fn every_screen_but_get_help_sits_under_one_of_five_entries() {
        let entry = |hash: &str| Route::parse(hash).nav_entry().map(|r| r.href());
        for (hash, want) in [
            ("#/", Some("#/")),
            ("#/check-in/2", Some("#/check-in")),
            ("#/pulse", Some("#/check-in")),
            ("#/strategies/paced-breathing", Some("#/strategies")),
            ("#/practice/paced-breathing", Some("#/plan")),
            ("#/journal", Some("#/plan")),
            ("#/history", Some("#/more")),
            ("#/results/c1", Some("#/more")),
            ("#/learn/burnout", Some("#/more")),
            ("#/leaders", Some("#/more")),
            ("#/leaders/self-check", Some("#/more")),
            ("#/leaders/self-check/new", Some("#/more")),
            ("#/resources", Some("#/more")),
            ("#/settings", Some("#/more")),
            ("#/more", Some("#/more")),
            ("#/help", None),
            ("#/nope", None),
        ] {
            assert_eq!(entry(hash).as_deref(), want, "{hash}");
        }
    }

    #[test]
    fn modules_turn_their_screens_off() {
        let off = Modules {
            leaders: false,
            journal: false,
            pulse: false,
        };
        for route in [
            Route::Leaders,
            Route::LeadersTopic("supervision".into()),
            Route::TeamPulse,
            Route::SelfCheck,
            Route::SelfCheckNew,
            Route::SelfCheckResult("sc-1".into()),
            Route::Journal,
            Route::Practice("narrative-journal".into()),
            Route::Practice("creative-journal".into()),
            Route::Pulse,
        ] {
            assert!(!route.allowed_by(&off), "{route:?}");
            assert!(route.allowed_by(&Modules::default()), "{route:?}");
        }
        for route in [
            Route::Home,
            Route::Practice("paced-breathing".into()),
            Route::Help,
        ] {
            assert!(route.allowed_by(&off), "{route:?}");
        }
    }
}
