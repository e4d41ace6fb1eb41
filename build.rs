//! Turns the locale files under `locales/<code>/` into Rust code and HTML
//! fragments, so every user-visible string is checked at compile time.
//!
//! The work is `tend_content::build` (crates/tend-content, feature
//! `build`), a tested library: it reads `locales/` (`ui*.toml` interface
//! strings, the pages of `learn.toml` and `leaders.toml`, `help.toml`,
//! `resources.toml`, `strategies.toml`), checks every locale against
//! English, renders the long pages to `$OUT_DIR/content/<code>/*.<hash>.html`
//! with `$OUT_DIR/content/manifest.txt` (`tools/postbuild.mjs` copies them
//! into the site), and writes `$OUT_DIR/locales.rs` and
//! `$OUT_DIR/strategies.rs`, which `src/content/` includes. The packs
//! carry the translations of Tend's own check-in and pulse
//! (`crates/tend-core/src/builtin/*.<code>.json`). This script
//! only calls it, and fails the build with its message.

use std::path::Path;

fn main() {
    let Some(out_dir) = std::env::var_os("OUT_DIR") else {
        panic!("\n\nlocale files: OUT_DIR is not set; run this through cargo\n\n");
    };
    // The tests' pseudo-locale (`en-XA`), with the `pseudo-locale` feature.
    let options = tend_content::build::Options {
        pseudo_locale: std::env::var_os("CARGO_FEATURE_PSEUDO_LOCALE").is_some(),
    };
    // Tend's own check-in and pulse, whose translations travel in the packs.
    let instruments = Path::new("crates/tend-core/src/builtin");
    match tend_content::build::run(
        Path::new("locales"),
        Some(instruments),
        Path::new(&out_dir),
        options,
    ) {
        Ok(read) => {
            for path in read {
                println!("cargo:rerun-if-changed={}", path.display());
            }
        }
        Err(e) => panic!("\n\nlocale files: {e}\n\n"),
    }
}
