//! The results of one check-in: the three headline scores on one chart,
//! a plain-language reading, what stood out, change since last time, and
//! always the not-a-diagnosis note and the way to help. Printable.

use crate::content::Strings;
use crate::html::Markup;
use crate::platform;
use crate::route::Route;
use crate::ui::checkin::use_instruments;
use crate::ui::components::next_checkin::NextCheckIn;
use crate::ui::components::plan_parts::Suggestions;
use crate::ui::components::safety_panel::SafetyPanel;
use crate::ui::components::score_views::{format_score, ChangeSincePrevious, HeadlineScores};
use crate::ui::components::team_share::TeamShare;
use crate::ui::title_effect;
use crate::ui::use_app;
use leptos::prelude::*;
use tend_core::domain::course::Milestone;
use tend_core::domain::instrument::{Headline, Instrument, Sign};
use tend_core::domain::reading::{self, Exposure, Pattern, ProfileReading, Sustaining};
use tend_core::domain::recommend::DEFAULT_LIMIT;
use tend_core::domain::scoring::{self, Profile, SubscaleScore};
use tend_core::store::data::CheckIn;

/// The results screen for the check-in with this id.
#[component]
pub fn Results(id: String) -> impl IntoView {
    let ctx = use_app();
    let instruments = use_instruments();
    let t = move || ctx.t();
    let id_for_find = id.clone();
    let checkin = Memo::new(move |_| {
        ctx.data
            .with(|d| d.checkins.iter().find(|c| c.id == id_for_find).cloned())
    });
    title_effect(move || t().results_title.to_string());
    move || {
        let Some(checkin) = checkin.get() else {
            return view! {
                <h1 tabindex="-1">{t().results_title}</h1>
                <p>{t().results_not_found}</p>
                <p>
                    <a class="button" href=Route::History.href()>{t().results_history_link}</a>
                </p>
            }
            .into_any();
        };
        let Some(instrument) =
            instruments.get_version(&checkin.instrument_id, &checkin.instrument_version)
        else {
            return view! {
                <h1 tabindex="-1">{t().results_title}</h1>
                <p class="error-text">{t().checkin_instrument_missing}</p>
            }
            .into_any();
        };
        view! { <Report checkin=checkin instrument=instrument /> }.into_any()
    }
}

/// The body of the results for a check-in and its instrument.
#[component]
fn Report(checkin: CheckIn, instrument: Instrument) -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    let profile = scoring::score(&instrument, &checkin.answers);
    let reading = reading::read(&instrument, &profile, &checkin.answers);
    ctx.reach(Milestone::ResultsViewed(checkin.id.clone()));
    let date = platform::format_date(checkin.completed_at, ctx.locale.get_untracked().code());
    let heading = t().results_title_dated(&date);
    let instrument_title = instrument.title.clone();
    let attribution = instrument.attribution.clone();
    view! {
        {reading.safety.map(|answer| view! { <SafetyPanel answer=answer /> })}
        <h1 tabindex="-1">{heading}</h1>
        <HeadlineScores instrument=instrument.clone() profile=profile.clone() />
        {tend_core::builtin::is_own(&instrument.id)
            .then(|| view! { <p class="hint" data-testid="bands-note">{t().results_bands_note}</p> })}
        <ReadingText instrument=instrument.clone() profile=profile.clone() reading=reading.clone() />
        <AllScores instrument=instrument.clone() profile=profile.clone() />
        <Suggestions reading=reading.clone() profile=profile.clone() limit=DEFAULT_LIMIT />
        <section aria-labelledby="change-heading">
            <h2 id="change-heading">{t().results_change_heading}</h2>
            <ChangeSincePrevious id=checkin.id.clone() />
        </section>
        <section aria-labelledby="diagnosis-heading" class="card">
            <h2 id="diagnosis-heading">{t().results_diagnosis_heading}</h2>
            <p>{t().results_diagnosis_body}</p>
            <h3>{t().results_professional_heading}</h3>
            <p>{t().results_professional_body}</p>
            <p>
                <a href=Route::LearnTopic("professional-help".into()).href()>
                    {t().results_professional_link}
                </a>
            </p>
            <p>
                <a class="button" href=Route::Help.href()>{t().app_get_help_now}</a>
            </p>
        </section>
        <section aria-labelledby="next-heading">
            <h2 id="next-heading">{t().results_next_heading}</h2>
            <NextCheckIn />
        </section>
        {tend_core::builtin::is_own(&instrument.id).then(|| view! {
            <TeamShare
                entry_id=checkin.id.clone()
                completed_at=checkin.completed_at
                profile=profile.clone()
            />
        })}
        <p class="attribution">
            {move || t().results_attribution(&instrument_title, &attribution)}
        </p>
        <div class="actions">
            <button type="button" class="secondary" on:click=move |_| platform::print()>
                {t().results_print}
            </button>
            <a class="button secondary" href=Route::History.href()>{t().results_history_link}</a>
        </div>
    }
}

