//! Recommendations.
