//! The strategy library: `locales/<code>/strategies.toml` checked (ids,
//! texts, steps, tags, the same ids and tags as English) and compiled into
//! the generated `strategies.rs` that the app's `src/content/strategies.rs`
//! includes: one static table per locale, `strategies(locale)`, and the
//! written why and steps behind each fragment for the app's tests. Kept
//! apart from the rest of the locale content so the library can grow on
//! its own.

use super::codegen::{const_name, lit, locale_arms};
use super::error::{ContentError, Difference, StrategyProblem};
use super::fragments::LocaleFragments;
use super::locale::LocaleContent;
use serde::Deserialize;
use std::fmt::Write as _;

/// `strategies.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StrategyFile {
    pub(crate) strategy: Vec<StrategyEntry>,
}

/// One strategy as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StrategyEntry {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) summary: String,
    pub(crate) why: String,
    pub(crate) steps: String,
    pub(crate) time: String,
    pub(crate) fit: Vec<String>,
    pub(crate) sources: Vec<String>,
    pub(crate) helps: Vec<String>,
    #[serde(default)]
    pub(crate) practice: Option<String>,
}

/// Content ids and the Rust values they compile to, per tag field of a
/// strategy. These must match the enums in `tend_core::domain::strategy`
/// and `tend_core::domain::practice`; a mismatch fails to compile.
const TIME: &[(&str, &str)] = &[
    ("under-2-minutes", "TimeNeeded::Under2Minutes"),
    ("5-15-minutes", "TimeNeeded::Minutes5To15"),
    ("longer", "TimeNeeded::Longer"),
];
const FIT: &[(&str, &str)] = &[
    ("during-work", "Fit::DuringWork"),
    ("after-shift", "Fit::AfterShift"),
    ("days-off", "Fit::DaysOff"),
];
const SOURCES: &[(&str, &str)] = &[
    ("HELP-1", "Source::Help1"),
    ("HELP-2", "Source::Help2"),
    ("HELP-3", "Source::Help3"),
    ("HELP-4", "Source::Help4"),
    ("HELP-5", "Source::Help5"),
    ("HELP-6", "Source::Help6"),
    ("HELP-7", "Source::Help7"),
    ("CECERT-1", "Source::CeCert1"),
    ("CECERT-2", "Source::CeCert2"),
    ("CECERT-3", "Source::CeCert3"),
    ("CECERT-4", "Source::CeCert4"),
    ("CECERT-5", "Source::CeCert5"),
    ("workplace", "Source::Workplace"),
];
const HELPS: &[(&str, &str)] = &[
    ("intrusion", "HelpsWith::Intrusion"),
    ("avoidance", "HelpsWith::Avoidance"),
    ("negative-mood", "HelpsWith::NegativeMood"),
    ("arousal", "HelpsWith::Arousal"),
    ("burnout", "HelpsWith::Burnout"),
    ("sustaining", "HelpsWith::Sustaining"),
    ("sleep", "HelpsWith::Sleep"),
    ("health", "HelpsWith::Health"),
];
const PRACTICES: &[(&str, &str)] = &[
    ("paced-breathing", "Practice::PacedBreathing"),
    ("shift-transition", "Practice::ShiftTransition"),
    ("senses-grounding", "Practice::SensesGrounding"),
    ("worry-window", "Practice::WorryWindow"),
    ("emotional-labour-check", "Practice::EmotionalLabourCheck"),
    ("why-cards", "Practice::WhyCards"),
    ("narrative-journal", "Practice::NarrativeJournal"),
    ("creative-journal", "Practice::CreativeJournal"),
];

/// One strategy, checked, with its tags as the Rust values they compile to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CompiledStrategy {
    time: &'static str,
    fits: Vec<&'static str>,
    sources: Vec<&'static str>,
    helps: Vec<&'static str>,
    practice: Option<&'static str>,
}

