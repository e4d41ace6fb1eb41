use super::*;

#[test]
fn it_loads_validates_and_is_an_organisation_self_check() {
    let i = instrument();
    assert_eq!(i.id, ORG_ID);
    assert_eq!(i.kind, InstrumentKind::Organisation);
    assert_eq!(i.locale, "en");
    assert_eq!(i.validate(), Ok(()));
    assert_eq!(i.scale.dont_know.as_deref(), Some("Don't know"));
    assert_eq!(i.scale.prefer_not, None);
    let labels: Vec<&str> = i.scale.labels.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Not at all", "A little", "Partly", "Mostly", "Fully"]
    );
    let areas: Vec<&str> = i.subscales.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(areas, AREAS);
    assert_eq!(i.items().count(), 30);
}

#[test]
fn every_area_has_four_to_six_statements_and_each_belongs_to_one() {
    let i = instrument();
    let mut seen = BTreeSet::new();
    for area in AREAS {
        let ids = statements(area);
        assert!((4..=6).contains(&ids.len()), "{area}: {}", ids.len());
        for id in ids {
            assert!(seen.insert(id.clone()), "{id} is in two areas");
        }
    }
    assert_eq!(seen.len(), i.items().count());
    assert!(i.items().all(|item| item.kind == ItemKind::Scale));
    assert!(i.subscales.iter().all(|s| s.parent.is_none()));
}

/// A rough guard on plain words: one short sentence each, no jargon
/// or initials a new manager would have to look up.
#[test]
fn every_statement_is_one_plain_sentence() {
    for item in instrument().items() {
        let text = &item.text;
        let words = text.split_whitespace().count();
        assert!((6..=28).contains(&words), "{}: {words} words", item.id);
        assert!(text.ends_with('.'), "{}", item.id);
        assert_eq!(text.matches(". ").count(), 0, "{}", item.id);
        for jargon in [
            "STS",
            "EAP",
            "trauma-informed",
            "vicarious",
            "stakeholder",
            "leverage",
            "KPI",
        ] {
            assert!(!text.contains(jargon), "{}: {jargon}", item.id);
        }
    }
}

#[test]
fn every_area_offers_two_to_four_actions_each_with_a_guide_link() {
    let i = instrument();
    let mut in_file = BTreeSet::new();
    for area in &i.subscales {
        assert!(
            (2..=4).contains(&area.actions.len()),
            "{}: {}",
            area.id,
            area.actions.len()
        );
        for action in &area.actions {
            assert!(!action.text.trim().is_empty());
            assert!(
                guide_link(&i.id, &action.id).is_some(),
                "{} has no link",
                action.id
            );
            in_file.insert(action.id.as_str());
        }
    }
    let linked: BTreeSet<&str> = ORG_ACTION_LINKS.iter().map(|(id, _)| *id).collect();
    assert_eq!(linked, in_file, "a link names an action the file lacks");
    assert_eq!(
        linked.len(),
        ORG_ACTION_LINKS.len(),
        "an action linked twice"
    );
    // Links belong to Tend's own self-check only.
    assert_eq!(guide_link("someone-elses", "act-res-induction"), None);
}

/// Reads the leaders' guide of every language as the build does and
/// checks that each action's page exists there and covers its fact.
#[test]
fn every_action_leads_to_a_guide_page_that_covers_its_fact() {
    #[derive(serde::Deserialize)]
    struct Guide {
        page: Vec<Page>,
    }
    #[derive(serde::Deserialize)]
    struct Page {
        slug: String,
        section: Vec<Section>,
    }
    #[derive(serde::Deserialize)]
    struct Section {
        #[serde(default)]
        covers: Vec<String>,
    }
    let content = include_str!("../../../../docs/CONTENT.md");
    for fact in LeadFact::ALL {
        assert!(
            content.contains(&format!("- {} ", fact.id())),
            "{} is not in CONTENT.md",
            fact.id()
        );
    }
    let locales = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    let mut read = 0;
    for dir in std::fs::read_dir(&locales).into_iter().flatten().flatten() {
        let path = dir.path().join("leaders.toml");
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let guide: Guide = match toml::from_str(&text) {
            Ok(g) => g,
            Err(e) => panic!("{}: {e}", path.display()),
        };
        let covers: BTreeMap<&str, BTreeSet<&str>> = guide
            .page
            .iter()
            .map(|p| {
                let tags = p
                    .section
                    .iter()
                    .flat_map(|s| s.covers.iter().map(String::as_str))
                    .collect();
                (p.slug.as_str(), tags)
            })
            .collect();
        for (action, link) in ORG_ACTION_LINKS {
            let Some(tags) = covers.get(link.page) else {
                panic!(
                    "{}: {action} links to no page \"{}\"",
                    path.display(),
                    link.page
                );
            };
            assert!(
                tags.contains(link.lead.id()),
                "{}: page \"{}\" does not cover {} ({action})",
                path.display(),
                link.page,
                link.lead.id()
            );
        }
        read += 1;
    }
    assert!(read >= 2, "only {read} leaders' guides found");
    // Every fact is put into practice by some action.
    let used: BTreeSet<LeadFact> = ORG_ACTION_LINKS.iter().map(|(_, l)| l.lead).collect();
    assert_eq!(used.len(), LeadFact::ALL.len());
}
