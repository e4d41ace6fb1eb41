//! Prints the stored form of ten years of a heavy user's data
//! (`store::sample::ten_years`): the exact text the app keeps under its
//! data key (`tend:data` in the default namespace), ending just before now.
//! `make bench` seeds a browser's localStorage with it (tools/bench-scale.mjs):
//!
//!     cargo run -q --release -p tend-core --example ten_years > ten-years.json

use std::io::Write;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};
use tend_core::store::envelope::encode;
use tend_core::store::sample::ten_years;

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
    let (text, _stamp) =
        encode(&data, now).map_err(|e| format!("could not encode the data: {}", e.0))?;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| format!("could not write to stdout: {e}"))
}
