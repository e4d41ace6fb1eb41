//! Which language the app speaks, and fetching the one the person wants.
//!
//! The wanted language is the person's choice in Settings, else the
//! deployment's, else the browser's. English is always in memory; another
//! language's pack is fetched when it is wanted (`content::pack`). Until it
//! arrives the app keeps the language it has, so the screen never flashes
//! to English and back, and on the first start it waits for it (the page's
//! own first paint shows meanwhile). If it cannot be fetched, the app stays
//! in the language it has and says so, with a way to try again.

use crate::content::{pack, Locale};
use crate::platform::{self, fetch};
use leptos::prelude::*;
use std::fmt;

/// Why a language could not be loaded (for the console; the person reads
/// one plain sentence).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The pack could not be fetched.
    Fetch(fetch::FetchError),
    /// The pack was fetched but could not be read.
    Pack(pack::PackError),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Fetch(e) => write!(f, "could not be fetched ({e:?})"),
            LoadError::Pack(e) => e.fmt(f),
        }
    }
}

/// Fetches `locale`'s pack from `address` and installs it.
pub async fn load_from(locale: Locale, address: &str) -> Result<(), LoadError> {
    let json = fetch::text(address).await.map_err(LoadError::Fetch)?;
    pack::install(locale, &json).map_err(LoadError::Pack)
}

/// Makes `locale`'s words available: at once for English or a language
/// already loaded, else by fetching its pack beside `index.html`.
pub async fn load(locale: Locale) -> Result<(), LoadError> {
    match locale.pack() {
        Some(address) if !locale.is_ready() => load_from(locale, address).await,
        _ => Ok(()),
    }
}

/// The language state the shell reads.
#[derive(Clone, Copy)]
pub struct Language {
    /// The language the app speaks now.
    pub current: Memo<Locale>,
    /// The language the person (or the deployment, or the browser) wants.
    pub wanted: Memo<Locale>,
    /// The wanted language, when fetching it failed.
    pub failed: ReadSignal<Option<Locale>>,
    /// Whether the app has a language to start in: the wanted one, or,
    /// once fetching it failed, the one it has.
    pub started: ReadSignal<bool>,
    retry: WriteSignal<u32>,
}

impl Language {
    /// Follows `wanted`, fetching each language the first time it is
    /// wanted.
    pub fn follow(wanted: Memo<Locale>) -> Self {
        let (loaded, set_loaded) = signal(0u32);
        let (failed, set_failed) = signal(None::<Locale>);
        let (started, set_started) = signal(wanted.get_untracked().is_ready());
        let (tries, retry) = signal(0u32);
        let current = Memo::new(move |previous: Option<&Locale>| {
            loaded.track();
            let want = wanted.get();
            if want.is_ready() {
                want
            } else {
                previous.copied().unwrap_or(Locale::En)
            }
        });
        Effect::new(move |_| {
            tries.track();
            let want = wanted.get();
            if want.is_ready() {
                // Installed meanwhile (another screen's fetch, say): switch.
                set_failed.set(None);
                if current.get_untracked() != want {
                    set_loaded.update(|n| *n += 1);
                }
                return;
            }
            leptos::task::spawn_local(async move {
                match load(want).await {
                    Ok(()) => {
                        set_failed.set(None);
                        set_loaded.update(|n| *n += 1);
                    }
                    Err(e) => {
                        platform::warn(&format!("Tend: the language {} {e}", want.code()));
                        set_failed.set(Some(want));
                    }
                }
                set_started.set(true);
            });
        });
        Language {
            current,
            wanted,
            failed,
            started,
            retry,
        }
    }

    /// Tries the wanted language again.
    pub fn retry(&self) {
        self.retry.update(|n| *n += 1);
    }
}
