//! What the organisation self-check's screens share: a self-check's label,
//! its areas as a table and a chart, the weakest areas with their actions,
//! self-checks compared area by area, the CSV download, and adding another
//! leader's self-check from a file or a code. Every decision is
//! `tend_core::domain::self_check`'s; these draw it and put the words in.

use crate::content::{instruments, Strings};
use crate::platform;
use crate::platform::files;
use crate::route::Route;
use crate::ui::components::headline_chart::HeadlineChart;
use crate::ui::components::score_views::format_score;
use crate::ui::use_app;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use tend_core::domain::chart::{ChartBand, HeadlineChartRow};
use tend_core::domain::instrument::Instrument;
use tend_core::domain::scoring::score_range;
use tend_core::domain::self_check::{
    compare, csv_of_area_scores, AreaResult, SelfCheck, SelfCheckResult,
};
use tend_core::store::self_check_share::{import_self_check, ShareError, MAX_SHARE_BYTES};
use tend_core::store::self_checks::SavedSelfCheck;

/// How a self-check is named on screen: its date, and its team or unit
/// when it has one.
pub fn check_label(t: &Strings, check: &SelfCheck) -> String {
    let date = platform::format_date(check.completed_at, t.code);
    match &check.team {
        Some(team) => t.self_check_dated_team(&date, team),
        None => date,
    }
}

/// The name of area `id` in `instrument`.
pub fn area_name(instrument: &Instrument, id: &str) -> String {
    instrument
        .subscale(id)
        .map(|s| s.name.clone())
        .unwrap_or_else(|| id.to_string())
}

/// The label of the band an area's score falls in, in the instrument's
/// language.
fn band_label(instrument: &Instrument, area: &AreaResult) -> Option<String> {
    let band = area.band()?;
    instrument
        .subscale(&area.area)?
        .band(band)
        .map(|b| b.label.clone())
}

/// An area's score and band as the screens write them (`2.4 · Partly in
/// place`), or "not enough answered".
pub fn score_band_text(t: &Strings, instrument: &Instrument, area: &AreaResult) -> String {
    match area.score() {
        Some(score) => {
            let value = format_score(t.code, score.value);
            match band_label(instrument, area) {
                Some(band) => t.self_check_result_score_band(&value, &band),
                None => value,
            }
        }
        None => t.self_check_result_not_enough.to_string(),
    }
}

/// The chart row of one area: its track over the possible range with its
/// bands, and its score. None for an area with no bounded range.
fn area_row(instrument: &Instrument, area: &AreaResult, label: String) -> Option<HeadlineChartRow> {
    let subscale = instrument.subscale(&area.area)?;
    let range = score_range(instrument, &area.area)?;
    let max = range.max?;
    Some(HeadlineChartRow {
        label,
        score: area.score().map(|s| s.value),
        min: range.min,
        max,
        bands: ChartBand::for_subscale(subscale, range.min, max),
        band_label: band_label(instrument, area),
    })
}

