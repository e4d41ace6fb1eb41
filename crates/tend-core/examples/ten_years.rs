//! Prints the stored form of ten years of a heavy user's data
//! (`store::sample::ten_years`), ending just before now: every key the app
//! keeps in the browser's storage (in the default namespace, `tend:`), with
//! its exact text, as one JSON object — the head under `tend:data` and the
//! chunks of the long lists under `tend:part:…` (see `store::split`).
//! `make bench` seeds a browser's localStorage with it (tools/bench-scale.mjs):
//!
//!     cargo run -q --release -p tend-core --example ten_years > ten-years.json

use std::io::Write;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};
use tend_core::store::sample::ten_years;
use tend_core::store::vault::{MemoryBackend, Vault};
use tend_core::store::Namespace;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("ten_years: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let since_epoch = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_err(|e| format!("the clock is before 1970: {e}"))?;
    let now = i64::try_from(since_epoch.as_millis())
        .map_err(|_| "the clock is too far in the future".to_string())?;
    let data = ten_years(now);
    let store = MemoryBackend::new();
    let (mut vault, _) = Vault::open(Ok(store.clone()), Namespace::default(), now);
    vault
        .save(&data, now)
        .map_err(|e| format!("could not store the data: {e:?}"))?;
    let text = serde_json::to_string(&store.snapshot())
        .map_err(|e| format!("could not write the store out: {e}"))?;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| format!("could not write to stdout: {e}"))
}