/// Checks one strategy's id (kebab-case, unique among `earlier`), its
/// texts, its steps and its tags.
fn compile(
    file: &str,
    s: &StrategyEntry,
    earlier: &[StrategyEntry],
) -> Result<CompiledStrategy, ContentError> {
    let id = s.id.as_str();
    let problem = |problem| ContentError::Strategy {
        file: file.to_string(),
        id: id.to_string(),
        problem,
    };
    let kebab = !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !kebab {
        return Err(problem(StrategyProblem::NotKebab));
    }
    if earlier.iter().any(|e| e.id == id) {
        return Err(problem(StrategyProblem::UsedTwice));
    }
    for (field, text) in [
        ("title", &s.title),
        ("summary", &s.summary),
        ("why", &s.why),
        ("steps", &s.steps),
    ] {
        if text.trim().is_empty() {
            return Err(problem(StrategyProblem::Empty(field)));
        }
    }
    let steps: Vec<&str> = s
        .steps
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if steps.len() < 2 || steps.iter().any(|l| !l.starts_with("- ")) {
        return Err(problem(StrategyProblem::Steps));
    }
    let practice = match &s.practice {
        Some(p) => Some(tag("practice", p, PRACTICES).map_err(problem)?),
        None => None,
    };
    Ok(CompiledStrategy {
        time: tag("time", &s.time, TIME).map_err(problem)?,
        fits: tags("fit", &s.fit, FIT).map_err(problem)?,
        sources: tags("sources", &s.sources, SOURCES).map_err(problem)?,
        helps: tags("helps", &s.helps, HELPS).map_err(problem)?,
        practice,
    })
}

/// The Rust value for one tag, or the field and the values it allows.
fn tag(
    field: &'static str,
    value: &str,
    table: &[(&'static str, &'static str)],
) -> Result<&'static str, StrategyProblem> {
    match table.iter().find(|(k, _)| *k == value) {
        Some((_, rust)) => Ok(rust),
        None => Err(StrategyProblem::UnknownTag {
            field,
            value: value.to_string(),
            allowed: table.iter().map(|(k, _)| *k).collect(),
        }),
    }
}

/// A list of tags: at least one, none twice.
fn tags(
    field: &'static str,
    values: &[String],
    table: &[(&'static str, &'static str)],
) -> Result<Vec<&'static str>, StrategyProblem> {
    if values.is_empty() {
        return Err(StrategyProblem::Empty(field));
    }
    let mut out = Vec::new();
    for (n, v) in values.iter().enumerate() {
        if values[..n].contains(v) {
            return Err(StrategyProblem::TagTwice {
                field,
                value: v.clone(),
            });
        }
        out.push(tag(field, v, table)?);
    }
    Ok(out)
}

/// The id and tags of a strategy, as written: what other locales must
/// match.
#[derive(PartialEq)]
struct Shape<'a> {
    id: &'a str,
    time: &'a str,
    fit: &'a [String],
    sources: &'a [String],
    helps: &'a [String],
    practice: Option<&'a str>,
}

fn shape(s: &StrategyEntry) -> Shape<'_> {
    Shape {
        id: &s.id,
        time: &s.time,
        fit: &s.fit,
        sources: &s.sources,
        helps: &s.helps,
        practice: s.practice.as_deref(),
    }
}

/// Checks every locale's library, English first, and that each has the
/// same ids, order and tags as English. Returns the compiled strategies of
/// each locale, in the order of `locales`.
pub(crate) fn compile_all(
    locales: &[LocaleContent],
) -> Result<Vec<Vec<CompiledStrategy>>, ContentError> {
    let mut all = Vec::new();
    for l in locales {
        let file = format!("{}/strategies.toml", l.code);
        let list = &l.strategies.strategy;
        let compiled = list
            .iter()
            .enumerate()
            .map(|(n, s)| compile(&file, s, &list[..n]))
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(en) = locales.first() {
            if !en
                .strategies
                .strategy
                .iter()
                .map(shape)
                .eq(list.iter().map(shape))
            {
                return Err(ContentError::Differs {
                    code: l.code.clone(),
                    difference: Difference::Strategies,
                });
            }
        }
        all.push(compiled);
    }
    Ok(all)
}

