//! The Settings part where a person loads an organisation's questionnaire
//! file. It is validated by the same code as Tend's own; an invalid file
//! changes nothing. The deployment's own questionnaire (from its settings)
//! is listed too, and a file with its id is refused: the deployment's is
//! the one offered.

use crate::content::instrument_errors;
use crate::platform::{self, files};
use crate::ui::checkin::use_instruments;
use crate::ui::use_app;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use tend_core::domain::instrument::Instrument;
use tend_core::domain::validation::InstrumentError;

/// Loaded questionnaires, with a file input to add one and a button to
/// remove each that no saved check-in uses.
#[component]
pub fn InstrumentFiles() -> impl IntoView {
    let ctx = use_app();
    let instruments = use_instruments();
    let t = move || ctx.t();
    let message = RwSignal::new(None::<(bool, String)>);
    let input: NodeRef<html::Input> = NodeRef::new();
    let on_change = move |_| {
        let Some(el) = input.get() else { return };
        let Some(file) = files::chosen_file(&el) else {
            return;
        };
        el.set_value("");
        spawn_local(async move {
            let t = ctx.t();
            let outcome = match files::read_bytes(&file).await {
                Err(files::FileError::SaveFailed(e) | files::FileError::ReadFailed(e)) => {
                    Err(t.instruments_read_error(&e))
                }
                Ok(bytes) => {
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    // Validate against a copy of the current catalogue, so a
                    // clash with Tend's own id or the deployment's is caught
                    // too.
                    match instruments.0.get_untracked() {
                        Err(e) => Err(t.checkin_instrument_broken(&e)),
                        Ok(mut trial) => {
                            let org_title = trial.deployed().map(|i| i.title.clone());
                            match (trial.load_json(&text), org_title) {
                                (Ok(instrument), _) => {
                                    Ok((instrument.id.clone(), instrument.title.clone(), text))
                                }
                                (Err(InstrumentError::DeploymentIdInUse { .. }), Some(title)) => {
                                    Err(t.org_instrument_wins(&title))
                                }
                                (Err(e), _) => {
                                    Err(t.instruments_error(&instrument_errors::describe(t, &e)))
                                }
                            }
                        }
                    }
                }
            };
            match outcome {
                Ok((id, title, json)) => {
                    let now = platform::now_ms();
                    ctx.data.update(|d| d.add_instrument(&id, &json, now));
                    message.set(Some((false, t.instruments_loaded(&title))));
                }
                Err(text) => message.set(Some((true, text))),
            }
        });
    };
    let deployed = move || {
        instruments.0.with(|c| {
            c.as_ref()
                .ok()
                .and_then(|c| c.deployed())
                .map(|i| (i.id.clone(), i.title.clone()))
        })
    };
    // The person's files: those on offer, then any the deployment's
    // definition stands in for, which stay removable.
    let loaded = move || {
        let org_id = deployed().map(|(id, _)| id);
        let mut files: Vec<(String, String, bool)> = instruments.0.with(|c| {
            c.as_ref()
                .map(|c| {
                    c.loaded()
                        .map(|i| (i.id.clone(), i.title.clone(), false))
                        .collect()
                })
                .unwrap_or_default()
        });
        ctx.data.with(|d| {
            for file in d
                .instruments
                .iter()
                .filter(|f| Some(&f.id) == org_id.as_ref())
            {
                let title =
                    Instrument::from_json(&file.json).map_or_else(|_| file.id.clone(), |i| i.title);
                files.push((file.id.clone(), title, true));
            }
        });
        files
    };
    view! {
        <section aria-labelledby="instruments-heading">
            <h2 id="instruments-heading">{t().instruments_heading}</h2>
            <p>{t().instruments_intro}</p>
            <ul class="plain-list">
                <li>{t().instruments_builtin}</li>
                {move || {
                    deployed()
                        .map(|(_, title)| {
                            view! {
                                <li data-testid="org-instrument">
                                    {t().org_instrument_listed(&title)}
                                </li>
                            }
                        })
                }}
                {move || {
                    loaded()
                        .into_iter()
                        .map(|(id, title, set_aside)| {
                            let in_use = ctx.data.with(|d| d.checkins.iter().any(|c| c.instrument_id == id));
                            let remove_label = t().instruments_remove(&title);
                            view! {
                                <li class="loaded-instrument">
                                    <span>{title}</span>
                                    {set_aside.then(|| view! { <p class="hint">{t().org_instrument_set_aside}</p> })}
                                    {if in_use {
                                        view! { <p class="hint">{t().instruments_remove_in_use}</p> }.into_any()
                                    } else {
                                        view! {
                                            <button
                                                type="button"
                                                class="secondary"
                                                on:click=move |_| {
                                                    let now = platform::now_ms();
                                                    ctx.data.update(|d| {
                                                        d.remove_instrument(&id, now);
                                                    });
                                                }
                                            >
                                                {remove_label}
                                            </button>
                                        }
                                            .into_any()
                                    }}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <label class="file-label" for="instrument-file">{t().instruments_load_label}</label>
            <input
                id="instrument-file"
                type="file"
                accept=".json,application/json"
                node_ref=input
                on:change=on_change
                data-testid="instrument-file"
            />
            {move || {
                message
                    .get()
                    .map(|(is_error, text)| {
                        if is_error {
                            view! { <p class="error-text" role="alert" data-testid="instrument-error">{text}</p> }
                                .into_any()
                        } else {
                            view! { <p role="status" data-testid="instrument-loaded">{text}</p> }.into_any()
                        }
                    })
            }}
        </section>
    }
}
