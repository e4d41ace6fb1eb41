//! The instruments a person can take: the built-in one first, then the
//! deployment's own (if its settings name one), then any the person loaded.
//! Built-in and loaded definitions go through the same validation and the
//! same scoring.
//!
//! The deployment's definition outranks the person's files: whoever set
//! Tend up decides what their check-in is, so a file with the same id never
//! replaces it, whichever arrived first.
//!
//! The catalogue also keeps the built-in instrument's earlier versions. They
//! are never offered; a check-in answered with one is scored with it (see
//! [`Catalogue::get_version`]).
//!
//! It holds check-ins only: an organisation self-check is refused whoever
//! offers it.

use super::instrument::{Instrument, InstrumentKind};
use super::validation::{InstrumentError, SelfCheckProblem};

/// The instruments on offer, built-in first.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalogue {
    builtin: Instrument,
    earlier: Vec<Instrument>,
    deployed: Option<Instrument>,
    loaded: Vec<Instrument>,
}

impl Catalogue {
    /// A catalogue holding only the built-in instrument.
    pub fn new(builtin: Instrument) -> Catalogue {
        Catalogue {
            builtin,
            earlier: Vec::new(),
            deployed: None,
            loaded: Vec::new(),
        }
    }

    /// The same catalogue, keeping `earlier` versions of the built-in
    /// instrument for scoring the check-ins answered with them. Versions
    /// with another id than the built-in's, or its current version, are
    /// left out.
    pub fn with_earlier(mut self, earlier: &[Instrument]) -> Catalogue {
        self.earlier = earlier
            .iter()
            .filter(|i| i.id == self.builtin.id && i.version != self.builtin.version)
            .cloned()
            .collect();
        self
    }

    /// Reads, validates and adds a definition from a person's file. A
    /// definition with the id of one they loaded earlier replaces it (a
    /// newer version); one with the id of the built-in or the deployment's
    /// definition is refused. On any error the catalogue is left exactly as
    /// it was.
    pub fn load_json(&mut self, text: &str) -> Result<&Instrument, InstrumentError> {
        let instrument = Instrument::from_json(text)?;
        self.add(instrument)
    }

    /// Adds an already-parsed definition from a person's file, validating
    /// it first; see [`Catalogue::load_json`].
    pub fn add(&mut self, instrument: Instrument) -> Result<&Instrument, InstrumentError> {
        self.check_free(&instrument)?;
        if self
            .deployed
            .as_ref()
            .is_some_and(|d| d.id == instrument.id)
        {
            return Err(InstrumentError::DeploymentIdInUse { id: instrument.id });
        }
        let index = match self.loaded.iter().position(|i| i.id == instrument.id) {
            Some(index) => {
                self.loaded[index] = instrument;
                index
            }
            None => {
                self.loaded.push(instrument);
                self.loaded.len() - 1
            }
        };
        Ok(&self.loaded[index])
    }

    /// Reads, validates and sets the deployment's definition (from the file
    /// its settings name). It replaces any earlier deployment definition and
    /// takes the place of a person's file with the same id. On any error the
    /// catalogue is left exactly as it was.
    pub fn load_deployed_json(&mut self, text: &str) -> Result<&Instrument, InstrumentError> {
        let instrument = Instrument::from_json(text)?;
        self.set_deployed(instrument)
    }

    /// Sets an already-parsed deployment definition, validating it first;
    /// see [`Catalogue::load_deployed_json`].
    pub fn set_deployed(&mut self, instrument: Instrument) -> Result<&Instrument, InstrumentError> {
        self.check_free(&instrument)?;
        self.loaded.retain(|i| i.id != instrument.id);
        Ok(self.deployed.insert(instrument))
    }

    /// Validates a definition and checks it is a check-in that does not
    /// take the built-in id. An organisation self-check is refused: it is
    /// answered about an organisation, not about oneself.
    fn check_free(&self, instrument: &Instrument) -> Result<(), InstrumentError> {
        instrument.validate()?;
        if instrument.kind != InstrumentKind::CheckIn {
            return Err(InstrumentError::SelfCheck(SelfCheckProblem::NotACheckIn));
        }
        if instrument.id == self.builtin.id {
            return Err(InstrumentError::IdInUse {
                id: instrument.id.clone(),
            });
        }
        Ok(())
    }

