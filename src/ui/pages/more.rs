//! More: every screen that is not in the primary navigation, one tap away,
//! each with a line on what it is for.

use crate::content::Label;
use crate::route::Route;
use crate::ui::components::deployment_parts::route_on;
use crate::ui::{title_effect, use_app};
use leptos::prelude::*;

/// The screens More lists, in order, with their names and what each is
/// for.
fn entries() -> [(Route, Label, Label); 7] {
    [
        (Route::History, |t| t.nav_history, |t| t.more_history),
        (Route::Practices, |t| t.practice_title, |t| t.more_practices),
        (Route::Journal, |t| t.journal_title, |t| t.more_journal),
        (Route::Learn, |t| t.nav_learn, |t| t.more_learn),
        (Route::Leaders, |t| t.nav_leaders, |t| t.more_leaders),
        (Route::Resources, |t| t.nav_resources, |t| t.more_resources),
        (Route::Settings, |t| t.nav_settings, |t| t.more_settings),
    ]
}

/// The More screen: a list of links, leaving out what the deployment
/// turned off.
#[component]
pub fn More() -> impl IntoView {
    let ctx = use_app();
    let t = ctx.t();
    title_effect(move || ctx.t().more_title.to_string());
    let items = entries()
        .into_iter()
        .filter(|(route, _, _)| route_on(route))
        .map(|(route, name, about)| {
            view! {
                <li>
                    <a href=route.href()>{name(t)}</a>
                    <span>{about(t)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <h1 tabindex="-1">{t.more_title}</h1>
        <ul class="more-list" data-testid="more-list">{items}</ul>
    }
}
