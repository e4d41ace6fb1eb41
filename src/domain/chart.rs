//! Geometry for Tend's hand-drawn SVG charts: where band zones, bars,
//! markers, lines and ticks go. Pure: numbers in, coordinates out, so every
//! layout rule is tested natively and the components only draw what this
//! module decides.
//!
//! Coordinates are SVG user units. A chart is drawn in a fixed-width
//! `viewBox` ([`CHART_WIDTH`] units wide) and scaled to its container, so one
//! unit is a little under one CSS pixel on a 320 px wide phone screen (the
//! page's padding takes some of it): the smallest text, 13 units, is then
//! about 12 px, and headings about 14 px.
//!
//! Times are milliseconds since the Unix epoch. Dates are formatted by the
//! caller; this module only chooses which instants get a tick.

use super::history::HeadlineTrend;
use super::instrument::{Headline, Instrument};
use super::scoring::{score_range, Profile};

/// Width of every chart's `viewBox`, in user units.
pub const CHART_WIDTH: f64 = 320.0;

/// Space kept clear around the drawing, in user units.
pub const CHART_PADDING: f64 = 8.0;

/// Size of a headline's name on the results chart.
pub const HEADING_TEXT: f64 = 16.0;

/// Size of a score and its band on the results chart.
pub const VALUE_TEXT: f64 = 15.0;

/// Size of axis, tick and band-zone labels.
pub const SMALL_TEXT: f64 = 13.0;

/// Average advance of a character as a share of the font size. A little
/// generous for the system fonts Tend uses, so an estimate rarely falls
/// short and labels are dropped rather than overlapped.
const CHAR_WIDTH: f64 = 0.6;

/// One day in milliseconds.
pub const DAY_MS: i64 = 86_400_000;

/// A labelled range of values drawn as a shaded zone, inclusive at both
/// ends, in the same units as the values plotted against it.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartBand {
    /// What the person sees (`Moderate`).
    pub label: String,
    /// The lowest value in the band.
    pub min: f64,
    /// The highest value in the band.
    pub max: f64,
}

/// One headline score as the results chart shows it: a track over the
/// possible range, the bands shaded along it, and the score on top.
#[derive(Clone, Debug, PartialEq)]
pub struct HeadlineChartRow {
    /// The headline's name (`Burnout`).
    pub label: String,
    /// The score, or none for "not enough answers".
    pub score: Option<f64>,
    /// The lowest possible score.
    pub min: f64,
    /// The highest possible score.
    pub max: f64,
    /// The subscale's bands, lowest scores first.
    pub bands: Vec<ChartBand>,
    /// The label of the band the score falls in, if any.
    pub band_label: Option<String>,
}

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
    /// The bands, lowest first, normalised to 0–1.
    pub bands: Vec<ChartBand>,
}

impl HeadlineChartRow {
    /// The row for `headline` of a check-in scored with `instrument`: the
    /// subscale's name, its score (none for "not enough answers"), its
    /// possible range and its bands, open band ends closed at the range's
    /// ends. None when the instrument has no such headline, or its scale
    /// has no maximum (an open scale has no track to draw).
    pub fn for_headline(
        instrument: &Instrument,
        profile: &Profile,
        headline: Headline,
    ) -> Option<HeadlineChartRow> {
        let subscale = instrument.headline(headline)?;
        let range = score_range(instrument, &subscale.id)?;
        let max = range.max?;
        let score = profile.get(&subscale.id).and_then(|s| s.score());
        let band_label = score
            .and_then(|s| s.band.as_ref())
            .and_then(|b| subscale.band(&b.id))
            .map(|b| b.label.clone());
        Some(HeadlineChartRow {
            label: subscale.name.clone(),
            score: score.map(|s| s.value),
            min: range.min,
            max,
            bands: subscale
                .bands
                .iter()
                .map(|b| ChartBand {
                    label: b.label.clone(),
                    min: b.min.unwrap_or(range.min),
                    max: b.max.unwrap_or(max),
                })
                .collect(),
            band_label,
        })
    }
}

impl From<&HeadlineTrend> for TrendSeries {
    /// A headline's history as the trend chart draws it: each entry's
    /// position in its range, and the bands as zones on the same 0–1 axis.
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
            bands: trend
                .bands
                .iter()
                .map(|z| ChartBand {
                    label: z.label.clone(),
                    min: z.from,
                    max: z.to,
                })
                .collect(),
        }
    }
}

/// Maps values from a domain linearly onto a range of coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    domain: (f64, f64),
    range: (f64, f64),
}

impl LinearScale {
    /// A scale taking `domain_start..domain_end` onto
    /// `range_start..range_end` (either may run backwards, as a y axis
    /// does).
    pub fn new(domain_start: f64, domain_end: f64, range_start: f64, range_end: f64) -> Self {
        LinearScale {
            domain: (domain_start, domain_end),
            range: (range_start, range_end),
        }
    }

    /// Where `value` goes. Values outside the domain are held at its ends;
    /// a domain of one value (a single point in time, say) puts everything
    /// in the middle of the range; a value that is not a number goes to the
    /// start.
    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if !(d0.is_finite() && d1.is_finite()) || d0 == d1 {
            return (r0 + r1) / 2.0;
        }
        let t = if value.is_finite() {
            ((value - d0) / (d1 - d0)).clamp(0.0, 1.0)
        } else {
            0.0
        };
        r0 + t * (r1 - r0)
    }
}

