//! A calendar file (RFC 5545 iCalendar) for the next check-in reminder: one
//! all-day event the person adds to their own calendar. Pure text in,
//! text out; the caller localises the words and downloads the file.

use crate::time::civil_date;

/// The product identifier written into every calendar file.
pub const PRODID: &str = "-//Tend//Check-in reminder//EN";

/// The longest a line may be, in octets, not counting its CRLF.
pub const MAX_LINE_OCTETS: usize = 75;

use crate::time::DAY_MS;

/// The text of an .ics file holding one all-day event on the UTC date of
/// `due_at` (ms since the epoch), ending the next day, identified by `uid`
/// and stamped `now`. `summary` and `description` are shown as given
/// (escaped as the format requires). Lines end in CRLF and are folded at
/// [`MAX_LINE_OCTETS`] octets without splitting a character.
pub fn reminder_ics(uid: &str, now: i64, due_at: i64, summary: &str, description: &str) -> String {
    let day = due_at.div_euclid(DAY_MS);
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", escape_text(uid)),
        format!("DTSTAMP:{}", utc_date_time(now)),
        format!("DTSTART;VALUE=DATE:{}", date(day)),
        format!("DTEND;VALUE=DATE:{}", date(day + 1)),
        format!("SUMMARY:{}", escape_text(summary)),
        format!("DESCRIPTION:{}", escape_text(description)),
        // A reminder, not a busy block in the person's calendar.
        "TRANSP:TRANSPARENT".to_string(),
        "END:VEVENT".to_string(),
        "END:VCALENDAR".to_string(),
    ];
    lines.iter().map(|line| fold(line)).collect()
}

/// `text` as an iCalendar TEXT value: backslash, semicolon and comma
/// escaped with a backslash, every line break (CRLF, CR or LF) written as
/// `\n`, and other control characters (which the format forbids) left out.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded so that no physical line is longer than
/// [`MAX_LINE_OCTETS`] octets (a continuation line's leading space counts),
/// each ending in CRLF. Folds fall between characters, never inside one.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 64 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
    out
}

/// A day number (days since 1970-01-01) as an iCalendar DATE: `20251126`.
fn date(day: i64) -> String {
    let (y, m, d) = civil_date(day * DAY_MS);
    format!("{y:04}{m:02}{d:02}")
}

