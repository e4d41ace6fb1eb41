//! The results of one check-in: the three headline scores on one chart,
//! a plain-language reading, what stood out, change since last time, and
//! always the not-a-diagnosis note and the way to help. Printable.

use super::title_effect;
use crate::content::{fill, Strings};
use crate::domain::instrument::{Headline, Instrument};
use crate::domain::reading::{self, Exposure, Pattern, ProfileReading, Sustaining};
use crate::domain::scoring::{self, Profile, SubscaleScore};
use crate::platform;
use crate::route::Route;
use crate::store::data::CheckIn;
use crate::ui::checkin::use_instruments;
use crate::ui::components::next_checkin::NextCheckIn;
use crate::ui::components::safety_panel::SafetyPanel;
use crate::ui::components::score_views::{ChangeSincePrevious, HeadlineScores};
use crate::ui::use_app;
use leptos::prelude::*;

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
        let Some(instrument) = instruments.get(&checkin.instrument_id) else {
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
    let date = platform::format_date(checkin.completed_at, ctx.locale.get_untracked().code());
    let heading = fill(t().results_title_dated, &[("date", &date)]);
    let instrument_title = instrument.title.clone();
    let attribution = instrument.attribution.clone();
    view! {
        {reading.safety.then(|| view! { <SafetyPanel /> })}
        <h1 tabindex="-1">{heading}</h1>
        <HeadlineScores instrument=instrument.clone() profile=profile.clone() />
        <ReadingText instrument=instrument.clone() profile=profile.clone() reading=reading.clone() />
        <AllScores instrument=instrument.clone() profile=profile.clone() />
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
        <p class="attribution">
            {move || fill(t().results_attribution, &[("title", &instrument_title), ("text", &attribution)])}
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
    let ctx = use_app();
    let t = ctx.t();
    let pattern = pattern_text(t, reading.pattern);
    let causes: Vec<&'static str> = match reading.pattern {
        Pattern::SecondaryTraumaMore => vec![t.results_cause_sts],
        Pattern::BurnoutMore => vec![t.results_cause_burnout],
        Pattern::Both => vec![t.results_cause_sts, t.results_cause_burnout],
        _ => vec![],
    };
    let exposure = match reading.exposure {
        Exposure::SingleIncident => Some(t.results_exposure_single),
        Exposure::Cumulative => Some(t.results_exposure_cumulative),
        Exposure::IncidentAmidCumulative => Some(t.results_exposure_incident_amid),
        Exposure::Occasional => Some(t.results_exposure_occasional),
        Exposure::Unknown => None,
    };
    let item_text = |id: &str| {
        instrument
            .item(id)
            .map(|i| i.text.clone())
            .unwrap_or_default()
    };
    let clusters = reading
        .clusters
        .iter()
        .map(|c| {
            let name = instrument.subscale(&c.subscale).map(|s| s.name.clone()).unwrap_or_default();
            let band = instrument
                .subscale(&c.subscale)
                .and_then(|s| s.band(&c.band.id))
                .map(|b| b.label.clone())
                .unwrap_or_default();
            let items: Vec<String> = c.items.iter().map(|i| item_text(i)).collect();
            view! {
                <li>
                    <strong>{name}</strong>
                    " — "
                    {band}
                    {(!items.is_empty())
                        .then(|| {
                            view! {
                                <p class="hint">{t.results_cluster_items}</p>
                                <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                            }
                        })}
                </li>
            }
        })
        .collect_view();
    let burnout_items: Vec<String> = reading.burnout_items.iter().map(|i| item_text(i)).collect();
    // Raised health signals and other non-headline subscales speak through
    // their band's own interpretation text.
    let other_notes: Vec<String> = profile
        .scores
        .iter()
        .filter(|s| {
            s.headline.is_none()
                && instrument
                    .subscale(&s.subscale)
                    .is_some_and(|d| d.parent.is_none())
        })
        .filter_map(|s| {
            let band = s.score()?.band.as_ref()?;
            if band.rank == 0 {
                return None;
            }
            instrument
                .subscale(&s.subscale)?
                .band(&band.id)?
                .interpretation
                .clone()
        })
        .collect();
    let headline_notes: Vec<String> = [
        Headline::SecondaryTrauma,
        Headline::Burnout,
        Headline::Sustaining,
    ]
    .iter()
    .filter_map(|h| interpretation(&instrument, profile.headline(*h)?))
    .collect();
    view! {
        <section aria-labelledby="reading-heading" data-testid="reading">
            <h2 id="reading-heading">{t.results_reading_heading}</h2>
            <p class="lead">{pattern}</p>
            {causes.into_iter().map(|c| view! { <p>{c}</p> }).collect_view()}
            {exposure.map(|e| view! { <p>{e}</p> })}
            <ul class="plain-list">{headline_notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            {(!reading.clusters.is_empty())
                .then(|| {
                    view! {
                        <h3>{t.results_clusters_heading}</h3>
                        <ul class="cluster-list">{clusters}</ul>
                    }
                })}
            {(!burnout_items.is_empty())
                .then(|| {
                    view! {
                        <p>{t.results_burnout_items}</p>
                        <ul>{burnout_items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                    }
                })}
            {(reading.sustaining == Sustaining::Low).then(|| view! { <p>{t.results_sustaining_low}</p> })}
            {other_notes.into_iter().map(|n| view! { <p>{n}</p> }).collect_view()}
        </section>
    }
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
    let ctx = use_app();
    let t = ctx.t();
    view! {
        <section aria-labelledby="scores-heading">
            <h2 id="scores-heading">{t.results_scores_heading}</h2>
            <div class="table-wrap">
                <table data-testid="all-scores">
                    <thead>
                        <tr>
                            <th scope="col">{t.results_subscale}</th>
                            <th scope="col">{t.results_score}</th>
                            <th scope="col">{t.results_band}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {profile
                            .scores
                            .iter()
                            .map(|s| {
                                let def = instrument.subscale(&s.subscale);
                                let child = def.is_some_and(|d| d.parent.is_some());
                                let name = def.map(|d| d.name.clone()).unwrap_or_else(|| s.subscale.clone());
                                let (value, band) = match s.score() {
                                    Some(score) => (
                                        format_score(score.value),
                                        score
                                            .band
                                            .as_ref()
                                            .and_then(|b| def.and_then(|d| d.band(&b.id)))
                                            .map(|b| b.label.clone())
                                            .unwrap_or_default(),
                                    ),
                                    None => (t.results_not_enough.to_string(), String::new()),
                                };
                                view! {
                                    <tr class:child=child>
                                        <th scope="row">{name}</th>
                                        <td>{value}</td>
                                        <td>{band}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// A score as people read it: no trailing zeros beyond one decimal.
pub fn format_score(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}
