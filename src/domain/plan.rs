//! The personal plan.
