//! When the next check-in is due, with a calendar reminder to download.

use crate::platform::{self, files};
use crate::ui::use_app;
use leptos::prelude::*;
use tend_core::domain::{calendar, history};

/// One line on when the next check-in is due, and an "add to calendar"
/// button that downloads an .ics file for that day.
#[component]
pub fn NextCheckIn() -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    let error = RwSignal::new(None::<String>);
    let due = Memo::new(move |_| {
        let (last, interval) = ctx.data.with(|d| {
            (
                d.checkins.iter().map(|c| c.completed_at).max(),
                d.settings.checkin_interval_days,
            )
        });
        (
            last.is_some(),
            history::next_checkin_due_at_offset(
                last,
                interval,
                platform::now_ms(),
                platform::utc_offset_minutes(),
            ),
        )
    });
    let text = move || {
        let (has_any, next) = due.get();
        let t = t();
        let date = platform::format_date(next.due_at, ctx.locale.get().code());
        if !has_any {
            t.next_first.to_string()
        } else if next.overdue {
            t.next_overdue(&date)
        } else if next.days_until == 0 {
            t.next_due_today.to_string()
        } else {
            t.next_due_in(next.days_until.max(0).unsigned_abs(), &date)
        }
    };
    let add_to_calendar = move |_| {
        let (_, next) = due.get_untracked();
        let t = t();
        let now = platform::now_ms();
        let ics = calendar::reminder_ics(
            &platform::new_id("tend-checkin-"),
            now,
            next.due_date,
            t.next_calendar_summary,
            t.next_calendar_description,
        );
        let (y, m, d) = tend_core::time::civil_date(next.due_date);
        let name = format!("tend-check-in-{y:04}-{m:02}-{d:02}.ics");
        match files::download(&name, "text/calendar", &ics) {
            Ok(()) => error.set(None),
            Err(files::FileError::SaveFailed(e) | files::FileError::ReadFailed(e)) => {
                error.set(Some(t.next_calendar_error(&e)))
            }
        }
    };
    view! {
        <p data-testid="next-checkin">{text}</p>
        <div class="actions">
            <button type="button" class="secondary" on:click=add_to_calendar data-testid="add-to-calendar">
                {t().next_calendar}
            </button>
        </div>
        {move || error.get().map(|e| view! { <p class="error-text" role="alert">{e}</p> })}
    }
}
