//! Why a questionnaire file was refused, in the person's language: each
//! [`InstrumentError`] as one sentence from the locale files
//! (`ui-instrument-errors.toml`). The core's own `Display` stays English
//! for the build and the documentation; the app never shows it.

use super::Strings;
use tend_core::domain::validation::{
    allowed_ids, ChoiceProblem, IdKind, InstrumentError, RangeProblem, SelfCheckProblem, TextPlace,
};

/// `error` as one plain sentence in the language of `t`.
pub fn describe(t: &Strings, error: &InstrumentError) -> String {
    use InstrumentError as E;
    match error {
        E::Parse {
            line,
            column,
            message,
        } => t.instrument_error_parse(&line.to_string(), &column.to_string(), message),
        E::MissingLocale { found } => t.instrument_error_missing_locale(found),
        E::EmptyText { place } => empty(t, place),
        E::MissingScaleLabel { value } => {
            t.instrument_error_missing_scale_label(&value.to_string())
        }
        E::NoItems => t.instrument_error_no_items.to_string(),
        E::EmptySection { section } => t.instrument_error_empty_section(section),
        E::DuplicateId { kind, id } => match kind {
            IdKind::Section => t.instrument_error_duplicate_section(id),
            IdKind::Item => t.instrument_error_duplicate_item(id),
            IdKind::Subscale => t.instrument_error_duplicate_subscale(id),
            IdKind::Band(subscale) => t.instrument_error_duplicate_band(subscale, id),
            IdKind::ChoiceOption(item) => t.instrument_error_duplicate_option(item, id),
            IdKind::ScalePoint => t.instrument_error_duplicate_scale_point(id),
            IdKind::ContextQuestion => t.instrument_error_duplicate_context(id),
            IdKind::Action => t.instrument_error_duplicate_action(id),
        },
        E::UnknownSubscale { item, subscale } => {
            t.instrument_error_unknown_subscale(item, subscale)
        }
        E::UnknownParent { subscale, parent } => {
            t.instrument_error_unknown_parent(subscale, parent)
        }
        E::ParentCycle { subscale } => t.instrument_error_parent_cycle(subscale),
        E::EmptySubscale { subscale } => t.instrument_error_empty_subscale(subscale),
        E::DuplicateHeadline {
            headline,
            first,
            second,
        } => t.instrument_error_duplicate_headline(first, second, headline.as_str()),
        E::OutOfRange(problem) => range(t, problem),
        E::ReverseWithoutMaximum { item } => t.instrument_error_reverse_without_maximum(item),
        E::ReverseUnscored { item } => t.instrument_error_reverse_unscored(item),
        E::SignUnscored { item } => t.instrument_error_sign_unscored(item),
        E::ScoredChoice { item } => t.instrument_error_scored_choice(item),
        E::ScoredSafety { item } => t.instrument_error_scored_safety(item),
        E::BadChoice { item, problem } => choice(t, item, problem),
        E::BandPrecision {
            subscale,
            band,
            decimals: 0,
        } => t.instrument_error_band_precision_whole(band, subscale),
        E::BandPrecision {
            subscale,
            band,
            decimals,
        } => t.instrument_error_band_precision(u64::from(*decimals), band, subscale),
        E::BandOrder { subscale, band } => t.instrument_error_band_order(band, subscale),
        E::BandOverlap {
            subscale,
            lower,
            upper,
        } => t.instrument_error_band_overlap(lower, upper, subscale),
        E::BandGap { subscale, from, to } => match to {
            Some(to) if to == from => t.instrument_error_band_gap_one(subscale, from),
            Some(to) => t.instrument_error_band_gap(subscale, from, to),
            None => t.instrument_error_band_gap_open(subscale, from),
        },
        E::MissingTranslation { locale, .. } => t.instrument_error_translation_missing(locale),
        E::TranslationDiffers { locale, .. } => t.instrument_error_translation_differs(locale),
        E::IdInUse { id } => t.instrument_error_id_in_use(id),
        E::DeploymentIdInUse { id } => t.instrument_error_deployment_id_in_use(id),
        E::SelfCheck(problem) => self_check(t, problem),
    }
}

