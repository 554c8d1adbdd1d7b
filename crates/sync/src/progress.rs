//! What the UI shows while syncs run: work planned and done, calls made and throttled, an
//! estimate of the time left, and the last error.

use serde::Serialize;

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Progress {
    /// Jobs (unit × account × region) started since the engine began.
    pub started: u64,
    /// Jobs finished successfully / with an error / skipped (another server held the lease).
    pub succeeded: u64,
    pub failed: u64,
    pub skipped: u64,
    /// Jobs running on this server now.
    pub running: usize,
    /// Jobs due now but not yet started (waiting for a free slot).
    pub queued: usize,
    /// Cloud API calls made, and how many the clouds throttled.
    pub calls: u64,
    pub throttled: u64,
    /// Estimated seconds until the queue is empty (from the mean job time so far).
    pub eta_secs: Option<f64>,
    /// The last failure, as "code: message".
    pub last_error: Option<String>,
}

/// Seconds to clear `remaining` jobs at `concurrency` parallel jobs of `mean_secs` each.
pub fn eta(remaining: usize, concurrency: usize, mean_secs: Option<f64>) -> Option<f64> {
    let mean = mean_secs?;
    if remaining == 0 {
        return Some(0.0);
    }
    let waves = remaining.div_ceil(concurrency.max(1));
    Some(waves as f64 * mean)
}

#[cfg(test)]
mod tests {
    use super::eta;

    #[test]
    fn eta_counts_waves_of_parallel_jobs() {
        assert_eq!(eta(10, 4, Some(2.0)), Some(6.0));
        assert_eq!(eta(0, 4, Some(2.0)), Some(0.0));
        assert_eq!(eta(3, 4, None), None);
    }
}
