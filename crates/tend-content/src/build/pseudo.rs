//! A pseudo-locale for the tests: English with its vowels accented
//! (`Chéck ín wíth yóúrsélf`), code `en-XA` as Android and Chromium call
//! theirs. It is built only when asked (the app's `pseudo-locale`
//! feature, which only the tests turn on), so the tests can load a
//! language that is not English, through the same pack, fetch and switch
//! as a real one, and see at a glance which words did not come from the
//! locale files. Placeholders (`{name}`) and page bodies stay as they are.

use super::locale::LocaleContent;

/// The pseudo-locale's code.
pub const CODE: &str = "en-XA";

/// `text` with its vowels accented, placeholders untouched.
pub(crate) fn accent(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut in_placeholder = false;
    for c in text.chars() {
        match c {
            '{' => in_placeholder = true,
            '}' => in_placeholder = false,
            _ => {}
        }
        let accented = match c {
            _ if in_placeholder => c,
            'a' => 'á',
            'e' => 'é',
            'i' => 'í',
            'o' => 'ó',
            'u' => 'ú',
            'A' => 'Á',
            'E' => 'É',
            'I' => 'Í',
            'O' => 'Ó',
            'U' => 'Ú',
            _ => c,
        };
        out.push(accented);
    }
    out
}

/// The pseudo-locale made from English.
pub(crate) fn from_english(en: &LocaleContent) -> LocaleContent {
    let mut l = en.clone();
    l.code = CODE.to_owned();
    // Its speakers are asked English's check-in: it has no translation.
    l.instruments = Vec::new();
    for text in l.ui.values_mut() {
        *text = accent(text);
    }
    for plural in l.plurals.values_mut() {
        for text in plural.forms.values_mut() {
            *text = accent(text);
        }
    }
    for page in l.learn.page.iter_mut().chain(l.leaders.page.iter_mut()) {
        page.title = accent(&page.title);
        page.summary = accent(&page.summary);
    }
    for region in &mut l.help.region {
        region.name = accent(&region.name);
        region.note = accent(&region.note);
        for c in &mut region.contact {
            c.label = accent(&c.label);
            c.detail = accent(&c.detail);
        }
    }
    for s in &mut l.strategies.strategy {
        s.title = accent(&s.title);
        s.summary = accent(&s.summary);
    }
    l
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vowels_are_accented_and_placeholders_kept() {
        assert_eq!(
            accent("Due in {count} days, on {date}."),
            "Dúé ín {count} dáys, ón {date}."
        );
        assert_eq!(accent("OK"), "ÓK");
        assert_eq!(accent(""), "");
    }
}
