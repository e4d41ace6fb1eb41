//! Mounts Tend into the page. Nothing else lives here.

use leptos::prelude::provide_context;

fn main() {
    console_error_panic_hook::set_once();
    tend::platform::mark("tend-start");
    // The deployment's settings decide where the data lives, so they are
    // read (a small file beside index.html, or none) before the app starts.
    wasm_bindgen_futures::spawn_local(async {
        let deployment = tend::ui::deployment::load().await;
        leptos::mount::mount_to_body(move || {
            provide_context(deployment);
            tend::App()
        });
    });
}
