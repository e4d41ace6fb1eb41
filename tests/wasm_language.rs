//! A language that is not English, fetched as its pack in a real browser:
//! what the app shows while it cannot be fetched, and the switch once it
//! can. The language is the tests' pseudo-locale `en-XA` (English with
//! accented vowels), built only with the `pseudo-locale` feature, which
//! `make test-wasm` turns on. Run with
//! `cargo test --target wasm32-unknown-unknown --features pseudo-locale --test wasm_language`.

#![cfg(all(target_arch = "wasm32", feature = "pseudo-locale"))]

use tend::content::Locale;
use tend::ui::language::{load_from, LoadError};
use tend_core::store::{envelope, TendData};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Lets effects, spawned tasks and fetches run.
async fn settle() {
    for _ in 0..10 {
        leptos::task::tick().await;
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}

/// An address the browser can fetch `json` from, without a server.
fn blob_url(json: &str) -> String {
    let parts = js_sys::Array::of1(&json.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).expect("blob");
    web_sys::Url::create_object_url_with_blob(&blob).expect("object URL")
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

fn html_lang() -> Option<String> {
    document()
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
}

#[wasm_bindgen_test]
async fn another_language_is_fetched_installed_and_switched_to() {
    let xa = Locale::EnXa;
    assert_eq!(xa.code(), "en-XA");
    assert!(!xa.is_ready(), "nothing is installed before it is fetched");

    // A file that is not the pack changes nothing.
    let broken = load_from(xa, &blob_url(r#"{"code":"en-XA"}"#)).await;
    assert!(matches!(broken, Err(LoadError::Pack(_))), "{broken:?}");
    assert!(!xa.is_ready());

    // The person chose the language earlier; this page cannot serve its
    // pack, so the app starts in English and says so.
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage");
    storage.clear().expect("clear");
    let mut chosen = TendData::default();
    chosen.settings.set_language(Some("en-XA"), 5);
    let (saved, _) = envelope::encode(&chosen, 1_000).expect("encodes");
    storage.set_item("tend:data", &saved).expect("set");
    web_sys::window()
        .expect("window")
        .location()
        .set_hash("#/")
        .expect("hash");
    let parent: web_sys::HtmlElement = document()
        .create_element("div")
        .expect("div")
        .dyn_into()
        .expect("html element");
    document()
        .body()
        .expect("body")
        .append_child(&parent)
        .expect("append");
    let handle = leptos::mount::mount_to(parent.clone(), tend::App);
    settle().await;

    let find = |selector: &str| parent.query_selector(selector).ok().flatten();
    let text_of = |selector: &str| {
        find(selector)
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    assert_eq!(text_of("[data-testid=help-now]"), "Get help now");
    assert_eq!(html_lang().as_deref(), Some("en"));
    let notice = text_of("[data-testid=language-failed]");
    assert!(
        notice.starts_with("Énglísh could not be loaded just now"),
        "{notice}"
    );
    assert_eq!(
        find("[data-testid=language-failed]").and_then(|e| e.get_attribute("role")),
        Some("status".to_owned())
    );

    // Once the pack can be had, Try again switches the whole app.
    load_from(xa, &blob_url(xa.pack_text()))
        .await
        .expect("the pack installs");
    assert!(xa.is_ready());
    assert_eq!(xa.strings().code, "en-XA");
    assert_eq!(xa.strings().app_get_help_now, "Gét hélp nów");
    let retry: web_sys::HtmlElement = find("[data-testid=language-retry]")
        .expect("a retry button")
        .dyn_into()
        .expect("button");
    retry.click();
    settle().await;
    assert_eq!(text_of("[data-testid=help-now]"), "Gét hélp nów");
    assert_eq!(html_lang().as_deref(), Some("en-XA"));
    assert!(find("[data-testid=language-failed]").is_none());
    // Content from the pack too: Get help's regions and the strategies.
    assert_eq!(
        xa.content().regions.len(),
        Locale::En.content().regions.len()
    );
    assert!(xa.strategies()[0].title.contains('é') || xa.strategies()[0].title.contains('á'));

    drop(handle);
    storage.clear().expect("clear");
}