/// A band laid out along an axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Zone {
    /// The band's label.
    pub label: String,
    /// The band's place from the lowest values: 0 is the lowest band. The
    /// chart shades and patterns zones by rank.
    pub rank: usize,
    /// The lower coordinate of the zone (left, or top on a y axis).
    pub start: f64,
    /// The higher coordinate of the zone.
    pub end: f64,
}

impl Zone {
    /// How long the zone is along its axis.
    pub fn size(&self) -> f64 {
        self.end - self.start
    }

    /// The middle of the zone along its axis.
    pub fn center(&self) -> f64 {
        (self.start + self.end) / 2.0
    }
}

/// Lays bands out along an axis over `min..=max`, mapped through `scale`.
///
/// Bands are inclusive ranges, so neighbours meet with a step between them
/// (low ends at 1.4, moderate starts at 1.5); the boundary is drawn halfway
/// across the step, so a score of exactly 1.4 sits inside the low zone. The
/// lowest zone reaches down to `min` and the highest up to `max`. Bands
/// that are not numbers, or lie wholly outside the axis, are left out.
pub fn band_zones(bands: &[ChartBand], min: f64, max: f64, scale: &LinearScale) -> Vec<Zone> {
    let (lo, hi) = if min <= max { (min, max) } else { (max, min) };
    let mut usable: Vec<(String, f64, f64)> = bands
        .iter()
        .filter(|b| b.min.is_finite() && b.max.is_finite())
        .map(|b| (b.label.clone(), b.min.min(b.max), b.min.max(b.max)))
        .filter(|(_, bmin, bmax)| *bmax >= lo && *bmin <= hi)
        .collect();
    usable.sort_by(|a, b| a.1.total_cmp(&b.1));
    let count = usable.len();
    let mut zones = Vec::with_capacity(count);
    let mut previous_end = lo;
    for (rank, (label, _, bmax)) in usable.iter().enumerate() {
        let start = previous_end;
        let end = match usable.get(rank + 1) {
            Some((_, next_min, _)) => ((bmax + next_min) / 2.0).clamp(start, hi),
            None => hi,
        };
        previous_end = end;
        let (a, b) = (scale.map(start), scale.map(end));
        zones.push(Zone {
            label: label.clone(),
            rank,
            start: a.min(b),
            end: a.max(b),
        });
    }
    zones
}

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

/// A number as a chart writes it: at most two decimal places, without
/// trailing zeros (`2.5`, `4`, `0.25`).
pub fn format_number(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
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

/// Up to `max_count` round values (steps of 1, 2, 2.5 or 5 times a power
/// of ten) from `min` to `max`, for gridlines and value labels. A range of
/// one value gets that value alone.
pub fn nice_ticks(min: f64, max: f64, max_count: usize) -> Vec<f64> {
    if max_count == 0 || !min.is_finite() || !max.is_finite() {
        return Vec::new();
    }
    let (lo, hi) = if min <= max { (min, max) } else { (max, min) };
    if lo == hi || max_count == 1 {
        return vec![lo];
    }
    let rough = (hi - lo) / (max_count - 1) as f64;
    if !rough.is_finite() || rough <= 0.0 {
        return vec![lo];
    }
    // Start a decade below the rough step: a round step a little under it
    // can still fit when the range's ends are not round themselves. Each
    // pass of four multiples raises the step tenfold, and a step as long
    // as the range holds at most two ticks, so a few passes suffice.
    let mut power = 10f64.powf(rough.log10().floor() - 1.0);
    for m in [1.0, 2.0, 2.5, 5.0].iter().cycle().take(64) {
        let step = m * power;
        if *m == 5.0 {
            power *= 10.0;
        }
        let ticks = ticks_every(lo, hi, step);
        if !ticks.is_empty() && ticks.len() <= max_count {
            return ticks;
        }
    }
    vec![lo]
}

/// Multiples of `step` from `lo` to `hi`, rounded to the step's precision.
fn ticks_every(lo: f64, hi: f64, step: f64) -> Vec<f64> {
    let decimals = (-step.log10().floor()).max(0.0) as i32 + 1;
    let unit = 10f64.powi(decimals);
    let round = |v: f64| (v * unit).round() / unit;
    let first = (lo / step - 1e-9).ceil();
    let last = (hi / step + 1e-9).floor();
    if last < first {
        return Vec::new();
    }
    let count = (last - first) as usize + 1;
    (0..count)
        .map(|k| round((first + k as f64) * step))
        .map(|v| if v == 0.0 { 0.0 } else { v })
        .collect()
}

/// Tick spacings tried for time axes, in days, smallest first. Months and
/// years are approximated; the caller writes each tick as a date, so ticks
/// read as "3 Mar, 2 Apr, 2 May".
const TIME_STEPS_DAYS: [i64; 14] = [
    1, 2, 7, 14, 30, 61, 91, 122, 182, 365, 730, 1826, 3652, 36524,
];

/// Up to `max_count` instants from `start_ms` to `end_ms` worth labelling
/// with a date: local midnights (for a zone `utc_offset_ms` ahead of UTC),
/// one day, a few days, weeks, months or years apart, starting from the
/// first midnight in the range.
///
/// Degenerate ranges: nothing for `max_count` 0; the start alone when the
/// whole range falls within one local day (one point, or every point at
/// the same time).
pub fn time_ticks(start_ms: i64, end_ms: i64, max_count: usize, utc_offset_ms: i64) -> Vec<i64> {
    if max_count == 0 {
        return Vec::new();
    }
    let (start, end) = (start_ms.min(end_ms), start_ms.max(end_ms));
    let day_of = |t: i64| (t.saturating_add(utc_offset_ms)).div_euclid(DAY_MS);
    if day_of(start) == day_of(end) {
        return vec![start];
    }
    let mut first = day_of(start)
        .saturating_mul(DAY_MS)
        .saturating_sub(utc_offset_ms);
    if first < start {
        first = first.saturating_add(DAY_MS);
    }
    let span = end.saturating_sub(first);
    for days in TIME_STEPS_DAYS {
        let step = days.saturating_mul(DAY_MS);
        let count = (span / step) as usize + 1;
        if count <= max_count {
            return (0..count as i64).map(|k| first + k * step).collect();
        }
    }
    vec![first]
}

/// A time tick placed on an axis.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeTick {
    /// The instant the tick marks.
    pub at_ms: i64,
    /// Where the tick mark goes.
    pub x: f64,
    /// Where the centre of its label goes: kept inside the axis, so a tick
    /// near an end may have its label nudged inwards.
    pub label_x: f64,
}

