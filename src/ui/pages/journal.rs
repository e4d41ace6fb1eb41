//! The Journal: private entries, written here or from a practice's
//! prompts. They never appear anywhere else in Tend, only here and in the
//! export file.

use crate::platform;
use crate::ui::components::text_records::{Record, RecordWords, TextRecords};
use crate::ui::title_effect;
use crate::ui::use_app;
use leptos::prelude::*;

/// The Journal screen.
#[component]
pub fn Journal() -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    title_effect(move || ctx.t().journal_title.to_string());
    let language = move || ctx.locale.get().code();
    let records = Signal::derive(move || {
        let lang = language();
        ctx.data.with(|d| {
            d.journal_newest_first()
                .into_iter()
                .map(|e| Record {
                    id: e.id.clone(),
                    heading: platform::format_date(e.created_at, lang),
                    note: e.prompt.clone(),
                    text: e.text.clone(),
                })
                .collect()
        })
    });
    let words = RecordWords {
        new_label: t.journal_new_label,
        save: t.journal_save,
        empty: t.journal_empty,
        edit: t.journal_edit,
        edit_label: t.journal_edit_label,
        save_edit: t.journal_save_edit,
        cancel: t.journal_cancel,
        delete: t.journal_delete,
        delete_confirm: t.journal_delete_confirm,
        delete_yes: t.journal_delete_yes,
        delete_no: t.journal_delete_no,
        empty_error: t.journal_empty_error,
    };
    let on_save = Callback::new(move |(id, text): (Option<String>, String)| {
        let now = platform::now_ms();
        let id = id.unwrap_or_else(|| platform::new_id("j"));
        let mut result = Ok(());
        ctx.data
            .update(|d| result = d.save_journal(&id, None, &text, now));
        result
    });
    let on_delete = Callback::new(move |id: String| {
        let now = platform::now_ms();
        ctx.data.update(|d| {
            d.delete_journal(&id, now);
        });
        platform::focus_soon("main h1");
    });
    view! {
        <h1 tabindex="-1">{t.journal_title}</h1>
        <p class="lead">{t.journal_intro}</p>
        <TextRecords records=records words=words id_prefix="journal" on_save=on_save on_delete=on_delete />
    }
}
