//! Bands as shaded zones along an axis. The one place that decides where a
//! band's zone starts and ends: both charts, and the trend that History
//! builds, draw bands through [`band_zones`].

use super::ordered;
use super::scale::LinearScale;
use crate::domain::instrument::Subscale;

/// A labelled range of values drawn as a shaded zone, inclusive at both
/// ends, in the same units as the values plotted against it.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartBand {
    /// What the person sees (`Moderate`), from the instrument.
    pub label: String,
    /// The lowest value in the band.
    pub min: f64,
    /// The highest value in the band.
    pub max: f64,
}

impl ChartBand {
    /// The bands of `subscale` on its possible range `min..=max`, lowest
    /// first: an open end ("and below", "and above") is closed at the
    /// range's end.
    pub fn for_subscale(subscale: &Subscale, min: f64, max: f64) -> Vec<ChartBand> {
        subscale
            .bands
            .iter()
            .map(|b| ChartBand {
                label: b.label.clone(),
                min: b.min.unwrap_or(min),
                max: b.max.unwrap_or(max),
            })
            .collect()
    }

    /// The band with its ends mapped through `scale`: the same band on
    /// another axis (a score range onto 0–1, say).
    pub fn rescaled(&self, scale: &LinearScale) -> ChartBand {
        ChartBand {
            label: self.label.clone(),
            min: scale.map(self.min),
            max: scale.map(self.max),
        }
    }
}

/// A band laid out along an axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Zone<'a> {
    /// The band the zone shows.
    pub band: &'a ChartBand,
    /// The band's place from the lowest values: 0 is the lowest band. The
    /// chart shades and patterns zones by rank.
    pub rank: usize,
    /// The lower coordinate of the zone (left, or top on a y axis).
    pub start: f64,
    /// The higher coordinate of the zone.
    pub end: f64,
}

