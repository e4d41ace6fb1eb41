//! The leader's team pulse: paste the codes team members chose to share
//! (`tend_core::domain::team`), kept in this browser, and see one month's
//! distribution of bands once at least five different codes are in.

use crate::platform::{self, files};
use crate::route::Route;
use crate::ui::checkin::use_instruments;
use crate::ui::components::team_share::{level_label, month_text};
use crate::ui::title_effect;
use crate::ui::use_app;
use leptos::prelude::*;
use tend_core::domain::instrument::{ContextQuestion, Headline};
use tend_core::domain::team::{
    self, ByField, CodeError, Field, Group, Intake, Month, Tally, TeamMonth, TeamView,
};
use tend_core::store::team_codes::Kept;

/// What adding pasted codes came to.
#[derive(Clone, Debug, Default, PartialEq)]
struct Added {
    added: u64,
    already: u64,
    other_month: u64,
    /// Line number (from 1) and why it was not added.
    unreadable: Vec<(usize, CodeError)>,
    nothing: bool,
}

/// The team pulse screen.
#[component]
pub fn TeamPulse() -> impl IntoView {
    let ctx = use_app();
    let instruments = use_instruments();
    let t = move || ctx.t();
    title_effect(move || t().team_view_title.to_string());
    let offset = platform::utc_offset_minutes();
    let this_month = Month::at(platform::now_ms(), offset);
    let month = RwSignal::new(this_month);
    let pasted = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Added>);

    // Every kept code with the month it names, newest month first.
    let kept = Memo::new(move |_| {
        ctx.data.with(|d| {
            d.team_codes
                .iter()
                .filter_map(|k| {
                    let code = team::decode(&k.code).ok()?;
                    Some((k.code.clone(), k.added_at, code.month()))
                })
                .collect::<Vec<_>>()
        })
    });
    let months = Memo::new(move |_| {
        let mut list: Vec<Month> = kept.with(|k| k.iter().map(|(_, _, m)| *m).collect());
        list.extend(this_month);
        list.sort();
        list.dedup();
        list.reverse();
        list
    });
    let team = Memo::new(move |_| {
        let chosen = month.get()?;
        let texts: Vec<String> = kept.with(|k| {
            k.iter()
                .filter(|(_, _, m)| *m == chosen)
                .map(|(c, _, _)| c.clone())
                .collect()
        });
        Some(TeamMonth::collect(&texts, chosen))
    });

    let add = move |_| {
        let text = pasted.get_untracked();
        let now = platform::now_ms();
        let mut result = Added::default();
        let mut left = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let kept = ctx.data.try_update(|d| d.keep_team_code(line, now));
            match kept {
                Some(Ok(Kept::Added)) => {
                    result.added += 1;
                    let theirs = team::decode(line).ok().map(|c| c.month());
                    if theirs.is_some() && theirs != month.get_untracked() {
                        result.other_month += 1;
                    }
                }
                Some(Ok(Kept::AlreadyKept)) => result.already += 1,
                Some(Err(e)) => {
                    result.unreadable.push((i + 1, e));
                    left.push(line.to_string());
                }
                None => {}
            }
        }
        result.nothing = result.added == 0 && result.already == 0 && result.unreadable.is_empty();
        // What could not be added stays in the box, to be put right.
        pasted.set(left.join("\n"));
        outcome.set(Some(result));
        platform::focus_soon("#team-added");
    };

    let field_label = move |f: Field| -> String {
        if f == Field::NotSaid {
            return t().team_share_not_said.to_string();
        }
        instruments
            .get(tend_core::builtin::OWN_IDS[0])
            .and_then(|i| {
                let item = i.context_item(ContextQuestion::Role)?;
                let option = item.options.iter().find(|o| o.id == f.id())?;
                Some(option.label.clone())
            })
            .unwrap_or_else(|| f.id().to_string())
    };
    let group_label = move |g: Group| match g {
        Group::Field(f) => field_label(f),
        Group::Other => t().team_view_other_group.to_string(),
    };

    view! {
        <h1 tabindex="-1">{t().team_view_title}</h1>
        <p class="lead">{t().team_view_intro}</p>
        <section aria-labelledby="team-how">
            <h2 id="team-how">{t().team_view_how_heading}</h2>
            <p>{t().team_view_how_ask}</p>
            <p>{t().team_view_how_paste}</p>
            <p>{t().team_view_how_five}</p>
        </section>
        <section aria-labelledby="team-learn" class="card">
            <h2 id="team-learn">{t().team_view_learn_heading}</h2>
            <p>{t().team_view_learn_can}</p>
            <p>{t().team_view_learn_cannot}</p>
            <p>{t().team_view_learn_not_proof}</p>
        </section>
        <form class="team-add" on:submit=move |ev: leptos::ev::SubmitEvent| ev.prevent_default()>
            <label for="team-paste">{t().team_view_paste_label}</label>
            <textarea
                id="team-paste"
                rows="5"
                spellcheck="false"
                autocapitalize="characters"
                data-testid="team-paste"
                prop:value=move || pasted.get()
                on:input=move |e| pasted.set(event_target_value(&e))
            ></textarea>
            <div class="actions">
                <button type="submit" on:click=add data-testid="team-add">
                    {t().team_view_add}
                </button>
            </div>
        </form>
        <div id="team-added" tabindex="-1" role="status" data-testid="team-added">
            {move || outcome.get().map(|o| outcome_view(&ctx, o))}
        </div>
        <label for="team-month">{t().team_view_month_label}</label>
        <select
            id="team-month"
            data-testid="team-month"
            on:change=move |e| month.set(Month::parse(&event_target_value(&e)))
        >
            {move || {
                let chosen = month.get();
                months
                    .get()
                    .into_iter()
                    .map(|m| {
                        let label = month_text(&ctx, m);
                        view! {
                            <option value=m.to_iso() selected=chosen == Some(m)>{label}</option>
                        }
                    })
                    .collect_view()
            }}
        </select>
        {move || {
            team.get().map(|team| {
                let label = month_text(&ctx, team.month());
                let counted = team
                    .entries()
                    .iter()
                    .filter(|e| **e == Intake::Counted)
                    .count() as u64;
                let body = match team.view() {
                    TeamView::TooFew { more_needed } => view! {
                        <p data-testid="team-too-few">{t().team_view_too_few(*more_needed as u64)}</p>
                    }
                    .into_any(),
                    TeamView::Shown(dist) => {
                        let csv_team = team.clone();
                        let csv_status = RwSignal::new(String::new());
                        let download = move |_| {
                            let Some(text) = team::aggregate_csv(&csv_team) else {
                                return;
                            };
                            let name = format!("tend-team-pulse-{}.csv", csv_team.month().to_iso());
                            let message = match files::download(&name, "text/csv", &text) {
                                Ok(()) => t().team_view_csv_saved(&name),
                                Err(files::FileError::SaveFailed(e) | files::FileError::ReadFailed(e)) => {
                                    t().team_view_csv_failed(&e)
                                }
                            };
                            csv_status.set(message);
                        };
                        let fields: Vec<(String, u64)> = dist
                            .fields()
                            .iter()
                            .map(|g| (group_label(g.group), g.codes as u64))
                            .collect();
                        let by_field = match dist.by_field() {
                            ByField::Shown(groups) => {
                                let rows: Vec<(String, Tally)> = groups
                                    .iter()
                                    .map(|g| (group_label(g.group), g.tally))
                                    .collect();
                                Some(view! {
                                    {rows
                                        .into_iter()
                                        .map(|(name, tally)| {
                                            let caption = format!("{name} — {label}");
                                            view! { <BandTable caption=caption tally=tally /> }
                                        })
                                        .collect_view()}
                                }
                                .into_any())
                            }
                            ByField::OneGroup => None,
                            ByField::Withheld => Some(
                                view! { <p class="hint">{t().team_view_by_field_withheld}</p> }
                                    .into_any(),
                            ),
                        };
                        view! {
                            <h3>{t().team_view_bands_heading}</h3>
                            <BandTable caption=t().team_view_bands_caption(&label) tally=*dist.all() />
                            <h3>{t().team_view_fields_heading}</h3>
                            <table class="data-table" data-testid="team-fields">
                                <caption>{t().team_view_fields_caption(&label)}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{t().team_view_col_field}</th>
                                        <th scope="col">{t().team_view_col_codes}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {fields
                                        .into_iter()
                                        .map(|(name, n)| view! {
                                            <tr><th scope="row">{name}</th><td>{n}</td></tr>
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                            {by_field}
                            <div class="actions">
                                <button type="button" class="secondary" on:click=download data-testid="team-csv">
                                    {t().team_view_csv}
                                </button>
                            </div>
                            <p role="status">{move || csv_status.get()}</p>
                        }
                        .into_any()
                    }
                };
                view! {
                    <section aria-labelledby="team-month-heading" data-testid="team-month-view">
                        <h2 id="team-month-heading">{label.clone()}</h2>
                        <p data-testid="team-count">{t().team_view_count(counted)}</p>
                        {body}
                    </section>
                }
            })
        }}
        <section aria-labelledby="team-kept">
            <h2 id="team-kept">{t().team_view_kept_heading}</h2>
            {move || {
                let chosen = month.get();
                let list: Vec<(String, i64)> = kept.with(|k| {
                    k.iter()
                        .filter(|(_, _, m)| Some(*m) == chosen)
                        .map(|(c, at, _)| (c.clone(), *at))
                        .collect()
                });
                if list.is_empty() {
                    return view! { <p>{t().team_view_kept_none}</p> }.into_any();
                }
                let language = ctx.locale.get().code();
                view! {
                    <ul class="plain-list team-kept" data-testid="team-kept">
                        {list
                            .into_iter()
                            .map(|(code, at)| {
                                let date = platform::format_date(at, language);
                                let for_remove = code.clone();
                                let remove = move |_| {
                                    let now = platform::now_ms();
                                    ctx.data.update(|d| {
                                        d.remove_team_code(&for_remove, now);
                                    });
                                    platform::focus_soon("#team-kept");
                                };
                                view! {
                                    <li>
                                        <code>{code.clone()}</code>
                                        " "
                                        <span class="hint">{t().team_view_kept_added(&date)}</span>
                                        " "
                                        <button
                                            type="button"
                                            class="secondary"
                                            aria-label=t().team_view_remove_label(&code)
                                            on:click=remove
                                        >
                                            {t().team_view_remove}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
        <p>
            <a href=Route::Leaders.href()>{t().leaders_back}</a>
        </p>
    }
}

/// What adding came to, in words.
fn outcome_view(ctx: &crate::ui::AppContext, o: Added) -> AnyView {
    let t = ctx.t();
    if o.nothing {
        return view! { <p>{t.team_view_nothing_to_add}</p> }.into_any();
    }
    let why = move |e: &CodeError| match e {
        CodeError::NotTendCode => t.team_view_why_not_code,
        CodeError::Mistyped(_) => t.team_view_why_mistyped,
        CodeError::Newer { .. } => t.team_view_why_newer,
        CodeError::OutOfRange(_) => t.team_view_why_range,
    };
    let lines: Vec<String> = o
        .unreadable
        .iter()
        .map(|(line, e)| t.team_view_unreadable_line(&line.to_string(), why(e)))
        .collect();
    view! {
        {(o.added > 0).then(|| view! { <p>{t.team_view_added(o.added)}</p> })}
        {(o.already > 0).then(|| view! { <p>{t.team_view_kept_already(o.already)}</p> })}
        {(o.other_month > 0).then(|| view! { <p>{t.team_view_other_month(o.other_month)}</p> })}
        {(!lines.is_empty()).then(|| view! {
            <p class="error-text">{t.team_view_unreadable_heading}</p>
            <ul class="plain-list">
                {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
        })}
    }
    .into_any()
}

/// One tally: a row per headline, a column per band.
#[component]
fn BandTable(caption: String, tally: Tally) -> impl IntoView {
    let t = use_app().t();
    let rows = [
        (Headline::SecondaryTrauma, t.team_view_row_sts),
        (Headline::Burnout, t.team_view_row_burnout),
        (Headline::Sustaining, t.team_view_row_sustaining),
    ];
    view! {
        <table class="data-table" data-testid="team-bands">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{t.team_view_col_headline}</th>
                    {team::Level::ALL
                        .iter()
                        .map(|l| view! { <th scope="col">{level_label(t, *l)}</th> })
                        .collect_view()}
                    <th scope="col">{t.team_view_col_none}</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|(h, name)| {
                        let counts = tally.get(h);
                        view! {
                            <tr>
                                <th scope="row">{name}</th>
                                {team::Level::ALL
                                    .iter()
                                    .map(|l| view! { <td>{counts.get(Some(*l))}</td> })
                                    .collect_view()}
                                <td>{counts.get(None)}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
