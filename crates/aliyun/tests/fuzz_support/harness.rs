//! The fuzz harness every property-based fuzz target of gatewatch uses (the `aliyun`,
//! `huawei`, `routes` and `layout` tests include this file by `#[path]`, so there is one
//! definition of "how many cases" and "what counts as a hang").
//!
//! * [`config`]: a short run by default (CI), `PROPTEST_CASES=N` for a long one
//!   (`scripts/fuzz.sh`). No regression files are written: a shrunk failure becomes a
//!   named unit test next to the fix instead.
//! * [`bounded`]: runs one case on its own thread and fails it when it takes longer than
//!   [`HANG_LIMIT`], so a hang is reported with its (shrunk) input instead of stalling CI.
#![allow(dead_code)]

use std::sync::mpsc;
use std::time::Duration;

use proptest::test_runner::Config;

/// A case running this long is a hang. Inputs are size-bounded so a correct case finishes
/// in milliseconds, even in a debug build on a busy 2-core machine.
pub const HANG_LIMIT: Duration = Duration::from_secs(20);

/// `default_cases` cases unless `PROPTEST_CASES` asks for another number.
pub fn config(default_cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default_cases);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Runs `f` on a fresh thread; a panic in it is re-raised here (so proptest shrinks it) and
/// a run longer than [`HANG_LIMIT`] panics as a hang naming `what`.
pub fn bounded<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    let worker = std::thread::Builder::new()
        .name(format!("fuzz {what}"))
        .spawn(move || {
            // The receiver is gone only after a reported hang; nothing left to tell then.
            let _ = tx.send(f());
        })
        .expect("spawn the fuzz case thread");
    match rx.recv_timeout(HANG_LIMIT) {
        Ok(v) => v,
        Err(mpsc::RecvTimeoutError::Disconnected) => match worker.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => unreachable!("the case thread ended without a result or a panic"),
        },
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{what}: no result within {HANG_LIMIT:?} (hang)")
        }
    }
}