/// A time (ms since the epoch) as an iCalendar UTC DATE-TIME:
/// `20251126T093000Z`.
fn utc_date_time(ms: i64) -> String {
    let seconds = ms.rem_euclid(DAY_MS) / 1000;
    format!(
        "{}T{:02}{:02}{:02}Z",
        date(ms.div_euclid(DAY_MS)),
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2025-11-26T09:30:05Z.
    const NOW: i64 = 1_764_149_405_000;
    /// 2025-12-10T12:00:00Z.
    const DUE: i64 = 1_765_368_000_000;

    fn unfold(text: &str) -> String {
        text.replace("\r\n ", "")
    }

    #[test]
    fn a_reminder_is_one_all_day_event() {
        let ics = reminder_ics(
            "tend-checkin-1",
            NOW,
            DUE,
            "Tend check-in",
            "Time for your check-in.",
        );
        assert_eq!(
            ics,
            "BEGIN:VCALENDAR\r\n\
             VERSION:2.0\r\n\
             PRODID:-//Tend//Check-in reminder//EN\r\n\
             CALSCALE:GREGORIAN\r\n\
             METHOD:PUBLISH\r\n\
             BEGIN:VEVENT\r\n\
             UID:tend-checkin-1\r\n\
             DTSTAMP:20251126T093005Z\r\n\
             DTSTART;VALUE=DATE:20251210\r\n\
             DTEND;VALUE=DATE:20251211\r\n\
             SUMMARY:Tend check-in\r\n\
             DESCRIPTION:Time for your check-in.\r\n\
             TRANSP:TRANSPARENT\r\n\
             END:VEVENT\r\n\
             END:VCALENDAR\r\n"
        );
    }

    #[test]
    fn every_line_ends_in_crlf() {
        let ics = reminder_ics("u", NOW, DUE, "a\nb", "c\r\nd\re");
        assert!(ics.ends_with("\r\n"));
        let bare_lf = ics
            .char_indices()
            .filter(|(i, c)| *c == '\n' && !ics[..*i].ends_with('\r'))
            .count();
        assert_eq!(bare_lf, 0);
        assert!(!ics.replace("\r\n", "").contains('\r'));
    }

    #[test]
    fn the_event_ends_the_next_day_across_months_and_years() {
        let cases = [
            // (due_at, DTSTART, DTEND)
            (1_767_139_200_000, "20251231", "20260101"), // 2025-12-31T00:00Z
            (1_709_208_000_000, "20240229", "20240301"), // 2024-02-29T12:00Z
            (1_740_787_199_999, "20250228", "20250301"), // 2025-02-28T23:59:59.999Z
            (0, "19700101", "19700102"),
        ];
        for (due, start, end) in cases {
            let ics = reminder_ics("u", NOW, due, "s", "d");
            assert!(
                ics.contains(&format!("DTSTART;VALUE=DATE:{start}\r\n")),
                "{due}"
            );
            assert!(
                ics.contains(&format!("DTEND;VALUE=DATE:{end}\r\n")),
                "{due}"
            );
        }
    }

    #[test]
    fn the_stamp_is_utc_date_and_time() {
        assert_eq!(utc_date_time(0), "19700101T000000Z");
        assert_eq!(utc_date_time(NOW), "20251126T093005Z");
        assert_eq!(utc_date_time(1_767_225_599_999), "20251231T235959Z");
        assert_eq!(utc_date_time(-1_000), "19691231T235959Z");
    }

    #[test]
    fn text_is_escaped() {
        let cases = [
            ("plain words", "plain words"),
            ("a, b; c", "a\\, b\\; c"),
            ("back\\slash", "back\\\\slash"),
            ("one\ntwo", "one\\ntwo"),
            ("one\r\ntwo", "one\\ntwo"),
            ("one\rtwo", "one\\ntwo"),
            ("one\n\ntwo", "one\\n\\ntwo"),
            ("tab\there", "tab\there"),
            ("bell\u{7}gone", "bellgone"),
            ("\\n is not a newline", "\\\\n is not a newline"),
            ("¿Qué tal?", "¿Qué tal?"),
        ];
        for (text, escaped) in cases {
            assert_eq!(escape_text(text), escaped, "{text:?}");
        }
        let ics = reminder_ics("id;1", NOW, DUE, "Check in, today", "Line one\nLine two");
        assert!(ics.contains("UID:id\\;1\r\n"));
        assert!(ics.contains("SUMMARY:Check in\\, today\r\n"));
        assert!(ics.contains("DESCRIPTION:Line one\\nLine two\r\n"));
    }

    #[test]
    fn long_lines_are_folded_at_75_octets() {
        let description = "Take a few minutes for yourself: how has the work been sitting \
                           with you since last time? Your answers stay on this device.";
        let ics = reminder_ics("u", NOW, DUE, "s", description);
        for line in ics.split("\r\n") {
            assert!(
                line.len() <= MAX_LINE_OCTETS,
                "{} octets: {line}",
                line.len()
            );
        }
        let folded: Vec<&str> = ics
            .split("\r\n")
            .skip_while(|l| !l.starts_with("DESCRIPTION:"))
            .take_while(|l| l.starts_with("DESCRIPTION:") || l.starts_with(' '))
            .collect();
        assert_eq!(folded.len(), 2, "{folded:?}");
        assert_eq!(folded[0].len(), 75);
        assert!(unfold(&ics).contains(&format!("DESCRIPTION:{description}\r\n")));
    }

    #[test]
    fn folding_never_splits_a_character() {
        // Two-, three- and four-byte characters, so folds land next to
        // every kind of boundary.
        for text in [
            "é".repeat(100),
            "€".repeat(60),
            "🌿".repeat(50),
            format!("a{}", "€".repeat(60)),
            format!("ab{}", "🌿".repeat(50)),
        ] {
            let line = format!("DESCRIPTION:{text}");
            let folded = fold(&line);
            for physical in folded.split("\r\n") {
                assert!(physical.len() <= MAX_LINE_OCTETS, "{physical}");
            }
            // Every fold is a whole number of characters: unfolding gives
            // back exactly the original text.
            assert_eq!(unfold(&folded), format!("{line}\r\n"));
            assert!(folded.split("\r\n").count() > 2);
        }
    }

    #[test]
    fn lines_at_the_limit_are_left_alone() {
        let exact = "x".repeat(MAX_LINE_OCTETS);
        assert_eq!(fold(&exact), format!("{exact}\r\n"));
        let over = "x".repeat(MAX_LINE_OCTETS + 1);
        assert_eq!(
            fold(&over),
            format!("{}\r\n x\r\n", "x".repeat(MAX_LINE_OCTETS))
        );
        // A continuation line holds 74 octets after its space.
        let long = "x".repeat(MAX_LINE_OCTETS + 74 + 1);
        let lens: Vec<usize> = fold(&long).split("\r\n").map(str::len).collect();
        assert_eq!(lens, [75, 75, 2, 0]);
    }
}
