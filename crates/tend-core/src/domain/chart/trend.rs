//! The history chart: small multiples, one panel per headline, every panel
//! on one shared time axis, each entry placed by when it was completed and
//! where its score sits in its possible range.

use super::bands::{band_zones, ChartBand, Zone};
use super::scale::LinearScale;
use super::ticks::{fit_time_ticks, TimeTick};
use super::{text_width, BASELINE_SHIFT, CHART_PADDING, CHART_WIDTH, SMALL_TEXT, VALUE_TEXT};
use crate::domain::history::HeadlineTrend;

/// Radius of a check-in marker.
pub const CHECK_IN_RADIUS: f64 = 5.0;

/// Radius of a pulse marker: smaller, and drawn hollow.
pub const PULSE_RADIUS: f64 = 3.5;

// The key and the markers tell the kinds apart by size as well as fill.
const _: () = assert!(PULSE_RADIUS < CHECK_IN_RADIUS);

/// The most date ticks on the shared time axis.
pub const MAX_TICKS: usize = 4;

/// Width and height of a marker's sample in the key above the panels: a
/// stretch of line with the marker in its middle.
pub const LEGEND_MARK: (f64, f64) = (28.0, 16.0);

/// One check-in or pulse in a headline's history.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    /// When the entry was completed, in milliseconds since the epoch.
    pub at_ms: i64,
    /// Where the score sits in its possible range, from 0 (lowest) to 1
    /// (highest), so check-ins and pulses share one axis.
    pub value: f64,
    /// Whether the entry is a pulse (the short check) rather than a full
    /// check-in.
    pub is_pulse: bool,
    /// The label of the band the score falls in, if any.
    pub band: Option<String>,
}

/// One headline's history: its entries and its bands, both on the 0–1
/// scale.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendSeries {
    /// The headline's name (`Burnout`).
    pub label: String,
    /// The entries that scored this headline, in any order.
    pub points: Vec<TrendPoint>,
    /// The bands, lowest first, on the 0–1 scale.
    pub bands: Vec<ChartBand>,
}

impl From<&HeadlineTrend> for TrendSeries {
    /// A headline's history as the trend chart draws it: each entry's
    /// position in its range, and the bands on the same 0–1 axis.
    fn from(trend: &HeadlineTrend) -> TrendSeries {
        TrendSeries {
            label: trend.name.clone(),
            points: trend
                .points
                .iter()
                .map(|e| TrendPoint {
                    at_ms: e.completed_at,
                    value: e.position,
                    is_pulse: e.is_pulse(),
                    band: e.band_label.clone(),
                })
                .collect(),
            bands: trend.bands.clone(),
        }
    }
}

/// The span of time every panel of a trend chart shares, so the small
/// multiples line up: earliest and latest entry across all series, or none
/// when there are no entries at all.
pub fn time_extent(series: &[TrendSeries]) -> Option<(i64, i64)> {
    let times = series.iter().flat_map(|s| s.points.iter().map(|p| p.at_ms));
    let lo = times.clone().min()?;
    let hi = times.max()?;
    Some((lo, hi))
}

/// One entry placed on a trend panel.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedPoint<'a> {
    /// Horizontal position.
    pub x: f64,
    /// Vertical position.
    pub y: f64,
    /// The entry itself.
    pub point: &'a TrendPoint,
}

impl PlacedPoint<'_> {
    /// The radius of the entry's marker: pulses are smaller.
    pub fn radius(&self) -> f64 {
        if self.point.is_pulse {
            PULSE_RADIUS
        } else {
            CHECK_IN_RADIUS
        }
    }
}

