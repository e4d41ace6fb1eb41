//! Numbers written the way a language writes them, by the browser's
//! `Intl.NumberFormat`: `1.5` and `45%` in English, `1,5` and `45 %` in
//! Spanish. One formatter per language and style is made and kept.
//!
//! Where there is no `Intl` (the native tests), numbers are written the
//! English way with Rust's own formatting.
//!
//! Plural forms come from the browser's `Intl.PluralRules` too, so the CLDR
//! rules of every language are not compiled into the wasm; the native tests
//! use the same CLDR rules through `intl_pluralrules`.

/// `value` with at most `max_fraction_digits` decimals and no trailing
/// zeros (`2`, `2.5`, `2.25`), in the language `code`. Never `-0`; empty
/// for a value that is not a number.
pub fn decimal(code: &str, value: f64, max_fraction_digits: u8) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let scale = 10f64.powi(i32::from(max_fraction_digits));
    let mut rounded = (value * scale).round() / scale;
    if rounded == 0.0 {
        // A small negative value rounds to zero, which has no sign.
        rounded = 0.0;
    }
    #[cfg(target_arch = "wasm32")]
    if let Some(text) = browser::format(code, Style::Decimal(max_fraction_digits), rounded) {
        return text;
    }
    let _ = code;
    let fixed = format!("{rounded:.*}", usize::from(max_fraction_digits));
    if fixed.contains('.') {
        fixed.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        fixed
    }
}

/// A whole percentage (`45` for 45 %), in the language `code`.
pub fn percent(code: &str, whole_percent: u32) -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(text) = browser::format(code, Style::Percent, f64::from(whole_percent) / 100.0) {
        return text;
    }
    let _ = code;
    format!("{whole_percent}%")
}

/// The CLDR plural category (`zero`, `one`, `two`, `few`, `many` or
/// `other`) of a whole number in the language `code`, by its cardinal
/// rules: the browser's `Intl.PluralRules`. `other` when the browser cannot
/// say.
#[cfg(target_arch = "wasm32")]
pub fn plural_category(code: &str, count: u64) -> &'static str {
    match browser::plural(code, count).as_deref() {
        Some("zero") => "zero",
        Some("one") => "one",
        Some("two") => "two",
        Some("few") => "few",
        Some("many") => "many",
        _ => "other",
    }
}

/// How a number is written.
#[derive(Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
enum Style {
    /// Up to this many decimals.
    Decimal(u8),
    /// A percentage of a fraction, no decimals.
    Percent,
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::Style;
    use js_sys::{Array, Intl, Object, Reflect};
    use std::cell::RefCell;
    use wasm_bindgen::{JsCast, JsValue};

    thread_local! {
        static FORMATS: RefCell<Vec<(String, Style, Intl::NumberFormat)>> = const { RefCell::new(Vec::new()) };
        static PLURALS: RefCell<Vec<(String, Intl::PluralRules)>> = const { RefCell::new(Vec::new()) };
    }

    /// The category `Intl.PluralRules` gives `count` in `code` (kept one
    /// per language).
    pub(super) fn plural(code: &str, count: u64) -> Option<String> {
        PLURALS.with(|rules| {
            let mut rules = rules.try_borrow_mut().ok()?;
            let kept = rules
                .iter()
                .find(|(c, _)| c == code)
                .map(|(_, r)| r.clone());
            let r = match kept {
                Some(r) => r,
                None => {
                    let r: Intl::PluralRules =
                        construct("PluralRules", code, &Object::new())?.unchecked_into();
                    rules.push((code.to_owned(), r.clone()));
                    r
                }
            };
            r.select(count as f64).as_string()
        })
    }

    fn make(code: &str, style: Style) -> Option<Intl::NumberFormat> {
        let options = Object::new();
        let set = |key: &str, value: JsValue| Reflect::set(&options, &key.into(), &value).ok();
        match style {
            Style::Decimal(digits) => {
                set("minimumFractionDigits", 0.into())?;
                set("maximumFractionDigits", u32::from(digits).into())?;
            }
            Style::Percent => {
                set("style", "percent".into())?;
                set("maximumFractionDigits", 0.into())?;
            }
        }
        construct("NumberFormat", code, &options).map(JsCast::unchecked_into)
    }

    /// `new Intl.<name>([code], options)`, or `None` where the browser has
    /// no such formatter or refuses the code (it throws a RangeError for a
    /// malformed language tag; that must not stop the app).
    fn construct(name: &str, code: &str, options: &Object) -> Option<JsValue> {
        let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
        let class: js_sys::Function = Reflect::get(&intl, &name.into()).ok()?.dyn_into().ok()?;
        let args = Array::of2(&Array::of1(&code.into()), options);
        Reflect::construct(&class, &args).ok()
    }

    /// `value` by the kept formatter for `code` and `style`; `None` if the
    /// browser could not format it.
    pub(super) fn format(code: &str, style: Style, value: f64) -> Option<String> {
        FORMATS.with(|formats| {
            let mut formats = formats.try_borrow_mut().ok()?;
            let kept = formats
                .iter()
                .find(|(c, s, _)| c == code && *s == style)
                .map(|(_, _, f)| f.clone());
            let format = match kept {
                Some(f) => f,
                None => {
                    let f = make(code, style)?;
                    formats.push((code.to_owned(), style, f.clone()));
                    f
                }
            };
            format
                .format()
                .call1(&JsValue::NULL, &JsValue::from_f64(value))
                .ok()?
                .as_string()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Without `Intl` (here), English's way; the browser's ways are tested
    /// in `tests/wasm_language.rs`.
    #[test]
    fn decimals_are_rounded_without_trailing_zeros_or_negative_zero() {
        for (value, digits, want) in [
            (2.5, 2, "2.5"),
            (4.0, 2, "4"),
            (0.25, 2, "0.25"),
            (1.456, 2, "1.46"),
            (-0.001, 2, "0"),
            (-1.5, 2, "-1.5"),
            (150.0, 2, "150"),
            (2.25, 1, "2.3"),
            (2.04, 1, "2"),
            (f64::NAN, 2, ""),
            (f64::INFINITY, 1, ""),
        ] {
            assert_eq!(decimal("en", value, digits), want, "{value} {digits}");
        }
        assert_eq!(percent("en", 45), "45%");
    }
}
