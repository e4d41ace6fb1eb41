//! Which CONTENT.md facts each piece of content carries. Every fact id must
//! be covered somewhere, and every tag must name a real id; the native test
//! below fails otherwise.

use super::Locale;
use std::collections::BTreeSet;

/// A coverage tag and where it sits, for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// The fact id, such as `DEF-1`.
    pub id: &'static str,
    /// Where the tag sits, such as `en learn/what-it-is: "Many names"`.
    pub place: String,
}

/// Every coverage tag in every locale's content.
pub fn all_tags() -> Vec<Tag> {
    let mut tags = Vec::new();
    for locale in Locale::ALL {
        let content = locale.sources();
        for (what, pages) in [("learn", content.learn), ("leaders", content.leaders)] {
            for page in pages {
                for section in page.sections {
                    for id in section.covers {
                        tags.push(Tag {
                            id,
                            place: format!(
                                "{} {what}/{}: {:?}",
                                locale.code(),
                                page.slug,
                                section.heading
                            ),
                        });
                    }
                }
            }
        }
        for book in content.books {
            for id in book.covers {
                tags.push(Tag {
                    id,
                    place: format!("{} resources/{}", locale.code(), book.id),
                });
            }
        }
        for strategy in super::strategies::strategies(*locale) {
            for id in strategy.sources.iter().filter_map(|s| s.fact_id()) {
                tags.push(Tag {
                    id,
                    place: format!("{} strategies/{}", locale.code(), strategy.id),
                });
            }
        }
        // A check-in that fails to load adds no tags, so the facts its
        // items measure show up as uncovered.
        if let Ok(instrument) = super::instruments::tend(*locale) {
            for item in instrument.items() {
                for id in &item.covers {
                    tags.push(Tag {
                        id: id.as_str(),
                        place: format!("{} check-in/{}", locale.code(), item.id),
                    });
                }
            }
        }
    }
    tags
}

/// The fact ids declared in CONTENT.md: list items that start with an id
/// such as `DEF-1` or `CECERT-5`.
pub fn fact_ids(content_md: &str) -> BTreeSet<String> {
    content_md
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("- "))
        .filter_map(|rest| rest.split_whitespace().next())
        .filter(|word| is_fact_id(word))
        .map(str::to_string)
        .collect()
}

fn is_fact_id(word: &str) -> bool {
    match word.split_once('-') {
        Some((prefix, number)) => {
            !prefix.is_empty()
                && prefix.chars().all(|c| c.is_ascii_uppercase())
                && !number.is_empty()
                && number.chars().all(|c| c.is_ascii_digit())
        }
        None => false,
    }
}

/// What is wrong with coverage: ids no content covers, and tags naming ids
/// that do not exist.
pub fn check(ids: &BTreeSet<String>, tags: &[Tag]) -> (Vec<String>, Vec<Tag>) {
    let covered: BTreeSet<&str> = tags.iter().map(|t| t.id).collect();
    let uncovered = ids
        .iter()
        .filter(|id| !covered.contains(id.as_str()))
        .cloned()
        .collect();
    let unknown = tags
        .iter()
        .filter(|t| !ids.contains(t.id))
        .cloned()
        .collect();
    (uncovered, unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/CONTENT.md");
    const COPY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/CONTENT.md");

    fn content_md() -> String {
        let copy = std::fs::read_to_string(COPY).unwrap_or_default();
        match std::fs::read_to_string(SHARED) {
            Ok(shared) => {
                assert_eq!(
                    shared, copy,
                    "docs/CONTENT.md differs from ../shared/CONTENT.md: copy it over"
                );
                shared
            }
            Err(_) => copy,
        }
    }

    #[test]
    fn reads_ids_from_list_items_only() {
        let md =
            "# T\n- DEF-1 text\n  - HELP-0 nested\n- not an id\n- X-1a no\nDEF-9 not a list item\n";
        let ids: Vec<String> = fact_ids(md).into_iter().collect();
        assert_eq!(ids, vec!["DEF-1", "HELP-0"]);
    }

    #[test]
    fn check_reports_both_directions() {
        let ids: BTreeSet<String> = ["A-1", "A-2"].iter().map(|s| s.to_string()).collect();
        let tags = vec![
            Tag {
                id: "A-1",
                place: "x".into(),
            },
            Tag {
                id: "B-7",
                place: "y".into(),
            },
        ];
        let (uncovered, unknown) = check(&ids, &tags);
        assert_eq!(uncovered, vec!["A-2".to_string()]);
        assert_eq!(
            unknown,
            vec![Tag {
                id: "B-7",
                place: "y".into()
            }]
        );
    }

    #[test]
    fn every_content_id_is_covered_and_every_tag_is_known() {
        let ids = fact_ids(&content_md());
        assert!(ids.len() > 50, "CONTENT.md ids were not read: {ids:?}");
        let (uncovered, unknown) = check(&ids, &all_tags());
        assert!(
            uncovered.is_empty(),
            "facts no content covers: {uncovered:?}"
        );
        assert!(unknown.is_empty(), "tags naming unknown ids: {unknown:?}");
    }

    #[test]
    fn every_self_care_and_ce_cert_id_has_at_least_three_strategies() {
        let ids = fact_ids(&content_md());
        let wanted: Vec<&String> = ids
            .iter()
            .filter(|id| {
                (id.starts_with("HELP-") && id.as_str() != "HELP-0") || id.starts_with("CECERT-")
            })
            .collect();
        assert_eq!(wanted.len(), 12, "{wanted:?}");
        for locale in Locale::ALL {
            for id in &wanted {
                let n = super::super::strategies::strategies(*locale)
                    .iter()
                    .filter(|s| {
                        s.sources
                            .iter()
                            .any(|src| src.fact_id() == Some(id.as_str()))
                    })
                    .count();
                assert!(n >= 3, "{} {id}: only {n} strategies", locale.code());
            }
        }
    }

    #[test]
    fn strategy_tags_count_towards_coverage() {
        let tags = all_tags();
        let from_strategies: Vec<&Tag> = tags
            .iter()
            .filter(|t| t.place.contains(" strategies/"))
            .collect();
        assert!(from_strategies.iter().any(|t| t.id == "CECERT-4"));
        assert!(from_strategies.iter().all(|t| t.id != "workplace"));
        // A strategy tag naming an id CONTENT.md lacks is reported.
        let ids: BTreeSet<String> = ["HELP-1"].iter().map(|s| s.to_string()).collect();
        let (_, unknown) = check(&ids, &tags);
        assert!(unknown.iter().any(|t| t.place.contains(" strategies/")));
    }
}
