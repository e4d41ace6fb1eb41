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
    /// Tend's own instrument definitions in this language, from the
    /// instruments folder (see [`read_instruments`]): `tend.<code>.json`,
    /// `tend.v<N>.<code>.json` and `pulse.<code>.json`. Empty for a language
    /// that has not translated them yet.
    pub instruments: Vec<SourceFile>,
}

/// A file of pages (`learn.toml`, `leaders.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PageFile {
    pub(crate) page: Vec<Page>,
}

/// One page of sections.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Page {
    pub(crate) slug: String,
    pub(crate) title: String,
    pub(crate) summary: String,
    pub(crate) section: Vec<Section>,
}

/// A headed part of a page, tagged with the CONTENT.md facts it covers.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Section {
    pub(crate) heading: String,
    #[serde(default)]
    pub(crate) covers: Vec<String>,
    pub(crate) body: String,
}

/// `help.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct HelpFile {
    pub(crate) region: Vec<Region>,
}

/// A region the person can choose, and its contacts.
#[derive(Debug, Clone, Deserialize)]
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
#[derive(Debug, Clone, Deserialize)]
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
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ResourcesFile {
    pub(crate) book: Vec<Book>,
}

/// A book on the reading list.
#[derive(Debug, Clone, Deserialize)]
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

/// The CLDR plural categories, the keys a plural string's table may have.
pub(crate) const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// A counted interface string: one form per CLDR plural category the
/// language uses (`other` always), chosen by the number at run time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Plural {
    /// The `ui*.toml` file it is in, as messages name it.
    pub(crate) file: String,
    /// Category (`one`, `other`, …) → text.
    pub(crate) forms: BTreeMap<String, String>,
}

impl Plural {
    /// The `other` form, which every plural has.
    pub(crate) fn other(&self) -> &str {
        self.forms.get("other").map_or("", String::as_str)
    }
}

/// One locale, parsed.
#[derive(Debug, Clone)]
pub(crate) struct LocaleContent {
    pub(crate) code: String,
    /// Every interface string, by flattened key, except the plural ones.
    pub(crate) ui: BTreeMap<String, String>,
    /// Every plural interface string, by flattened key.
    pub(crate) plurals: BTreeMap<String, Plural>,
    pub(crate) learn: PageFile,
    pub(crate) leaders: PageFile,
    pub(crate) help: HelpFile,
    pub(crate) resources: ResourcesFile,
    pub(crate) strategies: StrategyFile,
    /// Tend's own instrument definitions in this language, as read.
    pub(crate) instruments: Vec<SourceFile>,
}

