//! When a job that just succeeded is due again. Each job keeps its own phase within its
//! interval (from a hash of its account, region and unit), so the jobs of an estate spread
//! evenly over the interval instead of all coming due together after the first crawl. Polled
//! together, the hot cycle of the 10,000-connection demo was a burst of a few CPU-seconds on
//! both cores every 30 s, and page views queued behind it (BENCH-ssr.md); spread, it is a
//! steady fraction of a core.

use chrono::{DateTime, Duration, Utc};
use std::hash::Hasher;
use uuid::Uuid;

/// The job's phase: an offset into its interval, the same in every process and release.
pub(crate) fn phase_of(account_id: Uuid, region: &str, unit: &str, interval: Duration) -> Duration {
    let mut h = fnv::FnvHasher::default();
    h.write(account_id.as_bytes());
    h.write(region.as_bytes());
    h.write(&[0]);
    h.write(unit.as_bytes());
    let ms = interval.num_milliseconds().max(1) as u64;
    Duration::milliseconds((h.finish() % ms) as i64)
}

/// The first time on the job's phase that leaves at least half an interval after `now`: an
/// interval later once the job runs on its phase, between half and one and a half intervals
/// the first time, while it moves there.
pub(crate) fn next_on_phase(
    now: DateTime<Utc>,
    interval: Duration,
    phase: Duration,
) -> DateTime<Utc> {
    let step = interval.num_milliseconds().max(1);
    let earliest = (now + interval / 2).timestamp_millis();
    let offset = phase.num_milliseconds().rem_euclid(step);
    // The first point at or after `earliest` that is `offset` past a multiple of `step`.
    let base = earliest - (earliest - offset).rem_euclid(step);
    let at = if base < earliest { base + step } else { base };
    DateTime::from_timestamp_millis(at).unwrap_or(now + interval)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap()
    }

    #[test]
    fn a_job_on_its_phase_runs_once_an_interval() {
        let interval = Duration::seconds(30);
        let phase = Duration::milliseconds(12_345);
        let first = next_on_phase(t0(), interval, phase);
        assert!(first - t0() >= interval / 2 && first - t0() < interval * 3 / 2);
        assert_eq!(first.timestamp_millis().rem_euclid(30_000), 12_345);
        // Done 2.5 s after it came due: due again one interval after the last due time.
        let second = next_on_phase(first + Duration::milliseconds(2_500), interval, phase);
        assert_eq!(second - first, interval);
    }

    #[test]
    fn the_jobs_of_an_estate_spread_over_the_interval() {
        let interval = Duration::seconds(30);
        let mut due: Vec<i64> = Vec::new();
        for a in 0..20 {
            let account = Uuid::from_u128(0x5eed_0000 + a);
            for region in [
                "cn-hangzhou",
                "cn-shanghai",
                "cn-beijing",
                "eu-central-1",
                "ap-southeast-1",
            ] {
                let phase = phase_of(account, region, "connections", interval);
                due.push(next_on_phase(t0(), interval, phase).timestamp_millis() % 30_000);
            }
        }
        // 100 jobs in ten 3 s buckets: none empty, none holding more than a fifth of them.
        let mut buckets = [0; 10];
        for ms in due {
            buckets[(ms / 3_000) as usize] += 1;
        }
        assert!(
            buckets.iter().all(|&n| (1..=20).contains(&n)),
            "{buckets:?}"
        );
    }

    #[test]
    fn phases_depend_on_the_job_only() {
        let a = Uuid::from_u128(7);
        let i = Duration::minutes(10);
        assert_eq!(phase_of(a, "r", "routes", i), phase_of(a, "r", "routes", i));
        assert_ne!(
            phase_of(a, "r", "routes", i),
            phase_of(a, "r", "network", i)
        );
        assert!(phase_of(a, "r", "routes", i) < i);
    }
}
