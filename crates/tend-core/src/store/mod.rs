//! The person's data and how it is kept: the versioned envelope, schema
//! migrations, merging, export and import, and the storage logic over any
//! key-value store. Pure: the browser side is `platform::storage`.
//!
//! [`data::TendData`] holds it all; each concept's records and behaviour
//! live in their own module (check-ins, pulses, instruments, journal,
//! practices, plan, settings, a leader's self-checks and team codes,
//! removals). [`self_check_share`] reads and writes a leader's
//! organisation self-check as a file or code to pass on.

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod arbitrary;
pub mod backup;
pub mod checkins;
pub mod checksum;
pub mod data;
pub mod envelope;
pub mod ids;
pub mod import;
pub mod instruments;
pub mod journal;
pub mod keys;
pub mod lock;
pub mod merge;
pub mod migrate;
pub mod mirror;
pub mod plan;
pub mod practices;
pub mod pulses;
pub mod removal;
pub mod sample;
pub mod self_check_share;
pub mod self_checks;
pub mod settings;
pub mod split;
pub mod team_codes;
pub mod vault;

pub use data::{Settings, TendData, TextSize, Theme};
pub use keys::Namespace;
pub use migrate::CURRENT_SCHEMA;
pub use vault::{Backend, BackendError, MemoryReason, Mode, Vault};
