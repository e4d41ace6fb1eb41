//! Mounts Tend into the page. Nothing else lives here.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(tend::App);
}
