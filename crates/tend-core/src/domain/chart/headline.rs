//! The results chart: one row per headline score, each a track over the
//! score's possible range with its bands shaded along it and the score on
//! top.

use super::bands::{band_zones, ChartBand, Zone};
use super::scale::LinearScale;
use super::ticks::nice_ticks;
use super::{
    ordered, text_width, CHART_PADDING, CHART_WIDTH, HEADING_TEXT, SMALL_TEXT, VALUE_TEXT,
};
use crate::domain::instrument::{Headline, Instrument};
use crate::domain::scoring::{score_range, Profile};

/// One headline score as the results chart shows it: a track over the
/// possible range, the bands shaded along it, and the score on top.
#[derive(Clone, Debug, PartialEq)]
pub struct HeadlineChartRow {
    /// The headline's name (`Burnout`), from the instrument.
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
            bands: ChartBand::for_subscale(subscale, range.min, max),
            band_label,
        })
    }

    /// The possible range, lowest first (a definition could list it the
    /// other way round).
    pub fn range(&self) -> (f64, f64) {
        ordered(self.min, self.max)
    }
}

/// The results chart: one row per headline score.
#[derive(Clone, Debug, PartialEq)]
pub struct HeadlineLayout<'a> {
    /// The `viewBox` width.
    pub width: f64,
    /// The `viewBox` height.
    pub height: f64,
    /// One layout per row, in the order given.
    pub rows: Vec<HeadlineRowLayout<'a>>,
}

/// Where one headline row's parts go.
#[derive(Clone, Debug, PartialEq)]
pub struct HeadlineRowLayout<'a> {
    /// Where the headline's name and score text start.
    pub text_x: f64,
    /// Baseline of the headline's name.
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
    pub zones: Vec<Zone<'a>>,
    /// Which zones have room for their label under the track.
    pub zone_label_fits: Vec<bool>,
    /// Baseline of the band labels under the track; each is centred on
    /// its zone.
    pub zone_label_y: f64,
    /// Round values inside the range, for faint gridlines across the track.
    pub gridlines: Vec<f64>,
    /// Where the lowest possible score is written: its right end, left of
    /// the track.
    pub min_label_x: f64,
    /// Where the highest possible score is written: its left end, right of
    /// the track.
    pub max_label_x: f64,
    /// Baseline of the end labels (they sit beside the track's middle).
    pub end_label_y: f64,
    /// The score's position along the track, or none when there is no
    /// score: then no bar and no marker are drawn.
    pub score_x: Option<f64>,
}

impl HeadlineRowLayout<'_> {
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

    /// Top and bottom of the track.
    pub fn track_span(&self) -> (f64, f64) {
        (self.track_y, self.track_y + self.track_height)
    }

    /// Top and bottom of a gridline: a little inside the track, so the
    /// outline stays unbroken.
    pub fn gridline_span(&self) -> (f64, f64) {
        (self.track_y + 2.0, self.track_y + self.track_height - 2.0)
    }

    /// Top and bottom of the score marker: past the track at both ends, so
    /// it reads even where the bar and a zone share a tint.
    pub fn marker_span(&self) -> (f64, f64) {
        (self.track_y - 5.0, self.track_y + self.track_height + 5.0)
    }

    /// Where a boundary between two zones is drawn: the start of every
    /// zone but the lowest.
    pub fn zone_edges(&self) -> impl Iterator<Item = f64> + '_ {
        self.zones.iter().skip(1).map(|z| z.start)
    }
}

