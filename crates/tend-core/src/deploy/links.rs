//! The addresses a deployment may give: support contact links, the host
//! page's origin, and file and storage names. Each is checked so that it
//! can only ever be what it says.

use crate::contact::ContactKind;
use crate::store::Namespace;

/// The most characters a phone or text number may have as written, scheme
/// and spacing included.
const MAX_NUMBER_TEXT: usize = 32;
/// The fewest and most digits a phone or text number may have.
const NUMBER_DIGITS: std::ops::RangeInclusive<usize> = 3..=20;
/// The longest https address a contact may link to.
const MAX_ADDRESS: usize = 2000;

/// Whether `c` is a bidirectional embedding, override or isolate
/// (U+202A–U+202E, U+2066–U+2069), which can make text read in another
/// order than it is stored.
pub fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` is a control character (C0, DEL or C1) or a direction
/// control: neither belongs in a name or label shown to the person.
pub fn is_hidden(c: char) -> bool {
    c.is_control() || is_direction_control(c)
}

/// The link for a support contact: a phone number for `tel:`/`sms:`
/// (written plainly or with its own scheme), or a full https address.
pub fn contact_href(kind: ContactKind, value: &str) -> Option<String> {
    let value = value.trim();
    match kind {
        ContactKind::Phone | ContactKind::Text => {
            let scheme = if kind == ContactKind::Phone {
                "tel:"
            } else {
                "sms:"
            };
            let number = value.strip_prefix(scheme).unwrap_or(value);
            let digits = number.chars().filter(|c| c.is_ascii_digit()).count();
            let allowed = number
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')' | '+'));
            let plus_first = number.rfind('+').is_none_or(|i| i == 0);
            // Digits alone do not bound the text: spaces and dashes could
            // still make a number that fills the screen.
            let short = value.chars().count() <= MAX_NUMBER_TEXT;
            if !(allowed && plus_first && short && NUMBER_DIGITS.contains(&digits)) {
                return None;
            }
            kind.href(&number.replace(['(', ')'], ""))
        }
        ContactKind::Web => https_address(value),
    }
}

/// A full `https://host/...` address with nothing that could turn it into
/// something else: no spaces, quotes, angle brackets, backslashes, control
/// or direction characters, no user name, and a real host name.
fn https_address(value: &str) -> Option<String> {
    let rest = value.strip_prefix("https://")?;
    if value.len() > MAX_ADDRESS
        || value.chars().any(|c| {
            is_hidden(c) || c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`')
        })
    {
        return None;
    }
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    if authority.contains('@') {
        return None;
    }
    host_and_port(authority)?;
    Some(value.to_string())
}

/// Checks `host[:port]`: a dotted name or `localhost`, with letters,
/// digits and hyphens, and a port from 1 to 65535.
fn host_and_port(authority: &str) -> Option<(&str, Option<u16>)> {
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => {
            let port = p
                .parse::<u16>()
                .ok()
                .filter(|n| *n > 0 && p.bytes().all(|b| b.is_ascii_digit()))?;
            (h, Some(port))
        }
        None => (authority, None),
    };
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    (host.len() <= 253 && host.split('.').all(label_ok)).then_some((host, port))
}

/// An exact origin: `https://host[:port]`, or `http://` for this machine
/// (`localhost`, `127.0.0.1`) so a portal can be tried out locally; no
/// path, query, fragment or user name. Returned as browsers write an
/// origin (a message's `origin`): scheme and host in lower case, and no
/// port when it is the scheme's default (443 for https, 80 for http), so
/// `https://LMS.example.org:443` is `https://lms.example.org`.
pub fn origin(value: &str) -> Option<String> {
    let (scheme, rest) = value.trim().split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let (host, port) = host_and_port(rest)?;
    let host = host.to_ascii_lowercase();
    let local = matches!(host.as_str(), "localhost" | "127.0.0.1");
    let default_port = match scheme.as_str() {
        "https" => 443,
        "http" if local => 80,
        _ => return None,
    };
    Some(match port {
        Some(port) if port != default_port => format!("{scheme}://{host}:{port}"),
        _ => format!("{scheme}://{host}"),
    })
}

/// A plain file name beside index.html: `name.json`, no folders.
pub fn file_name(value: &str) -> Option<String> {
    let ok = value.len() <= 80
        && value.ends_with(".json")
        && value.len() > ".json".len()
        && !value.starts_with('.')
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        && !value.contains("..");
    ok.then(|| value.to_string())
}

/// A storage namespace from a short name: `riverside` keeps the person's
/// data under `tend-riverside:`.
pub fn namespace(value: &str) -> Option<Namespace> {
    if value.is_empty() || value.len() > 40 {
        return None;
    }
    Namespace::new(&format!("tend-{value}:")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_other_than_https_tel_and_sms_are_refused() {
        for (kind, value) in [
            (ContactKind::Web, "javascript:alert(1)"),
            (ContactKind::Web, "JAVASCRIPT:alert(1)"),
            (ContactKind::Web, "data:text/html,<b>"),
            (ContactKind::Web, "http://example.org"),
            (ContactKind::Web, "//evil.example"),
            (ContactKind::Web, "/relative/path"),
            (ContactKind::Web, "https:/one-slash.example"),
            (ContactKind::Web, "https://"),
            (ContactKind::Web, "https://user@evil.example"),
            (ContactKind::Web, "https://a b.example"),
            (ContactKind::Web, "https://example.org/\"onmouseover"),
            (ContactKind::Web, "https://exa_mple.org"),
            (ContactKind::Web, "https://example.org/\u{202E}gpj.exe"),
            (ContactKind::Phone, "javascript:alert(1)"),
            (ContactKind::Phone, "12"),
            (ContactKind::Phone, "1-800-CALL-NOW"),
            (ContactKind::Phone, "sms:5550100"),
            (ContactKind::Phone, "555+0100"),
            (ContactKind::Text, "tel:5550100"),
        ] {
            assert_eq!(contact_href(kind, value), None, "{kind:?} {value}");
        }
        assert_eq!(
            contact_href(ContactKind::Phone, "tel:116 123").as_deref(),
            Some("tel:116123")
        );
        assert_eq!(
            contact_href(ContactKind::Web, "https://example.org:8443/a#b").as_deref(),
            Some("https://example.org:8443/a#b")
        );
    }

    #[test]
    fn a_number_is_bounded_in_digits_and_in_length() {
        let twenty = "+12 3456 7890 1234 5678 90";
        assert_eq!(
            contact_href(ContactKind::Phone, twenty).as_deref(),
            Some("tel:+12345678901234567890")
        );
        // 21 digits, or a 3-digit number padded past 32 characters.
        assert_eq!(
            contact_href(ContactKind::Phone, "123456789012345678901"),
            None
        );
        let padded = format!("1{}23", " ".repeat(30));
        assert_eq!(padded.chars().count(), 33);
        assert_eq!(contact_href(ContactKind::Text, &padded), None);
        let longest = format!("sms:1{}23", "-".repeat(25));
        assert_eq!(longest.chars().count(), 32);
        assert_eq!(
            contact_href(ContactKind::Text, &longest).as_deref(),
            Some("sms:123")
        );
    }

    #[test]
    fn origins_are_written_as_browsers_write_them() {
        for (written, normal) in [
            (
                "https://learning.example.org",
                "https://learning.example.org",
            ),
            (
                "https://Learning.Example.ORG",
                "https://learning.example.org",
            ),
            ("HTTPS://x.example", "https://x.example"),
            ("https://x.example:443", "https://x.example"),
            ("https://x.example:0443", "https://x.example"),
            ("https://x.example:8443", "https://x.example:8443"),
            ("https://x.example:80", "https://x.example:80"),
            ("http://localhost:80", "http://localhost"),
            ("http://LOCALHOST:8080", "http://localhost:8080"),
            ("http://127.0.0.1:9000", "http://127.0.0.1:9000"),
            ("  https://x.example  ", "https://x.example"),
        ] {
            assert_eq!(origin(written).as_deref(), Some(normal), "{written}");
        }
        for bad in [
            "*",
            "null",
            "x.example",
            "https://",
            "https://x.example/",
            "https://x.example/path",
            "https://x.example?q",
            "https://x.example#f",
            "https://user@x.example",
            "https://user:pw@x.example",
            "https://x.example:",
            "https://x.example:0",
            "https://x.example:65536",
            "https://x.example:+443",
            "http://x.example",
            "http://x.example:443",
            "ftp://x.example",
            "https://x.example.",
            "https://[::1]",
        ] {
            assert_eq!(origin(bad), None, "{bad}");
        }
    }

    #[test]
    fn hidden_characters_are_control_and_direction_characters() {
        for c in [
            '\0', '\n', '\u{7f}', '\u{85}', '\u{9f}', '\u{202A}', '\u{202E}', '\u{2066}',
            '\u{2069}',
        ] {
            assert!(is_hidden(c), "{:04x}", u32::from(c));
        }
        for c in ['a', ' ', 'é', '\u{2065}', '\u{202F}', '\u{200F}', 'ب'] {
            assert!(!is_hidden(c), "{:04x}", u32::from(c));
        }
    }
}
