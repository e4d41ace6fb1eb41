//! What the check-in screens share: the instruments on offer (Tend's own
//! plus any the person loaded), and small readers over the person's data.

use crate::content::{instruments, Locale};
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

/// A catalogue holding Tend's own check-in for a language.
fn builtin_catalogue(locale: Locale) -> Result<Catalogue, String> {
    let builtin = instruments::tend(locale).map_err(|e| e.to_string())?;
    Ok(Catalogue::new(builtin.clone()))
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
        .map_err(|e| e.to_string())
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
}
