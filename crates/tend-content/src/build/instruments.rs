//! Tend's own check-in and pulse in each language: every definition English
//! has (`tend.en.json`, each earlier `tend.v<N>.en.json`, `pulse.en.json`)
//! translated faithfully, or none of them. The organisation self-check
//! (`org.en.json`) may be translated too, by a language that translates the
//! check-in; until it is, that language's leaders answer the English one. A
//! translation is checked with the same rule as any definition
//! ([`Instrument::check_translation_of`]) and travels in its language's
//! pack.

use super::error::ContentError;
use super::locale::{LocaleContent, SourceFile};
use crate::pack::InstrumentTexts;
use tend_core::domain::instrument::Instrument;

/// What a definition's file is, from its name (`tend.v1.es.json` is
/// `tend.v1`), or none for a name that is not `<what>.<code>.json`.
fn what(file: &SourceFile) -> Option<&str> {
    let stem = file.name.strip_suffix(".json")?;
    stem.rsplit_once('.').map(|(what, _)| what)
}

fn error(file: impl Into<String>, message: impl Into<String>) -> ContentError {
    ContentError::Instrument {
        file: file.into(),
        message: message.into(),
    }
}

fn read(file: &SourceFile) -> Result<Instrument, ContentError> {
    Instrument::from_json(&file.text).map_err(|e| error(&file.name, e.to_string()))
}

/// `other`'s translations of English's definitions, checked, as its pack
/// carries them; none when `other` has not translated them.
pub(crate) fn translated(
    en: &LocaleContent,
    other: &LocaleContent,
) -> Result<Option<InstrumentTexts>, ContentError> {
    if other.instruments.is_empty() {
        return Ok(None);
    }
    if let Some(stray) = other
        .instruments
        .iter()
        .find(|f| !en.instruments.iter().any(|e| what(e) == what(f)))
    {
        return Err(error(
            &stray.name,
            "English has no definition of this name to translate",
        ));
    }
    let mut checkin = None;
    let mut earlier: Vec<(String, String)> = Vec::new();
    let mut pulse = None;
    let mut org = None;
    for base_file in &en.instruments {
        let name = what(base_file).unwrap_or_default();
        let expected = format!("{name}.{}.json", other.code);
        let Some(file) = other.instruments.iter().find(|f| what(f) == Some(name)) else {
            if name == ORG {
                continue;
            }
            return Err(error(
                expected,
                "missing: a language that translates Tend's check-in translates every version of it and the pulse",
            ));
        };
        let (version, json) = checked(base_file, file, &other.code)?;
        match name {
            "tend" => checkin = Some(json),
            "pulse" => pulse = Some(json),
            ORG => org = Some(json),
            _ => earlier.push((version, json)),
        }
    }
    let (Some(checkin), Some(pulse)) = (checkin, pulse) else {
        return Err(error(
            format!("tend.{}.json", other.code),
            "English's check-in or pulse definition was not read",
        ));
    };
    // Oldest first, as English keeps them: versions are whole numbers.
    earlier.sort_by_key(|(version, _)| version.parse::<u64>().unwrap_or(u64::MAX));
    Ok(Some(InstrumentTexts {
        checkin,
        earlier: earlier.into_iter().map(|(_, json)| json).collect(),
        pulse,
        org,
    }))
}

/// The name of the organisation self-check's files (`org.<code>.json`).
const ORG: &str = "org";

