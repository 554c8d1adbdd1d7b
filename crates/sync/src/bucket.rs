//! A token bucket for one (account, region, API), with time passed in so it is testable.
//!
//! It refills at 90 % of the published rate and holds at most a tenth of a window's calls:
//! whatever the alignment of the cloud's fixed windows, no window can then see more than the
//! quota (burst 10 % + refill 90 %). On throttling anyway (shared accounts, other tools using
//! the same keys) it pauses and halves its rate, then recovers a little on every answer
//! (additive increase, multiplicative decrease, as TCP does for the same reason).

use crate::quota::Quota;
use std::time::{Duration, Instant};

const REFILL_SHARE: f64 = 0.9;
const BURST_SHARE: f64 = 0.1;
const MIN_RATE_SHARE: f64 = 0.05;

#[derive(Debug, Clone)]
pub struct Bucket {
    nominal_rate: f64,
    rate: f64,
    capacity: f64,
    tokens: f64,
    last: Instant,
    paused_until: Option<Instant>,
    window: Duration,
}

impl Bucket {
    pub fn new(quota: Quota, now: Instant) -> Self {
        let per_sec = f64::from(quota.calls) / quota.window.as_secs_f64();
        let capacity = (f64::from(quota.calls) * BURST_SHARE).max(1.0);
        Bucket {
            nominal_rate: per_sec * REFILL_SHARE,
            rate: per_sec * REFILL_SHARE,
            capacity,
            tokens: capacity,
            last: now,
            paused_until: None,
            window: quota.window,
        }
    }

    fn refill(&mut self, now: Instant) {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.tokens = (self.tokens + elapsed * self.rate).min(self.capacity);
        self.last = now;
    }

    /// Takes a token, or says how long to wait before asking again.
    pub fn try_take(&mut self, now: Instant) -> Result<(), Duration> {
        if let Some(until) = self.paused_until {
            if now < until {
                return Err(until - now);
            }
            self.paused_until = None;
        }
        self.refill(now);
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - self.tokens) / self.rate))
        }
    }

    /// The cloud throttled a call: pause for a tenth of a window and halve the rate.
    pub fn throttled(&mut self, now: Instant) {
        self.rate = (self.rate / 2.0).max(self.nominal_rate * MIN_RATE_SHARE);
        self.tokens = 0.0;
        self.paused_until = Some(now + self.window / 10);
    }

    /// The cloud answered: win back 5 % of the nominal rate.
    pub fn answered(&mut self) {
        self.rate = (self.rate + self.nominal_rate * 0.05).min(self.nominal_rate);
    }

    /// Current refill rate, calls per second.
    pub fn rate(&self) -> f64 {
        self.rate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quota(calls: u32, secs: u64) -> Quota {
        Quota {
            calls,
            window: Duration::from_secs(secs),
        }
    }

    #[test]
    fn no_window_sees_more_than_the_quota() {
        // Arrange: 600 per 60 s; take greedily for 10 simulated minutes, stepping 1 ms.
        let t0 = Instant::now();
        let mut b = Bucket::new(quota(600, 60), t0);
        let mut taken = Vec::new();
        let mut t = t0;
        while t < t0 + Duration::from_secs(600) {
            match b.try_take(t) {
                Ok(()) => taken.push(t),
                Err(wait) => t += wait.max(Duration::from_millis(1)),
            }
        }
        // Assert: every sliding 60 s window holds at most 600 calls, and the bucket used
        // most of the budget (not a timid limiter).
        let mut start = 0;
        for end in 0..taken.len() {
            while taken[end] - taken[start] >= Duration::from_secs(60) {
                start += 1;
            }
            assert!(end - start < 600, "{} calls in one window", end - start + 1);
        }
        assert!(
            taken.len() > 5_000,
            "only {} calls in 10 minutes",
            taken.len()
        );
    }

    #[test]
    fn throttling_pauses_halves_and_recovers() {
        let t0 = Instant::now();
        let mut b = Bucket::new(quota(600, 60), t0);
        let nominal = b.rate();
        b.throttled(t0);
        assert!(b.try_take(t0 + Duration::from_secs(1)).is_err(), "paused");
        assert!((b.rate() - nominal / 2.0).abs() < 1e-9);
        for _ in 0..30 {
            b.answered();
        }
        assert!(
            (b.rate() - nominal).abs() < 1e-9,
            "recovers to nominal, never above"
        );
    }
}
