//! Where each of the self-check's suggested actions leads: the fact of
//! the leaders' guide it puts into practice (LEAD-1 to LEAD-3 in
//! CONTENT.md) and the guide page that explains it. The action's words are
//! in the instrument file, in each language; these links are the same in
//! every language, so they live here once.
//!
//! The slugs are those of `locales/<code>/leaders.toml` (the app links to
//! `#/leaders/<slug>`); a native test checks every one against that file
//! and that the page covers the action's fact.

use crate::builtin::ORG_ID;
use LeadFact::{ProfessionalSupport as Support, Resources, TeachRecognition as Teach};

/// A fact of the leaders' guide (CONTENT.md, "For leaders in human
/// services").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LeadFact {
    /// LEAD-1: teach staff how to recognise and manage secondary trauma.
    TeachRecognition,
    /// LEAD-2: offer professional support, such as time off and boundaries
    /// between work and life.
    ProfessionalSupport,
    /// LEAD-3: provide resources, such as people to contact and books.
    Resources,
}

impl LeadFact {
    /// Every fact, in CONTENT.md's order.
    pub const ALL: [LeadFact; 3] = [
        LeadFact::TeachRecognition,
        LeadFact::ProfessionalSupport,
        LeadFact::Resources,
    ];

    /// The fact's id in CONTENT.md and in content coverage tags (`LEAD-2`).
    pub fn id(self) -> &'static str {
        match self {
            LeadFact::TeachRecognition => "LEAD-1",
            LeadFact::ProfessionalSupport => "LEAD-2",
            LeadFact::Resources => "LEAD-3",
        }
    }
}

/// Where an action leads in the leaders' guide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GuideLink {
    /// The fact the action puts into practice.
    pub lead: LeadFact,
    /// The slug of the leaders' guide page about it (`time-off`).
    pub page: &'static str,
}

const fn link(lead: LeadFact, page: &'static str) -> GuideLink {
    GuideLink { lead, page }
}

/// Every action of Tend's own self-check (`tend-org`) and its link, area by
/// area in the file's order.
pub const ORG_ACTION_LINKS: [(&str, GuideLink); 18] = [
    ("act-res-induction", link(Teach, "teach")),
    ("act-res-team-time", link(Teach, "teach")),
    ("act-res-library", link(Resources, "resources")),
    ("act-saf-check-in", link(Support, "supervision")),
    ("act-saf-no-retelling", link(Support, "supervision")),
    ("act-saf-private-support", link(Resources, "resources")),
    ("act-pol-incident-leave", link(Support, "time-off")),
    ("act-pol-after-hours", link(Support, "time-off")),
    ("act-pol-commitment", link(Teach, "teach")),
    ("act-lead-example", link(Support, "time-off")),
    ("act-lead-one-question", link(Support, "supervision")),
    ("act-lead-say-it", link(Teach, "teach")),
    ("act-rou-protect-supervision", link(Support, "supervision")),
    ("act-rou-rotas", link(Support, "time-off")),
    ("act-rou-contacts", link(Resources, "resources")),
    ("act-eval-ask-support", link(Resources, "resources")),
    ("act-eval-training", link(Teach, "teach")),
    ("act-eval-leave", link(Support, "time-off")),
];

/// Where action `action` of instrument `instrument_id` leads, if it is one
/// of Tend's own. Another organisation's self-check has no links: its
/// actions are shown on their own.
pub fn guide_link(instrument_id: &str, action: &str) -> Option<GuideLink> {
    if instrument_id != ORG_ID {
        return None;
    }
    ORG_ACTION_LINKS
        .iter()
        .find(|(id, _)| *id == action)
        .map(|(_, link)| *link)
}
