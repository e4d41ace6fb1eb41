//! Reusable pieces of the interface.

pub mod data_panel;
pub mod fragment;
pub mod headline_chart;
pub mod instrument_files;
pub mod nav;
pub mod next_checkin;
pub mod page_body;
pub mod question;
pub mod safety_panel;
pub mod score_views;
pub mod storage_banner;
pub mod trend_chart;
