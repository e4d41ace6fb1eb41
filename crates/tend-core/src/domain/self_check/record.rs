//! A saved self-check: what a leader answered about their organisation,
//! when, and for which team, as Tend would keep it. Its results are always
//! derived from the answers and the instrument, never stored.

use crate::domain::entry::Entry;
use serde::de::{self, Unexpected, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;

/// The start of every self-check id (`sc-m3x9k2a1-4fz0qp`); the rest is
/// made by [`crate::store::ids::entry_id`].
pub const ID_PREFIX: &str = "sc-";

/// The longest team or unit name kept, in characters: room for
/// "Night shift, North District Ambulance Station 4" and a little more.
pub const MAX_TEAM_CHARS: usize = 80;

/// How a leader answered one statement.
///
/// In JSON, a level as a bare integer (`3`) and "don't know" as the
/// string `"dont_know"`; nothing else reads as an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelfCheckAnswer {
    /// How fully the practice is in place, a point on the instrument's
    /// scale (for Tend's own: 0 not at all, 1 a little, 2 partly, 3 mostly,
    /// 4 fully).
    Level(i32),
    /// "Don't know": counted and shown, never scored.
    DontKnow,
}

/// How "don't know" is written.
pub const DONT_KNOW: &str = "dont_know";

/// A leader's answers: statement id → answer. Statements not in the map
/// were left unanswered.
pub type SelfCheckAnswers = BTreeMap<String, SelfCheckAnswer>;

/// One completed organisation self-check. The fields are in alphabetical
/// order, as in every record Tend keeps, so its JSON is already canonical.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelfCheck {
    /// The answers, statement by statement.
    pub answers: SelfCheckAnswers,
    /// When it was completed (ms since the epoch).
    pub completed_at: i64,
    /// Stable id, starting with [`ID_PREFIX`]. It tells the same
    /// self-check apart when it is imported twice.
    pub id: String,
    /// The id of the instrument answered (`tend-org`).
    pub instrument_id: String,
    /// The version of that instrument.
    pub instrument_version: String,
    /// Whether it came in as a file or code shared by a leader (see
    /// [`crate::store::self_check_share`]) rather than being completed
    /// here, so that one's own self-checks over time and other leaders'
    /// can be told apart. Left out of the JSON when false, and never
    /// written into a shared file or code.
    #[serde(default, skip_serializing_if = "is_false")]
    pub shared: bool,
    /// The team or unit the leader answered for, as they typed it (see
    /// [`clean_team_name`]), if they named one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Entry for SelfCheck {
    fn id(&self) -> &str {
        &self.id
    }
    fn completed_at(&self) -> i64 {
        self.completed_at
    }
}

/// Why a team or unit name was not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TeamNameError {
    /// Longer than [`MAX_TEAM_CHARS`] characters.
    TooLong,
}

/// A team or unit name as it will be kept: spaces, tabs and line breaks
/// (and any other control character) squeezed to single spaces and trimmed;
/// none when nothing is left. Longer than [`MAX_TEAM_CHARS`] is refused
/// rather than cut, so the leader sees what will be saved.
pub fn clean_team_name(text: &str) -> Result<Option<String>, TeamNameError> {
    let cleaned = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if cleaned.is_empty() {
        Ok(None)
    } else if cleaned.chars().count() > MAX_TEAM_CHARS {
        Err(TeamNameError::TooLong)
    } else {
        Ok(Some(cleaned))
    }
}

impl Serialize for SelfCheckAnswer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            SelfCheckAnswer::Level(v) => serializer.serialize_i32(*v),
            SelfCheckAnswer::DontKnow => serializer.serialize_str(DONT_KNOW),
        }
    }
}

