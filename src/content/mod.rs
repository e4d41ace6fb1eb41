//! Everything Tend says, per locale, from `locales/<code>/*.toml` through
//! `build.rs` (which calls `tend_content::build`). Pure data: no browser
//! code here.
//!
//! English's interface strings, page titles and summaries, Get help and
//! strategy words are compiled in; every other language's arrive in its
//! pack, fetched when the language is wanted ([`pack`]), so a new language
//! does not grow the wasm. The bodies of the long pages (Learn, the leaders' guide, the
//! reading list, each strategy's why and steps) are not: the build renders
//! each with [`render`] into an
//! HTML fragment whose file name carries a hash of its text, and the app
//! fetches it when the page is opened. [`Locale::sources`] keeps the written
//! text for native tests (content coverage, fragments match the renderer);
//! the app never calls it, so the linker leaves it out of the wasm.

pub mod coverage;
pub mod instrument_errors;
pub mod instruments;
pub mod pack;
pub mod strategies;

pub use tend_content::{markup, render};

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// All the content of one locale that the app carries.
#[derive(Debug, PartialEq, Eq)]
pub struct Content {
    /// The Learn topics, in reading order.
    pub learn: &'static [Page],
    /// The leaders' guide, in reading order.
    pub leaders: &'static [Page],
    /// Crisis and support contacts, one entry per region choice.
    pub regions: &'static [Region],
    /// The reading list: the address of its fragment (see [`Page::body`]).
    pub reading_list: &'static str,
}

/// One page of learning content, reachable at its own URL.
#[derive(Debug, PartialEq, Eq)]
pub struct Page {
    /// URL segment, the same in every locale.
    pub slug: &'static str,
    /// The page heading.
    pub title: &'static str,
    /// One or two sentences for the index card.
    pub summary: &'static str,
    /// The page body: the address of its HTML fragment, relative to
    /// `index.html` (`content/en/learn-what-it-is.<hash>.html`).
    pub body: &'static str,
}

/// The written text behind one locale's fetched fragments, for tests.
#[derive(Debug)]
pub struct Sources {
    /// The Learn topics, in reading order.
    pub learn: &'static [PageSource],
    /// The leaders' guide, in reading order.
    pub leaders: &'static [PageSource],
    /// The reading list.
    pub books: &'static [Book],
}

/// The written text of one page.
#[derive(Debug)]
pub struct PageSource {
    /// URL segment, as in [`Page::slug`].
    pub slug: &'static str,
    /// The fragment's address, as in [`Page::body`].
    pub body: &'static str,
    /// The page body, in order.
    pub sections: &'static [Section],
}

/// A headed part of a page, tagged with the CONTENT.md facts it carries.
#[derive(Debug)]
pub struct Section {
    /// The section heading.
    pub heading: &'static str,
    /// CONTENT.md fact ids this section covers.
    pub covers: &'static [&'static str],
    /// The text, in the small markup that [`markup::parse`] reads.
    pub body: &'static str,
}

pub use tend_core::contact::ContactKind;

/// A crisis or support line.
#[derive(Debug, PartialEq, Eq)]
pub struct Contact {
    /// Who answers, in a few words.
    pub label: &'static str,
    /// When and how, in one line.
    pub detail: &'static str,
    /// Call, text or web.
    pub kind: ContactKind,
    /// The number or address.
    pub value: &'static str,
}

/// A region the person can choose on the Get help screen.
#[derive(Debug, PartialEq, Eq)]
pub struct Region {
    /// Stable id saved in settings (`us`, `ca`, `uk-ie`, `au`, `other`).
    pub id: &'static str,
    /// The region's name.
    pub name: &'static str,
    /// A note shown above the contacts (may be empty).
    pub note: &'static str,
    /// The contacts for this region.
    pub contacts: &'static [Contact],
}

