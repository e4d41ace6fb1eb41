//! Reusable pieces of the interface.

pub mod chart_parts;
pub mod contacts;
pub mod data_panel;
pub mod dead_end;
pub mod deployment_parts;
pub mod fragment;
pub mod headline_chart;
pub mod instrument_files;
pub mod language_notice;
pub mod language_switch;
pub mod lock_parts;
pub mod nav;
pub mod next_checkin;
pub mod page_body;
pub mod plan_parts;
pub mod practice_parts;
pub mod question;
pub mod resume_draft;
pub mod safety_panel;
pub mod score_views;
pub mod self_check_parts;
pub mod storage_banner;
pub mod team_share;
pub mod text_records;
pub mod trend_chart;
