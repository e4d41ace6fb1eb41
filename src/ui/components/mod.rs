//! Reusable pieces of the interface.

pub mod data_panel;
pub mod headline_chart;
pub mod nav;
pub mod page_body;
pub mod storage_banner;
pub mod trend_chart;
