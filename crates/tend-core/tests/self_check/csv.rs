use super::*;

fn rows(text: &str) -> Vec<Vec<String>> {
    assert!(text.ends_with("\r\n"));
    text.split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

#[test]
fn it_holds_area_scores_and_nothing_else() {
    let later = sample();
    let earlier = check("sc-a", 1_700_000_000_000, Some("Day team"), all_at(1));
    let mut other = check("sc-b", 1_700_000_000_000, None, all_at(3));
    other.instrument_id = "someone-elses".into();
    let text = csv_of_area_scores(instrument(), [&later, &other, &earlier], 0);
    let rows = rows(&text);
    assert_eq!(rows[0], CSV_COLUMNS);
    assert_eq!(rows.len(), 1 + 2 * AREAS.len());
    assert!(rows.iter().all(|r| r.len() == CSV_COLUMNS.len()));
    // Oldest first, areas in the instrument's order.
    let ids: Vec<(&str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[1].as_str(), r[2].as_str()))
        .collect();
    let expected: Vec<(&str, &str)> = ["sc-a", "sc-miiao0lc-1x2y3z"]
        .iter()
        .flat_map(|c| AREAS.iter().map(move |a| (*c, *a)))
        .collect();
    assert_eq!(ids, expected);
    assert_eq!(
        rows[1],
        [
            "2023-11-14",
            "sc-a",
            "resilience",
            "1.0",
            "just-starting",
            "0",
            "5",
            "5"
        ]
    );
    // The sample: resilience has a "don't know", policies a 0.
    let resilience = &rows[7];
    assert_eq!(
        resilience,
        &[
            "2025-11-28",
            "sc-miiao0lc-1x2y3z",
            "resilience",
            "2.0",
            "partly-in-place",
            "1",
            "4",
            "5"
        ]
    );
    let policies = &rows[9];
    assert_eq!(policies[3], "1.6");
    // No statement, answer label, team name or instrument words.
    for item in instrument().items() {
        assert!(!text.contains(&item.id), "{}", item.id);
    }
    for word in ["Night", "Day team", "North", "Fully", "Don't know"] {
        assert!(!text.contains(word), "{word}");
    }
}

#[test]
fn an_area_without_a_score_says_so_and_dates_are_the_leader_s() {
    let mut answers = levels("safety", &[3, 3]);
    answers.extend(
        statements("safety")
            .into_iter()
            .skip(2)
            .map(|id| (id, A::DontKnow)),
    );
    // 23:30 UTC on 14 November 2023.
    let at = 1_700_004_600_000;
    let one = check("sc-late", at, None, answers);
    let utc = csv_of_area_scores(instrument(), [&one], 0);
    let ahead = csv_of_area_scores(instrument(), [&one], 60);
    let behind = csv_of_area_scores(instrument(), [&one], -24 * 60);
    assert!(
        utc.contains("2023-11-14,sc-late,safety,,not-enough-answered,3,2,5\r\n"),
        "{utc}"
    );
    assert!(ahead.contains("\r\n2023-11-15,sc-late,"), "{ahead}");
    assert!(behind.contains("\r\n2023-11-13,sc-late,"), "{behind}");
    assert!(utc.contains(NOT_ENOUGH_ANSWERED));
    // Only a header when there is nothing to export.
    assert_eq!(
        csv_of_area_scores(instrument(), [], 0),
        format!("{}\r\n", CSV_COLUMNS.join(","))
    );
}
