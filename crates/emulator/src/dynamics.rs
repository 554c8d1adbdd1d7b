//! Time-driven behaviour of tunnels and BGP sessions.
//!
//! Pure functions of (seed, object key, simulation time): the stored estate never changes by
//! itself; every read renders the live status for "now". Time is cut into epochs
//! ([`EPOCH_SECS`]); each object draws its state per epoch from a hash, so the same seed and
//! clock always give the same answers, and advancing the clock makes things flap.
//! Status vocabularies: alibaba.md §3.4.2 and §3.15, huawei.md §5.3.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Length of one dynamics epoch in simulation seconds.
pub const EPOCH_SECS: i64 = 300;

/// How a link behaves over time; chosen by the estate generator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Profile {
    /// Up ~98 % of epochs.
    Healthy,
    /// Down ~40 % of epochs (flapping).
    Flaky,
    /// Phase 1 never completes (IKE proposal / PSK mismatch).
    IkeMismatch,
    /// Tunnel up but the health check target never answers.
    HealthCheckDown,
    /// IPsec up but the BGP peer ASN is wrong, so BGP never establishes.
    BgpWrongAsn,
}

/// SplitMix64 finaliser: a cheap, well-mixed hash for deterministic draws.
pub fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Stable hash of a string key (FNV-1a), independent of the process's hasher seed.
pub fn key_hash(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn epoch(t: DateTime<Utc>) -> u64 {
    t.timestamp().div_euclid(EPOCH_SECS) as u64
}

/// Draw in 0..100 for (seed, key, salt, epoch of `t`).
fn draw(seed: u64, key: &str, salt: u64, t: DateTime<Utc>) -> u64 {
    mix(seed ^ mix(key_hash(key) ^ mix(salt ^ epoch(t)))) % 100
}

/// Whether the IPsec tunnel is up at `t`.
pub fn tunnel_up(p: Profile, seed: u64, key: &str, t: DateTime<Utc>) -> bool {
    let d = draw(seed, key, 1, t);
    match p {
        Profile::Healthy | Profile::HealthCheckDown | Profile::BgpWrongAsn => d >= 2,
        Profile::Flaky => d >= 40,
        Profile::IkeMismatch => false,
    }
}

/// Alibaba `VpnConnection.Status` / tunnel `State` (alibaba.md §3.4.2).
pub fn aliyun_status(p: Profile, seed: u64, key: &str, t: DateTime<Utc>) -> &'static str {
    if tunnel_up(p, seed, key, t) {
        "ipsec_sa_established"
    } else if p == Profile::IkeMismatch || draw(seed, key, 2, t) < 50 {
        "ike_sa_not_established"
    } else {
        "ipsec_sa_not_established"
    }
}

/// Alibaba `VcoHealthCheck.Status`: `success` / `failed`.
pub fn health_check(p: Profile, seed: u64, key: &str, t: DateTime<Utc>) -> &'static str {
    if p != Profile::HealthCheckDown && tunnel_up(p, seed, key, t) {
        "success"
    } else {
        "failed"
    }
}

/// Whether BGP over the tunnel is established.
pub fn bgp_up(p: Profile, seed: u64, key: &str, t: DateTime<Utc>) -> bool {
    p != Profile::BgpWrongAsn && tunnel_up(p, seed, key, t)
}

/// Alibaba `VpnBgpConfig.Status` (`success` / `false`, §5.4).
pub fn aliyun_bgp(p: Profile, seed: u64, key: &str, t: DateTime<Utc>) -> &'static str {
    if bgp_up(p, seed, key, t) {
        "success"
    } else {
        "false"
    }
}

/// VBR BGP peer `BgpStatus` (alibaba.md §3.15): a wrong-ASN peer cycles through the
/// pre-established states and never reaches `Established`.
pub fn vbr_peer_status(p: Profile, seed: u64, key: &str, t: DateTime<Utc>) -> &'static str {
    if bgp_up(p, seed, key, t) {
        return "Established";
    }
    match draw(seed, key, 3, t) % 3 {
        0 => "Idle",
        1 => "Active",
        _ => "Connect",
    }
}

/// Huawei `vpn_connection.status` (huawei.md §5.3).
pub fn huawei_status(p: Profile, seed: u64, key: &str, t: DateTime<Utc>) -> &'static str {
    if tunnel_up(p, seed, key, t) {
        "ACTIVE"
    } else {
        "DOWN"
    }
}

