//! The thin shell: renders state and forwards intent. Decisions live in the
//! pure modules; browser side effects live in `platform`.

pub mod checkin;
pub mod components;
pub mod deployment;
pub mod language;
pub mod pages;
pub mod storage;

use crate::content::{self, Locale, Strings};
use crate::platform;
use crate::route::Route;
use leptos::prelude::*;
use tend_core::store::{MemoryReason, TendData, TextSize, Theme};

/// What every screen may read: the language, the current route and the
/// person's data. Components take the narrowest piece they need.
#[derive(Clone, Copy)]
pub struct AppContext {
    /// The language in use.
    pub locale: Memo<Locale>,
    /// The language wanted, and whether fetching it failed.
    pub language: language::Language,
    /// The screen being shown.
    pub route: ReadSignal<Route>,
    /// The person's data; writes are saved by one effect.
    pub data: RwSignal<TendData>,
    /// The deployment, the host page and the LMS.
    pub deployed: deployment::Deployed,
}

impl AppContext {
    /// The interface strings of the current language.
    pub fn t(&self) -> &'static Strings {
        self.locale.get().strings()
    }

    /// Tells the host page and the LMS about a milestone, as the
    /// deployment allows (see [`deployment::Deployed::reach`]).
    pub fn reach(&self, milestone: tend_core::domain::course::Milestone) {
        self.deployed.reach(&milestone);
    }
}

/// Reads the app context provided by [`App`].
pub fn use_app() -> AppContext {
    expect_context::<AppContext>()
}

/// The whole app: providers, routing, and the shell around every screen.
#[component]
pub fn App() -> impl IntoView {
    // The deployment first: it says where the data lives, and whether an
    // LMS launched Tend (then nothing is stored; see `deployment`).
    let deployment = deployment::provided();
    let config = deployment.config.clone();
    let browser_locale = config
        .language
        .as_deref()
        .and_then(crate::content::locale_from_code)
        .unwrap_or_else(|| {
            content::negotiate(platform::browser_languages().iter().map(String::as_str))
        });
    let learn_topics: Vec<&str> = browser_locale
        .content()
        .learn
        .iter()
        .map(|p| p.slug)
        .collect();
    let may_store = deployment.may_store();
    let memory_configured = deployment.config.memory_only;
    let deployed = deployment::Deployed::start(deployment, &learn_topics);
    // Load the person's data before anything renders; it is saved by one
    // effect and kept in step with other tabs (see `storage`).
    let memory = if deployed.in_course {
        Some(MemoryReason::Course)
    } else if memory_configured {
        Some(MemoryReason::Configured)
    } else if !may_store {
        Some(MemoryReason::SettingsUnread)
    } else {
        None
    };
    let memory_only = memory.is_some();
    let (storage, data) = storage::start(config.namespace.clone().unwrap_or_default(), memory);
    platform::mark("tend-data-open");
    let lock_view = storage.lock_view();
    // While locked, the language and theme kept in the open with the lock
    // stand in for the person's settings, which are encrypted.
    let shown = Memo::new(move |_| {
        (lock_view.get() == storage::LockView::Locked).then(|| storage.shown_while_locked())
    });
    // The deployment's check-in interval holds until the person picks one.
    if let Some(days) = config.reminder_days {
        data.update_untracked(|d| {
            if d.settings.updated_at == 0 {
                d.settings.checkin_interval_days = days;
            }
        });
    }
    deployed.guard_leaving(data, storage.status(), memory_only);
    let (route, set_route) = signal(Route::parse(&platform::location_hash()));
    let wanted = Memo::new(move |_| {
        let chosen = match shown.get() {
            Some(shown) => shown.language,
            None => data.with(|d| d.settings.language.clone()),
        };
        chosen
            .as_deref()
            .and_then(content::locale_from_code)
            .unwrap_or(browser_locale)
    });
    let language = language::Language::follow(wanted);
    let locale = language.current;
    let ctx = AppContext {
        locale,
        language,
        route,
        data,
        deployed,
    };
    provide_context(ctx);
    checkin::provide_instruments(ctx, deployed.instrument);
    deployed.report_to_console(locale.get_untracked().strings());
    deployed.announce_ready();

    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(Route::parse(&platform::location_hash()));
    });

    // The page language, theme and text size live on <html> so CSS and
    // assistive technology see them.
    Effect::new(move |_| platform::set_root_attribute("lang", Some(locale.get().code())));
    Effect::new(move |_| {
        let (theme, size) = data.with(|d| (d.settings.theme, d.settings.text_size));
        let theme = match (shown.get(), theme) {
            (Some(shown), _) => match shown.theme.as_deref() {
                Some("light") => Some("light"),
                Some("dark") => Some("dark"),
                _ => None,
            },
            (None, Theme::System) => None,
            (None, Theme::Light) => Some("light"),
            (None, Theme::Dark) => Some("dark"),
        };
        platform::set_root_attribute("data-theme", theme);
        let size = match size {
            TextSize::Normal => None,
            TextSize::Large => Some("large"),
            TextSize::Larger => Some("larger"),
        };
        platform::set_root_attribute("data-text-size", size);
    });

    // On every navigation after the first, focus the new screen's heading so
    // keyboard and screen-reader users land at the start of it.
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
        if previous.is_some_and(|p| p != current) {
            platform::scroll_to_top();
            platform::focus_soon("main h1");
        }
        current
    });

    // Interface text is rendered as plain strings, not one reactive closure
    // each (which costs wasm size); a change of language redraws the shell.
    // On the first start in a language that is not English, the shell waits
    // for its words (see `language`). Only locking and unlocking swap the
    // shell: turning the lock on or off (off <-> unlocked) redraws nothing.
    let locked = Memo::new(move |_| lock_view.get() == storage::LockView::Locked);
    // Locking and unlocking replace the whole page: keyboard and
    // screen-reader users start again at the new screen's heading.
    Effect::new(move |previous: Option<bool>| {
        let now_locked = locked.get();
        if previous.is_some_and(|p| p != now_locked) {
            platform::focus_soon("main h1");
        }
        now_locked
    });
    move || {
        locale.track();
        let locked = locked.get();
        language.started.get().then(|| {
            if locked {
                view! { <LockedShell /> }.into_any()
            } else {
                view! { <Shell /> }.into_any()
            }
        })
    }
}

