//! The instruments a person can take: the built-in one first, then any an
//! organisation loaded. Built-in and loaded definitions go through the same
//! validation and the same scoring.

use super::instrument::Instrument;
use super::validation::InstrumentError;

/// The instruments on offer, built-in first.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalogue {
    builtin: Instrument,
    loaded: Vec<Instrument>,
}

impl Catalogue {
    /// A catalogue holding only the built-in instrument.
    pub fn new(builtin: Instrument) -> Catalogue {
        Catalogue {
            builtin,
            loaded: Vec::new(),
        }
    }

    /// Reads, validates and adds a definition from a file. A definition
    /// with the id of one loaded earlier replaces it (a newer version). On
    /// any error the catalogue is left exactly as it was.
    pub fn load_json(&mut self, text: &str) -> Result<&Instrument, InstrumentError> {
        let instrument = Instrument::from_json(text)?;
        self.add(instrument)
    }

    /// Adds an already-parsed definition, validating it first; see
    /// [`Catalogue::load_json`].
    pub fn add(&mut self, instrument: Instrument) -> Result<&Instrument, InstrumentError> {
        instrument.validate()?;
        if instrument.id == self.builtin.id {
            return Err(InstrumentError::IdInUse { id: instrument.id });
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

    /// Removes a loaded definition; the built-in one cannot be removed.
    /// Returns whether anything was removed.
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.loaded.len();
        self.loaded.retain(|i| i.id != id);
        self.loaded.len() != before
    }

    /// The built-in instrument.
    pub fn builtin(&self) -> &Instrument {
        &self.builtin
    }

    /// The instrument with this id.
    pub fn get(&self, id: &str) -> Option<&Instrument> {
        self.iter().find(|i| i.id == id)
    }

    /// Every instrument, built-in first, then in the order loaded.
    pub fn iter(&self) -> impl Iterator<Item = &Instrument> {
        std::iter::once(&self.builtin).chain(self.loaded.iter())
    }
}
