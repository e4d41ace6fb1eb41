//! The ids of the person's entries (check-ins, journal entries, plan
//! items…): the app makes them with the browser's clock and randomness;
//! the shape is decided here.

/// The random part of an id is below this (36⁶: six base-36 digits).
pub const RANDOM_RANGE: u64 = 2_176_782_336;

/// An entry id: `prefix`, the time `at` (ms since the epoch) in base 36, a
/// hyphen and `random` in base 36, so two tabs saving in the same
/// millisecond still make different ids.
pub fn entry_id(prefix: &str, at: i64, random: u64) -> String {
    format!(
        "{prefix}{}-{}",
        base36(u64::try_from(at).unwrap_or(0)),
        base36(random)
    )
}

/// `n` in base 36, lowercase.
fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_prefix_time_and_random_part_in_base_36() {
        assert_eq!(entry_id("j-", 0, 0), "j-0-0");
        assert_eq!(entry_id("c-", 36, 35), "c-10-z");
        assert_eq!(entry_id("", -5, RANDOM_RANGE - 1), "0-zzzzzz");
        assert_eq!(entry_id("p-", 1_764_300_000_000, 1), "p-miiao0lc-1");
    }
}
