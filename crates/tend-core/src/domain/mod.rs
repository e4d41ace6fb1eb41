//! Pure decision logic: no browser, no clock, no storage. Everything here is
//! plain Rust, tested natively.
//!
//! - [`instrument`]: the instrument definition format (JSON).
//! - [`answer`]: what a person answered, item by item.
//! - [`entry`]: completed check-ins and pulses, as the store keeps them.
//! - [`validation`]: the checks every definition passes before it is used.
//! - [`scoring`]: answers in, subscale scores and bands out.
//! - [`reading`]: the plain-language reading of a scored profile, as data.
//! - [`catalogue`]: the built-in and loaded definitions, side by side.
//! - [`history`]: change between check-ins, trends, the next check-in.
//! - [`chart`]: where the results and history charts put every zone, bar,
//!   marker and tick.
//! - [`calendar`]: the .ics reminder for the next check-in.
//! - [`pacer`]: where the paced-breathing pacer is at any running time.
//! - [`strategy`]: the strategy library's tags, filtering and lookup.
//! - [`recommend`]: a check-in's reading in, ranked strategies with reasons out.
//! - [`practice`]: guided practices and ranking them by this person's benefit.
//! - [`plan`]: the personal plan, what is due on a date, the log, time off.
//! - [`self_check`]: the organisation self-check: areas scored, weakest
//!   first with actions, compared, shared and exported as CSV.
//! - [`team`]: the team pulse code a member shares, and a leader's view of a
//!   month's codes that shows nothing until enough are in.

pub mod answer;
pub mod calendar;
pub mod catalogue;
pub mod chart;
pub mod course;
pub mod entry;
pub mod history;
pub mod instrument;
pub mod pacer;
pub mod plan;
pub mod practice;
pub mod progress;
pub mod reading;
pub mod recommend;
pub mod scoring;
pub mod self_check;
pub mod strategy;
pub mod team;
pub mod validation;
