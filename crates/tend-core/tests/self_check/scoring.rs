use super::*;

#[test]
fn bands_follow_the_documented_thresholds() {
    let table: [(&[i32], f64, &str); 9] = [
        (&[0, 0, 0, 0, 0], 0.0, "just-starting"),
        (&[1, 1, 2], 1.3, "just-starting"),
        (&[2, 1, 1, 2, 1], 1.4, "just-starting"),
        (&[2, 1, 2, 1], 1.5, "partly-in-place"),
        (&[1, 2, 2], 1.7, "partly-in-place"),
        (&[3, 3, 2], 2.7, "partly-in-place"),
        (&[3, 3, 3, 3, 2], 2.8, "partly-in-place"),
        (&[3, 3, 3], 3.0, "well-in-place"),
        (&[4, 4, 4, 4, 4], 4.0, "well-in-place"),
    ];
    for (values, score, band) in table {
        assert_eq!(
            outcome(&levels("policies", values), "policies"),
            Some((score, band.to_string())),
            "{values:?}"
        );
    }
}

#[test]
fn fewer_than_half_answered_is_not_enough() {
    let some = |n: usize, dont_know: usize| {
        let mut answers = vec![Some(A::Level(4)); n];
        answers.extend(vec![Some(A::DontKnow); dont_know]);
        area_answers("safety", &answers)
    };
    let result = score_self_check(instrument(), &some(2, 3));
    let Some(safety) = result.area("safety") else {
        panic!("no safety area");
    };
    assert_eq!(safety.result, SubscaleResult::NotEnoughAnswers);
    assert_eq!(
        (safety.answered, safety.dont_know, safety.statements),
        (2, 3, 5)
    );
    assert_eq!(safety.band(), None);

    let result = score_self_check(instrument(), &some(3, 2));
    let Some(safety) = result.area("safety") else {
        panic!("no safety area");
    };
    assert_eq!(safety.band(), Some("well-in-place"));
    assert_eq!((safety.answered, safety.dont_know), (3, 2));

    // Nothing answered at all: every area, and no focus.
    let result = score_self_check(instrument(), &SelfCheckAnswers::new());
    assert!(result.areas.iter().all(|a| a.score().is_none()));
    assert!(result.focus.is_empty());
    assert_eq!(result.weakest_first().len(), AREAS.len());
}

#[test]
fn answers_tend_does_not_know_count_as_unanswered() {
    let mut answers = levels("routine", &[4, 4, 4]);
    answers.insert("rou-end-of-shift".into(), A::Level(9));
    answers.insert("no-such-statement".into(), A::Level(0));
    answers.insert("no-such-either".into(), A::DontKnow);
    let result = score_self_check(instrument(), &answers);
    let Some(routine) = result.area("routine") else {
        panic!("no routine area");
    };
    assert_eq!((routine.answered, routine.dont_know), (3, 0));
    assert_eq!(result.dont_know(), 0);
}

fn answer() -> impl Strategy<Value = Option<A>> {
    prop_oneof![
        Just(None),
        Just(Some(A::DontKnow)),
        (0..=4i32).prop_map(|v| Some(A::Level(v))),
    ]
}

