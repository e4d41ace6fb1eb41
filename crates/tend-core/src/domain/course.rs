//! What a hosting page (a portal or an LMS) may learn about a person's use
//! of Tend: a few milestones, never answers, scores or bands; and when a
//! SCORM course counts as complete.
//!
//! Pure: milestones in, decisions out.

use std::collections::BTreeSet;

/// What marks the course complete in an LMS.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Completion {
    /// Finishing a check-in and seeing its results.
    #[default]
    Results,
    /// Opening every Learn topic.
    Learn,
}

/// Something the person did that a host may hear about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Milestone {
    /// A check-in (or, with `pulse`, the short pulse) was finished; `id` is
    /// the new entry's id and stays inside Tend.
    CheckinCompleted {
        /// The entry's id.
        id: String,
        /// Whether it was the short pulse.
        pulse: bool,
    },
    /// The results of the check-in with this id were shown.
    ResultsViewed(String),
    /// The person added, changed or removed something in their plan.
    PlanSaved,
    /// A Learn topic with this slug was opened.
    LearnTopicViewed(String),
}

impl Milestone {
    /// The event a host page receives for this milestone, if any, as
    /// `(type, kind)`: the message carries nothing else.
    pub fn host_event(&self) -> Option<(&'static str, Option<&'static str>)> {
        match self {
            Milestone::CheckinCompleted { pulse, .. } => Some((
                "tend:checkin-completed",
                Some(if *pulse { "pulse" } else { "check-in" }),
            )),
            Milestone::PlanSaved => Some(("tend:plan-saved", None)),
            Milestone::ResultsViewed(_) | Milestone::LearnTopicViewed(_) => None,
        }
    }
}

/// Tracks when a course is complete under its completion rule.
#[derive(Clone, Debug)]
pub struct CourseProgress {
    rule: Completion,
    learn_topics: BTreeSet<String>,
    finished: BTreeSet<String>,
    seen_topics: BTreeSet<String>,
    complete: bool,
}

impl CourseProgress {
    /// Progress under `rule`, where `learn_topics` are the slugs of every
    /// Learn topic.
    pub fn new<'a>(rule: Completion, learn_topics: impl IntoIterator<Item = &'a str>) -> Self {
        let mut topics = BTreeSet::new();
        for t in learn_topics {
            topics.insert(t.to_string());
        }
        CourseProgress {
            rule,
            learn_topics: topics,
            finished: BTreeSet::new(),
            seen_topics: BTreeSet::new(),
            complete: false,
        }
    }

    /// Whether the course is complete.
    pub fn is_complete(&self) -> bool {
        self.complete
    }

    /// Takes in a milestone; `true` when it is the one that completes the
    /// course (so completion is reported once).
    pub fn note(&mut self, milestone: &Milestone) -> bool {
        if self.complete {
            return false;
        }
        let done = match (self.rule, milestone) {
            (Completion::Results, Milestone::CheckinCompleted { id, pulse: false }) => {
                self.finished.insert(id.clone());
                false
            }
            // Results count only for a check-in finished in this session,
            // not one brought in from a file.
            (Completion::Results, Milestone::ResultsViewed(id)) => self.finished.contains(id),
            (Completion::Learn, Milestone::LearnTopicViewed(slug)) => {
                if self.learn_topics.contains(slug) {
                    self.seen_topics.insert(slug.clone());
                }
                !self.learn_topics.is_empty() && self.seen_topics.len() == self.learn_topics.len()
            }
            _ => false,
        };
        self.complete = done;
        done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finished(id: &str, pulse: bool) -> Milestone {
        Milestone::CheckinCompleted {
            id: id.into(),
            pulse,
        }
    }

    #[test]
    fn results_of_a_check_in_finished_here_complete_the_course_once() {
        let mut p = CourseProgress::new(Completion::Results, ["a", "b"]);
        assert!(!p.note(&Milestone::ResultsViewed("old".into())));
        assert!(!p.note(&finished("p1", true)));
        assert!(!p.note(&Milestone::ResultsViewed("p1".into())));
        assert!(!p.note(&Milestone::LearnTopicViewed("a".into())));
        assert!(!p.note(&finished("c1", false)));
        assert!(!p.is_complete());
        assert!(p.note(&Milestone::ResultsViewed("c1".into())));
        assert!(p.is_complete());
        assert!(!p.note(&Milestone::ResultsViewed("c1".into())));
    }

    #[test]
    fn under_the_learn_rule_every_topic_must_be_opened() {
        let mut p = CourseProgress::new(Completion::Learn, ["a", "b"]);
        assert!(!p.note(&finished("c1", false)));
        assert!(!p.note(&Milestone::ResultsViewed("c1".into())));
        assert!(!p.note(&Milestone::LearnTopicViewed("a".into())));
        assert!(!p.note(&Milestone::LearnTopicViewed("a".into())));
        assert!(!p.note(&Milestone::LearnTopicViewed("zzz".into())));
        assert!(p.note(&Milestone::LearnTopicViewed("b".into())));
        assert!(p.is_complete());
    }

    #[test]
    fn host_events_carry_no_answers() {
        assert_eq!(
            finished("c1", false).host_event(),
            Some(("tend:checkin-completed", Some("check-in")))
        );
        assert_eq!(
            finished("p1", true).host_event(),
            Some(("tend:checkin-completed", Some("pulse")))
        );
        assert_eq!(
            Milestone::PlanSaved.host_event(),
            Some(("tend:plan-saved", None))
        );
        assert_eq!(Milestone::ResultsViewed("c1".into()).host_event(), None);
    }
}