/// The whole of `strategies.rs`: English's library as a static (the one
/// compiled in; other languages' words come from their packs, with
/// English's tags), and every locale's written why and steps for the tests.
/// `compiled` and `fragments` are in the order of `locales`.
pub(crate) fn library_rs(
    locales: &[LocaleContent],
    compiled: &[Vec<CompiledStrategy>],
    fragments: &[LocaleFragments],
) -> String {
    let mut out = String::from(
        "use tend_core::domain::practice::Practice;\n\
         use tend_core::domain::strategy::{Fit, HelpsWith, Source, Strategy, TimeNeeded};\n\n",
    );
    if let (Some(l), Some(compiled), Some(frags)) =
        (locales.first(), compiled.first(), fragments.first())
    {
        out.push_str(
            "/// English's strategy library, in library order. Every locale has the\n\
             /// same ids and tags in the same order.\n",
        );
        let _ = writeln!(
            out,
            "pub(crate) static {}: &[Strategy] = &[",
            const_name(&l.code, "STRATEGIES")
        );
        for ((s, c), body) in l
            .strategies
            .strategy
            .iter()
            .zip(compiled)
            .zip(&frags.strategies)
        {
            let practice = match c.practice {
                Some(p) => format!("Some({p})"),
                None => "None".to_string(),
            };
            let _ = writeln!(
                out,
                "    Strategy {{ id: {}, title: {}, summary: {}, body: {}, time: {}, fits: &[{}], sources: &[{}], helps: &[{}], practice: {practice} }},",
                lit(&s.id),
                lit(&s.title),
                lit(&s.summary),
                lit(&body.path),
                c.time,
                c.fits.join(", "),
                c.sources.join(", "),
                c.helps.join(", "),
            );
        }
        out.push_str("];\n\n");
    }
    for (l, frags) in locales.iter().zip(fragments) {
        let _ = writeln!(
            out,
            "static {}: &[StrategySource] = &[",
            const_name(&l.code, "STRATEGY_SOURCES")
        );
        for (s, body) in l.strategies.strategy.iter().zip(&frags.strategies) {
            let _ = writeln!(
                out,
                "    StrategySource {{ id: {}, body: {}, why: {}, steps: {} }},",
                lit(&s.id),
                lit(&body.path),
                lit(&s.why),
                lit(&s.steps)
            );
        }
        out.push_str("];\n\n");
    }
    out.push_str(
        "/// The written why and steps of a locale's strategies, in library\n\
         /// order (for tests; the app never calls this, so it is not in the wasm).\n\
         pub fn strategy_sources(locale: Locale) -> &'static [StrategySource] {\n    match locale {\n",
    );
    locale_arms(&mut out, locales, "        ", "", "STRATEGY_SOURCES");
    out.push_str("    }\n}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::fixture;
    use crate::build::locale::LocaleTexts;

    /// What `compile_all` makes of English edited by `edit_en` and French
    /// edited by `edit_fr`.
    fn compile_with(
        edit_en: impl FnOnce(&mut String),
        edit_fr: impl FnOnce(&mut String),
    ) -> Result<Vec<Vec<CompiledStrategy>>, ContentError> {
        let mut en = fixture::en();
        let mut fr = fixture::other("fr");
        edit_en(&mut en.strategies.text);
        edit_fr(&mut fr.strategies.text);
        let parse = |t: &LocaleTexts| LocaleContent::parse(t).unwrap();
        compile_all(&[parse(&en), parse(&fr)])
    }

    /// The problem English edited by `edit` has, with its message.
    fn problem(edit: impl FnOnce(&mut String)) -> (String, StrategyProblem, String) {
        let Err(err) = compile_with(edit, |_| {}) else {
            panic!("no problem found")
        };
        let text = err.to_string();
        match err {
            ContentError::Strategy { file, id, problem } => {
                assert_eq!(file, "en/strategies.toml");
                (id, problem, text)
            }
            other => panic!("{other}"),
        }
    }

    fn replace(from: &'static str, to: &'static str) -> impl FnOnce(&mut String) {
        move |text: &mut String| {
            assert!(text.contains(from), "{from}");
            *text = text.replacen(from, to, 1);
        }
    }

    #[test]
    fn the_fixture_compiles_to_rust_values() {
        let all = compile_with(|_| {}, |_| {}).unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(
            all[0][0],
            CompiledStrategy {
                time: "TimeNeeded::Under2Minutes",
                fits: vec!["Fit::DuringWork", "Fit::AfterShift"],
                sources: vec!["Source::Help1"],
                helps: vec!["HelpsWith::Arousal"],
                practice: Some("Practice::PacedBreathing"),
            }
        );
        assert_eq!(all[1], all[0]);
    }

    #[test]
    fn an_unknown_tag_names_the_strategy_field_and_allowed_values() {
        let (id, p, text) = problem(replace("helps = [\"burnout\"", "helps = [\"tiredness\""));
        assert_eq!(id, "shift-end");
        assert!(matches!(
            p,
            StrategyProblem::UnknownTag { field: "helps", .. }
        ));
        assert_eq!(
            text,
            "en/strategies.toml: strategy `shift-end`: helps `tiredness` is not one of \
             intrusion, avoidance, negative-mood, arousal, burnout, sustaining, sleep, health"
        );
        let (_, p, _) = problem(replace("time = \"5-15-minutes\"", "time = \"an hour\""));
        assert!(matches!(
            p,
            StrategyProblem::UnknownTag { field: "time", .. }
        ));
        let (_, p, _) = problem(replace(
            "practice = \"paced-breathing\"",
            "practice = \"yoga\"",
        ));
        assert!(matches!(
            p,
            StrategyProblem::UnknownTag {
                field: "practice",
                ..
            }
        ));
    }

    #[test]
    fn a_duplicate_id_is_refused() {
        let (id, p, text) = problem(replace("id = \"shift-end\"", "id = \"paced-breathing\""));
        assert_eq!(
            (id.as_str(), p),
            ("paced-breathing", StrategyProblem::UsedTwice)
        );
        assert_eq!(
            text,
            "en/strategies.toml: strategy id `paced-breathing` is used twice"
        );
    }

    #[test]
    fn an_id_must_be_kebab_case() {
        for bad in ["Shift-End", "shift_end", "-shift", "shift--end", "shift-"] {
            let (id, p, _) = problem(|t: &mut String| {
                *t = t.replace("id = \"shift-end\"", &format!("id = \"{bad}\""));
            });
            assert_eq!((id.as_str(), p), (bad, StrategyProblem::NotKebab));
        }
    }

    #[test]
    fn steps_must_be_one_list_of_at_least_two_lines() {
        let (_, p, text) = problem(replace("- Wash your hands.\n", "Wash your hands.\n"));
        assert_eq!(p, StrategyProblem::Steps);
        assert_eq!(
            text,
            "en/strategies.toml: strategy `shift-end`: steps must be one list of at least two `- ` lines"
        );
        let (_, p, _) = problem(replace("- Wash your hands.\n", ""));
        assert_eq!(p, StrategyProblem::Steps);
    }

    #[test]
    fn empty_texts_and_tag_lists_and_repeated_tags_are_refused() {
        let (_, p, _) = problem(replace("why = \"A ritual marks the line.\"", "why = \" \""));
        assert_eq!(p, StrategyProblem::Empty("why"));
        let (_, p, text) = problem(replace("fit = [\"after-shift\"]", "fit = []"));
        assert_eq!(p, StrategyProblem::Empty("fit"));
        assert_eq!(
            text,
            "en/strategies.toml: strategy `shift-end`: fit is empty"
        );
        let (_, p, text) = problem(replace(
            "helps = [\"burnout\", \"sleep\"]",
            "helps = [\"sleep\", \"burnout\", \"sleep\"]",
        ));
        assert_eq!(
            p,
            StrategyProblem::TagTwice {
                field: "helps",
                value: "sleep".into()
            }
        );
        assert_eq!(
            text,
            "en/strategies.toml: strategy `shift-end`: helps lists `sleep` twice"
        );
    }

    #[test]
    fn a_locale_whose_ids_or_tags_differ_from_english_is_refused() {
        let differs = |edit: fn(&mut String)| match compile_with(|_| {}, edit) {
            Err(ContentError::Differs { code, difference }) => {
                code == "fr" && difference == Difference::Strategies
            }
            _ => false,
        };
        assert!(differs(|t| *t = t.replace("shift-end", "fin-de-service")));
        assert!(differs(|t| *t = t.replace("\"sleep\"", "\"health\"")));
        assert!(differs(
            |t| *t = t.replace("practice = \"paced-breathing\"\n", "")
        ));
        // Reordered: the same ids, in another order.
        assert!(differs(|t| {
            let second = t.find("[[strategy]]\nid = \"shift-end\"").unwrap();
            let (a, b) = t.split_at(second);
            *t = format!("{b}\n{a}");
        }));
        let message = ContentError::Differs {
            code: "fr".into(),
            difference: Difference::Strategies,
        }
        .to_string();
        assert_eq!(
            message,
            "fr/strategies.toml: strategy ids or tags differ from en/strategies.toml (same ids, order and tags needed)"
        );
    }

    #[test]
    fn steps_that_are_not_a_list_are_refused_in_any_locale() {
        let got = compile_with(|_| {}, |t| *t = t.replace("- Lavez", "Lavez"));
        assert!(matches!(
            got,
            Err(ContentError::Strategy { file, problem: StrategyProblem::Steps, .. })
                if file == "fr/strategies.toml"
        ));
    }
}
