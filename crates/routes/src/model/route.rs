//! Routes of every source in one neutral shape.
//!
//! Alibaba VPC route entries (spec alibaba §3.11), VPN gateway dbr/pbr entries (§3.5), VBR BGP
//! networks/learned routes (§3.15) and Huawei gateway routing-table / connection routes (huawei
//! §3.3, §3.7, mapping §5.1) all become a [`Route`] held by a [`TableRef`]. The sync/store layer
//! maps the wire types into this; the analysis never sees a cloud-specific type.

use ipnet::IpNet;
use serde::{Deserialize, Serialize};

use crate::cidr::serde_fields;

/// Which cloud an object lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cloud {
    /// Alibaba Cloud.
    Alibaba,
    /// Huawei Cloud.
    Huawei,
}

/// The kind of routing table a route lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// An Alibaba VPC route table (`vtb-`), system or custom (§3.11).
    VpcRouteTable,
    /// The route table of an Alibaba VPN gateway (dbr + pbr entries, §3.5); its id is the gateway id.
    VpnGateway,
    /// The route table of a VBR (§3.13 `RouteTableId`).
    VbrRouteTable,
    /// A Huawei VPN gateway's routing table (huawei §3.3 + static peer subnets); id = gateway id.
    HuaweiGateway,
}

/// Reference to the table that holds a route.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TableRef {
    /// Kind of table.
    pub kind: TableKind,
    /// Table id (`vtb-…`, or the gateway id for gateway tables).
    pub id: String,
    /// Cloud.
    pub cloud: Cloud,
    /// Account the table belongs to.
    pub account: String,
    /// Region.
    pub region: String,
}

/// What a next hop is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NextHopKind {
    /// A VPN gateway (VPC route `NextHopType=VpnGateway`): continue in the gateway's table.
    VpnGateway,
    /// An IPsec connection (`vco-…` / Huawei `vpn_connection`).
    Connection,
    /// A virtual border router.
    Vbr,
    /// A router interface (`ri-…`); the VPC side of a VPC↔VBR link.
    RouterInterface,
    /// An instance / ENI / HaVip / NAT gateway: traffic leaves the routing domain here.
    Instance,
    /// Local delivery inside the VPC (system routes for vSwitch CIDRs).
    Local,
    /// Traffic is dropped.
    Blackhole,
    /// Anything else (e.g. Alibaba `service` for 100.64.0.0/10).
    Other,
}

/// A route's next hop.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct NextHop {
    /// Kind of next hop.
    pub kind: NextHopKind,
    /// Id of the next hop object (empty for local / blackhole).
    pub id: String,
}

impl NextHop {
    /// Shorthand constructor.
    pub fn new(kind: NextHopKind, id: impl Into<String>) -> Self {
        Self {
            kind,
            id: id.into(),
        }
    }
}

/// Where a route comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum RouteSource {
    /// Alibaba VPC route table entry (System / Custom, §3.11).
    VpcRouteEntry,
    /// Alibaba VPN gateway destination-based route ("dbr", §3.5).
    VpnDestinationRoute,
    /// Alibaba VPN gateway policy-based route ("pbr", §3.5): matches source *and* destination.
    VpnPolicyRoute {
        /// `RouteSource` of the pbr entry.
        #[serde(with = "serde_fields::source_cidr")]
        source_cidr: IpNet,
    },
    /// A prefix a VBR advertises to the IDC (§3.15 AddBgpNetwork).
    BgpNetwork,
    /// A route learned over BGP (`Type=BGP` entries, §3.11 / huawei §3.3).
    BgpLearned,
    /// Huawei connection route (static `peer_subnets` or policy rule destinations, huawei §3.7).
    HuaweiConnectionRoute,
    /// Huawei gateway routing-table entry (huawei §3.3).
    HuaweiGatewayRoute,
}

impl RouteSource {
    /// The pbr source CIDR, if this is a policy route.
    pub fn policy_source(&self) -> Option<IpNet> {
        match self {
            RouteSource::VpnPolicyRoute { source_cidr } => Some(*source_cidr),
            _ => None,
        }
    }

    /// Short label used in messages.
    pub fn label(&self) -> String {
        match self {
            RouteSource::VpcRouteEntry => "VPC route".into(),
            RouteSource::VpnDestinationRoute => "destination route (dbr)".into(),
            RouteSource::VpnPolicyRoute { source_cidr } => {
                format!("policy route (pbr, from {source_cidr})")
            }
            RouteSource::BgpNetwork => "BGP network".into(),
            RouteSource::BgpLearned => "BGP-learned route".into(),
            RouteSource::HuaweiConnectionRoute => "connection route".into(),
            RouteSource::HuaweiGatewayRoute => "gateway route".into(),
        }
    }
}

/// Normalised route state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RouteState {
    /// Installed and forwarding (Alibaba `Available`, VPN `normal`/`published`).
    #[default]
    Active,
    /// Being created or modified (`Pending` / `Modifying`): counted as present.
    Pending,
    /// Present but not forwarding (withdrawn, disabled ECMP member): ignored by trace.
    Inactive,
}

/// One route from any source.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Route {
    /// Stable id (most clouds give routes none; the store uses a synthetic key).
    pub id: String,
    /// Table that holds the route.
    pub table: TableRef,
    /// Destination prefix.
    #[serde(with = "serde_fields::destination")]
    pub destination: IpNet,
    /// Next hop.
    pub next_hop: NextHop,
    /// Origin of the route.
    pub source: RouteSource,
    /// Weight: Alibaba VPN routes carry `0` (standby) or `100` (active) (§3.5); ECMP members
    /// carry their own weight. `None` = the cloud has no weight for this route.
    pub weight: Option<u32>,
    /// Alibaba VPN routes: `State=published` (advertised into the VPC system table, §3.5).
    pub published: Option<bool>,
    /// Route state.
    #[serde(default)]
    pub state: RouteState,
}

impl Route {
    /// Weight used for comparisons: a missing weight counts as 0.
    pub fn effective_weight(&self) -> u32 {
        self.weight.unwrap_or(0)
    }

    /// Whether this is a pbr route.
    pub fn is_policy(&self) -> bool {
        self.source.policy_source().is_some()
    }
}
