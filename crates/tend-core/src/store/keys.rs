//! The names Tend writes under in browser storage. Every key starts with
//! one prefix, so "every key Tend wrote" is well defined: delete-everything
//! removes exactly the keys with that prefix and nothing else.

/// A key prefix that marks Tend's keys. The default is `tend:`; a
/// deployment may choose its own so two installs on one origin stay apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Namespace {
    prefix: String,
}

/// Why a prefix cannot be used as a namespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NamespaceError {
    /// The prefix is empty or has no characters before its final `:`.
    Empty,
    /// The prefix must end in `:`, so no namespace is a prefix of another's
    /// key names by accident (`tend` would also match `tendency:…`).
    MissingColon,
    /// Only ASCII letters, digits, `-`, `_` and `.` may come before the `:`.
    BadCharacter,
}

impl Namespace {
    /// The namespace Tend uses unless a deployment says otherwise.
    pub const DEFAULT_PREFIX: &'static str = "tend:";

    /// A namespace with its own prefix, such as `tend-staff:`.
    pub fn new(prefix: &str) -> Result<Self, NamespaceError> {
        let Some(stem) = prefix.strip_suffix(':') else {
            return Err(NamespaceError::MissingColon);
        };
        if stem.is_empty() {
            return Err(NamespaceError::Empty);
        }
        if !stem
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        {
            return Err(NamespaceError::BadCharacter);
        }
        Ok(Namespace {
            prefix: prefix.to_string(),
        })
    }

    /// The prefix every key in this namespace starts with.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// Where the person's data envelope lives.
    pub fn data_key(&self) -> String {
        format!("{}data", self.prefix)
    }

    /// Where the passphrase lock's record lives, in the open (see
    /// `store::lock`). Its presence means the data is encrypted.
    pub fn lock_key(&self) -> String {
        format!("{}lock", self.prefix)
    }

    /// The start of every key that holds data set aside because it could
    /// not be read.
    pub fn recovered_prefix(&self) -> String {
        format!("{}recovered:", self.prefix)
    }

    /// The key for data set aside at `at` (ms since the epoch); `attempt`
    /// tells apart two set aside in the same millisecond.
    pub fn recovered_key(&self, at: i64, attempt: u32) -> String {
        if attempt == 0 {
            format!("{}{at}", self.recovered_prefix())
        } else {
            format!("{}{at}-{attempt}", self.recovered_prefix())
        }
    }

    /// The start of every key that holds a chunk of one of the long lists
    /// (see `store::split`).
    pub fn part_prefix(&self) -> String {
        format!("{}part:", self.prefix)
    }

    /// The key of the chunk whose text hashes to `hash` (16 hex digits).
    pub fn part_key(&self, hash: &str) -> String {
        format!("{}{hash}", self.part_prefix())
    }

    /// Whether `key` holds a chunk of one of the long lists.
    pub fn is_part(&self, key: &str) -> bool {
        key.starts_with(&self.part_prefix())
    }

    /// Whether Tend (in this namespace) wrote `key`.
    pub fn owns(&self, key: &str) -> bool {
        key.starts_with(&self.prefix)
    }

    /// Whether `key` holds set-aside data.
    pub fn is_recovered(&self, key: &str) -> bool {
        key.starts_with(&self.recovered_prefix())
    }
}

impl Default for Namespace {
    fn default() -> Self {
        Namespace {
            prefix: Self::DEFAULT_PREFIX.to_string(),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn default_keys_start_with_tend() {
        let ns = Namespace::default();
        assert_eq!(ns.data_key(), "tend:data");
        assert_eq!(ns.lock_key(), "tend:lock");
        assert_eq!(ns.recovered_key(5, 0), "tend:recovered:5");
        assert_eq!(ns.recovered_key(5, 2), "tend:recovered:5-2");
        assert!(ns.owns("tend:data"));
        assert!(ns.is_recovered("tend:recovered:5"));
        assert!(!ns.is_recovered("tend:data"));
        assert_eq!(ns.part_key("00ff"), "tend:part:00ff");
        assert!(ns.is_part("tend:part:00ff"));
        assert!(!ns.is_part("tend:data") && !ns.is_recovered("tend:part:00ff"));
        assert!(!ns.owns("tendency:data"));
        assert!(!ns.owns("other"));
    }

    #[test]
    fn prefixes_are_checked() {
        assert_eq!(Namespace::new("tend"), Err(NamespaceError::MissingColon));
        assert_eq!(Namespace::new(":"), Err(NamespaceError::Empty));
        assert_eq!(Namespace::new("a b:"), Err(NamespaceError::BadCharacter));
        assert_eq!(
            Namespace::new("tend-staff:").map(|n| n.data_key()),
            Ok("tend-staff:data".to_string())
        );
    }
}
