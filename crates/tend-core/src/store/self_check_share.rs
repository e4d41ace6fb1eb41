//! Passing a self-check from one leader to another without a server: as a
//! small JSON file, or as a code to paste into a message. Both carry the
//! self-check and a checksum of it, so a file damaged in transit or a code
//! cut short or mistyped is refused rather than read wrongly. The checksum
//! catches accidents, not intent: anyone can make a file that passes, and
//! an imported self-check is only ever what someone says they answered.
//!
//! The file is
//!
//! ```json
//! {
//!   "checksum": "fnv1a64:…",
//!   "format": "tend-self-check",
//!   "self_check": { "answers": { … }, "completed_at": …, "id": "sc-…", … },
//!   "version": 1
//! }
//! ```
//!
//! with the checksum taken over the canonical JSON of `self_check` (see
//! [`super::checksum`]). The code is [`CODE_PREFIX`] and the same object,
//! compact, in base64url. Nothing here touches the person's stored data:
//! a self-check read here is kept with
//! [`crate::store::data::TendData::save_self_check`].

use super::checksum::{canonical_json, checksum};
use crate::domain::instrument::Instrument;
use crate::domain::self_check::record::{clean_team_name, SelfCheck, SelfCheckAnswer};
use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use serde_json::{json, Value};

/// What the `format` field of a shared self-check says.
pub const FORMAT: &str = "tend-self-check";

/// The version of the shared form this Tend writes and reads.
pub const FORMAT_VERSION: u64 = 1;

/// How a self-check code starts.
pub const CODE_PREFIX: &str = "TSC1.";

/// The most text an import reads: a self-check with every statement
/// answered is under 2 KB as a file, so anything near this is not one.
pub const MAX_SHARE_BYTES: usize = 64 * 1024;

/// The longest self-check id accepted.
pub const MAX_ID_CHARS: usize = 64;

/// The latest completion time accepted: the last millisecond of the year
/// 9999, where dates stop being printable.
pub const MAX_COMPLETED_AT: i64 = 253_402_300_799_999;

/// Accepts a code with or without base64 padding.
const LENIENT_URL_SAFE: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Why a self-check was not imported. The app words each for the leader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Nothing was pasted, or the file is empty.
    Empty,
    /// Over [`MAX_SHARE_BYTES`].
    TooLarge,
    /// Not a self-check file or code at all: another kind of file, text
    /// that is not a code, or a code too damaged to read.
    NotASelfCheck,
    /// A self-check, but its checksum does not match: changed or cut short
    /// on the way (a code copied in part, a mistyped character).
    Damaged,
    /// Made by a newer Tend, in a form this one cannot read.
    Newer {
        /// The form's version.
        version: u64,
    },
    /// Answered with a self-check this Tend does not have (another
    /// organisation's, or a newer version of Tend's own).
    UnknownInstrument {
        /// The instrument's id.
        id: String,
        /// Its version.
        version: String,
    },
    /// An answer to a statement the self-check does not have.
    UnknownStatement {
        /// The statement's id.
        statement: String,
    },
    /// A level that is not on the answer scale.
    OffScale {
        /// The statement's id.
        statement: String,
    },
    /// The self-check's id is empty, too long, or not made of letters,
    /// digits, `-` and `_` (starting with a letter or digit).
    BadId,
    /// The completion time is before 1970 or after the year 9999.
    BadDate,
    /// The team or unit name is longer than
    /// [`crate::domain::self_check::record::MAX_TEAM_CHARS`].
    TeamNameTooLong,
}

/// The object a file or code carries. Whether this copy was itself shared
/// with the leader passing it on is theirs, not the self-check's: it is
/// left out, so the form is the same whoever passes a self-check on.
fn shared(check: &SelfCheck) -> Value {
    let check = SelfCheck {
        shared: false,
        ..check.clone()
    };
    // A self-check always turns into JSON: its keys are strings.
    let body = serde_json::to_value(&check).unwrap_or_default();
    json!({
        "checksum": checksum(&body),
        "format": FORMAT,
        "self_check": body,
        "version": FORMAT_VERSION,
    })
}

/// `check` as the text of a small JSON file to save or send.
pub fn export_json(check: &SelfCheck) -> String {
    let mut text = serde_json::to_string_pretty(&shared(check)).unwrap_or_default();
    text.push('\n');
    text
}

/// `check` as a code to copy into a message: [`CODE_PREFIX`], then the
/// shared object in base64url without padding.
pub fn share_code(check: &SelfCheck) -> String {
    let compact = canonical_json(&shared(check));
    format!("{CODE_PREFIX}{}", URL_SAFE_NO_PAD.encode(compact))
}

