//! The deployment wired into the app: its settings file, the portal that
//! frames Tend (host events), the LMS that launched it (SCORM), the service
//! worker's update and the install prompt. Decisions live in `deploy` and
//! `domain::course`; browser calls in `platform`.

use crate::content::{Locale, Strings};
use crate::platform::{self, fetch, host, scorm, sw};
use leptos::prelude::*;
use tend_core::deploy::{self, Deployment, Issue, Modules, Problem, Source};
use tend_core::domain::course::{CourseProgress, Milestone};
use tend_core::store::TendData;
use wasm_bindgen::JsValue;

/// Reads `tend.config.json` (when there is one) and the page address.
/// Never fails: without a file (404) Tend runs as it ships; when it cannot
/// be fetched otherwise, Tend runs as it ships on memory only. index.html preloads the file, and this plain fetch takes that
/// response; the service worker asks the server past the HTTP cache, so a
/// changed file is seen on the next visit.
pub async fn load() -> Deployment {
    let languages: Vec<&str> = Locale::ALL.iter().map(|l| l.code()).collect();
    let query = platform::location_search();
    match fetch::text(deploy::FILE_NAME).await {
        Ok(text) => deploy::load(Some(&text), &query, &languages),
        // No file: Tend runs as it ships.
        Err(fetch::FetchError::Status(404)) => deploy::load(None, &query, &languages),
        // A file that may be there but could not be read: its namespace is
        // unknown, so nothing is stored (see `Deployment::may_store`).
        Err(_) => deploy::unreachable(&query, &languages),
    }
}

/// The deployment's instrument file, once fetched.
#[derive(Clone, Debug, PartialEq)]
pub enum DeployedInstrument {
    /// The deployment names none.
    None,
    /// Being fetched.
    Loading,
    /// Its text (checked when the catalogue is built).
    Loaded(String),
    /// It could not be fetched.
    Unreachable,
}

/// What the running app knows of its deployment, provided through context.
#[derive(Clone, Copy)]
pub struct Deployed {
    deployment: StoredValue<Deployment>,
    links: StoredValue<Links, LocalStorage>,
    /// Launched by an LMS: data stays in memory.
    pub in_course: bool,
    /// A new release has installed and waits for a reload.
    pub update_ready: RwSignal<bool>,
    /// The browser offered an install prompt Tend may show.
    pub install_ready: RwSignal<bool>,
    install_prompt: StoredValue<Option<JsValue>, LocalStorage>,
    /// The deployment's instrument file.
    pub instrument: RwSignal<DeployedInstrument>,
}

/// The outside parties Tend may tell about milestones.
struct Links {
    host: Option<host::Host>,
    course: Option<(scorm::Scorm, CourseProgress)>,
}

/// Reads the deployment provided by `main` (defaults when there is none,
/// as in tests).
pub fn provided() -> Deployment {
    use_context::<Deployment>().unwrap_or_default()
}

impl Deployed {
    /// Connects to the LMS and the host page, applies the accent and embed
    /// mode, registers the service worker and fetches the deployment's
    /// instrument. Call once, before the storage opens.
    pub fn start(deployment: Deployment, learn_topics: &[&str]) -> Deployed {
        let config = deployment.config.clone();
        let course = scorm::find().map(|lms| {
            let progress =
                CourseProgress::new(config.scorm_completion, learn_topics.iter().copied());
            (lms, progress)
        });
        let in_course = course.is_some();
        // An LMS that refuses to start is not told anything more, but its
        // shared storage is still kept out of.
        let course = course.filter(|(lms, _)| lms.start());
        let deployed = Deployed {
            deployment: StoredValue::new(deployment),
            links: StoredValue::new_local(Links {
                host: host::connect(config.host_origin.as_deref()),
                course,
            }),
            in_course,
            update_ready: RwSignal::new(false),
            install_ready: RwSignal::new(false),
            install_prompt: StoredValue::new_local(None),
            instrument: RwSignal::new(if config.instrument.is_some() {
                DeployedInstrument::Loading
            } else {
                DeployedInstrument::None
            }),
        };

        if let Some(hex) = config.accent.map(|c| c.to_hex()) {
            platform::set_root_style("--org-accent", Some(&hex));
        }
        if config.embed {
            platform::set_root_attribute("data-embed", Some("true"));
        }
        // The LMS's origin is not Tend's to install workers on.
        if !in_course {
            let ready = deployed.update_ready;
            sw::register(move || ready.set(true));
        }
        let offer = !config.embed && !in_course;
        let (install_ready, install_prompt) = (deployed.install_ready, deployed.install_prompt);
        sw::catch_install_prompt(offer, move |prompt| {
            install_prompt.set_value(Some(prompt));
            install_ready.set(true);
        });
        if let Some(file) = config.instrument {
            let slot = deployed.instrument;
            leptos::task::spawn_local(async move {
                slot.set(match fetch::text(&file).await {
                    Ok(text) => DeployedInstrument::Loaded(text),
                    Err(_) => DeployedInstrument::Unreachable,
                });
            });
        }
        deployed.listen();
        deployed
    }

    /// The deployment in force.
    pub fn deployment(&self) -> Deployment {
        self.deployment.get_value()
    }

