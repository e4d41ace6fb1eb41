//! Tend: a private, offline-first check-in and strategy guide for people who
//! carry other people's trauma.
//!
//! The crate is a pure core (`content`, `route`, `store`) that decides
//! things and is tested natively, and a thin shell (`platform`, `ui`) that
//! talks to the browser and renders state.

pub mod content;
/// The markup builder, from `tend-content` (kept at `crate::html`).
pub use tend_content::html;
pub mod platform;
pub mod route;
pub mod ui;

pub use ui::App;