/// A book on the reading list.
#[derive(Debug)]
pub struct Book {
    /// Stable id.
    pub id: &'static str,
    /// Full title.
    pub title: &'static str,
    /// Author.
    pub author: &'static str,
    /// Publisher.
    pub publisher: &'static str,
    /// One line, in Tend's own words.
    pub description: &'static str,
    /// CONTENT.md fact ids this entry covers.
    pub covers: &'static [&'static str],
}

/// Picks one interface string, so a component can be told which label to
/// show and still follow a change of language.
pub type Label = fn(&Strings) -> &'static str;

/// Picks the best shipped locale for a list of browser languages
/// (`navigator.languages`), falling back to English.
pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Locale {
    for tag in preferred {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if let Some(l) = Locale::ALL.iter().find(|l| l.code() == primary) {
            return *l;
        }
    }
    Locale::En
}

/// Guesses the crisis-line region from browser languages (`en-GB` suggests
/// the UK and Ireland), or `other` when nothing fits.
pub fn guess_region<'a>(preferred: impl IntoIterator<Item = &'a str>) -> &'static str {
    for tag in preferred {
        let country = tag
            .split(['-', '_'])
            .nth(1)
            .unwrap_or("")
            .to_ascii_uppercase();
        let region = match country.as_str() {
            "US" => "us",
            "CA" => "ca",
            "GB" | "IE" => "uk-ie",
            "AU" => "au",
            "ES" => "es",
            "MX" => "mx",
            _ => continue,
        };
        return region;
    }
    "other"
}

/// The CLDR plural category (`zero`, `one`, `two`, `few`, `many` or
/// `other`) of a whole number in a language, by its cardinal rules. The
/// generated plural methods of [`Strings`] pick their form with it. In the
/// browser the rules are the browser's own (`Intl.PluralRules`, through
/// [`crate::platform::intl`]), so no language's rules are compiled into the
/// wasm; natively (the tests) they come from `intl_pluralrules` (CLDR 37).
/// `other` if the code is not a language identifier or the language has no
/// rules: never a panic.
pub fn plural_category(code: &str, count: u64) -> &'static str {
    #[cfg(target_arch = "wasm32")]
    {
        crate::platform::intl::plural_category(code, count)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
        let Ok(language) = code.parse::<unic_langid::LanguageIdentifier>() else {
            return "other";
        };
        let Ok(rules) = PluralRules::create(language, PluralRuleType::CARDINAL) else {
            return "other";
        };
        match rules.select(count) {
            Ok(PluralCategory::ZERO) => "zero",
            Ok(PluralCategory::ONE) => "one",
            Ok(PluralCategory::TWO) => "two",
            Ok(PluralCategory::FEW) => "few",
            Ok(PluralCategory::MANY) => "many",
            _ => "other",
        }
    }
}