/// Lays out the results chart for `rows`. All tracks share their left and
/// right edges, so the rows line up even when their ranges differ: the
/// track leaves room left of it for the widest lowest-score label and
/// right of it for the widest highest-score label, as `end_label_width`
/// measures the label of a value (the caller formats numbers).
pub fn headline_layout(
    rows: &[HeadlineChartRow],
    end_label_width: impl Fn(f64) -> f64,
) -> HeadlineLayout<'_> {
    const TRACK_HEIGHT: f64 = 28.0;
    const END_GAP: f64 = 6.0;
    const ROW_GAP: f64 = 18.0;

    let widest = |end: fn((f64, f64)) -> f64| {
        rows.iter()
            .map(|r| end_label_width(end(r.range())))
            .fold(0.0, f64::max)
    };
    let track_x = CHART_PADDING + widest(|r| r.0) + END_GAP;
    let track_end = CHART_WIDTH - CHART_PADDING - widest(|r| r.1) - END_GAP;
    let track_width = (track_end - track_x).max(0.0);

    let mut y = CHART_PADDING;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let (lo, hi) = row.range();
        let scale = LinearScale::new(lo, hi, track_x, track_x + track_width);
        let label_y = y + HEADING_TEXT;
        let value_y = label_y + VALUE_TEXT + 6.0;
        let track_y = value_y + 9.0;
        let zones = band_zones(&row.bands, lo, hi, &scale);
        let zone_label_fits = zones
            .iter()
            .map(|z| text_width(&z.band.label, SMALL_TEXT) + 4.0 <= z.size())
            .collect();
        let gridlines = nice_ticks(lo, hi, 6)
            .into_iter()
            .filter(|v| *v > lo && *v < hi)
            .map(|v| scale.map(v))
            .collect();
        let zone_label_y = track_y + TRACK_HEIGHT + SMALL_TEXT + 4.0;
        out.push(HeadlineRowLayout {
            text_x: CHART_PADDING,
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
            min_label_x: track_x - END_GAP,
            max_label_x: (track_x + track_width + END_GAP).min(CHART_WIDTH),
            end_label_y: track_y + TRACK_HEIGHT / 2.0 + SMALL_TEXT * super::BASELINE_SHIFT,
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

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn row(score: Option<f64>, min: f64, max: f64) -> HeadlineChartRow {
        HeadlineChartRow {
            label: "Burnout".into(),
            score,
            min,
            max,
            bands: vec![
                band("Low", 0.0, 1.4),
                band("Moderate", 1.5, 2.4),
                band("High", 2.5, 4.0),
            ],
            band_label: None,
        }
    }

    /// End labels as wide as a number written the short way (`4`, `150`).
    fn label_width(value: f64) -> f64 {
        text_width(&value.to_string(), SMALL_TEXT)
    }

    #[test]
    fn headline_scores_at_the_ends_and_missing_scores() {
        let rows = [
            row(Some(0.0), 0.0, 4.0),
            row(Some(4.0), 0.0, 4.0),
            row(None, 0.0, 4.0),
            row(Some(2.0), 0.0, 4.0),
            row(Some(9.0), 0.0, 4.0),
            row(Some(f64::NAN), 0.0, 4.0),
        ];
        let layout = headline_layout(&rows, label_width);
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
        // Not a number: drawn as no score at all.
        assert_eq!(r[5].bar(), None);
    }

    #[test]
    fn headline_rows_stack_and_fit_the_view_box() {
        // Tend's bands are wide enough on a 320-wide chart to carry their
        // names.
        let tend = [row(Some(1.0), 0.0, 4.0), row(None, 0.0, 4.0)];
        for r in &headline_layout(&tend, label_width).rows {
            assert_eq!(r.zone_label_fits, vec![true, true, true]);
        }
        let mut sum = row(Some(30.0), 0.0, 150.0);
        sum.bands = vec![
            band("Low", 0.0, 22.0),
            band("Moderate", 23.0, 41.0),
            band("High", 42.0, 150.0),
        ];
        let rows = [row(Some(1.0), 0.0, 4.0), sum, row(None, 1.0, 5.0)];
        let layout = headline_layout(&rows, label_width);
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
            // The end labels sit outside the track, inside the drawing.
            assert!(r.min_label_x < r.track_x && r.min_label_x > CHART_PADDING);
            assert!(r.max_label_x > r.track_x + r.track_width);
            assert!(r.max_label_x + label_width(150.0) <= CHART_WIDTH - CHART_PADDING + 1e-9);
            let (top, bottom) = r.track_span();
            let (grid_top, grid_bottom) = r.gridline_span();
            let (marker_top, marker_bottom) = r.marker_span();
            assert!(marker_top < top && top < grid_top);
            assert!(grid_bottom < bottom && bottom < marker_bottom);
            assert!(r.bar_y() > top && r.bar_y() + HeadlineRowLayout::BAR_HEIGHT < bottom);
        }
        // The widest end label (150) sets the room right of every track.
        let narrow = headline_layout(&rows[..1], label_width);
        assert!(narrow.rows[0].track_width > layout.rows[0].track_width);
        // A zone too narrow for its name drops the name rather than
        // overlap its neighbours.
        assert_eq!(layout.rows[1].zone_label_fits, vec![true, false, true]);
        // Gridlines fall strictly inside the track.
        let r = &layout.rows[0];
        assert_eq!(r.gridlines.len(), 3);
        assert!(r
            .gridlines
            .iter()
            .all(|x| *x > r.track_x && *x < r.track_x + r.track_width));
        // Boundaries are drawn between zones, not at the track's ends.
        let edges: Vec<f64> = r.zone_edges().collect();
        assert_eq!(edges.len(), 2);
        assert!(edges.iter().all(|x| *x > r.track_x));
    }

    #[test]
    fn headline_layout_survives_degenerate_ranges() {
        let rows = [row(Some(3.0), 3.0, 3.0), row(Some(1.0), 4.0, 0.0)];
        let layout = headline_layout(&rows, label_width);
        let r = &layout.rows;
        let middle = r[0].track_x + r[0].track_width / 2.0;
        assert_eq!(r[0].score_x, Some(middle));
        // A reversed range is read the right way round.
        assert_eq!(rows[1].range(), (0.0, 4.0));
        assert!(close(
            r[1].score_x.unwrap_or_default(),
            r[1].track_x + r[1].track_width / 4.0
        ));
        let empty = headline_layout(&[], label_width);
        assert!(empty.rows.is_empty());
        assert_eq!(empty.height, 2.0 * CHART_PADDING);
        // End labels too wide for the drawing leave a track of no length,
        // never a negative one.
        let squeezed = headline_layout(&rows, |_| CHART_WIDTH);
        assert!(squeezed.rows.iter().all(|r| r.track_width == 0.0));
    }

    #[test]
    fn headline_rows_come_from_a_scored_check_in() {
        use crate::domain::answer::{Answer, Answers};
        use crate::domain::scoring::score;
        let Ok(tend) = crate::builtin::tend() else {
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
        assert_eq!(
            row.bands,
            [
                band("Low", 0.0, 1.4),
                band("Moderate", 1.5, 2.4),
                band("High", 2.5, 4.0)
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
}
