//! Tend's pure core: everything that decides something, with no browser,
//! no UI and no clock. Time comes in as an argument (ms since the epoch).
//!
//! - [`time`]: days and calendar dates, shared by everything below.
//! - [`domain`]: instruments, scoring, readings, recommendations, practices,
//!   the plan, the check-in history.
//! - [`store`]: the person's data, its versioned envelope, migrations,
//!   merging, export and import, and the storage logic over any key-value
//!   store.
//! - [`deploy`]: an organisation's deployment settings, strictly read.
//! - [`builtin`]: Tend's own check-in, pulse and organisation self-check
//!   definitions.

pub mod builtin;
pub mod contact;
pub mod deploy;
pub mod domain;
pub mod position;
pub mod store;
pub mod time;