impl<'de> Deserialize<'de> for SelfCheckAnswer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// Reads a whole number or `"dont_know"`, naming what it found
        /// otherwise.
        struct Compact;
        impl Visitor<'_> for Compact {
            type Value = SelfCheckAnswer;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an answer: a whole number or \"dont_know\"")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<SelfCheckAnswer, E> {
                i32::try_from(v)
                    .map(SelfCheckAnswer::Level)
                    .map_err(|_| E::invalid_value(Unexpected::Signed(v), &self))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<SelfCheckAnswer, E> {
                i32::try_from(v)
                    .map(SelfCheckAnswer::Level)
                    .map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<SelfCheckAnswer, E> {
                if v == DONT_KNOW {
                    Ok(SelfCheckAnswer::DontKnow)
                } else {
                    Err(E::invalid_value(Unexpected::Str(v), &self))
                }
            }
        }
        deserializer.deserialize_any(Compact)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::store::checksum::canonical_json;

    fn sample() -> SelfCheck {
        SelfCheck {
            answers: SelfCheckAnswers::from([
                ("a".to_string(), SelfCheckAnswer::Level(3)),
                ("b".to_string(), SelfCheckAnswer::DontKnow),
            ]),
            completed_at: 1_764_300_000_000,
            id: "sc-miiao0lc-1".into(),
            instrument_id: "tend-org".into(),
            instrument_version: "1".into(),
            shared: false,
            team: Some("Night shift".into()),
        }
    }

    #[test]
    fn a_self_check_is_written_compactly_with_its_keys_in_order() {
        let Ok(text) = serde_json::to_string(&sample()) else {
            panic!("a self-check does not write");
        };
        assert_eq!(
            text,
            r#"{"answers":{"a":3,"b":"dont_know"},"completed_at":1764300000000,"id":"sc-miiao0lc-1","instrument_id":"tend-org","instrument_version":"1","team":"Night shift"}"#
        );
        let value = serde_json::to_value(sample()).unwrap_or_default();
        assert_eq!(canonical_json(&value), text);
        assert_eq!(
            serde_json::from_str::<SelfCheck>(&text).ok(),
            Some(sample())
        );
        let mut unnamed = sample();
        unnamed.team = None;
        let text = serde_json::to_string(&unnamed).unwrap_or_default();
        assert!(!text.contains("team"), "{text}");
        assert!(!text.contains("shared"), "{text}");
    }

    #[test]
    fn a_shared_self_check_says_so_between_its_version_and_its_team() {
        let shared = SelfCheck {
            shared: true,
            ..sample()
        };
        let text = serde_json::to_string(&shared).unwrap_or_default();
        assert!(
            text.ends_with(r#""instrument_version":"1","shared":true,"team":"Night shift"}"#),
            "{text}"
        );
        assert_eq!(serde_json::from_str::<SelfCheck>(&text).ok(), Some(shared));
    }

    #[test]
    fn only_a_whole_number_or_dont_know_is_an_answer() {
        for text in [
            r#""Dont_know""#,
            r#""prefer_not""#,
            r#""3""#,
            "1.5",
            "true",
            "null",
            "[3]",
            "{}",
            "2147483648",
        ] {
            assert!(
                serde_json::from_str::<SelfCheckAnswer>(text).is_err(),
                "{text}"
            );
        }
        assert_eq!(
            serde_json::from_str::<SelfCheckAnswer>("-2").ok(),
            Some(SelfCheckAnswer::Level(-2))
        );
    }

    #[test]
    fn a_team_name_is_tidied_and_kept_short() {
        assert_eq!(
            clean_team_name("  Night\tshift\n east "),
            Ok(Some("Night shift east".into()))
        );
        assert_eq!(clean_team_name(" \n\t "), Ok(None));
        assert_eq!(clean_team_name(""), Ok(None));
        let longest = "é".repeat(MAX_TEAM_CHARS);
        assert_eq!(clean_team_name(&longest), Ok(Some(longest.clone())));
        assert_eq!(
            clean_team_name(&format!("{longest}x")),
            Err(TeamNameError::TooLong)
        );
    }
}
