//! Export files and the reminder to make one.

use super::data::TendData;
use super::envelope::{encode_pretty, EncodeError};
use crate::time::{civil_date, DAY_MS};

/// After this many days without an export, the person is reminded.
pub const REMIND_AFTER_DAYS: i64 = 30;

/// The text of an export file for `data`, written at `now`.
pub fn export_text(data: &TendData, now: i64) -> Result<String, EncodeError> {
    encode_pretty(data, now).map(|(text, _)| text)
}

/// The file name an export made at `now` is saved under, such as
/// `tend-backup-2025-11-26.json`.
pub fn export_file_name(now: i64) -> String {
    let (y, m, d) = civil_date(now);
    format!("tend-backup-{y:04}-{m:02}-{d:02}.json")
}

/// The file name an encrypted export made at `now` is saved under, such
/// as `tend-backup-2025-11-26-encrypted.json`.
pub fn locked_export_file_name(now: i64) -> String {
    let (y, m, d) = civil_date(now);
    format!("tend-backup-{y:04}-{m:02}-{d:02}-encrypted.json")
}

/// The file name for data that was set aside at `at` because it could not
/// be read. Plain text: it may not be valid JSON.
pub fn recovered_file_name(at: i64) -> String {
    let (y, m, d) = civil_date(at);
    format!("tend-set-aside-{y:04}-{m:02}-{d:02}.txt")
}

/// The text of a file holding set-aside copies, given as (key, text)
/// pairs. One copy is given back exactly as it was kept; several are
/// each preceded by a line naming the key they were kept under.
pub fn recovered_file_text(copies: &[(String, String)]) -> String {
    match copies {
        [(_, text)] => text.clone(),
        _ => copies
            .iter()
            .map(|(key, text)| format!("----- {key} -----\n{text}\n"))
            .collect(),
    }
}

/// Where the person stands on backups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupState {
    /// Nothing has been saved yet, so there is nothing to back up.
    NothingToBackUp,
    /// There is data and it has never been exported.
    NeverExported,
    /// Exported this many whole days ago, within [`REMIND_AFTER_DAYS`].
    Recent {
        /// Whole days since the last export.
        days: i64,
    },
    /// Exported this many whole days ago, longer than [`REMIND_AFTER_DAYS`].
    Overdue {
        /// Whole days since the last export.
        days: i64,
    },
}

impl BackupState {
    /// Whether the person should be reminded to export.
    pub fn remind(self) -> bool {
        matches!(
            self,
            BackupState::NeverExported | BackupState::Overdue { .. }
        )
    }
}

/// The backup state of `data` at `now`.
pub fn backup_state(data: &TendData, now: i64) -> BackupState {
    match data.last_exported_at {
        None if data.is_blank() => BackupState::NothingToBackUp,
        None => BackupState::NeverExported,
        Some(at) => {
            // A clock that went backwards counts as "just now".
            let days = (now - at).max(0) / DAY_MS;
            if days >= REMIND_AFTER_DAYS {
                BackupState::Overdue { days }
            } else {
                BackupState::Recent { days }
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::store::data::Theme;

    #[test]
    fn dates_are_utc_calendar_dates() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(-1), (1969, 12, 31));
        // 2024-02-29T12:00:00Z
        assert_eq!(civil_date(1_709_208_000_000), (2024, 2, 29));
        // 2025-11-26T23:59:59.999Z
        assert_eq!(civil_date(1_764_201_599_999), (2025, 11, 26));
        assert_eq!(
            export_file_name(1_764_201_599_999),
            "tend-backup-2025-11-26.json"
        );
        assert_eq!(recovered_file_name(0), "tend-set-aside-1970-01-01.txt");
    }

    #[test]
    fn set_aside_copies_are_exported_exactly() {
        let one = vec![("tend:recovered:1".to_string(), "{broken".to_string())];
        assert_eq!(recovered_file_text(&one), "{broken");
        let two = vec![
            ("tend:recovered:1".to_string(), "a".to_string()),
            ("tend:recovered:2".to_string(), "b".to_string()),
        ];
        assert_eq!(
            recovered_file_text(&two),
            "----- tend:recovered:1 -----\na\n----- tend:recovered:2 -----\nb\n"
        );
    }

    #[test]
    fn reminder_follows_the_last_export() {
        let mut data = TendData::default();
        assert_eq!(backup_state(&data, 0), BackupState::NothingToBackUp);
        assert!(!backup_state(&data, 0).remind());
        data.settings.theme = Theme::Dark;
        assert_eq!(backup_state(&data, 0), BackupState::NeverExported);
        assert!(backup_state(&data, 0).remind());
        data.last_exported_at = Some(0);
        assert_eq!(
            backup_state(&data, 29 * DAY_MS + DAY_MS - 1),
            BackupState::Recent { days: 29 }
        );
        assert!(!backup_state(&data, 29 * DAY_MS).remind());
        assert_eq!(
            backup_state(&data, 30 * DAY_MS),
            BackupState::Overdue { days: 30 }
        );
        assert!(backup_state(&data, 30 * DAY_MS).remind());
        assert_eq!(backup_state(&data, -5), BackupState::Recent { days: 0 });
    }

    #[test]
    fn an_export_is_a_readable_envelope() {
        let mut data = TendData::default();
        data.settings.theme = Theme::Light;
        let text = export_text(&data, 7).expect("encodes");
        let preview = crate::store::import::read(text.as_bytes(), 7).expect("reads back");
        assert_eq!(preview.data, data);
        assert!(text.contains('\n'), "exports are indented for people");
    }
}
