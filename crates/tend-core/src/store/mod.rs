//! The person's data and how it is kept: the versioned envelope, schema
//! migrations, merging, export and import, and the storage logic over any
//! key-value store. Pure: the browser side is `platform::storage`.

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod arbitrary;
pub mod backup;
pub mod checksum;
pub mod data;
pub mod envelope;
pub mod import;
pub mod keys;
pub mod merge;
pub mod migrate;
pub mod personal;
pub mod vault;

pub use data::{Settings, TendData, TextSize, Theme};
pub use keys::Namespace;
pub use migrate::CURRENT_SCHEMA;
pub use vault::{Backend, BackendError, MemoryReason, Mode, Vault};
