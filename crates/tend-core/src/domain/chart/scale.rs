//! Linear scales: values from a domain onto coordinates.

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

#[cfg(test)]
mod tests {
    use super::*;

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
            ((4.0, 0.0), (0.0, 400.0), 1.0, 300.0),
            ((5.0, 5.0), (10.0, 30.0), 5.0, 20.0),
            ((5.0, 5.0), (10.0, 30.0), 99.0, 20.0),
            ((0.0, 4.0), (0.0, 400.0), f64::NAN, 0.0),
            ((0.0, 4.0), (0.0, 400.0), f64::INFINITY, 0.0),
            ((f64::NAN, 4.0), (0.0, 400.0), 1.0, 200.0),
        ];
        for ((d0, d1), (r0, r1), value, expected) in cases {
            let got = LinearScale::new(d0, d1, r0, r1).map(value);
            assert!(
                (got - expected).abs() < 1e-9,
                "{d0}..{d1} -> {r0}..{r1}: {value} gave {got}, want {expected}"
            );
        }
    }
}
