//! Decimal text for `f64` values without the standard library's float
//! formatting, which costs about 5 kB of brotli-compressed wasm (its
//! shortest-digits and exact-digits algorithms and their tables). The
//! numbers Tend shows are scores, chart positions and values quoted back
//! from an instrument file, so exact integer arithmetic on the value's
//! binary mantissa is enough, and short.
//!
//! Both functions give the standard library's text (`{:.2}`, `{}`) for
//! every value, except that
//! - an exact tie rounds half away from zero (`fixed(0.125, 2)` is `0.13`;
//!   the standard library rounds ties to even), and
//! - a result that is zero never carries a minus sign (`fixed(-0.01, 1)` is
//!   `0.0`, not `-0.0`), and
//! - [`shortest`] writes a whole number above 2⁵³ with all its exact digits
//!   (the standard library pads its 17 shortest digits with zeros); both
//!   read back as the same value.
//!
//! NaN and the infinities are written `NaN`, `inf` and `-inf`, as the
//! standard library writes them.

/// Most decimal places [`fixed`] writes; more are written as this many.
/// (The mantissa times 10^22 still fits in a `u128`.)
pub const MAX_PLACES: u8 = 22;

/// `value` with exactly `places` decimal places (at most [`MAX_PLACES`]),
/// rounded half away from zero: `fixed(2.25, 1)` is `2.3`, `fixed(-1.0, 2)`
/// is `-1.00`, `fixed(7.6, 0)` is `8`.
pub fn fixed(value: f64, places: u8) -> String {
    if let Some(text) = not_finite(value) {
        return text;
    }
    let places = places.min(MAX_PLACES);
    let digits = scaled_digits(value.abs(), places);
    with_point(value.is_sign_negative(), &digits, places)
}

/// `value` with as few decimal places as read back as the same `f64`, as
/// the standard library's `{}` writes it: `1.5`, `0.75`, `2`, `-0.1`.
/// Values below about 10⁻⁵ in size whose digits need more than
/// [`MAX_PLACES`] places, which Tend never shows, are written with that
/// many places and trailing zeros dropped.
pub fn shortest(value: f64) -> String {
    if let Some(text) = not_finite(value) {
        return text;
    }
    let (mantissa, exponent) = parts(value.abs());
    let negative = value.is_sign_negative();
    // A whole number (or zero) is written exactly, with no point.
    if exponent >= 0 || mantissa == 0 {
        return fixed(value, 0);
    }
    let shift = exponent.unsigned_abs();
    if shift >= 127 {
        return trim(&fixed(value, MAX_PLACES));
    }
    let unit: u128 = 1 << shift;
    // Going down to the next smaller value is half as far when the mantissa
    // is an exact power of two (and the value is not subnormal).
    let at_binade_start = mantissa == 1 << 52;
    for places in 0..=MAX_PLACES {
        let scale = 10u128.pow(u32::from(places));
        let n = u128::from(mantissa) * scale;
        let (q, rem) = (n >> shift, n & (unit - 1));
        let up = rem >= unit / 2;
        let (q, distance, below) = if up {
            (q + 1, unit - rem, false)
        } else {
            (q, rem, rem != 0)
        };
        // |candidate − value| is distance / (scale · unit); it reads back as
        // the value when under half the gap to the neighbouring f64.
        let limit = if below && at_binade_start { 4 } else { 2 };
        if distance.saturating_mul(limit) < scale {
            return trim(&with_point(negative, &q.to_string(), places));
        }
    }
    trim(&fixed(value, MAX_PLACES))
}

fn not_finite(value: f64) -> Option<String> {
    if value.is_nan() {
        Some("NaN".into())
    } else if value.is_infinite() {
        Some(if value < 0.0 { "-inf" } else { "inf" }.into())
    } else {
        None
    }
}

/// A finite, non-negative value as `mantissa · 2^exponent`.
fn parts(value: f64) -> (u64, i32) {
    let bits = value.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, biased - 1075)
    }
}

/// The decimal digits of `value · 10^places`, rounded half away from zero.
fn scaled_digits(value: f64, places: u8) -> String {
    let (mantissa, exponent) = parts(value);
    let scale = 10u128.pow(u32::from(places));
    if exponent < 0 {
        let shift = exponent.unsigned_abs();
        let n = u128::from(mantissa) * scale;
        if shift >= 128 {
            // n < 2^110, so less than half of 2^shift: rounds to zero.
            return "0".into();
        }
        let (q, rem) = (n >> shift, n & ((1u128 << shift) - 1));
        let half = if shift == 0 { 1 } else { 1u128 << (shift - 1) };
        let q = if shift > 0 && rem >= half { q + 1 } else { q };
        return q.to_string();
    }
    // A whole number, possibly far beyond u128: exact, in base 10⁹ limbs.
    let mut limbs = vec![mantissa % 1_000_000_000, mantissa / 1_000_000_000];
    let mut left = exponent;
    while left > 0 {
        let step = left.min(29);
        multiply(&mut limbs, 1 << step);
        left -= step;
    }
    for _ in 0..places {
        multiply(&mut limbs, 10);
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut out = String::new();
    for (i, limb) in limbs.iter().rev().enumerate() {
        let text = limb.to_string();
        if i > 0 {
            out.extend(std::iter::repeat_n('0', 9 - text.len()));
        }
        out.push_str(&text);
    }
    out
}

fn multiply(limbs: &mut Vec<u64>, by: u64) {
    let mut carry = 0;
    for limb in limbs.iter_mut() {
        let x = *limb * by + carry;
        *limb = x % 1_000_000_000;
        carry = x / 1_000_000_000;
    }
    while carry > 0 {
        limbs.push(carry % 1_000_000_000);
        carry /= 1_000_000_000;
    }
}

/// `digits` (an integer, value · 10^places) with the point put back and a
/// minus sign when negative and not zero.
fn with_point(negative: bool, digits: &str, places: u8) -> String {
    let places = usize::from(places);
    let mut out = String::with_capacity(digits.len() + places + 2);
    if negative && digits.bytes().any(|b| b != b'0') {
        out.push('-');
    }
    if places == 0 {
        out.push_str(digits);
        return out;
    }
    if digits.len() <= places {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', places - digits.len()));
        out.push_str(digits);
    } else {
        let (whole, fraction) = digits.split_at(digits.len() - places);
        out.push_str(whole);
        out.push('.');
        out.push_str(fraction);
    }
    out
}

fn trim(text: &str) -> String {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text.to_string()
    }
}

