//! One file per screen.

pub mod checkin;
pub mod help;
pub mod history;
pub mod home;
pub mod journal;
pub mod learn;
pub mod more;
pub mod plan;
pub mod practice;
pub mod pulse;
pub mod resources;
pub mod results;
pub mod self_check;
pub mod self_check_result;
pub mod self_check_take;
pub mod settings;
pub mod strategies;
pub mod team;

use crate::route::Route;
use crate::ui::components::dead_end::NotFound;
use crate::ui::components::deployment_parts::{route_on, ModuleOff};
use leptos::prelude::*;

/// The view for a route.
pub fn screen(route: Route) -> AnyView {
    if !route_on(&route) {
        return view! { <ModuleOff /> }.into_any();
    }
    match route {
        Route::Home => view! { <home::Home /> }.into_any(),
        Route::Learn => view! { <learn::Index guide=learn::Guide::Learn /> }.into_any(),
        Route::LearnTopic(slug) => {
            view! { <learn::Topic guide=learn::Guide::Learn slug=slug /> }.into_any()
        }
        Route::Leaders => view! { <learn::Index guide=learn::Guide::Leaders /> }.into_any(),
        Route::LeadersTopic(slug) => {
            view! { <learn::Topic guide=learn::Guide::Leaders slug=slug /> }.into_any()
        }
        Route::TeamPulse => view! { <team::TeamPulse /> }.into_any(),
        Route::SelfCheck => view! { <self_check::SelfCheckHome /> }.into_any(),
        Route::SelfCheckNew => view! { <self_check_take::SelfCheckTake /> }.into_any(),
        Route::SelfCheckResult(id) => {
            view! { <self_check_result::SelfCheckReport id=id /> }.into_any()
        }
        Route::Help => view! { <help::Help /> }.into_any(),
        Route::Resources => view! { <resources::Resources /> }.into_any(),
        Route::Settings => view! { <settings::Settings /> }.into_any(),
        Route::More => view! { <more::More /> }.into_any(),
        Route::CheckIn => view! { <checkin::Start /> }.into_any(),
        Route::CheckInStep(step) => view! { <checkin::Step step=step /> }.into_any(),
        Route::Results(id) => view! { <results::Results id=id /> }.into_any(),
        Route::Pulse => view! { <pulse::PulseScreen /> }.into_any(),
        Route::History => view! { <history::History /> }.into_any(),
        Route::Strategies => view! { <strategies::Strategies /> }.into_any(),
        Route::Strategy(id) => view! { <strategies::StrategyScreen id=id /> }.into_any(),
        Route::Practices => view! { <practice::Practices /> }.into_any(),
        Route::Practice(id) => match tend_core::domain::practice::Practice::parse(&id) {
            Some(p) => view! { <practice::PracticeScreen practice=p /> }.into_any(),
            None => view! { <NotFound /> }.into_any(),
        },
        Route::Plan => view! { <plan::PlanScreen /> }.into_any(),
        Route::Journal => view! { <journal::Journal /> }.into_any(),
        Route::NotFound(_) => view! { <NotFound /> }.into_any(),
    }
}
