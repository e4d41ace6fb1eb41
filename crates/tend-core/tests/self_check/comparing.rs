use super::*;

#[test]
fn self_checks_sit_side_by_side_area_by_area() {
    let earlier = check("sc-a", 1_000, None, all_at(1));
    let later = sample();
    let mut other = check("sc-b", 2_000, Some("Elsewhere"), all_at(3));
    other.instrument_id = "someone-elses".into();
    let table = compare(instrument(), [&earlier, &later, &other]);
    let columns: Vec<(&str, bool)> = table
        .columns
        .iter()
        .map(|c| (c.id.as_str(), c.comparable))
        .collect();
    assert_eq!(
        columns,
        [
            ("sc-a", true),
            ("sc-miiao0lc-1x2y3z", true),
            ("sc-b", false)
        ]
    );
    assert_eq!(table.columns[1].team, later.team);
    let rows: Vec<&str> = table.rows.iter().map(|r| r.area.as_str()).collect();
    assert_eq!(rows, AREAS);
    let own = [
        score_self_check(instrument(), &earlier.answers),
        score_self_check(instrument(), &later.answers),
    ];
    for row in &table.rows {
        assert_eq!(row.cells.len(), 3);
        assert_eq!(row.cells[0].as_ref(), own[0].area(&row.area));
        assert_eq!(row.cells[1].as_ref(), own[1].area(&row.area));
        assert_eq!(row.cells[2], None);
    }
    let resilience = table.rows[0].cells[1].as_ref().map(|c| c.dont_know);
    assert_eq!(resilience, Some(1));
}
