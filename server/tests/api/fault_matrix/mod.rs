//! The fault matrix (issue 10): every fault the issue lists, each against the real emulator,
//! a real PostgreSQL and, where the fault is about the process, the real `gatewatch` binary.
//! Every case asserts that nothing stored is lost or torn, that the failure is on record
//! against its account and region with the cloud's code and shows through the API, and that
//! gatewatch recovers by itself; it measures the recovery time from the fault's removal to
//! the first fully successful sync (or healthy answer) and prints one line
//! `FAULT-MATRIX | <case> | <what happened> | recovery <ms> ms`, which
//! `scripts/fault-matrix.sh` collects into FAULT-MATRIX.md.

mod binary;
mod cloud;
mod cloud_cases;
mod data_dir;
mod harness;
mod postgres;
mod process;
mod store_checks;

use std::time::{Duration, Instant};

/// One line of the matrix, for `scripts/fault-matrix.sh`.
pub fn report(case: &str, what: &str, recovery: Duration) {
    let what = what.replace(['|', '\n'], "/");
    println!(
        "FAULT-MATRIX | {case} | {what} | recovery {} ms",
        recovery.as_millis()
    );
}

/// Polls `check` every 50 ms until it holds; panics naming `what` after `limit`. Returns how
/// long it took.
pub async fn wait_until<F, Fut>(limit: Duration, what: &str, mut check: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let started = Instant::now();
    while !check().await {
        assert!(started.elapsed() < limit, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    started.elapsed()
}
