//! Tend's content as a library.
//!
//! Always: the pure text code the app also runs in the browser —
//! [`html`] (a markup builder that escapes everything), [`markup`] (the small
//! markup content bodies are written in) and [`render`] (content bodies to
//! HTML, and [`render::fill`] for `{name}` placeholders) — and [`pack`], the
//! language pack the build writes for each language but English and the app
//! fetches.
//!
//! With the `build` feature: [`build`], what the app's `build.rs` does with
//! `locales/<code>/*.toml` — read, check every locale against English,
//! render the long pages to hashed HTML fragments and write the generated
//! Rust the app includes.

#![warn(missing_docs)]

#[cfg(feature = "build")]
pub mod build;
pub mod html;
pub mod markup;
pub mod pack;
pub mod render;