/// Where the parts of one trend panel (one headline) go.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPanelLayout<'a> {
    /// The `viewBox` width.
    pub width: f64,
    /// The `viewBox` height.
    pub height: f64,
    /// Where the headline's name starts at the top of the panel.
    pub title_x: f64,
    /// Baseline of the headline's name.
    pub title_y: f64,
    /// Left edge of the plot area (the y labels sit to its left).
    pub plot_left: f64,
    /// Right edge of the plot area.
    pub plot_right: f64,
    /// Top edge of the plot area (value 1).
    pub plot_top: f64,
    /// Bottom edge of the plot area (value 0).
    pub plot_bottom: f64,
    /// The bands across the plot, as vertical extents (start is the top).
    pub zones: Vec<Zone<'a>>,
    /// Which zones have room for their label in the y-label column.
    pub zone_label_fits: Vec<bool>,
    /// The entries in time order, placed.
    pub points: Vec<PlacedPoint<'a>>,
    /// Baseline of the date labels under the plot.
    pub tick_label_y: f64,
}

impl TrendPanelLayout<'_> {
    /// Whether any band has its label beside the plot; if none does, the
    /// chart labels the ends of the axis "lower" and "higher" instead.
    pub fn has_zone_labels(&self) -> bool {
        self.zone_label_fits.iter().any(|f| *f)
    }

    /// Width of the plot area.
    pub fn plot_width(&self) -> f64 {
        self.plot_right - self.plot_left
    }

    /// Height of the plot area.
    pub fn plot_height(&self) -> f64 {
        self.plot_bottom - self.plot_top
    }

    /// Where the y labels end: right-aligned, just left of the plot.
    pub fn y_label_x(&self) -> f64 {
        self.plot_left - 6.0
    }

    /// Baseline of a zone's label, centred on the zone.
    pub fn zone_label_y(&self, zone: &Zone) -> f64 {
        zone.center() + SMALL_TEXT * BASELINE_SHIFT
    }

    /// Baselines of the "higher" label (at the top of the axis) and the
    /// "lower" one (at the bottom), for a panel without band labels.
    pub fn end_label_ys(&self) -> (f64, f64) {
        (self.plot_top + SMALL_TEXT * 0.8, self.plot_bottom - 2.0)
    }

    /// Where the words for "no entries" go: centred in the plot.
    pub fn empty_label_at(&self) -> (f64, f64) {
        (
            self.plot_left + self.plot_width() / 2.0,
            self.plot_top + self.plot_height() / 2.0 + SMALL_TEXT * BASELINE_SHIFT,
        )
    }

    /// Top and bottom of a tick's gridline, across the plot.
    pub fn tick_grid_span(&self) -> (f64, f64) {
        (self.plot_top, self.plot_bottom)
    }

    /// Top and bottom of a tick's mark on the axis, under the plot.
    pub fn tick_mark_span(&self) -> (f64, f64) {
        (self.plot_bottom, self.plot_bottom + 4.0)
    }

    /// The entries the line runs through, in time order: none for fewer
    /// than two (a single entry is a marker alone).
    pub fn line(&self) -> Option<&[PlacedPoint<'_>]> {
        (self.points.len() >= 2).then_some(self.points.as_slice())
    }

    /// The entries in the order their markers are drawn: check-ins first,
    /// so a pulse on the same day stays visible on top.
    pub fn markers(&self) -> impl Iterator<Item = &PlacedPoint<'_>> {
        let check_ins = self.points.iter().filter(|p| !p.point.is_pulse);
        check_ins.chain(self.points.iter().filter(|p| p.point.is_pulse))
    }
}

/// Sizes shared by every panel of a trend chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrendFrame {
    /// Width of the column of y labels (band names, or lower/higher) left
    /// of the plot; see [`TrendFrame::for_labels`].
    pub y_label_width: f64,
    /// The time every panel spans, or none when nothing is plotted.
    pub extent: Option<(i64, i64)>,
}

impl TrendFrame {
    /// Height of each panel's `viewBox`.
    pub const HEIGHT: f64 = 150.0;
    /// Gap kept between the plot edges and the first and last entries, so
    /// markers are never cut in half.
    pub const INSET: f64 = 8.0;

