//! The strategy library as shipped: filtering and lookup over the real
//! content, and every tag in use.

use tend::content::strategies::strategies;
use tend::content::Locale;
use tend_core::domain::strategy::*;

#[test]
fn filters_combine_and_keep_library_order() {
    let lib = strategies(Locale::En);
    assert_eq!(filter(lib, &Filter::default()).len(), lib.len());
    let quick_sleep = Filter {
        helps: Some(HelpsWith::Sleep),
        time: Some(TimeNeeded::Under2Minutes),
        ..Filter::default()
    };
    let got = filter(lib, &quick_sleep);
    assert!(!got.is_empty());
    for s in &got {
        assert!(s.helps.contains(&HelpsWith::Sleep) && s.time == TimeNeeded::Under2Minutes);
    }
    let positions: Vec<usize> = got
        .iter()
        .filter_map(|s| lib.iter().position(|l| l.id == s.id))
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]));
    let cecert = filter(
        lib,
        &Filter {
            group: Some(SourceGroup::CeCert),
            ..Filter::default()
        },
    );
    assert!(cecert.iter().all(|s| s.in_group(SourceGroup::CeCert)));
    let workplace = filter(
        lib,
        &Filter {
            source: Some(Source::Workplace),
            fit: Some(Fit::DuringWork),
            ..Filter::default()
        },
    );
    assert!(!workplace.is_empty());
    assert!(workplace
        .iter()
        .all(|s| s.sources.contains(&Source::Workplace) && s.fits.contains(&Fit::DuringWork)));
}

#[test]
fn lookup_by_id() {
    let lib = strategies(Locale::En);
    assert_eq!(
        find(lib, "paced-breathing").map(|s| s.id),
        Some("paced-breathing")
    );
    assert!(find(lib, "no-such-strategy").is_none());
}

#[test]
fn every_helps_with_and_source_is_used() {
    let lib = strategies(Locale::En);
    for h in HelpsWith::ALL {
        assert!(lib.iter().any(|s| s.helps.contains(h)), "{h:?}");
    }
    for src in Source::ALL {
        assert!(lib.iter().any(|s| s.sources.contains(src)), "{src:?}");
    }
    for t in TimeNeeded::ALL {
        assert!(lib.iter().any(|s| s.time == *t), "{t:?}");
    }
}