/// The most time ticks (from `max_count` down to one) whose labels fit side
/// by side on `scale` without touching, between `lo` and `hi`.
/// `label_width` says how wide the label of an instant is.
pub fn fit_time_ticks(
    start_ms: i64,
    end_ms: i64,
    utc_offset_ms: i64,
    max_count: usize,
    scale: &LinearScale,
    (lo, hi): (f64, f64),
    label_width: impl Fn(i64) -> f64,
) -> Vec<TimeTick> {
    const GAP: f64 = 6.0;
    let mut best = Vec::new();
    for count in (1..=max_count).rev() {
        let ticks: Vec<(TimeTick, f64)> = time_ticks(start_ms, end_ms, count, utc_offset_ms)
            .into_iter()
            .map(|at_ms| {
                let x = scale.map(at_ms as f64);
                let width = label_width(at_ms);
                let label_x = clamp_label(x, width, lo, hi);
                (TimeTick { at_ms, x, label_x }, width)
            })
            .collect();
        let fits = ticks.windows(2).all(|pair| {
            let (a, wa) = &pair[0];
            let (b, wb) = &pair[1];
            b.label_x - a.label_x >= (wa + wb) / 2.0 + GAP
        });
        best = ticks.into_iter().map(|(t, _)| t).collect();
        if fits {
            break;
        }
    }
    best
}

/// The `points` attribute of an SVG polyline through `points`, or none for
/// fewer than two points (a single point is drawn as a marker alone).
pub fn polyline(points: &[(f64, f64)]) -> Option<String> {
    if points.len() < 2 {
        return None;
    }
    let parts: Vec<String> = points
        .iter()
        .map(|(x, y)| format!("{},{}", round1(*x), round1(*y)))
        .collect();
    Some(parts.join(" "))
}

