//! Reusable pieces of the interface.

pub mod nav;
pub mod page_body;
