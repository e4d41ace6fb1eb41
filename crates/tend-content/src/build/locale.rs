//! Reading one locale: the files of `locales/<code>/` as text
//! ([`LocaleTexts`]), then parsed ([`LocaleContent`]), with the interface
//! strings of every `ui*.toml` flattened to one set of keys.

use super::error::{ContentError, IoAction, KeyProblem};
use super::strategies::StrategyFile;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// One file's text and how messages name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The name errors use, such as `locales/en/learn.toml`.
    pub name: String,
    /// The file's text.
    pub text: String,
}

impl SourceFile {
    /// A file named `name` holding `text`.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        SourceFile {
            name: name.into(),
            text: text.into(),
        }
    }
}

/// The text of one locale's files, before parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleTexts {
    /// The locale's code: its folder's name, such as `en`.
    pub code: String,
    /// Every `ui*.toml`, in file name order.
    pub ui: Vec<SourceFile>,
    /// `learn.toml`: the Learn pages.
    pub learn: SourceFile,
    /// `leaders.toml`: the leaders' guide.
    pub leaders: SourceFile,
    /// `help.toml`: crisis and support contacts per region.
    pub help: SourceFile,
    /// `resources.toml`: the reading list.
    pub resources: SourceFile,
    /// `strategies.toml`: the strategy library.
    pub strategies: SourceFile,
}

/// A file of pages (`learn.toml`, `leaders.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PageFile {
    pub(crate) page: Vec<Page>,
}

/// One page of sections.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Page {
    pub(crate) slug: String,
    pub(crate) title: String,
    pub(crate) summary: String,
    pub(crate) section: Vec<Section>,
}

/// A headed part of a page, tagged with the CONTENT.md facts it covers.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Section {
    pub(crate) heading: String,
    #[serde(default)]
    pub(crate) covers: Vec<String>,
    pub(crate) body: String,
}

/// `help.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct HelpFile {
    pub(crate) region: Vec<Region>,
}

/// A region the person can choose, and its contacts.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Region {
    pub(crate) id: String,
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) note: String,
    #[serde(default)]
    pub(crate) contact: Vec<Contact>,
}

/// A crisis or support line.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Contact {
    pub(crate) label: String,
    pub(crate) detail: String,
    pub(crate) kind: ContactKind,
    pub(crate) value: String,
}

/// How a contact is reached, written `tel`, `sms` or `web`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub(crate) enum ContactKind {
    Phone,
    Text,
    Web,
}

impl TryFrom<String> for ContactKind {
    type Error = String;

    fn try_from(kind: String) -> Result<Self, String> {
        match kind.as_str() {
            "tel" => Ok(ContactKind::Phone),
            "sms" => Ok(ContactKind::Text),
            "web" => Ok(ContactKind::Web),
            other => Err(format!("contact kind `{other}` must be tel, sms or web")),
        }
    }
}

/// `resources.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ResourcesFile {
    pub(crate) book: Vec<Book>,
}

/// A book on the reading list.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Book {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) author: String,
    pub(crate) publisher: String,
    pub(crate) description: String,
    #[serde(default)]
    pub(crate) covers: Vec<String>,
}

/// One locale, parsed.
#[derive(Debug)]
pub(crate) struct LocaleContent {
    pub(crate) code: String,
    /// Every interface string, by flattened key.
    pub(crate) ui: BTreeMap<String, String>,
    pub(crate) learn: PageFile,
    pub(crate) leaders: PageFile,
    pub(crate) help: HelpFile,
    pub(crate) resources: ResourcesFile,
    pub(crate) strategies: StrategyFile,
}

impl LocaleContent {
    /// Parses every file of a locale and flattens its interface strings.
    pub(crate) fn parse(texts: &LocaleTexts) -> Result<Self, ContentError> {
        check_code(&texts.code)?;
        let mut ui = BTreeMap::new();
        for file in &texts.ui {
            let table: toml::Table = parse_toml(file)?;
            flatten("", &table, &mut ui, &file.name)?;
        }
        Ok(LocaleContent {
            code: texts.code.clone(),
            ui,
            learn: parse_toml(&texts.learn)?,
            leaders: parse_toml(&texts.leaders)?,
            help: parse_toml(&texts.help)?,
            resources: parse_toml(&texts.resources)?,
            strategies: parse_toml(&texts.strategies)?,
        })
    }

    /// An interface string the build itself needs.
    pub(crate) fn string(&self, key: &str) -> Result<&str, ContentError> {
        self.ui
            .get(key)
            .map(String::as_str)
            .ok_or_else(|| ContentError::MissingString {
                code: self.code.clone(),
                key: key.to_string(),
            })
    }
}

/// A locale's code names a generated enum variant and constants, so it is
/// a language code: ASCII letters, digits and hyphens, starting with a
/// letter.
fn check_code(code: &str) -> Result<(), ContentError> {
    let ok = code.starts_with(|c: char| c.is_ascii_alphabetic())
        && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if ok {
        Ok(())
    } else {
        Err(ContentError::LocaleName {
            name: code.to_string(),
        })
    }
}