    /// A frame whose y-label column is wide enough for the widest of
    /// `labels` at [`SMALL_TEXT`], within sensible limits (a label wider
    /// than the limit is left out of the column).
    pub fn for_labels<'a>(
        labels: impl IntoIterator<Item = &'a str>,
        extent: Option<(i64, i64)>,
    ) -> TrendFrame {
        let widest = labels
            .into_iter()
            .map(|l| text_width(l, SMALL_TEXT))
            .fold(0.0, f64::max);
        TrendFrame {
            y_label_width: (widest + 8.0).clamp(36.0, 100.0),
            extent,
        }
    }

    /// Left edge of every plot.
    pub fn plot_left(&self) -> f64 {
        CHART_PADDING + self.y_label_width
    }

    /// Right edge of every plot.
    pub fn plot_right(&self) -> f64 {
        CHART_WIDTH - CHART_PADDING
    }

    /// The time axis shared by every panel.
    pub fn time_scale(&self) -> LinearScale {
        let (start, end) = self.extent.unwrap_or((0, 0));
        LinearScale::new(
            start as f64,
            end as f64,
            self.plot_left() + Self::INSET,
            self.plot_right() - Self::INSET,
        )
    }

    /// Date ticks for the shared time axis, at most `max_count`, on
    /// midnights `utc_offset_ms` ahead of UTC, thinned until their labels
    /// (as wide as `label_width` says) fit.
    pub fn ticks(
        &self,
        utc_offset_ms: i64,
        max_count: usize,
        label_width: impl Fn(i64) -> f64,
    ) -> Vec<TimeTick> {
        match self.extent {
            Some((start, end)) => fit_time_ticks(
                start,
                end,
                utc_offset_ms,
                max_count,
                &self.time_scale(),
                (CHART_PADDING, CHART_WIDTH - CHART_PADDING),
                label_width,
            ),
            None => Vec::new(),
        }
    }

    /// Lays out the panel for `series`.
    pub fn panel<'a>(&self, series: &'a TrendSeries) -> TrendPanelLayout<'a> {
        let title_y = CHART_PADDING + VALUE_TEXT;
        let plot_top = title_y + 12.0;
        let plot_bottom = Self::HEIGHT - CHART_PADDING - SMALL_TEXT - 8.0;
        let values = LinearScale::new(0.0, 1.0, plot_bottom, plot_top);
        let zones = band_zones(&series.bands, 0.0, 1.0, &values);
        let zone_label_fits = zones
            .iter()
            .map(|z| {
                z.size() >= SMALL_TEXT
                    && text_width(&z.band.label, SMALL_TEXT) + 6.0 <= self.y_label_width
            })
            .collect();
        let times = self.time_scale();
        let mut ordered: Vec<&TrendPoint> = series.points.iter().collect();
        ordered.sort_by_key(|p| p.at_ms);
        let points = ordered
            .into_iter()
            .map(|point| PlacedPoint {
                x: times.map(point.at_ms as f64),
                y: values.map(point.value),
                point,
            })
            .collect();
        TrendPanelLayout {
            width: CHART_WIDTH,
            height: Self::HEIGHT,
            title_x: CHART_PADDING,
            title_y,
            plot_left: self.plot_left(),
            plot_right: self.plot_right(),
            plot_top,
            plot_bottom,
            zones,
            zone_label_fits,
            points,
            tick_label_y: plot_bottom + SMALL_TEXT + 6.0,
        }
    }
}

/// One row of a trend chart's data table: an entry (a check-in or a
/// pulse) and what it said about each headline.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendEntry<'a> {
    /// When the entry was completed.
    pub at_ms: i64,
    /// Whether it was a pulse.
    pub is_pulse: bool,
    /// Per series, in the order given: the point, or none when the entry
    /// did not score that headline.
    pub values: Vec<Option<&'a TrendPoint>>,
}

