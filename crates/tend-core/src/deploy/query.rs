//! The two settings a page address may carry, `lang` and `embed`: a
//! portal links or frames Tend with them. Anyone can make a link, so
//! nothing else is read from it.

use super::{Config, Issue, Problem, Source};

/// Applies `lang` and `embed` from the query string. A bad value is
/// reported and ignored; other parameters belong to whoever links to
/// Tend (an LMS adds its own) and are left alone.
pub(super) fn apply(config: &mut Config, query: &str, languages: &[&str], issues: &mut Vec<Issue>) {
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = percent_decode(value);
        let problem = match name {
            "lang" => match value.filter(|code| languages.contains(&code.as_str())) {
                Some(l) => {
                    config.language = Some(l);
                    continue;
                }
                None => Problem::BadLanguage,
            },
            "embed" => match value.as_deref() {
                Some("1" | "true" | "") => {
                    config.embed = true;
                    continue;
                }
                Some("0" | "false") => {
                    config.embed = false;
                    continue;
                }
                _ => Problem::BadChoice,
            },
            _ => continue,
        };
        issues.push(Issue {
            source: Source::Address,
            key: name.to_string(),
            problem,
        });
    }
}

/// Decodes `%xx` escapes and `+` for a space; `None` if the result is not
/// UTF-8 or an escape is broken.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = text.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_decoded_and_broken_ones_refused() {
        assert_eq!(percent_decode("a%20b+c").as_deref(), Some("a b c"));
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%e9"), None);
        assert_eq!(percent_decode("%c3%a9").as_deref(), Some("é"));
        assert_eq!(percent_decode("%4"), None);
    }
}
