//! Login attempt limits, per user name and per client address (GCRA through `governor`):
//! 5 attempts a minute per name (a password guesser against one account), 20 a minute per
//! address (one client trying many names). In memory per server process: with N replicas an
//! attacker gets at most N times the budget, still far from a useful guessing rate against
//! argon2id.

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

pub struct LoginLimiter {
    per_user: DefaultKeyedRateLimiter<String>,
    per_address: DefaultKeyedRateLimiter<IpAddr>,
}

impl Default for LoginLimiter {
    fn default() -> Self {
        Self::new(5, 20)
    }
}

impl LoginLimiter {
    pub fn new(per_user_per_minute: u32, per_address_per_minute: u32) -> Self {
        let quota = |n: u32| Quota::per_minute(NonZeroU32::new(n.max(1)).expect("at least one"));
        LoginLimiter {
            per_user: RateLimiter::keyed(quota(per_user_per_minute)),
            per_address: RateLimiter::keyed(quota(per_address_per_minute)),
        }
    }

    /// `Err(wait)` when this attempt is over a limit. Both limits are charged, so probing
    /// many names from one address exhausts that address.
    pub fn check(&self, user: &str, address: Option<IpAddr>) -> Result<(), Duration> {
        self.trim();
        let now = DefaultClock::default().now();
        let by_address = address.map(|a| self.per_address.check_key(&a));
        let by_user = self.per_user.check_key(&user.to_ascii_lowercase());
        let wait = [by_address, Some(by_user)]
            .into_iter()
            .flatten()
            .filter_map(|r| r.err())
            .map(|not_until| not_until.wait_time_from(now))
            .max();
        match wait {
            Some(w) => Err(w.max(Duration::from_secs(1))),
            None => Ok(()),
        }
    }

    /// Keeps the maps small: keys whose budget is full again are forgotten.
    fn trim(&self) {
        if self.per_user.len() > 10_000 || self.per_address.len() > 10_000 {
            self.per_user.retain_recent();
            self.per_address.retain_recent();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_name_gets_its_budget_then_waits() {
        let limiter = LoginLimiter::new(3, 100);
        let addr = Some("192.0.2.1".parse().unwrap());
        for _ in 0..3 {
            assert!(limiter.check("alice", addr).is_ok());
        }
        let wait = limiter.check("Alice", addr).unwrap_err();
        assert!(
            wait >= Duration::from_secs(1) && wait <= Duration::from_secs(60),
            "{wait:?}"
        );
        assert!(
            limiter.check("bob", addr).is_ok(),
            "other names are not affected"
        );
    }

    #[test]
    fn one_address_trying_many_names_is_limited() {
        let limiter = LoginLimiter::new(100, 4);
        let addr = Some("192.0.2.9".parse().unwrap());
        for i in 0..4 {
            assert!(limiter.check(&format!("user{i}"), addr).is_ok());
        }
        assert!(limiter.check("user99", addr).is_err());
        assert!(limiter
            .check("user99", Some("192.0.2.10".parse().unwrap()))
            .is_ok());
    }
}
