//! A locale against English: the same interface string keys, the same pages
//! (slugs, sections, coverage tags), regions and books. The words differ;
//! the shape may not, so the app can switch language on any screen. (The
//! strategy library is compared in [`super::strategies`].)

use super::error::{ContentError, Difference};
use super::locale::{placeholder_set, HelpFile, LocaleContent, PageFile, ResourcesFile};

/// The first way `other` differs from `en`, if any.
pub(crate) fn against_english(
    en: &LocaleContent,
    other: &LocaleContent,
) -> Result<(), ContentError> {
    let differs = |difference| ContentError::Differs {
        code: other.code.clone(),
        difference,
    };
    // Plural where English is plural, and plain where it is plain, before
    // any key counts as missing.
    for (key, plural) in &en.plurals {
        let Some(theirs) = other.plurals.get(key) else {
            let plain = other.ui.contains_key(key)
                || other.ui.keys().any(|k| {
                    k.strip_prefix(key.as_str())
                        .and_then(|rest| rest.strip_prefix('_'))
                        .is_some_and(|c| super::locale::CATEGORIES.contains(&c))
                });
            if plain {
                return Err(differs(Difference::NotPlural {
                    en_file: plural.file.clone(),
                    key: key.clone(),
                }));
            }
            return Err(differs(Difference::MissingKey(key.clone())));
        };
        let (en_names, other_names) = (
            placeholder_set(plural.other()),
            placeholder_set(theirs.other()),
        );
        if en_names != other_names {
            return Err(differs(Difference::Placeholders {
                key: key.clone(),
                en: en_names,
                other: other_names,
            }));
        }
    }
    if let Some((key, plural)) = other
        .plurals
        .iter()
        .find(|(k, _)| !en.plurals.contains_key(*k))
    {
        if en.ui.contains_key(key) {
            return Err(differs(Difference::UnexpectedPlural {
                file: plural.file.clone(),
                key: key.clone(),
            }));
        }
        return Err(differs(Difference::StrayKey(key.clone())));
    }
    if let Some(key) = en.ui.keys().find(|k| !other.ui.contains_key(*k)) {
        return Err(differs(Difference::MissingKey(key.clone())));
    }
    if let Some(key) = other.ui.keys().find(|k| !en.ui.contains_key(*k)) {
        return Err(differs(Difference::StrayKey(key.clone())));
    }
    for (key, text) in &en.ui {
        let (en_names, other_names) = (
            placeholder_set(text),
            placeholder_set(other.ui.get(key).map_or("", String::as_str)),
        );
        if en_names != other_names {
            return Err(differs(Difference::Placeholders {
                key: key.clone(),
                en: en_names,
                other: other_names,
            }));
        }
    }
    same_pages("learn", &en.learn, &other.learn).map_err(differs)?;
    same_pages("leaders", &en.leaders, &other.leaders).map_err(differs)?;
    if regions(&en.help) != regions(&other.help) {
        return Err(differs(Difference::Regions));
    }
    if books(&en.resources) != books(&other.resources) {
        return Err(differs(Difference::Books));
    }
    Ok(())
}

fn same_pages(what: &'static str, en: &PageFile, other: &PageFile) -> Result<(), Difference> {
    if en.page.len() != other.page.len() {
        return Err(Difference::PageCount {
            what,
            en: en.page.len(),
            other: other.page.len(),
        });
    }
    for (pa, pb) in en.page.iter().zip(&other.page) {
        if pa.slug != pb.slug {
            return Err(Difference::PageSlug {
                what,
                en: pa.slug.clone(),
                other: pb.slug.clone(),
            });
        }
        if pa.section.len() != pb.section.len() {
            return Err(Difference::SectionCount {
                what,
                slug: pb.slug.clone(),
            });
        }
        if pa
            .section
            .iter()
            .zip(&pb.section)
            .any(|(sa, sb)| sa.covers != sb.covers)
        {
            return Err(Difference::SectionTags {
                what,
                slug: pb.slug.clone(),
            });
        }
    }
    Ok(())
}

