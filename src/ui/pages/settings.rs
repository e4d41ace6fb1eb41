//! Settings: language, appearance, data and privacy.

use crate::content::{Label, Locale, Strings};
use crate::platform;
use crate::ui::components::data_panel::DataPanel;
use crate::ui::components::deployment_parts::{About, InstallGuide};
use crate::ui::components::instrument_files::InstrumentFiles;
use crate::ui::components::lock_parts::LockSettings;
use crate::ui::components::page_body::Body;
use crate::ui::title_effect;
use crate::ui::use_app;
use leptos::prelude::*;
use tend_core::store::{TendData, TextSize, Theme};
// The stored preferences, named apart from the `Settings` screen below.
use tend_core::store::Settings as Preferences;

/// The Settings screen.
#[component]
pub fn Settings() -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    title_effect(move || t().settings_title.to_string());
    view! {
        <h1 tabindex="-1">{t().settings_title}</h1>
        <p class="lead">{t().settings_intro}</p>
        <section aria-labelledby="appearance-heading">
            <h2 id="appearance-heading">{t().settings_appearance_heading}</h2>
            <LanguageChoice />
            <Choice
                name="theme"
                legend=|t| t.settings_theme_label
                options=vec![
                    (Theme::System, (|t: &Strings| t.settings_theme_system) as Label),
                    (Theme::Light, |t| t.settings_theme_light),
                    (Theme::Dark, |t| t.settings_theme_dark),
                ]
                get=|d: &TendData| d.settings.theme
                set=Preferences::set_theme
            />
            <Choice
                name="text-size"
                legend=|t| t.settings_text_size_label
                options=vec![
                    (TextSize::Normal, (|t: &Strings| t.settings_text_size_normal) as Label),
                    (TextSize::Large, |t| t.settings_text_size_large),
                    (TextSize::Larger, |t| t.settings_text_size_larger),
                ]
                get=|d: &TendData| d.settings.text_size
                set=Preferences::set_text_size
            />
        </section>
        <section aria-labelledby="checkin-settings-heading">
            <h2 id="checkin-settings-heading">{t().checkin_title}</h2>
            <IntervalChoice />
        </section>
        <InstrumentFiles />
        <DataPanel />
        <LockSettings />
        <InstallGuide />
        <section aria-labelledby="privacy-heading">
            <h2 id="privacy-heading">{t().settings_privacy_heading}</h2>
            {move || view! { <Body body=t().settings_privacy_body /> }}
            {ctx.deployed.events_origin().map(|origin| {
                view! { <p data-testid="privacy-events">{move || t().settings_privacy_events(&origin)}</p> }
            })}
            {ctx.deployed.reports_to_course().then(|| view! { <p>{move || t().settings_privacy_course}</p> })}
        </section>
        <About />
    }
}

/// A radio group bound to one setting; `set` stamps the change with the
/// time it is given.
#[component]
fn Choice<V>(
    name: &'static str,
    legend: Label,
    options: Vec<(V, Label)>,
    get: fn(&TendData) -> V,
    set: fn(&mut Preferences, V, i64),
) -> impl IntoView
where
    V: Copy + PartialEq + Send + Sync + 'static,
{
    let ctx = use_app();
    view! {
        <fieldset class="choice-group">
            <legend>{move || legend(ctx.t())}</legend>
            {options
                .into_iter()
                .map(|(value, label)| {
                    view! {
                        <label class="choice">
                            <input
                                type="radio"
                                name=name
                                prop:checked=move || ctx.data.with(|d| get(d) == value)
                                on:change=move |_| {
                                    ctx.data.update(|d| set(&mut d.settings, value, platform::now_ms()))
                                }
                            />
                            <span>{move || label(ctx.t())}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// The language choice: follow the browser, or one of the shipped locales.
#[component]
fn LanguageChoice() -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    let chosen = move || ctx.data.with(|d| d.settings.language.clone());
    let set = move |code: Option<&'static str>| {
        ctx.data
            .update(|d| d.settings.set_language(code, platform::now_ms()))
    };
    view! {
        <fieldset class="choice-group">
            <legend>{t().settings_language_label}</legend>
            <label class="choice">
                <input type="radio" name="language" prop:checked=move || chosen().is_none() on:change=move |_| set(None) />
                <span>{t().settings_language_auto}</span>
            </label>
            {Locale::ALL
                .iter()
                .map(|l| {
                    let code = l.code();
                    view! {
                        <label class="choice">
                            <input
                                type="radio"
                                name="language"
                                prop:checked=move || chosen().as_deref() == Some(code)
                                on:change=move |_| set(Some(code))
                            />
                            <span lang=code>{l.self_name()}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// How often the person wants to check in, which sets the next due date.
#[component]
fn IntervalChoice() -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    let label = move |days: u32| {
        let t = t();
        match days {
            d if d % 7 == 0 => t.next_interval_weeks(u64::from(d / 7)),
            d => t.next_interval_days(u64::from(d)),
        }
    };
    view! {
        <fieldset class="choice-group">
            <legend>{t().next_interval_label}</legend>
            {[7u32, 14, 21, 28, 42, 56]
                .into_iter()
                .map(|days| {
                    view! {
                        <label class="choice">
                            <input
                                type="radio"
                                name="checkin-interval"
                                prop:checked=move || ctx.data.with(|d| d.settings.checkin_interval_days == days)
                                on:change=move |_| {
                                    let now = platform::now_ms();
                                    ctx.data.update(|d| {
                                        // Every offered choice is within the allowed range.
                                        let _ = d.settings.set_checkin_interval(days, now);
                                    })
                                }
                            />
                            <span>{move || label(days)}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