/// Every area of one self-check: score and band, "don't know" answers and
/// how many statements were answered, as a table.
#[component]
pub fn AreaTable(instrument: Instrument, result: SelfCheckResult) -> impl IntoView {
    let t = use_app().t();
    let rows = result
        .areas
        .iter()
        .map(|a| {
            let answered =
                t.self_check_result_answered_of(&a.answered.to_string(), &a.statements.to_string());
            view! {
                <tr data-testid="area-row" data-area=a.area.clone()>
                    <th scope="row">{area_name(&instrument, &a.area)}</th>
                    <td data-testid="area-score">{score_band_text(t, &instrument, a)}</td>
                    <td data-testid="area-dont-know">{a.dont_know.to_string()}</td>
                    <td>{answered}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="area-table" data-testid="area-table">
                <caption>{t.self_check_result_table_caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.self_check_result_col_area}</th>
                        <th scope="col">{t.self_check_result_col_score}</th>
                        <th scope="col">{t.self_check_result_col_dont_know}</th>
                        <th scope="col">{t.self_check_result_col_answered}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// One self-check's areas on the results chart (with its own table).
#[component]
pub fn AreaChart(instrument: Instrument, result: SelfCheckResult) -> impl IntoView {
    let t = use_app().t();
    let rows: Vec<HeadlineChartRow> = result
        .areas
        .iter()
        .filter_map(|a| area_row(&instrument, a, area_name(&instrument, &a.area)))
        .collect();
    view! {
        <HeadlineChart
            rows=rows
            title=t.self_check_result_chart_title
            description=t.self_check_result_chart_desc
            strings=t
        />
    }
}

/// The weakest areas first, each with its actions and, for Tend's own
/// self-check, a link to the page of the leaders' guide behind each one.
#[component]
pub fn FocusAreas(instrument: Instrument, result: SelfCheckResult) -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    let pages = ctx.locale.get_untracked().content().leaders;
    if result.focus.is_empty() {
        return view! { <p data-testid="focus-none">{t.self_check_result_focus_none}</p> }
            .into_any();
    }
    result
        .focus
        .iter()
        .map(|focus| {
            let score = result
                .area(&focus.area)
                .map(|a| score_band_text(t, &instrument, a))
                .unwrap_or_default();
            let heading =
                t.self_check_result_focus_area(&area_name(&instrument, &focus.area), &score);
            let actions = focus
                .actions
                .iter()
                .map(|action| {
                    let link = action.link.and_then(|link| {
                        let page = pages.iter().find(|p| p.slug == link.page)?;
                        Some(view! {
                            <a
                                href=Route::LeadersTopic(page.slug.to_string()).href()
                                data-lead=link.lead.id()
                            >
                                {t.self_check_result_read_more(page.title)}
                            </a>
                        })
                    });
                    view! {
                        <li data-testid="action" data-action=action.id.clone()>
                            <p>{action.text.clone()}</p>
                            {link}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="card focus-area" data-testid="focus-area" data-area=focus.area.clone()>
                    <h3>{heading}</h3>
                    <ul class="action-list">{actions}</ul>
                </section>
            }
        })
        .collect_view()
        .into_any()
}

/// Self-checks side by side, area by area: a chart with its own table, and
/// a table with one column per self-check, those another leader shared
/// marked as such.
#[component]
pub fn AreaComparison(instrument: Instrument, checks: Vec<SelfCheck>) -> impl IntoView {
    let t = use_app().t();
    let comparison = compare(&instrument, checks.iter());
    let labels: Vec<String> = checks.iter().map(|c| check_label(t, c)).collect();
    let chart_rows: Vec<HeadlineChartRow> = comparison
        .rows
        .iter()
        .flat_map(|row| {
            let name = area_name(&instrument, &row.area);
            row.cells
                .iter()
                .zip(checks.iter().zip(&labels))
                .filter_map(|(cell, (check, label))| {
                    let label = if check.shared {
                        format!("{label} ({})", t.self_check_shared_mark)
                    } else {
                        label.clone()
                    };
                    area_row(
                        &instrument,
                        cell.as_ref()?,
                        t.self_check_compare_chart_row(&name, &label),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let head = checks
        .iter()
        .zip(&labels)
        .map(|(check, label)| {
            let mark = check.shared.then(|| {
                view! { <span class="tag" data-testid="shared-mark">{t.self_check_shared_mark}</span> }
            });
            view! {
                <th scope="col" data-testid="compare-column" data-shared=check.shared.to_string()>
                    {label.clone()}
                    {mark}
                </th>
            }
        })
        .collect_view();
    let rows = comparison
        .rows
        .iter()
        .map(|row| {
            let cells = row
                .cells
                .iter()
                .map(|cell| match cell {
                    Some(area) => {
                        let dont_know = (area.dont_know > 0).then(|| {
                            view! {
                                <span class="hint">
                                    {t.self_check_compare_cell_dont_know(&area.dont_know.to_string())}
                                </span>
                            }
                        });
                        view! {
                            <td>
                                <span data-testid="compare-cell">{score_band_text(t, &instrument, area)}</span>
                                " "
                                {dont_know}
                            </td>
                        }
                        .into_any()
                    }
                    None => view! { <td>{t.self_check_result_not_enough}</td> }.into_any(),
                })
                .collect_view();
            view! {
                <tr data-testid="compare-row" data-area=row.area.clone()>
                    <th scope="row">{area_name(&instrument, &row.area)}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <HeadlineChart
            rows=chart_rows
            title=t.self_check_compare_chart_title
            description=t.self_check_compare_chart_desc
            strings=t
        />
        <div class="table-wrap">
            <table class="compare-table" data-testid="compare-table">
                <caption>{t.self_check_compare_table_caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.self_check_result_col_area}</th>
                        {head}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// Offers the area scores of `checks` as a CSV file. Returns whether the
/// browser took the download.
pub fn download_csv(instrument: &Instrument, checks: &[SelfCheck], file_name: &str) -> bool {
    let text = csv_of_area_scores(instrument, checks, platform::utc_offset_minutes());
    files::download(file_name, "text/csv", &text).is_ok()
}

/// Why a shared self-check was not added, in plain words.
pub fn share_error_text(t: &Strings, error: &ShareError) -> &'static str {
    match error {
        ShareError::Empty => t.self_check_import_empty,
        ShareError::TooLarge => t.self_check_import_too_large,
        ShareError::NotASelfCheck => t.self_check_import_not_self_check,
        ShareError::Damaged => t.self_check_import_damaged,
        ShareError::Newer { .. } => t.self_check_import_newer,
        ShareError::UnknownInstrument { .. } => t.self_check_import_unknown_instrument,
        ShareError::UnknownStatement { .. } => t.self_check_import_unknown_statement,
        ShareError::OffScale { .. } => t.self_check_import_off_scale,
        ShareError::BadId => t.self_check_import_bad_id,
        ShareError::BadDate => t.self_check_import_bad_date,
        ShareError::TeamNameTooLong => t.self_check_import_team_too_long,
    }
}

/// What adding a shared self-check came to.
#[derive(Clone, PartialEq)]
enum Added {
    /// It is kept now (new, or a newer copy of one kept).
    Kept(String, String),
    /// It was kept already.
    Already(String, String),
    /// It could not be read.
    Refused(String),
}

/// Adding another leader's self-check, from a file or a pasted code.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    let code = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Added>);
    let input = NodeRef::<html::Input>::new();
    let add = move |text: &str| {
        let t = ctx.t();
        let result = instruments::org(ctx.locale.get_untracked())
            .map_err(|_| ShareError::UnknownInstrument {
                id: String::new(),
                version: String::new(),
            })
            .and_then(|org| import_self_check(text, &[org]));
        let added = match result {
            Ok(check) => {
                let label = check_label(t, &check);
                let id = check.id.clone();
                let mut saved = SavedSelfCheck::Unchanged;
                ctx.data.update(|d| saved = d.save_self_check(check));
                match saved {
                    SavedSelfCheck::Unchanged => Added::Already(id, label),
                    _ => Added::Kept(id, label),
                }
            }
            Err(e) => Added::Refused(share_error_text(t, &e).to_string()),
        };
        outcome.set(Some(added));
        platform::focus_soon("#sc-import-outcome");
    };
    let add_code = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        add(&code.get_untracked());
        if matches!(
            outcome.get_untracked(),
            Some(Added::Kept(..) | Added::Already(..))
        ) {
            code.set(String::new());
        }
    };
    let on_file = move |_| {
        let Some(el) = input.get_untracked() else {
            return;
        };
        let Some(file) = files::chosen_file(&el) else {
            return;
        };
        el.set_value("");
        if file.size() > MAX_SHARE_BYTES as f64 {
            let why = share_error_text(ctx.t(), &ShareError::TooLarge);
            outcome.set(Some(Added::Refused(why.to_string())));
            platform::focus_soon("#sc-import-outcome");
            return;
        }
        spawn_local(async move {
            match files::read_bytes(&file).await {
                Ok(bytes) => add(&String::from_utf8_lossy(&bytes)),
                Err(_) => {
                    outcome.try_set(Some(Added::Refused(
                        ctx.t().self_check_import_read_failed.to_string(),
                    )));
                    platform::focus_soon("#sc-import-outcome");
                }
            }
        });
    };
    let message = move || {
        let t = t();
        outcome.get().map(|o| match o {
            Added::Kept(id, label) => view! {
                <p class="notice" data-testid="import-added">
                    {t.self_check_import_added(&label)}
                    " "
                    <a href=Route::SelfCheckResult(id).href()>{t.self_check_view}</a>
                </p>
            }
            .into_any(),
            Added::Already(id, label) => view! {
                <p class="notice" data-testid="import-already">
                    {t.self_check_import_already(&label)}
                    " "
                    <a href=Route::SelfCheckResult(id).href()>{t.self_check_view}</a>
                </p>
            }
            .into_any(),
            Added::Refused(why) => {
                view! { <p class="error-text" data-testid="import-error">{why}</p> }.into_any()
            }
        })
    };
    view! {
        <section aria-labelledby="sc-import-heading" class="no-print">
            <h2 id="sc-import-heading">{move || t().self_check_import_heading}</h2>
            <p>{move || t().self_check_import_intro}</p>
            <p class="file-field">
                <label for="sc-import-file">{move || t().self_check_import_file_label}</label>
                <input
                    type="file"
                    id="sc-import-file"
                    accept=".json,application/json"
                    data-testid="sc-import-file"
                    node_ref=input
                    on:change=on_file
                />
            </p>
            <form on:submit=add_code>
                <p class="field">
                    <label for="sc-import-code">{move || t().self_check_import_code_label}</label>
                    <textarea
                        id="sc-import-code"
                        rows="3"
                        spellcheck="false"
                        autocomplete="off"
                        data-testid="sc-import-code"
                        prop:value=move || code.get()
                        on:input=move |ev| code.set(event_target_value(&ev))
                    ></textarea>
                </p>
                <p>
                    <button type="submit" class="secondary" data-testid="sc-import-add">
                        {move || t().self_check_import_add}
                    </button>
                </p>
            </form>
            <div id="sc-import-outcome" tabindex="-1" role="status">
                {message}
            </div>
        </section>
    }
}
