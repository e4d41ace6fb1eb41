//! One question of a check-in or pulse, as a native radio (or checkbox)
//! group in a fieldset, so keyboard and screen-reader use come for free:
//! Tab moves between questions, arrow keys between answers.

use crate::ui::use_app;
use leptos::prelude::*;
use tend_core::domain::answer::Answer;
use tend_core::domain::instrument::{Item, ItemKind, ResponseScale};

/// The id of a question's first answer, for moving focus to it.
pub fn first_input_id(item_id: &str) -> String {
    format!("q-{item_id}-0")
}

/// A question and its answers. `answer` is the current answer, `on_answer`
/// receives a new one, and `missing` marks it as needing an answer.
#[component]
pub fn Question(
    item: Item,
    scale: ResponseScale,
    answer: Signal<Option<Answer>>,
    on_answer: Callback<Answer>,
    #[prop(into)] missing: Signal<bool>,
) -> impl IntoView {
    let ctx = use_app();
    let error_id = format!("q-{}-error", item.id);
    let described = {
        let error_id = error_id.clone();
        move || missing.get().then(|| error_id.clone())
    };
    let options: Vec<(String, Answer)> = match item.kind {
        ItemKind::Choice => item
            .options
            .iter()
            .map(|o| (o.label.clone(), Answer::Choices(vec![o.id.clone()])))
            .collect(),
        ItemKind::Scale | ItemKind::Safety => {
            let mut points: Vec<(String, Answer)> = scale
                .labels
                .iter()
                .map(|p| (p.label.clone(), Answer::Value(p.value)))
                .collect();
            if let Some(label) = &scale.prefer_not {
                points.push((label.clone(), Answer::PreferNot));
            }
            points
        }
    };
    let multiple = item.kind == ItemKind::Choice && item.multiple;
    let name = format!("q-{}", item.id);
    let is_chosen = move |option: &Answer| -> bool {
        match (answer.get(), option) {
            (Some(Answer::Choices(have)), Answer::Choices(one)) => {
                one.first().is_some_and(|id| have.contains(id))
            }
            (Some(current), option) => current == *option,
            (None, _) => false,
        }
    };
    let toggle = move |option: &Answer| -> Answer {
        // A multi-select answer is the set of ticked options.
        let Answer::Choices(one) = option else {
            return option.clone();
        };
        let mut have = match answer.get() {
            Some(Answer::Choices(have)) => have,
            _ => Vec::new(),
        };
        for id in one {
            if let Some(pos) = have.iter().position(|h| h == id) {
                have.remove(pos);
            } else {
                have.push(id.clone());
            }
        }
        Answer::Choices(have)
    };
    let inputs = options
        .into_iter()
        .enumerate()
        .map(|(i, (label, option))| {
            let id = format!("q-{}-{i}", item.id);
            let option_for_checked = option.clone();
            let on_change = move |_| {
                let next = if multiple {
                    toggle(&option)
                } else {
                    option.clone()
                };
                on_answer.run(next);
            };
            let prefer = matches!(option_for_checked, Answer::PreferNot);
            view! {
                <label class="choice" class:prefer-not=prefer>
                    <input
                        type=if multiple { "checkbox" } else { "radio" }
                        id=id
                        name=name.clone()
                        prop:checked=move || is_chosen(&option_for_checked)
                        on:change=on_change
                    />
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset
            class="choice-group question"
            class:missing=move || missing.get()
            id=format!("q-{}", item.id)
            aria-describedby=described
        >
            <legend>{item.text.clone()}</legend>
            {multiple.then(|| view! { <p class="hint">{ctx.t().checkin_choose_all}</p> })}
            <p class="error-text" id=error_id hidden=move || !missing.get()>
                {move || {
                    let t = ctx.t();
                    if item.kind == ItemKind::Choice {
                        t.checkin_error_choice.to_string()
                    } else {
                        t.checkin_error_item(scale.prefer_not.as_deref().unwrap_or(t.checkin_prefer_not))
                    }
                }}
            </p>
            {inputs}
        </fieldset>
    }
}
