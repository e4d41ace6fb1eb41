//! The primary navigation.

use crate::content::Label;
use crate::route::Route;
use crate::ui::components::deployment_parts::route_on;
use crate::ui::use_app;
use leptos::prelude::*;

/// The screens in the primary navigation, in order, with their labels.
fn items() -> [(Route, Label); 9] {
    [
        (Route::Home, |t| t.nav_home),
        (Route::CheckIn, |t| t.nav_checkin),
        (Route::History, |t| t.nav_history),
        (Route::Strategies, |t| t.nav_strategies),
        (Route::Plan, |t| t.nav_plan),
        (Route::Learn, |t| t.nav_learn),
        (Route::Leaders, |t| t.nav_leaders),
        (Route::Resources, |t| t.nav_resources),
        (Route::Settings, |t| t.nav_settings),
    ]
}

/// The main navigation bar; the current section is marked for assistive
/// technology with `aria-current`.
#[component]
pub fn MainNav() -> impl IntoView {
    let ctx = use_app();
    view! {
        <nav class="main-nav" aria-label=move || ctx.t().nav_label>
            <ul>
                {items()
                    .into_iter()
                    .filter(|(route, _)| route_on(route))
                    .map(|(route, label)| {
                        let href = route.href();
                        let current = {
                            let route = route.clone();
                            move || (ctx.route.get().section() == route).then_some("page")
                        };
                        view! {
                            <li>
                                <a href=href aria-current=current>{move || label(ctx.t())}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
