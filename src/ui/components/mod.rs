//! Reusable pieces of the interface.

pub mod data_panel;
pub mod nav;
pub mod page_body;
pub mod storage_banner;