/// Finds a locale by its code.
pub fn locale_from_code(code: &str) -> Option<Locale> {
    Locale::ALL.iter().copied().find(|l| l.code() == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_categories_follow_cldr() {
        for (code, count, category) in [
            ("en", 1, "one"),
            ("en", 0, "other"),
            ("en", 2, "other"),
            ("en", 21, "other"),
            ("es", 1, "one"),
            ("es", 2, "other"),
            ("es", 0, "other"),
            ("pl", 3, "few"),
            ("pl", 5, "many"),
            ("ar", 0, "zero"),
            ("ar", 2, "two"),
        ] {
            assert_eq!(plural_category(code, count), category, "{code} {count}");
        }
        // No rules, or no language: `other`, never a panic.
        assert_eq!(plural_category("not a language!", 1), "other");
        assert_eq!(plural_category("", 1), "other");
        assert_eq!(plural_category("qaa", 1), "other");
    }

    #[test]
    fn a_plural_string_picks_its_form_by_count() {
        let t = Locale::En.strings();
        assert_eq!(t.code, "en");
        assert_eq!(t.practice_used(1), "Done once");
        assert_eq!(t.practice_used(2), "Done 2 times");
        assert_eq!(t.practice_used(0), "Done 0 times");
        assert_eq!(t.practice_used(21), "Done 21 times");
        assert!(t.next_due_in(1, "Friday").contains("tomorrow, Friday"));
        assert!(t
            .next_due_in(14, "Friday")
            .contains("due in 14 days, on Friday"));
    }

    #[test]
    fn negotiation_falls_back_to_english() {
        assert_eq!(negotiate(["xx-YY", "en-GB"]), Locale::En);
        assert_eq!(negotiate(Vec::<&str>::new()), Locale::En);
    }

    #[test]
    fn region_guess_uses_the_first_known_country() {
        assert_eq!(guess_region(["fr-FR", "en-GB"]), "uk-ie");
        assert_eq!(guess_region(["en"]), "other");
        assert_eq!(guess_region(["es-US"]), "us");
        assert_eq!(guess_region(["en_AU"]), "au");
        assert_eq!(guess_region(["es-MX", "es"]), "mx");
        assert_eq!(guess_region(["es-ES"]), "es");
    }

    /// The fragments the build wrote are exactly what the renderer makes of
    /// the written text, under the names the app will fetch.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn fragments_are_the_rendered_sources_under_the_names_the_app_uses() {
        let written = |path: &str| {
            std::fs::read_to_string(std::path::Path::new(env!("OUT_DIR")).join(path))
                .unwrap_or_else(|e| panic!("{path}: {e}"))
        };
        let mut expected = Vec::new();
        for locale in Locale::ALL {
            let (content, sources, t) = (locale.content(), locale.sources(), locale.strings());
            for (pages, sources) in [
                (content.learn, sources.learn),
                (content.leaders, sources.leaders),
            ] {
                assert_eq!(pages.len(), sources.len());
                for (page, source) in pages.iter().zip(sources) {
                    assert_eq!((page.slug, page.body), (source.slug, source.body));
                    let html =
                        render::sections_html(source.sections.iter().map(|s| (s.heading, s.body)));
                    assert_eq!(written(page.body), html, "{}", page.body);
                    assert_eq!(html.matches("<h2>").count(), source.sections.len());
                    expected.push(page.body);
                }
            }
            let books = render::books_html(
                t.resources_by,
                t.resources_publisher,
                sources.books.iter().map(|b| render::BookEntry {
                    title: b.title,
                    author: b.author,
                    publisher: b.publisher,
                    description: b.description,
                }),
            );
            assert_eq!(written(content.reading_list), books);
            expected.push(content.reading_list);
            // Each strategy's fragment is checked against its text in
            // `strategies::tests`.
            expected.extend(strategies::strategies(*locale).iter().map(|s| s.body));
        }
        assert_eq!(FRAGMENTS, expected.as_slice());
        // The site also serves every language's pack but English's.
        let packs: Vec<&str> = Locale::ALL.iter().filter_map(|l| l.pack()).collect();
        for (locale, path) in Locale::ALL[1..].iter().zip(&packs) {
            assert_eq!(written(path), locale.pack_text());
        }
        expected.extend(packs);
        let manifest = written("content/manifest.txt");
        assert_eq!(manifest.lines().collect::<Vec<_>>(), expected);
        for path in FRAGMENTS {
            assert!(
                path.starts_with("content/") && path.ends_with(".html") && !path.contains(".."),
                "{path} must be a relative path inside content/"
            );
        }
        for path in Locale::ALL.iter().filter_map(|l| l.pack()) {
            assert!(
                path.starts_with("content/") && path.ends_with(".json") && !path.contains("..")
            );
        }
    }

    #[test]
    fn every_region_contact_has_a_working_link() {
        for locale in Locale::ALL {
            for region in locale.content().regions {
                for c in region.contacts {
                    assert!(
                        c.kind.href(c.value).is_some(),
                        "{} {}: {}",
                        locale.code(),
                        region.id,
                        c.value
                    );
                }
            }
        }
    }
}