fn parse_toml<T: for<'de> Deserialize<'de>>(file: &SourceFile) -> Result<T, ContentError> {
    toml::from_str(&file.text).map_err(|e| ContentError::Syntax {
        file: file.name.clone(),
        message: e.to_string(),
    })
}

/// Adds the strings of `table` to `out`, a nested table's keys joined to
/// its own with `_` (`[home] title` is `home_title`).
pub(crate) fn flatten(
    prefix: &str,
    table: &toml::Table,
    out: &mut BTreeMap<String, String>,
    file: &str,
) -> Result<(), ContentError> {
    let error = |key: &str, problem| ContentError::Key {
        file: file.to_string(),
        key: key.to_string(),
        problem,
    };
    for (key, value) in table {
        if !key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return Err(error(key, KeyProblem::NotSnakeCase));
        }
        let name = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}_{key}")
        };
        match value {
            toml::Value::String(s) => {
                if s.trim().is_empty() {
                    return Err(error(&name, KeyProblem::Empty));
                }
                if out.insert(name.clone(), s.clone()).is_some() {
                    return Err(error(&name, KeyProblem::DefinedTwice));
                }
            }
            toml::Value::Table(t) => flatten(&name, t, out, file)?,
            _ => return Err(error(&name, KeyProblem::NotStringOrTable)),
        }
    }
    Ok(())
}

/// Reads every locale folder under `root`, English first (the reference
/// and the fallback), the rest in name order. Also returns every path it
/// read, `root` first, for the build to watch.
pub fn read_locales(root: &Path) -> Result<(Vec<LocaleTexts>, Vec<PathBuf>), ContentError> {
    let mut codes: Vec<String> = list(root)?
        .into_iter()
        .filter(|p| p.is_dir())
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    codes.sort();
    codes.retain(|c| c != "en");
    codes.insert(0, "en".to_string());
    let mut read = vec![root.to_path_buf()];
    let locales = codes
        .iter()
        .map(|code| read_locale(&root.join(code), code, &mut read))
        .collect::<Result<_, _>>()?;
    Ok((locales, read))
}

/// Reads the files of one locale folder, adding each path to `read`.
fn read_locale(
    dir: &Path,
    code: &str,
    read: &mut Vec<PathBuf>,
) -> Result<LocaleTexts, ContentError> {
    // Interface strings may be split over several `ui*.toml` files (one per
    // area of the app); together they form one flat set of keys.
    let mut ui_paths: Vec<PathBuf> = list(dir)?
        .into_iter()
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            name.starts_with("ui") && name.ends_with(".toml")
        })
        .collect();
    ui_paths.sort();
    let mut file = |path: PathBuf| -> Result<SourceFile, ContentError> {
        let text = fs::read_to_string(&path).map_err(|e| ContentError::Io {
            action: IoAction::Read,
            path: path.clone(),
            message: e.to_string(),
        })?;
        let name = path.display().to_string();
        read.push(path);
        Ok(SourceFile { name, text })
    };
    let ui = ui_paths
        .into_iter()
        .map(&mut file)
        .collect::<Result<_, _>>()?;
    Ok(LocaleTexts {
        code: code.to_string(),
        ui,
        learn: file(dir.join("learn.toml"))?,
        leaders: file(dir.join("leaders.toml"))?,
        help: file(dir.join("help.toml"))?,
        resources: file(dir.join("resources.toml"))?,
        strategies: file(dir.join("strategies.toml"))?,
    })
}

