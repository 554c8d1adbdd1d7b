//! The clouds' published API quotas: calls per window, per (account, region, API). The budget
//! of every (account, region, API) starts from these, and a configuration may override them.
//!
//! Alibaba (alibaba.md, quotas): most VPN Gateway / VPC reads 600 per 60 s, DescribeBgpPeers
//! 300 per 60 s, DownloadVpnConnectionConfig 30 per 60 s, writes 100 per 60 s. Huawei
//! (huawei.md §2.3): API Gateway throttling per API, 600 GETs per 60 s assumed for reads.

use std::collections::HashMap;
use std::time::Duration;

/// Which cloud an API belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CloudApi {
    Aliyun,
    Huawei,
}

/// A quota: at most `calls` per `window`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quota {
    pub calls: u32,
    pub window: Duration,
}

/// Published quotas with overrides, and a scale for every window (tests run the emulator on
/// an accelerated clock, where a 60 s window lasts 60 ms).
#[derive(Debug, Clone)]
pub struct Quotas {
    pub overrides: HashMap<String, u32>,
    pub window_scale: f64,
}

impl Default for Quotas {
    fn default() -> Self {
        Quotas {
            overrides: HashMap::new(),
            window_scale: 1.0,
        }
    }
}

impl Quotas {
    /// The quota of `api` (an Alibaba action, or `METHOD /path-family` for Huawei).
    pub fn for_api(&self, cloud: CloudApi, api: &str) -> Quota {
        let calls = self
            .overrides
            .get(api)
            .copied()
            .unwrap_or_else(|| published(cloud, api));
        let window = Duration::from_secs_f64(60.0 * self.window_scale);
        Quota {
            calls: calls.max(1),
            window,
        }
    }
}

/// Published calls per 60 s.
pub fn published(cloud: CloudApi, api: &str) -> u32 {
    match cloud {
        CloudApi::Aliyun => match api {
            "DescribeBgpPeers" => 300,
            "DownloadVpnConnectionConfig" => 30,
            a if ["Describe", "List", "Download", "Query", "Get"]
                .iter()
                .any(|p| a.starts_with(p)) =>
            {
                600
            }
            _ => 100,
        },
        CloudApi::Huawei => match api.split_whitespace().next() {
            Some("GET") => 600,
            _ => 100,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_limits_follow_the_spec() {
        assert_eq!(published(CloudApi::Aliyun, "DescribeVpnConnections"), 600);
        assert_eq!(published(CloudApi::Aliyun, "DescribeBgpPeers"), 300);
        assert_eq!(
            published(CloudApi::Aliyun, "DownloadVpnConnectionConfig"),
            30
        );
        assert_eq!(published(CloudApi::Aliyun, "PublishVpnRouteEntry"), 100);
        assert_eq!(published(CloudApi::Huawei, "GET /vpn-connection"), 600);
    }

    #[test]
    fn overrides_and_scale_apply() {
        let mut q = Quotas {
            window_scale: 0.001,
            ..Quotas::default()
        };
        q.overrides.insert("DescribeVpcs".into(), 10);
        let quota = q.for_api(CloudApi::Aliyun, "DescribeVpcs");
        assert_eq!(quota.calls, 10);
        assert_eq!(quota.window, Duration::from_millis(60));
    }
}
