//! The strategy library: browse and filter, and one strategy per address.
//! Both render as static markup from the content (see [`crate::html`]);
//! only the filters and the plan form are reactive. A strategy's why and
//! steps are fetched when its screen opens (see [`Fragment`]).

use crate::content::strategies::{
    fit_label, group_label, helps_label, source_label, strategies, time_label,
};
use crate::content::Strings;
use crate::html::Markup;
use crate::route::Route;
use crate::ui::components::deployment_parts::route_on;
use crate::ui::components::fragment::Fragment;
use crate::ui::components::plan_parts::{default_when, AddToPlan};
use crate::ui::components::practice_parts;
use crate::ui::title_effect;
use crate::ui::use_app;
use leptos::prelude::*;
use tend_core::domain::strategy::{
    self, Filter, Fit, HelpsWith, Source, SourceGroup, Strategy, TimeNeeded,
};

fn joined<T: Copy>(
    t: &'static Strings,
    items: &[T],
    label: fn(&'static Strings, T) -> &'static str,
) -> String {
    items
        .iter()
        .map(|&i| label(t, i))
        .collect::<Vec<_>>()
        .join(t.library_list_separator)
}

/// The cards of the strategies that pass `filter`.
fn list_html(t: &'static Strings, shown: &[&Strategy]) -> String {
    let mut m = Markup::new();
    m.open("ul", &[("class", "topic-list strategy-list")]);
    for s in shown {
        let href = Route::Strategy(s.id.to_string()).href();
        m.open("li", &[("class", "card")])
            .open("h3", &[])
            .element("a", &[("href", &href)], s.title)
            .close("h3")
            .element("p", &[], s.summary);
        let meta = format!(
            "{} · {}",
            time_label(t, s.time),
            joined(t, s.fits, fit_label)
        );
        m.element("p", &[("class", "hint")], &meta).close("li");
    }
    m.close("ul").finish()
}

/// A filter's select: "Any" plus each value. `value` reads the current
/// choice as its id ("" for any); `set` takes the chosen id.
fn select<T: Copy + 'static>(
    id: &'static str,
    label: &'static str,
    any: &'static str,
    options: Vec<(T, &'static str, &'static str)>,
    current: impl Fn() -> &'static str + Copy + Send + Sync + 'static,
    set: impl Fn(&str) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let options = options
        .into_iter()
        .map(|(_, value, text)| {
            view! { <option value=value selected=move || current() == value>{text}</option> }
        })
        .collect_view();
    view! {
        <p class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| set(&event_target_value(&ev))>
                <option value="" selected=move || current().is_empty()>{any}</option>
                {options}
            </select>
        </p>
    }
}

/// The Strategies screen: the whole library, filterable.
#[component]
pub fn Strategies() -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    title_effect(move || ctx.t().library_title.to_string());
    let library = strategies(ctx.locale.get_untracked());
    let filter = RwSignal::new(Filter::default());
    let shown = Memo::new(move |_| {
        let f = filter.get();
        strategy::filter(library, &f).len()
    });
    let id_or_any = |id: Option<&'static str>| id.unwrap_or("");

    let helps = select(
        "filter-helps",
        t.library_helps_label,
        t.library_any,
        HelpsWith::ALL
            .iter()
            .map(|&h| (h, h.id(), helps_label(t, h)))
            .collect(),
        move || id_or_any(filter.get().helps.map(HelpsWith::id)),
        move |v| filter.update(|f| f.helps = HelpsWith::parse(v)),
    );
    let time = select(
        "filter-time",
        t.library_time_label,
        t.library_any,
        TimeNeeded::ALL
            .iter()
            .map(|&v| (v, v.id(), time_label(t, v)))
            .collect(),
        move || id_or_any(filter.get().time.map(TimeNeeded::id)),
        move |v| filter.update(|f| f.time = TimeNeeded::parse(v)),
    );
    let fit = select(
        "filter-fit",
        t.library_fit_label,
        t.library_any,
        Fit::ALL
            .iter()
            .map(|&v| (v, v.id(), fit_label(t, v)))
            .collect(),
        move || id_or_any(filter.get().fit.map(Fit::id)),
        move |v| filter.update(|f| f.fit = Fit::parse(v)),
    );
    // Sources: the two groups, then each source on its own.
    let mut source_options = vec![
        ((), "group:self-care", group_label(t, SourceGroup::SelfCare)),
        ((), "group:ce-cert", group_label(t, SourceGroup::CeCert)),
    ];
    source_options.extend(
        Source::ALL
            .iter()
            .map(|&s| ((), s.id(), source_label(t, s))),
    );
    let source = select(
        "filter-source",
        t.library_source_label,
        t.library_any,
        source_options,
        move || {
            let f = filter.get();
            match (f.group, f.source) {
                (Some(SourceGroup::SelfCare), _) => "group:self-care",
                (Some(SourceGroup::CeCert), _) => "group:ce-cert",
                (_, Some(s)) => s.id(),
                _ => "",
            }
        },
        move |v| {
            filter.update(|f| {
                (f.group, f.source) = match v {
                    "group:self-care" => (Some(SourceGroup::SelfCare), None),
                    "group:ce-cert" => (Some(SourceGroup::CeCert), None),
                    other => (None, Source::parse(other)),
                }
            })
        },
    );

    view! {
        <h1 tabindex="-1">{t.library_title}</h1>
        <p class="lead">{t.library_intro}</p>
        <section class="filters" aria-labelledby="filter-heading">
            <h2 id="filter-heading">{t.library_filter_heading}</h2>
            <div class="filter-grid">{helps} {time} {fit} {source}</div>
            <div class="actions">
                <button
                    type="button"
                    class="secondary"
                    disabled=move || filter.get() == Filter::default()
                    on:click=move |_| filter.set(Filter::default())
                >
                    {t.library_clear}
                </button>
            </div>
        </section>
        <p role="status" class="hint">
            {move || {
                t.library_count(&shown.get().to_string(), &library.len().to_string())
            }}
        </p>
        {move || {
            let list = strategy::filter(library, &filter.get());
            if list.is_empty() {
                view! { <p class="notice-quiet">{t.library_none}</p> }.into_any()
            } else {
                view! { <div inner_html=list_html(t, &list)></div> }.into_any()
            }
        }}
    }
}

