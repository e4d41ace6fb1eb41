//! What the check-in screens share: the instruments on offer (Tend's own
//! plus any the person loaded), and small readers over the person's data.

use crate::content::{instrument_errors, instruments, Locale};
use crate::ui::deployment::DeployedInstrument;
use crate::ui::AppContext;
use leptos::prelude::*;
use tend_core::domain::catalogue::Catalogue;
use tend_core::domain::instrument::Instrument;
use tend_core::store::data::LoadedInstrument;

/// The instruments on offer, rebuilt only when the language or the loaded
/// definitions change. `Err` holds a plain message when Tend's own
/// definition cannot be read (a defect the tests guard against).
#[derive(Clone, Copy)]
pub struct Instruments(pub Memo<Result<Catalogue, String>>);

/// A catalogue holding Tend's own check-in for a language, and its earlier
/// versions for the check-ins answered with them.
fn builtin_catalogue(locale: Locale) -> Result<Catalogue, String> {
    let builtin = instruments::tend(locale).map_err(|e| e.to_string())?;
    let earlier = instruments::tend_earlier(locale).map_err(|e| e.to_string())?;
    Ok(Catalogue::new(builtin.clone()).with_earlier(earlier))
}

/// Builds the catalogue for a language, the deployment's instrument file
/// (if any) and the person's loaded files. A file that does not validate
/// is left out rather than stopping the check-in (Settings > About says
/// why for the deployment's); a person's file with the deployment's id is
/// left out too.
pub fn catalogue(
    locale: Locale,
    deployed: Option<&str>,
    loaded: &[LoadedInstrument],
) -> Result<Catalogue, String> {
    let mut catalogue = builtin_catalogue(locale)?;
    if let Some(text) = deployed {
        let _ = catalogue.load_deployed_json(text);
    }
    for file in loaded {
        // A person's file with the deployment's id is refused here, so the
        // deployment's definition is the one offered.
        let _ = catalogue.load_json(&file.json);
    }
    Ok(catalogue)
}

/// What becomes of the deployment's instrument file in the catalogue
/// (which takes it right after Tend's own): its title when it is offered,
/// or why it is not.
pub fn deployed_outcome(locale: Locale, text: &str) -> Result<String, String> {
    builtin_catalogue(locale)?
        .load_deployed_json(text)
        .map(|i| i.title.clone())
        .map_err(|e| instrument_errors::describe(locale.strings(), &e))
}

/// Provides [`Instruments`] for the screens below `App`.
pub fn provide_instruments(ctx: AppContext, deployed: RwSignal<DeployedInstrument>) {
    let loaded = Memo::new(move |_| ctx.data.with(|d| d.instruments.clone()));
    let memo = Memo::new(move |_| {
        deployed.with(|file| {
            let text = match file {
                DeployedInstrument::Loaded(text) => Some(text.as_str()),
                _ => None,
            };
            loaded.with(|l| catalogue(ctx.locale.get(), text, l))
        })
    });
    provide_context(Instruments(memo));
    carry_draft_over(ctx, Instruments(memo));
}

/// Carries a check-in in progress over to the version of its instrument on
/// offer, when it was started with another (Tend's check-in changed while
/// the person was part way through): the answers that still fit are kept,
/// the rest are asked again. Runs whenever the draft's instrument or
/// version, or the catalogue, changes.
fn carry_draft_over(ctx: AppContext, instruments: Instruments) {
    let draft_of = Memo::new(move |_| {
        ctx.data.with(|d| {
            d.draft
                .as_ref()
                .map(|d| (d.instrument_id.clone(), d.instrument_version.clone()))
        })
    });
    Effect::new(move |_| {
        let Some((id, version)) = draft_of.get() else {
            return;
        };
        let Some(current) = instruments.get(&id) else {
            return;
        };
        if current.version != version {
            let now = crate::platform::now_ms();
            ctx.data.update(|d| {
                d.carry_draft_over(&current, now);
            });
        }
    });
}

/// Reads the instruments provided by `App`.
pub fn use_instruments() -> Instruments {
    expect_context::<Instruments>()
}

impl Instruments {
    /// The instrument with this id, if it is on offer.
    pub fn get(&self, id: &str) -> Option<Instrument> {
        self.0
            .with(|c| c.as_ref().ok().and_then(|c| c.get(id).cloned()))
    }

    /// The instrument a check-in answered with `version` of `id` is scored
    /// and read with (see [`Catalogue::get_version`]).
    pub fn get_version(&self, id: &str, version: &str) -> Option<Instrument> {
        self.0.with(|c| {
            c.as_ref()
                .ok()
                .and_then(|c| c.get_version(id, version).cloned())
        })
    }

    /// Every instrument a check-in may have been answered with, for
    /// scoring a history (see [`Catalogue::every_version`]).
    pub fn with_every_version<R>(&self, f: impl FnOnce(&[&Instrument]) -> R) -> R {
        self.0.with(|c| {
            let list: Vec<&Instrument> = c
                .as_ref()
                .map(|c| c.every_version().collect())
                .unwrap_or_default();
            f(&list)
        })
    }
}
