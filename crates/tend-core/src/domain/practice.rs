//! Guided practices and what this person's own ratings say about them: each
//! use may carry a distress rating (0 to 10) before and after, and
//! [`rank_by_benefit`] orders practices by the average drop.

use super::strategy::tags;

tags! {
    /// A guided practice, each at its own address.
    Practice {
        /// Paced breathing (Parasympathetic Recovery).
        PacedBreathing = "paced-breathing",
        /// The end-of-shift transition ritual.
        ShiftTransition = "shift-transition",
        /// Senses-based grounding for intrusive images.
        SensesGrounding = "senses-grounding",
        /// The worry window, a rumination interrupter.
        WorryWindow = "worry-window",
        /// The emotional-labour check after a hard contact.
        EmotionalLabourCheck = "emotional-labour-check",
        /// "Why I do this work" cards.
        WhyCards = "why-cards",
        /// Conscious Narrative journal prompts.
        NarrativeJournal = "narrative-journal",
        /// Creative-pursuit journal prompts.
        CreativeJournal = "creative-journal",
    }
}

/// The highest distress rating.
pub const MAX_DISTRESS: u8 = 10;

/// How many rated uses a practice needs before it is ranked.
pub const MIN_COUNTED_USES: usize = 3;

/// One use of a practice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PracticeUse {
    /// Which practice.
    pub practice: Practice,
    /// When it was used, in ms since the epoch.
    pub at: i64,
    /// Distress right before, 0 to 10, if the person rated it.
    pub before: Option<u8>,
    /// Distress right after, 0 to 10, if the person rated it.
    pub after: Option<u8>,
}

impl PracticeUse {
    /// How much distress dropped (negative when it rose), when both ratings
    /// are there and on the 0–10 scale.
    pub fn benefit(&self) -> Option<i32> {
        match (self.before, self.after) {
            (Some(b), Some(a)) if b <= MAX_DISTRESS && a <= MAX_DISTRESS => {
                Some(i32::from(b) - i32::from(a))
            }
            _ => None,
        }
    }
}

/// How much a practice has helped this person, on average.
#[derive(Clone, Debug, PartialEq)]
pub struct Benefit {
    /// The practice.
    pub practice: Practice,
    /// The average drop in distress over counted uses; negative when
    /// distress rose on average.
    pub average: f64,
    /// How many uses had both ratings.
    pub counted: usize,
}

