//! Writes each language's [`Pack`]: what the app shows from memory in that
//! language, as JSON under `content/<code>/pack.<hash>.json`, named by a
//! hash of its text like the fragments. English is compiled into the app
//! and gets a pack only for the tests that check a pack carries everything
//! (see `Locale::pack_text`).

use super::error::ContentError;
use super::fragments::{content_hash, Fragment, LocaleFragments};
use super::locale::{ContactKind, LocaleContent, PageFile};
use crate::pack::{
    ContactText, ContactWay, InstrumentTexts, Pack, PageText, PluralForms, RegionText,
    StrategyText, Text,
};

fn pages(file: &PageFile, bodies: &[Fragment]) -> Vec<PageText> {
    file.page
        .iter()
        .zip(bodies)
        .map(|(p, body)| PageText {
            slug: p.slug.clone(),
            title: p.title.clone(),
            summary: p.summary.clone(),
            body: body.path.clone(),
        })
        .collect()
}

/// One locale's pack, with its translations of Tend's own instruments.
pub(crate) fn pack(
    l: &LocaleContent,
    f: &LocaleFragments,
    instruments: Option<InstrumentTexts>,
) -> Pack {
    let mut strings: std::collections::BTreeMap<String, Text> =
        l.ui.iter()
            .map(|(k, v)| (k.clone(), Text::One(v.clone())))
            .collect();
    for (k, plural) in &l.plurals {
        let form = |c: &str| plural.forms.get(c).cloned();
        strings.insert(
            k.clone(),
            Text::Plural(PluralForms {
                zero: form("zero"),
                one: form("one"),
                two: form("two"),
                few: form("few"),
                many: form("many"),
                other: plural.other().to_owned(),
            }),
        );
    }
    let regions = l
        .help
        .region
        .iter()
        .map(|r| RegionText {
            id: r.id.clone(),
            name: r.name.clone(),
            note: r.note.clone(),
            contacts: r
                .contact
                .iter()
                .map(|c| ContactText {
                    label: c.label.clone(),
                    detail: c.detail.clone(),
                    kind: match c.kind {
                        ContactKind::Phone => ContactWay::Phone,
                        ContactKind::Text => ContactWay::Text,
                        ContactKind::Web => ContactWay::Web,
                    },
                    value: c.value.clone(),
                })
                .collect(),
        })
        .collect();
    let strategies = l
        .strategies
        .strategy
        .iter()
        .zip(&f.strategies)
        .map(|(s, body)| StrategyText {
            id: s.id.clone(),
            title: s.title.clone(),
            summary: s.summary.clone(),
            body: body.path.clone(),
        })
        .collect();
    Pack {
        code: l.code.clone(),
        strings,
        learn: pages(&l.learn, &f.learn),
        leaders: pages(&l.leaders, &f.leaders),
        regions,
        reading_list: f.reading_list.path.clone(),
        strategies,
        instruments,
    }
}

/// One locale's pack as JSON, under `content/<code>/pack.<hash>.json`.
pub(crate) fn write_json(
    l: &LocaleContent,
    f: &LocaleFragments,
    instruments: Option<InstrumentTexts>,
) -> Result<Fragment, ContentError> {
    let json = serde_json::to_string(&pack(l, f, instruments)).map_err(|e| ContentError::Pack {
        code: l.code.clone(),
        message: e.to_string(),
    })?;
    Ok(Fragment {
        path: format!(
            "content/{}/pack.{}.json",
            l.code,
            content_hash(json.as_bytes())
        ),
        html: json,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::fixture;
    use crate::build::fragments;

    fn fr() -> (LocaleContent, LocaleFragments) {
        let l = LocaleContent::parse(&fixture::other("fr")).unwrap();
        let f = fragments::render(&l).unwrap();
        (l, f)
    }

    #[test]
    fn a_pack_carries_every_string_page_region_and_strategy() {
        let (l, f) = fr();
        let p = pack(&l, &f, None);
        assert_eq!(p.code, "fr");
        assert_eq!(p.strings.len(), l.ui.len() + l.plurals.len());
        assert_eq!(
            p.strings.get("home_title"),
            Some(&Text::One("Tend (translated)".into()))
        );
        assert_eq!(p.learn.len(), l.learn.page.len());
        assert_eq!(p.learn[0].body, f.learn[0].path);
        assert_eq!(p.leaders.len(), l.leaders.page.len());
        assert_eq!(p.regions.len(), l.help.region.len());
        assert_eq!(p.regions[0].contacts[0].kind, ContactWay::Phone);
        assert_eq!(p.reading_list, f.reading_list.path);
        let ids: Vec<&str> = p.strategies.iter().map(|s| s.id.as_str()).collect();
        let expected: Vec<&str> = l
            .strategies
            .strategy
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(ids, expected);
        assert_eq!(p.strategies[0].body, f.strategies[0].path);
    }

    #[test]
    fn the_json_reads_back_as_the_same_pack_under_its_own_hash() {
        let (l, f) = fr();
        let written = write_json(&l, &f, None).unwrap();
        let read: Pack = serde_json::from_str(&written.html).unwrap();
        assert_eq!(read, pack(&l, &f, None));
        assert_eq!(
            written.path,
            format!(
                "content/fr/pack.{}.json",
                content_hash(written.html.as_bytes())
            )
        );
    }
}
