//! Locking after the chosen idle time.

use super::lock::LockView;
use super::StorageContext;
use crate::platform;
use leptos::prelude::*;
use std::time::Duration;

impl StorageContext {
    /// Locks after the chosen idle time: counts the person's last key,
    /// pointer or touch, and checks every few seconds and whenever the
    /// page is shown again (timers may sleep while it is hidden).
    pub(super) fn watch_idle(&self) {
        let ctx = *self;
        let touch = move || {
            ctx.sealing
                .update_value(|s| s.last_activity = platform::now_ms());
        };
        let keys = window_event_listener(leptos::ev::keydown, move |_| touch());
        let pointer = window_event_listener(leptos::ev::pointerdown, move |_| touch());
        let wheel = window_event_listener(leptos::ev::wheel, move |_| touch());
        let shown = window_event_listener(leptos::ev::focus, move |_| ctx.check_idle());
        let visible = window_event_listener(leptos::ev::visibilitychange, move |_| {
            ctx.check_idle();
        });
        let timer = set_interval_with_handle(move || ctx.check_idle(), Duration::from_secs(5)).ok();
        on_cleanup(move || {
            keys.remove();
            pointer.remove();
            wheel.remove();
            shown.remove();
            visible.remove();
            if let Some(timer) = timer {
                timer.clear();
            }
        });
    }

    fn check_idle(&self) {
        if self.lock.get_untracked() != LockView::Unlocked {
            return;
        }
        let Some(last) = self.sealing.try_with_value(|s| s.last_activity) else {
            return;
        };
        let minutes = self.idle_minutes();
        if platform::now_ms() - last >= i64::from(minutes) * 60_000 {
            self.lock_now();
        }
    }
}