/// Region ids and their number of contacts: what must match. Each
/// language lists the regions in its own order (Spanish puts the lines
/// that answer in Spanish first), so the order does not count.
fn regions(help: &HelpFile) -> Vec<(&str, usize)> {
    let mut regions: Vec<(&str, usize)> = help
        .region
        .iter()
        .map(|r| (r.id.as_str(), r.contact.len()))
        .collect();
    regions.sort_unstable();
    regions
}

/// Book ids and their coverage tags: what must match.
fn books(resources: &ResourcesFile) -> Vec<(&str, &[String])> {
    resources
        .book
        .iter()
        .map(|b| (b.id.as_str(), b.covers.as_slice()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::fixture;
    use crate::build::locale::LocaleTexts;

    fn parse(texts: &LocaleTexts) -> LocaleContent {
        LocaleContent::parse(texts).unwrap()
    }

    /// The difference `edit` makes to a second locale, or `None`.
    fn difference(edit: impl FnOnce(&mut LocaleTexts)) -> Option<(Difference, String)> {
        let en = parse(&fixture::en());
        let mut fr = fixture::other("fr");
        edit(&mut fr);
        let err = against_english(&en, &parse(&fr)).err()?;
        let text = err.to_string();
        match err {
            ContentError::Differs { code, difference } => {
                assert_eq!(code, "fr");
                Some((difference, text))
            }
            other => panic!("{other}"),
        }
    }

    #[test]
    fn a_translation_with_the_same_shape_passes() {
        assert_eq!(difference(|_| {}), None);
    }

    #[test]
    fn a_missing_key_is_named() {
        let got = difference(|fr| {
            fr.ui[0].text = fr.ui[0].text.replace("lead = ", "# lead = ");
        });
        assert_eq!(
            got,
            Some((
                Difference::MissingKey("home_lead".into()),
                "fr/ui.toml is missing `home_lead`".into()
            ))
        );
    }

    #[test]
    fn a_stray_key_is_named() {
        let got = difference(|fr| fr.ui[0].text.push_str("extra = \"Bonus\"\n"));
        assert_eq!(
            got,
            Some((
                Difference::StrayKey("library_extra".into()),
                "fr/ui.toml has `library_extra`, which en/ui.toml lacks".into()
            ))
        );
    }

    #[test]
    fn a_placeholder_named_differently_is_named() {
        let got = difference(|fr| {
            fr.ui[0].text = fr.ui[0].text.replace("\"par {author}", "\"par {auteur}");
        });
        assert_eq!(
            got,
            Some((
                Difference::Placeholders {
                    key: "resources_by".into(),
                    en: vec!["author".into()],
                    other: vec!["auteur".into()],
                },
                "fr/ui.toml: `resources_by` has the placeholders {auteur} where en has {author}"
                    .into()
            ))
        );
        // The same names in another order are fine.
        assert_eq!(difference(|_| {}), None);
    }

    #[test]
    fn a_plural_must_stay_plural_with_an_other_form() {
        let got = difference(|fr| {
            fr.ui[0].text = fr.ui[0].text.replace(
                "used.one = \"Fait une fois\"\nused.other = \"Fait {count} fois\"",
                "used = \"Fait {count} fois\"",
            );
        });
        assert_eq!(
            got,
            Some((
                Difference::NotPlural {
                    en_file: "en/ui.toml".into(),
                    key: "library_used".into()
                },
                "fr: `library_used` must be a plural table with an `other` form (and `one` and so on as the language needs), as it is in en/ui.toml".into()
            ))
        );
        // Without `other` the table is not a plural at all.
        let got = difference(|fr| {
            fr.ui[0].text = fr.ui[0]
                .text
                .replace("used.other = \"Fait {count} fois\"", "");
        });
        assert!(
            matches!(got, Some((Difference::NotPlural { ref key, .. }, _)) if key == "library_used"),
            "{got:?}"
        );
        // More forms than English is fine: the language may need them.
        let got = difference(|fr| {
            fr.ui[0]
                .text
                .push_str("used.many = \"Fait {count} fois\"\n")
        });
        assert_eq!(got, None);
    }

    #[test]
    fn a_plural_where_english_is_plain_is_named() {
        let got = difference(|fr| {
            fr.ui[0].text = fr.ui[0].text.replace(
                "steps_heading = \"Étapes\"",
                "steps_heading.one = \"Étape\"\nsteps_heading.other = \"{count} étapes\"",
            );
        });
        assert_eq!(
            got,
            Some((
                Difference::UnexpectedPlural {
                    file: "fr/ui.toml".into(),
                    key: "library_steps_heading".into()
                },
                "fr/ui.toml: `library_steps_heading` is plural, but in English it is a plain string".into()
            ))
        );
    }

    #[test]
    fn a_plural_naming_other_placeholders_is_named() {
        let got = difference(|fr| {
            fr.ui[0].text = fr.ui[0]
                .text
                .replace("Fait une fois", "Fait une fois, {when}")
                .replace("Fait {count} fois", "Fait {count} fois, {when}");
        });
        assert_eq!(
            got,
            Some((
                Difference::Placeholders {
                    key: "library_used".into(),
                    en: vec!["count".into()],
                    other: vec!["count".into(), "when".into()],
                },
                "fr/ui.toml: `library_used` has the placeholders {count}, {when} where en has {count}"
                    .into()
            ))
        );
    }

    #[test]
    fn a_different_number_of_pages_is_named() {
        let got = difference(|fr| {
            let page = "[[page]]\nslug = \"more\"\ntitle = \"T\"\nsummary = \"S\"\n\
                        [[page.section]]\nheading = \"H\"\nbody = \"B\"\n";
            fr.leaders.text.push_str(page);
        });
        assert_eq!(
            got,
            Some((
                Difference::PageCount {
                    what: "leaders",
                    en: 1,
                    other: 2
                },
                "fr/leaders.toml has 2 pages, en has 1".into()
            ))
        );
    }

    #[test]
    fn a_renamed_page_is_named() {
        let got = difference(|fr| {
            fr.learn.text = fr.learn.text.replace("what-it-is", "ce-que-c-est");
        });
        assert!(matches!(
            got,
            Some((Difference::PageSlug { what: "learn", .. }, ref text))
                if text == "fr/learn.toml: page `ce-que-c-est` where en has `what-it-is`"
        ));
    }

    #[test]
    fn a_page_with_fewer_sections_is_named() {
        let got = difference(|fr| {
            let cut = fr
                .learn
                .text
                .find("[[page.section]]\nheading = \"A table\"");
            fr.learn.text.truncate(cut.unwrap());
        });
        assert!(matches!(
            got,
            Some((Difference::SectionCount { what: "learn", ref slug }, _)) if slug == "what-it-is"
        ));
    }

    #[test]
    fn a_different_coverage_tag_is_named() {
        let got = difference(|fr| {
            fr.learn.text = fr.learn.text.replace("\"DEF-3\"", "\"DEF-4\"");
        });
        assert_eq!(
            got,
            Some((
                Difference::SectionTags {
                    what: "learn",
                    slug: "what-it-is".into()
                },
                "fr/learn.toml: page `what-it-is` section tags differ from en".into()
            ))
        );
    }

    #[test]
    fn regions_and_books_must_match() {
        let got =
            difference(|fr| fr.help.text = fr.help.text.replace("id = \"us\"", "id = \"usa\""));
        assert!(matches!(got, Some((Difference::Regions, _))));
        let got = difference(|fr| {
            let cut = fr.help.text.find("[[region.contact]]").unwrap();
            let end = fr.help.text.find("[[region]]\nid = \"other\"").unwrap();
            fr.help.text.replace_range(cut..end, "");
        });
        assert!(matches!(got, Some((Difference::Regions, _))));
        let got = difference(|fr| {
            fr.resources.text = fr.resources.text.replace("BOOK-1", "BOOK-2");
        });
        assert_eq!(
            got,
            Some((
                Difference::Books,
                "fr/resources.toml books differ from en".into()
            ))
        );
    }
}
