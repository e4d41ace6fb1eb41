//! A tiny locale for the tests: one string file, one Learn page of two
//! sections, one leaders' page, two regions, one book and two strategies.

use super::locale::{LocaleTexts, SourceFile};
use std::fs;
use std::path::{Path, PathBuf};

const UI: &str = r#"
[home]
title = "Tend"
lead = "Check in with yourself."
intro_1 = "A first paragraph."
intro_2 = "A second paragraph."

[app]
name = "Tend"
title_suffix = "Tend"
skip_to_content = "Skip to main content"
get_help_now = "Get help now"
footer_private = "Stays here."
footer_not_crisis = "Not a crisis service."
noscript = "Needs script."
start_failed = "Could not start."
start_failed_detail = "Scripts may be off."
start_failed_help = "Open the help page"
start_failed_retry = "Try again"

[nav]
label = "Main"
home = "Home"
checkin = "Check-in"
strategies = "Strategies"
plan = "Plan"
more = "More"

[help]
title = "Get help now"
intro = "Reach out."
emergency = "Call your local emergency number."
not_crisis = "Tend is not a crisis service."
contacts_heading = "Who you can contact — {region}"
call = "Call {number}"
text = "Text {number}"
visit = "Visit {label}"
static_org_heading = "From your organisation"
static_org_note = "Your organisation's lines are in the app."
static_open_app = "Back to Tend"

[resources]
by = "by {author}"
publisher = "Published by {publisher}"

[language]
self_name = "English"

[library]
why_heading = "Why it helps"
steps_heading = "Steps"
used.one = "Done once"
used.other = "Done {count} times"
"#;

const LEARN: &str = r#"
[[page]]
slug = "what-it-is"
title = "What it is"
summary = "Many names, one thing."

[[page.section]]
heading = "Many names"
covers = ["DEF-1"]
body = """
Secondary trauma & burnout.

- one
- two
"""

[[page.section]]
heading = "A table"
covers = ["DEF-2", "DEF-3"]
body = """
| Name | Meaning |
| A | B |
"""
"#;

const LEADERS: &str = r#"
[[page]]
slug = "your-team"
title = "Your team"
summary = "What a leader can do."

[[page.section]]
heading = "Start"
body = "Talk <early>."
"#;

const HELP: &str = r#"
[[region]]
id = "us"
name = "United States"
note = "Free, any time."

[[region.contact]]
label = "988 Lifeline"
detail = "Call or text"
kind = "tel"
value = "988"

[[region]]
id = "other"
name = "Somewhere else"
"#;

const RESOURCES: &str = r#"
[[book]]
id = "trauma-stewardship"
title = "Trauma Stewardship"
author = "Laura van Dernoot Lipsky"
publisher = "Berrett-Koehler"
description = "Caring for yourself while caring for others."
covers = ["BOOK-1"]
"#;

const STRATEGIES: &str = r#"
[[strategy]]
id = "paced-breathing"
title = "Paced breathing"
summary = "Slow your breath."
why = "A longer out-breath calms the body."
steps = """
- Breathe in for four.
- Breathe out for six.
"""
time = "under-2-minutes"
fit = ["during-work", "after-shift"]
sources = ["HELP-1"]
helps = ["arousal"]
practice = "paced-breathing"

[[strategy]]
id = "shift-end"
title = "End the shift"
summary = "Leave work at work."
why = "A ritual marks the line."
steps = """
- Wash your hands.
- Name one thing that went well.
"""
time = "5-15-minutes"
fit = ["after-shift"]
sources = ["CECERT-2", "workplace"]
helps = ["burnout", "sleep"]
"#;

/// English: the reference.
pub(crate) fn en() -> LocaleTexts {
    locale("en", |s| s.to_string())
}

/// The same content in another locale: every text changed, every key,
/// slug, id and tag the same.
pub(crate) fn other(code: &str) -> LocaleTexts {
    locale(code, |s| {
        translate(
            s,
            &[
                ("Tend\"", "Tend (translated)\""),
                ("\"English\"", "\"Français\""),
                ("Check in", "Prenez"),
                ("\"by {author}", "\"par {author}"),
                ("Published by", "Publié par"),
                ("Why it helps", "Pourquoi"),
                ("\"Steps\"", "\"Étapes\""),
                ("Many names", "Plusieurs noms"),
                ("Secondary trauma", "Traumatisme secondaire"),
                ("Your team", "Votre équipe"),
                ("Somewhere else", "Ailleurs"),
                ("Caring for", "Prendre soin de"),
                ("Slow your breath", "Ralentir"),
                ("Breathe in", "Inspirez"),
                ("Wash your", "Lavez vos"),
                ("Done once", "Fait une fois"),
                ("Done {count} times", "Fait {count} fois"),
            ],
        )
    })
}

fn translate(text: &str, pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .fold(text.to_string(), |t, (from, to)| t.replace(from, to))
}

fn locale(code: &str, text: impl Fn(&str) -> String) -> LocaleTexts {
    let file = |name: &str, body: &str| SourceFile::new(format!("{code}/{name}"), text(body));
    LocaleTexts {
        code: code.to_string(),
        ui: vec![file("ui.toml", UI)],
        learn: file("learn.toml", LEARN),
        leaders: file("leaders.toml", LEADERS),
        help: file("help.toml", HELP),
        resources: file("resources.toml", RESOURCES),
        strategies: file("strategies.toml", STRATEGIES),
        instruments: Vec::new(),
    }
}

/// A folder under the system's temporary folder, removed when dropped.
pub(crate) struct TempDir(PathBuf);

impl TempDir {
    /// A fresh, empty folder whose name includes `name` and the process id.
    pub(crate) fn new(name: &str) -> Self {
        let path =
            std::env::temp_dir().join(format!("tend-content-test-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        TempDir(path)
    }

    /// The folder.
    pub(crate) fn path(&self) -> &Path {
        &self.0
    }

    /// Writes a locale's files into `<folder>/<code>/`.
    pub(crate) fn write_locale(&self, texts: &LocaleTexts) {
        let dir = self.0.join(&texts.code);
        fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        let files = texts.ui.iter().chain([
            &texts.learn,
            &texts.leaders,
            &texts.help,
            &texts.resources,
            &texts.strategies,
        ]);
        for file in files {
            let name = file.name.rsplit('/').next().unwrap_or(&file.name);
            fs::write(dir.join(name), &file.text).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}
