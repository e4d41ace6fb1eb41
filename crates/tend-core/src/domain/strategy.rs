//! The strategy library's typed model: what each strategy is tagged with,
//! filtering for the Strategies screen, and lookup by id. The strategies
//! themselves are content (`locales/<code>/strategies.toml`, compiled in by
//! `build.rs`; see [`crate::content::strategies`]).

use super::practice::Practice;

/// Declares a tag enum whose values have a fixed id in content files and
/// addresses, with `ALL`, `id` and `parse`. Plain tables, no traits, so it
/// costs one small match per enum.
macro_rules! tags {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident = $s:literal,)* }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vm])* $v,)* }
        impl $name {
            /// Every value, in the order content and filters list them.
            pub const ALL: &'static [$name] = &[$($name::$v,)*];
            /// The id used in content files and addresses.
            pub fn id(self) -> &'static str {
                match self { $($name::$v => $s,)* }
            }
            /// The value with this id, if there is one.
            pub fn parse(id: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.id() == id)
            }
        }
    };
}
pub(crate) use tags;

tags! {
    /// How long a strategy takes.
    TimeNeeded {
        /// Under two minutes: fits between calls.
        Under2Minutes = "under-2-minutes",
        /// Five to fifteen minutes.
        Minutes5To15 = "5-15-minutes",
        /// Longer: an hour, an evening, a day.
        Longer = "longer",
    }
}

tags! {
    /// Where in a person's week a strategy fits.
    Fit {
        /// During a shift, between contacts.
        DuringWork = "during-work",
        /// On the way home or the evening after a shift.
        AfterShift = "after-shift",
        /// On days off.
        DaysOff = "days-off",
    }
}

tags! {
    /// Where a strategy comes from: the self-care list (CONTENT.md
    /// HELP-1..HELP-7), a CE-CERT skill domain (CECERT-1..CECERT-5), or the
    /// workplace.
    Source {
        /// Time off to recover, reconnecting before returning.
        Help1 = "HELP-1",
        /// Sharing how the work affects you.
        Help2 = "HELP-2",
        /// Physical activity.
        Help3 = "HELP-3",
        /// A creative pursuit.
        Help4 = "HELP-4",
        /// Relaxation as a priority.
        Help5 = "HELP-5",
        /// Revisiting why the work matters.
        Help6 = "HELP-6",
        /// Mental health support.
        Help7 = "HELP-7",
        /// Experiential Engagement.
        CeCert1 = "CECERT-1",
        /// Reducing Rumination.
        CeCert2 = "CECERT-2",
        /// Conscious Narrative.
        CeCert3 = "CECERT-3",
        /// Easing Emotional Labor.
        CeCert4 = "CECERT-4",
        /// Parasympathetic Recovery.
        CeCert5 = "CECERT-5",
        /// Something the workplace offers or a person arranges at work.
        Workplace = "workplace",
    }
}

tags! {
    /// What a strategy helps with: each secondary-trauma cluster of Tend's
    /// check-in (the ids are its subscale ids), burnout, sustaining factors,
    /// sleep and health signals.
    HelpsWith {
        /// Intrusive thoughts, images and dreams.
        Intrusion = "intrusion",
        /// Avoidance and numbing.
        Avoidance = "avoidance",
        /// Negative thoughts and mood.
        NegativeMood = "negative-mood",
        /// Being on edge: arousal.
        Arousal = "arousal",
        /// Workload and the job itself.
        Burnout = "burnout",
        /// Meaning, pride, connection: what keeps a person going.
        Sustaining = "sustaining",
        /// Trouble sleeping.
        Sleep = "sleep",
        /// Drinking, appetite and other health signals.
        Health = "health",
    }
}

/// The self-care list, the CE-CERT domains, or the workplace: how the
/// Strategies screen groups sources.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceGroup {
    /// HELP-1..HELP-7.
    SelfCare,
    /// CECERT-1..CECERT-5.
    CeCert,
    /// The workplace.
    Workplace,
}

impl Source {
    /// The group this source belongs to.
    pub fn group(self) -> SourceGroup {
        match self {
            Source::Workplace => SourceGroup::Workplace,
            s if s >= Source::CeCert1 => SourceGroup::CeCert,
            _ => SourceGroup::SelfCare,
        }
    }

