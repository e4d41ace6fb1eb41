//! Which values and dates get a gridline or a label: round numbers on a
//! value axis, local midnights on a time axis, thinned until their labels
//! fit.

use super::clamp_label;
use super::scale::LinearScale;
use crate::time::DAY_MS;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
