//! Gateways and sites: the VPN gateways of both clouds with their connections, and the
//! customer gateways of every account and cloud merged into on-premises sites ("Shanghai DC:
//! 3 of 4 tunnels up across 2 clouds"), worst first, filtered by the page's URL.

use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Roll-up states a gateway or site can have, worst first; `unused` = no tunnel at all.
pub const ROLLUPS: [&str; 4] = ["down", "partial", "up", "unused"];

/// Filters, exactly as they appear in the URL's query string.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GatewayQuery {
    pub cloud: Option<String>,
    /// One of [`ROLLUPS`].
    pub state: Option<String>,
    /// Free text: name, id, public IP of a gateway or of a site's customer gateways.
    pub q: Option<String>,
}

/// A connection as a gateway or site lists it: enough to judge it and link to its detail.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinkedConnection {
    pub id: String,
    pub name: Option<String>,
    pub cloud: String,
    pub account: String,
    pub region: String,
    pub state: String,
    pub tunnels_up: i64,
    pub tunnels: i64,
}

/// Tunnels up out of all, and the roll-up state they give.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TunnelTally {
    pub up: i64,
    pub total: i64,
}

impl TunnelTally {
    pub fn of(connections: &[LinkedConnection]) -> Self {
        connections.iter().fold(Self::default(), |t, c| Self {
            up: t.up + c.tunnels_up,
            total: t.total + c.tunnels,
        })
    }

    /// `down` when no tunnel is up, `partial` when some are, `up` when all are, `unused`
    /// when there is no tunnel.
    pub fn rollup(&self) -> &'static str {
        match (self.up, self.total) {
            (_, 0) => "unused",
            (0, _) => "down",
            (u, t) if u < t => "partial",
            _ => "up",
        }
    }

    /// Position in worst-first order.
    pub fn rank(&self) -> usize {
        ROLLUPS
            .iter()
            .position(|r| *r == self.rollup())
            .unwrap_or(ROLLUPS.len())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GatewayRow {
    pub cloud: String,
    pub account: String,
    pub region: String,
    pub id: String,
    pub name: Option<String>,
    /// The gateway's own lifecycle state.
    pub state: String,
    pub public_ips: Vec<String>,
    pub asn: Option<i64>,
    pub tunnels: TunnelTally,
    pub connections: Vec<LinkedConnection>,
}

/// One customer gateway of a site.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteMemberRow {
    pub cloud: String,
    pub account: String,
    pub region: String,
    pub id: String,
    pub name: Option<String>,
    pub asn: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteRow {
    /// The store's merge key (`ip:…`, `fqdn:…`, `asn:…`).
    pub key: String,
    pub name: String,
    pub clouds: Vec<String>,
    pub members: Vec<SiteMemberRow>,
    pub tunnels: TunnelTally,
    pub connections: Vec<LinkedConnection>,
}

impl SiteRow {
    /// "3 of 4 tunnels up across 2 clouds".
    pub fn headline(&self) -> String {
        let clouds = match self.clouds.len() {
            1 => "1 cloud".to_string(),
            n => format!("{n} clouds"),
        };
        if self.tunnels.total == 0 {
            return format!("no tunnel, customer gateway in {clouds}");
        }
        format!(
            "{} of {} tunnels up across {clouds}",
            self.tunnels.up, self.tunnels.total
        )
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GatewaysView {
    pub gateways: Vec<GatewayRow>,
    pub sites: Vec<SiteRow>,
    /// Gateways and sites in the store before filtering (tells "nothing synced" from "nothing
    /// matches").
    pub unfiltered: usize,
    /// The oldest last successful sync of the kinds shown: everything is at least this fresh.
    pub as_of: Option<DateTime<Utc>>,
    pub generated_at: DateTime<Utc>,
}

#[server(endpoint = "gateways")]
pub async fn list_gateways(
    #[server(default)] query: GatewayQuery,
) -> Result<GatewaysView, AppError> {
    let (state, _) = crate::access::guard::require(crate::access::Role::Viewer, "read").await?;
    crate::api::gateways_sql::gateways(&state.pool, &query, Utc::now()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conn(up: i64, total: i64) -> LinkedConnection {
        LinkedConnection {
            id: "c".into(),
            name: None,
            cloud: "aliyun".into(),
            account: "a".into(),
            region: "r".into(),
            state: "up".into(),
            tunnels_up: up,
            tunnels: total,
        }
    }

    #[test]
    fn tallies_roll_up_worst_first() {
        let t = TunnelTally::of(&[conn(2, 2), conn(1, 2)]);
        assert_eq!((t.up, t.total, t.rollup()), (3, 4, "partial"));
        assert_eq!(TunnelTally::of(&[conn(0, 2)]).rollup(), "down");
        assert_eq!(TunnelTally::of(&[]).rollup(), "unused");
        assert!(TunnelTally::of(&[conn(0, 1)]).rank() < t.rank());
        let site = SiteRow {
            key: "ip:203.0.113.7".into(),
            name: "Shanghai DC".into(),
            clouds: vec!["aliyun".into(), "huawei".into()],
            members: vec![],
            tunnels: t,
            connections: vec![],
        };
        assert_eq!(site.headline(), "3 of 4 tunnels up across 2 clouds");
    }
}
