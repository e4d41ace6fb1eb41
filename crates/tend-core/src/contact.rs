//! How a support or crisis contact is reached.

/// How a contact is reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactKind {
    /// A phone call (`tel:`).
    Phone,
    /// A text message (`sms:`).
    Text,
    /// A web page (`https:`).
    Web,
}

impl ContactKind {
    /// The link for reaching `value` this way, or `None` when the value
    /// is not a plain phone number or an https address.
    pub fn href(self, value: &str) -> Option<String> {
        match self {
            ContactKind::Phone | ContactKind::Text => {
                let digits: String = value
                    .chars()
                    .filter(|c| !matches!(c, ' ' | '-' | '.'))
                    .collect();
                let plain = !digits.is_empty()
                    && digits
                        .chars()
                        .enumerate()
                        .all(|(i, c)| c.is_ascii_digit() || (i == 0 && c == '+'));
                let scheme = if self == ContactKind::Phone {
                    "tel"
                } else {
                    "sms"
                };
                plain.then(|| format!("{scheme}:{digits}"))
            }
            ContactKind::Web => value.starts_with("https://").then(|| value.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_links_keep_only_digits_and_a_leading_plus() {
        assert_eq!(
            ContactKind::Phone.href("116 123").as_deref(),
            Some("tel:116123")
        );
        assert_eq!(ContactKind::Text.href("988").as_deref(), Some("sms:988"));
        assert_eq!(
            ContactKind::Phone.href("+61 13 11 14").as_deref(),
            Some("tel:+61131114")
        );
        assert_eq!(ContactKind::Phone.href("javascript:alert(1)"), None);
        assert_eq!(ContactKind::Phone.href("1+2"), None);
        assert_eq!(ContactKind::Web.href("http://example.org"), None);
    }
}
