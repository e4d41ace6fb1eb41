//! A list of the person's own writing (journal entries, "why I do this
//! work" cards) with a form to add one, and Edit and Delete on each.
//! Delete asks first, in place.

use crate::ui::use_app;
use leptos::prelude::*;
use tend_core::store::journal::TextError;

/// One piece of writing as the list shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// Its id.
    pub id: String,
    /// What heads it (a date, "Card 2").
    pub heading: String,
    /// A line above the text (the prompt it answers), if any.
    pub note: Option<String>,
    /// The writing.
    pub text: String,
}

/// The words a list uses, from the locale files.
#[derive(Clone, Copy)]
pub struct RecordWords {
    /// Label of the new-writing box.
    pub new_label: &'static str,
    /// The save button under it.
    pub save: &'static str,
    /// Shown when the list is empty.
    pub empty: &'static str,
    /// "Edit".
    pub edit: &'static str,
    /// Label of the edit box.
    pub edit_label: &'static str,
    /// "Save changes".
    pub save_edit: &'static str,
    /// "Cancel".
    pub cancel: &'static str,
    /// "Delete".
    pub delete: &'static str,
    /// The question before deleting.
    pub delete_confirm: &'static str,
    /// "Yes, delete it".
    pub delete_yes: &'static str,
    /// "No, keep it".
    pub delete_no: &'static str,
    /// Said when the person saved nothing.
    pub empty_error: &'static str,
}

/// The list and its forms. `on_save` gets `(None, text)` for new writing
/// and `(Some(id), text)` for a change.
#[component]
pub fn TextRecords(
    records: Signal<Vec<Record>>,
    words: RecordWords,
    id_prefix: &'static str,
    on_save: Callback<(Option<String>, String), Result<(), TextError>>,
    on_delete: Callback<String>,
) -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    let draft = RwSignal::new(String::new());
    let error = RwSignal::new(None::<TextError>);
    let editing = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(None::<String>);
    let edit_text = RwSignal::new(String::new());
    let edit_error = RwSignal::new(None::<TextError>);
    let message = move |e: TextError| match e {
        TextError::Empty => words.empty_error,
        TextError::TooLong => t.records_too_long,
    };
    let new_id = format!("{id_prefix}-new");
    let new_label = new_id.clone();
    let new_error_id = format!("{id_prefix}-new-error");

    let save_new = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match on_save.run((None, draft.get_untracked())) {
            Ok(()) => {
                draft.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e)),
        }
    };

    let item = move |r: Record| {
        let id = r.id.clone();
        let editing_this = {
            let id = id.clone();
            move || editing.get().as_deref() == Some(id.as_str())
        };
        let confirming_this = {
            let id = id.clone();
            move || confirming.get().as_deref() == Some(id.as_str())
        };
        let dom = format!("{id_prefix}-{id}");
        let box_id = format!("{dom}-edit");
        let delete_id = format!("{dom}-delete");
        let box_label = box_id.clone();
        let heading_id = format!("{dom}-h");
        let labelled_by = heading_id.clone();
        let start_edit = {
            let (id, text, box_id) = (id.clone(), r.text.clone(), box_id.clone());
            move |_| {
                edit_text.set(text.clone());
                edit_error.set(None);
                editing.set(Some(id.clone()));
                crate::platform::focus_soon(&format!("#{box_id}"));
            }
        };
        let edit_button = format!("{dom}-edit-button");
        let back_to_edit = format!("#{edit_button}");
        let save_edit = {
            let id = id.clone();
            let back = back_to_edit.clone();
            move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                match on_save.run((Some(id.clone()), edit_text.get_untracked())) {
                    Ok(()) => {
                        editing.set(None);
                        edit_error.set(None);
                        crate::platform::focus_soon(&back);
                    }
                    Err(e) => edit_error.set(Some(e)),
                }
            }
        };
        let ask_delete = {
            let id = id.clone();
            let dom = dom.clone();
            move |_| {
                confirming.set(Some(id.clone()));
                crate::platform::focus_soon(&format!("#{dom} .danger"));
            }
        };
        let keep = {
            let delete_id = delete_id.clone();
            move |_| {
                confirming.set(None);
                crate::platform::focus_soon(&format!("#{delete_id}"));
            }
        };
        let delete = move |_| {
            confirming.set(None);
            on_delete.run(id.clone());
        };
        let (editing_a, editing_b, editing_c) =
            (editing_this.clone(), editing_this.clone(), editing_this);
        let confirming_b = confirming_this.clone();
        view! {
            <article class="record" id=dom aria-labelledby=labelled_by>
                <h3 id=heading_id>{r.heading}</h3>
                {r.note.map(|n| view! { <p class="record-note">{n}</p> })}
                <p class="record-text" hidden=editing_a>{r.text}</p>
                <form class="record-edit" hidden=move || !editing_b() on:submit=save_edit>
                    <label for=box_label>{words.edit_label}</label>
                    <textarea
                        id=box_id
                        rows="6"
                        prop:value=move || edit_text.get()
                        on:input=move |ev| edit_text.set(event_target_value(&ev))
                    ></textarea>
                    {move || edit_error.get().map(|e| view! { <p class="error-text" role="alert">{message(e)}</p> })}
                    <div class="actions">
                        <button type="submit">{words.save_edit}</button>
                        <button
                            type="button"
                            class="secondary"
                            on:click=move |_| {
                                editing.set(None);
                                crate::platform::focus_soon(&back_to_edit);
                            }
                        >
                            {words.cancel}
                        </button>
                    </div>
                </form>
                <div class="actions" hidden=move || editing_c() || confirming_this()>
                    <button type="button" class="secondary" id=edit_button on:click=start_edit>{words.edit}</button>
                    <button type="button" class="secondary" id=delete_id on:click=ask_delete>{words.delete}</button>
                </div>
                <div class="confirm" role="group" aria-label=words.delete_confirm hidden=move || !confirming_b()>
                    <p>{words.delete_confirm}</p>
                    <div class="actions">
                        <button type="button" class="danger" on:click=delete>{words.delete_yes}</button>
                        <button type="button" class="secondary" on:click=keep>{words.delete_no}</button>
                    </div>
                </div>
            </article>
        }
    };

    view! {
        <form class="record-new" on:submit=save_new>
            <label for=new_label>{words.new_label}</label>
            <textarea
                id=new_id
                rows="6"
                aria-describedby=move || error.get().map(|_| new_error_id.clone())
                prop:value=move || draft.get()
                on:input=move |ev| draft.set(event_target_value(&ev))
            ></textarea>
            {move || {
                error
                    .get()
                    .map(|e| view! { <p class="error-text" id=format!("{id_prefix}-new-error") role="alert">{message(e)}</p> })
            }}
            <div class="actions">
                <button type="submit">{words.save}</button>
            </div>
        </form>
        <Show
            when=move || records.with(|list| !list.is_empty())
            fallback=move || view! { <p class="notice-quiet">{words.empty}</p> }
        >
            // Keyed by what a record shows: saving one entry redraws that
            // entry alone, and the rest keep their place and focus.
            <For
                each=move || records.get()
                key=|r| (r.id.clone(), r.heading.clone(), r.note.clone(), r.text.clone())
                children=item
            />
        </Show>
    }
}
