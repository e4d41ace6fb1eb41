//! The person's data and how it is kept: the versioned envelope, schema
//! migrations, export and import. Pure: the browser side is
//! `platform::storage`.

pub mod data;

pub use data::{Settings, TendData, TextSize, Theme};