/// Reads a self-check from a file's text or a pasted code (told apart by
/// their first character; a byte-order mark some editors add to a file,
/// and spaces and line breaks a message app puts inside a code, are
/// ignored) and checks it against the self-checks this Tend has (`known`,
/// every version). It comes back marked [`SelfCheck::shared`]. Nothing is
/// saved: the caller decides (see
/// [`crate::store::data::TendData::save_self_check`]), and can tell a
/// self-check it already has by its id.
pub fn import_self_check(text: &str, known: &[&Instrument]) -> Result<SelfCheck, ShareError> {
    let text = text.trim().trim_start_matches('\u{feff}').trim_start();
    if text.is_empty() {
        return Err(ShareError::Empty);
    }
    if text.len() > MAX_SHARE_BYTES {
        return Err(ShareError::TooLarge);
    }
    let value: Value = if text.starts_with('{') {
        serde_json::from_str(text).map_err(|_| ShareError::NotASelfCheck)?
    } else {
        let code: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let Some(body) = code.strip_prefix(CODE_PREFIX) else {
            return Err(ShareError::NotASelfCheck);
        };
        // A code cut short or mistyped can stop being base64 or JSON at
        // all; either way it is a damaged code.
        let bytes = LENIENT_URL_SAFE
            .decode(body)
            .map_err(|_| ShareError::Damaged)?;
        serde_json::from_slice(&bytes).map_err(|_| ShareError::Damaged)?
    };
    let mut check = check_against(unwrap_shared(value)?, known)?;
    check.shared = true;
    Ok(check)
}

/// The self-check inside a shared object, once its form, version and
/// checksum are right.
fn unwrap_shared(value: Value) -> Result<SelfCheck, ShareError> {
    let Value::Object(mut object) = value else {
        return Err(ShareError::NotASelfCheck);
    };
    if object.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ShareError::NotASelfCheck);
    }
    match object.get("version").and_then(Value::as_u64) {
        Some(FORMAT_VERSION) => {}
        Some(version) if version > FORMAT_VERSION => return Err(ShareError::Newer { version }),
        _ => return Err(ShareError::NotASelfCheck),
    }
    let expected = object
        .get("checksum")
        .and_then(Value::as_str)
        .map(str::to_string);
    let (Some(expected), Some(body)) = (expected, object.remove("self_check")) else {
        return Err(ShareError::NotASelfCheck);
    };
    if object.len() != 3 {
        return Err(ShareError::NotASelfCheck);
    }
    if checksum(&body) != expected {
        return Err(ShareError::Damaged);
    }
    serde_json::from_value(body).map_err(|_| ShareError::NotASelfCheck)
}

/// Whether a self-check could have been made by Tend with one of `known`;
/// its team name comes back tidied.
fn check_against(mut check: SelfCheck, known: &[&Instrument]) -> Result<SelfCheck, ShareError> {
    if !is_id(&check.id) {
        return Err(ShareError::BadId);
    }
    if !(0..=MAX_COMPLETED_AT).contains(&check.completed_at) {
        return Err(ShareError::BadDate);
    }
    let Some(instrument) = known
        .iter()
        .find(|i| i.id == check.instrument_id && i.version == check.instrument_version)
    else {
        return Err(ShareError::UnknownInstrument {
            id: check.instrument_id,
            version: check.instrument_version,
        });
    };
    for (statement, answer) in &check.answers {
        if instrument.item(statement).is_none() {
            return Err(ShareError::UnknownStatement {
                statement: statement.clone(),
            });
        }
        if let SelfCheckAnswer::Level(v) = answer {
            if !instrument.scale.contains(*v) {
                return Err(ShareError::OffScale {
                    statement: statement.clone(),
                });
            }
        }
    }
    check.team = match check.team.as_deref().map(clean_team_name) {
        None => None,
        Some(Ok(team)) => team,
        Some(Err(_)) => return Err(ShareError::TeamNameTooLong),
    };
    Ok(check)
}

/// Whether `id` is shaped like an id Tend makes
/// ([`crate::domain::self_check::record::ID_PREFIX`], then
/// base-36 digits and a hyphen) or one as plain: letters, digits, `-` and
/// `_`, starting with a letter or digit (so no spreadsheet takes it for a
/// formula), at most [`MAX_ID_CHARS`] long.
fn is_id(id: &str) -> bool {
    id.len() <= MAX_ID_CHARS
        && id.starts_with(|c: char| c.is_ascii_alphanumeric())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}
