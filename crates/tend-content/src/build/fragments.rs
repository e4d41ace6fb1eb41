//! The long pages as HTML fragments: each Learn and leaders' page, the
//! reading list and each strategy's why and steps, rendered with the app's
//! own renderer ([`crate::render`]) and named by a hash of their HTML, so
//! changed text always gets a new file name.

use super::error::{ContentError, IoAction};
use super::locale::{LocaleContent, PageFile};
use crate::render;
use std::fs;
use std::path::Path;

/// One rendered page and where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragment {
    /// The path relative to the site's root (and to `$OUT_DIR`), such as
    /// `content/en/learn-burnout.<hash>.html`.
    pub path: String,
    /// The HTML.
    pub html: String,
}

/// The fragments of one locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LocaleFragments {
    pub(crate) learn: Vec<Fragment>,
    pub(crate) leaders: Vec<Fragment>,
    pub(crate) reading_list: Fragment,
    /// Each strategy's why and steps, in library order.
    pub(crate) strategies: Vec<Fragment>,
}

impl LocaleFragments {
    /// Every fragment, in the order the manifest and `FRAGMENTS` list them.
    pub(crate) fn all(&self) -> impl Iterator<Item = &Fragment> {
        self.learn
            .iter()
            .chain(&self.leaders)
            .chain([&self.reading_list])
            .chain(&self.strategies)
    }
}

/// FNV-1a, 64 bits: enough to give changed text a new file name (this is
/// for cache busting, not security).
pub(crate) fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// `html` under `content/<code>/<name>.<hash>.html`.
fn fragment(code: &str, name: &str, html: String) -> Fragment {
    Fragment {
        path: format!(
            "content/{code}/{name}.{}.html",
            content_hash(html.as_bytes())
        ),
        html,
    }
}

fn guide(code: &str, what: &str, file: &PageFile) -> Vec<Fragment> {
    file.page
        .iter()
        .map(|p| {
            let html = render::sections_html(
                p.section
                    .iter()
                    .map(|s| (s.heading.as_str(), s.body.as_str())),
            );
            fragment(code, &format!("{what}-{}", p.slug), html)
        })
        .collect()
}

/// Renders the long pages of one locale. Fails only when the locale lacks
/// a heading or template the pages use.
pub(crate) fn render(l: &LocaleContent) -> Result<LocaleFragments, ContentError> {
    let books = render::books_html(
        l.string("resources_by")?,
        l.string("resources_publisher")?,
        l.resources.book.iter().map(|b| render::BookEntry {
            title: &b.title,
            author: &b.author,
            publisher: &b.publisher,
            description: &b.description,
        }),
    );
    let (why, steps) = (
        l.string("library_why_heading")?,
        l.string("library_steps_heading")?,
    );
    let strategies = l
        .strategies
        .strategy
        .iter()
        .map(|s| {
            let html = render::strategy_html(why, &s.why, steps, &s.steps);
            fragment(&l.code, &format!("strategy-{}", s.id), html)
        })
        .collect();
    Ok(LocaleFragments {
        learn: guide(&l.code, "learn", &l.learn),
        leaders: guide(&l.code, "leaders", &l.leaders),
        reading_list: fragment(&l.code, "resources", books),
        strategies,
    })
}

/// The manifest: every fragment's path, one a line.
pub(crate) fn manifest(fragments: &[LocaleFragments]) -> String {
    let mut out = String::new();
    for f in fragments.iter().flat_map(LocaleFragments::all) {
        out.push_str(&f.path);
        out.push('\n');
    }
    out
}

/// Writes every fragment under `<out>/content/` and the manifest as
/// `<out>/content/manifest.txt`, after removing what an earlier build left
/// there.
pub(crate) fn write(out: &Path, fragments: &[LocaleFragments]) -> Result<(), ContentError> {
    let root = out.join("content");
    // Old fragments would otherwise pile up from build to build; a folder
    // that is not there yet is fine.
    let _ = fs::remove_dir_all(&root);
    for f in fragments.iter().flat_map(LocaleFragments::all) {
        write_file(&out.join(&f.path), &f.html)?;
    }
    write_file(&root.join("manifest.txt"), &manifest(fragments))
}

