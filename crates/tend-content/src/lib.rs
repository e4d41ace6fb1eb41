//! Tend's content as a library: the pure text code the app runs in the
//! browser and the build uses for the long pages — [`html`] (a markup
//! builder that escapes everything), [`markup`] (the small markup content
//! bodies are written in) and [`render`] (content bodies to HTML, and
//! [`render::fill`] for `{name}` placeholders).

#![warn(missing_docs)]

pub mod html;
pub mod markup;
pub mod render;