    /// Which optional parts are on.
    pub fn modules(&self) -> Modules {
        self.deployment.with_value(|d| d.config.modules)
    }

    /// Whether Tend runs in a portal's frame with compact chrome.
    pub fn embed(&self) -> bool {
        self.deployment.with_value(|d| d.config.embed)
    }

    /// Answers the host's greeting (only from the configured origin) and
    /// ends the LMS session when the page goes away.
    fn listen(&self) {
        let links = self.links;
        let greeting = window_event_listener(leptos::ev::message, move |event| {
            links.with_value(|l| {
                if let Some(h) = &l.host {
                    if h.is_from_host(&event)
                        && host::message_type(&event).as_deref() == Some("tend:hello")
                    {
                        h.post("tend:ready", None);
                    }
                }
            });
        });
        let finish = window_event_listener(leptos::ev::pagehide, move |_| {
            links.with_value(|l| {
                if let Some((lms, _)) = &l.course {
                    lms.finish();
                }
            });
        });
        on_cleanup(move || {
            greeting.remove();
            finish.remove();
        });
    }

    /// The origin of the framing page that receives Tend's milestone
    /// events, when events are on (`host_origin` set and Tend framed).
    pub fn events_origin(&self) -> Option<String> {
        self.links
            .with_value(|l| l.host.as_ref().map(|h| h.origin().to_string()))
    }

    /// Whether an LMS launched Tend and is told when the course is complete.
    pub fn reports_to_course(&self) -> bool {
        self.links.with_value(|l| l.course.is_some())
    }

    /// Tells the host page Tend is ready.
    pub fn announce_ready(&self) {
        self.links.with_value(|l| {
            if let Some(h) = &l.host {
                h.post("tend:ready", None);
            }
        });
    }

    /// Passes a milestone on: an event to the host (without answers), and
    /// completion to the LMS when it completes the course.
    pub fn reach(&self, milestone: &Milestone) {
        self.links.update_value(|l| {
            if let (Some(h), Some((event, kind))) = (&l.host, milestone.host_event()) {
                h.post(event, kind);
            }
            if let Some((lms, progress)) = &mut l.course {
                if progress.note(milestone) {
                    lms.complete();
                }
            }
        });
    }

    /// Shows the browser's install prompt, if it offered one.
    pub fn install(&self) {
        self.install_prompt.with_value(|p| {
            if let Some(p) = p {
                sw::show_install_prompt(p);
            }
        });
    }

    /// Writes every problem with the settings to the browser console.
    pub fn report_to_console(&self, t: &Strings) {
        self.deployment.with_value(|d| {
            for issue in &d.issues {
                platform::warn(&format!("{}: {}", t.app_name, issue_text(t, issue)));
            }
        });
    }

    /// In a course, or on memory only because the settings could not be
    /// read, asks the browser to confirm leaving while there is a record no
    /// export holds (the browser words the question).
    pub fn guard_leaving(
        &self,
        data: RwSignal<TendData>,
        status: ReadSignal<crate::ui::storage::StorageStatus>,
        memory_only: bool,
    ) {
        if !(self.in_course || memory_only) {
            return;
        }
        let guard = window_event_listener(leptos::ev::beforeunload, move |event| {
            // With the lock on, a course keeps its data (sealed): leaving
            // loses nothing.
            let kept = status.with_untracked(|s| matches!(s.mode, tend_core::store::Mode::Saving));
            if !kept && data.with_untracked(TendData::has_unexported_records) {
                event.prevent_default();
                event.set_return_value("");
            }
        });
        on_cleanup(move || guard.remove());
    }
}

/// One problem with the settings, in plain words.
pub fn issue_text(t: &Strings, issue: &Issue) -> String {
    let source = match issue.source {
        Source::File => t.issue_file,
        Source::Address => t.issue_address,
    };
    let text: fn(&Strings, &str, &str) -> String = match issue.problem {
        Problem::NotJson(line, column) => {
            return t.issue_not_json(source, &line.to_string(), &column.to_string())
        }
        Problem::NotObject => return t.issue_not_object(source),
        Problem::UnknownKey => Strings::issue_unknown_key,
        Problem::WrongType => Strings::issue_wrong_type,
        Problem::BadText => Strings::issue_bad_text,
        Problem::HiddenCharacter => Strings::issue_hidden_character,
        Problem::DuplicateKey => Strings::issue_duplicate_key,
        Problem::BadLink => Strings::issue_bad_link,
        Problem::BadKind => Strings::issue_bad_kind,
        Problem::BadColour => Strings::issue_bad_colour,
        Problem::LowContrast => Strings::issue_low_contrast,
        Problem::BadLanguage => Strings::issue_bad_language,
        Problem::OutOfRange => Strings::issue_out_of_range,
        Problem::BadName => Strings::issue_bad_name,
        Problem::BadOrigin => Strings::issue_bad_origin,
        Problem::BadFileName => Strings::issue_bad_file_name,
        Problem::BadChoice => Strings::issue_bad_choice,
        Problem::TooMany => Strings::issue_too_many,
    };
    text(t, source, &issue.key)
}
