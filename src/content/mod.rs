//! Everything Tend says, per locale, compiled in from `locales/<code>/*.toml`
//! by `build.rs`. Pure data: no browser code here.

pub mod coverage;
pub mod instruments;
pub mod markup;
pub mod strategies;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// All the content of one locale.
#[derive(Debug)]
pub struct Content {
    /// The Learn topics, in reading order.
    pub learn: &'static [Page],
    /// The leaders' guide, in reading order.
    pub leaders: &'static [Page],
    /// Crisis and support contacts, one entry per region choice.
    pub regions: &'static [Region],
    /// The reading list.
    pub books: &'static [Book],
}

/// One page of learning content, reachable at its own URL.
#[derive(Debug)]
pub struct Page {
    /// URL segment, the same in every locale.
    pub slug: &'static str,
    /// The page heading.
    pub title: &'static str,
    /// One or two sentences for the index card.
    pub summary: &'static str,
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

/// How a contact is reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactKind {
    /// A phone call (`tel:`).
    Phone,
    /// A text message (`sms:`).
    Text,
    /// A web page (`https:`).
    Web,
}

impl ContactKind {
    /// The link for reaching `value` this way, or `None` when the value
    /// is not a plain phone number or an https address.
    pub fn href(self, value: &str) -> Option<String> {
        match self {
            ContactKind::Phone | ContactKind::Text => {
                let digits: String = value
                    .chars()
                    .filter(|c| !matches!(c, ' ' | '-' | '.'))
                    .collect();
                let plain = !digits.is_empty()
                    && digits
                        .chars()
                        .enumerate()
                        .all(|(i, c)| c.is_ascii_digit() || (i == 0 && c == '+'));
                let scheme = if self == ContactKind::Phone {
                    "tel"
                } else {
                    "sms"
                };
                plain.then(|| format!("{scheme}:{digits}"))
            }
            ContactKind::Web => value.starts_with("https://").then(|| value.to_string()),
        }
    }
}

/// A crisis or support line.
#[derive(Debug)]
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
#[derive(Debug)]
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

/// Fills `{name}` placeholders in a locale string.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

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
            _ => continue,
        };
        return region;
    }
    "other"
}

/// Finds a locale by its code.
pub fn locale_from_code(code: &str) -> Option<Locale> {
    Locale::ALL.iter().copied().find(|l| l.code() == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_links_keep_only_digits_and_a_leading_plus() {
        assert_eq!(
            ContactKind::Phone.href("116 123").as_deref(),
            Some("tel:116123")
        );
        assert_eq!(ContactKind::Text.href("988").as_deref(), Some("sms:988"));
        assert_eq!(
            ContactKind::Phone.href("+61 13 11 14").as_deref(),
            Some("tel:+61131114")
        );
        assert_eq!(ContactKind::Phone.href("javascript:alert(1)"), None);
        assert_eq!(ContactKind::Phone.href("1+2"), None);
        assert_eq!(ContactKind::Web.href("http://example.org"), None);
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(
            fill("{n} of {total}", &[("n", "2"), ("total", "5")]),
            "2 of 5"
        );
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