/// Huawei `bgp_peer.state`.
pub fn huawei_bgp_state(p: Profile, seed: u64, key: &str, t: DateTime<Utc>) -> &'static str {
    if bgp_up(p, seed, key, t) {
        "established"
    } else {
        "idle"
    }
}

/// Received-prefix count moving around `base` (0 when BGP is down).
pub fn prefix_count(p: Profile, base: i64, seed: u64, key: &str, t: DateTime<Utc>) -> i64 {
    if !bgp_up(p, seed, key, t) {
        return 0;
    }
    (base + draw(seed, key, 4, t) as i64 % 7 - 3).max(1)
}

/// Monotonic message counter for a session (grows with time; keepalive every 10 s).
pub fn message_count(seed: u64, key: &str, t: DateTime<Utc>) -> i64 {
    (t.timestamp() / 10).max(0) + (mix(seed ^ key_hash(key)) % 10_000) as i64
}

/// Configuration revision of an object at `t`: every object is re-configured now and then
/// (each on its own period of 1–7 days and phase), which the renderers show as an IPsec
/// lifetime change and a new `updated_at`. Returns (revision, time of the last change).
pub fn config_revision(seed: u64, key: &str, t: DateTime<Utc>) -> (u64, DateTime<Utc>) {
    let h = mix(seed ^ key_hash(key) ^ 0xC0F1_6000);
    let period = 86_400 * (1 + (h % 7) as i64);
    let phase = ((h >> 8) % period as u64) as i64;
    let n = (t.timestamp() + phase).div_euclid(period);
    let last = DateTime::from_timestamp(n * period - phase, 0).unwrap_or(t);
    (n.max(0) as u64, last)
}

/// IPsec SA lifetime for a configuration revision (alternates between two common values).
pub fn ipsec_lifetime(revision: u64) -> u64 {
    if revision.is_multiple_of(2) {
        3600
    } else {
        28800
    }
}

/// Epoch number of `t`, exposed so the estate's occasional config changes line up with it.
pub fn epoch_of(t: DateTime<Utc>) -> u64 {
    epoch(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()
    }

    #[test]
    fn deterministic_for_same_inputs() {
        for i in 0..50 {
            let k = format!("vco-{i}");
            assert_eq!(
                aliyun_status(Profile::Flaky, 7, &k, t0()),
                aliyun_status(Profile::Flaky, 7, &k, t0())
            );
        }
    }

    #[test]
    fn profiles_behave_over_a_day() {
        let times: Vec<_> = (0..288).map(|i| t0() + Duration::minutes(5 * i)).collect();
        let up = |p| times.iter().filter(|t| tunnel_up(p, 1, "k", **t)).count();
        assert_eq!(up(Profile::IkeMismatch), 0);
        assert!(up(Profile::Healthy) > 270);
        let flaky = up(Profile::Flaky);
        assert!(flaky > 100 && flaky < 250, "flaky up {flaky}");
        assert!(times
            .iter()
            .all(|t| vbr_peer_status(Profile::BgpWrongAsn, 1, "p", *t) != "Established"));
        assert!(times
            .iter()
            .all(|t| health_check(Profile::HealthCheckDown, 1, "h", *t) == "failed"));
    }

    #[test]
    fn config_changes_now_and_then() {
        let (r0, last0) = config_revision(1, "c", t0());
        assert!(last0 <= t0() && t0() - last0 < Duration::days(7));
        let (r1, last1) = config_revision(1, "c", t0() + Duration::days(8));
        assert!(r1 > r0 && last1 > last0);
        assert_eq!(config_revision(1, "c", t0()), (r0, last0), "deterministic");
        assert_ne!(ipsec_lifetime(r0), ipsec_lifetime(r0 + 1));
    }

    #[test]
    fn counters_move_with_time() {
        let a = message_count(1, "x", t0());
        let b = message_count(1, "x", t0() + Duration::minutes(10));
        assert_eq!(b - a, 60);
        let p: Vec<_> = (0..20)
            .map(|i| {
                prefix_count(
                    Profile::Healthy,
                    10,
                    1,
                    "x",
                    t0() + Duration::minutes(5 * i),
                )
            })
            .collect();
        assert!(p.iter().any(|&c| c != p[0]));
    }
}