/// The entries of a folder (those that can be read).
fn list(dir: &Path) -> Result<Vec<PathBuf>, ContentError> {
    let entries = fs::read_dir(dir).map_err(|e| ContentError::Io {
        action: IoAction::List,
        path: dir.to_path_buf(),
        message: e.to_string(),
    })?;
    Ok(entries.filter_map(|e| e.ok()).map(|e| e.path()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::fixture;

    fn ui(text: &str) -> Result<BTreeMap<String, String>, ContentError> {
        let table: toml::Table = toml::from_str(text).map_err(|e| ContentError::Syntax {
            file: "en/ui.toml".into(),
            message: e.to_string(),
        })?;
        let mut out = BTreeMap::new();
        flatten("", &table, &mut out, "en/ui.toml")?;
        Ok(out)
    }

    fn key_problem(text: &str) -> Option<(String, KeyProblem)> {
        match ui(text) {
            Err(ContentError::Key { key, problem, .. }) => Some((key, problem)),
            _ => None,
        }
    }

    #[test]
    fn nested_tables_flatten_to_joined_keys() {
        let got =
            ui("title = \"Tend\"\n[home]\nlead = \"Hi\"\n[home.card]\nsub_title = \"Card\"\n");
        let expected: BTreeMap<String, String> = [
            ("home_card_sub_title", "Card"),
            ("home_lead", "Hi"),
            ("title", "Tend"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        assert_eq!(got, Ok(expected));
    }

    #[test]
    fn a_key_not_in_lower_snake_case_is_refused_by_its_segment() {
        assert_eq!(
            key_problem("[home]\nLead = \"Hi\"\n"),
            Some(("Lead".into(), KeyProblem::NotSnakeCase))
        );
        assert_eq!(
            key_problem("\"kebab-key\" = \"x\"\n"),
            Some(("kebab-key".into(), KeyProblem::NotSnakeCase))
        );
        let message = ui("[home]\nLead = \"Hi\"\n").map_err(|e| e.to_string());
        assert_eq!(
            message,
            Err("en/ui.toml: key `Lead` must be lower_snake_case".to_string())
        );
    }

    #[test]
    fn an_empty_or_blank_string_is_refused() {
        assert_eq!(
            key_problem("[home]\nlead = \"  \"\n"),
            Some(("home_lead".into(), KeyProblem::Empty))
        );
        assert_eq!(
            key_problem("title = \"\"\n"),
            Some(("title".into(), KeyProblem::Empty))
        );
    }

    #[test]
    fn a_key_defined_twice_through_nesting_is_refused() {
        assert_eq!(
            key_problem("home_lead = \"A\"\n[home]\nlead = \"B\"\n"),
            Some(("home_lead".into(), KeyProblem::DefinedTwice))
        );
    }

    #[test]
    fn a_key_defined_in_two_ui_files_is_refused() {
        let mut texts = fixture::en();
        texts.ui.push(SourceFile::new(
            "en/ui-more.toml",
            "[home]\ntitle = \"Again\"\n",
        ));
        let err = LocaleContent::parse(&texts).map(|_| ());
        assert_eq!(
            err.map_err(|e| e.to_string()),
            Err("en/ui-more.toml: `home_title` is defined twice".to_string())
        );
    }

    #[test]
    fn a_value_that_is_not_text_is_refused() {
        assert_eq!(
            key_problem("count = 3\n"),
            Some(("count".into(), KeyProblem::NotStringOrTable))
        );
        assert_eq!(
            key_problem("[home]\nitems = [\"a\"]\n"),
            Some(("home_items".into(), KeyProblem::NotStringOrTable))
        );
    }

    #[test]
    fn a_contact_kind_other_than_tel_sms_or_web_names_the_file() {
        let mut texts = fixture::en();
        texts.help.text = texts.help.text.replace("kind = \"tel\"", "kind = \"fax\"");
        match LocaleContent::parse(&texts) {
            Err(ContentError::Syntax { file, message }) => {
                assert_eq!(file, "en/help.toml");
                assert!(
                    message.contains("contact kind `fax` must be tel, sms or web"),
                    "{message}"
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_unknown_field_names_the_file() {
        let mut texts = fixture::en();
        texts.learn.text.push_str("colour = \"red\"\n");
        assert!(matches!(
            LocaleContent::parse(&texts),
            Err(ContentError::Syntax { file, .. }) if file == "en/learn.toml"
        ));
    }

    #[test]
    fn a_folder_name_must_be_a_language_code() {
        for bad in ["", "1en", "en us", "en_US", "../x"] {
            let mut texts = fixture::en();
            texts.code = bad.to_string();
            assert!(
                matches!(
                    LocaleContent::parse(&texts),
                    Err(ContentError::LocaleName { .. })
                ),
                "{bad:?}"
            );
        }
        let mut texts = fixture::en();
        texts.code = "pt-BR".to_string();
        assert!(LocaleContent::parse(&texts).is_ok());
    }

    #[test]
    fn reading_a_folder_puts_english_first_and_lists_what_it_read() {
        let root = fixture::TempDir::new("read");
        for texts in [fixture::other("fr"), fixture::en(), fixture::other("de")] {
            root.write_locale(&texts);
        }
        let (read, paths) = read_locales(root.path())
            .map_err(|e| e.to_string())
            .unwrap();
        let codes: Vec<&str> = read.iter().map(|l| l.code.as_str()).collect();
        assert_eq!(codes, ["en", "de", "fr"]);
        assert_eq!(paths[0], root.path());
        assert!(paths.contains(&root.path().join("fr").join("ui.toml")));
        assert!(paths.contains(&root.path().join("de").join("strategies.toml")));
        assert_eq!(read[0].ui.len(), 1);
        assert_eq!(read[0].ui[0].text, fixture::en().ui[0].text);
    }

    #[test]
    fn a_missing_file_is_named() {
        let root = fixture::TempDir::new("missing");
        root.write_locale(&fixture::en());
        let help = root.path().join("en").join("help.toml");
        fs::remove_file(&help).unwrap();
        match read_locales(root.path()) {
            Err(ContentError::Io { action, path, .. }) => {
                assert_eq!((action, path), (IoAction::Read, help));
            }
            other => panic!("{other:?}"),
        }
    }
}
