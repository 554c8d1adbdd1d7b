//! The provider-neutral model (spec `huawei.md` §5.2): one typed struct per resource kind,
//! stored as the `attrs` of a `resource` row next to the cloud's id and redacted payload.

pub mod account;
pub mod network;
pub mod resource;
pub mod route;
pub mod site;
pub mod state;
pub mod vpn;

pub use account::{Account, AccountUpdate, Credentials, NewAccount};
pub use network::{PhysicalConnection, Region, RouteTable, RouterInterface, VSwitch, Vbr, Vpc};
pub use resource::{ResourceItem, ResourceRef, Spec, StoredResource};
pub use route::{Route, RouteSource};
pub use site::{site_key, Site, SiteMember};
pub use state::{Facet, State, StateValue};
pub use vpn::{
    BgpSession, Connection, CustomerGateway, HealthCheck, Routing, SslVpnServer, Tunnel, VpnGateway,
};

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Which cloud an account belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cloud {
    /// Alibaba Cloud.
    Aliyun,
    /// Huawei Cloud.
    Huawei,
}

impl Cloud {
    /// The token stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Cloud::Aliyun => "aliyun",
            Cloud::Huawei => "huawei",
        }
    }
}

impl fmt::Display for Cloud {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Cloud {
    type Err = crate::Error;
    fn from_str(s: &str) -> crate::Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "aliyun" | "alibaba" => Ok(Cloud::Aliyun),
            "huawei" => Ok(Cloud::Huawei),
            other => Err(crate::Error::invalid(
                "cloud",
                format!("unknown cloud {other:?}"),
            )),
        }
    }
}

/// The kinds of resource a snapshot can hold; one snapshot covers one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResourceKind {
    /// A region the account can see.
    Region,
    /// A site-to-site (or P2C) VPN gateway.
    VpnGateway,
    /// A customer (on-premises) gateway.
    CustomerGateway,
    /// An IPsec connection.
    Connection,
    /// One tunnel of a connection (Huawei: one per connection; Alibaba dual-tunnel: two).
    Tunnel,
    /// A BGP session (VPN tunnel or VBR peer).
    BgpSession,
    /// A health check / connection monitor.
    HealthCheck,
    /// A route from any source.
    Route,
    /// A VPC.
    Vpc,
    /// A vSwitch / subnet.
    VSwitch,
    /// A route table.
    RouteTable,
    /// A virtual border router.
    Vbr,
    /// A router interface.
    RouterInterface,
    /// A physical (leased line) connection.
    PhysicalConnection,
    /// An SSL-VPN / P2C server.
    SslVpnServer,
}

impl ResourceKind {
    /// Every kind, in a stable order.
    pub const ALL: [ResourceKind; 15] = [
        Self::Region,
        Self::VpnGateway,
        Self::CustomerGateway,
        Self::Connection,
        Self::Tunnel,
        Self::BgpSession,
        Self::HealthCheck,
        Self::Route,
        Self::Vpc,
        Self::VSwitch,
        Self::RouteTable,
        Self::Vbr,
        Self::RouterInterface,
        Self::PhysicalConnection,
        Self::SslVpnServer,
    ];

    /// The token stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Region => "region",
            Self::VpnGateway => "vpn_gateway",
            Self::CustomerGateway => "customer_gateway",
            Self::Connection => "connection",
            Self::Tunnel => "tunnel",
            Self::BgpSession => "bgp_session",
            Self::HealthCheck => "health_check",
            Self::Route => "route",
            Self::Vpc => "vpc",
            Self::VSwitch => "v_switch",
            Self::RouteTable => "route_table",
            Self::Vbr => "vbr",
            Self::RouterInterface => "router_interface",
            Self::PhysicalConnection => "physical_connection",
            Self::SslVpnServer => "ssl_vpn_server",
        }
    }
}

impl fmt::Display for ResourceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ResourceKind {
    type Err = crate::Error;
    fn from_str(s: &str) -> crate::Result<Self> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| crate::Error::invalid("kind", format!("unknown kind {s:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_tokens_round_trip_and_match_serde() {
        for k in ResourceKind::ALL {
            assert_eq!(k.as_str().parse::<ResourceKind>().unwrap(), k);
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
    }

    #[test]
    fn unknown_cloud_names_the_field() {
        let err = "gcp".parse::<Cloud>().unwrap_err();
        assert!(matches!(err, crate::Error::Invalid { field: "cloud", .. }));
        assert_eq!("Huawei".parse::<Cloud>().unwrap(), Cloud::Huawei);
    }
}