/// `value` kept within `lo..=hi`, like `f64::clamp` but never panicking
/// (and without the float formatting of its panic message): a NaN value
/// gives `lo`, and if `lo > hi` the result is `hi`.
pub fn clamp(value: f64, lo: f64, hi: f64) -> f64 {
    value.max(lo).min(hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamp_keeps_within_bounds_and_never_panics() {
        assert_eq!(clamp(0.5, 0.0, 1.0), 0.5);
        assert_eq!(clamp(-3.0, 0.0, 1.0), 0.0);
        assert_eq!(clamp(7.0, 0.0, 1.0), 1.0);
        assert_eq!(clamp(f64::NAN, 0.0, 1.0), 0.0);
        // Bounds the wrong way round (a label wider than its room) give the
        // upper one instead of the standard library's panic.
        assert_eq!(clamp(5.0, 10.0, 2.0), 2.0);
    }

    #[test]
    fn fixed_places() {
        for (value, places, text) in [
            (0.0, 0, "0"),
            (0.0, 2, "0.00"),
            (2.5, 1, "2.5"),
            (2.25, 1, "2.3"),
            (2.35, 1, "2.4"),
            (0.125, 2, "0.13"),
            (-0.125, 2, "-0.13"),
            (0.5, 0, "1"),
            (1.5, 0, "2"),
            (2.5, 0, "3"),
            (-2.5, 0, "-3"),
            (7.6, 0, "8"),
            (-1.0, 2, "-1.00"),
            (-0.04, 1, "0.0"),
            (-0.0, 1, "0.0"),
            (1.005, 2, "1.00"),
            (0.1, 20, "0.10000000000000000555"),
            (12345.678, 1, "12345.7"),
            (1e21, 0, "1000000000000000000000"),
            (1e21, 2, "1000000000000000000000.00"),
            (5e-324, 3, "0.000"),
            (f64::NAN, 1, "NaN"),
            (f64::INFINITY, 1, "inf"),
            (f64::NEG_INFINITY, 0, "-inf"),
        ] {
            assert_eq!(fixed(value, places), text, "fixed({value:?}, {places})");
        }
    }

    #[test]
    fn shortest_reads_back() {
        for (value, text) in [
            (0.0, "0"),
            (-0.0, "0"),
            (2.0, "2"),
            (1.5, "1.5"),
            (0.75, "0.75"),
            (-0.1, "-0.1"),
            (0.3, "0.3"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1.0 / 3.0, "0.3333333333333333"),
            (100.0, "100"),
            (1e21, "1000000000000000000000"),
            (f64::NAN, "NaN"),
            (f64::NEG_INFINITY, "-inf"),
        ] {
            assert_eq!(shortest(value), text, "shortest({value:?})");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod against_std {
        use super::super::*;
        use proptest::prelude::*;

        /// The standard library's text, less a minus sign on zero.
        fn std_text(text: String) -> String {
            match text.strip_prefix('-') {
                Some(rest) if rest.bytes().all(|b| b == b'0' || b == b'.') => rest.to_string(),
                _ => text,
            }
        }

        proptest! {
            #[test]
            fn fixed_matches_std_off_ties(value in -1e9f64..1e9, places in 0u8..=6) {
                let p = usize::from(places);
                // Random values almost never sit exactly on a tie; when one
                // does, the two may differ by design.
                let scaled = value * 10f64.powi(i32::from(places));
                prop_assume!((scaled.abs().fract() - 0.5).abs() > 1e-6);
                prop_assert_eq!(fixed(value, places), std_text(format!("{value:.p$}")));
            }

            #[test]
            fn shortest_matches_std(value in prop_oneof![-1e6f64..1e6, -1.0f64..1.0, -1e-3f64..1e-3]) {
                prop_assume!(value == 0.0 || value.abs() >= 1e-5);
                prop_assert_eq!(shortest(value), std_text(format!("{value}")));
            }

            #[test]
            fn shortest_of_any_value_not_tiny_reads_back(bits in any::<u64>()) {
                let value = f64::from_bits(bits);
                prop_assume!(value.is_finite() && value.abs() >= 1e-5);
                prop_assert_eq!(shortest(value).parse::<f64>().ok(), Some(value));
            }
        }
    }
}