/// `file`, checked as a faithful translation of `base_file` into `code`:
/// its version, and the JSON its pack carries.
fn checked(
    base_file: &SourceFile,
    file: &SourceFile,
    code: &str,
) -> Result<(String, String), ContentError> {
    let (base, ours) = (read(base_file)?, read(file)?);
    if ours.locale != code {
        return Err(error(
            &file.name,
            format!("its locale is \"{}\", not \"{}\"", ours.locale, code),
        ));
    }
    ours.check_translation_of(&base)
        .map_err(|e| error(&file.name, e.to_string()))?;
    let json = serde_json::to_string(&ours).map_err(|e| error(&file.name, e.to_string()))?;
    Ok((ours.version, json))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::fixture;

    const TEND: &str = include_str!("../../../tend-core/src/builtin/tend.en.json");
    const TEND_V1: &str = include_str!("../../../tend-core/src/builtin/tend.v1.en.json");
    const PULSE: &str = include_str!("../../../tend-core/src/builtin/pulse.en.json");
    const ORG_EN: &str = include_str!("../../../tend-core/src/builtin/org/org.en.json");

    /// A pretend translation of an English definition into `code`: the same
    /// definition with its locale changed and its item texts marked.
    fn translate(json: &str, code: &str) -> String {
        json.replace("\"locale\": \"en\"", &format!("\"locale\": \"{code}\""))
            .replace("\"text\": \"", "\"text\": \"~ ")
    }

    fn locales(files: &[(&str, String)]) -> (LocaleContent, LocaleContent) {
        let mut en = fixture::en();
        en.instruments = vec![
            SourceFile::new("tend.en.json", TEND),
            SourceFile::new("tend.v1.en.json", TEND_V1),
            SourceFile::new("pulse.en.json", PULSE),
            SourceFile::new("org.en.json", ORG_EN),
        ];
        let mut fr = fixture::other("fr");
        fr.instruments = files
            .iter()
            .map(|(name, text)| SourceFile::new(*name, text.clone()))
            .collect();
        match (LocaleContent::parse(&en), LocaleContent::parse(&fr)) {
            (Ok(en), Ok(fr)) => (en, fr),
            _ => panic!("the fixture locales do not parse"),
        }
    }

    fn all_translated() -> Vec<(&'static str, String)> {
        vec![
            ("tend.fr.json", translate(TEND, "fr")),
            ("tend.v1.fr.json", translate(TEND_V1, "fr")),
            ("pulse.fr.json", translate(PULSE, "fr")),
        ]
    }

    #[test]
    fn a_full_translation_goes_in_the_pack_oldest_version_first() {
        let (en, fr) = locales(&all_translated());
        let Ok(Some(texts)) = translated(&en, &fr) else {
            panic!("the translation was refused");
        };
        let parse = |json: &str| Instrument::from_json(json).map(|i| (i.version, i.locale));
        assert_eq!(parse(&texts.checkin), Ok(("2".into(), "fr".into())));
        assert_eq!(texts.earlier.len(), 1);
        assert_eq!(parse(&texts.earlier[0]), Ok(("1".into(), "fr".into())));
        assert!(texts.pulse.contains("\"tend-pulse\""));
    }

    #[test]
    fn the_self_check_travels_when_translated_and_is_not_required() {
        let (en, fr) = locales(&all_translated());
        assert_eq!(
            translated(&en, &fr).map(|t| t.and_then(|t| t.org)),
            Ok(None)
        );

        let mut files = all_translated();
        files.push(("org.fr.json", translate(ORG_EN, "fr")));
        let (en, fr) = locales(&files);
        let Ok(Some(texts)) = translated(&en, &fr) else {
            panic!("the translation was refused");
        };
        let org = texts.org.map(|json| Instrument::from_json(&json));
        assert!(
            matches!(&org, Some(Ok(i)) if i.id == "tend-org" && i.locale == "fr"),
            "{org:?}"
        );

        let mut files = all_translated();
        let unfaithful = translate(ORG_EN, "fr")
            .replace("\"id\": \"act-res-library\"", "\"id\": \"act-res-shelf\"");
        files.push(("org.fr.json", unfaithful));
        let (en, fr) = locales(&files);
        let err = translated(&en, &fr).map(|_| ()).unwrap_err().to_string();
        assert!(err.starts_with("org.fr.json: "), "{err}");

        let (en, fr) = locales(&[("org.fr.json", translate(ORG_EN, "fr"))]);
        let err = translated(&en, &fr).map(|_| ()).unwrap_err().to_string();
        assert!(err.starts_with("tend.fr.json: missing"), "{err}");
    }

    #[test]
    fn a_language_without_translations_asks_the_english_ones() {
        let (en, fr) = locales(&[]);
        assert_eq!(translated(&en, &fr), Ok(None));
    }

    #[test]
    fn a_missing_unfaithful_or_stray_translation_is_refused() {
        let mut files = all_translated();
        files.remove(1);
        let (en, fr) = locales(&files);
        let err = translated(&en, &fr).map(|_| ()).unwrap_err().to_string();
        assert!(err.starts_with("tend.v1.fr.json: missing"), "{err}");

        let mut files = all_translated();
        files[0].1 = files[0]
            .1
            .replace("\"subscale\": \"arousal\"", "\"subscale\": \"intrusion\"");
        let (en, fr) = locales(&files);
        let err = translated(&en, &fr).map(|_| ()).unwrap_err().to_string();
        assert!(err.starts_with("tend.fr.json: "), "{err}");

        let mut files = all_translated();
        files[2].1 = files[2]
            .1
            .replace("\"locale\": \"fr\"", "\"locale\": \"de\"");
        let (en, fr) = locales(&files);
        let err = translated(&en, &fr).map(|_| ()).unwrap_err().to_string();
        assert_eq!(err, "pulse.fr.json: its locale is \"de\", not \"fr\"");

        let mut files = all_translated();
        files.push(("team.fr.json", translate(PULSE, "fr")));
        let (en, fr) = locales(&files);
        let err = translated(&en, &fr).map(|_| ()).unwrap_err().to_string();
        assert!(err.starts_with("team.fr.json: English has no"), "{err}");
    }
}