/// The entries behind `series`, oldest first: points at the same time and
/// of the same kind are one entry. A headline an entry did not score is a
/// gap in that entry's row.
pub fn trend_entries(series: &[TrendSeries]) -> Vec<TrendEntry<'_>> {
    let mut keys: Vec<(i64, bool)> = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| (p.at_ms, p.is_pulse)))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys.into_iter()
        .map(|(at_ms, is_pulse)| TrendEntry {
            at_ms,
            is_pulse,
            values: series
                .iter()
                .map(|s| {
                    s.points
                        .iter()
                        .find(|p| p.at_ms == at_ms && p.is_pulse == is_pulse)
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::chart::{headline_layout, HeadlineChartRow};
    use crate::domain::instrument::Headline;
    use crate::time::DAY_MS;

    const T0: i64 = 1_767_225_600_000; // 2026-01-01T00:00:00Z

    fn band(label: &str, min: f64, max: f64) -> ChartBand {
        ChartBand {
            label: label.into(),
            min,
            max,
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn point(at_ms: i64, value: f64, is_pulse: bool) -> TrendPoint {
        TrendPoint {
            at_ms,
            value,
            is_pulse,
            band: None,
        }
    }

    #[test]
    fn trend_series_come_from_a_headline_trend() {
        use crate::domain::history::{EntryKind, TrendEntry as HistoryEntry};
        let entry = |at: i64, kind, position: f64, band: &str| HistoryEntry {
            entry_id: format!("e{at}"),
            kind,
            instrument_id: "tend".into(),
            completed_at: at,
            value: position * 4.0,
            position,
            band: None,
            band_label: Some(band.into()),
        };
        let trend = HeadlineTrend {
            headline: Headline::Burnout,
            name: "Burnout".into(),
            points: vec![
                entry(T0, EntryKind::CheckIn, 0.5, "Moderate"),
                entry(T0 + DAY_MS, EntryKind::Pulse, 0.75, "High"),
            ],
            bands: vec![band("Low", 0.0, 0.35), band("High", 0.375, 1.0)],
        };
        let series = TrendSeries::from(&trend);
        assert_eq!(series.label, "Burnout");
        assert_eq!(series.bands, trend.bands);
        assert_eq!(
            series.points,
            [
                TrendPoint {
                    at_ms: T0,
                    value: 0.5,
                    is_pulse: false,
                    band: Some("Moderate".into()),
                },
                TrendPoint {
                    at_ms: T0 + DAY_MS,
                    value: 0.75,
                    is_pulse: true,
                    band: Some("High".into()),
                },
            ]
        );
    }

    #[test]
    fn history_s_bands_meet_where_the_results_chart_s_do() {
        use crate::domain::history::trend;
        let (Ok(tend), Ok(pulse)) = (crate::builtin::tend(), crate::builtin::pulse()) else {
            panic!("Tend's own instruments load");
        };
        let trends = trend(&[], &[], &[tend], pulse);
        let series: Vec<TrendSeries> = trends.iter().map(TrendSeries::from).collect();
        let frame = TrendFrame::for_labels(["Moderate"], None);
        for (s, t) in series.iter().zip(&trends) {
            let panel = frame.panel(s);
            let Some(headline) = tend.headline(t.headline) else {
                panic!("Tend has every headline");
            };
            assert_eq!(panel.zones.len(), headline.bands.len(), "{}", s.label);
            // The zones cover the plot without gaps.
            let mut edges: Vec<(f64, f64)> = panel.zones.iter().map(|z| (z.start, z.end)).collect();
            edges.sort_by(|a, b| a.0.total_cmp(&b.0));
            assert!(close(edges[0].0, panel.plot_top));
            assert!(close(edges[edges.len() - 1].1, panel.plot_bottom));
            assert!(edges.windows(2).all(|w| close(w[0].1, w[1].0)));
        }
        // Secondary trauma's 0–1.4 | 1.5–2.4 | 2.5–4 on a 0–4 range meet
        // at 1.45 and 2.45, as on the results chart.
        let panel = frame.panel(&series[0]);
        let values = LinearScale::new(0.0, 4.0, panel.plot_bottom, panel.plot_top);
        assert!(close(panel.zones[0].start, values.map(1.45)));
        assert!(close(panel.zones[1].start, values.map(2.45)));
        let row = [HeadlineChartRow {
            label: series[0].label.clone(),
            score: None,
            min: 0.0,
            max: 4.0,
            bands: vec![
                band("Low", 0.0, 1.4),
                band("Moderate", 1.5, 2.4),
                band("High", 2.5, 4.0),
            ],
            band_label: None,
        }];
        let layout = headline_layout(&row, |_| 10.0);
        let r = &layout.rows[0];
        let track = LinearScale::new(0.0, 4.0, r.track_x, r.track_x + r.track_width);
        let edges: Vec<f64> = r.zone_edges().collect();
        assert!(close(edges[0], track.map(1.45)) && close(edges[1], track.map(2.45)));
    }

    fn series(label: &str, points: Vec<TrendPoint>) -> TrendSeries {
        TrendSeries {
            label: label.into(),
            points,
            bands: vec![
                band("Low", 0.0, 0.35),
                band("Moderate", 0.375, 0.6),
                band("High", 0.625, 1.0),
            ],
        }
    }

    #[test]
    fn trend_panels_share_the_time_axis() {
        let all = vec![
            series(
                "A",
                vec![point(T0 + 10 * DAY_MS, 0.5, false), point(T0, 0.2, false)],
            ),
            series("B", vec![point(T0 + 5 * DAY_MS, 1.0, true)]),
            series("C", vec![]),
        ];
        let extent = time_extent(&all);
        assert_eq!(extent, Some((T0, T0 + 10 * DAY_MS)));
        let frame = TrendFrame::for_labels(["Low", "Moderate", "High"], extent);
        let a = frame.panel(&all[0]);
        let b = frame.panel(&all[1]);
        let c = frame.panel(&all[2]);
        // Sorted by time, first and last at the inset edges.
        assert_eq!(a.points.len(), 2);
        assert_eq!(a.points[0].point.at_ms, T0);
        assert!(close(a.points[0].x, a.plot_left + TrendFrame::INSET));
        assert!(close(a.points[1].x, a.plot_right - TrendFrame::INSET));
        // B's single point sits halfway along the shared axis, at the top.
        assert!(close(b.points[0].x, (a.points[0].x + a.points[1].x) / 2.0));
        assert!(close(b.points[0].y, b.plot_top));
        assert_eq!(b.line(), None);
        assert_eq!(a.line().map(<[_]>::len), Some(2));
        // An empty series still shows its bands, and nothing else.
        assert!(c.points.is_empty() && c.line().is_none());
        assert_eq!(c.zones.len(), 3);
        assert!(c.has_zone_labels());
        // Zones fill the plot from top to bottom.
        let top = c.zones.iter().map(|z| z.start).fold(f64::MAX, f64::min);
        let bottom = c.zones.iter().map(|z| z.end).fold(f64::MIN, f64::max);
        assert!(close(top, c.plot_top) && close(bottom, c.plot_bottom));
    }

    #[test]
    fn trend_degenerate_extents() {
        // No entries at all.
        assert_eq!(time_extent(&[series("A", vec![])]), None);
        assert_eq!(time_extent(&[]), None);
        let frame = TrendFrame::for_labels([], None);
        assert!(frame.ticks(0, 4, |_| 40.0).is_empty());
        // Every entry at the same time: all in the middle, one tick.
        let same = vec![series(
            "A",
            vec![point(T0, 0.0, false), point(T0, 1.0, true)],
        )];
        let frame = TrendFrame::for_labels(["Low"], time_extent(&same));
        let panel = frame.panel(&same[0]);
        let mid = (frame.plot_left() + frame.plot_right()) / 2.0;
        assert!(panel.points.iter().all(|p| close(p.x, mid)));
        // Values at the exact ends of the scale land on the plot edges.
        assert!(close(panel.points[0].y, panel.plot_bottom));
        assert!(close(panel.points[1].y, panel.plot_top));
        let ticks = frame.ticks(0, 4, |_| 40.0);
        assert_eq!(ticks.len(), 1);
        assert!(close(ticks[0].x, mid));
    }

    #[test]
    fn trend_y_labels_fall_back_when_bands_are_missing_or_too_long() {
        let mut s = series("A", vec![point(T0, 0.5, false)]);
        s.bands.clear();
        let frame = TrendFrame::for_labels(["Higher", "Lower"], Some((T0, T0)));
        assert!(!frame.panel(&s).has_zone_labels());
        let long = "A band name far too long for the column";
        s.bands = vec![band(long, 0.0, 1.0)];
        let frame = TrendFrame::for_labels([long], Some((T0, T0)));
        assert!(frame.y_label_width <= 100.0);
        assert!(!frame.panel(&s).has_zone_labels());
    }

    #[test]
    fn trend_entries_group_points_and_keep_gaps() {
        let all = vec![
            series(
                "A",
                vec![
                    point(T0 + DAY_MS, 0.5, true),
                    point(T0, 0.2, false),
                    point(T0 + 2 * DAY_MS, 0.3, false),
                ],
            ),
            series(
                "B",
                vec![point(T0, 0.9, false), point(T0 + DAY_MS, 0.7, true)],
            ),
            series("C", vec![point(T0, 0.1, false)]),
        ];
        let entries = trend_entries(&all);
        let shape: Vec<(i64, bool, Vec<bool>)> = entries
            .iter()
            .map(|e| {
                (
                    e.at_ms - T0,
                    e.is_pulse,
                    e.values.iter().map(Option::is_some).collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                (0, false, vec![true, true, true]),
                (DAY_MS, true, vec![true, true, false]),
                (2 * DAY_MS, false, vec![true, false, false]),
            ]
        );
        assert_eq!(entries[0].values[1].as_ref().map(|p| p.value), Some(0.9));
        // A check-in and a pulse at the same instant are two entries.
        let both = vec![series(
            "A",
            vec![point(T0, 0.1, false), point(T0, 0.2, true)],
        )];
        assert_eq!(trend_entries(&both).len(), 2);
        assert!(trend_entries(&[]).is_empty());
    }

    #[test]
    fn pulses_are_drawn_smaller_and_over_check_ins() {
        let s = series(
            "A",
            vec![
                point(T0 + DAY_MS, 0.5, true),
                point(T0 + 2 * DAY_MS, 0.3, false),
                point(T0, 0.2, false),
            ],
        );
        let frame = TrendFrame::for_labels(["Moderate"], time_extent(std::slice::from_ref(&s)));
        let panel = frame.panel(&s);
        let order: Vec<(i64, f64)> = panel
            .markers()
            .map(|p| ((p.point.at_ms - T0) / DAY_MS, p.radius()))
            .collect();
        assert_eq!(
            order,
            [
                (0, CHECK_IN_RADIUS),
                (2, CHECK_IN_RADIUS),
                (1, PULSE_RADIUS)
            ]
        );
        // The line still runs in time order.
        let line: Vec<i64> = panel
            .line()
            .unwrap_or_default()
            .iter()
            .map(|p| (p.point.at_ms - T0) / DAY_MS)
            .collect();
        assert_eq!(line, [0, 1, 2]);
    }

    #[test]
    fn panel_labels_sit_beside_or_inside_the_plot() {
        let s = series("A", vec![]);
        let frame = TrendFrame::for_labels(["Moderate", "Higher"], None);
        let p = frame.panel(&s);
        assert!(p.y_label_x() < p.plot_left && p.y_label_x() > CHART_PADDING);
        let (higher, lower) = p.end_label_ys();
        assert!(p.plot_top < higher && higher < lower && lower < p.plot_bottom);
        let (x, y) = p.empty_label_at();
        assert!(close(x, (p.plot_left + p.plot_right) / 2.0));
        assert!(p.plot_top < y && y < p.plot_bottom);
        for z in &p.zones {
            let y = p.zone_label_y(z);
            assert!(z.start < y && y < z.end + SMALL_TEXT, "{z:?}");
        }
        let (grid_top, grid_bottom) = p.tick_grid_span();
        let (mark_top, mark_bottom) = p.tick_mark_span();
        assert_eq!((grid_top, grid_bottom), (p.plot_top, p.plot_bottom));
        assert!(mark_top == grid_bottom && mark_bottom < p.tick_label_y);
        assert!(p.tick_label_y < p.height);
        assert!(p.title_y < p.plot_top);
    }
}
