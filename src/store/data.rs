//! The person's data as the current schema defines it. Domain types only:
//! no signals, no browser calls.

use serde::{Deserialize, Serialize};

/// Everything Tend keeps for the person. Later schema versions add
/// collections (check-ins, plan, journal); each addition is a migration.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TendData {
    /// The person's preferences.
    #[serde(default)]
    pub settings: Settings,
    /// When the person last exported a backup file (ms since the epoch);
    /// `None` if they never have. Drives the reminder to export.
    #[serde(default)]
    pub last_exported_at: Option<i64>,
}

impl TendData {
    /// Whether there is nothing worth keeping: the data a first visit
    /// starts with. Nothing is written to storage until this is false.
    pub fn is_blank(&self) -> bool {
        *self == TendData::default()
    }
}

/// Colour scheme choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the system setting.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// Base text size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TextSize {
    /// The browser's default size.
    #[default]
    Normal,
    /// One step larger.
    Large,
    /// Two steps larger.
    Larger,
}

/// The person's preferences.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Chosen language code; `None` follows the browser.
    #[serde(default)]
    pub language: Option<String>,
    /// Colour scheme.
    #[serde(default)]
    pub theme: Theme,
    /// Base text size.
    #[serde(default)]
    pub text_size: TextSize,
    /// Region id for crisis contacts (`us`, `ca`, `uk-ie`, `au`, `other`);
    /// `None` until the person picks one.
    #[serde(default)]
    pub region: Option<String>,
    /// When these settings last changed (ms since the epoch); the newer
    /// side wins when two tabs or an import disagree.
    #[serde(default)]
    pub updated_at: i64,
}
