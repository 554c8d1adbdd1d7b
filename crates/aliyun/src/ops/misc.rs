//! Regions, tags and VPN logs (spec §3.1, §3.7, §3.6).

use super::region_params;
use crate::client::{Client, Retry};
use crate::error::Error;
use crate::types::logs::DescribeVpnLogsResponse;
use crate::types::region::{DescribeRegionsResponse, Region};
use crate::types::tag::TagResource;

/// Time window of a log query (§3.6): `From`/`To` as `yyyymmddhh` integers, or
/// `MinutePeriod` (minutes back from now).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LogWindow {
    /// Start hour, `yyyymmddhh`.
    pub from: Option<u32>,
    /// End hour, `yyyymmddhh`.
    pub to: Option<u32>,
    /// Minutes back from now.
    pub minute_period: Option<u32>,
}

impl LogWindow {
    fn params(&self) -> Vec<(String, String)> {
        [
            ("From", self.from),
            ("To", self.to),
            ("MinutePeriod", self.minute_period),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v.to_string())))
        .collect()
    }
}

impl Client {
    /// All regions with their endpoints. No `RegionId` is sent (§3.1).
    pub async fn describe_regions(
        &self,
        accept_language: Option<&str>,
    ) -> Result<Vec<Region>, Error> {
        let p: Vec<(String, String)> = accept_language
            .map(|l| vec![("AcceptLanguage".to_owned(), l.to_owned())])
            .unwrap_or_default();
        let r: DescribeRegionsResponse =
            self.call_typed("DescribeRegions", &p, Retry::Safe).await?;
        Ok(r.regions.items)
    }

    /// All tag bindings of one resource type (`VPC`, `VSWITCH`, `ROUTETABLE`, `EIP`,
    /// `VpnGateway`), optionally restricted to some resource IDs (≤20, §5.6).
    pub async fn list_tag_resources(
        &self,
        region: &str,
        resource_type: &str,
        resource_ids: &[&str],
    ) -> Result<Vec<TagResource>, Error> {
        let mut p = region_params(region, &[("ResourceType", resource_type)]);
        for (i, id) in resource_ids.iter().enumerate() {
            p.push((format!("ResourceId.{}", i + 1), (*id).to_owned()));
        }
        self.list_tag_pages(&p).await
    }

    /// All log lines of an SSL-VPN server (`DescribeVpnSslServerLogs`, note `VpnSslServerId`).
    pub async fn vpn_ssl_server_logs(
        &self,
        region: &str,
        server_id: &str,
        window: LogWindow,
    ) -> Result<Vec<String>, Error> {
        let mut p = region_params(region, &[("VpnSslServerId", server_id)]);
        p.extend(window.params());
        self.all_log_pages("DescribeVpnSslServerLogs", p).await
    }

    /// All log lines of an IPsec connection (`DescribeVpnConnectionLogs` [EXT]).
    pub async fn vpn_connection_logs(
        &self,
        region: &str,
        connection_id: &str,
        window: LogWindow,
    ) -> Result<Vec<String>, Error> {
        let mut p = region_params(region, &[("VpnConnectionId", connection_id)]);
        p.extend(window.params());
        self.all_log_pages("DescribeVpnConnectionLogs", p).await
    }

    /// Log pages are `PageNumber`-paged with `Count` as the total (§3.6).
    async fn all_log_pages(
        &self,
        action: &str,
        base: Vec<(String, String)>,
    ) -> Result<Vec<String>, Error> {
        let size = super::pagination::MAX_PAGE_SIZE;
        let mut out = Vec::new();
        for page in 1u32.. {
            let mut p = base.clone();
            p.push(("PageNumber".into(), page.to_string()));
            p.push(("PageSize".into(), size.to_string()));
            let r: DescribeVpnLogsResponse = self.call_typed(action, &p, Retry::Safe).await?;
            let logs = r.data.logs;
            let n = logs.len() as u64;
            out.extend(logs);
            let done = n == 0
                || r.count.is_some_and(|c| out.len() as u64 >= c)
                || (r.count.is_none() && n < u64::from(size));
            if done || page >= 10_000 {
                break;
            }
        }
        Ok(out)
    }
}