    /// Removes a definition the person loaded; neither the built-in one nor
    /// the deployment's can be removed. Returns whether anything was
    /// removed.
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.loaded.len();
        self.loaded.retain(|i| i.id != id);
        self.loaded.len() != before
    }

    /// The built-in instrument.
    pub fn builtin(&self) -> &Instrument {
        &self.builtin
    }

    /// The deployment's own instrument, if it has one that validated.
    pub fn deployed(&self) -> Option<&Instrument> {
        self.deployed.as_ref()
    }

    /// The instruments the person loaded, in the order loaded.
    pub fn loaded(&self) -> impl Iterator<Item = &Instrument> {
        self.loaded.iter()
    }

    /// The instrument with this id.
    pub fn get(&self, id: &str) -> Option<&Instrument> {
        self.iter().find(|i| i.id == id)
    }

    /// The instrument a check-in answered with version `version` of `id`
    /// is scored with: that very version when the catalogue has it (an
    /// earlier version of the built-in one), otherwise the one on offer
    /// with that id (a loaded file keeps only its latest version).
    pub fn get_version(&self, id: &str, version: &str) -> Option<&Instrument> {
        self.earlier
            .iter()
            .find(|i| i.id == id && i.version == version)
            .or_else(|| self.get(id))
    }

    /// Every instrument on offer: built-in first, then the deployment's,
    /// then the person's in the order loaded.
    pub fn iter(&self) -> impl Iterator<Item = &Instrument> {
        std::iter::once(&self.builtin)
            .chain(self.deployed.iter())
            .chain(self.loaded.iter())
    }

    /// Every instrument a check-in may have been answered with: those on
    /// offer, then the built-in one's earlier versions.
    pub fn every_version(&self) -> impl Iterator<Item = &Instrument> {
        self.iter().chain(self.earlier.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::TEND_EN;

    const SMALL: &str = include_str!("../../tests/fixtures/instruments/valid-small.json");

    fn catalogue() -> Catalogue {
        match Instrument::from_json(TEND_EN) {
            Ok(builtin) => Catalogue::new(builtin),
            Err(e) => panic!("{e}"),
        }
    }

    fn version(c: &Catalogue, id: &str) -> Option<String> {
        c.get(id).map(|i| i.version.clone())
    }

    /// The same definition as `SMALL` under another version, so it can be
    /// told apart.
    fn small_version(v: &str) -> String {
        SMALL.replace("\"version\": \"1\"", &format!("\"version\": \"{v}\""))
    }

    #[test]
    fn a_persons_file_never_replaces_the_deployments_definition() {
        let mut c = catalogue();
        assert!(c.load_deployed_json(&small_version("org")).is_ok());
        let before = c.clone();
        assert_eq!(
            c.load_json(&small_version("mine"))
                .map(|i| i.version.clone()),
            Err(InstrumentError::DeploymentIdInUse {
                id: "fixture".into()
            })
        );
        assert_eq!(c, before);
        assert_eq!(version(&c, "fixture").as_deref(), Some("org"));
        assert!(!c.remove("fixture"));
        assert_eq!(c.iter().count(), 2);
    }

    #[test]
    fn the_deployments_definition_wins_when_the_persons_came_first() {
        let mut c = catalogue();
        assert!(c.load_json(&small_version("mine")).is_ok());
        assert!(c.load_deployed_json(&small_version("org")).is_ok());
        assert_eq!(version(&c, "fixture").as_deref(), Some("org"));
        assert_eq!(c.loaded().count(), 0);
        let ids: Vec<&str> = c.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["tend", "fixture"]);
    }

    #[test]
    fn a_check_in_is_scored_with_the_version_it_was_answered_with() {
        let (Ok(current), Ok(earlier)) = (crate::builtin::tend(), crate::builtin::tend_earlier())
        else {
            panic!("a shipped definition does not load");
        };
        let c = Catalogue::new(current.clone()).with_earlier(earlier);
        let found = |v: &str| c.get_version("tend", v).map(|i| i.version.clone());
        assert_eq!(found("1").as_deref(), Some("1"));
        assert_eq!(found("2").as_deref(), Some("2"));
        // A version Tend never had is read with the current one.
        assert_eq!(found("7").as_deref(), Some("2"));
        assert_eq!(c.get_version("unknown", "1"), None);
        // Earlier versions are never offered.
        assert_eq!(c.iter().count(), 1);
        assert_eq!(c.every_version().count(), 2);
        // Only the built-in's own earlier versions are kept.
        let mut small = match Instrument::from_json(SMALL) {
            Ok(i) => i,
            Err(e) => panic!("{e}"),
        };
        small.version = "0".into();
        let c = Catalogue::new(current.clone()).with_earlier(&[small, current.clone()]);
        assert_eq!(c.every_version().count(), 1);
    }

    #[test]
    fn the_deployment_cannot_take_the_builtin_id_either() {
        let mut c = catalogue();
        let builtin = c.builtin().clone();
        assert_eq!(
            c.set_deployed(builtin).map(|i| i.id.clone()),
            Err(InstrumentError::IdInUse { id: "tend".into() })
        );
        assert_eq!(c.deployed(), None);
    }
}