impl Zone<'_> {
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
/// lowest zone reaches down to `min` and the highest up to `max`, so the
/// zones cover the axis without gaps. Bands that are not numbers, or lie
/// wholly outside the axis, are left out.
pub fn band_zones<'a>(
    bands: &'a [ChartBand],
    min: f64,
    max: f64,
    scale: &LinearScale,
) -> Vec<Zone<'a>> {
    let (lo, hi) = ordered(min, max);
    let mut usable: Vec<(&ChartBand, f64, f64)> = bands
        .iter()
        .filter(|b| b.min.is_finite() && b.max.is_finite())
        .map(|b| {
            let (bmin, bmax) = ordered(b.min, b.max);
            (b, bmin, bmax)
        })
        .filter(|(_, bmin, bmax)| *bmax >= lo && *bmin <= hi)
        .collect();
    usable.sort_by(|a, b| a.1.total_cmp(&b.1));
    let mut zones = Vec::with_capacity(usable.len());
    let mut previous_end = lo;
    for (rank, (band, _, bmax)) in usable.iter().enumerate() {
        let start = previous_end;
        // `max(start).min(hi)` rather than `clamp`: overlapping bands can
        // put the midpoint below `start`, and `start` never exceeds `hi`.
        let end = match usable.get(rank + 1) {
            Some((_, next_min, _)) => ((bmax + next_min) / 2.0).max(start).min(hi),
            None => hi,
        };
        previous_end = end;
        let (a, b) = (scale.map(start), scale.map(end));
        zones.push(Zone {
            band,
            rank,
            start: a.min(b),
            end: a.max(b),
        });
    }
    zones
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

    #[test]
    fn band_zones_meet_halfway_across_the_step_between_inclusive_ranges() {
        let bands = tend_bands();
        let scale = LinearScale::new(0.0, 4.0, 0.0, 400.0);
        let zones = band_zones(&bands, 0.0, 4.0, &scale);
        let got: Vec<(&str, usize, f64, f64)> = zones
            .iter()
            .map(|z| (z.band.label.as_str(), z.rank, z.start, z.end))
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
        // A zone as (label, rank, start, end).
        type Placed = (&'static str, usize, f64, f64);
        // (what the case shows, bands, axis min, axis max, expected zones)
        type Case = (&'static str, Vec<ChartBand>, f64, f64, Vec<Placed>);
        let cases: Vec<Case> = vec![
            ("no bands, no zones", vec![], 0.0, 10.0, vec![]),
            (
                "bands out of order are sorted lowest first",
                vec![band("b", 5.0, 10.0), band("a", 0.0, 5.0)],
                0.0,
                10.0,
                vec![("a", 0, 0.0, 50.0), ("b", 1, 50.0, 100.0)],
            ),
            (
                "touching ranges share their edge; the lowest reaches the axis minimum",
                vec![band("a", 2.0, 6.0), band("b", 6.0, 10.0)],
                0.0,
                10.0,
                vec![("a", 0, 0.0, 60.0), ("b", 1, 60.0, 100.0)],
            ),
            (
                "bands outside the axis or not numbers are left out",
                vec![
                    band("a", 0.0, 10.0),
                    band("out", 20.0, 30.0),
                    band("nan", f64::NAN, 1.0),
                    band("inf", 1.0, f64::INFINITY),
                ],
                0.0,
                10.0,
                vec![("a", 0, 0.0, 100.0)],
            ),
            (
                "reversed ends in a band are read the right way round",
                vec![band("a", 4.0, 0.0), band("b", 10.0, 5.0)],
                0.0,
                10.0,
                vec![("a", 0, 0.0, 45.0), ("b", 1, 45.0, 100.0)],
            ),
            (
                "a reversed axis is read the right way round",
                vec![band("a", 0.0, 4.0), band("b", 5.0, 10.0)],
                10.0,
                0.0,
                vec![("a", 0, 0.0, 45.0), ("b", 1, 45.0, 100.0)],
            ),
            (
                "overlapping bands never run backwards",
                vec![
                    band("a", 0.0, 8.0),
                    band("b", 2.0, 4.0),
                    band("c", 3.0, 10.0),
                ],
                0.0,
                10.0,
                vec![
                    ("a", 0, 0.0, 50.0),
                    ("b", 1, 50.0, 50.0),
                    ("c", 2, 50.0, 100.0),
                ],
            ),
            (
                "a band wider than the axis is cut to it",
                vec![band("a", -5.0, 3.0), band("b", 4.0, 50.0)],
                0.0,
                10.0,
                vec![("a", 0, 0.0, 35.0), ("b", 1, 35.0, 100.0)],
            ),
        ];
        for (what, bands, lo, hi, want) in cases {
            let got: Vec<Placed> = band_zones(&bands, lo, hi, &scale)
                .into_iter()
                .map(|z| {
                    let label = want
                        .iter()
                        .map(|w| w.0)
                        .find(|l| *l == z.band.label)
                        .unwrap_or("?");
                    (label, z.rank, z.start, z.end)
                })
                .collect();
            assert_eq!(got.len(), want.len(), "{what}: {got:?}");
            for (g, w) in got.iter().zip(&want) {
                assert!(
                    g.0 == w.0 && g.1 == w.1 && close(g.2, w.2) && close(g.3, w.3),
                    "{what}: {got:?} vs {want:?}"
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
    fn a_subscale_s_open_ends_close_at_its_range() {
        use crate::domain::instrument::Band;
        let Ok(tend) = crate::builtin::tend() else {
            panic!("Tend's own instrument loads");
        };
        let mut subscale = tend.subscales[0].clone();
        subscale.bands = vec![
            Band {
                id: "low".into(),
                label: "Low".into(),
                min: None,
                max: Some(1.4),
                interpretation: None,
            },
            Band {
                id: "high".into(),
                label: "High".into(),
                min: Some(1.5),
                max: None,
                interpretation: None,
            },
        ];
        let bands = ChartBand::for_subscale(&subscale, 0.0, 4.0);
        assert_eq!(bands, [band("Low", 0.0, 1.4), band("High", 1.5, 4.0)]);
        let unit = LinearScale::new(0.0, 4.0, 0.0, 1.0);
        assert_eq!(bands[1].rescaled(&unit), band("High", 0.375, 1.0));
    }
}
