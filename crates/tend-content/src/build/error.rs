//! Why the locale files could not become a build, in plain words naming the
//! file, key, page or strategy.

use std::fmt;
use std::path::PathBuf;

/// Something in `locales/` (or the build's own files) that stops the build.
/// Its text is what the person editing the locale files reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentError {
    /// A file or folder could not be read, listed, created or written.
    Io {
        /// What the build tried to do.
        action: IoAction,
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        message: String,
    },
    /// A file is not TOML, or not TOML of the expected shape (a missing or
    /// unknown field, a contact kind that is not tel, sms or web).
    Syntax {
        /// The file, as messages name it.
        file: String,
        /// What the TOML reader said, with the line.
        message: String,
    },
    /// An interface string key breaks a rule.
    Key {
        /// The `ui*.toml` file, as messages name it.
        file: String,
        /// The key (flattened, or the one bad segment for a badly cased key).
        key: String,
        /// The rule it breaks.
        problem: KeyProblem,
    },
    /// A locale differs from English where every locale must match it.
    Differs {
        /// The locale that differs.
        code: String,
        /// Where it differs.
        difference: Difference,
    },
    /// A strategy breaks a rule of the library.
    Strategy {
        /// The `strategies.toml` file, as messages name it.
        file: String,
        /// The strategy's id, as written.
        id: String,
        /// The rule it breaks.
        problem: StrategyProblem,
    },
    /// A locale lacks an interface string the build itself uses to render
    /// its fragments.
    MissingString {
        /// The locale.
        code: String,
        /// The key.
        key: String,
    },
    /// A locale folder's name cannot name the generated `Locale` variant.
    LocaleName {
        /// The folder's name.
        name: String,
    },
    /// The first locale is not English, the reference every other is
    /// checked against.
    NoEnglish,
    /// A language pack could not be written as JSON.
    Pack {
        /// The locale.
        code: String,
        /// What the JSON writer said.
        message: String,
    },
    /// One of Tend's own instrument definitions in a language is missing,
    /// invalid, or not a faithful translation of the English one.
    Instrument {
        /// The definition's file name (`tend.es.json`).
        file: String,
        /// What is wrong, in plain words.
        message: String,
    },
}

/// What the build tried to do with a file or folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoAction {
    /// Read a file.
    Read,
    /// List a folder.
    List,
    /// Create a folder.
    Create,
    /// Write a file.
    Write,
}

/// A rule an interface string key breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyProblem {
    /// Keys are lower_snake_case, so they can be Rust field names.
    NotSnakeCase,
    /// Its text is empty or only spaces.
    Empty,
    /// Two keys flatten to the same name.
    DefinedTwice,
    /// Its value is neither a string nor a table.
    NotStringOrTable,
    /// A plural string's `other` form does not name `{count}`.
    PluralWithoutCount,
    /// A plural string's form names other placeholders than its `other`
    /// form (a `one` form may leave out `{count}`).
    PluralPlaceholders {
        /// The form's CLDR category.
        form: &'static str,
    },
}

/// Where a locale differs from English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Difference {
    /// English has this interface string key; the locale does not.
    MissingKey(String),
    /// The locale has this interface string key; English does not.
    StrayKey(String),
    /// English's string is plural (one form per CLDR category); the
    /// locale's is not, or lacks an `other` form.
    NotPlural {
        /// English's file, as messages name it.
        en_file: String,
        /// The key.
        key: String,
    },
    /// The locale's string is plural where English's is not.
    UnexpectedPlural {
        /// The locale's file, as messages name it.
        file: String,
        /// The key.
        key: String,
    },
    /// An interface string names other `{placeholders}` than English's.
    Placeholders {
        /// The key.
        key: String,
        /// English's placeholders, sorted.
        en: Vec<String>,
        /// The locale's placeholders, sorted.
        other: Vec<String>,
    },
    /// A page file has a different number of pages.
    PageCount {
        /// `learn` or `leaders`.
        what: &'static str,
        /// Pages in English.
        en: usize,
        /// Pages in the locale.
        other: usize,
    },
    /// A page sits where English has another.
    PageSlug {
        /// `learn` or `leaders`.
        what: &'static str,
        /// English's slug.
        en: String,
        /// The locale's slug.
        other: String,
    },
    /// A page has a different number of sections.
    SectionCount {
        /// `learn` or `leaders`.
        what: &'static str,
        /// The page.
        slug: String,
    },
    /// A page's sections carry other coverage tags.
    SectionTags {
        /// `learn` or `leaders`.
        what: &'static str,
        /// The page.
        slug: String,
    },
    /// Help regions, or their number of contacts, differ.
    Regions,
    /// The reading list's books or their coverage tags differ.
    Books,
    /// Strategy ids, order or tags differ.
    Strategies,
}

/// A rule a strategy breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StrategyProblem {
    /// Its id is not kebab-case.
    NotKebab,
    /// Another strategy in the file has its id.
    UsedTwice,
    /// A text or tag list is empty.
    Empty(&'static str),
    /// Its steps are not one list of at least two `- ` lines.
    Steps,
    /// A tag is not one the app knows.
    UnknownTag {
        /// The field: `time`, `fit`, `sources`, `helps` or `practice`.
        field: &'static str,
        /// The tag as written.
        value: String,
        /// The tags the field allows.
        allowed: Vec<&'static str>,
    },
    /// A tag list names a tag twice.
    TagTwice {
        /// The field.
        field: &'static str,
        /// The tag.
        value: String,
    },
}

