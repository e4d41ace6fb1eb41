//! The strategy library, per locale, compiled in from
//! `locales/<code>/strategies.toml` by `build.rs` (see
//! [`crate::domain::strategy`] for the model, filtering and lookup).

use super::Locale;

include!(concat!(env!("OUT_DIR"), "/strategies.rs"));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::markup::{parse, Block};

    #[test]
    fn the_library_has_at_least_24_strategies() {
        for locale in Locale::ALL {
            assert!(strategies(*locale).len() >= 24, "{}", locale.code());
        }
    }

    #[test]
    fn steps_are_one_list_and_why_is_prose() {
        for s in strategies(Locale::En) {
            match parse(s.steps).as_slice() {
                [Block::List(steps)] => assert!(steps.len() >= 2, "{}", s.id),
                other => panic!("{}: steps are {other:?}", s.id),
            }
            assert!(!parse(s.why).is_empty(), "{}", s.id);
            assert!(!s.fits.is_empty() && !s.sources.is_empty() && !s.helps.is_empty());
        }
    }

    #[test]
    fn every_practice_has_a_strategy() {
        use crate::domain::practice::Practice;
        for p in Practice::ALL {
            assert!(
                strategies(Locale::En)
                    .iter()
                    .any(|s| s.practice == Some(*p)),
                "{p:?}"
            );
        }
    }
}