/// The plain-language reading: which pattern, why it matters, the kind of
/// exposure, and the clusters and items that stood out.
#[component]
fn ReadingText(instrument: Instrument, profile: Profile, reading: ProfileReading) -> impl IntoView {
    let html = reading_html(use_app().t(), &instrument, &profile, &reading);
    view! { <section aria-labelledby="reading-heading" data-testid="reading" inner_html=html></section> }
}

/// The reading as markup (see [`crate::html`]).
pub fn reading_html(
    t: &Strings,
    instrument: &Instrument,
    profile: &Profile,
    reading: &ProfileReading,
) -> String {
    let mut m = Markup::new();
    m.element(
        "h2",
        &[("id", "reading-heading")],
        t.results_reading_heading,
    );
    m.element("p", &[("class", "lead")], pattern_text(t, reading.pattern));
    let causes: &[&str] = match reading.pattern {
        Pattern::SecondaryTraumaMore => &[t.results_cause_sts],
        Pattern::BurnoutMore => &[t.results_cause_burnout],
        Pattern::Both => &[t.results_cause_sts, t.results_cause_burnout],
        _ => &[],
    };
    for cause in causes {
        m.element("p", &[], cause);
    }
    for shared in &reading.shared_signs {
        let text = match (shared.sign, shared.from_the_job_too) {
            (Sign::LostInterest, false) => t.results_shared_lost_interest,
            (Sign::LostInterest, true) => t.results_shared_lost_interest_both,
            (_, false) => t.results_shared_exhaustion,
            (_, true) => t.results_shared_exhaustion_both,
        };
        m.element("p", &[("data-testid", "shared-sign")], text);
    }
    let exposure = match reading.exposure {
        Exposure::SingleIncident => Some(t.results_exposure_single),
        Exposure::Cumulative => Some(t.results_exposure_cumulative),
        Exposure::IncidentAmidCumulative => Some(t.results_exposure_incident_amid),
        Exposure::Occasional => Some(t.results_exposure_occasional),
        Exposure::Unknown => None,
    };
    if let Some(e) = exposure {
        m.element("p", &[], e);
    }
    let headline_notes: Vec<String> = [
        Headline::SecondaryTrauma,
        Headline::Burnout,
        Headline::Sustaining,
    ]
    .iter()
    .filter_map(|h| interpretation(instrument, profile.headline(*h)?))
    .collect();
    m.list(&[("class", "plain-list")], &headline_notes);
    let item_text = |id: &String| {
        instrument
            .item(id)
            .map(|i| i.text.clone())
            .unwrap_or_default()
    };
    if !reading.clusters.is_empty() {
        m.element("h3", &[], t.results_clusters_heading);
        m.open("ul", &[("class", "cluster-list")]);
        for c in &reading.clusters {
            let def = instrument.subscale(&c.subscale);
            let name = def.map(|s| s.name.clone()).unwrap_or_default();
            let band = def
                .and_then(|s| s.band(&c.band.id))
                .map(|b| b.label.clone())
                .unwrap_or_default();
            m.open("li", &[])
                .element("strong", &[], &name)
                .text(" — ")
                .text(&band);
            let items: Vec<String> = c.items.iter().map(item_text).collect();
            if !items.is_empty() {
                m.element("p", &[("class", "hint")], t.results_cluster_items);
                m.list(&[], &items);
            }
            m.close("li");
        }
        m.close("ul");
    }
    let burnout_items: Vec<String> = reading.burnout_items.iter().map(item_text).collect();
    if !burnout_items.is_empty() {
        m.element("p", &[], t.results_burnout_items);
        m.list(&[], &burnout_items);
    }
    if reading.sustaining == Sustaining::Low {
        m.element("p", &[], t.results_sustaining_low);
    }
    // Raised health signals and other non-headline subscales speak through
    // their band's own interpretation text.
    for s in &profile.scores {
        let Some(def) = instrument.subscale(&s.subscale) else {
            continue;
        };
        if s.headline.is_some() || def.parent.is_some() {
            continue;
        }
        let note = s
            .score()
            .and_then(|score| score.band.as_ref())
            .filter(|band| band.rank > 0)
            .and_then(|band| def.band(&band.id)?.interpretation.clone());
        if let Some(note) = note {
            m.element("p", &[], &note);
        }
    }
    let not_tied: Vec<String> = reading.not_tied_to_work.iter().map(item_text).collect();
    if !not_tied.is_empty() {
        m.element(
            "p",
            &[("data-testid", "not-tied-to-work")],
            t.results_not_tied_to_work,
        );
        m.list(&[], &not_tied);
    }
    m.finish()
}

