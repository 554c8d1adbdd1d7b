//! API rate quotas: fixed windows per (account, region, API).
//!
//! The specs carry no numeric quota table (alibaba.md §1.9 only names `Throttling.User`;
//! huawei.md §2.3 only says 429), so the limits below are the published per-API flow-control
//! figures the project brief lists: `DescribeBgpPeers` 300/60 s, `DownloadVpnConnectionConfig`
//! 30/60 s, other VPN/VPC reads 600/60 s; writes get 100/60 s. Windows are measured on the
//! simulation clock, so `time_scale` shortens them for tests. The core is pure: callers pass
//! the time in.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

/// One limit: at most `calls` per `window_secs` of simulation time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Limit {
    pub calls: u32,
    pub window_secs: u32,
}

impl Limit {
    pub const fn per_minute(calls: u32) -> Self {
        Self {
            calls,
            window_secs: 60,
        }
    }
}

/// The published limit of an Alibaba action.
pub fn aliyun_limit(action: &str) -> Limit {
    match action {
        "DescribeBgpPeers" => Limit::per_minute(300),
        "DownloadVpnConnectionConfig" => Limit::per_minute(30),
        a if a.starts_with("Describe") || a.starts_with("List") => Limit::per_minute(600),
        _ => Limit::per_minute(100),
    }
}

/// The limit of a Huawei API (keyed by method + path template, e.g. `GET vpn-connection`).
pub fn huawei_limit(method: &str) -> Limit {
    if method == "GET" {
        Limit::per_minute(600)
    } else {
        Limit::per_minute(100)
    }
}

/// Quota key: account, region, API.
pub type Key = (String, String, String);

/// Counters of the current window per key.
#[derive(Debug, Default)]
pub struct Quotas {
    windows: HashMap<Key, (i64, u32)>,
}

impl Quotas {
    /// Counts one call at `now`. `Ok` if within `limit`, else `Err(seconds until the window
    /// resets)` in simulation time.
    pub fn check(&mut self, key: Key, limit: Limit, now: DateTime<Utc>) -> Result<(), f64> {
        let window_ms = i64::from(limit.window_secs.max(1)) * 1000;
        let now_ms = now.timestamp_millis();
        let idx = now_ms.div_euclid(window_ms);
        let slot = self.windows.entry(key).or_insert((idx, 0));
        if slot.0 != idx {
            *slot = (idx, 0);
        }
        if slot.1 >= limit.calls {
            let reset_ms = (idx + 1) * window_ms - now_ms;
            return Err(reset_ms as f64 / 1000.0);
        }
        slot.1 += 1;
        Ok(())
    }

    /// Forgets every counter (admin reset).
    pub fn clear(&mut self) {
        self.windows.clear();
    }

    /// Number of tracked keys, for `/_emulator/state`.
    pub fn len(&self) -> usize {
        self.windows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.windows.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn key(api: &str) -> Key {
        ("acct".into(), "cn-hangzhou".into(), api.into())
    }

    #[test]
    fn published_limits() {
        assert_eq!(aliyun_limit("DescribeBgpPeers").calls, 300);
        assert_eq!(aliyun_limit("DownloadVpnConnectionConfig").calls, 30);
        assert_eq!(aliyun_limit("DescribeVpnConnections").calls, 600);
        assert_eq!(aliyun_limit("PublishVpnRouteEntry").calls, 100);
    }

    #[test]
    fn refuses_beyond_limit_and_recovers_next_window() {
        let mut q = Quotas::default();
        let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let lim = Limit::per_minute(3);
        for _ in 0..3 {
            assert!(q.check(key("A"), lim, t0).is_ok());
        }
        let wait = q.check(key("A"), lim, t0).unwrap_err();
        assert!((wait - 60.0).abs() < 1e-9);
        // Other APIs and accounts have their own windows.
        assert!(q.check(key("B"), lim, t0).is_ok());
        assert!(q
            .check(key("A"), lim, t0 + chrono::Duration::seconds(60))
            .is_ok());
    }
}