impl LocaleContent {
    /// Parses every file of a locale and flattens its interface strings.
    pub(crate) fn parse(texts: &LocaleTexts) -> Result<Self, ContentError> {
        check_code(&texts.code)?;
        let mut ui = BTreeMap::new();
        let mut plurals = BTreeMap::new();
        for file in &texts.ui {
            let table: toml::Table = parse_toml(file)?;
            flatten("", &table, &mut ui, &mut plurals, &file.name)?;
        }
        Ok(LocaleContent {
            code: texts.code.clone(),
            ui,
            plurals,
            learn: parse_toml(&texts.learn)?,
            leaders: parse_toml(&texts.leaders)?,
            help: parse_toml(&texts.help)?,
            resources: parse_toml(&texts.resources)?,
            strategies: parse_toml(&texts.strategies)?,
            instruments: texts.instruments.clone(),
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

/// Whether a table is one plural string rather than a prefix: every key a
/// CLDR plural category, `other` among them.
fn is_plural(table: &toml::Table) -> bool {
    table.contains_key("other") && table.keys().all(|k| CATEGORIES.contains(&k.as_str()))
}

/// The distinct placeholders of a text, sorted.
pub(crate) fn placeholder_set(text: &str) -> Vec<String> {
    let mut names: Vec<String> = crate::render::placeholders(text)
        .into_iter()
        .map(str::to_string)
        .collect();
    names.sort();
    names.dedup();
    names
}

/// A plural table's forms, checked: each a non-empty string; `other`
/// names `{count}`; every form names the same placeholders as `other`
/// (a `one` form may leave out `{count}`, as in "Done once").
fn plural_forms(
    name: &str,
    table: &toml::Table,
    file: &str,
) -> Result<BTreeMap<String, String>, ContentError> {
    let error = |problem| ContentError::Key {
        file: file.to_string(),
        key: name.to_string(),
        problem,
    };
    let mut forms = BTreeMap::new();
    for (category, value) in table {
        let toml::Value::String(text) = value else {
            return Err(ContentError::Key {
                file: file.to_string(),
                key: format!("{name}.{category}"),
                problem: KeyProblem::NotStringOrTable,
            });
        };
        if text.trim().is_empty() {
            return Err(ContentError::Key {
                file: file.to_string(),
                key: format!("{name}.{category}"),
                problem: KeyProblem::Empty,
            });
        }
        forms.insert(category.clone(), text.clone());
    }
    let other = placeholder_set(forms.get("other").map_or("", String::as_str));
    if !other.iter().any(|n| n == "count") {
        return Err(error(KeyProblem::PluralWithoutCount));
    }
    let without_count: Vec<String> = other.iter().filter(|n| *n != "count").cloned().collect();
    for category in CATEGORIES {
        let Some(text) = forms.get(category) else {
            continue;
        };
        let names = placeholder_set(text);
        let ok = names == other || (category == "one" && names == without_count);
        if !ok {
            return Err(error(KeyProblem::PluralPlaceholders { form: category }));
        }
    }
    Ok(forms)
}

/// Adds the strings of `table` to `out`, a nested table's keys joined to
/// its own with `_` (`[home] title` is `home_title`); a table that is a
/// plural string (see [`is_plural`]) goes to `plurals` as one key.
pub(crate) fn flatten(
    prefix: &str,
    table: &toml::Table,
    out: &mut BTreeMap<String, String>,
    plurals: &mut BTreeMap<String, Plural>,
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
                if plurals.contains_key(&name) || out.insert(name.clone(), s.clone()).is_some() {
                    return Err(error(&name, KeyProblem::DefinedTwice));
                }
            }
            toml::Value::Table(t) if is_plural(t) => {
                let forms = plural_forms(&name, t, file)?;
                let plural = Plural {
                    file: file.to_string(),
                    forms,
                };
                if out.contains_key(&name) || plurals.insert(name.clone(), plural).is_some() {
                    return Err(error(&name, KeyProblem::DefinedTwice));
                }
            }
            toml::Value::Table(t) => flatten(&name, t, out, plurals, file)?,
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
        instruments: Vec::new(),
    })
}

/// Reads Tend's own instrument definitions from `dir` into the locales they
/// are written in: a file `<name>.<code>.json` (`tend.es.json`,
/// `tend.v1.es.json`, `pulse.es.json`) goes to locale `<code>`; other files
/// are left alone. Returns every path read, for `cargo:rerun-if-changed`.
pub fn read_instruments(
    dir: &Path,
    locales: &mut [LocaleTexts],
) -> Result<Vec<PathBuf>, ContentError> {
    let mut paths = list(dir)?;
    paths.sort();
    let mut read = vec![dir.to_path_buf()];
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some((_, code)) = name
            .strip_suffix(".json")
            .and_then(|stem| stem.rsplit_once('.'))
        else {
            continue;
        };
        let Some(locale) = locales.iter_mut().find(|l| l.code == code) else {
            continue;
        };
        let text = fs::read_to_string(&path).map_err(|e| ContentError::Io {
            action: IoAction::Read,
            path: path.clone(),
            message: e.to_string(),
        })?;
        locale.instruments.push(SourceFile::new(name, text));
        read.push(path);
    }
    Ok(read)
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
        flatten("", &table, &mut out, &mut BTreeMap::new(), "en/ui.toml")?;
        Ok(out)
    }

    fn plurals(text: &str) -> Result<BTreeMap<String, Plural>, String> {
        let table: toml::Table = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut out = BTreeMap::new();
        let mut plurals = BTreeMap::new();
        flatten("", &table, &mut out, &mut plurals, "en/ui.toml").map_err(|e| e.to_string())?;
        Ok(plurals)
    }

    #[test]
    fn a_table_of_plural_categories_with_other_is_one_plural_key() {
        let got = plurals(
            "[practice]\nused.one = \"Done once\"\nused.other = \"Done {count} times\"\nlead = \"Hi\"\n",
        )
        .unwrap();
        let used = &got["practice_used"];
        assert_eq!(used.file, "en/ui.toml");
        assert_eq!(used.forms["one"], "Done once");
        assert_eq!(used.other(), "Done {count} times");
        assert_eq!(got.len(), 1);
        // Without `other`, or with another key, it is a prefix as before.
        let prefix = ui("[a.b]\none = \"x\"\n[c.d]\none = \"y\"\nother = \"z\"\nextra = \"w\"\n");
        let keys: Vec<String> = prefix.unwrap().into_keys().collect();
        assert_eq!(keys, ["a_b_one", "c_d_extra", "c_d_one", "c_d_other"]);
    }

    #[test]
    fn a_plural_must_name_count_in_other() {
        assert_eq!(
            plurals("[next]\ndue_in.one = \"Tomorrow\"\ndue_in.other = \"Soon\"\n"),
            Err(
                "en/ui.toml: `next_due_in` is plural, so its `other` form must name {count}"
                    .to_string()
            )
        );
    }

    #[test]
    fn every_plural_form_names_the_same_placeholders() {
        // `one` may leave out {count}; nothing else may differ.
        assert!(plurals(
            "[next]\ndue_in.one = \"Tomorrow, {date}\"\ndue_in.other = \"In {count} days, {date}\"\n"
        )
        .is_ok());
        assert_eq!(
            plurals("[next]\ndue_in.one = \"Tomorrow\"\ndue_in.other = \"In {count} days, {date}\"\n"),
            Err("en/ui.toml: the `one` form of `next_due_in` must name the same placeholders as its `other` form".to_string())
        );
        assert_eq!(
            plurals("[next]\ndue_in.few = \"In a few days, {date}\"\ndue_in.other = \"In {count} days, {date}\"\n"),
            Err("en/ui.toml: the `few` form of `next_due_in` must name the same placeholders as its `other` form".to_string())
        );
    }

    #[test]
    fn a_plural_form_must_be_text() {
        assert_eq!(
            plurals("[x]\nn.one = \" \"\nn.other = \"{count}\"\n"),
            Err("en/ui.toml: `x_n.one` is empty".to_string())
        );
        assert_eq!(
            plurals("[x]\nn.one = 1\nn.other = \"{count}\"\n"),
            Err("en/ui.toml: `x_n.one` must be a string or a table".to_string())
        );
        assert_eq!(
            plurals("x_n = \"a\"\n[x]\nn.other = \"{count}\"\n"),
            Err("en/ui.toml: `x_n` is defined twice".to_string())
        );
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