/// Writes `text` to `file`, creating its folder.
pub(crate) fn write_file(file: &Path, text: &str) -> Result<(), ContentError> {
    if let Some(dir) = file.parent() {
        fs::create_dir_all(dir).map_err(|e| ContentError::Io {
            action: IoAction::Create,
            path: dir.to_path_buf(),
            message: e.to_string(),
        })?;
    }
    fs::write(file, text).map_err(|e| ContentError::Io {
        action: IoAction::Write,
        path: file.to_path_buf(),
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::fixture;

    fn en() -> LocaleContent {
        LocaleContent::parse(&fixture::en()).unwrap()
    }

    #[test]
    fn every_fragment_name_carries_the_hash_of_its_own_html() {
        let f = render(&en()).unwrap();
        let all: Vec<&Fragment> = f.all().collect();
        assert_eq!(all.len(), 1 + 1 + 1 + 2);
        for frag in &all {
            let name = frag.path.strip_suffix(".html").unwrap();
            let (_, hash) = name.rsplit_once('.').unwrap();
            assert_eq!(hash, content_hash(frag.html.as_bytes()), "{}", frag.path);
            assert_eq!(hash.len(), 16);
            assert!(hash.chars().all(|c| c.is_ascii_hexdigit()));
        }
        let paths: Vec<&str> = all.iter().map(|f| f.path.as_str()).collect();
        let stems: Vec<&str> = paths
            .iter()
            .map(|p| p.rsplitn(3, '.').nth(2).unwrap())
            .collect();
        assert_eq!(
            stems,
            [
                "content/en/learn-what-it-is",
                "content/en/leaders-your-team",
                "content/en/resources",
                "content/en/strategy-paced-breathing",
                "content/en/strategy-shift-end",
            ]
        );
    }

    #[test]
    fn changed_text_gets_a_new_name() {
        let mut texts = fixture::en();
        let before = render(&en()).unwrap();
        texts.leaders.text = texts.leaders.text.replace("Talk", "Listen");
        let after = render(&LocaleContent::parse(&texts).unwrap()).unwrap();
        assert_ne!(before.leaders[0].path, after.leaders[0].path);
        assert_eq!(before.learn, after.learn);
        assert_eq!(content_hash(b""), "cbf29ce484222325");
        assert_eq!(content_hash(b"a"), "af63dc4c8601ec8c");
    }

    #[test]
    fn fragments_are_what_the_renderer_makes_of_the_text() {
        let f = render(&en()).unwrap();
        assert_eq!(
            f.leaders[0].html,
            "<section class=\"content-section\"><h2>Start</h2><p>Talk &lt;early&gt;.</p></section>"
        );
        assert_eq!(f.learn[0].html.matches("<h2>").count(), 2);
        assert!(f.learn[0].html.contains("<table>"));
        assert!(f
            .reading_list
            .html
            .contains("by Laura van Dernoot Lipsky · Published by Berrett-Koehler"));
        assert_eq!(
            f.strategies[0].html,
            render::strategy_html(
                "Why it helps",
                "A longer out-breath calms the body.",
                "Steps",
                "- Breathe in for four.\n- Breathe out for six.\n"
            )
        );
    }

    #[test]
    fn a_locale_without_the_book_templates_is_named() {
        let mut texts = fixture::en();
        texts.ui[0].text = texts.ui[0].text.replace("by = ", "written_by = ");
        let err = render(&LocaleContent::parse(&texts).unwrap()).map(|_| ());
        assert_eq!(
            err.map_err(|e| e.to_string()),
            Err("en/ui.toml lacks `resources_by`".to_string())
        );
    }

    #[test]
    fn writing_replaces_old_fragments_and_lists_the_new_ones() {
        let out = fixture::TempDir::new("fragments");
        let stale = out
            .path()
            .join("content/en/learn-old.0000000000000000.html");
        write_file(&stale, "old").unwrap();
        let fragments = [render(&en()).unwrap()];
        write(out.path(), &fragments).unwrap();
        assert!(!stale.exists());
        let manifest = fs::read_to_string(out.path().join("content/manifest.txt")).unwrap();
        let listed: Vec<&str> = manifest.lines().collect();
        let expected: Vec<&str> = fragments[0].all().map(|f| f.path.as_str()).collect();
        assert_eq!(listed, expected);
        for f in fragments[0].all() {
            assert_eq!(
                fs::read_to_string(out.path().join(&f.path)).unwrap(),
                f.html
            );
        }
    }
}
