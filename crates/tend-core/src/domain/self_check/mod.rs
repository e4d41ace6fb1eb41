//! The organisation self-check: a leader's view of how fully their
//! organisation has in place the practices that protect staff from
//! secondary trauma, area by area. The statements, areas, bands and action
//! texts are an instrument definition of kind `organisation`
//! ([`crate::builtin::org`]); everything here is pure.
//!
//! - [`record`]: a saved self-check and its answers ("don't know"
//!   included), and the team or unit name.
//! - [`result`]: each area's score, band and "don't know" count, the areas
//!   weakest first, and actions for the two weakest.
//! - [`actions`]: where each of Tend's own actions leads in the leaders'
//!   guide (a LEAD fact and a page).
//! - [`compare`]: self-checks side by side, area by area.
//! - [`csv`]: area scores as CSV.
//!
//! Passing a self-check to another leader as a small file or a code, and
//! reading one back, is [`crate::store::self_check_share`]; keeping them
//! in the person's data is [`crate::store::self_checks`].

pub mod actions;
pub mod compare;
pub mod csv;
pub mod record;
pub mod result;

pub use actions::{guide_link, GuideLink, LeadFact};
pub use compare::{compare, AreaRow, ComparedCheck, Comparison};
pub use csv::csv_of_area_scores;
pub use record::{clean_team_name, SelfCheck, SelfCheckAnswer, SelfCheckAnswers, TeamNameError};
pub use result::{score_self_check, AreaResult, FocusArea, SelfCheckResult, SuggestedAction};