fn empty(t: &Strings, place: &TextPlace) -> String {
    use TextPlace as P;
    match place {
        P::InstrumentId => t.instrument_error_empty_instrument_id.to_string(),
        P::Version => t.instrument_error_empty_version.to_string(),
        P::Title => t.instrument_error_empty_title.to_string(),
        P::Attribution => t.instrument_error_empty_attribution.to_string(),
        P::SectionId => t.instrument_error_empty_section_id.to_string(),
        P::SectionTitle(section) => t.instrument_error_empty_section_title(section),
        P::SectionIntro(section) => t.instrument_error_empty_section_intro(section),
        P::ItemId => t.instrument_error_empty_item_id.to_string(),
        P::ItemText(item) => t.instrument_error_empty_item_text(item),
        P::CoverageTag(item) => t.instrument_error_empty_coverage_tag(item),
        P::OptionId(item) => t.instrument_error_empty_option_id(item),
        P::OptionLabel { item, option } => t.instrument_error_empty_option_label(option, item),
        P::SubscaleId => t.instrument_error_empty_subscale_id.to_string(),
        P::SubscaleName(subscale) => t.instrument_error_empty_subscale_name(subscale),
        P::BandId(subscale) => t.instrument_error_empty_band_id(subscale),
        P::BandLabel { subscale, band } => t.instrument_error_empty_band_label(band, subscale),
        P::BandInterpretation { subscale, band } => {
            t.instrument_error_empty_band_interpretation(band, subscale)
        }
        P::ScaleLabel(value) => t.instrument_error_empty_scale_label(&value.to_string()),
        P::PreferNot => t.instrument_error_empty_prefer_not.to_string(),
        P::DontKnow => t.instrument_error_empty_dont_know.to_string(),
        P::ActionId(area) => t.instrument_error_empty_action_id(area),
        P::ActionText(action) => t.instrument_error_empty_action_text(action),
    }
}

fn range(t: &Strings, problem: &RangeProblem) -> String {
    use RangeProblem as R;
    let edge = |e: &Option<String>| {
        e.clone()
            .unwrap_or_else(|| t.instrument_error_range_open_edge.to_string())
    };
    match problem {
        R::ScaleMaximum { max, min } => {
            t.instrument_error_range_scale_maximum(&max.to_string(), &min.to_string())
        }
        R::ScaleLabelValue { value, min, max } => match max {
            Some(max) => t.instrument_error_range_scale_label_value(
                &value.to_string(),
                &min.to_string(),
                &max.to_string(),
            ),
            None => t.instrument_error_range_scale_label_value_open(
                &value.to_string(),
                &min.to_string(),
            ),
        },
        R::MinAnswered { subscale, share } => {
            t.instrument_error_range_min_answered(subscale, share)
        }
        R::Decimals {
            subscale,
            decimals,
            most,
        } => t.instrument_error_range_decimals(subscale, &decimals.to_string(), &most.to_string()),
        R::ScoreRange { subscale } => t.instrument_error_range_score_range(subscale),
        R::Band {
            subscale,
            band,
            min,
            max,
            lowest,
            highest,
        } => match highest {
            Some(highest) => t.instrument_error_range_band(
                band,
                subscale,
                &edge(min),
                &edge(max),
                lowest,
                highest,
            ),
            None => {
                t.instrument_error_range_band_open(band, subscale, &edge(min), &edge(max), lowest)
            }
        },
    }
}

fn choice(t: &Strings, item: &str, problem: &ChoiceProblem) -> String {
    use ChoiceProblem as C;
    match problem {
        C::TooFewOptions => t.instrument_error_choice_too_few_options(item),
        C::OptionsOnNonChoice => t.instrument_error_choice_options_on_non_choice(item),
        C::MultipleOnNonChoice => t.instrument_error_choice_multiple_on_non_choice(item),
        C::ContextOnNonChoice => t.instrument_error_choice_context_on_non_choice(item),
        C::MustBeSingle(question) => {
            t.instrument_error_choice_must_be_single(item, question.as_str())
        }
        C::UnknownOption(question, option) => t.instrument_error_choice_unknown_option(
            item,
            option,
            question.as_str(),
            &allowed_ids(*question),
        ),
    }
}

