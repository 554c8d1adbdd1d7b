//! Retry policy (spec §2.8): exponential backoff with jitter and a cap, for throttling and
//! transient failures. Reads are retried; writes only when the request provably never reached
//! the service (connection refused, or throttled at the API gateway), because replaying a
//! create could duplicate resources.

use crate::error::{Error, ErrorKind, TransportKind};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

/// Async sleep function; injectable so tests do not wait.
pub type SleepFn = Arc<dyn Fn(Duration) -> Pin<Box<dyn Future<Output = ()> + Send>> + Send + Sync>;
/// Maps the computed backoff to the actual delay (adds randomness in production).
pub type JitterFn = Arc<dyn Fn(Duration) -> Duration + Send + Sync>;

/// How often and how long to retry.
#[derive(Clone)]
pub struct RetryPolicy {
    /// Total attempts including the first (1 = no retry).
    pub max_attempts: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
    pub sleep: SleepFn,
    pub jitter: JitterFn,
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

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 4,
            base_delay: Duration::from_millis(300),
            max_delay: Duration::from_secs(10),
            sleep: Arc::new(|d| Box::pin(tokio::time::sleep(d))),
            // "Equal jitter": half fixed, half random, so retries spread but still back off.
            jitter: Arc::new(|d| {
                let half = d / 2;
                half + half.mul_f64(rand::random::<f64>())
            }),
        }
    }
}

impl RetryPolicy {
    /// No retries at all.
    pub fn none() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// A policy with no delay at all (sleep is a no-op); for tests.
    pub fn immediate(max_attempts: u32) -> Self {
        Self {
            max_attempts,
            sleep: Arc::new(|_| Box::pin(async {})),
            jitter: Arc::new(|d| d),
            ..Self::default()
        }
    }

    /// Backoff before retry number `retry` (1-based): `base * 2^(retry-1)`, capped, jittered.
    pub fn delay_for(&self, retry: u32) -> Duration {
        let exp = self
            .base_delay
            .saturating_mul(2u32.saturating_pow(retry.saturating_sub(1)));
        (self.jitter)(exp.min(self.max_delay)).min(self.max_delay)
    }
}

/// Whether `err` may be retried for a read (`idempotent`) or a write.
pub fn is_retryable(err: &Error, idempotent: bool) -> bool {
    match err {
        Error::Api(api) if idempotent => {
            matches!(api.kind, ErrorKind::Throttled | ErrorKind::Transient)
        }
        // A gateway throttle rejects the request before the VPN service sees it.
        Error::Api(api) => api.kind == ErrorKind::Throttled && api.code.starts_with("APIG"),
        Error::Transport { kind, .. } if idempotent => {
            matches!(
                kind,
                TransportKind::Timeout | TransportKind::Connect | TransportKind::Other
            )
        }
        // Connect failures mean nothing was sent; a timeout may have been processed.
        Error::Transport { kind, .. } => *kind == TransportKind::Connect,
        _ => false,
    }
}

/// Runs `op` until it succeeds, fails with a non-retryable error, or attempts run out.
pub async fn run_with_retry<T, F, Fut>(
    policy: &RetryPolicy,
    idempotent: bool,
    mut op: F,
) -> Result<T, Error>
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<T, Error>>,
{
    let mut attempt = 1;
    loop {
        match op(attempt).await {
            Ok(v) => return Ok(v),
            Err(e) if attempt < policy.max_attempts && is_retryable(&e, idempotent) => {
                let delay = policy.delay_for(attempt);
                tracing::debug!(attempt, ?delay, error = %e, "retrying huawei request");
                (policy.sleep)(delay).await;
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{classify, ApiError};
    use std::sync::Mutex;

    fn api(status: u16, code: &str) -> Error {
        Error::Api(ApiError {
            status,
            code: code.into(),
            message: String::new(),
            request_id: None,
            encoded_authorization_message: None,
            kind: classify(status, code),
        })
    }

    fn recording_policy(max: u32) -> (RetryPolicy, Arc<Mutex<Vec<Duration>>>) {
        let slept = Arc::new(Mutex::new(Vec::new()));
        let s2 = slept.clone();
        let mut p = RetryPolicy::immediate(max);
        p.sleep = Arc::new(move |d| {
            s2.lock().unwrap().push(d);
            Box::pin(async {})
        });
        p.base_delay = Duration::from_millis(100);
        p.max_delay = Duration::from_millis(350);
        (p, slept)
    }

    #[tokio::test]
    async fn reads_back_off_exponentially_up_to_the_cap() {
        let (p, slept) = recording_policy(5);
        let r: Result<(), Error> =
            run_with_retry(&p, true, |_| async { Err(api(429, "APIGW.0308")) }).await;
        assert!(matches!(r, Err(Error::Api(_))));
        let ms: Vec<u128> = slept
            .lock()
            .unwrap()
            .iter()
            .map(|d| d.as_millis())
            .collect();
        assert_eq!(ms, [100, 200, 350, 350]);
    }

    #[tokio::test]
    async fn success_after_transient_errors() {
        let (p, slept) = recording_policy(4);
        let r = run_with_retry(&p, true, |n| async move {
            if n < 3 {
                Err(api(503, "503"))
            } else {
                Ok(n)
            }
        })
        .await;
        assert_eq!(r.unwrap(), 3);
        assert_eq!(slept.lock().unwrap().len(), 2);
    }

    #[test]
    fn writes_are_not_retried_blindly() {
        assert!(!is_retryable(&api(503, "VPN.0002"), false));
        assert!(!is_retryable(&api(429, "429"), false));
        assert!(is_retryable(&api(429, "APIGW.0308"), false));
        let timeout = Error::Transport {
            kind: TransportKind::Timeout,
            message: String::new(),
        };
        assert!(!is_retryable(&timeout, false));
        assert!(is_retryable(&timeout, true));
        assert!(!is_retryable(&api(404, "VPN.0004"), true));
        assert!(!is_retryable(&api(401, "APIGW.0301"), true));
    }

    #[test]
    fn default_jitter_stays_within_half_to_full_backoff() {
        let p = RetryPolicy::default();
        for _ in 0..50 {
            let d = p.delay_for(2);
            assert!(
                d >= Duration::from_millis(300) && d <= Duration::from_millis(600),
                "{d:?}"
            );
        }
    }
}