/// Rounds to one decimal place: plenty for a 320-unit drawing, and short.
fn round1(value: f64) -> f64 {
    let r = (value * 10.0).round() / 10.0;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

// ---------------------------------------------------------------- headline

/// The results chart: one row per headline score.
#[derive(Clone, Debug, PartialEq)]
pub struct HeadlineLayout {
    /// The `viewBox` width.
    pub width: f64,
    /// The `viewBox` height.
    pub height: f64,
    /// One layout per row, in the order given.
    pub rows: Vec<HeadlineRowLayout>,
}

/// Where one headline row's parts go.
#[derive(Clone, Debug, PartialEq)]
pub struct HeadlineRowLayout {
    /// Baseline of the headline's name, which starts at [`CHART_PADDING`].
    pub label_y: f64,
    /// Baseline of the score and band text (or "not enough answers").
    pub value_y: f64,
    /// Left edge of the track (the possible range).
    pub track_x: f64,
    /// Top edge of the track.
    pub track_y: f64,
    /// Length of the track.
    pub track_width: f64,
    /// Height of the track.
    pub track_height: f64,
    /// The bands shaded along the track, lowest first.
    pub zones: Vec<Zone>,
    /// Which zones have room for their label under the track.
    pub zone_label_fits: Vec<bool>,
    /// Baseline of the band labels under the track.
    pub zone_label_y: f64,
    /// Round values inside the range, for faint gridlines across the track.
    pub gridlines: Vec<f64>,
    /// The lowest possible score, as written at the track's left end.
    pub min_label: String,
    /// The highest possible score, as written at the track's right end.
    pub max_label: String,
    /// Baseline of the end labels (they sit beside the track's middle).
    pub end_label_y: f64,
    /// The score's position along the track, or none when there is no
    /// score: then no bar and no marker are drawn.
    pub score_x: Option<f64>,
}

impl HeadlineRowLayout {
    /// Height of the score bar, drawn centred in the track.
    pub const BAR_HEIGHT: f64 = 12.0;

    /// The bar from the start of the track to the score: (x, width), or
    /// none without a score. A score at the minimum has a bar of width 0;
    /// the marker still shows it.
    pub fn bar(&self) -> Option<(f64, f64)> {
        self.score_x
            .map(|x| (self.track_x, (x - self.track_x).max(0.0)))
    }

    /// The top of the bar.
    pub fn bar_y(&self) -> f64 {
        self.track_y + (self.track_height - Self::BAR_HEIGHT) / 2.0
    }
}

/// Lays out the results chart for `rows`. All tracks share their left and
/// right edges, so the rows line up even when their ranges differ.
pub fn headline_layout(rows: &[HeadlineChartRow]) -> HeadlineLayout {
    const TRACK_HEIGHT: f64 = 28.0;
    const END_GAP: f64 = 6.0;
    const ROW_GAP: f64 = 18.0;

    let ends: Vec<(String, String)> = rows
        .iter()
        .map(|r| {
            let (lo, hi) = ordered(r.min, r.max);
            (format_number(lo), format_number(hi))
        })
        .collect();
    let widest = |pick: fn(&(String, String)) -> &String| {
        ends.iter()
            .map(|e| text_width(pick(e), SMALL_TEXT))
            .fold(0.0, f64::max)
    };
    let track_x = CHART_PADDING + widest(|e| &e.0) + END_GAP;
    let track_end = CHART_WIDTH - CHART_PADDING - widest(|e| &e.1) - END_GAP;
    let track_width = (track_end - track_x).max(0.0);

    let mut y = CHART_PADDING;
    let mut out = Vec::with_capacity(rows.len());
    for (row, (min_label, max_label)) in rows.iter().zip(ends) {
        let (lo, hi) = ordered(row.min, row.max);
        let scale = LinearScale::new(lo, hi, track_x, track_x + track_width);
        let label_y = y + HEADING_TEXT;
        let value_y = label_y + VALUE_TEXT + 6.0;
        let track_y = value_y + 9.0;
        let zones = band_zones(&row.bands, lo, hi, &scale);
        let zone_label_fits = zones
            .iter()
            .map(|z| text_width(&z.label, SMALL_TEXT) + 4.0 <= z.size())
            .collect();
        let gridlines = nice_ticks(lo, hi, 6)
            .into_iter()
            .filter(|v| *v > lo && *v < hi)
            .map(|v| scale.map(v))
            .collect();
        let zone_label_y = track_y + TRACK_HEIGHT + SMALL_TEXT + 4.0;
        out.push(HeadlineRowLayout {
            label_y,
            value_y,
            track_x,
            track_y,
            track_width,
            track_height: TRACK_HEIGHT,
            zones,
            zone_label_fits,
            zone_label_y,
            gridlines,
            min_label,
            max_label,
            end_label_y: track_y + TRACK_HEIGHT / 2.0 + SMALL_TEXT * 0.35,
            score_x: row.score.filter(|s| s.is_finite()).map(|s| scale.map(s)),
        });
        y = zone_label_y + ROW_GAP;
    }
    let height = if out.is_empty() {
        2.0 * CHART_PADDING
    } else {
        y - ROW_GAP + CHART_PADDING
    };
    HeadlineLayout {
        width: CHART_WIDTH,
        height,
        rows: out,
    }
}

fn ordered(a: f64, b: f64) -> (f64, f64) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

// ---------------------------------------------------------------- trend

/// The span of time every panel of a trend chart shares, so the small
/// multiples line up: earliest and latest entry across all series, or none
/// when there are no entries at all.
pub fn time_extent(series: &[TrendSeries]) -> Option<(i64, i64)> {
    let times = series.iter().flat_map(|s| s.points.iter().map(|p| p.at_ms));
    let lo = times.clone().min()?;
    let hi = times.max()?;
    Some((lo, hi))
}

/// Where the parts of one trend panel (one headline) go.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPanelLayout {
    /// The `viewBox` width.
    pub width: f64,
    /// The `viewBox` height.
    pub height: f64,
    /// Baseline of the headline's name at the top of the panel.
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
    pub zones: Vec<Zone>,
    /// Which zones have room for their label in the y-label column.
    pub zone_label_fits: Vec<bool>,
    /// The entries in time order, placed.
    pub points: Vec<PlacedPoint>,
    /// The line through the entries, if there are two or more.
    pub line: Option<String>,
    /// Baseline of the date labels under the plot.
    pub tick_label_y: f64,
}

impl TrendPanelLayout {
    /// Whether any band has its label beside the plot; if none does, the
    /// chart labels the ends of the axis "lower" and "higher" instead.
    pub fn has_zone_labels(&self) -> bool {
        self.zone_label_fits.iter().any(|f| *f)
    }
}

/// One entry placed on a trend panel.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedPoint {
    /// Horizontal position.
    pub x: f64,
    /// Vertical position.
    pub y: f64,
    /// The entry itself.
    pub point: TrendPoint,
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

    /// Date ticks for the shared time axis, at most `max_count`, thinned
    /// until their labels (as wide as `label_width` says) fit.
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
    pub fn panel(&self, series: &TrendSeries) -> TrendPanelLayout {
        let title_y = CHART_PADDING + VALUE_TEXT;
        let plot_top = title_y + 12.0;
        let plot_bottom = Self::HEIGHT - CHART_PADDING - SMALL_TEXT - 8.0;
        let values = LinearScale::new(0.0, 1.0, plot_bottom, plot_top);
        let zones = band_zones(&series.bands, 0.0, 1.0, &values);
        let zone_label_fits = zones
            .iter()
            .map(|z| {
                z.size() >= SMALL_TEXT
                    && text_width(&z.label, SMALL_TEXT) + 6.0 <= self.y_label_width
            })
            .collect();
        let times = self.time_scale();
        let mut ordered: Vec<&TrendPoint> = series.points.iter().collect();
        ordered.sort_by_key(|p| p.at_ms);
        let points: Vec<PlacedPoint> = ordered
            .into_iter()
            .map(|p| PlacedPoint {
                x: times.map(p.at_ms as f64),
                y: values.map(p.value),
                point: p.clone(),
            })
            .collect();
        let line = polyline(&points.iter().map(|p| (p.x, p.y)).collect::<Vec<_>>());
        TrendPanelLayout {
            width: CHART_WIDTH,
            height: Self::HEIGHT,
            title_y,
            plot_left: self.plot_left(),
            plot_right: self.plot_right(),
            plot_top,
            plot_bottom,
            zones,
            zone_label_fits,
            points,
            line,
            tick_label_y: plot_bottom + SMALL_TEXT + 6.0,
        }
    }
}

