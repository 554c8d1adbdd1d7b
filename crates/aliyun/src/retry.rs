//! Retry policy for reads: exponential back-off with full jitter and a cap (§8.3).
//!
//! Sleep and jitter are injectable so tests run instantly and deterministically; the
//! delay computation itself ([`RetryPolicy::backoff`]) is pure.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use rand::Rng;

/// Picks the actual delay given the exponential ceiling (full jitter by default).
pub type JitterFn = Arc<dyn Fn(Duration) -> Duration + Send + Sync>;
/// Waits for a duration (tokio sleep by default).
pub type SleepFn = Arc<dyn Fn(Duration) -> Pin<Box<dyn Future<Output = ()> + Send>> + Send + Sync>;

/// How retryable calls are repeated.
#[derive(Clone)]
pub struct RetryPolicy {
    /// Total attempts including the first (1 = no retry).
    pub max_attempts: u32,
    /// Ceiling of the first back-off.
    pub base_delay: Duration,
    /// Upper bound of any single back-off.
    pub max_delay: Duration,
    /// Jitter function applied to the exponential ceiling.
    pub jitter: JitterFn,
    /// Sleep function.
    pub sleep: SleepFn,
}

impl Default for RetryPolicy {
    /// 4 attempts, 200 ms base, 5 s cap, full jitter, tokio sleep.
    fn default() -> Self {
        Self {
            max_attempts: 4,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(5),
            jitter: Arc::new(full_jitter),
            sleep: Arc::new(|d| Box::pin(tokio::time::sleep(d))),
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn none() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// Same attempt budget but no waiting and no randomness (for tests).
    pub fn immediate(max_attempts: u32) -> Self {
        Self {
            max_attempts,
            jitter: Arc::new(|d| d),
            sleep: Arc::new(|_| Box::pin(async {})),
            ..Self::default()
        }
    }

    /// Delay before retry number `retry` (0-based): `jitter(min(max, base·2^retry))`.
    pub fn backoff(&self, retry: u32) -> Duration {
        let factor = 1u32.checked_shl(retry.min(20)).unwrap_or(u32::MAX);
        let ceiling = self.base_delay.saturating_mul(factor).min(self.max_delay);
        (self.jitter)(ceiling).min(self.max_delay)
    }
}

/// Uniform random delay in `[0, ceiling]` ("full jitter").
pub fn full_jitter(ceiling: Duration) -> Duration {
    let ms = ceiling.as_millis().min(u64::MAX as u128) as u64;
    Duration::from_millis(rand::thread_rng().gen_range(0..=ms))
}

impl fmt::Debug for RetryPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RetryPolicy")
            .field("max_attempts", &self.max_attempts)
            .field("base_delay", &self.base_delay)
            .field("max_delay", &self.max_delay)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_then_caps() {
        let p = RetryPolicy {
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(500),
            ..RetryPolicy::immediate(10)
        };
        let got: Vec<u128> = (0..5).map(|r| p.backoff(r).as_millis()).collect();
        assert_eq!(got, vec![100, 200, 400, 500, 500]);
        assert_eq!(p.backoff(u32::MAX).as_millis(), 500);
    }

    #[test]
    fn full_jitter_stays_within_ceiling() {
        for _ in 0..100 {
            assert!(full_jitter(Duration::from_millis(50)) <= Duration::from_millis(50));
        }
    }
}