impl fmt::Display for IoAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IoAction::Read => "read",
            IoAction::List => "list",
            IoAction::Create => "create",
            IoAction::Write => "write",
        })
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContentError::Io {
                action,
                path,
                message,
            } => write!(f, "cannot {action} {}: {message}", path.display()),
            ContentError::Syntax { file, message } => write!(f, "{file}: {message}"),
            ContentError::Key { file, key, problem } => match problem {
                KeyProblem::NotSnakeCase => {
                    write!(f, "{file}: key `{key}` must be lower_snake_case")
                }
                KeyProblem::Empty => write!(f, "{file}: `{key}` is empty"),
                KeyProblem::DefinedTwice => write!(f, "{file}: `{key}` is defined twice"),
                KeyProblem::NotStringOrTable => {
                    write!(f, "{file}: `{key}` must be a string or a table")
                }
                KeyProblem::PluralWithoutCount => write!(
                    f,
                    "{file}: `{key}` is plural, so its `other` form must name {{count}}"
                ),
                KeyProblem::PluralPlaceholders { form } => write!(
                    f,
                    "{file}: the `{form}` form of `{key}` must name the same placeholders as its `other` form"
                ),
            },
            ContentError::Differs { code, difference } => match difference {
                Difference::MissingKey(key) => write!(f, "{code}/ui.toml is missing `{key}`"),
                Difference::StrayKey(key) => {
                    write!(f, "{code}/ui.toml has `{key}`, which en/ui.toml lacks")
                }
                Difference::NotPlural { en_file, key } => write!(
                    f,
                    "{code}: `{key}` must be a plural table with an `other` form (and `one` and so on as the language needs), as it is in {en_file}"
                ),
                Difference::UnexpectedPlural { file, key } => write!(
                    f,
                    "{file}: `{key}` is plural, but in English it is a plain string"
                ),
                Difference::Placeholders { key, en, other } => write!(
                    f,
                    "{code}/ui.toml: `{key}` has the placeholders {{{}}} where en has {{{}}}",
                    other.join("}, {"),
                    en.join("}, {")
                ),
                Difference::PageCount { what, en, other } => {
                    write!(f, "{code}/{what}.toml has {other} pages, en has {en}")
                }
                Difference::PageSlug { what, en, other } => {
                    write!(f, "{code}/{what}.toml: page `{other}` where en has `{en}`")
                }
                Difference::SectionCount { what, slug } => write!(
                    f,
                    "{code}/{what}.toml: page `{slug}` has a different number of sections"
                ),
                Difference::SectionTags { what, slug } => write!(
                    f,
                    "{code}/{what}.toml: page `{slug}` section tags differ from en"
                ),
                Difference::Regions => {
                    write!(f, "{code}/help.toml regions or contacts differ from en")
                }
                Difference::Books => write!(f, "{code}/resources.toml books differ from en"),
                Difference::Strategies => write!(
                    f,
                    "{code}/strategies.toml: strategy ids or tags differ from en/strategies.toml (same ids, order and tags needed)"
                ),
            },
            ContentError::Strategy { file, id, problem } => match problem {
                StrategyProblem::NotKebab => {
                    write!(f, "{file}: strategy id `{id}` must be kebab-case")
                }
                StrategyProblem::UsedTwice => write!(f, "{file}: strategy id `{id}` is used twice"),
                StrategyProblem::Empty(field) => {
                    write!(f, "{file}: strategy `{id}`: {field} is empty")
                }
                StrategyProblem::Steps => write!(
                    f,
                    "{file}: strategy `{id}`: steps must be one list of at least two `- ` lines"
                ),
                StrategyProblem::UnknownTag {
                    field,
                    value,
                    allowed,
                } => write!(
                    f,
                    "{file}: strategy `{id}`: {field} `{value}` is not one of {}",
                    allowed.join(", ")
                ),
                StrategyProblem::TagTwice { field, value } => {
                    write!(f, "{file}: strategy `{id}`: {field} lists `{value}` twice")
                }
            },
            ContentError::MissingString { code, key } => {
                write!(f, "{code}/ui.toml lacks `{key}`")
            }
            ContentError::LocaleName { name } if name.is_empty() => {
                f.write_str("empty locale folder name")
            }
            ContentError::LocaleName { name } => write!(
                f,
                "locale folder `{name}` must be a language code: ASCII letters, digits and hyphens, starting with a letter"
            ),
            ContentError::NoEnglish => f.write_str(
                "the first locale must be en: English is the reference every other locale is checked against",
            ),
            ContentError::Pack { code, message } => {
                write!(f, "the language pack of {code} could not be written: {message}")
            }
            ContentError::Instrument { file, message } => write!(f, "{file}: {message}"),
        }
    }
}

impl std::error::Error for ContentError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_file_and_the_difference() {
        let e = ContentError::Differs {
            code: "fr".into(),
            difference: Difference::PageCount {
                what: "learn",
                en: 3,
                other: 2,
            },
        };
        assert_eq!(e.to_string(), "fr/learn.toml has 2 pages, en has 3");
        let e = ContentError::Strategy {
            file: "en/strategies.toml".into(),
            id: "walk".into(),
            problem: StrategyProblem::UnknownTag {
                field: "time",
                value: "soon".into(),
                allowed: vec!["longer", "shorter"],
            },
        };
        assert_eq!(
            e.to_string(),
            "en/strategies.toml: strategy `walk`: time `soon` is not one of longer, shorter"
        );
        let e = ContentError::Io {
            action: IoAction::Read,
            path: PathBuf::from("locales/en/help.toml"),
            message: "gone".into(),
        };
        assert_eq!(e.to_string(), "cannot read locales/en/help.toml: gone");
    }
}
