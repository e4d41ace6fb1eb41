//! Geometry for Tend's hand-drawn SVG charts: where band zones, bars,
//! markers, lines and ticks go. Plain data in (values, ranges, bands,
//! label widths), plain structs of coordinates out, so every layout rule is
//! tested natively and the web crate's components only draw what this
//! module decides. Nothing here writes markup or words: labels pass
//! through from the instrument, and the caller formats every number and
//! date it shows.
//!
//! Coordinates are SVG user units. A chart is drawn in a fixed-width
//! `viewBox` ([`CHART_WIDTH`] units wide) and scaled to its container, so one
//! unit is a little under one CSS pixel on a 320 px wide phone screen (the
//! page's padding takes some of it): the smallest text, 13 units, is then
//! about 12 px, and headings about 14 px.
//!
//! - [`scale`]: values onto coordinates.
//! - [`bands`]: where each band's zone starts and ends (the one rule for
//!   band boundaries).
//! - [`ticks`]: round values and dates worth a gridline or a label.
//! - [`headline`]: the results chart, one track per headline score.
//! - [`trend`]: the history chart, one panel per headline over time.

pub mod bands;
pub mod headline;
pub mod scale;
pub mod ticks;
pub mod trend;

pub use bands::{band_zones, ChartBand, Zone};
pub use headline::{headline_layout, HeadlineChartRow, HeadlineLayout, HeadlineRowLayout};
pub use scale::LinearScale;
pub use ticks::{fit_time_ticks, nice_ticks, time_ticks, TimeTick};
pub use trend::{
    time_extent, trend_entries, PlacedPoint, TrendEntry, TrendFrame, TrendPanelLayout, TrendPoint,
    TrendSeries,
};

/// Width of every chart's `viewBox`, in user units.
pub const CHART_WIDTH: f64 = 320.0;

/// Space kept clear around the drawing, in user units.
pub const CHART_PADDING: f64 = 8.0;

/// Size of a headline's name on the results chart.
pub const HEADING_TEXT: f64 = 16.0;

/// Size of a score and its band on the results chart, and of a panel's
/// name on the trend chart.
pub const VALUE_TEXT: f64 = 15.0;

/// Size of axis, tick and band-zone labels.
pub const SMALL_TEXT: f64 = 13.0;

/// How far below its centre line a label's baseline sits, as a share of the
/// font size, so text looks vertically centred on a point.
pub const BASELINE_SHIFT: f64 = 0.35;

/// Average advance of a character as a share of the font size. A little
/// generous for the system fonts Tend uses, so an estimate rarely falls
/// short and labels are dropped rather than overlapped.
const CHAR_WIDTH: f64 = 0.6;

/// A rough width of `text` set at `size`, for deciding whether a label
/// fits. Errs on the wide side.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * CHAR_WIDTH
}

/// Where to centre a label `width` wide near `center` so it stays within
/// `lo..=hi`; in the middle when it cannot fit at all.
pub fn clamp_label(center: f64, width: f64, lo: f64, hi: f64) -> f64 {
    let half = width / 2.0;
    if width >= hi - lo {
        (lo + hi) / 2.0
    } else {
        center.clamp(lo + half, hi - half)
    }
}

/// A 0–1 position as a whole percentage (`0.456` → 46).
pub fn percent(value: f64) -> u32 {
    if value.is_finite() {
        (value.clamp(0.0, 1.0) * 100.0).round() as u32
    } else {
        0
    }
}

/// `(a, b)` lowest first.
fn ordered(a: f64, b: f64) -> (f64, f64) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_clamped_inside_their_bounds() {
        // (center, width, lo, hi, expected)
        let cases = [
            (100.0, 40.0, 0.0, 340.0, 100.0),
            (5.0, 40.0, 0.0, 340.0, 20.0),
            (335.0, 40.0, 0.0, 340.0, 320.0),
            (50.0, 400.0, 0.0, 340.0, 170.0),
            (50.0, 340.0, 0.0, 340.0, 170.0),
        ];
        for (c, w, lo, hi, want) in cases {
            assert_eq!(clamp_label(c, w, lo, hi), want, "{c} {w} {lo}..{hi}");
        }
    }

    #[test]
    fn positions_read_as_whole_percentages() {
        assert_eq!(
            [0.0, 0.456, 1.0, 1.7, -3.0, f64::NAN, f64::INFINITY].map(percent),
            [0, 46, 100, 100, 0, 0, 0]
        );
    }

    #[test]
    fn text_width_grows_with_characters_not_bytes() {
        assert_eq!(text_width("", SMALL_TEXT), 0.0);
        assert_eq!(text_width("ñé", 10.0), text_width("ab", 10.0));
        assert!(text_width("Moderate", SMALL_TEXT) > text_width("Low", SMALL_TEXT));
    }
}
