//! A language pack: everything one language says that the app shows from
//! memory — its interface strings, the titles and summaries of its pages and
//! strategies, and all of Get help — as one JSON file.
//!
//! English is compiled into the app, so Tend always has words to show. Every
//! other language is a pack: the build writes it as
//! `content/<code>/pack.<hash>.json` (with [`crate::build`]) and the app
//! fetches it when that language is chosen, so a new language adds a file
//! beside the app, not bytes to the wasm. The build and the app share these
//! types, so what one writes is what the other reads.
//!
//! Page bodies are not here: they are already fetched one by one as HTML
//! fragments, and a pack names them by address (`body`).
//!
//! Tend's own check-in and pulse in the language travel in the pack too, as
//! their definitions' JSON, when the language has them (`instruments`);
//! until it does, its speakers are asked the English ones. So does its
//! organisation self-check, when the language has translated it as well.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One language's pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// The language code (`es`, `pt-BR`).
    pub code: String,
    /// Every interface string by its flattened key (`home_title`,
    /// `practice_used`).
    pub strings: BTreeMap<String, Text>,
    /// The Learn topics, in reading order.
    pub learn: Vec<PageText>,
    /// The leaders' guide, in reading order.
    pub leaders: Vec<PageText>,
    /// Get help's regions and their lines.
    pub regions: Vec<RegionText>,
    /// The address of the reading list's fragment.
    pub reading_list: String,
    /// Each strategy's words, in library order (the same ids and tags as
    /// English; the tags are English's).
    pub strategies: Vec<StrategyText>,
    /// Tend's own check-in and pulse in this language, if it has them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instruments: Option<InstrumentTexts>,
}

/// Tend's own check-in (each version) and pulse in one language, as the
/// definitions' JSON text, each a checked translation of the English one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstrumentTexts {
    /// The check-in's current version.
    pub checkin: String,
    /// Its earlier versions, oldest first: the same versions English keeps.
    pub earlier: Vec<String>,
    /// The one-minute pulse.
    pub pulse: String,
    /// The organisation self-check, when this language has translated it
    /// (leaders are shown the English one until it does).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
}

/// One interface string: a text, or the plural forms of a counted one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Text {
    /// A text, perhaps with `{placeholders}`.
    One(String),
    /// The CLDR plural forms of a counted string.
    Plural(PluralForms),
}

/// The forms of a counted string that a language uses; `other` always.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PluralForms {
    /// For zero, where the language has the category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zero: Option<String>,
    /// For one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one: Option<String>,
    /// For two, where the language has the category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub two: Option<String>,
    /// For a few, where the language has the category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub few: Option<String>,
    /// For many, where the language has the category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub many: Option<String>,
    /// Every other number.
    pub other: String,
}

/// A page's title and summary, and where its body is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageText {
    /// URL segment, the same in every language.
    pub slug: String,
    /// The heading.
    pub title: String,
    /// One or two sentences for the index card.
    pub summary: String,
    /// The address of the body's fragment.
    pub body: String,
}

/// A region of Get help and its lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionText {
    /// Stable id, the same in every language (`us`, `other`).
    pub id: String,
    /// The region's name.
    pub name: String,
    /// A note above the lines (may be empty).
    pub note: String,
    /// The lines.
    pub contacts: Vec<ContactText>,
}

/// A crisis or support line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactText {
    /// Who answers.
    pub label: String,
    /// When and how.
    pub detail: String,
    /// How it is reached.
    pub kind: ContactWay,
    /// The number or address.
    pub value: String,
}

/// How a line is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContactWay {
    /// A call.
    Phone,
    /// A text message.
    Text,
    /// A web page.
    Web,
}

/// A strategy's words and where its why and steps are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrategyText {
    /// Stable id, the same in every language.
    pub id: String,
    /// The title.
    pub title: String,
    /// One sentence for the card.
    pub summary: String,
    /// The address of the why-and-steps fragment.
    pub body: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_string_and_a_plural_are_told_apart_by_shape() {
        let json = r#"{"a":"Hola {name}","b":{"one":"Una vez","other":"{count} veces"}}"#;
        let strings: BTreeMap<String, Text> = serde_json::from_str(json).unwrap();
        assert_eq!(strings["a"], Text::One("Hola {name}".into()));
        assert_eq!(
            strings["b"],
            Text::Plural(PluralForms {
                zero: None,
                one: Some("Una vez".into()),
                two: None,
                few: None,
                many: None,
                other: "{count} veces".into(),
            })
        );
        assert_eq!(serde_json::to_string(&strings).unwrap(), json);
    }

    #[test]
    fn a_plural_without_other_or_with_an_unknown_form_is_refused() {
        for json in [r#"{"one":"x"}"#, r#"{"other":"x","several":"y"}"#, "7"] {
            assert!(serde_json::from_str::<Text>(json).is_err(), "{json}");
        }
    }

    #[test]
    fn unknown_fields_are_refused() {
        let json = r#"{"id":"a","title":"b","summary":"c","body":"d","extra":1}"#;
        let err = serde_json::from_str::<StrategyText>(json).unwrap_err();
        assert!(err.to_string().contains("unknown field `extra`"), "{err}");
        let kind = serde_json::from_str::<ContactWay>(r#""fax""#);
        assert!(kind.is_err());
        assert_eq!(
            serde_json::to_string(&ContactWay::Phone).unwrap(),
            r#""phone""#
        );
    }
}