fn self_check(t: &Strings, problem: &SelfCheckProblem) -> String {
    use SelfCheckProblem as S;
    match problem {
        S::NoDontKnow => t.instrument_error_self_check_no_dont_know.to_string(),
        S::DontKnowOnCheckIn => t
            .instrument_error_self_check_dont_know_on_check_in
            .to_string(),
        S::PreferNot => t.instrument_error_self_check_prefer_not.to_string(),
        S::ActionsOnCheckIn { subscale } => {
            t.instrument_error_self_check_actions_on_check_in(subscale)
        }
        S::StatementOutsideArea { item } => {
            t.instrument_error_self_check_statement_outside_area(item)
        }
        S::NestedArea { subscale } => t.instrument_error_self_check_nested_area(subscale),
        S::HeadlineOnArea { subscale } => t.instrument_error_self_check_headline_on_area(subscale),
        S::NotACheckIn => t.instrument_error_self_check_not_a_check_in.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::pack::install;
    use crate::content::Locale;
    use tend_core::domain::instrument::{ContextQuestion, Headline, Instrument};

    fn s(text: &str) -> String {
        text.to_string()
    }

    /// One of every error, with ids no sentence would contain by chance.
    fn every_error() -> Vec<InstrumentError> {
        use InstrumentError as E;
        use RangeProblem as R;
        use TextPlace as P;
        let places = vec![
            P::InstrumentId,
            P::Version,
            P::Title,
            P::Attribution,
            P::SectionId,
            P::SectionTitle(s("zq-section")),
            P::SectionIntro(s("zq-section")),
            P::ItemId,
            P::ItemText(s("zq-item")),
            P::CoverageTag(s("zq-item")),
            P::OptionId(s("zq-item")),
            P::OptionLabel {
                item: s("zq-item"),
                option: s("zq-option"),
            },
            P::SubscaleId,
            P::SubscaleName(s("zq-sub")),
            P::BandId(s("zq-sub")),
            P::BandLabel {
                subscale: s("zq-sub"),
                band: s("zq-band"),
            },
            P::BandInterpretation {
                subscale: s("zq-sub"),
                band: s("zq-band"),
            },
            P::ScaleLabel(7),
            P::PreferNot,
            P::DontKnow,
            P::ActionId(s("zq-sub")),
            P::ActionText(s("zq-action")),
        ];
        let mut all: Vec<E> = places
            .into_iter()
            .map(|place| E::EmptyText { place })
            .collect();
        all.extend([
            E::Parse {
                line: 3,
                column: 9,
                message: s("zq-detail"),
            },
            E::MissingLocale { found: s("zq") },
            E::MissingScaleLabel { value: 4 },
            E::NoItems,
            E::EmptySection {
                section: s("zq-section"),
            },
            E::UnknownSubscale {
                item: s("zq-item"),
                subscale: s("zq-sub"),
            },
            E::UnknownParent {
                subscale: s("zq-sub"),
                parent: s("zq-parent"),
            },
            E::ParentCycle {
                subscale: s("zq-sub"),
            },
            E::EmptySubscale {
                subscale: s("zq-sub"),
            },
            E::DuplicateHeadline {
                headline: Headline::Burnout,
                first: s("zq-a"),
                second: s("zq-b"),
            },
            E::ReverseWithoutMaximum { item: s("zq-item") },
            E::ReverseUnscored { item: s("zq-item") },
            E::SignUnscored { item: s("zq-item") },
            E::ScoredChoice { item: s("zq-item") },
            E::ScoredSafety { item: s("zq-item") },
            E::BandOrder {
                subscale: s("zq-sub"),
                band: s("zq-band"),
            },
            E::BandOverlap {
                subscale: s("zq-sub"),
                lower: s("zq-lower"),
                upper: s("zq-upper"),
            },
            E::MissingTranslation {
                locale: s("zq"),
                what: s("item"),
            },
            E::TranslationDiffers {
                locale: s("zq"),
                what: s("item"),
            },
            E::IdInUse { id: s("zq-id") },
            E::DeploymentIdInUse { id: s("zq-id") },
        ]);
        all.extend(
            [
                SelfCheckProblem::NoDontKnow,
                SelfCheckProblem::DontKnowOnCheckIn,
                SelfCheckProblem::PreferNot,
                SelfCheckProblem::ActionsOnCheckIn {
                    subscale: s("zq-sub"),
                },
                SelfCheckProblem::StatementOutsideArea { item: s("zq-item") },
                SelfCheckProblem::NestedArea {
                    subscale: s("zq-sub"),
                },
                SelfCheckProblem::HeadlineOnArea {
                    subscale: s("zq-sub"),
                },
                SelfCheckProblem::NotACheckIn,
            ]
            .map(E::SelfCheck),
        );
        for kind in [
            IdKind::Section,
            IdKind::Item,
            IdKind::Subscale,
            IdKind::Band(s("zq-sub")),
            IdKind::ChoiceOption(s("zq-item")),
            IdKind::ScalePoint,
            IdKind::ContextQuestion,
            IdKind::Action,
        ] {
            all.push(E::DuplicateId {
                kind,
                id: s("zq-id"),
            });
        }
        for decimals in [0, 1, 2] {
            all.push(E::BandPrecision {
                subscale: s("zq-sub"),
                band: s("zq-band"),
                decimals,
            });
        }
        for to in [None, Some(s("5")), Some(s("6"))] {
            all.push(E::BandGap {
                subscale: s("zq-sub"),
                from: s("5"),
                to,
            });
        }
        all.extend(
            [
                R::ScaleMaximum { max: 0, min: 0 },
                R::ScaleLabelValue {
                    value: 9,
                    min: 0,
                    max: Some(4),
                },
                R::ScaleLabelValue {
                    value: -1,
                    min: 0,
                    max: None,
                },
                R::MinAnswered {
                    subscale: s("zq-sub"),
                    share: s("1.5"),
                },
                R::Decimals {
                    subscale: s("zq-sub"),
                    decimals: 7,
                    most: 4,
                },
                R::ScoreRange {
                    subscale: s("zq-sub"),
                },
                R::Band {
                    subscale: s("zq-sub"),
                    band: s("zq-band"),
                    min: Some(s("20")),
                    max: None,
                    lowest: s("0"),
                    highest: Some(s("16")),
                },
                R::Band {
                    subscale: s("zq-sub"),
                    band: s("zq-band"),
                    min: None,
                    max: Some(s("-1")),
                    lowest: s("0"),
                    highest: None,
                },
            ]
            .map(|problem| E::OutOfRange(Box::new(problem))),
        );
        for problem in [
            ChoiceProblem::TooFewOptions,
            ChoiceProblem::OptionsOnNonChoice,
            ChoiceProblem::MultipleOnNonChoice,
            ChoiceProblem::ContextOnNonChoice,
            ChoiceProblem::MustBeSingle(ContextQuestion::Role),
            ChoiceProblem::UnknownOption(ContextQuestion::Exposure, s("zq-option")),
        ] {
            all.push(E::BadChoice {
                item: s("zq-item"),
                problem,
            });
        }
        all
    }

    /// The ids and numbers an error names: every one must reach the
    /// sentence.
    fn named(error: &InstrumentError) -> Vec<String> {
        let debug = format!("{error:?}");
        debug
            .split('"')
            .skip(1)
            .step_by(2)
            .filter(|part| part.starts_with("zq") || part.parse::<f64>().is_ok())
            .map(str::to_string)
            .collect()
    }

    /// In every language, every error reads as a sentence of its own
    /// (nothing left to fill, none the same as another) naming every id
    /// the error carries.
    #[test]
    fn every_error_reads_in_every_language_and_names_what_is_wrong() {
        for locale in Locale::ALL.iter().copied() {
            if locale.pack().is_some() {
                install(locale, locale.pack_text()).unwrap();
            }
            let t = locale.strings();
            let mut seen = std::collections::BTreeSet::new();
            for error in every_error() {
                let text = describe(t, &error);
                assert!(!text.contains('{'), "{}: {text}", locale.code());
                assert!(text.ends_with('.'), "{}: {text}", locale.code());
                for part in named(&error) {
                    assert!(
                        text.contains(&part),
                        "{}: {text} lacks {part}",
                        locale.code()
                    );
                }
                assert!(
                    seen.insert(text.clone()),
                    "{}: said twice: {text}",
                    locale.code()
                );
            }
        }
    }

    /// A real refusal, from a file, reads in Spanish with Spanish words.
    #[test]
    fn a_refused_file_is_explained_in_spanish() {
        install(Locale::Es, Locale::Es.pack_text()).unwrap();
        let json = tend_core::builtin::TEND_EN.replace("\"Never\"", "\"\"");
        let error = Instrument::from_json(&json).unwrap_err();
        let english = describe(Locale::En.strings(), &error);
        let spanish = describe(Locale::Es.strings(), &error);
        assert_eq!(english, "The label of answer scale value 0 is empty.");
        assert_ne!(spanish, english);
        assert!(spanish.contains("escala"), "{spanish}");
    }
}