fn pattern_text(t: &Strings, pattern: Pattern) -> &'static str {
    match pattern {
        Pattern::SecondaryTraumaMore => t.results_pattern_sts_more,
        Pattern::BurnoutMore => t.results_pattern_burnout_more,
        Pattern::Both => t.results_pattern_both,
        Pattern::Neither => t.results_pattern_neither,
        Pattern::NotEnoughAnswers => t.results_pattern_not_enough,
        Pattern::NotMeasured => t.results_pattern_not_measured,
    }
}

/// The band's own interpretation for a headline score, if it has one.
fn interpretation(instrument: &Instrument, score: &SubscaleScore) -> Option<String> {
    let band = score.score()?.band.as_ref()?;
    instrument
        .subscale(&score.subscale)?
        .band(&band.id)?
        .interpretation
        .clone()
}

/// Every subscale's score and band in one table.
#[component]
fn AllScores(instrument: Instrument, profile: Profile) -> impl IntoView {
    let html = scores_html(use_app().t(), &instrument, &profile);
    view! { <section aria-labelledby="scores-heading" inner_html=html></section> }
}

/// The table of every subscale's score and band, as markup.
pub fn scores_html(t: &Strings, instrument: &Instrument, profile: &Profile) -> String {
    let mut m = Markup::new();
    m.element("h2", &[("id", "scores-heading")], t.results_scores_heading);
    m.open("div", &[("class", "table-wrap")])
        .open("table", &[("data-testid", "all-scores")]);
    m.open("thead", &[]).open("tr", &[]);
    for head in [t.results_subscale, t.results_score, t.results_band] {
        m.element("th", &[("scope", "col")], head);
    }
    m.close("tr").close("thead").open("tbody", &[]);
    for s in &profile.scores {
        let def = instrument.subscale(&s.subscale);
        let child = def.is_some_and(|d| d.parent.is_some());
        let name = def
            .map(|d| d.name.clone())
            .unwrap_or_else(|| s.subscale.clone());
        let (value, band) = match s.score() {
            Some(score) => (
                format_score(t.code, score.value),
                score
                    .band
                    .as_ref()
                    .and_then(|b| def.and_then(|d| d.band(&b.id)))
                    .map(|b| b.label.clone())
                    .unwrap_or_default(),
            ),
            None => (t.results_not_enough.to_string(), String::new()),
        };
        m.open("tr", if child { &[("class", "child")] } else { &[] });
        m.element("th", &[("scope", "row")], &name)
            .element("td", &[], &value)
            .element("td", &[], &band);
        m.close("tr");
    }
    m.close("tbody").close("table").close("div");
    m.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{instruments, Locale};
    use tend_core::domain::answer::{Answer, Answers};
    use tend_core::domain::instrument::ItemKind;

    fn tend() -> Instrument {
        match instruments::tend(Locale::En) {
            Ok(i) => i.clone(),
            Err(e) => panic!("{e}"),
        }
    }

    fn all(instrument: &Instrument, value: i32) -> Answers {
        instrument
            .items()
            .filter(|i| i.kind == ItemKind::Scale)
            .map(|i| (i.id.clone(), Answer::Value(value)))
            .collect()
    }

    #[test]
    fn the_reading_names_the_pattern_and_the_items_behind_it() {
        let t = Locale::En.strings();
        let tend = tend();
        let answers = all(&tend, 4);
        let profile = scoring::score(&tend, &answers);
        let reading = reading::read(&tend, &profile, &answers);
        let html = reading_html(t, &tend, &profile, &reading);
        assert!(html.starts_with("<h2 id=\"reading-heading\">"));
        assert!(
            html.contains(&crate::html::escape(t.results_pattern_both)),
            "{html}"
        );
        assert!(html.contains(&crate::html::escape(t.results_cause_burnout)));
        let first_item = reading.clusters[0].items[0].clone();
        let text = tend
            .item(&first_item)
            .map(|i| i.text.clone())
            .unwrap_or_default();
        assert!(html.contains(&crate::html::escape(&text)), "{text}");
        let quiet = all(&tend, 0);
        let profile = scoring::score(&tend, &quiet);
        let reading = reading::read(&tend, &profile, &quiet);
        let html = reading_html(t, &tend, &profile, &reading);
        assert!(html.contains(&crate::html::escape(t.results_pattern_neither)));
        assert!(!html.contains("cluster-list"));
    }

    /// The reading of `answers` (every scale item at 0, then these).
    fn reading_of(tend: &Instrument, overrides: &[(&str, i32)]) -> String {
        let mut answers = all(tend, 0);
        for (id, v) in overrides {
            answers.insert(id.to_string(), Answer::Value(*v));
        }
        let profile = scoring::score(tend, &answers);
        let reading = reading::read(tend, &profile, &answers);
        reading_html(Locale::En.strings(), tend, &profile, &reading)
    }

    #[test]
    fn the_reading_says_when_exhaustion_comes_from_what_the_work_brings_home() {
        let t = Locale::En.strings();
        let tend = tend();
        let says = |html: &str, s: &str| html.contains(&crate::html::escape(s));
        let html = reading_of(&tend, &[("sts-drained", 4)]);
        assert!(says(&html, t.results_shared_exhaustion), "{html}");
        assert!(!says(&html, t.results_shared_exhaustion_both));
        let html = reading_of(&tend, &[("sts-drained", 3), ("bo-worn-out", 4)]);
        assert!(says(&html, t.results_shared_exhaustion_both), "{html}");
        let html = reading_of(&tend, &[("sts-lost-interest", 4), ("bo-lost-interest", 3)]);
        assert!(says(&html, t.results_shared_lost_interest_both), "{html}");
        assert!(!says(&html, t.results_shared_exhaustion));
        // Burnout's own exhaustion item alone says nothing of the kind.
        let html = reading_of(&tend, &[("bo-worn-out", 4)]);
        assert!(!html.contains("data-testid=\"shared-sign\""), "{html}");
    }

    #[test]
    fn the_reading_lists_what_may_not_be_about_work() {
        let t = Locale::En.strings();
        let tend = tend();
        let html = reading_of(&tend, &[("hs-sleep", 4), ("hs-focus", 3)]);
        assert!(
            html.contains(&crate::html::escape(t.results_not_tied_to_work)),
            "{html}"
        );
        for id in ["hs-sleep", "hs-focus"] {
            let text = tend.item(id).map(|i| i.text.clone()).unwrap_or_default();
            assert!(html.contains(&crate::html::escape(&text)), "{id}: {html}");
        }
        let html = reading_of(&tend, &[("aro-light-sleep", 4)]);
        assert!(!html.contains("not-tied-to-work"), "{html}");
    }

    #[test]
    fn the_scores_table_has_one_row_per_subscale() {
        let t = Locale::En.strings();
        let tend = tend();
        let profile = scoring::score(&tend, &Answers::new());
        let html = scores_html(t, &tend, &profile);
        assert_eq!(
            html.matches("<th scope=\"row\">").count(),
            tend.subscales.len()
        );
        assert_eq!(
            html.matches(t.results_not_enough).count(),
            tend.subscales.len()
        );
        assert_eq!(
            html.matches("<tr class=\"child\">").count(),
            tend.subscales.iter().filter(|s| s.parent.is_some()).count()
        );
    }
}