/// One strategy at a glance, as markup: time, fit, what it helps with and
/// where it comes from. Why and the steps follow in its fetched fragment.
fn glance_html(t: &'static Strings, s: &Strategy) -> String {
    let mut m = Markup::new();
    m.open("section", &[("aria-labelledby", "glance-heading")])
        .element("h2", &[("id", "glance-heading")], t.library_about_heading)
        .open("dl", &[("class", "facts")]);
    let rows = [
        (t.library_time_term, time_label(t, s.time).to_string()),
        (t.library_fits_term, joined(t, s.fits, fit_label)),
        (t.library_helps_term, joined(t, s.helps, helps_label)),
        (t.library_sources_term, joined(t, s.sources, source_label)),
    ];
    for (term, value) in rows {
        m.element("dt", &[], term).element("dd", &[], &value);
    }
    m.close("dl").close("section");
    m.finish()
}

/// One strategy, at `#/strategies/<id>`.
#[component]
pub fn StrategyScreen(id: String) -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    let Some(s) = strategy::find(strategies(ctx.locale.get_untracked()), &id) else {
        title_effect(move || ctx.t().library_missing_title.to_string());
        return view! {
            <h1 tabindex="-1">{t.library_missing_title}</h1>
            <p>{t.library_missing_body}</p>
            <p><a href=Route::Strategies.href()>{t.library_back}</a></p>
        }
        .into_any();
    };
    let title = s.title;
    title_effect(move || title.to_string());
    let practice_link = s
        .practice
        .filter(|p| route_on(&Route::Practice(p.id().to_string())))
        .map(|p| {
            let (name, _) = practice_parts::words(t, p);
            view! {
                <section aria-labelledby="practice-heading">
                    <h2 id="practice-heading">{t.library_practice_heading}</h2>
                    <p>
                        <a class="button" href=Route::Practice(p.id().to_string()).href()>
                            {t.library_practice_link(name)}
                        </a>
                    </p>
                </section>
            }
        });
    view! {
        <p class="breadcrumb">
            <a href=Route::Strategies.href()>{t.library_back}</a>
        </p>
        <h1 tabindex="-1">{s.title}</h1>
        <p class="lead">{s.summary}</p>
        <div class="content-body" inner_html=glance_html(t, s)></div>
        <Fragment path=s.body class="content-body" />
        {practice_link}
        <section aria-labelledby="add-heading">
            <h2 id="add-heading">{t.plan_add}</h2>
            <AddToPlan strategy=s.id default_when=default_when(s) />
        </section>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Locale;

    #[test]
    fn every_strategy_shows_its_facts_at_a_glance() {
        let t = Locale::En.strings();
        for s in strategies(Locale::En) {
            let html = glance_html(t, s);
            assert_eq!(html.matches("<dt>").count(), 4, "{}", s.id);
            assert!(html.contains(time_label(t, s.time)), "{}", s.id);
            assert!(
                s.body.starts_with("content/en/strategy-") && s.body.ends_with(".html"),
                "{}",
                s.body
            );
        }
    }

    #[test]
    fn the_list_links_each_strategy_to_its_own_address() {
        let t = Locale::En.strings();
        let all: Vec<&Strategy> = strategies(Locale::En).iter().collect();
        let html = list_html(t, &all);
        for s in &all {
            assert!(
                html.contains(&format!("href=\"#/strategies/{}\"", s.id)),
                "{}",
                s.id
            );
        }
    }
}
