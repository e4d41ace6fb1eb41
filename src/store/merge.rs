//! Combining two copies of the person's data — this tab's and another
//! tab's, or this device's and an imported file's — without losing the
//! newer side of either.

use super::data::TendData;

/// The data that keeps the newer part of each side. Settings travel as one
/// unit: the side whose `settings.updated_at` is later wins, and on a tie
/// `ours` is kept. The last export time is the later of the two.
pub fn merge(ours: &TendData, theirs: &TendData) -> TendData {
    let settings = if theirs.settings.updated_at > ours.settings.updated_at {
        theirs.settings.clone()
    } else {
        ours.settings.clone()
    };
    TendData {
        settings,
        last_exported_at: ours.last_exported_at.max(theirs.last_exported_at),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::store::data::{Settings, TextSize, Theme};
    use proptest::prelude::*;

    fn with(theme: Theme, updated_at: i64, exported: Option<i64>) -> TendData {
        TendData {
            settings: Settings {
                theme,
                updated_at,
                ..Settings::default()
            },
            last_exported_at: exported,
        }
    }

    #[test]
    fn newer_settings_win_from_either_side() {
        let older = with(Theme::Dark, 10, None);
        let newer = with(Theme::Light, 20, None);
        assert_eq!(merge(&older, &newer).settings.theme, Theme::Light);
        assert_eq!(merge(&newer, &older).settings.theme, Theme::Light);
    }

    #[test]
    fn ties_keep_ours() {
        let a = with(Theme::Dark, 10, None);
        let b = with(Theme::Light, 10, None);
        assert_eq!(merge(&a, &b).settings.theme, Theme::Dark);
        assert_eq!(merge(&b, &a).settings.theme, Theme::Light);
    }

    #[test]
    fn the_later_export_is_kept_whichever_settings_win() {
        let a = with(Theme::Dark, 10, Some(500));
        let b = with(Theme::Light, 20, Some(100));
        let merged = merge(&a, &b);
        assert_eq!(merged.settings.theme, Theme::Light);
        assert_eq!(merged.last_exported_at, Some(500));
        assert_eq!(
            merge(&with(Theme::Dark, 1, None), &b).last_exported_at,
            Some(100)
        );
    }

    #[test]
    fn a_whole_settings_block_moves_together() {
        let mut theirs = with(Theme::Light, 20, None);
        theirs.settings.text_size = TextSize::Larger;
        theirs.settings.language = Some("en".into());
        let merged = merge(&with(Theme::Dark, 10, None), &theirs);
        assert_eq!(merged.settings, theirs.settings);
    }

    fn arb() -> impl Strategy<Value = TendData> {
        (0u8..3, -5i64..5, proptest::option::of(0i64..5)).prop_map(|(t, at, ex)| {
            let theme = [Theme::System, Theme::Light, Theme::Dark][usize::from(t)];
            with(theme, at, ex)
        })
    }

    proptest! {
        #[test]
        fn merge_is_idempotent_and_never_goes_back(a in arb(), b in arb()) {
            let m = merge(&a, &b);
            prop_assert_eq!(merge(&m, &m), m.clone());
            prop_assert_eq!(merge(&m, &b), m.clone());
            prop_assert_eq!(merge(&m, &a), m.clone());
            prop_assert!(m.settings.updated_at >= a.settings.updated_at.max(b.settings.updated_at));
            prop_assert!(m.last_exported_at >= a.last_exported_at.max(b.last_exported_at));
        }
    }
}