/// The practices with at least [`MIN_COUNTED_USES`] uses rated before and
/// after, highest average benefit first. Ties go to the practice with more
/// counted uses, then to the order of [`Practice::ALL`]. An average below
/// zero stays below zero, so a practice that has not helped ranks last.
pub fn rank_by_benefit(uses: &[PracticeUse]) -> Vec<Benefit> {
    let mut ranked: Vec<Benefit> = Practice::ALL
        .iter()
        .filter_map(|&practice| {
            let (sum, counted) = uses
                .iter()
                .filter(|u| u.practice == practice)
                .filter_map(PracticeUse::benefit)
                .fold((0i64, 0usize), |(s, n), b| (s + i64::from(b), n + 1));
            // Division is correctly rounded, so equal true averages (1/3 and
            // 2/6) give equal floats and tie as they should.
            (counted >= MIN_COUNTED_USES).then(|| Benefit {
                practice,
                average: sum as f64 / counted as f64,
                counted,
            })
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.average
            .total_cmp(&a.average)
            .then(b.counted.cmp(&a.counted))
    });
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;
    use Practice::*;

    fn used(practice: Practice, before: Option<u8>, after: Option<u8>) -> PracticeUse {
        PracticeUse {
            practice,
            at: 0,
            before,
            after,
        }
    }

    fn rated(practice: Practice, pairs: &[(u8, u8)]) -> Vec<PracticeUse> {
        pairs
            .iter()
            .map(|&(b, a)| used(practice, Some(b), Some(a)))
            .collect()
    }

    fn order(ranked: &[Benefit]) -> Vec<(Practice, f64, usize)> {
        ranked
            .iter()
            .map(|b| (b.practice, b.average, b.counted))
            .collect()
    }

    #[test]
    fn ids_round_trip() {
        for p in Practice::ALL {
            assert_eq!(Practice::parse(p.id()), Some(*p));
        }
        assert_eq!(Practice::parse("breathing"), None);
    }

    #[test]
    fn highest_average_first() {
        let mut uses = rated(WorryWindow, &[(6, 5), (5, 5), (7, 5)]);
        uses.extend(rated(PacedBreathing, &[(8, 4), (6, 3), (7, 4)]));
        assert_eq!(
            order(&rank_by_benefit(&uses)),
            vec![(PacedBreathing, 10.0 / 3.0, 3), (WorryWindow, 1.0, 3)]
        );
    }

    #[test]
    fn fewer_than_three_counted_uses_are_not_ranked() {
        let mut uses = rated(SensesGrounding, &[(9, 1), (9, 1)]);
        // Uses without both ratings do not count towards the three.
        uses.push(used(SensesGrounding, Some(9), None));
        uses.push(used(SensesGrounding, None, Some(1)));
        uses.push(used(SensesGrounding, None, None));
        uses.extend(rated(WhyCards, &[(4, 3), (4, 3), (4, 3)]));
        assert_eq!(order(&rank_by_benefit(&uses)), vec![(WhyCards, 1.0, 3)]);
        assert!(rank_by_benefit(&[]).is_empty());
    }

    #[test]
    fn skipped_ratings_leave_the_average_alone() {
        let mut uses = rated(NarrativeJournal, &[(6, 4), (6, 4), (6, 4)]);
        uses.push(used(NarrativeJournal, Some(10), None));
        uses.push(used(NarrativeJournal, None, Some(0)));
        // Off the scale: treated like a skipped rating.
        uses.push(used(NarrativeJournal, Some(11), Some(0)));
        assert_eq!(
            order(&rank_by_benefit(&uses)),
            vec![(NarrativeJournal, 2.0, 3)]
        );
    }

    #[test]
    fn negative_benefit_is_kept_negative_and_ranked_last() {
        let mut uses = rated(ShiftTransition, &[(3, 5), (2, 4), (4, 5)]);
        uses.extend(rated(CreativeJournal, &[(5, 5), (5, 5), (5, 5)]));
        uses.extend(rated(EmotionalLabourCheck, &[(5, 4), (5, 4), (5, 4)]));
        let ranked = order(&rank_by_benefit(&uses));
        assert_eq!(
            ranked,
            vec![
                (EmotionalLabourCheck, 1.0, 3),
                (CreativeJournal, 0.0, 3),
                (ShiftTransition, -5.0 / 3.0, 3),
            ]
        );
    }

    #[test]
    fn ties_go_to_more_uses_then_to_practice_order() {
        let mut uses = rated(WhyCards, &[(5, 3), (5, 3), (5, 3)]);
        uses.extend(rated(WorryWindow, &[(5, 3), (5, 3), (5, 3)]));
        uses.extend(rated(PacedBreathing, &[(4, 2), (4, 2), (4, 2), (4, 2)]));
        // 1/3 and 2/6 are the same average.
        uses.extend(rated(SensesGrounding, &[(1, 0), (0, 0), (0, 0)]));
        uses.extend(rated(
            ShiftTransition,
            &[(1, 0), (1, 0), (0, 0), (0, 0), (0, 0), (0, 0)],
        ));
        let ranked = order(&rank_by_benefit(&uses));
        assert_eq!(
            ranked,
            vec![
                (PacedBreathing, 2.0, 4),
                (WorryWindow, 2.0, 3),
                (WhyCards, 2.0, 3),
                (ShiftTransition, 1.0 / 3.0, 6),
                (SensesGrounding, 1.0 / 3.0, 3),
            ]
        );
        // The input order does not matter.
        let mut reversed = uses.clone();
        reversed.reverse();
        assert_eq!(order(&rank_by_benefit(&reversed)), ranked);
    }
}
