//! Routes of every source, one shape, so the analysis layer can look for conflicts across
//! VPC tables, VPN gateways, BGP and Huawei connection/gateway routes alike.

use serde::{Deserialize, Serialize};

/// Where a route comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RouteSource {
    /// VPC route table entry.
    VpcRouteEntry,
    /// Alibaba VPN destination-based route.
    VpnDestination,
    /// Alibaba VPN policy-based route.
    VpnPolicy,
    /// Network advertised into BGP.
    BgpNetwork,
    /// Learned over BGP.
    BgpLearned,
    /// Huawei connection route (peer subnets / policy rules).
    HuaweiConnection,
    /// Huawei gateway routing table.
    HuaweiGateway,
    /// Anything else.
    #[default]
    Other,
}

/// A route. Its row's cloud id is a synthetic key (see [`Route::key`]): most clouds give
/// routes no id of their own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Route {
    /// Source of the route.
    pub source: RouteSource,
    /// Cloud id of the table / gateway / VBR that holds it.
    pub table_id: String,
    /// Destination CIDR.
    pub destination: String,
    /// Source CIDR (policy routes).
    pub source_cidr: Option<String>,
    /// Next hop as reported (id or IP).
    pub next_hop: Option<String>,
    /// Next hop type (Instance, VpnGateway, RouterInterface, vpn_connection…).
    pub next_hop_type: Option<String>,
    /// AS path (BGP).
    pub as_path: Option<String>,
    /// MED.
    pub med: Option<u32>,
    /// Weight / priority.
    pub weight: Option<u32>,
    /// Whether published to the VPC (Alibaba).
    pub published: Option<bool>,
}

impl Route {
    /// A stable key for a route: source, holder, destination, source CIDR, next hop.
    pub fn key(&self) -> String {
        format!(
            "{}|{}|{}|{}|{}",
            serde_json::to_value(self.source)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            self.table_id,
            self.destination,
            self.source_cidr.as_deref().unwrap_or(""),
            self.next_hop.as_deref().unwrap_or("")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_distinguishes_next_hops() {
        let a = Route {
            source: RouteSource::VpnDestination,
            table_id: "vpn-1".into(),
            destination: "10.0.0.0/8".into(),
            next_hop: Some("vco-1".into()),
            ..Route::default()
        };
        let b = Route {
            next_hop: Some("vco-2".into()),
            ..a.clone()
        };
        assert_eq!(a.key(), "vpn_destination|vpn-1|10.0.0.0/8||vco-1");
        assert_ne!(a.key(), b.key());
    }
}
