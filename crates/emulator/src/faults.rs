//! Fault injection: per cloud / API / account rules, settable from the config or
//! `POST /_emulator/faults`.
//!
//! [`FaultSet::decide`] is pure: it takes the request's identity and a random draw and returns
//! what to do, so tests can reason about it without a server. The server turns a
//! [`Decision`] into added latency, an error answer, a hung or cut connection, or a damaged
//! body.

use serde::{Deserialize, Serialize};

/// Which cloud a rule or request concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cloud {
    Aliyun,
    Huawei,
}

/// What a triggered rule does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    /// Only the latency applies.
    None,
    /// HTTP 500 `InternalError` / `VPN.0002`.
    InternalError,
    /// HTTP 503 `ServiceUnavailable` / `APIGW.0201`-style gateway error.
    Unavailable,
    /// The cloud's throttling answer (alibaba.md §1.9, huawei.md §2.3).
    Throttle,
    /// Never answer (the client's timeout fires).
    Timeout,
    /// Announce a body longer than what is sent, so the connection is cut mid-response.
    Reset,
    /// Valid status, JSON cut in half.
    Truncated,
    /// Valid status, body that is not JSON at all.
    Malformed,
    /// A list container holding a single object instead of an array (alibaba.md §5.1).
    ListAsObject,
    /// Valid status and JSON, preceded by [`crate::respond::OVERSIZED_BYTES`] of whitespace,
    /// streamed without a length: a runaway body the client must refuse, not buffer.
    Oversized,
}

/// One rule. Empty selectors match everything.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FaultRule {
    pub cloud: Option<Cloud>,
    /// Alibaba `Action` or Huawei resource path segment (e.g. `vpn-connection`).
    pub api: Option<String>,
    /// Alibaba AccessKeyId / Huawei AK.
    pub account: Option<String>,
    /// Added latency in wall milliseconds (applies whenever the rule matches).
    pub latency_ms: u64,
    pub kind: FaultKind,
    /// Probability 0..=1 that `kind` triggers on a matching request.
    pub rate: f64,
    /// Stop triggering after this many hits (`None` = forever).
    pub remaining: Option<u32>,
}

impl Default for FaultRule {
    fn default() -> Self {
        Self {
            cloud: None,
            api: None,
            account: None,
            latency_ms: 0,
            kind: FaultKind::None,
            rate: 1.0,
            remaining: None,
        }
    }
}

impl FaultRule {
    fn matches(&self, cloud: Cloud, api: &str, account: &str) -> bool {
        self.cloud.is_none_or(|c| c == cloud)
            && self.api.as_deref().is_none_or(|a| a == api)
            && self.account.as_deref().is_none_or(|a| a == account)
            && self.remaining != Some(0)
    }
}

/// What to do with one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Decision {
    pub latency_ms: u64,
    pub kind: Option<FaultKind>,
}

/// The active rules.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FaultSet {
    pub rules: Vec<FaultRule>,
}

impl FaultSet {
    /// Applies every matching rule: latencies add up, the first rule whose draw falls under
    /// its rate sets the fault (and consumes one of its `remaining` hits). `draw` is uniform
    /// in `0..1`, supplied by the caller (seeded RNG) to keep this pure.
    pub fn decide(&mut self, cloud: Cloud, api: &str, account: &str, draw: f64) -> Decision {
        let mut d = Decision::default();
        for rule in self.rules.iter_mut() {
            if !rule.matches(cloud, api, account) {
                continue;
            }
            d.latency_ms = d.latency_ms.saturating_add(rule.latency_ms);
            if d.kind.is_none() && rule.kind != FaultKind::None && draw < rule.rate {
                d.kind = Some(rule.kind);
                if let Some(n) = rule.remaining.as_mut() {
                    *n -= 1;
                }
            }
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_rates_and_remaining() {
        let mut f = FaultSet {
            rules: vec![
                FaultRule {
                    api: Some("DescribeVpcs".into()),
                    kind: FaultKind::Unavailable,
                    remaining: Some(1),
                    latency_ms: 5,
                    ..FaultRule::default()
                },
                FaultRule {
                    cloud: Some(Cloud::Huawei),
                    kind: FaultKind::Throttle,
                    rate: 0.5,
                    ..FaultRule::default()
                },
            ],
        };
        let d = f.decide(Cloud::Aliyun, "DescribeVpcs", "ak", 0.9);
        assert_eq!(d.kind, Some(FaultKind::Unavailable));
        assert_eq!(d.latency_ms, 5);
        // Consumed: second call passes.
        assert_eq!(
            f.decide(Cloud::Aliyun, "DescribeVpcs", "ak", 0.0).kind,
            None
        );
        assert_eq!(f.decide(Cloud::Huawei, "x", "ak", 0.7).kind, None);
        assert_eq!(
            f.decide(Cloud::Huawei, "x", "ak", 0.2).kind,
            Some(FaultKind::Throttle)
        );
    }
}