/// One row of a trend chart's data table: an entry (a check-in or a
/// pulse) and what it said about each headline.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendEntry {
    /// When the entry was completed.
    pub at_ms: i64,
    /// Whether it was a pulse.
    pub is_pulse: bool,
    /// Per series, in the order given: the point, or none when the entry
    /// did not score that headline.
    pub values: Vec<Option<TrendPoint>>,
}

/// The entries behind `series`, oldest first: points at the same time and
/// of the same kind are one entry. A headline an entry did not score is a
/// gap in that entry's row.
pub fn trend_entries(series: &[TrendSeries]) -> Vec<TrendEntry> {
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
                        .cloned()
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn band(label: &str, min: f64, max: f64) -> ChartBand {
        ChartBand {
            label: label.into(),
            min,
            max,
        }
    }

    fn tend_bands() -> Vec<ChartBand> {
        vec![
            band("Low", 0.0, 1.4),
            band("Moderate", 1.5, 2.4),
            band("High", 2.5, 4.0),
        ]
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
    fn linear_scale_maps_clamps_and_handles_degenerate_domains() {
        // (domain, range, value, expected)
        let cases = [
            ((0.0, 4.0), (0.0, 400.0), 0.0, 0.0),
            ((0.0, 4.0), (0.0, 400.0), 4.0, 400.0),
            ((0.0, 4.0), (0.0, 400.0), 1.4, 140.0),
            ((0.0, 4.0), (0.0, 400.0), -1.0, 0.0),
            ((0.0, 4.0), (0.0, 400.0), 9.0, 400.0),
            ((0.0, 1.0), (100.0, 0.0), 0.25, 75.0),
            ((5.0, 5.0), (10.0, 30.0), 5.0, 20.0),
            ((5.0, 5.0), (10.0, 30.0), 99.0, 20.0),
            ((0.0, 4.0), (0.0, 400.0), f64::NAN, 0.0),
            ((f64::NAN, 4.0), (0.0, 400.0), 1.0, 200.0),
        ];
        for ((d0, d1), (r0, r1), value, expected) in cases {
            let got = LinearScale::new(d0, d1, r0, r1).map(value);
            assert!(
                close(got, expected),
                "{d0}..{d1} -> {r0}..{r1}: {value} gave {got}, want {expected}"
            );
        }
    }

    #[test]
    fn band_zones_meet_halfway_across_the_step_between_inclusive_ranges() {
        let scale = LinearScale::new(0.0, 4.0, 0.0, 400.0);
        let zones = band_zones(&tend_bands(), 0.0, 4.0, &scale);
        let got: Vec<(&str, usize, f64, f64)> = zones
            .iter()
            .map(|z| (z.label.as_str(), z.rank, z.start, z.end))
            .collect();
        let want = [
            ("Low", 0, 0.0, 145.0),
            ("Moderate", 1, 145.0, 245.0),
            ("High", 2, 245.0, 400.0),
        ];
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(want) {
            assert_eq!((g.0, g.1), (w.0, w.1));
            assert!(close(g.2, w.2) && close(g.3, w.3), "{g:?} vs {w:?}");
        }
        // A score exactly on a band's inclusive edge lands inside its zone.
        let edge = scale.map(1.4);
        assert!(zones[0].start <= edge && edge < zones[0].end);
        let edge = scale.map(1.5);
        assert!(zones[1].start < edge && edge <= zones[1].end);
    }

    #[test]
    fn band_zones_cover_odd_inputs() {
        let scale = LinearScale::new(0.0, 10.0, 0.0, 100.0);
        // (bands, axis min, axis max, expected (rank, start, end))
        // A zone as (rank, start, end).
        type Placed = (usize, f64, f64);
        let cases: Vec<(Vec<ChartBand>, f64, f64, Vec<Placed>)> = vec![
            // No bands: no zones.
            (vec![], 0.0, 10.0, vec![]),
            // Bands out of order are sorted lowest first.
            (
                vec![band("b", 5.0, 10.0), band("a", 0.0, 5.0)],
                0.0,
                10.0,
                vec![(0, 0.0, 50.0), (1, 50.0, 100.0)],
            ),
            // Touching ranges share their edge; a band not starting at the
            // axis minimum is stretched down to it.
            (
                vec![band("a", 2.0, 6.0), band("b", 6.0, 10.0)],
                0.0,
                10.0,
                vec![(0, 0.0, 60.0), (1, 60.0, 100.0)],
            ),
            // A band wholly outside the axis and one that is not a number
            // are left out.
            (
                vec![
                    band("a", 0.0, 10.0),
                    band("out", 20.0, 30.0),
                    band("nan", f64::NAN, 1.0),
                ],
                0.0,
                10.0,
                vec![(0, 0.0, 100.0)],
            ),
            // Reversed min and max in a band are read the right way round.
            (
                vec![band("a", 4.0, 0.0), band("b", 10.0, 5.0)],
                0.0,
                10.0,
                vec![(0, 0.0, 45.0), (1, 45.0, 100.0)],
            ),
        ];
        for (bands, lo, hi, want) in cases {
            let got: Vec<Placed> = band_zones(&bands, lo, hi, &scale)
                .into_iter()
                .map(|z| (z.rank, z.start, z.end))
                .collect();
            assert_eq!(got.len(), want.len(), "{bands:?}");
            for (g, w) in got.iter().zip(&want) {
                assert!(
                    g.0 == w.0 && close(g.1, w.1) && close(g.2, w.2),
                    "{bands:?}: {got:?} vs {want:?}"
                );
            }
        }
    }

    #[test]
    fn band_zones_on_an_inverted_y_axis_run_top_to_bottom() {
        let scale = LinearScale::new(0.0, 1.0, 100.0, 0.0);
        let bands = vec![band("Low", 0.0, 0.25), band("High", 0.25, 1.0)];
        let zones = band_zones(&bands, 0.0, 1.0, &scale);
        assert!(close(zones[0].start, 75.0) && close(zones[0].end, 100.0));
        assert!(close(zones[1].start, 0.0) && close(zones[1].end, 75.0));
    }

    #[test]
    fn nice_ticks_are_round_and_within_range() {
        let cases: Vec<(f64, f64, usize, Vec<f64>)> = vec![
            (0.0, 4.0, 6, vec![0.0, 1.0, 2.0, 3.0, 4.0]),
            (0.0, 4.0, 3, vec![0.0, 2.0, 4.0]),
            (1.0, 5.0, 5, vec![1.0, 2.0, 3.0, 4.0, 5.0]),
            (0.0, 150.0, 5, vec![0.0, 50.0, 100.0, 150.0]),
            (0.0, 1.0, 5, vec![0.0, 0.25, 0.5, 0.75, 1.0]),
            (0.0, 0.3, 4, vec![0.0, 0.1, 0.2, 0.3]),
            (10.0, 50.0, 5, vec![10.0, 20.0, 30.0, 40.0, 50.0]),
            (0.5, 3.7, 5, vec![1.0, 2.0, 3.0]),
            (4.0, 0.0, 3, vec![0.0, 2.0, 4.0]),
            (2.0, 2.0, 5, vec![2.0]),
            (0.0, 4.0, 1, vec![0.0]),
            (0.0, 4.0, 0, vec![]),
            (f64::NAN, 4.0, 5, vec![]),
        ];
        for (lo, hi, n, want) in cases {
            assert_eq!(nice_ticks(lo, hi, n), want, "nice_ticks({lo}, {hi}, {n})");
        }
    }

    #[test]
    fn nice_ticks_never_exceed_the_count() {
        for n in 2..10 {
            for (lo, hi) in [
                (0.0, 4.0),
                (0.0, 1.0),
                (3.0, 97.0),
                (-5.0, 5.0),
                (0.0, 0.001),
            ] {
                let ticks = nice_ticks(lo, hi, n);
                assert!(
                    !ticks.is_empty() && ticks.len() <= n,
                    "{lo}..{hi} n={n}: {ticks:?}"
                );
                assert!(ticks.iter().all(|t| *t >= lo - 1e-9 && *t <= hi + 1e-9));
            }
        }
    }

    const T0: i64 = 1_767_225_600_000; // 2026-01-01T00:00:00Z

    #[test]
    fn time_ticks_pick_readable_steps() {
        let h = 3_600_000;
        // (start, end, max, offset, expected)
        let cases: Vec<(i64, i64, usize, i64, Vec<i64>)> = vec![
            // One point, or every point at the same time: that instant.
            (T0 + 5 * h, T0 + 5 * h, 4, 0, vec![T0 + 5 * h]),
            // Two entries on the same day: one tick.
            (T0 + h, T0 + 20 * h, 4, 0, vec![T0 + h]),
            // Three days: daily ticks from the first midnight in range.
            (
                T0 + h,
                T0 + 3 * DAY_MS + h,
                4,
                0,
                vec![T0 + DAY_MS, T0 + 2 * DAY_MS, T0 + 3 * DAY_MS],
            ),
            // Six weeks, four ticks at most: two weeks apart.
            (
                T0,
                T0 + 42 * DAY_MS,
                4,
                0,
                vec![T0, T0 + 14 * DAY_MS, T0 + 28 * DAY_MS, T0 + 42 * DAY_MS],
            ),
            // A year, four ticks at most: about four months apart.
            (
                T0,
                T0 + 365 * DAY_MS,
                4,
                0,
                vec![T0, T0 + 122 * DAY_MS, T0 + 244 * DAY_MS],
            ),
            // A year, five ticks at most: about a quarter apart.
            (
                T0,
                T0 + 365 * DAY_MS,
                5,
                0,
                vec![
                    T0,
                    T0 + 91 * DAY_MS,
                    T0 + 182 * DAY_MS,
                    T0 + 273 * DAY_MS,
                    T0 + 364 * DAY_MS,
                ],
            ),
            // Local midnight two hours ahead of UTC.
            (
                T0,
                T0 + 2 * DAY_MS,
                4,
                2 * h,
                vec![T0 + DAY_MS - 2 * h, T0 + 2 * DAY_MS - 2 * h],
            ),
            // Reversed range.
            (
                T0 + 2 * DAY_MS,
                T0,
                4,
                0,
                vec![T0, T0 + DAY_MS, T0 + 2 * DAY_MS],
            ),
            // Max one tick over a long range.
            (T0, T0 + 3000 * DAY_MS, 1, 0, vec![T0]),
            // No ticks wanted.
            (T0, T0 + 10 * DAY_MS, 0, 0, vec![]),
        ];
        for (start, end, max, offset, want) in cases {
            assert_eq!(
                time_ticks(start, end, max, offset),
                want,
                "time_ticks({start}, {end}, {max}, {offset})"
            );
        }
    }

    #[test]
    fn time_ticks_stay_in_range_and_under_the_count() {
        for days in [1, 2, 5, 13, 40, 100, 400, 2000, 20_000] {
            for max in 1..6 {
                let end = T0 + days * DAY_MS + 7_000;
                let ticks = time_ticks(T0 + 1_000, end, max, 0);
                assert!(!ticks.is_empty() && ticks.len() <= max, "{days}d max {max}");
                assert!(ticks.iter().all(|t| *t >= T0 + 1_000 && *t <= end));
                assert!(ticks.windows(2).all(|w| w[0] < w[1]));
            }
        }
    }

    #[test]
    fn fit_time_ticks_thins_labels_until_they_do_not_touch() {
        let scale = LinearScale::new(T0 as f64, (T0 + 60 * DAY_MS) as f64, 50.0, 330.0);
        let narrow = fit_time_ticks(T0, T0 + 60 * DAY_MS, 0, 5, &scale, (8.0, 332.0), |_| 30.0);
        let wide = fit_time_ticks(T0, T0 + 60 * DAY_MS, 0, 5, &scale, (8.0, 332.0), |_| 110.0);
        assert!(narrow.len() > wide.len(), "{narrow:?} vs {wide:?}");
        assert!(!wide.is_empty());
        for ticks in [&narrow, &wide] {
            for pair in ticks.windows(2) {
                assert!(pair[1].label_x > pair[0].label_x);
            }
        }
        // Labels near the ends are nudged inside the drawing.
        let last = wide.last().map(|t| t.label_x + 55.0).unwrap_or_default();
        assert!(last <= 332.0);
    }

    #[test]
    fn polyline_needs_two_points() {
        assert_eq!(polyline(&[]), None);
        assert_eq!(polyline(&[(1.0, 2.0)]), None);
        assert_eq!(
            polyline(&[(1.04, 2.0), (10.0, -0.01), (3.25, 4.5)]).as_deref(),
            Some("1,2 10,0 3.3,4.5")
        );
    }

    #[test]
    fn numbers_are_short() {
        let cases = [
            (2.5, "2.5"),
            (4.0, "4"),
            (0.25, "0.25"),
            (1.456, "1.46"),
            (-0.001, "0"),
            (150.0, "150"),
        ];
        for (v, want) in cases {
            assert_eq!(format_number(v), want);
        }
        assert_eq!(format_number(f64::NAN), "");
        assert_eq!(
            [0.0, 0.456, 1.0, 1.7, -3.0, f64::NAN].map(percent),
            [0, 46, 100, 100, 0, 0]
        );
    }

    #[test]
    fn labels_are_clamped_inside_their_bounds() {
        // (center, width, lo, hi, expected)
        let cases = [
            (100.0, 40.0, 0.0, 340.0, 100.0),
            (5.0, 40.0, 0.0, 340.0, 20.0),
            (335.0, 40.0, 0.0, 340.0, 320.0),
            (50.0, 400.0, 0.0, 340.0, 170.0),
        ];
        for (c, w, lo, hi, want) in cases {
            assert!(close(clamp_label(c, w, lo, hi), want));
        }
    }

    fn row(score: Option<f64>, min: f64, max: f64) -> HeadlineChartRow {
        HeadlineChartRow {
            label: "Burnout".into(),
            score,
            min,
            max,
            bands: tend_bands(),
            band_label: None,
        }
    }

    #[test]
    fn headline_scores_at_the_ends_and_missing_scores() {
        let layout = headline_layout(&[
            row(Some(0.0), 0.0, 4.0),
            row(Some(4.0), 0.0, 4.0),
            row(None, 0.0, 4.0),
            row(Some(2.0), 0.0, 4.0),
            row(Some(9.0), 0.0, 4.0),
        ]);
        let r = &layout.rows;
        let end = r[0].track_x + r[0].track_width;
        // At the minimum: a zero-width bar and a marker at the start.
        assert_eq!(r[0].score_x, Some(r[0].track_x));
        assert_eq!(r[0].bar(), Some((r[0].track_x, 0.0)));
        // At the maximum: the marker at the end, the bar the whole track.
        assert_eq!(r[1].score_x, Some(end));
        assert_eq!(r[1].bar().map(|b| b.1), Some(r[1].track_width));
        // Not enough answers: no bar and no marker, but the bands still show.
        assert_eq!(r[2].score_x, None);
        assert_eq!(r[2].bar(), None);
        assert_eq!(r[2].zones.len(), 3);
        // Halfway.
        assert!(close(
            r[3].score_x.unwrap_or_default(),
            r[3].track_x + r[3].track_width / 2.0
        ));
        // Out of range: held at the end of the track.
        assert_eq!(r[4].score_x, Some(end));
    }

    #[test]
    fn headline_rows_stack_and_fit_the_view_box() {
        // Tend's bands are wide enough on a 320-wide chart to carry their
        // names.
        let tend = headline_layout(&[row(Some(1.0), 0.0, 4.0), row(None, 0.0, 4.0)]);
        for r in &tend.rows {
            assert_eq!(r.zone_label_fits, vec![true, true, true]);
        }
        let mut sum = row(Some(30.0), 0.0, 150.0);
        sum.bands = vec![
            band("Low", 0.0, 22.0),
            band("Moderate", 23.0, 41.0),
            band("High", 42.0, 150.0),
        ];
        let layout = headline_layout(&[row(Some(1.0), 0.0, 4.0), sum, row(None, 1.0, 5.0)]);
        assert_eq!(layout.rows.len(), 3);
        for pair in layout.rows.windows(2) {
            assert!(pair[1].label_y > pair[0].zone_label_y);
        }
        for r in &layout.rows {
            // Every track shares the same edges, inside the padding.
            assert_eq!(r.track_x, layout.rows[0].track_x);
            assert_eq!(r.track_width, layout.rows[0].track_width);
            assert!(r.track_x > CHART_PADDING);
            assert!(r.track_x + r.track_width < CHART_WIDTH - CHART_PADDING);
            assert!(r.label_y < r.value_y && r.value_y < r.track_y);
            assert!(r.zone_label_y > r.track_y + r.track_height);
            assert!(r.zone_label_y < layout.height);
        }
        // A zone too narrow for its name drops the name rather than
        // overlap its neighbours.
        assert_eq!(layout.rows[1].zone_label_fits, vec![true, false, true]);
        assert_eq!(layout.rows[1].max_label, "150");
        assert_eq!(layout.rows[2].min_label, "1");
        // Gridlines fall strictly inside the track.
        let r = &layout.rows[0];
        assert_eq!(r.gridlines.len(), 3);
        assert!(r
            .gridlines
            .iter()
            .all(|x| *x > r.track_x && *x < r.track_x + r.track_width));
    }

    #[test]
    fn headline_layout_survives_degenerate_ranges() {
        let layout = headline_layout(&[row(Some(3.0), 3.0, 3.0), row(Some(1.0), 4.0, 0.0)]);
        let r = &layout.rows;
        let middle = r[0].track_x + r[0].track_width / 2.0;
        assert_eq!(r[0].score_x, Some(middle));
        assert!(r[0].score_x.is_some_and(f64::is_finite));
        // A reversed range is read the right way round.
        assert!(close(
            r[1].score_x.unwrap_or_default(),
            r[1].track_x + r[1].track_width / 4.0
        ));
        assert!(headline_layout(&[]).rows.is_empty());
    }

    #[test]
    fn headline_rows_come_from_a_scored_check_in() {
        use crate::content::{instruments, Locale};
        use crate::domain::answer::{Answer, Answers};
        use crate::domain::scoring::score;
        let Ok(tend) = instruments::tend(Locale::En) else {
            panic!("Tend's own instrument loads");
        };
        let Some(burnout) = tend.headline(Headline::Burnout) else {
            panic!("Tend has a burnout headline");
        };
        // Every burnout item answered 2, nothing else: burnout is scored,
        // the other headlines have too few answers.
        let answers: Answers = tend
            .subscale_items(&burnout.id)
            .iter()
            .map(|i| (i.id.clone(), Answer::Value(2)))
            .collect();
        let profile = score(tend, &answers);
        let row = HeadlineChartRow::for_headline(tend, &profile, Headline::Burnout);
        let Some(row) = row else {
            panic!("a burnout row");
        };
        assert_eq!(row.label, burnout.name);
        assert_eq!((row.min, row.max), (0.0, 4.0));
        assert_eq!(row.score, Some(2.0));
        assert_eq!(row.band_label.as_deref(), Some("Moderate"));
        let bands: Vec<(&str, f64, f64)> = row
            .bands
            .iter()
            .map(|b| (b.label.as_str(), b.min, b.max))
            .collect();
        assert_eq!(
            bands,
            [
                ("Low", 0.0, 1.4),
                ("Moderate", 1.5, 2.4),
                ("High", 2.5, 4.0)
            ]
        );
        let sts = HeadlineChartRow::for_headline(tend, &profile, Headline::SecondaryTrauma);
        let Some(sts) = sts else {
            panic!("a secondary trauma row");
        };
        assert_eq!((sts.score, sts.band_label), (None, None));
        assert_eq!(sts.bands.len(), 3);
        // An open scale has no track to draw.
        let mut open = tend.clone();
        open.scale.max = None;
        assert_eq!(
            HeadlineChartRow::for_headline(&open, &profile, Headline::Burnout),
            None
        );
    }

    #[test]
    fn trend_series_come_from_a_headline_trend() {
        use crate::domain::history::{BandZone, EntryKind, TrendEntry as HistoryEntry};
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
        let zone = |label: &str, from: f64, to: f64| BandZone {
            id: label.to_lowercase(),
            label: label.into(),
            from,
            to,
        };
        let trend = HeadlineTrend {
            headline: Headline::Burnout,
            name: "Burnout".into(),
            points: vec![
                entry(T0, EntryKind::CheckIn, 0.5, "Moderate"),
                entry(T0 + DAY_MS, EntryKind::Pulse, 0.75, "High"),
            ],
            bands: vec![zone("Low", 0.0, 0.3625), zone("High", 0.3625, 1.0)],
        };
        let series = TrendSeries::from(&trend);
        assert_eq!(series.label, "Burnout");
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
        // Zones that already meet are drawn where history put them.
        let scale = LinearScale::new(0.0, 1.0, 0.0, 100.0);
        let zones = band_zones(&series.bands, 0.0, 1.0, &scale);
        assert!(close(zones[0].end, 36.25) && close(zones[1].start, 36.25));
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
        assert_eq!(b.line, None);
        assert!(a.line.is_some());
        // An empty series still shows its bands, and nothing else.
        assert!(c.points.is_empty() && c.line.is_none());
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
}