proptest! {
    /// "Don't know" is counted and never scored: taking every "don't
    /// know" away, or turning it into no answer, leaves every score,
    /// band and count of real answers exactly as it was.
    #[test]
    fn dont_know_never_changes_a_score(picks in prop::collection::vec(answer(), 30)) {
        let ids: Vec<String> = instrument().items().map(|i| i.id.clone()).collect();
        let answers: SelfCheckAnswers = ids
            .iter()
            .zip(&picks)
            .filter_map(|(id, a)| a.map(|a| (id.clone(), a)))
            .collect();
        let without: SelfCheckAnswers = answers
            .iter()
            .filter(|(_, a)| **a != A::DontKnow)
            .map(|(id, a)| (id.clone(), *a))
            .collect();
        let with = score_self_check(instrument(), &answers);
        let plain = score_self_check(instrument(), &without);
        for (a, b) in with.areas.iter().zip(&plain.areas) {
            prop_assert_eq!(&a.result, &b.result);
            prop_assert_eq!(a.answered, b.answered);
            prop_assert_eq!(b.dont_know, 0);
            let dont_know = statements(&a.area)
                .iter()
                .filter(|id| answers.get(*id) == Some(&A::DontKnow))
                .count();
            prop_assert_eq!(a.dont_know, dont_know);
        }
        prop_assert_eq!(&with.focus, &plain.focus);
        let total = picks.iter().filter(|a| **a == Some(A::DontKnow)).count();
        prop_assert_eq!(with.dont_know(), total);
    }

    /// The weakest-first order is a permutation of the areas, scored
    /// ones rising, then those with not enough answered; the focus is
    /// its first two scored areas.
    #[test]
    fn weakest_first_is_a_rising_order(picks in prop::collection::vec(answer(), 30)) {
        let answers: SelfCheckAnswers = instrument()
            .items()
            .zip(&picks)
            .filter_map(|(i, a)| a.map(|a| (i.id.clone(), a)))
            .collect();
        let result = score_self_check(instrument(), &answers);
        let order = result.weakest_first();
        let mut ids: Vec<&str> = order.iter().map(|a| a.area.as_str()).collect();
        ids.sort_unstable();
        let mut all = AREAS.to_vec();
        all.sort_unstable();
        prop_assert_eq!(ids, all);
        let scores: Vec<Option<f64>> = order.iter().map(|a| a.score().map(|s| s.value)).collect();
        let scored = scores.iter().take_while(|s| s.is_some()).count();
        prop_assert!(scores[scored..].iter().all(Option::is_none));
        prop_assert!(scores[..scored].windows(2).all(|w| w[0] <= w[1]));
        let focus: Vec<&str> = result.focus.iter().map(|f| f.area.as_str()).collect();
        let expected: Vec<&str> = order.iter().take(scored.min(2)).map(|a| a.area.as_str()).collect();
        prop_assert_eq!(focus, expected);
    }
}

#[test]
fn the_weakest_come_first_and_ties_keep_the_instrument_s_order() {
    let mut answers = SelfCheckAnswers::new();
    answers.extend(levels("resilience", &[2, 2, 2, 2, 2]));
    answers.extend(levels("safety", &[1, 1, 1, 1, 1]));
    answers.extend(levels("policies", &[1, 1, 1]));
    answers.extend(levels("leadership", &[3, 3, 3, 3, 3]));
    answers.extend(levels("routine", &[0, 0]));
    answers.extend(levels("evaluation", &[0, 1, 0, 1]));
    let result = score_self_check(instrument(), &answers);
    let order: Vec<&str> = result
        .weakest_first()
        .iter()
        .map(|a| a.area.as_str())
        .collect();
    assert_eq!(
        order,
        [
            "evaluation",
            "safety",
            "policies",
            "resilience",
            "leadership",
            "routine"
        ]
    );
    // The areas themselves stay in the instrument's order.
    let listed: Vec<&str> = result.areas.iter().map(|a| a.area.as_str()).collect();
    assert_eq!(listed, AREAS);
    let focus: Vec<&str> = result.focus.iter().map(|f| f.area.as_str()).collect();
    assert_eq!(focus, ["evaluation", "safety"]);
}

#[test]
fn the_two_weakest_get_two_to_four_actions_that_lead_to_the_guide() {
    for weakest in AREAS {
        for second in AREAS.iter().filter(|a| **a != weakest) {
            let mut answers = all_at(4);
            answers.extend(levels(weakest, &[0, 0, 0, 0, 0, 0]));
            answers.extend(levels(second, &[1, 1, 1, 1, 1, 1]));
            let result = score_self_check(instrument(), &answers);
            let focus: Vec<&str> = result.focus.iter().map(|f| f.area.as_str()).collect();
            assert_eq!(focus, [weakest, *second]);
            for area in &result.focus {
                assert!((2..=4).contains(&area.actions.len()), "{}", area.area);
                for action in &area.actions {
                    assert!(!action.text.is_empty());
                    assert!(action.link.is_some(), "{}", action.id);
                }
            }
        }
    }
    // One area scored: one area of focus.
    let result = score_self_check(instrument(), &levels("routine", &[2, 2, 2]));
    let focus: Vec<&str> = result.focus.iter().map(|f| f.area.as_str()).collect();
    assert_eq!(focus, ["routine"]);
}
