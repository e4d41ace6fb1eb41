//! The Learn topics and the leaders' guide: an index of pages, and one page
//! at a time.

use crate::content::Page;
use crate::html::Markup;
use crate::route::Route;
use crate::ui::components::dead_end::NotFound;
use crate::ui::components::fragment::Fragment;
use crate::ui::title_effect;
use crate::ui::use_app;
use crate::ui::AppContext;
use leptos::prelude::*;
use tend_core::domain::course::Milestone;

/// Which set of pages to show.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Guide {
    /// The Learn topics.
    Learn,
    /// The leaders' guide.
    Leaders,
}

impl Guide {
    fn pages(self, ctx: &AppContext) -> &'static [Page] {
        let content = ctx.locale.get().content();
        match self {
            Guide::Learn => content.learn,
            Guide::Leaders => content.leaders,
        }
    }
    fn title(self, ctx: &AppContext) -> &'static str {
        match self {
            Guide::Learn => ctx.t().learn_title,
            Guide::Leaders => ctx.t().leaders_title,
        }
    }
    fn intro(self, ctx: &AppContext) -> &'static str {
        match self {
            Guide::Learn => ctx.t().learn_intro,
            Guide::Leaders => ctx.t().leaders_intro,
        }
    }
    fn index(self) -> Route {
        match self {
            Guide::Learn => Route::Learn,
            Guide::Leaders => Route::Leaders,
        }
    }
    fn topic(self, slug: &str) -> Route {
        match self {
            Guide::Learn => Route::LearnTopic(slug.to_string()),
            Guide::Leaders => Route::LeadersTopic(slug.to_string()),
        }
    }
    fn back(self, ctx: &AppContext) -> &'static str {
        match self {
            Guide::Learn => ctx.t().learn_back,
            Guide::Leaders => ctx.t().leaders_back,
        }
    }
}

/// The list of pages in a guide.
#[component]
pub fn Index(guide: Guide) -> impl IntoView {
    let ctx = use_app();
    title_effect(move || guide.title(&ctx).to_string());
    // The leaders' tools come after the guide's pages.
    let tools = (guide == Guide::Leaders).then(|| {
        let t = move || ctx.t();
        view! {
            <section aria-labelledby="leader-tools" data-testid="leader-tools">
                <h2 id="leader-tools">{move || t().team_tools_heading}</h2>
                <ul class="topic-list">
                    <li class="card">
                        <h3>
                            <a href=Route::SelfCheck.href()>{move || t().self_check_title}</a>
                        </h3>
                        <p>{move || t().self_check_tool_summary}</p>
                    </li>
                    <li class="card">
                        <h3>
                            <a href=Route::TeamPulse.href()>{move || t().team_view_title}</a>
                        </h3>
                        <p>{move || t().team_view_link_summary}</p>
                    </li>
                </ul>
            </section>
        }
    });
    view! {
        <h1 tabindex="-1">{move || guide.title(&ctx)}</h1>
        <p class="lead">{move || guide.intro(&ctx)}</p>
        <div inner_html=topics_html(guide, guide.pages(&ctx))></div>
        {tools}
    }
}

/// The cards linking to each page of a guide.
fn topics_html(guide: Guide, pages: &[Page]) -> String {
    let mut m = Markup::new();
    m.open("ul", &[("class", "topic-list")]);
    for p in pages {
        m.open("li", &[("class", "card")]).open("h2", &[]);
        m.element("a", &[("href", &guide.topic(p.slug).href())], p.title)
            .close("h2");
        m.element("p", &[], p.summary).close("li");
    }
    m.close("ul");
    m.finish()
}

/// One page of a guide, with a way back and on to the next page.
#[component]
pub fn Topic(guide: Guide, slug: String) -> impl IntoView {
    let ctx = use_app();
    let slug_for_title = slug.clone();
    title_effect(move || {
        let pages = guide.pages(&ctx);
        pages
            .iter()
            .find(|p| p.slug == slug_for_title)
            .map(|p| p.title.to_string())
            .unwrap_or_else(|| ctx.t().not_found_title.to_string())
    });
    move || {
        let pages = guide.pages(&ctx);
        let Some(pos) = pages.iter().position(|p| p.slug == slug) else {
            return view! { <NotFound /> }.into_any();
        };
        let page = &pages[pos];
        if guide == Guide::Learn {
            ctx.reach(Milestone::LearnTopicViewed(page.slug.to_string()));
        }
        let next = pages.get(pos + 1).map(|n| {
            let label = ctx.t().learn_next(n.title);
            view! { <a class="button" href=guide.topic(n.slug).href()>{label}</a> }
        });
        view! {
            <article class="topic">
                <h1 tabindex="-1">{page.title}</h1>
                <p class="lead">{page.summary}</p>
                <Fragment path=page.body class="content-sections" />
            </article>
            <nav class="pager" aria-label=guide.title(&ctx)>
                <a href=guide.index().href()>{guide.back(&ctx)}</a>
                {next}
            </nav>
        }
        .into_any()
    }
}