    /// The CONTENT.md fact id, or `None` for the workplace.
    pub fn fact_id(self) -> Option<&'static str> {
        (self != Source::Workplace).then(|| self.id())
    }
}

/// One strategy of the library, in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Strategy {
    /// Stable kebab-case id, the same in every language; also its address.
    pub id: &'static str,
    /// The title.
    pub title: &'static str,
    /// One line for the list.
    pub summary: &'static str,
    /// Why it helps and its steps: the address of the HTML fragment the
    /// build rendered them into, relative to `index.html`
    /// (`content/en/strategy-<id>.<hash>.html`), fetched when it is opened.
    pub body: &'static str,
    /// How long it takes.
    pub time: TimeNeeded,
    /// Where it fits (at least one).
    pub fits: &'static [Fit],
    /// Where it comes from (at least one).
    pub sources: &'static [Source],
    /// What it helps with (at least one).
    pub helps: &'static [HelpsWith],
    /// The guided practice that goes with it, if any.
    pub practice: Option<Practice>,
}

impl Strategy {
    /// Whether any of its sources is in `group`.
    pub fn in_group(&self, group: SourceGroup) -> bool {
        self.sources.iter().any(|s| s.group() == group)
    }
}

/// What the Strategies screen filters on; `None` means any.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only strategies that help with this.
    pub helps: Option<HelpsWith>,
    /// Only strategies that take this long.
    pub time: Option<TimeNeeded>,
    /// Only strategies from this source.
    pub source: Option<Source>,
    /// Only strategies with a source in this group.
    pub group: Option<SourceGroup>,
    /// Only strategies that fit here.
    pub fit: Option<Fit>,
}

impl Filter {
    /// Whether `s` passes every part of the filter that is set.
    pub fn matches(&self, s: &Strategy) -> bool {
        self.helps.is_none_or(|h| s.helps.contains(&h))
            && self.time.is_none_or(|t| s.time == t)
            && self.source.is_none_or(|src| s.sources.contains(&src))
            && self.group.is_none_or(|g| s.in_group(g))
            && self.fit.is_none_or(|f| s.fits.contains(&f))
    }
}

/// The strategies of `library` that pass `filter`, in library order.
pub fn filter<'a>(library: &'a [Strategy], filter: &Filter) -> Vec<&'a Strategy> {
    library.iter().filter(|s| filter.matches(s)).collect()
}

/// The strategy with this id.
pub fn find<'a>(library: &'a [Strategy], id: &str) -> Option<&'a Strategy> {
    library.iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for t in TimeNeeded::ALL {
            assert_eq!(TimeNeeded::parse(t.id()), Some(*t));
        }
        for f in Fit::ALL {
            assert_eq!(Fit::parse(f.id()), Some(*f));
        }
        for s in Source::ALL {
            assert_eq!(Source::parse(s.id()), Some(*s));
        }
        for h in HelpsWith::ALL {
            assert_eq!(HelpsWith::parse(h.id()), Some(*h));
        }
        assert_eq!(Source::parse("HELP-0"), None);
        assert_eq!(HelpsWith::parse("Sleep"), None);
        assert_eq!(TimeNeeded::parse(""), None);
    }

    #[test]
    fn sources_group_and_name_their_facts() {
        assert_eq!(Source::Help7.group(), SourceGroup::SelfCare);
        assert_eq!(Source::CeCert1.group(), SourceGroup::CeCert);
        assert_eq!(Source::CeCert5.group(), SourceGroup::CeCert);
        assert_eq!(Source::Workplace.group(), SourceGroup::Workplace);
        assert_eq!(Source::Help3.fact_id(), Some("HELP-3"));
        assert_eq!(Source::Workplace.fact_id(), None);
    }

    #[test]
    fn clusters_of_tends_check_in_are_helps_with_ids() {
        let tend = match crate::builtin::tend() {
            Ok(i) => i,
            Err(e) => panic!("{e}"),
        };
        let sts = tend
            .headline(crate::domain::instrument::Headline::SecondaryTrauma)
            .map(|s| s.id.clone())
            .unwrap_or_default();
        let clusters: Vec<String> = tend.children(&sts).map(|c| c.id.clone()).collect();
        assert_eq!(clusters.len(), 4);
        for c in clusters {
            assert!(HelpsWith::parse(&c).is_some(), "cluster {c}");
        }
    }
}
