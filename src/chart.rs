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

use tend_core::domain::history::HeadlineTrend;
use tend_core::domain::instrument::{Headline, Instrument};
use tend_core::domain::scoring::{score_range, Profile};

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
            tend_core::number::clamp((value - d0) / (d1 - d0), 0.0, 1.0)
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
    tend_core::sort::sort_by(&mut usable, |a, b| a.1.total_cmp(&b.1));
    let count = usable.len();
    let mut zones = Vec::with_capacity(count);
    let mut previous_end = lo;
    for (rank, (label, _, bmax)) in usable.iter().enumerate() {
        let start = previous_end;
        let end = match usable.get(rank + 1) {
            Some((_, next_min, _)) => tend_core::number::clamp((bmax + next_min) / 2.0, start, hi),
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
        tend_core::number::clamp(center, lo + half, hi - half)
    }
}

/// A number as a chart writes it: at most two decimal places, without
/// trailing zeros (`2.5`, `4`, `0.25`).
pub fn format_number(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    // `fixed` writes no minus sign on a zero, so -0.001 is `0`.
    let text = tend_core::number::fixed(value, 2);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A 0–1 position as a whole percentage (`0.456` → 46).
pub fn percent(value: f64) -> u32 {
    if value.is_finite() {
        (tend_core::number::clamp(value, 0.0, 1.0) * 100.0).round() as u32
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
        .map(|(x, y)| {
            format!(
                "{},{}",
                tend_core::number::shortest(round1(*x)),
                tend_core::number::shortest(round1(*y))
            )
        })
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
            y_label_width: tend_core::number::clamp(widest + 8.0, 36.0, 100.0),
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
        tend_core::sort::sort_by_key(&mut ordered, |p| p.at_ms);
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
    tend_core::sort::sort_by(&mut keys, |a, b| a.cmp(b));
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

// ---------------------------------------------------------------- markup
//
// The charts are written out as markup here and shown with one
// `inner_html` each: drawn element by element in the view macro, every
// element costs the wasm build its own generic code. The markup holds
// classes only (no inline styles or scripts, which the content security
// policy forbids), and every text and attribute value goes through
// [`escape`].

pub use crate::html::escape;

/// Radius of a check-in marker on the trend chart.
pub const CHECK_IN_RADIUS: f64 = 5.0;

/// Radius of a pulse marker on the trend chart: smaller, and hollow.
pub const PULSE_RADIUS: f64 = 3.5;

/// The most date ticks on the trend chart's shared time axis.
pub const TREND_MAX_TICKS: usize = 4;

/// Attributes of one element: names, and values as [`AttrValue`]s.
type Attrs<'a> = &'a [(&'a str, &'a dyn AttrValue)];

/// A value an attribute can take: text, or a number written as Rust writes
/// an `f64` (as the view macro did), through [`tend_core::number::shortest`] so
/// the wasm carries no float formatting.
trait AttrValue {
    /// The value as attribute text, before escaping.
    fn text(&self) -> String;
}

impl AttrValue for &str {
    fn text(&self) -> String {
        (*self).to_string()
    }
}

impl AttrValue for String {
    fn text(&self) -> String {
        self.clone()
    }
}

impl AttrValue for f64 {
    fn text(&self) -> String {
        tend_core::number::shortest(*self)
    }
}

/// Markup being written.
struct Markup(String);

impl Markup {
    /// `<name attrs…>`.
    fn open(&mut self, name: &str, attrs: Attrs) -> &mut Self {
        self.0.push('<');
        self.0.push_str(name);
        for (key, value) in attrs {
            self.0.push(' ');
            self.0.push_str(key);
            self.0.push_str("=\"");
            self.0.push_str(&escape(&value.text()));
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    /// `</name>`.
    fn close(&mut self, name: &str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(name);
        self.0.push('>');
        self
    }

    /// Escaped text.
    fn text(&mut self, text: &str) -> &mut Self {
        self.0.push_str(&escape(text));
        self
    }

    /// An element holding only `text`.
    fn el(&mut self, name: &str, attrs: Attrs, text: &str) -> &mut Self {
        self.open(name, attrs).text(text).close(name)
    }

    /// An element with nothing inside.
    fn empty(&mut self, name: &str, attrs: Attrs) -> &mut Self {
        self.open(name, attrs).close(name)
    }

    /// The opening of an accessible chart `<svg>`: role `img`, named by
    /// its `<title>` and described by its `<desc>` (ids `{id}-title` and
    /// `{id}-desc`), then the hatch patterns for its band zones.
    fn svg_start(
        &mut self,
        id: &str,
        class: &str,
        test_id: &str,
        (width, height): (f64, f64),
        title: &str,
        desc: &str,
    ) -> &mut Self {
        let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
        self.open(
            "svg",
            &[
                ("class", &class),
                ("role", &"img"),
                (
                    "viewBox",
                    &format!(
                        "0 0 {} {}",
                        tend_core::number::shortest(width),
                        tend_core::number::shortest(height)
                    ),
                ),
                ("width", &"100%"),
                ("aria-labelledby", &title_id),
                ("aria-describedby", &desc_id),
                ("data-testid", &test_id),
            ],
        )
        .el("title", &[("id", &title_id)], title)
        .el("desc", &[("id", &desc_id)], desc);
        self.0.push_str(&PATTERNS.replace("{id}", &escape(id)));
        self
    }

    /// A band zone: its tint, then its hatching over it (none for the
    /// lowest band), through the patterns defined under `id`.
    fn zone(&mut self, id: &str, zone: &Zone, (x, y, w, h): (f64, f64, f64, f64)) -> &mut Self {
        self.empty(
            "rect",
            &[
                ("class", &format!("chart-zone chart-zone-{}", zone.rank % 4)),
                ("x", &x),
                ("y", &y),
                ("width", &w),
                ("height", &h),
                ("data-band", &zone.label),
            ],
        );
        if zone.rank > 0 {
            let fill = format!("url(#{id}-hatch-{})", (zone.rank - 1) % 3 + 1);
            self.empty(
                "rect",
                &[
                    ("class", &"chart-zone-pattern"),
                    ("x", &x),
                    ("y", &y),
                    ("width", &w),
                    ("height", &h),
                    ("fill", &fill),
                ],
            );
        }
        self
    }

    /// Chart text at `SMALL_TEXT`: `class`, at (x, y), anchored by
    /// `anchor` when given.
    fn small_text(
        &mut self,
        class: &str,
        (x, y): (f64, f64),
        anchor: Option<&str>,
        text: &str,
    ) -> &mut Self {
        match anchor {
            Some(anchor) => self.el(
                "text",
                &[
                    ("class", &class),
                    ("x", &x),
                    ("y", &y),
                    ("text-anchor", &anchor),
                    ("font-size", &SMALL_TEXT),
                ],
                text,
            ),
            None => self.el(
                "text",
                &[
                    ("class", &class),
                    ("x", &x),
                    ("y", &y),
                    ("font-size", &SMALL_TEXT),
                ],
                text,
            ),
        }
    }

    /// A data table in an open `<details>`: the toggle, a keyboard-
    /// reachable scrolling region named by the caption (id
    /// `{id}-caption`), the header cells, then `body` writes the rows.
    fn table(
        &mut self,
        id: &str,
        test_id: &str,
        toggle: &str,
        caption: &str,
        head: &[&str],
        body: impl FnOnce(&mut Markup),
    ) -> &mut Self {
        let caption_id = format!("{id}-caption");
        self.open("details", &[("class", &"chart-table"), ("open", &"")])
            .el("summary", &[], toggle)
            .open(
                "div",
                &[
                    ("class", &"table-wrap"),
                    ("tabindex", &"0"),
                    ("role", &"region"),
                    ("aria-labelledby", &caption_id),
                ],
            )
            .open("table", &[("data-testid", &test_id)])
            .el("caption", &[("id", &caption_id)], caption)
            .open("thead", &[])
            .open("tr", &[]);
        for cell in head {
            self.el("th", &[("scope", &"col")], cell);
        }
        self.close("tr").close("thead").open("tbody", &[]);
        body(self);
        self.close("tbody")
            .close("table")
            .close("div")
            .close("details")
    }
}

/// The hatch patterns for band zones, defined once per chart under
/// `{id}`: diagonal lines, cross-hatching and dots, so bands differ by
/// more than colour. Colours come from CSS classes: presentation
/// attributes cannot read custom properties, and the content security
/// policy forbids inline styles.
const PATTERNS: &str = concat!(
    r#"<defs>"#,
    r#"<pattern id="{id}-hatch-1" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">"#,
    r#"<line class="chart-hatch" x1="0" y1="0" x2="0" y2="7"></line></pattern>"#,
    r#"<pattern id="{id}-hatch-2" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">"#,
    r#"<line class="chart-hatch" x1="0" y1="0" x2="0" y2="7"></line>"#,
    r#"<line class="chart-hatch" x1="0" y1="0" x2="7" y2="0"></line></pattern>"#,
    r#"<pattern id="{id}-hatch-3" width="6" height="6" patternUnits="userSpaceOnUse">"#,
    r#"<circle class="chart-hatch-dot" cx="3" cy="3" r="1.3"></circle></pattern>"#,
    r#"</defs>"#,
);

/// The words the results chart writes, in the language in use.
#[derive(Clone, Debug, PartialEq)]
pub struct HeadlineWords<'a> {
    /// The chart's name: the SVG's `<title>`.
    pub title: &'a str,
    /// The SVG's `<desc>`: what the chart shows and a sentence per score.
    pub description: &'a str,
    /// The summary of the `<details>` holding the table.
    pub table_toggle: &'a str,
    /// The table's caption.
    pub table_caption: &'a str,
    /// The column headings: measure, score and band, possible range.
    pub columns: [&'a str; 3],
}

/// What the results chart writes about one row, in the language in use.
#[derive(Clone, Debug, PartialEq)]
pub struct HeadlineRowWords {
    /// The score and its band (`2.1 · Moderate`), or "not enough answers".
    pub value: String,
    /// The possible range (`0 to 4`).
    pub range: String,
    /// Each band's range (`Low: 0 to 1.4`), lowest first.
    pub band_ranges: Vec<String>,
}

/// The results chart as markup: the `<svg>` (one `g.headline-row` per
/// row: name, score or "not enough answers", the track with its band
/// zones, gridlines and edges, the bar and marker when there is a score,
/// the range's ends and the band names that fit) followed by the same
/// facts as a table in an open `<details>`. `words` has one entry per
/// row. Every id starts with `id`.
pub fn headline_markup(
    id: &str,
    rows: &[HeadlineChartRow],
    row_words: &[HeadlineRowWords],
    words: &HeadlineWords,
) -> String {
    let layout = headline_layout(rows);
    let mut m = Markup(String::new());
    m.svg_start(
        id,
        "chart-svg",
        "headline-chart-svg",
        (layout.width, layout.height),
        words.title,
        words.description,
    );
    for ((row, at), text) in rows.iter().zip(&layout.rows).zip(row_words) {
        headline_row(&mut m, id, row, at, text);
    }
    m.close("svg");
    m.table(
        id,
        "headline-chart-table",
        words.table_toggle,
        words.table_caption,
        &words.columns,
        |m| {
            for (row, text) in rows.iter().zip(row_words) {
                m.open("tr", &[])
                    .el("th", &[("scope", &"row")], &row.label)
                    .el("td", &[], &text.value)
                    .open("td", &[])
                    .text(&text.range);
                if !row.bands.is_empty() {
                    m.open("ul", &[("class", &"chart-band-list")]);
                    for band in &text.band_ranges {
                        m.el("li", &[], band);
                    }
                    m.close("ul");
                }
                m.close("td").close("tr");
            }
        },
    );
    m.0
}

/// One headline row of the results chart.
fn headline_row(
    m: &mut Markup,
    id: &str,
    row: &HeadlineChartRow,
    at: &HeadlineRowLayout,
    text: &HeadlineRowWords,
) {
    let (class, test_id) = if row.score.is_none() {
        ("chart-text chart-missing", "headline-missing")
    } else {
        ("chart-text chart-value", "headline-value")
    };
    let track = |class: &'static str, m: &mut Markup| {
        m.empty(
            "rect",
            &[
                ("class", &class),
                ("x", &at.track_x),
                ("y", &at.track_y),
                ("width", &at.track_width),
                ("height", &at.track_height),
            ],
        );
    };
    m.open(
        "g",
        &[("class", &"headline-row"), ("data-testid", &"headline-row")],
    )
    .el(
        "text",
        &[
            ("class", &"chart-text chart-heading"),
            ("x", &CHART_PADDING),
            ("y", &at.label_y),
            ("font-size", &HEADING_TEXT),
        ],
        &row.label,
    )
    .el(
        "text",
        &[
            ("class", &class),
            ("x", &CHART_PADDING),
            ("y", &at.value_y),
            ("font-size", &VALUE_TEXT),
            ("data-testid", &test_id),
        ],
        &text.value,
    );
    track("chart-track", m);
    for z in &at.zones {
        m.zone(id, z, (z.start, at.track_y, z.size(), at.track_height));
    }
    let (top, bottom) = (at.track_y, at.track_y + at.track_height);
    let vertical = |m: &mut Markup, class: &str, x: f64, (y1, y2): (f64, f64)| {
        m.empty(
            "line",
            &[
                ("class", &class),
                ("x1", &x),
                ("x2", &x),
                ("y1", &y1),
                ("y2", &y2),
            ],
        );
    };
    for x in &at.gridlines {
        vertical(m, "chart-grid", *x, (top + 2.0, bottom - 2.0));
    }
    for z in at.zones.iter().skip(1) {
        vertical(m, "chart-zone-edge", z.start, (top, bottom));
    }
    track("chart-track-outline", m);
    if let Some((x, width)) = at.bar() {
        m.empty(
            "rect",
            &[
                ("class", &"chart-bar"),
                ("x", &x),
                ("y", &at.bar_y()),
                ("width", &width),
                ("height", &HeadlineRowLayout::BAR_HEIGHT),
                ("data-testid", &"headline-bar"),
            ],
        );
    }
    if let Some(x) = at.score_x {
        m.empty(
            "line",
            &[
                ("class", &"chart-marker"),
                ("x1", &x),
                ("x2", &x),
                ("y1", &(top - 5.0)),
                ("y2", &(bottom + 5.0)),
                ("data-testid", &"headline-marker"),
            ],
        );
    }
    let track_end = at.track_x + at.track_width;
    m.small_text(
        "chart-text chart-muted",
        (at.track_x - 6.0, at.end_label_y),
        Some("end"),
        &at.min_label,
    )
    .small_text(
        "chart-text chart-muted",
        ((track_end + 6.0).min(CHART_WIDTH), at.end_label_y),
        None,
        &at.max_label,
    );
    for (z, _) in at
        .zones
        .iter()
        .zip(&at.zone_label_fits)
        .filter(|(_, fits)| **fits)
    {
        m.small_text(
            "chart-text chart-zone-label",
            (z.center(), at.zone_label_y),
            Some("middle"),
            &z.label,
        );
    }
    m.close("g");
}

/// The words the trend chart writes, in the language in use.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendWords<'a> {
    /// The chart's name, shown above it.
    pub title: &'a str,
    /// What the chart shows, shown under the title.
    pub description: &'a str,
    /// The name of the key to the markers.
    pub legend_heading: &'a str,
    /// The key's entry for a check-in marker.
    pub legend_check_in: &'a str,
    /// The key's entry for a pulse marker.
    pub legend_pulse: &'a str,
    /// The top of an axis without band labels.
    pub higher: &'a str,
    /// The bottom of an axis without band labels.
    pub lower: &'a str,
    /// Written across a panel with no entries.
    pub no_entries: &'a str,
    /// The summary of the `<details>` holding the table.
    pub table_toggle: &'a str,
    /// The table's caption.
    pub table_caption: &'a str,
    /// The date column's heading.
    pub col_date: &'a str,
    /// The kind column's heading.
    pub col_kind: &'a str,
    /// A check-in, as its kind is written.
    pub check_in: &'a str,
    /// A pulse, as its kind is written.
    pub pulse: &'a str,
    /// A table cell for a headline an entry did not score.
    pub missing: &'a str,
}

/// How the trend chart writes what depends on the data.
pub struct TrendFormat<'a> {
    /// A date (milliseconds since the epoch), for ticks, tooltips and the
    /// table.
    pub date: &'a dyn Fn(i64) -> String,
    /// An entry's value (`Moderate, 45%`).
    pub value: &'a dyn Fn(&TrendPoint) -> String,
    /// A panel's description, from its series and its entries in time
    /// order.
    pub summary: &'a dyn Fn(&TrendSeries, &[PlacedPoint]) -> String,
}

/// What goes inside the trend chart's group: its title and description
/// paragraphs (ids `{id}-title` and `{id}-desc`), the key to the markers,
/// one accessible `<svg>` panel per series on a shared time axis (zones,
/// date ticks, y labels, the line and one marker per entry, check-ins
/// under pulses, or "no entries" words), then a table with one row per
/// entry in an open `<details>`. Every id starts with `id`; date ticks fall
/// on midnights `utc_offset_ms` ahead of UTC.
pub fn trend_markup(
    id: &str,
    series: &[TrendSeries],
    utc_offset_ms: i64,
    words: &TrendWords,
    format: &TrendFormat,
) -> String {
    let y_labels = series
        .iter()
        .flat_map(|s| s.bands.iter().map(|b| b.label.as_str()))
        .chain([words.higher, words.lower]);
    let frame = TrendFrame::for_labels(y_labels, time_extent(series));
    let ticks = frame.ticks(utc_offset_ms, TREND_MAX_TICKS, |ms| {
        text_width(&(format.date)(ms), SMALL_TEXT)
    });

    let mut m = Markup(String::new());
    m.el(
        "p",
        &[("class", &"chart-caption"), ("id", &format!("{id}-title"))],
        words.title,
    )
    .el(
        "p",
        &[
            ("class", &"chart-description"),
            ("id", &format!("{id}-desc")),
        ],
        words.description,
    )
    .open(
        "ul",
        &[
            ("class", &"chart-legend"),
            ("aria-label", &words.legend_heading),
        ],
    );
    for (class, r, text) in [
        ("trend-checkin", CHECK_IN_RADIUS, words.legend_check_in),
        ("trend-pulse", PULSE_RADIUS, words.legend_pulse),
    ] {
        m.open("li", &[])
            .open(
                "svg",
                &[
                    ("class", &"chart-legend-mark"),
                    ("viewBox", &"0 0 28 16"),
                    ("width", &"28"),
                    ("height", &"16"),
                    ("aria-hidden", &"true"),
                ],
            )
            .empty(
                "line",
                &[
                    ("class", &"trend-line"),
                    ("x1", &"0"),
                    ("y1", &"8"),
                    ("x2", &"28"),
                    ("y2", &"8"),
                ],
            )
            .empty(
                "circle",
                &[("class", &class), ("cx", &"14"), ("cy", &"8"), ("r", &r)],
            )
            .close("svg")
            .text(text)
            .close("li");
    }
    m.close("ul").open("div", &[("class", &"trend-panels")]);
    for (n, s) in series.iter().enumerate() {
        trend_panel(
            &mut m,
            &format!("{id}-{n}"),
            s,
            &frame,
            &ticks,
            words,
            format,
        );
    }
    m.close("div");

    let mut head = vec![words.col_date, words.col_kind];
    head.extend(series.iter().map(|s| s.label.as_str()));
    let kind = |is_pulse: bool| {
        if is_pulse {
            words.pulse
        } else {
            words.check_in
        }
    };
    m.table(
        id,
        "trend-chart-table",
        words.table_toggle,
        words.table_caption,
        &head,
        |m| {
            for entry in trend_entries(series) {
                let data_kind = if entry.is_pulse { "pulse" } else { "check-in" };
                m.open("tr", &[("data-kind", &data_kind)])
                    .el("th", &[("scope", &"row")], &(format.date)(entry.at_ms))
                    .el("td", &[], kind(entry.is_pulse));
                for value in &entry.values {
                    let text = match value {
                        Some(point) => (format.value)(point),
                        None => words.missing.to_string(),
                    };
                    m.el("td", &[], &text);
                }
                m.close("tr");
            }
        },
    );
    m.0
}

/// One headline's panel of the trend chart.
fn trend_panel(
    m: &mut Markup,
    id: &str,
    series: &TrendSeries,
    frame: &TrendFrame,
    ticks: &[TimeTick],
    words: &TrendWords,
    format: &TrendFormat,
) {
    let layout = frame.panel(series);
    let (left, top, bottom) = (layout.plot_left, layout.plot_top, layout.plot_bottom);
    let plot_width = layout.plot_right - left;
    let plot_height = bottom - top;
    let label_x = left - 6.0;
    m.svg_start(
        id,
        "chart-svg trend-panel",
        "trend-panel",
        (layout.width, layout.height),
        &series.label,
        &(format.summary)(series, &layout.points),
    )
    .el(
        "text",
        &[
            ("class", &"chart-text chart-heading"),
            ("x", &CHART_PADDING),
            ("y", &layout.title_y),
            ("font-size", &VALUE_TEXT),
        ],
        &series.label,
    );
    for z in &layout.zones {
        m.zone(id, z, (left, z.start, plot_width, z.size()));
    }
    for t in ticks {
        for (class, (y1, y2)) in [
            ("chart-grid", (top, bottom)),
            ("chart-axis", (bottom, bottom + 4.0)),
        ] {
            m.empty(
                "line",
                &[
                    ("class", &class),
                    ("x1", &t.x),
                    ("x2", &t.x),
                    ("y1", &y1),
                    ("y2", &y2),
                ],
            );
        }
        m.small_text(
            "chart-text chart-muted",
            (t.label_x, layout.tick_label_y),
            Some("middle"),
            &(format.date)(t.at_ms),
        );
    }
    m.empty(
        "rect",
        &[
            ("class", &"chart-plot-frame"),
            ("x", &left),
            ("y", &top),
            ("width", &plot_width),
            ("height", &plot_height),
        ],
    );
    if layout.has_zone_labels() {
        for (z, _) in layout
            .zones
            .iter()
            .zip(&layout.zone_label_fits)
            .filter(|(_, fits)| **fits)
        {
            m.small_text(
                "chart-text chart-zone-label",
                (label_x, z.center() + SMALL_TEXT * 0.35),
                Some("end"),
                &z.label,
            );
        }
    } else {
        m.small_text(
            "chart-text chart-muted",
            (label_x, top + SMALL_TEXT * 0.8),
            Some("end"),
            words.higher,
        )
        .small_text(
            "chart-text chart-muted",
            (label_x, bottom - 2.0),
            Some("end"),
            words.lower,
        );
    }
    if let Some(points) = &layout.line {
        m.empty("polyline", &[("class", &"trend-line"), ("points", points)]);
    }
    // Check-ins first, so a pulse on the same day stays visible on top.
    let (pulses, check_ins): (Vec<&PlacedPoint>, Vec<&PlacedPoint>) =
        layout.points.iter().partition(|p| p.point.is_pulse);
    for placed in check_ins.into_iter().chain(pulses) {
        let p = &placed.point;
        let (class, r, kind) = if p.is_pulse {
            ("trend-pulse", PULSE_RADIUS, words.pulse)
        } else {
            ("trend-checkin", CHECK_IN_RADIUS, words.check_in)
        };
        let tip = format!(
            "{} · {} · {}",
            (format.date)(p.at_ms),
            kind,
            (format.value)(p)
        );
        m.open(
            "circle",
            &[
                ("class", &class),
                ("cx", &placed.x),
                ("cy", &placed.y),
                ("r", &r),
            ],
        )
        .el("title", &[], &tip)
        .close("circle");
    }
    if layout.points.is_empty() {
        m.el(
            "text",
            &[
                ("class", &"chart-text chart-missing"),
                ("x", &(left + plot_width / 2.0)),
                ("y", &(top + plot_height / 2.0 + SMALL_TEXT * 0.35)),
                ("text-anchor", &"middle"),
                ("font-size", &SMALL_TEXT),
                ("data-testid", &"trend-empty"),
            ],
            words.no_entries,
        );
    }
    m.close("svg");
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
        use tend_core::domain::answer::{Answer, Answers};
        use tend_core::domain::scoring::score;
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
        use tend_core::domain::history::{BandZone, EntryKind, TrendEntry as HistoryEntry};
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

#[cfg(test)]
mod markup_tests {
    use super::*;

    fn band(label: &str, min: f64, max: f64) -> ChartBand {
        ChartBand {
            label: label.into(),
            min,
            max,
        }
    }

    /// A label with every character that needs escaping.
    const HOSTILE: &str = r#"<b onclick="x">Tom & 'Jerry'</b>"#;
    const HOSTILE_ESCAPED: &str =
        "&lt;b onclick=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;";

    fn count(markup: &str, needle: &str) -> usize {
        markup.matches(needle).count()
    }

    /// Every `id="…"` in `markup`, in order.
    fn ids(markup: &str) -> Vec<String> {
        markup
            .split(" id=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .map(str::to_string)
            .collect()
    }

    /// Checks every tag is closed in order, no text or attribute holds a
    /// raw `<` or `>`, and the markup has no inline style or script.
    fn check_well_formed(markup: &str) {
        assert!(!markup.contains("style="), "inline style");
        assert!(!markup.contains("<script"), "script");
        let mut open: Vec<String> = Vec::new();
        let mut rest = markup;
        while let Some(start) = rest.find('<') {
            assert!(!rest[..start].contains('>'), "raw > in text: {rest}");
            let end = rest[start..].find('>').expect("tag ends") + start;
            let tag = &rest[start + 1..end];
            assert!(!tag.contains('<'), "raw < in a tag: {tag}");
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(open.pop().as_deref(), Some(name), "closing {name}");
            } else {
                let name = tag.split(' ').next().unwrap_or_default().to_string();
                // Attribute values are quoted, with no quote inside.
                assert_eq!(tag.matches('"').count() % 2, 0, "{tag}");
                open.push(name);
            }
            rest = &rest[end + 1..];
        }
        assert!(!rest.contains('>'));
        assert!(open.is_empty(), "left open: {open:?}");
    }

    /// Checks ids are unique and start with `prefix`, and every pattern
    /// fill and aria reference names an id in the markup.
    fn check_ids(markup: &str, prefix: &str) {
        let ids = ids(markup);
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "duplicate ids: {ids:?}");
        assert!(ids.iter().all(|id| id.starts_with(prefix)), "{ids:?}");
        for reference in markup
            .split("url(#")
            .skip(1)
            .filter_map(|r| r.split(')').next())
            .chain(
                markup
                    .split("aria-labelledby=\"")
                    .chain(markup.split("aria-describedby=\""))
                    .filter(|r| !r.starts_with('<'))
                    .filter_map(|r| r.split('"').next()),
            )
        {
            assert!(
                ids.iter().any(|id| id == reference),
                "{reference} in {ids:?}"
            );
        }
    }

    #[test]
    fn escape_replaces_every_markup_character() {
        let cases = [
            ("", ""),
            ("plain text · é", "plain text · é"),
            ("a & b", "a &amp; b"),
            ("<script>", "&lt;script&gt;"),
            ("\"quoted\"", "&quot;quoted&quot;"),
            ("it's", "it&#39;s"),
            ("&amp;", "&amp;amp;"),
            (HOSTILE, HOSTILE_ESCAPED),
        ];
        for (text, want) in cases {
            assert_eq!(escape(text), want, "{text}");
        }
    }

    fn headline_rows(label: &str) -> Vec<HeadlineChartRow> {
        let bands = vec![
            band("Low", 0.0, 1.4),
            band(label, 1.5, 2.4),
            band("High", 2.5, 4.0),
        ];
        vec![
            HeadlineChartRow {
                label: label.into(),
                score: Some(2.1),
                min: 0.0,
                max: 4.0,
                bands: bands.clone(),
                band_label: Some(label.into()),
            },
            HeadlineChartRow {
                label: "Burnout".into(),
                score: None,
                min: 0.0,
                max: 4.0,
                bands,
                band_label: None,
            },
            HeadlineChartRow {
                label: "Sustaining".into(),
                score: Some(50.0),
                min: 10.0,
                max: 50.0,
                bands: vec![],
                band_label: None,
            },
        ]
    }

    fn headline(label: &str, id: &str) -> String {
        let rows = headline_rows(label);
        let words: Vec<HeadlineRowWords> = rows
            .iter()
            .map(|r| HeadlineRowWords {
                value: format!("value of {}", r.label),
                range: "0 to 4".into(),
                band_ranges: r.bands.iter().map(|b| b.label.clone()).collect(),
            })
            .collect();
        headline_markup(
            id,
            &rows,
            &words,
            &HeadlineWords {
                title: label,
                description: label,
                table_toggle: "Table",
                table_caption: label,
                columns: ["Measure", "Score", label],
            },
        )
    }

    #[test]
    fn headline_markup_draws_every_part_once_per_row() {
        let m = headline("Moderate", "headline-chart-7");
        check_well_formed(&m);
        check_ids(&m, "headline-chart-7-");
        assert!(m.starts_with(r#"<svg class="chart-svg" role="img" viewBox="0 0 320 "#));
        // (needle, expected count)
        let cases = [
            ("<svg ", 1),
            ("<title id=\"headline-chart-7-title\">Moderate</title>", 1),
            ("<desc id=\"headline-chart-7-desc\">Moderate</desc>", 1),
            ("aria-labelledby=\"headline-chart-7-title\"", 1),
            ("aria-describedby=\"headline-chart-7-desc\"", 1),
            ("<pattern ", 3),
            ("<g class=\"headline-row\"", 3),
            ("<rect class=\"chart-zone chart-zone-", 6),
            ("<rect class=\"chart-zone-pattern\"", 4),
            ("fill=\"url(#headline-chart-7-hatch-1)\"", 2),
            ("fill=\"url(#headline-chart-7-hatch-2)\"", 2),
            ("class=\"chart-zone-edge\"", 4),
            ("class=\"chart-track\"", 3),
            ("class=\"chart-track-outline\"", 3),
            ("data-testid=\"headline-bar\"", 2),
            ("data-testid=\"headline-marker\"", 2),
            ("data-testid=\"headline-value\"", 2),
            ("data-testid=\"headline-missing\">value of Burnout<", 1),
            ("<details class=\"chart-table\" open=\"\">", 1),
            (
                "<caption id=\"headline-chart-7-caption\">Moderate</caption>",
                1,
            ),
            ("<th scope=\"col\">", 3),
            ("<th scope=\"row\">", 3),
            ("<ul class=\"chart-band-list\">", 2),
            ("<li>", 6),
        ];
        for (needle, want) in cases {
            assert_eq!(count(&m, needle), want, "{needle} in {m}");
        }
        // The table comes right after the chart.
        assert!(m.contains("</svg><details"));
    }

    #[test]
    fn headline_markup_escapes_every_text_and_attribute() {
        let m = headline(HOSTILE, "c\"1");
        check_well_formed(&m);
        check_ids(&m, "c&quot;1-");
        assert!(!m.contains("onclick=\"x\""));
        assert!(!m.contains("'"));
        // Title, desc, row label, zone data-band, zone label (if it fits;
        // it does not here), table caption, header, row header, band range.
        assert!(count(&m, HOSTILE_ESCAPED) >= 7, "{m}");
    }

    fn trend_point(day: i64, value: f64, is_pulse: bool) -> TrendPoint {
        TrendPoint {
            at_ms: 1_767_225_600_000 + day * DAY_MS,
            value,
            is_pulse,
            band: None,
        }
    }

    fn trend(series: &[TrendSeries], id: &str, label: &str) -> String {
        let date = |ms: i64| format!("Day {}", (ms - 1_767_225_600_000) / DAY_MS);
        let value = |p: &TrendPoint| format!("{}%", percent(p.value));
        let summary = |s: &TrendSeries, points: &[PlacedPoint]| {
            format!("{}: {} entries", s.label, points.len())
        };
        trend_markup(
            id,
            series,
            0,
            &TrendWords {
                title: label,
                description: label,
                legend_heading: "Key",
                legend_check_in: "Check-in key",
                legend_pulse: "Pulse key",
                higher: "Higher",
                lower: "Lower",
                no_entries: "No entries yet",
                table_toggle: "Table",
                table_caption: label,
                col_date: "Date",
                col_kind: "Kind",
                check_in: "Check-in",
                pulse: "Pulse",
                missing: "Not recorded",
            },
            &TrendFormat {
                date: &date,
                value: &value,
                summary: &summary,
            },
        )
    }

    #[test]
    fn trend_markup_draws_panels_markers_and_the_table() {
        let bands = vec![
            band("Low", 0.0, 0.35),
            band("Moderate", 0.375, 0.6),
            band("High", 0.625, 1.0),
        ];
        let series = vec![
            TrendSeries {
                label: "Stress".into(),
                points: vec![
                    trend_point(0, 0.6, false),
                    trend_point(7, 0.4, true),
                    trend_point(14, 0.3, false),
                ],
                bands: bands.clone(),
            },
            TrendSeries {
                label: "Burnout".into(),
                points: vec![trend_point(14, 0.8, false)],
                bands: vec![],
            },
            TrendSeries {
                label: "Empty".into(),
                points: vec![],
                bands,
            },
        ];
        let m = trend(&series, "trend-chart-2", "History");
        check_well_formed(&m);
        check_ids(&m, "trend-chart-2-");
        let cases = [
            (
                "<p class=\"chart-caption\" id=\"trend-chart-2-title\">History</p>",
                1,
            ),
            (
                "<p class=\"chart-description\" id=\"trend-chart-2-desc\">History</p>",
                1,
            ),
            ("<ul class=\"chart-legend\" aria-label=\"Key\">", 1),
            ("<svg class=\"chart-legend-mark\"", 2),
            ("<svg class=\"chart-svg trend-panel\" role=\"img\"", 3),
            ("<title id=\"trend-chart-2-0-title\">Stress</title>", 1),
            (
                "<desc id=\"trend-chart-2-0-desc\">Stress: 3 entries</desc>",
                1,
            ),
            (
                "<desc id=\"trend-chart-2-2-desc\">Empty: 0 entries</desc>",
                1,
            ),
            ("<pattern ", 9),
            ("<rect class=\"chart-zone chart-zone-", 6),
            ("<rect class=\"chart-zone-pattern\"", 4),
            ("<circle class=\"trend-checkin\"", 1 + 3),
            ("<circle class=\"trend-pulse\"", 1 + 1),
            ("<title>Day 7 · Pulse · 40%</title></circle>", 1),
            ("<polyline class=\"trend-line\"", 1),
            ("data-testid=\"trend-empty\">No entries yet<", 1),
            (">Higher</text>", 1),
            (">Lower</text>", 1),
            ("<tr data-kind=\"check-in\">", 2),
            ("<tr data-kind=\"pulse\">", 1),
            ("<td>Not recorded</td>", 2 + 3),
            ("<th scope=\"col\">", 5),
        ];
        for (needle, want) in cases {
            assert_eq!(count(&m, needle), want, "{needle} in {m}");
        }
        // In the first panel, the pulse is drawn after (over) the
        // check-ins.
        let start = m.find("trend-chart-2-0-title").unwrap_or_default();
        let panel = &m[start..start + m[start..].find("</svg>").unwrap_or_default()];
        let pulse = panel.find("trend-pulse").unwrap_or_default();
        assert!(panel.rfind("trend-checkin").unwrap_or_default() < pulse);
    }

    #[test]
    fn trend_markup_escapes_and_survives_no_series() {
        let series = vec![TrendSeries {
            label: HOSTILE.into(),
            points: vec![trend_point(0, 0.5, false)],
            bands: vec![band(HOSTILE, 0.0, 1.0)],
        }];
        let m = trend(&series, "t", HOSTILE);
        check_well_formed(&m);
        check_ids(&m, "t-");
        assert!(!m.contains("onclick=\"x\"") && !m.contains('\''));
        assert!(count(&m, HOSTILE_ESCAPED) >= 6, "{m}");

        let m = trend(&[], "t", "Nothing");
        check_well_formed(&m);
        check_ids(&m, "t-");
        assert_eq!(count(&m, "<svg class=\"chart-svg"), 0);
        assert_eq!(count(&m, "<tr"), 1);
    }
}
