//! Where a person is in a check-in: which questions on a screen still need
//! an answer, and how much of the whole has been answered.

use super::answer::{Answer, Answers};
use super::instrument::{Instrument, Item, ItemKind, Section};

/// Whether an item must be answered before moving on. Scale and safety
/// items always offer "prefer not to answer" or a value; a single-choice
/// context question needs one pick; a multi-select may be left empty.
pub fn requires_answer(item: &Item) -> bool {
    !(item.kind == ItemKind::Choice && item.multiple)
}

/// Whether `answer` settles `item` (a real pick, not an empty selection).
fn settles(item: &Item, answer: Option<&Answer>) -> bool {
    match answer {
        None => false,
        Some(Answer::Choices(ids)) => {
            item.kind == ItemKind::Choice && (item.multiple || !ids.is_empty())
        }
        Some(Answer::Value(_)) => item.kind != ItemKind::Choice,
        Some(Answer::PreferNot) => true,
    }
}

/// The ids of the items on this screen that still need an answer, in the
/// order they are asked.
pub fn missing(section: &Section, answers: &Answers) -> Vec<String> {
    section
        .items
        .iter()
        .filter(|item| requires_answer(item) && !settles(item, answers.get(&item.id)))
        .map(|item| item.id.clone())
        .collect()
}

/// How many questions of the whole instrument have an answer, and how many
/// there are.
pub fn answered(instrument: &Instrument, answers: &Answers) -> (usize, usize) {
    let total = instrument.items().count();
    let done = instrument
        .items()
        .filter(|item| {
            answers.get(&item.id).is_some_and(|a| {
                settles(item, Some(a)) && !matches!(a, Answer::Choices(c) if c.is_empty())
            })
        })
        .count();
    (done, total)
}

/// The first screen (0-based) with a question still needing an answer, or
/// the last screen when all are answered: where a resumed draft opens.
pub fn resume_step(instrument: &Instrument, answers: &Answers) -> usize {
    instrument
        .sections
        .iter()
        .position(|s| !missing(s, answers).is_empty())
        .unwrap_or(instrument.sections.len().saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;

    fn tend() -> Instrument {
        match builtin::tend() {
            Ok(i) => i.clone(),
            Err(e) => panic!("Tend's instrument does not load: {e}"),
        }
    }

    #[test]
    fn every_required_item_is_missing_until_answered() {
        let tend = tend();
        let mut answers = Answers::new();
        for section in &tend.sections {
            let required: Vec<String> = section
                .items
                .iter()
                .filter(|i| requires_answer(i))
                .map(|i| i.id.clone())
                .collect();
            assert_eq!(missing(section, &answers), required, "{}", section.id);
            for item in &section.items {
                let answer = match item.kind {
                    ItemKind::Choice => match item.options.first() {
                        Some(o) => Answer::Choices(vec![o.id.clone()]),
                        None => continue,
                    },
                    _ => Answer::PreferNot,
                };
                answers.insert(item.id.clone(), answer);
            }
            assert!(missing(section, &answers).is_empty(), "{}", section.id);
        }
        let (done, total) = answered(&tend, &answers);
        assert_eq!(done, total);
        assert_eq!(resume_step(&tend, &answers), tend.sections.len() - 1);
    }

    #[test]
    fn a_wrong_kind_of_answer_does_not_count_and_empty_multi_select_is_allowed() {
        let tend = tend();
        let context = &tend.sections[0];
        let mut answers = Answers::new();
        for item in &context.items {
            answers.insert(item.id.clone(), Answer::Value(2));
        }
        let single: Vec<String> = context
            .items
            .iter()
            .filter(|i| i.kind == ItemKind::Choice && !i.multiple)
            .map(|i| i.id.clone())
            .collect();
        assert!(!single.is_empty());
        assert_eq!(missing(context, &answers), single);
        for item in context.items.iter().filter(|i| i.multiple) {
            answers.insert(item.id.clone(), Answer::Choices(vec![]));
        }
        assert_eq!(missing(context, &answers), single);
        assert_eq!(resume_step(&tend, &answers), 0);
    }
}
