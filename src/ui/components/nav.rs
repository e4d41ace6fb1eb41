//! The primary navigation.

use crate::content::Label;
use crate::route::Route;
use crate::ui::use_app;
use leptos::prelude::*;

/// The five entries of the primary navigation, in order, with their
/// labels: the screens people come back to, and More for the rest (see
/// `pages::more`), as installed phone apps do. "Get help now" is in the
/// header, always.
pub fn items() -> [(Route, Label); 5] {
    [
        (Route::Home, |t| t.nav_home),
        (Route::CheckIn, |t| t.nav_checkin),
        (Route::Strategies, |t| t.nav_strategies),
        (Route::Plan, |t| t.nav_plan),
        (Route::More, |t| t.nav_more),
    ]
}

/// The main navigation bar, one row; the entry the current screen is
/// under is marked for assistive technology with `aria-current`.
#[component]
pub fn MainNav() -> impl IntoView {
    let ctx = use_app();
    view! {
        <nav class="main-nav" aria-label=move || ctx.t().nav_label>
            <ul>
                {items()
                    .into_iter()
                    .map(|(route, label)| {
                        let href = route.href();
                        let current = {
                            let route = route.clone();
                            move || (ctx.route.get().nav_entry() == Some(route.clone())).then_some("page")
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
