//! What sets an organisation self-check apart from a check-in, checked
//! both ways: a self-check offers "don't know" (and not "prefer not to
//! answer"), every item is a statement scored in exactly one area, and
//! areas stand on their own; a check-in has neither "don't know" nor
//! actions. Then the actions themselves: ids and words present, each id
//! used once.

use super::{non_empty, Check, IdKind, InstrumentError, SelfCheckProblem, TextPlace};
use crate::domain::instrument::{Instrument, InstrumentKind, ItemKind};
use std::collections::BTreeSet;

fn problem(problem: SelfCheckProblem) -> Check {
    Err(InstrumentError::SelfCheck(problem))
}

impl Instrument {
    pub(super) fn check_kind(&self) -> Check {
        match self.kind {
            InstrumentKind::CheckIn => self.check_not_a_self_check(),
            InstrumentKind::Organisation => self.check_self_check(),
        }
    }

    fn check_not_a_self_check(&self) -> Check {
        if self.scale.dont_know.is_some() {
            return problem(SelfCheckProblem::DontKnowOnCheckIn);
        }
        if let Some(subscale) = self.subscales.iter().find(|s| !s.actions.is_empty()) {
            return problem(SelfCheckProblem::ActionsOnCheckIn {
                subscale: subscale.id.clone(),
            });
        }
        Ok(())
    }

    fn check_self_check(&self) -> Check {
        if self.scale.dont_know.is_none() {
            return problem(SelfCheckProblem::NoDontKnow);
        }
        if self.scale.prefer_not.is_some() {
            return problem(SelfCheckProblem::PreferNot);
        }
        // Items name known subscales (checked before this), and with no
        // area rolling up into another, naming one means belonging to
        // exactly one area.
        if let Some(item) = self
            .items()
            .find(|i| i.kind != ItemKind::Scale || i.subscale.is_none())
        {
            return problem(SelfCheckProblem::StatementOutsideArea {
                item: item.id.clone(),
            });
        }
        for area in &self.subscales {
            if area.parent.is_some() {
                return problem(SelfCheckProblem::NestedArea {
                    subscale: area.id.clone(),
                });
            }
            if area.headline.is_some() {
                return problem(SelfCheckProblem::HeadlineOnArea {
                    subscale: area.id.clone(),
                });
            }
        }
        Ok(())
    }

    pub(super) fn check_actions(&self) -> Check {
        let mut ids = BTreeSet::new();
        for area in &self.subscales {
            for action in &area.actions {
                non_empty(&action.id, || TextPlace::ActionId(area.id.clone()))?;
                if !ids.insert(action.id.as_str()) {
                    return Err(InstrumentError::DuplicateId {
                        kind: IdKind::Action,
                        id: action.id.clone(),
                    });
                }
                non_empty(&action.text, || TextPlace::ActionText(action.id.clone()))?;
            }
        }
        Ok(())
    }
}