/// The header, navigation, main area and footer around every screen.
#[component]
fn Shell() -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    let skip = move |ev: leptos::ev::MouseEvent| {
        // The fragment is the router's, so the skip link moves focus itself.
        ev.prevent_default();
        platform::focus("#main");
    };
    // The page's own first paint (index.html) gives way once this shell is
    // in the page; from here the app is ready to use.
    Effect::new(move |_| {
        platform::take_over_static_shell();
        platform::mark("tend-ready");
    });
    view! {
        <a class="skip-link" href="#main" on:click=skip>{t().app_skip_to_content}</a>
        <header class="site-header">
            <a class="brand" href=Route::Home.href()>
                <span class="brand-mark" aria-hidden="true"></span>
                <span>{t().app_name}</span>
            </a>
            <components::lock_parts::LockNowButton />
            <a class="help-now" href=Route::Help.href() data-testid="help-now">
                {t().app_get_help_now}
            </a>
        </header>
        <components::deployment_parts::UpdateBanner />
        <components::language_notice::LanguageNotice />
        <components::storage_banner::StorageBanner />
        <components::deployment_parts::EmbedNotice />
        <components::nav::MainNav />
        <main id="main" tabindex="-1">
            {move || pages::screen(ctx.route.get())}
        </main>
        <footer class="site-footer">
            <p>
                {if ctx.deployed.events_origin().is_some() {
                    t().app_footer_private_events
                } else {
                    t().app_footer_private
                }}
            </p>
            <p>{t().app_footer_not_crisis}</p>
            <components::language_switch::LanguageSwitch />
        </footer>
    }
}

/// Everything shown while Tend is locked: the app's name, Get help, and
/// the passphrase field. Nothing of the person's data exists here.
#[component]
fn LockedShell() -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    Effect::new(move |_| {
        platform::take_over_static_shell();
        platform::mark("tend-ready");
    });
    view! {
        <header class="site-header">
            <a class="brand" href=Route::Home.href()>
                <span class="brand-mark" aria-hidden="true"></span>
                <span>{t().app_name}</span>
            </a>
            <a class="help-now" href=Route::Help.href() data-testid="help-now">
                {t().app_get_help_now}
            </a>
        </header>
        <main id="main" tabindex="-1">
            {move || match ctx.route.get() {
                Route::Help => view! { <pages::help::Help /> }.into_any(),
                _ => view! { <components::lock_parts::UnlockScreen /> }.into_any(),
            }}
        </main>
        <footer class="site-footer">
            <p>{t().app_footer_not_crisis}</p>
        </footer>
    }
}

/// Keeps the document title in step with the screen's heading.
pub fn title_effect(heading: impl Fn() -> String + 'static) {
    let ctx = use_app();
    Effect::new(move |_| {
        let t = ctx.t();
        crate::platform::set_title(&format!("{} — {}", heading(), t.app_title_suffix));
    });
}
