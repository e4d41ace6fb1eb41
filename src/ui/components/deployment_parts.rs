//! What a deployment adds to the screens: the update notice, install
//! guidance, the About section, the organisation's own support lines, the
//! note about storage inside a portal's frame, and the page for a part
//! that is turned off.

use crate::content::ContactKind;
use crate::platform::{host, sw};
use crate::route::Route;
use crate::ui::checkin::deployed_outcome;
use crate::ui::components::dead_end::DeadEnd;
use crate::ui::components::storage_banner::ExportButton;
use crate::ui::deployment::{issue_text, DeployedInstrument};
use crate::ui::storage::use_storage;
use crate::ui::use_app;
use leptos::prelude::*;
use tend_core::deploy::FileState;
use tend_core::store::Mode;

/// "A new version is ready" with a reload button, once a new release has
/// installed. Never reloads by itself, so nothing is cut off mid-step.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    let ready = ctx.deployed.update_ready;
    view! {
        <Show when=move || ready.get()>
            <div class="banner update-banner" role="status" data-testid="update-ready">
                <p>
                    <strong>{t().update_ready}</strong>
                    " "
                    {t().update_reload_hint}
                </p>
                <div class="actions">
                    <button type="button" data-testid="update-reload" on:click=|_| sw::apply_update()>
                        {t().update_reload}
                    </button>
                </div>
            </div>
        </Show>
    }
}

/// Inside another site's frame, the browser keeps Tend's storage apart
/// (partitioned) and may clear it: say so and offer an export. When
/// storage is blocked outright the storage banner already speaks.
#[component]
pub fn EmbedNotice() -> impl IntoView {
    let ctx = use_app();
    let storage = use_storage();
    let status = storage.status();
    let partitioned = host::framed_cross_origin();
    let in_course = ctx.deployed.in_course;
    let show = move || partitioned && !in_course && status.with(|s| matches!(s.mode, Mode::Saving));
    view! {
        <Show when=show>
            <div class="banner embed-notice" role="note" data-testid="embed-notice">
                <p>{ctx.t().embed_partitioned}</p>
                <div class="actions">
                    <ExportButton label=|t| t.embed_export />
                </div>
            </div>
        </Show>
    }
}

/// The organisation's own support lines, when the deployment lists any.
#[component]
pub fn OrgContacts() -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    let config = ctx.deployed.deployment().config;
    if config.contacts.is_empty() {
        return ().into_any();
    }
    let heading = match &config.organisation {
        Some(org) => t.org_contacts_heading(org),
        None => t.org_contacts_heading_plain.to_string(),
    };
    view! {
        <section aria-labelledby="org-contacts-heading" data-testid="org-contacts">
            <h2 id="org-contacts-heading">{heading}</h2>
            <p>{t.org_contacts_intro}</p>
            <ul class="contact-list">
                {config
                    .contacts
                    .into_iter()
                    .map(|c| {
                        let action = match c.kind {
                            ContactKind::Phone => t.help_call(&c.value),
                            ContactKind::Text => t.help_text(&c.value),
                            ContactKind::Web => t.help_visit(&c.label),
                        };
                        view! {
                            <li class="contact card">
                                <h3>{c.label}</h3>
                                <a class="button contact-action" href=c.href>{action}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

/// How to install Tend on a phone, with an Install button where the
/// browser offers one. Left out in embed mode and inside a course.
#[component]
pub fn InstallGuide() -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    let deployed = ctx.deployed;
    if deployed.in_course || deployed.embed() {
        return ().into_any();
    }
    let steps = |items: [&'static str; 3]| {
        view! { <ol>{items.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol> }
    };
    view! {
        <section aria-labelledby="install-heading" data-testid="install-guide">
            <h2 id="install-heading">{t.install_heading}</h2>
            {if sw::installed() {
                view! { <p>{t.install_installed}</p> }.into_any()
            } else {
                view! {
                    <p>{t.install_intro}</p>
                    <Show when=move || deployed.install_ready.get()>
                        <p>
                            <button type="button" data-testid="install-button" on:click=move |_| deployed.install()>
                                {t.install_button}
                            </button>
                        </p>
                    </Show>
                }
                    .into_any()
            }}
            <h3>{t.install_android_heading}</h3>
            {steps([t.install_android_1, t.install_android_2, t.install_android_3])}
            <h3>{t.install_ios_heading}</h3>
            {steps([t.install_ios_1, t.install_ios_2, t.install_ios_3])}
            <div class="notice" role="note">
                <h3>{t.install_ios_note_heading}</h3>
                <p>{t.install_ios_note}</p>
                {steps([t.install_ios_move_1, t.install_ios_move_2, t.install_ios_move_3])}
            </div>
        </section>
    }
    .into_any()
}

/// Settings > About: the organisation, what became of the settings file,
/// every problem found in it, and where the data is kept.
#[component]
pub fn About() -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    let deployed = ctx.deployed;
    let deployment = deployed.deployment();
    let config = deployment.config.clone();
    let in_course = deployed.in_course;
    let namespace = config.namespace.clone().unwrap_or_default();
    let state = match deployment.file {
        FileState::Absent => t.about_no_file,
        FileState::Applied => t.about_applied,
        FileState::Refused => t.about_refused,
        FileState::Unreachable => t.about_unreachable,
    };
    let issues: Vec<String> = deployment.issues.iter().map(|i| issue_text(t, i)).collect();
    let only_ignored = deployment.issues.iter().all(|i| i.is_ignorable());
    let instrument = config.instrument.clone().map(|file| {
        let status = move || match deployed.instrument.get() {
            DeployedInstrument::Loaded(text) => match deployed_outcome(ctx.locale.get(), &text) {
                Ok(title) => t.about_instrument_ok(&title, &file),
                Err(reason) => t.about_instrument_failed(&file, &reason),
            },
            DeployedInstrument::Unreachable => t.about_instrument_missing(&file),
            _ => String::new(),
        };
        view! { <p data-testid="about-instrument">{status}</p> }
    });
    view! {
        <section aria-labelledby="about-heading" data-testid="about">
            <h2 id="about-heading">{t.about_heading}</h2>
            {config
                .organisation
                .as_ref()
                .map(|org| view! { <p>{t.about_organisation(org)}</p> })}
            <p data-testid="about-config">{state}</p>
            {(!issues.is_empty())
                .then(|| {
                    view! {
                        <h3>{t.about_issues_heading}</h3>
                        <ul data-testid="config-issues">
                            {issues.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}
                        </ul>
                        {only_ignored.then(|| view! { <p>{t.about_ignored_note}</p> })}
                    }
                })}
            {instrument}
            {config.embed.then(|| view! { <p>{t.about_embed_on}</p> })}
            {if in_course {
                view! { <p>{t.about_course_on}</p> }.into_any()
            } else {
                view! { <p>{t.about_namespace(namespace.prefix())}</p> }.into_any()
            }}
        </section>
    }
}

/// The screen for a part of Tend the deployment has turned off.
#[component]
pub fn ModuleOff() -> impl IntoView {
    view! {
        <DeadEnd
            title=|t| t.module_off_title
            body=|t| t.module_off_body
            home=|t| t.module_off_home
        />
    }
}

/// Whether the deployment has the screen at `route` turned on.
pub fn route_on(route: &Route) -> bool {
    route.allowed_by(&use_app().deployed.modules())
}
